"""Session 23: session 22's review (30 regressions among 127 made-up probes, each ``want`` decided before the probe was
run) mended. Each case is the review's probe; together with session 22's own cases (tests/test_facts_session22.py,
unchanged) they pin both sides of every narrowed rule."""

from __future__ import annotations

import time
from typing import Any

import pytest

from facts_probe_check import wrong_fields
from newsmon.facts import extract_facts

null = None


def _check(title: str, body: str, want: dict[str, Any]) -> None:
    facts = extract_facts(title, body)
    assert wrong_fields(facts, want) == [], facts.to_dict()


_ONE_WORKS_FIGURE = [
    # A batch told next needs works: not a work's prospects (有望, 有序), its parts (包括4栋厂房…), the works beside it
    # (当天开工的还有…3个项目) or its rank (第3个).
    ("", "3月8日，某县某新材料项目正式开工。总投资5亿元的该项目有望明年6月建成投产。", {"amount": 500000000.0, "kind": "project", "stage": "开工"}),
    ("某产业园项目开工", "今天，总投资12亿元的产业园项目包括4栋标准化厂房、1栋研发楼及配套设施，将于明年建成。", {"amount": 1200000000.0, "kind": "project", "stage": "开工"}),
    ("", "今天，总投资20亿元的某锂电池项目在某县开工。县委书记某某出席开工仪式。当天开工的还有某物流园等3个项目。", {"amount": 2000000000.0, "kind": "project", "stage": "开工"}),
    ("", "今天，某县与某集团签约，投资8亿元的项目有望年内开工。", {"amount": 800000000.0, "kind": "project", "stage": "签约"}),
    ("某县污水处理厂项目开工", "今天，某县污水处理厂项目开工，总投资5亿元的项目涵盖污水处理、管网铺设等内容。", {"amount": 500000000.0, "kind": "project", "stage": "开工"}),
    ("", "今天，总投资6亿元的某项目在某县签约。项目由某集团投资建设。此次签约的是该县今年第3个亿元以上项目。", {"amount": 600000000.0, "kind": "project", "stage": "签约"}),
    ("", "总投资3亿元的某项目有序推进，预计年底竣工。", {"amount": 300000000.0, "kind": "project", "stage": null}),
    # …and counts 十一个 (the counter had no 一).
    ("", "5月20日，总投资15亿元的某项目签约仪式举行。市长某某出席。此次签约的十一个项目涉及新能源、新材料等领域。", {"amount": 1500000000.0, "kind": "roundup", "stage": "签约"}),
    # Several works need a join right before the next investment phrase: not 及/和 inside a name, a work and its 配套
    # part, another measure of one work, an investor's earlier works, a total's parts.
    ("", "总投资30亿元的某电池研发及生产基地项目今天开工，项目建成后将带动上下游配套企业投资20亿元。", {"amount": 3000000000.0, "stage": "开工"}),
    ("", "总投资100亿元的某石化项目和投资20亿元的配套码头今天同步开工。", {"amount": 10000000000.0, "stage": "开工"}),
    ("某新材料项目签约", "今天，某新材料项目签约。项目总投资5亿元、固定资产投资4.2亿元，建设年产10万吨某材料生产线。", {"amount": 500000000.0, "stage": "签约"}),
    ("", "今天，总投资8亿元的某和美乡村示范项目开工，项目完成后，村集体将再投资1亿元建设民宿。", {"amount": 800000000.0, "stage": "开工"}),
    ("", "今天，总投资20亿元的某电池项目签约落户某县。此前，该集团在某市建设的总投资10亿元的材料基地已投产。该集团在某省总投资5亿元的研发中心也于去年建成。", {"amount": 2000000000.0, "stage": "签约"}),
    ("某文旅项目开工", "今天，总投资12亿元的某文旅项目开工。\n该项目总投资中，景区建设总投资8亿元。\n配套酒店总投资4亿元。", {"amount": 1200000000.0, "stage": "开工"}),
]


@pytest.mark.parametrize("title,body,want", _ONE_WORKS_FIGURE)
def test_one_works_figure_is_no_batch_nor_one_of_several(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_CAMPAIGNS = [
    # A campaign's headline over one work's story: that work's figure and stage.
    ("某高速公路项目打响冬季施工大会战", "近日，某高速公路项目全线掀起冬季施工高潮。该项目全长86公里，总投资120亿元，于2022年3月开工建设。", {"amount": 12000000000.0, "stage": "开工"}),
    ("某铁路站前工程掀起百日大会战", "连日来，某铁路施工现场一派繁忙。该铁路全长120公里，总投资150亿元，2023年5月开工建设，计划2026年建成通车。", {"amount": 15000000000.0, "stage": "开工"}),
    ("某县加快推进重点项目建设", "在某光伏电站项目现场，工人们正在加紧安装光伏板。该项目总投资20亿元，装机容量30万千瓦，预计年底并网发电。", {"amount": 2000000000.0, "stage": null}),
    ("市第一人民医院新院区：项目建设跑出加速度", "走进市第一人民医院新院区项目施工现场，塔吊林立。该项目总投资15亿元，目前主体结构已封顶。", {"amount": 1500000000.0, "stage": "开工"}),
    ("某县：项目建设跑出“加速度”", "某县某纺织产业园项目现场一片繁忙。该项目总投资18亿元，目前一期厂房已封顶。", {"amount": 1800000000.0, "stage": "开工"}),
    # …and a county's name before 项目建设 is no campaign mark (session 23's review: one work's story under "某县项目建设跑出
    # 加速度"; the county's counted works under "某县项目建设热潮涌动" stay a known miss, docs/status.md).
    ("某县项目建设跑出加速度", "作为今年省重点项目，某纺织产业园项目现场机器轰鸣、车辆穿梭。该项目总投资18亿元。", {"amount": 1.8e9}),
    # A rate after the day's batch figure is a comparison, not a span's tally.
    ("", "今天，某市第二批重大项目集中开工，共开工项目30个，总投资200亿元，开工率100%。", {"amount": 20000000000.0, "kind": "roundup", "stage": "开工"}),
    ("", "今天，某县集中签约项目10个，总投资50亿元，项目履约率达到100%。", {"amount": 5000000000.0, "kind": "roundup", "stage": "签约"}),
]


@pytest.mark.parametrize("title,body,want", _CAMPAIGNS)
def test_a_campaign_headline_over_one_work_is_that_works_news(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_STAGES = [
    # A verb told as reached, or a headline's event with its effect: 将/可 after it is no condition.
    ("某项目成功签约将带动就业3000人", "近日，某县与某集团就某新能源项目达成合作，总投资20亿元。", {"amount": 2000000000.0, "stage": "签约"}),
    ("某大桥建成通车将极大缩短两岸通行时间", "今天上午，某大桥举行仪式，市领导出席。", {"stage": "竣工"}),
    ("某项目正式投产将助力某县打造千亿产业集群", "今天，某项目举行仪式，省市领导出席。", {"stage": "投产"}),
    # A park's season or show opening is no work in production; none newly started is none started.
    ("某滑雪场新雪季正式开园", "12月1日，某滑雪场迎来新雪季，正式开园迎客。", {"stage": null}),
    ("", "3月20日，某公园第十届郁金香花展正式开园。", {"stage": null}),
    ("", "今年一季度，某镇无新开工项目。", {"stage": null}),
    # A fair's or the day's batch so far (short fair names, 截止发稿时 at 本次签约) is the event's.
    ("", "截至9月9日，第二十三届厦洽会共签约项目860个，总投资3000亿元。", {"amount": 300000000000.0, "kind": "roundup", "stage": "签约"}),
    ("", "截止发稿时，本次签约仪式共签约项目20个，总投资100亿元。", {"amount": 10000000000.0, "kind": "roundup", "stage": "签约"}),
]


@pytest.mark.parametrize("title,body,want", _STAGES)
def test_reached_stages_and_fairs_so_far(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_PLACES = [
    # A province's or city's portal named like a district (华龙网 is Chongqing's, not 濮阳's 华龙区) places nothing.
    ("", "华龙网讯 近日，某产业园项目开工，总投资5亿元。", {"city": null}),
    # An official's title (省委常委) is no province's event.
    ("", "2024年重大项目集中签约仪式在宜昌举行。省委常委、市委书记某某出席签约仪式。现场签约项目30个，总投资300亿元。", {"city": "宜昌"}),
    # A province's headline over a sited work keeps its city, whatever cities it reaches.
    ("河南一产业园项目开工", "近日，位于郑州市的某产业园项目开工。项目建成后将辐射开封、洛阳等地。", {"city": "郑州"}),
    # Guards: a county's own outlet still places it.
    ("", "今日竹山网讯 近日，某产业园项目开工，总投资5亿元。", {"city": "十堰"}),
]


@pytest.mark.parametrize("title,body,want", _PLACES)
def test_portals_officials_and_sites_place_rightly(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_REVISED = [
    # The new figure in every form _AMOUNT reads: 3,000万元, 到了, 亿美元, 投资总额由…增至, 约.
    ("", "某项目总投资由3,000万元调整为3,500万元。", {"amount": 35000000.0}),
    ("", "某项目总投资由12亿元调整到了15亿元。", {"amount": 1500000000.0}),
    ("", "某项目总投资由1.2亿美元调整为2亿美元。", {"amount": 200000000.0, "currency": "USD"}),
    ("", "某外资项目投资总额由1.2亿美元增至2亿美元。", {"amount": 200000000.0, "currency": "USD"}),
    ("", "受原材料涨价影响，某大桥工程总投资由约12亿元调整为约15亿元。", {"amount": 1500000000.0}),
]


@pytest.mark.parametrize("title,body,want", _REVISED)
def test_a_revised_total_in_every_written_form(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


@pytest.mark.parametrize("body,difference", [
    ("某医院扩建项目总投资由8亿元增加2亿元，达到10亿元。", 2e8),
    ("某项目总投资从12亿元核减1.5亿元，核减后为10.5亿元。", 1.5e8),
    ("某项目总投资由12亿元下调1亿元。", 1e8),
])
def test_a_revision_by_a_difference_is_no_total(body: str, difference: float) -> None:
    # (The total it reached, told in a later clause, is not read yet: the figure it was stands; never the difference.)
    assert extract_facts("", body).amount != difference


@pytest.mark.parametrize("unit", ["总投资12亿元，", "总投资由12亿元调整为15亿元，"])
def test_a_page_of_figures_costs_bounded_time(unit: str) -> None:
    # Every figure read its clause and sentence: 11.7 s and 6.4 s for 100,000 characters (session 22's review). Now the
    # first 400 figures are read (real pages state 75 at most): ~0.5 s on an idle machine.
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    extract_facts("丹灶镇", "")  # the tables load outside the timing
    started = time.process_time()
    extract_facts("", text)
    assert time.process_time() - started < 3, time.process_time() - started


# Classes read on held-out sets E and F of session 22 (now development pages; session 23's fresh set G measures).
_COUNTED_BATCHES = [
    # Works counted by 条/座, N大 (digits too), N项…工程, or N个 before their total: the batch's total.
    ("", "近日，省发改委批复同意建设两条高速公路项目，估算总投资为526亿元。", {"amount": 5.26e10, "kind": "roundup", "stage": "核准"}),
    ("", "3大项目签约落户某新区，项目合计总投资257亿元。", {"amount": 2.57e10, "kind": "roundup", "stage": "签约"}),
    ("", "今天，全市160项重大工程集中开工，总投资超3400亿元。", {"amount": 3.4e11, "kind": "roundup", "stage": "开工"}),
    ("", "2月6日，某区投资促进大会召开，23个计划总投资额124亿元的产业项目正式签约。", {"amount": 1.24e10, "kind": "roundup", "stage": "签约"}),
    ("", "3月28日，某县与甲公司、乙公司、丙公司签约，计划投资金额共17.5亿元。此次签约的三家企业涵盖科技制造、清洁能源等领域。",
     {"amount": 1.75e9, "kind": "roundup", "stage": "签约"}),
    # A fair's 累计 so far is the edition's.
    ("", "据悉，本届合作周累计新签约台资项目38个，总投资额达到48.3亿美元。", {"amount": 4.83e9, "currency": "USD", "kind": "roundup"}),
    # Guards: one of a list (之一), one work (一座), a class each counted work is of, a programme pushed on.
    ("", "作为国家172项重大水利工程之一，总投资99.2亿元的某水利枢纽工程今天通过竣工验收。", {"amount": 9.92e9, "kind": "project", "stage": "竣工"}),
    ("", "某县一座大型粮食储备库项目获批，总投资5.2亿元。", {"amount": 5.2e8, "kind": "project"}),
    ("", "此项工程总投资4579万元，主要有场道、围场路、排水、消防给水等7项工程。", {"amount": 4.579e7, "kind": "project"}),
    ("", "该项目是一项民生工程，项目总投资5.4亿元。", {"amount": 5.4e8, "kind": "project"}),
    ("", "今天，某县签约8个投资过5000万元的项目。", {"amount": None}),
    ("", "国家将加快推进防洪减灾、水资源优化配置、智慧水利等150项重大水利工程建设，总投资达1.29万亿元。", {"amount": None}),
    ("", "省发展改革委发布了2026年该省486项重点建设项目，总投资11364亿元。", {"amount": None}),
]


@pytest.mark.parametrize("title,body,want", _COUNTED_BATCHES)
def test_works_counted_in_every_form_total_a_batch(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_EXAMPLE_WORKS = [
    # A story of a place's works in general: the works told later with their figures are examples.
    ("上下同心推动产业项目建设“加速跑”", "当前，全市上下同心，全力推进重点产业项目建设。\n在某产业园，工人们正在加紧施工。某新材料项目计划总投资2.6亿元，"
     "土建施工已基本完成。\n在某物流园，某冷链项目总投资1.2亿元，主体已封顶。", {"amount": None}),
    ("某区项目建设跑出加速度", "某区坚持把项目建设作为硬支撑，以高质量项目建设推动区域经济发展。\n在某路，某半导体产业基地项目如火如荼建设中。"
     "该项目总投资10亿元，占地9.6万平方米。\n某智能制造项目总投资5亿元，正在进行设备安装。", {"amount": None}),
    # (Session 59) …but a story that states one work's figure alone is that work's story: readers of sessions 54–59 label
    # the figure on 6 of 7 such pages (session 22's readers labelled none; these two cases said so until session 59).
    ("上下同心推动产业项目建设“加速跑”", "当前，全市上下同心，全力推进重点产业项目建设。\n在某产业园，工人们正在加紧施工。某新材料项目计划总投资2.6亿元，"
     "土建施工已基本完成。", {"amount": 2.6e8}),
    ("某区项目建设跑出加速度", "某区坚持把项目建设作为硬支撑，以高质量项目建设推动区域经济发展。\n在某路，某半导体产业基地项目如火如荼建设中。"
     "该项目总投资10亿元，占地9.6万平方米。", {"amount": 1e9}),
    # Guard: an untitled page whose scene-setting lead goes on to one work's news (fresh pages of session 23).
    ("", "在开展三个建设年中，我区项目建设如火如荼。目前，某物流公路港项目已经全部竣工。\n某物流公路港项目总建筑面积8.6万平方米，"
         "总投资3亿元。", {"amount": 3e8, "stage": "竣工"}),
    # Guards: the headline or the lead names the work, or the lead reports its stage.
    ("某水库工程建设如期推进", "近4个月来，某县加快推进某水库工程建设。\n该工程总投资12亿元，目前大坝已完成主体浇筑。", {"amount": 1.2e9}),
    ("某大桥主塔封顶", "8月15日，某大桥主塔顺利封顶，项目建设取得重要节点性进展。\n该项目全长6.8公里，总投资32亿元。", {"amount": 3.2e9}),
    ("", "今天，某县重点项目某光伏电站开工建设，县领导出席。\n该项目总投资8亿元，装机容量20万千瓦。", {"amount": 8e8, "stage": "开工"}),
]


@pytest.mark.parametrize("title,body,want", _EXAMPLE_WORKS)
def test_a_places_works_told_as_examples_state_no_amount(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_STAGES_HELD = [
    # A name ending in 建 before 成功 ("矿建成功中标") is no completion.
    ("", "3月21日，某公司所属国龙矿建成功中标某露天煤矿土建工程，合同额逾9200万元。", {"stage": "招标"}),
    # 力求, 明后年: plans (the work under way is 开工: session 27's convention).
    ("", "现在一期工程正在加紧施工，力求6月份竣工。", {"stage": "开工"}),
    ("", "该公司计划投资37亿元进行17个项目建设，17个项目明后年陆续竣工。", {"stage": None}),
    # A month's (N月份) count of starts, a span's works counted before the verb: tallies.
    ("", "11月份，某市新开工亿元以上项目17个，总投资191亿元。", {"amount": None, "stage": None}),
    ("", "一季度，某铁路专用线、某管道等22个项目开工建设，占年度计划的35%。", {"stage": None}),
    # History, a hoped-for effect's condition, many works, an aim, a tender plan.
    ("", "某水泥厂于1891年建成投产，是我国第一家水泥厂。", {"stage": None}),
    ("", "随着这些项目的建成投产，某产业集群有望迎来新一轮增长。", {"stage": None}),
    ("", "某产业园内一条条生产线建成投用，一座座厂房拔地而起。", {"stage": None}),
    ("", "在某产业园施工现场，工人们正在为项目建成做最后的冲刺准备。", {"stage": "开工"}),  # under way, not built
    ("", "某市公共资源交易平台发布某矿项目EPC工程总承包招标计划。", {"stage": None}),
    # Guards: a completion today; a 1990s year is not history; a firm's 一家家具 is not 一家家.
    ("", "某公司承建的某项目今天建成投产。", {"stage": "投产"}),
    ("", "某电厂二期工程于1995年建成投产。", {"stage": "投产"}),
    ("", "东莞市一家家具企业在越南新建的生产基地上周正式投产。", {"stage": "投产"}),
]


@pytest.mark.parametrize("title,body,want", _STAGES_HELD)
def test_stage_words_that_report_no_stage_reached(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


def test_a_countys_old_name_reads_as_its_city() -> None:
    # 射洪县 became 射洪市 (遂宁) in 2019; jieba tags the rare word 射洪 "vn", which had kept its old name unread.
    _check("", "日前，某公司就某零部件生产基地项目与射洪县政府正式签订投资协议，项目总投资2亿元。", {"amount": 2e8, "city": "遂宁"})


def test_a_part_after_qizhong_fills_no_batchs_bound() -> None:
    # "近400亿元" is the day's 43 works'; the 29 key works' 365亿元 after 其中 is a part of them, not the bound's figure.
    _check("", "昨天上午，我市举行重大项目集中开工仪式，全市43个项目同时开工，总投资近400亿元。其中，重大项目29个，总投资365亿元。",
           {"amount": 4e10, "kind": "roundup", "stage": "开工"})


@pytest.mark.parametrize("title,body,want", [
    # A place's works summed up on no day of its own: its stage words are its examples'.
    ("", "今年以来，某开发区狠抓重点项目建设，提高企业投产率。\n某公司生产线已建成投产，某项目已开工建设。", {"amount": None, "stage": None}),
    ("上下同心推动产业项目建设“加速跑”", "当前，全市上下同心，全力推进重点产业项目建设。\n某新材料项目已开工建设。", {"stage": None}),
    # Guards: a day's event of the place's works; one work named.
    ("", "3月25日，我县举行重点项目集中开工活动，一批项目开工建设。", {"stage": "开工"}),
    ("某水库工程建设如期推进", "某县加快推进某水库工程建设。该工程已开工建设，目前大坝主体已完成。", {"stage": "开工"}),
])
def test_a_places_works_summed_up_on_no_day_report_no_stage(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


def test_several_investing_firms_homes_are_no_site() -> None:
    # Firms listed as joint investors name their homes (浙江湖州…有限公司); the work is where it started.
    _check("", "由内蒙古某集团、浙江某新能源有限公司、浙江湖州南浔某开发有限公司三家联合投资建设的多晶硅项目一期工程在内蒙古通辽"
               "霍林郭勒市举行了隆重的开工仪式。", {"city": "通辽", "stage": "开工"})


@pytest.mark.parametrize("title,body,want", [
    # 总出资 is a total; a work 正式运营 is in use (投产), not an institution's years of operation.
    ("", "今天，某文旅综合体项目签约，项目总出资8亿元。", {"amount": 8e8, "stage": "签约"}),
    ("", "今天，某县某商贸物流园正式运营。", {"stage": "投产"}),
    ("", "亚投行正式运营十年来，批准项目361个。", {"stage": None}),
])
def test_total_contribution_and_operation_begun(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


@pytest.mark.parametrize("title,body,want", [
    # A headline's bare year before the verb is the year a work is due; a programme's quoted name; a batch of works
    # (一批) done as a trend.
    ("长春新会展中心2020年开工建设", "2020年，将开工建设长春新会展中心。", {"stage": None}),
    ("某市以“十大投产项目”为抓手推动工业发展", "某市确保项目按期投产。", {"stage": None}),
    ("", "全省工业经济稳中有进，一批重大项目建成运营。", {"stage": None}),
    # Guards: a headline's dated event; a day's batch of works (一批…集中开工 today).
    ("某项目3月5日开工建设", "3月5日，某项目开工建设。", {"stage": "开工"}),
    ("", "今天，一批重大项目集中开工，总投资50亿元。", {"stage": "开工"}),
])
def test_years_due_programme_names_and_trends_are_no_stage(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


@pytest.mark.parametrize("title,body,want", [
    # Session 23's review of its own rules: a named work's headline (医院新院区, 污水处理厂, 路改造), 迎客 at a park's opening,
    # 建成功能完善的, a year long before the verb's clause, a platform's 正式运营, 人民币 before a revised figure, parts counted.
    ("某县加快推进人民医院新院区建设", "走进某县人民医院新院区建设现场，塔吊林立。\n该项目总投资12亿元，主体结构已封顶。", {"amount": 1.2e9}),
    ("攻坚克难 某县东环路改造提速推进", "眼下，某县东环路改造现场一片繁忙。\n该工程总投资3亿元，预计年底完工。", {"amount": 3e8}),
    ("总投资30亿元的某欢乐谷主题乐园正式开园迎客", "", {"amount": 3e9, "stage": "投产"}),
    ("某县建成功能完善的城乡供水一体化工程", "", {"stage": "竣工"}),
    ("", "始建于1958年的某水库除险加固工程近日顺利竣工，总投资1.2亿元。", {"amount": 1.2e8, "stage": "竣工"}),
    ("某县政务服务平台正式运营", "", {"stage": None}),
    ("", "某污水处理厂项目总投资由12亿元调整为人民币15亿元。", {"amount": 1.5e9}),
    ("", "今天，某公司投资5亿元建设的4条高端铝型材生产线项目在某县开工。", {"amount": 5e8, "kind": "project"}),
    ("", "今天，某县投资2.3亿元的水库除险加固工程开工，工程分为3个单项工程，预计明年汛前完工。", {"amount": 2.3e8, "kind": "project"}),
    ("", "某镇引进的新能源电池项目总投资5亿元、精密铸造项目总投资3亿元、农产品冷链项目总投资2亿元，目前均已开工。", {"amount": None}),
])
def test_the_reviews_sentences_of_session_23(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)
