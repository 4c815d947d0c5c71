"""Sources: who is quoted or paraphrased, per outlet."""
import streamlit as st

from analysis.detect.speakers import AFFILIATIONS
from analysis.present.charts import voice_share
from ui import data, widgets

view = data.view()
ctx = widgets.page_start(view, "Who gets to speak")
article_ids, outlets = ctx.article_ids, ctx.outlets
widgets.chart(voice_share(ctx.table, view.outlet_names, list(AFFILIATIONS), ctx.caption), "share-of-voice", "voice_chart")
st.caption("Share of the words each outlet attributes to speakers (quoted or paraphrased), by the speaker's affiliation. "
           "Affiliations come from the editable file analysis/data/affiliations.csv.")
att = view.spans[view.spans["article_id"].isin(article_ids) & (view.spans["category"] == "attribution")
                 & (view.spans["part"] == "body")].copy()
c1, c2 = st.columns(2)
pick_outlets = c1.multiselect("Outlet", outlets, default=outlets, format_func=view.outlet_names.get, key="src_outlets")
affs = sorted(set(att["affiliation"]))
pick_affs = c2.multiselect("Affiliation", affs, default=affs, key="src_affs")
att = att[att["outlet"].isin(pick_outlets) & att["affiliation"].isin(pick_affs)]
att["said"] = [view.analyses[a].body.text[s:e] for a, s, e in zip(att["article_id"], att["scope_start"], att["scope_end"])]
att["outlet"] = att["outlet"].map(view.outlet_names)
att["form"] = att["direct"].map({True: "direct (quoted)", False: "indirect (paraphrase)"})
widgets.table(att[["outlet", "speaker", "affiliation", "text", "cue_tone", "form", "anonymous", "said"]].rename(
    columns={"text": "cue", "cue_tone": "cue tone", "said": "what is attributed"}), f"attributions-{ctx.selection}", "src_table")
st.caption(f"{len(att)} attributions. Cue tone: neutral ('said'), doubt ('claimed'), truth ('admitted'), hostile ('blasted').")
