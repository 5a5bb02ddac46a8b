"""Session 31, checked on made-up stories: batches counted in other shapes (a headline's "签约三项目", "签约成果14个",
"139个亿元以上项目", a 其中 sentence's total, 累计 summing an event's batch, the day's batch after a year's list), a work's
size class ("单体逾100亿元") no figure of its own, 签字 signings, a visiting delegation's home, Taiwan's divisions only in a
story that speaks of Taiwan; and a site's configured ``place``, which places its stories that name no city (a county
portal's 我县) through a real crawl of a loopback portal and ``reextract``, and which ``probe`` suggests from a list page's
title.

Each class comes from real pages' misses (bench/data/facts/README.md "Real pages (session 31)"); the stories here are
written for the tests, with guards for the readings the changes must leave alone.
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
from newsmon.facts import extract_facts
from newsmon.facts.amounts import investment_figures


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(found.amount.text, found.amount.kind) for found in investment_figures(text)]


@pytest.mark.parametrize("text", [
    "某区签约三项目，总投资达420亿元。",
    "某市签约12项目 协议总投资86亿元",
    "某县5项目同日开工，总投资30亿元。",
    "某县专场对接会举办，达成项目签约成果14个，总投资85.5亿元。",  # the signed results counted
])
def test_projects_counted_without_a_classifier_are_a_batch(text: str) -> None:
    assert [kind for _, kind in _kinds(text)] == ["roundup"]


@pytest.mark.parametrize("text", [
    "某公司一项目签约，总投资10亿元。",  # one project
    "某区签约第三项目，总投资10亿元。",  # an ordinal ranks one
])
def test_one_project_without_a_classifier_stays_one(text: str) -> None:
    assert [kind for _, kind in _kinds(text)] == ["project"]


def test_a_qizhong_sentence_counting_nothing_sums_up_the_batch_before_it() -> None:
    text = ("本次签约活动共有33个项目进行线上签约。其中，既有先进制造业项目，又有现代服务业项目，总投资达625.385亿元。")
    assert _kinds(text) == [("625.385亿元", "roundup")]
    facts = extract_facts("某市春季产业项目视频签约仪式举行", "昨天上午，某市举行春季产业项目视频签约仪式。" + text)
    assert (facts.amount, facts.kind) == (62538500000.0, "roundup")


@pytest.mark.parametrize("text, kinds", [
    # a 其中 sentence of one work's own total is that work's
    ("共签约33个项目。其中，某公司汽车零部件项目总投资40亿元。", [("40亿元", "project")]),
    # a 其中 sentence counting its own part keeps that part's count
    ("共签约33个项目，总投资600亿元。其中，工业项目20个，总投资400亿元。", [("600亿元", "roundup"), ("400亿元", "roundup")]),
    # nothing counted before: no batch to sum up
    ("某公司在某区举行签约仪式。其中，既有研发中心，又有生产基地，总投资达25亿元。", [("25亿元", "project")]),
])
def test_a_qizhong_sentence_leaves_other_readings_alone(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


# A site's place (config `place`): a county portal's story says 我县 and names no county; the site knows it.
_STORY_TITLE = "县经开区年产5万吨新材料项目开工"
_STORY_BODY = ("本报讯 3月18日上午，我县经济开发区年产5万吨新材料项目举行开工仪式。县委书记宣布项目开工。"
               "该项目总投资12亿元，主要建设生产车间、研发中心及配套设施，建成后年产值可达30亿元。"
               "项目的开工建设，对于壮大我县新材料产业、推动县域经济高质量发展具有重要意义。")


def test_a_sites_place_places_a_story_that_names_no_city() -> None:
    assert extract_facts(_STORY_TITLE, _STORY_BODY).places == ()
    placed = extract_facts(_STORY_TITLE, _STORY_BODY, home="靖边县")
    assert [(p.province, p.city, p.county) for p in placed.places] == [("陕西省", "榆林市", "靖边县")]
    # the story's own city and a source line that places it come first
    assert extract_facts(_STORY_TITLE, "大连市" + _STORY_BODY, home="靖边县").places[0].city == "大连市"
    assert extract_facts(_STORY_TITLE, _STORY_BODY, "德州市人民政府", home="靖边县").places[0].city == "德州市"
    # a national story reprinted by the county's portal stays the country's
    national = extract_facts("全国新开工重大项目120个", "记者从国家发展改革委获悉，全国今年新开工重大项目120个。", home="靖边县")
    assert national.places == ()


class _CountyPortal(ThreadingHTTPServer):
    """A county portal on loopback: one list page linking one story that says 我县."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CountyHandler)
        self.list_title = "要闻动态_靖边县人民政府"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _CountyHandler(BaseHTTPRequestHandler):
    server: _CountyPortal

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if self.path == "/list/index.html":
            html = (f"<html><head><meta charset='utf-8'><title>{self.server.list_title}</title></head><body><ul>"
                    f"<li><a href='/content/2026-03/18/1001.html'>{_STORY_TITLE}</a> 2026-03-18</li></ul></body></html>")
        elif self.path == "/content/2026-03/18/1001.html":
            paragraphs = "".join(f"<p>{s}。</p>" for s in _STORY_BODY.rstrip("。").split("。"))
            html = (f"<html><head><meta charset='utf-8'><title>{_STORY_TITLE}</title></head><body>"
                    f"<h1>{_STORY_TITLE}</h1><div class='info'>发布时间：2026-03-18 10:20</div>"
                    f"<div class='content'>{paragraphs}</div></body></html>")
        else:
            self.send_error(404)
            return
        data = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def county_portal() -> Iterator[_CountyPortal]:
    server = _CountyPortal()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _write_config(path: Path, base: str, place: Optional[str]) -> None:
    site: dict[str, Any] = {"name": "county", "start_urls": [f"{base}/list/index.html"],
                            "article_url_pattern": r"/content/\d{4}-\d\d/\d\d/\d+\.html$"}
    if place is not None:
        site["place"] = place
    path.write_text(yaml.safe_dump({"database": str(path.parent / "news.db"), "sites": [site]}, allow_unicode=True),
                    encoding="utf-8")


def _places(config: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["projects", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [row["place"] for row in json.loads(result.output)]


def test_a_crawled_county_story_takes_its_sites_place_and_reextract_follows_the_config(
        tmp_path: Path, county_portal: _CountyPortal) -> None:
    config = tmp_path / "config.yaml"
    _write_config(config, county_portal.base, "靖边县")
    crawl = CliRunner().invoke(cli, ["crawl", "--config", str(config)])
    assert crawl.exit_code == 0, crawl.output
    [place] = _places(config)
    assert "榆林市" in place and "靖边县" in place
    # The place removed from the config: reextract reads the story as the site now says.
    _write_config(config, county_portal.base, None)
    result = CliRunner().invoke(cli, ["reextract", "--facts", "county", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert _places(config) == [""]
    _write_config(config, county_portal.base, "靖边")
    assert CliRunner().invoke(cli, ["reextract", "--facts", "--config", str(config)]).exit_code == 0
    [place] = _places(config)
    assert "靖边县" in place


def test_a_place_no_table_knows_is_a_clear_config_error(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    _write_config(config, "http://127.0.0.1:9", "火星基地")
    result = CliRunner().invoke(cli, ["crawl", "--config", str(config)])
    assert result.exit_code != 0
    assert "sites[0].place" in result.output and "is not one city or county" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("title, body, city", [
    ("上海市徐汇区经贸考察团赴我市进行考察", "座谈会首先播放了我市推介宣传片。前进区区长就前进区的区位优势向考察团进行了推介。", "佳木斯市"),
    ("深圳市企业家代表团来我县考察", "双方在固始县座谈，就合作项目进行了交流。", "信阳市"),
])
def test_a_visiting_delegations_home_is_not_the_storys_place(title: str, body: str, city: str) -> None:
    assert [p.city for p in extract_facts(title, body).places][:1] == [city]


def test_a_delegation_going_out_keeps_its_home() -> None:
    # our own delegation travels: its home is the story's place (no 赴我市)
    facts = extract_facts("佳木斯市经贸代表团赴上海开展招商活动", "代表团一行拜访了多家企业，推介佳木斯投资环境。")
    assert [p.city for p in facts.places][:1] == ["佳木斯市"]


@pytest.mark.parametrize("title, body, stage", [
    ("", "7月19日，某团举行了招商引资建设年产8万吨金属硅生产项目签字仪式。该项目计划总投资8亿元。", "签约"),
    ("某县与某集团光伏项目合同签字", "双方签字后，项目将于年底开工。", "签约"),
    # a lender's signing is no project's, nor a household's signature
    ("", "某市政府与某银行战略合作协议签字仪式举行，授信金额200亿元。", None),
    ("", "拆迁户在协议上签字确认。", None),
])
def test_a_signing_ceremony_called_qianzi_is_a_signing(title: str, body: str, stage: str | None) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("text, kinds", [
    # 累计 summing the batch of the event the sentence reports
    ("推介会后举行了项目集中签约仪式，23个项目成功签约，累计签约额75.7亿元。", [("75.7亿元", "roundup")]),
    # projects counted by a size class ("N个亿元以上项目"): the event's whole batch comes before its part
    ("签约仪式上，共有139个亿元以上项目签约，投资总额达1184亿元。其中，集中签约项目12个，总投资275亿元。",
     [("1184亿元", "roundup"), ("275亿元", "roundup")]),
    # the class of size a work is of ("单体逾100亿元") is no figure of its own; its total is
    ("温州市单体逾100亿元制造业招商引资项目签约仪式在洞头区举行。据悉，该项目总投资额约129亿元。", [("129亿元", "project")]),
])
def test_an_events_batch_and_a_works_size_class(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize("text, kinds", [
    ("今年以来，全市累计签约项目23个，签约额75.7亿元。", []),  # a period's running total stays a tally
    ("总投资约60个亿的某光伏项目今天开工。", [("60个亿", "project")]),  # spoken 亿 counts money, not projects
    ("某项目单体投资10亿元，今天开工。", [("10亿元", "project")]),  # a work's own figure, no class
])
def test_tallies_spoken_yi_and_a_works_own_figure_stay_as_they_were(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


def test_a_story_saying_nothing_of_taiwan_names_none_of_its_divisions() -> None:
    # "创新社区" holds 台中's 新社区, "金山网" (镇江's portal) 新北's 金山区
    facts = extract_facts("3个市级重点产业项目全部开工", "金山网讯 日前，润州区官塘桥街道召开街道服务创新社区高质量发展大会。")
    assert [(p.province, p.city) for p in facts.places] == [("江苏省", "镇江市")]
    # a story about Taiwan keeps them
    taiwan = extract_facts("两岸合作项目签约", "台中市某企业与新社区农会签约合作。")
    assert [(p.city, p.county) for p in taiwan.places][:1] == [("台中市", "新社区")]


def test_probe_suggests_the_place_a_list_pages_title_names(county_portal: _CountyPortal) -> None:
    url = f"{county_portal.base}/list/index.html"
    table = CliRunner().invoke(cli, ["probe", url])
    assert table.exit_code == 0, table.output
    block = table.output.split("config.yaml block for this site:")[1]
    assert yaml.safe_load(block)["sites"][0]["place"] == "靖边县"
    assert json.loads(CliRunner().invoke(cli, ["probe", url, "--format", "json"]).output)["title"] == "要闻动态_靖边县人民政府"
    # a title naming no city, or only a province, suggests none
    for title in ("县域要闻", "人民网-四川频道"):
        county_portal.list_title = title
        block = CliRunner().invoke(cli, ["probe", url]).output.split("config.yaml block for this site:")[1]
        assert "place" not in yaml.safe_load(block)["sites"][0]


def test_the_host_welcoming_a_delegation_keeps_its_own_name() -> None:
    facts = extract_facts("佳木斯市欢迎上海考察团来我市考察", "上海某集团董事长表示，将加快推进双方合作项目。")
    assert [p.city for p in facts.places][:1] == ["佳木斯市"]


def test_the_days_batch_told_after_the_years_list_is_the_storys() -> None:
    body = ("2月23日上午，市委、市政府举行2023年全市城乡建设第一批重点项目开工活动。市长宣布67项城乡建设重点项目开工。\n"
            "今年，全市共实施重点项目772项，计划总投资超5000亿元，年度计划投资超1200亿元。此次开工的67个重点项目，计划总投资"
            "267亿元，涉及住房建设、市政公用等多个领域。")
    facts = extract_facts("全市城乡建设第一批重点项目集中开工", body)
    assert (facts.amount, facts.kind) == (267e8, "roundup")


def test_an_events_batch_named_with_its_year_keeps_its_total_over_a_part_of_it() -> None:
    body = ("3日，某区举行2023年开年重大产业项目集中开工活动，开工的重大产业项目共有12个，总投资91亿元，涵盖智能装备、新材料等领域。\n"
            "此外，新材料产业的集聚效应也较为显著，本次开工的项目有6个，总投资23.1亿元。")
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (91e8, "roundup")


# The review's cases (session 31): each rule of the session kept to its class.
@pytest.mark.parametrize("text, kinds", [
    ("某光伏项目单体投资超10亿元。", [("10亿元", "project")]),  # a work's own figure, no class named after it
    ("某电厂项目单体投资额达50亿元，是全省最大的单体项目。", [("50亿元", "project")]),
    ("本次共有33个项目签约。其中，某光伏项目由某集团投资建设，总投资达25亿元。", [("25亿元", "project")]),  # one work named
    ("签约仪式上，23个项目成功签约，全市累计签约额已达275.7亿元。", []),  # the city's running total, not the event's
])
def test_the_sessions_rules_keep_to_their_class(text: str, kinds: list[tuple[str, str]]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize("later", [
    "此次开工的67个重点项目中，工业项目30个，总投资150亿元。",  # a part of the day's batch
    "当天设3个分会场，其中主会场开工项目20个，总投资80亿元。",  # one venue's
])
def test_a_part_of_the_days_batch_does_not_replace_a_total(later: str) -> None:
    body = ("2月23日上午，市委、市政府举行2023年全市城乡建设第一批重点项目开工活动。\n今年，全市共实施重点项目772项，计划总投资超"
            "5000亿元。" + later)
    assert extract_facts("全市城乡建设第一批重点项目集中开工", body).amount == 5000e8


@pytest.mark.parametrize("title", ["某县十四五项目开工", "某园区2023项目签约"])
def test_a_plans_or_years_works_are_no_count(title: str) -> None:
    assert extract_facts(title, "该项目总投资12亿元。").kind == "project"


def test_a_host_greeting_a_delegation_by_another_verb_keeps_its_name() -> None:
    assert [p.city for p in extract_facts("", "鄂州市迎来上海市考察团到我市考察。").places][:1] == ["鄂州市"]


@pytest.mark.parametrize("title, place", [
    ("北京市朝阳区人民政府", "北京市朝阳区"),  # an ambiguous district is written with its city, as the config needs it
    ("新闻动态_靖边县人民政府", "靖边县"),
    ("深圳-汕尾合作区新闻", None),  # two cities
])
def test_probes_place_is_one_the_config_accepts(title: str, place: Optional[str], tmp_path: Path) -> None:
    from newsmon.crawler.siteplace import title_place

    assert title_place(title) == place
    if place is not None:
        config = tmp_path / "config.yaml"
        _write_config(config, "http://127.0.0.1:9", place)
        from newsmon.config import load_config

        assert load_config(config).sites[0].place == place


@pytest.mark.parametrize("place, says", [
    ("朝阳区", "names 2 places (北京市朝阳区, 吉林省长春市朝阳区): write the one meant"),  # (session 43: say which)
    ("武汉 鄂州", "is not one city or county"),
    ("四川", "is not one city or county"),
])
def test_a_place_naming_no_one_city_or_county_is_a_config_error(place: str, says: str, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    _write_config(config, "http://127.0.0.1:9", place)
    result = CliRunner().invoke(cli, ["crawl", "--config", str(config)])
    assert result.exit_code != 0 and says in result.output and "Traceback" not in result.output
