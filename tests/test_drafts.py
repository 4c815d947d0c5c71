"""Draft check on a pair of drafts written for the purpose, and its dashboard page."""
from analysis.measure.drafts import compare_drafts, diff_html
from tests.support import ROOT, app, said, table_with

DRAFT_A = ("Two US bombers flew near the Korean Peninsula on Friday, a US military official said. "
           "North Korea called the flight provocative. The mission may have been planned for weeks.")
DRAFT_B = ("Two US bombers flew a menacing mission near the Korean Peninsula on Friday, clearly a show of force. "
           "North Korea called the flight provocative. The mission may have been planned for weeks, "
           "according to a source. Officials lambasted the critics.")


def test_delta_table_and_phrase_changes_for_a_pair_of_drafts():
    cmp = compare_drafts(DRAFT_A, DRAFT_B)
    d = cmp.deltas.set_index("feature")
    assert d.loc["loaded_n", "A"] == 1 and d.loc["loaded_n", "B"] == 4  # + menacing, show of force, lambasted
    # drafts under 200 words: counts by voice, not rates per 1,000 words
    assert "loaded_author_per_1k" not in d.index
    assert d.loc["loaded_author_n", "A"] == 0 and d.loc["loaded_author_n", "B"] >= 2
    assert d.loc["booster_n", "change"] == 1  # clearly
    assert d.loc["attribution_anonymous_n", "A"] == 1 and d.loc["attribution_anonymous_n", "B"] == 2
    added = cmp.phrases[cmp.phrases["change"] == "added"].set_index("phrase")
    assert {"menacing", "show of force", "clearly", "lambasted"} <= set(added.index)
    assert added.loc["show of force", "neutral_alternative"] and added.loc["menacing", "explanation"]
    # "may" moved from the writer's voice into a clause attributed to "a source": shown as a change of voice
    removed = cmp.phrases[cmp.phrases["change"] == "removed"]
    assert list(zip(removed["phrase"], removed["voice"])) == [("may", "author")]
    assert added.loc["may", "voice"] == "attributed"


def test_a_verb_of_saying_that_casts_doubt_is_a_change():
    cmp = compare_drafts("Ana Ruiz said the plan failed. About 40 people spoke.",
                         "Ana Ruiz claimed the plan failed. About 40 people spoke.")
    d = cmp.deltas.set_index("feature")
    assert (d.loc["attribution_loaded_cue_n", "A"], d.loc["attribution_loaded_cue_n", "B"]) == (0, 1)
    row = cmp.phrases.set_index("phrase").loc["claimed"]
    assert (row["change"], row["category"], row["neutral_alternative"]) == ("added", "attribution", "said")
    assert "said" not in set(cmp.phrases["phrase"])  # a neutral verb of saying is no flagged phrase


def test_long_drafts_get_rates_rounded_as_shown():
    long_a, long_b = DRAFT_A * 12, DRAFT_B * 12
    d = compare_drafts(long_a, long_b).deltas.set_index("feature")
    assert d.loc["words", "A"] >= 200 and "loaded_author_per_1k" in d.index and "loaded_author_n" not in d.index
    assert d.loc["loaded_author_per_1k", "A"] == 0 and d.loc["loaded_author_per_1k", "B"] > 20
    for name in ("loaded_per_1k", "flesch_kincaid_grade", "attribution_density"):
        for col in ("A", "B", "change"):
            assert d.loc[name, col] == round(d.loc[name, col], 1)
    assert d.loc["loaded_per_1k", "change"] == round(d.loc["loaded_per_1k", "B"] - d.loc["loaded_per_1k", "A"], 1)


def test_word_diff_marks_insertions_and_deletions_not_by_colour_alone():
    cmp = compare_drafts("The drill was routine.", "The drill was <b>provocative</b>.")
    ops = [op for op, _ in cmp.diff]
    assert "delete" in ops and "insert" in ops
    html = diff_html(cmp.diff)
    assert "<del>routine</del>" in html and "<ins>&lt;b&gt;provocative&lt;/b&gt;</ins>" in html
    assert 'content:"[+"' in html and 'content:"[−"' in html


def test_single_draft_works():
    cmp = compare_drafts(DRAFT_A, "")
    assert cmp.a.features["loaded_n"] == 1 and cmp.b.features["words"] == 0


def drafts_page(params=None):
    return app(params, page="ui/pages/drafts.py")


def test_draft_page_shows_deltas_and_survives_a_reload(private_dirs):
    at = drafts_page()
    at.text_area(key="draft_a").set_value(DRAFT_A).run()
    at.text_area(key="draft_b").set_value(DRAFT_B).run()
    assert not at.exception
    deltas = table_with(at, "Change")
    row = deltas[deltas["Feature"] == "Loaded terms"].iloc[0]
    assert (row["A"], row["Change"]) == (1, "+3")
    # the neutral alternative comes right after the phrase, in plain words, so it is in view without scrolling
    phrases = table_with(at, "Try instead")
    assert list(phrases.columns[:3]) == ["Phrase", "Try instead", "In B"]
    assert phrases.set_index("Phrase").loc["show of force", "Try instead"]
    key = at.query_params["draft"]
    key = key[0] if isinstance(key, list) else key
    # a reload is a new session: the drafts come back from the private store via the key in the URL
    again = drafts_page({"draft": key})
    assert again.text_area(key="draft_a").value == DRAFT_A and again.text_area(key="draft_b").value == DRAFT_B
    assert not list((ROOT / "corpus" / "articles").glob("*draft*"))
    assert list((private_dirs / "drafts").glob("*.json"))


def test_draft_compared_with_an_article_of_the_corpus(private_dirs):
    at = drafts_page()
    at.text_area(key="draft_a").set_value(DRAFT_A).run()
    at.radio(key="draft_mode").set_value("an article from the corpus").run()
    at.selectbox(key="draft_article").set_value("wsws-2017-07-10-provocative-drill").run()
    assert not at.exception
    phrases = table_with(at, "Phrase")
    assert "menacing" in set(phrases[phrases["In B"] == "added"]["Phrase"])


def test_draft_page_escapes_html_and_handles_huge_or_empty_input(private_dirs):
    at = drafts_page()
    at.text_area(key="draft_a").set_value('<script>alert(1)</script> <img src=x onerror="alert(2)"> was provocative').run()
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    at.text_area(key="draft_a").set_value("   ").run()
    assert not at.exception and any("Paste or upload" in i.value for i in at.info)


def test_editing_draft_a_while_comparing_with_an_article_keeps_both_drafts(private_dirs):
    at = drafts_page()
    at.text_area(key="draft_a").set_value(DRAFT_A).run()
    at.text_area(key="draft_b").set_value(DRAFT_B).run()
    at.radio(key="draft_mode").set_value("an article from the corpus").run()
    at.text_area(key="draft_a").set_value(DRAFT_A + " Edited.").run()  # was KeyError: 'draft_b'
    assert not at.exception
    key = at.query_params["draft"]
    again = drafts_page({"draft": key[0] if isinstance(key, list) else key})
    assert again.text_area(key="draft_a").value == DRAFT_A + " Edited."
    assert again.text_area(key="draft_b").value == DRAFT_B


def test_a_hand_picked_draft_key_is_refused_and_a_server_key_made(private_dirs):
    at = drafts_page({"draft": "aaaaaaaaaaaaaaaa"})
    key = at.query_params["draft"]
    key = key[0] if isinstance(key, list) else key
    assert key != "aaaaaaaaaaaaaaaa" and any("not made by this server" in w for w in said(at.warning))
    at.text_area(key="draft_a").set_value(DRAFT_A).run()
    assert not (private_dirs / "drafts" / "aaaaaaaaaaaaaaaa.json").exists()
    assert (private_dirs / "drafts" / f"{key}.json").exists()


def test_drafts_expire_and_the_server_caps_their_storage(private_dirs):
    import os
    import time

    import pytest

    from analysis.settings import from_env
    from ui import draft_store
    settings = from_env().with_options(draft_days=30, drafts_max_bytes=10_000)
    old, new = draft_store.new_key(settings), draft_store.new_key(settings)
    draft_store.save(old, {"a": "old text"}, settings)
    month_ago = time.time() - 31 * 86400
    os.utime(settings.drafts / f"{old}.json", (month_ago, month_ago))
    assert draft_store.load(old, settings) == {}
    draft_store.save(new, {"a": "x" * 2_000}, settings)
    with pytest.raises(draft_store.DraftsFull, match="more than one person may keep"):
        draft_store.save(new, {"a": "x" * 3_000}, settings)
    for _ in range(3):
        draft_store.save(draft_store.new_key(settings), {"a": "y" * 2_000}, settings)
    with pytest.raises(draft_store.DraftsFull, match="storage for drafts is full"):
        draft_store.save(draft_store.new_key(settings), {"a": "z" * 2_000}, settings)
    with pytest.raises(ValueError):
        draft_store.save("a" * 40, {"a": "text"}, settings)
