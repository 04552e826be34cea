"""Titles written before a name, role nouns a source speaks in, and the gender some of them carry."""

from typing import Final

# Honorifics, ranks and offices written before a name: "Col. John Dorrian", "Secretary Kerry".
TITLES: Final = set(
    """mr. mrs. ms. miss dr. prof. professor sen. senator rep. representative gov. governor
    col. colonel gen. general lt. lieutenant sgt. sergeant capt. captain maj. major adm. admiral
    cmdr. commander cpl. pvt. rev. reverend father sister brother pastor rabbi imam sheikh
    president vice chairman chairwoman chair speaker secretary minister premier chancellor
    ambassador judge justice mayor councilman councilwoman commissioner director attorney
    chief sir dame lord lady king queen prince princess pope cardinal bishop archbishop
    detective officer inspector superintendent sheriff deputy marshal coach dean
    congressman congresswoman delegate leader candidate nominee""".split()
)
# Abbreviated titles that may open a run of capitalised words naming a person ("Sen. Jane Doe").
NAME_TITLE_ABBREVIATIONS: Final = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
                                   "Maj", "Adm", "Prof", "Rev")
# Heads of noun phrases that name a role someone speaks in.
ROLE_WORDS: Final = set(
    """spokesman spokeswoman spokesperson spokespeople spokesmen official officials analyst analysts
    commander commanders diplomat diplomats minister ministers director directors professor
    professors expert experts researcher researchers economist economists lawyer lawyers attorney
    attorneys adviser advisers advisor advisors aide aides strategist strategists consultant
    consultants officer officers agent agents executive executives president chairman chairwoman
    chair founder co-founder head leader leaders member members senator senators representative
    lawmaker lawmakers legislator legislators governor mayor candidate nominee secretary ambassador
    envoy general colonel captain sergeant lieutenant major admiral fighter fighters militant
    militants commander soldier soldiers resident residents witness witnesses source sources
    person people insider insiders observer observers critic critics supporter supporters
    opponent opponents activist activists organizer organizers worker workers employee employees
    manager managers owner owners doctor doctors physician nurse nurses scientist scientists
    scholar scholars historian historians pollster pollsters operative operatives staffer staffers
    voter voters citizen citizens student students teacher teachers parent parents farmer farmers
    defector defectors investigator investigators prosecutor prosecutors judge judges detective
    police policeman policewoman surrogate surrogates donor donors delegate delegates economist
    author authors writer writers editor editors reporter reporters columnist columnists
    correspondent journalist journalists host anchor chief chiefs counsel counselor negotiator
    negotiators mediator administrator administrators coordinator president's vice-president
    ceo cfo coo partner partners fellow fellows associate associates veteran veterans
    commentator commentators blogger bloggers user users rebel rebels jihadist jihadists
    insurgent insurgents protester protesters demonstrator demonstrators refugee refugees
    villager villagers local locals neighbor neighbors neighbour neighbours relative relatives
    friend friends colleague colleagues campaigner campaigners representative representatives
    economist planner planners engineer engineers lobbyist lobbyists regulator regulators
    mother father son daughter wife husband sister brother woman women man men
    trader traders banker bankers investor investors specialist specialists
    congressman congresswoman councilman councilwoman commissioner commissioners
    democrat democrats republican republicans conservative conservatives liberal liberals
    progressive progressives independent independents counterpart counterparts manager managers
    coach captain chairwoman founder treasurer chef comptroller auditor clerk authorities""".split()
)
# Role words that name several people: the source is a group.
PLURAL_ROLES: Final = {w for w in ROLE_WORDS if w.endswith("s") and not w.endswith("ss")} | {
    "people", "police", "men", "women", "spokespeople", "spokesmen"}
# Titles and role nouns that say which pronoun fits a person: "Mrs." -> she, "chairman" -> he.
GENDERED_WORDS: Final = {"mr.": "he", "mr": "he", "sir": "he", "mrs.": "she", "mrs": "she", "ms.": "she",
                         "ms": "she", "miss": "she", "dame": "she", "lady": "she", "lord": "he",
                         "king": "he", "queen": "she", "congressman": "he", "congresswoman": "she",
                         "chairman": "he", "chairwoman": "she", "spokesman": "he", "spokeswoman": "she",
                         "councilman": "he", "councilwoman": "she", "father": "he", "sister": "she",
                         "brother": "he", "prince": "he", "princess": "she"}
# Abbreviated titles and the role noun each stands for, so "the governor" finds "Gov. Mike Pence".
TITLE_ROLES: Final = {"gov.": "governor", "gov": "governor", "sen.": "senator", "sen": "senator",
                      "rep.": "representative", "rep": "representative", "gen.": "general", "col.": "colonel",
                      "lt.": "lieutenant", "sgt.": "sergeant", "capt.": "captain", "maj.": "major",
                      "adm.": "admiral", "cmdr.": "commander", "dr.": "doctor", "prof.": "professor",
                      "rev.": "reverend", "pres.": "president", "atty.": "attorney", "supt.": "superintendent",
                      "insp.": "inspector", "det.": "detective", "gov.-elect": "governor"}
# Words that qualify a role or title before its head noun: "Deputy Health Minister", "Prime
# Minister", "Senate Minority Leader", "senior vice president", "longtime aide".
ROLE_MODIFIERS: Final = frozenset(
    """deputy vice prime first chief senior junior acting interim former assistant associate executive
    managing general principal lead longtime long-time veteran retired then current incoming outgoing
    new late regional national federal state local top ranking minority majority co presidential
    lieutenant under under- permanent special honorary founding inaugural sitting serving elected
    designated supreme grand high""".split()
)
# Role nouns not in ROLE_WORDS that a pre-name description or appositive may end in: with
# ROLE_WORDS and the titles, what makes "Fashion designer", "Company meteorologist" or "Rival" a role.
ROLE_NOUNS: Final = frozenset(
    """designer meteorologist chancellor performer actor actress singer musician artist painter
    novelist poet playwright filmmaker director producer composer comedian broadcaster presenter
    photographer architect dancer model athlete player players coach manager captain striker
    goalkeeper referee umpire champion rival rivals challenger incumbent co-author author
    biomechanicist anthropologist oceanographer biologist chemist physicist geologist seismologist
    zoologist psychologist psychiatrist epidemiologist virologist surgeon dentist pharmacist
    veterinarian lecturer dean provost rector principal curator librarian archivist inventor
    entrepreneur businessman businesswoman tycoon billionaire magnate banker financier
    commandant superintendent constable inspector detective ranger trooper firefighter paramedic
    pilot co-pilot crew sailor monk nun priest pastor bishop archbishop cardinal cleric imam rabbi
    chaplain deacon heir widow widower granddaughter grandson nephew niece cousin uncle aunt
    survivor victim eyewitness bystander passenger commuter tourist pilgrim fan fans shopper
    official officer spokesperson envoy emissary attache consul governor premier whip
    mp mps councillor councilor alderman legislator sheriff marshal coroner magistrate
    prosecutor solicitor barrister counsel attorney lawyer judge chairperson treasurer
    secretary-general director-general undersecretary chief-of-staff""".split()
)
# Role heads that hold a national office: with a country before them they speak for its
# government ("Polish President X" -> Polish government, "US Ambassador to Germany" -> US government).
GOVERNMENT_OFFICES: Final = frozenset(
    """president vice-president premier chancellor minister ministers secretary ambassador ambassadors
    envoy envoys diplomat diplomats official officials king queen emir sultan monarch leader
    spokesman spokeswoman spokesperson attorney authorities""".split()
)
# Words for the people behind a study: "the research team", "the authors" and "co-author X" are the
# "researchers from Y" named before, and speak for Y.
RESEARCH_WORDS: Final = frozenset(
    """researcher researchers scientist scientists author authors co-author co-authors coauthor coauthors
    research investigators study""".split()
)
# Role heads whose words before them name a portfolio: "Interior Minister" -> Interior Ministry,
# "Defence Secretary" -> Defence Department.
PORTFOLIO_HEADS: Final = {"minister": "Ministry", "ministers": "Ministry", "secretary": "Department"}
# Honorifics: a title with no role in it ("Mr. Smith" says who, not what).
HONORIFICS: Final = frozenset({"mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms", "sir", "dame", "lord", "lady", "dr.",
                               "dr", "prof.", "prof", "mx.", "hon.", "messrs."})
# Portfolios written in lower case before "minister" or "secretary": "the foreign minister".
# (Capitalised words before a Minister are read as its portfolio whatever they are.)
PORTFOLIOS: Final = frozenset(
    """foreign interior home defence defense health finance justice education transport transportation trade
    labor labour energy environment agriculture economy economic culture treasury immigration industry
    commerce tourism housing sports science technology communications information security
    infrastructure development fisheries mining mines telecommunications welfare""".split()
)
# Roles that say whom they speak for even when the article does not: a judge speaks for a
# court, a detective for the police (resolution may find which one the article names).
IMPLIED_AFFILIATIONS: Final = {"judge": "court", "magistrate": "court", "detective": "police",
                               "constable": "police", "policeman": "police", "policewoman": "police"}
# Offices held in the government of the country an article is about when the article names no
# other: "President X" in an article about Poland speaks for the Polish government. (Diplomats,
# officials and spokespeople are left out: they are as often foreign as not.)
HEADS_OF_GOVERNMENT: Final = frozenset({"president", "vice-president", "premier", "chancellor", "minister",
                                        "king", "queen", "emir", "sultan", "monarch"})
# The ROLE_MODIFIERS that, capitalised, stand before a name and are never the first word of one
# ("Deputy", "Vice", "Former"; not "New", "National", "General": New York, National Crime Agency).
TITLE_MODIFIERS: Final = frozenset(
    """deputy vice prime first chief senior junior acting interim former assistant associate managing
    principal longtime long-time veteran retired then current incoming outgoing ranking minority majority
    co presidential""".split()
)
# Nouns for a person that are no role word elsewhere in the rules ("a narrator says", "the moderator
# asked", "a senator's ally said"): typed as an unnamed individual (a group when plural) only.
# Mined from the speakers of the PolNeAR tuning half that had no type: 15 of 233 such rows.
PERSON_SOURCE_NOUNS: Final = frozenset({"narrator", "narrators", "moderator", "moderators", "attendee", "attendees",
                                        "ally", "allies", "mogul", "employer", "employers", "boss", "developer",
                                        "developers", "participant", "participants", "insider", "insiders",
                                        "confidant", "confidante"})

# Heads of a description that news uses for a new, unnamed person, not for one named before
# (extract.resolve's description rule: "the senator" may be the salient person, "the man" not).
UNNAMED_HEADS: Final = frozenset({"man", "woman", "person", "boy", "girl", "witness", "source", "official",
                                  "spokesman", "spokeswoman", "spokesperson", "resident", "victim", "officer",
                                  "employee", "aide", "adviser", "advisor", "staffer", "worker", "driver"})
# Role words of someone who no longer belongs to the body named with them ("the Air Force veteran").
PAST_MEMBER_WORDS: Final = frozenset({"veteran", "veterans", "former", "ex", "alumnus", "alumna", "graduate"})
