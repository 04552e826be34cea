"""A speaker is a source: what is no source gets no speaker, a piece of a name gets the whole name.

Invented sentences, one table per stage: the label check, the repairs, and the extractor end to end.
"""

import pytest

from quotecat.extract import extract
from quotecat.extract.nonsource import antecedent, as_resolved, inner_subject, not_a_source, repaired
from quotecat.extract.sources import Source


@pytest.mark.parametrize("label, reason", [
    # a determiner with no noun: the noun was the cue ("The second blast")
    ("the second", "a determiner with no noun"),
    ("the current", "a determiner with no noun"),
    ("the total", "a determiner with no noun"),
    ("Another", "a determiner with no noun"),
    ("Multiple", "a determiner with no noun"),
    # verb phrases and a sentence's opening words
    ("imitating a song", "a verb phrase"),
    ("appeared in the district court", "a verb phrase"),
    ("drawing the ire of lawmakers", "a verb phrase"),
    ("Boasting 12,000 members", "a verb phrase"),  # an adjective comes after the number
    ("Despite", "a sentence's opening word"),
    ("Hours", "a sentence's opening word"),
    ("Wednesday", "a sentence's opening word"),
    ("Tuesday's", "a sentence's opening word"),  # "Tuesday's gaffes": the day's, no one's
    # clauses
    ("they entered the hall", "a clause: it opens with its own subject"),
    ("she released a statement", "a clause: it opens with its own subject"),
    ("how a candidate", "a clause, not a noun phrase"),
    ("exactly what people", "a clause, not a noun phrase"),
    ("not let reporters", "an adverb opens it"),
    ("sternly from the podium", "an adverb opens it"),
    ("Nothing the minister", "an indefinite pronoun"),
    ("her office sent out a press release", "a clause: a noun phrase and its verb"),
    ("the Harbour Trust slammed the ruling", "a clause: a noun phrase and its verb"),
])
def test_what_is_no_source(label, reason):
    assert not_a_source(label) == reason


@pytest.mark.parametrize("label", [
    "the senator", "the latter's lawyer", "leading economists", "retired teachers", "elected officials",
    "Will Rogers", "nearly half of voters", "early results", "earlier reports", "Polling", "polling of members",
    "they all", "he and his lawyers", "We Democrats", "not everyone at the rally", "newly released documents",
    "Sterling Brown", "the remaining casinos", "a third", "Jennings",
    # a participle after its noun is no clause's verb
    "a report released by the agency", "a letter obtained on Friday", "a plumber who attended the rally",
    "a blog called the Daily Yarn", "a survey issued this month",
    "1,409 teachers", "2,000 protesters", "some 1,200 residents",
])
def test_what_may_be_a_source(label):
    assert not_a_source(label) is None


@pytest.mark.parametrize("word, text, reason", [
    # a verb form written capitalised only where a sentence starts ...
    ("Calling", 'The bishop spoke. Calling it a "sad day" the bishop said so.', "a verb phrase"),
    ("Asked", "Asked about the plan, she smiled. The mayor asked again.", "a verb phrase"),
    # ... and a name, written capitalised inside sentences too
    ("Manning", "Chelsea Manning spoke first. Manning said it was over.", None),
    ("Beijing", "Talks in Beijing ended. Beijing said the talks went well.", None),
])
def test_a_capitalised_word_alone_is_read_against_the_article(word, text, reason):
    assert not_a_source(word, text) == reason


@pytest.mark.parametrize("mention, inner", [
    ("what former employees", "former employees"),
    ("why executives", "executives"),
    ("whom one party insider", "one party insider"),
    ("something Republicans", "Republicans"),
    ("half of what researchers", "researchers"),
    ("citing a memo from the ministry", "a memo from the ministry"),
    ("echoing some local shopkeepers", "some local shopkeepers"),
    ("Listing the firm's failures she", "she"),
    ("her office sent out a press release", "her office"),
    ("Facing mounting criticism, Mr. Doe released a statement", "Mr. Doe"),
    ("a court ruling made it legal - she", "she"),
    ("how much they", None),  # a pronoun is no clause's speaker to take
    ("everything else you", None),
    ("imitating a song", None),
])
def test_the_speaker_inside_a_clause(mention, inner):
    assert inner_subject(mention) == inner


@pytest.mark.parametrize("text, mention, expected", [
    ("Volunteers who have spoken directly with the mayor say it will pass.", "directly", "Volunteers"),
    ("People who battled online threats say the site did little.", "battled", "People"),
    ("Sources that have seen the letter say it is short.", "have", "Sources"),
    ("Officials met on Monday and then said the plan was fine.", "then", None),
])
def test_the_noun_phrase_a_relative_clause_hangs_on(text, mention, expected):
    found = antecedent(text, 0, text.index(mention))
    assert (text[found[0]:found[1]] if found else None) == expected


@pytest.mark.parametrize("text, label, mention, whole", [
    ("As of Tuesday, the Institute of Marine Biology, Fisheries and Research (IMBFR) reported 40 cases.",
     "Fisheries", "Fisheries", "Institute of Marine Biology, Fisheries and Research"),
    ("According to Notes from Lisbon (NFL), several shops closed.", "Notes", "Notes from Lisbon", "Notes from Lisbon"),
    ("Help came from the organiser Alliance to Save Our Parks (ASOP).", "Alliance",
     "the organiser Alliance to Save Our Parks (ASOP)", "Alliance to Save Our Parks"),
    # the acronym of the organisation a person works for is not the person's name
    ("Jane Doe of the World Health Organization (WHO) said it was early.", "Jane Doe", "Jane Doe", None),
    ("The Harbour Fund (HF) said it would help.", "Harbour Fund", "The Harbour Fund (HF)", None),
])
def test_a_piece_of_a_name_gets_the_whole_name(text, label, mention, whole):
    start = text.index(mention)
    assert repaired(text, label, start, start + len(mention)) == whole


@pytest.mark.parametrize("text, mention, speaker", [
    ("Twin bombs struck the harbour on Monday. The second blast injured rescue workers who had arrived "
     "after the first.", "The second", None),
    ('Her name was shortened to "Lila Fay," imitating a song called "Fay at Dawn," so it would fit on a '
     'poster.', "imitating a song", None),
    ('The bishop criticised the vote. Calling it a "sad day for the country" the bishop said "We will keep '
     'praying."', "Calling", None),
    ("As of Tuesday, the Institute of Marine Biology, Fisheries and Research (IMBFR) reported 40 new cases of "
     "the disease.", "Fisheries", "Institute of Marine Biology, Fisheries and Research"),
    ("According to Notes from Lisbon (NFL), several shops closed early.", "Notes from Lisbon", "Notes from Lisbon"),
])
def test_rows_name_a_source_or_keep_only_their_mention(text, mention, speaker):
    rows = [a for a in extract(text) if a.speaker_mention == mention]
    assert rows, f"no row mentions {mention!r}"
    assert [a.speaker for a in rows] == [speaker] * len(rows)
    if speaker is None:
        assert all(a.resolution.startswith("not a source") for a in rows)


@pytest.mark.parametrize("name, speaker", [
    ("Ann Lee", "Ann Lee"),
    ("What Okafor", "Okafor"),  # "What Okafor said ..." read as a name, then "he said" resolved to it
    ("Despite", None),
])
def test_a_resolved_speaker_is_checked_too(name, speaker):
    resolved, how = as_resolved(Source(name, name=name, kind="person"), "pronoun 'he' -> " + name)
    assert (resolved.name if resolved else None) == speaker
    assert how.startswith("pronoun 'he'")
