"""The extractor: article text in, attributions out. A pure function, no I/O.

One module per stage, in the order ``extract`` runs them:

- ``text``: paragraphs, quotation spans and sentences (``tokens``: a sentence as tokens);
- ``cues``: reporting cues in each sentence and the grammar of the clause around them,
  the source and the content (``subjects``: the noun phrase that speaks; ``medium``: how it was said);
- ``quotes``: quotations without a cue of their own, given to the attribution they continue
  or to the subject of their sentence;
- ``cues.second_predicates``: where a content ends before its source's second report ("A but
  praised B"), marked once every cue is kept, so the cue model weighs the contents whole;
- ``records``: each source described (``sources``) and resolved across the article
  (``resolve``), and the attributions as records;
- ``confidence``: how likely each record is right, from what the stages knew of it.

``found`` holds what the stages hand on. The words the rules read are in ``quotecat.lexicon``.
"""

from ..model import Attribution
from . import confidence
from .cues import find_cues, second_predicates
from .found import Found
from .quotes import attach_quotes, orphan_quotes
from .records import records
from .resolve import writer_of
from .text import parse


def extract(text: str, byline: str | None = None) -> list[Attribution]:
    """Every quotation and attributed claim in ``text``, in reading order.

    ``byline`` says who writes the article: "I" in an op-ed or a letter is its one author
    (and "we" an organisation that signs it); without it they stay unresolved."""
    paragraphs = parse(text)
    found: list[Found] = []
    for paragraph in paragraphs:
        found += find_cues(text, paragraph)
    found = attach_quotes(text, paragraphs, found)
    found += orphan_quotes(text, paragraphs, found)
    second_predicates(text, paragraphs, found)
    results = records(text, paragraphs, found, writer_of(byline))
    for attribution in results:
        attribution.confidence = confidence.confidence(text, attribution)
    return results
