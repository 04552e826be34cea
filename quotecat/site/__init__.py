"""The Datasette site of quotes.db, shipped with the package so an installed quotecat serves it from anywhere.

- ``metadata.json``: the repository's top-level ``metadata.json`` (a link to it in a checkout;
  the wheel carries its bytes), the one source of titles, descriptions, column
  documentation, default facets and canned queries;
- ``templates/`` and ``static/``: the reading pages and their stylesheet;
- ``plugins/``: the Datasette plugins, one concern each (``quotecat_pages``: the hooks of the
  reading pages; ``facet_counts``: stored facet counts; ``search_without_facets``: fast search;
  ``visitor_sql``: a visitor's own SQL, time-limited and a few at a time; ``bounded_results``:
  no value or result past a size limit; ``row_links``: canned-query results link to their rows);
- ``pages``, ``highlight``, ``charts``, ``links``: the queries and the HTML those pages are made of.
"""

import json
from pathlib import Path

SITE = Path(__file__).resolve().parent
METADATA = SITE / "metadata.json"
TEMPLATES = SITE / "templates"
STATIC = SITE / "static"
PLUGINS = SITE / "plugins"
DATABASE = "quotes"  # metadata.json describes a database of this name: the file is quotes.db


def metadata() -> dict:
    return json.loads(METADATA.read_text(encoding="utf-8"))


def default_facets() -> dict[str, list[str]]:
    """The facets each table's page opens with, as metadata.json sets them."""
    tables = metadata()["databases"][DATABASE]["tables"]
    return {table: list(config["facets"]) for table, config in tables.items() if config.get("facets")}
