"""The example catalogue: quotes.db at the top of the repository is what the build makes of articles/.

It is committed so that `datasette quotes.db -m metadata.json` browses it straight from a checkout;
this test rebuilds it (the session's build of articles/) and compares every row of every table,
so a change to the extractor, the rows or the schema that forgets to refresh it fails here.
"""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
COMMITTED = ROOT / "quotes.db"
REGENERATE = ("quotes.db at the top of the repository is not what the build makes of articles/ now: "
              "regenerate it with `.venv/bin/quotecat build articles/ --db quotes.db` (./scripts/serve does "
              "the same) and commit it")


def contents(path: Path) -> dict:
    """Every table's and view's definition, and every table's rows in rowid order (full-text index shadow
    tables are left out: they are derived from quotes.text and speakers.name, which are compared)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        objects = conn.execute("select type, name, sql from sqlite_master where type in ('table', 'view', 'index') "
                               "and name not like 'sqlite_%' order by name").fetchall()
        shadow = {name for _, name, sql in objects if any(name.startswith(f"{fts}_") and name != fts
                                                           for _, fts, s in objects if s and "fts5" in s.lower())}
        tables = {}
        for kind, name, sql in objects:
            if kind == "table" and name not in shadow and "fts5" not in (sql or "").lower():
                tables[name] = conn.execute(f"select * from [{name}] order by rowid").fetchall()
        return {"schema": [(k, n, s) for k, n, s in objects if n not in shadow], "rows": tables}
    finally:
        conn.close()


def test_the_committed_quotes_db_is_the_build_of_articles(db_path):
    assert COMMITTED.exists(), REGENERATE
    committed, built = contents(COMMITTED), contents(db_path)
    assert committed["schema"] == built["schema"], REGENERATE
    assert set(committed["rows"]) == set(built["rows"]), REGENERATE
    for table, rows in built["rows"].items():
        assert len(committed["rows"][table]) == len(rows), f"{table}: {REGENERATE}"
        for old, new in zip(committed["rows"][table], rows):
            assert old == new, f"{table} row {new[0]!r}: {REGENERATE}"
    assert len(built["rows"]["quotes"]) == 23  # the first article's attributions


@pytest.mark.skipif(not (Path(sys.executable).parent / "datasette").exists(), reason="no datasette executable")
def test_plain_datasette_browses_it_with_the_metadata(tmp_path):
    """`datasette quotes.db -m metadata.json` from a checkout: no plugins, the canned queries still run."""
    datasette = Path(sys.executable).parent / "datasette"
    for path, column in (("/quotes/sourcing_by_outlet.json?_shape=objects", "official"),
                         ("/quotes/attributions.json?_shape=objects", "role_class")):
        result = subprocess.run([str(datasette), "quotes.db", "-m", "metadata.json", "--get", path], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)["rows"]
        assert rows and column in rows[0], path
