"""Files to text: which files are articles, and their bytes decoded, with a clear error for the rest."""

import codecs
import os
from collections.abc import Callable, Iterable
from pathlib import Path

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
# The longest news stories (long reads, full transcripts) run to a few hundred thousand
# characters. An "article" far past that is a dump of many stories or not an article at
# all; it is skipped with a clear reason rather than tying up a build for hours.
MAX_ARTICLE_CHARS = 1_000_000
# Web pages carry markup around the story: allow this many times more before parsing.
HTML_MARKUP_FACTOR = 5


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


def ignore(message: str) -> None:
    pass



def read_head(path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(_SNIFF_BYTES)
    except OSError as error:
        raise ArticleError(path, f"cannot read: {error.strerror or error}")


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


def read_text(path, warn: Warn) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot read: {error.strerror or error}")
    if not data:
        raise ArticleError(path, "empty file")
    if is_binary(data[:_SNIFF_BYTES]):
        raise ArticleError(path, "binary file, not text")
    text = decode(data, lambda message: warn(f"{path}: {message}"))
    if not text.strip():
        raise ArticleError(path, "empty file (only whitespace)")
    return text


def decode(data: bytes, warn: Warn) -> str:
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

