"""``./scripts/bench``: extraction throughput, build cost at two sizes, Datasette latency on the larger database.

Prints one table, and as its last line one JSON object with every figure. Not a test:
the figures depend on the machine. The corpus is generated (benchmarks/corpus.py).
"""

import argparse
import json
import multiprocessing
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from quotecat import compiled
from quotecat.extract import extract
from quotecat.extract.text import parse
from quotecat.parallel import resolve_jobs
from quotecat.read import find_files, iter_articles
from quotecat.serve import datasette_args, inspect_path

from . import corpus
from .server import free_port, running

ROOT = Path(__file__).resolve().parent.parent


def _articles(path):
    return list(iter_articles([path]))


def _extract_texts(texts):
    return sum(len(extract(t)) for t in texts)


RUNS = 3


def throughput(sample: Path, jobs: int) -> dict:
    """Articles/s and MB/s of reading + extracting, on one core and on ``jobs``; and the floor: reading + sentence splitting.

    Each figure is the best of RUNS runs, as timeit reports: a pass over the sample
    takes about a second, and one busy moment elsewhere on the machine would decide it.
    """
    def timed(fn):
        best = None
        for _ in range(RUNS):
            start = time.perf_counter()
            value = fn()
            seconds = time.perf_counter() - start
            best = seconds if best is None else min(best, seconds)
        return best, value

    texts = [a.text for a in _articles(sample)]
    n, mb = len(texts), sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract(texts[0])  # warm caches
    floor_s, _ = timed(lambda: [parse(a.text) for a in _articles(sample)])
    one_s, found = timed(lambda: _extract_texts(a.text for a in _articles(sample)))

    def parallel():
        articles = _articles(sample)
        chunks = [[a.text for a in articles[i:i + 32]] for i in range(0, len(articles), 32)]
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return sum(pool.imap(_extract_texts, chunks))

    all_s, _ = timed(parallel)
    return {
        "articles": n, "mb": round(mb, 2), "attributions": found, "jobs": jobs,
        "attributions_per_kb": round(found / (mb * 1000), 2),  # news runs 3.3-3.8 (benchmarks/corpus.py)
        "floor_s": round(floor_s, 2), "floor_mb_s": round(mb / floor_s, 2),
        "one_core_s": round(one_s, 2), "one_core_articles_s": round(n / one_s), "one_core_mb_s": round(mb / one_s, 2),
        "all_cores_s": round(all_s, 2), "all_cores_articles_s": round(n / all_s), "all_cores_mb_s": round(mb / all_s, 2),
        "ratio_to_floor": round(one_s / floor_s, 1),
    }


_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "peak_rss_mb": usage.ru_maxrss / 1024, "returncode": done.returncode,
                  "stdout": done.stdout, "stderr": done.stderr[-2000:]}))
"""


def _input_bytes(source: Path) -> int:
    if source.is_file():
        return source.stat().st_size
    return sum(path.stat().st_size for path in find_files([source]))


def measure_build(source: Path, db_path: Path, jobs: int) -> dict:
    """Wall time and peak RSS (largest single process: the writer or a worker) of ``quotecat build`` in its own process."""
    for leftover in (db_path, inspect_path(db_path)):
        leftover.unlink(missing_ok=True)
    executable = Path(sys.executable).parent / "quotecat"
    cmd = [sys.executable, "-c", _MEASURE, str(executable), "build", str(source),
           "--db", str(db_path), "--jobs", str(jobs)]
    result = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout)
    if result["returncode"] != 0:
        raise SystemExit(f"build failed: {result['stderr']}")
    counts = re.search(r"(\d+) articles?, (\d+) attributions?", result["stdout"])
    return {
        "articles": int(counts.group(1)), "attributions": int(counts.group(2)),
        "seconds": round(result["seconds"], 1), "peak_rss_mb": round(result["peak_rss_mb"]),
        "db_mb": round(db_path.stat().st_size / 1e6, 1),
        "input_mb": round(_input_bytes(source) / 1e6, 2),
        "mb_s": round(_input_bytes(source) / 1e6 / result["seconds"], 2),
    }


def measure_clustering(db_path: Path, build_seconds: float) -> dict:
    """Seconds to find the repeated quotations of a built database again (quotecat.clusters), on a copy.

    The ratio to the build's own time, measured in the same run, carries over between machines.
    """
    import sqlite_utils

    from quotecat import clusters

    copy = db_path.with_name(db_path.stem + "-clusters.db")
    shutil.copy(db_path, copy)
    try:
        db = sqlite_utils.Database(copy)
        rows = db.execute(f"select count(*) from quotes where type in {clusters.TYPES}").fetchone()[0]
        start = time.perf_counter()
        found = clusters.cluster(db)
        seconds = time.perf_counter() - start
        clustered = db.execute("select count(*) from quotes where cluster_id is not null").fetchone()[0]
        db.close()
    finally:
        copy.unlink(missing_ok=True)
    return {"direct_and_mixed": rows, "clusters": found, "clustered_rows": clustered,
            "seconds": round(seconds, 1), "share_of_build": round(seconds / build_seconds, 3)}


def real_builds(source: Path, out: Path, jobs: int, rounds: int = RUNS) -> dict:
    """End to end, as a user runs it: ``quotecat build DIR`` of real articles with 1 job and with ``jobs``.

    The two are alternated, ``rounds`` times, and each figure is the fastest round: on a
    shared machine a busy moment elsewhere decides a single run.
    """
    runs: dict[int, list[dict]] = {1: [], jobs: []}
    for _ in range(rounds):
        for n in runs:
            runs[n].append(measure_build(source, out / f"real-{n}.db", n))
    return {str(n): min(results, key=lambda r: r["seconds"])
            | {"rounds": rounds, "peak_rss_mb_any_round": max(r["peak_rss_mb"] for r in results)}
            for n, results in runs.items()}


def database_side(source: Path, out: Path, rounds: int = 5) -> dict:
    """CPU seconds the build's writer spends putting the rows of ``source`` into the tables (batches, ids,
    the speakers and organisations fold) against one raw ``executemany`` a table of the same final rows,
    into the same schema. Best of ``rounds``; schema.finish (indexes, search, counts) is the same for both."""
    from quotecat import build as building
    from quotecat.schema import insert_sql

    files = find_files([source])
    results = building.file_rows([(path, path.name, 0) for path in files], None)
    articles = [a for r in results for a in r.articles]

    def writer(path: Path) -> tuple[float, float]:
        """(CPU seconds writing the rows, of which the fold at the end)."""
        db = building.new_database(path)
        writing = building._Writer(db, building.BuildSummary(), lambda message: None, None)
        start = time.process_time()
        for result in results:
            writing.add_file(result)
        writing.flush()
        written = time.process_time()
        writing.close()  # nothing left to flush: the fold
        end = time.process_time()
        db.close()
        return end - start, end - written

    def raw(path: Path, final: dict) -> float:
        db = building.new_database(path)
        tables = {
            "articles": [a.article for a in articles],
            "quotes": [q for a in articles for q in a.quotes],
            "_speaker_mentions": [m for a in articles for m in a.speakers],
            "_organization_mentions": [m for a in articles for m in a.organizations],
            **final,
        }
        start = time.process_time()
        with db.conn:
            for table, rows in tables.items():
                db.conn.executemany(insert_sql(table), rows)
        seconds = time.process_time() - start
        db.close()
        return seconds

    ours, theirs = [], []
    for n in range(rounds):
        mine, plain = out / f"writer-{n}.db", out / f"raw-{n}.db"
        for path in (mine, plain):
            path.unlink(missing_ok=True)
        ours.append(writer(mine))
        conn = sqlite3.connect(mine)
        final = {t: conn.execute(f"select * from [{t}] order by rowid").fetchall() for t in ("organizations", "speakers")}
        conn.close()
        theirs.append(raw(plain, final))
        for path in (mine, plain):
            path.unlink()
    best, fold = min(ours)[0], min(f for _, f in ours)
    return {"articles": len(articles), "writer_cpu_s": round(best, 3), "fold_cpu_s": round(fold, 3),
            "raw_executemany_cpu_s": round(min(theirs), 3), "ratio": round(best / min(theirs), 2),
            "ratio_without_fold": round((best - fold) / min(theirs), 2)}


def _get(url: str) -> tuple[float, str]:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        body = response.read().decode("utf-8", "replace")
    return (time.perf_counter() - start) * 1000, body


def pages(db_path: Path) -> dict[str, str]:
    """The pages the issue names, with real values from the database."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    top = conn.execute("select value from _facet_counts where table_name = 'quotes' and column_name = 'speaker_id' "
                       "order by count desc limit 1").fetchone()[0]
    article = conn.execute("select id from articles order by id limit 1 offset (select count(*) / 2 from articles)"
                           ).fetchone()[0]
    name = conn.execute("select name from speakers where id = ?", [top]).fetchone()[0]
    conn.close()
    q = urllib.parse.quote
    from datasette.utils import tilde_encode

    return {
        "quotes table, default facets": "/quotes/quotes",
        "facet by speaker": "/quotes/quotes?_facet=speaker_id",
        "filter top speaker + facets": f"/quotes/quotes?speaker_id={q(top)}",
        "search common word (jobs)": "/quotes/quotes?_search=jobs",
        "search rare word (ceasefire)": "/quotes/quotes?_search=ceasefire",
        "article page": f"/quotes/articles/{tilde_encode(article)}",
        "canned: attributions_by_speaker": f"/quotes/attributions_by_speaker?speaker={q(name.split()[-1])}&search=",
        "canned: anonymous_share_by_article": "/quotes/anonymous_share_by_article",
        "canned: organizations_ranked": "/quotes/organizations_ranked",
        "canned: search": "/quotes/search?q=ceasefire",
        "canned: most_quoted_speakers": "/quotes/most_quoted_speakers",
    }


def latency(db_path: Path, immutable: bool, requests: int, warmups: int = 3) -> dict:
    """p50/p95 ms per page from a real ``datasette`` server, sequential requests over loopback."""
    port = free_port()
    args = datasette_args(db_path, port=port)
    if not immutable:
        args[args.index("-i")] = "--nolock"  # the same file, mutable ("--nolock" only fills the slot)
        if "--inspect-file" in args:
            i = args.index("--inspect-file")
            del args[i:i + 2]
    with running(args, port, cwd=ROOT) as base:
        results = {}
        for label, path in pages(db_path).items():
            for _ in range(warmups):
                _, body = _get(base + path)
            times = sorted(_get(base + path)[0] for _ in range(requests))
            results[label] = {
                "p50_ms": round(statistics.median(times)),
                "p95_ms": round(times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]),
                "facets_timed_out": "These facets timed out" in body,
            }
        return results


def main(argv=None):
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000,
                        help="size of the larger corpus; the smaller is a tenth of it (default: 20000)")
    parser.add_argument("--sample", type=int, default=1_000, help="articles for the throughput figures")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page (after 3 warm-ups)")
    parser.add_argument("--jobs", type=int, default=0, help="processes (default: every core)")
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-output")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus and databases")
    parser.add_argument("--real", type=Path, metavar="DIR",
                        help="also measure extraction throughput, end-to-end builds and the database side on real "
                             "articles in DIR (not in the project)")
    parser.add_argument("--real-only", action="store_true",
                        help="with --real: only the real-article figures (no generated corpus, no Datasette)")
    options = parser.parse_args(argv)
    jobs = resolve_jobs(options.jobs or None)
    out = options.dir
    out.mkdir(parents=True, exist_ok=True)
    if options.real_only:
        if not options.real:
            parser.error("--real-only needs --real DIR")
        figures = real_figures(options.real, out, jobs)
        print(report_real(figures))
        print(json.dumps(figures))
        return
    large_n, small_n = options.articles, max(1, options.articles // 10)

    print(f"Generating {large_n:,} synthetic articles (benchmarks/corpus.py templates)...", file=sys.stderr)
    start = time.perf_counter()
    large = corpus.write_jsonl(out / f"corpus-{large_n}.jsonl", large_n)
    small, sample = out / f"corpus-{small_n}.jsonl", out / "sample.jsonl"
    with open(large, encoding="utf-8") as f, open(small, "w", encoding="utf-8") as s, \
            open(sample, "w", encoding="utf-8") as t:
        for i, line in enumerate(f):
            if i < small_n:
                s.write(line)
            if i < options.sample:
                t.write(line)
    generated = time.perf_counter() - start

    print("Measuring extraction throughput...", file=sys.stderr)
    speed = throughput(sample, jobs)
    real = real_figures(options.real, out, jobs) if options.real else None
    builds = {}
    for n, source in ((small_n, small), (large_n, large)):
        print(f"Building {n:,} articles...", file=sys.stderr)
        builds[n] = measure_build(source, out / f"quotes-{n}.db", jobs)
    print(f"Clustering the quotations of {large_n:,} articles again...", file=sys.stderr)
    clustering = measure_clustering(out / f"quotes-{large_n}.db", builds[large_n]["seconds"])
    growth = {
        "articles": round(large_n / small_n, 1),
        "seconds": round(builds[large_n]["seconds"] / builds[small_n]["seconds"], 2),
        "peak_rss": round(builds[large_n]["peak_rss_mb"] / builds[small_n]["peak_rss_mb"], 2),
        "db_size": round(builds[large_n]["db_mb"] / builds[small_n]["db_mb"], 2),
    }
    served_db = out / "quotes.db"  # datasette names the database after the file: metadata.json expects "quotes"
    shutil.copy(out / f"quotes-{large_n}.db", served_db)
    shutil.copy(inspect_path(out / f"quotes-{large_n}.db"), inspect_path(served_db))
    os.utime(served_db, ns=(os.stat(out / f"quotes-{large_n}.db").st_atime_ns,
                            os.stat(out / f"quotes-{large_n}.db").st_mtime_ns))
    print("Measuring Datasette latency (immutable + inspect counts)...", file=sys.stderr)
    immutable = latency(served_db, True, options.requests)
    print("Measuring Datasette latency (mutable, no counts)...", file=sys.stderr)
    mutable = latency(served_db, False, max(5, options.requests // 2))

    figures = {
        "machine": {"cpus": jobs, "python": sys.version.split()[0], "extractor": compiled.status()},
        "corpus": {"generator": "benchmarks/corpus.py templates", "seconds": round(generated, 1)},
        "throughput": speed,
        "throughput_real": real and real["throughput"],
        "real": real,
        "builds": {str(n): b for n, b in builds.items()},
        "growth": growth,
        "clustering": clustering,
        "datasette": {
            "database": f"built from the {large_n:,}-article synthetic corpus "
                        f"({builds[large_n]['attributions']:,} attributions), not a direct insert",
            "requests": options.requests,
            "immutable": immutable,
            "mutable": mutable,
        },
    }
    print(report(figures))
    if not options.keep:
        for path in out.glob("corpus-*.jsonl"):
            path.unlink()
    print(json.dumps(figures))


def real_figures(source: Path, out: Path, jobs: int) -> dict:
    print(f"Measuring on real articles in {source}...", file=sys.stderr)
    return {
        "source": str(source),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "throughput": {"source": str(source), **throughput(source, jobs)},
        "builds": real_builds(source, out, jobs),
        "database_side": database_side(source, out),
        "load_average_after": [round(x, 1) for x in os.getloadavg()],
    }


def _throughput_lines(name: str, t: dict) -> list[str]:
    return [
        f"Extraction, {name} ({t['articles']:,} articles, {t['mb']} MB of text, {t['attributions']:,} "
        f"attributions, {t['attributions_per_kb']} a KB)",
        f"  floor (read + split sentences, 1 core, best of {RUNS} runs as every figure here): {t['floor_mb_s']} MB/s",
        f"  1 core:  {t['one_core_articles_s']:,} articles/s  {t['one_core_mb_s']} MB/s  "
        f"({t['ratio_to_floor']}x the floor's time)",
        f"  {t['jobs']} cores: {t['all_cores_articles_s']:,} articles/s  {t['all_cores_mb_s']} MB/s",
    ]


def report_real(r: dict) -> str:
    lines = [f"Load average before / after: {r['load_average']} / {r['load_average_after']} (2 cores: above 2 is shared)"]
    lines += _throughput_lines(f"real, {r['source']}", r["throughput"])
    lines.append(f"Build end to end, real articles ({next(iter(r['builds'].values()))['input_mb']} MB of files), "
                 f"fastest of {next(iter(r['builds'].values()))['rounds']} alternated rounds:")
    for jobs, b in r["builds"].items():
        lines.append(f"  --jobs {jobs}: {b['seconds']} s  {b['mb_s']} MB/s  peak RSS {b['peak_rss_mb']} MB  "
                     f"({b['articles']:,} articles, {b['attributions']:,} attributions)")
    d = r["database_side"]
    lines.append(f"Database side, {d['articles']:,} articles: writer {d['writer_cpu_s']} s CPU, raw executemany "
                 f"{d['raw_executemany_cpu_s']} s: {d['ratio']}x (the fold, which raw inserts do not do, "
                 f"{d['fold_cpu_s']} s of it: {d['ratio_without_fold']}x without it)")
    return "\n".join(lines)


def report(f: dict) -> str:
    lines = [f"Extractor: {f['machine']['extractor']}"]
    lines += _throughput_lines("generated", f["throughput"])
    if f["real"]:
        lines += report_real(f["real"]).split("\n")
    lines += [
        "",
        "Build (own process, every core)   articles  attributions  seconds  peak RSS MB  DB MB",
    ]
    for n, b in f["builds"].items():
        lines.append(f"  {int(n):>30,}  {b['articles']:>8,}  {b['attributions']:>12,}  {b['seconds']:>7}  "
                     f"{b['peak_rss_mb']:>11}  {b['db_mb']:>5}")
    g = f["growth"]
    lines.append(f"  growth for {g['articles']}x the articles: time {g['seconds']}x, peak RSS {g['peak_rss']}x, "
                 f"size {g['db_size']}x")
    c = f["clustering"]
    lines.append(f"  repeated quotations (part of the build above): {c['clusters']:,} clusters of "
                 f"{c['clustered_rows']:,} of {c['direct_and_mixed']:,} direct and mixed rows in {c['seconds']} s, "
                 f"{100 * c['share_of_build']:.1f}% of the build's time")
    lines += ["", f"Datasette, {f['datasette']['database']}", f"  {'page':<36} {'immutable p50/p95 ms':>22} "
                                                               f"{'mutable p50/p95 ms':>20}"]
    for page, im in f["datasette"]["immutable"].items():
        mu = f["datasette"]["mutable"][page]
        flag = lambda r: " (facets timed out)" if r["facets_timed_out"] else ""  # noqa: E731
        lines.append(f"  {page:<36} {im['p50_ms']:>10} / {im['p95_ms']:<9}{flag(im)} "
                     f"{mu['p50_ms']:>8} / {mu['p95_ms']:<9}{flag(mu)}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
