"""What each outlet includes and leaves out: sentences aligned across outlets by TF-IDF similarity; and event
suggestions for a new article by similarity and date."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

SHARED_AT = 0.25  # cosine similarity from which two sentences are taken to report the same fact


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                           token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9-]+\b")


def align(sentences: pd.DataFrame, threshold: float = SHARED_AT) -> pd.DataFrame:
    """For each sentence (columns outlet, article_id, text), the other outlets with a similar sentence, the best
    match in each, and whether the fact is shared by all outlets, by some, or unique to one."""
    out = sentences.reset_index(drop=True).copy()
    outlets = sorted(out["outlet"].unique())
    if out.empty:
        return out.assign(found_in="", status="", best_match="", similarity=0.0)
    matrix = _vectorizer().fit_transform(out["text"])
    sim = cosine_similarity(matrix)
    found, best_text, best_sim, status = [], [], [], []
    for i, row in out.iterrows():
        hits, top, top_sim = [], "", 0.0
        for o in outlets:
            if o == row["outlet"]:
                continue
            idx = np.flatnonzero(out["outlet"].to_numpy() == o)
            j = idx[np.argmax(sim[i, idx])]
            if sim[i, j] >= threshold:
                hits.append(o)
            if sim[i, j] > top_sim:
                top, top_sim = out.at[j, "text"], float(sim[i, j])
        found.append(", ".join(hits))
        best_text.append(top)
        best_sim.append(round(top_sim, 3))
        status.append("shared by all" if len(hits) == len(outlets) - 1 and hits else "shared by some" if hits
                      else f"only in {row['outlet']}")
    return out.assign(found_in=found, status=status, best_match=best_text, similarity=best_sim)


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
