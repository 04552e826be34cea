"""The site in a real browser: headless Chromium (Debian's package) driven by Playwright,
against `quotecat serve` running as a real server.

A reader's path: the index, a speaker facet, a search, an article with its highlights,
a highlight followed to its attribution, the speaker's page. Screenshots go to
$QUOTECAT_ARTIFACTS (default: a pytest temporary folder); with QUOTECAT_SCREENSHOTS=docs/screenshots
the four shown in the README are also written there.

A second catalogue, the first article and the short stories of tests/voice (two more outlets,
three months), shows the sourcing pages: the index page's charts, a speaker's timeline, an
organisation's sources by kind and gender.
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.server import free_port, serve_command, start, stop

ROOT = Path(__file__).parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Shown in the README, from docs/screenshots/.
README_SHOTS = ("index.png", "article-page.png", "speaker-page.png", "organization-page.png")

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - the test extras install it
    sync_playwright = None

pytestmark = pytest.mark.skipif(
    sync_playwright is None or not CHROMIUM.exists(),
    reason=(
        "BROWSER TEST NOT RUN: "
        + ("Playwright for Python is not installed (pip install -e '.[test]'); " if sync_playwright is None else "")
        + ("" if CHROMIUM.exists() else f"{CHROMIUM} is missing and could not be installed "
           "(./scripts/test installs Debian's chromium package when run as root with apt-get)")
    ),
)


def serve(tmp_path_factory, *folders):
    """`quotecat build` then `quotecat serve` on a free port, as a user runs them; stopped at the end."""
    folder = tmp_path_factory.mktemp("browser")
    db_path = folder / "quotes.db"
    quotecat = Path(sys.executable).parent / "quotecat"
    subprocess.run([str(quotecat), "build", *map(str, folders), "--db", str(db_path)],
                   check=True, capture_output=True, timeout=300)
    port = free_port()
    with open(folder / "serve.log", "w") as log:
        try:
            process = start(serve_command(db_path, port), port, log=log)
        except RuntimeError as error:
            pytest.fail(f"quotecat serve did not start ({error}): {(folder / 'serve.log').read_text()}")
        try:
            yield f"http://127.0.0.1:{port}", db_path
        finally:
            stop(process)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve(tmp_path_factory, ROOT / "articles")


@pytest.fixture(scope="module")
def voice_server(tmp_path_factory):
    yield from serve(tmp_path_factory, ROOT / "articles", ROOT / "tests" / "voice")


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("QUOTECAT_ARTIFACTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    readme = os.environ.get("QUOTECAT_SCREENSHOTS")
    if readme:
        target = Path(readme) if Path(readme).is_absolute() else ROOT / readme
        target.mkdir(parents=True, exist_ok=True)
        for name in README_SHOTS:
            if (folder / name).exists():
                shutil.copy(folder / name, target / name)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def test_a_reader_goes_from_the_index_to_a_highlighted_sentence(server, browser, shots):
    base, db_path = server
    conn = sqlite3.connect(db_path)
    speaker_id, speaker, n_speaker = conn.execute(
        "select speakers.id, speakers.name, count(*) n from quotes join speakers on speakers.id = speaker_id "
        "where speakers.anonymous = 0 group by speakers.id order by n desc, speakers.id limit 1").fetchone()
    speaker_texts = [r[0] for r in conn.execute("select text from quotes where speaker_id = ?", [speaker_id])]
    word = max(re.findall(r"[A-Za-z]{5,}", " ".join(speaker_texts)), key=len).lower()
    n_word = sum(bool(re.search(rf"\b{word}", t, re.I)) for t in speaker_texts)
    title, n_article = conn.execute(
        "select title, count(quotes.id) from articles join quotes on quotes.article_id = articles.id "
        "group by articles.id order by count(quotes.id) desc limit 1").fetchone()
    conn.close()

    page = browser.new_page(viewport={"width": 1200, "height": 820})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    # The index says what the catalogue is, with its counts.
    page.goto(base + "/")
    expect(page.locator("h1")).to_have_text("quotecat")
    expect(page.locator(".q-counts")).to_contain_text(f"{n_article} attributions")
    expect(page.locator("svg.q-chart").first).to_be_visible()
    page.screenshot(path=shots / "index-first-article.png", full_page=True)

    # Browse attributions, then narrow them to one speaker with the facet.
    page.get_by_role("link", name="Browse attributions").click()
    page.wait_for_url(re.compile(r"/quotes/quotes$"))
    page.locator("#facet-speaker_id").get_by_role("link", name=speaker, exact=True).click()
    page.wait_for_url(re.compile(rf"speaker_id={re.escape(speaker_id)}"))
    expect(page.locator("table.rows-and-columns tbody tr")).to_have_count(n_speaker)

    # Search within them: the matches are marked.
    page.fill("#_search", word)
    page.press("#_search", "Enter")
    page.wait_for_url(re.compile(rf"_search={word}"))
    assert re.search(rf"speaker_id(__exact)?={re.escape(speaker_id)}", page.url), "the search dropped the facet"
    expect(page.locator("table.rows-and-columns tbody tr")).to_have_count(n_word)
    expect(page.locator("td.col-text mark.q-match").first).to_be_visible()
    page.locator("table.rows-and-columns").scroll_into_view_if_needed()
    page.screenshot(path=shots / "search.png")

    # Open the article from the index: every attribution is highlighted in place.
    page.goto(base + "/")
    page.locator(".q-articles").get_by_role("link", name=title).click()
    page.wait_for_url(re.compile(r"/quotes/articles/"))
    marks = page.locator("article.q-article-text mark.q")
    assert marks.count() >= n_article
    for kind in ("direct", "indirect", "mixed"):
        if page.locator(f"article mark.q-{kind}").count():
            expect(page.locator(f"article mark.q-{kind}").first).to_be_visible()
    first = marks.first
    expect(first).to_be_visible()
    expect(first).to_have_attribute("title", re.compile(r"\w"))
    colour = first.evaluate("element => getComputedStyle(element).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 0)"), colour  # our CSS, not the default
    expect(page.locator("aside.q-sources")).to_contain_text(speaker)
    page.screenshot(path=shots / "article-page.png")

    # Follow a direct quotation's highlight to its attribution's page.
    direct = page.locator("article mark.q-direct a").first
    direct.hover()
    direct.click()
    page.wait_for_url(re.compile(r"/quotes/quotes/"))
    expect(page.locator("h1")).to_contain_text("attribution to")
    expect(page.locator(".q-context mark.q").first).to_be_visible()
    page.screenshot(path=shots / "quote-page.png")

    # Back into the article at that sentence, then to the speaker.
    page.get_by_role("link", name="show in the article").click()
    page.wait_for_url(re.compile(r"/quotes/articles/.*#q-"))
    page.goto(f"{base}/quotes/speakers/{speaker_id}")
    expect(page.locator("h1")).to_contain_text(speaker)
    expect(page.locator("blockquote.q-text")).to_have_count(n_speaker)
    page.screenshot(path=shots / "speaker-first-article.png")

    assert not errors, errors
    outside = [u for u in requests if not u.startswith(base)]
    assert not outside, f"pages fetched from the network: {outside}"
    for name in ("index-first-article.png", "search.png", "article-page.png", "quote-page.png",
                 "speaker-first-article.png"):
        assert (shots / name).stat().st_size > 10_000, name
    print(f"\nscreenshots in {shots}")


def rows_shown(page) -> int:
    """The row count a Datasette table page states ("7 rows where ...")."""
    return int(re.match(r"\s*([\d,]+) rows?", page.locator(".content h3").first.inner_text()).group(1).replace(",", ""))


def test_the_sourcing_pages_answer_who_gets_a_voice(voice_server, browser, shots):
    base, db_path = voice_server
    conn = sqlite3.connect(db_path)
    outlet, anonymous = conn.execute(
        "select outlet, sum(quotes.anonymous) n from quotes join articles on articles.id = article_id "
        "group by outlet order by count(*) desc, outlet limit 1").fetchone()
    speaker_id, speaker, months = conn.execute(
        "select speaker_id, speakers.name, count(distinct substr(published, 1, 7)) m from quotes "
        "join speakers on speakers.id = speaker_id join articles on articles.id = quotes.article_id "
        "where published is not null and speakers.anonymous = 0 group by speaker_id order by m desc, count(*) desc "
        "limit 1").fetchone()
    n_speaker = conn.execute("select count(*) from quotes where speaker_id = ?", [speaker_id]).fetchone()[0]
    org_id, org, n_org = conn.execute(
        "select affiliation_id, organizations.name, count(*) from quotes join organizations on organizations.id = "
        "affiliation_id group by affiliation_id order by count(distinct speaker_id) desc, count(*) desc limit 1").fetchone()
    conn.close()
    assert months >= 2 and anonymous >= 1

    page = browser.new_page(viewport={"width": 1280, "height": 820})
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))

    # The index draws anonymity, gender and role class by outlet and by month.
    page.goto(base + "/")
    voice = page.locator("section.q-voice")
    expect(voice.locator("svg.q-chart")).to_have_count(6)
    for chart in voice.locator("svg.q-chart").all():
        expect(chart).to_be_visible()
    page.screenshot(path=shots / "index.png", full_page=True)
    # A number of its table opens exactly the rows it counts.
    voice.locator("#q-voice-table-outlet tbody tr").first.locator("td").nth(1).get_by_role("link").click()
    page.wait_for_url(re.compile(r"/quotes/attributions\?.*anonymous=1"))
    assert rows_shown(page) == anonymous
    expect(page.locator("table.rows-and-columns tbody tr")).to_have_count(anonymous)

    # The quotes table opens on its rows: the column documentation is folded.
    page.goto(base + "/quotes/quotes")
    expect(page.locator("details.q-column-docs dl.column-descriptions")).to_be_hidden()
    first_row = page.locator("table.rows-and-columns tbody tr").first.bounding_box()
    page.locator("details.q-column-docs summary").click()
    expect(page.locator("details.q-column-docs dl.column-descriptions")).to_be_visible()
    # Six facets of five values side by side (metadata facet_size, the site's CSS): 1,423 px before.
    assert first_row["y"] < 820, f"the first row of the quotes table is at y={first_row['y']:.0f} px, below the fold"

    # A speaker: who they are, where and when they were quoted, and their attributions as CSV.
    page.goto(f"{base}/quotes/speakers/{speaker_id}")
    expect(page.locator("h1")).to_contain_text(speaker)
    for fact in ("q-gender", "q-source-type", "q-role-class", "q-outlets"):
        expect(page.locator(f"dd.{fact}")).not_to_be_empty()
    expect(page.locator("svg.q-timeline rect")).to_have_count(months)
    expect(page.locator("blockquote.q-text")).to_have_count(n_speaker)
    page.screenshot(path=shots / "speaker-page.png", full_page=True)
    csv = page.request.get(base + page.get_by_role("link", name="CSV").get_attribute("href"))
    assert csv.ok and csv.text().splitlines()[0].startswith("quote_id,")
    page.locator("svg.q-timeline a").first.click()
    page.wait_for_url(re.compile(r"/quotes/attributions\?speaker_id=.*month="))
    assert 1 <= rows_shown(page) <= n_speaker

    # An organisation: its speakers by kind of source and gender, and its attributions as CSV.
    page.goto(f"{base}/quotes/organizations/{org_id}")
    expect(page.locator("h1")).to_have_text(org)
    expect(page.locator("table.q-kinds tbody tr").first).to_be_visible()
    expect(page.locator("svg.q-share-chart")).to_be_visible()
    page.screenshot(path=shots / "organization-page.png", full_page=True)
    csv = page.request.get(base + page.get_by_role("link", name="CSV").get_attribute("href"))
    assert csv.ok and len(csv.text().strip().splitlines()) >= n_org + 1
    page.locator("table.q-kinds tbody tr").first.locator("td").first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/quotes/attributions\?affiliation_id="))
    assert 1 <= rows_shown(page) <= n_org

    assert not errors, errors
    outside = [u for u in requests if not u.startswith(base)]
    assert not outside, f"pages fetched from the network: {outside}"
    for name in ("index.png", "speaker-page.png", "organization-page.png"):
        assert (shots / name).stat().st_size > 10_000, name
