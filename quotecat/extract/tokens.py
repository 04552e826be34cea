"""Tokens of a sentence: words, punctuation, and each quotation as one token; spans of tokens as offsets.

The cue rules read a sentence as tokens, so a quotation is one opaque token they can
point at ("the content is the quotation after the cue") and never look inside.
"""

import re
from collections.abc import Iterable
from typing import Final

from ..lexicon.abbreviations import ABBREVIATIONS, CAPITALISED_ONLY
from ..lexicon.function_words import CONTRACTING_WORDS
from .text import Quote

DASHES: Final = ("--", "—", "–", "―")
_PUNCTUATION: Final = ",;:()[].!?"
# A number with thousands separators is one token ("1,200", "$1,200.50", "1,200,000"): a comma
# followed by exactly three digits and then no digit. A list without spaces ("1,2 and 3") stays
# apart. Split at its commas, "200" of "1,200" was a content's or a source's first word: 10 rows of
# the PolNeAR catalogue started inside a number.
_NUMBER: Final = r"\$?\d{1,3}(?:,\d{3})+(?!\d)(?:[\w'’.&/@$%#+-]*[\w$%])?"
_TOKEN: Final = re.compile(_NUMBER + r"|[\w$%@#][\w'’.&/@$%#+-]*[\w$%]|[\w$%@#]|" + "|".join(DASHES)
                           + "|[" + re.escape(_PUNCTUATION) + "]")
_PUNCT_FIRST: Final = frozenset(d[0] for d in DASHES) | frozenset(_PUNCTUATION)  # a word never starts so
_CONTRACTION: Final = re.compile(r"(?i)^(%s)(['’](?:s|re|ve|d|ll|m))$" % "|".join(CONTRACTING_WORDS))
# Tokens that end a sentence.
ENDERS: Final = {".", "!", "?"}
# Tokens: a source longer than this is a clause, and the bound keeps time linear.
MAX_SOURCE: Final = 32
# Tokens: no reported clause is longer; the bound keeps a run-on "sentence" of a
# whole page from making every attribution span all of it.
MAX_CONTENT: Final = 160


class Token:
    """A word, a punctuation mark, or a whole quotation."""

    __slots__ = ("kind", "text", "start", "end", "quote", "lower")

    def __init__(self, kind: str, text: str, start: int, end: int, quote: Quote | None = None):
        self.kind, self.text, self.start, self.end, self.quote = kind, text, start, end, quote
        self.lower = text if kind == "punct" else text.lower()

    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r}, {self.start}, {self.end})"

    def is_word(self) -> bool:
        return self.kind == "word"


def tokenize(text: str, start: int, end: int, quotes: list[Quote]) -> list[Token]:
    """Words and punctuation of ``text[start:end]``; each quotation is one token."""
    tokens = []
    position = start
    for quote in quotes:
        if not start <= quote.open_mark < end:
            continue
        tokens += _words(text, position, quote.open_mark)
        stop = quote.close_mark if quote.close_mark is not None else quote.end
        tokens.append(Token("quote", text[quote.open_mark:stop], quote.open_mark, min(stop, end), quote))
        position = min(stop, end)
    tokens += _words(text, position, end)
    return tokens


def _words(text: str, start: int, end: int) -> list[Token]:
    tokens: list[Token] = []
    e = start
    # The words as strings (no match objects), each found again from where the last ended:
    # what lies between two tokens cannot hold the first character of the next.
    for word in _TOKEN.findall(text, start, end):
        # Usually right where the last token ended or one space on: no search needed. Every
        # character a token can open with opens one wherever it stands (but a hyphen, "--"), so
        # the word's first character there places it: one character compared, not
        # str.startswith, which compiled code calls as a Python method (1,400 instructions).
        first = word[0]
        if first == "-":
            s = text.find(word, e, end)
        else:
            s = e if text[e] == first else e + 1 if text[e + 1] == first else text.find(word, e, end)
        e = s + len(word)
        kind = "punct" if first in _PUNCT_FIRST else "word"
        if kind == "punct" and word == "." and tokens and tokens[-1].end == s and tokens[-1].is_word():
            prev = tokens[-1]
            lower = prev.lower
            if lower in ABBREVIATIONS and (lower not in CAPITALISED_ONLY or prev.text[:1].isupper()) \
                    or len(prev.text) == 1 or "." in prev.text:
                prev.text += "."
                prev.lower += "."
                prev.end = e
                continue
        contraction = _CONTRACTION.match(word) if "'" in word or "’" in word else None
        if contraction:
            # "He's claiming" is a pronoun and an auxiliary.
            cut = s + contraction.end(1)
            tokens.append(Token("word", word[:contraction.end(1)], s, cut))
            tokens.append(Token("word", word[contraction.end(1):], cut, e))
            continue
        tokens.append(Token(kind, word, s, e))
    return tokens


def span(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """Offsets of tokens[first..last] (inclusive), quotations trimmed of their marks."""
    while first <= last and tokens[first].kind == "punct":
        first += 1
    while last >= first and tokens[last].kind == "punct" and tokens[last].text not in ")]":
        last -= 1
    if first > last:
        return None
    opening, closing = tokens[first].quote, tokens[last].quote  # set on quotation tokens only
    start = opening.start if opening is not None else tokens[first].start
    end = closing.end if closing is not None else tokens[last].end
    return (start, end) if end > start else None


def span_from(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """The content that starts at ``first`` (at most MAX_CONTENT tokens of it)."""
    return span(tokens, first, min(last, first + MAX_CONTENT))


def span_to(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """The content that ends at ``last`` (at most MAX_CONTENT tokens of it)."""
    return span(tokens, max(first, last - MAX_CONTENT), last)


def word_list_regex(words: Iterable[str]) -> str:
    """One regex for a set of words, as a tree of shared prefixes ("sa(?:id|ys)"):
    the regex engine then reads each letter once instead of trying every word."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict) -> str:
        options = [re.escape(letter) + branch(rest) for letter, rest in sorted(node.items()) if letter]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        if "" in node:  # a word may end here
            body = "(?:" + body + ")?"
        return body

    return branch(tree)
