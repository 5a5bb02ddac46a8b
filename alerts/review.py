"""Looking at rules without sending anything: which rules load, what a rule would have matched.

Used by ``newsmon alerts list`` and ``newsmon alerts test``.
"""

from __future__ import annotations

from typing import Any, Optional


from newsmon.alerts_config import RuleConfig
from newsmon.config import Config
from newsmon.db.facts import get_facts
from newsmon.db.handle import Handle
from newsmon.db.search import MAX_EXAMINED, iter_matches, known_sites

from .errors import RuleError
from .matcher import CompiledRule, Matcher, compile_rule
from .notify import display_target

__all__ = ["rule_table", "channel_table", "test_rule"]


def rule_table(config: Config) -> list[dict[str, Any]]:
    """One row per rule: ``name, query, facts`` (its fact keys in words: ``签约 or 开工 · ≥ 10亿 · 大连``), ``min_amount,
    stages, places, industries, sites, channels, digest, status`` (ok, disabled or the parse error).

    ``sites`` and ``channels`` are lists, as everywhere in JSON output and the webhook.
    """
    rows = []
    for rule in config.alerts.rules:
        status = "ok" if rule.enabled else "disabled"
        try:
            compile_rule(rule)
        except RuleError as exc:
            status = f"error: at character {exc.position}: {exc.message}"
        facts = [" or ".join(rule.stages), f"≥ {rule.min_amount}" if rule.min_amount is not None else "",
                 " or ".join(rule.places), " or ".join(rule.industries)]
        rows.append({
            "name": rule.name, "query": rule.query, "facts": " · ".join(part for part in facts if part),
            "min_amount": rule.min_amount, "stages": list(rule.stages), "places": list(rule.places),
            "industries": list(rule.industries), "sites": list(rule.sites),
            "channels": config.alerts.channels_of(rule), "digest": str(rule.digest or ""), "status": status,
        })
    return rows


def channel_table(config: Config) -> list[dict[str, Any]]:
    """One row per channel: ``name, type, target`` (secrets never shown)."""
    return [{"name": name, "type": ch.type, "target": display_target(ch)}
            for name, ch in config.alerts.channels.items()]


def test_rule(
    config: Config,
    db: Handle,
    rule_or_query: str,
    *,
    limit: int = 20,
    site: Optional[str] = None,
    stats: Optional[dict[str, Any]] = None,
) -> list[dict[str, Any]]:
    """Stored stories the rule (a rule name from the config, or a query) matches, newest first, with the terms that hit.

    Raises RuleError if the query is malformed, UsageError for an unknown
    ``site``. Each row has ``id, published_at, site, title, matched, url``.
    The rule's ``sites:`` and investment-fact keys apply, as they would for
    new stories. Candidates come from the search index, in search's order
    (newest stored first), so ``newsmon search`` with the rule's query lists
    the same stories; the alert matcher then confirms each and names the terms
    that hit. A rule that needs a row-by-row check (a regex alone) looks at
    most MAX_EXAMINED stories: pass a dict as ``stats`` to learn ``complete``.
    """
    rule = config.alerts.rule(rule_or_query) or RuleConfig(name="query", query=rule_or_query)
    compiled = compile_rule(rule)
    matcher = Matcher([compiled])
    sites = _rule_sites(db, compiled, site)
    if sites == []:  # the rule's sites: filter selects no site with stories
        return []
    found = []
    for row in iter_matches(db, rule.query, site=sites, facts=compiled.facts or None, max_examined=MAX_EXAMINED,
                            stats=stats):
        investment = get_facts(db, row["id"]) if rule.has_fact_keys else None
        matches = matcher.match(row["title"], row["body"], row["site"], investment=investment)
        if matches:
            found.append({key: row[key] for key in ("id", "published_at", "site", "title", "url")}
                         | {"matched": list(matches[0].matched)})
            if len(found) >= limit:
                break
    return found


def _rule_sites(db: Handle, rule: CompiledRule, site: Optional[str]) -> Optional[list[str]]:
    """The site names to search: ``site`` and/or the stored sites the rule's globs allow (None: every site)."""
    if not rule.config.sites:
        return [site] if site else None
    if site:
        return [site] if rule.site_allowed(site) else []
    return [name for name in known_sites(db) if rule.site_allowed(name)]
