"""quotecat: a catalogue of who is quoted in the news, and for whom they speak."""

from . import compiled

# Before any module of the extractor is imported: load the mypyc build of it when that build
# is current (see quotecat/compiled.py); quotecat.compiled.status() says which runs and why.
COMPILED = compiled.activate(__path__)
try:
    from .extract import extract
except ImportError as _error:
    if not COMPILED:
        raise
    # The build matched the sources but does not load here: fall back to the sources, loudly.
    import warnings

    compiled.deactivate(__path__, _error)
    COMPILED = False
    warnings.warn(compiled.status(), RuntimeWarning, stacklevel=2)
    from .extract import extract
from .model import Article, Attribution

# ``quotecat.extract`` is the function (as the README writes it); its stages are the modules of the
# ``quotecat/extract`` package: ``from quotecat.extract import cues, sources, resolve``.

__all__ = ["extract", "Article", "Attribution", "COMPILED"]
__version__ = "0.1.0"
