"""Chinese search from any SQLite tool: ``cjk_match_query()``, ``newsmon sql``, ``newsmon search --sql``; the demo's hint."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import sqlite3
import subprocess
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.db import Store, search_articles
from newsmon.db.reader import register_functions

from tests.test_export import build
from tests.test_web_support import Served


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("sql"), 60)


def search_ids(config: Path, query: str, **kwargs: object) -> list[int]:
    with Store(config.parent / "news.db", readonly=True) as store:
        return [r["id"] for r in search_articles(store.db, query, limit=1000, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize("query", ["稀有气体", "气", "营商 -稀有", '"第二段"', "title:报道 OR 不存在"])
def test_cjk_match_query_in_plain_sqlite_finds_what_search_finds(config: Path, query: str) -> None:
    conn = sqlite3.connect(config.parent / "news.db")
    register_functions(conn)
    rows = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH cjk_match_query(?)"
                        " ORDER BY rowid DESC", [query]).fetchall()
    conn.close()
    assert [r[0] for r in rows] == search_ids(config, query)
    assert rows


def test_newsmon_sql_has_the_function(config: Path) -> None:
    sql = ("SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
           " WHERE articles_fts MATCH cjk_match_query('稀有气体') ORDER BY a.id DESC")
    result = CliRunner().invoke(cli, ["sql", "--config", str(config), "--format", "json", sql])
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.stdout)] == search_ids(config, "稀有气体")
    # -c, and statements on stdin (the sqlite3 habit)
    result = CliRunner().invoke(cli, ["sql", "--config", str(config), "--format", "jsonl", "-c", "SELECT 1 AS one"])
    assert result.stdout == '{"one": 1}\n'
    result = CliRunner().invoke(cli, ["sql", "--config", str(config), "--format", "csv"],
                                input="SELECT 2 AS two; SELECT 'x;y' AS three;")
    assert result.stdout.replace("\r", "") == "two\n2\nthree\nx;y\n"


def test_newsmon_sql_errors_and_read_only(config: Path) -> None:
    for sql, message in (
        ("SELECT * FROM nowhere", "Error: SQL error: no such table: nowhere."),
        ("SELECT cjk_match_query('(((')", "Error: SQL error: cjk_match_query('((('): at character 4: "),
        ("DELETE FROM articles", "Error: SQL error: attempt to write a readonly database."),
    ):
        result = CliRunner().invoke(cli, ["sql", "--config", str(config), sql])
        assert result.exit_code == 1 and result.stderr.startswith(message), result.stderr
    assert search_ids(config, "稀有气体")


def test_search_sql_prints_a_statement_any_sqlite_tool_runs(config: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "--config", str(config), "--sql", "稀有气体 -营商", "--site", "gov-a",
                                      "--limit", "100"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("-- MATCH string for '稀有气体 -营商': ")
    match = re.search(r"MATCH '(.*?)'", result.stdout)
    assert match and "稀有 有气 气体" in match.group(1)
    db = config.parent / "news.db"
    if shutil.which("sqlite3"):  # the real sqlite3 shell, knowing nothing of newsmon
        done = subprocess.run(["sqlite3", str(db)], input=result.stdout, capture_output=True, text=True, check=True)
        ids = [int(line.split("|")[0]) for line in done.stdout.splitlines()]
    else:
        conn = sqlite3.connect(db)
        ids = [r[0] for r in conn.execute(result.stdout.split("\n", 1)[1])]
    assert ids == search_ids(config, "稀有气体 -营商", site="gov-a")


def test_demo_runs_offline_and_ends_with_a_serve_command_that_works_as_printed(tmp_path: Path) -> None:
    # `newsmon demo` through the CLI, as a user runs it (this was also test_crawl.py's
    # test_demo_runs_offline: one demo crawl of the portal serves both checks).
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Stored" in result.output and "articles" in result.output
    assert (tmp_path / "demo" / "news.db").exists()
    hint = next(line.strip() for line in result.output.splitlines() if " serve --config " in line)
    argv = shlex.split(hint)
    assert argv[-3:] == ["serve", "--config", str(tmp_path / "demo" / "config.yaml")]
    # As printed, plus --port 0: 8080 may be taken on a test machine.
    with Served(None, argv=[*argv, "--port", "0"]) as served:
        page = httpx.get(served.url + "/search", params={"q": "氪氙"}, timeout=30).text
    assert "<mark>氪氙</mark>" in page
