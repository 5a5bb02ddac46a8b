"""Near-duplicate index: MinHash LSH bands in SQLite, verified by signature.

The crawler computes a story's MinHash (``newsmon.crawler.fingerprint``) and hands the
store plain values: the signature bytes, its shingle count and one 64-bit key
per band. Here they live in two tables::

    article_signatures  article_id -> shingles, signature (NUM_PERM uint32)
    article_bands       (band_key, article_id), a WITHOUT ROWID B-tree

A lookup reads, for each of the query's band keys, the newest
``MAX_PER_KEY`` articles filed under it (one indexed range each), ranks the
articles by how many bands they share, and compares the signatures of the
best few. Capping each key bounds the work however many articles share a
common key: keys made of shingles every story of a niche contains
(项目总投资, 同比增长) fill up with unrelated stories, and a copy shares
several bands anyway. Numbers and the reasoning: docs/dedupe.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

import numpy as np
import sqlite_utils

from .handle import Handle, PgDatabase

__all__ = [
    "NearPrint",
    "NearMatch",
    "JACCARD_THRESHOLD",
    "CONTAINMENT_THRESHOLD",
    "ensure_dedupe_schema",
    "index_near_print",
    "find_near_duplicate",
    "similarity",
    "exact_similarity",
    "is_same_story",
    "title_similarity",
    "coverage",
]

# Same story when the Jaccard similarity of the 4-shingle sets reaches this
# (copies with 15% edited characters measure >= 0.23; two different stories
# of one niche <= 0.07, <= 0.11 when they share a template line) ...
JACCARD_THRESHOLD = 0.17
# Candidates whose signature estimate is below this are not worth verifying.
ESTIMATE_FLOOR = 0.1
# Two stories of one template (开工仪式 notices with another project name and
# other figures) share most of their text but not their headline; a copy keeps
# its headline or most of it. Below this title overlap, the bodies must agree
# far more than an edited copy would need to.
TITLE_THRESHOLD = 0.5
UNTITLED_JACCARD = 0.75
# Two stories of one site may share whole paragraphs verbatim (a standard
# background paragraph) and nothing else; in a copy the shared shingles are
# spread over every paragraph. Share of the shorter text's shingles that sit
# in lines having at least LINE_MATCH of their shingles in the other text.
COVERAGE_THRESHOLD = 0.5
LINE_MATCH = 0.2
# ... or when most of the shorter text's shingles are in the longer one (a copy
# that lost paragraphs), provided the shorter text is not tiny.
CONTAINMENT_THRESHOLD = 0.6
MIN_CONTAINMENT_SHINGLES = 60
MAX_PER_KEY = 32  # newest articles read per band key
MAX_VERIFIED = 24  # candidates whose signatures are compared


@dataclass(frozen=True)
class NearPrint:
    """What the store needs to index or look up one story's near-duplicate signature.

    ``hashes`` (the story's sorted distinct shingle hashes) and ``shingler``
    (the function that made them from a text) let a lookup measure the exact
    similarity to a candidate's stored body instead of trusting the
    signature estimate, whose noise (±0.03 at 128 values) is as large as
    the margin between a template site's two stories and a heavily edited
    copy. Without them the estimate decides.
    """

    signature: bytes  # NUM_PERM little-endian uint32 MinHash values
    shingles: int  # distinct shingles in the story text
    band_keys: Sequence[int]  # one signed 64-bit LSH key per band
    hashes: Optional[np.ndarray] = None
    shingler: Optional[Callable[[str], np.ndarray]] = None


@dataclass(frozen=True)
class NearMatch:
    """A stored story similar enough to be the same story."""

    article_id: int
    jaccard: float
    containment: float


def ensure_dedupe_schema(db: sqlite_utils.Database) -> None:
    """Create the near-duplicate tables if missing (inside the caller's transaction)."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS article_signatures ("
        " article_id INTEGER PRIMARY KEY REFERENCES articles(id),"
        " shingles INTEGER NOT NULL, signature BLOB NOT NULL)"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS article_bands ("
        " band_key INTEGER NOT NULL, article_id INTEGER NOT NULL REFERENCES articles(id),"
        " PRIMARY KEY (band_key, article_id)) WITHOUT ROWID"
    )


def index_near_print(db: Handle, article_id: int, near: NearPrint) -> None:
    """File ``article_id`` under its bands and keep its signature (replacing an older one)."""
    if isinstance(db, PgDatabase):
        with db.connection() as conn:
            conn.execute(
                "INSERT INTO article_signatures (article_id, shingles, signature) VALUES (%s, %s, %s)"
                " ON CONFLICT (article_id) DO UPDATE SET shingles = excluded.shingles, signature = excluded.signature",
                [article_id, near.shingles, near.signature])
            conn.execute("INSERT INTO article_bands (band_key, article_id) SELECT k, %s FROM unnest(%s::bigint[]) k"
                         " ON CONFLICT DO NOTHING", [article_id, [int(k) for k in near.band_keys]])
        return
    db.execute(
        "INSERT OR REPLACE INTO article_signatures (article_id, shingles, signature) VALUES (?, ?, ?)",
        [article_id, near.shingles, near.signature],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in near.band_keys],
    )


def similarity(sig_a: bytes, size_a: int, sig_b: bytes, size_b: int) -> tuple[float, float]:
    """Estimated (Jaccard, containment) of two stories from their signatures and shingle counts.

    Containment is |A ∩ B| / min(|A|, |B|), with |A ∩ B| = J / (1 + J) * (|A| + |B|).
    """
    a = np.frombuffer(sig_a, dtype="<u4")
    b = np.frombuffer(sig_b, dtype="<u4")
    jaccard = float(np.count_nonzero(a == b)) / len(a)
    smaller = max(1, min(size_a, size_b))
    containment = min(1.0, jaccard / (1 + jaccard) * (size_a + size_b) / smaller)
    return jaccard, containment


def is_same_story(
    jaccard: float, containment: float, size_a: int, size_b: int, title_similarity: Optional[float] = None
) -> bool:
    """The decision rule: similar enough as a whole, or one mostly contains the other.

    With ``title_similarity`` (see :func:`title_similarity`) below
    TITLE_THRESHOLD, only near-identical bodies (Jaccard >= UNTITLED_JACCARD) count.
    """
    if title_similarity is not None and title_similarity < TITLE_THRESHOLD:
        return jaccard >= UNTITLED_JACCARD
    if jaccard >= JACCARD_THRESHOLD:
        return True
    return containment >= CONTAINMENT_THRESHOLD and min(size_a, size_b) >= MIN_CONTAINMENT_SHINGLES


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _bigrams(title: str) -> set[str]:
    text = _NOT_WORD.sub("", unicodedata.normalize("NFKC", title).lower())
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def title_similarity(a: str, b: str) -> float:
    """Share of the shorter headline's character bigrams found in the other (0..1).

    A site tag added to a reposted headline (【辽宁】…, …_新闻中心) keeps it at 1.
    """
    x, y = _bigrams(a), _bigrams(b)
    if min(len(x), len(y)) < 3:
        return 1.0  # no real headline to compare ("", "【"): let the bodies decide
    return len(x & y) / min(len(x), len(y))


def _candidate_sql(count: int, mark: str = "?") -> str:
    # One statement, one capped index range per key: newest articles first,
    # because syndicated copies appear within days of the original.
    part = (f"SELECT article_id FROM (SELECT article_id FROM article_bands WHERE band_key = {mark}"
            f" ORDER BY article_id DESC LIMIT {mark}) AS b")
    union = " UNION ALL ".join([part] * count)
    return (f"SELECT article_id, count(*) AS hits FROM ({union}) AS u GROUP BY article_id"
            f" ORDER BY hits DESC, article_id DESC LIMIT {mark}")


_SQL_CACHE: dict[tuple[int, str], str] = {}


class _Rows:
    """The three reads of a lookup, in either backend's SQL."""

    def __init__(self, db: Handle) -> None:
        self.db = db
        self.mark = "%s" if isinstance(db, PgDatabase) else "?"

    def all(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        if isinstance(self.db, PgDatabase):
            with self.db.connection() as conn:
                return [tuple(r) for r in conn.execute(sql.replace("?", "%s"), params).fetchall()]
        return [tuple(r) for r in self.db.execute(sql, params).fetchall()]


def coverage(shorter: str, longer: np.ndarray, shingler: Callable[[str], np.ndarray]) -> float:
    """Share of ``shorter``'s shingles that sit in lines the ``longer`` shingle set shares enough of.

    A line counts when LINE_MATCH of its shingles are in ``longer``: an
    edited copy keeps that much of every paragraph; a different story that
    reuses one stock paragraph matches that line only.
    """
    total = covered = 0
    if len(longer) == 0:
        return 0.0
    for line in shorter.splitlines():
        hashes = shingler(line)
        if len(hashes) == 0:
            continue
        total += len(hashes)
        found = longer[np.minimum(np.searchsorted(longer, hashes), len(longer) - 1)] == hashes
        if np.count_nonzero(found) >= LINE_MATCH * len(hashes):
            covered += len(hashes)
    return covered / total if total else 0.0


def find_near_duplicate(
    db: Handle,
    near: NearPrint,
    title: Optional[str] = None,
    body: Optional[str] = None,
    site: Optional[str] = None,
) -> Optional[NearMatch]:
    """The stored story most similar to ``near`` if it passes :func:`is_same_story`, else None.

    ``title``, the new copy's headline, is compared with each candidate's.
    With ``body`` (the new copy's text) and ``near.shingler`` the candidates'
    stored bodies are compared exactly: the shared text must cover most of
    the shorter story (:func:`coverage`), and between two pages of one
    ``site`` the lines both carry verbatim are set aside first (a site's
    stock opening and closing are its template, not the story).
    """
    keys = list(near.band_keys)
    if not keys:
        return None
    reader = _Rows(db)
    sql = _SQL_CACHE.get((len(keys), reader.mark))
    if sql is None:
        sql = _SQL_CACHE[(len(keys), reader.mark)] = _candidate_sql(len(keys), reader.mark)
    params: list[Any] = []
    for key in keys:
        params += [int(key), MAX_PER_KEY]
    params.append(MAX_VERIFIED)
    candidates = [row[0] for row in reader.all(sql, params)]
    if not candidates:
        return None
    marks = ",".join("?" * len(candidates))
    rows = reader.all(
        f"SELECT article_id, shingles, signature FROM article_signatures WHERE article_id IN ({marks})", candidates
    )
    exact = near.hashes is not None and near.shingler is not None
    scored = []
    for article_id, shingles, signature in rows:
        jaccard, containment = similarity(near.signature, near.shingles, bytes(signature), shingles)
        if jaccard < ESTIMATE_FLOOR and containment < CONTAINMENT_THRESHOLD / 2:
            continue
        scored.append((article_id, jaccard, containment, shingles))
    # Most similar first; the first that passes is the match (exact checks cost ~1 ms each).
    scored.sort(key=lambda c: (c[1], c[2]), reverse=True)
    for article_id, jaccard, containment, shingles in scored:
        found = reader.all("SELECT title, site FROM articles WHERE id = ?", [article_id])
        if not found:
            continue
        stored = found[0]
        headline = title_similarity(title, stored[0]) if title is not None else None
        if exact:
            if headline is not None and headline < TITLE_THRESHOLD and jaccard < UNTITLED_JACCARD - ESTIMATE_FLOOR:
                continue  # would need near-identical bodies; the estimate says they are not
            text = reader.all("SELECT body FROM articles WHERE id = ?", [article_id])[0][0]
            match = _verify(near, body, headline, text, same_site=site is not None and site == stored[1])
            if match is None:
                continue
            jaccard, containment = match
        elif not is_same_story(jaccard, containment, near.shingles, shingles, headline):
            continue
        return NearMatch(article_id, jaccard, containment)
    return None


def _verify(
    near: NearPrint, body: Optional[str], headline: Optional[float], stored: str, *, same_site: bool
) -> Optional[tuple[float, float]]:
    """Exact (Jaccard, containment) if ``stored`` is the same story as the new copy, else None."""
    shingler = near.shingler
    assert shingler is not None and near.hashes is not None
    ours, theirs = near.hashes, shingler(stored)
    if same_site and body is not None:
        common = {line.strip() for line in body.splitlines()} & {line.strip() for line in stored.splitlines()}
        common.discard("")
        if common:
            body = "\n".join(line for line in body.splitlines() if line.strip() not in common)
            stored = "\n".join(line for line in stored.splitlines() if line.strip() not in common)
            ours, theirs = shingler(body), shingler(stored)
            if len(ours) == 0 and len(theirs) == 0:
                return 1.0, 1.0  # every line the same
    jaccard, containment = exact_similarity(ours, theirs)
    if not is_same_story(jaccard, containment, len(ours), len(theirs), headline):
        return None
    if body is not None:
        if len(ours) <= len(theirs):
            spread = coverage(body, theirs, shingler)
        else:
            spread = coverage(stored, ours, shingler)
        if spread < COVERAGE_THRESHOLD:
            return None
    return jaccard, containment


def exact_similarity(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard, containment) of two sorted arrays of distinct shingle hashes."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common), common / min(len(a), len(b))
