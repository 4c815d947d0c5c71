"""Text and metadata from one uploaded file: .txt, .md, .html/.htm (trafilatura) or .docx (python-docx)."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import PurePath

from analysis.corpus.dates import parse_date
from analysis.corpus.limits import Limits, check_text, removed_note, strip_controls
from analysis.text.textio import InputError, decode_text

UPLOAD_TYPES = ("txt", "md", "html", "htm", "docx")
DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DOCX_MAX_PARTS = 2000


@dataclass(frozen=True)
class Extracted:
    """Article text and whatever metadata the file carried."""
    text: str
    headline: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    notes: tuple[str, ...] = ()


def extension(name: str) -> str:
    """Lower-case file extension without the dot."""
    return PurePath(name).suffix.lower().lstrip(".")


def extract(name: str, data: bytes, limits: Limits | None = None) -> Extracted:
    """Text and metadata from an uploaded file, chosen by its extension, within the limits on text and fields.

    Control characters (NUL above all) are taken out of the text with a note saying so; metadata longer than a
    field may be is cut, with a note."""
    limits = limits or Limits()
    ext = extension(name)
    if ext in ("txt", "md"):
        found = Extracted(decode_text(data, name, limits.text_bytes, guess=True))
    elif ext in ("html", "htm"):
        found = _from_html(decode_text(data, name, limits.text_bytes, guess=True), name)
    elif ext == "docx":
        found = _from_docx(data, name, limits)
    else:
        raise InputError(f"{name}: unsupported file type .{ext or '?'} (use {', '.join('.' + t for t in UPLOAD_TYPES)})")
    return _within_limits(found, name, limits)


def _within_limits(found: Extracted, name: str, limits: Limits) -> Extracted:
    text, removed = strip_controls(found.text)
    check_text(text, name, limits)
    notes = list(found.notes) + ([removed_note(removed)] if removed else [])
    meta = {}
    for fld in ("headline", "author", "url"):
        value = " ".join(strip_controls(getattr(found, fld))[0].split())
        if len(value) > limits.field_chars:
            notes.append(f"The file's {fld} was cut to {limits.field_chars:,} characters.")
            value = value[:limits.field_chars].rstrip()
        meta[fld] = value
    return replace(found, text=text, notes=tuple(notes), **meta)


def _date(value: str) -> str:
    try:
        return parse_date(value, timestamps=True)
    except InputError:
        return ""


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
    return Extracted("\n\n".join(lines), title, (meta.get("author") or "").strip(), _date(meta.get("date") or ""),
                     (meta.get("url") or "").strip(), ("Main text, title, author and date extracted with trafilatura.",))


def check_docx_size(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a .docx whose parts would unpack to more than the limit, from the zip directory alone (a zip bomb
    is refused before anything is decompressed)."""
    if len(data) > limits.text_bytes:
        raise InputError(f"{name}: {len(data):,} bytes is over the limit of {limits.text_bytes:,} bytes")
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{name}: not a readable .docx file") from None
    if len(parts) > DOCX_MAX_PARTS:
        raise InputError(f"{name}: {len(parts):,} parts is more than a .docx has ({DOCX_MAX_PARTS:,} at most)")
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > limits.docx_bytes or total > limits.docx_bytes:
            raise InputError(f"{name}: unpacks to more than {limits.docx_bytes:,} bytes ({part.filename!r} alone is "
                             f"{part.file_size:,}), over the limit for a .docx")


def _from_docx(data: bytes, name: str, limits: Limits) -> Extracted:
    from docx import Document
    check_docx_size(data, name, limits)
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
