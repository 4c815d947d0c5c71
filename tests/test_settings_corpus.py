"""One settings module: `features` (and the dashboard) read the bundled, user and extra corpora that the
FRAMING_LENS_* variables or the matching options name."""
import io
import os
import subprocess
import sys

import pandas as pd

from analysis import settings as settings_module
from analysis.corpus.folder import corpus_of
from analysis.corpus.importer import import_table, read_table
from tests.support import ROOT

CORPUS = ROOT / "corpus"


def add(folder, text, outlet):
    data = f'{{"text": "{text}", "outlet": "{outlet}", "date": "2017-07-09", "event_title": "Drill"}}'.encode()
    assert import_table(CORPUS, folder, read_table("x.jsonl", data)).imported


def features(*args, env=None):
    p = subprocess.run([sys.executable, "-m", "analysis", "features", *args], cwd=ROOT, capture_output=True,
                       text=True, env=env)
    assert p.returncode == 0, p.stderr
    return pd.read_csv(io.StringIO(p.stdout))


def test_features_sees_bundled_user_and_extra_corpora_from_env_or_options(tmp_path, monkeypatch):
    user, extra = tmp_path / "user", tmp_path / "extra"
    add(user, "The drill was provocative, officials said.", "cnn")
    add(extra, "Bombers flew a menacing drill, analysts said.", "Daily Planet")
    bundled = {a.id for a in corpus_of(settings_module.Settings(user_corpus=tmp_path / "none")).articles}
    by_env = features(env={**os.environ, "FRAMING_LENS_USER_CORPUS": str(user),
                           "FRAMING_LENS_EXTRA_CORPORA": str(extra)})
    by_option = features("--user-corpus", str(user), "--extra-corpus", str(extra))
    assert len(by_env) == len(bundled) + 2 and set(by_env["outlet"]) >= {"cnn", "daily-planet"}
    pd.testing.assert_frame_equal(by_env, by_option)
    monkeypatch.setenv("FRAMING_LENS_USER_CORPUS", str(user))  # what the dashboard reads (ui/data.py)
    monkeypatch.setenv("FRAMING_LENS_EXTRA_CORPORA", str(extra))
    corpus = corpus_of(settings_module.from_env())
    assert {a.origin for a in corpus.articles} == {"bundled", "extra", "user"} and not corpus.issues
