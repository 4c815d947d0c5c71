"""Honest uncertainty: bootstrap confidence intervals for per-outlet rates, resampling sentences."""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.present.glossary import FEATURES


def sentence_counts(spans: pd.DataFrame, sentences: pd.DataFrame, feature: str) -> np.ndarray:
    """Per sentence: the number of spans behind a rate feature ('loaded_author_per_1k' -> loaded, author voice)."""
    info = FEATURES[feature]
    sel = spans[spans["category"] == info.category]
    if info.voice:
        sel = sel[sel["voice"] == info.voice]
    return np.bincount(sel["sentence"].to_numpy(dtype=int), minlength=len(sentences))[:len(sentences)]


def bootstrap_rate(counts: np.ndarray, words: np.ndarray, iterations: int = 1000, seed: int = 0,
                   level: float = 0.95) -> tuple[float, float, float]:
    """(rate per 1,000 words, low, high): sentences resampled with replacement, rate from the pooled sample."""
    if len(words) == 0 or words.sum() == 0:
        return 0.0, 0.0, 0.0
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(words), size=(iterations, len(words)))
    rates = 1000 * counts[idx].sum(axis=1) / np.maximum(words[idx].sum(axis=1), 1)
    lo, hi = np.quantile(rates, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(1000 * counts.sum() / words.sum()), float(lo), float(hi)


def outlet_intervals(analyses: dict, article_ids: list[str], features: list[str], iterations: int = 1000,
                     seed: int = 0) -> pd.DataFrame:
    """Tidy table: outlet, feature, rate, low, high, over the chosen articles' body sentences."""
    rows = []
    by_outlet: dict[str, list] = {}
    for aid in article_ids:
        by_outlet.setdefault(analyses[aid].article.outlet, []).append(analyses[aid].body)
    for outlet, bodies in sorted(by_outlet.items()):
        words = np.concatenate([b.sentences["words"].to_numpy() for b in bodies])
        for f in features:
            counts = np.concatenate([sentence_counts(b.spans, b.sentences, f) for b in bodies])
            rate, lo, hi = bootstrap_rate(counts, words, iterations, seed)
            rows.append({"outlet": outlet, "feature": f, "rate": rate, "low": lo, "high": hi})
    return pd.DataFrame(rows, columns=["outlet", "feature", "rate", "low", "high"])


def within_noise(intervals: pd.DataFrame, feature: str) -> bool:
    """Whether every pair of outlets' intervals overlap for a feature (differences could be noise)."""
    sub = intervals[intervals["feature"] == feature]
    return bool(len(sub) > 1 and sub["low"].max() <= sub["high"].min())
