"""The FTS5 back end of the query language: a ``newsmon.query`` tree -> an FTS5 MATCH expression.

Terms become phrases over the CJK-bigram index (``db.cjk.query_phrase``), a
field becomes an FTS5 column filter, AND/OR/NOT map onto FTS5's operators.
What FTS5 cannot say exactly is *widened* (never narrowed) and marked
inexact, and the search then checks each candidate with the query's own
evaluator (``Query.matches``), the same one alerts use:

* a ``/regex/`` becomes the CJK literals every match must contain
  (``/氪.{0,2}氙/`` -> ``"氪" * AND "氙" *``), or no constraint at all;
* a NOT whose operand is inexact, or a NOT not beside a positive term
  (``a (b OR -c)``), is dropped from the MATCH.

So the MATCH finds a superset of the matches, and the post-filter removes
the rest: search and alerts agree by construction.
"""

from __future__ import annotations

from typing import Optional

from newsmon.query import And, Node, Not, Or, Query, QuerySyntaxError, Regex, Term
from newsmon.query import parse_query as parse_tree

from .cjk import query_phrase
from .search_shared import IndexQuery

__all__ = ["FtsQuery", "ParsedQuery", "compile_fts", "parse_query", "QuerySyntaxError"]


class FtsQuery(IndexQuery):
    """A query compiled for the FTS5 index: ``match`` is the MATCH expression (``index``)."""

    @property
    def match(self) -> Optional[str]:
        """The FTS5 MATCH expression; None: the index cannot narrow (every story is a candidate)."""
        return self.index


ParsedQuery = FtsQuery  # the name before the query language had its own package


def parse_query(text: str) -> FtsQuery:
    """Parse ``text`` (newsmon.query syntax) and compile it for FTS5; raises QuerySyntaxError."""
    return compile_fts(parse_tree(text))


def compile_fts(query: Query) -> FtsQuery:
    """Compile a parsed query to an FTS5 MATCH expression (see the module docstring)."""
    match, exact = _compile(query.root)
    return FtsQuery(query, match, exact)


def _field(field: Optional[str], expr: str) -> str:
    return f"{field} : {expr}" if field else expr


def _compile(node: Node) -> tuple[Optional[str], bool]:
    if isinstance(node, Term):
        phrase = query_phrase(node.norm)
        return (_field(node.field, phrase), True) if phrase else (None, False)
    if isinstance(node, Regex):
        needed = [p for p in (query_phrase(lit) for lit in node.compiled.literals) if p]
        if not needed:
            return None, False
        expr = needed[0] if len(needed) == 1 else "(" + " AND ".join(needed) + ")"
        return _field(node.field, expr), False
    if isinstance(node, Not):
        return None, False  # FTS5's NOT is binary: handled by the And that holds it
    if isinstance(node, Or):
        parts: list[str] = []
        exact = True
        for child in node.children:
            part, child_exact = _compile(child)
            if part is None:
                return None, False
            parts.append(part)
            exact = exact and child_exact
        return "(" + " OR ".join(parts) + ")", exact
    positive: list[str] = []
    negative: list[str] = []
    exact = True
    for child in node.children:
        if isinstance(child, Not):
            part, child_exact = _compile(child.child)
            if part is not None and child_exact:
                negative.append(part)
            else:
                exact = False  # widened: the post-filter applies this NOT
            continue
        part, child_exact = _compile(child)
        if part is None:
            exact = False
        else:
            positive.append(part)
            exact = exact and child_exact
    if not positive:
        return None, False
    out = positive[0] if len(positive) == 1 else "(" + " AND ".join(positive) + ")"
    for expr in negative:
        out = f"({out} NOT {expr})"
    return out, exact
