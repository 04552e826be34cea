"""Resolution across the article: pronouns, surnames, descriptions and "the officials".

Mentions are resolved to the earlier, fuller mention they point to, so the catalogue
counts ``Col. Dorrian`` and ``he`` as John Dorrian. The words the article actually used
stay with the attribution as ``speaker_mention``.

A pronoun goes to the most salient person of the last few sentences who fits it, scored
on the surface as Lappin and Leass (1994) score parses: every mention outside quotation
marks counts by how recent its sentence is and the part it plays (the subject of a
sentence or an attribution over an object, a possessor, a name after a preposition or a
name used as a modifier), summed per person. A person fits when the article's own
evidence agrees: honorifics, gendered role nouns, kinship words and the pronouns already
resolved to them, never a first name. A pronoun nobody fits stays unresolved: the
attribution keeps the mention and gets no speaker, rather than a speaker called "she".
"""

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Final

from ..lexicon.cues import CUE_WORDS
from ..lexicon.function_words import (ARTICLES, CLAUSE_BREAKERS, DEFINITE, DETERMINERS, INDEFINITE_GROUPS,
                                      INDEFINITE_PERSONS, PREPOSITIONS)
from ..lexicon.gender import GENDERED_ROLES, HONORIFICS, KINSHIP, PRONOUNS, SUBJECT_PRONOUN
from ..lexicon.names import NAME_PARTICLES, NAME_RUN_PARTICLES, NOT_NAMES, NOT_PERSON_WORDS
from ..lexicon.organizations import (GENERIC_ORGANIZATIONS, NAMED_ONLY_BODIES, ORG_WORDS, ORGANIZATION_ALIASES,
                                      ORGANIZATION_KIND_NOUNS, PLACE_LEVELS)
from ..lexicon.outlets import OUTLET_WORDS
from ..lexicon.places import CAPITALS, COUNTRIES, DEMONYMS, US_STATES
from ..lexicon.titles import (NAME_TITLE_ABBREVIATIONS, PAST_MEMBER_WORDS, PORTFOLIOS, RESEARCH_WORDS, ROLE_WORDS,
                              TITLE_ROLES, TITLES, UNNAMED_HEADS)
from ..lexicon.time import DAYS, MONTHS
from .sources import Source, describe
from .text import Paragraph, parse

TITLE_ABBREVIATIONS: Final = {t for t in TITLES if t.endswith(".")}
# A lower-case letter of any script and the apostrophes of a name ("Kaczyński", "O'Neill").
_LOWER: Final = "[a-z'’\u00df-\u024f]"


def _after_capital(words: Iterable[str]) -> str:
    """``words`` (each starting with a capital) as they go on after their first letter,
    each behind a look back at that letter: "Mr|Mrs|Dr" -> "(?<=M)(?:r|rs)|(?<=D)(?:r)"."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    return "|".join("(?<=%s)(?:%s)" % (first, "|".join(rests)) for first, rests in by_first.items())


# Runs of capitalised words, optionally after a title: candidate antecedents for pronouns.
# The pattern opens with the capital both branches start with, and a title goes on from
# there: a pattern whose first item is a character class lets the regex engine skip to
# the next capital itself, where an opening look-ahead ran the engine at every character
# (the scan took 108 of 1,371 million instructions of extracting the 82 polnear-dev articles).
_NAME_RUN: Final = re.compile(
    r"[A-Z](?:(?:%s)\.\s+[A-Z])?" % _after_capital(NAME_TITLE_ABBREVIATIONS)
    # A word may have a second capital after its first letters: McConnell, DeSantis, O'Rourke.
    + r"{l}+(?:[A-Z]{l}+)?(?:[ -](?:[A-Z]\.|{w}|al-[A-Z][a-z]+|%s))*\s{w}(?:-{w})?"
    .replace("{w}", "[A-Z]{l}+(?:[A-Z]{l}+)?")
    .replace("{l}", _LOWER)
    % "|".join(NAME_RUN_PARTICLES)
)
# Capitalised words in a row, joined by "of" or "&" ("Bank of Halden", "Ames & Co."): where an
# organisation's name can be.
_CAPITALISED_RUN: Final = re.compile(r"(?<![\w'’-])[A-Z][\w&'’.-]*(?:\s(?:(?:of|&)\s)?[A-Z][\w&'’.-]*)*")
# A capitalised word standing on its own, without a possessive 's: where a surname can be.
_CAPITALISED_WORD: Final = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?<!['’]s)(?<!['’])")
_ROLE_BEFORE: Final = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}([a-z]+)\s)$")
_APPOSITIVE_AFTER: Final = re.compile(r",\s+((?:a|an|the|his|her|its|their)\s[^,.;:\"“”]{3,90}?),")
# "Joanna Cherry of the Scottish National Party", "Ana Ruiz from Acme Corp": whom a person
# speaks for, said right after the name where the article first names them.
_OF_AFTER: Final = re.compile(
    r" (of|from) ((?:the )?(?:[a-z]+ )?[A-Z][\w.&'’-]*(?: (?:(?:and|of|for|&) )?[A-Z][\w.&'’-]*)*)")

_POSSESSIVE_MARK: Final = re.compile(r"['’]s?$")
_POSSESSORS: Final = re.compile(r"\b(?=[A-Z])((?:[A-Z][\w.-]+ )*[A-Z][\w.-]+)['’]s\b")  # "the Kremlin's"
_APOSTROPHE_S: Final = re.compile(r"['’]s")
_TWO_NAME_WORDS: Final = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")
_WORD: Final = re.compile(r"[\w'’.-]+")
_PERSONAL_PRONOUN: Final = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]imself|[Hh]erself)\b")  # not "him": often the object is someone else

# Capitalised runs with these words are events, places, things or organisations, not people.
_NOT_PERSON_WORDS: Final = ORG_WORDS | NOT_PERSON_WORDS
# A word of NOT_PERSON_WORDS that is also a first name: "Bill Clinton" is no bill.
_FIRST_NAME_NOUNS: Final = frozenset({"bill"})
# Every word that says which gender a person is, with the tier it counts in (below).
_GENDER_WORDS: Final = {**KINSHIP, **GENDERED_ROLES, **HONORIFICS}
_PRONOUN_OF: Final = {"he": "man", "she": "woman"}

# How far back a pronoun or description looks: the last few dozen sources. The
# bound keeps resolution linear in the length of the article.
_WINDOW: Final = 48
# The mentions of a person whose words are read for their gender: the first dozen say what
# the article says of them (a long article names its main figure a hundred times).
_EVIDENCE_MENTIONS: Final = 12
_PRONOUNS_READ: Final = 3
# The full mentions of a person whose descriptions are read ("Indiana Gov. Mike Pence"): news
# describes a person where it first names them.
_DESCRIBED_MENTIONS: Final = 3
# Names looked up one search each before the whole article is indexed (Resolver.positions).
_SEARCHES: Final = 256
# Salience (Lappin and Leass's weights, on the surface): a mention counts by its sentence,
# this much for the pronoun's own sentence, the one before, and so on ...
_RECENCY: Final[tuple[float, ...]] = (1.0, 0.8, 0.4, 0.2)
# ... times the part it plays.
_SUBJECT: Final = 1.0  # "Waseem appeared ...", the source of an attribution
_OBJECT: Final = 0.5  # "endorsed his former rival, Joe Biden."
_POSSESSOR: Final = 0.4  # "Qawi's supporters"
_OBLIQUE: Final = 0.3  # "pardoned by Trump"
_MODIFIER: Final = 0.2  # "Trump adviser", "the Trump campaign"
# "As for Hale, he said ...": the topic the sentence announces is whom its pronouns mean, over the
# person quoted a paragraph before (of the 14 "As for" openings of polnear-train and wikinews-dev,
# every "he"/"his" after an "As for <name>," was that name).
_TOPIC: Final = 2.0
_FIRST_IN_SENTENCE: Final = 0.05  # of two subjects, the first is the sentence's
_UNDECIDED: Final = "?"  # not weighed yet (None is a decision: unknown)
_PRONOUN_MAJORITY: Final = 0.75  # share of a person's pronouns that makes them fit one (see _agrees)
_UNKNOWN_GENDER: Final = 0.8  # a person of unknown gender fits a pronoun less than one known to
# A description no named person is described with stands for the salient person only from this
# salience (a subject of the sentence before), and this many times the next person's.
_DESCRIBED_SALIENCE: Final = 0.8
_DESCRIBED_MARGIN: Final = 2.0
# What Resolver._salience gives: by person, their summed salience, latest position and source.
_Salience = tuple[dict[str, float], dict[str, int], dict[str, Source]]
# Past this many characters without a mention, a pronoun is not resolved at all.
_FARTHEST: Final = 2500
# How far ahead a description looks for the person the article names next with its role.
_AHEAD: Final = 600
# "Ruiz's campaign manager", "the governor's spokeswoman": a possessor before the role.
_POSSESSIVE_BEFORE_ROLE: Final = re.compile(r"['’]s? [a-z]")
# Words before a name that are not a preposition but still take an object ("told Smith").
_OBLIQUE_WORDS: Final = PREPOSITIONS | {"by", "against", "than", "like", "including", "between", "among",
                                        "toward", "towards", "under", "into", "onto", "upon", "without"}
# Words after a name that join it to more of a noun phrase rather than a verb.
_NOT_VERBS: Final = DETERMINERS | PREPOSITIONS | {"and", "or", "nor", "but", "who", "whose", "which", "that", "to"}
_FIRST_PERSON_WRITER: Final = {"i", "we"}
_BYLINE_PREFIX: Final = re.compile(r"^\s*(?:by|written by|from)\s+", re.IGNORECASE)
_BYLINE_SPLIT: Final = re.compile(r"\s*(?:,|\band\b|&|\||;)\s*")


def writer_of(byline: str | None) -> Source | None:
    """Who writes "I" in an op-ed or a letter: the one person or the organisation the byline names.

    ``By Jane Doe`` gives Jane Doe; ``By the Editorial Board`` gives the board (who also
    writes "we"); two authors, or a byline that names no one, give None: their "I" stays
    unresolved rather than given to the wrong one.
    """
    if not byline or not byline.strip():
        return None
    text = _BYLINE_PREFIX.sub("", " ".join(byline.split()))
    parts = [p for p in _BYLINE_SPLIT.split(text) if p]
    if not parts:
        return None
    first = describe(parts[0])
    # "Jane Doe, Reuters" or "Jane Doe | The Times": a name then where they write.
    others = [describe(p) for p in parts[1:]]
    if first.kind == "organization" or (first.name is None and "board" in text.lower()):
        return first.evolve(kind="organization", name=first.name or first.label)
    if not first.name or len(first.name.split()) < 2 or any(o.kind == "person" and o.name for o in others):
        return None
    return first.evolve(kind="person")


class Resolver:
    """Remembers who has been mentioned so far and resolves new mentions against them.

    Every look-up is an index or a bounded scan of the latest sources and sentences, so
    the cost of resolving an article grows linearly with its length.
    """

    def __init__(self, text: str, paragraphs: list[Paragraph] | None = None, writer: Source | None = None):
        self.text = text
        self.writer = writer
        self.speakers: list[tuple[int, Source]] = []  # (position, source), kept sorted by position
        self.groups: list[tuple[int, list[Source]]] = []  # sources named together ("X and Y said")
        self._paragraphs = paragraphs
        self._fullest_by_name: dict[str, Source] = {}
        self._by_surname_index: dict[str, list[tuple[int, str]]] = {}
        self._by_first: dict[str, list[tuple[int, str]]] = {}  # first name -> where, whose full name
        self._names: list[tuple[int, Source]] | None = None
        self._named_orgs: dict[str, list[tuple[int, str]]] = {}
        self._salient: str | None = None
        self._words: dict[str, list[int]] | None = None
        self._positions: dict[str, list[int]] = {}
        # Every capitalised word, in order: where a surname may stand.
        self._capitals: list[int] = []
        self._capital_words: list[str] = []
        self._known_surnames: set[str] = set()
        self._surname_forms: dict[str, str] = {}  # lower case -> as written
        self._single_names: dict[str, str] = {}  # one-word names, by their lower case
        # "Robert Gabriel Mugabe" and "Robert Mugabe" are one person: each full name -> the first
        # one written with the same first name and surname.
        self._entity: dict[str, str] = {}
        self._entity_of: dict[tuple[str, str], str] = {}
        self._variants: dict[str, list[str]] = {}
        self._first_named: dict[str, int] = {}  # entity -> where the article first names them in full
        self._sentence_starts: list[int] = []
        self._quote_starts: list[int] = []
        self._quote_ends: list[int] = []
        self._structured = False
        # sentence index -> (where, who): the person its first "he"/"she" outside quotation marks,
        # or an opening "The goalkeeper", stands for
        self._implicit: dict[int, tuple[int, str, Source]] = {}
        self._implicit_done = -1
        self._speaker_positions: set[int] = set()
        # Evidence of gender: key (a name, or an unnamed source's label) -> word -> count.
        self._strong: dict[str, dict[str, int]] = {}
        self._pronouns: dict[str, dict[str, int]] = {}
        self._read_evidence: set[str] = set()
        self._decisions: dict[tuple[str, float], str | None] = {}
        self._descriptors: dict[str, set[str]] = {}
        self._by_descriptor: dict[str, list[str]] = {}  # descriptor -> people it describes
        self._heads: dict[str, bool] = {}  # description head -> can it describe a named person here
        self._described: set[str] = set()  # the people in _by_descriptor
        folded = text.lower()
        self.folded: str | None = folded if len(folded) == len(text) else None  # for case-blind searches

    # --- what the article says where ---------------------------------------------------

    @property
    def names(self) -> list[tuple[int, Source]]:
        """People named anywhere in the article, scanned only when a mention needs them."""
        if self._names is None:
            self._names = self._scan_names(self.text)
            for position, source in self._names:
                self._index(position, source)
        return self._names

    def positions(self, word: str) -> list[int]:
        """Where the capitalised ``word`` occurs as a whole word ("Smith's" counts; "Smithson" does not).

        A search per name for the few an article needs; past _SEARCHES of them, one pass
        over the article indexes every capitalised word, so an article naming thousands
        of people stays linear.
        """
        found = self._positions.get(word)
        if found is not None:
            return found
        if self._words is not None or len(self._positions) >= _SEARCHES:
            found = self._capitalised().get(word, [])
        else:
            found = []
            if _CAPITALISED_WORD.fullmatch(word):
                # str.find, not a regex: an article names dozens of people, and compiling
                # a pattern for each cost more than the search.
                text = self.text
                at = text.find(word)
                while at >= 0:
                    if not _in_word(text, at - 1) and _word_ends(text, at + len(word)):
                        found.append(at)
                    at = text.find(word, at + 1)
        self._positions[word] = found
        return found

    def _capitalised(self) -> dict[str, list[int]]:
        """Every capitalised word of the article and where it stands (built once)."""
        if self._words is None:
            words: dict[str, list[int]] = {}
            for match in _CAPITALISED_WORD.finditer(self.text):
                words.setdefault(match.group(), []).append(match.start())
                self._capitals.append(match.start())
                self._capital_words.append(match.group())
            self._words = words
        return self._words

    def _structure(self) -> None:
        """Sentence starts and quotation spans, from the paragraphs (parsed here when not given)."""
        if self._structured:
            return
        self._structured = True
        paragraphs = self._paragraphs if self._paragraphs is not None else parse(self.text)
        for paragraph in paragraphs:
            for start, _ in paragraph.sentences:
                self._sentence_starts.append(start)
            for quote in paragraph.quotes:
                self._quote_starts.append(quote.start)
                self._quote_ends.append(quote.end)

    def quoted(self, position: int) -> bool:
        """Is ``position`` inside a quotation? A name there is the speaker's word, not the writer's mention."""
        if not self._structured:
            self._structure()
        if not self._quote_starts:
            return False
        index = bisect.bisect_right(self._quote_starts, position) - 1
        return index >= 0 and position < self._quote_ends[index]

    def sentence_of(self, position: int) -> int:
        if not self._structured:
            self._structure()
        return max(0, bisect.bisect_right(self._sentence_starts, position) - 1)

    def _sentence_start(self, index: int) -> int:
        return self._sentence_starts[index] if 0 <= index < len(self._sentence_starts) else 0

    def _scan_names(self, text: str) -> list[tuple[int, Source]]:
        found = []
        alone: dict[str, bool] = {}
        for match in _NAME_RUN.finditer(text):
            words = match.group().split()
            start = match.start()
            # "Chile's Atacama": a possessor is a name of its own, not the first word of one.
            for i, word in enumerate(words[:-1]):
                if word.endswith(("'s", "’s")):
                    start += len(" ".join(words[:i + 1])) + 1
                    words = words[i + 1:]
                    break
            modifiers: list[str] = []  # what describes the person before their name ("Officer")
            while words and (words[0] in NOT_NAMES or words[0].lower() in CUE_WORDS
                             or words[0].lower() in ROLE_WORDS or words[0].lower() in TITLES):
                start += len(words[0]) + 1
                if words[0].lower() in TITLES or words[0].lower() in ROLE_WORDS:
                    modifiers.append(words[0])
                words = words[1:]
            # "Zimbabwe Robert Mugabe", "Polish President Andrzej Duda": a place or a party before
            # the name describes the person (the description keeps it) but is no part of the name.
            while len(words) > 2 and (words[0] in COUNTRIES or words[0].lower() in DEMONYMS
                                      or words[0].lower() in NOT_PERSON_WORDS):
                start += len(words[0]) + 1
                modifiers.append(words[0])
                words = words[1:]
            # "Senate Majority Leader Mitch McConnell", "House Intelligence Committee chairman Adam
            # Schiff": a body and a title before the name; the name is what follows the last title.
            if len(words) > 2 and _word_ending_at(text, start - 3).lower() in TITLES \
                    and text[start - 4:start] == " of ":
                # "Chief of Staff Jo Ames": the run starts at the title's object.
                start += len(words[0]) + 1
                modifiers.append(words[0])
                words = words[1:]
            last_title = _last_title(words)
            if last_title >= 0:
                start += len(" ".join(words[:last_title + 1])) + 1
                described_by = words[:last_title + 1]
                if any(w.lower() in CUE_WORDS for w in described_by):
                    # "Trump Endorses House Speaker Paul Ryan": a headline, whose verb is no title
                    described_by = described_by[next(i for i, w in enumerate(described_by)
                                                     if w.lower() in CUE_WORDS) + 1:]
                modifiers.extend(described_by)
                words = words[last_title + 1:]
            # "Senate Minority Whip Dick Durbin": the body the title belongs to opens the run.
            while len(words) > 3 and words[0].lower() in _NOT_PERSON_WORDS \
                    and words[0].lower() not in _FIRST_NAME_NOUNS:
                start += len(words[0]) + 1
                modifiers.append(words[0])
                words = words[1:]
            if len(words) < 2 or any(w in NOT_NAMES for w in words[1:]):
                continue
            # "Memorial Day", "Supreme Court", "National Mall"; but "Bill Clinton" is a person.
            if any(w.lower().strip("'’s") in _NOT_PERSON_WORDS for w in words[1:]) \
                    or words[0].lower() in _NOT_PERSON_WORDS and words[0].lower() not in _FIRST_NAME_NOUNS:
                continue
            words[-1] = _POSSESSIVE_MARK.sub("", words[-1])
            # Who they are, when the article says it where it first names them:
            # "Halden Rovers manager Siobhan Quigley", "Agnes Tulloch, the keeper of the light,".
            appositive = _APPOSITIVE_AFTER.match(text, match.end())
            role = _role_before(text, match.start())
            described = role + _title_before(text, start) + " ".join(modifiers + words)
            if appositive:
                described += ", " + appositive.group(1)
            else:
                of = _OF_AFTER.match(text, match.end())
                if of and of.group(2).removeprefix("the ") not in COUNTRIES:  # "of Ghana" says where from
                    described += " " + of.group(1) + " " + of.group(2)
            source = describe(described)
            if source.kind != "person" or not source.name or len(source.name.split()) < 2:
                continue
            name = source.name
            if modifiers and name.endswith(" " + " ".join(words)):
                name = " ".join(words)
                source = source.evolve(name=name)
            # A title, a role noun or a kinship word before the name, or the surname on its own
            # elsewhere: a person ("nominee Dana Whitlock", "The boy's father, Amir Haddad").
            if source.title or role or source.role or self._named_alone(name.split()[-1], alone) \
                    or _role_word_before(text, start) or _pronoun_after_cue(text, match.end()):
                found.append((start, source))
        return found

    def _named_alone(self, surname: str, known: dict[str, bool]) -> bool:
        if surname not in known:
            known[surname] = _named_alone(self.text, surname, self.positions(surname))
        return known[surname]

    # --- organisations -------------------------------------------------------------------

    def affiliation(self, affiliation: str | None, position: int) -> str | None:
        """Resolve "the group", "the company" to the organisation the article means.

        First a phrase ending in the same noun ("the coalition" -> "U.S.-led
        coalition"), else the organisation the article is most about: the most
        frequent capitalised name that the article also uses as a possessor.
        """
        if not affiliation:
            return affiliation
        noun = affiliation.lower().removeprefix("the ").strip()
        if noun not in GENERIC_ORGANIZATIONS:
            return affiliation
        named = self._organizations_ending_in(noun)
        index = bisect.bisect_left(named, (position,)) - 1
        if index >= 0:
            return named[index][1]
        if noun in NAMED_ONLY_BODIES:
            # "Councilwoman X": the council the article names (after her, if not before), never
            # the organisation quoted last; none rather than the bare noun.
            return named[0][1] if named else None
        for _, known in self._latest(position):
            # "The World Food Programme said ..." then "the agency's country director": the organisation
            # quoted last, when it was quoted by name.
            if _named_organization(known):
                return known.name
            if noun in _BODY_NOUNS and known.affiliation and known.affiliation[:1].isupper() \
                    and not known.affiliation.endswith((" government", " Party")):
                return known.affiliation  # "Halden Rovers manager X ..." then "Club captain Y"
        if self._salient is None:
            possessors = [m.group(1) for m in _matches_ending_at(
                _POSSESSORS, self.text, [m.end() for m in _APOSTROPHE_S.finditer(self.text)])]
            # People are no organisation: their names are looked up only when a possessor needs it.
            named_people = [n.name for _, n in self.names if n.name] if possessors else []
            people = set(named_people) | {name.split()[-1] for name in named_people}
            # Nor is a place ("Cleveland's"), nor someone with an honorific ("Mr. Trump's"): "the
            # group" is an organisation.
            candidates = Counter(p for p in possessors if p not in people and p not in NOT_NAMES
                                 and p not in COUNTRIES and p not in US_STATES and p not in CAPITALS
                                 and p.split()[0].lower() not in HONORIFICS)
            counts = {p: self.text.count(p) for p, _ in candidates.most_common(20)}
            self._salient = max(counts, key=lambda p: (counts[p], p)) if counts else ""
        return self._salient or affiliation

    def _organization_quoted_before(self, position: int) -> Source | None:
        """The latest source before ``position`` when it is an organisation quoted by name."""
        for _, known in self._latest(position):
            return known if _named_organization(known) else None
        return None

    def _organizations_ending_in(self, noun: str) -> list[tuple[int, str]]:
        if noun not in self._named_orgs:
            # Capitalised words then the noun in any case; only the noun ignores case, so
            # the pattern cannot run over every word of the text.
            # ("Pacific Gas and Electric Company": "and", "of" and "&" may join the capitalised words)
            pattern = re.compile(r"((?:[A-Z][\w.'’-]*[ -](?:(?:and|of|&) (?=[A-Z]))?)+)(?i:" + re.escape(noun) + r")\b")
            if self.folded is not None:
                ends = [m.end() for m in re.finditer(re.escape(noun), self.folded)]
                matches = _matches_ending_at(pattern, self.text, ends)
            else:
                matches = list(pattern.finditer(self.text))
            # Not a sentence's opening determiner: "Several party (officials)" names no party.
            named = [(m.start(), m.group().strip()) for m in matches
                     if m.group(1).strip()[:1].isupper() and m.group(1).split()[0] not in NOT_NAMES
                     and m.group(1).split()[0].lower() not in DETERMINERS
                     and not any(w.endswith(".") and len(w) > 4 for w in m.group(1).split())]  # not "Sunday. Club"
            # "The Bramford City Council postponed ...": the name after a sentence's opening "The".
            named += [(m.start() + 4, m.group()[4:].strip()) for m in matches
                      if m.group(1).startswith("The ") and len(m.group(1).split()) > 1
                      and m.group(1).split()[1][:1].isupper() and m.group(1).split()[1] not in NOT_NAMES
                      and not all(w.lower() in PLACE_LEVELS for w in m.group(1).split()[1:])  # "The City Council"
                      and not any(w.endswith(".") and len(w) > 4 for w in m.group(1).split())]
            # "Working America, a labor-affiliated group": a name the appositive says is one.
            folded = self.folded if self.folded is not None else self.text.lower()
            for m in re.finditer(r"\b" + re.escape(noun) + r"\b", folded):
                window = self.text[max(0, m.start() - 90):m.start()]
                described = _APPOSITIVE_BEFORE.search(window)
                if described and described.group(1).split()[0] not in NOT_NAMES:
                    named.append((m.start() - len(window) + described.start(1), described.group(1)))
            self._named_orgs[noun] = sorted(named)
        return self._named_orgs[noun]

    # --- resolving a mention -------------------------------------------------------------

    def not_a_subject(self, position: int) -> None:
        """The source resolved at ``position`` is no subject for the pronouns after it: the asker of
        "Asked by a host about ..., de Blasio said. He added ..." (a named asker still counts where
        the text names them, as the object of "by")."""
        kept = [(at, source) for at, source in self.speakers if at != position]
        if len(kept) != len(self.speakers):
            self.speakers = kept
            self._speaker_positions.discard(position)

    def remember_group(self, position: int, sources: list[Source]) -> None:
        bisect.insort(self.groups, (position, sources), key=lambda g: g[0])

    def resolve_all(self, source: Source, position: int) -> list[tuple[Source | None, str]]:
        """Like ``resolve``, but "they" after "X and Y said" stands for both."""
        if source.pronoun == "they":
            index = bisect.bisect_left(self.groups, position, key=lambda g: g[0]) - 1
            single = next((p for p, s in self._latest(position)
                           if s.plural or s.kind in ("group", "organization")), -1)
            if index >= 0 and self.groups[index][0] >= single and position - self.groups[index][0] < _FARTHEST:
                members = self.groups[index][1]
                names = " and ".join(s.label for s in members)
                return [(member, f"pronoun 'they' -> {names} (sources named together earlier)")
                        for member in members]
        return [self.resolve(source, position)]

    def resolve(self, source: Source, position: int) -> tuple[Source | None, str]:
        """The fullest earlier description of ``source`` and a sentence saying how it was found;
        None for a pronoun the article does not resolve (the attribution gets no speaker)."""
        mention = source.mention
        if source.pronoun in ("he", "she"):
            found = self._person_before(position, source.pronoun)
            if found is not None:
                key, person = found
                self._add_pronoun(key, source.pronoun)
                resolved = person.evolve(pronoun=source.pronoun)
                self._remember(position, resolved)
                return resolved, f"pronoun '{mention}' -> {person.label} (most salient person before)"
            return None, f"pronoun '{mention}' left unresolved (no earlier person fits)"
        if source.pronoun in ("they", "it"):
            group = self._group_before(position, singular=source.pronoun == "it")
            if group:
                return group, f"pronoun '{mention}' -> {group.label} (nearest earlier group or organisation)"
            return None, f"pronoun '{mention}' left unresolved (no earlier group)"
        if source.pronoun in ("i", "we", "you"):
            writer = self.writer
            if writer is not None and source.pronoun in _FIRST_PERSON_WRITER and not self.quoted(position) and (
                    source.pronoun == "i" and writer.kind == "person" or writer.kind == "organization"):
                return writer, f"pronoun '{mention}' -> {writer.label} (who writes the article)"
            return None, f"pronoun '{mention}' left unresolved (first or second person)"
        if source.name in NOT_NAMES:
            first = mention.split()[0].lower()
            if (first in INDEFINITE_PERSONS or first in INDEFINITE_GROUPS) and " " in mention.strip():
                # "Someone familiar with the talks": an unnamed source, its capital the sentence's.
                return describe(first + mention[len(first):]), "an unnamed source, described where quoted"
            # "none of the scholars I interviewed", "It means": a pronoun read as a name.
            return None, f"'{mention}' names no one"
        if source.name and (len(source.name.split()) == 1 or source.title) and source.kind != "organization":
            antecedent = self._by_surname(source, position)
            if antecedent:
                merged = _merge(antecedent, source)
                self._remember(position, merged)
                return merged, f"surname '{mention}' -> {antecedent.label}"
            if source.title and source.kind == "person" and len(source.name.split()) == 1:
                # "Dr Meerjady" after "Dr Meerjady Sabrina Flora": a title before a first name, as
                # news from Bangladesh, Indonesia or Iceland writes it.
                known_person = self._by_first_name(source.name, position)
                if known_person is not None:
                    merged = _merge(known_person, source)
                    self._remember(position, merged)
                    return merged, f"first name '{mention}' -> {known_person.label}"
            if source.kind == "other" and len(source.name.split()) == 1 and not source.title:
                # One capitalised word no surname of a full name: the first name of the one person
                # named earlier with it ("Hardeep" after "Minister Hardeep Singh Puri"), a person
                # when the article says so ("Mr. Okafor", "Okafor said he"), else, as before, an
                # organisation or a country ("Reuters said", "Rwanda said").
                known_person = self._by_first_name(source.name, position)
                if known_person is not None:
                    merged = _merge(known_person, source)
                    self._remember(position, merged)
                    return merged, f"first name '{mention}' -> {known_person.label}"
                if self._person_evidence(source.name):
                    source = source.evolve(kind="person")
                else:
                    source = source.evolve(kind="organization", affiliation=source.affiliation or source.name)
        if not source.name and source.kind == "person" and not source.plural:
            appositive_of = self._named_before_appositive(source, position)
            if appositive_of is not None:
                self._remember(position, appositive_of)
                return appositive_of, \
                    f"description '{mention}' -> {appositive_of.label} (the name it is the appositive of)"
        if _definite(mention) and not source.name:
            found = self._by_role(source, position)
            if found is not None:
                antecedent = found[1]
                self._remember(position, antecedent)
                return antecedent, f"description '{mention}' -> {antecedent.label} (same role earlier)"
            study = self._study_group(source, position)
            if study is not None:
                self._remember(position, study)
                return study, f"description '{mention}' -> {study.label} (the study's authors named before)"
        if not source.name and source.kind == "person" and not source.plural:
            later = self._named_later(source, position)
            if later is not None:
                self._remember(position, later)
                return later, f"description '{mention}' -> {later.label} (the person the article names so next)"
        if _definite(mention) and not source.name and source.kind == "person" and not source.plural:
            salient = self._salient_for_description(source, position)
            if salient is not None:
                # Whom the description says they speak for here ("the Senate Democratic leader"), as the
                # catalogue keeps it where it resolves a description; not a body they have left ("the
                # Air Force veteran").
                if source.affiliation and not any(w in PAST_MEMBER_WORDS for w in _content_words(source.role or "")):
                    salient = salient.evolve(affiliation=source.affiliation)
                self._remember(position, salient)
                return salient, f"description '{mention}' -> {salient.label} (the most salient person before)"
        if _definite(mention):
            head = _head(mention)
            outlet = self._outlet_before(head, mention, position)
            if outlet is not None:
                self._remember(position, outlet)
                return outlet, f"description '{mention}' -> {outlet.label} (the outlet named before)"
            if head in GENERIC_ORGANIZATIONS and _content_words(mention) == [head]:
                # "the company" -> "Halden Bus Company": a name ending in the same noun, written before.
                named_orgs = self._organizations_ending_in(head)
                index = bisect.bisect_left(named_orgs, (position,)) - 1
                if index >= 0:
                    named = named_orgs[index][1]
                    organization = Source(mention=mention, name=named, affiliation=named, kind="organization")
                    self._remember(position, organization)
                    return organization, f"description '{mention}' -> {named} (the organisation named before)"
                quoted = self._organization_quoted_before(position)
                if quoted is not None:
                    # "The Harbour Food Fund said ..." then "the group said": the organisation quoted last.
                    self._remember(position, quoted.evolve(mention=mention))
                    return quoted.evolve(mention=mention), \
                        f"description '{mention}' -> {quoted.label} (the organisation quoted before)"
            # Not "the company", "the group": after the rules above, the one name nearby was their
            # organisation for 3 of 9 on the tuning half + wikinews-dev (a place, an index, a holiday).
            if head in ORGANIZATION_KIND_NOUNS and _content_words(mention) == [head] \
                    and (not source.name or source.name.lower() == head):
                nearby = self._organization_named_nearby(head, position)
                if nearby is not None:
                    organization = Source(mention=mention, name=nearby, affiliation=nearby, kind="organization")
                    self._remember(position, organization)
                    return organization, f"description '{mention}' -> {nearby} (the one organisation named nearby)"
        if source.kind == "person" and source.name and source.affiliation \
                and set(source.affiliation.split()) <= set(source.name.split()):
            source = source.evolve(affiliation=None)  # a person never speaks for their own name
        if source.kind == "person" and source.name and not source.affiliation:
            study = self._study_group(source, position)
            if study is not None:
                source = source.evolve(affiliation=study.affiliation)  # "study co-author X"
        self._remember(position, source)
        return source, "named where quoted" if source.name else "described where quoted"

    def _named_before_appositive(self, source: Source, position: int) -> Source | None:
        """ "Ana Ruiz, the president of the Halden Teachers Union, said": a description read as the
        source right after a person's name and a comma is that person's appositive, and the
        person speaks (16 such rows in the tuning half of PolNeAR were unnamed sources)."""
        if not self.text.endswith(", ", 0, position):
            return None
        names = self.names
        index = bisect.bisect_left(names, position, key=lambda x: x[0]) - 1
        if index < 0:
            return None
        at, person = names[index]
        name = person.name or ""
        if not name or at + len(name) != position - 2 or not self.text.startswith(name, at):
            return None
        described = describe(f"{name}, {source.mention}")
        if described.kind != "person" or described.name != name:
            return None
        return self._fullest(described.evolve(mention=source.mention))

    def _organization_named_nearby(self, head: str, position: int) -> str | None:
        """ "... had flown 9,000 hours for Norvia Air, the airline said": the organisation an organisation-kind
        noun stands for. The one the same noun stood for last, else the organisation quoted just before,
        else the one organisation named in the sentence before the mention, else in the sentence before
        that; None when two are named."""
        for _, known in self._latest(position):
            if known.kind == "organization" and known.name and known.name[:1].isupper() \
                    and _head(known.mention) == head and known.name.lower() != known.mention.lower():
                return known.name
        self.names
        sentence = self.sentence_of(position)
        for at, known in self._latest(position):
            if _named_organization(known) and self.sentence_of(at) >= sentence - 1:
                return known.name  # "Nordair confirmed ... the airline said": quoted just before
            break
        for s in (sentence, sentence - 1):
            if s < 0:
                break
            start = self._sentence_start(s)
            end = position if s == sentence else self._sentence_start(s + 1)
            runs = {run for at, run in self._capitalised_runs(start, end) if self._organization_like(run, at)}
            if len(runs) == 1:
                return runs.pop()
            if runs:
                return None
        return None

    def _capitalised_runs(self, start: int, end: int) -> Iterator[tuple[int, str]]:
        """Runs of capitalised words between ``start`` and ``end``, without an opening function word."""
        for match in _CAPITALISED_RUN.finditer(self.text, start, end):
            words = match.group().split()
            at = match.start()
            while words and (words[0] in NOT_NAMES or words[0].lower() in TITLES):
                at += len(words[0]) + 1
                words = words[1:]
            if words:
                yield at, _POSSESSIVE_MARK.sub("", " ".join(words).rstrip("."))

    def _organization_like(self, run: str, at: int) -> bool:
        """Can the capitalised ``run`` at ``at`` be an organisation's name: not quoted, not a person
        the article names, a place, a day or a month."""
        if self.quoted(at) or run in COUNTRIES or run in US_STATES or run in CAPITALS:
            return False
        if run.isupper() and len(run) > 5:
            return False  # "ABSTRACT", a heading (not "KLM")
        words = run.split()
        if len(words) == 1 and at == self._sentence_start(self.sentence_of(at)):
            return False  # "Late last month, ...": a sentence's capital says nothing
        if len(words) == 1 and (run.lower() in DEMONYMS or run.lower() in DAYS or run.lower() in MONTHS):
            return False
        # A person's surname or whole name (not their first word: "Norvia Flight" is read as a name).
        people = {known.name.split()[-1].lower() for known in self._fullest_by_name.values()
                  if known.kind == "person" and known.name}
        known = self._fullest_by_name.get(run)
        if words[-1].lower() in people or known is not None and known.kind == "person":
            return False
        if any(w.lower() in HONORIFICS or w.lower() in TITLES for w in words):
            return False
        return describe(run).kind != "person"  # "Omar Nasser", a person the article names once

    def _outlet_before(self, head: str, mention: str, position: int) -> Source | None:
        """"the Times" -> "The New York Times", "the newspaper" -> the latest outlet quoted before:
        an outlet is named in full once and shortened after."""
        if _content_words(mention) != [head]:
            return None
        if head in OUTLET_WORDS and mention.split()[-1][:1].isupper():
            word = mention.split()[-1]
            at = self.text.rfind(word, 0, position)
            while at > 0:
                run = _OUTLET_RUN.search(self.text, max(0, at - 60), at)
                words = [w for w in run.group(1).split() if w.lower() not in ARTICLES] if run else []
                if words and words[0] not in NOT_NAMES:
                    name = " ".join(words + [word])
                    return Source(mention=mention, name=name, affiliation=name, kind="organization")
                at = self.text.rfind(word, 0, at)
            return None
        if head in _OUTLET_NOUNS:
            for _, known in self._latest(position):
                if known.kind == "organization" and known.name and known.classified()[0] == "media":
                    return known.evolve(mention=mention)
        return None

    def _study_group(self, source: Source, position: int) -> Source | None:
        """The researchers a study's people belong to: "the research team", "the authors" or
        "co-author X" after "researchers from Y" -> those researchers (of Y). None when ``source``
        says nothing of a study or the latest sources name no researchers with an affiliation."""
        if source.affiliation:
            return None
        words = _content_words((source.role or "") + " " + (source.mention if not source.name else ""))
        if not any(w in RESEARCH_WORDS for w in words):
            return None
        for _, known in self._latest(position):
            if known.affiliation and not known.name and known.kind != "organization" and any(
                    w in RESEARCH_WORDS for w in _content_words((known.role or "") + " " + known.mention)):
                return known
        return None

    def _remember(self, position: int, source: Source) -> None:
        if self.speakers and position < self.speakers[-1][0]:
            bisect.insort(self.speakers, (position, source), key=lambda x: x[0])
        else:
            self.speakers.append((position, source))  # the usual case: in reading order
        self._speaker_positions.add(position)
        self._index(position, source)
        if not source.name and source.kind == "person":
            self._add_words(source.label, (source.role or "") + " " + source.mention)

    def _index(self, position: int, source: Source) -> None:
        """Keep the fullest description of each name, and where each surname was named in full.

        Only what reads as a person's name is indexed by surname: a clause taken for a
        name ("MDC won a majority ... and both Mugabe") must not own "Mugabe".
        """
        if not source.name:
            return
        known = self._fullest_by_name.get(source.name)
        self._fullest_by_name[source.name] = _merge(known, source) if known else source
        words = source.name.split()
        if not _looks_like_name(words):
            return
        if len(words) > 1:
            if source.name not in self._entity:
                entity = self._entity_of.setdefault((words[0].lower(), words[-1].lower()), source.name)
                self._entity[source.name] = entity
                self._variants.setdefault(entity, []).append(source.name)
            entity = self._entity[source.name]
            if entity != source.name:
                self._fullest_by_name[entity] = _merge(self._fullest_by_name[entity], source)
            if position < self._first_named.get(entity, position + 1):
                self._first_named[entity] = position
        surname = words[-1].lower()
        if len(words) > 1 and source.kind == "person":
            self._by_first.setdefault(words[0].lower(), []).append((position, source.name))
        if len(words) == 1:
            self._single_names.setdefault(surname, source.name)
        else:
            entries = self._by_surname_index.setdefault(surname, [])
            if entries and position < entries[-1][0]:
                bisect.insort(entries, (position, source.name))
            else:
                entries.append((position, source.name))
        if source.kind in ("person", "other"):
            self._known_surnames.add(surname)
            self._surname_forms.setdefault(surname, words[-1])

    def _latest(self, position: int) -> Iterator[tuple[int, Source]]:
        """The latest sources before ``position``, latest first (at most _WINDOW)."""
        index = bisect.bisect_left(self.speakers, position, key=lambda x: x[0])
        for i in range(index - 1, max(-1, index - 1 - _WINDOW), -1):
            yield self.speakers[i]

    # --- pronouns ------------------------------------------------------------------------

    def _person_before(self, position: int, pronoun: str) -> tuple[str, Source] | None:
        """The most salient person before ``position`` who fits ``pronoun`` (he / she)."""
        self.names  # every named person is a candidate, not only those quoted so far
        sentence = self.sentence_of(position)
        self._implicit_up_to(sentence, position)
        found = self._most_salient(position, sentence, pronoun)
        return found if found is not None else self._nearest_person(position, pronoun)

    def _most_salient(self, position: int, sentence: int, pronoun: str) -> tuple[str, Source] | None:
        """The person (key and source) most salient at ``position`` who fits ``pronoun``."""
        salience = self._salience(position, sentence, pronoun)
        return None if salience is None else _chosen(salience)

    def _salience(self, position: int, sentence: int, pronoun: str,
                  named_only: bool = False) -> _Salience | None:
        """Salience summed over the last few sentences: per person and sentence, their best mention.
        (scores, each person's latest position, their source) by person; None when no one fits."""
        first_sentence = max(0, sentence - len(_RECENCY) + 1)
        window_start = self._sentence_start(first_sentence)
        mentions: list[tuple[int, str, Source, float]] = []
        # Named people: every occurrence of their surname outside quotations.
        for at, surname in self._surnames_between(window_start, position):
            name = self._owner(surname, at)
            if name is not None and not self.quoted(at):
                mentions.append((at, name, self._fullest_by_name[name], self._part(at, at + len(surname), at)))
        # Sources of attributions (unnamed ones too) and resolved pronouns: subjects.
        for at, source in self._latest(position):
            if at < window_start:
                break
            if source.kind == "person" and not source.plural and (source.name or not named_only):
                mentions.append((at, source.name or source.label, self._fullest(source), _SUBJECT))
        # Who the sentences' pronouns and opening descriptions stand for: subjects too.
        for s in range(first_sentence, sentence + 1):
            implicit = self._implicit.get(s)
            if implicit is not None and implicit[0] < position and (implicit[2].name or not named_only):
                mentions.append((implicit[0], implicit[1], implicit[2], _SUBJECT))
        best: dict[tuple[str, int], float] = {}  # (person, sentence) -> their best mention there
        sources: dict[str, Source] = {}
        latest: dict[str, int] = {}
        first_in: dict[int, tuple[int, str]] = {}  # sentence -> its first mention of a person who fits
        fits: dict[str, float] = {}  # person -> 0 when they do not fit the pronoun, else the weight factor
        for at, key, source, weight in mentions:
            factor = fits.get(key, -1.0)
            if factor < 0:
                factor = 0.0 if not self._fits(key, source, pronoun) else (
                    1.0 if self._agrees(key) is not None else _UNKNOWN_GENDER)
                fits[key] = factor
            if factor == 0.0:
                continue
            weight *= factor
            s = self.sentence_of(at)
            if best.get((key, s), 0.0) < weight:
                best[key, s] = weight
            sources[key] = source
            if latest.get(key, -1) < at:
                latest[key] = at
            if s not in first_in or at < first_in[s][0]:
                first_in[s] = (at, key)
        if not best:
            return None
        scores: dict[str, float] = {}
        for (key, s), weight in best.items():
            bonus = _FIRST_IN_SENTENCE if first_in[s][1] == key else 0.0
            scores[key] = scores.get(key, 0.0) + _RECENCY[min(len(_RECENCY) - 1, sentence - s)] * (weight + bonus)
        return scores, latest, sources

    def _salient_for_description(self, source: Source, position: int) -> Source | None:
        """ "Sanders asked ... The senator from Vermont said": a definite description of a person that
        no named person is described with stands, as "he" would, for the most salient named person of
        the last few sentences who fits its gendered words ("the actress"), unless that person is not
        described with a capitalised word of it ("the Kentucky Republican") and someone else is."""
        words = _content_words(source.mention)
        if not words:
            return None
        head = words[-1]
        if head not in _DESCRIPTION_HEADS or head in UNNAMED_HEADS:
            return None
        genders = {_GENDER_WORDS[w] for w in _gendered_words(source.mention)}
        if len(genders) > 1:
            return None
        pronoun = SUBJECT_PRONOUN[genders.pop()] if genders else ""
        self.names
        sentence = self.sentence_of(position)
        self._implicit_up_to(sentence, position)
        salience = self._salience(position, sentence, pronoun, named_only=True)
        if salience is None:
            return None
        key, person = _chosen(salience)
        if not person.name or key not in self._fullest_by_name:
            return None
        descriptors = self._descriptors_of(key)
        if pronoun and self._agrees(key, person) is None:
            return None  # "the mother": only a person the article says is a woman
        if any(w in descriptors for w in words):
            # Described with a word of it ("Sen. Rubio" for "the Florida senator"), but not with another
            # portfolio ("Civil Aviation Minister X" is not "the health minister").
            if any(w in PORTFOLIOS and w not in descriptors for w in words):
                return None
        else:
            # Described with none of its words: only a person far more salient than anyone else, and
            # no relative or namesake of theirs in the article. (Without any check the salient person
            # was right for 44 of 66 descriptions on the tuning half + wikinews-dev; with all of them
            # 21 of 23; the PolNeAR train + dev catalogue rows it changes: 25 better, 8 worse, 1 the same.)
            scores = sorted(salience[0].values(), reverse=True)
            if scores[0] < _DESCRIBED_SALIENCE or len(scores) > 1 and scores[0] < _DESCRIBED_MARGIN * scores[1]:
                return None
            surname = person.name.split()[-1]
            if any(other != key and other.split()[-1] == surname for other in self._first_named):
                return None  # "the former president" in an article about his brother: which Bush?
            for at in self.positions(surname):
                title = _word_ending_at(self.text, at).lower()
                if TITLE_ROLES.get(title, title) == head:
                    return None  # "President Obama" is named too: "the president" is not Michelle Obama
        capitalised = {w.lower() for w in source.mention.split()[1:] if w[:1].isupper()}
        missing = capitalised - descriptors
        if missing and any(missing & self._descriptors_of(other) for other in self._first_named if other != key):
            return None  # "the Kentucky Republican": someone else is the Kentucky one
        if any(word in kind and descriptors & (kind - {word}) for word in missing for kind in _EXCLUSIVE_WORDS):
            return None  # "the Democratic nominee" is not the Republican one, "the Ohio governor" not Texas's
        # The article has now described them so: "the senator" later is the same person.
        for word in words:
            if word not in descriptors:
                descriptors.add(word)
                if key in self._described:
                    self._by_descriptor.setdefault(word, []).append(key)
        return self._fullest(person)

    def _surnames_between(self, start: int, end: int) -> list[tuple[int, str]]:
        """(position, surname in lower case) of the known surnames written in [start, end), latest
        first, at most 4 * _WINDOW: from each surname's positions while the article names few
        people, from the index of every capitalised word when it names many."""
        found: list[tuple[int, str]] = []
        if len(self._known_surnames) <= _SEARCHES and self._words is None:
            for surname in self._known_surnames:
                positions = self.positions(self._surname_forms[surname])
                index = bisect.bisect_left(positions, end) - 1
                while index >= 0 and positions[index] >= start:
                    found.append((positions[index], surname))
                    index -= 1
            found.sort(reverse=True)
            return found[:4 * _WINDOW]
        self._capitalised()
        index = bisect.bisect_left(self._capitals, end)
        for i in range(index - 1, max(-1, index - 1 - 4 * _WINDOW), -1):
            at = self._capitals[i]
            if at < start:
                break
            surname = self._capital_words[i].lower()
            if surname in self._known_surnames:
                found.append((at, surname))
        return found

    def _nearest_person(self, position: int, pronoun: str) -> tuple[str, Source] | None:
        """Past the salience window: the person last mentioned, if not too far back."""
        names = self.names
        index = bisect.bisect_left(names, position, key=lambda x: x[0])
        candidates = list(self._latest(position)) + names[max(0, index - _WINDOW):index]
        best: tuple[str, Source] | None = None
        best_at = -1
        for pos, source in candidates:
            key = source.name or source.label
            if source.kind != "person" or source.plural or not self._fits(key, source, pronoun):
                continue
            last = self._last_mention(source, position) if source.name else pos
            if last > best_at:
                best, best_at = (key, self._fullest(source)), last
        if best is None or position - best_at > _FARTHEST:
            return None
        return best

    def _implicit_up_to(self, sentence: int, exclude: int) -> None:
        """Resolve, in reading order, who each sentence up to ``sentence`` is about when it opens
        with "He"/"She" or a definite description of a person ("The goalkeeper apologized"):
        a chain of such sentences carries a person through sentences that do not name them.
        ``exclude`` is the pronoun being resolved.

        Only the opening word: taking each sentence's first "he" wherever it stands
        ("Typically, he ...") resolved 2 fewer of 30 pronouns on wikinews-dev."""
        # Only the sentences a pronoun's window can reach, and the chain of those before them.
        self._implicit_done = max(self._implicit_done, sentence - 2 * len(_RECENCY))
        text = self.text
        while self._implicit_done < sentence:
            self._implicit_done += 1
            s = self._implicit_done
            start = self._sentence_start(s)
            match = _WORD.match(text, start)
            first = match.group().lower() if match else ""
            if first in DEFINITE and self._first_named and not self.quoted(start):
                for phrase in _descriptions_at(text, match.end() if match else start):
                    if phrase.rsplit(" ", 1)[-1].lower() not in _PERSON_NOUNS:
                        continue  # "The report", "The water": only role, title and kinship words here
                    described = self._by_role(Source(mention=first + " " + phrase), start, named_only=True)
                    if described is not None:
                        self._implicit[s] = (start, described[0], described[1])
                        break
                if s in self._implicit:
                    continue
            if first in ("he", "she") and start != exclude and start not in self._speaker_positions \
                    and not self.quoted(start):
                found = self._most_salient(start, s, first)
                if found is not None:
                    self._implicit[s] = (start, found[0], found[1])
                    self._add_pronoun(found[0], first)

    def _part(self, start: int, end: int, begin: int) -> float:
        """The part a name plays where it stands (``start`` to ``end``, the name written from
        ``begin`` when known, else ``start``), from the words around it."""
        text = self.text
        if text.startswith(("'s", "’s"), end) or text.startswith(("' ", "’ "), end):
            return _POSSESSOR
        # Back to the start of the name: "Margaret Leinen", "Sen. Jane Doe".
        while True:
            before = _word_ending_at(text, begin)
            if before and not before.endswith(",") and (
                    before[:1].isupper() and before not in NOT_NAMES or before.lower() in TITLE_ABBREVIATIONS):
                begin -= len(before) + 1
            else:
                break
        previous = _word_ending_at(text, begin).lower()
        if previous.endswith(","):
            previous = ""  # a clause ends there: "On Monday night, Clinton leaned in"
        if previous == "for" and text.startswith(",", end) and self._opens_as_for(begin):
            return _TOPIC
        if previous in _OBLIQUE_WORDS:
            return _OBLIQUE
        if previous in DETERMINERS:
            return _MODIFIER  # "the Carrick Point lighthouse", "a Trump rally"
        after = _word_at(text, end)
        if after == ",":  # an appositive: what follows it decides ("Baloch, nicknamed ..., had")
            comma = text.find(",", end + 1, end + 100)
            after = _word_at(text, comma + 1) if comma > 0 else ""
        lowered = after.lower()
        if after[:1].isupper() or lowered in ROLE_WORDS or lowered in ORG_WORDS:
            return _MODIFIER
        if after[:1].islower() and lowered not in _NOT_VERBS and lowered not in CLAUSE_BREAKERS:
            return _SUBJECT  # before a verb: "the first time Flynn made a speech"
        if previous[:1].isalpha() and previous.islower() and previous not in CLAUSE_BREAKERS:
            return _OBJECT  # after a verb: "painting Trump as a caricature"
        if begin == self._sentence_start(self.sentence_of(begin)):
            return _SUBJECT
        return _OBJECT

    def _opens_as_for(self, begin: int) -> bool:
        """Does "As for " open the sentence right before ``begin`` ("As for Hale, he said ...")?"""
        start = begin - len("As for ")
        return start >= 0 and self.text.startswith("As for ", start) \
            and self._sentence_start(self.sentence_of(start)) == start

    def _owner(self, surname: str, position: int) -> str | None:
        """Whose name a surname at ``position`` is: the full name written there, else the first
        person the article named with it (news names a second Mugabe in full, and the bare
        surname stays the first one's), else a person the article names by that word only."""
        entries = self._by_surname_index.get(surname)
        if not entries:
            return self._single_names.get(surname)
        end = position + len(surname)
        index = bisect.bisect_right(entries, (position, "\uffff")) - 1
        while index >= 0 and entries[index][0] > position - 60:
            at, name = entries[index]
            if at + len(name) == end:
                return self._entity.get(name, name)
            index -= 1
        return self._entity.get(entries[0][1], entries[0][1])

    def _fits(self, key: str, source: Source, pronoun: str) -> bool:
        if source.kind not in ("person", "other") or source.plural:
            return False
        if source.kind == "other" and not source.name:
            return False
        if not pronoun:
            return True  # a description without a gendered word fits anyone
        gender = self._agrees(key, source)
        return gender is None or SUBJECT_PRONOUN[gender] == pronoun

    def _last_mention(self, source: Source, position: int) -> int:
        """Where the person's surname was last written before ``position``, outside quotation marks."""
        positions = self.positions((source.name or "").split()[-1])
        index = bisect.bisect_left(positions, position) - 1
        while index >= 0 and self.quoted(positions[index]):
            index -= 1
        return positions[index] if index >= 0 else -1

    def _group_before(self, position: int, singular: bool = False) -> Source | None:
        for pos, source in self._latest(position):
            if position - pos > _FARTHEST:
                break
            if singular and source.kind == "organization":
                return source
            if not singular and (source.plural or source.kind in ("group", "organization")):
                return source
        return None

    # --- gender: the article's evidence --------------------------------------------------

    def gender(self, key: str, source: Source | None = None) -> str | None:
        """woman / man from the evidence for ``key`` (a name, or an unnamed source's label), or None.

        Honorifics, gendered role nouns and kinship words decide when they agree; without
        them the pronouns that refer to the person decide when they agree; evidence that
        disagrees decides nothing. What the catalogue records.
        """
        return self._decide(key, source, 1.0)

    def _agrees(self, key: str, source: Source | None = None) -> str | None:
        """The gender a pronoun must agree with: as ``gender``, but pronouns decide by a clear
        majority (one misresolved "she" among five "he" does not make a man fit "she")."""
        return self._decide(key, source, _PRONOUN_MAJORITY)

    def _decide(self, key: str, source: Source | None, majority: float) -> str | None:
        if key not in self._read_evidence:
            self._read_evidence.add(key)
            self._read(key, source or self._fullest_by_name.get(key))
        decided = self._decisions.get((key, majority), _UNDECIDED)
        if decided != _UNDECIDED:
            return decided
        decided = self._weigh(key, majority)
        self._decisions[key, majority] = decided
        return decided

    def _weigh(self, key: str, majority: float) -> str | None:
        strong = self._strong.get(key)
        if strong:
            genders = {_GENDER_WORDS[w] for w in strong}
            return genders.pop() if len(genders) == 1 else None
        pronouns = self._pronouns.get(key)
        if pronouns:
            women, men = pronouns.get("she", 0), pronouns.get("he", 0)
            if women >= majority * (women + men):
                return "woman"
            if men >= majority * (women + men):
                return "man"
        return None

    def evidence(self, key: str) -> dict[str, int]:
        """The words that say the gender of ``key``, with how often the article uses each."""
        self.gender(key)
        words: dict[str, int] = {}
        for counts in (self._strong.get(key), self._pronouns.get(key)):
            if counts:
                for word, n in sorted(counts.items()):
                    words[word] = words.get(word, 0) + n
        return words

    def _add_pronoun(self, key: str, pronoun: str) -> None:
        counts = self._pronouns.setdefault(key, {})
        counts[pronoun] = counts.get(pronoun, 0) + 1
        self._forget(key)

    def _add_words(self, key: str, words: str) -> None:
        for word in _gendered_words(words):
            counts = self._strong.setdefault(key, {})
            counts[word] = counts.get(word, 0) + 1
            self._forget(key)

    def _forget(self, key: str) -> None:
        """New evidence for ``key``: its gender is weighed again when next asked."""
        self._decisions.pop((key, 1.0), None)
        self._decisions.pop((key, _PRONOUN_MAJORITY), None)

    def _read(self, key: str, source: Source | None) -> None:
        """What the article says of the person ``key`` wherever it names them."""
        if source is None:
            return
        # Honorifics are counted where the article writes them, before each occurrence.
        title = " ".join(w for w in (source.title or "").split() if w.lower() not in HONORIFICS)
        self._add_words(key, title + " " + (source.role or ""))
        if not source.name:
            self._add_words(key, source.mention)
            return
        words = source.name.split()
        surname = words[-1]
        text = self.text
        rest = len(source.name) - len(surname)  # "Margaret " of "Margaret Leinen"
        strong = self._strong.setdefault(key, {})
        pronouns = self._pronouns.setdefault(key, {})
        lowered = surname.lower()
        read = read_pronouns = 0
        for at in self.positions(surname):
            if read == _EVIDENCE_MENTIONS:
                break
            if self.quoted(at) or self._owner(lowered, at) not in (source.name, None):
                continue
            read += 1
            end = at + len(surname)
            begin = at - rest if rest and text.startswith(source.name, at - rest) else at
            previous = _word_ending_at(text, begin)
            if previous:
                bare = previous.lower().rstrip(",")
                if bare in HONORIFICS and not previous.endswith(","):  # "Mrs. Keller", "Sir Ian"
                    strong[bare] = strong.get(bare, 0) + 1
                elif bare in _GENDER_WORDS:  # "spokeswoman Dana Pruitt", "her husband, Al Jorden"
                    strong[bare] = strong.get(bare, 0) + 1
                elif previous[:1].islower() and not previous.endswith(","):  # "her husband, musician Al Jorden"
                    kin = _word_ending_at(text, begin - len(previous) - 1).lower()
                    if kin.endswith(",") and kin.rstrip(",") in KINSHIP:
                        strong[kin.rstrip(",")] = strong.get(kin.rstrip(","), 0) + 1
            if text.startswith(", ", end):
                for word in _gendered_words(_appositive_at(text, end)):
                    if word not in HONORIFICS:
                        strong[word] = strong.get(word, 0) + 1
            # Honorifics and role nouns decide: pronouns are read only without them, and no more
            # than _PRONOUNS_READ of them (the first few say what the article says).
            if not strong and read_pronouns < _PRONOUNS_READ:
                pronoun = _pronoun_after_cue(text, end)
                if pronoun is None and self._part(at, end, begin) == _SUBJECT:
                    pronoun = self._pronoun_in_clause(end)
                if pronoun:
                    pronouns[pronoun] = pronouns.get(pronoun, 0) + 1
                    read_pronouns += 1

    def _pronoun_in_clause(self, end: int) -> str | None:
        """The first personal pronoun after a subject, in its sentence and before anyone else is
        named: "Mfume announced his resignation", "Stern said on his Twitter account"."""
        self._structure()
        sentence = self.sentence_of(end)
        stop = self._sentence_starts[sentence + 1] if sentence + 1 < len(self._sentence_starts) else len(self.text)
        for match in _PERSONAL_PRONOUN.finditer(self.text, end, min(stop, end + 200)):
            if self.quoted(match.start()):
                continue
            between = self.text[end:match.start()]
            if _CAPITALISED_WORD.search(between) or '"' in between or "“" in between:
                return None  # someone else may be named, or a quotation intervenes
            word = match.group().lower()
            return "she" if PRONOUNS[word] == "woman" else "he"
        return None

    def _person_evidence(self, name: str) -> bool:
        """Does the article treat a one-word name as a person ("Mr. Okafor", "Okafor said he")?"""
        return self._agrees(name, Source(mention=name, name=name, kind="person")) is not None

    # --- surnames and descriptions -------------------------------------------------------

    def _by_surname(self, source: Source, position: int) -> Source | None:
        # Earlier sources first; people named outside attributions only when none matches
        # (scanning the article for names is the costly part of resolution).
        found = self._surname_before(source, position)
        if found is None and self._names is None:
            surname = (source.name or "").split()[-1]
            occurrences = self.positions(surname)
            if occurrences and occurrences[0] < position:
                self.names  # only a surname written earlier can belong to a name written earlier
                found = self._surname_before(source, position)
        return found

    def _by_first_name(self, word: str, position: int) -> Source | None:
        """The one person named in full before ``position`` whose first name is ``word``."""
        occurrences = self.positions(word)
        if not occurrences or occurrences[0] >= position:
            return None
        self.names
        found = {self._entity.get(name, name) for at, name in self._by_first.get(word.lower(), ()) if at < position}
        if len(found) != 1:
            return None
        return self._fullest_by_name[found.pop()]

    def _surname_before(self, source: Source, position: int) -> Source | None:
        """The person an earlier full name gives a surname to ("Col. Dorrian" -> John Dorrian)."""
        surname = (source.name or "").split()[-1].lower()
        entries = self._by_surname_index.get(surname, [])
        if not entries or entries[0][0] >= position or entries[0][1] == source.name:
            return None
        name = self._owner(surname, position)
        return self._fullest_by_name[name] if name and name != source.name else None

    def _by_role(self, source: Source, position: int, named_only: bool = False) -> tuple[str, Source] | None:
        """The person a definite description stands for: "the Indiana governor" -> Mike Pence.

        A named person fits when the article describes them with every word of the
        description (title abbreviations read as the role: "Gov." is "governor"); an
        unnamed source fits on the role noun alone ("the official" -> "a senior official").
        The latest mentioned of those who fit.
        """
        words = _content_words(source.mention)
        if not words:
            return None
        head = words[-1]
        if head in GENERIC_ORGANIZATIONS or head in ORG_WORDS or not _names_a_person(head):
            return None
        heads = {w for w in words if w in ROLE_WORDS} | {head}
        singular_heads = {h.rstrip("s") for h in heads}
        best: tuple[str, Source] | None = None
        best_at = -1
        if not named_only:
            for pos, known in self._latest(position):
                if known.name or pos <= best_at:
                    continue
                described = {w.lower().strip(",.'’") for w in ((known.role or "") + " " + known.mention).split()}
                if heads & described or singular_heads & {w.rstrip("s") for w in described}:
                    best, best_at = (known.label, known), pos
                    break
        for name in self._described_by(head) if self._describes_someone(head) else ():
            if self._first_named[name] >= position:
                continue
            descriptors = self._descriptors_of(name)
            if not all(w in descriptors for w in words):
                continue
            last = self._last_mention(self._fullest_by_name[name], position)
            if last > best_at:
                best, best_at = (name, self._fullest_by_name[name]), last
        if best is None or position - best_at > _FARTHEST:
            return None
        return best

    def _named_later(self, source: Source, position: int) -> Source | None:
        """ "Ruiz's campaign manager said ..." and a sentence or two on "Tom Hale, the campaign
        manager, ...": a description the article has not resolved (the definite "the" or a
        possessor, never "a spokesman", a new person) stands for the person it names next with
        the same role words, where no earlier person has them. Every other word must describe
        them too ("the Florida senator" is not the next senator named); a possessor their
        descriptors do not repeat is allowed unless those descriptors name someone else ("Hale,
        Lee's campaign manager" after "Ruiz's campaign manager")."""
        mention = source.mention
        role = _content_words(source.role or "")
        if not role or not (_definite(mention) or _POSSESSIVE_BEFORE_ROLE.search(mention)):
            return None
        head = role[-1]
        if head in GENERIC_ORGANIZATIONS or head in ORG_WORDS or not _names_a_person(head) \
                or not self._describes_someone(head):
            return None
        # "Ruiz's campaign manager": the words up to the possessive are whose; the others ("the
        # Florida senator") must all describe the person, as for a description looking back.
        mark = _POSSESSIVE_BEFORE_ROLE.search(mention)
        possessor = _content_words(mention[:mark.start() + 2]) if mark else []
        modifiers = [w for w in _content_words(mention[mark.end() - 1:] if mark else mention) if w not in role]
        best, best_at = None, -1
        for name in self._described_by(head):
            first = self._first_named[name]
            if first <= position or first - position > _AHEAD or best is not None and first >= best_at:
                continue
            descriptors = self._descriptors_of(name)
            if not all(w in descriptors for w in role) or not all(w in descriptors for w in modifiers):
                continue
            if possessor and not all(w in descriptors for w in possessor) \
                    and any(w in self._known_surnames for w in descriptors if w not in role):
                continue  # "Hale, Lee's campaign manager" after "Ruiz's campaign manager": another's
            best, best_at = name, first
        if best is None:
            return None
        named = self._fullest(self._fullest_by_name[best])
        if source.affiliation and (not named.affiliation
                                   or set(named.affiliation.split()) < set(source.affiliation.split())):
            named = named.evolve(affiliation=source.affiliation)  # "Ruiz campaign" over "campaign"
        return _merge(named, source.evolve(name=None, mention=named.mention))

    def _describes_someone(self, head: str) -> bool:
        """Can the article describe a named person with ``head``? Only if it writes the word twice
        (the description and where it names them) or an abbreviated title for it ("Gov."):
        a look at the text that spares most descriptions the index of descriptors."""
        known = self._heads.get(head)
        if known is None:
            folded = self.folded if self.folded is not None else self.text.lower()
            known = folded.count(head) >= 2 or any(a in folded for a in _ABBREVIATIONS_OF.get(head, ()))
            self._heads[head] = known  # one look per word and article: the text does not change
        return known

    def _described_by(self, word: str) -> list[str]:
        """The people named in full whom the article describes with ``word`` (an index of
        their descriptors, extended as people are named)."""
        self.names
        if len(self._described) < len(self._first_named):
            for name in self._first_named:
                if name not in self._described:
                    self._described.add(name)
                    for descriptor in self._descriptors_of(name):
                        self._by_descriptor.setdefault(descriptor, []).append(name)
        return self._by_descriptor.get(word, [])

    def _descriptors_of(self, name: str) -> set[str]:
        """The words the article describes a named person with: title, role, affiliation, the
        words before each full mention ("Indiana Gov.") and the appositive after it."""
        if name not in self._descriptors:
            source = self._fullest_by_name[name]
            found = set()
            for part in (source.title, source.role, source.affiliation, source.mention):
                if part:
                    found.update(_content_words(part))
            found -= {w.lower() for variant in self._variants.get(name, [name]) for w in variant.split()}
            text = self.text
            for variant in self._variants.get(name, [name]):
                read = 0
                for at in self.positions(variant.split()[0]):
                    if read == _DESCRIBED_MENTIONS:
                        break
                    if text.startswith(variant, at):
                        read += 1
                        found.update(_content_words(_words_before(text, at)))
                        found.update(_content_words(_appositive_at(text, at + len(variant))))
            self._descriptors[name] = found
        return self._descriptors[name]

    def _fullest(self, source: Source) -> Source:
        """The richest description seen of the same name (role and affiliation filled in)."""
        if not source.name:
            return source
        known = self._fullest_by_name.get(source.name)
        return _merge(source, known) if known else source


# --- the words around a mention ---------------------------------------------------------------


def _chosen(salience: _Salience) -> tuple[str, Source]:
    """The highest score; of equal scores, the person mentioned last."""
    scores, latest, sources = salience
    chosen = ""
    for key in scores:
        if not chosen or (scores[key], latest[key]) > (scores[chosen], latest[chosen]):
            chosen = key
    return chosen, sources[chosen]


# Heads of a description that can stand for the salient person (Resolver._salient_for_description):
# roles and titles, not bare "man", "woman", "person", which news uses for a new, unnamed person.
_DESCRIPTION_HEADS: Final = ROLE_WORDS | set(TITLE_ROLES.values()) | TITLES
# Words of which a person has one: their party and where they are from (lower case, word by word).
_EXCLUSIVE_WORDS: Final = (
    frozenset(w for alias in ORGANIZATION_ALIASES for w in alias.split() if w != "party") | {"independent"},
    frozenset(w.lower() for place in US_STATES | COUNTRIES for w in place.split()) | frozenset(DEMONYMS),
)
# Nouns for the body a person named before speaks for: "Club captain Y" after "Halden Rovers manager X".
_BODY_NOUNS: Final = frozenset({"club", "company", "firm", "team", "agency", "organisation", "organization",
                                "charity", "union", "group"})
# Nouns for an outlet a definite description uses after naming it: "the newspaper", "the network".
_OUTLET_NOUNS: Final = frozenset({"newspaper", "paper", "network", "broadcaster", "magazine", "station", "tabloid",
                                  "channel", "daily", "outlet", "website"})
# The capitalised words of an outlet's name before its last word: "The New York " (Times).
_OUTLET_RUN: Final = re.compile(r"((?:[A-Z][\w.'’&-]*\s){1,4})$")
# A capitalised name, a comma and an indefinite description ending where the noun starts:
# "Working America, a labor-affiliated " (+ "group").
_APPOSITIVE_BEFORE: Final = re.compile(
    r"((?:[A-Z][\w.'’&-]*\s(?:(?:of|for|and|the|&)\s)?){0,5}[A-Z][\w.'’&-]*), an? (?:[\w-]+\s){0,4}$")


def _named_organization(source: Source) -> bool:
    """An organisation quoted by its name ("Harbour Food Fund"), not by a noun or initials alone."""
    name = source.name or ""
    return source.kind == "organization" and name[:1].isupper() \
        and name.lower() not in GENERIC_ORGANIZATIONS and not name.isupper()


def _word_ending_at(text: str, end: int) -> str:
    """The word that ends one space before ``end`` ("" when something else is there)."""
    if end < 2 or text[end - 1] != " ":
        return ""
    first = end - 1
    stop = max(0, end - 41)
    while first > stop and (text[first - 1].isalnum() or text[first - 1] in ".,'’-"):
        first -= 1
    return text[first:end - 1]


def _word_at(text: str, start: int) -> str:
    """The word (or the comma) after ``start``, past spaces and quotation marks."""
    i = start
    while i < len(text) and text[i] in " \"“”'‘’":
        i += 1
    if i < len(text) and text[i] in ",.;:!?)":
        return text[i]
    match = _WORD.match(text, i)
    return match.group() if match else ""


_DESCRIPTION_WORD: Final = re.compile(r"\s*([A-Za-z][\w'’.-]*)")


def _descriptions_at(text: str, start: int) -> list[str]:
    """What may follow "The" at a sentence start and describe a person, longest first:
    "Indiana governor said", "Indiana governor", "Indiana" for "The Indiana governor said".
    Only phrases ending in a lowercase word (a noun, not "The Republican")."""
    words: list[str] = []
    position = start
    for _ in range(3):
        match = _DESCRIPTION_WORD.match(text, position)
        if match is None:
            break
        words.append(match.group(1))
        position = match.end()
        if text[position:position + 1] not in (" ", "-"):
            break
    return [" ".join(words[:n]) for n in range(len(words), 0, -1) if words[n - 1][:1].islower()]


def _words_before(text: str, start: int) -> str:
    """The description written right before a name: "Indiana Gov." of "Indiana Gov. Mike Pence",
    "Republican presidential nominee" of "Republican presidential nominee Donald Trump",
    "husband, musician" of "her first husband, musician Al Jorden".

    The word next to the name must be a title, a capitalised word or a noun that can be a
    role ("goalkeeper"); a verb there ("an ad hitting Donald Trump") describes no one.
    """
    words = text[max(0, start - 80):start].split()
    taken: list[str] = []
    for word in reversed(words):
        lowered = word.lower()
        bare = lowered.rstrip(",")
        if word.endswith(",") and len(taken) <= 1 and bare in _GENDER_WORDS:
            taken.append(word.rstrip(","))  # a kinship word in apposition: "her husband, (musician) X"
            continue
        if word.endswith((",", ".", ";", ":", '"', "”", ")")) and lowered not in TITLE_ROLES \
                and lowered not in TITLE_ABBREVIATIONS:
            break
        if lowered in DETERMINERS or lowered in _OBLIQUE_WORDS or lowered in CUE_WORDS or lowered in _NOT_VERBS:
            break
        if not taken and word[:1].islower() and lowered not in ROLE_WORDS and (
                not word.isalpha() or len(word) < 3 or lowered.endswith(("ing", "ed"))):
            break
        taken.append(word)
        if len(taken) == 4:
            break
    return " ".join(reversed(taken))


def _role_word_before(text: str, start: int) -> bool:
    """Does a role noun or a kinship word stand right before the name ("nominee Dana Whitlock",
    "father, Amir Haddad", "husband, musician Al Jorden")?"""
    previous = _word_ending_at(text, start)
    if not previous or not (previous[:1].islower() or previous.endswith(",")):
        return False
    bare = previous.lower().rstrip(",")
    if bare in ROLE_WORDS or bare in KINSHIP:
        return True
    kin = _word_ending_at(text, start - len(previous) - 1).lower()
    return kin.endswith(",") and kin.rstrip(",") in KINSHIP


def _appositive_at(text: str, end: int) -> str:
    """ "the club's goalkeeper" in "Tomasz Wierzbicki, the club's goalkeeper, said": up to a
    preposition, a relative pronoun or the next comma."""
    if not text.startswith(", ", end):
        return ""
    stop = len(text)
    for mark in (",", ".", ";", "\n"):
        at = text.find(mark, end + 2, end + 90)
        if 0 <= at < stop:
            stop = at
    if stop == len(text):
        return ""
    words: list[str] = []
    for word in text[end + 2:stop].split():
        if word.lower() in ("who", "whose", "which", "that") or word.lower() in PREPOSITIONS:
            break
        words.append(word)
    return " ".join(words)


# What follows a name and a comma up to the end of the appositive: the next comma, semicolon,
# colon, quotation mark or line, a full stop after a word (not "U.S."), or a reporting verb.
_APPOSITIVE_END: Final = re.compile(r"[,;:\"“”\n]|(?<=[a-z]{3})\.|(?<=\))\.|\s(?:said|says|told|added|wrote)\b")


def appositive_after(text: str, end: int) -> str:
    """The appositive of a name ending at ``end``, whole: "a senior fellow at the Halden
    Institute" of "Ana Ruiz, a senior fellow at the Halden Institute, said"; "" when no comma
    follows the name or the appositive does not end within a line's length."""
    if not text.startswith(", ", end):
        return ""
    stop = _APPOSITIVE_END.search(text, end + 2, end + 122)
    return text[end + 2:stop.start()].strip() if stop else ""


_HONORIFIC_BEFORE: Final = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Madam|Madame|Mme)(\.?)\s+$")


def _honorific_before(before: str) -> str | None:
    match = _HONORIFIC_BEFORE.search(before)
    return (match.group(1).lower() + match.group(2)) if match else None


_LEADING_ADVERBS: Final = frozenset({"also", "later", "then", "has", "had", "previously", "once", "again", "recently"})


def _pronoun_after_cue(text: str, end: int) -> str | None:
    """ "he" in "Brudziński wrote he had ordered", "Smith, a nurse, said that she": the subject of
    the clause a person reports, which news makes the person themself (not in a quotation:
    'Smith said: "She ...' is someone else)."""
    position = end
    if text.startswith(",", position):
        comma = text.find(",", position + 1, position + 90)
        if comma < 0:
            return None
        position = comma + 1
    if position + 1 >= len(text) or text[position] != " " or not text[position + 1].islower():
        return None  # a cue is a lowercase word right after the name
    words = text[position:position + 60].split()[:6]
    for i, word in enumerate(words[:3]):
        lowered = word.lower().strip(",.;:")
        if lowered in CUE_WORDS and not word.endswith((",", ":", ";", ".")):
            rest = words[i + 1:i + 3]
            if rest and rest[0] == "that":
                rest = rest[1:]
            return rest[0].lower() if rest and rest[0].lower() in ("he", "she") else None
        if lowered not in _LEADING_ADVERBS:
            return None
    return None


def _gendered_words(phrase: str) -> list[str]:
    """The gendered words of a description, lower case ("Mrs.", "spokeswoman", "mother")."""
    found = []
    for word in phrase.split():
        lowered = word.lower().strip(",;:()\"“”")
        if lowered.endswith(("'s", "’s")):
            continue  # "the victim's mother": the possessor is someone else
        if lowered in _GENDER_WORDS:
            found.append(lowered)
    return found


def _content_words(phrase: str) -> list[str]:
    """The words of a description that say who, lower case and without determiners, possessive
    pronouns and punctuation; title abbreviations read as their role ("Gov." -> "governor")."""
    words = []
    for word in phrase.split():
        lowered = word.lower().strip(",;:()\"“”")
        if lowered in TITLE_ROLES:
            lowered = TITLE_ROLES[lowered]
        lowered = lowered.rstrip(".")
        if lowered.endswith(("'s", "’s")):
            lowered = lowered[:-2]
        if not lowered or lowered in DETERMINERS or lowered in ("his", "her", "their", "its"):
            continue
        words.append(lowered)
    return words


# Endings of nouns for people ("goalkeeper", "actor", "economist", "historian", "nominee", "resident").
_AGENT_ENDINGS: Final[tuple[str, ...]] = ("er", "or", "ist", "ian", "ee", "ant", "ent")
_PERSON_NOUNS: Final = ROLE_WORDS | set(_GENDER_WORDS) | set(TITLE_ROLES.values()) | TITLES
# The abbreviated titles of a role noun: "governor" -> ("gov.",).
_ABBREVIATIONS_OF: Final[dict[str, tuple[str, ...]]] = {
    role: tuple(a for a, r in TITLE_ROLES.items() if r == role and a.endswith(".")) for role in set(TITLE_ROLES.values())}


def _names_a_person(noun: str) -> bool:
    """Can ``noun`` head a description of a person? A role, title or kinship word, or an agent noun."""
    return noun in _PERSON_NOUNS or len(noun) > 4 and noun.endswith(_AGENT_ENDINGS)


def _head(mention: str) -> str:
    words = _content_words(mention)
    return words[-1] if words else ""


# The longest run of capitalised words an organisation's name or a possessor is looked for in.
_NAME_REACH: Final = 300


def _matches_ending_at(pattern: re.Pattern[str], text: str, ends: list[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern that cannot cross a line break
    and whose every match ends at one of ``ends`` (in order).

    Only the line before each end is searched, and no more than _NAME_REACH characters
    of it (from a word start): the patterns that need this start with a run of
    capitalised words, which the regex engine would otherwise try at every capital of
    the article, or of a line as long as the article (text whose lines end in a bare
    carriage return).
    """
    found: list[re.Match[str]] = []
    done = 0  # matches do not overlap: the next starts after the last one
    for end in ends:
        if end <= done:
            continue
        start = max(done, text.rfind("\n", 0, end) + 1, text.rfind("\r", 0, end) + 1)
        if end - start > _NAME_REACH:
            space = text.find(" ", end - _NAME_REACH, end)
            start = space + 1 if space >= 0 else end - _NAME_REACH
        # One character past the end, so a \b there sees what follows.
        match = pattern.search(text, start, min(len(text), end + 1))
        if match:
            found.append(match)
            done = match.end()
    return found


def _in_word(text: str, i: int) -> bool:
    """Is ``text[i]`` a character a name can hold (a letter, digit, _, apostrophe or hyphen)?"""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_'’-")


def _word_ends(text: str, i: int) -> bool:
    """Does a word end at ``i``, maybe after a possessive ' or 's?"""
    if not _in_word(text, i):
        return True
    if text[i] in "'’":
        return not _in_word(text, i + 1) or text[i + 1] == "s" and not _in_word(text, i + 2)
    return False


def _role_before(text: str, start: int) -> str:
    """The role words right before a name ("Halden Rovers manager "), or "".

    Most names follow no role: a look at the word before saves the regex.
    """
    end = start - 1  # a single space, then the role noun in lower case
    if end < 1 or not text[end].isspace() or not "a" <= text[end - 1] <= "z":
        return ""
    first = end - 1
    while first > max(0, start - 60) and "a" <= text[first - 1] <= "z":
        first -= 1
    if text[first:end] not in ROLE_WORDS:
        return ""
    prefix = _ROLE_BEFORE.search(text, max(0, start - 60), start)
    return prefix.group(1) if prefix else ""


_TITLE_BEFORE: Final = re.compile(r"(?:^|(?<=\s))((?:%s)\.\s)$" % "|".join(NAME_TITLE_ABBREVIATIONS))


def _title_before(text: str, start: int) -> str:
    """ "Sen. " before "Claire McCaskill" in "Democratic Sen. Claire McCaskill", or ""."""
    if start < 3 or text[start - 2] != ".":
        return ""
    match = _TITLE_BEFORE.search(text, max(0, start - 6), start)
    return match.group(1) if match else ""


def _named_alone(text: str, surname: str, positions: Iterable[int]) -> bool:
    """News names a person in full once, then by surname: a surname on its own marks a person."""
    for start in positions:
        after = text[start + len(surname):start + len(surname) + 2]
        if len(after) == 2 and after[0].isspace() and "A" <= after[1] <= "Z":
            continue  # followed by another capitalised word: part of a longer name
        # The word before, if a space separates it from the surname.
        window = text[max(0, start - 40):start]
        previous = window.split()[-1] if window[-1:].isspace() and window.strip() else ""
        if (not previous[:1].isupper() or previous.lower().rstrip(".") + "." in TITLE_ABBREVIATIONS
                or previous.endswith((".", ",", '"', "”"))):
            return True
    return False


def _last_title(words: list[str]) -> int:
    """The index of the last word of the last title of a capitalised run with two or more
    capitalised name words after it ("Minority Whip Dick Durbin" -> 1, "Chief of Staff Jo Ames"
    -> 2), or -1."""
    for i in range(len(words) - 3, -1, -1):
        word = words[i].lower().strip(",")
        if word not in TITLES and word not in ROLE_WORDS:
            continue
        end = i + 2 if words[i + 1] == "of" else i  # "Chief of Staff", "Secretary of State"
        if len(words) - end > 2 and all(w[:1].isupper() for w in words[end + 1:]):
            return end
    return -1


def _looks_like_name(words: list[str]) -> bool:
    """One to five words, each capitalised (or a particle such as "van"), none a function word."""
    return 0 < len(words) <= 5 and all(
        (w[:1].isupper() and w not in NOT_NAMES) or w.lower() in NAME_PARTICLES for w in words)


def _merge(base: Source, extra: Source) -> Source:
    """``base`` with the title, role, affiliation and pronoun it lacks taken from ``extra``."""
    title, role = base.title or extra.title, base.role or extra.role
    affiliation, pronoun = base.affiliation or extra.affiliation, base.pronoun or extra.pronoun
    if title == base.title and role == base.role and affiliation == base.affiliation and pronoun == base.pronoun:
        return base  # nothing to add: no copy
    return base.evolve(title=title, role=role, affiliation=affiliation, pronoun=pronoun)


def _definite(mention: str) -> bool:
    words = mention.lower().split()
    return bool(words) and words[0] in DEFINITE
