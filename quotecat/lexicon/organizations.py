"""Organisations: the words that head their names, and the nouns an article uses for one it has named."""

from typing import Final

# Heads that make a capitalised phrase an organisation rather than a person.
ORG_WORDS: Final = set(
    """ministry department committee commission council party institute university college
    school agency army forces force coalition group association corporation corp. corp inc.
    inc company co. ltd. bank fund office service services administration government campaign
    union organization organisation foundation center centre court board bureau authority
    network times post journal news press tribune herald gazette guardian telegraph review
    magazine channel radio television tv agency police parliament congress senate house
    assembly cabinet regime embassy consulate federation league alliance movement front
    brigade brigades battalion regiment guard guards command caucus club society trust
    institution initiative project program programme watch fund network laboratory lab
    hospital clinic church mosque council chamber exchange reserve treasury pentagon
    kremlin whitehouse state""".split()
)
# Nouns an article uses for an organisation it has already named: "the group", "the company".
GENERIC_ORGANIZATIONS: Final = {"group", "organization", "organisation", "movement", "party", "network",
                                "company", "firm", "agency", "ministry", "government", "militia", "regime",
                                "coalition", "alliance", "union", "campaign", "administration", "club", "team",
                                "department", "committee", "board", "council", "bank", "authority"}
