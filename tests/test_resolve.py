"""quotecat.extract.resolve, example by example: each mention resolved against the ones before it in the article."""

import pytest

from quotecat.extract.resolve import Resolver
from quotecat.extract.sources import describe


def resolved(text: str, mentions: list[str]) -> list[tuple[str, str | None, str]]:
    """(speaker, pronoun, how) for each mention, resolved in reading order as the extractor does."""
    resolver = Resolver(text)
    results, position = [], 0
    for mention in mentions:
        at = text.index(mention, position)
        position = at + len(mention)
        (source, how), = resolver.resolve_all(describe(mention), at)
        results.append((source.label, source.pronoun, how))
    return results


@pytest.mark.parametrize("text, mentions, expected", [
    ("Col. John Dorrian, spokesman for the coalition, said the route was open. Col. Dorrian said it would stay open.",
     ["Col. John Dorrian, spokesman for the coalition", "Col. Dorrian"],
     [("John Dorrian", "he", "named where quoted"),  # "spokesman" says which pronoun fits
      ("John Dorrian", "he", "surname 'Col. Dorrian' -> John Dorrian")]),
    ("Anna Keller said the bridge was unsafe. She said repairs would take a year.",
     ["Anna Keller", "She"],
     [("Anna Keller", "she", "named where quoted"),
      ("Anna Keller", "she", "pronoun 'She' -> Anna Keller (nearest earlier person)")]),
    ("Mrs. Anna Keller said the bridge was unsafe. Tom Park disagreed, he said. She said repairs would take a year.",
     ["Mrs. Anna Keller", "Tom Park", "he", "She"],
     [("Anna Keller", "she", "named where quoted"),  # "Mrs." says which pronoun fits
      ("Tom Park", "he", "named where quoted"),
      ("Tom Park", "he", "pronoun 'he' -> Tom Park (nearest earlier person)"),
      ("Anna Keller", "she", "pronoun 'She' -> Anna Keller (nearest earlier person)")]),  # past another person
    ("Residents said the water was cut. They said it had been cut before.",
     ["Residents", "They"],
     [("Residents", None, "described where quoted"),
      ("Residents", None, "pronoun 'They' -> Residents (nearest earlier group or organisation)")]),
    ("The senior official said talks had stalled. The official said a deal was still possible.",
     ["The senior official", "The official"],
     [("the senior official", None, "described where quoted"),
      ("the senior official", None, "description 'The official' -> the senior official (same role earlier)")]),
    ("He said nothing had changed.",
     ["He"],
     [("He", "he", "pronoun 'He' left unresolved (no earlier person)")]),
])
def test_resolver(text, mentions, expected):
    assert resolved(text, mentions) == expected


def test_they_after_sources_named_together_stands_for_each_of_them():
    text = "Ann Lee and Tom Park said they would appeal. They said the ruling was wrong."
    resolver = Resolver(text)
    lee, _ = resolver.resolve(describe("Ann Lee"), 0)
    park, _ = resolver.resolve(describe("Tom Park"), text.index("Tom Park"))
    resolver.remember_group(text.index("Tom Park"), [lee, park])
    found = resolver.resolve_all(describe("They"), text.index("They"))
    assert [(source.label, how) for source, how in found] == [
        ("Ann Lee", "pronoun 'they' -> Ann Lee and Tom Park (sources named together earlier)"),
        ("Tom Park", "pronoun 'they' -> Ann Lee and Tom Park (sources named together earlier)")]


@pytest.mark.parametrize("text, affiliation, expected", [
    # "the group" is the organisation the article is most about: the possessor it names most
    ("Islamic State's fighters moved. Islamic State's leaders left. The group said nothing.", "the group", "Islamic State"),
    # or the last capitalised name ending in the same noun
    ("Officials of the U.S.-led coalition said so. Later the coalition said more.", "the coalition", "U.S.-led coalition"),
    ("The ministry said so.", "Halden Rovers", "Halden Rovers"),  # a name is left as it is
])
def test_resolver_affiliation(text, affiliation, expected):
    assert Resolver(text).affiliation(affiliation, len(text)) == expected
