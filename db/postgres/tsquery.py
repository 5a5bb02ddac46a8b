"""The query language's tree -> a PostgreSQL ``tsquery`` (pure: no database, no psycopg).

A term becomes the ``<->`` chain of its index tokens (``db.cjk.query_tokens``:
``氪氙气体`` -> ``'氪氙' <-> '氙气' <-> '气体'``), a single CJK character a prefix
(``'氪':*``), ``title:``/``body:`` the weight ``A``/``D`` on every lexeme, and
AND/OR/NOT ``&``/``|``/``!``. Title and body are one tsvector (the body's
positions follow the title's), so a chain without a field is asked in each field
separately (``'a':A <-> 'b':A | 'a':D <-> 'b':D``): a phrase never runs from the
end of the title into the body, as in FTS5, where they are two columns. What the
index cannot decide exactly is widened (never narrowed) and marked inexact:
a ``/regex/`` becomes the CJK literals it must contain; a NOT of something
inexact is dropped. See ``db.postgres.search`` for how it is searched.
"""

from __future__ import annotations

from typing import Optional

from newsmon.query import And, Node, Not, Or, Query, Regex, Term
from newsmon.query import parse_query as parse_tree

from ..cjk import query_tokens
from ..search_shared import IndexQuery

__all__ = ["TsQuery", "compile_tsquery", "parse_tsquery"]

_WEIGHT = {"title": "A", "body": "D"}


class TsQuery(IndexQuery):
    """A query compiled for PostgreSQL's full-text index: ``tsquery`` is the tsquery text (``index``)."""

    @property
    def tsquery(self) -> Optional[str]:
        """The tsquery text (cast with ::tsquery); None: the index cannot narrow."""
        return self.index


def parse_tsquery(text: str) -> TsQuery:
    """Parse ``text`` (newsmon.query syntax) and compile it for PostgreSQL; raises QuerySyntaxError."""
    return compile_tsquery(parse_tree(text))


def compile_tsquery(query: Query) -> TsQuery:
    """Compile a parsed query to a tsquery (see the module docstring)."""
    expr, exact, needs = _compile(query.root)
    if expr is None or not needs:
        # An expression true for a story without any of its lexemes (only NOTs left after
        # widening) cannot use the GIN index: every story is a candidate, as in FTS5.
        return TsQuery(query, None, False)
    return TsQuery(query, expr, exact)


def _lexeme(token: str, prefix: bool, weight: str) -> str:
    quoted = "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"
    label = ("*" if prefix else "") + weight
    return f"{quoted}:{label}" if label else quoted


def _chain(text: str, field: Optional[str]) -> Optional[str]:
    """The tsquery that finds the term (or regex literal) ``text`` in ``field`` (None: title or body)."""
    tokens, prefix = query_tokens(text)
    if not tokens:
        return None
    # One lexeme cannot straddle the title/body boundary: no need to ask each field apart.
    weights = (_WEIGHT[field],) if field else ("",) if len(tokens) == 1 else ("A", "D")
    chains = [" <-> ".join(_lexeme(t, prefix and i == len(tokens) - 1, w) for i, t in enumerate(tokens))
              for w in weights]
    return chains[0] if len(chains) == 1 else "(" + " | ".join(f"({c})" for c in chains) + ")"


def _compile(node: Node) -> tuple[Optional[str], bool, bool]:
    """(tsquery or None for "any story", exact, needs a lexeme: false for a story with none of them)."""
    if isinstance(node, Term):
        expr = _chain(node.norm, node.field)
        return (expr, True, True) if expr else (None, False, False)
    if isinstance(node, Regex):
        needed = [c for c in (_chain(lit, node.field) for lit in node.compiled.literals) if c]
        if not needed:
            return None, False, False
        return ("(" + " & ".join(needed) + ")" if len(needed) > 1 else needed[0]), False, True
    if isinstance(node, Not):
        expr, exact, _ = _compile(node.child)
        if expr is None or not exact:
            return None, False, False  # widened: the post-filter applies this NOT
        return f"!({expr})" if " " in expr else f"!{expr}", True, False
    if isinstance(node, Or):
        parts: list[str] = []
        exact = needs = True
        for child in node.children:
            expr, child_exact, child_needs = _compile(child)
            if expr is None:
                return None, False, False
            parts.append(expr)
            exact, needs = exact and child_exact, needs and child_needs
        return "(" + " | ".join(parts) + ")", exact, needs
    parts = []
    exact, needs = True, False
    for child in node.children:
        expr, child_exact, child_needs = _compile(child)
        if expr is None:
            exact = False
            continue
        parts.append(expr)
        exact, needs = exact and child_exact, needs or child_needs
    if not parts:
        return None, False, False
    return ("(" + " & ".join(parts) + ")" if len(parts) > 1 else parts[0]), exact, needs
