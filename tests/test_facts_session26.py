"""Session 26: figures the rules read as no one work's though the sentence gives one work's total, found on the real
regional pages of session 26 (search's pages corpus, not stored: no licence; bench/data/facts/README.md "Real pages
(session 26)"). Every case is made up after one class, with guards that keep the older readings; the right answer was
decided before the rule was written."""

from __future__ import annotations

import pytest

from newsmon.facts.amounts import investment_figures


def _figures(text: str) -> list[float]:
    return [found.amount.cny for found in investment_figures(text)]


@pytest.mark.parametrize(("text", "want"), [
    # A work a plan lists is the work, its figure the work's (not the plan's total).
    ("该项目是国家中长期发展规划“十四五”重点建设项目，位于某县某镇境内，总投资78.01亿元，由某公司投资建设。", [7.801e9]),
    ("某水库工程已列入省水利发展规划，工程位于某乡，总投资3.2亿元。", [3.2e8]),
    # "规划" before what the work's own plan measures is that plan, no document.
    ("该食用菌种植基地项目建设规划占地面积25.7亩，总投资1.35亿元。", [1.35e8]),
    # One of a list of works: the figure is that work's.
    ("某水电站是某地区确定某县2011年实施的14个重大项目之一，是一项集发电、灌溉为一体的水能开发工程，工程总投资1.33亿元。", [1.33e8]),
    # A village named with a numeral and 家 is no count of firms.
    ("某牧场位于某旗某镇六家子村，占地面积1333亩，总投资约5.3亿元，由某公司投资建设。", [5.3e8]),
    # The work described after its figure is no area's title ("…分为某示范区、某示范区").
    ("某产业园项目占地约12560亩，总投资约20亿元，项目主要分为新农村建设示范区、现代农业示范区等七大区域。", [2e9]),
])
def test_one_works_figure_is_read(text: str, want: list[float]) -> None:
    assert _figures(text) == pytest.approx(want)


@pytest.mark.parametrize("text", [
    "某城际铁路建设规划近日获国家发展改革委批复，总里程约775公里，计划总投资4741亿元。",  # the plan's total
    "这20项重大建设总投资650亿元。",  # a sum over several works
    "2022年，某市585个重大项目全年完成总投资超过7000亿元。",  # a span's figure
    "南京计划投资300亿元建设“海绵城市”。",  # an area's programme
    "某县今年实施的12个重大项目中，有3个项目总投资超过10亿元。",  # a class of the listed works
    "某市八家企业总投资约5亿元。",  # firms counted (not a place)
])
def test_programmes_and_sums_stay_no_works_figure(text: str) -> None:
    assert _figures(text) == []
