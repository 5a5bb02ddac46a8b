"""The one alert sender: drain the outbox with every channel isolated from the others.

``newsmon crawl`` (when the crawl ends), ``newsmon alerts send`` and the
daemon (``newsmon run``, in a thread) all deliver through this module:
:func:`send_due` is one bounded pass, :class:`AlertSender` the same
dispatcher kept running.

How a channel that hangs or keeps failing is kept from delaying the others:

* **Concurrent, per channel.** Deliveries are asyncio tasks; each channel
  has at most :data:`CHANNEL_IN_FLIGHT` messages in flight, so a hung
  webhook holds its own slots (until its ``timeout``) and nobody else's.
* **Per-row backoff from the attempt.** A failed row waits
  ``retry_delay`` x 2^(attempts-1) (capped at ``retry_max_delay``) counted
  from the moment *its* attempt failed, not from the start of a pass.
* **Circuit breaker.** After :data:`BREAKER_FAILURES` failures in a row a
  channel is *open*: its rows stay pending, untouched (no attempt counted),
  for a cool-down (``retry_delay``, doubling up to ``retry_max_delay``);
  then one message probes it, and a success closes it. An open circuit is
  recorded in the database (``newsmon_meta``, ``db.outbox.save_breaker``), so
  every sending process (the daemon, ``crawl``, ``alerts send``) holds the
  channel until the cool-down ends, not only the one that found it down.
* **Cancellable.** Stopping (SIGTERM to the daemon, the ``alerts send``
  time limit) cancels in-flight requests; their rows go back to
  ``pending`` as they were (no attempt, no error): never half-recorded.

Each outbox row is claimed (``pending`` -> ``sending``) before it is sent and
marked ``sent`` once the channel accepted it, so two senders never send the
same row. A sender killed between sending and marking leaves a ``sending``
row, which returns to ``pending`` after :data:`CLAIM_TIMEOUT` and is sent
again: at least once, with the same ``Idempotency-Key``.

All database work happens in the thread running the event loop, on one
connection; only the network waits are concurrent.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Optional, Union

import httpx
import sqlite_utils

from newsmon.alerts_config import ChannelConfig
from newsmon.config import Config
from newsmon.db.handle import Handle, PgDatabase
from newsmon.db.interface import StoreAPI
from newsmon.db.outbox import (
    DELIVERIES,
    NOTICES,
    claim_deliveries,
    database_id,
    due_deliveries,
    due_notices,
    load_breakers,
    mark_failed,
    mark_sent,
    next_send_at,
    outbox_counts,
    release_claims,
    release_stale_claims,
    save_breaker,
)

from .digest import iso_utc
from .errors import DeliveryError
from .health import notice_from_row
from .message import Message, load_notification
from .notify import deliver

__all__ = [
    "AlertSender",
    "BREAKER_FAILURES",
    "CHANNEL_IN_FLIGHT",
    "CLAIM_TIMEOUT",
    "SendReport",
    "retry_delay",
    "send_due",
]

log = logging.getLogger(__name__)

CLAIM_TIMEOUT = timedelta(minutes=10)
CHANNEL_IN_FLIGHT = 4  # messages in flight per channel: robots rate-limit (DingTalk: 20/min), webhooks are fast
BREAKER_FAILURES = 3  # failures in a row that open a channel's circuit
_TICK_S = 0.05  # how often a waiting loop looks at stop/wake events nobody can wake it for
# An idle AlertSender sleeps until the next pending row is due or it is woken (a crawl ended,
# a reload, a stop); it still looks at the outbox this often for rows another process wrote
# without waking it (``newsmon alerts retry``, a ``newsmon crawl`` beside the daemon).
IDLE_RECHECK_S = 30.0


@dataclass
class SendReport:
    """What one :func:`send_due` pass (or one stretch of :class:`AlertSender`) did."""

    messages_sent: int = 0  # messages the channels accepted (a digest is one message)
    alerts_sent: int = 0  # outbox rows now marked sent
    messages_failed: int = 0  # messages that failed this time (their rows wait for a retry)
    pending: int = 0  # outbox rows still pending after this pass
    messages_held: int = 0  # messages not tried: their channel's circuit is open, or the pass was stopped
    held_channels: list[str] = field(default_factory=list)  # channels whose circuit opened
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people, e.g. ``Alerts: 2 sent, 1 failed (will retry), 1 pending.``"""
        parts = [f"{self.messages_sent} sent"]
        if self.messages_failed:
            parts.append(f"{self.messages_failed} failed (will retry)")
        if self.messages_held:
            why = f"channel {', '.join(self.held_channels)} keeps failing" if self.held_channels else "stopped"
            parts.append(f"{self.messages_held} held ({why})")
        parts.append(f"{self.pending} pending")
        return "Alerts: " + ", ".join(parts) + "."

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return {**self.__dict__, "held_channels": list(self.held_channels), "errors": list(self.errors)}


def retry_delay(config: Config, attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed try (1-based): doubling, capped."""
    delay: timedelta = config.alerts.retry_delay * (2 ** min(max(attempts - 1, 0), 30))
    return min(delay, config.alerts.retry_max_delay)


@dataclass
class _Breaker:
    """One channel's circuit: closed (send), open (hold rows until ``open_until``), half-open (one probe)."""

    failures: int = 0
    opened: int = 0  # times opened in a row: the cool-down doubles
    open_until: float = 0.0  # time.monotonic()

    def allows(self, in_flight: int) -> bool:
        if self.failures == 0:
            return True
        if self.failures < BREAKER_FAILURES:
            # A channel that just failed gets no new request until those in flight are answered:
            # when it hangs they all time out together and open the circuit, and none is added.
            return in_flight == 0
        return time.monotonic() >= self.open_until and in_flight == 0  # half-open: a single probe

    def probing(self, in_flight: int) -> bool:
        """Half-open with the probe still in flight."""
        return self.failures >= BREAKER_FAILURES and time.monotonic() >= self.open_until and in_flight > 0

    def succeeded(self) -> None:
        self.failures = self.opened = 0

    def failed(self, config: Config) -> bool:
        """Count a failure; True when this one opened the circuit."""
        self.failures += 1
        if self.failures < BREAKER_FAILURES or time.monotonic() < self.open_until:
            return False
        self.opened += 1
        self.open_until = time.monotonic() + retry_delay(config, self.opened).total_seconds()
        return True


def _database(store: Union[StoreAPI, Handle]) -> Handle:
    return store if isinstance(store, (sqlite_utils.Database, PgDatabase)) else store.db


class _Dispatcher:
    """Starts delivery tasks for due rows within each channel's limits; records their outcome."""

    def __init__(self, db: Handle, client: httpx.AsyncClient, config: Callable[[], Config], *,
                 now: Optional[datetime] = None, once: bool = False, limit: int = CHANNEL_IN_FLIGHT) -> None:
        self.db = db
        self.client = client
        self.config = config
        self.fixed_now = now  # tests and `send_due(now=...)`: the clock for due times and backoff
        self.once = once  # one pass: a row is tried at most once
        self.limit = limit
        self.report = SendReport()
        self.tasks: dict[asyncio.Task[None], tuple[str, list[tuple[str, int]]]] = {}
        self.busy: set[tuple[str, int]] = set()  # (table, row id) in flight
        self.tried: set[tuple[str, int]] = set()
        self.breakers: dict[str, _Breaker] = defaultdict(_Breaker)
        self.changed = asyncio.Event()  # a task finished: capacity is free again

    def now(self) -> datetime:
        return self.fixed_now or datetime.now(timezone.utc)

    def in_flight(self, channel: str) -> int:
        return sum(1 for name, _ in self.tasks.values() if name == channel)

    def adopt_open_circuits(self, moment: datetime) -> None:
        """Hold the channels another process (or an earlier run) found down, until their cool-down ends.

        A recorded circuit whose cool-down is over is half-open here too: one probe goes first.
        """
        for name, (until, opened) in load_breakers(self.db).items():
            try:
                remaining = max(0.0, (datetime.fromisoformat(until) - moment).total_seconds())
            except ValueError:
                continue
            breaker = self.breakers[name]
            if breaker.failures < BREAKER_FAILURES or time.monotonic() + remaining > breaker.open_until:
                breaker.failures = max(breaker.failures, BREAKER_FAILURES)
                breaker.opened = max(breaker.opened, opened)
                breaker.open_until = max(breaker.open_until, time.monotonic() + remaining)

    def dispatch(self, *, ignore_backoff: bool = False) -> int:
        """Start tasks for what is due and fits; return how many messages wait for capacity."""
        config = self.config()
        moment = self.now()
        self.adopt_open_circuits(moment)
        release_stale_claims(self.db, iso_utc(moment - CLAIM_TIMEOUT))
        stamp = iso_utc(moment)
        groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for row in due_deliveries(self.db, stamp, ignore_backoff=ignore_backoff):
            if (DELIVERIES, row["id"]) in self.busy or (DELIVERIES, row["id"]) in self.tried:
                continue
            key = (row["rule"], row["channel"]) if row["digest"] else row["id"]
            groups[key].append(row)
        jobs = [(DELIVERIES, group) for group in groups.values()]
        # Operator notices (site health) share the channels, their limits and breakers.
        jobs += [(NOTICES, [row]) for row in due_notices(self.db, stamp, ignore_backoff=ignore_backoff)
                 if (NOTICES, row["id"]) not in self.busy and (NOTICES, row["id"]) not in self.tried]
        return sum(self._start(config, table, group, moment) for table, group in jobs)

    def _start(self, config: Config, table: str, group: list[dict[str, Any]], moment: datetime) -> int:
        """Claim and start one message; 1 if it must wait for its channel's capacity, else 0."""
        name = group[0]["channel"]
        channel = config.alerts.channels.get(name)
        ids = [row["id"] for row in group]
        keys = [(table, i) for i in ids]
        if channel is None:
            # Kept, not dropped: the channel may come back into config.yaml.
            error = f"Channel {name!r} is not in the config any more; the alert waits until it is."
            mark_failed(self.db, ids, error, iso_utc(moment + retry_delay(config, 99)), count_attempt=False,
                        table=table)
            self.report.errors.append(error)
            self.tried.update(keys)
            return 0
        in_flight = self.in_flight(name)
        if not self.breakers[name].allows(in_flight):
            if self.breakers[name].probing(in_flight):
                return 1  # half-open with its probe in flight: wait for the answer, then send or hold
            if self.once:
                self.report.messages_held += 1
                self.tried.update(keys)
            return 0
        if in_flight >= self.limit:
            return 1
        claimed = set(claim_deliveries(self.db, ids, iso_utc(moment), table=table))
        group = [row for row in group if row["id"] in claimed]
        if not group:
            return 0  # another sender has them
        keys = [(table, row["id"]) for row in group]
        self.busy.update(keys)
        self.tried.update(keys)
        task = asyncio.get_running_loop().create_task(self._deliver(config, table, name, channel, group))
        self.tasks[task] = (name, keys)
        task.add_done_callback(self._finished)
        return 0

    def _finished(self, task: asyncio.Task[None]) -> None:
        _, ids = self.tasks.pop(task, ("", []))
        self.busy.difference_update(ids)
        self.changed.set()

    async def _deliver(self, config: Config, table: str, name: str, channel: ChannelConfig,
                       group: list[dict[str, Any]]) -> None:
        ids = [row["id"] for row in group]
        rule = group[0].get("rule") or group[0].get("kind") or ""
        try:
            note: Message
            if table == NOTICES:
                note = notice_from_row(group[0], database_id(self.db))
            else:
                note = load_notification(self.db, group)
                if not note.stories:
                    raise DeliveryError(f"Channel {name!r}: the alerted articles no longer exist.")
            await asyncio.wait_for(deliver(name, channel, note, client=self.client),
                                   timeout=channel.timeout.total_seconds() * 3 + 5)
        except asyncio.CancelledError:
            # Stopping: the attempt never finished; give the rows back exactly as they were.
            release_claims(self.db, ids, table=table)
            raise
        except Exception as exc:  # boundary: one delivery; log, count, retry later
            error = str(exc) if isinstance(exc, DeliveryError) else f"{type(exc).__name__}: {exc}"
            attempts = max(row["attempts"] for row in group) + 1
            retry_at = self.now() + retry_delay(config, attempts)  # from this attempt, not the pass
            mark_failed(self.db, ids, error, iso_utc(retry_at), table=table)
            self.report.messages_failed += 1
            self.report.errors.append(error)
            log.warning("alert %s (rule %s) not delivered, attempt %d, retry at %s: %s",
                        ",".join(map(str, ids)), rule, attempts, iso_utc(retry_at), error)
            if self.breakers[name].failed(config):
                breaker = self.breakers[name]
                save_breaker(self.db, name, iso_utc(self.now() + retry_delay(config, breaker.opened)), breaker.opened)
                if name not in self.report.held_channels:
                    self.report.held_channels.append(name)
                log.warning("channel %s failed %d times in a row; its alerts wait %s before the next try",
                            name, self.breakers[name].failures,
                            retry_delay(config, self.breakers[name].opened))
            return
        mark_sent(self.db, ids, iso_utc(datetime.now(timezone.utc)), table=table)
        if self.breakers[name].opened:
            save_breaker(self.db, name, None)  # the probe got through: closed for every process
        self.breakers[name].succeeded()
        self.report.messages_sent += 1
        self.report.alerts_sent += len(ids)
        what = "alert" if table == DELIVERIES else "notice"
        log.info("%s %s (rule %s) delivered to %s", what, ",".join(map(str, ids)), rule, name)

    async def wait(self, timeout: float, *events: threading.Event, kick: Optional[asyncio.Event] = None) -> None:
        """Sleep until a task finishes, one of ``events`` is set, or ``timeout`` passes.

        With ``kick`` (an asyncio event that whoever sets ``events`` also sets,
        through the loop) the wait blocks without polling.
        """
        self.changed.clear()
        if kick is not None:
            if any(e.is_set() for e in events):
                return
            waiters = [asyncio.ensure_future(self.changed.wait()), asyncio.ensure_future(kick.wait())]
            try:
                await asyncio.wait(waiters, timeout=max(0.0, timeout), return_when=asyncio.FIRST_COMPLETED)
            finally:
                for waiter in waiters:
                    waiter.cancel()
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.changed.is_set() and not any(e.is_set() for e in events):
            try:
                await asyncio.wait_for(self.changed.wait(), timeout=min(_TICK_S, max(0.0, deadline - time.monotonic())))
            except asyncio.TimeoutError:
                pass

    async def cancel_all(self) -> int:
        """Cancel every in-flight delivery (rows go back to pending); return how many there were."""
        tasks = list(self.tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        return len(tasks)


def _client() -> httpx.AsyncClient:
    # Redirects are not followed: a moved endpoint did not get the alert (the channel reports the 3xx).
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
    return httpx.AsyncClient(follow_redirects=False, limits=limits)


def send_due(
    config: Config,
    store: Union[StoreAPI, Handle],
    *,
    now: Optional[datetime] = None,
    ignore_backoff: bool = False,
    stop: Optional[threading.Event] = None,
    max_seconds: Optional[float] = None,
) -> SendReport:
    """Deliver every outbox row that is due, each at most once; return what happened.

    ``store`` is a ``db.Store`` (or its ``Handle``). With
    ``ignore_backoff`` rows waiting for a retry are tried now (``newsmon
    alerts send --now``); digests still wait for their time. Never raises for
    a failed delivery: failures are counted, logged and retried later.
    Setting ``stop``, or ``max_seconds`` passing, cancels what is in flight
    (those rows stay pending, untouched) and returns.
    """
    db = _database(store)

    async def run() -> SendReport:
        async with _client() as client:
            dispatcher = _Dispatcher(db, client, lambda: config, now=now, once=True)
            deadline = time.monotonic() + max_seconds if max_seconds is not None else None
            halt = stop or threading.Event()
            while True:
                waiting = dispatcher.dispatch(ignore_backoff=ignore_backoff)
                if not dispatcher.tasks:
                    break
                if halt.is_set() or (deadline is not None and time.monotonic() >= deadline):
                    dispatcher.report.messages_held += await dispatcher.cancel_all() + waiting
                    break
                remaining = deadline - time.monotonic() if deadline is not None else 3600.0
                await dispatcher.wait(max(0.0, remaining), halt)
            report = dispatcher.report
        report.pending = outbox_counts(db).get("pending", 0)
        return report

    return asyncio.run(run())


class AlertSender:
    """The one alert sender of a long-running process (the daemon): the dispatcher of :func:`send_due`, kept running.

    ``start()`` runs it in a thread of its own (with its own database
    connection and event loop); ``wake()`` makes it look at the outbox at
    once (call it when a crawl finished); ``request_stop()`` then
    ``join(timeout)`` stop it: in-flight deliveries are cancelled and left
    pending. ``run(stop)`` is the same loop in the caller's thread.
    ``config_source`` (a callable returning the current Config) lets a daemon
    reload its config without restarting the sender.
    """

    def __init__(self, config: Config, *, interval: float = 0.5,
                 config_source: Optional[Callable[[], Config]] = None) -> None:
        self.config = config
        self.interval = interval
        self._config_source = config_source
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        # The running loop and its event, so that wake() and request_stop() from other
        # threads end its sleep at once (the idle sender does not poll).
        self._loop_kick: Optional[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = None
        self.wakeups = 0  # times the loop woke up (tests, benchmarks)

    def current_config(self) -> Config:
        """The config to send with now (the daemon's latest, after a reload)."""
        return self._config_source() if self._config_source is not None else self.config

    def wake(self) -> None:
        """Check the outbox now (new rows were written, or the config changed)."""
        self._wake.set()
        self._kick()

    def _kick(self) -> None:
        pair = self._loop_kick
        if pair is not None:
            try:
                pair[0].call_soon_threadsafe(pair[1].set)
            except RuntimeError:  # the loop just closed
                pass

    def start(self) -> None:
        """Run :meth:`run` in a daemon thread named ``alerts``."""
        self._thread = threading.Thread(target=self.run, args=(self._stop,), name="alerts", daemon=True)
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the thread started by :meth:`start` to stop (returns at once)."""
        self._stop.set()
        self._kick()

    def join(self, timeout: float) -> bool:
        """Stop, and wait up to ``timeout`` seconds for the thread to end; True when it has."""
        self.request_stop()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def run(self, stop: threading.Event) -> None:
        """Send due alerts until ``stop`` is set; failures are logged, never raised."""
        from newsmon.db import open_store

        with open_store(self.config.database_target) as store:
            asyncio.run(self._loop(store.db, stop))

    async def _loop(self, db: Handle, stop: threading.Event) -> None:
        kick = asyncio.Event()
        # A stop event of the caller's (run(stop) in a thread of theirs) cannot wake the loop:
        # it is then looked at every `interval`, as before. start() uses ours, which can.
        wakeable = stop is self._stop
        self._loop_kick = (asyncio.get_running_loop(), kick) if wakeable else None
        async with _client() as client:
            dispatcher = _Dispatcher(db, client, self.current_config)
            while not stop.is_set() and not self._stop.is_set():
                self.wakeups += 1
                self._wake.clear()
                kick.clear()
                sleep = self.interval
                if self.current_config().alerts.channels:
                    try:
                        dispatcher.dispatch()
                        sleep = self._idle_sleep(dispatcher, db) if wakeable else self.interval
                    except Exception:  # boundary: a locked database must not end the loop
                        log.exception("sending alerts failed; trying again in %.1fs", self.interval)
                elif wakeable:
                    sleep = IDLE_RECHECK_S  # no channel: a reload that adds one wakes us
                await dispatcher.wait(sleep, stop, self._stop, self._wake, kick=kick if wakeable else None)
                self._log_progress(dispatcher, db)
            self._loop_kick = None
            cancelled = await dispatcher.cancel_all()
            if cancelled:
                log.info("alerts: stopped %d delivery(ies) in flight; they stay pending", cancelled)

    def _idle_sleep(self, dispatcher: _Dispatcher, db: Handle) -> float:
        """How long the loop may sleep after a dispatch when nothing wakes it (seconds)."""
        following = next_send_at(db)
        if following is None:
            return IDLE_RECHECK_S  # nothing pending: the next crawl's wake() brings new rows
        moment = following if isinstance(following, datetime) else datetime.fromisoformat(str(following))
        due_in = (moment - dispatcher.now()).total_seconds()
        if due_in <= 0:
            # Due but not started: waiting for its channel's capacity (a finished task wakes us)
            # or held by an open circuit: look again every interval, as the sender always did.
            return self.interval
        return min(due_in + 0.01, IDLE_RECHECK_S)

    def _log_progress(self, dispatcher: _Dispatcher, db: Handle) -> None:
        report = dispatcher.report
        if report.messages_sent or report.messages_failed:
            try:
                report.pending = outbox_counts(db).get("pending", 0)
            except Exception:  # noqa: BLE001 - informational
                report.pending = -1
            log.info("alerts %s", report.summary())
            dispatcher.report = SendReport()
