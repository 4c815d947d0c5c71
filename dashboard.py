"""Framing Lens dashboard: outlets side by side on the same event, every number traceable to its words."""
from pathlib import Path

import streamlit as st

from ui import classroom, data, jobs, state, turns, widgets

# A local file: an icon name (":material/...:") makes every browser fetch it from an outside font host.
st.set_page_config(page_title="Framing Lens", page_icon=str(Path(__file__).parent / "ui" / "icon.png"), layout="wide")

PAGES = [
    st.Page("ui/pages/compare.py", title="Compare", icon=":material/bar_chart:", default=True),
    st.Page("ui/pages/read.py", title="Read", icon=":material/menu_book:", url_path="read"),
    st.Page("ui/pages/sources.py", title="Sources", icon=":material/record_voice_over:", url_path="sources"),
    st.Page("ui/pages/terms.py", title="Terms", icon=":material/search:", url_path="terms"),
    st.Page("ui/pages/depth.py", title="Depth", icon=":material/insights:", url_path="depth"),
    st.Page("ui/pages/overtime.py", title="Over time", icon=":material/timeline:", url_path="overtime"),
    st.Page("ui/pages/lessons.py", title="Lessons", icon=":material/cast_for_education:", url_path="lessons"),
    st.Page("ui/pages/classroom.py", title="Spot it · Guess", icon=":material/quiz:", url_path="classroom"),
    st.Page("ui/pages/lexicon.py", title="Lexicon editor", icon=":material/edit_note:", url_path="lexicon"),
    st.Page("ui/pages/drafts.py", title="Draft check", icon=":material/difference:", url_path="drafts"),
    st.Page("ui/pages/add.py", title="Add articles", icon=":material/note_add:", url_path="add"),
    st.Page("ui/pages/method.py", title="Method", icon=":material/school:", url_path="method"),
]
page = st.navigation(PAGES)
with turns.turn(data.settings()):
    jobs.start(data.settings())  # the job fork server warms up in the background while the corpus loads
    view = data.view()
    widgets.corpus_issues(view)
    classroom.lexicon_note(data.settings(), data.lexicon(), data.lexicon_problem())
    if not view.corpus.articles:
        st.error("No article could be loaded from the corpus folder. Check its manifest.csv, outlets.csv and "
                 "events.csv; the problems are listed in the sidebar.")
        st.stop()
    state.restore()
    state.write(page.url_path)
    widgets.page_styles()
    try:
        page.run()
    finally:
        state.write(page.url_path)
