"""Lexicons as data: the bundled files, topic packs and a user's own folder layered over them, and fast matching."""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from analysis.text.segment import TITLES

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
LEXICON_FILES = ("loaded.csv", "hedges.csv", "boosters.csv", "cues.csv")
PACKS_DIR = "packs"
PACKS_FILE = "packs.csv"
WORDS_FILE = "words.csv"
FRAMING = ("loaded", "hedge", "vague", "booster")  # categories of wording, counted and compared as rates
REQUIRED_COLUMNS = ("term", "category", "subcategory", "rule", "neutral_alternative", "note", "source")
STRENGTHS = ("strong", "moderate")
OFF_VALUES = frozenset({"no", "off", "false", "0", "disabled"})
CONSTRUCTIONS = ("colon", "complement", "poll", "dash")  # attribution cues found by a construction, not by their words

# a period joins 'U.S' and 'a.m', but not two sentences glued by a lost space ('said.Trump'; segment.BOUNDARY_RE)
# and a number keeps its thousands separators ('250,000 Syrians': one word, not '250' and a phrase '000 Syrians')
TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|"
                      r"[A-Za-z0-9\u00C0-\u024F]+(?:(?:[-'’]|\.(?!(?<=[a-z]{2}\.)[A-Z][a-z]))[A-Za-z0-9\u00C0-\u024F]+)*")
# the end of a quotation, just before a tag ('...,” said'); older newswire closes with two apostrophes ('...,'' said')
QUOTE_TAG_RE = re.compile(r"[,?!]\s*(?:[”\"]|'')\s*$")
NUMBER_RE = re.compile(r"^[$€£¥]?\d")

RULES_HELP = {
    "lowercase": "matches only when written in lower case (e.g. 'may' the verb, not 'May' the month)",
    "next:A|B": "matches only when the next word is A or B",
    "not_next:A|B": "does not match when the next word(s) are A or B",
    "prev:A|B": "matches only when the previous word is A or B",
    "not_prev:A|B": "does not match when the previous word is A or B",
    "next_within:N:A|B": "matches only when A or B follows within N words",
    "not_prev_within:N:A|B": "does not match when A or B stands within N words before (in the same sentence)",
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
    strength: str = ""
    pack: str = ""


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
    new = tuple.__new__  # Token(...) through its generated __new__ costs twice as much, on every word
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        word = m.group()
        # "U.S." keeps its final period; a sentence-final period does not belong to the word.
        if "." in word and e < n and text[e] == "." and len(word.replace(".", "")) <= 3:
            e += 1
            word = text[s:e]
        low = word.lower()
        out.append(new(Token, (s, e, word, low.replace("’", "'") if "’" in low else low)))
    return out


def lexicon_version(data_dir: Path = DATA_DIR, *extra: str) -> str:
    """Short content hash of every data file of a folder (and its packs) plus any extra parts."""
    h = hashlib.sha256()
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.suffix in (".csv", ".json"):
            h.update(path.relative_to(data_dir).as_posix().encode())
            h.update(path.read_bytes())
    for part in extra:
        h.update(part.encode())
    return h.hexdigest()[:12]


def read_entries(path: Path, pack: str = "") -> list[Entry]:
    """Read one lexicon CSV, rejecting rows without a term, category or source, or with a bad rule or strength."""
    return [e for e in _read_rows(path, pack) if isinstance(e, Entry)]


def _read_rows(path: Path, pack: str = "", allow_disable: bool = False) -> list[Entry | tuple[str, str]]:
    """Entries of a CSV, and (term, category) pairs that a user row switches off (enabled = no)."""
    out: list[Entry | tuple[str, str]] = []
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ValueError(f"{path.name}: cannot be read ({exc.strerror})") from None
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing and not (allow_disable and "term" in (reader.fieldnames or []) and "enabled" in reader.fieldnames):
            raise ValueError(f"{path.name}: missing columns {', '.join(missing)}")
        for line, row in enumerate(reader, start=2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            get = row.get
            if allow_disable and get("enabled", "").lower() in OFF_VALUES:
                if not get("term"):
                    raise ValueError(f"{path.name}:{line}: a row that disables a term needs the term")
                out.append((get("term").lower(), get("category", "")))
                continue
            if not get("term") or not get("category") or not get("source"):
                raise ValueError(f"{path.name}:{line}: every entry needs a term, a category and a source")
            strength = get("strength", "").lower()
            if strength and strength not in STRENGTHS:
                raise ValueError(f"{path.name}:{line}: strength must be one of {', '.join(STRENGTHS)}, not {strength!r}")
            try:
                parse_rule(get("rule"))
            except ValueError as exc:
                raise ValueError(f"{path.name}:{line}: {exc}") from None
            out.append(Entry(
                term=get("term").lower(), category=get("category"), subcategory=get("subcategory"), rule=get("rule"),
                neutral_alternative=get("neutral_alternative"), note=get("note"), source=get("source"),
                tone=get("tone", ""), file=path.name,
                strength=strength or ("moderate" if get("category") == "loaded" else ""),
                pack=pack))
    return out


def parse_rule(rule: str) -> tuple[tuple[str, tuple[str, ...], int], ...]:
    """Parse 'kind:A|B;kind2:N:C' into (kind, words, window) conditions."""
    conds = []
    for part in filter(None, (p.strip() for p in rule.split(";"))):
        kind, _, rest = part.partition(":")
        window = 1
        if kind in ("next_within", "not_prev_within"):
            n, _, rest = rest.partition(":")
            window = int(n)
        elif kind not in {"lowercase", "next", "not_next", "prev", "not_prev"}:
            raise ValueError(f"unknown rule {part!r}; known: {', '.join(RULES_HELP)}")
        conds.append((kind, tuple(w.strip().lower() for w in rest.split("|") if w.strip()), window))
    return tuple(conds)


class _Node:
    """One word of the phrase trie: the entries ending here, the exact next words and the prefix next words."""
    __slots__ = ("entries", "exact", "prefix", "prefix_lengths")

    def __init__(self):
        self.entries: list[Entry] = []
        self.exact: dict[str, _Node] = {}
        self.prefix: dict[str, _Node] = {}
        self.prefix_lengths: tuple[int, ...] = ()

    def children(self, word: str):
        node = self.exact.get(word)
        if node is not None:
            yield node
        for n in self.prefix_lengths:
            if n > len(word):
                break
            node = self.prefix.get(word[:n])
            if node is not None:
                yield node


class Matcher:
    """Finds lexicon terms (single words, phrases, trailing-* prefixes) in tokenised text.

    Terms sit in a trie of words, so the work per token is bounded by the longest phrase, not the lexicon's size."""

    def __init__(self, entries: list[Entry]):
        self.rules = {e: parse_rule(e.rule) for e in entries}
        self.root = _Node()
        for e in entries:
            node = self.root
            for w in e.term.replace("’", "'").split():
                if w.endswith("*"):
                    node = node.prefix.setdefault(w[:-1], _Node())
                else:
                    node = node.exact.setdefault(w, _Node())
            node.entries.append(e)
        stack = [self.root]
        while stack:
            node = stack.pop()
            node.prefix_lengths = tuple(sorted({len(p) for p in node.prefix}))
            stack.extend(node.exact.values())
            stack.extend(node.prefix.values())
        self._first: dict[str, tuple[_Node, ...]] = {}
        self._curated_loaded: dict[str, bool] = {}

    def has_loaded_word(self, word: str) -> bool:
        """Whether a one-word loaded entry matches this word (exactly or by prefix), whatever its rules say."""
        found = self._curated_loaded.get(word)
        if found is None:
            found = any(e.category == "loaded" for e in self.single_word_entries(word))
            if len(self._curated_loaded) < 200_000:
                self._curated_loaded[word] = found
        return found

    def _starts(self, word: str) -> tuple[_Node, ...]:
        """The trie nodes a term's first word can reach from `word` (exactly or by prefix); memoised per word."""
        nodes = self._first.get(word)
        if nodes is None:
            nodes = tuple(self.root.children(word))
            if len(self._first) < 200_000:
                self._first[word] = nodes
        return nodes

    def single_word_entries(self, word: str) -> list[Entry]:
        """The one-word entries a word matches (exactly or by prefix), whatever their rules say."""
        return [e for node in self._starts(word) for e in node.entries]

    def _ends(self, frontier: tuple[_Node, ...], tokens: list[Token], i: int) -> list[tuple[int, Entry]]:
        """(last token, entry) of every term that starts at token i (whose first-word nodes are given), longest first."""
        out: list[tuple[int, Entry]] = [(i, e) for node in frontier for e in node.entries]
        j, n = i + 1, len(tokens)
        frontier = [node for node in frontier if node.exact or node.prefix]
        while frontier and j < n and tokens[j].start - tokens[j - 1].end <= 2:
            word, reached = tokens[j].lower, []
            for node in frontier:  # node.children(word) written out: this runs for every word that starts a term
                child = node.exact.get(word)
                if child is not None:
                    reached.append(child)
                for k in node.prefix_lengths:
                    if k > len(word):
                        break
                    child = node.prefix.get(word[:k])
                    if child is not None:
                        reached.append(child)
            for node in reached:
                out.extend((j, e) for e in node.entries)
            frontier = [node for node in reached if node.exact or node.prefix]
            j += 1
        if len(out) > 1:
            out.sort(key=lambda x: -x[0])
        return out

    def find(self, text: str, tokens: list[Token]) -> list[Match]:
        """Every match, longest first at each position, never overlapping within a category."""
        found: list[Match] = []
        taken: dict[str, int] = {}
        first = self._first
        for i in [i for i, t in enumerate(tokens) if first.get(t.lower, True)]:  # words starting a term, or unseen
            tok = tokens[i]
            nodes = first.get(tok.lower) or self._starts(tok.lower)
            if not nodes:
                continue
            for j, entry in self._ends(nodes, tokens, i):
                if taken.get(entry.category, -1) >= i:
                    continue
                if self.rules[entry] and not self._rule_ok(entry, text, tokens, i, j):
                    continue
                found.append(Match(tok.start, tokens[j].end, i, j, entry))
                taken[entry.category] = j
        return found

    def _rule_ok(self, entry: Entry, text: str, tokens: list[Token], i: int, j: int) -> bool:
        rules = self.rules[entry]
        if any(kind == "not_next" and _any_hit(words, text, tokens, j, +1, window) for kind, words, window in rules):
            return False  # 'sworn in', 'called off', 'told to': the word's other sense, whatever its context
        if entry.category == "attribution" and entry.subcategory == "speech" and i > 0 and \
                QUOTE_TAG_RE.search(text, tokens[i - 1].end, tokens[i].start):
            return True  # '“...,” added Pavone': a verb of saying right after a quotation introduces its speaker
        if entry.category == "attribution" and i > 0 and tokens[i].lower in word_class("showing_verb") and \
                tokens[i - 1].lower in word_class("evidence") and not text[tokens[i - 1].end: tokens[i].start].strip():
            return True  # 'a new poll shows ...', 'records show': what a record or poll shows is attributed to it
        if entry.category == "attribution" and i > 1 and tokens[i - 1].lower == "to" and \
                tokens[i - 2].lower in word_class("catenative_to") and \
                not text[tokens[i - 2].end:tokens[i - 1].start].strip() and not text[tokens[i - 1].end:tokens[i].start].strip():
            return True  # 'went on to say', 'was quick to point out': the subject says it, no infinitive of purpose
        if entry.category == "attribution" and entry.subcategory == "speech" and _tag_after_quotation(text, tokens, i):
            return True  # '“...,” he continued.': a reporting clause after a quotation, whatever the verb
        if entry.category == "attribution" and j + 1 < len(tokens) and tokens[j + 1].lower == "by" and i > 0 and \
                tokens[i - 1].lower in ("first", "previously", "initially", "originally") and tokens[i].lower.endswith("ed"):
            return True  # 'the meeting was first reported by Politico': a passive with its agent
        if entry.category == "attribution" and entry.subcategory == "speech" and i > 0 and i == j and \
                tokens[i].lower.endswith("ing") and tokens[i].text.islower() and \
                text[tokens[i - 1].end:tokens[i].start].strip() == ",":
            return True  # '..., adding the U.S. must act', '..., claiming the ban was illegal': a participle clause of saying
        if entry.category == "attribution" and _subject_before(text, tokens, i, entry.subcategory == "speech"):
            return True  # 'she noted the cost', 'Viguerie concludes': a finite verb whose subject is a person or name
        if entry.category == "attribution" and _subject_before_aside(text, tokens, i):
            return True  # 'Rubio, a Florida senator, hopes Iowa will ...': the subject stands before the appositive
        for kind, words, window in rules:
            if kind == "lowercase":
                if tokens[i].text != tokens[i].text.lower():
                    return False
            elif kind in ("next", "not_next", "next_within"):
                if _any_hit(words, text, tokens, j, +1, window) != (kind != "not_next"):
                    return False
            elif kind == "not_prev_within":
                if _any_hit(words, text, tokens, i, -1, window):
                    return False
            elif _any_hit(words, text, tokens, i, -1, 1) != (kind == "prev"):
                return False
        return True


# Determiners that never stand alone as a subject (unlike 'Some', 'Many', 'Both'; Quirk et al. 1985, sec. 5.10-5.13)
# and conjunctions: capitalised at a sentence's start, they are no subject either
ARTICLES_AND_POSSESSIVES = frozenset("the a an his her their its our my your every each such".split()) | frozenset(
    "and but or nor yet so if when while as because although though".split())  # 'But protest organizers say
TAG_END_RE = re.compile(r"[ \t]*[,.:;]")


def _tag_after_quotation(text: str, tokens: list[Token], i: int) -> bool:
    """A reporting clause between or after quotations: a closing quotation, a short subject (a pronoun or up to three
    capitalised words) and the verb ending the clause ('“...,” he continued.', '“...,” Ryan went on, “...”')."""
    if not TAG_END_RE.match(text, tokens[i].end) or not tokens[i].text.islower():
        return False
    k = i - 1
    if k >= 0 and (tokens[k].lower in word_class("subject_pronoun") or tokens[k].lower == "it"):
        k -= 1  # '“...,” it read.': a writing quoted
    elif k >= 1 and tokens[k].text.islower() and (tokens[k - 1].text == "the" or (
            k >= 2 and tokens[k - 2].text == "the" and tokens[k - 1].text.islower())):
        k -= 3 if tokens[k - 1].text != "the" else 2  # '“...,” the email read.', '“...,” the white paper states.'
    else:
        while k >= 0 and i - k <= 3 and tokens[k].text[:1].isupper() and (
                not text[tokens[k].end:tokens[k + 1].start].strip() or _title_dot(text, tokens, k)):
            k -= 1
    if k == i - 1:
        return False
    gap_start = tokens[k].end if k >= 0 else max(0, tokens[k + 1].start - 4)
    return QUOTE_TAG_RE.search(text, gap_start, tokens[k + 1].start) is not None


def _title_dot(text: str, tokens: list[Token], k: int) -> bool:
    """Token k is an abbreviated title before a name ('Mr. Gray', 'Sen. Cruz'): a short capitalised word and a period."""
    return len(tokens[k].text) <= 4 and tokens[k].text.isalpha() and text[tokens[k].end:tokens[k + 1].start].strip() == "."


def _subject_before(text: str, tokens: list[Token], i: int, perfect: bool = False) -> bool:
    """A lower-case word right after a subject pronoun, a capitalised name or a noun for people ('she claims',
    'Trump plans', 'the candidate claims'), or after one of them and a medial adverb ('Politico first reported',
    'He openly questioned'); with `perfect` (verbs of saying) also after a perfect auxiliary ('Cruz has told')."""
    k = i  # the word the subject stands before: the verb, or a medial adverb or perfect auxiliary before it
    if k > 1 and _medial_adverb(tokens[k - 1]) and not text[tokens[k - 1].end:tokens[k].start].strip() \
            and not tokens[k - 2].lower.endswith(("'s", "’s")):
        k -= 1
    if perfect and k > 1 and tokens[k - 1].lower in PERFECT and not text[tokens[k - 1].end:tokens[k].start].strip() and (
            tokens[i].lower.endswith("ed") or tokens[i].lower in word_class("irregular_participle")):
        k -= 1  # 'Cruz has questioned', 'He has openly questioned': a perfect verb group
        if k > 1 and _medial_adverb(tokens[k - 1]) and not text[tokens[k - 1].end:tokens[k].start].strip():
            k -= 1  # 'Trump also has said'
    prev = tokens[k - 1] if k > 0 else None
    if prev is not None and prev.lower in ARTICLES_AND_POSSESSIVES:
        return False  # 'The plans', 'Their voices': a capitalised article or possessive makes the word a noun
    if prev is not None and prev.lower.endswith(("'s", "’s")) and prev.lower[:-2] not in CONTRACTED_SUBJECTS and (
            i + 1 >= len(tokens) or tokens[i + 1].lower not in NOUN_COMPLEMENTS):
        return False  # 'Clinton's support falls': a name in the genitive makes the word a noun; with a complement
        # ('Trump's claim that ...', 'Cruz's call for ...') the noun still reports what its owner says
    if prev is not None and k > 1 and tokens[k - 2].lower.endswith(("'s", "’s")) and prev.text[:1].isupper() and \
            tokens[k - 2].lower[:-2] not in CONTRACTED_SUBJECTS and text[tokens[k - 2].end:prev.start] == " ":
        return False  # 'Trump's Islamophobia threatens': one capitalised word after a genitive is a thing, not a name
    return prev is not None and tokens[i].text.islower() and tokens[i].lower not in word_class("raising_verb") \
        and not text[prev.end:tokens[k].start].strip() and (
        prev.lower in word_class("subject_pronoun") or prev.text[:1].isupper() or (
            prev.lower in word_class("person_noun") and prev.text.islower()))


PERFECT = frozenset("has have had".split())
# Words whose 's is a contracted 'is' or 'has' ('he's said', 'that's'), not a genitive
CONTRACTED_SUBJECTS = frozenset("he she it that there what who here where how let".split())
# Words that open the complement of a noun of saying or stance ('claim that', 'plan to', 'call for', 'attack on')
NOUN_COMPLEMENTS = frozenset("that to for of about against on with".split())


def _medial_adverb(tok: Token) -> bool:
    """An adverb that may stand between a subject and its verb ('first', 'also', 'publicly')."""
    low = tok.lower
    return tok.text.islower() and (low in word_class("medial_adverb") or (low.endswith("ly") and len(low) > 4))


ASIDE_BREAK_RE = re.compile(r"[.;:!?—–“”\"()]")
MAX_ASIDE = 15  # words an appositive or relative clause between a subject and its verb may have


def _subject_before_aside(text: str, tokens: list[Token], i: int) -> bool:
    """A lower-case verb right after a comma that closes an appositive or a relative clause on a name or a noun for
    people ('Rubio, a Florida senator, hopes ...', 'Cruz, who has seen his lead evaporate, challenged ...'): the
    verb's subject is the name before the aside (Quirk et al. 1985, sec. 17.65-17.72: non-restrictive apposition,
    set off by commas)."""
    if i < 3 or not tokens[i].text.islower() or tokens[i].lower.endswith("ing") or \
            tokens[i].lower in word_class("raising_verb") or text[tokens[i - 1].end:tokens[i].start].strip() != ",":
        return False
    k = i - 1
    while k > 0 and i - k <= MAX_ASIDE:
        gap = text[tokens[k - 1].end:tokens[k].start]
        if ASIDE_BREAK_RE.search(gap):
            return False
        if gap.strip() == ",":
            head = tokens[k - 1]
            return k < i - 1 and head.lower not in ARTICLES_AND_POSSESSIVES and (
                head.text[:1].isupper() or (head.lower in word_class("person_noun") and head.text.islower()))
        k -= 1
    return False


def _sentence_end_between(text: str, tokens: list[Token], lo: int, hi: int) -> bool:
    """Whether a sentence ends between tokens lo and hi: '.', '!', '?' or ';', but not the period of a title or an
    initial ('named Gen. Smith as', 'told J. Smith')."""
    for k in range(lo, hi):
        gap = text[tokens[k].end: tokens[k + 1].start]
        if any(p in gap for p in "!?;"):
            return True
        if "." in gap and not (gap.startswith(".") and (tokens[k].lower in TITLES or len(tokens[k].text) == 1)):
            return True
    return False


GAP_WORDS = frozenset(("quote", "colon", "comma", "end"))  # what the gap after a token holds (looking forward)
TOKEN_CLASSES = frozenset(("num", "cap"))


@cache
def _sorted_words(words: tuple[str, ...], forward: bool) -> tuple[frozenset[str], frozenset[str], frozenset[str],
                                                                    bool, tuple[str, ...]]:
    """A rule's words by how they are checked: (plain words, token classes, gap marks, 'poss', phrases)."""
    gaps = frozenset(w for w in words if forward and w in GAP_WORDS)
    poss = not forward and "poss" in words
    special = frozenset(w for w in words if w in TOKEN_CLASSES)
    phrases = tuple(w for w in words if " " in w)
    plain = frozenset(words) - gaps - special - set(phrases) - ({"poss"} if poss else set())
    return plain, special, gaps, poss, phrases


def _any_hit(words: tuple[str, ...], text: str, tokens: list[Token], k: int, step: int, window: int) -> bool:
    """Whether any of a rule's words stands within `window` tokens of token k: gap marks, 'poss', then plain words
    and token classes in one walk over the window, then phrases."""
    plain, special, gaps, poss, phrases = _sorted_words(words, step > 0)
    if gaps:
        gap = text[tokens[k].end: tokens[k + 1].start if k + 1 < len(tokens) else len(text)]
        if ("quote" in gaps and any(q in gap for q in "\"“:")) or ("colon" in gaps and ":" in gap) or \
                ("comma" in gaps and "," in gap) or ("end" in gaps and (any(p in gap for p in ".!?") or k + 1 >= len(tokens))):
            return True
    if poss and k > 0 and tokens[k - 1].lower.endswith("'s"):
        return True
    if plain or special:
        for d in range(1, window + 1):
            at = k + step * d
            if at < 0 or at >= len(tokens):
                break
            if _sentence_end_between(text, tokens, min(at, at - step), max(at, at - step)):
                break  # context never reaches across a sentence end
            tok = tokens[at]
            if tok.lower in plain or any(_special(w, tok) for w in special):
                return True
    return any(_phrase_hit(w, text, tokens, k, step, window) for w in phrases)


def _phrase_hit(phrase: str, text: str, tokens: list[Token], k: int, step: int, window: int) -> bool:
    """Whether a phrase of several words stands within `window` tokens of token k (never across a sentence end)."""
    words = phrase.split()
    for d in range(1, window + 1):
        start = k + d if step > 0 else k - d - len(words) + 1
        if start < 0 or start + len(words) > len(tokens):
            break
        lo, hi = sorted((k, start + (len(words) - 1 if step > 0 else 0)))
        if hi != lo and _sentence_end_between(text, tokens, lo, hi):
            break
        if [t.lower for t in tokens[start: start + len(words)]] == words:
            return True
    return False


def _special(word: str, tok: Token) -> bool:
    if word == "num":
        return bool(NUMBER_RE.match(tok.text)) or tok.lower in word_class("number")
    if word == "cap":
        return tok.text[:1].isupper()
    return False


@lru_cache(maxsize=4)
def load_words(path: Path = DATA_DIR / WORDS_FILE) -> dict[str, frozenset[str]]:
    """Word classes the rules use (number words, negators, heads of established names ...), from words.csv."""
    classes: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            name, words = (row.get("class") or "").strip(), (row.get("words") or "").split()
            if not name or not words or not (row.get("source") or "").strip():
                raise ValueError(f"{path.name}:{line}: every word class needs a name, words and a source")
            classes.setdefault(name, set()).update(w.lower() for w in words)
    return {k: frozenset(v) for k, v in classes.items()}


def word_class(name: str) -> frozenset[str]:
    """One bundled word class (empty if unknown)."""
    return load_words().get(name, frozenset())


@lru_cache(maxsize=16)
def phrase_index(*classes: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of word classes written with '_' ('as_well_as', 'new_york') as word tuples by their first word,
    longest first, so a text is matched by trying a few phrases at each word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in frozenset().union(*(word_class(c) for c in classes)):
        words = tuple(phrase.split("_"))
        by_first.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(ps, key=len, reverse=True)) for w, ps in by_first.items()}


@dataclass(frozen=True)
class Pack:
    """A topic pack: extra loaded terms for one kind of story, switched on or off as a whole."""
    name: str
    title: str
    default: bool
    description: str
    source: str


def read_packs(data_dir: Path = DATA_DIR) -> dict[str, Pack]:
    """The bundled topic packs (packs/packs.csv), each with its CSV file packs/NAME.csv."""
    path = data_dir / PACKS_DIR / PACKS_FILE
    if not path.is_file():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["pack"].strip()
            out[name] = Pack(name, row["title"].strip(), row["default"].strip().lower() in ("yes", "true", "1"),
                             row["description"].strip(), row["source"].strip())
    return out


def default_packs(data_dir: Path = DATA_DIR) -> tuple[str, ...]:
    """The packs switched on unless the settings say otherwise."""
    return tuple(p.name for p in read_packs(data_dir).values() if p.default)


@dataclass(frozen=True)
class Lexicon:
    """All lexicon entries of one version, with a matcher for the framing terms and one for cues."""
    version: str
    entries: tuple[Entry, ...]
    terms: Matcher
    cues: Matcher
    packs: tuple[str, ...] = ()
    user_dir: Path | None = None
    use_model: bool = True
    subcategories: dict[str, tuple[str, ...]] = field(default_factory=dict)
    constructions: dict[str, Entry] = field(default_factory=dict)  # cues found by construction: colon, complement


def layer_entries(bundled: list[Entry], user_dir: Path | None) -> list[Entry]:
    """The bundled entries with a user folder's CSV files laid over them.

    A user row with the same term and category replaces the bundled row; a row with `enabled` = no removes the
    term (from that category, or from every category if the row has none); other rows are added."""
    if user_dir is None:
        return bundled
    if not user_dir.is_dir():
        raise ValueError(f"{user_dir}: the user lexicon folder does not exist")
    user: list[Entry] = []
    off: set[tuple[str, str]] = set()
    for path in sorted(user_dir.glob("*.csv")):
        if path.name == WORDS_FILE:
            continue
        for row in _read_rows(path, pack="user", allow_disable=True):
            if isinstance(row, Entry):
                user.append(row)
            else:
                off.add(row)
    replaced = {(e.term, e.category) for e in user}
    keep = [e for e in bundled if (e.term, e.category) not in replaced and (e.term, e.category) not in off
            and (e.term, "") not in off]
    return keep + [e for e in user if (e.term, e.category) not in off and (e.term, "") not in off]


def load_lexicon(data_dir: Path = DATA_DIR, user_dir: Path | None = None, packs: tuple[str, ...] | None = None,
                 use_model: bool = True) -> Lexicon:
    """Load and validate the lexicon files, the chosen topic packs (None: the default ones) and a user folder
    (loaded again whenever the user folder's files change)."""
    return _load_lexicon(data_dir, user_dir, packs, use_model, folder_version(user_dir) if user_dir else "")


def folder_version(folder: Path) -> str:
    """Short content hash of the lexicon CSV files directly in a folder (the ones a user layer reads)."""
    h = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.glob("*.csv")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


@lru_cache(maxsize=8)
def _load_lexicon(data_dir: Path, user_dir: Path | None, packs: tuple[str, ...] | None, use_model: bool,
                  user_part: str) -> Lexicon:
    known = read_packs(data_dir)
    packs = default_packs(data_dir) if packs is None else tuple(packs)
    unknown = [p for p in packs if p not in known]
    if unknown:
        raise ValueError(f"unknown topic pack {', '.join(unknown)}; known: {', '.join(known) or 'none'}")
    entries: list[Entry] = []
    for name in LEXICON_FILES:
        entries.extend(read_entries(data_dir / name, pack="core" if name == "loaded.csv" else ""))
    for p in packs:
        entries.extend(read_entries(data_dir / PACKS_DIR / f"{p}.csv", pack=p))
    entries = layer_entries(entries, user_dir)
    terms = [e for e in entries if e.category != "attribution"]
    cues = [e for e in entries if e.category == "attribution"]
    version = lexicon_version(data_dir, "packs=" + ",".join(packs), "user=" + user_part,
                              "model=" + str(use_model), _resource_versions())
    subs: dict[str, set[str]] = {}
    for e in terms:
        subs.setdefault(e.category, set()).add(e.subcategory)
    constructions = {e.subcategory: e for e in cues if e.subcategory in CONSTRUCTIONS}
    return Lexicon(version, tuple(entries), Matcher(terms), Matcher(cues), packs, user_dir, use_model,
                   {c: tuple(sorted(s)) for c, s in subs.items()}, constructions)


def user_folder(settings) -> Path | None:
    """The user lexicon folder a `Settings` value lays over the bundled files: its `lexicon` folder if set, else the
    teacher's lexicon kept by the lexicon editor (if the teacher saved one)."""
    if settings.lexicon is not None:
        return settings.lexicon
    current = settings.teacher_lexicon / "current"
    return current if current.is_dir() else None


def lexicon_for(settings) -> Lexicon:
    """The lexicon a `Settings` value asks for: bundled files, its topic packs, its user folder, model on or off."""
    return load_lexicon(DATA_DIR, user_folder(settings), settings.packs, settings.loaded_model)


@dataclass(frozen=True)
class LexiconChange:
    """What a user layer changes against the bundled lexicon: the entries added, replaced or switched off, and the
    feature schema; so that an article is analysed again only if a changed entry occurs in it."""
    base_version: str
    entries: tuple[Entry, ...]
    matcher: Matcher
    schema: str

    def key_for(self, text: str) -> str:
        """The lexicon's version as far as it matters for this text (the same for every text no change touches)."""
        found = sorted({repr(m.entry) for m in self.matcher.find(text, tokenize(text))})
        return hashlib.sha256("\n".join([self.base_version, self.schema, *found]).encode()).hexdigest()[:12]

    def touches(self, text: str) -> bool:
        """Whether a changed entry occurs in this text."""
        return bool(self.matcher.find(text, tokenize(text)))


def lexicon_change(lexicon: Lexicon, bundled: Lexicon) -> LexiconChange:
    """The difference between a lexicon and the bundled one it is laid over (same packs and model)."""
    changed = tuple(set(lexicon.entries) ^ set(bundled.entries))
    schema = repr(sorted(lexicon.subcategories.items()))
    if any(e.subcategory in CONSTRUCTIONS for e in changed if e.category == "attribution"):
        schema += lexicon.version  # cues found by construction can apply anywhere: every text is affected
    return LexiconChange(bundled.version, changed, Matcher(list(changed)), schema)


def _resource_versions() -> str:
    """Versions of the published rating resources read from installed packages (they change what is flagged)."""
    from importlib.metadata import PackageNotFoundError, version
    parts = []
    for name in ("vaderSentiment", "textblob"):
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=missing")
    return ";".join(parts)
