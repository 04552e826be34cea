"""The extractor: article text in, attributions out. A pure function, no I/O."""

from .model import Attribution


def extract(text: str) -> list[Attribution]:
    """Every quotation and attributed claim in ``text``, in reading order."""
    return []
