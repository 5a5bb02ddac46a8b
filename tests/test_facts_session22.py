"""Session 22: classes of misses read on real regional pages (search's pages corpus, not stored: no licence;
bench/data/facts/README.md "Real pages (session 22)") and the leftovers of session 21's review. Every case is made up
after one class, with guards that keep the older readings; the right answer was decided before the rule was written."""

from __future__ import annotations

from typing import Any

import pytest

from facts_probe_check import wrong_fields
from newsmon.facts import extract_facts


def _check(title: str, body: str, want: dict[str, Any]) -> None:
    facts = extract_facts(title, body)
    assert wrong_fields(facts, want) == [], facts.to_dict()


_REVISED_TOTALS = [
    # A revised total: the figure it became is the work's, the one it was is not.
    ("", "经批复，某项目总投资由12亿元调整为15亿元。", {"amount": 1.5e9}),
    ("", "经审计，某工程总投资从12亿元核减至10.5亿元。", {"amount": 1.05e9}),
    ("", "某医院项目总投资由原来的8.2亿元调增至9.6亿元。", {"amount": 9.6e8}),
    ("", "因规模扩大，某产业园项目计划投资由15亿元增至20亿元。", {"amount": 2e9}),
    # Guards: a total followed by a difference keeps the total; 由 naming who pays is no revision.
    ("", "某项目总投资12亿元，经评审核减1.5亿元。", {"amount": 1.2e9}),
    ("", "某项目总投资12亿元，由某公司全额投资建设。", {"amount": 1.2e9}),
]


@pytest.mark.parametrize("title,body,want", _REVISED_TOTALS)
def test_a_revised_total_is_the_figure_it_became(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_SPAN_TALLIES = [
    # A rate or a task's share beside a span's sums: a tally, no event's total.
    ("", "2023年一季度，某新区签约项目涵盖汽车、电子等领域，合同投资额526.18亿元，开工率68.3%，到位资金110亿元。",
     {"amount": None}),
    ("", "全区各镇（街）共签约项目58个，计划总投资215.04亿元，完成率107.52%。", {"amount": None}),
    ("", "碧江高新区签约项目41个，签约资金22.51亿元；引进优强企业8家（任务数7家）。", {"amount": None}),
    # A count as of a date: no event's signing.
    ("", "截止4月23日，某镇签约项目16个，协议投资1.92亿元；某乡签约项目13个，协议投资3.52亿元。", {"amount": None, "stage": None}),
    # An untitled work report's year tally after a section heading: its figures are the year's.
    ("", "一、拼招商引资、招大引强。2023年，全区共上报市入统招商项目40个，总投资100.2亿元。\n三、比项目储备。在谈项目共58个，"
         "计划总投资897.36亿元，其中9个项目已签订框架协议，总投资额121.5亿。", {"amount": None, "stage": None}),
    # An untitled feature over recent years (a dateline's day is no event's): its figures are the years' examples.
    ("", "东北网3月27日讯 记者从省农业农村厅获悉，近年来，某市引进了一批大企业，开工建设了投资10亿以上大项目4个，项目总投资额140.9亿元。"
         "据了解，某市引进了投资70亿元的某玉米生物发酵项目。", {"amount": None}),
    # A campaign's headline (项目大会战): its works' figures are examples.
    ("某市：打好项目大会战 建设高质量发展示范区", "近年来，某市一大批重大项目达产达效。\n总投资300亿元的某动力电池项目落址于某经开区。",
     {"amount": None}),
    # Guard: a dateline before the day's event.
    ("", "东北网3月27日讯 今天，某市某新材料项目签约，总投资20亿元。", {"amount": 2e9, "stage": "签约"}),
    # "无签约项目": none signed.
    ("", "某镇、某乡无签约项目。", {"stage": None}),
    # Guards: a fair so far; an event's figure compared with the last edition's; a plea for the year's goals.
    ("", "截至25日，本届博览会签约项目120个，总投资850亿元。", {"amount": 8.5e10, "stage": "签约"}),
    ("", "开幕当天共签订投资合作项目86个，总投资额2638.7亿元，同比增长43.6%。", {"amount": 2.6387e11}),
    ("某省第二季度重大项目集中开工", "今天，某省第二季度重大项目集中开工。二季度某省共开工重大项目1075个，涵盖重大产业等领域，总投资9913亿元，"
                           "为某省完成全年经济社会发展目标任务提供有力支撑。",
     {"amount": 9.913e11, "stage": "开工"}),
    ("", "某县无锡籍客商投资的某项目今天签约，总投资5亿元。", {"amount": 5e8, "stage": "签约"}),
]


@pytest.mark.parametrize("title,body,want", _SPAN_TALLIES)
def test_a_spans_tally_reports_no_event(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_SEVERAL_WORKS = [
    # Works listed in one sentence each with its figure, no total: examples, no amount.
    ("某产业园挂牌 某区重点项目开工",
     "4月25日，某产业园正式挂牌。总投资7亿元的甲孵化园项目、总投资3亿元的乙汽车配件项目、总投资3亿元的丙电动车项目集中宣布开工。",
     {"amount": None, "stage": "开工"}),
    ("", "12月23日，投资某新城2500万美元的甲食品生产线和投资1680万美元的乙包装项目，分别在某饭店正式签约。",
     {"amount": None, "stage": "签约"}),
    # Firms a headline counts, told one by one with their figures.
    ("两家台资企业落户某产业园", "9月26日，两家台湾企业与某产业园签约。甲公司将投资1.5亿元生产汽车零部件。乙公司将投资2亿美元生产电子屏。",
     {"amount": None, "stage": "签约"}),
    # A place pushing its works on: their figures are examples.
    ("某新区：抢抓时间节点 高质高效推进重点项目建设",
     "当下正值关键阶段，某新区全力推动重点项目建设。\n某光伏发电项目总投资约25亿元，计划分三期建设。某复合板生产项目总投资1.26亿元。",
     {"amount": None}),
    ("某高新区：挖掘存量价值，项目建设“提档加速”！", "某高新区坚持把项目建设作为关键抓手。在某纤维制品二期项目现场，地下基础工程已全部完工。该项目总投资10亿元。",
     {"amount": None}),
    # An overview giving three works their own figures, a sentence each, and no total: examples.
    ("", "近日，市委书记一行到某旗观摩重点项目建设。\n在某风电项目现场，某某详细了解项目进展。该项目总投资8.7亿元。\n随后，一行来到总投资4.8亿元的"
         "某光伏项目。\n某物流园项目总投资2.4亿元，目前正在进行主体施工。", {"amount": None}),
    # Guards: a work and its part; a work's phases; a named work's progress; a sum and its share; a total stated.
    ("", "在某市，总投资100亿元的某石化项目开工；在某经开区，投资20亿元的配套码头同步开工。", {"amount": 1e10}),
    ("", "某项目总投资50亿元，其中一期投资20亿元、二期投资30亿元。", {"amount": 5e9}),
    ("", "某新材料项目今天开工，总投资50亿元。\n项目一期投资20亿元，建设两条生产线。\n二期投资30亿元，明年开工。", {"amount": 5e9}),
    ("某医院项目开工", "某医院项目总投资8亿元。\n此前，该县投资1.2亿元建成了某中学。", {"amount": 8e8}),
    # One work told with its total, its phases' and its year's figures: its own total.
    ("某纺织产业园开工建设", "5月20日，某纺织产业园举行开工仪式。该园区计划总投资60亿元。\n据介绍，该项目分三期进行，投资约40亿元。其中，一期工程"
     "占地约400亩，投资约11.5亿元。\n2024年，该项目计划投资5亿元以上。", {"amount": 6e9}),
    ("某医院项目建设加速推进", "某医院项目总投资8亿元，目前主体已封顶。", {"amount": 8e8}),
    # A batch told by classes in two currencies, no whole total: none.
    ("第六届中博会闭幕 某省69个项目成功对接", "此次中博会上，我省共斩获项目69个。其中，外资项目60个，投资总额40亿美元；内资项目9个，投资总额77亿元。",
     {"amount": None}),
    ("", "本届大会集中签约经贸对接项目共124个，其中外资项目54个，项目总投资71亿美元，内资项目70个，项目总投资723.4亿元。",
     {"amount": None}),
    # Guards: one work's figure told in two currencies; a whole total before its classes.
    ("", "某外资项目今天签约，总投资5000万美元，折合人民币约3.5亿元。", {"amount": 5e7, "currency": "USD"}),
    ("", "大会共签约项目124个，总投资800亿元。其中外资项目54个，投资71亿美元；内资项目70个，投资300亿元。",
     {"amount": 8e10, "kind": "roundup"}),
    ("3个项目集中开工", "今天，3个项目集中开工，总投资13亿元。其中，总投资7亿元的甲项目、总投资3亿元的乙项目、总投资3亿元的丙项目均为产业项目。",
     {"amount": 1.3e9, "kind": "roundup"}),
]


@pytest.mark.parametrize("title,body,want", _SEVERAL_WORKS)
def test_several_works_figures_without_a_total_are_examples(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_PLACES = [
    # A county of one character read inside a word ranks after a place named outright.
    ("", "积极响应县委号召，竹溪县某合作社投资建设某项目。", {"city": "十堰"}),
    ("", "副县长陈某安和县发改局负责人一同调研平利县某项目。", {"city": "安康"}),
    ("", "该工程是我县重大实事工程和县八大优享工程之一，位于宁海县某镇。", {"city": "宁波"}),
    # A province's fair held in its capital: the works lie across the province.
    ("", "第十届中国(安徽)国际徽商大会17日在安徽省合肥市开幕。大会共签约项目222个，总投资3950亿元。", {"city": None}),
    ("", "第四届湖北文旅博览会招商签约大会在武汉举行，现场签约文旅项目50个，总投资580亿元。", {"city": None}),
    # A local outlet's name at the body's head or on a closing 来源 line places a story that names no city.
    ("", "今日竹山网消息 近日，某某项目开工建设，总投资2亿元。", {"city": "十堰"}),
    ("", "诏安新闻网讯 近日，某某项目开工建设。", {"city": "漳州"}),
    ("", "（江华新闻网 记者 某某）某项目开工。", {"city": "永州"}),
    ("", "今年全县重点项目进展良好。\n[编辑：某某]\n来源：滕州日报", {"city": "枣庄"}),
    # Guards: a national outlet names no place; the story's own city wins over its outlet's.
    ("", "人民网讯 某项目开工。", {"city": None}),
    ("", "今日竹山网消息 近日，襄阳市某项目开工建设。", {"city": "襄阳"}),
    # A province's story going from city to city: no city of its own.
    ("贵州一季度集中开工重大工程项目907个", "各地陆续举行集中开工活动。贵阳市开工项目120个，遵义市开工项目98个，六盘水市开工项目60个，"
     "安顺市开工项目45个。", {"city": None}),
    # Guards: a province's headline over one city's work; a county written on its own or after its province; a city's own event at home; the city named as the
    # works' place besides the venue.
    ("", "江苏沛县某项目今天开工，总投资5亿元。", {"city": "徐州"}),
    ("贵州一大型数据中心项目开工", "今天，位于贵阳市的某数据中心项目开工，总投资50亿元，投资方来自遵义市和安顺市。", {"city": "贵阳"}),
    ("", "合肥市重大项目集中签约仪式在合肥举行，共签约项目30个，总投资300亿元。", {"city": "合肥"}),
    ("", "第四届湖北文旅博览会在武汉举行，武汉市现场签约项目20个，总投资100亿元。", {"city": "武汉"}),
]


@pytest.mark.parametrize("title,body,want", _PLACES)
def test_places_read_inside_words_or_only_where_a_province_met(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_BATCH_TOLD_AFTER = [
    # A figure whose works the next sentences count or list: the batch's total.
    ("", "4月30日，总投资64亿元的光伏发电项目合作协议签约仪式在某县行政大厦举行。县委书记某某出席签约仪式。\n据了解，这次签约的两个光伏"
         "电项目分别是甲集团投资40亿元建设的电站项目和乙公司投资24亿元建设的电站项目。", {"amount": 6.4e9, "kind": "roundup"}),
    ("", "3月5日，某集团与某高新区签订战略合作框架协议，总投资额约62亿元。\n62亿元投资的合作项目包括总投资5亿元的光伏幕墻生产基地项目、"
         "某商业中心建设项目。", {"amount": 6.2e9, "kind": "roundup"}),
    # Guards: one work's figure with another work told later; a batch of one.
    ("", "4月30日，总投资64亿元的某光伏项目签约仪式在某县举行。县委书记某某出席。\n此前，某县已有3个项目签约落地。",
     {"amount": 6.4e9, "kind": "project"}),
]


@pytest.mark.parametrize("title,body,want", _BATCH_TOLD_AFTER)
def test_a_figure_whose_works_are_counted_next_is_the_batchs(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_LISTS_AND_OPENINGS = [
    # A year's list of key works put out: its total is the list's, no project's.
    ("某省：今年首批省重点项目名单“出炉” 总投资逾万亿元", "记者4月23日获悉，省发改委日前印发2018年第一批省重点建设项目计划，共安排重点"
     "建设项目276个，总投资10113亿元。", {"amount": None}),
    ("某省发布2026年省级重点项目清单 四成以上产业项目布局新兴产业", "首批937个省级重点项目，总投资33904亿元。以1月底开工的某工程为例，"
     "总投资156.62亿元。", {"amount": None, "stage": None}),
    # A park opened for work (开园运营): in production.
    ("", "5月21日，某智能产业园正式开园运营。据了解，该产业园总投资约17亿元。", {"amount": 1.7e9, "stage": "投产"}),
    # Guards: a batch's own headline; a park to open.
    ("某市重大项目集中开工", "今天，某市30个重大项目集中开工，总投资300亿元。", {"amount": 3e10, "stage": "开工"}),
    ("", "某产业园计划明年正式开园。", {"stage": None}),
]


@pytest.mark.parametrize("title,body,want", _LISTS_AND_OPENINGS)
def test_a_years_list_and_a_park_opened(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_WHAT_IT_CAN_DO = [
    # What a work can do, or does once done: no stage reached.
    ("", "该项目今年可全部竣工。", {"stage": None}),
    ("", "该项目不久即可投产。", {"stage": None}),
    ("", "该水库建成可以保障全市用水。", {"stage": None}),
    ("", "该项目竣工後每年可生产钢材100万吨。", {"stage": None}),
    # Guards: a completion today with its prospect in the next clause; a saying; a permit held.
    ("", "某大桥今天建成通车，将极大方便群众出行。", {"stage": "竣工"}),
    ("", "某项目今天竣工，可以说是全县最大的项目。", {"stage": "竣工"}),
    ("", "某项目取得施工许可后，今天正式开工建设。", {"stage": "开工"}),
]


@pytest.mark.parametrize("title,body,want", _WHAT_IT_CAN_DO)
def test_what_a_work_can_do_is_no_stage_reached(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)
