"""Words that say whether the article speaks of a woman or a man: honorifics, gendered role nouns,
kinship words and personal pronouns. Never first names (README, Gender): a name says what a name
service guesses, these words say what the article states.

Each maps to ``woman`` or ``man``. "Actor", "chair", "host" and "doctor" are left out: news uses them
for women and men alike (Wikinews calls Doris Day an actor).
"""

from typing import Final

# Written before a name: "Mrs. Keller", "Sir Ian", "Dame Judi". Lower case, with and without the full stop.
HONORIFICS: Final = {
    "mr.": "man", "mr": "man", "mrs.": "woman", "mrs": "woman", "ms.": "woman", "ms": "woman",
    "miss": "woman", "sir": "man", "dame": "woman", "lord": "man", "lady": "woman", "madam": "woman",
    "madame": "woman", "mme.": "woman", "mme": "woman", "king": "man", "queen": "woman", "prince": "man",
    "princess": "woman", "duke": "man", "duchess": "woman", "sheikh": "man", "sheikha": "woman",
}
# Role nouns that carry their holder's gender: "a spokeswoman", "Chairman Smith", "the actress".
GENDERED_ROLES: Final = {
    "spokesman": "man", "spokeswoman": "woman", "chairman": "man", "chairwoman": "woman",
    "congressman": "man", "congresswoman": "woman", "councilman": "man", "councilwoman": "woman",
    "assemblyman": "man", "assemblywoman": "woman", "alderman": "man", "alderwoman": "woman",
    "businessman": "man", "businesswoman": "woman", "policeman": "man", "policewoman": "woman",
    "sportsman": "man", "sportswoman": "woman", "anchorman": "man", "anchorwoman": "woman",
    "frontman": "man", "frontwoman": "woman", "countryman": "man", "countrywoman": "woman",
    "actress": "woman", "waitress": "woman", "hostess": "woman", "heiress": "woman",
    "stewardess": "woman", "countess": "woman", "empress": "woman", "emperor": "man", "nun": "woman",
    "monk": "man", "man": "man", "woman": "woman", "boy": "man", "girl": "woman", "gentleman": "man",
    "schoolboy": "man", "schoolgirl": "woman", "king": "man", "queen": "woman", "prince": "man",
    "princess": "woman", "duke": "man", "duchess": "woman", "widow": "woman", "widower": "man",
    "congressmen": "man", "spokesmen": "man",
}
# Kinship words: "her first husband, musician Al Jorden"; "Lee, the victim's mother,".
KINSHIP: Final = {
    "mother": "woman", "father": "man", "son": "man", "daughter": "woman", "wife": "woman",
    "husband": "man", "sister": "woman", "brother": "man", "grandmother": "woman", "grandfather": "man",
    "grandson": "man", "granddaughter": "woman", "aunt": "woman", "uncle": "man", "niece": "woman",
    "nephew": "man", "girlfriend": "woman", "boyfriend": "man", "stepmother": "woman", "stepfather": "man",
    "stepson": "man", "stepdaughter": "woman", "mom": "woman", "mum": "woman", "dad": "man",
    "fiancée": "woman", "fiancé": "man", "mother-in-law": "woman", "father-in-law": "man",
    "sister-in-law": "woman", "brother-in-law": "man", "daughter-in-law": "woman", "son-in-law": "man",
    "grandma": "woman", "grandpa": "man",
}
# Personal pronouns of a person (subject and object forms).
PRONOUNS: Final = {"he": "man", "him": "man", "his": "man", "himself": "man", "she": "woman", "her": "woman",
                   "hers": "woman", "herself": "woman"}
# The subject pronoun of each gender.
SUBJECT_PRONOUN: Final = {"man": "he", "woman": "she"}
