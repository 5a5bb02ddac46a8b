"""Fingerprints of article text: exact (SHA-1) and near-duplicate (MinHash).

Two copies of a story that differ only in whitespace, full-width vs half-width
punctuation or Unicode composition get the same exact fingerprint; copies
with different bylines, a dropped sentence, merged paragraphs or ~10% edited
characters get MinHash signatures that agree in many positions.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

__all__ = [
    "NearSignature",
    "band_key_matrix",
    "band_keys",
    "minhash_values",
    "near_signature",
    "normalise_text",
    "shingle_hashes",
    "story_text",
    "text_fingerprint",
]

# After NFKC (which maps full-width ASCII to half-width) drop everything that
# is not a letter or digit: punctuation and spacing vary between portals.
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_text(text: str) -> str:
    """Lower-cased NFKC text with whitespace and punctuation removed."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def text_fingerprint(text: str) -> str:
    """SHA-1 hex digest of :func:`normalise_text` (40 characters)."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


# -- near-duplicate layer -------------------------------------------------------
#
# MinHash over character 4-shingles of the normalised body, computed with
# numpy (one vectorised pass; datasketch's per-shingle SHA-1 loop costs ~4 ms
# a document). 4-shingles: a 15% character edit rate still leaves a copy at
# Jaccard >= 0.23, while two different stories of one niche share far fewer
# 4-shingles than 3-shingles (common phrases such as 项目总投资 stop
# dominating). Measurements and the band layout: docs/dedupe.md.

SHINGLE_SIZE = 4
NUM_PERM = 128
BAND_ROWS = 2
NUM_BANDS = NUM_PERM // BAND_ROWS

_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_rng = np.random.default_rng(20230404)  # fixed: signatures must be comparable across runs
_PERM_A = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_PERM_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_BAND_SALT = _rng.integers(0, 2**63, size=NUM_BANDS, dtype=np.uint64)

# Lines portals add around a reposted story ("来源：辽宁日报", "责任编辑：王强"):
# not the story, so not shingled.
_BYLINE = re.compile(
    r"^\W{0,3}(来源|稿源|信息来源|文章来源|本文来源|图片来源|责任编辑|责编|编辑|实习编辑|校对|审核|审校|监制|作者|记者|"
    r"通讯员|摄影|摄|原标题|原文标题|转自|转载自|发布时间|发布日期|浏览次数|点击数|阅读数)\s*[:：]"
)


def _splitmix64(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        x = x + np.uint64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        mixed: np.ndarray = x ^ (x >> np.uint64(31))
        return mixed


def story_text(text: str) -> str:
    """``text`` without the short byline lines portals add (来源/责任编辑/记者…), normalised."""
    kept = [line for line in text.splitlines() if not (len(line) <= 60 and _BYLINE.match(line.strip()))]
    return normalise_text("\n".join(kept))


def shingle_hashes(text: str) -> np.ndarray:
    """Distinct 64-bit hashes of the character 4-shingles of :func:`story_text` (sorted)."""
    chars = np.frombuffer(story_text(text).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(chars) == 0:
        return np.zeros(0, dtype=np.uint64)
    if len(chars) < SHINGLE_SIZE:  # a very short text is one shingle
        chars = np.concatenate([chars, np.zeros(SHINGLE_SIZE - len(chars), dtype=np.uint64)])
    n = len(chars) - SHINGLE_SIZE + 1
    # Code points fit in 21 bits: three pack exactly, the fourth is mixed in.
    packed = chars[:n] | (chars[1 : n + 1] << np.uint64(21)) | (chars[2 : n + 2] << np.uint64(42))
    return np.unique(_splitmix64(_splitmix64(packed) ^ chars[3 : n + 3]))


@dataclass(frozen=True)
class NearSignature:
    """A story's MinHash: what the store indexes for near-duplicate lookups.

    ``values``: NUM_PERM 32-bit minima (``signature`` is their bytes);
    ``shingles``: distinct shingle count (turns Jaccard into containment);
    ``band_keys``: one signed 64-bit key per band of BAND_ROWS values.
    """

    values: np.ndarray
    shingles: int
    hashes: np.ndarray  # the sorted distinct shingle hashes themselves

    @property
    def signature(self) -> bytes:
        """The values as little-endian uint32 bytes (NUM_PERM * 4)."""
        return self.values.astype("<u4").tobytes()

    @property
    def band_keys(self) -> list[int]:
        """Signed 64-bit SQLite integers, one per band."""
        return band_keys(self.values)


def band_keys(values: np.ndarray) -> list[int]:
    """LSH band keys of a MinHash ``values`` array (NUM_PERM uint32) as signed 64-bit ints."""
    return [int(k) for k in band_key_matrix(values[None, :])[0]]


def band_key_matrix(values: np.ndarray) -> np.ndarray:
    """Band keys (n x NUM_BANDS int64) of n MinHash rows (n x NUM_PERM uint32) at once."""
    rows = values.astype(np.uint64).reshape(len(values), NUM_BANDS, BAND_ROWS)
    packed = (rows[:, :, 0] << np.uint64(32)) | rows[:, :, 1]
    return _splitmix64(packed ^ _BAND_SALT[None, :]).view(np.int64)


def minhash_values(hashes: np.ndarray) -> np.ndarray:
    """NUM_PERM MinHash values (uint32) of a set of 64-bit shingle hashes.

    Permutation i is ``(a_i * x + b_i) mod 2**64``, top 32 bits (multiply-shift
    hashing); the empty set gives all-ones.
    """
    if len(hashes) == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    out = np.empty(NUM_PERM, dtype=np.uint32)
    with np.errstate(over="ignore"):
        # Chunked so a 40,000-shingle page stays a few MB.
        for start in range(0, NUM_PERM, 32):
            a = _PERM_A[start : start + 32, None]
            b = _PERM_B[start : start + 32, None]
            permuted = (a * hashes[None, :] + b) >> np.uint64(32)
            out[start : start + 32] = permuted.min(axis=1)
    return out


def near_signature(text: str) -> NearSignature:
    """The near-duplicate signature of an article body (see :class:`NearSignature`)."""
    hashes = shingle_hashes(text)
    return NearSignature(minhash_values(hashes), len(hashes), hashes)
