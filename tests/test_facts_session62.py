"""Session 62, checked on made-up stories: the rules read from session 61's blind pages (n30–n32, now seen) and the
seen sets h20 (stages) and h21 (amounts on the east coast and in the centre).

* Amounts: a headline counting its batch's works ("某县47个项目集中开竣工") over a body that gives a wider event's total
  first ("此次活动共有221个项目参加，总投资1373亿元") takes the batch it counts (the county's share after it); a month
  in a headline after a due word ("预计今年9月份可建设完成") is the work's due date, no span summed up; a headline's
  figure before a work to be built ("投资1.2亿元 某区将建…“养老岛”") is that work's; an approval given in the figure's
  sentence ("已通过国家能源局核准") makes the list the work joined no list of works on offer; the figure of the work
  this event reached ("此次启动的教学团组项目，…总投资2.6亿元") wins over the whole project's told before it.
* Stages: an approval by a commission's planning review ("通过自治区发展改革委规划审批") 核准; a plant told as connected of late ("日前并网发电") or on its feed trial ("进料试运行") is 投产; an approval's
  own words after "经研究" ("经研究同意建设某工程项目") 核准; a work's approval notice told in a news story ("正在进行
  审批公示", "批前公示") 评审, as an impact assessment's; bids evaluated ("已完成远程异地评标") 招标; crews pushing a
  work's building on ("工人们正井然有序推进主体工程施工") a work under way; a station "能够满足开业条件" is no opening;
  deals counted with the capital they draw in ("当场签约4个，引资1亿元") projects' signings; a plan word inside a
  document's name ("《…提升计划》顺利通过专家评审") plans nothing; a study's review done ("完成了…可行性研究报告评审") and
  a work's impact assessment put to its neighbours ("征求…对项目在环境保护方面的建议") 评审.
* Places: a residents' community or an estate named after a district ("东西湖社区") is no district.

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from facts_reading import first_place_city as _city, rules_amount as _amount


@pytest.mark.parametrize("title, body, value", [
    # the batch the headline counts, after a wider event's total
    ("某县47个项目集中开竣工",
     "日前，某市三季度重大项目开竣工活动举行，某县设分会场。据悉，此次开竣工活动共有221个项目参加，总投资1373亿元。"
     "某县列入本次集中开竣工重大项目47个，总投资202亿元，年度计划投资47亿元。", 2.02e10),
    # …not when the first total counts the headline's works (its parts after it)
    ("50个重大项目集中开工",
     "某市第一批共50个重大项目近日集中开工，总投资约486亿元。50个重大项目中投资超过10亿元的项目有12个，总投资超420亿元。",
     4.86e10),
    # …nor a part of it (其中)
    ("某县12个项目集中开工",
     "此次全市集中开工项目88个，总投资300亿元。其中，某县项目12个，总投资40亿元。", 3e10),
    # a due month in a headline: the work's own figure stands
    ("某镇某学校项目预计今年9月份可建设完成",
     "近日，在某镇某学校项目建设现场，工人们正井然有序推进主体工程施工。该项目总投资约8亿元，预计今年9月份可建设完成。", 8e8),
    # …a span's month still sums up
    ("某县9月份签约项目12个", "9月份，某县共签约项目12个，总投资30亿元。", None),
    # a work to be built right after a headline's figure
    ("投资1.2亿元 某区将建国家级“养老岛”", "一块240亩的地，四周被河流环绕，3年后这里将成为国家级养老示范机构。", 1.2e8),
    # …not a place's many works
    ("投资120亿元 某市今年将建一批重点项目", "今年，某市重点项目建设全面铺开。", None),
    # the work this event reached, after the whole project's figure
    ("", "2月14日上午，某职业技术学院二期工程教学团组项目奠基开工。\n据了解，某职业技术学院二期工程建设项目占地383.5亩，"
         "计划投资8.9亿元，总体分为三个建设阶段。\n此次启动的教学团组项目，包括5栋实训楼和体育馆共6栋楼宇，总投资2.6亿元，"
         "拟于2024年9月投入使用。", 2.6e8),
    # …not a batch the work is one of, a phase named before the figure, or another deal signed alongside (review62a)
    ("某县年产10万吨生物饲料项目开工",
     "10月16日，某县年产10万吨生物饲料项目开工建设，项目总投资3.5亿元。此次开工的项目是某县第四季度集中开工12个项目之一，"
     "12个项目总投资46亿元。", 3.5e8),
    ("", "某新材料项目举行开工仪式，总投资15亿元。此次开工的为项目一期，投资6亿元，建设年产5万吨生产线。", 1.5e9),
    ("某产业园项目签约", "某县与某集团签订某产业园项目协议，总投资20亿元。此次签约的同时，某公司与某县达成合作意向，该项目预计投资5亿元。",
     2e9),
    # the code review: a part among the event's works or one supporting it; a headline's count of works, not of counties
    ("", "某新材料项目开工，总投资15亿元。此次开工的项目中，标准化厂房投资2亿元。", 1.5e9),
    ("", "某新材料项目开工，总投资15亿元。此次开工的配套道路工程，投资6000万元。", 1.5e9),
    ("某县12个项目集中开工", "此次全市集中开工项目86个，总投资320亿元。全市12个县区共安排项目300个，总投资1500亿元。", 3.2e10),
    # …将 as 把, a refused approval
    ("", "某县将建筑垃圾处理项目列入计划，总投资2亿元。", 2e8),
    ("投资1.2亿元 某县将建档立卡户纳入帮扶", "某县将建档立卡户全部纳入帮扶范围。", None),
    ("", "某县2个小镇入选省级特色小镇名单，规划总投资120亿元，目前尚未获得批复。", None),
    ("某项目预计于9月份建成", "某项目总投资3亿元，目前主体已封顶。", 3e8),
    # a due month after a plan word and a year to come
    ("某学校项目预计明年6月份建成", "某学校项目总投资1.2亿元，目前主体已封顶。", 1.2e8),
    ("某学校项目力争今年11月份完工", "某学校项目总投资1.2亿元，目前主体已封顶。", 1.2e8),
    # the listing approved is no approval of a work (review62a)
    ("", "某县两个特色小镇获得省政府批准列入首批特色小镇创建清单，规划总投资65亿元。", None),
    # …not a later work that is no event's
    ("", "2月14日上午，某学院二期工程奠基开工，计划投资8.9亿元。\n该学院此前建成的一期工程总投资2.6亿元。", 8.9e8),
    # an approval given in the figure's sentence: the work's, whatever list it joins and whatever kinds it burns
    ("", "某集团宣布，旗下位于某县的生物质发电项目已通过国家能源局核准，该项目投资额为3.2亿元，每年处理30万吨各类生物质，"
         "项目更列入国家核准计划。", 3.2e8),
    # …works named to a list still are none
    ("", "我县2个小镇入选省级特色小镇创建名单，规划总投资120亿元。", None),
])
def test_an_amount_session_62_reads(title: str, body: str, value) -> None:
    assert _amount(title, body) == value


@pytest.mark.parametrize("title, body, stage", [
    ("某县两万千瓦农林废弃物发电项目日前并网发电",
     "某县两万千瓦农林废弃物发电项目日前并网发电，每年可处理农林废弃物30多万吨，减排二氧化碳18万吨。"
     "项目由某生态能源有限公司投资1.6亿元建设，总装机规模两万千瓦。", "投产"),
    ("", "3月31日上午，某县生活垃圾外运集中焚烧处理项目隆重举行进料试运行庆祝活动，县长出席活动。"
         "这一项目的运行，将推动某县生活垃圾资源化利用，实现生活垃圾零填埋。", "投产"),
    # the output's noun is no connection
    ("", "某光伏电站日前并网发电量突破1亿千瓦时，电站由某公司投资建设，总装机容量20万千瓦，年发电收益可观。", None),
    ("某客运站将提升改造 项目估算投资3277万",
     "昨日，记者从市发改委获悉，根据省交通厅的实施方案，经研究同意建设某客运站提升改造工程项目。"
     "该项目估算总投资3277万元，资金拟申请省级专项补助资金及企业自筹解决。", "核准"),
    # a deal or a list after it is no approval
    ("", "市发改委经研究同意将某客运站提升改造工程项目列入年度计划，项目估算总投资3277万元，资金由企业自筹。", None),
    ("", "记者从某市发改委获悉，某引水工程项目正在进行审批公示，按照规划，某市将投资5个多亿打造引水工程，新建输水管道"
         "约45公里、取水泵站一座。", "评审"),
    ("", "近日，某体育训练馆建设项目建设工程规划许可正进行批前公示，项目总建筑面积3万平方米，由省体育局投资建设。", "评审"),
    ("最新殡仪馆项目超1亿元",
     "某殡仪馆新馆区选址于某镇某村南侧，计划投资超1亿元，由6家建筑企业竞标，预计工期330天。"
     "该项目采用EPC模式。目前项目已完成远程异地评标，预计明年底建成。", "招标"),
    # bids opened only, or evaluation planned: no tender done
    ("", "某殡仪馆新馆区项目计划投资1亿元，将于下月组织评标，预计明年底建成，项目选址于某镇某村南侧。", None),
    ("",
     "近日，在某镇某学校项目建设现场，工人们正井然有序推进主体工程施工。该项目是今年省市重点项目，总投资约8亿元，"
     "共分为学校及周边配套基础设施2个部分进行施工。", "开工"),
    # the conditions for an opening are no opening: the main works accepted
    ("某客运站主体工程竣工验收",
     "近日，按一级公路客运站标准建设的某客运站项目完成车站主体工程竣工验收，标志着该站的各类设施设备、站务服务功能能够"
     "满足开业条件。某客运站总投资1.47亿元，日可发送旅客2.5万人次。", "开工"),
    ("", "某农副产品交易中心今天正式开业，总投资1.2亿元，入驻商户300余家，是某县最大的农副产品交易市场。", "投产"),
    # an approval by a commission's planning review
    ("", "近日，某县光伏电站建设项目通过自治区发展改革委规划审批，总投资2亿元，建设规模20兆瓦。", "核准"),
    # an approval's words about ending or changing a work, a tender being readied: none (review62a)
    ("", "经研究，同意终止城东农贸市场建设项目。", None),
    ("", "目前，某道路项目正在加快推进工程施工招标，项目总投资2亿元。", None),
    # the code review: a cancellation, a tender's or a permit's preparation, an official's oversight; a notice's results;
    # a trial run's plan reviewed; an opening once standards are met; one work's parts in a headline
    ("", "经研究，同意退出某农贸市场建设项目。", None),
    ("", "某县正加快推进二期工程施工许可办理，项目总投资2亿元。", None),
    ("", "某县纪委公正推进工程施工监管，项目总投资2亿元。", None),
    ("", "某县某项目审批公示结果已公布，项目总投资2亿元。", None),
    ("", "某垃圾焚烧项目进料试运行方案通过评审。", "评审"),
    ("", "某商场经改造提升达到标准后正式开业，总投资1亿元。", "投产"),
    ("某高速公路部分工程加快建设", "目前，某高速公路项目各标段正在加紧施工。", "开工"),
    ("", "完成了某项目可行性研究报告评审工作，项目总投资2亿元。", "评审"),
    # a document's name holds no plan of the verb; a study's review done; an impact assessment put to the neighbours
    ("", "12月11日，由省旅游设计院编制的《某生态园创建国家3A级旅游景区提升计划》顺利通过专家评审。", "评审"),
    ("", "某公司计划下月组织专家评审某生态园提升方案。", None),
    ("", "某县疾控中心业务楼迁建项目位于某镇城北，新建1栋建筑面积3333平方米的疾控中心大楼。根据国家相关法律法规，现征求"
         "附近居民和单位对项目在环境保护方面的建议，征求意见稿和公众意见表见网址。", "评审"),
    ("", "该公司已完成某光伏项目可行性研究报告评审，正在办理用地手续，项目总投资2亿元，将建设光伏电站一座。", "评审"),
    # deals counted with the capital they draw in are projects' signings
    ("", "在刚刚闭幕的西洽会上，某县生态园区整体项目隆重亮相。仅在4月5日的专场推介会上，就当场签约4个，引资1亿元。", "签约"),
])
def test_a_stage_session_62_reads(title: str, body: str, stage) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("title, body, city", [
    # a residents' community named after a district of another city
    ("", "6月20日，某示范区督查组深入娄店、祁家庄城中村改造、东西湖社区、开德中小学等重点项目施工现场开展督查。", ""),
    ("", "某公司在东西湖区投资建设冷链物流园项目。", "武汉市"),
    # a city's name alone before 社区 or 小区 is the city's (the code review)
    ("", "南京社区养老服务中心项目开工，总投资1亿元。", "南京市"),
    ("", "苏州小区充电桩项目开工。", "苏州市"),
])
def test_a_city_session_62_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city
