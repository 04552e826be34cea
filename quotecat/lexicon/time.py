"""Days, months and the words of time expressions ("on Tuesday", "last week", "in March").

A time expression after a cue is skipped ("said on Friday that"), and one after an inverted
source ends it ('said Ellis on Tuesday').
"""

from typing import Final

# "may" and "march" are left out: they are also words (see WHEN_WORDS).
MONTHS: Final = set("""january february march april may june july august september october november december
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.""".split()) - {"may", "march"}
DAYS: Final = set("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    weekend morning afternoon evening night""".split())
RELATIVE_DAYS: Final = frozenset({"today", "yesterday", "tonight"})
# Units of time spans: "two weeks ago", "last year".
TIME_UNITS: Final = frozenset({"week", "month", "year", "ago", "weeks", "months", "years"})
# Words after which the next says when: "on Friday", "last week", "early morning".
TIME_STARTS: Final = frozenset({"on", "in", "last", "earlier", "this", "late", "early"})
# Words that may follow one of TIME_STARTS in a time expression.
TIME_WORDS: Final = DAYS | {"last", "this", "next", "week", "month", "year", "earlier", "on",
                            "recently", "days", "ago", "weeks", "months", "years"}
# Where an inverted source ends ('said Ellis on Tuesday'): these, then one of WHEN_WORDS.
WHEN_STARTS: Final = {"on", "last", "this", "next", "earlier", "late", "early", "in", "during"}
# After "in" or "on", "May" and "March" are months.
WHEN_WORDS: Final = DAYS | MONTHS | {"may", "march", "week", "weekend", "month", "year", "morning",
                                     "afternoon", "evening", "night"}
# A content fragment made of these words only, one of TIME_NOUNS among them, is when the source spoke, not
# what it said ("reported a few days later", "A few minutes later, he added: ..."); records.py drops it.
TIME_NOUNS: Final = WHEN_WORDS | TIME_UNITS | frozenset({"day", "days", "hour", "hours", "minute", "minutes",
                                                          "later", "earlier"})
TIME_PHRASE_WORDS: Final = TIME_NOUNS | TIME_STARTS | TIME_WORDS | WHEN_STARTS | frozenset({
    "a", "an", "the", "few", "several", "then", "same", "that", "of", "at", "after", "before", "within", "over",
    "just", "only", "about", "around", "nearly", "almost", "some", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "past", "again"})
