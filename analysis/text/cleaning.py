"""Boilerplate removal with every removal recorded, and the outlet's own non-body parts kept apart."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.text.segment import Segment, paragraphs

TERMINAL = tuple(".?!:;”\"’')…")
DURATION_RE = re.compile(r"^\s*\d{1,2}:\d{2}\s*[-–—]\s*Source:\s*\S+", re.M)
DATELINE_RE = re.compile(r"^(?:[A-Z][A-Za-z .,'’-]{0,40}?\s+)?\(?CNN\)?\s*[—–-]+\s*")
MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
LINK_ONLY_RE = re.compile(r"^[\s*_]*\[[^\]]*\]\([^)]*\)[\s*_]*$|^\s*<?https?://\S+>?\s*$")
DATE_LINE_RE = re.compile(
    r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$")
CONTRIBUTORS_RE = re.compile(r"contributed to this (?:report|story|article)\.?\s*$", re.I)
SUBSCRIBE_RE = re.compile(r"\bsubscri(?:be|bing|ption)\b", re.I)
PHOTO_CAPTION_RE = re.compile(
    r"\b(?:sits|sit|stands|is seen|are seen|is pictured|are pictured|takes off|take off|lands at|poses|"
    r"file photo|Getty Images|AFP|Reuters/|AP Photo)\b")
CONTACT_RE = re.compile(r"^To contact the\b", re.I)

RULES = {
    "video-caption": ("all", "Video caption: title, alt text and 'MM:SS - Source:' duration of an embedded video"),
    "photo-caption": ("cnn", "Photo caption: a one-sentence paragraph describing a picture"),
    "dateline": ("cnn", "Dateline ('Washington CNN —'): place and outlet, not article text"),
    "highlights-label": ("cnn", "The 'Story highlights' label (the bullets are kept as their own part)"),
    "contributors": ("all", "Contributors line ('... contributed to this report')"),
    "subscription-appeal": ("all", "Subscription appeal"),
    "byline-date": ("all", "Byline and date lines (kept as article metadata)"),
    "contact-footer": ("wsws", "Contact footer"),
    "link-only": ("all", "A line that is only a link"),
    "page-break": ("all", "Page break inside a sentence: the two halves of the paragraph are joined"),
    "headline": ("all", "Headline (kept as its own part)"),
    "highlight": ("cnn", "Story highlight bullet written by the outlet (kept as its own part)"),
    "subhead": ("all", "Section subheading written by the outlet (kept as its own part)"),
    "opening-line": ("all", "Opening line before the article: may be the headline or a video title (kept as its own part)"),
}
PART_RULES = {"headline", "highlight", "subhead", "opening-line"}


@dataclass(frozen=True)
class Removal:
    """Raw text left out of the body, with the rule that did it ([start, end) in the raw text)."""
    start: int
    end: int
    text: str
    rule: str
    description: str


@dataclass(frozen=True)
class Part:
    """Outlet-written text that is not body: headline, highlight bullet, subhead, opening line."""
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Cleaned:
    """The cleaned body, the parts kept apart, the removals, and the map from body to raw offsets."""
    raw: str
    body: str
    parts: tuple[Part, ...]
    removals: tuple[Removal, ...]
    segments: tuple[tuple[int, int, int], ...]  # (body_start, raw_start, length)

    def to_raw(self, offset: int) -> int:
        """Raw-text offset of a body offset (the end of a piece maps to the end of its raw piece)."""
        starts = [s[0] for s in self.segments]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        if not self.segments:
            return 0
        body_start, raw_start, length = self.segments[i]
        return raw_start + min(max(offset - body_start, 0), length)

    def parts_of(self, kind: str) -> list[Part]:
        """The parts of one kind, in text order."""
        return [p for p in self.parts if p.kind == kind]

    def likely_headline(self) -> str:
        """The headline part, else a short line that opens the text (an opening line or subhead before any body
        text: usually the headline), else ''."""
        found = self.parts_of("headline") or [p for p in self.parts if p.kind in ("opening-line", "subhead")
                                              and not self.raw[:p.start].strip()]
        return found[0].text if found else ""


def clean(raw: str, outlet: str = "") -> Cleaned:
    """Split raw article text into body, outlet-written parts and recorded removals."""
    outlet = (outlet or "").lower()
    blocks = paragraphs(raw)
    labels = _label_blocks(raw, blocks, outlet)
    removals: list[Removal] = []
    parts: list[Part] = []
    body_pieces: list[list[tuple[int, int]]] = []
    for block, (rule, cut) in zip(blocks, labels):
        text = raw[block.start:block.end]
        if rule in PART_RULES:
            start = block.start
            heading = MD_HEADING_RE.match(text)
            if heading:
                start = block.start + heading.start(1)
                removals.append(_removal(raw, block.start, start, "headline", "Markdown heading mark"))
            parts.append(Part(rule, raw[start:block.end].strip(), start, block.end))
            continue
        if rule:
            removals.append(_removal(raw, block.start, block.end, rule))
            continue
        start = block.start + cut
        if cut:
            removals.append(_removal(raw, block.start, start, "dateline"))
        if body_pieces and _continues(raw, body_pieces[-1][-1], start):
            prev_end = body_pieces[-1][-1][1]
            removals.append(_removal(raw, prev_end, start, "page-break"))
            body_pieces[-1].append((start, block.end))
        else:
            body_pieces.append([(start, block.end)])
    body, segments = _assemble(raw, body_pieces)
    return Cleaned(raw, body, tuple(parts), tuple(sorted(removals, key=lambda r: r.start)), tuple(segments))


def _removal(raw: str, start: int, end: int, rule: str, description: str = "") -> Removal:
    return Removal(start, end, raw[start:end], rule, description or RULES[rule][1])


def _applies(rule: str, outlet: str) -> bool:
    return RULES[rule][0] in ("all", outlet)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def _word_count(text: str) -> int:
    return len(text.split())


def _label_blocks(raw: str, blocks: list[Segment], outlet: str) -> list[tuple[str, int]]:
    """For each block: (rule, 0) if it is removed or a part, ('', n) if body with n leading chars cut."""
    labels: list[tuple[str, int]] = []
    in_highlights = False
    dateline_seen = False
    headline_seen = False
    has_dateline = any(_is_dateline(raw[b.start:b.end], outlet) for b in blocks)
    for i, b in enumerate(blocks):
        text = raw[b.start:b.end]
        first_line = text.splitlines()[0] if text else ""
        rule = ""
        if _is_dateline(text, outlet):
            in_highlights, dateline_seen = False, True
        if DURATION_RE.search(text) and all(_word_count(line) <= 14 for line in text.splitlines()):
            rule = "video-caption"
        elif _applies("highlights-label", outlet) and text.strip().lower() == "story highlights":
            rule, in_highlights = "highlights-label", True
        elif _is_dateline(text, outlet) and DATELINE_RE.fullmatch(text.strip() + " "):
            rule = "dateline"
        elif in_highlights and not _ends_sentence(text):
            rule = "highlight"
        elif MD_HEADING_RE.match(first_line) and not headline_seen:
            rule, headline_seen = "headline", True
        elif headline_seen and i > 0 and labels[-1][0] == "headline" and _is_byline(text):
            rule = "byline-date"
        elif CONTRIBUTORS_RE.search(text) and _word_count(text) <= 30:
            rule = "contributors"
        elif SUBSCRIBE_RE.search(text) and re.search(r"journalism|help us|support|subscriber", text, re.I):
            rule = "subscription-appeal"
        elif _applies("contact-footer", outlet) and CONTACT_RE.match(text):
            rule = "contact-footer"
        elif LINK_ONLY_RE.match(text):
            rule = "link-only"
        elif has_dateline and not dateline_seen:
            rule = "opening-line" if not _ends_sentence(text) and _word_count(text) <= 15 else ""
        elif (_applies("photo-caption", outlet) and _ends_sentence(text) and len(re.findall(r"[.!?](\s|$)", text)) == 1
              and PHOTO_CAPTION_RE.search(text) and _word_count(text) <= 40):
            rule = "photo-caption"
        elif _is_subhead(raw, blocks, i):
            rule = "subhead"
        cut = 0
        if not rule and _is_dateline(text, outlet):
            cut = DATELINE_RE.match(text).end()
        labels.append((rule, cut))
    return labels


def _is_dateline(text: str, outlet: str) -> bool:
    return _applies("dateline", outlet) and bool(DATELINE_RE.match(text)) and "CNN" in text[:60]


def _is_byline(text: str) -> bool:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return 0 < len(lines) <= 3 and all(_word_count(ln) <= 6 for ln in lines) and (
        any(DATE_LINE_RE.match(ln) for ln in lines) or lines[0].lower().startswith("by "))


def _is_subhead(raw: str, blocks: list[Segment], i: int) -> bool:
    """A short line without end punctuation, followed by a paragraph that starts a new sentence."""
    text = raw[blocks[i].start:blocks[i].end]
    if _ends_sentence(text) or _word_count(text) > 10 or "\n" in text or i + 1 >= len(blocks):
        return False
    nxt = raw[blocks[i + 1].start:blocks[i + 1].end].lstrip()
    return bool(nxt) and not nxt[0].islower()


def _continues(raw: str, prev: tuple[int, int], start: int) -> bool:
    """A paragraph cut by a page break: no end punctuation before, a lower-case word after."""
    before = raw[prev[0]:prev[1]]
    after = raw[start:start + 1]
    return not _ends_sentence(before) and after.islower()


def _assemble(raw: str, pieces: list[list[tuple[int, int]]]) -> tuple[str, list[tuple[int, int, int]]]:
    out: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for p, para in enumerate(pieces):
        if p:
            out.append("\n\n")
            pos += 2
        for j, (s, e) in enumerate(para):
            if j:
                out.append(" ")
                pos += 1
            chunk = raw[s:e]
            segments.append((pos, s, len(chunk)))
            out.append(chunk)
            pos += len(chunk)
    return "".join(out), segments
