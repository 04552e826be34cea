"""Paragraphs, quotation spans and sentences: the structure the extractor reads.

Everything keeps offsets into the original text. Quotations are found before
sentences because a quotation may hold several sentences and its attribution
stands outside it: sentence splitting and cue search run on a *masked* copy of
each paragraph where the words inside quotation marks are hidden.
"""

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from ..lexicon.abbreviations import ABBREVIATIONS, CAPITALISED_ONLY
from ..lexicon.cues import QUOTE_CLOSING_VERBS

# Marks that can only open or only close a quotation, and those that can do both.
OPENERS: Final = {"“", "„", "«", "``", "‟"}
CLOSERS: Final = {"”", "»"}
QUOTE_MARK: Final = re.compile(r"''|``|[\"“”„«»‟]")
# Marks of one family pair with each other; another family inside a quotation is nested.
FAMILIES: Final = {'"': "ascii", "''": "ascii", "``": "ascii", "“": "curly", "”": "curly", "„": "curly",
            "‟": "curly", "«": "angle", "»": "angle"}
# Single quotes nested inside double ones need no pairing: they are inside the span.

MASK: Final = "x"

# A sentence ends at . ! or ? (possibly followed by closing marks or brackets), then space.
_BOUNDARY: Final = re.compile(r"[.!?]+(?:''|[\"”’')\]])*(?=\s+(?:''|``|[\"“‘'(\[]|[A-Z0-9]|—|-- ))")


@dataclass
class Quote:
    """A quotation within one paragraph: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset just past the closing mark, None when left open
    continues: bool = False  # left open at the paragraph end, reopened in the next


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    masked: str
    lowered: str = ""  # the masked text in lower case, for quick word look-ups
    quotes: list[Quote] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # absolute offsets
    # The paragraph's own words in lower case, for case-blind regexes (a regex that
    # ignores case runs several times slower); None where lower-casing changes the length.
    folded: str | None = None

    def _open_marks(self) -> list[int]:
        if self._marks is None:
            self._marks = [q.open_mark for q in self.quotes]
        return self._marks

    def quotes_between(self, start: int, end: int) -> list[Quote]:
        """The quotations that open in [start, end), found by bisection (quotations are in order)."""
        marks = self._open_marks()
        return self.quotes[bisect.bisect_left(marks, start):bisect.bisect_left(marks, end)]

    def overlaps_quote(self, start: int, end: int) -> bool:
        """Does [start, end) share characters with a quotation?"""
        marks = self._open_marks()
        # Quotations do not overlap one another: only the last one opening before
        # ``start`` can reach into the span, besides those opening inside it.
        first = max(0, bisect.bisect_left(marks, start) - 1)
        return any(q.start < end and start < q.end for q in self.quotes[first:bisect.bisect_left(marks, end)])

    _marks: list[int] | None = field(default=None, repr=False, compare=False)


_PARAGRAPH: Final = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")  # lines up to a blank line
_CLAUSE_WORD: Final = re.compile(r"[\w'’-]+")
_INITIALS: Final = re.compile(r"(?:[a-z]\.)+[a-z]?")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of paragraphs: runs of text separated by blank lines."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        chunk = match.group()
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append((start + lead, start + trail))
    return spans


def _is_opener(mark: str, before: str, after: str, inside: bool) -> bool:
    space_before = before == "" or before.isspace() or before in "([{—–―-/:;"
    space_after = after == "" or after.isspace() or after in ",.;:!?)]—–―"
    if mark in OPENERS:
        # A curly opener typed where a closer belongs: 'word“ ' while a quotation is open.
        return not (inside and not space_before and space_after)
    if mark in CLOSERS:
        # A curly closer typed as an opener: ' ”Word' with nothing open.
        return not inside and space_before and not space_after
    # Straight marks: decide by the characters around them.
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    return not inside


def _closes(mark: str, before: str, after: str) -> bool:
    """Is this mark shaped like a closing one: a closer, or a mark after a word and before a space or a stop?"""
    if mark in CLOSERS:
        return True
    space_before = before == "" or before.isspace()
    return not space_before and (after == "" or after.isspace() or after in ",.;:!?)]—–―")


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in ``text[start:end]`` (one paragraph), in order.

    Marks are paired left to right; a quotation still open at the paragraph
    end runs to it (news style for quotes that go on in the next paragraph).
    """
    quotes: list[Quote] = []
    if not any(text.find(mark, start, end) >= 0 for mark in FAMILIES):
        return quotes  # most paragraphs: str.find rules out every mark faster than one regex scan
    open_at: int | None = None
    open_mark = 0
    family: str | None = None
    nested = False  # a quotation in another style of marks is open inside the current one
    for match in QUOTE_MARK.finditer(text, start, end):
        mark = match.group()
        m_start, m_end = match.span()
        before = text[m_start - 1] if m_start > start else ""
        after = text[m_end] if m_end < end else ""
        if open_at is not None and FAMILIES[mark] != family:
            # A quotation nested in another style of marks is part of the outer one; but a
            # closing mark of another style that nothing nested opened closes the outer one
            # ('"We will," she said.' typed with a straight and a curly mark).
            if nested:
                nested = False
                continue
            if _is_opener(mark, before, after, True):
                nested = True
                continue
            if not _closes(mark, before, after):
                continue
        if _is_opener(mark, before, after, open_at is not None):
            # A second opener while one is open means the first was never closed.
            open_at, open_mark, family = m_end, m_start, FAMILIES[mark]
            nested = False
        elif open_at is not None:
            if m_start > open_at:
                quotes.append(Quote(open_at, m_start, open_mark, m_end))
            open_at = None
    if open_at is not None and end > open_at:
        quotes.append(Quote(open_at, end, open_mark, None))
    return quotes


# Single curly quotes as the outer marks (headlines, British style): an opening ‘
# at the start of a word and a closing ’ at the end of one. Apostrophes inside
# words (don’t, Côte d’Ivoire) have letters on both sides and never match.
_SINGLE_QUOTE: Final = re.compile(r"(?<![\w‘’])‘(?=[^\s’])([^‘’]*?(?:[\w.,!?])’(?!\w)(?:(?<=s’)(?=[\s,.;:!?])|(?<!s’)))")


def find_single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations marked with ‘single’ curly quotes, in a paragraph that has no double ones."""
    quotes: list[Quote] = []
    if text.find("‘", start, end) < 0:
        return quotes
    for match in _SINGLE_QUOTE.finditer(text, start, end):
        open_mark = match.start()
        close = match.end() - 1
        if close - open_mark > 1:
            quotes.append(Quote(open_mark + 1, close, open_mark, match.end()))
    return quotes


def mask_quotes(text: str, start: int, end: int, quotes: list[Quote]) -> str:
    """The paragraph with quoted words replaced by ``x``; marks and final punctuation stay."""
    pieces = []
    position = start
    for q in quotes:
        stop = q.end - 1 if q.end > q.start and text[q.end - 1] in ".!?," else q.end
        if q.end - q.start > 2 and text[q.end - 1] == "]" and text[q.end - 2] in ".!?":
            stop = q.end - 2  # '"... self-cleaning[.]" Wong said': an editor's bracketed stop ends it too
        pieces.append(text[position:q.start])
        pieces.append(MASK * (stop - q.start))
        position = stop
    pieces.append(text[position:end])
    return "".join(pieces)


def split_sentences(masked: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence offsets in a masked paragraph (quoted words are never split)."""
    sentences = []
    begin = 0
    for match in _BOUNDARY.finditer(masked):
        stop = match.end()
        if match.group()[0] == "." and _is_abbreviation(_word_before(masked, max(begin, match.start() - 40),
                                                                      match.start())):
            continue
        if match.group()[-1] in "\"”'" and _attribution_follows(masked, stop):
            continue  # '"Does anybody know?" Graham asked.' is one sentence
        # ``begin`` is never on a space (paragraphs are stripped, and it skips the spaces
        # after each boundary), so a sentence is there whenever it is before ``stop``.
        if begin < stop:
            sentences.append((offset + begin, offset + stop))
        begin = stop
        while begin < len(masked) and masked[begin].isspace():
            begin += 1
    if begin < len(masked):
        sentences.append((offset + begin, offset + len(masked.rstrip())))
    return sentences


def _word_before(text: str, start: int, end: int) -> str:
    """The word (letters, digits, dots, apostrophes, hyphens) that ends at ``end``, looking back to ``start``."""
    first = end
    while first > start and (text[first - 1].isalnum() or text[first - 1] in "_.'’-"):
        first -= 1
    return text[first:end]


_CLAUSE_STOP: Final = re.compile(r"[.!?,:\"“”]")


def _attribution_follows(masked: str, position: int) -> bool:
    """After a quotation, does a short reporting clause follow (``Graham asked.``, ``Mr. Graham asked.``)?

    The clause runs over commas ('"Why?" Doe, 52, asked.') and a title's stop ('Sen. Doe asked.')."""
    words: list[str] = []
    start = position
    limit = position + 150
    while len(words) <= 10:
        stop = _CLAUSE_STOP.search(masked, start, limit)
        if stop is None or stop.group() in "\"“”":
            return False
        words += _CLAUSE_WORD.findall(masked, start, stop.start())
        if any(w in QUOTE_CLOSING_VERBS for w in words):
            return len(words) <= 10
        if stop.group() == "." and not (words and _is_abbreviation(words[-1] + ".")) or stop.group() in "!?":
            return False
        start = stop.end()
    return False


def _is_abbreviation(word: str) -> bool:
    token = word.lower().strip(".'’-").rstrip(".")
    if token in ABBREVIATIONS:
        return token not in CAPITALISED_ONLY or word[:1].isupper()
    # Initials such as "J." or "F.B.I" before a name.
    return len(token) == 1 and token.isalpha() or bool(_INITIALS.fullmatch(token))


def parse(text: str) -> list[Paragraph]:
    """Paragraphs of ``text`` with their quotations and sentences."""
    result = []
    spans = paragraphs(text)
    for index, (start, end) in enumerate(spans):
        quotes = find_quotes(text, start, end)
        if not quotes and text.find("‘", start, end) >= 0 and not QUOTE_MARK.search(text, start, end):
            quotes = find_single_quotes(text, start, end)
        # A quotation left open runs on when the next paragraph reopens it.
        if quotes and quotes[-1].close_mark is None and index + 1 < len(spans):
            if QUOTE_MARK.match(text, spans[index + 1][0]):
                quotes[-1].continues = True
        masked = mask_quotes(text, start, end, quotes)
        own = text[start:end]
        folded = own.lower()
        paragraph = Paragraph(index, start, end, own, masked, masked.lower(), quotes,
                              folded=folded if len(folded) == len(own) else None)
        paragraph.sentences = split_sentences(masked, start)
        result.append(paragraph)
    return result


def spans_overlap(a: Iterable[Sequence[int]], b: Iterable[Sequence[int]]) -> bool:
    """Do two lists of ``[start, end)`` character spans share a character?"""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)
