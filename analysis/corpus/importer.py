"""Bulk import: rows of CSV or JSONL news exports mapped to article fields and saved to the user corpus."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from analysis.corpus.dates import parse_date
from analysis.corpus.extract import DATE_RE, extension
from analysis.corpus.limits import Limits, check_rows
from analysis.text.textio import InputError, decode_text

TABLE_TYPES = ("csv", "jsonl")
# Column names of common news exports, per field (first match wins); others are mapped with --map.
COLUMN_ALIASES = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "maintext", "article_text", "story"),
    "headline": ("headline", "title", "heading", "name"),
    "date": ("date", "date_published", "published", "publish_date", "published_at", "pubdate", "datetime",
             "date_publish", "timestamp"),
    "outlet": ("outlet", "source", "publisher", "site_name", "sitename", "source_name", "media", "domain"),
    "url": ("url", "link", "source_url", "uri"),
    "author": ("author", "authors", "byline", "creator"),
    "event": ("event", "events", "event_id"),
}
TABLE_MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class RowError:
    """A table row that could not be imported, and why."""
    row: int
    problem: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.problem}"


@dataclass
class Table:
    """Rows of a bulk import, mapped to article fields, and the rows that failed."""
    rows: list[tuple[int, dict]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    available: list[str] = field(default_factory=list)


def normalise_date(value: str) -> str:
    """YYYY-MM-DD from common date strings ('2017-07-08T10:00Z', '2017-07-08 10:00'); other values are returned
    unchanged, so that saving reports them."""
    m = DATE_RE.search(value or "")
    try:
        return parse_date(m.group(0)) if m else value
    except InputError:
        return value


def map_columns(columns: list[str], overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Article field -> column name, from the common aliases and explicit overrides."""
    lower = {c.lower().strip(): c for c in columns}
    out = {}
    for fld, aliases in COLUMN_ALIASES.items():
        hit = next((lower[a] for a in aliases if a in lower), None)
        if hit:
            out[fld] = hit
    for fld, col in (overrides or {}).items():
        if fld not in COLUMN_ALIASES:
            raise InputError(f"unknown field {fld!r} in a mapping (fields: {', '.join(COLUMN_ALIASES)})")
        if col not in columns:
            raise InputError(f"column {col!r} is not in the file (columns: {', '.join(columns)})")
        out[fld] = col
    return out


def read_table(name: str, data: bytes, overrides: dict[str, str] | None = None, limits: Limits | None = None) -> Table:
    """Rows of a CSV or JSONL export as article fields; broken rows are reported, good rows kept; a table with
    more rows than the limit is refused whole."""
    text = decode_text(data, name, max_bytes=TABLE_MAX_BYTES, guess=True)
    ext = extension(name)
    if ext == "csv":
        raw_rows, errors, columns = _csv_rows(text)
    elif ext in ("jsonl", "ndjson"):
        raw_rows, errors, columns = _jsonl_rows(text)
    else:
        raise InputError(f"{name}: unsupported table type .{ext} (use .csv or .jsonl)")
    check_rows(len(raw_rows) + len(errors), name, limits or Limits())
    mapping = map_columns(columns, overrides)
    if "text" not in mapping:
        raise InputError(f"{name}: no text column (looked for {', '.join(COLUMN_ALIASES['text'])}; map one with text=COLUMN)")
    table = Table(errors=errors, columns=mapping, available=columns)
    for line, raw in raw_rows:
        row = {fld: str(raw.get(col) or "").strip() for fld, col in mapping.items()}
        if not row["text"]:
            table.errors.append(RowError(line, "empty text"))
            continue
        row["date"] = normalise_date(row.get("date", ""))
        table.rows.append((line, row))
    return table


def _csv_rows(text: str) -> tuple[list[tuple[int, dict]], list[RowError], list[str]]:
    reader = csv.reader(io.StringIO(text), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise InputError("the CSV file has no header row") from None
    rows, errors = [], []
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RowError(reader.line_num, f"broken CSV quoting ({exc})"))
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            errors.append(RowError(reader.line_num, f"{len(values)} fields where the header has {len(header)}"))
            continue
        rows.append((reader.line_num, dict(zip(header, values))))
    return rows, errors, header


def _jsonl_rows(text: str) -> tuple[list[tuple[int, dict]], list[RowError], list[str]]:
    rows, errors, columns = [], [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(RowError(n, f"not valid JSON ({exc.msg})"))
            continue
        if not isinstance(obj, dict):
            errors.append(RowError(n, "not a JSON object"))
            continue
        obj = {k: (", ".join(map(str, v)) if isinstance(v, list) else v) for k, v in obj.items()}
        columns += [k for k in obj if k not in columns]
        rows.append((n, obj))
    return rows, errors, columns


@dataclass
class ImportReport:
    """What a bulk import did: ids of new articles, and rows skipped with their reasons."""
    imported: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def import_table(corpus_root, user_root, table: Table, outlet: str = "", event: str = "", limits: Limits | None = None,
                 owner: str = "") -> ImportReport:
    """Save every good row into the user folder (owned by `owner`, see ownership.py); a bad row is reported and the
    others still imported."""
    from analysis.corpus.store import NewArticle, save_article
    report = ImportReport(errors=list(table.errors))
    for line, row in table.rows:
        new = NewArticle(text=row["text"], outlet=row.get("outlet") or outlet, date=row.get("date", ""),
                         headline=row.get("headline", ""), author=row.get("author", ""), url=row.get("url", ""),
                         event=row.get("event") or event, owner=owner)
        try:
            report.imported.append(save_article(corpus_root, user_root, new, limits))
        except InputError as exc:
            report.errors.append(RowError(line, str(exc)))
    report.errors.sort(key=lambda e: e.row)
    return report
