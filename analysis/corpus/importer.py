"""Bringing articles in: text from .txt/.md/.html/.docx uploads, and rows of CSV or JSONL news exports."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from analysis.text.textio import InputError, decode_text

UPLOAD_TYPES = ("txt", "md", "html", "htm", "docx")
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
DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
TABLE_MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Extracted:
    """Article text and whatever metadata the file carried."""
    text: str
    headline: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    notes: tuple[str, ...] = ()


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


def extension(name: str) -> str:
    """Lower-case file extension without the dot."""
    return PurePath(name).suffix.lower().lstrip(".")


def extract(name: str, data: bytes, max_bytes: int | None = None) -> Extracted:
    """Text and metadata from an uploaded file, chosen by its extension."""
    ext = extension(name)
    if ext in ("txt", "md"):
        return Extracted(decode_text(data, name, max_bytes, guess=True))
    if ext in ("html", "htm"):
        return _from_html(decode_text(data, name, max_bytes, guess=True), name)
    if ext == "docx":
        return _from_docx(data, name, max_bytes)
    raise InputError(f"{name}: unsupported file type .{ext or '?'} (use {', '.join('.' + t for t in UPLOAD_TYPES)})")


def _from_html(html: str, name: str) -> Extracted:
    import trafilatura
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (meta.get("text") or "").strip()
    if not text:
        raise InputError(f"{name}: no article text found in this HTML page")
    title = (meta.get("title") or "").strip()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    date = meta.get("date") or ""
    return Extracted("\n\n".join(lines), title, (meta.get("author") or "").strip(),
                     date if DATE_RE.fullmatch(date) else "", (meta.get("url") or "").strip(),
                     ("Main text, title, author and date extracted with trafilatura.",))


def _from_docx(data: bytes, name: str, max_bytes: int | None) -> Extracted:
    from docx import Document

    from analysis.text.textio import MAX_TEXT_BYTES
    if len(data) > (max_bytes or MAX_TEXT_BYTES):
        raise InputError(f"{name}: {len(data):,} bytes is over the limit of {max_bytes or MAX_TEXT_BYTES:,} bytes")
    try:
        doc = Document(io.BytesIO(data))
    except Exception:
        raise InputError(f"{name}: not a readable .docx file") from None
    text = "\n\n".join(p.text.strip() for p in doc.paragraphs if p.text.strip())
    if not text:
        raise InputError(f"{name}: the document has no text")
    props = doc.core_properties
    date = props.created.strftime("%Y-%m-%d") if props.created else ""
    return Extracted(text, (props.title or "").strip(), (props.author or "").strip(), date)


def normalise_date(value: str) -> str:
    """YYYY-MM-DD from common date strings ('2017-07-08T10:00Z', '2017-07-08 10:00'), else ''."""
    m = DATE_RE.search(value or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else ""


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


def read_table(name: str, data: bytes, overrides: dict[str, str] | None = None) -> Table:
    """Rows of a CSV or JSONL export as article fields; broken rows are reported, good rows kept."""
    text = decode_text(data, name, max_bytes=TABLE_MAX_BYTES, guess=True)
    ext = extension(name)
    if ext == "csv":
        raw_rows, errors, columns = _csv_rows(text)
    elif ext in ("jsonl", "ndjson"):
        raw_rows, errors, columns = _jsonl_rows(text)
    else:
        raise InputError(f"{name}: unsupported table type .{ext} (use .csv or .jsonl)")
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


def import_table(corpus_root, user_root, table: Table, outlet: str = "", event: str = "") -> ImportReport:
    """Save every good row into the user folder; a bad row is reported and the others still imported."""
    from analysis.corpus.store import NewArticle, save_article
    report = ImportReport(errors=list(table.errors))
    for line, row in table.rows:
        new = NewArticle(text=row["text"], outlet=row.get("outlet") or outlet, date=row.get("date", ""),
                         headline=row.get("headline", ""), author=row.get("author", ""), url=row.get("url", ""),
                         event=row.get("event") or event)
        try:
            report.imported.append(save_article(corpus_root, user_root, new))
        except InputError as exc:
            report.errors.append(RowError(line, str(exc)))
    report.errors.sort(key=lambda e: e.row)
    return report
