"""The synthetic corpus (benchmarks/corpus.py): seeded, and sharing no name with the first article."""

import re
from pathlib import Path

from benchmarks import corpus

ARTICLES = Path(__file__).parent.parent / "articles"


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another():
    assert list(corpus.articles(5, seed=3)) == list(corpus.articles(5, seed=3))
    assert list(corpus.articles(5, seed=3)) != list(corpus.articles(5, seed=4))


def test_generated_articles_share_no_name_with_the_articles_folder():
    """A benchmark or scale test must not find the first article's people in generated text."""
    capitalised = {w for path in ARTICLES.glob("*.txt") for w in re.findall(r"[A-Z][\w'’-]+", path.read_text("utf-8"))}
    names = {*corpus.FIRST, *corpus.LAST, *corpus.ORG_WORDS, *corpus.PLACES}
    assert names & capitalised == set()
    generated = " ".join(record["text"] for record in corpus.articles(200, seed=1))
    people = set(re.findall(r"\b(?:%s) (?:%s)\b" % ("|".join(corpus.FIRST), "|".join(corpus.LAST)), generated))
    assert len(people) > 50 and not any(person.split()[-1] in capitalised for person in people)
