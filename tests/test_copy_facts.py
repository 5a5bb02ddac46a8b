"""A syndicated story's city told by its other copies' sites (facts/copies.py, session 69).

A province's portal carries a county's story as the county wrote it ("我县…"): read without a place it names no city.
The county's own portal carries it too, and its site's place tells the county. The store keeps the story once; these
tests show the copy's place reaching the stored facts on SQLite and PostgreSQL (and a province's own story not placed
by a county's reprint), the alert rules matched again on the story as stored, ``reextract --facts`` and a site's place
learned later reading the same way, and a real crawl of two loopback portals doing all of it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest
import yaml
from click.testing import CliRunner

from newsmon.alerts import install_alert_hook, send_due
from newsmon.cli import cli
from newsmon.clock import utc_now
from newsmon.crawler.article import Article
from newsmon.crawler.fingerprint import text_fingerprint
from newsmon.crawler.pipelines import store_article
from newsmon.db import Store, StoreAPI, open_store
from newsmon.db.facts import facts_record_of, get_facts
from newsmon.db.outbox import list_deliveries
from newsmon.db.siteplaces import note_site_home
from newsmon.facts import FACTS_VERSION, facts_record
from newsmon.facts.copies import HOMES_READ, CopyPlace, names_city, read_with_copies, speaks_locally, told_places
from newsmon.facts.refresh import reextract_facts
from test_alerts_support import Receiver, make_config, receiver, store_with_alerts  # noqa: F401

TITLE = "我县新型建材项目开工"
BODY = ("近日，我县举行重点项目集中开工仪式，总投资12亿元的年产5万吨新型建材项目正式开工建设。该项目由某某建材有限公司投资"
        "建设，占地300亩，建成后年产值可达15亿元。\n县委书记出席开工仪式并宣布项目开工。")
PROVINCE_BODY = BODY.replace("近日，我县", "近日，辽宁省某县")
# A province's own story: it speaks as no county, so a county portal reprinting it does not place it.
PROVINCE_TITLE = "全省重点项目集中开工"
PROVINCE_WIDE = ("近日，全省第二季度重点项目集中开工，共开工项目320个，总投资1260亿元。省委书记出席主会场活动并宣布项目开工。\n"
                 "此次开工项目涵盖先进制造、新能源、基础设施等领域，将为全省经济发展注入新动能。")
DALIAN = {"province": "辽宁省", "city": "大连市", "county": "瓦房店市"}


def when(day: int) -> dt.datetime:
    return dt.datetime(2024, 5, day, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def keep(store: StoreAPI, site: str, url: str, home: str, *, day: Optional[int] = 2, title: str = TITLE,
         body: str = BODY, source: str = "", facts: Any = "read") -> Any:
    """Store one copy as the crawler's StorePipeline does: read with its site's place, then store_article."""
    article = Article(url=url, title=title, body=body, published_at=None if day is None else when(day), source=source)
    record = facts_record(title, body, source, home) if facts == "read" else facts
    return store_article(store, site, url, article, record, home=home)


def city(store: StoreAPI, article_id: int) -> Optional[str]:
    facts = get_facts(store.db, article_id)
    assert facts is not None
    places = facts["places"]
    return places[0].get("city") if places else None


# -- the rule ---------------------------------------------------------------------------------------

def test_a_copys_site_tells_only_a_missing_city_and_nothing_the_story_reports() -> None:
    stored = {**facts_record(TITLE, BODY, "", ""), "stage": "签约"}
    assert not names_city(stored) and speaks_locally(TITLE, BODY)
    filled = CopyPlace(TITLE, BODY, "瓦房店市").fill(stored)
    assert filled is not None and filled["places"] == [DALIAN]
    assert (filled["stage"], filled["amount"], filled["version"]) == ("签约", stored["amount"], stored["version"])
    # A city known stays; a site with no place tells nothing; a story stored without facts keeps none.
    assert CopyPlace(TITLE, BODY, "长春市").fill(filled) is None
    assert CopyPlace(TITLE, BODY, "").fill(stored) is None
    assert CopyPlace(TITLE, BODY, "瓦房店市").fill(None) is None


def test_a_province_wide_story_is_not_placed_by_a_county_portal_reprinting_it() -> None:
    stored = facts_record(PROVINCE_TITLE, PROVINCE_WIDE, "", "")
    assert not names_city(stored) and not speaks_locally(PROVINCE_TITLE, PROVINCE_WIDE)
    assert told_places(stored, PROVINCE_TITLE, PROVINCE_WIDE, "瓦房店市") is None
    assert read_with_copies(PROVINCE_TITLE, PROVINCE_WIDE, "", "", iter(["瓦房店市"])) == stored


def test_a_long_story_is_placed_from_its_lead() -> None:
    # The place is read inside the store's write transaction: a hostile page's 100,000 characters are not all read.
    body = BODY + "\n" + "该项目建设进展顺利，各方协同推进。" * 6000
    assert told_places(facts_record(TITLE, body, "", ""), TITLE, body, "瓦房店市") == [DALIAN]


def test_a_story_in_traditional_characters_speaks_in_its_countys_voice_too() -> None:
    title, body = "我縣新型建材項目開工", "近日，我縣舉行重點項目集中開工儀式，總投資12億元的新型建材項目正式開工建設。" * 2
    assert speaks_locally(title, body)
    assert told_places(facts_record(title, body, "", ""), title, body, "瓦房店市") == [DALIAN]


@pytest.mark.parametrize("words", ["对接资本市场", "开拓日本市场", "摸清基本市情", "面向全市场"])
def test_words_holding_a_places_word_are_no_local_voice(words: str) -> None:
    body = PROVINCE_WIDE + f"会议要求，各地要{words}，推动项目早落地。"
    assert not speaks_locally(PROVINCE_TITLE, body)
    assert told_places(facts_record(PROVINCE_TITLE, body, "", ""), PROVINCE_TITLE, body, "瓦房店市") is None


def test_a_copy_in_another_province_does_not_place_a_story_that_names_its_province() -> None:
    stored = facts_record(TITLE, PROVINCE_BODY, "", "")
    assert [p.get("province") for p in stored["places"]] == ["辽宁省"] and not names_city(stored)
    assert told_places(stored, TITLE, PROVINCE_BODY, "长春市") is None
    assert told_places(stored, TITLE, PROVINCE_BODY, "瓦房店市") == [DALIAN]


def test_an_earlier_copy_of_a_story_in_no_local_voice_does_not_keep_the_former_city() -> None:
    former = facts_record(PROVINCE_TITLE, PROVINCE_WIDE, "", "瓦房店市")  # its county portal's own reading
    assert names_city(former)
    new = facts_record(PROVINCE_TITLE, PROVINCE_WIDE, "", "")
    assert CopyPlace(PROVINCE_TITLE, PROVINCE_WIDE, "").as_primary(new, former) == new  # as a re-read reads it


def test_an_earlier_copy_keeps_the_former_primarys_city_at_the_lower_version() -> None:
    former = {**facts_record(TITLE, BODY, "", "瓦房店市"), "version": 0}  # marked stale for a re-read
    new = facts_record(TITLE, BODY, "", "")
    kept = CopyPlace(TITLE, BODY, "").as_primary(new, former)
    assert kept["places"] == [DALIAN] and kept["version"] == 0  # still marked: the re-read reads it
    assert CopyPlace(TITLE, BODY, "").as_primary(new, {**former, "version": FACTS_VERSION})["version"] == FACTS_VERSION
    assert CopyPlace(TITLE, BODY, "").as_primary(new, None) == new


def test_read_with_copies_reads_other_homes_only_when_the_primary_names_no_city() -> None:
    asked: list[str] = []

    def homes() -> Iterator[str]:
        for home in ("", "", "瓦房店市", "长春市"):
            asked.append(home)
            yield home

    record = read_with_copies(TITLE, BODY, "", "", homes())
    assert record["places"] == [DALIAN]
    assert asked == ["", "", "瓦房店市"]  # the first home telling a city ends the reading
    asked.clear()
    named = read_with_copies(TITLE, BODY, "", "公主岭市", homes())
    assert named["places"][0]["county"] == "公主岭市" and asked == []  # the copies are never looked up


def test_a_story_carried_by_many_portals_is_read_with_a_bounded_number_of_their_places() -> None:
    asked: list[str] = []
    others = ["长春市", "吉林市", "四平市", "通化市", "白山市", "松原市", "白城市", "延吉市", "公主岭市", "梅河口市"]

    def homes() -> Iterator[str]:
        for home in [*others, "瓦房店市"]:
            asked.append(home)
            yield home

    record = read_with_copies(TITLE, PROVINCE_BODY, "", "", homes())
    assert not names_city(record)  # 吉林's portals cannot place a story that names 辽宁省
    assert len(asked) == HOMES_READ + 1 and "瓦房店市" not in asked  # the ninth place is not read


# -- the store --------------------------------------------------------------------------------------

@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreAPI]:
    target = str(tmp_path / "news.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    with open_store(target) as opened:
        yield opened


def test_a_county_portals_copy_tells_the_city_a_province_portals_copy_left_out(store: StoreAPI) -> None:
    first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
    assert first.status == "new" and city(store, first.article_id) is None
    copy = keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=3)
    assert (copy.status, copy.article_id) == ("duplicate", first.article_id)
    assert "this copy's site told its place" in copy.reason
    facts = get_facts(store.db, first.article_id)
    assert facts is not None and facts["places"] == [DALIAN] and facts["stage"] == "开工"
    # A third copy from another city's portal changes nothing: the city is known.
    third = keep(store, "gzl-gov", "http://127.0.0.1:9/gzl/3.html", "公主岭市", day=4)
    assert third.status == "duplicate" and "told its place" not in third.reason
    assert city(store, first.article_id) == "大连市"


def test_a_copy_whose_own_reading_failed_still_tells_the_place(store: StoreAPI) -> None:
    first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
    keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=3, facts=None)
    assert city(store, first.article_id) == "大连市"


def test_a_copys_source_line_is_not_its_sites_place(store: StoreAPI) -> None:
    # A copy's 来源 line is not stored, so a re-read could not read it again: the store does not use it either.
    first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
    keep(store, "news-dl", "http://127.0.0.1:9/dl/4.html", "", day=3, source="大连日报")
    assert city(store, first.article_id) is None
    assert reextract_facts(store) == (1, 0) and city(store, first.article_id) is None


def test_a_province_portals_own_story_reprinted_by_a_county_stays_unplaced(store: StoreAPI) -> None:
    first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "", title=PROVINCE_TITLE, body=PROVINCE_WIDE)
    copy = keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=3, title=PROVINCE_TITLE,
                body=PROVINCE_WIDE)
    assert copy.article_id == first.article_id and city(store, first.article_id) is None


def test_an_earlier_county_copy_becoming_the_primary_places_the_story(store: StoreAPI) -> None:
    province = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "", day=3)
    earlier = keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=1)
    assert earlier.article_id == province.article_id and "now the primary copy" in earlier.reason
    assert city(store, province.article_id) == "大连市"


def test_an_earlier_copy_becoming_the_primary_keeps_the_place_the_former_primary_told(store: StoreAPI) -> None:
    county = keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=3)
    earlier = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "", day=1)
    assert "now the primary copy" in earlier.reason
    assert city(store, county.article_id) == "大连市"
    kept = facts_record_of(store.db, county.article_id)
    assert kept is not None and kept["version"] == FACTS_VERSION


def test_without_fill_a_copys_facts_are_dropped_as_before(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
        copy = store.add_article(site="wfd-gov", url="http://127.0.0.1:9/wfd/7.html", title=TITLE, body=BODY,
                                 fingerprint=text_fingerprint(BODY), published_at=when(3),
                                 facts=facts_record(TITLE, BODY, "", "瓦房店市"))
        assert (copy.status, copy.article_id) == ("duplicate", first.article_id)
        assert city(store, first.article_id) is None


# -- alerts -----------------------------------------------------------------------------------------

def alert_config(tmp_path: Path, url: str, **extra: Any) -> Any:
    return make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": url + "/hook"}},
        "rules": [{"name": "dalian-works", "places": ["大连"], "stages": ["开工"], "channels": ["ops"]},
                  {"name": "county-portal", "query": "建材", "sites": ["wfd-gov"], "channels": ["ops"]}],
        **extra,
    })


def test_a_place_rule_alerts_once_when_a_copy_tells_the_place(tmp_path: Path, receiver: Receiver,
                                                             store: StoreAPI) -> None:
    config = alert_config(tmp_path, receiver.url)
    install_alert_hook(store, config)  # on SQLite and PostgreSQL alike
    first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
    assert send_due(config, store).messages_sent == 0  # no city yet: the rule cannot know
    keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=3)
    keep(store, "dl-news", "http://127.0.0.1:9/dl/5.html", "大连市", day=4)  # a copy finding the city known
    keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/8.html", "瓦房店市", day=5)  # a second copy on that portal
    assert send_due(config, store).messages_sent == 1
    assert send_due(config, store, ignore_backoff=True).messages_sent == 0
    # The story is ln-gov's: the rule on wfd-gov's stories is matched on the story as stored, not on the copy.
    assert [(d["rule"], d["article_id"]) for d in list_deliveries(store.db)] == [("dalian-works", first.article_id)]
    assert len(receiver.requests) == 1
    assert receiver.requests[0]["json"]["article_id"] == first.article_id


def test_a_story_too_old_to_alert_stays_silent_when_a_dateless_copy_places_it(tmp_path: Path,
                                                                              receiver: Receiver) -> None:
    config = alert_config(tmp_path, receiver.url, max_age="30d")  # the story is of May 2024
    with store_with_alerts(config) as store:
        first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
        keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=None)  # dated by its fetch: today
        assert city(store, first.article_id) == "大连市"
        assert list_deliveries(store.db) == []


def test_an_earlier_county_copy_becoming_the_primary_alerts_on_its_place(tmp_path: Path, receiver: Receiver) -> None:
    config = alert_config(tmp_path, receiver.url)
    with store_with_alerts(config) as store:
        first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "", day=3)
        keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=1)
        rules = sorted(d["rule"] for d in list_deliveries(store.db))
        # Now the county portal's copy is the story (its site, its text): both rules hold, once each.
        assert rules == ["county-portal", "dalian-works"]
        assert {d["article_id"] for d in list_deliveries(store.db)} == {first.article_id}


def test_a_rule_added_after_the_story_was_stored_stays_silent_when_a_copy_places_it(tmp_path: Path,
                                                                                   receiver: Receiver) -> None:
    with Store(tmp_path / "news.db") as store:
        first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
    config = make_config(tmp_path, {  # a keyword rule the story matched before any place was told
        "channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook"}},
        "rules": [{"name": "materials", "query": "建材", "channels": ["ops"]}],
    })
    with store_with_alerts(config) as store:
        keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=3)
        assert city(store, first.article_id) == "大连市"
        assert list_deliveries(store.db) == []  # the place told changes nothing this rule reads


def test_a_rule_failing_while_a_copy_changes_the_story_loses_nothing(tmp_path: Path,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    def broken(row: dict[str, Any], before: Optional[dict[str, Any]] = None) -> None:
        if before is not None:
            raise RuntimeError("rule exploded")

    with Store(tmp_path / "news.db") as store:
        first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
        store.match_hooks.append(broken)
        copy = keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=3)
        assert copy.status == "duplicate" and city(store, first.article_id) == "大连市"
        assert store.db.execute("SELECT count(*) FROM article_sources WHERE article_id = ?",
                                [first.article_id]).fetchone()[0] == 2
    assert "alert rules not matched again" in caplog.text and "rule exploded" in caplog.text


# -- re-reading ---------------------------------------------------------------------------------------

def test_reextract_keeps_the_place_a_copys_site_tells(store: StoreAPI) -> None:
    first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
    keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "瓦房店市", day=3)
    # As `newsmon reextract --facts` does, every configured site's place given.
    assert reextract_facts(store, homes={"ln-gov": "", "wfd-gov": "瓦房店市"}) == (1, 0)
    assert city(store, first.article_id) == "大连市"
    # The crawl's re-read of one site knows that site's place only: the others' come from site_places.
    note_site_home(store.db, "wfd-gov", "瓦房店市", utc_now())
    assert reextract_facts(store, site="ln-gov", homes={"ln-gov": ""}) == (1, 0)
    assert city(store, first.article_id) == "大连市"
    # A county portal whose place is unknown tells nothing; the story keeps no city rather than a guess.
    note_site_home(store.db, "wfd-gov", "", utc_now())
    reextract_facts(store, homes={"ln-gov": ""})
    assert city(store, first.article_id) is None


def test_the_store_and_a_re_read_agree_when_an_earlier_copy_becomes_the_primary(store: StoreAPI) -> None:
    for n, (title, body) in enumerate([(TITLE, BODY), (PROVINCE_TITLE, PROVINCE_WIDE)]):
        county = keep(store, "wfd-gov", f"http://127.0.0.1:9/wfd/{n}.html", "瓦房店市", day=3, title=title, body=body)
        keep(store, "ln-gov", f"http://127.0.0.1:9/ln/{n}.html", "", day=1, title=title, body=body)  # now the primary
        stored = get_facts(store.db, county.article_id)
        reextract_facts(store, homes={"wfd-gov": "瓦房店市", "ln-gov": ""})
        assert get_facts(store.db, county.article_id) == stored, title


def test_a_copy_sites_place_learned_later_re_reads_the_stories_it_carried(store: StoreAPI) -> None:
    first = keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
    other = keep(store, "ln-gov", "http://127.0.0.1:9/ln/2.html", "", title="全省春季植树造林现场会召开",
                 body="全省春季植树造林工作现场会召开，各地完成造林面积比去年同期增加三成。" * 3)
    keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7.html", "", day=3)  # its place not known yet
    keep(store, "wfd-gov", "http://127.0.0.1:9/wfd/7b.html", "", day=3)  # and seen again at another of its URLs
    note_site_home(store.db, "wfd-gov", "", utc_now())
    assert city(store, first.article_id) is None
    # The county portal's place becomes known (read from its list pages, or its `place:` set): the stories it
    # carried are stale, the province portal's primary copy among them, and the crawl's re-read places them.
    assert note_site_home(store.db, "wfd-gov", "瓦房店市", utc_now())
    assert reextract_facts(store, site="wfd-gov", only_stale=True, homes={"wfd-gov": "瓦房店市"}) == (1, 0)
    assert city(store, first.article_id) == "大连市"
    assert reextract_facts(store, site="ln-gov", only_stale=True) == (0, 0)  # the province's own story not stale
    assert get_facts(store.db, other.article_id) is not None


# -- a real crawl -------------------------------------------------------------------------------------

PAGE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="nav"><a href="/">首页</a></div><h1>{title}</h1><div class="info">发布时间：2024-05-0{day} 09:00</div>
<div class="content">{body}</div></body></html>"""


OTHERS = {  # each portal's other stories: a list page names several (one link is no list)
    "ln": ["全省春季植树造林工作现场会召开，各地完成造林面积比去年同期增加三成，林业部门加强苗木调运和技术指导。",
           "省气象台发布春耕气象服务专报，提醒各地抓住有利天气抢墒播种，做好低温冷害和病虫害防范工作。",
           "全省职业技能大赛决赛开幕，来自各行业的六百余名选手参加二十个项目的比赛，优胜者将获得技术能手称号。"],
    "wfd": ["我县召开老旧小区改造工作推进会，今年计划完成十二个小区的外墙保温、管网更新和停车位增设工作。",
            "县图书馆举办世界读书日主题活动，开展图书漂流、亲子阅读和名家讲座，吸引上千名读者参加。",
            "我县开展春季安全生产大检查，检查组深入企业车间和施工工地，现场督促整改各类隐患四十余处。"],
}


class _Portals(BaseHTTPRequestHandler):
    """Two portals on one loopback server: /ln/ a province's (the story first), /wfd/ a county's (the copy)."""

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        pages: dict[str, str] = {}
        for portal, day in (("ln", 2), ("wfd", 3)):
            stories = [(TITLE, BODY), *((text[:14], f"{text}\n{text[:20]}，有关部门将持续跟进落实。") for text in OTHERS[portal])]
            links = []
            for n, (title, body) in enumerate(stories, start=1):
                href = f"/{portal}/2024/{n}.html"
                links.append(f'<li><a href="{href}">{title}</a><span>2024-05-0{day}</span></li>')
                paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
                pages[href] = PAGE.format(title=title, day=day, body=paragraphs)
            pages[f"/{portal}/index.html"] = f"<html><body><ul>{''.join(links)}</ul></body></html>"
        page = pages.get(self.path)
        data = (page or "<html><body>not found</body></html>").encode("utf-8")
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def portals() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Portals)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_crawl_of_both_portals_stores_one_story_placed_by_the_county_portal(tmp_path: Path, portals: str) -> None:
    db = tmp_path / "news.db"
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({
        "database": str(db),
        "sites": [
            {"name": "ln-gov", "start_urls": [f"{portals}/ln/index.html"], "learn_place": False, "every": "1h"},
            {"name": "wfd-gov", "start_urls": [f"{portals}/wfd/index.html"], "place": "瓦房店市", "every": "1h"},
        ],
    }, allow_unicode=True), encoding="utf-8")
    runner = CliRunner()
    for site in ("ln-gov", "wfd-gov"):  # the province's portal first: its copy is the primary
        crawled = runner.invoke(cli, ["crawl", site, "--config", str(config)], catch_exceptions=False)
        assert crawled.exit_code == 0, crawled.output
    with sqlite3.connect(db) as conn:
        found = conn.execute("SELECT a.id, a.site FROM article_sources s JOIN articles a ON a.id = s.article_id"
                             " WHERE s.url LIKE '%/2024/1.html'").fetchall()
        assert len(found) == 2 and len({story for story, _ in found}) == 1, crawled.output
        story, primary = found[0]
        assert primary == "ln-gov"
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (7,)
    shown = runner.invoke(cli, ["show", str(story), "--config", str(config), "--format", "json"],
                          catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    investment = json.loads(shown.output)["investment"]
    assert investment["places"][0] == {"province": "辽宁省", "city": "大连市", "county": "瓦房店市"}
    assert investment["stage"] == "开工" and investment["amount"] == 1.2e9
    # `newsmon reextract --facts` reads it the same.
    again = runner.invoke(cli, ["reextract", "--facts", "--config", str(config)], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    listed = runner.invoke(cli, ["projects", "--place", "大连", "--config", str(config), "--format", "json"],
                           catch_exceptions=False)
    assert listed.exit_code == 0 and len(json.loads(listed.output)) == 1, listed.output


def test_an_older_sqlite_file_gets_the_source_site_index_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as store:
        keep(store, "ln-gov", "http://127.0.0.1:9/ln/1.html", "")
    with sqlite3.connect(path) as conn:  # as a file from before migration 9
        conn.execute("DROP INDEX idx_article_sources_site_article")
    with Store(path) as store:
        plan = store.db.execute("EXPLAIN QUERY PLAN SELECT article_id FROM article_sources WHERE site = ? AND"
                                " article_id > ? ORDER BY article_id", ["ln-gov", 0]).fetchall()
        assert "idx_article_sources_site_article" in str(plan)
        assert [row[0] for row in store.db.execute("SELECT article_id FROM article_sources")] == [1]
