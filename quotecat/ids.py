"""Stable ids, written once: slugs of names, paths, urls and titles.

The same input always gets the same id, across builds and ``--update``: an article is
known by its path relative to the folder given to the build (or, in a many-article file,
by its ``id``, url or title), a source by its name, an organisation by its name. Two
articles whose ids still clash (``Café.txt`` and ``Cafe.txt``) are told apart by the
build: the later one in input order gets ``-2`` (``unique_id``).
"""

import functools
import hashlib
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlparse


def slugify(text: str, max_length: int = 80) -> str:
    """A stable lowercase id: "Café Owner’s “Last Stand”" -> "cafe-owners-last-stand".

    Accents are dropped, letters of other scripts are kept, so every name gets an id.
    """
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    slug = re.sub(r"[\W_]+", "-", re.sub(r"['’]", "", text)).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]  # end on a whole word
        slug = cut.strip("-")
    return slug


def stable_id(text: str, prefix: str = "", digits: int = 12) -> str:
    """The slug of ``text``, or (for text with no letter or digit) ``prefix`` and a digest of it."""
    return slugify(text) or prefix + hashlib.sha1(text.encode()).hexdigest()[:digits]


# Names repeat: 46,220 slugs for 3,642 distinct names in a build of 1,640 real articles, which
# made slugging 10% of the build. A bounded cache keeps memory flat on any corpus.
@functools.lru_cache(maxsize=1 << 16)
def name_id(name: str) -> str:
    """A source's or an organisation's id: "Col. John Dorrian" -> "col-john-dorrian"."""
    return stable_id(name)


def file_id(path) -> str:
    """What the reader names a one-article file by, its name: articles/islamic-state-deir-ezzour.txt -> islamic-state-deir-ezzour."""
    return stable_id(Path(path).stem, prefix="article-", digits=10)


def path_id(relative) -> str:
    """A one-article file as the build names it, by its path relative to the folder given.

    "islamic-state-deir-ezzour.txt" -> "islamic-state-deir-ezzour" (``file_id`` of a file at the
    top of the folder); "2024/05/story.txt" -> "2024-05-story"; a web mirror's
    "news/quarry-road/index.html" -> "news-quarry-road", so its 19 ``index.html`` are 19 articles.
    """
    route = Path(relative).with_suffix("").as_posix()
    if route != "index":
        route = route.removesuffix("/index")
    return stable_id(route, prefix="article-", digits=10)


def unique_id(article_id: str, taken) -> str:
    """``article_id``, or the first of ``article_id-2``, ``-3``, ... for which ``taken(id)`` is false."""
    candidate, n = article_id, 1
    while taken(candidate):
        n += 1
        candidate = f"{article_id}-{n}"
    return candidate


def url_slug(url) -> str:
    """ "https://gazette.example/news/quarry-road.html" -> "news-quarry-road"; "" for no url."""
    if not isinstance(url, str):
        return ""
    route = urlparse(url.strip()).path
    route = re.sub(r"(?:/index)?\.(?:s?html?|php|aspx?|jsp)$", "", route, flags=re.I)
    return slugify(route)


def record_slug(record: dict) -> str:
    """A JSON record's slug: of its url path, else of its title; "" when it has neither."""
    title = record.get("title")
    return url_slug(record.get("url")) or (slugify(title) if isinstance(title, str) else "")


def given_id(record: dict) -> str:
    """The record's own ``id`` (a string or a number), as written; "" when it has none."""
    given = record.get("id")
    if isinstance(given, bool) or not isinstance(given, (str, int)):
        return ""
    return str(given).strip()


def record_id(record: dict, fallback: str = "") -> str:
    """How an article of a many-article file is named, by ``quotecat build`` and by a distributed run alike:
    its ``id``, else the slug of its url path, else of its title, else ``fallback``."""
    found = given_id(record) or record_slug(record) or fallback
    if not found:
        raise ValueError("record has no id, url or title to name it by")
    return found


class UniqueIds:
    """Ids for the articles of a many-article file: ``record_id``, or ``<stem>-<n>`` for a record with nothing to name it by.

    ``n`` is the line (or list position), not a count of articles read, so skipping a
    broken line never renames the articles after it. Clashes get -2, -3 in file order,
    as the build gives them across files (``unique_id``), except that a record with
    the same text as the one that has the id keeps it: the build reports it as a duplicate.
    """

    def __init__(self, path):
        self.stem = file_id(path)
        self.texts: dict[str, bytes] = {}  # id -> digest of the text of the record that has it

    def unique(self, record: dict, number: int) -> str:
        candidate = record_id(record, fallback=f"{self.stem}-{number}")
        text = hashlib.sha1(str(record.get("text")).encode("utf-8", "surrogatepass")).digest()
        if self.texts.setdefault(candidate, text) == text:
            return candidate
        article_id = unique_id(candidate, self.texts.__contains__)
        self.texts[article_id] = text
        return article_id
