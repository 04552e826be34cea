"""Extraction quality, measured on annotated articles with ``quotecat evaluate``.

``tests/gold`` is the project's own annotated set (see its README). The
thresholds lock in what the extractor reaches; raise them when it improves.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecat.cli import cli
from quotecat.evaluate import (
    _affiliation_right, _chars, _description, _speaker_right, alias_match, evaluate, format_report, gender_of_rows, name_tokens,
    sample_rows, score_gender, speaker_matches,
)
from quotecat.extract import extract
from quotecat.model import Attribution

GOLD = Path(__file__).parent / "gold"
POLNEAR = Path(__file__).parent.parent.parent / "shared" / "polnear-dev"
WIKINEWS = Path(__file__).parent.parent.parent / "shared" / "wikinews-dev"

# Speakers are judged against the resolved speaker by the alias rule (quotecat.evaluate.alias_match):
# the shared-word rule it replaced gave all 0.935, quoted 1.000, pronouns 0.774 with the same rows.
OWN_SET_THRESHOLDS = {
    "precision": 0.95,  # 0.952 (0.957 before second reports were rows: "praised" is no gold here; 0.952)
    # 0.919 (0.928 before recall3's colon lead-ins and quoted-candidate threshold, 0.923): 211 rows
    # for 208, three more outside the gold (a nickname "Children call her ...", a "who" clause read
    # as its verb, a board's vote)
    "strict_precision": 0.91,
    "all.recall": 0.94,  # 0.943 (0.947 before the question left out of an asked-by answer; 0.933; 0.928)
    "quoted.recall": 0.98,  # 0.989 (0.967)
    "speech.recall": 0.96,  # 0.961 (0.967 before the question left out of an asked-by answer; 0.950)
    # 0.928 (0.939; 0.890 before the title grammar of issue 12.3): "One man who fled ..., and who
    # asked ..., said" is found now by its quotation, given to "one man", not the man who fled
    # 0.933 since the asked-by answers and look-ahead descriptions
    "all.speaker_accuracy": 0.93,
    "quoted.speaker_accuracy": 0.98,  # 0.985 (1.000): the same row
    "all.pronoun_accuracy": 0.86,  # 0.871 (0.710 before salience and gender agreement)
    # 0.656 (0.617 before a writer's outlet, the body a person leads, a council member's council and a
    # ministry's country; 0.591 before "the developer, X Homes" read as the organisation; 0.558 before a person's
    # affiliation said once went to all their rows and "the agency", "the club" to the body quoted
    # before; 0.539 before affiliations carried from an earlier "X of Y" mention, first names and a
    # study's authors).
    "all.affiliation_accuracy": 0.65,
    "all.type_accuracy": 0.92,  # 0.923
    "row_accuracy": 0.64,  # 0.646 (0.617 before the writer's outlet and the leader's body; 0.598; 0.569 before the affiliations of issue 12's catalogue work; 0.450)
    # 0.911, 41 of 45 (0.891, 41 of 46, before "Asked by X ..., Y said" was Y's: the missed ones had the
    # wrong speaker; 0.909, 40 of 44; 0.860)
    "anonymous.recall": 0.91,
    # 0.909: "The authors" of a study is no longer given to its lead author alone (the gold
    # has "Munro and her colleagues", which the extractor does not build), so it is a group.
    # 0.932 since "Others argue" is an unnamed group, not a person named Others
    "anonymous.precision": 0.93,
    "speakers.precision": 0.92,  # 0.924 (0.938; 0.866): the nickname's "Children" and the vote's board
    # 0.973, 177 of 182, rows with the right speaker (0.956 before "the developer, X" was the organisation
    # and a plural head noun a group: issue 12.4)
    "kinds.source_type.accuracy": 0.97,
    # 0.736, 134 of 182 (0.725; 0.735): the two developers read as businesses; "the group's founder"
    # speaks for the group the article names, and a founder of a named group reads as a citizen.
    "kinds.role_class.accuracy": 0.74,  # 0.742, 135 of 182
    # Gender from each article's own evidence (tests/gold/gender.jsonl, 68 persons: 15 woman, 22 man):
    # 14 said woman, 18 man, none wrong; unknown share 0.529 (gold 0.456).
    "gender.woman.precision": 0.99,
    "gender.man.precision": 0.99,
    "gender.woman.recall": 0.9,  # 0.933
    "gender.man.recall": 0.8,  # 0.818
    "gender_catalogue.man.precision": 0.99,
}
# Measured on the development set when these were set; a drop is a regression.
POLNEAR_THRESHOLDS = {
    "precision": 0.93,  # 0.936 (0.939 before the quoted readings' recall bar; 0.938)
    # 0.683 (0.677 before contractions as auxiliaries, doubled consonants and asides; 0.674;
    "all.recall": 0.68,  # 0.670 before the quoted readings' thresholds per kind; 0.657; 0.655)
    # 0.942 (0.933 before the quoted readings' recall bar; 0.919 before their thresholds per kind; 0.912)
    "quoted.recall": 0.94,
    "speech.recall": 0.93,  # 0.932 (0.929; 0.927; 0.919)
    # 0.94 before the learned cue model, which finds 22 more direct and mixed attributions here
    # (11 of them with the right speaker: 593 right before, 604 then). On the check half of the
    # training split (3,166 of them) the same change found 104 more and speaker accuracy rose.
    # 0.948 (0.957 before the quoted readings' recall bar, whose added short quotations often have the
    # wrong speaker: 7 more found, about as many right as before; 0.952 with the salience resolver)
    "quoted.speaker_accuracy": 0.94,
    "speech.speaker_accuracy": 0.96,  # 0.970 (0.963)
    # 0.858 before the learned cue model: some of the rows it adds run past the gold content.
    # 0.834 (0.839 before the quoted readings' recall bar; 0.842): 1,514 rows for 1,489, the quoted
    # candidates the gate keeps from 1.09 run past the gold
    "strict_precision": 0.83,
    "quoted.row_accuracy": 0.87,  # 0.874 (0.864; 0.860)
}
# The Wikinews development set (required records): the baseline before work on issue 12 in
# brackets, the level reached by the title grammar, kinds of source and the spans work after.
WIKINEWS_THRESHOLDS = {
    # 0.965 (0.972 before a participle phrase opening the sentence left a row's content: the 2 records
    # lost were found only by another speaker's row running into their quotation; 0.968; 0.961 with
    # the learned cue model; 0.947; 0.876)
    "all.recall": 0.96,
    "precision": 0.91,  # 0.912 (0.903; 0.906)
    # 0.853 (0.858 before the quoted readings' recall bar; 0.854; 0.847; 0.846): rows the cue model adds
    # run past the gold content; 0.845 before negated beliefs ("did not know") gave no row
    "strict_precision": 0.85,
    "all.speaker_accuracy": 0.96,  # 0.975 (0.967; 0.867; 0.958 without the salience resolver)
    "all.pronoun_accuracy": 0.96,  # 0.968 (0.667)
    # 0.859 (0.785 before affiliations carried from an earlier "X of Y" mention, first names
    # and a study's authors; 0.276)
    "all.affiliation_accuracy": 0.89,  # 0.901 (0.887 before a writer's outlet and a leader's body; 0.880)
    "row_accuracy": 0.89,  # 0.894 (0.883; 0.869; 0.848; 0.809 before the affiliation carry; 0.428)
    "anonymous.recall": 0.94,  # 0.949, 37 of 39 (0.923; 0.562): "Reports indicate" is an unnamed source
    # 0.841, 37 of 44 (0.837; 0.854, 35 of 41; 0.514): rows now found for "its website notes" and nested
    # reports, whose unresolved sources are flagged anonymous; the 7 flagged wrongly are descriptions
    # of named people the article does not link to them ("the father", "the archbishop", "his family")
    "anonymous.precision": 0.84,
    "speakers.precision": 0.90,  # 0.906 (0.907 before the affiliation carry; 0.772)
    # gender.jsonl, 118 persons (14 woman, 32 man): 11 said woman (10 right), 21 man (all right);
    # across the catalogue 10 woman, 20 man, all right
    "gender.woman.precision": 0.90,  # 0.909
    "gender.man.precision": 0.99,  # 1.000
    "gender_catalogue.woman.precision": 0.99,  # 1.000
    # 0.952 (1.000): one more man in the catalogue of 110 persons whose article gives no evidence
    "gender_catalogue.man.precision": 0.95,
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


@pytest.mark.skipif(not WIKINEWS.exists(), reason="../shared/wikinews-dev is not beside this checkout: "
                                                   "speaker/affiliation regression check NOT RUN")
def test_wikinews_set_does_not_regress():
    result = CliRunner().invoke(cli, ["evaluate", str(WIKINEWS), "--worst", "0", *fail_under(WIKINEWS_THRESHOLDS)])
    assert result.exit_code == 0, result.output
    assert "gender (per article" in result.output and "gender (across the catalogue" in result.output


# --- the rules, on small hand-made gold folders (invented text, not from any corpus) -----------------

PRESIDENT = {
    "resolved_speaker": "Halina Wróbel",
    "speaker_aliases": ["halina wróbel", "halina wrobel", "wróbel", "wrobel", "president halina wróbel",
                        "president wróbel", "the president", "president of norland"],
    "role": "President", "affiliation": "Norland government",
    "affiliation_aliases": ["norland government", "government of norland", "norland"],
}


@pytest.mark.parametrize("speaker, right", [
    ("Halina Wróbel", True),
    ("HALINA WROBEL", True),                     # case and accents aside
    ("Wróbel", True),                            # an alias: the surname
    ("the President", True),
    ("Norland President Halina Wróbel", True),   # fuller form: every other word is the gold's own
    ("President Halina Wrobel", True),
    ("Halina", False),                           # a first name is not the head
    ("Norland", False),                          # the country, though "president of norland" is an alias
    ("Tomasz Wróbel", False),                    # another person with the surname
    ("Everything Wróbel", False),                # a word the gold never uses for her
    ("Wróbel's office", False),
    ("she", False),
    (None, False),
])
def test_speaker_against_the_aliases(speaker, right):
    assert speaker_matches(speaker, PRESIDENT) is right


@pytest.mark.parametrize("speaker, resolved, mention, right", [
    ("Kofi Mensah", "Kofi Mensah", "he", True),
    ("Mensah", "Kofi Mensah", "Mr. Mensah", True),         # shorter form of a bare name, keeping its head
    ("Kofi", "Kofi Mensah", "Mr. Mensah", False),
    ("residents", "residents of the valley", "residents", True),  # the mention as written is a form too
    ("valley", "residents of the valley", "residents", False),
    ("he", "Kofi Mensah", "he", False),                   # an unresolved pronoun is never the source
])
def test_speaker_where_the_gold_has_no_aliases(speaker, resolved, mention, right):
    gold = {"resolved_speaker": resolved, "speaker": mention, "speaker_is_pronoun": mention == "he"}
    assert speaker_matches(speaker, gold) is right


MINISTER = {"affiliation": "Interior Ministry",
            "affiliation_aliases": ["interior ministry", "ministry of the interior", "norland government", "norland"]}


@pytest.mark.parametrize("affiliation, gold, right", [
    ("Interior Ministry", MINISTER, True),
    ("Norland Interior Ministry", MINISTER, True),
    ("Ministry of the Interior", MINISTER, True),
    ("Norland", MINISTER, True),
    ("Interior", MINISTER, False),          # the first word of a title is not an organisation
    ("Ministry", MINISTER, False),
    ("Norland Prime", MINISTER, False),
    (None, MINISTER, False),
    ("Interior", {"affiliation": "Interior Ministry"}, True),  # no aliases: a shared word, as before
    ("Anything", {"affiliation": None}, None),                 # nothing to check
])
def test_affiliation_against_the_aliases(affiliation, gold, right):
    prediction = Attribution(text="", start=0, end=0, type="direct", affiliation=affiliation)
    assert _affiliation_right(prediction, gold) is right


@pytest.mark.parametrize("speaker, mention, gold, right", [
    ("Omar Haddad", "Sen. Omar Haddad", {"speaker": "Sen. Haddad"}, True),
    ("Omar Haddad", "he", {"speaker": "he", "speaker_is_pronoun": True}, True),   # the mention is compared
    ("Omar Haddad", "she", {"speaker": "he", "speaker_is_pronoun": True}, False),
    ("Omar Haddad", "Haddad", {"speaker": None}, None),                           # no source to check
])
def test_sets_without_resolved_speakers_keep_the_loose_rule(speaker, mention, gold, right):
    prediction = Attribution(text="", start=0, end=0, type="direct", speaker=speaker, speaker_mention=mention)
    assert _speaker_right(prediction, gold) is right


@pytest.mark.parametrize("value, aliases, right", [
    ("Pacific Gas", ["pacific gas and electric company"], False),   # not a bare name: no shorter forms
    ("PG&E", ["pg&e"], True),
    ("U.S. government", ["us government"], True),
    ("Department", ["department of transportation"], False),
])
def test_alias_match_edge_cases(value, aliases, right):
    assert alias_match(value, aliases) is right


ARTICLE = ("Flooding closed the coast road on Monday.\n\n"
           '"The road stays shut until the water goes down," said Ilse Varga, a spokeswoman for the Roads Agency. '
           "The storm reportedly damaged two bridges.\n\n"
           "Officials said the repairs would take a month.\n")


def _span(text, words):
    start = ARTICLE.index(words)
    return start, start + len(words)


def _record(words, speaker, aliases, affiliation=None, affiliation_aliases=(), anonymous=False, required=True):
    start, end = _span(ARTICLE, words)
    return {"article": "storm", "text": words, "start": start, "end": end, "fragments": [[start, end]],
            "speaker": speaker, "speaker_is_pronoun": False, "cue": "said", "type": "direct",
            "resolved_speaker": aliases[0] if aliases else None, "speaker_aliases": list(aliases),
            "affiliation": affiliation, "affiliation_aliases": list(affiliation_aliases), "anonymous": anonymous,
            "required": required}


QUOTE = "The road stays shut until the water goes down"
REPORTED = "damaged two bridges"
CLAIM = "the repairs would take a month"
GOLD_RECORDS = [
    _record(QUOTE, "Ilse Varga", ["Ilse Varga", "ilse varga", "varga", "a spokeswoman for the roads agency"],
            "Roads Agency", ["roads agency", "the roads agency"]),
    _record(REPORTED, None, ["unnamed reports", "reports"], anonymous=True, required=False),
    _record(CLAIM, "Officials", ["officials", "the officials"], anonymous=True),
]


@pytest.fixture
def storm(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "storm.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in GOLD_RECORDS), encoding="utf-8")
    return tmp_path


def row(words, speaker=None, affiliation=None, anonymous=False, confidence=None, gender=None):
    start, end = _span(ARTICLE, words)
    return Attribution(text=words, start=start, end=end, type="direct", speaker=speaker, affiliation=affiliation,
                       anonymous=anonymous, gender=gender, confidence=confidence)


def run(folder, *rows):
    return evaluate(folder, extractor=lambda text: list(rows))


WHOLE_SENTENCE = ARTICLE.split("\n\n")[1].split(" The storm")[0]


@pytest.mark.parametrize("rows, recall, precision, strict", [
    ([row(QUOTE, "Ilse Varga"), row(CLAIM, "officials")], 1.0, 1.0, 1.0),
    # A row matching only the not-required record is neither a hit nor a false alarm ...
    ([row(QUOTE, "Ilse Varga"), row(REPORTED)], 0.5, 1.0, 1.0),
    # ... but lies inside a gold attribution, which is all strict precision asks.
    ([row(REPORTED)], 0.0, None, 1.0),
    ([row(QUOTE, "Ilse Varga"), row("Flooding closed the coast road")], 0.5, 0.5, 0.5),
    # Covering the quote and the writer's clause around it matches, but is mostly outside it.
    ([row(WHOLE_SENTENCE, "Ilse Varga")], 0.5, 1.0, 0.0),
])
def test_required_records_and_strict_precision(storm, rows, recall, precision, strict):
    report = run(storm, *rows)
    assert report["gold"] == 2 and report["gold_not_required"] == 1
    assert report["all"]["recall"] == recall
    assert report["precision"] == precision
    assert report["strict_precision"] == strict


@pytest.mark.parametrize("speaker, affiliation, row_accuracy, speaker_accuracy, affiliation_accuracy", [
    ("Ilse Varga", "Roads Agency", 1.0, 1.0, 1.0),
    ("Varga", "the Roads Agency", 1.0, 1.0, 1.0),
    ("Ilse Varga", None, 0.0, 1.0, 0.0),
    ("Ilse Varga", "Roads", 0.0, 1.0, 0.0),
    ("Ilse", "Roads Agency", 0.0, 0.0, 1.0),
])
def test_row_accuracy_needs_the_right_speaker_and_affiliation(storm, speaker, affiliation, row_accuracy,
                                                               speaker_accuracy, affiliation_accuracy):
    report = run(storm, row(QUOTE, speaker, affiliation))
    assert report["all"]["row_accuracy"] == row_accuracy / 2  # the claim by officials is missed
    assert report["all"]["speaker_accuracy"] == speaker_accuracy
    assert report["all"]["affiliation_accuracy"] == affiliation_accuracy


def test_an_affiliation_where_the_gold_has_none_does_not_make_the_row_wrong_but_is_counted(storm):
    report = run(storm, row(CLAIM, "officials", affiliation="Roads Agency"))
    assert report["row_accuracy"] == 0.5
    assert report["affiliation_unwanted"] == {"checked": 1, "given": 1, "share": 1.0}


@pytest.mark.parametrize("flags, recall, precision", [
    ((False, True), 1.0, 1.0),
    ((False, False), 0.0, None),
    ((True, True), 1.0, 0.5),     # the named spokeswoman flagged anonymous
    ((True, False), 0.0, 0.0),
])
def test_anonymous_recall_and_precision(storm, flags, recall, precision):
    report = run(storm, row(QUOTE, "Ilse Varga", anonymous=flags[0]), row(CLAIM, "officials", anonymous=flags[1]))
    assert report["anonymous"]["gold"] == 1
    assert report["anonymous"]["recall"] == recall
    assert report["anonymous"]["precision"] == precision


def test_speakers_table_precision_lists_what_is_not_a_source(storm):
    report = run(storm, row(QUOTE, "Ilse Varga"), row(QUOTE, "she"), row(CLAIM, "officials"),
                 row("Flooding closed the coast road", "Monday"), row(REPORTED, "reports"))
    speakers = report["speakers"]
    # Ilse Varga, officials and reports (a non-required record still names a real source) of five.
    assert (speakers["sources"], speakers["speakers"], speakers["precision"]) == (3, 5, 0.6)
    assert sorted(s["speaker"] for s in speakers["not_sources"]) == ["Monday", "she"]
    assert "'Monday'" in format_report(report)


def test_calibration_table_only_when_rows_carry_a_confidence(storm):
    plain = run(storm, row(QUOTE, "Ilse Varga", "Roads Agency"))
    assert plain["calibration"] is None
    assert "calibration" not in format_report(plain)
    report = run(storm, row(QUOTE, "Ilse Varga", "Roads Agency", confidence=0.95),
                 row(CLAIM, "Ilse Varga", confidence=0.92),               # wrong speaker
                 row("Flooding closed the coast road", "Monday", confidence=0.55),
                 row(REPORTED, confidence=0.99))                          # not required: left out
    bins = {b["low"]: b for b in report["calibration"]["bins"]}
    assert (bins[0.9]["rows"], bins[0.9]["right"], bins[0.9]["share_right"]) == (2, 1, 0.5)
    assert (bins[0.5]["rows"], bins[0.5]["right"]) == (1, 0)
    assert bins[0.8]["rows"] == 0 and bins[0.8]["share_right"] is None
    assert ">= 0.9" in format_report(report)


def test_gender_scored_per_value_with_the_unknown_share():
    gold = {("a", "Ann"): "woman", ("a", "Bo"): "man", ("a", "Cy"): "man", ("b", "Di"): "unknown"}
    predicted = {("a", "Ann"): "woman", ("a", "Bo"): "woman", ("b", "Di"): "man"}
    score = score_gender(predicted, gold)
    assert score["woman"] == {"precision": 0.5, "recall": 1.0}
    assert score["man"] == {"precision": 0.0, "recall": 0.0}
    assert score["unknown_share"] == 0.25 and score["gold_unknown_share"] == 0.25


@pytest.mark.parametrize("genders, gender", [
    (["woman", "woman", None], "woman"),
    (["man"], "man"),
    (["man", "woman"], "unknown"),    # rows that disagree
    ([None, None], "unknown"),         # no evidence in the article
])
def test_gender_of_a_person_from_their_rows(genders, gender):
    assert gender_of_rows({("a", "X"): genders}) == {("a", "X"): gender}


def test_gender_section_from_the_rows_given_to_each_person(storm):
    people = [{"article": "storm", "resolved_speaker": "Ilse Varga", "kind": "person", "gender": "woman"},
              {"article": "storm", "resolved_speaker": "officials", "kind": "group", "gender": "n/a"}]
    (storm / "gender.jsonl").write_text("".join(json.dumps(p) + "\n" for p in people), encoding="utf-8")
    report = run(storm, row(QUOTE, "Ilse Varga", gender="woman"), row(CLAIM, "officials"))
    assert report["gender"]["persons"] == 1
    assert report["gender"]["woman"]["precision"] == 1.0
    assert "per article" in format_report(report)
    wrong_speaker = run(storm, row(QUOTE, "Kofi", gender="man"))  # a row given to someone else says nothing
    assert wrong_speaker["gender"]["unknown_share"] == 1.0


@pytest.mark.parametrize("name", ["row_accuracy", "row_precision", "strict_precision", "anonymous.recall",
                                  "anonymous.precision", "speakers.precision", "quoted.row_accuracy"])
def test_fail_under_accepts_the_new_metrics(name):
    passes = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--worst", "0", "--fail-under", f"{name}=0.1"])
    assert passes.exit_code == 0, passes.output
    fails = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--worst", "0", "--fail-under", f"{name}=1.01"])
    assert fails.exit_code == 1 and name in fails.output


def test_a_section_is_not_a_metric():
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--fail-under", "anonymous=0.5"])
    assert result.exit_code == 2 and "unknown metric" in result.output


# --- quotecat sample ----------------------------------------------------------------------------------


def test_sample_is_reproducible_with_a_seed(db_path):
    first = CliRunner().invoke(cli, ["sample", "--db", str(db_path), "--n", "5", "--seed", "3"])
    again = CliRunner().invoke(cli, ["sample", "--db", str(db_path), "--n", "5", "--seed", "3"])
    other = CliRunner().invoke(cli, ["sample", "--db", str(db_path), "--n", "5", "--seed", "4"])
    assert first.exit_code == 0, first.output
    assert first.output == again.output != other.output
    assert first.output.count("right?  [ ] yes  [ ] no") == 5
    assert "seed 3" in first.output and "speaker:" in first.output and "affiliation:" in first.output


def test_sample_marks_the_attributed_words_in_their_paragraph(db_path):
    rows, total = sample_rows(db_path, n=5, seed=1)
    assert len(rows) == 5 and total >= 20
    output = CliRunner().invoke(cli, ["sample", "--db", str(db_path), "--n", "5", "--seed", "1"]).output
    marked = " ".join(output.split())
    for r in rows:
        assert r["article_id"] in output
        first_words = " ".join(r["text"].split()[:4])
        assert first_words in marked
    assert "[[" in output and "]]" in output


def test_sample_check_counts_the_rows_marked_right(db_path):
    result = CliRunner().invoke(cli, ["sample", "--db", str(db_path), "--n", "4", "--seed", "2", "--check"],
                                input="y\nn\ns\ny\n")
    assert result.exit_code == 0, result.output
    assert "2 of 3 marked right (1 skipped)" in result.output
    stopped = CliRunner().invoke(cli, ["sample", "--db", str(db_path), "--n", "4", "--seed", "2", "--check"],
                                 input="y\n")
    assert "1 of 1 marked right; 3 not reached" in stopped.output


def test_sample_reads_a_table_with_only_the_essential_columns_and_a_confidence(tmp_path):
    import sqlite_utils

    path = tmp_path / "quotes.db"
    text = 'Rain fell. "It will pass," she said.'
    sqlite_utils.Database(path)["quotes"].insert(
        {"id": "q1", "text": "It will pass", "start": text.index("It"), "end": text.index(",\""), "confidence": 0.875})
    result = CliRunner().invoke(cli, ["sample", "--db", str(path), "--seed", "1"])
    assert result.exit_code == 0, result.output
    assert "[[It will pass]]" in result.output and "confidence:  0.88" in result.output


@pytest.mark.parametrize("content, message", [
    (None, "does not exist"),
    (b"not a database at all", "is not a SQLite database"),
    ("create table other (a)", "has no quotes table"),
    ("create table quotes (id, text, start, end)", "quotes table is empty"),
])
def test_sample_says_what_is_wrong_with_the_database(tmp_path, content, message):
    import sqlite3

    path = tmp_path / "quotes.db"
    if isinstance(content, bytes):
        path.write_bytes(content * 100)
    elif content:
        sqlite3.connect(path).execute(content)
    result = CliRunner().invoke(cli, ["sample", "--db", str(path)])
    assert result.exit_code == 1
    assert str(path) in result.output and message in result.output


def test_kinds_of_source_are_scored_on_rows_with_the_right_speaker(tmp_path):
    records = [dict(GOLD_RECORDS[0], source_type="person", role_class="official"),
               dict(GOLD_RECORDS[2], source_type="unnamed group", role_class="official")]
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "storm.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    varga = row(QUOTE, "Ilse Varga")
    varga.source_type, varga.role_class = "person", "official"
    officials = row(CLAIM, "officials")
    officials.source_type, officials.role_class = "organization", "official"
    wrong_speaker = row(CLAIM, "Ilse Varga")
    wrong_speaker.source_type, wrong_speaker.role_class = "unnamed group", "official"
    kinds = run(tmp_path, varga, officials)["kinds"]
    assert kinds["source_type"]["accuracy"] == 0.5
    assert kinds["source_type"]["precision"]["organization"] == {"right": 0, "predicted": 1, "precision": 0.0}
    assert kinds["role_class"]["accuracy"] == 1.0
    # A row naming the wrong source says nothing about the source's kind.
    assert run(tmp_path, varga, wrong_speaker)["kinds"]["source_type"]["checked"] == 1
    assert "source type (found rows with the right speaker)" in format_report(run(tmp_path, varga, officials))


@pytest.mark.parametrize("mention, description", [
    ("the mayor", True),
    ("The Halden senator", True),  # a capitalised word before the head: still a description
    ("the Norland Air Force veteran", True),
    ("The 52-year-old former councillor", True),
    ("The Halden Times", False),  # a name
    ("the Republican", False),
    ("Ana Ruiz", False),
])
def test_a_definite_description_is_judged_by_the_mention_the_row_keeps(mention, description):
    assert _description(mention) is description
