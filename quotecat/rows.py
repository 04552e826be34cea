"""Attributions to rows: what one article adds to quotes.db, with the ids of its sources and organisations.

A pure function of the article (``article_result``), so any process can compute it;
the build writes the rows. A claim with three sources is three quotes rows. Each source
and organisation gets an id from its name (``quotecat.ids``), written so that the
catalogue can tell who is who across articles:

- a named person is known by the name without titles and prefixes ("Rival Hillary
  Clinton" is Hillary Clinton), with the first name, surname and middle initials kept
  apart (``person_key``): the build's fold makes "Donald J. Trump" and "Donald Trump" one
  speaker, and "Trump" alone that person when the catalogue names only one Trump often;
- an organisation by its name without "the", case or dots, a party by the party
  ("Democrats" is the Democratic Party); an acronym is noted with its expansion where
  the article gives both ("World Health Organization (WHO)"), for the fold to join them;
- an unnamed source ("a senior official"), and a description the article does not
  resolve ("the campaign"), by the article and the description: two articles' "a
  diplomat" are two people.

Each article's view of each source is a ``_speaker_mentions`` row (``Catalogue``); the
fold (``quotecat.fold``) makes the speakers and organizations tables from all of them.
"""

import functools
import hashlib
import json
import re
import unicodedata

from .extract import extract
from .ids import name_id
from .lexicon.function_words import DETERMINERS
from .lexicon.function_words import OPENER_STARTS
from .lexicon.names import NAME_PARTICLES, NAME_PREFIXES, NAME_SUFFIXES, NICKNAMES, NOT_NAMES
from .lexicon.organizations import ACRONYM_SKIPS, DOCUMENT_WORDS, GENERIC_ORGANIZATIONS, ORG_WORDS, ORGANIZATION_ALIASES
from .lexicon.places import COUNTRIES, DEMONYMS
from .lexicon.time import DAYS, MONTHS
from .lexicon.titles import ROLE_WORDS, TITLES
from .model import Article, ArticleResult, Attribution


def content_hash(text: str) -> str:
    """What ``--update`` compares: the article text, which is all the extractor reads."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_result(article: Article, source_file: str, attributions: list[Attribution] | None = None) -> ArticleResult:
    """Extract (unless ``attributions`` are given) and turn one article into rows. A pure function."""
    if attributions is None:
        try:
            # The byline says who "I" is in an op-ed; most articles have none.
            attributions = extract(article.text, article.byline) if article.byline else extract(article.text)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
            # A bug, but the user's batch goes on: the article is skipped and named.
            reason = f"extractor failed on article {article.id!r} ({type(error).__name__}: {error})"
            return ArticleResult(article_row(article, source_file), [], [], [], failed=reason)
    warnings: list[str] = []
    catalogue = Catalogue(article.text)
    quotes = catalogue.quote_rows(article, attributions, warnings.append)
    return ArticleResult(
        article=article_row(article, source_file),
        quotes=quotes,
        speakers=[{"source_article": article.id, **catalogue.speaker_row(key)} for key in catalogue.speakers],
        organizations=[{"source_article": article.id, **row} for row in catalogue.organizations.values()],
        warnings=warnings,
    )


def article_row(article: Article, source_file: str) -> dict:
    """The articles row of ``article``, read from ``source_file`` (content_hash is added by the build)."""
    return {
        "id": article.id,
        "title": article.title,
        "byline": article.byline,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        # Relative to the folder given to the build: no local paths in published data.
        "source_file": source_file,
        "text": article.text,
        "word_count": article.word_count,
        "trimmed_chars": article.trimmed_chars,
    }


# --- who is who: names as keys --------------------------------------------------------------


def _fold(word: str) -> str:
    """A word as a key: lower case, no accents, no dots or possessive ("Brudziński's" -> "brudzinski")."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(c for c in word if not unicodedata.combining(c)).replace(".", "")
    return re.sub(r"['’]s$", "", word).strip("'’,")


@functools.lru_cache(maxsize=1 << 16)  # a catalogue names the same people and bodies again and again
def clean_name(name: str) -> str:
    """A person's name without the titles, roles and prefixes written before it and the
    suffixes after it: "Rival Hillary Clinton" -> "Hillary Clinton", "John G. Roberts Jr." ->
    "John G. Roberts", "Former Vice-President Biden" -> "Biden"."""
    words = re.sub(r"['’]s?$", "", name.strip()).split()  # "Trump's" is Trump
    while len(words) > 1 and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
        words = words[:-1]
    # Past the last title or role before the name: "Town Manager Greg Pollard", "Deputy Health
    # Minister Jane Doe" (the words between are the role's, not the person's).
    last_role = max((i for i, w in enumerate(words[:-1]) if _prefix(w) and w.lower() not in NAME_PARTICLES),
                    default=-1)
    words = words[last_role + 1:]
    # "Despite Ted Cruz", "The Ted Cruz": a sentence's opening word is no part of a name.
    while len(words) > 1 and (_prefix(words[0]) or words[0] in NOT_NAMES or words[0].lower() in OPENER_STARTS):
        words = words[1:]
    return " ".join(words).rstrip(",")


def _prefix(word: str) -> bool:
    lowered = word.lower()
    bare = lowered.rstrip(".")
    return (lowered in TITLES or bare + "." in TITLES or bare in TITLES or lowered in ROLE_WORDS
            or lowered in NAME_PREFIXES or "-" in lowered and lowered.split("-")[0] in NAME_PREFIXES | TITLES
            or not word[:1].isupper())


@functools.lru_cache(maxsize=1 << 16)
def person_key(name: str) -> tuple[str, str | None, str, str]:
    """(form key, first name + surname, surname, middle initials) of a person's name.

    "Donald J. Trump" -> ("donald j trump", "donald trump", "trump", "j"); "Trump" ->
    ("trump", None, "trump", ""). Particles stay with the surname ("Ursula von der Leyen"
    -> "ursula von der leyen", surname "leyen", no initials).
    """
    words = [_fold(w) for w in clean_name(name).split()]
    words = [w for w in words if w]
    if not words:
        return "", None, "", ""
    if len(words) == 1:
        return words[0], None, words[0], ""
    first_of_surname = len(words) - 1
    while first_of_surname > 1 and words[first_of_surname - 1] in NAME_PARTICLES:
        first_of_surname -= 1  # "van Leeuwen", "von der Leyen": the particles are the surname's
    surname = " ".join(words[first_of_surname:])
    middle = "".join(w[0] for w in words[1:first_of_surname])
    return " ".join(words), f"{NICKNAMES.get(words[0], words[0])} {surname}", words[-1], middle


@functools.lru_cache(maxsize=1 << 16)
def organization_name(name: str) -> str:
    """The name the catalogue gives an organisation: a party by the party (ORGANIZATION_ALIASES),
    a demonym by its country ("Chilean" -> Chile), else the name without a leading "the"."""
    # "Clinton's presidential campaign", "Jane Roe's campaign": the Clinton campaign, the Roe campaign.
    name = _POSSESSED_CAMPAIGN.sub(r"\1 campaign", name.strip())
    words = _POSSESSIVE_END.sub("", name).split()  # "the Vatican's" is the Vatican
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 1 and _YEAR.match(words[0]) and words[1][:1].isupper():
        words = words[1:]  # "2014 Labor Department": the department, that year
    if len(words) > 2 and words[0] == "Department" and words[1] == "of" and all(w[:1].isupper() or w == "and"
                                                                               for w in words[2:]):
        words = words[2:] + ["Department"]  # "Department of Homeland Security" is the Homeland Security Department
    while len(words) > 1 and words[0][:1].islower() and words[1][:1].isupper():
        words = words[1:]  # "tax-writing Ways and Means Committee": the body is the capitalised name
    # "White House press secretary", "Senate Majority Leader": the role's words are not the body's.
    while len(words) > 1 and (words[-1].islower() and words[-1] not in ORG_WORDS
                              or words[-1].lower() in _ROLE_SIDES):
        words = words[:-1]
    stripped = " ".join(words).strip(" ,.")
    lowered = stripped.lower()
    return ORGANIZATION_ALIASES.get(lowered) or DEMONYMS.get(lowered) or stripped or name.strip()


_POSSESSED_CAMPAIGN = re.compile(r"^(.+?)['’]s (?:[\w-]+ ){0,4}campaign$")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
# Words of a role left on an organisation's name: "Senate Majority (Leader)", "House Minority (Whip)".
_ROLE_SIDES = frozenset({"majority", "minority"})
# Words that open a description of a person, never an organisation's name ("Former Florida
# (governor)", "Presumptive Democratic (nominee)", "Prime (Minister)").
_NOT_ORGANIZATION_STARTS = frozenset({"former", "presidential", "presumptive", "then", "ex", "late", "incumbent",
                                      "acting", "interim", "outgoing", "incoming", "current", "contributing",
                                      "prime", "vice", "deputy", "assistant", "senior", "chief", "top"})


def names_an_organization(name: str) -> bool:
    """Is ``name`` an organisation's name, not a noun for one the article never names ("the board",
    "Company", "city")? A capitalised word or two, not a generic noun on its own."""
    stripped = organization_name(name)
    lowered = stripped.lower()
    first = lowered.split()[0] if lowered else ""
    return bool(stripped) and (stripped[:1].isupper() or stripped[:1].isdigit()) and not (
        lowered in GENERIC_ORGANIZATIONS or lowered in ORG_WORDS or stripped in NOT_NAMES or lowered in DOCUMENT_WORDS
        or lowered in DAYS or lowered in MONTHS
        or lowered in ROLE_WORDS or lowered in _ROLE_SIDES or first in _NOT_ORGANIZATION_STARTS
        or first in TITLES or first.rstrip(".") + "." in TITLES)


@functools.lru_cache(maxsize=1 << 16)
def organization_id(name: str) -> str:
    """One id for every way an article writes an organisation: "the U.S. Army" and "US Army"."""
    return name_id(" ".join(_fold(w) for w in organization_name(name).split()))


def acronym_of(name: str) -> str:
    """The initials of an organisation's name, skipping small words: "World Health Organization" -> "WHO"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIPS and w[:1].isalpha()).upper()


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()


_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)$")
_CAPITALISED_RUN_BEFORE_BRACKET = r"((?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|the|on|in|de|du|des|la|&)\s+)*){1,9})\(%s\)"


def expansion_in(text: str, acronym: str) -> str | None:
    """What ``acronym`` stands for where the article spells it out: "... Organization (WHO)"."""
    if f"({acronym})" not in text:
        return None
    for match in re.finditer(_CAPITALISED_RUN_BEFORE_BRACKET % re.escape(acronym), text):
        words = match.group(1).split()
        # The shortest tail of the run whose initials are the acronym.
        for start in range(len(words) - 1, -1, -1):
            candidate = " ".join(words[start:])
            if words[start][:1].isupper() and acronym_of(candidate) == acronym.replace(".", "").upper():
                return candidate
    return None


def _single_word_person(name: str) -> bool:
    """May a speaker named by one word be a person named in full elsewhere ("Trump said")?
    Not an acronym, a country, a demonym or an organisation noun ("NATO", "Rwanda", "Police")."""
    lowered = name.lower()
    return not (is_acronym(name) or name in COUNTRIES or lowered in DEMONYMS or lowered in ORG_WORDS
                or lowered in GENERIC_ORGANIZATIONS or not name[:1].isupper())


def names_a_source(a: Attribution) -> bool:
    """Is the speaker a source the catalogue can list: a person, a group, an organisation or a
    document? Not what the extractor could give no type ("Trump included the Philippines on a
    list of countries he", "I forgot she"): that row keeps its words in ``speaker_mention``.
    On a catalogue of ../shared/polnear-train, 417 of 4,445 speakers (466 attributions) were
    such, the speakers named "she", "he" and "we" among them."""
    return a.source_type is not None or a.kind in ("person", "group", "organization")


def _described(a: Attribution) -> bool:
    """An unnamed source or a description the article did not resolve: "a senior official",
    "the campaign", "campaign". It is known in its article only."""
    if a.anonymous:
        return True
    label = (a.speaker or "").strip()
    words = label.split()
    return not words or words[0].lower() in DETERMINERS or not label[:1].isupper() or (
        len(words) == 1 and label.lower() in GENERIC_ORGANIZATIONS)


class Catalogue:
    """One article's speakers and organisations, one row per id, as ``_speaker_mentions`` and
    ``_organization_mentions`` rows: the article's own view of each, for the fold."""

    def __init__(self, text: str = ""):
        self.text = text
        self.speakers: dict[str, dict] = {}
        self.organizations: dict[str, dict] = {}
        self.people: set[str] = set()  # the names and surnames of the people the article quotes
        # An article gives the same affiliation row after row (and each row asks twice: for the
        # quote and for its speaker): the answer, once a name.
        self._organization_ids: dict[str, str | None] = {}

    def organization_id(self, name: str | None) -> str | None:
        if not name:
            return None
        if name in self._organization_ids:
            return self._organization_ids[name]
        org_id = self._organization_ids[name] = self._new_organization_id(name)
        return org_id

    def _new_organization_id(self, name: str) -> str | None:
        name = name.strip()
        bracketed = _BRACKETED_ACRONYM.search(name)  # "World Health Organization (WHO)"
        if bracketed:
            name = name[:bracketed.start()].strip()
        if not names_an_organization(name):
            # "the board": a noun the article never resolved is no organisation of the catalogue.
            # A person the article quotes ("Okafor" read as whom "his" campaign is for, "Clinton
            # spokesman") is left to the fold: their campaign where the catalogue names it, else none.
            return None
        org_id = organization_id(name)
        if org_id not in self.organizations:
            acronym = bracketed.group(1) if bracketed else None
            if acronym is None and not is_acronym(name) and len(name.split()) > 1:
                initials = acronym_of(name)
                acronym = initials if f"{name} ({initials})" in self.text else None
            self.organizations[org_id] = {
                "id": org_id, "name": organization_name(name), "acronym": acronym,
                "expansion": expansion_in(self.text, name) if is_acronym(name) else None,
            }
        return org_id

    def speaker_id(self, a: Attribution, article_id: str) -> str | None:
        if not a.speaker or not a.speaker.strip() or not names_a_source(a):
            return None
        key: tuple[str, str | None, str, str] | None = None
        surname = None
        if _described(a):
            # "a Western diplomat" in two articles is two people: unnamed sources are per article.
            speaker_id = f"{article_id}:{name_id(a.speaker)}"
            name = a.speaker.strip()
        elif a.kind == "group":
            name = a.speaker.strip()  # "Republicans", "Democrats in Congress": a group, no person's name
            speaker_id = name_id(name)
        elif a.kind == "organization":
            name = organization_name(a.speaker)
            speaker_id = organization_id(a.speaker)
            if is_acronym(name):
                self.organization_id(name)  # its expansion, if the article gives it
            elif len(name.split()) == 1 and _single_word_person(name):
                # "Trump said" where the article never names him in full: maybe a person the
                # catalogue names elsewhere (the fold decides).
                name = re.sub(r"['’]s?$", "", name)
                surname = _fold(name)
        else:
            name = clean_name(a.name or a.speaker)
            key = person_key(name)
            speaker_id = name_id(key[0]) or name_id(name)
        row = {
            "id": speaker_id,
            "name": name,
            "kind": a.kind,
            "source_type": a.source_type,
            "role_class": a.role_class,
            "title": a.title,
            "role": a.role,
            "affiliation_id": self.organization_id(a.affiliation),
            "anonymous": int(a.anonymous),
            "pronoun": a.pronoun,
            "description": a.description,
            "article_id": article_id if speaker_id.startswith(article_id + ":") else None,
            "person_key": key[1] if key else None,
            "surname": key[2] if key and (key[1] or _single_word_person(name)) else surname,
            "middle": key[3] if key else None,
            "gender": a.gender if a.kind == "person" else None,
            "gender_evidence": a.gender_evidence or None,
            "rows": 1,
        }
        known = self.speakers.get(speaker_id)
        if known is None:
            self.speakers[speaker_id] = row
        else:
            known["rows"] += 1
            if known["gender"] != row["gender"] and known["gender"] and row["gender"]:
                known["gender"] = None  # two people of one id in one article: no evidence either way
            if known["role_class"] == "unknown" and row["role_class"] not in (None, "unknown"):
                known["role_class"] = row["role_class"]  # the role given at one mention only: unknown is a gap
            for field in row:
                if known[field] is None and row[field] is not None and field != "gender":
                    known[field] = row[field]
        return speaker_id

    def speaker_row(self, speaker_id: str) -> dict:
        """The ``_speaker_mentions`` row of a speaker of this article (evidence as JSON)."""
        row = dict(self.speakers[speaker_id])
        if row["gender_evidence"] is not None:
            row["gender_evidence"] = json.dumps(row["gender_evidence"], sort_keys=True, ensure_ascii=False)
        return row

    def quote_rows(self, article: Article, attributions: list[Attribution], warn) -> list[dict]:
        """One row per (span, source): a claim with three sources is three rows, so each speaker's facet finds it."""
        rows = []
        seen: set[tuple[int, int, str | None]] = set()
        per_span: dict[tuple[int, int], int] = {}
        for a in attributions:
            if a.kind == "person" and a.name:
                self.people.update((a.name, a.name.split()[-1]))
        for a in attributions:
            if not 0 <= a.start <= a.end <= len(article.text):
                warn(f"{article.id}: attribution at {a.start}-{a.end} is outside the article text; left out")
                continue
            speaker_id = self.speaker_id(a, article.id)
            key = (a.start, a.end, speaker_id)
            if key in seen:
                continue
            seen.add(key)
            n = per_span[a.start, a.end] = per_span.get((a.start, a.end), 0) + 1
            rows.append({
                # Zero-padded offsets: sorting by id reads each article in order.
                "id": f"{article.id}:{a.start:06d}-{a.end:06d}:{n}",
                "article_id": article.id,
                "speaker_id": speaker_id,
                "affiliation_id": self.organization_id(a.affiliation),
                # The slice itself, so quotes.text == articles.text[start:end] always holds.
                "text": article.text[a.start:a.end],
                "type": a.type,
                "cue": a.cue,
                "speaker_mention": a.speaker_mention,
                "medium": a.medium,
                "paragraph": a.paragraph,
                "start": a.start,
                "end": a.end,
                "anonymous": int(a.anonymous),
                "source_type": a.source_type,
                "role_class": a.role_class,
                "fragments": json.dumps(a.fragments) if len(a.fragments) > 1 else None,
                "confidence": a.confidence,
            })
        return rows
