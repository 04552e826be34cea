"""Organisations: the words that head their names, and the nouns an article uses for one it has named."""

from typing import Final

# Heads that make a capitalised phrase an organisation rather than a person.
ORG_WORDS: Final = set(
    """ministry department committee commission council party institute university college
    school agency army forces force coalition group association corporation corp. corp inc.
    inc company co. ltd. bank fund office service services administration government campaign
    union organization organisation foundation center centre court board bureau authority
    network times post journal news press tribune herald gazette guardian telegraph review
    magazine channel radio television tv agency police parliament congress senate house
    assembly cabinet regime embassy consulate federation league alliance movement front
    brigade brigades battalion regiment guard guards command caucus club society trust
    institution initiative project program programme watch fund network laboratory lab
    hospital clinic church mosque council chamber exchange reserve treasury pentagon
    kremlin whitehouse state""".split()
)
# Nouns an article uses for an organisation it has already named: "the group", "the company".
GENERIC_ORGANIZATIONS: Final = {"group", "organization", "organisation", "movement", "party", "network",
                                "company", "firm", "agency", "ministry", "government", "militia", "regime",
                                "coalition", "alliance", "union", "campaign", "administration", "club", "team",
                                "department", "committee", "board", "council", "bank", "authority"}
# Nouns for a kind of business or body that news uses, after naming it, for the one it means
# ("Norvia Air ... the airline said"): resolved to the one organisation named in that sentence or the one before.
ORGANIZATION_KIND_NOUNS: Final = frozenset(
    """airline carrier automaker carmaker retailer manufacturer insurer lender broadcaster conglomerate
    utility startup giant supermarket grocer""".split())
# The names one organisation goes by, lower case, and the name the catalogue gives it: a party
# is one organisation whether an article writes "Democrats", "the Democratic Party" or
# "Democratic" (as a party label). Party names only: general newsroom vocabulary.
ORGANIZATION_ALIASES: Final = {
    "democrats": "Democratic Party", "democratic": "Democratic Party", "democratic party": "Democratic Party",
    "democrat": "Democratic Party", "dems": "Democratic Party",
    "republicans": "Republican Party", "republican": "Republican Party", "republican party": "Republican Party",
    "gop": "Republican Party", "grand old party": "Republican Party",
    "labour": "Labour Party", "labour party": "Labour Party",
    "tories": "Conservative Party", "tory party": "Conservative Party",
    "lib dems": "Liberal Democrats", "liberal democrats": "Liberal Democrats",
    "libertarian": "Libertarian Party", "libertarians": "Libertarian Party", "libertarian party": "Libertarian Party",
    "green party": "Green Party", "greens": "Green Party",
}
# Small words an organisation's initials skip: "World Health Organization" is WHO, "Bank of England" BoE.
ACRONYM_SKIPS: Final = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "&"})
# Heads of the names of state bodies: an organisation named with one is a government source
# ("the Interior Ministry", "Thames Valley Police", "the Court of Session", "the Coast Guard").
GOVERNMENT_BODIES: Final = frozenset(
    """ministry ministries department government administration cabinet parliament congress senate
    assembly council court tribunal police constabulary army navy military forces force guard command
    brigade agency authority commission bureau office embassy consulate regime kremlin pentagon
    treasury presidency directorate inspectorate prosecutor prosecutors legislature judiciary
    municipality junta gendarmerie""".split()
)
# Names of state bodies that carry no such head: "the White House said".
GOVERNMENT_NAMES: Final = frozenset({"White House", "Kremlin", "Pentagon", "Downing Street", "10 Downing Street",
                                     "Élysée", "Elysee", "Whitehall", "Capitol Hill", "State Department",
                                     "Scotland Yard", "FBI", "CIA", "NSA", "DHS", "DOJ", "EPA", "FDA", "CDC",
                                     "NASA", "IRS", "NHS", "FEMA", "ICE", "NTSB", "SEC", "FCC", "FTC", "GAO",
                                     "CBO", "DEA", "ATF", "TSA", "MI5", "MI6", "Interpol", "Europol"})
# Nouns a pre-name description uses for an organisation: "retailer Tesco", "press agency PAP",
# "the charity Mercy Ships". The name after one is an organisation, not a person.
ORGANIZATION_NOUNS: Final = frozenset(
    """retailer retailers company firm chain supermarket group conglomerate carrier airline manufacturer
    maker automaker carmaker insurer lender bank broker publisher developer operator utility startup
    agency newspaper paper daily tabloid broadcaster channel station network magazine website outlet
    wire charity organisation organization nonprofit non-profit ngo union party campaign movement
    association foundation institute university college school hospital club team federation league
    council commission committee ministry department court think-tank thinktank body regulator
    watchdog""".split()
)
# Party labels before a name or a role, and the party they name: "Republican President X"
# speaks for the Republican Party. Capitalised only: "conservative groups" name no party.
PARTY_LABELS: Final = {
    "Republican": "Republican Party", "Republicans": "Republican Party", "GOP": "Republican Party",
    "Democrat": "Democratic Party", "Democrats": "Democratic Party", "Democratic": "Democratic Party",
    "Labour": "Labour Party", "Tory": "Conservative Party", "Tories": "Conservative Party",
}
# The letter before a US politician's state: "Sen. Jane Ortiz (D-Ore.)".
PARTY_LETTERS: Final = {"R": "Republican Party", "D": "Democratic Party"}
# Heads of what a document-like source is: "a report", "the poll", "CNN's projections", "government figures".
DOCUMENT_WORDS: Final = frozenset(
    """report reports study studies poll polls survey surveys data statement statements figures records record
    documents document analysis analyses estimates estimate projections projection guidelines summary
    release filing filings memo memos letter complaint lawsuit indictment ruling judgment judgement verdict
    findings results statistics numbers tally census audit assessment paper research forecast bulletin
    notice decree communique communiqué transcript schedule website post tweet tweets footage evidence
    review investigation inquiry constitution charter treaty""".split()
)
# Document words a source may be named with and still be the body that issued it: "the inquiry found".
BODY_DOCUMENTS: Final = frozenset({"investigation", "inquiry", "review", "research"})
# Lower-case nouns for a body that a role before a name may work for: "fire service spokesman",
# "police press officer", "campaign manager". Written with a capital at a sentence start
# ("Police press officer X"), they are still the noun, not a name.
GENERIC_BODIES: Final = GENERIC_ORGANIZATIONS | {"police", "service", "court", "army", "military", "hospital",
                                                 "university", "school", "embassy", "office", "brigade", "navy"}
# Nouns for a group of people that is not an organisation: "the research team", "the crew".
GROUP_NOUNS: Final = frozenset({"team", "crew", "staff", "panel", "family", "families", "couple", "delegation",
                                "household", "jury", "audience", "crowd"})
# Kinds of body written in capitals before the body's name: "the super PAC Keep Norland Free".
BODY_KIND_ACRONYMS: Final = frozenset({"pac", "pacs", "ngo", "llc"})

# Words for a level of government every place has: "City Council", "District Court", "County
# Commission" name a body of some place the name does not say. Alone, no organisation; the
# catalogue's one "<Place> City Council", where it has only one, is the one meant.
PLACE_LEVELS: Final = frozenset({"city", "county", "district", "circuit", "municipal", "town", "village", "state",
                                 "regional", "provincial", "local", "parish", "borough", "appeals", "superior",
                                 "school", "metropolitan"})
# Heads of such bodies' names.
PLACE_BODIES: Final = frozenset({"council", "court", "board", "commission", "committee", "assembly", "legislature",
                                 "senate", "house", "government", "hall", "police", "attorney", "prosecutor"})

# Small words a body's name may hold beside those its initials skip: "Center at the Urban Institute".
NAME_SMALL_WORDS: Final = frozenset({"at", "to", "from", "with", "by", "a", "an", "-", "–", "—", "'s"})
# Prefixes of a person's name that never open a word of a body's name ("Former", not "New").
PERSON_PREFIXES: Final = frozenset({"former", "then", "ex", "late", "acting", "interim", "outgoing", "incoming", "rival"})
# Words of a role that name a government job or body ("police spokesman", "city council member"),
# not a trade, beside the official and politician words of role_classes.py and GOVERNMENT_BODIES:
# a place stands for its government only for these (quotecat/fold.py, drop_places).
GOVERNING_EXTRA: Final = frozenset({"council", "delegation"})
# ... less the words of those classes that name no government job: a campaign's, a party's.
NOT_GOVERNING: Final = frozenset({
    "adviser", "advisers", "advisor", "advisors", "aide", "aides", "staff", "strategist", "strategists",
    "operative", "operatives", "surrogate", "surrogates", "press", "service", "private", "leader", "leaders",
    "conservative", "conservatives", "liberal", "liberals", "progressive", "progressives", "candidate", "candidates"})
# Heads of a written source that is no document word elsewhere in the rules ("the editorial said",
# "according to his book", "the email says"): typed as a document only. Mined from the speakers of
# the PolNeAR tuning half that had no type (and so no speaker row): 20 of 233 such rows.
WRITTEN_SOURCES: Final = frozenset({"book", "books", "editorial", "editorials", "column", "email", "emails",
                                    "e-mail", "article", "account", "accounts", "ad", "ads", "average",
                                    "agreement", "memoir", "op-ed", "essay", "newsletter", "petition"})
# Words for the medium a document goes out in, written before its noun with a capital and still no
# owner's name ("a campaign TV ad", "a new Web video").
DOCUMENT_MEDIA: Final = frozenset({"tv", "radio", "web", "online", "internet", "digital", "print", "television"})
# Participles that open the clause after a document's noun ("a poll released Friday", "a survey
# conducted for the station"): no part of the speaker's label. In the PolNeAR catalogue 9 document
# speakers kept such a clause in their label ("released" 6, "conducted" 2).
DOCUMENT_PARTICIPLES: Final = frozenset({"released", "conducted", "published", "commissioned", "issued",
                                         "sponsored", "obtained", "taken", "posted", "aired", "broadcast"})
# Verbs of a relative clause after a name that say which body the person leads or works for:
# "X, who chairs the Senate Armed Services Committee," (with WORKS_FOR's two-word forms).
LEADS_VERBS: Final = frozenset({"leads", "led", "heads", "headed", "chairs", "chaired", "runs", "ran", "directs",
                                "directed", "founded", "co-founded", "oversees", "manages", "managed"})
WORKS_FOR: Final = frozenset({"works for", "works at", "worked for", "worked at", "serves on", "sits on"})
# Titles of a council's members: "Councilwoman X" sits for the council the article names.
COUNCIL_MEMBERS: Final = frozenset({"councilman", "councilwoman", "councilmember", "councillor", "councilor",
                                    "alderman", "alderwoman", "councilmen", "councilwomen", "councillors",
                                    "councilors"})

# Nouns of a body a title names ("Councilwoman X": the council) that only a name in the article resolves.
NAMED_ONLY_BODIES: Final = frozenset({"council"})
# A minister of a state or a province, not of the country: "the state health minister".
SUBNATIONAL_LEVELS: Final = frozenset({"local", "state", "provincial", "regional", "municipal", "city"})
