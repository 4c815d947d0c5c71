import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from tests.support import ROOT, WSWS


def run(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, input=stdin, capture_output=True, timeout=120)


def test_spans_of_a_file_as_csv():
    p = run("spans", f"corpus/articles/{WSWS}.txt", "--outlet", "wsws")
    assert p.returncode == 0, p.stderr
    df = pd.read_csv(io.BytesIO(p.stdout))
    assert {"start", "end", "text", "category", "voice", "speaker"} <= set(df.columns)
    assert "provocatively" in set(df["text"])


def test_spans_from_stdin():
    p = run("spans", "-", stdin=b"Officials said the so-called drill was provocative.")
    assert p.returncode == 0
    df = pd.read_csv(io.BytesIO(p.stdout))
    assert set(df["text"]) >= {"so-called", "provocative", "said"}


def test_features_csv_and_json():
    p = run("features")
    assert p.returncode == 0, p.stderr
    df = pd.read_csv(io.BytesIO(p.stdout))
    assert len(df) == 5 and "loaded_per_1k" in df.columns
    j = run("features", "corpus", "--format", "json")
    rows = json.loads(j.stdout)
    assert len(rows) == 5 and {r["outlet"] for r in rows} == {"cnn", "japantimes", "wsws"}


@pytest.mark.parametrize("args", [("--help",), ("spans", "--help"), ("features", "--help")])
def test_help(args):
    p = run(*args)
    assert p.returncode == 0 and b"usage:" in p.stdout


@pytest.mark.parametrize("content,message", [
    (None, b"no such file"),
    (b"", b"is empty"),
    (b"  \n\t ", b"is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, b"binary"),
    ("caf\xe9 \x93quoted\x94".encode("latin-1"), b"not UTF-8"),
])
def test_bad_input_gives_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    p = run("spans", str(path))
    assert p.returncode == 2
    assert message in p.stderr and b"Traceback" not in p.stderr
    assert p.stderr.count(b"\n") == 1


def test_utf16_with_bom_is_read():
    p = run("spans", "-", stdin="He claimed it was “provocative.”".encode("utf-16"))
    assert p.returncode == 0 and b"provocative" in p.stdout


def test_bad_corpus_folder_and_stdin_errors(tmp_path):
    p = run("features", str(tmp_path / "none"))
    assert p.returncode == 2 and b"no such corpus folder" in p.stderr
    (tmp_path / "c").mkdir()
    p = run("features", str(tmp_path / "c"))
    assert p.returncode == 2 and b"no article could be loaded" in p.stderr and b"Traceback" not in p.stderr
    p = run("spans", "-", stdin=b"")
    assert p.returncode == 2 and b"standard input: is empty" in p.stderr
    p = run("spans", str(tmp_path))
    assert p.returncode == 2 and b"is a folder" in p.stderr
