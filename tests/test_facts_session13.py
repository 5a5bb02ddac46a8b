"""Classes of error the session-13 dev paragraphs showed, each with made-up sentences of the same shape:
a county or district named by its short name as the subject opening a clause (``为企服务，松江实现…``)."""

from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.places import find_places


@pytest.mark.parametrize("body, city, county", [
    ("为企服务，松江实现审批制度改革，让这个总投资450亿元的计算中心从签约到摘牌仅用了58天。", "上海市", "松江区"),
    ("今年，慈溪围绕家电产业引进一批项目，总投资120亿元的某智能工厂开工。", "宁波市", "慈溪市"),
])
def test_a_county_opening_its_clause_as_the_subject_places_the_story(body: str, city: str, county: str) -> None:
    places = extract_facts("", body).places
    assert places and (places[0].city, places[0].county) == (city, county)


@pytest.mark.parametrize("body", [
    # Read inside other words at a clause's start: 三江源 (三江县), 满城尽带 (满城区) are no subjects.
    "今年，三江源生态保护项目开工，总投资5亿元。",
    "满城尽带黄金甲，这部电影投资5亿元。",
])
def test_a_short_name_inside_another_word_at_a_clause_start_is_no_place(body: str) -> None:
    assert find_places("", body) == []


@pytest.mark.parametrize("body", [
    # 在中 and 到保 are townships' short names (在中乡, 到保镇), read across a preposition here.
    "在中白工业园，一批项目集中开工。",
    "今天，一批中国企业到保加利亚考察对接项目。",
])
def test_a_township_name_read_across_a_preposition_is_no_place(body: str) -> None:
    assert find_places("", body) == []


@pytest.mark.parametrize("body, province, city", [
    # Zhejiang's provincial new areas written without their city's name.
    ("钱塘新区一批生物医药项目集中签约，总投资180亿元。", "浙江省", "杭州市"),
    ("在南太湖新区，一批项目集中开工。", "浙江省", "湖州市"),
    # A national new area spanning two cities gives its province and no city.
    ("西咸新区一批先进制造项目集中开工，总投资300亿元。", "陕西省", ""),
])
def test_new_areas_written_without_their_citys_name_are_placed(body: str, province: str, city: str) -> None:
    places = find_places("", body)
    assert places and (places[0].province, places[0].city) == (province, city)
