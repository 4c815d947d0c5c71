"""Ids and file names from user-given names: readable ASCII (other scripts transliterated), safe, and distinct."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii


def slug(text: str, limit: int = 60, fallback: str = "article") -> str:
    """A safe id or file-name part: lower-case ASCII letters, digits and hyphens, other scripts transliterated
    ('Москва' -> 'moskva', '北京日报' -> 'beijingribao'). A name with nothing left gets `fallback` and a hash of
    the name, and a name cut at `limit` ends in a hash of the whole, so different names keep different ids."""
    name = unicodedata.normalize("NFKC", text or "").strip()
    s = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-")
    if not s:
        return f"{fallback}-{_digest(name)}" if name else fallback
    if len(s) > limit:
        return s[:limit - 9].strip("-") + "-" + _digest(name)
    return s


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same apart from case, white space and Unicode form ('CNN' and ' cnn')."""
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", s or "").casefold().split())
    return norm(a) == norm(b)


def _digest(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
