"""Session 60, checked on made-up stories: the rules read from session 59's blind pages (n24–n26, now seen).

* Places: a short name that is a river's too names the river before a basin's word (东河流域, 东河两岸: not 包头's
  东河区); 中原 is the Central Plains in news (“中原鞋都”), not 郑州's 中原区; an idiom opening with a city's short name
  names a land (白山松水: 吉林's, not 白山市).

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from facts_reading import first_place_city as _city


@pytest.mark.parametrize("title, body, city", [
    # a river's basin, banks or water: the river, not the district sharing its name
    ("某县环保局推进乡镇污水处理站建设", "为加强东河流域水污染防治，某县投入资金近200万元。", ""),
    ("", "加强东河水污染防治，改善地表水环境。", ""),
    ("", "沿东河两岸建设湿地公园。", ""),
    # the district by its name, or the short name as a place
    ("", "包头市东河区某项目开工。", "包头市"),
    ("", "某公司在东河建设物流园。", "包头市"),
    # the Central Plains
    ("睢县打造“中原鞋都”", "睢县全力围绕“一双鞋”做文章，打造“中原鞋都”。", "商丘市"),
    ("", "某县加快建设中原经济区。", ""),
    # 郑州's district by its full name
    ("", "郑州市中原区某项目开工。", "郑州市"),
    ("", "某项目在中原区开工建设。", "郑州市"),
    # an idiom naming a land
    ("白山松水间，吉林重大项目建设绘就新蓝图", "吉林省各地纷纷按下大项目建设的“加速键”。", ""),
    ("", "白山黑水之间，项目建设如火如荼。", ""),
    # the city by its short name
    ("", "某公司在白山建设矿泉水厂。", "白山市"),
    ("", "某项目在天山南北全面铺开。", ""),
])
def test_a_city_session_60_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city
