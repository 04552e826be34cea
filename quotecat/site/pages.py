"""The data behind each reading page: the queries for the index, an article, an attribution, a speaker
and an organisation, with the links and highlighted HTML the templates show."""

import asyncio
import json
import os
from collections import Counter
from urllib.parse import urlencode

from datasette.utils import tilde_encode

from ..schema import ATTRIBUTION_JOINS
from . import DATABASE
from .charts import bar_chart, share_chart, timeline_chart
from .highlight import highlight, pieces, speaker_name
from .links import COUNT_FILTERS, ROLE_CLASSES, attributions_url

LIMIT = 500  # rows listed on a speaker or organisation page before linking to the full table
CHART_ROWS = 15  # outlets, and most recent months, drawn in each of the index page's charts
# The series of the index page's sourcing charts: (count column of the sourcing queries, legend, css class).
ANONYMITY = [("named", "named", "bar-named"), ("anonymous_attributions", "anonymous", "bar-anonymous")]
GENDER = [("women", "women", "bar-woman"), ("men", "men", "bar-man"), ("gender_unknown", "unknown", "bar-unknown")]
ROLES = [(role.replace(" ", "_"), role, "bar-" + role.replace(" ", "-")) for role in ROLE_CLASSES] + [
    ("role_unknown", "unknown", "bar-unknown")]
# A source's gender, type and role class as shown: "unknown" where the build has not worked it out.
UNKNOWN = "unknown"
# The index page's counts and charts read every table once; an immutable database cannot
# change while served, so they are computed once per database file.
_INDEX_CACHE: dict[tuple, dict] = {}


class Pages:
    """Queries for the custom pages; one instance per request, bound to the Datasette instance."""

    def __init__(self, datasette):
        self.ds = datasette
        self.db = datasette.get_database(DATABASE)
        self._row_urls: dict[tuple, str] = {}

    # URLs, built with Datasette's own helpers so base_url and tilde-encoding are respected
    def row_url(self, table, pk):
        if not pk:
            return None
        # Each once a page: an article's thousands of highlights link the same rows again and again.
        url = self._row_urls.get((table, pk))
        if url is None:
            url = self._row_urls[(table, pk)] = self.ds.urls.row(DATABASE, table, tilde_encode(pk))
        return url

    def table_url(self, table, **args):
        url = self.ds.urls.table(DATABASE, table)
        if args:
            url += "?" + urlencode(args)
        return url

    def quote_url(self, q):
        return self.row_url("quotes", q["id"])

    def speaker_url(self, q):
        return self.row_url("speakers", q.get("speaker_id"))

    def article_anchor(self, q):
        return f"{self.row_url('articles', q['article_id'])}#q-{q['id']}"

    async def rows(self, sql, params=None):
        return [dict(r) for r in (await self.db.execute(sql, params or {})).rows]

    async def one(self, sql, params=None):
        rows = await self.rows(sql, params)
        return rows[0] if rows else None

    QUOTES = f"""
        select quotes.*, speakers.name as speaker_name, speakers.anonymous as speaker_anonymous,
          organizations.name as affiliation_name, articles.title as article_title
        {ATTRIBUTION_JOINS}
    """

    def _links(self, quotes, own_html=True):
        """Each quote's links, and (``own_html``) its own text with its pieces marked, for the lists of quotes."""
        for q in quotes:
            q["url"] = self.quote_url(q)
            q["speaker_url"] = self.speaker_url(q)
            q["affiliation_url"] = self.row_url("organizations", q.get("affiliation_id"))
            q["article_url"] = self.row_url("articles", q["article_id"])
            q["in_article_url"] = self.article_anchor(q)
            if not own_html:
                continue
            # The quote's own text with its pieces marked: an interruption ("she said") stays plain.
            shifted = [[a - q["start"], b - q["start"]] for a, b in pieces(q)]
            own = dict(q, start=0, end=len(q["text"]), fragments=json.dumps(shifted))
            q["html"] = highlight(q["text"], [own], lambda _, url=q["url"]: url, anchors=False)
        return quotes

    async def index(self):
        try:
            stat = os.stat(self.db.path)
            key = (str(self.db.path), stat.st_mtime_ns, stat.st_size, self.ds.urls.instance())
        except (OSError, TypeError):  # in-memory database: nothing to key on
            key = None
        if key and not self.db.is_mutable and key in _INDEX_CACHE:
            return _INDEX_CACHE[key]
        page = await self._index()
        if key and not self.db.is_mutable:
            _INDEX_CACHE[key] = page
        return page

    async def _index(self):
        counts = await self.one("""
            select
              (select count(*) from articles) as articles,
              (select count(*) from quotes) as quotes,
              (select count(*) from speakers) as speakers,
              (select count(*) from organizations) as organizations,
              (select count(*) from quotes where anonymous = 1) as anonymous,
              (select count(*) from quotes where type = 'direct') as direct,
              (select count(*) from quotes where type = 'indirect') as indirect,
              (select count(*) from quotes where type = 'mixed') as mixed
        """)
        # The counts the build stored (schema.COUNT_COLUMNS), not a GROUP BY over every attribution.
        orgs = await self.rows("""
            select id, name as label, attributions as total,
              attributions - anonymous_attributions as named, anonymous_attributions as anonymous
            from organizations where attributions > 0
            order by attributions desc, name limit 15
        """)
        for r in orgs:
            r["url"] = self.row_url("organizations", r["id"])
        articles = await self.rows("""
            select id, title, outlet, published, attributions as total,
              attributions - anonymous_attributions as named, anonymous_attributions as anonymous
            from articles order by attributions desc, title, id limit 15
        """)
        for r in articles:
            r["url"] = self.row_url("articles", r["id"])
            r["label"] = r["title"] or r["id"]
        speakers = await self.rows("""
            select id, name, anonymous, attributions as total
            from speakers where attributions > 0
            order by attributions desc, name, id limit 10
        """)
        for r in speakers:
            r["url"] = self.row_url("speakers", r["id"])
        canned = await self.ds.get_canned_queries(DATABASE, None)
        queries = [
            {"name": name, "title": q.get("title") or name, "description": q.get("description"),
             "url": self.ds.urls.database(DATABASE) + "/" + tilde_encode(name)}
            for name, q in canned.items()
        ]
        named_series = [("named", "named sources", "bar-named"), ("anonymous", "anonymous sources", "bar-anonymous")]
        sourcing = {dimension: await self.sourcing(canned, dimension) for dimension in ("outlet", "month")}
        return {
            "sourcing": sourcing,
            "roles": ROLES,
            "counts": counts,
            "articles": articles,
            "speakers": speakers,
            "queries": queries,
            "org_chart": bar_chart(orgs, "Attributions per organisation", named_series),
            "article_chart": bar_chart(articles, "Named and anonymous sources per article", named_series),
            "urls": {
                "quotes": self.table_url("quotes"),
                "articles": self.table_url("articles"),
                "speakers": self.table_url("speakers"),
                "organizations": self.table_url("organizations"),
                "attributions": self.table_url("attributions"),
                "anonymous": self.table_url("quotes", anonymous=1),
                "direct": self.table_url("quotes", type="direct"),
                "database": self.ds.urls.database(DATABASE),
            },
        }

    async def sourcing(self, canned, dimension):
        """Who gets a voice per outlet or month: the rows of the sourcing_by_* canned query (its SQL is
        metadata.json's), with the link of each count, and the charts of anonymity, gender and role class."""
        name = f"sourcing_by_{dimension}"
        rows = await self.rows(canned[name]["sql"])
        for r in rows:
            group = {dimension: r[dimension]}
            r["label"] = r[dimension] or ("no outlet" if dimension == "outlet" else "no date")
            r["url"] = attributions_url(self.ds, group)
            r["named"] = r["attributions"] - r["anonymous_attributions"]
            r["urls"] = {column: attributions_url(self.ds, {**group, **filters})
                         for column, filters in COUNT_FILTERS.items() if column in r}
            r["urls"]["named"] = attributions_url(self.ds, {**group, "anonymous": "0"})
        if dimension == "outlet":
            drawn = rows[:CHART_ROWS]
        else:  # the most recent months, in order; undated articles last
            dated = [r for r in rows if r["month"]]
            drawn = dated[-CHART_ROWS:] + [r for r in rows if not r["month"]]
        return {
            "rows": rows,
            "shown": drawn,
            "url": self.ds.urls.database(DATABASE) + "/" + name,
            "csv_url": self.ds.urls.database(DATABASE) + "/" + name + ".csv",
            "anonymity": share_chart(drawn, f"Named and anonymous sources by {dimension}", ANONYMITY,
                                     share=("percent_anonymous", "anonymous")),
            "gender": share_chart(drawn, f"Women and men among named people by {dimension}", GENDER,
                                  share=("percent_women", "women")),
            "roles": share_chart(drawn, f"Officials, experts, citizens and other sources by {dimension}", ROLES),
        }

    async def article(self, article_id):
        article = await self.one("select * from articles where id = :id", {"id": article_id})
        if article is None:
            return None
        rows = await self.rows(self.QUOTES + " where quotes.article_id = :id order by quotes.start, quotes.id",
                               {"id": article_id})
        # Highlighting is CPU work that grows with the article (0.1 s at 1M characters and
        # 3,673 attributions): in a thread, so the event loop answers other requests meanwhile.
        return await asyncio.to_thread(self._article, article, rows)

    def _article(self, article, rows):
        article_id = article["id"]
        quotes = self._links(rows, own_html=False)  # the article's text shows them
        html = highlight(article["text"], quotes, self.quote_url, self.speaker_url)
        sources = {}
        for q in quotes:
            key = q["speaker_id"] or ""
            s = sources.get(key)
            if s is None:
                s = sources[key] = {
                    "name": speaker_name(q), "url": q["speaker_url"], "anonymous": q["anonymous"],
                    "affiliation": q["affiliation_name"], "affiliation_url": q["affiliation_url"],
                    "types": Counter(), "total": 0,
                    "filter_url": self.table_url("quotes", article_id=article_id, speaker_id=key) if key else None,
                }
            s["total"] += 1
            s["types"][q["type"]] += 1
            if not s["affiliation"] and q["affiliation_name"]:
                s["affiliation"], s["affiliation_url"] = q["affiliation_name"], q["affiliation_url"]
        types = Counter(q["type"] for q in quotes)
        return {
            "article": article,
            "html": html,
            "quotes": quotes,
            "sources": sorted(sources.values(), key=lambda s: (-s["total"], s["name"].lower())),
            "types": types,
            "anonymous": sum(q["anonymous"] for q in quotes),
            "quotes_url": self.table_url("quotes", article_id=article_id),
        }

    async def quote(self, quote_id):
        rows = self._links(await self.rows(self.QUOTES + " where quotes.id = :id", {"id": quote_id}))
        if not rows:
            return None
        q = rows[0]
        article = await self.one("select id, title, outlet, published, url, text from articles where id = :id",
                                 {"id": q["article_id"]})
        text = article["text"]
        # The paragraph(s) around the attribution: from the blank line before to the blank line after.
        before = text.rfind("\n\n", 0, q["start"])
        start = 0 if before < 0 else before + 2
        after = text.find("\n\n", q["end"])
        end = len(text) if after < 0 else after
        context = highlight(text, [q], self.quote_url, start=start, end=end, anchors=False)
        others = self._links(await self.rows(
            self.QUOTES + " where quotes.article_id = :a and quotes.start = :s and quotes.end = :e and quotes.id != :id"
            " order by quotes.id", {"a": q["article_id"], "s": q["start"], "e": q["end"], "id": q["id"]}))
        speaker = await self.one("select * from speakers where id = :id", {"id": q["speaker_id"]}) if q["speaker_id"] else None
        return {"quote": q, "article": article, "context": context, "others": others, "speaker": speaker}

    async def speaker(self, speaker_id):
        speaker = await self.one("""
            select speakers.*, organizations.name as affiliation_name, articles.title as article_title
            from speakers
              left join organizations on organizations.id = speakers.affiliation_id
              left join articles on articles.id = speakers.article_id
            where speakers.id = :id""", {"id": speaker_id})
        if speaker is None:
            return None
        speaker["affiliation_url"] = self.row_url("organizations", speaker["affiliation_id"])
        speaker["article_url"] = self.row_url("articles", speaker["article_id"])
        total = (await self.one("select count(*) as n from quotes where speaker_id = :id", {"id": speaker_id}))["n"]
        quotes = await asyncio.to_thread(self._links, await self.rows(
            self.QUOTES + " where quotes.speaker_id = :id order by quotes.article_id, quotes.start limit :limit",
            {"id": speaker_id, "limit": LIMIT}))
        for column in ("gender", "source_type", "role_class"):
            speaker[column] = speaker.get(column) or UNKNOWN
        mine = {"speaker_id": speaker_id}
        outlets = await self.rows("""
            select articles.outlet, count(*) as total from quotes join articles on articles.id = quotes.article_id
            where quotes.speaker_id = :id group by articles.outlet order by total desc, articles.outlet""",
                                  {"id": speaker_id})
        for o in outlets:
            o["url"] = attributions_url(self.ds, {**mine, "outlet": o["outlet"]})
        months = await self.rows("""
            select case when length(articles.published) >= 7 then substr(articles.published, 1, 7) end as month,
              count(*) as total
            from quotes join articles on articles.id = quotes.article_id
            where quotes.speaker_id = :id group by month order by month""", {"id": speaker_id})
        for m in months:
            m["url"] = attributions_url(self.ds, {**mine, "month": m["month"]})
        undated = next((m for m in months if m["month"] is None), None)
        return {
            "speaker": speaker,
            "quotes": quotes,
            "total": total,
            "types": Counter(q["type"] for q in quotes),
            "affiliations": Counter(q["affiliation_name"] for q in quotes if q["affiliation_name"]),
            "articles": len({q["article_id"] for q in quotes}),
            "outlets": outlets,
            "months": [m for m in months if m["month"]],
            "undated": undated,
            "timeline": timeline_chart(months, f"Attributions to {speaker['name']} per month"),
            "quotes_url": self.table_url("quotes", speaker_id=speaker_id),
            "attributions_url": attributions_url(self.ds, mine),
            "csv_url": self.csv_url(mine),
        }

    def csv_url(self, filters):
        """CSV of the attributions view filtered by ``filters``: a page of up to max_returned_rows rows."""
        url = attributions_url(self.ds, {**filters, "_size": "max"})
        path, _, query = url.partition("?")
        return f"{path}.csv?{query}"

    async def organization(self, organization_id):
        org = await self.one("select * from organizations where id = :id", {"id": organization_id})
        if org is None:
            return None
        speakers = await self.rows("""
            select speakers.id, speakers.name, speakers.anonymous, speakers.role, speakers.kind,
              speakers.gender, speakers.source_type, speakers.role_class,
              (select count(*) from quotes where quotes.speaker_id = speakers.id and quotes.affiliation_id = :id) as total
            from speakers
            where speakers.affiliation_id = :id
               or speakers.id in (select speaker_id from quotes where affiliation_id = :id)
            order by total desc, speakers.name limit :limit""", {"id": organization_id, "limit": LIMIT})
        for s in speakers:
            s["url"] = self.row_url("speakers", s["id"])
        total = (await self.one("select count(*) as n from quotes where affiliation_id = :id", {"id": organization_id}))["n"]
        quotes = await asyncio.to_thread(self._links, await self.rows(
            self.QUOTES + " where quotes.affiliation_id = :id order by quotes.article_id, quotes.start limit :limit",
            {"id": organization_id, "limit": LIMIT}))
        chart_rows = [{"label": s["name"], "url": s["url"], "total": s["total"]} for s in speakers if s["total"]][:15]
        for s in speakers:
            for column in ("gender", "source_type", "role_class"):
                s[column] = s.get(column) or UNKNOWN
        # Its speakers by kind of source and gender: attributions under its name (and distinct speakers).
        mine = {"affiliation_id": organization_id}
        kinds = await self.rows("""
            select coalesce(quotes.source_type, speakers.source_type, 'unknown') as source_type,
              coalesce(speakers.gender, 'unknown') as gender,
              count(*) as total, count(distinct quotes.speaker_id) as speakers
            from quotes left join speakers on speakers.id = quotes.speaker_id
            where quotes.affiliation_id = :id
            group by 1, 2 order by 1, 2""", {"id": organization_id})
        by_kind: dict[str, dict] = {}
        for k in kinds:
            row = by_kind.setdefault(k["source_type"], {
                "label": k["source_type"], "total": 0, "speakers": 0, "cells": {},
                "url": attributions_url(self.ds, {**mine, "source_type": k["source_type"]})})
            row["total"] += k["total"]
            row["speakers"] += k["speakers"]
            row["cells"][k["gender"]] = dict(k, url=attributions_url(
                self.ds, {**mine, "source_type": k["source_type"], "gender": k["gender"]}))
        for row in by_kind.values():
            for gender, key in (("woman", "women"), ("man", "men"), ("unknown", "gender_unknown")):
                row[key] = row["cells"].get(gender, {}).get("total", 0)
            row["urls"] = {key: row["cells"][gender]["url"] for gender, key in
                           (("woman", "women"), ("man", "men"), ("unknown", "gender_unknown")) if gender in row["cells"]}
        kind_rows = sorted(by_kind.values(), key=lambda r: (-r["total"], r["label"]))
        return {
            "kinds": kind_rows,
            "kind_chart": share_chart(kind_rows, f"Attributions for {org['name']} by kind of source and gender",
                                      GENDER),
            "attributions_url": attributions_url(self.ds, mine),
            "csv_url": self.csv_url(mine),
            "organization": org,
            "speakers": speakers,
            "quotes": quotes,
            "total": total,
            "anonymous": sum(q["anonymous"] for q in quotes),
            "chart": bar_chart(chart_rows, f"Attributions per source for {org['name']}",
                               [("total", "attributions", "bar-named")]),
            "quotes_url": self.table_url("quotes", affiliation_id=organization_id),
        }
