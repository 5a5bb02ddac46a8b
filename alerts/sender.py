"""Drain the alert outbox: deliver what is due, retry what failed with exponential backoff.

:func:`send_due` is the one entry point: ``newsmon crawl`` calls it when the
crawl ends, ``newsmon alerts send`` calls it on demand, and the daemon calls
it in its loop (or runs an :class:`AlertSender` thread that does).

Each outbox row is claimed (``pending`` -> ``sending``) before it is sent and
marked ``sent`` once the channel accepted it, so two senders never send the
same row. A channel that fails puts the row back to ``pending`` with
``next_attempt_at`` = now + ``retry_delay`` x 2^attempts (capped at
``retry_max_delay``): delivery is delayed, never dropped. A sender that dies
between sending and marking leaves a ``sending`` row, which goes back to
``pending`` after :data:`CLAIM_TIMEOUT` and is sent again (at least once;
the ``Idempotency-Key`` header lets a webhook receiver drop the repeat).
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Optional

import httpx
import sqlite_utils

from newsmon.db.outbox import claim_deliveries, due_deliveries, mark_failed, mark_sent, outbox_counts, release_stale_claims
from newsmon.config import Config, parse_duration

from .digest import iso_utc
from .errors import DeliveryError
from .message import load_notification
from .notify import deliver

__all__ = ["SendReport", "send_due", "AlertSender", "CLAIM_TIMEOUT", "retry_delay"]

log = logging.getLogger(__name__)

CLAIM_TIMEOUT = timedelta(minutes=10)


@dataclass
class SendReport:
    """What one :func:`send_due` pass did."""

    messages_sent: int = 0  # messages the channels accepted (a digest is one message)
    alerts_sent: int = 0  # outbox rows now marked sent
    messages_failed: int = 0  # messages that failed this time (their rows wait for a retry)
    pending: int = 0  # outbox rows still pending after this pass
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people, e.g. ``Alerts: 2 sent, 1 failed (will retry), 1 pending.``"""
        parts = [f"{self.messages_sent} sent"]
        if self.messages_failed:
            parts.append(f"{self.messages_failed} failed (will retry)")
        parts.append(f"{self.pending} pending")
        return "Alerts: " + ", ".join(parts) + "."

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return dict(self.__dict__)


def retry_delay(config: Config, attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed try (1-based): doubling, capped."""
    base = parse_duration(config.alerts.retry_delay)
    cap = parse_duration(config.alerts.retry_max_delay)
    delay: timedelta = base * (2 ** min(max(attempts - 1, 0), 30))
    return min(delay, cap)


def _database(store: Any) -> sqlite_utils.Database:
    return store if isinstance(store, sqlite_utils.Database) else store.db


def send_due(
    config: Config,
    store: Any,
    *,
    now: Optional[datetime] = None,
    ignore_backoff: bool = False,
    client: Optional[httpx.Client] = None,
) -> SendReport:
    """Deliver every outbox row that is due; return what happened.

    ``store`` is a ``db.Store`` (or its ``sqlite_utils.Database``). With
    ``ignore_backoff`` rows waiting for a retry are tried now (``newsmon
    alerts send --now``); digests still wait for their time. Never raises for
    a failed delivery: failures are counted, logged and retried later.
    """
    db = _database(store)
    moment = now or datetime.now(timezone.utc)
    stamp = iso_utc(moment)
    report = SendReport()
    release_stale_claims(db, iso_utc(moment - CLAIM_TIMEOUT))
    rows = due_deliveries(db, stamp, ignore_backoff=ignore_backoff)
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        key = (row["rule"], row["channel"]) if row["digest"] else row["id"]
        groups[key].append(row)
    own_client = client is None
    http = client or httpx.Client(follow_redirects=False)
    try:
        for group in groups.values():
            _send_group(config, db, group, moment, http, report)
    finally:
        if own_client:
            http.close()
    report.pending = outbox_counts(db).get("pending", 0)
    return report


def _send_group(config: Config, db: sqlite_utils.Database, group: list[dict[str, Any]], moment: datetime,
                http: httpx.Client, report: SendReport) -> None:
    first = group[0]
    channel_name = first["channel"]
    channel = config.alerts.channels.get(channel_name)
    ids = [row["id"] for row in group]
    if channel is None:
        # Kept, not dropped: the channel may come back into config.yaml.
        error = f"Channel {channel_name!r} is not in the config any more; the alert waits until it is."
        mark_failed(db, ids, error, iso_utc(moment + retry_delay(config, 99)), count_attempt=False)
        report.errors.append(error)
        return
    claimed = set(claim_deliveries(db, ids, iso_utc(moment)))
    group = [row for row in group if row["id"] in claimed]
    if not group:
        return  # another sender has them
    ids = [row["id"] for row in group]
    try:
        note = load_notification(db, group)
        if not note.stories:
            raise DeliveryError(f"Channel {channel_name!r}: the alerted articles no longer exist.")
        deliver(channel_name, channel, note, client=http)
    except Exception as exc:  # boundary: one delivery; log, count, retry later
        error = str(exc) if isinstance(exc, DeliveryError) else f"{type(exc).__name__}: {exc}"
        attempts = max(row["attempts"] for row in group) + 1
        retry_at = moment + retry_delay(config, attempts)
        mark_failed(db, ids, error, iso_utc(retry_at))
        report.messages_failed += 1
        report.errors.append(error)
        log.warning("alert %s (rule %s) not delivered, attempt %d, retry at %s: %s",
                    ",".join(map(str, ids)), first["rule"], attempts, iso_utc(retry_at), error)
        return
    mark_sent(db, ids, iso_utc(datetime.now(timezone.utc)))
    report.messages_sent += 1
    report.alerts_sent += len(ids)
    log.info("alert %s (rule %s) delivered to %s", ",".join(map(str, ids)), first["rule"], channel_name)


class AlertSender:
    """The one alert sender of a long-running process (the daemon): a thread around :func:`send_due`.

    ``start()`` runs it in a thread of its own (with its own database
    connection); ``wake()`` makes it look at the outbox at once (call it when a
    crawl finished); ``request_stop()`` then ``join(timeout)`` stop it.
    ``run(stop)`` is the same loop in the caller's thread. ``config_source``
    (a callable returning the current Config) lets a daemon reload its config
    without restarting the sender.
    """

    def __init__(self, config: Config, *, interval: float = 0.5,
                 config_source: Optional[Callable[[], Config]] = None) -> None:
        self.config = config
        self.interval = interval
        self._config_source = config_source
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None

    def current_config(self) -> Config:
        """The config to send with now (the daemon's latest, after a reload)."""
        return self._config_source() if self._config_source is not None else self.config

    def wake(self) -> None:
        """Check the outbox now instead of at the next tick."""
        self._wake.set()

    def start(self) -> None:
        """Run :meth:`run` in a daemon thread named ``alerts``."""
        self._thread = threading.Thread(target=self.run, args=(self._stop,), name="alerts", daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the thread started by :meth:`start` to stop (returns at once)."""
        self._stop.set()
        self._wake.set()

    def join(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the thread to end; True when it has."""
        self.request_stop()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def run(self, stop: threading.Event) -> None:
        """Send due alerts until ``stop`` is set; failures are logged, never raised."""
        from newsmon.db import Store

        with Store(self.config.database_path) as store, httpx.Client() as client:
            while not stop.is_set():
                config = self.current_config()
                if config.alerts.channels:
                    try:
                        report = send_due(config, store, client=client)
                        if report.messages_sent or report.messages_failed:
                            log.info("alerts %s", report.summary())
                    except Exception:  # boundary: a locked database must not end the loop
                        log.exception("sending alerts failed; trying again in %.1fs", self.interval)
                self._wake.wait(self.interval)
                self._wake.clear()
