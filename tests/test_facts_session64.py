"""Session 64, checked on made-up stories: the places read after the seen sets of sessions 63 read again.

* A county's short name written on its own in a story that names no city counts in any province but those the story
  names only as its investors' home or its people's trip's end ("赴江苏省开展招商引资…与潼南签订协议").
* A town's full name holding a weak short name of a county after its first character ("晓天镇" holds 天镇 of 大同's
  天镇县) is the town, as a farm's was ("寿西湖农场").
* A product named after the county just named ("太白县太白贝母") is no second place, and no foreign place's word that
  strikes the county's name from the whole story.
* A weak name after a place that does not hold it ("推动鲤城甘州两地合作") is struck as a word throughout, and so is its
  full name where a slot read it so; never the full name the story writes ("甘州区新建…").

(The amount model's refit of this session is measured on real pages, not here: docs/facts.md "Session 64".)

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from facts_reading import first_place_city as _city


@pytest.mark.parametrize("title, body, city", [
    # a county named on its own, the only provinces named where its people went to promote it
    ("", "8月22日，两家企业与潼南签订系列项目投资合作协议。此前，区委书记率队赴江苏省、浙江省开展招商引资工作。"
         "潼南处于成渝核心板块，发展空间巨大，企业表示将尽快前往潼南深度对接。", "重庆市"),
    # …not a county of another province than the one the story sites its work in
    ("", "8月22日，某公司在浙江省湖州市签订项目投资合作协议。潼南一家企业负责人出席。", "湖州市"),
    # a town's full name holding a weak county name
    ("晓天镇农村公路建设计划", "目前我镇28个村均已通水泥路，今年共实施交通项目28个，资金投入约820万元。", "六安市"),
    # …not the county's own name with its suffix
    ("", "天镇县今年新建农村公路50公里，资金投入约820万元。", "大同市"),
    # a product named after the county just named
    ("", "投资6亿元的某贝母产业项目落户太白县。该项目将大幅提升太白县太白贝母产业集群。", "宝鸡市"),
    # …a weak name after a place that does not hold it is still that place's word ("浙江临江建设指挥部")
    ("", "浙江临江建设指挥部今年新建农村公路50公里。", ""),
    ("", "浙江临江建设指挥部今年新建农村公路。在临江，某公司投资建设一座工厂。", ""),
    # …but never the full name the story writes
    ("", "今年，甘州区新建一座物流配送中心，总投资1.2亿元。该项目将推动鲤城甘州两地飞地经济合作。", "张掖市"),
])
def test_a_city_session_64_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city

