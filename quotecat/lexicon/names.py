"""Names of people: the small words inside them, and capitalised words that are no name."""

from typing import Final

# Lowercase words inside a name: "Ursula von der Leyen", "Abu Bakr al Baghdadi".
NAME_PARTICLES: Final = {"de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le",
                         "bin", "ibn", "al", "el", "abu", "st.", "mc", "y", "dos", "das", "ter"}
# Particles written with a hyphen before a capitalised name: "al-Assad".
HYPHENATED_PARTICLES: Final = ("al", "el", "bin", "ibn", "abu")
# Particles a run of capitalised words naming a person may hold ("Vincent van Gogh").
NAME_RUN_PARTICLES: Final = ("de", "van", "von", "bin")
# Capitalised words that start sentences or stand for someone: never a person's name.
NOT_NAMES: Final = {"The", "A", "An", "In", "On", "At", "But", "And", "As", "If", "When", "While", "After",
                    "Before", "During", "Since", "Although", "With", "For", "From", "By", "This", "That",
                    "These", "Those", "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "Its",
                    "Our", "Mr", "Mrs", "Ms", "Dr", "So", "Yet", "Still", "Meanwhile", "However", "Last",
                    "Next", "One", "Two", "Three", "Some", "Many", "Most", "All", "No", "Not", "There",
                    "Only", "Even", "Perhaps", "Maybe", "Also", "Just", "Indeed", "Then", "Now", "Here", "Instead",
                    "Both", "Either", "Neither", "Every", "Each", "Such", "Someone", "Somebody", "Anyone",
                    "Anybody", "Nobody", "Everyone", "Everybody"}
# Words that make a run of capitalised words an event, a place or a thing, not a person
# (with organizations.ORG_WORDS).
NOT_PERSON_WORDS: Final = set(
    """convention conference debate street avenue road river city county province state airport
    hall square tower bridge stadium museum prize award act bill law plan program day week war
    games cup series show island islands mountains valley park north south east west national
    republican democratic american united international federal new general election summit
    olympics festival trial case report review strategy doctrine treaty accord agreement""".split()
)
# Words written before a person's name that are no part of it: "Rival Hillary Clinton",
# "Former Trump adviser", "Then-Senator ..." (with the titles and role nouns of lexicon.titles).
NAME_PREFIXES: Final = {"former", "rival", "then", "ex", "late", "incumbent", "acting", "interim", "outgoing",
                        "incoming", "presumptive", "presidential", "republican", "democratic", "gop", "democrat",
                        "independent", "liberal", "conservative", "veteran", "longtime", "fellow", "embattled",
                        "disgraced", "billionaire", "businessman", "businesswoman", "candidate", "nominee",
                        "then-candidate", "then-senator", "then-president", "ex-president", "vice",
                        "current", "new", "top", "chief"}
# What may follow a surname and is no part of it: "John G. Roberts Jr."
NAME_SUFFIXES: Final = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Short forms of first names, for telling one person from two across articles: "Joe Biden"
# and "Joseph R. Biden" are one key. Only the common English pairs that newsrooms use for the
# same people; a form that is a name in its own right elsewhere (Ted, Jack) is left out.
NICKNAMES: Final = {
    "joe": "joseph", "bill": "william", "will": "william", "billy": "william", "bob": "robert",
    "rob": "robert", "bobby": "robert", "mike": "michael", "jim": "james", "jimmy": "james",
    "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard", "chuck": "charles",
    "charlie": "charles", "dan": "daniel", "danny": "daniel", "dave": "david", "steve": "steven",
    "chris": "christopher", "tony": "anthony", "andy": "andrew", "ben": "benjamin", "ed": "edward",
    "jeff": "jeffrey", "ken": "kenneth", "larry": "lawrence", "matt": "matthew", "nick": "nicholas",
    "pat": "patrick", "pete": "peter", "ron": "ronald", "sam": "samuel", "tim": "timothy",
    "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine", "cathy": "catherine",
    "sue": "susan", "jenny": "jennifer", "becky": "rebecca", "debbie": "deborah", "patty": "patricia",
}
