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
    coach captain chairwoman founder treasurer chef comptroller auditor clerk""".split()
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
