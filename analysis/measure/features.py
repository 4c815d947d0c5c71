"""Features as aggregations of spans and sentences: counts that pool, and rates derived from them."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.detect.lexicon import FRAMING, Lexicon, load_lexicon
from analysis.detect.loaded import RATED
from analysis.detect.spans import NOT_SPOKEN
from analysis.detect.speakers import OTHER, role_names

NEGATIVE_COMPOUND = -0.05  # VADER's own threshold for a negative sentence
SUBCATEGORY_COUNT = re.compile(r"^(loaded|hedge|vague|booster)__(.+)_n$")


@lru_cache(maxsize=256)
def _slug(name: str) -> str:
    return name.lower().replace("/", "_").replace(" ", "_")


def subcategories(lexicon: Lexicon | None = None) -> dict[str, tuple[str, ...]]:
    """Subcategories per framing category, from the lexicon in use (plus the rated words of the loaded detector)."""
    subs = (lexicon or load_lexicon()).subcategories
    out = {c: set(subs.get(c, ())) for c in FRAMING}
    out["loaded"].add(RATED)
    return {c: tuple(sorted(s)) for c, s in out.items()}


def count_columns(lexicon: Lexicon | None = None) -> list[str]:
    """Every additive count column of a lexicon's feature schema, in a fixed order (these pool by summing)."""
    cols = ["words", "sentences", "paragraphs"]
    subs = subcategories(lexicon)
    for cat in FRAMING:
        cols += [f"{cat}_n", f"{cat}_author_n", f"{cat}_attributed_n"]
        cols += [f"{cat}__{_slug(s)}_n" for s in subs[cat]]
    cols += ["loaded_strong_n"]
    cols += ["attribution_n", "attribution_direct_n", "attribution_anonymous_n", "attribution_loaded_cue_n",
             "attributed_sentences", "attributed_words", "quote_n", "quote_scare_n", "quote_words"]
    cols += [f"attributed_words__{_slug(a)}" for a in role_names()]
    cols += ["ts_words", "ts_sentences", "ts_syllables", "ts_difficult", "tone_sentences", "tone_compound_sum",
             "tone_negative_n"]
    return cols


def counts_in(columns) -> list[str]:
    """The additive count columns among these (a table's columns), whichever lexicon made them."""
    fixed = set(count_columns())
    return [c for c in columns if c in fixed or SUBCATEGORY_COUNT.match(c)]


def span_counts(spans: pd.DataFrame, sents: pd.DataFrame, lexicon: Lexicon | None = None) -> dict[str, float]:
    """Additive counts from one text's span and sentence tables (every subcategory of the lexicon, and any other)."""
    c = dict.fromkeys(count_columns(lexicon), 0)
    c["words"] = int(sents["words"].to_numpy().sum())
    c["sentences"] = len(sents)
    c["paragraphs"] = len(set(sents["paragraph"].tolist()))
    c["attributed_sentences"] = int(sents["attributed"].to_numpy().sum())
    cols = ("category", "subcategory", "voice", "affiliation", "anonymous", "cue_tone", "direct", "words", "strength")
    for cat, sub, voice, aff, anon, tone, direct, words, strength in zip(*(spans[k].tolist() for k in cols)):
        if cat in FRAMING:
            c[f"{cat}_n"] += 1
            c[f"{cat}_{voice}_n"] += 1
            key = f"{cat}__{_slug(sub)}_n"
            c[key] = c.get(key, 0) + 1
            c["loaded_strong_n"] += cat == "loaded" and strength == "strong"
        elif cat == "attribution":
            c["attribution_n"] += 1
            c["attribution_direct_n"] += bool(direct)
            c["attribution_anonymous_n"] += bool(anon)
            c["attribution_loaded_cue_n"] += tone != "neutral"
            key = f"attributed_words__{_slug(aff or OTHER)}"
            c[key] = c.get(key, 0) + words
            c["attributed_words"] += words
        elif cat == "quote":
            c["quote_scare_n"] += sub == "scare"
            if sub not in NOT_SPOKEN:  # scare quotes and a title in quotation marks are no one's words
                c["quote_n"] += 1
                c["quote_words"] += words
    return c


TEXTSTAT_LANG = "en_US"  # textstat's default language, which nothing here changes
WORD_MEMO = 2**17  # words whose syllables and difficulty are remembered (textstat's own caches keep 128 calls)


@lru_cache(maxsize=1)
def _word_rules():
    """textstat 0.7.8's per-word rules, each word's answer remembered: (syllables of a lowercased word, the way
    textstat.syllable_count counts each word of a text; is a word difficult, as textstat.difficult_words asks)."""
    from textstat.backend.utils._get_cmudict import get_cmudict
    from textstat.backend.utils._get_pyphen import get_pyphen
    from textstat.backend.validations._is_difficult_word import is_difficult_word
    cmu, pyphen = get_cmudict(TEXTSTAT_LANG), get_pyphen(TEXTSTAT_LANG)

    @lru_cache(maxsize=WORD_MEMO)
    def syllables(word: str) -> int:
        try:
            return sum(1 for p in cmu[word][0] if p[-1].isdigit())
        except (TypeError, IndexError, KeyError):
            return len(pyphen.positions(word)) + 1

    @lru_cache(maxsize=WORD_MEMO)
    def difficult(word: str) -> bool:
        return is_difficult_word(word, 3, TEXTSTAT_LANG)
    return syllables, difficult


def readability_counts(text: str) -> dict[str, int]:
    """textstat's word, sentence, syllable and difficult-word counts (the inputs of its formulas); syllables and
    difficult words are textstat's own per-word rules over its own word lists, each word looked up once."""
    import textstat
    from textstat.backend.selections._list_words import list_words
    syllables, difficult = _word_rules()
    words = list_words(text)  # textstat.lexicon_count counts these; lowercased, syllable_count reads them
    return {"ts_words": len(words), "ts_sentences": textstat.sentence_count(text),
            "ts_syllables": sum(map(syllables, map(str.lower, words))) if text else 0,
            "ts_difficult": sum(map(difficult, words))}


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def sentence_tone(text: str, sents: pd.DataFrame) -> list[float]:
    """VADER compound score of every sentence."""
    score = _vader().polarity_scores
    return [score(text[s:e])["compound"] for s, e in zip(sents["start"], sents["end"])]


def text_features(text: str, spans: pd.DataFrame, sents: pd.DataFrame, tone: bool = True,
                  lexicon: Lexicon | None = None) -> dict[str, float]:
    """Counts and derived rates of one text; adds each sentence's tone to `sents` as 'compound'."""
    c = span_counts(spans, sents, lexicon)
    if text.strip():
        c.update(readability_counts(text))
    if tone and len(sents):
        compounds = sentence_tone(text, sents)
        sents["compound"] = np.array(compounds, dtype=float)
        c["tone_sentences"] = len(compounds)
        c["tone_compound_sum"] = float(sum(compounds))
        c["tone_negative_n"] = sum(1 for x in compounds if x <= NEGATIVE_COMPOUND)
    c.update(derived(c))
    return c


def _ratio(a, b, scale: float = 1.0):
    if isinstance(b, pd.Series):
        return (a * scale / b.where(b != 0)).fillna(0.0)
    return a * scale / b if b else 0.0


def _keys(c) -> list[str]:
    return list(c.columns) if isinstance(c, pd.DataFrame) else list(c)


ATTRIBUTION_FEATURES = {  # what each attribution-based number counts among the attributions
    "attribution_n": "all", "attribution_per_100w": "all", "attribution_density": "all", "speakers_distinct": "all",
    "attribution_anonymous_n": "anonymous", "anonymous_share": "anonymous",
    "attribution_loaded_cue_n": "loaded cue", "loaded_cue_share": "loaded cue",
}


def _stem(feature: str) -> str:
    """A count's or rate's name without its unit ('hedge__condition_per_1k' -> 'hedge__condition')."""
    return re.sub(r"_(?:per_1k|n)$", "", feature)


def spans_behind(feature: str) -> tuple[str, str]:
    """The span category and voice a count or rate of a category counts ('loaded_author_per_1k' -> ('loaded',
    'author'), 'hedge__condition_per_1k' -> ('hedge', ''), 'anonymous_share' -> ('attribution', ''))."""
    if feature in ATTRIBUTION_FEATURES:
        return "attribution", ""
    if feature == "quote_share":
        return "quote", ""
    category, _, voice = _stem(feature).partition("_")
    return category, voice if voice in ("author", "attributed") else ""


def spans_counted(feature: str, spans: pd.DataFrame) -> pd.DataFrame:
    """The spans a count, rate or share counts, exactly as `span_counts` counts them: its category and voice, and its
    subcategory ('hedge__condition_per_1k'), strength ('loaded_strong_per_1k'), anonymous or loaded-cue attributions
    ('anonymous_share') or spoken quotations ('quote_share')."""
    category, voice = spans_behind(feature)
    keep = spans["category"] == category
    if voice:
        keep &= spans["voice"] == voice
    stem = _stem(feature)
    if stem == "loaded_strong":
        keep &= spans["strength"] == "strong"
    elif "__" in stem:
        sub = stem.partition("__")[2]
        keep &= spans["subcategory"].fillna("").map(_slug) == sub
    kind = ATTRIBUTION_FEATURES.get(feature)
    if kind == "anonymous":
        keep &= spans["anonymous"].astype(bool)
    elif kind == "loaded cue":
        keep &= spans["cue_tone"].fillna("") != "neutral"
    if category == "quote":
        keep &= ~spans["subcategory"].isin(NOT_SPOKEN)
    return spans[keep]


def derived(c) -> dict:
    """Rates from counts; works on one article's dict and on a table of pooled counts alike."""
    out = {}
    w = c["words"]
    for cat in FRAMING:
        out[f"{cat}_per_1k"] = _ratio(c[f"{cat}_n"], w, 1000)
        out[f"{cat}_author_per_1k"] = _ratio(c[f"{cat}_author_n"], w, 1000)
        out[f"{cat}_attributed_per_1k"] = _ratio(c[f"{cat}_attributed_n"], w, 1000)
    for key in _keys(c):
        m = SUBCATEGORY_COUNT.match(key)
        if m:
            out[f"{m.group(1)}__{m.group(2)}_per_1k"] = _ratio(c[key], w, 1000)
    out["loaded_strong_per_1k"] = _ratio(c.get("loaded_strong_n", 0), w, 1000)
    out["attribution_per_100w"] = _ratio(c["attribution_n"], w, 100)
    out["attribution_density"] = _ratio(c["attributed_sentences"], c["sentences"])
    out["quote_share"] = _ratio(c["quote_words"], w)
    out["anonymous_share"] = _ratio(c["attribution_anonymous_n"], c["attribution_n"])
    out["loaded_cue_share"] = _ratio(c["attribution_loaded_cue_n"], c["attribution_n"])
    for a in role_names():
        out[f"voice_share__{_slug(a)}"] = _ratio(c[f"attributed_words__{_slug(a)}"], c["attributed_words"])
    wps = _ratio(c["ts_words"], c["ts_sentences"])
    spw = _ratio(c["ts_syllables"], c["ts_words"])
    nonempty = (c["ts_words"] > 0) & (c["ts_sentences"] > 0) if isinstance(w, pd.Series) else bool(c["ts_words"] and c["ts_sentences"])
    out["flesch_reading_ease"] = (206.835 - 1.015 * wps - 84.6 * spw) * nonempty
    out["flesch_kincaid_grade"] = (0.39 * wps + 11.8 * spw - 15.59) * nonempty
    out["gunning_fog"] = 0.4 * (wps + _ratio(c["ts_difficult"], c["ts_words"], 100))
    out["tone_mean_compound"] = _ratio(c["tone_compound_sum"], c["tone_sentences"])
    out["tone_negative_share"] = _ratio(c["tone_negative_n"], c["tone_sentences"])
    return out

