"""A visitor's own SQL cannot take the site away from its readers.

Datasette 0.65 runs every query, a page's or a visitor's, on the same few threads
under one time limit, first come first served: eight clients sending queries that
run until the 3 s limit kept an article page waiting 33 s. So a request that brings
SQL of its own (``?sql=`` on the database page and its ``.json``/``.csv``, ``?_where=``
on a table) gets, from this middleware (``quotecat.serve.VISITOR_SQL``):

- a shorter time limit, ``time_limit_ms``, on every query the request runs (the
  visitor's own, and a ``_where`` page's count and facets): a context variable set
  here and read by ``Database.execute`` as a ``custom_time_limit``, the way Datasette's
  own ``?_timelimit=`` lowers (never raises) ``sql_time_limit_ms``. Not a rewritten
  ``_timelimit``: that would be copied into every link of the page;
- a turn: at most ``running`` such requests run at once, so they hold at most that
  many of the ``num_sql_threads`` and the others answer the pages and canned queries;
  up to ``waiting`` more wait in line, each for at most ``wait_s``; beyond that the
  answer is 503 Service Unavailable with ``Retry-After`` and a message saying why.
  Waiting in line costs a coroutine, not a thread, and a refused client has waited
  ``wait_s`` first, so a client that asks again at once cannot spin the server.
"""

import asyncio
import collections
import contextvars
import math
from urllib.parse import parse_qsl

from datasette import Response, hookimpl
from datasette.database import Database

from quotecat.serve import VISITOR_SQL

SQL_PARAMETERS = ("sql", "_where")  # what makes a request run SQL the visitor wrote
# The time limit of the request being answered, when it runs a visitor's SQL.
time_limit_ms: contextvars.ContextVar[int | None] = contextvars.ContextVar("visitor_sql_time_limit_ms", default=None)
_datasette_execute = Database.execute


def visitor_sql(query: list[tuple[str, str]]) -> bool:
    """Whether a request with this query string runs SQL a visitor wrote."""
    return any(key in SQL_PARAMETERS and value.strip() for key, value in query)


async def execute(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None,
                  log_sql_errors=True):
    """Datasette's ``Database.execute``, under the visitor's time limit when one is set."""
    limit = time_limit_ms.get()
    if limit is not None:
        custom_time_limit = min(custom_time_limit, limit) if custom_time_limit else limit
    return await _datasette_execute(self, sql, params, truncate=truncate, custom_time_limit=custom_time_limit,
                                    page_size=page_size, log_sql_errors=log_sql_errors)


class Turns:
    """At most ``running`` holders at once; up to ``waiting`` more in line, each for at most ``wait_s`` seconds."""

    def __init__(self, running: int, waiting: int, wait_s: float):
        self.free, self.waiting, self.wait_s = running, waiting, wait_s
        self.line: collections.deque[asyncio.Future] = collections.deque()

    async def take(self) -> bool:
        """True once it is this caller's turn (call ``give_back`` after), False if the line is full or too slow."""
        if self.free > 0 and not self.line:
            self.free -= 1
            return True
        if len(self.line) >= self.waiting:
            return False
        loop = asyncio.get_running_loop()
        turn = loop.create_future()
        self.line.append(turn)
        timer = loop.call_later(self.wait_s, lambda: turn.done() or turn.set_result(False))
        try:
            return await turn
        except asyncio.CancelledError:  # the client went away: a turn it was just handed goes to the next
            if turn.done() and not turn.cancelled() and turn.result():
                self.give_back()
            raise
        finally:
            timer.cancel()
            if turn in self.line:
                self.line.remove(turn)

    def give_back(self) -> None:
        while self.line:
            turn = self.line.popleft()
            if not turn.done():
                turn.set_result(True)  # straight to the next in line
                return
        self.free += 1


def busy_message(limits: dict) -> str:
    return (f"Too many SQL queries at once: this site runs at most {limits['running']} visitors' queries at a time, "
            f"and yours waited {limits['wait_s']:g} s without a turn. Try again in a few seconds; the pages, "
            "the table filters and the canned queries are not limited this way.")


async def busy(datasette, scope, send, limits: dict) -> None:
    """503 with Retry-After, as JSON, text or Datasette's error page, by what was asked for."""
    message, title = busy_message(limits), "Too many SQL queries at once"
    headers = {"Retry-After": str(max(1, math.ceil(limits["wait_s"])))}
    path = scope.get("path", "")
    if path.endswith(".json"):
        response = Response.json({"ok": False, "error": message, "status": 503, "title": title},
                                 status=503, headers=headers)
    elif path.endswith(".csv"):
        response = Response.text(message, status=503, headers=headers)
    else:
        template = datasette.jinja_env.select_template(["503.html", "error.html"])
        html = await template.render_async({
            "ok": False, "error": message, "status": 503, "title": title, "urls": datasette.urls,
            "app_css_hash": datasette.app_css_hash(), "menu_links": lambda: [],
        })
        response = Response.html(html, status=503, headers=headers)
    await response.asgi_send(send)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        limits = dict(VISITOR_SQL)
        turns = Turns(limits["running"], limits["waiting"], limits["wait_s"])

        async def limit_visitor_sql(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            query = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True)
            if not visitor_sql(query):
                return await app(scope, receive, send)
            if not await turns.take():
                return await busy(datasette, scope, send, limits)
            token = time_limit_ms.set(limits["time_limit_ms"])
            try:
                await app(scope, receive, send)
            finally:
                time_limit_ms.reset(token)
                turns.give_back()

        return limit_visitor_sql

    return wrap


@hookimpl
def startup(datasette):
    Database.execute = execute
