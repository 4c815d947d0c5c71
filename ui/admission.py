"""Pages served in turn: at most a few page runs at once, first come first served, so that when a whole class opens
the dashboard the first students see their charts at once instead of everybody seeing them at the end."""
from __future__ import annotations

import contextlib
import itertools
import threading
from collections import deque

import streamlit as st

POLL_SECONDS = 0.5
_held = threading.local()  # whether this script thread (one session's run) holds a turn


class Turns:
    """A first-come-first-served queue of page runs, `slots` at a time."""

    def __init__(self, slots: int) -> None:
        self.slots = slots
        self.running = 0
        self.queue: deque[int] = deque()
        self.tickets = itertools.count()
        self.cond = threading.Condition()

    def wait(self, on_wait) -> None:
        """Block until it is this caller's turn; `on_wait(place)` is called every half second meanwhile (a closed
        session's script stops there, and leaves the queue)."""
        ticket = next(self.tickets)
        with self.cond:
            self.queue.append(ticket)
            try:
                while not (self.queue[0] == ticket and self.running < self.slots):
                    if not self.cond.wait(POLL_SECONDS):
                        place = self.queue.index(ticket) + 1
                        self.cond.release()
                        try:
                            on_wait(place)
                        finally:
                            self.cond.acquire()
                self.running += 1
            finally:
                self.queue.remove(ticket)
                self.cond.notify_all()

    def done(self) -> None:
        with self.cond:
            self.running -= 1
            self.cond.notify_all()


@st.cache_resource(show_spinner=False)
def _turns(slots: int) -> Turns:
    return Turns(slots)


def _wait_note(note):
    def show(place: int) -> None:
        note.caption(f"Many people are opening pages right now: yours comes in turn ({place} before it)…")
    return show


@contextlib.contextmanager
def turn(slots: int):
    """Run the body (a page) in turn with every other session's page runs, `slots` at a time."""
    turns = _turns(slots)
    note = st.empty()
    turns.wait(_wait_note(note))
    note.empty()
    _held.turns = turns
    try:
        yield
    finally:
        if getattr(_held, "turns", None) is turns:
            _held.turns = None
            turns.done()


@contextlib.contextmanager
def stepped_out():
    """Give this session's turn to others while it waits for something else (an analysis in a worker); take a
    new turn after, unless the wait ended the run (a closed session, a rerun)."""
    turns = getattr(_held, "turns", None)
    if turns is None:
        yield
        return
    _held.turns = None
    turns.done()
    yield
    turns.wait(lambda place: None)
    _held.turns = turns
