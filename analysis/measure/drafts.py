"""Draft check: what a second version of a text adds or removes in framing, feature by feature and phrase by phrase."""
from __future__ import annotations

import difflib
import html
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from analysis.detect.lexicon import FRAMING, Lexicon
from analysis.detect.spans import Analysis, analyze_text

DELTA_FEATURES = [
    ("loaded_per_1k", "rate"), ("loaded_author_per_1k", "rate"), ("loaded_attributed_per_1k", "rate"),
    ("loaded_n", "count"), ("hedge_n", "count"), ("vague_n", "count"), ("booster_n", "count"), ("attribution_n", "count"),
    ("attribution_density", "rate"), ("attribution_anonymous_n", "count"), ("attribution_loaded_cue_n", "count"),
    ("quote_share", "rate"),
    ("flesch_kincaid_grade", "rate"), ("tone_mean_compound", "rate"), ("words", "count"),
]
# Under this many words a rate per 1,000 words says little ('0 -> 200' for one word in one sentence): counts instead.
SHORT_TEXT_WORDS = 200
SHORT_COUNTS = {"loaded_per_1k": "loaded_n", "loaded_author_per_1k": "loaded_author_n",
                "loaded_attributed_per_1k": "loaded_attributed_n"}
DECIMALS = {"count": 0, "tone_mean_compound": 2}  # everything else: one decimal, as shown on the page
TOKEN_RE = re.compile(r"\s+|\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class DraftComparison:
    """Two analysed versions with their feature deltas, changed flagged phrases and word diff."""
    a: Analysis
    b: Analysis
    deltas: pd.DataFrame
    phrases: pd.DataFrame
    diff: list[tuple[str, str]]


def compare_drafts(text_a: str, text_b: str, lexicon: Lexicon | None = None) -> DraftComparison:
    """Analyse both versions and say what B changes relative to A."""
    a, b = analyze_text(text_a, lexicon), analyze_text(text_b, lexicon)
    return DraftComparison(a, b, feature_deltas(a, b), phrase_changes(a, b), word_diff(text_a, text_b))


def feature_deltas(a: Analysis, b: Analysis) -> pd.DataFrame:
    """One row per feature: its kind (count or rate), value in A, in B, and the change, rounded as shown; counts
    instead of rates per 1,000 words when either text is shorter than SHORT_TEXT_WORDS."""
    short = min(float(a.features.get("words", 0)), float(b.features.get("words", 0))) < SHORT_TEXT_WORDS
    rows, seen = [], set()
    for name, kind in DELTA_FEATURES:
        if short and name in SHORT_COUNTS:
            name, kind = SHORT_COUNTS[name], "count"
        if name in seen:
            continue
        seen.add(name)
        digits = DECIMALS.get(kind, DECIMALS.get(name, 1))
        va, vb = (round(float(x.features.get(name, 0)), digits) for x in (a, b))
        rows.append({"feature": name, "kind": kind, "A": va, "B": vb, "change": round(vb - va, digits)})
    return pd.DataFrame(rows)


def _flagged_spans(spans: pd.DataFrame) -> pd.DataFrame:
    """Framing spans and attributions with a verb of saying that is not neutral ('claimed', 'blasted')."""
    return spans[spans["category"].isin(FRAMING)
                 | ((spans["category"] == "attribution") & spans["cue_tone"].notna() & (spans["cue_tone"] != "neutral"))]


def _flagged(an: Analysis) -> Counter:
    df = _flagged_spans(an.spans)
    return Counter(zip(df["text"].str.lower(), df["category"], df["subcategory"], df["voice"]))


def phrase_changes(a: Analysis, b: Analysis) -> pd.DataFrame:
    """Flagged phrases that B adds or removes (by count), with category, explanation and neutral alternative; a verb
    of saying counts when it is not neutral ('said' -> 'claimed')."""
    ca, cb = _flagged(a), _flagged(b)
    info = _flagged_spans(pd.concat([a.spans, b.spans])).assign(key=lambda d: d["text"].str.lower())
    info = info.drop_duplicates(["key", "category"]).set_index(["key", "category"])
    rows = []
    for change, counter in (("added", cb - ca), ("removed", ca - cb)):
        for (text, cat, sub, voice), n in sorted(counter.items()):
            entry = info.loc[(text, cat)]
            rows.append({"change": change, "phrase": text, "times": n, "category": cat, "subcategory": sub,
                         "voice": voice, "explanation": entry["note"], "neutral_alternative": entry["neutral_alternative"],
                         "source": entry["source"]})
    return pd.DataFrame(rows, columns=["change", "phrase", "times", "category", "subcategory", "voice", "explanation",
                                       "neutral_alternative", "source"])


def word_diff(text_a: str, text_b: str) -> list[tuple[str, str]]:
    """(op, text) pieces: 'equal', 'delete' (only in A) or 'insert' (only in B), word by word."""
    ta, tb = TOKEN_RE.findall(text_a), TOKEN_RE.findall(text_b)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", "".join(ta[i1:i2])))
        else:
            if i2 > i1:
                out.append(("delete", "".join(ta[i1:i2])))
            if j2 > j1:
                out.append(("insert", "".join(tb[j1:j2])))
    return out


DIFF_CSS = """<style>
.fl-diff{font-family:Georgia,serif;font-size:1.02rem;line-height:1.7;white-space:pre-wrap}
.fl-diff del{background:#fde2e1;color:#7a1c14;text-decoration:line-through}
.fl-diff ins{background:#dff3e4;color:#0d4a1f;text-decoration:underline;text-decoration-thickness:2px}
.fl-diff del::before{content:"[−";font:700 .75em system-ui,sans-serif}
.fl-diff del::after,.fl-diff ins::after{content:"]";font:700 .75em system-ui,sans-serif}
.fl-diff ins::before{content:"[+";font:700 .75em system-ui,sans-serif}
</style>"""


def diff_html(diff: list[tuple[str, str]]) -> str:
    """The word diff as escaped HTML: deletions struck through and marked [−…], insertions underlined [+…]."""
    tags = {"delete": "del", "insert": "ins"}
    parts = [f"<{tags[op]}>{html.escape(t)}</{tags[op]}>" if op in tags else html.escape(t) for op, t in diff]
    return DIFF_CSS + '<div class="fl-diff">' + "".join(parts) + "</div>"
