"""Train the check-worthiness weights on CLEF CheckThat! 2024 task 1 (English), choosing
everything by cross-validation grouped by debate, never by the dev-test.

Reads ../shared/data/checkthat2024-task1/english (train, dev, dev-test; never copied into the
project). The sentences are ClaimBuster's US presidential debate transcripts; their
`Sentence_id`s run in transcript order, with a jump of more than 20 ids between two debates,
so a debate is a run of ids without such a gap (the train set has 33). Model selection:

- grouped 5-fold cross-validation on the train set (GroupKFold over those debates: a fold's
  sentences come from debates the model never saw), over feature sets (the extractor's facts
  alone; facts + word 1-2-grams; facts + word 1-3-grams + character 4-grams) and the L2
  strength C; class weights balanced;
- the decision threshold that maximises F1 on the pooled out-of-fold scores of the chosen
  setting. The shipped model is refitted on train + dev with that setting, and its bias is
  shifted so that the threshold sits at score 0.5: `checkworthy` is `score >= 0.5`.

The dev set shares debates with train (its ids interleave), so it is reported but not used to
choose; the dev-test (later debates) is only reported, after the choice. Weights written:

- `claims/extract/weights/en.json`: the chosen setting;
- `claims/extract/weights/facts.json`: the facts alone (same selection), for languages
  without a word model.

scikit-learn is a bench-only dependency. The weights are a statistic of the data, not a copy.

    /work/venv/bin/python bench/train_checkworthy.py [--write]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / ".." / "shared" / "data" / "checkthat2024-task1" / "english"
WEIGHTS = ROOT / "claims" / "extract" / "weights"
DEBATE_GAP = 20


def read(name: str) -> tuple[list[str], list[int], list[int]]:
    texts, labels, ids = [], [], []
    with open(DATA / f"CT24_checkworthy_english_{name}.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts.append(row["Text"])
            labels.append(1 if row["class_label"].strip() == "Yes" else 0)
            ids.append(int(row["Sentence_id"]))
    return texts, labels, ids


def debates(ids: list[int]) -> list[int]:
    """A debate number for each sentence id: a new debate after a jump of > DEBATE_GAP ids."""
    order = sorted(set(ids))
    number, current, previous = {}, 0, None
    for i in order:
        if previous is not None and i - previous > DEBATE_GAP:
            current += 1
        number[i] = current
        previous = i
    return [number[i] for i in ids]


def f1(labels: list[int], predicted: list[int]) -> tuple[float, float, float]:
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return score, precision, recall


def best_threshold(labels: list[int], probs: list[float]) -> tuple[float, float]:
    best = (0.0, 0.5)
    for step in range(10, 91):
        t = step / 100
        value = f1(labels, [int(p >= t) for p in probs])[0]
        if value > best[0]:
            best = (value, t)
    return best[1], best[0]


FEATURE_SETS = {
    "facts": (False, False, False),
    "facts+words1-2": (True, False, False),
    "facts+words1-3+chars": (True, True, True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write the weight files")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--prune", type=float, default=0.01, help="drop smaller n-gram weights")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return

    import numpy as np
    from scipy.sparse import csr_matrix, vstack
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from claims.extract.pipeline import analyse_sentence
    from claims.extract.score import char_grams, fact_features, tokens

    started = time.perf_counter()
    splits = {name: read(name) for name in ("train", "dev", "dev-test")}
    facts = {
        name: [fact_features(analyse_sentence(t, "en").facts) for t in texts]
        for name, (texts, _, _) in splits.items()
    }
    words = {name: [tokens(t) for t in texts] for name, (texts, _, _) in splits.items()}
    print(f"features computed in {time.perf_counter() - started:.1f} s")
    groups = debates(splits["train"][2] + splits["dev"][2])
    train_groups = np.array(groups[: len(splits["train"][2])])
    print(f"{len(set(groups))} debates in train + dev (a gap of > {DEBATE_GAP} ids starts one)")
    fact_names = sorted({k for doc in facts["train"] for k in doc})

    def text_features(ws: list[str], trigrams: bool, chars: bool) -> dict[str, float]:
        feats = dict.fromkeys(ws, 1.0)
        feats.update(dict.fromkeys(map(" ".join, zip(ws, ws[1:], strict=False)), 1.0))
        if trigrams:
            feats.update(dict.fromkeys(map(" ".join, zip(ws, ws[1:], ws[2:], strict=False)), 1.0))
        if chars:
            for w in set(ws):
                for gram in char_grams(w):
                    feats[gram] = feats.get(gram, 0.0) + 1.0
        return feats

    def build(setting: str) -> tuple[dict[str, csr_matrix], list[str]]:
        with_words, trigrams, chars = FEATURE_SETS[setting]
        grams = {
            name: [text_features(ws, trigrams, chars) if with_words else {} for ws in docs]
            for name, docs in words.items()
        }
        counts = Counter(g for doc in grams["train"] for g in doc)
        vocab = sorted(g for g, c in counts.items() if c >= args.min_count)
        index = {f"@fact:{n}": i for i, n in enumerate(fact_names)}
        index.update({g: len(fact_names) + i for i, g in enumerate(vocab)})
        out = {}
        for name in splits:
            rows, cols, vals = [], [], []
            for r, (fdoc, gdoc) in enumerate(zip(facts[name], grams[name], strict=True)):
                for k, v in fdoc.items():
                    if f"@fact:{k}" in index:
                        rows.append(r)
                        cols.append(index[f"@fact:{k}"])
                        vals.append(v)
                for g, value in gdoc.items():
                    i = index.get(g)
                    if i is not None:
                        rows.append(r)
                        cols.append(i)
                        vals.append(value)
            out[name] = csr_matrix((vals, (rows, cols)), shape=(len(facts[name]), len(index)))
        return out, vocab

    y_train = np.array(splits["train"][1])
    splitter = GroupKFold(n_splits=args.folds)
    folds = list(splitter.split(np.zeros(len(y_train)), y_train, train_groups))
    grid = {"facts": (0.1, 0.3, 1.0, 3.0)}
    grid.update({s: (0.01, 0.03, 0.1, 0.3) for s in FEATURE_SETS if s != "facts"})
    results: list[tuple[float, str, float, float]] = []
    matrices: dict[str, tuple[dict[str, csr_matrix], list[str]]] = {}
    for setting in FEATURE_SETS:
        matrices[setting] = build(setting)
        x = matrices[setting][0]["train"]
        for c in grid[setting]:
            oof = np.zeros(len(y_train))
            fold_f1 = []
            for fit_rows, held in folds:
                model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
                model.fit(x[fit_rows], y_train[fit_rows])
                oof[held] = model.predict_proba(x[held])[:, 1]
                fold_f1.append(f1(list(y_train[held]), [int(p >= 0.5) for p in oof[held]])[0])
            threshold, pooled = best_threshold(list(y_train), list(oof))
            at_half = f1(list(y_train), [int(p >= 0.5) for p in oof])[0]
            print(
                f"{setting:22s} C={c:<5} grouped-CV F1 at 0.5 {at_half:.3f} "
                f"(folds {min(fold_f1):.3f}-{max(fold_f1):.3f}); best threshold {threshold:.2f} "
                f"-> {pooled:.3f}"
            )
            results.append((pooled, setting, c, threshold))

    def fit_and_report(setting: str, c: float, threshold: float, out_name: str | None) -> float:
        mats, vocab = matrices[setting]
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        model.fit(vstack([mats["train"], mats["dev"]]), np.concatenate([y_train, splits["dev"][1]]))
        # Only the dev-test is unseen by the shipped model (dev is part of its training data).
        probs = model.predict_proba(mats["dev-test"])[:, 1]
        value, p, r = f1(splits["dev-test"][1], [int(q >= threshold) for q in probs])
        print(f"  {setting} C={c} threshold {threshold:.2f}: "
              f"dev-test F1(Yes)={value:.3f} P={p:.3f} R={r:.3f}")
        if args.write and out_name:
            coef = model.coef_[0]
            bias = float(model.intercept_[0]) - math.log(threshold / (1 - threshold))
            weights = {
                "about": (
                    "Logistic check-worthiness weights trained by bench/train_checkworthy.py on "
                    f"CLEF CheckThat! 2024 task 1 English train + dev; features {setting}, C={c}, "
                    f"chosen by 5-fold cross-validation grouped by debate; threshold {threshold:.2f}"
                    " (the grouped-CV optimum) shifted into the bias so checkworthy = score >= 0.5."
                ),
                "features": setting,
                "threshold": 0.5,
                "bias": round(bias, 4),
                "facts": {n: round(float(coef[i]), 4) for i, n in enumerate(fact_names)},
                "ngrams": {
                    g: round(float(coef[len(fact_names) + i]), 3)
                    for i, g in enumerate(vocab)
                    if abs(coef[len(fact_names) + i]) >= args.prune
                },
            }
            (WEIGHTS / out_name).write_text(
                json.dumps(weights, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                encoding="utf-8",
            )
            print(f"  wrote {out_name}: {len(weights['ngrams'])} n-grams")
        return threshold

    pooled, setting, c, threshold = max(results)
    print(f"chosen by grouped CV: {setting}, C={c}, threshold {threshold:.2f} "
          f"(grouped-CV F1 {pooled:.3f})")
    fit_and_report(setting, c, threshold, "en.json")
    facts_only = max(r for r in results if r[1] == "facts")
    print(f"facts alone: C={facts_only[2]}, threshold {facts_only[3]:.2f} "
          f"(grouped-CV F1 {facts_only[0]:.3f})")
    fit_and_report("facts", facts_only[2], facts_only[3], "facts.json")
    if args.write:
        evaluate_runtime(splits["dev-test"])


def evaluate_runtime(split: tuple[list[str], list[int], list[int]]) -> None:
    """F1 of the shipped extractor's own decisions (weights as written) on dev-test."""
    from claims.extract import score as score_module
    from claims.extract.pipeline import analyse_sentence

    score_module.load_model.cache_clear()
    score_module._WORD_SHARES.clear()
    texts, labels, _ = split
    predicted = [int(score_module.is_checkworthy(analyse_sentence(t, "en").score)) for t in texts]
    value, precision, recall = f1(labels, predicted)
    print(
        f"runtime scorer (claims.extract, checkworthy) dev-test F1(Yes)={value:.3f} "
        f"P={precision:.3f} R={recall:.3f}"
    )


if __name__ == "__main__":
    main()
