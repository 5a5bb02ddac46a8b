"""A site's place read from its list pages' titles when config.yaml sets none (crawler/siteplace.py).

A county portal's stories say 我县 and name no city; its list pages' titles say whose portal it is
("要闻动态_靖边县人民政府"). Checked through real crawls of loopback portals, the stored place read back by
``reextract --facts`` and ``sites``, and on PostgreSQL; the title reading on titles written as real portals write them.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest
import yaml
from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.crawler.siteplace import title_place
from newsmon.db import open_store
from newsmon.db.siteplaces import load_site_place, load_site_places


@pytest.mark.parametrize("title, place", [
    ("要闻动态_靖边县人民政府", "靖边县"),
    ("丰城新闻 – 丰城市政府网", "丰城市"),
    ("袁州区政府网", "袁州区"),
    ("首页 | 鄂州新闻网", "鄂州市"),
    ("万载要闻", "万载县"),
    ("政务公开-北京市朝阳区人民政府", "北京市朝阳区"),
    ("人民网-大连频道", "大连市"),
    ("通知公告_大连长兴岛经济技术开发区管委会", "大连市"),
    ("项目建设 - 瓦房店市人民政府", "瓦房店市"),
    ("中国宁波网-宁波新闻", "宁波市"),
    ("工作动态_巫山县科学技术局", "巫山县"),  # a department's site
    ("中山市板芙镇人民政府", "中山市"),  # a township's government: its city (中山 has no counties)
    ("大连市住房公积金网", "大连市"),  # a local portal on one of the place's matters
    ("中国靖边", "靖边县"),  # a title that is the place's name alone
])
def test_a_title_naming_its_owner_place(title: str, place: str) -> None:
    assert title_place(title) == place


@pytest.mark.parametrize("title", [
    "恒生前海基金|信息披露",  # a firm named after a zone
    "人民网-四川频道",  # a province only
    "新闻中心_网易",
    "光明网_时政",  # a national outlet named after a word that is also a district
    "新安晚报-安徽",  # Anhui's paper, not Luoyang's 新安县
    "朝阳区人民政府",  # a district name several cities have
    "大连新闻_沈阳新闻_东北新闻网",  # two cities
    "长治久安系列报道_新华网",  # a place inside a word, not a title part of its own
    "上海浦东发展银行 - 新闻中心",
    "大连理工大学党委宣传部",  # a university's office
    "新闻动态_成都银行",
    "杭州地铁官网",  # an organisation's official site
    "深圳-汕尾合作区新闻",  # a name alone beside others: half of a pair
    "",
])
def test_a_title_naming_no_owner_place(title: str) -> None:
    assert title_place(title) is None


def _list_page(title: str, head: str = "", middle: str = "", footer: str = "") -> bytes:
    rows = "".join(f"<li><a href='/content/2026-03/{day:02d}/{day}.html'>某县某某项目建设推进会召开{day}</a> 2026-03-{day:02d}</li>"
                   for day in range(1, 21))
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body><ul>{rows}</ul>{middle}"
            f"<div class='footer'>{footer}</div></body></html>").encode("utf-8")


def _page_place(page: bytes) -> Optional[str]:
    from newsmon.crawler.listpage import read_list_page
    from newsmon.crawler.siteplace import page_place

    reading = read_list_page(page, "http://127.0.0.1:9/list/index.html")
    return page_place(reading.title, reading.owners)


@pytest.mark.parametrize("page, place", [
    (_list_page("综合信息", footer="主办：靖边县人民政府　承办：靖边县信息中心　网站标识码：6108240001"), "靖边县"),
    (_list_page("通知公告", head="<meta name='SiteName' content='靖边县人民政府'>"), "靖边县"),
    (_list_page("工作动态", footer="Copyright © 2024 靖边县发展和改革局版权所有 陕ICP备12345678号"), "靖边县"),
    (_list_page("瓦房店新闻_大连新闻网"), "瓦房店市"),  # a city outlet's column on one of its counties
    (_list_page("新闻中心", footer="版权所有©北京某某科技有限公司 京ICP备17005886号"), None),  # a firm
    (_list_page("政务要闻_靖边县人民政府", footer="主办：大连市人民政府 网站标识码：2102000001"), None),  # two cities
    # A state firm's news: its supervisor is a city's body, but the site is the firm's.
    (_list_page("新闻动态", footer="主管：深圳市国资委 主办：深圳市某投资控股有限公司 粤ICP备12345678号"), None),
    # A footer's fields run together: the name ends where the next field begins.
    (_list_page("新闻动态", footer="<span>主办：靖边县人民政府办公室</span><span>承办：靖边县信息中心</span>"
                "<span>网站标识码：6108240001</span>"), "靖边县"),
    # An event's 主办单位 in the list's text is not who runs the site: far above the footer, or with no registration.
    (_list_page("活动预告", middle="<p>主办单位：大连市人民政府</p>" + "<p>" + "会议安排详见附件。" * 600 + "</p>"), None),
    (_list_page("会展_东北新闻网", middle="<p>博览会开幕 主办：大连市人民政府 承办：大连市贸促会</p>"), None),
    (_list_page("通知公告", head="<svg><title>靖边县人民政府</title></svg>"), None),  # an icon's tooltip is no title
])
def test_a_list_page_names_its_owner_in_its_title_meta_or_footer(page: bytes, place: Optional[str]) -> None:
    assert _page_place(page) == place


# ------------------------------------------------------------------ crawls of a loopback county portal

_STORY_TITLES = ("我县新能源产业园项目开工", "我县农产品冷链物流园项目签约")
_STORY_BODIES = ("3月18日，我县新能源产业园项目举行开工仪式。该项目总投资12亿元，建成后年产光伏组件5GW。",
                 "3月18日，我县与某物流集团举行农产品冷链物流园项目签约仪式。项目总投资3.5亿元，建设冷库和分拣中心。")


class _Portal(ThreadingHTTPServer):
    """Two list pages (each titled as ``titles`` says), each linking one story that says 我县."""

    daemon_threads = True

    def __init__(self, titles: tuple[str, str]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.titles = titles
        self.more = 0
        self.failing = False
        self.full_lists = 0  # list pages served in full (not 304)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: _Portal

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        etag = None
        if self.path == "/a/index.html" and self.server.failing:
            self.send_error(500)  # page a breaks (the province column of test_a_failing_province_column…)
            return
        if self.path in ("/a/index.html", "/b/index.html"):
            which = 0 if self.path.startswith("/a/") else 1
            # A second story on page b once ``more`` is set: page b changes, page a answers 304 (its ETag).
            extra = (f"<li><a href='/content/2026-03/18/10{which}2.html'>{_STORY_TITLES[which]}（续）</a> 2026-03-18</li>"
                     if which == 1 and self.server.more else "")
            version = f"<!-- {self.server.more} -->" if which == 1 else ""  # page b changes with each ``more``
            html = (f"<html><head><meta charset='utf-8'><title>{self.server.titles[which]}</title></head><body>{version}<ul>"
                    f"{extra}<li><a href='/content/2026-03/18/10{which}1.html'>{_STORY_TITLES[which]}</a>"
                    " 2026-03-18</li></ul></body></html>")
            etag = f'"{abs(hash(html))}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.server.full_lists += 1
        elif self.path.startswith("/content/2026-03/18/10"):
            which, again = int(self.path[-7]), self.path[-6] == "2"
            body = _STORY_BODIES[which].replace("3月18日", "3月19日另一") if again else _STORY_BODIES[which]
            paragraphs = "".join(f"<p>{s}。</p>" for s in body.rstrip("。").split("。"))
            headline = _STORY_TITLES[which] + ("（续）" if again else "")
            html = (f"<html><head><meta charset='utf-8'><title>{headline}</title></head><body>"
                    f"<h1>{headline}</h1><div class='info'>发布时间：2026-03-18 10:20</div>"
                    f"<div class='content'>{paragraphs}</div></body></html>")
        else:
            self.send_error(404)
            return
        data = html.encode("utf-8")
        self.send_response(200)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _serve(titles: tuple[str, str]) -> Iterator[_Portal]:
    server = _Portal(titles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def county_portal() -> Iterator[_Portal]:
    yield from _serve(("要闻动态_靖边县人民政府", "通知公告_靖边县人民政府"))


@pytest.fixture
def regional_outlet() -> Iterator[_Portal]:
    yield from _serve(("大连新闻_东北新闻网", "沈阳新闻_东北新闻网"))


def _config(path: Path, base: str, lists: tuple[str, ...] = ("a",), **site: Any) -> Path:
    entry: dict[str, Any] = {"name": "county", "start_urls": [f"{base}/{each}/index.html" for each in lists],
                             "article_url_pattern": r"/content/\d{4}-\d\d/\d\d/\d+\.html$", **site}
    path.write_text(yaml.safe_dump({"database": str(path.parent / "news.db"), "sites": [entry]}, allow_unicode=True),
                    encoding="utf-8")
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _places(config: Path) -> list[str]:
    return sorted(row["place"] for row in json.loads(_run("projects", "--config", str(config), "--format", "json")))


def _site_row(config: Path) -> dict[str, Any]:
    [row] = json.loads(_run("sites", "--config", str(config), "--format", "json"))
    return row


def test_a_county_portal_without_a_place_is_read_as_its_titles_county(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"))
    _run("crawl", "--config", str(config))
    places = _places(config)
    assert len(places) == 2 and all("榆林市" in p and "靖边县" in p for p in places), places
    row = _site_row(config)
    assert (row["place"], row["place_from"]) == ("靖边县", "pages")
    # reextract reads the stories as the crawl did: the place was kept for the site.
    _run("reextract", "--facts", "--config", str(config))
    assert _places(config) == places


def test_the_configs_place_wins_and_learn_place_false_reads_no_title(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, place="鄂州")
    _run("crawl", "--config", str(config))
    assert all("鄂州市" in p and "靖边" not in p for p in _places(config))
    assert (_site_row(config)["place"], _site_row(config)["place_from"]) == ("鄂州", "config")
    assert "county → 鄂州" in _run("sites", "--config", str(config)).replace("\n", "")  # a configured place is shown too
    assert _kept(tmp_path) is None  # the pages are not read for a place while the config names one
    (tmp_path / "other").mkdir()
    other = _config(tmp_path / "other" / "config.yaml", county_portal.base, learn_place=False)
    _run("crawl", "--config", str(other))
    assert _places(other) == [""]
    assert _site_row(other)["place"] is None


def test_stories_stored_before_the_place_was_read_are_reread_with_it(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"), learn_place=False)
    _run("crawl", "--config", str(config))
    assert _places(config) == ["", ""]
    _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"))
    # The first crawl that reads a list page again (page b changed; page a answers 304 and was never read for a place).
    county_portal.more = 1
    _run("crawl", "--config", str(config))
    assert all("靖边县" in p for p in _places(config)) and len(_places(config)) == 2


def test_editing_the_configs_place_rereads_the_stored_stories(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"), place="鄂州")
    _run("crawl", "--config", str(config))
    assert all("鄂州市" in p for p in _places(config)) and not _site_row(config)["place_rereading"]
    # The user corrects the place: `sites` says the stories will be re-read, and the next crawl does it (its list pages
    # answer 304: nothing new to store, the stored stories re-read all the same).
    _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"), place="巫山")
    row = _site_row(config)
    assert (row["place"], row["place_from"], row["place_rereading"]) == ("巫山", "config", True)
    out = _run("crawl", "--config", str(config))
    assert "county: re-read the investment facts of 2 stored stories" in out  # the crawl's report says so
    assert all("巫山县" in p for p in _places(config)) and len(_places(config)) == 2
    assert not _site_row(config)["place_rereading"]
    # No place at all (and none read from the pages): the stories lose it.
    _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"), learn_place=False)
    _run("crawl", "--config", str(config))
    assert _places(config) == ["", ""]
    # Back to reading the pages: their county.
    _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"))
    county_portal.more = 1  # (the first crawl that reads a list page again reads its title)
    _run("crawl", "--config", str(config))
    assert all("靖边县" in p for p in _places(config)) and len(_places(config)) == 2


def test_a_configured_place_removed_from_a_site_whose_pages_name_none_is_read_out(tmp_path: Path,
                                                                                   regional_outlet: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", regional_outlet.base, ("a", "b"), place="鄂州")
    _run("crawl", "--config", str(config))
    assert all("鄂州市" in p for p in _places(config))
    _config(tmp_path / "config.yaml", regional_outlet.base, ("a", "b"))  # its columns name 大连 and 沈阳: no one place
    _run("crawl", "--config", str(config))
    assert _kept(tmp_path) == "" and _places(config) == ["", ""]


def test_reextract_stale_rereads_a_site_whose_place_was_edited(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"), place="鄂州")
    _run("crawl", "--config", str(config))
    _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"), place="巫山")
    assert "Recomputed the investment facts of 2 stories" in _run("reextract", "--facts", "--stale", "--config",
                                                                  str(config))
    assert all("巫山县" in p for p in _places(config)) and not _site_row(config)["place_rereading"]
    # Nothing changed since: nothing to do, and the next crawl re-reads nothing.
    assert "of 0 stories" in _run("reextract", "--facts", "--stale", "--config", str(config))
    with open_store(tmp_path / "news.db") as store:
        row = load_site_place(store.db, "county")
        assert row is not None and (row.read_with, row.reread) == ("巫山", False)


def test_a_renamed_sites_stories_keep_the_place_they_were_read_with(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"), place="鄂州")
    _run("crawl", "--config", str(config))
    text = config.read_text(encoding="utf-8").replace("name: county", "name: county-new")
    config.write_text(text, encoding="utf-8")
    _run("reextract", "--facts", "--config", str(config))  # the old name's stories: no longer a configured site
    assert all("鄂州市" in p for p in _places(config)) and len(_places(config)) == 2


def test_sites_reads_a_file_from_before_migration_8(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"))
    _run("crawl", "--config", str(config))
    with open_store(tmp_path / "news.db") as store:  # as the previous release left it
        store.db.execute("ALTER TABLE site_places DROP COLUMN read_with")
        store.db.conn.commit()
    row = _site_row(config)  # (a read-only open: nothing migrates it)
    assert (row["place"], row["place_rereading"]) == ("靖边县", False)


def test_list_pages_never_read_for_a_place_are_asked_for_in_full(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"), learn_place=False)
    _run("crawl", "--config", str(config))
    _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"))
    # Nothing changed on the site: its pages would answer 304, but they were never read for a place.
    county_portal.full_lists = 0
    _run("crawl", "--config", str(config))
    assert county_portal.full_lists == 2
    assert _kept(tmp_path) == "靖边县" and all("靖边县" in p for p in _places(config)) and len(_places(config)) == 2
    # Read once, they are asked with their validators again (304).
    county_portal.full_lists = 0
    _run("crawl", "--config", str(config))
    assert county_portal.full_lists == 0 and _kept(tmp_path) == "靖边县"


def _kept(tmp_path: Path) -> Optional[str]:
    with open_store(tmp_path / "news.db") as store:
        row = load_site_place(store.db, "county")
        return None if row is None else row.place


def test_a_site_whose_columns_name_two_cities_has_none(tmp_path: Path, regional_outlet: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", regional_outlet.base, ("a", "b"))
    _run("crawl", "--config", str(config))
    assert _kept(tmp_path) == "" and _places(config) == ["", ""]
    assert _site_row(config)["place"] is None
    _run("reextract", "--facts", "--config", str(config))
    assert _places(config) == ["", ""]


def test_a_column_naming_no_place_beside_a_citys_leaves_the_site_without_one(tmp_path: Path) -> None:
    # A provincial outlet's province column and its 成都 column: 我省 is no 成都 story.
    for portal in _serve(("四川新闻_四川在线", "成都新闻_四川在线")):
        config = _config(tmp_path / "config.yaml", portal.base, ("a", "b"))
        _run("crawl", "--config", str(config))
        assert _kept(tmp_path) == "" and _places(config) == ["", ""]


def test_a_province_column_answering_304_still_counts(tmp_path: Path) -> None:
    for portal in _serve(("四川新闻_四川在线", "成都新闻_四川在线")):
        config = _config(tmp_path / "config.yaml", portal.base, ("a", "b"))
        _run("crawl", "--config", str(config))
        assert _kept(tmp_path) == ""
        for more in (1, 2):  # the 成都 column changes at each crawl; the province column answers 304 twice
            portal.more = more
            _run("crawl", "--config", str(config))
        assert _kept(tmp_path) == "" and all(place == "" for place in _places(config))


def test_a_failing_province_column_still_counts(tmp_path: Path) -> None:
    for portal in _serve(("四川新闻_四川在线", "成都新闻_四川在线")):
        config = _config(tmp_path / "config.yaml", portal.base, ("a", "b"))
        _run("crawl", "--config", str(config))
        portal.failing = True  # the province column answers 500 twice while the 成都 column changes
        for more in (1, 2):
            portal.more = more
            CliRunner().invoke(cli, ["crawl", "--config", str(config)])  # (a partial crawl: not exit 0)
        assert _kept(tmp_path) == ""


@pytest.mark.parametrize("title, owners, reading", [
    ("视频频道_靖边新闻网", (), "靖边县"),  # a county outlet's own column: its name is the site's
    ("新闻频道", (), None),  # a column's name says nothing
    ("政务服务网", (), None),
    ("川观新闻", (), ""),  # a province's outlet without 网 in its name counts against
    ("国内新闻_澎湃新闻", (), ""),
    ("温州新闻_温州网", ("温州日报报业集团",), "温州市"),  # a city's media group is its outlet, not a firm
    ("新闻动态", ("宁波某某网络科技有限公司",), ""),
    ("综合信息", ("靖边县大数据中心",), "靖边县"),  # a county's own body
    ("综合信息", ("某某县信息服务站",), None),  # an owner read as nothing says nothing
])
def test_what_a_page_says_of_its_owner(title: str, owners: tuple[str, ...], reading: Optional[str]) -> None:
    from newsmon.crawler.siteplace import page_reading

    assert page_reading(title, owners) == reading


def test_a_column_whose_title_names_no_owner_leaves_the_place(tmp_path: Path) -> None:
    for portal in _serve(("要闻动态_靖边县人民政府", "无标题文档")):
        config = _config(tmp_path / "config.yaml", portal.base, ("a", "b"))
        for _ in range(3):
            _run("crawl", "--config", str(config))
        assert _kept(tmp_path) == "靖边县"


def test_a_city_outlets_city_and_county_columns_give_the_city(tmp_path: Path) -> None:
    for portal in _serve(("大连新闻_大连新闻网", "瓦房店新闻_大连新闻网")):
        config = _config(tmp_path / "config.yaml", portal.base, ("a", "b"))
        _run("crawl", "--config", str(config))
        assert _kept(tmp_path) == "大连市"


def test_one_odd_crawl_never_flips_the_site_and_two_in_a_row_do(tmp_path: Path, county_portal: _Portal) -> None:
    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"))
    _run("crawl", "--config", str(config))
    assert _kept(tmp_path) == "靖边县"
    # One crawl whose pages say another place (the city's platform answering for the county's pages): kept as it was.
    county_portal.titles = ("要闻动态_榆林市人民政府", "通知公告_榆林市人民政府")
    _run("crawl", "--config", str(config))
    assert _kept(tmp_path) == "靖边县" and all("靖边县" in p for p in _places(config))
    row = _site_row(config)  # the reading waiting for a second crawl is shown
    assert (row["place"], row["place_pending"]) == ("靖边县", "榆林市")
    assert "county → 榆林市" in _run("sites", "--config", str(config)).replace("\n", "")
    county_portal.titles = ("要闻动态_靖边县人民政府", "通知公告_靖边县人民政府")
    _run("crawl", "--config", str(config))
    assert _kept(tmp_path) == "靖边县"
    # The site name given to another county's portal: two crawls in a row say so, and its stories follow.
    county_portal.titles = ("要闻动态_巫山县人民政府", "通知公告_巫山县人民政府")
    _run("crawl", "--config", str(config))
    assert _kept(tmp_path) == "靖边县"
    _run("crawl", "--config", str(config))
    assert _kept(tmp_path) == "巫山县"
    assert all("巫山县" in p for p in _places(config)) and len(_places(config)) == 2


def test_a_sites_many_stored_stories_are_reread_a_part_per_crawl_newest_first(tmp_path: Path,
                                                                             county_portal: _Portal) -> None:
    from newsmon.crawler.fingerprint import text_fingerprint
    from newsmon.facts import facts_record

    total = 600
    with open_store(tmp_path / "news.db") as store:  # stories stored before the place was read: no place
        for i in range(total):
            # Long enough that the crawl's re-read time runs out before all are read.
            title = f"我县第{i}批项目签约"
            body = (f"日前，我县与第{i}家企业签约建设厂房，项目总投资{i + 1}亿元。" + "该项目建成后将带动就业，促进产业升级。" * 40)
            store.add_article(site="county", url=f"http://127.0.0.1:9/old/{i}.html", title=title, body=body,
                              fingerprint=text_fingerprint(body), facts=facts_record(title, body))

    def placed(where: str = "") -> int:
        with open_store(tmp_path / "news.db") as store:
            return int(store.db.execute("SELECT count(*) FROM article_facts f JOIN articles a ON a.id = f.article_id"
                                        f" WHERE f.county = '靖边县' {where}").fetchone()[0])

    config = _config(tmp_path / "config.yaml", county_portal.base, ("a", "b"))
    _run("crawl", "--config", str(config))  # its 2 new stories, and a part of the old ones re-read, the newest first
    first = placed("AND a.url LIKE '%/old/%'")
    assert 0 < first < total and placed(f"AND a.url LIKE '%/old/{total - 1}.html'") == 1
    # Each crawl goes on where the last stopped (the list pages answer 304). How far one gets depends on the machine's
    # speed (the re-read has a time budget): the test asks for progress on every crawl, not for a number of crawls.
    done = placed()
    for _ in range(60):
        if done == total + 2:
            break
        _run("crawl", "--config", str(config))
        before, done = done, placed()
        assert done > before
    assert done == total + 2
    _run("crawl", "--config", str(config))
    with open_store(tmp_path / "news.db") as store:
        row = load_site_place(store.db, "county")
        assert row is not None and not row.reread and row.place == "靖边县"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_crawls_ending_at_once_keep_each_others_step(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    from newsmon.crawler.siteplace import LearnedPlace

    target = str(tmp_path / "news.db") if backend == "sqlite" else request.getfixturevalue("postgres_url")
    with open_store(target) as store:
        first, second = LearnedPlace(store.db, "outlet"), LearnedPlace(store.db, "outlet")  # both began with nothing kept
        first.read_page("http://x.example/dl/", "大连新闻_东北新闻网")
        first.read_page("http://x.example/sy/", "沈阳新闻_东北新闻网")
        second.read_page("http://x.example/sy/", "沈阳新闻_东北新闻网")
        first.settle()
        second.settle()  # one crawl saying 沈阳 after another said "no one place": a step, not a flip
        row = load_site_place(store.db, "outlet")
        assert row is not None and (row.place, row.pending, row.pending_crawls) == ("", "沈阳市", 1)
        assert load_site_places(store.db) == {}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_new_home_marks_the_sites_stories_stale_once(backend: str, tmp_path: Path,
                                                      request: pytest.FixtureRequest) -> None:
    from newsmon.crawler.fingerprint import text_fingerprint
    from newsmon.db.siteplaces import note_site_home
    from newsmon.facts import FACTS_VERSION, facts_record

    target = str(tmp_path / "news.db") if backend == "sqlite" else request.getfixturevalue("postgres_url")
    with open_store(target) as store:
        site = f"edited-{tmp_path.name}"  # (one PostgreSQL database serves every test)
        body = "日前，我县与某企业签约建设厂房，项目总投资3亿元。"
        store.add_article(site=site, url=f"http://127.0.0.1:9/{site}/1.html", title="我县项目签约", body=body,
                          fingerprint=text_fingerprint(body + site), facts=facts_record("我县项目签约", body, "", "鄂州"))

        def versions() -> list[int]:
            return _fact_versions(store.db, site)

        assert not note_site_home(store.db, site, "鄂州", "2026-12-05T00:00:00+00:00")  # first seen: taken as read so
        assert versions() == [FACTS_VERSION]
        assert note_site_home(store.db, site, "巫山", "2026-12-05T00:01:00+00:00")  # edited: stale, re-read pending
        assert versions() == [0]
        row = load_site_place(store.db, site)
        assert row is not None and (row.read_with, row.reread, row.place) == ("巫山", True, None)


def _fact_versions(db: Any, site: str) -> list[int]:
    from newsmon.db.handle import PgDatabase, pg_execute

    sql = "SELECT f.version FROM article_facts f JOIN articles a ON a.id = f.article_id WHERE a.site = ?"
    rows = pg_execute(db, sql, [site])[1] if isinstance(db, PgDatabase) else db.execute(sql, [site]).fetchall()
    return [int(version) for (version,) in rows]


def test_a_read_only_open_of_a_file_from_before_the_table_reads_no_place(tmp_path: Path) -> None:
    from newsmon.crawler.siteplace import LearnedPlace

    path = tmp_path / "news.db"
    with open_store(path) as store:
        store.db.execute("DROP TABLE site_places")
        store.db.conn.commit()
    with open_store(path, readonly=True) as store:
        assert load_site_place(store.db, "county") is None and load_site_places(store.db) == {}
    with open_store(path) as store:  # a writing open adds it back (migration 6)
        learned = LearnedPlace(store.db, "county")
        learned.read_page("http://x.example/", "要闻动态_靖边县人民政府")
        learned.settle()
        assert load_site_places(store.db) == {"county": "靖边县"}
