"""The confidence on every row: what raises and lowers it, the data file, and that training makes that file.

Every sentence here is written for the test (none comes from PolNeAR or Wikinews).
"""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotecat import extract
from quotecat.extract import confidence as model
from quotecat.extract.found import Pattern
from quotecat.model import Attribution

ROOT = Path(__file__).parent.parent
MODEL = ROOT / "quotecat" / "lexicon" / "confidence.json"
SHARED = ROOT.parent / "shared"
# What confidence.features names (the names without "=" are flags).
FAMILIES = {"p", "t", "pt", "r", "rt", "rp", "st", "rs", "rc", "af", "as", "ar", "k", "l", "kt", "len", "lt", "d",
            "sw", "mw", "mside", "gap"}
FLAGS = {"fragments", "marks odd", "marks even", "inner cue", "anonymous", "role", "para0", "medium", "negated",
         "activity"}

LEAD = ("Harbour town weighs ferry cuts\n\n"
        "Ines Falk, the mayor of Kestrel Bay, said on Monday that the town would keep its ferry.\n\n")


def row(paragraph: str, words: str) -> Attribution:
    """The attribution whose content starts with ``words`` in an article that names the mayor first."""
    found = [a for a in extract(LEAD + paragraph) if a.text.startswith(words)]
    assert found, f"nothing found for {words!r} in {paragraph!r}"
    return found[0]


@pytest.mark.parametrize("higher, lower", [
    # No order between a quotation named where quoted and a claim given to "she" by resolution: a resolved
    # pronoun keeps the affiliation its person was named with, and on Wikinews such rows are right as often
    # (the model fitted after the affiliation rules of this round: 0.902 named where quoted, 0.903 the pronoun row).
    # A speaker named where quoted, over a pronoun with no one to stand for (no group named before).
    (("Ines Falk said the pier would be repaired by May.", "the pier"),
     ("They said the pier would be repaired by May.", "the pier")),
    # The surname of a source named before, with the affiliation it was named with, over a person named
    # without one (Wikinews states an affiliation for most sources: a row without is often wrong).
    (("Falk said the pier would be repaired by May.", "the pier"),
     ("Tom Reyes said the pier would be repaired by May.", "the pier")),
    # A reporting verb with its subject, over a quotation given to the subject of its sentence.
    (('"The timetable is final," Ines Falk said.', "The timetable"),
     ('Ines Falk is proud of the new pier and its "fresh start for the harbour" in the town.', "is proud")),
])
def test_more_confident_of(higher, lower):
    first, second = row(*higher), row(*lower)
    assert first.confidence > second.confidence, (first.confidence, first.resolution, second.confidence,
                                                  second.resolution)


@pytest.mark.parametrize("resolution, speaker, kind", [
    ("named where quoted", "Ines Falk", "named"),
    ("described where quoted", "the mayor", "described"),
    ("described where quoted", None, "none"),
    ("surname 'Falk' -> Ines Falk", "Ines Falk", "surname"),
    ("description 'the mayor' -> Ines Falk (same role earlier)", "Ines Falk", "role"),
    ("pronoun 'she' -> Ines Falk (nearest earlier person)", "Ines Falk", "pronoun"),
    ("pronoun 'he' left unresolved (no earlier person)", "he", "pronoun unresolved"),
    ("pronoun 'they' -> Falk and Lee (sources named together earlier)", "Ines Falk", "pronoun group"),
    ("inherits the speaker of the attribution it continues", "Ines Falk", "inherited"),
    ("no source: the cue attributes its clause to no one named", None, "no source"),
    (None, None, "none"),
])
def test_how_the_speaker_was_found_in_a_word(resolution, speaker, kind):
    assert model.resolution_kind(resolution, speaker) == kind


@pytest.mark.parametrize("paragraph, words, flag", [
    ('"We will keep the ferry," said Ines Falk. "And the pier."', "We will keep", "fragments"),
    ("Ines Falk said the pier, which engineers said was unsafe, would be repaired.", "the pier", "inner cue"),
    ("Ines Falk, the mayor, said the pier was safe.", "the pier", "role"),
])
def test_features_read_the_row(paragraph, words, flag):
    text = LEAD + paragraph
    a = next(a for a in extract(text) if a.text.startswith(words))
    assert flag in model.features(text, a)


@pytest.mark.parametrize("paragraph, words, negated", [
    # A negated report is kept (the annotators of PolNeAR make most of them attributions) and flagged.
    ("Ines Falk did not say whether the ferry would run in March.", "whether the ferry", True),
    ("Ines Falk has never publicly said the pier was unsafe.", "the pier", True),
    ("The ferry company would not confirm that the pier was closed.", "that the pier", True),
    ("Ines Falk has not said whether the pier was unsafe.", "whether the pier", True),
    ("Ines Falk did not even mention the pier in her speech.", "the pier", True),
    ("Ines Falk said the ferry would run in March.", "the ferry", False),
    ("Ines Falk, who cannot swim, said the ferry would run in March.", "the ferry", False),
])
def test_a_negated_cue_is_a_feature_of_its_row(paragraph, words, negated):
    text = LEAD + paragraph
    a = next(a for a in extract(text) if a.text.startswith(words))
    assert ("negated" in model.features(text, a)) is negated


@pytest.mark.parametrize("sentence, cue, content, activity", [
    # Speaking somewhere, at some time, to someone, or keeping a lead: an activity, kept and flagged.
    ("Ines Falk spoke at the harbour on Monday about the ferry.", "spoke", "about the ferry", True),
    ("Ines Falk spoke hours after the vote on the ferry.", "spoke", "hours after the vote on the ferry", True),
    ("Ines Falk spoke to fishermen about the pier.", "spoke", "about the pier", True),
    ("Ines Falk maintains a lead in the polls over her rival.", "maintains", "a lead in the polls", True),
    # A report of what was said.
    ("Ines Falk maintains that the pier is safe.", "maintains", "the pier is safe", False),
    ("Ines Falk spoke of a new pier for the town.", "spoke", "a new pier for the town", False),
    ("Ines Falk said at the harbour that the pier was safe.", "said", "the pier was safe", False),
])
def test_an_activity_read_as_a_cue_is_a_feature_of_its_row(sentence, cue, content, activity):
    text = LEAD + sentence
    cue_start = text.index(cue, len(LEAD))
    start = text.index(content, len(LEAD))
    a = Attribution(text=content, start=start, end=start + len(content), type="indirect", cue=cue,
                    cue_start=cue_start, cue_end=cue_start + len(cue), speaker="Ines Falk")
    assert ("activity" in model.features(text, a)) is activity


@pytest.mark.parametrize("affiliation, kind", [
    ("club", "generic"),  # a noun the article did not resolve to the body
    ("Kestrel Bay", "mention"),
    (None, "none"),
])
def test_where_the_affiliation_came_from(affiliation, kind):
    text = LEAD + "Ines Falk said the pier was safe."
    a = next(a for a in extract(text) if a.text.startswith("the pier"))
    a.affiliation, a.speaker_mention = affiliation, "Ines Falk of Kestrel Bay"
    assert f"af={kind}" in model.features(text, a)


def test_every_extracted_row_has_a_confidence_between_0_and_1():
    rows = extract(LEAD + '"We will keep the ferry," said Ines Falk. He said the pier was safe.')
    assert len(rows) == 3  # the lead's too
    assert all(isinstance(a.confidence, float) and 0.0 <= a.confidence <= 1.0 for a in rows)


def test_confidence_is_the_product_of_the_two_parts_over_the_features_training_sees():
    """The run-time sum looks weights up by family; training fits names: the same figure on every row of
    the project's own annotated articles."""
    checked = 0
    for path in sorted((ROOT / "tests" / "gold" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for a in extract(text):
            names = model.features(text, a)
            parts = [1 / (1 + math.exp(-model.score(names))),
                     1 / (1 + math.exp(-model.score(names, model.AFFILIATION_WEIGHTS, model.AFFILIATION_BIAS)))]
            assert a.confidence == pytest.approx(round(parts[0] * parts[1], 2), abs=0.011), (a.text, names)
            checked += 1
    assert checked > 100


def test_the_data_file_has_the_shape_the_extractor_reads():
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert {"bias", "weights", "affiliation_bias", "affiliation_weights"} <= set(data)
    patterns = {p.value for p in Pattern}
    for weights in (data["weights"], data["affiliation_weights"]):
        assert weights and all(math.isfinite(w) for w in weights.values())
        # Feature names: the rules' pattern names, a cue's lemma, buckets; never text from the corpus.
        for name in weights:
            family, equals, value = name.partition("=")
            if not equals:
                assert name in FLAGS, name
                continue
            assert family in FAMILIES, name
            if family in ("p", "pt", "rp"):
                assert value.split("|")[-1 if family == "rp" else 0] in patterns, name
            elif family == "l":
                assert " " not in value and len(value) < 30, f"{name!r} reads like an excerpt"
    # The run-time sum of the affiliation part looks up only these families.
    assert {name.partition("=")[0] for name in data["affiliation_weights"]} <= model.AFFILIATION_FAMILIES
    assert MODEL.stat().st_size < 100_000


def test_an_unresolved_pronoun_lowers_the_confidence():
    """A sign training should find on any corpus: "he" with no one to stand for is seldom right."""
    assert model.WEIGHTS.get("r=pronoun unresolved", 0.0) < 0


def _have_sklearn() -> bool:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not (SHARED / "polnear-train" / "gold.jsonl").exists()
                    or not (SHARED / "wikinews-dev" / "gold.jsonl").exists(),
                    reason="../shared/polnear-train or wikinews-dev is not beside this checkout: "
                           "confidence retraining check NOT RUN")
@pytest.mark.skipif(not _have_sklearn(), reason="scikit-learn (the training extra) is not installed: "
                                                "confidence retraining check NOT RUN (pip install -e '.[training]')")
def test_retraining_writes_the_committed_file_byte_for_byte(tmp_path):
    """Fails when the extractor changed what it finds: retrain (./scripts/train-confidence)."""
    out = tmp_path / "confidence.json"
    env = dict(os.environ, QUOTECAT_SHARED=str(SHARED))
    subprocess.run([sys.executable, "-m", "training.confidence", "--output", str(out)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    assert out.read_bytes() == MODEL.read_bytes(), \
        "quotecat/lexicon/confidence.json is not what ./scripts/train-confidence makes from these sources: retrain"
