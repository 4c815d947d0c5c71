"""Over time: how much each outlet wrote per week, month, quarter or year, and its loaded-term rate, queried from the feature store."""
import datetime as dt

import streamlit as st

from analysis.present.charts import chart_caption
from analysis.present.glossary import plain_columns
from analysis.present.timeline import attention_over_time
from analysis.scale import query
from ui import data, widgets
from ui.safe import md

view = data.view()
names = view.outlet_names
st.title("Attention over time")
con = data.store()
if con is None:
    st.info("This page reads the feature store, which has not been built yet. Build it on the server with "
            "`python -m analysis build` (every article is analysed once; later builds analyse only new or changed "
            "ones), then reload the page.")
    st.stop()
missing = data.store_missing(view)
if missing:
    st.warning(f"{missing:,} article(s) of the corpus are not in the feature store in their current version (new or "
               "changed): run `python -m analysis build` to add them.")
first, last = con.execute("SELECT min(date), max(date) FROM features").fetchone()
busiest = query.outlets_by_articles(con)
every = sorted(busiest)
c1, c2, c3 = st.columns([3, 2, 1])
chosen = widgets.url_multiselect(c1, "Outlets", every, "lines", sorted(busiest[:query.LINES_SHOWN]),
                                 format_func=lambda o: names.get(o, o),
                                 help=f"At first the {query.LINES_SHOWN} outlets with the most articles; more lines "
                                      "than that cannot be told apart.")
start, end = widgets.url_date_range(c2, "From – to", "from", "to", dt.date.fromisoformat(first),
                                    dt.date.fromisoformat(last))
if not chosen:
    st.info("Choose at least one outlet.")
    st.stop()
suited = query.suited_period(con, chosen, start.isoformat(), end.isoformat())
period = widgets.url_selectbox(c3, "Per", list(query.PERIODS), "per", suited, widget="radio",
                               help="Each point pools one outlet's articles in one period. By default the finest "
                                    f"period whose typical point holds at least {query.ARTICLES_PER_POINT} articles.")
table = query.attention(con, period, chosen, start.isoformat(), end.isoformat())
pooled = query.pooled(con, chosen, start.isoformat(), end.isoformat())
# the caption every chart has: the articles shown, the selection, the lexicon version and the date
caption = chart_caption(int(pooled["articles"].sum()), f"{len(chosen)} outlet{'s' * (len(chosen) != 1)}, {start} to "
                        f"{end} (feature store)", view.lexicon_version, dt.date.today())
widgets.chart(attention_over_time(table, names, period, caption), f"attention-{period}", "ot_chart")
thin = int((table["articles"] < query.ARTICLES_PER_POINT).sum())
if thin:
    st.caption(f"{thin:,} of the {len(table):,} points pool fewer than {query.ARTICLES_PER_POINT} articles: their "
               "rate can swing with a single article, so read the lines as rough.")
st.markdown(f"**Pooled over the range** ({int(pooled['articles'].sum()):,} articles; rates from summed counts).")
shown = pooled[["outlet", "articles", "words", "loaded_n", "loaded_per_1k", "hedge_per_1k", "attribution_density"]]
widgets.table(plain_columns(shown.assign(outlet=shown["outlet"].map(lambda o: names.get(o, o)))), f"pooled-{start}-{end}",
              "ot_table", caption="Pooled over the chosen dates")
st.caption(md(f"Outlets in the store: {', '.join(names.get(o, o) for o in every)}."))
