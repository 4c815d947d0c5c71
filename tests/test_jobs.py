"""Analysis of user text in worker processes: a deadline that stops the worker, and a cache by content."""
import os
import time

import pytest

from analysis.measure.drafts import compare_drafts
from analysis.settings import from_env
from ui import jobs


def worker_pid(lexicon=None) -> int:
    """A job that says which process ran it (jobs get the lexicon of the settings as a keyword)."""
    return os.getpid()


def sleep(seconds: float, lexicon=None) -> None:
    time.sleep(seconds)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_job_past_its_deadline_is_stopped_and_its_worker_replaced():
    settings = from_env().with_options(analysis_seconds=1)
    jobs._results.clear()
    worker = jobs.run(worker_pid, settings=settings)
    t0 = time.perf_counter()
    with pytest.raises(jobs.JobFailed, match="took longer than 1 seconds and was stopped"):
        jobs.run(sleep, 30, settings=settings)
    assert time.perf_counter() - t0 < 10
    deadline = time.time() + 10
    while alive(worker) and time.time() < deadline:
        time.sleep(0.1)
    assert not alive(worker)
    jobs._results.clear()
    assert jobs.run(worker_pid, settings=settings) not in (worker, os.getpid())


def test_the_same_text_is_analysed_once():
    settings = from_env()
    text = "Officials said the drill was provocative. It may have been planned."
    first = jobs.run(compare_drafts, text, "", settings=settings)
    t0 = time.perf_counter()
    again = jobs.run(compare_drafts, text, "", settings=settings)
    assert again is first and time.perf_counter() - t0 < 0.05
    assert first.a.features["loaded_n"] == 1
