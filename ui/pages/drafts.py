"""Draft check: two versions of a text side by side, what got more loaded, hedged or one-sided, and where."""
import streamlit as st

from analysis.corpus.extract import UPLOAD_TYPES, extract
from analysis.measure.drafts import compare_drafts, diff_html
from analysis.present.highlight import CSS, legend, render
from analysis.text.textio import InputError
from ui import data, draft_store, state, widgets

MAX_CHARS = 200_000

st.title("Draft check")
st.caption("Paste or upload two versions of a text (a single draft works too). Your texts stay private: they are "
           "kept on this server under the key in this page's address, never added to the shared corpus.")

key = state.get("draft")
if not draft_store.KEY_RE.match(key or ""):
    key = draft_store.new_key()
    state.put("draft", key)
saved = draft_store.load(key)
for side in ("a", "b"):
    st.session_state.setdefault(f"draft_{side}", saved.get(side, ""))


def _autosave() -> None:
    draft_store.save(key, {**draft_store.load(key), "a": st.session_state["draft_a"], "b": st.session_state["draft_b"]})


def _upload(side: str) -> None:
    up = st.session_state.get(f"upload_{side}")
    if up is None:
        return
    try:
        st.session_state[f"draft_{side}"] = extract(up.name, up.getvalue()).text[:MAX_CHARS]
        st.session_state.pop(f"upload_error_{side}", None)
        _autosave()
    except InputError as exc:
        st.session_state[f"upload_error_{side}"] = str(exc)


view = data.view()
articles = {a.id: f"{view.outlet_names[a.outlet]} {a.date}: {view.analyses[a.id].display_title(view.outlet_names[a.outlet])[:70]}"
            for a in view.corpus.articles}
mode = st.radio("Compare draft A with", ["draft B", "an article from the corpus"], horizontal=True, key="draft_mode")
cols = st.columns(2)
with cols[0]:
    st.text_area("Draft A", key="draft_a", height=260, max_chars=MAX_CHARS, on_change=_autosave,
                 placeholder="Paste the first version here")
    st.file_uploader("…or upload draft A", type=list(UPLOAD_TYPES), key="upload_a", on_change=_upload, args=("a",))
    if st.session_state.get("upload_error_a"):
        st.error(st.session_state["upload_error_a"])
with cols[1]:
    if mode == "draft B":
        st.text_area("Draft B", key="draft_b", height=260, max_chars=MAX_CHARS, on_change=_autosave,
                     placeholder="Paste the second version here")
        st.file_uploader("…or upload draft B", type=list(UPLOAD_TYPES), key="upload_b", on_change=_upload, args=("b",))
        if st.session_state.get("upload_error_b"):
            st.error(st.session_state["upload_error_b"])
        text_b, label_b = st.session_state["draft_b"], "Draft B"
    else:
        pick = st.selectbox("Article", list(articles), format_func=articles.get, key="draft_article")
        text_b, label_b = view.analyses[pick].body.text, articles[pick]
        st.caption(f"{len(text_b.split()):,} words (cleaned body)")

with st.expander("Named drafts (saved on this server under your private key)"):
    name = st.text_input("Name", key="draft_name", max_chars=80)
    named = saved.get("named", {})
    if st.button("Save draft A under this name", disabled=not name.strip() or not st.session_state["draft_a"].strip()):
        draft_store.save(key, {**saved, "named": {**named, name.strip(): st.session_state["draft_a"]}})
        st.success(f"Saved “{name.strip()}”.")
        named = draft_store.load(key).get("named", {})
    if named:
        load = st.selectbox("Load a named draft into A", list(named), key="draft_load")
        if st.button("Load"):
            st.session_state["draft_a"] = named[load]
            _autosave()
            st.rerun()

text_a = st.session_state["draft_a"]
if not text_a.strip() and not text_b.strip():
    st.info("Paste or upload a text to check it.")
    st.stop()
cmp = compare_drafts(text_a, text_b, data.lexicon())
cats = widgets.category_toggles()
st.subheader("What changed")
if text_a.strip() and text_b.strip():
    deltas = cmp.deltas.assign(change=lambda d: d["change"].map(lambda v: f"{v:+.2f}".rstrip("0").rstrip(".")))
    widgets.table(deltas[["label", "unit", "A", "B", "change"]].rename(columns={"label": "feature"}), "draft-deltas",
                  "draft_deltas")
    added = cmp.phrases[cmp.phrases["change"] == "added"]
    removed = cmp.phrases[cmp.phrases["change"] == "removed"]
    st.markdown(f"**{len(added)} flagged phrase(s) added, {len(removed)} removed** in {label_b[:40]} compared with draft A.")
    if len(cmp.phrases):
        widgets.table(cmp.phrases, "draft-phrases", "draft_phrases")
    st.subheader("Word by word")
    st.caption("[+ inserted] text is underlined on green, [− deleted] text is struck through on red.")
    with st.container(height=360, border=True):
        st.html(diff_html(cmp.diff))
st.subheader("Both versions, highlighted")
left, right = st.columns(2)
for col, title, an in ((left, "Draft A", cmp.a), (right, label_b, cmp.b)):
    with col:
        st.markdown(f"**{title}**")
        st.html(CSS + legend(set(cats)))
        with st.container(height=480, border=True):
            st.html(CSS + render(an.text, an.spans, set(cats)))
