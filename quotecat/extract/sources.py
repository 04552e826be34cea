"""Who a source is: title, name, role and affiliation parsed from the words the article uses.

``describe("Col. John Dorrian, Baghdad-based spokesman for the U.S.-led coalition")``
gives title ``Col.``, name ``John Dorrian``, role ``spokesman`` and affiliation
``U.S.-led coalition``. Unnamed sources keep their description and are flagged
anonymous.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from ..lexicon.function_words import (
    AFFILIATION_PREPS,
    ARTICLES,
    DETERMINERS,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    LEADING_CONNECTIVES,
    ORGANIZATION_PRONOUNS,
    PERSON_PRONOUNS,
    PHRASE_PREPS,
    QUANTIFIERS,
    SINGULAR_QUANTIFIERS,
    STRIPPED_DETERMINERS,
)
from ..lexicon.names import HYPHENATED_PARTICLES, NAME_PARTICLES
from ..lexicon.organizations import ORG_WORDS
from ..lexicon.places import COUNTRIES, DEMONYMS, NOT_AFFILIATIONS
from ..lexicon.titles import PLURAL_ROLES, ROLE_WORDS, TITLES

_TOKEN: Final = re.compile(r"\(.*?\)|[^\s,]+|,")
_NAME_WORD: Final = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:%s)-[A-Z][\w'’-]*)$" % "|".join(HYPHENATED_PARTICLES))


_RELATIVE_CLAUSE: Final = re.compile(r",?\s+(?:who|whose|which|that)\s")
_SOURCE_JOINER: Final = re.compile(r",?\s+(?:and|as well as|or)\s+(?=(?:the|a|an|some|other|several|many|[A-Z]))")
_QUALIFIER: Final = re.compile(r"\s+(?:based|who|whose|which|that)\b")
_QUALIFIER_TO_END: Final = re.compile(r"\s+(?:based|who|which|whose|that)\b.*$")
_POSSESSOR: Final = re.compile(r"^((?:[A-Z][\w.'’-]*\s)*[A-Z][\w.'’-]*?)['’]s\s+(.+)$")
_HYPHENATED_NAME: Final = re.compile(r"^[A-Z][\w.]*-\w+")
_POSSESSIVE_END: Final = re.compile(r"['’]s$")
_PLACE_AFTER: Final = re.compile(r"^(?:of|from|at|with)\s+(?:the\s+)?(.+)$")


@dataclass
class Source:
    """One source as the article describes it."""

    mention: str
    name: str | None = None
    title: str | None = None
    role: str | None = None
    affiliation: str | None = None
    kind: str = "other"  # person / group / organization / other
    anonymous: bool = False
    pronoun: str | None = None
    plural: bool = False

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
        first, space, rest = description.partition(" ")
        if rest and first.lower() in DETERMINERS and first[1:].islower():
            description = first.lower() + space + rest
        return description

    def evolve(self, **changes: str | bool | None) -> "Source":
        """A copy with ``changes``. Sources are shared (``describe`` caches them), so
        they are copied, never changed; this is ``dataclasses.replace`` without its
        per-field checks, which cost more than the rest of resolution."""
        copy = Source(self.mention, self.name, self.title, self.role, self.affiliation, self.kind,
                      self.anonymous, self.pronoun, self.plural)
        for field, value in changes.items():
            setattr(copy, field, value)
        return copy


def clean_description(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:—-")


@lru_cache(maxsize=65536)  # asked of the same few words again and again
def is_name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) and word.lower().rstrip(".") not in ARTICLES


def split_sources(mention: str) -> list[str]:
    """``residents and the group's fighters`` is two sources; ``current and former officials`` is one."""
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
    if any(len(p.split()) == 1 and p[:1].isupper() and not _looks_plural(p) for p in parts[:-1]):
        return [mention]
    if comma:
        return [mention]  # "X, founder and CEO of Y": one source with a long description
    return [p.strip() for p in parts if p.strip()]


def _looks_plural(text: str) -> bool:
    last = text.split()[-1].lower().strip(",.") if text.split() else ""
    return last in PLURAL_ROLES or (last.endswith("s") and not last.endswith("ss") and last[:1].islower())


@lru_cache(maxsize=4096)
def describe(mention: str) -> Source:
    """Parse a source mention into its parts (no resolution across the article).

    The mention is read once (``_Mention``), then the rules below are tried in order and
    the first that applies describes it: a pronoun, a possessor ("China's foreign
    ministry"), a role then a name ("Her spokeswoman, Dana Pruitt"), a role ("Western
    officials"), a person, a counted group ("Many families in Eastbrook"), an
    organisation or country, and last an unnamed source ("residents").

    Cached: the same mention always reads the same way. Callers copy with
    ``Source.evolve`` and never change the returned object.
    """
    text = _without_connectives(clean_description(mention))
    pronoun = _pronoun(text)
    if pronoun is not None:
        return pronoun
    parts = _Mention.read(text)
    if parts is None:
        return Source(mention=text)
    return (_possessed(parts) or _role_then_name(parts) or _role(parts) or _person(parts)
            or _counted_group(parts) or _organization(parts) or _unnamed(parts))


def _without_connectives(text: str) -> str:
    """ "But the minister" -> "the minister"."""
    words = text.split()
    while words and words[0].lower().strip(",") in LEADING_CONNECTIVES:
        words = words[1:]
        text = " ".join(words)
    return text


def _pronoun(text: str) -> Source | None:
    """ "he", "they", "it", "we": a pronoun, resolved later."""
    lowered = text.lower()
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


class _Mention:
    """A mention read once for the rules: its head (before the first comma) and appositive, and the
    head's words split around the name in it (``panel Chairman Rep. Jason Chaffetz (R-Utah)``)."""

    def __init__(self, text: str, head: str, appositive: str, head_words: list[str]):
        self.text, self.head, self.appositive, self.head_words = text, head, appositive, head_words
        self.name_words, self.before, self.after = _name_run(head_words)
        self.titles = [w for w in self.before if _is_title(w)]
        self.determiner = bool(self.before) and self.before[0].lower() in DETERMINERS
        self.role_head = _role_word(head_words[-1]) or head_words[0] in ROLE_WORDS or (
            # "a spokesman for the ministry": the role word comes before the preposition
            # (but "Captain Ines Moreau of the fire brigade" is a named person).
            _role_and_affiliation(head)[1] is not None
            and not (self.name_words and not self.determiner and len(self.before) <= len(self.titles) + 1))
        # "officials in Washington": where a phrase after the role starts, before any name.
        self.phrase_at = next((i for i, w in enumerate(self.before) if w.lower() in PHRASE_PREPS), None)

    @classmethod
    def read(cls, text: str) -> "_Mention | None":
        head, _, appositive = text.partition(",")
        head, appositive = head.strip(), appositive.strip()
        head = _QUALIFIER.split(head)[0]
        head_words = head.split()
        if head_words and (head_words[0].lower() in ROLE_WORDS and not (len(head_words) > 1 and is_name_word(head_words[1]))
                           or head_words[0].lower() in QUANTIFIERS and len(head_words) > 1):
            # A sentence starts with a capital: "Experts on North Korea said" and "Many families
            # in Eastbrook say" name nobody.
            head_words[0] = head_words[0].lower()
            head = " ".join(head_words)
        if not head_words:
            return None
        return cls(text, head, appositive, head_words)

    def name_is_not_the_head(self) -> bool:
        """The role, not a name, ends the head ("an Islamic State commander", "officials")."""
        return self.determiner or not self.name_words or self.head_words[-1] not in self.name_words


def _possessed(m: _Mention) -> Source | None:
    """ "China's foreign ministry", "Okafor's campaign manager": the possessor is the affiliation."""
    possessor = _POSSESSOR.match(m.head)
    if not (possessor and (not is_name_word(possessor.group(2).split()[0]) or _org_head(possessor.group(2)))):
        return None
    owned = describe(possessor.group(2) + ((", " + m.appositive) if m.appositive else ""))
    kind = "organization" if owned.kind == "organization" or _org_head(possessor.group(2)) else owned.kind
    return replace(owned, mention=m.text, affiliation=possessor.group(1), kind=kind,
                   name=m.head if kind == "organization" else owned.name,
                   anonymous=owned.anonymous and kind != "organization")


def _role_then_name(m: _Mention) -> Source | None:
    """ "An attorney for the family, Mark Jones" / "Her spokeswoman, Dana Pruitt": the name is the appositive."""
    if not (m.role_head and m.name_is_not_the_head() and m.appositive and _is_full_name(m.appositive)):
        return None
    named = describe(m.appositive)
    role_text, affiliation = _role_and_affiliation(m.head)
    return replace(named, mention=m.text, role=role_text or named.role,
                   affiliation=affiliation or _premodifier_affiliation(m.head_words) or named.affiliation)


def _role(m: _Mention) -> Source | None:
    """A source named by its role: "an Islamic State commander", "Western officials", "officials in Washington"."""
    named_before_role = m.name_words and len(m.before) < _affiliation_prep_index(m.head_words)
    if not (m.role_head and (m.name_is_not_the_head() or m.phrase_at is not None)
            and not (named_before_role and not m.determiner and len(m.name_words) > 1
                     and not _role_word(m.head_words[-1]))):
        return None
    source = Source(mention=m.text)
    role_text, affiliation = _role_and_affiliation(m.head)
    source.role = role_text
    source.affiliation = affiliation or _premodifier_affiliation(m.head_words)
    if m.appositive and not source.affiliation:
        _, source.affiliation = _role_and_affiliation(m.appositive)
    role_words = [w for w in m.head_words if _role_word(w)]
    source.plural = role_words[0].lower() in PLURAL_ROLES if role_words else _looks_plural(m.head)
    source.kind = "group" if source.plural else "person"
    source.anonymous = True
    return source


def _person(m: _Mention) -> Source | None:
    """A person (or a single capitalised word, decided by resolution): "Col. John Dorrian, spokesman for the coalition"."""
    if not (m.name_words and not _is_organization(m.name_words) and not m.determiner
            and not _is_country(m.name_words)):
        return None
    source = Source(mention=m.text)
    source.name = " ".join(m.name_words)
    source.title = " ".join(m.titles) or None
    pre_role = [w for w in m.before if w not in m.titles]
    after = [w for w in m.after if not w.startswith("(")]  # "(R-Utah)": party and state
    role_text, affiliation = _role_and_affiliation(m.appositive or " ".join(after))
    if pre_role and not role_text:
        role_text = " ".join(pre_role)
    source.role = role_text
    # "Halden Rovers manager Siobhan Quigley": capitalised words before the role name the employer.
    source.affiliation = affiliation or _affiliation_from_after(after) or _premodifier_affiliation(
        [w for w in m.before if not _is_title(w) or not w[:1].isupper()] if _role_head(m.before) else [])
    source.kind = "person" if len(m.name_words) > 1 or m.titles else "other"
    return source


def _counted_group(m: _Mention) -> Source | None:
    """ "Many families in Eastbrook", "two residents of Aleppo": people counted and placed."""
    if not (m.name_words and m.phrase_at is not None and m.before[0].lower() in QUANTIFIERS):
        return None
    source = Source(mention=m.text)
    source.role = " ".join(m.before[1:m.phrase_at]) or None
    source.affiliation = " ".join(m.name_words)
    source.kind, source.plural, source.anonymous = "group", True, True
    return source


def _organization(m: _Mention) -> Source | None:
    """An organisation or a country: "the ministry", "Russia", "The New York Post"."""
    if not m.name_words:
        return None
    source = Source(mention=m.text)
    source.kind = "organization"
    source.name = _strip_determiner(m.head)
    source.affiliation = source.name
    source.role = _role_and_affiliation(m.appositive)[0] if m.appositive else None
    return source


def _unnamed(m: _Mention) -> Source:
    """Lowercase and unnamed: "residents", "critics", "the campaign", "two people familiar with the matter"."""
    source = Source(mention=m.text)
    source.plural = _looks_plural(m.head) or m.head_words[0].lower() in QUANTIFIERS - SINGULAR_QUANTIFIERS
    if any(w.lower() in ORG_WORDS for w in m.head_words[-1:]):
        source.kind = "organization"
        source.name = _strip_determiner(m.head)
        return source
    source.kind = "group" if source.plural else "other"
    source.role = _strip_determiner(m.head) if source.plural else None
    source.anonymous = source.kind == "group"
    return source


def _affiliation_prep_index(words: list[str]) -> int:
    """Where "for/at/of ..." follows a role word ("analyst at ..."), else past the end."""
    for i, word in enumerate(words):
        if word.lower() in PHRASE_PREPS and i > 0 and _role_word(words[i - 1]):
            return i
    return len(words)




def _is_full_name(phrase: str) -> bool:
    words = clean_description(phrase).split(",")[0].split()
    return 2 <= len(words) <= 4 and all(is_name_word(w) or w.lower() in NAME_PARTICLES for w in words)


def _org_head(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and words[-1].lower().strip(".,") in ORG_WORDS


@lru_cache(maxsize=65536)  # asked of the same few words again and again
def _is_title(word: str) -> bool:
    if not word[:1].isupper():
        return False  # "press secretary" is a role; "Secretary Kerry" has a title
    lower = word.lower()
    return lower in TITLES or lower.rstrip(".") + "." in TITLES


@lru_cache(maxsize=65536)  # asked of the same few words again and again
def _role_word(word: str) -> bool:
    return word.lower().strip(",.'’") in ROLE_WORDS


def _name_run(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split ``panel Chairman Rep. Jason Chaffetz (R-Utah)`` into before / name / after."""
    start = None
    for i, word in enumerate(words):
        role_before_name = _role_word(word) and i + 1 < len(words) and is_name_word(words[i + 1])
        if is_name_word(word) and not _is_title(word) and not role_before_name:
            start = i
            break
    if start is None:
        return [], words, []
    # "Democratic nominee Hillary Clinton": a later name after a role word is the name.
    for i in range(len(words) - 1, start, -1):
        if is_name_word(words[i]) and not _is_title(words[i]) \
                and (not is_name_word(words[i - 1]) or _is_title(words[i - 1])) \
                and (_role_word(words[i - 1]) or _is_title(words[i - 1])):
            if any(is_name_word(w) for w in words[i:]) and i > start:
                start = i
            break
    name: list[str] = []
    for word in words[start:]:
        if is_name_word(word) or (name and word.lower() in NAME_PARTICLES):
            name.append(word)
        else:
            break
    while name and name[-1].lower() in NAME_PARTICLES:
        name.pop()
    return name, words[:start], words[start + len(name):]


def _strip_determiner(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in STRIPPED_DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _is_organization(name_words: list[str]) -> bool:
    if any(w.lower().strip(".,'’").removesuffix("'s") in ORG_WORDS for w in name_words[1:]):
        return True
    # Acronyms: "NATO", "FBI" (but not "U.S.", a country).
    return len(name_words) == 1 and name_words[0].isupper() and "." not in name_words[0] and len(name_words[0]) > 2


def _is_country(name_words: list[str]) -> bool:
    return bool(name_words) and " ".join(name_words) in COUNTRIES


def _role_head(words: list[str]) -> bool:
    return any(w.lower().strip(",.'’") in ROLE_WORDS for w in words)


def _role_and_affiliation(phrase: str) -> tuple[str | None, str | None]:
    """``a Syria analyst at the Institute for the Study of War`` -> (Syria analyst, Institute for the Study of War)."""
    phrase = clean_description(phrase)
    phrase = _QUALIFIER.split(phrase)[0]
    if not phrase:
        return None, None
    words = phrase.split()
    for i, word in enumerate(words):
        if word.endswith(("'s", "’s")) and i + 1 < len(words) and _role_head(words[i + 1:]):
            # "the company's chief financial officer": the possessor is the affiliation.
            affiliation = _strip_determiner(" ".join(words[:i] + [word[:-2]]))
            return _strip_determiner(" ".join(words[i + 1:])) or None, affiliation or None
        if word.lower() in AFFILIATION_PREPS and i > 0 and _role_word(words[i - 1]):
            role = _strip_determiner(" ".join(words[:i]))
            rest = " ".join(words[i + 1:]).split(",")[0]
            affiliation = _strip_determiner(rest)
            affiliation = _QUALIFIER_TO_END.sub("", affiliation)
            return role or None, affiliation or None
    role = _strip_determiner(phrase.split(",")[0])
    role = _QUALIFIER_TO_END.sub("", role)
    if not _role_head(role.split()):
        return (role or None), None
    return role or None, None


def _premodifier_affiliation(words: list[str]) -> str | None:
    """``an Islamic State commander`` -> Islamic State; ``Russian officials`` -> Russia."""
    run: list[str] = []
    for i, word in enumerate(words):
        if word.lower() in DETERMINERS:
            if run:
                break
            continue
        if is_name_word(word) or _HYPHENATED_NAME.match(word):
            run.append(word)
        elif run and word.lower() in ORG_WORDS and i < len(words) - 1:
            run.append(word)  # "a senior U.S. administration official": the body, not the country
        elif run:
            break
    if not run:
        return None
    if len(run) == 1 and run[0].lower() in DEMONYMS:
        return DEMONYMS[run[0].lower()]
    if len(run) == 1 and run[0].lower() in NOT_AFFILIATIONS:
        return None
    return _POSSESSIVE_END.sub("", " ".join(run))


def _affiliation_from_after(words: list[str]) -> str | None:
    """``Rep. Elijah Cummings of Maryland`` / ``(R-Utah)``: the place or party after a name."""
    text = " ".join(words)
    match = _PLACE_AFTER.match(text)
    return match.group(1) if match else None
