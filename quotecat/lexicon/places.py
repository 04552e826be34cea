"""Countries, capitals and demonyms: "Russian officials" speak for Russia."""

from typing import Final

# Demonyms and the country (or body) they stand for as an affiliation.
DEMONYMS: Final = {
    "american": "United States", "u.s.": "United States", "british": "United Kingdom",
    "russian": "Russia", "chinese": "China", "french": "France", "german": "Germany",
    "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria", "turkish": "Turkey",
    "israeli": "Israel", "palestinian": "Palestine", "saudi": "Saudi Arabia", "egyptian": "Egypt",
    "indian": "India", "pakistani": "Pakistan", "afghan": "Afghanistan", "japanese": "Japan",
    "korean": "Korea", "mexican": "Mexico", "canadian": "Canada", "italian": "Italy",
    "spanish": "Spain", "ukrainian": "Ukraine", "polish": "Poland", "dutch": "Netherlands",
    "jordanian": "Jordan", "lebanese": "Lebanon", "kurdish": "Kurdistan", "qatari": "Qatar",
    "emirati": "United Arab Emirates", "yemeni": "Yemen", "libyan": "Libya", "nigerian": "Nigeria",
    "kenyan": "Kenya", "brazilian": "Brazil", "australian": "Australia", "greek": "Greece",
    "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "irish": "Ireland",
    "scottish": "Scotland", "cuban": "Cuba", "venezuelan": "Venezuela", "colombian": "Colombia",
    "european": "European Union", "nato": "NATO", "u.n.": "United Nations",
}
# Countries and their capitals as a source's name: an organisation (a government), not a person.
COUNTRIES: Final = set(DEMONYMS.values()) | {
    "U.S.", "United States", "America", "Britain", "UK", "U.K.", "Washington", "Moscow",
    "Beijing", "Tehran", "Ankara", "Damascus", "Baghdad", "Kabul", "Paris", "Berlin", "London",
    "Tokyo", "Seoul", "Pyongyang", "Jerusalem", "Cairo", "Riyadh", "Kiev", "Kyiv", "Brussels",
    "Ottawa", "Canberra", "Delhi", "New Delhi", "Islamabad", "Doha", "Rome", "Madrid", "Athens",
    "North Korea", "South Korea", "Taiwan",
}
# Regions and faiths before a role: "a Western diplomat" speaks for no one in particular.
NOT_AFFILIATIONS: Final = frozenset({"western", "eastern", "arab", "muslim", "christian"})
