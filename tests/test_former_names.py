"""Former names of divisions (facts/data/former_names.csv, made by make_former_names.py from GB/T 2260 2002–2013).

Older stories, and many newer ones, write a county by the name it had before it was renamed or merged: 户县 (now
西安's 鄠邑区), 郧县 (十堰's 郧阳区), 襄樊 (襄阳). The sentences are made up.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsmon.facts.data.make_former_names import former_names
from newsmon.facts.places import _table, places_called
from facts_reading import first_place_city as _city

DATA = Path(__file__).resolve().parents[1] / "facts" / "data"



def test_the_file_names_its_source_and_every_code_is_a_division() -> None:
    text = (DATA / "former_names.csv").read_text(encoding="utf-8")
    for needed in ("GB2260 0.4.1", "BSD", "make_former_names.py"):
        assert needed in text
    table = _table()
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert len(rows) > 50
    full = {d.name for d in table.by_code.values()}
    for row in rows:
        assert row["code"] in table.by_code, row
        assert row["name"] not in full, row  # a name the table has is the table's, not a former one


@pytest.mark.parametrize("title, body, city", [
    ("户县重点水利工程项目进展顺利", "今年以来，户县水务局深入推进一批水利重点工程项目建设。", "西安市"),
    ("", "8月20日，施工人员正在抓紧装修郧县人民医院新大楼，该楼投资5000万元。", "十堰市"),
    ("襄樊高新区签约一批项目", "昨日，襄樊市高新区与多家企业签约，总投资12亿元。", "襄阳市"),
    ("", "达县经开区天然气化工项目开工建设，总投资8亿元。", "达州市"),
    ("闸北区推进旧区改造", "闸北区启动新一轮旧区改造，涉及居民1200户。", "上海市"),
    ("", "宣化县京张奥物流产业园项目开工，总投资13亿元。", "张家口市"),
    ("增城市新塘镇牛仔服装产业园开工", "该项目总投资6亿元。", "广州市"),
])
def test_a_story_naming_a_former_division_has_its_city(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city


@pytest.mark.parametrize("body", [
    "农村改厕每户县财政补助2000元，由乡镇统一组织施工。",  # 每户 / 县财政: no 户县
    "今年共召开县委常委会议12次，研究重点项目建设。",  # 召开 / 县委: no 开县
    "我县深入推进创建平安县工作，群众安全感不断提升。",  # a safe county: no 海东's 平安县 of old
])
def test_a_former_two_character_county_read_across_words_is_no_place(body: str) -> None:
    assert _city("", body) == ""


def test_a_former_name_is_a_place_filter_too() -> None:
    assert [p.city for p in places_called("襄樊")] == ["襄阳市"]
    assert [p.city for p in places_called("户县")] == ["西安市"]


def test_the_rule_maps_renamed_and_merged_divisions_and_leaves_out_words_and_lost_prefectures() -> None:
    revisions = {2013: {
        610125: "户县",  # merged under another code: its prefecture, 西安市
        420600: "襄樊市",  # renamed in place: the same code, 襄阳市; its short name 襄樊 too
        640321: "中卫县",  # was 吴忠's; 中卫 is a prefecture of its own now: left out
        632121: "平安县",  # 平安 is an everyday word ("创建平安县"): left out
        440183: "增城市",  # became 广州's 增城区 (another code): its prefecture
        341402: "居巢区",  # its prefecture 巢湖市 was dissolved: left out
        450411: "市郊区",  # 市郊 is an ordinary word
        140211: "南郊区",  # 郊区 is an everyday word
        320107: "下关区",  # 下关 is a verb to jieba
    }}
    words = {"市郊": (261, "s"), "郊区": (668, "s"), "下关": (122, "v"), "南郊": (267, "ns"), "平安": (5000, "a")}
    table = _table()
    got = {name: table.by_code[code].name for name, (code, _) in former_names(revisions, words).items()}
    assert got == {"户县": "西安市", "襄樊市": "襄阳市", "襄樊": "襄阳市", "增城市": "广州市"}


def test_a_former_county_after_a_word_that_ends_on_its_first_character_is_no_place() -> None:
    assert _city("", "我县与江苏南通某公司签约，项目落户县经济开发区。") == "南通市"  # 落户 / 县: no 户县


def test_a_firm_named_before_a_colon_in_a_headline_is_no_county() -> None:
    # "汇川：" is 汇川技术 (a second review's case: a first version read a headline's "X：" as the county 汇川区 of 遵义)
    assert _city("汇川：新能源汽车电驱项目落户苏州", "汇川技术新能源汽车电驱项目落户苏州，总投资10亿元。") == "苏州市"


def test_a_name_that_ends_a_word_and_is_followed_by_an_everyday_word_is_no_place() -> None:
    # "水运/城市": the tail of 水运 and the word 城市 make no 运城市 (session 45's seen page from 大河网)
    assert _city("", "这里是中西部通往长三角最近的水运城市，交通便利。") == ""
    # a misjoined word before a name still leaves the place ("央广网上/饶")
    assert _city("", "央广网上饶3月1日消息，某新能源项目开工，总投资10亿元。") == "上饶市"


def test_a_filter_naming_a_merged_former_county_says_it_means_the_whole_city() -> None:
    from newsmon.facts import place_readings, reading_note

    note = reading_note(place_readings("户县")[0])
    assert note is not None and "西安市" in note and "whole" in note
    assert reading_note(place_readings("襄樊")[0]) is None  # renamed in place: 襄阳市 is the same division


@pytest.mark.parametrize("body, city", [
    ("开元区块链产业大会在杭州举行。", "杭州市"),  # 区块链, not 厦门's 开元区 of old
    ("高铁北站区间隧道顺利贯通。", ""),  # 区间, not 新乡's 北站区 of old
])
def test_a_former_district_before_a_word_that_opens_with_qu_is_no_place(body: str, city: str) -> None:
    assert _city("", body) == city


@pytest.mark.parametrize("title, body, city", [
    ("太湖：蓝藻治理进入关键期", "无锡市启动新一轮太湖治理工程，总投资20亿元。", "无锡市"),  # a lake, not 安庆's 太湖县
    ("东海：海上风电项目并网", "舟山某海上风电项目全容量并网。", "舟山市"),  # a sea, not 连云港's 东海县
])
def test_a_famous_lake_or_sea_opening_a_headline_is_no_county(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city


def test_a_name_after_a_word_ending_on_its_first_character_stays_a_place() -> None:
    # "考察船/山区" is 考察 + 遂宁's 船山区 (a review's case): the head before the name is a word of its own
    assert _city("", "县委书记率队考察船山区某智能制造项目。") == "遂宁市"


@pytest.mark.parametrize("value, names", [
    ("户县、临潼区", ["户县", "临潼区"]),  # a former county in a list stays one item (it read as 西安市, narrowing to 临潼区)
    ("郧县、郧西县", ["郧县", "郧西县"]),
])
def test_a_list_naming_a_former_county_keeps_every_item(value: str, names: list[str]) -> None:
    from newsmon.facts import place_readings

    assert [reading.name for reading in place_readings(value)] == names


@pytest.mark.parametrize("body", [
    "高铁北站区位优势明显，周边配套完善。",  # 区位: a location, not 新乡's 北站区 of old
    "船闸北区停车场改造完成。",  # 船闸 / 北区: not 上海's 闸北区 of old
])
def test_a_former_district_inside_other_words_is_no_place(body: str) -> None:
    assert _city("", body) == ""
