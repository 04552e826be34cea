"""quotes.db: the schema, the build, and how Datasette serves it.

The one place where the schema lives. The build follows simonw/til's
``build_database.py``: plain sqlite-utils calls, tables declared up front with
their primary and foreign keys, indexes and full-text search added after the
bulk insert, then ANALYZE and VACUUM so the file can be served immutable.
"""

import contextlib
import glob
import functools
import hashlib
import itertools
import json
import multiprocessing
import os
import re
import shutil
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click
import sqlite_utils
from sqlite_utils.db import DescIndex

from .extract import extract
from .model import Article, Attribution
from .reader import find_files, iter_articles, slugify

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.json"

# Datasette settings, shared by `quotecat serve` (as --setting flags) and the tests
# (as Datasette(settings=...)), so what is tested is what is served.
DATASETTE_SETTINGS = {
    "sql_time_limit_ms": 3000,
    # Datasette ignores a facet limit above sql_time_limit_ms; 1 s keeps the six default facets under budget.
    "facet_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    # Suggesting facets tries every column on every page view: most of the time on big tables.
    "suggest_facets": False,
}

# How many rows to hold before writing them: a few thousand keeps memory flat on big batches.
_BATCH = 2000
# Show a progress bar only when the batch is big enough to be worth watching.
_PROGRESS_THRESHOLD = 20
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


# --- the schema ------------------------------------------------------------------------


# Every table's columns, in order: created from here and written from here.
SCHEMA: dict[str, dict[str, type]] = {
    "articles": {
        "id": str,
        "title": str,
        "byline": str,
        "outlet": str,
        "published": str,
        "url": str,
        "source_file": str,
        "text": str,
        "word_count": int,
        "content_hash": str,
    },
    "organizations": {"id": str, "name": str},
    "speakers": {
        "id": str,
        "name": str,
        "kind": str,
        "title": str,
        "role": str,
        "affiliation_id": str,
        "anonymous": int,
        "pronoun": str,
        "description": str,
        "article_id": str,
    },
    "quotes": {
        "id": str,
        "article_id": str,
        "speaker_id": str,
        "affiliation_id": str,
        "text": str,
        "type": str,
        "cue": str,
        "speaker_mention": str,
        "medium": str,
        "paragraph": int,
        "start": int,
        "end": int,
        "anonymous": int,
        "fragments": str,
    },
}
# Hidden build state: each article's own view of its sources, in input order. The
# speakers and organizations rows are folded from these (first article's values,
# gaps filled by later ones), and `build --update` copies them for unchanged articles.
SCHEMA["_speaker_mentions"] = {"source_article": str, **SCHEMA["speakers"]}
SCHEMA["_organization_mentions"] = {"source_article": str, **SCHEMA["organizations"]}
# Hidden: facet counts of the whole table, for plugins/facet_counts.py (the database is served read-only).
SCHEMA["_facet_counts"] = {"table_name": str, "column_name": str, "value": None, "count": int}


def create_tables(db: sqlite_utils.Database) -> None:
    """Declare every table with its keys before any row arrives.

    Declaring foreign keys at creation avoids sqlite-utils' add_foreign_key, which
    copies the whole table; explicit columns mean an empty batch still builds the
    full schema, and column types never depend on what the first row happened to hold.
    """
    db["articles"].create(SCHEMA["articles"], pk="id", not_null={"text", "word_count", "content_hash"})
    db["organizations"].create(SCHEMA["organizations"], pk="id", not_null={"name"})
    db["speakers"].create(
        SCHEMA["speakers"],
        pk="id",
        foreign_keys=[
            ("affiliation_id", "organizations", "id"),
            ("article_id", "articles", "id"),
        ],
        not_null={"name", "anonymous"},
    )
    db["quotes"].create(
        SCHEMA["quotes"],
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("speaker_id", "speakers", "id"),
            ("affiliation_id", "organizations", "id"),
        ],
        not_null={"article_id", "text", "type", "start", "end", "anonymous"},
    )
    db["_speaker_mentions"].create(SCHEMA["_speaker_mentions"])
    db["_organization_mentions"].create(SCHEMA["_organization_mentions"])
    db.execute("create table _facet_counts (table_name text, column_name text, value, count integer)")


# Columns Datasette facets or filters on; each needs an index once tables are big.
FACET_INDEXES = {
    "articles": [["outlet"], ["published"]],
    "speakers": [["kind"], ["anonymous"]],
    "quotes": [["type"], ["anonymous"], ["cue"], ["speaker_id", "type"],
               # Filtering by one source and faceting by another default facet reads one index range.
               ["speaker_id", "affiliation_id"], ["speaker_id", "article_id"],
               ["speaker_id", "anonymous"], ["speaker_id", "cue"]],
    # What `build --update` looks up per unchanged article.
    "_speaker_mentions": [["source_article"]],
    "_organization_mentions": [["source_article"]],
}
# Whole-table facet counts kept in _facet_counts: the default facets of metadata.json and the usual filters.
FACET_COUNTS = {
    "quotes": ["speaker_id", "affiliation_id", "type", "article_id", "anonymous", "cue"],
    "speakers": ["kind", "anonymous"],
    "articles": ["outlet"],
}

# Counts kept on each row, computed once every attribution is in (the file is served
# read-only, so they cannot go stale): "most quoted" becomes a sort on an indexed column
# instead of a GROUP BY over every attribution on each page view.
COUNT_COLUMNS = {
    # table: (column of quotes that points to it, {count column: aggregate over its quotes})
    "speakers": ("speaker_id", {
        "attributions": "count(*)",
        "direct_quotes": "sum(type = 'direct')",
        "articles": "count(distinct article_id)",
    }),
    "organizations": ("affiliation_id", {
        "attributions": "count(*)",
        "speakers": "count(distinct speaker_id)",
        "articles": "count(distinct article_id)",
        "anonymous_attributions": "sum(anonymous)",
    }),
    "articles": ("article_id", {
        "attributions": "count(*)",
        "anonymous_attributions": "sum(anonymous)",
        "percent_anonymous": "round(100.0 * sum(anonymous) / count(*), 1)",
    }),
}

ATTRIBUTIONS_VIEW = """
select
  quotes.id as quote_id,
  articles.title as article,
  speakers.name as speaker,
  organizations.name as affiliation,
  quotes.type,
  quotes.cue,
  quotes.text,
  quotes.speaker_mention,
  quotes.medium,
  quotes.anonymous,
  quotes.article_id,
  quotes.speaker_id,
  quotes.affiliation_id
from quotes
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
  left join organizations on organizations.id = quotes.affiliation_id
order by quotes.id
"""


def add_counts(db: sqlite_utils.Database) -> None:
    """Fill COUNT_COLUMNS on speakers, organizations and articles, and index them for sorting."""
    for table, (key, counts) in COUNT_COLUMNS.items():
        for column, aggregate in counts.items():
            kind = "real" if aggregate.startswith("round(") else "integer"
            default = "" if kind == "real" else " not null default 0"
            db.execute(f"alter table [{table}] add column [{column}] {kind}{default}")
        assignments = ", ".join(f"[{column}] = counted.[{column}]" for column in counts)
        aggregates = ", ".join(f"{aggregate} as [{column}]" for column, aggregate in counts.items())
        with db.conn:
            db.execute(
                f"update [{table}] set {assignments} from "
                f"(select [{key}] as id, {aggregates} from quotes where [{key}] is not null group by [{key}]) as counted "
                f"where counted.id = [{table}].id"
            )
        first = next(iter(counts))
        db[table].create_index([DescIndex(first)], index_name=f"{table}_by_{first}", if_not_exists=True)
    db["articles"].create_index([DescIndex("percent_anonymous")], index_name="articles_by_percent_anonymous",
                                if_not_exists=True)


def finish(db: sqlite_utils.Database) -> None:
    """Indexes, full-text search, facet counts and the view, once all rows are in: faster than row by row."""
    add_counts(db)
    for table, indexes in FACET_INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    db.index_foreign_keys()
    # No triggers: the published file is read-only, the index is built once here.
    db["quotes"].enable_fts(["text"], tokenize="porter")
    db["quotes"].optimize()
    db["speakers"].enable_fts(["name"])
    db.create_view("attributions", ATTRIBUTIONS_VIEW)
    with db.conn:
        for table, columns in FACET_COUNTS.items():
            for column in columns:
                db.execute(
                    f"insert into _facet_counts select ?, ?, [{column}], count(*) from [{table}] "
                    f"where [{column}] is not null group by [{column}]",
                    [table, column],
                )
    db.execute("create index _facet_counts_order on _facet_counts (table_name, column_name, count desc, value)")
    db.analyze()
    # VACUUM copies the whole file: worth it only when the build left free pages behind.
    # SQLite only promises to keep rowids through VACUUM for INTEGER PRIMARY KEY tables, and
    # quotes_fts finds quotes by rowid. Current SQLite copies them unchanged; tests/test_build.py
    # runs FTS5's integrity-check against the content table to catch it if that ever changes.
    free, pages = (db.execute(f"pragma {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
    if free > pages * _VACUUM_FREE_SHARE:
        db.vacuum()
    db.execute("pragma journal_mode = delete")


# VACUUM when more than this share of the file is free pages.
_VACUUM_FREE_SHARE = 0.05


# --- the build -------------------------------------------------------------------------


def build(
    paths: Iterable[Path | str],
    db_path: Path | str,
    progress: bool = False,
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
            bar = (
                click.progressbar(files, label="Building", file=sys.stderr)
                if progress and len(files) > _PROGRESS_THRESHOLD
                else contextlib.nullcontext(files)
            )
            with bar as files_:
                tasks = _read(files_, paths, summary, warn, writer, previous)
                for chunk, results in _extracted(_chunks(tasks), resolve_jobs(jobs)):
                    for (article, name, content_hash, _), result in zip(chunk, results):
                        writer.add(article, name, content_hash, result)
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

    from .distributed import result_from_record

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
                    article, name, content_hash, result = result_from_record(record)
                    known = writer.source_of(article.id)
                    if known is not None:
                        reason = f"article id {article.id!r} already read from {known}"
                        summary.skipped.append((file.name, reason))
                        warn(f"skipped {file.name}: {reason}")
                        continue
                    writer.reserve(article.id, name)
                    writer.add(article, name, content_hash, result)
        writer.close()

    _build_atomically(db_path, summary, write, strict=False)
    return summary


def resolve_jobs(jobs: int | None) -> int:
    """``None`` or 0 means every core this process may use."""
    if jobs:
        return max(1, jobs)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


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


# Per chunk sent to a worker: enough articles to make the round trip cheap, few enough to keep memory flat.
_CHUNK_ARTICLES = 32
_CHUNK_CHARS = 256_000
# Chunks in flight per worker process: keeps every core busy while bounding memory.
_IN_FLIGHT_PER_JOB = 2
# SQLite page cache while building (KiB).
_CACHE_KB = 64_000


def _read(files, roots, summary, warn, writer, previous):
    """(article, file name, content hash, reuse) for every article, in input order; unreadable files are reported."""
    for path in files:
        name = _display_name(path, roots)
        errors: list[Exception] = []
        try:
            # One file at a time: the bar moves per file, and a big JSON lines
            # archive streams through instead of being read whole.
            for article in iter_articles([path], on_error=errors.append, warn=warn):
                known = writer.source_of(article.id)
                if known is not None:
                    reason = f"article id {article.id!r} already read from {known}"
                    summary.skipped.append((name, reason))
                    warn(f"skipped {name}: {reason}")
                    continue
                writer.reserve(article.id, name)
                digest = content_hash(article.text)
                reuse = previous is not None and previous.has(article.id, digest)
                yield article, name, digest, reuse
        except OSError as error:  # unreadable in a way the reader did not catch (permissions, vanished)
            errors.append(error)
        for error in errors:
            reason = _reason(error, path)
            summary.skipped.append((name, reason))
            warn(f"skipped {name}: {reason}")


def _chunks(tasks):
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


def _extracted(chunks, jobs: int):
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


@dataclass
class ArticleResult:
    """Everything one article adds to the database; computed from the article alone, so any process can make it."""

    article: dict
    quotes: list[dict]
    speakers: list[dict]  # the article's own view of each source, merged within the article
    organizations: list[dict]
    warnings: list[str] = field(default_factory=list)
    failed: str | None = None  # why the extractor could not read this article, if it could not


def article_result(article: Article, source_file: str, attributions: list[Attribution] | None = None) -> ArticleResult:
    """Extract (unless ``attributions`` are given) and turn one article into rows. A pure function."""
    if attributions is None:
        try:
            attributions = extract(article.text)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
            # A bug, but the user's batch goes on: the article is skipped and named.
            reason = f"extractor failed on article {article.id!r} ({type(error).__name__}: {error})"
            return ArticleResult(article_row(article, source_file), [], [], [], failed=reason)
    warnings: list[str] = []
    catalogue = Catalogue()
    quotes = catalogue.quote_rows(article, attributions, warnings.append)
    return ArticleResult(
        article=article_row(article, source_file),
        quotes=quotes,
        speakers=[{"source_article": article.id, **row} for row in catalogue.speakers.values()],
        organizations=[{"source_article": article.id, **row} for row in catalogue.organizations.values()],
        warnings=warnings,
    )


def content_hash(text: str) -> str:
    """What ``--update`` compares: the article text, which is all the extractor reads."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def extractor_version() -> str:
    """A fingerprint of the code that turns text into rows; stored as the database's user_version.

    ``--update`` reuses nothing from a database built by another version: a changed
    rule re-extracts every article.
    """
    from . import compiled

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    # db.py: the rows made from attributions; the cue model's weights: what the rules keep.
    for name in [*compiled.source_files(), "lexicon/cue_model.json", "db.py"]:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def extractor_version_number() -> int:
    return int(extractor_version()[:7], 16)  # user_version is a signed 32-bit integer




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

    def reserve(self, article_id: str, name: str) -> None:
        self.reserved[article_id] = name

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
                    sql = "insert into [{}] ({}) values ({})".format(
                        table, ", ".join(f"[{c}]" for c in columns), ", ".join("?" * len(columns))
                    )
                    self.db.conn.executemany(sql, [[row.get(c) for c in columns] for row in rows])
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
    insert = "insert into [{}] ({}) values ({})".format(
        table, ", ".join(f"[{c}]" for c in columns), ", ".join("?" * len(columns))
    )
    count = 0
    batch: list[list] = []
    current: list | None = None
    for row in cursor:
        if current is not None and current[0] == row[0]:
            for i, value in enumerate(row):
                if current[i] is None and value is not None:
                    current[i] = value
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


def article_row(article: Article, source_file: str) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "byline": article.byline,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        # Relative to the folder given to the build: no local paths in published data.
        "source_file": source_file,
        "text": article.text,
        "word_count": article.word_count,
    }


class Catalogue:
    """Speakers and organisations met so far, so each becomes one row with a stable id."""

    def __init__(self):
        self.speakers: dict[str, dict] = {}
        self.organizations: dict[str, dict] = {}

    def organization_id(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        org_id = _id(name)
        self.organizations.setdefault(org_id, {"id": org_id, "name": name.strip()})
        return org_id

    def speaker_id(self, a: Attribution, article_id: str) -> str | None:
        if not a.speaker or not a.speaker.strip():
            return None
        name = (a.name or a.speaker).strip()
        # A named source is the same person in every article; "a Western diplomat"
        # in two articles is two people, so unnamed sources are per article.
        speaker_id = f"{article_id}:{_id(a.speaker)}" if a.anonymous else _id(name)
        row = {
            "id": speaker_id,
            "name": name,
            "kind": a.kind,
            "title": a.title,
            "role": a.role,
            "affiliation_id": self.organization_id(a.affiliation),
            "anonymous": int(a.anonymous),
            "pronoun": a.pronoun,
            "description": a.description,
            "article_id": article_id if a.anonymous else None,
        }
        known = self.speakers.get(speaker_id)
        if known is None:
            self.speakers[speaker_id] = row
        else:
            # First mention wins; later ones only fill what it left blank.
            for key, value in row.items():
                if known[key] is None and value is not None:
                    known[key] = value
        return speaker_id

    def quote_rows(self, article: Article, attributions: list[Attribution], warn) -> list[dict]:
        """One row per (span, source): a claim with three sources is three rows, so each speaker's facet finds it."""
        rows = []
        seen: set[tuple[int, int, str | None]] = set()
        per_span: dict[tuple[int, int], int] = {}
        for a in attributions:
            if not 0 <= a.start <= a.end <= len(article.text):
                warn(f"{article.id}: attribution at {a.start}-{a.end} is outside the article text; left out")
                continue
            speaker_id = self.speaker_id(a, article.id)
            key = (a.start, a.end, speaker_id)
            if key in seen:
                continue
            seen.add(key)
            n = per_span[a.start, a.end] = per_span.get((a.start, a.end), 0) + 1
            rows.append({
                # Zero-padded offsets: sorting by id reads each article in order.
                "id": f"{article.id}:{a.start:06d}-{a.end:06d}:{n}",
                "article_id": article.id,
                "speaker_id": speaker_id,
                "affiliation_id": self.organization_id(a.affiliation),
                # The slice itself, so quotes.text == articles.text[start:end] always holds.
                "text": article.text[a.start:a.end],
                "type": a.type,
                "cue": a.cue,
                "speaker_mention": a.speaker_mention,
                "medium": a.medium,
                "paragraph": a.paragraph,
                "start": a.start,
                "end": a.end,
                "anonymous": int(a.anonymous),
                "fragments": json.dumps(a.fragments) if len(a.fragments) > 1 else None,
            })
        return rows


def _id(name: str) -> str:
    """A stable id from a name: "Col. John Dorrian" -> "col-john-dorrian"."""
    return slugify(name) or hashlib.sha1(name.encode()).hexdigest()[:12]


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


# --- serving ---------------------------------------------------------------------------


def inspect_path(db_path: Path | str) -> Path:
    """Where the build leaves Datasette's table counts for ``db_path``: ``quotes.db.inspect.json``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".inspect.json")


def inspect_data(path: Path | str, published_as: Path | str) -> dict:
    """What ``datasette inspect`` writes for the database at ``path``, to be served as ``published_as``.

    Datasette reads the counts (so an immutable database is never counted at start
    or on a table page) and the hash. ``mtime_ns`` is ours: a counts file whose size
    or time does not match the database is stale, and ``serve`` leaves it out.
    """
    path, published_as = Path(path), Path(published_as)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table' order by name")]
        counts = {name: {"count": conn.execute(f"select count(*) from [{name}]").fetchone()[0]} for name in tables}
    finally:
        conn.close()
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    stat = path.stat()
    return {published_as.stem: {
        "hash": digest.hexdigest(),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "file": str(published_as),
        "tables": counts,
    }}


def current_inspect_file(db_path: Path | str) -> Path | None:
    """The counts file written with ``db_path``, or None when missing or stale (the database changed since)."""
    db_path, counts = Path(db_path), inspect_path(db_path)
    try:
        data = json.loads(counts.read_text(encoding="utf-8"))[db_path.stem]
        stat = db_path.stat()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if data.get("size") != stat.st_size or data.get("mtime_ns") != stat.st_mtime_ns:
        return None
    return counts


def _project_dirs() -> dict[str, Path]:
    return {name: ROOT / name for name in ("templates", "static", "plugins") if (ROOT / name).is_dir()}


def datasette_options(db_path: Path | str) -> dict:
    """Keyword arguments for ``datasette.app.Datasette``: the same setup ``datasette_args`` serves."""
    dirs = _project_dirs()
    options = {
        "immutables": [str(db_path)],
        "settings": dict(DATASETTE_SETTINGS),
    }
    counts = current_inspect_file(db_path)
    if counts is not None:
        options["inspect_data"] = json.loads(counts.read_text(encoding="utf-8"))
    if METADATA.exists():
        options["metadata"] = json.loads(METADATA.read_text(encoding="utf-8"))
    if "templates" in dirs:
        options["template_dir"] = str(dirs["templates"])
    if "static" in dirs:
        options["static_mounts"] = [("static", str(dirs["static"]))]
    if "plugins" in dirs:
        options["plugins_dir"] = str(dirs["plugins"])
    return options


def datasette_args(db_path: Path | str, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """The argv that serves ``db_path`` immutable with this project's metadata, templates, static files and plugins.

    Binds to 127.0.0.1 unless told otherwise: publishing is a deliberate step.
    """
    executable = Path(sys.executable).parent / "datasette"
    if not executable.exists():
        executable = Path(shutil.which("datasette") or "datasette")
    args = [str(executable), "serve", "-i", str(db_path), "--host", host, "--port", str(port)]
    counts = current_inspect_file(db_path)
    if counts is not None:  # table counts from the build: nothing to count at start or per page
        args += ["--inspect-file", str(counts)]
    if METADATA.exists():
        args += ["--metadata", str(METADATA)]
    dirs = _project_dirs()
    if "templates" in dirs:
        args += ["--template-dir", str(dirs["templates"])]
    if "static" in dirs:
        args += ["--static", f"static:{dirs['static']}"]
    if "plugins" in dirs:
        args += ["--plugins-dir", str(dirs["plugins"])]
    for name, value in DATASETTE_SETTINGS.items():
        if isinstance(value, bool):
            value = "on" if value else "off"
        args += ["--setting", name, str(value)]
    return args
