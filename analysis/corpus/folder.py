"""The corpus on disk: outlets, events, stories and articles, validated on load."""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis.corpus.dates import parse_date
from analysis.settings import BUNDLED_CORPUS, Settings
from analysis.text.textio import InputError, read_text_file

DEFAULT_CORPUS = BUNDLED_CORPUS
MANIFEST_COLUMNS = ("id", "file", "outlet", "date_published", "author", "title", "url", "events", "role_in_events",
                    "owner")
ROLES = ("main", "mentions")


@dataclass(frozen=True)
class Outlet:
    """A news outlet."""
    id: str
    name: str
    homepage: str = ""
    note: str = ""


@dataclass(frozen=True)
class Event:
    """A news event that several articles cover; events belong to a story."""
    id: str
    date: str
    story: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Article:
    """One article: metadata and raw text exactly as supplied. The text is the string itself or, for an article
    loaded from a corpus folder, the file it is read from when asked for (a corpus of 100,000 articles keeps only
    their metadata and content hashes in memory)."""
    id: str
    file: str
    outlet: str
    date: str
    author: str
    headline: str
    url: str
    events: tuple[tuple[str, str], ...]
    text: str | Path = field(repr=False)
    origin: str = "bundled"  # "bundled" or "extra" (protected), or "user" (added from the dashboard or the command line)
    owner: str = field(default="", repr=False)  # hash of the owner key of whoever added it ('' = nobody's)
    digest: str = field(default="", repr=False, compare=False)  # sha256 of the text when it was loaded ('' = unknown)
    stamp: tuple[int, ...] = field(default=(), repr=False, compare=False)  # the file's stat when it was loaded

    @property
    def raw(self) -> str:
        """The raw text (read from its file, with the checks of loading, if the article was loaded from one)."""
        return self.text if isinstance(self.text, str) else read_text_file(self.text)

    @cached_property
    def sha256(self) -> str:
        """Content hash of the raw text."""
        return self.digest or hashlib.sha256(self.raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class LoadIssue:
    """A corpus entry that was skipped, and why."""
    file: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


@dataclass(frozen=True)
class Corpus:
    """Everything that loaded, plus the issues of what did not."""
    path: Path
    outlets: dict[str, Outlet]
    events: dict[str, Event]
    stories: dict[str, str]
    articles: tuple[Article, ...]
    issues: tuple[LoadIssue, ...]

    @cached_property
    def by_id(self) -> dict[str, Article]:
        """Article id -> article."""
        return {a.id: a for a in self.articles}

    def article(self, article_id: str) -> Article:
        """The article with this id (KeyError if there is none)."""
        return self.by_id[article_id]

    def article_events(self) -> pd.DataFrame:
        """One row per (article, event): the article's role in the event ('main' or 'mentions')."""
        return pd.DataFrame([{"article_id": a.id, "event_id": e, "role": r, "story": self.events[e].story}
                             for a in self.articles for e, r in a.events],
                            columns=["article_id", "event_id", "role", "story"])


def corpus_of(settings: Settings) -> Corpus:
    """The corpus the settings name: the bundled folder, every extra folder and the user folder."""
    return load_corpus(settings.corpus, settings.user_corpus, settings.extra_corpora)


def _stamp(st: os.stat_result) -> tuple[int, ...]:
    """What tells a file's versions apart without reading it: size, modification and change time (ns), inode."""
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def _files(root: Path, rel: str = ""):
    with os.scandir(root) as entries:
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                yield from _files(Path(e.path), f"{rel}{e.name}/")
            elif e.is_file():
                yield f"{rel}{e.name}", e.stat()


def fingerprint(path: str | Path) -> str:
    """A hash of the name, size, modification and change times and inode of every file of a corpus folder (stat
    only, no file read): changes whenever an article or a metadata file is edited, added, deleted or replaced."""
    h = hashlib.sha256()
    root = Path(path)
    if root.is_dir():
        for name, st in sorted(_files(root)):
            h.update(f"{name}\x1f{_stamp(st)}\x1e".encode())
    return h.hexdigest()[:16]


def quick_stamp(path: str | Path) -> tuple:
    """The stat of a corpus folder, its articles folder and its CSV files: changes at once when the dashboard or
    `import` writes (atomic renames change the folders), not when an article file is edited in place."""
    root = Path(path)
    out = []
    for p in (root, root / "articles", *(root / n for n in ("manifest.csv", "outlets.csv", "events.csv",
                                                             "stories.csv"))):
        try:
            out.append((p.name, _stamp(p.stat())))
        except OSError:
            out.append((p.name, None))
    return tuple(out)


MAX_JOINED_LINES = 20  # a quoted field may span this many lines; an unclosed quote beyond that is a broken line


def widen_csv_field_limit(nbytes: int) -> None:
    """Let the csv module read fields as long as a file of `nbytes` (its default stops at 131,072 characters)."""
    if nbytes + 1 > csv.field_size_limit():
        csv.field_size_limit(nbytes + 1)


def read_csv_rows(path: Path) -> tuple[list[str], list[dict], list[str]]:
    """(header, rows as dicts, problems) of a CSV file; a line that cannot be read (an unclosed quote, say) is a
    problem naming its line, and every other row is still read."""
    text = path.read_text(encoding="utf-8-sig")
    widen_csv_field_limit(len(text))
    problems: list[str] = []
    try:
        records = list(csv.reader(io.StringIO(text), strict=True))
        multiline = any("\n" in v or "\r" in v for values in records for v in values)
    except csv.Error:
        multiline = True
    if multiline:  # maybe an unclosed quote swallowing the rest of the file: read line by line
        records = _records_line_by_line(text.splitlines(keepends=True), problems)
    if not records:
        return [], [], problems
    header, rows = records[0], []
    for values in records[1:]:
        if any(v.strip() for v in values):
            rows.append({k: (values[i] if i < len(values) else "") for i, k in enumerate(header)})
    return header, rows, problems


def _records_line_by_line(lines: list[str], problems: list[str]) -> list[list[str]]:
    records, i = [], 0
    while i < len(lines):
        for n in range(1, min(MAX_JOINED_LINES, len(lines) - i) + 1):
            try:
                values = next(csv.reader(io.StringIO("".join(lines[i:i + n])), strict=True), [])
            except csv.Error:
                continue
            records.append(values)
            i += n
            break
        else:
            problems.append(f"line {i + 1} cannot be read (broken quoting)")
            i += 1
    return records


def _read_csv(path: Path, required: tuple[str, ...], issues: list[LoadIssue]) -> list[dict]:
    """The rows of a corpus CSV, values trimmed; a line that cannot be read is an issue and the others still load."""
    try:
        header, rows, problems = read_csv_rows(path)
    except FileNotFoundError:
        issues.append(LoadIssue(path.name, "file not found"))
        return []
    except UnicodeDecodeError as exc:
        issues.append(LoadIssue(path.name, f"cannot be read as UTF-8 CSV ({exc})"))
        return []
    issues.extend(LoadIssue(path.name, p) for p in problems)
    missing = [c for c in required if c not in header]
    if missing:
        issues.append(LoadIssue(path.name, f"missing columns: {', '.join(missing)}"))
        return []
    return [{k: v.strip() for k, v in row.items()} for row in rows]


def load_corpus(path: str | Path = DEFAULT_CORPUS, user: str | Path | None = None,
                extra: tuple[str | Path, ...] = (), previous: Corpus | None = None) -> Corpus:
    """Load a corpus folder, a folder of user-added articles if given, and any extra corpus folders (read-only, like
    the bundled one); malformed entries are skipped with an issue naming the file and the problem.

    Every text is read once, checked and hashed, and not kept (`Article.raw` reads it again when asked). With
    `previous` (an earlier load of the same folders), a file whose stat has not changed is not read again."""
    root = Path(path)
    issues: list[LoadIssue] = []
    outlets: dict[str, Outlet] = {}
    events: dict[str, Event] = {}
    stories: dict[str, str] = {}
    articles: list[Article] = []
    known = ({(a.text, a.stamp): a.digest for a in previous.articles if a.digest and not isinstance(a.text, str)}
             if previous is not None else {})
    _load_folder(root, "bundled", outlets, events, stories, articles, issues, required=True, known=known)
    for folder in extra:
        if not Path(folder).is_dir():
            issues.append(LoadIssue(str(folder), "extra corpus folder not found"))
            continue
        _load_folder(Path(folder), "extra", outlets, events, stories, articles, issues, required=False, known=known)
    if user is not None and Path(user).is_dir():
        _load_folder(Path(user), "user", outlets, events, stories, articles, issues, required=False, known=known)
    return Corpus(root, outlets, events, stories, tuple(articles), tuple(issues))


def _load_folder(root: Path, origin: str, outlets: dict, events: dict, stories: dict, articles: list,
                 issues: list, required: bool, known: dict | None = None) -> None:
    def table(name: str, columns: tuple[str, ...]) -> list[dict]:
        if not required and not (root / name).exists():
            return []
        return _read_csv(root / name, columns, issues)
    for r in table("outlets.csv", ("id", "name")):
        if r["id"] and r["id"] not in outlets:
            outlets[r["id"]] = Outlet(r["id"], r["name"] or r["id"], r.get("homepage", ""), r.get("note", ""))
    for r in table("stories.csv", ("id", "title")):
        if r["id"]:
            stories.setdefault(r["id"], r["title"])
    for r in table("events.csv", ("id", "date", "story", "title")):
        if not r["id"] or not _is_date(r["date"]):
            issues.append(LoadIssue("events.csv", f"event {r['id']!r}: needs an id and a real YYYY-MM-DD date"))
            continue
        if r["id"] not in events:
            events[r["id"]] = Event(r["id"], r["date"], r["story"], r["title"], r.get("description", ""))
            stories.setdefault(r["story"], r["story"])
    seen = {a.id for a in articles}
    inside = (root / "articles").resolve()
    for line, r in enumerate(table("manifest.csv", ("id", "file", "outlet", "date_published", "events",
                                                    "role_in_events")), start=2):
        label = r.get("file") or f"manifest.csv line {line}"
        try:
            articles.append(_article(root, r, outlets, events, seen, origin, known or {}, inside))
            seen.add(r["id"])
        except InputError as exc:
            issues.append(LoadIssue(label, str(exc)))


def _article(root: Path, r: dict, outlets: dict, events: dict, seen: set, origin: str, known: dict,
             inside: Path) -> Article:
    if not r["id"] or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", r["id"]):
        raise InputError(f"bad article id {r['id']!r} (letters, digits, '.', '_' and '-' only)")
    if r["id"] in seen:
        raise InputError(f"duplicate article id {r['id']!r}")
    if r["outlet"] not in outlets:
        raise InputError(f"unknown outlet {r['outlet']!r} (add it to outlets.csv)")
    parse_date(r["date_published"])
    ev = [e for e in r["events"].split(";") if e.strip()]
    roles = [x for x in r["role_in_events"].split(";") if x.strip()]
    if len(ev) != len(roles):
        raise InputError(f"{len(ev)} events but {len(roles)} roles")
    for e, role in zip(ev, roles):
        if e not in events:
            raise InputError(f"unknown event {e!r} (add it to events.csv)")
        if role not in ROLES:
            raise InputError(f"role {role!r} is not one of {', '.join(ROLES)}")
    file = r["file"]
    target = inside / file
    plain = file and "/" not in file and "\\" not in file and file not in (".", "..") and not target.is_symlink()
    if not plain:  # a path or a link: where it really leads must be inside the articles folder
        target = (root / "articles" / file).resolve()
        if not file or inside not in target.parents:
            raise InputError(f"file {file!r} is not inside the corpus articles folder")
    try:
        stamp = _stamp(target.stat())
    except OSError:
        stamp = ()
    digest = known.get((target, stamp), "") if stamp else ""
    if not digest:
        raw = read_text_file(target)  # read once: checked and hashed, not kept
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    return Article(r["id"], file, r["outlet"], r["date_published"], r.get("author", ""), r.get("title", ""),
                   r.get("url", ""), tuple(zip(ev, roles)), target, origin, r.get("owner", ""), digest, stamp)


def _is_date(value: str) -> bool:
    try:
        return bool(parse_date(value))
    except InputError:
        return False
