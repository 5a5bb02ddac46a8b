"""The one syntax tree of a query, shared by every back end (FTS5 search, Aho-Corasick alerts).

``field`` is pushed down to the atoms when parsing (``title:(a OR b)`` gives
two title terms), so a back end never has to track scopes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Iterator, Optional, Union

from .regex import CompiledRegex
from .text import canonical_text, occurs, regex_text

__all__ = ["Term", "Regex", "Not", "And", "Or", "Node", "Atom", "Query", "atoms", "evaluate", "FIELDS"]

FIELDS = ("title", "body")


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase; ``norm`` (its canonical text, see query.text) is what is searched for."""

    text: str = dataclasses.field(compare=False)  # as the user typed it (without quotes)
    norm: str
    field: Optional[str]  # None (title or body), "title" or "body"
    position: int = dataclasses.field(default=0, compare=False)
    phrase: bool = dataclasses.field(default=False, compare=False)


@dataclass(frozen=True)
class Regex:
    """A ``/regular expression/``, searched case-insensitively in the NFKC text (RE2: linear time)."""

    source: str
    compiled: CompiledRegex = dataclasses.field(compare=False, repr=False)
    field: Optional[str] = None
    position: int = dataclasses.field(default=0, compare=False)


@dataclass(frozen=True)
class Not:
    """True when ``child`` is false."""

    child: "Node"


@dataclass(frozen=True)
class And:
    """True when every child is."""

    children: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    """True when any child is."""

    children: tuple["Node", ...]


Node = Union[Term, Regex, Not, And, Or]
Atom = Union[Term, Regex]


@dataclass(frozen=True)
class Query:
    """A parsed query: the text as typed and its tree."""

    text: str
    root: Node

    @property
    def terms(self) -> tuple[str, ...]:
        """Positive terms as typed (not under NOT), for highlighting; regexes excluded."""
        return tuple(dict.fromkeys(a.text for a, negated in atoms(self.root) if isinstance(a, Term) and not negated))

    def matches(self, title: str, body: str) -> bool:
        """True if a story with this title and body matches (the reference evaluator; alerts batch it)."""
        return evaluate(self.root, StoryText(title, body).truth)


class StoryText:
    """A story's title and body in the forms atoms are matched in, computed on first use."""

    def __init__(self, title: str, body: str) -> None:
        self.title, self.body = title or "", body or ""
        self._canonical: dict[str, str] = {}
        self._raw: dict[str, str] = {}

    def canonical(self, name: str) -> str:
        """Canonical text of ``title`` or ``body``."""
        if name not in self._canonical:
            self._canonical[name] = canonical_text(getattr(self, name))
        return self._canonical[name]

    def raw(self, name: str) -> str:
        """NFKC text of ``title`` or ``body`` (what regexes search)."""
        if name not in self._raw:
            self._raw[name] = regex_text(getattr(self, name))
        return self._raw[name]

    def truth(self, atom: Atom) -> bool:
        """Whether ``atom`` holds for this story."""
        names = (atom.field,) if atom.field else FIELDS
        if isinstance(atom, Term):
            return any(occurs(atom.norm, self.canonical(n)) for n in names)
        return any(atom.compiled.search(self.raw(n)) for n in names)


def atoms(node: Node, negated: bool = False) -> Iterator[tuple[Atom, bool]]:
    """Every term and regex in ``node`` with whether it sits under an odd number of NOTs."""
    stack: list[tuple[Node, bool]] = [(node, negated)]
    while stack:  # iterative: deep trees must not hit Python's recursion limit
        current, neg = stack.pop()
        if isinstance(current, (Term, Regex)):
            yield current, neg
        elif isinstance(current, Not):
            stack.append((current.child, not neg))
        else:
            stack.extend((child, neg) for child in reversed(current.children))


def evaluate(node: Node, truth: Callable[[Atom], bool]) -> bool:
    """``node``'s value when each atom's value is ``truth(atom)``."""
    if isinstance(node, (Term, Regex)):
        return bool(truth(node))
    if isinstance(node, Not):
        return not evaluate(node.child, truth)
    if isinstance(node, And):
        return all(evaluate(child, truth) for child in node.children)
    return any(evaluate(child, truth) for child in node.children)
