"""Output that cannot carry code: user text never becomes Markdown, chart markup or a spreadsheet formula."""
import io
import json
import re
import zipfile

import pandas as pd

from analysis.corpus.store import NewArticle, save_article
from analysis.present.charts import feature_bars, term_counts
from analysis.present.export import table_csv, table_xlsx
from tests.support import ROOT, app, plain, texts
from ui.safe import md

PAYLOAD = "[phish](https://example.com/x) ![pix](http://example.com/y.png) <a href='https://e.com'>z</a> $x$ :red[r]"
FORMULA = "=cmd|' /C calc'!A0"
# Markup that would still be live: the same characters without a backslash in front.
LINKS = re.compile(r"(?<!\\)(\]\(|!\[|<a |://|\$x|:red)")


def test_markdown_escape_keeps_the_text_and_disarms_links_images_and_directives():
    escaped = md(PAYLOAD)
    assert plain(escaped) == PAYLOAD and LINKS.search(PAYLOAD) and not LINKS.search(escaped)


def test_formula_cells_are_neutralised_in_csv_and_xlsx():
    df = pd.DataFrame({"text": [FORMULA, "+cmd", "@SUM(A1)", "-2+3", "\tTAB", "plain", "+3", "-0.5"], "n": range(8)})
    rows = table_csv(df).decode("utf-8-sig").splitlines()[1:]
    assert [r.rsplit(",", 1)[0].strip('"') for r in rows] == [
        "'" + FORMULA, "'+cmd", "'@SUM(A1)", "'-2+3", "'\tTAB", "plain", "+3", "-0.5"]
    xlsx = table_xlsx(df)
    sheet = zipfile.ZipFile(io.BytesIO(xlsx)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    back = pd.read_excel(io.BytesIO(xlsx))
    assert list(back["text"]) == list(df["text"])  # shown exactly as typed, stored as text


def test_chart_text_is_escaped_for_plotly():
    table = pd.DataFrame({"outlet": ["evil"], "loaded_per_1k": [2.0]})
    fig = feature_bars(table, "loaded_per_1k", {"evil": PAYLOAD}, caption=PAYLOAD)
    spec = json.loads(fig.to_json())
    assert [x.replace("<br>", " ") for x in spec["data"][0]["x"]] == [  # long labels wrap at <br>
        "[phish](https://example.com/x) ![pix](http://example.com/y.png) &lt;a href='https://e.com'&gt;z&lt;/a&gt; $x$ :red[r]"]
    assert "<a href" not in spec["layout"]["title"]["text"]
    fig = term_counts(pd.DataFrame({"outlet": ["cnn"], "n": [0], "per_1k": [0.0]}), {}, "<a href='x'>t</a>")
    assert "&lt;a href='x'&gt;" in fig.layout.title.text


def test_a_markdown_headline_and_outlet_show_as_text_on_every_page(private_dirs):
    save_article(ROOT / "corpus", private_dirs / "user",
                 NewArticle("North Korea called the flight provocative, officials said.", PAYLOAD[:60], "2017-07-08",
                            headline=PAYLOAD, event="e2-2017-07-07-b1-korea-icbm"))
    at = app({"event": "e2-2017-07-07-b1-korea-icbm"})
    assert not at.exception
    raw = "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)
    assert PAYLOAD in texts(at) and not LINKS.search(raw)
    read = app({"event": "e2-2017-07-07-b1-korea-icbm"}, page="ui/pages/read.py")
    raw = "\n".join(c.value for c in read.caption) + "\n".join(h.value for h in read.subheader)
    assert PAYLOAD in plain(raw) and not LINKS.search(raw)


def test_a_markdown_term_in_a_shared_link_is_shown_as_text():
    at = app({"term": PAYLOAD}, page="ui/pages/terms.py")
    warning = " ".join(w.value for w in at.warning)
    assert PAYLOAD in plain(warning) and not LINKS.search(warning)
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert "<a href" not in chart["layout"]["title"]["text"]


def test_markdown_in_a_shared_outlets_link_is_shown_as_text():
    at = app({"event": "e2-2017-07-07-b1-korea-icbm", "outlets": f"cnn,{PAYLOAD.replace(',', ' ')}"})
    raw = "\n".join(c.value for c in at.caption)
    assert "left out" in raw and not LINKS.search(raw)
