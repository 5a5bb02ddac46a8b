"""Session 17: place readings from the 2013-2022 dev errors (a county named after its province, a common
district word after another city), each with made-up sentences of the same shape, beside the readings the new
rules must leave alone (guards: they pass before and after)."""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts, find_places


def _first(text: str) -> tuple[str, str, str]:
    place = find_places("", text)[0]
    return place.province, place.city, place.county


@pytest.mark.parametrize("text, want", [
    # A province whose name is ambiguous (河北: the province or Tianjin's 河北区) supports the county after it.
    ("在河北正定，一个乡村振兴项目竣工。", ("河北省", "石家庄市", "正定县")),
    ("河北正定一批项目集中开工。", ("河北省", "石家庄市", "正定县")),
    ("记者来到河北正定，看到新建的厂房已经封顶。", ("河北省", "石家庄市", "正定县")),
    # Guards.
    ("河北三河市的一个项目开工。", ("河北省", "廊坊市", "三河市")),
    ("天津河北区一个项目签约。", ("天津市", "天津市", "河北区")),
    ("杭州萧山一个项目开工。", ("浙江省", "杭州市", "萧山区")),
])
def test_a_county_after_its_province(text: str, want: tuple[str, str, str]) -> None:
    assert _first(text) == want


@pytest.mark.parametrize("text, want", [
    # A district's name that is a common word (老城区 "old town", 洛阳's district) right after another city.
    ("西安老城区的改造项目今天开工。", ("陕西省", "西安市", "")),
    # Guards: the district of the city before it, and the name alone.
    ("洛阳老城区一个文旅项目开工。", ("河南省", "洛阳市", "老城区")),
    ("西宁城东区一个项目开工。", ("青海省", "西宁市", "城东区")),
    ("北京朝阳区一个项目签约。", ("北京市", "北京市", "朝阳区")),
    ("长春朝阳区一个项目签约。", ("吉林省", "长春市", "朝阳区")),
    ("重庆荣昌一个项目投产。", ("重庆市", "重庆市", "荣昌区")),
])
def test_a_common_district_word_after_another_city_is_that_citys(text: str, want: tuple[str, str, str]) -> None:
    assert _first(text) == want


@pytest.mark.parametrize("body, city", [
    ("拉萨老城区以大昭寺为中心。过去，老城区街巷狭窄拥挤。去年，拉萨市投资12亿多元，全面启动老城区保护工程，"
     "让老城区面貌焕然一新。", "拉萨市"),
    ("西安老城区人口密集。过去，老城区管网老化。今年，西安市投资5亿元，实施老城区管网改造工程，让老城区告别内涝。",
     "西安市"),
])
def test_the_old_town_of_a_city_is_no_other_citys_district(body: str, city: str) -> None:
    assert next(p.city for p in extract_facts("", body).places if p.city) == city


# -- amounts: 2013's dev errors -----------------------------------------------------------------------------

@pytest.mark.parametrize("title, body, amount, kind", [
    # A sum written in two units is one number.
    ("", "眼下，某制药公司投资一亿五千万元，在国内率先启动了一个制剂项目。", 1.5e8, "project"),
    ("", "某县投资1亿5000万元建设污水处理厂，今天开工。", 1.5e8, "project"),
    ("", "该项目总投资十二亿三千万元，建成后年产各类管材10万吨。", 1.23e9, "project"),
    # 先后 tells a route, not several works, when its comma clause is not the amount's.
    ("", "某输电工程西起某市，先后跨越淮河、长江，终到上海，线路全长656公里，总投资186亿元。", 1.86e10, "project"),
    ("", "这条铁路先后穿越秦岭、大巴山，全长500公里，总投资400亿元。", 4e10, "project"),
    # A signing's count written with 共计/合计, and an agreement's sum of a signing of several projects.
    ("", "某博览会项目签约仪式今天在某市举行。签约项目共计158个，签约金额达2599.01亿元。", 2.59901e11, "roundup"),
    ("", "某市投资洽谈会今天落幕，共签约项目59项，协议金额296亿元。", 2.96e10, "roundup"),
    ("", "在今天闭幕的某食品博览会上，近百个项目签约，协议金额达4.22亿美元。", 4.22e8, "roundup"),
    # One investor's agreement that builds one work.
    ("", "某公司与某县签订投资协议，协议总金额12亿元，建设一座光伏电站。", 1.2e9, "project"),
    # A work's final accounts.
    ("", "审计结果显示，历时近20年建设的某水利枢纽工程，审计调整后的决算总金额为207.5亿元。", 2.075e10, "project"),
])
def test_amounts_of_2013s_shapes(title: str, body: str, amount: float, kind: str) -> None:
    facts = extract_facts(title, body)
    assert (facts.amount, facts.kind) == (amount, kind)


@pytest.mark.parametrize("body", [
    # Guards: 先后 over several works, a contract's or a vague agreement's sum, a population, a budget's accounts.
    "已先后推动184个项目加快立项，协助引进投资100多亿元，有效地提升了农村的金融服务水平。",
    "某县先后投资6000多万元，新建了一批水利设施。",
    "某公司与某市签订合作协议，协议金额5亿元。",
    "某集团签订铁路建设合同，合同金额119.7亿美元。",
    "全省人口一亿五千万。",
    "全省去年财政决算总额为5000亿元。",
])
def test_no_amount_in_2013s_guards(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title, body, stage", [
    # 落成 completes a building or a bridge.
    ("", "某县耗资7.4亿元的体育中心今天落成。", "竣工"),
    ("某市图书馆新馆落成", "总投资3亿元的某市图书馆新馆今天落成，建筑面积5万平方米。", "竣工"),
    ("", "中心临近落成，项目负责人每天都在现场。", None),
    ("", "某县体育中心即将落成，总投资7.4亿元。", None),
    # 签定, an older spelling of 签订, signs.
    ("", "某公司与某市今天签定投资协议，项目总投资20亿元。", "签约"),
])
def test_stages_of_2013s_wordings(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


def test_a_signing_spelt_签定_counts_its_projects() -> None:
    facts = extract_facts("", "在今天的洽谈会上，某市共签定项目38个，协议金额450亿元。")
    assert (facts.amount, facts.kind, facts.stage) == (4.5e10, "roundup", "签约")
