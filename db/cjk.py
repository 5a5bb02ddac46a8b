"""CJK-aware tokenisation for SQLite FTS5 (the same idea as Lucene's CJKBigramFilter).

FTS5's ``unicode61`` tokenizer sees a run of Chinese characters as one long
token, so ``氪氙`` never matches inside ``氪氙气体项目``; ``trigram`` cannot
find 1- or 2-character words. Python's sqlite3 cannot register a custom FTS5
tokenizer, so we rewrite the *text* instead: every CJK run is replaced by its
overlapping bigrams plus the run's last character as a unigram, and
``unicode61`` then splits on the spaces::

    "氪氙气体项目 by Air Liquide"  ->  "氪氙 氙气 气体 体项 项目 目 by Air Liquide"

A query is rewritten the same way into an FTS5 phrase, so

* a 2+ character word becomes the phrase of its bigrams (``"氪氙"``,
  ``"稀有 有气 气体"``), which matches consecutive tokens;
* a single character becomes a prefix query (``"氪" *``): every character in a
  run is the first character of a bigram, except the last, which is indexed as
  the unigram, so the prefix finds all occurrences;
* Latin words pass through and are matched by ``unicode61`` as usual.

The trailing unigram of the *query's* last run is dropped (the text may go on
with more CJK characters there); interior runs keep it so that the phrase lines
up with the index (``中国a`` -> ``中国 国 a``).
"""

from __future__ import annotations

import re
from operator import add

from newsmon.query.text import CJK_RUN, canonical_text, is_cjk

__all__ = ["TOKENIZER_VERSION", "index_text", "query_phrase", "query_tokens", "is_cjk", "CJK_RUN"]

# Bump when index_text changes: the FTS index is then rebuilt on open.
# 2: the text is reduced to its canonical form first (NFKC, lower case, no Latin
#    diacritics; newsmon.query.text), the form alert rules match in.
# 3: traditional characters folded to simplified ones (newsmon.query.text.fold_script), so a term in
#    either script finds stories in both. PostgreSQL's search_tsv follows the same number
#    (db/postgres/reindex.py).
TOKENIZER_VERSION = 3


def _run_tokens(run: str, *, trailing_unigram: bool = True) -> list[str]:
    if len(run) == 1:
        return [run]
    tokens = [run[i : i + 2] for i in range(len(run) - 1)]
    if trailing_unigram:
        tokens.append(run[-1])
    return tokens


def _index_run(match: re.Match[str]) -> str:
    run = match.group()
    # map(add, run, run[1:]) makes the bigrams at C speed (a slice per bigram costs 3x more).
    return " ".join(map(add, run, run[1:])) + " " + run[-1] if len(run) > 1 else run


def index_text(text: str) -> str:
    """Rewrite ``text`` for the FTS index: CJK runs become bigrams, the rest stays."""
    if not text:
        return ""
    return str(CJK_RUN.sub(_index_run, canonical_text(text)))


def query_tokens(term: str) -> tuple[list[str], bool]:
    """The index tokens, in order, that a term must appear as, and whether the last is a prefix.

    Shared by both search back ends: FTS5 makes a phrase of them (:func:`query_phrase`),
    PostgreSQL a ``<->`` chain (``db.postgres.search``). Empty for a term with no
    searchable characters (only punctuation).
    """
    # Canonical text is tokens one space apart: each a CJK run or a word.
    pieces = [(token, is_cjk(token[0])) for token in canonical_text(term).split()]
    tokens: list[str] = []
    prefix = False
    for i, (text, cjk) in enumerate(pieces):
        last = i == len(pieces) - 1
        if not cjk:
            tokens.append(text)
        elif last and len(text) == 1:
            tokens.append(text)
            prefix = True
        else:
            tokens.extend(_run_tokens(text, trailing_unigram=not last))
    return tokens, prefix


def query_phrase(term: str) -> str | None:
    """The FTS5 phrase (quoted, maybe with ``*``) that finds ``term`` in indexed text.

    Returns None when the term has no searchable characters (only punctuation).
    """
    tokens, prefix = query_tokens(term)
    if not tokens:
        return None
    phrase = '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'
    return phrase + " *" if prefix else phrase
