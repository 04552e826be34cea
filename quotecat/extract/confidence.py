"""How likely a row is right (its span, its speaker and its affiliation), from what the extractor knows of it.

``training/confidence.py`` fits two logistic models on the rows the extractor gives for the PolNeAR
training articles and ``../shared/wikinews-dev``, each judged by ``quotecat.evaluate.rows_right``, and
writes ``quotecat/lexicon/confidence.json``; this module reads it. A row is read as feature names
(the rule that found it, how its speaker was resolved, where its affiliation came from, its cue, its
span's shape); each part's log-odds is the sum of their weights: no library, no download, the
same compiled or not. README, "Confidence", has the calibration table.
"""

import math
import re
from typing import Final

from ..lexicon.cues import ACTIVITY_READINGS, CUE_WORDS, SPEECH_VERBS, THOUGHT_VERBS
from ..lexicon.function_words import NEGATION_GAP_WORDS, NEGATIONS
from ..model import Attribution
from .weights import read_weights, weight_tables


_DATA: Final = read_weights("confidence.json")
# Two parts: the span and the speaker right (fitted on both sets), then the affiliation right given that
# (fitted on Wikinews, the set that states affiliations); the confidence is their product.
WEIGHTS: Final[dict[str, float]] = _DATA["weights"]
BIAS: Final[float] = _DATA["bias"]
AFFILIATION_WEIGHTS: Final[dict[str, float]] = _DATA["affiliation_weights"]
AFFILIATION_BIAS: Final[float] = _DATA["affiliation_bias"]
# The features the affiliation part is fitted on (training/confidence.py), by family; flags "role", "anonymous".
AFFILIATION_FAMILIES: Final = frozenset({"af", "as", "ar", "st", "rs", "rc", "r", "sw", "d", "role", "anonymous"})
QUOTE_MARKS: Final = ("\"", "“", "”", "„", "«", "»")
# How far from a row its affiliation or its speaker's name is looked for (a news article's length): the
# work per row stays bounded however long the text.
WINDOW: Final = 5000
# Words that start a reporting clause inside a content: a span that ran over its own attribution.
INNER_CUES: Final = (" said", " says", " told", " added", " according to")
# A cue after "not", "never" or "n't" (an adverb between): "did not say whether ...", "has never mentioned
# ...". The annotators of ../shared/polnear-train make most such rows attributions (about 4 in 5 of those
# the extractor gives), so they are kept, and this flag lets the confidence weigh them apart.
NEGATED: Final = re.compile(r"(?:\b(?:%s)|n[’']t)\s+(?:(?:\w+ly|%s)\s+){0,2}$"
                            % ("|".join(sorted(NEGATIONS)), "|".join(sorted(NEGATION_GAP_WORDS))), re.IGNORECASE)
# How far before a cue the negation is looked for.
NEGATION_REACH: Final = 40
# The word after a cue: what ACTIVITY_READINGS looks up.
NEXT_WORD: Final = re.compile(r"\s*([A-Za-z]+)")
ACTIVITY_LEMMAS: Final = frozenset(lemma for lemma, _ in ACTIVITY_READINGS)


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
    """Where the affiliation was read: in the mention, near the attribution, elsewhere in the article (within
    WINDOW), or nowhere (worked out: a country, a possessor); or a lower-case noun left unresolved."""
    affiliation = a.affiliation
    if not affiliation:
        return "none"
    if affiliation[:1].islower():
        return "generic"  # "agency", "club": a noun the article did not resolve to the body it names
    if a.speaker and affiliation.lower() == a.speaker.lower():
        return "itself"
    if a.speaker_mention and affiliation in a.speaker_mention:
        return "mention"
    head = affiliation.split()[-1]
    first = min(a.start, a.cue_start if a.cue_start is not None else a.start)
    if text.find(head, max(0, first - 400), a.end + 200) >= 0:
        return "near"
    return "article" if text.find(head, max(0, first - WINDOW), a.end + WINDOW) >= 0 else "inferred"


def _antecedent_distance(text: str, a: Attribution) -> str:
    """For a speaker resolved from an earlier mention: how far back the speaker's last word was written."""
    if not a.speaker or a.mention_start is None:
        return "here"
    last = a.speaker.split()[-1]
    if a.speaker_mention and last in a.speaker_mention:
        return "here"
    found = text.rfind(last, max(0, a.mention_start - WINDOW), a.mention_start)
    return "none" if found < 0 else _distance(a.mention_start - found)


_SPEAKER: Final = weight_tables(WEIGHTS)
_AFFILIATION: Final = weight_tables(AFFILIATION_WEIGHTS)
SPEAKER_ONE: Final[dict[str, dict[str, float]]] = _SPEAKER[0]
SPEAKER_TWO: Final[dict[str, dict[str, dict[str, float]]]] = _SPEAKER[1]
AFFILIATION_ONE: Final[dict[str, dict[str, float]]] = _AFFILIATION[0]
AFFILIATION_TWO: Final[dict[str, dict[str, dict[str, float]]]] = _AFFILIATION[1]


# Each family's table once, so a row's sum looks up its values only (a family look-up per row costs 5% more).
_EMPTY_ONE: Final[dict[str, float]] = {}
_EMPTY_TWO: Final[dict[str, dict[str, float]]] = {}
_S_FLAGS: Final[dict[str, float]] = SPEAKER_ONE[""]
_A_FLAGS: Final[dict[str, float]] = AFFILIATION_ONE[""]
_S_P: Final[dict[str, float]] = SPEAKER_ONE.get("p", _EMPTY_ONE)
_S_T: Final[dict[str, float]] = SPEAKER_ONE.get("t", _EMPTY_ONE)
_S_R: Final[dict[str, float]] = SPEAKER_ONE.get("r", _EMPTY_ONE)
_S_ST: Final[dict[str, float]] = SPEAKER_ONE.get("st", _EMPTY_ONE)
_S_RC: Final[dict[str, float]] = SPEAKER_ONE.get("rc", _EMPTY_ONE)
_S_AF: Final[dict[str, float]] = SPEAKER_ONE.get("af", _EMPTY_ONE)
_S_K: Final[dict[str, float]] = SPEAKER_ONE.get("k", _EMPTY_ONE)
_S_L: Final[dict[str, float]] = SPEAKER_ONE.get("l", _EMPTY_ONE)
_S_LEN: Final[dict[str, float]] = SPEAKER_ONE.get("len", _EMPTY_ONE)
_S_D: Final[dict[str, float]] = SPEAKER_ONE.get("d", _EMPTY_ONE)
_S_PT: Final[dict[str, dict[str, float]]] = SPEAKER_TWO.get("pt", _EMPTY_TWO)
_S_RT: Final[dict[str, dict[str, float]]] = SPEAKER_TWO.get("rt", _EMPTY_TWO)
_S_RP: Final[dict[str, dict[str, float]]] = SPEAKER_TWO.get("rp", _EMPTY_TWO)
_S_RS: Final[dict[str, dict[str, float]]] = SPEAKER_TWO.get("rs", _EMPTY_TWO)
_S_AS: Final[dict[str, dict[str, float]]] = SPEAKER_TWO.get("as", _EMPTY_TWO)
_S_AR: Final[dict[str, dict[str, float]]] = SPEAKER_TWO.get("ar", _EMPTY_TWO)
_S_KT: Final[dict[str, dict[str, float]]] = SPEAKER_TWO.get("kt", _EMPTY_TWO)
_S_LT: Final[dict[str, dict[str, float]]] = SPEAKER_TWO.get("lt", _EMPTY_TWO)
_A_AF: Final[dict[str, float]] = AFFILIATION_ONE.get("af", _EMPTY_ONE)
_A_ST: Final[dict[str, float]] = AFFILIATION_ONE.get("st", _EMPTY_ONE)
_A_RC: Final[dict[str, float]] = AFFILIATION_ONE.get("rc", _EMPTY_ONE)
_A_R: Final[dict[str, float]] = AFFILIATION_ONE.get("r", _EMPTY_ONE)
_A_D: Final[dict[str, float]] = AFFILIATION_ONE.get("d", _EMPTY_ONE)
_A_AS: Final[dict[str, dict[str, float]]] = AFFILIATION_TWO.get("as", _EMPTY_TWO)
_A_AR: Final[dict[str, dict[str, float]]] = AFFILIATION_TWO.get("ar", _EMPTY_TWO)
_A_RS: Final[dict[str, dict[str, float]]] = AFFILIATION_TWO.get("rs", _EMPTY_TWO)


def _weight(values: dict[str, float], value: str) -> float:
    weight = values.get(value)
    return 0.0 if weight is None else weight


def _weight2(values: dict[str, dict[str, float]], first: str, second: str) -> float:
    seconds = values.get(first)
    if seconds is None:
        return 0.0
    weight = seconds.get(second)
    return 0.0 if weight is None else weight


class _Reading:
    """What the confidence reads of one row, read once, then named (``names``, what training fits) or
    scored (``log_odds``, the same weights looked up by family): pairs of family and value, the pairs of
    two values joined by "|" in a name, and flags."""

    def __init__(self, text: str, a: Attribution):
        self.pattern = a.pattern or ""
        self.type = a.type
        self.kind = resolution_kind(a.resolution, a.speaker)
        self.source_type = a.source_type or "none"
        self.role_class = a.role_class or "none"
        self.affiliation = _affiliation_kind(text, a)
        cue = (a.cue or "").lower()
        words = cue.split()
        word = words[-1] if words else ""
        self.cue_kind = "according" if word == "to" and "according" in cue else "speech" if word in SPEECH_VERBS \
            else "thought" if word in THOUGHT_VERBS else "none" if not word else "other"
        self.lemma = CUE_WORDS.get(word, word) if "|" not in word else ""  # "|" parts a name's two values
        content = a.text
        self.length = _bucket(content.count(" ") + 1)
        self.distance = _antecedent_distance(text, a)
        single: list[tuple[str, str]] = []  # the families a row may lack
        if a.speaker:
            single.append(("sw", _bucket(len(a.speaker.split()))))
        if a.speaker_mention:
            single.append(("mw", _bucket(len(a.speaker_mention.split()))))
            if a.mention_start is not None:
                single.append(("mside", "before" if a.mention_start < a.start else "inside"
                               if a.mention_start < a.end else "after"))
        if a.cue_start is not None and a.cue_end is not None:
            gap = a.start - a.cue_end if a.cue_start < a.start else a.cue_start - a.end
            single.append(("gap", _distance(gap)))
        self.single = single
        flags = []
        if a.fragments:
            flags.append("fragments")
        marks = 0
        for mark in QUOTE_MARKS:
            marks += content.count(mark)
        if marks:
            flags.append("marks odd" if marks % 2 else "marks even")
        for inner in INNER_CUES:
            if inner in content:
                flags.append("inner cue")
                break
        if a.anonymous:
            flags.append("anonymous")
        if a.role:
            flags.append("role")
        if a.paragraph == 0:
            flags.append("para0")
        if a.medium:
            flags.append("medium")
        cue_start = a.cue_start
        if cue_start is not None and NEGATED.search(text, max(0, cue_start - NEGATION_REACH), cue_start):
            flags.append("negated")
        if self.lemma in ACTIVITY_LEMMAS and a.cue_end is not None:
            after = NEXT_WORD.match(text, a.cue_end)
            if after is not None and (self.lemma, after.group(1).lower()) in ACTIVITY_READINGS:
                flags.append("activity")  # "spoke at a rally", "maintains a lead"
        self.flags = flags

    def ones(self) -> list[tuple[str, str]]:
        return [("p", self.pattern), ("t", self.type), ("r", self.kind), ("st", self.source_type),
                ("rc", self.role_class), ("af", self.affiliation), ("k", self.cue_kind), ("l", self.lemma),
                ("len", self.length), ("d", self.distance)] + self.single

    def twos(self) -> list[tuple[str, str, str]]:
        return [("pt", self.pattern, self.type), ("rt", self.kind, self.type), ("rp", self.kind, self.pattern),
                ("rs", self.kind, self.source_type), ("as", self.affiliation, self.source_type),
                ("ar", self.affiliation, self.kind), ("kt", self.cue_kind, self.type), ("lt", self.length, self.type)]

    def names(self) -> list[str]:
        return [family + "=" + value for family, value in self.ones()] + \
            [family + "=" + first + "|" + second for family, first, second in self.twos()] + self.flags

    def log_odds(self) -> tuple[float, float]:
        """Both parts' log-odds: the sums of the weights of names(), looked up by family (no list, no name).
        The affiliation part has weights only for AFFILIATION_FAMILIES (what training fits it on)."""
        pattern, kind, type_, affiliation, source_type = self.pattern, self.kind, self.type, self.affiliation, \
            self.source_type
        one = SPEAKER_ONE
        speaker = BIAS + _weight(_S_P, pattern) + _weight(_S_T, type_) + _weight(_S_R, kind) \
            + _weight(_S_ST, source_type) + _weight(_S_RC, self.role_class) + _weight(_S_AF, affiliation) \
            + _weight(_S_K, self.cue_kind) + _weight(_S_L, self.lemma) + _weight(_S_LEN, self.length) \
            + _weight(_S_D, self.distance) \
            + _weight2(_S_PT, pattern, type_) + _weight2(_S_RT, kind, type_) + _weight2(_S_RP, kind, pattern) \
            + _weight2(_S_RS, kind, source_type) + _weight2(_S_AS, affiliation, source_type) \
            + _weight2(_S_AR, affiliation, kind) + _weight2(_S_KT, self.cue_kind, type_) \
            + _weight2(_S_LT, self.length, type_)
        for family, value in self.single:
            speaker += _weight2(one, family, value)
        for flag in self.flags:
            speaker += _weight(_S_FLAGS, flag)
        one = AFFILIATION_ONE
        affiliation_odds = AFFILIATION_BIAS + _weight(_A_AF, affiliation) + _weight(_A_ST, source_type) \
            + _weight(_A_RC, self.role_class) + _weight(_A_R, kind) + _weight(_A_D, self.distance) \
            + _weight2(_A_AS, affiliation, source_type) + _weight2(_A_AR, affiliation, kind) \
            + _weight2(_A_RS, kind, source_type)
        for family, value in self.single:
            if family == "sw":
                affiliation_odds += _weight2(one, family, value)
        for flag in self.flags:
            if flag == "role" or flag == "anonymous":
                affiliation_odds += _weight(_A_FLAGS, flag)
        return speaker, affiliation_odds


def features(text: str, a: Attribution) -> list[str]:
    """What the confidence weighs, as feature names (what training fits)."""
    return _Reading(text, a).names()


def score(names: list[str], weights: dict[str, float] = WEIGHTS, bias: float = BIAS) -> float:
    """The log-odds of one part for a row with these feature names (what ``confidence`` computes by family)."""
    total = bias
    for name in names:
        total += weights.get(name, 0.0)
    return total


def _logistic(value: float) -> float:
    return 0.0 if value < -30.0 else 1.0 / (1.0 + math.exp(-value))


def confidence(text: str, a: Attribution) -> float:
    """The probability that ``a`` is right, rounded to two decimals."""
    speaker, affiliation = _Reading(text, a).log_odds()
    return round(_logistic(speaker) * _logistic(affiliation), 2)
