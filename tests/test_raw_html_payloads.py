"""Raw HTML built from article or user text (spot-it reveal, chart tables, worksheets and answer keys) carries a
<script> or onerror= payload as text, never as markup."""
import datetime as dt

import pandas as pd

from analysis.corpus.folder import load_corpus
from analysis.corpus.store import NewArticle, save_article
from analysis.corpus.workspace import build_view
from analysis.detect.spans import analyze_text
from analysis.present import spot, worksheet
from analysis.present.chart_text import chart_table_html
from analysis.present.charts import feature_bars, share_by
from analysis.present.highlight import removed_html, render
from tests.support import ROOT

PAYLOAD = '<script>alert(1)</script> <img src=x onerror="alert(2)">'
TEXT = f"Officials said the provocative drill {PAYLOAD} was menacing. Critics blasted the so-called plan."


def live(markup: str) -> bool:
    return "<script>alert" in markup or "<img src=x" in markup


def test_spot_it_reveal_escapes_the_passage():
    an = analyze_text(TEXT)
    start, end = 0, len(an.text)
    tokens = spot.passage_tokens(an.text, start, end)
    marked = {i for i, t in enumerate(tokens) if t.lower == "menacing"}
    table = spot.compare_marks(tokens, marked, an.spans)
    out = spot.render_comparison(an.text, start, end, table, an.spans)
    assert not live(out) and "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "onerror=&quot;alert(2)&quot;" in out


def test_chart_table_escapes_outlet_names():
    table = pd.DataFrame({"outlet": ["x"], "loaded_per_1k": [1.0]})
    out = chart_table_html(feature_bars(table, "loaded_per_1k", {"x": PAYLOAD}))
    assert not live(out) and "&lt;script&gt;" in out


def test_a_share_chart_in_percent_escapes_its_values_and_its_other_slice():
    shares = pd.DataFrame({"outlet": "x", "value": [PAYLOAD] + [f"v{k}" for k in range(9)], "share": [0.5] + [0.05] * 9})
    out = chart_table_html(share_by(shares, {"x": PAYLOAD}, "party"))
    assert not live(out) and "&lt;script&gt;" in out and "50%" in out and "Other (" in out


def test_a_highlight_explanation_and_text_carry_a_payload_as_text():
    an = analyze_text(f"“{PAYLOAD} is menacing,” said {PAYLOAD}. So-called talks resumed.")
    out = render(an.text, an.spans)
    assert not live(out) and "&lt;script&gt;" in out


def test_worksheet_and_answer_key_escape_article_text_and_headline(tmp_path):
    user = tmp_path / "user"
    save_article(ROOT / "corpus", user, NewArticle(TEXT, "Evil outlet", "2017-07-08", headline="A headline",
                                                   event="e2-2017-07-07-b1-korea-icbm"))
    view = build_view(load_corpus(ROOT / "corpus", user))
    ids = [a.id for a in view.corpus.articles if a.outlet == "evil-outlet"]
    assert ids
    for build in (worksheet.worksheet_html, worksheet.answer_key_html):
        out = build(view, ids, PAYLOAD, None, "a4", dt.date(2026, 12, 3))
        assert not live(out) and "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_tables_escape_cells_headers_captions_and_notes_long_or_short():
    from analysis.present.tables import table_html
    long_cell = PAYLOAD + " " + "an explanation long enough to keep a wide column " * 2
    df = pd.DataFrame({"words": [PAYLOAD, "menacing"], "why": [long_cell, "short"], PAYLOAD: [1, 2]})
    out = table_html(df, caption=PAYLOAD, notes={"why": PAYLOAD})
    assert not live(out) and out.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    assert 'class="fl-long"' in out  # the long explanations took the wide-column path, still escaped


def test_spot_it_blacked_out_passage_stays_escaped():
    from analysis.present.guess import blanked
    an = analyze_text("Fox News said " + TEXT)
    shown = blanked(an.text, ["Fox News"])
    tokens = spot.passage_tokens(an.text, 0, len(an.text))
    table = spot.compare_marks(tokens, set(), an.spans)
    out = spot.render_comparison(shown, 0, len(shown), table, an.spans)
    assert not live(out) and "&lt;script&gt;" in out and "Fox News" not in out


def test_the_words_in_context_under_a_number_carry_a_payload_as_text():
    from analysis.measure.features import spans_counted
    from analysis.present.concordance import in_context
    from analysis.present.tables import table_html
    an = analyze_text(TEXT)
    spans = spans_counted("loaded_per_1k", an.spans).assign(article_id="a")
    shown = spans.assign(context=in_context(spans, {"a": an.text}))[["text", "context", "note", "speaker"]]
    contexts = " ".join(shown["context"])
    assert "<script>alert(1)</script>" in contexts and 'onerror="alert(2)"' in contexts  # next to flagged words
    out = table_html(shown, "The words behind the number")
    assert not live(out) and "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "onerror=&quot;alert(2)&quot;" in out


def test_text_that_cleaning_removed_is_shown_as_text():
    out = removed_html(PAYLOAD)
    assert not live(out) and "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "onerror=&quot;alert(2)&quot;" in out


def test_the_event_report_escapes_article_text_headline_and_outlet_name(tmp_path):
    from analysis.present.report import event_report_html
    user = tmp_path / "user"
    save_article(ROOT / "corpus", user, NewArticle(TEXT, f"Evil {PAYLOAD}", "2017-07-08", headline=PAYLOAD,
                                                   event="e2-2017-07-07-b1-korea-icbm"))
    view = build_view(load_corpus(ROOT / "corpus", user))
    out = event_report_html(view, "e2-2017-07-07-b1-korea-icbm", generated=dt.datetime(2026, 12, 3))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert not live(out)
