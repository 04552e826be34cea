"""Extraction quality, measured on annotated articles with ``quotecat evaluate``.

``tests/gold`` is the project's own annotated set (see its README). The
thresholds lock in what the extractor reaches; raise them when it improves.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecat.cli import cli
from quotecat.evaluate import _chars, evaluate, name_tokens
from quotecat.extract import extract
from quotecat.model import Attribution

GOLD = Path(__file__).parent / "gold"
POLNEAR = Path(__file__).parent.parent.parent / "shared" / "polnear-dev"

OWN_SET_THRESHOLDS = {
    "precision": 0.94,
    "all.recall": 0.91,
    "quoted.recall": 0.95,
    "speech.recall": 0.93,
    # 0.92 before the learned cue model: of the attributions it adds here, one ('A county judge ...
    # ruling that ...') is given to the description, where the gold wants the judge the next
    # sentence names (the resolver looks back, not forward).
    "all.speaker_accuracy": 0.91,
    "quoted.speaker_accuracy": 0.97,
    "all.pronoun_accuracy": 0.75,
    "all.affiliation_accuracy": 0.42,
    "all.type_accuracy": 0.90,
}
# Measured on the development set when these were set; a drop is a regression.
POLNEAR_THRESHOLDS = {
    "precision": 0.93,
    "all.recall": 0.63,
    "quoted.recall": 0.90,
    "speech.recall": 0.90,
    # 0.94 before the learned cue model, which finds 22 more direct and mixed attributions here
    # (11 of them with the right speaker: 593 right before, 604 now). On the check half of the
    # training split (3,166 of them) the same change found 104 more and speaker accuracy rose.
    "quoted.speaker_accuracy": 0.93,
    "speech.speaker_accuracy": 0.95,
}


def fail_under(thresholds):
    return [arg for name, value in thresholds.items() for arg in ("--fail-under", f"{name}={value}")]


def test_own_annotated_set_meets_its_thresholds():
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--worst", "5", *fail_under(OWN_SET_THRESHOLDS)])
    assert result.exit_code == 0, result.output
    assert "direct+mixed" in result.output


def test_every_attribution_of_the_first_article_with_speaker_and_affiliation():
    name = "islamic-state-deir-ezzour"
    text = (GOLD / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    golds = [r for r in map(json.loads, (GOLD / "gold.jsonl").open(encoding="utf-8")) if r["article"] == name]
    found = extract(text)
    assert len(golds) == 22
    for gold in golds:
        wanted = _chars(gold["fragments"])
        matching = [a for a in found if len(wanted & _chars(a.fragments or [[a.start, a.end]])) / len(wanted) >= 0.5]
        assert matching, f"missed: {gold['text'][:80]!r}"
        right = [a for a in matching if name_tokens(a.speaker) & name_tokens(gold["resolved_speaker"])]
        assert right, f"{gold['text'][:60]!r}: speaker {[a.speaker for a in matching]} != {gold['resolved_speaker']!r}"
        affiliations = [a.affiliation for a in right]
        if gold["affiliation"]:
            assert any(name_tokens(aff) & name_tokens(gold["affiliation"]) for aff in affiliations), (
                gold["text"][:60], affiliations, gold["affiliation"])
        else:
            # One claim with several sources is one gold record; the catalogue keeps a row per source.
            assert None in affiliations, (gold["text"][:60], affiliations)


def test_evaluate_reports_json_for_machines():
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["gold"] == sum(1 for _ in (GOLD / "gold.jsonl").open())
    assert 0 < report["all"]["recall"] <= 1
    assert {"article", "gold", "found", "extracted", "correct"} <= set(report["per_article"][0])
    assert all("context" in miss for miss in report["misses"])


def test_fail_under_fails_with_the_metric_named():
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--fail-under", "all.recall=1.01"])
    assert result.exit_code != 0
    assert "all.recall" in result.output


def test_unknown_metric_is_a_usage_error():
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--fail-under", "recal=0.5"])
    assert result.exit_code == 2
    assert "unknown metric" in result.output


def test_matching_counts_all_fragments_of_an_interrupted_quote(tmp_path):
    article = '"The first half of it," she said. "And the second half of it, which is longer."'
    first = [1, article.index(",")]
    second = [article.index("And"), article.rindex(".") + 1]
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(article)
    record = {"article": "a", "text": article[first[0]:second[1]], "start": first[0], "end": second[1],
              "fragments": [first, second], "speaker": "she", "speaker_is_pronoun": True, "cue": "said",
              "type": "direct"}
    (tmp_path / "gold.jsonl").write_text(json.dumps(record) + "\n")

    def only_first_fragment(text):
        return [Attribution(text=text[first[0]:first[1]], start=first[0], end=first[1], type="direct")]

    assert evaluate(tmp_path)["all"]["recall"] == 1.0
    assert evaluate(tmp_path, extractor=only_first_fragment)["all"]["recall"] == 0.0


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/polnear-dev is not beside this checkout: "
                                                  "development-set regression check NOT RUN")
def test_development_set_does_not_regress():
    result = CliRunner().invoke(cli, ["evaluate", str(POLNEAR), "--worst", "0", *fail_under(POLNEAR_THRESHOLDS)])
    assert result.exit_code == 0, result.output
