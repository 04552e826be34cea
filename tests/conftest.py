"""Shared fixtures: quotes.db built once from the project's articles, and Datasette serving it."""

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from datasette.app import Datasette

from quotecat.build import build
from quotecat.serve import datasette_options

ROOT = Path(__file__).parent.parent
ARTICLES = ROOT / "articles"
METADATA = ROOT / "metadata.json"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(path, summary) of a quotes.db built with the real reader and extractor, once per run."""
    path = tmp_path_factory.mktemp("built") / "quotes.db"
    summary = build([ARTICLES], path, warn=lambda message: None)
    return path, summary


@pytest.fixture(scope="session")
def db_path(built):
    return built[0]


@pytest.fixture
def db(db_path):
    """The built database, opened read-only so no test can change it for the others."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    yield sqlite_utils.Database(conn)
    conn.close()


@pytest.fixture(scope="session")
def metadata():
    return json.loads(METADATA.read_text(encoding="utf-8"))


@pytest.fixture
def ds(db_path):
    """Datasette as `quotecat serve` runs it: same metadata, settings and directories, immutable."""
    return Datasette(**datasette_options(db_path))
