"""Read article files into Article objects: plain text, HTML, JSON and JSON lines.

``Article.text`` is what every attribution offset points into, so the reader
decides here, once, what the text of an article is: the header (outlet,
headline, byline) comes off the top, site furniture around the story (comment
forms, share buttons, sign-in boxes, newsletter and cookie prompts, copyright
lines, link lists) is trimmed (``furniture``), and paragraphs are separated by exactly
one blank line. The words of the story are otherwise left as written: quotation
marks, apostrophes and dashes are never rewritten, because the extractor reads
them. One module per format: ``plain``, ``html``, ``records`` (JSON and JSON lines).
"""

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..model import Article
from .files import (
    HTML_MARKUP_FACTOR,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_ARTICLE_CHARS,
    SUFFIXES,
    TEXT_SUFFIXES,
    ArticleError,
    Warn,
    check_size,
    find_files,
    ignore,
    is_binary,
    read_head,
    read_text,
)
from .furniture import furniture
from .html import read_html
from .plain import read_plain
from .records import article_from_record, read_json, read_jsonl

__all__ = ["ArticleError", "MAX_ARTICLE_CHARS", "SUFFIXES", "article_from_record", "find_files", "furniture",
           "iter_articles", "read_file"]


def read_file(path, warn: Warn | None = None) -> list[Article]:
    """Read one file into its articles: one for text and HTML, one or more for JSON.

    Raises ArticleError when the file gives no article; ``warn(message)`` hears
    about problems that were worked around (a broken JSON line skipped, text
    decoded from a legacy encoding).
    """
    return list(_articles(path, warn or ignore))


def iter_articles(
    paths: Iterable, on_error: Callable[[ArticleError], None] | None = None, warn: Warn | None = None
) -> Iterator[Article]:
    """Every article under ``paths``; a file that fails goes to ``on_error`` so one bad file never stops a batch.

    Without ``on_error`` the first ArticleError is raised.
    """
    for path in find_files(paths):
        try:
            yield from _articles(path, warn or ignore)
        except ArticleError as error:
            if on_error is None:
                raise
            on_error(error)


def _articles(path, warn: Warn) -> Iterator[Article]:
    path_ = Path(path)
    if not path_.exists():
        raise ArticleError(path, "no such file")
    if path_.is_dir():
        raise ArticleError(path, "is a directory, not a file")
    suffix = path_.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, warn)
        return
    if suffix not in SUFFIXES:
        if is_binary(read_head(path)):
            raise ArticleError(path, "binary file, not text")
        raise ArticleError(path, f"unsupported file type {suffix or '(no extension)'!r}: expected one of "
                                 + ", ".join(SUFFIXES))
    text = read_text(path, warn)
    if suffix in TEXT_SUFFIXES:
        check_size(path, text)
        yield read_plain(path, text)
    elif suffix in HTML_SUFFIXES:
        check_size(path, text, HTML_MARKUP_FACTOR, "of HTML")
        yield read_html(path, text)
    else:
        yield from read_json(path, text, warn)

