"""Reporting cues: the verbs that attribute speech, writing, belief and evidence, and how the rules use them.

``SPEECH_VERBS`` and ``THOUGHT_VERBS`` are the one list of reporting verbs (every form
mapped to its lemma); every other list here picks lemmas or forms of them for one rule.
"""

from typing import Final


# Lemmas that double their last consonant before -ed and -ing ("admitted", "quipping"). Missing, these
# forms were no cue word: on the polnear-train tuning half 19 gold cues were admitted/admitting,
# bragged, slammed/slamming, quipped or concurred ("admitted" reached the gate only as a mined word).
DOUBLING_LEMMAS: Final = frozenset({"admit", "quip", "concur", "brag", "slam"})


def _forms(*lemmas: str) -> dict[str, str]:
    """Inflected forms of regular verbs, each mapped to its lemma."""
    forms = {}
    for lemma in lemmas:
        base = lemma
        if base in DOUBLING_LEMMAS:
            ed, ing = base + base[-1] + "ed", base + base[-1] + "ing"
        elif base.endswith("e"):
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
SPEECH_LEMMAS: Final = frozenset(SPEECH_VERBS.values())
# Cue forms in -s that are verbs after a lowercase word, never plural nouns ("the mayor says").
S_FORM_VERBS: Final = frozenset({"says", "tells", "writes"})

# Forms that are far more often nouns or other verbs than reporting cues: never a cue word.
NOT_CUE_FORMS: Final = frozenset({
    "state", "states", "plan", "report", "signal", "signals", "show", "post", "posts",
    "quote", "quotes", "project", "projects", "figure", "figures", "charge", "answer",
    "question", "comment", "demand", "call", "cite", "point", "points", "continuing",
    "put"})
# Every form a cue is looked for at, with its lemma.
CUE_WORDS: Final = {form: lemma for form, lemma in {**THOUGHT_VERBS, **SPEECH_VERBS}.items()
                    if form not in NOT_CUE_FORMS}
# Words besides CUE_WORDS that make a sentence worth reading for a cue ("according to", "called for").
CUE_HINTS: Final = frozenset(CUE_WORDS) | {"according", "called", "calls", "calling", "cited", "citing",
                                           "described", "describes"}

# Cues that need no "that" before a bare clause (zero complementizer is common).
BARE_CLAUSE_LEMMAS: Final = {"say", "tell", "add", "believe", "think", "write", "argue", "insist",
                             "claim", "warn", "note", "predict", "estimate", "suggest", "acknowledge",
                             "admit", "fear", "hope", "expect", "know", "report", "explain", "contend",
                             "concede", "assert", "maintain", "recall", "complain", "worry", "feel",
                             "guess", "reckon", "agree", "announce", "testify", "stress", "emphasize",
                             "confirm", "continue", "respond", "reply", "tweet", "post", "state", "declare",
                             # mined: a bare clause follows these in 57-75% of the annotated cases
                             # (training/, the tuning half): "reports indicate the road was closed"
                             "indicate", "reveal", "reiterate"}
# Lemmas that are risky as cues without a quotation, "that", or a person as subject.
WEAK_LEMMAS: Final = {"want", "plan", "intend", "see", "hear", "learn", "find", "show", "determine",
                      "know", "understand", "figure", "question", "ask", "demand", "urge", "promise",
                      "pledge", "vow", "charge", "signal", "cite", "highlight", "underscore", "put",
                      "post", "continue", "report", "quote", "imagine", "recognize", "project",
                      "forecast", "agree", "indicate", "speak", "answer", "conclude", "predict",
                      "estimate", "repeat", "counter", "state", "realize", "feel", "expect", "hope",
                      "fear", "think", "guess", "respond", "reply", "add", "observe", "mention",
                      "suspect", "doubt", "assume", "worry", "comment", "deny", "specify", "complain"}
# Weak belief lemmas that may still take a bare clause ("I think it will pass").
BARE_BELIEF_LEMMAS: Final = frozenset({"believe", "think", "fear", "hope", "expect", "know", "feel", "worry",
                                       "want", "plan", "indicate"})
# Weak lemmas that need content after them: "..., X found." attributes nothing.
# Lemmas that report nothing after "not", "n't" or "never": "did not know", "never believed". Mined on
# ../shared/polnear-train, a cue after did not / didn't / never / would not / does not / has not ... and how
# often the annotators made it an attribution: believe 1/38, think 5/104, know 7/96, see 5/33, understand
# 3/20, hear 2/17, feel 2/14, find 0/8, agree 0/8, add 0/5, recognize 0/5, realize 0/3, recall 0/3.
# Left out because they do report when negated: mention 21/24, respond 17/36, say 14/37, want 17/109,
# endorse 9/20 ("did not say whether ...", "did not mention the loan" are the subject's).
NEGATED_NOT_REPORTS: Final = frozenset({"believe", "think", "know", "see", "understand", "hear", "feel", "find",
                                        "agree", "add", "recognize", "realize", "recall"})
# A cue's lemma and the word after it that make another verb of it: "the cuts add up to a third of the
# budget" is arithmetic, "Ruiz reported from Portland, Ore.; Berg, from Kestrel Bay." a credit line. On
# ../shared/polnear-train the extractor read these as cues 0 times on the tuning half and once on the check
# half ("add up"), once on each half ("reported from"): none was an attribution of the annotators.
NOT_REPORT_PARTICLES: Final = frozenset({("add", "up"), ("report", "from")})

# A cue lemma and the words after it that make it an activity rather than a report: "spoke at a
# rally", "spoke hours after the vote", "speaking to reporters", "maintains a lead". A feature of the
# row confidence ("activity"), not a cut: the rows cover a gold attribution of PolNeAR in 14 of 23 on
# the tuning half (6 the only row of their gold; most others a second row of the clause's own report,
# "Speaking at a rally, Ruiz warned ...") and 20 of 30 on the check half (8 the only row), but they
# are rarely right (span and speaker: tuning 7 of 23, check 10 of 30, against 0.85 of all rows), and a
# journalist's hand check rejects them.
ACTIVITY_READINGS: Final = frozenset(
    {("speak", word) for word in ("hours", "minutes", "days", "shortly", "just", "moments", "after", "before",
                                  "during", "as", "while", "at", "on", "in", "from", "with", "to", "for", "outside",
                                  "inside", "alongside", "briefly", "here", "there", "earlier", "later", "again",
                                  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
    | {("maintain", word) for word in ("a", "an", "the")})

CONTENT_AFTER_LEMMAS: Final = frozenset({"show", "find", "see", "hear", "learn", "want", "plan", "know"})
# Lemmas whose content may be a "to" infinitive: "vowed to rebuild the bridge".
INFINITIVE_LEMMAS: Final = frozenset({"want", "plan", "intend", "hope", "expect", "promise", "pledge", "vow",
                                      "urge", "agree"})

# Cues that may come before their subject: '"...," said X.'
INVERTING_LEMMAS: Final = {"say", "add", "write", "tell", "ask", "explain", "continue", "note", "recall",
                           "insist", "warn", "argue", "reply", "respond", "conclude", "declare", "observe",
                           "remark", "counter", "quip", "joke", "admit", "acknowledge", "concede", "complain",
                           "predict", "suggest", "state", "answer", "retort", "tweet", "post", "report",
                           "emphasize", "stress", "agree", "claim", "contend", "muse", "recount", "shout", "yell"}
# Cues whose object is what is attributed: "called for a ban", "cited a report".
OBJECT_LEMMAS: Final = {"call", "cite", "describe", "criticize", "criticise", "condemn", "praise", "blast",
                        "slam", "accuse", "denounce", "mock", "dismiss", "reject", "question", "defend",
                        "applaud", "hail", "decry", "lambaste", "endorse", "mention", "urge", "demand", "attack",
                        "liken", "compare", "label", "brand", "credit", "blame"}
# "called for a ban", "called on the council to act": the object follows these.
CALL_PARTICLES: Final = frozenset({"for", "on"})
# Cues with a hearer before the content: "told reporters (that) ...", "warned lawmakers ...".
HEARER_LEMMAS: Final = frozenset({"tell", "ask", "urge", "warn", "assure", "promise"})
# Lowercase words that can be the hearer ("told reporters", "told the crowd").
HEARERS: Final = frozenset({"reporters", "journalists", "him", "her", "them", "me", "us", "lawmakers", "supporters",
                            "the", "audience", "listeners", "viewers", "readers", "senators", "voters", "members",
                            "crowd"})
# Participles and words after a comma that start another clause, not an appositive of an inverted source.
CLAUSE_AFTER_SOURCE: Final = frozenset({"adding", "saying", "noting", "arguing", "but", "and", "who", "which",
                                        "according", "explaining", "insisting"})
# Verbs that may follow a quotation ending in ? or ! in the same sentence ('"Why?" she asked.'):
# the sentence splitter does not cut there. ("exclaimed" is here but not yet a cue word.)
QUOTE_CLOSING_VERBS: Final = {"said", "says", "asked", "asks", "added", "adds", "wrote", "writes", "told", "tells",
                              "recalled", "replied", "responded", "shouted", "exclaimed", "wondered", "joked",
                              "continued", "insisted", "declared", "argued", "explained", "noted", "warned"}

# A text's words after its quotation: '"...," the statement read.' / '"...," read the letter.' In the
# tuning half of ../shared/polnear-train, 7 of the 7 such clauses after a quotation are attributions;
# the learned gate, which sees "read" mostly as "read the book", kept none of them.
QUOTE_READING_VERBS: Final = frozenset({"read", "reads"})

# Naming, not claiming: "known locally as "the Snake"", "a report titled ...". Never mined as cues
# (training/cues.py), though annotated news sometimes marks them.
NAMING_FORMS: Final = frozenset({"known", "named", "titled", "entitled", "dubbed", "nicknamed", "renamed"})

# Raising verbs proper: "appears to", "seemed ready" attribute their clause to no one named in the
# active voice. Every other cue the model mined as spanning the clause around it ("expected",
# "deemed", "seen", "considered") does so only after a form of "be" ("is widely expected to"), in
# "as expected", "than expected" or after a comma ("Ruiz, seen as the favourite, ..."). Mined on the
# polnear-train tuning half: of those participles read as raising elsewhere, 5 of 34 were a
# source-less gold attribution ("The board deemed the pier unsafe", "the council has long
# considered ..." have their subject as source); after "be", "as" or a comma, 52 of 80. Read instead
# as the subject's own cue (the looser reading), they lowered the retrained gate's lexicon threshold
# (1.02 -> 0.83) and with it polnear-dev precision (0.940 -> 0.936): they are no cue at all.
ACTIVE_RAISING_FORMS: Final = frozenset({"appear", "appears", "appeared", "seem", "seems", "seemed", "look",
                                         "looks", "looked"})
# Forms of "be" (and "get") before a passive participle, contracted and negated ones included.
PASSIVE_BE: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "’s", "'s",
                               "’re", "'re", "isn’t", "isn't", "aren’t", "aren't", "wasn’t", "wasn't", "weren’t",
                               "weren't"})
# "appeared on the evening news", "appears at a rally": being somewhere, not a raising verb. Of the 8
# such raising readings on the tuning half, none was a source-less gold attribution.
APPEARING_PLACES: Final = frozenset({"at", "on", "in", "before", "with", "alongside", "onstage"})

# Subjects that can "show" or "find": evidence rather than a person.
EVIDENCE_NOUNS: Final = {"poll", "polls", "survey", "surveys", "study", "studies", "data", "report", "reports",
                         "records", "analysis", "figures", "numbers", "research", "documents", "statistics",
                         "estimates", "results", "review", "audit", "investigation", "findings", "evidence"}

# 'WALLACE: ...' is a speaker label; these words before a colon are a newsroom's own labels.
NOT_LABELS: Final = {"update", "note", "editor's note", "editor’s note", "related", "photo", "source", "watch",
                     "read more", "correction", "advertisement", "video", "caption", "credit", "warning",
                     "breaking", "exclusive", "analysis", "opinion", "q", "a", "live", "full text", "abstract",
                     "sources", "clarification", "contact", "email", "tags", "topics", "see also", "more",
                     "listen", "transcript", "partial transcript", "disclosure", "image", "getty images",
                     "contributing", "byline"}
# Label endings that are never a speaker ("Weather update:", "Editor's note:").
NOT_LABEL_ENDINGS: Final = ("update", "note")
# Words that, after a comma inside an unquoted content, start a second attribution of the same claim
# ("the plan stalled, according to a memo seen by ..."): the claim ends before them. Mined on the
# polnear-train tuning half: of the contents the extractor ran past such a comma, the gold stops
# there for 6 of 7 (and of the gold contents next to "according to", 121 end at the comma, 8 run on).
SECOND_SOURCE_OPENERS: Final = ("according to",)
# The writer's gloss after a content, set off by a comma ("..., a reference to the new tariffs", "...,
# apparently referring to the mayor"): the writer explains the claim, the claim ends before the comma.
# A noun phrase "a/an [hedge] NOUN to/at", or a participle phrase "[adverb] PARTICIPLE to".
GLOSS_NOUNS: Final = ("reference", "allusion", "nod", "swipe", "dig", "jab")
GLOSS_HEDGES: Final = ("apparent", "veiled", "thinly veiled", "thinly-veiled", "oblique", "obvious", "clear",
                       "pointed", "implicit", "indirect", "possible")
GLOSS_PARTICIPLES: Final = ("referring to", "alluding to", "in reference to")
GLOSS_ADVERBS: Final = ("apparently", "presumably", "likely", "possibly", "seemingly", "an apparent", "clearly")
# Words that open a clause coordinated with the content's, when the new clause names its own source
# ("X backed the plan, but Y said it was too late"): the content ends before them. "and" is not one:
# there the gold runs on into the second clause almost as often as it stops (it stops 11 of 19 times
# on the two polnear-train halves).
CLAUSE_CONNECTIVES: Final = (", but", ", while", ", whereas", ";")
# Cues that set the scene for a report rather than report ("Speaking to reporters, X warned that ...",
# "what is considered a success, X says"): when the row's content holds a whole report of its own (a
# second row's cue and source), the outer row is dropped and the inner one kept. Mined on the
# polnear-train tuning half (rows whose content holds another row's cue and source): of 6 "speaking"
# and 4 "considered" outer rows, none matches a gold attribution with its own cue and none is the only
# row covering its gold (check half: 11 "speaking", the same 0 and 0). Other lemmas do not hold: of 580
# such outer rows 571 match a gold and 222 are its only cover ("released" 4, "promise" 3 were close
# but fail on the check half).
FRAMING_CUES: Final = frozenset({"speaking", "considered"})

# The -ing forms of the cue verbs: a participle phrase opening the sentence before the source and its
# cue ("Speaking to reporters, X said ...", "Acknowledging that ..., X suggested") is the writer's setting.
CUE_PARTICIPLES: Final = frozenset(form for form in CUE_WORDS if form.endswith("ing"))

# A question opening the sentence ("When asked about the vote, ...", "Asked by reporters whether ..."):
# the words that may come before "asked" ...
QUESTION_OPENER_LEADS: Final = frozenset({"when", "if", "once", "after", "before", "later", "again", "also"})
# ... and the words that end the asker's name after "by" and start the question.
QUESTION_STARTS: Final = frozenset({"about", "whether", "if", "why", "what", "how", "who", "whom", "which", "when",
                                    "where", "to", "for", "on", "during", "in", "at", "after", "again"})

# The cue verbs of writing, after which "in <outlet>" is where the words were published ("X wrote in
# The Times"): the forms of "write" above, and the opinion writer's "argued", "opined".
WRITING_CUES: Final = frozenset(w for w, lemma in SPEECH_VERBS.items() if lemma == "write") \
    | frozenset({"argued", "argues", "opined"})
