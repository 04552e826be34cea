"""Corrections in corrections.yaml: applied after extraction on every build, kept through rebuilds and
--update, reported when they no longer match, listed in the corrections table; a bad file stops the build."""

import sqlite3

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from quotecat import rows as rows_module
from quotecat.build import build
from quotecat.cli import cli
from quotecat.corrections import CorrectionsError, read
from quotecat.serve import datasette_options

HARBOUR = """Harbour board delays the ferry vote

By Staff Writer

The harbour board will delay its vote on the new ferry terminal until the spring, officials said on Tuesday.

"We owe the islanders a proper hearing before a single pile is driven into the seabed," said Maria Okonkwo, the chair of the Harbour Board.

Col. Peter Lindqvist, a spokesman for the Coast Guard, said the terminal would need a new radar station.

"The waters off the north pier are among the busiest on the coast, and nobody wants another collision," Lindqvist said.

A local fisherman said the terminal would ruin the spawning grounds.
"""
WIRE = """Islanders win delay on ferry terminal

The vote on the ferry terminal has been put off.

"We owe the islanders a proper hearing before a single pile is driven into the seabed," said Peter Lindqvist.

Residents said they were relieved.
"""


def ignore(message):
    pass


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "harbour-vote.txt").write_text(HARBOUR, encoding="utf-8")
    (articles / "ferry-wire.txt").write_text(WIRE, encoding="utf-8")
    return articles


def query(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def row_id(db_path, words):
    """The id of the row whose text contains ``words``: tests name rows the way a journalist finds them."""
    (found,) = query(db_path, "select id from quotes where text like ? and article_id = 'harbour-vote'",
                     [f"%{words}%"])
    return found[0]


def speaker_of(db_path, quote_id):
    return query(db_path, "select speaker_id from quotes where id = ?", [quote_id])[0][0]


# Each kind of correction, as a journalist writes it, and what the catalogue then says.
# {row} is the row with the fisherman's claim; {quote} the chair's quotation.
KINDS = [
    ("- not_an_attribution: {row}",
     "select count(*) from quotes where id = '{row}'", 0),
    ("- speaker: {{row: {row}, is: Ruth Abernethy}}",
     "select speakers.name from quotes join speakers on speakers.id = speaker_id where quotes.id = '{row}'",
     "Ruth Abernethy"),
    ("- speaker: {{row: {row}, is: Maria Okonkwo}}",  # a speaker already in the catalogue, with her affiliation
     "select speaker_id || ' / ' || affiliation_id from quotes where id = '{row}'", "maria-okonkwo / harbour-board"),
    ("- speaker: {{row: {row}, is: Peter Lindqvist}}",  # ...and his kind of source
     "select quotes.source_type is speakers.source_type and quotes.role_class is speakers.role_class "
     "and speakers.source_type is not null from quotes join speakers on speakers.id = speaker_id "
     "where quotes.id = '{row}'", 1),
    ("- merge_speaker: {{from: Peter Lindqvist, into: Per Lindqvist}}",
     "select count(*) from quotes where speaker_id = 'per-lindqvist'", 3),
    ("- merge_speaker: {{from: Peter Lindqvist, into: Maria Okonkwo}}",
     "select count(*) from speakers where id = 'peter-lindqvist'", 0),
    ("- organisation: {{row: {quote}, is: Island Ferry Trust}}",
     "select organizations.name from quotes join organizations on organizations.id = affiliation_id "
     "where quotes.id = '{quote}'", "Island Ferry Trust"),
    ("- organisation: {{from: coast guard, is: Coastguard Agency}}",
     "select count(*) from quotes where affiliation_id = 'coastguard-agency'", 2),
    ("- organization: {{from: coast-guard, is: Coastguard Agency}}\n  note: the US spelling and an id work too",
     "select count(*) from speakers where affiliation_id = 'coastguard-agency'", 1),
    ("- speaker: {{row: {row}, is: Yes}}",  # every value is text: a name YAML would read as true
     "select speakers.name from quotes join speakers on speakers.id = speaker_id where quotes.id = '{row}'", "Yes"),
]


@pytest.mark.parametrize("entry, check, expected", KINDS)
def test_each_kind_of_correction(folder, tmp_path, entry, check, expected):
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=ignore)
    ids = {"row": row_id(db_path, "spawning grounds"), "quote": row_id(db_path, "proper hearing")}
    (folder / "corrections.yaml").write_text(entry.format(**ids) + "\n", encoding="utf-8")
    warnings = []
    build([folder], db_path, warn=warnings.append)
    assert warnings == []
    assert query(db_path, check.format(**ids))[0][0] == expected
    (kind, target, rows, line), = query(db_path, "select kind, target, rows, line from corrections")
    assert line == 1 and rows >= 1
    assert kind == entry.split(":")[0].lstrip("- ").replace("organization", "organisation")


def test_counts_and_search_see_the_corrected_rows(folder, tmp_path):
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=ignore)
    row = row_id(db_path, "spawning grounds")
    (folder / "corrections.yaml").write_text(f"- not_an_attribution: {row}\n", encoding="utf-8")
    summary = build([folder], db_path, warn=ignore)
    total = query(db_path, "select count(*) from quotes")[0][0]
    assert summary.quotes == total
    assert query(db_path, "select sum(attributions) from articles")[0][0] == total
    assert query(db_path, "select count(*) from quotes_fts where quotes_fts match 'spawning'")[0][0] == 0


def test_a_correction_is_kept_through_a_full_rebuild_and_through_update(folder, tmp_path, monkeypatch):
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=ignore)
    row = row_id(db_path, "spawning grounds")
    (folder / "corrections.yaml").write_text(
        f"- speaker: {{row: {row}, is: Ruth Abernethy}}\n  note: named in the print edition\n", encoding="utf-8")
    for _ in range(2):  # the second full build starts from an already corrected database
        build([folder], db_path, warn=ignore)
        assert speaker_of(db_path, row) == "ruth-abernethy"

    extracted = []
    real = rows_module.extract
    monkeypatch.setattr(rows_module, "extract", lambda text, *byline: extracted.append(text) or real(text, *byline))
    (folder / "ferry-wire.txt").write_text(WIRE + "\nThe board meets again in March.\n", encoding="utf-8")
    summary = build([folder], db_path, warn=ignore, jobs=1, update=True)
    assert speaker_of(db_path, row) == "ruth-abernethy"
    # The corrected article is extracted again (corrections apply to the extractor's rows); the edited one too.
    assert (summary.extracted, summary.reused) == (2, 0)
    assert query(db_path, "select note from corrections") == [("named in the print edition",)]

    # With no correction left in the file, an update gives back what the extractor says.
    (folder / "corrections.yaml").write_text("# nothing to correct\n", encoding="utf-8")
    build([folder], db_path, warn=ignore, jobs=1, update=True)
    assert speaker_of(db_path, row) == "harbour-vote:a-local-fisherman"
    assert query(db_path, "select count(*) from corrections")[0][0] == 0
    summary = build([folder], db_path, warn=ignore, jobs=1, update=True)
    assert (summary.extracted, summary.reused) == (0, 2)  # nothing corrected any more: nothing extracted again

    full = tmp_path / "full.db"
    build([folder], full, warn=ignore)
    assert query(db_path, "select * from quotes order by rowid") == query(full, "select * from quotes order by rowid")


def test_a_stale_correction_is_reported_with_its_file_and_line_and_the_rest_apply(folder, tmp_path):
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=ignore)
    row = row_id(db_path, "spawning grounds")
    (folder / "corrections.yaml").write_text(
        "# checked 12 May\n"
        f"- not_an_attribution: {row}\n"
        "- not_an_attribution: harbour-vote:000001-000009:1\n"
        "- merge_speaker: {from: Nobody Atall, into: Maria Okonkwo}\n",
        encoding="utf-8")
    warnings = []
    build([folder], db_path, warn=warnings.append)
    assert len(warnings) == 2
    assert warnings[0].startswith(f"{folder / 'corrections.yaml'}, line 3: correction left out")
    assert "harbour-vote:000001-000009:1" in warnings[0]
    assert warnings[1].startswith(f"{folder / 'corrections.yaml'}, line 4: correction left out")
    assert "'Nobody Atall'" in warnings[1]
    assert query(db_path, "select target from corrections") == [(row,)]


def test_the_corrections_file_is_not_reported_as_a_skipped_article(folder, tmp_path):
    (folder / "corrections.yaml").write_text("", encoding="utf-8")
    summary = build([folder], tmp_path / "quotes.db", warn=ignore)
    assert summary.skipped == [] and summary.articles == 2


def test_corrections_given_on_the_command_line(folder, tmp_path):
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=ignore)
    fixes = tmp_path / "desk-fixes.yaml"
    fixes.write_text(f"- not_an_attribution: {row_id(db_path, 'spawning grounds')}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db_path), "--corrections", str(fixes)])
    assert result.exit_code == 0, result.output
    assert query(db_path, "select file, rows from corrections") == [("desk-fixes.yaml", 1)]


@pytest.mark.parametrize("text, message", [
    ("- speaker: {row: a:1, is: X\n", "line 2: not valid YAML: expected ',' or '}'"),
    ("- not_an_attribution: a:1\n  - note\n", "line 2: not valid YAML"),
    ("speaker: {row: a:1, is: X}\n", "line 1: a corrections file is a list"),
    ("- not_an_attribution: a:1\n- speeker: {row: a:1, is: X}\n", "line 2: an entry has one of"),
    ("- speaker: {row: a:1}\n", "line 1: speaker: needs is: with a value"),
    ("- speaker: {row: a:1, from: B, is: X}\n", "line 1: speaker: does not take from:"),
    ("- organisation: {row: a:1, from: B, is: X}\n", "line 1: organisation: takes from: or row: (one of them)"),
    ("- merge_speaker: Jane Doe\n", "line 1: merge_speaker: takes from: and into:"),
    ("- not_an_attribution:\n", "line 1: not_an_attribution: takes a row id"),
])
def test_a_bad_file_is_named_with_its_line(tmp_path, text, message):
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError) as error:
        read(path)
    assert str(error.value).startswith(f"{path}, ") and message in str(error.value), str(error.value)


def test_a_bad_corrections_file_stops_the_build_and_keeps_the_old_database(folder, tmp_path):
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=ignore)
    before = db_path.read_bytes()
    (folder / "corrections.yaml").write_text("- not_an_attribution: x\n- speaker: {row: y, is: Z\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db_path)])
    assert result.exit_code == 1
    assert "corrections.yaml, line 3: not valid YAML" in result.output
    assert "nothing built: the database was left as it was" in result.output
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["articles", "quotes.db", "quotes.db.inspect.json"])


async def test_the_applied_corrections_page_lists_them(folder, tmp_path):
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=ignore)
    row = row_id(db_path, "spawning grounds")
    (folder / "corrections.yaml").write_text(
        f"- not_an_attribution: {row}\n  note: a guess, not a claim\n"
        "- merge_speaker: {from: Peter Lindqvist, into: Per Lindqvist}\n", encoding="utf-8")
    build([folder], db_path, warn=ignore)
    ds = Datasette(**datasette_options(db_path))
    response = await ds.client.get("/quotes/applied_corrections.json", params={"_shape": "objects"})
    assert response.status_code == 200, response.text
    found = response.json()["rows"]
    assert [(r["kind"], r["note"]) for r in found] == [("not_an_attribution", "a guess, not a claim"),
                                                      ("merge_speaker", None)]
    assert found[1]["rows"] == 3
    page = await ds.client.get("/quotes/applied_corrections")
    assert page.status_code == 200 and "Per Lindqvist" in page.text


async def test_the_attribution_page_says_what_was_corrected(folder, tmp_path):
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=ignore)
    row = row_id(db_path, "spawning grounds")
    (folder / "corrections.yaml").write_text(
        f"- speaker: {{row: {row}, is: Ruth Abernethy}}\n  note: named in the print edition\n", encoding="utf-8")
    build([folder], db_path, warn=ignore)
    ds = Datasette(**datasette_options(db_path))
    page = (await ds.client.get(f"/quotes/quotes/{row.replace(':', '~3A')}")).text
    assert "Corrected by hand: speaker set to “Ruth Abernethy” (corrections.yaml, line 1: named in the print edition)" in page
    other = row_id(db_path, "proper hearing")
    assert "Corrected by hand" not in (await ds.client.get(f"/quotes/quotes/{other.replace(':', '~3A')}")).text
