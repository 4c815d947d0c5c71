"""Limits on what enters the corpus, checked where data enters: text size, metadata fields, control characters, rows."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from analysis.corpus.dates import parse_date
from analysis.settings import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DOCX_BYTES,
    DEFAULT_MAX_FIELD_CHARS,
    DEFAULT_MAX_ROWS,
    Settings,
)
from analysis.text.textio import InputError

# C0 and C1 control characters except tab, line feed, carriage return and form feed; they carry no text and
# make files look binary (NUL above all).
TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# In a one-line field (after white space is made single spaces): every control character, and the bidirectional
# overrides and isolates that can make a headline display as something else.
FIELD_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
URL_SCHEMES = ("http://", "https://")
OWNER_RE = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class Limits:
    """The largest text (UTF-8 bytes), metadata field (characters), uncompressed .docx and bulk import (rows)."""
    text_bytes: int = DEFAULT_MAX_BYTES
    field_chars: int = DEFAULT_MAX_FIELD_CHARS
    rows: int = DEFAULT_MAX_ROWS
    docx_bytes: int = DEFAULT_MAX_DOCX_BYTES

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        """The limits a server or command runs with."""
        return cls(settings.max_bytes, settings.max_field_chars, settings.max_rows, settings.max_docx_bytes)

    @property
    def upload_mb(self) -> int:
        """The largest single file an upload box takes, in MB: a .docx at its limit, or an HTML page four times the
        text limit (markup around the text); what counts is the text after extraction."""
        return max(1, math.ceil(max(self.docx_bytes, 4 * self.text_bytes) / 2**20))


def strip_controls(text: str) -> tuple[str, int]:
    """The text without control characters such as NUL (kept: tab, line breaks, form feed), and how many went."""
    cleaned, n = TEXT_CONTROLS.subn("", text)
    return cleaned, n


def removed_note(n: int) -> str:
    """What the user is told when control characters were taken out of a text."""
    return (f"{n:,} invisible control character{'s' if n != 1 else ''} (such as NUL, often left by UTF-16 or "
            "binary tools) removed; the words are unchanged.")


def check_text(text: str, name: str, limits: Limits) -> str:
    """The text if it is within the size limit and not empty; else InputError naming `name`."""
    size = len(text.encode("utf-8"))
    if size > limits.text_bytes:
        raise InputError(f"{name}: {size:,} bytes of text is over the limit of {limits.text_bytes:,} bytes; "
                         "split it into several articles")
    if not text.strip():
        raise InputError(f"{name}: is empty")
    return text


def check_field(label: str, value: str, limits: Limits) -> str:
    """A metadata field on one line (runs of white space, line breaks included, become one space); InputError if
    it is too long or holds a control character."""
    value = " ".join((value or "").split())
    bad = FIELD_CONTROLS.search(value)
    if bad:
        raise InputError(f"{label}: contains an invisible control character (U+{ord(bad.group()):04X}); "
                         "retype it without special characters")
    if len(value) > limits.field_chars:
        raise InputError(f"{label}: {len(value):,} characters is over the limit of {limits.field_chars:,}")
    return value


def check_url(value: str, limits: Limits) -> str:
    """An empty URL, or an http(s) URL within the field limits."""
    url = check_field("URL", value, limits)
    if url and (not url.lower().startswith(URL_SCHEMES) or any(c.isspace() for c in url)):
        raise InputError(f"URL: {url[:80]!r} is not a web address (it must start with http:// or https://)")
    return url


def check_rows(n: int, name: str, limits: Limits) -> None:
    """InputError if a bulk import has more rows than allowed."""
    if n > limits.rows:
        raise InputError(f"{name}: {n:,} rows is over the limit of {limits.rows:,} rows per import; split the file")


def check_article(new, limits: Limits):
    """A new article (store.NewArticle) with every field checked and normalised: control characters out of the
    text, metadata on one line within the field limit, a real date, an http(s) URL. InputError says what is wrong."""
    text, _ = strip_controls(new.text)
    if not text.strip():
        raise InputError("the article text is empty")
    check_text(text, "the article text", limits)
    outlet = check_field("outlet", new.outlet, limits)
    if not outlet:
        raise InputError("an outlet is needed")
    if new.owner and not OWNER_RE.fullmatch(new.owner):
        raise InputError("bad owner id")
    return replace(new, text=text, outlet=outlet, date=parse_date(new.date),
                   headline=check_field("headline", new.headline, limits),
                   author=check_field("author", new.author, limits), url=check_url(new.url, limits),
                   event=check_field("event", new.event, limits),
                   new_event_title=check_field("new event's title", new.new_event_title, limits))
