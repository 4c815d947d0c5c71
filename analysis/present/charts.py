"""Plotly figures for comparisons: titled, axis labels with their base, colour-blind-safe, no UI code."""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from analysis.detect.speakers import load_roles
from analysis.present.glossary import FEATURES, axis_title

OUTLET_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
PATTERNS = ["", "/", "\\", "x", ".", "+", "-", "|"]


def _text(s: str) -> str:
    """User text (outlet names, headlines, terms) for plotly, which reads <a href>, <b> and the like as markup."""
    return html.escape(str(s), quote=False)


def _names(names: dict[str, str], outlets) -> list[str]:
    return [_text(names.get(o, o)) for o in outlets]


def _layout(fig: go.Figure, title: str, caption: str = "") -> go.Figure:
    fig.update_layout(
        title={"text": _text(title) + (f"<br><sup>{_text(caption)}</sup>" if caption else "")},
        font={"size": 15}, template="plotly_white", legend={"orientation": "h", "y": -0.2},
        margin={"t": 90, "b": 60, "l": 60, "r": 20}, height=440)
    return fig


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
    outlets = list(table["outlet"])
    fig = go.Figure(go.Bar(error_y=_error_bars(intervals, outlets, [feature] * len(outlets), list(table[feature])),
        x=_names(names, outlets), y=list(table[feature]), customdata=outlets,
        marker={"color": [OUTLET_COLOURS[i % len(OUTLET_COLOURS)] for i in range(len(outlets))],
                "pattern": {"shape": [PATTERNS[i % len(PATTERNS)] for i in range(len(outlets))]}},
        text=[FEATURES[feature].fmt.format(v) if feature in FEATURES else f"{v:.2f}" for v in table[feature]],
        textposition="outside", hovertemplate="%{x}: %{y:.2f}<extra></extra>"))
    fig.update_yaxes(title_text=axis_title(feature), rangemode="tozero")
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
            name=_text(names.get(row["outlet"], row["outlet"])), x=[FEATURES[f].label for f in features],
            y=[row[f] for f in features], customdata=[[row["outlet"], f] for f in features],
            marker={"color": OUTLET_COLOURS[i % len(OUTLET_COLOURS)], "pattern": {"shape": PATTERNS[i % len(PATTERNS)]}},
            hovertemplate="%{fullData.name}<br>%{x}: %{y:.2f} per 1,000 words<extra></extra>"))
    units = {FEATURES[f].unit for f in features}
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="Rate (" + ", ".join(sorted(units)) + ")", rangemode="tozero")
    fig.update_xaxes(title_text="Feature")
    return _layout(fig, "Framing features by outlet", caption)


def voice_share(table: pd.DataFrame, names: dict[str, str], roles: list[str], caption: str = "") -> go.Figure:
    """Stacked bars: share of attributed words by speaker role, per outlet (colours from the role file)."""
    colours = {r.name: r.colour for r in load_roles()}
    fig = go.Figure()
    for k, aff in enumerate(roles):
        col = "voice_share__" + aff.lower().replace("/", "_").replace(" ", "_")
        fig.add_trace(go.Bar(
            name=_text(aff), x=_names(names, table["outlet"]), y=list(table[col]),
            customdata=[[o, aff] for o in table["outlet"]],
            marker={"color": colours.get(aff, "#999"), "pattern": {"shape": PATTERNS[k % len(PATTERNS)]}},
            hovertemplate="%{x}<br>" + _text(aff).replace("%", "%%") + ": %{y:.0%}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Share of attributed words (0-100%)", tickformat=".0%", range=[0, 1])
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, "Who gets to speak: share of attributed words by speaker's role", caption)


def share_by(shares: pd.DataFrame, names: dict[str, str], what: str, caption: str = "") -> go.Figure:
    """Stacked bars from a tidy (outlet, value, share) table: share of attributed words per value, per outlet."""
    fig = go.Figure()
    for k, (value, part) in enumerate(shares.groupby("value", sort=False)):
        fig.add_trace(go.Bar(name=value, x=[names.get(o, o) for o in part["outlet"]], y=list(part["share"]),
                             customdata=[[o, value] for o in part["outlet"]],
                             marker={"color": OUTLET_COLOURS[k % len(OUTLET_COLOURS)],
                                     "pattern": {"shape": PATTERNS[k % len(PATTERNS)]}},
                             hovertemplate="%{x}<br>" + value.replace("%", "%%") + ": %{y:.0%}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Share of attributed words (0-100%)", tickformat=".0%", range=[0, 1])
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, f"Who gets to speak: share of attributed words by speaker's {what}", caption)


def term_counts(counts: pd.DataFrame, names: dict[str, str], term: str, caption: str = "") -> go.Figure:
    """Occurrences of a term per outlet, per 1,000 words."""
    fig = go.Figure(go.Bar(x=_names(names, counts["outlet"]), y=list(counts["per_1k"]),
                           customdata=list(counts["outlet"]), text=list(counts["n"]), textposition="outside",
                           marker={"color": [OUTLET_COLOURS[i % len(OUTLET_COLOURS)] for i in range(len(counts))]},
                           hovertemplate="%{x}: %{text} times, %{y:.2f} per 1,000 words<extra></extra>"))
    fig.update_yaxes(title_text="Occurrences (per 1,000 words)", rangemode="tozero")
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, f"“{term}” by outlet", caption)


def distinctive_words(table: pd.DataFrame, outlet: str, chance: float, caption: str = "", top: int = 20) -> go.Figure:
    """Horizontal bars of the most distinctive words (z-scores), with the z that chance alone reaches."""
    t = table.head(top).iloc[::-1]
    fig = go.Figure(go.Bar(x=list(t["z"]), y=[_text(w) for w in t["word"]], orientation="h", marker={"color": "#0072B2"},
                           customdata=list(t["word"]), hovertemplate="%{y}: z = %{x:.2f}<extra></extra>"))
    fig.add_vline(x=chance, line_dash="dash", line_color="#D55E00",
                  annotation_text=f"chance reaches z = {chance:.1f}", annotation_position="top")
    fig.update_xaxes(title_text="z-score of the log-odds ratio (informative Dirichlet prior)")
    fig.update_yaxes(title_text="Word")
    fig.update_layout(height=max(440, 24 * len(t) + 160))
    return _layout(fig, f"Words most distinctive of {outlet}", caption)


def who_targets_whom(targets: pd.DataFrame, names: dict[str, str], caption: str = "") -> go.Figure:
    """Stacked bars per outlet: loaded terms by the actor they are aimed at, split by who says them."""
    df = targets[targets["target"] != ""].copy()
    df["who"] = df.apply(lambda r: "the outlet itself" if r["voice"] == "author" else f"quoted: {r['affiliation']}"
                         + (f" ({r['country']})" if r.get("country") else ""), axis=1)
    df["who"] = df["who"].map(_text)
    df["x"] = df["outlet"].map(lambda o: _text(names.get(o, o))) + " → " + df["target"].map(_text)
    grouped = df.groupby(["x", "who"]).size().rename("n").reset_index()
    fig = go.Figure()
    for k, (who, part) in enumerate(grouped.groupby("who")):
        fig.add_trace(go.Bar(name=who, x=list(part["x"]), y=list(part["n"]),
                             marker={"pattern": {"shape": PATTERNS[k % len(PATTERNS)]},
                                     "color": OUTLET_COLOURS[k % len(OUTLET_COLOURS)]}))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Loaded terms (count)")
    fig.update_xaxes(title_text="Outlet → actor the term is aimed at")
    return _layout(fig, "Who calls whom what", caption)
