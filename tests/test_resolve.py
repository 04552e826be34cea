"""quotecat.extract.resolve, example by example: each mention resolved against the ones before it in the article."""

import pytest

from quotecat import extract
from quotecat.extract.resolve import Resolver, writer_of
from quotecat.extract.sources import describe


def resolved(text: str, mentions: list[str], byline: str | None = None) -> list[tuple[str | None, str]]:
    """(speaker, how) for each mention, resolved in reading order as the extractor does; None when unresolved.

    ``"she@she said"`` is the mention "she" where the text says "she said"."""
    resolver = Resolver(text, writer=writer_of(byline))
    results, position = [], 0
    for mention in mentions:
        mention, _, where = mention.partition("@")
        at = text.index(where or mention, position)
        position = at + len(mention)
        (source, how), = resolver.resolve_all(describe(mention), at)
        results.append((source.label if source else None, how))
    return results


@pytest.mark.parametrize("text, mentions, expected", [
    ("Col. John Dorrian, spokesman for the coalition, said the route was open. Col. Dorrian said it would stay open.",
     ["Col. John Dorrian, spokesman for the coalition", "Col. Dorrian"],
     [("John Dorrian", "named where quoted"),
      ("John Dorrian", "surname 'Col. Dorrian' -> John Dorrian")]),
    ("Anna Keller said the bridge was unsafe. She said repairs would take a year.",
     ["Anna Keller", "She"],
     [("Anna Keller", "named where quoted"),
      ("Anna Keller", "pronoun 'She' -> Anna Keller (most salient person before)")]),
    # "Mrs." says which pronoun fits: "She" goes past the man quoted in between.
    ("Mrs. Anna Keller said the bridge was unsafe. Tom Park disagreed, he said. She said repairs would take a year.",
     ["Mrs. Anna Keller", "Tom Park", "he", "She"],
     [("Anna Keller", "named where quoted"),
      ("Tom Park", "named where quoted"),
      ("Tom Park", "pronoun 'he' -> Tom Park (most salient person before)"),
      ("Anna Keller", "pronoun 'She' -> Anna Keller (most salient person before)")]),
    ("Residents said the water was cut. They said it had been cut before.",
     ["Residents", "They"],
     [("Residents", "described where quoted"),
      ("Residents", "pronoun 'They' -> Residents (nearest earlier group or organisation)")]),
    ("The senior official said talks had stalled. The official said a deal was still possible.",
     ["The senior official", "The official"],
     [("the senior official", "described where quoted"),
      ("the senior official", "description 'The official' -> the senior official (same role earlier)")]),
    # Nobody before: no speaker at all, rather than a speaker called "He".
    ("He said nothing had changed.",
     ["He"],
     [(None, "pronoun 'He' left unresolved (no earlier person fits)")]),
    # The subject of the sentence before, not the nearest name (an object).
    ('On Wednesday, the day she left the race, Senator Mara Lindqvist endorsed her rival, Ann Cole. "We need unity," she said.',
     ["she@she said"],
     [("Mara Lindqvist", "pronoun 'she' -> Mara Lindqvist (most salient person before)")]),
    # A name inside a quotation is the speaker's word, not a mention of the writer's.
    ('Officer Sam Ortiz spoke at the vigil. "Only Lee Brandt knew that trail," he said.',
     ["he@he said"],
     [("Sam Ortiz", "pronoun 'he' -> Sam Ortiz (most salient person before)")]),
    # A name after a preposition or as a possessor weighs less than a subject.
    ("Ivo Brandt's lawyers met Nora Lind, the city's negotiator, on Monday. She said the talks had failed.",
     ["She@She said"],
     [("Nora Lind", "pronoun 'She' -> Nora Lind (most salient person before)")]),
    # Gender from the article's own words: a kinship word in the appositive.
    ('Nora Lind, the victim\'s mother, spoke to reporters with Ivo Brandt. "We want answers," she said.',
     ["she@she said"],
     [("Nora Lind", "pronoun 'she' -> Nora Lind (most salient person before)")]),
    # A sentence that opens with "She" stands for the person it resolves to.
    ("Lena Ortiz, a nurse, founded the clinic with Mark Stone in 1990. She ran it for a decade. She said the work was hard.",
     ["She@She said"],
     [("Lena Ortiz", "pronoun 'She' -> Lena Ortiz (most salient person before)")]),
    # Definite descriptions go to the named person the article described with every word.
    ("Indiana Gov. Mike Pence campaigned in Ohio on Monday. The Indiana governor said the race was close.",
     ["The Indiana governor"],
     [("Mike Pence", "description 'The Indiana governor' -> Mike Pence (same role earlier)")]),
    ("Republican presidential nominee Dana Whitlock spoke in Ohio. The Republican presidential nominee said more.",
     ["The Republican presidential nominee"],
     [("Dana Whitlock", "description 'The Republican presidential nominee' -> Dana Whitlock (same role earlier)")]),
    ("Republican presidential nominee Dana Whitlock spoke in Ohio. The Democratic nominee said less.",
     ["The Democratic nominee"],
     [("the Democratic nominee", "described where quoted")]),
    ("The boy's father, Amir Haddad, waited outside the court. The father said the verdict was fair.",
     ["The father"],
     [("Amir Haddad", "description 'The father' -> Amir Haddad (same role earlier)")]),
    ("Halden Bus Company cut three routes. The company said demand had fallen.",
     ["The company"],
     [("Halden Bus Company", "description 'The company' -> Halden Bus Company (the organisation named before)")]),
    # An indefinite pronoun at a sentence start: described, it is an unnamed source; bare, no one.
    ("Someone familiar with the talks said they had stalled. Someone said they would resume.",
     ["Someone familiar with the talks", "Someone"],
     [("someone familiar with the talks", "an unnamed source, described where quoted"),
      (None, "'Someone' names no one")]),
])
def test_resolver(text, mentions, expected):
    assert resolved(text, mentions) == expected


@pytest.mark.parametrize("text, byline, expected", [
    # An op-ed: "I" is the one person who writes it.
    ("I believe the council is wrong about the bridge.", "By Jane Doe",
     ("Jane Doe", "pronoun 'I' -> Jane Doe (who writes the article)")),
    ("We believe the council is wrong about the bridge.", "By the Editorial Board",
     ("Editorial Board", "pronoun 'We' -> Editorial Board (who writes the article)")),
    # No byline, or two authors: nobody to give "I" to.
    ("I believe the council is wrong about the bridge.", None,
     (None, "pronoun 'I' left unresolved (first or second person)")),
    ("I believe the council is wrong about the bridge.", "By Jane Doe and John Roe",
     (None, "pronoun 'I' left unresolved (first or second person)")),
    # One writer does not make "we" an organisation.
    ("We believe the council is wrong about the bridge.", "By Jane Doe",
     (None, "pronoun 'We' left unresolved (first or second person)")),
])
def test_first_person_is_the_writer_when_the_byline_names_one(text, byline, expected):
    assert resolved(text, [text.split()[0]], byline) == [expected]


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


@pytest.mark.parametrize("text, name, gender, evidence", [
    ("Mrs. Anna Keller said the bridge was unsafe.", "Anna Keller", "woman", {"mrs.": 1}),
    ("Col. John Dorrian, spokesman for the coalition, said so.", "John Dorrian", "man", {"spokesman": 1}),
    ("Jo Brandt said she would stay. Brandt said that she had no choice.", "Jo Brandt", "woman", {"she": 2}),
    ("Kweisi Adomako announced his resignation in May.", "Kweisi Adomako", "man", {"he": 1}),
    # Evidence that disagrees decides nothing.
    ("Sam Lee, the company's spokeswoman, said so. Mr. Lee said more.", "Sam Lee", None,
     {"mr.": 1, "spokeswoman": 1}),
    # A first name is no evidence: nothing in the article says who Mary Smith is.
    ("Mary Smith said the plan would work. Smith said the vote was close.", "Mary Smith", None, {}),
    # "the victim's mother" is the possessor's kin, not the person's: "Tom Park's" says nothing of Park.
    ("Dana Wells met Tom Park's mother on Monday.", "Dana Wells", None, {}),
    # A pronoun inside a quotation is the speaker's, about someone else.
    ('Rui Costa said: "She will win."', "Rui Costa", None, {}),
])
def test_gender_from_the_articles_own_words(text, name, gender, evidence):
    resolver = Resolver(text)
    resolver.resolve(describe(name), text.index(name))
    assert (resolver.gender(name), resolver.evidence(name)) == (gender, evidence)


def test_writer_of_a_byline():
    assert writer_of("By Jane Doe").name == "Jane Doe"
    assert writer_of("Jane Doe, Reuters").name == "Jane Doe"
    assert writer_of("By Jane Doe and John Roe") is None
    assert writer_of("") is None and writer_of(None) is None


@pytest.mark.parametrize("text, affiliation, expected", [
    # "the group" is the organisation the article is most about: the possessor it names most
    ("Islamic State's fighters moved. Islamic State's leaders left. The group said nothing.", "the group", "Islamic State"),
    # or the last capitalised name ending in the same noun
    ("Officials of the U.S.-led coalition said so. Later the coalition said more.", "the coalition", "U.S.-led coalition"),
    ("The ministry said so.", "Halden Rovers", "Halden Rovers"),  # a name is left as it is
])
def test_resolver_affiliation(text, affiliation, expected):
    assert Resolver(text).affiliation(affiliation, len(text)) == expected


def resolved_affiliations(text: str, mentions: list[str]) -> list[tuple[str | None, str | None]]:
    """(speaker, affiliation) for each mention, resolved in reading order."""
    resolver = Resolver(text)
    results, position = [], 0
    for mention in mentions:
        mention, _, where = mention.partition("@")
        at = text.index(where or mention, position)
        position = at + len(mention)
        source, _ = resolver.resolve(describe(mention), at)
        results.append((source.label, source.affiliation) if source else (None, None))
    return results


@pytest.mark.parametrize("text, mentions, expected", [
    # whom a person speaks for, said where the article first names them (not quoted there),
    # carries over to the later rows of the same person
    ("The petition was brought by Moira Quentin of the Highland Labour Party and others. "
     "Quentin said the ruling was fair.",
     ["Quentin@Quentin said"], [("Moira Quentin", "Highland Labour Party")]),
    ("Tilda Brandt from Nordvik Shipping signed the deal on Monday. Brandt said it would hold.",
     ["Brandt@Brandt said"], [("Tilda Brandt", "Nordvik Shipping")]),
    # a country after "of" says where they are from, not whom they speak for
    ("Kofi Mensah of Ghana arrived on Monday. Mensah said the talks had failed.",
     ["Mensah@Mensah said"], [("Kofi Mensah", None)]),
    # names in any Latin script are names
    ("Władysław Brzęczyszczykiewicz of the Rural Alliance opened the meeting. "
     "Brzęczyszczykiewicz said the vote was lost.",
     ["Brzęczyszczykiewicz@Brzęczyszczykiewicz said"], [("Władysław Brzęczyszczykiewicz", "Rural Alliance")]),
    # an unmatched single word that is the first name of the one person named before: that person
    ("Transport Minister Gurpreet Singh Bhatia visited the site. Gurpreet said the line would reopen.",
     ["Gurpreet@Gurpreet said"], [("Gurpreet Singh Bhatia", "Transport Ministry")]),
    # ... with a title before it, as news from Bangladesh or Indonesia writes a name
    ("The director of IEDCR, Dr Anika Rahman Chowdhury, said four had died. Dr Anika said two were old.",
     ["the director of IEDCR, Dr Anika Rahman Chowdhury@The director", "Dr Anika@Dr Anika said"],
     [("Anika Rahman Chowdhury", "IEDCR"), ("Anika Rahman Chowdhury", "IEDCR")]),
    # two people with that first name: no guess (one word read, as before, as an organisation)
    ("Judge Ana Ruiz and nurse Ana Molina arrived. Ana said it was late.",
     ["Ana@Ana said"], [("Ana", "Ana")]),
    # a study's people speak for the researchers' institution named before
    ("Researchers from the University of Eastbrook reported a new coating on Monday. "
     "The research team said it lasts a year. In a statement, study co-author Lena Varga said it was cheap.",
     ["Researchers from the University of Eastbrook", "The research team", "study co-author Lena Varga"],
     [("Researchers from the University of Eastbrook", "University of Eastbrook"),
      ("Researchers from the University of Eastbrook", "University of Eastbrook"),
      ("Lena Varga", "University of Eastbrook")]),
    # without researchers named before, "the research team" speaks for no one
    ("The research team said it lasts a year.", ["The research team"], [("the research team", None)]),
])
def test_affiliation_carried_from_an_earlier_mention(text, mentions, expected):
    assert resolved_affiliations(text, mentions) == expected


@pytest.mark.parametrize("text, mentions, expected", [
    # an outlet named in full once, then by its last word or a noun for it
    ("The Halden Evening Times reported the deal on Monday. The Times said it stood by the report.",
     ["The Times"], [("Halden Evening Times", "Halden Evening Times")]),
    ("The Halden Evening Times reported the deal on Monday. The newspaper said it stood by the report.",
     ["The Halden Evening Times", "The newspaper"],
     [("Halden Evening Times", "Halden Evening Times"), ("Halden Evening Times", "Halden Evening Times")]),
    ("The Times said it stood by the report.", ["The Times"], [("Times", "Times")]),  # no outlet named before
    # "the group" right after an organisation quoted by name is that organisation
    ("The Harbour Food Fund said it had food for a week. The group said it needed money.",
     ["The Harbour Food Fund", "The group"],
     [("Harbour Food Fund", "Harbour Food Fund"), ("Harbour Food Fund", "Harbour Food Fund")]),
])
def test_outlets_and_groups_named_before(text, mentions, expected):
    assert resolved_affiliations(text, mentions) == expected


@pytest.mark.parametrize("text, speaker, affiliations", [
    # whom a person speaks for, given at one row, goes to every row of theirs in the article
    ("Dana Pruitt, a spokeswoman for the Halden Water Board, said the pipes were safe. "
     "\"We test every week,\" she said.", "Dana Pruitt", ["Halden Water Board", "Halden Water Board"]),
    # or given where the article names them without quoting them
    ("Headline\n\nThe endorsement came from Teachers Alliance President Mara Quill on Friday.\n\n"
     "\"We are ready,\" said Mara Quill.", "Mara Quill", ["Teachers Alliance"]),
    # "the group" is the name the article says is a group ("Name, a labor-affiliated group"), not a
    # person with an honorific the article names as a possessor
    ("Working Families Network, a labor-affiliated group, polled 500 voters. Mr. Dray's campaign denied it. "
     "Ida Ness, the group's deputy director, said the poll was fair.", "Ida Ness", ["Working Families Network"]),
    # the words before the name back to a determiner, not a sentence that ends on a title
    ("Headline\n\nOn Monday, Republican presidential front-runner Lionel Dray spoke in Ohio. \"We will win,\" "
     "Dray said.", "Lionel Dray", ["Republican Party"]),
    ("Headline\n\nLionel Dray spoke on Monday. \"We will win,\" he said.\n\nDo you support Dr. Lionel Dray?",
     "Lionel Dray", [None]),
    # the party and state after the name, past a dateline
    ("Headline\n\nHALDEN — Sen. Ira Vance (R-Fla.) did not get far. \"I wanted to win,\" Vance said.",
     "Ira Vance", ["Republican Party"]),
    # "the agency", "the club": the organisation quoted by name before, or the body the person quoted
    # before speaks for
    ("The Harbour Food Fund said it had food for a week. \"We are short,\" said Ana Lutz, the agency's "
     "country director.", "Ana Lutz", ["Harbour Food Fund"]),
    ("Halden Rovers manager Ona Fields said her keeper had her backing. Club captain Ivo Kern said the team "
     "was behind him.", "Ivo Kern", ["Halden Rovers"]),
    # a headline's words before the name are not a description of the person
    ("Runoff Race Tightens\n\nGov. Ada Okoro said the polls were wrong.", "Ada Okoro", [None]),
    # or the appositive after the name where the article names them without quoting them, up to
    # the full stop or the comma that ends it
    ("Headline\n\nThe report came from Dana Whitlock, a senior fellow at the Halden Institute. "
     "\"Prices will rise,\" said Dana Whitlock.", "Dana Whitlock", ["Halden Institute"]),
    ("Headline\n\nTom Barre, Ardent Bank's chief economist, wrote the note. \"It is early,\" said Tom Barre.",
     "Tom Barre", ["Ardent Bank"]),
    ("Headline\n\nThe study was led by Ida Ness, director of research at Norland Analytics, and two others. "
     "\"We checked twice,\" said Ida Ness.", "Ida Ness", ["Norland Analytics"]),
    # an appositive that names no body gives none
    ("Headline\n\nThe call came from Ida Ness, a retired teacher. \"I was angry,\" said Ida Ness.",
     "Ida Ness", [None]),
    ("Headline\n\nIda Ness, 54, lost her job. \"I was angry,\" said Ida Ness.", "Ida Ness", [None]),
])
def test_a_persons_affiliation_said_once_is_on_all_their_rows(text, speaker, affiliations):
    from quotecat.extract import extract
    assert [a.affiliation for a in extract(text) if a.speaker == speaker] == affiliations


# Names the article scans for pronouns and surnames: a surname with a second capital, and a body
# and title before the name, are read whole.
@pytest.mark.parametrize("text, expected", [
    ("Senator Tom McAllister spoke first.", "Tom McAllister"),
    ("Rep. Beto O'Rourke spoke first.", "Beto O'Rourke"),
    ("Mayor Ana DeLuca spoke first.", "Ana DeLuca"),
    ("Senate Majority Leader Rob Hale spoke first.", "Rob Hale"),
    ("Senate Minority Whip Dora Vance spoke first.", "Dora Vance"),
    ("House Oversight Committee chairman Lev Brandt spoke first.", "Lev Brandt"),
    ("White House Chief of Staff Ivo Marsh spoke first. Marsh left.", "Ivo Marsh"),
    ("Dana Ruiz Endorses House Speaker Paul Okafor.", "Paul Okafor"),
])
def test_names_scanned_whole(text, expected):
    assert [source.name for _, source in Resolver(text).names][-1] == expected


@pytest.mark.parametrize("text, speaker, affiliation", [
    # Before, the scan stopped at the second capital ("Tom Mc") or skipped the run, and the bare
    # surname became an organisation speaking for itself.
    ("Senate Majority Leader Rob Hale spoke on Monday. Hale said the bill was dead.", "Rob Hale", "Senate"),
    ("Senator Tom McAllister spoke on Monday. McAllister said the bill was dead.", "Tom McAllister", None),
])
def test_surname_after_a_title_run(text, speaker, affiliation):
    assert [(a.speaker, a.affiliation) for a in extract(text)] == [(speaker, affiliation)]


@pytest.mark.parametrize("text, speaker, affiliation", [
    # an appositive long enough that the clause's subject is read as the description after the
    # name: the name before it speaks
    ("Voters were split. But Tom Barre, the president of Fair Halden, a civic group that took the city to "
     "court over its budget, said that \"the numbers do not add up.\"", "Tom Barre", "Fair Halden"),
    ("Voters were split. Ana Ruiz, a senior analyst at Ardent Bank, a lender that backed the plan, "
     "said that \"prices will rise.\"", "Ana Ruiz", "Ardent Bank"),
])
def test_a_description_after_a_name_and_a_comma_is_that_persons(text, speaker, affiliation):
    from quotecat.extract import extract
    rows = [a for a in extract(text) if "numbers" in a.text or "prices" in a.text]
    assert [(a.speaker, a.affiliation, a.anonymous) for a in rows] == [(speaker, affiliation, False)]


@pytest.mark.parametrize("text, speaker", [
    # A description the article names only in a later sentence: the person named next with its role.
    ("Dana Ruiz's campaign manager said the rally would go on. Tom Hale, the campaign manager, has run "
     "the operation since June.", "Tom Hale"),
    ("The campaign manager said the rally would go on. Campaign manager Tom Hale has run the operation "
     "since June.", "Tom Hale"),
    ("The governor's spokeswoman said the bridge would reopen. Ana Lee, the spokeswoman, gave no date.", "Ana Lee"),
    # Not so: an indefinite description is a new person; another's role; a role nobody repeats.
    ("A spokeswoman said the bridge would reopen. Ana Lee, the spokeswoman for the mayor, gave no date.",
     "A spokeswoman"),
    ("Dana Ruiz's campaign manager said the rally would go on. Tom Hale, Ben Stone's campaign manager, "
     "disagreed.", "Dana Ruiz's campaign manager"),
    ("Dana Ruiz's campaign manager said the rally would go on. Tom Hale, a donor, disagreed.",
     "Dana Ruiz's campaign manager"),
])
def test_a_description_named_in_a_later_sentence(text, speaker):
    assert [a.speaker for a in extract(text) if "rally" in a.text or "bridge" in a.text] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # Every word of the description must describe the person named next: not just the role.
    ("The Halden senator said the bill was dead. Senator Rob Vale of Norland, who backed it, was absent.",
     "the Halden senator"),
])
def test_a_description_looks_ahead_only_with_all_its_words(text, speaker):
    assert [a.speaker for a in extract(text) if "bill" in a.text] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # "As for X," announces whom the sentence is about: its pronoun is X, not the person quoted before.
    ('Sen. Ana Ruiz said the vote was close. "We will win," Ruiz said.\n\nAs for Tom Hale, the mayor, '
     "he said he would not run again.", "Tom Hale"),
    ("Mayor Tom Hale spoke on Monday. Sen. Ana Ruiz said the vote was close.\n\nAs for Hale, he said he "
     "would not run again.", "Tom Hale"),
])
def test_as_for_names_the_topic_of_its_sentence(text, speaker):
    assert [a.speaker for a in extract(text) if "run again" in a.text] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # A definite description nobody is described with in full: the salient person, when the article
    # describes them with a word of it ("Sen." for "senator") ...
    ("Sen. Ana Ruiz spoke to reporters on Monday. The Halden senator said the bill was dead.", "Ana Ruiz"),
    # ... or when they are far more salient than anyone else (quoted twice in the sentences before).
    ('Tom Hale said the mill would close on Friday. "We tried everything," Hale said.\n\n'
     "The candidate said the bill was dead.", "Tom Hale"),
    # Not so: another portfolio; two people as salient; a woman's word for a person the article does not
    # say is a woman.
    ("Civil Aviation Minister Tom Hale said the airport would reopen. The health minister said the bill "
     "was dead.", "the health minister"),
    ("Tom Hale met Ana Ruiz in Halden on Monday. The candidate said the bill was dead.", "the candidate"),
    ("Mayor Tom Hale said the mill would close. The actress said the bill was dead.", "the actress"),
    # ... nor when a namesake is named too: which Hale is "the former president"?
    ('Tom Hale said the mill would close on Friday. "We tried everything," Hale said beside his brother, '
     "Ben Hale.\n\nThe former president said the bill was dead.", "the former president"),
])
def test_a_description_stands_for_the_salient_person(text, speaker):
    assert [a.speaker for a in extract(text) if "bill" in a.text] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # A kind of organisation ("the airline") stands for the one organisation the sentence, or the one
    # before, names ...
    ("The co-pilot, Omar Nasser, had logged 2,000 flying hours with Nordair, the airline said on Friday.",
     "Nordair"),
    ('Nordair confirmed the flight had vanished. "We are searching," the airline said.', "Nordair"),
    # ... and stays a description when two are named, or none.
    ("Nordair and Halden Air cancelled flights on Monday. The airline said the storm was to blame.", "the airline"),
    ("Ana Ruiz flew home on Monday. The airline said the flight was late.", "the airline"),
])
def test_a_kind_of_organisation_is_the_one_named_nearby(text, speaker):
    assert [a.speaker for a in extract(text) if "airline" in (a.speaker_mention or "")] == [speaker]
