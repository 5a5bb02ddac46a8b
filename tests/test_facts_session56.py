"""Session 56, checked on made-up stories: more wordings of an impact assessment's notice before its decision, a
notice's "hereby" (现将), an audit's filing and a list of works.

* A notice of a proposed decision names the decision ("拟作出的建设项目环境影响评价文件批复决定的公示", "现将拟审查审批的…
  基本情况予以公示", "我局拟对2个建设项目环境影响评价文件作出批复决定"); an assessment received ("我局受理某工程环境影响
  评价文件"); a notice citing the public-participation rules or giving the first notice's standard items ("根据《环境
  影响评价公众参与办法》", "环境影响评价的主要工作内容"): all 评审, session 55's convention.
* 现将 ("现将…予以公示") is a notice's "hereby", no plan; a clause telling what is done now ("现开展…公示") is not planned by
  an earlier clause's 拟.
* An audit's result filed ("现将…备案结果公告如下") and a count of filings are no project's 备案.
* A stage word naming a list of works ("发布…新开工重大项目名单") is the list's name, no stage.

The stories here are written for the tests.
"""
from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts


# an impact assessment's notice before its decision, in the wordings of session 56's pages
_NOTICES = [
    ("某县环境保护局2020年9月11日拟作出的建设项目环境影响评价文件批复决定的公示",
     "根据建设项目环境影响评价审批程序的有关规定，现将拟作出批复决定的建设项目基本情况予以公示。", "评审"),
    ("", "根据建设项目环境影响评价审批程序有关规定，我局拟对以下建设项目环境影响评价文件进行审查审批。为保证审查审批工作的"
         "严肃性和公正性，现将拟审查审批的建设项目环境影响评价文件基本情况予以公示。", "评审"),
    ("", "根据建设项目环境影响评价审批程序的有关规定，经审议，我厅拟对2个建设项目环境影响评价文件作出批复决定。为保证此次"
         "审议工作的严肃性和公正性，现将建设项目环境影响报告书的基本情况予以公示。", "评审"),
    # (the works in a table below: the sentence names none)
    ("", "根据建设项目环境影响评价审批程序的有关规定，经审查，我局对2个建设项目环境影响评价文件作出拟审批意见。为保证此次审查"
         "工作的严肃性和公正性，现将作出拟审批意见的环境影响评价文件基本情况予以公示。", "评审"),
    ("", "根据建设项目环境影响评价审批程序的有关规定，2024年4月9日我局共受理1个建设项目环境影响评价文件。现将受理情况予以"
         "公示，公示期10个工作日。", "评审"),
    ("", "根据《环境影响评价公众参与办法》规定，现将某水库工程环境影响报告书全文和公众参与说明进行公示。某水库位于某县某镇，"
         "建设任务为村镇供水和农田灌溉。", "评审"),
    ("", "该项目环境影响报告书及公众参与说明已编制完成，拟上报某省生态环境厅进行审批，现开展环境影响评价公众参与拟报批公示，"
         "以听取社会各界的意见和建议。", "评审"),
    ("某县某河生态治理一期工程第一次公示", "1、建设项目的名称：某县某河生态治理一期工程，2、环境影响评价的主要工作内容："
                                "现状调查、影响分析，3、工程概况：总投资5603万元。", "评审"),
    # the decision made, an acceptance's notice (竣工, session 55): not under review
    ("", "根据建设项目环境影响评价审批程序的有关规定，经审查，我局对某某项目环境影响报告表作出审批决定。", "核准"),
    ("", "我局受理某公司某项目竣工环境保护验收申请，现将验收情况予以公示。", "竣工"),
]

# 现将 is a notice's "hereby"; the filing of an audit's result is no project's
_FILINGS = [
    ("", "政府投资项目价款结算审计结果实行备案管理，现将1月1日至6月30日备案结果公告如下：我局共完成备案项目数562个，"
         "送审造价7.4亿元。", None),
    ("关于某某光伏电站项目备案的公告", "某某光伏电站项目已于3月2日完成备案，现将有关情况予以公告。", "备案"),
]

# a stage word naming a list of works
_LISTS = [
    ("某省发布2021年省级重点工程和新开工重大基础设施项目名单", "近日，某省人民政府办公厅印发2021年省级重点工程和新开工重大"
                                        "基础设施项目名单，请各地强化服务保障。", None),
    ("某县某某产业园项目开工", "3月5日，总投资5亿元的某某产业园项目开工建设。", "开工"),
]


# a headline's phrases, and a works on trial run named by its headline
_HEADLINES = [
    ("这一刻将载入史册 中俄东线天然气管道投产通气", "12月2日，中俄东线天然气管道投产通气仪式举行。", "投产"),
    ("某某物流园将开工 某县计划投资5亿元", "某某物流园计划总投资5亿元，目前正在办理前期手续。", None),
    ("泉州晋江国际陆地港试运行", "晋江国际陆地港昨日试运行，项目总投资10亿元。", "投产"),
    ("某镇垃圾中转站成功试运行", "该中转站总投资62.5万元，日处理垃圾30吨。", "投产"),
    ("某市政务服务系统试运行", "系统上线后，群众可在网上办理120项事务。", None),
]


# review56a: the decision's own notice of a work named 拟建, a website on trial, 现将 that plans, homes' sales filed,
# notices of an event to come headed by their issuer or holding it
_REVIEW56A = [
    ("某市生态环境局关于某热电公司拟建燃气热电联产项目环境影响报告书审批决定的公示",
     "我局已对某热电有限公司燃气热电联产项目环境影响报告书作出审批决定，同意该项目建设，现将审批决定予以公示。", "核准"),
    ("黑河市政务服务网站试运行", "黑河市政务服务网站日前上线试运行，市民可在线办理200余项政务服务事项。", None),
    ("", "某电池材料项目总投资5亿元，目前设备安装已接近尾声，现将转入试生产阶段。", None),
    ("内江市9月新建商品房网签备案1200套", "据内江市住建局统计，9月全市新建商品房网签备案1200套，备案面积13万平方米。", None),
    ("通山县关于举办2024年招商引资项目集中签约活动的通知",
     "各乡镇、县直各单位：县委、县政府定于9月20日举办招商引资项目集中签约活动，现将有关事项通知如下。", None),
    ("关于举行某智能制造产业园项目开工仪式的通知",
     "各有关单位：经研究，定于9月28日上午9时举行某智能制造产业园项目开工仪式，现将有关事项通知如下。", None),
]


@pytest.mark.parametrize("title, body, stage", _NOTICES + _FILINGS + _LISTS + _HEADLINES + _REVIEW56A)
def test_the_stage_of_each_form(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage


# a clause ending on 完成 tells the work done, no span's completed spending ("今年完成投资…" stays a span's)
_SPANS_DONE = [
    ("某县领导调研图书馆建设项目", "图书馆建设工程是我县的一项重点项目，从2013年开始建设，现在已全部完成，建设面积2600㎡，"
                         "总投资607.9万元。", 6079000),
    ("", "2023年，全县重点项目完成投资120亿元。", None),
]

# an estimate's words for one work (工程概算, 概算总资金) and one work's spending summed (该项目共投资)
_ESTIMATES = [
    ("某某博物馆开工奠基", "某某博物馆由某先生个人投资建设，占地面积15亩，工程概算3900万元，预计工期为9个月。", 39000000),
    ("", "某某博物馆项目位于某县新城区，总建筑面积15000平方米，概算总资金为29858万元。", 298580000),
    ("", "文庙西路保护维修项目2013年通过国家文物局立项，2014年3月省局批复设计方案，项目共投资390万元，于2015年3月开工。", 3900000),
    # an area's or a category's works summed: a statistic
    ("", "今年以来，全县重点项目共投资50亿元，完成年度计划的45%。", None),
    ("", "2023年，某县12个项目共投资5亿元。", None),
]

# a field of cooperation in a list is no financing; a firm's own funds put to one work are its investment
_FIELDS_AND_OWN_FUNDS = [
    ("", "某某合作项目签约仪式在北京举行，涉及节能环保、医疗保健、食品加工、金融合作等领域的10个项目顺利签约，签约金额达到"
         "5.02亿欧元。", 502000000),
    ("", "公司董事会审议通过了投资建设某产业园项目的议案，拟动用自有资金14.85亿元，在某县经济开发区建设一座产业园。", 1485000000),
    ("", "公司拟使用自有资金3亿元投资建设年产5万吨锂电池隔膜项目。", 300000000),
    # financing, and own funds spent on no work
    ("", "某市举行金融合作签约仪式，12家银行与企业签约，授信金额达50亿元。", None),
    ("", "公司拟使用自有资金2亿元购买银行理财产品。", None),
    ("", "公司拟使用自有资金5000万元回购公司股份。", None),
]

# a whole year's count over many events is a tally; one event's batch stays its total
_YEAR_TALLIES = [
    ("", "2017年，我省成功举办某某综合招商推介会、某某经贸合作推介会等经贸活动，全年共签约外资项目38个，协议投资额371.2亿元。",
     None),
    ("", "6月18日，某某综合招商推介会在海口举行，共签约外资项目38个，协议投资额371.2亿元。", 37120000000),
]

# an investment plan handed down to many works is a programme's money
_PLANS_HANDED_DOWN = [
    ("", "日前，省发改委下达以工代赈农村公路建养补助投资计划，总投资额达10013万元，共安排县乡村道路项目67项。", None),
    ("", "国家发展改革委下达2024年中央预算内投资计划，安排某省资金12亿元，支持120个项目建设。", None),
    # one work's approval that states its total keeps it
    ("", "省发改委批复某某水库工程初步设计，工程总投资5.6亿元。", 560000000),
    # a plan handed down for one named work keeps the work's total (review56b)
    ("", "近日，国家发展改革委下达新疆喀什地区叶城机场改扩建工程投资计划，总投资12亿元，其中中央预算内投资5亿元。", 1200000000),
]

# a total whose sentence names its parts (其中…包含) is the work's, not one of several works' figures; three works told one
# by one with their own totals, and no whole, give no one amount
_PARTS_AFTER_A_TOTAL = [
    ("某某国家生态旅游示范区提升工程开工建设",
     "据了解，某某国家生态旅游示范区提升工程项目总投资约10亿元，其中第一期开工项目主要包含某某游客服务中心和某某索道项目。"
     "某某游客服务中心将按国家5A级景区标准设计，总投资约5000万元。某某索道项目总投资1.2亿元。", 1000000000),
    ("某县开展重点项目观摩活动", "与会人员首先来到某某新材料项目，该项目总投资8.7亿元。随后来到总投资4.8亿元的某某电子项目。"
                      "最后来到某某物流园项目，该项目总投资2.4亿元。", None),
]


# (one test for every amount form above: the lists name the classes)
@pytest.mark.parametrize("title, body, amount", _SPANS_DONE + _ESTIMATES + _FIELDS_AND_OWN_FUNDS + _YEAR_TALLIES
                         + _PLANS_HANDED_DOWN + _PARTS_AFTER_A_TOTAL)
def test_the_amount_of_each_form(title: str, body: str, amount: Optional[float]) -> None:
    assert extract_facts(title, body).amount == amount


@pytest.mark.parametrize("body, city", [
    # the 兵团's divisions by their older names (农N师) are their cities, as 兵团第N师 is
    ("据消息，某冶金公司硅锰铁合金冶炼项目昨天在新疆生产建设兵团农二师库西工业园区开工建设，项目投资15亿元。", "铁门关市"),
    ("兵团农十四师某红枣加工项目开工建设。", "昆玉市"),
    # zones named without their city
    ("罗牛山农产品加工园区位于桂林洋开发区，总投资15.96亿元。", "海口市"),
    ("近年来，广西—东盟经开区积极推进标准厂房建设，吸引中小企业入园发展。", "南宁市"),
    ("建三江机场打造国产飞机试飞基地，总投资3亿元的维修机库开工建设。", "佳木斯市"),
    ("三江县某茶叶加工项目开工建设，总投资5000万元。", "柳州市"),
])
def test_old_division_names_and_zones_place_their_city(body: str, city: str) -> None:
    places = extract_facts("", body).places
    assert places and places[0].city == city


def test_a_towns_headline_is_its_own_story_under_a_national_scope() -> None:
    # a headline naming one township in full places the story, whatever national list it joins
    title = "盐窝镇入选2022年全国乡村特色产业超十亿元镇"
    body = "近日，农业农村部初步确定全国乡村特色产业超十亿元镇超亿元村505个，盐窝镇凭借肉羊产业成功入选。"
    places = extract_facts(title, body).places
    assert places and places[0].city == "东营市"
    # a national list with no place in its headline stays the country's
    assert not extract_facts("全国乡村特色产业超十亿元镇名单公布", "近日，农业农村部初步确定全国乡村特色产业超十亿元镇超亿元村505个，"
                                                     "山东某镇、河南某镇等入选。").places


def test_a_headline_repeated_below_the_dateline_is_not_the_lead() -> None:
    # the page repeats its headline twice, around its dateline and original-headline lines: the lead is the news after them
    title = "游仙加紧水利项目建设"
    body = ("游仙加紧水利项目建设\n发稿时间:2024-03-08 08:19   来源: 绵阳日报\n原标题:新增改善灌面0.94万亩\n游仙加紧水利项目建设\n"
            "绵阳新闻网讯 近日，记者走进游仙区石马镇天林村总投资4918万的天星堰灌区续建配套与节水改造工程项目建设现场，"
            "隧洞掘进、渠道混凝土浇筑等建设正加紧进行。\n该项目于2023年9月开工，预计2024年5月底全面完成。\n"
            "同时，总投资9337万元的武都引水灌区续建配套与现代化改造工程建设也正在进行。")
    facts = extract_facts(title, body)
    assert (facts.amount, facts.stage) == (49180000, "开工")
