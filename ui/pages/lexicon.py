"""Lexicon editor: the teacher adds, switches off or recategorises terms in a layer over the bundled lexicon."""
import pandas as pd
import streamlit as st

from analysis.detect import teacher_lexicon as tl
from analysis.detect.lexicon import STRENGTHS, lexicon_change
from ui import data, owner, widgets
from ui.safe import error, md

settings = data.settings()
root = settings.teacher_lexicon
st.title("Lexicon editor")
st.caption("Your own terms, laid over the bundled lexicon in the same CSV format: a row with the same term and "
           "category replaces the bundled one, 'enabled = no' switches a term off. Every save is a new version; "
           "only the articles a changed term occurs in are analysed again.")
lex = data.lexicon()
number = tl.current_version(root)
st.markdown(md(f"Lexicon in use: version {lex.version} · teacher's edits: "
               + (f"version {number} ({len(tl.read_rows(root))} rows)" if number else "none (bundled lexicon only)")))

if settings.lexicon is not None:
    st.info(md(f"This server lays the folder {settings.lexicon} (FRAMING_LENS_LEXICON) over the bundled lexicon; edit "
               "the CSV files there. The editor works when that variable is not set."))
    st.stop()

rows = tl.read_rows(root)
if rows:
    widgets.table(pd.DataFrame(rows), "teacher-lexicon", "lexicon_rows", caption="The teacher's rows",
                  downloads=False)
st.download_button("Export the teacher's lexicon (CSV)", data=tl.to_csv(rows), file_name="teacher-lexicon.csv",
                   mime="text/csv", key="lexicon_export", on_click="ignore", disabled=not rows)
owner.teacher_sign_in(settings)
if not st.session_state.get(owner.TEACHER):
    st.caption("Only the teacher can change the lexicon (it changes every page for every student).")
    st.stop()


def _saved(new_rows: list[dict[str, str]], what: str) -> None:
    before = data.lexicon()
    try:
        saved = tl.save(root, new_rows)
    except ValueError as exc:
        error(st, exc)
        return
    after = data.lexicon()
    change = lexicon_change(after, before)
    touched = [a.headline or a.id for a in data.view().corpus.articles if change.touches(a.raw)]
    st.session_state["lexicon_saved"] = (f"{what} Saved as version {saved.number} (lexicon {after.version}). "
                                         f"Analysed again: {len(touched)} article(s) the change occurs in; the "
                                         "others keep their analysis.")
    st.rerun()


if "lexicon_saved" in st.session_state:
    st.success(md(st.session_state.pop("lexicon_saved")))

entries = {(e.term, e.category): e for e in lex.entries if e.category in tl.CATEGORIES}
with st.form("lexicon_add", clear_on_submit=False, enter_to_submit=True):
    st.subheader("Add or change a term")
    c1, c2, c3 = st.columns(3)
    term = c1.text_input("Term (a * ends a prefix: provocat*)", key="lx_term")
    category = c2.selectbox("Category", tl.CATEGORIES, key="lx_category")
    moving = c3.selectbox("Move it from category", ["(not moving)", *tl.CATEGORIES], key="lx_from",
                          help="To recategorise a term: the category it has now (it is switched off there).")
    c4, c5 = st.columns(2)
    subcategory = c4.text_input("Kind (subcategory)", key="lx_sub", placeholder="teacher")
    strength = c5.selectbox("Strength (loaded terms)", ["", *STRENGTHS], key="lx_strength")
    neutral = st.text_input("Neutral alternative", key="lx_neutral")
    note = st.text_input("Note: why it frames", key="lx_note")
    source = st.text_input("Source", key="lx_source", placeholder="e.g. AP Stylebook, our class discussion")
    if st.form_submit_button("Save term"):
        try:
            row = tl.entry_row(term, category, subcategory, note, source, neutral, strength)
        except ValueError as exc:
            error(st, exc)
        else:
            new = (tl.recategorised(rows, row["term"], moving, row) if moving != "(not moving)"
                   else tl.with_entry(rows, row))
            _saved(new, f"“{row['term']}” saved as {category}.")

with st.form("lexicon_off", enter_to_submit=True):
    st.subheader("Switch a term off")
    c1, c2 = st.columns(2)
    off_term = c1.text_input("Term", key="lx_off_term")
    off_cat = c2.selectbox("Category", tl.CATEGORIES, key="lx_off_category")
    if st.form_submit_button("Switch off"):
        if (" ".join(off_term.lower().split()), off_cat) not in entries:
            st.error(md(f"“{off_term}” is not a {off_cat} term of the lexicon in use."))
        else:
            _saved(tl.without_term(rows, off_term, off_cat), f"“{off_term}” switched off as {off_cat}.")

st.subheader("Import and versions")
upload = st.file_uploader("Import a lexicon CSV (replaces the teacher's rows, as a new version)", type=["csv"],
                          key="lexicon_import")
if upload is not None and st.button("Import", key="lexicon_import_go"):
    try:
        _saved(tl.validate(upload.getvalue(), upload.name), f"{upload.name} imported.")
    except ValueError as exc:
        error(st, exc)
saved = tl.versions(root)
if saved:
    pick = st.selectbox("Saved versions", list(reversed(saved)), key="lexicon_version",
                        format_func=lambda n: f"version {n} ({len(tl.read_rows(root, n))} rows)")
    if st.button("Restore this version (saved as a new version)", key="lexicon_restore"):
        _saved(tl.read_rows(root, pick), f"Version {pick} restored.")
