"""The corpus view over the feature store: the same numbers, spans and Compare cards as the in-memory view, nothing
analysed up front, articles the store lacks analysed on demand; a stat-only corpus fingerprint; the date filter."""
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.folder import fingerprint, load_corpus
from analysis.corpus.store import NewArticle, save_article
from analysis.corpus.workspace import build_view
from analysis.measure.uncertainty import article_intervals, outlet_intervals
from analysis.present.glossary import CHART_FEATURES
from analysis.scale import query
from analysis.scale.build import LexiconSpec, build
from analysis.scale.store import article_key, tidy_spans
from tests.support import ROOT, app, table_with, texts

STORY = "story:us-bomber-shows-of-force-east-asia"
E2 = "e2-2017-07-07-b1-korea-icbm"


@pytest.fixture(scope="module")
def store_root(tmp_path_factory):
    """A feature store of the bundled corpus, built once for this module."""
    root = tmp_path_factory.mktemp("store")
    build(load_corpus(ROOT / "corpus"), root, LexiconSpec(), jobs=1)
    return root


def reader_for(corpus, root, version):
    con = query.connect(root)
    stored = query.stored_keys(con)
    return query.StoreReader(con, {a.id: k for a in corpus.articles if (k := article_key(a, version)) in stored})


def same_frame(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert sorted(a.columns) == sorted(b.columns)
    a, b = a.reset_index(drop=True), b[list(a.columns)].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False, check_exact=False, rtol=1e-9)


def test_the_store_view_gives_the_in_memory_numbers_and_spans_without_analysing(corpus, analyses, store_root):
    memory = build_view(corpus, analyses)
    reader = reader_for(corpus, store_root, memory.lexicon_version)
    assert set(reader.keys) == {a.id for a in corpus.articles}
    stored = build_view(corpus, lexicon=None, store=reader)
    for sel in list(memory.selection_options()):
        ids = memory.articles_in(sel)
        assert stored.articles_in(sel) == ids
        outlets = sorted({memory.outlet_of(a) for a in ids})
        if not ids:
            continue
        same_frame(memory.outlet_table(ids, outlets).sort_values("outlet"),
                   stored.outlet_table(ids, outlets).sort_values("outlet"))
        same_frame(tidy_spans(memory.spans_of(ids)), stored.spans_of(ids))
        same_frame(tidy_spans(memory.spans_of(ids, part="body", categories=["loaded", "attribution"])),
                   stored.spans_of(ids, part="body", categories=["loaded", "attribution"]))
        same_frame(memory.features_of(ids), stored.features_of(ids))
    assert stored.selection_options() == memory.selection_options()
    assert stored.default_selection() == memory.default_selection()
    # every number and span came from the store: not one article was analysed
    assert all(stored.analyses.cached(a.id) is None for a in corpus.articles)
    ids = stored.articles_in(STORY)
    assert [stored.title(a) for a in ids] == [analyses[a].display_title(memory.outlet_names[analyses[a].article.outlet])
                                               for a in ids]
    assert [stored.text(a).text for a in ids] == [analyses[a].body.text for a in ids]
    assert [stored.sentence(a, 2) for a in ids] == [memory.sentence(a, 2) for a in ids]


def test_a_store_behind_the_corpus_serves_what_it_holds_and_the_rest_is_analysed_on_demand(store_root, private_dirs):
    user = private_dirs / "user"
    new = save_article(ROOT / "corpus", user, NewArticle("The drill was provocative, officials said. Critics "
                                                         "called it saber-rattling.", "cnn", "2017-07-08", "New one",
                                                         event=E2))
    corpus = load_corpus(ROOT / "corpus", user)
    memory = build_view(corpus)
    reader = reader_for(corpus, store_root, memory.lexicon_version)
    assert new not in reader.keys and len(reader.keys) == len(corpus.articles) - 1
    stored = build_view(corpus, store=reader)
    ids = stored.articles_in(E2)
    assert new in ids
    outlets = sorted({stored.outlet_of(a) for a in ids})
    same_frame(memory.outlet_table(ids, outlets), stored.outlet_table(ids, outlets))
    same_frame(tidy_spans(memory.spans_of(ids)), tidy_spans(stored.spans_of(ids)))
    assert [a for a in ids if stored.analyses.cached(a) is not None] == [new]  # only the new one was analysed


def test_article_intervals_resample_whole_articles_around_the_same_pooled_rate(corpus, analyses):
    view = build_view(corpus, analyses)
    ids = view.articles_in(STORY)
    features = [f for f in CHART_FEATURES if f.endswith("_per_1k")]
    by_sentence = outlet_intervals(analyses, ids, features).set_index(["outlet", "feature"])
    by_article = article_intervals(view.features_of(ids), features).set_index(["outlet", "feature"])
    pd.testing.assert_series_equal(by_sentence["rate"], by_article["rate"])
    assert (by_article["low"] <= by_article["rate"]).all() and (by_article["rate"] <= by_article["high"]).all()


def test_the_fingerprint_changes_on_edit_add_and_delete_and_reads_no_file(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder, ignore=shutil.ignore_patterns("user"))
    first = fingerprint(folder)
    assert fingerprint(folder) == first
    article = next((folder / "articles").glob("*.txt"))
    with article.open("a", encoding="utf-8") as f:  # edited in place
        f.write("\nOne more line.")
    edited = fingerprint(folder)
    assert edited != first
    stat = article.stat()  # the same size and content, only a new modification time
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert fingerprint(folder) != edited
    touched = fingerprint(folder)
    (folder / "articles" / "new.txt").write_text("A new article.", encoding="utf-8")
    added = fingerprint(folder)
    assert added != touched
    (folder / "articles" / "new.txt").unlink()
    assert fingerprint(folder) not in (added, first)  # deleted: back to the same files, whose stat changed
    assert fingerprint(tmp_path / "nowhere") == fingerprint(tmp_path / "nowhere-else")

    def no_reading(self, *args, **kwargs):
        raise AssertionError("the fingerprint read a file")
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    monkeypatch.setattr(Path, "open", no_reading)
    fingerprint(folder)


def test_a_reload_reads_only_the_files_that_changed(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder, ignore=shutil.ignore_patterns("user"))
    first = load_corpus(folder)
    changed = first.articles[0]
    path = folder / "articles" / changed.file
    path.write_text(path.read_text(encoding="utf-8") + "\nA correction.", encoding="utf-8")
    read = []
    import analysis.corpus.folder as folder_module
    real = folder_module.read_text_file
    monkeypatch.setattr(folder_module, "read_text_file", lambda p, *a, **k: read.append(Path(p).name) or real(p, *a, **k))
    again = load_corpus(folder, previous=first)
    assert read == [changed.file]
    assert again.article(changed.id).sha256 != changed.sha256 and again.article(changed.id).raw.endswith("A correction.")
    assert [a.sha256 for a in again.articles[1:]] == [a.sha256 for a in first.articles[1:]]


def cards(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("### ")] + [c.value for c in at.caption]


def test_the_dashboard_with_a_store_shows_the_same_compare_page_and_reads_the_store(store_root, monkeypatch):
    without = app({"event": STORY})
    assert not without.exception
    monkeypatch.setenv("FRAMING_LENS_STORE", str(store_root))
    with_store = app({"event": STORY})
    assert not with_store.exception
    assert cards(with_store) == cards(without)
    numbers = [d.value for d in without.dataframe]
    for a, b in zip(numbers, [d.value for d in with_store.dataframe]):
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
    assert texts(with_store) == texts(without)
    from ui import data
    view = data.view()
    assert view.store is not None and len(view.store.keys) == len(view.corpus.articles)
    for page in ("ui/pages/read.py", "ui/pages/sources.py", "ui/pages/terms.py", "ui/pages/depth.py"):
        at = app({"event": STORY, "term": "provocat*"}, page=page)
        assert not at.exception, (page, at.exception)
        assert texts(at) == texts(app({"event": STORY, "term": "provocat*"}, page=page)), page


def test_a_whole_story_can_be_narrowed_to_a_date_range_and_the_link_keeps_it():
    at = app({"event": STORY})
    assert at.date_input(key="w_since").value == (pd.Timestamp("2017-06-20").date(), pd.Timestamp("2019-10-29").date())
    assert "### The Japan Times" in texts(at)
    at = app({"event": STORY, "until": "2017-12-31"})
    assert not at.exception
    body = texts(at)
    assert "### The Japan Times" not in body and "### CNN" in body  # The Japan Times's article is from 2019
    assert "published from the start to 2017-12-31" in body
    numbers = table_with(at, "Articles")
    assert numbers["Articles"].sum() == 4
    assert at.query_params["until"] == "2017-12-31"
    at.selectbox(key="w_event").set_value(E2).run()  # another selection starts with all its dates
    assert "until" not in at.query_params
