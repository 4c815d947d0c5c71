"""Worksheets: the students' sheet hides the outlets and leaves room to write; the answer key is separate and
lists every span; A4 and US Letter PDFs through Chromium."""
from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from analysis.corpus.workspace import build_view
from analysis.present import worksheet
from analysis.present.export import chromium_path, pdf_pages
from analysis.present.glossary import CATEGORY_INFO
from analysis.present.lesson import load_lessons
from tests.support import CNN_0708, WSWS

EVENT = "e2-2017-07-07-b1-korea-icbm"
DAY = dt.date(2026, 12, 3)


@pytest.fixture(scope="module")
def view(corpus, analyses):
    return build_view(corpus, analyses)


@pytest.fixture(scope="module")
def lesson():
    return load_lessons()[0]["bombers-over-korea"]


def test_students_sheet_masks_outlets_and_has_every_question(view, lesson):
    ids = view.articles_in(EVENT)
    page = worksheet.worksheet_html(view, ids, lesson.title, lesson, "a4", DAY)
    assert "size:A4" in page and "lexicon version" in page and "2026-12-03" in page
    assert page.count("<h2>Text ") == 2 and "outlet: ____" in page
    assert "World Socialist" not in page and "CNN" not in page and "Peter Symonds" not in page
    questions = [q for s in lesson.steps for q in s.questions]
    assert all(f"{n}. " in page for n in range(1, len(questions) + 1))
    assert page.count('class="line"') == 2 * 4 + 3 * len(questions)
    assert "<mark" not in page and "Only you" not in page  # no answers on the students' sheet


def test_answer_key_names_outlets_and_lists_every_framing_span(view, lesson):
    ids = view.articles_in(EVENT)
    key = worksheet.answer_key_html(view, ids, lesson.title, lesson, "letter", DAY)
    assert "size:letter" in key
    assert re.search(r"<h2>Text [AB]: World Socialist Web Site</h2>", key) and re.search(r"<h2>Text [AB]: CNN</h2>", key)
    for aid in (CNN_0708, WSWS):
        spans = worksheet.answer_spans(view, aid)
        assert len(spans) and set(spans["category"]) <= {CATEGORY_INFO[c][0] for c in worksheet.FRAMING}
        assert all(w in key for w in spans["words"].map(html.escape))
    assert "menacing" in key and lesson.steps[1].reveal.split(":")[0] in key
    assert "<h1>&lt;b&gt;</h1>" in worksheet.worksheet_html(view, ids, "<b>", None, "a4", DAY)


@pytest.mark.skipif(chromium_path() is None, reason="needs Chromium")
@pytest.mark.parametrize(("paper", "box"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_pdf_pages_have_the_paper_size(view, lesson, paper, box):
    ids = view.articles_in(EVENT)
    pdf = worksheet.to_pdf(worksheet.worksheet_html(view, ids, lesson.title, lesson, paper, DAY))
    size = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert (round(float(size[1])), round(float(size[2]))) == box
    assert pdf_pages(pdf) >= 4  # one page at least per text, and the questions


def test_command_line_writes_the_answer_key_and_checks_lesson_files(tmp_path, capsys):
    from analysis.cli import main
    out = tmp_path / "key.html"
    assert main(["worksheet", "--lesson", "bombers-over-korea", "--event", EVENT, "--key", "--paper", "letter",
                 "--out", str(out)]) == 0
    assert "Answer key: Bombers over Korea" in out.read_text() and "size:letter" in out.read_text()
    assert main(["worksheet", "--lesson", "nope", "--out", str(out)]) == 2
    assert "unknown lesson 'nope'; known: bombers-over-korea" in capsys.readouterr().err
    bad = tmp_path / "bad.md"
    bad.write_text("# X\nselection: story:us-bomber-shows-of-force-east-asia\n\n## S\nactivity: fly\nquestion: q\n")
    assert main(["lesson-check", str(bad)]) == 2
    assert "bad.md, line 5: unknown activity 'fly'" in capsys.readouterr().err
