"""Replacing quotes.db safely: checks first, one build at a time, a temporary file, and clean-up on any exit.

A build writes ``quotes.db.tmp-<pid>`` beside ``quotes.db`` and renames it over the old
file only when it is complete, with Datasette's counts beside it. Before anything is
written the target is checked (not a folder, not a file that is no database, a folder
that can be written); ``quotes.db.lock`` keeps a second build from writing the same file
at the same time; SIGTERM and SIGHUP end a build the way Ctrl-C does, so the temporary
file is removed. Whatever goes wrong, the previous file is left as it was, and the
error says so in one sentence instead of a traceback.
"""

import contextlib
import errno
import glob
import json
import os
import re
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from .serve import inspect_data, inspect_path

try:
    import fcntl
except ImportError:  # Windows: no lock, the rest holds
    fcntl = None  # type: ignore[assignment]

SQLITE_HEADER = b"SQLite format 3\x00"


class BuildError(Exception):
    """A build that did not replace the database: the message says why, and that the old file was kept."""


class BuildInterrupted(BaseException):
    """SIGTERM or SIGHUP during a build. A BaseException, like KeyboardInterrupt, so no ``except Exception`` keeps the build going."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def kept(db_path: Path) -> str:
    """What the user still has: the words every error ends with."""
    return f"{db_path.name} left unchanged" if db_path.exists() else f"{db_path.name} not written"


def check_target(db_path: Path) -> None:
    """Refuse, before any work, a target that cannot be written or must not be replaced."""
    if db_path.is_dir():
        raise BuildError(f"{db_path} is a folder, not a database file: give the file name, e.g. {db_path / 'quotes.db'}")
    if db_path.exists() and not is_sqlite(db_path):
        raise BuildError(f"{db_path} exists and is not a SQLite database: not replacing it "
                         "(remove it, or write the database to another file)")
    folder = db_path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BuildError(f"cannot write {db_path}: {folder} is a file, not a folder") from None
    except OSError as error:
        raise BuildError(f"cannot create the folder {folder} for {db_path.name}: {error.strerror}") from None
    if not folder.is_dir():
        raise BuildError(f"cannot write {db_path}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BuildError(f"cannot write {db_path}: no permission to create files in {folder}")


def is_sqlite(path: Path) -> bool:
    """An empty file counts: SQLite opens it as an empty database, and nothing is lost by replacing it."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return head in (b"", SQLITE_HEADER)


def article_count(db_path: Path) -> int | None:
    """How many articles the database at ``db_path`` holds; None when there is none or it cannot be read."""
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            return conn.execute("select count(*) from articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def publish(db_path: Path, make: Callable[[Path], None]) -> None:
    """``make(tmp_path)`` writes the complete database at ``tmp_path``; then it replaces ``db_path``, or nothing does."""
    check_target(db_path)
    with _locked(db_path), _signals_interrupt():
        tmp_path = db_path.with_name(f"{db_path.name}.tmp-{os.getpid()}")
        counts_path = inspect_path(db_path)
        counts_tmp = counts_path.with_name(f"{counts_path.name}.tmp-{os.getpid()}")
        try:
            _remove(tmp_path)
            _remove_stale_temporaries(db_path)
            make(tmp_path)
            _fsync(tmp_path)
            counts_tmp.write_text(json.dumps(inspect_data(tmp_path, db_path), indent=2), encoding="utf-8")
            os.replace(tmp_path, db_path)
            os.replace(counts_tmp, counts_path)
        except (sqlite3.Error, OSError) as error:
            _remove(tmp_path)
            _remove(counts_tmp)
            raise BuildError(f"cannot write {db_path}: {_describe(error)}; {kept(db_path)}") from error
        except BaseException:
            _remove(tmp_path)
            _remove(counts_tmp)
            raise


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return "the disk is full"
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror or error}{where}"
    if "disk is full" in str(error):
        return "the disk is full"
    return str(error)


# --- one build at a time ---------------------------------------------------------------


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@contextlib.contextmanager
def _locked(db_path: Path) -> Iterator[None]:
    """Hold ``quotes.db.lock`` for the build; a second build fails at once, naming the first.

    An advisory ``flock``: the kernel releases it when the process ends, however it
    ends, so a killed build never leaves a lock that blocks the next one. The file is
    removed by the build that holds it; a build that opened it just before checks,
    once locked, that it still holds the file at that name.
    """
    if fcntl is None:
        yield
        return
    path = lock_path(db_path)
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise BuildError(f"cannot write {db_path}: {_describe(error)}; {kept(db_path)}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode("ascii", "replace").strip()
            os.close(fd)
            by = f" (process {holder})" if holder.isdigit() else ""
            raise BuildError(f"another build{by} is writing {db_path} now: wait for it to finish, "
                             f"or write to another file; {kept(db_path)}") from None
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)  # the build before removed the file as this one opened it: lock the new one
    try:
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        os.close(fd)


# --- signals ---------------------------------------------------------------------------

_ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class _Signals:
    """Where a build stands with signals: the one that came while stopping had to wait, if any."""

    def __init__(self):
        self.deferring = False
        self.pending: int | None = None

    def handle(self, signum, frame):
        # A second signal of the kind acts at once, as it would without this handler.
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)
        if self.deferring:
            self.pending = signum
            return
        raise _stop(signum)

    def check(self) -> None:
        if self.pending is not None:
            signum, self.pending = self.pending, None
            raise _stop(signum)


def _stop(signum: int) -> BaseException:
    return KeyboardInterrupt() if signum == signal.SIGINT else BuildInterrupted(signum)


_current: _Signals | None = None


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise BuildInterrupted, Ctrl-C KeyboardInterrupt, so the build unwinds and removes its
    temporary file.

    Without this SIGTERM would end the process where it stood and leave ``quotes.db.tmp-<pid>``
    for the next build to clear. Only the main thread can set handlers; elsewhere the
    signals keep their defaults.
    """
    global _current
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = _Signals()
    before = {signum: signal.signal(signum, signals.handle) for signum in _ENDING_SIGNALS}
    _current = signals
    try:
        yield
    finally:
        _current = None
        for signum, handler in before.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def signals_deferred() -> Iterator[Callable[[], None]]:
    """Within, a signal only marks the build to stop; the ``check()`` yielded stops it (raises) where it is called.

    For the worker pool: an exception raised inside its calls can leave it waiting forever,
    so ``parallel.in_order`` calls ``check`` between chunks and while it waits. Outside a
    build (no handler set) ``check`` does nothing.
    """
    signals = _current
    if signals is None:
        yield _no_check
        return
    signals.deferring = True
    try:
        yield signals.check
    finally:
        signals.deferring = False
    signals.check()


def _no_check() -> None:
    pass


# --- temporary files -------------------------------------------------------------------


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


_TMP_SUFFIX = re.compile(r"\.tmp-(\d+)(?:-journal)?$")


def _remove_stale_temporaries(db_path: Path) -> None:
    """Remove ``quotes.db.tmp-<pid>`` files (and counts files) left by builds that were killed.

    A file whose process is still running belongs to a build in progress and is left alone.
    """
    for name in (db_path.name, inspect_path(db_path).name):
        for leftover in db_path.parent.glob(f"{glob.escape(name)}.tmp-*"):
            match = _TMP_SUFFIX.search(leftover.name)
            if match and leftover.name[: match.start()] == name and not _running(int(match.group(1))):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
