"""Quotations: straight and curly double quotes, multi-paragraph and unbalanced quotes, scare quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text.segment import paragraphs

SCARE_MAX_WORDS = 4
# A missing closing mark before the speech tag: '“We have noted ..., said Geng Shuang'.
MISSING_CLOSE_RE = re.compile(
    r"[,.?!](?=\s+(?:said|says|added|told)\b|\s+(?:he|she|they|[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,3})\s+(?:said|says|added)\b)")
QUOTE_MARK_RE = re.compile(r"[“”\"]|``|''")  # typewriter pairs (``...'' and ''...'') as older newswire writes them
OPENING = {"``": "“", "''": '"'}
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")
SENTENCE_OPENING_RE = re.compile(r"(?:\A|[.!?][”\"']?\s+|\n\s*)\Z")  # what stands before a quotation opening a sentence


@dataclass(frozen=True)
class Quote:
    """One quotation: marks at [start, end), quoted words at [inner_start, inner_end)."""
    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool
    repaired: bool
    continues_previous: bool

    def words(self, text: str) -> int:
        """Number of words inside the quotation marks."""
        return len(WORD_RE.findall(text, self.inner_start, self.inner_end))

    def is_short(self, text: str) -> bool:
        """A word or short phrase, not a clause: a candidate scare quote or partial quote. A capitalised quotation
        that opens its sentence and ends in punctuation inside the marks ('“It's a sad day,” said ...') is a whole
        utterance however short."""
        inner = text[self.inner_start:self.inner_end].strip()
        if self.words(text) > SCARE_MAX_WORDS or re.search(r"[.!?]", inner.rstrip(" ,.;:!?")):
            return False
        return not (inner[:1].isupper() and inner[-1:] in (",", ".", "!", "?")
                    and SENTENCE_OPENING_RE.search(text, max(0, self.start - 4), self.start) is not None)


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted passage, paragraph by paragraph."""
    out: list[Quote] = []
    prev_open = False
    for para in paragraphs(text):
        quotes = _quotes_in(text, para.start, para.end, para.paragraph, prev_open)
        prev_open = bool(quotes) and not quotes[-1].closed
        out.extend(quotes)
    return out


def _is_opening_straight(text: str, i: int, lo: int) -> bool:
    before = text[i - 1] if i > lo else " "
    return before.isspace() or before in "([{—–-/" or i == lo


def _is_typo_close(text: str, i: int, hi: int) -> bool:
    """An opening mark right after a quotation's final punctuation and before a space: it closes the quotation."""
    return i > 0 and text[i - 1] in ",.?!" and (i + 1 >= hi or text[i + 1].isspace())


def _quotes_in(text: str, lo: int, hi: int, para: int, prev_open: bool) -> list[Quote]:
    out = []
    open_at, open_len = None, 1
    for mark in QUOTE_MARK_RE.finditer(text, lo, hi):
        i = mark.start()
        ch = OPENING.get(mark.group(), mark.group())
        if ch == "“" and open_at is not None and _is_typo_close(text, i, hi):
            # '“Apparently not,“ he said.': an opening mark typed for the closing one
            out.append(Quote(open_at, mark.end(), open_at + open_len, i, para, True, True, prev_open and open_at == lo))
            open_at = None
            continue
        if ch == "“" or (ch == '"' and open_at is None and _is_opening_straight(text, i, lo)):
            if open_at is not None:  # a new opening inside an open quote: the first one was never closed
                out.append(_close_unbalanced(text, open_at, open_len, i, para, prev_open, lo))
            open_at, open_len = i, len(mark.group())
        elif ch == "”" or (ch == '"' and open_at is not None):
            if open_at is None:
                if i - lo > 0 and not out:  # a close with no opening: the quote ran on from the paragraph start
                    out.append(Quote(lo, mark.end(), lo, i, para, True, False, prev_open))
                continue
            out.append(Quote(open_at, mark.end(), open_at + open_len, i, para, True, False, prev_open and open_at == lo))
            open_at = None
    if open_at is not None:
        out.append(_close_unbalanced(text, open_at, open_len, hi, para, prev_open, lo))
    return out


def _close_unbalanced(text: str, open_at: int, open_len: int, limit: int, para: int, prev_open: bool, lo: int) -> Quote:
    """An opening mark that is never closed: repair a missing close before a speech tag, else run to the limit."""
    inner = open_at + open_len
    m = MISSING_CLOSE_RE.search(text, inner, limit)
    if m:
        end = m.end()
        return Quote(open_at, end, inner, end, para, True, True, prev_open and open_at == lo)
    inner_end = limit
    while inner_end > inner and text[inner_end - 1].isspace():
        inner_end -= 1
    return Quote(open_at, inner_end, inner, inner_end, para, False, False, prev_open and open_at == lo)
