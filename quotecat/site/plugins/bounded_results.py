"""No query can make the server hold gigabytes: values and results have a size limit.

Without one, ``select printf('%.*c', 300000000, 'x')`` built a 300 MB value and a
300 MB response, and grew the server from 250 MB to 2 GB. On every connection
Datasette opens (``prepare_connection``), with ``quotecat.serve.RESULT_LIMITS``:

- SQLite's ``SQLITE_LIMIT_LENGTH`` is ``value_bytes``: no string or blob a query reads
  or builds may be longer (``||``, ``replace()``, ``zeroblob()``, ``group_concat()``
  fail with "string or blob too big"). It is well above the longest article the build
  accepts, so every stored value stays readable.
- SQLite 3.40's ``printf()``/``format()`` answer NULL, silently, when their result
  would pass that limit; where the linked SQLite does so, both are replaced by a
  wrapper around SQLite's own that fails with "string or blob too big" instead, at
  once when its widths and precisions alone pass the limit (3 µs a call against
  0.5 µs; a later SQLite that fails by itself keeps its own).
- the text and blobs one query returns are counted as they are read, and the query
  fails with a message naming the limit once they pass ``result_bytes``: rows of values
  each under the limit would otherwise add up (1,000 rows of 5 MB). The count starts
  again with each statement (SQLite's trace callback).

Datasette shows these as query errors (400); on a table page (``?_where=``) it would
answer SQLite's "string or blob too big" with a 500, so ``handle_exception`` makes it
a 400 naming the limit.
"""

import re
import sqlite3
import threading

from datasette import hookimpl
from datasette.handle_exception import handle_exception as datasette_error_page
from datasette.views.base import DatasetteError

from quotecat.serve import RESULT_LIMITS


class ResultTooLarge(sqlite3.OperationalError):
    """A query's rows passed the size limit (an OperationalError: Datasette shows it as a query error)."""


def _decode(data: bytes) -> str:
    return str(data, "utf-8", "replace")  # as Datasette decodes text


def printf_fails_silently(value_bytes: int) -> bool:
    """Whether this SQLite's printf() returns NULL rather than an error past SQLITE_LIMIT_LENGTH."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, value_bytes)
        return conn.execute("select printf('%.*c', ?, 'x') is null", [value_bytes + 1]).fetchone()[0] == 1
    except sqlite3.DataError:
        return False
    finally:
        conn.close()


_PRINTF_FAILS_SILENTLY: dict[int, bool] = {}
# A conversion: flags, width, precision, length, type ("%-10.3f", "%.*c", "%%").
_CONVERSION = re.compile(r"%([-+ 0#,!]*)(\*|\d*)(?:\.(\*|\d*))?(l{0,2})(.)", re.S)
_TRUNCATING = set("sqQwz")  # a precision that only cuts a string short


def printf_padding(args: tuple) -> int:
    """The characters printf() would write for its widths and precisions alone: a lower bound of its length.

    SQLite 3.40 keeps repeating ``%.Nc`` N times after the result is known to be too
    long (4.6 s for N = 300,000,000, and no time limit can stop a function call).
    """
    if not args or not isinstance(args[0], str):
        return 0
    values, total = iter(args[1:]), 0

    def number(spec: str) -> int:
        if spec == "*":
            try:
                return abs(int(next(values, 0) or 0))
            except (TypeError, ValueError):
                return 0
        return int(spec) if spec else 0

    for match in _CONVERSION.finditer(args[0]):
        width, precision, kind = number(match.group(2)), number(match.group(3) or ""), match.group(5)
        total += max(width, 0 if kind in _TRUNCATING else precision)
        if kind != "%":
            next(values, None)
    return total


def _checked_printf(value_bytes: int):
    """printf() that fails with "string or blob too big" where SQLite 3.40's returns NULL for a result too long."""
    local = threading.local()  # one helper connection per thread: the function runs in the query's thread
    too_long = "x" * (value_bytes + 1)  # returned, SQLite refuses it with its own error (ASCII: never copied)

    def printf(*args):
        if printf_padding(args) > value_bytes:
            return too_long
        helper = getattr(local, "conn", None)
        if helper is None:
            helper = local.conn = sqlite3.connect(":memory:")
            helper.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, value_bytes)
            helper.text_factory = _decode
        result = helper.execute(f"select printf({', '.join('?' * len(args))})", args).fetchone()[0]
        if result is None and args and args[0] is not None:
            return too_long
        return result

    return printf


def limit_results(conn, result_bytes: int) -> None:
    """Fail a statement whose rows hold more than ``result_bytes`` of text and blobs."""
    counted = [0]

    def start(statement):  # SQLite calls this as each statement starts
        counted[0] = 0

    def over():
        raise ResultTooLarge(
            f"The query's results are larger than {result_bytes / 1e6:,.0f} MB, the most this site returns "
            "for one query: ask for fewer rows (LIMIT, _size=) or shorter values (substr())."
        )

    def text(data: bytes) -> str:
        counted[0] += len(data)
        if counted[0] > result_bytes:
            over()
        return _decode(data)

    make_row = conn.row_factory or (lambda cursor, values: values)

    def row(cursor, values):
        if bytes in map(type, values):  # text was counted as it was decoded; blobs only come whole
            counted[0] += sum(len(v) for v in values if type(v) is bytes)
            if counted[0] > result_bytes:
                over()
        return make_row(cursor, values)

    conn.set_trace_callback(start)
    conn.text_factory = text
    conn.row_factory = row


@hookimpl
def prepare_connection(conn):
    value_bytes, result_bytes = RESULT_LIMITS["value_bytes"], RESULT_LIMITS["result_bytes"]
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, value_bytes)
    if value_bytes not in _PRINTF_FAILS_SILENTLY:
        _PRINTF_FAILS_SILENTLY[value_bytes] = printf_fails_silently(value_bytes)
    if _PRINTF_FAILS_SILENTLY[value_bytes]:
        printf = _checked_printf(value_bytes)
        conn.create_function("printf", -1, printf, deterministic=True)
        conn.create_function("format", -1, printf, deterministic=True)
    limit_results(conn, result_bytes)


@hookimpl
def handle_exception(datasette, request, exception):
    if isinstance(exception, sqlite3.DataError) and "too big" in str(exception):
        limit = RESULT_LIMITS["value_bytes"] / 1e6
        message = (f"{exception}: a value in this query would be longer than {limit:,.0f} MB, "
                   "the most this site lets one value be")
        return datasette_error_page(datasette, request, DatasetteError(message, title="Value too long", status=400))
    return None
