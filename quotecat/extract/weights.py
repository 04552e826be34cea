"""The learned parts' weights (``cue_model``, ``confidence``): read from ``quotecat/lexicon/`` and laid
out by feature family, so a candidate or a row is scored without building its feature names."""

import json
from importlib import resources


def read_weights(name: str) -> dict:
    """The JSON file ``quotecat/lexicon/<name>``."""
    # Read through the top-level package, whose directory holds the sources whether or not the
    # extractor runs compiled (a compiled module's own directory is the build's).
    return json.loads(resources.files("quotecat").joinpath("lexicon", name).read_text(encoding="utf-8"))


def weight_tables(weights: dict[str, float]) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, dict[str, float]]]]:
    """The weights by family: "w=said" -> one["w"]["said"], "lr=say|participle" ->
    two["lr"]["say"]["participle"], a flag "sq" -> one[""]["sq"]."""
    one: dict[str, dict[str, float]] = {"": {}}
    two: dict[str, dict[str, dict[str, float]]] = {}
    for name, weight in weights.items():
        family, equals, value = name.partition("=")
        if not equals:
            one[""][name] = weight
        elif "|" in value:
            first, _, second = value.partition("|")
            two.setdefault(family, {}).setdefault(first, {})[second] = weight
        else:
            one.setdefault(family, {})[value] = weight
    return one, two
