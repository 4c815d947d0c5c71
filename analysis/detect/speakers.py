"""Speakers: affiliation from an editable data file, anonymity, and who a pronoun or 'the official' refers to."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.detect.lexicon import DATA_DIR

AFFILIATIONS = ("US military", "US administration", "China", "North Korea", "Japan", "South Korea",
                "Analysts/experts", "Other")
KIND_PRIORITY = {"name": 0, "institution": 1, "title": 2}
ANON_HEADS = frozenset("""official officials source sources diplomat diplomats aide aides analyst analysts
expert experts observer observers insider insiders people person critics lawmakers another one others""".split())
PRONOUNS = frozenset("he she they it we".split())
ABBREVIATIONS = {"gen": "general", "capt": "captain", "maj": "major", "adm": "admiral", "lt": "lieutenant",
                 "col": "colonel", "sgt": "sergeant", "prof": "professor", "dr": "doctor", "sen": "senator",
                 "rep": "representative", "gov": "governor", "pres": "president", "secy": "secretary"}
ROLE_WORDS = frozenset("""official general president minister ministry spokesman spokeswoman spokesperson commander
professor expert analyst secretary statement chancellor admiral captain major colonel ambassador""".split())
NAME_END_RE = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-zA-Z’'-]+$")


@dataclass(frozen=True)
class Affiliation:
    """One row of the affiliation file: a name, title or institution and the group it belongs to."""
    pattern: str
    kind: str
    affiliation: str
    note: str


@dataclass(frozen=True)
class Speaker:
    """Who says something: display name, full description, affiliation group, anonymity."""
    name: str
    description: str
    affiliation: str
    anonymous: bool
    person: bool


@lru_cache(maxsize=4)
def load_affiliations(path: Path = DATA_DIR / "affiliations.csv") -> tuple[tuple[re.Pattern, Affiliation], ...]:
    """Read the affiliation file; unknown groups are rejected so typos do not create new groups."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            aff = Affiliation(row["pattern"].strip(), row["kind"].strip(), row["affiliation"].strip(), row["note"].strip())
            if aff.affiliation not in AFFILIATIONS or aff.kind not in KIND_PRIORITY or not aff.pattern:
                raise ValueError(f"{path.name}:{line}: bad row {row}")
            variants = {aff.pattern, aff.pattern.replace("'", "’")}
            rx = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(v) for v in variants) + r")(?![\w’'])",
                            0 if aff.kind == "name" or aff.pattern.isupper() else re.I)
            out.append((rx, aff))
    return tuple(out)


@lru_cache(maxsize=65536)
def affiliation_of(description: str) -> tuple[str, str]:
    """(group, kind of the matching entry) for a speaker description; ('Other', '') when nothing matches."""
    best = None
    for rx, aff in load_affiliations():
        m = rx.search(description)
        if m:
            key = (KIND_PRIORITY[aff.kind], -(m.end() - m.start()))
            if best is None or key < best[0]:
                best = (key, aff)
    return (best[1].affiliation, best[1].kind) if best else ("Other", "")


def known_names(text: str) -> list[tuple[int, str]]:
    """Positions of the people named in the affiliation file that occur in a text (longest name at a place)."""
    return [(m.start(), m.group()) for m in _names_regex().finditer(text)]


@lru_cache(maxsize=4)
def _names_regex(path: Path = DATA_DIR / "affiliations.csv") -> re.Pattern:
    names = sorted({v for _, a in load_affiliations(path) if a.kind == "name"
                    for v in (a.pattern, a.pattern.replace("'", "’"))}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w’'])")


def _full_name(surname: str) -> str:
    """'Trump' -> 'Donald Trump' when the affiliation file has exactly one such full name."""
    fulls = {aff.pattern for _, aff in load_affiliations()
             if aff.kind == "name" and aff.pattern.endswith(" " + surname)}
    return fulls.pop() if len(fulls) == 1 else surname


INSTITUTION_WORDS = frozenset("""Force Forces House Ministry Department Command Navy Army Agency Sea Office Council
Times Post News Party Assembly Committee Administration Government Pentagon Spots Progress College University
Institute Center Centre Foundation Service Staff Guard Corps Bank Fund Union Nations""".split())


def _personal(name: str) -> bool:
    """A 'First Last' pair that is not the tail of an institution's name."""
    return not (set(name.split()) & INSTITUTION_WORDS) and affiliation_of(name)[1] != "institution"


def head_noun(description: str) -> str:
    """Last word of the description's main noun phrase (before any appositive comma)."""
    words = re.findall(r"[\w’'.-]+", description.split(",")[0])
    return words[-1].lower().strip(".") if words else ""


@lru_cache(maxsize=65536)
def make_speaker(description: str) -> Speaker:
    """Speaker from a description such as 'Geng Shuang, a Chinese foreign ministry spokesman'."""
    description = description.strip(" ,")
    parts = [p.strip() for p in description.split(",") if p.strip()] or [""]
    names = [m.group() for m in map(NAME_END_RE.search, parts) if m and _personal(m.group())]
    name = names[0] if names else parts[0]
    group, kind = affiliation_of(description)
    head = head_noun(description)
    person = bool(names) or (kind == "name" and head not in ANON_HEADS)
    anonymous = not person and head in ANON_HEADS
    if not names and kind == "name" and re.fullmatch(r"[A-Z][\w’'-]+", name):
        name = _full_name(name)
    return Speaker(name, description, group if description else "Other", anonymous, person)


def resolve(description: str, position: int, earlier: list[tuple[int, Speaker]], text: str,
            names: list[tuple[int, str]] | None = None) -> Speaker:
    """Resolve pronouns, surnames and 'the official'-style references against earlier speakers and names."""
    d = description.strip(" ,")
    low = d.lower()
    if low in PRONOUNS or low in ("another", "the other"):
        if low in ("he", "she"):
            cands = [(p, s) for p, s in earlier if s.person and p < position]
            names = known_names(text) if names is None else names
            cands += [(p, make_speaker(n)) for p, n in names if p < position]
        else:
            cands = [(p, s) for p, s in earlier if p < position]
        if cands:
            ref = max(cands, key=lambda c: c[0])[1]
            if low in ("another", "the other"):
                return Speaker(d, f"{d} ({ref.description})", ref.affiliation, ref.anonymous, ref.person)
            return ref
        return make_speaker(d)
    words = low.split()
    if len(words) == 2 and words[0] == "the" and words[1] in ROLE_WORDS:
        role = words[1]
        for _, s in sorted(earlier, key=lambda c: -c[0]):
            expanded = " ".join(ABBREVIATIONS.get(w.strip(".").lower(), w.lower()) for w in s.description.split())
            if re.search(rf"\b{re.escape(role)}\b", expanded):
                return s
    if re.fullmatch(r"[A-Z][a-zA-Z’'-]+", d) and affiliation_of(d)[1] != "institution":
        found = list(re.finditer(rf"\b(?:[A-Z][a-z]+\s)+{re.escape(d)}\b", text[:position]))
        m = found[-1] if found else None
        if m:
            full = " ".join(w for w in m.group().split()
                            if w.lower().strip(".") not in ABBREVIATIONS and w not in TITLE_WORDS and w not in ("The", "A", "An"))
            return make_speaker(full) if full.count(" ") else make_speaker(d)
    return make_speaker(d)


TITLE_WORDS = frozenset("President Secretary Minister Chancellor General Captain Professor Senator Spokesman "
                        "Spokeswoman Commander Chief Prime Premier Leader Ambassador Admiral Defense Defence "
                        "State Treasury Foreign US U.S. Chinese Japanese Korean".split())
