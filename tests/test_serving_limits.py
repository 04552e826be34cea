"""One visitor cannot stall the site or make it hold gigabytes; the database file is offered only when asked.

- a visitor's own SQL (``?sql=``, ``?_where=``) runs under a shorter time limit than the
  pages and canned queries, a few at a time; beyond that it waits briefly, then gets a 503;
- no query builds a value or returns rows past a size limit;
- ``/quotes.db`` (every article's text) is not downloadable unless ``--allow-download``.
"""

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from datasette import database as datasette_database
from datasette.app import Datasette
from datasette.utils import module_from_path

from quotecat import cli
from quotecat.site import PLUGINS
from quotecat.serve import DATASETTE_SETTINGS, RESULT_LIMITS, VISITOR_SQL, datasette_args, datasette_options

ROOT = Path(__file__).parent.parent
PAGE_LIMIT_MS = DATASETTE_SETTINGS["sql_time_limit_ms"]
VISITOR_LIMIT_MS = VISITOR_SQL["time_limit_ms"]
RUNAWAY = ("with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000000) "
           "select count(*) from c")


def plugin(name):
    """A plugin of the site's plugins folder, loaded as Datasette loads it."""
    return module_from_path(str(PLUGINS / f"{name}.py"), name=f"{name}.py")


# --- item 10: a shorter time limit for a visitor's own SQL ------------------------------


@pytest.fixture
def time_limits(monkeypatch):
    """The time limit (ms) of every query Datasette runs, as SQLite's progress handler is set for it."""
    seen = []
    original = datasette_database.sqlite_timelimit

    def recording(conn, ms):
        seen.append(ms)
        return original(conn, ms)

    monkeypatch.setattr(datasette_database, "sqlite_timelimit", recording)
    return seen


def test_a_visitor_has_less_time_than_the_pages():
    assert VISITOR_LIMIT_MS < PAGE_LIMIT_MS
    assert VISITOR_SQL["running"] < DATASETTE_SETTINGS["num_sql_threads"], "visitors' SQL could hold every thread"


@pytest.mark.parametrize("path, params, expected", [
    ("/quotes.json", {"sql": "select count(*) from quotes"}, VISITOR_LIMIT_MS),
    ("/quotes", {"sql": "select count(*) from quotes"}, VISITOR_LIMIT_MS),
    ("/quotes.csv", {"sql": "select id from quotes"}, VISITOR_LIMIT_MS),
    # Asking for more time is ignored; asking for less is kept.
    ("/quotes.json", {"sql": "select 1", "_timelimit": "600000"}, VISITOR_LIMIT_MS),
    ("/quotes.json", {"sql": "select 1", "_timelimit": "50"}, 50),
    # A table page with SQL of the visitor's own: its rows, count and facets all get the visitor's limit.
    ("/quotes/quotes.json", {"_where": "length(text) > 10"}, VISITOR_LIMIT_MS),
    ("/quotes/quotes", {"_where": "length(text) > 10", "_facet": "speaker_id"}, VISITOR_LIMIT_MS),
])
async def test_visitor_sql_runs_under_the_visitor_time_limit(ds, time_limits, path, params, expected):
    response = await ds.client.get(path, params=params)
    assert response.status_code == 200, response.text[:300]
    # Every query of the request (Datasette's own lookups too) within the visitor's limit; theirs at it.
    assert time_limits and max(time_limits) == VISITOR_LIMIT_MS and expected in time_limits, time_limits


@pytest.mark.parametrize("path", [
    "/quotes/quotes.json",
    "/quotes/quotes.json?type=direct&_facet=speaker_id",
    "/quotes/most_quoted_speakers.json",
    "/quotes/search.json?q=said",
])
async def test_pages_and_canned_queries_keep_the_longer_limit(ds, time_limits, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert PAGE_LIMIT_MS in time_limits, time_limits
    # ...and a visitor's request that came before does not leak its limit into them.
    await ds.client.get("/quotes.json", params={"sql": "select 1"})
    time_limits.clear()
    await ds.client.get(path)
    assert PAGE_LIMIT_MS in time_limits, time_limits


async def test_a_runaway_visitor_query_stops_at_the_visitor_limit(ds):
    started = time.monotonic()
    response = await ds.client.get("/quotes.json", params={"sql": RUNAWAY})
    took = time.monotonic() - started
    assert response.status_code == 400 and "too long" in response.json()["error"]
    assert took < PAGE_LIMIT_MS / 1000, f"stopped after {took:.1f} s: the pages' limit, not the visitor's"


# --- item 10: a few at a time -----------------------------------------------------------


async def test_eight_runaway_queries_at_once_do_not_hold_up_the_pages(ds):
    """Datasette alone runs them on 3 threads first come first served: every page waited behind them."""
    async def runaway():
        return await ds.client.get("/quotes.json", params={"sql": RUNAWAY})

    async def pages():
        await asyncio.sleep(0.3)  # the runaways hold every turn by now
        times = []
        for path in ["/quotes/articles.json?_shape=array&_col=title", "/quotes/quotes", "/quotes/quotes?_search=said"] * 2:
            started = time.monotonic()
            response = await ds.client.get(path)
            assert response.status_code == 200, path
            times.append(time.monotonic() - started)
        return times

    *answers, times = await asyncio.gather(*[runaway() for _ in range(8)], pages())
    assert {a.status_code for a in answers} <= {400, 503}
    assert max(times) < PAGE_LIMIT_MS / 1000, f"a page waited {max(times):.1f} s behind visitors' SQL"


@pytest.fixture
def one_at_a_time(db_path, monkeypatch):
    """Datasette as served, letting one visitor's query run and one more wait 0.2 s for its turn."""
    monkeypatch.setitem(VISITOR_SQL, "running", 1)
    monkeypatch.setitem(VISITOR_SQL, "waiting", 1)
    monkeypatch.setitem(VISITOR_SQL, "wait_s", 0.2)
    return Datasette(**datasette_options(db_path))


async def test_beyond_the_cap_a_visitor_waits_then_is_told_to_come_back(one_at_a_time):
    ds = one_at_a_time

    async def runaway(path="/quotes.json"):
        response = await ds.client.get(path, params={"sql": RUNAWAY})
        return response, time.monotonic()

    started = time.monotonic()
    first = asyncio.ensure_future(runaway())
    await asyncio.sleep(0.05)
    (waited, waited_at), (turned, turned_at), (html, _) = await asyncio.gather(
        runaway(), runaway(), runaway("/quotes"))
    page = await ds.client.get("/quotes/articles.json?_shape=array&_col=title")  # pages are not in the line
    (ran, _) = await first
    assert ran.status_code == 400 and "too long" in ran.json()["error"]
    busy = [r for r in (waited, turned, html) if r.status_code == 503]
    assert len(busy) == 3, [r.status_code for r in (waited, turned, html)]
    for response in busy:
        assert response.headers["retry-after"].isdigit()
    error = waited.json()["error"]
    assert error.startswith("Too many SQL queries at once") and "at most 1 " in error and "0.2 s" in error
    # One waited its 0.2 s in line; the line was full for the others, answered at once.
    assert min(waited_at, turned_at) - started < 0.15 and max(waited_at, turned_at) - started >= 0.2
    assert html.headers["content-type"].startswith("text/html") and "Too many SQL queries at once" in html.text
    assert page.status_code == 200
    # Once the running query is over, the next visitor runs.
    again = await ds.client.get("/quotes.json", params={"sql": "select 1 as x"})
    assert again.status_code == 200 and again.json()["rows"] == [[1]]


async def test_turns_are_handed_on_in_order_and_never_lost():
    turns = plugin("visitor_sql").Turns(running=1, waiting=2, wait_s=5)
    assert await turns.take()
    second, third = asyncio.ensure_future(turns.take()), asyncio.ensure_future(turns.take())
    await asyncio.sleep(0)
    assert not await turns.take(), "the line is full"
    turns.give_back()
    assert await second and not third.done()
    third.cancel()  # a client that goes away leaves the line
    await asyncio.sleep(0)
    turns.give_back()
    assert turns.free == 1 and not turns.line
    assert await turns.take()
    late = plugin("visitor_sql").Turns(running=1, waiting=1, wait_s=0.05)
    assert await late.take() and not await late.take(), "waiting longer than wait_s"


def test_load_test_runs_the_slow_clients_scenario(db_path):
    """scripts/loadtest --slow-clients: readers' pages and slow SQL at once, figures printed, no error."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.loadtest", "--seconds", "4", "--clients", "2", "--slow-clients", "4",
         "--db", str(db_path)],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["errors"] == 0 and figures["slow_clients"] == 4
    assert {"article", "table", "search", "slow"} <= set(figures["by_kind"])
    assert set(figures["by_kind"]["slow"]["statuses"]) <= {"400", "503"}
    assert all(set(figures["by_kind"][kind]["statuses"]) == {"200"} for kind in ("article", "table", "search"))
    assert "with 4 clients sending slow SQL" in result.stdout and "p95" in result.stdout


# --- item 11: bounded values and results ----------------------------------------------


TOO_LONG = {
    "printf": "select printf('%.*c', 300000000, 'x')",
    "format": "select format('%.*c', 300000000, 'x')",
    "printf width": "select printf('%300000000d', 1)",
    "zeroblob": "select zeroblob(300000000)",
    "concatenation": "select printf('%.*c', 3000000, 'x') || printf('%.*c', 3000000, 'x')",
    "group_concat": "with recursive r(i) as (select 1 union all select i + 1 from r limit 20000) "
                    "select group_concat(printf('%.*c', 500, 'x')) from r",
    "replace": "select replace(printf('%.*c', 100000, 'x'), 'x', printf('%.*c', 100, 'y'))",
}


@pytest.mark.parametrize("name", list(TOO_LONG))
async def test_a_query_cannot_build_a_value_past_the_limit(ds, name):
    started = time.monotonic()
    response = await ds.client.get("/quotes.json", params={"sql": TOO_LONG[name]})
    assert response.status_code == 400, (response.status_code, len(response.content))
    assert "string or blob too big" in response.json()["error"]
    assert len(response.content) < 10_000
    assert time.monotonic() - started < PAGE_LIMIT_MS / 1000, "refused only after building it"


async def test_a_value_past_the_limit_on_a_table_page_is_a_clear_400(ds):
    for path in ["/quotes/quotes.json", "/quotes/quotes"]:
        response = await ds.client.get(path, params={"_where": "length(zeroblob(300000000)) > 0"})
        assert response.status_code == 400, response.status_code
        assert "string or blob too big" in response.text and "5 MB" in response.text


MANY_ROWS = {  # 25 values of 4 MB, each under the value limit: 100 MB of rows
    "text": "with recursive r(i) as (select 1 union all select i + 1 from r limit 25) "
            "select printf('%.*c', 4000000, 'x') from r",
    "blobs": "with recursive r(i) as (select 1 union all select i + 1 from r limit 25) select zeroblob(4000000) from r",
    "columns": "select " + ", ".join(f"printf('%.*c', 4000000, 'x') as c{i}" for i in range(25)),
}


@pytest.mark.parametrize("name", list(MANY_ROWS))
async def test_a_query_cannot_return_more_than_the_result_limit(ds, name):
    assert RESULT_LIMITS["result_bytes"] < 25 * 4_000_000 and 4_000_000 < RESULT_LIMITS["value_bytes"]
    response = await ds.client.get("/quotes.json", params={"sql": MANY_ROWS[name]})
    assert response.status_code == 400, (response.status_code, len(response.content))
    error = response.json()["error"]
    assert "larger than 32 MB" in error and "fewer rows" in error, error
    # The same query, asking for less, is answered.
    fewer = await ds.client.get("/quotes.json", params={"sql": MANY_ROWS[name].replace("4000000", "4000"),
                                                        "_shape": "array"})
    assert fewer.status_code == 200 and len(fewer.json()) >= 1


@pytest.mark.parametrize("sql", [
    "select printf('%d|%5.2f|%-6s|%x|%q|%%|%c', 42, 3.14159, 'ab', 255, 'it''s', 'xyz')",
    "select printf('%s and %s', 'one')",
    "select printf(NULL), printf('%s', NULL), printf('plain')",
    "select format('%,d', 1234567), printf('%.3s', 'abcdef'), printf('%*d', 5, 7), printf('%.*c', 3, 'z')",
    "select printf('%s', x'00ff41')",
])
async def test_printf_formats_as_sqlite_does(ds, sql):
    plain = sqlite3.connect(":memory:")
    plain.text_factory = lambda b: str(b, "utf-8", "replace")
    expected = [list(plain.execute(sql).fetchone())]
    response = await ds.client.get("/quotes.json", params={"sql": sql})
    assert response.status_code == 200 and response.json()["rows"] == expected


async def test_every_stored_value_stays_readable(ds, db):
    longest = db.execute("select id, length(text) from articles order by length(text) desc limit 1").fetchone()
    response = await ds.client.get("/quotes.json", params={
        "sql": "select text from articles where id = :id", "id": longest[0], "_shape": "array"})
    assert response.status_code == 200 and len(response.json()[0]["text"]) == longest[1]
    everything = await ds.client.get("/quotes/quotes.json?_size=max")
    assert everything.status_code == 200 and everything.json()["rows"]


def server_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the server's RSS from /proc (Linux)")
def test_the_server_stays_small_when_asked_for_huge_values(db_path):
    """`quotecat serve` itself: 300 MB values and 100 MB of rows are refused, and its memory barely moves."""
    from benchmarks.server import free_port, serve_command, start, stop

    port = free_port()
    process = start(serve_command(db_path, port), port, cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{port}"
        urllib.request.urlopen(base + "/quotes/quotes", timeout=30).read()
        before = server_rss_mb(process.pid)
        statuses = []
        for sql in [TOO_LONG["printf"], TOO_LONG["format"], MANY_ROWS["text"], MANY_ROWS["blobs"]] * 2:
            try:
                with urllib.request.urlopen(base + "/quotes.json?" + urlencode({"sql": sql}), timeout=60) as r:
                    statuses.append((r.status, len(r.read())))
            except urllib.error.HTTPError as error:
                statuses.append((error.code, len(error.read())))
        grew = server_rss_mb(process.pid) - before
    finally:
        stop(process)
    assert all(status == 400 and size < 10_000 for status, size in statuses), statuses
    assert grew < 150, f"the server grew by {grew:.0f} MB"


# --- item 13: the database file ---------------------------------------------------------


async def test_the_database_file_is_not_offered_by_default(ds):
    response = await ds.client.get("/quotes.db")
    assert response.status_code == 403 and b"SQLite format 3" not in response.content
    page = await ds.client.get("/quotes")
    assert 'href="/quotes.db"' not in page.text
    # Nor the whole archive as one CSV stream; a page of CSV is still there.
    stream = await ds.client.get("/quotes/articles.csv?_stream=1&_size=max")
    assert stream.status_code == 400
    one_page = await ds.client.get("/quotes/articles.csv")
    assert one_page.status_code == 200 and one_page.text.startswith("id,")


async def test_the_database_file_is_offered_when_asked_for(db_path):
    ds = Datasette(**datasette_options(db_path, allow_download=True))
    response = await ds.client.get("/quotes.db")
    assert response.status_code == 200 and response.content == db_path.read_bytes()
    assert 'href="/quotes.db"' in (await ds.client.get("/quotes")).text
    stream = await ds.client.get("/quotes/articles.csv?_stream=1&_size=max")
    assert stream.status_code == 200


@pytest.mark.parametrize("flags, expected", [([], "off"), (["--no-download"], "off"), (["--allow-download"], "on")])
def test_serve_switch_for_the_database_file(db_path, monkeypatch, flags, expected):
    ran = []
    monkeypatch.setattr(os, "execvp", lambda file, args: ran.append(args))
    result = CliRunner().invoke(cli.cli, ["serve", "--db", str(db_path), *flags])
    assert result.exit_code == 0, result.output
    settings = {ran[0][i + 1]: ran[0][i + 2] for i, arg in enumerate(ran[0]) if arg == "--setting"}
    assert settings["allow_download"] == expected and settings["allow_csv_stream"] == expected
    assert datasette_args(db_path, allow_download=expected == "on") == ran[0]
