"""The word lists (quotecat/lexicon/): data only, and one list of reporting verbs that the cue rules pick from."""

import importlib
import pkgutil

import pytest

import quotecat.lexicon
from quotecat.lexicon import cues

MODULES = [importlib.import_module(f"quotecat.lexicon.{m.name}") for m in pkgutil.iter_modules(quotecat.lexicon.__path__)]
REPORTING_LEMMAS = set(cues.SPEECH_VERBS.values()) | set(cues.THOUGHT_VERBS.values())


def words_of(value):
    return list(value.items()) if isinstance(value, dict) else list(value)


def test_the_lexicon_has_its_modules():
    assert {m.__name__.rsplit(".", 1)[1] for m in MODULES} >= {
        "cues", "function_words", "titles", "names", "organizations", "places", "time", "media", "abbreviations"}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_public_name_is_a_word_list(module):
    public = {name: value for name, value in vars(module).items() if name.isupper()}
    assert public, f"{module.__name__} holds no list"
    for name, value in public.items():
        assert isinstance(value, (set, frozenset, dict, tuple, list)), f"{name} is a {type(value).__name__}"
        assert value, f"{name} is empty"
        for item in words_of(value):
            pair = item if isinstance(item, tuple) else (item,)
            assert all(isinstance(word, str) and word == word.strip() and word for word in pair), (name, item)


@pytest.mark.parametrize("name", ["BARE_CLAUSE_LEMMAS", "WEAK_LEMMAS", "BARE_BELIEF_LEMMAS", "CONTENT_AFTER_LEMMAS",
                                  "INFINITIVE_LEMMAS", "INVERTING_LEMMAS", "OBJECT_LEMMAS", "HEARER_LEMMAS"])
def test_cue_rules_pick_their_lemmas_from_the_one_list_of_reporting_verbs(name):
    assert getattr(cues, name) <= REPORTING_LEMMAS, getattr(cues, name) - REPORTING_LEMMAS


def test_cue_words_are_the_reporting_verbs_less_the_forms_that_are_mostly_nouns():
    assert set(cues.CUE_WORDS) == (set(cues.SPEECH_VERBS) | set(cues.THOUGHT_VERBS)) - cues.NOT_CUE_FORMS
    assert cues.CUE_WORDS["said"] == "say" and cues.CUE_WORDS["warned"] == "warn"
    assert "report" not in cues.CUE_WORDS and "reported" in cues.CUE_WORDS
