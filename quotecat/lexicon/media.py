"""How something was said: the medium phrases newsrooms use ("in a statement", "told reporters")."""

from typing import Final

# Regexes, matched on lower-case text.
MEDIUM_PATTERNS: Final = [
    r"in an? (?:[\w-]+ ){0,3}(?:interview|statement|e-?mail|letter|op-ed|post|tweet|speech|"
    r"memo|report|video|podcast|broadcast|press release|press conference|news conference|"
    r"briefing|message|call|phone call|conversation|text message|blog post|column|essay|book|"
    r"appearance|testimony|hearing|filing|court filing|affidavit|opinion|editorial|address|"
    r"remarks|rally|town hall|debate|session|exchange|note|posting|announcement)s?",
    r"on (?:twitter|facebook|instagram|social media|x|television|tv|radio|cnn|fox news|msnbc|"
    r"the phone|a conference call|a call with reporters|the (?:senate|house) floor|camera)",
    r"by (?:telephone|phone|e-?mail|text|video link)",
    r"(?:told|telling|tells) (?:reporters|journalists|the press|a news conference|an audience|"
    r"supporters|the crowd|a crowd|lawmakers|the committee)",
    r"in (?:a |an )?(?:written )?(?:statement|testimony|remarks|comments)",
    r"during an? (?:[\w-]+ ){0,3}(?:interview|speech|briefing|hearing|debate|rally|news conference|"
    r"press conference|call|appearance|visit|address|event|meeting|town hall|session)",
    r"at an? (?:[\w-]+ ){0,3}(?:news conference|press conference|briefing|rally|hearing|event|"
    r"town hall|forum|meeting|campaign stop|summit|speech|fundraiser|debate)",
]
# The first words of MEDIUM_PATTERNS: only where one stands can a medium phrase start.
MEDIUM_STARTS: Final = {"in", "on", "by", "told", "telling", "tells", "during", "at"}
# Words that carry a medium phrase on to whom it was said: "in an interview with CNN".
MEDIUM_PARTNER_PREPS: Final = frozenset({"with", "to", "for", "on"})
