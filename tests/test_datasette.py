"""quotes.db as Datasette serves it: labels, facets, search, canned queries, documentation, settings."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from datasette.utils import tilde_encode
from markupsafe import escape

from quotecat.serve import DATASETTE_SETTINGS, METADATA, datasette_args

DEFAULT_FACETS = ["speaker_id", "affiliation_id", "type", "article_id", "anonymous", "cue"]


def search_word(db):
    """A word that occurs in an attribution: the longest word of the longest quote."""
    text = db.execute("select text from quotes order by length(text) desc, id limit 1").fetchone()[0]
    return max(re.findall(r"[A-Za-z]{4,}", text), key=len)


async def test_quotes_table_shows_speaker_names(ds, db):
    response = await ds.client.get("/quotes/quotes.json?_labels=on&_shape=objects&_size=max")
    assert response.status_code == 200
    rows = response.json()["rows"]
    assert len(rows) == db["quotes"].count
    names = {row["id"]: row["name"] for row in db["speakers"].rows}
    labelled = [row["speaker_id"] for row in rows if row["speaker_id"] is not None]
    assert labelled
    for speaker in labelled:
        assert speaker["label"] == names[speaker["value"]]

    page = await ds.client.get("/quotes/quotes")
    assert page.status_code == 200
    assert str(escape(labelled[0]["label"])) in page.text


async def test_every_page_and_row_page_renders(ds, db):
    pages = ["/", "/quotes"] + [f"/quotes/{t}" for t in ("articles", "organizations", "speakers", "quotes", "attributions")]
    # Row pages, including ids with ':' (quotes, unnamed speakers), which Datasette tilde-encodes in URLs.
    for table in ("articles", "speakers", "quotes"):
        for (row_id,) in db.execute(f"select id from [{table}] order by id limit 3"):
            pages.append(f"/quotes/{table}/{tilde_encode(row_id)}")
    for path in pages:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
    quote = db.execute("select id, text from quotes order by id limit 1").fetchone()
    page = await ds.client.get(f"/quotes/quotes/{tilde_encode(quote[0])}")
    assert str(escape(quote[1]))[:80] in page.text


@pytest.mark.parametrize("low", [0.5, 0.9])
async def test_rows_filtered_and_sorted_by_confidence(ds, db, low):
    """What the README and the column's description promise: ?confidence__gte=0.9, ?_sort=confidence."""
    response = await ds.client.get("/quotes/quotes.json", params={"confidence__gte": low, "_shape": "objects",
                                                                  "_size": "max", "_nofacet": "1"})
    assert response.status_code == 200
    rows = response.json()["rows"]
    expected = db.execute("select count(*) from quotes where confidence >= ?", [low]).fetchone()[0]
    assert expected and len(rows) == expected and all(row["confidence"] >= low for row in rows)
    doubtful = await ds.client.get("/quotes/quotes.json", params={"_sort": "confidence", "_shape": "objects",
                                                                  "_nofacet": "1"})
    values = [row["confidence"] for row in doubtful.json()["rows"]]
    assert values == sorted(values) and values[0] == db.execute("select min(confidence) from quotes").fetchone()[0]


async def test_facet_by_speaker(ds, db):
    response = await ds.client.get("/quotes/quotes.json?_facet=speaker_id")
    assert response.status_code == 200
    facet = response.json()["facet_results"]["speaker_id"]
    assert facet["results"]
    top = facet["results"][0]
    expected = db.execute(
        "select count(*) from quotes where speaker_id = ?", [top["value"]]
    ).fetchone()[0]
    assert top["count"] == expected
    assert top["label"] == db["speakers"].get(top["value"])["name"]


async def test_search_finds_a_word_from_an_attribution(ds, db):
    word = search_word(db)
    response = await ds.client.get("/quotes/quotes.json", params={"_search": word, "_shape": "objects"})
    assert response.status_code == 200
    found = {row["id"]: row["text"] for row in response.json()["rows"]}
    containing = {
        row["id"] for row in db["quotes"].rows
        if re.search(rf"\b{word}\b", row["text"], re.IGNORECASE)
    }
    assert containing and containing <= set(found)


# Canned queries that have nothing to list in a catalogue of one article with no corrections file;
# tests/test_corrections.py and tests/test_clusters.py show each of them returning its rows.
EMPTY_ON_THE_EXAMPLE = {"applied_corrections", "same_words_different_speakers"}


async def test_every_canned_query_runs_and_returns_rows(ds, db, metadata):
    queries = metadata["databases"]["quotes"]["queries"]
    assert len(queries) >= 3
    word = search_word(db)
    for name, query in queries.items():
        params = {p: (word if p in ("q", "search") else "") for p in re.findall(r"(?<!:):(\w+)", query["sql"])}
        response = await ds.client.get(f"/quotes/{name}.json", params={**params, "_shape": "objects"})
        assert response.status_code == 200, (name, response.text)
        assert bool(response.json()["rows"]) != (name in EMPTY_ON_THE_EXAMPLE), name
        page = await ds.client.get(f"/quotes/{name}", params=params)
        assert page.status_code == 200, name


async def test_attributions_by_speaker_keeps_to_the_speakers_asked_for(ds, db):
    name = db.execute("select name from speakers where name like '% %' order by attributions desc limit 1").fetchone()[0]
    surname = name.split()[-1]
    response = await ds.client.get("/quotes/attributions_by_speaker.json",
                                   params={"speaker": surname, "search": "", "_shape": "objects"})
    rows = response.json()["rows"]
    expected = db.execute("select count(*) from quotes join speakers on speakers.id = quotes.speaker_id "
                          "where speakers.name like ?", [f"%{surname}%"]).fetchone()[0]
    assert rows and len(rows) == min(expected, 1000)
    assert all(surname.lower() in row["speaker"].lower() for row in rows)


async def test_ranked_search_marks_the_word(ds, db):
    word = search_word(db)
    response = await ds.client.get("/quotes/search.json", params={"q": word, "_shape": "objects"})
    rows = response.json()["rows"]
    assert rows and f"**{word.lower()}**" in rows[0]["snippet"].lower()
    empty = await ds.client.get("/quotes/search.json", params={"q": "", "_shape": "objects"})
    assert empty.status_code == 200 and empty.json()["rows"] == []


async def test_every_table_and_column_is_documented(ds, metadata):
    """Add a column or table to the schema, and this fails until metadata.json describes it."""
    db = ds.get_database("quotes")
    documented = metadata["databases"]["quotes"]["tables"]
    hidden = set(await db.hidden_table_names())
    tables = [t for t in await db.table_names() if t not in hidden] + await db.view_names()
    assert {"articles", "organizations", "speakers", "quotes", "attributions"} <= set(tables)
    for table in tables:
        assert documented.get(table, {}).get("description"), f"{table} has no description"
        columns = await db.table_columns(table)
        missing = [c for c in columns if not documented[table].get("columns", {}).get(c)]
        assert not missing, f"{table}: undocumented columns {missing}"
        stale = set(documented[table]["columns"]) - set(columns)
        assert not stale, f"{table}: metadata.json describes columns that do not exist: {stale}"
    for table, config in documented.items():
        assert table in tables or config.get("hidden"), f"metadata.json describes a missing table {table}"


async def test_default_facets_and_labels_are_configured(ds, metadata):
    tables = metadata["databases"]["quotes"]["tables"]
    assert tables["quotes"]["facets"] == DEFAULT_FACETS
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    assert {t: tables[t]["label_column"] for t in ("articles", "speakers", "organizations")} == {
        "articles": "title", "speakers": "name", "organizations": "name",
    }
    response = await ds.client.get("/quotes/quotes.json")
    assert list(response.json()["facet_results"]) == DEFAULT_FACETS


async def test_served_read_only_with_the_project_settings(ds):
    databases = (await ds.client.get("/-/databases.json")).json()
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("quotes", False)]
    settings = (await ds.client.get("/-/settings.json")).json()
    for name, value in DATASETTE_SETTINGS.items():
        assert settings[name] == value, name
    assert settings["suggest_facets"] is False


def test_datasette_binds_to_localhost_by_default(db_path):
    args = datasette_args(db_path)
    assert Path(args[0]) == Path(sys.executable).parent / "datasette"
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert args[args.index("-i") + 1] == str(db_path)
    assert Path(args[args.index("--metadata") + 1]) == METADATA
    settings = {args[i + 1]: args[i + 2] for i, arg in enumerate(args) if arg == "--setting"}
    assert settings == {
        "sql_time_limit_ms": "3000", "facet_time_limit_ms": "1000",
        "max_returned_rows": "1000", "suggest_facets": "off", "num_sql_threads": "8",
        "allow_download": "off", "allow_csv_stream": "off",
    }
    public = datasette_args(db_path, host="0.0.0.0", port=9000)
    assert public[public.index("--host") + 1] == "0.0.0.0"
    assert public[public.index("--port") + 1] == "9000"


@pytest.mark.skipif(not (Path(sys.executable).parent / "datasette").exists(), reason="no datasette executable")
def test_datasette_accepts_the_arguments(db_path):
    """The real command line, without starting a server: `datasette ... --get` answers one request."""
    args = datasette_args(db_path) + ["--get", "/quotes/quotes.json?_shape=array&_size=1"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '"id"' in result.stdout


async def test_search_answers_without_default_facets_unless_one_is_asked_for(ds, db):
    """A common word matches thousands of attributions at scale: search skips the six default facets."""
    word = next(w for w in db.execute("select text from quotes").fetchone()[0].split() if w.isalpha() and len(w) > 4)
    plain = (await ds.client.get("/quotes/quotes.json", params={"_search": word})).json()
    assert plain["rows"] and plain["facet_results"] == {}
    # A facet link made on that page carries _nofacet=1 along: the facet asked for wins.
    faceted = (await ds.client.get("/quotes/quotes.json",
                                   params={"_search": word, "_nofacet": "1", "_facet": "speaker_id"})).json()
    assert "speaker_id" in faceted["facet_results"]
    browsing = (await ds.client.get("/quotes/quotes.json")).json()
    assert "type" in browsing["facet_results"]  # the default facets stay for browsing


async def test_the_speakers_table_opens_on_the_most_quoted_with_facets_on_kinds_and_gender(ds, db):
    response = await ds.client.get("/quotes/speakers.json?_shape=objects")
    data = response.json()
    counts = [row["attributions"] for row in data["rows"]]
    assert counts == sorted(counts, reverse=True) and counts[0] == db.execute(
        "select max(attributions) from speakers").fetchone()[0]
    assert list(data["facet_results"]) == ["source_type", "role_class", "gender", "anonymous"]
    types = {r["value"]: r["count"] for r in data["facet_results"]["source_type"]["results"]}
    assert types == dict(db.execute("select source_type, count(*) from speakers where source_type is not null "
                                    "group by source_type").fetchall())


async def test_table_pages_open_on_their_rows_with_the_column_documentation_folded(ds, metadata):
    for table in ("quotes", "speakers", "articles"):
        page = (await ds.client.get(f"/quotes/{table}")).text
        docs = page.index('<details class="q-column-docs">')
        assert page.count('<dl class="column-descriptions">') == 1
        assert docs < page.index('<dl class="column-descriptions">') < page.index("</details>", docs)
        for column, description in metadata["databases"]["quotes"]["tables"][table]["columns"].items():
            assert str(escape(description)) in page, (table, column)  # folded, not dropped
        assert page.index("</details>", docs) < page.index('<table class="rows-and-columns">')


async def test_speakers_table_opens_with_the_most_quoted_first(ds, db):
    rows = (await ds.client.get("/quotes/speakers.json?_shape=objects")).json()["rows"]
    counts = [r["attributions"] for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] == db.execute(
        "select max(attributions) from speakers").fetchone()[0]
    assert counts[0] > counts[-1]
