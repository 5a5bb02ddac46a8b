"""Investment facts on real newspaper text: one made-up sentence per error class.

The classes were found on the dev split of the real collected paragraphs
(docs/benchmarks.md, "Investment facts"); each sentence here is written for the test, not
taken from the gold set.
"""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts, project_reading
from newsmon.facts.text import normalise


def test_normalise_keeps_length_and_reads_printed_points() -> None:
    text = "总投资３．２５亿元，另一期１·５亿元，建成４５％，中·英两方"
    out = normalise(text)
    assert len(out) == len(text)
    assert "3.25亿元" in out and "1.5亿元" in out and "45%" in out
    assert "中·英" in out and "，" in out  # a dot between words and clause commas stay


@pytest.mark.parametrize("body,amount,written", [
    ("某市新建的水厂总投资概算４．３亿元，日前通水。", 4.3e8, "４．３亿元"),
    ("该化肥厂设计投资３·８５亿元，去年动工。", 3.85e8, "３·８５亿元"),
    ("一家合资钢厂签约，总投资１２亿多美元。", 12e8, "１２亿多美元"),
    ("这家公司投资２０００多万元，建成一座冷库。", 2e7, "２０００多万元"),
])
def test_full_width_digits_and_printed_points(body: str, amount: float, written: str) -> None:
    facts = extract_facts("", body)
    assert facts.amount == pytest.approx(amount, rel=0.01)
    assert facts.amount_text == written  # quoted as printed, not as normalised


@pytest.mark.parametrize("body,amount", [
    ("该县耗资6000万元建成的自来水厂日前通水。", 6e7),
    ("某集团斥资3亿元兴建的商场开业。", 3e8),
    ("培训中心由某公司出资1.5亿元建设，第一期投资6000万元。", 1.5e8),
    ("某药厂投入2000万元启动了新药生产线工程。", 2e7),
    ("自实施这项工程以来，某市累计投资3亿多元，建成了一个水产批发市场。", 3e8),
    ("投资4.5亿元的某碱厂去年扭亏为盈。", 4.5e8),  # a bare 投资 right before the amount
])
def test_more_investment_words(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == pytest.approx(amount, rel=0.01)


@pytest.mark.parametrize("body", [
    "部队先后投入300多万元兴建学校和修缮道路。",  # several works
    "全县已投入资金1亿多元，使6个园区建设初具规模。",  # a count of works
    "各方投入大量资金和人力。",  # no amount, no work
    "去年全省共投入扶贫资金2亿元，开发扶贫项目150个。",
])
def test_spending_on_no_single_work_is_no_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body", [
    "去年该国吸收外国直接投资约80亿美元。",
    "外商直接投资为15亿美元，占资金需求的一半。",
    "吸收的外国投资约20亿美元，增长很快。",
    "接受调查的企业共120家，在华投资额达18亿美元。",
    "预计全年完成房地产开发投资2800亿元，与上年持平。",
    "某市完成投资160亿元，增长0.8%。",
    "该局全年共投资3800万元，实现乡乡通光缆。",
    "三年投资300亿元，竣工住房5000万平方米。",
    "近5年来，全系统投入资金30多亿元，进行网点的改造和建设。",
    "工程试行招标，节省投资500万元。",
])
def test_statistics_written_with_investment_words(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body", [
    "该行是香港最大的投资银行之一，资产达200亿港元。",
    "公司管理投资基金总额接近3000亿美元。",
    "交易所的投资人账户超过1500万，会员400家。",
    "投资者数量达到1200万户，增长迅速。",
])
def test_investment_inside_other_nouns(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body", [
    "不少企业的投资热并未降温，出手仍以数十亿计。",
    "在已投产的总投资1000万美元以上的80个项目中，多数技术先进。",
])
def test_vague_and_threshold_figures(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_stated_minimum_of_one_project_still_counts() -> None:
    assert extract_facts("", "该项目总投资20亿元以上，明年开工。").amount == pytest.approx(20e8)


@pytest.mark.parametrize("body", [
    "村里和村民签订《环境卫生责任书》，每月检查。",
    "乡党委与各村签订了廉政建设责任状。",
    "村委会主任签订了砖厂的承包合同。",
    "某商场与另一家商场签订输出管理合同。",
    "销售员们去年人均签订合同额800万元。",
    "分家后双方签订协议，对服务网点的使用作出规定。",
    "此方案获董事会及法院批准。",
])
def test_agreements_and_approvals_of_no_project(body: str) -> None:
    assert extract_facts("", body).stage is None


def test_a_signing_about_a_project_is_still_signed() -> None:
    assert extract_facts("", "两家公司签署了合资建设化肥厂的合同。").stage == "签约"
    assert extract_facts("某市与某公司签约", "").stage == "签约"  # a headline needs no object


@pytest.mark.parametrize("body", [
    "新开工、竣工面积指数持续上扬。",
    "今年新线投产600公里，复线投产300公里。",
    "四年共竣工6000万平方米，建成住房80万套。",
    "全区已建成各类加工企业900个，其中龙头企业30家。",
    "果园投产以后，收益按比例分配。",
    "造船产量比上年增长12%，完工出口船占八成。",
])
def test_counts_and_conditions_report_no_stage(body: str) -> None:
    assert extract_facts("", body).stage is None


@pytest.mark.parametrize("body,stage", [
    ("某县的火电厂已获论证通过，开始兴建。", "开工"),
    ("某市机场日前开始建设。", "开工"),
    ("扩建跑道工程经省验收委员会审验，质量优良。", "竣工"),
    ("生产基地已获市政府的批准，投资2亿元。", "核准"),
    ("某县最近动工扩建市场，整个工程可望于今年5月水晶节前完工。", "开工"),
    ("一座污水处理厂日前建成。", "竣工"),
])
def test_stage_verbs_of_print(body: str, stage: str) -> None:
    assert extract_facts("", body).stage == stage


def test_place_short_forms_and_landmarks_from_the_zone_table() -> None:
    assert extract_facts("", "内蒙古阿盟新建一座碱厂。").places[0].city == "阿拉善盟"
    assert extract_facts("", "大亚湾核电站二期扩建。").places[0].city == "深圳市"
    assert extract_facts("", "大亚湾经济技术开发区新签约一批项目。").places[0].city == "惠州市"


def test_a_building_named_after_a_city_is_not_the_place() -> None:
    places = extract_facts("", "一幢名为无锡大厦的写字楼在成都落成。").places
    assert [p.city for p in places] == ["成都市"]


def test_a_weak_short_name_is_settled_by_an_ambiguous_city_resolved_first() -> None:
    # 上海 names two divisions (municipality and its city level); once settled it supports 浦东.
    places = extract_facts("", "一家工厂在上海浦东落成。").places
    assert places[0].to_dict() == {"province": "上海市", "city": "上海市", "county": "浦东新区"}


def test_headline_less_text_lead_sentence_stands_for_the_headline() -> None:
    assert extract_facts("", "某县投资9000万元建设鱼类养殖基地。预计明年建成。").industry == ("现代农业",)
    # With a headline the body still needs a word twice, outside the sentence stating the investment.
    assert extract_facts("某县新项目", "某县投资9000万元建设新厂房。当地鱼类养殖基地也在扩建。").industry == ()
    # That sentence says what the money builds (session 8).
    assert extract_facts("某县新项目", "某县投资9000万元建设鱼类养殖基地。").industry == ("现代农业",)


@pytest.mark.parametrize("body,tags", [
    # The fields a batch of projects covers, each listed once.
    ("今天，某市38个项目集中签约，总投资达452亿元，涵盖了数字经济、生命健康、清洁能源等重点产业。",
     ("新能源", "电子信息", "生物医药")),
    # A list of fields of new firms (no project, no investment in the sentence) names no project's industry.
    ("一季度新设外资企业18家，涉及跨境贸易、精密机械和汽车零部件等领域。", ()),
])
def test_a_batchs_list_of_fields_names_its_industries(body: str, tags: tuple[str, ...]) -> None:
    assert extract_facts("某市新闻", body).industry == tags


def test_a_word_inside_another_is_not_counted() -> None:
    facts = extract_facts("某县新项目", "某县实施鲫鱼养殖产业化工程。产业化工程进展顺利。")
    assert "石化" not in facts.industry


def test_a_stage_word_split_across_two_words_is_not_a_stage() -> None:
    assert extract_facts("", "我们有底气与进口商谈判价格。").stage is None  # 进口商 + 谈判


def test_an_exhortation_is_a_plan() -> None:
    assert extract_facts("", "会议要求加快推动签约项目转化落地。").stage is None


def test_financing_received_is_no_investment() -> None:
    assert extract_facts("", "300家企业中有90家获得投资，投资金额超过500亿元。").amount is None


@pytest.mark.parametrize("body,city", [
    # The investor's city is named more often; the site word says where the work is.
    ("深圳一家集团投资20亿元的电子产业园落户赣州。深圳企业将陆续入驻，深圳方面派出团队。", "赣州市"),
    ("一幢24层的锦州大楼屹立在天津滨海新区，是锦州市投资3亿元建成的，锦州多家单位在此办公。", "天津市"),
    ("大连一家公司投资5亿元的冷链基地位于盘锦，大连公司去年签约，大连方面负责运营。", "盘锦市"),
])
def test_the_site_word_names_the_projects_place(body: str, city: str) -> None:
    assert extract_facts("", body).places[0].city == city


def test_a_ceremony_elsewhere_is_not_the_site() -> None:
    facts = extract_facts("", "锦州市在北京举行项目推介会，锦州签约项目总投资30亿元。")
    assert facts.places[0].city == "锦州市"


@pytest.mark.parametrize("title,body", [
    ("关于召开某产业园项目评审会的通知", "各有关单位：\n定于6月3日在市政府第三会议室召开某产业园项目专家评审会，请准时参加。"),
    ("关于举办2024某市投资贸易洽谈会的通知", "各区县：\n经市政府同意，定于5月18日至20日在某市博览中心举办投资贸易洽谈会。"),
    ("", "某化工项目定于今年9月在滨海园区正式开工建设。"),
])
def test_an_event_or_work_still_to_come_is_no_stage(title: str, body: str) -> None:
    assert extract_facts(title, body).stage is None


@pytest.mark.parametrize("title,body,stage", [
    ("某市举办投资洽谈会 签约项目12个", "昨天，某市举办投资洽谈会，现场签约项目12个。", "签约"),
    ("某产业园项目通过专家评审", "日前，某产业园项目通过专家评审。", "评审"),
])
def test_an_event_held_still_reports_its_stage(title: str, body: str, stage: str) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("title,body,stage", [
    ("某市科技专项资金拟支持项目公示", "经企业申报、专家评审，拟对40个项目给予支持，现予以公示。", None),
    ("", "经专家评审，拟奖励30家企业，奖补资金共计500万元。", None),
    ("某污水处理厂扩建项目可研报告通过专家评审", "日前，某污水处理厂扩建项目可研报告通过专家评审。", "评审"),
])
def test_a_review_for_subsidies_is_no_project_stage(title: str, body: str, stage: str) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("body", [
    "这个春节，某省各市举办了集中签约等活动，截至1月30日，签约项目300个，总投资额1200.5亿元。",
    "今年将在能源领域计划固定资产投资300亿元，同时成立项目专班。",
    "今年，某区计划实施50个重点项目，总投资超600亿元。",
    "某项目今年计划投资2亿元，主要用于设备购置。",
])
def test_a_count_as_of_a_date_or_a_years_plan_is_no_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title,body,amount", [
    # A signing event today of a batch is counted even with 今年 in it.
    ("某市今年首批重大项目签约", "今天，某市今年首批重大项目签约，20个项目总投资达310亿元。", 310e8),
    # A start this year is no plan of spending: the project's total counts.
    ("", "该项目今年3月开工，总投资10亿元。", 10e8),
])
def test_an_event_this_year_keeps_its_amount(title: str, body: str, amount: float) -> None:
    assert extract_facts(title, body).amount == pytest.approx(amount, rel=0.01)


@pytest.mark.parametrize("title,body,amount", [
    ("某市首批重大项目签约 总投资超300亿元", "今天，某市首批重大项目签约，25个项目总投资达326亿元。", 326e8),
    ("某化工项目开工 总投资近50亿元", "日前，某化工项目开工，总投资48.6亿元。", 48.6e8),
    # A lead figure far from the bound is another amount: the headline's stands.
    ("某产业园开工 总投资超100亿元", "某产业园一期投资12亿元，今天开工。", 100e8),
])
def test_a_headline_bound_yields_to_the_leads_figure(title: str, body: str, amount: float) -> None:
    assert extract_facts(title, body).amount == pytest.approx(amount, rel=0.01)


@pytest.mark.parametrize("body,amount", [
    ("在某盟，总投资超千亿元的绿电项目成功签约落地。", 1000e8),
    ("总投资百亿元的某产业园今天开工。", 100e8),
    ("总投资十亿元的某工厂今天投产。", 10e8),
])
def test_a_leading_hundred_or_thousand_of_yi_is_one_of_it(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == pytest.approx(amount, rel=0.01)


def test_a_bare_thousand_ten_thousands_stays_vague() -> None:
    assert extract_facts("", "某局投资近千万元，新建、改建了一批专业市场。").amount is None


# -- session 5: found on the dev split of the 新闻联播 paragraphs (real-xwlb) ---------------------

@pytest.mark.parametrize("title,body", [
    ("", "2021年，某市120个重大项目开工建设，全年完成投资超过500亿元。"),
    ("", "一季度，某省共审批核准项目35个，总投资980亿元，主要集中在能源行业。"),
    ("", "某区今年投资80多亿元，加快建设风电、光伏等一批项目。"),
    ("", "今年，某省共谋划重点建设项目88个，总投资3000亿元。"),
    ("", "目前，120个投资体量大的重大项目开工建设，总投资超1600亿元。"),
    ("2021年某市完成重大项目投资超5千亿元", "某市重大项目建设进展顺利。"),
])
def test_a_span_of_time_summed_up_is_no_amount(title: str, body: str) -> None:
    assert extract_facts(title, body).amount is None


@pytest.mark.parametrize("body,amount", [
    # One event's batch in a year stays a roundup; a month of this year is a date, not a span.
    ("今天，某市2024年首批30个重大项目集中开工，总投资约260亿元。", 260e8),
    ("今年3月，总投资12亿元的某产业园项目开工。", 12e8),
    ("2022年，某公司投资5亿元建成一条生产线。", 5e8),
    # A plan, a completion or a number after one project's amount says nothing of the span.
    ("目前，总投资10亿元的某产业园项目已完成主体工程。", 10e8),
    ("今年，总投资10亿元的某项目将建成投产，带动300个就业岗位。", 10e8),
])
def test_an_event_or_date_in_a_year_keeps_its_amount(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == pytest.approx(amount, rel=0.01)


def test_the_sentence_stating_the_investment_names_the_place() -> None:
    body = ("深圳一次集中开工产业项目30个，总投资300亿元。广州某电池工厂项目已进入打桩阶段，"
            "建成后将成为广州最大的储能项目。")
    assert extract_facts("", body).places[0].to_dict()["city"] == "深圳市"


def test_a_city_and_its_county_of_one_name_mean_the_city() -> None:
    # 南昌 is 南昌市 and its 南昌县; 江西 supports both: the larger one is meant.
    places = extract_facts("", "在江西南昌，一家企业投资20亿元建设的铜箔项目即将投产。").places
    assert places[0].to_dict() == {"province": "江西省", "city": "南昌市"}


def test_emerging_industries_are_no_county() -> None:
    places = extract_facts("", "某地加快培育新兴产业，总投资10亿元的项目在广州开工。").places
    assert [p.to_dict().get("city") for p in places] == ["广州市"]


# -- session 5, third round: found on the dev split of the 2024/2025 新闻联播 paragraphs ------------

@pytest.mark.parametrize("title,body", [
    ("", "近两年承接的合作项目超60个，总投资近200亿元。"),
    ("", "今年一季度，某市将推动100项重大项目开工建设。其中，重点工程项目20个，总投资超500亿元。"),
    ("国家下达新一批以工代赈中央投资30亿元", "资金主要投向欠发达地区。"),
    ("2025年某地铁路建设投资预计超500亿元", "某地铁路建设稳步推进。"),
    ("", "某公司与某市签约，签约金额5亿元。"),
])
def test_spans_central_funds_and_contract_values_are_no_amount(title: str, body: str) -> None:
    assert extract_facts(title, body).amount is None


@pytest.mark.parametrize("body,amount", [
    ("日前，某市2024年一季度重大项目正式动工，共有120项，总投资超800亿元。", 800e8),
    ("今天，某省投资项目签约仪式举行，共计签约项目50个，总签约额超300亿元。", 300e8),
])
def test_a_dated_batch_and_a_signed_total_are_roundups(body: str, amount: float) -> None:
    facts = extract_facts("", body)
    assert facts.amount == pytest.approx(amount, rel=0.01)
    assert facts.kind == "roundup"


# -- session 5, fourth round: the 2023-12, 2024-12 and 2026 新闻联播 paragraphs -----------------------

@pytest.mark.parametrize("body", [
    "这批专项债券支持约3000个项目，带动总投资超过4000亿元。",
    "该基金已投资项目20个，带动社会投资120亿元。",
])
def test_investment_drawn_in_is_no_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


# -- session 6: found on the dev split of the 新闻联播 paragraphs of 2022 and 2023-2025 ----------------

@pytest.mark.parametrize("title,body,amount", [
    # A signed batch's total written 总金额, 总额 or 共, counts written 多/余 or listing fields with 、.
    ("", "今天，某市投资洽谈会开幕，现场签约项目50多个，总金额达到300亿元。", 300e8),
    ("", "峰会共有20个重点外资、外贸等项目签约，总金额达12.5亿美元。", 12.5e8),
    ("", "大会成功实现签约合作项目30余个，总额达500亿元。", 500e8),
    ("", "两地共有12个重大项目签约，共86.5亿元。", 86.5e8),
    ("", "某省文旅大会今天召开，签约了总金额达120亿元的18个文旅项目。", 120e8),
    ("", "今天，某对接活动举行，共签约项目60个，签约资金超500亿元。", 500e8),
    # The word itself says a total of signings; the lead's precise figure fills the headline's bound.
    ("某洽谈会开幕 签约总额超300亿元", "今天，某洽谈会开幕。两地共有30个项目签约，共321.5亿元。", 321.5e8),
    # A tally "so far" in a report of an event held today is the event's.
    ("", "某洽谈会今天在某市开幕，吸引500家企业参展。目前，已签约项目100个，总金额达到800亿元。", 800e8),
])
def test_a_signed_batchs_total_is_a_roundup(title: str, body: str, amount: float) -> None:
    facts = extract_facts(title, body)
    assert facts.amount == pytest.approx(amount, rel=0.01)
    assert facts.kind == "roundup"


@pytest.mark.parametrize("body", [
    "某市还发布了招商项目80个，总额300亿元。",  # put on offer, not signed
    "某产业基金已在帮扶地区落地6个项目，签约总金额已达8亿元。",  # a fund's financing
    "展会期间，两家公司洽谈合作，共12亿元。",  # 共 with no signed batch
])
def test_a_total_without_a_signed_batch_is_no_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_projects_total_investment_is_still_read_beside_total_words() -> None:
    assert extract_facts("", "今天，某电池项目在某市签约，项目投资总额约为50亿元人民币。").amount == pytest.approx(50e8)


@pytest.mark.parametrize("body", [
    # A threshold or a programme's floor.
    "对固定资产投资总额不低于500万元的技术改造项目给予奖励。",
    "某市今年面向民间资本推介的项目总投资不低于800亿元。",
    # A subsidy handed out.
    "对民间投资项目，省级财政拿出3000万元给予贴息补助。",
    # Compared with last year (较去年 is 比去年).
    "今年，某省重点建设40个新能源项目，较去年增长50%；总投资600亿元，较去年增长30%。",
    # Spending over several works built (修建 N座) or several deeds (N件).
    "某旗今年再投资1.2亿元，向风沙区挺进，修建60座拦沙坝。",
    "下半年某区新增投入约5亿元，追加实施8件民生实事。",
    # A run of months, a span of years; 其中 continues the sentence before it.
    "某部今天发布，1—9月，全国新开工公路项目200个，项目总投资5000亿元。其中，9月份新开工项目30个，投资额900亿元。",
    "五年间，我国特高压工程总投资超过3000亿元。",
])
def test_thresholds_subsidies_and_periods_are_no_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title,body", [
    ("前10个月某省交通投资超2000亿元", "1—10月，某省完成交通固定资产投资2300亿元。"),
    ("2024年某地电网项目投资超800亿元", "2024年某地电网项目完成投资额首次超过800亿元，同比增长9%。"),
    ("某合作区项目总投资达120亿元", "某合作区建设三年来，已签约合作项目40个，总投资额达120亿元。"),
])
def test_a_headline_figure_the_lead_gives_as_a_statistic_is_none(title: str, body: str) -> None:
    assert extract_facts(title, body).amount is None


def test_a_headline_reporting_a_stage_keeps_its_figure() -> None:
    facts = extract_facts("某省8条高速公路开工 总投资超900亿元",
                          "今天，某省8条高速公路集中开工，累计里程达600公里、总投资932亿元。")
    # The lead's total of the day's batch (its 累计 sums the roads' length), which the headline's bound rounds (session 31;
    # before, 累计 anywhere in the sentence made it a tally and the headline's 超900亿 stood in).
    assert facts.amount == pytest.approx(932e8)


@pytest.mark.parametrize("title,body,stage", [
    # A 洽谈会 names the event; the signing it reports is the stage.
    ("2024某省投资贸易洽谈会开幕", "某省投资贸易洽谈会今天开幕。目前，已签约项目80个，总金额300亿元。", "签约"),
    ("某市经贸洽谈会今天举行", "某市经贸洽谈会今天举行，各方代表参加。", None),  # the name alone is no stage
    ("某省投资洽谈会闭幕", "本届投洽会期间，300个项目达成合作协议，计划总投资额达900亿元。", "签约"),
    ("", "两家公司就项目洽谈多次。", "洽谈"),  # talks themselves
    # Started or resumed; construction launched; an expansion work launched.
    ("某新区300个项目集中开复工", "昨天，某新区一季度300个重点项目开复工。", "开工"),
    ("", "某市投资5亿元的零部件项目启动建设，达产后年产值超10亿元。", "开工"),
    ("某输电工程二期扩建工程正式启动", "今天，某输电工程二期扩建工程正式开工建设，将在已投运的换流站扩建。", "开工"),
    # Put into (commercial) operation, brought into full use.
    ("某港正式投入商业运营", "某港5日正式投入商业运营。", "投产"),
    ("", "总投资5000多万元的某校体育馆全面启用。", "投产"),
])
def test_more_stage_verbs_and_event_names(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("title,body", [
    ("", "某市聚焦新能源汽车等产业链，构建成链成群的产业生态。"),  # 构建成 is no 建成
    ("某省启动建设世界知名旅游目的地行动", "某省今天启动建设旅游目的地行动。"),  # a campaign
    ("", "1—8月，200个共建成渝地区双城经济圈重大项目进展顺利。"),  # 共建 + 成渝
    ("", "经多轮谈判，两国央行达成协议，稳定汇率。"),  # an agreement about no project
])
def test_verbs_that_only_look_like_stages(title: str, body: str) -> None:
    assert extract_facts(title, body).stage is None


@pytest.mark.parametrize("body", [
    "截至目前，某省各部门预算已全部批复，资金加快下达。",  # a budget approved, no work
    "对重大项目采取落户奖励、贷款贴息等方式给予支持。",  # a relocation award, no signing
])
def test_approved_money_and_settling_in_policies_are_no_stage(body: str) -> None:
    assert extract_facts("", body).stage is None


def test_an_approved_work_is_still_approved() -> None:
    assert extract_facts("", "某水库工程可行性研究报告日前获国家批复。").stage == "核准"


def test_newly_built_and_twin_city_are_no_places() -> None:
    body = "去年开工的12处新建大型灌区正加快推进。在江西宁都，总投资30亿元的某灌区工程进入攻坚阶段。"
    assert extract_facts("", body).places[0].city == "赣州市"
    body = "在黑龙江牡丹江，某水库工程总投资超过20亿元，是成渝地区双城经济圈之外的又一重点工程。"
    assert extract_facts("", body).places[0].city == "牡丹江市"


def test_a_place_named_in_the_investment_sentence_outranks_one_sharing_its_province() -> None:
    # 九江 is named more often; the investment's sentence names 宁都 itself, 九江 only by its province.
    body = "江西九江的一家企业来访，九江方面很重视。在江西宁都，该企业投资30亿元建设某灌区工程。九江企业将派出团队。"
    assert extract_facts("", body).places[0].city == "赣州市"


def test_a_county_short_name_before_a_zone_word_is_a_place() -> None:
    # 昆山 alone is a weak short name (昆山市, a county of 苏州); "昆山开发区" makes it a place.
    facts = extract_facts("", "在昆山开发区，一家外资企业正在建设投资3亿美元的新工厂。")
    assert facts.places[0].city == "苏州市"


def test_a_planned_count_of_projects_is_a_programme() -> None:
    body = "年底前，某省计划新开工建设公路项目30余个，总里程900公里，投资规模达1200亿元。"
    assert extract_facts("", body).amount is None


def test_among_them_refers_back_to_its_paragraph() -> None:
    body = ("今年二季度，某市将推动90项重大项目开工建设。项目涵盖产业、基础设施等领域。"
            "其中，市重点工程项目25个，总投资超1200亿元。")
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title,body,stage", [
    ("", "去年开工的12处新建灌区和300处灌区改造，目前正加快推进。", None),
    ("某市一季度新开工建设120项重大项目", "某市一季度将推动120项重大项目开工建设。", None),
    # One event's batch, or a count with no span, still reports the start.
    ("", "今天，某市一季度80个重大项目集中开工。", "开工"),
    ("", "在某市开工的30个制造业项目，总投资约200亿元。", "开工"),
])
def test_a_spans_count_of_starts_is_no_stage(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


# -- session 7: found on the dev split of the 新闻联播 paragraphs ------------------------------------

@pytest.mark.parametrize("title,body", [
    ("前9个月全国公路完成投资超9000亿元",
     "记者从交通运输部获悉，1—9月，全国公路完成固定资产投资9120亿元。杭州至温州高速、成都至西昌铁路等项目进展顺利。"),
    # No headline: the lead sentence states the scope; a station after a city's name ("南宁东至柳州段").
    ("", "今年上半年，全国铁路建设投资同比增长4%。新建南宁东至柳州段、郑州至济南高铁等项目开通运营。"),
])
def test_a_national_figure_names_no_place_through_its_routes(title: str, body: str) -> None:
    assert extract_facts(title, body).places == ()


def test_a_national_figure_keeps_a_place_it_visits() -> None:
    body = ("今年前8个月，我国制造业投资同比增长6%。在湖南株洲，一个轨道交通装备产业园正加紧建设。"
            "武汉至长沙高铁等项目也在推进。")
    assert extract_facts("", body).places[0].city == "株洲市"


def test_a_national_first_is_one_project_somewhere() -> None:
    assert extract_facts("我国首个跨海高铁投资300亿元", "福州至厦门段今天开工建设。").places[0].city == "福州市"


def test_a_zone_line_replaces_the_tables_division_of_the_same_name() -> None:
    # The table has 雄安新区 as its own unit and its counties under 保定; both would leave the name unresolved.
    facts = extract_facts("", "在河北雄安新区，一个总投资50亿元的数据中心项目今天开工。")
    assert facts.places[0].city == "保定市"


@pytest.mark.parametrize("body,city", [
    ("在贵州黔东南，一个总投资12亿元的茶叶加工项目今天开工。", "黔东南苗族侗族自治州"),
    ("四川凉山州一座风电场并网发电，总投资30亿元。", "凉山彝族自治州"),
    # Settled beside its province like any shared name: Qinghai's 海南州, not the island province.
    ("在青海海南州，总投资50亿元的一座光伏电站开工建设。", "海南藏族自治州"),
])
def test_an_autonomous_prefecture_is_named_without_its_peoples(body: str, city: str) -> None:
    assert extract_facts("", body).places[0].city == city


@pytest.mark.parametrize("body,place", [
    # A county read by its short name (天津's 河北区, 乌海's 海南区, 辽源's 西安区) needs its city beside it.
    ("河北一座光伏电站并网发电，总投资8亿元。", {"province": "河北省"}),
    ("在海南，总投资50亿元的一个港口项目开工。", {"province": "海南省"}),
    ("天津河北区一个城市更新项目开工，总投资6亿元。", {"province": "天津市", "city": "天津市", "county": "河北区"}),
])
def test_a_shared_name_without_support_means_the_province(body: str, place: dict[str, str]) -> None:
    assert extract_facts("", body).places[0].to_dict() == place


def test_a_prefectures_shared_name_without_support_stays_unread() -> None:
    # 朝阳 (朝阳产业, a sunrise industry) is a word as often as Liaoning's 朝阳市 or Beijing's 朝阳区.
    assert extract_facts("", "某县大力发展朝阳产业，总投资30亿元的项目开工。").places == ()


def test_a_full_district_name_shared_by_two_cities_is_settled_by_a_city_settled_first() -> None:
    # 朝阳区 is Beijing's and Changchun's; 北京 itself names two divisions and is settled first.
    places = extract_facts("", "北京朝阳区一个总投资15亿元的产业园项目开工。").places
    assert places[0].to_dict() == {"province": "北京市", "city": "北京市", "county": "朝阳区"}


@pytest.mark.parametrize("body,cities", [
    ("辽宁举办东北海陆大通道论坛，沈阳签约项目总投资100亿元。", ["沈阳市"]),  # 东北 + 海陆, no 北海
    ("西南通道加快建设，昆明一个物流园开工。", ["昆明市"]),  # 西南 + 通道, no 南通
])
def test_a_place_read_across_a_region_words_end_is_none(body: str, cities: list[str]) -> None:
    assert [p.city for p in extract_facts("", body).places if p.city] == cities


@pytest.mark.parametrize("title,body,amount", [
    ("某市全年向社会资本推介项目投资超500亿元",
     "某市今天再推介一批重点项目。此次项目共40个，总投资约120亿元。全年推介项目总投资超500亿元。", 120e8),
    ("某县全年重大项目投资超50亿元", "某县重大项目建设进展顺利。", None),
    ("", "该区全年重点项目投资超过80亿元。", None),
])
def test_a_whole_years_sum_is_no_projects_amount(title: str, body: str, amount: Optional[float]) -> None:
    got = extract_facts(title, body).amount
    assert got == (pytest.approx(amount) if amount else None)


@pytest.mark.parametrize("title,body,amount", [
    ("前8个月全国公路投资超1.5万亿元", "交通运输部发布数据，1—8月，全国公路完成投资1.5万亿元。全国普通国道改造总投资超过2200亿元。", None),
    ("", "全国城镇老旧小区改造总投资超过800亿元，惠及居民数百万户。", None),
    # A national first or record, or a national list, is one project somewhere.
    ("", "这是全国首个海上风电制氢项目，总投资10亿元。", 10e8),
    ("", "我国规模最大的单体储能电站总投资20亿元，今天开工。", 20e8),
])
def test_a_nation_wide_figure_is_no_projects_amount(title: str, body: str, amount: Optional[float]) -> None:
    got = extract_facts(title, body).amount
    assert got == (pytest.approx(amount) if amount else None)


def test_investment_secured_for_a_sector_is_a_statistic() -> None:
    body = "今年前4个月，某省完成水利建设投资300亿元。新开工重大水利工程6项，落实水利建设投资520亿元。"
    assert extract_facts("", body).amount is None


def test_the_tables_placeholder_rows_are_no_places() -> None:
    # The table lists 海域 ("sea area") under a placeholder code 99…; an offshore site names no division by it.
    places = extract_facts("", "在福建莆田附近海域，总投资80亿元的海上风电场开工。").places
    assert [p.city for p in places] == ["莆田市"]


def test_a_county_read_loosely_by_its_short_name_yields_to_one_beside_its_region() -> None:
    # 天山 (天山区 of Urumqi, supported only by 新疆 elsewhere) is the mountains; 库车 stands beside 新疆.
    facts = extract_facts("", "天山脚下，新疆库车一个总投资30亿元的绿氢项目建成投产。")
    assert facts.places[0].city == "阿克苏地区"


@pytest.mark.parametrize("title,body,stage", [
    ("前9个月全国水利建设完成投资超8000亿元",
     "今年1—9月，全国完成水利建设投资8200亿元。其中，新开工某湖区堤防加固工程、某水库等一批重大水利工程。", None),
    # A national first is one project, with its stage.
    ("我国首个深远海养殖平台投资5亿元", "该平台今天在某港正式投产。", "投产"),
])
def test_a_nation_wide_figures_story_reports_no_stage(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("body,amount", [
    ("春节后，某省一批项目集中开工，并确定了900个省重点项目，总投资达1.2万亿元。", None),
    # Projects "designated" before an event are still the event's batch.
    ("今天，某市确定的20个重大项目集中签约，总投资100亿元。", 100e8),
])
def test_a_list_of_designated_key_projects_is_a_programme(body: str, amount: Optional[float]) -> None:
    got = extract_facts("", body).amount
    assert got == (pytest.approx(amount) if amount else None)


def test_a_shared_name_is_given_to_the_province_only_after_every_support_was_tried() -> None:
    # 朝阳 is 朝阳市 (Liaoning) and Beijing's 朝阳区; 北京 is settled in the first pass and supports the district.
    places = extract_facts("", "北京朝阳一个总投资8亿元的文化产业园开工。").places
    assert places[0].to_dict() == {"province": "北京市", "city": "北京市", "county": "朝阳区"}


def test_haixi_alone_is_the_fujian_strait_region_not_qinghais_prefecture() -> None:
    places = extract_facts("", "福建加快海西经济区建设，厦门一个总投资9亿元的项目开工。").places
    assert [p.city for p in places if p.city] == ["厦门市"]


# Session 8: the project's name. Made-up sentences in the shapes city portals print.
@pytest.mark.parametrize("title,body,project", [
    # A relative clause's 的 ends what stands before the name; 建设 and 及 inside it stay.
    ("", "分别是总投资5.5亿元的某某集团某县分公司生猪养殖及饲料厂建设项目。", "某某集团某县分公司生猪养殖及饲料厂建设项目"),
    # The event's verbs are no part of it: "宣布…项目开工", "在…项目现场举行".
    ("某区举行项目开工仪式", "1月28日，某区在中鑫电机研发项目现场举行项目开工仪式。", "中鑫电机研发项目"),
    # A quoted name keeps its quotation marks and the words inside them.
    ("", "总投资超过100亿元的“东数西算”某某算力产业集群配套项目刚刚开工。", "“东数西算”某某算力产业集群配套项目"),
    # A verb that builds the project is not in its name.
    ("", "两国共建绿色甲醇储运一体化项目。", "绿色甲醇储运一体化项目"),
])
def test_the_project_name_is_the_phrase_after_the_clause_words(title: str, body: str, project: str) -> None:
    assert project_reading(title, body) == project  # (extract_facts adds it beside an amount or a stage)


@pytest.mark.parametrize("title,body", [
    # A category of projects named by place, date and rank is no project's name.
    ("烟台市重点项目集中开工", "本次全市集中开工项目186个，总投资1257.3亿元。"),
    ("广州2024年一季度重大项目集中签约", "签约项目总投资超2000亿元。"),
    # A batch: a count before or after the phrase.
    ("浑南科技城签约数字经济项目9个", "总投资50亿元。"),
    ("全市18个重点产业项目集中开工", "总投资达56.5亿元。"),
    # "A和项目" is "A and projects", no name.
    ("", "开展乡村振兴消费帮扶采购销售和项目对接活动。"),
    # A clause that ends in 项目 without a name: "征集有效线索并促成项目".
    ("关于征集外资招商线索的公告", "欢迎提供有效线索并促成项目落地。"),
])
def test_a_category_or_batch_of_projects_is_no_project_name(title: str, body: str) -> None:
    assert extract_facts(title, body).project is None


@pytest.mark.parametrize("title,body,project", [
    # A work named by a place or a proper name before its kind: a reservoir, an airport, an irrigation area.
    ("江西峡江灌区今天开工建设", "", "江西峡江灌区"),
    ("", "云南省海拔最高的某庆机场日前开始兴建。", "某庆机场"),
    # An apposition: the category before the dash, the name after it.
    ("", "在国家重点水利工程——四川某州固军水库建设现场，施工正酣。", "四川某州固军水库"),
    # A first or a superlative describes; the name comes in the body.
    ("我国首个超大容量变速抽水蓄能电站开工", "南方电网某州中洞抽水蓄能电站今天开工，总投资80亿元。", "南方电网某州中洞抽水蓄能电站"),
    # A shorter name inside the phrase when the longer one is none.
    ("", "某区在中鑫电机研发项目现场举行项目开工仪式。", "中鑫电机研发项目"),
    # The name of the work the amount is about, not the first one the paragraph names.
    ("", "这里将成为重要物流枢纽中心。在投资50亿元的某南港扩容工程施工现场，机器轰鸣。", "某南港扩容工程"),
])
def test_works_are_named_by_their_kind_too(title: str, body: str, project: str) -> None:
    assert extract_facts(title, body).project == project


@pytest.mark.parametrize("title,body", [
    ("某区举行数字经济项目签约仪式", "9个项目集中签约，总投资72亿元。"),  # a field, not a project
    ("某区9个项目集中签约", "总投资72亿元，涉及集成电路设计、人工智能和数据中心等领域。"),  # fields listed
    ("", "江西新建大型灌区和581处大中型灌区开工。"),  # no name; a count of works
])
def test_a_field_or_a_count_of_works_is_no_project_name(title: str, body: str) -> None:
    assert extract_facts(title, body).project is None


@pytest.mark.parametrize("title,body", [
    ("重大项目拉动投资增长", "今年以来，我市牢固树立“项目为王”理念，坚定不移抓项目、扩投资。"),  # a slogan, a verb's object
    ("全市重点建设项目进展情况", "1-10月项目累计完成投资629.0亿元。"),  # a period
    ("某某经济开发区重点项目建设步伐加快", "投资上亿元的重点项目建设步伐加快。"),  # a zone's category
    ("我州招商引资工作开门红", "我州狠抓项目服务工作，确保园区内各重大招商引资项目迅速落地。"),  # each of many
])
def test_slogans_periods_and_a_zones_category_are_no_project_name(title: str, body: str) -> None:
    assert extract_facts(title, body).project is None


def test_a_byline_and_a_batch_of_categories_are_no_project_name() -> None:
    facts = extract_facts("某市集中开工及集中签约", "本报讯(记者马某)我市重大项目建设及招商引资项目双双喜迎“开门红”。"
                          "全市2021年第一次招商引资项目集中签约活动举行。")
    assert facts.project is None

# -- session 8: principled checks of whether a stage verb reports a project's stage ---------------

@pytest.mark.parametrize("title,body,stage", [
    # A plan word governs the rest of its sentence, past its own clause.
    ("某省投资洽谈会开幕", "某省投资洽谈会今天开幕。大会将举办百场活动，预计签署合作项目100多个，签约金额近900亿元。", None),
    ("", "明年将继续加大投入，在年内提前下达项目清单，支持各地加快前期工作、尽早开工建设。", None),
    # … until a word of a done event takes over.
    ("", "该项目将分两期建设，一期工程已于去年竣工。", "竣工"),
    ("", "某产业园计划明年投产，园内首个厂房日前开工。", "开工"),
    # A purpose clause holds its plan word; the main clause after it reports.
    ("", "为推动产业转型升级，某市32个重大项目集中开工。", "开工"),
    ("", "为加快推进重大项目建设，10月12日上午，总投资50亿元的某新材料项目开工仪式在某县举行。", "开工"),
    ("", "为确保项目年底投产，某县成立了工作专班。", None),
    # As planned, and a plan word naming the investment, state no plan.
    # (建成通水 is read whole as the works in use, like 建成投产, since session 19.)
    ("", "按照计划，该水厂于10月12日正式建成通水。", "竣工"),  # (session 55: a completion joined to use is 竣工)
    ("", "按照计划，该水厂于10月12日正式建成。", "竣工"),
    ("", "计划总投资50亿元的某新材料项目开工建设。", "开工"),
    ("", "某公司计划投资5亿元，明年开工。", None),
    ("", "某省今年计划投资1000亿元，某铁路等重点工程开工建设。", None),
    # A modal opening its clause is a plan; a done word qualifying a work (已签约项目) takes nothing over.
    ("某市政府常务会议研究部署重点工作", "会议听取了全市重大项目建设情况汇报。会议强调，要全力推动已签约项目尽快开工。", None),
    ("", "某市将推动已开工项目加快建设，其中某项目已建成投产。", "投产"),
])
def test_a_plan_word_governs_the_rest_of_its_sentence(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("title,body,stage", [
    # A sentence of the body that names no project or work reports no project's stage.
    ("", "官兵们在营地腾出一间帐篷，建成了村里第一所儿童活动室。", None),
    ("", "该国去年吸收外资大增，这次钢铁企业招标收到的外资还未计入。", None),
    # A work named anywhere in the sentence, or a headline, does.
    ("", "该县第一所寄宿制学校日前建成，可容纳学生800人。", "竣工"),
    ("", "经过两年施工，这座跨江大桥今天顺利完工。", "竣工"),
    ("某县儿童活动室建成", "", "竣工"),
])
def test_a_stage_is_reached_by_a_project_or_a_work(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("body,stage", [
    # Works counted anywhere in the clause after 建成/投产/竣工: stock or a span's output.
    ("“十三五”期间，某省建成乡镇养老服务机构和设施1800多个。", None),
    ("在已建成投产的总投资千万元以上的80个项目中，外资占一半。", None),
    # An area measures one work.
    ("新竣工的某商业大厦占地12万平方米，总投资20亿元。", "竣工"),
])
def test_works_counted_after_the_verb_are_no_stage(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body,stage", [
    # A verb after 的 is a noun; when its clause says what it will do, the stage is ahead.
    ("某港的建成将大大缩短两国间的海运时间。", None),
    ("该线路的建成投运有助于完善区域电网。", None),
    # What it did, an event, or the noun alone report the stage.
    ("这座大桥的建成通车，结束了两岸群众靠渡船过江的历史。", "竣工"),
    ("数千名群众见证了这座大桥的竣工。", "竣工"),
    ("某化工项目的开工仪式暨动员大会今天举行。", "开工"),
])
def test_a_verb_after_de_is_a_noun(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body,stage", [
    # 对/凡 … verb 的 …: the class of projects a policy applies to.
    ("对通过验收投产的项目，省里给予最高300万元奖励。", None),
    ("凡已开工的重大项目，均纳入月度调度。", None),
    # One work named with a demonstrative is reported.
    ("对这座刚刚建成的水厂，市民寄予厚望。", "竣工"),
])
def test_a_policys_class_of_projects_is_no_stage(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body,stage", [
    # An uncounted crowd before the verb describes a trend …
    ("一季度，某省铁路投资同比增长5%。一大批新线投入运营，路网不断织密。", None),
    ("开放的环境吸引了许多客商前来洽谈合作。", None),
    # … unless one event is named or the investment is stated.
    ("今天，一大批重点项目在某市集中开工。", "开工"),
    ("某省一大批重大项目开工建设，总投资超过800亿元。", "开工"),
])
def test_an_uncounted_crowd_describes_a_trend(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


# Full stories as portals publish them: headline, lead, then background paragraphs.
_STORY_BODY = "\n".join([
    "本报讯（记者 张明）10月12日上午，总投资50亿元的某新能源电池项目在某市经济开发区正式开工建设。",
    "该项目由某集团投资建设，将建设年产10GWh电池生产线，预计2026年建成投产。",
    "近年来，开发区引进了一大批新能源企业，其中15个项目已建成投产。",
])


@pytest.mark.parametrize("title,body,stage", [
    ("某新能源电池项目开工", _STORY_BODY, "开工"),  # the headline wins
    ("某市经济开发区奋力冲刺四季度", _STORY_BODY, "开工"),  # the lead states what happened
    # A reform of a works stated as a renewal (改造, 扩建) is a work too.
    ("某市经济开发区奋力冲刺四季度", "10月12日，某钢铁公司搬迁改造正式开工。\n公司表示，明年将全面投产。", "开工"),
    # Lead and next paragraphs with only plans, policies and trends: no stage.
    ("某市召开优化营商环境大会",
     "10月12日，某市召开优化营商环境大会。\n会议要求，对已签约的项目要加快推动开工、早日投产。\n"
     "近年来，许多企业前来洽谈合作。", None),
])
def test_full_stories_headline_then_lead(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("title,body,stage", [
    # A whole country, province or village as the subject sums up many works.
    ("", "经过多年努力，我国已建成世界上规模最大的高速铁路网。", None),
    ("", "如今，全村建成了年成交额过千万元的蔬菜批发市场。", None),
    # One event named, or a first, is one report.
    ("", "今天，全市42个重点项目集中开工。", "开工"),
    ("", "全省首个氢能产业园日前建成投产。", "投产"),
    ("", "全省一批重大项目开工建设，总投资超过600亿元。", "开工"),  # a batch with its investment, as a crowd
    ("全省一季度重大项目开工 总投资超千亿", "", "开工"),  # a headline states its story's event
])
def test_a_whole_country_or_village_as_subject_describes_a_trend(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


def test_a_citys_built_up_area_is_no_completion() -> None:
    assert extract_facts("", "该市建成区内的公园绿地服务半径覆盖率达到90%。").stage is None


@pytest.mark.parametrize("body,stage", [
    # A span summed up, or works done one after another: background of the period.
    ("近年来，某县先后建成了体育馆、图书馆等公共设施。", None),
    ("今年以来，某区新材料产业园已有多家企业的生产线投产。", None),
    # One event named in the sentence is reported.
    ("今年以来，某区加快项目建设，某新材料产业园今天正式投产。", "投产"),
])
def test_a_span_summed_up_is_background(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body,stage", [
    ("某矿业集团年产300万吨的某煤矿日前建成投产。", "投产"),
    ("城东新区的安置小区今天竣工，800户居民将陆续入住。", "竣工"),
    ("连接两镇的滨江大道昨天建成通车。", "竣工"),
])
def test_more_works_a_stage_is_reached_by(body: str, stage: str) -> None:
    assert extract_facts("", body).stage == stage

# -- session 8: principled checks, each stated for text not seen ---------------------------------


@pytest.mark.parametrize("body", [
    # The investment word belongs to another noun phrase, in another comma clause.
    "要稳投资促消费，推动今年800亿元专项资金尽早下达。",
    "各地加大有效投资力度，今年1000亿元专项债券已发行完毕。",
])
def test_an_investment_word_governs_only_its_own_comma_clause(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title,body,amount", [
    ("", "本届博览会上，文旅项目集中签约56.5亿元。", 56.5e8),
    ("", "会上，某市现场签约12亿元的新材料项目。", 12e8),
    ("某洽谈会项目签约超80亿元", "某洽谈会今天闭幕，共有30个项目集中签约86.2亿元。", 86.2e8),
])
def test_a_signing_right_before_its_amount_is_the_signed_total(title: str, body: str, amount: float) -> None:
    assert extract_facts(title, body).amount == pytest.approx(amount)


def test_a_signing_does_not_reach_past_other_words_to_an_amount() -> None:
    # 签约 governs only the amount right after it (a bound at most): here a sales figure.
    assert extract_facts("", "两家公司签约后当年销售额8亿元。").amount is None


@pytest.mark.parametrize("body", [
    "大赛闭幕，优秀项目获意向投资额超过20亿元。",
    "这家初创企业获天使轮投资5000万元。",
    "该公司去年获得了战略投资3亿元。",
])
def test_money_received_is_financing_whatever_stands_between(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_an_approved_project_still_states_its_investment() -> None:
    # 获批 (approved) receives no money: the project's own total stays.
    assert extract_facts("", "某水库工程获批，总投资12亿元。").amount == pytest.approx(12e8)


@pytest.mark.parametrize("body", [
    "“十五五”时期，某省水利投资预计超过3000亿元。",
    "十四五期间，全市交通投资将达800亿元。",
])
def test_a_five_year_plans_span_is_a_programmes_figure(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title,body,amount", [
    # Companies, vessels or a threshold class of projects summed up: a tally, not a project.
    ("", "全镇走访的50家企业中，有18家企业已备案，总投资额超过3亿元。", None),
    ("", "当地远洋渔船达到200多艘，装备了卫星导航，总投资近6亿元。", None),
    ("", "调查显示，1000万元以上的技改项目进展顺利，总投资超过9亿元。", None),
    # One event's batch, or a named work's own total, keeps its amount.
    ("", "今天，12家企业集中签约，总投资额达30亿元。", 30e8),
    ("", "某港新建3艘渡轮的码头项目总投资2亿元。", 2e8),
])
def test_a_total_over_many_without_an_event_is_a_tally(title: str, body: str, amount: Optional[float]) -> None:
    got = extract_facts(title, body).amount
    assert got == (pytest.approx(amount) if amount else None)


def test_a_work_named_before_a_spending_word_ties_the_spending_to_it() -> None:
    body = "在某县，今年启动的堤防加固工程投入的6500万元中，4000万元为国债资金。"
    assert extract_facts("", body).amount == pytest.approx(6500e4)


@pytest.mark.parametrize("body", [
    "全省高速公路在建项目总投资3000亿元，进展顺利。",
    "全县农村道路建设投资达5亿元，惠及群众。",
    "2025年全区工业投资规模扩大至2000亿元。",
])
def test_a_whole_areas_figure_is_no_projects_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_whole_areas_first_is_still_one_project() -> None:
    assert extract_facts("", "全省首个海上光伏项目总投资15亿元，今天开工。").amount == pytest.approx(15e8)


@pytest.mark.parametrize("body", [
    "研发投入很大，如某公司开发一种新药要投资10多亿美元，但上市后价格逐年下降。",
    "这类项目花费不小，比如一座大型游乐园要投资50亿元。",
    "这次整合，相当于再造一个投资100亿元的大型企业。",
])
def test_an_example_clause_illustrates_and_states_no_investment(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_as_scheduled_is_no_example() -> None:
    assert extract_facts("", "某大桥如期开工，总投资30亿元。").amount == pytest.approx(30e8)


@pytest.mark.parametrize("title,body,amount", [
    # A count of projects with a total, but no event that makes them one batch: a tally.
    ("", "某集团已经上新了20多个项目，总投资达200亿元。", None),
    ("", "某区储备了重点项目60个，总投资500亿元。", None),
    # One event's batch: the sentence, the one before it, or the headline reports it.
    ("", "某市今天举行重大项目推进会。参会的60个项目总投资500亿元，涉及多个领域。", 500e8),
    ("某县30个项目集中开工", "这些项目总投资达80亿元，涵盖制造业和基础设施。", 80e8),
    ("", "本届博览会共有40个项目达成合作，总投资额120亿元。", 120e8),
])
def test_a_roundup_needs_one_event_that_makes_it_a_batch(title: str, body: str, amount: Optional[float]) -> None:
    got = extract_facts(title, body).amount
    assert got == (pytest.approx(amount) if amount else None)


@pytest.mark.parametrize("body,amount,currency", [
    ("该大桥总造价6亿元，今天通车。", 6e8, "CNY"),  # a work's construction cost
    ("项目总投资1.2亿美金，明年投产。", 1.2e8, "USD"),  # 美金: the colloquial dollar
    ("某集团斥资10亿元打造的文旅综合体开业。", 10e8, "CNY"),
    ("某公司增资5亿元扩建生产线。", 5e8, "CNY"),  # added capital that builds one work
])
def test_more_ways_of_stating_one_works_investment(body: str, amount: float, currency: str) -> None:
    facts = extract_facts("", body)
    assert (facts.amount, facts.currency) == (pytest.approx(amount), currency)


@pytest.mark.parametrize("body", [
    "这条高速公路每公里造价1.2亿元。",  # a rate per unit
    "某公司增资5亿元，补充流动资金。",  # added capital that builds nothing
])
def test_a_rate_or_capital_that_builds_nothing_is_no_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title,body,amount", [
    # Headlines size the work with no investment word; the lead's precise figure fills the round one in.
    ("某市30亿元新能源项目开工", "今天，某市新能源项目开工。", 30e8),
    ("某市30亿元新能源项目开工", "今天，某市新能源项目开工，总投资30.5亿元。", 30.5e8),
    ("", "一个50亿元的芯片项目今天落户某区。", 50e8),
    # Not under a plan, not several works, not a size class, not money handed to the work.
    ("", "论坛还将推动超1000亿元项目签约。", None),
    ("", "某省多个超百亿元的化工项目开工建设。", None),
    ("", "一批百亿级储能项目启动建设。", None),
    ("", "某县获得3000万元项目资金，工程开工。", None),
])
def test_an_amount_that_sizes_a_work_reaching_a_stage(title: str, body: str, amount: Optional[float]) -> None:
    got = extract_facts(title, body).amount
    assert got == (pytest.approx(amount) if amount else None)


@pytest.mark.parametrize("body", [
    "今年前三季度，某省民间投资达2000亿元。",  # a sector's investment, named by its kind
    "某市高新技术产业投资达到200亿元。",
    "某市城建投资达到150亿元。",
    "某市制造业投资完成300亿元。",  # completed: a statistic whichever side of the word 完成 stands
    "该行动计划总投资3000亿元，涵盖五大领域。",  # a programme's total
    "该政策撬动社会投资500亿元。",  # drawn in
    "此举拉动有效投资200亿元。",
    "入园项目投资强度达到400万元/亩。",  # a rate
])
def test_a_sectors_programmes_or_drawn_in_figure_is_no_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body,amount", [
    ("某企业投资1.5亿元新上一条生产线。", 1.5e8),  # a company invests: no sector
    ("某市政府投资6000万元，拓宽了进港道路。", 6e7),
    ("该项目规划总投资60亿元，今天开工。", 60e8),  # a project's planned total
])
def test_an_investor_or_a_projects_plan_is_no_sector(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == pytest.approx(amount)


@pytest.mark.parametrize("title,body,amount", [
    ("", "某市列入省重点的项目有45个，总投资900亿元。", None),  # "项目有N个" counts projects too
    ("", "这些项目总投资100亿元，建成后年产值200亿元。", None),  # 建成后: a condition, no event
    ("", "某省发布今年重点项目清单，共安排项目600个，总投资1.5万亿元。", None),  # a year's list
    ("", "这些项目今天集中开工，总投资100亿元。", 100e8),
])
def test_what_is_and_is_not_one_events_batch(title: str, body: str, amount: Optional[float]) -> None:
    got = extract_facts(title, body).amount
    assert got == (pytest.approx(amount) if amount else None)


@pytest.mark.parametrize("body", [
    "某公司投资5亿元入股某企业。",
    "某集团拟投资20亿元收购某公司51%股权。",
    "某公司投资10亿元设立产业投资基金。",
])
def test_a_stake_or_a_fund_builds_no_work(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_run_of_years_between_word_and_amount_dates_the_figure() -> None:
    body = "某峰会今天闭幕，产业合作大会签约项目80余项，签约金额连续3年超500亿元。"
    assert extract_facts("", body).amount == pytest.approx(500e8)


@pytest.mark.parametrize("body,amount", [
    # A signed total after a count of signed projects is the batch's, whatever the total word.
    ("某洽谈会今天闭幕，签约项目60个，签约金额300亿元。", 300e8),
    # A forecast of a signing is no event's batch.
    ("某洽谈会今天开幕，预计签署合作项目200多个，签约金额近2000亿元。", None),
])
def test_a_signed_batchs_total_and_a_forecast_one(body: str, amount: Optional[float]) -> None:
    got = extract_facts("", body).amount
    assert got == (pytest.approx(amount) if amount else None)


@pytest.mark.parametrize("body,amount", [
    # A work's own figure: a statistic or a period in another comma clause reports something else.
    ("某高速公路项目总投资120亿元，目前累计完成投资80亿元。", 120e8),
    ("今年以来，总投资50亿元的某港口项目加快建设。", 50e8),
    ("截至目前，总投资60亿元的某大桥已完成主体工程。", 60e8),
    ("某LNG接收站总投资100亿元，同比去年提前一个月投产。", 100e8),
    # Not when the sentence counts projects: then the period's statistic is theirs.
    ("1—9月，全国新开工公路项目299个，项目总投资8000亿元。", None),
])
def test_a_works_own_figure_beside_a_statistic_of_something_else(body: str, amount: Optional[float]) -> None:
    got = extract_facts("", body).amount
    assert got == (pytest.approx(amount) if amount else None)


@pytest.mark.parametrize("body", [
    # A sentence that counts projects or works is no one work's: its period or statistic stands.
    "截至目前，某区在建项目超过60个，项目总投资超过400亿元。",
    "截至目前，某园区新建厂房12栋、泊位5个，项目总投资超过40亿元。",
])
def test_a_sentence_that_counts_is_no_one_works(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title,body,amount", [
    # The funds of a signed batch's contracts are its total (a real 荣昌 story's shape).
    ("某区“招商引资季”集中签约仪式", "12月26日，某区集中签约仪式举行。此次集中签约项目共60个，合同资金224.9亿元，"
     "其中工业项目45个，合同资金125亿元。重点引进了某集团拟投资50亿元的总部基地项目。", 224.9e8),
    # A batch that starts and completes works at one event (集中开竣工) is one event's batch.
    ("某市2021年第二季度重大项目集中开竣工", "据了解，参加某市2021年第二季度重大项目集中开竣工项目共72个，"
     "涵盖冶金机械等领域，总投资326.83亿元，年度计划投资约62.74亿元。", 326.83e8),
])
def test_a_signed_batchs_contract_funds_and_a_start_and_completion_batch(title: str, body: str, amount: float) -> None:
    facts = extract_facts(title, body)
    assert facts.amount == pytest.approx(amount) and facts.kind == "roundup", facts


def test_a_reporting_date_is_no_event_and_a_period_names_no_project() -> None:
    # "6月16日，记者…了解到": the date of the report; the five months' signings are a tally, no roundup.
    facts = extract_facts("某县前5个月新签约项目10个", "6月16日，记者在某县采访了解到，今年前5个月，"
                          "全县新签约项目共10个，计划总投资56.77亿元。")
    assert facts.kind != "roundup", facts
    assert extract_facts("某县9个现代农业招商项目集中签约", "今日上午，某县举行现代农业产业链2022年上半年"
                         "招商项目集中签约仪式。").project is None


@pytest.mark.parametrize("title,body,stage,project", [
    # A part of the work done is not the work's completion: the work is under way, 开工 (session 27's convention).
    ("某新能源电池项目预计年底投产", "项目总投资20亿元，目前主体工程已完工。", "开工", "某新能源电池项目"),
    # "合作建设", "拟建于": the verb and the site are no part of the name.
    ("某市与某集团签约", "双方将合作建设某某新材料产业园。", "签约", "某某新材料产业园"),
    # (session 55) an assessment's report put out for comment is the assessment under review: 评审, as the readers of
    # sessions 54–55 label it (7 of 8 pages); before, no stage.
    ("某项目环评报告公示", "某项目拟建于某县工业园，总投资3亿元。", "评审", None),
])
def test_a_parts_completion_and_the_words_around_a_name(title: str, body: str, stage: Optional[str],
                                                       project: Optional[str]) -> None:
    facts = extract_facts(title, body)
    assert (facts.stage, facts.project) == (stage, project), facts


def test_an_amount_in_a_foreign_currency_is_no_part_of_a_project_name() -> None:
    assert extract_facts("", "德国某公司投资1.5亿欧元建设的汽车零部件工厂今天投产。").project == "汽车零部件工厂"

def test_an_area_figure_in_another_comma_clause_leaves_the_project_its_own_total() -> None:
    # "全县工业投资增长12%" is the county's statistic; the project's own clause states its total.
    # AREA_WIDE was read from the clause break, so the county's figure took the project's away.
    facts = extract_facts("", "据统计，全县工业投资增长12%，某某纺织项目总投资3亿元，已开工。")
    assert facts.amount == 3e8
    # The area's own figure stays no project's.
    assert extract_facts("", "据统计，全县工业投资达到120亿元。").amount is None


def test_a_demonstrative_place_and_a_verb_are_no_part_of_a_works_name() -> None:
    facts = extract_facts("", "近日，某某公司与某县签订了投资协议，在该县建设光伏电站。")
    assert facts.project in (None, "光伏电站")


def test_a_five_year_plans_works_are_no_project() -> None:
    assert extract_facts("聚焦“十四五”规划重大工程", "").project is None


def test_a_visitor_is_no_part_of_the_project_name() -> None:
    assert project_reading("", "今天上午，市委书记到某某新材料项目现场调研，了解项目进展。") == "某某新材料项目"


def test_a_count_after_the_stage_verb_makes_a_batch_and_the_stock_markets_are_no_city() -> None:
    facts = extract_facts("某市重大项目开工", "今天，全市10亿元以上项目开工23个，总投资500亿元。")
    assert facts.kind == "roundup", facts
    assert extract_facts("", "投资者在沪、深两市开户。").places == ()  # 沪深: the two exchanges


def test_a_batch_started_and_completed_written_with_brackets() -> None:
    facts = extract_facts("我市45个重点产业项目集中开(竣)工", "12月4日上午，我市第二批45个重点产业项目举行集中开(竣)工仪式，"
                          "总投资131.96亿元。")
    assert (facts.stage, facts.kind) == ("竣工", "roundup"), facts
