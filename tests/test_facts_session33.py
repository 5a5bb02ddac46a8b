"""Session 33, checked on made-up stories: a headline line under a page's breadcrumb and the bare lines above a story
(a date, a view count, a site's name) are no lead; a field line or a numbered item of an untitled notice finds its work
on the lines around it; a work named right before "计划总投资" is read in its own comma clause; a name with a numeral in
it ("碳三项目") counts no projects; an event's signed sum is its batch's; a firm that invests and builds its plant's parts,
or a work named before a plain "投资", is one work's.

Each class comes from real pages' misses (bench/data/facts/README.md "Real pages (session 33)"); the stories here are
written for the tests, with guards for the readings the changes must leave alone.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.amounts import find_investment
from newsmon.facts.batches import ROUNDUP
from newsmon.facts.text import story_paragraphs


def test_a_headline_line_under_a_breadcrumb_is_cut_with_it() -> None:
    title = "预计投资20亿!某高新区加快储能产业布局"
    body = ("当前位置: 首页> 储能> 市场快讯\n\n" + title + "\n\n某高新区 发布时间:2023-06-08 09:09:04\n"
            "近日,某高新区与某新能源投资有限公司签订战略合作框架协议,双方代表出席签约仪式。\n\n"
            "据了解,该公司将在高新区变电站附近建设电网侧储能电站,投资额预计为20亿元。")
    facts = extract_facts(title, body)
    assert facts.amount == 2e9 and facts.kind == "project"
    # a long line before it is the story, not chrome: the body is left whole
    long_first = "某县召开全县重点项目建设推进会，会议听取了各乡镇项目进展情况的汇报并部署了下一阶段工作。\n" + title + "\n"
    assert story_paragraphs(long_first)[0].startswith("某县召开")


def test_bare_lines_above_a_story_are_no_lead() -> None:
    body = ("2023-10-18\n114\n某某医疗\n某某新闻\n  3月22日,在位于某高新区的某生物城项目现场,工人正有条不紊地进行桩基础施工。\n\n"
            "  据了解,项目占地154亩,总投资12亿元,重点聚焦生命健康产业。")
    assert story_paragraphs(body)[0].strip().startswith("3月22日")
    assert extract_facts("某高新区:某生物城项目建设有条不紊", body).amount == 1.2e9
    # a page of bare lines only is read from its first line
    assert story_paragraphs("2023-10-18\n114\n某某新闻") == ["2023-10-18", "114", "某某新闻"]


def test_a_township_clinic_is_a_work_in_view() -> None:
    assert find_investment("", "近日,记者从某镇了解到,总投资达4917万元的某镇新卫生院将于明年底正式投用。").cny == 4.917e7


def test_an_untitled_notices_field_line_finds_its_work_on_the_lines_around_it() -> None:
    body = ("建设地点:某县某镇某村\n投资主体:某茶业有限公司\n建设年限:2024年—2025年\n总投资额:1.5亿元\n年度投资:0.55亿元\n"
            "建设内容:项目占地22.8亩,建设茶叶加工厂3座及仓储冷链物流厂房1座。")
    assert find_investment("", body).cny == 1.5e8
    # …but not a field line with no work anywhere near it (a county's budget table)
    assert find_investment("", "单位:某县财政局\n年度:2024年\n总投资额:1.5亿元\n备注:无") is None


def test_a_work_named_before_its_planned_total_is_read_in_its_own_clause() -> None:
    body = "某经开区于去年谋划启动该项目申建,项目计划总投资约5亿元,总建筑面积约11万平方米。"
    assert find_investment("某经开区保税物流中心项目动工建设", body).cny == 5e8
    # a class of works is a year's list, and an item going on with a year's clause is the year's
    assert find_investment("", "2024年，某市重点工程计划总投资1200亿元。") is None
    assert find_investment("", "今年全国铁路固定资产投资将保持在8000亿元以上，其中国家铁路投资7200亿元，计划投产新线8000公里。") is None


@pytest.mark.parametrize("text, counts", [
    ("碳三项目是某集团的核心布局", False), ("华三项目落户", False),
    ("某区签约三项目", True), ("又签两项目", True), ("集中签约12项目", True), ("开工五项目", True),
])
def test_a_numeral_inside_a_name_counts_no_projects(text: str, counts: bool) -> None:
    assert bool(ROUNDUP.search(text)) is counts


def test_a_phase_total_of_a_name_with_a_numeral_is_the_works() -> None:
    body = "碳三项目是某化工公司的核心布局,一期总投资139.13亿元,项目预计于2022年底实现全面投产。"
    found = find_investment("", body)
    assert found.cny == 1.3913e10 and found.kind == "project"


@pytest.mark.parametrize("title, body, want", [
    ("", "4月24日,某市举行了茶产业项目推介会,向投资商共推出118亿多元的投资项目,当日签约金额13亿元。", 1.3e9),
    ("某纺织服装产业发展论坛签约金额逾32亿元", "论坛上,某地区与多家企业签约。", 3.2e9),
])
def test_an_events_signed_sum_is_its_batchs(title: str, body: str, want: float) -> None:
    found = find_investment(title, body)
    assert found.cny == want and found.kind == "roundup"


@pytest.mark.parametrize("body", [
    "某交易会上，共有22家单位达成技术交易意向，现场签约金额达8.9亿元。",
    "银企对接会上，15家银行与62家企业现场签约，签约金额达45.6亿元。",
    "预计本届博览会签约项目将超过200个，签约金额有望突破800亿元。",
])
def test_an_events_signed_sum_of_research_loans_or_a_forecast_is_none(body: str) -> None:
    assert find_investment("", body) is None


def test_a_firm_that_invests_and_builds_its_plants_parts_is_one_work() -> None:
    body = ("今年,某县招引客商成立了某食用菌有限责任公司,投资8500万元,在某村流转土地135亩,计划新建食用菌大棚8座、"
            "食用菌生产基地1处,预计8月份建成投产。")
    assert find_investment("", body).cny == 8.5e7
    # a plain investment building many works, with no firm before it, stays several; and works counted by the dozen are a
    # programme's, whoever spends (the session's review: a utility's substations, a county's schools and roads)
    assert find_investment("", "近年来,某县投资3000多万元新建各类小型水利工程932处。") is None
    assert find_investment("", "今年，国网某县供电公司，投资5亿元新建变电站12座、改造线路300公里。") is None
    assert find_investment("", "其中农村公路工程投资3亿元，新建道路120公里、桥梁18座。") is None


def test_a_work_named_before_a_plain_investment_keeps_its_parts() -> None:
    body = ("该项目由接收站、码头工程和外输管线工程三部分组成,分两期建设。其中一期工程投资 105.6亿元,年计划接转液化天然气"
            "300万吨,拟建设3座16万立方米储罐。")
    assert find_investment("", body).cny == 1.056e10


def test_projects_put_out_at_a_promotion_are_on_offer() -> None:
    body = ("5月9日,某州投资合作推介会在沪举行。推介会上,某州向上海抛出了多达203个招商项目。"
            "此外,还推出了PPP合作项目27个,总投资255.28亿元,涉及交通、市政、旅游等各领域建设。")
    assert find_investment("", body) is None
    # …but projects signed at it are a batch
    signed = "推介会现场,某县发布了5个招商项目,7个项目在现场集中签约,投资金额17.2亿元。"
    assert find_investment("", signed).cny == 1.72e9


def test_a_headline_counting_its_works_names_none_of_them() -> None:
    title = "各地一批重大水利工程取得新进展"
    body = ("连日来,各地一批重大水利工程建设取得新进展。\n"
            "不久前,位于某县的某灌区工程总干渠建成试通水。\n"
            "在某市,某灌区一期工程建设正抓紧推进。该工程总投资约154亿元,建成后能保障13个县区用水。"
            "在某地,某水库工程施工同步展开,工程总投资超过38亿元。")
    assert extract_facts(title, body).amount is None
    # a headline naming one work keeps its figure
    one = extract_facts("某灌区一期工程建设取得新进展", body.replace("各地一批重大水利工程", "某灌区一期工程"))
    assert one.amount == 1.54e10


def test_a_feature_on_a_places_industry_tells_its_works_as_examples() -> None:
    title = "某县乳业经济实现提档升级"
    body = ("近年来,某县把乳业作为主导产业来抓,奶牛存栏稳步增长,乳品加工能力不断提升。\n"
            "2013年某乳业集团投资2.5亿元在某镇建成现代牧业科技示范园区,年产优质原料奶3万吨。")
    assert extract_facts(title, body).amount is None
    # a headline naming the one work keeps its figure
    assert extract_facts("某乳业集团现代牧业科技示范园区项目建成", body).amount == 2.5e8


@pytest.mark.parametrize("title, body", [
    ("去年签约项目472个协议投资额近5000亿元", "据统计,全省签约项目共472个,协议投资额4994亿元。"),
    ("某州招商引资工作取得可喜成果", "某州新签约招商引资项目49个,签约金额达157.78亿元,完成年度目标的65%。"),
    ("", "某市招商引资冬季攻坚战取得丰硕成果,签约项目114项,计划总投资753.5亿元。"),
])
def test_last_years_or_a_drives_results_are_a_tally(title: str, body: str) -> None:
    assert extract_facts(title, body).amount is None


def test_a_day_event_under_last_years_signing_keeps_its_figure() -> None:
    facts = extract_facts("去年签约的某新材料项目今日开工", "今日,去年签约的某新材料项目正式开工,项目总投资20亿元。")
    assert facts.amount == 2e9 and facts.stage == "开工"


def test_a_bare_trillion_after_its_bound_word_is_one_trillion() -> None:
    found = find_investment("某省总投资逾万亿元1400余个重大产业项目集中开工", "")
    assert found.cny == 1e12 and found.kind == "roundup"
    # a nation's figure stays the nation's
    assert find_investment("", "全国农村公路建设投资超万亿元。") is None


def test_a_works_size_before_its_name_counts_when_its_agreement_is_signed() -> None:
    body = "三十五亿元某酒业战略重组项目合作投资正式协议二十五日在某市签定,该项目建成投产后年产白酒十万吨。"
    assert find_investment("", body).cny == 3.5e9
    # …not when the agreement is still to be signed
    assert find_investment("", "三十五亿元某酒业战略重组项目合作投资协议将于下月签订。") is None


def test_a_breadcrumb_above_the_headline_line_still_names_the_county() -> None:
    title = "投资7103万!玉田这些中小学校即将大变样!"
    body = ("返回首页 > 位置: 学校网 > 玉田县 > 正文\n\n" + title + "\n\n日期:2022/9/13\n\n"
            "今年以来,我县全力推动校园项目建设,投资7103万元对7所中小学幼儿园校舍进行新建、扩建。")
    assert any(place.city == "唐山市" for place in extract_facts(title, body).places)


def test_one_figure_written_twice_in_a_notices_summary_is_one_works() -> None:
    body = ("核心提示:地区:江西,宜春 行业:化工 进展阶段:环评受理 投资总额:200000万元 建设单位: 建设内容及规模 项目总投资20亿元,"
            "总用地面积133640.20平方米\n根据建设项目环境影响评价审批程序的有关规定,我局拟受理某新能源材料有限公司年产200万吨"
            "含锂卤水建设项目环境影响评价文件。")
    assert extract_facts("某公司年产200万吨含锂卤水建设项目环境影响报告书拟受理公示", body).amount == 2e9


@pytest.mark.parametrize("body, want", [
    ("工程建设实际总投资 *** 万元,其中环保投资为22万元。", None),
    ("项目总投资343万元,其中环保投资54万元。", 3.43e6),
    ("项目总投资达2.5亿元,其中生产设备投资就有6000万元。", 2.5e8),
])
def test_a_parts_spending_is_no_works_total(body: str, want) -> None:
    found = find_investment("某工程竣工环境保护验收公示", body)
    assert (found.cny if found else None) == want


@pytest.mark.parametrize("title, stage", [
    ("某市引热入市长输管线项目进展顺利", "开工"),
    ("某县储能产业园加快建设", "开工"),
    ("某县全民健身中心建设项目最新进展", "开工"),
    # a class of works, works counted, or a place's drive: no one work under way
    ("某县扎实推进农村危桥改造工程", None),
    ("物流示范城市进展顺利六大物流项目齐头并进", None),
    ("某市重点项目有序推进", None),
])
def test_a_headline_telling_one_named_works_progress_is_under_way(title: str, stage) -> None:
    body = "截至目前,已完成投资3.6亿元,占计划总投资的30%。"
    assert extract_facts(title, body).stage == stage
    # …the body's own stage, where it states one, stands
    if stage:
        assert extract_facts(title, "该项目已于上月建成投产。").stage == "投产"


def test_the_commissions_approval_of_named_works_states_their_total() -> None:
    found = find_investment("国家发改委批复两高铁项目 总投资达2382.62亿元", "")
    assert found.cny == 2.38262e11
    # a plan it approved stays the plan's
    assert find_investment("", "国家发改委批复了全国农村公路建设规划，总投资超过4555亿元。") is None


@pytest.mark.parametrize("body, stage", [
    ("一、建设规模及主要建设内容:包括南区、北区建设。批复范围合计6.7平方公里。\n三、总投资及资金构成:总投资55亿元。", None),
    ("记者获悉,某风电场10万千瓦项目已列入国家核准目录,计划于今年8月开工建设。", None),
    ("某抽水蓄能电站正式取得省发展改革委核准批复文件,项目总投资80亿元。", "核准"),
])
def test_an_approval_word_naming_a_list_or_a_scope_is_no_approval(body: str, stage) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body", [
    "近日,在某县人民医院整体搬迁建设工地现场,机械在工人们的操作下浇灌地基,工地上一片忙碌景象。",
    "3月22日,工人在某区人民医院项目工程工地固定钢筋。该项目总投资2.45亿元。",
    "某风电场风机安装工作近日启动,图为建设中的某风电场正在紧张安装风机。",
    "3月22日,在某生物城项目现场,工人正有条不紊地进行桩基础施工。",
    "某屠宰项目现场,项目一期厂房建设已完成,工人们正紧锣密鼓地安装设备。",
])
def test_one_works_crews_at_work_tell_it_is_under_way(body: str) -> None:
    assert extract_facts("", body).stage == "开工"


@pytest.mark.parametrize("body", [
    "某县18个重点项目工地上一片忙碌景象。",  # many works
    "某项目正在进行施工招标。",  # a tender ahead
])
def test_many_works_or_a_tender_ahead_are_no_one_works_start(body: str) -> None:
    assert extract_facts("", body).stage != "开工"


def test_an_untitled_storys_sentence_names_its_own_work() -> None:
    # a sentence of a story with no work of its own does not borrow one from a sentence nearby
    body = ("今年以来,多家国际车企加大了在中国的投资。某车企投资约24亿欧元,成立合资公司聚焦自动驾驶领域的技术开发。"
            "另一车企在北京开启燃料电池研发与生产项目的投资。")
    assert find_investment("", body) is None


def test_an_average_is_a_rate() -> None:
    assert find_investment("", "准备在某片区注册的企业已达到200家以上,平均投资超过3600万元。") is None


def test_one_venues_share_of_a_wider_event_without_its_whole_total_is_none() -> None:
    body = ("4月3日上午,第五批全省扩大有效投资暨重大项目集中开工活动启动仪式在某市举行。\n"
            "当天上午,全省重大项目集中开工仪式某分会场设在某新材料基地项目现场。其中,某市共有68个重大项目集中开工,总投资831亿元!")
    assert find_investment("", body) is None
    # …but the share stands when the whole is stated before it, and a plain day's batch is its own
    whole = body.replace("活动启动仪式在某市举行。", "活动启动仪式在某市举行,全省共开工项目900个,总投资5000亿元。")
    assert find_investment("", whole).cny == 5e11
    assert find_investment("", "今天,某市举行重大项目集中开工仪式,共开工项目68个,总投资831亿元。").cny == 8.31e10


def test_a_signing_ceremonys_total_signed_there_is_its_batch() -> None:
    found = find_investment("", "2月12日,某县举行2025年招商引资项目签约仪式,现场签约投资总额达16.76亿元。")
    assert found.cny == 1.676e9 and found.kind == "roundup"


def test_ten_great_works_are_counted_works() -> None:
    found = find_investment("", "3月1日,某县首批十大重点工程集中开工,首批十大重点工程总投资24亿元,涵盖教育、医疗等多个领域。")
    assert found.cny == 2.4e9 and found.kind == "roundup"
    # "十大工程" named as a title in quotes stays one of a list
    assert not ROUNDUP.search("作为全市“十大工程”之一的某医院")


def test_a_finished_works_approved_total_completed_is_its_total() -> None:
    body = ("某水库于2011年10月30日正式开工建设,2014年8月底水库工程按照设计批复建设完工,比计划工期提前8个月完成。"
            "完成项目批复总投资18979.75万元。")
    assert find_investment("某水库建设提前完工", body).cny == 1.897975e8
    # money spent so far on a work still being built stays no total
    assert find_investment("某水库建设进展顺利", "截至目前,某水库工程完成投资8000万元,占计划的60%。") is None


# The session's review (a helper read the diff and tried near-misses): each reading below went wrong in the first
# version of the session's rules.
@pytest.mark.parametrize("title, body, want", [
    ("", "会上，某县与某公司现场签约某新材料产业园项目，签约金额20亿元。", (2e9, "project")),
    ("", "在某峰会上，某市与某集团签署战略合作协议，签约金额100亿元。", None),
    ("", "近日，某县农村饮水安全工程正式开工，饮水安全工程总投资1.2亿元。", (1.2e8, "project")),
    ("", "某县2024年预算执行情况\n一、全县固定资产投资\n总投资额:150亿元\n二、重点项目建设情况\n某医院项目进展顺利。", None),
    ("", "全县重点项目推进情况通报\n1.总投资:85亿元\n2.完成投资:30亿元\n3.涉及项目:某园区、某中心等35个。", None),
    ("", "2024年，某市水利工程计划总投资80亿元。", None),
    ("某县集中力量推进某水库工程建设", "连日来，某县全力推进重点项目建设。\n据了解，某水库工程总投资5.2亿元。", (5.2e8, "project")),
    ("某县某光伏项目取得显著成效", "某光伏电站项目总投资3亿元，去年底并网发电。", (3e8, "project")),
    ("", "3月1日，某县举行重大项目集中开工仪式，主会场设在某产业园。其中，本次集中开工项目20个，总投资50亿元。", (5e9, "roundup")),
    ("", "5亿元某项目征地补偿协议昨日签订。", None),
    ("某区五项目落地", "今天，某区五项目落地，总投资20亿元。", (2e9, "roundup")),
])
def test_the_reviews_amounts(title: str, body: str, want) -> None:
    found = find_investment(title, body)
    assert ((found.cny, found.kind) if found else None) == want


@pytest.mark.parametrize("title, body, stage", [
    ("某县某项目建设最新进展", "项目环评已受理，计划明年开工。", None),
    ("某县人民医院项目建设稳步推进", "该项目计划明年上半年开工。", None),
    ("某县学校建设有序推进", "截至目前,已完成投资3.6亿元。", None),
    ("", "该项目正积极进行施工准备，力争年底开工。", None),
    ("", "某项目场平工程正在推进招标工作。", "招标"),
    ("", "近日，某市发改委批复计划投资3亿元的某项目可行性研究报告。", "核准"),
    ("", "某项目核准工作已完成，预计下月开工。", "核准"),
    ("", "某厂投产\n12月1日，记者在现场看到，车间里机器轰鸣。该项目总投资5亿元。", "投产"),
])
def test_the_reviews_stages(title: str, body: str, stage) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("blank", [" ", "\n"])
def test_a_body_of_blanks_costs_linear_time(blank: str) -> None:
    # The outlet opening a body was read with two whitespace runs in a row, which backtracked against each other: 20,000
    # blanks cost 9 s. Measured as growth (as test_facts.py's linear-time tests): 10x the blanks well under 100x the time.
    import time

    def cost(size: int) -> float:
        best = float("inf")
        for _ in range(2):
            started = time.process_time()
            extract_facts("某项目", blank * size)
            best = min(best, time.process_time() - started)
        return max(best, 1e-3)

    assert cost(40_000) < 30 * cost(4_000)
