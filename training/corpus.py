"""The PolNeAR training articles, split in two halves, and the other gold sets.

The tuning half is the articles on even-numbered lines of ``ls articles/``
(1-based: lines 2, 4, 6, ...), the check half those on odd lines. Rules and
weights are fitted on the tuning half only; the check half is the held-out
figure, and ../shared/polnear-dev stays untouched (scored, never read).
"""

import json
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("QUOTECAT_SHARED", ROOT.parent / "shared"))
TRAIN = SHARED / "polnear-train"
DEV = SHARED / "polnear-dev"
WIKINEWS = SHARED / "wikinews-dev"


def article_names(gold_dir: Path = TRAIN) -> list[str]:
    """Article names (no .txt) in ``ls`` order (byte order, as ls in the C and C.UTF-8 locales)."""
    return sorted(p.name[:-4] for p in (gold_dir / "articles").iterdir() if p.name.endswith(".txt"))


def half(which: str, gold_dir: Path = TRAIN) -> list[str]:
    """'tune' (even-numbered lines of ls) or 'check' (odd-numbered lines)."""
    names = article_names(gold_dir)
    if which == "tune":
        return names[1::2]
    if which == "check":
        return names[0::2]
    raise ValueError(f"unknown half {which!r}: expected 'tune' or 'check'")


def read_gold(gold_dir: Path) -> dict[str, list[dict]]:
    records: dict[str, list[dict]] = {}
    with open(gold_dir / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                records.setdefault(record["article"], []).append(record)
    return records


def read_articles(names: list[str], gold_dir: Path = TRAIN) -> dict[str, str]:
    return {name: (gold_dir / "articles" / f"{name}.txt").read_text(encoding="utf-8") for name in names}


def subset_dir(names: list[str], gold_dir: Path = TRAIN, keep=lambda record: True) -> Path:
    """A temporary gold folder (symlinked articles, filtered gold.jsonl) that ``quotecat evaluate`` reads."""
    target = Path(tempfile.mkdtemp(prefix="quotecat-gold-"))
    (target / "articles").mkdir()
    wanted = set(names)
    for name in names:
        os.symlink(gold_dir / "articles" / f"{name}.txt", target / "articles" / f"{name}.txt")
    with open(gold_dir / "gold.jsonl", encoding="utf-8") as src, \
            open(target / "gold.jsonl", "w", encoding="utf-8") as out:
        for line in src:
            if line.strip():
                record = json.loads(line)
                if record["article"] in wanted and keep(record):
                    out.write(line)
    return target
