"""Export bytes built by pure functions: images, tables, reports; and what happens without Chromium."""
import html
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from PIL import Image

from analysis.corpus.workspace import build_view
from analysis.present import export
from analysis.present.charts import grouped_features
from analysis.present.glossary import CHART_FEATURES
from analysis.present.report import article_html, event_report_html, event_report_pdf
from tests.support import ROOT, WSWS, app

EVENT = "e2-2017-07-07-b1-korea-icbm"
STORY = "story:us-bomber-shows-of-force-east-asia"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def view(corpus, analyses):
    return build_view(corpus, analyses)


@pytest.fixture(scope="module")
def figure(view):
    ids = view.articles_in(STORY)
    table = view.outlet_table(ids, ["cnn", "japantimes", "wsws"])
    return grouped_features(table, CHART_FEATURES, view.outlet_names, "Framing Lens · 5 article(s) · test caption")


def test_png_is_print_resolution_and_not_blank(figure):
    img = Image.open(io.BytesIO(export.figure_image(figure, "png")))
    assert img.width >= 2000  # 3x the 700-pixel default width
    colours = img.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50


def test_svg_parses_and_has_outlets_axis_title_and_caption(figure):
    svg = export.figure_image(figure, "svg").decode()
    ET.fromstring(svg)
    for text in ("CNN", "The Japan Times", "World Socialist Web Site", "Rate (per 1,000 words)", "test caption",
                 "Framing features by outlet"):
        assert text in svg, text


def test_pdf_chart_has_one_page(figure):
    data = export.figure_image(figure, "pdf")
    assert data.startswith(b"%PDF") and export.pdf_pages(data) == 1


def test_offline_html_chart_embeds_plotly(figure):
    html = export.figure_html(figure, "chart").decode()
    assert "Plotly.newPlot" in html and len(html) > 1_000_000
    assert not EXTERNAL.search(html.split("</script>")[-1])  # nothing outside the embedded library loads from a URL
    assert not re.search(r"<script[^>]+src=", html)


def test_csv_and_xlsx_equal_the_table_shown():
    df = pd.DataFrame({"outlet": ["CNN", "WSWS"], "Loaded terms (per 1,000 words)": [4.6154, 21.2551],
                       "said": ["“provocative,” he said", "naïve"]})
    back = pd.read_csv(io.BytesIO(export.table_csv(df)), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(back, df)
    book = pd.read_excel(io.BytesIO(export.table_xlsx(df, {"outlet": "News outlet"})), sheet_name=None)
    pd.testing.assert_frame_equal(book["data"], df)
    assert list(book["columns"]["column"]) == list(df.columns)
    assert book["columns"]["meaning"][0] == "News outlet"
    assert "about" not in book
    about = pd.read_excel(io.BytesIO(export.table_xlsx(df, about={"lexicon version": "84959af8c694"})), sheet_name="about")
    assert about.to_dict("records") == [{"item": "lexicon version", "value": "84959af8c694"}]


def test_report_html_is_self_contained_with_every_outlet_and_chart(view):
    html = event_report_html(view, STORY)
    for name in ("CNN", "The Japan Times", "World Socialist Web Site"):
        assert name in html
    assert html.count("<figure class=\"chart\"") == 2 and html.count("<svg") >= 2
    assert not EXTERNAL.search(html)
    assert "lexicon version" in html and "corpus fingerprint" in html and "Generated" in html
    assert html.count("class='col'") == 5 and "fl-loaded" in html and "Who is quoted" in html
    assert "@media print" in html


def test_report_tables_head_their_columns_as_the_pages_do(view):
    """The report's tables, like the pages': every heading with a capital, a word count not headed 'words'."""
    heads = re.findall(r"<th>(.*?)</th>", event_report_html(view, STORY))
    assert {"Outlet", "Articles", "Word count", "Speaker", "Cue tone"} <= set(heads)
    assert not [h for h in heads if h[:1].islower()]


def test_report_draws_the_compare_pages_error_bars_and_within_noise_sentence(view):
    report = event_report_html(view, STORY)
    page = [c.value for c in app({"event": STORY}).caption]
    noise = [c for c in page if c.startswith("Within noise")]
    assert noise and f"<p>{html.escape(noise[0])}</p>" in report  # the page's sentence, word for word
    bars = next(c for c in page if "Error bars" in c).split(". ")[1] + "."
    assert bars == "Error bars: 95% bootstrap intervals (sentences resampled 1,000 times)." and bars in report
    assert report.count('class="errorbar"') == 3 * len(CHART_FEATURES)  # every bar of the overview (before: none)


def test_report_pdf_prints_every_page(view):
    data = event_report_pdf(view, EVENT)
    assert data.startswith(b"%PDF") and export.pdf_pages(data) >= 3


def test_article_worksheet_html(view):
    html = article_html(view, WSWS, {"loaded"})
    assert "fl-loaded" in html and "fl-hedge" not in html and "fl-legend" in html and not EXTERNAL.search(html)


def test_without_chromium_images_explain_and_html_still_works(view, figure, monkeypatch):
    monkeypatch.setattr(export, "chromium_path", lambda: None)
    monkeypatch.setattr(export, "_server_started", False)
    with pytest.raises(export.ExportUnavailable, match="apt-get install chromium"):
        export.figure_image(figure, "png")
    with pytest.raises(export.ExportUnavailable):
        export.html_to_pdf("<p>x</p>")
    html = event_report_html(view, EVENT)
    assert "not drawn" in html and "apt-get install chromium" in html and "CNN" in html
    assert export.figure_html(figure).startswith(b"<!doctype html>")


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_report_cli(tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    p = subprocess.run([sys.executable, "-m", "analysis", "report", "--event", EVENT, "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF") if fmt == "pdf" else b"World Socialist Web Site" in data


def test_file_names_carry_the_selections_date_and_title_not_its_id(view):
    event = next(e for e in view.corpus.events.values() if view.articles_in(e.id))
    assert view.selection_title(event.id) == f"{event.date} {event.title}"
    assert event.id not in view.selection_title(event.id)
    assert view.selection_title(STORY) == view.corpus.stories[STORY[len("story:"):]]
    assert view.selection_title("no-such-event") == "no-such-event"
