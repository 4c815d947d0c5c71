"""Terms: keyword in context across the selected articles, with voice and speaker."""
import pandas as pd
import streamlit as st

from analysis.detect.lexicon import FRAMING
from analysis.present.concordance import kwic
from analysis.present.glossary import plain_columns
from ui import data, state, widgets
from ui.figures import term_counts
from ui.safe import md

view = data.view()
ctx = widgets.page_start(view, "Terms in context")
article_ids = ctx.article_ids
body = view.spans_of(article_ids, part="body")
flagged = view.spans_of(article_ids, categories=FRAMING)
choices = sorted(set(flagged["text"].str.lower()))


def _pick() -> None:
    state.set_now("term", st.session_state.get("term_pick") or None)


current = state.get("term", "")
st.session_state["term_pick"] = current if current in choices else ""  # the list shows the term in view, if flagged
st.selectbox("Pick a flagged term", [""] + choices, key="term_pick", on_change=_pick)
term = widgets.url_text(st, "…or type a word or phrase (* matches any ending: provocat*)", "term")
if not term.strip():
    st.info("Type a word, or pick one of the flagged terms, to see every occurrence in context.")
    st.stop()
spans_by = dict(tuple(body.groupby("article_id", sort=False)))
texts = {a: (view.outlet_of(a), view.text(a).text, spans_by.get(a, body.iloc[:0])) for a in article_ids}
conc = kwic(texts, term)
words = view.features_of(article_ids).groupby("outlet")["words"].sum()
counts = conc.groupby("outlet").size().reindex(words.index, fill_value=0)
counts = pd.DataFrame({"outlet": words.index, "n": counts.values, "per_1k": 1000 * counts.values / words.values})
left, right = st.columns([3, 2])  # the chart's column wide enough for three outlets' names side by side
with right:
    widgets.chart(term_counts(counts, view.outlet_names, term, ctx.caption), f"term-{term}", "term_chart")
with left:
    if conc.empty:
        st.warning(f"“{md(term)}” does not occur in the selected articles.")
    else:
        show = conc.assign(outlet=conc["outlet"].map(view.outlet_names))
        widgets.table(plain_columns(show[["outlet", "voice", "speaker", "left", "match", "right", "affiliation", "flagged_as"]]
                                    .rename(columns={"left": "before", "right": "after"})), f"concordance-{term}", "kwic_table",
                      caption=f"Every “{term}” in context")
        st.caption(f"{len(conc)} occurrence(s).")
