"""Attributions to rows: what one article adds to quotes.db, with the ids of its sources and organisations.

A pure function of the article (``article_result``), so any process can compute it;
the build writes the rows. A claim with three sources is three quotes rows; each
source and organisation gets a stable id (``quotecat.ids``), and the speakers and
organisations rows of the catalogue are folded from every article's own view of them:
the first article's values, gaps filled by later ones (``fill_gaps``).
"""

import hashlib
import json
from collections.abc import Iterable

from .extract import extract
from .ids import name_id
from .model import Article, ArticleResult, Attribution


def content_hash(text: str) -> str:
    """What ``--update`` compares: the article text, which is all the extractor reads."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fill_gaps(first, later, keys: Iterable) -> None:
    """First mention wins; a later one only fills what it left blank (``None``), key by key."""
    for key in keys:
        if first[key] is None and later[key] is not None:
            first[key] = later[key]


def article_result(article: Article, source_file: str, attributions: list[Attribution] | None = None) -> ArticleResult:
    """Extract (unless ``attributions`` are given) and turn one article into rows. A pure function."""
    if attributions is None:
        try:
            attributions = extract(article.text)
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
            # A bug, but the user's batch goes on: the article is skipped and named.
            reason = f"extractor failed on article {article.id!r} ({type(error).__name__}: {error})"
            return ArticleResult(article_row(article, source_file), [], [], [], failed=reason)
    warnings: list[str] = []
    catalogue = Catalogue()
    quotes = catalogue.quote_rows(article, attributions, warnings.append)
    return ArticleResult(
        article=article_row(article, source_file),
        quotes=quotes,
        speakers=[{"source_article": article.id, **row} for row in catalogue.speakers.values()],
        organizations=[{"source_article": article.id, **row} for row in catalogue.organizations.values()],
        warnings=warnings,
    )


def article_row(article: Article, source_file: str) -> dict:
    """The articles row of ``article``, read from ``source_file`` (content_hash is added by the build)."""
    return {
        "id": article.id,
        "title": article.title,
        "byline": article.byline,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        # Relative to the folder given to the build: no local paths in published data.
        "source_file": source_file,
        "text": article.text,
        "word_count": article.word_count,
        "trimmed_chars": article.trimmed_chars,
    }



class Catalogue:
    """Speakers and organisations met so far, so each becomes one row with a stable id."""

    def __init__(self):
        self.speakers: dict[str, dict] = {}
        self.organizations: dict[str, dict] = {}

    def organization_id(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        org_id = name_id(name)
        self.organizations.setdefault(org_id, {"id": org_id, "name": name.strip()})
        return org_id

    def speaker_id(self, a: Attribution, article_id: str) -> str | None:
        if not a.speaker or not a.speaker.strip():
            return None
        name = (a.name or a.speaker).strip()
        # A named source is the same person in every article; "a Western diplomat"
        # in two articles is two people, so unnamed sources are per article.
        speaker_id = f"{article_id}:{name_id(a.speaker)}" if a.anonymous else name_id(name)
        row = {
            "id": speaker_id,
            "name": name,
            "kind": a.kind,
            "title": a.title,
            "role": a.role,
            "affiliation_id": self.organization_id(a.affiliation),
            "anonymous": int(a.anonymous),
            "pronoun": a.pronoun,
            "description": a.description,
            "article_id": article_id if a.anonymous else None,
            "source_type": a.source_type,
            "role_class": a.role_class,
        }
        known = self.speakers.get(speaker_id)
        if known is None:
            self.speakers[speaker_id] = row
        else:
            fill_gaps(known, row, row)
        return speaker_id

    def quote_rows(self, article: Article, attributions: list[Attribution], warn) -> list[dict]:
        """One row per (span, source): a claim with three sources is three rows, so each speaker's facet finds it."""
        rows = []
        seen: set[tuple[int, int, str | None]] = set()
        per_span: dict[tuple[int, int], int] = {}
        for a in attributions:
            if not 0 <= a.start <= a.end <= len(article.text):
                warn(f"{article.id}: attribution at {a.start}-{a.end} is outside the article text; left out")
                continue
            speaker_id = self.speaker_id(a, article.id)
            key = (a.start, a.end, speaker_id)
            if key in seen:
                continue
            seen.add(key)
            n = per_span[a.start, a.end] = per_span.get((a.start, a.end), 0) + 1
            rows.append({
                # Zero-padded offsets: sorting by id reads each article in order.
                "id": f"{article.id}:{a.start:06d}-{a.end:06d}:{n}",
                "article_id": article.id,
                "speaker_id": speaker_id,
                "affiliation_id": self.organization_id(a.affiliation),
                # The slice itself, so quotes.text == articles.text[start:end] always holds.
                "text": article.text[a.start:a.end],
                "type": a.type,
                "cue": a.cue,
                "speaker_mention": a.speaker_mention,
                "medium": a.medium,
                "paragraph": a.paragraph,
                "start": a.start,
                "end": a.end,
                "anonymous": int(a.anonymous),
                "fragments": json.dumps(a.fragments) if len(a.fragments) > 1 else None,
                "source_type": a.source_type,
                "role_class": a.role_class,
                "confidence": a.confidence,
            })
        return rows
