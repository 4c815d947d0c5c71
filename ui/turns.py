"""Page runs take turns: at most `settings.page_runs` full script runs work at once and the others wait, so when a
whole class opens the dashboard together the first students see their page in about the time one alone would,
instead of everybody waiting until every page is done."""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import streamlit as st

from analysis.settings import Settings


@st.cache_resource(show_spinner=False)
def _turns(runs: int) -> threading.BoundedSemaphore:
    return threading.BoundedSemaphore(runs)


@contextlib.contextmanager
def turn(settings: Settings) -> Iterator[None]:
    """Hold one of the server's page-run turns for the duration of the block (waiting for one if all are taken)."""
    turns = _turns(settings.page_runs)
    turns.acquire()
    try:
        yield
    finally:
        turns.release()
