"""How something was said: where the medium phrases of the lexicon ("in a statement") stand."""

import re
from collections.abc import Iterator
from typing import Final

from ..lexicon.media import MEDIUM_PATTERNS, MEDIUM_STARTS
from .text import Paragraph

_MEDIUM_BODY: Final = "|".join(f"(?:{p})" for p in MEDIUM_PATTERNS)
# Any case. The lookahead lets the regex reject most positions at their first letter.
MEDIUM: Final = re.compile("(?=[%s])(?:%s)" % ("".join(sorted({w[0] for w in MEDIUM_STARTS})), _MEDIUM_BODY),
                           re.IGNORECASE)
_FOLDED_MEDIUM: Final = re.compile(_MEDIUM_BODY)  # on lower-case text: ignoring case is slower


def medium_spans(text: str, paragraph: Paragraph, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where medium phrases stand in ``text[start:end]`` (within ``paragraph``), found as they are read."""
    if paragraph.folded is None:
        for match in MEDIUM.finditer(text, start, end):
            yield match.span()
        return
    offset = paragraph.start
    for match in _FOLDED_MEDIUM.finditer(paragraph.folded, start - offset, end - offset):
        yield match.start() + offset, match.end() + offset
