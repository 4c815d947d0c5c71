"""Distinctive words: log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008),
for one outlet against the rest or any pair, over sparse word counts, with a permutation null of how large z gets
by chance. Stop-words, the outlets' own names and datelines are left out by default."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

DEFAULT_PRIOR = 500.0  # total pseudo-count of the prior, spread over words by their corpus frequency
TOKEN = r"(?u)\b[^\W\d_][^\W_]*(?:['’.-][^\W\d_]+)*"  # words, with "don't", "u.s", "saber-rattling" kept whole
# A dateline opening an article: "WASHINGTON —", "SEOUL, South Korea (CNN) --", "TOKYO (Reuters) -".
# House style rather than framing: abbreviated titles, and how an outlet writes "U.S." or "Sen.".
TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt",
                    "adm", "maj", "pres", "st", "jr", "sr"})
# A name of two or more capitalised words ('White House', 'Little Rock', 'Josh Earnest'): one term, so that its words
# do not count as the outlet's word choices ('white', 'little', 'earnest'); a stop-word opening the run is no part of it
NAME_RUN = re.compile(r"(?<![\w'’.-])[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)+(?![\w'’-])")
DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?\s*(?:\([^)]{1,30}\))?\s*(?:—|–|--|-)\s+")


@dataclass(frozen=True)
class WordCounts:
    """Sparse word counts: one row per article (with its outlet), one column per word."""
    matrix: sparse.csr_matrix
    words: np.ndarray
    groups: np.ndarray


def self_names(outlets: dict[str, str]) -> set[str]:
    """The words of the outlets' own ids and names ('fox', 'news', 'cnn'): house style, not framing."""
    return {w for k, name in outlets.items() for w in re.findall(TOKEN, f"{k} {k.replace('-', ' ')} {name}".lower())}


def strip_dateline(text: str) -> str:
    """The text without the dateline that opens it ('WASHINGTON —')."""
    return DATELINE.sub("", text, count=1)


def count_words(texts: Iterable[str], groups: Iterable[str], exclude: Iterable[str] = (),
                stop_words: bool = True, datelines: bool = True) -> WordCounts:
    """Lower-case word counts per text (names of several capitalised words one term; numbers left out; curly and
    straight apostrophes the same), without
    English stop-words and their contractions ("it's"), abbreviations and initials ("u.s", "sen", "j"), the words
    in `exclude` (e.g. self_names) and the datelines, unless switched off."""
    texts = [strip_dateline(t) if datelines else t for t in texts]
    texts = [t.replace("’", "'") for t in texts]
    drop = set(exclude)
    vec = CountVectorizer(analyzer=_terms, dtype=np.int64)
    try:
        matrix = vec.fit_transform(texts)
        words = vec.get_feature_names_out()
    except ValueError:  # no word at all
        return WordCounts(sparse.csr_matrix((len(texts), 0), dtype=np.int64), np.array([], dtype=object),
                          np.asarray(list(groups), dtype=object))
    keep = np.array([not set(w.split()) <= drop and not (stop_words and _house_style(w)) for w in words], dtype=bool)
    return WordCounts(matrix[:, keep].tocsr(), words[keep], np.asarray(list(groups), dtype=object))


def _terms(text: str) -> list[str]:
    """The lower-case terms of a text: names of several capitalised words as one term ('white house'), then words."""
    names, rest, at = [], [], 0
    for m in NAME_RUN.finditer(text):
        words = m.group().split()
        while words and words[0].lower() in ENGLISH_STOP_WORDS:
            words = words[1:]  # 'The White House', 'In Little Rock'
        if len(words) < 2:
            continue
        names.append(" ".join(words).lower())
        rest.append(text[at:m.end() - len(" ".join(words))])
        at = m.end()
    rest.append(text[at:])
    return names + re.findall(TOKEN, " ".join(rest).lower())


def _house_style(word: str) -> bool:
    return (word in ENGLISH_STOP_WORDS or word.split("'")[0] in ENGLISH_STOP_WORDS or "." in word
            or word in TITLES or len(word) == 1)


def log_odds(counts_a: np.ndarray, counts_b: np.ndarray, prior: np.ndarray, words: np.ndarray,
             prior_total: float = DEFAULT_PRIOR) -> pd.DataFrame:
    """Fightin' Words: for every word, the log-odds ratio of group A vs B with an informative Dirichlet prior
    (alpha_w = prior_total * share of w in `prior`), its variance 1/(y_a+alpha) + 1/(y_b+alpha), and z."""
    ya, yb, delta, z = _z(counts_a, counts_b, prior, prior_total)
    n_a, n_b = ya.sum(), yb.sum()
    table = pd.DataFrame({"word": words, "count": ya.astype(int), "count_other": yb.astype(int),
                          "per_1k": 1000 * ya / n_a if n_a else 0.0, "per_1k_other": 1000 * yb / n_b if n_b else 0.0,
                          "log_odds": delta, "z": z})
    return table[prior > 0].sort_values("z", ascending=False, ignore_index=True, kind="stable")


def _z(counts_a, counts_b, prior, prior_total):
    ya, yb, prior = (np.asarray(x, dtype=float).ravel() for x in (counts_a, counts_b, prior))
    alpha = prior_total * prior / prior.sum() if prior.sum() else prior
    n_a, n_b = ya.sum(), yb.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((ya + alpha) / (n_a + prior_total - ya - alpha))
                 - np.log((yb + alpha) / (n_b + prior_total - yb - alpha)))
        z = delta / np.sqrt(1 / (ya + alpha) + 1 / (yb + alpha))
    return ya, yb, delta, z


def _members(counts: WordCounts, group: str, other: str | None) -> tuple[np.ndarray, np.ndarray]:
    in_a = counts.groups == group
    in_b = counts.groups == other if other else ~in_a
    return in_a, in_b


def distinctive(counts: WordCounts, group: str, other: str | None = None,
                prior_total: float = DEFAULT_PRIOR) -> pd.DataFrame:
    """Words distinctive of `group` against `other` (or against all the rest)."""
    in_a, in_b = _members(counts, group, other)
    a = np.asarray(counts.matrix[in_a].sum(axis=0)).ravel()
    b = np.asarray(counts.matrix[in_b].sum(axis=0)).ravel()
    return log_odds(a, b, a + b, counts.words, prior_total)


def chance_z(counts: WordCounts, group: str, other: str | None = None, permutations: int = 200, seed: int = 0,
             quantile: float = 0.95, prior_total: float = DEFAULT_PRIOR) -> float:
    """The largest |z| that shuffling articles between the groups reaches, at the given quantile: observed
    z below it could come from which articles an outlet happened to write."""
    in_a, in_b = _members(counts, group, other)
    rows = np.flatnonzero(in_a | in_b)
    if not len(rows) or not counts.matrix.shape[1]:
        return 0.0
    sub = counts.matrix[rows]
    labels = in_a[rows]
    total = np.asarray(sub.sum(axis=0)).ravel()
    rng = np.random.default_rng(seed)
    maxima = []
    for _ in range(permutations):
        perm = rng.permutation(labels).astype(float)
        a = sub.T @ perm
        _, _, _, z = _z(a, total - a, total, prior_total)
        maxima.append(float(np.nanmax(np.abs(z[total > 0]))))
    return float(np.quantile(maxima, quantile))
