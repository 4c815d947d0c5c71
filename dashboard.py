"""Framing Lens dashboard: outlets side by side on the same event, every number traceable to its words."""
import streamlit as st

from ui import data, widgets

st.set_page_config(page_title="Framing Lens", page_icon="🔎", layout="wide")

PAGES = [
    st.Page("ui/pages/compare.py", title="Compare", icon="📊", url_path="compare", default=True),
    st.Page("ui/pages/read.py", title="Read", icon="📖", url_path="read"),
    st.Page("ui/pages/sources.py", title="Sources", icon="🗣️", url_path="sources"),
    st.Page("ui/pages/terms.py", title="Terms", icon="🔤", url_path="terms"),
    st.Page("ui/pages/method.py", title="Method", icon="📚", url_path="method"),
]
page = st.navigation(PAGES)
view = data.view()
widgets.corpus_issues(view)
if not view.corpus.articles:
    st.error(f"No article could be loaded from the corpus folder `{data.corpus_dir()}`. "
             "Check manifest.csv, outlets.csv and events.csv; the problems are listed in the sidebar.")
    st.stop()
page.run()
