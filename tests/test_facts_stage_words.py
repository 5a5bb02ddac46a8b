"""Stage words found on the session-9 transcripts: a wish for a stage, and a line opened to traffic."""

from __future__ import annotations

import pytest

from newsmon.facts.stages import find_stage


@pytest.mark.parametrize("body", [
    "为了让项目早开工、早投产、早见效，某省不断优化审批服务。",
    "要推动签约项目早日落地、早日建成。",
])
def test_a_wish_for_a_stage_reports_none(body: str) -> None:
    assert find_stage("", body) is None


@pytest.mark.parametrize(("title", "body", "stage"), [
    ("某某铁路开通运营", "某某铁路今天开通运营，全长300公里，总投资80亿元。", "投产"),
    ("", "某市污水处理厂项目比原计划提早竣工，总投资2亿元。", "竣工"),  # done early: reported
    ("", "某某项目早在去年就已投产，总投资5亿元。", "投产"),  # 早在: "as early as", no wish
])
def test_reported_stages_still_count(title: str, body: str, stage: str) -> None:
    assert find_stage(title, body) == stage


# Session 26: stage words real pages use that the verbs missed (a review meeting, an approval to set up, a permit issued,
# a trial run begun, a signing written 订立, works resumed or launched, an acceptance done).
@pytest.mark.parametrize(("title", "body", "stage"), [
    ("", "日前，某县某水库工程可行性研究报告审查会在省城召开，专家组认真审查了报告。", "评审"),
    ("", "某产业园扩园项目可行性研究报告论证会昨日召开，会议邀请专家对报告进行评审。", "评审"),
    ("", "日前，总投资480万元的某县茶产业项目通过省级初评。", "评审"),
    ("某铁路可研报告通过国家发展改革委评估审查", "记者从省发展改革委获悉，某铁路可研报告日前顺利通过评估审查。", "评审"),
    ("", "某煤矿项目日前被国家批准立项，总投资10亿元。", "核准"),
    ("", "1月27日，某啤酒工程的建设工程规划许可证由市行政审批服务局正式核发。", "核准"),
    ("", "某光伏电站一期投资2.3亿元，自10月份开始试运行，日最大发电量29万千瓦时。", "投产"),
    ("", "12月17日，某城市广场宣告试营业，该项目总投资近30亿元。", "投产"),
    ("", "某公司于上周五与某市城管委订立投资协议，项目估算总投资4.57亿元。", "签约"),
    ("", "受降雨影响中断的某铁路改线工程，目前已全面恢复施工。", "开工"),
    ("某引水工程建设启动", "某引水工程正式进入建设阶段，输水线路总长261千米。", "开工"),
    ("", "近日，某智能制造产业园项目已完成质量验收工作，总投资4.8亿元。", "竣工"),
])
def test_session26_stage_words(title: str, body: str, stage: str) -> None:
    assert find_stage(title, body) == stage


@pytest.mark.parametrize("body", [
    "某工程计划年底开始试运行，总投资3亿元。",  # a plan
    "该项目目前正在办理批准立项手续，总投资5亿元。",  # procedures still being done
    "专家们将在下月召开某工程论证会。",  # a meeting ahead
    "如项目未能通过省级初评，将不予支持。",  # a condition
])
def test_session26_stage_words_still_read_plans_and_conditions(body: str) -> None:
    assert find_stage("", body) is None


# Session 26: a headline's month with no day, next month or a year's end is when the stage is due; a stage close at hand
# ("在即", "指日可待") is not reached; a first unit's production is no plant's (the labelling convention: 首台机组并网 is null).
@pytest.mark.parametrize(("title", "body"), [
    ("某市首座城市隧道7月开工", ""),
    ("某温泉下月开建", ""),
    ("某长江公路大桥2018年年底建成通车", ""),
    ("", "4月27日，某大桥展露雄姿，通车在即。"),
    ("", "近日，某生物质热电厂新建工程1号机组通过试运行，正式投产发电。"),
    ("", "某水电站首台机组完成72小时试运行，正式投产发电，其余3台机组投产指日可待。"),
])
def test_session26_stages_not_yet_reached(title: str, body: str) -> None:
    assert find_stage(title, body) is None


@pytest.mark.parametrize(("title", "body", "stage"), [
    ("某项目3月18日开工", "", "开工"),  # a day: reported
    ("某大桥今日建成通车", "", "竣工"),
    ("", "某电厂首台机组去年并网，今天全部机组投产。", "投产"),  # the whole plant
    ("", "某科技产业园三期项目作为我区重点项目，已于去年8月投用。", "投产"),  # a month told as past
])
def test_session26_stages_still_reached(title: str, body: str, stage: str) -> None:
    assert find_stage(title, body) == stage


# Session 26: a span's count of approvals or of works of several kinds, and a count as of this year's date, are tallies.
@pytest.mark.parametrize("body", [
    "一季度，发改委共审批核准固定资产投资项目56个，涉及总投资2409亿元。",
    "上半年，国家发改委批复我省煤矿项目12个，总规模4360万吨/年。",
    "2015年，某经开区实际开工工业、基础设施等建设项目293个，完成固定资产投资440.3亿元。",
    "截至今年4月底，已完工项目35个，新开工建设项目25个。",
])
def test_session26_tallies_report_no_stage(body: str) -> None:
    assert find_stage("", body) is None


@pytest.mark.parametrize(("body", "stage"), [
    ("今年3月，某项目获省发改委核准，总投资20亿元。", "核准"),  # one work
    ("今天，某市集中开工项目32个，总投资210亿元。", "开工"),  # one event's batch
])
def test_session26_one_works_or_events_stage_stays(body: str, stage: str) -> None:
    assert find_stage("", body) == stage


# Session 26's review: the new words report no stage where their object is no work (a plan's or a budget's review, a
# research topic, a shop's licence, a bus route, a city's campaign, funds, equipment), nor a meeting still ahead; a
# month before a verb followed by 以来 is since, not due.
@pytest.mark.parametrize(("title", "body"), [
    ("某市召开“十五五”规划基本思路专家论证会", ""),
    ("某县乡村振兴规划通过专家论证", ""),
    ("某市召开2025年预算草案初步审查会", ""),
    ("某市3项课题获国家社科基金批准立项", ""),
    ("某市核发首张“一证通”食品经营许可证", ""),
    ("某市新开通3条公交线路开始试运营", ""),
    ("某市海绵城市建设全面启动", ""),
    ("某水库工程初设审查会下月召开", ""),
    ("", "近日，某半导体项目完成首批生产设备进场验收。"),
])
def test_session26_words_without_a_work_report_no_stage(title: str, body: str) -> None:
    assert find_stage(title, body) is None


@pytest.mark.parametrize(("title", "body", "stage"), [
    ("某食品厂7月投产以来产值破亿元", "", "投产"),
    ("", "9月12日，某商业综合体项目建设工程规划许可证由某市自然资源和规划局正式核发。", "核准"),
    ("", "昨日，水电水利规划设计总院在某市主持召开某抽水蓄能电站工程预可行性研究报告审查会。", "评审"),
    ("", "日前，某县5个移民后期扶持基金项目顺利通过市水利局组织的竣工验收。", "竣工"),
])
def test_session26_words_of_works_still_count(title: str, body: str, stage: str) -> None:
    assert find_stage(title, body) == stage
