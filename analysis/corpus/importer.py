"""Bulk import: rows of CSV, JSONL or Parquet news exports mapped to article fields and saved to the user corpus."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.corpus.dates import parse_date
from analysis.corpus.extract import DATE_RE, extension
from analysis.corpus.folder import widen_csv_field_limit
from analysis.corpus.limits import Limits, check_rows
from analysis.text.textio import InputError, decode_text

TABLE_TYPES = ("csv", "jsonl", "parquet")
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
    "event_title": ("event_title", "event_name", "main_event", "main-event"),
    "story": ("story_id", "story_title", "topic"),
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
    """YYYY-MM-DD from common date strings ('2017-07-08T10:00Z', '9 July 2017', 'Jul 9, 2017'; 07/09/2017 is read
    month first); values that are no date are returned unchanged, so that saving reports them."""
    m = DATE_RE.search(value or "")
    try:
        return parse_date(m.group(0)) if m else _parsed_date(value)
    except InputError:
        return value


def _parsed_date(value: str) -> str:
    """The date a real parser reads in `value` if it names a day ('July 2017' does not), else `value`."""
    from dateutil import parser
    text = (value or "").strip()
    if not any(c.isdigit() for c in text):
        return value
    try:
        first, second = (parser.parse(text, default=dt.datetime(2000, 1, day)) for day in (1, 2))
    except (ValueError, OverflowError):
        return value
    return first.date().isoformat() if first == second else value


def map_columns(columns: list[str], overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Article field -> column name, from the common aliases and explicit overrides (an empty column name
    unmaps a field)."""
    lower = {c.lower().strip(): c for c in columns}
    out = {}
    for fld, aliases in COLUMN_ALIASES.items():
        hit = next((lower[a] for a in aliases if a in lower), None)
        if hit:
            out[fld] = hit
    for fld, col in (overrides or {}).items():
        if fld not in COLUMN_ALIASES:
            raise InputError(f"unknown field {fld!r} in a mapping (fields: {', '.join(COLUMN_ALIASES)})")
        if not col:  # mapped to no column: the field is left empty even if a column has a common name
            out.pop(fld, None)
            continue
        if col not in columns:
            raise InputError(f"column {col!r} is not in the file (columns: {', '.join(columns)})")
        out[fld] = col
    return out


def read_table(name: str, data: bytes, overrides: dict[str, str] | None = None, limits: Limits | None = None) -> Table:
    """Rows of a CSV or JSONL export as article fields; broken rows are reported, good rows kept; a table with
    more rows than the limit is refused whole."""
    ext = extension(name)
    if ext == "parquet":
        raw_rows, errors, columns = _parquet_rows(data, name)
    elif ext in ("csv", "jsonl", "ndjson"):
        text = decode_text(data, name, max_bytes=TABLE_MAX_BYTES, guess=True)
        raw_rows, errors, columns = _csv_rows(text) if ext == "csv" else _jsonl_rows(text)
    else:
        raise InputError(f"{name}: unsupported table type .{ext} (use .csv, .jsonl or .parquet)")
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


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect of an export (',' ';' tab or '|' separated), sniffed from its first lines."""
    try:
        return csv.Sniffer().sniff("\n".join(text[:65536].splitlines()[:50]), delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _csv_rows(text: str) -> tuple[list[tuple[int, dict]], list[RowError], list[str]]:
    widen_csv_field_limit(len(text))
    reader = csv.reader(io.StringIO(text), _dialect(text), strict=True)
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


def _parquet_rows(data: bytes, name: str) -> tuple[list[tuple[int, dict]], list[RowError], list[str]]:
    import pyarrow as pa
    import pyarrow.parquet as pq
    try:
        table = pq.read_table(pa.BufferReader(data))
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{name}: not a readable Parquet file ({exc})") from None
    columns = table.column_names
    rows = [(n, {k: (", ".join(map(str, v)) if isinstance(v, list) else "" if v is None else str(v))
                 for k, v in r.items()}) for n, r in enumerate(table.to_pylist(), start=1)]
    return rows, [], columns


@dataclass
class ImportReport:
    """What a bulk import did (or, in a dry run, would do): ids of new articles, rows skipped with their reasons,
    and the outlets, events and stories created."""
    imported: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: dict[str, list[str]] = field(default_factory=dict)
    dry_run: bool = False

    def summary(self) -> str:
        """One line: what was (or would be) imported and created."""
        verb = "would import" if self.dry_run else "imported"
        made = ", ".join(f"{len(v)} {k}" for k, v in self.created.items() if v)
        return (f"{verb} {len(self.imported)} article(s), skipped {len(self.errors)} row(s)"
                + (f"; {'would create' if self.dry_run else 'created'} {made}" if made else ""))


def import_table(corpus_root, user_root, table: Table, outlet: str = "", event: str = "", limits: Limits | None = None,
                 owner: str = "", dry_run: bool = False, story: str = "imported", story_title: str = "Imported",
                 progress: Callable[[int], None] | None = None) -> ImportReport:
    """Save every good row into the user folder (owned by `owner`, see ownership.py) under one lock: a bad row is
    reported and the others still imported; outlets, events (from an event id and/or title column) and the story
    of new events are created. `dry_run` writes nothing; a failed write leaves nothing changed."""
    from analysis.corpus.store import NewArticle, save_articles
    items = ((line, NewArticle(text=row["text"], outlet=row.get("outlet") or outlet, date=row.get("date", ""),
                               headline=row.get("headline", ""), author=row.get("author", ""), url=row.get("url", ""),
                               event=row.get("event") or event, new_event_title=row.get("event_title", ""),
                               story=row.get("story", ""), owner=owner))
             for line, row in table.rows)
    done = save_articles(Path(corpus_root), Path(user_root), items, limits, dry_run=dry_run, story=story,
                         story_title=story_title, progress=progress)
    errors = list(table.errors) + [RowError(line, problem) for line, problem in done.refused]
    return ImportReport([aid for _, aid in done.saved], sorted(errors, key=lambda e: e.row), done.created, dry_run)
