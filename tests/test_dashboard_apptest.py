"""The dashboard in Streamlit's AppTest: every page renders, selections change what is shown, the URL round-trips."""
import shutil

import pytest

from tests.support import ROOT, app, htmls, table_with, texts

PAGES = ["ui/pages/compare.py", "ui/pages/read.py", "ui/pages/sources.py", "ui/pages/terms.py", "ui/pages/method.py"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page):
    at = app(page=page)
    assert not at.exception, at.exception
    assert at.title


def test_compare_defaults_to_the_july_2017_korea_flight_with_cnn_and_wsws():
    at = app()
    assert at.selectbox(key="w_event").value == "e2-2017-07-07-b1-korea-icbm"
    assert at.multiselect(key="w_outlets").value == ["cnn", "wsws"]
    body = texts(at)
    assert "#### CNN" in body and "#### World Socialist Web Site" in body
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    spec = charts[0].proto.spec
    assert "per 1,000 words" in spec and "CNN" in spec and "World Socialist Web Site" in spec
    # the explanation names the words behind the number
    assert "highlighted words behind it" in body


def test_changing_event_and_outlets_changes_the_cards_and_the_url():
    at = app()
    at.selectbox(key="w_event").set_value("story:us-bomber-shows-of-force-east-asia").run()
    assert set(at.multiselect(key="w_outlets").value) == {"cnn", "japantimes", "wsws"}  # three outlets at once
    assert "#### The Japan Times" in texts(at)
    assert at.query_params["event"] == ["story:us-bomber-shows-of-force-east-asia"] or \
        at.query_params["event"] == "story:us-bomber-shows-of-force-east-asia"
    at.multiselect(key="w_outlets").set_value(["wsws"]).run()
    assert "#### CNN" not in texts(at)
    assert "Only one outlet" in texts(at)


def test_query_parameters_open_exactly_the_shared_view():
    at = app({"event": "e1-2017-07-06-b1-china-seas", "outlets": "wsws", "feature": "hedge_per_1k"})
    assert at.selectbox(key="w_event").value == "e1-2017-07-06-b1-china-seas"
    assert at.multiselect(key="w_outlets").value == ["wsws"]
    assert at.selectbox(key="w_feature").value == "hedge_per_1k"
    read = app({"event": "e2-2017-07-07-b1-korea-icbm", "cats": "loaded", "removed": "1"}, page="ui/pages/read.py")
    html = htmls(read)
    assert "fl-loaded" in html and "fl-hedge" not in html
    assert "fl-removed" in html and "removed: contact-footer" in html


def test_bad_query_parameters_fall_back_to_defaults():
    at = app({"event": "no-such-event", "outlets": "foxnews,<script>"})
    assert not at.exception
    assert at.selectbox(key="w_event").value == "e2-2017-07-07-b1-korea-icbm"


def test_read_page_highlights_provocative_by_voice():
    at = app(page="ui/pages/read.py")
    html = htmls(at)
    assert 'class="fl-mark fl-author fl-loaded"' in html
    assert "provocatively" in html
    assert "fl-attributed" in html


def test_sources_page_lists_attributions_with_affiliations():
    at = app({"event": "story:us-bomber-shows-of-force-east-asia"}, page="ui/pages/sources.py")
    table = table_with(at, "what is attributed")
    assert {"speaker", "affiliation", "cue", "what is attributed"} <= set(table.columns)
    assert "Geng Shuang" in set(table["speaker"])
    spec = at.get("plotly_chart")[0].proto.spec
    assert "Share of attributed words" in spec


def test_terms_page_concordance_with_voice():
    at = app({"term": "provocat*", "event": "story:us-bomber-shows-of-force-east-asia"}, page="ui/pages/terms.py")
    table = table_with(at, "match")
    assert len(table) >= 6
    wsws = table[table["outlet"] == "World Socialist Web Site"]
    assert "author" in set(wsws["voice"])
    cnn = table[table["outlet"] == "CNN"]
    assert set(cnn["voice"]) == {"attributed"}


def test_method_page_lists_lexicons_with_sources():
    at = app(page="ui/pages/method.py")
    table = table_with(at, "source")
    assert table["source"].str.len().min() > 0
    assert "per 1,000 words" in texts(at)


def test_broken_corpus_shows_messages_not_tracebacks(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    (root / "articles" / "cnn-2017-07-08-bombers-korea-icbm.txt").write_bytes(b"\x00\x01binary")
    with (root / "manifest.csv").open("a") as fh:
        fh.write("bad,missing.txt,cnn,2017-01-01,,,,e1-2017-07-06-b1-china-seas,main\n")
    monkeypatch.setenv("FRAMING_LENS_CORPUS", str(root))
    at = app()
    assert not at.exception
    assert "Only one outlet" in texts(at)  # the broken CNN article is skipped, WSWS remains
    assert any("corpus entries skipped" in e.label for e in at.sidebar.expander)
    (root / "manifest.csv").write_text("nonsense\n")
    at = app()
    assert not at.exception and "No article could be loaded" in texts(at)


def test_article_text_is_escaped(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    evil = 'Officials said the <script>alert(1)</script> drill was provocative. <img src=x onerror="alert(2)">'
    (root / "articles" / "wsws-2017-07-10-provocative-drill.txt").write_text(evil)
    monkeypatch.setenv("FRAMING_LENS_CORPUS", str(root))
    at = app(page="ui/pages/read.py")
    html = htmls(at)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html
