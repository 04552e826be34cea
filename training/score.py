"""Every figure a change is judged by, in one run.

    python -m training.score [--sets tune,check,wikinews,dev] [--json]

tune / check: the two halves of ../shared/polnear-train (see training/corpus.py);
wikinews: ../shared/wikinews-dev, all records and the required ones;
dev: ../shared/polnear-dev, the untouched check (only its scores are printed).
"""

import argparse
import json
import shutil
import sys

from quotecat.evaluate import evaluate

from . import corpus

GROUPS = ("all", "quoted", "speech", "other")


def figures(report: dict) -> dict:
    out = {"precision": round(report["precision"], 4), "strict": round(report["strict_precision"] or 0, 4),
           "extracted": report["extracted"]}
    for group in GROUPS:
        out[f"{group}.recall"] = round(report[group]["recall"] or 0, 4)
        out[f"{group}.gold"] = report[group]["gold"]
        out[f"{group}.speaker"] = round(report[group]["speaker_accuracy"] or 0, 4)
    return out


def score(name: str) -> dict:
    if name in ("tune", "check"):
        folder = corpus.subset_dir(corpus.half(name))
    elif name == "wikinews-required":
        folder = corpus.subset_dir(corpus.article_names(corpus.WIKINEWS), corpus.WIKINEWS,
                                   keep=lambda r: r.get("required", True) is not False)
    elif name == "wikinews":
        return figures(evaluate(corpus.WIKINEWS))
    elif name == "dev":
        return figures(evaluate(corpus.DEV))
    else:
        raise SystemExit(f"unknown set {name!r}")
    try:
        return figures(evaluate(folder))
    finally:
        shutil.rmtree(folder)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="tune,check,wikinews,wikinews-required,dev")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = {name: score(name) for name in args.sets.split(",")}
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        print()
        return
    print(f"{'set':<18}{'prec':>7}{'strict':>7}{'all':>7}{'d+m':>7}{'speech':>8}{'other':>7}{'extr':>7}"
          f"   speaker: {'all':>6}{'d+m':>7}{'speech':>8}")
    for name, f in results.items():
        print(f"{name:<18}{f['precision']:>7.3f}{f['strict']:>7.3f}{f['all.recall']:>7.3f}{f['quoted.recall']:>7.3f}"
              f"{f['speech.recall']:>8.3f}{f['other.recall']:>7.3f}{f['extracted']:>7}"
              f"            {f['all.speaker']:>6.3f}{f['quoted.speaker']:>7.3f}{f['speech.speaker']:>8.3f}")


if __name__ == "__main__":
    main()
