"""Who says it: the seed story's contrast, computed from the loaded spans and their voice."""
import pandas as pd
import pytest

from analysis.corpus.workspace import build_view
from analysis.measure.naming import targets
from analysis.measure.voices import occurrences, plain_summary, term_families, who_says_it

STORY = "story:us-bomber-shows-of-force-east-asia"


@pytest.fixture(scope="module")
def view(corpus, analyses):
    return build_view(corpus, analyses)


def test_the_family_used_by_most_outlets_in_both_voices_comes_first(view):
    families = term_families(view.spans)
    top = families.iloc[0]
    assert top["term"] == "provocat*" and top["outlets"] == 3 and top["own"] > 0 and top["attributed"] > 0
    assert list(families["outlets"]) == sorted(families["outlets"], reverse=True)


def test_cnn_and_the_japan_times_attribute_provocative_wsws_says_it_itself(view):
    ids = view.articles_in(STORY)
    spans = view.spans[view.spans["article_id"].isin(ids)]
    occ = occurrences(spans, "provocat*", view.sentence)
    table = who_says_it(occ, ["cnn", "japantimes", "wsws"]).set_index("outlet")
    assert table.loc["cnn", "own"] == 0 and table.loc["cnn", "attributed"] >= 2
    assert table.loc["japantimes", "own"] == 0 and "North Korea" in table.loc["japantimes", "whose_words"]
    assert table.loc["wsws", "own"] >= 2
    # every occurrence is split around the flagged word, which reads provocat...
    assert occ["match"].str.lower().str.startswith("provocat").all()
    own = occ[occ["voice"] == "author"]
    assert set(own["outlet"]) == {"wsws"} and own["before"].str.len().gt(0).any()
    text = plain_summary(who_says_it(occ, ["cnn", "wsws"]), "provocat*", view.outlet_names)
    assert text.startswith("“provocat*”. In its own voice: World Socialist Web Site (2 times")
    assert "Only in others' words: CNN (" in text and "Not used" not in text


def test_an_outlet_that_never_uses_the_family_says_so(view):
    occ = occurrences(view.spans, "saber-rattling", view.sentence)
    table = who_says_it(occ, ["japantimes"])
    assert list(table["own"]) == [0] and list(table["attributed"]) == [0]
    assert plain_summary(table, "saber-rattling", view.outlet_names) == "“saber-rattling”. Not used: The Japan Times."


def test_wsws_says_provocative_in_its_own_voice_about_the_us_cnn_only_in_others_words(view):
    rows = []
    for aid in view.articles_in(STORY):
        body = view.analyses[aid].body
        t = targets(body.text, body.spans, body.sentences)
        rows += [(view.analyses[aid].article.outlet, r.voice, r.speaker, r.target)
                 for r in t[t["term"].str.lower().str.startswith("provocat")].itertuples()]
    own = [r for r in rows if r[1] == "author"]
    assert own and {r[0] for r in own} == {"wsws"} and {r[3] for r in own} == {"United States"}
    cnn = [r for r in rows if r[0] == "cnn"]
    assert cnn and all(r[1] == "attributed" and r[2] for r in cnn)


def test_an_unnamed_speaker_is_said_so_once_in_plain_words():
    occ = pd.DataFrame([{"article_id": "a", "outlet": "x", "voice": "attributed", "speaker": "(unnamed)",
                         "affiliation": "anonymous", "before": "", "match": "reckless", "after": ""},
                        {"article_id": "a", "outlet": "x", "voice": "attributed", "speaker": "Ann Lee",
                         "affiliation": "legislator", "before": "", "match": "reckless", "after": ""}])
    table = who_says_it(occ, ["x"])
    assert table.iloc[0]["whose_words"] == "an unnamed speaker; Ann Lee (legislator)"
    assert "((" not in plain_summary(table, "reckless", {"x": "X"})


@pytest.mark.parametrize("description, role", [
    ("the central bank", "government official"),
    ("a U.N. spokesman", "government official"),
    ("the World Health Organization", "government official"),  # not a campaigning 'organization'
    ("a trade group", "business"),
    ("the U.S. Chamber of Commerce", "business"),
    ("an industry lobbying group", "advocacy group"),
    ("Dr. Amy Chen, a physician", "expert or academic"),
])
def test_general_roles_for_speakers_on_any_topic(description, role):
    from analysis.detect.speakers import classify
    assert classify(description)[0] == role


@pytest.mark.parametrize("text, speaker", [
    ("Senate Majority Leader Mitch McConnell said the vote would be held on Friday.", "Mitch McConnell"),
    ("House Speaker Paul Ryan told reporters the bill was dead.", "Paul Ryan"),
    ("Chief Justice John Roberts wrote that the law stands.", "John Roberts"),
])
def test_an_office_before_a_name_is_no_part_of_the_speakers_name(text, speaker):
    from analysis.detect.spans import analyze_text
    spans = analyze_text(text, tone=False).spans
    assert list(spans.loc[spans["category"] == "attribution", "speaker"]) == [speaker]


@pytest.mark.parametrize("description, party", [
    ("Mr. Lindner, whose pro-business Free Democrats had long chafed", "Free Democratic"),
    ("Germany's Social Democrats", "Social Democratic"),
    ("the Christian Democratic Union", "Christian Democratic"),
    ("House Democrats", "Democratic"),
    ("Tories", "Conservative"),
])
def test_parties_of_other_countries_are_not_the_us_democrats(description, party):
    from analysis.detect.speakers import classify
    assert classify(description)[1:] in (("", party), ("Germany", party))
    assert classify(description)[0] == "party politician"


@pytest.mark.parametrize("description", ["conservatives", "labour unions", "democratic activists", "an independent analyst"])
def test_a_party_name_in_lowercase_is_a_view_not_the_party(description):
    from analysis.detect.speakers import classify
    assert classify(description)[2] == ""
    assert classify(description.title())[2] != ""  # 'Conservatives', 'Labour Unions', 'An Independent Analyst'
