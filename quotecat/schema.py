"""What is in quotes.db: the tables and their columns, keys, indexes, full-text search, the view and the counts.

The one place that says so. The build follows simonw/til's ``build_database.py``: plain
sqlite-utils calls, tables declared up front with their primary and foreign keys,
indexes and full-text search added after the bulk insert (``finish``), then ANALYZE and
VACUUM so the file can be served immutable.
"""

import sqlite_utils
from sqlite_utils.db import DescIndex

from .clusters import cluster
from .site import default_facets

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
        "trimmed_chars": int,
        "content_hash": str,
    },
    "organizations": {"id": str, "name": str, "forms": str},
    "speakers": {
        "id": str,
        "name": str,
        "kind": str,
        # Kinds of source (quotecat.extract.sources.SOURCE_TYPES, lexicon.role_classes), decided
        # across articles by quotecat.fold, as is gender (woman / man / unknown, from the articles' words).
        "source_type": str,
        "role_class": str,
        "title": str,
        "role": str,
        "affiliation_id": str,
        "anonymous": int,
        "pronoun": str,
        "gender": str,
        "gender_evidence": str,
        "forms": str,
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
        "source_type": str,
        "role_class": str,
        "fragments": str,
        "confidence": float,
    },
}
# Hidden build state: each article's own view of its sources, in input order (quotecat.rows).
# The speakers and organizations rows are folded from these (quotecat.fold), and
# `build --update` copies them for unchanged articles.
SCHEMA["_speaker_mentions"] = {
    "source_article": str, "id": str, "name": str, "kind": str, "source_type": str, "role_class": str,
    "title": str, "role": str, "affiliation_id": str,
    "anonymous": int, "pronoun": str, "description": str, "article_id": str,
    # who is who across articles: "donald trump", "trump", "j" for Donald J. Trump
    "person_key": str, "surname": str, "middle": str,
    # what this article says of the person's gender, with its words (JSON), and how many rows it gives them
    "gender": str, "gender_evidence": str, "rows": int,
}
SCHEMA["_organization_mentions"] = {"source_article": str, "id": str, "name": str,
                                    # "WHO" where the article writes "World Health Organization (WHO)", and back
                                    "acronym": str, "expansion": str}
# Hidden, made by the fold: a mention's id -> the catalogue's id, and the ids quotes rows had
# before the fold (what `build --update` copies, so that it folds again as a rebuild does).
SCHEMA["_speaker_merge"] = {"id": str, "canonical": str}
SCHEMA["_organization_merge"] = {"id": str, "canonical": str}
SCHEMA["_quote_raw"] = {"quote_id": str, "speaker_id": str, "affiliation_id": str, "anonymous": int,
                         "source_type": str}
# Corrections applied by the build (quotecat.corrections), one row per entry of corrections.yaml.
SCHEMA["corrections"] = {"id": int, "kind": str, "target": str, "value": str, "note": str, "file": str,
                         "line": int, "rows": int, "articles": int}
# Hidden: the articles whose rows a correction changed; `build --update` extracts them again.
SCHEMA["_corrected_articles"] = {"article_id": str}
# Quotations repeated across articles (quotecat.clusters); quotes.cluster_id points here.
SCHEMA["quote_clusters"] = {"id": str, "text": str, "words": int, "quotes": int, "articles": int,
                            "speakers": int, "attributed_differently": int}
# Hidden: facet counts of the whole table, for the site's facet_counts plugin (the database is served read-only).
SCHEMA["_facet_counts"] = {"table_name": str, "column_name": str, "value": None, "count": int}
# Hidden: attributions counted by what sourcing audits group and filter by, for the sourcing_by_*
# canned queries and the index page (a GROUP BY over every attribution took 2.2 s at 250,000).
SCHEMA["_sourcing_counts"] = {"outlet": str, "month": str, "source_type": str, "role_class": str, "gender": str,
                              "anonymous": int, "count": int}


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
    db["_speaker_merge"].create(SCHEMA["_speaker_merge"], pk="id")
    db["_organization_merge"].create(SCHEMA["_organization_merge"], pk="id")
    db["_quote_raw"].create(SCHEMA["_quote_raw"], pk="quote_id")
    db["corrections"].create(SCHEMA["corrections"], pk="id")
    db["_corrected_articles"].create(SCHEMA["_corrected_articles"], pk="article_id")
    db["quote_clusters"].create(SCHEMA["quote_clusters"], pk="id")
    db.execute("create table _facet_counts (table_name text, column_name text, value, count integer)")
    db["_sourcing_counts"].create(SCHEMA["_sourcing_counts"])


# Columns Datasette facets or filters on; each needs an index once tables are big.
FACET_INDEXES = {
    "articles": [["outlet"], ["published"]],
    "speakers": [["kind"], ["anonymous"], ["gender"], ["source_type"], ["role_class"]],
    "quotes": [["type"], ["anonymous"], ["cue"], ["source_type"], ["role_class"], ["confidence"], ["speaker_id", "type"],
               # Filtering by one source and faceting by another default facet reads one index range.
               ["speaker_id", "affiliation_id"], ["speaker_id", "article_id"],
               ["speaker_id", "anonymous"], ["speaker_id", "cue"]],
    # What `build --update` looks up per unchanged article.
    "_speaker_mentions": [["source_article"]],
    "_organization_mentions": [["source_article"]],
}
# Whole-table facet counts kept in _facet_counts: those of the default facets metadata.json sets.
FACET_COUNTS = default_facets()

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

# An attribution with its article, speaker and organisation: the joins of the attributions
# view, which the reading pages read too. The view also carries what sourcing audits count
# by (outlet, month, kind of source, role class, gender; "unknown" where not worked out), so
# every figure of the index page links to its rows as a filter of this view.
ATTRIBUTION_JOINS = """from quotes
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
  left join organizations on organizations.id = quotes.affiliation_id"""
ATTRIBUTIONS_VIEW = f"""
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
  quotes.confidence,
  quotes.article_id,
  quotes.speaker_id,
  quotes.affiliation_id,
  articles.outlet,
  articles.published,
  case when length(articles.published) >= 7 then substr(articles.published, 1, 7) end as month,
  coalesce(quotes.source_type, speakers.source_type, 'unknown') as source_type,
  coalesce(quotes.role_class, speakers.role_class, 'unknown') as role_class,
  coalesce(speakers.gender, 'unknown') as gender
{ATTRIBUTION_JOINS}
"""
# No ORDER BY in the view (rows come in build order): with one, SQLite cannot flatten it into
# a filtered query, and counting one speaker's rows at 250,000 attributions took 1.4 s, not 0.02 s.


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
    """Clusters of repeated quotations, indexes, full-text search, facet counts and the view, once all rows are in."""
    cluster(db)
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
    add_sourcing_counts(db)
    db.analyze()
    # VACUUM copies the whole file: worth it only when the build left free pages behind.
    # SQLite only promises to keep rowids through VACUUM for INTEGER PRIMARY KEY tables, and
    # quotes_fts finds quotes by rowid. Current SQLite copies them unchanged; tests/test_build.py
    # runs FTS5's integrity-check against the content table to catch it if that ever changes.
    free, pages = (db.execute(f"pragma {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
    if free > pages * _VACUUM_FREE_SHARE:
        db.vacuum()
    db.execute("pragma journal_mode = delete")


SOURCING_GROUPS = ("outlet", "month", "source_type", "role_class", "gender", "anonymous")


def add_sourcing_counts(db: sqlite_utils.Database) -> None:
    """Fill _sourcing_counts from the attributions view (again, if it was filled): one row per
    combination of SOURCING_GROUPS that occurs, a few thousand at most, whatever the catalogue's size."""
    groups = ", ".join(SOURCING_GROUPS)
    with db.conn:
        db.execute("delete from _sourcing_counts")
        db.execute(f"insert into _sourcing_counts ({groups}, count) "
                   f"select {groups}, count(*) from attributions group by {groups}")


# VACUUM when more than this share of the file is free pages.
_VACUUM_FREE_SHARE = 0.05


def insert_sql(table: str, columns: list[str] | None = None) -> str:
    """An INSERT of one row of ``table``, its columns (default: all of SCHEMA's) as ``?`` parameters."""
    columns = list(SCHEMA[table]) if columns is None else columns
    return "insert into [{}] ({}) values ({})".format(table, ", ".join(f"[{c}]" for c in columns),
                                                      ", ".join("?" * len(columns)))
