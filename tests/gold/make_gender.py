#!/usr/bin/env python3
"""Build tests/gold/gender.jsonl: for each source of tests/gold, its kind and, for a person, the gender
its own article gives it, the way ../shared/wikinews-dev/gender.jsonl is annotated.

The evidence is what the article says of the person: the pronouns that refer to them, honorifics,
gendered role nouns, kinship words; never a first name. A person the article gives no such word
is "unknown" (Dr. Abena Owusu-Darko, Sen. Maria Okonkwo): the same person could be known in another
article. Each evidence phrase must occur in the article; every (article, resolved_speaker) of
gold.jsonl must be annotated, and nothing else.

Run:  python tests/gold/make_gender.py      (rewrites tests/gold/gender.jsonl)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold.jsonl")
OUT = os.path.join(HERE, "gender.jsonl")

P, G, O, D = "person", "group", "organisation", "document"
WOMAN, MAN, UNKNOWN = "woman", "man", "unknown"

# article -> resolved speaker -> (kind, gender or None, evidence phrases)
SOURCES = {
    "islamic-state-deir-ezzour": {
        "residents of Deir Ezzour province": (G, None, []),
        "Islamic State fighters": (G, None, []),
        "residents and Islamic State fighters": (G, None, []),
        "Western officials": (G, None, []),
        "current and former Islamic State fighters": (G, None, []),
        "an Islamic State commander": (P, UNKNOWN, []),
        "Islamic State": (O, None, []),
        "John Dorrian": (P, MAN, ["Baghdad-based spokesman for the U.S.-led coalition"]),
        "a Western diplomat based in the Middle East": (P, UNKNOWN, []),
        "a senior U.S. administration official": (P, UNKNOWN, []),
        "jihadist comments in online chat rooms": (D, None, []),
        "recent midlevel Islamic State defectors": (G, None, []),
        "Jennifer Cafarella": (P, WOMAN, ["Deir Ezzour, she said"]),
        "Russia": (O, None, []),
    },
    "wire-valparaiso-port-strike": {
        "Ramón Ibarra": (P, UNKNOWN, []),
        "Pacific Terminal Group": (O, None, []),
        "the Valparaiso port authority": (O, None, []),
        "shipping agents": (G, None, []),
        "two people involved in the talks": (G, None, []),
        "Carolina Méndez": (P, UNKNOWN, []),
        "Chile's Labor Ministry": (O, None, []),
        "Tomás Reyes": (P, UNKNOWN, []),
        "reporters": (G, None, []),
    },
    "wire-ghana-central-bank": {
        "Bank of Ghana": (O, None, []),
        "Kwesi Adjei-Mensah": (P, MAN, ["He added that the bank"]),
        "official Ghanaian data": (D, None, []),
        "Abena Owusu-Darko": (P, UNKNOWN, []),
        "International Monetary Fund": (O, None, []),
        "traders at Accra's Makola market": (G, None, []),
        "Efua Mensah": (P, UNKNOWN, []),
    },
    "feature-carrick-point-keeper": {
        "Agnes Tulloch": (P, WOMAN, ["the way she has for 41 years", "she says at the top"]),
        "Douglas Fairlie": (P, MAN, ["he says, and the money"]),
        "the Northern Lighthouse Board's engineers": (G, None, []),
        "a spokeswoman for the Northern Lighthouse Board": (P, WOMAN, ["A spokeswoman for the Northern Lighthouse Board"]),
        "Callum Tulloch": (P, MAN, ["Her nephew, Callum Tulloch", "He is less sure"]),
    },
    "interview-chef-achterberg": {
        "Imani Achterberg": (P, WOMAN, ["closed her first restaurant", "She spoke with us"]),
        "the interviewer": (P, UNKNOWN, []),
        "Joost van Leeuwen": (P, MAN, ["on time,\" he said"]),
        "Hanneke Bosman": (P, UNKNOWN, []),
    },
    "natsec-energy-contractor-breach": {
        "U.S. officials": (G, None, []),
        "people familiar with the matter": (G, None, []),
        "a senior administration official": (P, UNKNOWN, []),
        "two people familiar with the investigation": (G, None, []),
        "Energy Department": (O, None, []),
        "Energy Department statement": (D, None, []),
        "Peter Caldwell": (P, MAN, ["A spokesman for Halvorsen Systems, Peter Caldwell"]),
        "Maria Okonkwo": (P, UNKNOWN, []),
        "a former intelligence official": (P, MAN, ["because he was not authorized"]),
        "an official briefed on the findings": (P, UNKNOWN, []),
        "the U.S. administration": (O, None, []),
    },
    "nyt-hudson-transit-fares": {
        "dozens of riders": (G, None, []),
        "Elaine Marchetti": (P, WOMAN, ["the board's chairwoman", "Ms. Marchetti", "The rest, she said"]),
        "Dolores Whitfield": (P, WOMAN, ["cost her nearly $30", "grandson,'' she said"]),
        "several board members who voted no": (G, None, []),
        "Raymond Osei": (P, UNKNOWN, []),
        "Mark Feeney": (P, MAN, ["A spokesman for Gov. Linda Castellano, Mark Feeney", "He did not say how much"]),
        "Priya Raman": (P, UNKNOWN, []),
    },
    "curly-okafor-runoff": {
        "Daniel Okafor": (P, MAN, ["showing his challenger", "did not worry him", "since he took office"]),
        "Miriam Castellanos-Hale": (P, WOMAN, ["on Saturday, she said"]),
        "Terrence Bello": (P, MAN, ["The governor, he said"]),
        "Linwood State University poll": (D, None, []),
        "pollsters": (G, None, []),
        "reporters": (G, None, []),
        "Harold Maddox": (P, UNKNOWN, []),
    },
    "straight-bramford-housing": {
        "Riverside residents": (G, None, []),
        "Janet Olufemi": (P, UNKNOWN, []),
        "Arjun Malhotra": (P, MAN, ["and that he expected a vote"]),
        "Calder Homes": (O, None, []),
        "Lisa Warrender": (P, UNKNOWN, []),
        "Bramford city planning staff": (G, None, []),
        "Tom Brennan": (P, UNKNOWN, []),
        "Renée Dubois": (P, WOMAN, ["Councilwoman Renée Dubois", "said she would push"]),
        "the regional flood authority": (O, None, []),
    },
    "multipara-ashby-dam-inquiry": {
        "Neil Hartigan": (P, MAN, ["that he had warned his managers", "He told the inquiry"]),
        "Fiona Mair": (P, UNKNOWN, []),
        "Midland Water": (O, None, []),
        "Anthony Loane": (P, MAN, ["The inquiry's chairman, Sir Anthony Loane", "said he expected to publish"]),
        "the families of the two victims": (G, None, []),
    },
    "mixed-lindqvist-budget": {
        "Republican leaders in the state Senate": (G, None, []),
        "Carl Breuer": (P, MAN, ["what he called"]),
        "Dana Pruitt": (P, WOMAN, ["Her spokeswoman, Dana Pruitt"]),
        "Patricia Lindqvist": (P, WOMAN, ["Lindqvist herself", "she said she was"]),
        "Legislative Fiscal Office": (O, None, []),
        "Omar Haddad": (P, MAN, ["his caucus"]),
        "Moody's": (O, None, []),
    },
    "according-to-cabo-delgado-displaced": {
        "residents of the Macomia area": (G, None, []),
        "aid workers": (G, None, []),
        "International Organization for Migration": (O, None, []),
        "a man who fled with his family": (P, MAN, ["One man who fled with his family"]),
        "Mozambique's Defense Ministry": (O, None, []),
        "World Food Programme": (O, None, []),
        "Helena Tavares": (P, UNKNOWN, []),
        "Rwanda": (O, None, []),
        "Portugal": (O, None, []),
        "European Union": (O, None, []),
        "Germany": (O, None, []),
        "United Nations estimates": (D, None, []),
    },
    "social-port-carrow-mayor-posts": {
        "Port Carrow police union": (O, None, []),
        "Rosalind Achebe": (P, WOMAN, ["defend her proposal", "Achebe said she did not regret"]),
        "Kevin Dunleavy": (P, UNKNOWN, []),
        "Ray Fitch": (P, MAN, ["Councilman Ray Fitch"]),
        "Marcus Lyle": (P, UNKNOWN, []),
        "Alicia Vance": (P, UNKNOWN, []),
        "office of Sen. Alicia Vance": (O, None, []),
    },
    "science-urban-fox-snouts": {
        "the Ecology and Evolution fox-skull study": (D, None, []),
        "Kirsty Munro and her colleagues": (G, None, []),
        "the study's analysis of the skulls": (D, None, []),
        "Kirsty Munro": (P, WOMAN, ["Munro and her colleagues"]),
        "Hugh Abernethy": (P, MAN, ["at random,\" he said"]),
        "UK government figures": (D, None, []),
    },
    "dashes-harlan-mill-ruling": {
        "Miriam Oduya": (P, WOMAN, ["wrote in her decision"]),
        "Beatrice Koval": (P, UNKNOWN, []),
        "Greg Pollard": (P, MAN, ["in a decade, he said", "Pollard, for his part"]),
        "Northgate Partners": (O, None, []),
        "local historians": (G, None, []),
        "Walter Ng": (P, UNKNOWN, []),
    },
    "plain-elm-street-bridge": {
        "county public works department": (O, None, []),
        "Paula Brandt": (P, UNKNOWN, []),
    },
    "plain-greenvale-library-hours": {
        "Greenvale Public Library board": (O, None, []),
        "more than 60 percent of survey respondents": (G, None, []),
        "Samuel Oyelaran": (P, UNKNOWN, []),
    },
    "sports-halden-rovers-keeper": {
        "Siobhan Quigley": (P, WOMAN, ["Quigley said she had spoken"]),
        "Tomasz Wierzbicki": (P, MAN, ["after his error", "that,\" he wrote"]),
        "Danny Morrow": (P, UNKNOWN, []),
        "some Halden Rovers supporters": (G, None, []),
        "Ollie Prentice": (P, MAN, ["praised his side's defending"]),
    },
    "ptb-canada-chile-minerals": {
        "Canadian and Chilean officials": (G, None, []),
        "Élise Fournier": (P, WOMAN, ["Her Chilean counterpart"]),
        "Andrés Valdivia": (P, MAN, ["rocks,'' he said"]),
        "Rosa Quispe": (P, UNKNOWN, []),
        "China's foreign ministry": (O, None, []),
        "analysts": (G, None, []),
        "Keith Barrow": (P, UNKNOWN, []),
        "opposition lawmakers in Chile's Congress": (G, None, []),
    },
}


def build():
    sources = []
    with open(GOLD, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            key = (record["article"], record["resolved_speaker"])
            if key not in sources:
                sources.append(key)
    annotated = {(a, s) for a, speakers in SOURCES.items() for s in speakers}
    missing, extra = set(sources) - annotated, annotated - set(sources)
    assert not missing, f"not annotated: {sorted(missing)}"
    assert not extra, f"not sources of gold.jsonl: {sorted(extra)}"
    out = []
    for article, speaker in sources:
        kind, gender, evidence = SOURCES[article][speaker]
        text = open(os.path.join(HERE, "articles", f"{article}.txt"), encoding="utf-8").read()
        for phrase in evidence:
            assert phrase in text, f"{article}: evidence {phrase!r} not in the article"
        assert (kind == P) == (gender is not None), (article, speaker)
        assert (gender in (WOMAN, MAN)) == bool(evidence), f"{article}: {speaker}: evidence and gender disagree"
        out.append({"article": article, "resolved_speaker": speaker, "kind": kind,
                    "gender": gender if kind == P else "n/a", "evidence": evidence})
    return out


if __name__ == "__main__":
    records = build()
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    persons = [r for r in records if r["kind"] == P]
    counts = {g: sum(r["gender"] == g for r in persons) for g in (WOMAN, MAN, UNKNOWN)}
    print(f"{len(records)} sources, {len(persons)} persons: {counts}", file=sys.stderr)
