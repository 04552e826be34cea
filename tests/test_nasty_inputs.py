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

from pathlib import Path

from quotecat.read import MAX_ARTICLE_CHARS, ArticleError, read_file
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


# --- no file skipped without a message (issue 10 item 4) ----------------------------------


def _article(title, sentence="The bridge will stay closed until the spring, the city engineer said."):
    return f"{title}\n\n{sentence}\n"


def test_symlinked_folders_are_followed_once_and_a_loop_is_named(tmp_path):
    from quotecat.read import find_files

    root, elsewhere = tmp_path / "archive", tmp_path / "elsewhere"
    (root / "2016").mkdir(parents=True)
    elsewhere.mkdir()
    (root / "2016" / "a.txt").write_text(_article("Bridge A"))
    (elsewhere / "b.txt").write_text(_article("Bridge B"))
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "2016" / "loop").symlink_to(root, target_is_directory=True)
    skipped = []
    files = find_files([root], on_skip=skipped.append)
    assert [f.relative_to(root).as_posix() for f in files] == ["2016/a.txt", "linked/b.txt"]
    assert [(Path(e.path).relative_to(root).as_posix(), e.reason) for e in skipped] == [
        ("2016/loop", f"folder already read (a link to {root})")]


def test_unreadable_folders_and_unsupported_files_are_counted_by_reason_in_the_summary(tmp_path, monkeypatch):
    import os

    from quotecat.read import files as reader_files

    folder = tmp_path / "batch"
    (folder / "private").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD)
    (folder / "private" / "secret.txt").write_text(GOOD)
    for name in ("table.xlsx", "notes.md", "README.md", "photo.jpg"):
        (folder / name).write_bytes(b"x")
    (folder / ".DS_Store").write_bytes(b"\x00")  # hidden files are passed over, as documented
    scandir = os.scandir

    def refuse_private(path):  # the tests run as root, whom chmod 000 does not stop
        if os.fspath(path).endswith("private"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(reader_files.os, "scandir", refuse_private)
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db_path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.endswith("; 5 files skipped: 4 unsupported type (.md, .jpg, .xlsx), "
                            "1 unreadable folder (private)"), summary
    for name in ("photo.jpg", "notes.md", "README.md", "table.xlsx", "private"):
        assert any(f"skipped {name}: " in line for line in result.stderr.splitlines()), name
    assert "unreadable folder (Permission denied)" in result.stderr
    assert sqlite3.connect(db_path).execute("select count(*) from articles").fetchone()[0] == 1


@pytest.mark.parametrize("compress", ["gzip", "bz2", "lzma"])
def test_compressed_json_lines_json_csv_text_and_html_are_read(tmp_path, compress):
    import bz2
    import gzip
    import lzma

    module, suffix = {"gzip": (gzip, ".gz"), "bz2": (bz2, ".bz2"), "lzma": (lzma, ".xz")}[compress]
    records = [{"title": "First story", "text": GOOD.split("\n\n", 1)[1], "url": "https://example.com/news/first"},
               {"title": "Second story", "text": "The bridge reopened on Friday, the mayor said."}]
    contents = {
        "archive.jsonl": "".join(json.dumps(r) + "\n" for r in records),
        "one.json": json.dumps(records[1]),
        "table.csv": 'title,text\nCSV story,"The bridge reopened, the mayor said."\n',
        "story.txt": GOOD,
        "page.html": HTML,
    }
    for name, content in contents.items():
        (tmp_path / (name + suffix)).write_bytes(module.compress(content.encode()))
    from quotecat.read import iter_articles

    errors = []
    articles = list(iter_articles([tmp_path], on_error=errors.append))
    assert errors == []
    assert sorted(a.id for a in articles) == ["csv-story", "news-first", "one", "page", "second-story", "story"]
    assert {a.source_file.rsplit("/", 1)[1] for a in articles} == {name + suffix for name in contents}


def test_a_damaged_compressed_file_is_named_and_the_lines_before_the_damage_are_kept(tmp_path):
    import gzip

    from quotecat.read import read_file

    lines = "".join(json.dumps({"title": f"Story {n}", "text": f"The bridge closed on day {n}, officials said."}) + "\n"
                    for n in range(2000))
    data = gzip.compress(lines.encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "not-gzip.txt.gz").write_bytes(b"plain bytes, not gzip")
    warnings = []
    articles = read_file(tmp_path / "cut.jsonl.gz", warn=warnings.append)
    assert 0 < len(articles) < 2000
    assert len(warnings) == 1 and "damaged .gz file" in warnings[0] and "the rest of the file is skipped" in warnings[0]
    with pytest.raises(ArticleError, match=r"not-gzip\.txt\.gz: damaged \.gz file"):
        read_file(tmp_path / "not-gzip.txt.gz")


# --- one bad record never aborts the batch (issue 10 item 6) ------------------------------


def _deep_tree(top, depth, name):
    """``depth`` nested folders called ``name`` under ``top``, made relative to an open folder so that a
    path longer than the system allows can be made; returns the open descriptor of the deepest."""
    import os

    fd = os.open(top, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir(name, dir_fd=fd)
        inner = os.open(name, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    return fd


def _write_at(fd, name, text):
    import os

    out = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(out, text.encode())
    os.close(out)
    os.close(fd)


def _remove_deep_tree(top, name):
    """Remove what _deep_tree made, a level at a time with short paths (pytest's rmtree recurses, and fails)."""
    import os

    folder = top / name
    while folder.exists():
        for entry in os.scandir(folder):
            if not entry.is_dir(follow_symlinks=False):
                os.unlink(entry.path)
        if (folder / name).exists():
            os.rename(folder / name, top / "up")
            os.rmdir(folder)
            os.rename(top / "up", folder)
        else:
            os.rmdir(folder)


@pytest.fixture
def deep_folder():
    """A folder for trees too deep for pytest's own clean-up, outside its temporary folders, removed here."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="quotecat-deep-"))
    yield folder
    for name in ("d", "folder"):
        _remove_deep_tree(folder, name)
    shutil.rmtree(folder)


def test_surrogates_deep_nesting_and_deep_folders_are_each_one_named_skipped_input(tmp_path, deep_folder):
    folder = deep_folder
    (folder / "good.txt").write_text(GOOD)
    good_line = json.dumps({"title": "First story", "text": "The bridge reopened on Friday, the mayor said."})
    (folder / "surrogate.jsonl").write_text(
        good_line + "\n" + '{"title": "Emoji cut in half", "text": "The mayor said \\ud83d hello."}\n')
    (folder / "nested.json").write_text("[" * 1000 + "]" * 1000)
    (folder / "nested-lines.jsonl").write_text(good_line.replace("First", "Second") + "\n"
                                               + '{"text": ' + "[" * 100_000 + "\n")
    # 1,100 folders deep with short names: a long walk, and the article at the bottom is read
    _write_at(_deep_tree(folder, 1100, "d"), "bottom.txt", GOOD.replace("Bridge Repairs", "Deep Repairs"))
    # 600 folders deep with longer names: past the longest path the system allows (4,096), named and skipped
    _write_at(_deep_tree(folder, 600, "folder"), "lost.txt", GOOD)
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db_path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    stderr = result.stderr.splitlines()
    assert any("surrogate.jsonl line 2" in line and "lone surrogate" in line and "skipped" in line for line in stderr)
    assert any("skipped nested.json: not readable JSON (nested too deeply)" in line for line in stderr), stderr
    assert any("nested-lines.jsonl line 2" in line and "nested too deeply" in line for line in stderr), stderr
    assert any("unreadable folder (File name too long)" in line for line in stderr), stderr
    titles = {row[0] for row in sqlite3.connect(db_path).execute("select title from articles")}
    assert titles == {"Council Delays Vote on Bridge Repairs", "Council Delays Vote on Deep Repairs",
                      "First story", "Second story"}
    summary = result.stdout.strip().splitlines()[-1]
    assert re.search(r"2 files skipped: 1 unreadable folder \(folder/folder/folder…lder/folder/folder/folder/folder/folder\), "
                     r"1 not readable JSON \(nested\.json\)$", summary), summary


# --- files that are not regular files (issue 10 item 8) -----------------------------------


def test_a_fifo_a_device_and_a_huge_file_are_refused_before_reading(tmp_path):
    import os
    import subprocess
    import sys

    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    with open(folder / "huge.txt", "wb") as f:  # 300 MB (sparse): refused by its size, never read
        f.truncate(300 * 1024 * 1024)
    db_path = tmp_path / "quotes.db"
    # VmHWM is this process's own peak; ru_maxrss would carry over the peak of the pytest
    # process it was forked from (Linux keeps it across exec: 481 MB late in a full run).
    measure = ("import re, sys; from quotecat.cli import cli\n"
               "try:\n    cli(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
               "status = open('/proc/self/status').read()\n"
               "print('peak_mb', int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024)\nsys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", measure, "build", str(folder), "--db", str(db_path), "--jobs", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "skipped pipe.txt: not a regular file (a named pipe)" in done.stderr
    assert "skipped zero.txt: not a regular file (a character device)" in done.stderr
    assert "skipped huge.txt: too long for one article: 314,572,800 bytes, more than 4,000,000" in done.stderr
    assert "3 files skipped: 2 not a regular file (pipe.txt, zero.txt), 1 too long for one article (huge.txt)" \
        in done.stdout
    peak_mb = int(done.stdout.split("peak_mb ")[1])
    assert peak_mb < 300, f"{peak_mb} MB: the huge file was read"


def test_a_compressed_file_is_read_no_further_than_the_cap(tmp_path):
    import gzip

    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=1) as f:
        for _ in range(100):
            f.write(b"word " * 200_000)  # 100 MB of text once decompressed, 100 kB compressed
    with pytest.raises(ArticleError, match=r"too long for one article: at least 4,000,001 bytes once decompressed"):
        read_file(path)


# --- metadata is text or nothing (issue 10, also noticed) ---------------------------------


def test_odd_json_metadata_is_left_out_with_a_warning_not_stored_as_python(tmp_path):
    record = ('{"title": {"x": 1}, "outlet": 5, "published": Infinity, "authors": 5, "url": ["https://a.example"], '
              '"text": "The bridge reopened on Friday, the mayor said."}')
    path = tmp_path / "odd.jsonl"
    path.write_text(record + "\n")
    warnings = []
    (article,) = read_file(path, warn=warnings.append)
    assert (article.title, article.outlet, article.published, article.byline, article.url) == (None,) * 5
    assert warnings == [
        f"{path} line 1: 'title' is an object, not text: left out",
        f"{path} line 1: 'authors' holds a number (5), not a name: left out",
        f"{path} line 1: 'outlet' is a number (5), not text: left out",
        f"{path} line 1: 'published' is a number (inf), not text: left out",
        f"{path} line 1: 'url' is a list, not text: left out",
    ]
    lists = tmp_path / "names.json"
    lists.write_text(json.dumps({"text": "The bridge reopened, the mayor said.", "authors": ["Ana Ruiz", 7, {"name": "Tom Park"}]}))
    warnings = []
    assert read_file(lists, warn=warnings.append)[0].byline == "By Ana Ruiz and Tom Park"
    assert warnings == [f"{lists}: 'authors' holds 1 entry that are not names: left out"]
