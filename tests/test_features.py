import pandas as pd
import pytest
import textstat
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import analyze_text
from analysis.measure.compare import by_event_outlet, by_outlet, pool
from analysis.measure.features import count_columns, readability_counts, spans_counted
from analysis.pipeline import article_row, corpus_tables
from analysis.present.glossary import FEATURES
from tests.support import CNN_0620, CNN_0708, WSWS


@pytest.fixture(scope="module")
def tables(corpus):
    return corpus_tables(corpus)


def test_rates_are_counts_per_thousand_words_split_by_voice(analyses):
    f = analyses[WSWS].body.features
    spans = analyses[WSWS].body.spans
    loaded = spans[spans["category"] == "loaded"]
    assert f["loaded_n"] == len(loaded)
    assert f["loaded_author_n"] == (loaded["voice"] == "author").sum()
    assert f["loaded_attributed_n"] == (loaded["voice"] == "attributed").sum()
    assert f["loaded_per_1k"] == pytest.approx(1000 * len(loaded) / f["words"])
    assert f["loaded_author_n"] > f["loaded_attributed_n"]  # WSWS frames in its own voice


def test_voice_split_counts_the_outlets_words_and_the_quoted_words_apart():
    from analysis import analyze_text
    a = analyze_text("The menacing flight went ahead. “It is a reckless provocation,” a North Korean official said.")
    loaded = a.spans[a.spans["category"] == "loaded"]
    own = set(loaded.loc[loaded["voice"] == "author", "text"].str.lower())
    quoted = set(loaded.loc[loaded["voice"] == "attributed", "text"].str.lower())
    assert "menacing" in own and "menacing" not in quoted
    assert "provocation" in quoted and "provocation" not in own
    assert a.features["loaded_author_n"] == len(loaded[loaded["voice"] == "author"]) >= 1
    assert a.features["loaded_attributed_n"] == len(loaded[loaded["voice"] == "attributed"]) >= 1


def test_attribution_density_quote_share_anonymity_and_speakers(analyses):
    aa = analyses[CNN_0620]
    f = aa.body.features
    att = aa.body.spans.query("category == 'attribution'")
    assert f["attribution_n"] == len(att)
    assert f["attribution_per_100w"] == pytest.approx(100 * len(att) / f["words"])
    assert 0 < f["attribution_density"] <= 1
    assert f["attribution_density"] == pytest.approx(aa.body.sentences["attributed"].mean())
    assert f["anonymous_share"] == pytest.approx(att["anonymous"].mean())
    assert 0 < f["quote_share"] < 1
    shares = [v for k, v in f.items() if k.startswith("voice_share__")]
    assert sum(shares) == pytest.approx(1.0)
    row = article_row(aa)
    assert row["speakers_distinct"] == att["speaker"].nunique()


def test_readability_matches_textstat_and_tone_matches_vader(analyses):
    aa = analyses[CNN_0708]
    text = aa.body.text
    f = aa.body.features
    assert f["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(text))
    assert f["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(text))
    assert f["gunning_fog"] == pytest.approx(textstat.gunning_fog(text))
    vader = SentimentIntensityAnalyzer()
    compounds = [vader.polarity_scores(text[s:e])["compound"] for s, e in zip(aa.body.sentences["start"], aa.body.sentences["end"])]
    assert f["tone_mean_compound"] == pytest.approx(sum(compounds) / len(compounds))
    assert f["tone_negative_share"] == pytest.approx(sum(c <= -0.05 for c in compounds) / len(compounds))


def test_remembered_word_rules_count_exactly_as_textstat_does(corpus, analyses):
    texts = [a.raw for a in corpus.articles] + [aa.body.text for aa in analyses.values()]
    texts += ["", "DON'T stop: rock 'n' roll", "İstanbul's co-operation—of U.S. officials' plans", "''tis 4.5 ''"]
    for text in texts:
        assert readability_counts(text) == {
            "ts_words": textstat.lexicon_count(text), "ts_sentences": textstat.sentence_count(text),
            "ts_syllables": textstat.syllable_count(text),
            "ts_difficult": textstat.difficult_words(text, syllable_threshold=3, unique=False)}, text[:60]


def test_outlet_rates_come_from_pooled_counts_not_averages_of_rates(tables):
    features, spans = tables
    outlets = by_outlet(features, spans).set_index("outlet")
    cnn = features[features["outlet"] == "cnn"]
    pooled = 1000 * cnn["loaded_n"].sum() / cnn["words"].sum()
    assert outlets.loc["cnn", "loaded_per_1k"] == pytest.approx(pooled)
    assert outlets.loc["cnn", "loaded_per_1k"] != pytest.approx(cnn["loaded_per_1k"].mean())
    assert outlets.loc["cnn", "articles"] == 3
    cnn_speakers = spans[(spans["outlet"] == "cnn") & (spans["category"] == "attribution") & (spans["part"] == "body")]
    assert outlets.loc["cnn", "speakers_distinct"] == cnn_speakers["speaker"].nunique()


def test_event_comparison_sets_cnn_and_wsws_side_by_side(tables, corpus):
    features, spans = tables
    ev = by_event_outlet(features, corpus.article_events(), spans)
    e2 = ev[ev["event_id"] == "e2-2017-07-07-b1-korea-icbm"].set_index("outlet")
    assert set(e2.index) == {"cnn", "wsws"}
    assert e2.loc["wsws", "loaded_author_per_1k"] > e2.loc["cnn", "loaded_author_per_1k"]
    main_only = by_event_outlet(features, corpus.article_events(), roles=("main",))
    e1 = main_only[main_only["event_id"] == "e1-2017-07-06-b1-china-seas"]
    assert list(e1["outlet"]) == ["cnn"]


def test_pool_of_one_article_equals_the_article(tables):
    features, _ = tables
    one = pool(features[features["article_id"] == CNN_0620], ["article_id"]).iloc[0]
    row = features[features["article_id"] == CNN_0620].iloc[0]
    for col in ["loaded_per_1k", "attribution_density", "flesch_kincaid_grade", "tone_mean_compound"]:
        assert one[col] == pytest.approx(row[col])
    assert set(count_columns()) <= set(features.columns)


def test_empty_text_has_zero_features():
    from analysis import analyze_text
    a = analyze_text("")
    assert a.spans.empty and a.features["words"] == 0 and a.features["loaded_per_1k"] == 0
    b = analyze_text("No framing words here at all.")
    assert b.features["loaded_n"] == 0 and b.features["attribution_density"] == 0
    assert isinstance(b.spans, pd.DataFrame)


def test_pooled_counts_stay_whole_numbers_in_exports(tables):
    features, _ = tables
    floats = features.assign(words=features["words"].astype(float))  # as a store with missing values gives them
    pooled = pool(floats, ["outlet"])
    assert pooled["words"].dtype.kind == "i" and pooled["words"].sum() == features["words"].sum()
    assert pooled["tone_compound_sum"].dtype.kind == "f"  # a sum of scores stays a float


COUNTED_BY = {"loaded_strong_per_1k": "loaded_strong_n", "hedge__condition_per_1k": "hedge__condition_n",
              "anonymous_share": "attribution_anonymous_n", "loaded_cue_share": "attribution_loaded_cue_n",
              "attribution_per_100w": "attribution_n", "attribution_density": "attribution_n",
              "speakers_distinct": "attribution_n", "quote_share": "quote_n"}


def test_the_spans_shown_behind_a_number_are_the_spans_it_counts(analyses):
    drafted = analyze_text("Officials said the plan could fail if the vote slips. A source said it was a disgraceful "
                           "scheme. “It is fine,” Mr. Lee claimed. Critics called it a “reform”. It would stall unless "
                           "funded, experts believe. The “reform” passed.")
    bodies = [aa.body for aa in analyses.values()] + [drafted]
    for feature, info in FEATURES.items():
        if not info.category:
            continue
        column = COUNTED_BY.get(feature, feature.removesuffix("_per_1k") + "_n")
        for body in bodies:
            shown = spans_counted(feature, body.spans)
            assert len(shown) == body.features[column], (feature, len(shown), body.features[column])
            assert set(shown["category"]) <= {info.category}
    anonymous = spans_counted("anonymous_share", drafted.spans)
    assert 0 < len(anonymous) < len(spans_counted("attribution_per_100w", drafted.spans))
    conditions = spans_counted("hedge__condition_per_1k", drafted.spans)
    assert {"if", "unless"} <= set(conditions["text"].str.lower()) and set(conditions["subcategory"]) == {"condition"}
    assert "could" not in set(conditions["text"])  # a possibility, no condition
    quotes = spans_counted("quote_share", drafted.spans)
    assert list(quotes["subcategory"]) == ["direct", "partial"]  # the scare quote ('The “reform” passed') is no one's
