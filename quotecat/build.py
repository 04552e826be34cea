"""Building quotes.db: read, extract, write in batches, and swap the finished file into place.

``build`` reads articles (``quotecat.read``), extracts them on every core
(``quotecat.parallel``), turns them into rows (``quotecat.rows``) and writes them in
input order into the tables ``quotecat.schema`` declares, on a temporary file that
replaces ``quotes.db`` only when complete. ``--update`` copies the rows of unchanged
articles from the previous build; ``load_parquet`` writes rows a distributed run made.
"""

import contextlib
import functools
import glob
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import sqlite_utils

from . import compiled
from .distributed import result_from_record
from .model import Article, ArticleResult
from .parallel import in_chunks, in_order, resolve_jobs
from .read import ArticleError, find_files, iter_articles, read_file
from .rows import article_result, article_row, content_hash, fill_gaps
from .schema import SCHEMA, create_tables, finish, insert_sql
from .serve import inspect_data, inspect_path

# How many rows to hold before writing them: a few thousand keeps memory flat on big batches.
_BATCH = 2000
# The summary line names at most this many skipped files; the warnings name every one.
_SKIPPED_IN_LINE = 5


class StrictBuildError(Exception):
    """A --strict build skipped files: nothing was written."""

    def __init__(self, summary: "BuildSummary"):
        self.summary = summary
        names = "; ".join(f"{name}: {reason}" for name, reason in summary.skipped)
        super().__init__(f"{len(summary.skipped)} file(s) skipped and --strict is set, "
                         f"{summary.db_name} left unchanged ({names})")


@dataclass
class BuildSummary:
    """What a build wrote and what it skipped, for the one line the CLI prints."""

    db_name: str = "quotes.db"
    articles: int = 0
    quotes: int = 0
    speakers: int = 0
    organizations: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    updated: bool = False  # an --update build: the counts below are reported
    extracted: int = 0  # articles extracted in this build
    reused: int = 0  # articles copied unchanged from the previous build
    removed: int = 0  # articles of the previous build no longer in the input

    def line(self) -> str:
        counts = ", ".join([
            _plural(self.articles, "article"),
            _plural(self.quotes, "attribution"),
            _plural(self.speakers, "speaker"),
            _plural(self.organizations, "organisation"),
        ])
        line = f"Built {self.db_name}: {counts}"
        if self.skipped:
            named = "; ".join(f"{name}: {reason}" for name, reason in self.skipped[:_SKIPPED_IN_LINE])
            more = len(self.skipped) - _SKIPPED_IN_LINE
            if more > 0:
                named += f"; and {more} more"
            line += f"; {_plural(len(self.skipped), 'file')} skipped ({named})"
        if self.updated:
            line += (f" (updated: {self.extracted} extracted, {self.reused} unchanged, "
                     f"{self.removed} removed)")
        return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def build(
    paths: Iterable[Path | str],
    db_path: Path | str,
    progress: Callable[[list[Path]], contextlib.AbstractContextManager[Iterable[Path]]] | None = None,
    warn: Callable[[str], None] = print,
    strict: bool = False,
    jobs: int | None = None,
    update: bool = False,
) -> BuildSummary:
    """Build ``db_path`` from the articles under ``paths``: from scratch, or with ``update`` reusing the last build.

    The database is written to a temporary file beside ``db_path`` and moved into
    place only once complete, so a failed or interrupted build leaves the previous
    database as it was. Files that cannot be read are skipped with a warning;
    with ``strict`` any skipped file fails the build and the previous database stays.

    Articles stream through: read, extracted on ``jobs`` processes (default: every
    core) and written in batches, in input order, so the rows and ids never depend
    on ``jobs``. With ``update``, an article whose text hashes to the ``content_hash``
    stored by the previous build (made by the same extractor) is copied from it
    instead of extracted again; new articles are extracted, deleted ones are left
    out. The result is the database a full build would write, row for row.

    ``progress(files)``, if given, wraps the list of files as it is read (the CLI's progress bar).
    """
    db_path = Path(db_path)
    paths = [Path(p) for p in paths]
    summary = BuildSummary(db_name=db_path.name)

    def write(db):
        previous = _Previous.open(db_path, warn) if update else None
        summary.updated = update
        try:
            writer = _Writer(db, summary, warn, previous)
            files = list(dict.fromkeys(find_files(paths)))
            # Workers read, hash and extract; this process only writes what they send back.
            work = functools.partial(file_rows, previous=None if previous is None else str(db_path))
            with progress(files) if progress else contextlib.nullcontext(files) as files_:
                tasks = _tasks(files_, paths, warn)
                for _, results in in_order(work, in_chunks(tasks, _task_size), resolve_jobs(jobs)):
                    for result in results:
                        writer.add_file(result)
            writer.close()
            if previous is not None:
                summary.removed = previous.count - writer.matched
        finally:
            if previous is not None:
                previous.close()
            _close_previous_hashes()

    _build_atomically(db_path, summary, write, strict)
    return summary


def load_parquet(
    paths: Iterable[Path | str],
    db_path: Path | str,
    warn: Callable[[str], None] = print,
) -> BuildSummary:
    """Build ``db_path`` from Parquet written by a distributed run of :func:`quotecat.distributed.extract_record`.

    Files are read in natural name order (``part.0``, ``part.1``, ... ``part.10``) and
    row group by row group, so memory stays flat; the rows go through the same writer
    as ``build``, so the database is the one a local build of the same articles gives.
    """
    import pyarrow.parquet as pq

    db_path = Path(db_path)
    files = sorted(
        (f for p in map(Path, paths) for f in ([p] if p.is_file() else p.rglob("*.parquet"))),
        key=lambda f: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", f.as_posix())],
    )
    summary = BuildSummary(db_name=db_path.name)

    def write(db):
        writer = _Writer(db, summary, warn, None)
        for file in files:
            for batch in pq.ParquetFile(file).iter_batches(batch_size=256):
                for record in batch.to_pylist():
                    article, name, digest, result = result_from_record(record)
                    writer.add(article_rows(article, digest, result), name, shown_as=file.name)
        writer.close()

    _build_atomically(db_path, summary, write, strict=False)
    return summary


def _build_atomically(db_path: Path, summary: "BuildSummary", write, strict: bool) -> None:
    """Run ``write(db)`` on a temporary file, finish it, then move it (and its Datasette counts) into place."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = db_path.with_name(f"{db_path.name}.tmp-{os.getpid()}")
    counts_path = inspect_path(db_path)
    counts_tmp = counts_path.with_name(f"{counts_path.name}.tmp-{os.getpid()}")
    _remove(tmp_path)
    _remove_stale_temporaries(db_path)
    try:
        db = sqlite_utils.Database(tmp_path)
        try:
            # Durability comes from the final fsync + rename, not from SQLite's journal:
            # a crash leaves a temporary file that the next build removes.
            db.execute("pragma synchronous = off")
            db.execute("pragma journal_mode = off")
            db.execute(f"pragma cache_size = -{_CACHE_KB}")
            db.execute(f"pragma user_version = {extractor_version_number()}")
            create_tables(db)
            write(db)
            finish(db)
        finally:
            db.close()
        if strict and summary.skipped:
            raise StrictBuildError(summary)
        _fsync(tmp_path)
        counts_tmp.write_text(json.dumps(inspect_data(tmp_path, db_path), indent=2), encoding="utf-8")
        os.replace(tmp_path, db_path)
        os.replace(counts_tmp, counts_path)
    except BaseException:
        _remove(tmp_path)
        _remove(counts_tmp)
        raise


# SQLite page cache while building (KiB).
_CACHE_KB = 64_000


# A file up to this size is read by a worker; a bigger one (a JSON lines archive) is read
# here, streaming, and its articles go out in chunks, so one archive still uses every core.
_READ_HERE_BYTES = 1_000_000


class ArticleRows(NamedTuple):
    """One article as a worker sends it back: its rows as tuples in SCHEMA's column order, ready to insert."""

    id: str
    digest: str  # content_hash of the text
    article: tuple
    quotes: list[tuple]
    speakers: list[tuple]  # _speaker_mentions
    organizations: list[tuple]  # _organization_mentions
    warnings: list[str]
    failed: str | None = None  # why the extractor could not read it
    reused: bool = False  # unchanged since the previous build: its rows are copied from there
    in_previous: bool = False  # the previous build has an article with this id


class FileRows(NamedTuple):
    """What one file gave: its articles' rows, the warnings of reading it, and why it (or part of it) was skipped."""

    name: str
    articles: list[ArticleRows]
    warnings: list[str]
    errors: list[str]


def _tasks(files, roots, warn):
    """(what, name, size) for every file: the path for a worker to read, or, for a big file, its articles read here."""
    for path in files:
        name = _display_name(path, roots)
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # the worker's read_file says why it cannot be read
        if size <= _READ_HERE_BYTES:
            yield path, name, size
            continue
        errors: list[Exception] = []
        try:
            # One file at a time, streaming: a big JSON lines archive is never read whole.
            for article in iter_articles([path], on_error=errors.append, warn=warn):
                yield article, name, len(article.text)
        except OSError as error:  # unreadable in a way the reader did not catch (permissions, vanished)
            errors.append(error)
        yield [_reason(error, path) for error in errors], name, 0


def _task_size(task) -> int:
    return task[2]


def file_rows(chunk, previous: str | None) -> list[FileRows]:
    """The rows of every task of ``chunk``: run in a worker, so reading, hashing and extracting use every core."""
    known = _previous_hashes(previous)
    results = []
    for what, name, _ in chunk:
        if isinstance(what, Article):
            results.append(FileRows(name, [_rows(what, name, known)], [], []))
        elif isinstance(what, list):  # the errors of a big file read by the parent, in their place
            results.append(FileRows(name, [], [], what))
        else:
            warnings: list[str] = []
            try:
                articles = read_file(what, warn=warnings.append)
            except (ArticleError, OSError) as error:
                results.append(FileRows(name, [], warnings, [_reason(error, what)]))
                continue
            results.append(FileRows(name, [_rows(article, name, known) for article in articles], warnings, []))
    return results


def _rows(article: Article, name: str, known) -> ArticleRows:
    digest = content_hash(article.text)
    stored = known(article.id) if known else None
    if stored == digest:  # unchanged since the previous build
        return ArticleRows(article.id, digest, _tuple(article_row(article, name), "articles", digest),
                           [], [], [], [], reused=True, in_previous=True)
    return article_rows(article, digest, article_result(article, name), in_previous=stored is not None)


def article_rows(article: Article, digest: str, result: ArticleResult, in_previous: bool = False) -> ArticleRows:
    """``result`` as tuples in SCHEMA's column order."""
    return ArticleRows(
        id=article.id,
        digest=digest,
        article=_tuple(result.article, "articles", digest),
        quotes=[_tuple(row, "quotes") for row in result.quotes],
        speakers=[_tuple(row, "_speaker_mentions") for row in result.speakers],
        organizations=[_tuple(row, "_organization_mentions") for row in result.organizations],
        warnings=result.warnings,
        failed=result.failed,
        in_previous=in_previous,
    )


_COLUMNS = {table: tuple(columns) for table, columns in SCHEMA.items()}


def _tuple(row: dict, table: str, digest: str | None = None) -> tuple:
    if digest is not None:
        row = {**row, "content_hash": digest}
    return tuple([row.get(column) for column in _COLUMNS[table]])


# Per worker process: the previous build's database (read-only), to look up content hashes.
_previous_connections: dict[tuple[int, str], sqlite3.Connection] = {}


def _previous_hashes(previous: str | None):
    """``content_hash(article_id)`` of the previous build, or None for a build from scratch."""
    if previous is None:
        return None
    key = (os.getpid(), previous)
    conn = _previous_connections.get(key)
    if conn is None:
        conn = _previous_connections[key] = sqlite3.connect(f"file:{previous}?mode=ro", uri=True)

    def stored(article_id: str) -> str | None:
        row = conn.execute("select content_hash from articles where id = ?", [article_id]).fetchone()
        return None if row is None else row[0]

    return stored


def _close_previous_hashes() -> None:
    for key in [key for key in _previous_connections if key[0] == os.getpid()]:
        _previous_connections.pop(key).close()


@functools.cache
def extractor_version() -> str:
    """A fingerprint of the code that turns text into rows; stored as the database's user_version.

    ``--update`` reuses nothing from a database built by another version: a changed
    rule or word list re-extracts every article; a change to the build, the schema's
    indexes or the site does not.
    """
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in FINGERPRINTED:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def extractor_version_number() -> int:
    return int(extractor_version()[:7], 16)  # user_version is a signed 32-bit integer


# What the fingerprint covers: the extractor (quotecat/extract, quotecat/lexicon, model.py, as
# compiled), rows.py, which turns its attributions into the rows --update copies, and ids.py, their ids.
FINGERPRINTED = (*compiled.source_files(), "rows.py", "ids.py")


class _Previous:
    """The database being updated, read-only: its content hashes and the rows to copy for unchanged articles."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.count = conn.execute("select count(*) from articles").fetchone()[0]

    @classmethod
    def open(cls, db_path: Path, warn) -> "_Previous | None":
        if not db_path.exists():
            warn(f"{db_path.name} does not exist yet: building from scratch")
            return None
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            columns = {row[1] for row in conn.execute("pragma table_info(articles)")}
            tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
            version = conn.execute("pragma user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            conn.close()
            warn(f"cannot read {db_path.name} ({error}): building from scratch")
            return None
        if "content_hash" not in columns or not {"_speaker_mentions", "_organization_mentions"} <= tables:
            reason = "was built by an older quotecat"
        elif version != extractor_version_number():
            reason = "was built by another version of the extractor"
        else:
            return cls(conn)
        conn.close()
        warn(f"{db_path.name} {reason}: extracting every article again")
        return None

    def rows(self, table: str, column: str, article_id: str) -> list[tuple]:
        """The rows of ``table`` an article gave, as tuples in SCHEMA's column order."""
        columns = ", ".join(f"[{c}]" for c in SCHEMA[table])
        return self.conn.execute(f"select {columns} from [{table}] where [{column}] = ? order by rowid",
                                 [article_id]).fetchall()

    def close(self):
        self.conn.close()


class _Writer:
    """Rows in input order, written in batches: memory holds one batch, never the corpus."""

    def __init__(self, db: sqlite_utils.Database, summary: "BuildSummary", warn, previous: _Previous | None):
        self.db = db
        self.summary = summary
        self.warn = warn
        self.previous = previous
        self.buffers: dict[str, list] = {table: [] for table in _BUFFERED}
        self.reserved: dict[str, str] = {}  # article id -> file, read but not yet written
        self.matched = 0  # articles whose id the previous build has

    def source_of(self, article_id: str) -> str | None:
        """The file an article id was already read from, if any."""
        if article_id in self.reserved:
            return self.reserved[article_id]
        row = self.db.execute("select source_file from articles where id = ?", [article_id]).fetchone()
        return None if row is None else row[0]

    def skip(self, name: str, reason: str) -> None:
        self.summary.skipped.append((name, reason))
        self.warn(f"skipped {name}: {reason}")

    def add_file(self, result: FileRows) -> None:
        for message in result.warnings:
            self.warn(message)
        for rows in result.articles:
            self.add(rows, result.name)
        for reason in result.errors:
            self.skip(result.name, reason)

    def add(self, rows: ArticleRows, name: str, shown_as: str | None = None) -> None:
        """Write one article's rows, unless an earlier file already gave its id (a skip named ``shown_as``)."""
        known = self.source_of(rows.id)
        if known is not None:
            self.skip(shown_as or name, f"article id {rows.id!r} already read from {known}")
            return
        self.reserved[rows.id] = name
        self.matched += rows.in_previous
        if rows.failed:
            self.skip(name, rows.failed)
            return
        if rows.reused:
            previous = self.previous
            quotes = previous.rows("quotes", "article_id", rows.id)
            speakers = previous.rows("_speaker_mentions", "source_article", rows.id)
            organizations = previous.rows("_organization_mentions", "source_article", rows.id)
            self.summary.reused += 1
        else:
            for message in rows.warnings:
                self.warn(message)
            quotes, speakers, organizations = rows.quotes, rows.speakers, rows.organizations
            self.summary.extracted += 1
        buffers = self.buffers
        buffers["articles"].append(rows.article)
        buffers["quotes"] += quotes
        buffers["_speaker_mentions"] += speakers
        buffers["_organization_mentions"] += organizations
        self.summary.articles += 1
        self.summary.quotes += len(quotes)
        if len(buffers["quotes"]) >= _BATCH or len(buffers["articles"]) >= _BATCH // 10:
            self.flush()

    def flush(self) -> None:
        with self.db.conn:
            for table, rows in self.buffers.items():
                if rows:
                    self.db.conn.executemany(insert_sql(table), rows)
        for row in self.buffers["articles"]:
            self.reserved.pop(row[0], None)
        for rows in self.buffers.values():
            rows.clear()

    def close(self) -> None:
        """Write what is left, then one row per speaker and organisation, folded from every article's mentions."""
        self.flush()
        self.summary.organizations = _fold(self.db, "_organization_mentions", "organizations")
        self.summary.speakers = _fold(self.db, "_speaker_mentions", "speakers")


_BUFFERED = ("articles", "quotes", "_speaker_mentions", "_organization_mentions")


def _fold(db: sqlite_utils.Database, mentions: str, table: str) -> int:
    """One row per id, in id order: the first article's values, its gaps filled by later articles.

    Streams over the mentions sorted by (id, input order), so memory holds one
    batch of rows whatever the number of speakers.
    """
    db.execute(f"create index if not exists [{mentions}_id] on [{mentions}] (id)")
    columns = list(SCHEMA[table])
    cursor = db.conn.execute(
        "select {} from [{}] order by id, rowid".format(", ".join(f"[{c}]" for c in columns), mentions)
    )
    insert = insert_sql(table)
    count = 0
    batch: list[list] = []
    current: list | None = None
    for row in cursor:
        if current is not None and current[0] == row[0]:
            fill_gaps(current, row, range(len(row)))
            continue
        if current is not None:
            batch.append(current)
        current = list(row)
        if len(batch) >= _BATCH:
            db.conn.executemany(insert, batch)
            count += len(batch)
            batch = []
    if current is not None:
        batch.append(current)
    db.conn.executemany(insert, batch)
    db.conn.commit()
    return count + len(batch)


def _display_name(path: Path, roots: list[Path]) -> str:
    """The file as the user would name it: relative to the folder they gave, else as given."""
    for root in roots:
        if root.is_dir():
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                continue
    return path.name if path in roots else str(path)


def _reason(error: Exception, path: Path) -> str:
    """The problem without the file name, which the summary already gives."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    reason = getattr(error, "reason", None) or str(error)
    for prefix in (str(path), path.name):
        if reason.startswith(prefix + ":"):
            return reason[len(prefix) + 1:].strip()
    return reason


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
