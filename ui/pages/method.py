"""Method: what every number means, the lexicons and their sources, and the limits, for a class."""
import pandas as pd
import streamlit as st

from analysis.detect.lexicon import read_packs
from analysis.detect.loaded import load_model
from analysis.detect.ratings import read_resources
from analysis.present.glossary import CATEGORY_INFO, FEATURES, LEXICON_COLUMNS
from ui import data, widgets


def _model_figures() -> str:
    """The model's out-of-fold agreement with the BASIL experts, in words."""
    model = load_model()
    if model is None:
        return " (No weight file is installed, so the rules decide.)"
    oof = model.about.get("out_of_fold", {})
    a, b = oof.get("all_sentences", {}), oof.get("balanced_sentences", {})
    words = (f" On those unseen events it found {a.get('recall', 0):.0%} of the experts' words, and "
             f"{b.get('precision', 0):.0%} of its flags were experts' words in a mix of marked and unmarked sentences "
             f"({a.get('precision', 0):.0%} over all sentences, where experts marked few words).")
    top = oof.get("top_outlet_per_event")
    if not top:
        return words
    return words + (f" Ranking outlets on one event is weaker: the outlet with the most loaded words per 1,000 was "
                    f"also the experts' most loaded outlet in {top['agree']:.0f} of {top['events']} events, where "
                    f"chance alone would give about {top['chance']:.0f}. So treat a ranking of outlets as a question "
                    f"to check in the highlighted words, not as a verdict.")

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
st.header("What each highlight means")
for _cat, (name, letter, text) in CATEGORY_INFO.items():
    st.markdown(f"- **{name} [{letter}]** — {text}")
st.markdown("""
- **Why attribution matters.** Saying *who* said something lets readers judge it. Outlets differ in how much
  they attribute, to whom (officials, experts, other governments), whether sources are named, and which verb
  they use: *said* is neutral; *claimed* casts doubt; *admitted* implies a truth given up; *blasted* adds drama.
- **Four kinds of hedge.** A hedge says a claim may not be true. It can be *possible* ("may", "probably",
  "appears to"), *believed* by someone ("is thought to", "expected", "officials believe"), an *open question*
  ("whether", "investigating whether") or *conditional* ("if", "unless", "would have"); "allegedly" and
  "reportedly" keep a claim at a distance. These follow the uncertainty cues that linguists mark in news and
  encyclopedias (Szarvas et al. 2012; Hyland 2005).
- **Vague wording is not a hedge.** "About 40", "almost", "often", "mostly" blur how much or how often, but do not
  doubt *whether*. They are counted apart, marked V.
""")
st.header("Who is speaking")
st.markdown("""
A **cue** shows that words belong to someone: a verb of saying or thinking ("said", "told", "tweeted", "argued",
"believes", "plans to"), a stance ("is confident that"), an act of saying named by its noun ("raised concerns",
"issued a statement"), "reportedly", "according to", "in a statement", "in" before a poll ("38 percent in the
latest poll": the poll is the source), the dash that signs a quotation, or a colon before a quotation. The cue is
marked with its verb group ("has repeatedly said", "went on to say"). Where no speaker is named ("That suggests
..."), the cue still counts, with an unnamed speaker. The **speaker** is the
name or description next to the cue ("a US military official", "Geng Shuang, a Chinese foreign ministry
spokesman"). "He", "she", a surname ("De Blasio" for "Bill de Blasio") or "the general" are linked to the person
named before; "it" to a company or body named just before, never to a person; "they" to a group, never to one
person. A source whose name the text withholds ("a senior official, who asked not to be named", "two people familiar
with the matter") is marked anonymous.

Each speaker gets a **role** that works for any story: government official, legislator, military, party
politician, expert or academic, advocacy group, business, media, ordinary person, anonymous (no name and no role:
"sources said") or other (a name with no role in the text). The role comes only from the words the article uses
about the speaker ("Sen.", "professor", "Pentagon", "residents"), never from a list of who held which office, so
"Trump said" stays *other* unless the article calls him President. A country or capital that speaks ("North
Korea", "Beijing") is its government. The speaker's **country** and **party** are kept when the text gives them,
and the Sources page can break the share of quoted words down by either. A joint statement belongs to every side it
names, in alphabetical order whichever comes first ("US and South Korean officials": South Korea & United States),
so neither side is credited with the other's words.
""")
st.header("Every number")
widgets.table(pd.DataFrame([{"number": f.label, "unit": f.unit, "what it means": f.explanation} for f in FEATURES.values()]),
              "glossary", "glossary_table", caption="Every number", downloads=False)
st.header("The word lists")
lex = data.lexicon()
entries = pd.DataFrame([e.__dict__ for e in lex.entries])
packs = read_packs()
st.caption(f"Lexicon version {lex.version}: {len(entries)} entries, each with the work it comes from. "
           "They are CSV files in analysis/data/ that anyone can read and edit"
           + (f"; your own folder {lex.user_dir} is laid over them." if lex.user_dir else "."))
st.markdown(f"""
**Loaded wording** is found in three ways, and every highlight says which one and why:

1. **The core list** (analysis/data/loaded.csv) holds wording that frames in any story: *name-calling* ("thug",
   "crooked"), *contentious labels* ("regime", "so-called", "extremists" — Wikipedia's "words to watch"), *emotive*
   words ("outrageous", "vile"), *exaggeration* ("whopping", "skyrocketed"), *hostile verbs of saying* ("slammed",
   "lambasted", "fired back"), *loaded words for actions* ("rammed through", "power grab", "witch hunt", "doubled down"),
   *one-sided terms* ("tax relief", "death tax"), *idioms* of fights and wrecks ("under fire", "train wreck"),
   *editorializing* ("tragically", "conveniently"), *euphemisms*
   ("collateral damage") and *puffery* ("legendary", "world-class"). Each entry names its source: the SemEval-2020
   propaganda definitions (loaded language, name calling, exaggeration), Wikipedia's Manual of Style "Words to
   watch", Recasens et al. 2013 on one-sided terms, Quirk et al. 1985 on intensifiers, the AP Stylebook. A word with
   a common literal use carries a rule: "toxic" is not flagged before "waste", "slapped" only before sanctions,
   tariffs or fines.
2. **Topic packs** add the words of one kind of story. Switched on now: {", ".join(lex.packs) or "none"}
   (available: {"; ".join(f"{p.name} — {p.title}" for p in packs.values()) or "none"}). Packs are chosen with
   FRAMING_LENS_PACKS or `--packs`.
3. **Published ratings.** Two sentiment lexicons rate thousands of words: VADER (Hutto & Gilbert 2014, −4 to +4,
   MIT licence) and Pattern's subjectivity lexicon (De Smedt & Daelemans 2012, PDDL). A word rated far from neutral
   is a *candidate*; the highlight shows its rating as the reason, e.g. "VADER rates 'scathing' −2.4 on a scale from −4 (very negative) to +4 (very positive)".

**Strength.** *Strong* words judge in almost any use (insults, "outrageous", "slammed"); *moderate* ones can be
plain description in some uses ("massive", "crisis", "regime"), so context decides. The Read page can show the
strong ones only.

**Context rules** decide whether a match frames or is used literally, the same way for every topic: a negated word
("did not slam") is not counted, but "not only slammed" is, and so is a word describing what a negated verb acts on
("cannot pick crazy people"); a word inside a capitalised name ("the Freedom Caucus", "the Affordable Care Act")
is a name; a label in an established term for an event or category ("terrorist attacks", "terrorist
organization") is not applied to anyone, while "a terrorist regime" is; verbs of saying ("said", "accused",
"claimed") are attributions, shown with their tone on the Sources page, and count as loaded only when hostile
("slammed", "lambasted"), not when a sentiment list merely rates them ("criticized", "denied", "warned"); words
that name events, harms, contests or failures ("killed", "crash", "won", "banned") are not loaded just because a
sentiment list rates them, and neither is a listed word whose own rule found a literal use ("toxic waste") or a
rated word inside a fixed expression or the name of an office or legal category ("as well as", "grand jury",
"super PAC", "their own"). Pattern's list rates adjectives, so its rating counts only where the word is one ("an
absurd demand", not "confirmed the report"). Everyday words a sentiment list rates are checked too: the model
weighs how common a word is.

**The model.** For a rated word, a small statistical model (logistic regression) weighs the context: the ratings,
the part of speech (Pattern's tagger), whose voice it is, whether it is quoted or negated, what it is applied to,
where it stands in the sentence — never which word it is. Each highlight shows its *model score* (0–1); rated words
below the threshold are not shown, words from the hand-made lists always are (with their score). It was trained on
BASIL (Fan et al. 2019: 300 news articles with loaded wording marked by experts) and tested on events it had not
seen.{_model_figures()} With FRAMING_LENS_LOADED_MODEL=off (or `--no-model`), or without the weight file, the rules
alone decide and a rated word counts only when it is strongly rated and used as an adjective or adverb.

**Your own words.** Put CSV files in the same format in a folder and point FRAMING_LENS_LEXICON (or `--lexicon`)
at it: a row with the same term replaces the bundled one, a row with `enabled` = no switches a bundled term off, any
other row (with a new subcategory if you like) is added. The package itself is never edited.
""")
plain = {k: name for k, (name, _) in LEXICON_COLUMNS.items()}
counts = entries.groupby(["file", "category", "subcategory"]).size().reset_index(name="entries")
widgets.table(counts.rename(columns=plain), "lexicon-entries-per-category", "lexicon_counts",
              caption="Entries per file and category", downloads=False)
pick = st.selectbox("Show the entries of", sorted(entries["file"].unique()), key="lexicon_file")
widgets.table(entries[entries["file"] == pick][["term", "subcategory", "strength", "tone", "rule", "note",
                                                  "neutral_alternative", "source", "pack"]].rename(columns=plain),
              f"lexicon-{pick}", "lexicon_table")
widgets.table(pd.DataFrame([r.__dict__ for r in read_resources().values()]).rename(columns=plain), "rating-resources",
              "rating_resources", caption="Published ratings and their thresholds", downloads=False)
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
- **Naming.** How each outlet names the same countries ("North Korea", "Pyongyang", "North Korean"; a capital inside
  a longer name, "the Washington Post", does not count), the same people ("Donald Trump", "Trump", "Mr. Trump",
  "President Trump", "the Trump administration": the same for anyone, in any year; "Kim Jong Un" and "Kim" are one
  person, since the text uses the family name alone) and the actors and actions of the
  editable alias files (analysis/data/aliases.csv, and a topic pack's own list while the pack is on: "the Kim
  regime", "show of force", "training mission").
- **Who calls whom.** For each loaded term, the actor its sentence aims it at (the nearest actor named before
  it, never the speaker's own side), and whether the outlet says it or quotes someone.
- **Left out.** What each outlet includes and leaves out: each sentence is matched with the most similar sentence
  of every other outlet (word overlap weighted by rarity, TF-IDF): facts reported by all, by some, or by one outlet
  only.
- **Error bars.** Each outlet's rate is recomputed 1,000 times on sentences drawn at random from its own articles;
  the bar covers the middle 95% of those rates. Where the outlets' bars overlap, the page says the difference is
  within noise.

### Limits — read before drawing conclusions
- **Word lists miss things and catch some wrong ones.** Irony, new slang, and framing done by choosing which facts
  to report are invisible to a word list. A flagged word is a prompt to discuss, not proof of bias.
- **Who is speaking is worked out with rules** (quotation marks, verbs of saying, "according to", "criticized by").
  Compared with expert annotations of US campaign news, about 2 in 3 of the experts' attribution cues are found
  and about 84% of those found are right; the speaker's name matches for about 9 in 10 of the cues found. Long or
  unusual sentences can be misread; pronouns ("he said") are linked to the last person speaking or named.
- **Hedges** agree with expert marks on about 8 in 10 words in encyclopedia text; news may differ.
- **Five articles prove little.** Differences between a few short articles can come from a single sentence.
- **Readability and tone are formulas.** Reading grade uses sentence and word length; tone (VADER) uses a list
  of positive and negative words made for social media, not for news.
- **No single bias score, no left-right scale.** The tool shows wording; judging it is the class's job.
- **Even-handed by design:** the same words get the same highlights whichever country, outlet or person they are about.
""")
