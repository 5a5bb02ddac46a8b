"""Regenerate ``t2s_chars.txt``, the traditional → simplified character table search folds with.

Usage::

    .venv/bin/python query/data/make_fold.py

Source: OpenCC's own ``t2s`` conversion (the ``opencc`` package newsmon already uses for facts,
``facts/script.py``; Apache-2.0). Every CJK ideograph of ``newsmon.query.text.CJK_CLASS`` that NFKC
leaves as it is (canonical text is NFKC first) is converted once, each alone on its line, so no
phrase of OpenCC's dictionary applies: what is left is its per-character table (``TSCharacters``).
Kept: the characters it changes into exactly one other CJK ideograph. A chain (薴 → 苧 → 苎) is followed
to its end, so folding twice gives the same text as folding once.

After regenerating with a table that differs, bump ``newsmon.db.cjk.TOKENIZER_VERSION``: the stored
search indexes (SQLite's FTS5 table, PostgreSQL's ``search_tsv``) were built with the old one.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import opencc

from newsmon.query.text import CJK_RUN

OUT = Path(__file__).with_name("t2s_chars.txt")
# The ideograph blocks of CJK_CLASS (kana and Hangul have no traditional forms).
_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))


def fold_table() -> dict[str, str]:
    """Each traditional character to its simplified form, as OpenCC's ``t2s`` converts it alone."""
    chars = [chr(c) for low, high in _BLOCKS for c in range(low, high + 1)
             if unicodedata.normalize("NFKC", chr(c)) == chr(c)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert len(converted) == len(chars), "OpenCC changed the number of lines"
    table = {char: out for char, out in zip(chars, converted)
             if out != char and len(out) == 1 and CJK_RUN.fullmatch(out)}
    for char, out in table.items():  # follow chains to their end (a cycle would loop: none exists)
        seen = {char}
        while out in table and out not in seen:
            seen.add(out)
            out = table[out]
        table[char] = out
    return {char: out for char, out in table.items() if char != out}


def main() -> None:
    table = fold_table()
    lines = [f"# Traditional → simplified, one character for one: OpenCC {opencc.__version__} t2s, each character",
             "# converted alone (query/data/make_fold.py; do not edit by hand). One pair a line: traditional, a",
             "# space, simplified.",
             *(f"{char} {table[char]}" for char in sorted(table))]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} characters")


if __name__ == "__main__":
    main()
