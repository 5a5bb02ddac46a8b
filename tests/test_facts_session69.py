"""Session 69, checked on made-up stories: a gap session 68's second code review named.

- A work's building pushed on in order or steadily ("项目建设正在有序推进", "…正在稳步推进") is under way (开工), as
  "正在加紧推进" was since session 68; a programme's preparations pushed on ("前期工作正在有序推进") are not.

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts


@pytest.mark.parametrize("title, body", [
    ("某某物流园项目建设正在有序推进",
     "近日，记者在某县某某物流园项目现场看到，该项目建设正在有序推进。该项目总投资5亿元，占地200亩，主要建设仓储、分拨中心等设施。"
     "项目建成后将成为区域物流枢纽。"),
    ("某县污水处理厂项目建设正在稳步推进",
     "某县污水处理厂项目建设正在稳步推进。该项目总投资8000万元，设计日处理污水2万吨，建成后将有效改善县城水环境。"),
])
def test_a_works_building_pushed_on_in_order_is_under_way(title: str, body: str) -> None:
    assert extract_facts(title, body).stage == "开工"


def test_preparations_pushed_on_in_order_are_no_start() -> None:
    facts = extract_facts("某县召开项目前期工作推进会",
                          "会议指出，全县重点项目前期工作正在有序推进，各部门要加强协调，确保项目早日开工。今年全县计划实施重点项目30个，"
                          "总投资80亿元。")
    assert facts.stage is None
