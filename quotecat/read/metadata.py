"""Outlet and date, the same way for every format: ``published`` as an ISO 8601 date, ``outlet`` tidied by one rule.

``published`` is the calendar date as the source wrote it ("2016-09-12"; "2016-09" or
"2016" when that is all it gives), never shifted to another time zone. A date the
rules below cannot read for certain is left out with a warning rather than guessed:
"04/03/2016" is April 3 or March 4. With no date in the article or its metadata, a
date in the file's path or name is used (``date_in_path``).

``outlet`` is tidied, not identified: spacing and surrounding separators go, a web
address becomes its host in lower case without "www." ("https://www.NYTimes.com/..."
-> "nytimes.com"), a social media handle ("@nytimes") is not a name, and with no
outlet at all the host of the article's url stands in. A name keeps its own case
(no rule tells "BBC NEWS" from "THE TIMES"), and different names are never merged:
"nytimes.com", "The New York Times" and "NYT" stay three outlets.
"""

import datetime
import os
import re
from urllib.parse import urlparse

from ..model import Article
from .files import Warn
from .paragraphs import count_words, one_line

BYLINE = re.compile(r"^(?:By|BY|by):?\s+[A-Z\u00c0-\u024f]")
_MAX_BYLINE_WORDS = 12


def is_byline(line: str) -> bool:
    """ "By Maria Abi-Habib and Nour Alakraa", not "By the fall of 2010, ..."."""
    return bool(BYLINE.match(line)) and count_words(line) <= _MAX_BYLINE_WORDS



_MONTHS = {name: number for number, names in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")], 1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# The forms read, tried in this order; each must hold a real calendar date.
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d])")  # 2016-09-12, 2016-09-12T10:00:00Z
_COMPACT = re.compile(r"(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})")  # 20160912, the whole value
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})(?!\d)")  # 2016/09/12
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>\d{4})(?!\d)")  # 12/09/2016: day or month first?
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})\b", re.I)  # Sept. 12, 2016
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I)  # 12 Sep 2016
_MONTH_YEAR = re.compile(rf"^{_MONTH},?\s+(?P<year>\d{{4}})$", re.I)  # September 2016
_YEAR_MONTH = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2}))?$")  # 2016, 2016-09


def iso_date(value: str | None) -> tuple[str | None, str | None]:
    """(the ISO 8601 date, None) or (None, why it is not read) for a date as sources write it."""
    if value is None:
        return None, None
    value = " ".join(value.split())
    if not value:
        return None, None
    match = _ISO.match(value) or _COMPACT.fullmatch(value) or _YEAR_FIRST.match(value)
    if match:
        return _date(match["year"], match["month"], match["day"])
    match = _NUMERIC.match(value)
    if match:
        a, b = int(match["a"]), int(match["b"])
        if a <= 12 and b <= 12 and a != b:
            return None, "day and month could be either way round"
        day, month = (a, b) if a > 12 else (b, a)
        return _date(match["year"], month, day)
    match = _MONTH_DAY.search(value) or _DAY_MONTH.search(value)
    if match:
        return _date(match["year"], _MONTHS[match["month"].lower()], match["day"])
    match = _MONTH_YEAR.match(value)
    if match:
        return f"{int(match['year']):04d}-{_MONTHS[match['month'].lower()]:02d}", None
    match = _YEAR_MONTH.match(value)
    if match and 1000 <= int(match["year"]) <= 2999 and (match["month"] is None or 1 <= int(match["month"]) <= 12):
        return value, None
    return None, "not a date in a form quotecat reads"


def _date(year, month, day) -> tuple[str | None, str | None]:
    try:
        date = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None, "not a calendar date"
    if not 1000 <= date.year <= 2999:
        return None, "not a calendar date"
    return date.isoformat(), None


# In a path, a date is four-digit year, month and day: 2016-09-12, 2016_09_12, the
# folders 2016/09/12, or 20160912 standing alone (not part of a longer number).
_PATH_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<sep>[-_/]?)(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?!\d)")


def date_in_path(path) -> str | None:
    """The date nearest the file name in ``path``: "news/2016/09/12/story.txt" -> "2016-09-12"."""
    if path is None:
        return None
    for match in reversed(list(_PATH_DATE.finditer(os.fspath(path)))):
        date, _ = _date(match["year"], match["month"], match["day"])
        if date:
            return date
    return None


_SEPARATORS = " \t|-–—:·•,;"
_HOST = re.compile(r"^(?:https?://)?(?:www\d?\.)?(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})(?:[:/?#].*)?$", re.I)


def outlet_name(value: str | None, url: str | None = None) -> str | None:
    """The outlet by the rule in this module's docstring: tidied, never guessed."""
    name = " ".join(value.split()).strip(_SEPARATORS) if value else ""
    if name.startswith("@"):  # a social media handle (trafilatura falls back to twitter:site), not a name
        name = ""
    host = _HOST.match(name)
    if host:
        return _bare_host(host["host"])
    if name:
        return name
    if url:
        host_name = urlparse(url).hostname
        return _bare_host(host_name) if host_name else None
    return None


def _bare_host(host: str) -> str:
    host = host.lower()
    return re.sub(r"^www\d?\.", "", host)


def tidy_metadata(article: Article, path, warn: Warn, where: str) -> Article:
    """``published`` as ISO 8601 (else the date in the path), ``outlet`` by the rule; ``where`` names the article in warnings."""
    published, problem = iso_date(article.published)
    if problem:
        warn(f"{where}: published {article.published!r} left out ({problem})")
    article.published = published or date_in_path(path)
    article.outlet = outlet_name(article.outlet, article.url)
    return article


def byline_of(authors) -> str | None:
    """ "By A and B" from a list of names (or of {"name": ...} objects), an "A; B" string (trafilatura's form)
    or a byline as written. Only text counts: anything else in the list is passed over."""
    if authors is None:
        return None
    if isinstance(authors, str):
        if BYLINE.match(authors.strip()):
            return one_line(authors)
        authors = authors.split(";")
    elif not isinstance(authors, list):
        return None
    names = [name for name in (one_line(author_name(a)) for a in authors) if name]
    if not names:
        return None
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"By {joined}"


def author_name(author) -> str | None:
    """An author's name: the text itself, or the "name" of an object; None for anything else."""
    name = author.get("name") if isinstance(author, dict) else author
    return name if isinstance(name, str) else None
