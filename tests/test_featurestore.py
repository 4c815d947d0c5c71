"""The feature store: `build` writes what the pipeline computes, re-analyses only new or changed articles, resumes
after a kill, and gives the same store on a Dask LocalCluster of two workers as in one process."""
import sys
import types
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.folder import load_corpus
from analysis.corpus.store import NewArticle, delete_article, save_article, update_article
from analysis.pipeline import corpus_tables
from analysis.scale import store as fs
from analysis.scale.build import LexiconSpec, build
from tests.support import ROOT

CORPUS = ROOT / "corpus"
SPEC = LexiconSpec()


def corpus_with_user_articles(user):
    for k, text in enumerate(["The drill was provocative, officials said.",
                              "Bombers flew a so-called show of force, analysts claimed.",
                              "Critics blasted the menacing flights, a spokesman said."]):
        save_article(CORPUS, user, NewArticle(text, "cnn" if k else "Daily Planet", f"2018-0{k + 1}-09", f"Story {k}"))
    return load_corpus(CORPUS, user)


def stored(root):
    features = fs.read_table(root, "features").sort_values("article_id", ignore_index=True)
    spans = fs.read_table(root, "spans").sort_values(["article_id", "part_index", "start", "end", "category"],
                                                     ignore_index=True)
    return features[sorted(features.columns)], spans[sorted(spans.columns)]


def files(root):
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*.parquet")}


def test_build_stores_what_the_pipeline_computes_and_rebuilds_only_what_changed(tmp_path):
    user, root = tmp_path / "user", tmp_path / "store"
    corpus = corpus_with_user_articles(user)
    first = build(corpus, root, SPEC, jobs=2, batch_size=2)
    assert first.analysed == len(corpus.articles) and first.kept == 0
    features, spans = stored(root)
    expected, expected_spans = corpus_tables(corpus)
    expected = expected.sort_values("article_id", ignore_index=True)
    assert list(features["article_id"]) == list(expected["article_id"])
    for col in ("outlet", "date", "words", "loaded_n", "hedge_n", "attribution_n", "loaded_per_1k"):
        assert list(features[col]) == list(expected[col]), col
    assert len(spans) == len(expected_spans) and set(spans["year"]) >= {"2017", "2018", "2019"}
    assert set(features["lexicon_version"]) == {SPEC.load().version}

    again = build(corpus, root, SPEC, jobs=1)
    assert (again.analysed, again.removed, again.kept) == (0, 0, len(corpus.articles))
    before = files(root)
    users = sorted(a.id for a in corpus.articles if a.origin == "user")
    update_article(CORPUS, user, users[0], NewArticle("The drill was routine, officials said.", "cnn", "2018-02-09",
                                                      "Story 1"))
    delete_article(user, users[1])
    changed = load_corpus(CORPUS, user)
    rebuilt = build(changed, root, SPEC, jobs=1)
    assert (rebuilt.analysed, rebuilt.removed, rebuilt.kept) == (1, 2, len(changed.articles) - 1)
    after = files(root)
    untouched = {p for p in before if "outlet=cnn/year=2018" not in str(p)}
    assert untouched and all(after[p] == before[p] for p in untouched)  # the other partitions are not rewritten
    features, _ = stored(root)
    assert sorted(features["article_id"]) == sorted(a.id for a in changed.articles)
    row = features[features["article_id"] == users[0]].iloc[0]
    assert row["loaded_n"] == 0 and row["content_hash"] == changed.article(users[0]).sha256


def test_a_killed_build_resumes_where_it_stopped(tmp_path, monkeypatch):
    user, root = tmp_path / "user", tmp_path / "store"
    corpus = corpus_with_user_articles(user)
    real, calls = fs.write_batch, []

    def killed_after_two(*args, **kwargs):
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(args[1])
        real(*args, **kwargs)
    monkeypatch.setattr(fs, "write_batch", killed_after_two)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, root, SPEC, jobs=1, batch_size=1)
    monkeypatch.setattr(fs, "write_batch", real)
    resumed = build(corpus, root, SPEC, jobs=1, batch_size=1)
    assert resumed.kept == 2 and resumed.analysed == len(corpus.articles) - 2
    full = tmp_path / "full"
    build(corpus, full, SPEC, jobs=1, batch_size=1)
    for a, b in zip(stored(root), stored(full)):
        pd.testing.assert_frame_equal(a, b)


def test_a_dask_local_cluster_of_two_workers_builds_the_same_store(tmp_path, monkeypatch):
    from dask import distributed
    # Dask starts its workers by spawning, which imports the parent's __main__: after an AppTest run in this
    # process that is the dashboard script, not pytest's (the command line build never has that problem).
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    user = tmp_path / "user"
    corpus = corpus_with_user_articles(user)
    build(corpus, tmp_path / "single", SPEC, jobs=1, batch_size=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = build(corpus, tmp_path / "dask", SPEC, scheduler=cluster.scheduler_address, batch_size=2)
    assert report.analysed == len(corpus.articles)
    for a, b in zip(stored(tmp_path / "single"), stored(tmp_path / "dask")):
        pd.testing.assert_frame_equal(a, b)


def test_duckdb_over_the_store_pools_as_the_pipeline_does_and_charts_attention(tmp_path):
    from analysis.measure.compare import pool
    from analysis.scale import query
    corpus = corpus_with_user_articles(tmp_path / "user")
    build(corpus, tmp_path / "store", SPEC, jobs=1)
    con = query.connect(tmp_path / "store")
    features, spans = corpus_tables(corpus)
    expected = pool(features, ["outlet"], spans[spans["part"] == "body"])
    got = query.pooled(con)
    assert list(got["outlet"]) == list(expected["outlet"])
    for col in ("articles", "words", "loaded_n", "loaded_per_1k", "attribution_density", "speakers_distinct"):
        assert got[col].astype(float).round(9).tolist() == expected[col].astype(float).round(9).tolist(), col
    only = query.pooled(con, outlets=["cnn"], start="2018-01-01", end="2018-12-31")
    assert list(only["outlet"]) == ["cnn"] and only["articles"].tolist() == [2]
    monthly = query.attention(con, "month")
    assert monthly["articles"].sum() == len(corpus.articles)
    row = monthly[(monthly["outlet"] == "cnn") & (monthly["period"] == pd.Timestamp("2018-02-01"))].iloc[0]
    assert row["articles"] == 1 and row["loaded_per_1k"] == pytest.approx(1000 * row["loaded_n"] / row["words"])
    assert set(query.attention(con, "week", outlets=["wsws"])["outlet"]) == {"wsws"}
    with pytest.raises(FileNotFoundError, match="run `python -m analysis build`"):
        query.connect(tmp_path / "empty")


def test_build_command_uses_the_store_of_the_settings_and_is_incremental(tmp_path):
    import os
    import subprocess
    import sys
    n = len(load_corpus(CORPUS).articles)
    runs = [subprocess.run([sys.executable, "-m", "analysis", "build", "--jobs", "1"], cwd=ROOT, capture_output=True,
                           text=True) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr
    assert f"analysed {n} article(s)" in runs[0].stdout and f"analysed 0 article(s) in 0 batch(es), kept {n}" in runs[1].stdout
    assert len(fs.read_table(Path(os.environ["FRAMING_LENS_STORE"]), "features")) == n
