"""Where recall is lost: every gold attribution of a set, missed or found, in one category.

    python -m training.misses [--half tune] [--examples CATEGORY]

Run on the tuning half only (--half tune): the check half and ../shared/polnear-dev
are for figures, not for reading. Prints counts per category for all attributions,
direct+mixed ones and speech-verb ones.
"""

import argparse
import re
from collections import Counter, defaultdict

from quotecat.evaluate import MATCH_THRESHOLD, cue_family
from quotecat.extract import extract
from quotecat.lexicon.cues import CUE_WORDS, SPEECH_VERBS, THOUGHT_VERBS

from . import corpus

AUXILIARY_WORDS = {"has", "have", "had", "is", "was", "were", "are", "be", "been", "also", "will", "would",
                   "could", "can", "should", "may", "might", "did", "does", "do", "not", "later", "then",
                   "previously", "once", "repeatedly", "often", "recently", "further", "again", "still",
                   "publicly", "privately", "just", "already", "never", "always", "even", "first", "n't", "has"}
NOMINAL = {"statement", "statements", "interview", "remarks", "comments", "view", "views", "opinion",
           "in", "for", "to", "on", "with", "from", "by", "of", "at", "speech", "letter", "tweet", "post",
           "report", "claim", "claims", "argument", "message", "memo", "testimony", "promise", "pledge",
           "warning", "call", "plan", "proposal", "position", "assessment", "analysis", "estimate"}


def head_word(cue: str | None) -> str:
    words = [w.strip(",.:;\"“”") for w in re.findall(r"[\w'’:-]+|:", (cue or "").lower())]
    words = [w for w in words if w and w not in AUXILIARY_WORDS]
    return words[0] if words else ""


def category(record: dict, predictions, text: str) -> str:
    cue = (record.get("cue") or "").strip()
    head = head_word(cue)
    lower = cue.lower()
    if not cue:
        return "no cue"
    if cue in (":", "—", "―", "--", "-") or lower.endswith(":"):
        return "colon / dash lead-in"
    if "according" in lower:
        return "according to (variants)"
    if head in NOMINAL or lower.startswith(("in a", "in an", "in his", "in her", "in their")):
        return "nominal / prepositional cue"
    at_cue = [p for p in predictions if p.cue_start is not None and record["cue_start"] <= p.cue_start < record["cue_end"]]
    known = head in CUE_WORDS
    if at_cue:
        return "cue found, content wrong"
    if known:
        return "cue in lexicon, rules rejected"
    if head in SPEECH_VERBS or head in THOUGHT_VERBS:
        return "cue form removed from lexicon (noun-like)"
    if cue_family(cue) == "speech":
        return "speech cue not in lexicon"
    if record["type"] in ("direct", "mixed"):
        return "quotation no cue claims (cue not in lexicon)"
    return "belief / evidence / other verb not in lexicon"


def chars(fragments) -> set[int]:
    out: set[int] = set()
    for s, e in fragments:
        out.update(range(s, e))
    return out


def analyse(names: list[str], gold_dir=corpus.TRAIN):
    gold = corpus.read_gold(gold_dir)
    texts = corpus.read_articles(names, gold_dir)
    rows = []
    for name in names:
        text = texts[name]
        predictions = extract(text)
        pchars = [chars(p.fragments or [[p.start, p.end]]) for p in predictions]
        for record in gold.get(name, []):
            g = chars(record.get("fragments") or [[record["start"], record["end"]]])
            best = max((len(g & c) / len(g) for c in pchars), default=0) if g else 0
            if best >= MATCH_THRESHOLD:
                cat = "found"
            else:
                cat = category(record, predictions, text)
                if cat == "cue found, content wrong" and best > 0:
                    cat = "cue found, content partly covered"
            rows.append((name, record, cat, best))
    return rows


def table(rows) -> str:
    groups = defaultdict(Counter)
    for _, record, cat, _ in rows:
        groups["all"][cat] += 1
        if record["type"] in ("direct", "mixed"):
            groups["direct+mixed"][cat] += 1
        if cue_family(record.get("cue")) == "speech":
            groups["speech"][cat] += 1
    cats = sorted({c for g in groups.values() for c in g}, key=lambda c: -groups["all"][c])
    lines = [f"{'category':<44}{'all':>7}{'d+m':>7}{'speech':>8}"]
    for c in cats:
        lines.append(f"{c:<44}{groups['all'][c]:>7}{groups['direct+mixed'][c]:>7}{groups['speech'][c]:>8}")
    lines.append(f"{'total':<44}{sum(groups['all'].values()):>7}{sum(groups['direct+mixed'].values()):>7}"
                 f"{sum(groups['speech'].values()):>8}")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", default="tune", choices=["tune"])
    parser.add_argument("--examples", help="print the cues (and, with --context, contexts) of one category")
    parser.add_argument("--context", action="store_true")
    parser.add_argument("--type", default=None, help="only gold of this type group: quoted / speech")
    args = parser.parse_args(argv)
    rows = analyse(corpus.half(args.half))
    print(table(rows))
    if args.examples:
        cues = Counter()
        for name, record, cat, best in rows:
            if cat != args.examples:
                continue
            if args.type == "quoted" and record["type"] not in ("direct", "mixed"):
                continue
            if args.type == "speech" and cue_family(record.get("cue")) != "speech":
                continue
            cues[(record.get("cue") or "").lower()] += 1
            if args.context:
                text = corpus.read_articles([name])[name]
                s = max(0, min(record["start"], record.get("speaker_start") or record["start"], record["cue_start"] or record["start"]) - 60)
                e = max(record["end"], record["cue_end"] or 0) + 30
                print(f"--- [{record['type']}] cue={record['cue']!r} src={record['speaker']!r} best={best:.2f}")
                print("   ", text[s:e].replace("\n", " | "))
        print(cues.most_common(80))


if __name__ == "__main__":
    main()
