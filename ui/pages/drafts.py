"""Draft check: two versions of a text side by side, what got more loaded, hedged or one-sided, and where."""
import streamlit as st

from analysis.corpus.extract import UPLOAD_TYPES, extract
from analysis.corpus.limits import Limits
from analysis.measure.drafts import compare_drafts, diff_html
from analysis.present.glossary import label_and_unit
from analysis.present.highlight import CSS, legend, render
from analysis.text.textio import InputError
from ui import data, draft_store, jobs, state, widgets
from ui.safe import error, md

settings = data.settings()
LIMITS = Limits.of(settings)

st.title("Draft check")
st.caption("Paste or upload two versions of a text (a single draft works too). Your texts stay private: they are "
           "kept on this server under the key in this page's address, never added to the shared corpus, and "
           f"deleted {settings.draft_days:g} days after their last change.")

key = state.get("draft")
if key and not draft_store.is_key(key, settings):
    st.warning("This draft address was not made by this server (or is damaged), so it opens no drafts: a new "
               "private address was made for you.")
    key = None
if not key:
    key = draft_store.new_key(settings)
    state.put("draft", key)
saved = draft_store.load(key, settings)
for side in ("a", "b"):
    st.session_state.setdefault(f"draft_{side}", saved.get(side, ""))


def _store(data: dict) -> bool:
    """Save the drafts; a full store is said on the page (the texts stay in the page)."""
    try:
        draft_store.save(key, data, settings)
        st.session_state.pop("draft_error", None)
        return True
    except draft_store.DraftsFull as exc:
        st.session_state["draft_error"] = str(exc)
        return False


def _autosave() -> None:
    """Save both texts; a side whose box is not on the page (draft B while comparing with an article) keeps its
    saved text."""
    stored = draft_store.load(key, settings)
    _store({**stored, **{side: st.session_state.get(f"draft_{side}", stored.get(side, "")) for side in ("a", "b")}})


def _upload(side: str) -> None:
    up = st.session_state.get(f"upload_{side}")
    if up is None:
        return
    try:
        found = extract(up.name, up.getvalue(), LIMITS)
        st.session_state[f"draft_{side}"] = found.text
        st.session_state[f"upload_note_{side}"] = " ".join(found.notes)
        st.session_state.pop(f"upload_error_{side}", None)
        _autosave()
    except InputError as exc:
        st.session_state[f"upload_error_{side}"] = str(exc)


def _load_named() -> None:
    st.session_state["draft_a"] = draft_store.load(key, settings).get("named", {}).get(st.session_state["draft_load"], "")
    _autosave()


def _delete_all() -> None:
    draft_store.delete(key, settings)
    for side in ("a", "b"):
        st.session_state[f"draft_{side}"] = ""


def _upload_messages(side: str) -> None:
    if st.session_state.get(f"upload_error_{side}"):
        st.error(md(st.session_state[f"upload_error_{side}"]))
    elif st.session_state.get(f"upload_note_{side}"):
        st.caption(md(st.session_state[f"upload_note_{side}"]))


view = data.view()
articles = {a.id: f"{view.outlet_names[a.outlet]} {a.date}: {view.title(a.id)[:70]}" for a in view.corpus.articles}
mode = st.radio("Compare draft A with", ["draft B", "an article from the corpus"], horizontal=True, key="draft_mode")
cols = st.columns(2)
with cols[0]:
    st.text_area("Draft A", key="draft_a", height=260, max_chars=LIMITS.text_bytes, on_change=_autosave,
                 placeholder="Paste the first version here")
    st.file_uploader("…or upload draft A", type=list(UPLOAD_TYPES), key="upload_a", on_change=_upload, args=("a",),
                     max_upload_size=LIMITS.upload_mb)
    _upload_messages("a")
with cols[1]:
    if mode == "draft B":
        st.text_area("Draft B", key="draft_b", height=260, max_chars=LIMITS.text_bytes, on_change=_autosave,
                     placeholder="Paste the second version here")
        st.file_uploader("…or upload draft B", type=list(UPLOAD_TYPES), key="upload_b", on_change=_upload, args=("b",),
                         max_upload_size=LIMITS.upload_mb)
        _upload_messages("b")
        text_b, label_b = st.session_state["draft_b"], "Draft B"
    else:
        pick = st.selectbox("Article", list(articles), format_func=articles.get, key="draft_article")
        text_b, label_b = view.text(pick).text, articles[pick]
        st.caption(f"{len(text_b.split()):,} words (cleaned body)")
if st.session_state.get("draft_error"):
    st.error(md(st.session_state["draft_error"]))

with st.expander("Named drafts (saved on this server under your private key)"):
    name = st.text_input("Name", key="draft_name", max_chars=80)
    named = saved.get("named", {})
    if st.button("Save draft A under this name", disabled=not name.strip() or not st.session_state["draft_a"].strip()):
        if _store({**saved, "named": {**named, name.strip(): st.session_state["draft_a"]}}):
            st.success(f"Saved “{md(name.strip())}”.")
        named = draft_store.load(key, settings).get("named", {})
    if named:
        st.selectbox("Load a named draft into A", list(named), key="draft_load")
        st.button("Load", key="draft_load_go", on_click=_load_named)
    st.button("Delete all my drafts from this server", key="draft_delete", on_click=_delete_all)


# The phrases B adds or removes, the neutral alternative right after the phrase (what an editor needs first).
PHRASE_COLUMNS = {"phrase": "Phrase", "neutral_alternative": "Try instead", "change": "In B", "times": "Times",
                  "category": "Category", "voice": "Voice", "explanation": "Why it is flagged",
                  "subcategory": "Kind", "source": "Lexicon source"}
BOX_CHARS = 1500  # a text up to this long is shown whole; a longer one scrolls in a box of fixed height


def _box_height(text: str, height: int) -> int | str:
    """A scrolling box's height for a text: sized to the content when the text is short."""
    return height if len(text) > BOX_CHARS else "content"


def check(text_a: str, text_b: str, label_b: str) -> None:
    """Analyse both versions (in a worker, with a deadline) and show what changed."""
    try:
        cmp = jobs.run(compare_drafts, text_a, text_b, settings=settings, label="Analysing the drafts")
    except jobs.JobFailed as exc:
        error(st, exc)
        return
    cats = widgets.category_toggles()
    st.header("What changed")
    if text_a.strip() and text_b.strip():
        named = [label_and_unit(f, k) for f, k in zip(cmp.deltas["feature"], cmp.deltas["kind"])]
        deltas = cmp.deltas.assign(feature=[n for n, _ in named], unit=[u for _, u in named],
                                   change=cmp.deltas["change"].map(lambda v: f"{v:+.2f}".rstrip("0").rstrip(".")))
        widgets.table(deltas[["feature", "unit", "A", "B", "change"]], "draft-deltas", "draft_deltas")
        added = cmp.phrases[cmp.phrases["change"] == "added"]
        removed = cmp.phrases[cmp.phrases["change"] == "removed"]
        st.markdown(f"**{len(added)} flagged phrase(s) added, {len(removed)} removed** in {md(label_b[:40])} compared "
                    "with draft A.")
        if len(cmp.phrases):
            widgets.table(cmp.phrases[list(PHRASE_COLUMNS)].rename(columns=PHRASE_COLUMNS), "draft-phrases",
                          "draft_phrases", caption="Flagged phrases B adds or removes")
        st.header("Word by word")
        st.caption("[+ inserted] text is underlined on green, [− deleted] text is struck through on red.")
        with st.container(height=_box_height(text_a + text_b, 360), border=True):
            st.html(diff_html(cmp.diff))
    st.header("Both versions, highlighted")
    left, right = st.columns(2)
    for col, title, an in ((left, "Draft A", cmp.a), (right, label_b, cmp.b)):
        with col:
            st.markdown(f"**{md(title)}**")
            st.html(CSS + legend(set(cats)))
            with st.container(height=_box_height(an.text, 480), border=True):
                st.html(CSS + render(an.text, an.spans, set(cats)))


# No st.stop() on this page: the script must reach its end so that a new private key gets into the address.
text_a = st.session_state["draft_a"]
if text_a.strip() or text_b.strip():
    check(text_a, text_b, label_b)
else:
    st.info("Paste or upload a text to check it.")
