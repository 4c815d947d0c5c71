"""Cached access to the corpus and its analyses for the dashboard (keyed by content, never recomputed)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from analysis import settings as settings_module
from analysis.corpus.folder import Article, fingerprint, load_corpus
from analysis.corpus.workspace import CorpusView, build_view
from analysis.detect.lexicon import DATA_DIR, Lexicon, LexiconChange, lexicon_change, lexicon_for, load_lexicon
from analysis.measure.coverage import align
from analysis.measure.distinctive import chance_z, count_words, distinctive, self_names
from analysis.measure.uncertainty import outlet_intervals
from analysis.pipeline import ArticleAnalysis, analyze_article
from analysis.scale import query
from analysis.scale.store import article_key


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
def _load(path: str, user: str, extra: tuple[str, ...], corpus_fingerprint: str, lexicon_version: str,
          _lexicon: Lexicon) -> CorpusView:
    """The analysed corpus, shared read-only by every session (not copied per run); articles are analysed
    through the content-keyed cache, so an edit re-analyses only what changed."""
    corpus = load_corpus(path, user, extra)
    change = _change(lexicon_version, _lexicon)
    analyses = {a.id: _stamped(_analyze(a.raw, a.outlet, (a.id, a.file, a.date, a.author, a.headline, a.url, a.events),
                                        change.key_for(a.raw), a, _lexicon), lexicon_version)
                for a in corpus.articles}
    return build_view(corpus, analyses, _lexicon)


def view() -> CorpusView:
    """The current corpus view (recomputed only when a corpus file or the lexicon changes)."""
    s = settings()
    lex = lexicon()
    folders = (s.corpus, s.user_corpus, *s.extra_corpora)
    return _load(str(s.corpus), str(s.user_corpus), tuple(map(str, s.extra_corpora)),
                 "".join(fingerprint(f) for f in folders), lex.version, lex)


@st.cache_resource(show_spinner=False, max_entries=500)
def _outlet_table(_view: CorpusView, lexicon_version: str, contents: tuple[str, ...], article_ids: tuple[str, ...],
                  outlets: tuple[str, ...]) -> pd.DataFrame:
    return _view.outlet_table(list(article_ids), list(outlets))


def outlet_table(view: CorpusView, article_ids: list[str], outlets: list[str]) -> pd.DataFrame:
    """Per-outlet pooled features of the chosen articles, computed once per selection and content and shared
    read-only by every session."""
    contents = tuple(view.corpus.article(a).sha256 for a in article_ids)
    return _outlet_table(view, view.lexicon_version, contents, tuple(article_ids), tuple(outlets))


@st.cache_data(show_spinner=False, max_entries=200)
def _intervals(_view: CorpusView, contents: tuple[str, ...], article_ids: tuple[str, ...], features: tuple[str, ...]):
    return outlet_intervals(_view.analyses, list(article_ids), list(features))


def intervals(view: CorpusView, article_ids: list[str], features: tuple[str, ...]):
    """Bootstrap intervals of per-outlet rates for the chosen articles (cached by the articles' content)."""
    contents = tuple(view.corpus.article(a).sha256 for a in article_ids)
    return _intervals(view, contents, tuple(article_ids), features)


@st.cache_data(show_spinner="Counting words…", max_entries=50)
def _distinctive(_view: CorpusView, contents: tuple[str, ...], article_ids: tuple[str, ...], focus: str,
                 other: str | None, house_words: bool) -> tuple[pd.DataFrame, float]:
    ids = list(article_ids)
    outlets = {o: _view.outlet_names.get(o, o)
               for o in {_view.analyses[a].article.outlet for a in ids}}
    counts = count_words([_view.analyses[a].body.text for a in ids], [_view.analyses[a].article.outlet for a in ids],
                         exclude=self_names(outlets) if house_words else (), stop_words=house_words,
                         datelines=house_words)
    return distinctive(counts, focus, other), chance_z(counts, focus, other, permutations=200, seed=0)


def distinctive_words(view: CorpusView, article_ids: list[str], focus: str, other: str | None,
                      house_words: bool = True) -> tuple[pd.DataFrame, float]:
    """(distinctive words of `focus`, the z chance reaches), cached by the articles' content and the choices;
    `house_words` leaves out stop-words, the outlets' own names and datelines."""
    contents = tuple(view.corpus.article(a).sha256 for a in article_ids)
    return _distinctive(view, contents, tuple(article_ids), focus, other, house_words)


@st.cache_data(show_spinner="Aligning sentences…", max_entries=50)
def _aligned(_view: CorpusView, contents: tuple[str, ...], article_ids: tuple[str, ...]) -> pd.DataFrame:
    links = _view.links[_view.links["article_id"].isin(article_ids)].drop_duplicates("article_id")
    event_of = dict(zip(links["article_id"], links["event_id"]))
    rows = [{"outlet": _view.analyses[a].article.outlet, "article_id": a, "event_id": event_of.get(a, ""),
             "text": _view.analyses[a].body.text[s:e]}
            for a in article_ids
            for s, e in zip(_view.analyses[a].body.sentences["start"], _view.analyses[a].body.sentences["end"])]
    return align(pd.DataFrame(rows, columns=["outlet", "article_id", "event_id", "text"]))


def aligned(view: CorpusView, article_ids: list[str]) -> pd.DataFrame:
    """Sentences aligned within each article's (first) event, cached by the articles' content; TooLarge for a
    selection with too many sentences."""
    contents = tuple(view.corpus.article(a).sha256 for a in article_ids)
    return _aligned(view, contents, tuple(article_ids))


def _store_files(root: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.rglob("*.parquet")))


@st.cache_resource(show_spinner="Opening the feature store…", max_entries=2)
def _store(root: str, files: tuple) -> duckdb.DuckDBPyConnection:
    return query.connect(Path(root))


def store() -> duckdb.DuckDBPyConnection | None:
    """A DuckDB connection over the feature store (reopened when a build changed its files), or None if no store
    has been built."""
    root = settings().store
    files = _store_files(root) if root.is_dir() else ()
    if not files:
        return None
    return _store(str(root), files)


def store_missing(view: CorpusView) -> int:
    """How many articles of the corpus the store does not hold in their current version (0: up to date)."""
    con = store()
    if con is None:
        return len(view.corpus.articles)
    version = lexicon().version
    stored = {k for (k,) in con.execute("SELECT key FROM features").fetchall()}
    return sum(article_key(a, version) not in stored for a in view.corpus.articles)
