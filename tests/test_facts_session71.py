"""Session 71, checked on made-up stories: the worse cases session 70's second code review left unmended, each class with
the story the session-70 reading must still keep.

- The event's own work's figure ("此次开工的某光伏项目，总投资6亿元") is not the story's where other works' own totals follow
  it: a progress round-up, no amount; where only earlier figures stand before it (the programme's, another part's) it is.
- A batch's activity as one work's setting ("在…集中开工活动中，某区分会场…开工") is a batch of the story's own where its
  event's sentence lists works before its verb: with 以及, a comma before their shared verb, or 、 between two works each
  ending in a work noun ("某某电子厂房、某某零部件车间开工"); one work's parts ("门诊楼、住院楼项目") and officials are no
  works. (Left: "某某汽车零部件、某某标准厂房项目", a product word before 、, reads as one work's.)
- An institution's 共投资 buying equipment ("该医院共投资1200万元，引进了核磁共振等一批先进设备") is its spending, no work's
  investment; a base's ("该基地共投资246万元，建设标准化圈舍") and a project's buying its plant's equipment stay the work's.
- A headline's figure cut short past the point ("投资1.5亿元建设第二中学") stands for the lead's ("1.56亿元") only when the
  lead's sentence names no other kind of work (a school is not a hospital); a whole number's cut ("投资14亿！" over
  "匡算投资14.25亿元") as before.
- A phase's figure named by 的 yields to a whole told after it, not to another work's or place's total ("项目所在的某产业
  园总投资20亿元", "此外，相邻的总投资2亿元的某物流园项目").
- A park named after a county of another province inside a zone ("上海张江高新区平湖园区", "北京经开区永清园区") keeps that
  county's place when the story names its prefecture or province too (a co-built park); else it stays the zone's place
  alone ("西宁经济技术开发区南川工业园区", "上海漕河泾开发区浦江园区").
- (Session 71's code review, 115 made-up stories against FACTS_VERSION 151: 24 worse; mended, FACTS_VERSION 154: 0 worse,
  17 better. Its cases are among the tests below.)
- Read from n60–n62's misses (FACTS_VERSION 149–155): a province's story of no project over its cities (several, or one
  in passing) has no city, one work sited in a city keeps it; 伊宁 gives its prefecture; 和 before a longer word opens no
  place; 引进金额 and "签约，资金达" are a signed batch's sum (not technology bought in); a count's class without 的;
  总投; 该项目 after a semicolon; trades listed are no purchases; a bare 项目 opening a feature names no work; a
  subheading lead passes the headline's restating on; kinds of works carried out before 等项目 are a programme's; a
  deadline's 日前 is no done word.
- (The second code review, 123 fresh stories against 155: 24 worse; mended, 156: 1 worse, 21 better. Its cases close the
  file; all 238 review stories are kept in bench/data/facts/reviews/.)

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts


def test_the_events_work_is_no_storys_when_other_works_totals_follow() -> None:
    facts = extract_facts("", (
        "今年以来，某区全力推进项目建设。某某产业园项目总投资12亿元，一期已建成。此次开工的某某光伏组件项目，总投资6亿元，年产组件2GW。"
        "同日，某某储能电池项目也在加紧建设，该项目总投资4亿元。某某新材料项目总投资3亿元，正在进行设备安装。"))
    assert facts.amount is None


def test_the_events_work_after_the_programmes_figures_stays_the_storys() -> None:
    facts = extract_facts("", (
        "据介绍，某市5万头现代牧场项目是某产业集群项目的重要组成部分，计划总投资22.65亿元，设计存栏5万头。该项目计划建设三个分牧场，"
        "其中，位于某镇的万头有机牧场，占地面积56万平方米，总投资4.85亿元，于4月初复工。此次开工的某某奶牛生态牧场项目，位于某区某镇，"
        "占地面积98万平方米，总投资约5.4亿元，规划建设一座万头有机牧场。\n据了解，该项目依托当地资源禀赋，以发展生态奶牛养殖基地促进农民增收。"))
    assert facts.amount == 540_000_000


@pytest.mark.parametrize("lead, later", [
    ("3月3日，在某市第一批重大项目集中开工活动中，某县某某物流园项目，某某农产品加工项目开工。",
     "其中，某某物流园项目总投资3亿元，占地200亩。"),
    ("3月3日，在全市重点项目集中开工活动中，某区某某智能制造项目以及某某新能源项目正式开工。",
     "某某智能制造项目总投资6亿元，建设年产10万台智能装备生产线。"),
    ("3月3日，在全市重点项目集中开工活动中，某区分会场某某电子厂房、某某零部件车间开工建设。", "某某电子厂房项目总投资2亿元。"),
])
def test_works_listed_at_a_batchs_setting_are_a_batch_without_a_total(lead: str, later: str) -> None:
    assert extract_facts("", lead + "\n" + later).amount is None


@pytest.mark.parametrize("lead, later, amount", [
    # officials listed in a later sentence are no works
    ("3月3日上午，在某市2020年“产业项目建设年”第一次集中开工活动中，某区分会场某某新型环保建材制造基地项目开工仪式顺利进行。"
     "区委常委、常务副区长某某宣布项目开工。", "据悉，某某新型环保建材制造基地项目位于某科技工业园。项目总投资10亿元，总用地面积108亩。",
     1_000_000_000),
    # 及 inside one work's name
    ("3月3日，在全市重点项目集中开工活动中，某区某某研发及生产基地项目正式开工。", "该项目总投资6亿元，建设年产10万台智能装备生产线。",
     600_000_000),
    # one work's parts listed with 、, and officials listed after the verb (session 71's review)
    ("2月20日，在某市第一批重大项目集中开工活动中，某县分会场某某人民医院门诊楼、住院楼项目开工。", "该项目总投资3.5亿元，新增床位600张。",
     350_000_000),
    ("3月18日，在某市一季度重大项目集中开工活动中，某县分会场某某智能制造项目开工，市委书记王某、某园区党工委书记李某出席。",
     "该项目总投资7亿元，主要建设智能装备生产线。", 700_000_000),
])
def test_one_work_at_a_batchs_setting_keeps_its_figure(lead: str, later: str, amount: float) -> None:
    assert extract_facts("", lead + "\n" + later).amount == amount


def test_an_institutions_sum_buying_equipment_is_no_works_investment() -> None:
    facts = extract_facts("", "为提升诊疗水平，该医院共投资1200万元，引进了核磁共振、数字化X光机等一批先进设备。")
    assert facts.amount is None


def test_a_bases_sum_building_it_stays_its_works() -> None:
    facts = extract_facts("", "某某养殖基地位于某镇，该基地共投资246万元，建设标准化圈舍8栋，于近日投产。")
    assert facts.amount == 2_460_000


@pytest.mark.parametrize("title, body, amount", [
    # another work's figure in the lead: the headline's stands
    ("某县投资1.5亿元建设第二中学", "近日，某县人民医院门诊楼项目顺利竣工，该项目总投资1.56亿元，建筑面积3万平方米。县委书记表示，要加快推进"
     "第二中学等一批民生工程建设。", 150_000_000),
    # the headline's work pointed back to: the lead's precise figure
    ("某公司投资1.5亿元建设新厂", "5月8日，某公司新厂项目举行奠基仪式。该项目投资概算1.53亿元，年产值预估10亿元。", 153_000_000),
    # a whole number cut short, as before session 70
    ("投资14亿！某县再添重大项目", "近日，某县与某集团签约，某新材料项目匡算投资14.25亿元，建设年产5万吨生产线。", 1_425_000_000),
])
def test_a_headlines_figure_cut_short_past_the_point_needs_its_work_in_the_lead(title: str, body: str, amount: float) -> None:
    assert extract_facts(title, body).amount == amount


@pytest.mark.parametrize("body", [
    "近日，投资近5000万元的该项目一期工程主体设备、厂房已全部建设完毕，即将进入试生产阶段。项目所在的某某新材料产业园总投资20亿元，规划面积3000亩。",
    "投资3000万元的该项目一期工程已经投产，此外，相邻的总投资2亿元的某物流园项目也在加紧建设。",
])
def test_a_phase_does_not_yield_to_another_works_total(body: str) -> None:
    facts = extract_facts("", body)
    assert facts.amount is not None and facts.amount < 60_000_000


def test_a_phase_still_yields_to_its_projects_whole() -> None:
    assert extract_facts("某公司项目开工", "据悉，该项目一期投资15亿元，二期投资25亿元，总投资40亿元，主要建设锂电池生产线。").amount == 4_000_000_000


@pytest.mark.parametrize("title, body, county", [
    ("上海张江高新区平湖园区项目开工", "近日，上海张江高新区平湖园区内的某智能装备项目正式开工，总投资5亿元。该园区由沪浙两地共建，地处浙江嘉兴。",
     "平湖市"),
    ("", "11月5日，北京经开区永清园区某新能源汽车零部件项目签约，项目总投资8亿元。该园区是京冀共建园区，位于河北廊坊。", "永清县"),
])
def test_a_co_built_park_keeps_the_county_it_lies_in(title: str, body: str, county: str) -> None:
    assert county in {place.county for place in extract_facts(title, body).places}


def test_a_park_named_after_a_town_of_the_zones_own_city_names_no_county_elsewhere() -> None:
    facts = extract_facts("", "近日，上海漕河泾开发区浦江园区某生物医药项目正式开工，总投资5亿元。")
    assert all(place.province == "上海市" for place in facts.places)


def test_a_citys_zone_park_named_after_a_far_county_stays_the_citys() -> None:
    facts = extract_facts("", "日前，西宁经济技术开发区南川工业园区某锂电材料项目开工，总投资12亿元。项目建成后年产正极材料2万吨。")
    assert [place.city for place in facts.places] == ["西宁市"]


@pytest.mark.parametrize("title, body", [
    ("补短板 促就业 稳增收——某省向脱贫“硬骨头”发起总攻".replace("某省", "贵州"),
     "在位于遵义市道真县的某生物科技有限公司现代化杏鲍菇生产基地，300多名工人紧张有序地忙碌着。\n今年以来，贵州继续推行省级领导领衔推进"
     "特色产业，要求每个县聚焦1个至2个产业。\n黔西南州兴义市农副产品交易市场建设项目，是兴义市农业产业结构调整的重要载体。"),
    ("青海农村公路通车里程再创新高", "截至目前，青海省农村公路总里程达到5万公里，通畅率达到94.8%。其中，西宁市湟中区、海东市乐都区和"
     "海西州格尔木市的通村公路全部硬化。"),
])
def test_a_provinces_story_of_no_project_over_its_cities_has_no_city(title: str, body: str) -> None:
    facts = extract_facts(title, body)
    assert facts.amount is None and facts.stage is None
    assert [place.city for place in facts.places] == [""]


@pytest.mark.parametrize("title, body, city", [
    # one city gone to, with a firm from a city of elsewhere
    ("", "这几天，河北省正在筛选全省产业园区，确定重点承接京津产业转移的平台。在河北沧州渤海新区生物医药产业园，北京10家生物医药企业在几天前"
         "集体入驻。园区在年初就实现了基础设施的“九通一平”。", "沧州市"),
    # a province's aid to another's cities
    ("", "福建致力实施扶贫方针。福建省财政无偿支援宁夏2100万元，帮助西海固地区打井窖1.5万眼，并在西吉县移民基地兴建了闽宁村。", "固原市"),
])
def test_a_provinces_story_going_to_one_city_or_another_provinces_keeps_it(title: str, body: str, city: str) -> None:
    assert next(place.city for place in extract_facts(title, body).places if place.city) == city


@pytest.mark.parametrize("sum_word", ["引进金额", "引进资金", "总投资"])
def test_a_signed_batchs_sum_brought_in_is_its_total_over_the_class_of_each_work(sum_word: str) -> None:
    facts = extract_facts("望奎34个重点项目集中签约", (
        f"3月17日上午，望奎县举行项目集中签约仪式，34个投资超3000万元项目集中签约，{sum_word}48.53亿元，全部达产后可实现产值近40亿元。"))
    assert (facts.amount, facts.kind) == (4_853_000_000, "roundup")


def test_a_years_funds_brought_in_stay_a_tally() -> None:
    facts = extract_facts("", "2022年，全盟实施招商引资项目103项，引进到位资金184.2亿元，同比增长111%。")
    assert facts.amount is None


def test_a_name_shared_by_a_prefectures_city_and_county_gives_the_prefecture() -> None:
    facts = extract_facts("", (
        "2012年9月16日下午，伴随着最后一方混凝土的浇筑到位，新疆伊宁基地生活区4#楼工程正式完成主体结构的封顶。本工程由某能源有限公司投资兴建，"
        "是公司开辟新疆市场的第一个工程。"))
    assert facts.places[0].city == "伊犁哈萨克自治州"


def test_a_bare_works_word_opening_a_feature_names_no_work() -> None:
    facts = extract_facts("某县：项目建设蓄势聚力干劲足", (
        "2024-04-15 17:05 来源：某某网\n\n项目是经济发展的“火车头”和“压舱石”。某县把项目建设作为促进县域经济高质量发展的基本盘，各项目建设点"
        "抢工期、赶进度。\n\n四月的某县，生机勃发。记者走进某某新材料有限公司锚栓组合件生产加工项目建设现场，工人们干劲十足。\n\n据了解，该项目总投资约"
        "8000万元，占地面积约52亩。\n\n同样在某县种子加工厂及仓储中心建设项目施工现场，一座现代化标准厂房已具规模。"))
    assert facts.amount is None


def test_a_work_pointed_at_after_a_semicolon_is_no_span_of_the_clause_before() -> None:
    facts = extract_facts("某县与某重工签约", (
        "4月26日，某县海洋产业深远海养殖装备项目合作意向签约仪式在县人民会堂举行。\n预计某县未来三年养殖年产量将增加20万吨，其中鲍鱼养殖将"
        "增加8万吨；该项目预计投资建设金额为200亿元人民币。"))
    assert facts.amount == 20_000_000_000


def test_a_trade_listed_among_a_batchs_sectors_is_no_purchase_contract() -> None:
    facts = extract_facts("2021某渔博会15个项目签约", (
        "3日，2021某渔博会重点项目签约仪式在某会展中心举行。本届渔博会签约项目共15个，签约总金额达242.43亿元，涵盖海洋工程、水产加工、"
        "冷链物流、水产购销、水产养殖等产业。"))
    assert (facts.amount, facts.kind) == (24_243_000_000, "roundup")


def test_purchase_contracts_signed_stay_none() -> None:
    facts = extract_facts("", "3日，某进口博览会采购签约仪式举行，各采购商现场签约，总签约额近22亿元，采购产品涵盖机械设备、食品等。")
    assert facts.amount is None


def test_funds_right_after_a_signing_are_its_sum() -> None:
    facts = extract_facts("", "某某节暨某县招商推介会18日在北京举行。推介会上，共有49个项目签约，资金达50.6亿元。")
    assert (facts.amount, facts.kind) == (5_060_000_000, "roundup")


def test_a_total_cut_short_before_its_figure_is_read() -> None:
    facts = extract_facts("某镇升级改造供水工程", "据了解，某镇集镇供水升级改造工程总投180多万元，项目包括新建1200平方米的供水厂房。")
    assert facts.amount == 1_800_000


def test_a_headlines_year_figure_restated_after_a_subheading_lead_is_a_programme() -> None:
    facts = extract_facts("2011年某港建设投资135亿", (
        "共建设项目150余项\n今年，某港将高水平规划，高标准建设，全年计划投资135亿元，共建设项目150余项，新开工项目86项，年内完工重点项目30余项。"))
    assert facts.amount is None


@pytest.mark.parametrize("title, body, amount", [
    ("某县金刚石微粉生产线项目建成投产", "近日，某某超硬材料公司金刚石微粉生产线项目正式投产。该项目共投资5000万元，购置了先进生产设备36台套，"
     "建成微粉生产线2条。", 50_000_000),
    ("某县食品检测中心项目竣工", "日前，某县食品检测中心项目竣工。该项目共投资1.2亿元，主要用于购置检测设备和建设检测用房。", 120_000_000),
])
def test_a_projects_sum_buying_equipment_stays_its_investment(title: str, body: str, amount: float) -> None:
    assert extract_facts(title, body).amount == amount


@pytest.mark.parametrize("title, body, amount", [
    ("投资3.8亿元！某市新建一所三甲医院", "日前，某市中心医院东院区建设项目获批立项，总投资3.82亿元，设置床位800张。", 382_000_000),
    ("投资2.2亿元，这所学校开建了", "5月6日，某县第三中学新校区建设项目举行开工仪式，项目总投资2.28亿元，规划办学规模72个班。", 228_000_000),
])
def test_a_headlines_figure_cut_short_stands_for_the_same_kind_of_works(title: str, body: str, amount: float) -> None:
    assert extract_facts(title, body).amount == pytest.approx(amount)


@pytest.mark.parametrize("body, amount", [
    ("3月18日，某某锂电池项目在某县工业集中区开工。项目分两期建设，一期投资10亿元，二期建成后总投资达30亿元。", 3_000_000_000),
    ("3月1日，某县某某纺织项目开工建设。项目分三期建设，一期投资5亿元，全部三期建成后总投资25亿元。", 2_500_000_000),
])
def test_a_phase_yields_to_the_whole_told_with_its_later_phases(body: str, amount: float) -> None:
    assert extract_facts("某县某某项目开工", body).amount == amount


def test_a_conjunction_before_a_longer_word_opens_no_place() -> None:
    facts = extract_facts("", "5月20日，集团副总经理在某农场有限公司接待某集团考察团一行。此次考察主要目的是学习江苏农垦三夏工作和田间管理经验。")
    assert "和田地区" not in {place.city for place in facts.places}


def test_a_place_after_a_conjunction_is_still_read() -> None:
    assert extract_facts("", "近日，某公司在喀什和和田投资建设纺织项目，总投资5亿元。").places[0].city in {"喀什地区", "和田地区"}


@pytest.mark.parametrize("title, body", [
    ("某省投入170亿元建设七项重大水利工程".replace("某省", "吉林省"),
     "今年，吉林省确定投入170亿元，建设包括中部城市引松供水、西部河湖连通、松原灌区等七项重大水利工程。"),
    ("宁夏加快病险水库除险加固", "记者从宁夏回族自治区水利厅了解到，“十二五”期间，宁夏将对61座小型病险水库进行除险加固。另外，宁夏将加强"
     "城市防洪排涝工程建设，银川等重点城市防洪标准将达到百年一遇。"),
])
def test_a_provinces_story_of_no_project_over_one_city_seen_in_passing_has_no_city(title: str, body: str) -> None:
    facts = extract_facts(title, body)
    assert facts.amount is None and facts.stage is None
    assert [place.city for place in facts.places] == [""]


@pytest.mark.parametrize("title, body, city", [
    ("某省首个海上风电制氢示范项目获国家支持".replace("某省", "广东"),
     "日前，位于阳江市的某某海上风电制氢示范项目入选国家能源局氢能试点名单。该项目由广州某某能源集团投资建设。", "阳江市"),
    ("吉林首个生物质热电联产项目进入前期", "该项目选址于松原市前郭县，由长春某某集团投资，目前已完成可研编制。", "松原市"),
])
def test_a_provinces_headline_over_one_work_sited_in_a_city_keeps_it(title: str, body: str, city: str) -> None:
    assert extract_facts(title, body).places[0].city == city


def test_a_sum_over_kinds_of_works_listed_before_dengxiangmu_is_a_programmes() -> None:
    facts = extract_facts("某县综合治理某河流域", (
        "某县近日成立了某河流域综合开发领导小组。截至目前，领导小组共筛选各类项目43个。规划到2025年，投资56亿元实施中型水库、节水配套、"
        "高标准农田及特色养殖基地建设等项目。"))
    assert facts.amount is None


def test_a_deadlines_day_is_no_done_word() -> None:
    facts = extract_facts("", "某某高标准农田建设示范项目即将建成。项目去年末开始建设，预计在3月25日前全部完工并投入使用。")
    assert facts.stage != "竣工"


# Session 71's second code review (123 fresh made-up stories against FACTS_VERSION 155: 24 worse, 21 better; mended,
# FACTS_VERSION 156: 1 worse, a label the reviewer called weak). Its cases, rewritten:
@pytest.mark.parametrize("title, body, city", [
    ("湖南新增一家国家级示范物流园区", "近日，国家发展改革委公布第四批国家示范物流园区名单，衡阳市白沙洲物流园榜上有名。该园区规划面积5.2平方公里。",
     "衡阳市"),
    ("浙江首座跨海公铁两用大桥开展前期研究", "目前，舟山市某某跨海公铁两用大桥工程正在开展前期研究工作，相关部门已完成工程预可行性研究。", "舟山市"),
])
def test_a_provinces_headline_over_one_city_named_plainly_keeps_it(title: str, body: str, city: str) -> None:
    assert extract_facts(title, body).places[0].city == city


def test_one_sites_buildings_listed_before_dengxiangmu_are_one_works() -> None:
    assert extract_facts("南岳景区提质改造项目启动", (
        "近日，南岳区投资1.2亿元，建设游客服务中心、生态停车场、旅游厕所等项目，全面提升景区接待能力。")).amount == 120_000_000


def test_technology_bought_in_is_no_investment() -> None:
    assert extract_facts("", "据统计，上半年湘潭市企业签订技术引进合同12份，引进金额1.2亿美元。").amount is None


def test_a_headline_naming_one_work_keeps_its_figure_over_a_subheading_lead() -> None:
    facts = extract_facts("某县投资3亿元建设污水处理厂", "民生工程\n今年，某县计划投资3亿元，建设城北污水处理厂及配套管网，设计日处理能力5万吨。")
    assert facts.amount == 300_000_000


@pytest.mark.parametrize("title, body, amount", [
    ("投资2.3亿元，这座大桥开工建设", "3月16日，某市某某潇水公路桥新建工程开工，总投资2.36亿元，全长1.2公里。", 236_000_000),
    ("投资2.5亿元，这所学校开建了", "3月28日，某县职业中专实训楼及配套道路工程开工，总投资2.55亿元。", 255_000_000),
])
def test_a_headlines_kind_of_work_is_read_by_its_other_words(title: str, body: str, amount: float) -> None:
    assert extract_facts(title, body).amount == pytest.approx(amount)


def test_an_investors_home_names_no_county_of_a_park() -> None:
    facts = extract_facts("", "宁夏某某集团投资5亿元，在重庆高新区金凤园区建设智能制造基地，项目近日开工。")
    assert facts.places[0].city == "重庆市" and "银川市" not in {place.city for place in facts.places}
