"""The text form every back end matches in: one definition of "a term occurs in a story".

A query term and a story are both reduced to their *canonical text*: NFKC
(full-width letters and digits become ASCII), lower case, diacritics of Latin
letters removed, and then only the tokens, separated by single spaces: a
*word* is a run of letters and digits (not CJK), a *CJK run* a run of Chinese,
Japanese or Korean characters; everything else (spaces, punctuation, symbols)
only separates tokens::

    "氪氙气体项目 by Air-Liquide！"  ->  "氪氙气体项目 by air liquide"

Traditional characters (繁體) are folded to simplified ones, one character for one
(:func:`fold_script`), so ``开工 项目`` and ``開工 項目`` have one canonical text::

    "開工項目 開發區"  ->  "开工项目 开发区"

A term occurs in a story when its canonical text occurs in the story's
canonical text, and a word at either end of the term is a whole word there
(``ai`` does not match ``said``; CJK matches anywhere inside a run). This is
exactly what the SQLite FTS5 index (``newsmon.db.cjk``: words as
``unicode61`` tokens, CJK runs as bigrams) finds, so a search and an alert
rule with the same text find the same stories.

Regular expressions are not tokenised: they search the NFKC text
(:func:`regex_text`), case-insensitively, and not folded either: a regex means the characters
it names (``/開工/`` finds only the traditional spelling; write ``/[开開]工/`` for both).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

__all__ = [
    "CJK_CLASS",
    "CJK_RUN",
    "TOKEN",
    "canonical_text",
    "fold_script",
    "is_cjk",
    "either_script_pattern",
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




def _load_fold() -> tuple[dict[int, int], re.Pattern[str]]:
    """The traditional → simplified table (``str.translate``) and a pattern finding a character it changes.

    A committed file generated from OpenCC (``data/make_fold.py``), not built from OpenCC at import:
    building costs ~75 ms per process (converting ~93,000 code points), loading this ~3 ms, and the
    table the stored indexes were built with must not change with the installed OpenCC version (a
    new table means a new ``db.cjk.TOKENIZER_VERSION`` and a rebuilt index, on purpose).
    """
    pairs = [line.split(" ") for line in
             (Path(__file__).parent / "data" / "t2s_chars.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    traditional = "".join(pair[0] for pair in pairs)
    table = str.maketrans(traditional, "".join(pair[1] for pair in pairs))
    # The gate: a scan costs ~9 ns a character, translate ~100, so text without a traditional character
    # (most stories) is not translated. Characters past the BMP go in as one range: sre checks those
    # one by one after its bitmap, and 900 of them would make every miss slow.
    bmp = "".join(char for char in traditional if ord(char) < 0x10000)
    return table, re.compile(f"[{bmp}\U00010000-\U0010ffff]")


_FOLD, _FOLDED_CHAR = _load_fold()


def fold_script(text: str) -> str:
    """``text`` with each traditional character replaced by its simplified form, one character for one.

    Lengths and positions do not change (``fold_script(s)[i]`` is the fold of ``s[i]``): a match found
    in folded text is the same characters of the original, and a term can be looked for in stored text
    as it is, one character class per character (:func:`either_script_pattern`, for snippets).
    Per character, not phrase-aware (OpenCC's ``t2s`` converts 乾隆 and 乾燥 differently): a term and
    the same words inside a story fold alike whatever surrounds them. Simplified text is unchanged but
    for characters that are themselves traditional forms: 乾 → 干, 於 → 于, 後 → 后, 髮 → 发. That
    merges a few words (陕西乾县 is found by 干县 too), which search can live with: query and story fold
    alike, so nothing is lost, and a traditional story is found by a simplified query and the other way
    round.
    """
    if text.isascii():
        return text
    first = _FOLDED_CHAR.search(text)
    if first is None:
        return text
    # The same table, two ways by cost: translate costs ~90 ns a character, a substitution ~450 ns a
    # character changed (and nothing for the others), so text in traditional characters (a quarter of them
    # change) is translated and simplified text with a stray one (乾, 於) is substituted, ~7× cheaper.
    if len(_FOLDED_CHAR.findall(text, first.start(), first.start() + _DENSE_WINDOW)) >= _DENSE_WINDOW // 6:
        return text.translate(_FOLD)
    return _FOLDED_CHAR.sub(_fold_match, text)


_DENSE_WINDOW = 180
_FOLD_CHARS = {chr(traditional): chr(simplified) for traditional, simplified in _FOLD.items()}


def _fold_match(match: re.Match[str]) -> str:
    char = match.group()
    return _FOLD_CHARS.get(char, char)  # a character past the BMP that the table does not change


@functools.lru_cache(maxsize=1)
def _traditional_forms() -> dict[str, str]:
    """Each simplified character that traditional ones fold to, with them: ``{"发": "發髮", …}``."""
    forms: dict[str, str] = {}
    for traditional, simplified in _FOLD.items():
        forms[chr(simplified)] = forms.get(chr(simplified), "") + chr(traditional)
    return forms


def either_script_pattern(term: str) -> str:
    """A regex source that matches exactly the strings whose :func:`fold_script` is ``fold_script(term)``.

    ``开工`` → ``[开開]工``: found in stored text as it is, in either script, without folding the text
    (snippets mark a term in a long story this way: folding the whole story cost ~10× the snippet).
    """
    forms = _traditional_forms()
    out = []
    for char in fold_script(term):
        others = forms.get(char)
        out.append(f"[{re.escape(char)}{others}]" if others else re.escape(char))
    return "".join(out)


def _strip_marks(match: re.Match[str]) -> str:
    decomposed = unicodedata.normalize("NFD", match.group())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, skipping the work for text that is already NFKC."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def canonical_text(text: str) -> str:
    """``text`` reduced to its tokens (NFKC, lower case, no Latin diacritics, simplified characters), one space apart."""
    if not text:
        return ""
    text = nfkc(text).lower()
    if not text.isascii():
        text = fold_script(_LATIN_MARKED.sub(_strip_marks, text))
    return " ".join(TOKEN.findall(text))


def regex_text(text: str) -> str:
    """The text a ``/regex/`` searches: NFKC, otherwise as stored (regexes are case-insensitive).

    Not folded (:func:`fold_script`): a regex names characters, and ``[開开]`` must keep its meaning.
    """
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
