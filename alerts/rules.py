"""The alert rule language is newsmon's one query language (``newsmon.query``).

These names are kept for callers of the alerts package; there is no second
parser: a rule's query is parsed by ``newsmon.query.parse_query`` exactly as
``newsmon search`` parses it, so a rule and a search with the same text find
the same stories. See ``newsmon.query.parser`` for the syntax.
"""

from __future__ import annotations

from newsmon.query import (And, Node, Not, Or, QuerySyntaxError, Regex, Term, atoms, canonical_text, evaluate,
                           is_word_char, parse_query)

__all__ = [
    "Term",
    "Regex",
    "Not",
    "And",
    "Or",
    "Node",
    "RuleSyntaxError",
    "parse_rule",
    "normalize_text",
    "atoms",
    "evaluate",
    "is_word_char",
]

RuleSyntaxError = QuerySyntaxError  # one error type for search and rules
normalize_text = canonical_text  # the text form terms are matched in


def parse_rule(query: str) -> Node:
    """Parse a rule's query into the tree (``newsmon.query``); raises QuerySyntaxError (position + one sentence)."""
    return parse_query(query).root
