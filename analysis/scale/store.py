"""The feature store: per-article features and spans as Parquet files partitioned by outlet and year, each row keyed
by the article's content hash, metadata and lexicon version, so a build analyses only new or changed articles."""
from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.corpus.folder import Article

TABLES = ("features", "spans")
PARTITIONS = ("outlet", "year")
FLOAT_SPAN_COLUMNS = ("score", "rating")


def article_key(article: Article, lexicon_version: str) -> str:
    """What a stored row was computed from: the raw text's hash, the metadata in the row, and the lexicon version."""
    parts = (article.sha256, article.id, article.outlet, article.date, article.headline, lexicon_version)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Part:
    """One Parquet file of a table: its path and the keys of the articles in it."""
    path: Path
    keys: frozenset[str]


def partition_dir(root: Path, table: str, outlet: str, year: str) -> Path:
    """The folder of one outlet and year of a table (hive style: outlet=cnn/year=2017)."""
    return root / table / f"outlet={outlet}" / f"year={year}"


def year_of(date: str) -> str:
    """The partition year of a YYYY-MM-DD date."""
    return date[:4] if date[:4].isdigit() else "0000"


def parts(root: Path, table: str) -> list[Part]:
    """Every committed file of a table with the keys it holds."""
    folder = root / table
    if not folder.is_dir():
        return []
    return [Part(p, frozenset(pq.read_table(p, columns=["key"]).column("key").to_pylist()))
            for p in sorted(folder.glob("outlet=*/year=*/*.parquet"))]


def _write_parquet(path: Path, frame: pd.DataFrame) -> None:
    """Write a Parquet file atomically (a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    os.close(fd)
    try:
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def tidy_spans(spans: pd.DataFrame) -> pd.DataFrame:
    """Spans with one type per column (model score and rating as floats, empty as NaN)."""
    out = spans.copy()
    for c in FLOAT_SPAN_COLUMNS:
        if c in out:
            out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
    return out


def write_batch(root: Path, batch_id: str, outlet: str, year: str, features: pd.DataFrame,
                spans: pd.DataFrame) -> None:
    """Commit one analysed batch of one partition: its spans first, then its features (a features file is what
    marks the batch done, so a build killed in between analyses the batch again)."""
    name = f"{batch_id}.parquet"
    _write_parquet(partition_dir(root, "spans", outlet, year) / name,
                   tidy_spans(spans).drop(columns=list(PARTITIONS), errors="ignore"))
    _write_parquet(partition_dir(root, "features", outlet, year) / name,
                   features.drop(columns=list(PARTITIONS), errors="ignore"))


def remove_keys(root: Path, stale: set[str]) -> int:
    """Take rows whose key is no longer current out of every file (rewritten atomically; emptied files deleted);
    also drops spans files whose batch never committed its features. Returns the number of files changed."""
    features = {p.path.relative_to(root / "features"): p.keys for p in parts(root, "features")}
    changed = 0
    for table, files in (("features", [root / "features" / r for r in features]), ("spans", _span_files(root))):
        for path in files:
            rel = path.relative_to(root / table)
            if table == "spans" and rel not in features:
                path.unlink()
                changed += 1
                continue
            keys = features[rel] if table == "features" else set(pq.read_table(path, columns=["key"])
                                                                  .column("key").to_pylist())
            if not keys & stale:
                continue
            changed += 1
            keep = pd.read_parquet(path)
            keep = keep[~keep["key"].isin(stale)]
            if keep.empty:
                path.unlink()
            else:
                _write_parquet(path, keep)
    return changed


def _span_files(root: Path) -> list[Path]:
    folder = root / "spans"
    return sorted(folder.glob("outlet=*/year=*/*.parquet")) if folder.is_dir() else []


def read_table(root: Path, table: str) -> pd.DataFrame:
    """A whole table as one DataFrame with its outlet and year columns (for tests and small stores; the
    dashboard queries the files with DuckDB instead)."""
    frames = []
    for path in sorted((root / table).glob("outlet=*/year=*/*.parquet")):
        outlet, year = (part.split("=", 1)[1] for part in path.parts[-3:-1])
        frames.append(pd.read_parquet(path).assign(outlet=outlet, year=year))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def glob(root: Path, table: str) -> str:
    """The glob DuckDB reads a table from."""
    return str(root / table / "*" / "*" / "*.parquet")
