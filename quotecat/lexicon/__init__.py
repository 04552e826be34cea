"""The words the extractor's rules are made of: data only, grouped by meaning, no algorithm.

As spaCy keeps language data apart from its algorithms, every word list the extractor
reads lives here, one module per kind of word, each list with a line on what it is for:

- ``cues``: reporting verbs (the one list of them, ``SPEECH_VERBS`` and ``THOUGHT_VERBS``)
  and the subsets the cue rules use ("may come before its subject", "takes a bare clause"),
  the words that hint at a cue, speaker labels that are not speakers;
- ``function_words``: auxiliaries, determiners, prepositions, pronouns, conjunctions;
- ``titles``: titles before a name ("Col.", "Sen."), role nouns ("spokesman"), the modifiers and
  portfolios of a title ("Deputy Health Minister"), offices that speak for a government, gendered words;
- ``names``: name particles ("van", "al-"), capitalised words that are no name;
- ``organizations``: heads of organisation names ("ministry"), generic nouns for one ("the group"),
  state bodies, party labels, documents ("report", "poll");
- ``outlets``: news outlets and the words of their names ("the BBC", "The Washington Post");
- ``role_classes``: the classes of a source's role for sourcing audits (official, politician,
  expert, business, civil society, citizen, media), one list each;
- ``places``: countries, their adjectives and capitals, demonyms;
- ``time``: days, months and the words of time expressions;
- ``media``: how something was said ("in a statement", "told reporters");
- ``abbreviations``: words that end in a full stop without ending a sentence.

General English and newsroom vocabulary only: nothing here may name the people, places
or wording of a particular article. Adding a word changes what the extractor finds:
measure it (README, Accuracy) before keeping it.
"""
