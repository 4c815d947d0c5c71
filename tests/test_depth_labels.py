"""Depth in plain words: distinctive-word columns a class can read (with their meaning as a tooltip), outlets by
name in 'Left out', and no column that is empty by definition."""
from tests.support import app, table_with

STORY = "story:us-bomber-shows-of-force-east-asia"


def test_depth_tables_use_plain_column_names_and_outlet_names():
    at = app({"event": STORY}, page="ui/pages/depth.py")
    assert not at.exception
    words = table_with(at, "How sure (z)")
    assert {"Word", "Times here", "Times in the others", "How much more often (log-odds)"} <= set(words.columns)
    assert not {"count_other", "per_1k", "log_odds", "z"} & set(words.columns)
    status = at.selectbox(key="cover_status")
    labels = list(status.options)  # as shown
    assert any(lab == "only in CNN" for lab in labels) and not any(lab == "only in cnn" for lab in labels)
    summary = table_with(at, "sentences")
    assert "only in CNN" in set(summary["status"]) and "only in cnn" not in set(summary["status"])
    status.set_value("only in cnn").run()
    only = table_with(at, "sentence")
    assert list(only.columns) == ["outlet", "sentence"] and set(only["outlet"]) == {"CNN"}
    shared_status = next(s for s in at.selectbox(key="cover_status").options if s.startswith("shared"))
    at.selectbox(key="cover_status").set_value(shared_status).run()
    shared = table_with(at, "also in")
    assert shared["also in"].str.len().gt(0).all() and not shared["also in"].str.contains("wsws|japantimes").any()
    assert set(shared["also in"]) <= {"CNN", "World Socialist Web Site", "The Japan Times"}
