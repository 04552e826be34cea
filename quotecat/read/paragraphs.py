"""Lines and paragraphs: spacing tidied in one pass, paragraphs split on blank lines (or on single newlines)."""

import re

# Horizontal space other than the plain space: tabs, no-break and typographic spaces.
_OTHER_SPACE_CHARS = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_OTHER_SPACE = re.compile(f"[{_OTHER_SPACE_CHARS}]")
# Every run of horizontal space becomes one " ". Only the runs that change are matched
# (two or more characters, or one that is not a plain space): matching every single
# space between words would make the substitution copy the text word by word.
_SPACE_TO_TIDY = re.compile(f"[ {_OTHER_SPACE_CHARS}]{{2,}}|{_OTHER_SPACE.pattern}")
_INVISIBLE = re.compile(r"[\ufeff\u200b\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = ("\u2028", "\u2029", "\x0b", "\x0c")


def tidy_lines(text: str) -> list[str]:
    """Lines with runs of spaces, tabs and no-break spaces made one space, ends stripped.

    This runs on every article, so the work is done on the whole text at once (no run
    of spaces crosses a line break) and skipped when quick ``in`` checks, much faster
    than a regex scan, show there is nothing to replace: the usual case.
    """
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    for mark in _LINE_BREAKS:
        text = text.replace(mark, "\n")  # returns the text itself, uncopied, when mark is absent
    if "  " in text or _has_other_space(text):
        text = _SPACE_TO_TIDY.sub(" ", text)
    return [line.strip() for line in text.split("\n")]


def _has_other_space(text: str) -> bool:
    """Whether there is a tab or a no-break or typographic space; in ASCII text only a tab can be.

    ``str.isascii()`` takes no time (CPython records it), and ``in`` is far faster than a regex scan.
    """
    return "\t" in text if text.isascii() else bool(_OTHER_SPACE.search(text))


def split_paragraphs(text: str) -> list[list[str]]:
    """Paragraphs as lists of lines, split on blank lines."""
    paragraphs: list[list[str]] = [[]]
    for line in tidy_lines(text):
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def one_line_each(paragraphs: list[list[str]]) -> list[list[str]]:
    """Text with no blank line anywhere uses single newlines between paragraphs.

    A line that starts in lower case continues a hard-wrapped paragraph instead.
    """
    if len(paragraphs) != 1:
        return paragraphs
    split: list[list[str]] = []
    for line in paragraphs[0]:
        if split and line[0].islower():
            split[-1].append(line)
        else:
            split.append([line])
    return split


def count_words(line: str) -> int:
    return len(line.split())


def one_line(value) -> str | None:
    """A metadata value as one tidy line, or None."""
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None

