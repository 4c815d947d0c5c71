"""Colour and text alternatives without a browser: highlight contrast, palettes under colour-vision deficiency,
charts readable without colour, and charts as text with the same numbers."""
import itertools
import re

import pandas as pd
import pytest

from analysis import analyze_text
from analysis.corpus.workspace import build_view
from analysis.detect.speakers import load_roles
from analysis.present.chart_text import chart_summary, chart_table, chart_table_html
from analysis.present.charts import (
    OUTLET_COLOURS,
    OUTLINE,
    OWN_VOICE_LOOK,
    feature_bars,
    grouped_features,
    share_by,
    voice_share,
    who_targets_whom,
)
from analysis.present.glossary import CHART_FEATURES
from analysis.present.highlight import COLOURS, CSS, accessible_name, render
from analysis.present.timeline import attention_over_time

STORY = "story:us-bomber-shows-of-force-east-asia"
TEXT_COLOUR = "#111111"  # .fl-text
# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
SIMULATIONS = {
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
}


def rgb(hex_colour: str) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i:i + 2], 16) for i in (0, 2, 4)]


def linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: list[float]) -> float:
    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    """WCAG 2.1 contrast ratio."""
    lo, hi = sorted((luminance(a), luminance(b)))
    return (hi + 0.05) / (lo + 0.05)


def mix_with_white(hex_colour: str, share: float) -> list[float]:
    """CSS color-mix(in srgb, colour share%, white)."""
    return [share * c + (1 - share) * 255 for c in rgb(hex_colour)]


def lab(lin: list[float]) -> tuple[float, float, float]:
    """CIELAB (D65) of a linear RGB colour."""
    r, g, b = lin
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen_with(hex_colour: str, matrix) -> tuple[float, float, float]:
    lin = [linear(c) for c in rgb(hex_colour)]
    return lab([min(1.0, max(0.0, sum(m * v for m, v in zip(row, lin)))) for row in matrix])


def test_every_highlight_keeps_its_text_at_aa_contrast():
    shares = [float(s) / 100 for s in re.findall(r"color-mix\(in srgb,var\(--c\) (\d+)%,white\)", CSS)]
    assert shares  # own voice (solid) and quoted (hatched) backgrounds
    for category, colour in COLOURS.items():
        for share in shares:
            assert contrast(rgb(TEXT_COLOUR), mix_with_white(colour, share)) >= 4.5, (category, share)
    for text, background in re.findall(r"color:(#[0-9a-f]{6});background:(#[0-9a-f]{6})", CSS):
        assert contrast(rgb(text), rgb(background)) >= 4.5, (text, background)


@pytest.mark.parametrize("simulation", list(SIMULATIONS))
@pytest.mark.parametrize("palette", ["categories", "outlets", "roles"])
def test_palettes_stay_apart_for_deuteranopia_and_protanopia(simulation, palette):
    """Okabe-Ito colours: every two used together stay at least 15 CIELAB units apart (2.3 is just noticeable)."""
    colours = {"categories": list(COLOURS.values()), "outlets": OUTLET_COLOURS,
               "roles": list(dict.fromkeys([*(r.colour for r in load_roles()), OWN_VOICE_LOOK["color"]]))}[palette]
    for a, b in itertools.combinations(colours, 2):
        pa, pb = seen_with(a, SIMULATIONS[simulation]), seen_with(b, SIMULATIONS[simulation])
        assert sum((x - y) ** 2 for x, y in zip(pa, pb)) ** 0.5 >= 15, (a, b)


@pytest.fixture(scope="module")
def story(corpus, analyses):
    view = build_view(corpus, analyses)
    ids = view.articles_in(STORY)
    return view, view.outlet_table(ids, ["cnn", "japantimes", "wsws"])


def test_charts_with_several_series_tell_them_apart_without_colour(story):
    view, table = story
    roles = [r.name for r in load_roles()]
    for fig in (grouped_features(table, CHART_FEATURES, view.outlet_names), voice_share(table, view.outlet_names, roles)):
        patterns = [t.marker.pattern.shape for t in fig.data]
        assert len(set(patterns[:8])) == min(8, len(patterns)), patterns
        assert all(t.name for t in fig.data)  # and each has a legend entry


def test_lines_over_time_tell_the_outlets_apart_without_colour():
    outlets = [f"o{i}" for i in range(8)]
    table = pd.DataFrame([{"outlet": o, "period": pd.Timestamp("2017-07-03") + pd.Timedelta(weeks=w), "articles": w + 1,
                           "loaded_per_1k": 2.0 * w} for o in outlets for w in range(3)])
    fig = attention_over_time(table, {o: o.upper() for o in outlets}, "week")
    looks = {(t.legendgroup, t.line.dash, t.marker.symbol) for t in fig.data}
    assert len({(dash, symbol) for _, dash, symbol in looks}) == len(outlets), looks
    assert all(t.marker.line.color == OUTLINE for t in fig.data)  # markers outlined at 3:1 whatever their fill
    sizes = [t.marker.size for t in fig.data if t.showlegend]
    assert sizes[0] > sizes[1] > sizes[2]  # where two outlets share a value both markers show


def test_a_chart_as_text_has_the_same_numbers_as_the_chart(story):
    view, table = story
    fig = grouped_features(table, CHART_FEATURES, view.outlet_names)
    numbers = chart_table(fig)
    assert len(numbers) == len(table) * len(CHART_FEATURES)
    wsws = numbers[(numbers["series"] == "World Socialist Web Site")]
    assert list(wsws["value"]) == [float(table.loc[table["outlet"] == "wsws", f].iloc[0]) for f in CHART_FEATURES]
    summary = chart_summary(fig)
    top = numbers.loc[numbers["value"].idxmax()]
    assert summary.startswith(f"Framing features by outlet. Bar chart of {len(numbers)} bars: Rate (per 1,000 words) "
                              "by feature, one series each for CNN, The Japan Times, World Socialist Web Site.")
    assert f"Highest: {top['category']} ({top['series']}), {top['value']:.2f}" in summary
    html = chart_table_html(fig, link=lambda custom: f"?why={custom[0]}&number={custom[1]}")
    assert html.count("<tr>") == len(numbers) + 1 and '<th scope="col">' in html
    assert 'href="?why=wsws&amp;number=loaded_author_per_1k"' in html


def test_a_share_drawn_as_a_percentage_is_written_as_one_in_the_chart_as_text():
    import pandas as pd
    shares = pd.DataFrame({"outlet": ["x", "x"], "value": ["Republican", "Democratic"], "share": [0.78, 0.22]})
    fig = share_by(shares, {"x": "X"}, "party")
    assert "78%" in chart_table_html(fig) and "0.78" not in chart_table_html(fig)
    assert "Highest: X (Republican), 78%." in chart_summary(fig)


def test_a_share_chart_with_more_values_than_colours_sums_the_smallest_as_other():
    import pandas as pd
    values = [f"Country {k}" for k in range(12)]
    shares = pd.DataFrame({"outlet": "x", "value": values, "share": [(12 - k) / 78 for k in range(12)]})
    fig = share_by(shares, {"x": "X"}, "country")
    looks = [(t.marker.color, t.marker.pattern.shape) for t in fig.data]
    assert len(looks) == len(OUTLET_COLOURS) and len(set(looks)) == len(looks)
    assert [t.name for t in fig.data][-1] == "Other (5 values)" and abs(sum(t.y[0] for t in fig.data) - 1) < 1e-9


def test_a_chart_as_text_escapes_outlet_names():
    import pandas as pd
    table = pd.DataFrame({"outlet": ["x"], "loaded_per_1k": [1.0]})
    html = chart_table_html(feature_bars(table, "loaded_per_1k", {"x": "<b>Evil</b> & Co"}))
    assert "<b>" not in html and "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in html


def test_a_highlight_s_accessible_name_says_category_voice_and_speaker():
    a = analyze_text("North Korea called the drills “provocative,” a US military official said.")
    marks = dict(re.findall(r'aria-label="([^"]*)">([^<]*)', render(a.text, a.spans)))
    names = {text: label for label, text in marks.items()}
    assert names["provocative"] == ("provocative: Loaded term, quoted or attributed, speaker: North Korea, "
                                    "government official, North Korea")
    row = a.spans[a.spans["text"] == "said"].iloc[0].to_dict()
    assert accessible_name([row]).startswith("said: Attribution, outlet's own voice, speaker: a US military official")


def aimed(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """A targets table (as `naming.targets` gives, with outlet) from (outlet, voice, affiliation, target) rows."""
    return pd.DataFrame([{"outlet": o, "voice": v, "affiliation": a, "target": t, "term": "disgrace"}
                         for o, v, a, t in rows])


def test_who_calls_whom_gives_every_role_and_the_outlet_its_own_look():
    roles = [r.name for r in load_roles()]
    fig = who_targets_whom(aimed([("x", "author", "(the outlet)", "Trump")] +
                                 [("x", "quoted", r, "Trump") for r in roles]), {"x": "X"})
    looks = {t.name: (t.marker.color, t.marker.pattern.shape) for t in fig.data}
    assert list(looks) == ["the outlet itself"] + [f"quoted: {r}" for r in roles]
    assert len(set(looks.values())) == len(roles) + 1, looks  # no two legend entries alike (before: 8 looks cycled)


def test_who_calls_whom_counts_in_whole_numbers_and_shows_the_top_pairs():
    fig = who_targets_whom(aimed([("x", "author", "", "Trump")]), {"x": "X"}, "Framing Lens")
    assert (fig.layout.xaxis.tick0, fig.layout.xaxis.dtick) == (0, 1)  # one term: ticks 0, 1, not 0, 0.2, ...
    rows = [("x", "author", "", f"Actor {k}") for k in range(40) for _ in range(k + 1)]
    fig = who_targets_whom(aimed(rows), {"x": "X"}, "Framing Lens")
    shown = list(fig.layout.yaxis.categoryarray)
    assert len(shown) == 25 and shown[-1] == "X → Actor 39" and shown[0] == "X → Actor 15"  # most at the top
    assert fig.layout.xaxis.dtick == 5  # up to 40 terms: 0, 5, ..., 40
    assert "the 25 outlet → actor pairs with the most loaded terms; 15 more pairs in the table and its CSV" in \
        fig.layout.meta["layout"]["caption"]
