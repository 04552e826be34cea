"""The Datasette site travels with the package: an installed (non-editable) quotecat serves its metadata,
templates, static files and plugins from any directory; metadata.json is the one source of the metadata."""

import json
import shutil
import sqlite3
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

from quotecat import schema, site
from benchmarks.server import free_port, start, stop

ROOT = Path(__file__).parent.parent


def test_the_package_reads_the_top_level_metadata_json():
    assert site.METADATA.read_bytes() == (ROOT / "metadata.json").read_bytes()


def test_canned_query_sql_in_metadata_json_is_the_sql_in_queries():
    """The SQL is written readable in queries/NAME.sql; scripts/metadata copies it into metadata.json."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "metadata"), "--check"], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    queries = site.metadata()["databases"]["quotes"]["queries"]
    assert {p.stem for p in (ROOT / "queries").glob("*.sql")} == set(queries)
    for name, query in queries.items():
        assert query["sql"] == (ROOT / "queries" / f"{name}.sql").read_text(encoding="utf-8").strip()
        assert query["sql"].count("\n") >= 5, f"{name}: one line of SQL"


def test_the_build_stores_facet_counts_for_every_default_facet_of_metadata_json(db_path):
    conn = sqlite3.connect(db_path)
    stored = conn.execute("select distinct table_name, column_name from _facet_counts").fetchall()
    # A column with no value at all (gender in a catalogue of organisations only) has no counts to store.
    valued = {(table, column) for table, columns in site.default_facets().items() for column in columns
              if conn.execute(f"select 1 from [{table}] where [{column}] is not null limit 1").fetchone()}
    assert set(stored) == valued and len(valued) >= 8
    assert len(site.default_facets()["quotes"]) == 6
    assert schema.FACET_COUNTS == site.default_facets()


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """quotecat as a wheel installs it: built from a copy of the sources, unpacked into a folder of its own."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "metadata.json"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "quotecat", source / "quotecat", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                             "--disable-pip-version-check", "-q", "-w", str(root / "dist"), str(source)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (root / "dist").glob("quotecat-*.whl")
    target = root / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return wheel, target


def test_the_wheel_carries_the_site_and_the_metadata_itself(installed):
    wheel, target = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in ["quotecat/site/metadata.json", "quotecat/site/static/quotecat.css", "quotecat/site/templates/index.html",
                 "quotecat/site/plugins/quotecat_pages.py", "quotecat/extract/cues.py", "quotecat/lexicon/cues.py",
                 "quotecat/read/html.py"]:
        assert path in names, path
    copied = target / "quotecat" / "site" / "metadata.json"
    assert not copied.is_symlink() and copied.read_bytes() == (ROOT / "metadata.json").read_bytes()
    assert not any(name.startswith(("benchmarks/", "tests/")) for name in names)


def test_an_installed_quotecat_builds_and_serves_its_site_from_another_directory(installed, tmp_path):
    _, target = installed
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copytree(ROOT / "articles", elsewhere / "articles")
    env = {"PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(target), "HOME": str(tmp_path)}
    cli = [sys.executable, "-c", "import sys; from quotecat.cli import cli; sys.exit(cli())"]
    where = subprocess.run([*cli[:2], "import quotecat; print(quotecat.__file__)"], capture_output=True, text=True,
                           env=env, cwd=elsewhere)
    assert Path(where.stdout.strip()).is_relative_to(target), where.stdout + where.stderr
    built = subprocess.run([*cli, "build"], capture_output=True, text=True, env=env, cwd=elsewhere, timeout=300)
    assert built.returncode == 0 and "Built quotes.db: 1 article, 23 attributions" in built.stdout, built.stderr
    port = free_port()
    process = start([*cli, "serve", "--port", str(port)], port, cwd=elsewhere)
    try:
        def get(path):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
                return response.read().decode("utf-8")

        assert json.loads(get("/-/metadata.json"))["title"] == "quotecat"
        plugins = {p["name"] for p in json.loads(get("/-/plugins.json"))}
        assert {"quotecat_pages.py", "facet_counts.py", "search_without_facets.py"} <= plugins
        index = get("/")
        assert "quotecat-index" in index and "Attributions per organisation" in index  # the site's own index page
        assert "q-direct" in get("/quotes/articles/islamic-state-deir-ezzour")  # highlighted attributions
        assert ".q-direct" in get("/static/quotecat.css")
        assert "Who said what" in get("/quotes")  # canned queries from the metadata
    finally:
        stop(process)
