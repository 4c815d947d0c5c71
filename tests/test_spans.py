import re

import pytest

from analysis import analyze_text
from tests.support import CNN_0620, CNN_0707, CNN_0708, JT, WSWS, spans_of

COLUMNS = {"start", "end", "text", "category", "subcategory", "voice", "speaker", "sentence"}


def test_analyze_text_gives_spans_that_index_its_text():
    a = analyze_text("Beijing blasted the so-called drills as “provocations,” a US military official said.")
    assert set(a.spans.columns) >= COLUMNS
    assert set(a.spans["category"]) <= {"loaded", "hedge", "vague", "booster", "attribution", "quote"}
    for s in a.spans.itertuples():
        assert a.text[s.start:s.end] == s.text
    assert a.features["words"] == 12


# The contrast the seed corpus exists for: who calls what "provocative".
def test_cnn_attributes_provocative_to_north_korea_and_a_us_official(analyses):
    prov = spans_of(analyses, CNN_0620, "loaded", "provocative")
    assert len(prov) == 2
    assert set(prov["voice"]) == {"attributed"}
    by_speaker = {s.speaker: (s.affiliation, s.country, s.anonymous) for s in prov.itertuples()}
    assert by_speaker["North Korea"] == ("government official", "North Korea", False)  # the country as speaker
    assert by_speaker["a US military official"] == ("military", "United States", True)


def test_japan_times_quotes_north_korea_saying_extremely_provocative(analyses):
    prov = spans_of(analyses, JT, "loaded", "provocative")
    assert list(prov["voice"]) == ["attributed"] and list(prov["country"]) == ["North Korea"]
    assert list(spans_of(analyses, JT, "loaded", "provocations")["country"]) == ["China"]


def test_wsws_says_provocative_in_its_own_voice_about_the_us(analyses):
    loaded = spans_of(analyses, WSWS, "loaded")
    prov = loaded[loaded["text"].str.lower().str.startswith("provocat")]
    own = prov[prov["voice"] == "author"]
    assert set(own["text"].str.lower()) == {"provocatively", "provocative"}
    body = analyses[WSWS].body.text
    for s in own.itertuples():
        sentence = analyses[WSWS].body.sentences.iloc[s.sentence]
        assert re.search(r"\bUS\b", body[sentence.start:sentence.end])  # about the US, not North Korea
    assert list(prov[prov["voice"] == "attributed"]["country"]) == ["North Korea"]  # "reckless military provocation"
    headline = next(a for p, a in analyses[WSWS].parts if p.kind == "headline")
    assert list(headline.spans.query("category == 'loaded'")["voice"]) == ["author"]


def test_speakers_are_grouped_by_role_and_country(analyses):
    att = spans_of(analyses, CNN_0707, "attribution")
    geng = att[att["speaker"] == "Geng Shuang"]
    assert len(geng) >= 2 and not geng["anonymous"].any()
    assert set(zip(geng["affiliation"], geng["country"])) == {("government official", "China")}
    gen = spans_of(analyses, CNN_0708, "attribution")
    gen = gen[gen["speaker"].str.contains("O’Shaughnessy")]
    assert len(gen) == 2  # "the general said" resolves to him
    assert set(zip(gen["affiliation"], gen["country"])) == {("military", "United States")}
    official = spans_of(analyses, CNN_0620, "attribution")
    official = official[official["speaker"] == "a US military official"]
    assert len(official) >= 3 and official["anonymous"].all()
    assert set(zip(official["affiliation"], official["country"])) == {("military", "United States")}


def test_saber_rattling_and_stirs_up_trouble_are_attributed_to_china(analyses):
    for article in (CNN_0707, CNN_0708):
        for term in ("saber-rattling", "stirs up trouble"):
            s = spans_of(analyses, article, "loaded", term)
            assert list(s["voice"]) == ["attributed"] and list(s["country"]) == ["China"], (article, term)
            assert list(s["affiliation"]) == ["government official"], (article, term)


def test_loaded_verbs_of_saying_are_the_outlets_own_choice(analyses):
    cues = spans_of(analyses, WSWS, "attribution")
    tones = dict(zip(cues["term"].str.lower(), cues["cue_tone"]))  # the cue word, whatever its verb group
    assert tones["claimed"] == "doubt" and tones["insisted"] == "doubt" and tones["branded"] == "hostile"
    assert tones["declared"] == "neutral"
    verbs = spans_of(analyses, WSWS, "loaded")
    verbs = verbs[verbs["subcategory"] == "hostile verb of saying"]
    # Only hostile verbs of saying are loaded wording; doubt and other tones stay with the attribution (Sources page).
    assert set(verbs["text"].str.lower()) == {"branded"}
    assert set(verbs["voice"]) == {"author"}
    jt = spans_of(analyses, JT, "attribution")
    assert set(jt[jt["text"].isin(["lambasted", "blasted"])]["cue_tone"]) == {"hostile"}


def test_direct_and_indirect_attribution(analyses):
    att = spans_of(analyses, CNN_0620, "attribution")
    first = att.iloc[0]  # "..., a US military official told CNN."
    assert first["text"] == "told" and first["subcategory"] == "indirect"
    body = analyses[CNN_0620].body.text
    assert body[first["scope_start"]:first["scope_end"]].startswith("Two US B-1 bombers flew")
    davis = att[att["speaker"] == "Jeff Davis"]
    assert list(davis["subcategory"]) == ["direct"] and list(davis["affiliation"]) == ["military"]
    assert list(davis["country"]) == ["United States"]


def test_quote_kinds(analyses):
    wsws = spans_of(analyses, WSWS, "quote")
    scare = wsws[wsws["subcategory"] == "scare"]
    assert "“freedom of navigation operations”" in set(scare["text"])
    assert set(scare["voice"]) == {"author"}
    cnn = spans_of(analyses, CNN_0620, "quote")
    assert "“assurance and deterrence”" in set(cnn[cnn["subcategory"] == "scare"]["text"])
    disgrace = cnn[cnn["text"].str.contains("disgrace")]
    # the article names him only as "Trump": no outside list of names completes it
    assert list(disgrace["subcategory"]) == ["partial"] and list(disgrace["speaker"]) == ["Trump"]
    geng = spans_of(analyses, CNN_0707, "quote")
    geng = geng[geng["speaker"] == "Geng Shuang"]
    assert len(geng) == 3  # the repaired quote, and the two of the next paragraph


@pytest.mark.parametrize("text,category,expected", [
    ("The talks may resume soon.", "hedge", ["may"]),
    ("The talks resumed in May after a pause.", "hedge", []),
    ("North Korea appears to have tested a missile.", "hedge", ["appears"]),
    ("The minister appears on television every week.", "hedge", []),
    ("It is what was believed to be a new missile.", "hedge", ["believed"]),
    ("The drill was clearly aimed at Beijing.", "booster", ["clearly"]),
    ("The president has spoken very clearly about it.", "booster", []),
    ("The sanctions were, in fact, effectively ignored.", "booster", ["in fact", "effectively"]),
    ("Sanctions by certain countries were lifted.", "booster", []),
    ("Some 300,000 troops took part in about 40 drills.", "vague", ["Some", "about"]),
    ("Some 300,000 troops took part in about 40 drills.", "hedge", []),
    ("They talked about the drills.", "vague", []),
    ("They talked about a plan to hold about a dozen drills.", "vague", ["about"]),
    ("The regime called it saber-rattling and a show of force.", "loaded", ["regime", "saber-rattling", "show of force"]),
    ("The UN sanctions regime was tightened.", "loaded", []),
    ("They provocatively staged provocations that stirred up trouble.", "loaded", ["provocatively", "provocations", "stirred up trouble"]),
    ("The US has military might.", "hedge", []),
])
def test_lexicon_rules_separate_framing_from_literal_use(text, category, expected):
    spans = analyze_text(text, tone=False).spans
    assert list(spans[spans["category"] == category]["text"]) == expected


SWAPS = {"North Korea": "South Korea", "South Korea": "North Korea", "China": "Japan", "Japan": "China",
         "Chinese": "Japanese", "Japanese": "Chinese", "Pyongyang": "Tokyo", "Beijing": "Seoul",
         "Kim Jong Un": "Moon Jae-in", "Trump": "Xi", "Xi": "Trump", "US": "UK", "U.S.": "U.K."}


def _swap(text):
    rx = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(SWAPS, key=len, reverse=True)) + r")(?![\w])")
    return rx.sub(lambda m: SWAPS[m.group()], text)


@pytest.mark.parametrize("article_id", [CNN_0620, CNN_0707, CNN_0708, JT, WSWS])
def test_swapping_actor_names_changes_no_loaded_hedge_or_booster_span(analyses, article_id):
    body = analyses[article_id].body.text
    swapped = analyze_text(_swap(body), tone=False).spans
    original = analyses[article_id].body.spans

    def key(df):
        df = df[df["category"].isin(["loaded", "hedge", "booster"])]
        return list(zip(df["text"].str.lower(), df["category"], df["subcategory"], df["voice"], df["strength"],
                        df["pack"]))

    def scores(df):
        return df[df["category"].isin(["loaded", "hedge", "booster"])]["score"].fillna(-1).to_numpy()
    assert key(swapped) == key(original)
    # the model sees no names; a name of another length only moves position and sentence-length features a little
    assert abs(scores(swapped) - scores(original)).max() < 0.03
    assert "east-asia-security" in set(original["pack"])  # the topic pack is covered, with the core and ratings
    assert len(swapped[swapped["category"] == "attribution"]) == len(original[original["category"] == "attribution"])


def test_concordance_labels_each_occurrence_with_its_voice(analyses):
    from analysis.present.concordance import kwic
    texts = {a: (aa.article.outlet, aa.body.text, aa.body.spans) for a, aa in analyses.items()}
    conc = kwic(texts, "provocat*")
    cnn = conc[conc["article_id"] == CNN_0620]
    assert list(cnn["voice"]) == ["attributed", "attributed"]
    assert set(cnn["country"]) == {"North Korea", "United States"}
    wsws = conc[conc["article_id"] == WSWS]
    assert "author" in set(wsws["voice"]) and all("loaded" in f for f in wsws["flagged_as"])
    assert kwic(texts, "   ").empty and kwic(texts, "zebra").empty
    assert len(kwic(texts, "show of force")) == 1


@pytest.mark.parametrize("text,expected", [
    ("The drills may be expanded if Pyongyang tests another missile.", [("may", "epistemic"), ("if", "condition")]),
    ("Officials believe the launch was a failure.", [("believe", "doxastic")]),
    ("The launch is widely thought to have failed.", [("thought", "doxastic")]),
    ("A new test is expected next month.", [("expected", "doxastic")]),
    ("He was considered one of the best pilots.", [("considered", "doxastic")]),
    ("The senate considered the bill on Monday.", []),
    ("Investigators are examining whether the plane was hit.", [("examining", "investigation"), ("whether", "investigation")]),
    ("Investigators examined the wreckage.", []),
    ("It is not clear who ordered the flight.", [("not clear", "epistemic")]),
    ("The sanctions stay unless talks resume.", [("unless", "condition")]),
    ("The flight would have been cancelled in bad weather.", [("would", "condition")]),
    ("It was the best possible outcome, reached as soon as possible.", []),
    ("A possible link to the attack was reported.", [("possible", "epistemic")]),
    ("The alleged attack reportedly killed two.", [("alleged", "distancing"), ("reportedly", "distancing")]),
])
def test_hedges_follow_the_uncertainty_cue_typology(text, expected):
    spans = analyze_text(text, tone=False).spans
    hedges = spans[spans["category"] == "hedge"]
    assert list(zip(hedges["text"], hedges["subcategory"])) == expected


def test_clear_is_a_booster_but_not_clear_is_a_hedge():
    spans = analyze_text("It is clear the drill was planned. It is not clear when.", tone=False).spans
    assert list(spans[spans["category"] == "booster"]["text"]) == ["clear"]
    assert list(spans[spans["category"] == "hedge"]["text"]) == ["not clear"]


@pytest.mark.parametrize("text,expected", [
    # the future of reported speech is no condition ('will' backshifted after a verb of saying)
    ("The senator said the plan would be ready in May.", []),
    ("The plan would be ready sooner with more money.", [("would", "condition")]),
    ("The plan would be ready if the council agreed.", [("would", "condition"), ("if", "condition")]),
    # 'expected' as an adjective or in a comparison is no hedge; 'is expected to' is
    ("Turnout was higher than expected.", []),
    ("The expected vote was delayed.", []),
    ("The vote is expected to pass.", [("expected", "doxastic")]),
])
def test_newswire_hedges_are_not_over_flagged(text, expected):
    h = analyze_text(text, tone=False).spans
    h = h[h["category"] == "hedge"]
    assert list(zip(h["text"], h["subcategory"])) == expected
