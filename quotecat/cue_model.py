"""The learned cue model: cue words mined from annotated news, and weights that gate each candidate.

``training/cues.py`` writes ``cue_model.json`` from the PolNeAR training articles
(see the README, "Learned cue model"); this module only reads it. Scoring a
candidate is a sum of weights looked up by feature name: no library, no model
download, the same result compiled or not.
"""

import json
from importlib import resources
from typing import Final


def _load() -> dict:
    text = resources.files("quotecat").joinpath("cue_model.json").read_text(encoding="utf-8")
    return json.loads(text)


_DATA: Final = _load()
# Cue word forms the lexicon lacks, each with its lemma ("railed" -> "rail").
MINED: Final[dict[str, str]] = {form: entry[0] for form, entry in _DATA["cues"].items()}
# Words that make a mined cue a phrase: "railed against", "referring to".
PARTICLES: Final[dict[str, list[str]]] = _DATA["particles"]
# Cues that attribute the clause around them to no one named: "is expected to", "appears to".
AROUND: Final[frozenset[str]] = frozenset(_DATA["around"])
# Lexicon cues worth a second, looser reading when the rules find no clause.
LOOSE: Final[frozenset[str]] = frozenset(_DATA["loose"])
WEIGHTS: Final[dict[str, float]] = _DATA["weights"]
BIAS: Final[float] = _DATA["bias"]
# On the log-odds: a candidate only a relaxed rule proposed is kept from THRESHOLD up, one the
# rules found is dropped below VETO.
THRESHOLD: Final[float] = _DATA["threshold"]
VETO: Final[float] = _DATA["veto"]


def score(features: list[str]) -> float:
    """The candidate's log-odds of being a gold attribution."""
    total = BIAS
    for feature in features:
        total += WEIGHTS.get(feature, 0.0)
    return total
