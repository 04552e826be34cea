"""quotecat.extract.sources, example by example: who a source is (describe) and how many there are (split_sources)."""

import pytest

from quotecat.extract.sources import KIND_OF_SOURCE_TYPE, UNNAMED, article_country, describe, split_sources, with_country


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
    ("Russian officials", "Russian government"),  # a demonym before an office: that country's government
    ("China's foreign ministry", "China"),  # a possessor
    ("Okafor's campaign manager", "Okafor campaign"),  # a campaign role: the campaign
    ("the company's chief financial officer", "company"),
    ("Halden Rovers manager Siobhan Quigley", "Halden Rovers"),  # capitalised words before the role
    ("Rep. Elijah Cummings of Maryland", "US House of Representatives"),  # the state elects; the chamber
    ("Councillor Ann Bray of Eastbrook", "Eastbrook"),  # the place after a name
    ("Many families in Eastbrook", "Eastbrook"),  # people counted and placed
    ("a Western diplomat", None),  # a region is no affiliation
    # a name may start with a number
    ("a spokesman for 10 Harbour Street", "10 Harbour Street"),
    ("a lawyer for 21st Century Ferries", "21st Century Ferries"),
    ("officials at 4K Shipping", "4K Shipping"),
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
    ("1,409 teachers", "group", True, None),  # a number's comma does not end the mention's head
    ("the ministry", "organization", False, None),
    ("Russia", "organization", False, None),
    ("NATO", "organization", False, None),
    ("a spokesman for 10 Harbour Street", "person", True, None),  # the spokesman, not an organisation
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
    # a document's or a person noun's clause after it is no part of the label
    ("a Harbour Times poll released Friday", "a Harbour Times poll"),
    ("the ad's narrator, saying the mayor failed", "the ad's narrator"),
    ("the department's own published guidelines", "the department's own published guidelines"),
    ("data released Friday by state regulators", "data released Friday by state regulators"),
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
    # A bare singular role noun cannot speak alone: one person described twice.
    ("Norlandic journalist and author Tove Brenna", ["Norlandic journalist and author Tove Brenna"]),
    ("president and chief executive of Halden Freight", ["president and chief executive of Halden Freight"]),
    ("the spokesman and the mayor", ["the spokesman", "the mayor"]),  # each with its determiner: two
    ("doctors and medical experts", ["doctors", "medical experts"]),  # plural: two groups
])
def test_split_sources(mention, sources):
    assert split_sources(mention) == sources


def test_describe_is_cached_and_its_sources_are_copied_not_changed():
    first = describe("Dr. Amara Osei")
    assert describe("Dr. Amara Osei") is first
    copy = first.evolve(pronoun="she")
    assert copy.pronoun == "she" and first.pronoun is None and copy.name == first.name


# --- title grammar, pre-name descriptions and kinds of sources (issue 12 items 3-4, issue 13 item 2) ---
# Invented names; the shapes are those of news writing. Columns: name, title, role, affiliation,
# source_type, role_class, anonymous.
DESCRIBED = [
    # A full title is a role, never the affiliation or the speaker; an office gives its body.
    ("Prime Minister Jana Koval", "Jana Koval", "Prime Minister", "Prime Minister", None, "person", "politician", False),
    ("Finnish Prime Minister Aino Lehto", "Aino Lehto", "Prime Minister", "Prime Minister", "Finnish government",
     "person", "politician", False),
    ("New Zealand Prime Minister Tama Rewi", "Tama Rewi", "Prime Minister", "Prime Minister", "New Zealand government",
     "person", "politician", False),
    ("Deputy Health Minister Ilse Varga", "Ilse Varga", "Minister", "Deputy Health Minister", "Health Ministry",
     "person", "politician", False),
    ("Polish Interior Minister Tomasz Wrona", "Tomasz Wrona", "Minister", "Interior Minister",
     "Polish Interior Ministry", "person", "politician", False),
    ("Kenyan Roads and Transport Minister Ola Berg", "Ola Berg", "Minister", "Roads and Transport Minister",
     "Kenyan Roads and Transport Ministry", "person", "politician", False),
    ("Secretary-General Amina Diallo", "Amina Diallo", "Secretary-General", "Secretary-General", None, "person",
     "official", False),
    ("US Ambassador to Germany Richard Hale", "Richard Hale", None, "Ambassador to Germany", "US government",
     "person", "official", False),
    ("First Minister of Scotland Moira Dunn", "Moira Dunn", None, "First Minister of Scotland", "Scottish government",
     "person", "politician", False),
    ("President of Argentina Alberto Ruiz", "Alberto Ruiz", None, "President of Argentina", "Argentine government",
     "person", "politician", False),
    ("Regional Governor Amir Salim", "Amir Salim", "Regional Governor", "Regional Governor", None, "person",
     "politician", False),
    ("Coast Guard Commandant Admiral Elias Soto", "Elias Soto", "Commandant Admiral", "Commandant Admiral",
     "Coast Guard", "person", "official", False),
    ("Senate Minority Leader Carl Breuer", "Carl Breuer", "Minority Leader", "Minority Leader", "Senate", "person",
     "politician", False),
    ("a tweet by US Secretary of State Dana Moss", "Dana Moss", None, "Secretary of State", "US State Department",
     "person", "politician", False),
    ("Lena Ortiz, the Defence Secretary; she described the attack", "Lena Ortiz", None, "Defence Secretary",
     "Defence Department", "person", "politician", False),
    ("Nadia Crane, the Speaker of the House of Representatives", "Nadia Crane", None, "Speaker",
     "House of Representatives", "person", "politician", False),
    # A party label is the party; a campaign or White House role gives that organisation.
    ("Republican President Tom Hart", "Tom Hart", "President", "President", "Republican Party", "person",
     "politician", False),
    ("Democrat Jane Ruiz", "Jane Ruiz", None, None, "Democratic Party", "person", "politician", False),
    ("Sen. Jane Ortiz (D-Ore.)", "Jane Ortiz", "Sen.", None, "Democratic Party", "person", "politician", False),
    ("Republican committee member Ann Cole of Georgia", "Ann Cole", None, "committee member", "Republican Party",
     "person", "politician", False),
    ("Okafor campaign spokesman Brian Fell", "Brian Fell", None, "campaign spokesman", "Okafor campaign", "person",
     "politician", False),
    ("White House press secretary Dana Reyes", "Dana Reyes", None, "press secretary", "White House", "person",
     "official", False),
    # A description before the name: the name speaks, the rest is role and affiliation.
    ("fashion designer Mara Quill", "Mara Quill", None, "fashion designer", None, "person", "unknown", False),
    ("Company meteorologist Evan Dorsey", "Evan Dorsey", None, "meteorologist", "company", "person", "expert", False),
    ("University of Tennessee, Knoxville's chancellor, Rhea Banks", "Rhea Banks", None, "chancellor",
     "University of Tennessee, Knoxville", "person", "expert", False),
    ("Longtime Morning Drive writer and performer Rob Bartel", "Rob Bartel", None, "writer and performer",
     "Morning Drive", "person", "media", False),
    ("Florida Department of Transportation official Troy Rand", "Troy Rand", None, "official",
     "Florida Department of Transportation", "person", "official", False),
    ("Police press officer Monika Kos", "Monika Kos", None, "police press officer", "police", "person", "official",
     False),
    ("Tomasz Kubik, a fire service spokesman", "Tomasz Kubik", None, "fire service spokesman", "fire service",
     "person", "official", False),
    ("Train drivers' trade union Aslef general secretary Mick Wharton", "Mick Wharton", None, "general secretary",
     "Aslef", "person", "civil society", False),
    ("Eastport Center for Health Security medical anthropologist Ines Moya", "Ines Moya", None,
     "medical anthropologist", "Eastport Center for Health Security", "person", "expert", False),
    ("the topmost senior Polish archbishop Jan Polny", "Jan Polny", None, "topmost Polish archbishop", None,
     "person", "civil society", False),  # a nationality is not whom he speaks for
    # After the name: a body or a place; a name inside a phrase is not the speaker.
    ("Chief Superintendent Ana Mireles of the police of the Northern Region", "Ana Mireles", "Chief Superintendent",
     "Chief Superintendent", "police of the Northern Region", "person", "official", False),
    ("Arno dela Cruz of the army's Western Command", "Arno dela Cruz", None, None, "army's Western Command",
     "person", "official", False),
    ("Carl Hensby of the Bill and Melinda Gates Foundation", "Carl Hensby", None, None,
     "Bill and Melinda Gates Foundation", "person", "civil society", False),
    ("The general secretary of the RMT union (National Union of Rail, Maritime and Transport Workers), Mick Cass",
     "Mick Cass", None, "general secretary", "RMT union", "person", "civil society", False),
    ("A spokesman for Gov. Linda Castle, Mark Feen", "Mark Feen", None, "spokesman", "office of Gov. Linda Castle", "person",
     "official", False),  # a governor's spokesman works for the governor's office
    # An organisation described before its name is the organisation.
    ("UK-based retailer Tesco", "Tesco", None, "UK-based retailer", None, "organization", "business", False),
    ("State press agency PAP", "PAP", None, "State press agency", None, "media", "media", False),
    ("the Ministry of Foreign Affairs", "Ministry of Foreign Affairs", None, None, "Ministry of Foreign Affairs",
     "government", "official", False),
    ("the Bank of Norland", "Bank of Norland", None, None, "Bank of Norland", "organization", "business", False),
    # Unnamed individuals and groups: the anonymous sources.
    ("a senior official", None, None, "senior official", None, "unnamed individual", "official", True),
    ("a person familiar with the talks", None, None, "person", None, "unnamed individual", "unknown", True),
    ("a spokeswoman", None, None, "spokeswoman", None, "unnamed individual", "official", True),
    ("one of the children", None, None, "children", None, "unnamed individual", "citizen", True),
    ("officials", None, None, "officials", None, "unnamed group", "official", True),
    ("Authorities", None, None, "authorities", None, "unnamed group", "official", True),
    ("aides", None, None, "aides", None, "unnamed group", "politician", True),
    ("residents", None, None, "residents", None, "unnamed group", "citizen", True),
    ("experts", None, None, "experts", None, "unnamed group", "expert", True),
    ("voters", None, None, "voters", None, "unnamed group", "citizen", True),
    ("Republicans", None, None, "republicans", "Republican Party", "unnamed group", "politician", True),
    ("police officers", None, None, "police officers", "police", "unnamed group", "official", True),
    ("the research team", None, None, "research team", None, "unnamed group", "expert", True),
    ("local media", None, None, "local media", None, "unnamed group", "media", True),
    ("reports", None, None, "reports", None, "unnamed group", "unknown", True),
    # ... also where the sentence start capitalises them: reports and media no one names.
    ("Reports", None, None, "reports", None, "unnamed group", "unknown", True),
    ("Media reports", None, None, "media reports", None, "unnamed group", "media", True),
    # A plural head noun makes a group, whatever the number of the word before it.
    ("jihadist posts in online forums", None, None, "jihadist posts in online forums", None, "unnamed group",
     "unknown", True),
    ("aid groups in the region", None, None, "aid groups in the region", None, "unnamed group", "civil society",
     True),
    ("Russian officials", None, None, "officials", "Russian government", "unnamed group", "official", True),
    # Descriptions a resolver links to a named person keep what it needs to match.
    ("the Republican presidential nominee", None, None, "presidential nominee", "Republican Party",
     "unnamed individual", "politician", True),
    ("the Indiana governor", None, None, "governor", "Indiana", "unnamed individual", "politician", True),
    # Institutions, countries, outlets and documents are named, not anonymous.
    ("police", None, None, "police", None, "government", "official", False),
    ("the Interior Ministry", "Interior Ministry", None, None, "Interior Ministry", "government", "official", False),
    ("the court", "court", None, None, None, "government", "official", False),
    ("Germany", "Germany", None, None, "Germany", "government", "official", False),
    ("the BBC", "BBC", None, None, "BBC", "media", "media", False),
    ("a new report", None, None, None, None, "document", "unknown", False),
    ("Data", None, None, None, None, "document", "unknown", False),  # data, capitalised or not, is a document
    ("Statistics from the ministry", None, None, "statistics", "ministry", "document", "official", False),
    # A description of an organisation, then its name: the organisation.
    ("The insurer, Harrow Mutual Group", "Harrow Mutual Group", None, "insurer", "Harrow Mutual Group",
     "organization", "business", False),
    ("Government figures", "Government figures", None, None, "Government figures", "document", "official", False),
    ("CNN's projections", None, None, "projections", "CNN", "document", "media", False),
    ("its website", None, None, None, None, "document", "unknown", False),  # the organisation's own page
    ("the website", None, None, None, None, "unnamed group", "unknown", True),  # an outlet it does not name
    # An indefinite pronoun with a description is an unnamed source; on its own it describes no one.
    ("someone familiar with the talks", None, None, None, None, "unnamed individual", "unknown", True),
    ("everyone at the plant", None, None, None, None, "unnamed group", "unknown", True),
    ("someone", None, None, None, None, None, "unknown", False),
]


@pytest.mark.parametrize("mention, name, title, role, affiliation, source_type, role_class, anonymous", DESCRIBED,
                         ids=[row[0][:40] for row in DESCRIBED])
def test_describe_reads_titles_descriptions_and_kinds_of_source(mention, name, title, role, affiliation,
                                                               source_type, role_class, anonymous):
    source = describe(mention)
    assert (source.name, source.title, source.role, source.affiliation) == (name, title, role, affiliation)
    assert (source.source_type, source.role_class, source.anonymous) == (source_type, role_class, anonymous)


@pytest.mark.parametrize("mention, never", [
    ("Finnish Prime Minister Aino Lehto", "Finnish Prime"),  # a demonym and half a title
    ("Interior Minister Joachim Wrona", "Interior"),  # half a title
    ("Fashion designer Mara Quill", "Fashion designer"),
    ("Senate Minority Leader Carl Breuer", "Senate Minority Leader"),
])
def test_a_title_is_never_the_affiliation(mention, never):
    assert describe(mention).affiliation != never


@pytest.mark.parametrize("mention, speaker", [
    ("US Ambassador to Germany Richard Hale", "Richard Hale"),
    ("Fashion designer Mara Quill", "Mara Quill"),
    ("Company meteorologist Evan Dorsey", "Evan Dorsey"),
    ("University of Tennessee, Knoxville's chancellor, Rhea Banks", "Rhea Banks"),
    ("Longtime Morning Drive writer and performer Rob Bartel", "Rob Bartel"),
    ("UK-based retailer Tesco", "Tesco"),
    ("State press agency PAP", "PAP"),
    ("current president Emma Rugo on Friday", "Emma Rugo"),  # a time after the name
    ("the Ministry of Foreign Affairs he died at home", "Ministry of Foreign Affairs"),  # a clause after the name
    ("One Republican threatened to make Kadzik", "one Republican threatened to make Kadzik"),  # a verb's object
    ("NDRRMC report on Saturday, which counted 21 injured", "NDRRMC report"),
    ("both Mugabe", "Mugabe"),
])
def test_the_speaker_is_the_name_not_the_description(mention, speaker):
    assert describe(mention).label == speaker


@pytest.mark.parametrize("mention, sources", [
    ("Carl Hensby of the Bill and Melinda Gates Foundation", ["Carl Hensby of the Bill and Melinda Gates Foundation"]),
    ("authorities in Norland and the United States", ["authorities in Norland and the United States"]),
    ("the United Nations' Food and Agriculture Organization's chief veterinary officer",
     ["the United Nations' Food and Agriculture Organization's chief veterinary officer"]),
    ("Tesco and Salling Group", ["Tesco", "Salling Group"]),  # an organisation after "and" is no surname
    ("Portugal and the European Union", ["Portugal", "the European Union"]),
    ("Trump and his supporters", ["Trump", "his supporters"]),
])
def test_split_sources_keeps_names_with_and_whole(mention, sources):
    assert split_sources(mention) == sources


@pytest.mark.parametrize("country, source, affiliation", [
    ("Poland", "President Andrzej Nowak", "Polish government"),
    ("Poland", "the president", "Polish government"),
    ("Poland", "Interior Minister Jan Wrona", "Interior Ministry"),  # its ministry, from the mention
    ("Poland", "a Western diplomat", None),  # a foreign diplomat speaks for no Pole
    ("Poland", "fashion designer Mara Quill", None),  # no office
])
def test_an_office_without_a_country_speaks_for_the_country_the_article_is_about(country, source, affiliation):
    assert with_country(describe(source), country).affiliation == affiliation


@pytest.mark.parametrize("text, country", [
    ("Polish police said the fire in Koszalin, Poland, killed five. Poland's president spoke.", "Poland"),
    ("The talks between Norland and Chile, and Peru and Canada.", None),  # no country stands out
    ("A storm hit the coast.", None),
])
def test_the_country_an_article_is_about(text, country):
    assert article_country(text) == country


@pytest.mark.parametrize("source_type, kind", [
    ("person", "person"), ("unnamed individual", "person"), ("unnamed group", "group"),
    ("organization", "organization"), ("government", "organization"), ("media", "organization"),
    ("document", "other"),
])
def test_kind_is_derived_from_the_source_type(source_type, kind):
    assert KIND_OF_SOURCE_TYPE[source_type] == kind


def test_anonymous_is_exactly_the_unnamed_kinds():
    assert UNNAMED == {"unnamed individual", "unnamed group"}
    for row in DESCRIBED:
        assert row[-1] == (row[-3] in UNNAMED), row[0]


@pytest.mark.parametrize("mention, role, affiliation", [
    # a US state elects a senator or a representative: the party in the brackets or the appositive,
    # else the chamber, is whom they speak for; a state legislator's chamber is not Congress
    ("Sen. Dale Harmon (R-Texas)", None, "Republican Party"),
    ("Sen. Dale Harmon, D-Vt.", None, "Democratic Party"),
    ("Texas Sen. Dale Harmon", None, "US Senate"),
    ("the Vermont senator", "senator", "US Senate"),
    ("Rep. Ona Fields of Maryland", None, "US House of Representatives"),
    ("Texas state Sen. Ona Fields", "Texas state Sen.", None),
    # a governor speaks for the state; a former one no longer does
    ("Ohio Gov. Reed Tanner", None, "Ohio"),
    ("former Ohio Gov. Reed Tanner", "former Ohio Gov.", None),
    ("the former Florida governor", "former Florida governor", None),
    # a state or a city where someone lives or works is no affiliation
    ("New York businessman Lionel Dray", "New York businessman", None),
    ("Pia Salo, a Washington lawyer", "Washington lawyer", None),
    ("Pia Salo, a Republican strategist in Washington", "strategist", "Republican Party"),
    ("Tomas Reyes of Washington, D.C.", "D.C", None),
    ("Tomas Reyes, 21, a student from Ocala, Fla.", "student", None),
    # a judge's title names the court
    ("U.S. District Judge Ada Morrow", "District Judge", "U.S. District Court"),
    # an outlet's desk is the role's: "Foreign Affairs Editor" of Fox News
    ("Fox News Foreign Affairs Editor Ivo Kern", "Foreign Affairs Editor", "Fox News"),
    ("Fox News Sunday host Ivo Kern", "Sunday host", "Fox News"),
    ("Washington Post columnist Ivo Kern", "columnist", "Washington Post"),
    ("News Foreign Affairs editor Ivo Kern", "News Foreign Affairs editor", None),  # the outlet cut off
    # a topic after the role, then the body
    ("Lev Adler, an expert on Russia at the Harlow Policy Center", "expert on Russia", "Harlow Policy Center"),
])
def test_places_courts_and_outlets_in_a_description(mention, role, affiliation):
    source = describe(mention)
    assert (source.role, source.affiliation) == (role, affiliation)


@pytest.mark.parametrize("mention, name, affiliation", [
    ("NBC's Ada Morrow", "Ada Morrow", "NBC"),  # an outlet's reporter
    ("Halden Review’s Ivo Kern", "Ivo Kern", "Halden Review"),
    ("Ohio's Reed Tanner", "Reed Tanner", None),  # a state's: where, not whom
])
def test_a_possessor_before_a_name_is_whom_the_person_speaks_for(mention, name, affiliation):
    source = describe(mention)
    assert (source.name, source.affiliation) == (name, affiliation)


@pytest.mark.parametrize("mention", ["many Dray supporters", "Supporters of Lionel Dray", "one Dray confidant",
                                     "some of Dray's allies", "Ada Morrow, a Dray ally", "critics of the Halden Port"])
def test_followers_and_critics_speak_for_no_one(mention):
    assert describe(mention).affiliation is None


@pytest.mark.parametrize("mention, role, affiliation", [
    # A lower-case kind of body before its name: the name is the affiliation, the kind is not.
    ("Matt Ives, executive director of the advocacy group Fair Iowa", "executive director", "Fair Iowa"),
    ("Jo Hale, spokeswoman for the environmental group Clean Water Now", "spokeswoman", "Clean Water Now"),
    ("Jo Hale, director of the think tank Urban Futures", "director", "Urban Futures"),
    ("Jo Hale, executive director of Fair Iowa", "executive director", "Fair Iowa"),
    # describing words, then the kind of body, then its name
    ("Jo Hale, head of sales for cyber security firm Ardent", "head of sales",
     "Ardent"),
    ("Jo Hale, a treasurer for the liberal super PAC Keep Norland Free", "treasurer", "Keep Norland Free"),
    ("Jo Hale, a fellow at the independent Halden Policy Center", "fellow", "Halden Policy Center"),
    ("Jo Hale, a partner at consulting firm Ives Brothers and a former aide", "partner", "Ives Brothers"),
    # no kind of body: a person after "the late" is nobody's affiliation
    ("Jo Hale, an adviser to the late Ivo Kern", "adviser", None),
])
def test_the_kind_of_body_before_its_name_is_no_part_of_the_affiliation(mention, role, affiliation):
    source = describe(mention)
    assert (source.role, source.affiliation) == (role, affiliation)


@pytest.mark.parametrize("mention, source_type", [
    # Written sources and nouns for a person that no other rule knows: a type, so a speaker row.
    ("the editorial", "document"),
    ("his book", "document"),
    ("the email", "document"),
    ("a narrator", "unnamed individual"),
    ("the moderator", "unnamed individual"),
    ("a Ruiz ally", "unnamed individual"),
    # Still no type: a word that names nobody.
    ("the thing", None),
])
def test_written_sources_and_person_nouns_have_a_type(mention, source_type):
    assert describe(mention).classified()[0] == source_type


@pytest.mark.parametrize("mention, affiliation, source_type", [
    # A document speaks for the owner the text names: a capitalised modifier before its noun ...
    ("a Rivera ad", "Rivera", "document"),
    ("a Rivera campaign ad", "Rivera campaign", "document"),
    ("the Ledger editorial", "Ledger", "document"),
    ("a Harbour Times analysis of the filings", "Harbour Times", "document"),
    ("another recent Acme/Ledger poll", "Acme/Ledger", "document"),
    ("the Ledger’s Battleground States average", "Ledger", "document"),
    # ... or the issuer after it.
    ("an email from the Rivera campaign", "Rivera campaign", "document"),
    ("an ad by the Rivera campaign", "Rivera campaign", "document"),
    ("an editorial in The Daily Ledger", "Daily Ledger", "document"),
    # No owner named: a generic noun, a place, a day or a medium is none.
    ("an email from the campaign", None, "organization"),
    ("the editorial", None, "document"),
    ("a campaign TV ad", None, "document"),
    ("her Twitter account", None, "document"),
    # A person after "by" speaks; a poll named for its pollster reads as before (the catalogue's
    # organisation drops the last lower-case word: Quinnipiac).
    ("a tweet by Senator Jane Doe", None, "person"),
    ("a Quinnipiac poll", "Quinnipiac poll", "document"),
])
def test_a_document_speaks_for_the_owner_the_text_names(mention, affiliation, source_type):
    source = describe(mention)
    assert (source.affiliation, source.classified()[0]) == (affiliation, source_type)


# Whom a journalist, a minister or a council member speaks for, from the words of the mention.
@pytest.mark.parametrize("mention, name, role, affiliation", [
    ("an editor at the Daily Mail", None, "editor", "Daily Mail"),  # "Daily" is no title before a "Mail"
    ("Tom Lake of the Daily Star", "Tom Lake", None, "Daily Star"),
    ("Daily Mail reporter Tom Lake", "Tom Lake", "reporter", "Daily Mail"),
    ("Daily Beast editor Lloyd Dunn", "Lloyd Dunn", "editor", "Daily Beast"),  # was role "Daily Beast editor"
    ("Fox News Foreign Affairs editor Jo Bell", "Jo Bell", "Foreign Affairs editor", "Fox News"),
    # an outlet, then its White House desk (was affiliation "Harbour Post White House")
    ("Harbour Post White House reporter Jo Bell", "Jo Bell", "White House reporter", "Harbour Post"),
    ("CNN White House correspondent Jo Bell", "Jo Bell", "White House correspondent", "CNN"),
    ("Post White House bureau chief Jo Bell", "Jo Bell", "Post White House bureau chief", None),  # cut short
    ("Obama White House adviser Jo Bell", "Jo Bell", "adviser", "Obama White House"),
    ("the health minister", None, "health minister", "Health Ministry"),  # not "Ministry" alone
    ("the Polish foreign minister", None, "foreign minister", "Polish Foreign Ministry"),
    ("Councilwoman Renée Dubois", "Renée Dubois", "Councilwoman", "council"),  # resolution names the council
    ("City Councilor Ray Fitch", "Ray Fitch", "Councilor", "council"),  # not "City"
])
def test_describe_whom_they_speak_for(mention, name, role, affiliation):
    source = describe(mention)
    assert (source.name, source.role, source.affiliation) == (name, role, affiliation)


@pytest.mark.parametrize("clause, body", [
    ("who chairs the Senate Armed Services Committee", "Senate Armed Services Committee"),
    ("who co-founded the Harbour Food Fund", "Harbour Food Fund"),
    ("who works for Halvorsen Systems", "Halvorsen Systems"),
    ("who leads Dray in the polls", None),  # a rival, not a body
    ("who runs a bakery", None),
    ("who joined the Port Authority in 2009", None),  # joining says less than leading
    ("who leads Lionel Dray", None),  # a person
])
def test_the_body_a_relative_clause_says_a_person_leads(clause, body):
    from quotecat.extract.sources import leads_body
    assert leads_body(clause) == body


@pytest.mark.parametrize("country, affiliation, role, expected", [
    ("Chile", "Labor Ministry", "Labor Minister", "Chilean Labor Ministry"),
    ("Chile", "French Interior Ministry", "Interior Minister", "French Interior Ministry"),  # a country given
    ("India", "Health Ministry", "state health minister", "Health Ministry"),  # a state's minister
])
def test_a_ministry_without_a_country_is_the_articles_countrys(country, affiliation, role, expected):
    from quotecat.extract.sources import Source, needs_ministry_country, with_ministry_country
    source = Source(mention=role, role=role, affiliation=affiliation, kind="person")
    if needs_ministry_country(source):
        source = with_ministry_country(source, country)
    assert source.affiliation == expected
