"""Where a content ends: before the source's second report, and never at the time the source spoke.
Every sentence here is invented for the test."""

import pytest

from quotecat import extract


def _rows(text, cue):
    return [a for a in extract(text) if a.cue == cue]


def _row(text, cue):
    rows = _rows(text, cue)
    assert rows, f"no attribution with the cue {cue!r}: {[(a.cue, a.text) for a in extract(text)]}"
    return rows[0]


@pytest.mark.parametrize("text, cue, content, second_cue, second_content, speaker", [
    # "and"/"but" + a bare past-tense cue verb: the source's second report, a row of its own.
    ("Mayor Ann Ruiz praised the workers but said the budget office had failed.",
     "praised", "the workers", "said", "the budget office had failed", "Ann Ruiz"),
    ("Mayor Ann Ruiz praised the workers, and said the city would pay them more.",
     "praised", "the workers", "said", "the city would pay them more", "Ann Ruiz"),
    # The second report made after the cue model's decision, where no reading of it was kept.
    ("The senator said the plan was late, but urged a review of the costs.",
     "said", "the plan was late", "urged", "a review of the costs", "the senator"),
    ("Senator Tom Hale condemned the levy's passage but praised the clerks who counted the votes.",
     "condemned", "the levy's passage", "praised", "the clerks who counted the votes", "Tom Hale"),
    # Its hearer is skipped before "that"; a verb's object is not a hearer.
    ("Governor Tom Hale said the bridge was safe, and also told reporters that repairs would take a year.",
     "said", "the bridge was safe", "told", "that repairs would take a year", "Tom Hale"),
])
def test_content_ends_before_a_second_predicate(text, cue, content, second_cue, second_content, speaker):
    first = _row(text, cue)
    assert first.text == content
    second = _row(text, second_cue)
    assert second.text == second_content
    assert first.speaker == second.speaker == speaker


@pytest.mark.parametrize("text, cue, content", [
    # A bare "and" inside a reported clause may join the clause's own verbs: the content runs on.
    ("The coach said the players had trained hard and wanted a rematch.",
     "said", "the players had trained hard and wanted a rematch"),
    # Not a cue verb after "and": part of the content.
    ("The minister said the army had crossed the river and captured the town.",
     "said", "the army had crossed the river and captured the town"),
    # Inside a quotation the words are the speaker's own.
    ('The mayor said the plan was "late and criticized by everyone" in the council.',
     "said", 'the plan was "late and criticized by everyone" in the council'),
    # A participial adjective closing the sentence, not a second report.
    ("The union said the complaints were ignored and dismissed.",
     "said", "the complaints were ignored and dismissed"),
    # The verbs of an indirect question are the question's.
    ("A student asked the mayor why the buses were late and wanted a refund.",
     "asked", "the mayor why the buses were late and wanted a refund"),
    # A negated verb makes no second report.
    ("Mayor Ann Ruiz defended the budget and has not explained the cuts to the schools.",
     "defended", "the budget and has not explained the cuts to the schools"),
    # A participle's "and" goes back to the main verb, not to the participle.
    ("Ruiz stayed in the contest, vowing to keep going and said nothing else.",
     "vowing", "to keep going and said nothing else"),
])
def test_content_runs_on(text, cue, content):
    assert [a.text for a in _rows(text, cue)] == [content]


@pytest.mark.parametrize("text, cue, content", [
    # A fragment that is only when the source spoke is the writer's narration.
    ('A few minutes later, Ruiz added: "We are not done."', "added", "We are not done."),
    ('On November 19, Ann Ruiz tweeted, "The vote is in."', "tweeted", "The vote is in."),
    ("Earlier in the day, Ann Ruiz told reporters that the vote was close.", "told", "that the vote was close"),
    # The time of the claim, not of its telling: the clause goes on after the cue.
    ("Six months ago, the mayor said, the council ignored the plan.", "said",
     "Six months ago, the mayor said, the council ignored the plan"),
    # Not a time phrase: the source's own words.
    ("Recently, the mayor said, the city has grown safer.", "said", "Recently, the mayor said, the city has grown safer"),
])
def test_time_fragments_are_narration(text, cue, content):
    assert _row(text, cue).text == content


@pytest.mark.parametrize("text", [
    "The Daily Ledger reported a few days later.",
    "The agency announced on Monday.",
    "Ruiz called last week.",
])
def test_a_content_that_is_only_a_time_is_no_attribution(text):
    assert [a.text for a in extract(text)] == []


def _fragments(text, cue):
    row = _row(text, cue)
    return [text[start:end] for start, end in row.fragments]


@pytest.mark.parametrize("text, cue, fragments", [
    # Narration between two quoted parts of one content is the writer's: a manner, a place, a scene.
    ('"We won the vote," Ruiz said, a hint of anger in her voice. "And we will win again next year."',
     "said", ["We won the vote", "And we will win again next year."]),
    ('"The plan is late," the mayor said, in a speech sponsored by the union. "It costs far too much."',
     "said", ["The plan is late", "It costs far too much."]),
    ('"The plan is late," the mayor said, when asked whether she would run again. "It costs far too much."',
     "said", ["The plan is late", "It costs far too much."]),
])
def test_narration_between_quotations_is_dropped(text, cue, fragments):
    assert _fragments(text, cue) == fragments


@pytest.mark.parametrize("text, cue, content", [
    # A paraphrase with quoted words inside it is one content, kept whole.
    ('The mayor said the plan was "late" and that costs were "far too high" for the city.',
     "said", 'the plan was "late" and that costs were "far too high" for the city'),
    # Two quoted parts with nothing of the writer's between them but the cue: both kept.
    ('"The plan is late," the mayor said. "It costs far too much."',
     "said", 'The plan is late," the mayor said. "It costs far too much.'),
])
def test_quoted_parts_and_paraphrase_stay(text, cue, content):
    assert _row(text, cue).text == content


@pytest.mark.parametrize("text, cue, content", [
    # The writer's gloss after the content, set off by a comma: the claim ends before it.
    ("Mayor Ann Ruiz said the new tax was unfair, a reference to the levy on imported steel.",
     "said", "the new tax was unfair"),
    ("Governor Tom Hale said the deal was a betrayal, an apparent reference to the rail contract.",
     "said", "the deal was a betrayal"),
    ("The senator warned that outsiders were stirring trouble, apparently referring to the union organizers.",
     "warned", "that outsiders were stirring trouble"),
    ("Ruiz praised the leaders of the old guard, a swipe at her rival in the primary.",
     "praised", "the leaders of the old guard"),
    # Inside a quotation the gloss is the speaker's own.
    ('Ruiz said the plan was "unfair, a reference to everything we lost" last year.',
     "said", 'the plan was "unfair, a reference to everything we lost" last year'),
])
def test_content_ends_before_the_writers_gloss(text, cue, content):
    assert _row(text, cue).text == content


@pytest.mark.parametrize("text, cue, content, second_cue, second_content", [
    # A coordinated clause with a source of its own: its report is not the first one's content.
    ("Governor Tom Hale pledged to support the bill, but Senator Ann Ruiz said that it came too late.",
     "pledged", "to support the bill", "said", "that it came too late"),
    ("The union said the talks had stalled; the company argued that wages were already high.",
     "said", "the talks had stalled", "argued", "that wages were already high"),
    ("Most residents said they wanted the park kept open, while the council insisted that it cost too much.",
     "said", "they wanted the park kept open", "insisted", "that it cost too much"),
])
def test_content_ends_before_a_clause_with_its_own_source(text, cue, content, second_cue, second_content):
    assert _row(text, cue).text == content
    assert _row(text, second_cue).text == second_content


@pytest.mark.parametrize("text, cue, content", [
    # After ", and" the gold runs on about as often as it stops: the content is left whole.
    ("The mayor said the budget was late, and the council said it would wait.",
     "said", "the budget was late, and the council said it would wait"),
    # The same source again: its own second report, not another's.
    ("Ruiz said the plan had failed, but Ruiz said she would try again next year.",
     "said", "the plan had failed, but Ruiz said she would try again next year"),
])
def test_content_runs_on_past_and(text, cue, content):
    assert _row(text, cue).text == content


@pytest.mark.parametrize("text, cue, content", [
    # A cue's participle phrase opening the sentence before the source is the writer's setting.
    ('Speaking to farmers in the valley on Friday, Governor Tom Hale said: "The dam will be finished by spring."',
     "said", "The dam will be finished by spring."),
    ('Responding to the union\'s letter, Mayor Ann Ruiz wrote, "We have heard every word of it."',
     "wrote", "We have heard every word of it."),
    ('Acknowledging that the budget was "tight this year," though, the minister insisted that the clinics '
     "would stay open.", "insisted", "that the clinics would stay open"),
])
def test_a_participle_opening_the_sentence_is_narration(text, cue, content):
    row = _row(text, cue)
    assert row.text == content
    assert row.fragments == []


@pytest.mark.parametrize("text, cue, content", [
    # A quotation may open with a gerund: those words are the speaker's.
    ('"Calling it a tax does not change what it is," Senator Ann Ruiz said. "It is still a fee."',
     "said", "Calling it a tax does not change what it is"),
])
def test_a_quotation_opening_with_a_gerund_stays(text, cue, content):
    assert _row(text, cue).text.startswith(content)
