"""Session 63, checked on made-up stories: the rules read from the seen sets h24–h29 and, at the session's end, from the
blind set n36–n39 read as seen.

* Stages: a works' water or gas let in at a ceremony held ("某供水项目…举行通水仪式", "通气点火仪式隆重举行") is 投产, as
  "正式通水" was (not a supply resumed, nor one to come, nor a season's irrigation water); a duty or a condition
  ("该项目为依法必招项目，必须依法招标" in an approval's reply, "项目一旦建成，将…") plans its own clause only
  (review63a: "按规定必须公开招标，经公开招标，某集团中标" reports the tender); a work's building launched with 的 or a
  section's label between the work and 建设 ("正式启动某公路工程 XXSS-1 标的建设") 开工; a use a work can be put to
  ("年后可投入使用") is none yet (an approval's record, "批复日期：…", read as 核准 in FACTS_VERSION 106, was
  withdrawn: review63b); a bridge's closure ("正式合龙") a work under way; a plant fed into a named grid
  ("成功并入冀北电网发电") 投产.
* Script: a story in traditional characters reads 专案 (Taiwan's word a big5 gateway writes for 项目) as 项目.
* Places: a county's short name before its county town (北川新县城) is the county; a county's own site opening its
  dateline with its two-character name before a bare 网 ("秀山网讯"), over a story told in the county's voice (我县),
  places the story in that county.

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from facts_reading import first_place_city as _city


@pytest.mark.parametrize("title, body, stage", [
    # a works' water let in at a ceremony held
    ("", "7月30日，某县城区供水项目在开发区某产业园举行通水仪式。县委副书记、县长出席仪式。", "投产"),
    ("某天然气利用工程通气点火仪式隆重举行", "近日，某县天然气利用工程通气点火仪式隆重举行，全县居民用上管道天然气。", "投产"),
    # …not one to come, nor a supply resumed
    ("", "某县城区供水工程将于下月举行通水仪式。", None),
    ("", "管网抢修完成后，某县城区恢复通水仪式在水厂举行。", None),
    # …nor a season's irrigation water (review63a); a gas work's longer name still counts
    ("", "4月2日，某县位山灌区举行春灌通水仪式，黄河水沿着干渠奔涌而下，标志着今年春灌工作全面展开。", None),
    ("唐徕渠灌区冬灌通水仪式隆重举行", "11月10日，某市唐徕渠灌区冬灌通水仪式隆重举行。", None),
    ("", "某县位山灌区举行2024年春季通水仪式。", None),
    ("", "近日，某县举行西气东输支线管道天然气通气点火仪式。", "投产"),
    # a duty in an approval's reply is no tender held: the approval is the news
    ("", "来文收悉。经研究，批复如下：同意某区人民医院实施改扩建一期工程。该一期工程估算总投资7000万元。"
         "该项目为依法必招项目，必须依法招标；招标公告应当按照有关规定公布。", "核准"),
    # 应当 across words is no duty (the code review)
    ("", "近日，顺应当前消费升级趋势的某县城市综合体正式开业运营，项目总投资5亿元。", "投产"),
    ("", "应当地政府邀请回乡投资的某企业家投资1亿元建设的农产品加工厂正式投产。", "投产"),
    # a condition is no completion
    ("", "某县农村公路提升工程涉及29个乡镇53条线路。项目一旦建成，将加快补齐农村公路网短板。", None),
    ("", "如果项目顺利投产，年产值可达5亿元。", None),
    # …in its own clause only: the next clause's news stands (review63a)
    ("", "总投资2.8亿元的某县城区防洪工程按规定必须公开招标，经公开招标，某集团中标，中标价2.1亿元。", "招标"),
    ("", "过去村民出行一旦遇上雨天就满脚泥泞，如今投资1200万元的某镇通村公路建成通车，群众出行更加便捷。", "竣工"),
    ("", "双方一致认为，必须进一步深化合作，此次签约的某县年产3万吨电子级化学品项目总投资15亿元。", "签约"),
    ("", "如果说签约是招商引资的“上半篇文章”，那么项目落地开工就是“下半篇文章”，12月5日，投资10亿元的某县新能源电池项目正式开工。",
     "开工"),
    # a work's building launched, 的 or a section's label between
    ("", "2019年10月15日，某路桥集团正式启动某县乡公路路面改善提升工程 XXSS-1 标的建设，涉及29个乡镇。", "开工"),
    ("", "某企业启动了二期项目的建设。", "开工"),
    # …not a class of works, nor a study of it
    ("", "某县启动5个重点项目的建设。", None),
    ("", "会议研究启动某项目的建设相关事宜。", None),
    # …nor its papers, nor a plan of it (review63a)
    ("", "总投资5亿元的某城市综合体项目已签约落地，目前已启动该项目的建设手续办理，力争年内开工。", "签约"),
    ("", "某县正在谋划启动县城北环路工程的建设，目前已完成初步设计。", None),
    ("", "会议要求尽快启动某水库项目的建设。", None),
    ("", "某县启动了某项目的建设可行性研究。", None),
    # an approval's record laid out as budgets, funds and land are (review63b: 106's reading of it withdrawn)
    ("", "批复文号：某财预〔2024〕15号 批复日期：2024年2月6日\n经县人大审议通过，现将你单位2024年部门预算批复如下：收入预算总额1.36亿元。",
     None),
    # a use a work can be put to is none yet…
    ("温州高新区将建450亩电商园 年后可投入使用", "高新区计划建设450亩电商园，首期预计年后可投入使用。", None),
    # …but a use begun from today is (review63b)
    ("城南体育公园免费开放", "记者从某市城管局获悉，总投资1.5亿元的某市城南体育公园即日起可投入使用，免费向市民开放。", "投产"),
    ("", "某市城南体育公园从今天起可投入使用。", "投产"),
    # …and a work ready to start has not started (the code review)
    ("", "目前，该项目各项手续已全部办结，已可开工建设。", None),
    # a bridge's closure, a milestone short of completion (session 56's convention); not planned
    ("永安大桥在今天上午合龙", "12月2日，万众期盼的永安大桥合龙，9时18分，副县长宣布永安大桥正式合龙。", "开工"),
    ("", "某大桥预计明年正式合龙。", None),
    ("苍溪嘉陵江三桥合龙", "12月8日，某县嘉陵江三桥实现合龙。该桥总投资4.8亿元，预计年底通车。", "开工"),
    # a plant fed into a named grid
    ("", "某县筹措资金417万元建设总规模400千瓦的分布式光伏发电站，成功并入冀北电网发电。", "投产"),
    # …not a first unit's
    ("", "某电厂首台机组成功并入电网发电。", None),
    # …nor a tally, a household's roof, nor a local grid merged (review63b)
    ("", "截至6月底，某县已并入电网的新能源装机容量达520万千瓦，占全县电力装机的96%。", None),
    ("", "12月31日，某县地方电力公司整体移交，县域电网正式并入国家电网统一管理。", None),
    ("", "某县县域电网正式并入国家电网运行。", None),
])
def test_a_stage_session_63_reads(title: str, body: str, stage) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("body, kind, value", [
    # a big5 gateway's Taiwan word for a project (专案), read back as the mainland's in a traditional-character story
    ("2月20日下午，建德市政府舉行了2021年重大招商專案“雲簽約”儀式，參與簽約專案共8個，總投資額為136.3億元。", "roundup", 1.363e10),
    # …not a mainland page's own 专案 (a special case's task force)
    ("某市公安局成立专案组，侦破一起诈骗案，涉案金额1.2亿元。", None, None),
])
def test_a_traditional_storys_taiwan_words_read_as_the_mainlands(body: str, kind, value) -> None:
    facts = extract_facts("", body)
    assert (facts.kind, facts.amount) == (kind, value)


@pytest.mark.parametrize("title, body, city", [
    # a county's own site, its name before a bare 网 opening the dateline, the story in the county's voice
    ("", "秀山网讯 为进一步提升物流运输基础条件，今年，我县新建一座物流配送加工中心。日前，记者在施工现场看到，正进行桩基作业。",
     "重庆市"),
    # …not a district's name (华龙网 is Chongqing's portal, not 濮阳's 华龙区), nor without the county's voice
    ("", "华龙网讯 今年，我县新建一座物流配送加工中心。", ""),
    ("", "凤凰网讯 今年，某公司新建一座物流配送加工中心。", ""),
    ("", "凤凰网讯 今年，我市新建一座物流配送加工中心。", ""),
    # …nor a national portal named like a county, reposting a county's release word for word (review63a)
    ("项目建设跑出加速度", "凤凰网讯 今年以来，我县坚持把项目建设作为经济工作的主抓手，总投资8亿元的生态康养小镇项目已完成主体工程。", ""),
    # …nor 全县, which any outlet writes of a county (新安 is no county's site: the code review)
    ("", "新安网讯 今年，全县新建一座物流配送加工中心。", ""),
    # a county's town, new or old, after its short name
    ("", "北川新县城安居房二期工程，经过前期筹备，于2010年1月17日上午正式开工。", "绵阳市"),
    # …not a county town with no county named
    ("", "到达县城后，代表团考察了某项目。", ""),
])
def test_a_city_session_63_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city
