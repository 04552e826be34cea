"""The extractor on short articles written for each pattern it must handle.

Every article here is invented for the test; none is taken from the project's
first article or from the development set.
"""

import pytest

from quotecat import extract


def by_text(attributions, fragment):
    """The attributions whose content contains ``fragment``."""
    found = [a for a in attributions if fragment in a.text]
    assert found, f"no attribution contains {fragment!r}: {[a.text for a in attributions]}"
    return found


def one(attributions, fragment):
    found = by_text(attributions, fragment)
    assert len({(a.start, a.end, a.speaker) for a in found}) == 1, found
    return found[0]


def assert_offsets(text, attributions):
    for a in attributions:
        assert text[a.start:a.end] == a.text
        for start, end in a.fragments:
            assert a.start <= start < end <= a.end


# --- direct quotations -------------------------------------------------------------------


def test_direct_quote_with_attribution_after():
    text = '"The bridge will reopen in the spring if the weather holds," said Maria Lopez, the city engineer.'
    a = one(extract(text), "The bridge will reopen")
    assert a.type == "direct"
    assert a.speaker == "Maria Lopez"
    assert a.role == "city engineer"
    assert a.cue == "said"
    assert not a.text.startswith('"') and not a.text.endswith('"')
    assert_offsets(text, [a])


@pytest.mark.parametrize("when", ["on Tuesday", "Tuesday", "last week", "in March"])
def test_when_it_was_said_is_not_part_of_the_source(when):
    text = f'"The port will stay closed," said Mayor Lena Ostrowski {when}.'
    a = one(extract(text), "The port will stay closed")
    assert a.speaker == "Lena Ostrowski"
    assert a.speaker_mention == "Mayor Lena Ostrowski"


def test_direct_quote_with_attribution_before_and_colon():
    text = 'Mayor Tom Reyes told reporters: "We are not going to raise taxes this year, full stop."'
    a = one(extract(text), "We are not going to raise taxes")
    assert a.type == "direct"
    assert a.speaker == "Tom Reyes"
    assert a.title == "Mayor"
    assert a.medium == "told reporters"


def test_quote_split_around_its_attribution_is_one_attribution():
    text = ('"The numbers are worse than we feared," said Ana Ruiz, an economist at the Harbor Institute. '
            '"Nobody in this building expected a contraction of that size."')
    a = one(extract(text), "The numbers are worse")
    assert len(a.fragments) == 2
    second = text[a.fragments[1][0]:a.fragments[1][1]]
    assert second.startswith("Nobody in this building")
    assert a.affiliation == "Harbor Institute"
    assert_offsets(text, [a])


def test_quote_running_over_several_paragraphs():
    text = ('"We walked for three days without food," said Amina Yusuf, a farmer from the border region. '
            '"The soldiers took everything we had.\n\n'
            '"When we reached the camp there was no water and no doctor. '
            'My youngest daughter was sick for a week."\n\n'
            'Aid groups say the camp holds twice the people it was built for.')
    attributions = extract(text)
    first = one(attributions, "We walked for three days")
    assert first.speaker == "Amina Yusuf"
    later = by_text(attributions, "My youngest daughter was sick")
    assert all(x.speaker == "Amina Yusuf" for x in later)
    assert not any("Aid groups" in x.text for x in later)  # the quotation ends with its closing mark
    assert_offsets(text, attributions)


def test_quoted_paragraph_without_cue_continues_the_previous_speaker():
    text = ('"Prices have doubled since March," said Peter Osei, who runs a bakery on the square.\n\n'
            '"I have cut my staff to two people and I still cannot make the rent."')
    attributions = extract(text)
    follow = one(attributions, "I have cut my staff")
    assert follow.speaker == "Peter Osei"
    assert follow.type == "direct"


def test_curly_quotes_with_single_quotes_nested():
    text = ("“They told us it was a ‘temporary measure’ and that was two years ago,” "
            "said Lena Park, a nurse at the county hospital.")
    a = one(extract(text), "They told us it was")
    assert "‘temporary measure’" in a.text
    assert a.speaker == "Lena Park"


def test_newspaper_style_double_apostrophe_quotes():
    text = ("``We have never seen a season like this one,'' said Karl Brandt, "
            "a ranger at the national park. ''The fires came earlier than ever.''")
    a = one(extract(text), "We have never seen a season")
    assert a.speaker == "Karl Brandt"
    assert len(a.fragments) == 2


# --- mixed and indirect ------------------------------------------------------------------


def test_mixed_quote_covers_the_whole_reported_clause():
    text = 'The governor said the proposal was "dead on arrival" in the state senate.'
    a = one(extract(text), "dead on arrival")
    assert a.type == "mixed"
    assert a.text.startswith("the proposal was")
    assert a.speaker == "The governor" or a.speaker_mention == "The governor"


def test_indirect_speech_with_that():
    text = "Jonas Weber, the company's chief financial officer, said on Tuesday that profits would fall by a third."
    a = one(extract(text), "profits would fall")
    assert a.type == "indirect"
    assert a.speaker == "Jonas Weber"
    assert a.role == "chief financial officer"
    assert a.affiliation is None or "company" in a.affiliation


def test_indirect_speech_with_attribution_at_the_end():
    text = "The factory will close by the end of the year, two employees said."
    a = one(extract(text), "The factory will close")
    assert a.type == "indirect"
    assert a.anonymous
    assert a.kind == "group"


def test_according_to_at_start_and_end():
    text = ("According to the health ministry, 40 people were treated for smoke inhalation. "
            "The fire started in a storage room, according to Captain Ines Moreau of the fire brigade.")
    attributions = extract(text)
    first = one(attributions, "40 people were treated")
    assert first.cue == "according to"
    assert first.kind == "organization"
    second = one(attributions, "The fire started in a storage room")
    assert second.speaker == "Ines Moreau"
    assert second.affiliation == "fire brigade"


@pytest.mark.parametrize("cue", ["told", "added", "warned", "noted", "argued", "estimated", "believes", "says"])
def test_family_of_reporting_cues(cue):
    hearer = " the committee" if cue == "told" else ""
    text = f"Rosa Delgado{' ' + cue}{hearer} that the reservoir could run dry by August."
    a = one(extract(text), "the reservoir could run dry")
    assert a.cue == cue
    assert a.speaker == "Rosa Delgado"


def test_statement_as_medium_and_organisation_as_speaker():
    text = "The Ministry of Health said in a statement that the vaccine supply would double next month."
    a = one(extract(text), "the vaccine supply would double")
    assert a.medium == "in a statement"
    assert a.kind == "organization"
    assert "Ministry of Health" in a.speaker


def test_a_country_can_speak():
    text = "Norway said on Friday it would send two more ships to the region."
    a = one(extract(text), "it would send two more ships")
    assert a.speaker == "Norway"
    assert a.kind == "organization"


# The auxiliary the tokenizer splits off a pronoun ("She’s", "They’ve", "she'd") stands between a subject
# and its cue like "is" or "has" (quotecat/lexicon/function_words.py, AUXILIARIES); a lone "’s" is no
# possessive ("Editor’s note" still is).
@pytest.mark.parametrize("second, cue, content, mention", [
    ("She’s hoping the reservoir will refill by August.", "hoping", "the reservoir will refill by August", "She"),
    ("She's hoping the reservoir will refill by August.", "hoping", "the reservoir will refill by August", "She"),
    ("She’s argued that the pumps are too old.", "argued", "that the pumps are too old", "She"),
    ("She’d warned that the reservoir could run dry.", "warned", "that the reservoir could run dry", "She"),
])
def test_a_contracted_auxiliary_between_subject_and_cue(second, cue, content, mention):
    text = "Rosa Delgado said the pumps were old. " + second
    a = one(extract(text), content)
    assert (a.cue, a.speaker_mention, a.speaker) == (cue, mention, "Rosa Delgado")


# A participle phrase or "then/now" + an age between a name and its cue is an aside, not the source:
# quotecat/extract/subjects.py, _participial_aside.
@pytest.mark.parametrize("sentence, content, mention", [
    ("Ann Lee, wearing a red scarf, said she was proud of the team.", "she was proud of the team", "Ann Lee"),
    ("The ministry, citing security concerns, said the border would close.", "the border would close",
     "The ministry"),
    ("Mr. Okafor, then 38, said he was told to hire a deputy.", "he was told to hire a deputy",
     "Mr. Okafor"),
    ("Mr. Ruiz, now 81 and retired in Lisbon, said the war changed him.", "the war changed him", "Mr. Ruiz"),
])
def test_a_participle_aside_between_source_and_cue(sentence, content, mention):
    assert one(extract(sentence), content).speaker_mention == mention


# A quantifier that is the whole source ("Others argue ...") is an unnamed group, never a person's name.
@pytest.mark.parametrize("sentence, content", [
    ("Others argue that the plan is too costly.", "that the plan is too costly"),
    ("Ana Ruiz said the plan was sound. Many of them said the plan would fail.", "the plan would fail"),
])
def test_a_bare_quantifier_source_is_an_unnamed_group(sentence, content):
    a = one(extract(sentence), content)
    assert (a.source_type, a.anonymous) == ("unnamed group", True)


# Verbs that double their last consonant ("admitted", "bragged"): quotecat/lexicon/cues.py, DOUBLING_LEMMAS.
@pytest.mark.parametrize("sentence, cue, content", [
    ("Rosa Delgado admitted that the reservoir could run dry by August.", "admitted",
     "that the reservoir could run dry by August"),
    ("Rosa Delgado bragged that the reservoir would never run dry.", "bragged", "that the reservoir would never run dry"),
    ("Rosa Delgado quipped that the reservoir had seen drier summers.", "quipped",
     "that the reservoir had seen drier summers"),
    ("The mayor slammed the plan as a waste of money.", "slammed", "the plan as a waste of money"),
])
def test_cue_verbs_that_double_their_last_consonant(sentence, cue, content):
    a = one(extract(sentence), content)
    assert a.cue == cue


# A content ends where a second source of the claim is named ("..., according to a letter she wrote"),
# even when that source is not read as an attribution of its own; never inside a quotation
# (quotecat/lexicon/cues.py, SECOND_SOURCE_OPENERS, with the counts that support it).
@pytest.mark.parametrize("sentence, cue, content", [
    ("The mayor said that the budget was balanced, according to an account she gave to a local radio station.",
     "said", "that the budget was balanced"),
    ("The minister said that the border would stay open, according to a statement her office issued on Friday.",
     "said", "that the border would stay open"),
    ("Ortiz said the mine would close next year, according to a letter she wrote to the union.",
     "said", "the mine would close next year"),
    ("Police said the driver had been drinking, according to a report the station aired.",
     "said", "the driver had been drinking"),
])
def test_content_ends_before_a_second_source(sentence, cue, content):
    assert [a.text for a in extract(sentence) if a.cue == cue] == [content]


def test_a_quotation_keeps_its_own_according_to():
    a = one(extract('Dana Whitfield said "the plan failed, according to everyone I asked," and left.'), "plan failed")
    assert a.text.startswith("the plan failed, according to everyone I asked")


# --- several sources, resolution, description --------------------------------------------


def test_one_claim_with_several_sources_is_found_under_each():
    text = "The dam was built without permits, according to villagers and the regional water board."
    attributions = by_text(extract(text), "The dam was built without permits")
    speakers = {a.speaker for a in attributions}
    assert "villagers" in speakers
    assert any("water board" in s for s in speakers)


def test_pronouns_surnames_and_titles_resolve_to_the_full_name():
    text = ("Col. Helen Marsh, a spokeswoman for the peacekeeping mission, said the convoy had been delayed.\n\n"
            "The road was mined, she said.\n\n"
            '"We will not move until it is cleared," Col. Marsh added.\n\n'
            "Marsh said the mission had asked for engineers.")
    attributions = extract(text)
    pronoun = one(attributions, "The road was mined")
    assert pronoun.speaker == "Helen Marsh"
    assert pronoun.speaker_mention == "she"
    assert pronoun.pronoun == "she"
    titled = one(attributions, "We will not move")
    assert titled.speaker == "Helen Marsh" and titled.speaker_mention == "Col. Marsh"
    surname = one(attributions, "the mission had asked for engineers")
    assert surname.speaker == "Helen Marsh"
    assert surname.affiliation == "peacekeeping mission"


def test_definite_descriptions_point_back_to_the_earlier_source():
    text = ("Western officials said the smugglers moved fuel at night.\n\n"
            "The trade funds the militia's payroll, the officials said.")
    attributions = extract(text)
    later = one(attributions, "The trade funds")
    assert later.speaker == "Western officials"
    assert later.speaker_mention == "the officials"


def test_unnamed_sources_are_flagged_anonymous_with_their_description():
    text = ("The talks collapsed over the border question, a senior European diplomat said, "
            "speaking on condition of anonymity.")
    a = one(extract(text), "The talks collapsed")
    assert a.anonymous
    assert a.kind == "person"
    assert a.description == "a senior European diplomat"
    assert a.name is None


def test_counted_sources_are_groups_not_names():
    # A capitalised "Many" or "Two" starts a sentence; it names nobody.
    text = ("Many families in Carrowmore say the new road was never needed. "
            "Two people familiar with the talks said the deal would be signed on Monday.")
    families = one(extract(text), "the new road was never needed")
    assert families.speaker == "many families in Carrowmore"  # one speaker wherever the sentence starts
    assert families.name is None and families.anonymous and families.kind == "group"
    assert families.affiliation == "Carrowmore"
    people = one(extract(text), "the deal would be signed")
    assert people.speaker == "two people familiar with the talks"
    assert people.name is None and people.anonymous and people.kind == "group"


def test_role_and_affiliation_from_an_appositive():
    text = ("Prices will keep rising through the winter, said Dr. Samuel Achebe, "
            "a senior analyst at the Lagos Energy Council.")
    a = one(extract(text), "Prices will keep rising")
    assert a.title == "Dr."
    assert a.name == "Samuel Achebe"
    assert a.role == "senior analyst"
    assert a.affiliation == "Lagos Energy Council"


def test_affiliation_from_a_premodifier():
    text = '"We are ready for a long siege," a rebel army commander said in a telephone interview.'
    a = one(extract(text), "We are ready for a long siege")
    assert a.anonymous
    assert a.medium == "in a telephone interview"
    assert a.role and "commander" in a.role


# --- what is not an attribution -----------------------------------------------------------


def test_titles_nicknames_and_scare_quotes_are_not_attributions():
    text = ('The film "The Long Night" opened on Friday. The so-called "green wall" project, '
            'known locally as "the Snake," has cost twice its budget.')
    assert extract(text) == []


def test_dashes_of_every_kind_do_not_break_extraction():
    text = ("The plan -- which took three years -- was approved, the council said. "
            "The vote — the first in a decade — was unanimous, said Jorge Ibarra, the council's chairman.")
    attributions = extract(text)
    assert one(attributions, "was approved").speaker == "the council" or one(attributions, "was approved").kind == "organization"
    assert one(attributions, "was unanimous").speaker == "Jorge Ibarra"
    assert_offsets(text, attributions)


def test_unbalanced_quotation_marks_do_not_raise():
    text = 'The minister said "the reforms will continue.\n\nNothing else was announced.'
    attributions = extract(text)
    assert_offsets(text, attributions)


def test_extraction_is_deterministic_and_offsets_hold():
    text = ('"It is a good day," said Ada Byrne.\n\nShe added that the ferry would run on Sundays. '
            "According to the port authority, 3,000 passengers used it last year.")
    first, second = extract(text), extract(text)
    assert first == second
    assert_offsets(text, first)
    assert [a.start for a in first] == sorted(a.start for a in first)


def test_british_style_single_quotes_when_there_are_no_double_ones():
    text = "‘We will not back down on pay,’ said Priya Shah, the union’s general secretary. Don’t expect a deal."
    a = one(extract(text), "We will not back down on pay")
    assert a.type == "direct"
    assert a.speaker == "Priya Shah"
    assert a.role == "general secretary"


def test_quotations_signed_with_a_dash_even_several_in_a_paragraph():
    text = ("“The council never asked us what we needed from this park.” ― Marta Oyelowo\n"
            "“We will keep coming to every meeting until they listen to us.” ― Dev Anand (@devanand)")
    attributions = extract(text)
    assert one(attributions, "never asked us").speaker == "Marta Oyelowo"
    assert one(attributions, "keep coming to every meeting").speaker == "Dev Anand"
    assert all(a.cue == "―" for a in attributions)


def test_quotecat_extract_is_the_function_of_the_package_of_the_same_name():
    import quotecat
    from quotecat.extract import extract as from_the_package

    assert quotecat.extract is extract is from_the_package
    assert extract('"We will rebuild," the mayor said.')[0].speaker == "the mayor"


# --- who speaks: the subject, not a clause, a sentence-opening adverb or a title (issue 12 items 1 and 3) ---

@pytest.mark.parametrize("sentence, speakers", [
    # A pronoun is a whole subject, even where a missed sentence break leaves an abbreviation before it.
    ("Arrests were made in Ohio and Washington, D.C. They also stated arrests were made in Canada.", ["They"]),
    # "both X and Y" opens the phrase; the clause before it is not part of the source.
    ("At the 2008 elections, the party won a majority in the assembly and both Mugabe and Tsvangirai claimed "
     "victory in the vote.", ["Mugabe", "Tsvangirai"]),
    # A pronoun with a clause of its own before "and" belongs to that clause.
    ("It weighed about ten pounds (five kilograms) and the researchers estimate it ran at 18 miles an hour.",
     ["the researchers"]),
    ("All the experts I interviewed said the plan was sound.", ["all the experts I interviewed"]),
    # A sentence-opening preposition or adverb is no source.
    ("By reports he secured five of the six delegates.", []),
    # An expansion in brackets does not make a subject a clause.
    ('Ann Lowe, the general secretary of the dock union (Union of Dock, Harbour and Transport Workers), said the '
     'plan was "nowhere near enough."', ["Ann Lowe"]),
    # A noun after its modifiers; a quantity of a group.
    ('The three-judge court found the advice "was motivated by an improper purpose".', ["three-judge court"]),
    ('The children spoke to reporters. One of them went as far as to say, "It was not the best way."',
     ["one of them"]),
    # The name, not the description before it, speaks.
    ('Fashion designer Mara Quill described her to the BBC in 2002: "She was everything that was good."',
     ["Mara Quill"]),
    ("Polish Interior Minister Jan Wrona wrote that he had ordered safety checks.", ["Jan Wrona"]),
    ('Longtime Morning Drive writer and performer Rob Bartel tweeted: "He was a giant."', ["Rob Bartel"]),
    ("UK-based retailer Tesco and Denmark-based retailer Salling Group announced the sale on Thursday.",
     ["Tesco", "Salling Group"]),
    ("State press agency PAP reported that five people had died.", ["PAP"]),
])
def test_the_speaker_is_the_subject_noun_phrase(sentence, speakers):
    # An unresolved pronoun gives the row no speaker; the words it read stay in speaker_mention.
    assert [a.speaker or a.speaker_mention for a in extract(sentence)] == speakers


@pytest.mark.parametrize("sentence, affiliation, source_type, role_class", [
    ("Polish Interior Minister Jan Wrona wrote that he had ordered safety checks.", "Polish Interior Ministry",
     "person", "politician"),
    ('Fashion designer Mara Quill described her to the BBC in 2002: "She was everything that was good."', None,
     "person", "unknown"),  # "Fashion" is capitalised only by the sentence start
    ("State press agency PAP reported that five people had died.", None, "media", "media"),
    ("Officials said the road would reopen.", None, "unnamed group", "official"),
    ("Police said the road would reopen.", None, "government", "official"),  # the force as an institution
    ("A report by the ministry said the road was unsafe.", "ministry", "document", "official"),
])
def test_each_row_carries_the_kind_of_its_source(sentence, affiliation, source_type, role_class):
    [row] = extract(sentence)
    assert (row.affiliation, row.source_type, row.role_class) == (affiliation, source_type, role_class)
    assert row.anonymous == (source_type in ("unnamed individual", "unnamed group"))


def test_an_office_without_a_country_takes_the_country_the_article_is_about():
    text = ("Fire kills five in Polish town\n\nPolice in Poland said the fire started in a heater. Poland's "
            "prosecutors opened an inquiry.\n\nPresident Andrzej Nowak said the victims were \"joyful girls\".")
    [row] = [a for a in extract(text) if a.speaker == "Andrzej Nowak"]
    assert row.affiliation == "Polish government"


# A negated belief or perception is no claim of its subject; a negated report often is
# (lemmas and counts in quotecat/lexicon/cues.py, NEGATED_NOT_REPORTS).
@pytest.mark.parametrize("sentence, contents", [
    ("Ms. Okafor did not know that the ferry had been cancelled.", []),
    ("The governor never believed the levy would pass.", []),
    ("Mr. Brandt didn't think the council had the votes.", []),
    ("The senator did not really see the point of a second hearing.", []),
    ("The mayor did not mention the harbour contract in her address.", ["the harbour contract"]),
    ("The mayor never said the harbour would reopen.", ["the harbour would reopen"]),
    ("Mr. Brandt thinks the council has the votes.", ["the council has the votes"]),
])
def test_a_negated_belief_is_no_claim(sentence, contents):
    found = [a.text for a in extract(sentence)]
    assert len(found) == len(contents), found
    for content, text in zip(contents, found):
        assert content in text


# "X, an appositive, who/whose ..., said": the name is the source, the appositive its description.
@pytest.mark.parametrize("sentence, speaker, role, affiliation", [
    ("Dana Whitfield, a former treasurer of the Nevada Green Party, whose parents ran a mine in Ely, "
     "said the party was broke.", "Dana Whitfield", "former treasurer", "Nevada Green Party"),
    ("Omar Haddad, a spokesman for the Port Authority, who joined it in 2009, said the cranes were idle.",
     "Omar Haddad", "spokesman", "Port Authority"),
    ("Omar Haddad, a spokesman for the Port Authority, said the cranes were idle.",
     "Omar Haddad", "spokesman", "Port Authority"),
    ("Omar Haddad, who joined the Port Authority in 2009, said the cranes were idle.",
     "Omar Haddad", None, None),
])
def test_the_name_before_an_appositive_and_an_aside_is_the_source(sentence, speaker, role, affiliation):
    (row,) = extract(sentence)
    assert (row.speaker, row.role, row.affiliation) == (speaker, role, affiliation)


# A cue inside the subject's "who ..." clause claims no more than the clause.
@pytest.mark.parametrize("sentence, content", [
    ("Senator Alvarez, who has long expressed doubts about the pipeline, recently ordered a review of its permits.",
     "doubts about the pipeline"),
    ("The mayor, who argued that the tunnel was too costly, has since changed her mind.",
     "that the tunnel was too costly"),
    ("Senator Alvarez, who said the pipeline was unsafe, voted against it on Tuesday.", "the pipeline was unsafe"),
    # No main verb after the comma: the content runs on.
    ("Senator Alvarez, who said the pipeline was unsafe, in a speech on Tuesday.",
     "the pipeline was unsafe, in a speech on Tuesday"),
    ("Senator Alvarez said the pipeline was unsafe, voted against it and left.",
     "the pipeline was unsafe, voted against it and left"),
])
def test_a_cue_in_a_relative_clause_ends_with_the_clause(sentence, content):
    (row,) = extract(sentence)
    assert row.text == content


# A question or an exclamation before its reporting clause, and marks typed in two styles:
# each quotation is the speaker's, whole and alone.
@pytest.mark.parametrize("sentence, content, speaker", [
    ("The count went on. “Can we still win the county?” Sen. Ada Morrow asked.",
     "Can we still win the county?", "Ada Morrow"),
    ("The count went on. ''We have never lost this county!'' Mr. Ivo Brandt said.",
     "We have never lost this county!", "Ivo Brandt"),
    ('The count went on. "Nobody here expected a recount this close,” Ada Morrow said.',
     "Nobody here expected a recount this close", "Ada Morrow"),
    ("The count went on. “Nobody here expected a recount this close,\" said Ada Morrow.",
     "Nobody here expected a recount this close", "Ada Morrow"),
])
def test_a_quotation_ends_where_its_reporting_clause_begins(sentence, content, speaker):
    (row,) = extract(sentence)
    assert (row.text, row.speaker) == (content, speaker)


# After '"...," said', a few lowercase words before a name describe the source ("former", "longtime
# resident", "master of ceremonies"); a text's words end with "read" ('"...," the letter read.').
@pytest.mark.parametrize("sentence, content, speaker", [
    ('Intro.\n\n"The levee will hold through the spring," said former Gov. Ann Vole, who built it.',
     "The levee will hold through the spring", "Ann Vole"),
    ('Intro.\n\n"We are not leaving this valley," said longtime resident Omar Sabri.',
     "We are not leaving this valley", "Omar Sabri"),
    ('Intro.\n\n"Thanks, Lakeside, for welcoming these families," said master of ceremonies Jane Hope.',
     "Thanks, Lakeside, for welcoming these families", "Jane Hope"),
    ('Intro.\n\n"The council has failed the families of this town," the letter read.',
     "The council has failed the families of this town", "letter"),
    ('Intro.\n\n"The council has failed the families of this town," read the statement.',
     "The council has failed the families of this town", "statement"),
])
def test_the_source_after_a_quotation_and_its_verb(sentence, content, speaker):
    (row,) = extract(sentence)
    assert row.text == content
    assert speaker in (row.speaker or "")


@pytest.mark.parametrize("sentence", [
    # a lowercase word and then a capitalised one after "said" is not always a source
    'Intro.\n\n"We are leaving," said nothing about Ohio.',
])
def test_no_source_after_a_quotation_without_a_name(sentence):
    assert all(row.speaker != "Ohio" for row in extract(sentence))


# A clause after "said" is the content, not a source after the verb: it has a verb of its own, or goes on.
@pytest.mark.parametrize("sentence, not_a_source", [
    ("Intro.\n\nAfter weeks of talks behind closed doors, said the ban is not part of a wider plan.", "the ban"),
    ("Intro.\n\nOne man who fled, and who asked not to be named, said the attackers came at dawn and "
     "\"shot at anything that moved.\"", "the attackers"),
    ("Intro.\n\nThe mayor, who spoke briefly, said the bridge will reopen in May.", "the bridge"),
])
def test_an_inverted_source_has_no_verb_of_its_own(sentence, not_a_source):
    assert [row.speaker for row in extract(sentence) if (row.speaker or "").startswith(not_a_source)] == []


# A subject's clause ending in a colon introduces the quotation after it, whatever its verb.
@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nAnd Mayor Ivo Brandt gloated: \"I told you the council would not be ready for this.\"",
     "I told you the council would not be ready for this.", "Ivo Brandt"),
    ("Intro.\n\nIn a press release, the committee said about its platform:\n\n"
     "\"The platform goes further than any before it on water rights.\"",
     "The platform goes further than any before it on water rights.", "committee"),
    ("Intro.\n\nSenator Ada Morrow issued the following statement:\n\n"
     "\"Our thoughts are with the families of the miners tonight.\"",
     "Our thoughts are with the families of the miners tonight.", "Ada Morrow"),
])
def test_a_clause_ending_in_a_colon_leads_in_a_quotation(text, content, speaker):
    row = one(extract(text), content)
    assert row.text == content
    assert speaker in (row.speaker or "")


@pytest.mark.parametrize("text", [
    "Intro.\n\nIt is simple:\n\n\"Three rules, and the first one is never to lie to the voters.\"",
    "Intro.\n\nThe schedule for the week:\n\n\"Arrivals, a dinner, and the vote on Friday morning.\"",
])
def test_a_colon_without_a_subject_and_verb_leads_in_nothing(text):
    assert [row.speaker for row in extract(text) if row.speaker] == []


# A bare quotation opening the sentence after an attribution goes on with that speaker's words.
@pytest.mark.parametrize("text, second", [
    ('Intro.\n\nThe union will not back the plan, its president Ana Ruiz said. '
     '"We have seen three of these plans fail in ten years."', "We have seen three of these plans fail"),
    ('Intro.\n\nAna Ruiz said the union would not back the plan. '
     '"We have seen three of these plans fail in ten years."', "We have seen three of these plans fail"),
])
def test_a_bare_quotation_goes_on_with_the_attribution_before_it(text, second):
    row = one(extract(text), second)
    assert row.speaker == "Ana Ruiz"
    assert len(row.fragments) == 2


def test_a_quotation_with_a_reporting_clause_of_its_own_does_not_go_on_with_the_one_before():
    text = ('Intro.\n\nAna Ruiz, for her part, insists she no longer reads reviews. '
            '"My mother reads them to me over the phone," she admitted.')
    assert all("My mother" not in row.text for row in extract(text) if row.cue == "insists")


# After a quotation, "asked the boy" names who asked, not whom.
@pytest.mark.parametrize("text, speaker", [
    ("Intro.\n\n\u201cHow tall will the wall be?\u201d asked the boy, who wore a red hat.", "the boy"),
    ("Intro.\n\n\u201cHow tall will the wall be?\u201d asked the senator from Ohio.", "the senator from Ohio"),
    # a hearer after a cue with its subject before it stays the hearer
    ("Intro.\n\nAna Ruiz, an aid worker, told Reuters \u201cthe camp is full and the rain has started\u201d.", "Ana Ruiz"),
])
def test_after_a_quotation_the_noun_after_the_cue_is_the_source(text, speaker):
    (row,) = extract(text)
    assert row.speaker == speaker


# A report inside a report: the inner source after a time phrase or with a "whom" aside is a source too.
@pytest.mark.parametrize("text, content, speaker", [
    ("Intro.\n\nThe agency reported on Monday a ministry official said the ban is not part of a wider plan.",
     "the ban is not part of a wider plan", "ministry official"),
    ("Intro.\n\nA ministry official, whom the agency did not name, said the ban is not part of a wider plan.",
     "the ban is not part of a wider plan", "ministry official"),
])
def test_the_inner_source_of_a_nested_report(text, content, speaker):
    rows = [row for row in extract(text) if row.text == content]
    assert [speaker in (row.speaker or "") for row in rows] == [True]


# A participle or adjunct cue ("..., adding", "..., saying") speaks for the clause it hangs on: the
# speaker of the attribution it follows, else the subject of the sentence's main clause, after a
# scene-setting opener ("Earlier in the week,", "Reached by phone,"). The row names that speaker's
# mention, so a reader can check it.
PARTICIPLE_SPEAKERS = [
    ('"The budget is a mess," Councillor Dana Whitlow said, adding that the vote should wait.',
     "the vote should wait", "Dana Whitlow", "Councillor Dana Whitlow"),
    ("The Riverton mayor will step down in May, Councillor Dana Whitlow said, adding that the vote should wait.",
     "the vote should wait", "Dana Whitlow", "Councillor Dana Whitlow"),
    ("Earlier in the week, Senator Paul Okonjo criticised the plan, saying it was rushed.",
     "it was rushed", "Paul Okonjo", "Senator Paul Okonjo"),
    ('Reached by phone, Mayor Ines Varga rejected the report, calling it "a fantasy."',
     "a fantasy", "Ines Varga", "Mayor Ines Varga"),
    ("The Ohio senator toured the plant on Monday, saying it would reopen in the spring.",
     "it would reopen", "the Ohio senator", "The Ohio senator"),
]


@pytest.mark.parametrize("text, content, speaker, mention", PARTICIPLE_SPEAKERS)
def test_a_participle_takes_the_speaker_of_the_clause_it_hangs_on(text, content, speaker, mention):
    [a] = [a for a in by_text(extract(text), content) if a.cue in {"adding", "saying", "calling"}]
    assert (a.speaker, a.speaker_mention) == (speaker, mention)
    assert text[a.mention_start:a.mention_end] == mention


# Whom a writer speaks for: the outlet that published them; the outlet a source told is the audience.
@pytest.mark.parametrize("sentence, speaker, affiliation", [
    ('Writing in The Harbour Times, the columnist Mark Hale called the bill "a disgrace."', "Mark Hale",
     "Harbour Times"),
    ('Nadia Brandt wrote in The Eastport Post that tariffs "hurt the poor."', "Nadia Brandt", "Eastport Post"),
    ('"The plan is doomed," Nadia Brandt wrote in The Eastport Post.', "Nadia Brandt", "Eastport Post"),
    ('In The Eastport Post, Nadia Brandt wrote that the plan was "doomed."', "Nadia Brandt", "Eastport Post"),
    ('In a column for the Eastport Herald, Ann Lee argued that the law "fails."', "Ann Lee", "Eastport Herald"),
    ('Ann Lee argued in an op-ed in the Eastport Tribune that the law "fails."', "Ann Lee", "Eastport Tribune"),
    # a critic's publication by any name; a scientist's journal is no outlet to speak for
    ('Writing in Het Dagblad, the food critic Saar Jansen called it "the best restaurant in town."', "Saar Jansen",
     "Het Dagblad"),
    ('Writing in Nature, the biologist Ann Lee called the result "a surprise."', "Ann Lee", None),
    ('Ann Lee wrote in June that the law "fails."', "Ann Lee", None),
    # a journalist's other cues with an outlet's name, never a place or a month
    ('Columnist Jo Bell noted in The Harbour Times that the plan "fails."', "Jo Bell", "Harbour Times"),
    ('Columnist Jo Bell noted in Eastport magazine that the plan "fails."', "Jo Bell", "Eastport magazine"),
    ('Columnist Jo Bell said in New York that the plan "fails."', "Jo Bell", None),
    ('Columnist Jo Bell wrote in June that the plan "fails."', "Jo Bell", None),
    # the audience, not whom they speak for
    ('Sam Ortiz told Reuters that the factory would "close by spring."', "Sam Ortiz", None),
    ('Sam Ortiz said in an interview with The Eastport Post that the factory would "close by spring."',
     "Sam Ortiz", None),
    # the outlet in the mention, as before
    ('An editor at the Daily Mail said the story was "accurate in every detail."', "an editor at the Daily Mail",
     "Daily Mail"),
    ('On Monday, Times reporter Tom Lake said the mayor "refused to answer."', "Tom Lake", "Times"),
    ('Tom Lake of the Eastport Gazette said the mayor "refused to answer."', "Tom Lake", "Eastport Gazette"),
])
def test_a_writer_speaks_for_the_outlet_that_published_them(sentence, speaker, affiliation):
    (row,) = extract(sentence)
    assert (row.speaker, row.affiliation) == (speaker, affiliation)


# "X, who chairs the Y Committee," names the body X speaks for; a council member's council is the one the
# article names.
@pytest.mark.parametrize("text, speaker, affiliation", [
    ('Janet Olufemi, who leads the Riverside Neighbors Association, said the plan was "rushed."', "Janet Olufemi",
     "Riverside Neighbors Association"),
    ('"It is rushed," said Janet Olufemi, who chairs the Eastport Housing Committee.', "Janet Olufemi",
     "Eastport Housing Committee"),
    ('Tom Hale, who leads Dray in the polls, said the plan was "rushed."', "Tom Hale", None),
    ('Tom Hale, who runs a bakery, said the plan was "rushed."', "Tom Hale", None),
    ('The Eastport City Council met on Monday. Councilwoman Renée Dubois said the plan was "rushed."',
     "Renée Dubois", "Eastport City Council"),
    ('The builder Calder Homes said the plan was "fine." Councilman Ray Fitch said the plan was "rushed."',
     "Ray Fitch", None),
])
def test_the_body_a_person_leads_or_sits_on(text, speaker, affiliation):
    row = [a for a in extract(text) if a.speaker == speaker][-1]
    assert row.affiliation == affiliation
