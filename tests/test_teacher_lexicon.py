"""The teacher's lexicon: versions, validation naming the line, re-analysis of only the articles a change touches,
and the editor page."""
from __future__ import annotations

import pytest

from analysis.detect import teacher_lexicon as tl
from analysis.detect.lexicon import lexicon_change, lexicon_for, load_lexicon
from analysis.pipeline import analyze_article
from analysis.settings import from_env
from tests.support import WSWS, app, said, texts


def test_saves_are_numbered_versions_and_the_loader_uses_the_current_one(tmp_path):
    root = tmp_path / "lexicon"
    rows = tl.with_entry([], tl.entry_row("Sortie", "loaded", "", "A flight made to sound like an attack", "our class",
                                          "flight", "strong"))
    assert tl.save(root, rows) == tl.Saved(1, 1)
    rows = tl.without_term(rows, "reckless*", "loaded")
    assert tl.save(root, rows).number == 2
    assert tl.versions(root) == [1, 2] and tl.current_version(root) == 2
    lex = load_lexicon(user_dir=tl.current_dir(root))
    terms = {(e.term, e.category) for e in lex.entries}
    assert ("sortie", "loaded") in terms and ("reckless*", "loaded") not in terms
    tl.save(root, tl.read_rows(root, 1))
    assert tl.current_version(root) == 3 and tl.read_rows(root) == tl.read_rows(root, 1)
    assert ("reckless*", "loaded") in {(e.term, e.category) for e in load_lexicon(user_dir=tl.current_dir(root)).entries}


def test_recategorising_switches_the_old_category_off():
    row = tl.entry_row("likely", "vague", "teacher", "blurs how sure", "our class")
    rows = tl.recategorised([], "likely", "hedge", row)
    assert [(r["term"], r["category"], r["enabled"]) for r in rows] == [("likely", "hedge", "no"), ("likely", "vague", "")]


@pytest.mark.parametrize(("data", "message"), [
    (b"term,category,subcategory,rule,neutral_alternative,note,source\nx,loaded,a,,,,\n", "teacher.csv:2: every entry"),
    (b"term,category,subcategory,rule,neutral_alternative,note,source\nok,loaded,a,,,,s\ny,loaded,a,nxt:a,,,s\n",
     "teacher.csv:3: unknown rule"),
    (b"term,category,subcategory,rule,neutral_alternative,note,source,strength\nz,loaded,a,,,,s,huge\n",
     "teacher.csv:2: strength must be"),
    (b"term,category\nz,loaded\n", "missing columns"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"term,category,subcategory,rule,neutral_alternative,note,source\nsaid,attribution,speech,,,,s\n",
     "teacher.csv:2: attribution cues cannot be edited"),
])
def test_bad_lexicon_rows_are_refused_naming_the_line(data, message, tmp_path):
    with pytest.raises(ValueError, match=message):
        tl.validate(data)
    assert not (tmp_path / "lexicon").exists()


def test_a_change_reanalyses_only_the_articles_it_occurs_in(tmp_path, corpus):
    root = tmp_path / "lexicon"
    bundled = load_lexicon()
    tl.save(root, [tl.entry_row("menacing", "booster", "teacher", "test", "our class")])
    lex = load_lexicon(user_dir=tl.current_dir(root))
    change = lexicon_change(lex, bundled)
    first = {a.id: change.key_for(a.raw) for a in corpus.articles}
    tl.save(root, tl.with_entry(tl.read_rows(root), tl.entry_row("menacing", "booster", "teacher", "changed",
                                                                 "our class")))
    later = lexicon_change(load_lexicon(user_dir=tl.current_dir(root)), bundled)
    moved = [a.id for a in corpus.articles if later.key_for(a.raw) != first[a.id]]
    assert moved == [WSWS]
    assert [a.id for a in corpus.articles if later.touches(a.raw)] == [WSWS]
    spans = analyze_article(corpus.article(WSWS), lex).body.spans
    assert "booster" in set(spans.loc[spans["text"].str.lower() == "menacing", "category"])


def test_the_dashboard_lexicon_is_the_teachers_once_saved(private_dirs):
    settings = from_env()
    assert lexicon_for(settings).user_dir is None
    tl.save(settings.teacher_lexicon, [tl.entry_row("sortie", "loaded", "", "n", "s")])
    assert lexicon_for(settings).user_dir == tl.current_dir(settings.teacher_lexicon)


def test_editor_page_needs_the_teacher_then_saves_a_term_that_compare_shows(monkeypatch):
    monkeypatch.setenv("FRAMING_LENS_TEACHER_PASSWORD", "correct horse battery")
    at = app(page="ui/pages/lexicon.py")
    assert not at.exception and "teacher's edits: none" in texts(at)
    assert not any(f.key == "lexicon_add" for f in at.get("form"))
    at.text_input(key="teacher_password").input("correct horse battery")
    next(b for b in at.button if b.label == "Sign in").click().run()
    at.text_input(key="lx_term").input("drill")
    at.text_input(key="lx_note").input("a routine word for a show of force")
    at.text_input(key="lx_source").input("our class")
    at.selectbox(key="lx_strength").select("strong")
    next(b for b in at.button if b.label == "Save term").click().run()
    assert not at.exception
    assert "Saved as version 1" in texts(at), said(at.error)
    assert "teacher's edits: version 1 (1 rows)" in texts(at)
    at.switch_page("ui/pages/compare.py").run()
    assert "with the teacher's edits, version 1" in texts(at)


def test_a_hand_broken_teacher_lexicon_never_breaks_the_app(private_dirs):
    current = tl.current_dir(from_env().teacher_lexicon)
    current.mkdir(parents=True)
    (current / "teacher.csv").write_text("term,category,subcategory,rule,neutral_alternative,note,source\n"
                                         "drill*,loaded,x,next_within:many:a,,,our class\n")
    at = app()
    assert not at.exception
    assert "Feature by feature" in texts(at)
    assert any("user lexicon is not in use: teacher.csv:2:" in e for e in said(at.error)), said(at.error)
    assert "(bundled)" in texts(at)
