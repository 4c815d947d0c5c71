"""How outlets name the same actors and actions, from an editable alias file; and which actor a loaded term targets."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.detect.lexicon import DATA_DIR

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
    """For each loaded term, the actor its sentence points it at: the nearest actor named before it in the
    sentence (else after it), never the speaker's own group; '' when the sentence names no other actor."""
    found = [(s, e, a) for s, e, a in mentions(text) if a.actor != "the flights"]
    rows = []
    loaded = spans[spans["category"] == "loaded"]
    for row in loaded.itertuples():
        sent = sentences.iloc[row.sentence]
        speaker_group = {"US military": "United States", "US administration": "United States"}.get(
            row.affiliation, row.affiliation)
        inside = [(s, e, a) for s, e, a in found if s <= row.start < e]  # "the North Korean regime"
        cands = [(s, e, a) for s, e, a in found if sent.start <= s < sent.end and a.actor != speaker_group]
        before = [c for c in cands if c[1] <= row.start]
        after = [c for c in cands if c[0] >= row.end]
        pick = inside[0] if inside else max(before, key=lambda c: c[1]) if before else (
            min(after, key=lambda c: c[0]) if after else None)
        rows.append({"start": row.start, "end": row.end, "term": row.text.lower(), "voice": row.voice,
                     "speaker": row.speaker or "(the outlet)", "affiliation": row.affiliation or "(the outlet)",
                     "target": pick[2].actor if pick else "", "target_named_as": text[pick[0]:pick[1]] if pick else ""})
    return pd.DataFrame(rows, columns=["start", "end", "term", "voice", "speaker", "affiliation", "target", "target_named_as"])
