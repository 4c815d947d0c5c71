"""Benchmark: analysis time per character on adversarial texts, from 10k to 1M characters, beside a news text.

Each adversarial text repeats one pattern that used to make a step of the analysis quadratic (an abbreviation
that never ends a sentence, a quoted modal, an unpunctuated run with verbs of saying, text without any
punctuation, a pronoun speaker after every cue); the reference is news text built from the seed corpus,
measured in the same run. Flat microseconds per character from 10k to 1M mean linear time.

Run (from the project folder): .venv/bin/python -m benchmarks.bench_adversarial [--sizes 10000 100000 1000000]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> the unit repeated up to the wanted length
PATTERNS = {
    "title abbreviation": "Mr. ",
    "quoted modal": '"may" ',
    "unpunctuated said": "the senior official said the plan would work and ",
    "no punctuation": "lorem ipsum dolor sit amet consectetur adipiscing elit ",
    "pronoun speakers": "he said she told them that they believe it ",
    "open quotes": "“Maybe, said Jones ",
}


def adversarial(name: str, chars: int) -> str:
    """The adversarial text `name`, cut to `chars` characters."""
    unit = PATTERNS[name]
    return (unit * (chars // len(unit) + 1))[:chars]


def news(chars: int) -> str:
    """Seed-corpus article bodies repeated in paragraphs up to `chars` characters (the reference)."""
    from analysis.corpus.folder import load_corpus
    from analysis.text.cleaning import clean
    bodies = [clean(a.raw, a.outlet).body for a in load_corpus(ROOT / "corpus").articles]
    text, k = "", 0
    while len(text) < chars:
        text += bodies[k % len(bodies)] + "\n\n"
        k += 1
    return text[:chars]


def seconds(text: str) -> float:
    """Wall time of one full analysis, as the dashboard runs it (spans, sentences, features, readability, tone)."""
    from analysis import analyze_text
    t0 = time.perf_counter()
    analyze_text(text)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = ap.parse_args()
    from analysis import analyze_text
    analyze_text("Warm up the lexicon, the readability word list and the tone lexicon.")
    names = ["news (reference)", *PATTERNS]
    print(f"{'text':<20} " + " ".join(f"{f'{n:,} chars':>22}" for n in args.sizes))
    print(f"{'':<20} " + " ".join(f"{'s':>9} {'µs/char':>8} {'x ref':>4}" for _ in args.sizes))
    ref = {n: seconds(news(n)) for n in args.sizes}
    for name in names:
        cells = []
        for n in args.sizes:
            s = ref[n] if name == "news (reference)" else seconds(adversarial(name, n))
            cells.append(f"{s:>9.2f} {1e6 * s / n:>8.1f} {s / ref[n]:>4.1f}")
        print(f"{name:<20} " + " ".join(cells), flush=True)


if __name__ == "__main__":
    main()
