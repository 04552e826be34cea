"""Words that tell a speaker mention from a phrase that names no one (quotecat/extract/nonsource.py):
determiners with no noun, clause openers, time words a sentence opens with, verb forms."""

from typing import Final

# Words after a determiner that leave it with no noun: "the second", "the current", "the latter".
# Unresolved, these point back as a pronoun does; the noun they stood before was the cue ("The
# second blast", "the total reported casualties").
HEADLESS: Final = frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth last latter former
    current total same rest remaining following previous next latest whole entire final initial original
    other""".split())
LONE_DETERMINERS: Final = frozenset({"another", "multiple", "numerous", "various", "several", "each", "every",
                                     "the", "a", "an", "this", "these", "those"})
DEFINITE: Final = frozenset({"the", "this", "that"})
# Words after a pronoun in a subject of its own: "they all", "we both", "he and his lawyers".
AFTER_PRONOUN: Final = frozenset({"and", "or", "all", "both", "alone", "themselves", "himself", "herself"})
# Words after "not", "nearly" in a noun phrase: "not everyone", "nearly all analysts".
QUANTITIES: Final = frozenset({"all", "one", "everyone", "everybody", "every", "many", "much", "half"})
# Subject pronouns: a speaker that opens with one is a clause ("they entered caucus sites").
PRONOUNS: Final = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# Words that open a clause or a question, never a noun phrase that speaks.
CLAUSE_OPENERS: Final = frozenset({"how", "what", "whatever", "whether", "why", "when", "where", "who", "whom",
                                   "whose", "no matter"})
# -ly words that are adjectives before a noun (with function_words.LY_NOUNS) ("early results", "elderly residents"), not adverbs.
LY_ADJECTIVE_WORDS: Final = frozenset("""early elderly likely only friendly lonely costly deadly orderly burly holy ugly
    silly jolly lovely timely scholarly unlikely leery wily""".split())
# Time words a sentence opens with ("Hours later, ..."), with the days, months and units of
# time.py: no one speaks by these alone.
OPENING_TIME_PLURALS: Final = frozenset({"hours", "minutes", "days", "moments", "seconds", "decades", "centuries",
                                         "weeks", "months", "years"})
# -ing nouns that speak: "Polling shows", "the ruling said".
ING_NOUNS: Final = frozenset("polling reporting briefing ruling filing filings finding findings hearing "
                             "meeting recording reading testing morning evening spring wedding building".split())
# "anything the senator said", "Nothing the president": no one.
INDEFINITE_THINGS: Final = frozenset({"anything", "nothing", "something", "everything"})
# Adverbs that also modify a noun's phrase: "earlier reports", "only one source", "just 40 percent".
ADVERBS_BEFORE_NOUNS: Final = frozenset({"earlier", "later", "first", "last", "only", "just", "even", "long",
                                         "once", "then", "now", "still", "initially"})
# Past tenses that do not end in -ed: "sent", "took", "made".
PAST_TENSES: Final = frozenset("""sent took made gave told wrote drew won lost began held met left led brought put
    kept struck threw spent sought caught""".split())
PARTICLES: Final = frozenset({"out", "up", "off", "down", "back"})
NAMING: Final = frozenset({"called", "named", "dubbed", "titled", "nicknamed", "considered", "conducted"})
OBJECT_PRONOUNS: Final = frozenset({"them", "him", "her", "us", "it", "me", "you"})
TIME_DETERMINERS: Final = frozenset({"this", "last", "next", "each", "every"})  # "a report issued this month"
RELATIVES: Final = frozenset({"who", "which", "that"})
# Participles whose object is where a claim comes from: "citing X", "echoing X", "including X".
NAMES_A_SOURCE: Final = frozenset({"citing", "quoting", "echoing", "including", "according", "per"})
# Words after which a clause's own subject comes: "what (Trump) said", "something (Republicans) want".
OPENS_A_SUBJECT: Final = frozenset({"what", "why", "whom", "whose", "how"}) | INDEFINITE_THINGS

