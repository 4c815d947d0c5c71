"""Writing user-added articles into a corpus folder: atomic writes, one writer at a time, no duplicates."""
from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from analysis.corpus.folder import DATE_RE, MANIFEST_COLUMNS, Corpus, load_corpus
from analysis.text.textio import InputError

OUTLET_COLUMNS = ("id", "name", "homepage", "note")
EVENT_COLUMNS = ("id", "date", "story", "title", "description")
STORY_COLUMNS = ("id", "title")
USER_STORY = "user-added"


class DuplicateArticle(InputError):
    """The same text is already in the corpus."""


@dataclass(frozen=True)
class NewArticle:
    """What a user supplies for an article: text and metadata (outlet and event by id or by new name)."""
    text: str
    outlet: str
    date: str
    headline: str = ""
    author: str = ""
    url: str = ""
    event: str = ""
    new_event_title: str = ""


def slug(text: str, limit: int = 60) -> str:
    """A safe file-name part: ASCII letters, digits and hyphens only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:limit].strip("-") or "article"


def content_hash(text: str) -> str:
    """Hash of the text with white space normalised, to spot the same article pasted twice."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that readers see either the old or the new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def locked(root: Path):
    """Hold the folder's write lock (one writer at a time, across processes and threads)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_rows(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    atomic_write(path, buf.getvalue().encode("utf-8"))


def _reload(corpus_root: Path, user_root: Path) -> Corpus:
    return load_corpus(corpus_root, user_root)


def save_article(corpus_root: Path, user_root: Path, new: NewArticle) -> str:
    """Add an article to the user folder; returns its id. Refuses duplicates and bad metadata."""
    _validate(new)
    with locked(user_root):
        corpus = _reload(corpus_root, user_root)
        digest = content_hash(new.text)
        for a in corpus.articles:
            if content_hash(a.raw) == digest:
                raise DuplicateArticle(f"this text is already in the corpus as {a.id!r}")
        outlet_id = _ensure_outlet(corpus, user_root, new.outlet)
        event_id = _ensure_event(corpus, user_root, new)
        base = slug(f"{outlet_id}-{new.date}-{new.headline or new.text[:60]}")
        taken = {a.id for a in corpus.articles} | {p.stem for p in (user_root / "articles").glob("*.txt")}
        article_id, n = base, 2
        while article_id in taken:
            article_id, n = f"{base}-{n}", n + 1
        atomic_write(user_root / "articles" / f"{article_id}.txt", new.text.encode("utf-8"))
        rows = _read_rows(user_root / "manifest.csv")
        rows.append({"id": article_id, "file": f"{article_id}.txt", "outlet": outlet_id, "date_published": new.date,
                     "author": _one_line(new.author), "title": _one_line(new.headline), "url": _one_line(new.url),
                     "events": event_id, "role_in_events": "main" if event_id else ""})
        _write_rows(user_root / "manifest.csv", MANIFEST_COLUMNS, rows)
    return article_id


def update_article(corpus_root: Path, user_root: Path, article_id: str, new: NewArticle) -> None:
    """Replace a user-added article's text and metadata (bundled articles are protected)."""
    _validate(new)
    with locked(user_root):
        rows = _read_rows(user_root / "manifest.csv")
        row = _user_row(rows, article_id)
        corpus = _reload(corpus_root, user_root)
        digest = content_hash(new.text)
        if any(a.id != article_id and content_hash(a.raw) == digest for a in corpus.articles):
            raise DuplicateArticle("this text is already in the corpus as another article")
        outlet_id = _ensure_outlet(corpus, user_root, new.outlet)
        event_id = _ensure_event(corpus, user_root, new)
        atomic_write(user_root / "articles" / row["file"], new.text.encode("utf-8"))
        row.update({"outlet": outlet_id, "date_published": new.date, "author": _one_line(new.author),
                    "title": _one_line(new.headline), "url": _one_line(new.url), "events": event_id,
                    "role_in_events": "main" if event_id else ""})
        _write_rows(user_root / "manifest.csv", MANIFEST_COLUMNS, rows)


def delete_article(user_root: Path, article_id: str) -> None:
    """Remove a user-added article; bundled articles cannot be deleted."""
    with locked(user_root):
        rows = _read_rows(user_root / "manifest.csv")
        row = _user_row(rows, article_id)
        _write_rows(user_root / "manifest.csv", MANIFEST_COLUMNS, [r for r in rows if r is not row])
        with contextlib.suppress(FileNotFoundError):
            (user_root / "articles" / row["file"]).unlink()


def _user_row(rows: list[dict], article_id: str) -> dict:
    row = next((r for r in rows if r["id"] == article_id), None)
    if row is None:
        raise InputError(f"{article_id!r} is not a user-added article (the bundled articles are protected)")
    return row


def _one_line(s: str) -> str:
    return " ".join((s or "").split())


def _validate(new: NewArticle) -> None:
    if not new.text.strip():
        raise InputError("the article text is empty")
    if not DATE_RE.match(new.date or ""):
        raise InputError(f"date {new.date!r} is not YYYY-MM-DD")
    if not new.outlet.strip():
        raise InputError("an outlet is needed")


def _ensure_outlet(corpus: Corpus, user_root: Path, outlet: str) -> str:
    """The id of an existing outlet (by id or name), or a new outlet written to the user folder."""
    outlet = _one_line(outlet)
    for o in corpus.outlets.values():
        if outlet in (o.id, o.name):
            return o.id
    oid = slug(outlet, 30)
    rows = _read_rows(user_root / "outlets.csv")
    if not any(r["id"] == oid for r in rows):
        rows.append({"id": oid, "name": outlet, "homepage": "", "note": "added by a user"})
        _write_rows(user_root / "outlets.csv", OUTLET_COLUMNS, rows)
    return oid


def _ensure_event(corpus: Corpus, user_root: Path, new: NewArticle) -> str:
    """The id of an existing event, a new event written to the user folder, or '' for none."""
    if new.event:
        if new.event not in corpus.events:
            raise InputError(f"unknown event {new.event!r}")
        return new.event
    if not new.new_event_title.strip():
        return ""
    eid = f"u-{new.date}-{slug(new.new_event_title, 40)}"
    rows = _read_rows(user_root / "events.csv")
    if eid not in corpus.events and not any(r["id"] == eid for r in rows):
        rows.append({"id": eid, "date": new.date, "story": USER_STORY, "title": _one_line(new.new_event_title),
                     "description": "added by a user"})
        _write_rows(user_root / "events.csv", EVENT_COLUMNS, rows)
        stories = _read_rows(user_root / "stories.csv")
        if not any(r["id"] == USER_STORY for r in stories):
            _write_rows(user_root / "stories.csv", STORY_COLUMNS, stories + [{"id": USER_STORY, "title": "Added by users"}])
    return eid
