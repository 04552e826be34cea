"""Function words: auxiliaries, determiners, prepositions, pronouns, conjunctions and adverbs.

The grammar of a reporting clause is read from these: where a subject starts and stops,
what may stand between a subject and its cue, which words open a new clause.
"""

from typing import Final

# Auxiliaries and modals: never part of a source, and a cue right after one is not its subject's report.
AUXILIARIES: Final = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
                      "can", "could", "should", "may", "might", "must", "do", "does", "did", "'s", "get", "got",
                      # the auxiliary the tokenizer splits off a pronoun ("He’s hoping", "They’ve said"): on the
                      # polnear-train tuning half 24 gold cues after one were missed, 20 of them lexicon verbs
                      "’s", "'re", "’re", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "'m", "’m"}
# Auxiliaries of the passive: "was told", "were asked" report nothing by their subject.
PASSIVE_AUXILIARIES: Final = {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"}

# Words between a subject and its cue that do not break the link.
ADVERBS: Final = set(
    """also has have had later previously often once again then repeatedly recently further
    publicly privately separately earlier still already never always would will could may might
    later quickly frankly flatly bluntly simply just only even first last long since had been
    reportedly allegedly bluntly repeatedly explicitly specifically subsequently similarly
    apparently angrily openly directly not did does do""".split()
)

# Determiners and quantifiers that may open a noun phrase.
DETERMINERS: Final = {"a", "an", "the", "some", "many", "several", "two", "three", "four", "five",
                      "other", "another", "most", "few", "both", "all", "one", "his", "her", "their",
                      "its", "our", "these", "those", "this", "that", "any", "senior", "top", "more",
                      "dozens", "hundreds", "thousands", "numerous", "multiple", "various", "no"}
ARTICLES: Final = frozenset({"the", "a", "an"})
INDEFINITE_ARTICLES: Final = frozenset({"a", "an"})
# Determiners before a lowercase head that make it a noun ("the campaign", "its board");
# the rest of DETERMINERS count ("Many", "Two", "Most") and never start a name.
NOUN_DETERMINERS: Final = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"})
# What comes off the front of a role or an organisation's name ("the ministry" -> "ministry").
STRIPPED_DETERMINERS: Final = NOUN_DETERMINERS - {"this", "that"}
QUANTIFIERS: Final = DETERMINERS - NOUN_DETERMINERS
# Quantifiers of one: "one resident" is not a group.
SINGULAR_QUANTIFIERS: Final = frozenset({"one", "another", "any", "no"})
DEMONSTRATIVES: Final = frozenset({"that", "this", "these", "those"})
# A mention starting with one of these points back to an earlier one ("the commander").
DEFINITE: Final = DEMONSTRATIVES | {"the"}

PREPOSITIONS: Final = {"at", "in", "on", "during", "to", "with", "for", "after", "before", "of", "about",
                       "from", "via", "through", "over", "while", "outside", "inside", "near"}
# Prepositions that attach an affiliation to a role: "spokesman for the coalition".
AFFILIATION_PREPS: Final = {"for", "at", "of", "with", "from", "in"}
# Prepositions of a phrase after a role or a quantity: "officials in Washington", "experts on Korea".
PHRASE_PREPS: Final = AFFILIATION_PREPS | {"on", "about"}
# Prepositions that let a lowercase phrase be a subject: "Experts on North Korea said".
SUBJECT_PHRASE_PREPS: Final = frozenset({"of", "on", "for", "at", "from"})

# Words that start a new clause: the subject of a cue never reaches past them.
CLAUSE_BREAKERS: Final = set(
    """that which because but while when although though if since so after before where whether
    until unless as than and or nor yet whereas once and,""".split()
)
COORDINATORS: Final = frozenset({"and", "or"})
# Words that join a second verb to a subject's first: "He toured the plant and says it will close."
VERB_COORDINATORS: Final = frozenset({"and", "but"})
RELATIVE_PRONOUNS: Final = frozenset({"who", "which"})
# Words that negate the verb after them ("did not say", "never mentioned"); "n't" is read as a suffix.
NEGATIONS: Final = frozenset({"not", "never"})
# Words that may stand between a negation and its verb besides "-ly" adverbs ("has not yet said").
NEGATION_GAP_WORDS: Final = frozenset({"yet", "even", "always", "once", "also"})
# Words that open an indirect question ("asked why ...", "wondered whether ...").
QUESTION_WORDS: Final = frozenset({"why", "whether", "how", "what", "if", "when", "where"})
# Words opening an aside between a subject and its cue: "X, who ..., said".
ASIDE_OPENERS: Final = RELATIVE_PRONOUNS | {"whose", "whom"}
# Connectives before a subject that are not part of it ("But the minister said").
SUBJECT_CONNECTIVES: Final = frozenset({"but", "and", "yet", "so", "still", "however", "meanwhile", "instead", "now",
                                        "then", "also", "even", "or"})
# Adverbs a sentence may open with before its subject ("Only God ...", "Perhaps the minister ..."):
# never a source, never the first word of one.
SENTENCE_ADVERBS: Final = frozenset({"only", "even", "perhaps", "maybe", "indeed", "moreover", "furthermore",
                                     "nevertheless", "nonetheless", "also", "just", "still", "now", "then",
                                     "instead", "meanwhile", "however", "here", "there", "thus", "hence",
                                     "otherwise", "besides", "likewise", "similarly", "finally", "first",
                                     "later", "earlier", "yesterday", "today", "initially", "eventually"})
# Words that open a coordinated noun phrase: "both Mugabe and Tsvangirai", "either side".
COORDINATION_OPENERS: Final = frozenset({"both", "either", "neither"})
# Connectives before a source mention that describe() drops. (SUBJECT_CONNECTIVES without
# "or" and with "later": one list would change what is found, left for a measured change.)
LEADING_CONNECTIVES: Final = {"but", "and", "yet", "so", "still", "however", "meanwhile", "instead", "also", "now",
                              "then", "later", "even"}
# Words after "CONTENT, X said," that start a clause of the writer's, not more content.
TRAILING_CLAUSE_WORDS: Final = {"until", "since", "because", "although", "though", "while", "as", "when", "if",
                                "unless", "and", "so", "whereas", "where", "but"}
# Words a bare clause never starts with ('"he said by phone"', "said nothing").
NOT_CLAUSE_STARTS: Final = frozenset({"by", "into", "nothing"})
# Words that open a phrase setting the scene before a subject ("At one point, ...", "Despite the
# feud, ...", "Though the agency kept quiet, ..."), not a reported clause.
OPENER_STARTS: Final = PREPOSITIONS | {"according", "despite", "as", "though", "although", "when", "once",
                                       "since", "until", "last", "earlier", "still", "under", "among", "amid",
                                       "following", "like", "unlike", "throughout", "within", "by", "more"}

GROUP_PRONOUNS: Final = {"they", "them"}
# Quantifiers that are a whole source ("Others argue ...", "Some say ..."): an unnamed group, never a name.
# (On the polnear-train tuning half 48 gold attributions with one of these as their source were missed, 18
# found; reading them as subjects where the rules do not, retrained, moved nothing: check half all 0.620 ->
# 0.620, polnear-dev 0.684 -> 0.682.)
BARE_QUANTIFIERS: Final = frozenset({"some", "many", "others", "most", "both", "few", "several"})
# Shares of a poll's respondents, which speak for them: "55 percent said", "half say", "a majority believe".
QUANTITY_WORDS: Final = frozenset({"percent", "%", "half", "majority", "minority", "plurality", "third", "thirds",
                                   "quarter", "quarters", "fifth", "fifths", "most"})
NUMBER_WORDS: Final = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty
    forty fifty sixty seventy eighty ninety hundred""".split())
# Words of a share "X in 10" opens with: "about four in 10", "more than six in 10".
SHARE_WORDS: Final = NUMBER_WORDS | {"about", "nearly", "almost", "roughly", "some", "only", "just", "more", "less",
                                     "than", "fewer", "over", "under", "least", "at"}
ORGANIZATION_PRONOUNS: Final = {"it"}
PERSON_PRONOUNS: Final = {"he": "he", "she": "she", "him": "he", "her": "she"}
FIRST_PERSON: Final = {"i", "we", "you"}
# Words that contract with a verb: "He's claiming" is "He" and "'s".
CONTRACTING_WORDS: Final = ("he", "she", "it", "they", "we", "i", "you", "that", "there")

# Derived lists, for the rules that use them together.
# Words between a determiner and a participle ("his long-awaited warning" is a noun; "has been warning" not).
VERB_MODIFIERS: Final = AUXILIARIES | ADVERBS | PREPOSITIONS
# After "called": "called for a ban" has an object; "called in" does not.
NOT_OBJECT_STARTS: Final = PREPOSITIONS - {"for", "on"} | {"by"}
# After "X said," a word that does not continue the content.
NOT_CONTINUATIONS: Final = PREPOSITIONS | CLAUSE_BREAKERS | {"who", "which", "according", "then", "also"}
# Nouns in -ly, which is otherwise an adverb's ending: "the family said", "a close ally warned".
LY_NOUNS: Final = frozenset({"family", "ally", "assembly", "daily", "weekly", "monthly", "quarterly", "rally",
                             "supply", "monopoly", "anomaly", "bully", "homily", "tally"})
# Words that never head a noun phrase.
FUNCTION_WORDS: Final = AUXILIARIES | CLAUSE_BREAKERS | DETERMINERS | ADVERBS | PREPOSITIONS | {
    "not", "no", "it", "there", "here", "what", "who", "whom", "this", "also", "just", "very", "so"}
# Pronouns for an unnamed person or people: "Someone called it ...", "Everyone agreed".
INDEFINITE_PERSONS: Final = frozenset({"someone", "somebody", "anyone", "anybody"})  # not "nobody": no source
INDEFINITE_GROUPS: Final = frozenset({"everyone", "everybody"})
