"""Files to bytes: which files are articles, found in folders, and opened safely, with a clear error for the rest.

Nothing here reads more than it must: a file's type and size are checked (``fstat``)
before a byte is read, a file is never read past its cap plus one byte, and a FIFO,
a device or a socket is refused without blocking on it.
"""

import bz2
import codecs
import contextlib
import gzip
import lzma
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
# A build's corrections at the top of an input folder (quotecat.corrections): passed over, not an article.
CORRECTIONS_FILES = ("corrections.yaml", "corrections.yml")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + CSV_SUFFIXES
# Archives are shipped compressed: x.jsonl.gz, x.txt.bz2, x.csv.xz are read as x.jsonl, x.txt, x.csv.
COMPRESSED: dict[str, Callable[[BinaryIO], Any]] = {
    ".gz": lambda f: gzip.GzipFile(fileobj=f), ".bz2": bz2.BZ2File, ".xz": lzma.LZMAFile}
_FORMATS = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"), **dict.fromkeys(HTML_SUFFIXES, "html"),
    **dict.fromkeys(JSON_SUFFIXES, "json"), **dict.fromkeys(JSONL_SUFFIXES, "jsonl"),
    **dict.fromkeys(CSV_SUFFIXES, "csv"),
}

Warn = Callable[[str], None]

# How much of a file to look at when deciding whether it is text at all.
_SNIFF_BYTES = 8192
# A text file has almost no control characters; binaries that avoid NUL bytes have plenty.
_MAX_CONTROL_SHARE = 0.05
# The longest news stories (long reads, full transcripts) run to a few hundred thousand
# characters. An "article" far past that is a dump of many stories or not an article at
# all; it is skipped with a clear reason rather than tying up a build for hours.
MAX_ARTICLE_CHARS = 1_000_000
# Web pages carry markup around the story: allow this many times more before parsing.
HTML_MARKUP_FACTOR = 5
# Byte caps, checked with stat before reading and again while reading (cap plus one byte):
# a character takes at most 4 bytes in UTF-8, so a longer text file cannot be one article.
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS
MAX_HTML_BYTES = HTML_MARKUP_FACTOR * MAX_TEXT_BYTES
# One JSON line, or one CSV record, holds one article: JSON may escape a character as
# \uXXXX (6 bytes), and the line carries metadata too.
MAX_RECORD_BYTES = 8 * MAX_ARTICLE_CHARS
# A .json file is parsed whole (a list of articles): past this, JSON lines, read a line
# at a time, is the format to use.
MAX_JSON_BYTES = 256 * 1024 * 1024


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


def ignore(message) -> None:
    pass


def file_format(name) -> tuple[str | None, str | None]:
    """("text" / "html" / "json" / "jsonl" / "csv" or None, the compression suffix or None) from a file name or path."""
    lower = os.fspath(name).lower()
    compression = next((suffix for suffix in COMPRESSED if lower.endswith(suffix)), None)
    if compression:
        lower = lower[: -len(compression)]
    return _FORMATS.get(os.path.splitext(lower)[1]), compression


def logical_path(path):
    """The file as if uncompressed (x.txt.gz -> x.txt): what its article id is made from."""
    return Path(path).with_suffix("") if file_format(path)[1] else path


def unsupported(name) -> str:
    """The reason a file of an unsupported type is skipped; the summary groups skips by the words before the suffix."""
    lower = str(name).lower()
    compression = next((suffix for suffix in COMPRESSED if lower.endswith(suffix)), "")
    suffix = os.path.splitext(lower[: len(lower) - len(compression)])[1] + compression
    expected = ", ".join(SUFFIXES)
    return (f"unsupported file type {suffix or '(no extension)'} (expected one of {expected}, "
            f"or one of them compressed: {', '.join(COMPRESSED)})")


# --- finding files ---------------------------------------------------------------------


def find_files(paths: Iterable, on_skip: Callable[[ArticleError], None] | None = None) -> list[Path]:
    """The article files under ``paths``, in a stable order, so that builds are repeatable.

    Folders are searched recursively, following symbolic links to folders (each folder
    is read once, so a link that loops back is harmless), skipping hidden files and
    folders. Every other file and folder that is not read goes to ``on_skip`` with its
    reason: a file of an unsupported type, an unreadable folder, a folder already read.
    A file named explicitly is kept whatever its extension, so that ``read_file`` can
    say why it cannot be read instead of it vanishing.
    """
    found: dict[Path, None] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.update(dict.fromkeys(_walk(path, on_skip or ignore)))
        else:
            found[path] = None
    return list(found)


def _walk(root: Path, on_skip: Callable[[ArticleError], None]) -> list[Path]:
    """Depth-first with a stack, not recursion: a tree 1,100 folders deep is just a long walk."""
    files = []
    read: dict[tuple[int, int], Path] = {}  # (device, inode) of each folder read -> its path
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)  # skips are reported in a stable order
        except OSError as error:
            on_skip(ArticleError(folder, f"unreadable folder ({error.strerror or error})"))
            continue
        key = (info.st_dev, info.st_ino)
        if key in read:
            on_skip(ArticleError(folder, f"folder already read (a link to {read[key]})"))
            continue
        read[key] = folder
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()  # follows a symbolic link
            except OSError:
                is_folder = False
            if is_folder:
                subfolders.append(Path(entry.path))
            elif folder == root and entry.name in CORRECTIONS_FILES:
                continue  # the build's corrections (quotecat.corrections), not an article
            elif file_format(entry.name)[0]:
                files.append(Path(entry.path))
            else:
                on_skip(ArticleError(entry.path, unsupported(entry.name)))
        stack.extend(sorted(subfolders, reverse=True))
    return sorted(files)


# --- opening and reading ---------------------------------------------------------------

_NOT_REGULAR = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def open_file(path) -> tuple[BinaryIO, int]:
    """The open file and its size, once fstat shows a regular file.

    Opened non-blocking, so a FIFO named ``.txt`` is refused instead of waiting forever
    for a writer; checked on the open file, so nothing can swap it in between.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise ArticleError(path, _cannot_read(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ArticleError(path, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            what = next((name for test, name in _NOT_REGULAR if test(info.st_mode)), "not a file")
            raise ArticleError(path, f"not a regular file ({what})")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), info.st_size
    except BaseException:
        os.close(fd)
        raise


def _cannot_read(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    return f"cannot read: {error.strerror or error}"


# What a damaged compressed file raises while being read.
DECOMPRESS_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error)


@contextlib.contextmanager
def open_stream(path, compression: str | None) -> Iterator[BinaryIO]:
    """A regular file for reading, decompressed as it is read (``compression``: .gz, .bz2, .xz or None)."""
    f, _ = open_file(path)
    with f:
        if not compression:
            yield f
            return
        with COMPRESSED[compression](f) as stream:
            yield stream  # type: ignore[misc]


def read_bytes(path, cap: int, what: str, compression: str | None = None) -> bytes:
    """The file's bytes, refused by its size before reading when over ``cap``; never more than ``cap`` + 1 read."""
    f, size = open_file(path)
    with f:
        if compression:
            try:
                data = COMPRESSED[compression](f).read(cap + 1)
            except DECOMPRESS_ERRORS as error:
                raise ArticleError(path, damaged(path, error)) from None
        elif size > cap:
            raise ArticleError(path, too_big(size, cap, what))
        else:
            # What stat says, plus a byte to see a file that grew since: read(cap + 1) would
            # allocate the whole cap (4 MB) for every file, a third of the time to read a .txt.
            data = f.read(size + 1)
            if len(data) > size:
                data += f.read(cap - len(data) + 1)
    if len(data) > cap:
        raise ArticleError(path, too_big(len(data), cap, what, at_least=True))
    return data


def damaged(path, error: Exception) -> str:
    return f"damaged {file_format(path)[1]} file ({error})"


_ARTICLE_ADVICE = (f"an article holds at most {MAX_ARTICLE_CHARS:,} characters: "
                   "split it into articles, e.g. one JSON line each")
_JSON_ADVICE = "write JSON lines instead, one article a line, which is read a line at a time"


def too_big(size: int, cap: int, what: str, at_least: bool = False) -> str:
    advice = _JSON_ADVICE if what == "one JSON file" else _ARTICLE_ADVICE
    return (f"too long for {what}: {'at least ' if at_least else ''}{size:,} bytes"
            f"{' once decompressed' if at_least else ''}, more than {cap:,} ({advice})")


def read_lines(stream: BinaryIO, path, warn: Warn, cap: int = MAX_RECORD_BYTES):
    """(line number, bytes) for each line of a stream, each read with at most ``cap`` + 1 bytes in memory.

    A longer line is named and skipped (its bytes are read and dropped in pieces); a
    compressed file that ends early or is damaged stops with a warning, keeping the
    lines before.
    """
    number = 0
    try:
        while True:
            raw = stream.readline(cap + 1)
            if not raw:
                return
            number += 1
            if len(raw) > cap and not raw.endswith(b"\n"):
                while True:  # drop the rest of the line
                    rest = stream.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
                warn(f"{ArticleError(path, f'longer than {cap:,} bytes, too long for one article', number)}, skipped")
                continue
            yield number, raw
    except DECOMPRESS_ERRORS as error:
        warn(f"{ArticleError(path, damaged(path, error), number + 1)}: the rest of the file is skipped")


def read_head(stream: BinaryIO, path) -> bytes:
    """The first bytes of a stream, without consuming them."""
    try:
        return stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]  # type: ignore[attr-defined]
    except DECOMPRESS_ERRORS as error:
        raise ArticleError(path, damaged(path, error)) from None


def sniff(path) -> bytes:
    """The first bytes of a regular file: enough to tell text from binary."""
    f, _ = open_file(path)
    with f:
        return f.read(_SNIFF_BYTES)


# Control bytes as is_binary counts them: below 32 or DEL, except the tab, line breaks,
# form feed and DOS end-of-file mark that text files do use.
_CONTROL_BYTES = bytes(byte for byte in range(256) if (byte < 32 and byte not in b"\t\n\r\f\v\x1a") or byte == 127)


def is_binary(sample: bytes) -> bool:
    """NUL bytes, or many control characters, mean this is not a text file."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    # Counted by deleting them in C: a Python loop over the bytes took a third of the time to read a .txt file.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * _MAX_CONTROL_SHARE


def check_bytes(path, data: bytes) -> None:
    if not data:
        raise ArticleError(path, "empty file")
    if is_binary(data[:_SNIFF_BYTES]):
        raise ArticleError(path, "binary file, not text")


def too_long(length: int, factor: int = 1, what: str = "") -> str | None:
    limit = MAX_ARTICLE_CHARS * factor
    if length <= limit:
        return None
    return (f"too long for one article: {length:,} characters{' ' + what if what else ''}, "
            f"more than {limit:,} (split it into articles, e.g. one JSON line each)")


def check_size(path, text: str, factor: int = 1, what: str = "") -> None:
    reason = too_long(len(text), factor, what)
    if reason:
        raise ArticleError(path, reason)
