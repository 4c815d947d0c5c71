"""Attribution: who says what, with which cue, and which stretch of text is theirs."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.detect.lexicon import Match, Token
from analysis.detect.speakers import PRONOUNS, Speaker, known_names, make_speaker, resolve
from analysis.text.quotes import Quote
from analysis.text.segment import TITLES, Segment

BOUNDARY_WORDS = frozenset("that which who whom whose but while because when after although though if "
                           "since so what where whereas".split())
NP_WORDS = frozenset("""the a an of at in for from to 's and one another multiple several some many two three
four other former top deputy vice senior chief official officials spokesman spokeswoman spokesperson
spokespeople secretary minister ministry president leader commander general professor expert experts
analyst analysts fellow press foreign state media outlet agency news statement military administration
government aviation tracker observers lawmakers sources source diplomat diplomats staff correspondent
reporter editor officer officers readout report tweet bomber operations operation security policy defense
defence intelligence air force forces navy army state-run state-owned national public affairs office
department spokespersons prime ambassador adviser advisor advisers aide aides researcher think tank
chancellor director head envoy representative council committee service services its their his her our
allies ally partners partner""".split())
TRAILING_JUNK = frozenset("""also has have had was were is are will would then later earlier again once
previously recently repeatedly publicly bluntly on monday tuesday wednesday thursday friday saturday sunday
last this week month year today yesterday""".split())
LEADING_JUNK = frozenset("and but then so".split())
RELATIVE = frozenset("who which whose".split())
SHORT_TAIL = 4  # words after a final cue ("told CNN", "said on Friday") that still make it a closing tag


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: the cue, its speaker, the attributed text ranges, direct or indirect."""
    cue_start: int
    cue_end: int
    cue: str
    kind: str
    tone: str
    entry: object
    speaker: Speaker
    speaker_start: int
    speaker_end: int
    scope: tuple[tuple[int, int], ...]
    direct: bool
    sentence: int


def find_attributions(text: str, tokens: list[Token], sents: list[Segment], quotes: list[Quote],
                      cues: list[Match]) -> tuple[list[Attribution], dict[int, Speaker]]:
    """Attributions for every cue outside quotation marks, and the speaker of each quote (by index)."""
    sent_starts = [s.start for s in sents]
    in_quote = _interval_test([(q.inner_start, q.inner_end) for q in quotes])
    cues = [c for c in cues if not in_quote(c.start)]
    by_sentence: dict[int, list[Match]] = {}
    for c in cues:
        by_sentence.setdefault(bisect.bisect_right(sent_starts, c.start) - 1, []).append(c)
    tok_starts = [t.start for t in tokens]
    out: list[Attribution] = []
    earlier: list[tuple[int, Speaker]] = []
    names = known_names(text) if cues else []
    for si in sorted(by_sentence):
        sent = sents[si]
        prev_in_sentence: Attribution | None = None
        matches = sorted(by_sentence[si], key=lambda m: m.start)
        for k, cue in enumerate(matches):
            nxt = matches[k + 1].start if k + 1 < len(matches) else sent.end
            att = _attribute(text, tokens, tok_starts, sent, si, cue, quotes, prev_in_sentence, earlier, nxt, names)
            if att is None:
                continue
            out.append(att)
            earlier.append((att.cue_start, att.speaker))
            prev_in_sentence = att
    return out, _quote_speakers(text, quotes, out, sents)


def _interval_test(intervals: list[tuple[int, int]]):
    starts = [s for s, _ in intervals]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and intervals[i][0] <= pos < intervals[i][1]
    return inside


def _attribute(text, tokens, tok_starts, sent, si, cue, quotes, prev, earlier, next_cue, names) -> Attribution | None:
    entry = cue.entry
    kind = entry.subcategory
    sent_quotes = [q for q in quotes if q.end > sent.start and q.start < sent.end]
    after = text[cue.end:sent.end]
    before = text[sent.start:cue.start]
    sp_start = sp_end = -1
    scope: tuple[tuple[int, int], ...]
    if kind == "according_to":
        sp_start, sp_end = _np_after(text, cue.end, sent.end, stop_at_comma=True)
        if not before.strip(" ,"):
            scope = ((_skip(text, sp_end, sent.end), sent.end),)
        else:
            scope = ((sent.start, _rstrip(text, sent.start, cue.start)),)
        description = text[sp_start:sp_end]
    elif re.match(r"\s+by\b", after) and kind in ("speech", "labeling", "view"):
        by = cue.end + re.match(r"\s+by\s+", after).end()
        sp_start, sp_end = _np_after(text, by, sent.end, stop_at_comma=True)
        description = text[sp_start:sp_end]
        scope = ((cue.start, sent.end),)
    else:
        quote_before = _quote_closing_before(sent_quotes, cue.start)
        lo = quote_before.end if quote_before else sent.start
        gap = text[lo:cue.start]
        if quote_before and not gap.strip(" ,"):
            # '“...,” said Maj. Ryan Simpson, ...' : the speaker follows the cue.
            sp_start, sp_end = _np_after(text, cue.end, sent.end, stop_at_comma=False)
            description = text[sp_start:sp_end]
            scope = ((min(quote_before.start, sent.start), quote_before.end),)
        elif re.search(r",\s*$", before) and _tail_is_speaker(text, cue.end, sent.end):
            # '..., reported Chinese state media outlet CCTV.'
            sp_start, sp_end = _np_after(text, cue.end, sent.end, stop_at_comma=False)
            description = text[sp_start:sp_end]
            scope = ((sent.start, _rstrip(text, sent.start, cue.start)),)
        else:
            sp_start, sp_end = _np_before(text, tokens, tok_starts, sent.start, cue.start)
            description = text[sp_start:sp_end] if sp_end > sp_start else ""
            found_here = bool(description)
            if not description:
                if prev is not None:
                    description, sp_start, sp_end = prev.speaker.description, prev.speaker_start, prev.speaker_end
                else:
                    sp_start, sp_end = _leading_np(text, tokens, tok_starts, sent.start, cue.start)
                    description = text[sp_start:sp_end]
            if not description:
                return None
            tail_words = len(re.findall(r"\w+", text[cue.end:sent.end]))
            after_quote = found_here and quote_before is not None and not text[quote_before.end:sp_start].strip(" ,")
            after_comma = found_here and re.search(r",\s*$", text[sent.start:sp_start]) is not None
            if (after_quote and tail_words <= 2 * SHORT_TAIL + 2) or (after_comma and tail_words <= SHORT_TAIL):
                first = min([q.start for q in sent_quotes if q.end <= sp_start] + [sent.start])
                scope = ((first, _rstrip(text, first, sp_start)),)
            else:
                scope = ((cue.end, _rstrip(text, cue.end, next_cue)),)
    if not description.strip():
        return None
    speaker = resolve(description, cue.start, earlier, text, names)
    direct = any(q.inner_start < e and q.inner_end > s for s, e in scope for q in quotes)
    return Attribution(cue.start, cue.end, text[cue.start:cue.end], kind, entry.tone, entry, speaker,
                       sp_start, sp_end, scope, direct, si)


def _skip(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] in " ,\t\n":
        pos += 1
    return pos


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in " ,\t\n—–":
        hi -= 1
    return hi


def _quote_closing_before(quotes: list[Quote], pos: int) -> Quote | None:
    """The last closed quotation of the sentence that ends before `pos`."""
    cands = [q for q in quotes if q.closed and q.end <= pos]
    return max(cands, key=lambda q: q.end) if cands else None


def _tail_is_speaker(text: str, start: int, end: int) -> bool:
    """The rest of the sentence after the cue is only a name or title phrase ('..., reported CCTV.')."""
    words = [w for w in re.findall(r"[\w’'.-]+", text[start:end]) if w.strip(".")]
    return 0 < len(words) <= 14 and _np_like([w.strip(".") for w in words])


def _np_after(text: str, start: int, limit: int, stop_at_comma: bool) -> tuple[int, int]:
    """Noun phrase after a cue, up to the clause end; trailing time phrases dropped."""
    s = _skip(text, start, limit)
    stop = re.compile(r"[.;:!?](?=\s|$)|\s+as\s|\s+that\s|—" + (r"|," if stop_at_comma else ""))
    e = limit
    for m in stop.finditer(text, s, limit):
        if m.group() == "." and _abbreviation_before(text, s, m.start()):
            continue
        e = m.start()
        break
    e = _rstrip(text, s, e)
    while e > s and text[e - 1] in "”\"":
        e -= 1
    seg = text[s:e]
    seg = re.sub(r"(?:\s+(?:on|in|last|this|early|late)\s+(?:[A-Z]\w+|\w+ \w+)|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))+\s*$", "", seg)
    return s, s + len(seg.rstrip(" ,"))


def _abbreviation_before(text: str, lo: int, dot: int) -> bool:
    """Whether the period at `dot` closes a title or initial ('Maj.', 'U.S.', 'F.')."""
    m = re.search(r"([A-Za-z.]+)$", text[lo:dot])
    word = m.group(1).lower().rstrip(".") if m else ""
    return word in TITLES or len(word) == 1 or "." in word


def _np_before(text: str, tokens: list[Token], tok_starts: list[int], lo: int, cue_start: int) -> tuple[int, int]:
    """Speaker phrase right before a cue: back to a clause boundary, across appositive commas."""
    i = bisect.bisect_left(tok_starts, cue_start) - 1
    first = bisect.bisect_left(tok_starts, lo)
    if i < first:
        return lo, lo
    if text[cue_start:cue_start + 40].split(" ")[0].endswith("ing") and "," in text[tokens[i].end:cue_start]:
        return lo, lo  # ', calling the moves ...': the participle's subject is the main clause's speaker
    trailing_comma = "," in text[tokens[i].end:cue_start]
    segments: list[tuple[int, int]] = []  # token index ranges, nearest first
    end = i
    j = i
    while j >= first:
        gap = text[tokens[j].end: tokens[j + 1].start if j + 1 <= i else cue_start]
        if j < end and _is_break(gap):
            segments.append((j + 1, end))
            end = j
            if len(segments) > 3:
                break
        if tokens[j].lower in BOUNDARY_WORDS:
            if (trailing_comma and not segments and tokens[j].lower in RELATIVE and j > first
                    and "," in text[tokens[j - 1].end:tokens[j].start]):
                end = j - 1  # ', who left the meeting,' : skip the relative clause
                j -= 1
                continue
            segments.append((j + 1, end))
            end = -1
            break
        j -= 1
    if end >= first and end != -1:
        segments.append((max(first, j + 1), end))
    segments = [(a, b) for a, b in segments if a <= b]
    if not segments:
        return lo, lo
    words = [_words(tokens, a, b) for a, b in segments]
    chosen = segments[0]
    if trailing_comma:
        # 'X, a senior official, said' / 'Commander ..., General X, branded' / 'Trump, who ..., claimed'
        picks = [k for k, w in enumerate(words) if _np_like(w)]
        if picks:
            k = picks[0]
            chosen = segments[k]
            if k + 1 < len(segments) and _np_like(words[k + 1]):
                chosen = (segments[k + 1][0], chosen[1])
        else:
            chosen = segments[0]
    a, b = chosen
    w = _words(tokens, a, b)
    if not _np_like(w):
        # keep the subject at the start of a longer clause ('he issued another tweet alleging')
        n = 0
        while n < len(w) and _np_like([w[n]]):
            n += 1
        b = a + n - 1
    while (b >= a and tokens[b].lower in TRAILING_JUNK and not tokens[b].text[:1].isupper()) or (
            b >= a and tokens[b].lower in {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}):
        b -= 1
    while a <= b and tokens[a].lower in LEADING_JUNK:
        a += 1
    if b < a:
        return lo, lo
    return tokens[a].start, tokens[b].end


def _is_break(gap: str) -> bool:
    return any(ch in gap for ch in ",;:—–”“\"")


def _words(tokens: list[Token], a: int, b: int) -> list[str]:
    return [tokens[k].text for k in range(a, b + 1)]


def _np_like(words: list[str]) -> bool:
    """Only capitalised words, numbers, possessives and role/function words: a name or title phrase."""
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return True
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in NP_WORDS or w.lower().endswith(("'s", "’s")) for w in words)


def _leading_np(text: str, tokens: list[Token], tok_starts: list[int], lo: int, hi: int) -> tuple[int, int]:
    """The subject at the start of a sentence ('White House press secretary Sean Spicer on Tuesday ...')."""
    a = bisect.bisect_left(tok_starts, lo)
    b = a
    while b < len(tokens) and tokens[b].start < hi and (tokens[b].text[:1].isupper() or tokens[b].lower in NP_WORDS):
        if b > a and _is_break(text[tokens[b - 1].end:tokens[b].start]):
            break
        b += 1
    return (tokens[a].start, tokens[b - 1].end) if b > a else (lo, lo)


def _quote_speakers(text: str, quotes: list[Quote], atts: list[Attribution], sents: list[Segment]) -> dict[int, Speaker]:
    """Speaker of each quotation: its own attribution, the previous quote it continues, or none."""
    speakers: dict[int, Speaker] = {}
    for qi, q in enumerate(quotes):
        owner = next((a for a in atts if any(s <= q.inner_start and q.inner_end <= e + 2 for s, e in a.scope)), None)
        if owner is None:
            owner = next((a for a in atts if any(s < q.inner_end and q.inner_start < e for s, e in a.scope)), None)
        if owner is not None:
            speakers[qi] = owner.speaker
            continue
        if qi > 0 and (qi - 1) in speakers:
            prev = quotes[qi - 1]
            same_para = prev.paragraph == q.paragraph
            between = text[prev.end:q.start]
            no_cue_between = all(a.speaker == speakers[qi - 1] for a in atts if prev.end <= a.cue_start < q.start)
            next_para_runs_on = (q.paragraph == prev.paragraph + 1 and (q.continues_previous or
                                 (q.start == _para_start(text, q.start) and not any(a.sentence == _sent_of(sents, q.start) for a in atts))))
            if no_cue_between and ((same_para and len(between.split()) <= 40) or next_para_runs_on):
                speakers[qi] = speakers[qi - 1]
    return speakers


def _para_start(text: str, pos: int) -> int:
    k = text.rfind("\n", 0, pos)
    return k + 1 if k >= 0 else 0


def _sent_of(sents: list[Segment], pos: int) -> int:
    return bisect.bisect_right([s.start for s in sents], pos) - 1


__all__ = ["Attribution", "find_attributions", "make_speaker"]
