"""Session 40, checked on made-up stories: a headline pushing one named work's building on ("紧锣密鼓推进某项目建设") tells
that work under way (开工 by the progress convention), unless its lead speaks of a class of works.

The class comes from real pages' misses (docs/facts.md "Session 40"); the stories here are written for the tests, with
guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts

# A lead telling what the work is, with no stage verb and no scene at work: only the headline tells its progress.
_LEAD = ("该项目由某集团投资建设，主要建设玉米深加工生产线及配套设施，项目建成后可年加工玉米30万吨，带动就业500人，对延长"
         "当地农业产业链、促进农民增收具有重要意义。")


@pytest.mark.parametrize("title", [
    "吉林某市紧锣密鼓推进玉米深加工项目建设",
    "某经开区大力推进“冷链物流基地”项目建设",
])
def test_a_headline_pushing_one_named_work_on_tells_it_under_way(title: str) -> None:
    assert extract_facts(title, _LEAD).stage == "开工"


@pytest.mark.parametrize("title, body", [
    # A class of works in the lead: no one work's progress.
    ("高标准推进乡村旅游项目建设", "近日，某县组织调研组到某镇调研旅游重点项目建设情况，要求加快工作进度，争取项目如期完成。调研组"
                               "先后到某花谷和某村，检查项目建设进展情况，听取镇村干部有关情况介绍。"),
    # Many works in the headline.
    ("某县全力推进10个重点项目建设", "近日，某县召开重点项目建设推进会，听取各项目进展情况汇报，研究解决项目推进中的困难和问题。"
                               "会议要求，各项目单位要倒排工期、挂图作战，确保全年目标任务完成。"),
    # A start still to come.
    ("某区加快推进某医院项目建设", "目前，某医院项目正在开展施工准备，计划于下月开工建设。项目建成后将新增床位500张，极大改善群众"
                              "就医条件，满足周边群众的医疗需求。"),
])
def test_a_class_many_works_or_a_start_to_come_is_no_one_works_progress(title: str, body: str) -> None:
    assert extract_facts(title, body).stage is None
