"""Analysis time grows linearly with text length, also for texts built to trigger the old quadratic loops.

Timing is noisy on a shared machine, so the bound is generous: each 200,000-character adversarial text must be
analysed in well under 30 s (about 1-7 s here; the quadratic steps took minutes at that length). The benchmark
benchmarks/bench_adversarial.py shows the time per character from 10k to 1M characters beside news text."""
import time

import pytest

from analysis import analyze_text
from benchmarks.bench_adversarial import PATTERNS, adversarial

CHARS = 200_000


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    analyze_text(text)
    return time.perf_counter() - t0


@pytest.mark.parametrize("name", list(PATTERNS))
def test_adversarial_text_is_analysed_in_linear_time(name):
    long = _seconds(adversarial(name, CHARS))
    assert long < 30, f"{name}: {CHARS:,} characters took {long:.1f} s"


def test_adversarial_texts_still_give_sensible_spans():
    spans = analyze_text(adversarial("unpunctuated said", 5_000), tone=False).spans
    att = spans[spans["category"] == "attribution"]
    assert len(att) > 50 and set(att["speaker"]) == {"the senior official"}
    assert len(analyze_text(adversarial("title abbreviation", 5_000), tone=False).sentences) == 1
