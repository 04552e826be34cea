"""Read article files into Article objects: plain text, HTML, JSON and JSON lines.

``Article.text`` is what every attribution offset points into, so the reader
decides here, once, what the text of an article is: the header (outlet,
headline, byline) comes off the top, site furniture around the story (comment
forms, share buttons, sign-in boxes, newsletter and cookie prompts, copyright
lines, link lists) is trimmed, and paragraphs are separated by exactly one
blank line. The words of the story are otherwise left as written: quotation
marks, apostrophes and dashes are never rewritten, because the extractor reads
them.
"""

import codecs
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

from .model import Article

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES

Warn = Callable[[str], None]

# How much of a file to look at when deciding whether it is text at all.
_SNIFF_BYTES = 8192
# A text file has almost no control characters; binaries that avoid NUL bytes have plenty.
_MAX_CONTROL_SHARE = 0.05
# Header lines (outlet, headline, byline) are short; a longer line is the story itself.
_MAX_HEADER_WORDS = 20
_MAX_HEADER_CHARS = 160
_MAX_BYLINE_WORDS = 12
# Site furniture is a short line: a longer one is prose, whatever words it uses.
_MAX_FURNITURE_WORDS = 15
# The longest news stories (long reads, full transcripts) run to a few hundred thousand
# characters. An "article" far past that is a dump of many stories or not an article at
# all; it is skipped with a clear reason rather than tying up a build for hours.
MAX_ARTICLE_CHARS = 1_000_000
# Web pages carry markup around the story: allow this many times more before parsing.
_HTML_MARKUP_FACTOR = 5


class ArticleError(Exception):
    """A file (or one line of it) that cannot be read as an article.

    ``str()`` names the file, the line when there is one, and the problem;
    ``reason`` is the same without the file name, for summaries that list files.
    """

    def __init__(self, path, reason: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.reason = f"line {line}: {reason}" if line else reason
        where = f"{self.path} line {line}" if line else self.path
        super().__init__(f"{where}: {reason}")


def find_files(paths: Iterable) -> list[Path]:
    """The article files under ``paths``, in a stable order, so that builds are repeatable.

    Folders are searched recursively for the supported extensions, skipping hidden
    files and folders. A file named explicitly is kept whatever its extension, so
    that ``read_file`` can say why it cannot be read instead of it vanishing.
    """
    found: dict[Path, None] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.update(dict.fromkeys(_walk(path)))
        else:
            found[path] = None
    return list(found)


def _walk(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                files.append(Path(root) / name)
    return sorted(files)


def read_file(path, warn: Warn | None = None) -> list[Article]:
    """Read one file into its articles: one for text and HTML, one or more for JSON.

    Raises ArticleError when the file gives no article; ``warn(message)`` hears
    about problems that were worked around (a broken JSON line skipped, text
    decoded from a legacy encoding).
    """
    return list(_articles(path, warn or _ignore))


def iter_articles(
    paths: Iterable, on_error: Callable[[ArticleError], None] | None = None, warn: Warn | None = None
) -> Iterator[Article]:
    """Every article under ``paths``; a file that fails goes to ``on_error`` so one bad file never stops a batch.

    Without ``on_error`` the first ArticleError is raised.
    """
    for path in find_files(paths):
        try:
            yield from _articles(path, warn or _ignore)
        except ArticleError as error:
            if on_error is None:
                raise
            on_error(error)


def slugify(text: str, max_length: int = 80) -> str:
    """A stable lowercase id: "Café Owner’s “Last Stand”" -> "cafe-owners-last-stand".

    Accents are dropped, letters of other scripts are kept, so every name gets an id.
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[\W_]+", "-", re.sub(r"['’]", "", text)).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]  # end on a whole word
        slug = cut.strip("-")
    return slug


def _ignore(message: str) -> None:
    pass


def _articles(path, warn: Warn) -> Iterator[Article]:
    path_ = Path(path)
    if not path_.exists():
        raise ArticleError(path, "no such file")
    if path_.is_dir():
        raise ArticleError(path, "is a directory, not a file")
    suffix = path_.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, warn)
        return
    if suffix not in SUFFIXES:
        if _is_binary(_head(path)):
            raise ArticleError(path, "binary file, not text")
        raise ArticleError(path, f"unsupported file type {suffix or '(no extension)'!r}: expected one of "
                                 + ", ".join(SUFFIXES))
    text = _read_text(path, warn)
    if suffix in TEXT_SUFFIXES:
        _check_size(path, text)
        yield _read_plain(path, text)
    elif suffix in HTML_SUFFIXES:
        _check_size(path, text, _HTML_MARKUP_FACTOR, "of HTML")
        yield _read_html(path, text)
    else:
        yield from _read_json(path, text, warn)


# --- bytes to text ---------------------------------------------------------------------


def _head(path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(_SNIFF_BYTES)
    except OSError as error:
        raise ArticleError(path, f"cannot read: {error.strerror or error}")


# Control bytes as _is_binary counts them: below 32 or DEL, except the tab, line breaks,
# form feed and DOS end-of-file mark that text files do use.
_CONTROL_BYTES = bytes(byte for byte in range(256) if (byte < 32 and byte not in b"\t\n\r\f\v\x1a") or byte == 127)


def _is_binary(sample: bytes) -> bool:
    """NUL bytes, or many control characters, mean this is not a text file."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    # Counted by deleting them in C: a Python loop over the bytes took a third of the time to read a .txt file.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * _MAX_CONTROL_SHARE


def _read_text(path, warn: Warn) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot read: {error.strerror or error}")
    if not data:
        raise ArticleError(path, "empty file")
    if _is_binary(data[:_SNIFF_BYTES]):
        raise ArticleError(path, "binary file, not text")
    text = _decode(data, lambda message: warn(f"{path}: {message}"))
    if not text.strip():
        raise ArticleError(path, "empty file (only whitespace)")
    return text


def _decode(data: bytes, warn: Warn) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; else cp1252, the usual legacy news encoding.

    charset-normalizer (which trafilatura installs) was tried and left out: on short
    English text it guesses cp1250 or even UTF-16 for a single accented letter.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):  # latin-1 decodes any byte: the last resort
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warn(f"not valid UTF-8, decoded as {encoding}")
        return text
    raise AssertionError("latin-1 decodes every byte")


# --- lines and paragraphs --------------------------------------------------------------

# Horizontal space other than the plain space: tabs, no-break and typographic spaces.
_OTHER_SPACE_CHARS = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_OTHER_SPACE = re.compile(f"[{_OTHER_SPACE_CHARS}]")
# Every run of horizontal space becomes one " ". Only the runs that change are matched
# (two or more characters, or one that is not a plain space): matching every single
# space between words would make the substitution copy the text word by word.
_SPACE_TO_TIDY = re.compile(f"[ {_OTHER_SPACE_CHARS}]{{2,}}|{_OTHER_SPACE.pattern}")
_INVISIBLE = re.compile(r"[\ufeff\u200b\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = ("\u2028", "\u2029", "\x0b", "\x0c")


def _lines(text: str) -> list[str]:
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


def _paragraphs(text: str) -> list[list[str]]:
    """Paragraphs as lists of lines, split on blank lines."""
    paragraphs: list[list[str]] = [[]]
    for line in _lines(text):
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _one_line_each(paragraphs: list[list[str]]) -> list[list[str]]:
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


def _words(line: str) -> int:
    return len(line.split())


def _one_line(value) -> str | None:
    """A metadata value as one tidy line, or None."""
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


# --- site furniture --------------------------------------------------------------------

# The words sites wrap around a story. A line is furniture only when it is short
# (at most _MAX_FURNITURE_WORDS words, or the given limit) and one of these matches
# it, mostly from its start, so the story's own sentences about comments, cookies or
# copyright are left alone. Case-insensitive; leading bullets are ignored.
_FURNITURE = [
    # comment forms: "Type your comment and click", "or register to post a comment.", "12 comments"
    r"^(?:type|post|leave|add|write|submit)\s+(?:a\s+|your\s+|new\s+)?comments?\b",
    r"^(?:view|show|hide|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?\b",
    r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?:?$",
    r"^(?:or\s+|and\s+|please\s+)?(?:log\s?in|sign\s?in|register|subscribe)\b.{0,30}?\bto\s+(?:post|comment|reply|continue|read|view)\b",
    # sharing: "Bookmark and Share", "Share this article", a lone "Twitter"
    r"^(?:bookmark and share|share (?:this|on|via)\b|(?:e-?mail|print|tweet) this\b)",
    # sign-in boxes: "* required field", "User ID*", "enter user ID or e-mail to recover login credentials"
    r"^(?:required fields?|indicates (?:a )?required)",
    r"^(?:user ?(?:id|name)|e-?mail(?: address)?|password|name|comment)\s*\*?:?$",
    r"^(?:forgot(?:ten)?|reset|recover|lost)\s+(?:your\s+)?(?:password|login|user ?(?:id|name)|credentials)\b",
    r"^enter\b.{0,60}\bto\s+(?:recover|reset|retrieve)\b",
    r"^(?:log\s?in|sign\s?in|log\s?out|sign\s?out|sign\s?up|register|subscribe|create (?:an|your) account)"
    r"(?: now| here| today| for free)?[.!:]?$",
    # newsletters and subscriptions: "Sign up for our newsletter", "Click here to subscribe"
    r"^(?:sign up|subscribe|get)\b.{0,40}\b(?:newsletters?|alerts|updates|e-?mails?|digest|briefing)\b",
    r"^(?:click|tap) here\b",
    # link lists: "Related:", "Read more:", "You may also like"
    r"^(?:related|related (?:stories|articles|coverage|content|links|posts|topics|reading)|read (?:more|also|next)"
    r"|more (?:stories|news|on this(?: story)?)|see also|recommended(?: for you| reading)?|most (?:popular|read|viewed)"
    r"|trending(?: now)?|further reading|top stories|you (?:may|might) also (?:like|be interested in))\s*(?::|[»›>]|$)",
    r"^(?:tags|filed under|topics|categories)\s*:",
    r"^follow (?:us|\w+(?: \w+)?) on (?:twitter|facebook|instagram|x|linkedin|threads|bluesky)\b",
    # copyright: "Copyright 2016 Dow Jones & Company, Inc. All Rights Reserved."
    r"^(?:copyright\b|©|\(c\)\s*\d{4})",
    r"\ball rights reserved\b",
]
# Cookie notices run longer than other furniture but are just as recognisable.
_COOKIES = [r"^(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing|using)\b.{0,40}\byou (?:agree|accept|consent)"
            r"|(?:accept|allow|manage|reject) (?:all )?cookies)"]
# Ad markers and lone share buttons sit inside a story too: dropped wherever they are,
# but they do not start the trimmed tail (a lone "Twitter." may head a section of reader posts).
_AD_MARKERS = [
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|skip advertisement|continue reading(?: the main story| below)?"
    r"|(?:story|article) continues below(?: this)?(?: advertisement)?)[.:]?$",
    r"^(?:share|tweet|facebook|twitter|linkedin|whatsapp|reddit|pinterest|e-?mail|print|copy link|pin it)[.:!]?$",
]
_FURNITURE_RULES = (
    [(re.compile(p, re.I), _MAX_FURNITURE_WORDS, "site") for p in _FURNITURE]
    + [(re.compile(p, re.I), 60, "site") for p in _COOKIES]
    + [(re.compile(p, re.I), 4, "ad") for p in _AD_MARKERS]
)
_BULLET_MARKS = "*•·|>»›►▸-"
_BULLET = re.compile(r"^[\s" + re.escape(_BULLET_MARKS) + "]+")
_BULLET_FIRST = frozenset(_BULLET_MARKS)  # a line starting otherwise has no bullet to strip
# The word limits of the rules, shortest first, and for each limit the rules that a
# line within it may match, in their order above (the first match decides the kind).
# Most lines are the story's long sentences: only the cookie rules are tried on them.
_LIMITS = sorted({max_words for _, max_words, _ in _FURNITURE_RULES})
_RULES_WITHIN = {
    limit: [(pattern, kind) for pattern, max_words, kind in _FURNITURE_RULES if max_words >= limit]
    for limit in _LIMITS
}


def furniture(line: str) -> str | None:
    """ "site" for site furniture, "ad" for an ad marker, None for the story's own words."""
    tidy = line[:1] not in _BULLET_FIRST and not line[:1].isspace() and not line[-1:].isspace()
    core = line if tidy else _BULLET.sub("", line).strip()
    if not core:
        return "ad" if line.strip() else None  # a lone "|" or "* * *": dropped, never the start of the tail
    # The words are counted once, not once a rule; maxsplit stops counting just past a
    # limit, so a long paragraph is not split into all of its words.
    words = len(core.split(None, _LIMITS[-2]))
    if words > _LIMITS[-2]:
        # Most lines: the story's sentences, which only the longest rules (cookie notices) may
        # match; their words are counted further only for a line that matches.
        longest = _RULES_WITHIN[_LIMITS[-1]]
        if not any(pattern.search(core) for pattern, _ in longest):
            return None
        words = len(core.split(None, _LIMITS[-1]))
    for limit in _LIMITS:
        if words <= limit:
            for pattern, kind in _RULES_WITHIN[limit]:
                if pattern.search(core):
                    return kind
            break
    return None


def _trim_furniture(paragraphs: list[list[str]]) -> list[list[str]]:
    """Cut the site furniture at the end of a story and drop stray furniture lines elsewhere.

    The tail starts at the first furniture line after which no line is longer than
    furniture is (so the headlines of a "Related:" list go with it); a long line after
    furniture means the story goes on, and only the furniture line itself is dropped.
    """
    lines = [(number, line) for number, paragraph in enumerate(paragraphs) for line in paragraph]
    kinds = [furniture(line) for _, line in lines]
    cut = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        if kinds[index] == "site":
            cut = index
        elif kinds[index] is None and _words(lines[index][1]) > _MAX_FURNITURE_WORDS:
            break
    kept: dict[int, list[str]] = {}
    for index, (number, line) in enumerate(lines[:cut]):
        if kinds[index] is None:
            kept.setdefault(number, []).append(line)
    return list(kept.values())


def _drop_leading_furniture(paragraphs: list[list[str]]) -> list[list[str]]:
    """Furniture above the headline ("Share this article", "Advertisement") is not the header."""
    while paragraphs and paragraphs[0] and furniture(paragraphs[0][0]):
        paragraphs = [paragraphs[0][1:]] + paragraphs[1:] if len(paragraphs[0]) > 1 else paragraphs[1:]
    return paragraphs


def _too_long(length: int, factor: int = 1, what: str = "") -> str | None:
    limit = MAX_ARTICLE_CHARS * factor
    if length <= limit:
        return None
    return (f"too long for one article: {length:,} characters{' ' + what if what else ''}, "
            f"more than {limit:,} (split it into articles, e.g. one JSON line each)")


def _check_size(path, text: str, factor: int = 1, what: str = "") -> None:
    reason = _too_long(len(text), factor, what)
    if reason:
        raise ArticleError(path, reason)


def _body(path, paragraphs: list[list[str]]) -> str:
    """The cleaned article text: furniture trimmed, paragraphs joined by one blank line."""
    paragraphs = _trim_furniture(paragraphs)
    text = "\n\n".join("\n".join(lines) for lines in paragraphs)
    if not text.strip():
        raise ArticleError(path, "no article text left after cleaning")
    return text


# --- plain text ------------------------------------------------------------------------

_BYLINE = re.compile(r"^(?:By|BY|by):?\s+[A-Z\u00c0-\u024f]")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated)(?:\s+on)?:?\s*)?(?:[a-z]+day,?\s+)?"
    rf"(?P<date>(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:[\s,|·-]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?)\.?$",
    re.I,
)


def _is_header_line(line: str) -> bool:
    return _words(line) <= _MAX_HEADER_WORDS and len(line) <= _MAX_HEADER_CHARS and not line.endswith(",")


def _is_byline(line: str) -> bool:
    """ "By Maria Abi-Habib and Nour Alakraa", not "By the fall of 2010, ..."."""
    return bool(_BYLINE.match(line)) and _words(line) <= _MAX_BYLINE_WORDS


def _date_of(line: str) -> str | None:
    match = _DATE_LINE.match(line)
    return match.group("date") if match and _words(line) <= 10 else None


def _read_plain(path, text: str) -> Article:
    header, paragraphs = _split_header(_drop_leading_furniture(_paragraphs(text)))
    return Article(id=_file_id(path), text=_body(path, paragraphs), source_file=str(path), **header)


def _split_header(paragraphs: list[list[str]]) -> tuple[dict, list[list[str]]]:
    """Take the outlet, headline, byline and date off the top of a plain text article.

    A "By ..." line is the byline, the line before it the headline, a line before
    that the outlet or section. Without a byline, a first block of one or two short
    lines is the header. Anything else at the top is the story: no title.
    """
    header = {"title": None, "byline": None, "outlet": None, "published": None}
    if not paragraphs:
        return header, paragraphs
    first, rest = paragraphs[0], paragraphs[1:]
    no_blank_lines = not rest
    lead = []
    for line in first[:3]:
        if not _is_header_line(line):
            break
        lead.append(line)
    by = next((i for i, line in enumerate(lead) if _is_byline(line)), None)
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
        return header, _one_line_each(paragraphs)
    if not body_paragraphs:  # a header and nothing else: that was the story
        return {key: None for key in header}, _one_line_each(paragraphs)
    if no_blank_lines:
        body_paragraphs = _one_line_each([[line for lines in body_paragraphs for line in lines]])
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
    if _is_byline(block[0]) and len(block) <= 2 and (len(block) == 1 or _date_of(block[1])):
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
    return _words(line) <= 5 and not line.endswith((".", ";", ":", "?", "!", ","))


def _looks_like_title_line(lines: list[str]) -> bool:
    """In text without blank lines, a short first line followed by a new paragraph is a headline.

    A first line that runs on into a lowercase second line is a wrapped paragraph.
    """
    if len(lines) < 2 or not _is_header_line(lines[0]) or lines[0].endswith((":", "-", "–", "—")):
        return False
    return not lines[1][0].islower()


# --- HTML ------------------------------------------------------------------------------


def _read_html(path, html: str) -> Article:
    """The story of a web page, found by trafilatura (offline: nothing is fetched)."""
    import trafilatura

    options = dict(include_comments=False, include_tables=False, favor_precision=True, with_metadata=True)
    try:
        document = trafilatura.bare_extraction(html, **options)
    except Exception as error:  # a malformed page must not stop a batch
        raise ArticleError(path, f"could not parse HTML ({type(error).__name__}: {error})")
    if document is None or not (document.text or "").strip():
        raise ArticleError(path, "no article text found in the HTML")
    title = _one_line(document.title)
    byline = _byline(document.author)
    # trafilatura puts one paragraph on each line
    paragraphs = [[line] for line in _lines(document.text) if line]
    if paragraphs and title and paragraphs[0][0] == title:
        paragraphs = paragraphs[1:]
    if paragraphs and _is_byline(paragraphs[0][0]):
        byline = byline or paragraphs[0][0]
        paragraphs = paragraphs[1:]
    return Article(
        id=_file_id(path),
        title=title,
        text=_body(path, paragraphs),
        byline=byline,
        outlet=_one_line(document.sitename),
        published=_one_line(document.date),
        url=_web_url(document.url),
        source_file=str(path),
    )


# --- JSON and JSON lines ---------------------------------------------------------------


def _read_json(path, text: str, warn: Warn) -> Iterator[Article]:
    """One object is one article (id from the file name); a list holds many (ids from url or title)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(path, f"not valid JSON ({error})")
    if isinstance(data, dict):
        yield _article_from_record(path, data, _file_id(path), where=None)
        return
    if not isinstance(data, list):
        raise ArticleError(path, f"expected a JSON object or a list of objects, not {type(data).__name__}")
    ids = _Ids(path)
    read = 0
    for number, record in enumerate(data, 1):
        try:
            article = _article_from_record(path, record, None, where=f"item {number}")
        except ArticleError as error:
            warn(f"{error}, skipped")
            continue
        article.id = ids.unique(record, number)
        read += 1
        yield article
    if not read:
        raise ArticleError(path, "no articles in the list" if not data else f"no readable articles ({len(data)} skipped)")


def _read_jsonl(path, warn: Warn) -> Iterator[Article]:
    """One article a line, read line by line so big archives need little memory; broken lines are skipped."""
    head = _head(path)
    if _is_binary(head):
        raise ArticleError(path, "binary file, not text")
    ids = _Ids(path)
    read = skipped = 0
    seen_text = warned_encoding = False
    with open(path, "rb") as f:
        for number, raw in enumerate(f, 1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            seen_text = True
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                messages: list[str] = []
                line = _decode(raw, messages.append)
                if messages and not warned_encoding:
                    warn(f"{path} line {number}: {messages[0]}")
                    warned_encoding = True
            try:
                record = json.loads(line)
                article = _article_from_record(path, record, None, where=None, line=number)
            except json.JSONDecodeError as error:
                skipped += 1
                warn(f"{ArticleError(path, f'not valid JSON ({error.msg} at column {error.colno})', number)}, skipped")
                continue
            except ArticleError as error:
                skipped += 1
                warn(f"{error}, skipped")
                continue
            article.id = ids.unique(record, number)
            read += 1
            yield article
    if not seen_text:
        raise ArticleError(path, "empty file" if not head else "empty file (only whitespace)")
    if not read:
        raise ArticleError(path, f"no readable articles ({skipped} line{'s' if skipped != 1 else ''} skipped)")


def _article_from_record(path, record, article_id, where: str | None, line: int | None = None) -> Article:
    def problem(reason):
        return ArticleError(path, f"{where}: {reason}" if where else reason, line)

    if not isinstance(record, dict):
        raise problem(f"expected a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise problem('no "text"')
    if _too_long(len(text)):
        raise problem(_too_long(len(text)))
    try:
        body = _body(path, _one_line_each(_paragraphs(text)))
    except ArticleError:
        raise problem("no article text left after cleaning") from None
    title = _one_line(record.get("title"))
    paragraphs = body.split("\n\n")
    if title and len(paragraphs) > 1 and paragraphs[0] == title:  # text that repeats its headline
        body = "\n\n".join(paragraphs[1:])
    return Article(
        id=article_id or "",
        title=title,
        text=body,
        byline=_byline(_first(record, "authors", "author", "byline")),
        outlet=_one_line(_first(record, "outlet", "sitename")),
        published=_one_line(_first(record, "published", "date")),
        url=_web_url(record.get("url")),
        source_file=str(path),
    )


def _web_url(value) -> str | None:
    """The article's address if it is a web address; ``javascript:``, ``data:`` and the like are dropped."""
    url = _one_line(value)
    if url is None or urlparse(url).scheme.lower() not in ("http", "https"):
        return None
    return url


def _first(record: dict, *keys):
    for key in keys:
        if record.get(key) not in (None, "", []):
            return record[key]
    return None


def _byline(authors) -> str | None:
    """ "By A and B" from a list of names, a "A; B" string (trafilatura's form) or a byline as written."""
    if authors is None:
        return None
    if isinstance(authors, str):
        if _BYLINE.match(authors.strip()):
            return _one_line(authors)
        authors = authors.split(";")
    elif not isinstance(authors, list):
        authors = [authors]
    names = [_one_line(a.get("name") if isinstance(a, dict) else a) for a in authors]
    names = [n for n in names if n]
    if not names:
        return None
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"By {joined}"


# --- ids -------------------------------------------------------------------------------


def _file_id(path) -> str:
    """A one-article file is known by its name: articles/islamic-state-deir-ezzour.txt -> islamic-state-deir-ezzour."""
    stem = Path(path).stem
    return slugify(stem) or "article-" + hashlib.sha1(stem.encode()).hexdigest()[:10]


def _url_slug(url) -> str:
    if not isinstance(url, str):
        return ""
    route = urlparse(url.strip()).path
    route = re.sub(r"(?:/index)?\.(?:s?html?|php|aspx?|jsp)$", "", route, flags=re.I)
    return slugify(route)


class _Ids:
    """Ids for the articles of a many-article file: from the url path, else the title, else ``<stem>-<n>``.

    ``n`` is the line (or list position), not a count of articles read, so skipping a
    broken line never renames the articles after it. Clashes get -2, -3 in file order.
    """

    def __init__(self, path):
        self.stem = _file_id(path)
        self.used: set[str] = set()

    def unique(self, record: dict, number: int) -> str:
        title = record.get("title")
        candidate = (_url_slug(record.get("url"))
                     or (slugify(title) if isinstance(title, str) else "")
                     or f"{self.stem}-{number}")
        article_id, n = candidate, 1
        while article_id in self.used:
            n += 1
            article_id = f"{candidate}-{n}"
        self.used.add(article_id)
        return article_id
