"""Reporting cues and the grammar of the clause around them: who is the source, what is the content.

In each sentence (outside quotations) a cue is a reporting verb of the lexicon, or
"according to"; in each paragraph, a signature after a quotation ('"..." -- Jane Doe')
or a speaker label ('WALLACE: ...'). A verb cue is read by named rules, one function
each, in the order ``verb_cue`` applies them: whether the verb reports at all, what
follows it (time, medium, hearer, "that", a quotation, a colon), where its source stands
(subject, appositive, or inverted after it), and which side of it the content is.
"""

import bisect
import re
from typing import Final

from ..lexicon.cues import (
    ACTIVE_RAISING_FORMS,
    APPEARING_PLACES,
    BARE_BELIEF_LEMMAS,
    BARE_CLAUSE_LEMMAS,
    CALL_PARTICLES,
    CLAUSE_AFTER_SOURCE,
    CONTENT_AFTER_LEMMAS,
    CUE_HINTS,
    CUE_WORDS,
    NEGATED_NOT_REPORTS,
    EVIDENCE_NOUNS,
    HEARER_LEMMAS,
    HEARERS,
    INFINITIVE_LEMMAS,
    INVERTING_LEMMAS,
    NOT_LABEL_ENDINGS,
    NOT_LABELS,
    NOT_REPORT_PARTICLES,
    OBJECT_LEMMAS,
    PASSIVE_BE,
    QUESTION_STARTS,
    S_FORM_VERBS,
    SPEECH_LEMMAS,
    SPEECH_VERBS,
    WEAK_LEMMAS,
)
from ..lexicon.function_words import (
    ADVERBS,
    ARTICLES,
    ASIDE_OPENERS,
    AUXILIARIES,
    CLAUSE_BREAKERS,
    DEMONSTRATIVES,
    DETERMINERS,
    FUNCTION_WORDS,
    GROUP_PRONOUNS,
    INDEFINITE_ARTICLES,
    LY_NOUNS,
    NOT_CLAUSE_STARTS,
    NOT_CONTINUATIONS,
    NOT_OBJECT_STARTS,
    OPENER_STARTS,
    PASSIVE_AUXILIARIES,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    NEGATIONS,
    QUANTIFIERS,
    QUESTION_WORDS,
    RELATIVE_PRONOUNS,
    SUBJECT_CONNECTIVES,
    TRAILING_CLAUSE_WORDS,
    VERB_COORDINATORS,
    VERB_MODIFIERS,
)
from ..lexicon.media import MEDIUM_PARTNER_PREPS, MEDIUM_STARTS
from ..lexicon.time import DAYS, MONTHS, RELATIVE_DAYS, TIME_STARTS, TIME_UNITS, TIME_WORDS, WHEN_STARTS, WHEN_WORDS
from ..lexicon.organizations import GENERIC_ORGANIZATIONS
from ..lexicon.titles import ROLE_WORDS, TITLES
from .cue_model import AROUND, LOOSE, MINED, PARTICLES, accept
from .found import Found, Pattern
from .medium import MEDIUM
from .sources import is_name_word
from .subjects import Place, find_subject, is_nominal_head, question_opener, sentence_subject, skip_adverbs_left
from .text import Paragraph, spans_overlap
from .tokens import ENDERS, MAX_CONTENT, MAX_SOURCE, Token, span, span_from, span_to, tokenize, word_list_regex

# Sentences without any of these words hold no cue: they are skipped before tokenizing.
_CUE_HINTS: Final = word_list_regex(CUE_HINTS | frozenset(MINED))
_HAS_CUE_HINT: Final = re.compile(r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % _CUE_HINTS)
# The same words after a character that is no letter: a pattern that opens with a character
# class lets the regex engine skip the letters itself, where the opening look-behind ran it
# at every character of every sentence.
_CUE_HINT_AFTER: Final = re.compile(r"[^A-Za-z](?:%s)(?![A-Za-z])" % _CUE_HINTS)
# What each word may be: 0 a lexicon cue, 1 a cue the model mined, 2 "according" (one look-up per word).
_CANDIDATES: Final = {**{form: 1 for form in MINED}, **{form: 0 for form in CUE_WORDS}, "according": 2}
# '"..." ― Jane Doe.' / '... — Sen. John Smith (@handle) May 2, 2016': a signature after a quotation,
# ending the paragraph or followed by the next signed quotation.
_SIGNATURE: Final = re.compile(
    r"[^\S\n]*(?P<dash>―|—|–|--|-)[^\S\n]*(?P<name>(?:[A-Z][\w.'’-]*[^\S\n]?){1,5}?)[^\S\n]*"
    r"(?:\(@?\w+\)[^\n“”\"]{0,40}?)?\.?[^\S\n]*(?=$|[“”\"]|\n)")
# 'WALLACE: ...' / 'Pence: Flowers won't be at debate': a speaker label at the start of a paragraph.
_LABEL: Final = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s+(?=\S)")
# Punctuation between content before a cue and its source: '"...," she said', '... -- she said'.
_CONTENT_SEPARATORS: Final = {",", "—", "--", "–"}


def find_cues(text: str, paragraph: Paragraph) -> list[Found]:
    """Every cue of one paragraph with its source and content: sentence by sentence, then signatures and labels."""
    results = []
    offset = paragraph.start
    for s_start, s_end in paragraph.sentences:
        if not has_cue_hint(paragraph.lowered, s_start - offset, s_end - offset):
            continue
        tokens = tokenize(text, s_start, s_end, paragraph.quotes_between(s_start, s_end))
        results += _sentence_cues(text, tokens, paragraph, (s_start, s_end))
    label = speaker_label(text, paragraph)
    for item in signatures(text, paragraph) + ([label] if label else []):
        if not any(spans_overlap(item.content, f.content) for f in results):
            results.append(item)
    if text.find(":", paragraph.start, paragraph.end) >= 0:
        results += colon_lead_ins(text, paragraph, results)
    return results


def has_cue_hint(lowered: str, start: int, end: int) -> bool:
    """Does ``lowered[start:end]`` hold a cue hint as a word? ``_HAS_CUE_HINT.search``, as a
    match where the span starts and a search for one after a character that is no letter."""
    return _HAS_CUE_HINT.match(lowered, start, end) is not None \
        or _CUE_HINT_AFTER.search(lowered, start, end) is not None


def colon_lead_ins(text: str, paragraph: Paragraph, found: list[Found]) -> list[Found]:
    """'Doe echoed: "..."', 'The committee said of its platform:' before a paragraph that opens with a
    quotation: whatever the verb, a subject's clause ending in a colon introduces that subject's words.
    In the tuning half of ../shared/polnear-train, 135 of the 138 quotations right after such a colon
    and 9 of the 10 quoted paragraphs after a paragraph ending in one are attributions; the cue rules
    missed the verbs they do not know ("echoed", "gloated") and the clauses that run on to the colon."""
    results: list[Found] = []
    last = paragraph.sentences[-1] if paragraph.sentences else None
    led_in = {f.sentence for f in found if f.pattern is Pattern.COLON_LEAD_IN}  # the rules' own lead-ins
    contents = sorted(span for f in found for span in f.content)
    starts = [a for a, _ in contents]
    reach: list[int] = []  # the furthest end of the spans up to each one
    for _, b in contents:
        reach.append(max(b, reach[-1]) if reach else b)
    for sentence in paragraph.sentences:
        s_start, s_end = sentence
        if sentence in led_in or text.find(":", s_start, s_end) < 0:
            continue
        tokens = tokenize(text, s_start, s_end, paragraph.quotes_between(s_start, s_end))
        n = len(tokens)
        for colon in range(2, n):
            if tokens[colon].text != ":":
                continue
            content: list[tuple[int, int]] = []
            if colon == n - 1 or colon == n - 2 and tokens[-1].text == ".":
                if sentence != last or not _quotation_opens_next(text, paragraph.end):
                    continue
            elif tokens[colon + 1].kind == "quote" and (quote := tokens[colon + 1].quote) is not None:
                k = bisect.bisect_left(starts, quote.end)  # the spans that start before the quotation ends
                if k and reach[k - 1] > quote.start:
                    continue
                content = [(quote.start, quote.end)]
            else:
                continue
            item = _lead_in(tokens, colon, paragraph, sentence, content)
            if item is not None:
                results.append(item)
            break  # one lead-in a sentence: its subject introduces what follows its first colon
    return results


def _quotation_opens_next(text: str, end: int) -> bool:
    """Does the next paragraph open with a quotation mark?"""
    k = end
    while k < len(text) and text[k].isspace():
        k += 1
    return text.startswith(("“", '"', "''", "``", "«", "„"), k)


def _lead_in(tokens: list[Token], colon: int, paragraph: Paragraph, sentence: tuple[int, int],
             content: list[tuple[int, int]]) -> Found | None:
    """The subject and the verb right after it, in the clause before a colon."""
    subject = sentence_subject(tokens)
    if subject is None or subject[1] + 1 >= colon:
        return None
    v = skip_adverbs_right(tokens, subject[1] + 1, colon)
    verb = tokens[v]
    if not verb.is_word() or not verb.text.islower() or verb.lower in FUNCTION_WORDS or verb.lower.endswith("ly") \
            or subject[0] == subject[1] and tokens[subject[0]].lower in FUNCTION_WORDS \
            and tokens[subject[0]].lower not in PERSON_PRONOUNS and tokens[subject[0]].lower not in GROUP_PRONOUNS:
        return None
    source = (tokens[subject[0]].start, tokens[subject[1]].end)
    pattern = Pattern.COLON_LEAD_IN_QUOTED if content else Pattern.COLON_LEAD_IN
    return Found(verb, verb.text, content, source, pattern, paragraph.index, sentence)


def skip_adverbs_right(tokens: list[Token], k: int, stop: int) -> int:
    """The first token from ``k`` that is not an adverb in -ly or a comma-free aside word ("also")."""
    while k < stop - 1 and tokens[k].is_word() and (tokens[k].lower.endswith("ly") or tokens[k].lower in ADVERBS):
        k += 1
    return k


def _sentence_cues(text: str, tokens: list[Token], paragraph: Paragraph, sentence: tuple[int, int]) -> list[Found]:
    results: list[Found] = []
    for i, token in enumerate(tokens):
        kind = _CANDIDATES.get(token.lower, -1)
        if kind < 0 or token.kind != "word":
            continue
        lower = token.lower
        lemma = CUE_WORDS.get(lower)
        if lemma is not None and lemma in NEGATED_NOT_REPORTS and _negated(tokens, i):
            continue  # "did not know", "never believed": no claim of the subject
        if kind == 2:
            if i + 1 >= len(tokens) or tokens[i + 1].lower != "to":
                continue
            item = according_to(tokens, i, paragraph, sentence)
        elif kind == 0 and (token.text.islower() or i == 0 or _headline_cue(tokens, i)):
            item = verb_cue(text, tokens, i, paragraph, sentence)
            if item is None and token.text.islower() and lower in LOOSE:
                item = loose_cue(text, tokens, i, paragraph, sentence, "lexicon")
        elif kind == 1 and token.text.islower():
            item = loose_cue(text, tokens, i, paragraph, sentence, "mined")
        elif i > 0 and tokens[i - 1].text[:1].isupper() and (kind == 1 or lower in LOOSE):
            item = loose_cue(text, tokens, i, paragraph, sentence, "title")  # "Senator Says Deal Is Near"
        else:
            continue
        if item is None:
            continue
        # A looser reading inside what an attribution before it reports ("X said the union rejected ...").
        nested = bool(item.relaxed) and _inside(results, token)
        if item.pattern is Pattern.COLON_LEAD_IN or accept(text, tokens, i, item, nested):
            # After the gate, so that what the cue model is trained on (every candidate it weighs) and its
            # cross-validated thresholds stay as they are: cut before it, these and two rules since dropped
            # ("speaking at a rally", "maintains a lead", docs/accuracy.md) moved the retrained thresholds
            # (1.22 -> 1.29) and polnear-dev direct + mixed recall fell 0.933 -> 0.927; cut here, the
            # model retrains byte for byte.
            if lemma is not None and _another_verb(tokens, i, lemma):
                continue  # "add up to", "reported from Portland"
            _end_at_relative_clause(tokens, i, item)
            results.append(item)
    return results


def _inside(found: list[Found], cue: Token) -> bool:
    """Does ``cue`` stand inside the content of one of ``found``?"""
    for item in found:
        for start, end in item.content:
            if start <= cue.start < end:
                return True
    return False


RELATIVE_CLAUSE_REACH: Final = 60  # tokens: a cue's scan for the clause's end stays bounded


def _end_at_relative_clause(tokens: list[Token], i: int, item: Found) -> None:
    """A cue inside the subject's relative clause ("Reyes, who has long praised the plan, recently
    voted ...") claims no more than the clause: its content ends at the comma where the main
    verb resumes. On polnear-train, of 29 such cues annotated the content ends at the clause's
    closing comma for 22; the other 7 run to the end of the sentence, none into a main verb."""
    j = skip_adverbs_left(tokens, i - 1)
    if not (j >= 1 and tokens[j].lower == "who" and tokens[j - 1].text == ","):
        return
    for c in range(i + 1, min(len(tokens) - 1, i + RELATIVE_CLAUSE_REACH)):
        if tokens[c].kind == "quote" or tokens[c].text in ENDERS:
            return
        if tokens[c].text == "," and _main_verb_resumes(tokens, c + 1):
            end = tokens[c - 1].end
            item.content = [(start, min(stop, end)) for start, stop in item.content if start < end] or item.content
            return


# --- where a content ends: the source's second predicate ----------------------------------------


def second_predicates(text: str, paragraphs: list[Paragraph], found: list[Found]) -> None:
    """End a content where the writer goes on to tell another report of the same subject: "The
    senator condemned the vote but praised its sponsors", "She said the plan was late and urged a
    review". Run once every stage has kept its attributions: the second cue must have a row of its
    own (kept by the rules or the cue model), and the cut is only marked (``Found.ends_at``, applied
    by records), so the cue model judges and learns from the contents the rules read, whole. A
    first attempt that cut while the cues were read, and made the second cue a candidate of its
    own, moved the model's cross-validated thresholds when retrained (polnear-dev direct + mixed
    recall 0.933 -> 0.923)."""
    at_cue = {item.cue.start: item for item in found}
    sentences: dict[tuple[int, int], tuple[list[Token], list[int]]] = {}  # tokens and their starts
    for item in found:
        if item.pattern not in _FIRST_PREDICATES or not item.content \
                or not any(_SECOND_PREDICATE_HINT.search(text, start, end) for start, end in item.content):
            continue
        read = sentences.get(item.sentence)
        if read is None:
            s_start, s_end = item.sentence
            tokens = tokenize(text, s_start, s_end, paragraphs[item.paragraph].quotes_between(s_start, s_end))
            read = sentences[item.sentence] = (tokens, [t.start for t in tokens])
        tokens, starts = read
        i = bisect.bisect_left(starts, item.cue.start)
        if i >= len(tokens) or tokens[i].start != item.cue.start:
            continue
        cut = _second_predicate(tokens, i, item)
        if cut is None:
            continue
        end, v = cut
        second = at_cue.get(tokens[v].start)
        if second is None:
            second = _second_report(text, tokens, v, item)
            if second is None:
                continue
            found.append(second)
            at_cue[second.cue.start] = second
        if second is item or not second.content:
            continue
        # What the cut drops must be in the second report's content (a quotation attached later, too).
        reach = (min(start for start, _ in second.content), max(stop for _, stop in second.content))
        if all(stop <= tokens[v].end or stop <= reach[1] and (start < tokens[v].end or start >= reach[0])
               for start, stop in item.content):
            item.ends_at = end


def _second_report(text: str, tokens: list[Token], v: int, first: Found) -> Found | None:
    """The report a second predicate makes ("... but praised its sponsors"): the first one's source,
    the rest of the sentence after the cue (its time, medium and hearer skipped). Made after the cue
    model's decision, so that model never weighs it: what the model was trained on is unchanged.
    Tuning half: 28 made, 24 of whose contents match a gold attribution (check half: 24 of 26)."""
    cue = tokens[v]
    after, medium = _skip_right(text, tokens, v + 1)
    if CUE_WORDS[cue.lower] in HEARER_LEMMAS:
        heard, heard_medium = _skip_hearer(text, tokens, after, medium)
        if heard < len(tokens) and (tokens[heard].lower == "that" or tokens[heard].kind == "quote"):
            after, medium = heard, heard_medium  # "told reporters that ...", not "urged a review"
    if after < len(tokens) and tokens[after].text == ":":
        after += 1
    content = span_from(tokens, after, len(tokens) - 1)
    if content is None:
        return None
    return Found(cue, cue.text, [content], first.source, Pattern.SECOND_PREDICATE, first.paragraph, first.sentence,
                 medium=medium, inherit=first.inherit)


_SECOND_PREDICATE_HINT: Final = re.compile(r"\b(?:and|but)\b")
SECOND_PREDICATE_REACH: Final = MAX_CONTENT  # tokens: the scan for a second predicate stays bounded


def _second_predicate(tokens: list[Token], i: int, item: Found) -> tuple[int, int] | None:
    """Where the content of the cue at ``tokens[i]`` ends before a second predicate of its subject, and
    that predicate's cue: "and"/"but" + a bare finite cue verb with no subject of its own. A blanket
    cut at "and"/"but" is wrong (the gold content runs on past ", and" 114 of 140 times). On the
    polnear-train tuning half, of the 51 contents this cuts, the gold content of the first cue stops
    there 43 of 47 times (check half: 33 of 33); counted when the rule was first tried, before any
    other bare past-tense verb ("and signed", "but declined") it stops 27 times of 73, so those stay.
    A bare "and" inside a reported clause ("said she had agreed and hoped ...") may join two verbs of
    the clause's own subject and stays (with it the cut lost 13 gold matches on the tuning half)."""
    if tokens[i].lower.endswith("ing"):
        return None  # "vowing to keep going and said ...": a participle's "and" goes back to the main verb
    before = skip_adverbs_left(tokens, i - 1)
    if before >= 0 and tokens[before].lower in _NOT_FIRST_PREDICATE_BEFORE:
        return None  # "a report that cited ... but revealed", "should have called ... and then pointed"
    stop = min(len(tokens), i + SECOND_PREDICATE_REACH)
    first = min(start for start, _ in item.content)
    for c in range(i + 1, stop - 1):
        if tokens[c].start < first:
            continue
        if tokens[c].text == "," and not (c + 1 < stop and tokens[c + 1].lower in _SECOND_PREDICATE_JOINS):
            return None  # "When asked whom she supported, Ruiz smiled and said": past a comma, another clause
        if tokens[c].lower in RELATIVE_PRONOUNS or tokens[c].lower in QUESTION_WORDS \
                or tokens[c].lower == "that" and c > i + 3:
            return None  # "issued a report that cited ... but revealed", "asked why ... and thought": the clause's
        if tokens[c].kind != "word" or tokens[c].lower not in _SECOND_PREDICATE_JOINS:
            continue
        v = skip_adverbs_right(tokens, c + 1, stop)
        if v + 1 >= stop or not _bare_finite_cue(tokens[v]) or tokens[v + 1].text in ENDERS:
            continue  # "unanswered and dismissed.": an adjective, not a second report
        if any(tokens[k].lower in NEGATIONS for k in range(c + 1, v)):
            continue  # "and has not said": no second report
        if tokens[c].lower == "and" and tokens[c - 1].text != "," and item.pattern in _CLAUSE_CONTENTS:
            continue  # "said she had agreed and hoped ...": the clause's own subject may go on
        end = tokens[c - 1].end if tokens[c - 1].text != "," or c < 2 else tokens[c - 2].end
        if end <= first:
            return None
        return end, v
    return None


_SECOND_PREDICATE_JOINS: Final = frozenset({"and", "but"})
# Contents that are clauses: a bare "and" in them may join two verbs of the clause's own subject.
_CLAUSE_CONTENTS: Final = frozenset({Pattern.SUBJECT_CONTENT_AFTER, Pattern.APPOSITIVE_CONTENT_AFTER,
                                     Pattern.INVERTED_CONTENT_AFTER})
# Before the first cue: its subject is a relative pronoun, or it is a participle after an auxiliary.
_NOT_FIRST_PREDICATE_BEFORE: Final = RELATIVE_PRONOUNS | {"that", "have", "has", "had", "been", "be"}
# The rules whose content follows the cue and whose source is the subject of a finite verb.
_FIRST_PREDICATES: Final = frozenset({Pattern.SUBJECT_CONTENT_AFTER, Pattern.APPOSITIVE_CONTENT_AFTER,
                                      Pattern.INVERTED_CONTENT_AFTER, Pattern.OBJECT_AS_CONTENT, Pattern.LOOSE,
                                      Pattern.LOOSE_COORDINATED})


def _bare_finite_cue(token: Token) -> bool:
    """A cue verb in the past tense ("said", "urged", "told"), not the -s form (too often a plural
    noun: "the claims and reports"), a participle in -ing or -en, or the bare lemma ("and say")."""
    if not token.is_word() or not token.text.islower():
        return False
    lower = token.lower
    lemma = CUE_WORDS.get(lower)
    return lemma is not None and lemma != lower and not lower.endswith(("ing", "en", "s"))


def _main_verb_resumes(tokens: list[Token], m: int) -> bool:
    """After a comma: a finite verb ("recently voted", "has since said"), not a list or a phrase."""
    stop = min(len(tokens), m + 3)
    while m < stop and tokens[m].is_word() and (tokens[m].lower in ADVERBS or tokens[m].lower.endswith("ly")):
        m += 1
    if m >= len(tokens) or not tokens[m].text.islower() or tokens[m].lower.endswith("ing"):
        return False
    lower = tokens[m].lower
    return lower in AUXILIARIES or lower in CUE_WORDS or lower.endswith("ed")



def _negated(tokens: list[Token], i: int) -> bool:
    """Is the cue at ``tokens[i]`` negated ("did not really know", "didn't think", "never saw")?"""
    k = i - 1
    while k >= max(0, i - 3) and (tokens[k].lower in ADVERBS or tokens[k].lower.endswith("ly")) \
            and tokens[k].lower not in NEGATIONS:
        k -= 1
    return k >= 0 and (tokens[k].lower in NEGATIONS or tokens[k].lower.endswith(("n't", "n’t")))


def _another_verb(tokens: list[Token], i: int, lemma: str) -> bool:
    """Is the cue at ``tokens[i]`` another verb by the word after it: "add up to" (arithmetic), "reported
    from Portland" (a credit line)?"""
    if i + 1 >= len(tokens) or not tokens[i + 1].is_word():
        return False
    after = tokens[i + 1].lower
    return (lemma, after) in NOT_REPORT_PARTICLES


def _headline_cue(tokens: list[Token], i: int) -> bool:
    """'..., Lindsey Graham Says': a title-case cue closing a headline."""
    return tokens[i - 1].text[:1].isupper() and (i + 1 == len(tokens) or tokens[i + 1].kind == "punct")


# --- cues of a paragraph ----------------------------------------------------------------


def signatures(text: str, paragraph: Paragraph) -> list[Found]:
    """Quotations signed with a dash, as in quoted tweets and pull quotes (several may share a paragraph)."""
    found = []
    for quote in paragraph.quotes:
        if quote.close_mark is None:
            continue
        match = _SIGNATURE.match(text, quote.close_mark, paragraph.end)
        if not match:
            continue
        name_start, name_end = match.span("name")
        name = text[name_start:name_end].strip()
        if name.endswith(".") and len(name.split()[-1]) > 2:
            name = name[:-1]
        if not name or not all(is_name_word(w) for w in name.split()):
            continue
        dash = Token("punct", match.group("dash"), match.start("dash"), match.end("dash"))
        found.append(Found(dash, dash.text, [(quote.start, quote.end)], (name_start, name_start + len(name)),
                           Pattern.SIGNATURE, paragraph.index, (paragraph.start, paragraph.end)))
    return found


# A label in an article's body with this many words after it or fewer, and not in capitals as a
# transcript's are ("WALLACE: Thank you."), is a rundown ("Ruiz: A clean sweep.") or a credit line
# ("Contributing: Ana Ruiz."). On the polnear-train tuning half, none of the 16 labels the rules read in
# a body paragraph was a gold attribution (13 of them in title case with 4 words or fewer after the
# colon; "Contributing:" and "BYLINE:" are NOT_LABELS); in headlines 36 of 42 were.
RUNDOWN_WORDS: Final = 4


def speaker_label(text: str, paragraph: Paragraph) -> Found | None:
    """Transcript and headline style: 'NAME: words' (also just inside an opening quotation mark)."""
    start = paragraph.start
    if paragraph.quotes and paragraph.quotes[0].open_mark == start:
        start = paragraph.quotes[0].start
    match = _LABEL.match(text, start, paragraph.end)
    if not match:
        return None
    label = match.group(1)
    if label.lower() in NOT_LABELS or label.lower().endswith(NOT_LABEL_ENDINGS) or len(label) < 2 \
            or label.split()[0].lower() in CUE_WORDS:
        return None
    if any(w.lower() in CLAUSE_BREAKERS or w.lower() in AUXILIARIES for w in label.split()):
        return None
    content_end = paragraph.end
    if paragraph.quotes and paragraph.quotes[0].open_mark == paragraph.start:
        content_end = paragraph.quotes[0].end
    if paragraph.index > 0 and not label.isupper() \
            and len(text[match.end():content_end].split()) <= RUNDOWN_WORDS:
        return None  # 'Ruiz: A clean sweep.', 'Contributing: Ana Ruiz.': a rundown or a credit line
    colon = Token("punct", ":", match.end(1), match.end(1) + 1)
    return Found(colon, ":", [(match.end(), content_end)], match.span(1), Pattern.SPEAKER_LABEL, paragraph.index,
                 (paragraph.start, paragraph.end))


# --- "according to" ---------------------------------------------------------------------


def according_to(tokens: list[Token], i: int, paragraph: Paragraph, sentence: tuple[int, int]) -> Found | None:
    """ "..., according to X" (content before, X to the end of the sentence), "According to X, ..." (content
    after), "A, according to X, B" (both sides) and "... and according to X he ..." (the clause after X)."""
    n = len(tokens)
    j = i + 2
    k = j
    # The source runs to the next punctuation, or to a pronoun that starts the clause after it.
    while k < min(n, j + MAX_SOURCE) and tokens[k].kind == "word" \
            and not (k > j and (tokens[k].lower in PERSON_PRONOUNS or tokens[k].lower in GROUP_PRONOUNS)):
        k += 1
    source = span(tokens, j, k - 1)
    if source is None:
        return None
    lead = 0
    while lead < i and (tokens[lead].kind == "punct" or tokens[lead].lower in SUBJECT_CONNECTIVES):
        lead += 1
    before = span_to(tokens, lead, i - 1) if lead < i else None
    rest = k + 1 if k < n and tokens[k].text == "," else k
    # 'According to X, "..."': a quotation after the source is content however few words it has.
    after = span_from(tokens, rest, n - 1) if rest < n and (
        sum(t.is_word() for t in tokens[rest:]) >= 3 or tokens[rest].kind == "quote") else None
    if after is not None and before is not None and rest > k and (
            tokens[rest].lower in DETERMINERS or tokens[rest].lower in ROLE_WORDS or tokens[rest].text[:1].isupper()):
        after = None  # "..., according to Ana Ruiz, a former engineer.": an appositive of the source
    if before is not None and after is not None and (tokens[i - 1].text == "," or rest == k):
        # "Tesco's operation, according to X in March, is too big" / "and according to X he died".
        contents = [before, after] if tokens[i - 1].text == "," and tokens[rest - 1].text == "," else [after]
    elif before is not None:
        # "..., according to X" : content before; X runs to the end of the sentence.
        # (A quotation ends it: 'X decided, according to the minutes, "..."'.)
        end = next((m for m in range(j, min(n, j + MAX_SOURCE + 1)) if tokens[m].kind == "quote"), n)
        source = span(tokens, j, min(n - 1, j + MAX_SOURCE, end - 1)) or source
        contents = [before]
    elif after is not None:
        contents = [after]  # "According to X, ...": content after the source.
    else:
        return None
    cue = tokens[i]
    return Found(cue, "according to", contents, source, Pattern.ACCORDING_TO, paragraph.index, sentence)


# --- a looser reading, for the cue model to judge --------------------------------------


def loose_cue(text: str, tokens: list[Token], i: int, paragraph: Paragraph, sentence: tuple[int, int],
              relaxed: str) -> Found | None:
    """A candidate the rules do not find: a cue the model mined ("railed against", "touted"), a lexicon
    cue whose clause the rules could not read, a title-case cue. The subject before the cue (or,
    after "and", the sentence's) is the source and the rest of the sentence the content. Raising
    cues ("appears to", "is expected to") attribute their whole clause, to nobody named."""
    cue = tokens[i]
    lower = cue.lower
    prev_word = tokens[i - 1].lower if i > 0 else ""
    participle = lower.endswith("ing")
    if prev_word == "to" or prev_word in DETERMINERS and prev_word != "that" or _after_possessive(tokens, i):
        return None
    n = len(tokens)
    after = i + 1
    last = cue
    particles = PARTICLES.get(lower)
    if particles and after < n and tokens[after].lower in particles:
        last = tokens[after]
        after += 1
    after, medium = _skip_right(text, tokens, after)
    if after < n and tokens[after].text == ":":
        after += 1
    cue_text = text[cue.start:last.end]
    j = _skip_when_left(tokens, skip_adverbs_left(tokens, i - 1))
    if lower in AROUND and not _raises(tokens, i):
        return None  # "The board deemed the pier unsafe", "appeared at a rally": no raising cue
    if lower in AROUND:
        # "The plan appears to have stalled": the clause from its subject on, no source.
        subject, _ = find_subject(tokens, j)
        clause = span(tokens, subject[0] if subject is not None else 0, n - 1)
        if clause is None or clause[0] >= cue.start:
            return None
        return Found(cue, cue_text, [clause], None, Pattern.RAISING, paragraph.index, sentence, medium=medium,
                     relaxed=relaxed)
    if prev_word in PASSIVE_AUXILIARIES and not participle:
        return None
    content = span_from(tokens, after, n - 1)
    if content is None:
        return None
    if participle and (j < 0 or tokens[j].text == "," or tokens[j].kind == "quote"):
        own = _main_subject(tokens, j)
        return Found(cue, cue_text, [content], own, Pattern.PARTICIPLE, paragraph.index, sentence,
                     medium=medium, inherit=own is None, relaxed=relaxed)
    source, _ = find_subject(tokens, j)
    pattern = Pattern.LOOSE
    if source is None and j > 0 and tokens[j].is_word():
        # "X caucused on Saturday and says ...": the subject of the first verb.
        k = j
        while k > 0 and tokens[k].lower not in VERB_COORDINATORS and tokens[k].is_word() and j - k < 12:
            k -= 1
        if tokens[k].lower in VERB_COORDINATORS:
            subject = sentence_subject(tokens)
            if subject is not None and subject[1] < k - 1 and not tokens[subject[0]].lower.endswith(("ing", "ly")) \
                    and tokens[subject[0]].lower not in FUNCTION_WORDS:
                source, pattern = subject, Pattern.LOOSE_COORDINATED
    if source is None:
        return None
    return Found(cue, cue_text, [content], (tokens[source[0]].start, tokens[source[1]].end), pattern,
                 paragraph.index, sentence, medium=medium, relaxed=relaxed)


_PERFECT: Final = frozenset({"has", "have", "had"})  # "has deemed": the subject's own verb, not a passive


def _raises(tokens: list[Token], i: int) -> bool:
    """Does the cue at ``tokens[i]`` attribute its clause to no one named? "appears to", "seemed tired"
    (not "appeared at a rally"); a participle after a form of "be", "as", "than" or a comma ("is
    expected to", "as expected", "faster than expected", "Ruiz, seen as ...", not "the board deemed the
    pier unsafe")."""
    lower = tokens[i].lower
    if lower in ACTIVE_RAISING_FORMS:
        return not (i + 1 < len(tokens) and tokens[i + 1].lower in APPEARING_PLACES)
    k = i - 1
    while k >= 0 and tokens[k].is_word() and (tokens[k].lower.endswith("ly") or tokens[k].lower in ADVERBS) \
            and tokens[k].lower not in PASSIVE_BE and tokens[k].lower not in _PERFECT:
        k -= 1
    return k >= 0 and (tokens[k].lower in PASSIVE_BE or tokens[k].lower in ("as", "than") or tokens[k].text in _CONTENT_SEPARATORS)


def _skip_when_left(tokens: list[Token], j: int) -> int:
    """Step back over "on Friday", "last week" and adverbs in -ly between a subject and its verb."""
    while j >= 0 and tokens[j].is_word():
        lower = tokens[j].lower
        if lower.endswith("ly") and tokens[j].text.islower() and lower not in LY_NOUNS:
            j -= 1  # "temporarily blocked"
        elif (lower in WHEN_WORDS or lower in RELATIVE_DAYS) and j > 0 and tokens[j - 1].lower in WHEN_STARTS:
            j -= 2  # "on Friday", "last week"
        elif lower in DAYS or lower in RELATIVE_DAYS:
            j -= 1  # "Friday", "yesterday"
        else:
            break
        j = skip_adverbs_left(tokens, j)
    return j


def _main_subject(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "Governor Ana Ruiz agreed, saying ...": the named subject the sentence opens with speaks the
    participle after its comma (``j``), even when its own verb is no cue; otherwise (a quotation or a
    clause first) the participle inherits the speaker of the attribution before it."""
    if j < 2 or tokens[j].text != ",":
        return None
    subject = sentence_subject(tokens)
    if subject is not None and subject == (0, 0) and _opens_scene(tokens[0]):
        # "Earlier in the week, Ana Ruiz called for ...", "Reached by phone, Ruiz denied ...": the
        # subject comes after the opening phrase's comma.
        comma = next((k for k in range(1, min(j, 12)) if tokens[k].text == ","), None)
        rest = sentence_subject(tokens[comma + 1:j]) if comma is not None else None
        subject = (rest[0] + comma + 1, rest[1] + comma + 1) if rest is not None and comma is not None else None
    if subject is None or subject[1] >= j - 1:
        return None
    last = tokens[subject[1]]
    if not (last.text[:1].isupper() or last.lower in PERSON_PRONOUNS or last.lower in GROUP_PRONOUNS
            or last.lower in ROLE_WORDS):  # "The Florida senator sought to ..., saying"
        return None
    return (tokens[subject[0]].start, last.end)


def _opens_scene(token: Token) -> bool:
    """Does a sentence's first word open a scene-setting phrase ("Earlier", "Continuing
    to explain", "Reached by phone") rather than name its subject?"""
    lower = token.lower
    return lower in OPENER_STARTS or lower in ADVERBS or lower.endswith(("ing", "ed")) and token.text.istitle()


# --- verb cues --------------------------------------------------------------------------


class _Clause:
    """What follows a verb cue: where the content would start, and what it starts with."""

    def __init__(self, after: int, colon: bool, that: bool, content: tuple[int, int] | None,
                 trailing: tuple[int, int] | None):
        self.after = after  # token index past the cue's time, medium, hearer, colon or "that"-phrase
        self.colon = colon  # 'said:'
        self.that = that  # 'said that'
        self.content = content  # the content after the cue, if the clause reads as one
        self.trailing = trailing  # '..., the agency said, and those ...': a clause after the cue's comma


def verb_cue(text: str, tokens: list[Token], i: int, paragraph: Paragraph,
             sentence: tuple[int, int]) -> Found | None:
    """The attribution a reporting verb at ``tokens[i]`` makes, if it reports something."""
    cue = tokens[i]
    lemma = CUE_WORDS[cue.lower]
    if _not_a_report(tokens, i):
        return None
    opener = question_opener(tokens) if i < 2 else None
    if opener is not None:
        return _question(tokens, i, opener, paragraph, sentence)
    after, medium = _skip_right(text, tokens, i + 1)
    before_hearer = after
    if lemma in HEARER_LEMMAS:
        after, medium = _skip_hearer(text, tokens, after, medium)
    if lemma in OBJECT_LEMMAS:
        found = _object_as_content(text, tokens, i, lemma, after, medium, paragraph, sentence)
        if found is not None or after < len(tokens) and tokens[after].is_word():
            return found
        # No object: '"Quiet," he demanded.' reads as any other cue.
    clause = _clause_after(tokens, _that_after_phrase(tokens, after), lemma)

    j = skip_adverbs_left(tokens, i - 1)
    if cue.lower.endswith("ing") and (j < 0 or tokens[j].text == "," or tokens[j].kind == "quote"):
        # "..., adding that ...": the source is the subject of the main clause.
        if clause.content is None:
            return None
        own = _main_subject(tokens, j)
        return Found(cue, cue.text, [clause.content], own, Pattern.PARTICIPLE, paragraph.index, sentence,
                     medium=medium, inherit=own is None)
    source, place = find_subject(tokens, j)
    if source is None and cue.lower.endswith("ing"):
        source = _with_subject(tokens, j)  # "..., with officials saying the ban is for security reasons"
    content_after = clause.content
    if source is None and lemma in INVERTING_LEMMAS and (j < 0 or tokens[j].text in {",", ":"}
                                                         or tokens[j].kind == "quote"):
        inverted = _inverted_source(text, tokens, clause.after)
        if inverted is None and before_hearer < after and _after_quotation(tokens, j):
            inverted = _inverted_source(text, tokens, before_hearer)  # '"Why?" asked the boy.': no hearer
        if inverted is not None:
            source, content_after, inverted_medium = inverted
            place = Place.INVERTED
            medium = medium or inverted_medium
    if source is None:
        return None

    first, last = source
    source_span = (tokens[first].start, tokens[last].end)
    content_before = _content_before(tokens, i - 1 if place is Place.INVERTED else first - 1)
    if content_before is not None and (opener := question_opener(tokens)) is not None \
            and tokens[opener].start >= content_before[1] - 1 and content_before[0] <= tokens[0].end:
        content_before = None  # the question the source answers, not what the source says
    if content_after is None and content_before is not None and place is not Place.INVERTED \
            and _opener_before(tokens, i):
        content_before = None
    if content_after is None and content_before is None:
        if clause.colon and clause.after >= len(tokens):
            # Colon at paragraph end: "X said:" followed by a quotation paragraph.
            return Found(cue, cue.text, [], source_span, Pattern.COLON_LEAD_IN, paragraph.index, sentence,
                         medium=medium)
        return None
    if _weak_cue_unsupported(tokens, cue, lemma, clause, content_after, place):
        return None
    contents = _contents(tokens, i, first, place, content_before, content_after, clause.trailing)
    pattern = _verb_pattern(place, content_after_only=bool(content_after) and not content_before)
    return Found(cue, cue.text, contents, source_span, pattern, paragraph.index, sentence, medium=medium)


def _question(tokens: list[Token], i: int, opener: int, paragraph: Paragraph, sentence: tuple[int, int]) -> Found | None:
    """ "Asked by Senator Hale whether she would run, Ruiz said ...": the asker's question is an
    attribution of its own (PolNeAR marks it, with the asker as the source or none), and the asker
    says nothing of what follows. On the polnear-train tuning half, 29 sentences open so: the gold
    marks the question as an attribution in 25 (24 matched by this span, from after "asked" and its
    "by" phrase to the comma); before, its words were read as the answer's content or, before a
    colon, "Asked" or the asker as the answer's source. Only a question whose asker is named is a
    row: "Asked about the vote, ..." would be a row with no speaker, which a reader counts wrong
    (tests/gold's two such questions, "reporters" and "the interviewer" in its gold, took its
    speaker figure from 0.928 to 0.922)."""
    first = i + 1
    source = None
    if tokens[first].lower == "by":
        end = first + 1
        while end < opener and tokens[end].is_word() and tokens[end].lower not in QUESTION_STARTS:
            end += 1
        if end > first + 1:
            source = (tokens[first + 1].start, tokens[end - 1].end)
            first = end
    content = span(tokens, first, opener - 1)
    if content is None or source is None:
        return None
    return Found(tokens[i], tokens[i].text, [content], source, Pattern.QUESTION, paragraph.index, sentence)


def _after_quotation(tokens: list[Token], j: int) -> bool:
    """Is token ``j`` a quotation, or the comma right after one?"""
    return j >= 0 and (tokens[j].kind == "quote" or j > 0 and tokens[j].text == "," and tokens[j - 1].kind == "quote")


def _with_subject(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """ "with officials saying ...": the noun phrase between "with" and a participle is its source."""
    k = j
    while k > max(0, j - 6) and tokens[k].is_word() and tokens[k].lower != "with" \
            and tokens[k].lower not in CLAUSE_BREAKERS and tokens[k].lower not in AUXILIARIES:
        k -= 1
    if k < j and tokens[k].lower == "with" and is_nominal_head(tokens[j]):
        return (k + 1, j)
    return None


# Whether the verb reports at all: each rule names a reading in which it does not.


def _not_a_report(tokens: list[Token], i: int) -> bool:
    return (_passive_infinitive_or_noun(tokens, i) or _plural_noun(tokens, i) or _inside_according_to(tokens, i)
            or _after_possessive(tokens, i) or _participle_as_noun(tokens, i))


def _passive_infinitive_or_noun(tokens: list[Token], i: int) -> bool:
    """ "was told", "to say", "the claims": not a report by a subject."""
    prev_word = tokens[i - 1].lower if i > 0 else ""
    return (prev_word in PASSIVE_AUXILIARIES and not tokens[i].lower.endswith("ing")) or prev_word == "to" \
        or prev_word in DETERMINERS and prev_word != "that"


def _plural_noun(tokens: list[Token], i: int) -> bool:
    """ "jihadist comments", "the group's plans": a noun, not a verb."""
    lower = tokens[i].lower
    return lower.endswith("s") and lower not in S_FORM_VERBS and i > 0 and tokens[i - 1].is_word() \
        and tokens[i - 1].text[:1].islower() and tokens[i - 1].lower not in ROLE_WORDS \
        and tokens[i - 1].lower not in PERSON_PRONOUNS and tokens[i - 1].lower not in ADVERBS \
        and tokens[i - 1].lower not in EVIDENCE_NOUNS and tokens[i - 1].lower not in GENERIC_ORGANIZATIONS


def _inside_according_to(tokens: list[Token], i: int) -> bool:
    """ "according to jihadist comments": inside the source of "according to"."""
    k = i - 1
    while k >= max(0, i - 8) and tokens[k].is_word() and tokens[k].lower != "to":
        k -= 1
    return k >= 1 and tokens[k].lower == "to" and tokens[k - 1].lower == "according"


def _after_possessive(tokens: list[Token], i: int) -> bool:
    """ "Editor's note", "Friday's tweets"."""
    # A lone "’s" is the auxiliary the tokenizer split off a pronoun ("He’s hoping"), not a possessive.
    return i > 0 and tokens[i - 1].text.endswith(("'s", "’s", "s'", "s’")) and tokens[i - 1].text not in ("'s", "’s")


def _participle_as_noun(tokens: list[Token], i: int) -> bool:
    """ "a single posting", "his warning": a noun, not a reporting verb."""
    prev_word = tokens[i - 1].lower if i > 0 else ""
    return tokens[i].lower.endswith("ing") and (
        prev_word in DETERMINERS or i > 1 and tokens[i - 2].lower in DETERMINERS
        and tokens[i - 1].is_word() and prev_word not in VERB_MODIFIERS)


# What follows the verb.


def _skip_right(text: str, tokens: list[Token], i: int) -> tuple[int, str | None]:
    """Skip time expressions, adverbs and medium phrases after a cue; return next index and medium."""
    medium = None
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if token.is_word() and (token.lower in DAYS or token.lower in ADVERBS
                                or token.lower in MONTHS
                                or token.lower in TIME_STARTS
                                and i + 1 < n and (tokens[i + 1].lower in TIME_WORDS or tokens[i + 1].lower in DAYS
                                                   or tokens[i + 1].lower in MONTHS or tokens[i + 1].text.isdigit())):
            i += 1
            continue
        if token.is_word() and token.lower in MEDIUM_STARTS:
            match = MEDIUM.match(text, token.start, tokens[-1].end)
            if match:
                medium = match.group()
                stop = match.end()
                while i < n and tokens[i].end <= stop:
                    i += 1
                # "in an interview with CNN"
                if i < n and tokens[i].lower in MEDIUM_PARTNER_PREPS:
                    j = i + 1
                    while j < n and tokens[j].is_word() and (tokens[j].text[:1].isupper() or tokens[j].lower in ARTICLES):
                        j += 1
                    if j > i + 1:
                        medium = text[token.start:tokens[j - 1].end]
                        i = j
                continue
        if token.is_word() and (token.lower in TIME_UNITS
                                or (len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20"))):
            i += 1
            continue
        break
    return i, medium


def _skip_hearer(text: str, tokens: list[Token], after: int, medium: str | None) -> tuple[int, str | None]:
    """ "told reporters (that) ...", "warned lawmakers ...": step over the hearer."""
    n = len(tokens)
    j = after
    while j < n and tokens[j].is_word() and j - after < 5 and tokens[j].lower != "that" \
            and (tokens[j].text[:1].isupper() or tokens[j].lower in DETERMINERS
                 or tokens[j].lower in HEARERS
                 or tokens[j].lower in ROLE_WORDS):
        j += 1
    if j > after:
        after, more_medium = _skip_right(text, tokens, j)
        medium = medium or more_medium
    return after, medium


def _object_as_content(text: str, tokens: list[Token], i: int, lemma: str, after: int, medium: str | None,
                       paragraph: Paragraph, sentence: tuple[int, int]) -> Found | None:
    """ "called for a ban", "called the plan "dead"", "cited a report": the object is the content."""
    cue = tokens[i]
    n = len(tokens)
    rest = tokens[after:]
    if lemma == "call" and not (rest and rest[0].lower in CALL_PARTICLES
                                or any(t.kind == "quote" for t in rest)
                                or any(t.lower in INDEFINITE_ARTICLES for t in rest[1:7])):
        return None
    if not (rest and rest[0].is_word() and rest[0].lower not in NOT_OBJECT_STARTS and len(rest) >= 2):
        return None
    subject, _ = find_subject(tokens, skip_adverbs_left(tokens, i - 1))
    if not (subject and (tokens[subject[0]].lower in QUANTIFIERS  # "Dozens of riders urged ..."
                         or any(t.text[:1].isupper() or t.lower in ROLE_WORDS or t.lower in PERSON_PRONOUNS
                                or t.lower in GROUP_PRONOUNS for t in tokens[subject[0]:subject[1] + 1]))):
        return None
    first = after + 1 if rest[0].lower in CALL_PARTICLES and lemma == "call" else after
    object_span = span_from(tokens, first, n - 1)
    if not object_span:
        return None
    source_span = (tokens[subject[0]].start, tokens[subject[1]].end)
    cue_text = text[cue.start:tokens[after].end] if first > after else cue.text
    return Found(cue, cue_text, [object_span], source_span, Pattern.OBJECT_AS_CONTENT,
                 paragraph.index, sentence, medium=medium)


def _that_after_phrase(tokens: list[Token], after: int) -> int:
    """ "said during a rally in Michigan that ...": a phrase, then the clause at its "that"."""
    n = len(tokens)
    if after < n and tokens[after].lower in PREPOSITIONS:
        for k in range(after + 1, min(n, after + 14)):
            if tokens[k].kind == "quote" or tokens[k].text in ENDERS or tokens[k].lower in CUE_WORDS:
                break
            if tokens[k].lower == "that":
                return k
    return after


def _clause_after(tokens: list[Token], after: int, lemma: str) -> _Clause:
    """What follows the cue at ``after``: a colon, "that", a quotation, a phrase and comma, or a bare clause."""
    n = len(tokens)
    colon = after < n and tokens[after].text == ":"
    if colon:
        after += 1
    elif after + 1 < n and tokens[after].text == "," and tokens[after + 1].kind == "quote":
        after += 1  # 'He said, "We have new plans."'
    that = after < n and tokens[after].lower == "that"
    content = None
    trailing = None  # "..., the agency said, and those in the bottom fifth paid 0.8 percent."
    if after + 1 < n and tokens[after].text == "," and tokens[after + 1].is_word() and (
            tokens[after + 1].lower in TRAILING_CLAUSE_WORDS or tokens[after + 1].lower in PREPOSITIONS):
        trailing = span_from(tokens, after + 1, n - 1)
    if after < n and tokens[after].text not in ENDERS:
        nxt = tokens[after]
        if that or nxt.kind == "quote" or colon:
            content = span_from(tokens, after, n - 1)
        elif nxt.lower in PREPOSITIONS and (comma := _comma_after_phrase(tokens, after)) is not None:
            content = span_from(tokens, comma + 1, n - 1)
        elif nxt.text == ",":
            # "CONTENT1, she said, CONTENT2." -- a parenthetical report (not ", adding ...").
            if after + 1 < n and tokens[after + 1].is_word() and not tokens[after + 1].lower.endswith("ing") \
                    and tokens[after + 1].lower not in NOT_CONTINUATIONS:
                content = span_from(tokens, after + 1, n - 1)
        elif lemma in BARE_CLAUSE_LEMMAS and nxt.is_word() and _starts_clause(tokens, after):
            content = span_from(tokens, after, n - 1)
        elif lemma in INFINITIVE_LEMMAS and nxt.lower == "to":
            content = span_from(tokens, after, n - 1)
    return _Clause(after, colon, that, content, trailing)


def _comma_after_phrase(tokens: list[Token], k: int) -> int | None:
    """'in the committee hearing, ...': the comma closing a short phrase that starts at ``k``."""
    for m in range(k + 1, min(len(tokens), k + 8)):
        if tokens[m].text == ",":
            rest = tokens[m + 1:]
            if rest and rest[0].is_word() and rest[0].lower not in NOT_CONTINUATIONS \
                    and not rest[0].lower.endswith("ing") and sum(t.is_word() for t in rest) >= 3:
                return m
            return None
        if not tokens[m].is_word() or tokens[m].lower in CUE_WORDS or tokens[m].lower in AUXILIARIES:
            return None
    return None


def _starts_clause(tokens: list[Token], k: int) -> bool:
    """Does a bare clause start at ``k`` (a subject then, somewhere, a verb)?"""
    token = tokens[k]
    if token.kind == "quote":
        return True
    lower = token.lower
    if lower in PREPOSITIONS or lower in CLAUSE_BREAKERS or lower in NOT_CLAUSE_STARTS:
        return False
    # A clause has some length; "he said Tuesday." has none.
    words = 0
    for index in range(k, len(tokens)):
        t = tokens[index]
        if t.kind != "punct":
            words += len(t.text.split()) if t.kind == "quote" else 1
        if words >= 3:
            return True
    return False


# Where the source stands, when it is not before the verb.


def _inverted_source(text: str, tokens: list[Token], k: int) -> tuple[tuple[int, int], tuple[int, int] | None,
                                                                      str | None] | None:
    """ ', said Col. John Dorrian, spokesman for the coalition.': the source after the cue, from ``k``.

    Returns the source's tokens, the content after it ('Said Ellis: "..."') and a medium
    phrase that closes it ("said X in a statement"), or None when no noun phrase stands there.
    """
    n = len(tokens)
    if not (k < n and tokens[k].lower not in DEMONSTRATIVES and (
            tokens[k].is_word() and (is_nominal_head(tokens[k]) or tokens[k].lower in DETERMINERS
                                     or tokens[k].lower in TITLES or _modifies_a_name(tokens, k)))):
        return None
    m = k
    while m < min(n, k + MAX_SOURCE) and tokens[m].text not in ENDERS \
            and not (tokens[m].text == "," and m > k and _clause_follows(tokens, m)):
        if tokens[m].kind == "quote" or m > k and _says_when(tokens, m):
            break  # ', said Ellis on Tuesday': the source ends where the time begins
        m += 1
    end = m - 1
    for q in range(k, m):
        if tokens[q].lower in ASIDE_OPENERS or tokens[q].text == ",":
            break
        if tokens[q].lower in AUXILIARIES and tokens[q].lower not in ("'s", "’s"):
            return None  # ', said the ban is not part of ...': a clause after the verb, not its source
    if tokens[m - 1].lower in CLAUSE_BREAKERS:
        return None  # ', said the attackers arrived at dawn and "..."': a clause that goes on, no source
    medium = None
    # Medium phrases close the source: "said X in a statement".
    for q in range(k, m):
        found_medium = tokens[q].lower in MEDIUM_STARTS and MEDIUM.match(text, tokens[q].start, tokens[m - 1].end)
        if found_medium:
            medium = found_medium.group()
            end = q - 1
            break
    if end < k:
        return None
    content_after = None
    if m < n and tokens[m].kind == "quote":
        content_after = span_from(tokens, m, n - 1)  # 'Said Ellis: "..."'
    elif m < n and tokens[m].text == "," and m + 1 < n:
        # ", said X, "Q2"" : more content after the source.
        more = span_from(tokens, m + 1, n - 1)
        if more and tokens[m + 1].kind == "quote":
            content_after = more
    return (k, end), content_after, medium


def _modifies_a_name(tokens: list[Token], k: int) -> bool:
    """ ', said former Gov. Ann Vole', ', said master of ceremonies Omar Sabri', ', said undecided voter
    Jane Hope': a few lowercase words before a capitalised one describe the source that follows."""
    for m in range(k, min(len(tokens), k + 4)):
        token = tokens[m]
        if not token.is_word() or token.lower in CUE_WORDS or token.lower.endswith("ly"):
            return False
        if token.text[:1].isupper():
            return m > k
        if token.lower in FUNCTION_WORDS and token.lower != "of":
            return False
    return False


def _says_when(tokens: list[Token], m: int) -> bool:
    """Does a time expression start at token ``m`` ("Tuesday", "on Friday", "last week", "in March")?"""
    lower = tokens[m].lower
    if lower in DAYS or lower in RELATIVE_DAYS:
        return True
    return lower in WHEN_STARTS and m + 1 < len(tokens) and tokens[m + 1].lower in WHEN_WORDS


def _clause_follows(tokens: list[Token], m: int) -> bool:
    """After a comma inside an inverted source: another clause (not an appositive)?"""
    if m + 1 >= len(tokens):
        return False
    nxt = tokens[m + 1]
    return nxt.kind == "quote" or nxt.lower in CLAUSE_AFTER_SOURCE


# Which side the content is, and whether the verb may report it.


def _verb_pattern(place: Place, content_after_only: bool) -> Pattern:
    if place is Place.SUBJECT:
        return Pattern.SUBJECT_CONTENT_AFTER if content_after_only else Pattern.SUBJECT_CONTENT_BEFORE
    if place is Place.APPOSITIVE:
        return Pattern.APPOSITIVE_CONTENT_AFTER if content_after_only else Pattern.APPOSITIVE_CONTENT_BEFORE
    return Pattern.INVERTED_CONTENT_AFTER if content_after_only else Pattern.INVERTED_CONTENT_BEFORE


def _content_before(tokens: list[Token], before_end: int) -> tuple[int, int] | None:
    """ "CONTENT, X said." / '"Q," X said.': the content ending at ``before_end`` (or its separator)."""
    b = before_end
    while b >= 0 and tokens[b].kind == "punct" and tokens[b].text in _CONTENT_SEPARATORS:
        b -= 1
    if b >= 0 and b < before_end or (b >= 0 and tokens[b].kind == "quote"):
        return span_to(tokens, _after_lead_in(tokens, b), b)
    return None


def _after_lead_in(tokens: list[Token], b: int) -> int:
    """Where a content before its cue starts: after the writer's lead-in ending in a colon before a
    quotation ('Her reply was blunt: "No," she said.'), unless the lead-in has a cue word of its own
    (then it is an attribution too: 'He said he was busy: "..."'); else at the sentence's start. On the
    polnear-train tuning half, of such rows' gold contents 16 start at the quotation and 7 before the
    colon, and each of those 7 has a cue word in the lead-in; cutting only where it has none moved 3
    rows of the tuning half, each to start where the gold does."""
    for k in range(b - 1, max(0, b - LEAD_IN_REACH), -1):
        if tokens[k].text == ":" and tokens[k + 1].kind == "quote":
            if any(t.lower in CUE_WORDS for t in tokens[max(0, k - LEAD_IN_REACH):k]):
                return 0
            return k + 1
    return 0


# Tokens the lead-in scan reads back, from the content's end to the colon and from the colon to the
# cue word: bounded so that a sentence of many cues ("He said, he said, ...") stays linear (unbounded,
# 32,000 characters of it took 6.6x the time of 8,000); no sentence of the PolNeAR or Wikinews
# articles reaches it, so what is found is the same.
LEAD_IN_REACH: Final = 400


def _weak_cue_unsupported(tokens: list[Token], cue: Token, lemma: str, clause: _Clause,
                          content_after: tuple[int, int] | None, place: Place) -> bool:
    """Beliefs and evidence need a clear clause; "..., X added." is fine for speech verbs, weak cues need more."""
    is_speech = cue.lower in SPEECH_VERBS
    if lemma not in SPEECH_LEMMAS and not is_speech:
        # A belief needs "that", a quotation, or a sentence-final cue, unless it takes a bare clause.
        if content_after is not None and not (clause.that or tokens[clause.after].kind == "quote") \
                and lemma in WEAK_LEMMAS and lemma not in BARE_BELIEF_LEMMAS:
            return True
    if lemma in WEAK_LEMMAS and content_after is None and place is not Place.INVERTED:
        if not is_speech or lemma in CONTENT_AFTER_LEMMAS:
            return True
    return False


def _opener_before(tokens: list[Token], i: int) -> bool:
    """ "At one point, she called him ...", "In a letter, he urged the agency to ...": the words before
    the subject are a phrase setting the scene, not what was said, when the sentence goes on after the
    cue."""
    lead = tokens[0]
    if lead.kind != "word" or lead.lower not in OPENER_STARTS:
        return False
    return sum(1 for t in tokens[i + 1:] if t.kind != "punct") >= 3


def _contents(tokens: list[Token], i: int, first: int, place: Place, content_before: tuple[int, int] | None,
              content_after: tuple[int, int] | None, trailing: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The content spans of a verb cue: both sides of it, or one."""
    if content_after is not None and content_before is not None:
        # Both sides: '"A," she said, "B."' or 'These employees, he explained, were well paid.'
        # A short opener ("In a statement, the ministry said that ...") is not content.
        lead = tokens[0]
        words_before = sum(1 for t in tokens[max(0, first - 12):first] if t.is_word())
        parenthetical = first > 0 and tokens[first - 1].text == "," and i + 1 < len(tokens) and tokens[i + 1].text == ","
        if lead.kind == "quote" or place is Place.INVERTED or parenthetical or (
                words_before >= 4 and lead.lower not in PREPOSITIONS and lead.lower not in CLAUSE_BREAKERS):
            return [content_before, content_after]
        return [content_after]
    if content_before is not None and trailing is not None:
        return [content_before, trailing]
    return [s for s in (content_after, content_before) if s][:1]
