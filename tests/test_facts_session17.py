"""Session 17: place readings from the 2013-2022 dev errors (a county named after its province, a common
district word after another city), each with made-up sentences of the same shape, beside the readings the new
rules must leave alone (guards: they pass before and after)."""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts, find_places


def _first(text: str) -> tuple[str, str, str]:
    place = find_places("", text)[0]
    return place.province, place.city, place.county


@pytest.mark.parametrize("text, want", [
    # A province whose name is ambiguous (河北: the province or Tianjin's 河北区) supports the county after it.
    ("在河北正定，一个乡村振兴项目竣工。", ("河北省", "石家庄市", "正定县")),
    ("河北正定一批项目集中开工。", ("河北省", "石家庄市", "正定县")),
    ("记者来到河北正定，看到新建的厂房已经封顶。", ("河北省", "石家庄市", "正定县")),
    # Guards.
    ("河北三河市的一个项目开工。", ("河北省", "廊坊市", "三河市")),
    ("天津河北区一个项目签约。", ("天津市", "天津市", "河北区")),
    ("杭州萧山一个项目开工。", ("浙江省", "杭州市", "萧山区")),
])
def test_a_county_after_its_province(text: str, want: tuple[str, str, str]) -> None:
    assert _first(text) == want


@pytest.mark.parametrize("text, want", [
    # A district's name that is a common word (老城区 "old town", 洛阳's district) right after another city.
    ("西安老城区的改造项目今天开工。", ("陕西省", "西安市", "")),
    # Guards: the district of the city before it, and the name alone.
    ("洛阳老城区一个文旅项目开工。", ("河南省", "洛阳市", "老城区")),
    ("西宁城东区一个项目开工。", ("青海省", "西宁市", "城东区")),
    ("北京朝阳区一个项目签约。", ("北京市", "北京市", "朝阳区")),
    ("长春朝阳区一个项目签约。", ("吉林省", "长春市", "朝阳区")),
    ("重庆荣昌一个项目投产。", ("重庆市", "重庆市", "荣昌区")),
])
def test_a_common_district_word_after_another_city_is_that_citys(text: str, want: tuple[str, str, str]) -> None:
    assert _first(text) == want


@pytest.mark.parametrize("body, city", [
    ("拉萨老城区以大昭寺为中心。过去，老城区街巷狭窄拥挤。去年，拉萨市投资12亿多元，全面启动老城区保护工程，"
     "让老城区面貌焕然一新。", "拉萨市"),
    ("西安老城区人口密集。过去，老城区管网老化。今年，西安市投资5亿元，实施老城区管网改造工程，让老城区告别内涝。",
     "西安市"),
])
def test_the_old_town_of_a_city_is_no_other_citys_district(body: str, city: str) -> None:
    assert next(p.city for p in extract_facts("", body).places if p.city) == city
