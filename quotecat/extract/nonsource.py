"""Is a speaker a source? The checks a resolved speaker passes before it becomes a row's speaker.

A speaker names a person, a group, an organisation, a government or a document. The
subject readers sometimes hand on what is none of these: a determiner with no noun ("the
second" of "The second blast affected ..."), a verb phrase ("imitating a song called ...",
"Calling it ..."), a clause ("they entered caucus sites"), a sentence's opening word
("Despite", "Hours later") or a piece of a longer name ("Disease Control" of "Institute of
Epidemiology, Disease Control and Research (IEDCR)"). ``repaired`` gives a piece the whole
name the article writes; ``not_a_source`` says why the rest are no source, and the row then
keeps its words in ``speaker_mention`` with no speaker, as an unresolved pronoun does.
"""

import re
from functools import lru_cache
from typing import Final

from ..lexicon.cues import CUE_WORDS
from ..lexicon.function_words import (ADVERBS, AUXILIARIES, DETERMINERS, LY_NOUNS, OPENER_STARTS,
                                      PREPOSITIONS, SENTENCE_ADVERBS)
from ..lexicon.speakers import (ADVERBS_BEFORE_NOUNS, AFTER_PRONOUN, CLAUSE_OPENERS, DEFINITE, HEADLESS,
                                INDEFINITE_THINGS, ING_NOUNS, LONE_DETERMINERS, LY_ADJECTIVE_WORDS, NAMES_A_SOURCE,
                                NAMING, OBJECT_PRONOUNS, OPENS_A_SUBJECT, PARTICLES, PAST_TENSES, PRONOUNS,
                                QUANTITIES, RELATIVES, TIME_DETERMINERS, OPENING_TIME_PLURALS)
from ..lexicon.time import DAYS, MONTHS, TIME_UNITS
from ..lexicon.titles import ROLE_WORDS
from .sources import Source, describe
from .subjects import subject_before
from .tokens import DASHES, tokenize

# A bracketed acronym right after a mention: "(IEDCR)", "(NFP)".
_ACRONYM_AFTER: Final = re.compile(r"[^()\n]{0,80}?\(([A-Z][A-Za-z&]{1,9})\)")
_ACRONYM_END: Final = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)\s*$")
_NAME_WORD: Final = re.compile(r"[A-Z][\w&'’.-]*|of|for|on|and|the|de|du|des|la|&|,")
_LY_ADJECTIVES: Final = LY_ADJECTIVE_WORDS | LY_NOUNS
_TIME_WORDS: Final = DAYS | MONTHS | TIME_UNITS | OPENING_TIME_PLURALS
_WINDOW: Final = 300  # characters before a mention where the noun phrase of its relative clause is read


def as_source(text: str, sentence_start: int, mention: str, start: int,
              source: Source) -> tuple[Source, str, int, str | None]:
    """``source``, described from ``mention`` at ``start``, checked: (the source, its mention and
    where it starts, and why it is no source or None). A clause or a piece of a name is repaired
    where the article says who speaks; what is still no source keeps its mention and no speaker."""
    why = not_a_source(source.label, text) if not source.pronoun else None
    inner = inner_subject(mention) if why else None
    if inner:
        # "what former employees (said)": the clause's own subject speaks.
        found_at = re.search(r"\s+".join(re.escape(w) for w in inner.split()), mention)  # its words as written
        if found_at is not None:
            return describe(inner), found_at.group(), start + found_at.start(), None
    if why:
        # "people who have battled online threats (say)": the noun phrase the clause hangs on.
        found = antecedent(text, sentence_start, start)
        if found is not None:
            start, mention = found[0], text[found[0]:found[1]]
            source = describe(mention)
            why = not_a_source(source.label, text) if not source.pronoun else None
    if why and " " in mention and " " not in source.label:
        rest = mention.partition(", ")[2] if mention.startswith(source.label + ",") else ""
        if rest and not_a_source(rest, text) is None:
            # "Sunday, Trump": a sentence's opening word before the subject.
            start += len(mention) - len(rest)
            mention, source = rest, describe(rest)
            why = not_a_source(source.label, text) if not source.pronoun else None
        elif "," not in mention and not_a_source(mention, text) is None:
            # "About 4 in 10", "13 Hours": the mention is a source, the name read from it is not.
            source, why = source.evolve(name=None), None
    if why:
        return source, mention, start, why
    whole = repaired(text, source.label, start, start + len(mention))
    if whole:
        source = source.evolve(name=whole, affiliation=whole, kind="organization")
    return source, mention, start, None


def as_resolved(source: Source | None, how: str) -> tuple[Source | None, str]:
    """A resolved speaker checked too: the earlier mention a pronoun or surname resolves to may be a
    clause read as a name ("What Trump" of a sentence "What Trump said ..."): its inner subject, else none."""
    if source is None or not source.name:
        return source, how
    why = not_a_source(source.name)
    if why is None:
        return source, how
    inner = inner_subject(source.name)
    if inner and inner[:1].isupper():
        return source.evolve(name=inner), f"{how}; '{source.name}' is {why}: '{inner}'"
    return None, f"{how}, but '{source.name}' is {why}: no source"


def not_a_source(label: str, text: str = "") -> str | None:
    """Why ``label`` (a speaker as the catalogue would name it) is no source, or None when it may be one.
    ``text``, the article, tells a name from a sentence's first word: a name is capitalised inside
    sentences too ("Manning", "Beijing"), a verb form only where a sentence starts ("Calling")."""
    words = label.split()
    if not words:
        return None
    lower = [w.lower().strip(",;:") for w in words]
    first = lower[0]
    second = lower[1] if len(words) > 1 else ""
    if len(words) == 2 and first in DEFINITE and second in HEADLESS:
        return "a determiner with no noun"
    if len(words) == 1 and (first in HEADLESS and words[0][:1].islower() or first in LONE_DETERMINERS):
        return "a determiner with no noun"  # "Another (holdout)", "Multiple (news reports)"
    if first in INDEFINITE_THINGS:
        return "an indefinite pronoun"
    if first in PRONOUNS and len(words) > 1 and words[1][:1].islower() and second not in AFTER_PRONOUN \
            and not words[0].endswith((",", ".")):
        return "a clause: it opens with its own subject"
    if first in CLAUSE_OPENERS or " ".join(lower[:2]) in CLAUSE_OPENERS \
            or len(words) > 2 and any(w in ("what", "how") for w in lower[1:3]) and words[0][:1].islower():
        return "a clause, not a noun phrase"
    if first in AUXILIARIES and first not in DETERMINERS and words[0][:1].islower():
        return "a verb phrase"  # "did not", but "Will Rogers"
    if (first in ADVERBS or first in SENTENCE_ADVERBS) and first not in ADVERBS_BEFORE_NOUNS \
            and (words[0][:1].islower() or len(words) == 1 and first in SENTENCE_ADVERBS) \
            and second not in DETERMINERS and second not in QUANTITIES and not second.endswith("ed") \
            or first.endswith("ly") and first not in _LY_ADJECTIVES and len(first) > 4 and second in PREPOSITIONS:
        return "an adverb opens it"
    if len(words) == 1 and (first in OPENER_STARTS or first in PREPOSITIONS or first in _TIME_WORDS
                            or first.removesuffix("'s").removesuffix("’s") in _TIME_WORDS):
        return "a sentence's opening word"  # also "Saturday's (gaffes)": a day's, not a source's
    if _verb_first(words, lower, text):
        return "a verb phrase"
    if _finite_verb(words) > 0:
        return "a clause: a noun phrase and its verb"
    return None


def _finite_verb(words: list[str]) -> int:
    """Where the verb of a clause read as a name stands ("her office sent out a press release",
    "the office slammed a lawsuit"): a lower-case past tense after the first word, before its object
    (a determiner or a pronoun). A participle after its noun is followed by "by" or a preposition,
    not an object ("a report released by the agency", "a letter obtained on Friday"); -1 when none.
    (After a name, "Doe huddled with aides" is as often "People briefed on the talks": not read.)"""
    lower = [w.lower() for w in words]
    for i in range(1, len(lower) - 1):
        word = lower[i]
        if lower[i - 1] in RELATIVES or lower[i - 1] in ("whose", "whom"):
            return -1  # "a plumber who attended the rally": a description, not a clause
        if lower[i - 1].endswith(",") or word in NAMING:
            continue  # "Doe, elected in 2010, ...", "a blog called the Feed"
        if not (len(word) > 4 and word.endswith("ed") or word in PAST_TENSES) or not words[i].islower() \
                or "-" in word:
            continue  # "Armed Services", "Los Angeles-based attorney"
        before = lower[i - 1]
        if before in DETERMINERS or before.endswith(("'s", "’s")) or before in ADVERBS:
            continue  # "the newly elected", "Trump's installed", "recently hacked"
        after = lower[i + 1]
        if after in PARTICLES and i + 2 < len(lower):
            after = lower[i + 2]  # "sent out a text"
        if (after in DETERMINERS or after in OBJECT_PRONOUNS) and after not in TIME_DETERMINERS:
            return i
    return -1


def _verb_first(words: list[str], lower: list[str], text: str) -> bool:
    """'imitating a song', 'appeared in the court', 'Calling', 'Asked': a verb form opens the phrase.
    A -ing or -ed word before a noun is its adjective ("leading experts", "retired teachers"), and
    a capitalised one before a name may be a name ("Sterling Brown"), so only a verb form before a
    determiner, a preposition, a pronoun or a number (an adjective comes after the number: "45 retired
    teachers", so "Boasting 42,000 members" is a verb's phrase), or alone and never capitalised
    inside a sentence, counts."""
    first = lower[0]
    if first in ROLE_WORDS or first.rstrip("s") in ROLE_WORDS or first in ING_NOUNS:
        return False
    if not (len(first) > 4 and first.endswith(("ing", "ed"))):
        return False
    if len(words) == 1:
        # "Calling", "Asked" (but "Manning", "United", "Boreing": names, if written only where a sentence starts)
        return words[0][:1].islower() or not _capitalised_inside(text, words[0]) and (
            _written_lowercase(text, first) or _cue_form(first))
    after = lower[1]
    return after in DETERMINERS or after in PREPOSITIONS and after != "of" or after in PRONOUNS \
        or after in ("him", "her", "them", "us") or after[:1].isdigit()


@lru_cache(maxsize=256)  # an article asks of one word once per mention ("Calling" twice)
def _capitalised_inside(text: str, word: str) -> bool:
    """Is ``word`` written capitalised anywhere but where a sentence starts, as a name is ("Chelsea
    Manning", "in Beijing")?"""
    for match in re.finditer(r"\b" + re.escape(word) + r"\b", text):
        before = text[max(0, match.start() - 12):match.start()].rstrip(" \t\"“‘'(")
        if before and before[-1] not in ".!?:\n—–-":
            return True
    return False


@lru_cache(maxsize=256)
def _written_lowercase(text: str, word: str) -> bool:
    return re.search(r"\b" + re.escape(word) + r"\b", text) is not None


def _cue_form(word: str) -> bool:
    """Is ``word`` a form of a cue verb: 'calling' (call), 'asked' (ask), 'noting' (note), 'citing'?"""
    stem = word[:-3] if word.endswith("ing") else word[:-2]
    return any(form in CUE_WORDS for base in (stem, stem + "e", stem[:-1]) for form in (base, base + "s", base + "ed"))



def inner_subject(mention: str) -> str | None:
    """The speaker inside a clause taken for one: "what former employees" (said), "why executives",
    "something Republicans" -> the noun phrase after the clause word, when it reads as a source.
    On half of ../shared/polnear-train, 9 of 12 such mentions with an annotated source had that
    source there."""
    words = mention.split()
    if len(words) > 1 and words[0].lower() in NAMES_A_SOURCE:
        # "citing a memo from the campaign", "echoing some commentators": the words that follow name it.
        rest = words[2:] if words[0].lower() == "according" and words[1] == "to" else words[1:]
        phrase = " ".join(rest)
        return phrase if rest and not_a_source(phrase) is None else None
    if len(words) > 1 and words[-1].lower() in PRONOUNS and words[-2][-1:] not in ",;:" and _verb_first(
            words, [w.lower() for w in words], ""):
        return words[-1]  # "Listing the ventures she (said)": the participle's clause, then its subject
    if len(words) > 2 and words[-1].lower() in PRONOUNS and (words[-2] in DASHES or words[-2] == "-"):
        return words[-1]  # "a court ruling made it legal - he (said)"
    verb = _finite_verb(words)
    if verb > 0:
        # "her office sent out a press release, saying": the clause's subject, after an opening
        # phrase ("Facing criticism, Mr. Doe released a statement"). On polnear-train 3 of 6 such
        # mentions with an annotated source had it there, the rest the object ("a sign reading").
        phrase = " ".join(words[:verb]).rpartition(", ")[2]
        return phrase if phrase and not_a_source(phrase) is None else None
    at = next((i for i, w in enumerate(words[:4]) if w.lower() in OPENS_A_SUBJECT), -1)
    if at < 0 or at + 1 >= len(words):
        return None
    rest = words[at + 1:]
    first = rest[0].lower()
    if first in PRONOUNS or first in ("much", "else", "of") or any("n't" in w or "n’t" in w for w in rest) \
            or not (first in DETERMINERS or rest[0][:1].isupper() or rest[-1].lower() in ROLE_WORDS
                    or rest[-1].endswith("s")):
        return None
    phrase = " ".join(rest)
    return phrase if not_a_source(phrase) is None else None


def antecedent(text: str, sentence_start: int, start: int) -> tuple[int, int] | None:
    """The noun phrase a relative clause hangs on, when a verb phrase taken for a speaker follows
    one: "Volunteers who have spoken directly with the mayor say" -> "Volunteers" (the clause
    was read from "spoken"), as ``subjects.subject_before`` reads "an architect who said"."""
    tokens = tokenize(text, max(sentence_start, start - _WINDOW), start, [])  # a subject is short: no whole sentence
    # "who have (heard)", "who (recently) joined": up to three lower-case words of the clause before the mention.
    j = next((j for j in range(len(tokens) - 1, max(0, len(tokens) - 4), -1)
              if tokens[j].lower in RELATIVES or not (tokens[j].is_word() and tokens[j].text.islower())), 0)
    if j < 1 or tokens[j].lower not in RELATIVES:
        return None
    found = subject_before(tokens, j if tokens[j].lower != "that" else j - 1)  # "sources that have seen"
    return (tokens[found[0]].start, tokens[found[1]].end) if found else None


def repaired(text: str, label: str, start: int | None, end: int | None) -> str | None:
    """The whole name of an organisation when ``label`` is a piece of it: a bracketed acronym ends
    the mention or follows it, and a longer run of capitalised words around the mention spells its
    letters ("Institute of Epidemiology, Disease Control and Research (IEDCR)" for "Disease Control",
    "the organiser Alliance to Reclaim Our Schools (AROS)" for "Alliance")."""
    if start is None or end is None or not label[:1].isupper():
        return None
    inside = _ACRONYM_END.search(text, start, end)
    match = inside or _ACRONYM_AFTER.match(text, end)
    if match is None:
        return None
    letters = match.group(1).upper()
    run_end = match.start(1) - 1
    if not inside:
        tail = text[end:run_end].rstrip()
        if tail and not all(_NAME_WORD.fullmatch(w) for w in tail.replace(",", " , ").split()):
            return None
    taken: list[str] = []  # the words of a name before the mention
    for word in reversed(text[max(0, start - 120):start].replace(",", " , ").split()):
        if not _NAME_WORD.fullmatch(word):
            break
        taken.insert(0, word)
    words = taken + text[start:run_end].rstrip().replace(",", " , ").split()
    for i in range(len(words) - 1, -1, -1):  # the shortest run that spells the acronym
        if words[i][:1].isupper() and letters in _initials(words[i:]):
            name = " ".join(words[i:]).replace(" , ", ", ")
            return name if label in name and name != label else None
    return None


def _initials(words: list[str]) -> tuple[str, str]:
    """The initials of the capitalised words, and of every word ("Notes from Poland": NP, NFP)."""
    return ("".join(w[0] for w in words if w[:1].isupper()),
            "".join(w[0].upper() for w in words if w[:1].isalpha()))
