"""The real thing: `newsmon crawl` of the fixture portal, alert hook in the crawl worker, webhook on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.portal import FixturePortal
from test_alerts_support import Receiver, receiver  # noqa: F401

KEYWORD_TEXT = [
    "辽宁省今日与某气体公司签约氦三提纯项目，总投资8亿元。",
    "项目落户大连长兴岛，预计明年投产，年产高纯氦三五百升。",
]


SITES = ["liaoning-invest", "shenyang-gov"]  # the third fixture site has a deliberately slow page


def crawl(config: Path) -> object:
    return CliRunner().invoke(cli, ["crawl", *SITES, "--config", str(config), "--format", "json"],
                              catch_exceptions=False)


def test_crawl_alerts_once_per_story(tmp_path: Path, receiver: Receiver) -> None:
    with FixturePortal() as portal:
        doc = yaml.safe_load(portal.config_yaml(database="news.db", timeout=20))  # a loaded CI machine is slow
        doc["alerts"] = {
            "channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook"}},
            "rules": [{"name": "helium", "query": "氦三 -招聘", "channels": ["ops"]},
                      {"name": "broken", "query": "(氦三", "channels": ["ops"]}],
        }
        config = tmp_path / "config.yaml"
        config.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

        url = portal.publish("liaoning-invest", "辽宁氦三提纯项目签约", KEYWORD_TEXT, published="2023-04-06 09:30")
        portal.publish("liaoning-invest", "氦三项目招聘启事", ["氦三项目现招聘工程师若干名。"], published="2023-04-06 10:00")
        # The same story syndicated on another portal: whichever copy is stored first alerts, the other is a duplicate.
        copy = portal.publish("shenyang-gov", "转载：辽宁氦三提纯项目签约", KEYWORD_TEXT, published="2023-04-06 11:00")

        first = crawl(config)
        assert first.exit_code == 0, first.output
        assert "Alert rule 'broken': at character 1 of '(氦三'" in first.stderr
        assert "Alerts: 1 sent, 0 pending." in first.stderr
        assert len(receiver.requests) == 1
        payload = receiver.requests[0]["json"]
        assert payload["rule"] == "helium" and payload["matched"] == ["氦三"]
        assert (payload["url"], payload["site"]) in ((url, "liaoning-invest"), (copy, "shenyang-gov"))
        assert payload["title"] in ("辽宁氦三提纯项目签约", "转载：辽宁氦三提纯项目签约")
        assert payload["published_at"].startswith("2023-04-06T")
        assert sorted(s["url"] for s in payload["sources"]) == sorted([url, copy])

        # Re-crawl: nothing new, nothing sent.
        second = crawl(config)
        assert second.exit_code == 0, second.output
        reports = {r["site"]: r for r in json.loads(second.stdout)}
        assert reports["liaoning-invest"]["articles_new"] == 0
        assert len(receiver.requests) == 1

    log = CliRunner().invoke(cli, ["alerts", "log", "--config", str(config), "--format", "json"])
    rows = json.loads(log.stdout)
    assert [(r["rule"], r["status"], r["title"]) for r in rows] == [("helium", "sent", payload["title"])]
