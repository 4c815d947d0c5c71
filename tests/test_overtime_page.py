"""The Over time page: attention per outlet from the feature store (DuckDB), with outlet and date filters."""
import json
import os
import re
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
    assert table["Articles"].sum() == len(load_corpus(ROOT / "corpus").articles)
    assert not [c for c in table.columns if "_" in c], "an internal column name is shown"
    at.multiselect(key="w_lines").set_value(["wsws"]).run()
    table = table_with(at, "Loaded terms, all (per 1,000 words)")
    assert list(table["Outlet"]) == ["World Socialist Web Site"]
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
    assert table["Articles"].sum() == len([a for a in july if a.outlet in ("cnn", "wsws")])
    at = app({"from": "not a date", "per": "fortnight"}, page=PAGE)
    # five articles over years: no period pools three articles per point, so the default is the year
    assert not at.exception and at.radio(key="w_per").value == "year"
    assert any("pool fewer than 3 articles" in c.value for c in at.caption)
    table = table_with(at, "Loaded terms, all (per 1,000 words)")
    assert table["Articles"].sum() == len(corpus.articles)


def test_the_default_period_is_the_finest_whose_typical_point_pools_three_articles():
    import datetime as dt

    import duckdb

    from analysis.scale.query import suited_period
    con = duckdb.connect()
    con.execute("CREATE TABLE features (outlet VARCHAR, date VARCHAR)")
    day = dt.date(2020, 1, 1)
    daily = [("a", str(day + dt.timedelta(days=k))) for k in range(90)]  # one a day: 7 a week
    con.executemany("INSERT INTO features VALUES (?, ?)", daily)
    assert suited_period(con, ["a"]) == "week"
    twice = [("b", str(day + dt.timedelta(days=15 * k))) for k in range(24)]  # two a month: six a quarter
    con.executemany("INSERT INTO features VALUES (?, ?)", twice)
    assert suited_period(con, ["b"]) == "quarter"
    assert suited_period(con, ["b"], "2020-01-01", "2020-01-20") == "year"  # two in all: never three a point


def test_the_outlets_drawn_at_first_are_those_with_the_most_articles():
    import duckdb

    from analysis.scale.query import LINES_SHOWN, outlets_by_articles
    con = duckdb.connect()
    con.execute("CREATE TABLE features (outlet VARCHAR, date VARCHAR)")
    counts = {f"outlet{k:02d}": k + 1 for k in range(LINES_SHOWN + 3)}  # outlet00 has 1 article, outlet10 has 11
    con.executemany("INSERT INTO features VALUES (?, '2020-01-01')", [(o,) for o, n in counts.items() for _ in range(n)])
    busiest = outlets_by_articles(con)
    assert busiest == sorted(counts, key=lambda o: -counts[o])
    assert set(busiest[:LINES_SHOWN]) == {f"outlet{k:02d}" for k in range(3, LINES_SHOWN + 3)}  # not the first by name


def test_the_chart_caption_names_the_articles_lexicon_and_date_as_every_other_chart_does():
    store = Path(os.environ["FRAMING_LENS_STORE"])
    build(load_corpus(ROOT / "corpus"), store, LexiconSpec(), jobs=1)
    at = app(page=PAGE)
    caption = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["meta"]["layout"]["caption"]
    n = len(load_corpus(ROOT / "corpus").articles)
    assert caption.startswith(f"Framing Lens · {n} articles · 3 outlets, ")
    assert re.search(r" · lexicon [0-9a-f]{12} · \d{4}-\d{2}-\d{2}$", caption), caption
    # axis titles start with a capital, as every other chart's ('Outlet', 'Feature')
    titles = [a["title"]["text"] for k, a in json.loads(at.get("plotly_chart")[0].proto.spec)["layout"].items()
              if k.startswith(("xaxis", "yaxis")) and a.get("title")]
    assert "Year (start)" in titles and not [t for t in titles if t[:1].islower()]
