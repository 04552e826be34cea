"""Full-text search on the quotes table answers without its six default facets.

A search for a common word matches tens of thousands of attributions, and
Datasette 0.65 runs every default facet over all of them (about 80 ms each at a
million attributions). So a search request that asks for no facet of its own gets
Datasette's ``_nofacet=1``: the matches, their count and the highlighted rows come
back in a fraction of the time. Asking for a facet (``&_facet=speaker_id``, or the
"facet by" links) brings facets back, for that search.
"""

from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl

SEARCHED_TABLES = {("quotes", "quotes")}


def _rewrite(path: str, query: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The query to use instead, or None to leave the request alone."""
    parts = path.strip("/").split("/")
    if len(parts) != 2 or (parts[0], parts[1].removesuffix(".json")) not in SEARCHED_TABLES:
        return None
    keys = {key for key, _ in query}
    if "_facet" in keys and "_nofacet" in keys:
        # A facet asked for on a search page whose links carry our _nofacet: the facet wins.
        return [(key, value) for key, value in query if key != "_nofacet"]
    searched = any(key == "_search" and value.strip() for key, value in query)
    if searched and not keys & {"_facet", "_nofacet"}:
        return query + [("_nofacet", "1")]
    return None


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def search_without_facets(scope, receive, send):
            if scope["type"] == "http":
                query = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True)
                rewritten = _rewrite(scope.get("path", ""), query)
                if rewritten is not None:
                    scope = dict(scope, query_string=urlencode(rewritten).encode("utf-8"))
            await app(scope, receive, send)

        return search_without_facets

    return wrap
