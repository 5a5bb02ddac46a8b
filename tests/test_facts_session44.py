"""Session 44's extraction changes outside 重庆's districts (tests/test_divisions_added.py has those).

The sentences are made up; the outlets are real accounts' names.
"""

from __future__ import annotations

import pytest

from newsmon.facts import extract_facts, named_place


@pytest.mark.parametrize("source, county", [("仙居发布", "仙居县"), ("南康发布", "南康区")])
def test_a_governments_own_account_is_its_place(source: str, county: str) -> None:
    # "X发布" is the name of a government's own news account (WeChat, Weibo): 仙居 is a word too (jieba: n), so only the
    # outlet's form reads it; a seen page from 仙居发布 ("我县…") had no place before.
    place = named_place(source)
    assert place is not None and place.county == county
    facts = extract_facts("今天，一批重大项目集中开工", "6月23日上午，我县举行重大项目集中开工活动，总投资54.74亿元。", source)
    assert facts.places[0].county == county


@pytest.mark.parametrize("source", ["新闻发布", "中国发布", "国务院新闻办发布"])
def test_a_release_of_no_place_names_none(source: str) -> None:
    assert named_place(source) is None
