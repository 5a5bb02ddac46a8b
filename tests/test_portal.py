"""The bundled fixture portal behaves as the integration tests and the demo rely on.

Only urllib against 127.0.0.1/localhost; proxies are disabled so nothing leaves loopback.
"""

from __future__ import annotations

import html
import re
import socket
import urllib.error
import urllib.request
from typing import Iterator, Optional
from urllib.parse import urlsplit

import pytest
import yaml

from newsmon.portal import FixturePortal


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None  # surface 3xx as HTTPError so the test sees the Location


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_RAW = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def fetch(url: str, headers: Optional[dict[str, str]] = None, timeout: float = 10,
          opener: urllib.request.OpenerDirector = _OPENER) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) without raising on 4xx/5xx/3xx."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


@pytest.fixture(scope="module")
def portal() -> Iterator[FixturePortal]:
    """A shared portal for read-only checks."""
    with FixturePortal() as running:
        yield running


@pytest.fixture
def fresh() -> Iterator[FixturePortal]:
    """A private portal for tests that publish, fail or clear the log."""
    with FixturePortal() as running:
        yield running


def text_of(body: bytes, encoding: str = "utf-8") -> str:
    return html.unescape(body.decode(encoding))


# --------------------------------------------------------------------------- config


def test_config_yaml_is_a_complete_newsmon_config(portal: FixturePortal) -> None:
    text = portal.config_yaml(database="x.db", timeout=7)
    data = yaml.safe_load(text)
    assert data["database"] == "x.db"
    assert data["crawl"] == {"download_delay": 0, "autothrottle": False, "timeout": 7, "retries": 0,
                             "max_response_bytes": 2_000_000}
    assert [s["name"] for s in data["sites"]] == ["liaoning-invest", "shenyang-gov", "dongbei-news"]
    for site in data["sites"]:
        assert site["every"] == "30s"
        assert site["start_urls"] == portal.sites[site["name"]]["start_urls"]
        assert re.match(r"^http://127\.0\.0\.1:\d+/", site["start_urls"][0])
    # Distinct origins: one server per site.
    ports = {s["start_urls"][0].split(":")[2].split("/")[0] for s in data["sites"]}
    assert len(ports) == 3
    config = pytest.importorskip("newsmon.config")
    parsed = config.parse_config(data, "portal.yaml")
    assert parsed.crawl.max_response_bytes == 2_000_000


def test_not_running_portal_refuses_to_describe_itself() -> None:
    with pytest.raises(RuntimeError):
        FixturePortal().sites


# --------------------------------------------------------------------------- liaoning-invest (GBK)


def test_liaoning_is_gbk_labelled_gb2312_without_header_charset(portal: FixturePortal) -> None:
    status, headers, body = fetch(portal.url("liaoning-invest", "/news/show-1012.html"))
    assert status == 200
    assert headers["Content-Type"] == "text/html"
    assert b'content="text/html; charset=gb2312"' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")  # trusting the label literally fails ...
    page = body.decode("gb18030")  # ... the superset decodes it
    assert "周镕" in page
    with pytest.raises(UnicodeEncodeError):
        "镕".encode("gb2312")
    for chrome in ("热门搜索", "当前位置：", "打赏", "分享到", "打印本文", "关闭窗口", "上一篇", "同类资讯",
                   "点击排行", "辽ICP备12345678号", "辽公网安备 21010202000123号", "技术支持：DESTOON",
                   "微信截图_2023040415"):
        assert chrome in page
    assert "<title>大连长兴岛氪氙气体提纯项目正式开工 - 招商引资 - 辽宁招商网</title>" in page
    assert "发布日期：2023-04-04 15:26" in page and "来源：辽宁日报" in page and "作者：张明" in page
    assert '<div class="content" id="article">' in page


def test_liaoning_list_pages_paginate(portal: FixturePortal) -> None:
    pages = [fetch(portal.url("liaoning-invest", p))[2].decode("gb18030")
             for p in ("/news/", "/news/list-2.html", "/news/list-3.html")]
    assert 'href="/news/list-2.html">下一页</a>' in pages[0]
    assert 'href="/news/list-3.html">下一页</a>' in pages[1]
    assert "下一页" not in pages[2]
    links = [re.findall(r'href="(/news/show-\d+\.html)" target', p) for p in pages]
    assert all(4 <= len(found) <= 5 for found in links)
    assert sorted(u for found in links for u in found) == sorted(
        urlsplit(a["url"]).path for a in portal.expected()["liaoning-invest"]
    )


# --------------------------------------------------------------------------- expected() matches the pages


def test_expected_articles_are_on_their_pages(portal: FixturePortal) -> None:
    expected = portal.expected()
    assert set(expected) == {"liaoning-invest", "shenyang-gov", "dongbei-news"}
    assert len(expected["liaoning-invest"]) == 12
    assert len(expected["shenyang-gov"]) == 10
    assert len(expected["dongbei-news"]) == 6
    for site, articles in expected.items():
        encoding = "gb18030" if site == "liaoning-invest" else "utf-8"
        for article in articles:
            assert set(article) == {"url", "title", "published", "source", "paragraphs"}
            assert re.match(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", article["published"])
            status, _, body = fetch(article["url"])
            assert status == 200, article["url"]
            page = text_of(body, encoding)
            assert article["title"] in page
            assert article["source"] in page
            for paragraph in article["paragraphs"]:
                assert paragraph in page
                assert not paragraph.startswith("微信截图_")


def test_required_facts_and_short_notices(portal: FixturePortal) -> None:
    corpus = "\n".join(p for arts in portal.expected().values() for a in arts for p in a["paragraphs"] + [a["title"]])
    for needle in ("氪氙", "口罩", "Air Liquide", "Tesla", "稀有气体", "项目签约", "产业园", "开工"):
        assert needle in corpus
    short = [a for a in portal.expected()["shenyang-gov"] if len("".join(a["paragraphs"])) < 300]
    assert len(short) >= 3


def test_syndicated_story_differs_slightly(portal: FixturePortal) -> None:
    (original_url, copy_url), = portal.syndicated()
    by_url = {a["url"]: a for arts in portal.expected().values() for a in arts}
    original, copy = by_url[original_url], by_url[copy_url]
    assert original["title"] == copy["title"]
    assert original["published"] != copy["published"]
    assert len(copy["paragraphs"]) == len(original["paragraphs"]) - 1  # one paragraph merged
    assert "".join(copy["paragraphs"]) != "".join(original["paragraphs"])
    assert len("".join(copy["paragraphs"])) < len("".join(original["paragraphs"]))  # a sentence dropped
    assert "发布时间：2023年04月04日 08:45" in text_of(fetch(copy_url)[2])


# --------------------------------------------------------------------------- shenyang-gov (TRS)


def test_shenyang_robots_private_and_error_links(portal: FixturePortal) -> None:
    status, headers, body = fetch(portal.url("shenyang-gov", "/robots.txt"))
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "Disallow: /private/" in body.decode()
    lists = "".join(text_of(fetch(portal.url("shenyang-gov", f"/col/col1234/{name}"))[2])
                    for name in ("index.html", "index_1.html", "index_2.html"))
    assert 'href="/private/t20230405_999.html"' in lists
    assert 'href="./202304/t20230405_4123456.html"' in lists  # relative TRS links
    assert "/art/2023/4/5/art_1234_5012.html" in lists
    assert "createPageHTML(3, 0" in lists and 'href="index_1.html" class="next">下一页' in lists
    broken = portal.broken()["shenyang-gov"]
    assert fetch(broken["missing"])[0] == 404
    assert fetch(broken["error"])[0] == 500
    status, _, body = fetch(broken["private"])
    assert status == 200 and "储备库" in body.decode()  # only requests() can tell it was fetched
    page = text_of(fetch(portal.url("shenyang-gov", "/art/2023/4/5/art_1234_5012.html"))[2])
    for chrome in ("发布时间：2023年04月05日 10:00", "来源：沈阳市商务局", "网站标识码2101000001", "辽ICP备",
                   "主办单位", "联系我们"):
        assert chrome in page


# --------------------------------------------------------------------------- dongbei-news (broken pages)


def test_dongbei_lists_and_broken_pages(portal: FixturePortal) -> None:
    first = text_of(fetch(portal.url("dongbei-news", "/"))[2])
    assert 'href="/?page=2">下一页</a>' in first
    second = text_of(fetch(portal.url("dongbei-news", "/?page=2"))[2])
    broken = portal.broken()["dongbei-news"]
    for kind, url in broken.items():
        link = url if kind == "offsite" else urlsplit(url).path
        assert f'href="{link}"' in first + second, kind

    status, headers, body = fetch(broken["malformed"])
    assert status == 200 and body.endswith(b'<p class="con') and b"</div></div></div>" in body

    status, headers, body = fetch(broken["binary"])
    assert headers["Content-Type"] == "text/html" and body.startswith(b"\x89PNG\r\n\x1a\n")

    status, headers, body = fetch(broken["loop"], opener=_RAW)
    assert status == 302 and headers["Location"].endswith("/loop-b.html")
    status, headers, _ = fetch(headers["Location"], opener=_RAW)
    assert status == 302 and headers["Location"] == broken["loop"]

    assert broken["offsite"].startswith("http://localhost:")
    assert broken["offsite"] in first


def test_huge_page_exceeds_the_configured_limit(portal: FixturePortal) -> None:
    status, headers, body = fetch(portal.broken()["dongbei-news"]["huge"])
    assert status == 200
    assert int(headers["Content-Length"]) == len(body) > 2_000_000
    assert len(body) >= 3_000_000


def test_slow_page_outlasts_a_short_timeout(portal: FixturePortal) -> None:
    with pytest.raises((socket.timeout, TimeoutError, urllib.error.URLError)):
        fetch(portal.broken()["dongbei-news"]["slow"], timeout=1)


# --------------------------------------------------------------------------- conditional GET, publish, fail


def test_list_pages_answer_304_to_matching_validators(fresh: FixturePortal) -> None:
    url = fresh.url("liaoning-invest", "/news/")
    status, headers, body = fetch(url)
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and etag and modified
    assert fetch(url, {"If-None-Match": etag})[0] == 304
    assert fetch(url, {"If-Modified-Since": modified})[0] == 304
    assert fetch(url, {"If-None-Match": '"something-else"'})[0] == 200
    # Articles are not list pages: no validators.
    assert "ETag" not in fetch(fresh.url("liaoning-invest", "/news/show-1001.html"))[1]

    new_url = fresh.publish("liaoning-invest", "营口氪氙新项目签约", ["第一段，喆。", "第二段。"])
    assert new_url == fresh.url("liaoning-invest", "/news/show-1013.html")
    status, headers2, body2 = fetch(url, {"If-None-Match": etag})
    assert status == 200 and headers2["ETag"] != etag
    assert fetch(url, {"If-Modified-Since": modified})[0] == 200
    page = body2.decode("gb18030")
    assert page.index("/news/show-1013.html") < page.index("/news/show-1012.html")  # on top
    assert "第一段，喆。" in fetch(new_url)[2].decode("gb18030")
    assert fresh.expected()["liaoning-invest"][0] == {
        "url": new_url, "title": "营口氪氙新项目签约", "published": "2023-04-06 09:30", "source": "辽宁日报",
        "paragraphs": ["第一段，喆。", "第二段。"],
    }


@pytest.mark.parametrize("site", ["shenyang-gov", "dongbei-news"])
def test_publish_on_other_sites(fresh: FixturePortal, site: str) -> None:
    start = fresh.sites[site]["start_urls"][0]
    url = fresh.publish(site, "沈阳新签约项目", ["正文。"], published="2023-04-07 08:00", source="沈阳日报")
    assert fetch(url)[0] == 200
    first = fetch(start)[2].decode()
    assert url.split("/", 3)[3] in first and "沈阳新签约项目" in first


def test_fail_and_heal(fresh: FixturePortal) -> None:
    url = fresh.url("dongbei-news", "/2023/04/04/dalian-port-rare-gas.html")
    fresh.fail("dongbei-news", 503)
    assert fetch(url)[0] == 503
    assert fetch(fresh.url("dongbei-news", "/robots.txt"))[0] == 503
    assert fetch(fresh.url("shenyang-gov", "/col/col1234/index.html"))[0] == 200
    fresh.fail("dongbei-news", None)
    assert fetch(url)[0] == 200


def test_requests_are_logged_per_site_in_order(fresh: FixturePortal) -> None:
    fresh.clear_requests()
    fetch(fresh.url("liaoning-invest", "/news/"))
    fetch(fresh.url("dongbei-news", "/?page=2"))
    fetch(fresh.url("liaoning-invest", "/news/show-1001.html"))
    fetch(fresh.broken()["dongbei-news"]["offsite"])
    assert fresh.requests("liaoning-invest") == ["/news/", "/news/show-1001.html"]
    assert fresh.requests("dongbei-news") == ["/?page=2"]
    assert fresh.requests("offsite") == ["/2023/04/03/partner-story.html"]
    assert fresh.requests() == ["/news/", "/?page=2", "/news/show-1001.html", "/2023/04/03/partner-story.html"]
    assert fresh.request_log("offsite")[0].host.startswith("localhost:")
    fresh.clear_requests()
    assert fresh.requests() == []


# --------------------------------------------------------------------------- bench and lifecycle


def test_bench_site_only_when_asked() -> None:
    with FixturePortal(bench_articles=45) as portal:
        assert "bench-portal" in portal.sites
        assert portal.sites["bench-portal"]["max_list_pages"] == 3
        articles = portal.expected()["bench-portal"]
        assert len(articles) == 45 and len({a["title"] for a in articles}) == 45
        first = fetch(portal.sites["bench-portal"]["start_urls"][0])[2].decode()
        assert len(re.findall(r'href="/news/show-\d+\.html" target', first)) == 20
        assert 'href="/list/2.html">下一页</a>' in first
        last = fetch(portal.url("bench-portal", "/list/3.html"))[2].decode()
        assert len(re.findall(r'href="/news/show-\d+\.html" target', last)) == 5
        page = text_of(fetch(articles[7]["url"])[2])
        assert all(p in page for p in articles[7]["paragraphs"])
        titles = [a["title"] for a in articles]
    with FixturePortal(bench_articles=45) as again:
        assert [a["title"] for a in again.expected()["bench-portal"]] == titles  # deterministic
    with FixturePortal() as plain:
        assert "bench-portal" not in plain.sites
        assert "bench-portal" not in plain.config_yaml()


def test_stop_closes_the_servers() -> None:
    portal = FixturePortal().start()
    url = portal.url("liaoning-invest", "/news/")
    assert fetch(url)[0] == 200
    portal.stop()
    portal.stop()  # idempotent
    with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
        fetch(url, timeout=2)
