"""Per-outlet and per-event comparisons: counts pooled over articles, rates derived from the pooled counts."""
from __future__ import annotations

import pandas as pd

from analysis.measure.features import counts_in, derived


def pool(features: pd.DataFrame, by: list[str], spans: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sum the additive counts per group and derive every rate from the sums (not averages of rates)."""
    counts = counts_in(features.columns)
    grouped = features.groupby(by, sort=True)
    out = grouped[counts].sum()
    whole = [c for c in counts if out[c].dtype.kind == "f" and out[c].notna().all() and (out[c] % 1 == 0).all()]
    out[whole] = out[whole].astype("int64")  # counts stored as floats are written '617', not '617.0'
    out.insert(0, "articles", grouped.size())
    rates = pd.DataFrame(derived(out), index=out.index)
    out = pd.concat([out, rates], axis=1)
    if spans is not None and len(spans):
        att = spans[(spans["category"] == "attribution") & (spans["speaker"] != "")]
        keys = features[["article_id"] + [b for b in by if b != "article_id"]].drop_duplicates()
        att = att.drop(columns=[b for b in by if b in att.columns and b != "article_id"]).merge(keys, on="article_id")
        out["speakers_distinct"] = att.groupby(by)["speaker"].nunique().reindex(out.index).fillna(0).astype(int)
    return out.reset_index()


def attributed_shares(spans: pd.DataFrame, column: str) -> pd.DataFrame:
    """Share of each outlet's attributed words per value of a speaker column ('affiliation' = role, 'country',
    'party'); speakers without a value count as '(not stated)'. Tidy: outlet, value, words, share."""
    att = spans[(spans["category"] == "attribution") & (spans["words"] > 0)]
    if "part" in att.columns:
        att = att[att["part"] == "body"]
    values = att[column].replace("", "(not stated)").fillna("(not stated)")
    words = att.assign(value=values).groupby(["outlet", "value"])["words"].sum().rename("words").reset_index()
    words["share"] = words["words"] / words.groupby("outlet")["words"].transform("sum")
    return words.sort_values(["outlet", "words"], ascending=[True, False]).reset_index(drop=True)


def by_outlet(features: pd.DataFrame, spans: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per outlet, pooled over all its articles."""
    return pool(features, ["outlet"], spans)


def by_event_outlet(features: pd.DataFrame, article_events: pd.DataFrame, spans: pd.DataFrame | None = None,
                    roles: tuple[str, ...] = ("main", "mentions")) -> pd.DataFrame:
    """One row per (event, outlet), pooled over the articles that cover the event in the given roles."""
    links = article_events[article_events["role"].isin(roles)][["article_id", "event_id"]]
    return pool(features.merge(links, on="article_id"), ["event_id", "outlet"], spans)

