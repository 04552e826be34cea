"""What the attribution page adds to the row: where else its words were said (``quotecat.clusters``)
and the corrections made to it by hand (``quotecat.corrections``)."""

from .pages import Pages

LIMIT = 50  # repetitions listed on the page before linking to all of them


async def also_said(pages: Pages, quote_id: str) -> dict | None:
    """The quotation's cluster and its rows in other articles, each with its speaker; None when it has none."""
    own = await pages.one("select article_id, cluster_id from quotes where id = :id", {"id": quote_id})
    if own is None or own["cluster_id"] is None:
        return None
    cluster = await pages.one("select * from quote_clusters where id = :id", {"id": own["cluster_id"]})
    rows = pages._links(await pages.rows(
        pages.QUOTES.replace("articles.title as article_title",
                             "articles.title as article_title, articles.outlet, articles.published")
        + " where quotes.cluster_id = :cluster and quotes.article_id != :article"
          " order by articles.published, quotes.article_id, quotes.id limit :limit",
        {"cluster": own["cluster_id"], "article": own["article_id"], "limit": LIMIT}), own_html=False)
    return {
        "cluster": cluster,
        "articles": cluster["articles"] - 1,
        "quotes": rows,
        "differently": bool(cluster["attributed_differently"]),
        "cluster_url": pages.row_url("quote_clusters", cluster["id"]),
        "all_url": pages.table_url("quotes", cluster_id=cluster["id"]),
    }


async def row_corrections(pages: Pages, quote_id: str) -> list[dict]:
    """The corrections from corrections.yaml that name this row (its speaker or organisation set by hand)."""
    rows = await pages.rows("select * from corrections where target = :id and kind != 'not_an_attribution' "
                            "order by id", {"id": quote_id})
    for row in rows:
        row["what"] = "speaker" if row["kind"] == "speaker" else "organisation"
    return rows
