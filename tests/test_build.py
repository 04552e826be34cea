"""Building quotes.db: the schema, the offsets invariant, stable ids, atomic rebuilds, bad input."""

import importlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from quotecat import rows as rows_module
from quotecat.build import build, BuildSummary
from quotecat.rows import Catalogue
from quotecat.serve import inspect_path
from quotecat.cli import _progress_bar, cli
from quotecat.model import Article, Attribution

ARTICLES = Path(__file__).parent.parent / "articles"
GOOD_ARTICLE = next(ARTICLES.glob("*.txt"))

COLUMNS = {
    "articles": ["id", "title", "byline", "outlet", "published", "url", "source_file", "text", "word_count",
                 "trimmed_chars", "content_hash", "attributions", "anonymous_attributions", "percent_anonymous"],
    "organizations": ["id", "name", "forms", "attributions", "speakers", "articles", "anonymous_attributions"],
    "speakers": ["id", "name", "kind", "source_type", "role_class", "title", "role", "affiliation_id", "anonymous",
                 "pronoun", "gender", "gender_evidence", "forms", "description", "article_id", "attributions",
                 "direct_quotes", "articles"],
    "quotes": ["id", "article_id", "speaker_id", "affiliation_id", "text", "type", "cue", "speaker_mention",
               "medium", "paragraph", "start", "end", "anonymous", "source_type", "role_class", "fragments",
               "confidence", "cluster_id"],
    "corrections": ["id", "kind", "target", "value", "note", "file", "line", "rows", "articles"],
    "quote_clusters": ["id", "text", "words", "quotes", "articles", "speakers", "attributed_differently"],
}
FOREIGN_KEYS = {
    "articles": set(),
    "organizations": set(),
    "speakers": {("affiliation_id", "organizations", "id"), ("article_id", "articles", "id")},
    "quotes": {("article_id", "articles", "id"), ("speaker_id", "speakers", "id"),
               ("affiliation_id", "organizations", "id"), ("cluster_id", "quote_clusters", "id")},
    "corrections": set(),
    "quote_clusters": set(),
}


def ignore(message):
    pass


def rows(db, table):
    return list(db.query(f"select * from [{table}] order by rowid"))


# --- schema ----------------------------------------------------------------------------


def test_tables_columns_and_primary_keys(db):
    for table, columns in COLUMNS.items():
        assert db[table].columns_dict.keys() == set(columns), table
        assert [c.name for c in db[table].columns] == columns, table
        assert db[table].pks == ["id"], table
    assert "attributions" in db.view_names()


def test_counts_kept_on_speakers_organizations_and_articles_match_the_quotes(db):
    for table, key in (("speakers", "speaker_id"), ("organizations", "affiliation_id"), ("articles", "article_id")):
        counted = dict(db.execute(f"select {key}, count(*) from quotes where {key} is not null group by {key}").fetchall())
        stored = dict(db.execute(f"select id, attributions from {table}").fetchall())
        assert {k: v for k, v in stored.items() if v} == counted, table
    for speaker_id, direct, articles in db.execute("select id, direct_quotes, articles from speakers").fetchall():
        assert direct == db.execute("select count(*) from quotes where speaker_id = ? and type = 'direct'",
                                    [speaker_id]).fetchone()[0]
        assert articles == db.execute("select count(distinct article_id) from quotes where speaker_id = ?",
                                      [speaker_id]).fetchone()[0]


def test_foreign_keys_are_declared(db):
    for table, expected in FOREIGN_KEYS.items():
        declared = {(fk.column, fk.other_table, fk.other_column) for fk in db[table].foreign_keys}
        assert declared == expected, table
    # ...and every reference points at a row that exists.
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_foreign_key_and_facet_columns_are_indexed(db, metadata):
    tables = metadata["databases"]["quotes"]["tables"]
    for table in COLUMNS:
        leading = {index.columns[0] for index in db[table].indexes}
        foreign = {fk.column for fk in db[table].foreign_keys}
        facets = {facet for facet in tables[table].get("facets", []) if isinstance(facet, str)}
        assert foreign | facets <= leading | {"id"}, f"{table}: unindexed {sorted((foreign | facets) - leading)}"


def test_full_text_search_matches_its_content(db, db_path, tmp_path):
    assert db["quotes"].detect_fts() == "quotes_fts"
    assert db["speakers"].detect_fts() == "speakers_fts"
    # 'integrity-check' with rank 1 compares the index with the quotes table row by row:
    # it fails if VACUUM or a rebuild left the index pointing at the wrong rowids.
    # SQLite wants a writable connection for it, so check a copy.
    copy = sqlite3.connect(shutil.copy(db_path, tmp_path / "copy.db"))
    copy.execute("insert into quotes_fts(quotes_fts, rank) values('integrity-check', 1)")
    copy.execute("insert into speakers_fts(speakers_fts, rank) values('integrity-check', 1)")
    copy.close()
    assert db["quotes_fts"].count == db["quotes"].count


def test_search_finds_quotes_by_a_word_they_contain(db):
    text = db.execute("select text from quotes order by length(text) desc limit 1").fetchone()[0]
    word = max(re.findall(r"[A-Za-z]{4,}", text), key=len)
    found = [row["text"] for row in db["quotes"].search(word)]
    assert found and any(word.lower() in t.lower() for t in found)


def test_published_file_is_single_and_not_wal(db, db_path):
    assert db.execute("pragma journal_mode").fetchone()[0] == "delete"
    # ...with Datasette's table counts beside it, and no journal or temporary file.
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["quotes.db", "quotes.db.inspect.json"]
    assert db["sqlite_stat1"].exists()  # ANALYZE ran


# --- content ---------------------------------------------------------------------------


def test_summary_counts_match_the_database(built, db):
    _, summary = built
    assert summary.articles == db["articles"].count > 0
    assert summary.quotes == db["quotes"].count > 0
    assert summary.speakers == db["speakers"].count > 0
    assert summary.organizations == db["organizations"].count
    assert summary.skipped == []


def test_every_quote_is_exactly_its_span_of_the_article(db):
    quotes = list(db.query(
        'select quotes.*, articles.text as article_text from quotes join articles on articles.id = quotes.article_id'
    ))
    assert quotes
    for q in quotes:
        assert q["article_text"][q["start"]:q["end"]] == q["text"], q["id"]
        if q["fragments"]:
            fragments = json.loads(q["fragments"])
            assert len(fragments) > 1
            assert all(q["start"] <= s < e <= q["end"] for s, e in fragments), q["id"]
    # The same invariant as SQL, the way a Datasette user would check it.
    mismatches = db.execute(
        'select count(*) from quotes join articles on articles.id = quotes.article_id '
        'where quotes.text != substr(articles.text, quotes.start + 1, quotes."end" - quotes.start)'
    ).fetchone()[0]
    assert mismatches == 0


def test_every_quote_has_a_confidence_between_0_and_1_that_the_filter_reads(db):
    values = [row["confidence"] for row in db.query("select confidence from quotes")]
    assert values and all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in values)
    assert len(set(values)) > 1  # it tells rows apart
    confident = db.execute("select count(*) from quotes where confidence >= 0.9").fetchone()[0]
    assert confident == sum(v >= 0.9 for v in values)


def test_anonymous_flag_on_quotes_copies_the_speakers(db):
    differing = db.execute(
        "select count(*) from quotes join speakers on speakers.id = quotes.speaker_id "
        "where quotes.anonymous != speakers.anonymous"
    ).fetchone()[0]
    assert differing == 0
    # Unnamed sources belong to their article; named ones to none.
    assert db.execute(
        "select count(*) from speakers where (anonymous = 1) != (article_id is not null)"
    ).fetchone()[0] == 0


def test_same_input_gives_same_rows_and_ids(db, tmp_path):
    build([ARTICLES], tmp_path / "quotes.db", warn=ignore)
    again = sqlite_utils.Database(tmp_path / "quotes.db")
    for table in COLUMNS:
        assert rows(again, table) == rows(db, table), table


def test_named_sources_are_shared_across_articles_unnamed_ones_are_not(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = GOOD_ARTICLE.read_text(encoding="utf-8")
    (folder / "first.txt").write_text(text, encoding="utf-8")
    # The same story, re-headlined as another outlet would run it.
    lines = text.split("\n")
    lines[1] = lines[1] + " (updated)"
    (folder / "second.txt").write_text("\n".join(lines), encoding="utf-8")
    summary = build([folder], tmp_path / "quotes.db", warn=ignore)
    db = sqlite_utils.Database(tmp_path / "quotes.db")
    assert summary.articles == 2
    per_article = db.execute(
        "select count(distinct article_id) from speakers where anonymous = 1 group by name"
    ).fetchall()
    named_articles = db.execute(
        "select count(distinct quotes.article_id) from quotes join speakers on speakers.id = quotes.speaker_id "
        "where speakers.anonymous = 0 group by speakers.id"
    ).fetchall()
    assert per_article and {n for (n,) in per_article} == {2}  # one row per article for each description
    assert named_articles and {n for (n,) in named_articles} == {2}  # one row quoted in both articles


# --- how attributions become rows ------------------------------------------------------
# Hand-written Attribution records: these check the mapping to rows, not the extractor.

BRIDGE = Article(id="bridge", title="Bridge", text="The bridge is unsafe, according to engineers and residents.")


def attribution(speaker, **fields):
    defaults = dict(text="The bridge is unsafe", start=0, end=20, type="indirect", cue="according to",
                    speaker=speaker, speaker_mention=speaker, kind="group", anonymous=True, description=speaker)
    return Attribution(**{**defaults, **fields})


def test_a_claim_with_several_sources_is_one_row_per_source():
    quotes = Catalogue().quote_rows(BRIDGE, [attribution("engineers"), attribution("residents")], ignore)
    assert [q["speaker_id"] for q in quotes] == ["bridge:engineers", "bridge:residents"]
    assert [q["id"] for q in quotes] == ["bridge:000000-000020:1", "bridge:000000-000020:2"]
    assert {q["text"] for q in quotes} == {"The bridge is unsafe"}


def test_the_same_source_for_the_same_span_is_stored_once():
    quotes = Catalogue().quote_rows(
        BRIDGE, [attribution("engineers"), attribution("engineers", cue="said")], ignore
    )
    assert len(quotes) == 1


def test_a_quote_without_a_source_is_kept_with_no_speaker():
    catalogue = Catalogue()
    quotes = catalogue.quote_rows(BRIDGE, [attribution(None, anonymous=False, kind=None)], ignore)
    assert [(q["speaker_id"], q["text"]) for q in quotes] == [(None, "The bridge is unsafe")]
    assert catalogue.speakers == {}


@pytest.mark.parametrize("speaker, fields, listed", [
    ("the report", dict(kind="other", source_type="document", anonymous=False), True),
    ("residents", dict(kind="group", source_type="unnamed group"), True),
    # What the extractor gave no type is no source: a clause ending in a pronoun.
    ("Mayor Ruiz included the bridge on a list of repairs he", dict(kind="other", source_type=None,
                                                                   anonymous=False), False),
])
def test_only_a_source_becomes_a_speaker(speaker, fields, listed):
    catalogue = Catalogue()
    quotes = catalogue.quote_rows(BRIDGE, [attribution(speaker, **fields)], ignore)
    assert (quotes[0]["speaker_id"] is not None, quotes[0]["speaker_mention"]) == (listed, speaker)
    assert len(catalogue.speakers) == listed


def test_named_source_has_one_row_with_its_affiliation():
    catalogue = Catalogue(BRIDGE.text)
    dorrian = dict(speaker="John Dorrian", name="John Dorrian", anonymous=False, kind="person",
                   affiliation="U.S.-led coalition")
    catalogue.quote_rows(BRIDGE, [attribution(**dorrian, title="Col.")], ignore)
    quotes = catalogue.quote_rows(BRIDGE, [attribution(**dorrian, pronoun="he", start=4, end=10)], ignore)
    assert quotes[0]["speaker_id"] == "john-dorrian"
    assert quotes[0]["affiliation_id"] == "us-led-coalition"
    row = catalogue.speakers["john-dorrian"]
    assert (row["title"], row["pronoun"], row["rows"]) == ("Col.", "he", 2)  # one row per article, gaps filled
    assert (row["person_key"], row["surname"], row["article_id"]) == ("john dorrian", "dorrian", None)
    assert catalogue.organizations == {"us-led-coalition": {"id": "us-led-coalition", "name": "U.S.-led coalition",
                                                            "acronym": None, "expansion": None}}


def test_span_outside_the_article_is_left_out_with_a_warning():
    warnings = []
    quotes = Catalogue().quote_rows(BRIDGE, [attribution("engineers", start=10, end=999)], warnings.append)
    assert quotes == []
    assert warnings and "bridge" in warnings[0]


def test_summary_line():
    summary = BuildSummary(
        articles=1, quotes=25, speakers=14, organizations=6,
        skipped=[("a.txt", "empty file"), ("b.bin", "binary file, not text"), ("c.txt", "empty file (only whitespace)"),
                 ("notes.md", "unsupported file type .md (expected one of .txt, ...)"), ("private", "unreadable folder"
                 " (Permission denied)"), ("x.csv", "unsupported file type .csv (expected ...)"),
                 ("y.md", "unsupported file type .md (expected ...)")],
    )
    assert summary.line() == ("Built quotes.db: 1 article, 25 attributions, 14 speakers, 6 organisations; "
                              "7 files skipped: 3 unsupported type (.md, .csv), 2 empty file (a.txt, c.txt), "
                              "1 binary file (b.bin), 1 unreadable folder (private)")
    duplicates = BuildSummary(articles=2, skipped=[
        ("b.txt", "duplicate of a.txt (the same text, article id 'a')"),
        ("c.txt", "duplicate of a.txt (the same text, article id 'a')"),
        ("x.jsonl", "article 'x-3': text that is not valid Unicode (surrogates not allowed at character 4); skipped"),
        ("part.0.parquet", "row 2: cannot be read back (ValueError: bad)")])
    assert duplicates.line().endswith("4 files skipped: 2 duplicate (b.txt, c.txt), "
                                      "1 text that is not valid Unicode (x.jsonl), 1 cannot be read back (part.0.parquet)")
    assert BuildSummary(articles=2, quotes=1).line() == (
        "Built quotes.db: 2 articles, 1 attribution, 0 speakers, 0 organisations"
    )


# --- atomic rebuild --------------------------------------------------------------------


# An exception from the extractor only skips its article (see the test below); a
# Ctrl-C there, or any failure while finishing the database, fails the build.
@pytest.mark.parametrize("module,step,error", [
    ("quotecat.rows", "extract", KeyboardInterrupt()),
    ("quotecat.build", "finish", RuntimeError("disk on fire")),
    ("quotecat.build", "finish", KeyboardInterrupt()),
])
def test_failed_build_leaves_the_previous_database_untouched(tmp_path, monkeypatch, module, step, error):
    target = tmp_path / "quotes.db"
    build([ARTICLES], target, warn=ignore)
    before = target.read_bytes()
    counts = inspect_path(target).read_bytes()

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(importlib.import_module(module), step, fail)
    with pytest.raises(type(error)):
        build([ARTICLES], target, warn=ignore)
    assert target.read_bytes() == before
    assert inspect_path(target).read_bytes() == counts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.db", "quotes.db.inspect.json"]  # no temporary file left


def test_failed_first_build_leaves_nothing_behind(tmp_path, monkeypatch):
    def fail(db):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(importlib.import_module("quotecat.build"), "finish", fail)
    with pytest.raises(RuntimeError):
        build([ARTICLES], tmp_path / "quotes.db", warn=ignore)
    assert list(tmp_path.iterdir()) == []


# --- bad input -------------------------------------------------------------------------

UNBALANCED = """Test Gazette
Council Delays Vote on Bridge Repairs
By A. Reporter

The city council postponed its vote on the bridge repairs on Tuesday, officials said.

"We need more time to study the costs, said Mayor Ana Ruiz, who did not say when the vote would be held.
"""


@pytest.fixture
def bad_batch(tmp_path):
    """A folder with a good article, an unbalanced quotation mark, a legacy encoding, and two unreadable files."""
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(GOOD_ARTICLE, folder / "good.txt")
    (folder / "unbalanced.txt").write_text(UNBALANCED, encoding="utf-8")
    (folder / "latin1.txt").write_bytes(
        "Le Journal\nUn café fermé\n\nLe café est fermé, a déclaré le maire.\n".encode("latin-1")
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    return folder


def test_bad_files_are_skipped_and_named_the_rest_builds(bad_batch, tmp_path):
    warnings = []
    summary = build([bad_batch], tmp_path / "quotes.db", warn=warnings.append)

    reasons = dict(summary.skipped)
    assert set(reasons) == {"empty.txt", "binary.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    for name, reason in reasons.items():
        assert any(name in w and reason in w for w in warnings), name
        assert name in summary.line()
    assert "2 files skipped" in summary.line()

    db = sqlite_utils.Database(tmp_path / "quotes.db")
    assert summary.articles == db["articles"].count == 3
    articles = {row["source_file"]: row for row in db["articles"].rows}
    assert set(articles) == {"good.txt", "unbalanced.txt", "latin1.txt"}
    # An unbalanced quotation mark is not an error: the article is built.
    assert "bridge repairs" in articles["unbalanced.txt"]["text"]
    # Invalid UTF-8 is read as the legacy encoding it most likely is, with a warning naming the file.
    assert "café" in articles["latin1.txt"]["text"]
    assert any("latin1.txt" in w and "UTF-8" in w for w in warnings)
    assert db.execute("select count(*) from quotes where article_id = 'good'").fetchone()[0] > 0


def test_cli_build_prints_the_summary_line(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--db", str(tmp_path / "quotes.db")])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"Built quotes\.db: 1 article, \d+ attributions, \d+ speakers, \d+ organisations\n",
                        result.stdout)
    assert sqlite3.connect(tmp_path / "quotes.db").execute("select count(*) from quotes").fetchone()[0] > 0


def test_cli_strict_fails_when_a_file_is_skipped_and_keeps_the_old_database(bad_batch, tmp_path):
    runner = CliRunner()
    db_path = tmp_path / "quotes.db"
    good = runner.invoke(cli, ["build", str(ARTICLES), "--db", str(db_path)])
    assert good.exit_code == 0, good.output
    before = db_path.read_bytes()

    result = runner.invoke(cli, ["build", str(bad_batch), "--db", str(db_path), "--strict"])
    assert result.exit_code != 0
    assert "2 file(s) skipped and --strict is set" in result.output
    assert "empty.txt" in result.output and "binary.txt" in result.output
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob("quotes.db.tmp-*"))

    lenient = runner.invoke(cli, ["build", str(bad_batch), "--db", str(db_path)])
    assert lenient.exit_code == 0, lenient.output
    assert "2 files skipped" in lenient.stdout


def test_progress_bar_only_for_big_batches(tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    lines = GOOD_ARTICLE.read_text(encoding="utf-8").split("\n")
    for i in range(21):
        lines_i = [*lines[:1], f"{lines[1]}, part {i}", *lines[2:]]
        (folder / f"part-{i:02d}.txt").write_text("\n".join(lines_i), encoding="utf-8")
    summary = build([folder], tmp_path / "many.db", progress=_progress_bar, warn=ignore)
    assert summary.articles == 21
    assert "Building" in capsys.readouterr().err
    build([GOOD_ARTICLE], tmp_path / "one.db", progress=_progress_bar, warn=ignore)
    assert "Building" not in capsys.readouterr().err


def test_an_extractor_failure_skips_that_article_names_it_and_builds_the_rest(tmp_path, monkeypatch):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "fine.txt").write_text(GOOD_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "trouble.txt").write_text("Trouble ahead\n\nThis text makes the extractor fail, said a test.\n",
                                        encoding="utf-8")
    real_extract = rows_module.extract

    def failing_on_trouble(text, byline=None):
        if "extractor fail" in text:
            raise IndexError("simulated extractor bug")
        return real_extract(text, byline)

    monkeypatch.setattr(rows_module, "extract", failing_on_trouble)
    warnings = []
    summary = build([folder], tmp_path / "quotes.db", warn=warnings.append, jobs=1)
    assert summary.articles == 1 and summary.quotes > 0
    assert [name for name, _ in summary.skipped] == ["trouble.txt"]
    assert "IndexError: simulated extractor bug" in summary.skipped[0][1]
    assert any("trouble.txt" in w for w in warnings)
