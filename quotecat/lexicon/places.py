"""Countries, capitals and demonyms: "Russian officials" speak for Russia, "the Polish president" for Poland's government."""

from typing import Final

# Each country (as news writes it) and the adjective news uses for it: "Polish government",
# "New Zealand government" (where the name is its own adjective). Nations of the UK are here
# too: a First Minister of Scotland speaks for the Scottish government.
COUNTRY_ADJECTIVES: Final = {
    "Afghanistan": "Afghan", "Albania": "Albanian", "Algeria": "Algerian", "Angola": "Angolan",
    "Argentina": "Argentine", "Armenia": "Armenian", "Australia": "Australian", "Austria": "Austrian",
    "Azerbaijan": "Azerbaijani", "Bahrain": "Bahraini", "Bangladesh": "Bangladeshi", "Belarus": "Belarusian",
    "Belgium": "Belgian", "Bolivia": "Bolivian", "Bosnia": "Bosnian", "Brazil": "Brazilian",
    "Bulgaria": "Bulgarian", "Burkina Faso": "Burkinabe", "Cambodia": "Cambodian", "Cameroon": "Cameroonian",
    "Canada": "Canadian", "Chad": "Chadian", "Chile": "Chilean", "China": "Chinese", "Colombia": "Colombian",
    "Congo": "Congolese", "Costa Rica": "Costa Rican", "Croatia": "Croatian", "Cuba": "Cuban",
    "Cyprus": "Cypriot", "Czech Republic": "Czech", "Denmark": "Danish", "Dominican Republic": "Dominican",
    "Ecuador": "Ecuadorian", "Egypt": "Egyptian", "El Salvador": "Salvadoran", "England": "English",
    "Eritrea": "Eritrean", "Estonia": "Estonian", "Ethiopia": "Ethiopian", "Fiji": "Fijian",
    "Finland": "Finnish", "France": "French", "Georgia": "Georgian", "Germany": "German", "Ghana": "Ghanaian",
    "Greece": "Greek", "Guatemala": "Guatemalan", "Guinea": "Guinean", "Haiti": "Haitian",
    "Honduras": "Honduran", "Hungary": "Hungarian", "Iceland": "Icelandic", "India": "Indian",
    "Indonesia": "Indonesian", "Iran": "Iranian", "Iraq": "Iraqi", "Ireland": "Irish", "Israel": "Israeli",
    "Italy": "Italian", "Ivory Coast": "Ivorian", "Jamaica": "Jamaican", "Japan": "Japanese",
    "Jordan": "Jordanian", "Kazakhstan": "Kazakh", "Kenya": "Kenyan", "Kosovo": "Kosovar", "Kuwait": "Kuwaiti",
    "Kyrgyzstan": "Kyrgyz", "Laos": "Laotian", "Latvia": "Latvian", "Lebanon": "Lebanese", "Liberia": "Liberian",
    "Libya": "Libyan", "Lithuania": "Lithuanian", "Luxembourg": "Luxembourgish", "Madagascar": "Malagasy",
    "Malawi": "Malawian", "Malaysia": "Malaysian", "Mali": "Malian", "Malta": "Maltese",
    "Mauritania": "Mauritanian", "Mexico": "Mexican", "Moldova": "Moldovan", "Mongolia": "Mongolian",
    "Montenegro": "Montenegrin", "Morocco": "Moroccan", "Mozambique": "Mozambican", "Myanmar": "Myanmar",
    "Namibia": "Namibian", "Nepal": "Nepali", "Netherlands": "Dutch", "New Zealand": "New Zealand",
    "Nicaragua": "Nicaraguan", "Niger": "Nigerien", "Nigeria": "Nigerian", "North Korea": "North Korean",
    "North Macedonia": "Macedonian", "Northern Ireland": "Northern Irish", "Norway": "Norwegian",
    "Oman": "Omani", "Pakistan": "Pakistani", "Palestine": "Palestinian", "Panama": "Panamanian",
    "Papua New Guinea": "Papua New Guinean", "Paraguay": "Paraguayan", "Peru": "Peruvian",
    "Philippines": "Philippine", "Poland": "Polish", "Portugal": "Portuguese", "Qatar": "Qatari",
    "Romania": "Romanian", "Russia": "Russian", "Rwanda": "Rwandan", "Saudi Arabia": "Saudi",
    "Scotland": "Scottish", "Senegal": "Senegalese", "Serbia": "Serbian", "Sierra Leone": "Sierra Leonean",
    "Singapore": "Singaporean", "Slovakia": "Slovak", "Slovenia": "Slovenian", "Somalia": "Somali",
    "South Africa": "South African", "South Korea": "South Korean", "South Sudan": "South Sudanese",
    "Spain": "Spanish", "Sri Lanka": "Sri Lankan", "Sudan": "Sudanese", "Sweden": "Swedish",
    "Switzerland": "Swiss", "Syria": "Syrian", "Taiwan": "Taiwanese", "Tajikistan": "Tajik",
    "Tanzania": "Tanzanian", "Thailand": "Thai", "Tunisia": "Tunisian", "Turkey": "Turkish",
    "Turkmenistan": "Turkmen", "Uganda": "Ugandan", "Ukraine": "Ukrainian",
    "United Arab Emirates": "Emirati", "United Kingdom": "British", "United States": "US",
    "Uruguay": "Uruguayan", "Uzbekistan": "Uzbek", "Venezuela": "Venezuelan", "Vietnam": "Vietnamese",
    "Wales": "Welsh", "Yemen": "Yemeni", "Zambia": "Zambian", "Zimbabwe": "Zimbabwean",
}
# Other names news uses for a country, and the country they stand for.
COUNTRY_ALIASES: Final = {
    "U.S.": "United States", "US": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States", "UK": "United Kingdom",
    "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "Holland": "Netherlands", "the Netherlands": "Netherlands", "the Philippines": "Philippines",
    "Burma": "Myanmar", "Czechia": "Czech Republic", "UAE": "United Arab Emirates",
    "Côte d'Ivoire": "Ivory Coast", "DRC": "Congo", "PRC": "China", "Korea": "South Korea",
}
# Demonyms (lower case) and the country they stand for: "Polish" -> Poland. Built from the
# tables above, with the adjectives that differ from the country's usual one.
DEMONYMS: Final = {adjective.lower(): country for country, adjective in COUNTRY_ADJECTIVES.items()} | {
    "american": "United States", "u.s.": "United States", "us": "United States", "british": "United Kingdom",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "argentinian": "Argentina", "filipino": "Philippines",
    "kurdish": "Kurdistan", "korean": "South Korea", "burmese": "Myanmar", "european": "European Union",
    "nato": "NATO", "u.n.": "United Nations", "un": "United Nations", "new zealander": "New Zealand",
}
# Countries whose name is also a first name: never read as a country on their own ("Chad Moore").
FIRST_NAME_COUNTRIES: Final = frozenset({"Chad", "Georgia", "Jordan"})
# Countries and their capitals as a source's name: a government speaking, not a person.
COUNTRIES: Final = (set(COUNTRY_ADJECTIVES) - FIRST_NAME_COUNTRIES) | set(COUNTRY_ALIASES) | {
    "Kurdistan", "European Union", "Washington", "Moscow", "Beijing", "Tehran", "Ankara", "Damascus", "Baghdad",
    "Kabul", "Paris", "Berlin", "London", "Tokyo", "Seoul", "Pyongyang", "Jerusalem", "Cairo", "Riyadh", "Kiev",
    "Kyiv", "Brussels", "Ottawa", "Canberra", "Delhi", "New Delhi", "Islamabad", "Doha", "Rome", "Madrid",
    "Athens", "Warsaw", "Caracas", "Havana", "Manila", "Taipei", "Ankara", "Nairobi", "Abuja", "Pretoria",
}
# Capitals that stand for their country's government: "Moscow said" is Russia speaking.
CAPITALS: Final = {
    "Washington": "United States", "Moscow": "Russia", "Beijing": "China", "Tehran": "Iran", "Ankara": "Turkey",
    "Damascus": "Syria", "Baghdad": "Iraq", "Kabul": "Afghanistan", "Paris": "France", "Berlin": "Germany",
    "London": "United Kingdom", "Tokyo": "Japan", "Seoul": "South Korea", "Pyongyang": "North Korea",
    "Jerusalem": "Israel", "Cairo": "Egypt", "Riyadh": "Saudi Arabia", "Kiev": "Ukraine", "Kyiv": "Ukraine",
    "Ottawa": "Canada", "Canberra": "Australia", "New Delhi": "India", "Delhi": "India",
    "Islamabad": "Pakistan", "Doha": "Qatar", "Rome": "Italy", "Madrid": "Spain", "Athens": "Greece",
    "Warsaw": "Poland", "Caracas": "Venezuela", "Havana": "Cuba", "Manila": "Philippines", "Taipei": "Taiwan",
    "Nairobi": "Kenya", "Abuja": "Nigeria", "Pretoria": "South Africa",
}
# Regions and faiths before a role: "a Western diplomat" speaks for no one in particular.
NOT_AFFILIATIONS: Final = frozenset({"western", "eastern", "arab", "muslim", "christian", "jewish", "catholic",
                                     "african", "asian", "latin", "gulf", "foreign", "local", "international"})
# The states of the United States (and its capital district): where a senator or a representative
# is elected, or where a businessman lives, is not whom they speak for ("Texas Sen. Ted Cruz",
# "Representative Peter King of New York", "the New York businessman"). On a catalogue of every
# PolNeAR article, states were 7 of the 25 largest organisations (Vermont, Texas, New York, ...).
US_STATES: Final = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
    Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
    Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia
    Washington Wisconsin Wyoming""".split()
) | {"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island",
     "South Carolina", "South Dakota", "West Virginia", "District of Columbia", "Washington, D.C."}
# The abbreviations news style gives the states after a member of Congress ("(R-Wis.)", "D-N.Y."),
# lower case and without the final dot, and the state's name in the words of a description.
US_STATE_ABBREVIATIONS: Final = {
    "ala": "alabama", "alaska": "alaska", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia",
    "hawaii": "hawaii", "idaho": "idaho", "ill": "illinois", "ind": "indiana", "iowa": "iowa", "kan": "kansas",
    "ky": "kentucky", "la": "louisiana", "maine": "maine", "md": "maryland", "mass": "massachusetts",
    "mich": "michigan", "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nev": "nevada", "n.h": "new hampshire", "n.j": "new jersey", "n.m": "new mexico", "n.y": "new york",
    "n.c": "north carolina", "n.d": "north dakota", "ohio": "ohio", "okla": "oklahoma", "ore": "oregon", "pa": "pennsylvania",
    "r.i": "rhode island", "s.c": "south carolina", "s.d": "south dakota", "tenn": "tennessee", "texas": "texas", "tex": "texas",
    "utah": "utah", "vt": "vermont", "va": "virginia", "wash": "washington", "w.va": "west virginia",
    "wis": "wisconsin", "wyo": "wyoming",
}
# Big US cities, named alone as often as a state: "said in New York" is where, not an outlet.
US_CITIES: Final = frozenset({"New York", "Los Angeles", "Chicago", "Boston", "Washington", "Houston", "Miami",
                              "Philadelphia", "San Francisco", "Atlanta", "Dallas", "Detroit", "Seattle"})
