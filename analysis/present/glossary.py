"""Plain-language names, units and explanations of every feature and category, for screens and reports."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.measure.uncertainty import within_noise


@dataclass(frozen=True)
class FeatureInfo:
    """How to show a feature: label, unit (the normalisation base), explanation, and the spans behind it."""
    name: str
    label: str
    unit: str
    explanation: str
    category: str = ""
    voice: str = ""
    fmt: str = "{:.1f}"


CATEGORY_INFO = {
    "loaded": ("Loaded term", "L", "Emotive, derogatory, exaggerating or otherwise evaluative wording (\"outrageous\", "
               "\"regime\", \"so-called\", \"slammed\"); strong or moderate."),
    "hedge": ("Hedge", "H", "Wording that presents a claim as uncertain: possible (\"may\", \"apparently\"), believed "
                            "(\"is thought to\", \"expected\"), open (\"whether\") or conditional (\"if\", \"unless\")."),
    "vague": ("Vague wording", "V", "Wording that blurs how much or how often without doubting whether (\"about 40\", "
                                   "\"often\", \"mostly\")."),
    "booster": ("Booster", "B", "Wording that stresses certainty (\"clearly\", \"in fact\", \"effectively\")."),
    "attribution": ("Attribution", "A", "A verb or phrase that says who said something (\"said\", \"according to\", \"claimed\")."),
    "quote": ("Quotation", "Q", "Words in quotation marks: a speaker's own words, scare quotes that keep a word at a distance, or a title ('Meet the Press')."),
}
VOICE_INFO = {
    "author": "the outlet's own words",
    "attributed": "inside a quotation or a statement attributed to someone",
}

FEATURES = {f.name: f for f in [
    FeatureInfo("loaded_author_per_1k", "Loaded terms, outlet's own voice", "per 1,000 words",
                "How often the outlet itself uses loaded words, outside quotations and attributed statements.",
                "loaded", "author"),
    FeatureInfo("loaded_attributed_per_1k", "Loaded terms, in quotes or attributed", "per 1,000 words",
                "How often loaded words appear in what the outlet reports others saying.", "loaded", "attributed"),
    FeatureInfo("loaded_per_1k", "Loaded terms, all", "per 1,000 words", "All loaded words, whoever says them.", "loaded"),
    FeatureInfo("loaded_strong_per_1k", "Strong loaded terms", "per 1,000 words",
                "Loaded words that judge in almost any use (insults, 'outrageous', 'slammed'), whoever says them.",
                "loaded"),
    FeatureInfo("hedge_per_1k", "Hedges", "per 1,000 words", "Words that soften or doubt a claim.", "hedge"),
    FeatureInfo("hedge_author_per_1k", "Hedges, outlet's own voice", "per 1,000 words",
                "Hedges the outlet uses itself.", "hedge", "author"),
    FeatureInfo("hedge__condition_per_1k", "Conditions", "per 1,000 words",
                "Hedges that make a claim hold only under a condition (\"if\", \"unless\", \"would have\").", "hedge"),
    FeatureInfo("vague_per_1k", "Vague wording", "per 1,000 words",
                "Approximations and generalisations (\"about 40\", \"often\", \"mostly\").", "vague"),
    FeatureInfo("booster_per_1k", "Boosters", "per 1,000 words", "Words that stress certainty.", "booster"),
    FeatureInfo("booster_author_per_1k", "Boosters, outlet's own voice", "per 1,000 words",
                "Boosters the outlet uses itself.", "booster", "author"),
    FeatureInfo("attribution_per_100w", "Attributions", "per 100 words",
                "How many times the outlet says who said something, per 100 words.", "attribution", fmt="{:.2f}"),
    FeatureInfo("attribution_density", "Attribution density", "share of sentences (0-1)",
                "Share of sentences that report what someone said.", "attribution", fmt="{:.2f}"),
    FeatureInfo("quote_share", "Words in quotation marks", "share of words (0-1)",
                "Share of the article's words that are direct quotations (scare quotes and quoted titles not counted).", "quote",
                fmt="{:.2f}"),
    FeatureInfo("anonymous_share", "Anonymous attributions", "share of attributions (0-1)",
                "Share of attributions to unnamed sources (\"a US military official\", \"experts\").", "attribution",
                fmt="{:.2f}"),
    FeatureInfo("loaded_cue_share", "Loaded verbs of saying", "share of attributions (0-1)",
                "Share of attributions that use a verb other than a neutral one (\"claimed\", \"insisted\", \"blasted\").",
                "attribution", fmt="{:.2f}"),
    FeatureInfo("speakers_distinct", "Distinct speakers", "speakers", "How many different people or bodies are quoted or paraphrased.",
                "attribution", fmt="{:.0f}"),
    FeatureInfo("flesch_kincaid_grade", "Reading grade (Flesch-Kincaid)", "US school grade",
                "Years of schooling needed to read the text easily: longer sentences and longer words raise it."),
    FeatureInfo("flesch_reading_ease", "Reading ease (Flesch)", "0-100, higher is easier",
                "Higher means easier to read."),
    FeatureInfo("gunning_fog", "Gunning fog index", "years of schooling", "Another readability grade, based on long words."),
    FeatureInfo("tone_mean_compound", "Tone (VADER)", "-1 negative to +1 positive",
                "Average tone of the sentences, from VADER's word list of positive and negative words.", fmt="{:.2f}"),
    FeatureInfo("tone_negative_share", "Negative sentences", "share of sentences (0-1)",
                "Share of sentences whose VADER tone is negative.", fmt="{:.2f}"),
    FeatureInfo("words", "Words", "words", "Words in the article body (headline and highlights are counted apart).", fmt="{:.0f}"),
]}

CARD_FEATURES = ["loaded_author_per_1k", "loaded_attributed_per_1k", "hedge_per_1k", "booster_per_1k",
                 "attribution_density", "quote_share", "flesch_kincaid_grade", "tone_mean_compound"]
CHART_FEATURES = ["loaded_author_per_1k", "loaded_attributed_per_1k", "hedge_per_1k", "booster_per_1k"]


def behind_words(feature: str, counted: int, of: int, words: int) -> str:
    """What the table of spans under a number holds, in words ('These are the 3 highlighted words behind it ...')."""
    if FEATURES[feature].unit.startswith("share of attributions"):
        return f"These are the {counted} of its {of} attributions that the share counts:"
    if feature == "speakers_distinct":
        return f"These are its {counted} attributions; the number counts their different speakers:"
    if feature == "attribution_density":
        return f"These are its {counted} attributions; the number is the share of its sentences that hold one:"
    return f"These are the {counted} highlighted words behind it (out of {words:,} words):"


def axis_title(feature: str) -> str:
    """Axis title with the normalisation base, e.g. 'Hedges (per 1,000 words)'."""
    f = FEATURES[feature]
    return f"{f.label} ({f.unit})"


COUNT_LABELS = {"loaded_n": "Loaded terms", "loaded_author_n": "Loaded terms in the writer's own voice",
                "loaded_attributed_n": "Loaded terms quoted or attributed", "hedge_n": "Hedges",
                "vague_n": "Vague wording", "booster_n": "Boosters", "attribution_n": "Attributions",
                "attribution_anonymous_n": "Anonymous sources",
                "attribution_loaded_cue_n": "Loaded verbs of saying (claimed, insisted, blasted)", "words": "Words"}


def label_and_unit(feature: str, kind: str = "rate") -> tuple[str, str]:
    """How a feature is named on the pages and the unit its value is in ('count' for a count)."""
    label = COUNT_LABELS.get(feature) or FEATURES[feature].label
    return label, "count" if kind == "count" else FEATURES[feature].unit


def format_value(feature: str, value: float) -> str:
    """A feature value formatted as shown on cards and tables."""
    return FEATURES[feature].fmt.format(value) if feature in FEATURES else f"{value:.2f}"


# Distinctive words (Depth): raw column -> (plain name, what it means), for the table header and its tooltip.
DISTINCTIVE_COLUMNS = {
    "word": ("Word", "The word, in lower case"),
    "count": ("Times here", "How many times this outlet uses the word"),
    "count_other": ("Times in the others", "How many times the outlet(s) it is compared with use the word"),
    "per_1k": ("Per 1,000 words here", "Uses per 1,000 counted words of this outlet (with the toggle on, stop-words, "
               "the outlets' names and datelines are not counted)"),
    "per_1k_other": ("Per 1,000 words in the others", "Uses per 1,000 counted words of the outlet(s) compared with"),
    "log_odds": ("How much more often (log-odds)", "Log-odds ratio with an informative Dirichlet prior (Monroe et "
                 "al. 2008): above 0, this outlet uses the word more often than the others"),
    "z": ("How sure (z)", "The log-odds divided by its standard error: the larger, the less likely chance alone; "
          "compare it with the z that shuffling the articles reaches"),
}
# Span tables: raw column -> plain name; the words, then why they are flagged and where they stand, so a class reads
# them without scrolling sideways; then whose words, and the lexicon's details
SPAN_COLUMNS = {"text": "Words", "note": "Why it is flagged", "context": "In context",
                "neutral_alternative": "Neutral alternative", "voice": "Voice", "speaker": "Speaker",
                "affiliation": "Role", "country": "Country", "category": "Category", "subcategory": "Kind",
                "strength": "Strength", "score": "Model score", "source": "Lexicon source"}
# Guess the outlet: the words that gave an article's outlet away, raw column -> plain name.
GIVEAWAY_COLUMNS = {"word": "Word", "in_this_article": "Times in this article",
                    **{k: DISTINCTIVE_COLUMNS[k][0] for k in ("per_1k", "per_1k_other", "z")},
                    "actor": "Actor", "name": "Name used", "uses": "Times in this article",
                    "other_articles": "Other outlets' articles using it"}
# Spot it yourself: the reveal's table, raw column -> plain name (the words, who marked them and why first)
SPOT_COLUMNS = {"words": "Words", "who": "Marked by", "why": "Why it is flagged",
                "neutral_alternative": "Neutral alternative", "category": "Category", "kind": "Kind", "voice": "Voice"}
# Method's lexicon tables: raw column -> (plain name, what it means), for the header and its tooltip.
LEXICON_COLUMNS = {
    "file": ("File", "The lexicon file in analysis/data (or the user's lexicon folder)"),
    "category": ("Category", "loaded, hedge, booster or attribution"),
    "subcategory": ("Kind", "Subcategory within the category"),
    "entries": ("Entries", "How many terms of this kind the file holds"),
    "term": ("Term", "The word or phrase; a * at the end matches any ending"),
    "strength": ("Strength", "strong (judges in almost any use) or moderate (context decides)"),
    "tone": ("Tone", "For a verb of saying: neutral, doubt, truth or hostile"),
    "rule": ("When it counts", "A rule that limits the match (case, the word before or after)"),
    "note": ("Why it is flagged", "The explanation a class reads beside the highlight"),
    "neutral_alternative": ("Neutral alternative", "A plainer wording, where one exists"),
    "source": ("Source", "The published work the entry comes from"),
    "pack": ("Topic pack", "Empty for the general core; else the topic pack the entry belongs to"),
    "name": ("Resource", "A published list of word ratings"),
    "candidate": ("Checked from", "The rating from which a word is checked in context"),
    "strong": ("Strong from", "The rating from which a word counts as strong"),
    "licence": ("Licence", "Under which terms the ratings are shipped"),
}
# Draft check's phrase table: plain column name -> what it means.
PHRASE_NOTES = {"Phrase": "The flagged word or phrase", "Try instead": "A plainer wording, where the lexicon has one",
                "In B": "added (B has it more often than A) or removed", "Times": "How many more (or fewer) times"}

# Internal column names of the pages' tables -> the plain names a reader sees (features get their label and unit)
PLAIN_COLUMNS = {"words": "Word count", "articles": "Articles", "loaded_n": "Loaded terms", "affiliation": "Role",
                 "target": "Aimed at", "target_named_as": "Named as", "flagged_as": "Flagged as"}


def heading(name) -> str:
    """A table's column name as a reader sees it and the downloads hold it: starting with a capital ('outlet':
    'Outlet'), the rest as written, so no table mixes raw-looking names with labelled ones."""
    name = str(name)
    return name[:1].upper() + name[1:]


# A span's voice as the tables say it (the Read page's legend: solid = own voice, dotted = quoted or attributed)
VOICE_WORDS = {"author": "own voice", "attributed": "quoted or attributed"}


def plain_values(df):
    """The table with its Voice and Category columns in words ('own voice', 'Loaded term'), not as the internal
    values 'author' and 'loaded'; other values (already in words, or empty) as they are."""
    words = {"Voice": VOICE_WORDS, "Category": {c: label for c, (label, _, _) in CATEGORY_INFO.items()}}
    return df.assign(**{c: df[c].map(lambda v, m=m: m.get(v, v)) for c, m in words.items() if c in df.columns})


def plain_columns(df):
    """The table with plain column names: PLAIN_COLUMNS, and 'Label (unit)' for a feature."""
    return df.rename(columns={c: PLAIN_COLUMNS.get(c) or (axis_title(c) if c in FEATURES else c) for c in df.columns})


# What each column means (the XLSX's second sheet), by the column's heading (see `heading`)
COLUMN_NOTES = {
    "Words": "The highlighted words",
    "Category": "Loaded term, Hedge, Vague wording, Booster, Attribution or Quotation",
    "Kind": "Subcategory from the lexicon", "Strength": "strong (judges in almost any use) or moderate (context decides)",
    "Model score": "How sure the in-context model is that the word is loaded here (0-1)",
    "Voice": "own voice = the outlet's (or the writer's) own words; quoted or attributed = inside a quotation or a "
             "statement attributed to someone",
    "Speaker": "Who says it, when known", "Role": "Speaker's role (analysis/data/roles.csv, affiliations.csv)",
    "Country": "Speaker's country, when the text says it", "Party": "Speaker's party, when the text says it",
    "Why it is flagged": "The lexicon entry's explanation", "Neutral alternative": "A plainer wording, where one exists",
    "Lexicon source": "The published work the entry comes from", "Outlet": "News outlet",
    "Cue": "The verb or phrase of attribution", "Cue tone": "neutral, doubt, truth or hostile",
    "Form": "direct (quoted) or indirect (paraphrase)", "Anonymous": "True when the source is not named",
    "What is attributed": "The words attributed to the speaker",
    "Match": "The word or phrase", "Feature": "Feature", "Unit": "Normalisation base",
    "A": "Value in draft A", "B": "Value in draft B (or the article)", "Change": "B minus A",
    "Articles": "Articles in the range", "Word count": "Words of those articles", "Loaded terms": "Loaded terms found",
    "Aimed at": "Whom the sentence aims the term at", "Named as": "How the text names that target",
    "Flagged as": "Lexicon categories of the match", "Before": "Text before the match", "After": "Text after the match",
    **{f"{f.label} ({f.unit})": f.explanation for f in FEATURES.values()},
    **{name: note for name, note in DISTINCTIVE_COLUMNS.values()}, **PHRASE_NOTES,
    **{name: note for name, note in LEXICON_COLUMNS.values()},
}


def readable_status(status: str, names: dict[str, str]) -> str:
    """A coverage status with the outlet's name instead of its id ('only in cnn' -> 'only in CNN')."""
    if status.startswith("only in "):
        outlet = status[len("only in "):]
        return f"only in {names.get(outlet, outlet)}"
    return status


def error_bars_note(resampled: str) -> str:
    """What a chart's error bars are ('sentences' or 'articles' resampled)."""
    return f"Error bars: 95% bootstrap intervals ({resampled} resampled 1,000 times)."


def noise_sentence(intervals: pd.DataFrame, features: list[str]) -> str:
    """Where the outlets' differences are within noise, said plainly ('' where none is)."""
    noisy = [FEATURES[f].label for f in features if within_noise(intervals, f)]
    return ("Within noise (the outlets' 95% intervals overlap, so the difference may come from a few sentences): "
            + "; ".join(noisy) + ".") if noisy else ""
