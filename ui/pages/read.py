"""Read: the event's articles side by side, every span highlighted and explained."""
import streamlit as st

from analysis.present.highlight import only_strong_loaded, removed_html
from analysis.present.report import article_html
from analysis.text.segment import one_line
from ui import data, widgets
from ui.safe import md

SIDE_BY_SIDE = 6  # more articles than this are chosen one per outlet


def short_title(article) -> str:
    """'date · headline' of an article, cut to one line."""
    return one_line(f"{article.date} · {article.headline or article.id}")


view = data.view()
article_ids = widgets.page_start(view, "Read side by side", skip_to=".fl-text").article_ids
cats = widgets.category_toggles()
show_removed = widgets.url_toggle(st, "Show what cleaning removed (greyed out)", "removed", False)
strong = widgets.url_toggle(st, "Loaded terms: strong ones only", "strong", False)
if len(article_ids) > SIDE_BY_SIDE:  # a whole story of hundreds of articles: one chosen article per outlet
    by_outlet: dict[str, list[str]] = {}
    for aid in article_ids:
        by_outlet.setdefault(view.outlet_of(aid), []).append(aid)
    st.caption(f"{len(article_ids)} articles in this selection: choose one per outlet to read side by side.")
    picks = st.columns(min(len(by_outlet), 3))
    article_ids = [widgets.url_selectbox(picks[k % len(picks)], view.outlet_names.get(outlet, outlet), ids, f"art{k}",
                                         ids[0], format_func=lambda a: short_title(view.corpus.article(a)))
                   for k, (outlet, ids) in enumerate(sorted(by_outlet.items()))]
cols = st.columns(min(len(article_ids), 3))
details = []
for i, aid in enumerate(article_ids):
    aa = view.analysis(aid)
    name = view.outlet_names[aa.article.outlet]
    with cols[i % len(cols)]:
        st.header(md(name))
        st.caption(md(f"{aa.article.date} · {aa.display_title(name)}"))
        widgets.highlighted(view, aid, cats, show_removed, strong_only=strong)
        spans = view.spans_of([aid], categories=cats)
        spans = only_strong_loaded(spans) if strong else spans
        st.download_button("Worksheet (HTML)", help="Download this highlighted article as a web page, for a worksheet",
                            data=lambda aid=aid: article_html(view, aid, set(cats)).encode("utf-8"),
                            file_name=f"{aid}-highlighted.html", mime="text/html", key=f"article_html_{aid}",
                            on_click="ignore")
        details.append((aid, f"{name}, {aa.article.date}", spans))
        if aa.cleaned.removals:
            with st.expander(f"What cleaning removed ({len(aa.cleaned.removals)})"):
                for r in aa.cleaned.removals:
                    st.markdown(f"- **{r.rule}** — {r.description}")
                    st.html(removed_html(r.text))
# the details take the page's whole width: in an article's column a table shows one or two of its columns
for aid, label, spans in details:
    if not spans.empty:
        with st.expander(md(f"{label}: details of the {len(spans)} highlighted spans")):
            widgets.span_table(spans, key=f"spans_{aid}", name=f"spans-{label}",
                               caption=f"The highlighted spans of {label}: the words and why each is flagged")
