"""Who says it: for a family of loaded terms, where each outlet uses it in its own voice and where it quotes others."""
from __future__ import annotations

import pandas as pd

from analysis.detect.speakers import UNNAMED

OCCURRENCE_COLUMNS = ["article_id", "outlet", "voice", "speaker", "affiliation", "before", "match", "after"]


def _loaded(spans: pd.DataFrame) -> pd.DataFrame:
    body = spans[spans["part"] == "body"] if "part" in spans.columns else spans
    return body[(body["category"] == "loaded") & (body["term"] != "")]


def term_families(spans: pd.DataFrame) -> pd.DataFrame:
    """One row per lexicon term flagged as loaded: how many outlets use it, in which voices, how often.

    Ordered so the families that best show a contrast come first: used by the most outlets, in both voices, most often."""
    loaded = _loaded(spans)
    if loaded.empty:
        return pd.DataFrame(columns=["term", "outlets", "own", "attributed", "n"])
    grouped = loaded.groupby("term").agg(outlets=("outlet", "nunique"), n=("voice", "size"),
                                         own=("voice", lambda v: int((v == "author").sum())))
    grouped["attributed"] = grouped["n"] - grouped["own"]
    grouped["both_voices"] = (grouped["own"] > 0) & (grouped["attributed"] > 0)
    grouped = grouped.reset_index().sort_values(["outlets", "both_voices", "n", "term"],
                                                ascending=[False, False, False, True])
    return grouped[["term", "outlets", "own", "attributed", "n"]].reset_index(drop=True)


def occurrences(spans: pd.DataFrame, family: str, sentence_of, limit: int | None = None) -> pd.DataFrame:
    """Every use of one term family with its voice, speaker and sentence, split around the word.

    `sentence_of(article_id, i)` gives (text, start offset) of sentence i of an article's body; with `limit`, only
    the first `limit` uses get their sentence (the others only the word itself: a large selection's counts need
    no sentence)."""
    hits = _loaded(spans)
    hits = hits[hits["term"] == family]
    rows = []
    for k, r in enumerate(hits.itertuples()):
        if limit is not None and k >= limit:
            rows.append({"article_id": r.article_id, "outlet": r.outlet, "voice": r.voice, "speaker": r.speaker,
                         "affiliation": r.affiliation, "before": "", "match": r.text, "after": ""})
            continue
        text, offset = sentence_of(r.article_id, int(r.sentence))
        s, e = int(r.start) - offset, int(r.end) - offset
        rows.append({"article_id": r.article_id, "outlet": r.outlet, "voice": r.voice, "speaker": r.speaker,
                     "affiliation": r.affiliation, "before": text[:s].lstrip(), "match": text[s:e],
                     "after": text[e:].rstrip()})
    return pd.DataFrame(rows, columns=OCCURRENCE_COLUMNS)


def who_says_it(occ: pd.DataFrame, outlets: list[str]) -> pd.DataFrame:
    """One row per outlet: uses in its own voice, uses in others' words, and whose words those are."""
    rows = []
    for outlet in outlets:
        mine = occ[occ["outlet"] == outlet]
        theirs = mine[mine["voice"] != "author"]
        speakers = []
        for name, aff in zip(theirs["speaker"], theirs["affiliation"]):
            unnamed = not name or name == UNNAMED.name
            label = "an unnamed speaker" if unnamed else name
            label = f"{label} ({aff})" if aff and aff not in ("Other", label) and not unnamed else label
            if label not in speakers:
                speakers.append(label)
        rows.append({"outlet": outlet, "own": int((mine["voice"] == "author").sum()), "attributed": len(theirs),
                     "whose_words": "; ".join(speakers)})
    return pd.DataFrame(rows, columns=["outlet", "own", "attributed", "whose_words"])


def _times(n: int) -> str:
    """'1 time', '3 times'."""
    return f"{n} time{'s' if n != 1 else ''}"


def plain_summary(table: pd.DataFrame, family: str, names: dict[str, str]) -> str:
    """The contrast in plain words, outlets grouped by how they use the family: in their own voice, only in others'
    words, or not at all (the table beside it has the details)."""
    own, others, unused = [], [], []
    for r in table.itertuples():
        name = names.get(r.outlet, r.outlet)
        if r.own:
            own.append(f"{name} ({_times(r.own)}" + (f", and {_times(r.attributed)} in others' words)" if r.attributed
                                                     else ")"))
        elif r.attributed:
            others.append(f"{name} ({_times(r.attributed)}" + (f": {r.whose_words})" if r.whose_words else ")"))
        else:
            unused.append(name)
    groups = [("In its own voice", own), ("Only in others' words", others), ("Not used", unused)]
    return f"“{family}”. " + " ".join(f"{label}: {', '.join(items)}." for label, items in groups if items)
