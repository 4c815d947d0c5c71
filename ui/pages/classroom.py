"""Classroom activities on any event or story: spot it yourself, and guess the outlet (?puzzle=N)."""
import streamlit as st

from analysis.present import guess
from ui import classroom, state, widgets
from ui.data import view as corpus_view

view = corpus_view()
ctx = widgets.page_start(view, "Classroom activities", masked=True)
order = guess.shuffled(ctx.article_ids)
labels = {a: f"Text {chr(65 + k)}" if k < 26 else f"Text {k + 1}" for k, a in enumerate(order)}
spot_tab, guess_tab = st.tabs(["Spot it yourself", "Guess the outlet"], key="classroom_tab")

with spot_tab:
    st.caption("Mark the words you find loaded, hedged, vague or boosting, then reveal what the detector flags. "
               "Outlet names are masked in the text.")
    c1, c2 = st.columns(2)
    text = c1.selectbox("Text", order, format_func=labels.get, key="spot_text")
    sentences = c2.number_input("Sentences", min_value=1, max_value=12, value=4, key="spot_sentences")
    classroom.spot_it(view, text, int(sentences), f"free_{text}_{sentences}")

with guess_tab:
    puzzles = [str(n) for n in range(1, len(order) + 1)]
    number = widgets.url_selectbox(st, "Puzzle", puzzles, "puzzle", "1", format_func=lambda n: f"Puzzle {n}",
                                   help="Each puzzle is one article of this selection; share it as ?puzzle=N.")
    puzzle = order[int(number) - 1]
    classroom.guess_outlet(view, puzzle, f"free_{ctx.selection}_{number}")
    if st.session_state.get(f"reveal_free_{ctx.selection}_{number}"):
        st.page_link("ui/pages/read.py", label="Read it highlighted beside the others", icon=":material/menu_book:",
                     query_params=state.link())
