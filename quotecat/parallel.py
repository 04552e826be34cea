"""Extraction on every core: chunks of articles go to worker processes and come back as rows, in input order.

The rows never depend on the number of processes: results are taken back in the order
the chunks were sent, and at most ``_IN_FLIGHT_PER_JOB`` chunks per worker are out at a
time, so memory stays flat whatever the size of the batch.
"""

import itertools
import multiprocessing
import os
from collections import deque

from .rows import article_result

# Per chunk sent to a worker: enough articles to make the round trip cheap, few enough to keep memory flat.
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


def in_chunks(tasks):
    """Tasks in chunks of at most _CHUNK_ARTICLES articles or _CHUNK_CHARS characters."""
    chunk, chars = [], 0
    for task in tasks:
        chunk.append(task)
        chars += len(task[0].text)
        if len(chunk) >= _CHUNK_ARTICLES or chars >= _CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _payload(chunk):
    """What a worker needs: the articles to extract (None for one copied from the previous build)."""
    return [(None if reuse else article, name) for article, name, _, reuse in chunk]


class _Failure:
    """An exception raised in a worker, carried back to be raised in the parent.

    Pool workers only pass back ``Exception``s and die on a KeyboardInterrupt, which
    would leave the pool waiting forever; wrapping every BaseException avoids that.
    """

    def __init__(self, error: BaseException):
        self.error = error


def _work(payload):
    try:
        return [None if article is None else article_result(article, name) for article, name in payload]
    except BaseException as error:  # noqa: BLE001 - re-raised in the parent
        return _Failure(error)


def _unwrap(results):
    if isinstance(results, _Failure):
        raise results.error
    return results


def extracted(chunks, jobs: int):
    """(chunk, results) in input order; extraction runs on ``jobs`` processes with a bounded number of chunks in flight.

    A batch that fits in one chunk is extracted in this process: no pool to start.
    """
    chunks = iter(chunks)
    if jobs <= 1:
        for chunk in chunks:
            yield chunk, _unwrap(_work(_payload(chunk)))
        return
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:
        yield first, _unwrap(_work(_payload(first)))
        return
    # fork: workers start at once and see the parent's modules as they are.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(jobs) as pool:
        pending: deque = deque()
        for chunk in itertools.chain([first, second], chunks):
            pending.append((chunk, pool.apply_async(_work, (_payload(chunk),))))
            while len(pending) > jobs * _IN_FLIGHT_PER_JOB:
                done, result = pending.popleft()
                yield done, _unwrap(result.get())
        while pending:
            done, result = pending.popleft()
            yield done, _unwrap(result.get())
