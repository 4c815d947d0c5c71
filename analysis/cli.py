"""Command line: `python -m analysis spans FILE` and `python -m analysis features [CORPUS_DIR]`."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis.text.cleaning import clean
from analysis.corpus.folder import DEFAULT_CORPUS, DEFAULT_USER_CORPUS, load_corpus
from analysis.present.export import ExportUnavailable
from analysis.corpus.importer import import_table, read_table
from analysis.pipeline import corpus_tables
from analysis.detect.spans import analyze_text
from analysis.text.textio import InputError, decode_text, read_text_file


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description="Framing Lens: framing spans and features of news text.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("spans", help="print every framing span of a text as CSV",
                       description="Print every span (loaded terms, hedges, boosters, attributions, quotes) as CSV.")
    s.add_argument("file", help="a UTF-8 text file, or - for standard input")
    s.add_argument("--outlet", default="", help="outlet id (cnn, wsws, ...) to apply its cleaning rules first")
    s.add_argument("--raw", action="store_true", help="analyse the text as is, without cleaning")
    f = sub.add_parser("features", help="print one row of features per article as CSV or JSON",
                       description="Print one row per article of the corpus: counts, rates per 1,000 words, readability, tone.")
    f.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="corpus folder (default: the bundled corpus)")
    f.add_argument("--format", choices=("csv", "json"), default="csv")
    f.add_argument("--include-parts", action="store_true", help="count headlines, highlights and subheads with the body")
    i = sub.add_parser("import", help="import articles from a CSV or JSONL export into the user corpus",
                       description="Import articles from a CSV or JSONL file (one article per row) into the folder of "
                                   "user-added articles. Common column names are recognised; map others with --map.")
    i.add_argument("file", help="a .csv or .jsonl file")
    i.add_argument("--outlet", default="", help="outlet id or name for rows without an outlet column")
    i.add_argument("--event", default="", help="event id for rows without an event column")
    i.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help="use COLUMN for FIELD (text, headline, date, outlet, url, author, event); repeatable")
    i.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="the bundled corpus folder")
    i.add_argument("--user-corpus", default=os.environ.get("FRAMING_LENS_USER_CORPUS", str(DEFAULT_USER_CORPUS)),
                   help="folder of user-added articles (default: FRAMING_LENS_USER_CORPUS or corpus/user)")
    r = sub.add_parser("report", help="write a self-contained report of an event or story (HTML or PDF)",
                       description="Write one offline HTML file (or a PDF printed by headless Chromium) with the features, "
                                   "charts, highlighted texts side by side, sources and method notes of an event or story.")
    r.add_argument("--event", required=True, help="event id, or story:ID for a whole story")
    r.add_argument("--out", required=True, help="output file")
    r.add_argument("--format", choices=("html", "pdf"), default=None, help="default: from the --out extension")
    r.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus folder (default: the bundled corpus)")
    return p


def _report(args) -> int:
    from analysis.present.report import event_report_html, event_report_pdf
    from analysis.corpus.store import atomic_write
    from analysis.corpus.workspace import load_view
    fmt = args.format or ("pdf" if args.out.lower().endswith(".pdf") else "html")
    view = load_view(args.corpus, os.environ.get("FRAMING_LENS_USER_CORPUS", str(DEFAULT_USER_CORPUS)))
    if args.event not in view.selection_options():
        raise InputError(f"unknown event {args.event!r}; known: {', '.join(view.selection_options())}")
    try:
        data = event_report_pdf(view, args.event) if fmt == "pdf" else event_report_html(view, args.event).encode("utf-8")
    except ExportUnavailable as exc:
        raise InputError(str(exc)) from None
    atomic_write(Path(args.out), data)
    print(f"wrote {args.out} ({len(data):,} bytes)")
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
    table = read_table(path.name, path.read_bytes(), overrides)
    report = import_table(Path(args.corpus), Path(args.user_corpus), table, args.outlet, args.event)
    for err in report.errors:
        print(f"skipped {err}", file=sys.stderr)
    print(f"imported {len(report.imported)} article(s), skipped {len(report.errors)} row(s)")
    return 0 if report.imported or not report.errors else 1


def _spans(args) -> int:
    text = decode_text(sys.stdin.buffer.read(), "standard input") if args.file == "-" else read_text_file(args.file)
    body = text if args.raw else clean(text, args.outlet).body
    analysis = analyze_text(body, tone=False)
    analysis.spans.to_csv(sys.stdout, index=False)
    return 0


def _features(args) -> int:
    root = Path(args.corpus)
    if not root.is_dir():
        raise InputError(f"{root}: no such corpus folder")
    corpus = load_corpus(root)
    for issue in corpus.issues:
        print(f"skipped {issue}", file=sys.stderr)
    if not corpus.articles:
        raise InputError(f"{root}: no article could be loaded")
    features, _ = corpus_tables(corpus, include_parts=args.include_parts)
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
        return {"spans": _spans, "features": _features, "import": _import,
                "report": _report}[args.command](args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
