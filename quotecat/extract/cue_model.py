"""The learned cue model: cue words mined from annotated news, and the weights that gate each candidate.

``training/cues.py`` writes ``quotecat/lexicon/cue_model.json`` from the PolNeAR training
articles (README, "Learned cue model"); this module reads it. The rules propose candidate
attributions and the model weighs each one: a candidate the rules found is dropped only
when the model is sure it is wrong (below VETO), one only a looser reading proposed is
kept only when the model is fairly sure it is right (from THRESHOLD; from LEXICON_THRESHOLD for a
lexicon cue's looser reading). Scoring is a sum of
weights looked up by feature name: no library, no download, the same compiled or not.
"""

from typing import Final

from ..lexicon.cues import CUE_WORDS, SPEECH_VERBS, THOUGHT_VERBS
from ..lexicon.function_words import DETERMINERS, FIRST_PERSON, FUNCTION_WORDS, GROUP_PRONOUNS, PERSON_PRONOUNS
from ..lexicon.titles import ROLE_WORDS
from .found import Found
from .tokens import MAX_CONTENT, Token
from .weights import read_weights, weight_tables


_DATA: Final = read_weights("cue_model.json")
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
# ... when its content is partly a quotation: chosen for the same share of right candidates.
QUOTED_THRESHOLD: Final[float] = _DATA.get("quoted_threshold", _DATA["threshold"])
# ... or, for the quoted candidates of one looser reading ("lexicon", "mined"), its own threshold.
QUOTED_THRESHOLDS: Final[dict[str, float]] = _DATA.get("quoted_thresholds", {})
# ... and a lexicon cue's looser reading ("believes", "found", "shows" whose clause the rules could not
# read); a model file written before these thresholds has the one threshold for all.
LEXICON_THRESHOLD: Final[float] = _DATA.get("lexicon_threshold", THRESHOLD)
VETO: Final[float] = _DATA["veto"]  # log-odds below which a candidate of the rules is dropped


_TABLES: Final = weight_tables(WEIGHTS)
ONE: Final[dict[str, dict[str, float]]] = _TABLES[0]
TWO: Final[dict[str, dict[str, dict[str, float]]]] = _TABLES[1]
_NO_ONE: Final[dict[str, float]] = {}
_NO_TWO: Final[dict[str, dict[str, float]]] = {}


def _one(family: str, value: str) -> float:
    return ONE.get(family, _NO_ONE).get(value, 0.0)


def _two(family: str, first: str, second: str) -> float:
    return TWO.get(family, _NO_TWO).get(first, _NO_ONE).get(second, 0.0)


def score(features: list[str]) -> float:
    """The log-odds of a candidate with these features (their names, as training sees them)."""
    total = BIAS
    for feature in features:
        total += WEIGHTS.get(feature, 0.0)
    return total


def accept(text: str, tokens: list[Token], i: int, item: Found, nested: bool = False) -> bool:
    """Does the model keep the candidate ``item``, whose cue is ``tokens[i]``? ``nested``: the cue stands
    inside the content of an attribution found before it in the sentence ("X said the union rejected
    ..."), whose quoted readings keep the one quoted threshold."""
    reading = _Reading(text, tokens, i, item)
    value = reading.score()
    if not item.relaxed:
        return value >= VETO
    if reading.quoted == "cq":
        return value >= (QUOTED_THRESHOLD if nested else QUOTED_THRESHOLDS.get(item.relaxed, QUOTED_THRESHOLD))
    return value >= (LEXICON_THRESHOLD if item.relaxed == "lexicon" else THRESHOLD)


def candidate_features(text: str, tokens: list[Token], i: int, item: Found) -> list[str]:
    """What the gate weighs, as feature names (what training fits; accept() sums the same weights)."""
    return _Reading(text, tokens, i, item).features()


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n < 5 else "5-9" if n < 10 else \
        "10-19" if n < 20 else "20+"


class _Reading:
    """What the gate reads of one candidate: the cue word (w=, its lemma l=, lexicon kind k=, last
    letters x=) and its neighbours (p= p2= before, n= nk= after), the rule that proposed it (r=,
    rx= for a looser reading) alone and with the lemma, the content (which side cb/ca, its first
    word cf=, its length cl=, whether quoted cq/cnq and how: qw= qcaps) and the source (its shape
    s=, last word sw=, last letters sh=, first word sf=). Read once, then named (features) or scored (score)."""

    def __init__(self, text: str, tokens: list[Token], i: int, item: Found):
        cue = tokens[i]
        lower = cue.lower
        n = len(tokens)
        self.lower = lower
        self.lemma = CUE_WORDS.get(lower) or MINED.get(lower) or lower
        self.kind = "speech" if lower in SPEECH_VERBS else "thought" if lower in THOUGHT_VERBS else \
            "according" if lower == "according" else "mined"
        self.prev = tokens[i - 1].lower if i > 0 else "<s>"
        self.prev2 = tokens[i - 2].lower if i > 1 else "<s>"
        self.next = "</s>" if i + 1 >= n else "<q>" if tokens[i + 1].kind == "quote" else tokens[i + 1].lower
        self.pattern = item.pattern.value
        following = ""
        if i + 1 < n:
            after = tokens[i + 1]
            following = "quote" if after.kind == "quote" else "punct" if after.kind == "punct" else \
                "cap" if after.text[:1].isupper() else "det" if after.lower in DETERMINERS else "lower"
        self.following = following
        first_content = item.content[0][0] if item.content else cue.start
        self.side = "cb" if first_content < cue.start else "ca"
        first_word = ""
        if first_content >= cue.start:
            space = text.find(" ", first_content, first_content + 20)
            word = text[first_content:space if space >= 0 else first_content + 20].lower()
            first_word = word if word in FUNCTION_WORDS or word in PERSON_PRONOUNS else \
                "<cap>" if text[first_content:first_content + 1].isupper() else "<w>"
        self.first_word = first_word
        flags = []
        if i == 0:
            flags.append("first")
        if cue.text[:1].isupper():
            flags.append("cap")
        if item.paragraph == 0:
            flags.append("para0")
        words = 0
        for start, end in item.content:
            words += text.count(" ", start, end) + 1
        self.length = _bucket(words)
        quoted = False
        in_sentence = False
        quoted_words = 0
        capitals = 0
        # Contents stand within MAX_CONTENT tokens of their cue: looking no further keeps a giant sentence linear.
        for k in range(max(0, i - 2 * MAX_CONTENT), min(n, i + 2 * MAX_CONTENT)):
            t = tokens[k]
            if t.quote is None:
                continue
            in_sentence = True
            inside = False
            for start, end in item.content:
                if t.start < end and start < t.end:
                    inside = True
            if inside:
                quoted = True
                for word in t.text.split():
                    quoted_words += 1
                    capitals += word[1:2].isupper() if word[:1] in "\"“‘'`" else word[:1].isupper()
        if in_sentence:
            flags.append("sq")
        if quoted and capitals * 5 >= quoted_words * 4:
            flags.append("qcaps")
        if len(item.content) > 1:
            flags.append("c2")
        if item.relaxed:
            flags.append("proposed")
        self.quoted = "cq" if quoted else "cnq"
        self.quoted_words = _bucket(quoted_words) if quoted else ""
        # How much of the content the quotation is: a quoted clause is somebody's words, one quoted word
        # in a long sentence is often the writer's scare quote.
        share = quoted_words * 4 // max(1, words) if quoted else -1
        self.quoted_share = "" if share < 0 else "0" if share == 0 else "1" if share == 1 else "2" if share == 2 else "3"
        self.flags = flags
        self.relaxed = item.relaxed
        shape = head = ""
        if item.source is not None:
            mention = text[item.source[0]:item.source[1]]
            head = mention[mention.rfind(" ") + 1:].lower()
            shape = "pron" if head in PERSON_PRONOUNS else "group" if head in GROUP_PRONOUNS else \
                "self" if head in FIRST_PERSON else "it" if head == "it" else \
                "role" if head in ROLE_WORDS else "cap" if mention[:1].isupper() else "lower"
        self.shape = shape
        self.head = head
        # The source's first word (a function word itself, else capitalised or not): what the source's last
        # word (sw=) misses of a clause read as a source ("under the new rules the board", "including a
        # report"). Added with the contraction and doubled-consonant cue forms, retrained (training/, the
        # tuning half; polnear-dev untouched): without it Wikinews strict precision fell 0.851 -> 0.849
        # (one more headline row), with it 0.852 at polnear-dev all-attribution recall 0.683 (0.686 without).
        source_first = ""
        if item.source is not None:
            s_start, s_end = item.source
            space = text.find(" ", s_start, s_end)
            first = text[s_start:space if space >= 0 else s_end].lower()
            source_first = first if first in FUNCTION_WORDS or first in PERSON_PRONOUNS else \
                "<cap>" if text[s_start:s_start + 1].isupper() else "<w>"
        self.source_first = source_first

    def features(self) -> list[str]:
        lemma, kind = self.lemma, self.kind
        names = ["w=" + self.lower, "l=" + lemma, "k=" + kind, "x=" + self.lower[-3:], "p=" + self.prev,
                 "n=" + self.next, "p2=" + self.prev2, "r=" + self.pattern, "lr=" + lemma + "|" + self.pattern,
                 "ln=" + lemma + "|" + self.next, "lp=" + lemma + "|" + self.prev, self.side, self.quoted,
                 "kc=" + kind + "|" + self.quoted, "cl=" + self.length]
        if self.following:
            names.append("nk=" + self.following)
        if self.first_word:
            names.append("cf=" + self.first_word)
        if self.quoted_words:
            names.append("qw=" + self.quoted_words)
        if self.quoted_share:
            names.append("qs=" + self.quoted_share)
        if self.relaxed:
            names.append("rx=" + self.relaxed)
        if self.shape:
            names += ["s=" + self.shape, "ks=" + kind + "|" + self.shape, "sh=" + self.head[-3:], "sw=" + self.head,
                      "sf=" + self.source_first]
        else:
            names.append("s=none")
        return names + self.flags

    def score(self) -> float:
        """The sum of the weights of features(), looked up by family: no name is built."""
        lemma, kind = self.lemma, self.kind
        flags = ONE[""]
        total = BIAS + _one("w", self.lower) + _one("l", lemma) + _one("k", kind) + _one("x", self.lower[-3:]) \
            + _one("p", self.prev) + _one("n", self.next) + _one("p2", self.prev2) + _one("r", self.pattern) \
            + _two("lr", lemma, self.pattern) + _two("ln", lemma, self.next) + _two("lp", lemma, self.prev) \
            + flags.get(self.side, 0.0) + flags.get(self.quoted, 0.0) + _two("kc", kind, self.quoted) \
            + _one("cl", self.length)
        if self.following:
            total += _one("nk", self.following)
        if self.first_word:
            total += _one("cf", self.first_word)
        if self.quoted_words:
            total += _one("qw", self.quoted_words)
        if self.quoted_share:
            total += _one("qs", self.quoted_share)
        if self.relaxed:
            total += _one("rx", self.relaxed)
        if self.shape:
            total += _one("s", self.shape) + _two("ks", kind, self.shape) + _one("sh", self.head[-3:]) \
                + _one("sw", self.head) + _one("sf", self.source_first)
        else:
            total += _one("s", "none")
        for flag in self.flags:
            total += flags.get(flag, 0.0)
        return total
