"""Dedupe end to end: the real CLI crawls loopback portals into a real SQLite file.

The fixture portal's liaoning-invest (GBK, DESTOON) and shenyang-gov (TRS)
carry one syndicated story with different chrome, a dropped sentence and a
merged paragraph; a small server of our own serves one page under many URLs.
"""

from __future__ import annotations

import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from click.testing import CliRunner, Result

from newsmon.cli import cli
from newsmon.portal import FixturePortal


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def rows(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_syndicated_story_is_one_article_with_two_sources_and_recrawl_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with FixturePortal() as portal:
        data = yaml.safe_load(portal.config_yaml(database=str(db)))
        data["sites"] = [s for s in data["sites"] if s["name"] in ("liaoning-invest", "shenyang-gov")]
        config = tmp_path / "config.yaml"
        config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        first = run("crawl", "--config", str(config), "--format", "json")
        assert first.exit_code == 0, first.output
        expected = portal.expected()
        stories = len(expected["liaoning-invest"]) + len(expected["shenyang-gov"])
        pairs = portal.syndicated()
        assert pairs
        for original, copy in pairs:
            found = rows(db, "SELECT article_id, site FROM article_sources WHERE url IN (?, ?) ORDER BY site", original, copy)
            assert [site for _, site in found] == ["liaoning-invest", "shenyang-gov"]
            assert found[0][0] == found[1][0]
            # The primary is the earlier-published copy, whichever was crawled first.
            primary = rows(db, "SELECT url FROM articles WHERE id = ?", found[0][0])[0][0]
            assert primary == original
        counts = rows(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_sources)")[0]
        # Every other story once (a page that timed out on a loaded machine is merely missing).
        assert counts[1] - counts[0] == len(pairs) and counts[1] > stories - 3
        shown = run("show", str(found[0][0]), "--config", str(config), "--format", "json")
        assert shown.exit_code == 0, shown.output
        assert "shenyang-gov" in shown.output and "liaoning-invest" in shown.output

        portal.clear_requests()
        second = run("crawl", "--config", str(config), "--format", "json")
        assert second.exit_code == 0, second.output
        again = rows(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_sources)")[0]
        assert again == counts
        for _, copy in pairs:
            assert not [p for p in portal.requests("shenyang-gov") if copy.endswith(p)]


PAGE = """<html><head><meta charset="utf-8"><title>{title}</title>{canonical}</head><body>
<div class="nav"><a href="/">首页</a></div><h1>{title}</h1><div class="info">发布时间：2023-04-0{day} 09:00 来源：测试日报</div>
<div class="content">{body}</div></body></html>"""
BODIES = {
    "a": ["辽宁自贸试验区沈阳片区一季度新设企业1260家，其中外资企业35家，实际利用外资同比增长42%。",
          "片区负责人表示，将继续推进制度创新，打造东北地区对外开放新高地，吸引更多优质项目落户沈阳。"],
    "b": ["大连港集团与多家航运企业签署战略合作协议，新开通两条至东南亚的集装箱航线，每周各一班。",
          "新航线开通后，东北地区企业出口东南亚的货物运输时间可缩短两天，物流成本明显下降。"],
}


class _Handler(BaseHTTPRequestHandler):
    log: list[str] = []

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path
        type(self).log.append(path)
        host = f"http://127.0.0.1:{self.server.server_address[1]}"
        if path.startswith("/robots.txt"):
            self._send(404, "")
        elif path.startswith("/news/index"):
            links = [
                ("/news/2023/a.html?from=timeline", "沈阳片区一季度新设企业1260家外资增长"),
                ("/news/2023/a.html?utm_source=wechat&utm_medium=share", "沈阳片区一季度新设企业1260家外资增长"),
                ("/news//2023/a.html#comments", "沈阳片区一季度新设企业1260家外资增长"),
                ("/news/2023/b.html?spm=1.2.3", "大连港新开通两条东南亚集装箱航线"),
                ("/news/2023/b-print.html", "大连港新开通两条东南亚集装箱航线（打印版）"),
                ("/news/2023/c.html", "测试栏目第三条新闻标题足够长"),
            ]
            items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
            self._send(200, f"<html><body><ul>{items}</ul></body></html>")
        elif path.startswith("/news/2023/a.html"):
            self._send(200, PAGE.format(title="沈阳片区一季度新设企业1260家", canonical="", day=4,
                                        body="".join(f"<p>{p}</p>" for p in BODIES["a"])))
        elif path.startswith(("/news/2023/b.html", "/news/2023/b-print.html")):
            canonical = f'<link rel="canonical" href="{host}/news/2023/b.html">'
            self._send(200, PAGE.format(title="大连港新开通两条东南亚集装箱航线", canonical=canonical, day=5,
                                        body="".join(f"<p>{p}</p>" for p in BODIES["b"])))
        else:
            self._send(404, "<html><body>not found</body></html>")

    def _send(self, status: int, html: str) -> None:
        data = html.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def many_urls_site() -> Iterator[tuple[str, list[str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    _Handler.log = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Handler.log
    server.shutdown()
    server.server_close()


def test_one_page_under_many_urls_is_fetched_once_and_stored_once(
    tmp_path: Path, many_urls_site: tuple[str, list[str]]
) -> None:
    base, log = many_urls_site
    db = tmp_path / "news.db"
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({
        "database": str(db),
        "crawl": {"download_delay": 0, "autothrottle": False, "timeout": 3, "retries": 0},
        "sites": [{"name": "variants", "start_urls": [f"{base}/news/index.html"],
                   "article_url_pattern": r"/news/2023/"}],
    }), encoding="utf-8")
    result = run("crawl", "--config", str(config), "--format", "json")
    assert result.exit_code == 0, result.output
    fetched = [p for p in log if p.startswith("/news/2023/")]
    # a.html under three spellings: once. b.html and its print view: each once (only
    # the page can say they are one), stored once under the canonical URL.
    assert sorted(fetched) == ["/news/2023/a.html", "/news/2023/b-print.html", "/news/2023/b.html", "/news/2023/c.html"]
    sources = [r[0] for r in rows(db, "SELECT url FROM article_sources ORDER BY url")]
    assert sources == [f"{base}/news/2023/a.html", f"{base}/news/2023/b.html"]
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]

    log.clear()
    second = run("crawl", "--config", str(config), "--format", "json")
    assert second.exit_code == 0, second.output
    # No article page is fetched again: neither spelling, nor the print view (the 404 is
    # retried, as failures are).
    assert [p for p in log if p.startswith("/news/2023/")] == ["/news/2023/c.html"]
    assert rows(db, "SELECT count(*) FROM article_sources") == [(2,)]
