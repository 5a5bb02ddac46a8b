"""newsmon's one query language: a parser to one syntax tree, compiled by back ends.

* ``newsmon.db`` compiles a :class:`Query` to an FTS5 MATCH expression (plus a
  post-filter for what FTS5 cannot say: regexes) for ``newsmon search``;
* ``newsmon.alerts`` compiles many queries into one Aho-Corasick matcher.

Both match terms in the same canonical text (``query.text``), so a search and
an alert rule with the same text find the same stories (a property test
checks it). Syntax: see ``query.parser``.
"""

from .errors import QuerySyntaxError
from .parser import MAX_ATOMS, MAX_DEPTH, MAX_QUERY_CHARS, MAX_REGEXES, parse_query
from .regex import CompiledRegex, compile_regex
from .text import CJK_RUN, canonical_text, either_script_pattern, fold_script, is_cjk, is_word_char, occurs, regex_text
from .tree import FIELDS, And, Atom, Node, Not, Or, Query, Regex, StoryText, Term, atoms, evaluate

__all__ = [
    "And",
    "Atom",
    "CJK_RUN",
    "CompiledRegex",
    "FIELDS",
    "MAX_ATOMS",
    "MAX_DEPTH",
    "MAX_QUERY_CHARS",
    "MAX_REGEXES",
    "Node",
    "Not",
    "Or",
    "Query",
    "QuerySyntaxError",
    "Regex",
    "StoryText",
    "Term",
    "atoms",
    "canonical_text",
    "compile_regex",
    "either_script_pattern",
    "evaluate",
    "fold_script",
    "is_cjk",
    "is_word_char",
    "occurs",
    "parse_query",
    "regex_text",
]
