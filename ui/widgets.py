"""Widgets shared by the dashboard pages; every selection lives in the URL so a view can be shared."""
from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from analysis.corpus.workspace import CorpusView
from analysis.measure.voices import occurrences, plain_summary, term_families
from analysis.measure.voices import who_says_it as voices_by_outlet
from analysis.present.chart_text import chart_summary, chart_table_html, chart_title
from analysis.present.charts import PHONE_WIDTH, chart_caption, for_width
from analysis.present.export import (
    IMAGE_FORMATS,
    INSTALL_HINT,
    PRINT_SCALE,
    chromium_path,
    figure_html,
    figure_image,
    start_renderer,
    table_csv,
    table_xlsx,
)
from analysis.present.glossary import (
    CARD_FEATURES,
    CATEGORY_INFO,
    COLUMN_NOTES,
    FEATURES,
    SPAN_COLUMNS,
    format_value,
    heading,
    noise_sentence,
    plain_values,
)
from analysis.present.highlight import CSS, legend, only_strong_loaded, render
from analysis.present.report import event_report_html, event_report_pdf
from analysis.present.tables import TABLE_CSS, numbers_html, table_html, without_empty_columns
from ui import data, state
from ui.safe import md

CATEGORIES = list(CATEGORY_INFO)
HEADLINES_SHOWN = 10  # headlines listed per outlet card (a whole story may have thousands)
SENTENCES_SHOWN = 500  # sentences shown under "Who says it" (the counts cover every use)
VOICE_COLUMNS = ["article_id", "outlet", "part", "category", "term", "voice", "speaker", "affiliation", "sentence",
                 "start", "end", "text"]


def url_selectbox(where, label: str, options: list, key: str, default, widget: str = "selectbox", **kwargs):
    """A selectbox (or radio) whose value is the URL parameter `key` (unknown values fall back to the default)."""
    current = state.get(key, default)
    if current not in options:
        current = default if default in options else options[0]
        state.put(key, None if current == default else current)
    state.show(key, current)
    return getattr(where, widget)(label, options, key=state.widget_key(key), on_change=state.follow(key), **kwargs)


def url_multiselect(where, label: str, options: list, key: str, default: list, **kwargs) -> list:
    """A multiselect whose value is the URL parameter `key` (options no longer offered are dropped)."""
    current = state.get(key)
    state.show(key, default if current is None else [o for o in current if o in options])
    return where.multiselect(label, options, key=state.widget_key(key), on_change=state.follow(key), **kwargs)


def url_date_range(where, label: str, start_key: str, end_key: str, lo: dt.date, hi: dt.date,
                   **kwargs) -> tuple[dt.date, dt.date]:
    """A date range whose ends are the URL parameters `start_key` and `end_key` (kept within lo..hi)."""
    def end(key: str, default: dt.date) -> dt.date:
        try:
            return min(max(dt.date.fromisoformat(state.get(key) or ""), lo), hi)
        except ValueError:
            return default
    start, stop = end(start_key, lo), end(end_key, hi)
    if start > stop:
        start, stop = lo, hi
    key = state.widget_key(start_key)
    picking = st.session_state.get(key)
    if not (isinstance(picking, tuple) and len(picking) == 1):  # one end clicked: leave the half-picked range be
        st.session_state[key] = (start, stop)

    def changed() -> None:
        picked = st.session_state.get(key) or ()
        if len(picked) == 2:
            state.put(start_key, None if picked[0] == lo else picked[0].isoformat())
            state.set_now(end_key, None if picked[1] == hi else picked[1].isoformat())
    where.date_input(label, key=key, on_change=changed, min_value=lo, max_value=hi, **kwargs)
    return start, stop


def url_toggle(where, label: str, key: str, default: bool, **kwargs) -> bool:
    """A toggle whose value is the URL parameter `key`."""
    state.show(key, bool(state.get(key, default)))
    return where.toggle(label, key=state.widget_key(key), on_change=state.follow(key), **kwargs)


def url_text(where, label: str, key: str, **kwargs) -> str:
    """A text input whose value is the URL parameter `key`."""
    state.show(key, state.get(key, "") or "")
    return where.text_input(label, key=state.widget_key(key), on_change=state.follow(key), **kwargs)


def url_tabs(labels: list[str], key: str):
    """Tabs whose open tab is the URL parameter `key` (the first tab by default)."""
    current = state.get(key)
    state.show(key, current if current in labels else labels[0])
    return st.tabs(labels, key=state.widget_key(key), on_change=state.follow(key))


def event_picker(view: CorpusView) -> str:
    """Event or whole-story selector (URL parameter `event`)."""
    opts = view.selection_options()
    asked = state.get("event")
    if asked is not None and asked not in opts:  # a link to an event this corpus does not hold (or no longer holds)
        st.sidebar.warning(f"This corpus has no event “{md(str(asked)[:80])}”, so the default selection is shown.")
    return url_selectbox(st.sidebar, "Event", list(opts), "event", view.default_selection(), format_func=opts.get,
                         help="Pick one news event, or a whole story, to set outlets side by side.")


def mentions_toggle() -> bool:
    """Whether articles that only mention the event count (URL parameter `mentions`)."""
    return url_toggle(st.sidebar, "Include articles that only mention the event", "mentions", True)


def outlet_picker(view: CorpusView, present: list[str]) -> list[str]:
    """Outlets to compare among those covering the selection, `present` (URL parameter `outlets`; default: all).

    Outlets the selection does not cover are dropped from the choice, with a note."""
    chosen = state.get("outlets")
    shown = present if chosen is None else [o for o in chosen if o in present]
    dropped = [] if chosen is None else [o for o in chosen if o not in present]
    if dropped:
        if not shown:
            shown = present
        state.put("outlets", None if shown == present else shown)
        names = ", ".join(view.outlet_names.get(o, o) for o in dropped)
        st.sidebar.caption(f"Not in this selection, so left out: {md(names)}.")
    state.show("outlets", shown)
    return st.sidebar.multiselect("Outlets", present, format_func=lambda o: view.outlet_names.get(o, o),
                                  key=state.widget_key("outlets"), on_change=state.follow("outlets"),
                                  help="The outlets that cover this selection; remove one to leave it out.")


def category_toggles() -> list[str]:
    """Which span categories are highlighted (URL parameter `cats`): the legend's toggles."""
    saved = state.get("cats")
    state.show("cats", CATEGORIES if saved is None else [c for c in saved if c in CATEGORIES])
    chosen = st.pills("Highlight", CATEGORIES, selection_mode="multi",
                      format_func=lambda c: f"{CATEGORY_INFO[c][0]} [{CATEGORY_INFO[c][1]}]",
                      key=state.widget_key("cats"), on_change=state.follow("cats"),
                      help="Toggle a category to show or hide its highlights.")
    return list(chosen or [])


def date_filter(view: CorpusView, selection: str, article_ids: list[str]) -> list[str]:
    """A whole story's articles published in a date range (URL parameters `since` and `until`; default: all)."""
    if not selection.startswith("story:") or not article_ids:
        return article_ids
    first, last = view.corpus.article(article_ids[0]).date, view.corpus.article(article_ids[-1]).date  # by date
    if first == last:
        return article_ids
    start, end = url_date_range(st.sidebar, "Published between", "since", "until", dt.date.fromisoformat(first),
                                dt.date.fromisoformat(last), help="Only the story's articles published in this range.")
    lo, hi = start.isoformat(), end.isoformat()
    if lo <= first and hi >= last:
        return article_ids
    return [a for a in article_ids if lo <= view.corpus.article(a).date <= hi]


def corpus_issues(view: CorpusView) -> None:
    """Warn about corpus entries that were skipped."""
    if view.corpus.issues:
        with st.sidebar.expander(f"⚠ {len(view.corpus.issues)} corpus entries skipped", expanded=False):
            for issue in view.corpus.issues:
                st.markdown(f"- {md(issue.file)}: {md(issue.problem)}")


def selection(view: CorpusView, masked: bool = False) -> tuple[str, list[str], list[str], int]:
    """The sidebar selection: (event or story, article ids, chosen outlets, number of outlets covering it). Masked
    (guessing games), every outlet covering it is in play and no outlet is named in the sidebar."""
    sel = event_picker(view)
    mentions = mentions_toggle()
    ids = date_filter(view, sel, view.articles_in(sel, mentions))
    groups = view.by_outlet(ids)
    if masked:
        outlets = sorted(groups)
        st.sidebar.caption("Outlets are not named here, so the sidebar cannot give a text away: every article of "
                           "the selection is in play.")
    else:
        outlets = outlet_picker(view, sorted(groups))
    if set(outlets) != set(groups):
        ids = [a for a in ids if view.outlet_of(a) in outlets]
    return sel, ids, outlets, len(groups)


@dataclass(frozen=True)
class PageContext:
    """What every comparison page starts from: the view, the selection and its pooled outlet table."""
    view: CorpusView
    selection: str
    label: str
    name: str  # the label without its article count
    article_ids: list[str]
    outlets: list[str]
    table: pd.DataFrame

    @property
    def caption(self) -> str:
        """Caption naming the corpus, the articles shown, the selection, the lexicon version and the date, for charts."""
        return chart_caption(len(self.article_ids), self.name, self.view.lexicon_version, dt.date.today())


def page_start(view: CorpusView, title: str, skip_to: str = '[data-testid="stMain"] h1',
               masked: bool = False) -> PageContext:
    """Skip link, sidebar selection (outlets unnamed if `masked`), title and caption; stops with a message when
    nothing is selected."""
    skip_link(skip_to)
    sel, ids, outlets, covering = selection(view, masked)
    dates = (f" · published {state.get('since') or 'from the start'} to {state.get('until') or 'the end'}"
             if sel.startswith("story:") and (state.get("since") or state.get("until")) else "")
    label, name = view.selection_options()[sel] + dates, view.selection_name(sel) + dates
    st.title(title)
    st.caption(md(label))
    if not ids:
        st.warning("No outlet is chosen. Add at least one outlet in the sidebar." if covering else
                   "No article covers this selection. Choose another event or story.")
        st.stop()
    table = data.outlet_table(view, ids, outlets)
    if len(table) == 1 and covering > 1:
        st.info(f"Only one outlet is chosen, so there is nothing to set side by side: add one of the other "
                f"{covering - 1} outlet(s) covering this selection in the sidebar.")
    elif len(table) == 1:
        st.info("Only one outlet covers this selection, so there is nothing to set side by side. "
                "Pick a whole story, or another event, to compare outlets.")
    return PageContext(view, sel, label, name, ids, outlets, table)


def who_says_it(view: CorpusView, ctx: PageContext) -> None:
    """The contrast first: for one family of loaded terms, each outlet's own uses against the uses it attributes."""
    spans = view.spans_of(ctx.article_ids, part="body", categories=["loaded"], columns=VOICE_COLUMNS)
    families = term_families(spans)
    st.header("Who says it")
    if families.empty:
        st.info("No loaded term is flagged in these articles.")
        return
    names = view.outlet_names
    family = url_selectbox(st, "Term family", list(families["term"]), "family", families["term"].iloc[0],
                           format_func=_family_labels(families).get,
                           help="A loaded term of the lexicon with all its forms (a * matches any ending). "
                                "The families used by the most outlets, in both voices, come first.")
    occ = occurrences(spans, family, view.sentence, limit=SENTENCES_SHOWN)
    table_ = voices_by_outlet(occ, ctx.outlets)
    st.text(plain_summary(table_, family, names))
    shown = table_.assign(outlet=table_["outlet"].map(lambda o: names.get(o, o))).rename(columns={
        "outlet": "Outlet", "own": "In its own voice", "attributed": "In others' words",
        "whose_words": "Whose words"})
    table(shown, f"who-says-{family}", "who_table", caption=f"Who says “{family}”")
    more = f"first {SENTENCES_SHOWN:,} of the {len(occ):,}" if len(occ) > SENTENCES_SHOWN else f"{len(occ)}"
    with st.expander(f"The {more} sentence(s) with “{md(family)}”"):
        occ = occ.head(SENTENCES_SHOWN)
        sentences = occ.assign(outlet=occ["outlet"].map(lambda o: names.get(o, o)))[
            ["outlet", "voice", "speaker", "before", "match", "after"]]
        table(sentences, f"sentences-{family}", "who_sentences")
    st.page_link("ui/pages/terms.py", label=f"Every “{md(family)}” in context, with counts per outlet",
                 icon=":material/search:", query_params=state.link(term=family))


def _family_labels(families: pd.DataFrame) -> dict[str, str]:
    """Term -> its label in the list (one pass: a large selection has hundreds of families)."""
    return {t: f"{t} ({own} own, {att} quoted)"
            for t, own, att in zip(families["term"], families["own"], families["attributed"])}


def outlet_card(view: CorpusView, outlet: str, row: pd.Series, mine: list[str]) -> None:
    """Card with an outlet's headline(s), dates, words and key features (`mine`: the outlet's chosen articles)."""
    with st.container(border=True):
        st.markdown(f"### {md(view.outlet_names.get(outlet, outlet))}")
        for aid in mine[:HEADLINES_SHOWN]:
            st.caption(md(f"{view.corpus.article(aid).date} · {view.title(aid)}"))
        if len(mine) > HEADLINES_SHOWN:
            st.caption(f"… and {len(mine) - HEADLINES_SHOWN:,} more articles")
        st.write(f"**{int(row['words']):,} words** in {int(row['articles'])} article(s)")
        st.html(numbers_html([(FEATURES[f].label, format_value(f, row[f]),
                               f"{FEATURES[f].explanation} Unit: {FEATURES[f].unit}.") for f in CARD_FEATURES]))


def card_glossary() -> None:
    """What each number on the outlet cards means, one click away (a list, readable with the keyboard)."""
    with st.expander("What the numbers on the cards mean"):
        st.markdown("\n".join(f"- **{FEATURES[f].label}** ({FEATURES[f].unit}): {FEATURES[f].explanation}"
                               for f in CARD_FEATURES))


def span_table(spans: pd.DataFrame, key: str, name: str, caption: str = "The words behind the number") -> None:
    """Spans with their explanations, as a table with plain column names (with CSV and XLSX downloads)."""
    if spans.empty:
        st.info("No words of this kind were found here, so the number is zero.")
        return
    show = spans[[c for c in SPAN_COLUMNS if c in spans.columns]].rename(columns=SPAN_COLUMNS)
    table(show, name, key, caption=caption)


@st.cache_resource(show_spinner=False)
def warm_renderer() -> threading.Thread | None:
    """Start kaleido's rendering server once per process, in the background (None without Chromium)."""
    if chromium_path() is None:
        return None
    thread = threading.Thread(target=start_renderer, daemon=True)
    thread.start()
    return thread


def _safe_name(name: str) -> str:
    """A file name's letters, digits, dots and single hyphens ('fierce*-2010': 'fierce-2010'), cut at 80."""
    return re.sub(r"(?:[^A-Za-z0-9._]|-)+", "-", name).strip("-")[:80] or "export"


def _file_stem(what: str) -> str:
    """A download's file name without its extension: what it holds, then the sidebar selection's date and title
    (on a page without a selection, what it holds alone), made safe."""
    key = st.session_state.get(state.widget_key("event"))
    return _safe_name(f"{what}-{data.view().selection_title(key)}" if key else what)


def chart(fig, name: str, key: str, why: Callable[[object], dict] | None = None, **kwargs):
    """A plotly chart with its text alternative (a summary and the numbers, one click away) and PNG, SVG, PDF and
    offline-HTML downloads of exactly that figure. With `why` (a function from a bar's customdata to the URL
    parameters that explain it), every number in the table is a link: the keyboard way to click a bar."""
    # The figure's own layout, as exported (Streamlit's theme draws axis labels in #808495, 3.7:1 on white). The file
    # name carries the selection, so downloads for two events do not overwrite each other; the chart's own camera
    # button saves at print resolution too.
    stem = _file_stem(name)
    # on a phone the chart on screen is laid out for its width, without the toolbar, which a touch screen shows at
    # all times over the title (the download buttons stay); the downloads keep the layout for print
    phone = on_phone()
    event = st.plotly_chart(for_width(fig, PHONE_WIDTH) if phone else fig, key=key, theme=None, config={
        "toImageButtonOptions": {"format": "png", "filename": stem, "scale": PRINT_SCALE},
        "displayModeBar": False if phone else "hover"}, **kwargs)
    with st.expander(f"{md(chart_title(fig))}: as text (summary and numbers)"):
        st.text(chart_summary(fig))
        st.html(chart_table_html(fig, (lambda custom: _why_href(why(custom))) if why else None))
    ready = warm_renderer() is not None
    row = st.container(horizontal=True)
    for fmt in ("png", "svg", "pdf"):
        row.download_button(fmt.upper(), data=lambda fmt=fmt: figure_image(fig, fmt), file_name=f"{stem}.{fmt}",
                            mime=IMAGE_FORMATS[fmt], key=f"{key}_{fmt}", disabled=not ready, on_click="ignore",
                            help=(f"Download the chart as {fmt.upper()}" + (" at print resolution" if fmt == "png" else ""))
                            if ready else INSTALL_HINT)
    row.download_button("HTML", data=lambda: figure_html(fig, name), file_name=f"{stem}.html",
                            mime="text/html", key=f"{key}_html", on_click="ignore",
                            help="Interactive chart that works offline (plotly.js included)")
    if not ready:
        row.caption(INSTALL_HINT)
    return event


def on_phone() -> bool:
    """Whether the browser says it is a phone or other small mobile device ('Mobi' in its user agent, as MDN
    recommends for telling mobile browsers apart); no browser (AppTest) is no phone."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def _why_href(params: dict | None) -> str | None:
    """A link to this page with the view's URL parameters changed (None: no link)."""
    return None if params is None else "?" + urlencode(state.link(**params))


PAGE_CSS = """<style>
[data-testid="stMultiSelectTagsContainer"]{flex-wrap:wrap!important;overflow:visible!important;mask-image:none!important;
-webkit-mask-image:none!important}
div:has(> [data-testid="stMultiSelectTagsContainer"]){max-height:none!important}
[data-testid="stMultiSelectTagsContainer"] [data-tag]{height:auto!important;white-space:normal!important}
[data-testid="stMultiSelectTagsContainer"] [data-tag] span[title]{white-space:normal!important;overflow:visible!important;
text-overflow:clip!important}
button [data-testid="stMarkdownContainer"] p{white-space:normal}
[data-testid="stMain"] a:focus-visible,[data-testid="stSidebar"] a:focus-visible,summary:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
</style>"""


def page_styles() -> None:
    """Styles every page needs: labels, chips and button texts wrap instead of being cut, and a filter's chips wrap
    onto more lines instead of scrolling sideways; a visible focus ring;
    tables and the cards' numbers."""
    st.html(PAGE_CSS + TABLE_CSS)


def skip_link(target: str = '[data-testid="stMain"] h1') -> None:
    """A "Skip to the text" link, first in the tab order (before the sidebar), that moves the focus to `target`
    (a CSS selector; the page's title by default). Hidden until focused."""
    st.html("""<style>
#fl-skip{position:fixed;left:-10000px;top:.5rem;z-index:1000000;background:#fff;color:#000;font:600 1rem system-ui,sans-serif;
padding:.5em .9em;border:2px solid #000;border-radius:4px;text-decoration:underline}
#fl-skip:focus{left:.5rem;outline:3px solid #1a1a1a;outline-offset:2px}
</style><script>
(() => {
  let link = document.getElementById('fl-skip');
  if (!link) {
    link = document.createElement('a');
    link.id = 'fl-skip';
    link.href = '#';
    link.textContent = 'Skip to the text';
    link.addEventListener('click', (e) => {
      e.preventDefault();
      const to = document.querySelector(link.dataset.target) || document.querySelector('[data-testid="stMain"] h1');
      if (!to) return;
      if (!to.hasAttribute('tabindex')) to.setAttribute('tabindex', '-1');
      to.focus();
      to.scrollIntoView({block: 'start'});
    });
    document.body.prepend(link);
  }
  link.dataset.target = TARGET;
})();
</script>""".replace("TARGET", json.dumps(target)), unsafe_allow_javascript=True)


def noise_notes(intervals: pd.DataFrame, features: list[str]) -> None:
    """Say plainly where the outlets' differences are within noise."""
    if sentence := noise_sentence(intervals, features):
        st.caption(sentence)


def report_downloads(view: CorpusView, ctx: PageContext) -> None:
    """The whole selection as a self-contained report: HTML (offline, prints well) and PDF."""
    st.header("Report of this selection")
    st.caption("One file with the numbers, charts, highlighted texts side by side, sources and method notes.")
    ready = warm_renderer() is not None
    stem = f"report-{_safe_name(view.selection_title(ctx.selection))}"
    c1 = c2 = st.container(horizontal=True)
    c1.download_button("Report (HTML)", key="report_html", file_name=f"{stem}.html",
                       data=lambda: event_report_html(view, ctx.selection, ctx.outlets).encode("utf-8"),
                       mime="text/html", on_click="ignore")
    c2.download_button("Report (PDF)", key="report_pdf", file_name=f"{stem}.pdf",
                       data=lambda: event_report_pdf(view, ctx.selection, ctx.outlets), mime="application/pdf",
                       disabled=not ready, on_click="ignore", help=None if ready else INSTALL_HINT)


def _caption_from(name: str) -> str:
    """A table's caption from its file name, without the ids and dates in it ('attributions-c6a0e65c-4f8b-...':
    'Attributions')."""
    words = []
    for w in name.split("-"):
        if re.search(r"[\d:]", w):
            break  # an event, article or story id, or a date, begins here
        words.append(w)
    return " ".join(words).capitalize() or "Table"


def table(df: pd.DataFrame, name: str, key: str, notes: dict[str, str] | None = None, caption: str = "",
          downloads: bool = True) -> None:
    """A table as wrapping HTML without its columns empty in every row (read as a table by screen readers; `notes`
    say what columns mean), with CSV and XLSX downloads of every row and column unless `downloads` is False, named by
    what the table is (`name`, no ids), the selection's date and title and the lexicon version. Every column name
    starts with a capital (`heading`), and a voice or category is said in words (`plain_values`), on the page and in
    the files."""
    df = plain_values(df.rename(columns=heading))
    notes = {heading(c): n for c, n in (notes or {}).items()}
    st.html(table_html(without_empty_columns(df), caption or _caption_from(name), notes))
    if not downloads:
        return
    version = data.lexicon().version
    about = {"exported by": "Framing Lens", "lexicon version": version, "date": f"{dt.date.today():%Y-%m-%d}"}
    stem = f"{_file_stem(name)}-lexicon-{version}"
    c1 = c2 = st.container(horizontal=True)
    c1.download_button("CSV", data=lambda: table_csv(df), file_name=f"{stem}.csv", mime="text/csv",
                       key=f"{key}_csv", on_click="ignore")
    c2.download_button("XLSX", data=lambda: table_xlsx(df, {**COLUMN_NOTES, **notes}, about=about),
                       file_name=f"{stem}.xlsx", key=f"{key}_xlsx", on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       help="Excel workbook; the second sheet explains every column")


def highlighted(view: CorpusView, article_id: str, categories: list[str], show_removed: bool, height: int = 640,
                strong_only: bool = False) -> None:
    """One article with its spans highlighted, optionally with what cleaning removed greyed out, optionally only
    the strong loaded terms."""
    aa = view.analysis(article_id)
    keep = only_strong_loaded if strong_only else (lambda df: df)
    st.html(CSS + legend(set(categories)))
    if show_removed:
        rows = keep(view.spans_of([article_id]))
        html = render(aa.cleaned.raw, rows, set(categories), "raw_start", "raw_end",
                      removed=[(r.start, r.end, r.rule) for r in aa.cleaned.removals if r.rule != "page-break"],
                      parts=[(p.start, p.end, p.kind) for p in aa.cleaned.parts])
    else:
        html = render(aa.body.text, keep(aa.body.spans), set(categories))
    with st.container(height=height, border=True):
        st.html(CSS + html)
    if aa.body.spans.empty:
        st.info("No framing spans were found in this article.")
