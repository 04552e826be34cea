"""The catalogue's speakers and organisations, folded from every article's view of them.

Each article says who its sources are (``_speaker_mentions``, ``_organization_mentions``:
``quotecat.rows``). The fold decides who is who across articles and what the catalogue
says of each, in sorted streaming passes over those tables, so memory holds one group
at a time whatever the size of the catalogue:

1. *Who is who* (``_speaker_merge``, ``_organization_merge``: a mention's id -> the
   catalogue's id). A person is their first name and surname: "Donald J. Trump" and
   "Donald Trump" are one, unless the catalogue has the name with two different middle
   initials (George W. and George H. W. Bush are two; "George Bush" goes to the one
   named nine times in ten, else stays apart). A surname alone ("Trump", "Mr. Trump") is
   the person of that surname the catalogue names in full, when three articles in four
   that name one in full name that one. An acronym is the organisation articles spell it
   out as ("World Health Organization (WHO)"); a person's name given as an affiliation
   ("Clinton spokesman ...") is no organisation.
2. The quotes rows take the catalogue's ids; the ids they had are kept in ``_quote_raw``,
   so that ``build --update`` can copy an article's rows and fold again to the very rows a
   full rebuild writes.
3. *What the catalogue says* of each speaker, from all its articles, not the first read:
   the name is the form most articles use and ``forms`` lists every form; role, title and
   affiliation are the ones most articles give (the longest of equals: the most
   specific); ``gender`` is the one the articles with evidence agree on (nine in ten at
   least; the articles with an honorific, a gendered role noun or a kinship word first),
   else unknown, with ``gender_evidence`` saying how many articles said what and which
   words they used. ``source_type`` is a person when any article says so (as ``kind``),
   else the type most articles give (of equals, the more specific: a government over an
   organisation, an unnamed individual over a group), and ``kind`` and ``anonymous``
   follow from it; ``role_class`` is the class most of the articles that give one give,
   unknown when two classes are given equally often.
"""

import json
from collections import Counter
from collections.abc import Iterable, Iterator

import sqlite_utils

from .ids import name_id
from .lexicon.gender import PRONOUNS, SUBJECT_PRONOUN
from .lexicon.titles import ROLE_WORDS, TITLES
from .rows import acronym_of, is_acronym, organization_id, organization_name
from .extract.sources import KIND_OF_SOURCE_TYPE, UNNAMED
from .schema import SCHEMA, insert_sql

# Of the articles that name a surname's people in full, the share the one a bare surname
# goes to must have (and the share of a bare "First Last" the dominant middle initial needs).
SURNAME_SHARE = 0.75
MIDDLE_SHARE = 0.9
# Of the articles with evidence of a person's gender, the share that must agree.
GENDER_SHARE = 0.9
_BATCH = 2000


def fold(db: sqlite_utils.Database) -> tuple[int, int]:
    """Merge, remap the quotes, and write the speakers and organizations tables: (speakers, organisations)."""
    for table in ("_speaker_mentions", "_organization_mentions"):
        db.execute(f"create index if not exists [{table}_id] on [{table}] (id)")
    merge_organizations(db)
    merge_speakers(db)
    remap_quotes(db)
    organizations = fold_organizations(db)
    speakers = fold_speakers(db)
    db.conn.commit()
    return speakers, organizations


# --- 1. who is who ------------------------------------------------------------------------------


def _groups(rows: Iterable, width: int = 1) -> Iterator[tuple[tuple, list]]:
    """Consecutive rows with the same first ``width`` values, as (key, rows)."""
    key: tuple | None = None
    group: list = []
    for row in rows:
        head = tuple(row[:width])
        if head != key:
            if key is not None:
                yield key, group
            key, group = head, []
        group.append(row)
    if key is not None:
        yield key, group


def _insert(db: sqlite_utils.Database, table: str, rows: Iterable[tuple]) -> None:
    """Write ``rows`` into ``table`` in batches (each row once, the first time its id comes)."""
    batch: list[tuple] = []
    sql = f"insert or ignore into [{table}] values ({', '.join('?' * len(SCHEMA[table]))})"
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            db.conn.executemany(sql, batch)
            batch = []
    db.conn.executemany(sql, batch)


def merge_organizations(db: sqlite_utils.Database) -> None:
    """``_organization_merge``: an acronym -> the organisation most articles spell it out as."""
    pairs = db.conn.execute(
        "select id, name, acronym, expansion, source_article from _organization_mentions "
        "where acronym is not null or expansion is not null")
    db.execute("create temp table _acronym_pairs (acronym text, expansion text, source_article text)")
    found = ((organization_id(acronym), org_id, article) if acronym else (org_id, organization_id(expansion), article)
             for org_id, _, acronym, expansion, article in pairs)
    db.conn.executemany("insert into _acronym_pairs values (?, ?, ?)", list(found))

    def merged():
        counted = db.conn.execute(
            "select acronym, expansion, count(distinct source_article) from _acronym_pairs "
            "where acronym != expansion group by acronym, expansion order by acronym, expansion")
        for (acronym,), group in _groups(counted):
            expansion = max(group, key=lambda r: (r[2], r[1]))[1]
            yield acronym, expansion

    _insert(db, "_organization_merge", merged())
    db.execute("drop table _acronym_pairs")
    _insert(db, "_organization_merge", _acronyms_named_once(db))
    # A person is no organisation: "Clinton" in "Clinton spokesman Brian Fallon", "Mrs. Clinton".
    db.execute(
        "insert or ignore into _organization_merge select distinct id, '' from _organization_mentions "
        "where lower(name) in (select surname from _speaker_mentions where person_key is not null) "
        "or lower(name) in (select person_key from _speaker_mentions where person_key is not null) "
        "or lower(name) like 'mr. %' or lower(name) like 'mrs. %' or lower(name) like 'ms. %' order by id")


def _acronyms_named_once(db: sqlite_utils.Database) -> Iterator[tuple[str, str]]:
    """An acronym no article spells out -> the one organisation of the catalogue with those initials
    ("RNC" -> Republican National Committee, "DNC" -> Democratic National Committee: on a catalogue
    of every PolNeAR article both were two organisations). Two names with the same initials: no merge."""
    named = db.conn.execute(
        "select distinct o.id, o.name from _organization_mentions o "
        "where o.id not in (select id from _organization_merge) order by o.id")
    acronyms: dict[str, str] = {}
    spelled: dict[str, set[str]] = {}
    for org_id, name in named:
        if is_acronym(name):
            acronyms[name.replace(".", "").upper()] = org_id
        elif len(name.split()) > 1:
            spelled.setdefault(acronym_of(name), set()).add(org_id)
    for acronym, org_id in sorted(acronyms.items()):
        owners = spelled.get(acronym, set()) - {org_id}
        if len(owners) == 1:
            yield org_id, owners.pop()


def merge_speakers(db: sqlite_utils.Database) -> None:
    """``_speaker_merge``: name variants -> one person, a bare surname -> its person, an acronym's
    organisation speaking -> the organisation."""

    def people():
        counted = db.conn.execute(
            "select person_key, middle, id, count(distinct source_article) from _speaker_mentions "
            "where person_key is not null and article_id is null "
            "group by person_key, middle, id order by person_key, middle, id")
        for (key,), group in _groups(counted):
            first, last = key.split(" ", 1)[0], key.rsplit(" ", 1)[-1]
            middles = Counter()
            for _, middle, _, articles in group:
                if middle:
                    middles[middle] += articles
            whole = name_id(key)
            if len(middles) <= 1:
                canonical = {middle: whole for _, middle, _, _ in group}
            else:
                canonical = {middle: name_id(f"{first} {middle} {last}") for middle in middles}
                top, top_articles = max(middles.items(), key=lambda m: (m[1], m[0]))
                canonical[""] = canonical[top] if top_articles >= MIDDLE_SHARE * sum(middles.values()) else whole
            for _, middle, speaker_id, _ in group:
                yield speaker_id, canonical[middle or ""]

    _insert(db, "_speaker_merge", people())

    def surnames():
        counted = db.conn.execute(
            "select m.surname, coalesce(g.canonical, m.id), count(distinct m.source_article) "
            "from _speaker_mentions m left join _speaker_merge g on g.id = m.id "
            "where m.person_key is not null and m.article_id is null "
            "group by m.surname, coalesce(g.canonical, m.id) order by m.surname")
        for (surname,), group in _groups(counted):
            total = sum(articles for _, _, articles in group)
            _, owner, articles = max(group, key=lambda r: (r[2], r[1]))
            if articles >= SURNAME_SHARE * total:
                yield surname, owner

    db.execute("create temp table _surname_owners (surname text primary key, canonical text)")
    db.conn.executemany("insert into _surname_owners values (?, ?)", surnames())
    db.execute(
        "insert or ignore into _speaker_merge select distinct m.id, o.canonical from _speaker_mentions m "
        "join _surname_owners o on o.surname = m.surname "
        "where m.person_key is null and m.article_id is null order by m.id")
    db.execute("drop table _surname_owners")
    db.execute(
        "insert or ignore into _speaker_merge select distinct m.id, o.canonical from _speaker_mentions m "
        "join _organization_merge o on o.id = m.id where m.kind = 'organization' and o.canonical != '' order by m.id")
    db.execute("delete from _speaker_merge where id = canonical")


# --- 2. the quotes take the catalogue's ids ----------------------------------------------------


def remap_quotes(db: sqlite_utils.Database) -> None:
    """Point the quotes at the catalogue's ids, keeping the ids they had in ``_quote_raw``."""
    db.execute(
        "insert into _quote_raw select id, speaker_id, affiliation_id from quotes "
        "where speaker_id in (select id from _speaker_merge) or affiliation_id in (select id from _organization_merge)")
    db.execute("update quotes set speaker_id = m.canonical from _speaker_merge m where m.id = quotes.speaker_id")
    db.execute("update quotes set affiliation_id = nullif(m.canonical, '') from _organization_merge m "
               "where m.id = quotes.affiliation_id")


# --- 3. what the catalogue says of each --------------------------------------------------------


def _most(counts: dict, prefer=None):
    """The value most articles give (of those ``prefer`` likes, when it likes some); of equals,
    the longest (the most specific), then the first in order."""
    if len(counts) <= 1:  # most speakers are named by one article: nothing to weigh
        return next(iter(counts), None)
    return max(counts, key=lambda v: (bool(prefer(v)) if prefer else 0, counts[v], len(str(v)), str(v)))


def _role_like(role: str) -> bool:
    """Does ``role`` end in a role noun or a title ("White House press secretary"), not in a
    place, a party or a clause the parse left ("Texas", "Republican")? Those are preferred."""
    last = role.split()[-1].lower().strip(",.") if role.split() else ""
    return last in ROLE_WORDS or last in TITLES


# json.dumps(..., ensure_ascii=False) makes a new encoder at every call: one, made once, writes the same.
_json = json.JSONEncoder(ensure_ascii=False).encode


def _forms(counts: dict) -> str:
    """``[[form, articles], ...]``, most used first: every way the articles name the source."""
    return _json(sorted(([form, n] for form, n in counts.items()), key=lambda f: (-f[1], f[0])))


def decide_gender(votes: dict, named: dict | None = None) -> str:
    """woman / man when nine in ten of the articles with evidence agree, else unknown.

    ``named`` counts the articles whose evidence includes an honorific, a gendered role noun or a
    kinship word ("Mrs. Clinton", "the spokeswoman"): when there are any, they decide, since a
    pronoun may have been resolved to the wrong person and a "Mrs." was written by the article.
    """
    for counts in (named, votes):
        with_evidence = counts.get("woman", 0) + counts.get("man", 0) if counts else 0
        if not with_evidence:
            continue
        for value in ("woman", "man"):
            if counts.get(value, 0) >= GENDER_SHARE * with_evidence:
                return value
        return "unknown"
    return "unknown"


# Of two source types given by equally many articles, the one earlier here: the more specific.
SOURCE_TYPE_ORDER = ("person", "government", "media", "organization", "document", "unnamed individual",
                     "unnamed group")


def decide_source_type(counts: dict) -> str | None:
    """A person when any article says so ("Trump said" reads as an organisation where the article
    gives no evidence); else the type most articles give, the more specific of equals."""
    if counts.get("person"):
        return "person"
    given = [t for t in counts if t is not None and counts[t]]
    if not given:
        return None
    return min(given, key=lambda t: (-counts[t], SOURCE_TYPE_ORDER.index(t) if t in SOURCE_TYPE_ORDER else 99))


def decide_role_class(counts: dict) -> str:
    """The class most of the articles that give one give; unknown when none does or two tie."""
    top, most, tied = None, 0, False
    for given, n in counts.items():
        if given is None or given == "unknown":
            continue
        if top is None or n > most:
            top, most, tied = given, n, False
        elif n == most:
            tied = True
    return "unknown" if top is None or tied else top


_MENTION_COLUMNS = ("name", "kind", "source_type", "role_class", "title", "role", "affiliation_id", "anonymous",
                    "pronoun", "description", "article_id", "gender", "gender_evidence", "source_article")


def fold_speakers(db: sqlite_utils.Database) -> int:
    """One speakers row per catalogue id, from all its mentions, in id order.

    The mentions come sorted by id and each is counted as it passes: memory holds the
    tallies of one speaker (a few distinct values each), never their mentions.
    """
    names = [c for c in _MENTION_COLUMNS if c != "affiliation_id"]
    columns = ", ".join(f"m.[{c}]" for c in names)
    cursor = db.conn.execute(
        f"select coalesce(g.canonical, m.id) as cid, nullif(coalesce(o.canonical, m.affiliation_id), ''), {columns} "
        "from _speaker_mentions m left join _speaker_merge g on g.id = m.id "
        "left join _organization_merge o on o.id = m.affiliation_id order by cid, m.rowid")
    count = 0
    batch: list[list] = []
    insert = insert_sql("speakers")
    current: _Speaker | None = None
    for row in cursor:
        if current is None or current.id != row[0]:
            if current is not None:
                batch.append(current.row())
                count += 1
            current = _Speaker(row[0])
        current.add(row)
        if len(batch) >= _BATCH:
            db.conn.executemany(insert, batch)
            batch = []
    if current is not None:
        batch.append(current.row())
        count += 1
    db.conn.executemany(insert, batch)
    return count


def _tally(counts: dict, value) -> None:
    counts[value] = counts.get(value, 0) + 1


class _Speaker:
    """The tallies of one catalogue speaker's mentions (one a row of _speaker_mentions: one article).

    Plain dicts, not Counters: a Counter costs more to make than this speaker's one or two
    mentions cost to count (the fold of 824 real articles: 0.30 -> 0.20 s of CPU).
    """

    __slots__ = ("id", "forms", "kinds", "titles", "roles", "affiliations", "descriptions", "pronouns", "anonymous",
                 "votes", "named", "words", "source_types", "role_classes", "article_id")

    def __init__(self, speaker_id: str):
        self.id = speaker_id
        self.forms: dict = {}
        self.kinds: dict = {}
        self.titles: dict = {}
        self.roles: dict = {}
        self.affiliations: dict = {}
        self.descriptions: dict = {}
        self.pronouns: dict = {}
        self.anonymous: dict = {}
        self.votes: dict = {}
        self.named: dict = {}
        self.words: dict = {}
        self.source_types: dict = {}
        self.role_classes: dict = {}
        self.article_id: str | None = None

    def add(self, m: tuple) -> None:
        """One mention: (catalogue id, affiliation id, *the columns of _MENTION_COLUMNS but affiliation_id)."""
        (_, affiliation_id, name, kind, source_type, role_class, title, role, anonymous, pronoun, description,
         article_id, gender, gender_evidence, _) = m
        _tally(self.forms, name)
        _tally(self.kinds, kind)
        _tally(self.anonymous, anonymous)
        _tally(self.source_types, source_type)
        _tally(self.role_classes, role_class)
        if title is not None:
            _tally(self.titles, title)
        if role is not None:
            _tally(self.roles, role)
        if affiliation_id is not None:
            _tally(self.affiliations, affiliation_id)
        if description is not None:
            _tally(self.descriptions, description)
        if pronoun is not None:
            _tally(self.pronouns, pronoun)
        evidence = json.loads(gender_evidence) if gender_evidence else {}
        words = self.words
        for word, n in evidence.items():
            words[word] = words.get(word, 0) + n
        if gender:
            _tally(self.votes, gender)
            if any(word not in PRONOUNS for word in evidence):
                _tally(self.named, gender)
        self.article_id = self.article_id or article_id

    def row(self) -> list:
        """The speakers row, in SCHEMA order."""
        forms = self.forms
        source_type = decide_source_type(self.source_types)
        # A person when any article says so: "Trump said" reads as an organisation where the article
        # gives no evidence, and it is the same Trump the other articles call "he".
        if source_type is not None:
            kind = KIND_OF_SOURCE_TYPE[source_type]
        else:
            kind = "person" if self.kinds.get("person") else _most(self.kinds)
        person = kind == "person"
        # The name most articles use; for a person, a full name over a bare surname.
        name = max(forms, key=lambda f: (len(f.split()) > 1, forms[f], len(f), f)) if person else _most(forms)
        gender = decide_gender(self.votes, self.named) if person else None
        summary = None
        if person and (self.votes or self.words):
            summary = _json({"articles": dict(sorted(self.votes.items())),
                             "named_articles": dict(sorted(self.named.items())),
                             "words": dict(sorted(self.words.items()))})
        row = {
            "id": self.id, "name": name, "kind": kind, "source_type": source_type,
            "role_class": decide_role_class(self.role_classes) if source_type is not None else None,
            "title": _most(self.titles),
            "role": _most(self.roles, prefer=_role_like), "affiliation_id": _most(self.affiliations),
            # Unnamed individuals and groups only; a source of no type as its articles said.
            "anonymous": int(source_type in UNNAMED) if source_type is not None else int(_most(self.anonymous) or 0),
            "pronoun": SUBJECT_PRONOUN.get(gender or "") if person else _most(self.pronouns),
            "gender": gender, "gender_evidence": summary, "forms": _forms(forms),
            "description": _most(self.descriptions), "article_id": self.article_id,
        }
        return [row[c] for c in SCHEMA["speakers"]]


def fold_organizations(db: sqlite_utils.Database) -> int:
    """One organizations row per catalogue id: named as its own mentions name it most, else as the
    articles spell out the acronym that stands for it. Streams as ``fold_speakers`` does."""
    cursor = db.conn.execute(
        "select coalesce(g.canonical, m.id) as cid, m.id, m.name, m.expansion "
        "from _organization_mentions m left join _organization_merge g on g.id = m.id order by cid, m.rowid")
    count = 0
    batch: list[list] = []
    insert = insert_sql("organizations")
    current: str | None = None
    forms, own, spelled = Counter(), Counter(), Counter()

    def row() -> list:
        return [current, _most(own) or _most(spelled) or _most(forms), _forms(forms)]

    for org_id, mention_id, name, expansion in cursor:
        if org_id != current:
            if current:  # "" is no organisation (merge_organizations)
                batch.append(row())
                count += 1
            current, forms, own, spelled = org_id, Counter(), Counter(), Counter()
        forms[name] += 1
        if mention_id == org_id:
            own[name] += 1
        if expansion:
            spelled[organization_name(expansion)] += 1
        if len(batch) >= _BATCH:
            db.conn.executemany(insert, batch)
            batch = []
    if current:
        batch.append(row())
        count += 1
    db.conn.executemany(insert, batch)
    return count
