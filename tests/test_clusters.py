"""Where else was this said: quotations repeated across articles form clusters, the attribution page
lists them with their speakers, and a canned query finds the same words given to different speakers."""

import sqlite3

import pytest
import sqlite_utils
from datasette.app import Datasette

from quotecat import clusters
from quotecat.build import build
from quotecat.schema import create_tables
from quotecat.serve import datasette_options

from test_corrections import HARBOUR, WIRE  # the chair's quotation, given to another speaker on the wire


@pytest.mark.parametrize("text, expected", [
    ("“We’ll WIN,”  she—said", ["well", "win", "she", "said"]),
    ("WE'LL win; she said.", ["well", "win", "she", "said"]),
    ("Ｆｕｌｌ-width and café", ["full", "width", "and", "café"]),
    ("a_b 3.5%", ["a", "b", "3", "5"]),
])
def test_words_set_case_punctuation_and_spacing_aside(text, expected):
    assert clusters.words(text) == expected


BASE = "the new terminal will bring jobs to the island but we must protect the fishing grounds first"


def clustered(*quotes, article_per_quote=True):
    """Cluster (text, type) quotations, one article each; the sets of indexes that share a cluster."""
    db = sqlite_utils.Database(memory=True)
    create_tables(db)
    for n, (text, kind) in enumerate(quotes):
        article = f"a{n}" if article_per_quote else "a0"
        db["articles"].insert({"id": article, "text": text, "word_count": 1, "content_hash": "x"}, ignore=True)
        db["quotes"].insert({"id": f"{article}:{n:06d}", "article_id": article, "speaker_id": None, "text": text,
                             "type": kind, "start": 0, "end": len(text), "anonymous": 0})
    clusters.cluster(db)
    found: dict[str, set[int]] = {}
    for quote_id, cluster_id in db.execute("select id, cluster_id from quotes where cluster_id is not null"):
        found.setdefault(cluster_id, set()).add(int(quote_id.split(":")[1]))
    return sorted(map(sorted, found.values()))


@pytest.mark.parametrize("other, kind, same", [
    (BASE, "direct", True),
    (BASE.upper().replace(" but", ", but") + "!", "direct", True),  # case and punctuation
    (BASE.replace("jobs", "work"), "direct", True),  # a word changed
    (BASE.replace("island", "islands"), "mixed", True),
    (BASE + ", before the vote", "direct", True),  # a clause more at one end
    (BASE.split(" but ")[0], "direct", False),  # only the first half: another quotation, shorter
    ("the fishing grounds must come first before any terminal is built", "direct", False),  # same subject
    ("we will bring the island jobs but we must protect the terminal first", "direct", False),  # same words, reordered
    (BASE, "indirect", False),  # reported speech is the reporter's wording
])
def test_near_duplicates_form_a_cluster(other, kind, same):
    assert clustered((BASE, "direct"), (other, kind)) == ([[0, 1]] if same else [])


def test_short_quotations_form_no_cluster():
    assert clustered(("we will not back down", "direct"), ("We will not back down!", "direct")) == []
    assert clustered(("we will not back down now", "direct"), ("We will not back down now!", "direct")) == [[0, 1]]


def test_repetition_inside_one_article_is_not_a_cluster():
    assert clustered((BASE, "direct"), (BASE, "direct"), article_per_quote=False) == []


def test_a_quotation_in_many_articles_is_one_cluster():
    assert clustered(*[(BASE, "direct")] * 5, ("an unrelated remark about the weather on the pier today", "direct"),
                     (BASE.replace("jobs", "work"), "mixed")) == [[0, 1, 2, 3, 4, 6]]


@pytest.fixture
def wire_db(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour-vote.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "ferry-wire.txt").write_text(WIRE, encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=lambda message: None)
    return db_path


def test_the_same_words_under_two_names_are_flagged(wire_db):
    conn = sqlite3.connect(wire_db)
    (cluster_id, articles, speakers, differently), = conn.execute(
        "select id, articles, speakers, attributed_differently from quote_clusters").fetchall()
    assert (articles, speakers, differently) == (2, 2, 1)
    assert sorted(conn.execute("select speaker_id from quotes where cluster_id = ?", [cluster_id])) == [
        ("maria-okonkwo",), ("peter-lindqvist",)]
    again = wire_db.with_name("again.db")
    build([wire_db.parent / "articles"], again, warn=lambda message: None)
    assert sqlite3.connect(again).execute("select id from quote_clusters").fetchall() == [(cluster_id,)]


async def test_the_attribution_page_says_where_else_it_was_said(wire_db):
    ds = Datasette(**datasette_options(wire_db))
    quote_id = sqlite3.connect(wire_db).execute(
        "select id from quotes where speaker_id = 'maria-okonkwo' and cluster_id is not null").fetchone()[0]
    page = await ds.client.get(f"/quotes/quotes/{quote_id.replace(':', '~3A')}")
    assert page.status_code == 200
    html = page.text
    assert "Also in 1 other article" in html and "attributed to different sources" in html
    also = html[html.index('id="also-in"'):]
    assert "Peter Lindqvist" in also and "Islanders win delay on ferry terminal" in also
    alone = sqlite3.connect(wire_db).execute("select id from quotes where cluster_id is null").fetchone()[0]
    assert "Also in" not in (await ds.client.get(f"/quotes/quotes/{alone.replace(':', '~3A')}")).text


async def test_the_misattribution_query_lists_both_speakers(wire_db):
    ds = Datasette(**datasette_options(wire_db))
    response = await ds.client.get("/quotes/same_words_different_speakers.json", params={"_shape": "objects"})
    assert response.status_code == 200, response.text
    found = response.json()["rows"]
    assert sorted((r["speaker"], r["article_id"]) for r in found) == [
        ("Maria Okonkwo", "harbour-vote"), ("Peter Lindqvist", "ferry-wire")]


def _cluster_rows(conn):
    return (conn.execute("select * from quote_clusters order by id").fetchall(),
            conn.execute("select id, cluster_id from quotes order by rowid").fetchall())


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_signatures_a_build_gathers_give_the_clusters_computed_afresh(tmp_path, jobs):
    # The workers compute each row's signature (clusters.Signatures); clustering the finished
    # file again, from its rows alone, must find the same clusters, also after a correction
    # deleted a clustered row (the gathered signature of a deleted row is dropped).
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3):
        (folder / f"harbour-{n}.txt").write_text(HARBOUR, encoding="utf-8")
        (folder / f"ferry-{n}.txt").write_text(WIRE.replace("ferry", f"ferry {n}"), encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    build([folder], db_path, warn=lambda message: None, jobs=jobs)
    conn = sqlite3.connect(db_path)
    deleted = conn.execute("select id from quotes where cluster_id is not null order by rowid").fetchone()[0]
    (folder / "corrections.yaml").write_text(f"- not_an_attribution: {deleted}\n", encoding="utf-8")
    corrected = tmp_path / "corrected.db"
    build([folder], corrected, warn=lambda message: None, jobs=jobs)
    for path in (db_path, corrected):
        built = _cluster_rows(sqlite3.connect(path))
        again = sqlite_utils.Database(path)
        clusters.cluster(again)
        assert _cluster_rows(again.conn) == built
        assert built[0]
    assert deleted not in {quote_id for quote_id, _ in _cluster_rows(sqlite3.connect(corrected))[1]}
