"""A batch of the worst files an archive holds: none may crash the build or go missing without a word.

Every file is generated here. Each bad one is named in a warning (with its line for
JSON lines), the rest of the batch is built, the summary counts what was skipped,
and ``--strict`` turns any skip into a failed build that leaves the old database.
"""

import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from quotecat.read import MAX_ARTICLE_CHARS, read_file
from quotecat.cli import cli

GOOD = """The Test Gazette
Council Delays Vote on Bridge Repairs
By A. Reporter

The city council postponed its vote on the bridge repairs on Tuesday, officials said.

"We need more time to study the costs," said Mayor Ana Ruiz.
"""

SENTENCE = "The council voted on Tuesday to close the bridge, officials said. “We need more time,” said Mayor Ana Ruiz. "
HUGE_BYTES = 20 * 1024 * 1024

UNBALANCED = """Quote Marks Weekly
Every Kind of Quotation Mark

"Open and never closed, said the mayor.

“Curly opened, ‘single inside, «angle inside „low inside‟ ending» and ’ the close never comes, he said.

”Closer first“ and then the opener, she said. ''Doubled closers'' and ``TeX openers'' said the clerk.

«««»»» „“”” ‘‘’’ "" '' `` ''' "“«„‘ — » ” " ’ ‟ she told reporters: "

"Nested "straight" quotes in straight quotes," said John Dorrian. "And one more, he added.
"""

HTML = """<!DOCTYPE html><html><head><title>Bridge closed</title>
<style>body { color: red } p:after { content: "said the stylesheet" }</style>
<script>var quote = "said the script"; alert(1); document.write('<p>"Injected," said the script.</p>');</script>
</head><body><div class="nav"><a href="/">Home</a><a href=javascript:alert(1)>Click</a>
<article><h1>Bridge closed</h1><p>The city council closed the bridge on Tuesday, officials said.
<p>"We need more time to study the costs," said Mayor Ana Ruiz, who did not say when it would reopen.
<p>"The repairs will take a year," said the city engineer, Tom Park. <b><i>unclosed tags</b>
<div><span>Residents were angry. "Nobody asked us," said a shop owner on the bridge.</div></p></p>
<script>alert("said the second script")</script><!-- a comment "said the comment" -->
</article><footer>Copyright 2024 Test Gazette. All rights reserved.</footer>
"""


def jsonl_with_a_broken_middle_line():
    good = {"title": "First story", "text": GOOD.split("\n\n", 1)[1], "url": "https://example.com/first"}
    other = {"title": "Third story", "text": "The bridge reopened, the mayor said.", "url": "https://example.com/third"}
    return (json.dumps(good) + "\n" + '{"title": "Broken", "text": "cut off here\n' + json.dumps(other) + "\n").encode()


@pytest.fixture(scope="module")
def nasty(tmp_path_factory):
    """The nasty batch: {file name: problem expected, or None when it must be built}."""
    folder = tmp_path_factory.mktemp("nasty")
    files = {
        "good.txt": (GOOD.encode(), None),
        "empty.txt": (b"", "empty file"),
        "whitespace.txt": (b" \n\t\r\n \xc2\xa0\n\n   \n", "empty"),
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50, "binary file"),
        "random-bytes.txt": (bytes(range(256)) * 40, "binary file"),
        "cp1252.txt": ("Le Journal\nUn café fermé\n\nLe café est fermé, a déclaré le maire.\n"
                       "“It’s over,” said Zoë Müller.\n".encode("cp1252"), None),
        "mixed-encodings.txt": (GOOD.encode() + "\n“Ça va”, said the café owner.\n".encode("cp1252")
                                + "\n\n“Déjà vu,” said the mayor.\n".encode("utf-8"), None),
        "utf16.txt": (GOOD.encode("utf-16"), None),
        "huge.txt": (("Huge Gazette\nOne Paragraph\n\n" + SENTENCE * (HUGE_BYTES // len(SENTENCE.encode()))).encode(),
                     "too long for one article"),
        "quotes-10000.txt": (("Marks\nTen Thousand Marks\n\n" + '"' * 10_000 + ' said the mayor.\n\n'
                              + "“" * 5000 + "”" * 5000 + "\n\n" + "''``" * 2500 + "\n").encode(), None),
        "unbalanced-nested.txt": (UNBALANCED.encode(), None),
        "page.html": (HTML.encode(), None),
        "broken-middle.jsonl": (jsonl_with_a_broken_middle_line(), None),
        "not-json.json": (b'{"title": "x", "text": ', "not valid JSON"),
        "nul.json": (b'{"title": "x",\x00 "text": "y"}', "binary file"),
        "no-text.json": (b'{"title": "Only a title"}', 'no "text"'),
        "all-broken.jsonl": (b'{"broken\n[1, 2\n', "no readable articles"),
        "only-furniture.txt": (b"Share this article\n\nAdvertisement\n\nCopyright 2024. All rights reserved.\n",
                               "no article text"),
    }
    for name, (content, _) in files.items():
        (folder / name).write_bytes(content)
    return folder, {name: problem for name, (_, problem) in files.items()}


@pytest.fixture(scope="module")
def built(nasty, tmp_path_factory):
    folder, expected = nasty
    db_path = tmp_path_factory.mktemp("built") / "quotes.db"
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db_path), "--jobs", "1"])
    return result, db_path


def test_the_batch_builds_and_every_bad_file_is_named_with_its_problem(nasty, built):
    _, expected = nasty
    result, db_path = built
    assert result.exit_code == 0, result.output
    skipped = {name: problem for name, problem in expected.items() if problem}
    for name, problem in skipped.items():
        lines = [line for line in result.stderr.splitlines() if name in line]
        assert lines, f"no message names {name}:\n{result.stderr}"
        assert any(problem in line for line in lines), (name, lines)
    summary = result.stdout.strip().splitlines()[-1]
    assert f"{len(skipped)} files skipped" in summary, summary
    assert re.match(r"Built quotes\.db: \d+ articles", summary)


def test_the_readable_files_are_all_in_the_database(nasty, built):
    _, expected = nasty
    _, db_path = built
    conn = sqlite3.connect(db_path)
    files = {row[0] for row in conn.execute("select source_file from articles")}
    assert files == {name for name, problem in expected.items() if problem is None}
    # Two articles from the JSON lines file: the broken line between them is skipped, not the file.
    assert conn.execute("select count(*) from articles where source_file = 'broken-middle.jsonl'").fetchone()[0] == 2
    # Every stored quote is exactly its span of the article, whatever the marks did.
    assert conn.execute(
        "select count(*) from quotes join articles on articles.id = quotes.article_id "
        "where quotes.text != substr(articles.text, quotes.start + 1, quotes.\"end\" - quotes.start)"
    ).fetchone()[0] == 0
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_legacy_encodings_are_decoded_with_a_warning_naming_the_file(built):
    result, db_path = built
    for name in ("cp1252.txt", "mixed-encodings.txt"):
        assert any(name in line and "not valid UTF-8" in line for line in result.stderr.splitlines()), name
    texts = dict(sqlite3.connect(db_path).execute("select source_file, text from articles"))
    assert "café est fermé" in texts["cp1252.txt"] and "“It’s over,”" in texts["cp1252.txt"]
    assert "Ça va" in texts["mixed-encodings.txt"]  # the cp1252 part read right, the UTF-8 part garbled but kept
    assert "said Mayor Ana Ruiz" in texts["utf16.txt"]


def test_broken_json_line_is_named_with_its_line_number(built):
    result, _ = built
    assert any("broken-middle.jsonl line 2" in line and "not valid JSON" in line
               for line in result.stderr.splitlines()), result.stderr


def test_html_scripts_styles_and_broken_tags_leave_only_the_story(built):
    _, db_path = built
    conn = sqlite3.connect(db_path)
    (text,) = conn.execute("select text from articles where source_file = 'page.html'").fetchone()
    assert "said Mayor Ana Ruiz" in text and "Nobody asked us" in text
    for junk in ("alert(", "document.write", "said the script", "said the stylesheet", "color: red",
                 "said the comment", "<", "javascript:"):
        assert junk not in text, junk
    speakers = {row[0] for row in conn.execute("select text from quotes where article_id = 'page'")}
    assert any("We need more time" in s for s in speakers)


def test_ten_thousand_quotation_marks_build(built):
    _, db_path = built
    conn = sqlite3.connect(db_path)
    (text,) = conn.execute("select text from articles where source_file = 'quotes-10000.txt'").fetchone()
    assert text.count('"') == 10_000


def test_huge_article_is_skipped_with_the_reason_and_the_limit(built):
    result, _ = built
    line = next(line for line in result.stderr.splitlines() if "huge.txt" in line)
    assert f"{MAX_ARTICLE_CHARS:,}" in line and "characters" in line


def test_huge_article_in_json_lines_skips_only_its_line(tmp_path):
    big = {"title": "Huge", "text": SENTENCE * (MAX_ARTICLE_CHARS // len(SENTENCE) + 10)}
    small = {"title": "Small", "text": "The bridge reopened, the mayor said."}
    path = tmp_path / "archive.jsonl"
    path.write_text(json.dumps(small) + "\n" + json.dumps(big) + "\n", encoding="utf-8")
    warnings = []
    articles = read_file(path, warn=warnings.append)
    assert [a.title for a in articles] == ["Small"]
    assert any("archive.jsonl line 2" in w and "too long for one article" in w for w in warnings), warnings


def test_strict_fails_on_any_skipped_file_and_keeps_the_old_database(nasty, tmp_path):
    folder, expected = nasty
    runner = CliRunner()
    db_path = tmp_path / "quotes.db"
    good = tmp_path / "good"
    good.mkdir()
    (good / "good.txt").write_text(GOOD, encoding="utf-8")
    assert runner.invoke(cli, ["build", str(good), "--db", str(db_path), "--strict"]).exit_code == 0
    before = db_path.read_bytes()

    result = runner.invoke(cli, ["build", str(folder), "--db", str(db_path), "--strict", "--jobs", "1"])
    assert result.exit_code != 0
    assert "--strict" in result.output
    for name, problem in expected.items():
        if problem:
            assert name in result.output, name
    assert db_path.read_bytes() == before
    assert not list(tmp_path.glob("quotes.db.tmp-*"))


def test_script_urls_never_become_the_article_url(tmp_path):
    for n, url in enumerate(["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>"]):
        path = tmp_path / f"a{n}.json"
        path.write_text(json.dumps({"title": "T", "text": "The bridge is unsafe, officials said.", "url": url}))
        assert read_file(path)[0].url is None, url
    path = tmp_path / "ok.json"
    path.write_text(json.dumps({"title": "T", "text": "The bridge is unsafe.", "url": "https://example.com/a"}))
    assert read_file(path)[0].url == "https://example.com/a"
