"""Why the rules rejected a cue: the line at which the cue function returned nothing.

Runs the pure-Python extractor under sys.settrace (slow; tuning half only) and, for
every missed gold attribution whose cue word is in the lexicon, reports where the
cue stage gave up: never reached (sentence skipped, capitalised cue, tokenised
differently), or the ``return None`` line of ``verb_cue``.
"""

import linecache
import os
import sys
from collections import Counter

os.environ["QUOTECAT_PURE"] = "1"

import importlib  # noqa: E402

extract_module = importlib.import_module("quotecat.extract")
cues_module = importlib.import_module("quotecat.extract.cues")

from . import corpus, misses  # noqa: E402

CODE = cues_module.verb_cue.__code__


def traced(text: str):
    outcomes: dict[int, str] = {}

    def tracer(frame, event, arg):
        if frame.f_code is not CODE:
            return None

        def local(frame, event, arg):
            if event == "return":
                cue = frame.f_locals["tokens"][frame.f_locals["i"]]
                line = frame.f_lineno
                outcomes[cue.start] = "found" if arg is not None else \
                    f"L{line}: {linecache.getline(CODE.co_filename, line).strip()[:70]}"
            return local
        return local

    sys.settrace(tracer)
    try:
        predictions = extract_module.extract(text)
    finally:
        sys.settrace(None)
    return predictions, outcomes


def main() -> None:
    show = sys.argv[1] if len(sys.argv) > 1 else None  # print contexts of reasons starting with this
    names = corpus.half("tune")
    gold = corpus.read_gold(corpus.TRAIN)
    texts = corpus.read_articles(names)
    reasons: Counter = Counter()
    quoted: Counter = Counter()
    examples: dict[str, list] = {}
    for name in names:
        predictions, outcomes = traced(texts[name])
        pchars = [misses.chars(p.fragments or [[p.start, p.end]]) for p in predictions]
        for record in gold.get(name, []):
            g = misses.chars(record.get("fragments") or [[record["start"], record["end"]]])
            if not g or max((len(g & c) / len(g) for c in pchars), default=0) >= 0.5:
                continue
            if misses.category(record, predictions, texts[name]) != "cue in lexicon, rules rejected":
                continue
            head = misses.head_word(record["cue"])
            # the cue token: the head word's position inside the gold cue span
            at = texts[name].lower().find(head, record["cue_start"], record["cue_end"] + 1)
            reason = outcomes.get(at, "never reached verb_cue")
            if reason == "found":
                reason = "found, then lost (attach / dedupe / untangle)"
            reasons[reason] += 1
            quoted[reason] += record["type"] in ("direct", "mixed")
            examples.setdefault(reason, []).append(record["cue"])
            if show and reason.startswith(show):
                text = texts[name]
                s = max(0, min(record["start"], record.get("speaker_start") or record["start"], record["cue_start"]) - 40)
                e = max(record["end"], record["cue_end"]) + 20
                print(f"--- [{record['type']}] cue={record['cue']!r} src={record['speaker']!r} "
                      f"content={record['text'][:60]!r}")
                print("   ", text[s:e].replace("\n", " | ")[:400])
    for reason, n in reasons.most_common():
        print(f"{n:5} {quoted[reason]:5}  {reason}   e.g. {Counter(examples[reason]).most_common(6)}")


if __name__ == "__main__":
    main()
