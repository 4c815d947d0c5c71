"""Questions asked of the feature store with DuckDB, which reads the Parquet files itself: pooled counts per outlet
and attention over time, for any outlets and date range, without holding the spans in Python's memory."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from analysis.detect.spans import SPAN_COLUMNS as SPAN_TABLE_COLUMNS
from analysis.measure.features import counts_in, derived
from analysis.scale import store as fs

PERIODS = ("week", "month", "quarter", "year")
ARTICLES_PER_POINT = 3  # the median point of a suited period pools at least this many articles
LINES_SHOWN = 8  # outlets drawn at first on Over time: more lines than this cannot be told apart


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
           alias: str = "", keys: list[str] | None = None) -> tuple[str, list]:
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
    if keys is not None:
        clauses.append(f"{p}key IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(keys))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def pooled(con: duckdb.DuckDBPyConnection, outlets: list[str] | None = None, start: str | None = None,
           end: str | None = None, article_ids: list[str] | None = None,
           keys: list[str] | None = None) -> pd.DataFrame:
    """One row per outlet: articles, every count summed in DuckDB, rates derived from the sums (as
    measure.compare.pool does), and distinct named speakers; of the rows with these `keys` if given."""
    columns = [r[0] for r in con.execute("DESCRIBE features").fetchall()]
    counts = counts_in(columns)
    where, params = _where(outlets, start, end, article_ids, keys=keys)
    sums = ", ".join(f'SUM("{c}") AS "{c}"' for c in counts)
    out = con.execute(f"SELECT outlet, COUNT(*) AS articles, {sums} FROM features{where} GROUP BY outlet "
                      "ORDER BY outlet", params).df()
    if out.empty:
        return out
    out[counts] = out[counts].astype(float)
    where_s, params_s = _where(outlets, start, end, article_ids, alias="f", keys=keys)
    speakers = con.execute(
        "SELECT s.outlet, COUNT(DISTINCT s.speaker) AS speakers_distinct FROM speakers s JOIN features f "
        f"ON s.key = f.key{where_s} GROUP BY s.outlet", params_s).df()
    out = pd.concat([out, pd.DataFrame(derived(out), index=out.index)], axis=1)
    out = out.merge(speakers, on="outlet", how="left")
    out["speakers_distinct"] = out["speakers_distinct"].fillna(0).astype(int)
    return out


def outlets_by_articles(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every outlet in the store, the one with the most articles first (equal counts by id)."""
    return [o for (o,) in con.execute("SELECT outlet FROM features GROUP BY outlet ORDER BY COUNT(*) DESC, outlet")
            .fetchall()]


def suited_period(con: duckdb.DuckDBPyConnection, outlets: list[str] | None = None, start: str | None = None,
                  end: str | None = None, per_point: int = ARTICLES_PER_POINT) -> str:
    """The finest period whose typical point (the median outlet-period with any article) pools at least `per_point`
    articles, else 'year': a line through points of one article each is noise."""
    where, params = _where(outlets, start, end, None)
    for period in PERIODS:
        median = con.execute(f"SELECT median(n) FROM (SELECT COUNT(*) AS n FROM features{where} "
                             f"GROUP BY outlet, date_trunc('{period}', CAST(date AS DATE)))", params).fetchone()[0]
        if median is not None and median >= per_point:
            return period
    return PERIODS[-1]


def attention(con: duckdb.DuckDBPyConnection, period: str = "month", outlets: list[str] | None = None,
              start: str | None = None, end: str | None = None) -> pd.DataFrame:
    """Attention over time: per outlet and week, month, quarter or year, the articles published, their words and loaded terms,
    and the loaded-term rate per 1,000 words (from the pooled counts)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    where, params = _where(outlets, start, end, None)
    return con.execute(
        f"SELECT outlet, date_trunc('{period}', CAST(date AS DATE)) AS period, COUNT(*) AS articles, "
        "SUM(words) AS words, SUM(loaded_n) AS loaded_n, "
        f"1000.0 * SUM(loaded_n) / NULLIF(SUM(words), 0) AS loaded_per_1k FROM features{where} "
        "GROUP BY ALL ORDER BY period, outlet", params).df()


SPAN_COLUMNS = ["article_id", "outlet", "part", "part_index"] + list(SPAN_TABLE_COLUMNS) + ["raw_start", "raw_end"]
STORE_ONLY = ("key", "content_hash", "year")


def stored_keys(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Key -> article id of every article in the store."""
    return dict(con.cursor().execute("SELECT key, article_id FROM features").fetchall())


def _list(values) -> str:
    return ", ".join("?" for _ in values)


@dataclass(frozen=True)
class StoreReader:
    """The store's rows of the articles of a corpus that it holds in their current version (`keys`: article id ->
    key), read with DuckDB one selection at a time. Each query takes its own cursor, so sessions may share it."""
    con: duckdb.DuckDBPyConnection
    keys: Mapping[str, str]

    def _keyed(self, article_ids: Iterable[str]) -> list[str]:
        return [self.keys[a] for a in article_ids if a in self.keys]

    def _query(self, sql: str, keys: list[str], params: list | None = None) -> pd.DataFrame:
        """Rows of `sql`, which may join the table `chosen` (the keys), fetched through Arrow (the rows of a
        large selection reach pandas several times faster than with `.df()`)."""
        cur = self.con.cursor()
        try:
            cur.register("chosen", pa.table({"key": pa.array(keys, pa.string())}))
            return cur.sql(sql, params=params or None).to_arrow_table().to_pandas()
        finally:
            cur.close()

    def features(self, article_ids: Iterable[str]) -> pd.DataFrame:
        """One row per stored article (the columns of `pipeline.article_row`)."""
        out = self._query("SELECT f.* FROM features f SEMI JOIN chosen USING (key)", self._keyed(article_ids))
        columns = ["article_id", "outlet"] + [c for c in out.columns if c not in (*STORE_ONLY, "article_id", "outlet")]
        return out[columns]

    def spans(self, article_ids: Iterable[str], outlets: Iterable[str] | None = None,
              years: Iterable[str] | None = None, part: str | None = None,
              categories: Iterable[str] | None = None, columns: Iterable[str] | None = None) -> pd.DataFrame:
        """The spans of the stored articles among `article_ids` (the columns of `pipeline.article_spans`, or those
        asked for; each article's rows in their stored order), optionally of one part and some categories.
        `outlets` and `years` (those of the articles) let DuckDB skip the other partitions' files."""
        clauses, params = [], []
        for column, values in (("outlet", outlets), ("year", years), ("category", categories)):
            if values is not None:
                values = sorted(set(values))
                clauses.append(f"s.{column} IN ({_list(values)})" if values else "FALSE")
                params += values
        if part is not None:
            clauses.append("s.part = ?")
            params.append(part)
        cols = ", ".join(f's."{c}"' for c in (SPAN_COLUMNS if columns is None else columns))
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return self._query(f"SELECT {cols} FROM spans s SEMI JOIN chosen USING (key){where}",
                           self._keyed(article_ids), params)

    def pooled(self, article_ids: Iterable[str]) -> pd.DataFrame:
        """Per outlet pooled over the stored articles among `article_ids` (as `pooled`)."""
        return pooled(self.con.cursor(), keys=self._keyed(article_ids))
