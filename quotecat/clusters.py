"""Where else was this said: quotations repeated across articles, found by their words.

Wire copy runs the same quotation in many outlets, and a quotation is recycled months
later, sometimes under another name. Quotations with the same or nearly the same words
(after case, punctuation and spacing are set aside) form a cluster, ``quote_clusters``,
which ``quotes.cluster_id`` points to; a cluster whose quotations go to different named
speakers in different articles is flagged ``attributed_differently``, the fact-checker's
lead.

Near-duplicates are found with MinHash over word 3-shingles, in its one-permutation form
(each shingle hashed once, the minimum kept per bin) and banded for locality-sensitive
hashing: quotations that agree on both bins of any band are candidates, and a candidate
joins a cluster only if its shingles really overlap (Jaccard >= ``SIMILAR``). The band
keys go to a temporary SQLite table and are grouped there, so memory holds the pairs
being checked, not the catalogue.
"""

import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterator
from itertools import groupby, repeat
from operator import itemgetter

import sqlite_utils

# Only quotations in the speaker's own words (direct, mixed) of at least MIN_WORDS words form
# clusters. Measured on a build of ../shared/polnear-train (822 articles, 12,385 rows), counting
# spans repeated word for word in two articles or more: of 1-5 words, 16 groups, 7 of them
# attributed to different named speakers (stock phrases, a name alone: different people saying
# the same few words, not one quotation); direct and mixed of 6 words or more, 55 groups, 2 to
# different speakers. Reported speech repeated word for word (55 groups of 6+ words) is one story
# run twice (wire copy) whose quotations are linked already, and leaving it out halves the rows
# to hash (46% of rows are indirect). Below 6 words a quotation has under 4 shingles, too few for
# "nearly the same" to mean anything.
MIN_WORDS = 6
TYPES = ("direct", "mixed")
# One-permutation MinHash: BINS minima, banded BAND at a time. With 5 bands of 3 bins a pair
# with Jaccard 0.9 is a candidate with probability 1 - (1 - 0.9**3)**5 = 0.998, at 0.8 0.97,
# at 0.7 0.88, at 0.6 0.70, at 0.3 0.13 (then rejected by the check), at 0.1 0.005. With 4
# bands of 2, the synthetic corpus of ./scripts/bench (clauses drawn from short lists, so
# quotations share many shingles) made 3 candidate pairs a quotation, and checking them was
# most of the time.
BINS = 15
BAND = 3
# Shingle Jaccard at or above which two quotations are the same quotation: "nearly the same
# words" (a word changed in 20, or a clause cut off one end).
SIMILAR = 0.6

_EMPTY = 1 << 32  # above every crc32: a bin no shingle fell in
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """ "“We’ll  WIN,” she—said" -> ["well", "win", "she", "said"]: case, punctuation and spacing set aside."""
    # str.replace, not str.translate: 60 times faster on these strings.
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold().replace("'", "").replace("\u2019", ""))


def shingles(tokens: list[str]) -> set[int]:
    """crc32 of each run of three words (of all of them for a shorter text): stable across runs and machines."""
    if len(tokens) < 3:
        return {zlib.crc32(" ".join(tokens).encode("utf-8"))}
    return {zlib.crc32(f"{a} {b} {c}".encode("utf-8")) for a, b, c in zip(tokens, tokens[1:], tokens[2:])}


def band_keys(hashes: set[int]) -> list[int]:
    """The LSH keys of one quotation: one per band of its one-permutation MinHash signature.

    An empty bin takes the value of the next filled one to its right, changed by the distance
    (Shrivastava and Li's densification): without it every short quotation shares the
    empty bands of every other, and on polnear-train 2,688 of 6,000 quotations were candidates.
    """
    signature = [_EMPTY] * BINS
    for h in hashes:
        b = h % BINS
        if h < signature[b]:
            signature[b] = h
    if _EMPTY in signature:
        filled = list(signature)
        for b in range(BINS):
            if filled[b] == _EMPTY:
                for distance in range(1, BINS):
                    value = filled[(b + distance) % BINS]
                    if value != _EMPTY:
                        signature[b] = (value + distance * 0x9E3779B1) & 0xFFFFFFFF
                        break
    # A band's number and minima hashed into one SQLite integer: Python's hash of a tuple of ints
    # is the same in every process (only str and bytes hashes are salted), and a clash between
    # two bands only adds a candidate, which the check rejects.
    return [hash((band, *signature[band:band + BAND])) for band in range(0, BINS, BAND)]


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def signature(text: str, kind: str) -> tuple[bytes, list[int]] | None:
    """A quotation's shingles (packed, for the check) and band keys; None for one that forms no cluster.

    A pure function of the row, so the build's workers compute it with the rows (``Signatures``).
    """
    if kind not in TYPES:
        return None
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    found = shingles(tokens)
    return array("I", found).tobytes(), band_keys(found)


class Signatures:
    """The signatures of the quotes rows as the build writes them, for ``cluster`` at the end.

    Workers compute them with the rows, so the end of a build, which runs on one core while the
    others idle, only groups them: on 824 real articles hashing the quotations there was 0.3 s of
    the 0.4 s clustering took.
    """

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        _create_temporary(db)
        self.bands: list[tuple[int, int]] = []
        self.hashes: list[tuple[int, str, bytes]] = []

    def add(self, rowid: int, quote_id: str, found: tuple[bytes, list[int]] | None) -> None:
        """The quotes row ``rowid`` (with id ``quote_id``) has signature ``found``."""
        if found is not None:
            packed, keys = found
            self.hashes.append((rowid, quote_id, packed))
            self.bands.extend(zip(keys, repeat(rowid)))

    def flush(self) -> None:
        _flush(self.db, self.bands, self.hashes)


def _create_temporary(db: sqlite_utils.Database) -> None:
    # Each eligible quotation's shingles (for the check) and band keys, on disk, not in memory.
    db.execute("create temporary table _shingles (quote integer primary key, id text, hashes blob)")
    db.execute("create temporary table _bands (key integer, quote integer)")


def _gathered(db: sqlite_utils.Database) -> bool:
    """Did the build gather the signatures as it wrote (``Signatures``)? Then keep those of the rows still there
    (a correction deletes rows); if any row is not where they say, drop them and start over."""
    if not db.execute("select 1 from sqlite_temp_master where name = '_shingles'").fetchone():
        return False
    with db.conn:
        db.execute("delete from _shingles where quote not in (select rowid from quotes)")
        db.execute("delete from _bands where quote not in (select quote from _shingles)")
    moved = db.execute("select 1 from _shingles s join quotes q on q.rowid = s.quote where q.id != s.id limit 1")
    if moved.fetchone() is None:
        return True
    db.execute("drop table _bands")
    db.execute("drop table _shingles")
    return False


def cluster(db: sqlite_utils.Database) -> int:
    """Fill ``quote_clusters`` and ``quotes.cluster_id`` from the finished quotes; return the number of clusters.

    Runs after corrections and before the counts and indexes (``schema.finish``); run again on
    a finished database (./scripts/bench times it so), it starts over. The signatures are the
    ones the build gathered (``Signatures``), else computed here.
    """
    if "cluster_id" in db["quotes"].columns_dict:
        with db.conn:
            db.execute("update quotes set cluster_id = null where cluster_id is not null")
            db.execute("delete from quote_clusters")
    else:
        db.execute("alter table quotes add column cluster_id text references quote_clusters(id)")
    if not _gathered(db):
        _create_temporary(db)
        bands: list[tuple[int, int]] = []
        hashes: list[tuple[int, str, bytes]] = []
        with db.conn:
            for rowid, quote_id, found in _eligible(db):
                hashes.append((rowid, quote_id, found[0]))
                bands.extend((key, rowid) for key in found[1])
                if len(bands) >= 20_000:
                    _flush(db, bands, hashes)
            _flush(db, bands, hashes)
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    candidates = db.execute("""
        select _bands.key, _bands.quote, _shingles.hashes
        from _bands join _shingles on _shingles.quote = _bands.quote
        where _bands.key in (select key from _bands group by key having count(*) > 1)
        order by _bands.key, _bands.quote""")
    for _, group in groupby(candidates, key=itemgetter(0)):
        _, first, first_hashes = next(group)
        first_set = _unpack(first_hashes)
        for _, other, other_hashes in group:
            a, b = root(first), root(other)
            if a != b and jaccard(first_set, _unpack(other_hashes)) >= SIMILAR:
                parent[max(a, b)] = min(a, b)
    db.execute("drop table _bands")
    db.execute("drop table _shingles")
    components: dict[int, list[int]] = {}
    for rowid in parent:
        components.setdefault(root(rowid), []).append(rowid)
    return _write(db, [sorted(set(members) | {top}) for top, members in components.items()])


def _flush(db, bands: list, hashes: list) -> None:
    db.conn.executemany("insert into _bands values (?, ?)", bands)
    db.conn.executemany("insert into _shingles values (?, ?, ?)", hashes)
    bands.clear()
    hashes.clear()


def _unpack(blob: bytes) -> set[int]:
    hashes = array("I")
    hashes.frombytes(blob)
    return set(hashes)


def _eligible(db: sqlite_utils.Database) -> Iterator[tuple[int, str, tuple[bytes, list[int]]]]:
    cursor = db.conn.execute(
        f"select rowid, id, text, type from quotes where type in ({', '.join('?' * len(TYPES))}) order by rowid", TYPES)
    for rowid, quote_id, text, kind in cursor:
        found = signature(text, kind)
        if found is not None:
            yield rowid, quote_id, found


def _write(db: sqlite_utils.Database, components: list[list[int]]) -> int:
    """One quote_clusters row per group of quotations spread over two articles or more."""
    clusters, assignments = [], []
    db.execute("create temporary table _members (quote integer primary key, component integer)")
    with db.conn:
        db.conn.executemany("insert into _members values (?, ?)",
                            ((rowid, n) for n, rowids in enumerate(components) for rowid in rowids))
    cursor = db.execute("""
        select _members.component, quotes.rowid, quotes.id, quotes.article_id, quotes.speaker_id, quotes.anonymous,
          quotes.text
        from _members join quotes on quotes.rowid = _members.quote order by _members.component""")
    for _, rows in groupby(cursor, key=itemgetter(0)):
        rows = list(rows)
        rowids = [row[1] for row in rows]
        members = [row[2:] for row in rows]
        if len({m[1] for m in members}) < 2:
            continue  # one article repeating itself, or one claim with two sources
        members.sort()
        cluster_id = members[0][0]  # the first quotation's id: stable while it is in the catalogue
        articles_of: dict[str, set[str]] = {}
        for _, article_id, speaker_id, anonymous, _ in members:
            if speaker_id is not None and not anonymous:
                articles_of.setdefault(speaker_id, set()).add(article_id)
        clusters.append({
            "id": cluster_id,
            "text": members[0][4],
            "words": len(words(members[0][4])),
            "quotes": len(members),
            "articles": len({m[1] for m in members}),
            "speakers": len({m[2] for m in members if m[2] is not None}),
            "attributed_differently": int(_differently(articles_of)),
        })
        assignments.extend((cluster_id, rowid) for rowid in rowids)
    db.execute("drop table _members")
    with db.conn:
        db["quote_clusters"].insert_all(clusters)
        db.conn.executemany("update quotes set cluster_id = ? where rowid = ?", assignments)
    db["quotes"].create_index(["cluster_id"], if_not_exists=True)
    return len(clusters)


def _differently(articles_of: dict[str, set[str]]) -> bool:
    """Two named speakers with the quotation in two different articles (not one claim with two sources)."""
    speakers = list(articles_of.values())
    for i, first in enumerate(speakers):
        for second in speakers[i + 1:]:
            if not (len(first) == 1 and first == second):
                return True
    return False
