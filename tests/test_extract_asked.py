"""Whose words follow a question opening the sentence, and whose the question is. Every sentence
here is invented for the test."""

import pytest

from quotecat import extract


def _row(text, cue):
    rows = [a for a in extract(text) if a.cue == cue]
    assert rows, f"no attribution with the cue {cue!r}: {[(a.cue, a.text) for a in extract(text)]}"
    return rows[0]


@pytest.mark.parametrize("text, cue, content, speaker, question, asker, anonymous", [
    # The answer is the subject's after the comma, never the asker's or "Asked"'s, and the question
    # is not part of it.
    ('Asked by a reporter whether she would run, Jane Ruiz shot back: "Never again."',
     "shot", "Never again.", "Jane Ruiz", "whether she would run", "a reporter", True),
    ("Asked by Senator Tom Hale about the budget, the minister replied that cuts were coming.",
     "replied", "that cuts were coming", "the minister", "about the budget", "Tom Hale", False),
    ('When asked about the strike, Mayor Ann Ruiz said, "We will talk."',
     "said", "We will talk.", "Ann Ruiz", None, None, None),
    ('Asked whether the team should apologise, Coach Ben Stone demurred: "Not today."',
     "demurred", "Not today.", "Ben Stone", None, None, None),
])
def test_a_question_opening_the_sentence(text, cue, content, speaker, question, asker, anonymous):
    answer = _row(text, cue)
    assert answer.text == content
    assert answer.speaker == speaker
    asked = [a for a in extract(text) if a.cue is not None and a.cue.lower() == "asked"]
    # The question is the asker's row where the article names the asker; else no row (it would
    # have no speaker).
    assert [a.text for a in asked] == ([question] if question else [])
    if question:
        assert asked[0].speaker == asker
        assert asked[0].anonymous is anonymous  # "a reporter" is an unnamed source


@pytest.mark.parametrize("text", [
    # "Asked" with a name after it is an inverted cue, no question opener.
    '"Will it pass?" asked Tom Hale.',
    "The council asked whether the plan would pass.",
])
def test_no_question_opener(text):
    assert not any(a.pattern == "question opening the sentence" for a in extract(text))


def test_the_answers_pronoun_is_never_the_asker():
    text = ('Ms. Ana Ruiz toured the plant on Monday. Asked by Ms. Lena Hale about the strike, she said, '
            '"We will talk to everyone."')
    answer = [a for a in extract(text) if a.cue == "said"]
    assert [a.speaker for a in answer] == ["Ana Ruiz"]


def test_the_asker_is_no_subject_for_the_next_sentence():
    text = ('Asked by a host about the strike, Mayor Tom Ruiz said the talks would go on. '
            'He added that the port would stay open.')
    assert [a.speaker for a in extract(text) if a.cue == "added"] == ["Tom Ruiz"]
