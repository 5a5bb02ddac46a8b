"""Investment facts on real newspaper text: one made-up sentence per error class.

The classes were found on the dev split of the real collected paragraphs
(docs/benchmarks.md, "Investment facts"); each sentence here is written for the test, not
taken from the gold set.
"""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts
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
    # With a headline the body still needs a word twice.
    assert extract_facts("某县新项目", "某县投资9000万元建设鱼类养殖基地。").industry == ()


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
    assert facts.amount == pytest.approx(900e8)  # the lead's 932亿 is in a sentence with 累计


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
