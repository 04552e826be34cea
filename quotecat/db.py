"""quotes.db: the schema, the build, and how Datasette serves it.

The one place where the schema lives. The build follows simonw/til's
``build_database.py``: plain sqlite-utils calls, tables declared up front with
their primary and foreign keys, indexes and full-text search added after the
bulk insert, then ANALYZE and VACUUM so the file can be served immutable.
"""

import contextlib
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click
import sqlite_utils

from .extract import extract
from .model import Article, Attribution
from .reader import find_files, iter_articles, slugify

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.json"

# Datasette settings, shared by `quotecat serve` (as --setting flags) and the tests
# (as Datasette(settings=...)), so what is tested is what is served.
DATASETTE_SETTINGS = {
    "sql_time_limit_ms": 3000,
    # Datasette ignores a facet limit above sql_time_limit_ms; 1 s keeps four default facets under budget.
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
        return line


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --- the schema ------------------------------------------------------------------------


def create_tables(db: sqlite_utils.Database) -> None:
    """Declare every table with its keys before any row arrives.

    Declaring foreign keys at creation avoids sqlite-utils' add_foreign_key, which
    copies the whole table; explicit columns mean an empty batch still builds the
    full schema, and column types never depend on what the first row happened to hold.
    """
    db["articles"].create(
        {
            "id": str,
            "title": str,
            "byline": str,
            "outlet": str,
            "published": str,
            "url": str,
            "source_file": str,
            "text": str,
            "word_count": int,
        },
        pk="id",
        not_null={"text", "word_count"},
    )
    db["organizations"].create({"id": str, "name": str}, pk="id", not_null={"name"})
    db["speakers"].create(
        {
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
        pk="id",
        foreign_keys=[
            ("affiliation_id", "organizations", "id"),
            ("article_id", "articles", "id"),
        ],
        not_null={"name", "anonymous"},
    )
    db["quotes"].create(
        {
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
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("speaker_id", "speakers", "id"),
            ("affiliation_id", "organizations", "id"),
        ],
        not_null={"article_id", "text", "type", "start", "end", "anonymous"},
    )


# Columns Datasette facets or filters on; each needs an index once tables are big.
FACET_INDEXES = {
    "articles": [["outlet"], ["published"]],
    "speakers": [["kind"], ["anonymous"]],
    "quotes": [["type"], ["anonymous"], ["speaker_id", "type"]],
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


def finish(db: sqlite_utils.Database) -> None:
    """Indexes, full-text search and the view, once all rows are in: faster than keeping them up to date row by row."""
    db.index_foreign_keys()
    for table, indexes in FACET_INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    # No triggers: the published file is read-only, the index is built once here.
    db["quotes"].enable_fts(["text"], tokenize="porter")
    db["quotes"].optimize()
    db["speakers"].enable_fts(["name"])
    db.create_view("attributions", ATTRIBUTIONS_VIEW)
    db.analyze()
    # SQLite only promises to keep rowids through VACUUM for INTEGER PRIMARY KEY tables, and
    # quotes_fts finds quotes by rowid. Current SQLite copies them unchanged; tests/test_build.py
    # runs FTS5's integrity-check against the content table to catch it if that ever changes.
    db.vacuum()


# --- the build -------------------------------------------------------------------------


def build(
    paths: Iterable[Path | str],
    db_path: Path | str,
    progress: bool = False,
    warn: Callable[[str], None] = print,
    strict: bool = False,
) -> BuildSummary:
    """Rebuild ``db_path`` from scratch from the articles under ``paths``.

    The database is written to a temporary file beside ``db_path`` and moved into
    place only once complete, so a failed or interrupted build leaves the previous
    database as it was. Files that cannot be read are skipped with a warning;
    with ``strict`` any skipped file fails the build and the previous database stays.
    """
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = db_path.with_name(f"{db_path.name}.tmp-{os.getpid()}")
    _remove(tmp_path)
    summary = BuildSummary(db_name=db_path.name)
    try:
        db = sqlite_utils.Database(tmp_path)
        try:
            _write(db, [Path(p) for p in paths], summary, progress, warn)
        finally:
            db.close()
        if strict and summary.skipped:
            raise StrictBuildError(summary)
        _fsync(tmp_path)
        os.replace(tmp_path, db_path)
    except BaseException:
        _remove(tmp_path)
        raise
    return summary


def _write(db, paths, summary, progress, warn) -> None:
    # Durability comes from the final fsync + rename, not from SQLite's journal.
    db.execute("pragma synchronous = off")
    db.execute("pragma journal_mode = memory")
    create_tables(db)
    files = list(dict.fromkeys(find_files(paths)))
    catalogue = Catalogue()
    articles: list[dict] = []
    quotes: list[dict] = []
    read_from: dict[str, str] = {}  # article id -> file it came from

    def flush():
        db["articles"].insert_all(articles)
        db["quotes"].insert_all(quotes)
        summary.articles += len(articles)
        summary.quotes += len(quotes)
        articles.clear()
        quotes.clear()

    bar = (
        click.progressbar(files, label="Building", file=sys.stderr)
        if progress and len(files) > _PROGRESS_THRESHOLD
        else contextlib.nullcontext(files)
    )
    with bar as files_:
        for path in files_:
            name = _display_name(path, paths)
            errors: list[Exception] = []
            try:
                # One file at a time: the bar moves per file, and a big JSON lines
                # archive streams through instead of being read whole.
                for article in iter_articles([path], on_error=errors.append, warn=warn):
                    if article.id in read_from:
                        reason = f"article id {article.id!r} already read from {read_from[article.id]}"
                        summary.skipped.append((name, reason))
                        warn(f"skipped {name}: {reason}")
                        continue
                    read_from[article.id] = name
                    try:
                        attributions = extract(article.text)
                    except Exception as error:
                        error.add_note(f"while extracting attributions from {name} (article {article.id!r})")
                        raise
                    articles.append(article_row(article, name))
                    quotes.extend(catalogue.quote_rows(article, attributions, warn))
                    if len(quotes) >= _BATCH or len(articles) >= _BATCH // 10:
                        flush()
            except OSError as error:  # unreadable in a way the reader did not catch (permissions, vanished)
                errors.append(error)
            for error in errors:
                reason = _reason(error, path)
                summary.skipped.append((name, reason))
                warn(f"skipped {name}: {reason}")
    flush()
    db["organizations"].insert_all(sorted(catalogue.organizations.values(), key=lambda r: r["id"]))
    db["speakers"].insert_all(sorted(catalogue.speakers.values(), key=lambda r: r["id"]))
    summary.organizations = len(catalogue.organizations)
    summary.speakers = len(catalogue.speakers)
    finish(db)


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


# --- serving ---------------------------------------------------------------------------


def _project_dirs() -> dict[str, Path]:
    return {name: ROOT / name for name in ("templates", "static", "plugins") if (ROOT / name).is_dir()}


def datasette_options(db_path: Path | str) -> dict:
    """Keyword arguments for ``datasette.app.Datasette``: the same setup ``datasette_args`` serves."""
    dirs = _project_dirs()
    options = {
        "immutables": [str(db_path)],
        "settings": dict(DATASETTE_SETTINGS),
    }
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
