"""Mine the cue lexicon from the tuning half: how often each word form is a cue.

For every word the extractor's tokenizer sees outside quotations, count how often it
occurs and how often it is the head of a gold cue (the first word of the cue that is
not an auxiliary or adverb: "has long said" -> "said"). The ratio is the form's
probability of being a cue in context; forms the lexicon lacks and that are cues often
enough become candidate cues, gated at run time by the learned model.
"""

from collections import Counter
from dataclasses import dataclass, field

from quotecat.extract.text import parse
from quotecat.extract.tokens import tokenize
from quotecat.lexicon.cues import CUE_WORDS
from quotecat.lexicon.function_words import ADVERBS, AUXILIARIES

from . import corpus

# Words a gold cue span may start with that are not its head.
NOT_HEADS = set(AUXILIARIES) | set(ADVERBS) | {
    "not", "n't", "also", "has", "have", "had", "then", "now", "still", "widely", "long", "strongly",
    "increasingly", "initially", "largely", "officially", "ultimately", "frequently", "actually",
    "particularly", "soon", "well", "yet", "so", "both", "all", "one", "to"}


@dataclass
class FormStats:
    occurrences: Counter = field(default_factory=Counter)
    cue_heads: Counter = field(default_factory=Counter)
    multiword: Counter = field(default_factory=Counter)  # "called on", "pointed out": head + next word
    around: Counter = field(default_factory=Counter)  # gold content starts before the cue and ends after it


def cue_heads(text: str, records: list[dict], tokens_by_start: dict[int, "object"]) -> dict[int, dict]:
    """Start offset of the head token of each gold cue -> the record."""
    heads = {}
    for record in records:
        start, end = record.get("cue_start"), record.get("cue_end")
        if start is None:
            continue
        words = [tokens_by_start[p] for p in range(start, end) if p in tokens_by_start and tokens_by_start[p].is_word()]
        for k, token in enumerate(words):
            if token.lower in NOT_HEADS or token.lower.endswith("ly") and k + 1 < len(words):
                continue  # "has long said", "eventually agreed": the head is the verb
            heads[token.start] = record
            break
    return heads


def sentence_tokens(text: str):
    for paragraph in parse(text):
        for s_start, s_end in paragraph.sentences:
            yield paragraph, tokenize(text, s_start, s_end, paragraph.quotes_between(s_start, s_end))


def mine(names: list[str]) -> FormStats:
    gold = corpus.read_gold(corpus.TRAIN)
    texts = corpus.read_articles(names)
    stats = FormStats()
    for name in names:
        text = texts[name]
        all_tokens = [t for _, tokens in sentence_tokens(text) for t in tokens]
        by_start = {t.start: t for t in all_tokens}
        heads = cue_heads(text, gold.get(name, []), by_start)
        for index, token in enumerate(all_tokens):
            if not token.is_word():
                continue
            stats.occurrences[token.lower] += 1
            record = heads.get(token.start)
            if record is not None:
                stats.cue_heads[token.lower] += 1
                if record["start"] < record["cue_start"] and record["end"] > record["cue_end"]:
                    stats.around[token.lower] += 1
                nxt = all_tokens[index + 1] if index + 1 < len(all_tokens) else None
                if nxt is not None and nxt.is_word() and nxt.end <= record["cue_end"]:
                    stats.multiword[f"{token.lower} {nxt.lower}"] += 1
    return stats


_IRREGULAR = {"made": "make", "went": "go", "known": "know", "sought": "seek", "seen": "see", "took": "take",
              "spent": "spend", "got": "get", "drew": "draw", "drawn": "draw", "came": "come", "held": "hold",
              "gave": "give", "laid": "lay", "became": "become", "stood": "stand", "spoken": "speak",
              "read": "read", "set": "set", "cast": "cast", "put": "put", "meant": "mean", "led": "lead",
              "brought": "bring", "taught": "teach", "chose": "choose", "chosen": "choose", "lost": "lose",
              "sent": "send", "won": "win", "kept": "keep", "left": "leave", "ran": "run", "felt": "feel"}


def lemma_of(form: str, known: set[str]) -> str:
    """A regular verb's lemma by its suffix, checked against the forms seen (training time only)."""
    if form in CUE_WORDS:
        return CUE_WORDS[form]
    if form in _IRREGULAR:
        return _IRREGULAR[form]
    candidates = []
    if form.endswith("ies"):
        candidates.append(form[:-3] + "y")
    if form.endswith("ied"):
        candidates.append(form[:-3] + "y")
    if form.endswith("ing"):
        stem = form[:-3]
        candidates += [stem + "e", stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if form.endswith("ed"):
        stem = form[:-2]
        candidates += [stem + "e", stem, form[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if form.endswith("es"):
        candidates += [form[:-2], form[:-1]]
    if form.endswith("s") and not form.endswith("ss"):
        candidates.append(form[:-1])
    for candidate in candidates:
        if candidate in known and candidate != form:
            return candidate
    return candidates[0] if candidates else form
