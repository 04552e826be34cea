"""A good catalogue is never lost: what a careless or hostile build does to quotes.db, and what it says.

Each case runs the command as a user types it and checks three things: the exit code,
the one sentence it prints (no traceback), and that the previous quotes.db is byte for
byte what it was, with no temporary or lock file left beside it.
"""

import errno
import fcntl
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecat import build as build_module
from quotecat.build import BuildError, build
from quotecat.cli import cli
from quotecat.publish import lock_path

STORY = """The Test Gazette
{title}
By A. Reporter

The council of {town} postponed its vote on the bridge repairs on Tuesday, officials said.

"We need more time to study the costs of the {town} bridge," said Mayor Ana Ruiz.
"""
TOWNS = ["Harlow", "Denby", "Marlock", "Ashgrove", "Penwith", "Tallis"]


def ignore(message):
    pass


def write_stories(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        town = TOWNS[n % len(TOWNS)] + ("" if n < len(TOWNS) else f" {n}")
        (folder / f"story-{n}.txt").write_text(STORY.format(title=f"Vote delayed in {town}", town=town),
                                               encoding="utf-8")
    return folder


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name or p.name.endswith(".lock"))


@pytest.fixture
def catalogue(tmp_path):
    """A good quotes.db of four articles, and its bytes."""
    db_path = tmp_path / "out" / "quotes.db"
    result = run("build", write_stories(tmp_path / "four", 4), "--db", db_path)
    assert result.exit_code == 0, result.output
    return db_path, db_path.read_bytes()


def assert_kept(result, db_path: Path, before: bytes, *words: str):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output + result.stderr
    message = result.stderr.splitlines()[-1]  # after the warnings, if any
    assert message.startswith("Error: "), result.stderr
    for word in (*words, "quotes.db left unchanged"):
        assert word in message, message
    assert db_path.read_bytes() == before
    assert leftovers(db_path.parent) == []


# --- item 1: a build that reads no article replaces nothing ---------------------------


def unsupported_only(folder: Path) -> Path:
    folder.mkdir()
    (folder / "notes.md").write_text("# Notes\n\nNot an article format.\n")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    return folder


def broken_only(folder: Path) -> Path:
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 30)
    return folder


@pytest.mark.parametrize("make,extra,words", [
    (lambda f: f.mkdir() or f, [], ["no article files in"]),
    (lambda f: f.mkdir() or f, ["--strict"], ["no article files in"]),
    (lambda f: f.mkdir() or f, ["--update"], ["no article files in"]),
    (unsupported_only, [], ["no article"]),
    (broken_only, [], ["no article read", "2 files skipped", "1 empty file (empty.txt)", "1 binary file (binary.txt)"]),
], ids=["empty folder", "empty folder --strict", "empty folder --update", "unsupported files only",
        "unreadable files only"])
def test_a_build_that_reads_no_article_fails_and_keeps_the_catalogue(catalogue, tmp_path, make, extra, words):
    db_path, before = catalogue
    result = run("build", make(tmp_path / "input"), "--db", db_path, *extra)
    assert_kept(result, db_path, before, *words)
    assert "removed" not in result.output


def test_the_default_folder_missing_is_an_error_not_an_empty_catalogue(catalogue, tmp_path, monkeypatch):
    db_path, before = catalogue
    monkeypatch.chdir(tmp_path)  # no ./articles here
    result = run("build", "--db", db_path)
    assert_kept(result, db_path, before, "no such file or folder: articles")
    assert run("build", tmp_path / "nowhere", "--db", db_path).exit_code == 2  # click: "does not exist"
    with pytest.raises(BuildError, match="no such file or folder"):
        build([tmp_path / "nowhere"], db_path, warn=ignore)
    assert db_path.read_bytes() == before


def test_load_parquet_of_an_empty_folder_fails_and_keeps_the_catalogue(catalogue, tmp_path):
    db_path, before = catalogue
    (tmp_path / "parquet").mkdir()
    result = run("load-parquet", tmp_path / "parquet", "--db", db_path)
    assert_kept(result, db_path, before, "no Parquet files in")


def test_a_much_smaller_build_needs_allow_shrink(catalogue, tmp_path):
    db_path, before = catalogue
    one = write_stories(tmp_path / "one", 1)
    result = run("build", one, "--db", db_path)
    assert_kept(result, db_path, before, "1 article, fewer than half of the 4 in quotes.db", "--allow-shrink")
    with pytest.raises(BuildError, match="fewer than half"):
        build([one], db_path, warn=ignore)

    allowed = run("build", one, "--db", db_path, "--allow-shrink")
    assert allowed.exit_code == 0, allowed.output
    assert "Built quotes.db: 1 article" in allowed.stdout
    assert sqlite3.connect(db_path).execute("select count(*) from articles").fetchone()[0] == 1


def test_half_the_articles_is_not_too_few(catalogue, tmp_path):
    db_path, _ = catalogue
    result = run("build", write_stories(tmp_path / "two", 2), "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "Built quotes.db: 2 articles" in result.stdout


# --- item 7: --db is never an input; one build at a time --------------------------------


def test_db_equal_to_an_input_file_is_refused(tmp_path):
    archive = tmp_path / "arch.jsonl"
    archive.write_text(json.dumps({"title": "Bridge vote", "text": "The vote was delayed, officials said."}) + "\n")
    before = archive.read_bytes()
    result = run("build", archive, "--db", archive)
    assert result.exit_code == 1
    assert "is one of the input files" in result.stderr and "Traceback" not in result.output
    assert archive.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_db_among_an_input_folders_files_is_refused(tmp_path):
    folder = write_stories(tmp_path / "articles", 3)
    target = folder / "story-1.txt"
    before = target.read_bytes()
    result = run("build", folder, "--db", target)
    assert result.exit_code == 1
    assert "is one of the input files" in result.stderr
    assert target.read_bytes() == before


def test_a_db_that_is_no_database_is_not_replaced(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("My notes, not a database.\n")
    result = run("build", write_stories(tmp_path / "in", 2), "--db", notes)
    assert result.exit_code == 1
    assert "is not a SQLite database: not replacing it" in result.stderr
    assert notes.read_text() == "My notes, not a database.\n"


def test_a_second_build_while_one_holds_the_lock_fails_clearly(catalogue, tmp_path):
    db_path, before = catalogue
    # What a running build holds: an flock on quotes.db.lock, with its process id in it.
    with open(lock_path(db_path), "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write("4242")
        held.flush()
        result = run("build", write_stories(tmp_path / "six", 6), "--db", db_path)
        assert result.exit_code == 1
        assert "another build (process 4242) is writing" in result.stderr
        assert db_path.read_bytes() == before
    os.unlink(lock_path(db_path))


def test_the_lock_file_of_a_killed_build_does_not_block(catalogue, tmp_path):
    db_path, _ = catalogue
    lock_path(db_path).write_text("99999999")  # left by a build killed with SIGKILL: no process holds it
    result = run("build", write_stories(tmp_path / "six", 6), "--db", db_path)
    assert result.exit_code == 0, result.output
    assert leftovers(db_path.parent) == []


# --- item 9: clear messages, never a traceback --------------------------------------------


def test_disk_full_while_writing_keeps_the_catalogue(catalogue, tmp_path, monkeypatch):
    db_path, before = catalogue
    real = build_module.new_database

    def small_disk(path):
        db = real(path)
        db.execute("pragma max_page_count = 40")  # SQLite's own "database or disk is full" (SQLITE_FULL)
        return db

    monkeypatch.setattr(build_module, "new_database", small_disk)
    result = run("build", write_stories(tmp_path / "six", 6), "--db", db_path)
    assert_kept(result, db_path, before, "cannot write", "the disk is full")


def test_no_space_for_the_counts_file_keeps_the_catalogue(catalogue, tmp_path, monkeypatch):
    db_path, before = catalogue

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("quotecat.publish.inspect_data", no_space)
    result = run("build", write_stories(tmp_path / "six", 6), "--db", db_path)
    assert_kept(result, db_path, before, "the disk is full")


def test_db_that_is_a_folder(tmp_path):
    (tmp_path / "quotes.db").mkdir()
    result = run("build", write_stories(tmp_path / "in", 2), "--db", tmp_path / "quotes.db")
    assert result.exit_code == 1
    assert "is a folder, not a database file" in result.stderr and "Traceback" not in result.output


def test_db_in_a_folder_that_is_a_file(tmp_path):
    (tmp_path / "plain").write_text("a file")
    result = run("build", write_stories(tmp_path / "in", 2), "--db", tmp_path / "plain" / "quotes.db")
    assert result.exit_code == 1
    assert "is a file, not a folder" in result.stderr


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in: chmod 500, or (as root, whom modes do not stop) /sys."""
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    folder = Path("/sys")
    try:
        (folder / "quotecat-probe").touch()
    except OSError:
        return folder
    (folder / "quotecat-probe").unlink()
    pytest.skip("UNWRITABLE --db FOLDER NOT TESTED: running as root and /sys is writable here")


def test_db_in_a_folder_that_cannot_be_written(tmp_path):
    folder = unwritable_folder(tmp_path)
    try:
        result = run("build", write_stories(tmp_path / "in", 2), "--db", folder / "quotes.db")
    finally:
        if folder != Path("/sys"):
            folder.chmod(0o700)
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "quotes.db not written" in result.stderr
    assert "Traceback" not in result.output


def quotes_root_page(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("select rootpage from sqlite_master where name = 'quotes'").fetchone()[0]
    finally:
        conn.close()


def damage(db_path: Path, how: str) -> None:
    data = bytearray(db_path.read_bytes())
    if how == "truncated":
        del data[len(data) // 2:]
    else:  # the quotes table's first page overwritten: the header and the schema still read
        page_size = int.from_bytes(data[16:18], "big")
        start = (quotes_root_page(db_path) - 1) * page_size
        data[start:start + page_size] = bytes((i * 37 + 11) % 256 for i in range(page_size))
    db_path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "a page overwritten"])
def test_update_over_a_damaged_database_falls_back_to_a_full_build(tmp_path, how):
    folder = write_stories(tmp_path / "six", 6)
    db_path = tmp_path / "quotes.db"
    assert run("build", folder, "--db", db_path).exit_code == 0
    damage(db_path, how)
    result = run("build", folder, "--db", db_path, "--update")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "quotes.db is damaged" in result.stderr
    assert "Built quotes.db: 6 articles" in result.stdout

    full = tmp_path / "full.db"
    build([folder], full, warn=ignore)
    for table in ("articles", "quotes", "speakers", "organizations", "_speaker_mentions"):
        query = f"select * from [{table}] order by rowid"
        assert (sqlite3.connect(db_path).execute(query).fetchall()
                == sqlite3.connect(full).execute(query).fetchall()), table


# --- bad Parquet --------------------------------------------------------------------------


@pytest.fixture
def parquet_folder(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="PARQUET NOT TESTED: pyarrow is not installed")
    import pyarrow.parquet as pq

    from quotecat.distributed import extract_record

    folder = tmp_path / "parquet"
    folder.mkdir()
    records = [extract_record({"title": f"Vote delayed in {town}", "text": STORY.format(title="", town=town)})
               for town in TOWNS[:3]]
    pq.write_table(pa.Table.from_pylist(records), folder / "part.0.parquet")
    return folder


def test_bad_and_wrong_schema_parquet_files_are_skipped_and_named(parquet_folder, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (parquet_folder / "part.1.parquet").write_bytes(b"not parquet at all" * 10)
    pq.write_table(pa.table({"name": ["x"], "value": [1]}), parquet_folder / "part.2.parquet")
    result = run("load-parquet", parquet_folder, "--db", tmp_path / "quotes.db")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "Built quotes.db: 3 articles" in result.stdout
    assert ("2 files skipped: 1 not a Parquet file (part.1.parquet), "
            "1 not written by quotecat.distributed.extract_record (part.2.parquet)") in result.stdout
    assert "skipped part.1.parquet: not a Parquet file" in result.stderr
    assert "skipped part.2.parquet: not written by quotecat.distributed.extract_record: no column id" in result.stderr


def test_parquet_rows_that_cannot_be_read_back_are_skipped(parquet_folder, tmp_path):
    import pyarrow.parquet as pq

    table = pq.read_table(parquet_folder / "part.0.parquet").to_pylist()
    table[1]["quotes"] = "[{not json"
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(table), parquet_folder / "part.0.parquet")
    result = run("load-parquet", parquet_folder, "--db", tmp_path / "quotes.db")
    assert result.exit_code == 0, result.output
    assert "Built quotes.db: 2 articles" in result.stdout
    assert "1 file skipped: 1 cannot be read back (part.0.parquet)" in result.stdout
    assert "skipped part.0.parquet: row 2: cannot be read back" in result.stderr


def test_only_bad_parquet_keeps_the_catalogue(catalogue, tmp_path):
    db_path, before = catalogue
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "part.0.parquet").write_bytes(b"PAR1 but not really")
    result = run("load-parquet", folder, "--db", db_path)
    assert_kept(result, db_path, before, "no article read", "1 not a Parquet file (part.0.parquet)")


# --- one bad input never stops the batch ---------------------------------------------------


def test_a_lone_surrogate_in_a_record_skips_that_record_only(tmp_path):
    archive = tmp_path / "archive.jsonl"
    good = {"title": "Vote delayed", "text": STORY.format(title="Vote delayed", town="Harlow")}
    bad = {"title": "Bad \ud83d record", "text": "The vote was delayed \ud83d, officials said."}
    archive.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")  # json escapes it
    warnings = []
    summary = build([archive], tmp_path / "quotes.db", warn=warnings.append)
    assert summary.articles == 1
    assert any("archive.jsonl" in message for message in warnings)


def test_a_reader_bug_on_one_file_skips_that_file_and_names_it(tmp_path, monkeypatch):
    folder = write_stories(tmp_path / "in", 3)
    real = build_module.read_file

    def failing(path, warn=None, columns=None):
        if Path(path).name == "story-1.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, warn=warn, columns=columns)

    monkeypatch.setattr(build_module, "read_file", failing)
    summary = build([folder], tmp_path / "quotes.db", warn=ignore, jobs=1)
    assert summary.articles == 2
    assert summary.skipped == [("story-1.txt", "could not be read (RecursionError: maximum recursion depth exceeded)")]
