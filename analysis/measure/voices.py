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


def plain_summary(table: pd.DataFrame, family: str, names: dict[str, str]) -> str:
    """The contrast in one plain sentence per outlet, for a class."""
    parts = []
    for r in table.itertuples():
        name = names.get(r.outlet, r.outlet)
        if r.own == 0 and r.attributed == 0:
            parts.append(f"{name} does not use it")
            continue
        said = []
        if r.own:
            said.append(f"{r.own} time{'s' if r.own != 1 else ''} in its own voice")
        if r.attributed:
            said.append(f"{r.attributed} time{'s' if r.attributed != 1 else ''} in others' words"
                        + (f" ({r.whose_words})" if r.whose_words else ""))
        parts.append(f"{name} uses it " + " and ".join(said))
    return f"“{family}”: " + ". ".join(parts) + "."
