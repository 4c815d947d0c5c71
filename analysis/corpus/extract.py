"""Text and metadata from one uploaded file: .txt, .md, .html/.htm (trafilatura) or .docx (python-docx)."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import PurePath

from analysis.text.textio import InputError, decode_text

UPLOAD_TYPES = ("txt", "md", "html", "htm", "docx")
DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


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
