"""Serving quotes.db with Datasette: the settings, the site's files, and the table counts the build leaves.

``configuration`` is the one mapping of what is served; ``datasette_args`` turns it into
the ``datasette serve`` command line that ``quotecat serve`` runs, and
``datasette_options`` into the keyword arguments of ``datasette.app.Datasette`` that
the tests use, so what is tested is what is served.
"""

import hashlib
import json
import shutil
import sqlite3
import sys
from pathlib import Path

from .site import METADATA, PLUGINS, STATIC, TEMPLATES

# Datasette settings, shared by `quotecat serve` (as --setting flags) and the tests
# (as Datasette(settings=...)), so what is tested is what is served.
DATASETTE_SETTINGS = {
    # The pages and the canned queries; a visitor's own SQL gets VISITOR_SQL["time_limit_ms"].
    "sql_time_limit_ms": 3000,
    # Datasette ignores a facet limit above sql_time_limit_ms; 1 s keeps the six default facets under budget.
    "facet_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    # Suggesting facets tries every column on every page view: most of the time on big tables.
    "suggest_facets": False,
    # Threads that run SQL (Datasette's default is 3). Visitors' SQL may hold at most
    # VISITOR_SQL["running"] of them, so the rest always answer the pages.
    "num_sql_threads": 8,
}

# A visitor's own SQL (`?sql=` on the database, `?_where=` on a table): the visitor_sql plugin
# runs every query of such a request under `time_limit_ms` (as Datasette's `?_timelimit=`
# does, which can only lower sql_time_limit_ms), lets `running` such requests run at once
# and `waiting` more wait up to `wait_s` seconds for a turn; any beyond get a 503 with
# Retry-After. With 8 clients sending queries that run until the limit, the article, table
# and search pages answered in 0.4-1.5 s at p95 (0.3-0.6 s with no slow SQL) instead of
# 36-52 s (docs/performance.md, "One visitor cannot stall the site").
VISITOR_SQL = {
    "time_limit_ms": 1000,
    "running": 2,
    "waiting": 16,
    "wait_s": 2.0,
}

# What one query may build and return (the bounded_results plugin, on every connection):
# no value longer than `value_bytes` (SQLite's SQLITE_LIMIT_LENGTH: articles are at most
# 1,000,000 characters, 4 MB of UTF-8 at worst, and must stay readable), and no more than
# `result_bytes` of text and blobs in one query's rows (a page of 1,000 rows of ordinary
# attributions is about 1 MB).
RESULT_LIMITS = {
    "value_bytes": 5_000_000,
    "result_bytes": 32_000_000,
}

# The database file itself (/quotes.db) and whole-table CSV streams are not offered unless
# asked for (`quotecat serve --allow-download`): the file holds the full text of every
# article, which a newsroom publishing its catalogue may have no right to redistribute.
ALLOW_DOWNLOAD = False


def configuration(db_path: Path | str, allow_download: bool = ALLOW_DOWNLOAD) -> dict:
    """What serving ``db_path`` means: immutable, with this project's settings, metadata, templates,
    static files and plugins, and the build's table counts when they are current.

    ``allow_download`` offers the database file at ``/quotes.db`` and CSV of whole tables
    (Datasette's ``allow_download`` and ``allow_csv_stream``).
    """
    settings = dict(DATASETTE_SETTINGS, allow_download=allow_download, allow_csv_stream=allow_download)
    return {
        "database": Path(db_path),
        "settings": settings,
        "visitor_sql": dict(VISITOR_SQL),
        "result_limits": dict(RESULT_LIMITS),
        "inspect_file": current_inspect_file(db_path),
        "metadata": METADATA,
        "template_dir": TEMPLATES,
        "static": STATIC,
        "plugins_dir": PLUGINS,
    }


def datasette_options(db_path: Path | str, allow_download: bool = ALLOW_DOWNLOAD) -> dict:
    """Keyword arguments for ``datasette.app.Datasette``: the configuration ``datasette_args`` serves."""
    config = configuration(db_path, allow_download=allow_download)
    options: dict = {
        "immutables": [str(config["database"])],
        "settings": config["settings"],
        "metadata": json.loads(config["metadata"].read_text(encoding="utf-8")),
        "template_dir": str(config["template_dir"]),
        "static_mounts": [("static", str(config["static"]))],
        "plugins_dir": str(config["plugins_dir"]),
    }
    if config["inspect_file"] is not None:
        options["inspect_data"] = json.loads(config["inspect_file"].read_text(encoding="utf-8"))
    return options


def datasette_args(db_path: Path | str, host: str = "127.0.0.1", port: int = 8001,
                   allow_download: bool = ALLOW_DOWNLOAD) -> list[str]:
    """The argv that serves ``db_path`` as ``configuration`` says, on ``host``:``port``.

    Binds to 127.0.0.1 unless told otherwise: publishing is a deliberate step.
    """
    config = configuration(db_path, allow_download=allow_download)
    executable = Path(sys.executable).parent / "datasette"
    if not executable.exists():
        executable = Path(shutil.which("datasette") or "datasette")
    args = [str(executable), "serve", "-i", str(config["database"]), "--host", host, "--port", str(port)]
    if config["inspect_file"] is not None:  # table counts from the build: nothing to count at start or per page
        args += ["--inspect-file", str(config["inspect_file"])]
    args += ["--metadata", str(config["metadata"]), "--template-dir", str(config["template_dir"]),
             "--static", f"static:{config['static']}", "--plugins-dir", str(config["plugins_dir"])]
    for name, value in config["settings"].items():
        if isinstance(value, bool):
            value = "on" if value else "off"
        args += ["--setting", name, str(value)]
    return args


def inspect_path(db_path: Path | str) -> Path:
    """Where the build leaves Datasette's table counts for ``db_path``: ``quotes.db.inspect.json``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".inspect.json")


def inspect_data(path: Path | str, published_as: Path | str) -> dict:
    """What ``datasette inspect`` writes for the database at ``path``, to be served as ``published_as``.

    Datasette reads the counts (so an immutable database is never counted at start
    or on a table page) and the hash. ``mtime_ns`` is ours: a counts file whose size
    or time does not match the database is stale, and ``serve`` leaves it out.
    """
    path, published_as = Path(path), Path(published_as)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table' order by name")]
        counts = {name: {"count": conn.execute(f"select count(*) from [{name}]").fetchone()[0]} for name in tables}
    finally:
        conn.close()
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    stat = path.stat()
    return {published_as.stem: {
        "hash": digest.hexdigest(),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "file": str(published_as),
        "tables": counts,
    }}


def current_inspect_file(db_path: Path | str) -> Path | None:
    """The counts file written with ``db_path``, or None when missing or stale (the database changed since)."""
    db_path, counts = Path(db_path), inspect_path(db_path)
    try:
        data = json.loads(counts.read_text(encoding="utf-8"))[db_path.stem]
        stat = db_path.stat()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if data.get("size") != stat.st_size or data.get("mtime_ns") != stat.st_mtime_ns:
        return None
    return counts
