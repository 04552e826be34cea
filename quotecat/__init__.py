"""quotecat: a catalogue of who is quoted in the news, and for whom they speak."""

from .extract import extract
from .model import Article, Attribution

__all__ = ["extract", "Article", "Attribution"]
__version__ = "0.1.0"
