"""`newsmon alerts …` through click's CliRunner, and the chat-robot channels against a loopback receiver."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.parse
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from newsmon.alerts import send_due
from newsmon.cli import cli
from newsmon.config import load_config
from test_alerts_support import Receiver, add_story, make_config, receiver, store_with_alerts  # noqa: F401

CONFIG = """\
# newsmon config (comments must survive `alerts add/remove`)
database: news.db
sites: []
alerts:
  channels:
    ops: {type: webhook, url: "http://127.0.0.1:9/hook"}   # the ops room
  rules:
    - name: rare-gas
      query: 氪氙 OR 稀有气体
      channels: [ops]
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def test_add_and_remove_keep_comments_and_stay_valid(config_path: Path) -> None:
    result = run("alerts", "add", "fab", 'title:晶圆 "12 英寸" -招聘', "--config", str(config_path),
                 "--site", "gov-*", "--channel", "ops", "--digest", "daily 09:00")
    assert result.exit_code == 0, result.output
    assert result.output == f"Added alert rule 'fab' to {config_path}.\n"
    text = config_path.read_text(encoding="utf-8")
    assert "# newsmon config (comments must survive" in text and "# the ops room" in text
    rule = load_config(config_path).alerts.rule("fab")
    assert rule is not None and rule.query == 'title:晶圆 "12 英寸" -招聘'
    assert (rule.sites, rule.channels, str(rule.digest)) == (["gov-*"], ["ops"], "daily 09:00")

    result = run("alerts", "remove", "rare-gas", "--config", str(config_path))
    assert result.exit_code == 0 and result.output == f"Removed alert rule 'rare-gas' from {config_path}.\n"
    config = load_config(config_path)
    assert [r.name for r in config.alerts.rules] == ["fab"]
    assert "# the ops room" in config_path.read_text(encoding="utf-8")


def test_add_refuses_bad_rules_and_leaves_the_file_alone(config_path: Path) -> None:
    before = config_path.read_text(encoding="utf-8")
    result = run("alerts", "add", "x", "(氪氙", "--config", str(config_path))
    assert result.exit_code == 2
    assert result.stderr == ("Error: Alert rule 'x': at character 1 of '(氪氙': "
                             "This parenthesis is opened but never closed.\n")
    result = run("alerts", "add", "x", "氪氙", "--channel", "nope", "--config", str(config_path))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {config_path}: alerts: rule 'x' names channel 'nope', "
                             "which is not defined (known: ops).\n")
    result = run("alerts", "add", "rare-gas", "氪氙", "--config", str(config_path))
    assert result.stderr == (f"Error: {config_path}: there is already an alert rule called 'rare-gas'; "
                             "remove it first.\n")
    result = run("alerts", "remove", "nope", "--config", str(config_path))
    assert (result.exit_code, result.stderr) == (1, f"Error: {config_path}: there is no alert rule called 'nope'.\n")
    assert config_path.read_text(encoding="utf-8") == before


def test_add_to_a_config_without_alerts(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("database: news.db\n", encoding="utf-8")
    assert run("alerts", "add", "gas", "氪氙", "--config", str(path)).exit_code == 0
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["alerts"] == {"rules": [{"name": "gas", "query": "氪氙"}]}


def test_list_shows_broken_rules_and_hides_secrets(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    data = yaml.safe_load(CONFIG)
    data["alerts"]["rules"].append({"name": "broken", "query": "(氪氙"})
    data["alerts"]["channels"]["ding"] = {"type": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=abc123",
                                          "secret": "${DINGTALK_SECRET}"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("alerts", "list", "--config", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [(r["name"], r["status"]) for r in listed["rules"]] == [
        ("rare-gas", "ok"), ("broken", "error: at character 1: This parenthesis is opened but never closed.")]
    assert {c["name"]: c["target"] for c in listed["channels"]} == {
        "ops": "http://127.0.0.1:9/hook", "ding": "https://oapi.dingtalk.com/…"}
    assert "abc123" not in result.stdout


def test_test_command_shows_matches_and_terms(tmp_path: Path) -> None:
    config = make_config(tmp_path, {"rules": [{"name": "rare-gas", "query": "(氪氙 OR 稀有气体) -招聘"}]})
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目", "稀有气体提纯。")
        add_story(store, "氪氙公司招聘", "招聘工程师。")
        add_story(store, "天气", "晴。")
    result = run("alerts", "test", "rare-gas", "--config", str(config.source_path), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    # A list, as in the webhook and `alerts log` (issue 11: one type per field); it was "氪氙, 稀有气体".
    assert [(r["title"], r["matched"]) for r in rows] == [("大连氪氙项目", ["氪氙", "稀有气体"])]
    adhoc = run("alerts", "test", "天气 OR 招聘", "--config", str(config.source_path), "--format", "json")
    assert sorted(r["title"] for r in json.loads(adhoc.stdout)) == ["天气", "氪氙公司招聘"]
    bad = run("alerts", "test", "(天气", "--config", str(config.source_path))
    assert bad.exit_code == 2
    assert bad.stderr == ("Error: Alert rule 'query': at character 1 of '(天气': "
                          "This parenthesis is opened but never closed.\n")


def test_test_command_lists_what_search_lists_within_the_rules_sites(tmp_path: Path) -> None:
    from newsmon.db import search_articles

    config = make_config(tmp_path, {"rules": [
        {"name": "gov-gas", "query": "氪氙 -招聘", "sites": ["gov-*"]},
        {"name": "pattern", "query": "/氪.{0,2}氙/"},
    ]})
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目", "稀有气体提纯。", site="gov-ln")
        add_story(store, "氪氙出口", "出口。", site="news-db")
        add_story(store, "沈阳氪与氙", "两种气体。", site="gov-sy")
        add_story(store, "氪氙公司招聘", "招聘工程师。", site="gov-sy")
        add_story(store, "鞍山氪氙扩产", "扩产。", site="gov-as")
        searched = [(r["id"], r["site"]) for r in search_articles(store.db, "氪氙 -招聘", limit=50)]

    def titles(*args: str) -> list[str]:
        result = run("alerts", "test", *args, "--config", str(config.source_path), "--format", "json")
        assert result.exit_code == 0, result.output
        return [r["title"] for r in json.loads(result.stdout)]

    # The same stories, in the same order, as `newsmon search` with the rule's query, less the sites it excludes.
    listed = run("alerts", "test", "gov-gas", "--config", str(config.source_path), "--format", "json")
    assert [r["id"] for r in json.loads(listed.stdout)] == [i for i, site in searched if site.startswith("gov-")]
    assert titles("gov-gas") == ["鞍山氪氙扩产", "大连氪氙项目"]
    assert titles("gov-gas", "--site", "gov-ln") == ["大连氪氙项目"]
    assert titles("gov-gas", "--site", "news-db") == []  # a site the rule's globs leave out
    assert titles("氪氙 -招聘", "--site", "news-db") == ["氪氙出口"]
    assert titles("pattern") == ["鞍山氪氙扩产", "氪氙公司招聘", "沈阳氪与氙", "氪氙出口", "大连氪氙项目"]
    unknown = run("alerts", "test", "gov-gas", "--site", "gov-nowhere", "--config", str(config.source_path))
    assert unknown.exit_code == 2
    assert "There are no stories from site 'gov-nowhere'" in unknown.stderr


def test_send_and_log(tmp_path: Path, receiver: Receiver) -> None:
    receiver.status = lambda n: 500 if n == 1 else 200
    config = make_config(tmp_path, {"channels": {"ops": {"type": "webhook", "url": receiver.url}},
                                    "rules": [{"name": "rare-gas", "query": "氪氙"}]})
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目", "内容。")
    path = str(config.source_path)
    first = run("alerts", "send", "--config", path)
    assert first.exit_code == 1
    assert first.stdout.startswith("Alerts: 0 sent, 1 failed (will retry), 1 pending.\n  Channel 'ops': HTTP 500 from")
    log = json.loads(run("alerts", "log", "--config", path, "--format", "json").stdout)
    assert [(r["status"], r["attempts"]) for r in log] == [("pending", 1)]
    assert run("alerts", "send", "--config", path).stdout == "Alerts: 0 sent, 1 pending.\n"  # backoff
    second = run("alerts", "send", "--now", "--config", path)
    assert (second.exit_code, second.stdout) == (0, "Alerts: 1 sent, 0 pending.\n")
    log = json.loads(run("alerts", "log", "--config", path, "--format", "json", "--status", "sent").stdout)
    assert [(r["rule"], r["channel"], r["attempts"], r["title"]) for r in log] == [("rare-gas", "ops", 2, "大连氪氙项目")]


# -- chat robots: the same HTTP calls the services expect, made to a loopback receiver -----------------


def _robot_config(tmp_path: Path, channel: dict) -> object:
    return make_config(tmp_path, {"channels": {"bot": channel}, "rules": [{"name": "rare-gas", "query": "氪氙"}]})


def test_dingtalk_signed_markdown(tmp_path: Path, receiver: Receiver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DINGTALK_SECRET", "SECabc123")
    config = _robot_config(tmp_path, {"type": "dingtalk", "url": receiver.url + "/robot/send?access_token=tok",
                                      "secret": "${DINGTALK_SECRET}"})
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目", "大连氪氙项目签约。")
        assert send_due(config, store).messages_sent == 1
    request = receiver.requests[0]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(request["path"]).query)
    timestamp, sign = query["timestamp"][0], query["sign"][0]
    expected = base64.b64encode(hmac.new(b"SECabc123", f"{timestamp}\nSECabc123".encode(), hashlib.sha256).digest())
    assert query["access_token"] == ["tok"] and sign == expected.decode()
    body = request["json"]
    assert body["msgtype"] == "markdown" and body["markdown"]["title"] == "[newsmon] rare-gas: 大连氪氙项目"
    assert "matched: 氪氙" in body["markdown"]["text"]


def test_robot_error_code_is_a_failed_delivery(tmp_path: Path, receiver: Receiver) -> None:
    receiver.reply = b'{"errcode": 310000, "errmsg": "sign not match"}'
    config = _robot_config(tmp_path, {"type": "wecom", "url": receiver.url + "/cgi-bin/webhook/send?key=k"})
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目", "内容。")
        report = send_due(config, store)
    assert report.errors == ["Channel 'bot': wecom answered error 310000 (sign not match)."]
    assert receiver.requests[0]["json"]["msgtype"] == "markdown"


def test_feishu_slack_and_telegram_payloads(tmp_path: Path, receiver: Receiver,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEISHU_SECRET", "fs-secret")
    monkeypatch.setenv("TELEGRAM_TOKEN", "123:ABC")
    receiver.reply = b'{"code": 0, "ok": true}'
    config = make_config(tmp_path, {
        "channels": {
            "feishu": {"type": "feishu", "url": receiver.url + "/open-apis/bot/v2/hook/x", "secret": "${FEISHU_SECRET}"},
            "slack": {"type": "slack", "url": receiver.url + "/services/T/B/X"},
            "tg": {"type": "telegram", "url": receiver.url, "token": "${TELEGRAM_TOKEN}", "chat_id": "-100123"},
        },
        "rules": [{"name": "rare-gas", "query": "氪氙"}],
    })
    with store_with_alerts(config) as store:
        add_story(store, "大连氪氙项目", "内容。")
        assert send_due(config, store).messages_sent == 3
    by_path = {r["path"]: r["json"] for r in receiver.requests}
    feishu = by_path["/open-apis/bot/v2/hook/x"]
    key = f"{feishu['timestamp']}\nfs-secret".encode()
    assert feishu["sign"] == base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
    assert feishu["msg_type"] == "text" and "大连氪氙项目" in feishu["content"]["text"]
    assert by_path["/services/T/B/X"]["text"].startswith("[newsmon] rare-gas: 大连氪氙项目")
    telegram = by_path["/bot123:ABC/sendMessage"]
    assert telegram["chat_id"] == "-100123" and "大连氪氙项目" in telegram["text"]


def test_literal_secret_in_config_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("alerts:\n  channels:\n    ding: {type: dingtalk, url: 'https://x', secret: SECabc}\n",
                    encoding="utf-8")
    result = run("alerts", "list", "--config", str(path))
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {path}, line 3: alerts.channels.ding.secret: 'SECabc': secrets must be an "
                             "environment variable reference like ${DINGTALK_SECRET}.\n")
