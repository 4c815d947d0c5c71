"""Tables as HTML: every cell escaped, numbers as shown, long tables cut with a note, column meanings listed."""
import lxml.html
import pandas as pd

from analysis.present.tables import cell_text, table_html, without_empty_columns


def test_cells_are_text_never_markup_and_numbers_read_as_shown():
    df = pd.DataFrame({"speaker": ['<script>alert(1)</script>', "[x](https://example.com)"],
                       "rate": [4.450000000000003, 1234.0], "n": [1234, 0], "anonymous": [True, False]})
    out = table_html(df, "Who speaks")
    doc = lxml.html.fromstring(out)
    assert not doc.xpath("//script") and not doc.xpath("//a")
    cells = [[td.text_content() for td in tr.findall("td")] for tr in doc.xpath("//tbody/tr")]
    assert cells == [["<script>alert(1)</script>", "4.45", "1,234", "yes"],
                     ["[x](https://example.com)", "1,234", "0", "no"]]
    assert [th.get("scope") for th in doc.xpath("//th")] == ["col"] * 4
    assert doc.xpath("//caption")[0].text_content() == "Who speaks"


def test_a_long_table_shows_its_first_rows_and_says_the_downloads_have_all():
    out = table_html(pd.DataFrame({"word": [f"w{i}" for i in range(1200)]}), limit=500)
    doc = lxml.html.fromstring(out)
    assert len(doc.xpath("//tbody/tr")) == 500
    assert "The first 500 of 1,200 rows" in doc.text_content()


def test_column_meanings_are_listed_under_the_table_and_shown_as_header_tips():
    out = table_html(pd.DataFrame({"How sure (z)": [2.5]}), notes={"How sure (z)": "Standard score.", "absent": "x"})
    doc = lxml.html.fromstring(out)
    assert doc.xpath("//th")[0].get("title") == "Standard score."
    assert [dt.text_content() for dt in doc.xpath("//dt")] == ["How sure (z):"]


def test_missing_values_are_empty_and_negative_zero_is_zero():
    assert [cell_text(v) for v in (None, float("nan"), pd.NA, -0.0001, 2.0, "text")] == ["", "", "", "0", "2", "text"]


def test_card_numbers_are_a_description_list_of_escaped_labels_values_and_tips():
    from analysis.present.tables import numbers_html
    doc = lxml.html.fromstring(numbers_html([("Loaded terms, outlet's own voice", "3.10", 'per "1,000" words <b>'),
                                             ("Tone", "-0.12", "VADER")]))
    assert [dt.text_content() for dt in doc.xpath("//dt")] == ["Loaded terms, outlet's own voice", "Tone"]
    assert [dd.text_content() for dd in doc.xpath("//dd")] == ["3.10", "-0.12"]
    assert doc.xpath("//dt")[0].get("title") == 'per "1,000" words <b>' and not doc.xpath("//b")


def test_a_table_caption_from_its_file_name_shows_no_ids_or_dates():
    from ui.widgets import _caption_from
    assert _caption_from("attributions-c6a0e65c-4f8b-41de-8200-cd700f683c64") == "Attributions"
    assert _caption_from("targets-e2-2017-07-07-b1-korea-icbm") == "Targets"
    assert _caption_from("coverage-story:basil-articles") == "Coverage"
    assert _caption_from("draft-deltas") == "Draft deltas"


def test_a_file_name_has_single_hyphens_where_the_name_had_marks():
    from ui.widgets import _safe_name
    # Who says "fierce*" on an event: the star and the hyphen after it make one hyphen, as spaces and quotes do
    assert _safe_name("who-says-fierce*-2010-12-12: Steele's \"end\"?") == "who-says-fierce-2010-12-12-Steele-s-end"
    assert _safe_name("***") == "export"


def test_columns_empty_in_every_row_are_left_out():
    df = pd.DataFrame({"Words": ["said", "claimed"], "Speaker": ["", "  "], "Model score": [float("nan"), None],
                       "Strength": [None, "strong"], "anonymous": [False, False], "n": [0, 0]})
    assert list(without_empty_columns(df).columns) == ["Words", "Strength", "anonymous", "n"]  # False and 0 say something
    blank = pd.DataFrame({"Speaker": ["", ""]})
    assert without_empty_columns(blank).equals(blank) and list(without_empty_columns(df.iloc[:0]).columns) == list(df)
