"""Method: what every number means, the lexicons and their sources, and the limits, for a class."""
import pandas as pd
import streamlit as st

from analysis.detect.lexicon import load_lexicon
from analysis.present.glossary import CATEGORY_INFO, FEATURES
from ui import widgets

st.title("How Framing Lens works")
st.markdown("""
Framing Lens reads news articles and **highlights words**: every number on the other pages is a count of
highlighted words, so you can always ask *"which words made this number?"* and see them.

**The steps.** The raw article is **cleaned** (video captions, datelines, subscription appeals and footers are
removed, and every removal is listed on the Read page). The text is split into **sentences** and
**quotations**. Then each word is looked up in hand-made **word lists (lexicons)**, and the tool works out
**who is speaking**: the outlet itself, or someone it quotes or reports.

**Voice.** The same word means something different in the outlet's own voice and in a quotation.
*"North Korea called the drills provocative"* reports a view; *"the provocative drill"* states one.
Every highlighted word therefore says whether it is in the **outlet's own voice** (solid underline) or
**attributed** to a speaker (dotted underline, marked ·q).

**"Per 1,000 words."** Articles have different lengths, so counts are divided by the number of words and
multiplied by 1,000: "4.0 loaded terms per 1,000 words" means about 4 in an article of 1,000 words, or 2 in one of 500.
For an outlet, all its articles are pooled first (all matches ÷ all words), so a long article counts more than a short one.
""")
st.subheader("What each highlight means")
for _cat, (name, letter, text) in CATEGORY_INFO.items():
    st.markdown(f"- **{name} [{letter}]** — {text}")
st.markdown("""
- **Why attribution matters.** Saying *who* said something lets readers judge it. Outlets differ in how much
  they attribute, to whom (officials, experts, other governments), whether sources are named, and which verb
  they use: *said* is neutral; *claimed* casts doubt; *admitted* implies a truth given up; *blasted* adds drama.
""")
st.subheader("Every number")
st.dataframe(pd.DataFrame([{"number": f.label, "unit": f.unit, "what it means": f.explanation} for f in FEATURES.values()]),
             hide_index=True, key="glossary_table")
st.subheader("The word lists")
lex = load_lexicon()
entries = pd.DataFrame([e.__dict__ for e in lex.entries])
st.caption(f"Lexicon version {lex.version}: {len(entries)} entries, each with the work it comes from. "
           "They are CSV files in analysis/data/ that anyone can read and edit.")
counts = entries.groupby(["file", "category", "subcategory"]).size().reset_index(name="entries")
st.dataframe(counts, hide_index=True, key="lexicon_counts")
pick = st.selectbox("Show the entries of", sorted(entries["file"].unique()), key="lexicon_file")
widgets.table(entries[entries["file"] == pick][["term", "subcategory", "tone", "rule", "note", "neutral_alternative",
                                                  "source"]], f"lexicon-{pick}", "lexicon_table")
st.markdown("""
A `*` at the end of a term matches any ending (*provocat\\** matches provocative, provocatively, provocation).
A **rule** limits a match, e.g. *may* counts as a hedge only in lower case (not the month May), *appear* only
before "to" or "that", *clearly* not after "very" or "spoke".

### Comparing in depth (the Depth page)
- **Distinctive words.** For every word, how much more often one outlet uses it than the others, as a *log-odds
  ratio*. A word used once can look very distinctive by accident, so the method (Monroe, Colaresi & Quinn 2008,
  "Fightin' Words") adds a *prior*: it pretends every outlet also used each word a little, in proportion to how
  common the word is overall. The *z-score* says how sure we can be. To show how little a few articles prove, the
  tool also shuffles the articles between the outlets many times and reports how large z gets *by chance alone*.
- **Naming.** How each outlet names the same actors ("North Korea", "Pyongyang", "the Kim regime") and the flights
  ("training mission", "show of force", "provocative drill"), counted from the editable file analysis/data/aliases.csv.
- **Who calls whom what.** For each loaded term, the actor its sentence aims it at (the nearest actor named before
  it, never the speaker's own side), and whether the outlet says it or quotes someone.
- **Included and left out.** Each sentence is matched with the most similar sentence of every other outlet
  (word overlap weighted by rarity, TF-IDF): facts reported by all, by some, or by one outlet only.
- **Error bars.** Each outlet's rate is recomputed 1,000 times on sentences drawn at random from its own articles;
  the bar covers the middle 95% of those rates. Where the outlets' bars overlap, the page says the difference is
  within noise.

### Limits — read before drawing conclusions
- **Word lists miss things and catch some wrong ones.** Irony, new slang, and framing done by choosing which facts
  to report are invisible to a word list. A flagged word is a prompt to discuss, not proof of bias.
- **Who is speaking is worked out with rules** (quotation marks, "said", "according to", "criticized by"). Long or
  unusual sentences can be misread; pronouns ("he said") are linked to the nearest named person.
- **Five articles prove little.** Differences between a few short articles can come from a single sentence.
- **Readability and tone are formulas.** Reading grade uses sentence and word length; tone (VADER) uses a list
  of positive and negative words made for social media, not for news.
- **No single bias score, no left-right scale.** The tool shows wording; judging it is the class's job.
- **Even-handed by design:** the same words get the same highlights whichever country, outlet or person they are about.
""")
