"""Editors' drafts kept privately on the server, outside the corpus, under an unguessable key in the page URL."""
from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

from analysis.corpus.store import atomic_write
from analysis.settings import from_env

KEY_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def drafts_dir() -> Path:
    """The private drafts folder of this server's settings."""
    return from_env().drafts


def new_key() -> str:
    """A fresh private key."""
    return secrets.token_urlsafe(18)


def load(key: str) -> dict:
    """The drafts saved under a key: {'a': text, 'b': text, 'named': {name: text}}; empty if none or bad key."""
    if not KEY_RE.match(key or ""):
        return {}
    path = drafts_dir() / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(key: str, data: dict) -> None:
    """Save the drafts under a key, atomically."""
    if not KEY_RE.match(key or ""):
        raise ValueError("bad draft key")
    folder = drafts_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(folder / f"{key}.json", json.dumps(data, ensure_ascii=False).encode("utf-8"))
