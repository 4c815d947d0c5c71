"""Depth: distinctive words, naming, who calls whom what, and what each outlet includes or leaves out."""
import streamlit as st

from analysis.measure.coverage import TooLarge
from analysis.present.charts import distinctive_words, who_targets_whom
from analysis.present.glossary import DISTINCTIVE_COLUMNS, plain_columns, readable_status
from ui import data, state, widgets
from ui.safe import md

view = data.view()
ctx = widgets.page_start(view, "Comparative depth")
ids, names = ctx.article_ids, view.outlet_names
outlets = sorted({view.outlet_of(a) for a in ids})
tab_words, tab_names, tab_targets, tab_cover = widgets.url_tabs(
    ["Distinctive words", "Naming", "Who calls whom", "Left out"], "tab")

with tab_words:
    st.caption("Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): how much more "
               "an outlet uses a word than the others, with z-scores that account for how often the word is used at all.")
    if len(outlets) < 2:
        st.info("Choose a selection with at least two outlets to find distinctive words.")
    else:
        c1, c2 = st.columns(2)
        focus = widgets.url_selectbox(c1, "Outlet", outlets, "focus", outlets[0], format_func=names.get)
        versus = widgets.url_selectbox(c2, "Against", ["rest"] + [o for o in outlets if o != focus], "versus", "rest",
                                       format_func=lambda o: "all the others" if o == "rest" else names.get(o, o))
        other = None if versus == "rest" else versus
        house = widgets.url_toggle(st, "Leave out stop-words, the outlets' own names and datelines", "house", True,
                                   help="Words such as 'the' and 'of', 'Fox' or 'CNN', and 'WASHINGTON —' say "
                                        "more about house style than about framing. Verbs of saying stay: how "
                                        "often an outlet writes 'said' is how much it attributes.")
        table, chance = data.distinctive_words(view, ids, focus, other, house)
        observed = float(table["z"].max()) if len(table) else 0.0
        widgets.chart(distinctive_words(table, names[focus], chance, ctx.caption), f"distinctive-{focus}", "dw_chart")
        verdict = ("No word is more distinctive than chance alone makes words look" if observed <= chance
                   else "Only the words beyond the dashed line stand out more than chance alone would make them")
        st.markdown(f"**What chance alone does.** Shuffling the {len(ids)} articles between the outlets 200 times "
                    f"(seed 0), the largest z stays below {chance:.2f} in 95% of shuffles (1 shuffle in 20 reaches it "
                    f"by chance alone); the largest observed z is {observed:.2f}. {verdict}.")
        widgets.table(table.head(200).round(3).rename(columns={k: v[0] for k, v in DISTINCTIVE_COLUMNS.items()}),
                      f"distinctive-{names[focus]}-vs-{names[other] if other else 'the-rest'}", "dw_table",
                      notes=dict(DISTINCTIVE_COLUMNS.values()), caption="Distinctive words")
        word = st.selectbox("See a word in context", [""] + list(table["word"].head(50)), key="dw_word")
        if word:
            state.put("term", word)
            st.page_link("ui/pages/terms.py", label=f"Open “{md(word)}” on the Terms page", icon=":material/search:")

with tab_names:
    st.caption("How each outlet names countries (name, capital, demonym), the people it names in full (full name, "
               "last name alone, 'Mr.', office) and the actors and actions of the editable alias files "
               "(analysis/data/aliases.csv and the topic packs' own): counts of uses. People named only one way "
               "are left out.")
    matrix = data.naming(view, ids).rename(columns=names)
    widgets.table(matrix, "naming", "naming_table", caption="How each outlet names the actors")

with tab_targets:
    st.caption("For each loaded term, whom its sentence aims it at (the person or actor after a verb like 'accused', "
               "else the nearest one named before it; never the speaker or the speaker's own country), and who says "
               "it: the outlet itself or someone it quotes.")
    tg = data.aimed_at(view, ids)
    if tg.empty:
        st.info("No loaded terms in the selected articles.")
    else:
        widgets.chart(who_targets_whom(tg, names, ctx.caption), "who-calls-whom", "targets_chart")
        widgets.table(plain_columns(tg.assign(outlet=tg["outlet"].map(names))[
                          ["outlet", "term", "voice", "speaker", "affiliation", "country", "target", "target_named_as"]]),
                      "targets", "targets_table")

with tab_cover:
    st.caption("Sentences of each outlet matched to the most similar sentence of every other outlet covering the same "
               "event (TF-IDF, cosine similarity ≥ 0.25): facts reported by all, by some, or by one outlet only.")
    if len(outlets) < 2:
        st.info("Choose a selection with at least two outlets.")
    else:
        try:
            al = data.aligned(view, ids)
        except TooLarge as exc:
            st.info(f"{exc}.")
            st.stop()
        summary = al.groupby(["outlet", "status"]).size().rename("sentences").reset_index()
        widgets.table(summary.assign(outlet=summary["outlet"].map(names),
                                     status=summary["status"].map(lambda s: readable_status(s, names))),
                      "coverage-summary", "cover_summary", caption="Sentences per outlet and status",
                      downloads=False)
        status = st.selectbox("Show", sorted(al["status"].unique()), key="cover_status",
                              format_func=lambda s: readable_status(s, names))
        shown = al[al["status"] == status]
        found = shown["found_in"].map(lambda f: ", ".join(names.get(o.strip(), o.strip()) for o in f.split(",") if o.strip()))
        keep = ["outlet", "text", "found_in", "best_match", "similarity"] if found.str.len().gt(0).any() else ["outlet", "text"]
        widgets.table(shown.assign(outlet=shown["outlet"].map(names), found_in=found)[keep].rename(
                          columns={"text": "sentence", "found_in": "also in", "best_match": "closest sentence there"}),
                      "coverage", "cover_table")
