"""The extractor as a pure function over records, for distributed engines (Dask, Spark, Ray, Beam).

``extract_record(record)`` takes one article as a JSON lines record (``title``,
``text``, optional ``id``, ``url``, ``authors``, ``outlet``, ``published``) and returns
one flat row of strings and integers: the article's columns plus its quotes,
speakers and organisations as JSON. It reads no file and writes nothing, so an
engine can map it over any number of partitions and write the rows as Parquet;
``quotecat load-parquet`` then writes quotes.db from them with the same writer as
``quotecat build`` (see README, "Beyond one machine").
"""

import json

from .ids import record_id
from .model import Article, ArticleResult
from .read import ArticleError, article_from_record
from .rows import article_result, content_hash

# Parquet columns, in order.
COLUMNS = ["id", "title", "byline", "outlet", "published", "url", "source_file", "text", "word_count",
           "trimmed_chars", "content_hash", "quotes", "speakers", "organizations", "warnings"]


def article_id(record: dict) -> str:
    """The record's ``id``, else a slug of its url path, else of its title (as ``quotecat build`` names JSON lines articles)."""
    return record_id(record)


def extract_record(record: dict, source_file: str = "") -> dict:
    """One article record in, one flat row out (see COLUMNS). Raises ValueError for a record with no usable text."""
    try:
        article = article_from_record(source_file or "record", record, article_id(record), where=None)
    except ArticleError as error:
        raise ValueError(str(error)) from None
    result = article_result(article, source_file or article.source_file)
    row = dict(result.article)
    row["content_hash"] = content_hash(article.text)
    row["quotes"] = json.dumps(result.quotes, ensure_ascii=False)
    row["speakers"] = json.dumps(result.speakers, ensure_ascii=False)
    row["organizations"] = json.dumps(result.organizations, ensure_ascii=False)
    row["warnings"] = json.dumps(result.warnings, ensure_ascii=False)
    return {column: row[column] for column in COLUMNS}


def result_from_record(row: dict) -> tuple[Article, str, str, ArticleResult]:
    """A row written by ``extract_record`` back into what the database writer takes."""
    article = Article(id=row["id"], title=row["title"], text=row["text"], byline=row["byline"],
                      outlet=row["outlet"], published=row["published"], url=row["url"],
                      source_file=row["source_file"], trimmed_chars=row.get("trimmed_chars") or 0)
    article_row = {column: row.get(column) for column in COLUMNS[:COLUMNS.index("content_hash")]}
    result = ArticleResult(
        article=article_row,
        quotes=json.loads(row["quotes"]),
        speakers=json.loads(row["speakers"]),
        organizations=json.loads(row["organizations"]),
        warnings=json.loads(row["warnings"] or "[]"),
    )
    return article, row["source_file"], row["content_hash"], result
