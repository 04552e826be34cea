"""Bytes to text: UTF-8 above all, one bad byte repaired where it stands, a detector only for files in a legacy encoding.

One stray byte must not decide how a whole file is read: decoded as cp1252, a UTF-8
file's curly quotes become ``â€œ`` and stop being quotation marks (with one byte
appended to each of 82 real articles, direct quotes fell from 382 to 191). So a file
that is mostly UTF-8 is read as UTF-8 and only its bad bytes are replaced, with a
warning giving their byte offsets. A file that is mostly not UTF-8 is in a legacy
encoding: a web page says which (``<meta charset>``), anything else goes to
chardetng, the detector Firefox uses for unlabelled pages.

chardetng was chosen by measurement: on 223 real news articles re-encoded as cp1252 it
named the encoding of all 223 (chardet 220, charset-normalizer 193, which guesses
cp1250 for French and cp1252 for Polish), and of Russian (cp1251, KOI8-R), Greek,
Polish, German and Japanese (Shift_JIS) samples, in well under a millisecond.
"""

import codecs
import re
import threading

from .files import Warn

# Fewer bad bytes than this are repaired in place even in a file with no other
# non-ASCII character: the detector has nothing to go on, and every single-byte
# legacy encoding reads the ASCII around them the same.
_FEW_BAD = 4
# Warnings give the offsets of the first few bad bytes.
_OFFSETS_SHOWN = 3

_local = threading.local()


def _repair(error: UnicodeError) -> tuple[str, int]:
    """A lone bad byte inside the text is most likely a legacy (cp1252) character: "café" with a Latin-1 é;
    a cut-off UTF-8 sequence, or any bad byte at the very end, becomes U+FFFD."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start:error.end]
    replacement = "\ufffd"
    if len(byte) == 1 and error.reason != "unexpected end of data":
        try:
            replacement = byte.decode("cp1252")
        except UnicodeDecodeError:
            pass
    _local.bad.append((error.start, replacement))
    return replacement, error.end


codecs.register_error("quotecat-repair", _repair)


def decode(data: bytes, warn: Warn, declared: str | None = None) -> str:
    """Text from bytes: a BOM's encoding; else UTF-8; else ``declared`` (a web page's own charset); else
    UTF-8 with the bad bytes repaired when it is mostly UTF-8; else the encoding chardetng detects.

    ``warn`` hears of every file that was not clean UTF-8, with the byte offsets of the repairs.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        text = data.decode(declared, errors="replace")
        if "\ufffd" in text:
            warn(f"not valid {declared} (the encoding the page declares): bad bytes replaced with U+FFFD")
        return text
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    _local.bad = []
    try:
        text = data[skip:].decode("utf-8", errors="quotecat-repair")
        bad = _local.bad
    finally:
        _local.bad = None
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - len(bad)
    if len(bad) <= non_ascii or len(bad) < _FEW_BAD:
        shown = ", ".join(f"{offset + skip:,}" for offset, _ in bad[:_OFFSETS_SHOWN])
        more = f" and {len(bad) - _OFFSETS_SHOWN:,} more" if len(bad) > _OFFSETS_SHOWN else ""
        replaced = {replacement == "\ufffd" for _, replacement in bad}
        how = ("replaced with U+FFFD" if replaced == {True} else "read as cp1252" if replaced == {False}
               else "read as cp1252 where a lone byte, else replaced with U+FFFD")
        warn(f"not valid UTF-8 at byte{'s' if len(bad) > 1 else ''} {shown}{more} ({how}); the rest read as UTF-8")
        return text
    encoding = detect(data)
    warn(f"not valid UTF-8, decoded as {encoding} (detected)")
    return data.decode(encoding, errors="replace")


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]


def detect(data: bytes) -> str:
    """The legacy encoding of ``data``, as a Python codec name (cp1252 when unsure)."""
    import chardetng_py

    return codec(chardetng_py.detect(data)) or "cp1252"


# Labels that the web uses for a larger encoding than their Python namesake (the WHATWG
# Encoding Standard): a page labelled iso-8859-1 is decoded as windows-1252, and so on.
_WEB_CODECS = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949", "big5": "big5hkscs", "iso-8859-8-i": "iso8859-8", "x-mac-cyrillic": "mac-cyrillic",
    # A page that says UTF-16 in its ASCII-readable <meta> is not UTF-16.
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
}


def codec(label: str | None) -> str | None:
    """The Python codec for an encoding label ("Windows-1251", "Shift_JIS"), or None for an unknown one."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        return codecs.lookup(_WEB_CODECS.get(label, label)).name
    except LookupError:
        return None


_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""  # <meta charset=...>, http-equiv content="...; charset=..."
    rb"""|<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""",  # an XHTML page's XML declaration
    re.I,
)
# Browsers look for the declaration in the first 1,024 bytes; pages saved from the web put
# long scripts before it, so a little more is read.
_DECLARATION_BYTES = 8192


def declared_charset(data: bytes) -> str | None:
    """The Python codec an HTML page declares in its head (``<meta charset>``, http-equiv, or ``<?xml encoding>``)."""
    match = _META_CHARSET.search(data, 0, _DECLARATION_BYTES)
    if not match:
        return None
    return codec((match.group(1) or match.group(2)).decode("ascii"))


_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like_html(data: bytes) -> bool:
    """A web page saved as .txt: it opens with a doctype or an <html>, <head> or <body> tag."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    return bool(_HTML_START.match(data, 0, _DECLARATION_BYTES))
