"""Choose the gate's threshold on the tuning half alone: 5-fold cross-validation by article.

    python -m training.cv

Every tuning candidate gets a log-odds from a model fitted on the other four folds;
the table shows, for each threshold, the share of kept candidates that are right and
the gold attributions they cover (all / direct+mixed / speech-verb), against the
rules alone (every candidate from the lexicon kept, no mined cue).
"""

import tempfile
from collections import defaultdict
from pathlib import Path

from quotecat.evaluate import cue_family

from . import corpus, cues



def covered(rows, keep) -> dict[str, int]:
    gold = corpus.read_gold(corpus.TRAIN)
    by_article = defaultdict(list)
    for row, k in zip(rows, keep):
        if k:
            by_article[row["article"]].append(cues.mine_chars(row["content"]))
    out = defaultdict(int)
    for name in corpus.half("tune"):
        for record in gold.get(name, []):
            g = cues.mine_chars(record.get("fragments") or [[record["start"], record["end"]]])
            if g and any(len(g & c) / len(g) >= 0.5 for c in by_article[name]):
                out["all"] += 1
                out["quoted"] += record["type"] in ("direct", "mixed")
                out["speech"] += cue_family(record.get("cue")) == "speech"
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        package = cues.staging(Path(folder))
        _, _, _, rows, labels = cues.mined_candidates(package)
    scores = cues.cv_scores(rows, labels)
    mined = ["k=mined" in row["features"] for row in rows]
    chosen = cues.choose_threshold(rows, labels, scores)
    kinds = sorted({f for row in rows for f in row["features"] if f.startswith(("rx=", "r="))})
    print(f"{'candidates of':<52}{'n':>6}{'right':>7}{'kept':>6}{'right':>7}   (kept: cross-validated, threshold {chosen})")
    for kind in kinds:
        members = [k for k, row in enumerate(rows) if kind in row["features"]]
        threshold = chosen if kind.startswith("rx=") else -2.0
        kept = [k for k in members if scores[k] >= threshold]
        print(f"{kind:<52}{len(members):>6}{sum(labels[k] for k in members) / len(members):>7.3f}{len(kept):>6}"
              f"{sum(labels[k] for k in kept) / max(1, len(kept)):>7.3f}")
    print(f"{'threshold':>10}{'kept':>7}{'right':>8}{'all':>7}{'d+m':>7}{'speech':>8}")
    baseline = ["proposed" not in row["features"] for row in rows]
    c = covered(rows, baseline)
    right = sum(l for l, k in zip(labels, baseline) if k) / sum(baseline)
    print(f"{'rules':>10}{sum(baseline):>7}{right:>8.3f}{c['all']:>7}{c['quoted']:>7}{c['speech']:>8}")
    proposed = ["proposed" in row["features"] for row in rows]
    from sklearn.metrics import roc_auc_score

    print("AUC proposed", round(roc_auc_score([l for l, p in zip(labels, proposed) if p],
                                              [s for s, p in zip(scores, proposed) if p]), 4),
          "AUC rules", round(roc_auc_score([l for l, p in zip(labels, proposed) if not p],
                                           [s for s, p in zip(scores, proposed) if not p]), 4))
    for veto in (-2.0, -1.0, -0.5, 0.0):
        for threshold in (1.5, 2.0, 2.5):
            keep = [s >= (threshold if p else veto) for s, p in zip(scores, proposed)]
            c = covered(rows, keep)
            right = sum(l for l, k in zip(labels, keep) if k) / max(1, sum(keep))
            new = [k and p for k, p in zip(keep, proposed)]
            new_right = sum(l for l, k in zip(labels, new) if k) / max(1, sum(new))
            print(f"{veto:>6}{threshold:>6}{sum(keep):>7}{right:>8.3f}{c['all']:>7}{c['quoted']:>7}{c['speech']:>8}"
                  f"   proposed kept {sum(new):>5} right {new_right:.3f}")


if __name__ == "__main__":
    main()
