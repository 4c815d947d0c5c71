"""The pages' plotly figures, built once per input and shared read-only by every session.

Building a figure (plotly validates every property) costs 0.1-0.4 s of server CPU; its inputs (the pooled outlet
table, intervals, names, caption) are small tables derived from the selection's articles, so hashing them keys the
cache by selection and corpus version at once: an edited article changes its row and so its figure. Figures are
never changed after they are built (the chart widget and the exports only read them).
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.present import charts

SHARED = {"max_entries": 512, "show_spinner": False}


@st.cache_resource(**SHARED)
def grouped_features(table: pd.DataFrame, features: list[str], names: dict[str, str], caption: str = "",
                     intervals: pd.DataFrame | None = None) -> go.Figure:
    """charts.grouped_features, shared."""
    return charts.grouped_features(table, features, names, caption, intervals)


@st.cache_resource(**SHARED)
def feature_bars(table: pd.DataFrame, feature: str, names: dict[str, str], caption: str = "",
                 intervals: pd.DataFrame | None = None) -> go.Figure:
    """charts.feature_bars, shared."""
    return charts.feature_bars(table, feature, names, caption, intervals)


@st.cache_resource(**SHARED)
def term_counts(counts: pd.DataFrame, names: dict[str, str], term: str, caption: str = "") -> go.Figure:
    """charts.term_counts, shared."""
    return charts.term_counts(counts, names, term, caption)


@st.cache_resource(**SHARED)
def voice_share(table: pd.DataFrame, names: dict[str, str], roles: list[str], caption: str = "") -> go.Figure:
    """charts.voice_share, shared."""
    return charts.voice_share(table, names, roles, caption)


@st.cache_resource(**SHARED)
def share_by(shares: pd.DataFrame, names: dict[str, str], what: str, caption: str = "") -> go.Figure:
    """charts.share_by, shared."""
    return charts.share_by(shares, names, what, caption)
