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

import sqlite_utils

from . import compiled
from .distributed import result_from_record
from .model import Article, ArticleResult
from .parallel import extracted, in_chunks, resolve_jobs
from .read import find_files, iter_articles
from .rows import article_row, content_hash, fill_gaps
from .schema import SCHEMA, create_tables, finish, insert_sql
from .serve import inspect_data, inspect_path

# How many rows to hold before writing them: a few thousand keeps memory flat on big batches.
_BATCH = 2000
# The summary line counts skipped files by reason and names at most this many a reason;
# the warnings name every one.
_SKIPPED_IN_LINE = 3


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
            line += f"; {_plural(len(self.skipped), 'file')} skipped: {_by_reason(self.skipped)}"
        if self.updated:
            line += (f" (updated: {self.extracted} extracted, {self.reused} unchanged, "
                     f"{self.removed} removed)")
        return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _by_reason(skipped: list[tuple[str, str]]) -> str:
    """ "2 unsupported type (.csv, .md), 1 unreadable folder (private)": counts by reason, most first, with names."""
    groups: dict[str, list[str]] = {}
    for name, reason in skipped:
        unsupported = re.match(r"unsupported file type (\S+)", reason)
        if unsupported:
            kind, shown = "unsupported type", unsupported.group(1)
        else:
            kind = "article id already read" if " already read from " in reason else re.split(r" \(|: |, | '", reason)[0]
            shown = name if len(name) <= 60 else f"{name[:20]}…{name[-39:]}"  # a folder 1,000 deep, shortened
        groups.setdefault(kind, []).append(shown)
    parts = []
    for kind, names in sorted(groups.items(), key=lambda group: -len(group[1])):
        distinct = list(dict.fromkeys(names))
        listed = ", ".join(distinct[:_SKIPPED_IN_LINE]) + (
            f" and {len(distinct) - _SKIPPED_IN_LINE} more" if len(distinct) > _SKIPPED_IN_LINE else "")
        parts.append(f"{len(names)} {kind} ({listed})")
    return ", ".join(parts)


def build(
    paths: Iterable[Path | str],
    db_path: Path | str,
    progress: Callable[[list[Path]], contextlib.AbstractContextManager[Iterable[Path]]] | None = None,
    warn: Callable[[str], None] = print,
    strict: bool = False,
    jobs: int | None = None,
    update: bool = False,
    columns: dict[str, str] | None = None,
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
    ``columns`` names the columns of CSV files (``quotecat.read.parse_columns``).
    """
    db_path = Path(db_path)
    paths = [Path(p) for p in paths]
    summary = BuildSummary(db_name=db_path.name)

    def write(db):
        previous = _Previous.open(db_path, warn) if update else None
        summary.updated = update
        try:
            writer = _Writer(db, summary, warn, previous)
            files = list(dict.fromkeys(find_files(paths, on_skip=functools.partial(_skip, summary, warn, paths))))
            with progress(files) if progress else contextlib.nullcontext(files) as files_:
                tasks = _read(files_, paths, summary, warn, writer, previous, columns)
                for chunk, results in extracted(in_chunks(tasks), resolve_jobs(jobs)):
                    for (article, name, digest, _), result in zip(chunk, results):
                        writer.add(article, name, digest, result)
            writer.close()
            if previous is not None:
                summary.removed = previous.count - previous.matched
        finally:
            if previous is not None:
                previous.close()

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
                    if writer.claim(article.id, name, shown_as=file.name):
                        writer.add(article, name, digest, result)
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


def _read(files, roots, summary, warn, writer, previous, columns=None):
    """(article, file name, content hash, reuse) for every article, in input order; unreadable files are reported."""
    for path in files:
        name = _display_name(path, roots)
        errors: list[Exception] = []
        try:
            # One file at a time: the bar moves per file, and a big JSON lines
            # archive streams through instead of being read whole.
            for article in iter_articles([path], on_error=errors.append, warn=warn, columns=columns):
                if not writer.claim(article.id, name, shown_as=name):
                    continue
                digest = content_hash(article.text)
                reuse = previous is not None and previous.has(article.id, digest)
                yield article, name, digest, reuse
        except OSError as error:  # unreadable in a way the reader did not catch (permissions, vanished)
            errors.append(error)
        for error in errors:
            reason = _reason(error, path)
            summary.skipped.append((name, reason))
            warn(f"skipped {name}: {reason}")


def _skip(summary, warn, roots, error) -> None:
    """A file or folder the search passed over (unsupported type, unreadable folder): counted and named."""
    name = _display_name(Path(error.path), roots)
    summary.skipped.append((name, error.reason))
    warn(f"skipped {name}: {error.reason}")


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
# compiled, and the weights of the cue model and the confidence), rows.py, which turns its attributions
# into the rows --update copies, and ids.py, their ids.
FINGERPRINTED = (*compiled.source_files(), "lexicon/cue_model.json", "lexicon/confidence.json", "rows.py", "ids.py")


class _Previous:
    """The database being updated, read-only: its content hashes and the rows to copy for unchanged articles."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.conn.row_factory = sqlite3.Row
        self.count = conn.execute("select count(*) from articles").fetchone()[0]
        self.matched = 0

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

    def has(self, article_id: str, digest: str) -> bool:
        row = self.conn.execute("select content_hash from articles where id = ?", [article_id]).fetchone()
        if row is None:
            return False
        self.matched += 1
        return row[0] == digest

    def rows(self, table: str, column: str, article_id: str) -> list[dict]:
        return [dict(row) for row in
                self.conn.execute(f"select * from [{table}] where [{column}] = ? order by rowid", [article_id])]

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

    def source_of(self, article_id: str) -> str | None:
        """The file an article id was already read from, if any."""
        if article_id in self.reserved:
            return self.reserved[article_id]
        row = self.db.execute("select source_file from articles where id = ?", [article_id]).fetchone()
        return None if row is None else row[0]

    def claim(self, article_id: str, name: str, shown_as: str) -> bool:
        """Reserve ``article_id`` for the article read from ``name``; False (and a skip named ``shown_as``)
        when an earlier file already gave that id."""
        known = self.source_of(article_id)
        if known is not None:
            reason = f"article id {article_id!r} already read from {known}"
            self.summary.skipped.append((shown_as, reason))
            self.warn(f"skipped {shown_as}: {reason}")
            return False
        self.reserved[article_id] = name
        return True

    def add(self, article: Article, name: str, digest: str, result: ArticleResult | None) -> None:
        if result is None:  # unchanged since the previous build: copy its rows
            previous = self.previous
            quotes = previous.rows("quotes", "article_id", article.id)
            speakers = previous.rows("_speaker_mentions", "source_article", article.id)
            organizations = previous.rows("_organization_mentions", "source_article", article.id)
            row = article_row(article, name)
            self.summary.reused += 1
        elif result.failed:
            self.summary.skipped.append((name, result.failed))
            self.warn(f"skipped {name}: {result.failed}")
            return
        else:
            for message in result.warnings:
                self.warn(message)
            quotes, speakers, organizations, row = result.quotes, result.speakers, result.organizations, result.article
            self.summary.extracted += 1
        row["content_hash"] = digest
        self.buffers["articles"].append(row)
        self.buffers["quotes"].extend(quotes)
        self.buffers["_speaker_mentions"].extend(speakers)
        self.buffers["_organization_mentions"].extend(organizations)
        self.summary.articles += 1
        self.summary.quotes += len(quotes)
        if len(self.buffers["quotes"]) >= _BATCH or len(self.buffers["articles"]) >= _BATCH // 10:
            self.flush()

    def flush(self) -> None:
        with self.db.conn:
            for table, rows in self.buffers.items():
                if rows:
                    columns = list(SCHEMA[table])
                    self.db.conn.executemany(insert_sql(table), [[row.get(c) for c in columns] for row in rows])
        for row in self.buffers["articles"]:
            self.reserved.pop(row["id"], None)
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
