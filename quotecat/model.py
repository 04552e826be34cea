"""The records that flow through quotecat: articles in, attributions out, and the rows one article adds."""

from dataclasses import asdict, dataclass, field


@dataclass
class Article:
    """One news article. ``text`` is the cleaned body that attribution offsets refer to."""

    id: str
    title: str | None
    text: str
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    source_file: str | None = None
    trimmed_chars: int = 0  # characters of site furniture the reader trimmed from the text

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass
class Attribution:
    """Words or a claim the article attributes to one source.

    ``start``/``end`` cover the attributed content (quotation marks excluded);
    when the content is interrupted by its attribution (``"A," she said. "B"``)
    ``fragments`` lists the pieces and ``start``/``end`` is the span covering them.
    """

    text: str
    start: int
    end: int
    type: str  # direct / indirect / mixed
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None  # resolved name, or the description of an unnamed source
    speaker_mention: str | None = None  # the words the article uses where it attributes
    mention_start: int | None = None
    mention_end: int | None = None
    kind: str | None = None  # person / group / organization / other, derived from source_type
    title: str | None = None
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    anonymous: bool = False  # true exactly when source_type is "unnamed individual" or "unnamed group"
    source_type: str | None = None  # person / unnamed individual / unnamed group / organization / government / document / media
    role_class: str | None = None  # official / politician / expert / business / civil society / citizen / media / unknown
    pronoun: str | None = None
    # woman / man from the article's own evidence about the person (never a first name), else None,
    # and that evidence: each word ("she", "Mrs.", "spokeswoman", "mother") with how often it is used.
    gender: str | None = None
    gender_evidence: dict[str, int] | None = None
    description: str | None = None
    medium: str | None = None
    paragraph: int = 0
    fragments: list[list[int]] = field(default_factory=list)
    pattern: str | None = None  # which rule found it (for --explain)
    resolution: str | None = None  # how the speaker was resolved (for --explain)
    confidence: float | None = None  # how likely span, speaker and affiliation are all right (extract/confidence.py)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ArticleResult:
    """Everything one article adds to the database; computed from the article alone, so any process can make it."""

    article: dict
    quotes: list[dict]
    speakers: list[dict]  # the article's own view of each source, merged within the article
    organizations: list[dict]
    warnings: list[str] = field(default_factory=list)
    failed: str | None = None  # why the extractor could not read this article, if it could not
