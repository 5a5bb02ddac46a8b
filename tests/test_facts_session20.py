"""Session 20: classes of misses on a second round of real regional pages (search's pages corpus, not stored: no
licence; bench/data/facts/README.md "Real pages (session 20)"). Every case is made up after one class, with guards
that keep the older readings; the right answer was decided before the rule was written."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Optional

import pytest

from facts_probe_check import first_city, wrong_fields
from newsmon.facts import extract_facts


def _check(title: str, body: str, want: dict[str, Any]) -> None:
    facts = extract_facts(title, body)
    assert wrong_fields(facts, want) == [], facts.to_dict()


_TALLIES = [
    # A span's summary counts its works' stages: no one project's stage, nor the stage its headline counts (session 40).
    ("上半年某县重点项目建设实现“双过半”",
     "今年以来，全县32个重点项目完成投资45亿元。其中，15个项目已开工建设，一批项目已建成投产。",
     {"amount": None, "stage": None}),
    ("", "一季度，全市20个省重点工业项目完成投资30.5亿元，完成年度计划的25%。8个新开工项目中，5个项目已开工建设。",
     {"amount": None, "stage": None}),
    ("", "2024年，我县安排重点项目80宗，总投资960亿元。1-4月，完成投资60亿元，新开工项目12宗。",
     {"amount": None, "stage": None}),
    # …a scene-setting sentence first, the tally told on a day ("发布消息称") all the same.
    ("", "四季度是施工的黄金期。12月30日，市发展改革委发布消息称，今年四季度市级重大项目共完成投资500亿元。从开工情况看，"
         "20个市级重大项目新开工建设，总投资300亿元。", {"amount": None}),
    ("上半年某市150个产业项目完成投资420亿元",
     "今天记者从某市获悉，今年上半年，全市150个年度实施项目完成投资420亿元。走进某智能制造项目建设现场，该项目总投资80亿元，"
     "主厂房已封顶。", {"amount": None}),
    # The headline's tally phrase counts a stage; a tally reports none (session 40's convention).
    ("前三季度某县新开工亿元以上项目28个", "今年以来，某县持续开展项目攻坚。前三季度，全县新开工亿元以上项目28个，总投资150亿元。",
     {"amount": None, "stage": None}),  # (a headline's counted stage: 开工 until session 39; session 40 follows the
    # settled convention, bench/data/facts/README.md: a span's tally reports no stage)
    ("1-9月全省新签国内合作项目512个 到位资金超300亿元", "1-9月，全省新签国内合作项目512个，到位资金超300亿元，同比增长8%。",
     {"amount": None, "stage": None}),
    ("2023年自治区本级“155”重点项目计划“出炉”", "近日获悉，今年自治区本级安排重点项目155个，其中重点预备开工项目52个，项目总投资约1393亿元。",
     {"amount": None}),
    ("某市今年铺排324个重点建设项目", "今年全市共铺排重点建设项目324个，年度计划投资2000亿元。", {"amount": None}),
    # A list of key works joined is no event's batch.
    ("", "日前，省政府下发2015年省重点建设项目安排，我县共14个项目列入省重点建设项目，项目总投资约61亿元。", {"amount": None}),
    # Guards: a day's event after a year's plan; a tally's example work with its own news; a tour of one work.
    ("", "今年全市计划实施重点项目300个。此次集中开工项目58个，总投资210亿元。", {"amount": 2.1e10, "kind": "roundup", "stage": "开工"}),
    ("", "今年上半年，某市重点项目完成投资412亿元。其中，总投资56亿元的某测试场项目已完成主体建设。", {"amount": 5.6e9}),
    ("【重点项目建设巡礼】市委全会与会人员观摩某新区装备制造产业园项目",
     "1月4日上午，市委全会与会人员来到某新区装备制造产业园项目现场观摩。该项目2022年1月开工建设，总投资额10亿元。",
     {"amount": 1e9, "stage": "开工"}),
    # A tally's example work told without news of its own is an example.
    ("", "6月16日，记者在某县了解到，今年前5个月，全县新签约项目共10个，计划总投资56亿元。\n在新签约的10个项目中，"
         "与某能源公司签订的项目计划投资20亿元，建设风电场。", {"amount": None}),
]


@pytest.mark.parametrize("title,body,want", _TALLIES)
def test_tally_stories(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_STAGES = [
    # A part of a work finished, or built, is no completion.
    ("某大桥主体建设顺利完工", "日前，随着最后一片箱梁架设完成，某大桥工程主体已全部完工。该桥总投资2.7亿元，预计明年通车。", None),
    ("", "目前，该项目生产车间地基工程已完工，正积极推进主体工程建设。", None),
    ("", "项目去年已建成1号、2号车间主体工程及钢构厂房，今年继续建设深加工车间。", None),
    ("", "工地已进入抢进度的关键期，厂房结构方面都基本完工，现在主要是外墙施工。", None),
    # A goal the verb names: no completion (the capping itself is a work under way, 开工 since session 27's convention).
    ("", "此次封顶为项目按期竣工交付奠定了坚实基础。", "开工"),
    ("", "大楼顺利封顶，向全面落成交付使用迈出了坚实一步。", "开工"),
    # Land for a work approved.
    ("", "该项目用地指标于今年6月经省自然资源部门正式批复。", None),
    # A work under way since its start.
    ("", "该项目自2023年4月动工建设以来，累计完成投资6.2亿元，建成办公楼。", "开工"),
    # A plant's trial run finished, handed over to operation.
    ("", "某电厂2号机组顺利完成168小时满负荷试运行，正式移交商业运营。", "投产"),
    ("", "某热电项目1号锅炉日前完成首次进料试运行。", "投产"),
    ("", "某县城区供水管网改造工程日前完成立项审批，总投资1.2亿元。", "核准"),
    ("", "某钢厂新建生产线重载试车圆满成功。", "投产"),
    ("", "某热电项目已完成1号机组试运行前的各项准备工作。", None),
    ("", "某化工装置无负荷联动试车成功，为下一步投料打下基础。", None),
    # Signings with banks, credit or funds: financing, no work signed.
    ("某市政府与某银行战略合作协议签约仪式举行", "6月17日下午，某市政府与某银行战略合作协议签约仪式举行，双方将在基础设施等领域深化合作。", None),
    ("", "现场签约25个项目，授信金额逾20亿元。", None),
    ("", "此次银企对接签约活动，对于帮助园区企业发展意义重大。", None),
    ("", "某投资公司联合某产投集团成功签约设立某产业发展基金，基金规模20亿元。", None),
    # Guards: a signing of investment with a bank's name in a work's name; a signing with firms.
    ("", "签约项目共有4个，分别是某陆港金融产业中心项目、某数据湖项目等，投资总额达到560亿元。", "签约"),
    ("", "某县与某银行签约的同时，与3家企业签订投资协议，总投资30亿元。", "签约"),
    ("", "某大桥主体工程全部完工后，全线竣工通车。", "竣工"),
    # An event being prepared; a meeting on a quarter's starts and completions.
    ("做好重点项目集中开复工仪式筹备工作", "会议要求各地做好重点项目集中开工仪式筹备工作。", None),
    ("我市召开第二季度重点项目开工、竣工工作推进会", "5月18日，我市召开第二季度重点项目开工、竣工工作推进会，通报了全市项目建设进展。", None),
    # Approvals of no work: an entity founded, a document passed, money won; approvals and reviews in other words.
    ("", "日前，省政府新批复成立三个省级开发区。", None),
    ("", "水利部、财政部联合批复《某省农村水电增效扩容改造实施方案》。", None),
    ("", "我市4个项目获批，争取资金1.93亿元。", None),
    ("", "某化工公司年产5万吨项目环境影响报告书日前通过了省生态环境厅的审批。", "核准"),
    ("", "某生物公司年产10万吨项目日前顺利通过了技术评估。", "评审"),
    # A promotion tells its signings late.
    ("某市（长三角）招商推介会在上海举行", "推介会在上海举行。\n市长致辞，介绍了投资环境。\n与会客商观看了宣传片。\n"
                                   "多位企业家发言。\n推介会上，共签约项目58个，总投资320亿元。", "签约"),
    ("某县召开全县项目建设大会", "会议总结了去年工作。\n会议部署了今年任务。\n会议表彰了先进。\n会上，某项目签约。", None),
    # 新签 (newly signed) counts as a signing where projects follow.
    ("", "当天，某区新签项目18个。", "签约"),
]


@pytest.mark.parametrize("title,body,stage", _STAGES)
def test_stages(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


_AMOUNTS = [
    # A batch stated once in the lead and again with its count, or its projects listed, or several parties signing.
    ("", "5月18日，某经开区举办重点项目签约仪式，总投资58亿元，副市长出席。\n本次签约的4个重点项目总投资58亿元。",
     {"amount": 5.8e9, "kind": "roundup"}),
    ("", "3月10日，某市举行重点项目云签约活动。\n本次签约项目包括某智能传动产业园、某运营总部、某光电城等，总投资达320亿元。",
     {"amount": 3.2e10, "kind": "roundup"}),
    ("", "日前，某县与6家企业签订投资协议，总投资30亿元。", {"amount": 3e9, "kind": "roundup"}),
    ("", "在某博览会开幕式上，百家客商签订了投资合同，签约投资总额12.5亿美元。", {"amount": 1.25e9, "currency": "USD", "kind": "roundup"}),
    # A bound later stated precisely; a headline's whole number cut from the lead's figure.
    ("", "某集团斥资逾百亿建设抽水蓄能电站。9月15日，电站筹备工程开工，总投资126亿元的某抽水蓄能电站计划于2030年投产。",
     {"amount": 1.26e10, "kind": "project"}),
    ("投资18亿！某市首个储能电站项目签约", "9月28日，某储能电站项目举行签约仪式。项目估算投资18.36亿元。", {"amount": 1.836e9}),
    # A recalled event's figure before the day's work's own.
    ("某石化项目开工", "12日，某公司60万吨/年环氧丙烷项目正式启动建设。\n去年10月，某公司投资150亿元的某新材料产业园签约落地。\n"
                   "此次率先开工的60万吨/年环氧丙烷项目，总投资66亿元。", {"amount": 6.6e9}),
    # A work made of parts; a rate in its own clause.
    ("", "某乙烯工程及配套项目，投资180亿人民币，由8套主装置和公用系统工程组成。", {"amount": 1.8e10}),
    ("", "项目占地约230亩，固定资产投资强度不低于200万元每亩，投资总额约6亿元。", {"amount": 6e8}),
    # A fair's signings so far, 引资 and 共计 totals, investment agreements signed at a promotion.
    ("", "截至20日，某市已在第十届某博览会上签约合作项目12个，计划投资金额86.5亿元。", {"amount": 8.65e9, "kind": "roundup"}),
    ("", "某区共有9个项目集中签约，引资达26.4亿元，创历史最好纪录。", {"amount": 2.64e9, "kind": "roundup"}),
    ("", "展会期间，有25个产业合作项目落户某市，共计52.6亿元。", {"amount": 5.26e9, "kind": "roundup"}),
    ("", "推介会上，8个乡镇分别与投资企业签订了8项投资协议，投资总额折合人民币3亿元。", {"amount": 3e8, "kind": "roundup"}),
    # A place's own share of a fair, told by the place itself; not the host city's whole batch.
    ("", "第十四届某洽谈会于7月9日闭幕，共签订重大合作项目41个，签约总额达到55.44亿元。\n洽谈会期间，我市代表团参加了"
         "重大项目签约仪式。当天，共签约各类招商引资项目63项，总投资25.11亿元。", {"amount": 2.511e9, "kind": "roundup"}),
    ("", "某市举行重大项目集中开工活动，92个重大项目集中开工，总投资1272亿元。这些项目将为我市优化产业结构提供支撑。\n"
         "作为主会场，某啤酒工厂项目总投资12.14亿元，将带动我市食品加工业发展。", {"amount": 1.272e11, "kind": "roundup"}),
    # Projects counted by the class each is of: no total.
    ("", "某县与客商当场签约6个投资过5000万元的项目。", {"amount": None}),
    # Guards: a batch's total before its projects; one signed project's contract sum.
    ("", "今天，某新区21个总投资305亿元的项目集中投产。", {"amount": 3.05e10, "kind": "roundup"}),
    ("", "本次签约的某高端装备制造项目合同投资额18亿元，由某公司投资建设。", {"amount": 1.8e9, "kind": "project"}),
    # A batch started together that states no total: its works' figures are examples.
    ("某县第三季度重大项目集中开工", "19日，随着开工礼炮鸣响，某县第三季度重大项目建设启动。\n当天上午，某岩棉生产线项目正式动工。"
                            "该项目占地35亩，拟投资3.1亿元。\n与此同时，某木材加工项目开工，计划总投资3亿元。",
     {"amount": None, "stage": "开工"}),
    ("某市41个重点项目集中开工", "4月8日，某市41个重点项目集中开工。\n其中，总投资207亿元的某可降解塑料项目分二期建设。",
     {"amount": None, "stage": "开工"}),
    ("某县签约六大项目 计划开工", "近日，某县与多家企业签约。\n其中，某新材料项目总投资8亿元，将建设生产线。", {"amount": None}),
    # Guards: the lead's total of the batch; a span's example work with news of its own.
    ("某县12个项目集中开工", "今天，某县举行12个项目集中开工仪式，总投资50亿元。\n其中，某项目总投资20亿元。",
     {"amount": 5e9, "kind": "roundup"}),
    # A page's metadata lines above the story are no lead.
    ("某县：开工项目总投资达5亿元", "来源:某日报 发布时间:2020-01-01\n舞动的月色\n昨日，某县举行3个项目开工仪式，项目总投资5亿元。",
     {"amount": 5e8, "kind": "roundup", "stage": "开工"}),
]


@pytest.mark.parametrize("title,body,want", _AMOUNTS)
def test_amounts(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_PLACES = [
    # "Our" city's event held elsewhere names no site.
    ("我市承接产业转移招商推介会在深圳举办", "10月21日，我市在深圳举办了承接产业转移招商推介会。会上，共有6个项目签约，总合同引资18.8亿元。", None),
    ("", "我县赴广州开展招商活动，签约仪式在广州市举行。我县共签约项目12个，总投资74亿元。", None),
    # Guards: a fair held at home; a local firm's home.
    ("百家客商签约投资我市", "在某市举行的2007年中国（江门）摩托车工业博览会开幕式上，百家客商签订了投资合同，签约投资总额17亿美元。", "江门"),
    ("", "我市推进重大项目建设。泰兴市某电子有限公司董事长说，公司新上项目总投资1亿元。", "泰州"),
    # A weak name after a place that does not hold it is that place's word, throughout the text.
    ("", "日前，3个汽车电子项目与浙江临江建设指挥部签约，累计意向投资11亿元。某公司在临江投资汽车控制器项目。", None),
    ("", "丹徒高新园举行项目开工仪式，总投资1.5亿元。", "镇江"),
    # A headline's venue ranks after the places the story is about.
    ("某市在深圳招商签约117亿 天府新区项目是签约重点", "本次活动推介了成都天府新区的规划，吸引111家知名企业参加。成都市签约项目40个。", "成都"),
    # Guards: a weak name after its own province; the fair's venue when the story is the host's.
    ("", "吉林临江一项目开工，总投资1亿元。", "白山"),
    ("", "今天，第十届某博览会在长春开幕，长春市签约项目15个，总投资111亿元。", "长春"),
]


@pytest.mark.parametrize("title,body,city", _PLACES)
def test_places(title: str, body: str, city: Optional[str]) -> None:
    first = first_city(extract_facts(title, body))
    assert (first.removesuffix("市") if first else None) == city


@pytest.mark.parametrize("unit", ["签约8个投资过5000万元的项目，", "截至25日在博览会上签约项目15个，计划投资金额111.3亿元，",
                                  "自2023年4月动工建设以来，", "主体已经完工，", "与农行签约，", "本次签约的3个重点项目总投资108亿元，",
                                  "去年10月，投资150亿元的产业园签约落地。此次率先开工的项目，总投资66亿元。", "来源:某报\n",
                                  "我市在深圳举办了推介会，", "浙江临江", "为项目竣工交付奠定了基础，", "有32个项目落户哈尔滨，共计71.8亿美元，"])
def test_the_new_checks_cost_linear_time(unit: str) -> None:
    """Each new check reads a bounded window: 100,000 characters of one repeated clause cost well under a few seconds
    (they took 0.2 to 0.5 s on the machine of session 20)."""
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    start = time.process_time()
    extract_facts("", text)
    assert time.process_time() - start < 5


def _review_items() -> list[dict[str, Any]]:
    path = Path(__file__).parent / "data" / "facts_review_session20.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("item", _review_items(), ids=lambda item: item["id"])
def test_the_reviews_edge_sentences(item: dict[str, Any]) -> None:
    """A code review helper wrote 109 made-up sentences at the edges of this session's rules, their answers decided
    before running; the first versions got 46 of them wrong that the older code got right (a bank's short name inside
    加工行业, a dateline read as a recalled event, 集中供暖 as a batch …), all mended. Kept: the ones right now (8 that
    were wrong before the session too are left out: docs/facts.md "Session 20")."""
    facts = extract_facts(item["title"], item["body"])
    want = dict(item["want"])
    kind = want.pop("kind", None) if "amount" not in want else None
    assert wrong_fields(facts, want) == [], facts.to_dict()
    if kind is not None and facts.amount is not None:
        assert facts.kind == kind


@pytest.mark.parametrize("title", ["1" * 20_000, "总投资1亿元" * 3_300, "上半年" + "签约开工" * 5_000])
def test_a_long_headline_is_read_to_its_first_characters(title: str) -> None:
    """A headline is read to its first 500 characters: a 20,000-character one of digits or amounts cost 2 to 10 s (the
    headline checks read it whole); it now costs what a short one does."""
    start = time.process_time()
    extract_facts(title, "某项目今天开工，总投资5亿元。")
    assert time.process_time() - start < 2
