"""Builds that are killed, and builds that run while Datasette serves the old database.

A build writes ``quotes.db.tmp-<pid>`` and renames it over ``quotes.db`` only when
complete. SIGKILL can come at any moment (the OOM killer, a closed laptop, a CI
timeout): the previous ``quotes.db`` must stay byte for byte as it was, and the next
build must succeed and clear the temporary files the killed one left.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from quotecat.serve import current_inspect_file
from benchmarks.server import free_port, serve_command, start

ROOT = Path(__file__).parent.parent
GOLD = sorted((ROOT / "tests" / "gold" / "articles").glob("*.txt"))
QUOTECAT = Path(sys.executable).parent / "quotecat"
# Kill points: seconds after the build starts; "finishing" is late in the build (indexes,
# VACUUM, counts), "renaming" the moment the counts file of the new database appears, just
# before or just after the rename that publishes it: either database may be there then,
# but only whole.
KILL_POINTS = [0.05, 0.3, 1.0, "finishing", "renaming"]


def write_corpus(folder: Path, copies: int) -> int:
    """``copies`` versions of every gold article, each a distinct file (and so a distinct article)."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for copy in range(copies):
        for path in GOLD:
            lines = path.read_text(encoding="utf-8").split("\n")
            lines[1] = f"{lines[1]} (edition {copy})"
            (folder / f"{path.stem}-{copy:04d}.txt").write_text("\n".join(lines), encoding="utf-8")
            n += 1
    return n


def start_build(corpus: Path, db_path: Path, *extra) -> subprocess.Popen:
    # A session of its own, so SIGKILL reaches the build and any worker processes it forked.
    return subprocess.Popen(
        [str(QUOTECAT), "build", str(corpus), "--db", str(db_path), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute("pragma integrity_check").fetchone()[0]
    finally:
        conn.close()


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    # Big enough that even the compiled extractor needs more than a second to build it.
    count = write_corpus(folder, copies=80)
    return folder, count


def test_sigkill_at_any_moment_leaves_the_previous_database(big_corpus, tmp_path):
    corpus, count = big_corpus
    small = tmp_path / "small"
    write_corpus(small, copies=1)
    db_path = tmp_path / "quotes.db"
    first = subprocess.run([str(QUOTECAT), "build", str(small), "--db", str(db_path)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = db_path.read_bytes()

    # How long a full build of the big corpus takes here, to place the late kill points.
    started = time.monotonic()
    timing = start_build(corpus, tmp_path / "timing.db")
    assert timing.wait(timeout=600) == 0, timing.stderr.read().decode()
    full = time.monotonic() - started
    complete = (tmp_path / "timing.db").read_bytes()  # builds are repeatable: what a finished build writes
    assert full > 1.0, f"the corpus builds in {full:.2f}s: too fast to kill in the middle"

    survived = []
    for point in KILL_POINTS:
        # A build can run faster than the timing build (a quieter machine): when it
        # finishes before the kill, nothing was tested, so try that point again.
        for attempt in range(4):
            process = start_build(corpus, db_path)
            started = time.monotonic()
            if point == "finishing":
                time.sleep(full * (0.85 - 0.15 * attempt))
            elif point == "renaming":
                while (process.poll() is None and not list(tmp_path.glob("quotes.db.inspect.json.tmp-*"))
                       and time.monotonic() - started < full * (0.97 - 0.1 * attempt)):
                    time.sleep(0.001)
            else:
                time.sleep(point)
            finished = process.poll() is not None
            kill(process)
            when = time.monotonic() - started
            if not finished:
                break
            db_path.write_bytes(before)  # a finished build replaced it: start again from the old one
        assert not finished, f"the build finished before the kill at {point}, {attempt + 1} times"
        after = db_path.read_bytes()
        if point == "renaming" and after == complete:
            # Killed just after the rename, the commit point: the new database is complete.
            # The counts file beside it is then either the new one or known to be stale.
            counts = current_inspect_file(db_path)
            assert counts is None or json.loads(counts.read_text())["quotes"]["tables"]["articles"]["count"] == count
            outcome = "new database, complete"
        else:
            assert after == before, f"quotes.db changed by a build killed at {point} ({when:.2f}s)"
            outcome = "previous database, unchanged"
        assert integrity(db_path) == "ok"
        survived.append((point, round(when, 2), outcome))
    assert len(survived) == len(KILL_POINTS)
    print(f"\nkills survived: {survived} (full build {full:.1f}s, {count} articles)")

    # The killed builds' temporary files are there until the next build clears them.
    result = subprocess.run([str(QUOTECAT), "build", str(corpus), "--db", str(db_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert f"{count} articles" in result.stdout
    assert integrity(db_path) == "ok"
    assert db_path.read_bytes() != before
    assert temporaries(tmp_path) == [], "temporary files of killed builds left behind"


def test_stale_temporaries_of_dead_builds_are_removed_live_ones_kept(tmp_path):
    small = tmp_path / "small"
    write_corpus(small, copies=1)
    db_path = tmp_path / "quotes.db"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = [tmp_path / f"quotes.db.tmp-{dead.pid}", tmp_path / f"quotes.db.tmp-{dead.pid}-journal",
             tmp_path / f"quotes.db.inspect.json.tmp-{dead.pid}"]
    live = tmp_path / f"quotes.db.tmp-{os.getpid()}"  # this process is alive: a build in progress
    for path in stale + [live]:
        path.write_bytes(b"partial")
    unrelated = tmp_path / "other.db.tmp-1"
    unrelated.write_bytes(b"not ours")
    result = subprocess.run([str(QUOTECAT), "build", str(small), "--db", str(db_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not any(p.exists() for p in stale)
    assert live.exists() and unrelated.exists()


# --- building while Datasette serves ----------------------------------------------------


def get(port: int, path: str):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.status, response.read()


def test_build_while_serving_does_not_disturb_readers_and_restart_serves_the_new_database(big_corpus, tmp_path):
    corpus, count = big_corpus
    small = tmp_path / "small"
    write_corpus(small, copies=1)
    db_path = tmp_path / "quotes.db"
    assert subprocess.run([str(QUOTECAT), "build", str(small), "--db", str(db_path)],
                          capture_output=True).returncode == 0
    port = free_port()
    server = start(serve_command(db_path, port), port)
    paths = ["/quotes/quotes.json?_facet=speaker_id&_size=5", "/quotes/articles.json?_col=title&_size=5",
             "/quotes.json?sql=select+count(*)+as+n+from+articles", "/quotes/quotes?_search=said",
             "/quotes/speakers", "/quotes"]
    statuses, errors = [], []
    stop = threading.Event()

    def reader():
        i = 0
        while not stop.is_set():
            try:
                status, _ = get(port, paths[i % len(paths)])
                statuses.append(status)
            except Exception as error:  # noqa: BLE001 - every failure is a finding
                errors.append(repr(error))
            i += 1

    threads = [threading.Thread(target=reader) for _ in range(3)]
    try:
        for thread in threads:
            thread.start()
        build = subprocess.run([str(QUOTECAT), "build", str(corpus), "--db", str(db_path)],
                               capture_output=True, text=True, timeout=600)
        time.sleep(0.5)  # some requests after the new file is in place, too
        stop.set()
        for thread in threads:
            thread.join()
        assert build.returncode == 0, build.stderr
        assert errors == []
        assert statuses and set(statuses) == {200}, sorted(set(statuses))
        print(f"\nrequests answered during the build: {len(statuses)}, all 200")
    finally:
        stop.set()
        kill(server)

    server = start(serve_command(db_path, port), port)
    try:
        status, body = get(port, "/quotes.json?sql=select+count(*)+as+n+from+articles&_shape=array")
        assert status == 200 and json.loads(body) == [{"n": count}]
        status, _ = get(port, "/quotes/quotes.json?_facet=speaker_id")
        assert status == 200
    finally:
        kill(server)


# --- SIGTERM and Ctrl-C: a clean stop ---------------------------------------------------


def alive_with(text: str) -> list[int]:
    """Processes whose command line holds ``text`` (a build and its workers share theirs)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.parametrize("signum,code,group", [
    (signal.SIGTERM, 143, False),  # `kill PID`, a supervisor stopping a service
    (signal.SIGINT, 130, False),
    (signal.SIGINT, 130, True),  # Ctrl-C in a terminal: the build and its workers
    (signal.SIGTERM, 143, True),
], ids=["SIGTERM", "SIGINT", "Ctrl-C", "SIGTERM to the group"])
def test_sigterm_and_sigint_stop_the_build_cleanly_and_remove_its_temporary_file(big_corpus, tmp_path, signum, code,
                                                                                  group):
    corpus, _ = big_corpus
    small = tmp_path / "small"
    write_corpus(small, copies=2)
    db_path = tmp_path / "quotes.db"
    assert subprocess.run([str(QUOTECAT), "build", str(small), "--db", str(db_path)]).returncode == 0
    before = db_path.read_bytes()

    process = start_build(corpus, db_path, "--jobs", "2")
    started = time.monotonic()
    while not list(tmp_path.glob("quotes.db.tmp-*")) and time.monotonic() - started < 60:
        time.sleep(0.01)
    time.sleep(0.3)  # extracting, workers running
    assert process.poll() is None, "the build finished before the signal"
    (os.killpg if group else os.kill)(process.pid, signum)
    try:
        _, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        kill(process)  # and its workers: a hung build must not outlive the test
        raise
    assert process.returncode == code, stderr.decode()
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert db_path.read_bytes() == before
    assert temporaries(tmp_path) == [] and not (tmp_path / "quotes.db.lock").exists()
    # Workers exit with the build; under a heavy load they can take a moment to be reaped.
    deadline = time.monotonic() + 5
    while alive_with(str(db_path)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert alive_with(str(db_path)) == [], "worker processes outlived the build by 5 s"


def test_two_builds_of_one_database_at_once_the_second_fails_clearly(big_corpus, tmp_path):
    corpus, count = big_corpus
    db_path = tmp_path / "quotes.db"
    first = start_build(corpus, db_path)
    started = time.monotonic()
    while not list(tmp_path.glob("quotes.db.tmp-*")) and time.monotonic() - started < 60:
        time.sleep(0.01)
    second = subprocess.run([str(QUOTECAT), "build", str(corpus), "--db", str(db_path)],
                            capture_output=True, text=True, timeout=600)
    stdout, stderr = first.communicate(timeout=600)
    assert first.returncode == 0, stderr.decode()
    assert second.returncode == 1
    assert f"another build (process {first.pid}) is writing {db_path}" in second.stderr
    assert f"{count} articles" in stdout.decode()
    assert integrity(db_path) == "ok"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quotes.db", "quotes.db.inspect.json"]


# --- the workers: one that dies never hangs the build ----------------------------------

# in_order on two workers. The first chunk is slow, so the other worker runs through the
# next ones and then waits for a task (holding the task pipe's lock): the moment a SIGTERM to
# the whole group hung a multiprocessing.Pool for good (its terminate() takes that lock).
WORKERS = """
import os, signal, sys, time
from pathlib import Path
from quotecat import parallel

marks, how, slow = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
stop = []
signal.signal(signal.SIGTERM, lambda signum, frame: stop.append(signum))

class Stopped(BaseException):
    pass

def check():
    if stop:
        raise Stopped

def work(chunk):
    (marks / f"{chunk[0]}-{os.getpid()}").touch()
    if chunk[0] == 0:
        time.sleep(slow)
    if how == "killed" and chunk[0] == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return chunk

try:
    for _ in parallel.in_order(work, ([n] for n in range(100)), 2, check):
        pass
except Stopped:
    sys.exit("interrupted")
except parallel.WorkerLost as error:
    sys.exit(f"lost: {error}")
"""


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for an init that may never reap it)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def start_workers(tmp_path: Path, how: str, slow: float) -> tuple[subprocess.Popen, Path]:
    script, marks = tmp_path / "workers.py", tmp_path / "marks"
    script.write_text(WORKERS, encoding="utf-8")
    marks.mkdir()
    process = subprocess.Popen([sys.executable, str(script), str(marks), how, str(slow)],
                               stderr=subprocess.PIPE, start_new_session=True)
    return process, marks


def wait_for_marks(marks: Path, count: int) -> None:
    deadline = time.monotonic() + 60
    while len(list(marks.iterdir())) < count:
        assert time.monotonic() < deadline, "the workers never got that far"
        time.sleep(0.01)


def worker_pids(marks: Path) -> set[int]:
    return {int(mark.name.split("-")[1]) for mark in marks.iterdir()}


def ends_within(process: subprocess.Popen, seconds: float) -> str:
    try:
        _, stderr = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        kill(process)  # and its workers: a hung run must not outlive the test
        raise
    return stderr.decode()


def test_sigterm_to_the_group_while_a_worker_waits_for_a_task_ends_the_work(tmp_path):
    process, marks = start_workers(tmp_path, "idle", slow=120)
    wait_for_marks(marks, 5)  # chunks 0 to 4 are out: the second worker has done 1 to 4
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGTERM)
    stderr = ends_within(process, 30)  # a multiprocessing.Pool hung here every time
    assert process.returncode == 1 and "interrupted" in stderr and "Traceback" not in stderr, stderr
    assert not any(running(pid) for pid in worker_pids(marks))


def test_a_worker_killed_alone_fails_the_work_with_a_message(tmp_path):
    process, marks = start_workers(tmp_path, "killed", slow=120)
    stderr = ends_within(process, 30)  # a multiprocessing.Pool waited forever for the lost chunk
    assert process.returncode == 1 and "lost: a worker process" in stderr and "ended by signal SIGKILL" in stderr
    assert not any(running(pid) for pid in worker_pids(marks))  # the other one, in its slow chunk, too


def test_workers_end_when_the_build_is_killed(tmp_path):
    process, marks = start_workers(tmp_path, "idle", slow=2)
    wait_for_marks(marks, 5)
    pids = worker_pids(marks)
    os.kill(process.pid, signal.SIGKILL)  # the build alone: its workers see their task pipe end
    process.communicate()
    deadline = time.monotonic() + 20  # the busy one ends with its chunk (2 s), the waiting one at once
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(running(pid) for pid in pids), "workers outlived the killed build"
