"""A bounded load test of the served catalogue, on loopback only.

Starts ``quotecat serve`` on a free 127.0.0.1 port, runs ``clients`` concurrent
clients for ``seconds`` mixing facet, search, SQL, row and canned-query requests,
then prints requests served, errors and latency percentiles, and one JSON line.
Exits non-zero if any request failed. Run it as ``scripts/loadtest``.

``--slow-clients N`` is the hostile scenario: N more clients send, back to back, the
slowest SQL a visitor may run (``SLOW_QUERIES``: each runs until the time limit stops
it), while the ``clients`` ask only for the pages a reader opens (an article, the
quotes table, a search), whose latency is what is reported. The slow clients'
answers (stopped at the time limit, or turned away while the site is busy) are
counted by status, not as errors.
"""

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

from datasette.utils import tilde_encode

from .server import free_port, running, serve_command

ROOT = Path(__file__).resolve().parent.parent


def request_mix(db_path: Path, seed: int = 0) -> list[tuple[str, str]]:
    """(kind, path) requests drawn from what the database holds."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        words = sorted({w for (text,) in conn.execute("select text from quotes limit 500")
                        for w in text.split() if w.isalpha() and len(w) > 4}) or ["said"]
        quote_ids = [r[0] for r in conn.execute("select id from quotes order by id limit 200")]
        speaker_ids = [r[0] for r in conn.execute("select id from speakers order by id limit 200")]
        article_ids = [r[0] for r in conn.execute("select id from articles order by id limit 50")]
    finally:
        conn.close()
    rng = random.Random(seed)
    mix = []
    for _ in range(400):
        word = rng.choice(words)
        mix += [
            ("facet", "/quotes/quotes.json?_facet=speaker_id&_facet=type&_size=10"),
            ("facet", "/quotes/quotes?_facet=affiliation_id&type=direct"),
            ("search", "/quotes/quotes.json?" + urlencode({"_search": word, "_size": 20})),
            ("search", "/quotes/search?" + urlencode({"q": word})),
            ("sql", "/quotes.json?" + urlencode({"sql": "select speaker_id, count(*) as n from quotes "
                                                        "group by speaker_id order by n desc limit 10"})),
            ("sql", "/quotes.json?" + urlencode({"sql": "select count(*) from quotes where text like :w",
                                                 "w": f"%{word}%"})),
        ]
        if quote_ids:
            mix.append(("row", f"/quotes/quotes/{quote(tilde_encode(rng.choice(quote_ids)))}"))
        if speaker_ids:
            mix.append(("row", f"/quotes/speakers/{quote(tilde_encode(rng.choice(speaker_ids)))}"))
        if article_ids:
            mix.append(("row", f"/quotes/articles/{quote(tilde_encode(rng.choice(article_ids)))}.json"))
    rng.shuffle(mix)
    return mix


# The slowest SQL a visitor may send: nothing but the time limit ends them, whatever the database.
SLOW_QUERIES = [
    "with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000000) select count(*) from c",
    "with recursive r(x) as (select 1 union all select x + 1 from r limit 100000) select count(*) from r a, r b",
]


def reader_mix(db_path: Path, seed: int = 0) -> list[tuple[str, str]]:
    """(kind, path) of the pages a reader opens: an article, the quotes table, a search of it."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        words = sorted({w for (text,) in conn.execute("select text from quotes limit 500")
                        for w in text.split() if w.isalpha() and len(w) > 4}) or ["said"]
        article_ids = [r[0] for r in conn.execute("select id from articles order by id limit 50")]
    finally:
        conn.close()
    rng = random.Random(seed)
    mix = []
    for _ in range(200):
        mix += [
            ("article", f"/quotes/articles/{quote(tilde_encode(rng.choice(article_ids)))}"),
            ("table", "/quotes/quotes"),
            ("search", "/quotes/quotes?" + urlencode({"_search": rng.choice(words)})),
        ]
    rng.shuffle(mix)
    return mix


def slow_mix() -> list[tuple[str, str]]:
    return [("slow", "/quotes.json?" + urlencode({"sql": sql})) for sql in SLOW_QUERIES]


def run(db_path: Path, seconds: float, clients: int, port: int | None = None, slow_clients: int | None = None) -> dict:
    """The figures of one run; ``slow_clients`` (0 too: the baseline) makes it the hostile scenario."""
    port = port or free_port()
    # `quotecat serve` exactly as published, but on a free loopback port.
    with running(serve_command(db_path, port), port):
        mix = request_mix(db_path) if slow_clients is None else reader_mix(db_path)
        latencies: dict[str, list[float]] = {}
        statuses: dict[str, dict[str, int]] = {}  # kind -> status -> requests
        errors: list[str] = []
        lock = threading.Lock()
        deadline = time.monotonic() + seconds

        def client(number: int, mix: list[tuple[str, str]], expected: tuple[int, ...]):
            i = number * 37
            while time.monotonic() < deadline:
                kind, path = mix[i % len(mix)]
                i += 1
                started = time.monotonic()
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as response:
                        response.read()
                        status = response.status
                except urllib.error.HTTPError as error:  # 4xx / 5xx: the body was answered
                    error.read()
                    status = error.code
                except (urllib.error.URLError, OSError) as error:
                    status = f"{type(error).__name__}: {error}"
                took = time.monotonic() - started
                with lock:
                    latencies.setdefault(kind, []).append(took)
                    counts = statuses.setdefault(kind, {})
                    counts[str(status)] = counts.get(str(status), 0) + 1
                    if status not in expected:
                        errors.append(f"{status} {path}")

        # A hostile client takes the time limit (400) or a "busy" (503) for an answer, and asks again at once.
        threads = [threading.Thread(target=client, args=(n, mix, (200,))) for n in range(clients)]
        threads += [threading.Thread(target=client, args=(n, slow_mix(), (400, 503))) for n in range(slow_clients or 0)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    every = sorted(t for kind, times in latencies.items() if kind != "slow" for t in times)
    return {
        "seconds": round(elapsed, 2),
        "clients": clients,
        "slow_clients": slow_clients,
        "requests": len(every),
        "requests_per_second": round(len(every) / elapsed, 1) if elapsed else 0,
        "errors": len(errors),
        "p50_ms": round(percentile(every, 50) * 1000, 1),
        "p95_ms": round(percentile(every, 95) * 1000, 1),
        "max_ms": round((every[-1] if every else 0) * 1000, 1),
        "by_kind": {kind: {"requests": len(times),
                           "p50_ms": round(percentile(sorted(times), 50) * 1000, 1),
                           "p95_ms": round(percentile(sorted(times), 95) * 1000, 1),
                           "max_ms": round(max(times) * 1000, 1),
                           "statuses": statuses.get(kind, {})}
                    for kind, times in sorted(latencies.items())},
        "first_errors": errors[:5],
    }


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    index = min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))
    return values[index]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--slow-clients", type=int, metavar="N",
                        help="N more clients sending the slowest allowed SQL back to back while the others read "
                             "articles, the quotes table and searches (0: the same pages, no slow SQL)")
    parser.add_argument("--db", type=Path, help="database to serve (default: build one from articles/)")
    parser.add_argument("--articles", type=Path, default=ROOT / "articles")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db
        if db_path is None:
            from quotecat.build import build

            db_path = Path(tmp) / "quotes.db"
            build([args.articles], db_path, warn=lambda message: None)
        result = run(db_path, args.seconds, args.clients, slow_clients=args.slow_clients)
    slow = "" if result["slow_clients"] is None else f", reading pages, with {result['slow_clients']} clients sending slow SQL"
    print(f"load test: {result['clients']} clients for {result['seconds']}s on 127.0.0.1{slow}")
    print(f"requests served (slow SQL apart): {result['requests']} ({result['requests_per_second']}/s)")
    print(f"errors: {result['errors']}")
    print(f"latency: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms")
    for kind, figures in result["by_kind"].items():
        answers = ", ".join(f"{status}: {n}" for status, n in sorted(figures["statuses"].items()))
        print(f"  {kind:7s} {figures['requests']:6d} requests, p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
              f"max {figures['max_ms']} ms ({answers})")
    for error in result["first_errors"]:
        print(f"  error: {error}")
    print(json.dumps(result))
    return 1 if result["errors"] or not result["requests"] else 0


if __name__ == "__main__":
    sys.exit(main())
