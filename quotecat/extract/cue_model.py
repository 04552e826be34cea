"""The learned cue model: cue words mined from annotated news, and the weights that gate each candidate.

``training/cues.py`` writes ``quotecat/lexicon/cue_model.json`` from the PolNeAR training
articles (README, "Learned cue model"); this module reads it. The rules propose candidate
attributions and the model weighs each one: a candidate the rules found is dropped only
when the model is sure it is wrong (below VETO), one only a looser reading proposed is
kept only when the model is fairly sure it is right (from THRESHOLD). Scoring is a sum of
weights looked up by feature name: no library, no download, the same compiled or not.
"""

import json
from importlib import resources
from typing import Final

from ..lexicon.cues import CUE_WORDS, SPEECH_VERBS, THOUGHT_VERBS
from ..lexicon.function_words import DETERMINERS, FIRST_PERSON, FUNCTION_WORDS, GROUP_PRONOUNS, PERSON_PRONOUNS
from ..lexicon.titles import ROLE_WORDS
from .found import Found
from .tokens import MAX_CONTENT, Token


def _load() -> dict:
    # Read through the top-level package, whose directory holds the sources whether or not the
    # extractor runs compiled (a compiled module's own directory is the build's).
    return json.loads(resources.files("quotecat").joinpath("lexicon", "cue_model.json").read_text(encoding="utf-8"))


_DATA: Final = _load()
# Cue word forms the lexicon lacks, each with its lemma ("railed" -> "rail").
MINED: Final[dict[str, str]] = {form: entry[0] for form, entry in _DATA["cues"].items()}
# Words that make a mined cue a phrase: "railed against", "referring to".
PARTICLES: Final[dict[str, list[str]]] = _DATA["particles"]
# Cues that attribute the clause around them to no one named: "is expected to", "appears to".
AROUND: Final[frozenset[str]] = frozenset(_DATA["around"])
# Lexicon cues worth a looser second reading when the rules find no clause.
LOOSE: Final[frozenset[str]] = frozenset(_DATA["loose"])
WEIGHTS: Final[dict[str, float]] = _DATA["weights"]
BIAS: Final[float] = _DATA["bias"]
THRESHOLD: Final[float] = _DATA["threshold"]  # log-odds from which a proposed candidate is kept
VETO: Final[float] = _DATA["veto"]  # log-odds below which a candidate of the rules is dropped


def score(features: list[str]) -> float:
    """The candidate's log-odds of being a right attribution."""
    total = BIAS
    for feature in features:
        total += WEIGHTS.get(feature, 0.0)
    return total


def accept(text: str, tokens: list[Token], i: int, item: Found) -> bool:
    """Does the model keep the candidate ``item``, whose cue is ``tokens[i]``?"""
    value = score(candidate_features(text, tokens, i, item))
    return value >= THRESHOLD if item.relaxed else value >= VETO


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n < 5 else "5-9" if n < 10 else \
        "10-19" if n < 20 else "20+"


def candidate_features(text: str, tokens: list[Token], i: int, item: Found) -> list[str]:
    """What the gate weighs, as feature names: the cue word (w=, its lemma l=, lexicon kind k=, last
    letters x=) and its neighbours (p= p2= before, n= nk= after), the rule that proposed it (r=,
    rx= for a looser reading) alone and with the lemma, the content (which side cb/ca, its first
    word cf=, its length cl=, whether quoted cq/cnq and how: qw= qcaps) and the source (its shape
    s=, last word sw=, last letters sh=)."""
    cue = tokens[i]
    lower = cue.lower
    lemma = CUE_WORDS.get(lower) or MINED.get(lower) or lower
    kind = "speech" if lower in SPEECH_VERBS else "thought" if lower in THOUGHT_VERBS else \
        "according" if lower == "according" else "mined"
    n = len(tokens)
    prev = tokens[i - 1].lower if i > 0 else "<s>"
    nxt = "</s>" if i + 1 >= n else "<q>" if tokens[i + 1].kind == "quote" else tokens[i + 1].lower
    pattern = item.pattern.value
    features = ["w=" + lower, "l=" + lemma, "k=" + kind, "x=" + lower[-3:], "p=" + prev, "n=" + nxt,
                "p2=" + (tokens[i - 2].lower if i > 1 else "<s>"), "r=" + pattern, "lr=" + lemma + "|" + pattern,
                "ln=" + lemma + "|" + nxt, "lp=" + lemma + "|" + prev]
    if i + 1 < n:
        following = tokens[i + 1]
        features.append("nk=quote" if following.kind == "quote" else "nk=punct" if following.kind == "punct" else
                        "nk=cap" if following.text[:1].isupper() else
                        "nk=det" if following.lower in DETERMINERS else "nk=lower")
    first_content = item.content[0][0] if item.content else cue.start
    if first_content < cue.start:
        features.append("cb")
    else:
        features.append("ca")
        space = text.find(" ", first_content, first_content + 20)
        word = text[first_content:space if space >= 0 else first_content + 20].lower()
        features.append("cf=" + word if word in FUNCTION_WORDS or word in PERSON_PRONOUNS else
                        "cf=<cap>" if text[first_content:first_content + 1].isupper() else "cf=<w>")
    if i == 0:
        features.append("first")
    if cue.text[:1].isupper():
        features.append("cap")
    if item.paragraph == 0:
        features.append("para0")
    words = 0
    for start, end in item.content:
        words += text.count(" ", start, end) + 1
    quoted = False
    in_sentence = False
    quoted_words = 0
    capitals = 0
    # Contents stand within MAX_CONTENT tokens of their cue: looking no further keeps a giant sentence linear.
    for t in tokens[max(0, i - 2 * MAX_CONTENT):i + 2 * MAX_CONTENT]:
        if t.kind != "quote":
            continue
        in_sentence = True
        if any(t.start < end and start < t.end for start, end in item.content):
            quoted = True
            for word in t.text.split():
                quoted_words += 1
                capitals += word[1:2].isupper() if word[:1] in "\"“‘'`" else word[:1].isupper()
    if in_sentence:
        features.append("sq")
    if quoted:
        features += ["cq", "kc=" + kind + "|cq", "qw=" + _bucket(quoted_words)]
        if capitals * 5 >= quoted_words * 4:
            features.append("qcaps")
    else:
        features += ["cnq", "kc=" + kind + "|cnq"]
    features.append("cl=" + _bucket(words))
    if len(item.content) > 1:
        features.append("c2")
    if item.relaxed:
        features += ["proposed", "rx=" + item.relaxed]
    if item.source is None:
        features.append("s=none")
    else:
        mention = text[item.source[0]:item.source[1]]
        head = mention[mention.rfind(" ") + 1:].lower()
        shape = "pron" if head in PERSON_PRONOUNS else "group" if head in GROUP_PRONOUNS else \
            "self" if head in FIRST_PERSON else "it" if head == "it" else \
            "role" if head in ROLE_WORDS else "cap" if mention[:1].isupper() else "lower"
        features += ["s=" + shape, "ks=" + kind + "|" + shape, "sh=" + head[-3:], "sw=" + head]
    return features
