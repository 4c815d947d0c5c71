"""Self-contained reports: an event or story as one offline HTML file (and PDF), and single highlighted articles."""
from __future__ import annotations

import datetime as dt
import html

import pandas as pd

from analysis.corpus.folder import fingerprint
from analysis.corpus.workspace import CorpusView, article_count
from analysis.detect.speakers import role_names
from analysis.measure.uncertainty import resampled, selection_intervals
from analysis.present.charts import chart_caption, grouped_features, voice_share
from analysis.present.export import ExportUnavailable, figure_image, html_to_pdf
from analysis.present.glossary import (
    CARD_FEATURES,
    CATEGORY_INFO,
    CHART_FEATURES,
    FEATURES,
    error_bars_note,
    format_value,
    heading,
    noise_sentence,
    plain_columns,
)
from analysis.present.highlight import CSS, legend, render

PAGE_CSS = """
<style>
body{font-family:system-ui,sans-serif;color:#111;max-width:1200px;margin:2em auto;padding:0 1em}
h1{font-size:1.8rem} h2{margin-top:1.6em;border-bottom:2px solid #ddd}
table{border-collapse:collapse;font-size:.9rem;margin:.5em 0} td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}
.meta{color:#555;font-size:.9rem}.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1em}
.col{border:1px solid #ccc;border-radius:4px;padding:.6em}.chart svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none}.cols{display:block}.col{break-inside:auto;margin-bottom:1em}
h2{break-after:avoid}.chart{break-inside:avoid}}
</style>
"""


def _table(df: pd.DataFrame) -> str:
    """A table headed as the pages head theirs (`heading`: 'Outlet', 'Cue tone')."""
    head = "".join(f"<th>{html.escape(heading(c))}</th>" for c in df.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r) + "</tr>" for r in df.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _chart(fig, title: str) -> str:
    """A chart as inline SVG (needs Chromium); without Chromium, its data as a table instead."""
    try:
        svg = figure_image(fig, "svg").decode("utf-8")
        return f'<figure class="chart" aria-label="{html.escape(title)}">{svg}</figure>'
    except ExportUnavailable as exc:
        return f'<p class="meta">Chart “{html.escape(title)}” not drawn: {html.escape(str(exc))}</p>'


def selection_label(view: CorpusView, selection: str) -> str:
    """The selection's label ('2017-07-07: ... (2 articles)')."""
    opts = view.selection_options()
    if selection not in opts:
        raise KeyError(f"unknown event or story {selection!r}; known: {', '.join(opts)}")
    return opts[selection]


def event_report_html(view: CorpusView, selection: str, outlets: list[str] | None = None,
                      generated: dt.datetime | None = None) -> str:
    """One offline HTML page for an event or story: features, charts, texts side by side, sources, method."""
    label = selection_label(view, selection)
    ids = view.articles_in(selection)
    if outlets:
        ids = [a for a in ids if view.outlet_of(a) in outlets]
    table = view.outlet_table(ids, sorted({view.outlet_of(a) for a in ids}))
    names = view.outlet_names
    generated = generated or dt.datetime.now()
    when = generated.strftime("%Y-%m-%d %H:%M")
    lexicon = view.lexicon_version
    caption = chart_caption(len(ids), view.selection_name(selection), lexicon, generated.date())
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Framing Lens report: {html.escape(label)}"
             f"</title>{PAGE_CSS}{CSS}</head><body>",
             f"<h1>Framing Lens report</h1><p><b>{html.escape(label)}</b></p>",
             f"<p class='meta'>Generated {when} · lexicon version {html.escape(lexicon)} · corpus fingerprint "
             f"{fingerprint(view.corpus.path)} · {article_count(len(ids))}</p>"]
    if table.empty:
        parts.append("<p>No article covers this selection.</p></body></html>")
        return "".join(parts)
    feats = plain_columns(pd.DataFrame({"outlet": [names.get(o, o) for o in table["outlet"]],
                                        "articles": table["articles"], "words": table["words"].round().astype(int)}))
    for f in CARD_FEATURES:
        feats[f"{FEATURES[f].label} ({FEATURES[f].unit})"] = [format_value(f, v) for v in table[f]]
    intervals = selection_intervals(view, ids, CHART_FEATURES)  # the Compare page's error bars and noise sentence
    parts += ["<h2>Features by outlet</h2>", _table(feats),
              "<h2>Charts</h2>", _chart(grouped_features(table, CHART_FEATURES, names, caption, intervals),
                                        "Framing features by outlet"),
              f"<p class='meta'>{html.escape(error_bars_note(resampled(ids)))}</p>",
              "".join(f"<p>{html.escape(n)}</p>" for n in [noise_sentence(intervals, CHART_FEATURES)] if n),
              _chart(voice_share(table, names, list(role_names()), caption), "Share of attributed words by speaker's role"),
              "<h2>The articles, highlighted</h2>", legend(), "<div class='cols'>"]
    for aid in ids:
        aa = view.analyses[aid]
        name = names[aa.article.outlet]
        parts.append(f"<div class='col'><h3>{html.escape(name)}</h3><p class='meta'>{html.escape(aa.article.date)} · "
                     f"{html.escape(aa.display_title(name))}</p>{render(aa.body.text, aa.body.spans)}</div>")
    parts.append("</div>")
    att = view.spans_of(ids, part="body", categories=["attribution"])
    sources = pd.DataFrame({"outlet": att["outlet"].map(names), "speaker": att["speaker"], "role": att["affiliation"],
                            "country": att["country"], "party": att["party"],
                            "cue": att["text"], "cue tone": att["cue_tone"],
                            "form": att["direct"].map({True: "direct", False: "indirect"}), "anonymous": att["anonymous"]})
    parts += ["<h2>Who is quoted or paraphrased</h2>", _table(sources), "<h2>Method</h2>", method_notes(), "</body></html>"]
    return "".join(parts)


def method_notes() -> str:
    """Plain-language notes on what the highlights and numbers mean, for reports."""
    items = "".join(f"<li><b>{html.escape(n)} [{letter}]</b>: {html.escape(t)}</li>" for n, letter, t in CATEGORY_INFO.values())
    feats = "".join(f"<li><b>{html.escape(f.label)}</b> ({html.escape(f.unit)}): {html.escape(f.explanation)}</li>"
                    for f in FEATURES.values())
    return (f"<ul>{items}</ul><p>Solid underline: the outlet's own voice. Dotted, hatched (·q): quoted or attributed to "
            f"a speaker. Rates are pooled over an outlet's articles: all matching words ÷ all words × 1,000.</p><ul>{feats}</ul>"
            "<p>Word lists miss irony and framing by choice of facts; speakers are found by rules; a few articles prove "
            "little. There is no single bias score.</p>")


def article_html(view: CorpusView, article_id: str, categories: set[str] | None = None) -> str:
    """One highlighted article with its legend, as a stand-alone page for a worksheet."""
    aa = view.analyses[article_id]
    name = view.outlet_names[aa.article.outlet]
    title = aa.display_title(name)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"{PAGE_CSS}{CSS}</head><body><h1>{html.escape(name)}</h1><p class='meta'>{html.escape(aa.article.date)} · "
            f"{html.escape(title)}</p>{legend(categories)}{render(aa.body.text, aa.body.spans, categories)}"
            f"<h2>Method</h2>{method_notes()}</body></html>")


def event_report_pdf(view: CorpusView, selection: str, outlets: list[str] | None = None) -> bytes:
    """The event report printed to PDF by headless Chromium."""
    return html_to_pdf(event_report_html(view, selection, outlets))
