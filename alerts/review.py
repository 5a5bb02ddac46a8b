"""Looking at rules without sending anything: which rules load, what a rule would have matched.

Used by ``newsmon alerts list`` and ``newsmon alerts test``.
"""

from __future__ import annotations

from typing import Any, Optional

import sqlite_utils

from newsmon.alerts_config import RuleConfig
from newsmon.config import Config
from newsmon.db.facts import get_facts

from .errors import RuleError
from .matcher import Matcher, compile_rule
from .notify import display_target

__all__ = ["rule_table", "channel_table", "test_rule"]


def rule_table(config: Config) -> list[dict[str, Any]]:
    """One row per rule: ``name, query, sites, channels, digest, status`` (ok, disabled or the parse error).

    ``sites`` and ``channels`` are lists, as everywhere in JSON output and the webhook.
    """
    rows = []
    for rule in config.alerts.rules:
        status = "ok" if rule.enabled else "disabled"
        try:
            compile_rule(rule)
        except RuleError as exc:
            status = f"error: at character {exc.position}: {exc.message}"
        rows.append({
            "name": rule.name, "query": rule.query, "sites": list(rule.sites),
            "channels": config.alerts.channels_of(rule), "digest": rule.digest or "", "status": status,
        })
    return rows


def channel_table(config: Config) -> list[dict[str, Any]]:
    """One row per channel: ``name, type, target`` (secrets never shown)."""
    return [{"name": name, "type": ch.type, "target": display_target(ch)}
            for name, ch in config.alerts.channels.items()]


def test_rule(
    config: Config,
    db: sqlite_utils.Database,
    rule_or_query: str,
    *,
    limit: int = 20,
    site: Optional[str] = None,
) -> list[dict[str, Any]]:
    """Stored stories the rule (a rule name from the config, or a query) matches, newest first, with the terms that hit.

    Raises RuleError if the query is malformed. Each row has ``id,
    published_at, site, title, matched, url``. The rule's ``sites:`` filter
    applies, as it would for new stories.
    """
    rule = config.alerts.rule(rule_or_query) or RuleConfig(name="query", query=rule_or_query)
    matcher = Matcher([compile_rule(rule)])
    where, params = ("WHERE site = ?", [site]) if site else ("", [])
    sql = (f"SELECT id, published_at, site, title, url, body FROM articles {where}"
           " ORDER BY coalesce(published_utc, fetched_at) DESC, id DESC")
    found = []
    for row in db.query(sql, params):
        investment = get_facts(db, row["id"]) if rule.has_fact_keys else None
        matches = matcher.match(row["title"], row["body"], row["site"], investment=investment)
        if matches:
            row.pop("body")
            found.append({**row, "matched": list(matches[0].matched)})
            if len(found) >= limit:
                break
    return found
