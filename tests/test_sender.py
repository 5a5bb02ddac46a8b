"""The one alert sender under faults: a hung webhook, a failing channel, a stop mid-send (issue 13 item 2).

Real loopback receivers only: a webhook receiver that answers, and a "hung" server that accepts the
connection and never answers (the red-team case: one hung webhook used to starve every channel).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

import pytest

from newsmon.alerts import AlertSender, send_due
from newsmon.alerts.sender import BREAKER_FAILURES, CHANNEL_IN_FLIGHT
from newsmon.db import Store
from newsmon.db.outbox import list_deliveries
from test_alerts_support import Receiver, add_story, make_config, receiver, store_with_alerts, wait_for  # noqa: F401

STORIES = 25


class HungServer:
    """Accepts TCP connections on 127.0.0.1, reads, and never answers (until closed)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections: list[socket.socket] = []
        self.closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self) -> None:
        self.closed.set()
        self.sock.close()
        for conn in self.connections:
            conn.close()


@pytest.fixture
def hung() -> Iterator[HungServer]:
    server = HungServer()
    yield server
    server.close()


def two_channels(tmp_path: Path, hung_url: str, ok_url: str, *, hung_timeout: float, **alerts: Any) -> Any:
    return make_config(tmp_path, {
        "channels": {"hung": {"type": "webhook", "url": hung_url + "/hook", "timeout": hung_timeout},
                     "ok": {"type": "webhook", "url": ok_url + "/hook"}},
        "rules": [{"name": "rare-gas", "query": "氪氙"}],
        **alerts,
    })


def add_stories(store: Store, count: int) -> None:
    for n in range(count):
        add_story(store, f"氪氙项目第{n}号", f"第{n}个氪氙项目在{n * 7 % 13}号地块开工，编号{n * 7919}。")


def rows_of(store: Store, channel: str) -> list[dict[str, Any]]:
    return [r for r in list_deliveries(store.db, limit=1000) if r["channel"] == channel]


def test_hung_webhook_does_not_delay_a_healthy_channel(tmp_path: Path, hung: HungServer,
                                                       receiver: Receiver) -> None:
    config = two_channels(tmp_path, hung.url, receiver.url, hung_timeout=3)
    with store_with_alerts(config) as store:
        add_stories(store, STORIES)
        started = time.monotonic()
        report = send_due(config, store)
        took = time.monotonic() - started
        hung_rows, ok_rows = rows_of(store, "hung"), rows_of(store, "ok")
    # The healthy channel got every alert, promptly, while the hung one held its own slots.
    assert len(receiver.accepted) == STORIES
    assert max(r["at"] for r in receiver.accepted) - started < 2.0
    assert all(r["status"] == "sent" for r in ok_rows)
    # The hung channel: CHANNEL_IN_FLIGHT attempts timed out together, which opened its circuit;
    # the other rows were not tried (no attempt counted) and wait, pending.
    assert len(hung.connections) == CHANNEL_IN_FLIGHT
    tried = [r for r in hung_rows if r["attempts"]]
    assert len(tried) == CHANNEL_IN_FLIGHT and all("did not answer" in r["last_error"] or "Timeout" in r["last_error"]
                                                   for r in tried)
    assert all(r["status"] == "pending" for r in hung_rows)
    assert report.messages_sent == STORIES and report.messages_failed == CHANNEL_IN_FLIGHT
    assert report.messages_held == STORIES - CHANNEL_IN_FLIGHT and report.held_channels == ["hung"]
    assert took < 3 + 2.5  # one channel timeout, not one per row (was 10 s x rows)


def test_backoff_counts_from_the_failed_attempt_not_the_start_of_the_pass(tmp_path: Path, hung: HungServer,
                                                                         receiver: Receiver) -> None:
    config = two_channels(tmp_path, hung.url, receiver.url, hung_timeout=2)
    with store_with_alerts(config) as store:
        add_stories(store, 1)
        started = datetime.now(timezone.utc)
        send_due(config, store)
        [row] = rows_of(store, "hung")
    retry_at = datetime.fromisoformat(row["next_attempt_at"])
    # retry_delay 30s after the attempt, which took the 2 s timeout: at least 31 s after the pass began.
    assert (retry_at - started).total_seconds() >= 31
    assert (retry_at - started).total_seconds() < 36


def test_failing_channel_circuit_opens_then_recovers_with_every_alert_once(tmp_path: Path,
                                                                          receiver: Receiver) -> None:
    down = True
    receiver.status = lambda n: 500 if down else 200
    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook"}},
        "rules": [{"name": "rare-gas", "query": "氪氙"}],
        "retry_delay": "1s", "retry_max_delay": "2s",
    })
    with store_with_alerts(config) as store:
        add_stories(store, 10)
        report = send_due(config, store)
        # Open after a few failures: the other rows were not sent to a channel known to be failing.
        assert report.held_channels == ["ops"] and report.messages_sent == 0
        # At most the first slots plus the ones freed before the breaker opened were tried.
        most = CHANNEL_IN_FLIGHT + BREAKER_FAILURES - 1
        assert len(receiver.requests) <= most and report.messages_held >= 10 - most
        assert sum(1 for r in rows_of(store, "ops") if r["attempts"] == 0) >= 10 - most
    down = False
    # The daemon's loop: after the cool-down one probe, then everything, each story once.
    sender = AlertSender(config, interval=0.1)
    sender.start()
    try:
        assert wait_for(lambda: len(receiver.accepted) == 10, timeout=20)
    finally:
        assert sender.join(5)
    titles = [r["json"]["title"] for r in receiver.accepted]
    assert sorted(titles) == sorted(set(titles)) and len(titles) == 10


def test_stop_cancels_in_flight_deliveries_and_leaves_them_pending(tmp_path: Path, hung: HungServer,
                                                                   receiver: Receiver) -> None:
    config = two_channels(tmp_path, hung.url, receiver.url, hung_timeout=60)
    with store_with_alerts(config) as store:
        add_stories(store, 6)
        sender = AlertSender(config, interval=0.1)
        sender.start()
        assert wait_for(lambda: len(receiver.accepted) == 6 and len(hung.connections) == CHANNEL_IN_FLIGHT, 10)
        started = time.monotonic()
        assert sender.join(10)
        assert time.monotonic() - started < 2
        hung_rows = rows_of(store, "hung")
    # Never half-recorded: as if the attempt had not happened (no attempt, no error, no claim).
    assert [(r["status"], r["attempts"], r["last_error"]) for r in hung_rows] == [("pending", 0, None)] * 6
    with Store(config.database_path) as store:
        assert store.db.execute("SELECT count(*) FROM alert_deliveries WHERE claimed_at IS NOT NULL"
                                " AND status != 'sent'").fetchone()[0] == 0


def _newsmon() -> str:
    return str(Path(sys.executable).with_name("newsmon"))


def test_alerts_send_is_bounded_and_honours_sigterm(tmp_path: Path, hung: HungServer, receiver: Receiver) -> None:
    config = two_channels(tmp_path, hung.url, receiver.url, hung_timeout=60)
    with store_with_alerts(config) as store:
        add_stories(store, 3)
    path = str(config.source_path)
    # --max-time bounds a send to a hung channel; what was in flight stays pending.
    started = time.monotonic()
    bounded = subprocess.run([_newsmon(), "alerts", "send", "--now", "--max-time", "2", "--config", path],
                             capture_output=True, text=True, timeout=30)
    assert time.monotonic() - started < 8, bounded.stderr
    assert bounded.returncode == 0 and "3 sent" in bounded.stdout, bounded.stdout + bounded.stderr
    # SIGTERM: cancelled at once, exit cleanly, rows untouched.
    proc = subprocess.Popen([_newsmon(), "alerts", "send", "--now", "--config", path],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: len(hung.connections) >= CHANNEL_IN_FLIGHT, 15)
    os.kill(proc.pid, signal.SIGTERM)
    stopped = time.monotonic()
    out, err = proc.communicate(timeout=10)
    assert time.monotonic() - stopped < 3
    assert proc.returncode == 0, err
    assert "3 held (stopped)" in out and "Traceback" not in err
    with Store(config.database_path) as store:
        rows = rows_of(store, "hung")
    assert [(r["status"], r["attempts"]) for r in rows] == [("pending", 0)] * 3
    assert len(receiver.accepted) == 3  # the healthy channel's alerts went out in the first run, once


def test_idempotency_keys_differ_across_databases_and_stories(tmp_path: Path, receiver: Receiver) -> None:
    keys = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        config = make_config(folder, {"channels": {"ops": {"type": "webhook", "url": receiver.url}},
                                      "rules": [{"name": "rare-gas", "query": "氪氙"}]})
        with store_with_alerts(config) as store:
            # The same row id (1) in both databases, the same story URL in both.
            add_story(store, "大连氪氙项目签约", "大连氪氙项目今日签约。", url="http://gov-ln.example/news/1.html")
            add_story(store, "沈阳氪氙项目", "沈阳氪氙项目开工。", url="http://gov-ln.example/news/2.html")
            send_due(config, store)
    keys = [r["headers"]["Idempotency-Key"] for r in receiver.requests]
    assert len(keys) == 4 and len(set(keys)) == 4
    assert all(k.startswith("newsmon-rare-gas-ops-") for k in keys)
    # A retry of the same delivery carries the same key.
    receiver.requests.clear()
    receiver.status = lambda n: 500 if n == 1 else 200
    config = make_config(tmp_path / "a", {"channels": {"ops": {"type": "webhook", "url": receiver.url}},
                                          "rules": [{"name": "rare-gas", "query": "氪氙"}]})
    with store_with_alerts(config) as store:
        add_story(store, "鞍山氪氙项目", "鞍山氪氙项目投产。", url="http://gov-ln.example/news/3.html")
        send_due(config, store)
        send_due(config, store, ignore_backoff=True)
    first, retry = (r["headers"]["Idempotency-Key"] for r in receiver.requests)
    assert first == retry and first not in keys


def test_sender_runs_with_a_fixed_clock_and_due_times(tmp_path: Path, receiver: Receiver) -> None:
    """A pass tries each row at most once, even with --now and a channel failing fast."""
    receiver.status = lambda n: 500
    config = make_config(tmp_path, {"channels": {"ops": {"type": "webhook", "url": receiver.url}},
                                    "rules": [{"name": "rare-gas", "query": "氪氙"}]})
    with store_with_alerts(config) as store:
        add_stories(store, 2)
        report = send_due(config, store, ignore_backoff=True, now=datetime.now(timezone.utc) + timedelta(days=1))
    assert report.messages_failed == 2 and len(receiver.requests) == 2


def test_health_notices_are_queued_and_retried_like_alerts(tmp_path: Path, receiver: Receiver) -> None:
    from newsmon.alerts import queue_health_notices
    from newsmon.db.outbox import list_notices

    receiver.status = lambda n: 502 if n == 1 else 200
    config = make_config(tmp_path, {"channels": {"oncall": {"type": "webhook", "url": receiver.url + "/health"}},
                                    "health_channels": ["oncall"]})
    with Store(config.database_path) as store:
        assert queue_health_notices(store.db, config, "shenyang-gov", "the last 3 crawls failed (HTTP 500)",
                                    "2026-11-30T10:00:00+00:00") == 1
        first = send_due(config, store)
        assert first.messages_failed == 1  # the channel was down: the notice waits, it is not lost
        [row] = list_notices(store.db)
        assert (row["status"], row["attempts"]) == ("pending", 1) and "HTTP 502" in row["last_error"]
        assert send_due(config, store, ignore_backoff=True).messages_sent == 1
        assert send_due(config, store, ignore_backoff=True).messages_sent == 0
        [row] = list_notices(store.db)
    assert row["status"] == "sent"
    payloads = [r["json"] for r in receiver.requests]
    assert payloads[0] == payloads[1] and payloads[1]["event"] == "site_unhealthy"
    assert payloads[1]["site"] == "shenyang-gov" and "HTTP 500" in payloads[1]["reasons"]
    keys = {r["headers"]["Idempotency-Key"] for r in receiver.requests}
    assert len(keys) == 1  # the retry carries the same key


def test_daemon_sigterm_while_a_channel_hangs_stops_within_10s(tmp_path: Path, hung: HungServer,
                                                               receiver: Receiver) -> None:
    """`newsmon run` with alerts in flight to a hung webhook: SIGTERM ends it in time, the rows left pending."""
    config = two_channels(tmp_path, hung.url, receiver.url, hung_timeout=60)
    with store_with_alerts(config) as store:
        add_stories(store, 6)
    proc = subprocess.Popen([_newsmon(), "run", "--config", str(config.source_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: len(receiver.accepted) == 6 and len(hung.connections) == CHANNEL_IN_FLIGHT, 30)
        proc.send_signal(signal.SIGTERM)
        stopped = time.monotonic()
        _, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert time.monotonic() - stopped < 10, err
    assert proc.returncode == 0 and "stopped after" in err, err
    with Store(config.database_path) as store:
        rows = rows_of(store, "hung")
    assert [(r["status"], r["attempts"], r["last_error"]) for r in rows] == [("pending", 0, None)] * 6


def test_an_open_circuit_is_honoured_by_the_next_process(tmp_path: Path, receiver: Receiver) -> None:
    # Each send_due is what one `newsmon alerts send` / `crawl` process does: a new sender.
    down = True
    receiver.status = lambda n: 500 if down else 200
    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook"}},
        "rules": [{"name": "rare-gas", "query": "氪氙"}],
        "retry_delay": "3s", "retry_max_delay": "3s",
    })
    with store_with_alerts(config) as store:
        add_stories(store, 6)
        first = send_due(config, store, ignore_backoff=True)
        assert first.held_channels == ["ops"]
        tried = len(receiver.requests)
        assert tried >= BREAKER_FAILURES
        # A second process, at once: the circuit found open by the first holds it, no request made.
        second = send_due(config, store, ignore_backoff=True)
        assert len(receiver.requests) == tried
        assert second.messages_sent == 0 and second.messages_held >= 1
        # After the cool-down one probe gets through, closes the circuit for everyone, and all go out once.
        down = False
        time.sleep(3.2)
        third = send_due(config, store, ignore_backoff=True)
        assert third.messages_sent == 6 and not third.held_channels
        assert store.db.execute("SELECT count(*) FROM newsmon_meta WHERE key LIKE 'breaker:%'").fetchone() == (0,)
    titles = [r["json"]["title"] for r in receiver.accepted]
    assert len(titles) == len(set(titles)) == 6
