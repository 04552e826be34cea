"""Building quotes.db: read, extract, write in batches, and swap the finished file into place.

``build`` lists the article files (``quotecat.read``); worker processes
(``quotecat.parallel``) read, hash and extract them and turn them into rows
(``quotecat.rows``) and the quotations' signatures (``quotecat.clusters``); this
process writes the rows in input order into the tables ``quotecat.schema`` declares,
on a temporary file that replaces ``quotes.db`` only when complete and worth having
(``quotecat.publish``). ``--update`` copies the rows of
unchanged articles from the previous build; ``load_parquet`` writes rows a distributed
run made.
"""

import contextlib
import functools
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import sqlite_utils

from . import clusters, compiled, corrections as corrections_
from .distributed import COLUMNS as PARQUET_COLUMNS, result_from_record
from .ids import file_id, path_id, unique_id
from .model import Article, ArticleResult
from .fold import fold
from .parallel import WorkerLost, in_chunks, in_order, resolve_jobs
from .publish import BuildError, BuildInterrupted, SQLITE_HEADER, article_count, kept, publish, signals_deferred
from .read import ArticleError, find_files, iter_articles, logical_path, read_file
from .rows import article_result, article_row, content_hash
from .schema import SCHEMA, create_tables, finish, insert_sql

__all__ = ["BuildError", "BuildInterrupted", "BuildSummary", "StrictBuildError", "build", "load_parquet"]

# How many rows to hold before writing them: a few thousand keeps memory flat on big batches.
_BATCH = 2000
# The summary line counts skipped files by reason and names at most this many a reason;
# the warnings name every one.
_SKIPPED_IN_LINE = 3
# A build with fewer articles than this share of the database it replaces needs allow_shrink
# (--allow-shrink): a folder half moved away, or the wrong folder, must not quietly empty a catalogue.
SHRINK_SHARE = 0.5


class StrictBuildError(BuildError):
    """A --strict build skipped files: nothing was written."""

    def __init__(self, summary: "BuildSummary", db_path: Path):
        self.summary = summary
        names = "; ".join(f"{name}: {reason}" for name, reason in summary.skipped)
        super().__init__(f"{len(summary.skipped)} file(s) skipped and --strict is set, "
                         f"{kept(db_path)} ({names})")


@dataclass
class BuildSummary:
    """What a build wrote and what it skipped, for the one line the CLI prints."""

    db_name: str = "quotes.db"
    articles: int = 0
    quotes: int = 0
    speakers: int = 0
    organizations: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    renamed: int = 0  # articles whose id another article had: they got -2, -3 (a warning names each)
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
        if self.renamed:
            line += f"; {_plural(self.renamed, 'article')} renamed, their id taken by another (see the warnings)"
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
        elif reason.startswith("duplicate of "):
            kind, shown = "duplicate", name
        else:
            # "article 'x': text that is not valid Unicode (...)", "row 3: cannot be read back (...)": by the problem
            kind = re.split(r" \(|: |, | '", re.sub(r"^(?:article '[^']*'|row \d+): ", "", reason))[0]
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
    allow_shrink: bool = False,
    columns: dict[str, str] | None = None,
    corrections: Iterable[Path | str] = (),
) -> BuildSummary:
    """Build ``db_path`` from the articles under ``paths``: from scratch, or with ``update`` reusing the last build.

    The database is written to a temporary file beside ``db_path`` and moved into
    place only once complete, so a failed or interrupted build leaves the previous
    database as it was. Files that cannot be read are skipped with a warning;
    with ``strict`` any skipped file fails the build and the previous database stays.
    A build that read no article, or (without ``allow_shrink``) fewer than half the
    articles of the database it would replace, raises BuildError and replaces nothing.

    Articles stream through: read, extracted on ``jobs`` processes (default: every
    core) and written in batches, in input order, so the rows and ids never depend
    on ``jobs``. With ``update``, an article whose text hashes to the ``content_hash``
    stored by the previous build (made by the same extractor) is copied from it
    instead of extracted again; new articles are extracted, deleted ones are left
    out. The result is the database a full build would write, row for row.

    ``progress(files)``, if given, wraps the list of files as it is read (the CLI's progress bar).
    ``columns`` names the columns of CSV files (``quotecat.read.parse_columns``).
    ``corrections`` are corrections files to apply besides the ``corrections.yaml`` at the
    top of an input folder (``quotecat.corrections``); a bad one raises CorrectionsError
    before anything is read.
    """
    db_path, paths = Path(db_path), _existing(paths, db_path)
    summary = BuildSummary(db_name=db_path.name)
    fixes = corrections_.load(corrections_.find(paths, corrections))
    files = list(dict.fromkeys(find_files(paths, on_skip=functools.partial(_skip, summary, warn, paths))))
    _refuse_an_input_as_target(db_path, files)

    def write(db):
        previous = _Previous.open(db_path, warn) if update else None
        summary.updated = update
        try:
            writer = _Writer(db, summary, warn, previous)
            # Workers read, hash and extract; this process only writes what they send back.
            work = functools.partial(file_rows, previous=None if previous is None else str(db_path), columns=columns)
            with progress(files) if progress else contextlib.nullcontext(files) as files_, \
                    signals_deferred() as check:
                tasks = _tasks(files_, paths, warn, columns)
                try:
                    for _, results in in_order(work, in_chunks(tasks, _task_size), resolve_jobs(jobs), check):
                        for result in results:
                            writer.add_file(result)
                except WorkerLost as error:
                    raise BuildError(f"{error}; {kept(db_path)}") from error
            writer.close()
            corrections_.apply(db, fixes, warn, summary)
            if previous is not None:
                summary.removed = previous.count - writer.matched
        finally:
            if previous is not None:
                previous.close()
            _close_previous_hashes()

    nothing = (f"no article files in {', '.join(map(str, paths))}" if not files else "no article read")
    _build_atomically(db_path, summary, write, strict, allow_shrink, nothing)
    return summary


def load_parquet(
    paths: Iterable[Path | str],
    db_path: Path | str,
    warn: Callable[[str], None] = print,
    allow_shrink: bool = False,
) -> BuildSummary:
    """Build ``db_path`` from Parquet written by a distributed run of :func:`quotecat.distributed.extract_record`.

    Files are read in natural name order (``part.0``, ``part.1``, ... ``part.10``) and
    row group by row group, so memory stays flat; the rows go through the same writer
    as ``build``, so the database is the one a local build of the same articles gives.
    A file that is not Parquet, or lacks the columns extract_record writes, is skipped
    and named, as is a row that cannot be read back.
    """
    db_path, paths = Path(db_path), _existing(paths, db_path)
    files = sorted(
        (f for p in paths for f in ([p] if p.is_file() else p.rglob("*.parquet"))),
        key=lambda f: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", f.as_posix())],
    )
    _refuse_an_input_as_target(db_path, files)
    summary = BuildSummary(db_name=db_path.name)

    def write(db):
        writer = _Writer(db, summary, warn, None)
        for file in files:
            for rows, name, problem in _parquet_rows(file):
                if problem:
                    writer.skip(name, problem)
                else:
                    writer.add(rows, name, shown_as=file.name)
        writer.close()

    nothing = f"no Parquet files in {', '.join(map(str, paths))}" if not files else "no article read"
    _build_atomically(db_path, summary, write, False, allow_shrink, nothing)
    return summary


def _parquet_rows(file: Path):
    """(rows, source file, None) for each row of ``file``; (None, name, why) for a file or row that cannot be read."""
    import pyarrow
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(file)
    except (pyarrow.ArrowException, OSError) as error:
        yield None, file.name, f"not a Parquet file ({error})"
        return
    missing = [c for c in PARQUET_COLUMNS if c not in parquet.schema_arrow.names]
    if missing:
        yield None, file.name, (f"not written by quotecat.distributed.extract_record: no column "
                                f"{', '.join(missing)}")
        return
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=256, columns=PARQUET_COLUMNS):
            for record in batch.to_pylist():
                number += 1
                try:
                    article, name, digest, result = result_from_record(record)
                    rows = article_rows(article, digest, result)
                except (ValueError, TypeError, KeyError, AttributeError) as error:
                    yield None, file.name, f"row {number}: cannot be read back ({type(error).__name__}: {error})"
                    continue
                yield rows, name, None
    except (pyarrow.ArrowException, OSError) as error:
        yield None, file.name, f"unreadable after row {number} ({error})"


def _existing(paths: Iterable[Path | str], db_path: Path | str) -> list[Path]:
    """The inputs as paths; a missing one fails the build before anything is read (the default ./articles too)."""
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise BuildError(f"no such file or folder: {', '.join(missing)}; {kept(Path(db_path))}")
    return paths


def _refuse_an_input_as_target(db_path: Path, files: list[Path]) -> None:
    """``build arch.jsonl --db arch.jsonl`` would replace the archive with the database: refuse it."""
    try:
        target = db_path.stat()
    except OSError:
        return  # not there yet: it cannot be an input
    for file in files:
        try:
            found = file.stat()
        except OSError:
            continue  # the reader says why it cannot be read
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            raise BuildError(f"{db_path} is one of the input files: writing the database there would "
                             "destroy it; write it to another file")


def _build_atomically(db_path: Path, summary: BuildSummary, write, strict: bool, allow_shrink: bool,
                      nothing: str) -> None:
    """Run ``write(db)`` on a temporary file, check the result is worth publishing, finish it, publish it."""

    def make(tmp_path: Path) -> None:
        db = new_database(tmp_path)
        try:
            write(db)
            _check_worth_publishing(summary, db_path, strict, allow_shrink, nothing)
            finish(db)
        finally:
            db.close()

    publish(db_path, make)


def _check_worth_publishing(summary: BuildSummary, db_path: Path, strict: bool, allow_shrink: bool,
                            nothing: str) -> None:
    if not summary.articles:
        skipped = f" ({_plural(len(summary.skipped), 'file')} skipped: {_by_reason(summary.skipped)})" \
            if summary.skipped else ""
        raise BuildError(f"{nothing}{skipped}: nothing to build; {kept(db_path)}")
    if strict and summary.skipped:
        raise StrictBuildError(summary, db_path)
    before = article_count(db_path)
    if not allow_shrink and before and summary.articles < before * SHRINK_SHARE:
        raise BuildError(f"this build has {_plural(summary.articles, 'article')}, fewer than half of the "
                         f"{before} in {db_path.name}: pass --allow-shrink to replace it with the smaller "
                         f"catalogue; {kept(db_path)}")


def new_database(path: Path) -> sqlite_utils.Database:
    """An empty database at ``path`` with every table declared, set up for writing fast."""
    # No sqlite-utils plugins: the build runs only its own SQL, and looking them up scans the entry
    # points of every installed package (0.04 s of CPU before the first article is read).
    db = sqlite_utils.Database(path, execute_plugins=False)
    # Durability comes from the final fsync + rename, not from SQLite's journal:
    # a crash leaves a temporary file that the next build removes.
    db.execute("pragma synchronous = off")
    db.execute("pragma journal_mode = off")
    db.execute(f"pragma cache_size = -{_CACHE_KB}")
    db.execute(f"pragma user_version = {extractor_version_number()}")
    create_tables(db)
    return db


# SQLite page cache while building (KiB).
_CACHE_KB = 64_000


# --- in the workers: files to rows -------------------------------------------------------

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
    signatures: list  # clusters.signature of each quotes row, computed here so the build's end only groups them
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


def _tasks(files, roots, warn, columns=None):
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
            for article in iter_articles([path], on_error=errors.append, warn=warn, columns=columns):
                article.id = _located_id(article.id, path, name)
                yield article, name, len(article.text)
        except OSError as error:  # unreadable in a way the reader did not catch (permissions, vanished)
            errors.append(error)
        except Exception as error:  # noqa: BLE001 - a reader bug: the rest of the file is skipped and named
            errors.append(RuntimeError(_unexpected(error)))
        yield [_reason(error, path) for error in errors], name, 0


def _skip(summary, warn, roots, error) -> None:
    """A file or folder the search passed over (unsupported type, unreadable folder): counted and named."""
    name = _display_name(Path(error.path), roots)
    summary.skipped.append((name, error.reason))
    warn(f"skipped {name}: {error.reason}")


def _task_size(task) -> int:
    return task[2]


def _located_id(article_id: str, path: Path, name: str) -> str:
    """The reader names a one-article file's article by the file name; the build, by its path in the folder given.

    Both without a compression suffix: a/story.txt.gz is the article a-story, as a/story.txt would be.
    """
    return path_id(logical_path(name)) if article_id == file_id(logical_path(path)) else article_id


def file_rows(chunk, previous: str | None, columns: dict[str, str] | None = None) -> list[FileRows]:
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
                articles = read_file(what, warn=warnings.append, columns=columns)
            except (ArticleError, OSError) as error:
                results.append(FileRows(name, [], warnings, [_reason(error, what)]))
                continue
            except Exception as error:  # noqa: BLE001 - a reader bug: this file is skipped and named, the batch goes on
                results.append(FileRows(name, [], warnings, [_unexpected(error)]))
                continue
            for article in articles:
                article.id = _located_id(article.id, what, name)
            results.append(FileRows(name, [_rows(article, name, known) for article in articles], warnings, []))
    return results


def _unexpected(error: Exception) -> str:
    return f"could not be read ({type(error).__name__}: {error})"


def _rows(article: Article, name: str, known) -> ArticleRows:
    """``known(article_id)`` gives the previous build's content hash: an unchanged article is not extracted again."""
    try:
        digest = content_hash(article.text)
        for value in (article.id, article.title, article.byline, article.outlet, article.published, article.url):
            if value:
                value.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate ("\ud83d" in JSON): SQLite cannot store it
        return ArticleRows(article.id, "", (), [], [], [], [], [], failed=f"article {article.id!r}: text that is not "
                           f"valid Unicode ({error.reason} at character {error.start}); skipped")
    stored = known(article.id) if known else None
    if stored == digest:
        return ArticleRows(article.id, digest, _tuple(article_row(article, name), "articles", digest),
                           [], [], [], [], [], reused=True, in_previous=True)
    return article_rows(article, digest, article_result(article, name), in_previous=stored is not None)


def article_rows(article: Article, digest: str, result: ArticleResult, in_previous: bool = False) -> ArticleRows:
    """``result`` as tuples in SCHEMA's column order."""
    quotes = [_tuple(row, "quotes") for row in result.quotes]
    return ArticleRows(
        id=article.id,
        digest=digest,
        article=_tuple(result.article, "articles", digest),
        quotes=quotes,
        speakers=[_tuple(row, "_speaker_mentions") for row in result.speakers],
        organizations=[_tuple(row, "_organization_mentions") for row in result.organizations],
        signatures=_signatures(quotes),
        warnings=result.warnings,
        failed=result.failed,
        in_previous=in_previous,
    )


_COLUMNS = {table: tuple(columns) for table, columns in SCHEMA.items()}
_QUOTE_ID, _QUOTE_TEXT, _QUOTE_TYPE = (_COLUMNS["quotes"].index(column) for column in ("id", "text", "type"))


def _signatures(quotes: list[tuple]) -> list:
    return [clusters.signature(row[_QUOTE_TEXT], row[_QUOTE_TYPE]) for row in quotes]


def _tuple(row: dict, table: str, digest: str | None = None) -> tuple:
    if digest is not None:
        row = {**row, "content_hash": digest}
    return tuple([row.get(column) for column in _COLUMNS[table]])


def _article_of(row: tuple, article_id: str, name: str) -> Article:
    """The article an articles row was made from, under another id."""
    values = dict(zip(_COLUMNS["articles"], row))
    return Article(id=article_id, title=values["title"], text=values["text"], byline=values["byline"],
                   outlet=values["outlet"], published=values["published"], url=values["url"], source_file=name,
                   trimmed_chars=values["trimmed_chars"] or 0)


# The quotes columns the fold may change, as ``_quote_raw`` keeps them from before it.
_RAW_COLUMNS = ("speaker_id", "affiliation_id", "anonymous", "source_type")
# An article's stored content hash, or '' for one a correction changed: it is extracted again, so
# corrections always apply to the extractor's rows, never to the last build's corrected ones.
_STORED_HASH = ("select case when exists (select 1 from _corrected_articles where article_id = articles.id) "
                "then '' else content_hash end from articles where id = ?")


# Per worker process: the previous build's database (read-only), to look up content hashes.
_previous_connections: dict[tuple[int, str], sqlite3.Connection] = {}


def _previous_hashes(previous: str | None):
    """``stored(article_id)``: the previous build's content hash of an article, None if it has none or
    cannot say (a damaged file: the article is then extracted, and the parent warns when it finds the damage)."""
    if previous is None:
        return None
    key = (os.getpid(), previous)
    conn = _previous_connections.get(key)
    if conn is None:
        conn = _previous_connections[key] = sqlite3.connect(f"file:{previous}?mode=ro", uri=True)

    def stored(article_id: str) -> str | None:
        try:
            row = conn.execute(_STORED_HASH, [article_id]).fetchone()
        except sqlite3.DatabaseError:
            return None
        return None if row is None else row[0]

    return stored


def _close_previous_hashes() -> None:
    for key in [key for key in _previous_connections if key[0] == os.getpid()]:
        _previous_connections.pop(key).close()


# --- the fingerprint ---------------------------------------------------------------------


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


# --- in this process: rows to the database ----------------------------------------------


class _Previous:
    """The database being updated, read-only: its content hashes and the rows to copy for unchanged articles.

    A damaged file never stops the build: what cannot be read from it is extracted
    again, with one warning, so the result is still the database a full build writes.
    """

    def __init__(self, conn: sqlite3.Connection, count: int, name: str, warn):
        self.conn = conn
        self.count = count
        self.name = name
        self.warn = warn
        self.damaged = False

    @classmethod
    def open(cls, db_path: Path, warn) -> "_Previous | None":
        if not db_path.exists():
            warn(f"{db_path.name} does not exist yet: building from scratch")
            return None
        problem = _truncated(db_path)
        if problem:
            warn(f"{db_path.name} is damaged ({problem}): building from scratch")
            return None
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            columns = {row[1] for row in conn.execute("pragma table_info(articles)")}
            tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
            version = conn.execute("pragma user_version").fetchone()[0]
            count = conn.execute("select count(*) from articles").fetchone()[0] if "id" in columns else 0
        except sqlite3.DatabaseError as error:
            conn.close()
            warn(f"cannot read {db_path.name} ({error}): building from scratch")
            return None
        if "content_hash" not in columns or not {"_speaker_mentions", "_organization_mentions", "_quote_raw",
                                                  "_corrected_articles"} <= tables:
            reason = "was built by an older quotecat"
        elif version != extractor_version_number():
            reason = "was built by another version of the extractor"
        else:
            return cls(conn, count, db_path.name, warn)
        conn.close()
        warn(f"{db_path.name} {reason}: extracting every article again")
        return None

    def _failed(self, error: sqlite3.Error) -> None:
        if not self.damaged:
            self.damaged = True
            self.warn(f"{self.name} is damaged ({error}): the articles it cannot give back are extracted again")

    def stored(self, article_id: str) -> str | None:
        """The content hash the previous build stored for ``article_id``, if it has the article."""
        try:
            row = self.conn.execute(_STORED_HASH, [article_id]).fetchone()
        except sqlite3.DatabaseError as error:
            self._failed(error)
            return None
        return None if row is None else row[0]

    def copy(self, article_id: str) -> tuple[list, list, list] | None:
        """The quotes, speaker mentions and organisation mentions rows an article gave; None if they cannot be read."""
        try:
            return (self._quote_rows(article_id),
                    self._rows("_speaker_mentions", "source_article", article_id),
                    self._rows("_organization_mentions", "source_article", article_id))
        except sqlite3.DatabaseError as error:
            self._failed(error)
            return None

    def _rows(self, table: str, column: str, article_id: str) -> list[tuple]:
        columns = ", ".join(f"[{c}]" for c in SCHEMA[table])
        return self.conn.execute(f"select {columns} from [{table}] where [{column}] = ? order by rowid",
                                 [article_id]).fetchall()

    def _quote_rows(self, article_id: str) -> list[tuple]:
        """The article's quotes rows with the speaker, affiliation and kind of source they had before
        the fold (``_quote_raw``), so that the build folds them again as a rebuild does."""
        columns = ", ".join(f"case when r.quote_id is null then q.[{c}] else r.[{c}] end"
                            if c in _RAW_COLUMNS else f"q.[{c}]" for c in SCHEMA["quotes"])
        return self.conn.execute(f"select {columns} from quotes q left join _quote_raw r on r.quote_id = q.id "
                                 "where q.article_id = ? order by q.rowid", [article_id]).fetchall()

    def close(self):
        self.conn.close()


def _truncated(db_path: Path) -> str | None:
    """Why the file is shorter than its header says (a copy cut short, a disk that filled up), if it is."""
    with open(db_path, "rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return None  # empty, or not a database at all: publish refuses the latter
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the page count is kept up to date by SQLite >= 3.7.0
    size = db_path.stat().st_size
    if valid and pages and size < pages * page_size:
        return f"{size:,} bytes where its header says {pages * page_size:,}"
    return None


class _Writer:
    """Rows in input order, written in batches: memory holds one batch, never the corpus.

    Every article gets an id of its own: one with the id and the text of an earlier
    article is a duplicate, skipped and named; one with another text gets the id with
    ``-2`` (``-3``, ...), with a warning, as the reader does within one file.
    """

    def __init__(self, db: sqlite_utils.Database, summary: "BuildSummary", warn, previous: _Previous | None):
        self.db = db
        self.summary = summary
        self.warn = warn
        self.previous = previous
        self.buffers: dict[str, list] = {table: [] for table in _BUFFERED}
        self.reserved: dict[str, tuple[str, str]] = {}  # article id -> (file, content hash), not yet written
        self.signatures = clusters.Signatures(db)
        self.quotes_written = 0  # the rowid of the last quotes row: the table is new, rows are only added
        self.matched = 0  # articles whose id the previous build has

    def holder(self, article_id: str) -> tuple[str, str] | None:
        """(file, content hash) of the article that already has ``article_id``, if one has."""
        if article_id in self.reserved:
            return self.reserved[article_id]
        return self.db.conn.execute("select source_file, content_hash from articles where id = ?",
                               [article_id]).fetchone()

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
        """Write one article's rows under an id of its own (a duplicate is skipped, named ``shown_as``)."""
        shown_as = shown_as or name
        if rows.failed:
            self.matched += rows.in_previous
            self.skip(name, rows.failed)
            return
        holder = self.holder(rows.id)
        if holder is not None:
            other, digest = holder
            if digest == rows.digest:
                self.skip(shown_as, f"duplicate of {other} (the same text, article id {rows.id!r})")
                return
            article_id = unique_id(rows.id, lambda candidate: self.holder(candidate) is not None)
            self.warn(f"{shown_as}: article id {rows.id!r} is {other}'s, which has another text: "
                      f"this article is {article_id!r}")
            self.summary.renamed += 1
            rows = self._again(rows, article_id, name)
        self.reserved[rows.id] = (name, rows.digest)
        self.matched += rows.in_previous
        copied = self.previous.copy(rows.id) if rows.reused else None
        if rows.reused and copied is None:  # the previous build cannot give them back
            rows = self._again(rows, rows.id, name, reuse=False)
        if copied is not None:
            quotes, speakers, organizations = copied
            signatures = _signatures(quotes)
            self.summary.reused += 1
        else:
            for message in rows.warnings:
                self.warn(message)
            quotes, speakers, organizations = rows.quotes, rows.speakers, rows.organizations
            signatures = rows.signatures
            self.summary.extracted += 1
        for row, found in zip(quotes, signatures):
            self.quotes_written += 1
            self.signatures.add(self.quotes_written, row[_QUOTE_ID], found)
        buffers = self.buffers
        buffers["articles"].append(rows.article)
        buffers["quotes"] += quotes
        buffers["_speaker_mentions"] += speakers
        buffers["_organization_mentions"] += organizations
        self.summary.articles += 1
        self.summary.quotes += len(quotes)
        if len(buffers["quotes"]) >= _BATCH or len(buffers["articles"]) >= _BATCH // 10:
            self.flush()

    def _again(self, rows: ArticleRows, article_id: str, name: str, reuse: bool = True) -> ArticleRows:
        """The rows of the article ``rows`` came from, made here under ``article_id`` (rare: a clash, a damaged file)."""
        known = self.previous.stored if self.previous is not None and reuse else None
        return _rows(_article_of(rows.article, article_id, name), name, known)

    def flush(self) -> None:
        with self.db.conn:
            for table, rows in self.buffers.items():
                if rows:
                    self.db.conn.executemany(insert_sql(table), rows)
            self.signatures.flush()
        for row in self.buffers["articles"]:
            self.reserved.pop(row[0], None)
        for rows in self.buffers.values():
            rows.clear()

    def close(self) -> None:
        """Write what is left, then one row per speaker and organisation, folded from every article's mentions."""
        self.flush()
        self.summary.speakers, self.summary.organizations = fold(self.db)


_BUFFERED = ("articles", "quotes", "_speaker_mentions", "_organization_mentions")


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
