"""Who a source is: title, name, role and affiliation parsed from the words the article uses,
and what kind of source that is.

``describe("Col. John Dorrian, Baghdad-based spokesman for the U.S.-led coalition")``
gives title ``Col.``, name ``John Dorrian``, role ``Baghdad-based spokesman`` and affiliation
``U.S.-led coalition``. A description before a name is read with the grammar of news titles
("Polish Interior Minister X": role Interior Minister, affiliation Polish Interior Ministry;
"UK-based retailer Tesco": the organisation Tesco). ``classify`` says what kind of source it
is (``SOURCE_TYPES``) and the class of its role (``lexicon.role_classes``); unnamed
individuals and groups are the anonymous ones.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from ..lexicon.cues import WRITING_CUES
from ..lexicon.function_words import (
    AFFILIATION_PREPS,
    ARTICLES,
    BARE_QUANTIFIERS,
    COORDINATION_OPENERS,
    DETERMINERS,
    FIRST_PERSON,
    FUNCTION_WORDS,
    INDEFINITE_GROUPS,
    INDEFINITE_PERSONS,
    GROUP_PRONOUNS,
    LEADING_CONNECTIVES,
    ORGANIZATION_PRONOUNS,
    PERSON_PRONOUNS,
    PHRASE_PREPS,
    QUANTIFIERS,
    SINGULAR_QUANTIFIERS,
    STRIPPED_DETERMINERS,
)
from ..lexicon.names import HYPHENATED_PARTICLES, NAME_PARTICLES, NOT_NAMES
from ..lexicon.organizations import (
    BODY_DOCUMENTS,
    BODY_KIND_ACRONYMS,
    COUNCIL_MEMBERS,
    DOCUMENT_WORDS,
    GENERIC_BODIES,
    GOVERNMENT_BODIES,
    GOVERNMENT_NAMES,
    LEADS_VERBS,
    ORG_WORDS,
    GROUP_NOUNS,
    ORGANIZATION_NOUNS,
    PARTY_LABELS,
    PARTY_LETTERS,
    PLACE_LEVELS,
    SUBNATIONAL_LEVELS,
    WRITTEN_SOURCES,
    DOCUMENT_MEDIA,
    DOCUMENT_PARTICIPLES,
    WORKS_FOR,
)
from ..lexicon.outlets import MEDIA_NOUNS, OUTLET_OPENERS, OUTLET_WORDS, OUTLETS, WRITTEN_PIECES
from ..lexicon.places import CAPITALS, COUNTRIES, COUNTRY_ADJECTIVES, COUNTRY_ALIASES, DEMONYMS, NOT_AFFILIATIONS, \
    US_CITIES, US_STATES
from ..lexicon.role_classes import (
    BUSINESS,
    CITIZEN,
    CIVIL_SOCIETY,
    COMPANY_NAME_WORDS,
    DEFERRING_ROLES,
    EXPERT,
    INTERGOVERNMENTAL,
    MEDIA,
    OFFICIAL,
    POLITICIAN,
    ROLE_CLASSES,
    ROLE_PHRASES,
)
from ..lexicon.time import DAYS, MONTHS, WHEN_STARTS, WHEN_WORDS
from ..lexicon.titles import (
    GOVERNMENT_OFFICES,
    HEADS_OF_GOVERNMENT,
    HONORIFICS,
    IMPLIED_AFFILIATIONS,
    TITLE_ROLES,
    PERSON_SOURCE_NOUNS,
    PLURAL_ROLES,
    PORTFOLIO_HEADS,
    PORTFOLIOS,
    ROLE_MODIFIERS,
    TITLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_WORDS,
    TITLES,
)

# The kinds of source a catalogue row can have (``Attribution.source_type``).
SOURCE_TYPES: Final = ("person", "unnamed individual", "unnamed group", "organization", "government", "document",
                       "media")
# The anonymous ones: the article does not say who.
UNNAMED: Final = frozenset({"unnamed individual", "unnamed group"})
# ``kind`` (person / group / organization / other) as derived from the source type.
KIND_OF_SOURCE_TYPE: Final = {"person": "person", "unnamed individual": "person", "unnamed group": "group",
                              "organization": "organization", "government": "organization",
                              "media": "organization", "document": "other"}

_NAME_WORD: Final = re.compile(r"^(?:[A-Z][\w'’.&-]*|[A-Z]\.|(?:%s)-[A-Z][\w'’-]*)$" % "|".join(HYPHENATED_PARTICLES))
_RELATIVE_CLAUSE: Final = re.compile(r",?\s+(?:who|whose|which|that)\s")
_TRAILING_CLAUSE: Final = re.compile(r"(?<=\w),\s+\w+ing\b")
# The nouns of a written source: a document ("poll", "report") or a piece of writing ("editorial", "email").
_DOCUMENT_NOUNS: Final = DOCUMENT_WORDS | WRITTEN_SOURCES
_SOURCE_JOINER: Final = re.compile(r",?\s+(?:and|as well as|or)\s+(?=(?:the|a|an|some|other|several|many|his|her|their|its|[A-Z]))")
_QUALIFIER: Final = re.compile(r"\s+(?:based|who|whose|which|that|presiding|appointed|responsible|"
                               r"familiar|involved|close|speaking|quoted|cited|briefed|known|named|identified)\b")
_POSSESSOR: Final = re.compile(r"^((?:[A-Z][\w.'’&-]*\s)*[A-Z][\w.'’&-]*?)['’]s\s+(.+)$")
_HYPHENATED_NAME: Final = re.compile(r"^[A-Z][\w.]*-\w+")
_POSSESSIVE_END: Final = re.compile(r"['’]s?$")
_PARTY_BRACKET: Final = re.compile(r"^\(([RDI])[-–,.]")
# ", D-Vt." after a name: party and state as an appositive.
_PARTY_STATE: Final = re.compile(r"^\(?([RDI])[-–][A-Z][A-Za-z. ]{1,14}\)?$")
# A lower-case kind of body, then its capitalised name: "the advocacy group Progress Iowa".
_NAMED_AFTER_KIND: Final = re.compile(r"^(?:the |an? )?((?:[a-z][\w-]* ){1,3})((?:[A-Z][\w.&'’-]*(?: (?:of|for|and|&|the))? ?)+)$")
# ... and the kinds of body a role "of" one names ("director of the think tank X").
_BODY_KINDS: Final = ORG_WORDS | {"tank"}
_BRACKETS: Final = re.compile(r"\s*\([^)]*\)")
_DATELINE: Final = re.compile(r"^(?:[A-Z][\w.]*,? ){0,3}[A-Z][\w.]* [-–—] (?=[A-Z])")
_CENTRAL_BANK: Final = re.compile(r"^(?:the )?(?:Bank of (?:%s)$|.*\b(?:Central|Reserve|National) Bank\b|Federal Reserve)"
                                  % "|".join(re.escape(c) for c in sorted(COUNTRY_ADJECTIVES)))
# How most role nouns end ("designer", "anthropologist", "consultant", "actress"): a lower-case
# word before a name that ends so describes the person; another is more likely a verb.
_ROLE_SUFFIXES: Final = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "ess", "ive", "ot", "ef",
                         "eur", "ier")


def _class_table() -> dict[str, str]:
    """Each word of lexicon.role_classes and its class (a word in two lists: the first)."""
    table: dict[str, str] = {}
    for cls, members in zip(ROLE_CLASSES, (OFFICIAL, POLITICIAN, EXPERT, BUSINESS, CIVIL_SOCIETY, CITIZEN, MEDIA)):
        for word in members:
            table.setdefault(word, cls)
    return table


_CLASS_OF: Final = _class_table()
# Words after which a capitalised word is inside a phrase: "of Georgia", "to Germany", "and Melinda".
_PHRASE_JOINERS: Final = PHRASE_PREPS | {"to", "and", "or", "by"}
_BODY_WORDS: Final = ORG_WORDS | GOVERNMENT_BODIES
_PLURAL_QUANTIFIERS: Final = QUANTIFIERS - SINGULAR_QUANTIFIERS
_PARTITIVES: Final = QUANTIFIERS | {"one", "none"}  # "one of the children"
_LEADING_DETERMINERS: Final = STRIPPED_DETERMINERS | {"this", "that"}
# Bodies whose class is their members' ("a fruit exporters' association", "a chamber of commerce").
_MEMBER_BODIES: Final = frozenset({"association", "federation", "chamber", "confederation", "lobby", "alliance",
                                   "council", "union"})
# Countries as news names them, without their capitals ("Paris Hilton", "the Manila Bulletin").
_NATIONS: Final = COUNTRIES - set(CAPITALS)
# Words before an organisation noun that make it the organisation, not a person's job: "news broadcaster NRK".
_BODY_QUALIFIERS: Final = frozenset({"news", "public", "state", "national", "press", "commercial", "private"})
# Plural documents that are data, not unattributed reports: "figures show", "records indicate".
_COUNTED_DOCUMENTS: Final = frozenset({"data", "figures", "statistics", "records", "results", "findings", "numbers",
                                       "estimates", "projections", "guidelines", "documents"})
# What an object after a role may name, in lower case, and still be whom the source speaks for:
# a body ("for the ministry", "at the company") or people ("an attorney for the family").
_BODY_OR_PEOPLE: Final = ORG_WORDS | GENERIC_BODIES | GROUP_NOUNS | frozenset({
    "family", "families", "victims", "victim", "residents", "workers", "children", "parents", "mission", "delegation",
    "inquiry", "firm", "newspaper", "paper", "station", "network", "charity", "regime", "militia", "agency"})
_PARTICLES_OR_ARTICLES: Final = NAME_PARTICLES | ARTICLES


def _phrases_by_word() -> dict[str, list[tuple[str, str]]]:
    """ROLE_PHRASES under the last word of each ("secretary": press secretary, general secretary, ...)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for phrase, cls in ROLE_PHRASES.items():
        index.setdefault(phrase.replace("-", " ").split()[-1], []).append((phrase, cls))
    return index


_PHRASES_BY_WORD: Final = _phrases_by_word()
# Titles with and without their full stop ("Sen." and "Sen"), role nouns in any list, and every
# word that stands before a name: one set each, so that a word is looked up once.
_TITLE_FORMS: Final = TITLES | {t.rstrip(".") for t in TITLES if t.endswith(".")}
_ROLE_FORMS: Final = ROLE_WORDS | ROLE_NOUNS | _TITLE_FORMS
_BEFORE_NAME_FORMS: Final = _ROLE_FORMS | TITLE_MODIFIERS | frozenset(DEMONYMS) | ORG_WORDS | ORGANIZATION_NOUNS
_SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i", "it"})
# Where a pre-name description may hold a document or medium before its author: "a tweet by X".
_AUTHOR_PREPS: Final = frozenset({"by"})
_MEDIUM_NOUNS: Final = frozenset({"tweet", "post", "message", "speech", "interview", "letter", "video", "email",
                                  "e-mail", "op-ed", "column", "remarks", "comments"})


@dataclass
class Source:
    """One source as the article describes it."""

    mention: str
    name: str | None = None
    title: str | None = None
    role: str | None = None
    affiliation: str | None = None
    kind: str = "other"  # person / group / organization / other: the resolver's working classification
    pronoun: str | None = None
    plural: bool = False
    # (source_type, role_class), worked out when first asked: most sources an article names are
    # only ever antecedents, never a row's speaker.
    kinds: tuple[str | None, str] | None = field(default=None, repr=False, compare=False)

    @property
    def source_type(self) -> str | None:
        """One of SOURCE_TYPES; None for an unresolved pronoun or what is no source (``classify``)."""
        return self.classified()[0]

    @property
    def role_class(self) -> str:
        """One of lexicon.role_classes.ROLE_CLASSES, or "unknown" (``classify``)."""
        return self.classified()[1]

    @property
    def anonymous(self) -> bool:
        """An unnamed individual or group: the article does not say who."""
        return self.classified()[0] in UNNAMED

    def classified(self) -> tuple[str | None, str]:
        if self.kinds is None:
            self.kinds = classify(self)
        return self.kinds

    @property
    def label(self) -> str:
        """The speaker as the catalogue names it: the name, else the description
        without its relative clause ("a diplomat whose country ..." -> "a diplomat"),
        its first word in lower case when a sentence start capitalised it ("A senior
        official said" and "according to a senior official" are one speaker)."""
        if self.name:
            return self.name
        description = clean_description(self.mention)
        if "wh" in description or "that" in description:
            description = _RELATIVE_CLAUSE.split(description)[0]
        # "the ad's narrator, saying ...", "a poll released Friday": the clause after is no part of who
        description = _TRAILING_CLAUSE.split(description)[0] or description
        words = description.split()
        cut = next((i for i in range(1, len(words)) if words[i] in DOCUMENT_PARTICIPLES
                    and words[i - 1] in _DOCUMENT_NOUNS), None)
        if cut is not None and not any(w in ("by", "for") for w in words[cut:]):
            description = " ".join(words[:cut])  # (not "data released Friday by regulators": whose it is)
        first, space, rest = description.partition(" ")
        if rest and first.lower() in DETERMINERS and first[1:].islower():
            description = first.lower() + space + rest
        return description

    def evolve(self, **changes: str | bool | None) -> "Source":
        """A copy with ``changes``. Sources are shared (``describe`` caches them), so
        they are copied, never changed; this is ``dataclasses.replace`` without its
        per-field checks, which cost more than the rest of resolution."""
        copy = Source(self.mention, self.name, self.title, self.role, self.affiliation, self.kind, self.pronoun,
                      self.plural)
        for name, value in changes.items():
            setattr(copy, name, value)
        if self.kinds is not None and (self.name or self.role or self.affiliation) and all(
                name == "pronoun" for name in changes):
            copy.kinds = self.kinds  # a named source's kind does not depend on its pronoun
        return copy


def clean_description(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:—-")


@lru_cache(maxsize=65536)  # asked of the same few words again and again
def is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a name: "Dorrian", "U.S.", "al-Assad", "Élise", "Łódź"."""
    if _NAME_WORD.match(word):
        return word.lower().rstrip(".") not in ARTICLES
    # Capitals beyond A-Z ("Élise Fournier"): the same shape, tested character by character.
    return word[:1].isupper() and not word[:1].isascii() and all(c.isalnum() or c in "'’.-" for c in word)


def split_sources(mention: str) -> list[str]:
    """``residents and the group's fighters`` is two sources; ``current and former officials`` is one,
    and so is ``Carl Hensman of the Bill and Melinda Gates Foundation`` (the "and" is inside a name)."""
    head, comma, appositive = mention.partition(",")
    if "and" not in head and "or" not in head and "as well as" not in head:
        return [mention]  # most sources: nothing to split on
    parts = _SOURCE_JOINER.split(head)
    if len(parts) < 2:
        # "Western officials and current and former fighters": two plural sources.
        words = head.split()
        for i, word in enumerate(words):
            if word == "and" and 0 < i < len(words) - 1 and _looks_plural(" ".join(words[:i])) \
                    and _looks_plural(" ".join(words[i + 1:])) and len(words[i + 1:]) > 1:
                parts = [" ".join(words[:i]), " ".join(words[i + 1:])]
                break
    if len(parts) < 2:
        return [mention]
    # "Bill and Hillary Clinton" style: a lone first name belongs to the next name.
    if any(len(p.split()) == 1 and p[:1].isupper() and not _looks_plural(p) and p not in COUNTRIES
           and not _is_organization([p]) and parts[i + 1][:1].isupper()
           and not (_is_organization(parts[i + 1].split()) and len(parts[i + 1].split()) < 3)
           and not _before_name(parts[i + 1].split()[0])
           for i, p in enumerate(parts[:-1])):
        return [mention]
    # "Road Transport and Bridges Minister X": the "and" is inside a portfolio.
    if any(_portfolio_goes_on(p) for p in parts[1:]):
        return [mention]
    # "Norland journalist and author X", "president and CEO of Y": a bare singular role noun (no
    # determiner, no name) cannot speak on its own, so it describes the same person as what follows.
    # Of the 63 mentions split on the tuning half and wikinews-dev, 3 were this shape, all one person.
    if any(_bare_singular_role(p) for p in parts[:-1]):
        return [mention]
    # "the United Nations' Food and Agriculture Organization's chief veterinary officer": one person
    # described by a possessor whose name has an "and" in it.
    if _possessed_role(parts[-1]) and not any(_has_role(p) for p in parts[:-1]):
        return [mention]
    if comma:
        return [mention]  # "X, founder and CEO of Y": one source with a long description
    # "X of the Bill and Melinda Gates Foundation", "authorities in Norland and the United States":
    # a joiner after a preposition joins the objects of that preposition, not two sources.
    if any(_ends_inside_phrase(p) for p in parts[:-1]):
        return [mention]
    return [p.strip() for p in parts if p.strip()]


def _portfolio_goes_on(part: str) -> bool:
    """Does ``part`` open with the rest of a portfolio: capitalised words, then Minister or Secretary?"""
    words = part.split()
    for i, word in enumerate(words):
        if word.lower() in PORTFOLIO_HEADS and word[:1].isupper():
            return i > 0 and not (words[0].lower() in DEMONYMS or words[0] in COUNTRIES or _is_title(words[0]))
        if not word[:1].isupper():
            return False
    return False


def _bare_singular_role(part: str) -> bool:
    """ "Norland journalist", "president", "former Halden Gov.": a singular role noun with no
    determiner before it and no name in it."""
    words = part.split()
    if not words or words[0].lower() in DETERMINERS or words[0].lower() in _POSSESSIVE_PRONOUNS:
        return False
    last = words[-1]
    if not _is_role(last) or _looks_plural(part) or last[:1].isupper() and not last.endswith("."):
        return False
    return describe(part).name is None


def _possessed_role(part: str) -> bool:
    words = part.split()
    return any(w.endswith(("'s", "’s")) and any(_is_role(r) for r in words[i + 1:]) for i, w in enumerate(words))


def _ends_inside_phrase(part: str) -> bool:
    """Does ``part`` end inside a prepositional phrase ("Carl Hensman of the Bill")?"""
    words = part.split()
    for i in range(len(words) - 1, 0, -1):
        lower = words[i].lower()
        if lower in PHRASE_PREPS or lower == "to":
            return all(w[:1].isupper() or w.lower() in ARTICLES for w in words[i + 1:]) and i < len(words) - 1
        if not (words[i][:1].isupper() or lower in ARTICLES):
            return False
    return False


def _looks_plural(text: str) -> bool:
    last = text.split()[-1].lower().strip(",.") if text.split() else ""
    return last in PLURAL_ROLES or (last.endswith("s") and not last.endswith("ss") and last[:1].islower())


@lru_cache(maxsize=16384)  # an article names its sources again and again; a build reads thousands of them
def describe(mention: str) -> Source:
    """Parse a source mention into its parts (no resolution across the article).

    The mention is read once (``_Mention``), then the rules below are tried in order and
    the first that applies describes it: a pronoun, a possessor ("China's foreign
    ministry"), a role then a name ("Her spokeswoman, Dana Pruitt"), a role ("Western
    officials"), a person, a counted group ("Many families in Eastbrook"), an
    organisation or country, and last an unnamed source ("residents"). ``classify``
    then says what kind of source it is.

    Cached: the same mention always reads the same way. Callers copy with
    ``Source.evolve`` and never change the returned object.
    """
    text = _core(_without_connectives(clean_description(mention)))
    pronoun = _pronoun(text)
    if pronoun is not None:
        return pronoun
    if text.lower() in BARE_QUANTIFIERS:
        return Source(mention=text, kind="group", plural=True)  # "Some say ...": an unnamed group, not a name
    plain = _plain_name(text)
    if plain is not None:
        return plain
    parts = _Mention.read(text)
    if parts is None:
        return Source(mention=text)
    source = (_possessed(parts) or _document_by(parts) or _role_then_name(parts) or _named_organization(parts)
              or _role(parts)
              or _person(parts) or _counted_group(parts) or _organization(parts) or _unnamed(parts))
    if source.affiliation:
        head = re.split(r"\s(?:of|for|in|from|with)\s", text, maxsplit=1)[0].split()[-1].lower().strip(",.")
        if head in _FOLLOWERS or text.split()[-1].lower().strip(",.") in _FOLLOWERS:
            # "Supporters of Dray", "one Dray confidant", "some of Dray's allies": they speak for themselves
            source = source.evolve(affiliation=None)
    if source.kind == "person" and source.name and not source.affiliation:
        words = source.name.split()
        owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s"))), None)
        if owner is not None and all(w[:1].isupper() for w in words[owner + 1:]):
            # "NBC's Chuck Todd", "National Review's Ian Tuttle": the possessor is whom the person speaks for.
            body = _POSSESSIVE_END.sub("", " ".join(words[:owner + 1]))
            place = body in US_STATES or body in COUNTRIES
            source = source.evolve(name=" ".join(words[owner + 1:]), affiliation=None if place else body)
    if not source.title and source.kind in ("other", "organization") and not source.plural \
            and (not source.affiliation or (_has_document_word(source.affiliation.split()[:-1])
                                            or source.affiliation[:1].islower())
                 and source.source_type in ("document", "organization")):
        owned = _owned_document(parts)
        if owned is not None:
            # A name read before stays the speaker's ("Quinnipiac poll") and its owner is the
            # affiliation; "ad by the X campaign" read as an organisation's name is X's document.
            source = source.evolve(affiliation=owned.affiliation) \
                if source.name and source.source_type == "document" else owned
    if source.affiliation:
        named_body = _named_body(source.affiliation)
        if named_body:
            # "the advocacy group Progress Iowa", "think tank Urban Futures": the kind, then the name
            source = source.evolve(affiliation=named_body)
    elif source.role and " of " in source.role:
        role, _, body = source.role.partition(" of ")
        named = _NAMED_AFTER_KIND.match(body)
        if named and named.group(1).split()[-1] in _BODY_KINDS:
            source = source.evolve(role=role, affiliation=named.group(2))  # "director of the think tank X"
    if source.affiliation in US_STATES and any(w.lower().strip(",") in _FORMER or w.lower().startswith("ex-")
                                               for w in text.split()):
        # "the former Florida governor", "Bush, Florida's former governor": the state is theirs no more.
        source = source.evolve(affiliation=None)
    if source.kind == "person" and (source.role or source.title) \
            and (source.role or source.title or "").split()[-1].lower() in COUNCIL_MEMBERS \
            and (not source.affiliation or source.affiliation.lower() in PLACE_LEVELS):
        # "Councilwoman X", "City Councilor X": the council, which resolution names from the article
        # (not "City", the first word of the title).
        source = source.evolve(affiliation="council")
    return source


def _plain_name(text: str) -> Source | None:
    """ "Jane Ortiz", "Ortiz": a name and nothing else, the most common mention, read without the rules
    (the same Source they give: a person, or one word that resolution decides)."""
    if len(text) > 40 or not text[:1].isupper():
        return None
    words = text.split(" ")
    if len(words) > 4:
        return None
    for word in words:
        if not (word[:1].isupper() and word.isalpha()) or _before_name(word) or word.lower() in _PARTICLES_OR_ARTICLES:
            return None  # a lower-case word, a title's stop, a hyphen, a title: not a bare name
    last = words[-1].lower()
    if words[0] in NOT_NAMES or words[0].lower() in DETERMINERS or last in DOCUMENT_WORDS or last in ORG_WORDS \
            or len(words) == 1 and (text.isupper() or last in ROLE_WORDS) or _is_organization_name(text) \
            or text in COUNTRIES:
        return None
    source = Source(mention=text, name=text, kind="person" if len(words) > 1 else "other")
    source.kinds = ("person", "unknown")
    return source


def _without_connectives(text: str) -> str:
    """ "But the minister" -> "the minister"."""
    words = text.split()
    while words and (words[0].lower().strip(",") in LEADING_CONNECTIVES or words[0].lower() in COORDINATION_OPENERS):
        words = words[1:]
        text = " ".join(words)
    return text


def _core(text: str) -> str:
    """The noun phrase of a mention, without what a span ran on into: a second clause ("X, the
    Defence Secretary; he described ..."), a clause with its own subject ("the Ministry of Foreign
    Affairs he died ..."), or a time ("current president X on Friday")."""
    if " " not in text:
        return text  # one word: nothing ran on
    if " - " in text or " – " in text or " — " in text:
        dateline = _DATELINE.match(text)
        if dateline:
            text = text[dateline.end():]  # "S.C. - Sen. Ted Cruz": the dateline's place is no part of the source
        for stop in (" — ", " – "):
            if stop in text:
                text = text.split(stop)[0]
    if ";" in text:
        text = text.split(";")[0]
    if ": " in text:
        text = text.split(": ")[0]
    if ", which " in text or ", that " in text:
        text = _RELATIVE_CLAUSE.split(text)[0]  # "the report, which found ...": the report
    words = text.split()
    changed = False
    for i in range(1, len(words)):
        if words[i] in _SUBJECT_PRONOUNS and words[i - 1][:1].isupper():
            words = words[:i]  # a lowercase pronoun after a name starts a clause ("... Affairs he died")
            changed = True
            break
    while len(words) > 1 and _time_at_end(words):
        words = words[:-2] if len(words) > 2 and words[-2].lower() in WHEN_STARTS else words[:-1]
        changed = True
    return clean_description(" ".join(words)) if changed else text


def _time_at_end(words: list[str]) -> bool:
    last = words[-1].lower().strip(",.")
    if last in DAYS or last in MONTHS:
        return True
    return last in WHEN_WORDS and len(words) > 2 and words[-2].lower() in WHEN_STARTS


def _pronoun(text: str) -> Source | None:
    """ "he", "they", "it", "we": a pronoun, resolved later."""
    lowered = text.lower()
    if len(lowered) > 4:
        return None  # the pronouns are short: most mentions are not one
    source = Source(mention=text)
    if lowered in PERSON_PRONOUNS:
        source.pronoun, source.kind = PERSON_PRONOUNS[lowered], "person"
    elif lowered in GROUP_PRONOUNS:
        source.pronoun, source.kind, source.plural = "they", "group", True
    elif lowered in ORGANIZATION_PRONOUNS:
        source.pronoun, source.kind = "it", "organization"
    elif lowered in FIRST_PERSON:
        source.pronoun, source.kind = lowered, "other"
    else:
        return None
    return source


# A comma that separates, not one inside a number ("1,409 teachers": a digit, then exactly three).
_SEPARATING_COMMA: Final = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))")


def _segments(text: str) -> list[str]:
    """``text`` split at its commas, except those inside brackets or numbers."""
    if "(" not in text:
        return [s.strip() for s in _SEPARATING_COMMA.split(text)] if "," in text else [text.strip()]
    segments, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0 and _SEPARATING_COMMA.match(text, i):
            segments.append(text[start:i].strip())
            start = i + 1
    segments.append(text[start:].strip())
    return segments


class _Mention:
    """A mention read once for the rules: its head (before the first comma) and appositive, and the
    head's words split around the name in it (``panel Chairman Rep. Ann Lee (R-Ohio)``)."""

    def __init__(self, text: str, head: str, appositive: str, head_words: list[str]):
        self.text, self.head, self.appositive, self.head_words = text, head, appositive, head_words
        self.name_words, self.before, self.after = _name_run(head_words)
        self.titles = _titles_before(self.before) if self.name_words else []
        self.determiner = bool(self.before) and self.before[0].lower() in DETERMINERS
        # Whether the name is inside a phrase ("officials in Washington", "a spokesman for Gov. Linda
        # Castellano"), not after it ("First Minister of Scotland Moira Dunn").
        self.name_in_phrase = bool(self.name_words) and _joins_phrase(head_words, len(self.before) - len(self.titles))
        # "the food critic Hanneke Bosman": a role between the determiner and the name.
        self.described_name = bool(self.name_words) and self.determiner and not self.name_in_phrase and any(
            _is_role(w) for w in self.before[1:])
        self.role_head = _role_word(head_words[-1]) or head_words[0] in ROLE_WORDS or (
            head_words[0] in PARTY_LABELS and len(head_words) > 1 and _role_word(head_words[1])) or (
            # "a spokesman for the ministry": the role word comes before the preposition
            # (but "Captain Ines Moreau of the fire brigade" is a named person).
            any(_is_role(w) for w in head_words) and _role_and_affiliation(head)[1] is not None
            and not (self.name_words and not self.determiner and len(self.before) <= len(self.titles) + 1))
        # "officials in Washington": where a phrase after the role starts, before any name.
        self.phrase_at = next((i for i, w in enumerate(self.before) if w.lower() in PHRASE_PREPS), None)

    @classmethod
    def read(cls, text: str) -> "_Mention | None":
        segments = _segments(text)
        if len(segments) > 2 and _is_full_name(segments[-1]) and not _is_full_name(segments[0]):
            # "University of Norland, Eastport's chancellor, Pradeep Rao": the name ends the mention.
            head, appositive = ", ".join(segments[:-1]), segments[-1]
        else:
            head, appositive = segments[0], ", ".join(segments[1:])
        head = _QUALIFIER.split(head)[0]
        head_words = head.split()
        if head_words and (head_words[0].lower() in ROLE_WORDS and not (head_words[0] in PARTY_LABELS and len(head_words) > 1)
                           and not (len(head_words) > 1 and is_name_word(head_words[1]))
                           and not (len(head_words) > 2 and _is_title(head_words[0])
                                    and head_words[1] in ("of", "to") and head_words[2][:1].isupper())
                           or head_words[0].lower() in QUANTIFIERS and len(head_words) > 1
                           or _common_document_or_medium(head_words)):
            # A sentence starts with a capital: "Experts on North Korea said", "Many families
            # in Eastbrook say" and "Reports indicate" name nobody.
            head_words[0] = head_words[0].lower()
            head = " ".join(head_words)
        if not head_words:
            return None
        return cls(text, head, appositive, head_words)

    def name_is_not_the_head(self) -> bool:
        """The role, not a name, ends the head ("an Islamic State commander", "officials")."""
        return (self.determiner and not self.described_name) or not self.name_words or self.name_in_phrase \
            or self.head_words[-1] not in self.name_words


def _common_document_or_medium(head_words: list[str]) -> bool:
    """ "Reports", "Media reports", "Data from the ministry": a document or media noun capitalised only
    because it starts the sentence (not "News Corp", "Press TV": a capitalised word follows)."""
    first = head_words[0]
    return first[:1].isupper() and first[1:].islower() and (first.lower() in DOCUMENT_WORDS
                                                             or first.lower() in MEDIA_NOUNS) \
        and (len(head_words) == 1 or head_words[1][:1].islower())


def _possessed(m: _Mention) -> Source | None:
    """ "China's foreign ministry", "Okafor's campaign manager": the possessor is the affiliation."""
    possessor = _POSSESSOR.match(m.head)
    if not (possessor and (not is_name_word(possessor.group(2).split()[0]) or _org_head(possessor.group(2)))):
        return None
    owned = describe(possessor.group(2) + ((", " + m.appositive) if m.appositive else ""))
    kind = "organization" if owned.kind == "organization" or _org_head(possessor.group(2)) else owned.kind
    owner = possessor.group(1)
    affiliation = owner + " campaign" if _last_lower(possessor.group(2)) == "campaign" or (
        owned.affiliation or "").lower() == "campaign" else owner
    return owned.evolve(mention=m.text, affiliation=affiliation, kind=kind,
                   name=m.head if kind == "organization" else owned.name)


def _document_by(m: _Mention) -> Source | None:
    """ "projections by CNN", "a report from the ministry", "data from the Bank of Ghana": a document and
    whom it speaks for."""
    words = m.head_words[1:] if m.head_words[0].lower() in STRIPPED_DETERMINERS else m.head_words
    at = next((i for i, w in enumerate(words) if w.lower() in ("by", "from")), None)
    if at is None or at == 0 or at == len(words) - 1 or words[at - 1].lower() not in DOCUMENT_WORDS \
            or not all(w.lower() in DOCUMENT_WORDS or w[:1].islower() for w in words[:at]):
        return None
    issuer = _strip_determiner(" ".join(words[at + 1:]))
    author = describe(issuer + ((", " + m.appositive) if m.appositive else ""))
    if author.source_type == "person":
        return author.evolve(mention=m.text)  # "a tweet by US Secretary of State Dana Moss": she speaks
    return Source(mention=m.text, role=" ".join(words[:at]), affiliation=issuer, kind="other")


# Prepositions after a document's noun that name whom it speaks for: "an email from the campaign",
# "an ad by the Rivera campaign", "an editorial in The Daily Ledger".
_DOCUMENT_OWNER_PREPS: Final = frozenset({"by", "from", "in"})
_POSSESSIVE_PRONOUNS: Final = frozenset({"his", "her", "its", "their", "my", "our", "your"})
# Words that end a document's noun phrase: "an analysis of the filings", "a letter to members".
_DOCUMENT_PHRASE_PREPS: Final = _DOCUMENT_OWNER_PREPS | {"of", "to", "for", "on", "about", "conducted", "released"}
# Words before a document's noun that name no owner: "another recent poll", "this ad".
_DOCUMENT_DETERMINERS: Final = STRIPPED_DETERMINERS | {"another", "this", "that"}


def _has_document_word(words: list[str]) -> bool:
    """ "Washington Post analysis of filings": an affiliation that holds the document's noun (one that
    ends it the catalogue's name drops: "Quinnipiac poll" is Quinnipiac's)."""
    return any(w in _DOCUMENT_NOUNS for w in words)


def _owner_word(word: str) -> bool:
    """A word of the name a document's owner is written with before its noun ("NBC/Wall Street Journal
    poll"), not a day ("the Monday statement") or a medium ("a campaign TV ad")."""
    lowered = word.lower()
    if lowered in DAYS or lowered in MONTHS or lowered in DOCUMENT_MEDIA:
        return False
    return all(is_name_word(part) for part in word.split("/")) if "/" in word else is_name_word(word)


def _owned_document(m: _Mention) -> Source | None:
    """A document and whom it speaks for, as the text names its owner: a capitalised modifier before
    its noun ("a Rivera campaign ad" -> Rivera campaign, "a Ledger analysis of the filings" -> Ledger,
    "the Ledger editorial") or the issuer after it ("an email from the Rivera campaign", "an editorial
    in The Daily Ledger"). PolNeAR tuning half: of 99 document rows with no affiliation, 18 name the
    owner so in the mention (the rest are mostly a bare "the poll", "the ad" written after it).
    A person after "by"/"from" speaks (``_document_by``); "in" names an outlet only when capitalised."""
    words = [w.strip(",") for w in m.head_words]
    while words and words[0].lower() in _DOCUMENT_DETERMINERS:
        words = words[1:]
    end = next((i for i, w in enumerate(words) if i and w.lower() in _DOCUMENT_PHRASE_PREPS), len(words))
    if not end:
        return None
    noun = words[end - 1].lower()
    if noun not in _DOCUMENT_NOUNS or noun in BODY_DOCUMENTS:
        return None
    owner = ""
    if end < len(words) - 1 and words[end].lower() in _DOCUMENT_OWNER_PREPS:
        issuer = _strip_determiner(" ".join(words[end + 1:]))
        if not is_name_word(issuer.split()[0]):
            return None  # "an email from the campaign", "a poll in the state": no one named
        if describe(issuer).source_type == "person":
            return None  # "a tweet by Senator Jane Doe": she speaks
        owner = issuer
    elif m.head_words[0].lower() not in _POSSESSIVE_PRONOUNS:
        # (not "her Twitter account": a platform, the account hers)
        modifiers = words[:end - 1]
        possessor = next((i for i, w in enumerate(modifiers) if w.endswith(("'s", "’s"))), None)
        if possessor is not None:
            modifiers = modifiers[:possessor + 1]  # "the Ledger's Battleground average": the Ledger's
        capitalised = [i for i, w in enumerate(modifiers) if _owner_word(w)]
        if not capitalised or not all(w.islower() for w in modifiers[capitalised[-1] + 1:]):
            return None
        last = first = capitalised[-1]
        while first and (_owner_word(modifiers[first - 1]) or modifiers[first - 1] in ("&", "and", "of")):
            first -= 1
        owner = " ".join(modifiers[first:last + 1])
        if last + 1 < len(modifiers) and modifiers[last + 1].lower() == "campaign":
            owner += " campaign"  # "a Rivera campaign ad": the campaign's
    else:
        return None
    owner = _POSSESSIVE_END.sub("", owner).strip(" ,.")
    if not owner or owner.lower() in DETERMINERS:
        return None
    return Source(mention=m.text, role=noun, affiliation=owner, kind="other")


def _last_lower(text: str) -> str:
    words = text.split()
    return words[-1].lower() if words else ""


def _role_then_name(m: _Mention) -> Source | None:
    """ "An attorney for the family, Mark Jones" / "Her spokeswoman, Dana Pruitt": the name is the appositive."""
    if not m.appositive or not m.name_is_not_the_head():
        return None
    appositive_words = _segments(m.appositive)[0].split()
    described = m.role_head or _has_role(m.head)
    if _is_organization(appositive_words) and all(is_name_word(w) for w in appositive_words) and (
            described or m.determiner and not m.name_words and all(w[:1].islower() for w in m.head_words[1:])):
        # "The developer, Calder Homes", "the insurer, Allianz Group": the organisation the description is of.
        role_text = _role_and_affiliation(m.head)[0] if described else _strip_determiner(m.head)
        name = " ".join(appositive_words)
        return Source(mention=m.text, name=name, role=role_text, affiliation=name, kind="organization")
    if not described:
        return None
    if _is_full_name(m.appositive):
        named = describe(m.appositive)
    else:
        # "His challenger, state Treasurer Miriam Castellanos-Hale": a role and a name in the appositive.
        named = describe(_segments(m.appositive)[0])
        if named.source_type != "person" or not named.name or len(named.name.split()) < 2:
            return None
    role_text, affiliation = _role_and_affiliation(m.head)
    return named.evolve(mention=m.text, role=role_text or named.role,
                   affiliation=affiliation or _premodifier_affiliation(m.head_words) or named.affiliation)


def _role(m: _Mention) -> Source | None:
    """A source named by its role: "an Islamic State commander", "Western officials", "officials in Washington"."""
    if m.head_words[-1].lower() in ORG_WORDS and not _role_word(m.head_words[-1]) \
            and not any(w.lower() in PHRASE_PREPS for w in m.head_words):
        return None  # "the city's police union": an organisation, whatever roles qualify it
    named_before_role = m.name_words and not m.name_in_phrase and len(m.before) < _affiliation_prep_index(m.head_words)
    if not (m.role_head and (m.name_is_not_the_head() or m.phrase_at is not None and m.name_in_phrase)
            and not (named_before_role and not m.determiner and len(m.name_words) > 1
                     and not _role_word(m.head_words[-1]))):
        return None
    source = Source(mention=m.text)
    role_text, affiliation = _role_and_affiliation(m.head)
    source.role = role_text
    source.affiliation = affiliation or _premodifier_affiliation(m.head_words)
    if m.appositive and not source.affiliation:
        _, source.affiliation = _role_and_affiliation(m.appositive)
    prep_at = _affiliation_prep_index(m.head_words)
    role_words = [w for w in m.head_words[:prep_at] if _role_word(w)] or [w for w in m.head_words if _role_word(w)]
    source.plural = role_words[-1].lower().strip(",.'’") in PLURAL_ROLES if role_words else _looks_plural(m.head)
    head_noun = m.head_words[:prep_at][-1] if m.head_words[:prep_at] else ""
    if role_words and head_noun != role_words[-1] and not _role_word(head_noun) and _looks_plural(head_noun):
        source.plural = True  # "jihadist comments", "militant groups": the head noun's number, not its modifier's
    source.kind = "group" if source.plural else "person"
    return source


def _person(m: _Mention) -> Source | None:
    """A person (or a single capitalised word, decided by resolution): "Col. John Dorrian, spokesman for the coalition"."""
    if not m.name_words or m.determiner and not m.described_name:
        return None
    if m.after and m.after[0][:1].islower() and m.after[0].lower() not in _PHRASE_JOINERS:
        return None  # "Government figures", "Trump campaign": the name is a modifier, not the source
    before = m.before[1:] if m.before and m.before[0].lower() in STRIPPED_DETERMINERS else m.before
    pre = _read_role(before) if before else _Role()
    if pre.names_organization:
        # "UK-based retailer Tesco", "State press agency PAP": a description of an organisation.
        return Source(mention=m.text, name=" ".join(m.name_words), role=pre.role, kind="organization")
    if _is_organization(m.name_words) or _is_country(m.name_words) or m.name_words[-1].lower() in DOCUMENT_WORDS:
        return None  # an organisation, a country, or a document named: "the United States Constitution"
    source = Source(mention=m.text)
    source.name = " ".join(m.name_words)
    source.title = " ".join(m.titles) or None
    after = [w for w in m.after if not w.startswith("(")]  # "(R-Utah)": party and state
    brackets = [w for w in m.after if w.startswith("(")]
    appositive: str | None = m.appositive
    party_state = _PARTY_STATE.match(appositive or "")
    if party_state:
        appositive = None  # "Sen. Patrick Leahy, D-Vt.": party and state, no role
    appositive_role, appositive_affiliation = _role_and_affiliation(appositive) if appositive else (None, None)
    after_role, after_affiliation = None, _affiliation_from_after(after)
    if after and after_affiliation is None:
        after_role, after_affiliation = _role_and_affiliation(" ".join(after))
    source.role = appositive_role or pre.role or after_role
    if source.role and all(w.lower() in HONORIFICS or w.endswith(".") for w in source.role.split()):
        source.role = None  # "Mr.", "Sen.", "Col.": a title, kept as the title
    party = next((PARTY_LETTERS[match.group(1)] for match in map(_PARTY_BRACKET.match, brackets)
                  if match and match.group(1) in PARTY_LETTERS), None)
    if party is None and party_state:
        party = PARTY_LETTERS.get(party_state.group(1))
    # The most telling affiliation: an organisation named after the name, then the one the
    # description before it gives ("Polish Interior Minister": its ministry), then a place.
    candidates = [appositive_affiliation, after_affiliation if _org_head(after_affiliation or "") else None,
                  pre.affiliation, after_affiliation, party]
    source.affiliation = next((c for c in candidates if c), None)
    if source.affiliation in _CHAMBERS.values() and party and source.affiliation == pre.affiliation:
        source.affiliation = party  # "Texas Sen. Ted Cruz (R)": the party says more than the chamber
    if source.affiliation == after_affiliation and _us_place(after_affiliation or "") and not _legislator(source):
        source.affiliation = party  # "Michael Brown of Washington, D.C.": where they live
    if source.affiliation in US_STATES and any(w.lower() in _FORMER for w in m.before):
        source.affiliation = party  # "former Pennsylvania Gov. Ed Rendell" speaks for the state no more
    if source.affiliation in US_STATES and _legislator(source):
        # "Texas Sen. Ted Cruz", "Rep. Peter King of New York": the state elects them; they speak
        # for their party ("(R-Texas)") or, where the mention gives none, their chamber.
        source.affiliation = party or _chamber(source, m.before)
    source.kind = "person" if len(m.name_words) > 1 or m.titles or pre.role else "other"
    return source


# Members of a legislature, by title or role noun: "Sen.", "Rep.", "Senator", "congresswoman".
_LEGISLATORS: Final = frozenset({"senator", "representative", "congressman", "congresswoman", "congressmember",
                                 "lawmaker", "legislator", "delegate", "assemblyman", "assemblywoman"})


def _legislator(source: Source) -> bool:
    words = f"{source.title or ''} {source.role or ''}".lower().split()
    return any(TITLE_ROLES.get(w, w).strip(",.") in _LEGISLATORS for w in words)


def _us_place(text: str) -> bool:
    """A US state or the capital: "Texas", "Washington, D.C.", "New York"."""
    text = text.strip(" ,.")
    return text in US_STATES or text.split(",")[0] in US_STATES


def _chamber(source: Source, before: list[str]) -> str | None:
    """The chamber of Congress a senator or a representative of a state sits in; none for a state
    legislator ("state Sen. ...") or a lawmaker of no stated chamber."""
    if any(w.lower() == "state" for w in [*before, *(source.role or "").split()]):
        return None
    nouns = {TITLE_ROLES.get(w, w).strip(",.") for w in f"{source.title or ''} {source.role or ''}".lower().split()}
    return next((_CHAMBERS[n] for n in sorted(nouns) if n in _CHAMBERS), None)


def _named_organization(m: _Mention) -> Source | None:
    """ "the Ministry of Foreign Affairs", "Bank of Ghana", "Bill and Melinda Gates Foundation": a name
    with "of", "for" or "and" inside it that an organisation word heads (not "Carl Hensman of the ...")."""
    words = m.head_words[1:] if m.head_words[0].lower() in ARTICLES else m.head_words
    while words and words[-1].startswith("("):
        words = words[:-1]  # "(Phivolcs)": the acronym after the name
    if len(words) < 2 or not all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in words) \
            or words[-1].lower() in _NAME_CONNECTORS:
        return None
    first_part: list[str] = []
    for word in words:
        if word.lower() in ("of", "for"):
            break
        first_part.append(word)
    if not first_part:
        return None
    head_is_body = first_part[-1].lower().strip(".,'’") in ORG_WORDS or len(first_part) < len(words) and (
        first_part[0].lower() in _BODY_WORDS) or len(first_part) == len(words) and (
        words[-1].lower() in ORG_WORDS and (len(first_part) == 1 or any(_before_name(w) for w in first_part[:-1])))
    if not head_is_body or _is_title(first_part[0]) or any(_is_title(w) for w in first_part) and len(first_part) == len(words):
        return None
    name = " ".join(words)
    return Source(mention=m.text, name=name, affiliation=name, kind="organization",
                  role=_role_and_affiliation(m.appositive)[0] if m.appositive else None)


_NAME_CONNECTORS: Final = frozenset({"of", "for", "and", "the", "&", "on", "de", "du", "des"})


def _counted_group(m: _Mention) -> Source | None:
    """ "Many families in Eastbrook", "two residents of Aleppo": people counted and placed."""
    if not (m.name_words and m.phrase_at is not None and m.before[0].lower() in QUANTIFIERS):
        return None
    source = Source(mention=m.text)
    source.role = " ".join(m.before[1:m.phrase_at]) or None
    source.affiliation = " ".join(m.name_words)
    source.kind, source.plural = "group", True
    return source


def _organization(m: _Mention) -> Source | None:
    """An organisation or a country: "the ministry", "Russia", "The New York Post", "Government figures"."""
    if not m.name_words:
        return None
    last = m.head_words[-1].lower().strip(".,'’")
    if m.after and m.after[0][:1].islower() and last not in ORG_WORDS and last not in DOCUMENT_WORDS:
        return None  # "the engineer on duty the night the Ashby Reservoir dam failed": no organisation's name
    source = Source(mention=m.text)
    source.kind = "organization"
    source.name = _strip_determiner(m.head)
    source.affiliation = source.name
    source.role = _role_and_affiliation(m.appositive)[0] if m.appositive else None
    return source


def _unnamed(m: _Mention) -> Source:
    """Lowercase and unnamed: "residents", "critics", "the campaign", "two people familiar with the matter"."""
    source = Source(mention=m.text)
    # The noun phrase before any phrase after it: "aid groups in the region" are groups (but after
    # "of", the people counted: "30 percent of his backers").
    prep_at = next((i for i, w in enumerate(m.head_words) if i and w.lower() in PHRASE_PREPS and w.lower() != "of"),
                   len(m.head_words))
    noun = m.head_words[prep_at - 1]
    source.plural = (_looks_plural(noun) if noun[:1].islower() else _looks_plural(m.head)) \
        or m.head_words[0].lower() in _PLURAL_QUANTIFIERS
    first = m.head_words[0].lower()
    if len(m.head_words) > 2 and m.head_words[1].lower() == "of" and first in _PARTITIVES:
        # "one of the children", "some of them": some of a group, whom the article does not name.
        source.role = _strip_determiner(" ".join(m.head_words[2:]))
        source.plural = first not in SINGULAR_QUANTIFIERS and first != "none"
        source.kind = "group" if source.plural else "person"
        return source
    if m.head_words[-1].lower() in GROUP_NOUNS:
        source.kind, source.plural, source.role = "group", True, _strip_determiner(m.head)  # "the research team"
        return source
    if any(w.lower() in ORG_WORDS for w in m.head_words[-1:]):
        source.kind = "organization"
        source.name = _strip_determiner(m.head)
        return source
    described = source.plural or any(_is_role(w) for w in m.head_words)
    source.kind = "group" if source.plural else "person" if described else "other"
    source.role = _strip_determiner(m.head) if described else None
    if not source.plural:
        _, source.affiliation = _role_and_affiliation(m.head)  # "the court's summary": the court
    return source


def _affiliation_prep_index(words: list[str]) -> int:
    """Where "for/at/of ..." follows a role word ("analyst at ..."), else past the end."""
    for i, word in enumerate(words):
        if word.lower() in PHRASE_PREPS and i > 0 and _role_word(words[i - 1]):
            return i
    return len(words)


def _is_full_name(phrase: str) -> bool:
    words = clean_description(phrase).split(",")[0].split()
    return 2 <= len(words) <= 4 and all(is_name_word(w) or w.lower() in NAME_PARTICLES for w in words) \
        and not any(_is_title(w) for w in words[-1:]) and not _is_organization(words) \
        and not _is_country(words)


def _org_head(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and words[-1].lower().strip(".,") in ORG_WORDS


def _is_title(word: str) -> bool:
    if not word[:1].isupper():
        return False  # "press secretary" is a role; "Secretary Kerry" has a title
    lower = word.lower()
    if lower in _TITLE_FORMS:
        return True
    # "Vice-President", "Secretary-General", "Director-General": a hyphenated title.
    return "-" in lower and any(part in TITLES or part in ROLE_NOUNS for part in lower.split("-"))


def _role_word(word: str) -> bool:
    return word.lower().strip(",.'’") in ROLE_WORDS


def _is_role(word: str) -> bool:
    """A role noun in any list: "spokesman", "designer", "Minister", "director-general"."""
    lower = word.lower().strip(",.'’")
    if lower in _ROLE_FORMS:
        return True
    return "-" in lower and any(p in _ROLE_FORMS for p in lower.split("-"))


def _before_name(word: str) -> bool:
    """A capitalised word that stands before a name, not in it: a title, role, modifier, country,
    demonym, party label or organisation word ("Senate Minority Leader", "Polish", "Coast Guard")."""
    lower = word.lower().strip(",.'’")
    if lower in _BEFORE_NAME_FORMS or word in _NATIONS or word in PARTY_LABELS:
        return True
    return "-" in word and (word.endswith("-based") or _is_role(word) or _is_title(word))


def _has_role(phrase: str) -> bool:
    return any(_is_role(w) for w in phrase.replace(",", " ").split())


def _name_candidate(words: list[str], start: int, end: int) -> int:
    """Where the name starts in the capitalised run ``words[start:end]``: after the last word that
    stands before a name ("Senate Minority Leader Carl Breuer", "Argentina Alberto Fernández")."""
    first = start
    for k in range(start, end - 1):
        if _before_name(words[k]) and not _before_name(words[k + 1]):
            first = k + 1
    while first < end and _before_name(words[first]):
        first += 1
    if first == end - 1 and first > start and words[first - 1].lower() in OUTLET_WORDS \
            and words[first].lower() in OUTLET_WORDS:
        first -= 1  # "the Daily Mail", "the Evening Star": one outlet's name, no "Mail" named after a "Daily"
    return first


def _runs(words: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (with particles inside: "Arnel dela Vega")."""
    runs = []
    i, n = 0, len(words)
    while i < n:
        if is_name_word(words[i]) and not words[i].startswith("("):
            j = i + 1
            while j < n and (is_name_word(words[j]) and not words[j].startswith("(")
                             or words[j].lower() in NAME_PARTICLES and j + 1 < n and is_name_word(words[j + 1])
                             or words[j].lower() == "dela" and j + 1 < n and is_name_word(words[j + 1])):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _name_run(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split ``panel Chairman Rep. Ann Lee (R-Ohio)`` into before / name / after.

    News writes a description before a name ("Longtime Morning Show writer and performer Rob
    Bartel", "US Ambassador to Norland Richard Hale") and a phrase after it ("Doug Collins of
    Georgia", "Jane Ortiz (D-Ore.)"). The name is the capitalised run that ends the mention
    when the word before it is no preposition, else the first run that stands outside a
    phrase; in either, the words that stand before names (titles, countries) are not the name.
    """
    end = len(words)
    while end > 0 and words[end - 1].startswith("("):
        end -= 1  # "(R-Utah)", "(IEDCR)": brackets after the name
    runs = _runs(words[:end])
    chosen: tuple[int, int] | None = None
    if runs and runs[-1][1] == end:
        start, stop = runs[-1]
        first = _name_candidate(words, start, stop)
        previous = words[first - 1].lower() if first > 0 else ""
        if first < stop and (first > start or first == 0 or not _joins_phrase(words, first)) \
                and not _before_name(words[stop - 1]) or (first < stop and previous in _AUTHOR_PREPS):
            chosen = (first, stop)
        elif stop - start >= 3 and start > 1 and words[start - 1].lower() in ("of", "to") and _is_title(words[start - 2]):
            # "Secretary of Homeland Security Kirstjen Nielsen": the last two words are the name.
            chosen = (stop - 2, stop)
    if chosen is None:
        for start, stop in runs:
            first = _name_candidate(words, start, stop)
            if first < stop and (first > start or not _joins_phrase(words, first)) \
                    and not all(_before_name(w) for w in words[first:stop]):
                chosen = (first, stop)
                break
    if chosen is None:
        return _first_name_run(words)
    start, stop = chosen
    name = words[start:stop]
    while name and name[-1].lower() in NAME_PARTICLES:
        name.pop()
        stop -= 1
    return name, words[:start], words[start + len(name):]


def _joins_phrase(words: list[str], i: int) -> bool:
    """Does the word before ``words[i]`` put it inside a phrase ("of Georgia", "of the Bill", "army's"),
    or make it the object of a verb ("threatened to make Kadzik")?"""
    if i == 0:
        return False
    previous = words[i - 1]
    lower = previous.lower()
    if previous[:1].islower() and lower not in DETERMINERS and lower not in NAME_PARTICLES and lower != "dela" \
            and not _is_role(previous) and not (lower.endswith(_ROLE_SUFFIXES) and lower not in FUNCTION_WORDS
                                                and not lower.endswith("ment")) and not previous.endswith("-based") \
            and lower not in ORGANIZATION_NOUNS and lower not in MEDIA_NOUNS \
            and lower not in _PHRASE_JOINERS:
        return True  # a verb, not a role noun, before the name
    if lower in _PHRASE_JOINERS:
        return True
    if previous[:1].isdigit() and i > 1 and words[i - 2].lower() in _PHRASE_JOINERS:
        return True  # "a spokesman for 10 Downing Street", "a lawyer for 21st Century Fox"
    if previous.endswith(("'s", "’s", "'", "’")):
        return True
    return lower in ARTICLES and i > 1 and words[i - 2].lower() in _PHRASE_JOINERS


def _first_name_run(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    """The first capitalised run that is no title (how ``_name_run`` reads what it cannot place)."""
    start = None
    for i, word in enumerate(words):
        role_before_name = _role_word(word) and i + 1 < len(words) and is_name_word(words[i + 1])
        if is_name_word(word) and not _is_title(word) and not role_before_name \
                and not (word.lower() in TITLE_MODIFIERS and i + 1 < len(words) and _is_title(words[i + 1])):
            start = i
            break
    if start is None:
        return [], words, []
    name: list[str] = []
    for word in words[start:]:
        if is_name_word(word) or (name and word.lower() in NAME_PARTICLES):
            name.append(word)
        else:
            break
    while name and name[-1].lower() in NAME_PARTICLES:
        name.pop()
    return name, words[:start], words[start + len(name):]


def _titles_before(before: list[str]) -> list[str]:
    """The titles written right before a name: "Col.", "Prime Minister", "Chief Superintendent"."""
    titles: list[str] = []
    for word in reversed(before):
        lower = word.lower().strip(",.'’")
        if word in PARTY_LABELS or lower in DEMONYMS or word in COUNTRIES:
            break
        if word[:1].isupper() and (_is_title(word) or (titles and lower in ROLE_MODIFIERS)
                                   or (titles and _is_role(word))):
            titles.insert(0, word)
        else:
            break
    while titles and titles[0].lower() in ROLE_MODIFIERS and titles[0].lower() in ("former", "then", "late"):
        titles = titles[1:]
    return titles


def _strip_determiner(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in STRIPPED_DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _is_organization(name_words: list[str]) -> bool:
    return _is_organization_name(" ".join(name_words))


@lru_cache(maxsize=16384)
def _is_organization_name(name: str) -> bool:
    name_words = name.split()
    if any(w.lower().strip(".,'’").removesuffix("'s") in ORG_WORDS for w in name_words[1:]):
        return True
    joined = " ".join(w for w in name_words if not w.startswith("("))
    if joined in OUTLETS or joined in GOVERNMENT_NAMES or "The " + joined in OUTLETS \
            or len(name_words) > 1 and name_words[0] in OUTLETS:
        return True  # "Deutsche Welle (DW)", "The Hindu", "CNN Philippines"
    if len(name_words) > 1 and name_words[-1].lower().strip(".,") in COMPANY_NAME_WORDS:
        return True  # "Halvorsen Systems", "Midland Water"
    # Acronyms: "NATO", "FBI" (but not "U.S.", a country).
    return len(name_words) == 1 and name_words[0].isupper() and "." not in name_words[0] and len(name_words[0]) > 2


def _is_country(name_words: list[str]) -> bool:
    return bool(name_words) and " ".join(name_words) in COUNTRIES


def _role_head(words: list[str]) -> bool:
    return any(w.lower().strip(",.'’") in ROLE_WORDS for w in words)


# --- reading a description: role and affiliation ------------------------------------------


class _Role:
    """What a description says: the role, whom the source speaks for, and whether the description
    is of an organisation ("retailer", "press agency") rather than of a person."""

    def __init__(self, role: str | None = None, affiliation: str | None = None, names_organization: bool = False):
        self.role, self.affiliation, self.names_organization = role, affiliation, names_organization


@lru_cache(maxsize=16384)  # asked of a mention's head by several rules
def _role_and_affiliation(phrase: str) -> tuple[str | None, str | None]:
    """``a Syria analyst at the Institute for the Study of War`` -> (Syria analyst, Institute for the Study of War)."""
    phrase = clean_description(_BRACKETS.sub("", phrase) if "(" in phrase else phrase)
    phrase = _QUALIFIER.split(phrase)[0]
    segments = _segments(phrase)
    while len(segments) > 1 and segments[0].isdigit():
        segments = segments[1:]  # "Harold Maddox, 71, a retired mechanic": the age first
        phrase = ", ".join(segments)
    first = phrase.split(" ", 1)[0].lower()
    if not phrase or first.endswith("ed") and "-" not in first and first not in ROLE_MODIFIERS \
            and first not in ROLE_WORDS:
        return None, None  # "asked by reporters whether ...": a clause, not a role
    read = _read_role(_segments(phrase)[0].split() if "'s" not in phrase and "’s" not in phrase else phrase.split())
    return read.role, read.affiliation


def _read_role(words: list[str]) -> _Role:
    """Read a description (no name in it) into role and affiliation, with the grammar of news titles.

    - a possessor speaks for itself: "the company's chief financial officer" -> company;
    - a phrase after the role names the organisation: "spokesman for the coalition", "professor
      of economics at the University of Exeter" (a lower-case object is part of the role);
    - before the role, the words that qualify it ("Deputy", "senior", "press", a portfolio) are
      the role, and what stands before them is the affiliation: a country or demonym, a party
      label, an organisation's name ("Florida Department of Transportation official");
    - an office gives the body it belongs to: a minister the ministry of the portfolio or the
      government ("Polish Interior Minister" -> Polish Interior Ministry, "New Zealand Prime
      Minister" -> New Zealand government), a Secretary the department.
    """
    words = [w for w in words if w]
    while words and words[0].lower() in _LEADING_DETERMINERS:
        words = words[1:]
    for i, word in enumerate(words):
        if word.lower() in _AUTHOR_PREPS and i + 1 < len(words) and any(
                w.lower() in DOCUMENT_WORDS or w.lower() in _MEDIUM_NOUNS for w in words[:i]):
            words = words[i + 1:]  # "a tweet on Monday by US Secretary of State": the author
            break
    if not words:
        return _Role()
    # A possessor: the last one before a role ("the United Nations' Food and Agriculture Organization's
    # chief veterinary officer", "Okafor's campaign manager").
    possessive = any(w.endswith(("'s", "’s", "s'", "s’")) for w in words)
    phrase_at = next((i for i, w in enumerate(words) if i > 0 and (w.lower() in AFFILIATION_PREPS or w.lower() == "to")
                      and _is_role(words[i - 1])), len(words)) if possessive else 0
    for i in range(min(len(words), phrase_at) - 2, -1, -1):
        word = words[i]
        owned = words[i + 1:]
        owned = owned[:next((k for k, w in enumerate(owned) if w.lower() in AFFILIATION_PREPS), len(owned))]
        if word.endswith(("'s", "’s", "s'", "s’")) and owned and owned[-1].lower() in DOCUMENT_WORDS \
                and i == len(words) - len(owned) - 1:
            # "the chain's press release": the release speaks for the chain
            owner = _strip_determiner(" ".join(words[:i] + [_POSSESSIVE_END.sub("", word)])).strip(", ")
            return _Role(" ".join(owned), owner or None)
        if word.endswith(("'s", "’s", "s'", "s’")) and any(_is_role(w) for w in owned) and not any(
                w[:1].isupper() and not (_is_title(w) or _is_role(w) or w.lower() in ROLE_MODIFIERS) for w in owned):
            owner = _strip_determiner(" ".join(words[:i] + [_POSSESSIVE_END.sub("", word)])).strip(", ")
            rest = _read_role(words[i + 1:])
            if rest.affiliation and rest.affiliation.lower() == "campaign":
                return _Role(rest.role, owner + " campaign")
            if owner[:1].islower() and rest.affiliation and rest.affiliation[:1].isupper():
                # "the study's lead author and a zoologist at the University of Glasgow": the university
                return _Role(rest.role, rest.affiliation)
            return _Role(rest.role, owner or rest.affiliation)
    # A phrase after the role: its head is the last role word before the first such preposition.
    for i, word in enumerate(words):
        lower = word.lower()
        if i > 0 and (lower in AFFILIATION_PREPS or lower == "to") and _is_role(words[i - 1]):
            return _role_with_phrase(words[:i], words[i:])
        if i > 0 and lower in _TOPIC_PREPS and _is_role(words[i - 1]):
            # "an expert on Norland at the Halden Center": the topic is the role's, the
            # phrase after it names the body.
            at = next((k for k in range(i + 1, len(words)) if words[k].lower() in AFFILIATION_PREPS), None)
            if at is None:
                break
            read = _role_with_phrase(words[:i], words[at:])
            topic = " ".join(words[i:at])
            return _Role(f"{read.role} {topic}" if read.role else None, read.affiliation)
    return _premodified(words)


_TOPIC_PREPS: Final = frozenset({"on", "about"})


def _role_with_phrase(role_words: list[str], phrase: list[str]) -> _Role:
    """A role and the phrase after it: "Ambassador to Germany", "President of Argentina",
    "Secretary of State", "general secretary of the RMT union", "professor of economics at ...".

    An object names whom the source speaks for when it is a name or an organisation ("for the
    coalition", "at the University of Exeter", "for the family"); a lower-case object of "of" is
    part of the role ("professor of economics"), others are dropped ("a pilot with a gift for
    ...", "director for research at X": X). A person is no affiliation: their office is ("aide to
    Sen. X" -> office of Sen. X). A place after "in" says where, not for whom, unless the role is
    a state's ("officials in Washington")."""
    head = _premodified(role_words)
    role = " ".join(role_words)
    if role_words[-1].lower() in _FOLLOWERS:
        return _Role(role, None)  # "supporters of Dray"
    objects = _phrase_objects(phrase)
    affiliation = None
    head_word = role_words[-1].lower()
    governmental = _government_class(role_words)
    for number, (prep, object_words) in enumerate(objects):
        object_words = [w for w in object_words if not (w.startswith("(") or w.endswith(")"))]
        bare = object_words[1:] if object_words and object_words[0].lower() in _LEADING_DETERMINERS else object_words
        text = _strip_determiner(" ".join(object_words)).strip(", ")
        if not text:
            continue
        # A name may start with a number: "for 10 Downing Street", "at 21st Century Fox".
        named = bool(bare) and (bare[0][:1].isupper() or bare[0][:1].isdigit() and (
            len(bare) > 1 and bare[1][:1].isupper() or any(c.isupper() for c in bare[0])))  # "at 3M"
        if named:
            text = _capitalised_part(bare)  # "the Halden Institute of Technology and one of ...": the institute
            if len(text.split()) < len(bare):
                described = describe(" ".join(bare))
                if described.kind == "organization" and described.name:
                    text = described.name  # "the Halden-based investment company Ames Lund Scott"
        if not named and bare and any(w[:1].isupper() for w in bare):
            body = _named_body(" ".join(object_words))
            if body:
                text, named = body, True  # "a researcher at the independent Halden Policy Review"
        if prep == "to" and head_word in ("ambassador", "envoy", "ambassadors", "envoys"):
            role += " to " + text  # "Ambassador to Germany": where, not for whom
            continue
        if not named and not any(w.lower().strip(",.'’") in _BODY_OR_PEOPLE for w in object_words):
            if prep == "of" and number == 0:
                role += f" of {' '.join(object_words)}"  # "professor of economics", "chief of staff"
            continue
        country = _country_of(text)
        if prep == "of" and country and _office(role_words):
            role += " of " + text
            affiliation = affiliation or _government(country)
            continue
        if prep == "of" and head_word in PORTFOLIO_HEADS and role_words[-1][:1].isupper() and not (
                _org_head(text) and len(text.split()) > 1 or text.isupper() or country):
            portfolio = _capitalised_part(object_words)
            role += " of " + portfolio  # "US Secretary of State" -> US State Department
            body = f"{portfolio} {PORTFOLIO_HEADS[head_word]}"
            if head.affiliation and head.affiliation.endswith(" government"):
                body = head.affiliation.removesuffix("government") + body
                head = _Role(head.role)
            affiliation = affiliation or body
            continue
        if prep == "in" and not governmental and not _has_org_word(text):
            continue  # "an actor in Dallas": where, not for whom
        if prep in ("in", "from") and _class_of_words([head_word]) == "citizen" and not _has_org_word(text):
            continue  # "a student from Ocala, Fla.": where the student is from
        if prep == "in" and _us_place(text) and _class_of_words([head_word]) != "official":
            continue  # "a GOP strategist in Washington": where the strategist works
        person = describe(text) if named and not country and not _org_head(text) else None
        if person is not None and person.kind == "person" and person.name and len(person.name.split()) > 1 \
                and (person.title or text.split()[0].lower() in HONORIFICS) and not person.plural:
            # a titled person: "Gov. Linda Castle", "Senate Majority Leader Mitch McConnell"
            text = text.removesuffix("'s").removesuffix("’s")
            text = f"{text.split()[-1]} campaign" if "campaign" in role.lower() else f"office of {text}"
        if affiliation is None or not _has_org_word(affiliation) and _has_org_word(text):
            affiliation = text
    complement = role[len(" ".join(role_words)):]
    role_text = _strip_determiner((head.role or " ".join(role_words)) + complement) or None
    if head.affiliation and affiliation and affiliation.startswith("office of "):
        affiliation = head.affiliation  # "former White House press secretary to a president": the White House
    return _Role(role_text, affiliation or head.affiliation)


def _named_body(text: str) -> str | None:
    """The name of a body the words before it describe: "the advocacy group Progress Iowa",
    "cyber security firm Ardent", "the independent Halden Policy Center", "the super PAC Keep
    Norland Free". None unless the description ends in a kind of body or the name reads as
    one's (a person's name after "the late" is no body)."""
    words = text.split()
    first = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    end = first
    while end < len(words) and (words[end][:1].isupper() or words[end].lower() in _NAME_CONNECTORS
                                and end + 1 < len(words) and words[end + 1][:1].isupper()):
        end += 1
    named = _NAMED_AFTER_KIND.match(" ".join(words[:end]))  # "... Center and a professor at": the name ends at "and"
    if named is None:
        return None
    kind = named.group(1).split()[-1].lower()
    name = named.group(2).split()
    if kind in _NAME_CONNECTORS or kind in AFFILIATION_PREPS or name[0].lower() in BODY_KIND_ACRONYMS and len(name) == 1:
        return None  # "office of House Speaker X", "a new super PAC": no name after the kind
    acronym = False
    while len(name) > 1 and name[0].lower() in BODY_KIND_ACRONYMS:
        name, acronym = name[1:], True  # "super PAC"
    while name and name[-1].lower() in _NAME_CONNECTORS:
        name = name[:-1]
    if not name:
        return None
    body = " ".join(name)
    if acronym or kind in _BODY_KINDS or kind in ORGANIZATION_NOUNS or kind in GENERIC_BODIES \
            or _has_org_word(body) or name[-1].lower() in OUTLET_WORDS or _is_organization_name(body):
        return body
    return None


def _has_org_word(text: str) -> bool:
    return any(w.lower().strip(",.'’()") in ORG_WORDS for w in text.split())


def _capitalised_part(words: list[str]) -> str:
    """The name an object starts with: "State and Democratic presidential frontrunner" -> State, "the
    Institute for the Study of War", "U.S.-led coalition", "RMT union" (an organisation noun after a name)."""
    kept: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower().strip(",.")
        if word[:1].isupper() or word[:1].isdigit() or lower in _NAME_CONNECTORS and kept \
                or kept and lower in ORG_WORDS and kept[-1][:1].isupper():
            kept.append(word)
        else:
            if kept and kept[-1].lower() == "and" or len(kept) > 1 and kept[-2].lower() == "and" \
                    and kept[-1].lower() not in ORG_WORDS:
                # "State and Democratic presidential ...": the name ended before the "and"
                while kept and kept[-1].lower() != "and":
                    kept.pop()
            break
    while kept and kept[-1].lower() in _NAME_CONNECTORS:
        kept.pop()
    return " ".join(kept)


def _phrase_objects(phrase: list[str]) -> list[tuple[str, list[str]]]:
    """ "of economics at the University of Exeter" -> [("of", [economics]), ("at", [the, University, of, Exeter])]:
    a new phrase starts at each preposition, except "of"/"and" inside a capitalised name."""
    objects: list[tuple[str, list[str]]] = []
    for word in phrase:
        lower = word.lower()
        if lower in AFFILIATION_PREPS or lower == "to":
            inside_name = objects and lower in ("of", "for") and objects[-1][1] \
                and objects[-1][1][-1][:1].isupper()
            if not inside_name:
                objects.append((lower, []))
                continue
        if objects:
            objects[-1][1].append(word)
    return objects


def _premodified(words: list[str]) -> _Role:
    """A role head and the words before it: "New Zealand Prime Minister", "Train drivers' union Aslef
    general secretary", "Coast Guard Commandant", "fashion designer", "retailer".

    Walking left from the head: a portfolio before a Minister or Secretary ("Civil Aviation",
    "Road Transport and Bridges"), a lower-case organisation noun and its modifiers ("fire
    service", "police", "campaign": the generic affiliation), then the words that qualify the role
    ("Deputy", "senior", "press", "Baghdad-based"). What is left names whom the source speaks for.
    """
    if not words:
        return _Role()
    head = words[-1]
    head_lower = head.lower().strip(",.'’")
    if not _is_role(head) and head_lower not in ORGANIZATION_NOUNS and head_lower not in DOCUMENT_WORDS \
            and not (head[:1].islower() and head_lower.endswith(_ROLE_SUFFIXES)):
        return _Role(" ".join(w for w in words if w.lower() not in STRIPPED_DETERMINERS) or None)
    party = head if head in PARTY_LABELS else head.capitalize() if head.capitalize() in PARTY_LABELS else None
    if party is not None:
        # "Democrat Jane Ruiz", "Republicans": a party label is the party, not a role.
        return _Role(head if head.endswith("s") else None, PARTY_LABELS[party])
    portfolio: list[str] = []
    generic: list[str] = []
    in_portfolio = head_lower in PORTFOLIO_HEADS
    j = len(words) - 2
    while j >= 0:
        word = words[j]
        lower = word.lower().strip(",.'’")
        capital = word[:1].isupper()
        if word in PARTY_LABELS or capital and (lower in DEMONYMS or word in COUNTRIES):
            break
        if in_portfolio and (lower in PORTFOLIOS or lower == "and" and portfolio or capital and not (
                lower in DEMONYMS or word in COUNTRIES or word in PARTY_LABELS or lower in ROLE_MODIFIERS
                or _is_title(word) or word.endswith("-based"))):
            portfolio.insert(0, word)
        elif not capital and lower in GENERIC_BODIES and not generic:
            generic = [word]  # "fire service spokesman", "police press officer", "campaign manager"
            in_portfolio = False
        elif generic and not capital and lower not in DETERMINERS and lower not in ROLE_MODIFIERS:
            generic.insert(0, word)  # "fire" of "fire service"
        elif not generic and (lower in ROLE_MODIFIERS and (not capital or j == 0 or words[j + 1][:1].isupper())
                              or _is_title(word) or _is_role(word) or word.endswith("-based")
                              or not capital and lower not in DETERMINERS
                              or lower == "and" and j > 0 and _is_role(words[j - 1])):
            in_portfolio = False  # "Prime" before "Minister": no portfolio further left
        else:
            break
        j -= 1
    before = words[:j + 1]
    role_words = words[j + 1:]
    if head_lower in ORGANIZATION_NOUNS and (not _is_role(head) or any(
            w.lower() in _BODY_QUALIFIERS for w in role_words[:-1])):
        # An organisation described: "retailer", "press agency", "State press agency", "news broadcaster".
        return _Role(" ".join(role_words), None, names_organization=True)
    generic_text = " ".join(generic) if generic else None
    affiliation = _affiliation_before(before, role_words, portfolio, generic_text)
    role = " ".join(role_words)
    if affiliation and head_lower in _COURT_ROLES and affiliation.split()[-1].lower() in _COURT_KINDS:
        # "U.S. District Judge": the whole is the role, and the court it names is whom the judge sits for.
        role = f"{affiliation.split()[-1]} {role}"
        affiliation = f"{affiliation} Court"
    elif affiliation:
        outlet, beat = _outlet_and_beat(affiliation)
        if beat:
            role = f"{beat} {role}"  # "Fox News Foreign Affairs Editor": the outlet, then the beat
            affiliation = outlet or None
    if affiliation is None and before and not generic_text:
        role = " ".join(w for w in words if w.lower() not in DETERMINERS)  # "Syria analyst", "Polish archbishop"
    if affiliation is None and generic_text:
        affiliation = generic_text
    if affiliation is None:
        implied = next((IMPLIED_AFFILIATIONS[w.lower()] for w in role_words if w.lower() in IMPLIED_AFFILIATIONS), None)
        affiliation = implied  # "Detective Inspector X": the police
    return _Role(role or None, affiliation)


# A judge's title names the kind of court: "U.S. District Judge", "Circuit Judge", "Superior Court".
_COURT_ROLES: Final = frozenset({"judge", "judges", "justice", "magistrate"})
_COURT_KINDS: Final = frozenset({"district", "circuit", "appeals", "bankruptcy", "superior", "county", "municipal",
                                 "family", "magistrates", "crown", "high"})


_FORMER: Final = frozenset({"former", "ex", "ex-"})
# People who follow or oppose someone, and speak for neither: "Dray supporters", "critics of Dray".
_FOLLOWERS: Final = frozenset({"supporter", "supporters", "fan", "fans", "backer", "backers", "ally", "allies",
                               "critic", "critics", "opponent", "opponents", "rival", "rivals", "detractors",
                               "confidant", "confidants", "loyalist", "loyalists", "admirer", "admirers"})
_CHAMBERS: Final = {"senator": "US Senate", "representative": "US House of Representatives",
                    "congressman": "US House of Representatives", "congresswoman": "US House of Representatives"}
# Role nouns a place before says where someone is from, not whom they speak for.
_PLACE_ROLES: Final = frozenset({"native", "billionaire", "millionaire", "mogul", "tycoon", "developer"})


def _outlet_and_beat(name: str) -> tuple[str, str | None]:
    """ "Fox News Foreign Affairs" -> ("Fox News", "Foreign Affairs"): an outlet's name
    and the desk after it, which is the role's ("National Security Editor"). The longest start of
    ``name`` that is an outlet (OUTLETS, or ending in an outlet word) when the rest is no outlet's."""
    words = name.split()
    for end in range(len(words) - 1, 0, -1):
        if " ".join(words[end:]) in GOVERNMENT_NAMES and (words[end - 1].lower() in OUTLET_WORDS
                                                          or " ".join(words[:end]) in OUTLETS):
            # "Washington Post White House (correspondent)": the outlet, then the beat; "Post White
            # House": the outlet cut short (not "Post"), its beat left.
            start = " ".join(words[:end])
            return (start if end > 1 or start in OUTLETS else ""), " ".join(words[end:])
    if len(words) > 1 and words[0].lower() in OUTLET_WORDS and words[-1].lower() not in OUTLET_WORDS \
            and words[-1].lower() not in ORG_WORDS and words[0].lower() not in OUTLET_OPENERS:
        return "", " ".join(words[1:])  # "News Foreign Affairs": the outlet's name cut short, its desk left
    for end in range(len(words) - 1, 0, -1):
        start = " ".join(words[:end])
        rest = words[end:]
        if rest[-1].lower() in OUTLET_WORDS or rest[-1].lower() in ORG_WORDS:
            return name, None  # "Fox News Radio", "New York Times Company": one name
        if start in OUTLETS or end > 1 and words[end - 1].lower() in OUTLET_WORDS:
            return start, " ".join(rest)
    return name, None


def _affiliation_before(before: list[str], role_words: list[str], portfolio: list[str],
                        generic: str | None) -> str | None:
    """Whom the words before a role speak for: a country's government or ministry, a party, an organisation."""
    words = [w for w in before if w.lower() not in DETERMINERS]
    while words and (words[0].lower() in TITLE_MODIFIERS or words[0].endswith("-based")) \
            and not _country_of(" ".join(words)):
        words = words[1:]  # "Longtime ...", "UK-based ..." (but "New Zealand")
    party = next((PARTY_LABELS[w] for w in words if w in PARTY_LABELS), None)
    words = [w for w in words if w not in PARTY_LABELS]
    country = _country_of(" ".join(words)) if words else None
    office = _office(role_words)
    # "the health minister": the Health Ministry, a name ("health Ministry" read as the kind "health"
    # of a body named "Ministry" lost the portfolio).
    portfolio = [w if w == "and" else w[:1].upper() + w[1:] for w in portfolio]
    if country is not None and not words[-1].endswith(("'s", "’s")):
        if portfolio and office:
            return f"{_adjective(country)} {' '.join(portfolio)} {PORTFOLIO_HEADS[role_words[-1].lower()]}"
        if generic:
            return " ".join(words) + " " + generic  # "U.S. administration", "Halden police"
        if office or _government_class(role_words):
            return _government(country)
        return None  # "Polish archbishop", "Chinese scientists": a nationality, not whom they speak for
    if portfolio and office:
        return f"{' '.join(portfolio)} {PORTFOLIO_HEADS[role_words[-1].lower()]}"
    if party:
        return party
    if not words:
        return None
    organization = _organization_in(words)
    if organization and generic and generic.lower() == "campaign":
        return organization + " campaign"
    if organization and not generic and _class_of_words([role_words[-1].lower()]) == "citizen":
        return None  # "Concord resident X": where the resident lives, not whom they speak for
    if organization in US_STATES:
        head = role_words[-1].lower().strip(",.")
        if TITLE_ROLES.get(head, head) in _LEGISLATORS:
            # "the Vermont senator": the state elects them; the chamber is whom they sit for.
            state = any(w.lower() == "state" for w in [*before, *role_words])
            return None if state else _CHAMBERS.get(TITLE_ROLES.get(head, head))
        if _class_of_words([TITLE_ROLES.get(head, head)]) not in ("official", "politician") or head in _PLACE_ROLES \
                or any(w.lower() in _FORMER for w in before):
            return None  # "New York businessman", "Texas native", "former Florida governor": not whom they speak for
    return organization


def _organization_in(words: list[str]) -> str | None:
    """The organisation a run of words before a role names: "Florida Department of Transportation",
    "Train drivers' trade union Aslef" (Aslef), "Islamic State"; a lone region or faith is none."""
    if words and words[-1].endswith(("'s", "’s")):
        words = words[:-1] + [_POSSESSIVE_END.sub("", words[-1])]
    # The capitalised run at the end, with "of", "for", "and", "the", "in" inside it.
    end = len(words)
    start = end
    while start > 0 and (words[start - 1][:1].isupper() or words[start - 1][:1].isdigit() or (
            words[start - 1].lower() in ("of", "for", "and", "the", "in", "&") and start - 1 > 0
            and words[start - 2][:1].isupper())):
        start -= 1
    run = words[start:end]
    if not run:
        return None
    if len(run) == 1 and run[0].lower() in NOT_AFFILIATIONS:
        return None
    if len(run) == 1 and (run[0].lower() in DEMONYMS or "-" in run[0] and run[0].lower().rsplit("-", 1)[1] in DEMONYMS):
        return None  # "Polish", "African-American": who they are, not whom they speak for
    text = " ".join(run)
    if text.lower() in GENERIC_BODIES:
        return text.lower()  # "Police press officer", "Company meteorologist": the one the article names
    return text


def _office(role_words: list[str]) -> bool:
    """Is the role a national office ("Prime Minister", "Ambassador", "officials")?"""
    return bool(role_words) and role_words[-1].lower().strip(",.'’") in GOVERNMENT_OFFICES


def _government_class(role_words: list[str]) -> bool:
    return _class_of_words(w.lower() for w in role_words) in ("official", "politician")


def _country_of(text: str) -> str | None:
    """The country ``text`` names or stands for as a demonym: "Polish" -> Poland, "US" -> United States."""
    text = text.strip()
    if text in COUNTRY_ADJECTIVES:
        return text
    if text in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[text]
    lower = text.lower()
    if lower in DEMONYMS and DEMONYMS[lower] in COUNTRY_ADJECTIVES:
        return DEMONYMS[lower]
    return None


def _adjective(country: str) -> str:
    return COUNTRY_ADJECTIVES.get(country, country)


def _government(country: str) -> str:
    """ "Poland" -> "Polish government", "United Kingdom" -> "British government"."""
    return f"{_adjective(country)} government"


def _premodifier_affiliation(words: list[str]) -> str | None:
    """``an Islamic State commander`` -> Islamic State; ``Russian officials`` -> Russian government."""
    if words and words[-1].lower().strip(",.") in _FOLLOWERS:
        return None  # "many Dray supporters", "one Dray confidant": they speak for no one but themselves
    run: list[str] = []
    for i, word in enumerate(words):
        if word.lower() in DETERMINERS:
            if run:
                break
            continue
        if is_name_word(word) or _HYPHENATED_NAME.match(word):
            if word.endswith("-based") or (word.lower() in ROLE_MODIFIERS and not run) \
                    or "-" in word and word.lower().rsplit("-", 1)[1] in DEMONYMS:
                continue  # "UK-based", "senior", "African-American": where or who, not for whom
            if _is_title(word) or _is_role(word) and word not in PARTY_LABELS:
                if run:
                    break
                continue  # "The Vice President": a title, not whom he speaks for
            run.append(word)
        elif run and word.lower() in ORG_WORDS and i < len(words) - 1:
            run.append(word)  # "a senior U.S. administration official": the body, not the country
        elif run:
            break
    if not run:
        return None
    if run[0] in PARTY_LABELS:
        return PARTY_LABELS[run[0]]
    if len(run) == 1 and run[0].lower() in DEMONYMS:
        country = _country_of(run[0])
        role_words = [w for w in words[words.index(run[0]) + 1:]]
        if country and _government_class(role_words):
            return _government(country)
        return DEMONYMS[run[0].lower()] if country is None and _government_class(role_words) else None
    if len(run) == 1 and run[0].lower() in NOT_AFFILIATIONS:
        return None
    if run[-1] in PARTY_LABELS:
        return None
    return _POSSESSIVE_END.sub("", " ".join(run))


def _affiliation_from_after(words: list[str]) -> str | None:
    """``Rep. Elijah Cummings of Maryland`` / ``of the army's Western Command``: the place or body after a name."""
    if len(words) < 2 or words[0].lower() not in ("of", "from", "at", "with"):
        return None
    text = _strip_determiner(" ".join(w for w in words[1:] if not w.startswith("(")))
    if not text or not text[:1].isupper() and not _has_org_word(text):
        return None  # "Trump at the time", "Mr. X at a news conference": when or where, not whom
    return text


# --- what kind of source ---------------------------------------------------------------------


def classify(source: Source) -> tuple[str | None, str]:
    """The source's type (one of SOURCE_TYPES, None for an unresolved pronoun or no source) and role class.

    - a named person is a *person*; a person or people the article describes but does not
      name ("a senior official", "residents", "authorities", "reports", "local media") are
      an *unnamed individual* or *group*: the anonymous sources. Unnamed reports and outlets
      go here too: the reader cannot tell who speaks;
    - an organisation is *government* when it is a state body (a ministry, a court, the
      police as an institution, a country), *media* when it is an outlet, else an
      *organization*; a report, poll, statement or data the article attributes to no one
      but itself is a *document*.
    """
    if source.pronoun and not source.name and not source.role and not source.affiliation:
        return None, "unknown"  # an unresolved pronoun
    return _classified(source.mention, source.name, source.title, source.role, source.affiliation, source.kind,
                       source.plural)


@lru_cache(maxsize=16384)  # the same source is classified where described and again once resolved
def _classified(mention: str, name: str | None, title: str | None, role: str | None, affiliation: str | None,
                kind: str, plural: bool) -> tuple[str | None, str]:
    source = Source(mention, name, title, role, affiliation, kind, None, plural)
    source_type = _source_type(source)
    return source_type, role_class(source, source_type)


def _source_type(source: Source) -> str | None:
    words = _words_of(source)
    role_words = (source.role or "").lower().split()
    head = _head_of(role_words) if role_words else _head_of(words)  # "analysis of the skulls": analysis
    if source.name and source.kind in ("person", "other") and not _is_organization(source.name.split()) \
            and not _is_country(source.name.split()) and not (source.kind == "other" and not source.title
                                                             and _looks_like_body(source.name)):
        return "person"
    if head in MEDIA_NOUNS and not any(w[:1].isupper() for w in source.mention.split()[1:]) \
            and not (source.name or "")[:1].isupper() and words[:1] != ["its"]:
        # "local news", "the media": outlets the article does not name ("its website" is the
        # organisation's own page, a document)
        return "unnamed group"
    if source.kind == "organization" or source.name:
        return _organization_type(source, words)
    if head in DOCUMENT_WORDS and head not in BODY_DOCUMENTS:
        # Unattributed reports say no one: "reports say", "media reports" (but "figures show" is data).
        plural_bare = head.endswith("s") and not head.endswith(("ss", "is", "us")) \
            and head not in _COUNTED_DOCUMENTS and not source.affiliation \
            and not any(w[:1].isupper() for w in source.mention.split()[1:])
        return "unnamed group" if plural_bare else "document"
    if head in WRITTEN_SOURCES:
        return "document"  # "the editorial said", "according to his book"
    if head in MEDIA_NOUNS or (head in ("reports", "sources") and "media" in words):
        return "unnamed group"
    if head in ("police", "government") and (source.role or head) in (head, "the " + head) \
            or head in GOVERNMENT_BODIES and not _is_role(head):
        return "government"
    # "someone familiar with the talks", "everyone at the plant": unnamed, as a role would be
    # (a bare "someone" describes no one: no source, as an unresolved pronoun)
    indefinite = words[0] if len(words) > 1 else ""
    if source.kind == "group" or source.plural or indefinite in INDEFINITE_GROUPS:
        return "unnamed group"
    if head in PERSON_SOURCE_NOUNS:
        # "the moderator", "a senator's ally"; "the attendees" ("boss" is one)
        return "unnamed group" if head.endswith("s") and not head.endswith("ss") else "unnamed individual"
    if source.role or source.kind == "person" or indefinite in INDEFINITE_PERSONS:
        return "unnamed individual"
    return None


def _looks_like_body(name: str) -> bool:
    return name in OUTLETS or name in GOVERNMENT_NAMES or name in COUNTRIES


def _words_of(source: Source) -> list[str]:
    """The lower-case words of the mention's head (before its first comma and any relative clause)."""
    return list(_head_words(source.mention))


@lru_cache(maxsize=16384)
def _head_words(mention: str) -> tuple[str, ...]:
    head = _SEPARATING_COMMA.split(mention, 1)[0] if "," in mention else mention
    if " wh" in head or " that " in head:
        head = _RELATIVE_CLAUSE.split(head)[0]
    return tuple(stripped for stripped in (w.lower().strip(".,'’()") for w in head.split()) if stripped)


def _organization_type(source: Source, words: list[str]) -> str:
    name = source.name or _strip_determiner(source.mention)
    name_words = name.split()
    last = name_words[-1].lower().strip(".,'’") if name_words else ""
    role_words = (source.role or "").lower().split()
    bare = " ".join(w for w in name_words if not w.startswith("("))
    if bare in OUTLETS or "The " + bare in OUTLETS or name_words and name_words[0] in OUTLETS \
            or (last in OUTLET_WORDS and len(name_words) > 1) or any(w in MEDIA_NOUNS for w in role_words) \
            or last in MEDIA_NOUNS and last not in ("agency", "network", "channel", "station") and len(name_words) > 1:
        return "media"
    if last in DOCUMENT_WORDS and last not in BODY_DOCUMENTS and name_words[0][:1].isupper():
        return "document"  # "NDRRMC report", "United Nations estimates"
    first = name_words[0].lower() if name_words else ""
    if name in INTERGOVERNMENTAL:
        return "organization"  # a body of several states, not a state's
    if name in GOVERNMENT_NAMES or name in COUNTRIES or name in CAPITALS or _is_country(name_words) \
            or last in GOVERNMENT_BODIES or first in GOVERNMENT_BODIES and " of " in name \
            or (source.affiliation or "").endswith(" government"):
        return "government"
    if last in DOCUMENT_WORDS and last not in BODY_DOCUMENTS:
        return "document"
    return "organization"


def role_class(source: Source, source_type: str | None = None) -> str:
    """The class of the source's role (lexicon.role_classes): from the role, the affiliation, the title.

    A role that speaks for whom it works for (DEFERRING_ROLES: a spokesman, a director, a member)
    takes the class of its organisation (a campaign's spokesman is a politician, a company's
    business), except that a state role keeps its own class in a state body (a president of a
    government is a politician, its spokesman an official)."""
    if source_type == "media":
        return "media"
    role = (source.role or "").lower()
    role_words = [w.strip(",.'’()") for w in role.replace("-", " - ").split() if w.strip(",.'’()")]
    head = _head_of(role_words)
    affiliation_class = _affiliation_class(source.affiliation)
    if " " in role or "-" in role:
        for word in role_words:
            for phrase, cls in _PHRASES_BY_WORD.get(word, ()):
                if phrase in role:
                    return cls  # "press secretary", "general secretary": the job, wherever it is done
    if head in DEFERRING_ROLES and source.affiliation:
        own = _class_of_words([head])
        if affiliation_class is None:
            return "unknown"  # a spokesman for an organisation the lexicon cannot place
        if own in ("official", "politician") and affiliation_class == "official":
            return own  # a president of a government is a politician, its spokesman an official
        if head.startswith("spokes") and affiliation_class == "politician" and not (
                source.affiliation.endswith((" campaign", " Party"))):
            return "official"  # a governor's spokeswoman works for the governor's office
        return affiliation_class
    found = _class_of_words(reversed(role_words))
    if found:
        return found
    found = _class_of_words(w.lower() for w in (source.title or "").split())
    if found:
        return found
    if affiliation_class:
        return affiliation_class
    if source.kind == "organization" or source_type in ("organization", "government", "document"):
        words = _words_of(source)
        named = _affiliation_class(source.name) if source.name and source.name[:1].isupper() else None
        if named:
            return named
        found = _class_of_words(reversed(words))
        if found:
            return found
    if source_type in ("person", None):
        return "unknown"  # a named person's class is that of their role, title or organisation
    found = _class_of_words(reversed(_words_of(source)))
    return found or "unknown"


def _head_of(role_words: list[str]) -> str:
    """The role's head noun: the last word before a phrase ("spokesman for ...")."""
    for i, word in enumerate(role_words):
        if word in AFFILIATION_PREPS or word == "to":
            return role_words[i - 1] if i > 0 else ""
    return role_words[-1] if role_words else ""


@lru_cache(maxsize=16384)  # the same few organisations again and again
def _affiliation_class(affiliation: str | None) -> str | None:
    """The class of an organisation: from its name's head ("Union of Port Workers": a union), the
    lists of outlets, state bodies and intergovernmental bodies, and the words of company names."""
    if not affiliation:
        return None
    words = affiliation.split()
    if affiliation in OUTLETS or len(words) > 1 and _last_lower(affiliation) in OUTLET_WORDS:
        return "media"
    if affiliation.endswith(" government") or _is_country(words) or affiliation in GOVERNMENT_NAMES \
            or affiliation in INTERGOVERNMENTAL or _strip_determiner(affiliation) in INTERGOVERNMENTAL:
        return "official"
    if affiliation.endswith(" Party") or affiliation.endswith(" campaign"):
        return "politician"
    if ("Bank" in affiliation or "Reserve" in affiliation) and _CENTRAL_BANK.match(affiliation):
        return "official"  # "Bank of Ghana", "the Federal Reserve": a state's central bank
    lower = [_POSSESSIVE_END.sub("", w.lower().strip(",()")) for w in words]
    of_at = next((i for i, w in enumerate(lower) if w in ("of", "for", "on", "in", "at") and i > 0), len(lower))
    head = lower[of_at - 1]
    if len(words) > 1 and of_at == len(lower) and words[-1][:1].isupper() and lower[-1].strip(".") in COMPANY_NAME_WORDS:
        return "business"  # "Halvorsen Systems", "Calder Homes"
    if head in _MEMBER_BODIES and any(w in BUSINESS for w in lower if w != head):
        return "business"  # "the regional fruit exporters' association": a business body
    return _class_of_words([head]) or _class_of_words(reversed(lower))


def _class_of_words(words: Iterable[str]) -> str | None:
    """The class of the first word (in the order given) that one of the classes lists."""
    for word in words:
        word = word.strip(",'’()")
        found = _CLASS_OF.get(word) or _CLASS_OF.get(word.strip("."))
        if found is not None:
            return found
    return None


# --- what the article says about its sources ---------------------------------------------------

# Runs of capitalised words, where a country or its adjective can stand ("New Zealand", "US", "Polish").
_CAPITALISED_RUN: Final = re.compile(r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*")
# Every name, alias and adjective of a country, and the country.
_COUNTRY_OF_WORDS: Final = {**{adjective: country for country, adjective in COUNTRY_ADJECTIVES.items()},
                            **{country: country for country in COUNTRY_ADJECTIVES}, **COUNTRY_ALIASES}
# The first words of names of several words ("United", "New", "South"): only there is a longer name tried.
_COUNTRY_STARTS: Final = frozenset(name.split(" ")[0] for name in _COUNTRY_OF_WORDS if " " in name)


def article_country(text: str) -> str | None:
    """The country an article is about, when that is clear: the one it names (or names the
    people of) most often, at least twice and twice as often as any other."""
    counts: dict[str, int] = {}
    for run in _CAPITALISED_RUN.findall(text):
        words = run.split(" ")
        i = 0
        while i < len(words):
            word = words[i]
            country = None
            size = 1
            if word in _COUNTRY_STARTS:
                # The longest name starting here ("United States", "Papua New Guinea").
                for size in (3, 2):
                    if i + size <= len(words):
                        country = _country_named(" ".join(words[i:i + size]))
                        if country:
                            break
            if country is None:
                size = 1
                country = _country_named(word)
            if country:
                counts[country] = counts.get(country, 0) + 1
            i += size
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    top, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return top if count >= 2 and count >= 2 * runner_up else None


def _country_named(phrase: str) -> str | None:
    """ "Poland", "Polish", "U.S.", "Poland's", "Poland." -> the country; else None."""
    country = _COUNTRY_OF_WORDS.get(phrase)
    if country is None and phrase[-1:] in ".,'’s":
        stripped = phrase[:-2] if phrase.endswith(("'s", "’s")) else phrase.rstrip(".,'’")
        country = _COUNTRY_OF_WORDS.get(stripped)
    return country


def needs_country(source: Source) -> bool:
    """Could ``with_country`` change ``source``? (Then the article's country is worth finding.)"""
    role_words = (source.role or source.title or "").split()
    return not source.affiliation and bool(role_words) and role_words[-1].lower() in HEADS_OF_GOVERNMENT


def with_country(source: Source, country: str) -> Source:
    """``source`` speaking for ``country``'s government when its role is a national office the
    mention gives no country for ("President X" in an article about Poland -> Polish government)."""
    if source.affiliation or not (source.role or source.title) or source.source_type not in (
            "person", "unnamed individual"):
        return source
    role_words = (source.role or source.title or "").split()
    if not role_words or role_words[-1].lower() not in HEADS_OF_GOVERNMENT \
            or any(w.lower().strip(",.") in NOT_AFFILIATIONS for w in source.mention.split()):
        return source  # "a Western diplomat" in an article about Syria speaks for no Syrian
    if role_words[-1].lower() in PORTFOLIO_HEADS and len(role_words) > 1 and \
            role_words[-2][:1].isupper() and role_words[-2].lower() not in ROLE_MODIFIERS:
        return source  # "Interior Minister": its ministry, which describe() gives
    return source.evolve(affiliation=_government(country))


def needs_ministry_country(source: Source) -> bool:
    """Is ``source`` a person speaking for a ministry named without its country ("Labor Minister X":
    Labor Ministry)? Every country has one: the article's country tells which."""
    affiliation = source.affiliation or ""
    words = affiliation.split()
    return source.kind == "person" and affiliation.endswith(" Ministry") and affiliation[:1].isupper() \
        and not any(_country_of(" ".join(words[:n])) for n in range(1, len(words))) \
        and not any(w.lower() in SUBNATIONAL_LEVELS for w in (source.role or "").split())


def with_ministry_country(source: Source, country: str) -> Source:
    """ "Labor Ministry" in an article about Chile -> "Chilean Labor Ministry"."""
    return source.evolve(affiliation=f"{_adjective(country)} {source.affiliation}")


def reads_lowercase(text: str, start: int, mention_names_someone: bool = True) -> bool:
    """Is the capitalised first word of a mention at ``start`` a common word, capitalised only because a
    sentence starts with it ("Fashion designer X said")? Only when the article never capitalises it
    inside a sentence, and it is not a word that stands before names."""
    end = start
    while end < len(text) and (text[end].isalpha() or text[end] in "-'’"):
        end += 1
    word = text[start:end]
    if not (len(word) > 1 and word[0].isupper() and word[1:].islower()) or end >= len(text) or text[end] != " ":
        return False
    if not _sentence_start(text, start) or word in NOT_NAMES or _before_name(word) and (
            _is_title(word) or word in COUNTRIES or word.lower() in DEMONYMS or word in PARTY_LABELS):
        return False
    after = text[end + 1:end + 2]
    if not after.islower() or word.lower() in NOT_AFFILIATIONS:
        return False  # "Longtime Imus in the Morning ...": a capital follows; left to the lexicon
    if not mention_names_someone:
        return False  # "Western officials": only a capital before a name changes what is read
    following = text[end + 1:end + 60].split(" ")
    described = []
    for next_word in following:
        if not next_word[:1].islower():
            break
        described.append(next_word)
    if not any(_is_role(w) or w.endswith(_ROLE_SUFFIXES) for w in described) or described[0] in NAME_PARTICLES:
        return False  # "Arnel dela Vega": a name's particle, not a role after a common word
    if word.lower() in OUTLET_WORDS and _class_of_words(described[:1]) == "media":
        return False  # "Times reporter X", "Post columnist X": the outlet the journalist writes for
    at = text.find(word)
    while at >= 0:
        if at != start and (at == 0 or not text[at - 1].isalnum()) and (
                at + len(word) >= len(text) or not text[at + len(word)].isalnum()) and not _sentence_start(text, at):
            return False
        at = text.find(word, at + 1)
    return True


def _sentence_start(text: str, at: int) -> bool:
    """Does a sentence (or a paragraph, or a quotation) start at ``at``?"""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?\"“”'‘’:" or text[i] == ")" and i > 0 and text[i - 1] in ".!?"


# --- whom a source speaks for, read from the words around its mention ---------------------------

# A capitalised name of up to six words ("The New York Times", "De Volkskrant", "The Mail on Sunday").
_OUTLET_NAME: Final = r"((?:[Tt]he )?[A-Z][\w.'’&-]*(?: (?:of |on |de |del |la |le )?[A-Z][\w.'’&-]*){0,5})"
# "X, writing in The Times, argued", "X, who writes for the Post,": after the mention.
_WRITING_AFTER: Final = re.compile(r",\s+(?:writing|who writes|who wrote) (?:in|for) " + _OUTLET_NAME)
# "Writing in The Guardian, the columnist X": before the mention, where the sentence starts.
_WRITING_BEFORE: Final = re.compile(r"(?:^|\b)[Ww]riting (?:in|for) " + _OUTLET_NAME + r",\s+$")
# "In The Atlantic, X wrote": the outlet opens the sentence of a written cue.
_IN_OUTLET_BEFORE: Final = re.compile(r"^In " + _OUTLET_NAME + r",\s+$")
# "X wrote in The Times", "wrote X in The Times": right after the cue or an inverted mention.
_IN_OUTLET: Final = re.compile(r"\s+(?:[a-z]+ly\s+)?in " + _OUTLET_NAME + r"(?: (magazine|newspaper))?")
# "in a column for The Times", "in an op-ed in the Post", anywhere in the reporting clause.
_PIECE_IN: Final = re.compile(r"\b[Ii]n (?:an? |his |her |their |a recent |an online )?(?:[\w-]+ )?(?:%s)s? "
                              r"(?:in|for|published by|published in) " % "|".join(sorted(WRITTEN_PIECES))
                              + _OUTLET_NAME)
# "X, who chairs the Senate Armed Services Committee": a relative clause naming the body a person leads.
_LEADS_BODY: Final = re.compile(r"^(?:who|which) (%s) (?:the )?([A-Z][\w.'’&-]*(?: (?:of|for|and|the|&|on|de) "
                                r"[A-Z][\w.'’&-]*| [A-Z][\w.'’&-]*){0,7})$"
                                % "|".join(re.escape(v) for v in sorted(LEADS_VERBS | WORKS_FOR, key=len, reverse=True)))


def _outlet(name: str, media_role: bool) -> str | None:
    """The news outlet ``name`` names (its longest start that is one, "The" dropped), or, for a
    journalist or critic, the publication written in whatever its name ("De Volkskrant")."""
    name = name.rstrip(".") if re.search(r"[a-z]{2}\.$", name) else name  # a full stop, not "U.S."
    words = name.split()
    if words and words[0] in ("The", "the"):
        words = words[1:]
    for end in range(len(words), 0, -1):
        bare = " ".join(words[:end])
        if bare in OUTLETS or "The " + bare in OUTLETS or words[0] in OUTLETS \
                or words[end - 1].lower() in OUTLET_WORDS and (end > 1 or len(words) < len(name.split())):
            return bare
    bare = " ".join(words)
    if media_role and words and not any(w.lower() in MONTHS or w.lower() in DAYS for w in words) \
            and bare not in US_STATES and bare not in CAPITALS and not _country_of(bare) and bare not in US_CITIES:
        return bare  # not "in June", "in Ohio", "in New York"
    return None


def written_for(text: str, sentence_start: int, mention: tuple[int, int], cue: tuple[int, int],
                content: Iterable[Iterable[int]], media_role: bool) -> str | None:
    """The outlet a source wrote in, where the reporting clause says so: "X, writing in The New
    York Times, argued", "Writing in The Guardian, the columnist X called", "X wrote in the
    Post", "in a column for The Times". A writer speaks there for the outlet that published
    them; the outlet a source *told* ("told Reuters", "in an interview with the BBC") is the
    audience, and no phrase here reads it. None when no such phrase stands by the mention or cue."""
    m_start, m_end = mention
    spans = [tuple(span) for span in content]

    def outside(at: int) -> bool:
        return not any(start <= at < end for start, end in spans)

    match = _WRITING_AFTER.match(text, m_end)
    if match and outside(match.start(1)):
        return _outlet(match.group(1), media_role)
    before = text[max(sentence_start, m_start - 100):m_start]
    match = _WRITING_BEFORE.search(before)
    if match:
        return _outlet(match.group(1), media_role)
    cue_word = text[cue[0]:cue[1]].split()[-1].lower() if cue[1] > cue[0] else ""
    written = cue_word in WRITING_CUES
    if written or media_role:
        # A journalist's other cues ("noted in The Times") only with an outlet's name: "said in Boston".
        match = _IN_OUTLET_BEFORE.search(text[sentence_start:m_start]) if sentence_start < m_start else None
        if match and cue[0] > m_start:
            return _outlet(match.group(1), media_role and written)
        for at in (cue[1], m_end) if m_start > cue[0] else (cue[1],):
            match = _IN_OUTLET.match(text, at)
            if match and outside(match.start(1)):
                if match.group(2):
                    return f"{_outlet(match.group(1), True) or match.group(1)} {match.group(2)}"  # "New York magazine"
                return _outlet(match.group(1), media_role and written)
    low, high = max(sentence_start, min(m_start, cue[0]) - 100), max(m_end, cue[1]) + 100
    for match in _PIECE_IN.finditer(text, low, high):
        if outside(match.start()):
            return _outlet(match.group(1), media_role)
    return None


def leads_body(clause: str) -> str | None:
    """The body a relative clause after a name says the person leads or works for: "who chairs
    the Senate Armed Services Committee" -> "Senate Armed Services Committee"; None when what
    follows the verb is no organisation's name ("who leads Trump in the polls", "who runs a bakery")."""
    match = _LEADS_BODY.match(clause.strip())
    if not match:
        return None
    name = match.group(2)
    if _is_organization_name(name) or describe(name).kind == "organization" and not _is_full_name(name):
        return name
    return None
