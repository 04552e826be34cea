"""Resolution across the article: pronouns, surnames and "the officials".

Mentions are resolved to the earlier, fuller mention they point to, so the
catalogue counts ``Col. Dorrian`` and ``he`` as John Dorrian. The words the
article actually used stay with the attribution as ``speaker_mention``.
"""

import bisect
import re
from collections.abc import Iterable, Iterator
from collections import Counter
from typing import Final

from ..lexicon.cues import CUE_WORDS
from ..lexicon.function_words import DEFINITE, DETERMINERS
from ..lexicon.names import NAME_RUN_PARTICLES, NOT_NAMES, NOT_PERSON_WORDS
from ..lexicon.organizations import GENERIC_ORGANIZATIONS, ORG_WORDS
from ..lexicon.titles import GENDERED_WORDS, NAME_TITLE_ABBREVIATIONS, ROLE_WORDS, TITLES
from .sources import Source, describe

TITLE_ABBREVIATIONS: Final = {t for t in TITLES if t.endswith(".")}
# Runs of capitalised words, optionally after a title: candidate antecedents for pronouns.
_NAME_RUN: Final = re.compile(
    r"(?=[A-Z])"  # both branches start with a capital: reject other positions at once
    r"(?:(?:%s)\.\s+)?" % "|".join(NAME_TITLE_ABBREVIATIONS)
    + r"[A-Z][a-z'’]+(?:[ -](?:[A-Z]\.|[A-Z][a-z'’]+|al-[A-Z][a-z]+|%s))*\s[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
    % "|".join(NAME_RUN_PARTICLES)
)
# A capitalised word, without a possessive 's: where a surname stands on its own.
_CAPITALISED_WORD: Final = re.compile(r"[A-Z][\w'’-]*(?<!['’]s)(?<!['’])")
_ROLE_BEFORE: Final = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}([a-z]+)\s)$")
_APPOSITIVE_AFTER: Final = re.compile(r",\s+((?:a|an|the|his|her|its|their)\s[^,.;:\"“”]{3,90}?),")

_POSSESSIVE_MARK: Final = re.compile(r"['’]s?$")
_POSSESSORS: Final = re.compile(r"\b(?=[A-Z])((?:[A-Z][\w.-]+ )*[A-Z][\w.-]+)['’]s\b")  # "the Kremlin's"
_APOSTROPHE_S: Final = re.compile(r"['’]s")
_TWO_NAME_WORDS: Final = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")


# Capitalised runs with these words are events, places, things or organisations, not people.
_NOT_PERSON_WORDS: Final = ORG_WORDS | NOT_PERSON_WORDS


# How far back a pronoun or description looks: the last few dozen sources. The
# bound keeps resolution linear in the length of the article.
_WINDOW: Final = 48


class Resolver:
    """Remembers who has been mentioned so far and resolves new mentions against them.

    Every look-up is an index or a bounded scan of the latest sources, so the
    cost of resolving an article grows linearly with its length.
    """

    def __init__(self, text: str):
        self.text = text
        self.speakers: list[tuple[int, Source]] = []  # (position, source), kept sorted by position
        self.groups: list[tuple[int, list[Source]]] = []  # sources named together ("X and Y said")
        self._fullest_by_name: dict[str, Source] = {}
        self._by_surname_index: dict[str, list[tuple[int, str]]] = {}
        self._names: list[tuple[int, Source]] | None = None
        self._named_orgs: dict[str, list[tuple[int, str]]] = {}
        self._salient: str | None = None
        self._positions: dict[str, list[int]] = {}
        folded = text.lower()
        self.folded: str | None = folded if len(folded) == len(text) else None  # for case-blind searches

    @property
    def names(self) -> list[tuple[int, Source]]:
        """People named anywhere in the article, scanned only when a mention needs them."""
        if self._names is None:
            self._names = self._scan_names(self.text)
            for position, source in self._names:
                self._index(position, source)
        return self._names

    def positions(self, word: str) -> list[int]:
        """Where the capitalised ``word`` occurs as a whole word ("Smith's" counts; "Smithson" does not)."""
        if word not in self._positions:
            found: list[int] = []
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
        return self._positions[word]

    def _scan_names(self, text: str) -> list[tuple[int, Source]]:
        found = []
        alone = {}
        for match in _NAME_RUN.finditer(text):
            words = match.group().split()
            while words and (words[0] in NOT_NAMES or words[0].lower() in CUE_WORDS
                             or words[0].lower() in ROLE_WORDS or words[0].lower() in TITLES):
                words = words[1:]
            if len(words) < 2 or any(w in NOT_NAMES for w in words[1:]):
                continue
            if any(w.lower().strip("'’s") in _NOT_PERSON_WORDS for w in words):
                continue
            words[-1] = _POSSESSIVE_MARK.sub("", words[-1])
            # Who they are, when the article says it where it first names them:
            # "Halden Rovers manager Siobhan Quigley", "Agnes Tulloch, the keeper of the light,".
            appositive = _APPOSITIVE_AFTER.match(text, match.end())
            described = _role_before(text, match.start()) + " ".join(words)
            if appositive:
                described += ", " + appositive.group(1)
            source = describe(described)
            if source.kind != "person" or not source.name or len(source.name.split()) < 2:
                continue
            surname = source.name.split()[-1]
            if surname not in alone:
                alone[surname] = _named_alone(text, surname, self.positions(surname))
            if source.title or alone[surname]:
                gender = _gender(source) or _pronoun_after(text, self.folded, match.end())
                found.append((match.start(), source.evolve(pronoun=gender) if gender else source))
        return found

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
            self._named_orgs[noun] = [
                (m.start(), m.group(1).strip() + " " + noun) for m in matches
                if m.group(1).strip()[:1].isupper() and m.group(1).split()[0] not in NOT_NAMES]
        named = self._named_orgs[noun]
        index = bisect.bisect_left(named, (position,)) - 1
        if index >= 0:
            return named[index][1]
        if self._salient is None:
            possessors = [m.group(1) for m in _matches_ending_at(
                _POSSESSORS, self.text, [m.end() for m in _APOSTROPHE_S.finditer(self.text)])]
            # People are no organisation: their names are looked up only when a possessor needs it.
            named_people = [n.name for _, n in self.names if n.name] if possessors else []
            people = set(named_people) | {name.split()[-1] for name in named_people}
            candidates = Counter(p for p in possessors if p not in people and p not in NOT_NAMES)
            counts = {p: self.text.count(p) for p, _ in candidates.most_common(20)}
            self._salient = max(counts, key=lambda p: (counts[p], p)) if counts else ""
        return self._salient or affiliation

    def remember_group(self, position: int, sources: list[Source]) -> None:
        bisect.insort(self.groups, (position, sources), key=lambda g: g[0])

    def resolve_all(self, source: Source, position: int) -> list[tuple[Source, str]]:
        """Like ``resolve``, but "they" after "X and Y said" stands for both."""
        if source.pronoun == "they":
            index = bisect.bisect_left(self.groups, position, key=lambda g: g[0]) - 1
            single = next((p for p, s in self._latest(position)
                           if s.plural or s.kind in ("group", "organization")), -1)
            if index >= 0 and self.groups[index][0] >= single:
                members = self.groups[index][1]
                names = " and ".join(s.label for s in members)
                return [(member, f"pronoun 'they' -> {names} (sources named together earlier)")
                        for member in members]
        return [self.resolve(source, position)]

    def resolve(self, source: Source, position: int) -> tuple[Source, str]:
        """The fullest earlier description of ``source``, and a sentence saying how it was found."""
        mention = source.mention
        if source.pronoun in ("he", "she"):
            antecedent = self._person_before(position, source.pronoun)
            if antecedent:
                resolved = antecedent.evolve(pronoun=source.pronoun)
                self._remember(position, resolved)
                return resolved, f"pronoun '{mention}' -> {antecedent.label} (nearest earlier person)"
            return source, f"pronoun '{mention}' left unresolved (no earlier person)"
        if source.pronoun in ("they", "it"):
            antecedent = self._group_before(position, singular=source.pronoun == "it")
            if antecedent:
                return antecedent, f"pronoun '{mention}' -> {antecedent.label} (nearest earlier group or organisation)"
            return source, f"pronoun '{mention}' left unresolved (no earlier group)"
        if source.name and (len(source.name.split()) == 1 or source.title) and source.kind != "organization":
            antecedent = self._by_surname(source, position)
            if antecedent:
                merged = _merge(antecedent, source)
                self._remember(position, merged)
                return merged, f"surname '{mention}' -> {antecedent.label}"
            if source.kind == "other" and len(source.name.split()) == 1 and not source.title:
                source = source.evolve(kind="organization", affiliation=source.affiliation or source.name)
        if _definite(mention) and not source.name:
            antecedent = self._by_role(source, position)
            if antecedent:
                self._remember(position, antecedent)
                return antecedent, f"description '{mention}' -> {antecedent.label} (same role earlier)"
        if source.name and source.kind == "person" and not source.pronoun:
            gender = _gender(source) or _pronoun_after(self.text, self.folded, position + len(mention))
            if gender:
                source = source.evolve(pronoun=gender)
        self._remember(position, source)
        return source, "named where quoted" if source.name else "described where quoted"

    def _remember(self, position: int, source: Source) -> None:
        if self.speakers and position < self.speakers[-1][0]:
            bisect.insort(self.speakers, (position, source), key=lambda x: x[0])
        else:
            self.speakers.append((position, source))  # the usual case: in reading order
        self._index(position, source)

    def _index(self, position: int, source: Source) -> None:
        """Keep the fullest description of each name, and where each surname was named in full."""
        if not source.name:
            return
        known = self._fullest_by_name.get(source.name)
        self._fullest_by_name[source.name] = _merge(known, source) if known else source
        if len(source.name.split()) > 1:
            entries = self._by_surname_index.setdefault(source.name.split()[-1].lower(), [])
            bisect.insort(entries, (position, source.name))

    def _latest(self, position: int) -> Iterator[tuple[int, Source]]:
        """The latest sources before ``position``, latest first (at most _WINDOW)."""
        index = bisect.bisect_left(self.speakers, position, key=lambda x: x[0])
        return reversed(self.speakers[max(0, index - _WINDOW):index])

    def _person_before(self, position: int, pronoun: str) -> Source | None:
        """The person of the right gender mentioned last before ``position``.

        A named person counts as mentioned wherever their surname appears, so
        "Lindqvist struck a softer tone ... she said" finds Lindqvist even if
        another woman was quoted in between.
        """
        names = self.names
        index = bisect.bisect_left(names, position, key=lambda x: x[0])
        candidates = list(self._latest(position)) + names[max(0, index - _WINDOW):index]
        best, best_at = None, -1
        for pos, source in candidates:
            if source.kind != "person" or source.plural or not _compatible(self._fullest(source), pronoun):
                continue
            last = self._last_mention(source, position) if source.name else pos
            if last > best_at:
                best, best_at = source, last
        if best is None or position - best_at > 2500:
            return None
        return self._fullest(best)

    def _last_mention(self, source: Source, position: int) -> int:
        positions = self.positions((source.name or "").split()[-1])
        index = bisect.bisect_left(positions, position) - 1
        return positions[index] if index >= 0 else -1

    def _group_before(self, position: int, singular: bool = False) -> Source | None:
        for pos, source in self._latest(position):
            if singular and source.kind == "organization":
                return source
            if not singular and (source.plural or source.kind in ("group", "organization")):
                return source
        return None

    def _by_surname(self, source: Source, position: int) -> Source | None:
        # Earlier sources first; people named outside attributions only when none matches
        # (scanning the article for names is the costly part of resolution).
        found = self._surname_before(source, position)
        if found is None and self._names is None and (source.name or "").split()[-1] in self.text[:position]:
            self.names  # only a surname written earlier can belong to a name written earlier
            found = self._surname_before(source, position)
        return found

    def _surname_before(self, source: Source, position: int) -> Source | None:
        entries = self._by_surname_index.get((source.name or "").split()[-1].lower(), [])
        index = bisect.bisect_left(entries, (position,))
        for _, name in reversed(entries[:index]):
            if name != source.name:
                return self._fullest_by_name[name]
        return None

    def _by_role(self, source: Source, position: int) -> Source | None:
        heads = {w.lower().strip(",.") for w in source.mention.split() if w.lower() in ROLE_WORDS}
        heads |= {w.lower() for w in source.mention.split()[-1:]}
        heads -= DETERMINERS
        if not heads:
            return None
        singular_heads = {h.rstrip("s") for h in heads}
        for pos, known in self._latest(position):
            words = {w.lower().strip(",.'’") for w in ((known.role or "") + " " + known.mention).split()}
            if heads & words or singular_heads & {w.rstrip("s") for w in words}:
                return known
        return None

    def _fullest(self, source: Source) -> Source:
        """The richest description seen of the same name (role and affiliation filled in)."""
        if not source.name:
            return source
        known = self._fullest_by_name.get(source.name)
        return _merge(source, known) if known else source


def _matches_ending_at(pattern: re.Pattern[str], text: str, ends: list[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern that cannot cross a line break
    and whose every match ends at one of ``ends`` (in order).

    Only the line before each end is searched: the patterns that need this start
    with a run of capitalised words, which the regex engine would otherwise try at
    every capital of the article.
    """
    found: list[re.Match[str]] = []
    done = 0  # matches do not overlap: the next starts after the last one
    for end in ends:
        if end <= done:
            continue
        # One character past the end, so a \b there sees what follows.
        match = pattern.search(text, max(done, text.rfind("\n", 0, end) + 1), min(len(text), end + 1))
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


_NEXT_PRONOUN: Final = re.compile(r"\b(he|she)\b", re.IGNORECASE)
_NEXT_FOLDED_PRONOUN: Final = re.compile(r"\b(he|she)\b")  # on lower-case text: ignoring case is slower


def _pronoun_after(text: str, folded: str | None, position: int) -> str | None:
    """The first personal pronoun within a sentence or two after a name: "Smith said she ..."

    ``folded`` is ``text`` in lower case (None when that changes its length)."""
    end = min(len(text), position + 160)
    stop = _TWO_NAME_WORDS.search(text, position, end)  # another name: the pronoun may be theirs
    if folded is None:
        match = _NEXT_PRONOUN.search(text, position, stop.start() if stop else end)
    else:
        match = _NEXT_FOLDED_PRONOUN.search(folded, position, stop.start() if stop else end)
    if not match:
        return None
    return match.group(1).lower()


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


def _gender(source: Source) -> str | None:
    for word in ((source.title or "") + " " + (source.role or "")).lower().split():
        if word in GENDERED_WORDS:
            return GENDERED_WORDS[word]
    return None


def _compatible(source: Source, pronoun: str) -> bool:
    known = source.pronoun or _gender(source)
    return known is None or known == pronoun
