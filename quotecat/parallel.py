"""Work on every core: chunks of tasks go to worker processes and their results come back in input order.

The results never depend on the number of processes: they are taken back in the order
the chunks were sent, and at most ``_IN_FLIGHT_PER_JOB`` chunks per worker are out at a
time, so memory stays flat whatever the size of the batch.

The workers are this module's own, not a ``multiprocessing.Pool``: a worker killed while it
waits for a task (a SIGTERM to the build's whole process group) dies holding the lock of the
task pipe, and ``Pool.terminate()`` takes that lock, so the build waited forever (seen in a
test run under load). Here the parent never takes a lock a worker can hold: each worker
sends its results on a pipe of its own, the parent watches the workers' exit, and at the end,
normal or not, it kills them (SIGKILL) and reaps them. No worker runs exit code.
"""

import itertools
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from collections import deque
from multiprocessing.connection import wait as wait_for_any

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

    Every BaseException is (a KeyboardInterrupt too): the worker lives on, and the parent
    gets the chunk's outcome instead of waiting for it.
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


# How often a wait for a worker's result calls ``check`` and looks for dead workers (seconds).
_CHECK_EVERY = 0.1


class WorkerLost(Exception):
    """A worker process ended in the middle of the work (the OOM killer, a signal to it alone)."""


def _nothing():
    pass


def in_order(function, chunks, jobs: int, check=_nothing):
    """(chunk, function(chunk)) in input order, run on ``jobs`` processes with a bounded number of chunks in flight.

    ``function`` goes to the forked workers as it is; the chunks and results are pickled.
    A batch that fits in one chunk runs in this process: no workers to start. ``check()`` is
    called between chunks and while waiting for one; what it raises stops the work there
    (a signal handler only marks the build to stop: an exception raised in the middle of a
    send or a wait could leave the pipes in a state nobody can read). A worker that dies
    raises WorkerLost (after ``check()``, so a signal to the whole group reads as that signal).
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
    workers = _Workers(function, jobs)
    try:
        pending: deque = deque()
        for number, chunk in enumerate(itertools.chain([first, second], chunks)):
            check()
            workers.send(number, chunk)
            pending.append((number, chunk))
            while len(pending) > jobs * _IN_FLIGHT_PER_JOB:
                number, done = pending.popleft()
                yield done, _unwrap(workers.result(number, check))
        while pending:
            number, done = pending.popleft()
            yield done, _unwrap(workers.result(number, check))
    finally:
        workers.stop()


class _Workers:
    """``jobs`` forked processes that take (number, chunk) from one task pipe and send (number, result) back.

    Two threads of the parent move the data, so the main thread never blocks on a pipe:
    one sends the tasks (a send waits while the pipe is full), one receives every worker's
    results as they come (a worker never waits for the parent to write its rows). Each
    worker has a results pipe of its own, which only it holds open: when it dies, its pipe
    ends, even in the middle of a message, and nothing waits on it.
    """

    def __init__(self, function, jobs: int):
        # fork: workers start at once and see the parent's modules as they are.
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        task_reader, self.task_writer = context.Pipe(duplex=False)
        lock = context.Lock()  # one reader of the task pipe at a time; only workers take it
        self.processes: list = []
        self.readers: list = []
        try:
            for _ in range(jobs):
                result_reader, result_writer = context.Pipe(duplex=False)
                # The worker closes the parent's ends it inherits: when the parent dies, its pipes end.
                inherited = [self.task_writer, *self.readers, result_reader]
                process = context.Process(target=_serve, args=(function, task_reader, lock, result_writer, inherited),
                                          daemon=True)
                self.readers.append(result_reader)
                process.start()
                self.processes.append(process)
                result_writer.close()  # now only the worker holds it: its pipe ends when it does
        except BaseException:
            self._end_processes()
            raise
        finally:
            task_reader.close()
        self.tasks: queue.SimpleQueue = queue.SimpleQueue()
        self.results: queue.SimpleQueue = queue.SimpleQueue()
        self.done: dict = {}
        self.threads = [threading.Thread(target=_send_all, args=(self.tasks, self.task_writer), daemon=True),
                        threading.Thread(target=_receive_all, args=(self.readers, self.results), daemon=True)]
        for thread in self.threads:
            thread.start()

    def send(self, number: int, chunk) -> None:
        self.tasks.put((number, chunk))

    def result(self, number: int, check):
        while number not in self.done:
            check()
            try:
                got, outcome = self.results.get(timeout=_CHECK_EVERY)
            except queue.Empty:
                self._all_alive(check)
                continue
            self.done[got] = outcome
        return self.done.pop(number)

    def _all_alive(self, check) -> None:
        dead = next((p for p in self.processes if p.exitcode is not None), None)
        if dead is not None:
            # A signal to the whole group ends the workers and this process together, and this
            # process's handler may not have run yet: after a moment the build reads as stopped by it.
            time.sleep(_CHECK_EVERY)
            check()
            code = dead.exitcode
            how = f"by signal {signal.Signals(-code).name}" if code < 0 else f"with status {code}"
            raise WorkerLost(f"a worker process (pid {dead.pid}) ended {how} in the middle of the work")

    def stop(self) -> None:
        """Kill and reap the workers (their work is done or abandoned); the threads end as their pipes do."""
        self._end_processes()
        self.tasks.put(None)
        for thread in self.threads:
            thread.join(timeout=5)
        if not any(thread.is_alive() for thread in self.threads):
            for connection in [self.task_writer, *self.readers]:
                connection.close()

    def _end_processes(self) -> None:
        for process in self.processes:
            process.kill()
        for process in self.processes:
            process.join(timeout=5)


def _serve(function, tasks, lock, results, inherited) -> None:
    """A worker: chunks from ``tasks`` until the pipe ends, each result on its own pipe; os._exit, no exit code run."""
    try:
        _start_worker()
        for connection in inherited:
            connection.close()
        while True:
            with lock:
                number, chunk = tasks.recv()
            outcome = _work(function, chunk)
            try:
                message = _pickle(number, outcome)
            except Exception as error:  # noqa: BLE001 - a result that cannot be pickled fails its chunk
                message = _pickle(number, _Failure(WorkerLost(f"a result could not be sent back: {error!r}")))
            results.send_bytes(message)
    except (OSError, EOFError):  # the parent is gone
        pass
    finally:
        os._exit(0)


def _pickle(number, outcome) -> bytes:
    return pickle.dumps((number, outcome), protocol=pickle.HIGHEST_PROTOCOL)


def _send_all(tasks, connection) -> None:
    while (task := tasks.get()) is not None:
        try:
            connection.send(task)
        except OSError:  # every worker is gone
            return


def _receive_all(readers, results) -> None:
    readers = list(readers)
    while readers:
        for connection in wait_for_any(readers):
            try:
                results.put(connection.recv())
            except (OSError, EOFError):  # that worker is gone (killed at the end, or died)
                readers.remove(connection)
