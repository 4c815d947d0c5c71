"""Comparative depth: the log-odds statistic by hand, and the seed-corpus findings it must reproduce."""
import math

import numpy as np
import pandas as pd
import pytest

from analysis.corpus.workspace import build_view, event_texts
from analysis.measure.coverage import TooLarge, align, suggest_events
from analysis.measure.distinctive import chance_z, count_words, distinctive, log_odds, self_names, strip_dateline
from analysis.measure.naming import mentions, naming_table, targets
from analysis.measure.uncertainty import bootstrap_rate, outlet_intervals, within_noise
from tests.support import CNN_0620, CNN_0708, WSWS, app, table_with

PERSON_KINDS = ("full name", "surname", "honorific", "title", "administration")

E2 = "e2-2017-07-07-b1-korea-icbm"


@pytest.fixture(scope="module")
def view(corpus, analyses):
    return build_view(corpus, analyses)


def test_log_odds_matches_a_hand_computed_example():
    # alpha_x = alpha_y = 2 * 4/8 = 1; n_a = n_b = 4
    # delta_x = log((3+1)/(4+2-3-1)) - log((1+1)/(4+2-1-1)) = log 2 + log 2; var = 1/(3+1) + 1/(1+1) = 0.75
    words = np.array(["x", "y"], dtype=object)
    t = log_odds(np.array([3, 1]), np.array([1, 3]), np.array([4, 4]), words, prior_total=2).set_index("word")
    assert t.loc["x", "log_odds"] == pytest.approx(2 * math.log(2))
    assert t.loc["x", "z"] == pytest.approx(2 * math.log(2) / math.sqrt(0.75))
    assert t.loc["y", "z"] == pytest.approx(-t.loc["x", "z"])
    assert t.loc["x", "per_1k"] == 750


def counts_of(analyses, **kw):
    return count_words([aa.body.text for aa in analyses.values()], [aa.article.outlet for aa in analyses.values()], **kw)


def test_wsws_distinctive_words_include_its_own_loaded_terms(view, analyses):
    counts = counts_of(analyses)
    top = set(distinctive(counts, "wsws").head(40)["word"])
    own = analyses[WSWS].body.spans.query("category == 'loaded' and voice == 'author'")["text"].str.lower()
    assert top & set(own), top
    pair = distinctive(counts, "wsws", "japantimes")
    assert pair.iloc[0]["z"] > 0 and set(pair.columns) >= {"count", "count_other", "per_1k", "z"}


def test_stop_words_own_names_and_datelines_are_left_out_unless_asked(view, analyses):
    names = self_names(view.outlet_names)
    assert {"cnn", "wsws", "japan", "times", "world", "socialist"} <= names
    house = counts_of(analyses, exclude=names)
    everything = counts_of(analyses, stop_words=False, datelines=False)
    assert not set(house.words) & (names | {"the", "and", "of"})
    assert {"the", "cnn"} <= set(everything.words)
    few = count_words(["Sen. J. Smith’s U.S. trip: it's provocative, it’s bold."], ["x"])
    assert list(few.words) == ["bold", "provocative", "smith's", "trip"]
    # a name of several capitalised words is one term: its words are no word choices of their own
    named = count_words(["The White House said Josh Earnest met the mayor of Little Rock. In Little Rock it rained."],
                        ["x"])
    assert {"white house", "josh earnest", "little rock"} <= set(named.words)
    assert not {"white", "house", "earnest", "little", "rock"} & set(named.words)
    assert named.matrix[0, list(named.words).index("little rock")] == 2  # 'In' opening the run is no part of it
    assert strip_dateline("SEOUL, South Korea (CNN) -- Two bombers flew.") == "Two bombers flew."
    assert strip_dateline("WASHINGTON — Michael Steele said.") == "Michael Steele said."
    assert strip_dateline("Two bombers flew — again.") == "Two bombers flew — again."


def test_permutation_null_is_reproducible_with_a_seed(analyses):
    counts = counts_of(analyses)
    first = chance_z(counts, "cnn", permutations=30, seed=7)
    assert first == chance_z(counts, "cnn", permutations=30, seed=7)
    assert first > 0


def test_naming_table_shows_the_different_names(view):
    texts = {a: (view.analyses[a].article.outlet, view.analyses[a].body.text) for a in view.articles_in(E2)}
    t = naming_table(texts, ("east-asia-security",))
    used = {(r.outlet, r.name) for r in t.itertuples()}
    assert ("cnn", "the Kim regime") in used and ("cnn", "show of force") in used and ("cnn", "saber-rattling") in used
    assert ("wsws", "the North Korean regime") in used and ("wsws", "war games") in used
    assert ("wsws", "the Kim regime") not in used and ("cnn", "war games") not in used
    assert not any(a.actor == "China" for _, _, a in mentions("over the South China Sea"))


def test_naming_works_for_any_topic_and_any_year():
    text = ("President Donald Trump met Sen. Elizabeth Warren on Monday. Mr. Trump said Warren was wrong, and the "
            "Trump administration agreed. The Washington Post reported it; Washington said the Iranian regime was to "
            "blame. Wong Kim Ark was cited. Mrs. Clinton spoke.")
    found = {(text[s:e], a.actor, a.kind) for s, e, a in mentions(text)}
    assert {("President Donald Trump", "Trump", "title"), ("Sen. Elizabeth Warren", "Warren", "title"),
            ("Mr. Trump", "Trump", "honorific"), ("Warren", "Warren", "surname"),
            ("the Trump administration", "Trump", "administration"), ("Washington", "United States", "metonym"),
            ("the Iranian regime", "Iran", "label"), ("Mrs. Clinton", "Clinton", "honorific")} <= found
    # no person stands for a state (leaders change), a capital inside a name is no government, 'Kim' is no country
    assert not any(actor in ("United States", "North Korea") and name.startswith(("Trump", "Wong", "Kim"))
                   for name, actor, _ in found)
    assert sum(1 for name, actor, _ in found if actor == "United States") == 1
    # a surname after the end of a paragraph whose last word is an office is the surname alone
    para = "Joe Sestak ran for the House.\n\nSestak said no."
    assert ("Sestak", "surname") in {(para[s:e], a.kind) for s, e, a in mentions(para)}
    # a capital after a capitalised short word that opens the sentence is the government
    opening = "And Washington said no. With Beijing silent, Tokyo waited."
    assert {opening[s:e] for s, e, _ in mentions(opening)} == {"Washington", "Beijing", "Tokyo"}
    # the topic pack's names count only when the pack is on
    pack = ("east-asia-security",)
    assert any(a.name == "show of force" for _, _, a in mentions("It was a show of force.", pack))
    assert not any(a.name == "show of force" for _, _, a in mentions("It was a show of force."))


def people_named(text: str) -> set[tuple[str, str, str]]:
    """(words, actor, kind) of every naming of a person in the text."""
    return {(text[s:e], a.actor, a.kind) for s, e, a in mentions(text) if a.kind in PERSON_KINDS}


@pytest.mark.parametrize("text,expected", [
    # a family name written first is the name the person goes by where the text uses it alone; a run of offices
    # before a name belongs to the mention
    ("Chinese President Xi Jinping met Kim Jong Un in Beijing. Xi said the talks went well. Kim later left. "
     "Senate Majority Leader Mitch McConnell agreed.",
     {("President Xi Jinping", "Xi", "title"), ("Kim Jong Un", "Kim", "full name"), ("Xi", "Xi", "surname"),
      ("Kim", "Kim", "surname"), ("Senate Majority Leader Mitch McConnell", "McConnell", "title")}),
    # lowercase particles belong to the name and to the surname; opening a sentence the particle is capitalised
    ("Mayor Bill de Blasio met Ursula von der Leyen and President Bashar al-Assad. De Blasio said no. "
     "Mr. de Blasio left.",
     {("Mayor Bill de Blasio", "de Blasio", "title"), ("Ursula von der Leyen", "von der Leyen", "full name"),
      ("President Bashar al-Assad", "al-Assad", "title"), ("De Blasio", "de Blasio", "surname"),
      ("Mr. de Blasio", "de Blasio", "honorific")}),
    # a state or province at the end of a run or inside it is a place or a body, never a person; before an office it
    # is dropped; a connective opening the sentence, an owner before a possessive and a run of offices alone are no
    # part of a name; a middle initial and a suffix are, but the person goes by the name before the suffix
    ("In New York, Social Security and the Center for Arizona Policy were topics. While Colorado waited, "
     "Arizona Gov. Jan Brewer spoke to ABC News' Martha Raddatz and the Attorney General. Senator Charles E. "
     "Grassley met Vice President Joseph R. Biden Jr. on Capitol Hill. Biden left.",
     {("Gov. Jan Brewer", "Brewer", "title"), ("Martha Raddatz", "Raddatz", "full name"),
      ("Senator Charles E. Grassley", "Grassley", "title"), ("Vice President Joseph R. Biden Jr", "Biden", "title"),
      ("Biden", "Biden", "surname")}),
    # an office before a surname names the person even where the text never gives the full name; a weekday after a
    # name is no part of it; an office word before a company's name is no person
    ("Republican Party Chairman Michael Steele Sunday defended his remarks. Steele said he was right. "
     "President Trump met Speaker Pelosi. Trump left. General Motors said nothing.",
     {("Chairman Michael Steele", "Steele", "title"), ("Steele", "Steele", "surname"),
      ("President Trump", "Trump", "title"), ("Speaker Pelosi", "Pelosi", "title"), ("Trump", "Trump", "surname")}),
    # bodies, places and sentence openers are no people; an office with its 'of' belongs to the mention
    ("The Supreme Court and the Islamic State were in the news in the Middle East. Both Facebook and Google "
     "agreed. Added Gibbs: no. Under Presidents Bush and Obama it grew. Secretary of State Hillary Clinton "
     "spoke. The National Rifle Association objected.",
     {("Secretary of State Hillary Clinton", "Clinton", "title")}),
    # two people of one surname named in full are told apart by the given name; a shorter naming is the person named
    # in full last before it; a run ending in a body's word is a body ('Human Rights Campaign')
    ("Gov. Asa Hutchinson signed it. His son, Seth Hutchinson, objected. Hutchinson said it was unfair. "
     "Former President Bill Clinton and Hillary Clinton spoke. Mrs. Clinton smiled. The Human Rights Campaign "
     "objected.",
     {("Gov. Asa Hutchinson", "Asa Hutchinson", "title"), ("Seth Hutchinson", "Seth Hutchinson", "full name"),
      ("Hutchinson", "Seth Hutchinson", "surname"), ("Former President Bill Clinton", "Bill Clinton", "title"),
      ("Hillary Clinton", "Hillary Clinton", "full name"), ("Mrs. Clinton", "Hillary Clinton", "honorific")}),
])
def test_how_people_are_named(text, expected):
    assert people_named(text) == expected


def test_who_is_the_target(analyses):
    wsws = analyses[WSWS].body
    t = targets(wsws.text, wsws.spans, wsws.sentences)
    prov = t[t["term"].isin(["provocatively", "provocative"])]
    assert set(prov["target"]) == {"United States"} and set(prov["voice"]) == {"author"}
    cnn = analyses[CNN_0620].body
    t = targets(cnn.text, cnn.spans, cnn.sentences)
    nk = t[(t["term"] == "provocative") & (t["country"] == "North Korea")]
    assert list(nk["target"]) == ["United States"]  # North Korea calls US drills provocative


def test_each_outlet_has_facts_the_other_leaves_out(view):
    rows = [{"outlet": view.analyses[a].article.outlet, "article_id": a, "text": view.analyses[a].body.text[s:e]}
            for a in view.articles_in(E2)
            for s, e in zip(view.analyses[a].body.sentences["start"], view.analyses[a].body.sentences["end"])]
    al = align(pd.DataFrame(rows))
    assert (al["status"] == "only in cnn").any() and (al["status"] == "only in wsws").any()
    thaad = al[al["text"].str.contains("THAAD")]
    assert len(thaad) and set(thaad["status"]) == {"only in wsws"}
    mount = al[al["text"].str.contains("Adam Mount")]
    assert set(mount["status"]) == {"only in cnn"}
    general = al[al["text"].str.contains("unleash the full lethal capability")]
    assert set(general["status"]) == {"shared by all"}


def test_sentences_are_aligned_only_within_their_event_and_big_selections_are_refused():
    rows = pd.DataFrame([
        {"outlet": "a", "article_id": "a1", "event_id": "e1", "text": "Two bombers flew over the Korean peninsula."},
        {"outlet": "b", "article_id": "b1", "event_id": "e1", "text": "The bombers flew over the Korean peninsula."},
        {"outlet": "b", "article_id": "b2", "event_id": "e2", "text": "Two bombers flew over the Korean peninsula."},
        {"outlet": "c", "article_id": "c2", "event_id": "e2", "text": "Markets fell sharply on Tuesday."}])
    al = align(rows)
    assert list(al["status"]) == ["shared by all", "shared by all", "only in b", "only in c"]
    assert al.loc[0, "best_match"] == "The bombers flew over the Korean peninsula."
    with pytest.raises(TooLarge, match="4 sentences is more than the 3"):
        align(rows, limit=3)


def test_bootstrap_intervals(view):
    counts, words = np.array([0, 2, 0, 1, 0]), np.array([10, 20, 15, 5, 10])
    rate, lo, hi = bootstrap_rate(counts, words, seed=3)
    assert rate == pytest.approx(1000 * 3 / 60) and lo <= rate <= hi
    assert (rate, lo, hi) == bootstrap_rate(counts, words, seed=3)
    # nothing counted is no certainty: the interval reaches the rule of three's 3 occurrences in the same words
    assert bootstrap_rate(np.zeros(5, dtype=int), words, seed=3) == (0.0, 0.0, pytest.approx(1000 * 3 / 60))
    # over the whole story, WSWS's own-voice loaded wording stands beyond noise; hedging does not
    iv = outlet_intervals(view.analyses, view.articles_in("story:us-bomber-shows-of-force-east-asia"),
                          ["loaded_author_per_1k", "hedge_per_1k"])
    assert len(iv) == 6 and (iv["low"] <= iv["rate"]).all() and (iv["rate"] <= iv["high"]).all()
    assert not within_noise(iv, "loaded_author_per_1k") and within_noise(iv, "hedge_per_1k")


def test_event_suggestions_for_a_new_article(view):
    text = view.analyses[CNN_0708].body.text
    s = suggest_events(text, "2017-07-08", event_texts(view))
    assert s.iloc[0]["event_id"] in {E2, "e1-2017-07-06-b1-china-seas"}
    assert "e4-2019-10-25-b52-sea-of-japan" not in set(s["event_id"])  # more than 14 days away


def test_depth_page_renders_every_tab():
    at = app({"event": "story:us-bomber-shows-of-force-east-asia"}, page="ui/pages/depth.py")
    assert not at.exception
    assert any("What chance alone does" in m.value for m in at.markdown)
    assert len(at.get("plotly_chart")) == 2
    naming = table_with(at, "Actor")
    assert {"CNN", "The Japan Times", "World Socialist Web Site"} <= set(naming.columns)
