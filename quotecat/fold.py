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
4. *Descriptions the article left unresolved* ("the Florida senator") go to the person of the
   article whom the catalogue's articles describe with every word of it, the latest named before;
   the row's source is then a person, not anonymous.
5. *He and she checked against the catalogue*: a row whose speaker the article calls "he" or
   "she" (or "Mr."/"Mrs.") and whom the catalogue knows as the other gender takes the person of
   that gender named last before it in the article, else no speaker (the mention is kept).
6. A person never speaks for their own name: "Francis said" read as an organisation in one article
   is Pope Francis in the others, and "Francis" is no affiliation of his.
7. *An affiliation the catalogue agrees on* fills a person's rows whose article gives none: the
   speaker's affiliation (step 3) when at least two articles give it and more than half of the
   articles that give the person any affiliation give that one ("Sen. X (D-Vt.)" in most articles,
   just "X said" in this one). A row whose article gives one keeps it.
"""

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator

import sqlite_utils

from .ids import name_id
from .lexicon.function_words import FUNCTION_WORDS, NUMBER_WORDS, OPENER_STARTS
from .lexicon.gender import HONORIFICS, PRONOUNS, SUBJECT_PRONOUN
from .lexicon.names import NAME_PREFIXES
from .lexicon.organizations import (ACRONYM_SKIPS, DOCUMENT_WORDS, GOVERNING_EXTRA, GOVERNMENT_BODIES,
                                     GOVERNMENT_NAMES, NAME_SMALL_WORDS, ORG_WORDS, ORGANIZATION_NOUNS,
                                     NOT_GOVERNING, PERSON_PREFIXES, PLACE_BODIES, PLACE_LEVELS)
from .lexicon.outlets import OUTLETS
from .lexicon.role_classes import OFFICIAL, POLITICIAN
from .lexicon.places import CAPITALS, COUNTRIES, DEMONYMS, US_STATE_ABBREVIATIONS, US_STATES
from .lexicon.titles import ROLE_WORDS, TITLE_ROLES, TITLES
from .rows import acronym_of, is_acronym, organization_id, organization_name, person_key
from .extract.sources import KIND_OF_SOURCE_TYPE, UNNAMED, _country_of, _government
from .schema import SCHEMA, insert_sql

# Of the articles that name a surname's people in full, the share the one a bare surname
# goes to must have (and the share of a bare "First Last" the dominant middle initial needs).
SURNAME_SHARE = 0.75
MIDDLE_SHARE = 0.9
# The articles that must name "<Surname> campaign" for a bare "<Surname>" affiliation to be it.
CAMPAIGN_ARTICLES = 5
# Of the articles that give a person an affiliation, how many (and more than what share) must
# give the catalogue's one for it to fill the rows whose article gives none: a majority (two in
# three left Bernie Sanders, US Senate in 24 of 39 such articles, without one in 378 rows).
AFFILIATION_ARTICLES = 2
AFFILIATION_SHARE = 1 / 2
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
    resolve_descriptions(db)
    relink_pronouns(db)  # after: a "she" the article gave to "the Florida senator" is not his
    drop_own_names(db)
    drop_places(db)
    fill_affiliations(db)
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
    # A person is no organisation: "Clinton" in "Clinton spokesman Brian Fallon", "Mrs. Clinton"; a bare
    # surname when more articles name a person of it in full than name the organisation (one
    # "Wilayat Twitter" read as a person's name had made Twitter no organisation in every article
    # of the PolNeAR catalogue).
    db.execute("create temp table _person_words as select surname as word, count(distinct source_article) as articles "
               "from _speaker_mentions where person_key is not null group by surname")
    db.execute("create temp table _organization_articles as select lower(name) as word, "
               "count(distinct source_article) as articles from _organization_mentions group by lower(name)")
    # ... but the campaign of that person, where the catalogue has it ("Clinton spokesman", "a Clinton
    # surrogate" -> Clinton campaign), and "Hillary Clinton campaign" is the Clinton campaign.
    db.execute("create temp table _campaigns as select lower(replace(name, ' campaign', '')) as surname, id, "
               "count(distinct source_article) as articles from _organization_mentions "
               "where name like '% campaign' and name not like '% % campaign' group by id "
               f"having count(distinct source_article) >= {CAMPAIGN_ARTICLES}")
    db.execute(
        "insert or ignore into _organization_merge select distinct m.id, c.id from _organization_mentions m "
        "join _organization_articles o on o.word = lower(m.name) join _person_words p on p.word = lower(m.name) "
        "join _campaigns c on c.surname = lower(m.name) where p.articles >= o.articles and m.id != c.id order by m.id")
    db.execute(
        "insert or ignore into _organization_merge select distinct m.id, c.id from _organization_mentions m "
        "join _campaigns c on lower(m.name) like '% ' || c.surname || ' campaign' "
        "where lower(replace(m.name, ' campaign', '')) in (select person_key from _speaker_mentions "
        "where person_key is not null) and m.id != c.id order by m.id")
    db.execute("drop table _campaigns")
    _insert(db, "_organization_merge", no_organizations(db))
    db.execute(
        "insert or ignore into _organization_merge select distinct m.id, '' from _organization_mentions m "
        "join _organization_articles o on o.word = lower(m.name) join _person_words p on p.word = lower(m.name) "
        "where p.articles >= o.articles order by m.id")
    db.execute(
        "insert or ignore into _organization_merge select distinct id, '' from _organization_mentions "
        "where lower(name) in (select person_key from _speaker_mentions where person_key is not null) "
        "or lower(name) like 'mr. %' or lower(name) like 'mrs. %' or lower(name) like 'ms. %' order by id")
    db.execute("drop table _person_words")
    db.execute("drop table _organization_articles")
    # A merge into a name merged in its turn ("U.S" -> United States -> US government) goes to the end.
    for _ in range(3):
        db.execute("update _organization_merge set canonical = m.canonical from _organization_merge m "
                   "where m.id = _organization_merge.canonical and m.id != _organization_merge.id")
    db.execute("delete from _organization_merge where id = canonical")


def _acronyms_named_once(db: sqlite_utils.Database) -> Iterator[tuple[str, str]]:
    """An acronym no article spells out -> the organisation of the catalogue with those initials
    that the acronym's articles write out most often ("DNC" -> Democratic National Committee, in 4
    of its 4 articles; Democratic National Convention in none). With no article writing any of them
    out, the one such organisation whose name ends in a body's head word ("Harbour Traders
    Association"), not a show or a slogan ("RT" is not "Real Time"). Of equals, no merge: which is
    meant is not known."""
    named = db.conn.execute(
        "select distinct o.id, o.name from _organization_mentions o "
        "where o.id not in (select id from _organization_merge) order by o.id")
    acronyms: dict[str, set[str]] = {}
    spelled: dict[str, dict[str, set[str]]] = {}
    for org_id, name in named:
        if is_acronym(name):
            acronyms.setdefault(name.replace(".", "").upper(), set()).add(org_id)
        elif len(name.split()) > 1:
            spelled.setdefault(acronym_of(name), {}).setdefault(org_id, set()).add(name)
    for acronym, ids in sorted(acronyms.items()):
        owners = {o: names for o, names in spelled.get(acronym, {}).items() if o not in ids}
        if not owners:
            continue
        together: Counter = Counter()
        for (text,) in db.conn.execute(
                "select text from articles where id in (select distinct source_article from _organization_mentions "
                f"where id in ({', '.join('?' * len(ids))}))", sorted(ids)):
            together.update(o for o, names in owners.items() if any(n in text for n in names))
        ranked = together.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            owner = ranked[0][0]
        elif not ranked and len(owners) == 1 and _body_head(next(iter(next(iter(owners.values()))))):
            owner = next(iter(owners))
        else:
            continue
        for org_id in sorted(ids):
            yield org_id, owner


def _body_head(name: str) -> bool:
    """Has ``name`` a word that heads a body's name ("... Association", "... Institute of Technology")?"""
    return any(w in ORG_WORDS or w in GOVERNMENT_BODIES or w in ORGANIZATION_NOUNS for w in name.lower().split())


def no_organizations(db: sqlite_utils.Database) -> Iterator[tuple[str, str]]:
    """Names an article read as an organisation that the catalogue shows are not one -> '' (no
    organisation), or a generic body's name -> the one organisation of the catalogue it is short for:

    - text run together ("BushASSOCIATED PRESSOhio"), a title inside the name ("Atlantic City
      Mayor Jo Bell", "Texas and Gov. Jo Bell of Ohio"), words of a clause or a headline ("Jo Bell
      failed to ...", "KILLED IN DEADLY ..."): a description or a sentence, not a body;
    - a person's name: a person the catalogue quotes ("George W. Bush"), a first name several of
      its people have, alone or before a capitalised word ("Bernie", "Gary X"), the first name or
      surname of a person the same article quotes, a surname the article writes after a first
      name the catalogue's people have in most of the articles that give it ("Rachel Maddow"); a
      much-quoted person's surname ending the name or possessed at its start ("Los Angeles-area
      Sanders", "Trump's Indiana") or their full name inside a body's ("State Hillary Clinton
      Department"); a demonym for people ("Americans"); a document ("15-count complaint by ...");
    - a common word the article writes in lower case as often as capitalised inside a sentence
      ("Budget", "Law", "Political"), a function word, a number, a verb or adverb form never
      capitalised inside a sentence ("Asked", "Virtually"): a heading or a sentence's first word;
    - a body every place has ("City Council", "District Court"): the catalogue's one "<Place>
      City Council" when it has exactly one and every article of the short name names that place,
      else no organisation;
    - a country is its government where the catalogue names that ("Russia" -> Russian government),
      and "<First Last> campaign" the catalogue's "<Last> campaign".
    Outlets, government bodies by name, countries and US states are names whatever the counts."""
    named = db.conn.execute(
        "select id, name, group_concat(distinct source_article) from _organization_mentions "
        "where id not in (select id from _organization_merge) group by id order by id").fetchall()
    # The people the catalogue names as a person in more articles than the name is an organisation's.
    people = dict(db.conn.execute(
        "select person_key, count(distinct source_article) from _speaker_mentions where person_key is not null "
        "and kind = 'person' group by person_key"))
    everyone = set(people)
    # A first name: the first word of the names of several of them, never a place's or a body's name.
    firsts = Counter(key.split()[0] for key in people if " " in key)
    places = {p.lower() for p in COUNTRIES | US_STATES | set(CAPITALS)}
    # ... and not a body's name more articles give than people have it ("Washington" Post-...).
    bodies = dict(db.conn.execute(
        "select lower(name), count(distinct source_article) from _organization_mentions group by lower(name)"))
    first_names = {first: n for first, n in firsts.items() if first not in places and bodies.get(first, 0) < n}
    given_names = {first for first, n in first_names.items() if n >= GIVEN_NAME_PEOPLE}
    people = {key: n for key, n in people.items()
              if " " in key and (key.split()[0] in given_names or n >= NAMED_ARTICLES)}
    quoted: dict[str, set[str]] = {}  # article -> the first names and surnames of the people it quotes
    for article, key, surname in db.conn.execute(
            "select source_article, person_key, surname from _speaker_mentions where person_key is not null"):
        if key in people:
            quoted.setdefault(article, set()).update({key.split()[0], surname})
    kept = OUTLETS | GOVERNMENT_NAMES | COUNTRIES | US_STATES
    surnames = {key.rsplit(" ", 1)[-1] for key in people}
    famous = {key for key, n in people.items() if n >= NAMED_ARTICLES}
    famous_surnames = {key.rsplit(" ", 1)[-1] for key in famous}
    famous_firsts = {key.split()[0] for key in famous}
    names_by_id = {org_id: name for org_id, name, _ in named}
    texts: dict[str, str] = {}

    def text_of(article: str) -> str:
        if article not in texts:
            row = db.conn.execute("select text from articles where id = ?", [article]).fetchone()
            texts[article] = row[0] if row else ""
        return texts[article]

    for org_id, name, articles in named:
        words = name.split()
        if organization_id(name) != org_id and organization_id(name) in names_by_id:
            yield org_id, organization_id(name)  # "The Associated Press" as a group's id: the Associated Press
            continue
        country = _country_of(name)
        if country and organization_id(_government(country)) in names_by_id:
            yield org_id, organization_id(_government(country))  # "Russia" is the Russian government
            continue
        if not words or name in kept:
            continue
        if _RUN_TOGETHER.search(name) or _title_inside(words) or _clause(words):
            yield org_id, ""
        elif len(words) > 2 and words[-1] == "campaign" and person_key(" ".join(words[:-1]))[1] in everyone:
            # "Democrat Jane Roe campaign", "Jane Roe's 2008 campaign": the catalogue's Roe campaign
            surname = organization_id(person_key(" ".join(words[:-1]))[2] + " campaign")
            if surname in names_by_id:
                yield org_id, surname
        elif len(words) > 1:
            key, _, surname, _ = person_key(name)
            if any(w.islower() and w in DOCUMENT_WORDS for w in words):
                yield org_id, ""  # "a 15-count complaint by ...", "Washington Post analysis of ...": a document
            elif _body_head(name):
                if any(pair in famous for pair in _pairs(words[1:-1])):
                    yield org_id, ""  # "State Jane Roe Department": a person's name run into a body's
                elif len(words) == 2 and words[0].lower() in PLACE_LEVELS and words[1].lower() in PLACE_BODIES:
                    longer = [o for o, n in names_by_id.items() if n.endswith(" " + name) and o != org_id]
                    place = names_by_id[longer[0]][:-len(name)].strip() if len(longer) == 1 else ""
                    # ... and only where every article of the short name names that place: New York's
                    # "City Council" is not St. Paul's.
                    yield org_id, longer[0] if place and all(place in text_of(a) for a in articles.split(",")) else ""
            elif (people.get(key or "", 0) > max(len(articles.split(",")), PERSON_ARTICLES - 1)
                  or key in people and key.split()[0] in given_names
                  or len(words) <= 3 and key and key.split()[0] in given_names
                  and (surname in surnames or len(words) == 2 and words[1][:1].isupper())
                  or _fold_word(words[-1]) in famous_surnames and not words[-1].endswith(("'s", "’s"))
                  or _POSSESSIVE.search(words[0]) and _fold_word(words[0]) in famous_surnames):
                # "George W. Bush", "Jo Quist" (a first name and a surname), "Los Angeles-area Roe",
                # "Roe's Indiana": a person or their state
                yield org_id, ""
        elif not is_acronym(name):
            lowered = _fold_word(name)
            sources = articles.split(",")
            if (name.endswith("s") and lowered[:-1] in DEMONYMS
                    or lowered in given_names or lowered in famous_firsts
                    or 2 * sum(lowered in quoted.get(a, ()) for a in sources) > len(sources)):
                yield org_id, ""
                continue
            after_given = lower = capitalised = 0
            for article in sources:
                text = text_of(article)
                given = False
                for start, end in _whole_words(text, name):
                    written = text[start:end]
                    before, after = text[max(0, start - 20):start], text[end:end + 2]
                    if written == name.lower():
                        # not part of an address: "twitter.com", "@amazon"
                        lower += not (before[-1:] in _ADDRESS_MARKS or after[:1] in _ADDRESS_MARKS and
                                      (after[:1] != "." or after[1:2].isalnum()))
                    elif written == name and before.endswith(" "):
                        capitalised += before[-2:-1].islower() or before[-2:-1] in (",", ";")
                        last = before.split()[-1:]
                        given = given or bool(last and last[0][:1].isupper()
                                              and first_names.get(last[0].lower(), 0) >= FIRST_NAME_PEOPLE)
                after_given += given
            # A function word, a number, or a verb or adverb form the articles never write with a
            # capital inside a sentence ("Asked", "Speaking", "Virtually"): a sentence's first word.
            opener = lowered in FUNCTION_WORDS or lowered in OPENER_STARTS or all(
                part in NUMBER_WORDS for part in lowered.split("-")) or not capitalised and lowered.endswith(
                ("ed", "ing", "ly"))
            if 2 * after_given > len(sources) or lower and lower >= capitalised or opener:
                yield org_id, ""


_ADDRESS_MARKS = frozenset("./@-_")


# Names are looked for in the texts of their articles with str.find, not a regex a name: compiling
# 490 patterns, and scanning with the case-insensitive ones (which test every character), made
# merge_organizations 0.138 s of CPU on 906 real articles (0.092 without) and drop_places 0.078 s
# (0.028). Both give the regex's matches exactly (tests/test_fold.py compares them); where they
# could not, the regex runs.


def _word_char(text: str, i: int) -> bool:
    r"""Is ``text[i]`` a character ``\w`` matches (str patterns: Unicode's letters, digits and "_")?"""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _boundary(text: str, i: int) -> bool:
    r"""Does ``\b`` match at ``i``?"""
    return _word_char(text, i - 1) != _word_char(text, i)


# The characters besides ASCII ones that a case-insensitive regex matches to an ASCII letter ("ſ" to
# "s", the Kelvin sign to "k", dotted and dotless i); "İ" is also the one character lower() lengthens.
_FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"


def _whole_words(text: str, name: str) -> Iterator[tuple[int, int]]:
    r"""The spans of ``re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)``."""
    if not name.isascii() or any(c in text for c in _FOLDED_TO_ASCII):
        yield from (m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE))
        return
    lowered, wanted = text.lower(), name.lower()
    at = lowered.find(wanted)
    while at >= 0:
        end = at + len(wanted)
        if _boundary(text, at) and _boundary(text, end):
            yield at, end
            at = lowered.find(wanted, end)
        else:
            at = lowered.find(wanted, at + 1)


def _written(text: str, name: str) -> Iterator[bool]:
    r"""For each match of ``rf"\b(in )?{re.escape(name)}\b"`` in ``text``, whether "in " opens it
    (the str.find way for a name that begins with a capital, which no "in " can overlap)."""
    if not name[:1].isupper():
        yield from (m.group(1) is not None for m in re.finditer(rf"\b(in )?{re.escape(name)}\b", text))
        return
    searched = 0  # where the regex would look for the next match
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if _boundary(text, end):
            opened = at - 3 >= searched and text.startswith("in ", at - 3) and _boundary(text, at - 3)
            if opened or _boundary(text, at):
                yield opened
                searched = end
                at = text.find(name, end)
                continue
        at = text.find(name, at + 1)


# A lower-case letter run into a capitalised word ("BushASSOCIATED"): text of two fields run together.
_RUN_TOGETHER = re.compile(r"[a-z][A-Z]{3,}")
# Of the catalogue's people, how many must have a first name for it to count as one; in how many
# articles (and more than the name is an organisation's in) a person must be named to be no organisation.
GIVEN_NAME_PEOPLE = 3
# ... and before a surname the article writes ("Rachel Maddow").
FIRST_NAME_PEOPLE = 2
PERSON_ARTICLES = 2
# ... or named as a person in this many articles whatever the first name ("Bernie Sanders").
NAMED_ARTICLES = 5


def _fold_word(word: str) -> str:
    return _POSSESSIVE.sub("", word).lower()


_POSSESSIVE = re.compile(r"['’]s?$")


def _pairs(words: list[str]) -> Iterator[str]:
    """The two-word runs of ``words``, folded: where a person's "first last" may be."""
    for first, last in zip(words, words[1:]):
        yield f"{_fold_word(first)} {_fold_word(last)}"


def _clause(words: list[str]) -> bool:
    """Words of a sentence, not a name: a verb form in lower case ("Jo Bell failed to ..."), three
    lower-case words that are neither small words nor a body's head ("... also lacks his support"), or
    two capitalised headline words ("KILLED IN DEADLY ...")."""
    lower = [w.strip(",.;:") for w in words if w[:1].islower()]
    content = [w for w in lower if w not in ACRONYM_SKIPS and w not in NAME_SMALL_WORDS and not _body_head(w)]
    shouted = [w for w in words if len(w) >= 5 and w.isalpha() and w.isupper()]
    return (any(w.endswith(("ed", "ing")) and not _body_head(w) for w in content) or len(content) >= 3
            or len(shouted) >= 2)


def _title(lowered: str) -> bool:
    return lowered in TITLES or lowered.rstrip(".") + "." in TITLES


def _title_inside(words: list[str]) -> bool:
    """A title or a name's prefix inside the name, before a capitalised word that heads no body:
    "Atlantic City Mayor Jo Bell", "Texas and Gov. Jo Bell" (not "Justice Department")."""
    for word, after in zip(words[1:], words[2:]):
        lowered = word.lower()
        if (_title(lowered) or lowered in PERSON_PREFIXES) and after[:1].isupper() and not _body_head(after) \
                and not _title(after.lower()):
            return True
    return False


def _headline_names(db: sqlite_utils.Database) -> Iterator[tuple[str, str]]:
    """A name of four words or more that ends in the name of a person other articles name
    ("Rates Fall Ted Cruz", "Ferry Fares Rise Again Chris Christie": a title-case headline run
    into the name) -> that person."""
    known = dict(db.conn.execute(
        "select person_key, count(distinct source_article) from _speaker_mentions where person_key is not null "
        "group by person_key having count(distinct source_article) >= 2"))
    long = db.conn.execute(
        "select distinct m.id, m.name from _speaker_mentions m where m.person_key is not null "
        "and m.article_id is null and m.name like '% % % %' order by m.id")
    for speaker_id, name in long:
        words = name.split()
        for n in (3, 2):
            tail = person_key(" ".join(words[-n:]))[1]
            if tail in known and len(words) > n:
                yield speaker_id, name_id(tail)
                break


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

    _insert(db, "_speaker_merge", _headline_names(db))
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
        "insert into _quote_raw select id, speaker_id, affiliation_id, anonymous, source_type from quotes "
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
    organizations = dict(db.conn.execute("select id, name from organizations"))
    for row in cursor:
        if current is None or current.id != row[0]:
            if current is not None:
                batch.append(current.row(organizations.get(current.id)))
                count += 1
            current = _Speaker(row[0])
        current.add(row)
        if len(batch) >= _BATCH:
            db.conn.executemany(insert, batch)
            batch = []
    if current is not None:
        batch.append(current.row(organizations.get(current.id)))
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

    def row(self, organization: str | None = None) -> list:
        """The speakers row, in SCHEMA order; ``organization``: the catalogue's name for the
        organisation of this id, if it is one ("DNC" speaks as the Democratic National Committee)."""
        forms = self.forms
        types = self.source_types
        if organization is not None and 2 * types.get("person", 0) < sum(n for t, n in types.items() if t):
            # An organisation of the catalogue that one article in several read as a person ("U.S said").
            types = {t: n for t, n in types.items() if t != "person"}
        source_type = decide_source_type(types)
        # A person when any article says so: "Trump said" reads as an organisation where the article
        # gives no evidence, and it is the same Trump the other articles call "he".
        if source_type is not None:
            kind = KIND_OF_SOURCE_TYPE[source_type]
        else:
            kind = "person" if self.kinds.get("person") else _most(self.kinds)
        person = kind == "person"
        # The name most articles use; for a person, a full name over a bare surname.
        name = max(forms, key=lambda f: (len(f.split()) > 1, forms[f], len(f), f)) if person else (
            organization if organization and kind == "organization" else _most(forms))
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


# --- 5. he and she checked against the catalogue ----------------------------------------------

# How far back (in characters) a "he" or "she" may find the person of its gender quoted before it.
PRONOUN_REACH = 1500
_PRONOUN_GENDER = {"he": "man", "she": "woman"}


def relink_pronouns(db: sqlite_utils.Database) -> int:
    """Rows whose "he"/"she" the article resolved to a person the catalogue knows as the other
    gender: the resolver decides within one article, and a person's gender is what all their
    articles say. On a catalogue of every PolNeAR article 66 of 2,368 he/she rows pointed to such
    a person ("she said" given to Bill Clinton); an honorific says as much ("Mrs. Clinton").

    Such a row takes the person of the pronoun's gender quoted in the same article whose surname
    the text names last before it (within ``PRONOUN_REACH``), when that is after the last mention
    of the person it had; else it keeps no speaker and no affiliation, its words kept in
    ``speaker_mention``. The ids it had go to ``_quote_raw`` (as the merge's do), so that
    ``build --update`` folds again to the same rows. Returns the rows changed."""
    wrong = ("select distinct q.article_id from quotes q join speakers s on s.id = q.speaker_id "
             "where s.gender in ('man', 'woman') and (lower(q.speaker_mention) in ('he', 'she') "
             "and s.gender != case lower(q.speaker_mention) when 'he' then 'man' else 'woman' end "
             "or q.speaker_mention glob 'M[rs]*. [A-Z]*' and q.speaker_mention not like '%,%')")
    # The rows of those articles in one query, read an article at a time: quotes.article_id has no
    # index before schema.finish, so a query per article read the whole table each time (0.2 of
    # 0.21 s CPU on 906 real articles).
    in_articles = db.conn.execute(
        "select q.article_id, q.id, q.start, q.speaker_id, q.affiliation_id, lower(q.speaker_mention), s.gender, "
        "s.name from quotes q join speakers s on s.id = q.speaker_id "
        f"where s.kind = 'person' and q.article_id in ({wrong}) order by q.article_id, q.start, q.id")
    changes: list[tuple] = []
    for (article_id,), group in _groups(in_articles):
        text = db.conn.execute("select text from articles where id = ?", [article_id]).fetchone()[0]
        rows = [row[1:] for row in group]
        people: dict[str, tuple[str, str, str | None]] = {}  # speaker id -> (gender, surname, affiliation)
        for _, _, speaker_id, affiliation_id, mention, gender, name in rows:
            if len(name.split()) < 2:
                continue  # a person named in full only: "Sunday" read as a name is no one to give a row to
            if gender in ("man", "woman") and speaker_id not in people or affiliation_id and mention is None:
                people[speaker_id] = (gender, name.split()[-1], affiliation_id)
        for quote_id, start, speaker_id, _, mention, gender, name in rows:
            wanted = _PRONOUN_GENDER.get(mention or "")
            honorific, _, surname = (mention or "").partition(" ")
            if wanted is None and honorific in HONORIFICS and "," not in surname and len(surname.split()) == 1:
                # "Mrs. Clinton" given to Bill Clinton: the Clinton of her gender the article quotes, else no one.
                wanted = HONORIFICS[honorific]
                if gender in ("man", "woman") and gender != wanted:
                    same = [p for p, (g, last, _) in people.items() if g == wanted and last.lower() == surname.lower()]
                    if not same:
                        # Not quoted under their own name here: the catalogue's most quoted person of that
                        # surname and gender, when the article names them in full.
                        known = db.conn.execute(
                            "select s.id, s.name from speakers s join quotes q on q.speaker_id = s.id "
                            "where s.kind = 'person' and s.gender = ? and s.name like ? group by s.id "
                            "order by count(*) desc limit 1", [wanted, f"% {surname}"]).fetchone()
                        if known and known[1] in text:
                            people[known[0]] = (wanted, surname, None)
                            same = [known[0]]
                    person = same[0] if len(same) == 1 else None
                    changes.append((person, people[person][2] if person else None, quote_id))
                continue
            if wanted is None or gender not in ("man", "woman") or gender == wanted:
                continue
            window = max(0, start - PRONOUN_REACH)
            had = text.rfind(name.split()[-1], window, start)
            named = [(text.rfind(surname, window, start), person)
                     for person, (g, surname, _) in people.items() if g == wanted]
            at, person = max(named, default=(-1, None))
            if person is not None and at > had:
                changes.append((person, people[person][2], quote_id))
            else:
                changes.append((None, None, quote_id))
    if changes:
        _keep_raw(db, [c[2] for c in changes])
        db.conn.executemany("update quotes set speaker_id = ?, affiliation_id = ? where id = ?", changes)
    return len(changes)


# --- 4. descriptions the article left unresolved ----------------------------------------------

# Of a person's mentions, the articles that must describe them with a word for it to be theirs.
DESCRIPTOR_ARTICLES = 2
# ... and the share of their articles (so that a state a candidate campaigned in is not theirs).
DESCRIPTOR_SHARE = 0.05
_SKIPPED = frozenset({"the", "a", "an", "of", "and", "for", "'s", "’s"})
# "(R-Wis.)", "D-N.Y.": the party and the state of a member of Congress.
_PARTY_STATE = re.compile(r"^\(?([RDI])-([A-Z][A-Za-z.]{1,6})\)?\.?$")
_PARTY_WORDS = {"R": "republican", "D": "democratic", "I": "independent"}


def _description_words(text: str) -> list[str]:
    """ "The former Secretary of State" -> [former, secretary, state]; "Sen." -> senator; "(R-Wis.)" ->
    republican, wisconsin."""
    words: list[str] = []
    for word in text.replace("'s ", " ").replace("’s ", " ").split():
        party_state = _PARTY_STATE.match(word.strip(",;:"))
        if party_state:
            words.append(_PARTY_WORDS[party_state.group(1)])
            word = US_STATE_ABBREVIATIONS.get(party_state.group(2).rstrip(".").lower(), word)
        word = word.strip(",.;:()\"'’").lower()
        if word and word not in _SKIPPED:
            words.extend(TITLE_ROLES.get(word + ".", TITLE_ROLES.get(word, word)).split())
    return words


def resolve_descriptions(db: sqlite_utils.Database) -> int:
    """Rows whose speaker is a description the article did not resolve ("the Florida senator", "the
    Republican presidential candidate") -> the person the article quotes elsewhere whom the
    catalogue describes with every word of it (their titles, roles, affiliations and the words
    around their names, each in at least ``DESCRIPTOR_ARTICLES`` articles and in one in twenty of those that describe them): an article need not
    say "Florida" next to Rubio's name when twenty others do. Of several who fit, the one whose
    surname the text names last before the row; none named before: the row stays as it was.
    On a catalogue of every PolNeAR article, 467 rows had a speaker named "the ...". Returns the
    rows changed."""
    described = db.conn.execute(
        "select q.id, q.article_id, q.start, case when lower(q.speaker_mention) like 'the %' then q.speaker_mention "
        "else s.name end from quotes q left join speakers s on s.id = q.speaker_id "
        "where s.article_id is not null and lower(s.name) like 'the %' "
        "or q.speaker_id is null and lower(q.speaker_mention) like 'the %' order by q.article_id, q.start").fetchall()
    if not described:
        return 0
    words_of: dict[str, Counter] = {}
    mentions = db.conn.execute(
        "select coalesce(g.canonical, m.id), m.source_article from _speaker_mentions m "
        "left join _speaker_merge g on g.id = m.id where m.kind = 'person' and m.article_id is null "
        "and m.source_article in (select q.article_id from quotes q left join speakers s on s.id = q.speaker_id "
        "where s.article_id is not null and lower(s.name) like 'the %' "
        "or q.speaker_id is null and lower(q.speaker_mention) like 'the %')")
    people_of: dict[str, set[str]] = {}
    for speaker_id, article in mentions:
        people_of.setdefault(article, set()).add(speaker_id)
    names_all = dict(db.conn.execute("select id, name from speakers where kind = 'person' and article_id is null"))
    candidates = set().union(*people_of.values()) if people_of else set()
    # One pass over the mentions (a query per person could use no index: 1.6 s of a 6 s build of
    # 824 articles), the tallies per person in any order: they are counts.
    tallies: dict[str, Counter] = {p: Counter() for p in candidates}
    describing: dict[str, int] = dict.fromkeys(candidates, 0)  # of the articles that describe them at all
    name_words: dict[str, set[str]] = {}
    for speaker_id, article, *parts in db.conn.execute(
            "select coalesce(g.canonical, m.id), m.source_article, m.title, m.role, m.description, o.name "
            "from _speaker_mentions m left join _speaker_merge g on g.id = m.id "
            "left join organizations o on o.id = m.affiliation_id"):
        if speaker_id not in tallies or speaker_id not in names_all:
            continue  # not a person of the catalogue: an organisation one article read as one
        surname = names_all[speaker_id].split()[-1]
        title, role, mention, affiliation = parts
        if mention and surname in mention:
            # The words before the name ("Texas Sen. Ted Cruz") and the appositive after it
            # ("Cruz, the Texas senator, ..."), not a clause ("Cruz, who won Wisconsin").
            before, _, after = mention.partition(surname)
            bracket = after.split(")")[0] + ")" if after.startswith(" (") else ""  # "(R-Wis.)"
            after = after.split(",")[1] if after.startswith(",") and after.count(",") >= 2 else ""
            after = after if not after.strip().lower().startswith(("who", "which")) else ""
            mention = f"{before} {bracket} {after}"
        parts = [title, role, mention, affiliation]
        said = set(w for part in parts if part for w in _description_words(part))
        if speaker_id not in name_words:  # once a person, not once a mention of them
            name_words[speaker_id] = set(_description_words(names_all.get(speaker_id, "")))
        said -= name_words[speaker_id]
        tallies[speaker_id].update(said)
        describing[speaker_id] += bool(said)
    for speaker_id, words in tallies.items():
        floor = max(DESCRIPTOR_ARTICLES, DESCRIPTOR_SHARE * describing[speaker_id])
        words_of[speaker_id] = Counter({w: n for w, n in words.items() if n >= floor})
    names = names_all
    # The rows of these articles that give an affiliation, indexed for the look-up below: quotes has no
    # index on article_id before schema.finish, and a scan of it per row changed was 0.2 of the 0.3 s
    # CPU this step took on 906 real articles. Copied in rowid order, so the groups come as before.
    db.execute("create temp table _described_articles (article_id text primary key)")
    db.conn.executemany("insert or ignore into _described_articles values (?)", [(row[1],) for row in described])
    db.execute("create temp table _described_rows as select article_id, speaker_id, affiliation_id from quotes "
               "where affiliation_id is not null and article_id in (select article_id from _described_articles) "
               "order by rowid")
    db.execute("create index temp._described_rows_speaker on _described_rows (article_id, speaker_id)")
    changes: list[tuple] = []
    text, text_of = "", None
    for quote_id, article_id, start, description in described:
        if text_of != article_id:
            text, text_of = db.conn.execute("select text from articles where id = ?", [article_id]).fetchone()[0], article_id
        wanted = _description_words(description)
        fits = [p for p in people_of.get(article_id, ()) if p in names and len(names[p].split()) > 1
                and wanted and all(words_of[p][w] for w in wanted)]
        named = [(text.rfind(names[p].split()[-1], 0, start), p) for p in fits]
        at, person = max(named, default=(-1, None))
        if person is None or at < 0:
            continue
        affiliation = db.conn.execute(
            "select affiliation_id from _described_rows where article_id = ? and speaker_id = ? "
            "group by affiliation_id order by count(*) desc limit 1", [article_id, person]).fetchone()
        changes.append((person, affiliation[0] if affiliation else None, quote_id))
    db.execute("drop table _described_rows")
    db.execute("drop table _described_articles")
    if changes:
        _keep_raw(db, [c[2] for c in changes])
        # The row's source is now a named person: no longer an unnamed individual, nor anonymous
        # (86 rows of a PolNeAR train+dev catalogue were "the Florida senator" given to Marco Rubio
        # and still flagged anonymous).
        db.conn.executemany("update quotes set speaker_id = ?, affiliation_id = coalesce(?, affiliation_id), "
                            "source_type = 'person', anonymous = 0 where id = ?", changes)
        # The description's own speakers row, known in its article only, when no row is left to it.
        db.execute("delete from speakers where article_id is not null and lower(name) like 'the %' "
                   "and id not in (select speaker_id from quotes where speaker_id is not null)")
    return len(changes)


# --- 6. a person is not their own affiliation --------------------------------------------------

_OWN_NAME = ("(' ' || lower(s.name) || ' ') like ('% ' || lower(o.name) || ' %')")
# A named person: an unnamed one's name is their description, which names whom they speak for ("a
# senior fellow at the Y Institute"): 146 such rows of the PolNeAR catalogue had
# lost their affiliation as "their own name".
_NAMED = "coalesce(s.source_type, 'person') = 'person'"


def drop_own_names(db: sqlite_utils.Database) -> int:
    """No affiliation where a named person's is a word of their own name ("Francis" for Pope Francis,
    "Maddow" for Rachel Maddow): an article that read "Francis said" as an organisation speaking
    for itself, where the catalogue knows a person. Returns the quotes rows changed."""
    own = [row[0] for row in db.conn.execute(
        "select q.id from quotes q join speakers s on s.id = q.speaker_id join organizations o on o.id = q.affiliation_id "
        f"where s.kind = 'person' and {_NAMED} and {_OWN_NAME} "
        # as the article wrote it, before the fold made "Trump" the Trump campaign
        "union select q.id from quotes q join speakers s on s.id = q.speaker_id join _quote_raw r on r.quote_id = q.id "
        # each (id, name) once: an organisation has a mention in every article that names it
        "join (select distinct id, name from _organization_mentions) o on o.id = r.affiliation_id "
        f"where s.kind = 'person' and {_NAMED} and q.affiliation_id is not null and {_OWN_NAME} order by 1")]
    _keep_raw(db, own)
    db.conn.executemany("update quotes set affiliation_id = null where id = ?", [(i,) for i in own])
    db.execute("update speakers set affiliation_id = null where kind = 'person' "
               f"and {_NAMED.replace('s.', 'speakers.')} and affiliation_id in "
               f"(select o.id from organizations o where o.id = speakers.affiliation_id and "
               f"{_OWN_NAME.replace('s.name', 'speakers.name')})")
    return len(own)


# --- 6b. a place is a government's name, not where a person works ------------------------------

# Role classes whose people a place's name speaks for: its governor, its mayor, its officials.
GOVERNING_CLASSES = ("official", "politician")
# Of the articles' mentions of a name, the share written "in X" that makes it a place (two such
# mentions do whatever the share): "in Cleveland" 6 of 35, "in Nabisco" 1 of 10.
PLACE_IN_SHARE = 0.15
PLACE_IN_MENTIONS = 2


def _places(db: sqlite_utils.Database, org_ids: Iterable[str]) -> set[str]:
    """Of ``org_ids``, the organisations that are places: countries, capitals and US states by the
    lexicon, and names that head no body, are no outlet and that the articles giving them write
    "in X" ("in Cleveland", "in Eau Claire")."""
    found: set[str] = set()
    lexicon = COUNTRIES | US_STATES | set(CAPITALS)
    for org_id in sorted(set(org_ids)):
        row = db.conn.execute("select name from organizations where id = ?", [org_id]).fetchone()
        name = row[0] if row else ""
        if name in lexicon:
            found.add(org_id)
            continue
        if not name[:1].isupper() or _body_head(name) or name in OUTLETS or name in GOVERNMENT_NAMES:
            continue
        mentions = written_in = 0
        for (text,) in db.conn.execute(
                "select text from articles where id in (select distinct source_article from _organization_mentions "
                "where id = ? or id in (select id from _organization_merge where canonical = ?))", [org_id, org_id]):
            for after_in in _written(text, name):
                mentions += 1
                written_in += after_in
        if written_in >= PLACE_IN_MENTIONS or written_in and written_in >= PLACE_IN_SHARE * mentions:
            found.add(org_id)
    return found


_GOVERNING_WORDS = (OFFICIAL | POLITICIAN | GOVERNMENT_BODIES | GOVERNING_EXTRA) - NOT_GOVERNING


def _governing_role(role: str) -> bool:
    """Does a role of no known class name a government job or body ("police spokesman", "city
    council member", "Gov."), not a trade ("financial adviser", "actor")?"""
    return any(w in _GOVERNING_WORDS for w in re.split(r"[\s-]+", role.lower()) if w)




def drop_places(db: sqlite_utils.Database) -> int:
    """A place as a row's affiliation stands for its government ("Ohio" for its governor, a state's
    officials), so it stays where the row's or the speaker's role class is a governing one
    (GOVERNING_CLASSES), the role names a government job or body, or the source is no person; a
    person of another class or of none ("an Eau Claire financial adviser", "a Hollywood actor") is
    where they work, not whom they speak for: no affiliation. Returns the quotes rows changed."""
    governing = ", ".join(f"'{c}'" for c in GOVERNING_CLASSES)
    rows = [(quote_id, org_id) for quote_id, org_id, role, title in db.conn.execute(
        "select q.id, q.affiliation_id, s.role, s.title from quotes q left join speakers s on s.id = q.speaker_id "
        f"where q.affiliation_id is not null and coalesce(q.role_class, '') not in ({governing}) "
        f"and coalesce(s.role_class, '') not in ({governing}) and coalesce(q.source_type, '') != 'government' "
        "and (s.kind = 'person' or coalesce(q.role_class, s.role_class, 'unknown') != 'unknown') order by q.id")
        if not _governing_role(f"{role or ''} {title or ''}")]
    speakers = [(speaker_id, org_id) for speaker_id, org_id, role, title in db.conn.execute(
        "select id, affiliation_id, role, title from speakers where kind = 'person' and affiliation_id is not null "
        f"and coalesce(role_class, '') not in ({governing}) order by id").fetchall()
        if not _governing_role(f"{role or ''} {title or ''}")]
    found = _places(db, [org_id for _, org_id in rows + speakers])
    dropped = [quote_id for quote_id, org_id in rows if org_id in found]
    _keep_raw(db, dropped)
    db.conn.executemany("update quotes set affiliation_id = null where id = ?", [(i,) for i in dropped])
    db.conn.executemany("update speakers set affiliation_id = null where id = ?",
                        [(speaker_id,) for speaker_id, org_id in speakers if org_id in found])
    return len(dropped)


# --- 7. an affiliation the catalogue agrees on --------------------------------------------------


def fill_affiliations(db: sqlite_utils.Database) -> int:
    """A person's rows with no affiliation take the one the catalogue's articles agree on (see the
    module's step 7). Returns the quotes rows changed."""
    changes = db.conn.execute(
        "with agreed as (select s.id, s.affiliation_id from speakers s join quotes q on q.speaker_id = s.id "
        "where s.kind = 'person' and s.affiliation_id is not null and q.affiliation_id is not null group by s.id "
        "having count(distinct case when q.affiliation_id = s.affiliation_id then q.article_id end) >= ? "
        "and count(distinct case when q.affiliation_id = s.affiliation_id then q.article_id end) "
        "> ? * count(distinct q.article_id)) "
        "select q.id, a.affiliation_id from quotes q join agreed a on a.id = q.speaker_id "
        "where q.affiliation_id is null order by q.id", [AFFILIATION_ARTICLES, AFFILIATION_SHARE]).fetchall()
    _keep_raw(db, [quote_id for quote_id, _ in changes])
    db.conn.executemany("update quotes set affiliation_id = ? where id = ?",
                        [(affiliation, quote_id) for quote_id, affiliation in changes])
    return len(changes)


def _keep_raw(db: sqlite_utils.Database, quote_ids: list[str]) -> None:
    """Keep the speaker and affiliation these rows had before a step of the fold changes them (the
    first kept wins), so that ``build --update`` folds again from what the articles said."""
    db.conn.executemany("insert or ignore into _quote_raw select id, speaker_id, affiliation_id, anonymous, source_type "
                        "from quotes where id = ?",
                        [(quote_id,) for quote_id in quote_ids])
