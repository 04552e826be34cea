"""Reading pages for quotes.db: article text with highlighted attributions, speaker and
organisation pages, the index page's counts and charts, highlighted search matches.

Loaded by Datasette from ``--plugins-dir plugins``. The templates under ``templates/``
call the ``quotecat_*`` functions this plugin adds to their context; every function
returns plain data plus ``Markup`` built here.

Safety rule for everything below: article text, names and descriptions are escaped with
``markupsafe.escape`` *before* any markup is put around them, and markup is only ever
put around escaped slices. Nothing from the database reaches the page unescaped.
"""

import json
import os
import re
from collections import Counter

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

DATABASE = "quotes"
TYPES = ("direct", "mixed", "indirect")  # strongest first: a span shared by types shows the strongest
LIMIT = 500  # rows listed on a speaker or organisation page before linking to the full table
# The index page's counts and charts scan every attribution (about 1 s at a million rows); an
# immutable database cannot change while served, so they are computed once per database file.
_INDEX_CACHE: dict[tuple, dict] = {}


# --- highlighting ----------------------------------------------------------------------


def _pieces(quote: dict) -> list[tuple[int, int]]:
    """The character ranges a quote covers: its fragments, or start..end."""
    if quote.get("fragments"):
        try:
            pieces = [(int(a), int(b)) for a, b in json.loads(quote["fragments"])]
            if pieces:
                return pieces
        except (ValueError, TypeError):
            pass
    return [(quote["start"], quote["end"])]


def _speaker(quote: dict) -> str:
    return quote.get("speaker_name") or "unknown source"


def _title(covering: list[dict]) -> str:
    """Hover text of a highlight: every speaker whose attribution covers it, with type and cue."""
    parts = []
    for q in covering:
        how = ", ".join(x for x in (q.get("type"), q.get("cue")) if x)
        parts.append(f"{_speaker(q)} ({how})" if how else _speaker(q))
    return "; ".join(dict.fromkeys(parts))


def highlight(text: str, quotes: list[dict], quote_url, speaker_url=None,
              start: int = 0, end: int | None = None, anchors: bool = True) -> Markup:
    """``text[start:end]`` as HTML with every attribution in ``quotes`` marked in place.

    Attributions may overlap (one claim with two sources, or two claims sharing words):
    the text is cut at every boundary, and each run is one ``<mark>`` naming every speaker
    whose attribution covers it, so marks never nest and the HTML stays well formed.
    ``quote_url(quote)`` gives the link of each highlight (the first covering attribution's
    row); ``speaker_url(quote)`` adds a speaker label after the attribution's last words.
    """
    end = len(text) if end is None else end
    spans = []  # (piece start, piece end, quote)
    for q in quotes:
        for a, b in _pieces(q):
            a, b = max(a, start), min(b, end)
            if a < b:
                spans.append((a, b, q))
    bounds = sorted({start, end} | {a for a, _, _ in spans} | {b for _, b, _ in spans})
    first_piece = {}
    last_piece = {}
    for a, b, q in spans:
        first_piece[q["id"]] = min(first_piece.get(q["id"], a), a)
        last_piece[q["id"]] = max(last_piece.get(q["id"], b), b)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        chunk = escape(text[a:b])
        covering = [q for sa, sb, q in spans if sa <= a and b <= sb]
        covering = list({q["id"]: q for q in covering}.values())
        if anchors:
            for q in quotes:
                if first_piece.get(q["id"]) == a:
                    out.append(Markup('<span class="q-anchor" id="{}"></span>').format(f"q-{q['id']}"))
        if not covering:
            out.append(chunk)
            continue
        types = {q["type"] for q in covering}
        kind = next((t for t in TYPES if t in types), "indirect")
        classes = f"q q-{kind}" + (" q-shared" if len(covering) > 1 else "")
        target = min(covering, key=lambda q: q["id"])
        out.append(Markup('<mark class="{}" title="{}" data-speakers="{}"><a href="{}">{}</a></mark>').format(
            classes, _title(covering), "; ".join(dict.fromkeys(_speaker(q) for q in covering)),
            quote_url(target), chunk,
        ))
        if speaker_url is not None:
            ending = [q for q in covering if last_piece[q["id"]] == b]
            for name, url in dict.fromkeys((_speaker(q), speaker_url(q)) for q in ending):
                if url:
                    out.append(Markup('<a class="q-who" href="{}">{}</a>').format(url, name))
                else:
                    out.append(Markup('<span class="q-who">{}</span>').format(name))
    return Markup("").join(out)


_TERM = re.compile(r"\w+", re.UNICODE)
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&#?\w+;)")


def mark_terms(value, query) -> Markup:
    """Escaped ``value`` with words starting with a search term wrapped in ``<mark>``.

    A prefix match stands in for FTS5's Porter stemmer ("protect" marks "protected").
    An HTML value (already escaped by Datasette) is marked only in its text, never inside
    a tag or an entity.
    """
    html = value if isinstance(value, Markup) else escape("" if value is None else value)
    terms = [t for t in _TERM.findall(query or "") if t.upper() not in ("AND", "OR", "NOT", "NEAR")]
    if not terms:
        return html
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    parts = _TAG_OR_ENTITY.split(str(html))
    for i in range(0, len(parts), 2):  # even items are text between tags and entities
        parts[i] = pattern.sub(lambda m: f'<mark class="q-match">{m.group()}</mark>', parts[i])
    return Markup("".join(parts))


def mark_snippet(value) -> Markup:
    """An FTS5 snippet with ``**word**`` markers as escaped HTML with ``<mark>``s."""
    html = str(escape(value))
    return Markup(re.sub(r"\*\*(.+?)\*\*", r'<mark class="q-match">\1</mark>', html))


# --- charts (server-side SVG: no script, no network) -----------------------------------


def bar_chart(rows: list[dict], title: str, series: list[tuple[str, str, str]],
              width: int = 640, bar: int = 18, label_width: int = 230) -> Markup:
    """A horizontal (stacked) bar chart as inline SVG.

    ``rows`` are dicts with ``label``, optional ``url`` and one count per series key;
    ``series`` is ``[(key, legend, css class), ...]``.
    """
    if not rows:
        return Markup("")
    gap, top = 6, 28
    total = [sum(r.get(key) or 0 for key, _, _ in series) for r in rows]
    most = max(total) or 1
    room = width - label_width - 50
    height = top + len(rows) * (bar + gap) + 4
    out = [Markup(
        '<svg class="q-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="{}" height="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>'
    ).format(title, width, height, width, height, title)]
    x = label_width
    for key, legend, css in series:  # legend along the top
        out.append(Markup('<rect class="{}" x="{}" y="6" width="12" height="12"></rect>'
                          '<text class="q-legend" x="{}" y="16">{}</text>').format(css, x, x + 16, legend))
        x += 24 + 7 * len(legend)
    for i, (r, n) in enumerate(zip(rows, total)):
        y = top + i * (bar + gap)
        label = r["label"] if len(r["label"]) <= 34 else r["label"][:33] + "…"
        text = Markup('<text class="q-label" x="{}" y="{}" text-anchor="end">{}<title>{}</title></text>').format(
            label_width - 8, y + bar - 5, label, r["label"])
        out.append(Markup('<a href="{}">{}</a>').format(r["url"], text) if r.get("url") else text)
        x = label_width
        for key, legend, css in series:
            value = r.get(key) or 0
            w = room * value / most
            if w:
                out.append(Markup('<rect class="{}" x="{:.1f}" y="{}" width="{:.1f}" height="{}">'
                                  '<title>{}: {} {}</title></rect>').format(
                    css, x, y, w, bar, r["label"], value, legend))
            x += w
        out.append(Markup('<text class="q-count" x="{:.1f}" y="{}">{}</text>').format(x + 4, y + bar - 5, n))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


# --- the data behind each page ---------------------------------------------------------


class Pages:
    """Queries for the custom pages; one instance per request, bound to the Datasette instance."""

    def __init__(self, datasette):
        self.ds = datasette
        self.db = datasette.get_database(DATABASE)

    # URLs, built with Datasette's own helpers so base_url and tilde-encoding are respected
    def row_url(self, table, pk):
        return self.ds.urls.row(DATABASE, table, tilde_encode(pk)) if pk else None

    def table_url(self, table, **args):
        url = self.ds.urls.table(DATABASE, table)
        if args:
            from urllib.parse import urlencode
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

    QUOTES = """
        select quotes.*, speakers.name as speaker_name, speakers.anonymous as speaker_anonymous,
          organizations.name as affiliation_name, articles.title as article_title
        from quotes
          join articles on articles.id = quotes.article_id
          left join speakers on speakers.id = quotes.speaker_id
          left join organizations on organizations.id = quotes.affiliation_id
    """

    def _links(self, quotes):
        for q in quotes:
            q["url"] = self.quote_url(q)
            q["speaker_url"] = self.speaker_url(q)
            q["affiliation_url"] = self.row_url("organizations", q.get("affiliation_id"))
            q["article_url"] = self.row_url("articles", q["article_id"])
            q["in_article_url"] = self.article_anchor(q)
            # The quote's own text with its pieces marked: an interruption ("she said") stays plain.
            shifted = [[a - q["start"], b - q["start"]] for a, b in _pieces(q)]
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
        orgs = await self.rows("""
            select organizations.id, organizations.name as label, count(*) as total,
              sum(quotes.anonymous = 0) as named, sum(quotes.anonymous = 1) as anonymous
            from quotes join organizations on organizations.id = quotes.affiliation_id
            group by organizations.id order by total desc, organizations.name limit 15
        """)
        for r in orgs:
            r["url"] = self.row_url("organizations", r["id"])
        articles = await self.rows("""
            select articles.id, articles.title, articles.outlet, articles.published,
              count(quotes.id) as total, coalesce(sum(quotes.anonymous = 0), 0) as named,
              coalesce(sum(quotes.anonymous = 1), 0) as anonymous
            from articles left join quotes on quotes.article_id = articles.id
            group by articles.id order by total desc, articles.title limit 15
        """)
        for r in articles:
            r["url"] = self.row_url("articles", r["id"])
            r["label"] = r["title"] or r["id"]
        speakers = await self.rows("""
            select speakers.id, speakers.name, speakers.anonymous, count(*) as total
            from quotes join speakers on speakers.id = quotes.speaker_id
            group by speakers.id order by total desc, speakers.name limit 10
        """)
        for r in speakers:
            r["url"] = self.row_url("speakers", r["id"])
        queries = [
            {"name": name, "title": q.get("title") or name, "description": q.get("description"),
             "url": self.ds.urls.database(DATABASE) + "/" + tilde_encode(name)}
            for name, q in (await self.ds.get_canned_queries(DATABASE, None)).items()
        ]
        named_series = [("named", "named sources", "bar-named"), ("anonymous", "anonymous sources", "bar-anonymous")]
        return {
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

    async def article(self, article_id):
        article = await self.one("select * from articles where id = :id", {"id": article_id})
        if article is None:
            return None
        quotes = self._links(await self.rows(self.QUOTES + " where quotes.article_id = :id order by quotes.start, quotes.id",
                                             {"id": article_id}))
        html = highlight(article["text"], quotes, self.quote_url, self.speaker_url)
        sources = {}
        for q in quotes:
            key = q["speaker_id"] or ""
            s = sources.setdefault(key, {
                "name": _speaker(q), "url": q["speaker_url"], "anonymous": q["anonymous"],
                "affiliation": q["affiliation_name"], "affiliation_url": q["affiliation_url"],
                "types": Counter(), "total": 0,
                "filter_url": self.table_url("quotes", article_id=article_id, speaker_id=key) if key else None,
            })
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
        quotes = self._links(await self.rows(
            self.QUOTES + " where quotes.speaker_id = :id order by quotes.article_id, quotes.start limit :limit",
            {"id": speaker_id, "limit": LIMIT}))
        return {
            "speaker": speaker,
            "quotes": quotes,
            "total": total,
            "types": Counter(q["type"] for q in quotes),
            "affiliations": Counter(q["affiliation_name"] for q in quotes if q["affiliation_name"]),
            "articles": len({q["article_id"] for q in quotes}),
            "quotes_url": self.table_url("quotes", speaker_id=speaker_id),
        }

    async def organization(self, organization_id):
        org = await self.one("select * from organizations where id = :id", {"id": organization_id})
        if org is None:
            return None
        speakers = await self.rows("""
            select speakers.id, speakers.name, speakers.anonymous, speakers.role, speakers.kind,
              (select count(*) from quotes where quotes.speaker_id = speakers.id and quotes.affiliation_id = :id) as total
            from speakers
            where speakers.affiliation_id = :id
               or speakers.id in (select speaker_id from quotes where affiliation_id = :id)
            order by total desc, speakers.name limit :limit""", {"id": organization_id, "limit": LIMIT})
        for s in speakers:
            s["url"] = self.row_url("speakers", s["id"])
        total = (await self.one("select count(*) as n from quotes where affiliation_id = :id", {"id": organization_id}))["n"]
        quotes = self._links(await self.rows(
            self.QUOTES + " where quotes.affiliation_id = :id order by quotes.article_id, quotes.start limit :limit",
            {"id": organization_id, "limit": LIMIT}))
        chart_rows = [{"label": s["name"], "url": s["url"], "total": s["total"]} for s in speakers if s["total"]][:15]
        return {
            "organization": org,
            "speakers": speakers,
            "quotes": quotes,
            "total": total,
            "anonymous": sum(q["anonymous"] for q in quotes),
            "chart": bar_chart(chart_rows, f"Attributions per source for {org['name']}",
                               [("total", "attributions", "bar-named")]),
            "quotes_url": self.table_url("quotes", affiliation_id=organization_id),
        }


# --- hooks -----------------------------------------------------------------------------


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
