"""News outlets: the words of their names and the best-known of them, so "the BBC" reads as media.

A source is a media outlet when its name is one of OUTLETS or ends in one of OUTLET_WORDS
("The Washington Post", "Fox News", "Radio Free Asia"), or when a pre-name description calls it
one ("newspaper Dawn", "press agency PAP"; organizations.ORGANIZATION_NOUNS with MEDIA_NOUNS).
"""

from typing import Final

# The last word of many outlets' names.
OUTLET_WORDS: Final = frozenset(
    """times post journal news press tribune herald gazette guardian telegraph chronicle observer
    magazine channel radio television tv daily weekly examiner inquirer courier dispatch standard
    star sun mirror mail express independent bulletin wire reuters""".split()
)
# Nouns for an outlet or for the press at large: "newspaper Dawn", "local media".
MEDIA_NOUNS: Final = frozenset(
    """media newspaper newspapers paper papers daily tabloid broadcaster broadcasters channel station network
    magazine website outlet outlets wire press news television radio""".split()
)
# Outlets and news agencies cited by name without a telling last word.
OUTLETS: Final = frozenset(
    """BBC CNN NBC CBS ABC MSNBC NPR PBS AP AFP Reuters Bloomberg Politico Axios Vox Slate Salon
    Breitbart Xinhua TASS RIA Interfax Yonhap Kyodo IRNA ANSA EFE DPA PAP CTK APA Anadolu Bernama
    Antara Sputnik RT Al-Jazeera Haaretz Dawn Fox Newsweek Time Forbes Fortune Wired Vice BuzzFeed
    HuffPost Mediapart ProPublica Wikinews Wikileaks CBC CTV ITV RTE SABC ARD ZDF NHK KBS Yle SVT NRK DW
    Euronews France24 Ynet Asahi Mainichi Yomiuri Kompas Rappler Inquirer Stuff""".split()
) | {"Associated Press", "Agence France-Presse", "Al Jazeera", "Deutsche Welle", "Sky News", "Fox News",
     "The Hindu", "Le Monde", "Der Spiegel", "El País", "El Pais", "Gazeta Wyborcza", "Science News",
     "Radio Free Europe", "Voice of America", "South China Morning Post", "Press Association"}
# Pieces a writer publishes in an outlet: "in a column for The Times", "in an op-ed in the Post".
WRITTEN_PIECES: Final = frozenset(
    """column op-ed opinion essay editorial piece article commentary review blog newsletter""".split()
)
# Lower-case nouns that make what follows a journal, not a news outlet: "writing in the journal
# Nature" gives a scientist no outlet to speak for.
JOURNAL_NOUNS: Final = frozenset({"journal", "journals", "proceedings", "bulletin"})
# OUTLET_WORDS that open an outlet's name as often as they end one: "Daily Beast", "Sunday Times".
OUTLET_OPENERS: Final = frozenset({"daily", "sunday", "evening", "morning", "weekly"})
