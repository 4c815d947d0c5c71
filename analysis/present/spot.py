"""Spot it yourself: the words a student marked in a passage set beside the detector's spans, for discussion
(where they agree, what only the detector flags, what only the student marked), never as a score."""
from __future__ import annotations

import html

import pandas as pd

from analysis.detect.lexicon import Token, tokenize
from analysis.present.glossary import CATEGORY_INFO
from analysis.present.highlight import COLOURS

SPOT_CATEGORIES = ("loaded", "hedge", "vague", "booster")
BOTH, DETECTOR, STUDENT = "You and the detector", "Only the detector", "Only you"
# status -> (CSS class, letter label shown beside the words, for readers who do not see the colours)
STATUS_STYLE = {BOTH: ("fl-both", "✓"), DETECTOR: ("fl-detector", "D"), STUDENT: ("fl-you", "Y")}
CSS = """
<style>
.fl-spot{font-family:Georgia,serif;font-size:1.1rem;line-height:2}
.fl-spot mark{background:none;color:inherit;padding:0 .15em;border-radius:3px}
.fl-spot sup{font:700 .65em/1 system-ui,sans-serif;margin-left:2px}
.fl-both{background:color-mix(in srgb,var(--c) 25%,white)!important;outline:2px solid #111}
.fl-detector{background:color-mix(in srgb,var(--c) 25%,white)!important}
.fl-you{outline:2px dashed #111}
</style>
"""


def passage(text: str, sentences: pd.DataFrame, n: int) -> tuple[int, int]:
    """Offsets (start, end) of the first n sentences of a text."""
    if sentences.empty:
        return 0, len(text)
    rows = sentences.iloc[:n]
    return int(rows["start"].iloc[0]), int(rows["end"].iloc[-1])


def passage_tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of the passage [start, end) that a student can mark, with offsets into the whole text."""
    return [t for t in tokenize(text) if start <= t.start and t.end <= end]


def _groups(indices: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in sorted(indices):
        if out and i == out[-1][-1] + 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def compare_marks(tokens: list[Token], marked: set[int], spans: pd.DataFrame,
                  categories: tuple[str, ...] = SPOT_CATEGORIES) -> pd.DataFrame:
    """One row per detector span in the passage and per run of words only the student marked: the words, who
    marked them (both, only the detector, only the student), and the detector's category and explanation."""
    lo = tokens[0].start if tokens else 0
    hi = tokens[-1].end if tokens else 0
    inside = spans[spans["category"].isin(categories) & (spans["start"] >= lo) & (spans["end"] <= hi)]
    rows, covered = [], set()
    for s in inside.sort_values("start").to_dict("records"):
        idx = [i for i, t in enumerate(tokens) if t.start < s["end"] and t.end > s["start"]]
        covered.update(idx)
        rows.append({"start": s["start"], "end": s["end"], "words": s["text"],
                     "who": BOTH if marked.intersection(idx) else DETECTOR,
                     "category": CATEGORY_INFO[s["category"]][0], "kind": s["subcategory"], "voice": s["voice"],
                     "why": s.get("note", ""), "neutral_alternative": s.get("neutral_alternative", "")})
    for group in _groups([i for i in marked if i not in covered and 0 <= i < len(tokens)]):
        first, last = tokens[group[0]], tokens[group[-1]]
        rows.append({"start": first.start, "end": last.end, "words": " ".join(tokens[i].text for i in group),
                     "who": STUDENT, "category": "", "kind": "", "voice": "",
                     "why": "The detector does not flag these words: is it missing something, or is the word "
                            "neutral here?", "neutral_alternative": ""})
    cols = ["start", "end", "words", "who", "category", "kind", "voice", "why", "neutral_alternative"]
    return pd.DataFrame(rows, columns=cols).sort_values("start", ignore_index=True)


def summary(table: pd.DataFrame) -> dict[str, int]:
    """How many spans each side marked: both, only the detector, only the student."""
    return {who: int((table["who"] == who).sum()) for who in (BOTH, DETECTOR, STUDENT)}


def render_comparison(text: str, start: int, end: int, table: pd.DataFrame, spans: pd.DataFrame) -> str:
    """The passage as escaped HTML, each compared span marked by who marked it (a style and a letter label)."""
    colour = {(int(r.start), int(r.end)): COLOURS.get(r.category, "#999")
              for r in spans[["start", "end", "category"]].itertuples()}
    out, pos = [], start
    for r in table.itertuples():
        s, e = int(r.start), int(r.end)
        if s < pos:
            continue
        cls, letter = STATUS_STYLE[r.who]
        out.append(html.escape(text[pos:s]))
        title = html.escape(f"{r.who}: {r.category or 'not flagged'} {r.kind}".strip() + (f" — {r.why}" if r.why else ""))
        out.append(f'<mark class="{cls}" style="--c:{colour.get((s, e), "#999")}" title="{title}">'
                   f'{html.escape(text[s:e])}<sup>{letter}</sup></mark>')
        pos = e
    out.append(html.escape(text[pos:end]))
    paragraphs = "".join(f"<p>{p}</p>" for p in "".join(out).split("\n\n"))
    key = " · ".join(f"<b>{letter}</b> {html.escape(who)}" for who, (_, letter) in STATUS_STYLE.items())
    return f'{CSS}<div class="fl-spot" lang="en">{paragraphs}<p style="font:0.9rem system-ui">{key}</p></div>'
