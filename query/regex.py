"""``/regex/`` atoms: checked with Python's parser, run on RE2 (linear time, no backtracking).

Python's ``re`` backtracks: ``/(a+)+$/`` on 34 ``a`` and a ``!`` runs for
minutes. Every query regex therefore runs on google-re2, whose time is linear
in the text. Python's own parser still reads the pattern first, for two
reasons: its error messages name the problem plainly ("unterminated
character set"), and its parse tree gives the CJK literals a match must
contain, which the search back end turns into FTS terms (so ``/氪.{0,2}氙/``
searches the index for 氪 and 氙 before running the regex on the candidates).
"""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from typing import Any

import re2

from .errors import QuerySyntaxError
from .text import CJK_RUN

__all__ = ["CompiledRegex", "compile_regex", "MAX_REGEX_CHARS"]

MAX_REGEX_CHARS = 500
_RE2_MAX_MEM = 8 << 20  # bytes of automaton per regex; a bigger one is refused, not built

# Python's own regex parser (re._parser since 3.11, sre_parse before): private, so
# looked up by name; a failure there only costs the literal hints, never a match.
_sre_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_sre_constants: Any = importlib.import_module("re._constants" if sys.version_info >= (3, 11) else "sre_constants")


class CompiledRegex:
    """A compiled, case-insensitive RE2 pattern and the CJK literals every match contains."""

    __slots__ = ("source", "_pattern", "literals")

    def __init__(self, source: str, pattern: Any, literals: tuple[str, ...]) -> None:
        self.source = source
        self._pattern = pattern
        self.literals = literals  # CJK strings, each present in any matching text

    def search(self, text: str) -> str:
        """The first match in ``text`` (an NFKC text, see ``query.text.regex_text``), or ``""``."""
        found = self._pattern.search(text)
        return str(found.group()) if found is not None else ""


def compile_regex(source: str, position: int) -> CompiledRegex:
    """Compile ``/source/``; raises QuerySyntaxError (at ``position``) with one sentence."""
    if not source:
        raise QuerySyntaxError("The regular expression is empty.", position)
    if len(source) > MAX_REGEX_CHARS:
        raise QuerySyntaxError(
            f"The regular expression is {len(source):,} characters long; the limit is {MAX_REGEX_CHARS}.", position)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # FutureWarning on "[[" and the like
            tree = _sre_parser.parse(source, re.IGNORECASE)
    except re.error as exc:
        raise QuerySyntaxError(f"/{source}/ is not a valid regular expression ({exc.msg}).", position) from None
    except (RecursionError, OverflowError, ValueError):
        raise QuerySyntaxError(f"/{source}/ is too deeply nested or repeats too often.", position) from None
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    options.max_mem = _RE2_MAX_MEM
    try:
        pattern = re2.compile(source, options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise QuerySyntaxError(
            f"/{source}/ cannot run in linear time ({reason}); backreferences and lookarounds are not supported.",
            position) from None
    if pattern.search("") is not None:
        raise QuerySyntaxError(f"/{source}/ matches an empty string, so it would match every story.", position)
    return CompiledRegex(source, pattern, _required_literals(tree))


def _required_literals(tree: Any) -> tuple[str, ...]:
    """CJK strings that occur in every match of the parsed pattern (a sound under-approximation)."""
    found: list[str] = []
    try:
        _collect(list(tree), found)
    except Exception:  # an unexpected parse-tree shape: no literals, the regex is checked on every candidate
        return ()
    return tuple(dict.fromkeys(found))


def _collect(items: list[Any], found: list[str]) -> None:
    """Consecutive LITERAL items form a string; SUBPATTERN and repeats of at least once are searched inside."""
    run: list[str] = []

    def flush() -> None:
        if run:
            found.extend(CJK_RUN.findall("".join(run)))
            run.clear()

    for op, arg in items:
        if op is _sre_constants.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        if op is _sre_constants.SUBPATTERN:
            _group, add_flags, _del_flags, inner = arg
            if not add_flags & re.VERBOSE:
                _collect(list(inner), found)
        elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT):
            low, _high, inner = arg
            if low >= 1:
                _collect(list(inner), found)
        # BRANCH, IN, ANY, AT, ...: nothing that every match must contain
    flush()

