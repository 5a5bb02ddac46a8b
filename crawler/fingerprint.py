"""Fingerprints of article text for exact-duplicate detection.

Two copies of a story that differ only in whitespace, full-width vs half-width
punctuation or Unicode composition get the same fingerprint.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["normalise_text", "text_fingerprint"]

# After NFKC (which maps full-width ASCII to half-width) drop everything that
# is not a letter or digit: punctuation and spacing vary between portals.
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_text(text: str) -> str:
    """Lower-cased NFKC text with whitespace and punctuation removed."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def text_fingerprint(text: str) -> str:
    """SHA-1 hex digest of :func:`normalise_text` (40 characters)."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()
