"""Article ids: two different texts are never one article, the same input always gets the same ids.

An article is known by its path relative to the folder given to the build (a one-article
file), or by its record's ``id``, url or title (a many-article file). Ids that still
clash get ``-2``, ``-3`` in input order; an article with the id *and* the text of an
earlier one is a duplicate, skipped and named.
"""

import json
import sqlite3
from pathlib import Path

import pytest

from quotecat.build import build
from quotecat.distributed import article_id, extract_record
from quotecat.ids import UniqueIds, path_id, record_id

STORY = """The Test Gazette
{title}

The council of {town} postponed its vote on the bridge repairs on Tuesday, officials said.

"We need more time to study the costs," said Mayor {mayor}.
"""


def story(town: str, mayor: str = "Ana Ruiz") -> str:
    return STORY.format(title=f"Vote delayed in {town}", town=town, mayor=mayor)


def ignore(message):
    pass


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ids_by_file(db_path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for article, source in sqlite3.connect(db_path).execute("select id, source_file from articles order by rowid"):
        found.setdefault(source, []).append(article)
    return found


def dump(db_path: Path) -> dict:
    conn = sqlite3.connect(db_path)
    return {t: conn.execute(f"select * from [{t}] order by rowid").fetchall()
            for t in ("articles", "quotes", "speakers", "organizations", "_speaker_mentions")}


@pytest.mark.parametrize("relative,expected", [
    ("islamic-state-deir-ezzour.txt", "islamic-state-deir-ezzour"),  # the top of the folder: as before
    ("Café Owner’s Last Stand.txt", "cafe-owners-last-stand"),
    ("2024/05/story.txt", "2024-05-story"),
    ("news/quarry-road/index.html", "news-quarry-road"),  # a web mirror: the folder names the story
    ("index.html", "index"),
    ("2024/---.txt", "2024"),
    ("---.txt", path_id("---.txt")),  # no letter: a digest, the same every time
])
def test_path_ids(relative, expected):
    assert path_id(relative) == expected
    assert path_id("---.txt").startswith("article-")


def test_a_web_mirror_of_index_html_files_builds_every_story(tmp_path):
    towns = [f"Town{chr(65 + n)}" for n in range(19)]
    mirror = tmp_path / "mirror"
    for town in towns:
        page = mirror / "news" / town.lower() / "index.html"
        page.parent.mkdir(parents=True)
        paragraphs = "".join(f"<p>{p}</p>" for p in story(town).split("\n\n")[1:])
        page.write_text(f"<html><head><title>Vote delayed in {town}</title></head>"
                        f"<body><article><h1>Vote delayed in {town}</h1>{paragraphs}</article></body></html>")
    summary = build([mirror], tmp_path / "quotes.db", warn=ignore)
    assert summary.articles == 19 and summary.skipped == []
    assert sorted(a for ids in ids_by_file(tmp_path / "quotes.db").values() for a in ids) == \
        sorted(f"news-{town.lower()}" for town in towns)


RECORD = {"title": "Quarry road closed", "url": "https://gazette.example/news/quarry-road.html"}


# Files of one folder -> the id each gets. Input order is the sorted order of the paths.
@pytest.mark.parametrize("files,expected", [
    ({"Cafe.txt": story("Harlow"), "Café.txt": story("Denby")}, {"Cafe.txt": ["cafe"], "Café.txt": ["cafe-2"]}),
    ({"a b.txt": story("Harlow"), "a_b.txt": story("Denby")}, {"a b.txt": ["a-b"], "a_b.txt": ["a-b-2"]}),
    ({"archive.jsonl": json.dumps({**RECORD, "text": story("Harlow")}) + "\n",
      "news-quarry-road.txt": story("Denby")},
     {"archive.jsonl": ["news-quarry-road"], "news-quarry-road.txt": ["news-quarry-road-2"]}),
    ({"a/export.jsonl": json.dumps({"text": story("Harlow")}) + "\n",
      "b/export.jsonl": json.dumps({"text": story("Denby")}) + "\n"},
     {"a/export.jsonl": ["export-1"], "b/export.jsonl": ["export-1-2"]}),
], ids=["accents", "space and underscore", "file name and a record's url",
        "two archives' line numbers"])
def test_clashing_ids_are_told_apart_in_input_order(tmp_path, files, expected):
    folder = write(tmp_path / "in", files)
    warnings = []
    summary = build([folder], tmp_path / "quotes.db", warn=warnings.append, jobs=1)
    assert summary.skipped == []
    assert ids_by_file(tmp_path / "quotes.db") == expected
    assert summary.renamed == sum(1 for ids in expected.values() for a in ids if a.endswith("-2")) == 1
    assert sum("which has another text" in w for w in warnings) == 1


def test_the_same_name_in_two_folders_is_two_articles(tmp_path):
    folder = write(tmp_path / "in", {"2024/story.txt": story("Harlow"), "2025/story.txt": story("Harlow")})
    build([folder], tmp_path / "quotes.db", warn=ignore)
    assert ids_by_file(tmp_path / "quotes.db") == {"2024/story.txt": ["2024-story"], "2025/story.txt": ["2025-story"]}


@pytest.mark.parametrize("relative,expected", [
    ("story.txt.gz", "story"),  # the id of story.txt: compressing an archive renames nothing
    ("2024/05/story.txt.bz2", "2024-05-story"),
    ("news/quarry-road/index.html.xz", "news-quarry-road"),
])
def test_a_compressed_file_is_named_by_its_path_without_the_compression_suffix(tmp_path, relative, expected):
    import bz2
    import gzip
    import lzma

    compress = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}[Path(relative).suffix]
    text = story("Harlow")
    if ".html" in relative:
        text = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</article></body></html>"
    path = tmp_path / "in" / relative
    path.parent.mkdir(parents=True)
    path.write_bytes(compress(text.encode()))
    summary = build([tmp_path / "in"], tmp_path / "quotes.db", warn=ignore, jobs=1)
    assert summary.skipped == []
    assert ids_by_file(tmp_path / "quotes.db") == {relative: [expected]}


def test_the_same_text_under_the_same_id_is_a_duplicate(tmp_path):
    folder = write(tmp_path / "in", {"Cafe.txt": story("Harlow"), "Café.txt": story("Harlow")})
    summary = build([folder], tmp_path / "quotes.db", warn=ignore)
    assert summary.articles == 1
    assert summary.skipped == [("Café.txt", "duplicate of Cafe.txt (the same text, article id 'cafe')")]


def test_identical_records_in_an_archive_are_one_article(tmp_path):
    record = json.dumps({**RECORD, "text": story("Harlow")})
    other = json.dumps({**RECORD, "text": story("Denby")})
    folder = write(tmp_path / "in", {"archive.jsonl": "\n".join([record, record, other]) + "\n"})
    summary = build([folder], tmp_path / "quotes.db", warn=ignore)
    assert ids_by_file(tmp_path / "quotes.db") == {"archive.jsonl": ["news-quarry-road", "news-quarry-road-2"]}
    assert [reason for _, reason in summary.skipped] == [
        "duplicate of archive.jsonl (the same text, article id 'news-quarry-road')"]


@pytest.fixture
def clashing(tmp_path):
    return write(tmp_path / "in", {
        "Cafe.txt": story("Harlow"), "Café.txt": story("Denby"), "a b.txt": story("Marlock"),
        "a_b.txt": story("Ashgrove"), "x/index.html": f"<p>{story('Penwith')}</p>",
        "archive.jsonl": "".join(json.dumps({**RECORD, "text": story(town)}) + "\n" for town in ("Tallis", "Orrin")),
        "news-quarry-road.txt": story("Kestle"),
    })


def test_ids_are_the_same_whatever_the_jobs_and_with_update(clashing, tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    build([clashing], one, warn=ignore, jobs=1)
    build([clashing], two, warn=ignore, jobs=2)
    assert dump(one) == dump(two)

    (clashing / "Café.txt").write_text(story("Denby", mayor="Lena Ortiz"), encoding="utf-8")  # edited
    (clashing / "a_b.txt").unlink()
    summary = build([clashing], one, warn=ignore, update=True)
    assert (summary.extracted, summary.removed) == (1, 1)
    build([clashing], two, warn=ignore)
    assert dump(one) == dump(two)
    assert ids_by_file(one)["Café.txt"] == ["cafe-2"]  # the same id as before the edit


def test_a_records_own_id_names_it_in_a_build_and_in_a_distributed_run(tmp_path):
    pytest.importorskip("pyarrow", reason="DISTRIBUTED PATH NOT TESTED: pyarrow is not installed")
    import pyarrow as pa
    import pyarrow.parquet as pq

    from click.testing import CliRunner

    from quotecat.cli import cli

    records = [
        {"id": "gz-1041", **RECORD, "text": story("Harlow")},  # its own id wins over the url
        {**RECORD, "text": story("Denby")},  # the url's slug
        {**RECORD, "text": story("Marlock")},  # the same url, another text: -2
        {**RECORD, "text": story("Denby")},  # the same url and text: a duplicate
        {"title": "Ferry fares rise", "text": story("Ashgrove")},
    ]
    assert [article_id(r) for r in records[:2]] == ["gz-1041", "news-quarry-road"]
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    local = tmp_path / "local.db"
    build([archive], local, warn=ignore)

    rows = [extract_record(r, source_file="archive.jsonl") for r in records]
    (tmp_path / "parquet").mkdir()
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "parquet" / "part.0.parquet")
    result = CliRunner().invoke(cli, ["load-parquet", str(tmp_path / "parquet"), "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 0, result.output
    assert ids_by_file(local) == {"archive.jsonl": ["gz-1041", "news-quarry-road", "news-quarry-road-2",
                                                    "ferry-fares-rise"]}
    assert dump(tmp_path / "d.db") == dump(local)


# One archive's records -> ids, as the reader gives them (``ids.UniqueIds``).
@pytest.mark.parametrize("records,expected", [
    ([{"id": "A-7", "text": "x"}, {"id": 12, "text": "y"}], ["A-7", "12"]),
    ([{"id": " ", "title": "Bridge shut", "text": "x"}, {"id": True, "text": "y"}], ["bridge-shut", "archive-2"]),
    ([{"title": "Bridge shut", "text": "x"}, {"title": "Bridge shut", "text": "y"}], ["bridge-shut", "bridge-shut-2"]),
    ([{"title": "Bridge shut", "text": "x"}, {"title": "Bridge shut", "text": "x"}], ["bridge-shut", "bridge-shut"]),
    ([{"text": "x"}, {"text": "y"}], ["archive-1", "archive-2"]),
])
def test_record_ids(records, expected):
    ids = UniqueIds("archive.jsonl")
    assert [ids.unique(r, n) for n, r in enumerate(records, 1)] == expected
    named = [r for r in records if r.get("id") not in (None, " ", True) or r.get("title")]
    assert all(record_id(r) for r in named)
