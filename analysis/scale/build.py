"""Building the feature store: find what is new or changed, analyse it in batches over local processes or a Dask
cluster, and commit each batch as it finishes, so a killed build resumes where it stopped."""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from itertools import groupby
from multiprocessing import get_context
from pathlib import Path

import pandas as pd

from analysis.corpus.folder import Article, Corpus
from analysis.detect.lexicon import DATA_DIR, Lexicon, load_lexicon
from analysis.pipeline import analyze_article, article_row, article_spans, warm_up
from analysis.scale import store as fs
from analysis.settings import Settings

BATCH_SIZE = 200  # articles per task: a Dask task costs about 2 ms to schedule, an article about 40 ms to analyse
SMALL = 100  # fewer articles than this are analysed in this process (starting workers would cost more)


@dataclass(frozen=True)
class LexiconSpec:
    """Which lexicon to analyse with, as plain values a worker process or a cluster node can load it from."""
    user_dir: Path | None = None
    packs: tuple[str, ...] | None = None
    model: bool = True

    @classmethod
    def of(cls, settings: Settings) -> LexiconSpec:
        """The lexicon the settings ask for."""
        return cls(settings.lexicon, settings.packs, settings.loaded_model)

    def load(self) -> Lexicon:
        """The lexicon (loaded once per process)."""
        return load_lexicon(DATA_DIR, self.user_dir, self.packs, self.model)


@dataclass(frozen=True)
class Batch:
    """Articles of one outlet and year analysed together; the id is a hash of their keys."""
    id: str
    outlet: str
    year: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Plan:
    """What a build has to do: batches to analyse, stored keys no longer current, and articles already stored."""
    batches: tuple[Batch, ...]
    stale: frozenset[str]
    kept: int

    @property
    def articles(self) -> int:
        """How many articles will be analysed."""
        return sum(len(b.articles) for b in self.batches)


@dataclass(frozen=True)
class BuildReport:
    """What a build did."""
    analysed: int
    removed: int
    kept: int
    batches: int
    files_changed: int
    seconds: float

    def summary(self) -> str:
        """One line for the command line."""
        return (f"analysed {self.analysed:,} article(s) in {self.batches:,} batch(es), kept {self.kept:,}, removed "
                f"{self.removed:,} stale, {self.seconds:.1f} s")


def plan(corpus: Corpus, root: Path, lexicon_version: str, batch_size: int = BATCH_SIZE) -> Plan:
    """Compare the corpus with the store: articles whose key is not stored are analysed, stored keys that no
    article has any more are removed."""
    stored = set().union(*(p.keys for p in fs.parts(root, "features")))
    current = {fs.article_key(a, lexicon_version): a for a in corpus.articles}
    todo = sorted(((a.outlet, fs.year_of(a.date), a.id, k) for k, a in current.items() if k not in stored))
    batches = []
    for (outlet, year), group in groupby(todo, key=lambda t: t[:2]):
        group = list(group)
        for i in range(0, len(group), batch_size):
            chunk = group[i:i + batch_size]
            bid = hashlib.sha256("".join(t[3] for t in chunk).encode()).hexdigest()[:16]
            batches.append(Batch(bid, outlet, year, tuple(current[t[3]] for t in chunk)))
    return Plan(tuple(batches), frozenset(stored - set(current)), len(current) - len(todo))


def analyse_batch(articles: tuple[Article, ...], spec: LexiconSpec, version: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(features, spans) of a batch of articles: pure, depends only on the articles and the lexicon. Refuses to run
    with a lexicon whose version differs from the one the build planned with (a worker with other files)."""
    lexicon = spec.load()
    if lexicon.version != version:
        raise RuntimeError(f"this worker's lexicon is version {lexicon.version}, the build's is {version}: install "
                           "the same Framing Lens and lexicon files on every worker")
    rows, spans, keys = [], [], []
    for a in articles:
        aa = analyze_article(a, lexicon)
        key = fs.article_key(a, version)
        rows.append({"key": key, "content_hash": a.sha256, **article_row(aa)})
        spans.append(article_spans(aa))
        keys += [key] * len(spans[-1])
    out = pd.concat(spans, ignore_index=True)
    out["key"] = keys  # one column for the batch (a copy of every article's table per key cost more than its analysis)
    return pd.DataFrame(rows), out


def _local(batches: tuple[Batch, ...], spec: LexiconSpec, version: str, jobs: int) -> Iterator[tuple[Batch, tuple]]:
    """Results of each batch as it finishes, over `jobs` forked processes (in this process for one); the word lists
    and the tagger are loaded before the fork, so every worker shares them instead of loading its own."""
    if jobs <= 1:
        for b in batches:
            yield b, analyse_batch(b.articles, spec, version)
        return
    warm_up(spec.load())  # word lists and tagger loaded once here, shared by the forked processes
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork")) as pool:
        pending, queue = {}, iter(batches)
        for b in queue:
            pending[pool.submit(analyse_batch, b.articles, spec, version)] = b
            if len(pending) >= 2 * jobs:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                b = pending.pop(future)
                nxt = next(queue, None)
                if nxt is not None:
                    pending[pool.submit(analyse_batch, nxt.articles, spec, version)] = nxt
                yield b, future.result()


def _dask(batches: tuple[Batch, ...], spec: LexiconSpec, version: str, scheduler: str) -> Iterator[tuple[Batch, tuple]]:
    """Results of each batch as it finishes on the Dask cluster at `scheduler` (tcp://HOST:8786); at most twice as
    many batches in flight as the cluster has worker threads, so the client's memory stays bounded."""
    from dask.distributed import Client, as_completed
    with Client(scheduler) as client:
        threads = max(sum(client.nthreads().values()), 1)
        queue = iter(batches)
        owner = {}

        def submit(b: Batch):
            future = client.submit(analyse_batch, b.articles, spec, version, pure=False)
            owner[future.key] = b
            return future
        running = as_completed([submit(b) for _, b in zip(range(2 * threads), queue)])
        for future in running:
            b = owner.pop(future.key)
            nxt = next(queue, None)
            if nxt is not None:
                running.add(submit(nxt))
            yield b, future.result()
            future.release()


def build(corpus: Corpus, root: Path, spec: LexiconSpec, jobs: int | None = None, scheduler: str | None = None,
          batch_size: int = BATCH_SIZE, progress: Callable[[int], None] | None = None,
          planned: Callable[[Plan], None] | None = None) -> BuildReport:
    """Bring the store at `root` up to date with the corpus: remove what changed or went, analyse what is new,
    over `jobs` local processes (default: every core, or this process alone for a small plan) or on the Dask
    cluster at `scheduler`; `planned` hears the
    plan, `progress` each batch's article count."""
    start = time.monotonic()
    version = spec.load().version
    todo = plan(corpus, root, version, batch_size)
    if planned is not None:
        planned(todo)
    changed = fs.remove_keys(root, set(todo.stale))
    if jobs is None:
        jobs = 1 if todo.articles < SMALL else os.cpu_count() or 1
    jobs = min(jobs, len(todo.batches))
    runner = _dask(todo.batches, spec, version, scheduler) if scheduler else _local(todo.batches, spec, version, jobs)
    for batch, (features, spans) in runner:
        fs.write_batch(root, batch.id, batch.outlet, batch.year, features, spans)
        changed += 2
        if progress is not None:
            progress(len(batch.articles))
    return BuildReport(todo.articles, len(todo.stale), todo.kept, len(todo.batches), changed,
                       time.monotonic() - start)
