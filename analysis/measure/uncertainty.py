"""Honest uncertainty: bootstrap confidence intervals for per-outlet rates, resampling sentences."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis.measure.features import spans_counted

if TYPE_CHECKING:
    from analysis.corpus.workspace import CorpusView


def sentence_counts(spans: pd.DataFrame, sentences: pd.DataFrame, feature: str) -> np.ndarray:
    """Per sentence: the number of spans behind a rate feature ('loaded_author_per_1k' -> loaded, author voice)."""
    sel = spans_counted(feature, spans)
    return np.bincount(sel["sentence"].to_numpy(dtype=int), minlength=len(sentences))[:len(sentences)]


# With no word of a kind found, every resample is zero too and the bootstrap says [0, 0], as if the rate were known
# exactly. The 95% upper bound for a count of zero is about three occurrences in the same number of words (the rule of
# three; Hanley & Lippman-Hand 1983, "If nothing goes wrong, is everything all right?", JAMA 249:1743).
RULE_OF_THREE = 3.0


def _zero_high(count: float, words: float, high: float) -> float:
    """The interval's top: the bootstrap's, or the rule of three's when nothing was counted."""
    return max(high, 1000 * RULE_OF_THREE / words) if count == 0 and words > 0 else high


def bootstrap_rate(counts: np.ndarray, words: np.ndarray, iterations: int = 1000, seed: int = 0,
                   level: float = 0.95) -> tuple[float, float, float]:
    """(rate per 1,000 words, low, high): sentences resampled with replacement, rate from the pooled sample (for a
    count of zero, the rule of three's upper bound)."""
    if len(words) == 0 or words.sum() == 0:
        return 0.0, 0.0, 0.0
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(words), size=(iterations, len(words)))
    rates = 1000 * counts[idx].sum(axis=1) / np.maximum(words[idx].sum(axis=1), 1)
    lo, hi = np.quantile(rates, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(1000 * counts.sum() / words.sum()), float(lo), _zero_high(counts.sum(), words.sum(), float(hi))


INTERVAL_COLUMNS = ["outlet", "feature", "rate", "low", "high"]


def outlet_intervals(analyses: dict, article_ids: list[str], features: list[str], iterations: int = 1000,
                     seed: int = 0) -> pd.DataFrame:
    """Tidy table: outlet, feature, rate, low, high, over the chosen articles' body sentences."""
    bodies = [(analyses[a].article.outlet, analyses[a].body.spans, analyses[a].body.sentences) for a in article_ids]
    return sentence_intervals(bodies, features, iterations, seed)


def sentence_intervals(bodies: list[tuple[str, pd.DataFrame, pd.DataFrame]], features: list[str],
                       iterations: int = 1000, seed: int = 0) -> pd.DataFrame:
    """`outlet_intervals` from (outlet, body spans, body sentence table) per article: sentences resampled."""
    rows = []
    by_outlet: dict[str, list] = {}
    for outlet, spans, sentences in bodies:
        by_outlet.setdefault(outlet, []).append((spans, sentences))
    for outlet, parts in sorted(by_outlet.items()):
        words = np.concatenate([s["words"].to_numpy() for _, s in parts])
        for f in features:
            counts = np.concatenate([sentence_counts(sp, s, f) for sp, s in parts])
            rate, lo, hi = bootstrap_rate(counts, words, iterations, seed)
            rows.append({"outlet": outlet, "feature": f, "rate": rate, "low": lo, "high": hi})
    return pd.DataFrame(rows, columns=INTERVAL_COLUMNS)


def count_column(feature: str) -> str:
    """The per-article count behind a rate feature ('loaded_author_per_1k' -> 'loaded_author_n')."""
    return feature.removesuffix("_per_1k") + "_n"


def article_intervals(features_table: pd.DataFrame, features: list[str], iterations: int = 1000,
                      seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """`outlet_intervals` from one row of counts per article (outlet, words, the count columns): whole articles
    resampled, for selections too large to resample sentences (and whose sentences are not independent)."""
    rows = []
    for outlet, group in features_table.groupby("outlet", sort=True):
        words = group["words"].to_numpy(dtype=float)
        counts = group[[count_column(f) for f in features]].to_numpy(dtype=float)
        rng, n = np.random.default_rng(seed), len(words)
        sums_w, sums_c = [], []
        for start in range(0, iterations, 100):  # the same draws for every feature, 100 resamples at a time
            idx = rng.integers(0, n, size=(min(100, iterations - start), n))
            sums_w.append(words[idx].sum(axis=1))
            sums_c.append(np.stack([counts[:, j][idx].sum(axis=1) for j in range(len(features))], axis=1))
        total_w, total_c = np.concatenate(sums_w), np.concatenate(sums_c)
        for j, f in enumerate(features):
            if n == 0 or words.sum() == 0:
                rate = lo = hi = 0.0
            else:
                rates = 1000 * total_c[:, j] / np.maximum(total_w, 1)
                lo, hi = np.quantile(rates, [(1 - level) / 2, 1 - (1 - level) / 2])
                rate = 1000 * counts[:, j].sum() / words.sum()
                hi = _zero_high(counts[:, j].sum(), words.sum(), hi)
            rows.append({"outlet": outlet, "feature": f, "rate": float(rate), "low": float(lo), "high": float(hi)})
    return pd.DataFrame(rows, columns=INTERVAL_COLUMNS)


def within_noise(intervals: pd.DataFrame, feature: str) -> bool:
    """Whether every pair of outlets' intervals overlap for a feature (differences could be noise)."""
    sub = intervals[intervals["feature"] == feature]
    return bool(len(sub) > 1 and sub["low"].max() <= sub["high"].min())


SENTENCE_BOOTSTRAP_ARTICLES = 300  # larger selections resample whole articles


def resampled(article_ids: list[str]) -> str:
    """What the bootstrap intervals of a selection resample: 'sentences', or 'articles' for a large selection."""
    return "sentences" if len(article_ids) <= SENTENCE_BOOTSTRAP_ARTICLES else "articles"


def selection_intervals(view: CorpusView, article_ids: list[str], features: list[str]) -> pd.DataFrame:
    """Bootstrap intervals of per-outlet rates for the chosen articles, as the Compare page and the report draw them:
    sentences resampled, or whole articles for a selection of more than SENTENCE_BOOTSTRAP_ARTICLES."""
    if resampled(article_ids) == "articles":
        return article_intervals(view.features_of(article_ids), features)
    spans = view.spans_of(article_ids, part="body", columns=["category", "voice", "sentence"])
    by_article = dict(tuple(spans.groupby("article_id", sort=False))) if len(spans) else {}
    empty = spans.iloc[:0]
    return sentence_intervals([(view.outlet_of(a), by_article.get(a, empty), view.text(a).sentences)
                               for a in article_ids], features)
