"""Secrets never reach a log (issue 13 item 4): a verbose real `newsmon alerts send` to loopback receivers, grepped."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from newsmon.redact import install_redaction, redact, register_secret
from test_alerts_support import Receiver, add_story, make_config, receiver, store_with_alerts  # noqa: F401

SECRETS = {
    "HOOK_TOKEN": "hooktok-1a2b3c4d",
    "HOOK_SECRET": "hooksecret-55aa66bb",
    "DING_TOKEN": "dingtok-5e6f7a8b9c",
    "DING_SECRET": "SECdingsecret-99887766",
    "FEISHU_SECRET": "feishusecret-1234abcd",
    "TG_TOKEN": "123456789:AAtelegram-SECRET_token",
    "APPRISE_PASSWORD": "apprisepw-778899",
}


def test_known_token_parameters_and_registered_values_are_masked() -> None:
    assert redact("POST https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1&sign=xyz%3D") == (
        "POST https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=1&sign=***")
    assert redact("POST http://h/hook?a=1&token=t0k&key=k3y") == "POST http://h/hook?a=1&token=***&key=***"
    assert redact("POST https://api.telegram.org/bot123456:AA-bb_cc/sendMessage") == (
        "POST https://api.telegram.org/bot***/sendMessage")
    assert redact("json://alice:pw-123@127.0.0.1:9/x") == "json://alice:***@127.0.0.1:9/x"
    register_secret("plain-value-42 x")
    assert redact("header plain-value-42 x and " + urllib.parse.quote("plain-value-42 x", safe="")) == (
        "header *** and ***")
    assert redact("ordinary text, ?page=2") == "ordinary text, ?page=2"


def test_every_logger_every_level_is_scrubbed(caplog: pytest.LogCaptureFixture) -> None:
    install_redaction()
    register_secret("s3cr3t-in-a-traceback")
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("httpx").debug("GET %s", "http://x/?token=abc")
        logging.getLogger("scrapy.core.engine").info("Crawled (200) <GET http://x/?access_token=zzz>")
        try:
            raise ValueError("failed with s3cr3t-in-a-traceback")
        except ValueError:
            logging.getLogger("apscheduler.executors").exception("job failed")
    text = caplog.text + "".join(str(r.exc_text) for r in caplog.records)
    assert "abc" not in text and "zzz" not in text and "s3cr3t-in-a-traceback" not in text
    assert "token=***" in text and "access_token=***" in text and "ValueError: failed with ***" in text


def test_verbose_alerts_send_logs_no_secret(tmp_path: Path, receiver: Receiver) -> None:
    receiver.status = lambda n: 500 if n <= 3 else 200  # some failures: error lines carry URLs too
    host = receiver.url.removeprefix("http://")
    env = {**os.environ, **SECRETS,
           "APPRISE_URL": f"json://alice:{SECRETS['APPRISE_PASSWORD']}@{host}/apprise"}
    config = make_config(tmp_path, {
        "channels": {
            "hook": {"type": "webhook", "url": receiver.url + "/hook?token=${HOOK_TOKEN}", "secret": "${HOOK_SECRET}"},
            "ding": {"type": "dingtalk", "url": receiver.url + "/robot/send?access_token=${DING_TOKEN}",
                     "secret": "${DING_SECRET}"},
            "feishu": {"type": "feishu", "url": receiver.url + "/open-apis/bot/v2/hook/x", "secret": "${FEISHU_SECRET}"},
            "tg": {"type": "telegram", "url": receiver.url, "token": "${TG_TOKEN}", "chat_id": "42"},
            "push": {"type": "apprise", "url": "${APPRISE_URL}"},
        },
        "rules": [{"name": "rare-gas", "query": "氪氙"}],
    })
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目签约", "大连氪氙项目今日签约。")
    newsmon = str(Path(sys.executable).with_name("newsmon"))
    output = ""
    for args in (["alerts", "send", "-v"], ["alerts", "send", "--now", "-v"], ["alerts", "log", "--format", "json"],
                 ["alerts", "list", "--format", "json"]):
        result = subprocess.run([newsmon, *args, "--config", str(config.source_path)], capture_output=True,
                                text=True, env=env, timeout=60)
        output += result.stdout + result.stderr
    # The run was verbose and really sent: httpx's request lines, Apprise's, and every channel received.
    assert "HTTP Request: POST" in output and "apprise" in output.lower()
    paths = {r["path"].split("?")[0] for r in receiver.accepted}
    assert {"/hook", "/robot/send", "/open-apis/bot/v2/hook/x", "/apprise"} <= paths
    assert any(p.startswith("/bot") for p in paths)
    assert "Alerts: 5 sent" in output or "sent" in output
    # ... and no secret, in any form, in any of it.
    leaked = [name for name, value in {**SECRETS, "APPRISE_URL": env["APPRISE_URL"]}.items()
              if value in output or urllib.parse.quote(value, safe="") in output
              or urllib.parse.quote_plus(value) in output]
    assert leaked == [], f"secrets in the output: {leaked}"
    assert not re.search(r"sign=(?!\*\*\*)", output)  # DingTalk's signature
    # The receivers did get the real values (the masking is in the logs, not the requests).
    assert any(f"token={SECRETS['HOOK_TOKEN']}" in r["path"] for r in receiver.accepted)
