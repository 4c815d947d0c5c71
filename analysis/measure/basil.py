"""The BASIL lexical-bias annotations (Fan et al. 2019, EMNLP; github.com/launchnlp/BASIL) read for measuring and
training, and the token-level scoring protocol: per sentence, predicted vs expert-marked word types."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*")  # the protocol's word tokens


def basil_sentences(folder: Path):
    """(event, outlet, sentence, gold ranges, gold ranges outside quotes) for every BASIL sentence, where ranges are
    character ranges of the experts' lexical-bias spans in the sentence."""
    for ann_path in sorted((folder / "basil" / "annotations").glob("*/*_ann.json")):
        art_path = Path(str(ann_path).replace("annotations", "articles").replace("_ann.json", ".json"))
        art = json.loads(art_path.read_text(encoding="utf-8"))
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        sents = [s for para in art.get("body-paragraphs", []) for s in para]
        gold: dict[int, list[tuple[int, int]]] = defaultdict(list)
        own: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for ph in ann.get("phrase-level-annotations", []):
            if ph.get("bias") != "lex":
                continue
            for i, s in enumerate(sents):
                if s[ph["start"]:ph["end"]] == ph["txt"]:
                    gold[i].append((ph["start"], ph["end"]))
                    if str(ph.get("quote", "")).lower() != "yes":
                        own[i].append((ph["start"], ph["end"]))
                    break
        for i, s in enumerate(sents):
            yield art["triplet-uuid"], str(art.get("source", "")).lower(), s, gold[i], own[i]


def word_types(text: str, ranges) -> set[str]:
    """Lower-cased word types of the text inside any of the character ranges."""
    ranges = list(ranges)
    return {m.group().lower().strip("'") for m in TOKEN.finditer(text)
            if any(m.start() < e and s < m.end() for s, e in ranges)}


def all_words(text: str) -> set[str]:
    """Every word type of a sentence."""
    return {m.group().lower().strip("'") for m in TOKEN.finditer(text)}


def prf(pairs) -> tuple[float, float, float]:
    """Precision, recall and F1 over (sentence, predicted word types, gold word types) triples."""
    tp = fp = fn = 0
    for text, pred, gold in pairs:
        words = all_words(text)
        p, g = pred & words, gold & words
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def top_outlet_agreement(articles) -> tuple[float, int, float]:
    """How often the outlet with the most predicted spans per word in an event is the one with the most expert spans
    per word: (agreeing events, events with one clear expert top, agreement expected by chance). `articles` is a
    table with columns event, outlet, words, gold and predicted (span counts); a tie for the predicted top shares
    its credit."""
    agree, events, chance = 0.0, 0, 0.0
    for _, e in articles[articles["words"] > 0].groupby("event"):
        gold = e["gold"] / e["words"]
        if len(e) < 2 or (gold == gold.max()).sum() != 1:
            continue
        pred = e["predicted"] / e["words"]
        top = pred == pred.max()
        agree += float(top[gold.idxmax()]) / int(top.sum())
        events += 1
        chance += 1 / len(e)
    return agree, events, chance
