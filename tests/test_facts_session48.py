"""Session 48, checked on made-up stories: the figure of the phase a story reports when the whole project's total is
stated first, promotion trips meeting investors as talks, one work's parts counted, and places (a notice's cited law, a
county name ending an everyday word, a village named like a district, a province's own story, a batch's venue).

The classes come from real pages' misses (bench/data/facts/README.md "Real pages (session 48)"); the stories here are
written for the tests, with guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.amounts import find_investment
from newsmon.facts.places import find_places
from newsmon.facts.stages import find_stage


@pytest.mark.parametrize("title, body, value", [
    # a headline naming the phase started, the whole's total first and the phase's own figure in a later sentence
    ("某鞋业集团制鞋二期项目在舞阳县奠基",
     "日前,某鞋业集团制鞋二期生产项目开工奠基仪式在舞阳县举行。据悉,去年11月,该集团与漯河市签订总投资1.5亿美元的制鞋"
     "项目投资协议。一期投资2亿元,去年3月开工建设。二期工程占地215亩,投资8亿元,规划建设标准化厂房。", 8e8),
    # untitled: the opening reports the phase with its verb; the phases split by a semicolon
    ("", "近日,东丰县某文旅项目二期建设项目破土动工。该项目计划总投资11亿元,分三期实施,其中,一期项目总投资2177万元,"
         "已建成并投入运营;二期建设沉浸式主题文化旅游区,计划投资4.5亿元,2月28日开工建设。", 4.5e8),
    ("某化工园区2期项目开工", "某新材料项目总投资20亿元,分两期建设。一期已于去年投产。二期计划投资12亿元,建设年产5万吨生产线。", 1.2e9),
    # a headline opening with the phase
    ("二期工程正式开工 某新材料项目加快建设", "某新材料项目总投资20亿元,分两期建设。一期已于去年投产。二期计划投资12亿元。", 1.2e9),
])
def test_the_reported_phases_figure_over_the_whole_stated_first(title: str, body: str, value: float) -> None:
    found = find_investment(title, body)
    assert found is not None and found.value == value


@pytest.mark.parametrize("title, body, value", [
    # no phase reported: the whole's total
    ("某新材料项目开工", "某新材料项目总投资20亿元,分两期建设。一期投资8亿元,二期投资12亿元。", 2e9),
    # two phases in the headline: the whole project's news
    ("某产业园一期竣工二期开工", "某产业园项目总投资30亿元。一期投资10亿元,已竣工;二期投资20亿元,今日开工。", 3e9),
    # the reported phase has no figure of its own: the whole's
    ("某物流园二期项目开工", "某物流园项目总投资15亿元,一期投资6亿元已建成运营,二期将建设冷链仓储中心。", 1.5e9),
    # untitled, a phase only recalled after the first figure: the whole's
    ("", "某纺织项目总投资10亿元,今日开工。该项目一期投资4亿元,二期投资6亿元。", 1e9),
    # untitled, two phases reported (review48): the whole's
    ("", "宁晋某项目一期竣工投产,二期同步开工。项目总投资16亿元,一期投资6亿元,二期投资10亿元。", 1.6e9),
    # what the phase draws in is not its figure (review48b)
    ("某产业园一期项目开工", "某产业园项目总投资25亿元,分两期建设。一期项目建成后,将吸引配套企业投资8亿元。", 2.5e9),
    # an event's issue, not the project's phase (review48)
    ("第一期“项目大比武”:凤翔区某食品项目开工", "该项目总投资10亿元,分两期建设,一期投资4亿元,二期投资6亿元。", 1e9),
])
def test_the_whole_stays_when_no_single_phase_is_reported_with_a_figure(title: str, body: str, value: float) -> None:
    found = find_investment(title, body)
    assert found is not None and found.value == value


@pytest.mark.parametrize("body", [
    "8月26日,市政府副市长赴苏州市开展对台招商活动。一行拜会了昆山市台商协会,对接了宏芳生物科技(昆山)有限公司、"
    "尚宝泰机械科技(昆山)有限公司等台企。",
    "7月16日至18日,副市长带队赴福建漳州开展食品产业专题考察和招商对接活动,详细介绍漯河发展优势。",
    "3月9日至11日,市长率队赴上海开展招商活动,拜访对接知名院校、重点企业。",
])
def test_a_promotion_trip_meeting_investors_is_talks(body: str) -> None:
    assert find_stage("", body) == "洽谈"


@pytest.mark.parametrize("body", [
    "会议要求,各级各部门要主动作为,加强与企业沟通对接,围绕企业需求,积极协调解决问题。",  # a charge
    "该区积极对接龙头企业和专精特新科技创新企业,推动产业集聚。",  # a strategy
    "精准对接国家和省上政策,发挥比较优势。",
    "社区对接了群众的各类需求,办理民生实事30件。",  # no investor met
    # the review's (review48): service calls, job fairs, aid sales and funds sought, with no investor sought
    "邳州税务局走访对接辖区重点企业,了解涉税诉求。",
    "睢宁人社局对接了20余家企业,收集岗位需求。",
    "礼县对接了青岛多家企业开展消费帮扶。",
    "民勤财政局对接了省财政厅争取项目资金。",
    "泾川“万人助万企”领导深入包联企业拜访对接。",
    # review48b: aftercare, safety checks, funds sought beside other investment words
    "商务局为稳外资走访对接了30余家外商投资企业,帮助解决困难。",
    "应急局走访对接了12家新落户化工企业,开展安全检查。",
    "为争取中央预算内投资,市发改委赴国家发改委拜访对接。",
])
def test_joining_up_in_general_is_no_talks(body: str) -> None:
    assert find_stage("", body) is None


def test_one_works_parts_counted_are_no_batch() -> None:
    body = ("8月12日上午,某新能源产业园项目落户襄阳高新区签约仪式举行。该项目由新能源客车、汽车动力电池和零部件项目三个"
            "部分组成,总投资42.9亿元。项目分期建设,首期投资13亿元。")
    found = find_investment("", body)
    assert found is not None and found.value == 4.29e9 and found.kind == "project"
    # guard: projects counted still make a batch
    batch = find_investment("", "当天集中签约的项目共有12个,总投资86亿元。")
    assert batch is not None and batch.kind == "roundup"


def test_a_notices_cited_law_is_no_national_story() -> None:
    # An environmental notice opens with the law and the ministry's rules it follows: the work's own county is its place.
    body = ("根据《中华人民共和国环境影响评价法》及《环境影响评价公众参与办法(生态环境部令第4号)》要求,年产17100吨农药中间体建设"
            "项目需开展环境影响评价工作,根据国家生态环境部关于环境评价公众参与办法的相关规定,现对该项目环境影响评价信息进行公示。\n"
            "(1)项目名称:年产17100吨农药中间体建设项目;\n(2)建设地点:高台县罗城镇工业园区6号;")
    assert extract_facts("", body).places[0].city == "张掖市"


def test_a_ministry_speaking_still_makes_a_national_story() -> None:
    body = "记者从生态环境部获悉,全国今年将新建污水处理设施300处,其中包括高台县等地的项目。"
    assert not any(place.city == "张掖市" for place in extract_facts("", body).places[:1])


@pytest.mark.parametrize("text", ["五峰是国家生态文明建设示范县", "该县是全国示范县,项目建设加快推进。"])
def test_a_county_name_ending_an_everyday_word_is_no_place(text: str) -> None:
    assert find_places("", text) == []


@pytest.mark.parametrize("text", ["范县经济开发区项目开工", "日前,在范县举行项目签约仪式", "濮阳市范县新建项目"])
def test_the_county_itself_still_reads(text: str) -> None:
    assert any(place.county == "范县" for place in find_places("", text))


@pytest.mark.parametrize("text, city", [("丽水村播产业园开工", "丽水市"), ("榕江村超带火文旅,黔东南州某项目签约", "黔东南苗族侗族自治州")])
def test_a_place_before_a_word_opening_with_村_still_reads(text: str, city: str) -> None:  # (review48b)
    assert any(place.city == city for place in find_places("", text))


def test_a_village_named_like_a_district_is_no_place() -> None:
    # "西峰村" is a village of 南安's 英都镇, not 庆阳's 西峰区; the township names the story's place.
    body = ("19日,英都镇党委召开会议,组建英都镇六个项目指挥部。据悉,英溪整治工程起于英都镇西峰桥,终于董林桥,涉及民山村、"
            "良山村、西峰村4个建制村,工程河道治理总长5.061公里。")
    assert find_places("", "涉及民山村、良山村、西峰村4个建制村") == []
    assert extract_facts("", body).places[0].city == "泉州市"


@pytest.mark.parametrize("text, county", [("项目位于庆阳市西峰区", "西峰区"), ("西峰区村级集体经济项目开工", "西峰区"),
                                          ("宿迁市泗洪县村集体经济项目开工", "泗洪县")])
def test_the_district_by_its_full_name_still_reads(text: str, county: str) -> None:
    assert any(place.county == county for place in find_places("", text))


def test_a_provinces_untitled_story_of_its_key_works_has_no_city() -> None:
    # The province speaks of itself in the opening and names works across its cities as examples: no city of its own.
    body = ("2024年我省安排省重点建设项目1508个,年度计划投资1万亿元。1-4月,省重点项目完成投资3386亿元。西江中途泵站建设工程、"
            "汕头勒门海上风电场项目、深圳市轨道交通13号线工程、惠州太平岭核电厂一期工程等项目加快建设。")
    assert not any(place.city for place in extract_facts("", body).places)


def test_a_county_speaking_untitled_keeps_its_city() -> None:
    body = "2024年我县安排县重点建设项目48个,年度计划投资60亿元。其中,位于长兴县的某新材料项目已开工。"
    assert extract_facts("", body).places[0].city == "湖州市"


def test_a_provinces_batch_met_at_a_venue_named_at_length_has_no_city() -> None:
    title = "安徽:261个重大项目集中开工 总投资超千亿元"
    body = ("新华社合肥6月20日电 20日,安徽省第六批重大项目集中开工现场推进会在阜阳界首田营科技园举行,共涉及261个项目,"
            "总投资1012亿元。")
    assert not any(place.city for place in extract_facts(title, body).places)
