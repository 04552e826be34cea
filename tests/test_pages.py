"""The reading pages (quotecat/site: templates, plugins, static, pages, highlight) through Datasette's internal client:
each page renders with its highlights and links, and markup from articles is always shown escaped."""

import asyncio
import gc
import html
import json
import random
import re
import sqlite3
import time
from html.parser import HTMLParser

import pytest
import sqlite_utils
from datasette.app import Datasette
from datasette.utils import tilde_encode
from markupsafe import escape

from quotecat.build import build
from quotecat.schema import add_sourcing_counts
from quotecat.site.highlight import highlight, mark_snippet, mark_terms
from quotecat.serve import datasette_options

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
TYPE_CLASSES = {"q-direct", "q-indirect", "q-mixed"}


class Tree(HTMLParser):
    """Checks that tags are balanced and marks never nest; collects marks, links and text."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "rect", "path"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.marks, self.links, self.ids, self.text = [], [], [], [], []
        self.in_label = False  # inside a speaker label (q-who): its text is not the article's

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "mark":
            assert "mark" not in self.stack, "nested <mark>"
            self.marks.append(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if "q-who" in (attrs.get("class") or "").split():
            self.in_label = True
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        self.in_label = False  # labels hold only text

    def handle_data(self, data):
        if not self.in_label:
            self.text.append(data)


def parse(fragment: str) -> Tree:
    tree = Tree()
    tree.feed(fragment)
    tree.close()
    assert tree.stack == [], f"unclosed tags {tree.stack}"
    return tree


def section(page: str, tag: str, css_class: str) -> str:
    match = re.search(rf'<{tag} class="{css_class}">(.*?)</{tag}>', page, re.S)
    assert match, f"no <{tag} class={css_class}>"
    return match.group(1)


def row_path(table, pk):
    return f"/quotes/{table}/{tilde_encode(pk)}"


# --- highlighting as a function -------------------------------------------------------


def quote(id, start, end, type="direct", speaker="A", fragments=None):
    return {"id": id, "start": start, "end": end, "type": type, "speaker_name": speaker,
            "speaker_id": speaker.lower(), "cue": "said", "fragments": json.dumps(fragments) if fragments else None}


def test_overlapping_attributions_make_well_formed_marks_naming_every_speaker():
    text = "0123456789 abcdefghij <b>&\"' KLMNOPQRST"
    quotes = [
        quote("q1", 0, 20, "indirect", "Ann"),
        quote("q2", 5, 30, "direct", "Bob <i>"),     # partial overlap
        quote("q3", 5, 30, "indirect", "Cy"),        # same span as q2: one claim, two sources
        quote("q4", 22, 40, "mixed", "Di", fragments=[[22, 26], [32, 40]]),
    ]
    out = highlight(text, quotes, lambda q: f"/q/{q['id']}", lambda q: f"/s/{q['speaker_id']}")
    tree = parse(str(out))
    assert html.unescape("".join(tree.text)) == text  # every character once, in order, nothing added
    assert "<b>" not in out and "&lt;b&gt;" in out and "Bob &lt;i&gt;" in out
    shared = [m for m in tree.marks if "Ann" in m["title"] and "Bob <i>" in m["title"]]
    assert shared and all("Cy" in m["title"] for m in shared) and all("q-shared" in m["class"] for m in shared)
    # The strongest type colours a shared run; each mark has exactly one type class.
    assert all(len(TYPE_CLASSES & set(m["class"].split())) == 1 for m in tree.marks)
    assert "q-direct" in shared[0]["class"]
    # Fragments: the words between the pieces of q4 are not marked as q4; its pieces are.
    runs = {html.unescape(t): title for title, t in
            re.findall(r'<mark class="[^"]*" title="([^"]*)"[^>]*><a[^>]*>(.*?)</a></mark>', str(out))}
    assert "Di" not in runs[text[26:30]] and text[30:32] not in runs
    assert html.unescape(runs[text[22:26]]).startswith("Bob <i>") and "Di (mixed" in runs[text[32:40]]
    assert {"q-q1", "q-q2", "q-q3", "q-q4"} <= set(tree.ids)
    assert {"/s/ann", "/s/bob <i>", "/s/cy", "/s/di"} <= set(tree.links)


def test_fragment_gap_is_left_unmarked():
    text = "Alpha beta, she said, gamma delta."
    out = str(highlight(text, [quote("q", 0, 33, fragments=[[0, 10], [22, 33]])], lambda q: "/q"))
    assert re.search(r"</mark>, she said, <mark", out)


def test_search_terms_are_marked_outside_tags_and_entities_only():
    marked = mark_terms('Oil & "oily" <amp> pipeline', "oil amp")
    # Oil, oily and the word amp in the text; never the "amp" of the &amp; entity.
    assert str(marked).count('<mark class="q-match">') == 3
    assert " &amp; " in marked and '&lt;<mark class="q-match">amp</mark>&gt;' in marked and "<amp>" not in marked
    assert mark_terms(escape("<b>x</b>"), "") == escape("<b>x</b>")
    assert str(mark_snippet("a **<oil>** b")) == 'a <mark class="q-match">&lt;oil&gt;</mark> b'


def test_every_run_names_exactly_the_attributions_that_cover_it():
    """Random overlapping attributions and fragments: each character is marked with the speakers covering it."""
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("ab <&\"\n") for _ in range(rng.randint(1, 80)))
        quotes = []
        for i in range(rng.randint(0, 6)):
            a = rng.randrange(len(text))
            b = rng.randint(a + 1, len(text))
            cut = sorted(rng.sample(range(a + 1, b), 2)) if b - a > 3 and rng.random() < 0.4 else None
            quotes.append(quote(f"q{i}", a, b, rng.choice(["direct", "mixed", "indirect"]), f"S{i}",
                                fragments=[[a, cut[0]], [cut[1], b]] if cut else None))
        out = str(highlight(text, quotes, lambda q: "/q", anchors=False))
        marked = []  # the speakers shown on each character of the text, in order
        for plain, speakers, chunk in re.findall(r'([^<]*)(?:<mark [^>]*data-speakers="([^"]*)"><a [^>]*>([^<]*)</a></mark>)?',
                                                 out):
            marked += [None] * len(html.unescape(plain)) + [html.unescape(speakers)] * len(html.unescape(chunk))
        expected = []
        for i in range(len(text)):
            names = [q["speaker_name"] for q in quotes
                     if any(a <= i < b for a, b in (json.loads(q["fragments"]) if q["fragments"] else [(q["start"], q["end"])]))]
            expected.append("; ".join(names) or None)
        assert marked == expected, (text, quotes, out)


def long_article(n: int) -> tuple[dict, list[dict]]:
    """An article of n characters with an attribution every 270 (3,700 in a million), as the page's query returns them."""
    paragraph = '"We will look again at the bridge and the budget," said Ana Ruiz, a spokeswoman. ' * 3 + "\n\n"
    text = (paragraph * (n // len(paragraph) + 1))[:n]
    rows = [{"id": f"q{i:06d}", "article_id": "long", "speaker_id": f"s{i % 40}", "affiliation_id": "council",
             "start": i * 270, "end": i * 270 + 50, "fragments": None, "type": ("direct", "indirect")[i % 2],
             "cue": "said", "speaker_name": f"Speaker {i % 40}", "anonymous": 0, "affiliation_name": "Council",
             "text": text[i * 270:i * 270 + 50]} for i in range(n // 270)]
    return {"id": "long", "text": text}, rows


def test_article_page_time_grows_linearly_with_its_attributions(ds):
    """The article page's highlighting once compared every attribution with every run: 3.1 s at 1M characters."""
    from quotecat.site.pages import Pages

    def best_time(n):
        article, rows = long_article(n)
        best = float("inf")
        gc.collect()
        gc.disable()
        try:
            for _ in range(3):
                started = time.process_time()
                page = Pages(ds)._article(article, [dict(r) for r in rows])
                best = min(best, time.process_time() - started)
        finally:
            gc.enable()
        assert page["html"].count("<mark ") == len(rows)
        return best

    n = 25_000
    small = best_time(n)
    while small < 0.02 and n < 800_000:
        n *= 2
        small = best_time(n)
    large = best_time(4 * n)
    assert large / max(small, 1e-6) < 6.5, f"{n} chars {small:.3f}s, {4 * n} chars {large:.3f}s (linear gives 4)"


async def test_highlighting_runs_off_the_event_loop(ds, db, monkeypatch):
    """A long article is CPU work: other requests are answered while it is highlighted."""
    import quotecat.site.pages as pages

    on_the_loop = []

    def spy(*args, **kwargs):
        try:
            asyncio.get_running_loop()
            on_the_loop.append(True)
        except RuntimeError:  # no loop in this thread: a worker
            on_the_loop.append(False)
        return highlight(*args, **kwargs)

    monkeypatch.setattr(pages, "highlight", spy)
    article_id = db.execute("select id from articles order by id limit 1").fetchone()[0]
    speaker_id = db.execute("select speaker_id from quotes where speaker_id is not null limit 1").fetchone()[0]
    for path in (row_path("articles", article_id), row_path("speakers", speaker_id)):
        on_the_loop.clear()
        response = await ds.client.get(path)
        assert response.status_code == 200 and "<mark" in response.text
        assert on_the_loop and not any(on_the_loop), path


# --- the pages of the project's database ----------------------------------------------


async def test_index_page_counts_links_and_chart(ds, db, metadata):
    response = await ds.client.get("/")
    assert response.status_code == 200
    page = response.text
    for table, word in (("articles", "article"), ("quotes", "attribution"),
                        ("speakers", "speaker"), ("organizations", "organisation")):
        count = db[table].count
        assert re.search(rf'href="/quotes/{table}"><strong>{count}</strong> {word}', page), table
    for name, query in metadata["databases"]["quotes"]["queries"].items():
        assert f'href="/quotes/{name}"' in page and str(escape(query["title"])) in page
    for (article_id,) in db.execute("select id from articles"):
        assert f'href="{row_path("articles", article_id)}"' in page
    chart = section(page, "section", "q-charts")
    assert chart.count("<svg") == 2
    top_org = db.execute("select organizations.name from quotes join organizations on organizations.id = affiliation_id "
                         "group by affiliation_id order by count(*) desc, organizations.name limit 1").fetchone()[0]
    assert str(escape(top_org)) in chart
    assert 'href="/static/quotecat.css"' in page
    css = await ds.client.get("/static/quotecat.css")
    assert css.status_code == 200 and "mark.q-direct" in css.text


async def test_every_link_on_the_index_page_opens(ds):
    page = (await ds.client.get("/")).text
    links = {html.unescape(h) for h in re.findall(r'href="(/[^"#]*)"', page) if not h.startswith("/-/")}
    assert len(links) >= 12
    for link in sorted(links):
        response = await ds.client.get(link)
        assert response.status_code == 200, link


async def test_article_page_highlights_every_attribution_in_place(ds, db):
    article_id, text = db.execute("select id, text from articles order by id limit 1").fetchone()
    response = await ds.client.get(row_path("articles", article_id))
    assert response.status_code == 200
    body = section(response.text, "article", "q-article-text")
    tree = parse(body)
    # The article's own words, every one, in order: marks and labels add nothing and drop nothing.
    assert html.unescape("".join(tree.text)) == text
    quotes = list(db.query("select quotes.*, speakers.name from quotes left join speakers on speakers.id = speaker_id "
                           "where quotes.article_id = ?", [article_id]))
    assert quotes
    for q in quotes:
        assert f"q-{q['id']}" in tree.ids  # an anchor where each attribution starts
        assert any((q["name"] or "unknown source") in m["title"] for m in tree.marks), q["id"]
    types = {q["type"] for q in quotes}
    classes = {c for m in tree.marks for c in m["class"].split()}
    assert {f"q-{t}" for t in types} <= classes and "q" in classes
    quote_links = {link for link in tree.links if link.startswith("/quotes/quotes/")}
    assert quote_links and quote_links <= {row_path("quotes", q["id"]) for q in quotes}
    # Sources with counts, linking to each speaker.
    sources = section(response.text, "aside", "q-sources")
    for speaker_id, name, n in db.execute("select speaker_id, speakers.name, count(*) from quotes join speakers "
                                          "on speakers.id = speaker_id where quotes.article_id = ? group by speaker_id",
                                          [article_id]):
        assert f'<a href="{row_path("speakers", speaker_id)}">{escape(name)}</a>' in sources
    assert sources.count("<tr>") == 1 + db.execute(
        "select count(distinct coalesce(speaker_id, '')) from quotes where article_id = ?", [article_id]).fetchone()[0]


async def test_article_page_links_every_attribution_even_two_sources_of_one_claim(ds, db):
    """A claim with two sources is two rows: the highlight opens one, a small link after it the other."""
    for (article_id,) in db.execute("select id from articles"):
        ids = {r[0] for r in db.execute("select id from quotes where article_id = ?", [article_id])}
        shared = db.execute("select count(*) from quotes a join quotes b on a.article_id = b.article_id and "
                            "a.start < b.end and b.start < a.end and a.id < b.id where a.article_id = ?",
                            [article_id]).fetchone()[0]
        assert shared >= 4  # the first article's claims of two sources, and one nested in another
        page = (await ds.client.get(row_path("articles", article_id))).text
        body = section(page, "article", "q-article-text")
        linked = {html.unescape(h) for h in re.findall(r'href="(/quotes/quotes/[^"]+)"', body)}
        assert linked == {row_path("quotes", i) for i in ids}
        also = re.findall(r'<a class="q-who q-also" href="([^"]+)"', body)
        assert also and len(also) == len(set(also))


def test_a_claim_with_two_sources_links_both_and_a_nested_claim_its_own():
    text = "Alpha beta gamma delta epsilon."
    quotes = [quote("q1", 0, 30, "indirect", "Ann"), quote("q2", 0, 30, "indirect", "Bob"),
              quote("q3", 11, 30, "indirect", "Cy")]
    out = str(highlight(text, quotes, lambda q: f"/q/{q['id']}", lambda q: f"/s/{q['speaker_id']}"))
    marks = re.findall(r'<mark [^>]*><a href="([^"]+)">([^<]*)</a></mark>', out)
    assert marks == [("/q/q1", "Alpha beta "), ("/q/q3", "gamma delta epsilon")]  # the innermost claim's words
    assert re.findall(r'q-also" href="([^"]+)"', out) == ["/q/q2"]
    assert {"/s/ann", "/s/bob", "/s/cy"} <= set(parse(out).links)


async def test_quote_page_marks_the_words_in_their_paragraph_and_links_out(ds, db):
    q = db.execute("select * from quotes where affiliation_id is not null and fragments is not null "
                   "order by id limit 1").fetchone()
    q = dict(zip([d[0] for d in db.execute("select * from quotes limit 0").description], q))
    article_text = db["articles"].get(q["article_id"])["text"]
    page = (await ds.client.get(row_path("quotes", q["id"]))).text
    context = section(page, "div", "q-context")
    tree = parse(context)
    marked = "".join(re.findall(r"<mark[^>]*><a[^>]*>(.*?)</a></mark>", context, re.S))
    pieces = json.loads(q["fragments"])
    assert html.unescape(marked) == "".join(article_text[a:b] for a, b in pieces)
    plain = html.unescape("".join(tree.text))
    assert article_text[q["start"]:q["end"]] in plain and len(plain) > q["end"] - q["start"]
    assert f'href="{row_path("speakers", q["speaker_id"])}"' in page
    assert f'href="{row_path("organizations", q["affiliation_id"])}"' in page
    assert f'href="{row_path("articles", q["article_id"])}#q-{q["id"]}"' in page
    assert f'class="q q-{q["type"]}"' in context


async def test_quote_page_names_the_other_sources_of_a_shared_claim(ds, db):
    first, second = db.execute("select a.id, b.id from quotes a join quotes b on a.article_id = b.article_id "
                               "and a.start = b.start and a.end = b.end and a.id < b.id limit 1").fetchone()
    page = (await ds.client.get(row_path("quotes", first))).text
    assert "Also attributed to" in page and f'href="{row_path("quotes", second)}"' in page


async def test_speaker_page_shows_who_they_are_and_all_their_attributions(ds, db):
    s = db.execute("select speakers.id, count(*) n from quotes join speakers on speakers.id = speaker_id "
                   "where speakers.anonymous = 0 and speakers.role is not null group by speakers.id "
                   "order by n desc, speakers.id limit 1").fetchone()[0]
    speaker = db["speakers"].get(s)
    page = (await ds.client.get(row_path("speakers", s))).text
    facts = section(page, "dl", "q-facts")
    for value in (speaker["role"], speaker["description"], speaker["source_type"], speaker["role_class"],
                  speaker["gender"]):
        assert str(escape(value)) in facts
    if speaker["title"]:
        assert str(escape(speaker["title"])) in page
    assert f'href="{row_path("organizations", speaker["affiliation_id"])}"' in facts
    assert "q-badge-named" in page and "Named source" in facts
    ids = [r[0] for r in db.execute("select id from quotes where speaker_id = ?", [s])]
    listed = re.findall(r'<blockquote class="q-text q-\w+">.*?<a href="([^"]+)">', page, re.S)
    assert sorted(listed) == sorted(row_path("quotes", i) for i in ids)
    # An interrupted quote shows its pieces marked and the interruption ("said Col. X") plain.
    for text, start, fragments in db.execute("select text, start, fragments from quotes where speaker_id = ? "
                                             "and fragments is not null", [s]):
        (a0, b0), (a1, b1) = json.loads(fragments)[:2]
        assert f"</a></mark>{escape(text[b0 - start:a1 - start])}<mark" in page


async def test_unnamed_speaker_page_says_so_and_links_its_article(ds, db):
    speaker = next(db.query("select * from speakers where anonymous = 1 order by id limit 1"))
    page = (await ds.client.get(row_path("speakers", speaker["id"]))).text
    facts = section(page, "dl", "q-facts")
    assert "Unnamed source" in facts and f'href="{row_path("articles", speaker["article_id"])}"' in facts


async def test_organization_page_lists_its_speakers_and_claims(ds, db):
    org = db.execute("select affiliation_id from quotes where affiliation_id is not null group by affiliation_id "
                     "order by count(distinct speaker_id) desc, affiliation_id limit 1").fetchone()[0]
    page = (await ds.client.get(row_path("organizations", org))).text
    speakers = section(page, "ul", "q-speakers")
    for (speaker_id,) in db.execute("select distinct speaker_id from quotes where affiliation_id = ? "
                                    "and speaker_id is not null", [org]):
        assert f'href="{row_path("speakers", speaker_id)}"' in speakers
    claims = re.findall(r'<blockquote class="q-text q-\w+">.*?<a href="([^"]+)">', page, re.S)
    expected = [r[0] for r in db.execute("select id from quotes where affiliation_id = ?", [org])]
    assert sorted(claims) == sorted(row_path("quotes", i) for i in expected)
    assert "<svg" in page


async def test_search_matches_are_highlighted(ds, db):
    word = "oil" if db.execute("select count(*) from quotes where text like '%oil%'").fetchone()[0] else "said"
    table = (await ds.client.get("/quotes/quotes", params={"_search": word})).text
    cells = re.findall(r'<td class="col-text type-str">(.*?)</td>', table, re.S)
    assert cells and all(re.search(rf'<mark class="q-match">{word}\w*</mark>', c, re.I) for c in cells)
    canned = (await ds.client.get("/quotes/search", params={"q": word})).text
    snippets = re.findall(r'<td class="col-snippet">(.*?)</td>', canned, re.S)
    assert snippets and all(re.search(rf'<mark class="q-match">{word}</mark>', c, re.I) for c in snippets)
    assert not any("**" in c for c in snippets)
    plain = (await ds.client.get("/quotes/quotes")).text
    assert "q-match" not in plain


async def test_cue_and_anonymous_facets_count_rows(ds, db):
    data = (await ds.client.get("/quotes/quotes.json")).json()["facet_results"]
    cues = {r["value"]: r["count"] for r in data["cue"]["results"]}
    assert cues == dict(db.execute("select cue, count(*) from quotes where cue is not null group by cue").fetchall())
    anonymous = {r["value"]: r["count"] for r in data["anonymous"]["results"]}
    assert anonymous == dict(db.execute("select anonymous, count(*) from quotes group by anonymous").fetchall())


# --- markup in articles is shown, never run ---------------------------------------------


@pytest.fixture(scope="module")
def evil_ds(tmp_path_factory):
    """A database whose article text, headline, speaker and organisation names carry markup."""
    folder = tmp_path_factory.mktemp("evil-articles")
    (folder / "evil.txt").write_text(
        f"Harbour {SCRIPT} reopens {IMG}\n\nBy A. Reporter\n\n"
        f'"The harbour {SCRIPT} will reopen {IMG} on Monday," said Maria Lopez, a spokeswoman for the Port Authority.\n\n'
        f'Lopez added: "We <b>never</b> closed {IMG} for good."\n',
        encoding="utf-8",
    )
    path = tmp_path_factory.mktemp("evil-db") / "quotes.db"
    summary = build([folder], path, warn=lambda message: None)
    assert summary.quotes >= 2
    conn = sqlite3.connect(path)
    with conn:
        # Names with markup: the extractor would not produce them, a hostile input file might.
        conn.execute("update speakers set name = ?, role = ?, description = ?",
                     [f"Maria {SCRIPT} Lopez {IMG}", f"spokes{IMG}woman", f"desc {SCRIPT}"])
        conn.execute("update organizations set name = ?", [f"Port {IMG} Authority {SCRIPT}"])
        conn.execute("update articles set title = ?, outlet = ?", [f"Harbour {SCRIPT} {IMG}", f"Outlet {IMG}"])
    add_sourcing_counts(sqlite_utils.Database(conn))  # the outlet with markup reaches the sourcing figures too
    conn.close()
    return Datasette(**datasette_options(path)), path


async def test_markup_from_articles_is_escaped_on_every_custom_page(evil_ds):
    ds, path = evil_ds
    conn = sqlite3.connect(path)
    ids = {t: [r[0] for r in conn.execute(f"select id from {t}")] for t in ("articles", "quotes", "speakers", "organizations")}
    conn.close()
    urls = ["/", "/quotes/quotes?_search=harbour", "/quotes/search?q=harbour", "/quotes/quotes"]
    urls += [row_path(table, pk) for table, pks in ids.items() for pk in pks]
    for url in urls:
        response = await ds.client.get(url)
        assert response.status_code == 200, url
        page = response.text
        for raw in ("<script>alert", "<img src=x", "<b>never"):
            assert raw not in page, (url, raw)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
    # The sourcing query, the view its numbers open, and query results that link their rows.
    for url in ["/quotes/sourcing_by_outlet", "/quotes/attributions",
                "/quotes/most_quoted_speakers", "/quotes/attributions_by_speaker?speaker=&search="]:
        page = (await ds.client.get(url)).text
        for raw in ("<script>alert", "<img src=x", "<b>never"):
            assert raw not in page, (url, raw)
        assert "&lt;img src=x onerror=alert(1)&gt;" in page, url
    article = (await ds.client.get(row_path("articles", ids["articles"][0]))).text
    body = section(article, "article", "q-article-text")
    assert "&lt;img src=x onerror=alert(1)&gt;" in body and "&lt;b&gt;never&lt;/b&gt;" in body
    tree = parse(body)
    assert tree.marks and all(f"Maria {SCRIPT} Lopez {IMG}" == m["title"].split(" (")[0] for m in tree.marks)
