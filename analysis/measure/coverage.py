"""What each outlet includes and leaves out: sentences of one event aligned across outlets by TF-IDF similarity; and event
suggestions for a new article by similarity and date."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity
from sklearn.neighbors import NearestNeighbors

SHARED_AT = 0.25  # cosine similarity from which two sentences are taken to report the same fact
MAX_SENTENCES = 50_000  # sentences one alignment compares (a page answers in seconds up to about this many)


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                           token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9-]+\b")


class TooLarge(ValueError):
    """A selection with more sentences than alignment handles in a page's time."""


def align(sentences: pd.DataFrame, threshold: float = SHARED_AT, limit: int = MAX_SENTENCES) -> pd.DataFrame:
    """For each sentence (columns outlet, article_id, text, and event_id if several events), the other outlets of
    the same event with a similar sentence, the best match in each, and whether the fact is shared by all the
    event's outlets, by some, or unique to one. Sentences are compared only within an event, by sparse nearest
    neighbours (never a dense sentence x sentence matrix); more than `limit` sentences raise TooLarge."""
    out = sentences.reset_index(drop=True).copy()
    if len(out) > limit:
        raise TooLarge(f"{len(out):,} sentences is more than the {limit:,} that alignment compares on a page; choose "
                       "one event or fewer outlets")
    cols = {"found_in": "", "status": "", "best_match": "", "similarity": 0.0}
    if out.empty:
        return out.assign(**cols)
    events = out["event_id"] if "event_id" in out else pd.Series("", index=out.index)
    frames = [_align_event(group, threshold) for _, group in out.groupby(events, sort=False)]
    return pd.concat(frames).sort_index()


def _align_event(out: pd.DataFrame, threshold: float) -> pd.DataFrame:
    outlets = sorted(out["outlet"].unique())
    try:
        matrix = _vectorizer().fit_transform(out["text"])
    except ValueError:  # no word left
        matrix = None
    texts, owners = out["text"].to_numpy(), out["outlet"].to_numpy()
    n = len(out)
    hits = [[] for _ in range(n)]
    best_sim, best_text = np.zeros(n), np.array([""] * n, dtype=object)
    for o in outlets if matrix is not None else ():
        theirs = np.flatnonzero(owners == o)
        mine = np.flatnonzero(owners != o)
        if not len(mine):
            continue
        nn = NearestNeighbors(n_neighbors=1, metric="cosine", algorithm="brute").fit(matrix[theirs])
        dist, idx = nn.kneighbors(matrix[mine])
        sims = 1 - dist[:, 0]
        for i, sim, j in zip(mine, sims, theirs[idx[:, 0]]):
            if sim >= threshold:
                hits[i].append(o)
            if sim > best_sim[i]:
                best_sim[i], best_text[i] = sim, texts[j]
    status = ["shared by all" if h and len(h) == len(outlets) - 1 else "shared by some" if h else f"only in {own}"
              for h, own in zip(hits, owners)]
    return out.assign(found_in=[", ".join(h) for h in hits], status=status, best_match=best_text,
                      similarity=np.round(best_sim, 3))


def suggest_events(text: str, date: str, events: pd.DataFrame, max_days: int = 14) -> pd.DataFrame:
    """Events ranked for a new article: TF-IDF similarity to each event's articles, kept within `max_days` of
    the event date. `events` has columns event_id, title, date, text (the event's articles joined)."""
    if events.empty or not text.strip():
        return events.assign(similarity=0.0, days=np.nan).iloc[0:0]
    vec = _vectorizer().fit(list(events["text"]) + [text])
    sims = cosine_similarity(vec.transform([text]), vec.transform(events["text"]))[0]
    try:
        day = dt.date.fromisoformat(date)
        days = [abs((dt.date.fromisoformat(d) - day).days) for d in events["date"]]
    except ValueError:
        days = [np.nan] * len(events)
    out = events.drop(columns=["text"]).assign(similarity=np.round(sims, 3), days=days)
    if not out["days"].isna().all():
        out = out[out["days"] <= max_days]
    return out.sort_values("similarity", ascending=False, ignore_index=True)
