"""Validity: agreement of the loaded-wording detector with the experts of BASIL (300 articles, 100 events x Fox News,
The New York Times, HuffPost; Fan et al. 2019). Each sentence is analysed alone; per sentence the word types inside
`loaded` spans are compared with those inside expert lexical-bias spans (all voices, and the outlet's own voice
against expert spans outside quotes). Per event, the outlet with the most loaded spans per word is compared with the
outlet with the most expert spans per word (the comparison a class makes on the Compare page).

Run (from the project folder): .venv/bin/python -m benchmarks.validity DEV_DATA_FOLDER [--no-model] [--packs none]
DEV_DATA_FOLDER holds basil/articles and basil/annotations (the public BASIL release); nothing of it is stored here.
The model's own figures, out of fold with folds grouped by event, come from scripts/train_loaded_model.py.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from analysis.detect.lexicon import load_lexicon
from analysis.detect.spans import analyze_text
from analysis.measure.basil import TOKEN, basil_sentences, prf, top_outlet_agreement, word_types


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev_data", type=Path)
    ap.add_argument("--no-model", action="store_true", help="the context rules alone")
    ap.add_argument("--packs", default=None, help="topic packs, separated by ',' or 'none' (default: the default packs)")
    args = ap.parse_args()
    packs = None if args.packs is None else tuple(p for p in args.packs.split(",") if p and p != "none")
    lex = load_lexicon(packs=packs, use_model=not args.no_model)
    rows, counts = [], []
    for event, outlet, text, gold, own in basil_sentences(args.dev_data):
        spans = analyze_text(text, lex, tone=False).spans
        spans = spans[spans["category"] == "loaded"]
        author = spans[spans["voice"] == "author"]
        rows.append((outlet, text, word_types(text, zip(spans["start"], spans["end"])), word_types(text, gold),
                     word_types(text, zip(author["start"], author["end"])), word_types(text, own)))
        counts.append((event, outlet, len(TOKEN.findall(text)), len(gold), len(spans)))
    p, r, f = prf((t, pred, gold) for _, t, pred, gold, _, _ in rows)
    print(f"BASIL lexical bias, all voices ({len(rows):,} sentences): precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    for outlet in sorted({o for o, *_ in rows}):
        p, r, f = prf((t, pred, gold) for o, t, pred, gold, _, _ in rows if o == outlet)
        print(f"  {outlet}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    p, r, f = prf((t, pred, gold) for _, t, _, _, pred, gold in rows)
    print(f"outlet's own voice vs expert spans outside quotes: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    articles = pd.DataFrame(counts, columns=["event", "outlet", "words", "gold", "predicted"])
    agree, events, chance = top_outlet_agreement(
        articles.groupby(["event", "outlet"], as_index=False)[["words", "gold", "predicted"]].sum())
    print(f"per event, the outlet with the most loaded spans per word is the experts' in {agree:.1f} of {events} events "
          f"with one clear expert top (chance {chance:.1f})")


if __name__ == "__main__":
    main()
