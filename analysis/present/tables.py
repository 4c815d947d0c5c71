"""Tables and lists of numbers as HTML that wraps and that screen readers read as tables and lists: every cell
escaped, numbers as they are shown in the downloads, long tables cut with a note, and what each column means under
the table."""
from __future__ import annotations

import html
import math
import numbers

import pandas as pd

ROW_LIMIT = 500
LONG_TEXT = 60  # characters: a column with longer texts (explanations, sources) keeps a readable width

TABLE_CSS = """<style>
.fl-table-wrap{max-height:32rem;overflow:auto;border:1px solid #bbb;border-radius:.4rem;margin:.3em 0}
.fl-table,.fl-chart-table{border-collapse:collapse;font-size:.9rem;font-family:inherit;width:100%}
.fl-chart-table{width:auto;margin:.3em 0}
.fl-table caption,.fl-chart-table caption{text-align:left;font-weight:600;padding:.3em .5em}
.fl-table th,.fl-table td,.fl-chart-table th,.fl-chart-table td{border:1px solid #bbb;padding:.25em .5em;text-align:left;
vertical-align:top;overflow-wrap:break-word;color:#000}
.fl-table th{min-width:5.5em}
.fl-table td{min-width:3em}
.fl-table td.fl-long{min-width:18em}
.fl-table thead th{position:sticky;top:0;background:#f0f0f0;z-index:1}
.fl-table td.fl-num{text-align:right;white-space:nowrap}
.fl-table-note{font-size:.85rem;color:#333;margin:.2em 0}
.fl-table-note dt{font-weight:600;display:inline}
.fl-table-note dd{display:inline;margin:0 0 0 .3em}
.fl-table-note dd:after{content:"";display:block}
.fl-numbers{display:grid;grid-template-columns:repeat(auto-fit,minmax(6.5rem,1fr));gap:.6em 1em;margin:.4em 0!important;padding:0!important}
.fl-numbers div{margin:0;padding:0}
.fl-numbers dt{font-size:.9rem;color:#333}
.fl-numbers dd{margin:0;font-size:1.4rem;line-height:1.2;color:#000}
.fl-chart-table a{color:#0645ad}
.fl-chart-table a:focus-visible,.fl-table-wrap:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
</style>"""


def cell_text(value) -> str:
    """A cell as it is shown: numbers rounded to three decimals without trailing zeros, integers with thousands
    separators, yes/no for truth values, nothing for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        text = f"{float(value):,.3f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return str(value)


def without_empty_columns(df: pd.DataFrame) -> pd.DataFrame:
    """The table without its columns that are missing or blank in every row (unchanged if none would be left)."""
    filled = [c for c in df.columns if df[c].dropna().astype(str).str.strip().ne("").any()]
    return df[filled] if len(df) and filled else df


def table_html(df: pd.DataFrame, caption: str = "", notes: dict[str, str] | None = None,
               limit: int = ROW_LIMIT) -> str:
    """The table as escaped HTML in a scrolling box (a keyboard user can scroll it: it takes the focus), at most
    `limit` rows with a note saying how many more the downloads hold; `notes` (column -> meaning) are listed under
    it and shown as the headers' tooltips."""
    notes = {c: n for c, n in (notes or {}).items() if c in df.columns}
    label = html.escape(caption or "Table", quote=True)
    out = [f'<div class="fl-table-wrap" tabindex="0" role="region" aria-label="{label}"><table class="fl-table">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append("<thead><tr>")
    for col in df.columns:
        tip = f' title="{html.escape(notes[col], quote=True)}"' if col in notes else ""
        out.append(f'<th scope="col"{tip}>{html.escape(str(col))}</th>')
    out.append("</tr></thead><tbody>")
    numeric = [pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c]) for c in df.columns]
    shown = df.head(limit)
    long = [not num and shown[c].astype(str).str.len().max() > LONG_TEXT if len(shown) else False
            for c, num in zip(df.columns, numeric)]
    opening = ['<td class="fl-num">' if num else '<td class="fl-long">' if wide else "<td>"
               for num, wide in zip(numeric, long)]
    for row in shown.itertuples(index=False, name=None):
        out.append("<tr>" + "".join(f"{td}{html.escape(cell_text(v))}</td>" for v, td in zip(row, opening)) + "</tr>")
    out.append("</tbody></table></div>")
    if len(df) > limit:
        out.append(f'<p class="fl-table-note">The first {limit:,} of {len(df):,} rows; the CSV and XLSX downloads '
                   "have them all.</p>")
    if notes:
        out.append('<dl class="fl-table-note">' + "".join(
            f"<dt>{html.escape(str(c))}:</dt><dd>{html.escape(n)}</dd>" for c, n in notes.items()) + "</dl>")
    return "".join(out)


def numbers_html(items: list[tuple[str, str, str]]) -> str:
    """Labelled numbers (label, value as shown, what it means) as a description list laid out in a grid: labels wrap
    and are never cut, and what a number means is its tooltip."""
    return '<dl class="fl-numbers">' + "".join(
        f'<div><dt title="{html.escape(tip, quote=True)}">{html.escape(label)}</dt><dd>{html.escape(value)}</dd></div>'
        for label, value, tip in items) + "</dl>"
