"""Session 67, checked on made-up stories: a word that ends what stands before a project's name (集中, 投资, 推进 …:
project._BOUNDARY) is no end where jieba reads it across two words ("辛集中国国际皮革城项目": 辛集/中国, no 集中), and 集中
before 供热, 供暖, 供气 or 供水 is a utility's kind ("图们市集中供热…项目"), not a verb (seen pages: names reported right
314 → 318 of 621; blind n46–n47 29 → 30 of 57, none worse). A word that stands on its own or opens a longer word
that is no part of the name ("今天上午") still ends what is before it, and so does a one-character word inside a verb
("拟建").

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts, project_reading


@pytest.mark.parametrize("title, body, project", [
    ("图们市集中供热建设改造项目开工", "图们市集中供热建设改造项目总投资1.2亿元，日前开工。", "图们市集中供热建设改造项目"),
    ("辛集中国国际皮革城项目签约", "辛集中国国际皮革城项目总投资20亿元，昨日签约。", "辛集中国国际皮革城项目"),
    ("", "沁县县城集中供热子项目日前开工，总投资3000万元。", "沁县县城集中供热子项目"),
    ("", "仁义镇十里村17组集中供水工程日前竣工，总投资50万元。", "十里村17组集中供水工程"),
])
def test_a_boundary_word_running_into_the_names_first_word_is_no_boundary(title: str, body: str, project: str) -> None:
    assert extract_facts(title, body).project == project


@pytest.mark.parametrize("title, body, project", [
    # 推进 and 建设 stand on their own: the name starts after them, as before
    ("", "上午，县里推进建设年产10万吨锂电池项目，总投资5亿元。", "年产10万吨锂电池项目"),
    # 集中 as a verb still ends what is before the name
    ("", "县里集中力量推进某某新材料产业园项目，总投资5亿元。", "某某新材料产业园项目"),
    # a longer word opening with a boundary word is no part of the name either
    ("", "今天上午某某产业园项目正式开工，总投资5亿元。", "某某产业园项目"),
    ("", "开工典礼上，某某产业园项目总投资5亿元。", "某某产业园项目"),
    ("", "规划局某某产业园项目规划方案通过评审，总投资5亿元。", "某某产业园项目"),
    # a one-character word inside a verb still ends what is before it
    ("", "县里拟建水上乐园项目，总投资2亿元，已完成备案。", "水上乐园项目"),
])
def test_a_boundary_word_of_its_own_still_ends_what_is_before_the_name(title: str, body: str, project: str) -> None:
    assert project_reading(title, body) == project
