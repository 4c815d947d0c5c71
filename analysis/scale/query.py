"""Questions asked of the feature store with DuckDB, which reads the Parquet files itself: pooled counts per outlet
and attention over time, for any outlets and date range, without holding the spans in Python's memory."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from analysis.measure.features import counts_in, derived
from analysis.scale import store as fs

PERIODS = ("week", "month")


def connect(root: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection over the store: the view `spans` reads the span files at each query; `features` (one
    row per article) and `speakers` (distinct named speakers per article) are read once into DuckDB's own tables,
    so pooled counts need no file access."""
    con = duckdb.connect()
    for table in fs.TABLES:
        if not list((root / table).glob("outlet=*/year=*/*.parquet")):
            raise FileNotFoundError(f"{root}: no {table} stored yet; run `python -m analysis build` first")
    source = ("SELECT * FROM read_parquet('{}', hive_partitioning = true, union_by_name = true, "
              "hive_types = {{'outlet': VARCHAR, 'year': VARCHAR}})")
    con.execute(f"CREATE VIEW spans AS {source.format(fs.glob(root, 'spans'))}")
    con.execute(f"CREATE TABLE features AS {source.format(fs.glob(root, 'features'))}")
    con.execute("CREATE TABLE speakers AS SELECT DISTINCT key, outlet, speaker FROM spans "
                "WHERE category = 'attribution' AND speaker <> '' AND part = 'body'")
    return con


def _where(outlets: list[str] | None, start: str | None, end: str | None, article_ids: list[str] | None,
           alias: str = "") -> tuple[str, list]:
    p = f"{alias}." if alias else ""
    clauses, params = [], []
    if outlets:
        clauses.append(f"{p}outlet IN (SELECT unnest(?))")
        params.append(list(outlets))
    if start:
        clauses.append(f"{p}date >= ?")
        params.append(start)
    if end:
        clauses.append(f"{p}date <= ?")
        params.append(end)
    if article_ids is not None:
        clauses.append(f"{p}article_id IN (SELECT unnest(?))")
        params.append(list(article_ids))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def pooled(con: duckdb.DuckDBPyConnection, outlets: list[str] | None = None, start: str | None = None,
           end: str | None = None, article_ids: list[str] | None = None) -> pd.DataFrame:
    """One row per outlet: articles, every count summed in DuckDB, rates derived from the sums (as
    measure.compare.pool does), and distinct named speakers."""
    columns = [r[0] for r in con.execute("DESCRIBE features").fetchall()]
    counts = counts_in(columns)
    where, params = _where(outlets, start, end, article_ids)
    sums = ", ".join(f'SUM("{c}") AS "{c}"' for c in counts)
    out = con.execute(f"SELECT outlet, COUNT(*) AS articles, {sums} FROM features{where} GROUP BY outlet "
                      "ORDER BY outlet", params).df()
    if out.empty:
        return out
    out[counts] = out[counts].astype(float)
    where_s, params_s = _where(outlets, start, end, article_ids, alias="f")
    speakers = con.execute(
        "SELECT s.outlet, COUNT(DISTINCT s.speaker) AS speakers_distinct FROM speakers s JOIN features f "
        f"ON s.key = f.key{where_s} GROUP BY s.outlet", params_s).df()
    out = pd.concat([out, pd.DataFrame(derived(out), index=out.index)], axis=1)
    out = out.merge(speakers, on="outlet", how="left")
    out["speakers_distinct"] = out["speakers_distinct"].fillna(0).astype(int)
    return out


def attention(con: duckdb.DuckDBPyConnection, period: str = "month", outlets: list[str] | None = None,
              start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Attention over time: per outlet and week or month, the articles published, their words and loaded terms,
    and the loaded-term rate per 1,000 words (from the pooled counts)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    where, params = _where(outlets, start, end, None)
    return con.execute(
        f"SELECT outlet, date_trunc('{period}', CAST(date AS DATE)) AS period, COUNT(*) AS articles, "
        "SUM(words) AS words, SUM(loaded_n) AS loaded_n, "
        f"1000.0 * SUM(loaded_n) / NULLIF(SUM(words), 0) AS loaded_per_1k FROM features{where} "
        "GROUP BY ALL ORDER BY period, outlet", params).df()
