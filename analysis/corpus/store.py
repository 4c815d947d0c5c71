"""Writing user-added articles into a corpus folder: atomic writes, one writer at a time, no duplicates."""
from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analysis.corpus.folder import MANIFEST_COLUMNS, Corpus, load_corpus, read_csv_rows
from analysis.corpus.ids import same_name, slug
from analysis.corpus.limits import Limits, check_article
from analysis.corpus.ownership import Editor, check_may_change
from analysis.text.textio import InputError, read_text_file

OUTLET_COLUMNS = ("id", "name", "homepage", "note")
EVENT_COLUMNS = ("id", "date", "story", "title", "description")
STORY_COLUMNS = ("id", "title")
USER_STORY = "user-added"


class DuplicateArticle(InputError):
    """The same text is already in the corpus."""


class NameTaken(InputError):
    """A new outlet or event whose id is already another's: merge into it or choose another name."""

    def __init__(self, message: str, kind: str, existing_id: str, existing_name: str):
        super().__init__(message)
        self.kind, self.existing_id, self.existing_name = kind, existing_id, existing_name


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
    owner: str = ""  # owner id (ownership.owner_id) of whoever adds it; '' for commands run on the server


def content_hash(text: str) -> str:
    """Hash of the text with white space normalised, to spot the same article pasted twice."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def atomic_write(path: Path, data: bytes, check: Callable[[Path], None] | None = None) -> None:
    """Write a file so that readers see either the old or the new content, never a part; with `check`, the
    written copy is read back and checked (check raises) before it replaces the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if check is not None:
            check(Path(tmp))
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
    _, rows, problems = read_csv_rows(path)
    if problems:
        raise InputError(f"{path.name}: {problems[0]}; fix or remove that line by hand, then try again")
    return rows


def _write_rows(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    """Write a CSV table, read the written copy back and check it holds exactly these rows before it replaces
    the old table."""
    expected = [{c: str(r.get(c) or "") for c in columns} for r in rows]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    w.writerows(expected)

    def same_rows(tmp: Path) -> None:
        try:
            back = _read_rows(tmp)
        except (InputError, UnicodeDecodeError, csv.Error) as exc:
            raise InputError(f"{path.name} could not be read back after writing ({exc}); nothing was changed") from None
        if [{c: r.get(c) or "" for c in columns} for r in back] != expected:
            raise InputError(f"{path.name} did not read back as written; nothing was changed")
    atomic_write(path, buf.getvalue().encode("utf-8"), check=same_rows)


def _write_text(path: Path, text: str) -> None:
    """Write an article's text, checked to load back exactly as the corpus loader will read it."""
    def loads_back(tmp: Path) -> None:
        try:
            back = read_text_file(tmp)
        except InputError as exc:
            raise InputError(f"the text could not be read back after writing ({exc}); nothing was saved") from None
        if back != text.replace("\r\n", "\n").replace("\r", "\n"):
            raise InputError("the text did not read back as written; nothing was saved")
    atomic_write(path, text.encode("utf-8"), check=loads_back)


def _reload(corpus_root: Path, user_root: Path) -> Corpus:
    return load_corpus(corpus_root, user_root)


def save_article(corpus_root: Path, user_root: Path, new: NewArticle, limits: Limits | None = None) -> str:
    """Add an article to the user folder; returns its id. Refuses duplicates and bad metadata (see limits.py);
    control characters such as NUL are taken out of the text first."""
    new = check_article(new, limits or Limits())
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
        _write_text(user_root / "articles" / f"{article_id}.txt", new.text)
        rows = _read_rows(user_root / "manifest.csv")
        rows.append({"id": article_id, "file": f"{article_id}.txt", "outlet": outlet_id, "date_published": new.date,
                     "author": new.author, "title": new.headline, "url": new.url, "events": event_id,
                     "role_in_events": "main" if event_id else "", "owner": new.owner})
        _write_rows(user_root / "manifest.csv", MANIFEST_COLUMNS, rows)
    return article_id


def update_article(corpus_root: Path, user_root: Path, article_id: str, new: NewArticle, limits: Limits | None = None,
                   by: Editor | None = None) -> None:
    """Replace a user-added article's text and metadata (bundled articles are protected; only its owner or the
    teacher may, see ownership.py; its owner stays)."""
    new = check_article(new, limits or Limits())
    with locked(user_root):
        rows = _read_rows(user_root / "manifest.csv")
        row = _user_row(rows, article_id)
        check_may_change(article_id, row.get("owner") or "", by)
        corpus = _reload(corpus_root, user_root)
        digest = content_hash(new.text)
        if any(a.id != article_id and content_hash(a.raw) == digest for a in corpus.articles):
            raise DuplicateArticle("this text is already in the corpus as another article")
        outlet_id = _ensure_outlet(corpus, user_root, new.outlet)
        event_id = _ensure_event(corpus, user_root, new)
        _write_text(user_root / "articles" / row["file"], new.text)
        row.update({"outlet": outlet_id, "date_published": new.date, "author": new.author, "title": new.headline,
                    "url": new.url, "events": event_id, "role_in_events": "main" if event_id else ""})
        _write_rows(user_root / "manifest.csv", MANIFEST_COLUMNS, rows)


def delete_article(user_root: Path, article_id: str, by: Editor | None = None) -> None:
    """Remove a user-added article; bundled articles cannot be deleted, and others' only by the teacher."""
    with locked(user_root):
        rows = _read_rows(user_root / "manifest.csv")
        row = _user_row(rows, article_id)
        check_may_change(article_id, row.get("owner") or "", by)
        _write_rows(user_root / "manifest.csv", MANIFEST_COLUMNS, [r for r in rows if r is not row])
        with contextlib.suppress(FileNotFoundError):
            (user_root / "articles" / row["file"]).unlink()


def _user_row(rows: list[dict], article_id: str) -> dict:
    row = next((r for r in rows if r["id"] == article_id), None)
    if row is None:
        raise InputError(f"{article_id!r} is not a user-added article (the bundled articles are protected)")
    return row


def find_outlet(corpus: Corpus, name: str) -> str:
    """The id of the outlet with this id or name (case and spacing aside), or ''."""
    for o in corpus.outlets.values():
        if same_name(name, o.id) or same_name(name, o.name):
            return o.id
    return ""


def _ensure_outlet(corpus: Corpus, user_root: Path, outlet: str) -> str:
    """The id of an existing outlet (by id or name), or a new outlet written to the user folder; NameTaken when a
    new name would get an existing outlet's id ('CNN!!' and CNN)."""
    found = find_outlet(corpus, outlet)
    if found:
        return found
    oid = slug(outlet, 30, fallback="outlet")
    rows = _read_rows(user_root / "outlets.csv")
    existing = corpus.outlets.get(oid) or next((r for r in rows if r["id"] == oid), None)
    if existing is not None:
        name = existing.name if hasattr(existing, "name") else existing["name"]
        raise NameTaken(f"a new outlet {outlet!r} would get the id {oid!r} of the existing outlet {name!r}: add the "
                        f"article to {name!r}, or give the new outlet a more distinct name", "outlet", oid, name)
    rows.append({"id": oid, "name": outlet, "homepage": "", "note": "added by a user"})
    _write_rows(user_root / "outlets.csv", OUTLET_COLUMNS, rows)
    return oid


def _ensure_event(corpus: Corpus, user_root: Path, new: NewArticle) -> str:
    """The id of an existing event, a new event written to the user folder, or '' for none; NameTaken when a new
    title would get the id of an event with another title."""
    if new.event:
        if new.event not in corpus.events:
            raise InputError(f"unknown event {new.event!r}")
        return new.event
    if not new.new_event_title:
        return ""
    eid = f"u-{new.date}-{slug(new.new_event_title, 40, fallback='event')}"
    rows = _read_rows(user_root / "events.csv")
    existing = corpus.events.get(eid)
    title = existing.title if existing else next((r["title"] for r in rows if r["id"] == eid), None)
    if title is not None:
        if same_name(title, new.new_event_title):
            return eid
        raise NameTaken(f"a new event {new.new_event_title!r} would get the id {eid!r} of the event {title!r} on the "
                        f"same day: choose that event, or give the new one a more distinct title", "event", eid, title)
    rows.append({"id": eid, "date": new.date, "story": USER_STORY, "title": new.new_event_title,
                 "description": "added by a user"})
    _write_rows(user_root / "events.csv", EVENT_COLUMNS, rows)
    stories = _read_rows(user_root / "stories.csv")
    if not any(r["id"] == USER_STORY for r in stories):
        _write_rows(user_root / "stories.csv", STORY_COLUMNS, stories + [{"id": USER_STORY, "title": "Added by users"}])
    return eid
