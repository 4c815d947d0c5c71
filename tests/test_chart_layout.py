"""Exported charts laid out for print: every chart the dashboard exports, rendered to SVG by kaleido and measured
in Chromium, has no two text boxes overlapping, no text outside the image and no value label under an error bar."""
import datetime as dt
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.corpus.workspace import build_view
from analysis.detect.speakers import role_names
from analysis.measure.compare import attributed_shares
from analysis.measure.distinctive import count_words, distinctive
from analysis.measure.naming import targets
from analysis.measure.uncertainty import outlet_intervals
from analysis.present import charts
from analysis.present.export import chromium_path, figure_image
from analysis.present.glossary import CARD_FEATURES, CHART_FEATURES
from analysis.present.timeline import attention_over_time
from tests.browser import ARTIFACTS, overlap

STORY = "story:us-bomber-shows-of-force-east-asia"
OUTLETS = ["cnn", "japantimes", "wsws"]
pytestmark = pytest.mark.skipif(chromium_path() is None, reason="kaleido needs Chromium")

# Each <text> element's box in the rendered SVG (a label with <br> is one text with several lines), and the boxes
# of the error bars; plotly's clip paths and hidden texts are left out.
BOXES = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const texts = [...document.querySelectorAll('svg text')].filter(t => t.textContent.trim()
      && getComputedStyle(t).opacity !== '0' && t.getBoundingClientRect().width > 0)
      .map(t => ({text: (t.querySelectorAll('tspan.line').length ? [...t.querySelectorAll('tspan.line')]
                         .map(l => l.textContent).join(' ') : t.textContent).trim(), cls: t.getAttribute('class') || '', box: box(t)}));
  const bars = [...document.querySelectorAll('g.errorbar path')].map(box).filter(b => b[2] > b[0] || b[3] > b[1]);
  const svg = document.querySelector('svg').getBoundingClientRect();
  const marks = [...document.querySelectorAll('g.trace.bars g.point path, g.trace.scatter g.points path.point')]
      .map(m => { const s = getComputedStyle(m); return {fill: s.fill, stroke: s.stroke, width: parseFloat(s.strokeWidth)}; });
  return {texts, bars, marks, size: [svg.width, svg.height]};
}"""


@pytest.fixture(scope="module")
def view(corpus, analyses):
    return build_view(corpus, analyses)


@pytest.fixture(scope="module")
def figures(view):
    """Every chart the pages export, built from the seed story as the pages build them."""
    ids = view.articles_in(STORY)
    table = view.outlet_table(ids, OUTLETS)
    # a long event title, as real events have: the caption wraps instead of running off the image
    names = view.outlet_names
    cap = charts.chart_caption(len(ids), "2017-11-17: Trump reverses decision to allow import of elephant trophies",
                               "0cd5c89f8f39", dt.date(2026, 12, 3))
    intervals = outlet_intervals(view.analyses, ids, list(dict.fromkeys(CHART_FEATURES + CARD_FEATURES)))
    spans = view.spans[view.spans["article_id"].isin(ids)]
    groups = {a: view.analyses[a].article.outlet for a in ids}
    counts = count_words([view.analyses[a].body.text for a in ids], list(groups.values()))
    aimed = pd.concat([targets(view.analyses[a].body.text, view.analyses[a].body.spans,
                               view.analyses[a].body.sentences).assign(outlet=groups[a], article_id=a) for a in ids])
    terms = pd.DataFrame({"outlet": OUTLETS, "n": [3, 1, 2], "per_1k": [1.61, 0.95, 4.02]})
    figs = {"grouped": charts.grouped_features(table, CHART_FEATURES, names, cap, intervals),
            "voice-share": charts.voice_share(table, names, list(role_names()), cap),
            "share-by-country": charts.share_by(attributed_shares(spans, "country"), names, "country", cap),
            "terms": charts.term_counts(terms, names, "provocat*", cap),
            "distinctive": charts.distinctive_words(distinctive(counts, "wsws"), names["wsws"], 3.1, cap),
            "who-calls-whom": charts.who_targets_whom(aimed, names, cap)}
    weeks = pd.to_datetime(["2017-06-19", "2017-06-26", "2017-07-03", "2017-07-10"])
    attention = pd.DataFrame([{"outlet": o, "period": w, "articles": (i + k) % 3 + 1, "loaded_per_1k": 4.0 + i * k}
                              for i, o in enumerate(OUTLETS) for k, w in enumerate(weeks)])
    figs["attention-over-time"] = attention_over_time(attention, names, "week", cap)
    figs |= {f"feature-{f}": charts.feature_bars(table, f, names, cap, intervals) for f in CARD_FEATURES}
    return figs


def _measure(figures: dict, browser, prefix: str) -> dict:
    """Each figure rendered to SVG by kaleido (kept in the test artifacts) and its text and mark boxes measured."""
    page = browser.new_page()
    ARTIFACTS.mkdir(exist_ok=True)
    out = {}
    for name, fig in figures.items():
        svg = figure_image(fig, "svg").decode()
        (ARTIFACTS / f"{prefix}-{name}.svg").write_text(svg)
        page.set_content(f"<html><body style='margin:0'>{svg}</body></html>")
        out[name] = page.evaluate(BOXES)
    page.close()
    return out


@pytest.fixture(scope="module")
def measured(figures, browser):
    return _measure(figures, browser, "chart")


@pytest.fixture(scope="module")
def phone_measured(figures, browser):
    """Every chart as a phone shows it: laid out for, and drawn at, a phone's width."""
    return _measure({name: charts.for_width(fig, charts.PHONE_WIDTH).update_layout(width=charts.PHONE_WIDTH)
                     for name, fig in figures.items()}, browser, "phone-chart")


def _contrast_with_white(css_rgb: str) -> float:
    """WCAG 2.1 contrast of a CSS rgb(...) colour against white (1 for none, a pattern or a gradient)."""
    if not css_rgb.startswith("rgb"):
        return 1.0
    channels = [float(c) / 255 for c in re.findall(r"[\d.]+", css_rgb)[:3]]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_every_bar_and_marker_stands_out_from_the_white_background_at_3_to_1(measured):
    """WCAG 2.1 1.4.11 (non-text contrast): a bar or marker is told from the background by its fill or its outline."""
    weak = {}
    for name, m in measured.items():
        assert m["marks"], name
        bad = [mark for mark in m["marks"] if _contrast_with_white(mark["fill"]) < 3
               and not (mark["width"] >= 1 and mark["stroke"] != "none" and _contrast_with_white(mark["stroke"]) >= 3)]
        if bad:
            weak[name] = bad[:3]
    assert not weak, weak


@pytest.mark.parametrize("which", ["measured", "phone_measured"])
def test_no_two_text_boxes_overlap_in_any_exported_chart(which, request):
    clashes = {}
    for name, m in request.getfixturevalue(which).items():
        t = m["texts"]
        bad = [(a["text"], b["text"]) for i, a in enumerate(t) for b in t[i + 1:] if overlap(a["box"], b["box"])]
        if bad:
            clashes[name] = bad
    assert not clashes, clashes


@pytest.mark.parametrize("which", ["measured", "phone_measured"])
def test_every_text_lies_inside_the_image(which, request):
    measured = request.getfixturevalue(which)
    outside = {name: [t["text"] for t in m["texts"] if t["box"][0] < -0.5 or t["box"][1] < -0.5
                      or t["box"][2] > m["size"][0] + 0.5 or t["box"][3] > m["size"][1] + 0.5]
               for name, m in measured.items()}
    assert not any(outside.values()), {n: [(t["text"], t["box"]) for t in m["texts"] if t["text"] in outside[n]]
                                       for n, m in measured.items() if outside[n]}


def test_category_labels_stand_horizontally_in_full(figures, measured):
    for name, fig in figures.items():
        assert fig.layout.xaxis.tickangle == 0, name
    shown = " ".join(t["text"] for t in measured["grouped"]["texts"])
    assert "outlet's own voice" in shown and "in quotes or attributed" in shown


def test_value_labels_sit_clear_of_the_error_bars_and_read_in_the_axis_unit(figures, measured):
    for name in [n for n in measured if n.startswith("feature-")]:
        m = measured[name]
        labels = {a.text for a in figures[name].layout.annotations if a.name == "value"}
        values = [t for t in m["texts"] if "annotation-text" in t["cls"] and t["text"] in labels]
        assert len(values) == 3, (name, [t["text"] for t in m["texts"]])
        under = [v["text"] for v in values for bar in m["bars"] if overlap(v["box"], bar)]
        assert not under, (name, under)
    terms = figures["terms"]
    shown = [a.text for a in terms.layout.annotations if a.name == "value"]
    assert shown == ["1.61", "0.95", "4.02"]  # the bar's value per 1,000 words, as on the axis
    assert "per 1,000 words" in terms.layout.yaxis.title.text
    assert any("3 times" in str(x) for x in terms.data[0].x)  # counts go with the outlet's name


SIX = {"fox": "Fox News", "huffpost": "HuffPost", "nyt": "The New York Times", "cnn": "CNN", "jt": "The Japan Times",
       "wsws": "World Socialist Web Site"}
LEGEND_BOXES = """() => {
  const boxes = s => [...document.querySelectorAll(s)].map(e => { const r = e.getBoundingClientRect();
                                                                  return [r.left, r.top, r.right, r.bottom]; });
  return {title: boxes('.gtitle'), legend: boxes('.legend .legendtext'), ticks: boxes('.ytick text')};
}"""


@pytest.mark.parametrize("width", [400, 1400])
def test_the_legend_sits_under_the_caption_and_right_over_the_plot_at_any_drawn_width(width, browser):
    """The print layout drawn narrower or wider than the export width (a narrow window, a tablet, a wide screen):
    six outlets' legend never runs over the title or caption, and leaves no blank band over the plot."""
    table = pd.DataFrame({"outlet": list(SIX), **{f: [1.0, 2, 3, 4, 5, 6] for f in CHART_FEATURES}})
    cap = charts.chart_caption(6, "2010-12-12: Michael Steele about to announce whether he'll run again for RNC "
                               "chairman", "39529c14d7bf", dt.date(2026, 12, 7))
    fig = charts.grouped_features(table, CHART_FEATURES, SIX, cap)
    svg = figure_image(go.Figure(fig).update_layout(width=width), "svg").decode()
    (ARTIFACTS / f"chart-legend-at-{width}.svg").write_text(svg)
    page = browser.new_page()
    page.set_content(f"<html><body style='margin:0'>{svg}</body></html>")
    m = page.evaluate(LEGEND_BOXES)
    page.close()
    assert m["title"] and m["legend"] and m["ticks"]
    caption_foot, legend_top, legend_foot = max(b[3] for b in m["title"]), min(b[1] for b in m["legend"]), \
        max(b[3] for b in m["legend"])
    assert not [(t, leg) for t in m["title"] for leg in m["legend"] if overlap(t, leg)]
    assert 0 <= legend_top - caption_foot < 30  # no blank band where the export width needed a second row
    assert min(b[1] for b in m["ticks"]) >= legend_foot  # the plot starts under the legend's last row
