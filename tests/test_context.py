"""The context of a word: part-of-speech tags as Pattern's tagger gives them."""
from textblob.en import parser

from analysis.corpus.folder import load_corpus
from analysis.detect.context import WINDOW, pos_tags
from analysis.detect.lexicon import tokenize
from tests.support import ROOT


def test_tags_are_the_taggers_own_for_every_window_of_the_bundled_articles():
    # pos_tags remembers each word's tag; that must give exactly what the tagger gives the words of a window in order
    compared = 0
    for article in load_corpus(ROOT / "corpus").articles:
        tokens = tokenize(article.raw)
        for a in range(0, len(tokens) - 1, 7):
            got = pos_tags(tokens, [(a, a + 1)])
            lo, hi = max(0, a - WINDOW), min(len(tokens), a + 1 + WINDOW + 1)
            expected = {lo + k: tag for k, (_, tag) in enumerate(parser.find_tags([t.text for t in tokens[lo:hi]]))}
            assert got == expected, [tokens[i].text for i in range(lo, hi)]
            compared += len(got)
    assert compared > 3000


def test_a_capitalised_word_opening_the_tagged_words_is_also_looked_up_in_lower_case():
    tokens = tokenize("Slammed by critics, the plan stalled. Critics slammed it.")
    tags = pos_tags(tokens, [(0, 0)])
    assert tags[0].startswith("VB")  # 'slammed' from the lexicon, not a proper noun
    far = pos_tags(tokens, [(len(tokens) - 2, len(tokens) - 1)])
    assert far[len(tokens) - 2].startswith("VB")
