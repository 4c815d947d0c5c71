"""Printable worksheets for an event, story or lesson: the texts with room to mark and write, the lesson's
questions, and a separate answer key with every span; A4 or US Letter, as HTML or PDF (headless Chromium)."""
from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from analysis.corpus.workspace import CorpusView
from analysis.detect.lexicon import FRAMING
from analysis.present.export import html_to_pdf
from analysis.present.glossary import CATEGORY_INFO
from analysis.present.guess import mask_terms, masked, shuffled
from analysis.present.highlight import CSS, legend, render
from analysis.present.lesson import Lesson

PAPERS = {"a4": "A4", "letter": "letter"}
SHEET_CSS = """<style>
@page{size:%(paper)s;margin:16mm 15mm}
body{font-family:Georgia,serif;color:#000;margin:0;font-size:11.5pt}
h1{font:700 18pt system-ui,sans-serif;margin:0 0 4pt} h2{font:700 14pt system-ui,sans-serif;margin:14pt 0 6pt}
.meta{font:9pt system-ui,sans-serif;color:#333}
.who{font:10.5pt system-ui,sans-serif;margin:6pt 0 12pt}
.text{line-height:2.3;margin:0 0 8pt} .text p{margin:0 0 6pt}
.line{border-bottom:1px solid #555;height:22pt}
.question{break-inside:avoid;margin:10pt 0} .question b{font-family:system-ui,sans-serif}
.text-block{break-before:page} .text-block:first-of-type{break-before:auto}
table{border-collapse:collapse;font:9pt system-ui,sans-serif;width:100%%;margin:4pt 0 10pt}
td,th{border:1px solid #888;padding:2pt 4pt;text-align:left;vertical-align:top}
</style>"""


def _lines(n: int) -> str:
    return "".join('<div class="line"></div>' for _ in range(n))


def _label(k: int) -> str:
    return f"Text {chr(65 + k)}"


def _head(title: str, paper: str, extra: str = "") -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"{SHEET_CSS % {'paper': PAPERS[paper]}}{extra}</head><body>")


def _meta(view: CorpusView, ids: list[str], when: dt.date) -> str:
    return (f"<p class='meta'>Framing Lens · {len(ids)} text(s) · lexicon version {html.escape(view.lexicon_version)} · "
            f"{when:%Y-%m-%d}</p>")


def questions_of(lesson: Lesson | None) -> list[tuple[str, str, str]]:
    """(step title, question, what the reveal says) for every question of a lesson."""
    if lesson is None:
        return [("", "Which words in each text tell you what to think, rather than what happened?", ""),
                ("", "Who is quoted in each text, and with which verbs?", ""),
                ("", "What does one text report that another leaves out?", "")]
    return [(s.title, q, s.reveal) for s in lesson.steps for q in s.questions]


def worksheet_html(view: CorpusView, article_ids: list[str], title: str, lesson: Lesson | None = None,
                   paper: str = "a4", when: dt.date | None = None) -> str:
    """The students' sheet: each text (outlets masked, as Text A, B ...) with wide lines to mark words and blank
    lines to write on, then the questions with room for answers."""
    when = when or dt.date.today()
    ids = shuffled(article_ids)
    parts = [_head(f"Worksheet: {title}", paper), f"<h1>{html.escape(title)}</h1>", _meta(view, ids, when),
             "<p class='who'>Name: ______________________ &nbsp; Class: __________ &nbsp; Date: __________</p>",
             "<p class='who'>Underline the words that tell you what to think. Circle the words that make a claim "
             "less certain. Write who is speaking in the margin.</p>"]
    for k, aid in enumerate(ids):
        aa = view.analyses[aid]
        text = masked(aa.body.text, mask_terms(view, aid))[0]
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
        parts.append(f"<section class='text-block'><h2>{_label(k)}</h2><p class='meta'>{html.escape(aa.article.date)}"
                     f" · outlet: ____________________</p><div class='text'>{paragraphs}</div>"
                     f"<p class='question'><b>Words I marked in {_label(k)}, and why:</b></p>{_lines(4)}</section>")
    parts.append("<section class='text-block'><h2>Questions</h2>")
    for n, (step, q, _) in enumerate(questions_of(lesson), start=1):
        where = f" <span class='meta'>({html.escape(step)})</span>" if step else ""
        parts.append(f"<div class='question'><b>{n}. {html.escape(q)}</b>{where}{_lines(3)}</div>")
    parts.append("</section></body></html>")
    return "".join(parts)


def answer_spans(view: CorpusView, article_id: str) -> pd.DataFrame:
    """The spans of one text that the answer key lists: words, category, voice, speaker, why, neutral alternative."""
    spans = view.analyses[article_id].body.spans
    spans = spans[spans["category"].isin(FRAMING)].sort_values("start")
    return pd.DataFrame({"words": spans["text"], "category": spans["category"].map(lambda c: CATEGORY_INFO[c][0]),
                         "voice": spans["voice"], "speaker": spans["speaker"], "why": spans["note"],
                         "neutral alternative": spans["neutral_alternative"]}).reset_index(drop=True)


def _table(df: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r) + "</tr>"
                   for r in df.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def answer_key_html(view: CorpusView, article_ids: list[str], title: str, lesson: Lesson | None = None,
                    paper: str = "a4", when: dt.date | None = None) -> str:
    """The teacher's answer key: which outlet wrote each text, the text highlighted, every span with its
    explanation, and what each step's reveal says."""
    when = when or dt.date.today()
    ids = shuffled(article_ids)
    parts = [_head(f"Answer key: {title}", paper, CSS), f"<h1>Answer key: {html.escape(title)}</h1>",
             _meta(view, ids, when),
             "<p class='who'>The detector is a word list with rules, not the truth: use the differences between the "
             "class's marks and these spans for discussion.</p>", legend(set(FRAMING) | {"attribution", "quote"})]
    for k, aid in enumerate(ids):
        aa = view.analyses[aid]
        name = view.outlet_names[aa.article.outlet]
        parts.append(f"<section class='text-block'><h2>{_label(k)}: {html.escape(name)}</h2><p class='meta'>"
                     f"{html.escape(aa.article.date)} · {html.escape(aa.display_title(name))}</p>"
                     f"{render(aa.body.text, aa.body.spans)}{_table(answer_spans(view, aid))}</section>")
    parts.append("<section class='text-block'><h2>Questions and what the reveal shows</h2>")
    for n, (step, q, reveal) in enumerate(questions_of(lesson), start=1):
        parts.append(f"<div class='question'><b>{n}. {html.escape(q)}</b>"
                     + (f"<p class='meta'>{html.escape(step)}: {html.escape(reveal)}</p>" if reveal else "") + "</div>")
    parts.append("</section></body></html>")
    return "".join(parts)


def to_pdf(page: str) -> bytes:
    """A worksheet or answer key printed by headless Chromium (the page size comes from its CSS)."""
    return html_to_pdf(page)
