"""An idle daemon does not poll (issue 12): the alert sender sleeps until woken or until a row is due."""

from __future__ import annotations

import time
from pathlib import Path

from newsmon.alerts import AlertSender
from test_alerts_support import Receiver, add_story, make_config, receiver, store_with_alerts, wait_for  # noqa: F401


def test_idle_sender_sleeps_until_woken_and_then_sends_at_once(tmp_path: Path, receiver: Receiver) -> None:
    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook"}},
        "rules": [{"name": "rare-gas", "query": "氪氙", "channels": ["ops"]}],
    })
    with store_with_alerts(config) as store:
        sender = AlertSender(config)  # interval 0.5 s: the old loop woke twice a second
        sender.start()
        try:
            assert wait_for(lambda: sender.wakeups >= 1, timeout=10)
            before = sender.wakeups
            time.sleep(2.0)
            assert sender.wakeups - before <= 1  # nothing pending, nobody woke it: it slept
            add_story(store, "大连氪氙项目签约", "大连市今日签约氪氙气体提纯项目。")
            started = time.monotonic()
            sender.wake()  # what the daemon does when a crawl ends
            assert wait_for(lambda: len(receiver.requests) == 1, timeout=10)
            assert time.monotonic() - started < 5
        finally:
            started = time.monotonic()
            assert sender.join(5)
            assert time.monotonic() - started < 2  # request_stop() wakes it too
