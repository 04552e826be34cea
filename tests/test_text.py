"""quotecat.extract.text, example by example: quotation marks paired into quotations, paragraphs split into sentences."""

import pytest

from quotecat import extract
from quotecat.extract.text import find_quotes, find_single_quotes, parse
from quotecat.extract.tokens import tokenize


@pytest.mark.parametrize("text, quoted, left_open", [
    ('"We will rebuild," the mayor said.', ["We will rebuild,"], [False]),
    ("The mayor said, “We will rebuild the bridge.”", ["We will rebuild the bridge."], [False]),
    # single quotes nested in double ones are part of the outer quotation
    ('"He told me \'never again\' and left," she said.', ["He told me 'never again' and left,"], [False]),
    ("``We are ready,'' the coach said.", ["We are ready,"], [False]),
    ("«Nous sommes prêts», a-t-il dit.", ["Nous sommes prêts"], [False]),
    ("“Yes,” he said. “No.”", ["Yes,", "No."], [False, False]),
    ("She called it “dead on arrival” and walked out.", ["dead on arrival"], [False]),
    # a curly closer typed as an opener, with nothing open
    ("The word ”smart” was typed backwards.", ["smart"], [False]),
    # news style: a quotation that goes on in the next paragraph runs to the paragraph end
    ('"The first part of a quotation that goes on', ["The first part of a quotation that goes on"], [True]),
    # apostrophes are not quotation marks
    ("It's the council's plan, not Smith's.", [], []),
    # a quotation opened in one style of marks and closed in another ends at the closer
    ('"We will rebuild,” the mayor said. "Soon."', ["We will rebuild,", "Soon."], [False, False]),
    ("“We will rebuild,\" the mayor said. “Soon.”", ["We will rebuild,", "Soon."], [False, False]),
    # ... unless a quotation in that style opened inside it
    ('“He called it "a ruin" and left,” she said.', ['He called it "a ruin" and left,'], [False]),
    ("\"He called it “a ruin” and left,\" she said.", ["He called it “a ruin” and left,"], [False]),
])
def test_find_quotes(text, quoted, left_open):
    quotes = find_quotes(text, 0, len(text))
    assert [text[q.start:q.end] for q in quotes] == quoted
    assert [q.close_mark is None for q in quotes] == left_open
    for q in quotes:  # offsets exclude the marks
        assert text[q.open_mark] in "\"“”„«»`‟"


@pytest.mark.parametrize("text, quoted", [
    ("‘We are not leaving,’ the residents said.", ["We are not leaving,"]),
    ("Côte d’Ivoire’s minister didn’t say.", []),  # apostrophes inside words
])
def test_find_single_quotes(text, quoted):
    assert [text[q.start:q.end] for q in find_single_quotes(text, 0, len(text))] == quoted


@pytest.mark.parametrize("paragraph, sentences", [
    ("Mr. Smith arrived on Monday. He left on Tuesday.", ["Mr. Smith arrived on Monday.", "He left on Tuesday."]),
    ("Col. John Dorrian, the spokesman, said so. The coalition agreed.",
     ["Col. John Dorrian, the spokesman, said so.", "The coalition agreed."]),
    ("The U.S. Army said it would go. J. R. Smith disagreed.",
     ["The U.S. Army said it would go.", "J. R. Smith disagreed."]),
    # a quotation ending in ? or ! does not end the sentence when a reporting clause follows
    ('"Does anybody know?" Graham asked. Nobody answered.', ['"Does anybody know?" Graham asked.', "Nobody answered."]),
    # ... also when the speaker's title ends in a stop
    ('"Does anybody know?" Sen. Graham asked. Nobody answered.',
     ['"Does anybody know?" Sen. Graham asked.', "Nobody answered."]),
    ("''Why now?'' Mr. J. Graham said. Nobody answered.", ["''Why now?'' Mr. J. Graham said.", "Nobody answered."]),
    ('"Go home!" Mr. Graham left. Nobody answered.', ['"Go home!"', "Mr. Graham left.", "Nobody answered."]),
    # quoted words are masked: a quotation is never cut
    ('"I am leaving. Goodbye," she said. Then she left.', ['"I am leaving. Goodbye," she said.', "Then she left."]),
    ("It rose 3.5 percent. Prices fell.", ["It rose 3.5 percent.", "Prices fell."]),
    ("Who knew? Nobody did!", ["Who knew?", "Nobody did!"]),
    ("He said it was over... Then it was not.", ["He said it was over...", "Then it was not."]),
    # a stop an editor added in brackets ends the quotation's sentence like its own would
    ('She said, "It will open in May[.]" The mayor agreed.', ['She said, "It will open in May[.]"', "The mayor agreed."]),
    # "Ill." and "Mass." are state abbreviations only when capitalised; in lower case they are words
    ("He felt ill. She said he should rest.", ["He felt ill.", "She said he should rest."]),
    ("The choir sang at mass. The bishop spoke next.", ["The choir sang at mass.", "The bishop spoke next."]),
    ("She moved to Boston, Mass. in May. Then she left.", ["She moved to Boston, Mass. in May.", "Then she left."]),
])
def test_split_sentences(paragraph, sentences):
    (parsed,) = parse(paragraph)
    assert [paragraph[start:end] for start, end in parsed.sentences] == sentences


def test_parse_keeps_offsets_into_the_text_and_reopens_a_quotation_left_open():
    text = '"The first part,\n\n"and the second part," she said.\n\nAnother paragraph.'
    first, second, third = parse(text)
    assert [text[p.start:p.end] for p in (first, second, third)] == [
        '"The first part,', '"and the second part," she said.', "Another paragraph."]
    assert first.quotes[0].close_mark is None and first.quotes[0].continues
    assert text[second.quotes[0].start:second.quotes[0].end] == "and the second part,"
    assert not third.quotes


# A number with thousands separators is one token: a comma followed by exactly three digits and then
# no digit. A list of numbers stays apart, with or without spaces.
@pytest.mark.parametrize("text, tokens", [
    ("The plant cost 1,200 dollars.", ["The", "plant", "cost", "1,200", "dollars", "."]),
    ("Prices rose 3.5 percent", ["Prices", "rose", "3.5", "percent"]),
    ("a bill of $1,200.50 each", ["a", "bill", "of", "$1,200.50", "each"]),
    ("about 1,200,000.", ["about", "1,200,000", "."]),
    ("a 1,200-page report", ["a", "1,200-page", "report"]),
    ("a 1,234% rise", ["a", "1,234%", "rise"]),
    ("items 1, 2 and 3", ["items", "1", ",", "2", "and", "3"]),
    ("items 1,2 and 3", ["items", "1", ",", "2", "and", "3"]),
    ("in 2015,2016", ["in", "2015", ",", "2016"]),
    ("codes 12,3456", ["codes", "12", ",", "3456"]),
])
def test_numbers_are_one_token(text, tokens):
    assert [t.text for t in tokenize(text, 0, len(text), [])] == tokens


def test_a_content_starts_at_the_whole_number():
    a = next(a for a in extract("The mayor said 1,200 people had left the city.") if a.cue == "said")
    assert a.text == "1,200 people had left the city"
