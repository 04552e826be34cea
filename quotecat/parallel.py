"""Work on every core: chunks of tasks go to worker processes and their results come back in input order.

The results never depend on the number of processes: they are taken back in the order
the chunks were sent, and at most ``_IN_FLIGHT_PER_JOB`` chunks per worker are out at a
time, so memory stays flat whatever the size of the batch.
"""

import contextlib
import itertools
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterator

# Per chunk sent to a worker: enough tasks (files or articles) to make the round trip cheap,
# little enough input (bytes of a file, characters of an article) to keep memory flat.
_CHUNK_ARTICLES = 32
_CHUNK_CHARS = 256_000
# Chunks in flight per worker process: keeps every core busy while bounding memory.
_IN_FLIGHT_PER_JOB = 2


def resolve_jobs(jobs: int | None) -> int:
    """``None`` or 0 means every core this process may use."""
    if jobs:
        return max(1, jobs)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def in_chunks(tasks, size):
    """Tasks in chunks of at most _CHUNK_ARTICLES tasks or _CHUNK_CHARS of ``size(task)``."""
    chunk, chars = [], 0
    for task in tasks:
        chunk.append(task)
        chars += size(task)
        if len(chunk) >= _CHUNK_ARTICLES or chars >= _CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


class _Failure:
    """An exception raised in a worker, carried back to be raised in the parent.

    Pool workers only pass back ``Exception``s and die on a KeyboardInterrupt, which
    would leave the pool waiting forever; wrapping every BaseException avoids that.
    """

    def __init__(self, error: BaseException):
        self.error = error


def _work(function, chunk):
    try:
        return function(chunk)
    except BaseException as error:  # noqa: BLE001 - re-raised in the parent
        return _Failure(error)


def _unwrap(results):
    if isinstance(results, _Failure):
        raise results.error
    return results


def _start_worker():
    # A worker ends on SIGTERM or SIGHUP as any process does, and leaves Ctrl-C (SIGINT, which
    # reaches the whole process group) to the parent: the parent stops cleanly and ends the
    # workers as it unwinds (quotecat.publish).
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _inherited_signals_default() -> Iterator[None]:
    """While the workers are forked, SIGTERM and SIGHUP have their default action.

    A forked worker keeps the parent's handlers until ``_start_worker`` runs. Forked from a
    process with other threads (a test run, a host application), a worker can block on a
    lock one of them held at the fork before it gets there; with the build's Python handler
    inherited, the pool's SIGTERM then never ends it and the build waits for it forever
    (seen once in a full test run). With the default action it dies. (A signal to the parent
    in these milliseconds ends it at once; the next build removes its temporary file.)
    """
    saved = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                signum = getattr(signal, name)
                saved[signum] = signal.signal(signum, signal.SIG_DFL)
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


# How often a wait for a worker's result calls ``check`` (seconds).
_CHECK_EVERY = 0.1


def _nothing():
    pass


def in_order(function, chunks, jobs: int, check=_nothing):
    """(chunk, function(chunk)) in input order, run on ``jobs`` processes with a bounded number of chunks in flight.

    ``function`` must be picklable (a module-level function, or a functools.partial of one).
    A batch that fits in one chunk runs in this process: no pool to start. ``check()`` is
    called between chunks and while waiting for one; what it raises stops the work there,
    where the pool can be shut down (an exception raised inside the pool's own calls, as a
    signal handler would, can leave it waiting forever).
    """
    chunks = iter(chunks)
    if jobs <= 1:
        for chunk in chunks:
            check()
            yield chunk, _unwrap(_work(function, chunk))
        return
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:
        yield first, _unwrap(_work(function, first))
        return
    # fork: workers start at once and see the parent's modules as they are.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with _inherited_signals_default():
        pool = context.Pool(jobs, initializer=_start_worker)
    with pool:
        pending: deque = deque()
        for chunk in itertools.chain([first, second], chunks):
            check()
            pending.append((chunk, pool.apply_async(_work, (function, chunk))))
            while len(pending) > jobs * _IN_FLIGHT_PER_JOB:
                done, result = pending.popleft()
                yield done, _unwrap(_wait(result, check))
        while pending:
            done, result = pending.popleft()
            yield done, _unwrap(_wait(result, check))


def _wait(result, check):
    while True:
        check()
        try:
            return result.get(_CHECK_EVERY)
        except multiprocessing.TimeoutError:
            continue
