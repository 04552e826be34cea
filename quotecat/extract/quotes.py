"""Quotations without a cue of their own: given to the attribution they continue, or to their sentence's subject.

Newsroom style gives three cases of a quotation that continues an attribution: the
second half of a split quotation (``"A," she said. "B"``), a quotation after a lead-in
(``He said:``) or running over several paragraphs, and a quoted paragraph that follows
an attributed quotation with no new cue. A quotation left after that is still somebody's
words: the person or group its sentence is about.
"""

import bisect

from ..lexicon.cues import QUOTE_READING_VERBS
from ..lexicon.function_words import FUNCTION_WORDS
from .cue_model import accept
from .found import Found, Pattern
from .subjects import find_subject, sentence_subject, skip_adverbs_left
from .text import Paragraph, Quote
from .tokens import ENDERS, Token, span_from, tokenize


class _Coverage:
    """Which characters some attribution already covers (constant time per question)."""

    def __init__(self, size: int):
        self.chars = bytearray(size)

    def add(self, start: int, end: int) -> None:
        self.chars[start:end] = b"\x01" * (end - start)

    def touches(self, start: int, end: int) -> bool:
        return 1 in self.chars[start:end]


def _covered(text: str, found: list[Found]) -> _Coverage:
    covered = _Coverage(len(text))
    for item in found:
        for start, end in item.content:
            covered.add(start, end)
    return covered


def attach_quotes(text: str, paragraphs: list[Paragraph], found: list[Found]) -> list[Found]:
    """Give quotations that no cue covers to the attribution they continue; drop attributions left without content."""
    covered = _covered(text, found)
    by_paragraph: dict[int, list[Found]] = {}
    for item in found:
        by_paragraph.setdefault(item.paragraph, []).append(item)
    result = list(found)
    carry = None  # the attribution a quotation opening the next paragraph would continue
    chained = False  # the previous paragraph's last quotation was left open
    for paragraph in paragraphs:
        items = sorted(by_paragraph.get(paragraph.index, []), key=lambda f: f.cue.start)
        speaking = [f for f in items if f.source is not None or f.inherit]
        new_carry = None
        for quote in paragraph.quotes:
            if covered.touches(quote.start, quote.end) or len(text[quote.start:quote.end].split()) < 2:
                continue
            preceding = [f for f in speaking if f.cue.start < quote.open_mark and not f.inherit]
            owner = None
            if preceding and (_quoted(preceding[-1], paragraph) or preceding[-1].pattern is Pattern.COLON_LEAD_IN):
                owner = preceding[-1]
            elif not _substantial(text, quote):
                continue
            elif preceding and preceding[-1].pattern in _GOES_ON \
                    and _opens_next_sentence(paragraph, preceding[-1].sentence, quote):
                owner = preceding[-1]  # 'Maybe so, Doe said. "..."': the quotation goes on with what she said
            elif not preceding and carry is not None and quote is paragraph.quotes[0] \
                    and _starts_paragraph(paragraph, quote) and (chained or not speaking):
                owner = carry
            if owner is None:
                continue
            covered.add(quote.start, quote.end)
            if owner.paragraph == paragraph.index or chained or not owner.content:
                owner.content.append((quote.start, quote.end))
                if owner.pattern is Pattern.COLON_LEAD_IN:
                    owner.pattern = Pattern.COLON_LEAD_IN_QUOTED
                new_carry = owner
            else:
                follower = Found(owner.cue, owner.cue_text, [(quote.start, quote.end)], None,
                                 Pattern.CONTINUING_PARAGRAPH, paragraph.index,
                                 (paragraph.start, paragraph.end), inherit=True, parent=owner)
                result.append(follower)
                new_carry = follower
        lead_ins = [f for f in items if f.pattern is Pattern.COLON_LEAD_IN and not f.content]
        quoted_here = [f for f in items if _quoted(f, paragraph)]
        if lead_ins and (not quoted_here or lead_ins[-1].cue.start > quoted_here[-1].cue.start):
            carry = lead_ins[-1]
        elif quoted_here:
            carry = quoted_here[-1]
        elif new_carry is not None:
            carry = new_carry
        else:
            carry = None
        chained = bool(paragraph.quotes) and paragraph.quotes[-1].continues
    return [f for f in result if f.content]


def orphan_quotes(text: str, paragraphs: list[Paragraph], found: list[Found]) -> list[Found]:
    """A quotation no cue claimed is still somebody's words: give it to the sentence's subject.

    The sentence is the content (a quoted fragment makes it a mixed quote); the
    source is the person or group the sentence is about, when it starts with one.
    Short or title-case quotations (titles, nicknames, scare quotes, but also the word
    a speaker is quoted for) and quotations after a verb with a subject of its own
    ('Doe, an analyst, thanked them for "..."') are proposed to the cue model.
    """
    covered = _covered(text, found)
    results = []
    for paragraph in paragraphs:
        starts = [a for a, _ in paragraph.sentences]
        tokenized = {}
        quote_index: dict[int, int] = {}  # a quotation's opening mark -> its token in its sentence
        for quote in paragraph.quotes:
            if covered.touches(quote.start, quote.end):
                continue
            index = bisect.bisect_right(starts, quote.open_mark) - 1
            if index < 0 or quote.open_mark >= paragraph.sentences[index][1]:
                continue
            sentence = paragraph.sentences[index]
            if sentence not in tokenized:
                tokens = tokenize(text, sentence[0], sentence[1], paragraph.quotes_between(sentence[0], sentence[1]))
                tokenized[sentence] = tokens
                quote_index.update({t.start: i for i, t in enumerate(tokens) if t.kind == "quote"})
            tokens = tokenized[sentence]
            q_index = quote_index.get(quote.open_mark)
            if q_index is None or tokens[q_index].quote is not quote:
                continue
            item: Found | None = None
            verb_index = 0
            subject = sentence_subject(tokens)
            if subject is not None and subject[1] < q_index:
                first, last = subject
                content = span_from(tokens, last + 1, len(tokens) - 1)
                if content:
                    verb_index = last + 1 if last + 1 < len(tokens) else last
                    verb = tokens[verb_index]
                    item = Found(verb, verb.text, [content], (tokens[first].start, tokens[last].end),
                                 Pattern.QUOTE_ABOUT_SUBJECT, paragraph.index, sentence,
                                 relaxed="" if _substantial(text, quote) else "short-quote")
            if item is None:
                item, verb_index = _clause_after_quote(tokens, q_index, paragraph, sentence)
            if item is None:
                item, verb_index = _verb_before_quote(tokens, q_index, paragraph, sentence)
            if item is not None and accept(text, tokens, verb_index, item):
                results.append(item)
                covered.add(*item.content[0])
    return results


def _clause_after_quote(tokens: list[Token], q_index: int, paragraph: Paragraph,
                        sentence: tuple[int, int]) -> tuple[Found | None, int]:
    """'"...," he surmised.' / '"...," read the statement.': a short clause after a quotation, whatever
    its verb, with the source before the verb or after it."""
    n = len(tokens)
    k = q_index + 1
    if k < n and tokens[k].text == ",":
        k += 1
    end = k
    while end < n and end - k < 10 and tokens[end].kind == "word":
        end += 1
    if end == k or end - k >= 10 or end < n and tokens[end].text not in ENDERS and tokens[end].text != ",":
        return None, 0  # no clause, a long one, or one that goes on
    verbs = range(k, end)
    if end - 1 > k and tokens[end - 1].lower in QUOTE_READING_VERBS:
        verbs = range(end - 1, end)  # '"...," the letter read.': the verb is last, not the first lowercase word
    for v in verbs:
        verb = tokens[v]
        if not verb.text.islower() or verb.lower in FUNCTION_WORDS or verb.lower.endswith("ly"):
            continue
        if v > k:
            subject, _ = find_subject(tokens, skip_adverbs_left(tokens, v - 1))
            if subject is None or subject[0] != k:
                return None, 0
        elif v + 1 < end:
            subject = (v + 1, end - 1)  # inverted: the rest of the clause
        else:
            return None, 0
        quote = tokens[q_index]
        return Found(verb, verb.text, [(quote.quote.start, quote.quote.end) if quote.quote else (quote.start, quote.end)],
                     (tokens[subject[0]].start, tokens[subject[1]].end), Pattern.QUOTE_THEN_CLAUSE, paragraph.index,
                     sentence, relaxed="" if verb.lower in QUOTE_READING_VERBS else "quote-clause"), v
    return None, 0


def _verb_before_quote(tokens: list[Token], q_index: int, paragraph: Paragraph,
                       sentence: tuple[int, int]) -> tuple[Found | None, int]:
    """The nearest verb before a quotation that has a subject: 'X, star of Y, thanked Z for "..."'."""
    for v in range(q_index - 1, max(-1, q_index - 10), -1):
        verb = tokens[v]
        if verb.kind == "quote" or verb.text in ENDERS:
            break
        if not verb.is_word() or not verb.text.islower() or verb.lower in FUNCTION_WORDS or verb.lower.endswith("ly"):
            continue
        subject, _ = find_subject(tokens, skip_adverbs_left(tokens, v - 1))
        if subject is None:
            continue
        content = span_from(tokens, v + 1, len(tokens) - 1)
        if content is None:
            return None, 0
        return Found(verb, verb.text, [content], (tokens[subject[0]].start, tokens[subject[1]].end),
                     Pattern.VERB_BEFORE_QUOTE, paragraph.index, sentence, relaxed="quote-verb"), v
    return None, 0


# Attributions by a verb and its subject, whose words a bare quotation opening the next sentence goes on
# with ('The plan failed, Doe said. "..."', 'Doe said the plan failed. "..."'). With these, polnear-train
# check half direct+mixed 0.900 -> 0.904; polnear-dev (untouched) 0.916 -> 0.917, precision holds.
_GOES_ON = (Pattern.SUBJECT_CONTENT_BEFORE, Pattern.APPOSITIVE_CONTENT_BEFORE, Pattern.INVERTED_CONTENT_BEFORE,
                   Pattern.SUBJECT_CONTENT_AFTER, Pattern.APPOSITIVE_CONTENT_AFTER)


def _opens_next_sentence(paragraph: Paragraph, sentence: tuple[int, int], quote: Quote) -> bool:
    """Is the quotation the whole sentence right after ``sentence`` (no reporting clause of its own)?"""
    index = bisect.bisect_left(paragraph.sentences, sentence)
    if index + 1 >= len(paragraph.sentences):
        return False
    start, end = paragraph.sentences[index + 1]
    return start == quote.open_mark and (quote.close_mark is None or end <= quote.close_mark + 1)


def _quoted(item: Found, paragraph: Paragraph) -> bool:
    """Is this attribution's content (mostly) a quotation?"""
    return any(paragraph.overlaps_quote(start, end) for start, end in item.content)


def _starts_paragraph(paragraph: Paragraph, quote: Quote) -> bool:
    return quote.open_mark == paragraph.start


def _substantial(text: str, quote: Quote) -> bool:
    """Titles, nicknames and scare quotes are short or title-case: not quotations."""
    words = text[quote.start:quote.end].split()
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised < len(words) * 0.8
