"""Loaded wording: lexicon and rating matches, the context rules that tell framing from literal use, and the
in-context model that scores each match (rules alone when the model is switched off or missing)."""
from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from analysis.detect.context import (
    applied_to,
    coarse_pos,
    in_name,
    log_length,
    negated,
    pos_tags,
    sentence_ranges,
)
from analysis.detect.lexicon import DATA_DIR, Entry, Lexicon, Match, Token, phrase_index, word_class
from analysis.detect.ratings import Rating, frequency, is_common, load_ratings, read_resources

MODEL_FILE = "loaded_model.json"
RATED = "rated wording"
EVALUATIVE_POS = ("adjective", "adverb", "verb", "noun")
ARTICLES = frozenset(("a", "an", "the"))
SUBCATEGORY_GROUPS = ("name-calling", "label", "emotive", "exaggeration", "hostile verb of saying", "loaded action",
                      "euphemism", "puffery", "escalation")


@dataclass(frozen=True)
class Candidate:
    """A lexicon or rating match in its context, before the decision whether it is loaded here."""
    start: int
    end: int
    first: int
    last: int
    entry: Entry
    rating: Rating | None
    pos: str
    voice: str
    negated: bool
    in_name: bool
    applied_to: str
    on_cue: bool
    strength: str
    features: tuple[float, ...]
    event_word: bool = False
    cue_tone: str = ""  # the tone of a verb of saying or believing at this word (cues.csv), '' if none


@dataclass(frozen=True)
class Decision:
    """A candidate judged in context: kept or not, why, its model score and the explanation a class reads."""
    candidate: Candidate
    loaded: bool
    reason: str
    score: float | None
    note: str


def rating_text(r: Rating | None) -> str:
    """The ratings of a word in words ('VADER rates 'scathing' -2.4 on -4..+4; Pattern subjectivity 0.90')."""
    if r is None:
        return ""
    parts = []
    if r.vader is not None:
        parts.append(f"VADER rates '{r.form}' {r.vader:+.1f} on a scale from −4 (very negative) to +4 (very "
                     "positive)".replace("-", "−"))
    if r.subjectivity is not None:
        parts.append(f"Pattern rates '{r.form}' {r.subjectivity:.2f} for opinion (0 factual, 1 opinion) and "
                     f"{r.polarity:+.2f} for tone (−1 to +1)".replace("-", "−") + (f" (sense: {r.gloss})" if r.gloss else ""))
    return "; ".join(parts)


@lru_cache(maxsize=4096)
def _rated_entry(form: str, source: str) -> Entry:
    return Entry(term=form, category="loaded", subcategory=RATED, rule="", neutral_alternative="say plainly what happened",
                 note="A published sentiment lexicon rates this word as strongly evaluative.", source=source,
                 file="ratings.csv", strength="moderate", pack="ratings")


def _passes(r: Rating, resources) -> tuple[bool, bool]:
    """(candidate, strong) by the thresholds of ratings.csv."""
    v, p = resources.get("vader"), resources.get("pattern")
    cand = strong = False
    if v and r.vader is not None:
        cand |= abs(r.vader) >= v.candidate
        strong |= abs(r.vader) >= v.strong
    if p and r.subjectivity is not None and r.polarity:
        cand |= r.subjectivity >= p.candidate
        strong |= r.subjectivity >= p.strong
    return cand, strong


def _sources(r: Rating, resources) -> str:
    names = []
    if r.vader is not None and "vader" in resources:
        names.append(resources["vader"].source)
    if r.subjectivity is not None and "pattern" in resources:
        names.append(resources["pattern"].source)
    return "; ".join(names)


def find_candidates(text: str, tokens: list[Token], sents, lexicon: Lexicon, term_matches: list[Match],
                    cues: list[tuple[int, int]], voice_of: Callable[[int, int], str], quoted: Callable[[int], bool],
                    cue_tones: dict[int, str]) -> list[Candidate]:
    """Every curated loaded-term match and every rated word of the text, with its context (`cue_tones`: the tone of
    the verb of saying or believing at a token index)."""
    ratings, resources = load_ratings(), read_resources()
    raw: list[tuple[int, int, Entry, Rating | None, str]] = []
    covered: set[int] = set()
    for m in term_matches:
        covered.update(range(m.first, m.last + 1))  # a hedge or booster is not also a rated loaded word
        if m.entry.category != "loaded":
            continue
        r = ratings.get(tokens[m.first].lower) if m.first == m.last else None
        raw.append((m.first, m.last, m.entry, r, m.entry.strength or "moderate"))
    if resources:
        covered.update(_in_fixed_expressions(tokens))
        degree = word_class("degree_adverb")  # 'rose sharply': an amount; 'sharply criticized' stays a candidate
        rated = ratings.get
        for i, tok, r in [(i, t, r) for i, t in enumerate(tokens) if (r := rated(t.lower)) is not None]:
            if i in covered or not tok.lower.isalpha() or (
                    tok.lower in degree and not (i + 1 < len(tokens) and tokens[i + 1].lower.endswith("ed"))):
                continue
            if lexicon.terms.has_loaded_word(tok.lower):
                continue  # a curated word whose own rule found a literal use here ('toxic waste')
            cand, strong = _passes(r, resources)
            if cand:
                raw.append((i, i, _rated_entry(r.form, _sources(r, resources)), r, "strong" if strong else "moderate"))
    if not raw:
        return []
    raw.sort(key=lambda x: x[0])
    events = word_class("event_word")
    cues = sorted(cues, key=lambda c: c[1])
    cue_ends = [e for _, e in cues]
    srange = sentence_ranges(tokens, sents)
    sent_firsts = [s.first for s in srange]
    tags = pos_tags(tokens, [(a, b) for a, b, *_ in raw])
    per_sentence: dict[int, int] = {}
    sent_of = [max(0, bisect.bisect_right(sent_firsts, a) - 1) for a, *_ in raw]
    for s in sent_of:
        per_sentence[s] = per_sentence.get(s, 0) + 1
    out = []
    for (a, b, entry, r, strength), si in zip(raw, sent_of):
        sent = srange[si] if srange else None
        s_first = sent.first if sent else 0
        s_last = sent.last if sent else len(tokens) - 1
        start, end = tokens[a].start, tokens[b].end
        pos = coarse_pos(tags.get(b if entry.subcategory != "label" else a, ""))
        if r is not None and entry.pack == "ratings" and not _rating_applies(r, pos, tokens[a].lower):
            continue
        neg = negated(text, tokens, a, s_first, tags)
        name = in_name(text, tokens, a, b, s_first, alone_is_name=entry.pack == "ratings" or a == b)
        target = applied_to(tokens, tags, b, s_last)
        k = bisect.bisect_left(cue_ends, start + 1)
        on_cue = k < len(cues) and cues[k][0] < end
        event = tokens[a].lower in events or (r is not None and r.form in events)
        args = (start, end, a, b, entry, r, pos, voice_of(start, end), neg, name, target, on_cue, strength)
        tone = cue_tones.get(a, "") if a == b else ""
        cand = Candidate(*args, (), event, tone)
        if rule_verdict(cand)[0]:  # only what the rules let through is scored
            feats = _features(cand, tokens, tags, s_first, s_last, per_sentence[si], quoted(start))
            cand = Candidate(*args, feats, event, tone)
        out.append(cand)
    return out


def _rating_applies(r: Rating, pos: str, word: str) -> bool:
    """Whether a published rating speaks of the word as used here: VADER rates word forms whatever their use; Pattern
    rates adjective senses, so its rating holds for an adjective or an -ly adverb made from one ('badly'), not for
    the same letters as a verb or adverb ('confirmed the report', 'far more')."""
    if r.vader is not None:
        return True
    return pos == "adjective" or (pos == "adverb" and word != r.form and word.endswith("ly"))


def _in_fixed_expressions(tokens: list[Token]) -> set[int]:
    """Indices of the tokens inside fixed connectives and adverbials ('as well as') and established compounds ('grand
    jury', 'their own'): their rated words are not used evaluatively there. One pass over the tokens, a few short
    phrases tried at each."""
    fixed, out = phrase_index("fixed_expression", "established_compound"), set()
    for i, tok in enumerate(tokens):
        for words in fixed.get(tok.lower, ()):
            if tuple(t.lower for t in tokens[i:i + len(words)]) == words:
                out.update(range(i, i + len(words)))
                break
    return out


FEATURE_NAMES = (
    "curated", "curated_strong", "pack", "strong", "vader_abs", "vader_negative", "vader_sd", "has_vader",
    "pattern_subjectivity", "pattern_polarity_abs", "has_pattern", "frequency", "inflected", "phrase_length", "capitalised",
    "sentence_initial", "in_name", "negated", "attributed", "in_quote", "on_cue", "applied_to_actor",
    "applied_to_designation", "position", "sentence_length", "density", "after_intensifier", "after_determiner",
    "superlative", "before_noun", "after_be",
    *("pos_" + p.replace(" ", "_") for p in ("adjective", "adverb", "verb", "noun", "proper noun")),
    *("sub_" + g.replace(" ", "_").replace("-", "_") for g in SUBCATEGORY_GROUPS),
)


def _features(c: Candidate, tokens: list[Token], tags: dict[int, str], s_first: int, s_last: int, density: int,
              in_quote: bool) -> tuple[float, ...]:
    """The model's inputs, in the order of FEATURE_NAMES: ratings, lexicon attributes and context, never the word."""
    r = c.rating
    n = max(1, s_last - s_first + 1)
    word = tokens[c.first]
    prev = tokens[c.first - 1].lower if c.first > s_first else ""
    curated = c.entry.pack not in ("ratings", "")
    vader = r.vader if r is not None else None
    subj = r.subjectivity if r is not None else None
    sub = c.entry.subcategory
    return (
        float(curated), float(curated and c.strength == "strong"), float(c.entry.pack not in ("core", "ratings", "user", "")),
        float(c.strength == "strong"),
        abs(vader) / 4 if vader is not None else 0.0, float(vader is not None and vader < 0),
        (r.vader_sd or 0.0) / 2 if vader is not None else 0.0, float(vader is not None),
        subj if subj is not None else 0.0, abs(r.polarity) if r is not None and r.polarity is not None else 0.0,
        float(subj is not None), frequency(word.lower) / 5, float(r is not None and r.form != word.lower),
        min(c.last - c.first + 1, 4) / 4, float(word.text[:1].isupper() and c.first != s_first),
        float(c.first == s_first), float(c.in_name), float(c.negated), float(c.voice == "attributed"),
        float(in_quote), float(c.on_cue), float(c.applied_to == "actor"), float(c.applied_to == "designation"),
        (c.first - s_first) / n, log_length(n), min(density, 8) / 8, float(prev in word_class("intensifier")),
        float(prev in ARTICLES), float(tags.get(c.last, "") in ("JJS", "RBS")),
        float(tags.get(c.last + 1, "").startswith("NN")), float(prev in word_class("be_form")),
        *(float(c.pos == p) for p in ("adjective", "adverb", "verb", "noun", "proper noun")),
        *(float(sub == g) for g in SUBCATEGORY_GROUPS),
    )


def rule_verdict(c: Candidate) -> tuple[bool, str]:
    """The context rules (no model): (may be loaded, reason if not)."""
    rated = c.entry.subcategory == RATED
    if c.negated:
        return False, "negated ('not', 'never' ... just before it): the word is denied, not used"
    if c.in_name:
        return False, "part of a capitalised name (an established name, not a description)"
    if c.applied_to == "designation" and (rated or c.entry.subcategory in ("label", "name-calling")):
        return False, "label inside an established term for an event or category ('terrorist attacks'), not applied to an actor"
    if rated and c.cue_tone and c.cue_tone != "hostile":
        return False, (f"a verb of saying or believing ({c.cue_tone} tone, shown under Sources): it counts as loaded "
                       "wording only when hostile ('slammed')")
    if rated and c.event_word:
        return False, "names an event or harm (a sentiment rating, not a judgement of it)"
    if rated and c.pos not in EVALUATIVE_POS:
        return False, "not an adjective, adverb, verb or common noun here"
    return True, ""


@dataclass(frozen=True)
class Model:
    """Logistic-regression weights over FEATURE_NAMES (features the file does not know get weight 0)."""
    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    intercept: float
    threshold: float
    about: dict

    def scores(self, rows: list[tuple[float, ...]]) -> np.ndarray:
        """Probability that each candidate is loaded in its context."""
        if not rows:
            return np.zeros(0)
        z = ((np.asarray(rows) - self.mean) / self.scale) @ self.weights + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@lru_cache(maxsize=4)
def load_model(path: Path = DATA_DIR / MODEL_FILE) -> Model | None:
    """The trained weights, or None if there is no weight file (the rules then decide alone)."""
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not {"features", "coef", "intercept", "mean", "scale", "threshold"} <= set(raw):
        raise ValueError(f"{path.name}: not a loaded-language model file")
    index = {n: k for k, n in enumerate(raw["features"])}
    pick = lambda key, default: np.array([raw[key][index[n]] if n in index else default  # noqa: E731
                                          for n in FEATURE_NAMES], dtype=float)
    scale = pick("scale", 1.0)
    return Model(pick("coef", 0.0), pick("mean", 0.0), np.where(scale == 0, 1.0, scale), float(raw["intercept"]),
                 float(raw["threshold"]), {k: v for k, v in raw.items() if k not in ("coef", "mean", "scale")})


def decide(cands: list[Candidate], lexicon: Lexicon, model: Model | None = None) -> list[Decision]:
    """Judge every candidate: context rules first; then a rated word needs the model's score (or, without a model,
    a strong rating as an adjective or adverb, not among the commonest words); a hand-curated entry is kept."""
    model = (model or load_model()) if lexicon.use_model else None
    verdicts = [rule_verdict(c) for c in cands]
    scored = [k for k, (ok, _) in enumerate(verdicts) if ok]
    scores: dict[int, float] = {}
    if model is not None and scored:
        scores = dict(zip(scored, model.scores([cands[k].features for k in scored]).tolist()))
    out = []
    for k, (c, (ok, reason)) in enumerate(zip(cands, verdicts)):
        score = scores.get(k)
        if ok and c.entry.subcategory == RATED:
            if model is not None:
                ok = score >= model.threshold
                reason = "" if ok else f"model score {score:.2f} below its threshold {model.threshold:.2f}"
            else:
                ok = c.strength == "strong" and c.pos in ("adjective", "adverb") and not _everyday(c)
                reason = "" if ok else ("rated word kept by the rules only when strongly rated, used as an adjective or "
                                        "adverb and not among the commonest words")
        out.append(Decision(c, ok, reason, score, _note(c, score, model.threshold if model else None) if ok else ""))
    return out


def _everyday(c: Candidate) -> bool:
    """Whether a rated word is among the commonest words (ratings.csv 'common'), which the rules alone do not flag."""
    common = read_resources().get("common")
    return common is not None and c.rating is not None and is_common(c.rating.form, int(common.candidate))


def _note(c: Candidate, score: float | None, threshold: float | None) -> str:
    parts = [c.entry.note]
    rt = rating_text(c.rating)
    if rt:
        parts.append(rt + ".")
    if score is not None:
        bar = (f"; a rated word is flagged from {threshold:.2f}" if c.entry.subcategory == RATED else
               "; a word of the curated list is flagged whatever its score") if threshold is not None else ""
        parts.append(f"Model score {score:.2f} (how sure the model is, from 0 to 1, that the word is loaded here{bar}).")
    return " ".join(p for p in parts if p)
