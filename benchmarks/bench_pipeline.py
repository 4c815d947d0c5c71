"""Benchmark: whole pipeline vs textstat + VADER alone vs a bare regex pass, on articles built from seed sentences.

Run (from the project folder): .venv/bin/python -m benchmarks.bench_pipeline [--sizes 1000 10000] [--rounds 3]
Each mode runs in its own process so its peak memory (max RSS) is its own. Times are the process's CPU time (other
programs on the machine slow it less than the wall clock); the modes alternate for --rounds rounds and the ratio to
textstat + VADER is given per round and as the median, because one round on a shared machine varies by 10-20 %.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SENTENCES_PER_ARTICLE = 35  # about 830 words, like a news article


def build_articles(n: int, seed: int = 7) -> list[str]:
    """n articles of seed-corpus sentences drawn at random, in paragraphs of one to three sentences."""
    from analysis.corpus.folder import load_corpus
    from analysis.pipeline import analyze_article
    pool = []
    for a in load_corpus(ROOT / "corpus").articles:
        body = analyze_article(a, tone=False).body
        pool += [body.text[s:e] for s, e in zip(body.sentences["start"], body.sentences["end"])]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paras, sents = [], [rng.choice(pool) for _ in range(SENTENCES_PER_ARTICLE)]
        while sents:
            k = rng.randint(1, 3)
            paras.append(" ".join(sents[:k]))
            sents = sents[k:]
        out.append("\n\n".join(paras))
    return out


def run_mode(mode: str, n: int) -> dict:
    texts = build_articles(n)
    words = sum(len(t.split()) for t in texts)
    if mode == "regex":
        rx = re.compile(r"\w+")
        t0 = time.process_time()
        for t in texts:
            rx.findall(t)
    elif mode == "textstat+vader":
        import textstat
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        vader = SentimentIntensityAnalyzer()
        split = re.compile(r"(?<=[.!?])\s+")
        textstat.flesch_reading_ease("Warm up the word list.")
        t0 = time.process_time()
        for t in texts:
            textstat.flesch_reading_ease(t)
            textstat.flesch_kincaid_grade(t)
            textstat.gunning_fog(t)
            for s in split.split(t):
                vader.polarity_scores(s)
    elif mode == "pipeline":
        from analysis.detect.lexicon import load_lexicon
        from analysis.detect.spans import analyze_text
        from analysis.measure.features import readability_counts
        from analysis.text.cleaning import clean
        lex = load_lexicon()
        readability_counts("Warm up the word list.")
        analyze_text("Warm up the tagger, he said.", lex)  # loads once what the first text would (as textstat above)
        t0 = time.process_time()
        for t in texts:
            analyze_text(clean(t).body, lex)
    else:
        raise SystemExit(f"unknown mode {mode}")
    elapsed = time.process_time() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "articles": n, "words": words, "seconds": elapsed, "articles_per_s": n / elapsed,
            "peak_rss_mb": rss_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of all modes per size (default 3)")
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    ap.add_argument("-n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.n)))
        return
    print(f"{'articles':>8} {'round':>5} {'mode':<16} {'art/s':>9} {'ms/article':>10} {'peak MB':>8} {'x textstat+VADER':>17}")
    for n in args.sizes:
        ratios = []
        for rnd in range(1, args.rounds + 1):
            rows = {}
            for mode in ("regex", "textstat+vader", "pipeline"):
                out = subprocess.run([sys.executable, "-m", "benchmarks.bench_pipeline", "--mode", mode, "-n", str(n)],
                                     capture_output=True, text=True, check=True)
                rows[mode] = json.loads(out.stdout.strip().splitlines()[-1])
            ref = rows["textstat+vader"]["seconds"]
            for mode, r in rows.items():
                print(f"{n:>8} {rnd:>5} {mode:<16} {r['articles_per_s']:>9.0f} {1000 * r['seconds'] / n:>10.2f} "
                      f"{r['peak_rss_mb']:>8.0f} {r['seconds'] / ref:>17.2f}")
            ratios.append(rows["pipeline"]["seconds"] / ref)
        print(f"{n:>8} pipeline x textstat+VADER, median of {len(ratios)} rounds: {statistics.median(ratios):.2f} "
              f"(rounds {', '.join(f'{x:.2f}' for x in ratios)}); words/article: {rows['pipeline']['words'] / n:.0f}")


if __name__ == "__main__":
    main()
