"""Paragraph and sentence segmentation that survives news abbreviations and quotations."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a period never ends a sentence (titles, initials of names).
TITLES = frozenset("""mr mrs ms dr prof gen lt col maj capt cmdr cdr adm sgt cpl pvt brig rep reps sen sens gov govs pres
supt insp det rev fr st mt ft ave blvd vs etc al jr sr gen. lt.""".split())
# Abbreviations that do not end a sentence when a number follows (months, "No. 1").
BEFORE_NUMBER = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig p pp art sec".split())
# Abbreviations that can end a sentence: split only when a usual sentence opener follows.
SENTENCE_OPENERS = frozenset("""the a an he she it they we i this that these those there but and however
in on at for as after before when while if his her its their our some many most no not one two
mr mrs ms dr why what who how where yet still so""".split())

PARA_RE = re.compile(r"\n[ \t]*\n+")
# Punctuation with space after it, or glued to the next sentence where a scrape lost the space ('Trump said.Trump
# claimed'): a lower-case word of two letters or more, then a capital and a lower-case letter, so 'U.S.Army',
# 'St.Louis' and 'example.com' stay whole ((?=[.!?…]) first: the rest is tried only at punctuation)
BOUNDARY_RE = re.compile(r"(?=[.!?…])(?:[.!?…]+[\"”’')\]]*(?=\s+)|(?<=[a-z]{2})[.!?](?=[A-Z][a-z]))")
WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
WORD_WINDOW = 40  # characters before a period searched for its word: abbreviations are short, so this stays linear


@dataclass(frozen=True)
class Segment:
    """A paragraph or sentence: [start, end) offsets into the text, and its paragraph number."""
    start: int
    end: int
    paragraph: int


def paragraphs(text: str) -> list[Segment]:
    """Blocks of text separated by blank lines, trimmed of surrounding white space."""
    out, pos = [], 0
    for m in list(PARA_RE.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        block = text[pos:end]
        s = pos + len(block) - len(block.lstrip())
        e = pos + len(block.rstrip())
        if e > s:
            out.append(Segment(s, e, len(out)))
        pos = m.end() if m else len(text)
    return out


def sentences(text: str) -> list[Segment]:
    """Sentences of every paragraph; a sentence never crosses a paragraph break."""
    out = []
    for para in paragraphs(text):
        start = para.start
        for m in BOUNDARY_RE.finditer(text, para.start, para.end):
            end = m.end()
            if _is_boundary(text, start, m.start(), end, para.end):
                out.append(Segment(start, end, para.paragraph))
                start = _skip_space(text, end, para.end)
        if start < para.end:
            out.append(Segment(start, para.end, para.paragraph))
    return out


def _skip_space(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def _is_boundary(text: str, sent_start: int, punct: int, end: int, limit: int) -> bool:
    """Decide whether the punctuation at `punct` (closing at `end`) ends a sentence."""
    nxt = _skip_space(text, end, limit)
    if nxt >= limit:
        return False
    if nxt == end:  # glued to the next sentence ('said.Trump'): only after a word all in lower case ('iPhone.Pro')
        m = WORD_BEFORE_RE.search(text, max(sent_start, punct - WORD_WINDOW), punct)
        return bool(m) and m.group(1).isalpha() and m.group(1).islower()
    following = text[nxt:nxt + 40]
    first = following[:1]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'([" ):
        return False  # lower-case continuation: "...," or "e.g. the"
    if text[punct] != ".":
        return True
    m = WORD_BEFORE_RE.search(text, max(sent_start, punct - WORD_WINDOW), punct)
    word = m.group(1).lower() if m else ""
    bare = word.rstrip(".")
    if bare in TITLES or (len(bare) == 1 and bare.isalpha()):
        return False  # "Gen. Terrence", "Capt. Jeff", "John F. Kennedy"
    next_word = re.match(r"[\"“‘']?([A-Za-z]+|\d+)", following)
    nw = next_word.group(1).lower() if next_word else ""
    if bare in BEFORE_NUMBER and nw.isdigit():
        return False  # "Jan. 5", "No. 1"
    if "." in bare:  # an abbreviation with inner periods: U.S., U.K., a.m.
        return nw in SENTENCE_OPENERS or first in "\"“‘'"
    return True


def one_line(text: str, limit: int = 90) -> str:
    """The text if it fits in `limit` characters, else cut at the last word that fits, with '…'."""
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + "…"
