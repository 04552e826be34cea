"""A Datasette server on a free loopback port: for the load test, the benchmark and the tests.

One place to start `quotecat serve` (or any Datasette command line), wait until it
answers, and stop it, so every tool measures the site exactly as it is published.
"""

import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command(db_path: Path | str, port: int) -> list[str]:
    """`quotecat serve` as a user runs it, on ``port``."""
    return [str(Path(sys.executable).parent / "quotecat"), "serve", "--db", str(db_path), "--port", str(port)]


def start(args: list[str], port: int, log=None, timeout: float = 60, cwd=None) -> subprocess.Popen:
    """Start ``args`` (a server listening on ``port``) and return once it answers.

    ``log`` is a file for its output; without one its errors are kept for the
    message raised when it exits or does not answer in time.
    """
    process = subprocess.Popen(args, stdout=log or subprocess.DEVNULL,
                               stderr=subprocess.STDOUT if log else subprocess.PIPE,
                               start_new_session=True, cwd=cwd)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {_errors(process)}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2):
                return process
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"the server did not answer on port {port} within {timeout:.0f} s: {_errors(process)}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def running(args: list[str], port: int, **options):
    """``with running(serve_command(db, port), port) as url:`` -- stopped when the block ends."""
    process = start(args, port, **options)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def _errors(process: subprocess.Popen) -> str:
    if process.stderr is None or process.poll() is None:
        return "(see its log)"
    return process.stderr.read().decode("utf-8", "replace")[-2000:]
