"""Session 19: county-level cities whose short name jieba counts more often than their prefecture's, plants named after
their county, and a headline's phase written with a digit. Each case with an ordinary variant and guards (waters and
words that share a county-level city's name stay no place)."""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts


def _city(title: str, body: str) -> Optional[str]:
    """The first place's city (a municipality's province), without 市."""
    places = extract_facts(title, body).places
    first = next((p.city or p.province for p in places if p.city or p.province.endswith("市")), None)
    return first.removesuffix("市") if first else None


_FAMOUS_COUNTY_CITIES = [
    # A county-level city better known than its prefecture (jieba: 台山 86, 江门 36), in a place slot.
    ("", "在台山，总投资5亿元的海上风电运维基地项目开工。", "江门"),
    ("", "诸城一家企业总投资5亿元的食品加工项目投产。", "潍坊"),
    ("", "曲阜项目集中开工，总投资32亿元。", "济宁"),
    ("", "在敦煌，总投资12亿元的光热发电项目并网。", "酒泉"),
    ("", "西昌一钒钛新材料项目签约，总投资8亿元。", "凉山彝族自治州"),
    ("", "醴陵陶瓷产业园总投资6亿元的窑炉项目投产。", "株洲"),
    # A nuclear plant goes by its county's name.
    ("", "台山核电站1号机组建成投入商业运行。", "江门"),
    # Guards: a water's name, a word, a county-level city far better known as a word.
    ("", "在嫩江，总投资5亿元的项目开工。", None),   # 嫩江 the river as often as 嫩江市 (rivers stay strict)
    ("", "在江山，总投资5亿元的项目开工。", None),   # 江山 (the realm), 11.7 times 衢州
    ("", "某公司总投资5亿元的核电装备项目在沈阳开工。", "沈阳"),
]


@pytest.mark.parametrize("title,body,city", _FAMOUS_COUNTY_CITIES)
def test_famous_county_cities(title: str, body: str, city: Optional[str]) -> None:
    assert _city(title, body) == city


@pytest.mark.parametrize("title", ["某精工阀门2期项目开工", "某精工阀门二期项目开工"])
@pytest.mark.parametrize("body", ["一期总投资3.2亿元，已投产；二期总投资5.8亿元，今天正式开工。",
                                  "1期总投资3.2亿元，已投产；2期总投资5.8亿元，今天正式开工。"])
def test_headline_phase_with_a_digit(title: str, body: str) -> None:
    facts = extract_facts(title, body)
    assert facts.amount == pytest.approx(5.8e8)
