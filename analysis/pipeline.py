"""Article-level pipeline: raw text -> cleaned body and parts -> spans and features, as tidy tables."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.corpus.folder import Article, Corpus
from analysis.detect.lexicon import Lexicon, load_lexicon
from analysis.detect.spans import SPAN_COLUMNS, Analysis, analyze_text, sentence_bounds
from analysis.measure.features import counts_in, derived
from analysis.text.cleaning import Cleaned, Part, clean
from analysis.text.segment import one_line


@dataclass(frozen=True)
class ArticleAnalysis:
    """One article analysed: its cleaning, the body analysis, and each outlet-written part analysed alone."""
    article: Article
    cleaned: Cleaned
    body: Analysis
    parts: tuple[tuple[Part, Analysis], ...]

    @property
    def headline(self) -> str:
        """The known headline, else the cleaned headline part, else ''."""
        if self.article.headline:
            return self.article.headline
        heads = self.cleaned.parts_of("headline")
        return heads[0].text if heads else ""

    def display_title(self, outlet_name: str) -> str:
        """Headline if known; else outlet, date and the first sentence, marked as such."""
        if self.headline:
            return self.headline
        opening = self.cleaned.parts_of("opening-line")
        if opening:
            return f"Probably the headline (the text's opening line, not confirmed): “{opening[0].text}”"
        first = self.body.sentences.iloc[0] if len(self.body.sentences) else None
        opening = self.body.text[first["start"]:first["end"]] if first is not None else ""
        return f"Headline unknown — {outlet_name}, {self.article.date}: “{one_line(opening)}”"


@dataclass(frozen=True)
class ArticleText:
    """An article cleaned and split into sentences, without the analysis (about 1 ms instead of 30): its body text
    and sentence table (sentence, paragraph, start, end, words) are those of `analyze_article`."""
    article: Article
    cleaned: Cleaned
    sentences: pd.DataFrame

    @property
    def text(self) -> str:
        """The cleaned body."""
        return self.cleaned.body


def article_text(article: Article) -> ArticleText:
    """Clean an article and split its body into sentences (no spans, no features)."""
    cleaned = clean(article.raw, article.outlet)
    return ArticleText(article, cleaned, sentence_bounds(cleaned.body))


def analyze_article(article: Article, lexicon: Lexicon | None = None, tone: bool = True) -> ArticleAnalysis:
    """Clean an article and analyse its body and parts (pure: depends on text, metadata and lexicon)."""
    lex = lexicon or load_lexicon()
    cleaned = clean(article.raw, article.outlet)
    body = analyze_text(cleaned.body, lex, tone=tone)
    parts = tuple((p, analyze_text(p.text, lex, tone=tone)) for p in cleaned.parts)
    return ArticleAnalysis(article, cleaned, body, parts)


def article_spans(aa: ArticleAnalysis) -> pd.DataFrame:
    """Every span of an article, one row each, with the part it is in and raw-text offsets."""
    pieces = [(aa.body.spans, "body", 0, None)] + [(analysis.spans, part.kind, k, part.start)
                                                    for k, (part, analysis) in enumerate(aa.parts, start=1)]
    pieces = [p for p in pieces if len(p[0])]
    cols = ["article_id", "outlet", "part", "part_index"] + SPAN_COLUMNS + ["raw_start", "raw_end"]
    if not pieces:
        return pd.DataFrame(columns=cols)
    out = pd.concat([p[0] for p in pieces], ignore_index=True)
    out["part"] = [kind for spans, kind, _, _ in pieces for _ in range(len(spans))]
    out["part_index"] = [k for spans, _, k, _ in pieces for _ in range(len(spans))]
    for raw, col in (("raw_start", "start"), ("raw_end", "end")):
        out[raw] = [aa.cleaned.to_raw(x) if offset is None else x + offset
                    for spans, _, _, offset in pieces for x in spans[col].tolist()]
    out["article_id"] = aa.article.id
    out["outlet"] = aa.article.outlet
    return out[cols]


def article_counts(aa: ArticleAnalysis, include_parts: bool = False) -> dict:
    """Additive counts of the body (and, if asked, of headline, highlights and subheads too)."""
    counts = {c: aa.body.features[c] for c in counts_in(aa.body.features)}
    if include_parts:
        for _, analysis in aa.parts:
            for c in counts_in(analysis.features):
                counts[c] = counts.get(c, 0) + analysis.features[c]
    return counts


def article_row(aa: ArticleAnalysis, include_parts: bool = False) -> dict:
    """One tidy row: article metadata, additive counts, derived rates and distinct speakers."""
    counts = article_counts(aa, include_parts)
    spans = aa.body.spans
    speakers = spans.loc[(spans["category"] == "attribution") & (spans["speaker"] != ""), "speaker"].nunique()
    meta = {"article_id": aa.article.id, "outlet": aa.article.outlet, "date": aa.article.date,
            "headline": aa.headline, "lexicon_version": aa.body.lexicon_version,
            "removed_chars": sum(r.end - r.start for r in aa.cleaned.removals)}
    return {**meta, **counts, **derived(counts), "speakers_distinct": int(speakers)}


def corpus_tables(corpus: Corpus, include_parts: bool = False, tone: bool = True,
                  lexicon: Lexicon | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(features: one row per article, spans: one row per span) for a whole corpus."""
    analyses = [analyze_article(a, lexicon, tone=tone) for a in corpus.articles]
    features = pd.DataFrame([article_row(aa, include_parts) for aa in analyses])
    spans = pd.concat([article_spans(aa) for aa in analyses], ignore_index=True) if analyses else pd.DataFrame()
    return features, spans


def preview_text(text: str, outlet: str = "", lexicon: Lexicon | None = None) -> tuple[Cleaned, Analysis]:
    """What saving a text as an article of `outlet` would give: its cleaning and the spans of its body."""
    cleaned = clean(text, outlet)
    return cleaned, analyze_text(cleaned.body, lexicon, tone=False)


def warm_up(lexicon: Lexicon | None = None) -> None:
    """Load the lexicon and the readability and tone word lists (else the first analysis of a process pays)."""
    analyze_text("Officials said the drill may be provocative.", lexicon, tone=True)
