"""Corrections a journalist made by hand, kept in ``corrections.yaml`` and applied on every build.

The extractor makes mistakes; a person who checked a row writes down what is right, once,
in a file next to the articles, and every later build (full or ``--update``) applies it
to what the extractor found:

.. code-block:: yaml

    - not_an_attribution: islamic-state-deir-ezzour:000412-000470:1
      note: a headline, nobody said it
    - speaker: {row: islamic-state-deir-ezzour:001032-001118:1, is: John Dorrian}
    - merge_speaker: {from: Col. Dorrian, into: John Dorrian}
    - organisation: {row: islamic-state-deir-ezzour:001032-001118:1, is: US-led coalition}
    - organisation: {from: coalition, is: US-led coalition}

Rows are named by their id (``article:start-end:n``, ``quotecat.rows``), which the same
article text always gets again; speakers and organisations by name or id. A correction
that matches nothing any more (the article changed, the extractor now finds other words)
is reported and left out; the ones applied are listed in the ``corrections`` table. The
file is read before anything is built, so a broken file stops the build with its line
and the previous ``quotes.db`` stays.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
import yaml

from .ids import name_id
from .read.files import CORRECTIONS_FILES as FILE_NAMES  # looked for at the top of each input folder

# kind -> (the fields its entry takes, which of them say what to change and what it becomes)
KINDS = {
    "not_an_attribution": None,  # the value is a row id
    "speaker": ({"row"}, {"is"}),
    "merge_speaker": ({"from"}, {"into"}),
    "organisation": ({"row", "from"}, {"is"}),
}
# Spellings a journalist may write for the same kind.
ALIASES = {"organization": "organisation", "not_attribution": "not_an_attribution", "merge_speakers": "merge_speaker"}


class CorrectionsError(Exception):
    """A corrections file that cannot be read: named with its line, before anything is built."""


@dataclass(frozen=True)
class Correction:
    """One entry of a corrections file."""

    kind: str  # a key of KINDS
    target: str  # the row id (row corrections) or the speaker / organisation name or id (from)
    value: str | None  # the speaker or organisation it becomes; None for not_an_attribution
    by_row: bool  # target is a row id
    note: str | None
    file: str  # as the user named it
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}, line {self.line}"

    def unmatched(self) -> str:
        """What a build that found nothing for this correction says."""
        if self.by_row:
            return (f"{self.kind} {self.target}: no row of this build has that id "
                    "(the article changed, or the extractor now finds other words)")
        what = "speaker" if self.kind == "merge_speaker" else "organisation"
        return f"{self.kind} from {self.target!r}: no {what} of this build has that name or id"


# --- reading ---------------------------------------------------------------------------


def find(paths: Iterable[Path | str], given: Iterable[Path | str] = ()) -> list[Path]:
    """The corrections files of a build: those given, then one at the top of each input folder."""
    found: dict[Path, None] = {}
    for path in given:
        found[Path(path)] = None
    for folder in map(Path, paths):
        if folder.is_dir():
            for name in FILE_NAMES:
                if (folder / name).is_file():
                    found[folder / name] = None
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def load(paths: Iterable[Path | str]) -> list["Correction"]:
    """Every correction of every file, in file order; CorrectionsError names the file and line of a bad one."""
    corrections: list[Correction] = []
    for path in map(Path, paths):
        corrections.extend(read(path))
    return corrections


def read(path: Path, name: str | None = None) -> list[Correction]:
    """The corrections in one file (``name`` is how errors and the corrections table call it)."""
    name = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CorrectionsError(f"{name}: cannot read the corrections file ({error})") from error
    try:
        # The node tree keeps each entry's line; the loader gives the values. BaseLoader reads
        # every value as text: a speaker called "Yes" or "Null" stays a name, not True or None.
        document = yaml.compose(text, Loader=yaml.BaseLoader)
        data = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
    except yaml.YAMLError as error:
        mark, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
        where = f"{name}, line {mark.line + 1}" if mark is not None else name
        problem = getattr(error, "problem", None) or str(error)
        if context is not None and (mark is None or context.line != mark.line):
            # "expected ',' or '}'" at the end of the file is about the brace opened on line 1.
            problem += f" ({getattr(error, 'context', None) or 'in the entry'} on line {context.line + 1})"
        raise CorrectionsError(f"{where}: not valid YAML: {problem}") from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise CorrectionsError(f"{name}, line 1: a corrections file is a list of entries, each starting with '- '")
    return [_entry(item, node.start_mark.line + 1, name) for item, node in zip(data, document.value)]


def _entry(item, line: int, file: str) -> Correction:
    def fail(problem: str):
        raise CorrectionsError(f"{file}, line {line}: {problem}")

    if not isinstance(item, dict):
        fail(f"an entry is one of {', '.join(KINDS)} followed by ':' (got {item!r})")
    note = item.get("note")
    kinds = [ALIASES.get(str(key), str(key)) for key in item if key != "note"]
    if len(kinds) != 1 or kinds[0] not in KINDS:
        fail(f"an entry has one of {', '.join(KINDS)} (and optionally note:), got {', '.join(map(str, item))}")
    kind = kinds[0]
    body = next(value for key, value in item.items() if key != "note")
    if note is not None and not isinstance(note, str | int | float):
        fail("note: is text")
    note = None if note is None else str(note)
    if kind == "not_an_attribution":
        if not isinstance(body, str | int) or not str(body).strip():
            fail("not_an_attribution: takes a row id (the id column of the quotes table)")
        return Correction(kind, str(body).strip(), None, True, note, file, line)
    subjects, values = KINDS[kind]
    if not isinstance(body, dict):
        fields = " and ".join(f"{f}:" for f in sorted(subjects | values))
        fail(f"{kind}: takes {fields}, e.g. {kind}: {{{', '.join(f'{f}: ...' for f in sorted(subjects) + sorted(values))}}}")
    unknown = set(body) - subjects - values
    if unknown:
        fail(f"{kind}: does not take {', '.join(sorted(map(str, unknown)))}: (it takes "
             f"{' or '.join(sorted(subjects))} and {' '.join(sorted(values))})")
    given = [field for field in subjects if field in body]
    if len(given) != 1:
        fail(f"{kind}: takes {' or '.join(f'{f}:' for f in sorted(subjects))} (one of them)")
    value_field = next(iter(values))
    for field in (given[0], value_field):
        if not isinstance(body.get(field), str | int) or not str(body[field]).strip():
            fail(f"{kind}: needs {field}: with a value")
    return Correction(kind, str(body[given[0]]).strip(), str(body[value_field]).strip(), given[0] == "row",
                      note, file, line)


# --- applying --------------------------------------------------------------------------


def apply(db: sqlite_utils.Database, corrections: list[Correction], warn: Callable[[str], None] = print,
          summary=None) -> int:
    """Apply ``corrections`` in order to a freshly extracted database; return how many applied.

    Runs before the counts, indexes and full-text search are made (``schema.finish``), so
    they see the corrected rows. Each applied correction gets a ``corrections`` row; the
    articles whose rows it changed go to ``_corrected_articles``, which ``build --update``
    extracts again, so a correction always applies to what the extractor says rather than
    to the last build's corrected rows (and removing one from the file undoes it).
    ``summary`` (the build's ``BuildSummary``), if given, gets the corrected counts.
    """
    applied = 0
    touched: set[str] = set()
    with db.conn:
        for number, correction in enumerate(corrections, 1):
            result = _APPLY[correction.kind](db, correction)
            if result is None:
                warn(f"{correction.where}: correction left out, {correction.unmatched()}")
                continue
            rows, articles = result
            touched.update(articles)
            applied += 1
            db.execute(
                "insert into corrections (id, kind, target, value, note, file, line, rows, articles) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [number, correction.kind, correction.target, correction.value, correction.note,
                 Path(correction.file).name, correction.line, rows, len(set(articles))],  # no local paths
            )
        db.conn.executemany("insert into _corrected_articles (article_id) values (?)",
                            [[a] for a in sorted(touched)])
    if summary is not None and applied:
        for attribute, table in (("quotes", "quotes"), ("speakers", "speakers"), ("organizations", "organizations")):
            setattr(summary, attribute, db[table].count)
    return applied


def _articles(db, where: str, params) -> list[str]:
    return [row[0] for row in db.execute(f"select distinct article_id from quotes where {where}", params)]


def _not_an_attribution(db, c: Correction):
    articles = _articles(db, "id = ?", [c.target])
    if not articles:
        return None
    db.execute("delete from quotes where id = ?", [c.target])
    return 1, articles


def _speaker(db, c: Correction):
    articles = _articles(db, "id = ?", [c.target])
    if not articles:
        return None
    speaker = find_speaker(db, c.value) or _new_speaker(db, c.value)
    # The affiliation, anonymity and kind of source belonged to the wrong speaker: the row takes the right one's.
    changed = db.execute(
        "update quotes set speaker_id = :s, anonymous = :anonymous, affiliation_id = :affiliation, "
        "source_type = :source_type, role_class = :role_class where id = :id and speaker_id is not :s",
        {"s": speaker["id"], "anonymous": speaker["anonymous"], "affiliation": speaker["affiliation_id"],
         "source_type": speaker.get("source_type"), "role_class": speaker.get("role_class"),
         "id": c.target}).rowcount
    return changed, articles


def _merge_speaker(db, c: Correction):
    source = find_speaker(db, c.target)
    if source is None:
        return None
    into = find_speaker(db, c.value)
    if into is None:  # a name not in the catalogue: the speaker is renamed
        into = dict(source, id=name_id(c.value), name=c.value, anonymous=0, article_id=None)
        db["speakers"].insert(into)
    if into["id"] == source["id"]:
        return 0, []
    articles = _articles(db, "speaker_id = ?", [source["id"]])
    # The same person under another name: each row keeps its own affiliation, or takes the speaker's.
    changed = db.execute(
        "update quotes set speaker_id = :into, anonymous = :anonymous, "
        "affiliation_id = coalesce(affiliation_id, :affiliation) where speaker_id = :source",
        {"into": into["id"], "anonymous": into["anonymous"], "affiliation": into["affiliation_id"],
         "source": source["id"]}).rowcount
    gaps = [column for column, value in into.items() if value is None and source.get(column) is not None
            and column not in ("article_id",)]
    if gaps:
        db["speakers"].update(into["id"], {column: source[column] for column in gaps})
    db.execute("delete from speakers where id = ?", [source["id"]])
    return changed, articles


def _organisation(db, c: Correction):
    if c.by_row:
        articles = _articles(db, "id = ?", [c.target])
        if not articles:
            return None
        organisation = find_organisation(db, c.value) or _new_organisation(db, c.value)
        changed = db.execute("update quotes set affiliation_id = :o where id = :id and affiliation_id is not :o",
                             {"o": organisation["id"], "id": c.target}).rowcount
        return changed, articles
    source = find_organisation(db, c.target)
    if source is None:
        return None
    into = find_organisation(db, c.value) or _new_organisation(db, c.value)
    if into["id"] == source["id"]:
        return 0, []
    articles = _articles(db, "affiliation_id = ?", [source["id"]])
    changed = db.execute("update quotes set affiliation_id = ? where affiliation_id = ?",
                         [into["id"], source["id"]]).rowcount
    db.execute("update speakers set affiliation_id = ? where affiliation_id = ?", [into["id"], source["id"]])
    db.execute("delete from organizations where id = ?", [source["id"]])
    return changed, articles


_APPLY = {
    "not_an_attribution": _not_an_attribution,
    "speaker": _speaker,
    "merge_speaker": _merge_speaker,
    "organisation": _organisation,
}


def _find(db, table: str, name: str) -> dict | None:
    """By id as written, by the id the name would get, else by name (any case): the first in id order."""
    for where, value in (("id = ?", name), ("id = ?", name_id(name)), ("name = ? collate nocase", name)):
        row = next(db.query(f"select * from [{table}] where {where} order by id limit 1", [value]), None)
        if row is not None:
            return row
    return None


def find_speaker(db, name: str) -> dict | None:
    return _find(db, "speakers", name)


def find_organisation(db, name: str) -> dict | None:
    return _find(db, "organizations", name)


def _new_speaker(db, name: str) -> dict:
    """A named source the extractor never met: only its name is known."""
    row = {column: None for column in db["speakers"].columns_dict}
    row.update(id=name_id(name), name=name, anonymous=0)
    db["speakers"].insert(row)
    return row


def _new_organisation(db, name: str) -> dict:
    row = {"id": name_id(name), "name": name}
    db["organizations"].insert(row)
    return row
