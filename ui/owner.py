"""Who is adding and editing articles in this browser: a private owner key in the Add page's address (made by the
server), and the teacher mode that the password set at start-up opens."""
from __future__ import annotations

import threading
import time

import streamlit as st

from analysis.corpus.ownership import Editor, is_teacher, owner_id
from analysis.settings import Settings
from ui import keys, state
from ui.safe import md

TEACHER = "_teacher"
MAX_FAILURES = 5
LOCK_SECONDS = 300


class _Failures:
    """Wrong teacher passwords on this server in the last LOCK_SECONDS (to stop guessing)."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.lock = threading.Lock()

    def locked(self) -> bool:
        with self.lock:
            now = time.monotonic()
            self.times = [t for t in self.times if now - t < LOCK_SECONDS]
            return len(self.times) >= MAX_FAILURES

    def add(self) -> None:
        with self.lock:
            self.times.append(time.monotonic())


@st.cache_resource(show_spinner=False)
def _failures() -> _Failures:
    return _Failures()


def owner_key(settings: Settings) -> str:
    """This browser's owner key from the page address; a new one (and a warning) if missing or not made here."""
    key = state.get("owner")
    if key and not keys.is_key("owner", key, settings.drafts):
        st.warning("The private key in this page's address was not made by this server, so it owns nothing here: "
                   "a new key was made. Articles you add now belong to the new address.")
        key = None
    if not key:
        key = keys.new_key("owner", settings.drafts)
        state.put("owner", key)
    return key


def editor(settings: Settings) -> Editor:
    """Who this session is: the owner id of its key, and whether the teacher signed in."""
    return Editor(owner_id(owner_key(settings)), bool(st.session_state.get(TEACHER)))


def teacher_sign_in(settings: Settings) -> None:
    """The teacher's sign-in (or sign-out), if the server was started with a teacher password."""
    if not settings.teacher_password:
        st.caption("Teacher mode is off on this server (start it with FRAMING_LENS_TEACHER_PASSWORD set to turn it on).")
        return
    if st.session_state.get(TEACHER):
        st.success("Teacher mode: you can edit and delete every added article.")
        if st.button("Leave teacher mode", key="teacher_out"):
            st.session_state.pop(TEACHER, None)
            st.rerun()
        return
    with st.expander("Teacher"):
        password = st.text_input("Teacher password", type="password", key="teacher_password")
        if st.button("Sign in", key="teacher_in"):
            if _failures().locked():
                st.error(md(f"Too many wrong passwords: try again in {LOCK_SECONDS // 60} minutes."))
            elif is_teacher(password, settings.teacher_password):
                st.session_state[TEACHER] = True
                st.rerun()
            else:
                _failures().add()
                st.error("Wrong password.")
