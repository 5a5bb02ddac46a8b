"""`type: apprise` (issue 14): any Apprise URL, through the same outbox, retries and exactly-once bookkeeping.

The receiver is a real loopback HTTP server reached through Apprise's own `json://` service.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from newsmon.alerts import send_due
from newsmon.db.outbox import list_deliveries
from newsmon.errors import ConfigError
from test_alerts_support import Receiver, add_story, make_config, receiver, store_with_alerts  # noqa: F401


def apprise_config(tmp_path: Path, url: str) -> object:
    return make_config(tmp_path, {"channels": {"push": {"type": "apprise", "url": url}},
                                  "rules": [{"name": "rare-gas", "query": "氪氙 OR 稀有气体"}]})


def test_apprise_url_delivers_once_with_retries(tmp_path: Path, receiver: Receiver,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    host = receiver.url.removeprefix("http://")
    monkeypatch.setenv("APPRISE_URL", f"json://bot:pw-apprise-123@{host}/notify")
    receiver.status = lambda n: 503 if n == 1 else 200
    config = apprise_config(tmp_path, "${APPRISE_URL}")
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", "大连市今日签约氪氙气体提纯项目。", url="http://gov-ln.example/news/1.html")
        failed = send_due(config, store)
        assert failed.messages_failed == 1 and failed.pending == 1
        assert failed.errors[0].startswith("Channel 'push': Apprise could not deliver to ${APPRISE_URL} (Failed to send JSON POST")
        assert "pw-apprise-123" not in failed.errors[0]
        assert send_due(config, store).messages_sent == 0  # backoff, as for every channel
        assert send_due(config, store, ignore_backoff=True).messages_sent == 1
        assert send_due(config, store, ignore_backoff=True).messages_sent == 0  # exactly once
        [row] = list_deliveries(store.db)
    assert (row["status"], row["attempts"]) == ("sent", 2)
    [accepted] = receiver.accepted
    assert accepted["path"] == "/notify"
    assert accepted["headers"]["Authorization"] == "Basic " + base64.b64encode(b"bot:pw-apprise-123").decode()
    assert accepted["json"]["title"] == "[newsmon] rare-gas: 大连氪氙项目签约"
    assert "http://gov-ln.example/news/1.html" in accepted["json"]["message"]
    assert "氪氙" in accepted["json"]["message"]


def test_apprise_url_apprise_does_not_know_is_a_clear_retryable_error(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPRISE_URL", "nosuchservice://token-abcdef")
    config = apprise_config(tmp_path, "${APPRISE_URL}")
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", "氪氙。")
        report = send_due(config, store)
    assert report.messages_failed == 1 and report.pending == 1
    assert report.errors[0].startswith("Channel 'push': Apprise does not understand the URL ${APPRISE_URL}")
    assert "token-abcdef" not in report.errors[0]


def test_apprise_channel_config_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Apprise URL"):
        apprise_config(tmp_path, "not a url")
    with pytest.raises(ConfigError, match="does not take secret"):
        make_config(tmp_path, {"channels": {"push": {"type": "apprise", "url": "ntfy://t", "secret": "${X}"}}})
