"""Score the extractor against hand-annotated articles, and sample a catalogue for a person to check.

The gold format is the one of ``../shared/polnear-dev`` (see its README): a folder with
``articles/NAME.txt`` and ``gold.jsonl``, one attribution a line, offsets into the article
file as read. ``../shared/wikinews-dev`` adds resolved speakers with ``speaker_aliases``,
affiliations with ``affiliation_aliases``, ``anonymous`` and ``required``; the project's
own ``tests/gold`` has resolved speakers and affiliations without aliases.

The rules, one place each:

- *Span match*: an extracted attribution matches a gold one when it covers at least half
  of the gold content's characters, counting all fragments (``MATCH_THRESHOLD``).
- *Required*: a gold record with ``required: false`` neither rewards nor penalises. It is
  not counted in recall or any accuracy; an extracted row that matches only such records
  is left out of precision (it is not a false alarm, nor a hit). A record without the
  field is required.
- *Speaker*: against the aliases where the gold resolves speakers (``speaker_matches``);
  against the written mention by shared name tokens where it does not (PolNeAR).
- *Affiliation*: against ``affiliation_aliases`` with the same rule less shorter forms, else by
  a shared name token with the gold affiliation; checked only where the gold states one.
- *Row right*: the span matches, the speaker is right (or the gold names no speaker to
  check) and, where the gold states an affiliation, the affiliation is right. Where the
  gold says the source speaks for no one, an extracted affiliation does not make the row
  wrong (the gold's null also covers "the source is itself the organisation"); it is
  counted apart, as ``affiliation_unwanted``, unless it names the source itself.
- *Strict precision*: the share of extracted rows with at least half of their own characters
  inside one gold attribution, required or not (``INSIDE_THRESHOLD``).
- *Anonymous*: recall over the found required gold with ``anonymous: true``, precision over the
  found required gold whose row is flagged anonymous.
- *Kinds of source*: where the gold states ``source_type`` and ``role_class`` (the project's own set),
  their accuracy and per-value precision over the found required rows whose speaker is right.
- *Speakers table*: the distinct speaker values of each article's rows, each a source when it
  names one of that article's gold sources (any record) by the speaker rule.
"""

import json
import random
import re
import sqlite3
import textwrap
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from .extract import extract

MATCH_THRESHOLD = 0.5
# The kinds of source a gold record may state, scored on rows with the right speaker.
KIND_FIELDS = ("source_type", "role_class")
# An extracted row is "inside" a gold attribution when this share of its characters is.
INSIDE_THRESHOLD = 0.5
# Calibration bins for a row's confidence, highest first: [low, high).
CONFIDENCE_BINS = [(0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6), (0.0, 0.5)]

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
# Words that carry no name in an alias: articles, possessives, honorifics.
ALIAS_STOPWORDS = set("a an the of for and at in on to by with from its his her their mr mrs ms dr".split())
# An alias with one of these is not a bare name ("president of poland").
HEAD_BREAKS = set("of for at in from with on to who which that".split())


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


# --- the speaker and affiliation rule ---------------------------------------------------


def _words(text: str | None) -> list[str]:
    """Lower-case words without accents, dots or possessives: "U.S." -> "us", "Brudziński's" -> "brudzinski"."""
    folded = unicodedata.normalize("NFKD", (text or "").casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace(".", "")
    return [re.sub(r"['’]s$", "", w).strip("'’") for w in re.findall(r"[\w'’]+", folded)]


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w and w not in ALIAS_STOPWORDS}


def _simple_name(alias: str) -> list[str] | None:
    """The words of an alias that is a bare name or noun phrase ("andrzej duda", "the interior minister"):
    no comma, bracket, preposition or conjunction, so its last word is its head. Else None."""
    words = _words(alias)
    if re.search(r"[,(&]", alias) or HEAD_BREAKS.intersection(words) or "and" in words:
        return None
    named = [w for w in words if w not in ALIAS_STOPWORDS]
    return named or None


def alias_match(value: str | None, aliases, context=(), shorter: bool = True) -> bool:
    """Is ``value`` one of ``aliases``, or a fuller or (with ``shorter``) a shorter form of one?

    Words are compared lower-case, without accents, dots, possessives, articles and honorifics.
    Right when ``value`` equals an alias; or is a *fuller form* (it contains every word of an
    alias, and each of its other words is one the gold uses for this source: in an alias, or in
    ``context``, the role and affiliation); or a *shorter form* of a bare-name alias (its words
    are among the alias's and include the alias's last word, its head), as news shortens a name
    to the surname. For "halina wróbel" (role President, affiliation Norland government): "Wrobel"
    and "Norland President Halina Wróbel" pass; "Halina" (no head), "Tomasz Wróbel" and "Everything
    Wróbel" (words the gold never uses) fail, and so does "Norland" although "president of norland"
    is an alias (not a bare name, and "norland" is not all of it). Organisations are judged without
    shorter forms (their aliases list the short names): for "interior ministry", "Interior" and "Ministry" fail, "Norland Interior Ministry" passes
    when "norland government" is an alias too.
    """
    words = _content(_words(value))
    if not words:
        return False
    aliases = [a for a in aliases if a]
    if " ".join(_words(value)) in {" ".join(_words(a)) for a in aliases}:
        return True
    forms = [_content(_words(a)) for a in aliases]
    vocabulary = set().union(*forms, *(_content(_words(c)) for c in context if c))
    if words <= vocabulary and any(form and form <= words for form in forms):
        return True
    for alias in aliases if shorter else ():
        name = _simple_name(alias)
        if name and words <= set(name) and name[-1] in words:
            return True
    return False


def speaker_aliases(gold: dict) -> list[str]:
    """The forms a correct catalogue may give for the gold source: its aliases, else the resolved
    speaker and the mention as written (when that is not a pronoun)."""
    aliases = [gold.get("resolved_speaker"), *(gold.get("speaker_aliases") or [])]
    if not gold.get("speaker_aliases") and not gold.get("speaker_is_pronoun"):
        aliases.append(gold.get("speaker"))
    return [a for a in aliases if a]


def speaker_matches(value: str | None, gold: dict) -> bool:
    """Does the speaker ``value`` name the gold's resolved source? (``alias_match``)"""
    context = [gold.get("role"), gold.get("affiliation"), *(gold.get("affiliation_aliases") or [])]
    return alias_match(value, speaker_aliases(gold), context)


def _speaker_right(prediction, gold: dict) -> bool | None:
    """Does the resolved speaker name the same source as the gold? None when there is nothing to check."""
    if gold.get("resolved_speaker"):
        return speaker_matches(prediction.speaker, gold)
    # PolNeAR: only the mention as written; a shared name token is enough.
    mention = gold.get("speaker")
    if not mention:
        return None
    if gold.get("speaker_is_pronoun") or _description(mention):
        # The gold does not say who "he" or "the mayor" is: judge the mention the row keeps.
        return bool(name_tokens(prediction.speaker_mention) & name_tokens(mention))
    return bool(name_tokens(prediction.speaker) & name_tokens(mention))


def _description(mention: str) -> bool:
    """ "the mayor", "The senator", "this official", "the Florida senator": a definite description,
    which resolution may turn into the name of the person it describes. Its head, the last word, is
    a common noun (not "The New York Times"); the words between may be capitalised ("Florida")."""
    words = mention.strip(" ,").split()
    return len(words) >= 2 and words[0].lower() in ("the", "this", "that") and (
        not words[1][:1].isupper() or words[-1][:1].islower())


def _affiliation_right(prediction, gold: dict) -> bool | None:
    """Is the affiliation right? None where the gold states none."""
    expected = gold.get("affiliation")
    if not expected:
        return None
    if gold.get("affiliation_aliases"):
        return alias_match(prediction.affiliation, [expected, *gold["affiliation_aliases"]], shorter=False)
    return bool(name_tokens(prediction.affiliation) & name_tokens(expected))


# --- reading the gold ---------------------------------------------------------------------


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

    @property
    def required(self) -> bool:
        return self.record.get("required", True) is not False


@dataclass
class ArticleScore:
    name: str
    gold: int = 0
    found: int = 0
    extracted: int = 0
    correct: int = 0
    row_right: int = 0
    speakers: int = 0
    sources: int = 0
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


# --- scoring --------------------------------------------------------------------------------


def evaluate(gold_dir: Path, extractor=extract, catalogue: bool = True) -> dict:
    """Run the extractor over every gold article and return the scores as a dict."""
    gold_dir = Path(gold_dir)
    texts, gold_by_article = load_gold(gold_dir)
    resolved = any(r.get("resolved_speaker") for records in gold_by_article.values() for r in records)
    tally: defaultdict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    articles, calibration, not_sources, genders = [], [], [], defaultdict(list)
    for name, text in texts.items():
        predictions = extractor(text)
        golds = [Gold(r) for r in gold_by_article.get(name, [])]
        score = ArticleScore(name, gold=sum(g.required for g in golds), extracted=len(predictions))
        tally["records"]["not_required"] += len(golds) - score.gold
        pred_chars, gold_chars, candidates, judged = _judge(predictions, golds)
        for (i, j), (speaker_ok, _, _) in judged.items():
            if speaker_ok and golds[j].record.get("resolved_speaker"):
                genders[name, golds[j].record["resolved_speaker"]].append(getattr(predictions[i], "gender", None))
        for j, gold in enumerate(golds):
            if gold.required:
                _score_gold(gold, j, candidates[j], judged, predictions, pred_chars, gold_chars[j], text, tally, score)

        rights = _rows_right(golds, candidates, judged, len(predictions))
        for i, (prediction, row_right) in enumerate(zip(predictions, rights)):
            if row_right is None:
                continue  # matches only records that neither reward nor penalise
            required = [j for j, gold in enumerate(golds) if gold.required and i in candidates[j]]
            quoted = prediction.type in ("direct", "mixed")
            tally["extracted"]["all"] += 1
            tally["extracted"]["quoted"] += quoted
            tally["extracted"]["row_right"] += row_right
            if required:
                score.correct += 1
                tally["extracted"]["correct"] += 1
                tally["extracted"]["quoted_correct"] += quoted
            else:
                score.false_alarms.append((prediction, _context(text, [[prediction.start, prediction.end]])))
            confidence = getattr(prediction, "confidence", None)
            if confidence is not None:
                calibration.append((confidence, row_right))
        for chars in pred_chars:
            inside = max((len(chars & g) / len(chars) for g in gold_chars), default=0.0) if chars else 0.0
            tally["strict"]["all"] += 1
            tally["strict"]["inside"] += inside >= INSIDE_THRESHOLD

        if resolved:
            for value, rows in Counter(p.speaker for p in predictions if p.speaker).items():
                score.speakers += 1
                if any(speaker_matches(value, g.record) for g in golds if g.record.get("resolved_speaker")):
                    score.sources += 1
                else:
                    not_sources.append({"article": name, "speaker": value, "rows": rows})
        articles.append(score)

    report = _report(tally, articles, resolved, not_sources)
    report["calibration"] = _calibration(calibration)
    if (gold_dir / "gender.jsonl").exists():
        persons = load_gender(gold_dir / "gender.jsonl")
        report["gender"] = score_gender(gender_of_rows(genders), persons)
        report["gender"]["method"] = ("per article: the gender the extractor gives the rows matched to the person "
                                      "with the right speaker; none, or rows that disagree -> unknown")
        if catalogue and extractor is extract:
            report["gender_catalogue"] = catalogue_gender(gold_dir, texts, gold_by_article, persons)
    return report


def catalogue_gender(gold_dir: Path, texts: dict[str, str], gold_by_article: dict[str, list[dict]],
                     persons: dict[tuple[str, str], str]) -> dict:
    """Gender across a catalogue built from the gold articles (``quotecat build``, the fold included).

    A person is the gold's ``resolved_speaker`` in every article that quotes them; the gold
    gender across the catalogue is the one their articles' evidence agrees on (known in one
    article is known, two that disagree are unknown). The prediction is ``speakers.gender`` of
    the speaker row most of their matched rows (right span, right speaker) point to.
    """
    import tempfile

    from .build import build

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "quotes.db"
        build([gold_dir / "articles"], db_path, warn=lambda message: None)
        conn = sqlite3.connect(db_path)
        try:
            articles = {Path(source).stem: (article_id, text) for article_id, source, text in
                        conn.execute("select id, source_file, text from articles")}
            speakers: defaultdict[str, Counter] = defaultdict(Counter)
            genders: dict[str, str | None] = {}
            for name, raw in texts.items():
                if name not in articles:
                    continue
                article_id, text = articles[name]
                offset = raw.find(text)  # the reader takes the headline off: gold offsets are the file's
                rows = conn.execute(
                    "select quotes.start, quotes.end, quotes.fragments, speakers.id, speakers.name, speakers.gender "
                    "from quotes join speakers on speakers.id = quotes.speaker_id where quotes.article_id = ?",
                    [article_id]).fetchall()
                spans = [(_chars([[a + offset, b + offset] for a, b in json.loads(f or "null") or [[start, end]]]),
                          speaker_id, speaker, gender) for start, end, f, speaker_id, speaker, gender in rows]
                for record in gold_by_article.get(name, []):
                    person = record.get("resolved_speaker")
                    if (name, person) not in persons or offset < 0:
                        continue
                    gold_chars = _chars(Gold(record).fragments)
                    for chars, speaker_id, speaker, gender in spans:
                        if gold_chars and len(gold_chars & chars) / len(gold_chars) >= MATCH_THRESHOLD \
                                and speaker_matches(speaker, record):
                            speakers[person][speaker_id] += 1
                            genders[speaker_id] = gender
        finally:
            conn.close()
    # One person under the fullest name the gold gives them: "Trump" in one article is "Donald Trump".
    names = sorted({person for _, person in persons}, key=lambda n: (-len(n), n))
    fullest = {name: next((longer for longer in names if len(longer) > len(name) and alias_match(name, [longer])),
                          name) for name in names}
    known: defaultdict[str, set[str]] = defaultdict(set)
    for (_, person), gender in persons.items():
        known[fullest[person]].update({gender} - {"unknown"})
    gold = {("catalogue", person): values.pop() if len(values) == 1 else "unknown" for person, values in known.items()}
    merged: defaultdict[str, Counter] = defaultdict(Counter)
    for person, counts in speakers.items():
        merged[fullest[person]].update(counts)
    speakers = merged
    predicted = {("catalogue", person): genders.get(counts.most_common(1)[0][0]) or "unknown"
                 for person, counts in speakers.items()}
    report = score_gender(predicted, gold)
    report["method"] = ("across the catalogue built from these articles: speakers.gender of the speaker a person's "
                        "rows point to, against the gender their articles' evidence agrees on")
    return report


def _judge(predictions, golds: list[Gold]):
    """Match every prediction with every gold record it covers enough of (the span rule), and judge each
    pair: (speaker right, affiliation right, row right) by the speaker and affiliation rules."""
    pred_chars = [_chars(p.fragments or [[p.start, p.end]]) for p in predictions]
    gold_chars = [_chars(g.fragments) for g in golds]
    # candidates[j]: the predictions covering enough of gold j.
    candidates = [[i for i, chars in enumerate(pred_chars)
                   if gchars and len(gchars & chars) / len(gchars) >= MATCH_THRESHOLD]
                  for gchars in gold_chars]
    judged = {}  # (prediction, gold) -> (speaker right, affiliation right, row right)
    for j, gold in enumerate(golds):
        for i in candidates[j]:
            speaker_ok = _speaker_right(predictions[i], gold.record)
            affiliation_ok = _affiliation_right(predictions[i], gold.record)
            judged[i, j] = (speaker_ok, affiliation_ok, speaker_ok is not False and affiliation_ok is not False)
    return pred_chars, gold_chars, candidates, judged


def _rows_right(golds: list[Gold], candidates, judged, n: int) -> list[bool | None]:
    """Each prediction fully right (span, speaker, affiliation) against a required record; None when it
    matches only records that are not required."""
    result: list[bool | None] = []
    for i in range(n):
        required = [j for j, gold in enumerate(golds) if gold.required and i in candidates[j]]
        if not required and any(i in c for c in candidates):
            result.append(None)
        else:
            result.append(any(judged[i, j][2] for j in required))
    return result


def rows_right(predictions, records: list[dict]) -> list[tuple[bool, bool] | None]:
    """Each extracted row of one article judged by the rules ``evaluate`` counts with: (span and speaker
    right, row right: span, speaker and affiliation); None for a row that matches only records that are
    not required. What the confidence is trained on."""
    golds = [Gold(r) for r in records]
    _, _, candidates, judged = _judge(predictions, golds)
    result: list[tuple[bool, bool] | None] = []
    for i, right in enumerate(_rows_right(golds, candidates, judged, len(predictions))):
        required = [j for j, gold in enumerate(golds) if gold.required and i in candidates[j]]
        result.append(None if right is None else (any(judged[i, j][0] is not False for j in required), right))
    return result


def _score_gold(gold, j, candidates, judged, predictions, pred_chars, gchars, text, tally, score):
    """Count one required gold record: found, and with the prediction that fits it best, how right."""
    groups = ["all", gold.category] + (["quoted"] if gold.quoted else [])
    for group in groups:
        tally[group]["gold"] += 1
    if not candidates:
        score.misses.append((gold.record, _context(text, gold.fragments)))
        return
    # Of all predictions matching this gold, prefer the fully right one, then the right speaker.
    best = max(candidates, key=lambda i: (judged[i, j][2], judged[i, j][0] is True, len(gchars & pred_chars[i])))
    prediction = predictions[best]
    speaker_ok, affiliation_ok, row_ok = judged[best, j]
    score.found += 1
    score.row_right += row_ok
    record = gold.record
    for group in groups:
        counts = tally[group]
        counts["found"] += 1
        counts["row_right"] += row_ok
        if speaker_ok is not None:
            key = "pronoun" if record.get("speaker_is_pronoun") else "speaker"
            counts[f"{key}_checked"] += 1
            counts[f"{key}_right"] += bool(speaker_ok)
        if affiliation_ok is not None:
            counts["affiliation_checked"] += 1
            counts["affiliation_right"] += affiliation_ok
        if record.get("type"):
            counts["type_checked"] += 1
            counts["type_right"] += prediction.type == record["type"]
    if "affiliation" in record and not record["affiliation"]:
        tally["affiliation_unwanted"]["checked"] += 1
        if prediction.affiliation and not (record.get("resolved_speaker")
                                           and alias_match(prediction.affiliation, speaker_aliases(record))):
            tally["affiliation_unwanted"]["given"] += 1
    if isinstance(record.get("anonymous"), bool):
        anonymous = tally["anonymous"]
        anonymous["gold"] += record["anonymous"]
        anonymous["flagged"] += bool(prediction.anonymous)
        anonymous["both"] += record["anonymous"] and bool(prediction.anonymous)
    for field in KIND_FIELDS:
        if record.get(field) and speaker_ok is not False:
            tally[field][f"{record[field]}\t{getattr(prediction, field, None)}"] += 1
    wrong = [what for what, ok in (("speaker", speaker_ok), ("affiliation", affiliation_ok)) if ok is False]
    if wrong:
        score.misses.append((dict(record, _wrong=wrong, _speaker=prediction.speaker,
                                  _affiliation=prediction.affiliation), _context(text, gold.fragments)))


def _context(text: str, fragments, width: int = 90) -> str:
    start = max(0, fragments[0][0] - width)
    end = min(len(text), fragments[-1][1] + width)
    snippet = text[start:end].replace("\n", " ")
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")


def _calibration(rows: list[tuple[float, bool]]) -> dict | None:
    """Rows and the share fully right per confidence bin; None when no row has a confidence."""
    if not rows:
        return None
    bins = []
    for low, high in CONFIDENCE_BINS:
        inside = [right for confidence, right in rows if low <= confidence < high]
        bins.append({"low": low, "high": min(high, 1.0), "rows": len(inside), "right": sum(inside),
                     "share_right": _ratio(sum(inside), len(inside))})
    return {"rows": len(rows), "right": sum(right for _, right in rows), "bins": bins}


def _report(tally, articles, resolved, not_sources) -> dict:
    extracted, strict, anonymous, unwanted = (tally[k] for k in ("extracted", "strict", "anonymous",
                                                                 "affiliation_unwanted"))
    report = {
        "articles": len(articles),
        "gold": tally["all"]["gold"],
        "gold_not_required": tally["records"]["not_required"],
        "extracted": extracted["all"],
        "precision": _ratio(extracted["correct"], extracted["all"]),
        "quoted_precision": _ratio(extracted["quoted_correct"], extracted["quoted"]),
        "strict_precision": _ratio(strict["inside"], strict["all"]),
        "row_precision": _ratio(extracted["row_right"], extracted["all"]),
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
            "row_accuracy": _ratio(counts["row_right"], counts["gold"]),
        }
    report["row_accuracy"] = report["all"]["row_accuracy"]
    recall, precision = report["all"]["recall"], report["precision"]
    report["f1"] = (2 * recall * precision / (recall + precision)) if recall and precision else 0.0
    report["anonymous"] = {
        "gold": anonymous["gold"], "flagged": anonymous["flagged"], "right": anonymous["both"],
        "recall": _ratio(anonymous["both"], anonymous["gold"]),
        "precision": _ratio(anonymous["both"], anonymous["flagged"]),
    }
    report["kinds"] = {field: _kind_scores(tally[field]) for field in KIND_FIELDS if tally[field]}
    report["affiliation_unwanted"] = {
        "checked": unwanted["checked"], "given": unwanted["given"],
        "share": _ratio(unwanted["given"], unwanted["checked"]),
    }
    speakers = sum(a.speakers for a in articles) if resolved else 0
    sources = sum(a.sources for a in articles)
    measured = [a.sources / a.speakers for a in articles if a.speakers]
    report["speakers"] = {
        "speakers": speakers, "sources": sources,
        "precision": _ratio(sources, speakers) if resolved else None,
        "article_mean": (sum(measured) / len(measured)) if resolved and measured else None,
        "not_sources": not_sources,
    }
    report["per_article"] = [
        {"article": a.name, "gold": a.gold, "found": a.found, "extracted": a.extracted, "correct": a.correct,
         "row_right": a.row_right, "speakers": a.speakers if resolved else None,
         "sources": a.sources if resolved else None}
        for a in articles
    ]
    report["misses"] = [
        {"article": a.name, "text": r["text"][:300], "speaker": r.get("speaker"), "cue": r.get("cue"),
         "type": r.get("type"), "resolved_speaker": r.get("resolved_speaker"), "affiliation": r.get("affiliation"),
         "wrong": r.get("_wrong", []), "wrong_speaker": r.get("_speaker"), "wrong_affiliation": r.get("_affiliation"),
         "context": c}
        for a in articles for r, c in a.misses
    ]
    report["false_alarms"] = [
        {"article": a.name, "text": p.text[:300], "speaker": p.speaker, "cue": p.cue, "type": p.type,
         "pattern": p.pattern, "context": c}
        for a in articles for p, c in a.false_alarms
    ]
    return report


def _kind_scores(pairs: Mapping[str, int]) -> dict:
    """Accuracy and per-value precision of a source's kind, from "gold<TAB>predicted" counts."""
    checked = sum(pairs.values())
    right = sum(n for key, n in pairs.items() if key.split("\t")[0] == key.split("\t")[1])
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for key, n in pairs.items():
        gold, guess = key.split("\t")
        predicted[guess] += n
        correct[guess] += n if gold == guess else 0
    return {"checked": checked, "right": right, "accuracy": _ratio(right, checked),
            "precision": {value: {"right": correct[value], "predicted": predicted[value],
                                  "precision": _ratio(correct[value], predicted[value])}
                          for value in sorted(predicted, key=lambda v: -predicted[v])}}


def metric(report: dict, name: str):
    """Look up a dotted metric name such as ``quoted.recall``, ``row_accuracy`` or ``speakers.precision``."""
    value = report
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(name)
        value = value[part]
    if isinstance(value, (dict, list)):
        raise KeyError(name)
    return value


# --- gender: scored against gender.jsonl ----------------------------------------------------


def load_gender(path: Path) -> dict[tuple[str, str], str]:
    """{(article, resolved speaker): woman / man / unknown} for the persons of a gender.jsonl."""
    persons = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                if record.get("kind") == "person":
                    persons[record["article"], record["resolved_speaker"]] = record.get("gender") or "unknown"
    return persons


def gender_of_rows(genders: Mapping[tuple[str, str], list]) -> dict[tuple[str, str], str]:
    """One gender per person from the ``gender`` of the rows given to them: the one value they
    agree on, else unknown (no row has one, or rows disagree)."""
    decided = {}
    for person, values in genders.items():
        found = {g for g in values if g in ("woman", "man")}
        decided[person] = found.pop() if len(found) == 1 else "unknown"
    return decided


def score_gender(predicted: Mapping[tuple[str, str], str | None], gold: Mapping[tuple[str, str], str]) -> dict:
    """Precision and recall per value and the unknown share, over the gold persons.

    ``predicted`` maps (article, resolved speaker) to woman / man / unknown (missing or None is
    unknown). A person the gold leaves unknown and the prediction genders is a wrong answer.
    """
    pairs = [(value, predicted.get(person) or "unknown") for person, value in gold.items()]
    report = {"persons": len(pairs), "gold": dict(Counter(g for g, _ in pairs)),
              "predicted": dict(Counter(p for _, p in pairs))}
    for value in ("woman", "man"):
        said = [g for g, p in pairs if p == value]
        actual = [p for g, p in pairs if g == value]
        report[value] = {"precision": _ratio(sum(g == value for g in said), len(said)),
                         "recall": _ratio(sum(p == value for p in actual), len(actual))}
    report["unknown_share"] = _ratio(sum(p == "unknown" for _, p in pairs), len(pairs))
    report["wrong"] = sorted([*person, value, predicted.get(person)] for person, value in gold.items()
                             if (predicted.get(person) or "unknown") not in ("unknown", value))
    report["gold_unknown_share"] = _ratio(sum(g == "unknown" for g, _ in pairs), len(pairs))
    return report


# --- the report as text -------------------------------------------------------------------------


def format_report(report: dict, worst: int = 15) -> str:
    def pct(x):
        return "   -  " if x is None else f"{x:6.3f}"

    def share(right, total):
        return f"{pct(_ratio(right, total))} ({right} of {total})"

    not_required = report.get("gold_not_required")
    anonymous, speakers, unwanted = report["anonymous"], report["speakers"], report["affiliation_unwanted"]
    lines = [
        f"{report['articles']} articles, {report['gold']} gold attributions"
        + (f" (and {not_required} not required, not counted)" if not_required else "")
        + f", {report['extracted']} extracted",
        f"precision (all extracted) {pct(report['precision'])}   "
        f"precision (direct+mixed extracted) {pct(report['quoted_precision'])}   F1 {pct(report['f1'])}",
        f"strict precision (rows mostly inside a gold attribution) {pct(report['strict_precision'])}",
        f"row accuracy (gold found with the right speaker and affiliation) {pct(report['row_accuracy'])}   "
        f"row precision (extracted rows fully right) {pct(report['row_precision'])}",
    ]
    if anonymous["gold"] or anonymous["flagged"]:
        lines.append(f"anonymous: recall {share(anonymous['right'], anonymous['gold'])}   "
                     f"precision {share(anonymous['right'], anonymous['flagged'])}")
    if unwanted["checked"]:
        lines.append(f"affiliation given where the gold has none: {share(unwanted['given'], unwanted['checked'])}")
    if speakers["precision"] is not None:
        lines.append(f"speakers table: {share(speakers['sources'], speakers['speakers'])} of the (article, speaker) "
                     f"values are sources (article mean {pct(speakers['article_mean'])})")
    for field, kinds in report.get("kinds", {}).items():
        values = ", ".join(f"{value} {pct(p['precision']).strip()} ({p['right']}/{p['predicted']})"
                           for value, p in kinds["precision"].items())
        lines.append(f"{field.replace('_', ' ')} (found rows with the right speaker): accuracy "
                     f"{share(kinds['right'], kinds['checked'])}; precision {values}")
    lines += [
        "",
        f"{'group':<16}{'gold':>6}{'found':>7}{'recall':>8}{'speaker':>9}{'pronoun':>9}{'affil.':>8}{'type':>8}"
        f"{'row':>8}",
    ]
    labels = {"all": "all", "quoted": "direct+mixed", "speech": "speech verbs", "other": "other cues"}
    for group, label in labels.items():
        g = report[group]
        lines.append(
            f"{label:<16}{g['gold']:>6}{g['found']:>7}  {pct(g['recall'])}   {pct(g['speaker_accuracy'])}   "
            f"{pct(g['pronoun_accuracy'])} {pct(g['affiliation_accuracy'])} {pct(g['type_accuracy'])}"
            f"  {pct(g['row_accuracy'])}"
        )
    calibration = report.get("calibration")
    if calibration:
        lines += ["", f"calibration ({calibration['rows']} rows with a confidence): rows fully right per bin",
                  f"{'confidence':<14}{'rows':>6}{'right':>7}{'share':>8}"]
        for b in calibration["bins"]:
            label = f">= {b['low']:.1f}" if b["high"] >= 1.0 else f"{b['low']:.1f}-{b['high']:.1f}"
            lines.append(f"{label:<14}{b['rows']:>6}{b['right']:>7}  {pct(b['share_right'])}")
    for key in ("gender", "gender_catalogue"):
        gender = report.get(key)
        if gender:
            lines += ["", f"gender ({gender['method']})",
                      f"  {gender['persons']} persons; gold {_counts(gender['gold'])}; "
                      f"predicted {_counts(gender['predicted'])}",
                      f"  woman: precision {pct(gender['woman']['precision'])} recall {pct(gender['woman']['recall'])}   "
                      f"man: precision {pct(gender['man']['precision'])} recall {pct(gender['man']['recall'])}   "
                      f"unknown share {pct(gender['unknown_share'])} (gold {pct(gender['gold_unknown_share'])})"]
    resolved = speakers["precision"] is not None
    lines += ["", f"{'article':<58}{'gold':>6}{'found':>7}{'extr.':>7}{'right':>7}{'rows ok':>9}"
              + (f"{'sources':>10}" if resolved else "")]
    for a in report["per_article"]:
        lines.append(f"{a['article'][:57]:<58}{a['gold']:>6}{a['found']:>7}{a['extracted']:>7}{a['correct']:>7}"
                     f"{a['row_right']:>9}" + (f"{a['sources']:>6}/{a['speakers']:<3}" if resolved else ""))
    if worst:
        lines += ["", f"misses, wrong speakers and wrong affiliations (first {worst} of {len(report['misses'])}):"]
        for m in report["misses"][:worst]:
            wrong = []
            if "speaker" in m["wrong"]:
                wrong.append(f"speaker {m['wrong_speaker']!r} != {m['resolved_speaker'] or m['speaker']!r}")
            if "affiliation" in m["wrong"]:
                wrong.append(f"affiliation {m['wrong_affiliation']!r} != {m['affiliation']!r}")
            why = "; ".join(wrong) or f"missed ({m['type']}, cue {m['cue']!r}, speaker {m['speaker']!r})"
            lines.append(f"- [{m['article'][:30]}] {why}: {m['context'][:240]}")
        lines += ["", f"false alarms (first {worst} of {len(report['false_alarms'])}):"]
        for f in report["false_alarms"][:worst]:
            lines.append(f"- [{f['article'][:30]}] {f['pattern']} {f['speaker']!r}: {f['context'][:240]}")
        if resolved:
            lines += ["", f"speakers that are not sources (first {worst} of {len(speakers['not_sources'])}):"]
            for s in speakers["not_sources"][:worst]:
                lines.append(f"- [{s['article'][:30]}] {s['speaker']!r} ({s['rows']} rows)")
    return "\n".join(lines)


def _counts(counts: dict) -> str:
    return ", ".join(f"{value} {counts[value]}" for value in ("woman", "man", "unknown") if value in counts)


# --- a sample of a catalogue, for a person to check ------------------------------------------


class SampleError(Exception):
    """The database cannot be sampled: missing, not SQLite, or no quotes table."""


def sample_rows(db_path: Path, n: int = 20, seed: int | None = None) -> tuple[list[dict], int]:
    """``n`` random rows of the quotes table (the same ones for the same seed and database), each with
    its speaker's and organisation's name and its article's text, and the number of rows sampled from.

    Reads whatever of today's columns the table has: ``confidence`` appears when the build writes it.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise SampleError(f"{db_path} does not exist: run 'quotecat build' first")
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        db = sqlite_utils.Database(conn)
        try:
            tables = set(db.table_names())
        except sqlite3.DatabaseError as error:
            raise SampleError(f"{db_path} is not a SQLite database: {error}") from None
        if "quotes" not in tables:
            raise SampleError(f"{db_path} has no quotes table: is it a quotecat database?")
        columns = set(db["quotes"].columns_dict)
        missing = {"start", "end", "text"} - columns
        if missing:
            raise SampleError(f"{db_path}: the quotes table has no {', '.join(sorted(missing))} column")
        rowids = [row[0] for row in conn.execute("select rowid from quotes order by rowid")]
        if not rowids:
            raise SampleError(f"{db_path}: the quotes table is empty")
        chosen = random.Random(seed).sample(rowids, min(n, len(rowids)))
        select, joins = ["quotes.*"], []
        joined = (("speakers", "speaker_id", "speaker"), ("organizations", "affiliation_id", "affiliation"),
                  ("articles", "article_id", "article_text"))
        for table, key, alias in joined:
            wanted = "text" if table == "articles" else "name"
            if key in columns and table in tables and wanted in db[table].columns_dict:
                select.append(f"[{table}].[{wanted}] as [{alias}]")
                joins.append(f"left join [{table}] on [{table}].id = quotes.[{key}]")
        sql = f"select {', '.join(select)} from quotes {' '.join(joins)} where quotes.rowid = ?"
        rows = [next(db.query(sql, [rowid])) for rowid in chosen]
    finally:
        conn.close()
    return rows, len(rowids)


def paragraph_marked(row: dict, open_mark: str = "[[", close_mark: str = "]]") -> str:
    """The paragraph(s) around the row (blank line to blank line) with the attributed words marked;
    an interruption such as "she said" between fragments is left unmarked."""
    text, start, end = row.get("article_text"), row["start"], row["end"]
    if not text or text[start:end] != row["text"]:
        return f"{open_mark}{row['text']}{close_mark}"
    try:
        fragments = json.loads(row.get("fragments") or "[]") or [[start, end]]
    except (TypeError, ValueError):
        fragments = [[start, end]]
    before = text.rfind("\n\n", 0, start)
    first = 0 if before < 0 else before + 2
    after = text.find("\n\n", end)
    last = len(text) if after < 0 else after
    pieces, position = [], first
    for fragment_start, fragment_end in sorted(fragments):
        pieces += [text[position:fragment_start], open_mark, text[fragment_start:fragment_end], close_mark]
        position = fragment_end
    pieces.append(text[position:last])
    return "".join(pieces).strip()


def format_sample(row: dict, number: int, open_mark: str = "[[", close_mark: str = "]]") -> str:
    """One sampled row as a person reads it: where, who, for whom, how, and the paragraph."""
    how = ", ".join(part for part in (row.get("type"), f"cue {row['cue']!r}" if row.get("cue") else None) if part)
    lines = [f"{number}. {row.get('article_id', '?')} (row {row.get('id', '?')}{', ' + how if how else ''})"]
    speaker = row.get("speaker") or "(none)"
    if row.get("speaker_mention") and row.get("speaker_mention") != row.get("speaker"):
        speaker += f"   (the article says: {row['speaker_mention']!r})"
    lines.append(f"   speaker:     {speaker}")
    lines.append(f"   affiliation: {row.get('affiliation') or '(none)'}")
    if row.get("confidence") is not None:
        lines.append(f"   confidence:  {row['confidence']:.2f}")
    paragraph = " ".join(paragraph_marked(row, open_mark, close_mark).split())
    lines += textwrap.wrap(paragraph, width=100, initial_indent="   ", subsequent_indent="   ")
    return "\n".join(lines)
