"""Word lists the rules are made of: reporting cues, titles, roles, media.

General English and newsroom vocabulary only; nothing here may name the
people, places or wording of a particular article.
"""

from typing import Final


def _forms(*lemmas: str) -> dict[str, str]:
    """Inflected forms of regular verbs, each mapped to its lemma."""
    forms = {}
    for lemma in lemmas:
        base = lemma
        if base.endswith("e"):
            ed, ing = base + "d", base[:-1] + "ing"
        elif base.endswith("y") and base[-2] not in "aeiou":
            ed, ing = base[:-1] + "ied", base + "ing"
        else:
            ed, ing = base + "ed", base + "ing"
        s = base + "es" if base.endswith(("s", "sh", "ch", "x", "z")) else (
            base[:-1] + "ies" if base.endswith("y") and base[-2] not in "aeiou" else base + "s")
        for form in (base, ed, ing, s):
            forms[form] = lemma
    return forms


# Verbs that report speech or writing: they take a clause or a quotation.
SPEECH_VERBS: Final = _forms(
    "add", "acknowledge", "admit", "announce", "argue", "assert", "boast", "caution", "claim",
    "comment", "complain", "concede", "conclude", "confirm", "contend", "counter", "declare",
    "emphasize", "emphasise", "explain", "insist", "joke", "maintain", "mention", "note", "observe",
    "predict", "proclaim", "recall", "remark", "repeat", "reply", "report", "respond", "reveal",
    "scoff", "state", "stress", "suggest", "testify", "tweet", "post", "warn", "allege", "answer",
    "continue", "disclose", "estimate", "muse", "quip", "recount", "reiterate", "retort", "quote",
    "assure", "concur", "charge", "deny", "lament", "signal", "shout", "yell", "whisper", "brag",
    "affirm", "agree", "promise", "pledge", "vow", "urge", "ask", "question", "wonder", "demand",
    "acknowledge", "interject", "protest", "specify", "underscore", "highlight", "cite",
    "describe", "criticize", "criticise", "condemn", "praise", "blast", "slam", "accuse", "denounce",
    "mock", "dismiss", "reject", "defend", "applaud", "hail", "decry", "lambaste", "endorse", "attack",
    "liken", "compare", "label", "brand", "credit", "blame", "call", "point",
)
SPEECH_VERBS.update({
    "said": "say", "says": "say", "say": "say", "saying": "say",
    "told": "tell", "tells": "tell", "tell": "tell", "telling": "tell",
    "wrote": "write", "writes": "write", "write": "write", "writing": "write", "written": "write",
    "spoke": "speak", "speaks": "speak", "speaking": "speak",
    "put": "put",
})
# Verbs of belief, intention and evidence: attributions too, but only with "that" or a clause.
THOUGHT_VERBS: Final = _forms(
    "believe", "think", "fear", "hope", "expect", "worry", "feel", "doubt", "suspect",
    "reckon", "assume", "figure", "guess", "know", "realize", "understand", "imagine", "conclude",
    "indicate", "show", "find", "suggest", "contend", "acknowledge", "want", "plan", "intend",
    "agree", "determine", "learn", "hear", "see", "recognize", "predict", "project", "forecast",
)
THOUGHT_VERBS.update({
    "thought": "think", "knew": "know", "knows": "know", "felt": "feel", "found": "find",
    "shown": "show", "showed": "show", "shows": "show", "heard": "hear", "saw": "see", "sees": "see",
    "understood": "understand", "learned": "learn", "learnt": "learn",
})
# Cues that need no "that" before a bare clause (zero complementizer is common).
BARE_CLAUSE_LEMMAS: Final = {"say", "tell", "add", "believe", "think", "write", "argue", "insist",
                      "claim", "warn", "note", "predict", "estimate", "suggest", "acknowledge",
                      "admit", "fear", "hope", "expect", "know", "report", "explain", "contend",
                      "concede", "assert", "maintain", "recall", "complain", "worry", "feel",
                      "guess", "reckon", "agree", "announce", "testify", "stress", "emphasize",
                      "confirm", "continue", "respond", "reply", "tweet", "post", "state", "declare"}
SPEECH_LEMMAS: Final = frozenset(SPEECH_VERBS.values())
# Cues that end a sentence on their own after the content ("..., he added.").
CUE_WORDS: Final = {**THOUGHT_VERBS, **SPEECH_VERBS}
# Forms that are far more often nouns or other verbs than reporting cues.
for _form in ("state", "states", "plan", "report", "signal", "signals", "show", "post", "posts",
              "quote", "quotes", "project", "projects", "figure", "figures", "charge", "answer",
              "question", "comment", "demand", "call", "cite", "point", "points", "continuing",
              "put"):
    CUE_WORDS.pop(_form, None)

# Lemmas that are risky as cues without a quotation, "that", or a person as subject.
WEAK_LEMMAS: Final = {"want", "plan", "intend", "see", "hear", "learn", "find", "show", "determine",
               "know", "understand", "figure", "question", "ask", "demand", "urge", "promise",
               "pledge", "vow", "charge", "signal", "cite", "highlight", "underscore", "put",
               "post", "continue", "report", "quote", "imagine", "recognize", "project",
               "forecast", "agree", "indicate", "speak", "answer", "conclude", "predict",
               "estimate", "repeat", "counter", "state", "realize", "feel", "expect", "hope",
               "fear", "think", "guess", "respond", "reply", "add", "observe", "mention",
               "suspect", "doubt", "assume", "worry", "comment", "deny", "specify", "complain"}

# Words between a subject and its cue that do not break the link.
ADVERBS: Final = set(
    """also has have had later previously often once again then repeatedly recently further
    publicly privately separately earlier still already never always would will could may might
    later quickly frankly flatly bluntly simply just only even first last long since had been
    reportedly allegedly bluntly repeatedly explicitly specifically subsequently similarly
    apparently angrily openly directly not did does do""".split()
)
MONTHS: Final = set("""january february march april may june july august september october november december
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.""".split()) - {"may", "march"}
DAYS: Final = set("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    weekend morning afternoon evening night""".split())

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
PLURAL_ROLES: Final = {w for w in ROLE_WORDS if w.endswith("s") and not w.endswith("ss")} | {
    "people", "police", "men", "women", "spokespeople", "spokesmen"}

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
GROUP_PRONOUNS: Final = {"they", "them"}
# Shares of a poll's respondents that speak for them: "55 percent said", "half say", "a majority believe".
QUANTITY_WORDS: Final = {"percent", "%", "half", "majority", "minority", "plurality", "third", "thirds", "quarter",
                         "quarters", "fifth", "fifths", "most"}
NUMBER_WORDS: Final = set("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty sixty seventy eighty ninety hundred""".split())
ORGANIZATION_PRONOUNS: Final = {"it"}
PERSON_PRONOUNS: Final = {"he": "he", "she": "she", "him": "he", "her": "she"}
FIRST_PERSON: Final = {"i", "we", "you"}

# Determiners and quantifiers that may open a noun phrase.
DETERMINERS: Final = {"a", "an", "the", "some", "many", "several", "two", "three", "four", "five",
               "other", "another", "most", "few", "both", "all", "one", "his", "her", "their",
               "its", "our", "these", "those", "this", "that", "any", "senior", "top", "more",
               "dozens", "hundreds", "thousands", "numerous", "multiple", "various", "no"}

# Words that start a new clause: the subject of a cue never reaches past them.
CLAUSE_BREAKERS: Final = set(
    """that which because but while when although though if since so after before where whether
    until unless as than and or nor yet whereas once and,""".split()
)

# Prepositions that attach an affiliation to a role: "spokesman for the coalition".
AFFILIATION_PREPS: Final = {"for", "at", "of", "with", "from", "in"}

# How something was said: the medium phrases newsrooms use.
MEDIUM_PATTERNS: Final = [
    r"in an? (?:[\w-]+ ){0,3}(?:interview|statement|e-?mail|letter|op-ed|post|tweet|speech|"
    r"memo|report|video|podcast|broadcast|press release|press conference|news conference|"
    r"briefing|message|call|phone call|conversation|text message|blog post|column|essay|book|"
    r"appearance|testimony|hearing|filing|court filing|affidavit|opinion|editorial|address|"
    r"remarks|rally|town hall|debate|session|exchange|note|posting|announcement)s?",
    r"on (?:twitter|facebook|instagram|social media|x|television|tv|radio|cnn|fox news|msnbc|"
    r"the phone|a conference call|a call with reporters|the (?:senate|house) floor|camera)",
    r"by (?:telephone|phone|e-?mail|text|video link)",
    r"(?:told|telling|tells) (?:reporters|journalists|the press|a news conference|an audience|"
    r"supporters|the crowd|a crowd|lawmakers|the committee)",
    r"in (?:a |an )?(?:written )?(?:statement|testimony|remarks|comments)",
    r"during an? (?:[\w-]+ ){0,3}(?:interview|speech|briefing|hearing|debate|rally|news conference|"
    r"press conference|call|appearance|visit|address|event|meeting|town hall|session)",
    r"at an? (?:[\w-]+ ){0,3}(?:news conference|press conference|briefing|rally|hearing|event|"
    r"town hall|forum|meeting|campaign stop|summit|speech|fundraiser|debate)",
]

DEMONYMS: Final = {
    "american": "United States", "u.s.": "United States", "british": "United Kingdom",
    "russian": "Russia", "chinese": "China", "french": "France", "german": "Germany",
    "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria", "turkish": "Turkey",
    "israeli": "Israel", "palestinian": "Palestine", "saudi": "Saudi Arabia", "egyptian": "Egypt",
    "indian": "India", "pakistani": "Pakistan", "afghan": "Afghanistan", "japanese": "Japan",
    "korean": "Korea", "mexican": "Mexico", "canadian": "Canada", "italian": "Italy",
    "spanish": "Spain", "ukrainian": "Ukraine", "polish": "Poland", "dutch": "Netherlands",
    "jordanian": "Jordan", "lebanese": "Lebanon", "kurdish": "Kurdistan", "qatari": "Qatar",
    "emirati": "United Arab Emirates", "yemeni": "Yemen", "libyan": "Libya", "nigerian": "Nigeria",
    "kenyan": "Kenya", "brazilian": "Brazil", "australian": "Australia", "greek": "Greece",
    "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "irish": "Ireland",
    "scottish": "Scotland", "cuban": "Cuba", "venezuelan": "Venezuela", "colombian": "Colombia",
    "european": "European Union", "nato": "NATO", "u.n.": "United Nations",
}
COUNTRIES: Final = set(DEMONYMS.values()) | {
    "U.S.", "United States", "America", "Britain", "UK", "U.K.", "Washington", "Moscow",
    "Beijing", "Tehran", "Ankara", "Damascus", "Baghdad", "Kabul", "Paris", "Berlin", "London",
    "Tokyo", "Seoul", "Pyongyang", "Jerusalem", "Cairo", "Riyadh", "Kiev", "Kyiv", "Brussels",
    "Ottawa", "Canberra", "Delhi", "New Delhi", "Islamabad", "Doha", "Rome", "Madrid", "Athens",
    "North Korea", "South Korea", "Taiwan",
}
