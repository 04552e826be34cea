"""Training-time tools: mine ../shared/polnear-train and write the extractor's cue model.

Not part of the installed package: nothing under quotecat/ imports this.
Run from the repository root, e.g. ``python -m training.cues``.
"""
