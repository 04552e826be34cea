"""Who a source is in the newsroom's sense: the class of their role, for sourcing audits.

Sourcing studies count officials, experts and citizens. A source's ``role_class`` is one of
the classes below, read from its role words ("spokeswoman", "professor"), its title ("Sen.",
"Dr."), and the organisation it speaks for ("the ministry", "Tesco", "the union"). Each list
holds the words of one class, lower case: role nouns, titles and organisation heads alike,
because "police" says the same whether it is the role ("police said") or the affiliation
("a police spokesman"). A source none of them names is ``unknown``.

Where the boundary cases go:
- *official* against *politician*: who holds or seeks elected or political office is a
  politician (president, prime minister, minister, senator, mayor, governor, candidate, party
  and campaign staff); who works for the state without being elected is an official (civil
  servants, spokespeople, police, military, diplomats, judges and prosecutors, regulators,
  "authorities"). Kings and queens are officials: they hold office without seeking it.
- *spokespeople, directors, chairs, presidents, members*: their class is that of whom they
  speak for (DEFERRING_ROLES): a spokesman for a ministry is an official, for a company
  business, for a charity civil society, for a university an expert. Without an
  organisation, the class in this module that lists the word decides (a spokesman is an
  official, a president a politician).
- *experts*: professions that speak from knowledge (scientists, academics, analysts,
  doctors, lawyers, economists, pollsters), and the bodies they speak from (universities,
  institutes, hospitals). A lawyer for one side is still an expert here.
- *business*: executives, owners, traders, and companies; their employees speak as the
  company's.
- *civil society*: unions, charities, NGOs, churches and their clergy, campaign groups and
  activists, associations and clubs.
- *citizen*: people quoted as private persons: residents, witnesses, voters, parents, fans,
  victims, relatives, passengers, students, workers, protesters.
- *media*: journalists, editors, hosts, outlets and wires.
- *intergovernmental bodies* (UN agencies, the IMF, the EU; INTERGOVERNMENTAL) and their staff are
  officials; their source type is organization (not the government of a state).
- *unknown*: named people with no role the article states, and roles in none of these
  classes: artists, athletes, coaches, entertainers (the scheme has no class for them).
"""

from typing import Final

OFFICIAL: Final = frozenset(
    """official officials spokesman spokeswoman spokesperson spokespeople spokesmen press
    authority authorities officer officers police policeman policewoman policemen detective detectives
    inspector superintendent constable constables sheriff trooper troopers commissioner commissioners
    commander commanders commandant general generals colonel lieutenant sergeant admiral major brigadier
    marshal corporal private soldier soldiers troops military army navy forces force guard coalition
    brigade battalion command diplomat diplomats ambassador ambassadors envoy envoys consul attache
    judge judges justice justices magistrate magistrates prosecutor prosecutors coroner regulator
    regulators administrator administrators auditor comptroller bureaucrat bureaucrats firefighter
    firefighters rescuers rescuer paramedics paramedic investigators investigator examiner ranger
    ministry ministries department government administration agency bureau office embassy
    consulate court tribunal regime kremlin pentagon treasury directorate inspectorate service
    secretariat constabulary gendarmerie municipality king queen prince princess monarch emir
    col. gen. lt. sgt. capt. maj. adm. cmdr. cpl. pvt. supt. insp. det.
    fire-fighters staff inquiry commission library libraries museum town city county village borough
    parish province state-run""".split()
)
POLITICIAN: Final = frozenset(
    """president vice-president premier chancellor minister ministers secretary senator senators
    representative representatives congressman congresswoman congressmen lawmaker lawmakers legislator
    legislators mp mps parliamentarian parliamentarians mayor governor governors councilman councilwoman
    councillor councillors councilor councilors alderman candidate candidates nominee nominees delegate
    delegates leader leaders politician politicians statesman strategist strategists operative operatives
    surrogate surrogates aide aides adviser advisers advisor advisors campaign party parliament congress
    senate assembly caucus committee cabinet legislature republican republicans democrat democrats
    conservative conservatives liberal liberals progressive progressives tory tories speaker whip
    incumbent challenger challengers opposition sen. rep. gov. pres. reps. sens.""".split()
)
EXPERT: Final = frozenset(
    """analyst analysts expert experts professor professors prof. researcher researchers scientist scientists
    economist economists scholar scholars historian historians academic academics doctor doctors dr.
    physician physicians surgeon surgeons nurse nurses epidemiologist epidemiologists virologist
    meteorologist meteorologists engineer engineers pollster pollsters lawyer lawyers attorney attorneys
    counsel author authors co-author co-authors consultant consultants specialist specialists biologist
    chemist physicist zoologist anthropologist psychologist psychiatrist geologist seismologist
    volcanologist astronomer oceanographer climatologist ecologist sociologist criminologist archaeologist
    statistician demographer biomechanicist pharmacist veterinarian dentist lecturer fellow fellows
    university universities college institute institution laboratory lab academy hospital clinic
    observatory think-tank study team chancellor provost dean""".split()
)
BUSINESS: Final = frozenset(
    """executive executives ceo cfo coo cto owner owners
    businessman businesswoman businessmen entrepreneur entrepreneurs trader traders banker bankers
    investor investors shareholder shareholders retailer retailers merchant merchants shopkeeper
    developer developers contractor contractors manufacturer producer producers dealer dealers broker
    brokers company companies firm firms corporation corp. corp inc. inc ltd. ltd plc llc co. bank banks
    chain holdings industries partners airline carrier insurer lender utility supermarket exporters
    exporter manufacturers employers producer
    business businesses industry""".split()
)
CIVIL_SOCIETY: Final = frozenset(
    """activist activists campaigner campaigners advocate advocates organizer organizers organiser
    organisers volunteer volunteers unionist unionists priest priests pastor pastors bishop bishops
    archbishop cardinal pope rabbi imam imams cleric clerics reverend rev. father sister monk nun sheikh
    chaplain union unions charity charities foundation association associations society church churches
    mosque temple diocese federation league alliance movement trust club ngo ngos nonprofit
    non-profit organisation organization group groups forum network humanitarian""".split()
)
CITIZEN: Final = frozenset(
    """resident residents witness witnesses eyewitness eyewitnesses voter voters parent parents mother
    mothers father fathers son sons daughter daughters wife husband brother sister relative relatives
    family families neighbor neighbors neighbour neighbours friend friends fan fans victim victims
    survivor survivors student students passenger passengers customer customers patient patients
    villager villagers local locals citizen citizens man men woman women child children
    teenager teenagers protester protesters demonstrator demonstrators refugee refugees supporter
    supporters user users viewer viewers worker workers employee employees farmer farmers teacher
    teachers shopper shoppers commuter commuters driver drivers tenant tenants homeowner homeowners
    onlooker onlookers mechanic mechanics electrician plumber cook cleaner waiter waitress builder labourer
    laborer retiree retirees pensioner pensioners rider riders attendee attendees participant participants tourist tourists
    migrant migrants widow widower uncle aunt cousin grandmother grandfather""".split()
)
MEDIA: Final = frozenset(
    """journalist journalists reporter reporters editor editors columnist columnists correspondent
    correspondents anchor anchors host hosts presenter presenters broadcaster broadcasters commentator
    commentators blogger bloggers photographer writer writers media newspaper newspapers
    outlet outlets magazine channel radio television tv wire press-agency""".split()
)
# The classes, in the order a word is looked up (a word in two lists takes the first), each
# named by its list above; "unknown" is the class of a source none of them names.
ROLE_CLASSES: Final = ("official", "politician", "expert", "business", "civil society", "citizen", "media")
# Roles whose class is that of the organisation they speak for, when the article names one.
DEFERRING_ROLES: Final = frozenset(
    """spokesman spokeswoman spokesperson spokespeople spokesmen director directors chairman chairwoman chair
    president vice-president head chief executive executives member members official officials officer
    officers secretary manager managers leader leaders staff employee employees worker workers
    representative representatives adviser advisers advisor aide aides chancellor founder co-founder
    coordinator administrator captain commander commanders""".split()
)
# Roles of several words whose class differs from their last word's, wherever the job is done:
# a "general secretary" leads a union, a "press secretary" is a spokesperson. Read first.
ROLE_PHRASES: Final = {
    "press secretary": "official", "press officer": "official", "general secretary": "civil society",
    "secretary of state": "politician", "attorney general": "official", "secretary-general": "official",
    "chief executive": "business", "managing director": "business",
    "prime minister": "politician", "first minister": "politician", "first lady": "politician",
    "police chief": "official", "fire chief": "official", "chief of staff": "politician",
    "health aide": "citizen", "teaching aide": "citizen", "home aide": "citizen", "care worker": "citizen",
    "food critic": "media", "film critic": "media", "theatre critic": "media", "theater critic": "media",
    "music critic": "media", "art critic": "media", "restaurant critic": "media", "television critic": "media",
}
# The last word of many companies' names ("Halvorsen Systems", "Calder Homes", "Midland Water"):
# an organisation so named is a business.
COMPANY_NAME_WORDS: Final = frozenset(
    """systems technologies technology industries holdings partners group inc corp ltd llc plc co company
    motors airlines airways securities capital homes foods pharmaceuticals pharma labs enterprises ventures
    logistics solutions energy water power electric oil gas mining resources bancorp insurance brands retail
    stores""".split()
)
# Bodies of several states, whose sources are officials: "the World Food Programme", "the IMF".
INTERGOVERNMENTAL: Final = frozenset(
    {"United Nations", "UN", "U.N.", "World Health Organization", "WHO", "World Food Programme", "WFP",
     "International Monetary Fund", "IMF", "World Bank", "UNHCR", "UNICEF", "Unicef", "UNESCO", "Unesco",
     "International Organization for Migration", "IOM", "NATO", "European Union", "EU", "E.U.",
     "European Commission", "OECD", "World Trade Organization", "WTO", "African Union", "ASEAN",
     "International Atomic Energy Agency", "IAEA", "Food and Agriculture Organization", "FAO",
     "International Criminal Court", "Security Council", "Interpol", "Europol", "OPEC"}
)
