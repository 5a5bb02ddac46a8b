"""The text form every back end matches in: one definition of "a term occurs in a story".

A query term and a story are both reduced to their *canonical text*: NFKC
(full-width letters and digits become ASCII), lower case, diacritics of Latin
letters removed, and then only the tokens, separated by single spaces: a
*word* is a run of letters and digits (not CJK), a *CJK run* a run of Chinese,
Japanese or Korean characters; everything else (spaces, punctuation, symbols)
only separates tokens::

    "氪氙气体项目 by Air-Liquide！"  ->  "氪氙气体项目 by air liquide"

A term occurs in a story when its canonical text occurs in the story's
canonical text, and a word at either end of the term is a whole word there
(``ai`` does not match ``said``; CJK matches anywhere inside a run). This is
exactly what the SQLite FTS5 index (``newsmon.db.cjk``: words as
``unicode61`` tokens, CJK runs as bigrams) finds, so a search and an alert
rule with the same text find the same stories.

Regular expressions are not tokenised: they search the NFKC text
(:func:`regex_text`), case-insensitively.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "CJK_CLASS",
    "CJK_RUN",
    "TOKEN",
    "canonical_text",
    "is_cjk",
    "is_word_char",
    "nfkc",
    "occurs",
    "regex_text",
]

CJK_CLASS = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\U00020000-\U0002ffff"  # CJK Extensions B-F
)
CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
# A token: a CJK run, or a word as SQLite's unicode61 sees one (letters and
# digits; `_` and punctuation separate).
TOKEN = re.compile(f"[{CJK_CLASS}]+|[^\\W_{CJK_CLASS}]+")
# Latin letters that may carry diacritics (unicode61 remove_diacritics covers Latin).
_LATIN_MARKED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]+")


def _strip_marks(match: re.Match[str]) -> str:
    decomposed = unicodedata.normalize("NFD", match.group())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, skipping the work for text that is already NFKC."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def canonical_text(text: str) -> str:
    """``text`` reduced to its tokens (NFKC, lower case, no Latin diacritics), one space apart."""
    if not text:
        return ""
    text = nfkc(text).lower()
    if not text.isascii():
        text = _LATIN_MARKED.sub(_strip_marks, text)
    return " ".join(TOKEN.findall(text))


def regex_text(text: str) -> str:
    """The text a ``/regex/`` searches: NFKC, otherwise as stored (regexes are case-insensitive)."""
    return nfkc(text or "")


def is_cjk(char: str) -> bool:
    """True if ``char`` is a CJK character (matched anywhere, indexed as bigrams)."""
    return bool(CJK_RUN.fullmatch(char))


def is_word_char(char: str) -> bool:
    """True for letters and digits that form Latin-style words (not CJK, which matches anywhere)."""
    return char.isalnum() and not is_cjk(char)


def occurs(term: str, text: str) -> bool:
    """True if canonical ``term`` occurs in canonical ``text`` (whole words at a word end of the term)."""
    if not term:
        return False
    start_word, end_word = is_word_char(term[0]), is_word_char(term[-1])
    size, last = len(term), len(text)
    at = text.find(term)
    while at >= 0:
        end = at + size
        if (not start_word or at == 0 or text[at - 1] == " ") and (not end_word or end == last or text[end] == " "):
            return True
        at = text.find(term, at + 1)
    return False
