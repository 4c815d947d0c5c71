"""The Over time page: attention per outlet from the feature store (DuckDB), with outlet and date filters."""
import os
from pathlib import Path

from analysis.corpus.folder import load_corpus
from analysis.corpus.store import NewArticle, save_article
from analysis.scale.build import LexiconSpec, build
from tests.support import ROOT, app, table_with

PAGE = "ui/pages/overtime.py"


def test_without_a_store_the_page_says_how_to_build_it():
    at = app(page=PAGE)
    assert not at.exception
    assert any("python -m analysis build" in i.value for i in at.info)


def test_attention_over_time_from_the_store_and_a_note_for_articles_not_yet_built():
    store = Path(os.environ["FRAMING_LENS_STORE"])
    build(load_corpus(ROOT / "corpus"), store, LexiconSpec(), jobs=1)
    at = app(page=PAGE)
    assert not at.exception and not at.warning
    spec = at.get("plotly_chart")[0].proto.spec
    assert "Attention over time" in spec and "Loaded terms per 1,000 words" in spec
    table = table_with(at, "Loaded terms, all (per 1,000 words)")
    assert table["articles"].sum() == len(load_corpus(ROOT / "corpus").articles)
    assert not [c for c in table.columns if "_" in c], "an internal column name is shown"
    at.multiselect(key="w_lines").set_value(["wsws"]).run()
    table = table_with(at, "Loaded terms, all (per 1,000 words)")
    assert list(table["outlet"]) == ["World Socialist Web Site"]
    assert at.query_params["lines"] == "wsws"
    save_article(ROOT / "corpus", Path(os.environ["FRAMING_LENS_USER_CORPUS"]),
                 NewArticle("The drill was provocative, officials said.", "cnn", "2017-07-09", "New"))
    at = app(page=PAGE)
    assert any("1 article(s) of the corpus are not in the feature store" in w.value for w in at.warning)


def test_a_shared_over_time_link_opens_its_outlets_dates_and_period():
    store = Path(os.environ["FRAMING_LENS_STORE"])
    corpus = load_corpus(ROOT / "corpus")
    build(corpus, store, LexiconSpec(), jobs=1)
    july = [a for a in corpus.articles if a.date.startswith("2017-07")]
    at = app({"lines": "cnn,wsws", "from": "2017-07-01", "to": "2017-07-31", "per": "week"}, page=PAGE)
    assert not at.exception
    assert at.multiselect(key="w_lines").value == ["cnn", "wsws"] and at.radio(key="w_per").value == "week"
    table = table_with(at, "Loaded terms, all (per 1,000 words)")
    assert table["articles"].sum() == len([a for a in july if a.outlet in ("cnn", "wsws")])
    at = app({"from": "not a date", "per": "fortnight"}, page=PAGE)
    assert not at.exception and at.radio(key="w_per").value == "month"
    table = table_with(at, "Loaded terms, all (per 1,000 words)")
    assert table["articles"].sum() == len(corpus.articles)
