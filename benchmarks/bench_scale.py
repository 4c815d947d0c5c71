"""Benchmark: a real-sized corpus on one machine. Builds a synthetic corpus of N articles (sentences of the seed
corpus, and of a development export if given, recombined: 800-1,000 words each, 50 outlets, N/50 events up to 2,000),
then reports import time, build time and peak memory (whole process tree) on the local cores, the same build on a
Dask LocalCluster of two workers, the rebuild after 1% of articles changed, and the server time of Compare (DuckDB
over the store) and Depth (one event; 10,000 articles) over the whole corpus.

With --serve DIR (a folder kept with --keep, its store built), the dashboard's server time over that corpus and
store: the first corpus view (manifest read, texts hashed, store keys), a warm view() per run, and Compare (one event,
the whole story), Depth (one event) and Depth's distinctive words over 10,000 articles, each run twice in Streamlit's
AppTest (cold, then warm: the second run is the one a user clicking around pays).

Run (from the project folder):
    .venv/bin/python -m benchmarks.bench_scale --articles 2000 [--sentences ../shared/dev-data/basil/basil_articles.jsonl]
    .venv/bin/python -m benchmarks.bench_scale --articles 100000 --import-only
    .venv/bin/python -m benchmarks.bench_scale --articles 10000 --import-only --keep DIR
    .venv/bin/python -m analysis build --user-corpus DIR/user --store DIR/store --jobs 2
    .venv/bin/python -m benchmarks.bench_scale --serve DIR
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 25_000  # rows per import file (about 150 MB)
SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"])")


def sentence_pool(extra: Path | None) -> list[str]:
    """Sentences of the seed corpus and of a JSONL export's `text` column (a wide, real vocabulary)."""
    from analysis.corpus.folder import load_corpus
    texts = [a.raw for a in load_corpus(ROOT / "corpus").articles]
    if extra is not None:
        texts += [json.loads(line)["text"] for line in extra.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [s.strip() for t in texts for s in SPLIT.split(t.replace("\n", " ")) if 40 <= len(s.strip()) <= 400]


def synthetic_rows(n: int, pool: list[str], seed: int = 7) -> list[dict]:
    """n export rows: 50 outlets, N/50 events (at most 2,000) over two years, 800-1,000 words each, every text unique."""
    rng = random.Random(seed)
    events = max(1, min(2000, n // 50))
    rows = []
    for k in range(n):
        ev = rng.randrange(events)
        words, sents, total = rng.randint(800, 1000), [], 0
        while total < words:
            sents.append(rng.choice(pool))
            total += len(sents[-1].split())
        day = ev * 730 // events + rng.randint(0, 2)
        rows.append({"text": f"Report {k}. " + "\n\n".join(" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)),
                     "outlet": f"Outlet {k % 50:02d}", "title": f"Article {k}",
                     "date": time.strftime("%Y-%m-%d", time.gmtime(1483228800 + 86400 * day)),
                     "event": f"event-{ev:04d}", "event_title": f"Event {ev}"})
    return rows


def run_measured(cmd: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the process and all its children, sampled every 0.2 s) of a command."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak, parent = 0.0, psutil.Process(proc.pid)

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            try:
                procs = [parent] + parent.children(recursive=True)
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.2)
    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    t.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {out}")
    print("   ", out.strip().splitlines()[-1])
    return time.monotonic() - start, peak


def import_file(export: Path, user: Path):
    """Import one export file into the user folder, as `python -m analysis import` does."""
    from analysis.corpus.importer import import_table, read_table
    return import_table(ROOT / "corpus", user, read_table(export.name, export.read_bytes()))


def timed(fn, *args, **kwargs):
    start = time.monotonic()
    result = fn(*args, **kwargs)
    return time.monotonic() - start, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--sentences", type=Path, default=None, help="a JSONL export whose sentences widen the vocabulary")
    ap.add_argument("--import-only", action="store_true")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    ap.add_argument("--serve", type=Path, default=None, help="measure the dashboard over DIR/user and DIR/store")
    args = ap.parse_args()
    if args.serve is not None:
        print(json.dumps(serve_seconds(args.serve), indent=1))
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    user, store = work / "user", work / "store"
    figures: dict[str, float | int | str] = {"articles": args.articles}

    pool = sentence_pool(args.sentences)
    rows = synthetic_rows(args.articles, pool)
    figures["sentences in the pool"] = len(pool)
    figures["words per article"] = round(sum(len(r["text"].split()) for r in rows) / len(rows))
    seconds = 0.0
    for i in range(0, len(rows), CHUNK):  # exports over the 200 MB limit of one import file are split
        export = work / f"export-{i // CHUNK + 1}.jsonl"
        export.write_text("\n".join(json.dumps(r) for r in rows[i:i + CHUNK]), encoding="utf-8")
        print(f"importing {export.name} ({export.stat().st_size / 2**20:.0f} MB) …")
        took, report = timed(import_file, export, user)
        assert len(report.imported) == len(rows[i:i + CHUNK]), report.errors[:3]
        seconds += took
    figures["import s"] = round(seconds, 1)
    if args.import_only:
        print(json.dumps(figures, indent=1))
        return

    base = [sys.executable, "-m", "analysis", "build", "--corpus", str(ROOT / "corpus"), "--user-corpus", str(user)]
    print("building on the local cores …")
    seconds, peak = run_measured(base + ["--store", str(store), "--jobs", "2"])
    figures["build s (2 processes)"], figures["build peak RSS MB (all processes)"] = round(seconds, 1), round(peak)
    if not args.no_dask:
        from dask.distributed import LocalCluster
        print("building on a Dask LocalCluster of two workers …")
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            seconds, _ = run_measured(base + ["--store", str(work / "store-dask"), "--scheduler",
                                              cluster.scheduler_address])
        figures["build s (Dask, 2 workers)"] = round(seconds, 1)

    changed = sorted((user / "articles").glob("*.txt"))[::100]
    for p in changed:
        p.write_text(p.read_text(encoding="utf-8") + "\n\nA correction was appended, officials said.", encoding="utf-8")
    print(f"rebuilding after {len(changed):,} articles changed …")
    seconds, _ = run_measured(base + ["--store", str(store), "--jobs", "2"])
    figures["rebuild after 1% changed s"] = round(seconds, 1)

    from analysis.scale import query
    con = query.connect(store)
    query.pooled(con)
    figures["Compare: pooled counts over every article, warm s"] = round(timed(query.pooled, con)[0], 3)
    event = rows[0]["event"]
    figures["Compare: attention per month, warm s"] = round(timed(query.attention, con, "month")[0], 3)
    figures["Depth: one event s"] = round(depth_seconds([r for r in rows if r["event"] == event], align=True), 2)
    figures["Depth: articles in one event"] = sum(r["event"] == event for r in rows)
    many = rows if len(rows) >= 10_000 else synthetic_rows(10_000, pool, seed=8)
    figures["Depth: 10,000 articles s (distinctive words + chance)"] = round(depth_seconds(many[:10_000]), 2)
    print(json.dumps(figures, indent=1))
    print(f"(work folder: {work})")


def serve_seconds(work: Path) -> dict:
    """Server time of the dashboard over the corpus in work/user and the store in work/store (see the docstring)."""
    import logging
    import os
    os.environ["FRAMING_LENS_USER_CORPUS"] = str(work / "user")
    os.environ["FRAMING_LENS_STORE"] = str(work / "store")
    os.environ.setdefault("FRAMING_LENS_CACHE", str(work / "cache"))
    logging.disable(logging.WARNING)  # "No runtime found" from the caches called outside a script run
    from streamlit.testing.v1 import AppTest

    from ui import data

    def run(params: dict, page: str | None = None) -> float:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=3600)
        for k, v in params.items():
            at.query_params[k] = v
        if page:
            at.switch_page(page)
        start = time.monotonic()
        at.run()
        if at.exception:
            raise SystemExit(f"{page or 'Compare'} {params}: {at.exception}")
        return time.monotonic() - start

    figures: dict[str, float | int | str] = {}
    seconds, view = timed(data.view)
    figures["articles"], figures["articles in the store"] = len(view.corpus.articles), len(view.store.keys) \
        if view.store is not None else 0
    figures["first view s (manifest, texts checked and hashed, store keys)"] = round(seconds, 2)
    figures["view() per run, warm s"] = round(min(timed(data.view)[0] for _ in range(5)), 3)
    sizes = {k: len(view.articles_in(k)) for k in view.selection_options()}
    event = max((k for k in sizes if not k.startswith("story:")), key=lambda k: (sizes[k], k))
    story = max((k for k in sizes if k.startswith("story:")), key=lambda k: (sizes[k], k))
    figures["one event: articles"], figures["whole story: articles"] = sizes[event], sizes[story]
    for label, params, page in (("Compare, one event", {"event": event}, None),
                                ("Depth, one event", {"event": event}, "ui/pages/depth.py"),
                                ("Compare, whole story", {"event": story}, None)):
        figures[f"{label}: cold s"] = round(run(params, page), 2)
        figures[f"{label}: warm s"] = round(run(params, page), 2)
    ids = view.articles_in(story)[:10_000]
    outlets = sorted({view.outlet_of(a) for a in ids})
    figures["Depth distinctive words + chance, 10,000 articles, cold s"] = round(
        timed(data.distinctive_words, view, ids, outlets[0], None)[0], 2)
    return figures


def depth_seconds(rows: list[dict], align: bool = False) -> float:
    """Server time of Depth's distinctive words with the permutation null (and the sentence alignment) over rows."""
    import pandas as pd

    from analysis.measure.coverage import align as align_sentences
    from analysis.measure.distinctive import chance_z, count_words, distinctive, self_names
    start = time.monotonic()
    outlets = sorted({r["outlet"] for r in rows})
    counts = count_words([r["text"] for r in rows], [r["outlet"] for r in rows],
                         exclude=self_names({o: o for o in outlets}))
    distinctive(counts, outlets[0])
    chance_z(counts, outlets[0], permutations=200, seed=0)
    if align:
        sents = [{"outlet": r["outlet"], "article_id": r["title"], "event_id": r["event"], "text": s}
                 for r in rows for s in SPLIT.split(r["text"].replace("\n", " "))]
        align_sentences(pd.DataFrame(sents))
    return time.monotonic() - start


if __name__ == "__main__":
    main()
