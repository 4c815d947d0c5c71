"""Lessons: a guided walk through one event or story, written by a teacher as a small Markdown file, validated
with errors that name the line."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.detect.lexicon import DATA_DIR
from analysis.text.textio import atomic_write

BUNDLED_LESSONS = DATA_DIR / "lessons"
MAX_LESSON_BYTES = 100_000
MAX_STEPS = 12
# activity -> what the class does in that step.
ACTIVITIES = {
    "headlines": "read the headlines and first paragraphs with the outlets hidden, then reveal who wrote which",
    "spot": "mark the words you find loaded or hedged in a passage, then compare with the detector",
    "sources": "who is quoted or paraphrased, and with which verbs",
    "coverage": "what each outlet includes and what it leaves out",
    "voices": "the same word in one outlet's own voice and in another's quotation",
    "guess": "guess the outlet of an article whose names, byline and dateline are masked",
    "discuss": "discussion prompts only",
}
LESSON_KEYS = ("selection", "outlets", "notes", "summary")
STEP_KEYS = ("activity", "article", "term", "sentences", "question", "reveal", "notes")
REPEATED = frozenset({"question", "notes", "reveal"})
KEY_RE = re.compile(r"^([a-z_]+)\s*:\s*(.*)$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass(frozen=True)
class Step:
    """One step of a lesson: an activity on the lesson's selection, the teacher's questions, a reveal and notes."""
    title: str
    activity: str
    questions: tuple[str, ...] = ()
    reveal: str = ""
    notes: str = ""
    article: str = ""
    term: str = ""
    sentences: int = 4
    line: int = 0


@dataclass(frozen=True)
class Lesson:
    """A lesson: its id (the file name), title, the event or story it walks through, and its steps."""
    id: str
    title: str
    selection: str
    steps: tuple[Step, ...]
    outlets: tuple[str, ...] = ()
    summary: str = ""
    notes: str = ""
    source: str = ""


@dataclass(frozen=True)
class LessonProblem:
    """One problem of a lesson file, at a line (0: the file as a whole)."""
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class LessonInvalid(ValueError):
    """A lesson file that cannot be used, with every problem found."""

    def __init__(self, name: str, problems: list[LessonProblem]):
        self.name = name
        self.problems = tuple(problems)
        super().__init__(f"{name}: " + "; ".join(str(p) for p in problems))


@dataclass
class _Draft:
    title: str
    line: int
    values: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def parse_lesson(text: str, lesson_id: str, name: str = "lesson") -> Lesson:
    """Parse a lesson in Markdown ('# Title', 'key: value' lines, one '## Step title' per step); raises
    LessonInvalid naming the line of every problem."""
    problems: list[LessonProblem] = []
    if len(text.encode("utf-8")) > MAX_LESSON_BYTES:
        raise LessonInvalid(name, [LessonProblem(0, f"the file is larger than {MAX_LESSON_BYTES // 1000} kB")])
    if not ID_RE.match(lesson_id):
        problems.append(LessonProblem(0, f"the lesson id {lesson_id!r} (its file name) may have only lower-case "
                                         "letters, digits and hyphens"))
    head: _Draft | None = None
    steps: list[_Draft] = []
    last_key: str | None = None
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("<!--"):
            continue
        if line.startswith("## "):
            if head is None:
                problems.append(LessonProblem(n, "a step comes before the lesson's title ('# Title' on the first line)"))
                head = _Draft("", n)
            steps.append(_Draft(line[3:].strip(), n))
            last_key = None
            continue
        if line.startswith("# "):
            if head is not None:
                problems.append(LessonProblem(n, "a second '# ' title: steps start with '## '"))
            else:
                head = _Draft(line[2:].strip(), n)
            last_key = None
            continue
        if head is None:
            problems.append(LessonProblem(n, "the first line must be the lesson's title, written '# Title'"))
            head = _Draft("", n)
        where = steps[-1] if steps else head
        allowed = STEP_KEYS if steps else LESSON_KEYS
        m = KEY_RE.match(line)
        if m and m.group(1) in allowed:
            key, value = m.group(1), m.group(2).strip()
            if key in where.values and key not in REPEATED:
                problems.append(LessonProblem(n, f"'{key}' is given twice in this {'step' if steps else 'lesson'}"))
            where.values.setdefault(key, []).append((n, value))
            last_key = key
        elif m and not line.startswith(("- ", "* ")):
            hint = "a step" if steps else "the lesson (before the first '## ' step)"
            problems.append(LessonProblem(n, f"unknown key '{m.group(1)}' in {hint}; known: {', '.join(allowed)}"))
        elif last_key is not None:
            n0, value = where.values[last_key][-1]
            where.values[last_key][-1] = (n0, f"{value} {line}".strip() if value else line)
        else:
            problems.append(LessonProblem(n, "text outside a 'key: value' line; write e.g. 'question: ...'"))
    if head is None:
        raise LessonInvalid(name, [LessonProblem(0, "the file is empty; a lesson starts with '# Title'")])
    if not head.title:
        problems.append(LessonProblem(head.line, "the lesson needs a title ('# Title')"))
    selection = _one(head, "selection")
    if not selection:
        problems.append(LessonProblem(head.line, "the lesson needs 'selection: EVENT-ID' (or 'story:STORY-ID')"))
    if not steps:
        problems.append(LessonProblem(0, "the lesson has no steps; start each with '## Step title'"))
    if len(steps) > MAX_STEPS:
        problems.append(LessonProblem(steps[MAX_STEPS].line, f"at most {MAX_STEPS} steps"))
    parsed = [_step(s, problems) for s in steps]
    if problems:
        raise LessonInvalid(name, problems)
    outlets = tuple(o.strip() for o in _one(head, "outlets").split(",") if o.strip())
    return Lesson(lesson_id, head.title, selection, tuple(parsed), outlets, _one(head, "summary"),
                  " ".join(v for _, v in head.values.get("notes", [])), name)


def _one(draft: _Draft, key: str) -> str:
    values = draft.values.get(key)
    return values[0][1] if values else ""


def _step(draft: _Draft, problems: list[LessonProblem]) -> Step:
    if not draft.title:
        problems.append(LessonProblem(draft.line, "a step needs a title after '## '"))
    activity = _one(draft, "activity") or "discuss"
    if activity not in ACTIVITIES:
        line = draft.values["activity"][0][0]
        problems.append(LessonProblem(line, f"unknown activity {activity!r}; known: {', '.join(ACTIVITIES)}"))
    article = _one(draft, "article")
    if activity in ("spot", "guess") and not article:
        problems.append(LessonProblem(draft.line, f"a '{activity}' step needs 'article: ARTICLE-ID'"))
    sentences = 4
    if "sentences" in draft.values:
        line, value = draft.values["sentences"][0]
        if value.isdigit() and 1 <= int(value) <= 12:
            sentences = int(value)
        else:
            problems.append(LessonProblem(line, f"'sentences' must be a whole number from 1 to 12, not {value!r}"))
    questions = tuple(v for _, v in draft.values.get("question", []) if v)
    if not questions:
        problems.append(LessonProblem(draft.line, "every step needs at least one 'question: ...' for the class"))
    return Step(draft.title, activity, questions, " ".join(v for _, v in draft.values.get("reveal", [])),
                " ".join(v for _, v in draft.values.get("notes", [])), article, _one(draft, "term"), sentences,
                draft.line)


def check_against(lesson: Lesson, selections: dict[str, str], articles: dict[str, set[str]],
                  outlets: set[str]) -> list[LessonProblem]:
    """Problems of a parsed lesson against the corpus: an unknown selection, outlet or article, or an article
    outside the selection (`articles`: selection -> its article ids)."""
    problems = []
    if lesson.selection not in selections:
        problems.append(LessonProblem(0, f"selection {lesson.selection!r} is no event or story of the corpus; known: "
                                         f"{', '.join(selections)}"))
    problems += [LessonProblem(0, f"unknown outlet {o!r}; known: {', '.join(sorted(outlets))}")
                 for o in lesson.outlets if o not in outlets]
    inside = articles.get(lesson.selection, set())
    for step in lesson.steps:
        if step.article and step.article not in inside:
            problems.append(LessonProblem(step.line, f"step “{step.title}”: article {step.article!r} is not in the "
                                                     f"selection {lesson.selection!r}"))
    return problems


def read_lesson(path: Path) -> Lesson:
    """A lesson file (.md), its id taken from the file name."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LessonInvalid(path.name, [LessonProblem(0, "the file is not UTF-8 text")]) from None
    except OSError as exc:
        raise LessonInvalid(path.name, [LessonProblem(0, f"cannot be read ({exc.strerror})")]) from None
    return parse_lesson(text, path.stem, path.name)


def save_lesson(folder: Path, lesson_id: str, text: str) -> Lesson:
    """Check a lesson and write it (atomically) to a teacher's lesson folder as ID.md; raises LessonInvalid."""
    lesson = parse_lesson(text, lesson_id, f"{lesson_id}.md")
    atomic_write(folder / f"{lesson_id}.md", text.encode("utf-8"),
                 check=lambda path: parse_lesson(path.read_text(encoding="utf-8"), lesson_id))
    return lesson


def lesson_files(*folders: Path | None) -> list[Path]:
    """The lesson files of the bundled folder and any teacher's folders, by name (a later folder's file wins)."""
    found: dict[str, Path] = {}
    for folder in (BUNDLED_LESSONS, *folders):
        if folder is not None and folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                found[path.stem] = path
    return [found[k] for k in sorted(found)]


def load_lessons(*folders: Path | None) -> tuple[dict[str, Lesson], list[LessonInvalid]]:
    """Every lesson that parses, by id, and the problems of those that do not (they never stop the others)."""
    lessons, bad = {}, []
    for path in lesson_files(*folders):
        try:
            lesson = read_lesson(path)
        except LessonInvalid as exc:
            bad.append(exc)
        else:
            lessons[lesson.id] = lesson
    return lessons, bad
