"""Lexicons as data: loading, validation and fast matching of terms in text."""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
LEXICON_FILES = ("loaded.csv", "hedges.csv", "boosters.csv", "cues.csv")
REQUIRED_COLUMNS = ("term", "category", "subcategory", "rule", "neutral_alternative", "note", "source")

TOKEN_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:[-'’.][A-Za-z0-9\u00C0-\u024F]+)*")
NUMBER_RE = re.compile(r"^[$€£¥]?\d")

RULES_HELP = {
    "lowercase": "matches only when written in lower case (e.g. 'may' the verb, not 'May' the month)",
    "next:A|B": "matches only when the next word is A or B",
    "not_next:A|B": "does not match when the next word(s) are A or B",
    "prev:A|B": "matches only when the previous word is A or B",
    "not_prev:A|B": "does not match when the previous word is A or B",
    "next_within:N:A|B": "matches only when A or B follows within N words",
}
# Special words in rules: NUM (a number), CAP (a capitalised word), POSS (a possessive),
# QUOTE (an opening quotation mark follows), COLON, COMMA, END (sentence end follows).


class Token(NamedTuple):
    """One word of a text with its character offsets."""
    start: int
    end: int
    text: str
    lower: str


@dataclass(frozen=True)
class Entry:
    """One lexicon row: a term with its category, rule, explanation and source."""
    term: str
    category: str
    subcategory: str
    rule: str
    neutral_alternative: str
    note: str
    source: str
    tone: str = ""
    file: str = ""


class Match(NamedTuple):
    """A lexicon entry found in a text, covering tokens [first, last]."""
    start: int
    end: int
    first: int
    last: int
    entry: Entry


def tokenize(text: str) -> list[Token]:
    """Split text into word tokens with offsets; hyphenated words and abbreviations stay whole."""
    out = []
    n = len(text)
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        # "U.S." keeps its final period; a sentence-final period does not belong to the word.
        if "." in word and e < n and text[e] == "." and len(word.replace(".", "")) <= 3:
            e += 1
            word = text[s:e]
        low = word.lower()
        out.append(Token(s, e, word, low.replace("’", "'") if "’" in low else low))
    return out


def lexicon_version(data_dir: Path = DATA_DIR) -> str:
    """Short content hash of every lexicon and data file: changes whenever an entry changes."""
    h = hashlib.sha256()
    for path in sorted(data_dir.glob("*.csv")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def read_entries(path: Path) -> list[Entry]:
    """Read one lexicon CSV, rejecting rows without a term, category or source."""
    entries = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path.name}: missing columns {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            if not row["term"].strip() or not row["category"].strip() or not row["source"].strip():
                raise ValueError(f"{path.name}:{line}: every entry needs a term, a category and a source")
            parse_rule(row["rule"] or "")
            entries.append(Entry(
                term=row["term"].strip().lower(), category=row["category"].strip(),
                subcategory=row["subcategory"].strip(), rule=(row["rule"] or "").strip(),
                neutral_alternative=(row["neutral_alternative"] or "").strip(),
                note=row["note"].strip(), source=row["source"].strip(),
                tone=(row.get("tone") or "").strip(), file=path.name))
    return entries


def parse_rule(rule: str) -> tuple[tuple[str, tuple[str, ...], int], ...]:
    """Parse 'kind:A|B;kind2:N:C' into (kind, words, window) conditions."""
    conds = []
    for part in filter(None, (p.strip() for p in rule.split(";"))):
        kind, _, rest = part.partition(":")
        window = 1
        if kind == "next_within":
            n, _, rest = rest.partition(":")
            window = int(n)
        elif kind not in {"lowercase", "next", "not_next", "prev", "not_prev"}:
            raise ValueError(f"unknown rule {part!r}; known: {', '.join(RULES_HELP)}")
        conds.append((kind, tuple(w.strip().lower() for w in rest.split("|") if w.strip()), window))
    return tuple(conds)


class Matcher:
    """Finds lexicon terms (single words, phrases, trailing-* prefixes) in tokenised text."""

    def __init__(self, entries: list[Entry]):
        self.exact: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self.prefix: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self.rules = {e: parse_rule(e.rule) for e in entries}
        for e in entries:
            words = tuple(e.term.replace("’", "'").split())
            head = words[0]
            if head.endswith("*"):
                self.prefix.setdefault(head[:-1], []).append((words, e))
            else:
                self.exact.setdefault(head, []).append((words, e))
        self.prefix_lengths = sorted({len(p) for p in self.prefix})
        self._candidates: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}

    def candidates(self, word: str) -> list[tuple[tuple[str, ...], Entry]]:
        """Entries whose first word matches `word` (exactly or by prefix), longest phrase first; memoised."""
        cands = self._candidates.get(word)
        if cands is None:
            cands = list(self.exact.get(word, ()))
            for n in self.prefix_lengths:
                if n <= len(word):
                    cands.extend(self.prefix.get(word[:n], ()))
            cands.sort(key=lambda c: -len(c[0]))
            if len(self._candidates) < 200_000:
                self._candidates[word] = cands
        return cands

    def find(self, text: str, tokens: list[Token]) -> list[Match]:
        """Every match, longest first at each position, never overlapping within a category."""
        found: list[Match] = []
        taken: dict[str, int] = {}
        for i, tok in enumerate(tokens):
            for words, entry in self.candidates(tok.lower):
                if taken.get(entry.category, -1) >= i:
                    continue
                j = i + len(words) - 1
                if j >= len(tokens) or not all(_word_matches(w, tokens[i + k].lower) for k, w in enumerate(words)):
                    continue
                if any(tokens[k + 1].start - tokens[k].end > 2 for k in range(i, j)):
                    continue
                if not self._rule_ok(entry, text, tokens, i, j):
                    continue
                found.append(Match(tok.start, tokens[j].end, i, j, entry))
                taken[entry.category] = j
        return found

    def _rule_ok(self, entry: Entry, text: str, tokens: list[Token], i: int, j: int) -> bool:
        for kind, words, window in self.rules[entry]:
            if kind == "lowercase":
                if tokens[i].text != tokens[i].text.lower():
                    return False
            elif kind in ("next", "not_next", "next_within"):
                hit = any(_context_hit(w, text, tokens, j, +1, window) for w in words)
                if hit != (kind != "not_next"):
                    return False
            else:
                hit = any(_context_hit(w, text, tokens, i, -1, 1) for w in words)
                if hit != (kind == "prev"):
                    return False
        return True


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _context_hit(word: str, text: str, tokens: list[Token], k: int, step: int, window: int) -> bool:
    """Whether `word` (or a special class) stands within `window` tokens of token k."""
    if step > 0:
        gap = text[tokens[k].end: tokens[k + 1].start if k + 1 < len(tokens) else len(text)]
        if word == "quote":
            return any(q in gap for q in "\"“:")
        if word == "colon":
            return ":" in gap
        if word == "comma":
            return "," in gap
        if word == "end":
            return any(p in gap for p in ".!?") or k + 1 >= len(tokens)
    else:
        if word == "poss":
            return k > 0 and tokens[k - 1].lower.endswith("'s")
    phrase = word.split()
    for d in range(1, window + 1):
        start = k + step * d
        if step < 0:
            start = k - d - len(phrase) + 1
        if start < 0 or start + len(phrase) > len(tokens):
            break
        # Context never reaches across a sentence end.
        lo, hi = sorted((k, start + (len(phrase) - 1 if step > 0 else 0)))
        if any(p in text[tokens[lo].end: tokens[hi].start] for p in ".!?;") and hi != lo:
            break
        cand = tokens[start: start + len(phrase)]
        if len(phrase) == 1 and _special(phrase[0], cand[0]):
            return True
        if [t.lower for t in cand] == phrase:
            return True
    return False


def _special(word: str, tok: Token) -> bool:
    if word == "num":
        return bool(NUMBER_RE.match(tok.text)) or tok.lower in NUMBER_WORDS
    if word == "cap":
        return tok.text[:1].isupper()
    return False


NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
                         "fifty sixty seventy eighty ninety hundred hundreds thousand thousands million "
                         "millions billion billions half dozen dozens".split())


@dataclass(frozen=True)
class Lexicon:
    """All lexicon entries of one version, with a matcher for the framing terms and one for cues."""
    version: str
    entries: tuple[Entry, ...]
    terms: Matcher
    cues: Matcher


@lru_cache(maxsize=4)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Load and validate every lexicon file (cached per folder)."""
    entries: list[Entry] = []
    for name in LEXICON_FILES:
        entries.extend(read_entries(data_dir / name))
    terms = [e for e in entries if e.category != "attribution"]
    cues = [e for e in entries if e.category == "attribution"]
    return Lexicon(lexicon_version(data_dir), tuple(entries), Matcher(terms), Matcher(cues))
