"""Site furniture: the comment forms, share buttons, sign-in boxes, newsletter and cookie prompts,
copyright lines and link lists that sites wrap around a story, found line by line and trimmed."""

import re

from .files import ArticleError
from .paragraphs import count_words

# Site furniture is a short line: a longer one is prose, whatever words it uses.
_MAX_FURNITURE_WORDS = 15

# The words sites wrap around a story. A line is furniture only when it is short
# (at most _MAX_FURNITURE_WORDS words, or the given limit) and one of these matches
# it, mostly from its start, so the story's own sentences about comments, cookies or
# copyright are left alone. Case-insensitive; leading bullets are ignored.
_FURNITURE = [
    # comment forms: "Type your comment and click", "or register to post a comment.", "12 comments"
    r"^(?:type|post|leave|add|write|submit)\s+(?:a\s+|your\s+|new\s+)?comments?\b",
    r"^(?:view|show|hide|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?\b",
    r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?:?$",
    r"^(?:or\s+|and\s+|please\s+)?(?:log\s?in|sign\s?in|register|subscribe)\b.{0,30}?\bto\s+(?:post|comment|reply|continue|read|view)\b",
    # sharing: "Bookmark and Share", "Share this article", a lone "Twitter"
    r"^(?:bookmark and share|share (?:this|on|via)\b|(?:e-?mail|print|tweet) this\b)",
    # sign-in boxes: "* required field", "User ID*", "enter user ID or e-mail to recover login credentials"
    r"^(?:required fields?|indicates (?:a )?required)",
    r"^(?:user ?(?:id|name)|e-?mail(?: address)?|password|name|comment)\s*\*?:?$",
    r"^(?:forgot(?:ten)?|reset|recover|lost)\s+(?:your\s+)?(?:password|login|user ?(?:id|name)|credentials)\b",
    r"^enter\b.{0,60}\bto\s+(?:recover|reset|retrieve)\b",
    r"^(?:log\s?in|sign\s?in|log\s?out|sign\s?out|sign\s?up|register|subscribe|create (?:an|your) account)"
    r"(?: now| here| today| for free)?[.!:]?$",
    # newsletters and subscriptions: "Sign up for our newsletter", "Click here to subscribe"
    r"^(?:sign up|subscribe|get)\b.{0,40}\b(?:newsletters?|alerts|updates|e-?mails?|digest|briefing)\b",
    r"^(?:click|tap) here\b",
    r"^follow (?:us|\w+(?: \w+)?) on (?:twitter|facebook|instagram|x|linkedin|threads|bluesky)\b",
    # copyright: "Copyright 2016 Dow Jones & Company, Inc. All Rights Reserved."
    r"^(?:copyright\b|©|\(c\)\s*\d{4})",
    r"\ball rights reserved\b",
]
# The headings of link lists: "Related:", "Read more:", "You may also like", "Tags:". The
# short link texts right after one go with it (see trim_furniture).
_LIST_HEADINGS = [
    r"^(?:related|related (?:stories|articles|coverage|content|links|posts|topics|reading)|read (?:more|also|next)"
    r"|more (?:stories|news|on this(?: story)?)|see also|recommended(?: for you| reading)?|most (?:popular|read|viewed)"
    r"|trending(?: now)?|further reading|top stories|you (?:may|might) also (?:like|be interested in))\s*(?::|[»›>]|$)",
    r"^(?:tags|filed under|topics|categories)\s*:",
]
# Cookie notices run longer than other furniture but are just as recognisable.
_COOKIES = [r"^(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing|using)\b.{0,40}\byou (?:agree|accept|consent)"
            r"|(?:accept|allow|manage|reject) (?:all )?cookies)"]
# Ad markers and lone share buttons sit inside a story too.
_AD_MARKERS = [
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|skip advertisement|continue reading(?: the main story| below)?"
    r"|(?:story|article) continues below(?: this)?(?: advertisement)?)[.:]?$",
    r"^(?:share|tweet|facebook|twitter|linkedin|whatsapp|reddit|pinterest|e-?mail|print|copy link|pin it)[.:!]?$",
]
_FURNITURE_RULES = (
    [(re.compile(p, re.I), _MAX_FURNITURE_WORDS, "site") for p in _FURNITURE]
    + [(re.compile(p, re.I), _MAX_FURNITURE_WORDS, "list") for p in _LIST_HEADINGS]
    + [(re.compile(p, re.I), 60, "site") for p in _COOKIES]
    + [(re.compile(p, re.I), 4, "ad") for p in _AD_MARKERS]
)
_BULLET_MARKS = "*•·|>»›►▸-"
_BULLET = re.compile(r"^[\s" + re.escape(_BULLET_MARKS) + "]+")
_BULLET_FIRST = frozenset(_BULLET_MARKS)  # a line starting otherwise has no bullet to strip
# The word limits of the rules, shortest first, and for each limit the rules that a
# line within it may match, in their order above (the first match decides the kind).
# Most lines are the story's long sentences: only the cookie rules are tried on them.
_LIMITS = sorted({max_words for _, max_words, _ in _FURNITURE_RULES})
_RULES_WITHIN = {
    limit: [(pattern, kind) for pattern, max_words, kind in _FURNITURE_RULES if max_words >= limit]
    for limit in _LIMITS
}
# The rules with the longest limit (cookie notices) as one pattern: tried on every long line.
_LONGEST = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _RULES_WITHIN[_LIMITS[-1]]), re.I)


# Words that make a short line the story's own: a quotation mark or a reporting verb.
# "Copyright law is outdated," she said. is a sentence, not a copyright line.
_STORY_WORDS = re.compile(r"[\"“”„]|\b(?:said|says|told)\b", re.I)  # not « »: "Read more »" is an arrow


def furniture(line: str) -> str | None:
    """ "site" for site furniture, "list" for the heading of a link list, "ad" for an ad marker or a lone
    share button, None for the story's own words."""
    tidy = line[:1] not in _BULLET_FIRST and not line[:1].isspace() and not line[-1:].isspace()
    core = line if tidy else _BULLET.sub("", line).strip()
    if not core:
        return "ad" if line.strip() else None  # a lone "|" or "* * *"
    # The words are counted once, not once a rule; maxsplit stops counting just past a
    # limit, so a long paragraph is not split into all of its words.
    words = len(core.split(None, _LIMITS[-2]))
    if words > _LIMITS[-2]:
        # Most lines: the story's sentences, which only the longest rules (cookie notices) may
        # match; their words are counted further only for a line that matches.
        if not _LONGEST.search(core):
            return None
        words = len(core.split(None, _LIMITS[-1]))
    elif _STORY_WORDS.search(core):
        return "site" if _LONGEST.search(core) else None
    for limit in _LIMITS:
        if words <= limit:
            for pattern, kind in _RULES_WITHIN[limit]:
                if pattern.search(core):
                    return kind
            break
    return None


# A link in a list: a short line that does not end as a sentence does (headlines have no full stop).
_SENTENCE_END = re.compile(r"[.!;,:][\"'’”»)\]]*$")


def _link_text(line: str) -> bool:
    return (count_words(line) <= _MAX_FURNITURE_WORDS and not _SENTENCE_END.search(line)
            and not _STORY_WORDS.search(line))


def trim_furniture(paragraphs: list[list[str]]) -> tuple[list[list[str]], int]:
    """The paragraphs without their furniture lines, and how many characters those lines held.

    Only what is furniture by itself goes, wherever it is: a copyright line or a
    newsletter prompt, never the story after it. The one exception is a link list: the
    short link texts right after a "Related:" or "Read more:" heading go with it, up to
    the first line that reads as a sentence.
    """
    kept: list[list[str]] = []
    trimmed = 0
    in_list = False
    for paragraph in paragraphs:
        lines = []
        for line in paragraph:
            kind = furniture(line)
            if kind is None and in_list and _link_text(line):
                kind = "link"
            if kind is None:
                in_list = False
                lines.append(line)
            else:
                in_list = in_list or kind == "list"
                trimmed += len(line)
        if lines:
            kept.append(lines)
    return kept, trimmed


def drop_leading_furniture(paragraphs: list[list[str]]) -> tuple[list[list[str]], int]:
    """Furniture above the headline ("Share this article", "Advertisement") is not the header."""
    trimmed = 0
    while paragraphs and paragraphs[0] and furniture(paragraphs[0][0]):
        trimmed += len(paragraphs[0][0])
        paragraphs = [paragraphs[0][1:]] + paragraphs[1:] if len(paragraphs[0]) > 1 else paragraphs[1:]
    return paragraphs, trimmed


def clean_text(path, paragraphs: list[list[str]]) -> tuple[str, int]:
    """The cleaned article text (furniture trimmed, paragraphs joined by one blank line) and the characters trimmed."""
    paragraphs, trimmed = trim_furniture(paragraphs)
    text = "\n\n".join("\n".join(lines) for lines in paragraphs)
    if not text.strip():
        raise ArticleError(path, "no article text left after cleaning")
    return text, trimmed
