"""Every framing span in a text: loaded terms, hedges, boosters, attributions and quotations."""
from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.detect.attribution import (
    Attribution,
    colon_cues,
    complement_cues,
    dash_cues,
    find_attributions,
    poll_cues,
    without_noun_uses,
)
from analysis.detect.lexicon import Lexicon, load_lexicon, tokenize, word_class
from analysis.detect.loaded import Candidate, decide, find_candidates
from analysis.detect.speakers import UNNAMED, Speaker
from analysis.text.quotes import find_quotes
from analysis.text.segment import sentences

SPAN_COLUMNS = ["start", "end", "text", "category", "subcategory", "voice", "speaker", "affiliation", "country",
                "party", "anonymous", "sentence", "paragraph", "term", "note", "source", "neutral_alternative",
                "cue_tone", "cue_start", "cue_end", "direct", "scope_start", "scope_end", "words", "strength", "score",
                "rating", "pack"]
SENTENCE_COLUMNS = ["sentence", "paragraph", "start", "end", "words", "attributed"]
SPAN_DTYPES = {**dict.fromkeys(["start", "end", "sentence", "paragraph", "cue_start", "cue_end", "scope_start",
                                "scope_end", "words"], np.int64),
               **dict.fromkeys(["anonymous", "direct"], bool), **dict.fromkeys(["score", "rating"], float)}
STR_DTYPE = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' default 'str' type


@dataclass(frozen=True)
class Analysis:
    """Spans of one text (offsets index `text`), its sentences, and features aggregated from them."""
    text: str
    spans: pd.DataFrame
    sentences: pd.DataFrame
    lexicon_version: str
    features: dict = field(default_factory=dict)


def analyze_text(text: str, lexicon: Lexicon | None = None, tone: bool = True) -> Analysis:
    """Spans, sentence table and features for one text (a pure function of text and lexicon)."""
    from analysis.measure.features import text_features  # features aggregate spans; imported late to keep one direction
    lex = lexicon or load_lexicon()
    spans, sents = find_spans(text, lex)
    return Analysis(text, spans, sents, lex.version, text_features(text, spans, sents, tone=tone, lexicon=lex))


def sentence_bounds(text: str) -> pd.DataFrame:
    """The sentence table of a text without its spans: sentence, paragraph, start, end and words exactly as
    `find_spans` gives them (no 'attributed' column: that needs the attributions). About 1 ms for a news article."""
    tok_starts = [t.start for t in tokenize(text)]
    return _sentence_table(sentences(text), tok_starts)


def find_spans(text: str, lexicon: Lexicon | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The span table (one row per span) and the sentence table of a text."""
    lex = lexicon or load_lexicon()
    ctx = _context(text, lex)
    tokens, sents, quotes, atts, quote_speakers, quote_kinds = ctx.tokens, ctx.sents, ctx.quotes, ctx.atts, ctx.quote_speakers, ctx.quote_kinds
    sent_starts = [s.start for s in sents]
    tok_starts = [t.start for t in tokens]

    def sentence_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    def words(s: int, e: int) -> int:
        return bisect.bisect_left(tok_starts, e) - bisect.bisect_left(tok_starts, s)

    rows: list[dict] = []
    voice_of = VoiceIndex(atts, quotes, quote_speakers, quote_kinds)  # matches come in order of start
    for m in ctx.matches:
        if m.entry.category == "loaded":
            continue
        speaker = voice_of(m.start, m.end)
        rows.append(_row(m.start, m.end, text, m.entry.category, m.entry.subcategory, speaker,
                         sentence_of(m.start), sents, term=m.entry.term, note=m.entry.note, source=m.entry.source,
                         neutral_alternative=m.entry.neutral_alternative))
    for d in decide(ctx.candidates, lex):
        if not d.loaded:
            continue
        c = d.candidate
        speaker = ctx.speaker_of(c.start, c.end)
        rows.append(_row(c.start, c.end, text, "loaded", c.entry.subcategory, speaker, sentence_of(c.start), sents,
                         term=c.entry.term, note=d.note, source=c.entry.source,
                         neutral_alternative=c.entry.neutral_alternative, strength=c.strength,
                         score=round(d.score, 3) if d.score is not None else None,
                         rating=_rating_value(c), pack=c.entry.pack))
    for a in atts:
        scope_s = min(s for s, _ in a.scope)
        scope_e = max(e for _, e in a.scope)
        cue_s = a.group_start if a.group_start >= 0 else a.cue_start  # the cue with its verb group ('has said')
        cue_e = a.group_end if a.group_end >= 0 else a.cue_end
        rows.append(_row(cue_s, cue_e, text, "attribution", "direct" if a.direct else "indirect",
                         a.speaker, a.sentence, sents, voice="author", term=a.entry.term, note=a.entry.note,
                         source=a.entry.source, neutral_alternative=a.entry.neutral_alternative,
                         cue_tone=a.tone, cue_start=cue_s, cue_end=cue_e, direct=a.direct,
                         scope_start=scope_s, scope_end=scope_e,
                         words=sum(words(s, e) for s, e in a.scope)))
    for i, q in enumerate(quotes):
        kind = quote_kinds[i]
        speaker = quote_speakers.get(i) if kind != "title" else None
        rows.append(_row(q.start, q.end, text, "quote", kind, speaker, sentence_of(q.start), sents,
                         voice="author" if kind in NOT_SPOKEN else "attributed", direct=kind not in NOT_SPOKEN,
                         scope_start=q.inner_start, scope_end=q.inner_end, words=words(q.inner_start, q.inner_end),
                         note=QUOTE_NOTES[kind]))
    rows.sort(key=lambda r: (r["start"], r["end"], r["category"]))
    spans = span_table(rows)
    attributed_sents = {a.sentence for a in atts} | {sentence_of(q.start) for i, q in enumerate(quotes) if i in quote_speakers}
    return spans, _sentence_table(sents, tok_starts, attributed_sents)


def span_table(rows: list[dict]) -> pd.DataFrame:
    """The span table of rows (dicts keyed by SPAN_COLUMNS), with the same column types whether empty or not."""
    return pd.DataFrame({c: np.array([r[c] for r in rows], dtype=SPAN_DTYPES[c]) if c in SPAN_DTYPES
                         else _str_column([r[c] for r in rows]) for c in SPAN_COLUMNS}, copy=False)


def _str_column(values: list[str | None]) -> pd.api.extensions.ExtensionArray:
    """A pandas 'str' column of strings and None, built straight from an Arrow array (a third of the time pandas
    takes to infer and check it, on every span table)."""
    return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=STR_DTYPE)


def _sentence_table(sents: list, tok_starts: list[int], attributed: set[int] | None = None) -> pd.DataFrame:
    """One row per sentence: index, paragraph, offsets, words (tokens starting inside) and, if given, attributed."""
    starts, ends = [s.start for s in sents], [s.end for s in sents]
    cols = {"sentence": np.arange(len(sents), dtype=np.int64),
            "paragraph": np.array([s.paragraph for s in sents], dtype=np.int64),
            "start": np.array(starts, dtype=np.int64), "end": np.array(ends, dtype=np.int64),
            "words": np.searchsorted(tok_starts, ends) - np.searchsorted(tok_starts, starts)}
    if attributed is not None:
        cols["attributed"] = np.array([i in attributed for i in range(len(sents))], dtype=bool)
    return pd.DataFrame(cols, copy=False)


@dataclass(frozen=True)
class _Context:
    """What every detector of one text shares: tokens, sentences, quotations, attributions, lexicon matches."""
    tokens: list
    sents: list
    quotes: list
    atts: list
    quote_speakers: dict
    quote_kinds: list
    matches: list
    candidates: list
    speaker_of: Callable[[int, int], Speaker | None]


def _context(text: str, lex: Lexicon) -> _Context:
    tokens = tokenize(text)
    sents = sentences(text)
    quotes = find_quotes(text)
    cues = without_noun_uses(text, tokens, lex.cues.find(text, tokens))
    cue_tones = {i: m.entry.tone for m in cues for i in range(m.first, m.last + 1)}
    cues += (colon_cues(text, quotes, lex.constructions.get("colon")) + poll_cues(text, lex.constructions.get("poll"))
             + dash_cues(text, lex.constructions.get("dash"))
             + complement_cues(text, tokens, cues, lex.constructions.get("complement")))
    atts, quote_speakers = find_attributions(text, tokens, sents, quotes, cues)
    quote_kinds = [_quote_kind(text, q, quote_speakers.get(i)) for i, q in enumerate(quotes)]
    matches = lex.terms.find(text, tokens)
    inner = sorted((q.inner_start, q.inner_end) for q in quotes)
    index = VoiceIndex(atts, quotes, quote_speakers, quote_kinds)  # candidates ask in order of start
    speakers: dict[tuple[int, int], Speaker | None] = {}

    def speaker_of(s: int, e: int) -> Speaker | None:
        if (s, e) not in speakers:
            speakers[s, e] = index(s, e)
        return speakers[s, e]

    def voice(s: int, e: int) -> str:
        return "author" if speaker_of(s, e) is None else "attributed"

    def quoted(pos: int) -> bool:
        k = bisect.bisect_right(inner, (pos, float("inf"))) - 1
        return k >= 0 and inner[k][0] <= pos < inner[k][1]
    cue_ranges = [(a.cue_start, a.cue_end) for a in atts]
    cands = find_candidates(text, tokens, sents, lex, matches, cue_ranges, voice, quoted, cue_tones)
    return _Context(tokens, sents, quotes, atts, quote_speakers, quote_kinds, matches, cands, speaker_of)


def loaded_candidates(text: str, lexicon: Lexicon | None = None) -> list[Candidate]:
    """Every lexicon or rating match of a text with its context features (what the loaded-language model sees)."""
    return _context(text, lexicon or load_lexicon()).candidates


def _rating_value(c: Candidate) -> float | None:
    """The strongest published rating of the word on a -1..+1 scale (VADER divided by 4, else Pattern polarity)."""
    r = c.rating
    if r is None:
        return None
    return round(r.vader / 4, 3) if r.vader is not None else (round(r.polarity, 3) if r.polarity is not None else None)


QUOTE_NOTES = {
    "direct": "Direct quotation: the speaker's own words.",
    "partial": "Partial quotation: a few of the speaker's words inside the outlet's sentence.",
    "scare": "Scare quotes: a word or phrase set in quotation marks without a speaker, which distances the writer from it.",
    "unattributed": "Quotation whose speaker the text does not name nearby.",
    "title": "A title or name in quotation marks (a show, book, slogan or event): no one's words and no scare quote.",
}
NOT_SPOKEN = ("scare", "title")  # quotation kinds that are no one's words


def _quote_kind(text: str, q, speaker: Speaker | None) -> str:
    if q.is_short(text) and _title_case(text[q.inner_start:q.inner_end]):
        return "title"
    if speaker is None:
        return "scare" if q.is_short(text) else "unattributed"
    return "partial" if q.is_short(text) else "direct"


def _title_case(inner: str) -> bool:
    """Two to four words, the first and last capitalised and the rest too but title case's short words ('Meet the
    Press', 'Fox News Sunday')."""
    words = inner.strip(" ,.;:!?").split()
    minor = word_class("title_minor_word")
    return 2 <= len(words) <= 4 and words[0][:1].isupper() and words[-1][:1].isupper() and all(
        w[:1].isupper() or w in minor for w in words)


class VoiceIndex:
    """Whose words contain [start, end): the quotation's speaker, else the narrowest attributed scope's, else None
    (the outlet's own voice). Queries must come in order of `start`; each costs O(log n) amortised."""

    def __init__(self, atts: list[Attribution], quotes, quote_speakers, quote_kinds):
        self.quotes = [(q.inner_start, q.inner_end, i) for i, q in enumerate(quotes) if quote_kinds[i] not in NOT_SPOKEN]
        self.quote_starts = [q[0] for q in self.quotes]
        self.quote_speakers = quote_speakers
        self.scopes = sorted((s, e, a.cue_start, a.cue_end, k, a.speaker)
                             for k, a in enumerate(atts) for s, e in a.scope if e > s)
        self.next_scope = 0
        self.active: list[tuple] = []  # heap of (length, start, end, cue_start, cue_end, order, speaker)
        self.last_start = -1

    def __call__(self, start: int, end: int) -> Speaker | None:
        if start < self.last_start:
            raise ValueError("VoiceIndex queries must come in order of start")
        self.last_start = start
        i = bisect.bisect_right(self.quote_starts, start) - 1
        for qs, qe, qi in self.quotes[max(0, i - 1):i + 1]:
            if qs <= start and end <= qe:
                return self.quote_speakers.get(qi) or UNNAMED
        while self.next_scope < len(self.scopes) and self.scopes[self.next_scope][0] <= start:
            s, e, cs, ce, k, speaker = self.scopes[self.next_scope]
            heapq.heappush(self.active, (e - s, s, e, cs, ce, k, speaker))
            self.next_scope += 1
        skipped, found = [], None
        while self.active:
            item = self.active[0]
            if item[2] <= start:  # ended before this query: no later query can fall inside it either
                heapq.heappop(self.active)
                continue
            if end <= item[2] and not (item[3] <= start < item[4]):
                found = item[6]
                break
            skipped.append(heapq.heappop(self.active))
        for item in skipped:
            heapq.heappush(self.active, item)
        return found


def _row(start, end, text, category, subcategory, speaker, sentence, sents, voice=None, **extra) -> dict:
    row = dict.fromkeys(SPAN_COLUMNS)
    row.update(start=start, end=end, text=text[start:end], category=category, subcategory=subcategory,
               sentence=sentence, paragraph=sents[sentence].paragraph if sents else 0,
               voice=voice or ("attributed" if speaker is not None else "author"),
               speaker=speaker.name if speaker else "", affiliation=speaker.affiliation if speaker else "",
               country=speaker.country if speaker else "", party=speaker.party if speaker else "",
               anonymous=bool(speaker.anonymous) if speaker else False,
               term="", note="", source="", neutral_alternative="", cue_tone="", cue_start=-1, cue_end=-1,
               direct=False, scope_start=-1, scope_end=-1, words=0, strength="", score=None, rating=None, pack="")
    row.update({k: v for k, v in extra.items() if v is not None})
    return row
