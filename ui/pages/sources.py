"""Sources: who is quoted or paraphrased, per outlet: by role, and by country or party."""
import streamlit as st

from analysis.detect.speakers import role_names
from analysis.measure.compare import attributed_shares
from ui import data, widgets
from ui.figures import share_by, voice_share

view = data.view()
ctx = widgets.page_start(view, "Who gets to speak")
article_ids, outlets = ctx.article_ids, ctx.outlets
widgets.chart(voice_share(ctx.table, view.outlet_names, list(role_names()), ctx.caption), "share-of-voice", "voice_chart")
st.caption("Share of the words each outlet attributes to speakers (quoted or paraphrased), by the speaker's role: "
           "government official, legislator, military, party politician, expert, advocacy group, business, media, "
           "ordinary person, anonymous. Roles come from the words the article itself uses about the speaker "
           "(analysis/data/affiliations.csv, editable).")
att = view.spans_of(article_ids, part="body", categories=["attribution"])
second = st.radio("Second breakdown", ["country", "party"], horizontal=True, key="src_breakdown",
                  format_func=lambda c: f"by the speaker's {c}")
widgets.chart(share_by(attributed_shares(att, second), view.outlet_names, second, ctx.caption), f"share-by-{second}",
              "breakdown_chart")
st.caption(f"The same words by the speaker's {second}, where the article states it ('a Chinese foreign ministry "
           "spokesman', 'Republican Sen.'); '(not stated)' when it does not.")
c1, c2, c3 = st.columns(3)
pick_outlets = c1.multiselect("Outlet", outlets, default=outlets, format_func=view.outlet_names.get, key="src_outlets")
roles = [r for r in role_names() if r in set(att["affiliation"])]
pick_roles = c2.multiselect("Role", roles, default=roles, key="src_affs")
countries = sorted(set(att["country"].replace("", "(not stated)")))
pick_countries = c3.multiselect("Country", countries, default=countries, key="src_countries")
att = att[att["outlet"].isin(pick_outlets) & att["affiliation"].isin(pick_roles)
          & att["country"].replace("", "(not stated)").isin(pick_countries)]
att["said"] = [view.text(a).text[s:e] for a, s, e in zip(att["article_id"], att["scope_start"], att["scope_end"])]
att["outlet"] = att["outlet"].map(view.outlet_names)
att["form"] = att["direct"].map({True: "direct (quoted)", False: "indirect (paraphrase)"})
# who, then what they are said to have said (the column a reader came for), then how the outlet attributes it
widgets.table(att[["outlet", "speaker", "said", "affiliation", "country", "party", "text", "cue_tone", "form",
                   "anonymous"]].rename(columns={"affiliation": "role", "text": "cue", "cue_tone": "cue tone",
                                                 "said": "what is attributed"}), "attributions", "src_table")
st.caption(f"{len(att)} attributions. Cue tone: neutral ('said'), doubt ('claimed'), truth ('admitted'), hostile ('blasted').")
