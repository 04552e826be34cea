"""What is not an attribution, and where an attribution's content stops.

Raising cues ("is expected to", "appears to") attribute their clause to no one named; the same
words in the active voice are a subject's own verb, and "appeared at a rally" is being somewhere.
A speaker label in the body of an article with a few words after it is a rundown or a credit line,
not a turn of a transcript. Every sentence here is written for the test (none comes from PolNeAR or
Wikinews); each stands in the body of a short article, as it would in news.
"""

import pytest

from quotecat import extract


def in_article(body: str) -> str:
    return ("Harbour town weighs ferry cuts\n\n"
            "The town of Kestrel Bay has argued over its ferry for a year.\n\n" + body)


def attributions_in(body: str):
    text = in_article(body)
    start = text.index(body)
    return [a for a in extract(text) if a.start >= start]


@pytest.mark.parametrize("sentence, cue", [
    ("The harbour authority is expected to announce the new fees next week.", "expected"),
    ("The ferry is widely expected to stop running in March.", "expected"),
    ("The new timetable isn't expected to please the fishermen.", "expected"),
    ("Ferry traffic grew faster than expected over the summer months.", "expected"),
    ("The harbour master seemed ready to give up on the old pier.", "seemed"),
])
def test_a_raising_cue_attributes_its_clause_to_no_one(sentence, cue):
    rows = [a for a in attributions_in(sentence) if a.cue == cue]
    assert rows and rows[0].speaker is None and rows[0].pattern == "raising cue"


def test_an_active_raising_verb_is_read_with_no_source_and_the_gate_decides():
    """"X appears to ..." is proposed as a raising reading, its whole clause attributed to no one; whether
    the gate keeps it is the model's business (the model retrained with the source's first word, sf=, scores
    this one 1.23 against a threshold of 1.28; the one before kept it), so the row is checked against it."""
    from quotecat.extract import cue_model
    from quotecat.extract.cues import loose_cue
    from quotecat.extract.text import parse
    from quotecat.extract.tokens import tokenize

    body = "Support for the fees appears to be growing among the fishermen."
    text = in_article(body)
    paragraph = next(p for p in parse(text) if p.start <= text.index(body) < p.end)
    start, end = paragraph.sentences[0]
    tokens = tokenize(text, start, end, paragraph.quotes_between(start, end))
    i = next(k for k, t in enumerate(tokens) if t.text == "appears")
    item = loose_cue(text, tokens, i, paragraph, (start, end), "mined")
    assert item is not None and item.source is None and item.pattern.value == "raising cue"
    assert text[item.content[0][0]:item.content[0][1]].startswith("Support for the fees appears")
    rows = [a for a in attributions_in(body) if a.cue == "appears"]
    assert bool(rows) == cue_model.accept(text, tokens, i, item)
    assert all(a.speaker is None and a.pattern == "raising cue" for a in rows)


@pytest.mark.parametrize("sentence, cue", [
    # The participle is the subject's own verb, in the active voice: no claim of no one.
    ("The council deemed the old pier unsafe for the summer crowds.", "deemed"),
    ("The harbour board has long considered selling the second ferry to a private firm.", "considered"),
    ("Kestrel Bay has also seen a sharp rise in the number of summer visitors.", "seen"),
    # "appeared at", "appears on": being somewhere.
    ("The mayor appeared at a rally in the old fish market on Saturday night.", "appeared"),
    ("The harbour master appears on local radio every Friday morning.", "appears"),
])
def test_the_same_words_in_the_active_voice_are_no_raising_cue(sentence, cue):
    assert [a for a in attributions_in(sentence) if a.cue == cue] == []


@pytest.mark.parametrize("body", [
    # A rundown: a name, a colon and the writer's few words on their chances.
    "Ruiz: A clean sweep.\n\nShe leads every poll in the north and has the most money.",
    "Berg: Hold on till spring.\n\nHis campaign has spent most of its money already.",
    # Credit lines.
    "Contributing: Ana Ruiz.",
    "BYLINE: Ana Ruiz.",
    "Twitter: @anaruiz.",
])
def test_a_rundown_or_a_credit_line_is_no_speaker_label(body):
    assert [a for a in attributions_in(body) if a.pattern == "speaker label"] == []


@pytest.mark.parametrize("text, speakers", [
    # A transcript's labels are in capitals, however short the turn.
    (in_article("BERG: Thank you.\n\nRUIZ: We will keep the ferry running all winter."), ["BERG", "RUIZ"]),
    # A headline's label is its source's, whatever its case.
    ("Mayor Ruiz: Ferry will run all winter\n\nThe town of Kestrel Bay has argued over its ferry for a year.",
     ["Ruiz"]),
])
def test_a_transcript_or_headline_label_is_a_speaker(text, speakers):
    assert [a.speaker for a in extract(text) if a.pattern == "speaker label"] == speakers


@pytest.mark.parametrize("sentence, content", [
    # The writer's lead-in before a colon is not what the speaker said after it.
    ("His verdict on the new timetable was short: “It will fail by June,” the mayor said.", "It will fail by June"),
    ("The harbour master, who has run the port for 20 years, was gloomy: “We cannot afford a second boat,” he said.",
     "We cannot afford a second boat"),
    # A lead-in with a cue of its own is an attribution too: the row keeps it.
    ("Ruiz said she was too busy to reply: “I have a town to run,” she said.",
     "Ruiz said she was too busy to reply: “I have a town to run"),
])
def test_a_content_before_its_cue_starts_after_the_writers_lead_in(sentence, content):
    assert content in [a.text for a in attributions_in(sentence) if a.cue == "said"]


@pytest.mark.parametrize("sentence, cue", [
    # Arithmetic: "add up to" is a sum, not an addition to what someone said.
    ("Repairs to the pier add up to a third of the harbour budget.", "add"),
    ("The new bonds would add up to four million dollars by 2030, the treasurer said.", "add"),
    # A credit line: where each reporter wrote from.
    ("Ana Ruiz reported from Portland, Ore.; Tom Berg, from Kestrel Bay.", "reported"),
])
def test_a_cue_word_that_is_another_verb_by_the_word_after_it_is_no_cue(sentence, cue):
    assert [a for a in attributions_in(sentence) if a.cue == cue] == []


@pytest.mark.parametrize("sentence, cue, content", [
    # The same words reporting: a clause after "reported" or "added".
    ("The harbour master reported the pier was unsafe.", "reported", "the pier was unsafe"),
    ("The mayor added that the ferry would run all winter.", "added", "that the ferry would run all winter"),
])
def test_the_same_words_reporting_are_cues(sentence, cue, content):
    assert content in [a.text for a in attributions_in(sentence) if a.cue == cue]
