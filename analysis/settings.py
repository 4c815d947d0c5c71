"""Every path and limit in one place: read from the environment once, then passed in as a `Settings` value."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = ROOT / "corpus"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_FIELD_CHARS = 500
DEFAULT_MAX_ROWS = 200_000
DEFAULT_MAX_DOCX_BYTES = 4 * DEFAULT_MAX_BYTES

# Environment variable -> (field, what it sets). The command line's options set the same fields.
ENV = {
    "FRAMING_LENS_CORPUS": ("corpus", "the bundled (protected) corpus folder"),
    "FRAMING_LENS_USER_CORPUS": ("user_corpus", "the folder of articles added from the dashboard or `import`"),
    "FRAMING_LENS_EXTRA_CORPORA": ("extra_corpora", "more corpus folders to read, separated by ':'"),
    "FRAMING_LENS_DRAFTS": ("drafts", "the private folder of editors' drafts"),
    "FRAMING_LENS_CACHE": ("cache", "a folder for caches that can be deleted at any time"),
    "FRAMING_LENS_STORE": ("store", "the feature store (Parquet) that `python -m analysis build` fills"),
    "FRAMING_LENS_MAX_BYTES": ("max_bytes", "the largest text accepted, in bytes, after extraction"),
    "FRAMING_LENS_MAX_FIELD_CHARS": ("max_field_chars", "the longest headline, author, URL, outlet or event name"),
    "FRAMING_LENS_MAX_ROWS": ("max_rows", "the most rows one bulk import may have"),
    "FRAMING_LENS_MAX_DOCX_BYTES": ("max_docx_bytes", "the largest uncompressed size of a .docx (each part and all)"),
    "FRAMING_LENS_ANALYSIS_SECONDS": ("analysis_seconds", "the longest analysis of a pasted or uploaded text"),
    "FRAMING_LENS_ANALYSIS_WORKERS": ("analysis_workers", "processes that analyse pasted or uploaded texts"),
    "FRAMING_LENS_PAGE_RUNS": ("page_runs", "page runs the dashboard works on at once (the others wait their turn)"),
    "FRAMING_LENS_DRAFT_DAYS": ("draft_days", "days a draft is kept after its last change"),
    "FRAMING_LENS_DRAFTS_MAX_BYTES": ("drafts_max_bytes", "the most disk space all drafts together may use"),
    "FRAMING_LENS_TEACHER_PASSWORD": ("teacher_password", "lets a teacher edit or delete any added article"),
    "FRAMING_LENS_LEXICON": ("lexicon", "a folder of your own lexicon CSV files, laid over the bundled ones"),
    "FRAMING_LENS_LESSONS": ("lessons", "a folder of teachers' lesson files (.md), listed beside the bundled lessons"),
    "FRAMING_LENS_TEACHER_LEXICON": ("teacher_lexicon", "where the lexicon editor keeps the teacher's lexicon and its versions"),
    "FRAMING_LENS_PACKS": ("packs", "topic packs of loaded terms to switch on, separated by ',' ('none' for none)"),
    "FRAMING_LENS_LOADED_MODEL": ("loaded_model", "'off' to let the context rules alone decide on rated words"),
}
NUMBERS = {"max_bytes": int, "max_field_chars": int, "max_rows": int, "max_docx_bytes": int,
           "analysis_seconds": float, "analysis_workers": int, "page_runs": int, "draft_days": float,
           "drafts_max_bytes": int}
OFF = frozenset({"off", "no", "false", "0"})


def _data_home(env: Mapping[str, str]) -> Path:
    return Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "framing-lens"


def _cache_home(env: Mapping[str, str]) -> Path:
    return Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "framing-lens"


@dataclass(frozen=True)
class Settings:
    """Where the corpus, drafts, caches and a user's lexicon live, which topic packs are on, and the limits on input."""
    corpus: Path = BUNDLED_CORPUS
    user_corpus: Path = BUNDLED_CORPUS / "user"
    extra_corpora: tuple[Path, ...] = ()
    drafts: Path = Path.home() / ".local" / "share" / "framing-lens" / "drafts"
    cache: Path = Path.home() / ".cache" / "framing-lens"
    store: Path = Path.home() / ".local" / "share" / "framing-lens" / "store"
    max_bytes: int = DEFAULT_MAX_BYTES
    max_field_chars: int = DEFAULT_MAX_FIELD_CHARS
    max_rows: int = DEFAULT_MAX_ROWS
    max_docx_bytes: int = DEFAULT_MAX_DOCX_BYTES
    analysis_seconds: float = 60.0
    analysis_workers: int = 1
    page_runs: int = 2
    draft_days: float = 30.0
    drafts_max_bytes: int = 200 * 1024 * 1024
    teacher_password: str = field(default="", repr=False)
    lexicon: Path | None = None
    lessons: Path = Path.home() / ".local" / "share" / "framing-lens" / "lessons"
    teacher_lexicon: Path = Path.home() / ".local" / "share" / "framing-lens" / "lexicon"
    packs: tuple[str, ...] | None = None  # None: the packs switched on by default
    loaded_model: bool = True

    def with_options(self, **options) -> Settings:
        """These settings with command-line options applied (options left as None keep the current value)."""
        return replace(self, **{k: _convert(k, v) for k, v in options.items() if v is not None})


def _convert(name: str, value):
    if name == "extra_corpora":
        parts = value.split(os.pathsep) if isinstance(value, str) else value
        return tuple(Path(p) for p in parts if str(p).strip())
    if name == "packs":
        parts = value.split(",") if isinstance(value, str) else value
        names = tuple(p.strip() for p in parts if str(p).strip())
        return () if names == ("none",) else names
    if name == "loaded_model":
        return value if isinstance(value, bool) else str(value).strip().lower() not in OFF
    if name in NUMBERS:
        n = NUMBERS[name](value)
        if n <= 0:
            variable = next(k for k, (f, _) in ENV.items() if f == name)
            raise ValueError(f"{variable} must be a positive number")
        return n
    if name == "teacher_password":
        return str(value)
    return Path(value)


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Settings from FRAMING_LENS_* environment variables, defaults for the rest."""
    env = os.environ if env is None else env
    home = _data_home(env)
    base = Settings(drafts=home / "drafts", cache=_cache_home(env), store=home / "store", lessons=home / "lessons",
                    teacher_lexicon=home / "lexicon")
    return base.with_options(**{field: env[name] for name, (field, _) in ENV.items() if env.get(name, "").strip()})
