"""Add articles: paste or upload one, preview its cleaning and spans, save it; edit or delete your own; bulk import."""
from dataclasses import replace

import streamlit as st

from analysis.corpus.extract import UPLOAD_TYPES, Extracted, extract
from analysis.corpus.importer import COLUMN_ALIASES, TABLE_TYPES, import_table, read_table
from analysis.corpus.limits import Limits, removed_note, strip_controls
from analysis.corpus.ownership import may_change
from analysis.corpus.store import NameTaken, NewArticle, delete_article, save_article, update_article
from analysis.corpus.workspace import event_texts
from analysis.measure.coverage import suggest_events
from analysis.pipeline import preview_text
from analysis.present.highlight import CSS, legend, render
from analysis.text.cleaning import clean
from analysis.text.textio import InputError
from ui import data, jobs, owner
from ui.safe import error, md

view = data.view()
settings = data.settings()
LIMITS = Limits.of(settings)
corpus_root, user_root = settings.corpus, settings.user_corpus
editor = owner.editor(settings)
st.title("Add articles")
st.caption(f"Articles you add join the corpus that everyone on this server sees, in the corpus format. They belong "
           f"to the private key in this page's address: bookmark it to edit or delete them later (the teacher can "
           f"too). The bundled articles are protected. Texts up to {LIMITS.text_bytes / 2**20:g} MB; headline, author, "
           f"URL, outlet and event names up to {LIMITS.field_chars:,} characters.")
NEW = "+ new outlet…"
NO_EVENT, NEW_EVENT = "(no event)", "+ new event…"


def metadata_form(prefix: str, found: Extracted, current: dict | None = None) -> NewArticle:
    """Outlet, headline, date, URL, author and event for an article."""
    current = current or {}
    outlets = list(view.outlet_names) + [NEW]
    c1, c2 = st.columns(2)
    o = c1.selectbox("Outlet", outlets, key=f"{prefix}_outlet", format_func=lambda k: view.outlet_names.get(k, k),
                     index=outlets.index(current["outlet"]) if current.get("outlet") in outlets else 0)
    outlet = c1.text_input("New outlet's name", key=f"{prefix}_outlet_new") if o == NEW else o
    detected = found.headline or clean(found.text).likely_headline()
    headline = c2.text_input("Headline", value=current.get("headline", detected), key=f"{prefix}_headline",
                             help=None if found.headline or not detected else
                             "Filled in from the text's first line, which looks like a headline: check it.")
    date = c1.text_input("Date (YYYY-MM-DD)", value=current.get("date", found.date), key=f"{prefix}_date")
    url = c2.text_input("URL", value=current.get("url", found.url), key=f"{prefix}_url")
    author = c1.text_input("Author", value=current.get("author", found.author), key=f"{prefix}_author")
    events = {NO_EVENT: NO_EVENT, **{e.id: f"{e.date}: {e.title}" for e in view.corpus.events.values()}, NEW_EVENT: NEW_EVENT}
    ev_keys = list(events)
    ev = c2.selectbox("Event", ev_keys, format_func=events.get, key=f"{prefix}_event",
                      index=ev_keys.index(current["event"]) if current.get("event") in ev_keys else 0)
    new_event = (c2.text_input("New event's title", key=f"{prefix}_event_new")
                 if ev == NEW_EVENT else "")
    return NewArticle(text=found.text, outlet=outlet or "", date=date.strip(), headline=headline, author=author, url=url,
                      event="" if ev in (NO_EVENT, NEW_EVENT) else ev, new_event_title=new_event, owner=editor.owner)


def preview(text: str, outlet: str) -> str | None:
    """Show what cleaning removes and which spans the analysis finds, before saving; returns the cleaned body, or
    None when the analysis did not finish (then the article cannot be saved)."""
    try:
        cleaned, an = jobs.run(preview_text, text, outlet, settings=settings, label="Analysing the text")
    except jobs.JobFailed as exc:
        error(st, exc)
        return None
    st.markdown(f"**Preview:** {len(cleaned.body.split()):,} words after cleaning; {len(an.spans)} spans; "
                f"{len(cleaned.removals)} removal(s), {len(cleaned.parts)} headline/highlight part(s).")
    for r in cleaned.removals:
        st.markdown(f"- removed by **{md(r.rule)}**: {md(r.text[:80].strip() or '(line break)')}")
    with st.container(height=320, border=True):
        st.html(CSS + legend() + render(cleaned.body, an.spans))
    return cleaned.body


def save_new(new: NewArticle) -> None:
    """Save, saying where the article went, or why not; a name that another outlet or event has asks to merge."""
    try:
        article_id = save_article(corpus_root, user_root, new, LIMITS)
        st.session_state.pop("add_taken", None)
        st.success(f"Saved as {md(article_id)}. It now appears on the other pages.")
    except NameTaken as exc:
        st.session_state["add_taken"] = (exc.kind, exc.existing_id, exc.existing_name, str(exc))
    except InputError as exc:
        error(st, exc)


def merge_or_rename(new: NewArticle) -> None:
    """After NameTaken: add the article to the existing outlet or event, or rename it in the form above."""
    kind, existing_id, existing_name, message = st.session_state["add_taken"]
    st.warning(md(message))
    c1, c2 = st.columns([1, 2])
    if c1.button(f"Add it to the existing {kind} “{md(existing_name)}”", key="add_merge"):
        st.session_state.pop("add_taken", None)
        save_new(replace(new, outlet=existing_id) if kind == "outlet" else replace(new, event=existing_id,
                                                                                   new_event_title=""))
    c2.caption(f"…or give the new {kind} a more distinct name above and save again.")


tab_one, tab_bulk, tab_mine = st.tabs(["One article", "Bulk import", "Your articles"])
with tab_one:
    how = st.radio("Text from", ["paste", "file"], horizontal=True, key="add_how")
    found = None
    try:
        if how == "paste":
            pasted = st.text_area("Article text", key="add_text", height=220)
            if pasted.strip():
                text, removed = strip_controls(pasted)
                size = len(text.encode("utf-8"))
                if size > LIMITS.text_bytes:
                    raise InputError(f"the pasted text is {size:,} bytes, over the limit of {LIMITS.text_bytes:,} bytes")
                found = Extracted(text, notes=(removed_note(removed),) if removed else ())
        else:
            up = st.file_uploader("File", type=list(UPLOAD_TYPES), key="add_file", max_upload_size=LIMITS.upload_mb,
                                  help="HTML pages: main text, title, author and date are extracted with trafilatura. "
                                       f"At most {LIMITS.text_bytes / 2**20:g} MB of text after extraction.")
            if up is not None:
                found = extract(up.name, up.getvalue(), LIMITS)
    except InputError as exc:
        error(st, exc)
    if found is not None:
        for note in found.notes:
            st.caption(md(note))
        new = metadata_form("add", found)
        body = preview(found.text, new.outlet)
        if body is not None:
            suggestions = suggest_events(body, new.date, event_texts(view)).head(3)
            if len(suggestions):
                st.markdown("**Events this article may belong to** (by similarity of wording"
                            + (" and within 14 days" if new.date else "") + "): "
                            + "; ".join(f"{md(r.title)} ({r.date}, similarity {r.similarity:.2f})"
                                        for r in suggestions.itertuples()))
        if st.button("Save to the corpus", type="primary", key="add_save", disabled=body is None,
                     help=None if body is not None else "Only a text whose analysis finished can be saved."):
            save_new(new)
        if st.session_state.get("add_taken"):
            merge_or_rename(new)

with tab_bulk:
    table_file = st.file_uploader("CSV, JSONL or Parquet export", type=list(TABLE_TYPES), key="bulk_file")
    if table_file is not None:
        try:
            table = read_table(table_file.name, table_file.getvalue(), limits=LIMITS)
            with st.expander("Columns: recognised automatically, or map them here"):
                overrides = {}
                for fld in COLUMN_ALIASES:
                    opts = ["(none)"] + table.available
                    now = table.columns.get(fld, "(none)")
                    col = st.selectbox(fld, opts, index=opts.index(now), key=f"bulk_map_{fld}")
                    if col != now:
                        overrides[fld] = "" if col == "(none)" else col
            if overrides:
                table = read_table(table_file.name, table_file.getvalue(), overrides, LIMITS)
            st.write(f"{len(table.rows)} row(s) with text, {len(table.errors)} problem row(s). Columns used: "
                     + ", ".join(f"{k} ← {md(v)}" for k, v in table.columns.items()))
            outlet = st.text_input("Outlet for rows without one", key="bulk_outlet")
            story = st.text_input("Story of the events this file creates", value=table_file.name.rsplit(".", 1)[0],
                                  key="bulk_story")
            dry = st.checkbox("Dry run: check every row and say what would be created, save nothing", key="bulk_dry")
            if st.button("Check" if dry else "Import", type="primary", key="bulk_go"):
                bar, done = st.progress(0.0, text="Importing…"), [0]

                def advance(n: int) -> None:
                    done[0] += n
                    if done[0] % 50 == 0 or done[0] == len(table.rows):
                        bar.progress(done[0] / max(len(table.rows), 1), text=f"{done[0]:,} of {len(table.rows):,} rows")
                report = import_table(corpus_root, user_root, table, outlet, limits=LIMITS, owner=editor.owner,
                                      dry_run=dry, story=story or "imported", story_title=story or "Imported",
                                      progress=advance)
                st.success(md(report.summary()))
                if report.errors:
                    st.warning(f"Skipped {len(report.errors)} row(s):\n\n" + "\n".join(f"- {md(e)}" for e in report.errors))
        except InputError as exc:
            error(st, exc)

with tab_mine:
    mine = [a for a in view.corpus.articles if a.origin == "user" and may_change(a.owner, editor)]
    if not mine:
        st.info("You have not added any article yet." if not editor.teacher else "Nobody has added an article yet.")
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
                update_article(corpus_root, user_root, pick, new, LIMITS, by=editor)
                st.success("Saved.")
            except InputError as exc:
                error(st, exc)
        sure = c2.checkbox("Yes, delete this article", key="mine_sure")
        if c2.button("Delete", key="mine_delete", disabled=not sure):
            try:
                delete_article(user_root, pick, by=editor)
                st.success(f"Deleted {md(pick)}.")
                st.rerun()
            except InputError as exc:
                error(st, exc)
    owner.teacher_sign_in(settings)
