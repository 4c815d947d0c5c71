"""Add articles: paste or upload one, preview its cleaning and spans, save it; edit or delete; bulk import."""
import streamlit as st

from analysis.corpus.extract import UPLOAD_TYPES, Extracted, extract
from analysis.corpus.importer import COLUMN_ALIASES, TABLE_TYPES, import_table, read_table
from analysis.corpus.store import NewArticle, delete_article, save_article, update_article
from analysis.corpus.workspace import event_texts
from analysis.detect.spans import analyze_text
from analysis.measure.coverage import suggest_events
from analysis.present.highlight import CSS, legend, render
from analysis.text.cleaning import clean
from analysis.text.textio import InputError
from ui import data

view = data.view()
corpus_root, user_root = data.corpus_dir(), data.user_dir()
MAX_TEXT_BYTES = data.settings().max_bytes
st.title("Add articles")
st.caption(f"Articles you add are saved in `{user_root}` in the corpus format (one text file each, plus a manifest "
           f"row). The bundled articles are protected. Texts up to {MAX_TEXT_BYTES:,} bytes.")
NEW = "+ new outlet…"
NO_EVENT, NEW_EVENT = "(no event)", "+ new event…"


def metadata_form(prefix: str, found: Extracted, current: dict | None = None) -> NewArticle | None:
    """Outlet, headline, date, URL, author and event for an article; None until it is complete."""
    current = current or {}
    outlets = list(view.outlet_names) + [NEW]
    c1, c2 = st.columns(2)
    o = c1.selectbox("Outlet", outlets, key=f"{prefix}_outlet", format_func=lambda k: view.outlet_names.get(k, k),
                     index=outlets.index(current["outlet"]) if current.get("outlet") in outlets else 0)
    outlet = c1.text_input("New outlet's name", key=f"{prefix}_outlet_new") if o == NEW else o
    headline = c2.text_input("Headline", value=current.get("headline", found.headline), key=f"{prefix}_headline")
    date = c1.text_input("Date (YYYY-MM-DD)", value=current.get("date", found.date), key=f"{prefix}_date")
    url = c2.text_input("URL", value=current.get("url", found.url), key=f"{prefix}_url")
    author = c1.text_input("Author", value=current.get("author", found.author), key=f"{prefix}_author")
    events = {NO_EVENT: NO_EVENT, **{e.id: f"{e.date}: {e.title}" for e in view.corpus.events.values()}, NEW_EVENT: NEW_EVENT}
    ev_keys = list(events)
    ev = c2.selectbox("Event", ev_keys, format_func=events.get, key=f"{prefix}_event",
                      index=ev_keys.index(current["event"]) if current.get("event") in ev_keys else 0)
    new_event = c2.text_input("New event's title", key=f"{prefix}_event_new") if ev == NEW_EVENT else ""
    return NewArticle(text=found.text, outlet=outlet or "", date=date.strip(), headline=headline, author=author, url=url,
                      event="" if ev in (NO_EVENT, NEW_EVENT) else ev, new_event_title=new_event)


def preview(text: str, outlet: str) -> str:
    """Show what cleaning removes and which spans the analysis finds, before saving; returns the cleaned body."""
    cleaned = clean(text, outlet)
    an = analyze_text(cleaned.body, data.lexicon(), tone=False)
    st.markdown(f"**Preview:** {len(cleaned.body.split()):,} words after cleaning; {len(an.spans)} spans; "
                f"{len(cleaned.removals)} removal(s), {len(cleaned.parts)} headline/highlight part(s).")
    for r in cleaned.removals:
        st.markdown(f"- removed by **{r.rule}**: `{r.text[:80].strip() or '(line break)'}`")
    with st.container(height=320, border=True):
        st.html(CSS + legend() + render(cleaned.body, an.spans))
    return cleaned.body


tab_one, tab_bulk, tab_mine = st.tabs(["One article", "Bulk import (CSV / JSONL)", "Your articles"])
with tab_one:
    how = st.radio("Text from", ["paste", "file"], horizontal=True, key="add_how")
    found = None
    try:
        if how == "paste":
            pasted = st.text_area("Article text", key="add_text", height=220)
            if pasted.strip():
                if len(pasted.encode("utf-8")) > MAX_TEXT_BYTES:
                    raise InputError(f"the pasted text is {len(pasted.encode('utf-8')):,} bytes, over the limit of "
                                     f"{MAX_TEXT_BYTES:,} bytes")
                found = Extracted(pasted)
        else:
            up = st.file_uploader("File", type=list(UPLOAD_TYPES), key="add_file",
                                  help="HTML pages: main text, title, author and date are extracted with trafilatura.")
            if up is not None:
                found = extract(up.name, up.getvalue(), MAX_TEXT_BYTES)
    except InputError as exc:
        st.error(str(exc))
    if found is not None:
        new = metadata_form("add", found)
        body = preview(found.text, new.outlet)
        suggestions = suggest_events(body, new.date, event_texts(view)).head(3)
        if len(suggestions):
            st.markdown("**Events this article may belong to** (by similarity of wording"
                        + (" and within 14 days" if new.date else "") + "): "
                        + "; ".join(f"{r.title} ({r.date}, similarity {r.similarity:.2f})" for r in suggestions.itertuples()))
        if st.button("Save to the corpus", type="primary", key="add_save"):
            try:
                article_id = save_article(corpus_root, user_root, new)
                st.success(f"Saved as `{article_id}`. It now appears on the other pages.")
            except InputError as exc:
                st.error(str(exc))

with tab_bulk:
    table_file = st.file_uploader("CSV or JSONL export", type=list(TABLE_TYPES), key="bulk_file")
    if table_file is not None:
        try:
            table = read_table(table_file.name, table_file.getvalue())
            with st.expander("Columns: recognised automatically, or map them here"):
                overrides = {}
                for fld in COLUMN_ALIASES:
                    opts = ["(none)"] + table.available
                    now = table.columns.get(fld, "(none)")
                    col = st.selectbox(fld, opts, index=opts.index(now), key=f"bulk_map_{fld}")
                    if col != "(none)":
                        overrides[fld] = col
            if overrides != table.columns:
                table = read_table(table_file.name, table_file.getvalue(), overrides)
            st.write(f"{len(table.rows)} row(s) with text, {len(table.errors)} problem row(s). Columns used: "
                     + ", ".join(f"{k} ← `{v}`" for k, v in table.columns.items()))
            outlet = st.text_input("Outlet for rows without one", key="bulk_outlet")
            if st.button("Import", type="primary", key="bulk_go"):
                report = import_table(corpus_root, user_root, table, outlet)
                st.success(f"Imported {len(report.imported)} article(s).")
                if report.errors:
                    st.warning(f"Skipped {len(report.errors)} row(s):\n\n" + "\n".join(f"- {e}" for e in report.errors))
        except InputError as exc:
            st.error(str(exc))

with tab_mine:
    mine = [a for a in view.corpus.articles if a.origin == "user"]
    if not mine:
        st.info("You have not added any article yet.")
    else:
        pick = st.selectbox("Article", [a.id for a in mine], key="mine_pick")
        art = view.corpus.article(pick)
        text = st.text_area("Text", value=art.raw, key=f"mine_text_{pick}", height=220)
        current = {"outlet": art.outlet, "headline": art.headline, "date": art.date, "url": art.url,
                   "author": art.author, "event": art.events[0][0] if art.events else NO_EVENT}
        new = metadata_form(f"mine_{pick}", Extracted(text), current)
        c1, c2 = st.columns(2)
        if c1.button("Save changes", key="mine_save"):
            try:
                update_article(corpus_root, user_root, pick, new)
                st.success("Saved.")
            except InputError as exc:
                st.error(str(exc))
        sure = c2.checkbox("Yes, delete this article", key="mine_sure")
        if c2.button("Delete", key="mine_delete", disabled=not sure):
            delete_article(user_root, pick)
            st.success(f"Deleted `{pick}`.")
            st.rerun()
