"""Fit the row confidence and write ``quotecat/lexicon/confidence.json``.

    .venv/bin/python -m training.confidence [--output PATH] [--report]

Every row the extractor gives for the PolNeAR training articles and ``../shared/wikinews-dev``
is judged by ``quotecat.evaluate.rows_right`` (the rule ``quotecat evaluate`` counts with:
span, speaker and, where the gold states one, affiliation) and read as the feature names of
``quotecat.extract.confidence.features``. A logistic regression (scikit-learn, L2, deterministic)
fits them; the file keeps the bias and each feature's weight, rounded, and no text.
PolNeAR states no affiliation, so a PolNeAR row is right on its span and speaker alone;
Wikinews rows, which judge the affiliation too, weigh WIKINEWS_WEIGHT times as much.
``--report`` prints the calibration out of fold (five folds by article) before fitting on all:
``../shared/polnear-dev`` is not read here (``quotecat evaluate`` gives its table).
"""

import argparse
import json
from pathlib import Path

from . import corpus

# A Wikinews row counts this many times a PolNeAR one: the only set that judges affiliations, and
# closer to the international news the catalogue is read on. Chosen on the out-of-fold Wikinews
# calibration (--report): 1 leaves its >= 0.9 bin below 90% right.
WIKINEWS_WEIGHT = 5.0
C = 0.3  # inverse regularisation; out-of-fold log loss flat from 0.1 to 1
C_AFFILIATION = 0.3
# What the affiliation part reads: where the affiliation came from, the kind of source, how it was resolved
# (quotecat.extract.confidence.AFFILIATION_FAMILIES, which looks up only these).
UNRESOLVED = "r=pronoun unresolved"  # a row whose pronoun the resolver gave to no one
MIN_COUNT = 5  # a feature seen on fewer training rows gets no weight
FOLDS = 5
BINS = [(0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6), (0.0, 0.5)]
OUTPUT = corpus.ROOT / "quotecat" / "lexicon" / "confidence.json"


def collect(gold_dir: Path, names: list[str] | None = None) -> list[tuple[str, list[str], bool, bool]]:
    """(article, features, span and speaker right, row right) for every judged row of ``gold_dir``."""
    from quotecat.evaluate import rows_right
    from quotecat.extract import extract
    from quotecat.extract.confidence import features

    gold = corpus.read_gold(gold_dir)
    names = names if names is not None else corpus.article_names(gold_dir)
    rows = []
    for name in names:
        text = (gold_dir / "articles" / f"{name}.txt").read_text(encoding="utf-8")
        predictions = extract(text)
        for prediction, judged in zip(predictions, rows_right(predictions, gold.get(name, []))):
            if judged is not None:
                named = features(text, prediction)
                if UNRESOLVED in named:
                    # PolNeAR judges a pronoun mention against the pronoun, so "he said" left with
                    # nobody would count as right; a journalist gets a row without a speaker.
                    judged = (False, False)
                rows.append((name, named, *judged))
    return rows


def fit(rows, weights, c: float = C) -> tuple[float, dict[str, float]]:
    """The bias and the weight of each feature seen on MIN_COUNT rows or more; ``rows``: (features, label)."""
    from collections import Counter

    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for names, _ in rows for f in set(names))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    indptr, indices = [0], []
    for names, _ in rows:
        indices += sorted({vocabulary[f] for f in names if f in vocabulary})
        indptr.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocabulary)))
    y = np.array([label for _, label in rows], dtype=int)
    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    model.fit(x, y, sample_weight=np.array(weights))
    names = sorted(vocabulary, key=vocabulary.get)
    return round(float(model.intercept_[0]), 4), {
        f: round(float(w), 4) for f, w in zip(names, model.coef_[0]) if round(float(w), 4) != 0.0}


def fit_both(polnear, wikinews) -> dict:
    """The two parts of the confidence: span and speaker right (both sets), then the affiliation right
    given that (Wikinews only, on the affiliation's features)."""
    rows = [(names, speaker) for _, names, speaker, _ in polnear + wikinews]
    bias, weights = fit(rows, [1.0] * len(polnear) + [WIKINEWS_WEIGHT] * len(wikinews))
    from quotecat.extract.confidence import AFFILIATION_FAMILIES

    judged = [([f for f in names if f.partition("=")[0] in AFFILIATION_FAMILIES], right)
              for _, names, speaker, right in wikinews if speaker]
    affiliation_bias, affiliation_weights = fit(judged, [1.0] * len(judged), C_AFFILIATION)
    return {"bias": bias, "weights": dict(sorted(weights.items())), "affiliation_bias": affiliation_bias,
            "affiliation_weights": dict(sorted(affiliation_weights.items()))}


def probability(model: dict, names: list[str]) -> float:
    """As quotecat.extract.confidence computes it (unrounded)."""
    import math

    speaker = model["bias"] + sum(model["weights"].get(f, 0.0) for f in names)
    affiliation = model["affiliation_bias"] + sum(model["affiliation_weights"].get(f, 0.0) for f in names)
    return 1.0 / (1.0 + math.exp(-speaker)) / (1.0 + math.exp(-affiliation))


def table(pairs: list[tuple[float, bool]]) -> str:
    lines = [f"{'confidence':<12}{'rows':>7}{'right':>7}{'share':>8}"]
    for low, high in BINS:
        inside = [right for p, right in pairs if low <= p < high]
        label = f">= {low:.1f}" if high > 1 else f"{low:.1f}-{high:.1f}"
        share = f"{sum(inside) / len(inside):.3f}" if inside else "-"
        lines.append(f"{label:<12}{len(inside):>7}{sum(inside):>7}{share:>8}")
    return "\n".join(lines)


def out_of_fold(polnear, wikinews) -> list[float]:
    """Each row's confidence from a model fitted without its article (folds by article name order)."""
    rows = polnear + wikinews
    articles = sorted({name for name, *_ in rows})
    fold_of = {name: i % FOLDS for i, name in enumerate(articles)}
    predicted = [0.0] * len(rows)
    for fold in range(FOLDS):
        model = fit_both([r for r in polnear if fold_of[r[0]] != fold], [r for r in wikinews if fold_of[r[0]] != fold])
        for i, (name, names, *_) in enumerate(rows):
            if fold_of[name] == fold:
                predicted[i] = probability(model, names)
    return predicted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--report", action="store_true", help="print the out-of-fold calibration first")
    args = parser.parse_args()
    polnear = collect(corpus.TRAIN)
    wikinews = [(f"wikinews/{name}", *rest) for name, *rest in collect(corpus.WIKINEWS)]
    print(f"{len(polnear)} PolNeAR training rows ({sum(r[3] for r in polnear)} right), "
          f"{len(wikinews)} Wikinews rows ({sum(r[3] for r in wikinews)} right, "
          f"{sum(r[2] for r in wikinews)} with the right span and speaker)")
    if args.report:
        predicted = out_of_fold(polnear, wikinews)
        n = len(polnear)
        print("out of fold, PolNeAR training articles:\n" + table(list(zip(predicted[:n], [r[3] for r in polnear]))))
        print("out of fold, Wikinews:\n" + table(list(zip(predicted[n:], [r[3] for r in wikinews]))))
    model = fit_both(polnear, wikinews)
    model.update({"rows": {"polnear-train": len(polnear), "wikinews-dev": len(wikinews)},
                  "wikinews_weight": WIKINEWS_WEIGHT, "C": C, "C_affiliation": C_AFFILIATION, "min_count": MIN_COUNT})
    args.output.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(model['weights'])} weights, {len(model['affiliation_weights'])} for the affiliation")


if __name__ == "__main__":
    main()
