"""Distinctive words: log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008),
for one outlet against the rest or any pair, with a permutation null of how large z gets by chance."""
from __future__ import annotations

import math
import random
from collections import Counter

import numpy as np
import pandas as pd

from analysis.detect.lexicon import tokenize

DEFAULT_PRIOR = 500.0  # total pseudo-count of the prior, spread over words by their corpus frequency


def word_counts(text: str) -> Counter:
    """Lower-case word counts of a text (numbers left out)."""
    return Counter(t.lower for t in tokenize(text) if t.lower[:1].isalpha())


def log_odds(counts_a: Counter, counts_b: Counter, prior: Counter, prior_total: float = DEFAULT_PRIOR) -> pd.DataFrame:
    """Fightin' Words: for every word, the log-odds ratio of group A vs B with an informative Dirichlet prior
    (alpha_w = prior_total * share of w in `prior`), its variance 1/(y_a+alpha) + 1/(y_b+alpha), and z."""
    n_prior = sum(prior.values())
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    rows = []
    for w, p in prior.items():
        alpha = prior_total * p / n_prior
        ya, yb = counts_a.get(w, 0), counts_b.get(w, 0)
        delta = (math.log((ya + alpha) / (n_a + prior_total - ya - alpha))
                 - math.log((yb + alpha) / (n_b + prior_total - yb - alpha)))
        var = 1 / (ya + alpha) + 1 / (yb + alpha)
        rows.append((w, ya, yb, 1000 * ya / n_a if n_a else 0.0, 1000 * yb / n_b if n_b else 0.0, delta, delta / math.sqrt(var)))
    return pd.DataFrame(rows, columns=["word", "count", "count_other", "per_1k", "per_1k_other", "log_odds", "z"]
                        ).sort_values("z", ascending=False, ignore_index=True)


def _group_counts(article_counts: dict[str, Counter], groups: dict[str, str], members: set[str]) -> Counter:
    total: Counter = Counter()
    for aid, c in article_counts.items():
        if groups[aid] in members:
            total.update(c)
    return total


def distinctive(article_counts: dict[str, Counter], groups: dict[str, str], group: str, other: str | None = None,
                prior_total: float = DEFAULT_PRIOR) -> pd.DataFrame:
    """Words distinctive of `group` against `other` (or against all the rest), over articles {id: counts}."""
    others = {other} if other else set(groups.values()) - {group}
    prior = _group_counts(article_counts, groups, {group} | others)
    return log_odds(_group_counts(article_counts, groups, {group}), _group_counts(article_counts, groups, others),
                    prior, prior_total)


def chance_z(article_counts: dict[str, Counter], groups: dict[str, str], group: str, other: str | None = None,
             permutations: int = 200, seed: int = 0, quantile: float = 0.95,
             prior_total: float = DEFAULT_PRIOR) -> float:
    """The largest |z| that shuffling articles between the groups reaches, at the given quantile: observed
    z below it could come from which articles an outlet happened to write."""
    ids = [a for a in article_counts if groups[a] in ({group, other} if other else set(groups.values()))]
    labels = [groups[a] for a in ids]
    rng = random.Random(seed)
    maxima = []
    for _ in range(permutations):
        shuffled = labels[:]
        rng.shuffle(shuffled)
        perm = dict(zip(ids, shuffled))
        counts = {a: article_counts[a] for a in ids}
        table = distinctive(counts, perm, group, other, prior_total)
        maxima.append(float(table["z"].abs().max()) if len(table) else 0.0)
    return float(np.quantile(maxima, quantile)) if maxima else 0.0
