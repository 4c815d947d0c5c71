"""The teacher's lexicon: rows in the bundled CSV format, laid over the bundled lexicon, saved as numbered versions
(each one kept, exportable, importable, restorable); every save is validated first and written atomically."""
from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from analysis.detect.lexicon import FRAMING, STRENGTHS, _read_rows
from analysis.text.textio import atomic_write

FILE = "teacher.csv"
COLUMNS = ("term", "category", "subcategory", "strength", "rule", "neutral_alternative", "note", "source", "enabled")
CATEGORIES = FRAMING  # the categories a teacher edits (attribution cues are not edited here)
VERSION_RE = re.compile(r"^v(\d{4,})\.csv$")
MAX_IMPORT_BYTES = 2_000_000


@dataclass(frozen=True)
class Saved:
    """A saved version of the teacher's lexicon: its number and how many rows it has."""
    number: int
    rows: int


def current_dir(root: Path) -> Path:
    """The folder the lexicon loader lays over the bundled files."""
    return root / "current"


def versions(root: Path) -> list[int]:
    """Numbers of every saved version, oldest first."""
    folder = root / "versions"
    if not folder.is_dir():
        return []
    return sorted(int(m.group(1)) for p in folder.iterdir() if (m := VERSION_RE.match(p.name)))


def read_rows(root: Path, number: int | None = None) -> list[dict[str, str]]:
    """The rows of the current teacher's lexicon (or of one saved version)."""
    path = current_dir(root) / FILE if number is None else root / "versions" / f"v{number:04d}.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [{c: (r.get(c) or "").strip() for c in COLUMNS} for r in csv.DictReader(fh)]


def to_csv(rows: list[dict[str, str]]) -> bytes:
    """Rows as CSV bytes in the lexicon format (UTF-8)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: r.get(c, "") for c in COLUMNS})
    return buf.getvalue().encode("utf-8")


def validate(data: bytes, name: str = FILE) -> list[dict[str, str]]:
    """Rows of a lexicon CSV after the loader's own checks; raises ValueError naming the file and line."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ValueError(f"{name}: larger than {MAX_IMPORT_BYTES // 1_000_000} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{name}: not UTF-8 text") from None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        _read_rows(path, pack="user", allow_disable=True)
    rows = [{c: (r.get(c) or "").strip() for c in COLUMNS} for r in csv.DictReader(io.StringIO(text))]
    for line, r in enumerate(rows, start=2):
        if r["category"] == "attribution":
            raise ValueError(f"{name}:{line}: attribution cues cannot be edited here (categories: "
                             f"{', '.join(CATEGORIES)})")
    return rows


def save(root: Path, rows: list[dict[str, str]]) -> Saved:
    """Validate the rows, keep them as the next numbered version and make them the current lexicon."""
    data = to_csv(rows)
    validate(data)
    number = (versions(root) or [0])[-1] + 1
    atomic_write(root / "versions" / f"v{number:04d}.csv", data)
    atomic_write(current_dir(root) / FILE, data)
    return Saved(number, len(rows))


def current_version(root: Path) -> int:
    """Number of the version in use (0: none saved, the bundled lexicon alone)."""
    now = read_rows(root)
    for number in reversed(versions(root)):
        if read_rows(root, number) == now:
            return number
    return 0


def entry_row(term: str, category: str, subcategory: str, note: str, source: str, neutral_alternative: str = "",
              strength: str = "", rule: str = "") -> dict[str, str]:
    """One lexicon row from the editor's fields (checked when saved)."""
    term = " ".join(term.lower().split())
    if not term:
        raise ValueError("a term is needed")
    if category not in CATEGORIES:
        raise ValueError(f"category must be one of {', '.join(CATEGORIES)}")
    if not source.strip():
        raise ValueError("a source is needed (where the term comes from: a style guide, a study, 'our class')")
    if strength and strength not in STRENGTHS:
        raise ValueError(f"strength must be one of {', '.join(STRENGTHS)}")
    return {"term": term, "category": category, "subcategory": subcategory.strip() or "teacher", "strength": strength,
            "rule": rule.strip(), "neutral_alternative": neutral_alternative.strip(), "note": note.strip(),
            "source": source.strip(), "enabled": ""}


def with_entry(rows: list[dict[str, str]], row: dict[str, str]) -> list[dict[str, str]]:
    """Rows with this term added (or replacing the teacher's row of the same term and category)."""
    key = (row["term"], row["category"])
    return [r for r in rows if (r["term"], r["category"]) != key] + [row]


def without_term(rows: list[dict[str, str]], term: str, category: str) -> list[dict[str, str]]:
    """Rows that switch a term off in one category (the teacher's own row for it, if any, is dropped)."""
    term = " ".join(term.lower().split())
    kept = [r for r in rows if (r["term"], r["category"]) != (term, category)]
    return kept + [{**dict.fromkeys(COLUMNS, ""), "term": term, "category": category, "enabled": "no",
                    "source": "teacher"}]


def recategorised(rows: list[dict[str, str]], term: str, old: str, row: dict[str, str]) -> list[dict[str, str]]:
    """Rows that move a term from category `old` to the category of `row`."""
    return with_entry(without_term(rows, term, old) if old != row["category"] else rows, row)
