"""Plain text articles: optional front matter, an optional outlet or section line, the headline, an optional
byline and date, the story."""

import re

from ..ids import file_id
from ..model import Article
from .files import Warn, logical_path
from .furniture import clean_text, drop_leading_furniture
from .metadata import byline_of, is_byline, tidy_metadata
from .paragraphs import count_words, one_line, one_line_each, split_paragraphs

# Header lines (outlet, headline, byline) are short; a longer line is the story itself.
_MAX_HEADER_WORDS = 20
_MAX_HEADER_CHARS = 160

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated)(?:\s+on)?:?\s*)?(?:[a-z]+day,?\s+)?"
    rf"(?P<date>(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[\s,|·-]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?)\.?$",
    re.I,
)


def _is_header_line(line: str) -> bool:
    return count_words(line) <= _MAX_HEADER_WORDS and len(line) <= _MAX_HEADER_CHARS and not line.endswith(",")


def _date_of(line: str) -> str | None:
    match = _DATE_LINE.match(line)
    return match.group("date") if match and count_words(line) <= 10 else None


# Front matter: "key: value" lines at the very top, before the headline. These keys
# only (case-insensitive), each naming the field it fills; the first of a field wins.
FRONT_MATTER_KEYS = {
    "title": "title", "headline": "title",
    "outlet": "outlet", "source": "outlet", "publication": "outlet",
    "published": "published", "date": "published",
    "byline": "byline", "author": "byline", "authors": "byline",
    "url": "url",
}
_FRONT_MATTER = re.compile(r"^(?P<key>" + "|".join(FRONT_MATTER_KEYS) + r")\s*:\s*(?P<value>\S.*)$", re.I)


def read_plain(path, text: str, warn: Warn) -> Article:
    paragraphs = split_paragraphs(text)
    front, paragraphs = _front_matter(paragraphs)
    paragraphs, trimmed = drop_leading_furniture(paragraphs)
    header, paragraphs = _split_header(paragraphs)
    for field, value in front.items():
        header[field] = value
    body, trimmed_body = clean_text(path, paragraphs)
    article = Article(id=file_id(logical_path(path)), text=body, source_file=str(path),
                      trimmed_chars=trimmed + trimmed_body, **header)
    return tidy_metadata(article, path, warn, str(path))


def _front_matter(paragraphs: list[list[str]]) -> tuple[dict, list[list[str]]]:
    """The fields of the "key: value" lines that open the file (see FRONT_MATTER_KEYS), and the paragraphs after them."""
    front: dict[str, str | None] = {}
    if not paragraphs or not _FRONT_MATTER.match(paragraphs[0][0]):  # the usual file: one regex match, no front matter
        return front, paragraphs
    first = paragraphs[0]
    taken = 0
    for line in first:
        match = _FRONT_MATTER.match(line)
        if not match:
            break
        front.setdefault(FRONT_MATTER_KEYS[match["key"].lower()], one_line(match["value"]))
        taken += 1
    if "byline" in front:
        front["byline"] = byline_of(front["byline"])
    rest = [first[taken:]] if taken < len(first) else []
    return front, rest + paragraphs[1:]


def _split_header(paragraphs: list[list[str]]) -> tuple[dict, list[list[str]]]:
    """Take the outlet, headline, byline and date off the top of a plain text article.

    A "By ..." line is the byline, the line before it the headline, a line before
    that the outlet or section. Without a byline, a first block of one or two short
    lines is the header. Anything else at the top is the story: no title.
    """
    header: dict[str, str | None] = {"title": None, "byline": None, "outlet": None, "published": None}
    if not paragraphs:
        return header, paragraphs
    first, rest = paragraphs[0], paragraphs[1:]
    no_blank_lines = not rest
    lead = []
    for line in first[:3]:
        if not _is_header_line(line):
            break
        lead.append(line)
    by = next((i for i, line in enumerate(lead) if is_byline(line)), None)
    if by == 0 and (len(first) > 1 or not rest):
        by = None  # a lone "By ..." opening a paragraph is a sentence
    if by is not None:
        _name_header(header, first[:by], above_byline=True)
        header["byline"] = first[by]
        body = first[by + 1:]
        if body and _date_of(body[0]):
            header["published"] = _date_of(body[0])
            body = body[1:]
        body_paragraphs = ([body] if body else []) + rest
    elif rest and len(first) <= 2 and lead == first:
        body_paragraphs = _name_header(header, first) + rest
        body_paragraphs = _take_byline_block(header, body_paragraphs)
    elif no_blank_lines and lead and _looks_like_title_line(first):
        header["title"] = first[0]
        body_paragraphs = [first[1:]]
    else:
        return header, one_line_each(paragraphs)
    if not body_paragraphs:  # a header and nothing else: that was the story
        return {key: None for key in header}, one_line_each(paragraphs)
    if no_blank_lines:
        body_paragraphs = one_line_each([[line for lines in body_paragraphs for line in lines]])
    return header, body_paragraphs


def _name_header(header: dict, lines: list[str], above_byline: bool = False) -> list[list[str]]:
    """Header lines: [headline] or [outlet, headline]; returns any line left over, as body."""
    if len(lines) == 2 and not above_byline and not _is_outlet(lines[0]):
        # "Headline; / standfirst": the second line is not a headline under an outlet.
        header["title"] = lines[0]
        return [[lines[1]]]
    if lines:
        header["title"] = lines[-1]
    if len(lines) == 2:
        header["outlet"] = lines[0]
    return []


def _take_byline_block(header: dict, paragraphs: list[list[str]]) -> list[list[str]]:
    """A byline (and date) in a block of its own, under a headline."""
    if not paragraphs:
        return paragraphs
    block = paragraphs[0]
    if is_byline(block[0]) and len(block) <= 2 and (len(block) == 1 or _date_of(block[1])):
        header["byline"] = block[0]
        if len(block) == 2:
            header["published"] = _date_of(block[1])
        return paragraphs[1:]
    if len(block) == 1 and _date_of(block[0]) and header["byline"] is None:
        header["published"] = _date_of(block[0])
        return paragraphs[1:]
    return paragraphs


def _is_outlet(line: str) -> bool:
    """ "Syndicated News", "World": a few words, not a sentence."""
    return count_words(line) <= 5 and not line.endswith((".", ";", ":", "?", "!", ","))


def _looks_like_title_line(lines: list[str]) -> bool:
    """In text without blank lines, a short first line followed by a new paragraph is a headline.

    A first line that runs on into a lowercase second line is a wrapped paragraph.
    """
    if len(lines) < 2 or not _is_header_line(lines[0]) or lines[0].endswith((":", "-", "–", "—")):
        return False
    return not lines[1][0].islower()

