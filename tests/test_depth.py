"""Comparative depth: the log-odds statistic by hand, and the seed-corpus findings it must reproduce."""
import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from analysis.corpus.workspace import build_view, event_texts
from analysis.measure.coverage import align, suggest_events
from analysis.measure.distinctive import chance_z, distinctive, log_odds, word_counts
from analysis.measure.naming import mentions, naming_table, targets
from analysis.measure.uncertainty import bootstrap_rate, outlet_intervals, within_noise
from tests.support import CNN_0620, CNN_0708, WSWS, app

E2 = "e2-2017-07-07-b1-korea-icbm"


@pytest.fixture(scope="module")
def view(corpus, analyses):
    return build_view(corpus, analyses)


def test_log_odds_matches_a_hand_computed_example():
    # alpha_x = alpha_y = 2 * 4/8 = 1; n_a = n_b = 4
    # delta_x = log((3+1)/(4+2-3-1)) - log((1+1)/(4+2-1-1)) = log 2 + log 2; var = 1/(3+1) + 1/(1+1) = 0.75
    t = log_odds(Counter(x=3, y=1), Counter(x=1, y=3), Counter(x=4, y=4), prior_total=2).set_index("word")
    assert t.loc["x", "log_odds"] == pytest.approx(2 * math.log(2))
    assert t.loc["x", "z"] == pytest.approx(2 * math.log(2) / math.sqrt(0.75))
    assert t.loc["y", "z"] == pytest.approx(-t.loc["x", "z"])
    assert t.loc["x", "per_1k"] == 750


def test_wsws_distinctive_words_include_its_own_loaded_terms(view, analyses):
    counts = {a: word_counts(aa.body.text) for a, aa in analyses.items()}
    groups = {a: aa.article.outlet for a, aa in analyses.items()}
    top = set(distinctive(counts, groups, "wsws").head(40)["word"])
    own = analyses[WSWS].body.spans.query("category == 'loaded' and voice == 'author'")["text"].str.lower()
    assert top & set(own), top
    pair = distinctive(counts, groups, "wsws", "japantimes")
    assert pair.iloc[0]["z"] > 0 and set(pair.columns) >= {"count", "count_other", "per_1k", "z"}


def test_permutation_null_is_reproducible_with_a_seed(analyses):
    counts = {a: word_counts(aa.body.text) for a, aa in analyses.items()}
    groups = {a: aa.article.outlet for a, aa in analyses.items()}
    first = chance_z(counts, groups, "cnn", permutations=30, seed=7)
    assert first == chance_z(counts, groups, "cnn", permutations=30, seed=7)
    assert first > 0


def test_naming_table_shows_the_different_names(view):
    texts = {a: (view.analyses[a].article.outlet, view.analyses[a].body.text) for a in view.articles_in(E2)}
    t = naming_table(texts)
    used = {(r.outlet, r.name) for r in t.itertuples()}
    assert ("cnn", "the Kim regime") in used and ("cnn", "show of force") in used and ("cnn", "saber-rattling") in used
    assert ("wsws", "the North Korean regime") in used and ("wsws", "war games") in used
    assert ("wsws", "the Kim regime") not in used and ("cnn", "war games") not in used
    assert not any(a.actor == "China" for _, _, a in mentions("over the South China Sea"))


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


def test_bootstrap_intervals(view):
    counts, words = np.array([0, 2, 0, 1, 0]), np.array([10, 20, 15, 5, 10])
    rate, lo, hi = bootstrap_rate(counts, words, seed=3)
    assert rate == pytest.approx(1000 * 3 / 60) and lo <= rate <= hi
    assert (rate, lo, hi) == bootstrap_rate(counts, words, seed=3)
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
    assert any("How little a few articles prove" in m.value for m in at.markdown)
    assert len(at.get("plotly_chart")) == 2
    naming = next(d.value for d in at.dataframe if "actor" in d.value.columns)
    assert {"CNN", "The Japan Times", "World Socialist Web Site"} <= set(naming.columns)
