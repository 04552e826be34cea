#!/usr/bin/env python3
"""Build tests/gold/gold.jsonl from the readable annotations below.

Each annotation names the article, the attributed content (a string, a list of
fragment strings for an interrupted quote, or span=(first words, last words) for a
long quote running over paragraphs), the speaker as written, the cue, and our own
resolved_speaker / affiliation / anonymous fields, and each source's kind (KINDS below).  All offsets are computed here
by searching the article text; the script stops with an error when a string is
not found, is ambiguous, or lands somewhere unexpected.

Run:  python tests/gold/make_gold.py      (rewrites tests/gold/gold.jsonl)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
OUT = os.path.join(HERE, "gold.jsonl")

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
MAX_GAP = 400      # fragment to fragment
MAX_DIST = 300     # content to speaker / cue

RECORDS = []


def R(article, content, speaker, cue, resolved, affiliation=None, anonymous=False,
      occ=None, span=None, sp_occ=None, cue_occ=None):
    """One attribution.  occ: which occurrence of the (first) content string, when
    it occurs more than once.  sp_occ / cue_occ: force an occurrence of the speaker /
    cue string (index among all occurrences in the article) instead of the nearest."""
    RECORDS.append(dict(article=article, content=content, speaker=speaker, cue=cue,
                        resolved=resolved, affiliation=affiliation, anonymous=anonymous,
                        occ=occ, span=span, sp_occ=sp_occ, cue_occ=cue_occ))


# ---------------------------------------------------------------------------
# islamic-state-deir-ezzour (the project's first article; story only)
A = "islamic-state-deir-ezzour"
IS = "Islamic State"
COAL = "U.S.-led coalition"
P1 = ("As U.S.-backed forces pursue high-profile offensives on Islamic State's two remaining major "
      "strongholds, the militants are quietly bracing to make a last stand in a remote resource-rich "
      "Syrian province")
R(A, P1, "residents", "according to", "residents of Deir Ezzour province", None, True)
R(A, P1, "the group's fighters", "according to", "Islamic State fighters", IS, True)
R(A, ["Military commanders and families of Islamic State fighters have been bused to Deir Ezzour province",
      "from both Mosul, in Iraq, and Raqqa, the de facto capital in Syria of the group's self-proclaimed caliphate"],
  "they", "said", "residents and Islamic State fighters", None, True)
P3 = ("The militants are regrouping in Deir Ezzour because of its economic and strategic importance "
      "as a hub of oil and agriculture")
R(A, P3, "Western officials", "according to", "Western officials", None, True)
R(A, P3, "current and former Islamic State fighters", "according to",
  "current and former Islamic State fighters", IS, True)
R(A, ["The red line is where the oil and the resources exist, it will be protected as much as possible. "
      "It's not important where Islamic State is located--we proved that we can come back anywhere, anytime",
      "But places like Deir Ezzour are irreplaceable."],
  "an Islamic State commander", "said", "an Islamic State commander", IS, True)
R(A, "Islamic State explains the ousters by pointing to old and often distant ties local families have "
     "to the Syrian regime or the Free Syrian Army, an opposition rebel group--ties the extremists ignored "
     "when they were on the rise", "residents", "said", "residents of Deir Ezzour province", None, True)
# nested: Islamic State's own justification for the evictions
R(A, "old and often distant ties local families have to the Syrian regime or the Free Syrian Army, "
     "an opposition rebel group", "Islamic State", "pointing to", "Islamic State", IS)
R(A, "The move to Deir Ezzour reflects the group's evolution", "the commander", "according to",
  "an Islamic State commander", IS, True)
R(A, 'With Islamic State running out of havens, Deir Ezzour is the "natural fallback" option',
  "Col. John Dorrian, Baghdad-based spokesman for the U.S.-led coalition", "said", "John Dorrian", COAL)
R(A, ["My concern is that we're not really thinking about Deir Ezzour, it's on no one's radar",
      "It's a 'later' problem for the coalition."],
  "a Western diplomat based in the Middle East whose country is part of the U.S.-led coalition", "said",
  "a Western diplomat based in the Middle East", None, True)
R(A, "the coalition is keeping an eye on the militants' movements in the province", "Col. Dorrian", "said",
  "John Dorrian", COAL)
R(A, ["Islamic State generated as much as $500 million in revenue from oil sales in 2015",
      "with much of that oil coming from Syria"],
  "a senior U.S. administration official", "said", "a senior U.S. administration official",
  "U.S. administration", True)
R(A, ["In Iraq, they may have enough [oil] to steal and refine for their own use, but not make millions of "
      "dollars off of it like they use to", "But they still have the ability to make a profit to some extent in Syria."],
  "Col. Dorrian", "said", "John Dorrian", COAL)
R(A, "The money they make is vital to funding the group's affiliates abroad",
  "jihadist comments in online chat rooms", "according to", "jihadist comments in online chat rooms", None, True)
R(A, "the militants likely use hawalas, or informal money transfers, and cash couriers to spread the wealth",
  "Western officials", "said", "Western officials", None, True)
R(A, "Islamic State's ability to launch international attacks is essential to its image as a terror group "
     "with global reach, and the more money it can send to affiliates before it loses control of oil fields, "
     "the longer that image will endure", "the officials", "said", "Western officials", None, True)
R(A, "Deir Ezzour is also significant because Islamic State has used it to store crude chemical weapons it "
     "has manufactured", "recent midlevel defectors", "according to",
  "recent midlevel Islamic State defectors", None, True)
R(A, ["The militants lack the sophistication to use the weapons to harm well-protected U.S. forces on the battlefield",
      "but the group has used chemical weapons effectively against civilians and often poorly-equipped local "
      "forces the U.S. relies on to combat Islamic State"],
  "Western officials", "said", "Western officials", None, True)
R(A, "Moscow might look for ways to disrupt future coalition airstrikes on Deir Ezzour",
  "Jennifer Cafarella, a Syria analyst at the Institute for the Study of War", "according to",
  "Jennifer Cafarella", "Institute for the Study of War")
R(A, "it was sending advanced antiaircraft systems to Syria", "Russia", "said", "Russia", "Russia")
R(A, ["Those systems could be sent to Deir Ezzour",
      'where they could be "part of the bargaining chip Russia continues to play with the U.S. for leverage in Syria."'],
  "she", "said", "Jennifer Cafarella", "Institute for the Study of War")

# ---------------------------------------------------------------------------
# wire copy, Reuters style
A = "wire-valparaiso-port-strike"
UNION = "Union of Port Workers of Valparaiso"
R(A, ["We are not going back until the companies put a real offer on the table",
      "Three days or thirty, it is up to them."],
  "Ramón Ibarra, president of the Union of Port Workers of Valparaiso", "told", "Ramón Ibarra", UNION)
R(A, "that the union had rejected a proposal for a 4 percent wage increase spread over two years",
  "Ibarra", "said", "Ramón Ibarra", UNION)
R(A, "an insult to people who work nights on the cranes.", "Ibarra", "calling", "Ramón Ibarra", UNION)
R(A, 'that it had offered "the most generous package in the sector"', "The Pacific Terminal Group", "said",
  "Pacific Terminal Group", "Pacific Terminal Group")
R(A, "workers to return while negotiations continued", "The Pacific Terminal Group", "urged",
  "Pacific Terminal Group", "Pacific Terminal Group")
R(A, "About 40 vessels were anchored in the bay by Tuesday afternoon", "the port authority", "according to",
  "the Valparaiso port authority", "Valparaiso port authority")
R(A, "that each day of stoppage was costing exporters around $18 million, mostly in delayed fruit and copper shipments",
  "Shipping agents", "estimated", "shipping agents", None, True)
R(A, "the companies had signaled on Monday they could raise the offer to 6 percent, but the union also wants "
     "limits on the length of night shifts", "two people involved in the talks", "According to",
  "two people involved in the talks", None, True)
R(A, ["Fruit does not wait",
      "Every hour these containers sit on the dock, we lose quality and we lose customers in Asia."],
  "Carolina Méndez, head of the regional fruit exporters' association", "said", "Carolina Méndez",
  "regional fruit exporters' association")
R(A, "it would send a mediator to Valparaiso on Wednesday", "Chile's Labor Ministry", "said",
  "Chile's Labor Ministry", "Chilean government")
R(A, 'that the government respected the right to strike but expected "both sides to show flexibility."',
  "Labor Minister Tomás Reyes", "told", "Tomás Reyes", "Chilean government")
# a reporter's question with no source given
R(A, "whether the union would accept mediation", None, "Asked", "reporters", None, True)
R(A, "We will sit down with anyone. But we will not sit down to be told to accept less.", "Ibarra", "said",
  "Ramón Ibarra", UNION)

# ---------------------------------------------------------------------------
# wire copy, AP style
A = "wire-ghana-central-bank"
BOG = "Bank of Ghana"
R(A, "inflation was slowing faster than expected", "Ghana's central bank", "saying", "Bank of Ghana", BOG)
R(A, "that the currency remained vulnerable", "Ghana's central bank", "warning", "Bank of Ghana", BOG)
R(A, "The committee judged that the risks to the outlook are now broadly balanced",
  "Governor Kwesi Adjei-Mensah", "said", "Kwesi Adjei-Mensah", BOG)
R(A, "the bank expected inflation to fall below 15 percent by the end of the year, from 21 percent in March",
  "Adjei-Mensah", "said", "Kwesi Adjei-Mensah", BOG)
R(A, 'that the bank would "not hesitate" to tighten policy if the cedi weakened sharply', "He", "added",
  "Kwesi Adjei-Mensah", BOG)
R(A, "consumer prices rose 18.2 percent in the year to April, the slowest pace in three years",
  "Official data", "show", "official Ghanaian data", "Ghana government")
R(A, ["This is the right call, but it's a close call",
      "Food prices are falling because of a good harvest, and harvests don't last forever."],
  "Dr. Abena Owusu-Darko, a professor of economics at the University of Cape Coast", "said",
  "Abena Owusu-Darko", "University of Cape Coast")
R(A, "that a further 10 percent fall in the cedi would add about three percentage points to inflation within six months",
  "Owusu-Darko", "estimated", "Abena Owusu-Darko", "University of Cape Coast")
R(A, 'that the country\'s recovery was "taking hold" but that debt remained high',
  "The International Monetary Fund", "said", "International Monetary Fund", "International Monetary Fund")
R(A, "they have yet to feel any relief", "Traders at Accra's Makola market", "say",
  "traders at Accra's Makola market", None, True)
R(A, ["Prices come down on the radio, not in my shop", "My customers still count every coin."],
  "Efua Mensah", "said", "Efua Mensah", None)

# ---------------------------------------------------------------------------
# long-form feature
A = "feature-carrick-point-keeper"
NLB = "Northern Lighthouse Board"
R(A, ["People think it's romantic", "It's mostly paint and rust and waiting for the weather."],
  "she", "says", "Agnes Tulloch", None)
R(A, "the board's decision to sell the keeper's cottage next spring is overdue", "Douglas Fairlie", "says",
  "Douglas Fairlie", "Carrick community council")
R(A, ["The building needs a new roof", "and the money would be better spent on the harbor wall"],
  "he", "says", "Douglas Fairlie", "Carrick community council")
R(A, "We can't run a village on nostalgia", "Fairlie", "said", "Douglas Fairlie", "Carrick community council")
R(A, "the light needs a human being nearby, automation or not", "she", "believes", "Agnes Tulloch", None)
R(A, "that a fishing boat had been working the rocks that night", "they", "told",
  "the Northern Lighthouse Board's engineers", NLB, True)
R(A, ["Machines are clever", "They're not curious. Somebody has to look out of the window and wonder why it's dark."],
  "she", "said", "Agnes Tulloch", None)
R(A, 'the organisation was "enormously grateful" for Tulloch\'s service and that no decision on the cottage\'s '
     "future had been finalized", "A spokeswoman for the Northern Lighthouse Board", "said",
  "a spokeswoman for the Northern Lighthouse Board", NLB, True)
R(A, 'the board\'s remote monitoring systems had "an excellent safety record."', "The spokeswoman", "said",
  "a spokeswoman for the Northern Lighthouse Board", NLB, True)
R(A, "his aunt will move in with him eventually", "Her nephew, Callum Tulloch", "thinks", "Callum Tulloch", None)
R(A, "she will ever stop climbing", "He", "is less sure", "Callum Tulloch", None)
R(A, ["She told me she'd come to Aberdeen when the sea gets boring", "So, never."],
  "he", "said", "Callum Tulloch", None)

# ---------------------------------------------------------------------------
# interview-heavy profile
A = "interview-chef-achterberg"
R(A, "I cooked for critics, not for the neighborhood. The critics came once. The neighborhood never came at all.",
  "Achterberg", ":", "Imani Achterberg", "Marrow")
R(A, "what she learned from the lawsuit", None, "Asked", "the interviewer", None, True)
R(A, ["Read the lease", "Then have someone smarter than you read the lease."], "she", "said",
  "Imani Achterberg", "Marrow")
R(A, "the approach began as a way to cut costs", "She", "says", "Imani Achterberg", "Marrow")
R(A, ["Nothing gets thrown away here", "A carrot top is just a sauce that hasn't happened yet."],
  "she", "said", "Imani Achterberg", "Marrow")
R(A, "Achterberg had rebuilt the kitchen's culture from the ground up", "Her business partner, Joost van Leeuwen",
  "said", "Joost van Leeuwen", "Marrow")
R(A, ["She pays people properly, and she sends them home on time", "In this industry, that's almost radical."],
  "he", "said", "Joost van Leeuwen", "Marrow")
R(A, 'she was "happy for about a day" before worrying about consistency', "Achterberg", "said",
  "Imani Achterberg", "Marrow")
R(A, ["A bakery", "Bread is the thing I'm still bad at."], "she", "said", "Imani Achterberg", "Marrow")
R(A, "the most generous restaurant in the Netherlands.", "the food critic Hanneke Bosman", "called",
  "Hanneke Bosman", "De Volkskrant")
R(A, "she no longer reads reviews", "Achterberg", "insists", "Imani Achterberg", "Marrow")
R(A, ["My mother reads them to me over the phone", "So I suppose I do."], "she", "admitted",
  "Imani Achterberg", "Marrow")

# ---------------------------------------------------------------------------
# anonymous-source national-security story
A = "natsec-energy-contractor-breach"
USG = "U.S. government"
HAL = "Halvorsen Systems"
R(A, "Hackers Linked to Foreign Intelligence Breached Energy Department Contractor", "Officials", "Say",
  "U.S. officials", USG, True)
P = ("Hackers working for a foreign intelligence service broke into the computer network of a major Energy "
     "Department contractor last fall and remained undetected for nearly five months")
R(A, P, "U.S. officials", "according to", "U.S. officials", USG, True)
R(A, P, "people familiar with the matter", "according to", "people familiar with the matter", None, True)
R(A, "The intruders copied engineering files related to the maintenance of nuclear weapons storage sites",
  "a senior administration official", "said", "a senior administration official", "U.S. administration", True)
R(A, "that no classified weapons designs were taken", "the official", "stressed",
  "a senior administration official", "U.S. administration", True)
R(A, "the intrusion had been traced to a hacking group that has previously targeted European defense ministries",
  "Two people familiar with the investigation", "said", "two people familiar with the investigation", None, True)
R(A, "The breach was discovered in February, when the contractor, Halvorsen Systems of Albuquerque, noticed "
     "unusual data transfers late at night", "the people", "said",
  "two people familiar with the investigation", None, True)
R(A, 'that it was "aware of a cybersecurity incident" at one of its contractors and was working with the FBI',
  "The Energy Department", "said", "Energy Department", "Energy Department")
R(A, "There is no indication that any operational systems were affected", "the statement", "said",
  "Energy Department statement", "Energy Department")
R(A, 'the company had "taken aggressive steps to secure its networks" and was cooperating fully with federal authorities',
  "A spokesman for Halvorsen Systems, Peter Caldwell", "said", "Peter Caldwell", HAL)
R(A, "the episode had renewed concern in Congress about the security of the vast network of private firms that "
     "handle sensitive government work", "Officials", "said", "U.S. officials", USG, True)
R(A, "We keep outsourcing our most sensitive work to companies that are one phishing email away from disaster",
  "Sen. Maria Okonkwo (D-Md.), a member of the Senate Intelligence Committee", "said", "Maria Okonkwo",
  "Senate Intelligence Committee")
R(A, 'the five-month gap before detection was "the part that should keep people up at night."',
  "One former intelligence official", "said", "a former intelligence official", None, True)
R(A, "the White House was weighing a response, including possible sanctions, but had not reached a decision",
  "The officials", "said", "U.S. officials", USG, True)
R(A, "The administration believes the operation was aimed at mapping vulnerabilities rather than sabotage",
  "one official briefed on the findings", "according to", "an official briefed on the findings", USG, True)
# nested belief
R(A, "the operation was aimed at mapping vulnerabilities rather than sabotage", "The administration", "believes",
  "the U.S. administration", "U.S. administration")

# ---------------------------------------------------------------------------
# New York Times style: '' as opening and closing quotation marks
A = "nyt-hudson-transit-fares"
TB = "Hudson Valley Regional Transit Board"
R(A, "members to reject it", "dozens of riders", "urged", "dozens of riders", None, True)
R(A, ["We have cut everything we can cut without cutting service",
      "The alternative to this increase is fewer trains, and nobody in this room wants that."],
  "Elaine Marchetti, the board's chairwoman", "said", "Elaine Marchetti", TB)
R(A, "the increase would raise about $42 million a year, closing roughly half of the system's projected deficit",
  "Ms. Marchetti", "said", "Elaine Marchetti", TB)
R(A, ["The rest", "would have to come from the state"], "she", "said", "Elaine Marchetti", TB)
R(A, "the increase would cost her nearly $30 a month", "Dolores Whitfield, a home health aide who commutes from Newburgh",
  "said", "Dolores Whitfield", None)
R(A, "That's a week of groceries for my grandson", "she", "said", "Dolores Whitfield", None)
R(A, "that the authority had not done enough to collect unpaid fares", "Several board members who voted no",
  "argued", "several board members who voted no", TB, True)
R(A, "We're asking the people who pay to cover for the people who don't",
  "Raymond Osei, a member appointed by the Dutchess County executive", "said", "Raymond Osei", TB)
R(A, "that the governor ''shares the frustration of riders'' and would propose additional transit aid in her "
     "budget in January", "A spokesman for Gov. Linda Castellano, Mark Feeney", "said", "Mark Feeney",
  "office of Gov. Linda Castellano")
R(A, "We've heard 'next year' for a decade", "Priya Raman, the director of the Riders Alliance of the Hudson Valley",
  "said", "Priya Raman", "Riders Alliance of the Hudson Valley")

# ---------------------------------------------------------------------------
# curly quotes with nested single curly quotes
A = "curly-okafor-runoff"
OK = "Okafor campaign"
R(A, "that recent polls showing his challenger within two points did not worry him", "Gov. Daniel Okafor",
  "insisting", "Daniel Okafor", OK)
R(A, ["I’ve been counted out before", "In 2018 a newspaper called me ‘the accidental candidate.’ I’m still here."],
  "Okafor", "told", "Daniel Okafor", OK)
R(A, "the governor of neglecting rural hospitals, three of which have closed since he took office",
  "His challenger, state Treasurer Miriam Castellanos-Hale", "has accused", "Miriam Castellanos-Hale",
  "Castellanos-Hale campaign")
R(A, "the closures were “a choice, not an accident.”", "she", "said", "Miriam Castellanos-Hale",
  "Castellanos-Hale campaign")
R(A, ["When a hospital closes, a town starts to die",
      "The governor likes to say ‘we’re all in this together,’ but he wasn’t in the room when those hospitals "
      "shut their doors."], "Castellanos-Hale", "said", "Miriam Castellanos-Hale", "Castellanos-Hale campaign")
R(A, "the treasurer was “rewriting history.”", "Okafor’s campaign manager, Terrence Bello", "said",
  "Terrence Bello", OK)
R(A, ["The governor", "had steered $60 million in emergency funding to rural clinics"], "he", "said",
  "Terrence Bello", OK, occ=1)
R(A, "Okafor at 47 percent and Castellanos-Hale at 45 percent, within the survey’s margin of error",
  "A poll released Friday by Linwood State University", "showed", "Linwood State University poll",
  "Linwood State University")
R(A, "turnout in the suburbs around the capital would likely decide the race", "Pollsters", "said",
  "pollsters", None, True)
R(A, "whether he would debate his rival a second time", "reporters", "asked", "reporters", None, True)
R(A, "he had “said everything that needs saying.”", "Gov. Okafor", "said", "Daniel Okafor", OK)
R(A, ["I voted for him last time", "This time I’m not sure. My sister had to drive ninety minutes to have her baby."],
  "Harold Maddox, 71, a retired mechanic", "said", "Harold Maddox", None)

# ---------------------------------------------------------------------------
# straight double quotes with nested 'single' quotes
A = "straight-bramford-housing"
R(A, "more time to review the plan", "residents", "demand", "Riverside residents", None, True)
R(A, ["This is the biggest change to Riverside in fifty years and we got the documents on Friday afternoon",
      "People keep telling us 'trust the process.' We'd like to read the process first."],
  "Janet Olufemi", "said", "Janet Olufemi", "Riverside Neighbors Association")
R(A, 'the delay would be "two weeks, not two months," and that he expected a vote on Nov. 18',
  "Council President Arjun Malhotra", "said", "Arjun Malhotra", "Bramford City Council")
R(A, "20 percent of the units would be rented at below-market rates", "The developer, Calder Homes", "says",
  "Calder Homes", "Calder Homes")
R(A, 'the project was "the most affordable private development this city has seen,"',
  "Company vice president Lisa Warrender", "told", "Lisa Warrender", "Calder Homes")
R(A, "that further delays could raise construction costs", "Company vice president Lisa Warrender", "adding",
  "Lisa Warrender", "Calder Homes")
R(A, "the development would add about 1,400 residents to the neighborhood", "City planning staff", "estimated",
  "Bramford city planning staff", "Bramford city government", True)
R(A, "that the council approve it with conditions on traffic and flood protection", "City planning staff",
  "recommended", "Bramford city planning staff", "Bramford city government", True)
R(A, ["My kids can't afford to live in the town they grew up in",
      "When people say 'not here,' I want to know where, exactly."],
  "Tom Brennan, a retired firefighter", "said", "Tom Brennan", None)
R(A, "she would push for a larger share of affordable units", "Councilwoman Renée Dubois", "said",
  "Renée Dubois", "Bramford City Council")
R(A, "a floor, not a ceiling.", "She", "called", "Renée Dubois", "Bramford City Council")
R(A, 'that the site\'s levee "has not been evaluated against current rainfall projections."',
  "the regional flood authority", "warned", "the regional flood authority", "regional flood authority")

# ---------------------------------------------------------------------------
# a quote running over several paragraphs; split quotes
A = "multipara-ashby-dam-inquiry"
R(A, "that he had warned his managers twice that week about rising water behind the spillway",
  "The engineer on duty the night the Ashby Reservoir dam failed", "told", "Neil Hartigan", None)
R(A, None, "He", "told", "Neil Hartigan", None,
  span=("I rang the duty manager at about ten past nine", "I should have started doing that three hours earlier."))
R(A, "he had not been given authority to order an evacuation himself", "Hartigan", "said", "Neil Hartigan", None)
R(A, ["That decision sat above me", "and I had no way to reach the people it sat with."], "he", "said",
  "Neil Hartigan", None)
R(A, "whether he had ever raised concerns about the spillway before that winter",
  "Counsel for the inquiry, Fiona Mair", "asked", "Fiona Mair", "Ashby Reservoir inquiry")
R(A, "he had written to the company in 2021 recommending repairs to a section of concrete, but had never received a reply",
  "Hartigan", "said", "Neil Hartigan", None)
R(A, 'that it "deeply regrets" the loss of life and that it was cooperating fully with the inquiry',
  "Midland Water", "said", "Midland Water", "Midland Water")
R(A, "that its records show no such letter", "The company", "has previously said", "Midland Water", "Midland Water")
R(A, "he expected to publish interim findings in the spring", "The inquiry's chairman, Sir Anthony Loane", "said",
  "Anthony Loane", "Ashby Reservoir inquiry")
R(A, "criminal charges", "The families of the two victims", "have called for", "the families of the two victims",
  None, True)

# ---------------------------------------------------------------------------
# mixed quotes ("dead on arrival"), a so-called term that is not an attribution
A = "mixed-lindqvist-budget"
GOV = "office of Gov. Patricia Lindqvist"
R(A, 'that Gov. Patricia Lindqvist\'s $48 billion budget was "dead on arrival,"',
  "Republican leaders in the state Senate", "said", "Republican leaders in the state Senate",
  "Senate Republicans", True)
R(A, 'the budget spent too much on what he called "pet projects of the governor\'s friends."',
  "Senate Majority Leader Carl Breuer", "said", "Carl Breuer", "Senate Republicans")
R(A, "pet projects of the governor's friends.", "he", "called", "Carl Breuer", "Senate Republicans")
R(A, ["This budget is a wish list, not a plan", "The governor knows it won't pass."], "Breuer", "told",
  "Carl Breuer", "Senate Republicans")
R(A, 'the Senate leaders were "playing politics with school funding"', "Her spokeswoman, Dana Pruitt", "said",
  "Dana Pruitt", GOV)
R(A, "that the budget included no new taxes", "Her spokeswoman, Dana Pruitt", "noted", "Dana Pruitt", GOV)
R(A, 'she was "open to conversations" but would not accept cuts to classroom spending', "she", "said",
  "Patricia Lindqvist", GOV)
R(A, "I've been in enough budget fights to know that the first day's headlines are rarely the last word",
  "she", "said", "Patricia Lindqvist", GOV)
R(A, "that the reserve fund would fall to $900 million by 2027 if the transfer went ahead, below the level "
     "ratings agencies consider prudent", "The nonpartisan Legislative Fiscal Office", "estimated",
  "Legislative Fiscal Office", "Legislative Fiscal Office")
R(A, 'that his caucus would "read the fine print before we pick a side."', "Sen. Omar Haddad, the minority leader",
  "said", "Omar Haddad", "Senate Democrats")
R(A, "that repeated use of reserves could put pressure on its AA rating", "Moody's, the credit rating agency",
  "has warned", "Moody's", "Moody's")

# ---------------------------------------------------------------------------
# "according to" at both ends; several sources for one claim; countries and ministries
A = "according-to-cabo-delgado-displaced"
P = "More than 12,000 people have fled renewed fighting around the town of Macomia in the past week"
R(A, P, "residents", "according to", "residents of the Macomia area", None, True)
R(A, P, "aid workers", "according to", "aid workers", None, True)
R(A, "most of the newly displaced are women and children who walked for several days to reach the provincial "
     "capital, Pemba", "the International Organization for Migration", "According to",
  "International Organization for Migration", "International Organization for Migration")
R(A, "Insurgents attacked at least four villages on Sunday and Monday, burning homes and a health clinic",
  "residents", "said", "residents of the Macomia area", None, True)
R(A, 'the attackers arrived at dawn and "shot at anything that moved."', "One man who fled with his family",
  "said", "a man who fled with his family", None, True)
R(A, 'that the army had "restored control" of the main road north of Macomia and that the situation was "stabilizing."',
  "Mozambique's Defense Ministry", "said", "Mozambique's Defense Ministry", "Mozambique")
R(A, "it had enough food in Pemba to feed the displaced for only three more weeks", "The World Food Programme",
  "said", "World Food Programme", "World Food Programme")
R(A, ["We are stretching every sack of maize", "Without new funding, we will have to cut rations in November."],
  "Helena Tavares, the agency's country director", "said", "Helena Tavares", "World Food Programme")
R(A, "its forces had repelled an attack near Mocímboa da Praia on Tuesday", "Rwanda", "said", "Rwanda", "Rwanda")
R(A, "they were preparing additional humanitarian funding", "Portugal", "said", "Portugal", "Portugal")
R(A, "they were preparing additional humanitarian funding", "the European Union", "said", "European Union",
  "European Union")
R(A, "it would release 5 million euros", "Germany", "said", "Germany", "Germany")
R(A, "The conflict has displaced about 1 million people since 2017", "United Nations estimates", "according to",
  "United Nations estimates", "United Nations")

# ---------------------------------------------------------------------------
# social media, a tweet with a trailing-dash attribution
A = "social-port-carrow-mayor-posts"
CITY = "Port Carrow city government"
PU = "Port Carrow police union"
R(A, "reckless.", "the city's police union", "called", "Port Carrow police union", PU)
R(A, "Overtime has tripled in five years while crime has stayed flat. That's not a public safety strategy, "
     "that's a blank check", "Achebe", "wrote", "Rosalind Achebe", CITY)
R(A, 'that the mayor was "governing by hashtag"', "The union's president, Sgt. Kevin Dunleavy", "responded",
  "Kevin Dunleavy", PU)
R(A, "officers were working double shifts because the department was 80 officers short",
  "The union's president, Sgt. Kevin Dunleavy", "said", "Kevin Dunleavy", PU)
R(A, "she did not regret the posts", "Achebe", "said", "Rosalind Achebe", CITY)
R(A, "People are on their phones at midnight. That's where the conversation is", "she", "said",
  "Rosalind Achebe", CITY)
R(A, 'that both sides should "log off and come to the table."', "Councilman Ray Fitch, a frequent critic of the mayor",
  "wrote", "Ray Fitch", "Port Carrow City Council")
R(A, "that police overtime would exceed its budget by $6.5 million this year",
  "The city's chief financial officer, Marcus Lyle", "told", "Marcus Lyle", CITY)
R(A, "Budgets are moral documents. Port Carrow deserves one that isn't written at midnight.",
  "Sen. Alicia Vance", "—", "Alicia Vance", "state Senate")
R(A, "the senator had no further comment", "Vance's office", "said", "office of Sen. Alicia Vance",
  "office of Sen. Alicia Vance")

# ---------------------------------------------------------------------------
# science story: beliefs, estimates, evidence
A = "science-urban-fox-snouts"
GLA = "University of Glasgow"
R(A, "City foxes in Britain have developed shorter, wider snouts than their rural cousins over the past century",
  "a new study", "has found", "the Ecology and Evolution fox-skull study", GLA)
R(A, "scavenging from human waste may be driving the change", "researchers", "believe",
  "Kirsty Munro and her colleagues", GLA)
R(A, "that urban fox snouts shortened by about 4 percent over that period, while rural fox skulls changed little",
  "Analysis of the skulls", "shows", "the study's analysis of the skulls", GLA)
R(A, ["It's a small number, but in evolutionary terms a century is an eye blink", "We didn't expect to see anything this clear."],
  "Dr. Kirsty Munro, the study's lead author and a zoologist at the University of Glasgow", "said",
  "Kirsty Munro", GLA)
R(A, "that foxes feeding on discarded food need less of the long, precise snout used to catch small prey",
  "Munro and her colleagues", "believe", "Kirsty Munro and her colleagues", GLA)
R(A, "that about a third of an urban fox's diet now comes from human waste", "They", "estimate",
  "Kirsty Munro and her colleagues", GLA)
R(A, "the pattern could reflect changes in which foxes ended up in museum collections rather than changes in "
     "the animals themselves", "Prof. Hugh Abernethy, an evolutionary biologist at the University of Exeter",
  "said", "Hugh Abernethy", "University of Exeter")
R(A, ["Museums didn't collect foxes at random", "Roadkill in 1900 and roadkill in 2000 are different samples."],
  "he", "said", "Hugh Abernethy", "University of Exeter")
R(A, "that the trend holds across all five collections", "The authors", "argue", "Kirsty Munro and her colleagues", GLA)
R(A, "the team intends to sequence DNA from a subset of the skulls next year to look for genetic changes linked "
     "to skull shape", "Munro", "said", "Kirsty Munro", GLA)
# nested intention
R(A, "to sequence DNA from a subset of the skulls next year to look for genetic changes linked to skull shape",
  "the team", "intends", "Kirsty Munro and her colleagues", GLA)
R(A, "there are about 150,000 foxes living in British towns and cities", "Government figures", "suggest",
  "UK government figures", "UK government")

# ---------------------------------------------------------------------------
# double hyphens and em dashes; telephone interview
A = "dashes-harlan-mill-ruling"
TOWN = "town of Easton Falls"
R(A, "that the town of Easton Falls had failed to give residents proper notice before approving the deal",
  "A county judge", "ruling", "Miriam Oduya", "county court")
R(A, 'that the town\'s notice -- a single posting on a bulletin board inside town hall -- "falls well short of '
     'what the law requires for the disposal of public property."', "Judge Miriam Oduya", "wrote",
  "Miriam Oduya", "county court")
R(A, ["We never said the mill couldn't be sold", "We said it couldn't be sold in secret."],
  "the group's founder, Beatrice Koval", "said", "Beatrice Koval", "Friends of Harlan Mill")
R(A, "the town would appeal", "Town Manager Greg Pollard", "said", "Greg Pollard", TOWN)
R(A, ["The sale -- worth $1.2 million -- was the best offer the town had received in a decade",
      "and the developer had promised to preserve the building's facade"], "he", "said", "Greg Pollard", TOWN)
R(A, 'that it remained "fully committed" to the project and expected the dispute to be resolved "within months, not years."',
  "The developer, Northgate Partners", "said", "Northgate Partners", "Northgate Partners")
R(A, "the mill — once the largest employer in the valley — is among the last intact water-powered textile mills "
     "in the state", "Local historians", "say", "local historians", None, True)
R(A, "Tear it down and you lose the whole story of this town",
  "Walter Ng, president of the county historical society", "said", "Walter Ng", "county historical society")
R(A, 'the town had followed the same notice procedure "for thirty years without a single complaint."',
  "Pollard", "insisted", "Greg Pollard", TOWN)

# ---------------------------------------------------------------------------
# plain articles with few attributions
A = "plain-elm-street-bridge"
R(A, "The Elm Street bridge over Miller Creek will close to traffic for six weeks beginning Monday while crews "
     "replace its deck and railings", "the county public works department", "said",
  "county public works department", "county public works department")
R(A, "We know the detour is an inconvenience, and we've scheduled the heaviest work for the summer when school "
     "buses aren't running", "county engineer Paula Brandt", "said", "Paula Brandt", "county public works department")

A = "plain-greenvale-library-hours"
GPL = "Greenvale Public Library"
R(A, "The Greenvale Public Library will stay open until 8 p.m. on Saturdays and open on Sunday afternoons "
     "starting next month", "the library board", "announced", "Greenvale Public Library board", GPL)
R(A, "longer weekend hours", "more than 60 percent of respondents", "asked for",
  "more than 60 percent of survey respondents", None, True)
R(A, "the extra hours would be covered by two part-time positions funded through a state grant",
  "Library director Samuel Oyelaran", "said", "Samuel Oyelaran", GPL)

# ---------------------------------------------------------------------------
# sports: press conference, a nickname in quotation marks that is not an attribution
A = "sports-halden-rovers-keeper"
HR = "Halden Rovers"
R(A, ["Tomasz has won us more points this season than anyone in the building",
      "One mistake doesn't change that. It doesn't even dent it."], "Quigley", "told", "Siobhan Quigley", HR)
R(A, ["I let everyone down tonight and I will carry that", "But I will be back in goal on Saturday, and I will be better."],
  "he", "wrote", "Tomasz Wierzbicki", HR)
R(A, 'she had spoken to Wierzbicki after the match and found him "gutted, but already thinking about the next one."',
  "Quigley", "said", "Siobhan Quigley", HR)
R(A, "there were no plans to drop him for the league game against Carlow Town", "She", "said",
  "Siobhan Quigley", HR)
R(A, 'the dressing room was "one hundred percent" behind the goalkeeper', "Club captain Danny Morrow", "said",
  "Danny Morrow", HR)
R(A, ["Everybody in there has cost us a game at some point", "He's had a brilliant season. We'll move on."],
  "Morrow", "said", "Danny Morrow", HR)
R(A, "the club to sign a new goalkeeper in January", "some", "called for", "some Halden Rovers supporters",
  None, True)
R(A, "The January window is for injuries, not for panic", "she", "said", "Siobhan Quigley", HR)
R(A, 'they had "earned a bit of luck."', "Dunmere United manager Ollie Prentice", "said", "Ollie Prentice",
  "Dunmere United")

# ---------------------------------------------------------------------------
# `` opening and '' closing quotation marks
A = "ptb-canada-chile-minerals"
R(A, "a hedge against dependence on Chinese supply chains", "officials", "described as",
  "Canadian and Chilean officials", None, True)
R(A, "This is about making sure the minerals that power the energy transition are mined and refined by democracies",
  "Canada's trade minister, Élise Fournier", "said", "Élise Fournier", "Canada")
R(A, "the agreement would bring at least $3 billion in Canadian investment to Chile's Atacama region over the next decade",
  "Her Chilean counterpart, Andrés Valdivia", "said", "Andrés Valdivia", "Chile")
R(A, ["Chile does not want to only export rocks", "We want the factories, too."], "he", "said",
  "Andrés Valdivia", "Chile")
R(A, ["Lithium mining in the Atacama already uses water that Indigenous communities depend on",
      "An agreement between governments doesn't change the amount of water underground."],
  "Rosa Quispe", "said", "Rosa Quispe", "Atacama Water Council")
R(A, "Beijing opposed ``bloc confrontation'' in trade", "China's foreign ministry", "said",
  "China's foreign ministry", "China")
R(A, "both countries to respect market principles", "China's foreign ministry", "urged",
  "China's foreign ministry", "China")
R(A, "the deal was modest in scale", "Analysts", "said", "analysts", None, True)
R(A, "that the commitments covered less than 5 percent of Chile's projected lithium output",
  "Keith Barrow, a mining analyst at Halton Securities in Toronto", "estimated", "Keith Barrow",
  "Halton Securities")
R(A, "whether it gives foreign companies too much access to state-owned deposits", "opposition lawmakers",
  "have questioned", "opposition lawmakers in Chile's Congress", None, True)


# ---------------------------------------------------------------------------
def occurrences(text, s):
    """Start offsets of s in text, with word boundaries where s begins/ends with a word character."""
    out = []
    i = text.find(s)
    while i >= 0:
        ok = True
        if s[0].isalnum() and i > 0 and text[i - 1].isalnum():
            ok = False
        j = i + len(s)
        if s[-1].isalnum() and j < len(text) and text[j].isalnum():
            ok = False
        if ok:
            out.append(i)
        i = text.find(s, i + 1)
    return out


def quote_mask(text):
    """True for every character inside double quotation marks (straight, curly, `` and '').
    Quotation state restarts at each new line: a quote running over paragraphs reopens
    with a mark at each paragraph start. Single quotes are treated as nested/apostrophes."""
    mask = [False] * len(text)
    inside = False
    i = 0
    while i < len(text):
        c = text[i]
        two = text[i:i + 2]
        if c == "\n":
            inside = False
            i += 1
            continue
        if two == "``":
            inside = True
            i += 2
            continue
        if two == "''":
            inside = not inside
            i += 2
            continue
        if c == "“":
            inside = True
        elif c == "”":
            inside = False
        elif c == '"':
            inside = not inside
        else:
            mask[i] = inside
        i += 1
    return mask


def dist(a, frags):
    """Distance from span a=(s,e) to the covering span of the fragments (0 inside a gap)."""
    s, e = frags[0][0], frags[-1][1]
    if a[1] <= s:
        return s - a[1]
    if a[0] >= e:
        return a[0] - e
    return 0


def overlaps(a, frags):
    return any(a[0] < fe and fs < a[1] for fs, fe in frags)


def locate(text, s, frags, forced, what, rec):
    cands = [(i, i + len(s)) for i in occurrences(text, s)]
    if forced is not None:
        return cands[forced]
    cands = [c for c in cands if not overlaps(c, frags)]
    if not cands:
        raise SystemExit(f"{what} {s!r} not found for {rec['article']}: {rec['content']!r}")
    ranked = sorted(cands, key=lambda c: dist(c, frags))
    best = ranked[0]
    d = dist(best, frags)
    if len(ranked) > 1 and dist(ranked[1], frags) == d:
        raise SystemExit(f"{what} {s!r} ambiguous for {rec['article']}: {rec['content']!r}")
    if d > MAX_DIST:
        raise SystemExit(f"{what} {s!r} too far ({d}) for {rec['article']}: {rec['content']!r}")
    return best


def build():
    texts = {}
    out = []
    for rec in RECORDS:
        name = rec["article"]
        if name not in texts:
            with open(os.path.join(ARTICLES, name + ".txt"), encoding="utf-8") as f:
                texts[name] = f.read()
        text = texts[name]
        # content
        if rec["span"]:
            first, last = rec["span"]
            occ = occurrences(text, first)
            assert len(occ) == 1, (name, first)
            e = text.find(last, occ[0])
            assert e > 0, (name, last)
            frags = [(occ[0], e + len(last))]
        else:
            parts = rec["content"] if isinstance(rec["content"], list) else [rec["content"]]
            occ = occurrences(text, parts[0])
            if rec["occ"] is None:
                assert len(occ) == 1, f"content {parts[0]!r} occurs {len(occ)} times in {name}"
                s = occ[0]
            else:
                s = occ[rec["occ"]]
            frags = [(s, s + len(parts[0]))]
            for p in parts[1:]:
                j = text.find(p, frags[-1][1])
                assert j >= 0 and j - frags[-1][1] <= MAX_GAP, f"fragment {p!r} not found after previous in {name}"
                frags.append((j, j + len(p)))
        start, end = frags[0][0], frags[-1][1]
        # speaker and cue, searched near the content
        sp = rec["speaker"]
        if sp is not None:
            ss, se = locate(text, sp, frags, rec["sp_occ"], "speaker", rec)
        else:
            ss = se = None
        cs, ce = locate(text, rec["cue"], frags, rec["cue_occ"], "cue", rec)
        # type from where the quotation marks fall
        mask = MASKS.setdefault(name, quote_mask(text))
        letters = [k for a, b in frags for k in range(a, b) if text[k].isalnum()]
        quoted = sum(mask[k] for k in letters)
        frac = quoted / len(letters)
        typ = "direct" if quoted == len(letters) else "indirect" if quoted == 0 else "mixed"
        # sanity: direct content is trimmed of its quotation marks
        if typ == "direct":
            assert text[start - 1] in "\"“`'" or text[start - 1] == "\n", (name, rec["content"])
        out.append({
            "article": name,
            "text": text[start:end],
            "start": start,
            "end": end,
            "fragments": [[a, b] for a, b in frags],
            "speaker": sp,
            "speaker_start": ss,
            "speaker_end": se,
            "speaker_is_pronoun": bool(sp) and sp.lower() in PRONOUNS,
            "cue": rec["cue"],
            "cue_start": cs,
            "cue_end": ce,
            "type": typ,
            "resolved_speaker": rec["resolved"],
            "affiliation": rec["affiliation"],
            "anonymous": rec["anonymous"],
            "source_type": KINDS[name, rec["resolved"]][0],
            "role_class": KINDS[name, rec["resolved"]][1],
        })
        # anonymous is exactly the unnamed kinds
        assert rec["anonymous"] == (KINDS[name, rec["resolved"]][0] in UNNAMED), (name, rec["resolved"])
    # no duplicated records
    keys = [(r["article"], r["start"], r["end"], r["speaker_start"]) for r in out]
    assert len(keys) == len(set(keys)), "duplicate record"
    order = {n: i for i, n in enumerate(dict.fromkeys(r["article"] for r in out))}
    out.sort(key=lambda r: (order[r["article"]], r["start"], r["speaker_start"] or 0))
    return out


# ---------------------------------------------------------------------------
# What kind of source each resolved source is, as the article describes it (issue 13 item 2):
# source_type (person / unnamed individual / unnamed group / organization / government / document /
# media) and role_class (official / politician / expert / business / civil society / citizen /
# media / unknown), with the boundaries quotecat/lexicon/role_classes.py documents: elected or
# political office is a politician, the state's staff officials; a spokesperson takes the class
# of whom they speak for (a governor's office: official, a campaign: politician); international
# public bodies (UN agencies, the IMF, the EU) are organisations whose class is official;
# militants, athletes and coaches have no class (unknown). Annotated from the article text.
KINDS = {
    ("islamic-state-deir-ezzour", "residents of Deir Ezzour province"): ("unnamed group", "citizen"),
    ("islamic-state-deir-ezzour", "Islamic State fighters"): ("unnamed group", "unknown"),
    ("islamic-state-deir-ezzour", "residents and Islamic State fighters"): ("unnamed group", "unknown"),
    ("islamic-state-deir-ezzour", "Western officials"): ("unnamed group", "official"),
    ("islamic-state-deir-ezzour", "current and former Islamic State fighters"): ("unnamed group", "unknown"),
    ("islamic-state-deir-ezzour", "an Islamic State commander"): ("unnamed individual", "unknown"),
    ("islamic-state-deir-ezzour", "Islamic State"): ("organization", "unknown"),
    ("islamic-state-deir-ezzour", "John Dorrian"): ("person", "official"),
    ("islamic-state-deir-ezzour", "a Western diplomat based in the Middle East"): ("unnamed individual", "official"),
    ("islamic-state-deir-ezzour", "a senior U.S. administration official"): ("unnamed individual", "official"),
    ("islamic-state-deir-ezzour", "jihadist comments in online chat rooms"): ("unnamed group", "unknown"),
    ("islamic-state-deir-ezzour", "recent midlevel Islamic State defectors"): ("unnamed group", "unknown"),
    ("islamic-state-deir-ezzour", "Jennifer Cafarella"): ("person", "expert"),
    ("islamic-state-deir-ezzour", "Russia"): ("government", "official"),
    ("wire-valparaiso-port-strike", "Ramón Ibarra"): ("person", "civil society"),
    ("wire-valparaiso-port-strike", "Pacific Terminal Group"): ("organization", "business"),
    ("wire-valparaiso-port-strike", "the Valparaiso port authority"): ("government", "official"),
    ("wire-valparaiso-port-strike", "shipping agents"): ("unnamed group", "business"),
    ("wire-valparaiso-port-strike", "two people involved in the talks"): ("unnamed group", "unknown"),
    ("wire-valparaiso-port-strike", "Carolina Méndez"): ("person", "business"),  # an exporters' association
    ("wire-valparaiso-port-strike", "Chile's Labor Ministry"): ("government", "official"),
    ("wire-valparaiso-port-strike", "Tomás Reyes"): ("person", "politician"),
    ("wire-valparaiso-port-strike", "reporters"): ("unnamed group", "media"),
    ("wire-ghana-central-bank", "Bank of Ghana"): ("government", "official"),  # a central bank
    ("wire-ghana-central-bank", "Kwesi Adjei-Mensah"): ("person", "official"),
    ("wire-ghana-central-bank", "official Ghanaian data"): ("document", "official"),
    ("wire-ghana-central-bank", "Abena Owusu-Darko"): ("person", "expert"),
    ("wire-ghana-central-bank", "International Monetary Fund"): ("organization", "official"),
    ("wire-ghana-central-bank", "traders at Accra's Makola market"): ("unnamed group", "business"),
    ("wire-ghana-central-bank", "Efua Mensah"): ("person", "business"),  # a market trader
    ("feature-carrick-point-keeper", "Agnes Tulloch"): ("person", "citizen"),
    ("feature-carrick-point-keeper", "Douglas Fairlie"): ("person", "civil society"),  # chairs the community council
    ("feature-carrick-point-keeper", "the Northern Lighthouse Board's engineers"): ("unnamed group", "expert"),
    ("feature-carrick-point-keeper", "a spokeswoman for the Northern Lighthouse Board"): ("unnamed individual",
                                                                                          "official"),
    ("feature-carrick-point-keeper", "Callum Tulloch"): ("person", "citizen"),
    ("interview-chef-achterberg", "Imani Achterberg"): ("person", "business"),  # chef and owner of Marrow
    ("interview-chef-achterberg", "the interviewer"): ("unnamed individual", "media"),
    ("interview-chef-achterberg", "Joost van Leeuwen"): ("person", "business"),
    ("interview-chef-achterberg", "Hanneke Bosman"): ("person", "media"),
    ("natsec-energy-contractor-breach", "U.S. officials"): ("unnamed group", "official"),
    ("natsec-energy-contractor-breach", "people familiar with the matter"): ("unnamed group", "unknown"),
    ("natsec-energy-contractor-breach", "a senior administration official"): ("unnamed individual", "official"),
    ("natsec-energy-contractor-breach", "two people familiar with the investigation"): ("unnamed group", "unknown"),
    ("natsec-energy-contractor-breach", "Energy Department"): ("government", "official"),
    ("natsec-energy-contractor-breach", "Energy Department statement"): ("document", "official"),
    ("natsec-energy-contractor-breach", "Peter Caldwell"): ("person", "business"),
    ("natsec-energy-contractor-breach", "Maria Okonkwo"): ("person", "politician"),
    ("natsec-energy-contractor-breach", "a former intelligence official"): ("unnamed individual", "official"),
    ("natsec-energy-contractor-breach", "an official briefed on the findings"): ("unnamed individual", "official"),
    ("natsec-energy-contractor-breach", "the U.S. administration"): ("government", "official"),
    ("nyt-hudson-transit-fares", "dozens of riders"): ("unnamed group", "citizen"),
    ("nyt-hudson-transit-fares", "Elaine Marchetti"): ("person", "official"),  # chairs a public transit board
    ("nyt-hudson-transit-fares", "Dolores Whitfield"): ("person", "citizen"),
    ("nyt-hudson-transit-fares", "several board members who voted no"): ("unnamed group", "official"),
    ("nyt-hudson-transit-fares", "Raymond Osei"): ("person", "official"),
    ("nyt-hudson-transit-fares", "Mark Feeney"): ("person", "official"),  # the governor's spokesman
    ("nyt-hudson-transit-fares", "Priya Raman"): ("person", "civil society"),
    ("curly-okafor-runoff", "Daniel Okafor"): ("person", "politician"),
    ("curly-okafor-runoff", "Miriam Castellanos-Hale"): ("person", "politician"),
    ("curly-okafor-runoff", "Terrence Bello"): ("person", "politician"),
    ("curly-okafor-runoff", "Linwood State University poll"): ("document", "expert"),
    ("curly-okafor-runoff", "pollsters"): ("unnamed group", "expert"),
    ("curly-okafor-runoff", "reporters"): ("unnamed group", "media"),
    ("curly-okafor-runoff", "Harold Maddox"): ("person", "citizen"),
    ("straight-bramford-housing", "Riverside residents"): ("unnamed group", "citizen"),
    ("straight-bramford-housing", "Janet Olufemi"): ("person", "civil society"),
    ("straight-bramford-housing", "Arjun Malhotra"): ("person", "politician"),
    ("straight-bramford-housing", "Calder Homes"): ("organization", "business"),
    ("straight-bramford-housing", "Lisa Warrender"): ("person", "business"),
    ("straight-bramford-housing", "Bramford city planning staff"): ("unnamed group", "official"),
    ("straight-bramford-housing", "Tom Brennan"): ("person", "citizen"),
    ("straight-bramford-housing", "Renée Dubois"): ("person", "politician"),
    ("straight-bramford-housing", "the regional flood authority"): ("government", "official"),
    ("multipara-ashby-dam-inquiry", "Neil Hartigan"): ("person", "expert"),  # the engineer on duty
    ("multipara-ashby-dam-inquiry", "Fiona Mair"): ("person", "expert"),  # counsel: a lawyer is an expert
    ("multipara-ashby-dam-inquiry", "Midland Water"): ("organization", "business"),
    ("multipara-ashby-dam-inquiry", "Anthony Loane"): ("person", "official"),  # chairs the public inquiry
    ("multipara-ashby-dam-inquiry", "the families of the two victims"): ("unnamed group", "citizen"),
    ("mixed-lindqvist-budget", "Republican leaders in the state Senate"): ("unnamed group", "politician"),
    ("mixed-lindqvist-budget", "Carl Breuer"): ("person", "politician"),
    ("mixed-lindqvist-budget", "Dana Pruitt"): ("person", "official"),  # the governor's spokeswoman
    ("mixed-lindqvist-budget", "Patricia Lindqvist"): ("person", "politician"),
    ("mixed-lindqvist-budget", "Legislative Fiscal Office"): ("government", "official"),
    ("mixed-lindqvist-budget", "Omar Haddad"): ("person", "politician"),
    ("mixed-lindqvist-budget", "Moody's"): ("organization", "business"),
    ("according-to-cabo-delgado-displaced", "residents of the Macomia area"): ("unnamed group", "citizen"),
    ("according-to-cabo-delgado-displaced", "aid workers"): ("unnamed group", "civil society"),
    ("according-to-cabo-delgado-displaced", "International Organization for Migration"): ("organization", "official"),
    ("according-to-cabo-delgado-displaced", "a man who fled with his family"): ("unnamed individual", "citizen"),
    ("according-to-cabo-delgado-displaced", "Mozambique's Defense Ministry"): ("government", "official"),
    ("according-to-cabo-delgado-displaced", "World Food Programme"): ("organization", "official"),
    ("according-to-cabo-delgado-displaced", "Helena Tavares"): ("person", "official"),
    ("according-to-cabo-delgado-displaced", "Rwanda"): ("government", "official"),
    ("according-to-cabo-delgado-displaced", "Portugal"): ("government", "official"),
    ("according-to-cabo-delgado-displaced", "European Union"): ("organization", "official"),
    ("according-to-cabo-delgado-displaced", "Germany"): ("government", "official"),
    ("according-to-cabo-delgado-displaced", "United Nations estimates"): ("document", "official"),
    ("social-port-carrow-mayor-posts", "Port Carrow police union"): ("organization", "civil society"),
    ("social-port-carrow-mayor-posts", "Rosalind Achebe"): ("person", "politician"),
    ("social-port-carrow-mayor-posts", "Kevin Dunleavy"): ("person", "civil society"),  # the union's president
    ("social-port-carrow-mayor-posts", "Ray Fitch"): ("person", "politician"),
    ("social-port-carrow-mayor-posts", "Marcus Lyle"): ("person", "official"),
    ("social-port-carrow-mayor-posts", "Alicia Vance"): ("person", "politician"),
    ("social-port-carrow-mayor-posts", "office of Sen. Alicia Vance"): ("government", "politician"),
    ("science-urban-fox-snouts", "the Ecology and Evolution fox-skull study"): ("document", "expert"),
    ("science-urban-fox-snouts", "Kirsty Munro and her colleagues"): ("person", "expert"),  # named with her team
    ("science-urban-fox-snouts", "the study's analysis of the skulls"): ("document", "expert"),
    ("science-urban-fox-snouts", "Kirsty Munro"): ("person", "expert"),
    ("science-urban-fox-snouts", "Hugh Abernethy"): ("person", "expert"),
    ("science-urban-fox-snouts", "UK government figures"): ("document", "official"),
    ("dashes-harlan-mill-ruling", "Miriam Oduya"): ("person", "official"),
    ("dashes-harlan-mill-ruling", "Beatrice Koval"): ("person", "civil society"),
    ("dashes-harlan-mill-ruling", "Greg Pollard"): ("person", "official"),  # the appointed town manager
    ("dashes-harlan-mill-ruling", "Northgate Partners"): ("organization", "business"),
    ("dashes-harlan-mill-ruling", "local historians"): ("unnamed group", "expert"),
    ("dashes-harlan-mill-ruling", "Walter Ng"): ("person", "civil society"),
    ("plain-elm-street-bridge", "county public works department"): ("government", "official"),
    ("plain-elm-street-bridge", "Paula Brandt"): ("person", "official"),  # the county engineer
    ("plain-greenvale-library-hours", "Greenvale Public Library board"): ("government", "official"),
    ("plain-greenvale-library-hours", "more than 60 percent of survey respondents"): ("unnamed group", "citizen"),
    ("plain-greenvale-library-hours", "Samuel Oyelaran"): ("person", "official"),  # the public library's director
    ("sports-halden-rovers-keeper", "Siobhan Quigley"): ("person", "unknown"),
    ("sports-halden-rovers-keeper", "Tomasz Wierzbicki"): ("person", "unknown"),
    ("sports-halden-rovers-keeper", "Danny Morrow"): ("person", "unknown"),
    ("sports-halden-rovers-keeper", "some Halden Rovers supporters"): ("unnamed group", "citizen"),
    ("sports-halden-rovers-keeper", "Ollie Prentice"): ("person", "unknown"),
    ("ptb-canada-chile-minerals", "Canadian and Chilean officials"): ("unnamed group", "official"),
    ("ptb-canada-chile-minerals", "Élise Fournier"): ("person", "politician"),
    ("ptb-canada-chile-minerals", "Andrés Valdivia"): ("person", "politician"),
    ("ptb-canada-chile-minerals", "Rosa Quispe"): ("person", "civil society"),
    ("ptb-canada-chile-minerals", "China's foreign ministry"): ("government", "official"),
    ("ptb-canada-chile-minerals", "analysts"): ("unnamed group", "expert"),
    ("ptb-canada-chile-minerals", "Keith Barrow"): ("person", "expert"),
    ("ptb-canada-chile-minerals", "opposition lawmakers in Chile's Congress"): ("unnamed group", "politician"),
}
UNNAMED = {"unnamed individual", "unnamed group"}


MASKS = {}

if __name__ == "__main__":
    recs = build()
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    arts = sorted({r["article"] for r in recs})
    by_type = {}
    for r in recs:
        by_type[r["type"]] = by_type.get(r["type"], 0) + 1
    print(f"{len(recs)} attributions in {len(arts)} articles: {by_type}", file=sys.stderr)
