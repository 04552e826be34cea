"""JSON and JSON lines: one article an object, with ``title``, ``text`` and any of ``authors``, ``published``,
``url``, ``outlet``; ``article_from_record`` reads one such record, for a file or a distributed run.

Metadata is stored as text only: a field holding an object, a number or ``Infinity``
is left out with a warning instead of being stored as its Python form. A record that
cannot be stored at all (no text, a lone surrogate in its text, nesting too deep for
the parser) is named with its line and skipped; the rest of the file is read.
"""

import codecs
import json
import re
from collections.abc import Iterator
from urllib.parse import urlparse

from ..ids import UniqueIds, file_id
from ..model import Article
from .charsets import decode
from .files import ArticleError, Warn, ignore, is_binary, logical_path, read_head, read_lines, too_long
from .furniture import clean_text
from .metadata import author_name, byline_of, tidy_metadata
from .paragraphs import one_line, one_line_each, split_paragraphs


def read_json(path, text: str, warn: Warn) -> Iterator[Article]:
    """One object is one article (id from the file name); a list holds many (ids from url or title)."""
    data = parse_json(path, text, None)
    if isinstance(data, dict):
        yield article_from_record(path, data, file_id(logical_path(path)), where=None, warn=warn)
        return
    if not isinstance(data, list):
        raise ArticleError(path, f"expected a JSON object or a list of objects, not {type(data).__name__}")
    ids = UniqueIds(logical_path(path))
    read = 0
    for number, record in enumerate(data, 1):
        try:
            article = article_from_record(path, record, None, where=f"item {number}", warn=warn)
        except ArticleError as error:
            warn(f"{error}, skipped")
            continue
        article.id = ids.unique(record, number)
        read += 1
        yield article
    if not read:
        raise ArticleError(path, "no articles in the list" if not data else f"no readable articles ({len(data)} skipped)")


def parse_json(path, text: str, line: int | None):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # error.msg may end in "at" ("Invalid control character at"): the column follows
        reason = f"{error.msg.removesuffix(' at')} at column {error.colno}" if line else str(error)
        raise ArticleError(path, f"not valid JSON ({reason})", line) from None
    except RecursionError:
        raise ArticleError(path, "not readable JSON (nested too deeply)", line) from None


def read_jsonl(stream, path, warn: Warn) -> Iterator[Article]:
    """One article a line, read line by line so big archives need little memory; broken lines are skipped."""
    if is_binary(read_head(stream, path)):
        raise ArticleError(path, "binary file, not text")
    ids = UniqueIds(logical_path(path))
    read = skipped = 0
    seen_bytes = seen_text = warned_encoding = False
    for number, raw in read_lines(stream, path, warn):
        seen_bytes = True
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        seen_text = True
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            messages: list[str] = []
            line = decode(raw, messages.append)
            if messages and not warned_encoding:
                warn(f"{path} line {number}: {messages[0]}")
                warned_encoding = True
        try:
            record = parse_json(path, line, number)
            article = article_from_record(path, record, None, where=None, line=number, warn=warn)
        except ArticleError as error:
            skipped += 1
            warn(f"{error}, skipped")
            continue
        article.id = ids.unique(record, number)
        read += 1
        yield article
    if not seen_text:
        raise ArticleError(path, "empty file" if not seen_bytes else "empty file (only whitespace)")
    if not read:
        raise ArticleError(path, f"no readable articles ({skipped} line{'s' if skipped != 1 else ''} skipped)")


# A lone surrogate ("\ud83d" without its pair) parses into a str that no UTF-8 database can store.
_SURROGATE_CHAR = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and bool(_SURROGATE_CHAR.search(text))  # isascii() is free: CPython records it


def article_from_record(path, record, article_id, where: str | None, line: int | None = None,
                        warn: Warn = ignore) -> Article:
    """The article of one JSON (or CSV) record; ArticleError, naming ``where`` or ``line``, when it has none.

    ``warn`` hears of metadata left out because it is not text.
    """
    def problem(reason):
        return ArticleError(path, f"{where}: {reason}" if where else reason, line)

    def left_out(key, value, why):
        warn(f"{problem(f'{key!r} {why}: left out')}")

    if not isinstance(record, dict):
        raise problem(f"expected a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise problem('no "text"')
    if _has_surrogate(text):
        raise problem('"text" holds a lone surrogate (half of a UTF-16 pair), which is not valid Unicode')
    if too_long(len(text)):
        raise problem(too_long(len(text)))
    try:
        body, trimmed = clean_text(path, one_line_each(split_paragraphs(text)))
    except ArticleError:
        raise problem("no article text left after cleaning") from None

    def field(*keys):
        """The first of ``keys`` holding text; a value of another kind is named and left out."""
        for key in keys:
            value = record.get(key)
            if value is None or value == "" or value == []:
                continue
            if not isinstance(value, str):
                left_out(key, value, f"is {_kind(value)}, not text")
            elif _has_surrogate(value):
                left_out(key, value, "holds a lone surrogate")
            else:
                return value
        return None

    def authors(*keys):
        for key in keys:
            value = record.get(key)
            if value is None or value == "" or value == []:
                continue
            names = value if isinstance(value, list) else [value]
            bad = [a for a in names if not isinstance(author_name(a), str) or _has_surrogate(author_name(a))]
            if bad:
                left_out(key, value, f"holds {_kind(bad[0])}, not a name" if len(bad) == len(names) else
                         f"holds {len(bad)} entr{'y' if len(bad) == 1 else 'ies'} that are not names")
            good = [a for a in names if a not in bad]
            if good:
                return byline_of(good if isinstance(value, list) else good[0])
        return None

    title = one_line(field("title"))
    paragraphs = body.split("\n\n")
    if title and len(paragraphs) > 1 and paragraphs[0] == title:  # text that repeats its headline
        body = "\n\n".join(paragraphs[1:])
    article = Article(
        id=article_id or "",
        title=title,
        text=body,
        byline=authors("authors", "author", "byline"),
        outlet=one_line(field("outlet", "sitename")),
        published=one_line(field("published", "date")),
        url=web_url(field("url")),
        source_file=str(path),
        trimmed_chars=trimmed,
    )
    place = f"{path} line {line}" if line else str(path)
    return tidy_metadata(article, path, warn, f"{place}: {where}" if where else place)


def _kind(value) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def web_url(value) -> str | None:
    """The article's address if it is a web address; ``javascript:``, ``data:`` and the like are dropped."""
    url = one_line(value)
    if url is None or urlparse(url).scheme.lower() not in ("http", "https"):
        return None
    return url
