"""quotecat.extract.sources, example by example: who a source is (describe) and how many there are (split_sources)."""

import pytest

from quotecat.extract.sources import describe, split_sources


@pytest.mark.parametrize("mention, name, title", [
    ("Col. John Dorrian, Baghdad-based spokesman for the U.S.-led coalition", "John Dorrian", "Col."),
    ("Sen. Jane Ortiz (D-Ore.)", "Jane Ortiz", "Sen."),
    ("Rep. Elijah Cummings of Maryland", "Elijah Cummings", "Rep."),
    ("Dr. Amara Osei", "Amara Osei", "Dr."),
    ("Halden Rovers manager Siobhan Quigley", "Siobhan Quigley", None),  # a role before the name is no title
    ("An attorney for the family, Mark Jones", "Mark Jones", None),  # the name in the appositive
    ("residents", None, None),
    ("But the minister", None, None),
])
def test_describe_names(mention, name, title):
    source = describe(mention)
    assert (source.name, source.title) == (name, title)


@pytest.mark.parametrize("mention, role", [
    ("Col. John Dorrian, Baghdad-based spokesman for the U.S.-led coalition", "Baghdad-based spokesman"),
    ("An attorney for the family, Mark Jones", "attorney"),
    ("a Syria analyst at the Institute for the Study of War", "Syria analyst"),
    ("the company's chief financial officer", "chief financial officer"),
    ("Okafor's campaign manager", "campaign manager"),
    ("But the minister", "minister"),
])
def test_describe_roles(mention, role):
    assert describe(mention).role == role


@pytest.mark.parametrize("mention, affiliation", [
    ("Col. John Dorrian, Baghdad-based spokesman for the U.S.-led coalition", "U.S.-led coalition"),  # "for ..."
    ("a Syria analyst at the Institute for the Study of War", "Institute for the Study of War"),  # "at ..."
    ("an Islamic State commander", "Islamic State"),  # a premodifier
    ("a senior U.S. administration official", "U.S. administration"),  # the body, not the country
    ("Russian officials", "Russia"),  # a demonym
    ("China's foreign ministry", "China"),  # a possessor
    ("Okafor's campaign manager", "Okafor"),
    ("the company's chief financial officer", "company"),
    ("Halden Rovers manager Siobhan Quigley", "Halden Rovers"),  # capitalised words before the role
    ("Rep. Elijah Cummings of Maryland", "Maryland"),  # the place after a name
    ("Many families in Eastbrook", "Eastbrook"),  # people counted and placed
    ("a Western diplomat", None),  # a region is no affiliation
])
def test_describe_affiliations(mention, affiliation):
    assert describe(mention).affiliation == affiliation


@pytest.mark.parametrize("mention, kind, anonymous, pronoun", [
    ("she", "person", False, "she"),
    ("they", "group", False, "they"),
    ("it", "organization", False, "it"),
    ("we", "other", False, "we"),
    ("Dr. Amara Osei", "person", False, None),
    ("a Syria analyst at the Institute for the Study of War", "person", True, None),
    ("residents", "group", True, None),
    ("two people familiar with the matter", "group", True, None),
    ("Many families in Eastbrook", "group", True, None),
    ("the ministry", "organization", False, None),
    ("Russia", "organization", False, None),
    ("NATO", "organization", False, None),
])
def test_describe_kinds(mention, kind, anonymous, pronoun):
    source = describe(mention)
    assert (source.kind, source.anonymous, source.pronoun) == (kind, anonymous, pronoun)


@pytest.mark.parametrize("mention, label", [
    ("Col. John Dorrian, Baghdad-based spokesman for the U.S.-led coalition", "John Dorrian"),
    ("But the minister", "the minister"),  # leading connectives are not the source
    ("Many families in Eastbrook", "many families in Eastbrook"),  # a sentence start's capital lowered
    ("a diplomat whose country is part of the coalition", "a diplomat"),  # without its relative clause
    ("the ministry", "ministry"),
])
def test_the_label_is_how_the_catalogue_names_the_speaker(mention, label):
    assert describe(mention).label == label


@pytest.mark.parametrize("mention, sources", [
    ("residents and the group's fighters", ["residents", "the group's fighters"]),
    ("Ann Lee and Tom Park", ["Ann Lee", "Tom Park"]),
    ("the police and local residents", ["the police", "local residents"]),
    ("officials or their aides", ["officials", "their aides"]),
    ("Western officials and current and former fighters", ["Western officials", "current and former fighters"]),
    ("current and former officials", ["current and former officials"]),  # one group
    ("Bill and Hillary Clinton", ["Bill and Hillary Clinton"]),  # a lone first name belongs to the next name
    ("the founder and chief executive, Ann Lee", ["the founder and chief executive, Ann Lee"]),  # one person's roles
    ("the mayor", ["the mayor"]),
])
def test_split_sources(mention, sources):
    assert split_sources(mention) == sources


def test_describe_is_cached_and_its_sources_are_copied_not_changed():
    first = describe("Dr. Amara Osei")
    assert describe("Dr. Amara Osei") is first
    copy = first.evolve(pronoun="she")
    assert copy.pronoun == "she" and first.pronoun is None and copy.name == first.name
