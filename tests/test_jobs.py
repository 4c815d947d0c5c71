"""Analysis of user text in worker processes: a deadline that stops the worker, and a cache by content."""
import os
import time
from pathlib import Path

import pytest

from analysis.measure.drafts import compare_drafts
from analysis.settings import from_env
from ui import jobs


def worker_pid(lexicon=None) -> int:
    """A job that says which process ran it (jobs get the lexicon of the settings as a keyword)."""
    return os.getpid()


def sleep(seconds: float, pid_file: str, lexicon=None) -> None:
    """A job that says which process runs it, then sleeps."""
    Path(pid_file).write_text(str(os.getpid()))
    time.sleep(seconds)


def fails(lexicon=None) -> None:
    raise ValueError("a bad text")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_job_past_its_deadline_is_stopped_and_its_process_killed(tmp_path):
    settings = from_env().with_options(analysis_seconds=1)
    jobs._results.clear()
    first = jobs.run(worker_pid, settings=settings)
    assert first != os.getpid()
    pid_file = tmp_path / "pid"
    t0 = time.perf_counter()
    with pytest.raises(jobs.JobFailed, match="took longer than 1 seconds and was stopped"):
        jobs.run(sleep, 30, str(pid_file), settings=settings)
    assert time.perf_counter() - t0 < 10
    assert not alive(int(pid_file.read_text()))  # killed and reaped before run() returned
    assert not jobs._slots(settings.analysis_workers).running


def test_a_job_error_reaches_the_caller():
    with pytest.raises(ValueError, match="a bad text"):
        jobs.run(fails, settings=from_env())


def test_the_same_text_is_analysed_once():
    settings = from_env()
    text = "Officials said the drill was provocative. It may have been planned."
    first = jobs.run(compare_drafts, text, "", settings=settings)
    again = jobs.run(compare_drafts, text, "", settings=settings)
    assert again is first  # the very object the first run made: a second analysis would make a new one
    assert first.a.features["loaded_n"] == 1
