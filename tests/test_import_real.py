"""Importing real exports: events and stories created, dry runs, nothing written on failure, one corpus load per
import, sniffed CSV dialects, dates read by a real parser, Parquet input."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import store
from analysis.corpus.folder import load_corpus
from analysis.corpus.importer import import_table, read_table
from tests.support import ROOT

CORPUS = ROOT / "corpus"
BASIL = Path(__file__).resolve().parents[2] / "shared" / "dev-data" / "basil" / "basil_articles.jsonl"
ROWS = [{"text": f"Article {k}: the drill was provocative, officials said. {'More words. ' * k}",
         "outlet": "Daily Planet" if k % 2 else "cnn", "title": f"Story {k}", "date": "9 July 2017",
         "event": "ev-drill" if k < 3 else "", "event_title": "The drill" if k < 3 else "Bombers again"}
        for k in range(5)]


def jsonl(rows) -> bytes:
    return "\n".join(json.dumps(r) for r in rows).encode()


def user_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != ".lock") if folder.exists() else []


@pytest.mark.skipif(not BASIL.exists(), reason="the development export is not on this machine")
def test_the_basil_export_imports_whole_with_its_events_and_story(tmp_path):
    user = tmp_path / "user"
    table = read_table(BASIL.name, BASIL.read_bytes())
    assert table.columns["event"] == "event" and table.columns["event_title"] == "event_title"
    dry = import_table(CORPUS, user, table, dry_run=True, story="basil")
    assert len(dry.imported) == 300 and not dry.errors and user_files(user) == []
    assert len(dry.created["events"]) == 100 and len(dry.created["outlets"]) == 3
    report = import_table(CORPUS, user, table, story="basil")
    assert len(report.imported) == 300 and not report.errors
    corpus = load_corpus(CORPUS, user)
    assert not corpus.issues and sum(a.origin == "user" for a in corpus.articles) == 300
    imported = [a for a in corpus.articles if a.origin == "user"]
    assert all(len(a.events) == 1 for a in imported)
    assert {corpus.events[a.events[0][0]].story for a in imported} == {"basil"}
    assert {corpus.outlets[a.outlet].name for a in imported} == {"Fox News", "The New York Times", "HuffPost"}
    per_event = pd.Series([a.events[0][0] for a in imported]).value_counts()
    assert (per_event == 3).all() and len(per_event) == 100
    titles = [corpus.events[e].title for e in per_event.index]
    assert not [t for t in titles if t in per_event.index], "an event is listed by its id"
    untitled = [t for t in titles if t.startswith("Untitled event (")]
    assert 0 < len(untitled) < 10 and len(set(untitled)) == len(untitled)
    again = import_table(CORPUS, user, table)
    assert not again.imported and all("already in the corpus" in e.problem for e in again.errors)


def test_events_from_id_and_title_columns_and_a_bad_row_does_not_stop_the_others(tmp_path):
    user = tmp_path / "user"
    rows = ROWS + [{"text": "", "outlet": "cnn", "date": "2017-07-09"},
                   {"text": "A row with a bad date, officials said.", "outlet": "cnn", "date": "not a date"}]
    report = import_table(CORPUS, user, read_table("x.jsonl", jsonl(rows)), story="Summer drills")
    assert len(report.imported) == 5 and [e.row for e in report.errors] == [6, 7]
    corpus = load_corpus(CORPUS, user)
    assert corpus.events["ev-drill"].title == "The drill" and corpus.events["ev-drill"].story == "summer-drills"
    assert corpus.events["bombers-again"].date == "2017-07-09"
    assert "daily-planet" in corpus.outlets and not corpus.issues
    assert [a.date for a in corpus.articles if a.origin == "user"] == ["2017-07-09"] * 5


@pytest.mark.parametrize("event_id, title", [
    ("2b95d2cf-e979-4f9c-ae27-9a5370934f23", "Untitled event (2b95d2cf)"),
    ("4711", "Untitled event (4711)"),
    ("Summit in Hanoi", "Summit in Hanoi"),
])
def test_an_event_without_a_title_is_named_by_its_id_only_where_the_id_is_a_name(event_id, title):
    assert store.event_title_from_id(event_id) == title


def test_a_run_that_fails_while_writing_leaves_nothing(tmp_path, monkeypatch):
    user = tmp_path / "user"
    import_table(CORPUS, user, read_table("x.jsonl", jsonl(ROWS[:1])))
    before = {p: p.read_bytes() for p in user_files(user)}
    real = store._write_rows

    def fail_on_manifest(path, columns, rows):
        if path.name == "manifest.csv":
            raise OSError("disk full")
        real(path, columns, rows)
    monkeypatch.setattr(store, "_write_rows", fail_on_manifest)
    with pytest.raises(OSError, match="disk full"):
        import_table(CORPUS, user, read_table("x.jsonl", jsonl(ROWS[1:])))
    assert {p: p.read_bytes() for p in user_files(user)} == before


def test_an_import_loads_the_corpus_once_and_takes_the_lock_once(tmp_path, monkeypatch):
    calls = {"load": 0, "lock": 0}
    real_load, real_lock = store.load_corpus, store.locked

    def load(*a, **k):
        calls["load"] += 1
        return real_load(*a, **k)

    def lock(*a, **k):
        calls["lock"] += 1
        return real_lock(*a, **k)
    monkeypatch.setattr(store, "load_corpus", load)
    monkeypatch.setattr(store, "locked", lock)
    rows = [dict(ROWS[0], text=f"Text number {k}, officials said.") for k in range(40)]
    report = import_table(CORPUS, tmp_path / "user", read_table("x.jsonl", jsonl(rows)))
    assert len(report.imported) == 40 and calls == {"load": 1, "lock": 1}


def test_semicolon_csv_is_sniffed_and_dates_are_parsed():
    data = (b"headline;text;date;outlet\n"
            b"One;\"The drill, officials said; was provocative.\";9 July 2017;cnn\n"
            b"Two;Bombers flew again.;Jul 10, 2017;cnn\n"
            b"Three;Only a month.;July 2017;cnn\n")
    table = read_table("x.csv", data)
    assert [r["date"] for _, r in table.rows] == ["2017-07-09", "2017-07-10", "July 2017"]
    assert table.rows[0][1]["text"] == "The drill, officials said; was provocative."


def test_parquet_input(tmp_path):
    buf = io.BytesIO()
    pd.DataFrame(ROWS).to_parquet(buf, index=False)
    table = read_table("x.parquet", buf.getvalue())
    assert len(table.rows) == 5 and table.rows[0][1]["headline"] == "Story 0"
    assert len(import_table(CORPUS, tmp_path / "user", table).imported) == 5


def test_import_cli_dry_run_says_what_it_would_create_and_writes_nothing(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl(ROWS))
    user = tmp_path / "user"
    p = subprocess.run([sys.executable, "-m", "analysis", "import", str(src), "--dry-run", "--user-corpus", str(user)],
                       cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert "would import 5 article(s)" in p.stdout and "would create 2 events: ev-drill, bombers-again" in p.stdout
    assert user_files(user) == []


def test_a_field_mapped_to_no_column_stays_empty():
    table = read_table("x.jsonl", jsonl(ROWS[:1]), {"event": "", "event_title": ""})
    assert "event" not in table.columns and "event_title" not in table.columns
    assert not table.rows[0][1].get("event")


def test_a_file_whose_every_row_fails_writes_nothing(tmp_path):
    user = tmp_path / "user"
    bad = [{"text": "Text, officials said.", "outlet": "New Outlet", "date": "yesterday", "event_title": "X"},
           {"text": "Other text, officials said.", "outlet": "", "date": "2017-07-09"}]
    report = import_table(CORPUS, user, read_table("x.jsonl", jsonl(bad)))
    assert not report.imported and [e.row for e in report.errors] == [1, 2]
    assert user_files(user) == []
