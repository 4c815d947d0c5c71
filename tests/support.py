"""What many tests share: the seed article ids, span lookups and one AppTest helper for the dashboard."""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard.py"
CNN_0620 = "cnn-2017-06-20-b1-korean-peninsula"
CNN_0707 = "cnn-2017-07-07-bombers-east-south-china-seas"
CNN_0708 = "cnn-2017-07-08-bombers-korea-icbm"
JT = "japantimes-2019-10-29-b52-sea-of-japan"
WSWS = "wsws-2017-07-10-provocative-drill"


def spans_of(analyses, article_id, category=None, text=None):
    """Body spans of an article, optionally of one category and (case-insensitive) text."""
    df = analyses[article_id].body.spans
    if category:
        df = df[df["category"] == category]
    if text:
        df = df[df["text"].str.lower() == text.lower()]
    return df


def app(params: dict | None = None, page: str | None = None, run: bool = True) -> AppTest:
    """The dashboard in AppTest, opened with these URL parameters on this page (e.g. 'ui/pages/read.py')."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    if page:
        at.switch_page(page)
    return at.run() if run else at


def plain(markdown: str) -> str:
    """Markdown with its backslash escapes and invisible word joiners undone: the text a reader sees."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def said(elements) -> list[str]:
    """What a list of AppTest message elements (at.error, at.success, ...) says, as a reader sees it."""
    return [plain(e.value) for e in elements]


def texts(at: AppTest) -> str:
    """All the text the page shows in markdown, captions, titles, headers and messages."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [e.value for e in at.info] + [e.value for e in at.warning] + [e.value for e in at.error]
    parts += [e.value for e in at.success]
    return plain("\n".join(str(p) for p in parts))


NUMBER = re.compile(r"-?\d[\d,]*(\.\d+)?")


def _cell(text: str):
    """A cell's text; a plain number (as the table shows it: 1,234 or -0.5, not '+3') as a number."""
    if NUMBER.fullmatch(text):
        value = float(text.replace(",", ""))
        return int(value) if value.is_integer() and "." not in text else value
    return text


def tables(at: AppTest) -> list[pd.DataFrame]:
    """Every table the page shows (widgets.table's HTML), read back as a reader sees its cells."""
    out = []
    for h in at.get("html"):
        for table in lxml.html.fromstring(f"<div>{h.proto.body}</div>").find_class("fl-table"):
            head = [th.text_content() for th in table.iter("th")]
            rows = [[_cell(td.text_content()) for td in tr.iter("td")] for tr in table.iter("tr")]
            out.append(pd.DataFrame([r for r in rows if r], columns=head))
    return out


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table shown that has this column."""
    return next(t for t in tables(at) if column in t.columns)


def htmls(at: AppTest) -> str:
    """The HTML of every st.html block on the page."""
    return "\n".join(h.proto.body for h in at.get("html"))
