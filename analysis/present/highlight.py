"""Highlighted article HTML: every span marked with a colour, a text label and a tooltip; all text escaped."""
from __future__ import annotations

import html

import pandas as pd

from analysis.present.glossary import CATEGORY_INFO, VOICE_INFO, VOICE_WORDS

# Okabe-Ito colour-blind-safe palette; every mark also carries a letter label and a voice style.
COLOURS = {"loaded": "#D55E00", "hedge": "#0072B2", "vague": "#56B4E9", "booster": "#009E73", "attribution": "#CC79A7",
           "quote": "#E69F00"}
INLINE = ("loaded", "hedge", "vague", "booster", "attribution")

CSS = """
<style>
.fl-text{font-family:Georgia,serif;font-size:1.05rem;line-height:1.75;color:#111}
.fl-text p{margin:0 0 .8em}
.fl-mark{padding:0 .1em;border-radius:2px;cursor:help}
.fl-mark sup{font:700 .62em/1 system-ui,sans-serif;margin-left:1px;letter-spacing:.02em}
.fl-author{border-bottom:3px solid var(--c);background:color-mix(in srgb,var(--c) 22%,white)}
.fl-attributed{border-bottom:3px dotted var(--c);background:repeating-linear-gradient(135deg,color-mix(in srgb,var(--c) 14%,white) 0 4px,white 4px 7px)}
.fl-quote{border-left:3px solid #E69F00;border-right:3px solid #E69F00;padding:0 .15em;background:#fff7e6}
.fl-quote.fl-scare{border-style:dashed;background:#fffbe6}
.fl-removed{color:#6b6b6b;background:#eeeeee;text-decoration:line-through;text-decoration-color:#999}
.fl-removed-label,.fl-part-label{font:600 .7em system-ui,sans-serif;color:#444;background:#ddd;border-radius:3px;padding:0 .3em;margin-right:.3em;text-decoration:none;display:inline-block}
.fl-part{background:#f3f3f8;border-left:4px solid #666;padding:.1em .4em}
.fl-mark:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.fl-mark:focus{cursor:help}
.fl-mark:focus::after{content:attr(title);position:fixed;right:1rem;bottom:1rem;z-index:1000000;
white-space:pre-line;width:max-content;max-width:min(28em,calc(100vw - 2rem));background:#fff;color:#111;border:2px solid #333;
border-radius:4px;padding:.5em .7em;font:400 .85rem/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.fl-legend{font:0.9rem system-ui,sans-serif;display:flex;flex-wrap:wrap;gap:.4em 1em;margin:.2em 0 .6em!important;padding:0!important;list-style:none}
.fl-legend li{margin:0;padding:0}
</style>
"""


def _tooltip(row) -> str:
    name = CATEGORY_INFO.get(row["category"], (row["category"],))[0]
    voice = row["voice"]  # in the tables' words ('own voice'), then what that means
    lines = [f"{name}: {row['subcategory']}", f"Voice: {VOICE_WORDS.get(voice, voice)} ({VOICE_INFO.get(voice, '')})"]
    if row.get("speaker"):
        about = ", ".join(x for x in (row.get("affiliation"), row.get("country"), row.get("party")) if x)
        lines.append(f"Speaker: {row['speaker']} ({about})" + (", anonymous" if row.get("anonymous") else ""))
    if row.get("cue_tone") and row["category"] == "attribution":
        lines.append(f"Verb tone: {row['cue_tone']}")
    if row.get("strength") and row["category"] == "loaded":
        score = row.get("score")
        lines.append(f"Strength: {row['strength']}" + (f", model score {score:.2f}" if isinstance(score, float) and score == score else ""))
    if row.get("term"):
        lines.append(f"Lexicon entry: {row['term']}" + (f" (pack: {row['pack']})" if row.get("pack") else ""))
    if row.get("note"):
        lines.append(f"Why: {row['note']}")
    if row.get("source"):
        lines.append(f"Source: {row['source']}")
    if row.get("neutral_alternative"):
        lines.append(f"Neutral alternative: {row['neutral_alternative']}")
    return "\n".join(lines)


def _marks(spans: pd.DataFrame, categories: set[str], start_col: str, end_col: str):
    """Non-overlapping inline marks and quotation ranges, from the span table."""
    inline, quotes = [], []
    for row in spans.to_dict("records"):
        if row["category"] not in categories:
            continue
        s, e = int(row[start_col]), int(row[end_col])
        if row["category"] == "quote":
            quotes.append((s, e, row))
        elif row["category"] in INLINE:
            inline.append((s, e, row))
    inline.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    merged = []
    for s, e, row in inline:
        if merged and s < merged[-1][1]:
            if s == merged[-1][0] and e == merged[-1][1]:
                merged[-1][2].append(row)  # "claimed": attribution and loaded verb at once
            continue
        merged.append((s, e, [row]))
    return merged, sorted(quotes, key=lambda q: q[0])


def _open_mark(rows: list[dict]) -> str:
    main = rows[0] if rows[0]["category"] != "attribution" or len(rows) == 1 else rows[1]
    colour = COLOURS[main["category"]]
    voice = main["voice"]
    title = html.escape("\n\n".join(_tooltip(r) for r in rows), quote=True)
    classes = " ".join(f"fl-{r['category']}" for r in rows)
    return (f'<mark class="fl-mark fl-{voice} {classes}" style="--c:{colour}" title="{title}" tabindex="0" '
            f'aria-label="{html.escape(accessible_name(rows), quote=True)}">')


def accessible_name(rows: list[dict]) -> str:
    """What a screen reader says for a mark: its words, categories, voice and speaker (\"provocation: Loaded term,
    quoted or attributed, speaker: Lu Kang, government official, China\")."""
    main = rows[0]
    voice = "outlet's own voice" if main["voice"] == "author" else "quoted or attributed"
    name = f"{main['text']}: " if main.get("text") else ""
    name += ", ".join(CATEGORY_INFO[r["category"]][0] for r in rows) + f", {voice}"
    speaker = next((r["speaker"] for r in rows if r.get("speaker")), "")
    if speaker:
        about = ", ".join(x for x in (main.get("affiliation"), main.get("country")) if x)
        name += f", speaker: {speaker}" + (f", {about}" if about else "")
    return name


def _close_mark(rows: list[dict]) -> str:
    labels = "".join(CATEGORY_INFO[r["category"]][1] for r in rows)
    voice = "" if rows[0]["voice"] == "author" else "·q"
    return f"<sup>{labels}{voice}</sup></mark>"


def only_strong_loaded(spans: pd.DataFrame) -> pd.DataFrame:
    """The spans less the loaded terms of moderate strength (for a page that shows only strong ones)."""
    if spans.empty or "strength" not in spans.columns:
        return spans
    return spans[(spans["category"] != "loaded") | (spans["strength"] == "strong")]


def render(text: str, spans: pd.DataFrame, categories: set[str] | None = None, start_col: str = "start",
           end_col: str = "end", removed: list[tuple[int, int, str]] | None = None,
           parts: list[tuple[int, int, str]] | None = None) -> str:
    """HTML of `text` with spans marked; optional greyed removals and labelled parts; paragraphs as <p>."""
    cats = set(categories) if categories is not None else set(COLOURS)
    inline, quotes = _marks(spans, cats, start_col, end_col)
    events: dict[int, list[tuple[int, str]]] = {}

    def add(pos: int, order: int, markup: str) -> None:
        events.setdefault(pos, []).append((order, markup))
    for s, e, rows in inline:
        add(s, 3, _open_mark(rows))
        add(e, 0, _close_mark(rows))
    for s, e, row in quotes:
        scare = " fl-scare" if row["subcategory"] == "scare" else ""
        title = html.escape(_tooltip(row), quote=True)
        add(s, 2, f'<span class="fl-quote{scare}" title="{title}">')
        add(e, 1, "</span>")
    for s, e, rule in removed or []:
        add(s, 2, f'<span class="fl-removed" title="{html.escape("Removed by cleaning: " + rule, quote=True)}">'
                  f'<span class="fl-removed-label">removed: {html.escape(rule)}</span>')
        add(e, 1, "</span>")
    for s, e, kind in parts or []:
        add(s, 2, f'<span class="fl-part"><span class="fl-part-label">{html.escape(kind)}</span>')
        add(e, 1, "</span>")
    out = ['<div class="fl-text"><p>']
    pos = 0
    for cut in sorted(set(events) | {len(text)}):
        out.append(_escape_text(text[pos:cut]))
        for _, markup in sorted(events.get(cut, [])):
            out.append(markup)
        pos = cut
    out.append("</p></div>")
    return "".join(out)


def _escape_text(chunk: str) -> str:
    return html.escape(chunk).replace("\n\n", "</p><p>").replace("\n", "<br>")


def legend(categories: set[str] | None = None) -> str:
    """Legend: colour, letter label and meaning of each category, and the two voice styles."""
    cats = categories if categories is not None else set(COLOURS)
    items = []
    for cat, (name, letter, _) in CATEGORY_INFO.items():
        if cat not in cats:
            continue
        if cat == "quote":
            items.append('<span class="fl-quote">“quotation”</span> ' + name
                         + ' <span class="fl-quote fl-scare">“scare”</span> scare quotes')
        else:
            items.append(f'<mark class="fl-mark fl-author" style="--c:{COLOURS[cat]}">{name.lower()}'
                         f'<sup>{letter}</sup></mark>')
    items.append('<mark class="fl-mark fl-author" style="--c:#555">solid</mark> = outlet\'s own voice')
    items.append('<mark class="fl-mark fl-attributed" style="--c:#555">dotted<sup>·q</sup></mark> = quoted or attributed')
    return ('<ul class="fl-legend" aria-label="Highlight legend">' + "".join(f"<li>{i}</li>" for i in items)
            + "</ul>")


def removed_html(text: str) -> str:
    """Text that cleaning removed, exactly and escaped, wrapped (a code block would scroll sideways, out of a
    keyboard's reach)."""
    return (f'<pre style="white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .5rem">'
            f'{html.escape(text or "(line break)")}</pre>')
