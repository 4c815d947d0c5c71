"""Attention over time: articles and loaded-term rate per outlet per week or month, as one plotly figure."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.present.charts import OUTLET_COLOURS, _layout, _text

# Each outlet's line has its own dash and marker shape too, so the lines are told apart without colour (WCAG 1.4.1);
# each later outlet's markers are smaller, so where outlets have the same value (one article each in a month) every
# marker still shows, a smaller one drawn on a larger one.
MARKER_SIZES = [14, 10, 6]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down"]


def attention_over_time(table: pd.DataFrame, names: dict[str, str], period: str, caption: str = "") -> go.Figure:
    """Two panels sharing the time axis: articles per outlet per period, and loaded terms per 1,000 words (from
    pooled counts). `table` has columns outlet, period, articles, loaded_per_1k (scale.query.attention)."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08)
    for i, (outlet, rows) in enumerate(table.groupby("outlet", sort=True)):
        colour, name = OUTLET_COLOURS[i % len(OUTLET_COLOURS)], _text(names.get(outlet, outlet))
        dash, symbol = DASHES[i % len(DASHES)], SYMBOLS[i % len(SYMBOLS)]
        for row, column in ((1, "articles"), (2, "loaded_per_1k")):
            fig.add_trace(go.Scatter(x=rows["period"], y=rows[column], name=name, legendgroup=outlet,
                                     showlegend=row == 1, mode="lines+markers",
                                     line={"color": colour, "dash": dash, "width": 2.5},
                                     marker={"symbol": symbol, "color": colour,
                                             "size": MARKER_SIZES[i % len(MARKER_SIZES)]},
                                     hovertemplate=f"{name}<br>%{{x|%Y-%m-%d}}: %{{y:.2f}}<extra></extra>"), row, 1)
    # each panel is named on its axis (a title over the upper panel would sit where the legend's rows end)
    fig.update_yaxes(title_text=f"Articles per {period}", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title_text="Loaded terms per 1,000 words", rangemode="tozero", row=2, col=1)
    fig.update_xaxes(title_text=f"{period.capitalize()} (start)", row=2, col=1)
    return _layout(fig, "Attention over time", caption, height=620)
