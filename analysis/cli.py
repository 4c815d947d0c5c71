"""Command line: `python -m analysis spans FILE` and `python -m analysis features [CORPUS_DIR]`."""
from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from tqdm import tqdm

from analysis.corpus.folder import corpus_of
from analysis.corpus.importer import COLUMN_ALIASES, TABLE_MAX_BYTES, import_table, read_table
from analysis.corpus.limits import Limits
from analysis.detect.lexicon import lexicon_for
from analysis.detect.spans import analyze_text
from analysis.pipeline import corpus_tables
from analysis.present.export import ExportUnavailable
from analysis.settings import Settings, from_env
from analysis.text.cleaning import clean
from analysis.text.textio import InputError, decode_text, read_text_file


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description="Framing Lens: framing spans and features of news text.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("spans", help="print every framing span of a text as CSV",
                       description="Print every span (loaded terms, hedges, boosters, attributions, quotes) as CSV.")
    s.add_argument("file", help="a UTF-8 text file, or - for standard input")
    s.add_argument("--outlet", default="", help="outlet id (cnn, wsws, ...) to apply its cleaning rules first")
    s.add_argument("--raw", action="store_true", help="analyse the text as is, without cleaning")
    _lexicon_options(s)
    f = sub.add_parser("features", help="print one row of features per article as CSV or JSON",
                       description="Print one row per article of the corpus: counts, rates per 1,000 words, readability, tone.")
    f.add_argument("corpus_dir", nargs="?", default=None, metavar="CORPUS_DIR",
                   help="corpus folder (default: FRAMING_LENS_CORPUS or the bundled corpus)")
    f.add_argument("--format", choices=("csv", "json"), default="csv")
    f.add_argument("--include-parts", action="store_true", help="count headlines, highlights and subheads with the body")
    _corpus_options(f)
    _lexicon_options(f)
    i = sub.add_parser("import", help="import articles from a CSV, JSONL or Parquet export into the user corpus",
                       description="Import articles from a CSV, JSONL or Parquet file (one article per row) into the "
                                   "folder of user-added articles. Common column names are recognised; map others with "
                                   "--map. Outlets, events (from an event id and/or event title column) and their "
                                   "story are created.")
    i.add_argument("file", help="a .csv, .jsonl or .parquet file")
    i.add_argument("--outlet", default="", help="outlet id or name for rows without an outlet column")
    i.add_argument("--event", default="", help="event id for rows without an event column")
    i.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help=f"use COLUMN for FIELD ({', '.join(COLUMN_ALIASES)}); FIELD= for none; repeatable")
    i.add_argument("--story", default=None,
                   help="story of the events the file creates (default: a story named after the file)")
    i.add_argument("--dry-run", action="store_true", help="check every row and say what would be created; write nothing")
    _corpus_options(i)
    b = sub.add_parser("build", help="create or update the feature store (Parquet) of the whole corpus",
                       description="Analyse every new or changed article of the corpus (bundled, user and extra "
                                   "folders) into the feature store: Parquet files partitioned by outlet and year, keyed "
                                   "by content hash and lexicon version. Resumable: a killed build continues where it "
                                   "stopped. Runs over the local cores, or on a Dask cluster with --scheduler.")
    b.add_argument("--store", default=None, help="the store folder (default: FRAMING_LENS_STORE)")
    b.add_argument("--jobs", type=int, default=None, help="local processes (default: every core)")
    b.add_argument("--scheduler", default=None, metavar="tcp://HOST:8786",
                   help="run the analysis on this Dask scheduler's workers instead of locally")
    b.add_argument("--batch-size", type=int, default=None, help="articles per task (default: 200)")
    _corpus_options(b)
    _lexicon_options(b)
    r = sub.add_parser("report", help="write a self-contained report of an event or story (HTML or PDF)",
                       description="Write one offline HTML file (or a PDF printed by headless Chromium) with the features, "
                                   "charts, highlighted texts side by side, sources and method notes of an event or story.")
    r.add_argument("--event", required=True, help="event id, or story:ID for a whole story")
    r.add_argument("--out", required=True, help="output file")
    r.add_argument("--format", choices=("html", "pdf"), default=None, help="default: from the --out extension")
    _corpus_options(r)
    _lexicon_options(r)
    w = sub.add_parser("worksheet", help="write a lesson's printable worksheet or its answer key (HTML or PDF)",
                       description="The students' sheet (texts with outlets masked, room to mark and write, the "
                                   "lesson's questions) or, with --key, the separate answer key with every span.")
    w.add_argument("--lesson", required=True, help="lesson id (bundled, or a file in FRAMING_LENS_LESSONS)")
    w.add_argument("--event", default=None, help="the texts: an event or story of the lesson (default: the lesson's)")
    w.add_argument("--paper", choices=("a4", "letter"), default="a4")
    w.add_argument("--key", action="store_true", help="write the answer key instead of the students' sheet")
    w.add_argument("--out", required=True, help="output file (.html or .pdf)")
    _corpus_options(w)
    _lexicon_options(w)
    c = sub.add_parser("lesson-check", help="check a lesson file: every problem with its line",
                       description="Parse a lesson (.md) and check it against the corpus; exit code 2 if it has problems.")
    c.add_argument("file", help="the lesson file")
    _corpus_options(c)
    return p


def _corpus_options(p: argparse.ArgumentParser) -> None:
    """The options that set the same folders as the FRAMING_LENS_* environment variables."""
    p.add_argument("--corpus", default=None, help="the bundled corpus folder (default: FRAMING_LENS_CORPUS or corpus/)")
    p.add_argument("--user-corpus", default=None,
                   help="folder of user-added articles (default: FRAMING_LENS_USER_CORPUS or corpus/user)")
    p.add_argument("--extra-corpus", action="append", default=None, metavar="DIR",
                   help="another corpus folder to read with them; repeatable (default: FRAMING_LENS_EXTRA_CORPORA)")


def _lexicon_options(p: argparse.ArgumentParser) -> None:
    """The options that choose the lexicon, like the FRAMING_LENS_LEXICON / _PACKS / _LOADED_MODEL variables."""
    p.add_argument("--lexicon", default=None, metavar="DIR",
                   help="a folder of your own lexicon CSV files laid over the bundled ones (default: FRAMING_LENS_LEXICON)")
    p.add_argument("--packs", default=None, metavar="NAME,...",
                   help="topic packs of loaded terms to switch on, or 'none' (default: FRAMING_LENS_PACKS or the default packs)")
    p.add_argument("--no-model", action="store_true",
                   help="let the context rules alone decide on rated words (no in-context model)")


def _settings(args) -> Settings:
    """The environment's settings with this command's options applied."""
    return from_env().with_options(corpus=getattr(args, "corpus_dir", None) or getattr(args, "corpus", None),
                                   user_corpus=getattr(args, "user_corpus", None),
                                   extra_corpora=getattr(args, "extra_corpus", None),
                                   lexicon=getattr(args, "lexicon", None), packs=getattr(args, "packs", None),
                                   loaded_model=False if getattr(args, "no_model", False) else None)


def _lexicon(settings: Settings):
    """The lexicon the settings ask for; a bad user folder or pack name is a clear input error."""
    try:
        return lexicon_for(settings)
    except ValueError as exc:
        raise InputError(f"lexicon: {exc}") from None


def _view(settings: Settings):
    """The analysed corpus the settings name (bundled, extra and user folders) with their lexicon."""
    from analysis.corpus.workspace import build_view
    return build_view(corpus_of(settings), lexicon=_lexicon(settings))


def _selection(view, selection: str) -> str:
    if selection not in view.selection_options():
        raise InputError(f"unknown event {selection!r}; known: {', '.join(view.selection_options())}")
    return selection


def _write_document(out: str, make: Callable[[], bytes]) -> int:
    """Write what `make` renders to `out` atomically; a missing renderer (Chromium for PDF) is an input error."""
    from analysis.text.textio import atomic_write
    try:
        data = make()
    except ExportUnavailable as exc:
        raise InputError(str(exc)) from None
    atomic_write(Path(out), data)
    print(f"wrote {out} ({len(data):,} bytes)")
    return 0


def _report(args) -> int:
    from analysis.present.report import event_report_html, event_report_pdf
    fmt = args.format or ("pdf" if args.out.lower().endswith(".pdf") else "html")
    view = _view(_settings(args))
    event = _selection(view, args.event)
    return _write_document(args.out, lambda: event_report_pdf(view, event) if fmt == "pdf"
                           else event_report_html(view, event).encode("utf-8"))


def _worksheet(args) -> int:
    from analysis.present import worksheet
    from analysis.present.lesson import load_lessons
    settings = _settings(args)
    lessons = load_lessons(settings.lessons)[0]
    lesson = lessons.get(args.lesson)
    if lesson is None:
        raise InputError(f"unknown lesson {args.lesson!r}; known: {', '.join(lessons)}")
    view = _view(settings)
    selection = _selection(view, args.event or lesson.selection)
    build = worksheet.answer_key_html if args.key else worksheet.worksheet_html
    page = build(view, view.articles_in(selection), lesson.title, lesson, args.paper)
    return _write_document(args.out, lambda: worksheet.to_pdf(page) if args.out.lower().endswith(".pdf")
                           else page.encode("utf-8"))


def _lesson_check(args) -> int:
    from analysis.present.lesson import LessonInvalid, check_against, read_lesson
    path = Path(args.file)
    try:
        lesson = read_lesson(path)
    except LessonInvalid as exc:
        raise InputError("; ".join(f"{path.name}, {p}" for p in exc.problems)) from None
    view = _view(_settings(args))
    selections = view.selection_options()
    problems = check_against(lesson, selections, {s: set(view.articles_in(s)) for s in selections},
                             set(view.corpus.outlets))
    if problems:
        raise InputError("; ".join(f"{path.name}, {p}" for p in problems))
    print(f"{path.name}: “{lesson.title}”, {len(lesson.steps)} steps, valid")
    return 0


def _import(args) -> int:
    overrides = {}
    for m in args.map:
        fld, sep, col = m.partition("=")
        if not sep:
            raise InputError(f"--map {m!r}: use FIELD=COLUMN")
        overrides[fld.strip()] = col.strip()
    path = Path(args.file)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size > TABLE_MAX_BYTES:
        raise InputError(f"{path.name}: {path.stat().st_size:,} bytes is over the limit of {TABLE_MAX_BYTES:,} bytes")
    settings = _settings(args)
    limits = Limits.of(settings)
    table = read_table(path.name, path.read_bytes(), overrides, limits)
    story = args.story or path.stem
    with tqdm(total=len(table.rows), unit="row", desc="checking" if args.dry_run else "importing",
              disable=None, file=sys.stderr) as bar:
        report = import_table(settings.corpus, settings.user_corpus, table, args.outlet, args.event, limits,
                              dry_run=args.dry_run, story=story, story_title=f"Imported: {story}", progress=bar.update)
    for err in report.errors:
        print(f"skipped {err}", file=sys.stderr)
    for kind, ids in report.created.items():
        if ids:
            print(f"{'would create' if args.dry_run else 'created'} {len(ids)} {kind}: {', '.join(ids[:10])}"
                  + (" …" if len(ids) > 10 else ""))
    print(report.summary())
    if report.imported and not args.dry_run:
        print(f"The Over time page reads only the feature store: to show these articles there, run {_build_command(args)}")
    return 0 if report.imported or not report.errors else 1


def _build_command(args) -> str:
    """The build command that reads the same corpus folders as this command."""
    folders = [("--corpus", args.corpus), ("--user-corpus", args.user_corpus),
               *(("--extra-corpus", d) for d in args.extra_corpus or [])]
    return " ".join(["python -m analysis build", *(f"{o} {shlex.quote(d)}" for o, d in folders if d)])


def _build(args) -> int:
    from analysis.scale.build import BATCH_SIZE, LexiconSpec, build
    settings = _settings(args).with_options(store=args.store)
    _lexicon(settings)
    corpus = corpus_of(settings)
    for issue in corpus.issues:
        print(f"skipped {issue}", file=sys.stderr)
    with tqdm(total=None, unit="article", desc="analysing", disable=None, file=sys.stderr) as bar:
        def planned(todo) -> None:
            bar.total = todo.articles
            bar.refresh()
        report = build(corpus, settings.store, LexiconSpec.of(settings), jobs=args.jobs, scheduler=args.scheduler,
                       batch_size=args.batch_size or BATCH_SIZE, progress=bar.update, planned=planned)
    print(f"{settings.store}: {report.summary()}")
    return 0


def _spans(args) -> int:
    settings = _settings(args)
    lexicon = _lexicon(settings)
    limit = settings.max_bytes
    text = (decode_text(sys.stdin.buffer.read(), "standard input", limit) if args.file == "-"
            else read_text_file(args.file, limit))
    body = text if args.raw else clean(text, args.outlet).body
    analysis = analyze_text(body, lexicon, tone=False)
    analysis.spans.to_csv(sys.stdout, index=False)
    return 0


def _features(args) -> int:
    settings = _settings(args)
    root = settings.corpus
    if not root.is_dir():
        raise InputError(f"{root}: no such corpus folder")
    corpus = corpus_of(settings)
    for issue in corpus.issues:
        print(f"skipped {issue}", file=sys.stderr)
    if not corpus.articles:
        raise InputError(f"{root}: no article could be loaded")
    features, _ = corpus_tables(corpus, include_parts=args.include_parts, lexicon=_lexicon(settings))
    if args.format == "json":
        features.to_json(sys.stdout, orient="records", indent=1)
        sys.stdout.write("\n")
    else:
        features.to_csv(sys.stdout, index=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; bad input gives a one-line message and exit code 2."""
    args = _parser().parse_args(argv)
    try:
        return {"spans": _spans, "features": _features, "import": _import, "build": _build, "report": _report,
                "worksheet": _worksheet, "lesson-check": _lesson_check}[args.command](args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
