"""Train the in-context loaded-language model from the public BASIL annotations and write its small weight file.

Usage: .venv/bin/python scripts/train_loaded_model.py DEV_DATA_FOLDER [--out analysis/data/loaded_model.json]

DEV_DATA_FOLDER holds basil/articles/<year>/<event>_<n>.json and basil/annotations/<year>/<event>_<n>_ann.json
(Fan et al. 2019, github.com/launchnlp/BASIL). Every sentence is analysed alone, as the evaluation does; each
lexicon or rating match that passes the context rules is one example, labelled loaded when it overlaps an expert's
lexical-bias span. The model decides for words found through the rating lexicons and learns from those alone;
hand-curated entries get a score too but are kept whenever the context rules let them through. The features are general (ratings, part of speech, voice, negation, what the word is applied
to, position ...), never the word. Figures are out of fold, with folds grouped by event (BASIL triplet), and are
written into the weight file so the Method page and README can show them. No annotated word enters the repository.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from analysis.detect.lexicon import DATA_DIR, load_lexicon
from analysis.detect.loaded import FEATURE_NAMES, MODEL_FILE, rule_verdict
from analysis.detect.spans import loaded_candidates
from analysis.measure.basil import TOKEN, basil_sentences, prf, top_outlet_agreement, word_types

FOLDS = 5
C = 0.3


def collect(folder: Path):
    """Examples (features, label, group, sentence id) and, per sentence, the gold word types, candidate words and
    (event, outlet, words, expert spans)."""
    lex = load_lexicon(use_model=False)
    X, y, groups, sent_ids, spans = [], [], [], [], []
    sentences, where = [], []
    names = list(FEATURE_NAMES)
    for event, outlet, text, gold, _ in basil_sentences(folder):
        sid = len(sentences)
        sentences.append((text, word_types(text, gold)))
        where.append((event, outlet, len(TOKEN.findall(text)), len(gold)))
        for c in loaded_candidates(text, lex):
            if not rule_verdict(c)[0]:
                continue
            X.append(c.features)
            y.append(int(any(c.start < e and s < c.end for s, e in gold)))
            groups.append(event)
            sent_ids.append(sid)
            spans.append(word_types(text, [(c.start, c.end)]))
    return np.array(X), np.array(y), np.array(groups), np.array(sent_ids), spans, sentences, where, names


def outlet_agreement(keep: np.ndarray, sent_ids, where) -> tuple[float, int, float]:
    """Per event, whether the outlet with the most kept candidates per word is the experts' (see
    `top_outlet_agreement`), the articles pooled from their sentences."""
    sents = pd.DataFrame(where, columns=["event", "outlet", "words", "gold"])
    sents["predicted"] = np.bincount(np.asarray(sent_ids)[keep], minlength=len(sents))
    return top_outlet_agreement(sents.groupby(["event", "outlet"], as_index=False)[["words", "gold", "predicted"]].sum())


def token_prf(keep: np.ndarray, sent_ids, spans, sentences, only: set[int] | None = None) -> tuple[float, float, float]:
    """The evaluation's protocol over all sentences (or those in `only`) for the candidates kept."""
    pred: dict[int, set[str]] = defaultdict(set)
    for k in np.flatnonzero(keep):
        pred[sent_ids[k]] |= spans[k]
    return prf((text, pred.get(sid, set()), gold) for sid, (text, gold) in enumerate(sentences)
               if only is None or sid in only)


def balanced_sentences(sentences, seed: int = 13) -> set[int]:
    """Every sentence with an expert-marked span plus as many unmarked ones drawn at random: the mix of sentence-level
    bias corpora, where about half the sentences are biased."""
    marked = [i for i, (_, gold) in enumerate(sentences) if gold]
    unmarked = [i for i, (_, gold) in enumerate(sentences) if not gold]
    rng = np.random.default_rng(seed)
    return set(marked) | set(rng.choice(unmarked, size=min(len(marked), len(unmarked)), replace=False).tolist())


def fit(X, y):
    scaler = StandardScaler().fit(X)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(scaler.transform(X), y)
    return scaler, model


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dev_data", type=Path, help="folder with basil/ (articles and annotations)")
    ap.add_argument("--out", type=Path, default=DATA_DIR / MODEL_FILE)
    ap.add_argument("--min-precision", type=float, default=0.38,
                    help="threshold: the highest out-of-fold token F1 on the balanced sentences among thresholds "
                         "with at least this precision there (a margin over 0.35, since precision on other news "
                         "varies by a few points)")
    ap.add_argument("--tolerance", type=float, default=0.005,
                    help="balanced F1 this close to the best counts as a tie (the curve is flat near its top and "
                         "differences this small are noise); of the ties the median threshold, the middle of the "
                         "plateau, is chosen: neither its most precise nor its most inclusive edge")
    args = ap.parse_args()
    if not (args.dev_data / "basil" / "annotations").is_dir():
        raise SystemExit(f"error: {args.dev_data}/basil/annotations not found")
    X, y, groups, sent_ids, spans, sentences, where, names = collect(args.dev_data)
    print(f"{len(sentences):,} sentences, {len(y):,} candidates after the context rules, {y.sum():,} loaded")
    curated = X[:, names.index("curated")] > 0
    oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS).split(X, y, groups):
        train = train[~curated[train]]  # the model decides rated words, so it learns from them alone
        scaler, model = fit(X[train], y[train])
        oof[test] = model.predict_proba(scaler.transform(X[test]))[:, 1]
    rules_only = token_prf(np.ones(len(y), dtype=bool), sent_ids, spans, sentences)
    print(f"every candidate that passes the rules: P {rules_only[0]:.3f} R {rules_only[1]:.3f} F1 {rules_only[2]:.3f}")
    dense = balanced_sentences(sentences)
    curve = []
    for t in np.arange(0.05, 0.96, 0.01):
        keep = (oof >= t) | curated  # hand-curated entries are scored but always kept (after the rules)
        curve.append((round(float(t), 2), *(round(v, 3) for v in token_prf(keep, sent_ids, spans, sentences)),
                      *(round(v, 3) for v in token_prf(keep, sent_ids, spans, sentences, dense))))
    ok = [c for c in curve if c[4] >= args.min_precision] or curve
    top = max(c[6] for c in ok)
    ties = sorted((c for c in ok if c[6] >= top - args.tolerance), key=lambda c: c[0])
    best = ties[(len(ties) - 1) // 2]  # the middle of the plateau (the lower of two middles)
    threshold = best[0]
    print("out-of-fold token figures by threshold (t | all sentences P R F1 | balanced P R F1):")
    for row in curve[::5]:
        print("  ", row)
    print(f"chosen threshold {threshold:.2f}: all sentences P {best[1]:.3f} R {best[2]:.3f} F1 {best[3]:.3f}; "
          f"balanced P {best[4]:.3f} R {best[5]:.3f} F1 {best[6]:.3f}")
    agree, events, chance = outlet_agreement((oof >= threshold) | curated, sent_ids, where)
    print(f"the outlet with the most loaded words per word is the experts' in {agree:.1f} of {events} events "
          f"(chance {chance:.1f})")
    scaler, model = fit(X[~curated], y[~curated])
    out = {
        "about": "Logistic regression deciding whether a lexicon or rating match is loaded in its context. "
                 "Trained by scripts/train_loaded_model.py on the BASIL lexical-bias annotations (Fan et al. 2019); "
                 "features are general, never the word.",
        "features": names,
        "coef": [round(float(w), 5) for w in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 5),
        "mean": [round(float(m), 5) for m in scaler.mean_],
        "scale": [round(float(s), 5) for s in scaler.scale_],
        "threshold": threshold,
        "threshold_rule": f"median threshold of those with balanced F1 within {args.tolerance} of the best among "
                          f"those with balanced precision >= {args.min_precision}",
        "decides": "rated words (hand-curated entries are scored but kept)",
        "training": {"sentences": len(sentences), "candidates": len(y), "loaded": int(y.sum()),
                     "rated_candidates_trained_on": int((~curated).sum()), "rated_loaded": int(y[~curated].sum()),
                     "C": C, "class_weight": "balanced", "folds": FOLDS, "grouped_by": "BASIL event (triplet uuid)"},
        "out_of_fold": {"all_sentences": {"precision": best[1], "recall": best[2], "f1": best[3]},
                        "balanced_sentences": {"precision": best[4], "recall": best[5], "f1": best[6],
                                               "sentences": len(dense)},
                        "rules_only_all_sentences": [round(v, 3) for v in rules_only],
                        "top_outlet_per_event": {"agree": round(agree, 1), "events": events,
                                                 "chance": round(chance, 1)}},
    }
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    for n, w in sorted(zip(names, out["coef"]), key=lambda x: -abs(x[1]))[:12]:
        print(f"  {n:>26} {w:+.3f}")


if __name__ == "__main__":
    main()
