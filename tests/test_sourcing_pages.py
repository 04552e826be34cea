"""Who gets a voice: the index page's sourcing charts and tables, the sourcing canned queries, the speaker
and organisation pages, each number linking to the attributions it counts.

The catalogue is four short articles written for these tests (tests/voice), from two outlets and three months;
gender is set on the speakers as the gender step of the build would set it (and the sourcing
counts made again), so the pages are tested on what they show, whatever that step decides.
"""

import html
import re
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sqlite_utils
from datasette.app import Datasette
from datasette.utils import tilde_encode

from quotecat.build import build
from quotecat.schema import add_sourcing_counts
from quotecat.serve import datasette_options

VOICE = Path(__file__).parent / "voice"  # short articles written for these tests, with outlets and dates
GENDER = {"maria-lopez": "woman", "ana-ruiz": "woman", "helen-marsh": "woman", "tom-becker": "man",
          "james-okafor": "man"}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    path = tmp_path_factory.mktemp("voice-db") / "quotes.db"
    build([VOICE], path, warn=lambda message: None)
    conn = sqlite3.connect(path)
    with conn:
        for speaker_id, gender in GENDER.items():
            conn.execute("update speakers set gender = ?, gender_evidence = ? where id = ?",
                         [gender, "set by the test", speaker_id])
    add_sourcing_counts(sqlite_utils.Database(conn))  # as the build does once gender is known
    conn.row_factory = sqlite3.Row
    yield conn, path
    conn.close()


@pytest.fixture
def vds(catalogue):
    return Datasette(**datasette_options(catalogue[1]))


def row_path(table, pk):
    return f"/quotes/{table}/{tilde_encode(pk)}"


def numbered_links(fragment: str) -> list[tuple[str, int]]:
    """Every link whose text is a number: (href, number)."""
    return [(html.unescape(href), int(n.replace(",", "")))
            for href, n in re.findall(r'<a href="([^"]+)">([\d,]+)</a>', fragment)]


async def rows_behind(ds, href: str) -> int:
    """How many rows the table page at ``href`` (a filtered table or view) has."""
    parts = urlsplit(href)
    response = await ds.client.get(f"{parts.path}.json?{parts.query}&_size=1")
    assert response.status_code == 200, href
    return response.json()["filtered_table_rows_count"]


def between(page: str, start: str, end: str) -> str:
    assert start in page, start
    return page[page.index(start):page.index(end, page.index(start))]


async def test_the_attributions_view_carries_what_audits_count_by(vds, catalogue):
    conn, _ = catalogue
    rows = (await vds.client.get("/quotes/attributions.json?_shape=objects&_size=max")).json()["rows"]
    assert len(rows) == conn.execute("select count(*) from quotes").fetchone()[0]
    for row in rows:
        speaker = conn.execute("select gender from speakers where id = ?", [row["speaker_id"]]).fetchone()
        assert row["gender"] == ((speaker and speaker["gender"]) or "unknown")
        assert row["month"] == row["published"][:7] and row["outlet"] in ("Harbour Gazette", "Coastal Times")
        assert row["role_class"] and row["source_type"]


async def test_index_page_draws_and_tabulates_sourcing_by_outlet_and_month(vds, catalogue):
    conn, _ = catalogue
    page = (await vds.client.get("/")).text
    voice = between(page, '<section class="q-voice"', "</section>")
    for dimension in ("outlet", "month"):
        charts = between(voice, f'id="q-voice-{dimension}"', '</div>')
        assert charts.count("<svg") == 3, dimension  # anonymity, gender, role class
    # The table's numbers are the catalogue's, and each opens exactly the rows it counts.
    outlets = between(voice, 'id="q-voice-table-outlet"', "</table>")
    gazette = re.search(r"<tr>\s*<th scope=\"row\"><a[^>]*>Harbour Gazette</a></th>(.*?)</tr>", outlets, re.S).group(1)
    counts = [int(n) for n in re.findall(r">(\d+)<", gazette)]
    expected = conn.execute("""select count(*), sum(q.anonymous) from quotes q join articles a on a.id = q.article_id
                               where a.outlet = 'Harbour Gazette'""").fetchone()
    assert counts[:2] == list(expected)
    women = conn.execute("""select count(*) from quotes q join articles a on a.id = q.article_id
                            join speakers s on s.id = q.speaker_id
                            where a.outlet = 'Harbour Gazette' and s.gender = 'woman' and q.source_type = 'person'""").fetchone()[0]
    assert women >= 2 and f'gender=woman">{women}</a>' in gazette
    links = numbered_links(voice)
    assert len(links) >= 20
    for href, n in links:
        assert await rows_behind(vds, href) == n, href
    # Chart segments link to their rows too: the month chart's April bar, women.
    april = re.search(r'<a href="([^"]*month=2024-04[^"]*gender=woman[^"]*)"><rect', voice)
    assert april and await rows_behind(vds, html.unescape(april.group(1))) == conn.execute(
        """select count(*) from quotes q join articles a on a.id = q.article_id join speakers s on s.id = q.speaker_id
           where a.published like '2024-04%' and s.gender = 'woman' and q.source_type = 'person'""").fetchone()[0]


@pytest.mark.parametrize("name", ["sourcing_by_outlet", "sourcing_by_month", "anonymous_share_by_article",
                                  "most_quoted_speakers", "organizations_ranked"])
async def test_every_number_of_a_sourcing_query_links_to_the_rows_it_counts(vds, name):
    response = await vds.client.get(f"/quotes/{name}")
    assert response.status_code == 200
    table = between(response.text, '<table class="rows-and-columns">', "</table>")
    links = numbered_links(table)
    assert links, name
    for href, n in links:
        assert href.startswith("/quotes/attributions"), href
        assert await rows_behind(vds, href) == n, (name, href)
    csv = await vds.client.get(f"/quotes/{name}.csv")
    assert csv.status_code == 200 and csv.text.splitlines()[0].split(",")[0] in (
        "outlet", "month", "article_id", "speaker_id", "affiliation_id")


async def test_canned_query_results_link_speakers_attributions_and_articles(vds, catalogue):
    conn, _ = catalogue
    response = await vds.client.get("/quotes/attributions_by_speaker", params={"speaker": "Lopez", "search": ""})
    table = between(response.text, '<table class="rows-and-columns">', "</table>")
    ids = [r[0] for r in conn.execute("select id from quotes where speaker_id = 'maria-lopez'")]
    assert ids
    for quote_id in ids:
        assert f'<a href="{row_path("quotes", quote_id)}">' in table
    assert f'<a href="{row_path("speakers", "maria-lopez")}">Maria Lopez</a>' in table
    for (article_id,) in conn.execute("select distinct article_id from quotes where speaker_id = 'maria-lopez'"):
        assert f'href="{row_path("articles", article_id)}"' in table
    search = (await vds.client.get("/quotes/search", params={"q": "ferry"})).text
    assert 'href="/quotes/quotes/' in search and 'href="/quotes/speakers/' in search
    # The quotes table keeps Datasette's own foreign-key links, with labels.
    quotes = (await vds.client.get("/quotes/quotes")).text
    assert '<a href="/quotes/speakers/maria-lopez">Maria Lopez</a>' in quotes


def csv_rows(text: str) -> list[dict]:
    import csv
    import io

    return list(csv.DictReader(io.StringIO(text)))


async def test_speaker_page_shows_gender_type_role_outlets_timeline_and_csv(vds, catalogue):
    conn, _ = catalogue
    page = (await vds.client.get(row_path("speakers", "maria-lopez"))).text
    facts = between(page, '<dl class="q-facts">', "</dl>")
    assert '<dd class="q-gender">woman' in facts and "set by the test" in facts
    assert '<dd class="q-source-type">person</dd>' in facts and '<dd class="q-role-class">politician</dd>' in facts
    for href, n in numbered_links(page[page.index('<h2>Over time</h2>'):page.index("<h2>What")]):
        assert await rows_behind(vds, href) == n, href
    months = dict(conn.execute("""select substr(published, 1, 7), count(*) from quotes join articles
                                  on articles.id = quotes.article_id where speaker_id = 'maria-lopez' group by 1"""))
    assert set(months) == {"2024-03", "2024-04"}
    timeline = between(page, '<svg class="q-chart q-timeline"', "</svg>")
    assert timeline.count("<rect") == len(months)
    outlet = between(facts, '<dd class="q-outlets">', "</dd>")
    assert '<a href="/quotes/attributions?speaker_id=maria-lopez&amp;outlet=Harbour+Gazette">Harbour Gazette</a> (3)' in outlet
    # CSV of their attributions: every one, with its words.
    csv_href = html.unescape(re.search(r'<a href="([^"]+\.csv[^"]*)">CSV</a>', page).group(1))
    response = await vds.client.get(csv_href)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    rows = csv_rows(response.text)
    expected = {r[0]: r[1] for r in conn.execute("select id, text from quotes where speaker_id = 'maria-lopez'")}
    assert {r["quote_id"]: r["text"] for r in rows} == expected


async def test_speaker_page_says_unknown_where_nothing_is_known(vds, catalogue):
    conn, _ = catalogue
    speaker = conn.execute("select id from speakers where gender is null and anonymous = 1 limit 1").fetchone()[0]
    page = (await vds.client.get(row_path("speakers", speaker))).text
    facts = between(page, '<dl class="q-facts">', "</dl>")
    assert '<dd class="q-gender">unknown' in facts and "never guessed from a name" in facts


async def test_organization_page_counts_its_speakers_by_kind_and_gender_and_offers_csv(vds, catalogue):
    conn, _ = catalogue
    org = "northshore-university"
    expected = conn.execute("select count(*) from quotes where affiliation_id = ?", [org]).fetchone()[0]
    assert expected >= 2
    page = (await vds.client.get(row_path("organizations", org))).text
    kinds = between(page, '<table class="q-facts-table q-kinds">', "</table>")
    women = conn.execute("""select count(*) from quotes join speakers on speakers.id = speaker_id
                            where quotes.affiliation_id = ? and gender = 'woman'""", [org]).fetchone()[0]
    assert women == expected and f'gender=woman">{women}</a>' in kinds
    for href, n in numbered_links(kinds):
        assert await rows_behind(vds, href) == n, href
    assert "q-share-chart" in page and "· person · role expert · gender woman" in page
    csv_href = html.unescape(re.search(r'<a href="([^"]+\.csv[^"]*)">CSV</a>', page).group(1))
    rows = csv_rows((await vds.client.get(csv_href)).text)
    assert len(rows) == expected and {r["affiliation_id"] for r in rows} == {org}


def sourcing_counts_agree(conn):
    stored = conn.execute("select outlet, month, source_type, role_class, gender, anonymous, count "
                          "from _sourcing_counts order by 1, 2, 3, 4, 5, 6").fetchall()
    live = conn.execute("select outlet, month, source_type, role_class, gender, anonymous, count(*) "
                        "from attributions group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6").fetchall()
    assert [tuple(r) for r in stored] == [tuple(r) for r in live] and sum(r[-1] for r in stored) == conn.execute(
        "select count(*) from quotes").fetchone()[0]


def test_the_stored_sourcing_counts_are_the_attributions_views(catalogue, db_path):
    """The build fills _sourcing_counts last: a step that changes speakers or quotes after it would leave them stale."""
    sourcing_counts_agree(catalogue[0])
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)  # the build of articles/, as it comes
    try:
        sourcing_counts_agree(conn)
    finally:
        conn.close()
