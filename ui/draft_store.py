"""Editors' drafts kept privately on the server, outside the corpus, under a server-made key in the page URL;
kept for a number of days after their last change, within a storage cap for the whole server."""
from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

from analysis.settings import Settings
from analysis.text.textio import atomic_write
from ui import keys

MAX_NAMED = 20
KEY_SHARE = 0.25  # one key's drafts may take at most this share of the server's draft storage


class DraftsFull(Exception):
    """Saving would take more space than drafts may use; the message says so."""


def new_key(settings: Settings) -> str:
    """A fresh private key for drafts."""
    return keys.new_key("draft", settings.drafts)


def is_key(key: str, settings: Settings) -> bool:
    """Whether `key` is a drafts key that this server made."""
    return keys.is_key("draft", key, settings.drafts)


def _path(key: str, settings: Settings) -> Path:
    if not is_key(key, settings):
        raise ValueError("not a drafts key made by this server")
    return settings.drafts / f"{key}.json"


def _expired(path: Path, settings: Settings, now: float) -> bool:
    try:
        return now - path.stat().st_mtime > settings.draft_days * 86400
    except FileNotFoundError:
        return False


def purge(settings: Settings) -> int:
    """Delete the drafts not changed for `draft_days`; returns how many went."""
    now, gone = time.time(), 0
    for path in settings.drafts.glob("*.json"):
        if _expired(path, settings, now):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                gone += 1
    return gone


def load(key: str, settings: Settings) -> dict:
    """The drafts saved under a key: {'a': text, 'b': text, 'named': {name: text}}; empty if none, expired or the
    key was not made by this server."""
    if not is_key(key, settings):
        return {}
    path = _path(key, settings)
    if _expired(path, settings, time.time()):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(key: str, data: dict, settings: Settings) -> None:
    """Save the drafts under a key, atomically; DraftsFull when they would pass this key's or the server's share
    of storage (expired drafts are deleted first)."""
    path = _path(key, settings)
    if len(data.get("named", {})) > MAX_NAMED:
        raise DraftsFull(f"You can keep at most {MAX_NAMED} named drafts: delete one first.")
    blob = json.dumps(data, ensure_ascii=False).encode("utf-8")
    if len(blob) > KEY_SHARE * settings.drafts_max_bytes:
        raise DraftsFull(f"Your drafts would take {len(blob):,} bytes, more than one person may keep on this server "
                         f"({int(KEY_SHARE * settings.drafts_max_bytes):,}): delete some named drafts first.")
    settings.drafts.mkdir(parents=True, exist_ok=True, mode=0o700)
    purge(settings)
    others = sum(p.stat().st_size for p in settings.drafts.glob("*.json") if p != path)
    if others + len(blob) > settings.drafts_max_bytes:
        raise DraftsFull("The server's storage for drafts is full, so this change was not saved (it is still on "
                         "this page). Ask the teacher, or try again when older drafts expire.")
    atomic_write(path, blob)


def delete(key: str, settings: Settings) -> None:
    """Delete every draft saved under a key."""
    with contextlib.suppress(FileNotFoundError, ValueError):
        _path(key, settings).unlink()
