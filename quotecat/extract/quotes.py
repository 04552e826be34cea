"""Quotations without a cue of their own: given to the attribution they continue, or to their sentence's subject.

Newsroom style gives three cases of a quotation that continues an attribution: the
second half of a split quotation (``"A," she said. "B"``), a quotation after a lead-in
(``He said:``) or running over several paragraphs, and a quoted paragraph that follows
an attributed quotation with no new cue. A quotation left after that is still somebody's
words: the person or group its sentence is about.
"""

import bisect

from .found import Found, Pattern
from .subjects import sentence_subject
from .text import Paragraph, Quote
from .tokens import span_from, tokenize


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
    """
    covered = _covered(text, found)
    results = []
    for paragraph in paragraphs:
        starts = [a for a, _ in paragraph.sentences]
        tokenized = {}
        for quote in paragraph.quotes:
            if covered.touches(quote.start, quote.end) or not _substantial(text, quote):
                continue
            index = bisect.bisect_right(starts, quote.open_mark) - 1
            if index < 0 or quote.open_mark >= paragraph.sentences[index][1]:
                continue
            sentence = paragraph.sentences[index]
            if sentence not in tokenized:
                tokenized[sentence] = tokenize(text, sentence[0], sentence[1],
                                               paragraph.quotes_between(sentence[0], sentence[1]))
            tokens = tokenized[sentence]
            subject = sentence_subject(tokens)
            if subject is None:
                continue
            first, last = subject
            q_index = next((i for i, t in enumerate(tokens) if t.kind == "quote" and t.quote is quote), None)
            if q_index is None:
                continue
            if q_index <= last:
                continue
            content = span_from(tokens, last + 1, len(tokens) - 1)
            if not content:
                continue
            verb = tokens[last + 1] if last + 1 < len(tokens) else tokens[last]
            results.append(Found(verb, verb.text, [content], (tokens[first].start, tokens[last].end),
                                 Pattern.QUOTE_ABOUT_SUBJECT, paragraph.index, sentence))
            covered.add(*content)
    return results


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
