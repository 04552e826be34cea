"""What the stages hand on: a cue found with its source and content (``Found``), which rule found it
(``Pattern``), and each of its sources once described and resolved (``Speaker``)."""

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from .sources import Source
from .tokens import Token


class Pattern(Enum):
    """Which rule found an attribution; the value is what ``quotecat extract --explain`` prints."""

    # cues.py: a reporting verb with its subject
    SUBJECT_CONTENT_AFTER = "subject cue, content after"  # 'She said the plan failed.'
    SUBJECT_CONTENT_BEFORE = "subject cue, content before"  # '"The plan failed," she said.'
    APPOSITIVE_CONTENT_AFTER = "appositive subject cue, content after"  # 'Ann Lee, a nurse, said the ...'
    APPOSITIVE_CONTENT_BEFORE = "appositive subject cue, content before"  # '"...," Ann Lee, a nurse, said.'
    INVERTED_CONTENT_AFTER = "inverted cue, content after"  # 'Said Ellis: "..."'
    INVERTED_CONTENT_BEFORE = "inverted cue, content before"  # '"...," said Ellis.'
    OBJECT_AS_CONTENT = "subject cue, object as content"  # 'The mayor called for a ban.'
    PARTICIPLE = "participle"  # '..., adding that ...': the speaker of the main clause
    COLON_LEAD_IN = "colon lead-in"  # 'She said:' closing a paragraph; the quotation follows
    # cues.py: proposed by a looser reading, kept only when the cue model is confident (cue_model.py)
    LOOSE = "loose cue"  # 'She railed against the plan.': the subject, then the rest of the sentence
    LOOSE_COORDINATED = "loose cue, coordinated"  # 'He toured the plant and says it will close.'
    RAISING = "raising cue"  # 'The deal appears to have stalled.': the whole clause, no source
    QUESTION = "question opening the sentence"  # 'Asked (by X) about the vote, ...': the asker's question
    SECOND_PREDICATE = "second predicate"  # 'She praised the plan but urged a review.': after the cue model
    # cues.py: other cues
    ACCORDING_TO = "according to"
    SIGNATURE = "signature after a quotation"  # '"..." -- Jane Doe'
    SPEAKER_LABEL = "speaker label"  # 'WALLACE: ...'
    # quotes.py: quotations no cue of their own covers
    COLON_LEAD_IN_QUOTED = "colon lead-in, quotation after it"
    CONTINUING_PARAGRAPH = "quoted paragraph continuing the previous speaker"
    QUOTE_ABOUT_SUBJECT = "quotation in a sentence about its source"
    QUOTE_THEN_CLAUSE = "quotation, then a short clause"  # '"...," he surmised.': proposed
    VERB_BEFORE_QUOTE = "verb before a quotation"  # 'Doe, an analyst, thanked them for "...": proposed


@dataclass
class Found:
    """A cue with its source and content, before description and resolution."""

    cue: Token
    cue_text: str
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    pattern: Pattern
    paragraph: int
    sentence: tuple[int, int]
    medium: str | None = None
    inherit: bool = False  # speaker comes from the previous attribution
    parent: "Found | None" = None  # the attribution a continuing quotation belongs to
    described: "list[Speaker] | None" = None  # its speakers once described (what a continuation inherits)
    relaxed: str = ""  # which looser reading proposed it ("" for the rules): the cue model decides
    # Where the record's content ends, set after the cue model's decision (cues.second_predicates): the
    # content the model judged, and learns from, stays whole.
    ends_at: int | None = None


class Speaker(NamedTuple):
    """One source of an attribution: as described where quoted, as resolved, and where it is mentioned."""

    source: Source
    resolved: Source | None
    how: str  # how it was resolved (for --explain)
    mention: str | None = None
    start: int | None = None
    end: int | None = None
