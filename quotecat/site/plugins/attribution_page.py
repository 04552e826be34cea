"""The attribution page's additions: "also in N articles" (``quotecat_also_said``) and the corrections
made to the row by hand (``quotecat_row_corrections``), functions for its template.

Loaded by Datasette from the site's plugins folder, like ``quotecat_pages``; the data comes
from ``quotecat.site.repeats``.
"""

from datasette import hookimpl

from quotecat.site.pages import DATABASE, Pages
from quotecat.site.repeats import also_said, row_corrections


@hookimpl
def extra_template_vars(datasette):
    def pages():
        return Pages(datasette) if DATABASE in datasette.databases else None

    async def quotecat_also_said(quote_id):
        p = pages()
        return await also_said(p, quote_id) if p else None

    async def quotecat_row_corrections(quote_id):
        p = pages()
        return await row_corrections(p, quote_id) if p else []

    return {"quotecat_also_said": quotecat_also_said, "quotecat_row_corrections": quotecat_row_corrections}
