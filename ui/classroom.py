"""Classroom activities drawn on a page: each lesson step, spot it yourself and guess the outlet (keyboard-operable
Streamlit widgets only: pills, radios and buttons)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.corpus.workspace import CorpusView
from analysis.detect import teacher_lexicon
from analysis.detect.lexicon import Lexicon
from analysis.measure.coverage import align
from analysis.measure.voices import occurrences, plain_summary, who_says_it
from analysis.present import guess, spot, worksheet
from analysis.present.export import INSTALL_HINT
from analysis.present.glossary import GIVEAWAY_COLUMNS, SPAN_COLUMNS, SPOT_COLUMNS
from analysis.present.lesson import Lesson, Step
from analysis.settings import Settings
from ui import data, widgets
from ui.safe import md

BIG_TYPE = """<style>
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] label, [data-testid="stMainBlockContainer"] button {font-size:1.45rem !important}
[data-testid="stMainBlockContainer"] h1 {font-size:2.8rem !important}
[data-testid="stMainBlockContainer"] h2, [data-testid="stMainBlockContainer"] h3 {font-size:2.1rem !important}
.fl-spot, .fl-text {font-size:1.5rem !important}
</style>"""


# A marked word is shown in the theme's red on pale red (4.3:1); darker red text reaches WCAG AA (4.5:1).
MARKED_CSS = """<style>
[class*="st-key-marks_"] button[data-selected="true"], [class*="st-key-marks_"] button[data-selected="true"] p
{color:#8f1d2a !important}
</style>"""


def lexicon_note(settings: Settings, lexicon: Lexicon, problem: str | None = None) -> None:
    """Say in the sidebar of every page which lexicon version the numbers come from (and why the user's lexicon is
    not in use, if it has a bad row)."""
    if problem:
        st.sidebar.error(md(f"The user lexicon is not in use: {problem}. Fix that line, or restore a version in the "
                            "Lexicon editor."))
    if lexicon.user_dir is None:
        where = "bundled"
    elif settings.lexicon is not None:
        where = "with the server's own lexicon folder"
    else:
        where = f"with the teacher's edits, version {teacher_lexicon.current_version(settings.teacher_lexicon)}"
    st.sidebar.caption(f"Lexicon version {lexicon.version} ({where})")


def revealed(key: str) -> bool:
    """A Reveal button (and a Hide button once revealed) for one activity; whether it is revealed now."""
    flag = f"reveal_{key}"
    if st.session_state.get(flag):
        if st.button("Hide the answer again", key=f"hide_{key}", icon=":material/visibility_off:"):
            st.session_state[flag] = False
            st.rerun()
        return True
    if st.button("Reveal", key=f"show_{key}", type="primary", icon=":material/visibility:"):
        st.session_state[flag] = True
        st.rerun()
    return False


def lesson_articles(view: CorpusView, lesson: Lesson) -> list[str]:
    """The lesson's articles: its selection, only the lesson's outlets if it names any."""
    ids = view.articles_in(lesson.selection)
    return [a for a in ids if not lesson.outlets or view.outlet_of(a) in lesson.outlets]


def step(view: CorpusView, lesson: Lesson, number: int, item: Step) -> None:
    """One lesson step: its questions, the activity, and the reveal."""
    st.subheader(md(f"Step {number} of {len(lesson.steps)}: {item.title}"))
    for q in item.questions:
        st.markdown(f"- {md(q)}")
    key = f"{lesson.id}_{number}"
    ids = lesson_articles(view, lesson)
    if item.activity == "headlines":
        headlines(view, ids, key)
    elif item.activity == "spot":
        spot_it(view, item.article, item.sentences, key)
    elif item.activity == "guess":
        guess_outlet(view, item.article, key)
    elif (item.activity in ("sources", "coverage", "voices") or item.reveal) and revealed(key):
        # The evidence is the reveal: the class answers first.
        if item.activity == "sources":
            sources(view, ids, key)
        elif item.activity == "coverage":
            coverage(view, ids, key)
        elif item.activity == "voices":
            voices(view, ids, item.term, key)
    if item.reveal and st.session_state.get(f"reveal_{key}"):
        st.info(md(item.reveal))


def headlines(view: CorpusView, ids: list[str], key: str) -> None:
    """Headline and first paragraph of each article, as Text A, B, C (outlet names masked) until revealed."""
    order = guess.shuffled(ids)
    shown = revealed(key)
    for k, aid in enumerate(order):
        aa = view.analyses[aid]
        terms = guess.mask_terms(view, aid)
        opening = aa.cleaned.parts_of("opening-line")
        title = guess.masked(aa.headline or (opening[0].text if opening else "(headline unknown)"), terms)[0]
        first = guess.masked(aa.body.text.split("\n\n")[0], terms)[0]
        label = f"Text {chr(65 + k)}"
        if shown:
            label += f" — {view.outlet_names[aa.article.outlet]}, {aa.article.date}"
        with st.container(border=True):
            st.markdown(f"**{md(label)}**")
            st.markdown(f"*{md(title)}*")
            st.markdown(md(first))


def spot_it(view: CorpusView, article_id: str, sentences: int, key: str) -> None:
    """Students mark words in a passage; the reveal sets their marks beside the detector's spans."""
    aa = view.analyses[article_id]
    text = aa.body.text
    start, end = spot.passage(text, aa.body.sentences, sentences)
    tokens = spot.passage_tokens(text, start, end)
    shown = guess.blanked(text, guess.mask_terms(view, article_id))  # outlet names blacked out, offsets unchanged
    st.caption("Select every word you would mark (click, or Tab to a word and press Space). Then reveal.")
    st.html(MARKED_CSS)
    marked = st.pills("Words of the passage", list(range(len(tokens))), selection_mode="multi",
                      format_func=lambda i: shown[tokens[i].start:tokens[i].end], key=f"marks_{key}")
    marked = set(marked or [])
    st.caption(f"You marked {len(marked)} word(s).")
    if not revealed(key):
        return
    table = spot.compare_marks(tokens, marked, aa.body.spans)
    counts = spot.summary(table)
    st.markdown(md(" · ".join(f"{who}: {n}" for who, n in counts.items())))
    st.caption("Not a score: the detector is a word list with rules. Where you and it disagree, say why.")
    st.html(spot.render_comparison(shown, start, end, table, aa.body.spans))
    table = table.assign(words=[shown[s:e] for s, e in zip(table["start"], table["end"])])
    widgets.table(table[list(SPOT_COLUMNS)].rename(columns=SPOT_COLUMNS), f"spot-marks-{key}", f"spot_table_{key}",
                  caption="Your marks and the detector's")


def guess_outlet(view: CorpusView, article_id: str, key: str) -> None:
    """A masked article; the class guesses its outlet; the reveal shows what gave it away."""
    aa = view.analyses[article_id]
    text, n = guess.masked(aa.body.text, guess.mask_terms(view, article_id))
    st.caption(f"Outlet names, byline and web addresses are masked ({n} place(s)); datelines and boilerplate "
               "were removed by cleaning.")
    with st.container(border=True):  # no fixed height: a scrolling box without focusable content traps keyboards
        for para in text.split("\n\n"):
            st.markdown(md(para))
    choice = st.radio("Your guess", guess.choices(view, article_id), index=None, format_func=view.outlet_names.get, key=f"guess_{key}",
                      horizontal=True)
    if choice is None:
        st.caption("Choose an outlet to be able to reveal the answer.")
        return
    if not revealed(key):
        return
    actual = aa.article.outlet
    name = view.outlet_names[actual]
    answer = f"it is {name} ({aa.article.date}, “{aa.display_title(name)}”)."
    if choice == actual:
        st.success(md(f"Right: {answer}"))
    else:
        st.warning(md(f"Not {view.outlet_names[choice]}: {answer}"))
    st.markdown("**Words this outlet uses more than the others** (log-odds with a Dirichlet prior over the whole "
                "corpus, z ≥ 1.96; a few articles prove little)")
    words = guess.distinctive_in_article(view, article_id)
    if words.empty:
        st.caption("No word of this article stands out.")
    else:
        widgets.table(words.rename(columns=GIVEAWAY_COLUMNS), f"giveaway-words-{name}", f"guess_words_{key}",
                      caption=f"Words {name} uses more than the others")
    names, others = guess.names_used(view, article_id, data.lexicon().packs)
    st.markdown(f"**How it names the actors** (and how many of the other outlets' {others:,} articles in the corpus "
                "use the same name)")
    widgets.table(names.rename(columns=GIVEAWAY_COLUMNS), f"giveaway-names-{name}", f"guess_names_{key}",
                  caption=f"How {name} names the actors")
    st.markdown("**Loaded words in its own voice** (not quoted)")
    widgets.table(guess.own_voice_loaded(view, article_id).rename(columns=SPAN_COLUMNS), f"giveaway-loaded-{name}",
                  f"guess_loaded_{key}", caption=f"Loaded words in {name}'s own voice")


def sources(view: CorpusView, ids: list[str], key: str) -> None:
    """Who each outlet quotes or paraphrases, with which verbs."""
    att = view.spans_of(ids, part="body", categories=["attribution"])
    shown = pd.DataFrame({"outlet": att["outlet"].map(view.outlet_names), "speaker": att["speaker"],
                          "role": att["affiliation"], "verb": att["text"], "verb tone": att["cue_tone"]})
    widgets.table(shown, f"sources-{key}", f"lesson_sources_{key}", caption="Who each outlet quotes or paraphrases")


def coverage(view: CorpusView, ids: list[str], key: str) -> None:
    """Sentences reported by every outlet, by some, or by one only."""
    rows = [{"outlet": view.outlet_of(a), "article_id": a, "text": body.text[s:e]}
            for a in ids for body in (view.text(a),) for s, e in zip(body.sentences["start"], body.sentences["end"])]
    if len({r["outlet"] for r in rows}) < 2:
        st.info("Only one outlet covers this selection.")
        return
    al = align(pd.DataFrame(rows))
    al["status"] = al["status"].str.replace(r"^only in (.*)$", lambda m: "only in " + view.outlet_names.get(m[1], m[1]),
                                            regex=True)
    summary = al.groupby(["outlet", "status"]).size().rename("sentences").reset_index()
    widgets.table(summary.assign(outlet=summary["outlet"].map(view.outlet_names)), f"coverage-{key}",
                  f"lesson_cover_{key}", caption="Sentences per outlet and status", downloads=False)


def voices(view: CorpusView, ids: list[str], term: str, key: str) -> None:
    """One term family in each outlet's own voice and in others' words."""
    spans = view.spans_of(ids, part="body", categories=["loaded"])
    occ = occurrences(spans, term, view.sentence)
    outlets = sorted({view.corpus.article(a).outlet for a in ids})
    table = who_says_it(occ, outlets)
    st.text(plain_summary(table, term, view.outlet_names))
    sentences = occ.assign(outlet=occ["outlet"].map(view.outlet_names))[["outlet", "voice", "speaker", "before",
                                                                          "match", "after"]]
    widgets.table(sentences, f"voices-{term}-{key}", f"lesson_voices_{key}",
                  caption=f"{term} in each outlet's own voice and in others' words")


def worksheet_downloads(view: CorpusView, lesson: Lesson) -> None:
    """The lesson's worksheet and its separate answer key, as HTML or PDF, on A4 or US Letter."""
    ids = lesson_articles(view, lesson)
    options = {k: v for k, v in view.selection_options().items()
               if (inside := set(view.articles_in(k)) & set(ids)) and inside <= set(ids)}
    c1, c2 = st.columns(2)
    # a radio, not a select box: a long event name wraps on a phone instead of being cut off
    chosen = c1.radio("Texts on the worksheet", list(options), format_func=options.get, key="ws_texts",
                      index=list(options).index(lesson.selection) if lesson.selection in options else 0)
    paper = c2.radio("Paper", list(worksheet.PAPERS), format_func={"a4": "A4", "letter": "US Letter"}.get,
                     key="ws_paper", horizontal=True)
    texts = [a for a in view.articles_in(chosen) if a in ids]
    st.caption(f"{len(texts)} text(s), outlets masked on the students' sheet; the answer key names them and lists "
               "every span.")

    def sheet() -> str:
        return worksheet.worksheet_html(view, texts, lesson.title, lesson, paper)

    def key() -> str:
        return worksheet.answer_key_html(view, texts, lesson.title, lesson, paper)

    ready = widgets.warm_renderer() is not None
    name = f"{lesson.id}-{paper}"
    cols = st.columns(4)
    cols[0].download_button("Worksheet (HTML)", data=lambda: sheet().encode("utf-8"), file_name=f"{name}-worksheet.html",
                            mime="text/html", key="ws_html", on_click="ignore")
    cols[1].download_button("Worksheet (PDF)", data=lambda: worksheet.to_pdf(sheet()), file_name=f"{name}-worksheet.pdf",
                            mime="application/pdf", key="ws_pdf", on_click="ignore", disabled=not ready,
                            help=None if ready else INSTALL_HINT)
    cols[2].download_button("Answer key (HTML)", data=lambda: key().encode("utf-8"), file_name=f"{name}-answer-key.html",
                            mime="text/html", key="ws_key_html", on_click="ignore")
    cols[3].download_button("Answer key (PDF)", data=lambda: worksheet.to_pdf(key()), file_name=f"{name}-answer-key.pdf",
                            mime="application/pdf", key="ws_key_pdf", on_click="ignore", disabled=not ready,
                            help=None if ready else INSTALL_HINT)
