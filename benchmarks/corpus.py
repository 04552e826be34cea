"""A synthetic news corpus for benchmarks and scale tests: articles generated from templates.

Every article is different: speakers, organisations, roles, cue verbs, attribution
patterns (direct, inverted, indirect, mixed, "according to", colon lead-ins,
quotations split by their attribution, quotations running over two paragraphs,
pronoun follow-ups, anonymous sources) and filler sentences are drawn at random
from the lists below with a seeded generator, so the same seed gives the same corpus.

Its shape follows real news as quotecat reads it. Measured on the 82 PolNeAR
development articles / the first article / this corpus: 232 / 266 / 213 bytes a
paragraph; 0.56 / 0.65 / 0.70 of paragraphs attribute something; 3.30 / 3.76 / 3.68
attributions a kilobyte. Articles run 8 to 18 paragraphs, about 3 KB (a wire story;
the PolNeAR median is 3.9 KB), so 100,000 articles hold about a million attributions.
"""

import json
import random
from collections.abc import Iterator
from pathlib import Path

FIRST = """Marta Julian Aisha Wei Carlos Fatima Peter Ingrid Kwame Sofia David Elena Idris Grace Hiroshi
Laura Ahmed Nadia Tom Priya Lucas Amara Jonas Chloe Rafael Mei Samuel Irina Daniel Leila Marcus Hannah
Victor Yusuf Clara Diego Anna Kofi Beatrice Ethan Zara Paolo Ruth Nikolai Alice Tariq Helen Joseph Emma""".split()
FEMALE = set("""Marta Aisha Wei Fatima Ingrid Sofia Elena Grace Laura Nadia Priya Amara Chloe Mei Irina Leila
Hannah Clara Anna Beatrice Zara Ruth Alice Helen Emma""".split())
LAST = """Okafor Lindqvist Moreau Tanaka Haddad Novak Brennan Castillo Osei Kowalski Rahman Fischer
Delgado Nakamura Petrov Mensah Johansson Alvarez Whitfield Chen Abara Quigley Sandoval Ferreira Bauer
Kaplan Mwangi Sorensen Lambert Ibrahim Rossi Hughes Varga Eriksen Popescu Nguyen Adeyemi Walsh Romero
Schultz Takahashi Obi Marsh Gallagher Dubois Yilmaz Hartmann Costa Reyes Lindgren Farouk Keller""".split()
TITLES = ["Dr.", "Col.", "Sen.", "Gov.", "Prof.", "Gen.", "Rep."]
ROLES = """spokesman spokeswoman director chairman analyst economist minister professor researcher
commander secretary adviser manager chief executive official president lawyer coach mayor""".split()
ORG_KINDS = ["Ministry of {}", "{} Institute", "University of {}", "{} Council", "{} Party",
             "{} Authority", "{} Association", "{} Group", "{} Foundation", "Bank of {}"]
ORG_WORDS = """Finance Health Defence Energy Transport Northfield Carrow Halden Meridian Eastbrook
Westmarch Riverside Agriculture Education Labour Justice Trade Harbour Granite Summit Pinecrest
Lakeshore Oakridge Silverton Kingsford Ashford Brightwater Redcliff Stonebridge""".split()
CUES = ["said", "said", "said", "told reporters", "added", "explained", "warned", "argued", "noted",
        "insisted", "wrote", "stressed", "claimed"]
ANON = ["a senior official", "a Western diplomat", "two people familiar with the matter", "residents",
        "a spokesman for the ministry", "officials", "analysts", "a person briefed on the talks"]
MEDIA = ["in an interview", "in a statement", "at a news conference", "in a telephone interview",
         "on Tuesday", "on Friday", "last week"]
SUBJECTS = ["budget", "bridge", "council", "plan", "talks", "strike", "election", "harbour", "new law",
            "project", "company", "region", "agreement", "inquiry", "hospital", "vote", "ceasefire",
            "market", "school", "pipeline", "report"]
VERBS = ["would be delayed", "was unsafe", "could collapse", "had failed", "would cost more",
         "would be approved", "was a mistake", "had been rushed", "would protect jobs", "could not continue",
         "was working", "had improved", "needed more time", "would hurt families", "was long overdue",
         "had broken the rules"]
ADVERBS = ["clearly", "simply", "still", "already", "probably", "certainly", "not yet", "never"]
NOUNS = """families workers residents farmers drivers patients students voters investors officials
neighbours engineers teachers nurses traders fishermen""".split()
PLACES = """Northfield Carrow Halden Meridian Eastbrook Westmarch Riverside Kingsford Ashford Redcliff""".split()
FILLER = [
    "The {subject} has been debated in {place} for {n} months.",
    "About {n} {noun} gathered outside the town hall on {day}.",
    "Figures published on {day} showed a rise of {n} percent in costs.",
    "The decision comes after {n} years of talks between {place} and {place2}.",
    "Work on the {subject} began in {year} and was due to finish last spring.",
    "Many {noun} in {place} say they were not consulted.",
    "The council is expected to vote again before the end of the year.",
    "Officials in {place} did not respond to requests for comment.",
    "Critics have questioned whether the {subject} can be completed on time.",
    "It was not clear how the {subject} would be paid for.",
    "The {subject} was first proposed by a committee of {n} members, which met in {place} in {year}.",
    "Since then, the cost has risen to more than {n} million, and the timetable has slipped twice.",
    "In {place2}, where a similar {subject} was abandoned in {year}, {noun} are watching closely.",
    "A report by the regional audit office last year found that about {n} percent of the money had not been spent.",
    "The {subject} is one of {n} schemes under review, and the only one in {place}.",
    "Turnout in the last vote was {n} percent, the lowest since {year}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["The Northfield Courier", "Meridian Daily", "Harbour Gazette", "The Westmarch Post", "Riverside Herald"]


def _capitalised(text: str) -> str:
    """The first letter in upper case, the rest as it was ("a Western diplomat" -> "A Western diplomat")."""
    return text[:1].upper() + text[1:]


# Gendered role nouns a person of the other pronoun is not given.
_ROLES_OF = {"she": {"spokesman", "chairman"}, "he": {"spokeswoman"}}


class _Article:
    def __init__(self, rng: random.Random, n: int):
        self.rng = rng
        self.n = n
        self.people = [self._person() for _ in range(rng.randint(2, 5))]
        self.place = rng.choice(PLACES)

    def _person(self):
        r = self.rng
        first, last = r.choice(FIRST), r.choice(LAST)
        org = r.choice(ORG_KINDS).format(r.choice(ORG_WORDS))
        pronoun = "she" if first in FEMALE else "he"
        role = r.choice([role for role in ROLES if role not in _ROLES_OF[pronoun]])
        return {"first": first, "last": last, "name": f"{first} {last}", "role": role,
                "org": org, "title": r.choice(TITLES) if r.random() < 0.3 else None,
                "pronoun": pronoun, "introduced": False}

    def clause(self) -> str:
        r = self.rng
        s = f"the {r.choice(SUBJECTS)} {r.choice(VERBS)}"
        if r.random() < 0.5:
            s += f" for {r.choice(NOUNS)} in {r.choice(PLACES)}"
        return s

    def quote(self) -> str:
        r = self.rng
        parts = []
        for _ in range(r.randint(1, 3)):
            c = self.clause()
            if r.random() < 0.3:
                c = f"{r.choice(['We', 'They', 'I'])} think {c}"
            elif r.random() < 0.3:
                c = f"{c}, and that is {r.choice(ADVERBS)} what {r.choice(NOUNS)} were told"
            parts.append(_capitalised(c))
        return ". ".join(parts)

    def subject(self, p) -> str:
        """The source as the subject of its sentence: "Anna Keller, a chairman at the X Institute," or "she"."""
        m = self.mention(p)
        return _capitalised(m)

    def mention(self, p) -> str:
        if not p["introduced"]:
            p["introduced"] = True
            title = f"{p['title']} " if p["title"] else ""
            return f"{title}{p['name']}, {self.rng.choice(['a', 'the'])} {p['role']} at the {p['org']},"
        return self.rng.choice([p["last"], p["pronoun"], p["name"]])

    def filler(self) -> str:
        r = self.rng
        return r.choice(FILLER).format(subject=r.choice(SUBJECTS), place=self.place, place2=r.choice(PLACES),
                                       n=r.randint(2, 400), noun=r.choice(NOUNS), day=r.choice(DAYS),
                                       year=r.randint(1998, 2024))

    def paragraph(self) -> list[str]:
        """One paragraph, or two when a quotation runs over a paragraph break."""
        r = self.rng
        p = r.choice(self.people)
        cue = r.choice(CUES)
        q = self.quote()
        pattern = r.randrange(17)  # 8, 10-16: no attribution, as in a real story's background paragraphs
        if pattern == 0:
            return [self._after_quote(q, cue, self.mention(p).rstrip(","))]
        if pattern == 1:
            return [f'{self.subject(p)} {cue} {r.choice(MEDIA)}: "{q}."']
        if pattern == 2:
            return [f"{self.subject(p)} {cue} {self.clause()}. {self.filler()}"]
        if pattern == 3:
            c = self.clause()
            return [f"{_capitalised(c)}, according to {r.choice(ANON + [p['name']])}."]
        if pattern == 4:
            return [f'{self.subject(p)} {cue} {self.clause()} and that it "{r.choice(VERBS)} for {r.choice(NOUNS)}."']
        if pattern == 5:
            first, second = self.quote(), self.quote()
            return [f'"{first}," {p["pronoun"] if p["introduced"] else self.mention(p).rstrip(",")} said. "{second}."']
        if pattern == 6:
            return [f'"{q}.', f'"{self.quote()}," {self.mention(p).rstrip(",")} added.']
        if pattern == 7:
            return [f"{_capitalised(r.choice(ANON))} {cue} {self.clause()}, speaking on condition of anonymity."]
        if pattern == 9:
            return [self._after_quote(q, cue.split()[0], self.mention(p).rstrip(","), r.choice(MEDIA))]
        return [" ".join(self.filler() for _ in range(r.randint(2, 4)))]

    @staticmethod
    def _after_quote(q: str, cue: str, mention: str, when: str = "") -> str:
        """'"Q," said Anna Keller on Tuesday.' - but 'she said', as news writes it after a pronoun."""
        clause = f"{mention} {cue}" if mention in ("he", "she") or " " in cue else f"{cue} {mention}"
        return f'"{q}," {clause}{" " + when if when else ""}.'

    def record(self) -> dict:
        r = self.rng
        p = self.people[0]
        paragraphs = [f"{self.filler()} {self.subject(p)} said {self.clause()}."]
        for _ in range(r.randint(7, 17)):
            paragraphs += self.paragraph()
            if r.random() < 0.6:  # context after the attribution, as real paragraphs have
                paragraphs[-1] += " " + self.filler()
        headline = f"{self.place} {r.choice(['council', 'officials', 'residents', 'ministers'])} " \
                   f"{r.choice(['split over', 'back', 'reject', 'delay', 'question'])} the {r.choice(SUBJECTS)} " \
                   f"({self.n})"
        return {
            "title": _capitalised(headline),
            "text": "\n\n".join(paragraphs),
            "authors": [f"{r.choice(FIRST)} {r.choice(LAST)}"],
            "outlet": r.choice(OUTLETS),
            "published": f"20{r.randint(10, 24)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
            "url": f"https://news.example/{self.n // 1000}/{self.n}",
        }


def articles(count: int, seed: int = 1) -> Iterator[dict]:
    """``count`` article records (title, text, authors, outlet, published, url), each generated afresh."""
    rng = random.Random(seed)
    for n in range(count):
        yield _Article(rng, n).record()


def write_jsonl(path: Path | str, count: int, seed: int = 1) -> Path:
    """One article a line: the common archive export."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for record in articles(count, seed):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def write_tree(folder: Path | str, count: int, seed: int = 1, per_folder: int = 1000) -> Path:
    """Plain text files in a folder tree, ``per_folder`` to a folder: outlet, headline, byline, paragraphs."""
    folder = Path(folder)
    for n, record in enumerate(articles(count, seed)):
        sub = folder / f"{n // per_folder:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        body = f"{record['outlet']}\n{record['title']}\nBy {record['authors'][0]}\n\n{record['text']}\n"
        (sub / f"article-{n:07d}.txt").write_text(body, encoding="utf-8")
    return folder
