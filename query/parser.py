"""The one parser of newsmon's query language (``newsmon search`` and alert rules)::

    氪氙 稀有气体            both terms (juxtaposition means AND; AND may be written)
    氪氙 OR 稀有气体         either
    "Air Liquide"           a phrase
    NOT 招聘  /  -招聘       must not contain (NOT 招聘 氪氙 is the same as 氪氙 -招聘)
    (辽宁 OR 大连) 项目       parentheses group
    title:氪氙              only in the title; body: only in the body; on terms,
                            phrases, regexes and groups: title:(氪氙 OR 稀有气体)
    /氪.{0,4}氙/            a regular expression (RE2 syntax, case-insensitive)

Operators are upper case (``or`` is a word). Terms match as described in
``query.text``. A query must contain a term that has to appear (``NOT 招聘``
alone would match almost everything and is refused). Work is bounded: the
parser is linear in the query's length, repeated atoms are merged
(``项目 OR 项目 OR …``), and the length, the number of distinct atoms and
regexes and the nesting depth have limits with a clear error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .errors import QuerySyntaxError
from .regex import compile_regex
from .text import canonical_text
from .tree import FIELDS, And, Atom, Node, Not, Or, Query, Regex, Term, atoms, evaluate

__all__ = ["parse_query", "MAX_QUERY_CHARS", "MAX_ATOMS", "MAX_REGEXES", "MAX_DEPTH"]

MAX_QUERY_CHARS = 100_000
MAX_ATOMS = 2_000  # distinct terms and regexes
MAX_REGEXES = 20
MAX_DEPTH = 50  # nested parentheses and NOTs

_FIELD_PREFIX = re.compile(r"([A-Za-z][A-Za-z_]*):(?!//)")
_KNOWN = " and ".join(f"{name}:" for name in FIELDS)


@dataclass(frozen=True)
class _Token:
    kind: str  # word | phrase | regex | ( | ) | AND | OR | NOT | field
    value: str
    position: int  # 1-based


def _tokens(query: str) -> Iterator[_Token]:
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        pos = i + 1
        if char.isspace():
            i += 1
        elif char in "()":
            yield _Token(char, char, pos)
            i += 1
        elif char == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError("The quote opened here is never closed.", pos)
            yield _Token("phrase", query[i + 1 : end], pos)
            i = end + 1
        elif char == "/":
            j = i + 1
            while j < n and query[j] != "/":
                j += 2 if query[j] == "\\" else 1
            if j >= n:
                raise QuerySyntaxError("The regular expression started here has no closing /.", pos)
            yield _Token("regex", query[i + 1 : j], pos)
            i = j + 1
        elif char == "-" and i + 1 < n and not query[i + 1].isspace() and (
                i == 0 or query[i - 1].isspace() or query[i - 1] == "("):
            yield _Token("NOT", "-", pos)
            i += 1
        else:
            match = _FIELD_PREFIX.match(query, i)
            if match and match.end() < n and not query[match.end()].isspace():
                name = match.group(1).lower()
                if name not in FIELDS:
                    raise QuerySyntaxError(f"There is no field {match.group(1)}:; the known fields are {_KNOWN}.", pos)
                yield _Token("field", name, pos)
                i = match.end()
                continue
            j = i
            while j < n and not query[j].isspace() and query[j] not in '()"':
                j += 1
            word = query[i:j]
            yield _Token(word if word in ("AND", "OR", "NOT") else "word", word, pos)
            i = j


def _merge(kind: type, children: list[Node]) -> Optional[Node]:
    """An And/Or of ``children``: nested ones of the same kind flattened, repeats dropped (linear time)."""
    flat: dict[Node, None] = {}
    for child in children:
        if isinstance(child, kind):
            flat.update(dict.fromkeys(child.children))  # type: ignore[union-attr]
        else:
            flat[child] = None
    if not flat:
        return None
    if len(flat) == 1:
        return next(iter(flat))
    return kind(tuple(flat))  # type: ignore[no-any-return]


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = list(_tokens(query))
        self.i = 0
        self.depth = 0
        self.regexes: dict[str, Regex] = {}

    def peek(self) -> Optional[_Token]:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def end_position(self) -> int:
        return len(self.query) + 1

    def nest(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QuerySyntaxError(f"The query nests groups and NOTs more than {MAX_DEPTH} deep.", token.position)

    def parse(self) -> Optional[Node]:
        if not self.tokens:
            raise QuerySyntaxError("The query has no search terms.", 1)
        node = self.or_expr(None)
        token = self.peek()
        if token is not None:  # only a stray ")" can stop or_expr early
            raise QuerySyntaxError("This closing parenthesis has no opening one.", token.position)
        return node

    def or_expr(self, field_name: Optional[str]) -> Optional[Node]:
        children = [self.and_expr(field_name)]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            children.append(self.and_expr(field_name, after=token))
        return _merge(Or, [c for c in children if c is not None])

    def and_expr(self, field_name: Optional[str], after: Optional[_Token] = None) -> Optional[Node]:
        children = [self.unary(field_name, after)]
        while (token := self.peek()) is not None and token.kind not in ("OR", ")"):
            if token.kind == "AND":
                self.take()
                children.append(self.unary(field_name, token))
            else:
                children.append(self.unary(field_name, None))
        return _merge(And, [c for c in children if c is not None])

    def unary(self, field_name: Optional[str], after: Optional[_Token]) -> Optional[Node]:
        token = self.peek()
        if token is None or token.kind in ("OR", "AND", ")"):
            if after is not None:
                raise QuerySyntaxError(f"{after.value} needs a search term after it.", after.position)
            where = token.position if token is not None else self.end_position()
            if token is not None and token.kind in ("OR", "AND"):
                raise QuerySyntaxError(f"{token.value} needs a search term before it.", where)
            raise QuerySyntaxError("A search term is missing here.", where)
        if token.kind == "NOT":
            self.take()
            self.nest(token)
            child = self.unary(field_name, token)
            self.depth -= 1
            return Not(child) if child is not None else None
        if token.kind == "field":
            self.take()
            if field_name is not None and token.value != field_name:
                raise QuerySyntaxError(f"{token.value}: cannot be used inside {field_name}:(…).", token.position)
            return self.primary(token.value, token)
        return self.primary(field_name, after)

    def primary(self, field_name: Optional[str], after: Optional[_Token]) -> Optional[Node]:
        token = self.peek()
        if token is None or token.kind in ("OR", "AND", ")", "NOT", "field"):
            where = token.position if token is not None else self.end_position()
            if after is not None and after.kind == "field":
                raise QuerySyntaxError(f"{after.value}: needs a term, phrase, regex or group right after it.",
                                       after.position)
            raise QuerySyntaxError("A search term is missing here.", where)
        self.take()
        if token.kind == "(":
            if (inner := self.peek()) is not None and inner.kind == ")":
                raise QuerySyntaxError("These parentheses are empty.", token.position)
            self.nest(token)
            node = self.or_expr(field_name)
            self.depth -= 1
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QuerySyntaxError("This parenthesis is opened but never closed.", token.position)
            self.take()
            return node
        if token.kind == "regex":
            regex = self.regexes.get(token.value)
            compiled = regex.compiled if regex is not None else compile_regex(token.value, token.position)
            made = Regex(token.value, compiled, field_name, token.position)
            self.regexes.setdefault(token.value, made)
            if len(self.regexes) > MAX_REGEXES:
                raise QuerySyntaxError(f"The query has more than {MAX_REGEXES} regular expressions.", token.position)
            return made
        if token.kind == "phrase" and not token.value.strip():
            raise QuerySyntaxError("The quoted phrase is empty.", token.position)
        norm = canonical_text(token.value)
        if not norm:  # only punctuation or symbols: nothing any index could find; ignored, as a search engine does
            return None
        return Term(token.value, norm, field_name, token.position, phrase=token.kind == "phrase")


def parse_query(text: str) -> Query:
    """Parse ``text`` into a :class:`Query`; raises QuerySyntaxError (position and one sentence)."""
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"The query is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}.",
                               MAX_QUERY_CHARS + 1)
    root = _Parser(text).parse()
    if root is None:
        raise QuerySyntaxError("The query has no search terms.", 1)
    distinct: set[Atom] = set()
    for atom, _ in atoms(root):
        distinct.add(atom)
        if len(distinct) > MAX_ATOMS:
            raise QuerySyntaxError(f"The query has more than {MAX_ATOMS:,} distinct terms.", atom.position or 1)
    if evaluate(root, lambda atom: False):
        raise QuerySyntaxError(
            "The query matches stories that contain none of its terms; add a term that must appear.", 1)
    return Query(text, root)
