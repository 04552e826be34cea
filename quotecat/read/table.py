"""CSV: one article a row, its columns found by name in the header, or named with ``--columns``.

Read a line at a time like JSON lines, so a big export needs little memory; a row
that cannot be an article (too few or too many fields, no text) is named by its line
and skipped. Each row becomes a record for ``article_from_record``, so a CSV article
is read, cleaned and named exactly as the same article in JSON lines.
"""

import codecs
import csv
import itertools
import re
from collections.abc import Iterator

from ..ids import UniqueIds
from ..model import Article
from .charsets import decode
from .files import MAX_RECORD_BYTES, ArticleError, Warn, is_binary, logical_path, read_head, read_lines
from .records import article_from_record

# The header names looked for, per field, in this order (case, spaces and hyphens ignored).
COLUMN_NAMES = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "url": ("url",),
    "published": ("published", "date", "publish_date"),
    "outlet": ("outlet", "source", "media_name"),
    "authors": ("authors", "byline"),
}


def parse_columns(spec: str) -> dict[str, str]:
    """ "title=Headline,text=Story body" -> {"title": "Headline", "text": "Story body"}; ValueError when malformed."""
    columns = {}
    for part in spec.split(","):
        field, equals, name = part.partition("=")
        field, name = field.strip().lower(), name.strip()
        if not equals or not name:
            raise ValueError(f"{part.strip()!r} is not FIELD=COLUMN")
        if field not in COLUMN_NAMES:
            raise ValueError(f"unknown field {field!r}: expected one of {', '.join(COLUMN_NAMES)}")
        columns[field] = name
    return columns


def _normal(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def column_indexes(path, header: list[str], columns: dict[str, str] | None) -> dict[str, int]:
    """Each field's column in ``header``: as named in ``columns``, else the first of COLUMN_NAMES present."""
    position: dict[str, int] = {}
    for index, name in enumerate(header):
        position.setdefault(_normal(name), index)
    shown = ", ".join(repr(name) for name in header)
    indexes = {}
    for field, names in COLUMN_NAMES.items():
        if columns and field in columns:
            if _normal(columns[field]) not in position:
                raise ArticleError(path, f"no column {columns[field]!r} for {field} (the header has {shown})", 1)
            indexes[field] = position[_normal(columns[field])]
            continue
        found = next((position[name] for name in names if name in position), None)
        if found is not None:
            indexes[field] = found
    if "text" not in indexes:
        raise ArticleError(path, f"no text column (looked for {', '.join(COLUMN_NAMES['text'])}; name it with "
                                 f"--columns text=NAME); the header has {shown}", 1)
    return indexes


def read_csv(stream, path, warn: Warn, columns: dict[str, str] | None = None) -> Iterator[Article]:
    """One article a row; the first row is the header."""
    if is_binary(read_head(stream, path)):
        raise ArticleError(path, "binary file, not text")
    position = [0]  # the physical line last handed to the csv reader
    lines = _text_lines(stream, path, warn, position)
    first = next(lines, None)
    while first is not None and not first.strip():
        first = next(lines, None)
    if first is None:
        raise ArticleError(path, "empty file")
    # A header with no comma but tabs or semicolons says which separator the file uses.
    delimiter = "," if "," in first else "\t" if "\t" in first else ";" if ";" in first else ","
    if csv.field_size_limit() < MAX_RECORD_BYTES:
        csv.field_size_limit(MAX_RECORD_BYTES)  # the default, 131,072 characters, is shorter than long reads
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    header = next(reader)
    indexes = column_indexes(path, header, columns)
    ids = UniqueIds(logical_path(path))
    read = skipped = 0
    while True:
        start = position[0] + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            skipped += 1
            warn(f"{ArticleError(path, f'not valid CSV ({error})', start)}, skipped")
            continue
        if not any(cell.strip() for cell in row):
            continue
        try:
            if len(row) != len(header):
                raise ArticleError(path, f"{len(row)} fields, the header has {len(header)}", start)
            record = {field: row[index] for field, index in indexes.items()}
            article = article_from_record(path, record, None, where=None, line=start, warn=warn)
        except ArticleError as error:
            skipped += 1
            warn(f"{error}, skipped")
            continue
        article.id = ids.unique(record, start)
        read += 1
        yield article
    if not read:
        raise ArticleError(path, f"no readable articles ({skipped} row{'s' if skipped != 1 else ''} skipped)"
                           if skipped else "no articles (only a header)")


def _text_lines(stream, path, warn: Warn, position: list[int]) -> Iterator[str]:
    warned = False
    for number, raw in read_lines(stream, path, warn):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            messages: list[str] = []
            line = decode(raw, messages.append)
            if messages and not warned:
                warn(f"{path} line {number}: {messages[0]}")
                warned = True
        position[0] = number
        yield line
