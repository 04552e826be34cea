"""Links out of query results: which column of a canned query (or of the attributions view) links where.

Datasette links a table's foreign keys, but a canned query's results are plain values. The
convention here, read by the ``row_links`` plugin's ``render_cell``, goes by column name:

- in a query's results and the attributions view, a row's key links to its page:
  ``quote_id``, ``speaker_id``, ``article_id``, ``affiliation_id`` (``ROW_COLUMNS``), and a
  name beside its key links to the same page (``speaker`` with ``speaker_id``, ``article``
  with ``article_id``, ... ``LABEL_COLUMNS``); tables link their foreign keys themselves;
- in a query's results (not a table's), a count links to the attributions it counts: the
  ``attributions`` view filtered by the row's own keys and groups (``GROUP_COLUMNS``:
  article, speaker, organisation, outlet, month) and by what the count's name says
  (``COUNT_FILTERS``: ``women`` adds ``source_type=person&gender=woman``). So the row
  "nytimes.com, anonymous_attributions 12" links to the 12 rows.

Plain ``datasette quotes.db -m metadata.json`` runs the same queries without the plugin
and shows the values unlinked.
"""

from urllib.parse import urlencode

from datasette.utils import tilde_encode
from markupsafe import Markup

from . import DATABASE

ROW_COLUMNS = {"quote_id": "quotes", "speaker_id": "speakers", "article_id": "articles",
               "affiliation_id": "organizations"}
LABEL_COLUMNS = {"speaker": ("speaker_id",), "article": ("article_id",), "affiliation": ("affiliation_id",),
                 "title": ("article_id",), "name": ("speaker_id", "affiliation_id")}
# Columns of the attributions view a query's row is grouped by: each becomes a filter.
GROUP_COLUMNS = ("article_id", "speaker_id", "affiliation_id", "outlet", "month")
ROLE_CLASSES = ("official", "politician", "expert", "business", "civil society", "citizen", "media")
# A count column's name -> the filters of the attributions view that select what it counts.
COUNT_FILTERS: dict[str, dict[str, str]] = {
    "attributions": {},
    "anonymous_attributions": {"anonymous": "1"},
    "named_people": {"source_type": "person"},
    "women": {"source_type": "person", "gender": "woman"},
    "men": {"source_type": "person", "gender": "man"},
    "gender_unknown": {"source_type": "person", "gender": "unknown"},
    "direct": {"type": "direct"},
    **{role.replace(" ", "_"): {"role_class": role} for role in ROLE_CLASSES},
    "role_unknown": {"role_class": "unknown"},
}


def attributions_url(datasette, filters: dict) -> str:
    """The attributions view filtered by ``filters`` (a ``None`` value means the column is empty)."""
    args = {}
    for column, value in filters.items():
        if value is None:
            args[f"{column}__isnull"] = "1"
        else:
            args[column] = value
    url = datasette.urls.table(DATABASE, "attributions")
    return url + ("?" + urlencode(args) if args else "")


def group_filters(row, columns) -> dict:
    """The filters that select a result row's group: its keys, outlet and month."""
    return {c: row[c] for c in GROUP_COLUMNS if c in columns}


def count_url(datasette, row, column: str) -> str | None:
    """Where a count in a query's results links: its attributions, or None for what is no count."""
    columns = row.keys()
    if column not in COUNT_FILTERS or not any(c in columns for c in GROUP_COLUMNS):
        return None
    return attributions_url(datasette, {**group_filters(row, columns), **COUNT_FILTERS[column]})


def row_url(datasette, table: str, pk) -> str:
    return datasette.urls.row(DATABASE, table, tilde_encode(str(pk)))


def render(row, value, column: str, table: str | None, datasette) -> Markup | None:
    """A cell as a link (escaped by Markup.format), or None to let Datasette show it as usual."""
    if value is None or value == "" or table not in (None, "attributions"):
        return None  # tables link their foreign keys themselves, with labels
    columns = row.keys()
    if column in ROW_COLUMNS:
        return Markup('<a href="{}">{}</a>').format(row_url(datasette, ROW_COLUMNS[column], value), value)
    key = next((k for k in LABEL_COLUMNS.get(column, ()) if k in columns and row[k] not in (None, "")), None)
    if key:
        return Markup('<a href="{}">{}</a>').format(row_url(datasette, ROW_COLUMNS[key], row[key]), value)
    if table is None:  # a query's results: counts link to their rows, groups to theirs
        if column in ("outlet", "month") and not isinstance(value, (int, float)):
            return Markup('<a href="{}">{}</a>').format(
                attributions_url(datasette, group_filters(row, columns)), value)
        if isinstance(value, int) and value > 0:
            url = count_url(datasette, row, column)
            if url:
                return Markup('<a href="{}">{}</a>').format(url, f"{value:,}")
    return None
