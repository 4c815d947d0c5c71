"""Analysis of pasted and uploaded texts in worker processes: a deadline, a cache by content, and work that stops
when its session closes or reruns, so one huge text cannot hold the server or another student's page."""
from __future__ import annotations

import atexit
import contextlib
import hashlib
import multiprocessing
import multiprocessing.forkserver
import pickle
import sys
import threading
import time
import types
from collections import OrderedDict
from collections.abc import Callable

import streamlit as st

from analysis.detect.lexicon import lexicon_for
from analysis.settings import Settings

PRELOAD = ["ui.jobs", "analysis.measure.drafts", "ui.worker_preload"]  # what a job process unpickles, warmed
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


class _Slots:
    """At most `workers` analyses at once, each in its own process forked from one warmed fork server, so that
    stopping a job is killing its process, at once and whatever it is doing."""

    def __init__(self, workers: int) -> None:
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(PRELOAD)
        with _plain_main():
            multiprocessing.forkserver.ensure_running()
        self.workers = workers
        self.free = threading.BoundedSemaphore(workers)
        self.lock = threading.Lock()
        self.waiting = 0
        self.running: set = set()
        atexit.register(self.close)

    def close(self) -> None:
        """Stop every running job when the server exits."""
        with self.lock:
            procs = list(self.running)
        for proc in procs:
            proc.kill()

    def start(self, fn: Callable, args: tuple):
        """A started job process and the end of the pipe its result comes back on."""
        receive, send = self.context.Pipe(duplex=False)
        proc = self.context.Process(target=_job, args=(send, fn, args), daemon=True)
        with _plain_main():
            proc.start()
        send.close()
        with self.lock:
            self.running.add(proc)
        return proc, receive

    def stop(self, proc) -> None:
        """Kill a job's process (if it still runs) and wait for it."""
        if proc.is_alive():
            proc.kill()
        proc.join()
        with self.lock:
            self.running.discard(proc)


def _job(send, fn: Callable, args: tuple) -> None:
    """In the job's process: run `fn(*args)` and send back (True, result) or (False, the error)."""
    try:
        result = (True, fn(*args))
    except Exception as exc:  # the error goes back to the page, which says it
        result = (False, exc)
    send.send(result)
    send.close()


_MAIN_LOCK = threading.Lock()


@contextlib.contextmanager
def _plain_main():
    """An empty `__main__` while the fork server or a job starts: in a script run `__main__` is the page script,
    which each new process would otherwise import, running the whole dashboard once more before its job."""
    with _MAIN_LOCK:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = main


@st.cache_resource(show_spinner=False)
def _slots(workers: int) -> _Slots:
    return _Slots(workers)


@st.cache_resource(show_spinner=False)
def _results() -> _Results:
    return _Results()


def start(settings: Settings) -> None:
    """Start the processes that run analysis jobs (the first job then finds them warm)."""
    _slots(settings.analysis_workers)


def _with_lexicon(fn: Callable, settings: Settings, args: tuple):
    """In the worker: `fn(*args)` with the lexicon these settings ask for (built once per worker process)."""
    return fn(*args, lexicon=lexicon_for(settings))


def _key(fn: Callable, args: tuple, lexicon_version: str) -> str:
    digest = hashlib.sha256(f"{fn.__module__}.{fn.__qualname__}:{lexicon_version}".encode())
    digest.update(pickle.dumps(args, protocol=5))
    return digest.hexdigest()


def run(fn: Callable, *args, settings: Settings, label: str = "Analysing the text"):
    """`fn(*args, lexicon=...)` in a job process with the settings' lexicon, at most `settings.analysis_seconds`
    long; the same arguments and lexicon version again give the cached result. While it runs the page says so; a
    rerun or a closed session stops it (its process is killed). Raises JobFailed with a message for the user."""
    key = _key(fn, args, lexicon_for(settings).version)
    hit = _results().get(key)
    if hit is not None:
        return hit
    slots = _slots(settings.analysis_workers)
    deadline = settings.analysis_seconds
    note = st.empty()
    note.caption(f"{label}…")
    t0 = time.monotonic()
    with slots.lock:
        slots.waiting += 1
    try:
        # Each caption update reaches the browser; Streamlit stops the script there when the session closed or reran.
        while not slots.free.acquire(timeout=POLL_SECONDS):
            note.caption(f"{label}… waiting for {max(slots.waiting - slots.workers, 1)} other text(s), "
                         f"{time.monotonic() - t0:.0f} s")
    finally:
        with slots.lock:
            slots.waiting -= 1
    proc = None
    try:
        proc, receive = slots.start(_with_lexicon, (fn, settings, args))
        t0 = time.monotonic()
        while not receive.poll(POLL_SECONDS):
            if not proc.is_alive() and not receive.poll(0):
                raise JobFailed(f"{label} stopped unexpectedly (the text may need more memory than this server has). "
                                "Shorten the text or split it into parts.")
            if time.monotonic() - t0 > deadline:
                raise JobFailed(f"{label} took longer than {deadline:.0f} seconds and was stopped, so that the server "
                                "stays quick for everyone. Shorten the text or split it into parts.")
            note.caption(f"{label}… {time.monotonic() - t0:.0f} s; stopped after {deadline:.0f} s of work")
        try:
            ok, result = receive.recv()
        except EOFError:
            raise JobFailed(f"{label} stopped unexpectedly. Shorten the text or split it into parts.") from None
        if not ok:
            raise result
    finally:
        if proc is not None:
            slots.stop(proc)
        slots.free.release()
        note.empty()
    _results().put(key, sum(len(a) for a in args if isinstance(a, str)), result)
    return result
