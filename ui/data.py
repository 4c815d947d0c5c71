"""Cached access to the corpus and its analyses for the dashboard (keyed by content, never recomputed)."""
from __future__ import annotations

import dataclasses
import hashlib
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from analysis import settings as settings_module
from analysis.corpus.folder import Article, Corpus, fingerprint, load_corpus, quick_stamp
from analysis.corpus.workspace import CorpusView, build_view
from analysis.detect.lexicon import DATA_DIR, Lexicon, LexiconChange, lexicon_change, lexicon_for, load_lexicon
from analysis.measure.coverage import align
from analysis.measure.distinctive import chance_z, count_words, distinctive, self_names
from analysis.measure.naming import TARGET_COLUMNS, naming_matrix, naming_table, targets
from analysis.measure.uncertainty import selection_intervals
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


_previous: dict[tuple, Corpus] = {}  # folders -> their latest load: a reload reads only files that changed


@st.cache_resource(show_spinner="Reading the corpus…", max_entries=4)
def _load(path: str, user: str, extra: tuple[str, ...], corpus_fingerprint: str, lexicon_version: str,
          _lexicon: Lexicon) -> CorpusView:
    """The corpus (metadata, content hashes), shared read-only by every session; articles are analysed on demand
    through the content-keyed cache, so an edit re-analyses only what changed."""
    folders = (path, user, extra)
    corpus = load_corpus(path, user, extra, previous=_previous.get(folders))
    _previous[folders] = corpus
    change = _change(lexicon_version, _lexicon)

    def analyse(a: Article) -> ArticleAnalysis:
        raw = a.raw
        return _stamped(_analyze(raw, a.outlet, (a.id, a.file, a.date, a.author, a.headline, a.url, a.events),
                                 change.key_for(raw), a, _lexicon), lexicon_version)
    return build_view(corpus, lexicon=_lexicon, analyse=analyse)


FULL_SWEEP_SECONDS = 2.0  # a corpus folder's files are stat'ed at most this often when nothing else changed …
SWEEP_SHARE = 20  # … or, for a large folder, at most every 20 times as long as stat'ing them took (5% of the time)
_sweeps: dict[str, tuple[float, tuple, str, float]] = {}
_sweeping = threading.Lock()


def folder_fingerprint(folder: Path) -> str:
    """The folder's fingerprint (stat of every file), taken again at once when the folder, its articles folder or
    a CSV file changed (what every save and import does: they write atomically), else at most every
    FULL_SWEEP_SECONDS (for 100,000 files, whose stat takes about a second, every 20 s): an article file edited in
    place is noticed within that time."""
    key, quick, now = str(folder), quick_stamp(folder), time.monotonic()
    last = _sweeps.get(key)
    if last is not None and last[1] == quick and now - last[0] < max(FULL_SWEEP_SECONDS, SWEEP_SHARE * last[3]):
        return last[2]
    with _sweeping:
        found = fingerprint(folder)
        _sweeps[key] = (now, quick, found, time.monotonic() - now)
    return found


@st.cache_resource(show_spinner="Opening the feature store…", max_entries=4)
def _reader(root: str, files: str, corpus_fingerprint: str, lexicon_version: str,
            _view: CorpusView) -> query.StoreReader | None:
    """The store's rows of the articles it holds in their current version (None if it holds none of them)."""
    con = _store(root, files)
    stored = query.stored_keys(con)
    keys = {a.id: k for a in _view.corpus.articles if (k := article_key(a, lexicon_version)) in stored}
    return query.StoreReader(con, keys) if keys else None


@st.cache_resource(show_spinner=False, max_entries=4)
def _bound(corpus_fingerprint: str, lexicon_version: str, files: str, _base: CorpusView,
           _reader: query.StoreReader | None) -> CorpusView:
    return _base.with_store(_reader)


def view() -> CorpusView:
    """The current corpus view (read again only when a corpus file or the lexicon changes), reading per-article
    features and spans from the feature store for the articles it holds in their current version."""
    s = settings()
    lex = lexicon()
    folders = (s.corpus, s.user_corpus, *s.extra_corpora)
    printed = "".join(folder_fingerprint(f) for f in folders)
    base = _load(str(s.corpus), str(s.user_corpus), tuple(map(str, s.extra_corpora)), printed, lex.version, lex)
    files = _store_files(s.store) if s.store.is_dir() else ()
    if not files:
        return base
    files = hashlib.sha256(repr(files).encode()).hexdigest()  # a short cache key (Streamlit hashes tuples slowly)
    try:
        reader = _reader(str(s.store), files, printed, lex.version, base)
    except (FileNotFoundError, duckdb.Error):  # a store with no features yet, or files a build is writing
        return base
    return _bound(printed, lex.version, files, base, reader)


def selection_key(view: CorpusView, article_ids: list[str]) -> str:
    """One short cache key for a selection: its articles, in order, and their contents (Streamlit hashes a tuple
    of 100,000 ids and content hashes in about a second; this takes a few milliseconds)."""
    article = view.corpus.article
    digest = hashlib.sha256(view.lexicon_version.encode())
    digest.update("\0".join(article_ids).encode())
    digest.update("".join([article(a).sha256 for a in article_ids]).encode())  # fixed-length hex: no separator needed
    return digest.hexdigest()


@st.cache_resource(show_spinner=False, max_entries=500)
def _outlet_table(_view: CorpusView, key: str, _article_ids: list[str], outlets: tuple[str, ...]) -> pd.DataFrame:
    return _view.outlet_table(_article_ids, list(outlets))


def outlet_table(view: CorpusView, article_ids: list[str], outlets: list[str]) -> pd.DataFrame:
    """Per-outlet pooled features of the chosen articles, computed once per selection and content and shared
    read-only by every session."""
    return _outlet_table(view, selection_key(view, article_ids), article_ids, tuple(outlets))


@st.cache_data(show_spinner=False, max_entries=200)
def _intervals(_view: CorpusView, key: str, _article_ids: list[str], features: tuple[str, ...]):
    return selection_intervals(_view, list(_article_ids), list(features))


def intervals(view: CorpusView, article_ids: list[str], features: tuple[str, ...]):
    """Bootstrap intervals of per-outlet rates for the chosen articles (`uncertainty.selection_intervals`), cached
    by the articles' content."""
    return _intervals(view, selection_key(view, article_ids), article_ids, features)


@st.cache_data(show_spinner="Counting words…", max_entries=50)
def _distinctive(_view: CorpusView, key: str, _article_ids: list[str], focus: str, other: str | None,
                 house_words: bool) -> tuple[pd.DataFrame, float]:
    ids = list(_article_ids)
    groups = [_view.outlet_of(a) for a in ids]
    outlets = {o: _view.outlet_names.get(o, o) for o in set(groups)}
    counts = count_words([_view.text(a).text for a in ids], groups,
                         exclude=self_names(outlets) if house_words else (), stop_words=house_words,
                         datelines=house_words)
    return distinctive(counts, focus, other), chance_z(counts, focus, other, permutations=200, seed=0)


def distinctive_words(view: CorpusView, article_ids: list[str], focus: str, other: str | None,
                      house_words: bool = True) -> tuple[pd.DataFrame, float]:
    """(distinctive words of `focus`, the z that 95% of shuffles stay below), cached by the articles' content and the choices;
    `house_words` leaves out stop-words, the outlets' own names and datelines."""
    return _distinctive(view, selection_key(view, article_ids), article_ids, focus, other, house_words)


@st.cache_data(show_spinner="Aligning sentences…", max_entries=50)
def _aligned(_view: CorpusView, key: str, _article_ids: list[str]) -> pd.DataFrame:
    links = _view.links[_view.links["article_id"].isin(_article_ids)].drop_duplicates("article_id")
    event_of = dict(zip(links["article_id"], links["event_id"]))
    rows = [{"outlet": _view.outlet_of(a), "article_id": a, "event_id": event_of.get(a, ""), "text": body.text[s:e]}
            for a in _article_ids
            for body in (_view.text(a),)
            for s, e in zip(body.sentences["start"], body.sentences["end"])]
    return align(pd.DataFrame(rows, columns=["outlet", "article_id", "event_id", "text"]))


def aligned(view: CorpusView, article_ids: list[str]) -> pd.DataFrame:
    """Sentences aligned within each article's (first) event, cached by the articles' content; TooLarge for a
    selection with too many sentences."""
    return _aligned(view, selection_key(view, article_ids), article_ids)


@st.cache_data(show_spinner="Counting names…", max_entries=50)
def _naming(_view: CorpusView, key: str, _article_ids: list[str], packs: tuple[str, ...]) -> pd.DataFrame:
    return naming_matrix(naming_table({a: (_view.outlet_of(a), _view.text(a).text) for a in _article_ids}, packs))


def naming(view: CorpusView, article_ids: list[str]) -> pd.DataFrame:
    """How each outlet names the actors of the chosen articles (`naming.naming_matrix`), cached by the articles'
    content and the topic packs in use."""
    return _naming(view, selection_key(view, article_ids), article_ids, tuple(lexicon().packs))


@st.cache_data(show_spinner="Finding whom each loaded term aims at…", max_entries=50)
def _aimed_at(_view: CorpusView, key: str, _article_ids: list[str]) -> pd.DataFrame:
    body = _view.spans_of(_article_ids, part="body", categories=["loaded", "attribution"])
    spans_by = dict(tuple(body.groupby("article_id", sort=False)))
    frames = [targets(text.text, spans_by.get(a, body.iloc[:0]), text.sentences)
              .assign(outlet=_view.outlet_of(a), article_id=a) for a in _article_ids for text in (_view.text(a),)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=[*TARGET_COLUMNS, "outlet", "article_id"])


def aimed_at(view: CorpusView, article_ids: list[str]) -> pd.DataFrame:
    """Whom each loaded term of the chosen articles aims at (`naming.targets`, with outlet and article), cached by
    the articles' content."""
    return _aimed_at(view, selection_key(view, article_ids), article_ids)


def _store_files(root: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(root.rglob("*.parquet")))


@st.cache_resource(show_spinner="Opening the feature store…", max_entries=2)
def _store(root: str, files: str) -> duckdb.DuckDBPyConnection:
    return query.connect(Path(root))


def store() -> duckdb.DuckDBPyConnection | None:
    """A DuckDB connection over the feature store (reopened when a build changed its files), or None if no store
    has been built."""
    root = settings().store
    files = _store_files(root) if root.is_dir() else ()
    if not files:
        return None
    return _store(str(root), hashlib.sha256(repr(files).encode()).hexdigest())


def store_missing(view: CorpusView) -> int:
    """How many articles of the corpus the store does not hold in their current version (0: up to date)."""
    return len(view.corpus.articles) - (len(view.store.keys) if view.store is not None else 0)
