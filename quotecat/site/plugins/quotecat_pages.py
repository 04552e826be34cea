"""Reading pages for quotes.db: article text with highlighted attributions, speaker and
organisation pages, the index page's counts and charts, highlighted search matches.

Loaded by Datasette from the site's plugins folder (``quotecat serve`` passes it). The
templates call the ``quotecat_*`` functions this plugin adds to their context; the data
comes from ``quotecat.site.pages`` and the HTML from ``quotecat.site.highlight`` and
``quotecat.site.charts``, which escape everything from the database.
"""

from datasette import hookimpl

from quotecat.site.highlight import mark_snippet, mark_terms
from quotecat.site.pages import DATABASE, Pages


@hookimpl
def extra_template_vars(datasette):
    def pages():
        return Pages(datasette) if DATABASE in datasette.databases else None

    async def call(method, *args):
        p = pages()
        return await getattr(p, method)(*args) if p else None

    return {
        "quotecat_index": lambda: call("index"),
        "quotecat_article": lambda pk: call("article", pk),
        "quotecat_quote": lambda pk: call("quote", pk),
        "quotecat_speaker": lambda pk: call("speaker", pk),
        "quotecat_organization": lambda pk: call("organization", pk),
    }


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path("/static/quotecat.css")]


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["quotecat_mark_terms"] = mark_terms


@hookimpl
def render_cell(value, column, table, database):
    # The ranked search query's snippet: FTS5 marks matches with **; show them as <mark>.
    if database == DATABASE and table is None and column == "snippet" and isinstance(value, str):
        return mark_snippet(value)
    return None
