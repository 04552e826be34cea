"""Canned-query results and the attributions view link to their rows: speakers, attributions,
articles, organisations, and each count to the attributions it counts (``quotecat.site.links``)."""

from datasette import hookimpl

from quotecat.site.links import render
from quotecat.site.pages import DATABASE


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != DATABASE or column == "snippet":  # the snippet is quotecat_pages' (search matches marked)
        return None
    return render(row, value, column, table, datasette)
