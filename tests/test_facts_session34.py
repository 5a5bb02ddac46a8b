"""Session 34, checked on made-up stories: a province's batch told by its headline (or, with none, its lead) and a
province's leaders meeting investors in the capital name no city; a visit or meeting that names no work nor investment
meant is no talks (the convention session 34's readers settled: bench/data/facts/README.md "Real pages (session 34)").

Each class comes from real pages' misses; the stories here are written for the tests, with guards for the readings the
changes must leave alone.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.places import find_places
from newsmon.facts.stages import find_stage


def _cities(title: str, body: str, home: str = "") -> list[str]:
    return [place.city for place in extract_facts(title, body, "", home).places if place.city]


@pytest.mark.parametrize("title, body", [
    ("安徽1032个重大项目集中开工，总投资5871.7亿元",
     "4月7日上午，安徽省第二批重大项目集中开工动员会在合肥举行。此次集中开工重大项目共有1032个，总投资5871.7亿元。"),
    ("浙江268个重大项目集中开工 总投资6808亿元",
     "21日，浙江集中开工268个重大项目，总投资6808亿元。此次活动主会场设在杭州市地铁3号线二期现场，其余10个市设分会场。"
     "如主会场所在的杭州市地铁3号线二期项目，长7.5公里。"),
    ("", "中新社银川5月21日电 宁夏第二批287个重大项目开工建设。现场推进会在宁东能源化工基地举行。"
     "此次集中开工的287个重大项目，总投资达416亿元。"),
])
def test_a_provinces_batch_in_its_headline_names_no_city(title: str, body: str) -> None:
    facts = extract_facts(title, body)
    assert _cities(title, body) == []
    assert facts.places and facts.places[0].province  # the province is still told
    assert facts.kind == "roundup"


@pytest.mark.parametrize("title, body, city", [
    # a county's trip to a province: the province is where it went, not the batch's
    ("县长率队赴浙江招商 签约项目3个",
     "6月5日至7日，郎溪县县长某某率队赴浙江杭州、宁波开展招商活动，期间签约汽车零部件、智能装备等项目3个，总投资15亿元。",
     "宣城市"),
    # a headline naming a city is that city's batch
    ("安徽合肥32个重大项目集中开工", "4月7日，合肥市第二批重大项目集中开工，共32个项目，总投资188亿元。", "合肥市"),
    # a province's headline of one work is still placed by its body
    ("安徽一新能源项目开工", "4月7日，位于芜湖市的某新能源项目开工，总投资20亿元。", "芜湖市"),
])
def test_a_batch_or_work_a_city_holds_keeps_its_city(title: str, body: str, city: str) -> None:
    assert _cities(title, body)[:1] == [city]


@pytest.mark.parametrize("title, body", [
    ("", "11月5日，省委副书记、省长某某在济南会见了香港某集团首席执行官一行。希望该集团更多地参与山东新能源产业建设。"),
    ("某书记会见某集团客人",
     "本报兰州1月10日讯 省委书记某某、省长某某今天在兰州会见了某集团有限公司董事长一行。希望扩大在甘投资。"),
])
def test_a_provinces_leaders_meeting_in_its_capital_names_no_city(title: str, body: str) -> None:
    assert _cities(title, body) == []


def test_a_city_leaders_meeting_keeps_its_city() -> None:
    body = "24日下午，市长某某在南宁会见了上海市某商会企业家投资考察团一行，希望更多企业前来南宁投资发展。"
    assert _cities("", body)[:1] == ["南宁市"]


@pytest.mark.parametrize("text", [
    "3月4日，某集团董事长在正蓝旗会见了旗长某某，双方就基础设施建设合作进行交流。会谈中，某某介绍了集团的发展历程。",
    "24日下午，市长某某会见了某商会企业家投资考察团一行。某某对考察团一行的到来表示热烈欢迎。",
    "某集团董事长一行来湖考察，并就深化投资合作进行座谈交流。",
    "某商会会长一行17人来我市投资考察，参观了经济开发区。",
])
def test_a_visit_naming_no_work_is_no_talks(text: str) -> None:
    assert find_stage("", text) is None


@pytest.mark.parametrize("text", [
    "某集团董事长一行来我县考察。在随后召开的座谈会上，双方围绕储能电池项目合作进行了交流。",  # the work in the next sentence
    "州长率代表团赴某集团公司，就新能源产业项目合作进行拜访座谈。",
    "代表团还赴某集团就相关事宜进行协商座谈。",  # talks by name
    "考察组一行来我县考察，双方达成投资意向。",
    "某公司与我县就某产业园项目进行洽谈。",  # 洽谈 by name needs no work named
    "市政府与某集团举行工作会谈。集团负责人表示，愿在本市扩大投资，并探讨建设氢能示范项目。",  # a work explored
])
def test_a_visit_naming_a_work_or_talks_is_talks(text: str) -> None:
    assert find_stage("", text) == "洽谈"


@pytest.mark.parametrize("title, body, city", [
    # the headline's province is where the visitors come from: the body's city is the story's
    ("某市长会见广东客商",
     "7月29日下午，市长某某在合肥某酒店会见了参加安庆签约活动的客商代表。她说，安庆区位优势明显，产业特色鲜明。"
     "近年来，我市从阳江、深圳等地引进项目125个。", "安庆市"),
    # the headline's place is where a city's officials went to promote it
    ("某书记带队在香港开展招商推介活动",
     "12月5日至7日，市委书记某某在香港带领安定区、陇西县、渭源县负责人，先后赴某集团、香港温州工商会和世界福州十邑同乡会，"
     "宣传推介定西市重点项目。", "定西市"),
])
def test_a_headline_naming_only_visitors_homes_or_a_trip_keeps_the_bodys_city(title: str, body: str, city: str) -> None:
    assert _cities(title, body)[:1] == [city]


def test_a_dateline_under_a_pages_metadata_lines_is_where_it_was_filed() -> None:
    title = "2014年青海三江源生态保护和建设完成投资超4亿元"
    body = ("来源:中国新闻网\n  中新网西宁1月19日电 (张某)“2014年是三江源生态保护和建设二期工程启动之年，共完成投资4.1亿元，"
            "超额完成了年度目标。”19日，青海省三江源生态保护和建设办公室某工程师说。")
    assert _cities(title, body) == []
    # a story line, not metadata, before it: no dateline is read there (asked of the places reader: since session 71 a
    # province's story of no project over one city named in passing has no city, whatever the reader gives)
    long_line = "某县召开全县重点项目建设推进会，会议听取了各乡镇项目进展情况的汇报并部署了下一阶段的工作，要求各地加快推进项目建设。" * 2
    assert [place.city for place in find_places(title, long_line + "\n中新网西宁1月19日电 某某说。")][:1] == ["西宁市"]


def test_a_lead_naming_a_municipality_is_that_citys() -> None:
    body = "本报讯 天津某新材料项目日前开工，总投资12亿元。"
    assert _cities("", body)[:1] == ["天津市"]


def test_a_provinces_batch_whose_money_is_sited_in_a_city_keeps_that_city() -> None:
    body = ("今天，福建省一批重点项目集中开工、集中签约。在宁德市，一批涉及新能源、新材料的项目开工建设，总投资超200亿元。"
            "为确保项目顺利，当地政府靠前服务。")
    assert _cities("", body)[:1] == ["宁德市"]


def test_a_firms_home_in_the_headline_is_the_visitors() -> None:
    title = "某书记某市长会见上海电气集团党委委员、副总裁某某"
    body = ("8月20日，市委书记某某、市长某某会见上海电气集团党委委员、副总裁，上海电气新能源发展公司董事长某某。某某对某某一行来白表示欢迎。"
            "他说，上海电气集团是白城重要的战略合作伙伴。希望上海电气进一步加深与白城在新能源领域的对接合作。")
    assert _cities(title, body)[:1] == ["白城市"]
    # a headline's firm put in a place is that place's work
    assert _cities("上海电气集团在白城投资建设风电项目", "某风电项目开工。")[:1] == ["白城市"]


@pytest.mark.parametrize("body, city", [
    ("三个多月间在北京、长兴两地“飞”的北京长兴商会执行会长某某说，计划总投资2亿元、位于长兴林城镇北汤村的某民宿项目明年可动工建设。"
     "长兴县委常委某某说，长兴大力实施“长商回归”工程。", "湖州市"),
    ("6月3日，“武汉京山商会家乡行”活动在绿林山景区游客中心举行，并举行项目签约仪式。某集团投资10.5亿元的某项目在仪式上签约。"
     "举办异地京山商会家乡行活动，就是为了进一步弘扬“京山情结”。", "荆门市"),
])
def test_a_chamber_of_natives_elsewhere_names_their_home(body: str, city: str) -> None:
    assert _cities("", body)[:1] == [city]


def test_an_official_named_after_a_title_of_leaders_is_no_place() -> None:
    body = "1月13日，某置业公司捐建鹿峰中学教学综合楼签约仪式举行。县领导黄四平、陈某某参加签约仪式。据了解，鹿峰中学改扩建工程投资概算4000余万元。"
    assert "四平市" not in _cities("", body)


def test_a_signed_sum_after_the_works_signed_is_their_total() -> None:
    body = ("6月3日，某商会家乡行活动举行，并举行项目签约仪式。某集团投资10.5亿元的某项目、某公司投资1亿元的某新材料项目、"
            "某控股公司投资2亿元的某新能源项目在仪式上签约，签约金额共13.5亿元。")
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (1.35e9, "roundup")
    # one work's signing with its own figure stays that work's
    one = extract_facts("", "6月3日，某集团投资10.5亿元的某项目在仪式上签约，签约金额10.5亿元。")
    assert (one.amount, one.kind) == (1.05e9, "project")


def test_an_events_batch_summed_with_a_weak_investment_word_is_its_total() -> None:
    body = "25日，130余位台商出席某台商产业园建设合作交流会，共签约重大招商项目23个，固定资产累计投入100.45亿元。"
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (1.0045e10, "roundup")
    # a place's running total, no event's, stays none
    assert extract_facts("", "今年以来，全县共签约招商项目23个，固定资产累计投入100.45亿元。").amount is None


# The session's review: near-misses the first rules read wrong.
@pytest.mark.parametrize("title, body, city", [
    # a city's own batch under a province's headline, its count not restated
    ("湖北：十个项目集中开工", "日前，孝感市孝南区举行项目集中开工仪式。此次开工项目总投资50亿元。", "孝感市"),
    ("安徽1032个重大项目集中开工", "4月7日，安徽省重大项目集中开工，金安区分会场18个项目集中开工。这18个项目总投资60亿元。", "六安市"),
    # the scene's sentence sites the money
    ("", "今天，福建省一批重点项目集中开工、集中签约。在宁德市，一批涉及新能源、新材料的项目开工建设。这些项目总投资超200亿元。",
     "宁德市"),
])
def test_a_places_own_batch_under_a_provinces_headline_keeps_its_place(title: str, body: str, city: str) -> None:
    assert _cities(title, body)[:1] == [city]


def test_in_a_province_is_no_trip() -> None:
    title = "外资企业在江苏投资热情高涨"
    body = "今年以来，苏州市新签外资项目200个，无锡市150个，常州市100个，南京市80个。"
    assert _cities(title, body) == []


@pytest.mark.parametrize("title, body, city", [
    ("某市长会见浙江客商", "市长某某会见了浙江某集团董事长一行。某某介绍了安庆的区位优势，希望企业来安庆投资兴业。", "安庆市"),
    ("江西南昌：市长会见广东客商", "市长某某会见了广东某集团一行，希望企业加大在南昌的投资。", "南昌市"),
])
def test_a_headlines_guests_home_never_leads(title: str, body: str, city: str) -> None:
    assert _cities(title, body)[:1] == [city]


def test_a_vice_governors_meeting_in_the_capital_is_the_provinces() -> None:
    body = "11月5日，副省长某某在济南会见了香港某集团首席执行官一行。希望该集团更多地参与山东新能源产业建设。"
    assert _cities("", body) == []


def test_a_dateline_under_many_metadata_lines_and_a_subtitle() -> None:
    body = ("来源:中国新闻网\n时间:2015-01-19\n原标题:三江源二期工程完成投资4.1亿元\n责任编辑:某某\n"
            "中新网西宁1月19日电 19日，青海省三江源生态保护和建设办公室说，2014年共完成投资4.1亿元。")
    assert _cities("2014年青海三江源生态保护和建设完成投资超4亿元", body) == []


@pytest.mark.parametrize("body", [
    "6月3日，某集团投资10.5亿元的某项目在仪式上签约，项目一期投资3亿元、二期投资7.5亿元，签约金额共10.5亿元。",
    "6月3日，总投资10亿元、年产值20亿元的某新材料项目在仪式上签约，签约金额共10亿元。",
])
def test_one_works_phases_or_output_before_a_signed_sum_are_no_list_of_works(body: str) -> None:
    assert extract_facts("", body).kind == "project"


def test_a_visit_naming_its_work_three_sentences_on_is_talks_and_a_work_only_mentioned_is_not() -> None:
    assert find_stage("", "某集团一行来我县考察。县长陪同。在随后召开的座谈会上，双方围绕电梯项目合作进行了交流。") == "洽谈"
    assert find_stage("", "市长与某集团董事长一行会谈。某某介绍了我市重点项目建设情况和营商环境。") is None
