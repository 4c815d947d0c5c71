"""Lessons (parsing, validation against the corpus), spot it yourself and guess the outlet, on the seed corpus."""
from __future__ import annotations

import html

import pytest

from analysis.corpus.workspace import build_view
from analysis.present import guess, spot
from analysis.present.lesson import (
    LessonInvalid,
    check_against,
    load_lessons,
    parse_lesson,
    read_lesson,
    save_lesson,
)
from tests.support import CNN_0708, JT, WSWS, app, htmls, said, table_with, tables, texts

GOOD = """# A lesson
selection: story:us-bomber-shows-of-force-east-asia

## Read
activity: headlines
question: Who wrote which?
"""


E2 = "e2-2017-07-07-b1-korea-icbm"


@pytest.fixture(scope="module")
def view(corpus, analyses):
    return build_view(corpus, analyses)


def _corpus_facts(view):
    selections = view.selection_options()
    return selections, {s: set(view.articles_in(s)) for s in selections}, set(view.corpus.outlets)


def test_bundled_lesson_is_valid_for_the_seed_corpus(view):
    lessons, broken = load_lessons()
    assert not broken
    lesson = lessons["bombers-over-korea"]
    assert [s.activity for s in lesson.steps] == ["headlines", "spot", "sources", "coverage", "voices", "guess"]
    assert check_against(lesson, *_corpus_facts(view)) == []
    assert lesson.steps[1].article == WSWS and lesson.steps[1].sentences == 3


@pytest.mark.parametrize(("text", "line", "words"), [
    ("selection: x\n## S\nquestion: q\n", 1, "'# Title'"),
    (GOOD + "activty: spot\n", 7, "unknown key 'activty'"),
    (GOOD + "\n## Spot\nactivity: spott\nquestion: q\n", 9, "unknown activity 'spott'"),
    (GOOD + "\n## Spot\nactivity: spot\nquestion: q\n", 8, "needs 'article: ARTICLE-ID'"),
    (GOOD + "\n## Spot\nactivity: spot\narticle: a\nsentences: many\nquestion: q\n", 11, "whole number"),
    (GOOD + "\n## Talk\nactivity: discuss\n", 8, "at least one 'question"),
    (GOOD.replace("selection: story:us-bomber-shows-of-force-east-asia\n", ""), 1, "needs 'selection"),
    (GOOD + "activity: spot\n", 7, "'activity' is given twice"),
])
def test_bad_lessons_name_the_line(text, line, words):
    with pytest.raises(LessonInvalid) as err:
        parse_lesson(text, "mine", "mine.md")
    assert any(p.line == line and words in p.message for p in err.value.problems), err.value.problems
    assert f"line {line}" in str(err.value)


def test_a_lesson_is_checked_against_the_corpus(view):
    lesson = parse_lesson(GOOD.replace("story:us-bomber-shows-of-force-east-asia", "e1-2017-07-06-b1-china-seas")
                          + f"\n## Spot\nactivity: spot\narticle: {JT}\nquestion: q\n", "mine")
    problems = check_against(lesson, *_corpus_facts(view))
    assert [p.line for p in problems] == [8]
    assert "not in the selection" in problems[0].message


def test_lesson_files_that_are_not_text_or_too_big(tmp_path):
    (tmp_path / "bin.md").write_bytes(b"\xff\xfe\x00bad")
    (tmp_path / "big.md").write_text("# Big\n" + "notes: x\n" * 20_000)
    (tmp_path / "ok.md").write_text(GOOD)
    lessons, broken = load_lessons(tmp_path)
    assert set(lessons) == {"bombers-over-korea", "ok"}
    assert sorted(str(b) for b in broken) == ["big.md: the file is larger than 100 kB", "bin.md: the file is not UTF-8 text"]
    (tmp_path / "Bad Name.md").write_text(GOOD)
    with pytest.raises(LessonInvalid, match="letters, digits and hyphens"):
        read_lesson(tmp_path / "Bad Name.md")


def test_a_saved_lesson_is_listed_and_a_bad_one_is_never_written(tmp_path):
    save_lesson(tmp_path, "mine", GOOD)
    assert "mine" in load_lessons(tmp_path)[0]
    with pytest.raises(LessonInvalid, match="line 7"):
        save_lesson(tmp_path, "other", GOOD + "colour: red\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.md"]


def test_spot_compares_marks_with_the_detector_without_scoring(analyses):
    body = analyses[WSWS].body
    start, end = spot.passage(body.text, body.sentences, 1)
    tokens = spot.passage_tokens(body.text, start, end)
    words = [t.lower for t in tokens]
    marked = {words.index("menacing"), words.index("summit")}
    table = spot.compare_marks(tokens, marked, body.spans)
    who = dict(zip(table["words"].str.lower(), table["who"]))
    assert who["menacing"] == spot.BOTH
    assert who["summit"] == spot.STUDENT
    assert who["unleashed"] == spot.DETECTOR
    assert table.loc[table["words"] == "menacing", "why"].iloc[0]
    html = spot.render_comparison(body.text, start, end, table, body.spans)
    assert "<sup>Y</sup>" in html and "<sup>✓</sup>" in html and "<sup>D</sup>" in html


def test_guess_masks_every_outlet_name_and_the_byline(view):
    text, n = guess.masked(view.analyses["cnn-2017-06-20-b1-korean-peninsula"].body.text,
                           guess.mask_terms(view, "cnn-2017-06-20-b1-korean-peninsula"))
    assert n >= 1 and "CNN" not in text and guess.MASK in text
    terms = guess.mask_terms(view, WSWS)
    assert "Peter Symonds" in terms and "World Socialist Web Site" in terms and "The Japan Times" in terms
    words = guess.distinctive_in_article(view, CNN_0708)
    assert len(words) and (words["z"] >= guess.SIGNIFICANT_Z).all()
    assert set(guess.own_voice_loaded(view, WSWS)["text"].str.lower()) >= {"menacing"}


def test_guess_offers_the_outlets_of_the_articles_event_else_of_its_story(view):
    assert guess.choices(view, CNN_0708) == ["cnn", "wsws"]  # The Japan Times has no article on 7 July 2017's flight
    # The Japan Times alone covers its 2019 event: the story's outlets, so the choice does not give the answer away
    assert guess.choices(view, JT) == ["cnn", "japantimes", "wsws"]


def test_guess_names_table_counts_the_other_outlets_articles_once(view):
    names, others = guess.names_used(view, WSWS)
    assert others == sum(a.outlet != "wsws" for a in view.corpus.articles)
    assert list(names.columns) == ["actor", "name", "uses", "other_articles"] and len(names)
    assert names["other_articles"].between(0, others).all()


def test_spot_it_blacks_out_a_multiword_outlet_name_keeping_offsets():
    text = "On Fox News Sunday, the senator spoke. fox news later aired it; Foxes ran."
    shown = guess.blanked(text, ["Fox News", "fox"])
    assert len(shown) == len(text) and "fox news" not in shown.lower() and "Fox " not in shown
    assert shown.startswith("On ▇▇▇ ▇▇▇▇ Sunday,") and shown.endswith("Foxes ran.")


def test_lesson_page_walks_steps_by_url_and_reveals_spot_comparison():
    at = app({"lesson": "bombers-over-korea", "step": "2"}, page="ui/pages/lessons.py")
    assert not at.exception
    assert "Step 2 of 6: Spot the loaded words" in texts(at)
    pills = at.get("button_group")[0]
    assert "CNN" not in texts(at)
    pills.set_value([0, 1, 2]).run()
    next(b for b in at.button if b.label == "Reveal").click().run()
    assert "You and the detector: 1" in texts(at) and "Only you:" in texts(at)
    assert "Not a score" in texts(at)
    next(b for b in at.button if b.label == "Next step").click().run()
    assert at.query_params["step"] == "3" and "Who is speaking?" in texts(at)


def test_lessons_page_lists_lessons_and_reports_a_bad_teachers_lesson(monkeypatch, tmp_path):
    (tmp_path / "broken.md").write_text("# Broken\nselection: nowhere\n\n## S\nactivity: fly\nquestion: q\n")
    monkeypatch.setenv("FRAMING_LENS_LESSONS", str(tmp_path))
    at = app(page="ui/pages/lessons.py")
    assert not at.exception
    assert "Bombers over Korea" in texts(at)
    assert any("broken.md: line 5: unknown activity 'fly'" in e for e in said(at.error))


def test_classroom_page_spots_and_guesses_on_any_selection():
    at = app({"event": "e2-2017-07-07-b1-korea-icbm", "puzzle": "2"}, page="ui/pages/classroom.py")
    assert not at.exception
    assert at.selectbox(key="w_puzzle").value == "2"
    at.get("button_group")[0].set_value([0]).run()
    at.radio(key=next(r.key for r in at.radio if r.key.startswith("guess_"))).set_value("cnn").run()
    while any(b.label == "Reveal" for b in at.button):  # the spot-it reveal, then the guess reveal
        next(b for b in at.button if b.label == "Reveal").click().run()
    assert "You and the detector:" in texts(at)
    assert "Right: it is CNN" in texts(at) or "Not CNN: it is" in texts(at)


def test_a_wrong_guess_is_no_success_and_the_reveal_uses_plain_names(view):
    answer = view.outlet_of(guess.shuffled(view.articles_in(E2))[1])
    wrong = next(o for o in ("cnn", "wsws") if o != answer)
    name = view.outlet_names[answer]
    at = app({"event": E2, "puzzle": "2"}, page="ui/pages/classroom.py")
    radio = at.radio(key=next(r.key for r in at.radio if r.key.startswith("guess_")))
    assert radio.options == ["CNN", "World Socialist Web Site"]  # only outlets with an article on this event
    radio.set_value(wrong).run()
    while any(b.label == "Reveal" for b in at.button):
        next(b for b in at.button if b.label == "Reveal").click().run()
    assert not at.success  # a wrong guess is no green success box
    assert any(w.startswith(f"Not {view.outlet_names[wrong]}: it is {name} (") for w in said(at.warning))
    shown = htmls(at)
    for caption in (f"How {name} names the actors", f"Loaded words in {name}'s own voice"):
        assert f"<caption>{html.escape(caption)}</caption>" in shown
    names = table_with(at, "Name used")
    assert list(names.columns) == ["Actor", "Name used", "Times in this article", "Other outlets' articles using it"]
    spot_table = table_with(at, "Marked by")
    assert spot_table.columns[0] == "Words" and "neutral_alternative" not in spot_table.columns
    assert "_" not in "".join(c for t in tables(at) for c in t.columns)  # no raw column name anywhere


def test_classroom_sidebar_names_no_outlet_so_it_cannot_give_a_puzzle_away():
    # the 2019 event has one article: outlet chips in the sidebar would name the answer
    at = app({"event": "e4-2019-10-25-b52-sea-of-japan", "outlets": "wsws"}, page="ui/pages/classroom.py")
    assert not at.exception
    assert not at.sidebar.multiselect
    sidebar = " ".join(str(e.value) for e in [*at.sidebar.caption, *at.sidebar.markdown])
    assert "The Japan Times" not in sidebar and "every article of the selection is in play" in sidebar
    assert at.selectbox(key="w_puzzle").options == ["Puzzle 1"]  # the URL's outlets do not filter the puzzles
    compare = app({"event": "e4-2019-10-25-b52-sea-of-japan"}, page="ui/pages/compare.py")
    assert [m.label for m in compare.sidebar.multiselect] == ["Outlets"]


def test_evidence_steps_show_their_evidence_only_after_the_reveal():
    at = app({"lesson": "bombers-over-korea", "step": "3"}, page="ui/pages/lessons.py")
    assert not at.exception and "Step 3 of 6: Who is speaking?" in texts(at)
    assert not tables(at)
    next(b for b in at.button if b.label == "Reveal").click().run()
    speakers = tables(at)[0]
    assert {"Outlet", "Speaker", "Role", "Verb", "Verb tone"} <= set(speakers.columns)
    assert {"CNN", "The Japan Times", "World Socialist Web Site"} <= set(speakers["Outlet"])
    assert "<caption>Who each outlet quotes or paraphrases</caption>" in htmls(at)
    # the downloads are the step's own: two steps or lessons never share a widget key or a file name
    assert any(d.proto.id.endswith("lesson_sources_bombers-over-korea_3_csv") for d in at.get("download_button"))
    assert "The table lists every attribution" in texts(at)
