"""Shared fixtures: every test runs with its own empty user corpus, drafts and caches; the seed corpus analysed once."""
from __future__ import annotations

import pytest

from analysis.corpus.folder import load_corpus
from analysis.pipeline import analyze_article
from tests.support import ROOT

PRIVATE = {"FRAMING_LENS_USER_CORPUS": "user", "FRAMING_LENS_DRAFTS": "drafts", "FRAMING_LENS_CACHE": "cache",
           "FRAMING_LENS_STORE": "store", "FRAMING_LENS_LESSONS": "lessons", "FRAMING_LENS_TEACHER_LEXICON": "lexicon",
           "FRAMING_LENS_EXTRA_CORPORA": None, "FRAMING_LENS_CORPUS": None, "FRAMING_LENS_LEXICON": None,
           "XDG_DATA_HOME": "xdg-data", "XDG_CACHE_HOME": "xdg-cache"}


def _point_at(mp: pytest.MonkeyPatch, folder) -> None:
    for name, sub in PRIVATE.items():
        if sub is None:
            mp.delenv(name, raising=False)
        else:
            mp.setenv(name, str(folder / sub))


@pytest.fixture(scope="session", autouse=True)
def private_session_dirs(tmp_path_factory):
    """Servers started once per module see an empty user corpus, drafts and caches, never the checkout's own."""
    with pytest.MonkeyPatch.context() as mp:
        _point_at(mp, tmp_path_factory.mktemp("session"))
        yield


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Each test's own user corpus, drafts and cache folders (what a test writes there stays there)."""
    _point_at(monkeypatch, tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium for the browser tests (one per test module)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(browser):
    """A dashboard server on the bundled corpus for one test module, warmed up (its first run analyses the corpus)."""
    from tests.browser import streamlit_server, warm_up
    with streamlit_server() as url:
        warm_up(browser, url)
        yield url


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(ROOT / "corpus")


@pytest.fixture(scope="session")
def analyses(corpus):
    return {a.id: analyze_article(a) for a in corpus.articles}
