"""Match rules on each story before it is stored; write its outbox rows in the story's transaction.

:func:`install_alert_hook` registers a ``Store.match_hooks`` callback. The
store calls it with the story *before* its write transaction, so matching
(however many rules, however long the story) never holds the database lock;
it returns a writer that the store runs *inside* the transaction only if the
story turns out to be new (never for a re-crawled URL), so the outbox rows
commit or roll back with the story, and the outbox's unique (rule, article,
channel) key keeps delivery exactly-once. A syndicated copy of a stored story
alerts nothing of its own; when it changes the stored story's facts (its site
tells the story's place, or it is an earlier copy, now the primary: facts/copies.py)
the store asks again with the story as stored and as it was (``before``), and
only the rules the story newly satisfies are queued.

``max_age``: a story published longer ago than that does not alert; a story
with no date is as old as its first sighting (``fetched_at``).
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any, Callable, Optional

from newsmon.db import StoreAPI
from newsmon.db.handle import Handle
from newsmon.db.outbox import add_deliveries
from newsmon.db.store_base import MatchHook
from newsmon.config import Config

from .digest import digest_due, iso_utc
from .errors import RuleError
from .matcher import Matcher

__all__ = ["install_alert_hook", "make_alert_hook"]

log = logging.getLogger(__name__)

AlertWriter = Callable[[Handle, int, dict[str, Any]], None]
AlertHook = MatchHook  # called with the story (and, when a copy changed a stored story, the story as it was)


def make_alert_hook(config: Config, matcher: Optional[Matcher] = None) -> tuple[AlertHook, list[RuleError]]:
    """A ``Store.match_hooks`` callback queueing ``alert_deliveries`` rows for every matching rule, and the broken rules' errors."""
    errors: list[RuleError] = []
    if matcher is None:
        matcher, errors = Matcher.from_config(config.alerts)
    alerts = config.alerts

    max_age = alerts.max_age

    def hook(row: dict[str, Any], before: Optional[dict[str, Any]] = None) -> Optional[AlertWriter]:
        now = datetime.now(timezone.utc)
        # A dateless story is as old as its first sighting.
        when = row.get("published_at") or row.get("fetched_at")
        if max_age is not None and _published_before(when, now - max_age):
            return None
        matches = matcher.match(row.get("title") or "", row.get("body") or "", row.get("site") or "",
                                investment=row.get("investment"))
        if matches and before is not None:  # a stored story changed by a copy: what it newly satisfies only
            held = {match.rule.name for match in matcher.match(before.get("title") or "", before.get("body") or "",
                                                               before.get("site") or "",
                                                               investment=before.get("investment"))}
            matches = [match for match in matches if match.rule.name not in held]
        if not matches:
            return None

        def write(db: Handle, article_id: int, stored: dict[str, Any]) -> None:
            created = iso_utc(now)
            deliveries = []
            for match in matches:
                rule = match.rule
                due = iso_utc(digest_due(rule.digest, now, alerts.timezone)) if rule.digest else created
                for channel in alerts.channels_of(rule):
                    deliveries.append({
                        "rule": rule.name, "article_id": article_id, "channel": channel, "matched": match.matched,
                        "digest": str(rule.digest) if rule.digest else None, "created_at": created, "next_attempt_at": due,
                    })
            added = add_deliveries(db, deliveries)
            log.info("article %s matched %s; %d alert(s) queued", article_id,
                     ", ".join(m.rule.name for m in matches), added)

        return write

    return hook, errors


def _published_before(published_at: Optional[str], cutoff: datetime) -> bool:
    if not published_at:
        return False
    try:
        moment = datetime.fromisoformat(published_at)
    except ValueError:
        return False
    return moment.tzinfo is not None and moment < cutoff


def install_alert_hook(store: StoreAPI, config: Config) -> list[RuleError]:
    """Register the alert hook on ``store`` (SQLite or PostgreSQL) if the config has enabled rules.

    Returns the errors of malformed rules (skipped; the others are matched),
    after logging each as a warning.
    """
    if not any(rule.enabled for rule in config.alerts.rules):
        return []
    hook, errors = make_alert_hook(config)
    for error in errors:
        log.warning("%s The rule is skipped.", error)
    store.match_hooks.append(hook)
    return errors
