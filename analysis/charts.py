"""Plotly figures for comparisons: titled, axis labels with their base, colour-blind-safe, no UI code."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .glossary import FEATURES, axis_title

OUTLET_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
AFFILIATION_COLOURS = {"US military": "#0072B2", "US administration": "#56B4E9", "China": "#D55E00",
                       "North Korea": "#CC79A7", "Japan": "#009E73", "South Korea": "#E69F00",
                       "Analysts/experts": "#F0E442", "Other": "#999999"}
PATTERNS = ["", "/", "\\", "x", ".", "+", "-", "|"]


def _layout(fig: go.Figure, title: str, caption: str = "") -> go.Figure:
    fig.update_layout(
        title={"text": title + (f"<br><sup>{caption}</sup>" if caption else "")},
        font={"size": 15}, template="plotly_white", legend={"orientation": "h", "y": -0.2},
        margin={"t": 90, "b": 60, "l": 60, "r": 20}, height=440)
    return fig


def feature_bars(table: pd.DataFrame, feature: str, names: dict[str, str], caption: str = "") -> go.Figure:
    """One bar per outlet for one feature; each bar carries its outlet id for click-through."""
    outlets = list(table["outlet"])
    fig = go.Figure(go.Bar(
        x=[names.get(o, o) for o in outlets], y=list(table[feature]), customdata=outlets,
        marker={"color": [OUTLET_COLOURS[i % len(OUTLET_COLOURS)] for i in range(len(outlets))],
                "pattern": {"shape": [PATTERNS[i % len(PATTERNS)] for i in range(len(outlets))]}},
        text=[FEATURES[feature].fmt.format(v) if feature in FEATURES else f"{v:.2f}" for v in table[feature]],
        textposition="outside", hovertemplate="%{x}: %{y:.2f}<extra></extra>"))
    fig.update_yaxes(title_text=axis_title(feature), rangemode="tozero")
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, FEATURES[feature].label + " by outlet", caption)


def grouped_features(table: pd.DataFrame, features: list[str], names: dict[str, str], caption: str = "") -> go.Figure:
    """Outlets side by side for several rate features that share one base (per 1,000 words)."""
    fig = go.Figure()
    for i, (_, row) in enumerate(table.iterrows()):
        fig.add_trace(go.Bar(
            name=names.get(row["outlet"], row["outlet"]), x=[FEATURES[f].label for f in features],
            y=[row[f] for f in features], customdata=[[row["outlet"], f] for f in features],
            marker={"color": OUTLET_COLOURS[i % len(OUTLET_COLOURS)], "pattern": {"shape": PATTERNS[i % len(PATTERNS)]}},
            hovertemplate="%{fullData.name}<br>%{x}: %{y:.2f} per 1,000 words<extra></extra>"))
    units = {FEATURES[f].unit for f in features}
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="Rate (" + ", ".join(sorted(units)) + ")", rangemode="tozero")
    fig.update_xaxes(title_text="Feature")
    return _layout(fig, "Framing features by outlet", caption)


def voice_share(table: pd.DataFrame, names: dict[str, str], affiliations: list[str], caption: str = "") -> go.Figure:
    """Stacked bars: share of attributed words by speaker affiliation, per outlet."""
    fig = go.Figure()
    for k, aff in enumerate(affiliations):
        col = "voice_share__" + aff.lower().replace("/", "_").replace(" ", "_")
        fig.add_trace(go.Bar(
            name=aff, x=[names.get(o, o) for o in table["outlet"]], y=list(table[col]),
            customdata=[[o, aff] for o in table["outlet"]],
            marker={"color": AFFILIATION_COLOURS.get(aff, "#999"), "pattern": {"shape": PATTERNS[k % len(PATTERNS)]}},
            hovertemplate="%{x}<br>" + aff + ": %{y:.0%}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="Share of attributed words (0-100%)", tickformat=".0%", range=[0, 1])
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, "Who gets to speak: share of attributed words by affiliation", caption)


def term_counts(counts: pd.DataFrame, names: dict[str, str], term: str, caption: str = "") -> go.Figure:
    """Occurrences of a term per outlet, per 1,000 words."""
    fig = go.Figure(go.Bar(x=[names.get(o, o) for o in counts["outlet"]], y=list(counts["per_1k"]),
                           customdata=list(counts["outlet"]), text=list(counts["n"]), textposition="outside",
                           marker={"color": [OUTLET_COLOURS[i % len(OUTLET_COLOURS)] for i in range(len(counts))]},
                           hovertemplate="%{x}: %{text} times, %{y:.2f} per 1,000 words<extra></extra>"))
    fig.update_yaxes(title_text="Occurrences (per 1,000 words)", rangemode="tozero")
    fig.update_xaxes(title_text="Outlet")
    return _layout(fig, f"“{term}” by outlet", caption)
