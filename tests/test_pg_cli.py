"""The reading commands on a ``postgresql://`` database print what they print on SQLite.

The same stories, crawl runs and alert deliveries go into a real SQLite file and a real
PostgreSQL database (``postgres_url``), each through its own store; ``newsmon search``,
``search --count``, ``show``, ``sites``, ``alerts log``, ``alerts test``, ``export`` and ``projects``, investment-fact filters included then run
against each config, and their outputs are compared byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from click.testing import CliRunner

from newsmon.alerts import install_alert_hook
from newsmon.cli import cli
from newsmon.config import parse_config
from newsmon.db import open_store
from newsmon.facts import facts_record

NOW = re.compile(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00")
CST = dt.timezone(dt.timedelta(hours=8))
STORIES = [
    ("liaoning", "大连长兴岛氪氙气体提纯项目正式开工", "该项目总投资12.6亿元，每年提取高纯氪气、氙气等稀有气体。"),
    ("liaoning", "沈阳市召开重点产业链招商工作调度会", "一季度全市新签约亿元以上项目218个，签约额1526亿元。"),
    ("dalian", "稀有气体 Air Liquide 在大连投资", "液化空气集团宣布在大连建设电子特气工厂，投资5亿元。"),
    ("dalian", "大连港稀有气体出口量创新高", "氪氙产品远销欧洲，Air Liquide 为主要客户之一。"),
    ("shenyang", "招聘启事", "沈阳某企业招聘气体工程师。"),
    # The meeting's quarter tally above is no project (FACTS_VERSION 20); a signing ceremony is one.
    ("liaoning", "沈阳市重点产业链项目集中签约", "今天，沈阳市举行重点产业链项目集中签约仪式，签约亿元以上项目21个，签约额152亿元。"),
]


def _config(folder: Path, database: str) -> Path:
    folder.mkdir()
    data: dict[str, Any] = {
        "database": database,
        "sites": [{"name": name, "start_urls": [f"http://127.0.0.1:9/{name}/"]}
                  for name in ("liaoning", "dalian", "shenyang")],
        "alerts": {"channels": {"ops": {"type": "webhook", "url": "http://127.0.0.1:9/hook"}},
                   "rules": [{"name": "gas", "query": "稀有气体 OR 氪氙"}]},
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    config = parse_config(data, str(path))
    with open_store(config.database_target) as store:
        install_alert_hook(store, config)
        for i, (site, title, body) in enumerate(STORIES):
            store.add_article(site=site, url=f"http://127.0.0.1:9/{site}/{i}.html", title=title, body=body,
                              fingerprint=f"f{i}", source="辽宁日报", fetched_at=f"2026-11-30T0{i}:00:00+00:00",
                              published_at=dt.datetime(2026, 11, 20 + i, 9, 30, tzinfo=CST),
                              facts=facts_record(title, body))
        for site in ("liaoning", "dalian"):
            run = store.start_run(site)
            store.finish_run(run, status="ok", counts={"list_pages": 2, "articles_new": 2}, errors=[],
                             duration_s=1.5)
    return path


@pytest.fixture
def configs(tmp_path: Path, postgres_url: str) -> Iterator[tuple[Path, Path]]:
    yield _config(tmp_path / "sqlite", str(tmp_path / "sqlite" / "news.db")), _config(tmp_path / "pg", postgres_url)


_COMMANDS = [
    ["search", "稀有气体"],
    ["search", "稀有气体", "--format", "json"],
    ["search", "气", "--site", "dalian", "--format", "csv"],
    ["search", "Air Liquide -招聘", "--format", "jsonl"],
    ["search", "title:/^大连/", "--format", "jsonl"],
    ["search", "--since", "2026-11-22", "--until", "2026-11-23", "--format", "jsonl"],
    ["search", "稀有气体 OR 招聘", "--count"],
    ["search", "/\\d+亿元/", "--count", "--format", "json"],
    ["search", "氪氙", "--sort", "relevance", "--format", "csv"],  # bm25 and ts_rank differ, not printed in csv
    ["show", "3", "--format", "json"],
    ["show", "1"],
    ["sites", "--format", "json"],
    ["alerts", "log", "--format", "json"],
    ["alerts", "test", "gas", "--format", "json"],
    ["export", "--query", "稀有气体 -招聘", "--format", "jsonl"],
    ["export", "--site", "dalian", "--format", "csv"],
    ["export", "--min-amount", "10亿", "--stage", "开工", "--format", "csv"],
    ["export", "--place", "沈阳", "--format", "jsonl"],
    ["search", "气", "--place", "大连", "--industry", "新材料", "--format", "jsonl"],
    ["search", "项目", "--min-amount", "10亿", "--stage", "开工", "--stage", "签约", "--format", "jsonl"],
    ["projects", "--format", "json"],
    ["projects", "--place", "沈阳", "--format", "csv"],
]


@pytest.mark.parametrize("args", _COMMANDS, ids=[" ".join(a) for a in _COMMANDS])
def test_same_output_on_both_backends(configs: tuple[Path, Path], args: list[str]) -> None:
    outputs = []
    for config in configs:
        result = CliRunner().invoke(cli, [*args, "--config", str(config)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    if args[0] in ("sites", "alerts"):  # times of "now" (run ends, alert queued): the second may differ
        outputs = [NOW.sub("<now>", out) for out in outputs]
    assert outputs[0] == outputs[1]
    assert outputs[0].strip() not in ("", "[]", "0")  # each command shows something
    if "--count" not in args and "csv" in args:
        assert outputs[0].count("\n") >= 2, outputs[0]  # more than the header


@pytest.mark.parametrize("args, message", [
    (["search", "(氪氙"], "Error: Cannot search for '(氪氙': at character 1: This parenthesis is opened but never"
                         " closed.\n"),
    (["search", "氪氙", "--site", "nowhere"], "Error: There are no stories from site 'nowhere'; the sites with"
                                             " stories are: dalian, liaoning, shenyang.\n"),
    (["show", "99"], "Error: There is no article with id 99.\n"),
])
def test_same_errors_on_both_backends(configs: tuple[Path, Path], args: list[str], message: str) -> None:
    for config in configs:
        result = CliRunner().invoke(cli, [*args, "--config", str(config)], catch_exceptions=False)
        assert (result.exit_code, result.output) == (2 if args[0] == "search" else 1, message)


@pytest.mark.parametrize("query, sort", [("稀有气体", "newest"), ("title:(氪氙 OR 招商) -招聘", "relevance"),
                                         ("气", "newest")])
def test_search_sql_runs_in_psql_and_lists_what_search_lists(configs: tuple[Path, Path], postgres_url: str,
                                                             query: str, sort: str) -> None:
    import json

    import psycopg

    config = str(configs[1])
    printed = CliRunner().invoke(cli, ["search", query, "--sort", sort, "--sql", "--config", config]).output
    assert "::tsquery" in printed and "articles_fts" not in printed
    statement = "\n".join(line for line in printed.splitlines() if not line.startswith("--"))
    with psycopg.connect(postgres_url) as conn:
        from_sql = [row[0] for row in conn.execute(statement)]  # type: ignore[call-overload]
    listed = json.loads(CliRunner().invoke(cli, ["search", query, "--sort", sort, "--format", "json",
                                                 "--config", config]).output)
    assert from_sql == [row["id"] for row in listed] and from_sql


_FACT_SEARCHES = [
    ["气", "--place", "大连", "--industry", "新材料"],
    ["项目", "--min-amount", "10亿", "--stage", "开工", "--stage", "签约"],
    ["--place", "辽宁", "--sort", "relevance"],
    ["--min-amount", "1e9"],
]


@pytest.mark.parametrize("args", _FACT_SEARCHES, ids=[" ".join(a) for a in _FACT_SEARCHES])
def test_search_sql_writes_the_fact_filters_in(configs: tuple[Path, Path], postgres_url: str, args: list[str]) -> None:
    # `search --sql` with --min-amount/--stage/--place/--industry lists what the search lists: the statement, run in
    # the sqlite3 module and in psql's server, knows nothing of newsmon (before session 44 it left the filters out).
    import json
    import sqlite3

    import psycopg

    for config, run in ((configs[0], lambda sql: [r[0] for r in sqlite3.connect(configs[0].parent / "news.db").execute(sql)]),
                        (configs[1], lambda sql: [r[0] for r in psycopg.connect(postgres_url).execute(sql)])):  # type: ignore[call-overload]
        printed = CliRunner().invoke(cli, ["search", *args, "--sql", "--config", str(config)])
        assert printed.exit_code == 0, printed.output
        assert "article_facts" in printed.output and "not in this SQL" not in printed.output
        statement = "\n".join(line for line in printed.output.splitlines() if not line.startswith("--"))
        listed = json.loads(CliRunner().invoke(cli, ["search", *args, "--format", "json", "--config", str(config)]).output)
        assert run(statement) == [row["id"] for row in listed] and listed
