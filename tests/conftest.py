"""Shared fixtures: the bundled seed corpus and its analyses."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.corpus.folder import load_corpus  # noqa: E402
from analysis.pipeline import analyze_article  # noqa: E402

CNN_0620 = "cnn-2017-06-20-b1-korean-peninsula"
CNN_0707 = "cnn-2017-07-07-bombers-east-south-china-seas"
CNN_0708 = "cnn-2017-07-08-bombers-korea-icbm"
JT = "japantimes-2019-10-29-b52-sea-of-japan"
WSWS = "wsws-2017-07-10-provocative-drill"


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(ROOT / "corpus")


@pytest.fixture(scope="session")
def analyses(corpus):
    return {a.id: analyze_article(a) for a in corpus.articles}


def spans_of(analyses, article_id, category=None, text=None):
    """Body spans of an article, optionally of one category and (case-insensitive) text."""
    df = analyses[article_id].body.spans
    if category:
        df = df[df["category"] == category]
    if text:
        df = df[df["text"].str.lower() == text.lower()]
    return df
