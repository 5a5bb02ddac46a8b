"""User search queries -> FTS5 MATCH expressions, plus the terms to highlight.

Syntax (what ``newsmon search`` accepts): words and ``"quoted phrases"``,
juxtaposition means AND, ``OR``, ``NOT`` / ``-word``, parentheses, and
``title:`` / ``body:`` to search one field. Chinese needs no spaces:
``氪氙``, ``稀有气体``, ``辽宁 项目``, ``title:签约``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cjk import query_phrase

__all__ = ["ParsedQuery", "parse_query", "QuerySyntaxError"]

_TOKEN = re.compile(r'(?:title:|body:)?"[^"]*"?|\(|\)|[^\s()"]+')
_COLUMNS = ("title", "body")


class QuerySyntaxError(ValueError):
    """The query cannot be turned into a search (message is one sentence)."""


@dataclass(frozen=True)
class ParsedQuery:
    """A search query rewritten for the CJK bigram index."""

    match: str  # FTS5 MATCH expression
    terms: tuple[str, ...]  # positive terms as typed, for highlighting snippets


def parse_query(text: str) -> ParsedQuery:
    """Parse a user query; raises QuerySyntaxError with a one-sentence reason."""
    out: list[str] = []
    terms: list[str] = []
    depth = 0
    negate_next = False
    expect_operand = True  # at start, after an operator or "("
    for raw in _TOKEN.findall(text):
        # Operators are upper case only, as in FTS5: "or" is a word.
        if raw in ("AND", "OR"):
            if expect_operand:
                raise QuerySyntaxError(f"{raw} needs a search term on each side.")
            out.append(raw)
            expect_operand = True
            continue
        if raw == "NOT" or raw == "-":
            negate_next = True
            continue
        if raw == "(":
            if negate_next:
                if expect_operand:
                    raise QuerySyntaxError("NOT (...) needs a positive search term before it.")
                out.append("NOT")
            elif not expect_operand:
                out.append("AND")
            out.append("(")
            depth += 1
            expect_operand = True
            negate_next = False
            continue
        if raw == ")":
            if depth == 0:
                raise QuerySyntaxError("There is a closing parenthesis without an opening one.")
            if expect_operand:
                raise QuerySyntaxError("A parenthesis group is empty or ends with an operator.")
            out.append(")")
            depth -= 1
            continue
        negative = negate_next
        if raw.startswith("-") and len(raw) > 1:
            negative, raw = True, raw[1:]
        negate_next = False
        column = ""
        for name in _COLUMNS:
            if raw.lower().startswith(name + ":") and len(raw) > len(name) + 1:
                # title:氪氙 searches the headline only (FTS5 column filter).
                column, raw = f"{name} : ", raw[len(name) + 1:]
        phrase = query_phrase(raw.strip('"'))
        if phrase is None:
            continue
        phrase = column + phrase
        if negative:
            if not out or expect_operand:
                raise QuerySyntaxError(f"NOT {raw} needs a positive search term before it.")
            out.append("NOT")
        elif not expect_operand:
            out.append("AND")
        out.append(phrase)
        if not negative:
            terms.append(raw.strip('"'))
        expect_operand = False
    if depth:
        raise QuerySyntaxError("A parenthesis is opened but never closed.")
    if not out or expect_operand:
        raise QuerySyntaxError("The query has no search terms.")
    return ParsedQuery(match=" ".join(out), terms=tuple(terms))
