"""A chart as text, for screen readers and anyone who cannot tell its colours apart: a short summary and the
numbers behind every bar, read from the plotly figure itself (so the same numbers as the chart)."""
from __future__ import annotations

import html
import re
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

_TAG = re.compile(r"<[^>]+>")


def _plain(text) -> str:
    """Plotly label markup (already escaped user text, <br>, <sup>) as plain text."""
    return html.unescape(_TAG.sub(" ", str(text or ""))).replace("  ", " ").strip()


def _axis_title(axis) -> str:
    return _plain(axis.title.text) if axis.title and axis.title.text else ""


def chart_title(fig: go.Figure) -> str:
    """The chart's title without its caption line."""
    return _plain(str(fig.layout.title.text or "").split("<br>")[0])


def chart_table(fig: go.Figure) -> pd.DataFrame:
    """One row per bar: series (the legend entry), category, value, 95% interval (if drawn) and its customdata."""
    rows = []
    for trace in fig.data:
        if trace.type != "bar":
            continue
        across = trace.orientation != "h"
        cats, values = (trace.x, trace.y) if across else (trace.y, trace.x)
        err = trace.error_y if across else trace.error_x
        high = list(err.array) if err and err.array is not None else None
        low = list(err.arrayminus) if err and err.arrayminus is not None else high
        custom = list(trace.customdata) if trace.customdata is not None else [None] * len(values)
        for i, (cat, value) in enumerate(zip(cats, values)):
            rows.append({"series": _plain(trace.name), "category": _plain(cat), "value": float(value),
                         "low": float(value) - low[i] if low else None, "high": float(value) + high[i] if high else None,
                         "custom": custom[i]})
    return pd.DataFrame(rows, columns=["series", "category", "value", "low", "high", "custom"])


def _horizontal(fig: go.Figure) -> bool:
    """Whether the chart's bars run across (its value axis is x)."""
    return any(getattr(t, "orientation", None) == "h" for t in fig.data)


def _formatter(fig: go.Figure) -> Callable[[float], str]:
    """How the chart's value axis writes a number: a share drawn as a percentage ('.0%' ticks) as one, else two
    decimals."""
    ticks = (fig.layout.xaxis if _horizontal(fig) else fig.layout.yaxis).tickformat or ""
    return (lambda v: f"{v:.0%}") if ticks.endswith("%") else (lambda v: f"{v:.2f}")


def chart_summary(fig: go.Figure) -> str:
    """A sentence or three: what the chart shows, how many bars, the highest and the lowest."""
    table = chart_table(fig)
    horizontal = _horizontal(fig)
    value_axis = _axis_title(fig.layout.xaxis if horizontal else fig.layout.yaxis)
    category_axis = _axis_title(fig.layout.yaxis if horizontal else fig.layout.xaxis)
    if table.empty:
        return f"{chart_title(fig)}: no bars to show."
    _value = _formatter(fig)

    def name(row) -> str:
        return f"{row['category']} ({row['series']})" if row["series"] else row["category"]
    top, bottom = table.loc[table["value"].idxmax()], table.loc[table["value"].idxmin()]
    series = [s for s in dict.fromkeys(table["series"]) if s]
    parts = [f"{chart_title(fig)}. Bar chart of {len(table)} bars: {value_axis} by {category_axis.lower()}"
             + (f", one series each for {', '.join(series)}." if series else ".")]
    parts.append(f"Highest: {name(top)}, {_value(top['value'])}. Lowest: {name(bottom)}, {_value(bottom['value'])}.")
    if table["low"].notna().any():
        parts.append("The table gives each bar's 95% interval.")
    return " ".join(parts)


def chart_table_html(fig: go.Figure, link: Callable[[object], str | None] | None = None) -> str:
    """The numbers of every bar as an HTML table (all text escaped); with `link`, each value links to the address
    `link(customdata)` returns (the keyboard way to "click a bar")."""
    table = chart_table(fig)
    _value = _formatter(fig)
    horizontal = _horizontal(fig)
    value_axis = _axis_title(fig.layout.xaxis if horizontal else fig.layout.yaxis) or "Value"
    category_axis = _axis_title(fig.layout.yaxis if horizontal else fig.layout.xaxis) or "Category"
    has_series, has_interval = table["series"].astype(bool).any(), table["low"].notna().any()
    head = (["Series"] if has_series else []) + [category_axis, value_axis] + (["95% interval"] if has_interval else [])
    out = [f'<table class="fl-chart-table"><caption>{html.escape(chart_title(fig))}: the numbers</caption><thead><tr>',
           *(f'<th scope="col">{html.escape(h)}</th>' for h in head), "</tr></thead><tbody>"]
    for row in table.to_dict("records"):
        value = html.escape(_value(row["value"]))
        href = link(row["custom"]) if link else None
        if href:
            label = f"{value}: why? The words behind {row['category']}" + (f", {row['series']}" if has_series else "")
            value = f'<a href="{html.escape(href, quote=True)}" target="_self" aria-label="{html.escape(label, quote=True)}">{value}</a>'
        cells = ([html.escape(row["series"])] if has_series else []) + [html.escape(row["category"]), value]
        if has_interval:
            cells.append("" if pd.isna(row["low"]) else f"{_value(row['low'])} to {_value(row['high'])}")
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)
