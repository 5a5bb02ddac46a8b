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
    ("某工程是“十三五”期间国家172个重大水利工程项目之一，工程批复总投资311.55亿元。", [3.1155e10]),
    ("某物流园区作为某市2023年度‘十大招商引资项目’之一，是目前功能最全的物流园区，该项目总投资2.13亿元。", [2.13e8]),
    ("某水库位于某镇，是某省列入国家172项节水供水重大工程的项目，水库总库容1.17亿立方米，估算总投资18.04亿元。", [1.804e9]),
    # A bound of one work's total ("不低于"), no threshold projects must meet.
    ("某公司将在某经开区建设光电产业园，项目计划分三期建成，总投资不低于20亿元，年产值有望达到25亿元。", [2e9]),
    # A work's design estimate.
    ("某高速公路项目某段长92.4公里，初步设计概算62.07亿元。", [6.207e9]),
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
    "引进总投资不低于1亿元的项目。",  # a threshold
    "对投资不低于5000万元的项目，给予奖励。",
    "我县2个小镇入选，规划总投资120亿元。",  # works named to a list
    "今年以来，某县新引进项目12个，总投资120亿元。",  # a period's total
    # (the review's) a plan that lists a work but is the figure's subject; a count of no works before 之一; a rule's
    # threshold; a city's programme described with 项目包括
    "该工程被列入《某经济带综合立体交通走廊建设规划》，规划总里程约5000公里，计划总投资1200亿元。",
    "作为全国5个试点城市之一，某市今年以来新开工项目42个，总投资260亿元。",
    "今后新入园工业项目总投资不低于5亿元，否则不予供地。",
    "某市计划投资300亿元，项目包括雨水管网、公园绿地等，建设“海绵城市”。",
])
def test_programmes_and_sums_stay_no_works_figure(text: str) -> None:
    assert _figures(text) == []
