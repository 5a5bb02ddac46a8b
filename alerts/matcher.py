"""Match every alert rule against a story at once.

All rules are compiled once into one Aho-Corasick automaton (pyahocorasick)
holding every distinct term of every rule. A story's title and body are each
scanned once; only the rules owning a term that hit (plus the rare rules
that could match on a regex alone) are then evaluated, so the cost per story
depends on the text and the hits, not on the number of rules.

This is sound because a rule that is true when all its atoms are false is
rejected at parse time (``NOT 招聘`` alone): any true rule has a true atom.

Rules are parsed by newsmon's one query parser (``newsmon.query``) and terms
are matched in the same canonical text as the search index
(``newsmon.query.text``), so ``newsmon search`` finds what a rule would alert
on. Regexes run on RE2 (linear time); the regex work per story has a time
budget (:data:`STORY_BUDGET_S`): rules left unchecked when it runs out are
logged, and the story is stored anyway.
"""

from __future__ import annotations

import fnmatch
import logging
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Union

import ahocorasick

from newsmon.alerts_config import AlertsConfig, RuleConfig

from newsmon.db.facts import FactsFilter

from .errors import RuleError
from newsmon.query import (And, Node, Not, Or, QuerySyntaxError, Regex, Term, atoms, canonical_text, is_word_char,
                           parse_query, regex_text)

__all__ = ["CompiledRule", "Match", "Matcher", "compile_rule", "compile_rules", "rule_facts_filter", "STORY_BUDGET_S"]

log = logging.getLogger(__name__)

STORY_BUDGET_S = 0.25  # regex work per story (all rules); RE2 is linear, this bounds many rules x long bodies


class _OverBudget(Exception):
    """The story's regex budget ran out."""


@dataclass(frozen=True)
class CompiledRule:
    """A rule whose query parsed."""

    config: RuleConfig
    node: Optional[Node]  # None: a rule on investment facts only
    terms: tuple[Term, ...]
    regexes: tuple[Regex, ...]
    positive: frozenset[Union[Term, Regex]]  # atoms not under NOT: reported in `matched`
    # Atoms one of which is true whenever the rule is: the rule is evaluated
    # only when one of these hit. None: it may match on a regex alone, so it
    # is evaluated for every story.
    triggers: Optional[tuple[Term, ...]]
    facts: FactsFilter = FactsFilter()  # conditions on the story's investment facts

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def needs_term(self) -> bool:
        """False for rules that can match on a regex alone (checked on every story)."""
        return self.triggers is not None

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
    facts = rule_facts_filter(rule)
    if rule.query is None:  # facts only: checked on every story
        return CompiledRule(rule, None, (), (), frozenset(), None, facts)
    try:
        node = parse_query(rule.query).root
    except QuerySyntaxError as exc:
        raise RuleError(rule.name, rule.query, exc.position, exc.message) from None
    found = list(atoms(node))
    terms = tuple(dict.fromkeys(a for a, _ in found if isinstance(a, Term)))
    regexes = tuple(dict.fromkeys(a for a, _ in found if isinstance(a, Regex)))
    positive = frozenset(a for a, negated in found if not negated)
    triggers = _triggers(node)
    if triggers is not None and any(isinstance(a, Regex) for a in triggers):
        trigger_terms: Optional[tuple[Term, ...]] = None
    else:
        trigger_terms = tuple(a for a in triggers or () if isinstance(a, Term))
        if not trigger_terms:
            trigger_terms = None
    return CompiledRule(rule, node, terms, regexes, positive, trigger_terms, facts)


def rule_facts_filter(rule: RuleConfig) -> FactsFilter:
    """The rule's investment-fact keys as the store's filter (the same conditions search applies)."""
    amount = None
    if rule.min_amount is not None:
        from newsmon.facts import parse_amount

        amount = parse_amount(rule.min_amount)
    from newsmon.facts import place_filter

    return FactsFilter(min_amount=amount, stages=tuple(rule.stages), places=place_filter(rule.places),
                       industries=tuple(rule.industries))


def _triggers(node: Node) -> Optional[frozenset[Union[Term, Regex]]]:
    """A small set of atoms one of which must be true for ``node`` to be true (None: no such set).

    A term or regex triggers itself; OR needs a trigger from every branch;
    AND needs only one branch's (the cheapest: terms before regexes, then the
    fewest); NOT offers none. Sound because a rule true with every atom false
    is rejected by the parser.
    """
    if isinstance(node, (Term, Regex)):
        return frozenset([node])
    if isinstance(node, Not):
        return None
    options = [_triggers(child) for child in node.children]
    if isinstance(node, Or):
        if any(o is None for o in options):
            return None
        return frozenset().union(*options)  # type: ignore[arg-type]
    usable = [o for o in options if o is not None]
    if not usable:
        return None
    return min(usable, key=lambda o: (any(isinstance(a, Regex) for a in o), len(o)))


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
    """All rules, compiled once; :meth:`match` evaluates them against one story.

    Each rule's expression is turned into one Python predicate over the sets
    of term ids found in the title and the body, so evaluating a candidate
    rule is a handful of set lookups.
    """

    def __init__(self, rules: Iterable[CompiledRule]) -> None:
        self.rules = list(rules)
        self._term_ids: dict[str, int] = {}
        self._regexes: list[Regex] = []
        regex_ids: dict[Regex, int] = {}
        for rule in self.rules:
            for term in rule.terms:
                self._term_ids.setdefault(term.norm, len(self._term_ids))
            for regex in rule.regexes:
                if regex not in regex_ids:
                    regex_ids[regex] = len(self._regexes)
                    self._regexes.append(regex)
        owners: dict[int, set[int]] = {}
        self._always: list[int] = []
        self._predicates: list[Callable[..., bool]] = []
        self._reported: list[tuple[tuple[int, Optional[str], str], ...]] = []
        self._reported_regex: list[tuple[int, ...]] = []
        for index, rule in enumerate(self.rules):
            if rule.triggers is None:
                self._always.append(index)
            else:
                for term in rule.triggers:
                    owners.setdefault(self._term_ids[term.norm], set()).add(index)
            source = "True" if rule.node is None else _predicate_source(rule.node, self._term_ids, regex_ids)
            self._predicates.append(eval(f"lambda H, T, B, R: {source}", {}))  # noqa: S307 - ints and operators only
            self._reported.append(tuple((self._term_ids[t.norm], t.field, t.text)
                                        for t in rule.terms if t in rule.positive))
            self._reported_regex.append(tuple(regex_ids[r] for r in rule.regexes if r in rule.positive))
        self._owners = {term_id: tuple(sorted(rules)) for term_id, rules in owners.items()}
        self._automaton: Optional[Any] = None
        if self._term_ids:
            automaton = ahocorasick.Automaton()
            for norm, term_id in self._term_ids.items():
                # Latin words must start/end on a word boundary; CJK matches anywhere.
                # A term needing no boundary check stores a bare int: the hot loop
                # in _scan then does one set.add per hit and nothing else.
                start, end = is_word_char(norm[0]), is_word_char(norm[-1])
                automaton.add_word(norm, (term_id, len(norm), start, end) if start or end else term_id)
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
        add = hits.add
        for end, value in self._automaton.iter(text):
            if value.__class__ is int:
                add(value)
                continue
            term_id, length, start_boundary, end_boundary = value
            if term_id in hits:
                continue
            if start_boundary:
                start = end - length + 1
                if start > 0 and is_word_char(text[start - 1]):
                    continue
            if end_boundary and end < last and is_word_char(text[end + 1]):
                continue
            hits.add(term_id)
        return hits

    def match(self, title: str, body: str, site: str = "", *, budget_s: float = STORY_BUDGET_S,
              investment: Optional[dict[str, Any]] = None) -> list[Match]:
        """The rules that match a story with this ``title``, ``body``, ``site`` name and ``investment`` facts.

        Regexes are evaluated lazily, within ``budget_s`` seconds per story;
        rules still needing one when the budget is spent do not match (logged).
        """
        title_hits = self._scan(canonical_text(title or ""))
        body_hits = self._scan(canonical_text(body or ""))
        hits = title_hits | body_hits
        candidates: set[int] = set(self._always)
        owners = self._owners
        for term_id in hits:
            found = owners.get(term_id)
            if found:
                candidates.update(found)
        if not candidates:
            return []
        raw: dict[str, str] = {}
        found_text: dict[int, str] = {}
        deadline = time.perf_counter() + budget_s

        def regex(index: int) -> bool:
            if index not in found_text:
                if not raw:
                    raw["title"] = regex_text(title or "")
                    raw["body"] = regex_text(body or "")
                elif time.perf_counter() > deadline:
                    raise _OverBudget
                found_text[index] = _regex_search(self._regexes[index], raw)
            return bool(found_text[index])

        results = []
        skipped: list[str] = []
        for index in sorted(candidates):
            rule = self.rules[index]
            if rule.config.sites and not rule.site_allowed(site):
                continue
            if rule.facts and not rule.facts.matches(investment):
                continue
            try:
                if not self._predicates[index](hits, title_hits, body_hits, regex):
                    continue
                matched = [text for term_id, field, text in self._reported[index]
                           if term_id in (title_hits if field == "title" else body_hits if field == "body" else hits)]
                matched += [found_text[i] for i in self._reported_regex[index] if regex(i)]
                if rule.facts:  # what its fact keys were met by: a fact-only rule says why too
                    matched += rule.facts.reasons(investment)
            except _OverBudget:
                skipped.append(rule.name)
                continue
            except Exception:  # a bug in one rule must not stop the others (or the story)
                log.exception("alert rule %r failed on a story", rule.name)
                continue
            results.append(Match(rule.config, tuple(dict.fromkeys(matched))))
        if skipped:
            log.warning("regex budget of %.2fs spent on one story (%r); rules not checked: %s",
                        budget_s, (title or "")[:40], ", ".join(skipped[:20]))
        return results


def _predicate_source(node: Node, term_ids: dict[str, int], regex_ids: dict[Regex, int]) -> str:
    """Python source of ``node`` over H (all hits), T (title hits), B (body hits) and R(regex index)."""
    if isinstance(node, Term):
        sets = {None: "H", "title": "T", "body": "B"}[node.field]
        return f"({term_ids[node.norm]} in {sets})"
    if isinstance(node, Regex):
        return f"R({regex_ids[node]})"
    if isinstance(node, Not):
        return f"(not {_predicate_source(node.child, term_ids, regex_ids)})"
    joiner = " and " if isinstance(node, And) else " or "
    return "(" + joiner.join(_predicate_source(c, term_ids, regex_ids) for c in node.children) + ")"


def _regex_search(regex: Regex, raw: dict[str, str]) -> str:
    fields = [regex.field] if regex.field else ["title", "body"]
    for name in fields:
        found: str = regex.compiled.search(raw[name])
        if found:
            return found
    return ""
