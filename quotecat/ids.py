"""Stable ids, written once: slugs of names, file names, urls and titles.

The same input always gets the same id, across builds and ``--update``: an article is
known by its file name (or, in a many-article file, its url or title), a source by its
name, an organisation by its name.
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
    """A one-article file is known by its name: articles/islamic-state-deir-ezzour.txt -> islamic-state-deir-ezzour."""
    return stable_id(Path(path).stem, prefix="article-", digits=10)


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


def record_id(record: dict) -> str:
    """The record's ``id``, else its slug (see ``record_slug``): how a distributed run names an article."""
    given = record.get("id")
    if given not in (None, ""):
        return str(given)
    found = record_slug(record)
    if not found:
        raise ValueError("record has no id, url or title to name it by")
    return found


class UniqueIds:
    """Ids for the articles of a many-article file: from the url path, else the title, else ``<stem>-<n>``.

    ``n`` is the line (or list position), not a count of articles read, so skipping a
    broken line never renames the articles after it. Clashes get -2, -3 in file order.
    """

    def __init__(self, path):
        self.stem = file_id(path)
        self.used: set[str] = set()

    def unique(self, record: dict, number: int) -> str:
        candidate = record_slug(record) or f"{self.stem}-{number}"
        article_id, n = candidate, 1
        while article_id in self.used:
            n += 1
            article_id = f"{candidate}-{n}"
        self.used.add(article_id)
        return article_id
