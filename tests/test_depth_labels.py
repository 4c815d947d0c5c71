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
    summary = table_with(at, "Sentences")
    assert "only in CNN" in set(summary["Status"]) and "only in cnn" not in set(summary["Status"])
    status.set_value("only in cnn").run()
    only = table_with(at, "Sentence")
    assert list(only.columns) == ["Outlet", "Sentence"] and set(only["Outlet"]) == {"CNN"}
    shared_status = next(s for s in at.selectbox(key="cover_status").options if s.startswith("shared"))
    at.selectbox(key="cover_status").set_value(shared_status).run()
    shared = table_with(at, "Also in")
    assert shared["Also in"].str.len().gt(0).all() and not shared["Also in"].str.contains("wsws|japantimes").any()
    assert set(shared["Also in"]) <= {"CNN", "World Socialist Web Site", "The Japan Times"}
