"""Session 41, checked on made-up stories: a county's short name that jieba's dictionary lists as a rare common word
(安化 "v", 临高 "v", 仙居 "n") is the county when a story naming no city writes it three times over.

The class comes from real pages' misses (docs/facts.md "Session 41"); the stories here are written for the tests, with
guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from facts_probe_check import first_city
from newsmon.facts import extract_facts

# A county's own story naming the county only by its short name, and its province.
_ANHUA = ("3月1日上午，安化黑茶文化广场正式破土动工，县领导参加开工仪式。\n安化黑茶文化广场占地13.5万平方米，是安化黑茶特色小镇的"
          "重要组成部分，也是第四届中国湖南·安化黑茶文化节的主要活动场地。")
_LINGAO = ("1月6日上午，海南自贸港建设项目2022年度第一批集中开工仪式临高分会场活动举行。临高此次集中开工项目3个，总投资10.25亿元。"
           "据介绍，临高将持续优化营商环境，推动项目早落地、早见效。")


@pytest.mark.parametrize("title, body, city", [
    ("安化黑茶文化广场破土动工", _ANHUA, "益阳市"),
    ("临高集中开工3个项目", _LINGAO, "临高县"),  # a province-administered county is its own prefecture-level unit
])
def test_a_mis_tagged_county_name_written_three_times_is_the_county(title: str, body: str, city: str) -> None:
    assert first_city(extract_facts(title, body)) == city


@pytest.mark.parametrize("title, body", [
    # Written twice only: the word may be the word.
    ("黑茶文化广场破土动工", "3月1日上午，安化黑茶文化广场正式破土动工。该广场是黑茶特色小镇的重要组成部分，也是安化黑茶文化节的"
                         "主要活动场地。"),
    # Three times, but in a province the story names that the county is not in.
    ("黑茶产业推介会在广州举办", "广东省茶叶协会近日在广州举办推介会，安化黑茶、安化千两茶等产品亮相，安化茶商与广东客商洽谈合作。"),
])
def test_fewer_mentions_or_another_province_leave_the_county_unread(title: str, body: str) -> None:
    assert first_city(extract_facts(title, body)) in (None, "广州市")


def test_a_city_named_wins_over_the_repeated_county_name() -> None:
    # The story names a city outright: the repeated name is not asked for (only stories naming no city are).
    body = "长沙市近日举办黑茶博览会，安化黑茶、安化千两茶、安化茯砖茶等产品集中亮相，吸引客商洽谈合作。"
    assert first_city(extract_facts("黑茶博览会在长沙开幕", body)) == "长沙市"


@pytest.mark.parametrize("title, body", [
    # A word commoner than the county's city: 安居 (遂宁's 安居区) is the word of "保障性安居工程".
    ("保障性安居工程建设有序推进", "今年以来，保障性安居工程建设有序推进，安居工程新开工任务全部完成。各地要把安居工程作为重大民生工程，"
                            "确保质量安全。"),
    # Inside a longer word the segmenter knows: a bank, not 玉林's 兴业县.
    ("兴业银行发布年报", "兴业银行近日发布年报，兴业银行全年实现营业收入2000亿元。兴业银行表示，将继续加大对实体经济的支持力度。"),
])
def test_a_common_word_or_a_longer_name_is_no_repeated_county(title: str, body: str) -> None:
    assert first_city(extract_facts(title, body)) is None
