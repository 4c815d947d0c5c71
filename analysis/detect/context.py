"""The context of a word in its sentence: part of speech, negation, what it is applied to, names, quotation.

Everything here is general (about the sentence around a word), never about which word it is."""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.detect.lexicon import Token, word_class

WINDOW = 4  # words either side of a range that are tagged too (what a rule may look at)
TAG_MEMO = 2**17  # word forms whose tag is remembered
NEGATION_REACH = 3
BREAK_MARK = re.compile(r"[,;:—()]")  # punctuation between a negator and a word ends the negation's reach
OPENING_MARK = re.compile(r"(?:[“‘(]|(?:^|\s)[\"']|[:—]\s*)$")  # what ends the gap before a quotation or clause opens


@lru_cache(maxsize=1)
def _tagger():
    """Pattern's rule-based tagger (Brill lexicon and rules, shipped in textblob; no downloads)."""
    from textblob.en import parser
    return parser


def lexicon_tag(word: str) -> str:
    """The tag Pattern's lexicon gives a word form out of context ('added': VBD, 'both': DT), '' if unlisted."""
    return _tagger().lexicon.get(word) or ""


def pos_tags(tokens: list[Token], ranges: list[tuple[int, int]]) -> dict[int, str]:
    """Penn Treebank tags for the tokens of the given (first, last) ranges and WINDOW words either side."""
    if not ranges:
        return {}
    windows: list[list[int]] = []
    for a, b in sorted(ranges):
        lo, hi = max(0, a - WINDOW), min(len(tokens), b + WINDOW + 1)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    tags: dict[int, str] = {}
    for lo, hi in windows:
        tags[lo] = _word_tag(tokens[lo].text, True)
        for k in range(lo + 1, hi):
            tags[k] = _word_tag(tokens[k].text, False)
    return tags


@lru_cache(maxsize=TAG_MEMO)
def _word_tag(word: str, opens: bool) -> str:
    """Pattern's tag of a word: textblob runs its tagger with the lexicon and suffix rules and no contextual rules,
    so a tag depends on the word alone, except that the first word tagged is also looked up in lower case."""
    return _tagger().find_tags([word] if opens else ["the", word])[-1][1]


@dataclass(frozen=True)
class Sentence:
    """Token index range [first, last] of one sentence."""
    first: int
    last: int


def sentence_ranges(tokens: list[Token], sents) -> list[Sentence]:
    """The token range of every sentence (sentences without words get an empty range)."""
    starts = [t.start for t in tokens]
    return [Sentence(bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end) - 1) for s in sents]


def negated(text: str, tokens: list[Token], first: int, sent_first: int, tags: dict[int, str] | None = None) -> bool:
    """A negator within three words before the match, with no clause break or punctuation between ('did not slam').

    'Not only' adds rather than denies ('not only threaten'). With tags, an adjective before a noun with a verb
    between it and the negator describes the verb's object, which the negation does not deny ('cannot pick crazy
    people', 'does not justify a poor response')."""
    negators, breaks = word_class("negator"), word_class("clause_break")
    tags = tags or {}
    attributive = tags.get(first, "").startswith("JJ") and tags.get(first + 1, "").startswith("NN")
    verb_between = False
    k = first - 1
    while k >= max(sent_first, first - NEGATION_REACH):
        if BREAK_MARK.search(text, tokens[k].end, tokens[k + 1].start):
            return False
        w = tokens[k].lower
        if w in negators or w.endswith("n't"):
            if w == "not" and k + 1 < len(tokens) and tokens[k + 1].lower == "only":
                return False
            return not (attributive and verb_between)
        if w in breaks:
            return False
        verb_between |= tags.get(k, "").startswith("VB")
        k -= 1
    return False


def in_name(text: str, tokens: list[Token], first: int, last: int, sent_first: int, alone_is_name: bool = True) -> bool:
    """The match is capitalised and part of a run of capitalised words: a proper name ('the Islamic State').

    A word that opens a sentence, or a quotation inside one, is capitalised by position, not because it is a name: it
    is a name only when a capitalised word follows with nothing between ('Strikingly, Trump ...' is not a name;
    'Crooked Hillary' is). Punctuation ends a run of capitalised words. A capitalised match inside a sentence with no
    capitalised word beside it ('the Justice said', 'Savage said') is a name unless `alone_is_name` is off (for
    hand-curated loaded phrases, whose capitals alone are emphasis: 'the Fake News', 'a total Witch Hunt')."""
    if not all(tokens[k].text[:1].isupper() for k in range(first, last + 1)):
        return False
    opens = first == sent_first or OPENING_MARK.search(text[tokens[first - 1].end:tokens[first].start]) is not None
    after = (last + 1 < len(tokens) and tokens[last + 1].text[:1].isupper()
             and not text[tokens[last].end:tokens[last + 1].start].strip())
    if opens:
        return after
    before = tokens[first - 1].text[:1].isupper() and not _function(tokens[first - 1])
    return before or after or (alone_is_name and not tokens[first].text.isupper())


def _function(tok: Token) -> bool:
    return tok.lower in word_class("determiner")


def head_after(tokens: list[Token], tags: dict[int, str], last: int, sent_last: int) -> int | None:
    """The noun a modifier applies to: the first noun within three words after it (skipping adjectives), if any."""
    for k in range(last + 1, min(sent_last, last + 3) + 1):
        tag = tags.get(k, "")
        if tag.startswith("NN"):
            while k + 1 <= sent_last and tags.get(k + 1, "").startswith("NN") and not tags.get(k + 1, "").startswith("NNP"):
                k += 1
            return k
        if not (tag.startswith("JJ") or tag in ("CC", ",", "RB", "VBN", "VBG")):
            return None
    return None


def applied_to(tokens: list[Token], tags: dict[int, str], last: int, sent_last: int) -> str:
    """What a modifier is applied to: 'actor' (a person, group, state or name), 'designation' (an event or fixed
    category: 'attacks', 'organization', 'charges') or '' (anything else, or nothing)."""
    k = head_after(tokens, tags, last, sent_last)
    if k is None:
        return ""
    word = tokens[k].lower
    if word in word_class("designation_head"):
        return "designation"
    if word in word_class("actor_head") or tags.get(k, "").startswith("NNP") or tokens[k].text[:1].isupper():
        return "actor"
    return ""


def coarse_pos(tag: str) -> str:
    """Penn tag -> adjective, adverb, verb, noun, proper noun or other."""
    if tag.startswith("JJ"):
        return "adjective"
    if tag.startswith("RB"):
        return "adverb"
    if tag.startswith("VB"):
        return "verb"
    if tag.startswith("NNP"):
        return "proper noun"
    if tag.startswith("NN"):
        return "noun"
    return "other"


def log_length(n: int) -> float:
    """log(1 + n), scaled to about 0..1 for sentence lengths."""
    return math.log1p(n) / 4.0
