"""A corpus and its analyses as the pages and reports see them: selections, and per-article features, spans and
texts computed on demand (or read from the feature store) for the articles a page shows, never all at once."""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from analysis.corpus.folder import Article, Corpus, load_corpus
from analysis.detect.lexicon import Lexicon, load_lexicon
from analysis.measure.compare import pool
from analysis.pipeline import ArticleAnalysis, ArticleText, analyze_article, article_row, article_spans, article_text
from analysis.scale.query import StoreReader
from analysis.scale.store import tidy_spans, year_of

KEEP_ANALYSES = 1_000  # analyses a view keeps in memory (least recently used dropped first)
KEEP_TEXTS = 20_000  # cleaned texts with their sentence tables (a few kB each)


class _Recent:
    """A thread-safe least-recently-used memo: key -> value computed by `make` on first use."""

    def __init__(self, make: Callable, keep: int, given: Mapping | None = None):
        self._make, self._keep, self._lock = make, keep, threading.Lock()
        self._given = dict(given or {})  # values handed in (never dropped)
        self._done: OrderedDict = OrderedDict()

    def peek(self, key):
        """The value if already computed, else None (computes nothing)."""
        if key in self._given:
            return self._given[key]
        with self._lock:
            return self._done.get(key)

    def __call__(self, key, *args):
        found = self.peek(key)
        if found is not None:
            with self._lock:
                if key in self._done:
                    self._done.move_to_end(key)
            return found
        value = self._make(*args)
        with self._lock:
            self._done[key] = value
            while len(self._done) > self._keep:
                self._done.popitem(last=False)
        return value


class Analyses(Mapping):
    """Article id -> analysis, computed on first access (and kept while recently used): `view.analyses[id]`
    analyses one article; iterating analyses them all, so pages ask only for the articles they show."""

    def __init__(self, corpus: Corpus, analyse: Callable[[Article], ArticleAnalysis],
                 given: Mapping[str, ArticleAnalysis] | None = None, keep: int = KEEP_ANALYSES):
        self._corpus = corpus
        self._memo = _Recent(analyse, keep, given)

    def __getitem__(self, article_id: str) -> ArticleAnalysis:
        return self._memo(article_id, self._corpus.article(article_id))

    def cached(self, article_id: str) -> ArticleAnalysis | None:
        """The analysis if it is already at hand, else None (analyses nothing)."""
        return self._memo.peek(article_id)

    def __iter__(self) -> Iterator[str]:
        return (a.id for a in self._corpus.articles)

    def __len__(self) -> int:
        return len(self._corpus.articles)

    def __contains__(self, article_id) -> bool:
        return article_id in self._corpus.by_id



def article_count(n: int) -> str:
    """'1 article', '3 articles'."""
    return f"{n:,} article{'s' if n != 1 else ''}"

@dataclass(frozen=True, eq=False)
class CorpusView:
    """The loaded corpus and its analyses. Per-article features and spans come from the feature store (`store`:
    the articles it holds in the current lexicon version) or are computed on demand through `analyses`; selection
    options, the default selection and the article order are computed once per view."""
    corpus: Corpus
    analyses: Analyses
    links: pd.DataFrame
    lexicon_version: str = ""
    store: StoreReader | None = None
    _texts: _Recent = field(default=None, repr=False)

    def __post_init__(self):
        if self._texts is None:
            object.__setattr__(self, "_texts", _Recent(article_text, KEEP_TEXTS))

    def with_store(self, store: StoreReader | None) -> CorpusView:
        """The same view (sharing its analyses, texts and selections) reading from this store."""
        view = CorpusView(self.corpus, self.analyses, self.links, self.lexicon_version, store, self._texts)
        for name in ("outlet_names", "_order", "_options", "_default", "_selections"):  # computed once per corpus
            if name in self.__dict__:
                view.__dict__[name] = self.__dict__[name]
        return view

    @cached_property
    def outlet_names(self) -> dict[str, str]:
        """Outlet id -> display name."""
        return {k: o.name for k, o in self.corpus.outlets.items()}

    # --- one article -------------------------------------------------------------------------------------------

    def analysis(self, article_id: str) -> ArticleAnalysis:
        """One article's analysis (computed now if it is not at hand)."""
        return self.analyses[article_id]

    def outlet_of(self, article_id: str) -> str:
        """The article's outlet id."""
        return self.corpus.article(article_id).outlet

    def by_outlet(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        """The articles grouped by outlet id, each group in the given order."""
        groups: dict[str, list[str]] = {}
        article = self.corpus.article
        for a in article_ids:
            groups.setdefault(article(a).outlet, []).append(a)
        return groups

    def text(self, article_id: str) -> ArticleText:
        """The article's cleaned body and sentence table: from its analysis if at hand, else by cleaning alone."""
        aa = self.analyses.cached(article_id)
        if aa is not None:
            return ArticleText(aa.article, aa.cleaned, aa.body.sentences)
        return self._texts(article_id, self.corpus.article(article_id))

    def sentence(self, article_id: str, i: int) -> tuple[str, int]:
        """Sentence i of an article's body: its text and start offset."""
        body = self.text(article_id)
        row = body.sentences.iloc[i]
        return body.text[int(row["start"]):int(row["end"])], int(row["start"])

    def title(self, article_id: str) -> str:
        """The headline if known (from the corpus or the store), else what `ArticleAnalysis.display_title` shows."""
        article = self.corpus.article(article_id)
        if article.headline:
            return article.headline
        if self.store is not None and article_id in self.store.keys:
            found = self.store.features([article_id])
            if len(found) and found["headline"].iloc[0]:
                return str(found["headline"].iloc[0])
        return self.analyses[article_id].display_title(self.outlet_names.get(article.outlet, article.outlet))

    # --- selections of articles ----------------------------------------------------------------------------------

    def _stored(self, article_ids: Iterable[str]) -> tuple[list[str], list[str]]:
        keys = self.store.keys if self.store is not None else {}
        ids = list(article_ids)
        return [a for a in ids if a in keys], [a for a in ids if a not in keys]

    def _in_corpus_order(self, frame: pd.DataFrame) -> pd.DataFrame:
        if frame.empty:
            return frame.reset_index(drop=True)
        rank = frame["article_id"].map(self._order).astype(int)
        return frame.iloc[rank.argsort(kind="stable")].reset_index(drop=True)

    def features_of(self, article_ids: Iterable[str]) -> pd.DataFrame:
        """One row per article (metadata, counts and rates), in corpus order: read from the store where it holds
        the article, else from its analysis."""
        stored, rest = self._stored(article_ids)
        frames = [self.store.features(stored)] if stored else []
        if rest or not frames:
            frames.append(pd.DataFrame([article_row(self.analyses[a]) for a in rest]))
        frames = [f for f in frames if len(f.columns)]
        out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0] if frames else pd.DataFrame()
        return self._in_corpus_order(out)

    def spans_of(self, article_ids: Iterable[str], part: str | None = None,
                 categories: Iterable[str] | None = None, columns: Iterable[str] | None = None) -> pd.DataFrame:
        """Every span of these articles (optionally of one part, 'body', and some categories; only some columns,
        which always include article_id), in corpus order: read from the store where it holds the article, else
        from its analysis."""
        article_ids = tuple(article_ids)
        categories = None if categories is None else list(categories)
        columns = None if columns is None else ["article_id"] + [c for c in columns if c != "article_id"]
        stored, rest = self._stored(article_ids)
        if not stored:
            return self._spans_of(stored, rest, part, categories, columns)
        asked = (article_ids, part, None if categories is None else tuple(categories),
                 None if columns is None else tuple(columns))
        return self._recent_spans(asked, stored, rest, part, categories, columns).copy()

    @cached_property
    def _recent_spans(self) -> _Recent:
        """The last few selections' spans read from the store (a rerun of a page asks for the same again)."""
        return _Recent(self._spans_of, 4)

    def _spans_of(self, stored: list[str], rest: list[str], part: str | None, categories: list[str] | None,
                  columns: list[str] | None) -> pd.DataFrame:
        frames = []
        if stored:
            arts = [self.corpus.article(a) for a in stored]
            frames.append(self.store.spans(stored, {a.outlet for a in arts}, {year_of(a.date) for a in arts},
                                           part, categories, columns))
        for a in rest:
            df = article_spans(self.analyses[a])
            if part is not None:
                df = df[df["part"] == part]
            if categories is not None:
                df = df[df["category"].isin(categories)]
            frames.append(df if columns is None else df[columns])
        frames = [f for f in frames if len(f)]
        if not frames:
            empty = article_spans_empty()
            return empty if columns is None else empty[columns]
        if stored and rest:  # stored spans have one type per column (scores as floats)
            frames = [tidy_spans(f) for f in frames]
        return self._in_corpus_order(pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0])

    @cached_property
    def spans(self) -> pd.DataFrame:
        """Every span of the whole corpus (analyses every article the store does not hold: use `spans_of`)."""
        return self.spans_of(a.id for a in self.corpus.articles)

    @cached_property
    def features(self) -> pd.DataFrame:
        """One row per article of the whole corpus (use `features_of` for a selection)."""
        return self.features_of(a.id for a in self.corpus.articles)

    @cached_property
    def _order(self) -> dict[str, int]:
        """Article id -> position in the corpus."""
        return {a.id: i for i, a in enumerate(self.corpus.articles)}

    @cached_property
    def _selections(self) -> dict:
        return {}

    @cached_property
    def _options(self) -> dict[str, str]:
        counts = self.links.groupby("event_id")["article_id"].nunique().to_dict() if len(self.links) else {}
        return {key: name if key.startswith("story:") else f"{name} ({article_count(counts.get(key, 0))})"
                for key, name in self._names.items()}

    @cached_property
    def _names(self) -> dict[str, str]:
        events = {e.id: f"{e.date}: {e.title}" for e in sorted(self.corpus.events.values(), key=lambda e: e.date)}
        return events | {f"story:{sid}": f"Whole story: {title}" for sid, title in self.corpus.stories.items()}

    def selection_name(self, key: str) -> str:
        """A selection's name without its article count ('2017-07-07: B-1B bombers ...', 'Whole story: ...'), for a
        caption that counts the articles shown; the key itself if unknown."""
        return self._names.get(key, key)

    def selection_options(self) -> dict[str, str]:
        """Selectable events and whole stories: key -> label (computed once per view)."""
        return self._options

    def selection_title(self, key: str) -> str:
        """A selection's date and title, without its article count (for file names); the key itself if unknown."""
        if key.startswith("story:"):
            return self.corpus.stories.get(key[len("story:"):], key)
        event = self.corpus.events.get(key)
        return f"{event.date} {event.title}" if event else key

    @cached_property
    def _default(self) -> str:
        outlet = {a.id: a.outlet for a in self.corpus.articles}
        links = self.links.assign(outlet=self.links["article_id"].map(outlet))
        by_event = links.groupby("event_id").agg(outlets=("outlet", "nunique"), articles=("article_id", "nunique"))
        by_story = links.groupby("story").agg(outlets=("outlet", "nunique"), articles=("article_id", "nunique"))

        def reach(key: str) -> tuple[int, int]:
            table, k = (by_story, key[len("story:"):]) if key.startswith("story:") else (by_event, key)
            return (int(table.at[k, "outlets"]), int(table.at[k, "articles"])) if k in table.index else (0, 0)
        return max(self.selection_options(), key=reach)

    def default_selection(self) -> str:
        """The event or story with the most outlets (then the most articles): where a comparison shows most."""
        return self._default

    def articles_in(self, selection: str, mentions: bool = True) -> list[str]:
        """Article ids of an event (main coverage, and mentions if asked) or of a whole story, by date and outlet
        (computed once per selection)."""
        found = self._selections.get((selection, mentions))
        if found is None:
            links = self.links if mentions else self.links[self.links["role"] == "main"]
            if selection.startswith("story:"):
                ids = links[links["story"] == selection[len("story:"):]]["article_id"]
            else:
                ids = links[links["event_id"] == selection]["article_id"]
            found = tuple(sorted(set(ids), key=self._date_order.__getitem__))
            if len(self._selections) < 10_000:
                self._selections[selection, mentions] = found
        return list(found)

    @cached_property
    def _date_order(self) -> dict[str, tuple]:
        return {a.id: (a.date, a.outlet) for a in self.corpus.articles}

    def outlet_table(self, article_ids: list[str], outlets: list[str]) -> pd.DataFrame:
        """Per-outlet pooled features over the chosen articles (summed in DuckDB when the store holds them all)."""
        chosen = set(outlets)
        ids = [a for a in article_ids if self.outlet_of(a) in chosen]
        if not ids:
            return pd.DataFrame()
        stored, rest = self._stored(ids)
        if not rest:
            return self.store.pooled(stored)
        return pool(self.features_of(ids), ["outlet"], self.spans_of(ids, part="body"))


def article_spans_empty() -> pd.DataFrame:
    """An empty span table with the columns of `pipeline.article_spans`."""
    from analysis.scale.query import SPAN_COLUMNS
    return pd.DataFrame(columns=SPAN_COLUMNS)


def event_texts(view: CorpusView) -> pd.DataFrame:
    """One row per event: id, title, date and the cleaned bodies of its articles joined (for similarity)."""
    rows = []
    for e in view.corpus.events.values():
        ids = view.links[view.links["event_id"] == e.id]["article_id"]
        rows.append({"event_id": e.id, "title": e.title, "date": e.date,
                     "text": "\n\n".join(view.text(a).text for a in ids)})
    return pd.DataFrame(rows, columns=["event_id", "title", "date", "text"])


def build_view(corpus: Corpus, analyses: Mapping[str, ArticleAnalysis] | None = None,
               lexicon: Lexicon | None = None, analyse: Callable[[Article], ArticleAnalysis] | None = None,
               store: StoreReader | None = None) -> CorpusView:
    """A view of the corpus whose articles are analysed on demand (with `analyse`, else `analyze_article` and the
    lexicon); `analyses` given are used as they are; `store` serves the features and spans of the articles it
    holds."""
    given = dict(analyses or {})
    if given:
        version = next(iter(given.values())).body.lexicon_version
    else:
        version = (lexicon or load_lexicon()).version if corpus.articles else ""
    analyse = analyse or (lambda a: analyze_article(a, lexicon))
    return CorpusView(corpus, Analyses(corpus, analyse, given), corpus.article_events(), version, store)


def load_view(path, user=None, lexicon: Lexicon | None = None) -> CorpusView:
    """A view of a corpus folder (and a folder of user-added articles), analysed on demand."""
    return build_view(load_corpus(path, user), lexicon=lexicon)
