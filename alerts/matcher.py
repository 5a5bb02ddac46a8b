"""Match every alert rule against a story at once.

All rules are compiled once into one Aho-Corasick automaton (pyahocorasick)
holding every distinct term of every rule. A story's title and body are each
scanned once; only the rules owning a term that hit (plus the rare rules
that could match on a regex alone) are then evaluated, so the cost per story
depends on the text and the hits, not on the number of rules.

This is sound because a rule that is true when all its atoms are false is
rejected at parse time (``NOT 招聘`` alone): any true rule has a true atom.
"""

from __future__ import annotations

import fnmatch
import itertools
import logging
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence, Union

import ahocorasick

from newsmon.alerts_config import AlertsConfig, RuleConfig

from .errors import RuleError
from .rules import Node, Regex, RuleSyntaxError, Term, atoms, evaluate, is_word_char, normalize_text, parse_rule

__all__ = ["CompiledRule", "Match", "Matcher", "compile_rule", "compile_rules"]

log = logging.getLogger(__name__)
_MAX_REGEX_ENUMERATION = 6


@dataclass(frozen=True)
class CompiledRule:
    """A rule whose query parsed."""

    config: RuleConfig
    node: Node
    terms: tuple[Term, ...]
    regexes: tuple[Regex, ...]
    positive: frozenset[Union[Term, Regex]]  # atoms not under NOT: reported in `matched`
    needs_term: bool  # False: may match on regexes alone, so it is checked on every story

    @property
    def name(self) -> str:
        return self.config.name

    def site_allowed(self, site: str) -> bool:
        """True if the rule has no sites filter or ``site`` matches one of its names/globs."""
        return not self.config.sites or any(fnmatch.fnmatchcase(site, p) for p in self.config.sites)


@dataclass(frozen=True)
class Match:
    """One rule that matched one story."""

    rule: RuleConfig
    matched: tuple[str, ...]  # the terms that hit, as written in the rule (regexes: the text they matched)


def compile_rule(rule: RuleConfig) -> CompiledRule:
    """Parse ``rule.query``; raises RuleError naming the rule, the position and the problem."""
    try:
        node = parse_rule(rule.query)
    except RuleSyntaxError as exc:
        raise RuleError(rule.name, rule.query, exc.position, exc.message) from None
    found = list(atoms(node))
    terms = tuple(dict.fromkeys(a for a, _ in found if isinstance(a, Term)))
    regexes = tuple(dict.fromkeys(a for a, _ in found if isinstance(a, Regex)))
    positive = frozenset(a for a, negated in found if not negated)
    return CompiledRule(rule, node, terms, regexes, positive, _needs_term(node, regexes))


def _needs_term(node: Node, regexes: Sequence[Regex]) -> bool:
    """True if the rule is false whenever none of its terms occur, whatever its regexes do."""
    if not regexes:
        return True
    if len(regexes) > _MAX_REGEX_ENUMERATION:
        return False
    for values in itertools.product((False, True), repeat=len(regexes)):
        truth = dict(zip(regexes, values))
        if evaluate(node, lambda atom: truth.get(atom, False) if isinstance(atom, Regex) else False):
            return False
    return True


def compile_rules(config: AlertsConfig) -> tuple[list[CompiledRule], list[RuleError]]:
    """Compile every enabled rule; a malformed one is returned as an error and left out."""
    compiled: list[CompiledRule] = []
    errors: list[RuleError] = []
    for rule in config.rules:
        if not rule.enabled:
            continue
        try:
            compiled.append(compile_rule(rule))
        except RuleError as exc:
            errors.append(exc)
    return compiled, errors


class Matcher:
    """All rules, compiled once; :meth:`match` evaluates them against one story."""

    def __init__(self, rules: Iterable[CompiledRule]) -> None:
        self.rules = list(rules)
        self._term_ids: dict[str, int] = {}
        owners: dict[int, set[int]] = {}
        for index, rule in enumerate(self.rules):
            for term in rule.terms:
                term_id = self._term_ids.setdefault(term.norm, len(self._term_ids))
                owners.setdefault(term_id, set()).add(index)
        self._owners = {term_id: sorted(rules) for term_id, rules in owners.items()}
        self._always = [i for i, rule in enumerate(self.rules) if not rule.needs_term]
        self._automaton: Optional[Any] = None
        if self._term_ids:
            automaton = ahocorasick.Automaton()
            for norm, term_id in self._term_ids.items():
                # Latin words must start/end on a word boundary; CJK matches anywhere.
                automaton.add_word(norm, (term_id, len(norm), is_word_char(norm[0]), is_word_char(norm[-1])))
            automaton.make_automaton()
            self._automaton = automaton

    def __len__(self) -> int:
        return len(self.rules)

    @classmethod
    def from_config(cls, config: AlertsConfig) -> tuple["Matcher", list[RuleError]]:
        """A matcher for the config's enabled rules, and the errors of the malformed ones."""
        compiled, errors = compile_rules(config)
        return cls(compiled), errors

    def _scan(self, text: str) -> set[int]:
        hits: set[int] = set()
        if self._automaton is None or not text:
            return hits
        last = len(text) - 1
        for end, (term_id, length, start_boundary, end_boundary) in self._automaton.iter(text):
            if term_id in hits:
                continue
            start = end - length + 1
            if start_boundary and start > 0 and is_word_char(text[start - 1]):
                continue
            if end_boundary and end < last and is_word_char(text[end + 1]):
                continue
            hits.add(term_id)
        return hits

    def match(self, title: str, body: str, site: str = "") -> list[Match]:
        """The rules that match a story with this ``title``, ``body`` and ``site`` name."""
        title_norm = normalize_text(title or "")
        body_norm = normalize_text(body or "")
        title_hits = self._scan(title_norm)
        body_hits = self._scan(body_norm)
        candidates = set(self._always)
        for term_id in title_hits | body_hits:
            candidates.update(self._owners[term_id])
        if not candidates:
            return []
        raw = {"title": unicodedata.normalize("NFKC", title or ""), "body": unicodedata.normalize("NFKC", body or "")}
        results = []
        for index in sorted(candidates):
            rule = self.rules[index]
            if not rule.site_allowed(site):
                continue
            try:
                found = self._evaluate(rule, title_hits, body_hits, raw)
            except Exception:  # a bug in one rule must not stop the others (or the story)
                log.exception("alert rule %r failed on a story", rule.name)
                continue
            if found is not None:
                results.append(Match(rule.config, found))
        return results

    def _evaluate(self, rule: CompiledRule, title_hits: set[int], body_hits: set[int],
                  raw: dict[str, str]) -> Optional[tuple[str, ...]]:
        regex_text: dict[Regex, str] = {}

        def truth(atom: Union[Term, Regex]) -> bool:
            if isinstance(atom, Term):
                term_id = self._term_ids[atom.norm]
                if atom.field == "title":
                    return term_id in title_hits
                if atom.field == "body":
                    return term_id in body_hits
                return term_id in title_hits or term_id in body_hits
            if atom not in regex_text:
                regex_text[atom] = _regex_search(atom, raw)
            return bool(regex_text[atom])

        if not evaluate(rule.node, truth):
            return None
        matched: list[str] = []
        for atom in (*rule.terms, *rule.regexes):
            if atom in rule.positive and truth(atom):
                matched.append(atom.text if isinstance(atom, Term) else regex_text[atom])
        return tuple(dict.fromkeys(matched))


def _regex_search(regex: Regex, raw: dict[str, str]) -> str:
    fields = [regex.field] if regex.field else ["title", "body"]
    for name in fields:
        found = regex.pattern.search(raw[name])
        if found:
            return found.group()
    return ""
