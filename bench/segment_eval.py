"""Sentence-boundary F1 of the claims segmenter against public gold, pysbd on the same input.

Gold (read by path from ../shared/data, never copied):

- pySBD golden rules (MIT): the English rules, cases and edge cases, and the French ones;
- UD French-GSD test (CC BY-SA 4.0): treebank sentences joined `--k` at a time with a space;
- GUM Wikinews (texts CC BY 2.5, annotations CC BY 4.0): 24 English articles, gold sentences.

A boundary is the number of non-space characters before a sentence end, so the two systems
and the gold are compared whatever they do with white space; the end of each text is not
counted. Micro-averaged precision, recall and F1 are printed per gold set, with the share of
texts segmented exactly like the gold.

    /work/venv/bin/python bench/segment_eval.py [--k 5] [--show 0]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / ".." / "shared" / "data"

Case = tuple[str, list[str], str]  # text, gold sentences, lang


def nonspace_boundaries(text: str, pieces: list[str]) -> set[int] | None:
    """Boundaries of `pieces` as non-space character counts; None when they do not cover text."""
    total = sum(1 for ch in text if not ch.isspace())
    count = 0
    out: set[int] = set()
    for piece in pieces:
        count += sum(1 for ch in piece if not ch.isspace())
        out.add(count)
    if count != total:
        return None
    out.discard(total)
    return out


def golden_rules() -> Iterator[Case]:
    with open(DATA / "pysbd-golden-rules" / "pysbd_golden_rules.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["lang"] in ("en", "fr"):
                yield row["text"], row["expected_sentences"], row["lang"]


def ud_french(k: int) -> Iterator[Case]:
    with open(DATA / "ud-french-gsd" / "fr_gsd_test_sentences.jsonl", encoding="utf-8") as fh:
        sentences = [json.loads(line)["text"] for line in fh if line.strip()]
    for i in range(0, len(sentences), k):
        group = sentences[i : i + k]
        yield " ".join(group), group, "fr"


def gum() -> Iterator[Case]:
    docs = {}
    with open(DATA / "gum-wikinews-en" / "gum_news_documents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs[row["doc_id"]] = row["text"]
    gold: dict[str, list[str]] = {}
    with open(DATA / "gum-wikinews-en" / "gum_news_sentences.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            gold.setdefault(row["doc_id"], []).append(row["text"])
    for doc_id, text in docs.items():
        yield text, gold[doc_id], "en"


def score(
    name: str, cases: list[Case], split: Callable[[str, str], list[str]], show: int
) -> tuple[float, float, float, float]:
    tp = fp = fn = exact = used = 0
    shown = 0
    for text, gold_pieces, lang in cases:
        gold = nonspace_boundaries(text, gold_pieces)
        if gold is None:
            continue
        predicted_pieces = split(text, lang)
        predicted = nonspace_boundaries(text, predicted_pieces)
        if predicted is None:  # a splitter that drops or rewrites text loses those boundaries
            predicted = set()
        used += 1
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        exact += gold == predicted
        if gold != predicted and shown < show:
            shown += 1
            print(f"  [{name}] gold:", gold_pieces[:6])
            print(f"  [{name}] got: ", predicted_pieces[:6])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, exact / used if used else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--k", type=int, default=5, help="UD sentences joined per text")
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return
    import pysbd

    from claims.extract.segment import segment

    segmenters = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("en", "fr")}

    def ours(text: str, lang: str) -> list[str]:
        return [text[s.start : s.end] for s in segment(text, lang)]

    def theirs(text: str, lang: str) -> list[str]:
        return [str(s) for s in segmenters[lang].segment(text)]

    sets = {
        "pySBD golden rules en": [c for c in golden_rules() if c[2] == "en"],
        "pySBD golden rules fr": [c for c in golden_rules() if c[2] == "fr"],
        f"UD French-GSD (k={args.k})": list(ud_french(args.k)),
        "GUM Wikinews en": list(gum()),
    }
    print(f"{'gold set':28s} {'system':8s} {'P':>6s} {'R':>6s} {'F1':>6s} {'exact':>6s}")
    for name, cases in sets.items():
        for system, split in (("claims", ours), ("pysbd", theirs)):
            p, r, f, e = score(system, cases, split, args.show)
            print(f"{name:28s} {system:8s} {p:6.3f} {r:6.3f} {f:6.3f} {e:6.3f}")


if __name__ == "__main__":
    main()
