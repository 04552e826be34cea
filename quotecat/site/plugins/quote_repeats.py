"""The attribution page's "also in N articles": the ``quotecat_also_said`` function for its template.

Loaded by Datasette from the site's plugins folder, like ``quotecat_pages``; the data comes
from ``quotecat.site.repeats``.
"""

from datasette import hookimpl

from quotecat.site.pages import DATABASE, Pages
from quotecat.site.repeats import also_said


@hookimpl
def extra_template_vars(datasette):
    async def quotecat_also_said(quote_id):
        if DATABASE not in datasette.databases:
            return None
        return await also_said(Pages(datasette), quote_id)

    return {"quotecat_also_said": quotecat_also_said}
