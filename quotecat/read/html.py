"""Web pages: the story found by trafilatura (offline: nothing is fetched), page furniture dropped."""

from ..ids import file_id
from ..model import Article
from .files import ArticleError, Warn, logical_path
from .furniture import clean_text
from .metadata import byline_of, is_byline, tidy_metadata
from .paragraphs import one_line, tidy_lines
from .records import web_url


def read_html(path, html: str, warn: Warn) -> Article:
    """The story of a web page, with the title, author, site name, date and url trafilatura finds in its metadata."""
    import trafilatura

    options = dict(include_comments=False, include_tables=False, favor_precision=True, with_metadata=True)
    try:
        document = trafilatura.bare_extraction(html, **options)
    except Exception as error:  # a malformed page must not stop a batch
        raise ArticleError(path, f"could not parse HTML ({type(error).__name__}: {error})")
    if document is None or not (document.text or "").strip():
        raise ArticleError(path, "no article text found in the HTML")
    title = one_line(document.title)
    byline = byline_of(document.author)
    # trafilatura puts one paragraph on each line
    paragraphs = [[line] for line in tidy_lines(document.text) if line]
    if paragraphs and title and paragraphs[0][0] == title:
        paragraphs = paragraphs[1:]
    if paragraphs and is_byline(paragraphs[0][0]):
        byline = byline or paragraphs[0][0]
        paragraphs = paragraphs[1:]
    text, trimmed = clean_text(path, paragraphs)
    article = Article(
        id=file_id(logical_path(path)),
        title=title,
        text=text,
        byline=byline,
        outlet=one_line(document.sitename),
        published=one_line(document.date),
        url=web_url(document.url),
        source_file=str(path),
        trimmed_chars=trimmed,
    )
    return tidy_metadata(article, path, warn, str(path))
