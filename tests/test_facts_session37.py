"""Session 37, checked on made-up stories: the city model reads a provincial story (a province's leaders meeting a
group in their capital) as no city, while a capital's own work keeps its city; a city named only as a firm's or a
visitor's home is not weighed; the division table tells a province's capital; the scorer reads a province-administered
autonomous county by its short name.

The classes come from real pages' misses (bench/data/facts/README.md "Real pages (session 37)"); the stories here are
written for the tests, with guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from facts_probe_check import first_city, wrong_fields
from newsmon.facts import city_evidence, extract_facts
from newsmon.facts.city_model import no_city_features, only_home
from newsmon.facts.places import provincial_capital

_PROVINCIAL_MEETING = ("新甘肃客户端兰州1月10日讯(记者张某)省委书记张某,省委副书记、省长李某今天在兰州会见了某重工集团有限公司党委书记、"
                       "董事长王某一行。张某欢迎王某一行来甘考察投资。他说,甘肃工业基础雄厚,风能光热资源丰富,新能源产业发展前景广阔。"
                       "希望集团发挥企业优势,扩大在甘投资,加快项目落地投产。王某表示,集团将同甘肃在项目建设、技术创新等方面深入合作。"
                       "会见后,省政府和集团签署了战略合作框架协议。")


@pytest.mark.parametrize("city, capital", [
    ("兰州市", True), ("成都市", True), ("乌鲁木齐市", True), ("拉萨市", True), ("石家庄市", True),
    ("绵阳市", False), ("深圳市", False), ("大连市", False), ("青岛市", False), ("不是城市", False),
])
def test_the_division_table_tells_a_provinces_capital(city: str, capital: bool) -> None:
    assert provincial_capital(city) is capital


def test_a_provincial_story_reads_its_province_at_the_no_city_answer() -> None:
    title, body, found = city_evidence("", _PROVINCIAL_MEETING)
    features = no_city_features(title, body, found)
    assert features["null&prov_actor"] == 1.0 and features["null&prov_named"] > 1.0
    assert [c.city for c in found if c.capital] == ["兰州市"]
    # guard: a county's story names no province's body
    county = "3月5日,某县2023年第一批重大项目集中开工,共12个项目,总投资20亿元。县委书记出席并宣布开工。"
    assert "null&prov_actor" not in no_city_features(*city_evidence("", county))


@pytest.mark.parametrize("title, body, city", [
    ("", _PROVINCIAL_MEETING, None),
    # guards: a capital's own work, a city's batch opened by a provincial leader
    ("兰州新区某新材料项目开工 总投资10亿元", "3月5日,兰州新区某新材料项目开工仪式举行。该项目总投资10亿元,占地300亩,建设年产5万吨"
     "新材料生产线,项目建成后可实现年产值20亿元。兰州新区党工委书记出席开工仪式并宣布项目开工。", "兰州"),
    ("", "3月5日,成都市某区2023年第一批重大项目集中开工,共35个项目,总投资120亿元。省委常委、市委书记出席并宣布开工。这批项目"
     "涵盖先进制造、现代服务等领域,将为成都高质量发展注入新动能。", "成都"),
])
def test_a_provinces_leaders_meeting_in_its_capital_names_no_city(title: str, body: str, city: str | None) -> None:
    assert wrong_fields(extract_facts(title, body), {"city": city}) == []


def test_a_city_named_only_as_a_firms_home_is_not_weighed() -> None:
    visit = ("2月8日,中农信投(上海)能源科技有限公司投资总监陶某一行3人来我区洽谈考察投资事宜,区人大常委会副主任诸葛某出席。"
             "座谈会上,双方就投资主体优势、项目收益、设备规模、实施步骤、合作模式几个核心问题进行了深入探讨与交流。"
             "区投促中心对本区的基本区情、地域资源、产业基础和营商环境等进行了简要介绍。")
    found = city_evidence("", visit)[2]
    assert [c.city for c in found if only_home(c)] == ["上海市"]
    assert first_city(extract_facts("", visit)) is None
    # guard: the same firm's city named as the site too is weighed
    site = visit.replace("来我区洽谈考察投资事宜", "在上海市某区建设的光伏项目开工")
    assert not any(only_home(c) for c in city_evidence("", site)[2])


@pytest.mark.parametrize("got, want, same", [
    ("琼中黎族苗族自治县", "琼中", True), ("乐东黎族自治县", "乐东", True), ("黔南布依族苗族自治州", "黔南", True),
    ("定安县", "定安", True),
    # guards: another county, a prefix too short to name one
    ("琼中黎族苗族自治县", "乐东", False), ("琼中黎族苗族自治县", "琼", False),
])
def test_the_scorer_reads_an_autonomous_county_by_its_short_name(got: str, want: str, same: bool) -> None:
    from newsmon.facts import InvestmentFacts
    from newsmon.facts.places import Place
    facts = InvestmentFacts(places=(Place("海南省", got, ""),))
    assert (wrong_fields(facts, {"city": want}) == []) is same
