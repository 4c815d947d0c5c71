"""Compare: one card per outlet, charts feature by feature, and the spans behind any number."""
import streamlit as st

from analysis.measure.features import spans_counted
from analysis.measure.uncertainty import resampled
from analysis.present.concordance import in_context
from analysis.present.glossary import (
    CARD_FEATURES,
    CHART_FEATURES,
    FEATURES,
    axis_title,
    behind_words,
    error_bars_note,
    plain_columns,
)
from ui import data, state, widgets
from ui.figures import feature_bars, grouped_features
from ui.safe import md


def explain_click(chart_key: str, feature: str | None = None):
    """A chart's on_select callback: the clicked bar chooses the outlet (and feature) to explain, in the URL."""
    def clicked() -> None:
        points = (st.session_state.get(chart_key) or {}).get("selection", {}).get("points", [])
        custom = points[0].get("customdata") if points else None
        if isinstance(custom, list) and len(custom) == 2:
            state.set_now("why", custom[0])
            state.set_now("number", custom[1])
        elif custom:
            state.set_now("why", custom if isinstance(custom, str) else custom[0])
            state.set_now("number", feature)
    return clicked


view = data.view()
ctx = widgets.page_start(view, "Compare outlets")
table, article_ids, caption, names = ctx.table, ctx.article_ids, ctx.caption, view.outlet_names
by_outlet = view.by_outlet(article_ids)

widgets.who_says_it(view, ctx)

cols = st.columns(min(len(table), 4))
for i, (_, row) in enumerate(table.iterrows()):
    with cols[i % len(cols)]:
        widgets.outlet_card(view, row["outlet"], row, by_outlet.get(row["outlet"], []))
widgets.card_glossary()

st.header("Feature by feature")
st.caption("Rates are pooled over each outlet's articles: all matching words divided by all words, times 1,000. "
           f"{error_bars_note(resampled(article_ids))} "
           "Click a bar to see the words behind it.")
rated = CHART_FEATURES + [f for f in CARD_FEATURES if f.endswith("_per_1k") and f not in CHART_FEATURES]
intervals = data.intervals(view, article_ids, tuple(rated + [f for f in ("booster_author_per_1k", "hedge_author_per_1k")
                                                            if f not in rated]))
overview = widgets.chart(grouped_features(table, CHART_FEATURES, names, caption, intervals), "framing-features-by-outlet",
                         "overview_chart", on_select=explain_click("overview_chart"), selection_mode="points",
                         why=lambda custom: {"why": custom[0], "number": custom[1]})


@st.fragment
def one_feature_and_why() -> None:
    """The chosen feature's chart and the words behind a number: a change here reruns only this part."""
    feature = widgets.url_selectbox(st, "One feature", CARD_FEATURES + ["attribution_per_100w", "anonymous_share",
                                    "loaded_cue_share"], "feature", CARD_FEATURES[0], format_func=axis_title)
    widgets.noise_notes(intervals, CHART_FEATURES)
    widgets.chart(feature_bars(table, feature, names, caption, intervals), f"{FEATURES[feature].label}-by-outlet", "feature_chart",
                  on_select=explain_click("feature_chart", feature), selection_mode="points",
                  why=lambda outlet: {"why": outlet, "number": feature})

    st.header("Why is this number what it is?")
    c1, c2 = st.columns(2)
    explained = [f for f in FEATURES if FEATURES[f].category]
    outlet_ids = list(table["outlet"])
    first = str(table.loc[table[explained[0]].idxmax(), "outlet"])  # open on words, not on an outlet with none
    why_outlet = widgets.url_selectbox(c1, "Outlet", outlet_ids, "why", first, format_func=names.get)
    why_feature = widgets.url_selectbox(c2, "Number", explained, "number", explained[0],
                                        format_func=lambda f: FEATURES[f].label)
    info = FEATURES[why_feature]
    row = table[table["outlet"] == why_outlet].iloc[0]
    category = view.spans_of(by_outlet.get(why_outlet, []), part="body", categories=[info.category])
    spans = spans_counted(why_feature, category)
    spans = spans.assign(context=in_context(spans, {a: view.text(a).text for a in spans["article_id"].unique()}))
    st.markdown(f"**{md(names[why_outlet])} — {info.label}: {info.fmt.format(row[why_feature])} {info.unit}.** "
                f"{info.explanation} {behind_words(why_feature, len(spans), len(category), int(row['words']))}")
    widgets.span_table(spans, key="why_table", name=f"{info.label}-{names[why_outlet]}")


one_feature_and_why()

st.header("All the numbers")
numbers = plain_columns(table[["outlet", "articles", "words"]].assign(outlet=table["outlet"].map(names),
                                                                     words=table["words"].round().astype(int)))
for f in CARD_FEATURES + ["attribution_per_100w", "anonymous_share", "loaded_cue_share", "speakers_distinct",
                          "flesch_reading_ease", "gunning_fog", "tone_negative_share"]:
    numbers[f"{FEATURES[f].label} ({FEATURES[f].unit})"] = table[f].round(3)
widgets.table(numbers, "features", "numbers_table", caption="Every number per outlet")
widgets.report_downloads(view, ctx)
