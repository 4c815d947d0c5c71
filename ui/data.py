"""Cached access to the corpus and its analyses for the dashboard (keyed by content, never recomputed)."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from analysis import settings as settings_module
from analysis.corpus.folder import Article, fingerprint, load_corpus
from analysis.corpus.workspace import CorpusView, build_view
from analysis.detect.lexicon import Lexicon, lexicon_for
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
def _analyze(raw: str, outlet: str, meta: tuple, lexicon_version: str, _article: Article,
             _lexicon: Lexicon) -> ArticleAnalysis:
    """One article's analysis, cached by its text, outlet, metadata and lexicon version."""
    return analyze_article(_article, _lexicon)


def lexicon() -> Lexicon:
    """The lexicon in use: bundled files, the chosen topic packs and the user's lexicon folder (from the settings)."""
    return lexicon_for(settings())


@st.cache_resource(show_spinner="Analysing the corpus…", max_entries=4)
def _load(path: str, user: str, extra: tuple[str, ...], corpus_fingerprint: str, lexicon_version: str,
          _lexicon: Lexicon) -> CorpusView:
    """The analysed corpus, shared read-only by every session (not copied per run); articles are analysed
    through the content-keyed cache, so an edit re-analyses only what changed."""
    corpus = load_corpus(path, user, extra)
    analyses = {a.id: _analyze(a.raw, a.outlet, (a.id, a.file, a.date, a.author, a.headline, a.url, a.events),
                               lexicon_version, a, _lexicon) for a in corpus.articles}
    return build_view(corpus, analyses, _lexicon)


def view() -> CorpusView:
    """The current corpus view (recomputed only when a corpus file or the lexicon changes)."""
    s = settings()
    lex = lexicon()
    folders = (s.corpus, s.user_corpus, *s.extra_corpora)
    return _load(str(s.corpus), str(s.user_corpus), tuple(map(str, s.extra_corpora)),
                 "".join(fingerprint(f) for f in folders), lex.version, lex)


@st.cache_data(show_spinner=False, max_entries=200)
def _intervals(_view: CorpusView, contents: tuple[str, ...], article_ids: tuple[str, ...], features: tuple[str, ...]):
    return outlet_intervals(_view.analyses, list(article_ids), list(features))


def intervals(view: CorpusView, article_ids: list[str], features: tuple[str, ...]):
    """Bootstrap intervals of per-outlet rates for the chosen articles (cached by the articles' content)."""
    contents = tuple(view.corpus.article(a).sha256 for a in article_ids)
    return _intervals(view, contents, tuple(article_ids), features)
