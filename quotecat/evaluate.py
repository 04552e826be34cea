"""Score the extractor against hand-annotated articles.

The gold format is the one of ``../shared/polnear-dev`` (see its README):
a folder with ``articles/NAME.txt`` and ``gold.jsonl``, one attribution a line,
offsets into the article file as read. An extracted attribution *matches* a gold
one when it covers at least half of the gold content's characters, counting all
of its fragments.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .extract import extract

MATCH_THRESHOLD = 0.5

# Cues that report speech or writing, as opposed to beliefs, intentions and evidence.
SPEECH_CUES = set(
    """said says say saying told tell tells telling according added adds add adding
    wrote writes write writing noted notes noting stated states explained explains
    explaining announced announces asked asks replied replies responded responds
    declared declares insisted insists argued argues arguing claimed claims claiming
    warned warns warning reported reports recalled recalls continued continues
    remarked commented comments tweeted tweets posted posts acknowledged acknowledges
    admitted admits asserted asserts contended contends countered conceded concedes
    emphasized emphasizes stressed stresses testified testifies confirmed confirms
    denied denies complained complains cautioned observed pointed maintained
    maintains concluded agreed agrees alleged alleges urged urges called calls
    declined told: said: says: added: wrote: continued: ― — : -- shouted yelled
    mentioned suggested suggests revealed reveals disclosed announced promised
    pledged vowed predicted predicts speaking spoke""".split()
)
AUXILIARIES = {"also", "has", "have", "had", "was", "is", "were", "are", "later", "then",
               "previously", "once", "repeatedly", "often", "recently", "further"}
STOPWORDS = set(
    """a an the of for and at in on to by with from 's ’s mr mr. mrs mrs. ms ms. dr dr.
    who said says its his her their former senior top""".split()
)


def cue_family(cue: str | None) -> str:
    """'speech' when the cue reports speech or writing, else 'other'."""
    words = [w for w in (cue or "").lower().split() if w not in AUXILIARIES]
    if not words:
        return "other"
    return "speech" if words[0].strip(",.") in SPEECH_CUES or words[0] in SPEECH_CUES else "other"


def name_tokens(text: str | None) -> set[str]:
    tokens = re.findall(r"[\w’'.-]+", (text or "").lower())
    tokens = (re.sub(r"['’]s$", "", t).strip(".’'-") for t in tokens)
    return {t for t in tokens if t and t not in STOPWORDS}


def _chars(fragments) -> set[int]:
    chars = set()
    for start, end in fragments:
        chars.update(range(start, end))
    return chars


@dataclass
class Gold:
    record: dict

    @property
    def fragments(self):
        return self.record.get("fragments") or [[self.record["start"], self.record["end"]]]

    @property
    def category(self) -> str:
        return cue_family(self.record.get("cue"))

    @property
    def quoted(self) -> bool:
        return self.record.get("type") in ("direct", "mixed")


@dataclass
class ArticleScore:
    name: str
    gold: int = 0
    found: int = 0
    extracted: int = 0
    correct: int = 0
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)


def load_gold(gold_dir: Path) -> tuple[dict[str, str], dict[str, list[dict]]]:
    gold_dir = Path(gold_dir)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((gold_dir / "articles").glob("*.txt"))}
    records = defaultdict(list)
    with open(gold_dir / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                records[record["article"]].append(record)
    return texts, records


def _ratio(a, b):
    return a / b if b else None


def evaluate(gold_dir: Path, extractor=extract) -> dict:
    """Run the extractor over every gold article and return the scores as a dict."""
    texts, gold_by_article = load_gold(gold_dir)
    tally = defaultdict(lambda: defaultdict(int))
    articles = []
    for name, text in texts.items():
        predictions = extractor(text)
        golds = [Gold(r) for r in gold_by_article.get(name, [])]
        score = ArticleScore(name, gold=len(golds), extracted=len(predictions))
        pred_chars = [_chars(p.fragments or [[p.start, p.end]]) for p in predictions]
        matched_pred = set()
        for gold in golds:
            gchars = _chars(gold.fragments)
            best, best_cover = None, 0.0
            for i, chars in enumerate(pred_chars):
                cover = len(gchars & chars) / len(gchars) if gchars else 0
                if cover > best_cover:
                    best, best_cover = i, cover
            groups = ["all", gold.category]
            if gold.quoted:
                groups.append("quoted")
            for group in groups:
                tally[group]["gold"] += 1
            if best is None or best_cover < MATCH_THRESHOLD:
                score.misses.append((gold.record, _context(text, gold.fragments)))
                continue
            # Of all predictions matching this gold, prefer one whose speaker agrees.
            candidates = [i for i, chars in enumerate(pred_chars)
                          if gchars and len(gchars & chars) / len(gchars) >= MATCH_THRESHOLD]
            matched_pred.update(candidates)
            score.found += 1
            pred = max(candidates, key=lambda i: (_speaker_right(predictions[i], gold.record) is True,
                                                  len(gchars & pred_chars[i])))
            prediction = predictions[pred]
            speaker_ok = _speaker_right(prediction, gold.record)
            for group in groups:
                tally[group]["found"] += 1
                if speaker_ok is not None:
                    key = "pronoun" if gold.record.get("speaker_is_pronoun") else "speaker"
                    tally[group][f"{key}_checked"] += 1
                    tally[group][f"{key}_right"] += bool(speaker_ok)
                if gold.record.get("affiliation") is not None or "affiliation" in gold.record:
                    if gold.record.get("affiliation"):
                        tally[group]["affiliation_checked"] += 1
                        tally[group]["affiliation_right"] += bool(
                            name_tokens(prediction.affiliation) & name_tokens(gold.record["affiliation"]))
                if gold.record.get("type"):
                    tally[group]["type_checked"] += 1
                    tally[group]["type_right"] += prediction.type == gold.record["type"]
            if speaker_ok is False:
                score.misses.append((dict(gold.record, _wrong_speaker=prediction.speaker),
                                     _context(text, gold.fragments)))
        for i, prediction in enumerate(predictions):
            quoted = prediction.type in ("direct", "mixed")
            tally["extracted"]["all"] += 1
            tally["extracted"]["quoted"] += quoted
            if i in matched_pred:
                score.correct += 1
                tally["extracted"]["correct"] += 1
                tally["extracted"]["quoted_correct"] += quoted
            else:
                score.false_alarms.append((prediction, _context(text, [[prediction.start, prediction.end]])))
        articles.append(score)
    return _report(tally, articles)


def _speaker_right(prediction, gold: dict) -> bool | None:
    """Does the resolved speaker name the same source as the gold mention?"""
    expected = gold.get("resolved_speaker")
    if expected:
        return bool(name_tokens(prediction.speaker) & name_tokens(expected))
    mention = gold.get("speaker")
    if not mention:
        return None
    if gold.get("speaker_is_pronoun"):
        return bool(name_tokens(prediction.speaker_mention) & name_tokens(mention))
    return bool(name_tokens(prediction.speaker) & name_tokens(mention))


def _context(text: str, fragments, width: int = 90) -> str:
    start = max(0, fragments[0][0] - width)
    end = min(len(text), fragments[-1][1] + width)
    snippet = text[start:end].replace("\n", " ")
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")


def _report(tally, articles) -> dict:
    extracted = tally["extracted"]
    report = {
        "articles": len(articles),
        "gold": tally["all"]["gold"],
        "extracted": extracted["all"],
        "precision": _ratio(extracted["correct"], extracted["all"]),
        "quoted_precision": _ratio(extracted["quoted_correct"], extracted["quoted"]),
    }
    for group in ("all", "quoted", "speech", "other"):
        counts = tally[group]
        report[group] = {
            "gold": counts["gold"],
            "found": counts["found"],
            "recall": _ratio(counts["found"], counts["gold"]),
            "speaker_accuracy": _ratio(counts["speaker_right"], counts["speaker_checked"]),
            "pronoun_accuracy": _ratio(counts["pronoun_right"], counts["pronoun_checked"]),
            "affiliation_accuracy": _ratio(counts["affiliation_right"], counts["affiliation_checked"]),
            "type_accuracy": _ratio(counts["type_right"], counts["type_checked"]),
        }
    recall, precision = report["all"]["recall"], report["precision"]
    report["f1"] = (2 * recall * precision / (recall + precision)) if recall and precision else 0.0
    report["per_article"] = [
        {"article": a.name, "gold": a.gold, "found": a.found, "extracted": a.extracted, "correct": a.correct}
        for a in articles
    ]
    report["misses"] = [
        {"article": a.name, "text": r["text"][:300], "speaker": r.get("speaker"), "cue": r.get("cue"),
         "type": r.get("type"), "wrong_speaker": r.get("_wrong_speaker"), "context": c}
        for a in articles for r, c in a.misses
    ]
    report["false_alarms"] = [
        {"article": a.name, "text": p.text[:300], "speaker": p.speaker, "cue": p.cue, "type": p.type,
         "pattern": p.pattern, "context": c}
        for a in articles for p, c in a.false_alarms
    ]
    return report


def metric(report: dict, name: str):
    """Look up a dotted metric name such as ``quoted.recall`` or ``precision``."""
    value = report
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(name)
        value = value[part]
    return value


def format_report(report: dict, worst: int = 15) -> str:
    def pct(x):
        return "   -  " if x is None else f"{x:6.3f}"

    lines = [
        f"{report['articles']} articles, {report['gold']} gold attributions, {report['extracted']} extracted",
        f"precision (all extracted) {pct(report['precision'])}   "
        f"precision (direct+mixed extracted) {pct(report['quoted_precision'])}   F1 {pct(report['f1'])}",
        "",
        f"{'group':<16}{'gold':>6}{'found':>7}{'recall':>8}{'speaker':>9}{'pronoun':>9}{'affil.':>8}{'type':>8}",
    ]
    labels = {"all": "all", "quoted": "direct+mixed", "speech": "speech verbs", "other": "other cues"}
    for group, label in labels.items():
        g = report[group]
        lines.append(
            f"{label:<16}{g['gold']:>6}{g['found']:>7}  {pct(g['recall'])}   {pct(g['speaker_accuracy'])}   "
            f"{pct(g['pronoun_accuracy'])} {pct(g['affiliation_accuracy'])} {pct(g['type_accuracy'])}"
        )
    lines += ["", f"{'article':<58}{'gold':>6}{'found':>7}{'extr.':>7}{'right':>7}"]
    for a in report["per_article"]:
        lines.append(f"{a['article'][:57]:<58}{a['gold']:>6}{a['found']:>7}{a['extracted']:>7}{a['correct']:>7}")
    if worst:
        lines += ["", f"misses and wrong speakers (first {worst} of {len(report['misses'])}):"]
        for m in report["misses"][:worst]:
            why = f"speaker {m['wrong_speaker']!r} != {m['speaker']!r}" if m["wrong_speaker"] is not None \
                else f"missed ({m['type']}, cue {m['cue']!r}, speaker {m['speaker']!r})"
            lines.append(f"- [{m['article'][:30]}] {why}: {m['context'][:240]}")
        lines += ["", f"false alarms (first {worst} of {len(report['false_alarms'])}):"]
        for f in report["false_alarms"][:worst]:
            lines.append(f"- [{f['article'][:30]}] {f['pattern']} {f['speaker']!r}: {f['context'][:240]}")
    return "\n".join(lines)
