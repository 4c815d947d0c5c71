"""The view in the URL: one canonical value per URL parameter, restored from a shared link, written back each run.

The view (a dict in the session) is the only truth. Each run, every widget is first set to the view's value for
the current selection (`show`), then drawn without a default; a change reaches the view through its `on_change`
callback (`follow`). So a widget can never show a stale value, a page switch forgets nothing, and a link opens
exactly what was shared.
"""
from __future__ import annotations

import streamlit as st

# URL parameter -> kind.
URL_KEYS = {"event": "str", "mentions": "bool", "outlets": "list", "cats": "list", "removed": "bool", "strong": "bool",
            "feature": "str", "why": "str", "number": "str", "term": "str", "tab": "str", "focus": "str",
            "versus": "str", "family": "str", "draft": "str", "owner": "str", "house": "bool",
            "lesson": "str", "step": "str", "big": "bool", "puzzle": "str",
            "lines": "list", "from": "str", "to": "str", "per": "str", "since": "str", "until": "str"}
# Parameters that stay on one page only: the private keys of an editor's drafts and of the articles a browser
# added never travel to other pages (a shared Compare link must not carry them); nor does a place in a lesson or
# the outlets and dates of the Over time page.
PAGE_ONLY = {"draft": "drafts", "owner": "add", "lesson": "lessons", "step": "lessons", "big": "lessons",
             "puzzle": "classroom", "lines": "overtime", "from": "overtime", "to": "overtime", "per": "overtime"}
# Parameters that go back to their default when another one changes (a new event starts with all its outlets).
CLEARS = {"event": ("outlets", "why", "focus", "versus", "puzzle", "since", "until"), "mentions": ("outlets",),
          "outlets": ("why",),
          "lesson": ("step",)}
VIEW = "_view"
LAST = "_url_last"
PAGE = "_url_page"


def _parse(kind: str, value: str):
    if kind == "list":
        return [v for v in value.split(",") if v]
    if kind == "bool":
        return value.lower() in ("1", "true", "yes", "on")
    return value


def _serialise(kind: str, value) -> str:
    if kind == "list":
        return ",".join(value)
    if kind == "bool":
        return "1" if value else "0"
    return str(value)


def widget_key(key: str) -> str:
    """Session key of the widget that edits URL parameter `key`."""
    return f"w_{key}"


def get(key: str, default=None):
    """The current value of a URL parameter (its default if unset)."""
    value = st.session_state.get(VIEW, {}).get(key)
    return default if value is None else value


def put(key: str, value) -> None:
    """Set a URL parameter's value (written to the URL at the end of the run); None means its default."""
    st.session_state.setdefault(VIEW, {})[key] = value


def show(key: str, value) -> None:
    """Make the widget of `key` show `value` in this run (call before drawing the widget, which has no default)."""
    st.session_state[widget_key(key)] = value


def set_now(key: str, value) -> None:
    """Change a parameter from a callback (a chart click, a pick from a list): view and URL at once."""
    put(key, value)
    for other in CLEARS.get(key, ()):
        put(other, None)
    _push()


def follow(key: str):
    """An on_change callback: copy the widget's new value into the view and the URL (one history step)."""
    def changed() -> None:
        set_now(key, st.session_state.get(widget_key(key)))
    return changed


def link(**changes) -> dict[str, str]:
    """URL parameters of the current view with some changed: for a link that opens another page on this view."""
    params = _params()
    params.pop("draft", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = _serialise(URL_KEYS[key], value)
    return params


def _push() -> None:
    params = _params()
    st.query_params.from_dict(params)
    st.session_state[LAST] = params


def _params() -> dict[str, str]:
    view = st.session_state.get(VIEW, {})
    page = st.session_state.get(PAGE)
    return {k: _serialise(kind, view[k]) for k, kind in URL_KEYS.items()
            if view.get(k) is not None and PAGE_ONLY.get(k, page) == page}


def restore() -> None:
    """Take the view from the URL when it changed from outside (a shared link, the back button)."""
    current = st.query_params.to_dict()
    if not current or current == st.session_state.get(LAST):
        return
    for key, kind in URL_KEYS.items():
        put(key, _parse(kind, current[key]) if key in current else None)
    st.session_state[LAST] = current


def write(page: str) -> None:
    """Put the view into the URL whenever the two differ.

    A step back in history to a URL with parameters has already been taken into the view by `restore`; a step back
    to the bare URL a page switch left behind gets the view's parameters again (the browser replaces that history
    entry rather than adding one, as it does for every run caused by back or forward)."""
    st.session_state[PAGE] = page
    params = _params()
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
    st.session_state[LAST] = params
