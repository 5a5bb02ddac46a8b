"""Stage words found on the session-9 transcripts: a wish for a stage, and a line opened to traffic."""

from __future__ import annotations

import pytest

from newsmon.facts.stages import find_stage


@pytest.mark.parametrize("body", [
    "为了让项目早开工、早投产、早见效，某省不断优化审批服务。",
    "要推动签约项目早日落地、早日建成。",
])
def test_a_wish_for_a_stage_reports_none(body: str) -> None:
    assert find_stage("", body) is None


@pytest.mark.parametrize(("title", "body", "stage"), [
    ("某某铁路开通运营", "某某铁路今天开通运营，全长300公里，总投资80亿元。", "投产"),
    ("", "某市污水处理厂项目比原计划提早竣工，总投资2亿元。", "竣工"),  # done early: reported
    ("", "某某项目早在去年就已投产，总投资5亿元。", "投产"),  # 早在: "as early as", no wish
])
def test_reported_stages_still_count(title: str, body: str, stage: str) -> None:
    assert find_stage(title, body) == stage
