"""Cached access to the corpus and its analyses for the dashboard (keyed by content, never recomputed)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis.compare import pool
from analysis.corpus import DEFAULT_CORPUS, DEFAULT_USER_CORPUS, Article, Corpus, fingerprint, load_corpus
from analysis.lexicon import load_lexicon
from analysis.pipeline import ArticleAnalysis, analyze_article, article_row, article_spans


@dataclass(frozen=True)
class CorpusView:
    """The loaded corpus with every article analysed, as tidy tables."""
    corpus: Corpus
    analyses: dict[str, ArticleAnalysis]
    features: pd.DataFrame
    spans: pd.DataFrame
    links: pd.DataFrame

    @property
    def outlet_names(self) -> dict[str, str]:
        """Outlet id -> display name."""
        return {k: o.name for k, o in self.corpus.outlets.items()}

    def selection_options(self) -> dict[str, str]:
        """Selectable events and whole stories: key -> label."""
        opts = {}
        for e in sorted(self.corpus.events.values(), key=lambda e: e.date):
            n = self.links[self.links["event_id"] == e.id]["article_id"].nunique()
            opts[e.id] = f"{e.date}: {e.title} ({n} article{'s' if n != 1 else ''})"
        for sid, title in self.corpus.stories.items():
            opts[f"story:{sid}"] = f"Whole story: {title}"
        return opts

    def articles_in(self, selection: str, mentions: bool = True) -> list[str]:
        """Article ids of an event (main coverage, and mentions if asked) or of a whole story."""
        links = self.links if mentions else self.links[self.links["role"] == "main"]
        if selection.startswith("story:"):
            ids = links[links["story"] == selection[len("story:"):]]["article_id"]
        else:
            ids = links[links["event_id"] == selection]["article_id"]
        order = {a.id: (a.date, a.outlet) for a in self.corpus.articles}
        return sorted(set(ids), key=lambda i: order[i])

    def outlet_table(self, article_ids: list[str], outlets: list[str]) -> pd.DataFrame:
        """Per-outlet pooled features over the chosen articles."""
        feats = self.features[self.features["article_id"].isin(article_ids) & self.features["outlet"].isin(outlets)]
        spans = self.spans[self.spans["article_id"].isin(feats["article_id"]) & (self.spans["part"] == "body")]
        if feats.empty:
            return pd.DataFrame()
        return pool(feats, ["outlet"], spans)


def corpus_dir() -> Path:
    """The corpus folder: FRAMING_LENS_CORPUS if set, else the bundled corpus."""
    return Path(os.environ.get("FRAMING_LENS_CORPUS", str(DEFAULT_CORPUS)))


def user_dir() -> Path:
    """The folder of user-added articles: FRAMING_LENS_USER_CORPUS if set, else corpus/user."""
    return Path(os.environ.get("FRAMING_LENS_USER_CORPUS", str(DEFAULT_USER_CORPUS)))


@st.cache_data(show_spinner=False, max_entries=5000)
def _analyze(raw: str, outlet: str, meta: tuple, lexicon_version: str, _article: Article) -> ArticleAnalysis:
    """One article's analysis, cached by its text, outlet, metadata and lexicon version."""
    return analyze_article(_article)


@st.cache_data(show_spinner="Analysing the corpus…", max_entries=4)
def _load(path: str, user: str, corpus_fingerprint: str, lexicon_version: str) -> CorpusView:
    corpus = load_corpus(path, user)
    analyses = {a.id: _analyze(a.raw, a.outlet, (a.id, a.file, a.date, a.author, a.headline, a.url, a.events),
                               lexicon_version, a) for a in corpus.articles}
    features = pd.DataFrame([article_row(aa) for aa in analyses.values()])
    spans = pd.concat([article_spans(aa) for aa in analyses.values()], ignore_index=True) if analyses else pd.DataFrame()
    return CorpusView(corpus, analyses, features, spans, corpus.article_events())


def view() -> CorpusView:
    """The current corpus view (recomputed only when a corpus file or the lexicon changes)."""
    path, user = corpus_dir(), user_dir()
    return _load(str(path), str(user), fingerprint(path) + fingerprint(user), load_lexicon().version)
