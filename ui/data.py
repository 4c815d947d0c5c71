"""Cached access to the corpus and its analyses for the dashboard (keyed by content, never recomputed)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import streamlit as st

from analysis import settings as settings_module
from analysis.corpus.folder import Article, fingerprint, load_corpus
from analysis.corpus.workspace import CorpusView, build_view
from analysis.detect.lexicon import DATA_DIR, Lexicon, LexiconChange, lexicon_change, lexicon_for, load_lexicon
from analysis.measure.uncertainty import outlet_intervals
from analysis.pipeline import ArticleAnalysis, analyze_article


def settings() -> settings_module.Settings:
    """This server's paths and limits (from the FRAMING_LENS_* environment variables)."""
    return settings_module.from_env()


def corpus_dir() -> Path:
    """The bundled corpus folder."""
    return settings().corpus


def user_dir() -> Path:
    """The folder of user-added articles."""
    return settings().user_corpus


@st.cache_data(show_spinner=False, max_entries=5000)
def _analyze(raw: str, outlet: str, meta: tuple, lexicon_key: str, _article: Article,
             _lexicon: Lexicon) -> ArticleAnalysis:
    """One article's analysis, cached by its text, outlet, metadata and the lexicon's version as far as it matters
    for this text (an edit of the teacher's lexicon re-analyses only the articles a changed term occurs in)."""
    return analyze_article(_article, _lexicon)


@st.cache_resource(show_spinner=False, max_entries=8)
def _change(lexicon_version: str, _lexicon: Lexicon) -> LexiconChange:
    """What the user lexicon layer changes against the bundled lexicon (once per lexicon version)."""
    bundled = load_lexicon(DATA_DIR, None, _lexicon.packs, _lexicon.use_model)
    return lexicon_change(_lexicon, bundled)


def _stamped(aa: ArticleAnalysis, version: str) -> ArticleAnalysis:
    """An analysis labelled with the lexicon version in use (it may come from the cache of an earlier version
    that gave the same result for this text)."""
    if aa.body.lexicon_version == version:
        return aa
    return dataclasses.replace(aa, body=dataclasses.replace(aa.body, lexicon_version=version))


def lexicon() -> Lexicon:
    """The lexicon in use: bundled files, the chosen topic packs and the user's lexicon folder (from the settings);
    the bundled lexicon alone if the user's folder has a bad row (see `lexicon_problem`)."""
    current = settings()
    try:
        return lexicon_for(current)
    except ValueError:
        return load_lexicon(DATA_DIR, None, current.packs, current.loaded_model)


def lexicon_problem() -> str | None:
    """Why the user's lexicon folder is not in use (its file and line), or None."""
    try:
        lexicon_for(settings())
    except ValueError as exc:
        return str(exc)
    return None


@st.cache_resource(show_spinner="Analysing the corpus…", max_entries=4)
def _load(path: str, user: str, corpus_fingerprint: str, lexicon_version: str, _lexicon: Lexicon) -> CorpusView:
    """The analysed corpus, shared read-only by every session (not copied per run); articles are analysed
    through the content-keyed cache, so an edit re-analyses only what changed."""
    corpus = load_corpus(path, user)
    change = _change(lexicon_version, _lexicon)
    analyses = {a.id: _stamped(_analyze(a.raw, a.outlet, (a.id, a.file, a.date, a.author, a.headline, a.url, a.events),
                                        change.key_for(a.raw), a, _lexicon), lexicon_version)
                for a in corpus.articles}
    return build_view(corpus, analyses, _lexicon)


def view() -> CorpusView:
    """The current corpus view (recomputed only when a corpus file or the lexicon changes)."""
    path, user = corpus_dir(), user_dir()
    lex = lexicon()
    return _load(str(path), str(user), fingerprint(path) + fingerprint(user), lex.version, lex)


@st.cache_data(show_spinner=False, max_entries=200)
def _intervals(_view: CorpusView, contents: tuple[str, ...], article_ids: tuple[str, ...], features: tuple[str, ...]):
    return outlet_intervals(_view.analyses, list(article_ids), list(features))


def intervals(view: CorpusView, article_ids: list[str], features: tuple[str, ...]):
    """Bootstrap intervals of per-outlet rates for the chosen articles (cached by the articles' content)."""
    contents = tuple(view.corpus.article(a).sha256 for a in article_ids)
    return _intervals(view, contents, tuple(article_ids), features)
