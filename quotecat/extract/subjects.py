"""Who speaks: the noun phrase that is the source of a cue, read from the tokens around it.

The subject before a cue ("The minister said"), over an appositive ("Mark Jones, an
attorney for the family, said") or a relative clause ("an architect who said"), and the
subject a sentence opens with (for a quotation no cue claims).
"""

from enum import Enum
from typing import Final

from ..lexicon.cues import CUE_WORDS, EVIDENCE_NOUNS, QUESTION_OPENER_LEADS
from ..lexicon.function_words import (
    ADVERBS,
    ARTICLES,
    ASIDE_OPENERS,
    AUXILIARIES,
    CLAUSE_BREAKERS,
    COORDINATION_OPENERS,
    COORDINATORS,
    DETERMINERS,
    FIRST_PERSON,
    FUNCTION_WORDS,
    GROUP_PRONOUNS,
    LY_NOUNS,
    NOUN_DETERMINERS,
    NUMBER_WORDS,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    QUANTITY_WORDS,
    RELATIVE_PRONOUNS,
    SENTENCE_ADVERBS,
    SHARE_WORDS,
    SUBJECT_CONNECTIVES,
    SUBJECT_PHRASE_PREPS,
)
from ..lexicon.time import DAYS, WHEN_STARTS, WHEN_WORDS
from ..lexicon.titles import ROLE_WORDS, TITLES
from .tokens import DASHES, MAX_SOURCE, Token

# Words before a pronoun that leave it the subject of its clause: "why he said", "how she put it".
_QUESTION_WORDS: Final = frozenset({"why", "how", "what", "whatever", "whether", "whom", "whose"})
# Pronouns that are a whole subject: nothing before them belongs to it ("Washington, D.C. They said").
_SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# What makes a lower-case word after it a noun: "the campaign", "another eyewitness", "each family".
_NOUN_MARKERS: Final = NOUN_DETERMINERS | {"another", "each", "every"}


class Place(Enum):
    """Where a verb cue's source stands."""

    SUBJECT = "subject"  # before the cue: 'The minister said'
    APPOSITIVE = "appositive"  # before an appositive: 'Mark Jones, an attorney, said'
    INVERTED = "inverted"  # after the cue: '"...," said Col. John Dorrian'


def is_nominal_head(token: Token) -> bool:
    """Can this word end a noun phrase that speaks?"""
    if token.kind == "quote":
        return False
    lower = token.lower
    if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS or lower in QUANTITY_WORDS or lower in EVIDENCE_NOUNS:
        return True  # "he", "they", "55 percent", "half", "reports" (a cue word too)
    if lower in FIRST_PERSON:
        return True  # opinion writers and letter writers speak as "I" and "we"
    if "n't" in lower or "n’t" in lower:
        return False  # "Don't" is not a name
    if lower in AUXILIARIES or lower in CLAUSE_BREAKERS or lower in DETERMINERS:
        return False
    if lower in PREPOSITIONS or lower in SENTENCE_ADVERBS or lower == "by":
        return False  # "By reports he ...", "Only ...": a sentence opens with it, no source
    if token.text[:1].isupper():
        return True
    if lower in ROLE_WORDS or lower.rstrip("s") in ROLE_WORDS:
        return True
    if token.text.endswith(")"):
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "ous", "is", "us")) and len(lower) > 3 and lower not in CUE_WORDS


def subject_before(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j``, as (first, last) token indexes."""
    if j < 0 or not tokens[j].is_word() and tokens[j].text != ")":
        return None
    if j >= 2 and tokens[j].text.isdigit() and tokens[j - 1].lower == "in":
        # "Six in 10 say", "about four in 10": a share of a poll's respondents.
        k = j - 2
        while k > 0 and tokens[k - 1].is_word() and (tokens[k - 1].lower in SHARE_WORDS or tokens[k - 1].text.isdigit()):
            k -= 1
        return (k, j) if tokens[j - 2].text.isdigit() or tokens[j - 2].lower in NUMBER_WORDS else None
    if tokens[j].lower in RELATIVE_PRONOUNS:
        # "an architect who said ...": the source is the noun phrase the clause hangs on.
        k = j - 1
        if k >= 0 and tokens[k].text == ",":
            k -= 1
        return subject_before(tokens, k) if k >= 0 else None
    if tokens[j].lower in _SUBJECT_PRONOUNS and (j == 0 or not _content_word(tokens[j - 1])):
        # A pronoun is the whole subject ("Washington, D.C. They said"); after a lower-case noun it
        # opens a relative clause ("the cuts it pledged"), read as before.
        return (j, j)
    weak_head = not is_nominal_head(tokens[j]) and tokens[j].text != ")" and not _determined_noun(tokens, j)
    if weak_head and (tokens[j].lower in FUNCTION_WORDS or not tokens[j].text.isalpha()):
        return None
    k = j
    depth = 1 if tokens[j].text == ")" else 0
    bracketed = 0  # tokens inside brackets: an expansion ("the RMT union (National Union of ...)") is no clause
    right_conjunct = -1  # where the last conjunct starts, once the walk has crossed an "and"
    while k - 1 >= max(0, j - MAX_SOURCE):
        prev = tokens[k - 1]
        if prev.text == ")":
            depth += 1
        elif prev.text == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if prev.kind != "word":
                break
            if prev.lower in AUXILIARIES or (prev.text.islower() and prev.lower in CUE_WORDS):
                break
            if prev.lower in CLAUSE_BREAKERS and prev.lower not in COORDINATORS:
                break
            if prev.lower in _SUBJECT_PRONOUNS and right_conjunct >= 0 and tokens[k].lower not in COORDINATORS:
                # "It weighed ten lbs and the researchers estimate": the pronoun has a clause of its own
                # (but "the experts I interviewed said" is one noun phrase).
                k = right_conjunct
                break
            if prev.lower in COORDINATION_OPENERS:
                k -= 1  # "both Mugabe and Tsvangirai": the phrase opens here
                break
            if prev.lower in COORDINATORS:
                # "residents and the group's fighters": both sides must look nominal.
                if k - 2 < 0 or not is_nominal_head(tokens[k - 2]):
                    break
                right_conjunct = k
        else:
            bracketed += 1
        k -= 1
    # Keep subjects short: long stretches are clauses, not noun phrases.
    if j - k - bracketed > 14:
        if right_conjunct < 0:
            return None
        k = right_conjunct
    while k <= j and (tokens[k].lower in SUBJECT_CONNECTIVES or tokens[k].lower in SENTENCE_ADVERBS):
        k += 1
    if k > j:
        return None
    if k + 2 < j and tokens[k].lower in WHEN_STARTS and tokens[k + 1].lower in WHEN_WORDS:
        k += 2  # "Reuters reported on Monday a government source said": the time is no part of the source
    elif k + 1 < j and tokens[k].lower in DAYS:
        k += 1
    if tokens[k].lower in PREPOSITIONS:
        # "In a Bloomberg interview Trump declared": the subject is the name after the phrase.
        m = j
        while m - 1 > k and (tokens[m - 1].text[:1].isupper() or tokens[m - 1].lower in TITLES):
            m -= 1
        if m == k + 1 or not tokens[m].text[:1].isupper() and tokens[m].lower not in PERSON_PRONOUNS:
            return None
        k = m
    first = tokens[k]
    if weak_head and not (j - k <= 8 and k < j and (first.text[:1].isupper() or first.lower in ROLE_WORDS)
                          and any(t.lower in SUBJECT_PHRASE_PREPS for t in tokens[k:j])):
        return None  # "Experts on Norland and nuclear policy" is a noun phrase; "it was fine" is not
    if first.text[:1].islower() and first.lower not in DETERMINERS and not is_nominal_head(first):
        # A lowercase start must still read as a noun phrase ("residents", "panel Chairman Rep. X").
        if j - k > 5 and not any(t.text[:1].isupper() for t in tokens[k:j + 1]):
            return None
    return (k, j)


def _content_word(token: Token) -> bool:
    """A lower-case word that is no function word, adverb or connective ("cuts", "provision")."""
    lower = token.lower
    return token.is_word() and token.text.islower() and lower not in FUNCTION_WORDS and lower not in ADVERBS \
        and lower not in SENTENCE_ADVERBS and lower not in SUBJECT_CONNECTIVES and lower not in RELATIVE_PRONOUNS \
        and lower not in _QUESTION_WORDS


def _determined_noun(tokens: list[Token], j: int) -> bool:
    """'the campaign', 'the bank', 'a new study': a lowercase head after a determiner."""
    head = tokens[j]
    if head.lower in FUNCTION_WORDS or head.lower.endswith("ly") and head.lower not in LY_NOUNS \
            or not head.text.isalpha():
        return False
    for k in range(j - 1, max(-1, j - 5), -1):
        word = tokens[k]
        if not word.is_word():
            return False
        if word.lower in _NOUN_MARKERS or word.text.endswith(("'s", "’s")):
            return True
        if word.lower in FUNCTION_WORDS:
            return False
    return False


def skip_adverbs_left(tokens: list[Token], j: int) -> int:
    """Step back over "also", "has", "is" and the like between a subject and its cue."""
    while j >= 0 and tokens[j].is_word() and (tokens[j].lower in ADVERBS or tokens[j].lower in AUXILIARIES
                                              or tokens[j].lower in SENTENCE_ADVERBS):
        j -= 1
    return j


def find_subject(tokens: list[Token], j: int) -> tuple[tuple[int, int] | None, Place]:
    """The source before a cue whose last word before it is ``tokens[j]``, and where it stands."""
    if j >= 0 and (tokens[j].is_word() or tokens[j].text == ")"):
        subject = subject_before(tokens, j)
        if subject:
            return subject, Place.SUBJECT
    if j >= 0 and tokens[j].text == ",":
        # "X, a spokesman for Y, said" -- an appositive between the subject and the cue.
        subject = _appositive_subject(tokens, j)
        if subject:
            return subject, Place.APPOSITIVE
    if j >= 2 and tokens[j].text in DASHES:
        # "X — a teacher from Y — says": an appositive between dashes.
        k = j - 1
        while k > max(0, j - MAX_SOURCE) and tokens[k].text not in DASHES and tokens[k].kind != "quote":
            k -= 1
        if k > 0 and tokens[k].text == tokens[j].text and k < j - 1:
            head = subject_before(tokens, k - 1)
            if head:
                return (head[0], j - 1), Place.APPOSITIVE
    return None, Place.SUBJECT


def _appositive_subject(tokens: list[Token], j: int, after_aside: bool = False) -> tuple[int, int] | None:
    """``Mark Jones, an attorney for the family, said``: walk back over one appositive.

    "X, who ..., said" / "X, at a later briefing, said": an aside is walked over too, but it is not the source.
    """
    k = j - 1
    depth = 0  # a comma inside brackets is no appositive's ("the RMT union (National Union of Rail, ...)")
    while k >= max(0, j - MAX_SOURCE) and (tokens[k].text != "," or depth > 0) and tokens[k].kind != "quote":
        if tokens[k].text == ")":
            depth += 1
        elif tokens[k].text == "(":
            depth = max(0, depth - 1)
        k -= 1
    if k < 0 or tokens[k].text != ",":
        return None
    appositive = tokens[k + 1:j]
    if not appositive or len(appositive) > 30:
        return None
    if len(appositive) == 1 and appositive[0].text.isdigit():
        # "Jane Doe, 69, said": an age.
        head = subject_before(tokens, k - 1)
        return (head[0], j - 1) if head else None
    if k >= 2 and tokens[k - 1].text.isdigit() and tokens[k - 2].text == ",":
        k -= 2  # "Jane Doe, 35, the daughter of ..., said": the age before the appositive
    aside = appositive[0].lower in ASIDE_OPENERS or appositive[0].lower in PREPOSITIONS or len(appositive) == 1 and (
        appositive[0].lower in SUBJECT_CONNECTIVES or appositive[0].lower in ADVERBS) \
        or _participial_aside(appositive)  # "Bush, however, said", "Lee, wearing a red scarf, said"
    if not aside and appositive[0].lower not in DETERMINERS and not appositive[0].text[:1].isupper() \
            and not any(t.lower in ROLE_WORDS for t in appositive):
        return None
    head = subject_before(tokens, k - 1)
    if not head:
        return None
    if aside and not after_aside and head[0] >= 2 and tokens[head[0] - 1].text == ",":
        # "X, a former director of Y, whose roots are in Z, said": the aside follows an appositive,
        # whose name before it is the source (the appositive its description).
        described = _appositive_subject(tokens, k, after_aside=True)
        if described is not None and described[1] == k - 1:
            return described
    return head if aside else (head[0], j - 1)


def _participial_aside(appositive: list[Token]) -> bool:
    """A participle phrase or a then/now + age between a name and its cue: "Lee, wearing a red scarf,
    said", "the board, citing costs, said", "Ruiz, then 38, said", "Ruiz, now 81 and retired, said"."""
    first = appositive[0]
    if first.text.islower() and first.lower.endswith("ing") and len(first.text) > 4:
        return True
    return first.lower in ("then", "now") and len(appositive) > 1 and appositive[1].text[:1].isdigit()


# Tokens: how far the comma closing a question opener ("Asked by reporters about the vote, ...") may be.
QUESTION_OPENER_REACH: Final = 40


def question_opener(tokens: list[Token]) -> int | None:
    """The comma closing the question a sentence opens with, if it does: "Asked by reporters about
    the vote, Ruiz said ...", "When asked whether she would run, Ruiz ...". Who asked is not who
    answers: the source is the subject after the comma (not "Asked", not the asker), and the
    question is not the answer's content. "Asked Ellis: ..." (a name after it) is an inverted cue."""
    k = 1 if tokens and tokens[0].lower in QUESTION_OPENER_LEADS else 0
    if k + 1 >= len(tokens) or tokens[k].lower != "asked" or not tokens[k + 1].is_word() \
            or not tokens[k + 1].text.islower():
        return None
    for c in range(k + 2, min(len(tokens) - 1, k + QUESTION_OPENER_REACH)):
        if tokens[c].text == ",":
            return c
        if tokens[c].kind == "quote" and c + 1 < len(tokens) and tokens[c + 1].text == ",":
            continue  # 'Asked whether the plan is "dead," Ruiz ...'
        if tokens[c].text in {".", "!", "?", ":", ";"}:
            return None
    return None


def sentence_subject(tokens: list[Token]) -> tuple[int, int] | None:
    """The noun phrase a sentence starts with, after an opening phrase ("In July, ...") or question
    ("Asked about the vote, ...")."""
    start = 0
    opener = question_opener(tokens)
    if opener is not None:
        start = opener + 1
    elif tokens and tokens[0].is_word() and (tokens[0].lower in PREPOSITIONS or tokens[0].lower in CLAUSE_BREAKERS):
        comma = next((i for i, t in enumerate(tokens[:12]) if t.text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    end = start
    while end < len(tokens) and tokens[end].is_word() and (
            tokens[end].text[:1].isupper() or tokens[end].lower in ARTICLES
            or tokens[end].lower in ROLE_WORDS or tokens[end].text in {"(", ")"}):
        end += 1
    if end > start and end + 1 < len(tokens) and tokens[end].lower == "of" and tokens[end - 1].lower in DETERMINERS:
        # "One of them", "Some of the residents": the quantity of a group.
        stop = end + 1
        while stop < len(tokens) and stop < end + 4 and tokens[stop].is_word() and (
                tokens[stop].lower in NOUN_DETERMINERS or tokens[stop].lower in GROUP_PRONOUNS
                or tokens[stop].lower in {"us", "whom"} or stop > end + 1 and tokens[stop - 1].lower in NOUN_DETERMINERS):
            stop += 1
        if stop > end + 1:
            return (start, stop - 1)
    if end == start:
        if start < len(tokens) and (tokens[start].lower in PERSON_PRONOUNS or tokens[start].lower in GROUP_PRONOUNS):
            return (start, start)
        return None
    last = end - 1
    head = tokens[last]
    if head.lower in ARTICLES and end < len(tokens) and tokens[end].is_word() \
            and tokens[end].lower not in FUNCTION_WORDS and tokens[end].lower not in CUE_WORDS:
        last, end = end, end + 1  # "The piece used ...": a lowercase head after the article
        # "The three-judge court found", "The court's summary concluded": the noun after its modifiers.
        while end < len(tokens) and end - last < 3 and tokens[end].is_word() and tokens[end].text.islower() \
                and (tokens[last].text.endswith(("'s", "’s")) or "-" in tokens[last].text) \
                and tokens[end].lower not in FUNCTION_WORDS and tokens[end].lower not in CUE_WORDS:
            last, end = end, end + 1
        head = tokens[last]
    elif not (head.text[:1].isupper() or head.lower in ROLE_WORDS) or head.lower in ARTICLES:
        return None
    if end < len(tokens) and not tokens[end].is_word():
        return None  # "Trump, ...": an appositive or list, not a simple subject
    return (start, last)
