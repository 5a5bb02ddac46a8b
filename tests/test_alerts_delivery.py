"""Alerts end to end through the store: match in the story's transaction, deliver once to real receivers."""

from __future__ import annotations

import hmac
import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsmon.alerts import send_due
from newsmon.db.outbox import list_deliveries
from test_alerts_support import Receiver, add_story, make_config, receiver, smtp_server, store_with_alerts  # noqa: F401

BODY = "大连市今日签约氪氙气体提纯项目，总投资12亿元。\n项目建成后年产稀有气体200万立方米。"


def webhook_config(tmp_path: Path, url: str, **rule: object) -> object:
    return make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": url + "/hook"}},
        "rules": [{"name": "rare-gas", "query": "氪氙 OR 稀有气体", "channels": ["ops"], **rule}],
    })


def test_story_with_keyword_is_posted_once_with_the_right_fields(tmp_path: Path, receiver: Receiver) -> None:
    config = webhook_config(tmp_path, receiver.url)
    with store_with_alerts(config) as store:
        result = add_story(store, "大连氪氙项目签约", BODY, url="http://gov-ln.example/news/1.html")
        add_story(store, "天气预报", "明天晴。")  # no keyword: no alert
        report = send_due(config, store)
    assert report.messages_sent == 1 and report.pending == 0
    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert request["path"] == "/hook"
    payload = request["json"]
    assert payload["rule"] == "rare-gas"
    assert payload["title"] == "大连氪氙项目签约"
    assert payload["url"] == "http://gov-ln.example/news/1.html"
    assert payload["site"] == "gov-ln"
    assert payload["published_at"] == "2023-04-04T15:26:00+08:00"
    assert payload["matched"] == ["氪氙", "稀有气体"]
    assert "[氪氙]" in payload["snippet"]
    assert payload["sources"] == [{"site": "gov-ln", "url": "http://gov-ln.example/news/1.html"}]
    assert payload["article_id"] == result.article_id
    assert request["headers"]["Idempotency-Key"].startswith("newsmon-rare-gas-ops-")


def test_restore_and_syndicated_copy_do_not_alert_again(tmp_path: Path, receiver: Receiver) -> None:
    config = webhook_config(tmp_path, receiver.url)
    with store_with_alerts(config) as store:
        first = add_story(store, "大连氪氙项目签约", BODY, url="http://gov-ln.example/news/1.html")
        assert send_due(config, store).messages_sent == 1
        # The same URL crawled again, and the same text on another portal (a syndicated copy).
        again = add_story(store, "大连氪氙项目签约", BODY, url="http://gov-ln.example/news/1.html")
        copy = add_story(store, "转载：大连氪氙项目签约", BODY, site="news-dl", url="http://news-dl.example/a/9.html")
        assert (again.status, copy.status) == ("known_url", "duplicate")
        assert copy.article_id == first.article_id
        assert send_due(config, store).messages_sent == 0
    # A restart (new process, new Store, hook installed again) sends nothing either.
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY, url="http://gov-ln.example/news/1.html")
        assert send_due(config, store, ignore_backoff=True).messages_sent == 0
        assert len(list_deliveries(store.db)) == 1
    assert len(receiver.requests) == 1


def test_syndicated_copy_stored_before_sending_is_listed_in_sources(tmp_path: Path, receiver: Receiver) -> None:
    config = webhook_config(tmp_path, receiver.url)
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY, url="http://gov-ln.example/news/1.html")
        add_story(store, "转载", BODY, site="news-dl", url="http://news-dl.example/a/9.html")
        send_due(config, store)
    assert len(receiver.requests) == 1
    assert [s["site"] for s in receiver.requests[0]["json"]["sources"]] == ["gov-ln", "news-dl"]


def test_receiver_down_for_a_while_gets_the_alert_later_exactly_once(tmp_path: Path, receiver: Receiver) -> None:
    receiver.status = lambda n: 500 if n <= 3 else 200
    config = webhook_config(tmp_path, receiver.url)
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY)
        start = datetime.now(timezone.utc).replace(microsecond=0)
        delays = []
        moment = start
        for _ in range(3):
            report = send_due(config, store, now=moment)
            assert report.messages_failed == 1 and report.pending == 1
            assert "HTTP 500 from http://127.0.0.1" in report.errors[0]
            row = list_deliveries(store.db)[0]
            retry_at = datetime.fromisoformat(row["next_attempt_at"])
            delays.append(round((retry_at - moment).total_seconds()))
            # Before the backoff has passed nothing is tried.
            assert send_due(config, store, now=retry_at - timedelta(seconds=1)).messages_failed == 0
            moment = retry_at
        assert delays == [30, 60, 120]  # retry_delay 30s, doubling
        report = send_due(config, store, now=moment)
        assert report.messages_sent == 1 and report.pending == 0
        assert send_due(config, store, now=moment + timedelta(days=1), ignore_backoff=True).messages_sent == 0
        row = list_deliveries(store.db)[0]
    assert (row["status"], row["attempts"], row["last_error"]) == ("sent", 4, None)
    assert len(receiver.requests) == 4 and len(receiver.accepted) == 1


def test_send_now_ignores_backoff(tmp_path: Path, receiver: Receiver) -> None:
    receiver.status = lambda n: 503 if n == 1 else 200
    config = webhook_config(tmp_path, receiver.url)
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY)
        assert send_due(config, store).messages_failed == 1
        assert send_due(config, store).messages_sent == 0  # waiting for the backoff
        assert send_due(config, store, ignore_backoff=True).messages_sent == 1
    assert len(receiver.accepted) == 1


def test_unreachable_channel_keeps_the_alert(tmp_path: Path) -> None:
    config = webhook_config(tmp_path, "http://127.0.0.1:9")  # discard port: nothing listens
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY)
        report = send_due(config, store)
        assert report.messages_failed == 1 and report.pending == 1
        assert report.errors[0].startswith("Channel 'ops': cannot reach http://127.0.0.1:9/hook (ConnectError")


def test_hmac_signature_and_secret_never_in_errors(tmp_path: Path, receiver: Receiver,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOOK_SECRET", "topsecret-value")
    monkeypatch.setenv("HOOK_TOKEN", "tok-12345")
    receiver.status = lambda n: 500 if n == 1 else 200
    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook?token=${HOOK_TOKEN}",
                             "secret": "${HOOK_SECRET}"}},
        "rules": [{"name": "rare-gas", "query": "氪氙"}],
    })
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY)
        failed = send_due(config, store)
        assert failed.messages_failed == 1
        assert "tok-12345" not in failed.errors[0] and "topsecret" not in failed.errors[0]
        assert "tok-12345" not in (list_deliveries(store.db)[0]["last_error"] or "")
        assert send_due(config, store, ignore_backoff=True).messages_sent == 1
    request = receiver.accepted[0]
    assert request["path"] == "/hook?token=tok-12345"
    expected = "sha256=" + hmac.new(b"topsecret-value", request["raw"], hashlib.sha256).hexdigest()
    assert request["headers"]["X-Newsmon-Signature-256"] == expected


def test_missing_environment_variable_delays_delivery(tmp_path: Path, receiver: Receiver,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOT_SET_SECRET", raising=False)
    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url, "secret": "${NOT_SET_SECRET}"}},
        "rules": [{"name": "rare-gas", "query": "氪氙"}],
    })
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY)
        report = send_due(config, store)
        assert report.errors == ["Channel 'ops': environment variable NOT_SET_SECRET (for secret) is not set."]
        monkeypatch.setenv("NOT_SET_SECRET", "now-set")
        assert send_due(config, store, ignore_backoff=True).messages_sent == 1


def test_email_over_starttls_with_password_from_environment(tmp_path: Path, smtp_server: object,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", smtp_server.password)  # type: ignore[attr-defined]
    config = make_config(tmp_path, {
        "channels": {"mail": {
            "type": "email", "smtp_host": "127.0.0.1", "smtp_port": smtp_server.port,  # type: ignore[attr-defined]
            "username": "alerts", "password": "${SMTP_PASSWORD}", "from": "newsmon@example.org",
            "to": ["analyst@example.org"], "ca_file": str(smtp_server.cert),  # type: ignore[attr-defined]
        }},
        "rules": [{"name": "rare-gas", "query": "氪氙 OR 稀有气体"}],
    })
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY, url="http://gov-ln.example/news/1.html")
        add_story(store, "大连氪氙项目签约", BODY, url="http://gov-ln.example/news/1.html")  # re-crawl
        report = send_due(config, store)
        assert report.messages_sent == 1, report.errors
        assert send_due(config, store, ignore_backoff=True).messages_sent == 0
    messages = smtp_server.messages  # type: ignore[attr-defined]
    assert len(messages) == 1
    mail = messages[0]
    assert mail["tls"] and mail["auth"]
    assert mail["to"] == ["analyst@example.org"] and mail["from"] == "newsmon@example.org"
    assert mail["subject"] == "[newsmon] rare-gas: 大连氪氙项目签约"
    assert "http://gov-ln.example/news/1.html" in mail["body"] and "matched: 氪氙, 稀有气体" in mail["body"]


def test_email_wrong_password_is_retried_not_lost(tmp_path: Path, smtp_server: object,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", "wrong-password")
    config = make_config(tmp_path, {
        "channels": {"mail": {
            "type": "email", "smtp_host": "127.0.0.1", "smtp_port": smtp_server.port,  # type: ignore[attr-defined]
            "username": "alerts", "password": "${SMTP_PASSWORD}", "from": "newsmon@example.org",
            "to": "analyst@example.org", "ca_file": str(smtp_server.cert),  # type: ignore[attr-defined]
            "timeout": 3,
        }},
        "rules": [{"name": "rare-gas", "query": "氪氙"}],
    })
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY)
        report = send_due(config, store)
        assert report.messages_failed == 1 and "wrong-password" not in report.errors[0]
        assert report.errors[0].startswith("Channel 'mail': smtp://127.0.0.1:")
        monkeypatch.setenv("SMTP_PASSWORD", smtp_server.password)  # type: ignore[attr-defined]
        assert send_due(config, store, ignore_backoff=True).messages_sent == 1
    assert len(smtp_server.messages) == 1  # type: ignore[attr-defined]


def test_filters_regex_phrases_and_not(tmp_path: Path, receiver: Receiver) -> None:
    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url}},
        "rules": [
            {"name": "no-ads", "query": "稀有气体 -招聘"},
            {"name": "liaoning-only", "query": "氪氙", "sites": ["gov-*"]},
            {"name": "phrase", "query": '"Air Liquide"'},
            {"name": "regex", "query": r"/投资\d+亿元/"},
            {"name": "title-only", "query": "title:项目 大连"},
        ],
    })
    with store_with_alerts(config) as store:
        add_story(store, "稀有气体公司招聘", "诚聘稀有气体工程师。", site="gov-ln")
        add_story(store, "氪氙新闻", "全国氪氙市场回暖。", site="news-dl")
        add_story(store, "外企动态", "Air Liquide 在大连。", site="news-dl")
        add_story(store, "外企动态二", "Air products and Liquide.", site="news-dl")
        add_story(store, "大连签约", "总投资12亿元的项目。", site="news-dl")
        add_story(store, "大连项目", "一个消息。", site="news-dl")
        send_due(config, store)
    got = sorted((r["json"]["rule"], r["json"]["title"]) for r in receiver.requests)
    assert got == [("phrase", "外企动态"), ("regex", "大连签约"), ("title-only", "大连项目")]
    regex_hit = next(r["json"] for r in receiver.requests if r["json"]["rule"] == "regex")
    assert regex_hit["matched"] == ["投资12亿元"]


def test_broken_rule_is_reported_and_skipped(tmp_path: Path, receiver: Receiver,
                                             caplog: pytest.LogCaptureFixture) -> None:
    from newsmon.alerts import install_alert_hook
    from newsmon.db import Store

    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url}},
        "rules": [{"name": "broken", "query": "(氪氙 OR 稀有气体"}, {"name": "bad-regex", "query": "/氪[/"},
                  {"name": "good", "query": "氪氙"}],
    })
    with Store(config.database_path) as store:
        errors = install_alert_hook(store, config)
        assert [str(e) for e in errors] == [
            "Alert rule 'broken': at character 1 of '(氪氙 OR 稀有气体': This parenthesis is opened but never closed.",
            "Alert rule 'bad-regex': at character 1 of '/氪[/': /氪[/ is not a valid regular expression"
            " (unterminated character set).",
        ]
        assert "Alert rule 'broken'" in caplog.text
        add_story(store, "大连氪氙项目签约", BODY)
        send_due(config, store)
    assert [r["json"]["rule"] for r in receiver.requests] == ["good"]


def test_digest_sends_one_message_per_period(tmp_path: Path, receiver: Receiver) -> None:
    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url}},
        "rules": [{"name": "rare-gas", "query": "氪氙", "digest": "1h"}],
    })
    with store_with_alerts(config) as store:
        for n in range(3):
            add_story(store, f"氪氙新闻{n}", f"第{n}条氪氙消息。")
        assert send_due(config, store).messages_sent == 0  # not due yet
        later = datetime.now(timezone.utc) + timedelta(hours=1, seconds=5)
        report = send_due(config, store, now=later)
        assert report.messages_sent == 1 and report.alerts_sent == 3
        assert send_due(config, store, now=later + timedelta(hours=2)).messages_sent == 0
    payload = receiver.requests[0]["json"]
    assert payload["rule"] == "rare-gas" and payload["digest"] == "1h" and payload["count"] == 3
    assert [s["title"] for s in payload["stories"]] == ["氪氙新闻0", "氪氙新闻1", "氪氙新闻2"]


def test_story_rolled_back_leaves_no_alert(tmp_path: Path, receiver: Receiver) -> None:
    """The outbox row is written in the story's transaction: a failing later hook undoes both."""
    from newsmon.db import Store
    from newsmon.errors import StoreError

    config = webhook_config(tmp_path, receiver.url)
    with store_with_alerts(config) as store:
        def fail(db: object, article_id: int, row: dict) -> None:
            import sqlite3

            raise sqlite3.OperationalError("disk I/O error")

        store.new_article_hooks.append(fail)
        with pytest.raises(StoreError):
            add_story(store, "大连氪氙项目签约", BODY)
        assert store.counts()["articles"] == 0
        assert list_deliveries(store.db) == []
    with Store(config.database_path) as store:
        assert send_due(config, store).messages_sent == 0
    assert receiver.requests == []


def test_sender_thread_delivers_each_story_within_a_second_while_stories_are_stored(
        tmp_path: Path, receiver: Receiver) -> None:
    """The daemon's way: an AlertSender thread on its own connection, a writer storing stories meanwhile."""
    import threading
    import time

    from newsmon.alerts import AlertSender
    from test_alerts_support import wait_for

    config = webhook_config(tmp_path, receiver.url)
    stop = threading.Event()
    with store_with_alerts(config) as store:
        thread = threading.Thread(target=AlertSender(config, interval=0.1).run, args=(stop,), daemon=True)
        thread.start()
        try:
            for n in range(15):
                started = time.monotonic()
                add_story(store, f"氪氙新闻{n}", f"第{n}条：氪氙项目。")
                assert wait_for(lambda: len(receiver.requests) == n + 1, timeout=5)
                assert receiver.requests[-1]["at"] - started < 1.0
        finally:
            stop.set()
            thread.join(timeout=5)
    assert sorted(r["json"]["title"] for r in receiver.requests) == sorted(f"氪氙新闻{n}" for n in range(15))


def test_rows_claimed_by_a_sender_that_died_are_sent_after_the_claim_timeout(tmp_path: Path,
                                                                             receiver: Receiver) -> None:
    from newsmon.alerts.sender import CLAIM_TIMEOUT
    from newsmon.db.outbox import claim_deliveries

    config = webhook_config(tmp_path, receiver.url)
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", BODY)
        now = datetime.now(timezone.utc)
        [row] = list_deliveries(store.db)
        assert claim_deliveries(store.db, [row["id"]], now.replace(microsecond=0).isoformat()) == [row["id"]]
        # Another sender (or this one, restarted) leaves the claimed row alone ...
        assert send_due(config, store, now=now, ignore_backoff=True).messages_sent == 0
        # ... until the claim is older than CLAIM_TIMEOUT: then it is sent, once.
        later = now + CLAIM_TIMEOUT + timedelta(seconds=2)
        assert send_due(config, store, now=later).messages_sent == 1
        assert send_due(config, store, now=later + CLAIM_TIMEOUT * 2).messages_sent == 0
    assert len(receiver.requests) == 1


def test_daily_digest_time_is_the_next_one_in_the_configured_zone() -> None:
    from zoneinfo import ZoneInfo

    from newsmon.alerts.digest import digest_due
    from newsmon.alerts_config import parse_digest

    shanghai = timezone(timedelta(hours=8))
    before = datetime(2023, 4, 4, 8, 59, tzinfo=shanghai)
    after = datetime(2023, 4, 4, 9, 0, tzinfo=shanghai)
    nine = parse_digest("daily 09:00")
    assert digest_due(nine, before) == datetime(2023, 4, 4, 1, 0, tzinfo=timezone.utc)
    assert digest_due(nine, after) == datetime(2023, 4, 5, 1, 0, tzinfo=timezone.utc)
    assert digest_due(parse_digest("daily"), after, ZoneInfo("UTC")) == datetime(2023, 4, 5, 0, 0, tzinfo=timezone.utc)
    assert digest_due(parse_digest("30m"), after) == after + timedelta(minutes=30)


def test_max_age_keeps_old_stories_quiet(tmp_path: Path, receiver: Receiver) -> None:
    config = make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": receiver.url}},
        "rules": [{"name": "rare-gas", "query": "氪氙"}], "max_age": "2d",
    })
    with store_with_alerts(config) as store:
        add_story(store, "旧闻：氪氙项目", "2023年的氪氙项目。")  # published 2023-04-04
        store.add_article(site="gov-ln", url="http://gov-ln.example/new.html", title="今日氪氙项目",
                          body="今天的氪氙项目。", fingerprint="today",
                          published_at=datetime.now(timezone.utc) - timedelta(hours=3))
        store.add_article(site="gov-ln", url="http://gov-ln.example/nodate.html", title="无日期氪氙",
                          body="没有日期的氪氙。", fingerprint="nodate")
        send_due(config, store)
    assert sorted(r["json"]["title"] for r in receiver.requests) == ["今日氪氙项目", "无日期氪氙"]
