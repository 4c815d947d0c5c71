"""Writing user-added articles into a corpus folder: atomic writes, one writer at a time, no duplicates."""
from __future__ import annotations

import contextlib
import csv
import fcntl
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.corpus.folder import MANIFEST_COLUMNS, load_corpus, read_csv_rows
from analysis.corpus.ids import same_name, slug
from analysis.corpus.limits import Limits, check_article
from analysis.corpus.ownership import Editor, check_may_change
from analysis.text.textio import InputError, atomic_write, read_text_file

OUTLET_COLUMNS = ("id", "name", "homepage", "note")
EVENT_COLUMNS = ("id", "date", "story", "title", "description")
STORY_COLUMNS = ("id", "title")
USER_STORY = "user-added"
TABLES = {"outlets.csv": OUTLET_COLUMNS, "stories.csv": STORY_COLUMNS, "events.csv": EVENT_COLUMNS,
          "manifest.csv": MANIFEST_COLUMNS}


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
    new_event_title: str = ""  # an import: the title of the event column's event (or the event by title alone)
    story: str = ""  # an import: the story the row's new event belongs to
    owner: str = ""  # owner id (ownership.owner_id) of whoever adds it; '' for commands run on the server


# A generated key (a UUID, a hash, a row number) that names nothing a reader would recognise
MACHINE_ID_RE = re.compile(r"[0-9a-f]{8}(?:-?[0-9a-f]{4}){3}-?[0-9a-f]{12}|[0-9a-f]{16,}|\d+", re.I)


def event_title_from_id(event_id: str) -> str:
    """The title of an imported event that came without one: its id where that is a name, else 'Untitled event' with
    the id's first characters, so two untitled events stay apart in a list (which gives the date beside it)."""
    event_id = event_id.strip()
    return f"Untitled event ({event_id[:8]})" if MACHINE_ID_RE.fullmatch(event_id) else event_id


def content_hash(text: str) -> str:
    """Hash of the text with white space normalised, to spot the same article pasted twice."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


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


def _write_text(path: Path, text: str, durable: bool = True) -> None:
    """Write an article's text, checked to load back exactly as the corpus loader will read it (`durable=False`
    leaves the flush to disk to the caller, who syncs once for many files)."""
    def loads_back(tmp: Path) -> None:
        try:
            back = read_text_file(tmp)
        except InputError as exc:
            raise InputError(f"the text could not be read back after writing ({exc}); nothing was saved") from None
        if back != text.replace("\r\n", "\n").replace("\r", "\n"):
            raise InputError("the text did not read back as written; nothing was saved")
    atomic_write(path, text.encode("utf-8"), check=loads_back, durable=durable)


class _Batch:
    """Articles being added under one lock: the corpus loaded once, one index of content hashes and ids, and the
    user folder's tables kept in memory until `write` (so a run that fails writes nothing)."""

    def __init__(self, corpus_root: Path, user_root: Path, limits: Limits | None, create_events: bool = False,
                 story: str = USER_STORY, story_title: str = "Added by users"):
        self.user_root, self.limits, self.create_events = user_root, limits or Limits(), create_events
        self.story, self.story_title = story, story_title
        corpus = load_corpus(corpus_root, user_root)
        self.hashes = {content_hash(a.raw): a.id for a in corpus.articles}
        self.taken = {a.id for a in corpus.articles} | {p.stem for p in (user_root / "articles").glob("*.txt")}
        self.tables = {name: _read_rows(user_root / name) for name in TABLES}
        self.outlet_names = {o.id: o.name for o in corpus.outlets.values()}
        self.outlet_names.update({r["id"]: r["name"] for r in self.tables["outlets.csv"]})
        self.outlet_index = {_norm(n): i for i, n in self.outlet_names.items()} | {_norm(i): i for i in self.outlet_names}
        self.event_titles = {e.id: e.title for e in corpus.events.values()}
        self.event_titles.update({r["id"]: r["title"] for r in self.tables["events.csv"]})
        self.story_ids = set(corpus.stories) | {r["id"] for r in self.tables["stories.csv"]}
        self.texts: dict[str, str] = {}
        self.changed: set[str] = set()
        self.created: dict[str, list[str]] = {"outlets": [], "events": [], "stories": []}

    def add(self, new: NewArticle, replaces: str = "") -> str:
        """Check an article and stage it (its text, manifest row, and any new outlet, event or story); returns
        its id. Raises InputError (DuplicateArticle, NameTaken) and stages nothing when it cannot be added."""
        new = check_article(new, self.limits)
        digest = content_hash(new.text)
        other = self.hashes.get(digest)
        if other is not None and other != replaces:
            raise DuplicateArticle(f"this text is already in the corpus as {other!r}" if not replaces
                                   else "this text is already in the corpus as another article")
        outlet_id, outlet_row = self._outlet(new.outlet)
        event_id, event_row = self._event(new)
        if outlet_row:
            self._stage("outlets.csv", outlet_row, "outlets", outlet_id)
            self.outlet_names[outlet_id] = outlet_row["name"]
            self.outlet_index[_norm(outlet_row["name"])] = self.outlet_index[_norm(outlet_id)] = outlet_id
        if event_row:
            self._stage("events.csv", event_row, "events", event_id)
            self.event_titles[event_id] = event_row["title"]
            if event_row["story"] not in self.story_ids:
                title = new.story or self.story_title
                self._stage("stories.csv", {"id": event_row["story"], "title": title}, "stories", event_row["story"])
                self.story_ids.add(event_row["story"])
        fields = {"outlet": outlet_id, "date_published": new.date, "author": new.author, "title": new.headline,
                  "url": new.url, "events": event_id, "role_in_events": "main" if event_id else ""}
        if replaces:
            row = _user_row(self.tables["manifest.csv"], replaces)
            row.update(fields)
            article_id = replaces
        else:
            base = slug(f"{outlet_id}-{new.date}-{new.headline or new.text[:60]}")
            article_id, n = base, 2
            while article_id in self.taken:
                article_id, n = f"{base}-{n}", n + 1
            self.tables["manifest.csv"].append({"id": article_id, "file": f"{article_id}.txt", **fields,
                                                "owner": new.owner})
            self.taken.add(article_id)
        self.changed.add("manifest.csv")
        self.hashes = {h: a for h, a in self.hashes.items() if a != article_id} if replaces else self.hashes
        self.hashes[digest] = article_id
        self.texts[article_id] = new.text
        return article_id

    def _stage(self, table: str, row: dict, kind: str, rid: str) -> None:
        self.tables[table].append(row)
        self.changed.add(table)
        self.created[kind].append(rid)

    def _outlet(self, outlet: str) -> tuple[str, dict | None]:
        """The id of an existing outlet (by id or name) or of a new one with its row; NameTaken when a new name
        would get an existing outlet's id ('CNN!!' and CNN)."""
        found = self.outlet_index.get(_norm(outlet))
        if found:
            return found, None
        oid = slug(outlet, 30, fallback="outlet")
        if oid in self.outlet_names:
            name = self.outlet_names[oid]
            raise NameTaken(f"a new outlet {outlet!r} would get the id {oid!r} of the existing outlet {name!r}: add "
                            f"the article to {name!r}, or give the new outlet a more distinct name", "outlet", oid, name)
        return oid, {"id": oid, "name": outlet, "homepage": "", "note": "added by a user"}

    def _event(self, new: NewArticle) -> tuple[str, dict | None]:
        """The id of an existing event, or of a new one with its row, or '' for none. An import (create_events)
        makes events from an event id or title column; the page names a new event by its title and date."""
        story = slug(new.story, 40, fallback="story") if new.story else self.story
        if new.event:
            if new.event in self.event_titles:
                return new.event, None
            if not self.create_events:
                raise InputError(f"unknown event {new.event!r}")
            eid = slug(new.event, 60, fallback="event")
            if eid in self.event_titles:
                return eid, None
            return eid, {"id": eid, "date": new.date, "story": story,
                         "title": new.new_event_title or event_title_from_id(new.event),
                         "description": "imported"}
        if not new.new_event_title:
            return "", None
        eid = (slug(new.new_event_title, 60, fallback="event") if self.create_events
               else f"u-{new.date}-{slug(new.new_event_title, 40, fallback='event')}")
        title = self.event_titles.get(eid)
        if title is not None:
            if same_name(title, new.new_event_title):
                return eid, None
            raise NameTaken(f"a new event {new.new_event_title!r} would get the id {eid!r} of the event {title!r} on "
                            f"the same day: choose that event, or give the new one a more distinct title", "event",
                            eid, title)
        return eid, {"id": eid, "date": new.date, "story": story, "title": new.new_event_title,
                     "description": "added by a user"}

    def write(self) -> None:
        """Write the staged texts, then the changed tables (the manifest last); if any write fails, every file
        written so far is put back as it was."""
        written: list[Path] = []
        before = {self.user_root / name: (self.user_root / name).read_bytes() for name in self.changed
                  if (self.user_root / name).exists()}
        files = {r["id"]: r["file"] for r in self.tables["manifest.csv"]}
        try:
            for article_id, text in self.texts.items():
                path = self.user_root / "articles" / files[article_id]
                if path.exists():
                    before[path] = path.read_bytes()  # an edited article's old text
                else:
                    written.append(path)
                _write_text(path, text, durable=len(self.texts) == 1)
            if len(self.texts) > 1:
                os.sync()  # one flush for all the new texts, before the manifest that names them
            for name in sorted(self.changed, key=lambda n: n == "manifest.csv"):
                _write_rows(self.user_root / name, TABLES[name], self.tables[name])
        except BaseException:
            for path in written:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            for path, data in before.items():
                atomic_write(path, data)
            for name in self.changed:
                if self.user_root / name not in before:
                    with contextlib.suppress(FileNotFoundError):
                        (self.user_root / name).unlink()
            raise


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name or "").casefold().split())


def save_article(corpus_root: Path, user_root: Path, new: NewArticle, limits: Limits | None = None) -> str:
    """Add an article to the user folder; returns its id. Refuses duplicates and bad metadata (see limits.py);
    control characters such as NUL are taken out of the text first."""
    new = check_article(new, limits or Limits())
    with locked(user_root):
        batch = _Batch(corpus_root, user_root, limits)
        article_id = batch.add(new)
        batch.write()
    return article_id


@dataclass
class BatchReport:
    """What adding many articles did (or, in a dry run, would do): new article ids by row, rows refused with
    the reason, and the outlets, events and stories created."""
    saved: list[tuple[int, str]] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)
    created: dict[str, list[str]] = field(default_factory=dict)


def save_articles(corpus_root: Path, user_root: Path, items: Iterable[tuple[int, NewArticle]],
                  limits: Limits | None = None, dry_run: bool = False, story: str = "imported",
                  story_title: str = "Imported", progress: Callable[[int], None] | None = None) -> BatchReport:
    """Add many articles under one lock, with one corpus load and one hash index: a bad row is refused with its
    reason and the others are added; events (and their story) and outlets named in the rows are created. With
    `dry_run` nothing is written. If writing fails, nothing is left changed."""
    report = BatchReport()
    with locked(user_root):
        batch = _Batch(corpus_root, user_root, limits, create_events=True, story=slug(story, 40, fallback="story"),
                       story_title=story_title)
        for line, new in items:
            try:
                report.saved.append((line, batch.add(new)))
            except InputError as exc:
                report.refused.append((line, str(exc)))
            if progress is not None:
                progress(1)
        if not dry_run and report.saved:
            batch.write()
    report.created = batch.created
    return report


def update_article(corpus_root: Path, user_root: Path, article_id: str, new: NewArticle, limits: Limits | None = None,
                   by: Editor | None = None) -> None:
    """Replace a user-added article's text and metadata (bundled articles are protected; only its owner or the
    teacher may, see ownership.py; its owner stays)."""
    new = check_article(new, limits or Limits())
    with locked(user_root):
        batch = _Batch(corpus_root, user_root, limits)
        row = _user_row(batch.tables["manifest.csv"], article_id)
        check_may_change(article_id, row.get("owner") or "", by)
        batch.add(new, replaces=article_id)
        batch.write()


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
