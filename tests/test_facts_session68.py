"""Session 68, checked on made-up stories: general readings of the misses of session 67's blind set n48–n49, read as
seen once the new blind set n50–n51 was collected.

- A year's list of a province's key works summed ("2019年全省重点建设项目总投资6130亿元") is a list, no one work's
  investment: 重点建设项目 reads as 重点项目 did, and so does "该市" as "我市".
- A signing of kinds of projects listed ("与…等7家企业就…等招商项目举行了签约仪式，协议金额7.34亿元") is a batch signed:
  its 协议金额 is the batch's total, as 签约金额 after "项目签约，" was.
- "招商引资签约9亿元" names the signing as one of investment: its sum is the event's batch, at a fair too (not a
  purchase's contracts).
- 累计 before a work's own output ("累计发电量2012万千瓦时", "累计处理污水…") sums what the work made since it
  opened, not a span's investments: the sentence is no statistic, its investment and stage stand.
- A campaign's headline ("…招商引资“开门红”") over one work whose total is stated twice ("总投资50亿元的某项目成功落户…。
  …项目总投资50亿元") tells one work: two totals of one figure are no tour of several.
- A builder's contract price ("合同造价约7.17亿元") is a contract's value, as readers label it, not the investment (a
  work's own 总造价 still is).
- A plant's trial feed ("开始投料试车"), alone or in the comma clause after 建成 ("一期工程建成，进入试生产"), is
  production (投产), as trial runs are; a work done with no object ("总体工程已全面完成", "使该项工程得以顺利完成") is its
  completion (竣工). (Seen pages: stage 992 → 995 of 1,183, none worse.)
- Where a load is driven to ("驶往上海港") ranks as where goods go (销往, 运往), after the site; 江南产业集中区 is 池州's zone.
- A code review (a helper, 132 made-up cases with answers written before running) found 7 read worse at first: financing,
  research and builders' deals signed as "等…项目" (now left out), "该市级重点建设项目" (one work), two works of one figure on a
  tour (a restated total is one work only when the headline states it or one work's site is visited), and a county's word
  name read before a landmark that is also one of its townships ("中朝友好上甘岭", "城厢凤凰山"): that reading (盐池高沙窝, one
  seen page) was dropped. The end: 111 of 132 right against the old code's 74, none worse.

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts


@pytest.mark.parametrize("body", [
    "2019年全省重点建设项目总投资6130亿元。",
    "该市重点建设项目总投资1200亿元。",
    "山东省发改委日前公布2019年重点建设的120个项目名单。山东省2019年重点建设项目总投资6130亿元。",
])
def test_a_lists_total_of_key_works_is_no_works_investment(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body, amount", [
    ("作为省重点建设项目，该项目总投资28亿元。", 28e8),
    ("省重点建设项目某机场改扩建工程总投资12亿元。", 12e8),
    ("山东省2019年重点建设项目总投资6130亿元。去年11月1日，蓝星东大与桓台县政府签署合作协议，拟投资20亿元在桓台马桥化工园区"
     "新建年产30万吨聚醚多元醇生产基地。", 20e8),
])
def test_one_key_works_own_total_is_still_read(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == amount


def test_kinds_of_projects_signed_make_their_agreed_sum_a_batchs_total() -> None:
    body = ("启动仪式上，延寿县与青岛某公司等14家企业就21.3万吨延寿大米签订了购销合同，总金额达9.12亿元。同时与南通某公司、"
            "大连某公司等7家企业就电饭锅生产加工、绿色有机蔬菜种植，以及矿泉水生产加工等招商项目举行了签约仪式，协议金额7.34亿元。")
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind, facts.stage) == (7.34e8, "roundup", "签约")


def test_a_purchase_contracts_sum_stays_no_investment() -> None:
    body = "启动仪式上，延寿县与14家企业就21.3万吨延寿大米签订了购销合同，总金额达9.12亿元。"
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title, body", [
    ("渭南经开区签下两项目", "11月5日，渭南经开区在杨凌农高会上招商引资签约9亿元。"),
    ("", "11月5日，某县在农高会上招商引资现场签约9亿元。"),
])
def test_a_signing_for_investment_by_name_gives_the_events_total(title: str, body: str) -> None:
    facts = extract_facts(title, body)
    assert (facts.amount, facts.kind) == (9e8, "roundup")


def test_a_signing_for_investment_of_purchase_contracts_is_no_batch() -> None:
    assert extract_facts("", "在农高会上，某县招商引资签约农产品购销合同9亿元。").kind != "roundup"


@pytest.mark.parametrize("tail", ["，累计发电量2012万千瓦时。", "，累计发电2012万度。", "，累计处理污水300万吨。"])
def test_a_works_own_output_summed_is_no_statistic(tail: str) -> None:
    body = "红寺堡光伏电站50MWp项目位于宁夏吴忠红寺堡开发区，项目投资11.9亿元，2010年4月开工建设，目前已全部并网投产" + tail
    facts = extract_facts("", body)
    assert (facts.amount, facts.stage) == (11.9e8, "投产")


@pytest.mark.parametrize("body", ["今年以来累计完成投资30亿元。", "全县累计签约项目30个，总投资200亿元。"])
def test_a_spans_sum_is_still_a_statistic(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_one_works_total_stated_twice_under_a_campaigns_headline_is_that_works() -> None:
    title = "总投资50亿元 孝感云梦迎来招商引资“开门红”"
    body = ("1月16日，记者从孝感市云梦县招商服务中心获悉，总投资50亿元的康峰10万吨氯甲苯及衍生物项目成功落户云梦县，该县实现新年招商"
            "引资“开门红”。\n据悉，与福建省康峰新材料有限公司签订的年产10万吨氯甲苯及衍生物项目将在云梦县盐化工产业园落户。项目总投资"
            "50亿元，其中一期固定资产投资约12亿元。")
    facts = extract_facts(title, body)
    assert (facts.amount, facts.stage) == (50e8, "签约")


def test_two_works_totals_under_a_campaigns_headline_stay_a_tour() -> None:
    title = "某县招商引资实现“开门红”"
    body = ("今年以来，某县签约项目12个。其中，总投资50亿元的某化工项目成功落户。\n另外，总投资8亿元的某食品项目也已签约。")
    assert extract_facts(title, body).amount is None


@pytest.mark.parametrize("body", [
    "由我公司承建的某部队营房工程于8月21日通过竣工验收。该工程建筑面积14459㎡，合同造价2486万元。",
    "深圳地铁10号线1011-2标，合同造价约7.1774亿元，今天开工。",
    "公司承建的N3标段，合同总造价约7335万元。",
])
def test_a_builders_contract_price_is_no_investment(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_works_own_cost_is_still_its_investment() -> None:
    assert extract_facts("", "该工程总造价2486万元，今天开工。").amount == 2486e4


@pytest.mark.parametrize("body, stage", [
    ("某化工项目开始投料试车。", "投产"),
    ("金川集团年产10万吨三元前驱体项目一期工程建成，开始投料试车。", "投产"),
    ("该项目一期工程建成，进入试生产。", "投产"),
    ("目前，该水电站总体工程已全面完成，当日正式蓄水调试。", "竣工"),
    ("曹远镇积极采取措施，使该项工程得以顺利完成。", "竣工"),
    # …not a plan, a part, nor the work's preparations
    ("某化工项目正在做投料试车前的准备。", None),
    ("某化工项目计划下月开始投料试车。", None),
    ("该项目一期工程建成，将于明年投产。", "竣工"),
    ("该工程将于年底完成。", None),
    ("该工程已完成投资5亿元。", None),
])
def test_a_plants_trial_feed_is_production_and_a_work_done_is_completion(body: str, stage: str | None) -> None:
    assert extract_facts("", body).stage == stage


def test_where_a_load_is_driven_to_ranks_after_the_site() -> None:
    body = "随后两辆集装箱装载车将驶往上海港。泰兴市某钢丝制造有限公司新上席夢思弹簧项目，投资2000万元。"
    assert [place.city for place in extract_facts("", body).places][:1] == ["泰州市"]


def test_a_zone_the_table_knows_gives_its_city() -> None:
    body = "安徽省江南产业集中区日前与某光电公司签订多晶硅项目投资协议，项目总投资达120亿元。"
    assert [place.city for place in extract_facts("", body).places][:1] == ["池州市"]


@pytest.mark.parametrize("body", [
    "某县与某银行等5家金融机构就乡村振兴等融资项目举行了签约仪式，协议金额50亿元。",
    "某大学与某县就新品种选育等科研项目举行了签约仪式，合同金额1200万元。",
    "某公司与某建工集团等3家单位就道路、桥梁等施工项目举行了签约仪式，合同金额4.5亿元。",
])
def test_loans_research_and_builders_deals_signed_are_no_batch(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_this_city_level_key_work_is_one_work() -> None:
    assert extract_facts("", "该市级重点建设项目总投资3.2亿元，建成后将新增床位800张。").amount == 3.2e8


@pytest.mark.parametrize("body", ["该工程中标造价1.38亿元，近日开工。", "双方签订施工合同约定造价2800万元。"])
def test_a_bid_or_a_building_contracts_price_is_no_investment(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_output_summed_since_production_began_is_no_statistic() -> None:
    facts = extract_facts("", "某食品项目总投资3亿元，去年5月建成投产，投产以来累计完成产值8亿元。")
    assert (facts.amount, facts.stage) == (3e8, "投产")


def test_two_works_of_one_figure_on_a_tour_stay_a_tour() -> None:
    body = ("6月3日，区长某某调研重点项目建设。在总投资10亿元的某某物流园项目现场，某某详细了解工程进度。\n在某某产业园项目现场，某某"
            "察看了厂房建设情况。该项目总投资10亿元，计划年底投产。")
    assert extract_facts("区长调研重点项目建设", body).amount is None


def test_one_work_visited_with_its_total_restated_is_that_work() -> None:
    body = ("3月5日，县委书记某某到某某医院迁建项目现场调研。该项目总投资6亿元，规划床位800张。\n某某指出，总投资6亿元的医院迁建项目"
            "是重大民生工程，要加快推进。")
    assert extract_facts("县委书记调研重点项目建设", body).amount == 6e8


@pytest.mark.parametrize("body", ["今年全市重点项目投资总额1200亿元。", "该省重点建设项目投资总额超过1.2万亿元。"])
def test_a_lists_investment_total_is_no_works_either(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_listed_works_own_investment_total_is_read() -> None:
    assert extract_facts("", "省重点项目某大桥项目投资总额12亿元。").amount == 12e8


@pytest.mark.parametrize("body, stage", [
    ("某产业基地的各项工程建设正在加紧推进当中，计划7月试产。", "开工"),
    ("某项目前期建设正在加紧推进。", None),
    ("全市18个项目建设正在加紧推进。", None),
])
def test_a_works_building_pushed_on_is_under_way(body: str, stage: str | None) -> None:
    assert extract_facts("", body).stage == stage


# Read from n50–n51's misses once the second blind set of the session (n52–n53) was being collected.
def test_a_headlines_plant_named_by_what_it_treats_keeps_its_figure_among_the_days_works() -> None:
    title = "陕西周至污水处理厂开建"
    body = ("昨日，周至县污水处理厂建设项目、竹峪公路建设项目相继开工。近期，周至总投资3.37亿元的五大类12个项目将陆续开工。\n"
            "周至县污水处理厂位于县城北400米处，总投资7163万元，占地76亩。竹峪公路总里程44.9公里，总投资2700万元。")
    assert extract_facts(title, body).amount == 7163e4


def test_a_batchs_venue_in_an_untitled_lead_leaves_its_one_work_told() -> None:
    body = "4月20日上午，在四川省2022年重点水利工程集中开工雅安分会场，天全县始阳水厂二期工程正式开工。\n该项目总投资2.65亿元。"
    assert extract_facts("", body).amount == 2.65e8


def test_a_batch_held_at_a_venue_stays_a_batch() -> None:
    body = "4月20日上午，全市重大项目集中开工仪式在雅安分会场举行。\n其中，天全县始阳水厂二期工程总投资2.65亿元。"
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body, amount", [
    ("记者从省水利厅获悉，概算总投资50.27亿元的引洮供水二期配套城乡供水工程建设进度加快，截至10月底，累计完成投资4.3亿元。",
     50.27e8),
    ("据该项目相关负责人介绍，该项目总用地225亩，总投资21亿元，截至今年2月底已累计完成投资9.4亿元。", 21e8),
    # …not a year's works in general, nor progress alone
    ("今年全市总投资50亿元的重点工程建设进度加快，截至10月底，累计完成投资30亿元。", None),
    ("今年以来，全市项目建设加快，该项目总用地225亩，累计完成投资9.4亿元。", None),
])
def test_one_works_total_stands_beside_its_progress_so_far(body: str, amount: float | None) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("body, amount", [
    ("今年以来，包头市加快实施供热管网改造。全市共对99个小区实施了供热二次管网改造，涉及供热面积209万平方米，总投资额达7300万元。",
     None),
    ("该项目对3个小区实施供热管网改造，总投资7300万元。", 7300e4),
    ("某供水工程总投资300万元，对14个村进行管网铺设。", 300e4),
])
def test_works_done_at_many_counted_sites_are_a_programme(body: str, amount: float | None) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("title, body, stage", [
    ("某建工集团承建的某小镇“天空之厅”正式合拢", "4月30日，某研发中心（一期）项目“天空之厅”举行合拢仪式。", "开工"),
    ("", "主桥顺利合拢。", "开工"),
    ("", "双方正式合拢资源，共同开拓市场。", None),
    ("", "该桥计划下月合拢。", None),
])
def test_a_steel_structures_closure_written_he_long_is_under_way(title: str, body: str, stage: str | None) -> None:
    assert extract_facts(title, body).stage == stage


# The second code review's mends (a helper, 112 made-up cases: 103 right against the old code's 77, 4 worse at first).
@pytest.mark.parametrize("title, body", [
    ("我县三座水厂集中开工", "6月1日，我县三座水厂集中开工。\n其中，城东水厂总投资2亿元。"),
    ("我县3个污水处理厂集中开工", "6月1日，我县3个污水处理厂集中开工。\n其中，城东污水处理厂总投资2亿元。"),
    ("", "3月1日，全省重大项目集中开工某某市分会场，某某市共有15个项目参加。\n其中，某某装备制造项目总投资10亿元。"),
])
def test_counted_plants_or_works_at_a_venue_stay_a_batch(title: str, body: str) -> None:
    assert extract_facts(title, body).amount is None


@pytest.mark.parametrize("body, amount", [
    ("某某集中供热工程对12个小区实施集中供热改造，总投资1.5亿元。", 1.5e8),
    ("某某片区棚户区改造项目在3个社区实施征收，总投资18亿元，涉及居民1200户。", 18e8),
])
def test_a_named_work_done_at_counted_sites_is_that_work(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == amount
