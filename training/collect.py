"""Run the extractor over articles with the gate open and record every candidate it weighs.

    QUOTECAT_PURE=1 python -m training.collect HALF OUT.jsonl

Each line: article, cue offset, the gate's features, and the candidate's content
spans. Pure Python only: the gate is replaced by a recorder, which a compiled
extractor would not see.
"""

import json
import os
import sys

from . import corpus

assert os.environ.get("QUOTECAT_PURE") == "1", "run with QUOTECAT_PURE=1"
from quotecat.extract import cue_model, cues, extract, quotes  # noqa: E402  (after the check: pure Python only)

assert cue_model.THRESHOLD < -100, f"{cue_model.__file__}: not the staged model that keeps every candidate"


def collect(names: list[str], out) -> None:
    texts = corpus.read_articles(names)
    pending = []

    def record(text, tokens, i, item, nested=False):
        pending.append((tokens[i].start, cue_model.candidate_features(text, tokens, i, item), item, nested))
        return True

    cues.accept = quotes.accept = record  # the stages that ask the gate: every candidate is kept, and recorded
    for name in names:
        pending.clear()
        extract(texts[name])
        # The content as the whole pipeline left it: later stages attach the rest of a split quotation.
        for cue, features, item, nested in pending:
            mention = texts[name][item.source[0]:item.source[1]] if item.source is not None else None
            out.write(json.dumps({"article": name, "cue": cue, "features": features, "mention": mention, "nested": nested,
                                  "content": [list(span) for span in item.content]}) + "\n")


def main() -> None:
    which, path = sys.argv[1], sys.argv[2]
    with open(path, "w", encoding="utf-8") as out:
        collect(corpus.half(which), out)


if __name__ == "__main__":
    main()
