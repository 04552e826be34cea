"""Reading article files: headers, cleaned text, furniture, formats, errors and ids.

Apart from the project's first article (articles/islamic-state-deir-ezzour.txt),
every article here is written for the test.
"""

import json
from pathlib import Path

import pytest

from quotecat.ids import slugify
from quotecat.read import ArticleError, find_files, iter_articles, read_file

ROOT = Path(__file__).resolve().parent.parent
FIRST_ARTICLE = ROOT / "articles" / "islamic-state-deir-ezzour.txt"

STORY = [
    "The Millbrook town council voted on Tuesday to close the old quarry road to heavy trucks, "
    "after months of complaints from residents about noise, dust and cracked driveways.",
    '"We have listened to the people who live here," said Councillor Ruth Adeyemi, who proposed the ban. '
    '"They have waited long enough for this."',
    "Haulage firms said the detour would add forty minutes to every trip and warned that prices for "
    "gravel and sand across the county could rise as a result of the decision.",
]


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path, **kwargs):
    articles = read_file(path, **kwargs)
    assert len(articles) == 1
    return articles[0]


# --- plain text: header and body --------------------------------------------------------


def test_outlet_title_and_byline_come_off_the_top():
    article = read_one(FIRST_ARTICLE)
    assert article.id == "islamic-state-deir-ezzour"
    assert article.outlet == "Syndicated News"
    assert article.title == "Islamic State Girds to Defend Remote Syria Outpost"
    assert article.byline == "By Maria Abi-Habib and Nour Alakraa"
    assert article.source_file == str(FIRST_ARTICLE)
    assert article.text.startswith("As U.S.-backed forces pursue high-profile offensives")


def test_site_furniture_trimmed_from_first_article():
    text = read_one(FIRST_ARTICLE).text
    assert text.endswith('for leverage in Syria."')
    for furniture in ("Type your comment", "register to post", "Bookmark and Share", "required field",
                      "User ID", "login credentials"):
        assert furniture not in text


def test_first_article_text_is_the_file_body_verbatim():
    raw = FIRST_ARTICLE.read_text(encoding="utf-8")
    text = read_one(FIRST_ARTICLE).text
    assert text in raw  # nothing rewritten: offsets into the text find the same words as the file
    assert "--we proved that we can come back" in text


def test_headline_alone_then_blank_line(tmp_path):
    path = write(tmp_path, "quarry.txt", "Council Closes Quarry Road to Trucks\n\n" + "\n\n".join(STORY) + "\n")
    article = read_one(path)
    assert article.title == "Council Closes Quarry Road to Trucks"
    assert article.outlet is None and article.byline is None
    assert article.text == "\n\n".join(STORY)


def test_byline_in_its_own_block_under_the_headline(tmp_path):
    content = "Council Closes Quarry Road\n\nBy Tom Okafor\nMarch 4, 2024\n\n" + "\n\n".join(STORY)
    article = read_one(write(tmp_path, "quarry.txt", content))
    assert (article.title, article.byline, article.published) == ("Council Closes Quarry Road", "By Tom Okafor",
                                                                   "2024-03-04")
    assert article.text.startswith("The Millbrook town council")


def test_body_only_when_the_first_block_is_a_paragraph(tmp_path):
    path = write(tmp_path, "untitled.txt", "\n\n".join(STORY))
    article = read_one(path)
    assert article.title is None
    assert article.text == "\n\n".join(STORY)


def test_by_at_the_start_of_a_sentence_is_not_a_byline(tmp_path):
    content = "Quarry Road Closed\n\nBy the end of the meeting, " + STORY[0] + "\n\n" + STORY[1]
    article = read_one(write(tmp_path, "quarry.txt", content))
    assert article.byline is None
    assert article.text.startswith("By the end of the meeting")


def test_paragraphs_separated_by_exactly_one_blank_line(tmp_path):
    content = "Quarry Road Closed\r\n\r\n\r\n" + STORY[0] + "   \r\n \t \r\n\r\n\r\n" + STORY[1] + "\r\n\n\n" + STORY[2]
    text = read_one(write(tmp_path, "quarry.txt", content)).text
    assert text.split("\n\n") == STORY
    assert "\n\n\n" not in text and "\r" not in text


def test_quotation_marks_and_dashes_left_exactly_as_written(tmp_path):
    lines = [
        "“We won’t move,” said Ana Ruiz -- a resident for 30 years — and her neighbour agreed.",
        "``It is the end of an era,'' the mayor said, calling the vote ‘historic’ – twice.",
        "\"Straight quotes,\" he said, 'and single ones' stay too.",
    ]
    text = read_one(write(tmp_path, "marks.txt", "Marks Kept\n\n" + "\n\n".join(lines))).text
    assert text == "\n\n".join(lines)


# --- site furniture ---------------------------------------------------------------------


def test_isolated_furniture_dropped_and_tail_trimmed(tmp_path):
    content = "\n\n".join([
        "Quarry Road Closed",
        STORY[0],
        "Advertisement",
        STORY[1],
        "Share this article",
        STORY[2],
        "Related:",
        "Council approves new budget",
        "Floods hit the county again",
        "Sign up for our newsletter",
        "Copyright 2024 Millbrook Gazette. All rights reserved.",
    ])
    text = read_one(write(tmp_path, "quarry.txt", content)).text
    assert text == "\n\n".join(STORY)


def test_story_sentences_about_cookies_or_comments_are_kept(tmp_path):
    story = [
        STORY[0],
        "The bakery said it would stop selling cookies at the market stall, and the owner declined to comment.",
        "Subscribers to the local paper wrote in to complain.",
    ]
    text = read_one(write(tmp_path, "bakery.txt", "Bakery Story\n\n" + "\n\n".join(story))).text
    assert text == "\n\n".join(story)


def test_furniture_before_more_story_is_dropped_without_cutting_the_story(tmp_path):
    content = "\n\n".join(["Quarry Road Closed", STORY[0], "Click here to subscribe", STORY[1], STORY[2]])
    text = read_one(write(tmp_path, "quarry.txt", content)).text
    assert text == "\n\n".join(STORY)


def test_furniture_word_limits_and_space_tidying_are_exact():
    """Each rule stops at its own word limit (ads 4, furniture 15, cookies 60), and spacing is tidied line by line."""
    from quotecat.read.furniture import furniture
    from quotecat.read.paragraphs import tidy_lines

    filler = ["word"] * 60
    assert furniture("Share") == "ad"
    assert furniture("Email:") == "site"  # a site rule comes before the ad rule that also matches
    assert furniture("Advertisement " + " ".join(filler[:3])) is None
    assert furniture("Read more: " + " ".join(filler[:13])) == "list"  # 15 words: a link list's heading
    assert furniture("Read more: " + " ".join(filler[:14])) is None  # 16 words
    assert furniture("We use cookies " + " ".join(filler[:57])) == "site"  # 60 words
    assert furniture("We use cookies " + " ".join(filler[:58])) is None  # 61 words
    assert furniture("• * We use cookies " + " ".join(filler)) is None  # bullets are not words, but 63 words are many
    assert furniture(" ".join(filler * 5)) is None
    assert tidy_lines("a  b\tc\u00a0d \u2003 e\u2028f\r\ng\x0bh\x0ci\u200bj\ufeffk\x01l\r m ") == [
        "a b c d e", "f", "g", "h", "ijkl", "m"]


SHORT_QUOTES = [
    '"We will appeal," said Tom Okafor.',
    '"It is a sad day," said Ana Ruiz.',
    "The mayor said the road would reopen in May.",
    '"Nobody asked us," a resident said.',
    '"The trucks must go somewhere," said Lee Chan.',
]


@pytest.mark.parametrize("furniture_line", [
    "Copyright 2024 Millbrook Gazette",
    "Get the latest updates from the council",
    "Sign up for our newsletter",
    "Advertisement",
])
def test_a_furniture_line_never_cuts_the_short_paragraphs_after_it(tmp_path, furniture_line):
    """Once a copyright line started a "tail" that dropped every later paragraph of 15 words or fewer."""
    from quotecat.extract import extract

    content = "\n\n".join(["Quarry Road Closed", STORY[0], furniture_line, *SHORT_QUOTES])
    article = read_one(write(tmp_path, "quarry.txt", content))
    assert article.text == "\n\n".join([STORY[0], *SHORT_QUOTES])
    assert article.trimmed_chars == len(furniture_line)
    assert len(extract(article.text)) == 5


@pytest.mark.parametrize("line,kind", [
    ("Copyright 2016 Dow Jones & Company, Inc. All Rights Reserved.", "site"),
    ("Get breaking news updates", "site"),
    ("Related:", "list"),
    ("Read more »", "list"),
    ("Tags: council, quarry, trucks", "list"),
    ("Share", "ad"),
    # the story's own words, short as they are: a quotation mark or a reporting verb makes them a sentence
    ('"Copyright law is outdated," she said.', None),
    ("Copyright holders will lose, he said.", None),
    ("“Get updates from the council,” the mayor told residents.", None),
    ("Related charges were dropped on Monday.", None),
])
def test_what_is_furniture_by_itself(line, kind):
    from quotecat.read.furniture import furniture

    assert furniture(line) == kind


def test_a_link_list_goes_with_its_heading_up_to_the_first_sentence(tmp_path):
    content = "\n\n".join(["Quarry Road Closed", STORY[0], "Related:", "Council approves new budget",
                            "Floods hit the county again", STORY[1], "Read more:", "Is the quarry safe?",
                            '"No," said the inspector.'])
    article = read_one(write(tmp_path, "quarry.txt", content))
    assert article.text == "\n\n".join([STORY[0], STORY[1], '"No," said the inspector.'])
    trimmed = ["Related:", "Council approves new budget", "Floods hit the county again", "Read more:",
               "Is the quarry safe?"]
    assert article.trimmed_chars == sum(map(len, trimmed))


def test_the_characters_trimmed_are_stored_with_the_article(db):
    furniture_lines = ["Type your comment and click", "or register to post a comment.", "Bookmark and Share",
                       "* required field", "User ID*", "enter user ID or e-mail to recover login credentials"]
    assert read_one(FIRST_ARTICLE).trimmed_chars == sum(map(len, furniture_lines))
    (stored,) = db.execute("select trimmed_chars from articles where id = 'islamic-state-deir-ezzour'").fetchone()
    assert stored == sum(map(len, furniture_lines))


def test_nothing_left_after_cleaning_is_an_error(tmp_path):
    path = write(tmp_path, "furniture.txt", "Share this article\n\nSign up for our newsletter\n\nAll rights reserved.\n")
    with pytest.raises(ArticleError, match="no article text"):
        read_file(path)


# --- HTML -------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Council Closes Quarry Road to Trucks | Millbrook Gazette</title>
<meta name="author" content="Tom Okafor; Ana Ruiz">
<meta property="og:site_name" content="Millbrook Gazette">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://gazette.example/news/2024/council-closes-quarry-road">
<script>var tracker = "script furniture";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport pages</a></li></ul></nav>
<header><p>Sign up for our newsletter</p></header>
<article>
<h1>Council Closes Quarry Road to Trucks</h1>
<p>{0}</p>
<p>{1}</p>
<p>Advertisement</p>
<p>{2}</p>
</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Budget approved</a></li><li><a href="/b">Floods return</a></li></ul></aside>
<footer><p>Copyright 2024 Millbrook Gazette. All rights reserved.</p><p>We use cookies to improve your experience.</p></footer>
</body></html>
""".format(*STORY)


def test_html_keeps_only_the_story(tmp_path):
    article = read_one(write(tmp_path, "quarry.html", HTML))
    assert article.text == "\n\n".join(STORY)
    for furniture in ("Home", "Sport pages", "script furniture", "newsletter", "Related", "Copyright", "cookies"):
        assert furniture not in article.text
    assert article.id == "quarry"
    assert article.title == "Council Closes Quarry Road to Trucks"
    assert article.byline == "By Tom Okafor and Ana Ruiz"
    assert article.outlet == "Millbrook Gazette"
    assert article.published == "2024-03-05"
    assert article.url == "https://gazette.example/news/2024/council-closes-quarry-road"


# --- JSON and JSON lines ----------------------------------------------------------------


def test_json_object_is_one_article_named_after_the_file(tmp_path):
    record = {"title": "Quarry Road Closed", "text": "\n\n".join(STORY), "authors": ["Tom Okafor", "Ana Ruiz"],
              "published": "2024-03-05", "url": "https://gazette.example/quarry", "outlet": "Millbrook Gazette"}
    article = read_one(write(tmp_path, "Quarry Story.json", json.dumps(record)))
    assert article.id == "quarry-story"
    assert (article.title, article.byline, article.published, article.outlet) == (
        "Quarry Road Closed", "By Tom Okafor and Ana Ruiz", "2024-03-05", "Millbrook Gazette")
    assert article.text == "\n\n".join(STORY)


def test_json_text_with_single_newlines_splits_paragraphs(tmp_path):
    record = {"title": "Quarry Road Closed", "text": "\n".join(STORY) + "\nAll rights reserved.", "authors": "Tom Okafor"}
    article = read_one(write(tmp_path, "quarry.json", json.dumps(record)))
    assert article.text == "\n\n".join(STORY)
    assert article.byline == "By Tom Okafor"


def test_json_list_holds_several_articles(tmp_path):
    records = [
        {"title": "Quarry Road Closed", "text": STORY[0], "url": "https://gazette.example/news/quarry-road-closed.html"},
        {"title": "Truckers Count the Cost", "text": STORY[2]},
    ]
    articles = read_file(write(tmp_path, "archive.json", json.dumps(records)))
    assert [a.id for a in articles] == ["news-quarry-road-closed", "truckers-count-the-cost"]
    assert [a.text for a in articles] == [STORY[0], STORY[2]]


def test_jsonl_broken_middle_line_is_skipped_with_a_warning(tmp_path):
    lines = [
        json.dumps({"title": "Quarry Road Closed", "text": STORY[0]}),
        '{"title": "Broken", "text": ',
        json.dumps({"title": "Truckers Count the Cost", "text": STORY[2]}),
    ]
    path = write(tmp_path, "archive.jsonl", "\n".join(lines) + "\n")
    warnings = []
    articles = read_file(path, warn=warnings.append)
    assert [a.title for a in articles] == ["Quarry Road Closed", "Truckers Count the Cost"]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path} line 2: not valid JSON")


def test_jsonl_ids_are_unique_and_stable(tmp_path):
    lines = [
        {"title": "Quarry Road Closed", "text": STORY[0]},
        {"title": "Quarry Road Closed", "text": STORY[1]},
        {"text": STORY[2]},
    ]
    path = write(tmp_path, "archive.ndjson", "".join(json.dumps(line) + "\n" for line in lines))
    ids = [a.id for a in read_file(path)]
    assert ids == ["quarry-road-closed", "quarry-road-closed-2", "archive-3"]
    assert [a.id for a in read_file(path)] == ids


def test_ids_are_stable_across_reads():
    assert read_one(FIRST_ARTICLE).id == read_one(FIRST_ARTICLE).id == "islamic-state-deir-ezzour"


# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("name,content,problem", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n\t \n", "empty file"),
    ("blank.jsonl", b"\n\n", "empty file"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("notes.md", b"# Some notes\n\nNot an article format.", "unsupported file type"),
    ("x.bin", b"\x00\x01\x02\x03" * 100, "binary file"),
    ("no-text.json", b'{"title": "A headline and nothing else"}', 'no "text"'),
    ("bad.json", b'{"title": ', "not valid JSON"),
])
def test_unreadable_files_raise_errors_naming_the_file(tmp_path, name, content, problem):
    path = write(tmp_path, name, content)
    with pytest.raises(ArticleError) as raised:
        read_file(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert problem in str(raised.value)
    assert str(path) not in raised.value.reason


def test_a_file_in_a_legacy_encoding_is_detected_with_a_warning(tmp_path):
    content = "Quarry Road Closed\n\n“We won’t move,” said Ana Ruiz – a résident.\n".encode("cp1252")
    path = write(tmp_path, "legacy.txt", content)
    warnings = []
    article = read_one(path, warn=warnings.append)
    assert article.text == "“We won’t move,” said Ana Ruiz – a résident."
    assert warnings == [f"{path}: not valid UTF-8, decoded as cp1252 (detected)"]


# --- decoding: one bad byte never decides how the whole file is read ---------------------

QUOTE = "“We won’t move,” said Ana Ruiz, who has lived on the quarry road for thirty years."


@pytest.mark.parametrize("data,text,warning", [
    # one stray Latin-1 byte at the end of a UTF-8 file: the curly quotes stay curly
    (QUOTE.encode() + b"\xe9", QUOTE + "\ufffd", "at byte 88 (replaced with U+FFFD)"),
    # a cut-off UTF-8 sequence in the middle
    (QUOTE.encode() + b" \xe2\x80 " + QUOTE.encode(), QUOTE + " \ufffd " + QUOTE, "at byte 89 (replaced with U+FFFD)"),
    # a lone cp1252 byte inside UTF-8 text is the cp1252 character it most likely is
    (QUOTE.encode() + " Caf\xe9 Nord".encode("latin-1"), QUOTE + " Café Nord", "at byte 92 (read as cp1252)"),
    # ASCII with legacy bytes (too few for a detector): those bytes alone
    (b"The caf\xe9 closed, the owner said, \x93for good\x94.", "The café closed, the owner said, “for good”.",
     "at bytes 7, 33, 42 (read as cp1252)"),
    # a UTF-8 BOM and a bad byte: offsets count from the start of the file
    (b"\xef\xbb\xbf" + QUOTE.encode() + b"\x81x", QUOTE + "\ufffdx", "at byte 91 (replaced with U+FFFD)"),
])
def test_utf8_with_bad_bytes_is_read_as_utf8_with_only_those_bytes_replaced(data, text, warning):
    from quotecat.read.charsets import decode

    warnings = []
    assert decode(data, warnings.append) == text
    assert warnings == [f"not valid UTF-8 {warning}; the rest read as UTF-8"]


@pytest.mark.parametrize("text,encoding", [
    ("Le café est fermé, a déclaré le maire. « C’est fini », a-t-il ajouté. Les élèves sont déçus.", "cp1252"),
    ("Rada miasta zagłosowała we wtorek za zamknięciem mostu. „Potrzebujemy więcej czasu” – powiedział burmistrz.",
     "cp1250"),
    ("Городской совет проголосовал во вторник за закрытие моста. «Нам нужно больше времени», — сказал мэр.", "cp1251"),
    ("Городской совет проголосовал во вторник за закрытие моста, сообщили официальные лица.", "koi8-r"),
    ("Το δημοτικό συμβούλιο ψήφισε την Τρίτη το κλείσιμο της γέφυρας, δήλωσαν αξιωματούχοι.", "cp1253"),
    ("市議会は火曜日、橋の閉鎖を決定したと当局者が発表した。「もっと時間が必要だ」と市長は述べた。", "shift_jis"),
])
def test_a_file_that_is_not_mostly_utf8_goes_to_the_detector(text, encoding):
    from quotecat.read.charsets import decode

    warnings = []
    assert decode(text.encode(encoding), warnings.append) == text
    assert len(warnings) == 1 and "(detected)" in warnings[0]


def test_clean_utf8_and_utf16_with_a_bom_give_no_warning():
    from quotecat.read.charsets import decode

    warnings = []
    assert decode(QUOTE.encode(), warnings.append) == QUOTE
    assert decode(QUOTE.encode("utf-16"), warnings.append) == QUOTE
    assert decode(b"\xef\xbb\xbf" + QUOTE.encode(), warnings.append) == QUOTE
    assert warnings == []


def test_one_stray_byte_keeps_every_quote_of_an_article(tmp_path):
    """What the stray-byte measurement checks on 82 real articles, on an article written here."""
    from quotecat.extract import extract

    content = "Quarry Road Closed\n\n" + "\n\n".join(STORY) + "\n\n“" + QUOTE[1:] + "\n"
    clean = read_one(write(tmp_path, "clean.txt", content)).text
    stray = read_one(write(tmp_path, "stray.txt", content.encode() + b"\xe9")).text
    assert stray == clean + "\n\ufffd"
    assert [(a.type, a.text) for a in extract(stray)] == [(a.type, a.text) for a in extract(clean)]


CYRILLIC = "Мэр сказал, что мост закроют на ремонт. «Нам нужно больше времени», — сказал он журналистам."
JAPANESE = "市長は橋を修理のために閉鎖すると述べた。「もっと時間が必要だ」と市長は記者団に語った。"


@pytest.mark.parametrize("encoding,text,declaration", [
    ("windows-1251", CYRILLIC, '<meta charset="windows-1251">'),
    ("shift_jis", JAPANESE, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'),
    ("iso-8859-1", "Le maire a déclaré que le pont serait fermé pendant un an pour des réparations urgentes.",
     "<meta charset='iso-8859-1'>"),
])
def test_html_honours_its_declared_charset(tmp_path, encoding, text, declaration):
    page = (f"<!DOCTYPE html><html><head>{declaration}<title>Bridge</title></head><body><article>"
            f"<p>{text} {text}</p></article></body></html>")
    warnings = []
    article = read_one(write(tmp_path, "page.html", page.encode(encoding)), warn=warnings.append)
    assert article.text == f"{text} {text}"
    assert warnings == []


def test_a_txt_file_holding_a_web_page_is_read_as_html(tmp_path):
    page = HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1251">').replace(STORY[2], CYRILLIC)
    warnings = []
    article = read_one(write(tmp_path, "saved-page.txt", page.encode("windows-1251")), warn=warnings.append)
    assert article.text == "\n\n".join([STORY[0], STORY[1], CYRILLIC])
    assert article.title == "Council Closes Quarry Road to Trucks" and article.outlet == "Millbrook Gazette"
    assert article.id == "saved-page"
    assert any("read as HTML" in w for w in warnings)


def test_utf8_bom_is_not_part_of_the_headline(tmp_path):
    path = write(tmp_path, "bom.txt", "\ufeffQuarry Road Closed\n\n" + STORY[0])
    assert read_one(path).title == "Quarry Road Closed"


# --- finding files and reading batches --------------------------------------------------


def test_find_files_walks_folders_in_a_stable_order(tmp_path):
    for name in ["b.txt", "a.html", "sub/c.jsonl", "sub/d.NDJSON", "notes.md", ".hidden.txt", ".git/e.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = find_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.html", "b.txt", "sub/c.jsonl", "sub/d.NDJSON"]
    assert find_files([tmp_path / "notes.md"]) == [tmp_path / "notes.md"]  # named files are kept, to be refused loudly


def test_iter_articles_reports_bad_files_and_goes_on(tmp_path):
    write(tmp_path, "a-empty.txt", "")
    write(tmp_path, "b-quarry.txt", "Quarry Road Closed\n\n" + STORY[0])
    errors = []
    articles = list(iter_articles([tmp_path], on_error=errors.append))
    assert [a.id for a in articles] == ["b-quarry"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'a-empty.txt'}: empty file"]
    with pytest.raises(ArticleError):
        list(iter_articles([tmp_path]))


@pytest.mark.parametrize("text,slug", [
    ("Islamic State Girds to Defend Remote Syria Outpost", "islamic-state-girds-to-defend-remote-syria-outpost"),
    ("Café Owner’s “Last Stand”", "cafe-owners-last-stand"),
    ("  --  ", ""),
    ("word " * 40, ("word-" * 16)[:-1]),
])
def test_slugify(text, slug):
    assert slugify(text) == slug
