"""Keyword in context: every occurrence of a word or phrase, with who says it."""
from __future__ import annotations

import re

import pandas as pd

from analysis.detect.lexicon import FRAMING
from analysis.detect.spans import NOT_SPOKEN

KWIC_COLUMNS = ["article_id", "outlet", "start", "end", "left", "match", "right", "voice", "speaker", "affiliation",
                "country", "flagged_as"]


def term_pattern(term: str) -> re.Pattern:
    """Whole-word, case-insensitive pattern; a trailing * matches any ending ('provocat*')."""
    words = term.strip().split()
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
    return re.compile(r"(?<!\w)" + r"[\s-]+".join(parts) + r"(?!\w)", re.I)


def occurrences(text: str, spans: pd.DataFrame, term: str, width: int = 60) -> list[dict]:
    """Occurrences of `term` in one text, each with context and the voice it is in."""
    if not term.strip():
        return []
    quotes = spans[(spans["category"] == "quote") & (~spans["subcategory"].isin(NOT_SPOKEN))]
    atts = spans[spans["category"] == "attribution"]
    flagged = spans[spans["category"].isin(FRAMING)]
    out = []
    for m in term_pattern(term).finditer(text):
        s, e = m.start(), m.end()
        speaker = _container(quotes, s, e)
        if speaker is None:
            speaker = _container(atts, s, e)
        flags = flagged[(flagged["start"] <= s) & (flagged["end"] >= e)]
        left, right = _around(text, s, e, width)
        out.append({"start": s, "end": e, "left": left, "match": m.group(), "right": right,
                    "voice": "attributed" if speaker is not None else "author",
                    "speaker": speaker["speaker"] if speaker is not None else "",
                    "affiliation": speaker["affiliation"] if speaker is not None else "",
                    "country": speaker["country"] if speaker is not None else "",
                    "flagged_as": ", ".join(sorted(set(flags["category"] + ": " + flags["subcategory"])))})
    return out


def in_context(spans: pd.DataFrame, texts: dict[str, str], width: int = 60) -> list[str]:
    """Each span with the words around it in its article's body ('… said the drills were «provocative» and …'), so a
    flag can be judged where it stands; texts maps article id to body text."""
    out = []
    for aid, s, e in zip(spans["article_id"], spans["start"], spans["end"]):
        text, s, e = texts[aid], int(s), int(e)
        left, right = _around(text, s, e, width)
        out.append(("…" if s > width else "") + f"{left}«{_squash(text[s:e])}»{right}"
                   + ("…" if e + width < len(text) else ""))
    return out


def _around(text: str, s: int, e: int, width: int) -> tuple[str, str]:
    """Up to `width` characters either side of [s, e), each on one line."""
    return _squash(text[max(0, s - width):s]), _squash(text[e:e + width])


def _container(df: pd.DataFrame, s: int, e: int):
    """The narrowest span whose scope holds [s, e), or None."""
    hit = df[(df["scope_start"] <= s) & (df["scope_end"] >= e)]
    if hit.empty:
        return None
    return hit.assign(width=hit["scope_end"] - hit["scope_start"]).sort_values("width").iloc[0]


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def kwic(texts: dict[str, tuple[str, str, pd.DataFrame]], term: str, width: int = 60) -> pd.DataFrame:
    """Concordance over articles: texts maps article id to (outlet, body text, body spans)."""
    rows = []
    for article_id, (outlet, text, spans) in texts.items():
        for occ in occurrences(text, spans, term, width):
            rows.append({"article_id": article_id, "outlet": outlet, **occ})
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)
