"""How likely a row is right (its span, its speaker and its affiliation), from what the extractor knows of it.

``training/confidence.py`` fits two logistic models on the rows the extractor gives for the PolNeAR
training articles and ``../shared/wikinews-dev``, each judged by ``quotecat.evaluate.rows_right``, and
writes ``quotecat/lexicon/confidence.json``; this module reads it. A row is read as feature names
(the rule that found it, how its speaker was resolved, where its affiliation came from, its cue, its
span's shape); each part's log-odds is the sum of their weights: no library, no download, the
same compiled or not. README, "Confidence", has the calibration table.
"""

import json
import math
from importlib import resources
from typing import Final

from ..lexicon.cues import CUE_WORDS, SPEECH_VERBS, THOUGHT_VERBS
from ..model import Attribution


def _load() -> dict:
    # Through the top-level package, whose directory holds the sources compiled or not (as cue_model.py).
    return json.loads(resources.files("quotecat").joinpath("lexicon", "confidence.json").read_text(encoding="utf-8"))


_DATA: Final = _load()
# Two parts: the span and the speaker right (fitted on both sets), then the affiliation right given that
# (fitted on Wikinews, the set that states affiliations); the confidence is their product.
WEIGHTS: Final[dict[str, float]] = _DATA["weights"]
BIAS: Final[float] = _DATA["bias"]
AFFILIATION_WEIGHTS: Final[dict[str, float]] = _DATA["affiliation_weights"]
AFFILIATION_BIAS: Final[float] = _DATA["affiliation_bias"]
QUOTE_MARKS: Final = frozenset("\"“”„«»")
# Words that start a reporting clause inside a content: a span that ran over its own attribution.
INNER_CUES: Final = (" said", " says", " told", " added", " according to")


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n < 5 else "5-9" if n < 10 else \
        "10-19" if n < 20 else "20-39" if n < 40 else "40+"


def _distance(n: int) -> str:
    return "<0" if n < 0 else "<50" if n < 50 else "<150" if n < 150 else "<400" if n < 400 else \
        "<1000" if n < 1000 else "1000+"


def resolution_kind(resolution: str | None, speaker: str | None) -> str:
    """How the speaker was found, in a word, from the sentence records.py leaves in ``resolution``."""
    how = resolution or ""
    if how.startswith("named"):
        return "named"
    if how.startswith("described"):
        return "described" if speaker else "none"
    if how.startswith("surname"):
        return "surname"
    if how.startswith("description"):
        return "role"
    if how.startswith("inherits"):
        return "inherited" if speaker else "none"
    if how.startswith("no source"):
        return "no source"
    if how.startswith("pronoun"):
        if "unresolved" in how:
            return "pronoun unresolved"
        if "named together" in how:
            return "pronoun group"
        return "pronoun"
    return "other" if speaker else "none"


def _affiliation_kind(text: str, a: Attribution) -> str:
    """Where the affiliation was read: in the mention, near the attribution, elsewhere in the article, or
    nowhere (worked out: a country, a possessor)."""
    affiliation = a.affiliation
    if not affiliation:
        return "none"
    if a.speaker and affiliation.lower() == a.speaker.lower():
        return "itself"
    if a.speaker_mention and affiliation in a.speaker_mention:
        return "mention"
    head = affiliation.split()[-1]
    near = max(0, min(a.start, a.cue_start if a.cue_start is not None else a.start) - 400)
    if text.find(head, near, a.end + 200) >= 0:
        return "near"
    return "article" if head in text else "inferred"


def _antecedent_distance(text: str, a: Attribution) -> str:
    """For a speaker resolved from an earlier mention: how far back the speaker's last word was written."""
    if not a.speaker or a.mention_start is None:
        return "here"
    last = a.speaker.split()[-1]
    if a.speaker_mention and last in a.speaker_mention:
        return "here"
    found = text.rfind(last, 0, a.mention_start)
    return "none" if found < 0 else _distance(a.mention_start - found)


def features(text: str, a: Attribution) -> list[str]:
    """What the confidence weighs, as feature names (what training fits; ``score`` sums their weights)."""
    pattern = a.pattern or ""
    kind = resolution_kind(a.resolution, a.speaker)
    source_type = a.source_type or "none"
    affiliation = _affiliation_kind(text, a)
    cue = (a.cue or "").lower()
    word = cue.split()[-1] if cue.split() else ""
    cue_kind = "according" if word == "to" and "according" in cue else "speech" if word in SPEECH_VERBS else \
        "thought" if word in THOUGHT_VERBS else "none" if not word else "other"
    content = a.text
    words = content.count(" ") + 1
    names = ["p=" + pattern, "t=" + a.type, "pt=" + pattern + "|" + a.type, "r=" + kind, "rt=" + kind + "|" + a.type,
             "rp=" + kind + "|" + pattern, "st=" + source_type, "rs=" + kind + "|" + source_type,
             "rc=" + (a.role_class or "none"), "af=" + affiliation, "as=" + affiliation + "|" + source_type,
             "ar=" + affiliation + "|" + kind, "k=" + cue_kind, "l=" + CUE_WORDS.get(word, word), "kt=" + cue_kind + "|" + a.type,
             "len=" + _bucket(words), "lt=" + _bucket(words) + "|" + a.type, "d=" + _antecedent_distance(text, a)]
    if a.speaker:
        names.append("sw=" + _bucket(len(a.speaker.split())))
    if a.speaker_mention:
        names.append("mw=" + _bucket(len(a.speaker_mention.split())))
        if a.mention_start is not None:
            names.append("mside=" + ("before" if a.mention_start < a.start else "inside" if a.mention_start < a.end
                                     else "after"))
    if a.cue_start is not None and a.cue_end is not None:
        gap = a.start - a.cue_end if a.cue_start < a.start else a.cue_start - a.end
        names.append("gap=" + _distance(gap))
    if a.fragments:
        names.append("fragments")
    marks = 0
    for c in content:
        if c in QUOTE_MARKS:
            marks += 1
    if marks:
        names.append("marks odd" if marks % 2 else "marks even")
    if any(inner in content for inner in INNER_CUES):
        names.append("inner cue")
    if a.anonymous:
        names.append("anonymous")
    if a.role:
        names.append("role")
    if a.paragraph == 0:
        names.append("para0")
    if a.medium:
        names.append("medium")
    return names


def score(names: list[str], weights: dict[str, float] = WEIGHTS, bias: float = BIAS) -> float:
    """The log-odds of one part for a row with these features."""
    total = bias
    for name in names:
        total += weights.get(name, 0.0)
    return total


def _logistic(value: float) -> float:
    return 0.0 if value < -30.0 else 1.0 / (1.0 + math.exp(-value))


def confidence(text: str, a: Attribution) -> float:
    """The probability that ``a`` is right, rounded to two decimals."""
    names = features(text, a)
    return round(_logistic(score(names)) * _logistic(score(names, AFFILIATION_WEIGHTS, AFFILIATION_BIAS)), 2)
