"""The extractor: article text in, attributions out. A pure function, no I/O.

Stages, each in its own module: ``text`` finds paragraphs, quotations and
sentences; this module finds reporting cues in each sentence (outside
quotations) and reads the grammar of the reporting clause around them to find
the source and the content; ``sources`` describes each source; ``resolve``
links pronouns, surnames and "the officials" to earlier mentions.
"""

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final, NamedTuple

from . import cue_model, lexicon
from .model import Attribution
from .resolve import Resolver
from .sources import Source, describe, is_name_word, split_sources
from .text import ABBREVIATIONS, Paragraph, Quote, parse

_DASHES: Final = ("--", "—", "–", "―")
_PUNCTUATION: Final = ",;:()[].!?"
_TOKEN: Final = re.compile(r"[\w$%@#][\w'’.&/@$%#+-]*[\w$%]|[\w$%@#]|" + "|".join(_DASHES)
                           + "|[" + re.escape(_PUNCTUATION) + "]")
_PUNCT_FIRST: Final = frozenset(d[0] for d in _DASHES) | frozenset(_PUNCTUATION)  # a word never starts so
_AUX: Final = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
        "can", "could", "should", "may", "might", "must", "do", "does", "did", "'s", "get", "got"}
_PASSIVE: Final = {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"}
_BOUNDARY_PUNCT: Final = {",", ";", ":", "—", "--", "–", "―", "(", ")", "[", "]", ".", "!", "?"}
_ENDERS: Final = {".", "!", "?"}
_MAX_SOURCE: Final = 32  # tokens: a source longer than this is a clause, and the bound keeps time linear
_MEDIUM_STARTS: Final = {"in", "on", "by", "told", "telling", "tells", "during", "at"}  # first words of MEDIUM_PATTERNS
_MEDIUM_BODY: Final = "|".join(f"(?:{p})" for p in lexicon.MEDIUM_PATTERNS)
# The lookahead lets the regex reject most positions at their first letter.
_MEDIUM: Final = re.compile("(?=[%s])(?:%s)" % ("".join(sorted({w[0] for w in _MEDIUM_STARTS})), _MEDIUM_BODY),
                            re.IGNORECASE)
_FOLDED_MEDIUM: Final = re.compile(_MEDIUM_BODY)  # on lower-case text: ignoring case is slower
# Cues that may come before their subject: '"...," said X.'
# Cues whose object is what is attributed: "called for a ban", "cited a report".
OBJECT_LEMMAS: Final = {"call", "cite", "describe", "criticize", "criticise", "condemn", "praise", "blast",
                 "slam", "accuse", "denounce", "mock", "dismiss", "reject", "question", "defend",
                 "applaud", "hail", "decry", "lambaste", "endorse", "mention", "urge", "demand", "attack",
                 "liken", "compare", "label", "brand", "credit", "blame"}
# Subjects that can "show" or "find": evidence rather than a person.
EVIDENCE_NOUNS: Final = {"poll", "polls", "survey", "surveys", "study", "studies", "data", "report", "reports",
                  "records", "analysis", "figures", "numbers", "research", "documents", "statistics",
                  "estimates", "results", "review", "audit", "investigation", "findings", "evidence"}
INVERTING_LEMMAS: Final = {"say", "add", "write", "tell", "ask", "explain", "continue", "note", "recall",
                    "insist", "warn", "argue", "reply", "respond", "conclude", "declare", "observe",
                    "remark", "counter", "quip", "joke", "admit", "acknowledge", "concede", "complain",
                    "predict", "suggest", "state", "answer", "retort", "tweet", "post", "report",
                    "emphasize", "stress", "agree", "claim", "contend", "muse", "recount", "shout", "yell"}
_PREPOSITIONS: Final = {"at", "in", "on", "during", "to", "with", "for", "after", "before", "of", "about",
                 "from", "via", "through", "over", "while", "outside", "inside", "near"}
_VERB_MODIFIERS: Final = _AUX | lexicon.ADVERBS | _PREPOSITIONS  # words between a determiner and a participle
_NOT_OBJECT_STARTS: Final = _PREPOSITIONS - {"for", "on"} | {"by"}  # "called for a ban" has an object; "called in" not
_TIME_WORDS: Final = lexicon.DAYS | {"last", "this", "next", "week", "month", "year", "earlier", "on",
                              "recently", "days", "ago", "weeks", "months", "years"}


class Token:
    """A word, a punctuation mark, or a whole quotation."""

    __slots__ = ("kind", "text", "start", "end", "quote", "lower")

    def __init__(self, kind: str, text: str, start: int, end: int, quote: Quote | None = None):
        self.kind, self.text, self.start, self.end, self.quote = kind, text, start, end, quote
        self.lower = text if kind == "punct" else text.lower()

    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r}, {self.start}, {self.end})"

    def is_word(self) -> bool:
        return self.kind == "word"


@dataclass
class Found:
    """A cue with its source and content, before description and resolution."""

    cue: Token
    cue_text: str
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    pattern: str
    paragraph: int
    sentence: tuple[int, int]
    medium: str | None = None
    inherit: bool = False  # speaker comes from the previous attribution
    parent: "Found | None" = None  # the attribution a continuing quotation belongs to
    described: "list[Speaker] | None" = None  # its speakers once described (what a continuation inherits)
    relaxed: str = ""  # which relaxed rule proposed it ("" for the rules): kept only if the cue model is confident


class Speaker(NamedTuple):
    """One source of an attribution: as described where quoted, as resolved, and where it is mentioned."""

    source: Source
    resolved: Source | None
    how: str  # how it was resolved (for --explain)
    mention: str | None = None
    start: int | None = None
    end: int | None = None


def tokenize(text: str, start: int, end: int, quotes: list[Quote]) -> list[Token]:
    """Words and punctuation of ``text[start:end]``; each quotation is one token."""
    tokens = []
    position = start
    for quote in quotes:
        if not start <= quote.open_mark < end:
            continue
        tokens += _words(text, position, quote.open_mark)
        stop = quote.close_mark if quote.close_mark is not None else quote.end
        tokens.append(Token("quote", text[quote.open_mark:stop], quote.open_mark, min(stop, end), quote))
        position = min(stop, end)
    tokens += _words(text, position, end)
    return tokens


def _words(text: str, start: int, end: int) -> list[Token]:
    tokens: list[Token] = []
    e = start
    # The words as strings (no match objects), each found again from where the last ended:
    # what lies between two tokens cannot hold the first character of the next.
    for word in _TOKEN.findall(text, start, end):
        # Usually right where the last token ended or one space on: no search needed.
        s = e if text.startswith(word, e) else e + 1 if text.startswith(word, e + 1) else text.find(word, e, end)
        e = s + len(word)
        kind = "punct" if word[0] in _PUNCT_FIRST else "word"
        if kind == "punct" and word == "." and tokens and tokens[-1].end == s and tokens[-1].is_word():
            prev = tokens[-1]
            lower = prev.lower
            if lower in ABBREVIATIONS or len(prev.text) == 1 or "." in prev.text:
                prev.text += "."
                prev.lower += "."
                prev.end = e
                continue
        contraction = _CONTRACTION.match(word) if "'" in word or "’" in word else None
        if contraction:
            # "He's claiming" is a pronoun and an auxiliary.
            cut = s + contraction.end(1)
            tokens.append(Token("word", word[:contraction.end(1)], s, cut))
            tokens.append(Token("word", word[contraction.end(1):], cut, e))
            continue
        tokens.append(Token(kind, word, s, e))
    return tokens


_CONTRACTION: Final = re.compile(r"(?i)^(he|she|it|they|we|i|you|that|there)(['’](?:s|re|ve|d|ll|m))$")


def extract(text: str) -> list[Attribution]:
    """Every quotation and attributed claim in ``text``, in reading order."""
    paragraphs = parse(text)
    found: list[Found] = []
    for paragraph in paragraphs:
        found += _paragraph_attributions(text, paragraph)
    found = _attach_quotes(text, paragraphs, found)
    found += _orphan_quotes(text, paragraphs, found)
    return _describe(text, paragraphs, found)


# --- finding cues, sources and contents -------------------------------------------------


def _word_list_regex(words: Iterable[str]) -> str:
    """One regex for a set of words, as a tree of shared prefixes ("sa(?:id|ys)"):
    the regex engine then reads each letter once instead of trying every word."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict) -> str:
        options = [re.escape(letter) + branch(rest) for letter, rest in sorted(node.items()) if letter]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        if "" in node:  # a word may end here
            body = "(?:" + body + ")?"
        return body

    return branch(tree)


# Sentences without any of these words hold no cue: they are skipped before tokenizing.
_CUE_HINT: Final = frozenset(lexicon.CUE_WORDS) | {"according", "called", "calls", "calling", "cited", "citing",
                                           "described", "describes"} | frozenset(cue_model.MINED)
_HAS_CUE_HINT: Final = re.compile(r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % _word_list_regex(_CUE_HINT))


def _paragraph_attributions(text: str, paragraph: Paragraph) -> list[Found]:
    results = []
    offset = paragraph.start
    for s_start, s_end in paragraph.sentences:
        if not _HAS_CUE_HINT.search(paragraph.lowered, s_start - offset, s_end - offset):
            continue
        tokens = tokenize(text, s_start, s_end, paragraph.quotes_between(s_start, s_end))
        results += _sentence_attributions(text, tokens, paragraph, (s_start, s_end))
    label = _speaker_label(text, paragraph)
    for item in _dash_attributions(text, paragraph) + ([label] if label else []):
        if not any(_overlaps(item.content, f.content) for f in results):
            results.append(item)
    return results


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


# '"..." ― Jane Doe.' / '... — Sen. John Smith (@handle) May 2, 2016': a signature after a quotation,
# ending the paragraph or followed by the next signed quotation.
_SIGNATURE: Final = re.compile(
    r"[^\S\n]*(?P<dash>―|—|–|--|-)[^\S\n]*(?P<name>(?:[A-Z][\w.'’-]*[^\S\n]?){1,5}?)[^\S\n]*"
    r"(?:\(@?\w+\)[^\n“”\"]{0,40}?)?\.?[^\S\n]*(?=$|[“”\"]|\n)")
# 'WALLACE: ...' / 'Pence: Flowers won't be at debate': a speaker label at the start of a paragraph.
_LABEL: Final = re.compile(r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*):\s+(?=\S)")
_NOT_LABELS: Final = {"update", "note", "editor's note", "editor’s note", "related", "photo", "source", "watch",
               "read more", "correction", "advertisement", "video", "caption", "credit", "warning",
               "breaking", "exclusive", "analysis", "opinion", "q", "a", "live", "full text", "abstract",
               "sources", "clarification", "contact", "email", "tags", "topics", "see also", "more",
               "listen", "transcript", "partial transcript", "disclosure", "image", "getty images"}


def _dash_attributions(text: str, paragraph: Paragraph) -> list[Found]:
    """Quotations signed with a dash, as in quoted tweets and pull quotes (several may share a paragraph)."""
    found = []
    for quote in paragraph.quotes:
        if quote.close_mark is None:
            continue
        match = _SIGNATURE.match(text, quote.close_mark, paragraph.end)
        if not match:
            continue
        name_start, name_end = match.span("name")
        name = text[name_start:name_end].strip()
        if name.endswith(".") and len(name.split()[-1]) > 2:
            name = name[:-1]
        if not name or not all(is_name_word(w) for w in name.split()):
            continue
        dash = Token("punct", match.group("dash"), match.start("dash"), match.end("dash"))
        found.append(Found(dash, dash.text, [(quote.start, quote.end)], (name_start, name_start + len(name)),
                           "signature after a quotation", paragraph.index, (paragraph.start, paragraph.end)))
    return found


def _speaker_label(text: str, paragraph: Paragraph) -> Found | None:
    """Transcript and headline style: 'NAME: words' (also just inside an opening quotation mark)."""
    start = paragraph.start
    if paragraph.quotes and paragraph.quotes[0].open_mark == start:
        start = paragraph.quotes[0].start
    match = _LABEL.match(text, start, paragraph.end)
    if not match:
        return None
    label = match.group(1)
    if label.lower() in _NOT_LABELS or label.lower().endswith(("update", "note")) or len(label) < 2 \
            or label.split()[0].lower() in lexicon.CUE_WORDS:
        return None
    if any(w.lower() in lexicon.CLAUSE_BREAKERS or w.lower() in _AUX for w in label.split()):
        return None
    content_end = paragraph.end
    if paragraph.quotes and paragraph.quotes[0].open_mark == paragraph.start:
        content_end = paragraph.quotes[0].end
    colon = Token("punct", ":", match.end(1), match.end(1) + 1)
    return Found(colon, ":", [(match.end(), content_end)], match.span(1), "speaker label", paragraph.index,
                 (paragraph.start, paragraph.end))


def _headline_cue(tokens: list[Token], i: int) -> bool:
    """'..., Lindsey Graham Says': a title-case cue closing a headline."""
    return tokens[i - 1].text[:1].isupper() and (i + 1 == len(tokens) or tokens[i + 1].kind == "punct")


# What each word may be: 0 a lexicon cue, 1 a cue the model mined, 2 "according" (one look-up per word).
_CANDIDATES: Final = {**{form: 1 for form in cue_model.MINED}, **{form: 0 for form in lexicon.CUE_WORDS},
                      "according": 2}


def _sentence_attributions(text: str, tokens: list[Token], paragraph: Paragraph,
                           sentence: tuple[int, int]) -> list[Found]:
    results = []
    for i, token in enumerate(tokens):
        kind = _CANDIDATES.get(token.lower, -1)
        if kind < 0 or token.kind != "word":
            continue
        lower = token.lower
        if kind == 2:
            if i + 1 >= len(tokens) or tokens[i + 1].lower != "to":
                continue
            item = _according_to(tokens, i, paragraph, sentence)
        elif kind == 0 and (token.text.islower() or i == 0 or _headline_cue(tokens, i)):
            item = _verb_cue(text, tokens, i, paragraph, sentence)
            if item is None and token.text.islower() and lower in cue_model.LOOSE:
                item = _loose_cue(text, tokens, i, paragraph, sentence, "lexicon")
        elif kind == 1 and token.text.islower():
            item = _loose_cue(text, tokens, i, paragraph, sentence, "mined")
        elif i > 0 and tokens[i - 1].text[:1].isupper() and (kind == 1 or lower in cue_model.LOOSE):
            item = _loose_cue(text, tokens, i, paragraph, sentence, "title")  # "Senator Says Deal Is Near"
        else:
            continue
        if item and (item.pattern == "colon lead-in" and not item.relaxed or _accept(text, tokens, i, item)):
            results.append(item)
    return results


# --- the learned gate ---------------------------------------------------------------------


def _accept(text: str, tokens: list[Token], i: int, item: Found) -> bool:
    """Does the cue model keep this candidate? (training/cues.py fits it on annotated news)

    What the rules found is dropped only when the model is sure it is wrong (the veto);
    what only a relaxed rule proposed is kept only when the model is fairly sure it is right.
    """
    score = cue_model.score(cue_features(text, tokens, i, item))
    return score >= cue_model.THRESHOLD if item.relaxed else score >= cue_model.VETO


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n < 5 else "5-9" if n < 10 else \
        "10-19" if n < 20 else "20+"


def cue_features(text: str, tokens: list[Token], i: int, item: Found) -> list[str]:
    """What the gate weighs: the cue word and its neighbours, the rule that fired, the source and content found."""
    cue = tokens[i]
    lower = cue.lower
    lemma = lexicon.CUE_WORDS.get(lower) or cue_model.MINED.get(lower) or lower
    kind = "speech" if lower in lexicon.SPEECH_VERBS else "thought" if lower in lexicon.THOUGHT_VERBS else \
        "according" if lower == "according" else "mined"
    prev = tokens[i - 1].lower if i > 0 else "<s>"
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else "</s>"
    if i + 1 < len(tokens) and tokens[i + 1].kind == "quote":
        nxt = "<q>"
    pattern = item.pattern
    features = ["w=" + lower, "l=" + lemma, "k=" + kind, "x=" + lower[-3:], "p=" + prev, "n=" + nxt,
                "r=" + pattern, "lr=" + lemma + "|" + pattern, "kr=" + kind + "|" + pattern, "ln=" + lemma + "|" + nxt,
                "lp=" + lemma + "|" + prev]
    features.append("p2=" + (tokens[i - 2].lower if i > 1 else "<s>"))
    if i + 1 < len(tokens):
        following = tokens[i + 1]
        shape = "quote" if following.kind == "quote" else "punct" if following.kind == "punct" else \
            "cap" if following.text[:1].isupper() else "det" if following.lower in lexicon.DETERMINERS else "lower"
        features += ["nk=" + shape, "lnk=" + lemma + "|" + shape]
        if i + 2 < len(tokens):
            features.append("n2=" + tokens[i + 2].lower)
    first_content = item.content[0][0] if item.content else cue.start
    features.append("cb" if first_content < cue.start else "ca")
    if first_content > cue.start:
        word = text[first_content:first_content + 20].split(" ", 1)[0].lower()
        features.append("cf=" + word if word in _FUNCTION_WORDS or word in lexicon.PERSON_PRONOUNS else
                        "cf=<cap>" if text[first_content:first_content + 1].isupper() else "cf=<w>")
    if i == 0:
        features.append("first")
    if cue.text[:1].isupper():
        features.append("cap")
    if item.paragraph == 0:
        features.append("para0")
    quoted = False
    in_sentence = False
    words = 0
    quoted_words = 0
    capitals = 0
    for start, end in item.content:
        words += text.count(" ", start, end) + 1
    for t in tokens:
        if t.kind != "quote":
            continue
        in_sentence = True
        if any(t.start < end and start < t.end for start, end in item.content):
            quoted = True
            for word in t.text.split():
                quoted_words += 1
                capitals += word[1:2].isupper() if word[:1] in "\"“‘'`" else word[:1].isupper()
    if in_sentence:
        features.append("sq")
    if quoted:
        features.append("qw=" + _bucket(quoted_words))
        if capitals * 5 >= quoted_words * 4:
            features.append("qcaps")
    features.append("cq" if quoted else "cnq")
    features.append("cl=" + _bucket(words))
    features.append("kc=" + kind + "|" + ("cq" if quoted else "cnq"))
    if len(item.content) > 1:
        features.append("c2")
    if item.relaxed:
        features += ["proposed", "rx=" + item.relaxed, "lrx=" + lemma + "|" + item.relaxed]
    if item.source is None:
        features.append("s=none")
    else:
        mention = text[item.source[0]:item.source[1]]
        parts = mention.split()
        head = parts[-1].lower() if parts else ""
        first = parts[0].lower() if parts else ""
        shape = "pron" if head in lexicon.PERSON_PRONOUNS else "group" if head in lexicon.GROUP_PRONOUNS else \
            "self" if head in lexicon.FIRST_PERSON else "it" if head == "it" else \
            "role" if head in lexicon.ROLE_WORDS else "cap" if mention[:1].isupper() else "lower"
        features += ["s=" + shape, "ks=" + kind + "|" + shape, "sl=" + _bucket(len(parts)), "sh=" + head[-3:],
                     "sw=" + head]
        if first in lexicon.DETERMINERS:
            features.append("sd=" + first)
    return features


# Tokens: no reported clause is longer; the bound keeps a run-on "sentence" of a
# whole page from making every attribution span all of it.
_MAX_CONTENT: Final = 160


def _after(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """The content that starts at ``first`` (at most _MAX_CONTENT tokens of it)."""
    return _span(tokens, first, min(last, first + _MAX_CONTENT))


def _before(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """The content that ends at ``last`` (at most _MAX_CONTENT tokens of it)."""
    return _span(tokens, max(first, last - _MAX_CONTENT), last)


def _span(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """Offsets of tokens[first..last] (inclusive), quotations trimmed of their marks."""
    while first <= last and tokens[first].kind == "punct":
        first += 1
    while last >= first and tokens[last].kind == "punct" and tokens[last].text not in ")]":
        last -= 1
    if first > last:
        return None
    opening, closing = tokens[first].quote, tokens[last].quote  # set on quotation tokens only
    start = opening.start if opening is not None else tokens[first].start
    end = closing.end if closing is not None else tokens[last].end
    return (start, end) if end > start else None


def _according_to(tokens: list[Token], i: int, paragraph: Paragraph, sentence: tuple[int, int]) -> Found | None:
    # Source: after "to", up to the next comma / end.
    j = i + 2
    k = j
    while k < min(len(tokens), j + _MAX_SOURCE) and tokens[k].kind == "word":
        k += 1
    # Appositives belong to the source when the sentence goes on after them only at its end.
    source = _span(tokens, j, k - 1)
    if source is None:
        return None
    before = 0  # the content before "according to" starts with the sentence
    if before < i and any(t.kind != "punct" for t in tokens[before:i]):
        # "..., according to X" : content before; X runs to the end of the sentence.
        end = len(tokens) - 1
        source = _span(tokens, j, min(end, j + _MAX_SOURCE)) or source
        content = _before(tokens, before, i - 1)
    else:
        # "According to X, ...": content after the source.
        content = _after(tokens, k, len(tokens) - 1)
    if not content:
        return None
    cue = tokens[i]
    return Found(cue, "according to", [content], source, "according to", paragraph.index, sentence)


def _is_nominal_head(token: Token) -> bool:
    """Can this word end a noun phrase that speaks?"""
    if token.kind == "quote":
        return False
    lower = token.lower
    if lower in lexicon.PERSON_PRONOUNS or lower in lexicon.GROUP_PRONOUNS or lower in lexicon.QUANTITY_WORDS:
        return True  # "he", "they", "55 percent", "half"
    if lower in lexicon.FIRST_PERSON:
        return True  # opinion writers and letter writers speak as "I" and "we"
    if "n't" in lower or "n’t" in lower:
        return False  # "Don't" is not a name
    if lower in _AUX or lower in lexicon.CLAUSE_BREAKERS or lower in lexicon.DETERMINERS:
        return False
    if token.text[:1].isupper() or token.text[:1].isdigit() and False:
        return True
    if lower in lexicon.ROLE_WORDS or lower.rstrip("s") in lexicon.ROLE_WORDS:
        return True
    if token.text.endswith(")"):
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "ous", "is", "us")) and len(lower) > 3 and lower not in lexicon.CUE_WORDS


def _subject_before(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j``, as (first, last) token indexes."""
    if j < 0 or not tokens[j].is_word() and tokens[j].text != ")":
        return None
    if j >= 2 and tokens[j].text.isdigit() and tokens[j - 1].lower == "in":
        # "Six in 10 say", "about four in 10 voters": a share of a poll's respondents.
        k = j - 2
        while k > 0 and tokens[k - 1].is_word() and (tokens[k - 1].lower in _SHARE_WORDS or tokens[k - 1].text.isdigit()):
            k -= 1
        return (k, j) if tokens[j - 2].text.isdigit() or tokens[j - 2].lower in lexicon.NUMBER_WORDS else None
    if tokens[j].lower in {"who", "which"}:
        # "an architect who said ...": the source is the noun phrase the clause hangs on.
        k = j - 1
        if k >= 0 and tokens[k].text == ",":
            k -= 1
        return _subject_before(tokens, k) if k >= 0 else None
    weak_head = not _is_nominal_head(tokens[j]) and tokens[j].text != ")" and not _determined_noun(tokens, j)
    if weak_head and (tokens[j].lower in _FUNCTION_WORDS or not tokens[j].text.isalpha()):
        return None
    k = j
    depth = 1 if tokens[j].text == ")" else 0
    while k - 1 >= max(0, j - _MAX_SOURCE):
        prev = tokens[k - 1]
        if prev.text == ")":
            depth += 1
        elif prev.text == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if prev.kind != "word":
                break
            if prev.lower in _AUX or (prev.text.islower() and prev.lower in lexicon.CUE_WORDS):
                break
            if prev.lower in lexicon.CLAUSE_BREAKERS and prev.lower not in {"and", "or"}:
                break
            if prev.lower in {"and", "or"}:
                # "residents and the group's fighters": both sides must look nominal.
                if k - 2 < 0 or not _is_nominal_head(tokens[k - 2]):
                    break
        k -= 1
    # Keep subjects short: long stretches are clauses, not noun phrases.
    if j - k > 14:
        return None
    while k <= j and tokens[k].lower in {"but", "and", "yet", "so", "still", "however", "meanwhile",
                                         "instead", "now", "then", "also", "even", "or"}:
        k += 1
    if k > j:
        return None
    if tokens[k].lower in _PREPOSITIONS:
        # "In a Bloomberg interview Trump declared": the subject is the name after the phrase.
        m = j
        while m - 1 > k and (tokens[m - 1].text[:1].isupper() or tokens[m - 1].lower in lexicon.TITLES):
            m -= 1
        if m == k + 1 or not tokens[m].text[:1].isupper() and tokens[m].lower not in lexicon.PERSON_PRONOUNS:
            return None
        k = m
    first = tokens[k]
    if weak_head and not (j - k <= 8 and k < j and (first.text[:1].isupper() or first.lower in lexicon.ROLE_WORDS)
                          and any(t.lower in {"of", "on", "for", "at", "from"} for t in tokens[k:j])):
        return None  # "Experts on North Korea and nuclear nonproliferation" is a noun phrase; "it was fine" is not
    if first.text[:1].islower() and first.lower not in lexicon.DETERMINERS and not _is_nominal_head(first):
        # A lowercase start must still read as a noun phrase ("residents", "panel Chairman Rep. X").
        if j - k > 5 and not any(t.text[:1].isupper() for t in tokens[k:j + 1]):
            return None
    return (k, j)


_FUNCTION_WORDS: Final = _AUX | lexicon.CLAUSE_BREAKERS | lexicon.DETERMINERS | lexicon.ADVERBS | _PREPOSITIONS | {
    "not", "no", "it", "there", "here", "what", "who", "whom", "this", "also", "just", "very", "so"}


_SHARE_WORDS: Final = lexicon.NUMBER_WORDS | {"about", "nearly", "almost", "roughly", "some", "only", "just",
                                              "more", "less", "than", "fewer", "over", "under", "least", "at"}


def _determined_noun(tokens: list[Token], j: int) -> bool:
    """'the campaign', 'the bank', 'a new study': a lowercase head after a determiner."""
    head = tokens[j]
    if head.lower in _FUNCTION_WORDS or head.lower.endswith("ly") or not head.text.isalpha():
        return False
    for k in range(j - 1, max(-1, j - 5), -1):
        word = tokens[k]
        if not word.is_word():
            return False
        if word.lower in {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"} \
                or word.text.endswith(("'s", "’s")):
            return True
        if word.lower in _FUNCTION_WORDS:
            return False
    return False


def _skip_adverbs_left(tokens: list[Token], j: int) -> int:
    """Step back over "also", "has", "is" and the like between a subject and its cue."""
    while j >= 0 and tokens[j].is_word() and (tokens[j].lower in lexicon.ADVERBS or tokens[j].lower in _AUX):
        j -= 1
    return j


def _skip_right(text: str, tokens: list[Token], i: int) -> tuple[int, str | None]:
    """Skip time expressions, adverbs and medium phrases after a cue; return next index and medium."""
    medium = None
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if token.is_word() and (token.lower in lexicon.DAYS or token.lower in lexicon.ADVERBS
                                or token.lower in lexicon.MONTHS
                                or token.lower in {"on", "in", "last", "earlier", "this", "late", "early"}
                                and i + 1 < n and (tokens[i + 1].lower in _TIME_WORDS or tokens[i + 1].lower in lexicon.DAYS
                                                   or tokens[i + 1].lower in lexicon.MONTHS or tokens[i + 1].text.isdigit())):
            i += 1
            continue
        if token.is_word() and token.lower in _MEDIUM_STARTS:
            match = _MEDIUM.match(text, token.start, tokens[-1].end)
            if match:
                medium = match.group()
                stop = match.end()
                while i < n and tokens[i].end <= stop:
                    i += 1
                # "in an interview with CNN"
                if i < n and tokens[i].lower in {"with", "to", "for", "on"}:
                    j = i + 1
                    while j < n and tokens[j].is_word() and (tokens[j].text[:1].isupper() or tokens[j].lower in {"the", "a", "an"}):
                        j += 1
                    if j > i + 1:
                        medium = text[token.start:tokens[j - 1].end]
                        i = j
                continue
        if token.is_word() and (token.lower in {"week", "month", "year", "ago", "weeks", "months", "years"}
                                or (len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20"))):
            i += 1
            continue
        break
    return i, medium


def _verb_cue(text: str, tokens: list[Token], i: int, paragraph: Paragraph,
              sentence: tuple[int, int]) -> Found | None:
    cue = tokens[i]
    lower = cue.lower
    lemma = lexicon.CUE_WORDS[lower]
    prev_word = tokens[i - 1].lower if i > 0 else ""
    if (prev_word in _PASSIVE and not lower.endswith("ing")) or prev_word == "to" \
            or prev_word in lexicon.DETERMINERS and prev_word not in {"that"}:
        return None  # "was told", "to say", "the claims": not a report by a subject
    if lower.endswith("s") and lower not in {"says", "tells", "writes"} and i > 0 and tokens[i - 1].is_word() \
            and tokens[i - 1].text[:1].islower() and tokens[i - 1].lower not in lexicon.ROLE_WORDS \
            and tokens[i - 1].lower not in lexicon.PERSON_PRONOUNS and tokens[i - 1].lower not in lexicon.ADVERBS \
            and tokens[i - 1].lower not in EVIDENCE_NOUNS:
        return None  # "jihadist comments", "the group's plans": a noun, not a verb
    k = i - 1
    while k >= max(0, i - 8) and tokens[k].is_word() and tokens[k].lower != "to":
        k -= 1
    if k >= 1 and tokens[k].lower == "to" and tokens[k - 1].lower == "according":
        return None  # inside the source of "according to": "according to jihadist comments"
    if i > 0 and tokens[i - 1].text.endswith(("'s", "’s", "s'", "s’")):
        return None  # "Editor's note", "Friday's tweets"
    is_speech = lower in lexicon.SPEECH_VERBS
    participle = lower.endswith("ing")
    if participle and (prev_word in lexicon.DETERMINERS or i > 1 and tokens[i - 2].lower in lexicon.DETERMINERS
                       and tokens[i - 1].is_word() and prev_word not in _VERB_MODIFIERS):
        return None  # "a single posting", "his warning": a noun, not a reporting verb
    n = len(tokens)

    # --- what follows the cue
    after, medium = _skip_right(text, tokens, i + 1)
    if lemma == "tell" or lemma in {"ask", "urge", "warn", "assure", "remind", "inform", "promise"}:
        # "told reporters (that) ...": skip the hearer.
        j = after
        while j < n and tokens[j].is_word() and j - after < 5 and tokens[j].lower not in {"that"} \
                and (tokens[j].text[:1].isupper() or tokens[j].lower in lexicon.DETERMINERS
                     or tokens[j].lower in {"reporters", "journalists", "him", "her", "them", "me", "us",
                                            "lawmakers", "supporters", "the", "audience", "listeners",
                                            "viewers", "readers", "senators", "voters", "members", "crowd"}
                     or tokens[j].lower in lexicon.ROLE_WORDS):
            j += 1
        if j > after:
            after, more_medium = _skip_right(text, tokens, j)
            medium = medium or more_medium
    if lemma in OBJECT_LEMMAS:
        # "called for a ban", "called the plan "dead"", "cited a report": the object is the content.
        rest = tokens[after:]
        if lemma == "call" and not (rest and rest[0].lower in {"for", "on"}
                                    or any(t.kind == "quote" for t in rest)
                                    or any(t.lower in {"a", "an"} for t in rest[1:7])):
            return None
        if rest and rest[0].is_word() and rest[0].lower not in _NOT_OBJECT_STARTS \
                and len(rest) >= 2:
            subject, _ = _find_subject(tokens, _skip_adverbs_left(tokens, i - 1))
            if subject and any(t.text[:1].isupper() or t.lower in lexicon.ROLE_WORDS or t.lower in lexicon.PERSON_PRONOUNS
                               or t.lower in lexicon.GROUP_PRONOUNS for t in tokens[subject[0]:subject[1] + 1]):
                first = after + 1 if rest[0].lower in {"for", "on"} and lemma == "call" else after
                object_span = _after(tokens, first, n - 1)
                if object_span:
                    source_span = (tokens[subject[0]].start, tokens[subject[1]].end)
                    cue_text = text[cue.start:tokens[after].end] if first > after else cue.text
                    return Found(cue, cue_text, [object_span], source_span, "subject cue, object as content",
                                 paragraph.index, sentence, medium=medium)
        return None
    if after < n and tokens[after].lower in _PREPOSITIONS:
        # "said during a rally in Michigan that ...": a phrase, then the clause.
        for k in range(after + 1, min(n, after + 14)):
            if tokens[k].kind == "quote" or tokens[k].text in _ENDERS or tokens[k].lower in lexicon.CUE_WORDS:
                break
            if tokens[k].lower == "that":
                after = k
                break
    colon = after < n and tokens[after].text == ":"
    if colon:
        after += 1
    elif after + 1 < n and tokens[after].text == "," and tokens[after + 1].kind == "quote":
        after += 1  # 'He said, "We have some big plans."'
    that = after < n and tokens[after].lower == "that"
    content_after = None
    trailing = None  # "..., the agency said, and those in the bottom fifth paid 0.8 percent."
    if after + 1 < n and tokens[after].text == "," and tokens[after + 1].is_word() and (
            tokens[after + 1].lower in _TRAILING_CLAUSES or tokens[after + 1].lower in _PREPOSITIONS):
        trailing = _after(tokens, after + 1, n - 1)
    if after < n and tokens[after].text not in _ENDERS:
        nxt = tokens[after]
        if that or nxt.kind == "quote" or colon:
            content_after = _after(tokens, after, n - 1)
        elif nxt.lower in _PREPOSITIONS and (comma := _comma_after_phrase(tokens, after)) is not None:
            content_after = _after(tokens, comma + 1, n - 1)
        elif nxt.text == ",":
            # "CONTENT1, she said, CONTENT2." -- a parenthetical report (not ", adding ...").
            if after + 1 < n and tokens[after + 1].is_word() and not tokens[after + 1].lower.endswith("ing") \
                    and tokens[after + 1].lower not in _NOT_CONTINUATIONS:
                content_after = _after(tokens, after + 1, n - 1)
        elif lemma in lexicon.BARE_CLAUSE_LEMMAS and nxt.is_word() and _starts_clause(tokens, after):
            content_after = _after(tokens, after, n - 1)
        elif lemma in {"want", "plan", "intend", "hope", "expect", "promise", "pledge", "vow", "urge", "agree"} \
                and nxt.lower == "to":
            content_after = _after(tokens, after, n - 1)

    # --- the source
    source = None
    pattern = None
    j = _skip_adverbs_left(tokens, i - 1)
    inverted = False
    if participle and (j < 0 or tokens[j].text == "," or tokens[j].kind == "quote"):
        # "..., adding that ...": the source is the subject of the main clause.
        if content_after is None:
            return None
        found = Found(cue, cue.text, [content_after], None, "participle", paragraph.index, sentence,
                      medium=medium, inherit=True)
        return found
    source, pattern = _find_subject(tokens, j)
    if source is None and lemma in INVERTING_LEMMAS and (j < 0 or tokens[j].text in {",", ":"} or tokens[j].kind == "quote"):
        # Inverted: ", said Col. John Dorrian, spokesman for the coalition."
        k = after
        if k < n and tokens[k].lower not in {"that", "this", "these", "those"} and (
                tokens[k].is_word() and (_is_nominal_head(tokens[k]) or tokens[k].lower in lexicon.DETERMINERS
                                         or tokens[k].lower in lexicon.TITLES)):
            m = k
            while m < min(n, k + _MAX_SOURCE) and tokens[m].text not in _ENDERS \
                    and not (tokens[m].text == "," and m > k and _clause_follows(tokens, m)):
                if tokens[m].kind == "quote" or m > k and _says_when(tokens, m):
                    break  # ', said Ellis on Tuesday': the source ends where the time begins
                m += 1
            end = m - 1
            # Medium phrases close the source: "said X in a statement".
            for q in range(k, m):
                found_medium = tokens[q].lower in _MEDIUM_STARTS and _MEDIUM.match(text, tokens[q].start, tokens[m - 1].end)
                if found_medium:
                    medium = medium or found_medium.group()
                    end = q - 1
                    break
            if end >= k:
                source = (k, end)
                pattern = "inverted cue"
                inverted = True
                content_after = None
                if m < n and tokens[m].kind == "quote":
                    content_after = _after(tokens, m, n - 1)  # 'Said Ellis: "..."'
                elif m < n and tokens[m].text == "," and m + 1 < n:
                    # ", said X, "Q2"" : more content after the source.
                    more = _after(tokens, m + 1, n - 1)
                    if more and tokens[m + 1].kind == "quote":
                        content_after = more
    if source is None:
        return None

    first, last = source
    source_span = (tokens[first].start, tokens[last].end)
    if inverted:
        before_end = i - 1
    else:
        before_end = first - 1
    # --- content before: "CONTENT, X said." / ""Q," X said."
    content_before = None
    b = before_end
    while b >= 0 and tokens[b].kind == "punct" and tokens[b].text in {",", "—", "--", "–"}:
        b -= 1
    if b >= 0 and b < before_end or (b >= 0 and tokens[b].kind == "quote"):
        start = 0
        content_before = _before(tokens, start, b)
    if content_after is None and content_before is None:
        # Colon at paragraph end: "X said:" followed by a quotation paragraph.
        if colon and after >= n:
            return Found(cue, cue.text, [], source_span, "colon lead-in", paragraph.index, sentence,
                         medium=medium)
        return None
    if lemma not in lexicon.SPEECH_LEMMAS and not is_speech:
        # Beliefs and evidence need a clear clause: "that", a quotation, or sentence-final cue.
        if content_after is not None and not (that or tokens[after].kind == "quote") and lemma in lexicon.WEAK_LEMMAS:
            if lemma not in {"believe", "think", "fear", "hope", "expect", "know", "feel", "worry", "want", "plan"}:
                return None
    if lemma in lexicon.WEAK_LEMMAS and content_after is None and not inverted:
        # "..., X added." is fine for speech verbs; weak cues need more.
        if not is_speech or lemma in {"show", "find", "see", "hear", "learn", "want", "plan", "know"}:
            return None
    if content_after is not None and content_before is not None:
        # Both sides: '"A," she said, "B."' or 'These employees, he explained, were well paid.'
        # A short opener ("In a statement, the ministry said that ...") is not content.
        lead = tokens[0]
        words_before = sum(1 for t in tokens[max(0, first - 12):first] if t.is_word())
        parenthetical = first > 0 and tokens[first - 1].text == "," and i + 1 < n and tokens[i + 1].text == ","
        if lead.kind == "quote" or inverted or parenthetical or (
                words_before >= 4 and lead.lower not in _PREPOSITIONS and lead.lower not in lexicon.CLAUSE_BREAKERS):
            contents = [content_before, content_after]
        else:
            contents = [content_after]
    elif content_before is not None and trailing is not None:
        contents = [content_before, trailing]
    else:
        contents = [span for span in (content_after, content_before) if span][:1]
    pattern = f"{pattern}, content {'after' if content_after and not content_before else 'before'}"
    return Found(cue, cue.text, contents, source_span, pattern, paragraph.index, sentence, medium=medium)


def _loose_cue(text: str, tokens: list[Token], i: int, paragraph: Paragraph, sentence: tuple[int, int],
               relaxed: str) -> Found | None:
    """A candidate the rules did not find: a mined cue ("railed against", "touted"), or a lexicon cue
    whose clause the rules could not read. The subject before the cue (or, after "and", the
    sentence's) is the source and the rest of the sentence the content; the gate decides.
    Raising cues ("appears to", "is expected to") attribute their whole clause, to nobody named."""
    cue = tokens[i]
    lower = cue.lower
    prev_word = tokens[i - 1].lower if i > 0 else ""
    participle = lower.endswith("ing")
    if prev_word == "to" or prev_word in lexicon.DETERMINERS and prev_word != "that" \
            or i > 0 and tokens[i - 1].text.endswith(("'s", "’s", "s'", "s’")):
        return None
    n = len(tokens)
    after = i + 1
    last = cue
    particles = cue_model.PARTICLES.get(lower)
    if particles and after < n and tokens[after].lower in particles:
        last = tokens[after]
        after += 1
    after, medium = _skip_right(text, tokens, after)
    if after < n and tokens[after].text == ":":
        after += 1
    cue_text = text[cue.start:last.end]
    j = _skip_adverbs_left(tokens, i - 1)
    if lower in cue_model.AROUND:
        # "The plan appears to have stalled": the clause from its subject on, no source.
        subject, _ = _find_subject(tokens, j)
        first = subject[0] if subject is not None else 0
        clause = _span(tokens, first, n - 1)
        if clause is None or clause[0] >= cue.start:
            return None
        return Found(cue, cue_text, [clause], None, "raising cue", paragraph.index, sentence, medium=medium,
                     relaxed=relaxed)
    if prev_word in _PASSIVE and not participle:
        return None
    content = _after(tokens, after, n - 1)
    if content is None:
        return None
    if participle and (j < 0 or tokens[j].text == "," or tokens[j].kind == "quote"):
        return Found(cue, cue_text, [content], None, "participle", paragraph.index, sentence,
                     medium=medium, inherit=True, relaxed=relaxed)
    source, _ = _find_subject(tokens, j)
    pattern = "loose cue"
    if source is None and j > 0 and tokens[j].is_word():
        # "X caucused on Saturday and says ...": the subject of the first verb.
        k = j
        while k > 0 and tokens[k].lower not in {"and", "but"} and tokens[k].is_word() and j - k < 12:
            k -= 1
        if tokens[k].lower in {"and", "but"}:
            subject = _sentence_subject(tokens)
            if subject is not None and subject[1] < k - 1 and not tokens[subject[0]].lower.endswith(("ing", "ly")) \
                    and tokens[subject[0]].lower not in _FUNCTION_WORDS:
                source, pattern = subject, "loose cue, coordinated"
    if source is None:
        return None
    return Found(cue, cue_text, [content], (tokens[source[0]].start, tokens[source[1]].end), pattern,
                 paragraph.index, sentence, medium=medium, relaxed=relaxed)


_TRAILING_CLAUSES: Final = {"until", "since", "because", "although", "though", "while", "as", "when", "if",
                     "unless", "and", "so", "whereas", "where", "but"}
_NOT_CONTINUATIONS: Final = _PREPOSITIONS | lexicon.CLAUSE_BREAKERS | {"who", "which", "according", "then", "also"}


_WHEN_STARTS: Final = {"on", "last", "this", "next", "earlier", "late", "early", "in", "during"}
# After "in" or "on", "May" and "March" are months (lexicon.MONTHS leaves them out: they are also words).
_WHEN_WORDS: Final = lexicon.DAYS | lexicon.MONTHS | {"may", "march", "week", "weekend", "month", "year", "morning",
                                                     "afternoon", "evening", "night"}


def _says_when(tokens: list[Token], m: int) -> bool:
    """Does a time expression start at token ``m`` ("Tuesday", "on Friday", "last week", "in March")?"""
    lower = tokens[m].lower
    if lower in lexicon.DAYS or lower in {"today", "yesterday", "tonight"}:
        return True
    return lower in _WHEN_STARTS and m + 1 < len(tokens) and tokens[m + 1].lower in _WHEN_WORDS


def _comma_after_phrase(tokens: list[Token], k: int) -> int | None:
    """'in the committee hearing, ...': the comma closing a short phrase that starts at ``k``."""
    for m in range(k + 1, min(len(tokens), k + 8)):
        if tokens[m].text == ",":
            rest = tokens[m + 1:]
            if rest and rest[0].is_word() and rest[0].lower not in _NOT_CONTINUATIONS \
                    and not rest[0].lower.endswith("ing") and sum(t.is_word() for t in rest) >= 3:
                return m
            return None
        if not tokens[m].is_word() or tokens[m].lower in lexicon.CUE_WORDS or tokens[m].lower in _AUX:
            return None
    return None


def _starts_clause(tokens: list[Token], k: int) -> bool:
    """Does a bare clause start at ``k`` (a subject then, somewhere, a verb)?"""
    token = tokens[k]
    if token.kind == "quote":
        return True
    lower = token.lower
    if lower in _PREPOSITIONS or lower in lexicon.CLAUSE_BREAKERS or lower in {"by", "into", "nothing"}:
        return False
    # A clause has some length; "he said Tuesday." has none.
    words = 0
    for index in range(k, len(tokens)):
        t = tokens[index]
        if t.kind != "punct":
            words += len(t.text.split()) if t.kind == "quote" else 1
        if words >= 3:
            return True
    return False


def _clause_follows(tokens: list[Token], m: int) -> bool:
    """After a comma inside an inverted source: another clause (not an appositive)?"""
    if m + 1 >= len(tokens):
        return False
    nxt = tokens[m + 1]
    return nxt.kind == "quote" or nxt.lower in {"adding", "saying", "noting", "arguing", "but", "and",
                                                "who", "which", "according", "explaining", "insisting"}


def _find_subject(tokens: list[Token], j: int) -> tuple[tuple[int, int] | None, str | None]:
    """The source before a cue whose last word before it is ``tokens[j]``."""
    if j >= 0 and (tokens[j].is_word() or tokens[j].text == ")"):
        subject = _subject_before(tokens, j)
        if subject:
            return subject, "subject cue"
    if j >= 0 and tokens[j].text == ",":
        # "X, a spokesman for Y, said" -- an appositive between the subject and the cue.
        subject = _appositive_subject(tokens, j)
        if subject:
            return subject, "appositive subject cue"
    if j >= 2 and tokens[j].text in _DASHES:
        # "X — a teacher from Y — says": an appositive between dashes.
        k = j - 1
        while k > max(0, j - _MAX_SOURCE) and tokens[k].text not in _DASHES and tokens[k].kind != "quote":
            k -= 1
        if k > 0 and tokens[k].text == tokens[j].text and k < j - 1:
            head = _subject_before(tokens, k - 1)
            if head:
                return (head[0], j - 1), "appositive subject cue"
    return None, None


def _appositive_subject(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """``Mark Jones, an attorney for the family, said``: walk back over one appositive."""
    k = j - 1
    while k >= max(0, j - _MAX_SOURCE) and tokens[k].text != "," and tokens[k].kind != "quote":
        k -= 1
    if k < 0 or tokens[k].text != ",":
        return None
    appositive = tokens[k + 1:j]
    if not appositive or len(appositive) > 30:
        return None
    if len(appositive) == 1 and appositive[0].text.isdigit():
        # "Jane Doe, 69, said": an age.
        head = _subject_before(tokens, k - 1)
        return (head[0], j - 1) if head else None
    if k >= 2 and tokens[k - 1].text.isdigit() and tokens[k - 2].text == ",":
        k -= 2  # "Jane Doe, 35, the daughter of ..., said": the age before the appositive
    aside = appositive[0].lower in {"who", "which", "whose"} or appositive[0].lower in _PREPOSITIONS
    if aside:
        pass  # "X, who ..., said" / "X, at a later briefing, said": the aside is not the source
    elif appositive[0].lower not in lexicon.DETERMINERS and not appositive[0].text[:1].isupper() \
            and not any(t.lower in lexicon.ROLE_WORDS for t in appositive):
        return None
    head = _subject_before(tokens, k - 1)
    if not head:
        return None
    return head if aside else (head[0], j - 1)


# --- quotations without a cue of their own --------------------------------------------------


class _Spans:
    """Quotation spans in reading order, with their starts for bisecting."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = list(spans)
        self.starts = [start for start, _ in self.spans]

    def touching(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that can overlap ``[start, end)`` (spans do not overlap one another)."""
        return self.spans[max(0, bisect.bisect_right(self.starts, start) - 1):bisect.bisect_left(self.starts, end)]


class _Coverage:
    """Which characters some attribution already covers (constant time per question)."""

    def __init__(self, size: int):
        self.chars = bytearray(size)

    def add(self, start: int, end: int) -> None:
        self.chars[start:end] = b"\x01" * (end - start)

    def touches(self, start: int, end: int) -> bool:
        return 1 in self.chars[start:end]


def _attach_quotes(text: str, paragraphs: list[Paragraph], found: list[Found]) -> list[Found]:
    """Give quotations that no cue covers to the attribution they continue.

    Newsroom style gives three cases: the second half of a split quotation
    (``"A," she said. "B"``), a quotation after a lead-in (``He said:``) or running
    over several paragraphs, and a quoted paragraph that follows an attributed
    quotation with no new cue.
    """
    covered = _Coverage(len(text))
    for item in found:
        for start, end in item.content:
            covered.add(start, end)

    by_paragraph: dict[int, list[Found]] = {}
    for item in found:
        by_paragraph.setdefault(item.paragraph, []).append(item)
    result = list(found)
    carry = None  # the attribution a quotation opening the next paragraph would continue
    chained = False  # the previous paragraph's last quotation was left open
    for paragraph in paragraphs:
        items = sorted(by_paragraph.get(paragraph.index, []), key=lambda f: f.cue.start)
        speaking = [f for f in items if f.source is not None or f.inherit]
        new_carry = None
        for quote in paragraph.quotes:
            if covered.touches(quote.start, quote.end) or len(text[quote.start:quote.end].split()) < 2:
                continue
            preceding = [f for f in speaking if f.cue.start < quote.open_mark and not f.inherit]
            owner = None
            if preceding and (_quoted(preceding[-1], paragraph) or preceding[-1].pattern == "colon lead-in"):
                owner = preceding[-1]
            elif not _substantial(text, quote):
                continue
            elif not preceding and carry is not None and quote is paragraph.quotes[0] \
                    and _starts_paragraph(paragraph, quote) and (chained or not speaking):
                owner = carry
            if owner is None:
                continue
            covered.add(quote.start, quote.end)
            if owner.paragraph == paragraph.index or chained or not owner.content:
                owner.content.append((quote.start, quote.end))
                if owner.pattern == "colon lead-in":
                    owner.pattern = "colon lead-in, quotation after it"
                new_carry = owner
            else:
                follower = Found(owner.cue, owner.cue_text, [(quote.start, quote.end)], None,
                                 "quoted paragraph continuing the previous speaker", paragraph.index,
                                 (paragraph.start, paragraph.end), inherit=True, parent=owner)
                result.append(follower)
                new_carry = follower
        lead_ins = [f for f in items if f.pattern == "colon lead-in" and not f.content]
        quoted_here = [f for f in items if _quoted(f, paragraph)]
        if lead_ins and (not quoted_here or lead_ins[-1].cue.start > quoted_here[-1].cue.start):
            carry = lead_ins[-1]
        elif quoted_here:
            carry = quoted_here[-1]
        elif new_carry is not None:
            carry = new_carry
        else:
            carry = None
        chained = bool(paragraph.quotes) and paragraph.quotes[-1].continues
    return [f for f in result if f.content]


def _orphan_quotes(text: str, paragraphs: list[Paragraph], found: list[Found]) -> list[Found]:
    """A quotation no cue claimed is still somebody's words: give it to the sentence's subject.

    The sentence is the content (a quoted fragment makes it a mixed quote); the
    source is the person or group the sentence is about, when it starts with one.
    Short or title-case quotations (titles, nicknames, scare quotes, but also the one
    word a speaker is quoted for) and quotations after a verb with a subject of its own
    ("Doe, an analyst, thanked them for "..."") are proposed to the cue model.
    """
    covered = _Coverage(len(text))
    for claimed in found:
        for start, end in claimed.content:
            covered.add(start, end)
    results = []
    for paragraph in paragraphs:
        starts = [a for a, _ in paragraph.sentences]
        tokenized = {}
        for quote in paragraph.quotes:
            if covered.touches(quote.start, quote.end):
                continue
            index = bisect.bisect_right(starts, quote.open_mark) - 1
            if index < 0 or quote.open_mark >= paragraph.sentences[index][1]:
                continue
            sentence = paragraph.sentences[index]
            if sentence not in tokenized:
                tokenized[sentence] = tokenize(text, sentence[0], sentence[1],
                                               paragraph.quotes_between(sentence[0], sentence[1]))
            tokens = tokenized[sentence]
            q_index = next((i for i, t in enumerate(tokens) if t.kind == "quote" and t.quote is quote), None)
            if q_index is None:
                continue
            relaxed = "" if _substantial(text, quote) else "short quote"
            item: Found | None = None
            verb_index = 0
            subject = _sentence_subject(tokens)
            if subject is not None and subject[1] < q_index:
                first, last = subject
                content = _after(tokens, last + 1, len(tokens) - 1)
                if content:
                    verb_index = last + 1 if last + 1 < len(tokens) else last
                    verb = tokens[verb_index]
                    item = Found(verb, verb.text, [content], (tokens[first].start, tokens[last].end),
                                 "quotation in a sentence about its source", paragraph.index, sentence,
                                 relaxed=relaxed)
            if item is None:
                item, verb_index = _verb_before_quote(tokens, q_index, paragraph, sentence)
            if item is not None and _accept(text, tokens, verb_index, item):
                results.append(item)
                covered.add(*item.content[0])
    return results


def _verb_before_quote(tokens: list[Token], q_index: int, paragraph: Paragraph,
                       sentence: tuple[int, int]) -> tuple[Found | None, int]:
    """The nearest verb before a quotation that has a subject: 'X, star of Y, thanked Z for "..."'."""
    for v in range(q_index - 1, max(-1, q_index - 10), -1):
        verb = tokens[v]
        if verb.kind == "quote" or verb.text in _ENDERS:
            break
        if not verb.is_word() or not verb.text.islower() or verb.lower in _FUNCTION_WORDS or verb.lower.endswith("ly"):
            continue
        j = _skip_adverbs_left(tokens, v - 1)
        subject, _ = _find_subject(tokens, j)
        if subject is None:
            continue
        content = _after(tokens, v + 1, len(tokens) - 1)
        if content is None:
            return None, 0
        return Found(verb, verb.text, [content], (tokens[subject[0]].start, tokens[subject[1]].end),
                     "verb before a quotation", paragraph.index, sentence, relaxed="quote verb"), v
    return None, 0


def _sentence_subject(tokens: list[Token]) -> tuple[int, int] | None:
    """The noun phrase a sentence starts with, after an opening phrase ("In July, ...")."""
    start = 0
    if tokens and tokens[0].is_word() and (tokens[0].lower in _PREPOSITIONS or tokens[0].lower in lexicon.CLAUSE_BREAKERS):
        comma = next((i for i, t in enumerate(tokens[:12]) if t.text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    end = start
    while end < len(tokens) and tokens[end].is_word() and (
            tokens[end].text[:1].isupper() or tokens[end].lower in {"the", "a", "an"}
            or tokens[end].lower in lexicon.ROLE_WORDS or tokens[end].text in {"(", ")"}):
        end += 1
    if end == start:
        if start < len(tokens) and (tokens[start].lower in lexicon.PERSON_PRONOUNS or tokens[start].lower in lexicon.GROUP_PRONOUNS):
            return (start, start)
        return None
    last = end - 1
    head = tokens[last]
    if head.lower in {"the", "a", "an"} and end < len(tokens) and tokens[end].is_word() \
            and tokens[end].lower not in _FUNCTION_WORDS and tokens[end].lower not in lexicon.CUE_WORDS:
        last, end = end, end + 1  # "The piece used ...": a lowercase head after the article
        head = tokens[last]
    elif not (head.text[:1].isupper() or head.lower in lexicon.ROLE_WORDS) or head.lower in {"the", "a", "an"}:
        return None
    if end < len(tokens) and not tokens[end].is_word():
        return None  # "Trump, ...": an appositive or list, not a simple subject
    return (start, last)


def _quoted(item: Found, paragraph: Paragraph) -> bool:
    """Is this attribution's content (mostly) a quotation?"""
    return any(paragraph.overlaps_quote(start, end) for start, end in item.content)


def _starts_paragraph(paragraph: Paragraph, quote: Quote) -> bool:
    return quote.open_mark == paragraph.start


def _substantial(text: str, quote: Quote) -> bool:
    """Titles, nicknames and scare quotes are short or title-case: not quotations."""
    words = text[quote.start:quote.end].split()
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised < len(words) * 0.8


# --- description and resolution -------------------------------------------------------------


def _describe(text: str, paragraphs: list[Paragraph], found: list[Found]) -> list[Attribution]:
    """Describe and resolve each source, in reading order, and build the records."""
    resolver = Resolver(text, paragraphs)
    results = []
    quote_spans = _Spans((q.start, q.end) for p in paragraphs for q in p.quotes)
    previous: list[Speaker] = []  # the speakers of the latest attribution that named its source
    for item in sorted(found, key=lambda f: (min(s for s, _ in f.content), f.cue.start)):
        content = _merge_fragments(text, item.content)
        if not content:
            continue
        if item.source is None:
            # A continuation or participle: the speakers of the attribution it continues.
            inherited = item.parent.described if item.parent is not None else previous
            speakers = [Speaker(s.source, s.resolved, "inherits the speaker of the attribution it continues")
                        for s in inherited or []]
        else:
            speakers = []
            parts = split_sources(text[item.source[0]:item.source[1]])
            last_start = 0
            for part in parts:
                offset = text.find(part, item.source[0], item.source[1] + 1)
                m_start = offset if offset >= 0 else item.source[0]
                last_start = max(last_start, m_start)
                source = describe(part)
                for found_as, how in resolver.resolve_all(source, m_start):
                    speakers.append(Speaker(source, found_as, how, part, m_start, m_start + len(part)))
            if len(parts) > 1:
                resolver.remember_group(last_start, [s.resolved for s in speakers if s.resolved is not None])
        for speaker in speakers:
            resolved = speaker.resolved
            if resolved is not None and resolved.affiliation:
                affiliation = resolver.affiliation(resolved.affiliation, item.cue.start)
                if affiliation != resolved.affiliation:
                    resolved = resolved.evolve(affiliation=affiliation)
            results.append(_record(text, paragraphs[item.paragraph], item, content, quote_spans, resolved, speaker))
        item.described = speakers
        if item.source is not None:
            previous = speakers
    return _untangle(text, _dedupe(results))


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(set(spans)) if len(spans) > 1 else spans:
        start, end = _trim(text, start, end)
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\"“”„«»`',;:—–-"):
        if text[start] == "'" and start + 1 < end and text[start + 1] != "'":
            break
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"“”»`,;:—–-"):
        end -= 1
    if end - start >= 2 and text[end - 2:end] == "''":
        end -= 2
    return start, end


def _medium(text: str, paragraph: Paragraph, item: Found, content: list[list[int]]) -> str | None:
    """How it was said ("in a statement", "told reporters"), from the reporting clause itself."""
    if item.medium:
        return item.medium
    s_start, s_end = item.sentence
    for m_start, m_end in _medium_spans(text, paragraph, max(s_start, item.cue.start - 80),
                                        min(s_end, item.cue.end + 120)):
        if m_start - item.cue.start >= 80:
            break  # too far from the cue, and so is every later one
        if any(c_start < m_end and m_start < c_end for c_start, c_end in content):
            continue
        if abs(m_start - item.cue.start) < 80:
            return text[m_start:m_end]
    return None


def _medium_spans(text: str, paragraph: Paragraph, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where medium phrases stand in ``text[start:end]`` (within ``paragraph``), found as they are read."""
    if paragraph.folded is None:
        for match in _MEDIUM.finditer(text, start, end):
            yield match.span()
        return
    offset = paragraph.start
    for match in _FOLDED_MEDIUM.finditer(paragraph.folded, start - offset, end - offset):
        yield match.start() + offset, match.end() + offset


def _record(text: str, paragraph: Paragraph, item: Found, content: list[list[int]], quote_spans: _Spans,
            resolved: Source | None, speaker: Speaker) -> Attribution:
    start, end = content[0][0], content[-1][1]
    quoted = 0
    total = 0
    for s, e in content:
        total += e - s
        for qs, qe in quote_spans.touching(s, e):
            quoted += max(0, min(e, qe) - max(s, qs))
    fraction = quoted / total if total else 0
    kind = "direct" if fraction >= 0.9 else "mixed" if fraction > 0 else "indirect"
    return Attribution(
        text=text[start:end],
        start=start,
        end=end,
        type=kind,
        cue=item.cue_text,
        cue_start=item.cue.start,
        cue_end=item.cue.end,
        speaker=resolved.label if resolved else None,
        speaker_mention=speaker.mention,
        mention_start=speaker.start,
        mention_end=speaker.end,
        kind=resolved.kind if resolved else None,
        title=resolved.title if resolved else None,
        name=resolved.name if resolved and resolved.kind in ("person", "other") and not resolved.anonymous else None,
        role=resolved.role if resolved else None,
        affiliation=resolved.affiliation if resolved else None,
        anonymous=bool(resolved.anonymous) if resolved else False,
        pronoun=resolved.pronoun if resolved else None,
        description=resolved.mention if resolved else None,
        medium=_medium(text, paragraph, item, content),
        paragraph=item.paragraph,
        fragments=content if len(content) > 1 else [],
        pattern=item.pattern,
        resolution=speaker.how,
    )


def _untangle(text: str, results: list[Attribution]) -> list[Attribution]:
    """Make overlapping contents nest: "Ann said she left, Bob said."

    Bob's claim is "Ann said she left"; Ann's clause must stop where Bob's
    claim stops instead of running over ", Bob said". Of two crossing
    contents, the one that starts later is cut to end where the other ends.
    """
    ordered = sorted(results, key=lambda a: (a.start, -a.end))
    active: list[Attribution] = []  # earlier attributions still open at this point
    for a in ordered:
        active = [b for b in active if b.end > a.start]
        for b in active:
            if b.start < a.start < b.end < a.end and _shares_characters(a, b):
                _cut(text, a, b.end)
        if a.end > a.start:
            active.append(a)
    return [a for a in results if a.end > a.start]


def _shares_characters(a: Attribution, b: Attribution) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in (a.fragments or [[a.start, a.end]])
               for s2, e2 in (b.fragments or [[b.start, b.end]]))


def _cut(text: str, a: Attribution, end: int) -> None:
    """End ``a`` at ``end``: drop the fragments past it and trim what is left."""
    fragments = []
    for start, stop in a.fragments or [[a.start, a.end]]:
        start, stop = _trim(text, start, min(stop, end))
        if stop > start:
            fragments.append([start, stop])
    if not fragments:
        a.end = a.start
        return
    a.start, a.end = fragments[0][0], fragments[-1][1]
    a.fragments = fragments if len(fragments) > 1 else []
    a.text = text[a.start:a.end]


def _dedupe(results: list[Attribution]) -> list[Attribution]:
    """One attribution per (content, speaker); a cue found twice yields one row."""
    seen = set()
    unique = []
    for a in results:
        key = (a.start, a.end, a.speaker)
        if key in seen:
            continue
        seen.add(key)
        unique.append(a)
    return unique
