"""Plotly figures for comparisons: titled, axis labels with their base, colour-blind-safe, no UI code."""
from __future__ import annotations

import datetime as dt
import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from analysis.corpus.workspace import article_count
from analysis.detect.speakers import load_roles
from analysis.present.glossary import FEATURES, axis_title

OUTLET_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
PATTERNS = ["", "/", "\\", "x", ".", "+", "-", "|"]
# Every bar and marker is outlined in this near-black (16:1 on white), so light fills such as orange and yellow keep
# the 3:1 non-text contrast WCAG 2.1 asks of graphics (1.4.11) while the colour-blind-safe fills stay as they are.
OUTLINE = "#222222"
EXPORT_WIDTH = 700  # kaleido's default image width in pixels; the legend band is sized for it


def chart_caption(articles: int, selection: str, lexicon_version: str, day: dt.date) -> str:
    """A chart's caption: the corpus, the number of articles shown (once), the selection, the lexicon version and
    the date ('Framing Lens · 3 articles · 2017-07-07: ... · lexicon 84959af8c694 · 2026-12-07')."""
    return f"Framing Lens · {article_count(articles)} · {selection} · lexicon {lexicon_version} · {day:%Y-%m-%d}"


def _text(s: str) -> str:
    """User text (outlet names, headlines, terms) for plotly, which reads <a href>, <b> and the like as markup."""
    return html.escape(str(s), quote=False)


def _wrap(label: str, width: int = 16) -> str:
    """A label broken over lines (plotly's <br>), so category labels stand horizontally and in full."""
    return "<br>".join(textwrap.wrap(label, width, break_long_words=False)) or label


def _names(names: dict[str, str], outlets, width: int = 16) -> list[str]:
    return [_wrap(_text(names.get(o, o)), width) for o in outlets]


def _legend_rows(labels: list[str], width: int = EXPORT_WIDTH - 40, font: int = 15) -> int:
    """How many rows a horizontal legend of these labels takes in an image `width` pixels wide (at `font` size):
    one if all fit side by side, else plotly.js sets them in columns as wide as the widest item."""
    items = [(40 + 7.8 * len(html.unescape(label))) * font / 15 for label in labels]
    if sum(items) <= width:
        return 1
    columns = max(1, int(width // max(items)))
    return -(-len(items) // columns)


CAPTION_CHARS = 100  # characters of a caption line: the export's width and a page's wide column hold them


def _layout(fig: go.Figure, title: str, caption: str = "", height: int = 440, labels_width: int = 60,
            caption_chars: int = CAPTION_CHARS, width: int = EXPORT_WIDTH) -> go.Figure:
    """Title and caption at the top left, the legend in its own band between them and the plot (never over the
    axis labels), horizontal category labels, every margin grown to fit its labels: laid out for A4 and slides,
    or for a drawing `width` pixels wide (a phone; see `for_width`); `caption_chars` is the longest caption line
    (less for a chart drawn in a narrow column).

    The legend hangs from a fixed distance below the top (under the caption) and plotly.js reserves the plot's top
    margin down to the legend's foot at the width it is drawn: a wide screen, where the legend takes fewer rows than
    at the export width, leaves no blank band over it, and a narrow window, where it takes more, pushes the plot
    down instead of setting the legend over the caption. The figure's height counts the legend's rows at `width`."""
    legend = [t.name for t in fig.data if t.name and t.showlegend is not False] if len(fig.data) > 1 else []
    narrow = width < EXPORT_WIDTH
    caption_chars = min(caption_chars, int(CAPTION_CHARS * width / EXPORT_WIDTH))
    lines = textwrap.wrap(caption, caption_chars) if caption else []  # a long event title wraps, never cut at the edge
    heading = textwrap.wrap(title, int(width / 11)) if narrow else [title]
    font = NARROW_FONT if narrow else 15
    line = 24 * font / 15  # a title, caption or legend line grows with the font
    head = int(78 + line * (len(heading) - 1 + max(0, len(lines) - 1)))  # the title and caption lines
    band = int((1.5 * font + 1) * _legend_rows(legend, width - labels_width - 20, font) + 6) if legend else 0
    total = height + head + band - 78
    fig.update_layout(
        meta={"layout": {"title": title, "caption": caption, "height": height, "labels_width": labels_width,
                         "caption_chars": caption_chars}},
        title={"text": "<br>".join(map(_text, heading)) + "".join(f"<br><sup>{_text(line)}</sup>" for line in lines),
               "x": 0, "xref": "container", "xanchor": "left", "pad": {"l": 12, "t": 26},
               "y": 1, "yref": "container", "yanchor": "top"},
        font={"size": 15}, template="plotly_white",
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1 - (head - 10) / total, "yanchor": "top",
                "yref": "container"},
        margin={"t": head, "b": 40, "l": 60, "r": 20, "pad": 4}, height=total)
    fig.update_xaxes(tickangle=0, automargin=True)
    fig.update_yaxes(automargin=True)
    if narrow:
        fig.update_layout(font={"size": NARROW_FONT}, margin={"l": 40, "r": 10})
    fig.update_traces(marker_line={"color": OUTLINE, "width": 1}, selector={"type": "bar"})
    fig.for_each_trace(lambda t: t.update(marker={"line": {"color": OUTLINE, "width": 1}, "size": t.marker.size or 8}),
                       selector={"type": "scatter"})  # a trace's own marker size is kept
    return fig


NARROW_FONT = 13  # font size of a chart laid out for a phone's width
PHONE_WIDTH = 360  # CSS pixels a chart is drawn in on a phone held upright (the page's padding taken off)


def for_width(fig: go.Figure, width: int) -> go.Figure:
    """A copy of a chart laid out to be drawn `width` pixels wide (a phone): title, caption and axis titles wrapped,
    the legend band sized for the rows it takes there, category labels broken into shorter lines, a smaller font.
    The chart as built stays laid out for export."""
    params = (fig.layout.meta or {}).get("layout") if isinstance(fig.layout.meta, dict) else None
    if not params or width >= EXPORT_WIDTH:
        return fig
    out, params = go.Figure(fig), dict(params)
    rewrap: dict[str, str] = {}
    rows: set[str] = set()  # the category rows of horizontal bars, over every trace (stacked traces share them)
    for t in out.data:
        across = getattr(t, "orientation", None) == "h"  # category labels on the left, one row each
        values = t.y if across else t.x
        if t.type == "bar" and values is not None and all(isinstance(v, str) for v in values):
            chars = 18 if across else max(8, int(16 * width / EXPORT_WIDTH) + 2)
            for v in values:
                rewrap.setdefault(v, _wrap(v.replace("<br>", " "), chars))
            t.update({"y" if across else "x": [rewrap[v] for v in values]})
            if across:
                rows.update(rewrap[v] for v in values)
                params["labels_width"] = min(params["labels_width"], 60 + 8 * chars)
    if rows:  # each row as tall as the longest label's lines; the legend starts right of the labels
        lines = max(r.count("<br>") + 1 for r in rows)
        params["height"] = max(params["height"], len(rows) * (18 * lines + 12) + 160)
    for a in out.layout.annotations:
        if a.name == "value" and a.x in rewrap:
            a.x = rewrap[a.x]
    for axis in (out.layout.yaxis, out.layout.xaxis):
        if axis.categoryarray is not None:
            axis.categoryarray = [rewrap.get(v, v) for v in axis.categoryarray]
    # an axis title is centred on the plot, which the category labels on its left make narrower than the image
    out.for_each_xaxis(lambda ax: ax.update(title_text=_wrap_title(ax.title.text, width - 140), ticklabelstandoff=6))
    out.for_each_yaxis(lambda ax: ax.update(title_text=_wrap_title(ax.title.text, params["height"] - 160)))
    return _layout(out, **params, width=width)


def _wrap_title(title: str | None, pixels: int) -> str | None:
    """An axis title broken over lines that fit `pixels` at the narrow font."""
    return _wrap(title.replace("<br>", " "), max(12, int(pixels / 7.5))) if title else title


def _value_labels(fig: go.Figure, x: list, values: list[float], labels: list[str], tops: list[float]) -> None:
    """Each bar's value written above the bar and its error bar (never under it), black on white, and the axis
    stretched to hold them."""
    for xi, top, label in zip(x, tops, labels):
        fig.add_annotation(x=xi, y=top, text=label, name="value", showarrow=False, yanchor="bottom", yshift=3,
                           font={"color": "#111", "size": 15}, bgcolor="rgba(255,255,255,0.85)")
    high = max([*tops, *values, 0])
    fig.update_yaxes(range=[0, high * 1.18 if high > 0 else 1])


def _error_bars(intervals: pd.DataFrame | None, outlets: list[str], features: list[str], values: list[float]):
    """Plotly error_y for bars (outlet, feature) from a table of intervals (outlet, feature, low, high)."""
    if intervals is None or intervals.empty:
        return None
    iv = intervals.set_index(["outlet", "feature"])
    keys = list(zip(outlets, features))
    if not all(k in iv.index for k in keys):
        return None
    return {"type": "data", "symmetric": False, "color": "#333", "thickness": 1.5,
            "array": [max(iv.loc[k, "high"] - v, 0) for k, v in zip(keys, values)],
            "arrayminus": [max(v - iv.loc[k, "low"], 0) for k, v in zip(keys, values)]}


def feature_bars(table: pd.DataFrame, feature: str, names: dict[str, str], caption: str = "",
                 intervals: pd.DataFrame | None = None) -> go.Figure:
    """One bar per outlet for one feature (with bootstrap intervals if given); bars carry outlet ids for click-through."""
    outlets, values = list(table["outlet"]), [float(v) for v in table[feature]]
    err = _error_bars(intervals, outlets, [feature] * len(outlets), values)
    x = _names(names, outlets)
    fig = go.Figure(go.Bar(error_y=err, x=x, y=values, customdata=outlets,
        marker={"color": [OUTLET_COLOURS[i % len(OUTLET_COLOURS)] for i in range(len(outlets))],
                "pattern": {"shape": [PATTERNS[i % len(PATTERNS)] for i in range(len(outlets))]}},
        hovertemplate="%{x}: %{y:.2f}<extra></extra>"))
    tops = [v + (err["array"][i] if err else 0) for i, v in enumerate(values)]
    _value_labels(fig, x, values, [FEATURES[feature].fmt.format(v) if feature in FEATURES else f"{v:.2f}"
                                   for v in values], tops)
    fig.update_yaxes(title_text=_wrap(axis_title(feature), 34))
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, FEATURES[feature].label + " by outlet", caption)


def grouped_features(table: pd.DataFrame, features: list[str], names: dict[str, str], caption: str = "",
                     intervals: pd.DataFrame | None = None) -> go.Figure:
    """Outlets side by side for several rate features that share one base (per 1,000 words); with `intervals`
    (outlet, feature, low, high) each bar gets its bootstrap 95% interval as an error bar."""
    fig = go.Figure()
    for i, (_, row) in enumerate(table.iterrows()):
        err = _error_bars(intervals, [row["outlet"]] * len(features), features, [row[f] for f in features])
        fig.add_trace(go.Bar(error_y=err,
            name=_text(names.get(row["outlet"], row["outlet"])), x=[_wrap(_text(FEATURES[f].label)) for f in features],
            y=[row[f] for f in features], customdata=[[row["outlet"], f] for f in features],
            marker={"color": OUTLET_COLOURS[i % len(OUTLET_COLOURS)], "pattern": {"shape": PATTERNS[i % len(PATTERNS)]}},
            hovertemplate="%{fullData.name}<br>%{x}: %{y:.2f} per 1,000 words<extra></extra>"))
    units = {FEATURES[f].unit for f in features}
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="Rate (" + ", ".join(sorted(units)) + ")", rangemode="tozero")
    fig.update_xaxes(title_text="Feature")
    return _layout(fig, "Framing features by outlet", caption)


OWN_VOICE_LOOK = {"color": "#FFFFFF", "pattern": {"shape": ""}}  # the outlet's own words: plain white, outlined


def role_looks() -> dict[str, dict]:
    """Each speaker role's bar marker: its colour from the role file and a fill pattern, no two roles alike."""
    return {r.name: {"color": r.colour, "pattern": {"shape": PATTERNS[k % len(PATTERNS)]}}
            for k, r in enumerate(load_roles())}


def voice_share(table: pd.DataFrame, names: dict[str, str], roles: list[str], caption: str = "") -> go.Figure:
    """Stacked bars: share of attributed words by speaker role, per outlet (colours from the role file)."""
    looks = role_looks()
    fig = go.Figure()
    for aff in roles:
        col = "voice_share__" + aff.lower().replace("/", "_").replace(" ", "_")
        fig.add_trace(go.Bar(
            name=_text(aff), x=_names(names, table["outlet"]), y=list(table[col]),
            showlegend=bool(table[col].fillna(0).any()),  # a role no outlet quotes stays in the numbers, not the legend
            customdata=[[o, aff] for o in table["outlet"]],
            marker=looks.get(aff, looks["other"]),
            hovertemplate="%{x}<br>" + _text(aff).replace("%", "%%") + ": %{y:.0%}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Share of attributed words (0-100%)", tickformat=".0%", range=[0, 1])
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, "Who gets to speak: share of attributed words by speaker's role", caption)


def share_by(shares: pd.DataFrame, names: dict[str, str], what: str, caption: str = "") -> go.Figure:
    """Stacked bars from a tidy (outlet, value, share) table: share of attributed words per value, per outlet; beyond
    as many values as there are distinct colours, the smallest are one 'Other' slice, so no two slices look alike."""
    shares = _top_values(shares, len(OUTLET_COLOURS) - 1)
    fig = go.Figure()
    for k, (value, part) in enumerate(shares.groupby("value", sort=False)):
        fig.add_trace(go.Bar(name=_text(value), x=_names(names, part["outlet"]), y=list(part["share"]),
                             customdata=[[o, value] for o in part["outlet"]],
                             marker={"color": OUTLET_COLOURS[k % len(OUTLET_COLOURS)],
                                     "pattern": {"shape": PATTERNS[k % len(PATTERNS)]}},
                             hovertemplate="%{x}<br>" + _text(value).replace("%", "%%") + ": %{y:.0%}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Share of attributed words (0-100%)", tickformat=".0%", range=[0, 1])
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, f"Who gets to speak: share of attributed words by speaker's {what}", caption)


def _top_values(shares: pd.DataFrame, keep: int) -> pd.DataFrame:
    """The `keep` values with the largest shares over all outlets, and the rest summed as 'Other (n values)'."""
    totals = shares.groupby("value", sort=False)["share"].sum()
    if len(totals) <= keep + 1:
        return shares
    top = set(totals.sort_values(ascending=False, kind="stable").index[:keep])
    rest = shares[~shares["value"].isin(top)]
    other = rest.groupby("outlet", sort=False, as_index=False)["share"].sum().assign(
        value=f"Other ({rest['value'].nunique()} values)")
    return pd.concat([shares[shares["value"].isin(top)], other[["outlet", "value", "share"]]], ignore_index=True)


def term_counts(counts: pd.DataFrame, names: dict[str, str], term: str, caption: str = "") -> go.Figure:
    """Occurrences of a term per outlet, per 1,000 words: each bar labelled in the axis's unit, its count under
    the outlet's name."""
    # short lines: the Terms page draws this chart in a narrow column ('The New York Times (0 times)' ran into its
    # neighbours at 300 px)
    x = [f"{label}<br>({n} time{'s' if n != 1 else ''})"
         for label, n in zip(_names(names, counts["outlet"], width=9), counts["n"])]
    values = [float(v) for v in counts["per_1k"]]
    fig = go.Figure(go.Bar(x=x, y=values, customdata=list(counts["n"]),
                           marker={"color": [OUTLET_COLOURS[i % len(OUTLET_COLOURS)] for i in range(len(counts))]},
                           hovertemplate="%{x}: %{customdata} times, %{y:.2f} per 1,000 words<extra></extra>"))
    _value_labels(fig, x, values, [f"{v:.2f}" for v in values], values)
    fig.update_yaxes(title_text="Occurrences (per 1,000 words)")
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, f"“{term}” by outlet", caption, caption_chars=45)  # drawn in a narrow column


def distinctive_words(table: pd.DataFrame, outlet: str, chance: float, caption: str = "", top: int = 20) -> go.Figure:
    """Horizontal bars of the most distinctive words (z-scores), with the z that chance alone reaches."""
    t = table.head(top).iloc[::-1]
    fig = go.Figure(go.Bar(x=list(t["z"]), y=[_text(w) for w in t["word"]], orientation="h", marker={"color": "#0072B2"},
                           customdata=list(t["word"]), hovertemplate="%{y}: z = %{x:.2f}<extra></extra>"))
    fig.add_vline(x=chance, line_dash="dash", line_color="#D55E00",
                  annotation_text=f"chance (95%): z = {chance:.1f}", annotation_position="top")
    fig.update_xaxes(title_text="z-score of the log-odds ratio (informative Dirichlet prior)")
    fig.update_yaxes(title_text="Word")
    return _layout(fig, f"Words most distinctive of {outlet}", caption, height=max(440, 24 * len(t) + 160))


def who_targets_whom(targets: pd.DataFrame, names: dict[str, str], caption: str = "", top: int = 25) -> go.Figure:
    """Stacked horizontal bars, one per outlet and actor aimed at (the `top` pairs with the most loaded terms, the
    caption says how many more there are): loaded terms split by who says them, each role in its own colour and
    pattern (labels read horizontally however many pairs there are)."""
    df = targets[targets["target"] != ""].copy()
    looks = role_looks()
    df["who"] = ["the outlet itself" if v == "author" else a if a in looks else "other"
                 for v, a in zip(df["voice"], df["affiliation"])]
    df["y"] = df["outlet"].map(lambda o: _text(names.get(o, o))) + " → " + df["target"].map(_text)
    totals = df["y"].value_counts()
    shown = totals.sort_index(kind="stable").sort_values(ascending=False, kind="stable").index[:top]
    grouped = df[df["y"].isin(shown)].groupby(["who", "y"]).size().rename("n").reset_index()
    order = list(shown[::-1])  # the most loaded terms at the top
    fig = go.Figure()
    for who in ["the outlet itself", *looks]:
        part = grouped[grouped["who"] == who]
        label = _text(who if who == "the outlet itself" else f"quoted: {who}")
        if len(part):
            fig.add_trace(go.Bar(name=label, y=list(part["y"]), x=list(part["n"]), orientation="h",
                                 marker=looks.get(who, OWN_VOICE_LOOK),
                                 hovertemplate="%{y}<br>" + label.replace("%", "%%") + ": %{x}<extra></extra>"))
    fig.update_layout(barmode="stack", legend_traceorder="normal")  # the outlet itself first, as the bars stack
    fig.update_yaxes(title_text="Outlet → actor the term is aimed at", categoryorder="array", categoryarray=order)
    fig.update_xaxes(title_text="Loaded terms (count)", tick0=0, dtick=_count_step(totals.max() if len(totals) else 0))
    left = len(totals) - len(shown)
    if left:
        caption = " · ".join(filter(None, [caption, f"the {len(shown)} outlet → actor pairs with the most loaded terms; "
                                          f"{left} more pair{'s' if left != 1 else ''} in the table and its CSV"]))
    widest = max((len(html.unescape(y)) for y in order), default=0)
    return _layout(fig, "Who calls whom what", caption, height=max(440, 26 * len(order) + 160),
                   labels_width=60 + int(8 * widest))


def _count_step(top: int) -> int:
    """A whole-number tick step for a count axis up to `top`: 1, 2, 5, 10, 20, … with at most eight steps."""
    step = 1
    while top / step > 8:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return step
