"""Read article files into Article objects: plain text, HTML, JSON, JSON lines and CSV, any of them compressed.

``Article.text`` is what every attribution offset points into, so the reader
decides here, once, what the text of an article is: the header (outlet,
headline, byline) comes off the top, site furniture around the story (comment
forms, share buttons, sign-in boxes, newsletter and cookie prompts, copyright
lines, link lists) is trimmed (``furniture``), and paragraphs are separated by exactly
one blank line. The words of the story are otherwise left as written: quotation
marks, apostrophes and dashes are never rewritten, because the extractor reads
them. One module per format: ``plain``, ``html``, ``records`` (JSON and JSON lines),
``table`` (CSV); ``files`` finds and opens files, ``charsets`` decodes them,
``metadata`` makes outlet and date the same for every format.
"""

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..model import Article
from .charsets import declared_charset, decode, looks_like_html
from .files import (
    HTML_MARKUP_FACTOR,
    MAX_ARTICLE_CHARS,
    MAX_HTML_BYTES,
    MAX_JSON_BYTES,
    MAX_TEXT_BYTES,
    SUFFIXES,
    ArticleError,
    Warn,
    check_bytes,
    check_size,
    file_format,
    find_files,
    ignore,
    is_binary,
    logical_path,
    open_stream,
    read_bytes,
    sniff,
    unsupported,
)
from .furniture import furniture
from .html import read_html
from .plain import read_plain
from .records import article_from_record, read_json, read_jsonl
from .table import COLUMN_NAMES, parse_columns, read_csv

__all__ = ["ArticleError", "COLUMN_NAMES", "MAX_ARTICLE_CHARS", "SUFFIXES", "article_from_record", "find_files",
           "furniture", "iter_articles", "logical_path", "parse_columns", "read_file"]

Columns = dict[str, str] | None


def read_file(path, warn: Warn | None = None, columns: Columns = None) -> list[Article]:
    """Read one file into its articles: one for text and HTML, one or more for JSON, JSON lines and CSV.

    Raises ArticleError when the file gives no article; ``warn(message)`` hears
    about problems that were worked around (a broken JSON line or CSV row skipped,
    bad bytes repaired). ``columns`` maps fields to a CSV file's own column names.
    """
    return list(_articles(path, warn or ignore, columns))


def iter_articles(
    paths: Iterable, on_error: Callable[[ArticleError], None] | None = None, warn: Warn | None = None,
    columns: Columns = None,
) -> Iterator[Article]:
    """Every article under ``paths``; a file that fails goes to ``on_error`` so one bad file never stops a batch.

    Files and folders that ``find_files`` passes over (unsupported types, unreadable
    folders) go to ``on_error`` too. Without ``on_error`` the first ArticleError is raised.
    """
    def fail(error: ArticleError) -> None:
        if on_error is None:
            raise error
        on_error(error)

    for path in find_files(paths, on_skip=fail):
        try:
            yield from _articles(path, warn or ignore, columns)
        except ArticleError as error:
            fail(error)


def _articles(path, warn: Warn, columns: Columns = None) -> Iterator[Article]:
    path = Path(path)
    kind, compression = file_format(path)
    if kind is None:
        raise _unsupported(path)
    if kind in ("jsonl", "csv"):
        with open_stream(path, compression) as stream:
            if kind == "jsonl":
                yield from read_jsonl(stream, path, warn)
            else:
                yield from read_csv(stream, path, warn, columns)
        return
    if kind == "json":
        data = read_bytes(path, MAX_JSON_BYTES, "one JSON file", compression)
        check_bytes(path, data)
        yield from read_json(path, _text(path, data, warn), warn)
        return
    data = read_bytes(path, MAX_HTML_BYTES if kind == "html" else MAX_TEXT_BYTES, "one article", compression)
    check_bytes(path, data)
    if kind == "text" and looks_like_html(data):
        warn(f"{path}: holds a web page, read as HTML")
        kind = "html"
    if kind == "html":
        html = _text(path, data, warn, declared_charset(data))
        check_size(path, html, HTML_MARKUP_FACTOR, "of HTML")
        yield read_html(path, html, warn)
    else:
        text = _text(path, data, warn)
        check_size(path, text)
        yield read_plain(path, text, warn)


def _text(path, data: bytes, warn: Warn, declared: str | None = None) -> str:
    text = decode(data, lambda message: warn(f"{path}: {message}"), declared)
    if not text.strip():
        raise ArticleError(path, "empty file (only whitespace)")
    return text


def _unsupported(path: Path) -> ArticleError:
    """A file named explicitly that is no article format: binary, a folder, missing, or text of another kind."""
    if path.is_dir():
        return ArticleError(path, "is a directory, not a file")
    try:
        data = sniff(path)
    except ArticleError as error:
        return error
    if data and is_binary(data):
        return ArticleError(path, "binary file, not text")
    return ArticleError(path, unsupported(path.name))
