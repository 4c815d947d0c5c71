"""The corpus on disk: outlets, events, stories and articles, validated on load."""
from __future__ import annotations

import csv
import hashlib
import io
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
    """One article: metadata and raw text exactly as supplied."""
    id: str
    file: str
    outlet: str
    date: str
    author: str
    headline: str
    url: str
    events: tuple[tuple[str, str], ...]
    raw: str = field(repr=False)
    origin: str = "bundled"  # "bundled" or "extra" (protected), or "user" (added from the dashboard or the command line)
    owner: str = field(default="", repr=False)  # hash of the owner key of whoever added it ('' = nobody's)

    @cached_property
    def sha256(self) -> str:
        """Content hash of the raw text (computed once per article)."""
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()


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
    def _by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    def article(self, article_id: str) -> Article:
        """The article with this id (KeyError if there is none)."""
        return self._by_id[article_id]

    def article_events(self) -> pd.DataFrame:
        """One row per (article, event): the article's role in the event ('main' or 'mentions')."""
        return pd.DataFrame([{"article_id": a.id, "event_id": e, "role": r, "story": self.events[e].story}
                             for a in self.articles for e, r in a.events],
                            columns=["article_id", "event_id", "role", "story"])


def corpus_of(settings: Settings) -> Corpus:
    """The corpus the settings name: the bundled folder, every extra folder and the user folder."""
    return load_corpus(settings.corpus, settings.user_corpus, settings.extra_corpora)


def fingerprint(path: str | Path) -> str:
    """Content hash of every file of a corpus folder: changes whenever any article or metadata changes."""
    h = hashlib.sha256()
    root = Path(path)
    if root.is_dir():
        for p in sorted(root.rglob("*")):
            if p.is_file():
                h.update(str(p.relative_to(root)).encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


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
                extra: tuple[str | Path, ...] = ()) -> Corpus:
    """Load a corpus folder, a folder of user-added articles if given, and any extra corpus folders (read-only, like
    the bundled one); malformed entries are skipped with an issue naming the file and the problem."""
    root = Path(path)
    issues: list[LoadIssue] = []
    outlets: dict[str, Outlet] = {}
    events: dict[str, Event] = {}
    stories: dict[str, str] = {}
    articles: list[Article] = []
    _load_folder(root, "bundled", outlets, events, stories, articles, issues, required=True)
    for folder in extra:
        if not Path(folder).is_dir():
            issues.append(LoadIssue(str(folder), "extra corpus folder not found"))
            continue
        _load_folder(Path(folder), "extra", outlets, events, stories, articles, issues, required=False)
    if user is not None and Path(user).is_dir():
        _load_folder(Path(user), "user", outlets, events, stories, articles, issues, required=False)
    return Corpus(root, outlets, events, stories, tuple(articles), tuple(issues))


def _load_folder(root: Path, origin: str, outlets: dict, events: dict, stories: dict, articles: list,
                 issues: list, required: bool) -> None:
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
    for line, r in enumerate(table("manifest.csv", ("id", "file", "outlet", "date_published", "events",
                                                    "role_in_events")), start=2):
        label = r.get("file") or f"manifest.csv line {line}"
        try:
            articles.append(_article(root, r, outlets, events, seen, origin))
            seen.add(r["id"])
        except InputError as exc:
            issues.append(LoadIssue(label, str(exc)))


def _article(root: Path, r: dict, outlets: dict, events: dict, seen: set, origin: str) -> Article:
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
    target = (root / "articles" / file).resolve()
    if not file or (root / "articles").resolve() not in target.parents:
        raise InputError(f"file {file!r} is not inside the corpus articles folder")
    raw = read_text_file(target)
    return Article(r["id"], file, r["outlet"], r["date_published"], r.get("author", ""), r.get("title", ""),
                   r.get("url", ""), tuple(zip(ev, roles)), raw, origin, r.get("owner", ""))


def _is_date(value: str) -> bool:
    try:
        return bool(parse_date(value))
    except InputError:
        return False
