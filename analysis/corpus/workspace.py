"""A corpus with every article analysed, as tidy tables, and the selections the pages and reports work on."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.corpus.folder import Corpus, load_corpus
from analysis.detect.lexicon import Lexicon
from analysis.measure.compare import pool
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

    @property
    def lexicon_version(self) -> str:
        """The version of the lexicon every article was analysed with (empty for an empty corpus)."""
        return next(iter(self.analyses.values())).body.lexicon_version if self.analyses else ""

    def selection_options(self) -> dict[str, str]:
        """Selectable events and whole stories: key -> label."""
        opts = {}
        for e in sorted(self.corpus.events.values(), key=lambda e: e.date):
            n = self.links[self.links["event_id"] == e.id]["article_id"].nunique()
            opts[e.id] = f"{e.date}: {e.title} ({n} article{'s' if n != 1 else ''})"
        for sid, title in self.corpus.stories.items():
            opts[f"story:{sid}"] = f"Whole story: {title}"
        return opts

    def default_selection(self) -> str:
        """The event or story with the most outlets (then the most articles): where a comparison shows most."""
        def reach(key: str) -> tuple[int, int]:
            ids = self.articles_in(key)
            return len({self.corpus.article(a).outlet for a in ids}), len(ids)
        return max(self.selection_options(), key=reach)

    def sentence(self, article_id: str, i: int) -> tuple[str, int]:
        """Sentence i of an article's body: its text and start offset."""
        body = self.analyses[article_id].body
        row = body.sentences.iloc[i]
        return body.text[int(row["start"]):int(row["end"])], int(row["start"])

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


def event_texts(view: CorpusView) -> pd.DataFrame:
    """One row per event: id, title, date and the cleaned bodies of its articles joined (for similarity)."""
    rows = []
    for e in view.corpus.events.values():
        ids = view.links[view.links["event_id"] == e.id]["article_id"]
        rows.append({"event_id": e.id, "title": e.title, "date": e.date,
                     "text": "\n\n".join(view.analyses[a].body.text for a in ids)})
    return pd.DataFrame(rows, columns=["event_id", "title", "date", "text"])


def build_view(corpus: Corpus, analyses: dict[str, ArticleAnalysis] | None = None,
               lexicon: Lexicon | None = None) -> CorpusView:
    """Analyse every article (unless given) and assemble the feature and span tables."""
    analyses = analyses if analyses is not None else {a.id: analyze_article(a, lexicon) for a in corpus.articles}
    features = pd.DataFrame([article_row(aa) for aa in analyses.values()])
    spans = pd.concat([article_spans(aa) for aa in analyses.values()], ignore_index=True) if analyses else pd.DataFrame()
    return CorpusView(corpus, analyses, features, spans, corpus.article_events())


def load_view(path, user=None, lexicon: Lexicon | None = None) -> CorpusView:
    """Load and analyse a corpus folder (and a folder of user-added articles)."""
    return build_view(load_corpus(path, user), lexicon=lexicon)
