"""Benchmark: lexicon matching time against text length and lexicon size (the bundled lexicon vs 20,000 entries).

Run (from the project folder): .venv/bin/python -m benchmarks.bench_lexicon [--entries 20000]
The large lexicon is the bundled one plus made-up entries: made-up single words and `*` prefixes, and two- and
three-word phrases whose first word is a real word of the seed articles (so the matcher must walk into them at
almost every token) and whose later words are made up. Matching should grow with the text's length and hardly with
the lexicon's size: the matcher walks a trie of words.
"""
from __future__ import annotations

import argparse
import random
import time
from dataclasses import replace

from analysis.detect.lexicon import Matcher, load_lexicon, tokenize
from benchmarks.bench_pipeline import build_articles


def big_lexicon(n: int, vocabulary: list[str], seed: int = 11) -> list:
    """The bundled entries plus made-up ones up to n entries."""
    base = [e for e in load_lexicon().entries if e.category != "attribution"]
    rng = random.Random(seed)
    template = base[0]
    out, seen = list(base), {e.term for e in base}
    made_up = lambda: "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(3))  # noqa: E731
    while len(out) < n:
        k = rng.choice((1, 1, 2, 2, 3))
        words = ([rng.choice(vocabulary)] if k > 1 else []) + [made_up() for _ in range(k - 1 if k > 1 else 1)]
        if rng.random() < 0.1:
            words[-1] = words[-1][:4] + "*"
        term = " ".join(words)
        if term in seen:
            continue
        seen.add(term)
        out.append(replace(template, term=term, rule="", category=rng.choice(("loaded", "hedge", "booster"))))
    return out


def time_per_call(matcher: Matcher, text: str, repeat: int) -> float:
    tokens = tokenize(text)
    matcher.find(text, tokens)  # warm the per-word memo, as a long-running server would be
    t0 = time.process_time()
    for _ in range(repeat):
        matcher.find(text, tokens)
    return (time.process_time() - t0) / repeat


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    article = build_articles(1)[0]
    vocabulary = sorted({t.lower for t in tokenize(" ".join(build_articles(30)))})
    bundled = [e for e in load_lexicon().entries if e.category != "attribution"]
    big = big_lexicon(args.entries, vocabulary)
    matchers = {f"bundled ({len(bundled):,})": Matcher(bundled), f"large ({len(big):,})": Matcher(big)}
    print(f"{'lexicon':>18} {'words':>7} {'ms/call':>8} {'µs/word':>8} {'matches':>8}")
    per_word = {}
    for name, matcher in matchers.items():
        for times in (1, 4, 16):
            text = "\n\n".join([article] * times)
            ms = 1000 * time_per_call(matcher, text, max(1, args.repeat // times))
            n_words = len(tokenize(text))
            found = len(matcher.find(text, tokenize(text)))
            per_word.setdefault(name, []).append(1000 * ms / n_words)
            print(f"{name:>18} {n_words:>7,} {ms:>8.2f} {1000 * ms / n_words:>8.2f} {found:>8,}")
    small, large = per_word.values()
    print(f"time per word, 16x text vs 1x: bundled {small[-1] / small[0]:.2f}, large {large[-1] / large[0]:.2f} "
          f"(1.00 = linear); large vs bundled lexicon: {sum(large) / sum(small):.2f}x per word (CPU time)")


if __name__ == "__main__":
    main()
