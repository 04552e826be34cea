"""The command line as a user types it: extract for pipes, --explain for why."""

import json
from pathlib import Path

from click.testing import CliRunner

from quotecat.cli import cli

ARTICLE = Path(__file__).parent.parent / "articles" / "islamic-state-deir-ezzour.txt"


def test_extract_prints_one_json_object_per_attribution():
    result = CliRunner().invoke(cli, ["extract", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) >= 20
    first = records[0]
    for key in ("text", "type", "speaker", "affiliation", "role", "cue", "start", "end", "article"):
        assert key in first
    assert "pattern" not in first  # only with --explain
    dorrian = [r for r in records if r["speaker"] == "John Dorrian"]
    assert {r["affiliation"] for r in dorrian} == {"U.S.-led coalition"}


def test_explain_says_which_rule_found_it_and_how_the_speaker_was_resolved():
    result = CliRunner().invoke(cli, ["extract", str(ARTICLE), "--explain"])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert all(r["pattern"] for r in records)
    she = next(r for r in records if r["speaker_mention"] == "she")
    assert she["speaker"] == "Jennifer Cafarella"
    assert "pronoun 'she' -> Jennifer Cafarella" in she["resolution"]
    surname = next(r for r in records if r["speaker_mention"] == "Col. Dorrian")
    assert "surname" in surname["resolution"] and "John Dorrian" in surname["resolution"]
    appositive = next(r for r in records if r["speaker"] == "Jennifer Cafarella" and r["speaker_mention"] != "she")
    assert "Institute for the Study of War" in appositive["description"]


def test_extract_names_the_file_when_it_cannot_be_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = CliRunner().invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "empty" in result.output


def test_the_command_starts_without_numpy_or_pandas_and_they_still_import_after(tmp_path):
    """sqlite-utils imports them when installed (0.85 s, 89 MB before a build starts); the command hides them."""
    import subprocess
    import sys

    probe = ("import sys; sys.argv = ['quotecat', '--version']\n"
             "from quotecat.__main__ import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "import sqlite_utils.db\n"
             "print(sorted(m for m in ('numpy', 'pandas') if m in sys.modules), sqlite_utils.db.pd, sqlite_utils.db.np)\n"
             "import importlib.util\n"
             "if importlib.util.find_spec('numpy'):\n    import numpy\n    print('numpy', bool(numpy.__version__))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "version" in lines[0]
    assert lines[1] == "[] None None"
    assert lines[2:] in ([], ["numpy True"])
