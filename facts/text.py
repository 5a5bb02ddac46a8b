"""Text helpers the fact extractors share: number normalisation, sentences, statistic markers."""

from __future__ import annotations

import re

__all__ = ["SENTENCE_MARKS", "STATISTIC", "normalise", "sentence_end", "sentence_of", "sentence_start"]

# Full-width digits, letters and the percent sign to ASCII: newspapers print "２２．８亿元".
# Full-width punctuation stays: "，" and "；" separate clauses, "10，20" is not 1020.
_WIDTH = {code: code - 0xFEE0 for code in [0xFF05, *range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                           *range(0xFF41, 0xFF5B)]}
# A full-width point, middle dot or katakana dot between digits is a decimal point in print
# ("２２．８亿元", "７·６１亿元").
_DOT_POINT = re.compile(r"(?<=\d)[．·・•](?=\d)")

# A sentence that compares or sums up periods reports a statistic, not one project:
# "固定资产投资完成246.79亿元，同比增长15.3%", "双向投资额累计已超过260亿美元",
# "比上年增长13.6%", "比1996年分别增长2.72%".
STATISTIC = re.compile(r"同比|环比|累计|比(上|去|前)一?年|比上(月|季度?)|比\d{2,4}年")

SENTENCE_MARKS = "。！？!?\n"


def normalise(text: str) -> str:
    """Full-width digits and letters as ASCII, printed decimal dots as ``.``.

    Length-preserving (one character for one), so positions found in the result are
    positions in ``text``: callers quote the original as written.
    """
    return _DOT_POINT.sub(".", text.translate(_WIDTH))


def sentence_start(text: str, pos: int) -> int:
    """Index where the sentence holding ``pos`` starts."""
    return max(text.rfind(mark, 0, pos) for mark in SENTENCE_MARKS) + 1


def sentence_end(text: str, pos: int) -> int:
    """Index of the mark that ends the sentence holding ``pos`` (or the text's end)."""
    ends = [found for found in (text.find(mark, pos) for mark in SENTENCE_MARKS) if found >= 0]
    return min(ends) if ends else len(text)


def sentence_of(text: str, pos: int) -> str:
    """The sentence holding ``pos``."""
    return text[sentence_start(text, pos):sentence_end(text, pos)]
