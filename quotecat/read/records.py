"""JSON and JSON lines: one article an object, with ``title``, ``text`` and any of ``authors``, ``published``,
``url``, ``outlet``; ``article_from_record`` reads one such record, for a file or a distributed run."""

import codecs
import json
from collections.abc import Iterator
from urllib.parse import urlparse

from ..ids import UniqueIds, file_id
from ..model import Article
from .files import ArticleError, Warn, decode, is_binary, read_head, too_long
from .furniture import clean_text
from .paragraphs import one_line, one_line_each, split_paragraphs
from .plain import BYLINE


def read_json(path, text: str, warn: Warn) -> Iterator[Article]:
    """One object is one article (id from the file name); a list holds many (ids from url or title)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(path, f"not valid JSON ({error})")
    if isinstance(data, dict):
        yield article_from_record(path, data, file_id(path), where=None)
        return
    if not isinstance(data, list):
        raise ArticleError(path, f"expected a JSON object or a list of objects, not {type(data).__name__}")
    ids = UniqueIds(path)
    read = 0
    for number, record in enumerate(data, 1):
        try:
            article = article_from_record(path, record, None, where=f"item {number}")
        except ArticleError as error:
            warn(f"{error}, skipped")
            continue
        article.id = ids.unique(record, number)
        read += 1
        yield article
    if not read:
        raise ArticleError(path, "no articles in the list" if not data else f"no readable articles ({len(data)} skipped)")


def read_jsonl(path, warn: Warn) -> Iterator[Article]:
    """One article a line, read line by line so big archives need little memory; broken lines are skipped."""
    head = read_head(path)
    if is_binary(head):
        raise ArticleError(path, "binary file, not text")
    ids = UniqueIds(path)
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
                line = decode(raw, messages.append)
                if messages and not warned_encoding:
                    warn(f"{path} line {number}: {messages[0]}")
                    warned_encoding = True
            try:
                record = json.loads(line)
                article = article_from_record(path, record, None, where=None, line=number)
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


def article_from_record(path, record, article_id, where: str | None, line: int | None = None) -> Article:
    def problem(reason):
        return ArticleError(path, f"{where}: {reason}" if where else reason, line)

    if not isinstance(record, dict):
        raise problem(f"expected a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise problem('no "text"')
    if too_long(len(text)):
        raise problem(too_long(len(text)))
    try:
        body = clean_text(path, one_line_each(split_paragraphs(text)))
    except ArticleError:
        raise problem("no article text left after cleaning") from None
    title = one_line(record.get("title"))
    paragraphs = body.split("\n\n")
    if title and len(paragraphs) > 1 and paragraphs[0] == title:  # text that repeats its headline
        body = "\n\n".join(paragraphs[1:])
    return Article(
        id=article_id or "",
        title=title,
        text=body,
        byline=byline_of(_first(record, "authors", "author", "byline")),
        outlet=one_line(_first(record, "outlet", "sitename")),
        published=one_line(_first(record, "published", "date")),
        url=web_url(record.get("url")),
        source_file=str(path),
    )


def web_url(value) -> str | None:
    """The article's address if it is a web address; ``javascript:``, ``data:`` and the like are dropped."""
    url = one_line(value)
    if url is None or urlparse(url).scheme.lower() not in ("http", "https"):
        return None
    return url


def _first(record: dict, *keys):
    for key in keys:
        if record.get(key) not in (None, "", []):
            return record[key]
    return None


def byline_of(authors) -> str | None:
    """ "By A and B" from a list of names, a "A; B" string (trafilatura's form) or a byline as written."""
    if authors is None:
        return None
    if isinstance(authors, str):
        if BYLINE.match(authors.strip()):
            return one_line(authors)
        authors = authors.split(";")
    elif not isinstance(authors, list):
        authors = [authors]
    names = [one_line(a.get("name") if isinstance(a, dict) else a) for a in authors]
    names = [n for n in names if n]
    if not names:
        return None
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"By {joined}"

