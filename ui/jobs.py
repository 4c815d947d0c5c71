"""Analysis of pasted and uploaded texts in worker processes: a deadline, a cache by content, and work that stops
when its session closes or reruns, so one huge text cannot hold the server or another student's page."""
from __future__ import annotations

import atexit
import concurrent.futures
import hashlib
import multiprocessing
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

import pebble
import streamlit as st

from analysis.detect.lexicon import lexicon_for
from analysis.pipeline import warm_up
from analysis.settings import Settings

PRELOAD = ["analysis.pipeline", "analysis.measure.drafts", "textstat", "vaderSentiment.vaderSentiment"]
POLL_SECONDS = 0.4
CACHE_ENTRIES = 32
CACHE_CHARS = 40_000_000  # about the inputs of 8 texts at the largest size


class JobFailed(Exception):
    """An analysis that did not finish (too slow, or its worker died), with a message fit for the user."""


class _Results:
    """Finished results by content key, least recently used dropped first, bounded by entries and input size."""

    def __init__(self) -> None:
        self._items: OrderedDict[str, tuple[int, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key][1]

    def put(self, key: str, size: int, value) -> None:
        with self._lock:
            self._items[key] = (size, value)
            while len(self._items) > CACHE_ENTRIES or sum(s for s, _ in self._items.values()) > CACHE_CHARS:
                if len(self._items) == 1:
                    break
                self._items.popitem(last=False)


class _Pool:
    """The worker processes and how many jobs wait for them."""

    def __init__(self, workers: int) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self.pool = pebble.ProcessPool(max_workers=workers, initializer=warm_up, context=context)
        self.workers = workers
        self.pending = 0
        self.lock = threading.Lock()
        atexit.register(self.close)

    def close(self) -> None:
        """Stop the workers (running jobs too) when the server exits."""
        self.pool.stop()
        self.pool.join(timeout=5)

    def schedule(self, fn: Callable, args: tuple, timeout: float) -> concurrent.futures.Future:
        with self.lock:
            self.pending += 1
        future = self.pool.schedule(fn, args, timeout=timeout)
        future.add_done_callback(self._done)
        return future

    def _done(self, _future) -> None:
        with self.lock:
            self.pending -= 1


@st.cache_resource(show_spinner=False)
def _pool(workers: int) -> _Pool:
    return _Pool(workers)


@st.cache_resource(show_spinner=False)
def _results() -> _Results:
    return _Results()


def _with_lexicon(fn: Callable, settings: Settings, args: tuple):
    """In the worker: `fn(*args)` with the lexicon these settings ask for (built once per worker process)."""
    return fn(*args, lexicon=lexicon_for(settings))


def _key(fn: Callable, args: tuple, lexicon_version: str) -> str:
    digest = hashlib.sha256(f"{fn.__module__}.{fn.__qualname__}:{lexicon_version}".encode())
    digest.update(pickle.dumps(args, protocol=5))
    return digest.hexdigest()


def run(fn: Callable, *args, settings: Settings, label: str = "Analysing the text"):
    """`fn(*args, lexicon=...)` in a worker process with the settings' lexicon, at most `settings.analysis_seconds`
    long; the same arguments and lexicon version again give the cached result. While it runs the page says so; a rerun or a closed session cancels it (its worker is
    stopped). Raises JobFailed with a message for the user."""
    key = _key(fn, args, lexicon_for(settings).version)
    hit = _results().get(key)
    if hit is not None:
        return hit
    pool = _pool(settings.analysis_workers)
    deadline = settings.analysis_seconds
    note = st.empty()
    note.caption(f"{label}…")
    future = pool.schedule(_with_lexicon, (fn, settings, args), timeout=deadline)
    t0 = time.monotonic()
    try:
        while not concurrent.futures.wait([future], timeout=POLL_SECONDS).done:
            # Each update reaches the browser; Streamlit stops the script here when the session closed or reran.
            waiting = "" if future.running() else f" (waiting for {max(pool.pending - pool.workers, 1)} other text(s))"
            note.caption(f"{label}… {time.monotonic() - t0:.0f} s{waiting}; stopped after {deadline:.0f} s of work")
        try:
            result = future.result()
        except TimeoutError:
            raise JobFailed(f"{label} took longer than {deadline:.0f} seconds and was stopped, so that the server "
                            "stays quick for everyone. Shorten the text or split it into parts.") from None
        except pebble.ProcessExpired:
            raise JobFailed(f"{label} stopped unexpectedly (the text may need more memory than this server has). "
                            "Shorten the text or split it into parts.") from None
    finally:
        if not future.done():
            future.cancel()
        note.empty()
    _results().put(key, sum(len(a) for a in args if isinstance(a, str)), result)
    return result
