"""Loaded wording for any topic: the core lexicon, topic packs, ratings, context rules, the model and the user layer."""
import csv
import subprocess
import sys

import pandas as pd
import pytest

from analysis import analyze_text
from analysis.detect.lexicon import DATA_DIR, load_lexicon, read_packs
from analysis.detect.loaded import FEATURE_NAMES, RATED, load_model, rule_verdict
from analysis.detect.spans import SPAN_COLUMNS, loaded_candidates
from analysis.measure.basil import top_outlet_agreement
from analysis.measure.compare import pool
from analysis.settings import from_env
from tests.support import CNN_0620, JT, ROOT, WSWS

COLUMNS = ["term", "category", "subcategory", "strength", "rule", "neutral_alternative", "note", "source"]


def loaded(text, lexicon=None):
    spans = analyze_text(text, lexicon, tone=False).spans
    return spans[spans["category"] == "loaded"]


def words(text, lexicon=None):
    return list(loaded(text, lexicon)["text"].str.lower())


@pytest.mark.parametrize("text,expected", [
    # a label as part of an established name for an event or category is literal; applied to an actor it frames
    ("The terrorist attacks on Sept. 11 killed nearly 3,000 people.", []),
    ("They called it a terrorist regime.", ["terrorist", "regime"]),
    ("Members of the Freedom Caucus met on Monday.", []),
    ("The Affordable Care Act was passed in 2010.", []),
    # negation: the word is denied, not used
    ("The senator did not slam the plan.", []),
    ("The senator slammed the plan.", ["slammed"]),
    ("The plan is not outrageous.", []),
    ("It was an outrageous plan.", ["outrageous"]),
    # ... but not the words describing a negated verb's object, and 'not only' adds rather than denies
    ("The court cannot appoint corrupt judges.", ["corrupt"]),
    ("The senators not only slammed the plan but voted against it.", ["slammed"]),
    # verbs of saying go to attribution tone; only hostile ones are loaded
    ("He said the plan was fine.", []),
    ("She accused him of breaking the rules.", []),
    ("Critics blasted the plan.", ["blasted"]),
    # words that name events are not loaded because a sentiment lexicon rates them negative
    ("Three people died in the crash and two were arrested.", []),
    ("The jets bombed a target on the firing range.", []),
    ("Her party won the election and the city banned smoking.", []),
])
def test_context_rules_tell_framing_from_literal_use(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("text,expected", [
    # phrases from the published definitions: the whole phrase is the span
    ("The governor doubled down on the plan.", ["doubled down"]),
    ("The mayor fired back at her critics.", ["fired back"]),
    ("Fans took aim at the referee.", ["took aim at"]),
    # literal uses of the same words stay unflagged
    ("The plant stored toxic chemicals near the river.", []),
    ("Officials slapped tariffs on steel imports.", ["slapped"]),
    ("The boy slapped the table and laughed.", []),
    ("Villagers fled the extreme heat.", []),
    ("The party moved to an extreme position.", ["extreme"]),
    ("He woke up early on Monday.", []),
    ("The company recalled a cartoon clown costume.", []),
    # name-calling that dehumanizes is flagged; the same word for animals is not
    ("The senator said the rioters were animals.", ["animals"]),
    ("The zoo keeps many animals.", []),
    ("Lab rats were used in the study.", []),
    ("She broke her tennis racket.", []),
    ("Critics called the fee a racket.", ["racket"]),
    # 'hack' the verb is no name-calling
    ("Russian agents tried to hack into the party's emails.", []),
    ("Critics dismissed him as a party hack.", ["hack"]),
    # an idiom of fighting is loaded when it is about criticism, not in a report of shooting
    ("The senator came under fire for his remarks.", ["under fire"]),
    ("Troops came under fire near the border.", []),
    # idioms whose object can stand inside them are found by their fixed part; the same words cooked or poured are not
    ("The president threw his aide under the bus.", ["under the bus"]),
    ("The speech was red meat for the base.", ["red meat"]),
    ("Doctors advise eating less red meat.", []),
    ("The company is in hot water over the leak.", ["in hot water"]),
    ("Fill the tub with hot water.", []),
])
def test_curated_phrases_and_their_literal_uses(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("text,term,name", [
    # a word that opens a sentence or a quotation is capitalised by its position: not a name before a comma
    ("Tragically, Obama did not attend the memorial.", "tragically", False),
    ("The senator wrote: “Shamefully, Congress has done nothing.”", "shamefully", False),
    # a capitalised run with nothing between its words is still a name, also at the start
    ("Crooked Hillary Clinton's aide spoke on Monday.", "crooked", True),
    ("Members of the Freedom Caucus met on Monday.", "freedom", True),
    # a curated loaded phrase in capitals with no capitalised word beside it is emphasis, not a name; a single word
    # alone in capitals inside a sentence may be a surname and stays a name
    ("Trump called the investigation a total Witch Hunt on Friday.", "witch hunt", False),
    ("He again attacked the Fake News in a tweet.", "fake news", False),
    ("The radio host, Savage, said the plan was fine.", "savage", True),
])
def test_a_capitalised_word_is_a_name_only_in_a_run_of_capitalised_words(text, term, name):
    hits = [c for c in loaded_candidates(text) if text[c.start:c.end].lower() == term]
    assert hits and all(c.in_name == name for c in hits)
    assert (term in words(text)) != name


@pytest.mark.parametrize("text,term,candidate", [
    # inside a fixed connective or adverbial a rated word has no evaluative sense
    ("The bill covers tariffs as well as sanctions.", "well", False),
    ("The senator opposed the plan as well.", "well", False),
    ("As far as we know, the talks will resume in June.", "far", False),
    ("The ministry was kind of vague about the date.", "kind", False),
    ("It is the largest study of its kind.", "kind", False),
    # nor inside the established name of an office or legal category, or the emphatic possessive
    ("A grand jury indicted the mayor.", "grand", False),
    ("The party drafted their own budget.", "own", False),
    # the same words outside those expressions are still checked in context
    ("The plan worked well for the farmers.", "well", True),
    ("She was a kind and generous host.", "kind", True),
    ("The mayor made a grand gesture.", "grand", True),
    # Pattern rates adjective senses: its rating holds for the adjective and its -ly adverb ...
    ("It was an absurd demand.", "absurd", True),
    ("The demand was absurdly high.", "absurdly", True),
    # ... not for the same letters used as a verb or a degree adverb
    ("The new plan goes far beyond the old one.", "far", False),
    ("The board confirmed the merger on Monday.", "confirmed", False),
])
def test_rated_words_are_candidates_only_where_their_rating_applies(text, term, candidate):
    found = [c for c in loaded_candidates(text) if text[c.start:c.end].lower() == term]
    assert bool(found) == candidate


@pytest.mark.parametrize("text,term", [
    ("Officials warned that the plant would close.", "warned"),
    ("The governor praised the volunteers.", "praised"),
    ("Several senators criticized the budget.", "criticized"),
    ("The minister denied the report.", "denied"),
    ("The mayor argued that the tax was fair.", "argued"),
])
def test_rated_verbs_of_saying_count_as_loaded_only_when_hostile(text, term):
    cands = [c for c in loaded_candidates(text) if text[c.start:c.end].lower() == term]
    assert cands and cands[0].cue_tone not in ("", "hostile")
    assert term not in words(text)
    hostile = "Several senators slammed the budget."
    assert "slammed" in words(hostile)


def test_every_core_entry_has_a_source_a_note_and_a_neutral_alternative():
    with (DATA_DIR / "loaded.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 900
    assert all(r["source"] and r["note"] and r["neutral_alternative"] for r in rows)
    terms = [(r["term"], r["category"]) for r in rows]
    assert len(terms) == len(set(terms))  # no term twice in one category


def test_verbs_of_saying_keep_their_tone_on_the_attribution():
    spans = analyze_text("She accused him of breaking the rules. Critics blasted the plan.", tone=False).spans
    att = spans[spans["category"] == "attribution"]
    assert dict(zip(att["text"], att["cue_tone"])) == {"accused": "hostile", "blasted": "hostile"}
    assert list(spans[spans["category"] == "loaded"]["subcategory"]) == ["hostile verb of saying"]


@pytest.mark.parametrize("text, term", [
    ("The inquiry is a witch hunt.", "witch hunt"),
    ("They ran a smear campaign against her.", "smear campaign"),
    ("The vote was a power grab.", "power grab"),
    ("The party rammed through the bill.", "rammed through"),
])
def test_loaded_words_for_actions_are_not_called_verbs_of_saying_or_verbs(text, term):
    loaded = analyze_text(text, tone=False).spans.query("category == 'loaded'")
    row = loaded[loaded["text"] == term].iloc[0]
    assert row["subcategory"] == "loaded action"
    assert row["note"].startswith("Loaded word for an action") and "verb" not in row["note"]


def test_a_word_with_several_senses_gets_no_single_sense_gloss():
    from analysis.detect.ratings import load_ratings
    stunning, scathing = load_ratings().get("stunning"), load_ratings().get("scathing")
    assert stunning.subjectivity is not None and stunning.gloss == ""  # four senses: beautiful, astonishing, ...
    assert scathing.gloss == "marked by harshly abusive criticism"  # one sense


@pytest.mark.parametrize("text,term", [
    ("The workers are suing the company for discrimination.", "suing"),
    ("The state prosecuted the former mayor.", "prosecuted"),
])
def test_legal_actions_are_events_not_judgements(text, term):
    found = [c for c in loaded_candidates(text) if text[c.start:c.end].lower() == term]
    assert found and all(c.event_word for c in found)
    assert term not in words(text)


def test_rated_words_explain_their_rating_and_model_score():
    df = loaded("The scathing report described a deeply dysfunctional agency.")
    row = df[df["text"] == "scathing"].iloc[0]
    assert row["subcategory"] == RATED and row["pack"] == "ratings"
    assert "Pattern rates 'scathing' 1.00 for opinion (0 factual, 1 opinion) and −" in row["note"]
    assert "(sense: marked by harshly abusive criticism)" in row["note"]
    assert f"Model score {row['score']:.2f} (how sure the model is" in row["note"] and 0 <= row["score"] <= 1
    assert "a rated word is flagged from 0." in row["note"] and row["neutral_alternative"]
    curated = loaded("The radical plan failed.").set_index("text")  # a curated entry: scored, flagged whatever
    assert "a word of the curated list is flagged whatever its score" in curated.loc["radical", "note"]
    assert row["rating"] < 0 and "De Smedt" in row["source"]
    vile = loaded("What a vile, shameful plan.").set_index("text")
    assert "VADER rates" not in vile.loc["vile", "note"] or "from −4 (very negative) to +4" in vile.loc["vile", "note"]
    hateful = loaded("The senator gave a hateful and scary speech.")
    rated = hateful[hateful["note"].str.contains("VADER rates")]
    assert len(rated) and rated["note"].str.contains(r"VADER rates '\w+' −\d\.\d on a scale from −4 \(very negative\) to \+4").all()


def test_span_table_has_strength_score_rating_and_pack():
    assert {"strength", "score", "rating", "pack"} <= set(SPAN_COLUMNS)
    df = loaded("The vile dictator unleashed a barrage of propaganda.")
    assert set(df["strength"]) <= {"strong", "moderate"} and "strong" in set(df["strength"])
    assert dict(zip(df["text"], df["strength"]))["vile"] == "strong"
    features = analyze_text("The vile dictator unleashed a barrage of propaganda.").features
    assert features["loaded_strong_n"] == (df["strength"] == "strong").sum()


def test_seed_pack_is_on_by_default_and_can_be_switched_off(analyses):
    assert {p.name for p in read_packs().values() if p.default} == {"east-asia-security"}
    prov = analyses[CNN_0620].body.spans.query("category == 'loaded' and text == 'provocative'")
    assert set(prov["pack"]) == {"east-asia-security"}
    text = "Beijing called the flights saber-rattling and a show of force."
    assert words(text) == ["saber-rattling", "show of force"]
    assert words(text, load_lexicon(packs=())) == []
    with pytest.raises(ValueError, match="unknown topic pack"):
        load_lexicon(packs=("no-such-pack",))


@pytest.mark.parametrize("article_id", [CNN_0620, JT, WSWS])
def test_seed_findings_hold_without_the_model(analyses, article_id):
    rules = load_lexicon(use_model=False)
    body = analyses[article_id].body
    key = ["start", "end", "voice", "speaker"]
    with_model = body.spans.query("category == 'loaded' and pack != 'ratings'")[key]
    without = analyze_text(body.text, rules, tone=False).spans.query("category == 'loaded' and pack != 'ratings'")[key]
    assert with_model.reset_index(drop=True).equals(without.reset_index(drop=True))  # curated entries never depend on it
    assert without["score"].isna().all() if "score" in without else True


def test_without_the_model_rated_words_need_a_strong_rating_as_adjective_or_adverb():
    rules = load_lexicon(use_model=False)
    df = loaded("The scathing report described a deeply dysfunctional agency.", rules)
    assert df["score"].isna().all()
    assert set(df["pack"]) <= {"ratings", "core"}
    for row in df.itertuples():
        assert row.strength == "strong" or row.pack == "core"


def test_common_rated_words_are_left_to_the_model_and_not_flagged_by_the_rules_alone():
    rules = load_lexicon(use_model=False)
    assert words("It was a great plan.", rules) == []  # among the 1,000 commonest words
    assert words("It was a wonderful plan.", rules) == ["wonderful"]
    assert words("It was a terrible plan.", rules) == []
    assert words("It was a terrible plan.") == ["terrible"]  # common, but the model weighs its strong rating


def test_a_missing_weight_file_falls_back_to_the_rules(tmp_path):
    assert load_model(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text('{"features": []}')
    with pytest.raises(ValueError, match="not a loaded-language model"):
        load_model(tmp_path / "bad.json")


def test_model_weights_are_small_general_and_reported_out_of_fold():
    path = DATA_DIR / "loaded_model.json"
    assert path.stat().st_size < 200_000
    model = load_model()
    assert set(model.about["features"]) <= set(FEATURE_NAMES)
    oof = model.about["out_of_fold"]
    assert 0 < oof["all_sentences"]["precision"] < 1 and oof["all_sentences"]["recall"] > 0
    assert "triplet" in model.about["training"]["grouped_by"]
    top = oof["top_outlet_per_event"]  # per event, is the outlet with the most loaded words the experts' one
    assert 0 <= top["agree"] <= top["events"] and 0 < top["chance"] < top["events"]
    assert (ROOT / "scripts" / "train_loaded_model.py").is_file()


def test_model_features_never_include_the_word():
    cands = loaded_candidates("The scathing report was scathing, truly scathing.")
    feats = [c.features for c in cands if c.entry.term == "scathing"]
    assert len(feats) == 3 and all(len(f) == len(FEATURE_NAMES) for f in feats)
    assert not any(name.startswith(("word", "term", "lemma")) for name in FEATURE_NAMES)


def _write(path, rows, columns=COLUMNS):
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, columns)
        w.writeheader()
        w.writerows(rows)


def _user_folder(tmp_path):
    """A user lexicon folder with one entry of a subcategory the bundled lexicon does not have."""
    user = tmp_path / "lex"
    user.mkdir()
    _write(user / "mine.csv", [dict(term="flimflam", category="loaded", subcategory="fiscal scorn", strength="strong",
                                    rule="", neutral_alternative="project", note="Scorns a public project.",
                                    source="Teacher's list")])
    return user


def test_a_custom_lexicon_with_a_new_subcategory_works_end_to_end(tmp_path):
    user = _user_folder(tmp_path)
    lex = load_lexicon(user_dir=user)
    a = analyze_text("The bridge is a flimflam.", lex)
    assert a.features["loaded__fiscal_scorn_n"] == 1 and a.features["loaded__fiscal_scorn_per_1k"] > 0
    assert a.lexicon_version == lex.version != load_lexicon().version
    table = pd.DataFrame([{"outlet": "x", **a.features}, {"outlet": "x", **analyze_text("Plain words.").features}])
    pooled = pool(table.fillna(0), ["outlet"]).iloc[0]
    assert pooled["loaded__fiscal_scorn_n"] == 1 and pooled["words"] == a.features["words"] + 2


def test_user_rows_override_and_disable_bundled_terms(tmp_path):
    user = tmp_path / "lex"
    user.mkdir()
    _write(user / "loaded.csv", [dict(term="regime", category="loaded", subcategory="label", strength="strong", rule="",
                                      neutral_alternative="government", note="Our class's note on regime.",
                                      source="Class 9b")])
    with (user / "off.csv").open("w", encoding="utf-8") as fh:
        fh.write("term,category,enabled\nsaber-rattling,loaded,no\n")
    lex = load_lexicon(user_dir=user)
    df = loaded("The regime called it saber-rattling.", lex)
    assert list(df["text"]) == ["regime"]
    assert df.iloc[0]["note"].startswith("Our class's note") and df.iloc[0]["strength"] == "strong"
    assert df.iloc[0]["pack"] == "user"
    assert list(loaded("The regime called it saber-rattling.")["text"]) == ["regime", "saber-rattling"]


def test_bad_user_lexicon_rows_get_a_clear_message(tmp_path):
    user = tmp_path / "lex"
    user.mkdir()
    _write(user / "bad.csv", [dict(term="x", category="loaded", subcategory="s", strength="huge", rule="",
                                   neutral_alternative="", note="n", source="s")])
    with pytest.raises(ValueError, match="strength must be one of"):
        load_lexicon(user_dir=user)
    with pytest.raises(ValueError, match="does not exist"):
        load_lexicon(user_dir=tmp_path / "missing")


def test_settings_and_command_line_choose_the_lexicon(tmp_path):
    user = _user_folder(tmp_path)
    s = from_env({"FRAMING_LENS_LEXICON": str(user), "FRAMING_LENS_PACKS": "none", "FRAMING_LENS_LOADED_MODEL": "off"})
    assert s.lexicon == user and s.packs == () and s.loaded_model is False
    assert from_env({}).packs is None and from_env({}).loaded_model is True
    text = tmp_path / "t.txt"
    text.write_text("The flimflam was saber-rattling.", encoding="utf-8")
    run = lambda *args: subprocess.run([sys.executable, "-m", "analysis", "spans", str(text), "--raw", *args],  # noqa: E731
                                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    out = run("--lexicon", str(user), "--packs", "none").stdout
    assert "flimflam" in out and "saber-rattling" not in out
    assert "flimflam" not in run().stdout and "saber-rattling" in run().stdout
    bad = run("--lexicon", str(tmp_path / "missing"))
    assert bad.returncode == 2 and bad.stderr.startswith("error: lexicon:")


@pytest.mark.parametrize("text, term", [
    ("Meta unveiled a new artificial intelligence model on Tuesday.", "artificial"),
    ("The bank wrote off bad debts worth $2 billion.", "bad"),
    ("Violent crime fell 5 percent last year.", "Violent"),
    ("A suicide bomber killed 12 people.", "suicide"),
    ("Natural disasters cost insurers billions.", "disasters"),
    ("The agency sent disaster relief.", "disaster"),
])
def test_rated_words_in_established_terms_are_not_loaded(text, term):
    loaded = analyze_text(text, tone=False).spans.query("category == 'loaded'")
    assert term not in set(loaded["text"])
    assert "disaster" in set(analyze_text("The launch was a disaster.", tone=False).spans["text"])


def test_adverbs_of_degree_after_a_change_are_amounts_not_judgements():
    loaded = lambda t: set(analyze_text(t, tone=False).spans.query("category == 'loaded'")["text"])  # noqa: E731
    assert loaded("Wages rose modestly in March, and prices rose sharply.") == set()
    assert not loaded_candidates("Wages rose modestly in March, and prices rose sharply.")
    judged = [c for c in loaded_candidates("The senator sharply criticized the plan.") if rule_verdict(c)[0]]
    assert [c.entry.term for c in judged] == ["sharp"]  # before a participle it may judge: the model weighs it
    # the compromiser 'pretty' is rated as the adjective 'attractive': no judgement in 'pretty much' or 'pretty good'
    text = "I pretty much followed my father's values, and the plan is pretty good."
    assert "pretty" not in {text[c.start:c.end] for c in loaded_candidates(text)}


def test_top_outlet_agreement_counts_clear_expert_tops_and_shares_ties():
    articles = pd.DataFrame([
        ("a", "fox", 100, 3, 4), ("a", "nyt", 100, 1, 1), ("a", "hpo", 100, 0, 0),  # agrees
        ("b", "fox", 100, 0, 2), ("b", "nyt", 200, 4, 2), ("b", "hpo", 100, 1, 0),  # nyt is the experts' top per word; fox is ours
        ("c", "fox", 100, 2, 0), ("c", "nyt", 100, 0, 0), ("c", "hpo", 100, 1, 0),  # no flag anywhere: a third
        ("d", "fox", 100, 2, 5), ("d", "nyt", 100, 2, 0), ("d", "hpo", 100, 0, 0),  # the experts tie: left out
        ("e", "fox", 0, 0, 0), ("e", "nyt", 50, 1, 1)], columns=["event", "outlet", "words", "gold", "predicted"])
    agree, events, chance = top_outlet_agreement(articles)
    assert events == 3 and agree == pytest.approx(1 + 1 / 3)
    assert chance == pytest.approx(1.0)


@pytest.mark.parametrize("text,expected", [
    # moral condemnation, minimisation and loaded actions of any topic ...
    ("Senator Wells called the increase indefensible.", ["indefensible"]),
    ("He told investors the backlash was overblown.", ["overblown"]),
    ("Patients accuse the drugmaker of gouging diabetics.", ["gouging"]),
    ("The new rules muzzled scientists at the agency.", ["muzzled"]),
    ("He called them snowflakes and wingnuts.", ["snowflakes", "wingnuts"]),
    # ... and not their literal senses
    ("The muzzle flash lit the room.", []),
    ("Snowflakes fell on the lawn.", []),
    ("Prices rose, but the firm said it was not gouging anyone.", []),  # negated
])
def test_core_words_for_any_topic_and_their_literal_senses(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Critics called the hearing a kangaroo court and the project a boondoggle.", ["kangaroo court", "boondoggle"]),
    ("Farmers complain that red tape and rules stifle competition.", ["red tape", "stifle"]),
    ("The stifling heat kept people inside.", []),
])
def test_core_labels_and_idioms_for_rules_and_institutions(text, expected):
    assert words(text) == expected
