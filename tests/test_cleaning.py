import pytest

from analysis.text.cleaning import clean
from tests.support import CNN_0620, CNN_0707, CNN_0708, JT, WSWS

BOILERPLATE = {
    CNN_0620: ["01:04 - Source: CNN", "How much damage can North Korea", "Story highlights", "Washington CNN",
               "contributed to this report", "US military flexing", "Trump’s confusing North Korea tweet",
               "US B-1 bombers fly near North Korea"],
    CNN_0707: ["03:15 - Source: CNN", "US-China tensions rising", "Story highlights", "Washington CNN",
               "contributed to this report", "End of the honeymoon", "Not giving up hope"],
    CNN_0708: ["trump kim jong un split", "Trump weighs 'severe things'", "02:21 - Source: CNN", "trump xi illustration",
               "03:15 - Source: CNN", "Story highlights", "CNN \u00a0—", "A US Air Force B-1B Lancer bombers sits",
               "contributed to this report", "Pressure not working", "Calling Washington’s bluff"],
    JT: ["In a time of both misinformation", "By subscribing"],
    WSWS: ["# US strategic", "Peter Symonds", "10 July 2017", "To contact the WSWs", "wsws.org/contact", "**["],
}


@pytest.mark.parametrize("article_id", list(BOILERPLATE))
def test_no_boilerplate_line_survives_in_the_body(analyses, article_id):
    body = analyses[article_id].cleaned.body
    for line in BOILERPLATE[article_id]:
        assert line not in body, line


@pytest.mark.parametrize("article_id", list(BOILERPLATE))
def test_every_removal_is_recorded_with_its_rule_and_raw_offsets(analyses, article_id):
    c = analyses[article_id].cleaned
    for r in c.removals:
        assert c.raw[r.start:r.end] == r.text and r.rule and r.description
    kept = sum(length for _, _, length in c.segments)
    removed = sum(r.end - r.start for r in c.removals)
    parts = sum(p.end - p.start for p in c.parts)
    whitespace = len(c.raw) - kept - removed - parts
    assert 0 <= whitespace < 200  # only blank lines and trailing spaces are not accounted for
    assert all(ch.isspace() for ch in _unaccounted(c))


def _unaccounted(c):
    covered = [False] * len(c.raw)
    for _, raw_start, length in c.segments:
        covered[raw_start:raw_start + length] = [True] * length
    for x in list(c.removals) + list(c.parts):
        covered[x.start:x.end] = [True] * (x.end - x.start)
    return "".join(ch for ch, seen in zip(c.raw, covered) if not seen)


def test_wsws_page_breaks_are_joined_and_recorded(analyses):
    c = analyses[WSWS].cleaned
    assert "she insisted that the summit was concerned with economic matters." in c.body
    assert "indicating that Trump had given up on China" in c.body
    assert "Jim Mattis declared that" in c.body
    assert [r.rule for r in c.removals].count("page-break") == 3


def test_headline_highlights_and_subheads_are_separate_labelled_parts(analyses):
    wsws = analyses[WSWS].cleaned
    assert [p.text for p in wsws.parts_of("headline")] == ["US strategic bombers conduct provocative drill near North Korea"]
    cnn = analyses[CNN_0620].cleaned
    assert len(cnn.parts_of("highlight")) == 3
    assert cnn.parts_of("highlight")[0].text.startswith("The US regularly conducts")
    assert [p.text for p in cnn.parts_of("opening-line")] == ["US B-1 bombers fly near North Korea"]
    assert [p.text for p in cnn.parts_of("subhead")] == ["US military flexing", "Trump’s confusing North Korea tweet"]
    assert len(analyses[CNN_0708].cleaned.parts_of("highlight")) == 2
    # the highlights are analysed on their own: "show of force" is there, in the outlet's voice
    spans = [s for p, a in analyses[CNN_0708].parts if p.kind == "highlight" for s in a.spans.itertuples()]
    assert any(s.text == "show of force" and s.voice == "author" for s in spans)


@pytest.mark.parametrize("article_id", list(BOILERPLATE))
def test_body_offsets_map_back_to_the_same_raw_text(analyses, article_id):
    aa = analyses[article_id]
    for s in aa.body.spans.itertuples():
        raw = aa.cleaned.raw[aa.cleaned.to_raw(s.start):aa.cleaned.to_raw(s.end)]
        assert raw == s.text or raw.replace("\n\n", " ") == s.text


def test_a_new_cnn_article_pasted_from_the_web_cleans_the_same_way():
    raw = ("Kim Jong Un watches a missile launch\nnorth korea missile test\n01:59 - Source: CNN\n\n"
           "Story highlights\n\nNorth Korea tested another missile\n\nThe launch came days after talks\n\n"
           "Seoul, South Korea (CNN) — North Korea fired a missile on Friday, officials said.\n\n"
           "Tensions rising\n\nThe US called it a provocation.\n\nCNN’s Jane Doe contributed to this report.")
    c = clean(raw, "cnn")
    assert c.body == "North Korea fired a missile on Friday, officials said.\n\nThe US called it a provocation."
    assert {r.rule for r in c.removals} == {"video-caption", "highlights-label", "dateline", "contributors"}
    assert [p.kind for p in c.parts] == ["highlight", "highlight", "subhead"]
    assert c.raw[c.to_raw(0):c.to_raw(11)] == "North Korea"


def test_plain_text_without_boilerplate_is_left_alone():
    text = "Two bombers flew on Friday.\n\nOfficials said it was routine."
    c = clean(text, "")
    assert c.body == text and not c.removals and not c.parts


def test_cards_use_the_detected_opening_line_as_a_probable_headline_and_say_unknown_otherwise(analyses):
    assert analyses[CNN_0620].display_title("CNN") == (
        "Probably the headline (the text's opening line, not confirmed): “US B-1 bombers fly near North Korea”")
    assert analyses[CNN_0708].display_title("CNN").startswith("Headline unknown — CNN, 2017-07-08: “")
    assert analyses[WSWS].display_title("WSWS") == "US strategic bombers conduct provocative drill near North Korea"
