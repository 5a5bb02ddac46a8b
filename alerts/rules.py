"""The alert query language: parse a rule's query into a small expression tree.

Syntax (the same words as ``newsmon search``, plus fields and regexes)::

    氪氙 稀有气体            both terms (juxtaposition means AND)
    氪氙 OR 稀有气体         either
    "Air Liquide"           a phrase (spaces inside match any run of spaces)
    NOT 招聘  /  -招聘       must not contain
    (辽宁 OR 大连) 项目       parentheses group
    title:氪氙              only in the title (title:"…", title:(…), title:/…/ too)
    /氪.{0,4}氙/            a regular expression (Python syntax, case-insensitive)

Chinese terms match anywhere inside the text, no spaces needed (``氪氙``
matches ``氪氙气体``); Latin words match whole words only (``ai`` does not
match ``said``), case-insensitively; full-width letters and digits match
their ASCII forms (NFKC).

A malformed query raises :class:`RuleSyntaxError` carrying the character
position (1-based) and one sentence; ``compile_rule`` adds the rule's name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional, Union

from newsmon.db.cjk import is_cjk

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

FIELDS = ("title", "body")
_SPACE = re.compile(r"\s+")
_FIELD_PREFIX = re.compile(r"(title|body):", re.IGNORECASE)


class RuleSyntaxError(ValueError):
    """A rule's query cannot be parsed; ``position`` is the 1-based character where it goes wrong."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return f"at character {self.position}: {self.message}"


def normalize_text(text: str) -> str:
    """The form both texts and terms are matched in: NFKC, case-folded, runs of spaces made one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold())


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase; ``norm`` is what is searched for."""

    text: str  # as the user typed it (without quotes)
    norm: str
    field: Optional[str]  # None (title or body), "title" or "body"
    position: int
    phrase: bool = False


@dataclass(frozen=True)
class Regex:
    """A ``/regular expression/``, searched in the NFKC text (case-insensitive)."""

    source: str
    pattern: "re.Pattern[str]" = field(compare=False)
    field: Optional[str] = None
    position: int = 0


@dataclass(frozen=True)
class Not:
    child: "Node"


@dataclass(frozen=True)
class And:
    children: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    children: tuple["Node", ...]


Node = Union[Term, Regex, Not, And, Or]


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
                raise RuleSyntaxError("The quote opened here is never closed.", pos)
            yield _Token("phrase", query[i + 1 : end], pos)
            i = end + 1
        elif char == "/":
            j = i + 1
            while j < n and query[j] != "/":
                j += 2 if query[j] == "\\" else 1
            if j >= n:
                raise RuleSyntaxError("The regular expression started here has no closing /.", pos)
            yield _Token("regex", query[i + 1 : j], pos)
            i = j + 1
        elif char == "-" and i + 1 < n and not query[i + 1].isspace() and (i == 0 or query[i - 1].isspace() or query[i - 1] == "("):
            yield _Token("NOT", "-", pos)
            i += 1
        else:
            match = _FIELD_PREFIX.match(query, i)
            if match and match.end() < n and not query[match.end()].isspace():
                yield _Token("field", match.group(1).lower(), pos)
                i = match.end()
                continue
            j = i
            while j < n and not query[j].isspace() and query[j] not in '()"':
                j += 1
            word = query[i:j]
            # Operators are upper case only, as in `newsmon search`: "or" is a word.
            yield _Token(word if word in ("AND", "OR", "NOT") else "word", word, pos)
            i = j


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = list(_tokens(query))
        self.i = 0

    def peek(self) -> Optional[_Token]:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def end_position(self) -> int:
        return len(self.query) + 1

    def parse(self) -> Node:
        if not self.tokens:
            raise RuleSyntaxError("The query has no search terms.", 1)
        node = self.or_expr(None)
        token = self.peek()
        if token is not None:  # only a stray ")" can stop or_expr early
            raise RuleSyntaxError("This closing parenthesis has no opening one.", token.position)
        return node

    def or_expr(self, field_name: Optional[str]) -> Node:
        children = [self.and_expr(field_name)]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            children.append(self.and_expr(field_name, after=token))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self, field_name: Optional[str], after: Optional[_Token] = None) -> Node:
        children = [self.unary(field_name, after)]
        while (token := self.peek()) is not None and token.kind not in ("OR", ")"):
            if token.kind == "AND":
                self.take()
                children.append(self.unary(field_name, token))
            else:
                children.append(self.unary(field_name, None))
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self, field_name: Optional[str], after: Optional[_Token]) -> Node:
        token = self.peek()
        if token is None or token.kind in ("OR", "AND", ")"):
            if after is not None:
                raise RuleSyntaxError(f"{after.value} needs a search term after it.", after.position)
            where = token.position if token is not None else self.end_position()
            if token is not None and token.kind in ("OR", "AND"):
                raise RuleSyntaxError(f"{token.value} needs a search term before it.", where)
            raise RuleSyntaxError("A search term is missing here.", where)
        if token.kind == "NOT":
            self.take()
            return Not(self.unary(field_name, token))
        if token.kind == "field":
            self.take()
            if field_name is not None and token.value != field_name:
                raise RuleSyntaxError(f"{token.value}: cannot be used inside {field_name}:(…).", token.position)
            return self.primary(token.value, token)
        return self.primary(field_name, after)

    def primary(self, field_name: Optional[str], after: Optional[_Token]) -> Node:
        token = self.peek()
        if token is None or token.kind in ("OR", "AND", ")", "NOT", "field"):
            where = token.position if token is not None else self.end_position()
            if after is not None and after.kind == "field":
                raise RuleSyntaxError(f"{after.value}: needs a term, phrase, regex or group right after it.",
                                      after.position)
            raise RuleSyntaxError("A search term is missing here.", where)
        self.take()
        if token.kind == "(":
            if (inner := self.peek()) is not None and inner.kind == ")":
                raise RuleSyntaxError("These parentheses are empty.", token.position)
            node = self.or_expr(field_name)
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise RuleSyntaxError("This parenthesis is opened but never closed.", token.position)
            self.take()
            return node
        if token.kind == "regex":
            if not token.value:
                raise RuleSyntaxError("The regular expression is empty.", token.position)
            try:
                pattern = re.compile(token.value, re.IGNORECASE)
            except re.error as exc:
                raise RuleSyntaxError(f"/{token.value}/ is not a valid regular expression ({exc.msg}).",
                                      token.position) from None
            if pattern.search(""):
                raise RuleSyntaxError(f"/{token.value}/ matches an empty string, so it would match every story.",
                                      token.position)
            return Regex(token.value, pattern, field_name, token.position)
        norm = normalize_text(token.value).strip()
        if not norm:
            raise RuleSyntaxError("The quoted phrase is empty.", token.position)
        return Term(token.value, norm, field_name, token.position, phrase=token.kind == "phrase")


def parse_rule(query: str) -> Node:
    """Parse ``query`` into an expression tree; raises RuleSyntaxError (position + one sentence)."""
    node = _Parser(query).parse()
    if evaluate(node, lambda atom: False):
        raise RuleSyntaxError(
            "The query matches stories that contain none of its terms; add a term that must appear.", 1
        )
    return node


def atoms(node: Node, negated: bool = False) -> Iterator[tuple[Union[Term, Regex], bool]]:
    """Every term and regex in ``node`` with whether it sits under an odd number of NOTs."""
    if isinstance(node, (Term, Regex)):
        yield node, negated
    elif isinstance(node, Not):
        yield from atoms(node.child, not negated)
    else:
        for child in node.children:
            yield from atoms(child, negated)


def evaluate(node: Node, truth: Callable[[Union[Term, Regex]], bool]) -> bool:
    """``node``'s value when each atom's value is ``truth(atom)``."""
    if isinstance(node, (Term, Regex)):
        return bool(truth(node))
    if isinstance(node, Not):
        return not evaluate(node.child, truth)
    if isinstance(node, And):
        return all(evaluate(child, truth) for child in node.children)
    return any(evaluate(child, truth) for child in node.children)


def is_word_char(char: str) -> bool:
    """True for letters and digits that form Latin-style words (not CJK, which matches anywhere)."""
    return char.isalnum() and not is_cjk(char)
