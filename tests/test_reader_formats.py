"""Outlet and date for every input: CSV, front matter, dates in paths, ISO dates and tidied outlets.

Every article here is written for the test.
"""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from quotecat.cli import cli
from quotecat.read import ArticleError, read_file
from quotecat.read.metadata import date_in_path, iso_date, outlet_name

STORY = ("The council voted on Tuesday to close the quarry road to heavy trucks, officials said. "
         '"We have listened to the people who live here," said Councillor Ruth Adeyemi.')


def write(tmp_path, name, content):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# --- CSV ------------------------------------------------------------------------------------

CSV = (
    "Headline,Body,URL,publish_date,media_name,byline,stories_id\n"
    f'Quarry Road Closed,"{STORY.replace(chr(34), chr(34) * 2)}",https://gazette.example/news/quarry,'
    "2016-09-12 10:00:00,The Millbrook Gazette,Tom Okafor; Ana Ruiz,1\n"
    'Two Paragraphs,"First paragraph, officials said.\n\nSecond paragraph, the mayor said.",,09/13/2016,,,2\n'
    "Too Few Fields,The bridge closed.\n"
    "No Text,,,2016-09-14,,,4\n"
    "\n"
    "Last Story,The bridge reopened on Friday the mayor said.,,13 Sept. 2016,gazette.example,,5\n"
)


def test_csv_is_one_article_a_row_with_columns_found_by_name(tmp_path):
    path = write(tmp_path, "export.csv", CSV)
    warnings = []
    articles = read_file(path, warn=warnings.append)
    assert [(a.id, a.title, a.published, a.outlet) for a in articles] == [
        ("news-quarry", "Quarry Road Closed", "2016-09-12", "The Millbrook Gazette"),
        ("two-paragraphs", "Two Paragraphs", "2016-09-13", None),
        ("last-story", "Last Story", "2016-09-13", "gazette.example"),
    ]
    assert articles[0].text == STORY
    assert articles[0].byline == "By Tom Okafor and Ana Ruiz"
    assert articles[0].url == "https://gazette.example/news/quarry"
    assert articles[1].text == "First paragraph, officials said.\n\nSecond paragraph, the mayor said."
    # bad rows are named by the line they start on, after a row that spans three lines
    assert warnings == [f"{path} line 6: 2 fields, the header has 7, skipped", f'{path} line 7: no "text", skipped']


def test_csv_columns_named_on_the_command_line(tmp_path):
    folder = tmp_path / "input"
    write(folder, "wire.csv", f'Story Headline;Story Text;When\nQuarry Road Closed;"{STORY.replace(chr(34), chr(34) * 2)}";'
                             "Sept. 12, 2016\n")
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", str(db_path),
                                      "--columns", "title=Story Headline,text=story text,published=When"])
    assert result.exit_code == 0, result.output
    row = sqlite3.connect(db_path).execute("select id, title, published, text from articles").fetchone()
    assert row == ("quarry-road-closed", "Quarry Road Closed", "2016-09-12", STORY)


@pytest.mark.parametrize("columns,message", [
    ("title=Headline,body", "'body' is not FIELD=COLUMN"),
    ("headline=Headline", "unknown field 'headline': expected one of title, text, url, published, outlet, authors"),
])
def test_bad_columns_option_is_a_usage_error(tmp_path, columns, message):
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--db", str(tmp_path / "q.db"), "--columns", columns])
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize("content,columns,problem", [
    ("Headline,Story\nA,B\n", None, "line 1: no text column (looked for text, body, content; name it with "
                                    "--columns text=NAME); the header has 'Headline', 'Story'"),
    ("Headline,Story\nA,B\n", {"text": "Body"}, "line 1: no column 'Body' for text (the header has 'Headline', 'Story')"),
    ("title,text\n", None, "no articles (only a header)"),
    ("title,text\nA\nB,\n", None, "no readable articles (2 rows skipped)"),
])
def test_a_csv_file_that_gives_no_article_is_an_error_naming_why(tmp_path, content, columns, problem):
    path = write(tmp_path, "bad.csv", content)
    with pytest.raises(ArticleError) as raised:
        read_file(path, columns=columns)
    assert raised.value.reason == problem


# --- plain text front matter ------------------------------------------------------------------


def test_txt_front_matter_fills_the_fields_and_is_not_the_story(tmp_path):
    content = ("Outlet: The Millbrook Gazette\nPublished: 12 September 2016\nAuthor: Tom Okafor; Ana Ruiz\n"
               "URL: https://gazette.example/news/quarry\n\nQuarry Road Closed\n\n" + STORY + "\n")
    article = read_file(write(tmp_path, "quarry.txt", content))[0]
    assert (article.outlet, article.published, article.byline, article.url, article.title) == (
        "The Millbrook Gazette", "2016-09-12", "By Tom Okafor and Ana Ruiz", "https://gazette.example/news/quarry",
        "Quarry Road Closed")
    assert article.text == STORY


def test_front_matter_right_above_the_headline_and_only_its_own_keys(tmp_path):
    content = "source: Wire Service\ndate: 2016-09-12\nQuarry Road Closed\n\nWashington: " + STORY + "\n"
    article = read_file(write(tmp_path, "quarry.txt", content))[0]
    assert (article.outlet, article.published, article.title) == ("Wire Service", "2016-09-12", "Quarry Road Closed")
    assert article.text == "Washington: " + STORY  # not a front matter key: the story


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value,date", [
    ("2016-09-12", "2016-09-12"),
    ("2016-09-12T23:30:00-05:00", "2016-09-12"),  # the date as written, never moved to another zone
    ("2016-09-12 10:00:00", "2016-09-12"),
    ("20160912", "2016-09-12"),
    ("2016/9/12", "2016-09-12"),
    ("September 12, 2016", "2016-09-12"),
    ("Sept. 12, 2016", "2016-09-12"),
    ("Monday, Sep 12th, 2016 at 10:00 a.m. EDT", "2016-09-12"),
    ("Mon, 12 Sep 2016 14:00:00 GMT", "2016-09-12"),
    ("12 September 2016", "2016-09-12"),
    ("13/09/2016", "2016-09-13"),  # day first: 13 is no month
    ("09/13/2016", "2016-09-13"),  # month first: 13 is no month
    ("September 2016", "2016-09"),
    ("2016", "2016"),
    ("2016-09", "2016-09"),
    ("", None),
])
def test_published_is_an_iso_8601_date(value, date):
    assert iso_date(value) == (date, None)


@pytest.mark.parametrize("value,problem", [
    ("04/03/2016", "day and month could be either way round"),
    ("2016-02-30", "not a calendar date"),
    ("last Tuesday", "not a date in a form quotecat reads"),
    ("1473638400", "not a date in a form quotecat reads"),  # a Unix time: no unit says so
    ("12/09/16", "not a date in a form quotecat reads"),  # two-digit years are not read
])
def test_a_date_that_cannot_be_read_for_certain_is_left_out(value, problem):
    assert iso_date(value) == (None, problem)


def test_an_unreadable_date_is_left_out_with_a_warning(tmp_path):
    path = write(tmp_path, "a.jsonl", json.dumps({"text": STORY, "published": "04/03/2016"}) + "\n")
    warnings = []
    assert read_file(path, warn=warnings.append)[0].published is None
    assert warnings == [f"{path} line 1: published '04/03/2016' left out (day and month could be either way round)"]


@pytest.mark.parametrize("path,date", [
    ("archive/2016/09/12/quarry.txt", "2016-09-12"),
    ("archive/breitbart_2016-09-12_quarry-road.txt", "2016-09-12"),
    ("archive/2016_09_12-quarry.txt", "2016-09-12"),
    ("archive/gazette-20160912.html", "2016-09-12"),
    ("2015-01-01-export/2016-09-12/quarry.txt", "2016-09-12"),  # the date nearest the file name
    ("archive/story-12345678.txt", None),  # 1234-56-78 is no date
    ("archive/id-201609123.txt", None),  # nine digits: a number, not a date
    ("archive/2016-13-12.txt", None),
    ("archive/quarry.txt", None),
])
def test_a_date_in_the_path_or_file_name(path, date):
    assert date_in_path(path) == date


def test_the_path_date_stands_in_only_when_the_article_gives_none(tmp_path):
    dated = write(tmp_path, "2016/09/12/quarry.txt", "Quarry Road Closed\n\n" + STORY)
    assert read_file(dated)[0].published == "2016-09-12"
    own = write(tmp_path, "2016/09/12/own.txt", "Quarry Road Closed\n\nBy Tom Okafor\nSeptember 14, 2016\n\n" + STORY)
    assert read_file(own)[0].published == "2016-09-14"


# --- outlets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value,url,outlet", [
    ("  The   Millbrook Gazette | ", None, "The Millbrook Gazette"),
    ("https://www.NYTimes.com/2016/09/12/us/politics.html", None, "nytimes.com"),
    ("www.theguardian.com", None, "theguardian.com"),
    ("@nytimes", "https://www.nytimes.com/a", "nytimes.com"),  # a handle is not a name: the url's host stands in
    (None, "https://www2.gazette.example/news/a", "gazette.example"),
    (None, None, None),
    # never guessed or merged: three names stay three outlets
    ("The New York Times", "https://www.nytimes.com/a", "The New York Times"),
    ("NYT", None, "NYT"),
    ("THE NEW YORK TIMES", None, "THE NEW YORK TIMES"),
])
def test_outlet_is_tidied_never_guessed(value, url, outlet):
    assert outlet_name(value, url) == outlet


# --- which formats carry which fields (the README's table) ----------------------------------

HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quarry Road Closed</title>
<meta name="author" content="Tom Okafor"><meta property="og:site_name" content="Millbrook Gazette">
<meta property="article:published_time" content="2016-09-12T10:00:00Z">
<link rel="canonical" href="https://gazette.example/news/quarry"></head>
<body><article><h1>Quarry Road Closed</h1><p>{STORY}</p></article></body></html>"""

ALL_FIELDS = {"title", "byline", "outlet", "published", "url"}
FORMATS = {
    "a.txt": ("The Millbrook Gazette\nQuarry Road Closed\nBy Tom Okafor\nSeptember 12, 2016\n\n" + STORY,
              ALL_FIELDS - {"url"}),
    "b.txt": ("Outlet: The Millbrook Gazette\nDate: 2016-09-12\nAuthor: Tom Okafor\nURL: https://gazette.example/b\n"
              "Title: Quarry Road Closed\n\n" + STORY, ALL_FIELDS),
    "c.html": (HTML, ALL_FIELDS),
    "d.json": (json.dumps({"title": "Quarry Road Closed", "text": STORY, "authors": ["Tom Okafor"],
                           "outlet": "Millbrook Gazette", "published": "2016-09-12",
                           "url": "https://gazette.example/d"}), ALL_FIELDS),
    "e.csv": ("title,text,authors,outlet,published,url\nQuarry Road Closed,\"" + STORY.replace('"', '""')
              + '",Tom Okafor,Millbrook Gazette,2016-09-12,https://gazette.example/e\n', ALL_FIELDS),
    "2016-09-12/f.txt": ("Quarry Road Closed\n\n" + STORY, {"title", "published"}),
}


@pytest.mark.parametrize("name", FORMATS)
def test_which_fields_each_format_carries(tmp_path, name):
    content, fields = FORMATS[name]
    article = read_file(write(tmp_path, name, content))[0]
    values = {field: getattr(article, field) for field in ALL_FIELDS}
    assert {field for field, value in values.items() if value} == fields, values
    assert article.published in (None, "2016-09-12")
    assert article.title == "Quarry Road Closed"
