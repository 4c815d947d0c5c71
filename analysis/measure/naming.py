"""How outlets name the same actors and actions, from an editable alias file; and which actor a loaded term targets."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.detect.lexicon import DATA_DIR
from analysis.detect.speakers import person_names

# A country name that is part of a sea's or region's name does not name the country.
NOT_ACTOR_AFTER = re.compile(r"\s+(?:Sea|Seas|Peninsula|peninsula)\b")


@dataclass(frozen=True)
class Alias:
    """One way of naming an actor or action."""
    actor: str
    name: str
    kind: str
    note: str


@lru_cache(maxsize=4)
def load_aliases(path: Path = DATA_DIR / "aliases.csv") -> tuple[Alias, ...]:
    """Read the alias file (actor, name, kind, note)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [Alias(r["actor"].strip(), r["name"].strip(), r["kind"].strip(), r["note"].strip())
                for r in csv.DictReader(fh) if r["actor"].strip() and r["name"].strip()]
    return tuple(rows)


@lru_cache(maxsize=4)
def _alias_regex(path: Path = DATA_DIR / "aliases.csv") -> tuple[re.Pattern, dict[str, Alias]]:
    aliases = load_aliases(path)
    by_name = {a.name.lower(): a for a in aliases}
    names = sorted(by_name, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w-])", re.I)
    return rx, by_name


def mentions(text: str) -> list[tuple[int, int, Alias]]:
    """Every naming of an actor or action in a text (longest name first, never overlapping)."""
    rx, by_name = _alias_regex()
    out = []
    for m in rx.finditer(text):
        if NOT_ACTOR_AFTER.match(text, m.end()):
            continue
        alias = by_name.get(re.sub(r"\s+", " ", m.group().lower()))
        if alias is not None and _case_ok(m.group(), alias.name):
            out.append((m.start(), m.end(), alias))
    return out


def _case_ok(found: str, name: str) -> bool:
    """Proper names must be capitalised as in the file ('US' but not 'us'; 'Kim' but not 'kim')."""
    return found[:1].isupper() == name[:1].isupper() or not name[:1].isalpha() or name[:1].islower()


def naming_table(texts: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Tidy counts: one row per (outlet, actor, name) over texts {article_id: (outlet, body text)}."""
    rows = []
    for article_id, (outlet, text) in texts.items():
        for _s, _e, alias in mentions(text):
            rows.append({"article_id": article_id, "outlet": outlet, "actor": alias.actor, "name": alias.name,
                         "kind": alias.kind, "note": alias.note})
    df = pd.DataFrame(rows, columns=["article_id", "outlet", "actor", "name", "kind", "note"])
    return df.groupby(["actor", "name", "kind", "note", "outlet"]).size().rename("count").reset_index()


def naming_matrix(counts: pd.DataFrame) -> pd.DataFrame:
    """Wide table for reading: one row per actor and name, one column per outlet (count of uses)."""
    if counts.empty:
        return pd.DataFrame(columns=["actor", "name", "kind"])
    wide = counts.pivot_table(index=["actor", "name", "kind"], columns="outlet", values="count", fill_value=0)
    return wide.reset_index().sort_values(["actor", "name"]).reset_index(drop=True)


def targets(text: str, spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """For each loaded term, whom its sentence aims it at: the object of a verb of saying before it ('Mr. Trump
    accused Mr. Strzok of being a "disgrace"': Strzok), else the nearest actor or person named before it (else after
    it); never the speaker, the speaker's own country or the speaker's own name; '' when the sentence names nobody else."""
    rows = []
    loaded = spans[spans["category"] == "loaded"]
    cues = spans[spans["category"] == "attribution"]
    for row in loaded.itertuples():
        sent = sentences.iloc[row.sentence]
        own = _own_names(row.speaker, getattr(row, "country", ""))
        cands = [c for c in _named_in(text, sent.start, sent.end)
                 if not (c[0] <= row.start < c[1]) or c[3]][:200]
        cands = [c for c in cands if c[2] not in own and not (set(text[c[0]:c[1]].split()) & own)]
        inside = [c for c in cands if c[0] <= row.start < c[1] and c[3]]  # "the North Korean regime"
        cue_ends = [e for s, e in zip(cues["start"], cues["end"]) if sent.start <= s and e <= row.start]
        objects = [c for c in cands if cue_ends and max(cue_ends) <= c[0] and c[1] <= row.start]
        before = [c for c in cands if c[1] <= row.start]
        after = [c for c in cands if c[0] >= row.end]
        pick = (inside[0] if inside else min(objects, key=lambda c: c[0]) if objects else
                max(before, key=lambda c: c[1]) if before else min(after, key=lambda c: c[0]) if after else None)
        rows.append({"start": row.start, "end": row.end, "term": row.text.lower(), "voice": row.voice,
                     "speaker": row.speaker or "(the outlet)", "affiliation": row.affiliation or "(the outlet)",
                     "country": getattr(row, "country", "") or "",
                     "target": pick[2] if pick else "", "target_named_as": text[pick[0]:pick[1]] if pick else ""})
    return pd.DataFrame(rows, columns=TARGET_COLUMNS)


TARGET_COLUMNS = ["start", "end", "term", "voice", "speaker", "affiliation", "country", "target", "target_named_as"]
PERSON_RE = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov)\.\s+[A-Z][\w’'-]+|[A-Z][a-z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+){1,2})")


def _own_names(speaker: str, country: str) -> set[str]:
    """What names the speaker's own side: the speaker's words ('Trump', 'Donald') and country."""
    words = {w for w in re.findall(r"[A-Z][\w’'-]+", speaker or "") if w not in ("Mr", "Mrs", "Ms", "The", "A", "An")}
    return words | ({country} if country else set())


def _named_in(text: str, lo: int, hi: int) -> list[tuple[int, int, str, bool]]:
    """Actors of the alias file and people named in [lo, hi): (start, end, actor or person, is an actor)."""
    actors = [(s, e, a.actor, True) for s, e, a in mentions(text[lo:hi]) if a.actor != "the flights"]
    actors = [(s + lo, e + lo, a, k) for s, e, a, k in actors]
    taken = [(s, e) for s, e, _, _ in actors]
    people = []
    for m in PERSON_RE.finditer(text, lo, hi):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found = person_names([m.group()]) if not m.group().startswith(("Mr.", "Mrs.", "Ms.", "Dr.")) else [m.group()]
        if found:
            people.append((m.start(), m.end(), found[0].split()[-1], False))
    return sorted(actors + people)
