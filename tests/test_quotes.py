import pytest

from analysis.detect.spans import analyze_text
from analysis.text.quotes import find_quotes


def inner(text):
    return [(text[q.inner_start:q.inner_end], q.closed) for q in find_quotes(text)]


def test_straight_and_curly_double_quotes():
    text = 'He said "it was routine" and she said “it was not.”'
    assert inner(text) == [("it was routine", True), ("it was not.", True)]


def test_quote_spanning_sentences_and_paragraphs():
    text = "He said: “The first sentence. The second one.\n\n“The third, in a new paragraph,” he added."
    qs = find_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in qs] == ["The first sentence. The second one.", "The third, in a new paragraph,"]
    assert not qs[0].closed and qs[1].continues_previous


def test_missing_closing_mark_before_a_speech_tag_is_repaired():
    text = "“We have noted relevant reports but I have no information on this specific case, said Geng Shuang, a spokesman."
    (q,) = find_quotes(text)
    assert q.repaired and text[q.inner_start:q.inner_end].endswith("specific case,")


def test_short_quotes_are_scare_quote_candidates():
    text = 'Two “freedom of navigation operations” and a “strategic asset.” but “this is a whole clause. Really.”'
    shorts = [q.is_short(text) for q in find_quotes(text)]
    assert shorts == [True, True, False]


@pytest.mark.parametrize("text,kind", [
    ("He said on “Fox News Sunday,” that the bill would pass.", "title"),
    ("She told “Meet the Press” the plan was sound.", "title"),
    ("The “peace plan” was unveiled on Monday.", "scare"),
    ("The “reform” passed on Monday.", "scare"),
    ("Critics called the law “a Total Disaster” on Monday.", "partial"),
])
def test_a_quoted_title_is_no_scare_quote_and_no_ones_words(text, kind):
    spans = analyze_text(text, tone=False).spans
    quotes = spans[spans["category"] == "quote"]
    assert list(quotes["subcategory"]) == [kind]
    if kind == "title":
        assert quotes.iloc[0]["voice"] == "author" and quotes.iloc[0]["speaker"] == ""
        counts = analyze_text(text, tone=False).features
        assert counts["quote_scare_n"] == 0 and counts["quote_n"] == 0


@pytest.mark.parametrize("text,kind", [
    ("“It's a sad day,” said one senior official.", "direct"),  # a whole utterance opening the sentence
    ("The talks ended. “No deal,” he said.", "direct"),
    ("He had “deliberately” misled the committee, the report said.", "partial"),  # words inside the outlet's sentence
    ("It was a “routine” flight.", "scare"),
])
def test_a_short_quotation_that_opens_its_sentence_is_a_whole_utterance(text, kind):
    spans = analyze_text(text, tone=False).spans
    assert list(spans.loc[spans["category"] == "quote", "subcategory"]) == [kind]


def test_a_quotation_after_its_speakers_aside_continues_the_speakers_words():
    text = "“It's a sad day,” said one senior official, who asked not to be named. “But he brought this on himself.”"
    spans = analyze_text(text, tone=False).spans
    quotes = spans[spans["category"] == "quote"]
    assert list(quotes["speaker"]) == ["one senior official", "one senior official"]
    assert list(quotes["subcategory"]) == ["direct", "direct"]


def test_a_quotation_tag_glued_to_the_next_sentence_by_a_lost_space_keeps_its_speaker():
    text = "“The Chinese have complete control,” Trump said.Trump claimed that he learned this from business leaders."
    spans = analyze_text(text, tone=False).spans
    assert list(spans.loc[spans["category"] == "quote", "speaker"]) == ["Trump"]
    cues = spans[spans["category"] == "attribution"]
    assert list(zip(cues["text"], cues["speaker"])) == [("said", "Trump"), ("claimed", "Trump")]


def test_an_opening_mark_typed_for_the_closing_one_closes_the_quotation():
    text = "“Apparently not,“ he said. “A leopard doesn’t change its spots.”"
    quotes = find_quotes(text)
    assert [text[q.inner_start:q.inner_end] for q in quotes] == ["Apparently not,", "A leopard doesn’t change its spots."]
    assert quotes[0].repaired and not quotes[1].repaired
    spans = analyze_text(text, tone=False).spans
    assert list(spans.loc[spans["category"] == "attribution", "text"]) == ["said"]


def test_a_quotation_signed_with_a_dash_and_a_name_is_that_persons():
    text = ("“Boeing and GE and other multinationals pay zero taxes.”  - Sanders.\n\nThis is a complex issue.\n\n"
            "“I helped write that bill.”  — Sen. Bernie Sanders\n\n“It will be fine,” he said - and then he left.")
    spans = analyze_text(text, tone=False).spans
    quotes = spans[spans["category"] == "quote"]
    assert list(quotes["speaker"])[:2] == ["Bernie Sanders", "Bernie Sanders"]  # one naming per person
    cues = spans[spans["category"] == "attribution"]
    assert list(cues["text"]) == ["-", "—", "said"]  # a dash inside a sentence is no signature
