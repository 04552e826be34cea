"""A public Datasette that cannot be abused: loopback by default, read-only, bounded SQL, escaped markup.

Everything runs through Datasette's internal client with the options ``quotecat serve``
uses (``datasette_options``), so what is tested is what is served.
"""

import asyncio
import json
import re
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote as urlquote

import pytest
from datasette.app import Datasette
from datasette.utils import tilde_encode

from quotecat.build import build
from quotecat.site import TEMPLATES as SITE_TEMPLATES
from quotecat.serve import datasette_args, datasette_options, DATASETTE_SETTINGS

TEMPLATES = SITE_TEMPLATES
LIMIT_S = DATASETTE_SETTINGS["sql_time_limit_ms"] / 1000

# --- where it listens, what it may do --------------------------------------------------


def test_serves_on_loopback_immutable_unless_told_otherwise(db_path):
    args = datasette_args(db_path)
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert args[args.index("-i") + 1] == str(db_path)
    assert str(db_path) not in [a for i, a in enumerate(args) if i and args[i - 1] != "-i"], "served mutable too"
    assert "--root" not in args and "--crossdb" not in args and "--load-extension" not in args
    options = datasette_options(db_path)
    assert options["immutables"] == [str(db_path)] and "files" not in options
    from quotecat.cli import serve
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


# A plugin whose name says it writes, uploads, edits, configures or runs code.
WRITING_PLUGINS = re.compile(
    r"datasette-(write|insert|upload|edit|configure|import|auth-tokens|graphql-mutations|"
    r"sqlite-sql|enrichments|shell|exec|remote-actions|update)|(^|[-_])(write|insert|upload)([-_]|$)"
)


async def test_no_plugin_that_writes_or_runs_code(ds):
    plugins = (await ds.client.get("/-/plugins.json?all=1")).json()
    names = [p["name"] for p in plugins]
    assert not [n for n in names if WRITING_PLUGINS.search(n)], names
    # No hook that lets a visitor change data: only our read-only hooks and Datasette's own.
    hooks = {h for p in plugins if not p["name"].startswith("datasette.") for h in p.get("hooks", [])}
    assert not hooks & {"register_commands", "actor_from_request", "permission_allowed",
                        "register_magic_parameters", "skip_csrf"}, hooks


async def test_databases_are_immutable(ds):
    databases = (await ds.client.get("/-/databases.json")).json()
    assert databases and all(not d["is_mutable"] for d in databases)


@pytest.mark.parametrize("sql", [
    "insert into articles (id, text, word_count) values ('x', 'x', 1)",
    "update articles set title = 'hacked'",
    "delete from quotes",
    "drop table quotes",
    "create table pwned (x)",
    "attach database '/tmp/pwned.db' as pwned",
    "pragma writable_schema = 1",
    "vacuum",
    "select load_extension('/tmp/pwned')",
    "select * from articles; drop table quotes",
    "with x as (select 1) delete from quotes",
    "replace into articles (id, text, word_count) values ('x', 'x', 1)",
])
async def test_writes_and_extensions_through_sql_are_refused(ds, db_path, sql):
    before = db_path.read_bytes()
    response = await ds.client.get("/quotes.json", params={"sql": sql})
    assert response.status_code >= 400 or not response.json().get("ok", True), (sql, response.text[:300])
    assert db_path.read_bytes() == before
    # ...and Datasette has no write endpoint.
    post = await ds.client.post("/quotes", data={"sql": sql})
    assert post.status_code in (403, 404, 405), post.status_code


# --- bounded SQL -----------------------------------------------------------------------

RUNAWAY = {
    "recursive CTE counting to 1e12":
        "with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000000) "
        "select count(*) from c",
    "huge cross join":
        "select count(*) from quotes a, quotes b, quotes c, quotes d, quotes e, quotes f, quotes g, articles h",
    "cross join of generated rows":
        "with recursive r(x) as (select 1 union all select x + 1 from r limit 100000) "
        "select count(*) from r a, r b",
}


@pytest.mark.parametrize("name", list(RUNAWAY))
async def test_runaway_query_is_stopped_while_other_requests_are_answered(ds, name):
    async def runaway():
        started = time.monotonic()
        # Asking for a longer limit is ignored: _timelimit can only lower it.
        response = await ds.client.get("/quotes.json", params={"sql": RUNAWAY[name], "_timelimit": 600_000})
        return response, time.monotonic() - started

    async def others():
        await asyncio.sleep(0.3)  # the runaway is running by now
        times = []
        while len(times) < 5:
            started = time.monotonic()
            response = await ds.client.get("/quotes/articles.json?_shape=array&_col=title")
            assert response.status_code == 200
            times.append(time.monotonic() - started)
        return times

    (response, took), times = await asyncio.gather(runaway(), others())
    assert response.status_code == 400, response.text[:300]
    error = response.json()["error"]
    assert "too long" in error and "sql_time_limit_ms" in error, error
    assert took < LIMIT_S + 3, f"{name} ran {took:.1f}s, the limit is {LIMIT_S}s"
    assert max(times) < LIMIT_S, f"other requests waited {max(times):.1f}s behind the runaway query"

    page = await ds.client.get("/quotes", params={"sql": RUNAWAY[name]})
    assert page.status_code == 400 and "too long" in page.text


async def test_returned_rows_are_capped(ds):
    cap = DATASETTE_SETTINGS["max_returned_rows"]
    sql = f"with recursive r(x) as (select 1 union all select x + 1 from r limit {cap * 5}) select x from r"
    response = await ds.client.get("/quotes.json", params={"sql": sql, "_shape": "objects", "_size": "max"})
    body = response.json()
    assert response.status_code == 200 and len(body["rows"]) == cap and body["truncated"] is True
    too_many = await ds.client.get(f"/quotes/quotes.json?_size={cap * 10}")
    assert too_many.status_code == 400 and f"<= {cap}" in too_many.json()["error"]
    capped = await ds.client.get("/quotes/quotes.json?_size=max")
    assert capped.status_code == 200 and len(capped.json()["rows"]) <= cap


# --- markup is always escaped -----------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
PAYLOAD = f"{SCRIPT} {BREAKOUT} {JS_URL}"
# Every table gets a row to write markup into: the Harbour Board is the organisations table's
# (an object like "at javascript:alert(1)" names no organisation).
HOSTILE_ARTICLE = f"""The Test Gazette
Mayor {SCRIPT} says {BREAKOUT} is fine

"{SCRIPT} will never run here," said Mayor Ana Ruiz, a spokeswoman for the {BREAKOUT} Party.

"Click {JS_URL} for the report," said John Smith, who works for <b onmouseover=alert(1)>Acme</b>.

According to officials at {JS_URL}, the bridge is unsafe, and '{BREAKOUT}' is not a name, they said.

"Nobody {SCRIPT} asked us," said a shop owner, who added: "{BREAKOUT}".

"{SCRIPT} changes nothing," said Tom Park of the Harbour Board.
"""
# Never in a page as markup: the payloads raw, or a script URL in a link or source.
RAW = [SCRIPT, "<img src=x", "<b onmouseover", '"><img']
SCRIPT_URL = re.compile(r"""(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:""", re.I)
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """quotes.db built from an article full of markup, with markup in every name column too."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "articles").mkdir()
    (folder / "articles" / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "articles" / "hostile-feed.json").write_text(
        '{"title": %s, "text": %s, "url": %s, "authors": [%s], "outlet": %s}' % tuple(
            json.dumps(v) for v in (
                f"JSON {PAYLOAD}", HOSTILE_ARTICLE.split("\n\n", 1)[1], JS_URL, f"Eve {SCRIPT}", f"Outlet {BREAKOUT}"
            )), encoding="utf-8")
    db_path = folder / "quotes.db"
    summary = build([folder / "articles"], db_path, warn=lambda m: None, jobs=1)
    assert summary.articles == 2 and summary.quotes > 0
    # Names the extractor would never produce, to be sure every column that is shown is escaped.
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("update speakers set name = name || ' ' || :p, description = :p, role = :p, title = :p",
                     {"p": PAYLOAD})
        conn.execute("update organizations set name = name || ' ' || :p", {"p": PAYLOAD})
        conn.execute("update articles set byline = :p, outlet = :p, url = :u", {"p": PAYLOAD, "u": JS_URL})
        conn.execute("update quotes set cue = cue || ' ' || :p, speaker_mention = :p, medium = :p", {"p": PAYLOAD})
    conn.close()
    return db_path


@pytest.fixture
def hostile(hostile_db):
    return Datasette(**datasette_options(hostile_db))


def unescaped(path, response) -> list[str]:
    """What in the page is markup from the data: raw payloads, javascript: links (with the template that rendered it)."""
    body = response.text
    template = re.search(r"<!-- Templates considered: (.*?) -->", body)
    where = f"{path} ({template.group(1) if template else 'no template comment'})"
    problems = [f"{where}: raw {raw!r}" for raw in RAW if raw in body]
    problems += [f"{where}: javascript: URL in a link: ...{body[max(0, m.start() - 60):m.end() + 20]!r}"
                 for m in SCRIPT_URL.finditer(body)]
    return problems


def template_pages(templates: Path, rows: dict[str, list[str]], queries: list[str]) -> dict[str, list[str]]:
    """{template file: pages it renders}, for every template in templates/ (added later ones too)."""
    pages: dict[str, list[str]] = {}
    for template in sorted(templates.rglob("*.html")) if templates.is_dir() else []:
        name = template.relative_to(templates).as_posix()
        stem = name[:-len(".html")]
        kind, _, rest = stem.lstrip("_").partition("-")
        table = rest.removeprefix("quotes-") if rest.startswith("quotes-") else None
        if name.startswith("pages/"):
            urls = ["/" + stem.removeprefix("pages/").removesuffix("/index")]
        elif stem == "index":
            urls = ["/"]
        elif kind == "database":
            urls = ["/quotes"]
        elif kind == "table":
            tables = [table] if table else list(rows)
            urls = [f"/quotes/{t}" for t in tables] + [f"/quotes/{t}?_search=script" for t in tables]
        elif kind == "row":
            tables = [table] if table else list(rows)
            urls = [f"/quotes/{t}/{tilde_encode(pk)}" for t in tables for pk in rows.get(t, [])]
        elif kind == "query":
            names = [table] if table else queries
            urls = [f"/quotes/{q}" for q in names] + ["/quotes?sql=" + urlquote(f"select '{PAYLOAD}' as x")]
        else:  # a partial or base template: rendered inside every page below
            urls = []
        pages[name] = urls
    return pages


async def test_markup_in_text_names_and_search_terms_is_escaped_on_every_page(hostile, hostile_db, metadata):
    conn = sqlite3.connect(hostile_db)
    rows = {t: [r[0] for r in conn.execute(f"select id from [{t}] order by id limit 5")]
            for t in ("articles", "speakers", "organizations", "quotes")}
    assert conn.execute("select count(*) from quotes where text like '%<script>%'").fetchone()[0] > 0
    conn.close()
    queries = list(metadata["databases"]["quotes"].get("queries", {}))
    search = {"_search": SCRIPT}
    pages = ["/", "/quotes", "/quotes/attributions", "/-/metadata", "/quotes/quotes?_facet=speaker_id&_facet=cue"]
    pages += [f"/quotes/{t}" for t in rows]
    pages += [f"/quotes/{t}/{tilde_encode(pk)}" for t, pks in rows.items() for pk in pks]
    pages += [f"/quotes/{t}?" + "&".join(f"{k}={urlquote(v)}" for k, v in search.items()) for t in ("quotes", "speakers")]
    pages += [f"/quotes/quotes?_search={urlquote(p)}" for p in (BREAKOUT, JS_URL, "script")]
    pages += [f"/quotes/quotes?speaker_id={urlquote(PAYLOAD)}", f"/quotes/quotes?_sort={urlquote(BREAKOUT)}",
              f"/quotes/quotes?cue__contains={urlquote(SCRIPT)}", f"/quotes/{urlquote(SCRIPT)}",
              "/quotes?sql=" + urlquote(f"select '{PAYLOAD}' as x, text from quotes")]
    for name in queries:
        sql = metadata["databases"]["quotes"]["queries"][name]["sql"]
        params = re.findall(r"(?<!:):(\w+)", sql)
        for value in (PAYLOAD, "script", BREAKOUT):
            pages.append(f"/quotes/{name}?" + "&".join(f"{p}={urlquote(value)}" for p in params))
    by_template = template_pages(TEMPLATES, rows, queries)
    for urls in by_template.values():
        pages += urls

    shown_escaped, problems = [], []
    for path in dict.fromkeys(pages):
        response = await hostile.client.get(path)
        # Datasette 0.65 answers an unknown _sort column with a 500 "Cannot sort table by ...".
        assert response.status_code in (200, 400, 404) or "Cannot sort table by" in response.text, (
            path, response.status_code)
        problems += unescaped(path, response)
        if ESCAPED in response.text:
            shown_escaped.append(path)
    assert problems == [], "\n".join(problems)
    # The payloads did reach the pages, escaped: on the tables, rows and the search results.
    for must in ["/quotes/quotes", "/quotes/speakers", "/quotes/articles", "/quotes/organizations"]:
        assert must in shown_escaped, must
    assert any("/quotes/quotes/" in p for p in shown_escaped)
    assert any(p.startswith(f"/quotes/{q}?") for q in queries for p in shown_escaped) or not queries
    for template, urls in by_template.items():
        for url in urls:
            response = await hostile.client.get(url)
            assert response.status_code in (200, 400, 404), (template, url)


# --- load ------------------------------------------------------------------------------


def test_bounded_load_test_serves_every_request(db_path):
    """A short run of scripts/loadtest: a few clients for 3 s, zero errors, figures printed."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.loadtest", "--seconds", "3", "--clients", "4", "--db", str(db_path)],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).parent.parent,  # benchmarks/ is not installed
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["errors"] == 0 and figures["requests"] > 20
    assert {"facet", "search", "sql", "row"} <= set(figures["by_kind"])
    assert "requests served" in result.stdout and "p95" in result.stdout
