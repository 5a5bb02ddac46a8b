"""End to end: the real CLI crawls the fixture portal on 127.0.0.1 into a real SQLite file.

One crawl per module (the portal's slow page costs a timeout), then many
assertions on what was stored, searched and requested.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner, Result

from newsmon.cli import cli
from newsmon.portal import FixturePortal

CHROME = ["打赏", "点击排行", "ICP备", "公网安备", "微信截图_", "热门搜索", "分享到", "关闭窗口", "网站标识码", "当前位置"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


class Crawled:
    def __init__(self, portal: FixturePortal, folder: Path) -> None:
        self.portal = portal
        self.folder = folder
        self.config = folder / "config.yaml"
        self.db = folder / "news.db"

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    folder = tmp_path_factory.mktemp("crawl")
    with FixturePortal() as portal:
        state = Crawled(portal, folder)
        state.config.write_text(portal.config_yaml(database="news.db"), encoding="utf-8")
        state.first = run("crawl", "--config", str(state.config), "--format", "json")  # type: ignore[attr-defined]
        yield state


def test_first_crawl_completes_with_per_site_summary(crawled: Crawled) -> None:
    assert crawled.first.exit_code == 0, crawled.first.output  # type: ignore[attr-defined]
    reports = {r["site"]: r for r in json.loads(crawled.first.stdout)}  # type: ignore[attr-defined]
    assert set(reports) == {"liaoning-invest", "shenyang-gov", "dongbei-news"}
    expected = crawled.portal.expected()
    for site, report in reports.items():
        assert report["list_pages"] >= 2, report
        assert report["articles_new"] + report["duplicates"] >= len(expected[site]), report
    assert reports["liaoning-invest"]["failures"] == 0
    # 404 and 500 on the government site; huge, slow and redirect loop on the news site.
    assert reports["shenyang-gov"]["failures"] == 2
    assert reports["dongbei-news"]["failures"] == 3
    errors = "\n".join(reports["dongbei-news"]["errors"])
    assert "timed out" in errors and "larger than" in errors and "redirect" in errors


def test_every_expected_article_is_stored_with_metadata(crawled: Crawled) -> None:
    for site, articles in crawled.portal.expected().items():
        for expected in articles:
            found = crawled.rows(
                "SELECT a.title, a.published_at, a.source, a.body FROM article_sources s"
                " JOIN articles a ON a.id = s.article_id WHERE s.url = ?",
                expected["url"],
            )
            assert found, f"{expected['url']} not stored"
            title, published, source, body = found[0]
            if crawled.rows("SELECT site FROM articles WHERE url = ?", expected["url"]):
                # The primary copy: its own metadata.
                assert title == expected["title"]
                assert published.startswith(expected["published"].replace(" ", "T"))
                assert published.endswith("+08:00")
                assert source == expected["source"]
                for paragraph in expected["paragraphs"]:
                    assert paragraph in body.splitlines(), (expected["url"], paragraph)


def test_chrome_and_mojibake_never_reach_the_database(crawled: Crawled) -> None:
    bodies = [body for (body,) in crawled.rows("SELECT body FROM articles")]
    assert bodies
    for body in bodies:
        for chrome in CHROME:
            assert chrome not in body
        assert "\ufffd" not in body and "ï¿½" not in body


def test_gbk_page_behind_gb2312_meta_decodes_cleanly(crawled: Crawled) -> None:
    # 镕 is in GBK but not in GB2312: decoding by the meta tag literally would lose it.
    "镕".encode("gbk")
    with pytest.raises(UnicodeEncodeError):
        "镕".encode("gb2312")
    rows = crawled.rows("SELECT body FROM articles WHERE site = 'liaoning-invest' AND body LIKE '%镕%'")
    assert rows


def test_politeness_robots_offsite_and_user_agent(crawled: Crawled) -> None:
    broken = crawled.portal.broken()
    private = urlsplit(broken["shenyang-gov"]["private"]).path
    assert private not in crawled.portal.requests("shenyang-gov")
    assert "/robots.txt" in crawled.portal.requests("shenyang-gov")
    offsite = broken["dongbei-news"]["offsite"]
    assert not any(offsite.endswith(path) for path in crawled.portal.requests())
    agents = {r.headers.get("User-Agent", "") for r in crawled.portal.request_log()}
    assert agents and all("newsmon" in agent for agent in agents)


def test_non_articles_are_remembered_not_stored(crawled: Crawled) -> None:
    binary = crawled.portal.broken()["dongbei-news"]["binary"]
    assert crawled.rows("SELECT reason FROM non_articles WHERE url = ?", binary)
    assert not crawled.rows("SELECT 1 FROM article_sources WHERE url = ?", binary)


def test_crawl_runs_rows(crawled: Crawled) -> None:
    rows = crawled.rows("SELECT site, status, list_pages, articles_new, failures, error FROM crawl_runs")
    by_site = {r[0]: r for r in rows}
    assert by_site["liaoning-invest"][1] == "ok"
    assert by_site["shenyang-gov"][1] == "partial"
    assert "HTTP 404" in by_site["shenyang-gov"][5] and "HTTP 500" in by_site["shenyang-gov"][5]
    assert crawled.rows("PRAGMA journal_mode")[0][0] == "wal"


def test_search_and_show(crawled: Crawled) -> None:
    result = run("search", "氪氙", "--config", str(crawled.config), "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits and all({"id", "title", "url", "site", "published_at", "snippet"} <= set(h) for h in hits)
    assert any("[氪氙]" in h["snippet"] for h in hits)
    assert all(h["published_at"] is None or h["published_at"][-6:] in ("+08:00",) for h in hits)

    shown = run("show", str(hits[0]["id"]), "--config", str(crawled.config), "--format", "json")
    article = json.loads(shown.output)
    assert {"id", "title", "url", "site", "published_at", "source", "author", "body", "sources"} <= set(article)
    assert article["sources"][0].keys() >= {"site", "url", "first_seen_at"}

    text = run("show", str(hits[0]["id"]), "--config", str(crawled.config))
    assert article["title"] in text.output

    for fmt in ("jsonl", "csv", "table"):
        out = run("search", "口罩", "--config", str(crawled.config), "--format", fmt)
        assert out.exit_code == 0 and out.output.strip(), (fmt, out.output)
    english = json.loads(run("search", "Air Liquide", "--config", str(crawled.config), "--format", "json").output)
    assert english
    one_char = json.loads(run("search", "氙", "--config", str(crawled.config), "--format", "json").output)
    assert {h["id"] for h in hits} <= {h["id"] for h in one_char}
    site_only = json.loads(run("search", "氪氙", "--site", "shenyang-gov", "--config", str(crawled.config),
                               "--format", "json").output)
    assert site_only and all(h["site"] == "shenyang-gov" for h in site_only)
    dated = json.loads(run("search", "氪氙", "--since", "2099-01-01", "--config", str(crawled.config),
                           "--format", "json").output)
    assert dated == []


def test_show_unknown_id_is_one_sentence(crawled: Crawled) -> None:
    result = CliRunner().invoke(cli, ["show", "99999", "--config", str(crawled.config)])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: There is no article with id 99999."


def test_second_crawl_stores_nothing_and_refetches_only_list_pages(crawled: Crawled) -> None:
    before = crawled.rows("SELECT count(*) FROM articles")[0][0]
    stored_paths = {urlsplit(u).path for (u,) in crawled.rows("SELECT url FROM article_sources")}
    crawled.portal.clear_requests()
    again = run("crawl", "--config", str(crawled.config), "--format", "json")
    assert again.exit_code == 0, again.output
    assert sum(r["articles_new"] for r in json.loads(again.stdout)) == 0
    assert crawled.rows("SELECT count(*) FROM articles")[0][0] == before
    requested = set(crawled.portal.requests())
    assert requested, "the second crawl fetched nothing at all"
    assert not requested & stored_paths, requested & stored_paths


def test_bad_config_exits_2_with_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("sites:\n  - name: a\n    start_urls: ['http://127.0.0.1:9/']\n    every: soon\n")
    result = CliRunner().invoke(cli, ["crawl", "--config", str(config)])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Error: {config}, line 4: sites[0].every: 'soon' is not a duration like 45s, 10m, 2h or 1d."
    )


def test_unwritable_database_is_one_sentence(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("database: no/such/folder/news.db\nsites:\n  - name: a\n    start_urls: ['http://127.0.0.1:9/']\n")
    result = CliRunner().invoke(cli, ["crawl", "--config", str(config)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "does not exist" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unreachable_site_is_counted_and_others_go_on(tmp_path: Path) -> None:
    with FixturePortal() as portal:
        data = yaml.safe_load(portal.config_yaml(database="news.db"))
        # A closed port on loopback next to a working site.
        data["sites"].append({"name": "dead-site", "start_urls": ["http://127.0.0.1:9/news/"]})
        config = tmp_path / "config.yaml"
        config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        result = run("crawl", "liaoning-invest", "dead-site", "--config", str(config), "--format", "json")
        expected = portal.expected()["liaoning-invest"]
    assert result.exit_code == 0, result.output
    reports = {r["site"]: r for r in json.loads(result.stdout)}
    assert reports["dead-site"]["status"] == "failed"
    assert reports["dead-site"]["failures"] >= 1
    assert "connection refused" in reports["dead-site"]["errors"][0]
    assert reports["liaoning-invest"]["articles_new"] == len(expected)


def test_unknown_site_name_is_one_sentence(crawled: Crawled) -> None:
    result = CliRunner().invoke(cli, ["crawl", "nope", "--config", str(crawled.config)])
    assert result.exit_code == 2
    assert "There is no site called 'nope'" in result.output


# `newsmon demo` running offline (exit 0, "Stored N articles", news.db written) is checked by
# tests/test_web_sql.py's test_demo_runs_offline_and_ends_with_a_serve_command_that_works_as_printed,
# which runs the same command once for that and its serve hint (a demo crawl is ~10 s).


def test_site_template_learned_across_pages_strips_repeated_lines(crawled: Crawled) -> None:
    # Every liaoning-invest article box ends with the same hotline line, which
    # no generic extractor can tell from a paragraph on one page alone.
    from newsmon.crawler.template import MIN_PAGES

    bodies = [b for (b,) in crawled.rows("SELECT body FROM articles WHERE site = 'liaoning-invest'")]
    with_hotline = [b for b in bodies if "招商热线" in b]
    assert len(bodies) >= 10
    assert len(with_hotline) < MIN_PAGES, "the learned template did not remove the repeated line"
    # The first pages too: the spider holds a young site's stories until the
    # template learned from their siblings (and the list pages) before storing.
    assert with_hotline == []
    pages = crawled.rows("SELECT pages FROM site_templates WHERE site = 'liaoning-invest'")[0][0]
    list_pages = crawled.rows("SELECT sum(list_pages) FROM crawl_runs WHERE site = 'liaoning-invest'")[0][0]
    # Article pages and the list pages read, each counted once.
    assert len(bodies) < pages <= len(bodies) + list_pages


def test_demo_never_overwrites_a_real_project(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("database: news.db\nsites: []\n")
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "already holds a config.yaml or news.db that the demo did not create" in result.output
    assert (tmp_path / "config.yaml").read_text() == "database: news.db\nsites: []\n"


def test_read_commands_do_not_write(crawled: Crawled) -> None:
    import os
    import stat

    mode = crawled.db.stat().st_mode
    before = crawled.db.stat().st_mtime_ns
    # (root ignores file modes; the unchanged mtime below is the check that always holds)
    os.chmod(crawled.db, stat.S_IRUSR | stat.S_IRGRP)
    try:
        result = run("search", "氪氙", "--config", str(crawled.config), "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)
        assert run("show", "1", "--config", str(crawled.config)).exit_code == 0
    finally:
        os.chmod(crawled.db, mode)
    assert crawled.db.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    "args,message",
    [
        (["search", "氪氙", "--since", "yesterday"], "Invalid value for --since: 'yesterday' is not a date"),
        (["show", "99999999999999999999"], "Invalid value for 'ARTICLE_ID'"),
        (["crawl", "--time-limit", "-5"], "Invalid value for '--time-limit'"),
    ],
)
def test_bad_option_values_are_usage_errors(crawled: Crawled, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, [*args, "--config", str(crawled.config)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
