"""Published per-word ratings read from installed packages: VADER valence, Pattern polarity and subjectivity, word frequency."""
from __future__ import annotations

import csv
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from analysis.detect.lexicon import DATA_DIR

RATINGS_FILE = "ratings.csv"


@dataclass(frozen=True)
class Rating:
    """What the published resources say about one word form (None where a resource does not rate it)."""
    form: str                      # the rated form ('slam' for 'slammed')
    vader: float | None = None     # VADER mean valence, -4 .. +4 (Hutto & Gilbert 2014)
    vader_sd: float | None = None  # standard deviation of VADER's ten raters
    polarity: float | None = None  # Pattern polarity, -1 .. +1 (De Smedt & Daelemans 2012)
    subjectivity: float | None = None  # Pattern subjectivity, 0 .. 1
    gloss: str = ""                # Pattern's WordNet sense gloss of a word with one sense


@dataclass(frozen=True)
class Resource:
    """One row of ratings.csv: a rating resource, the thresholds chosen for it, its source and licence."""
    name: str
    candidate: float
    strong: float
    source: str
    licence: str
    note: str


@lru_cache(maxsize=2)
def read_resources(path: Path = DATA_DIR / RATINGS_FILE) -> dict[str, Resource]:
    """The rating resources in use and their thresholds (ratings.csv)."""
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            try:
                out[row["resource"]] = Resource(row["resource"], float(row["candidate"]), float(row["strong"]),
                                                row["source"], row["licence"], row["note"])
            except (KeyError, ValueError):
                raise ValueError(f"{path.name}:{line}: a resource needs numeric candidate and strong thresholds") from None
    return out


def _vader() -> dict[str, tuple[float, float]]:
    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].isalpha() and len(parts[0]) > 2:
            out[parts[0].lower()] = (float(parts[1]), float(parts[2]))
    return out


def _pattern() -> dict[str, tuple[float, float, str]]:
    """Pattern's adjectives averaged over their senses, as Pattern itself does; the gloss of a word with one sense
    (a word with several, 'stunning', gets none: the first sense need not be the one a text uses)."""
    root = ET.fromstring(files("textblob").joinpath("en", "en-sentiment.xml").read_bytes())
    senses: dict[str, list[tuple[float, float, str]]] = {}
    for w in root.iter("word"):
        form = (w.get("form") or "").lower()
        if form.isalpha() and len(form) > 2:
            senses.setdefault(form, []).append((float(w.get("polarity", 0)), float(w.get("subjectivity", 0)),
                                                w.get("sense") or ""))
    return {f: (sum(s[0] for s in v) / len(v), sum(s[1] for s in v) / len(v), v[0][2] if len(v) == 1 else "")
            for f, v in senses.items()}


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """log10 word counts of Pattern's spelling list (Project Gutenberg books, Wiktionary and BNC frequency lists)."""
    out = {}
    for line in files("textblob").joinpath("en", "en-spelling.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(";"):
            continue
        word, _, count = line.partition(" ")
        if count.strip().isdigit():
            out[word] = math.log10(1 + int(count))
    return out


@lru_cache(maxsize=4)
def _common(rank: int) -> frozenset[str]:
    freq = _frequencies()
    return frozenset(sorted(freq, key=freq.get, reverse=True)[:rank])


def is_common(word: str, rank: int) -> bool:
    """Whether a word is among the `rank` most frequent words of Pattern's list."""
    return word in _common(rank)


def frequency(word: str) -> float:
    """log10(1 + count) of a word in Pattern's spelling list; 0 for an unlisted word."""
    return _frequencies().get(word, 0.0)


class Ratings:
    """Ratings of word forms, with -s/-ed/-ing/-ly forms looked up through their base word."""

    def __init__(self, vader: dict[str, tuple[float, float]], pattern: dict[str, tuple[float, float, str]]):
        self.vader = vader
        self.pattern = pattern
        self._memo: dict[str, Rating | None] = {}

    def get(self, word: str) -> Rating | None:
        """The rating of a word form, or None when no resource rates it (or its base form)."""
        if word in self._memo:
            return self._memo[word]
        out = None
        for form in _bases(word):
            v, p = self.vader.get(form), self.pattern.get(form)
            if v or p:
                out = Rating(form, v[0] if v else None, v[1] if v else None, p[0] if p else None,
                             p[1] if p else None, p[2] if p else "")
                break
        if len(self._memo) < 200_000:
            self._memo[word] = out
        return out


def _bases(word: str) -> list[str]:
    """The word and the base forms it may be inflected from (slammed -> slam, angrily -> angry)."""
    out = [word]
    if not word.isalpha() or len(word) < 4:
        return out
    for suffix, repl in (("ily", "y"), ("ied", "y"), ("ies", "y"), ("ally", "al"), ("ly", ""), ("ing", ""), ("ing", "e"),
                         ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("er", ""), ("est", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            out.append(base)
            if repl == "" and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":
                out.append(base[:-1])  # slammed -> slamm -> slam
    return out


@lru_cache(maxsize=1)
def load_ratings() -> Ratings:
    """VADER's and Pattern's ratings, loaded once from the installed packages (no downloads)."""
    return Ratings(_vader(), _pattern())
