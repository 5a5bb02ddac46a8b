"""Session 55, checked on made-up stories: the stage of an impact assessment's notice, of an acceptance inspection and of
an investor's visit that names the sum it means.

* An impact assessment put out for the public's comment, received or proposed for approval ("…环境影响评价公众参与第一次
  信息公示", "环境影响报告书（征求意见稿）公示", "报审前公示", "拟批准的…环境影响评价文件公示") is under review: 评审, as the
  readers of sessions 54–55 label such notices. The decision's notice ("审批决定", "批复") stays 核准 and an acceptance's
  ("竣工环境保护验收…公示") 竣工.
* A work's acceptance inspection held ("专家组…对2010年优质鱼项目进行验收", "开展…人工造林项目市级验收") is 竣工; one due,
  prepared or a duty ("明年进行验收", "验收前准备", "负责…验收") is not.
* An investor's visit or talks whose next sentence names the sum meant ("计划在某县投资2.4亿元"), or a site-choosing visit
  ("投资选址考察"), is 洽谈 (session 34's convention: a visit naming an investment meant).

The stories here are written for the tests.
"""
from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts


# an impact assessment's notice before its decision is under review
_NOTICES = [
    # the assessment under review
    ("某某新材料项目环境影响评价公众参与第一次信息公示", "根据《环境影响评价公众参与办法》，现对某某新材料项目进行第一次公示。项目总投资3亿元。", "评审"),
    ("某某高速公路环境影响报告书（征求意见稿）公示", "现对报告书征求意见稿进行公示，征求公众意见。", "评审"),
    ("某某220kV线路工程等3个项目报审前公示", "现公开下列信息，征求与该建设项目环境影响有关的意见。", "评审"),
    ("某某养殖场项目公众参与第二次公示", "一、建设项目概况。项目名称：某某养殖场项目。", "评审"),
    ("", "根据相关规定，对本项目环境影响报告书征求意见稿进行公示，以听取社会各界的意见。项目总投资约8.9亿元。", "评审"),
    ("某县生态环境局关于拟作出审批意见的建设项目环境影响评价文件公示", "一、项目名称：某某新材料项目。建设地点：某县工业园。", "评审"),
    ("关于某某项目环境影响报告书拟批准的公示", "某县生态环境局拟批准该项目，总投资3亿元。", "评审"),
    ("某某项目环境影响报告书受理情况公示", "现将受理情况公示如下。", "评审"),
    # a decision, an acceptance: not under review
    ("关于某某项目环境影响报告书审批决定的公告", "我局已对该项目作出审批决定。", "核准"),
    ("某某项目竣工环境保护验收公示", "项目已竣工，现将验收报告予以公示。", "竣工"),
    # no notice of a work: a meeting on the notices, a notice still to come
    ("某县召开环评公示工作会", "会议部署了全县环评公示工作。", None),
    ("某某项目将进行环评公示", "项目总投资3亿元，目前正在编制环境影响报告书。", None),
]


# an acceptance inspection held completes the work
_ACCEPTANCES = [
    ("", "1月10日，省海洋与渔业厅专家组一行5人到某区，对2010年优质鱼项目进行验收。专家组一致认为，该项目如期完成，建设达标。", "竣工"),
    ("市林业局开展某县2024年人工造林项目市级验收", "验收组认为，某县项目实施规范，按时完成了项目建设任务。", "竣工"),
    ("", "省发展改革委检查验收组一行赴某县，检查验收2007年易地扶贫搬迁试点工程建设情况。", "竣工"),
    # due, prepared, a duty: not held
    ("", "某某水厂项目主体已完工，计划明年3月进行验收，项目总投资3000万元。", "开工"),
    ("", "某县交通局负责下达建设计划、质量监督和验收，乡镇负责项目招投标。", None),
    ("", "某某水厂项目正在进行验收前的准备工作，项目总投资3000万元。", None),
    # what is accepted is no work built (review55a): goods bought, research
    ("县政府采购中心组织办公设备采购项目验收", "近日，县政府采购中心组织采购人对2024年机关办公设备采购项目进行验收，共验收台式电脑120台。", None),
    ("专家组对某市农科院玉米育种课题进行结题验收", "6月12日，专家组对某市农业科学院承担的省级玉米抗逆育种课题进行结题验收，课题经费120万元。", None),
]


# a visit naming the sum it means is talks
_VISITS = [
    ("", "记者从某县投资促进局获悉，上海某食品有限公司考察组日前到某县考察。随后，考察组与某县政府进行了座谈。公司总经理介绍了企业相关"
         "情况，计划在某县投资2.4亿元，发展养蜂户2000户。", "洽谈"),
    ("台商将在某市建设养殖基地", "日前，台企某某食品有限公司负责人到某市做投资选址考察。该公司计划投资1000万美元新建养殖基地。", "洽谈"),
    # a meeting naming no investment: no stage (session 34's convention)
    ("", "某集团考察组日前到某县考察。随后，考察组与某县政府进行了座谈，双方就深化合作交换了意见。", None),
    # a plan of the county's own, no investor's sum: no stage
    ("", "某县召开座谈会，研究部署全年工作。今年计划完成固定资产投资50亿元。", None),
]


@pytest.mark.parametrize("body, amount", [
    # money put into refitting one object is that work's investment
    ("据介绍，某村党群服务中心占地600平方米。一期投入100万元对行政办公区进行装修。", 1_000_000.0),
    ("某县投入800万元对县体育馆进行改造，新增座位2000个。", 8_000_000.0),
    # a campaign's kind of work over a county, money raised for a programme: no one work's
    ("今年全县投入6000万元实施农村道路改造。", None),
    ("某县投入2亿元，对全县各学校进行改造。", None),
    ("为保障驻村工作顺利实施，某省筹集了110亿元资金专门用于帮扶村建设。", None),
])
def test_money_put_into_refitting_one_object_is_its_investment(body: str, amount: Optional[float]) -> None:
    assert extract_facts("", body).amount == amount


def test_an_information_disclosure_table_above_the_story_is_metadata() -> None:
    from newsmon.facts.text import story_paragraphs
    body = ("2024-12-13   作者: 点击数:\n 索 引 号  1506129692/xhcz/2024-00073  发布机构  某某镇  公开日期  2024-12-13\n"
            " 文  号   公开方式  主动公开  失效日期\n 公开程序  经本单位审核后公开\n"
            "某村乡村振兴中心项目自开工建设以来，项目各方高标准严要求，确保项目顺利推进。\n"
            "该项目基础浇筑已完成，正在进行柱体和屋面的模板、钢筋制作安装。")
    assert story_paragraphs(body)[0].startswith("某村乡村振兴中心项目自开工建设以来")
    assert extract_facts("某村乡村振兴中心项目推进顺利", body).stage == "开工"
    # the table's title line names the document: kept as the story's first line
    body = ("索引号:000014348/2021-20200\n发布机构: 某县行政审批局\n名称:某县行政审批局关于某县殡仪馆建设项目可行性研究报告的批复\n"
            "文号:某投资审批〔2021〕137号\n主题分类:项目建设批准实施\n某县民政局：你局报来的可行性研究报告收悉。经研究，现批复如下。")
    assert story_paragraphs(body)[0].startswith("名称:某县行政审批局关于")
    # a story's own lines are not skipped past the allowance of three metadata lines
    body = "某某\n2024-01-01\n来源：某某网\n某县某某项目今天开工\n项目总投资3亿元。"
    assert story_paragraphs(body)[0] == "某县某某项目今天开工"


@pytest.mark.parametrize("title, body, city", [
    # a state farm the township table lists places its story, though its name holds another division's ("西湖")
    ("安徽省寿西湖农场种子加工厂扩建项目顺利开工", "2月21日上午，安徽省寿西湖农场种子加工厂扩建项目正式开工。项目总投资750万元。", "淮南市"),
    ("", "近日，寿西湖农场种子加工厂扩建项目正式开工。", "淮南市"),
    ("", "塞罕坝机械林场新建防火瞭望塔项目近日竣工。", "承德市"),
    # the division itself, named on its own, is still read
    ("", "杭州西湖区某文化产业园项目今天开工。", "杭州市"),
    # a generic farm's name is any county's: the table leaves it out, and the story's own county stays
    ("", "某某县良种场新建种子仓库项目开工，项目位于湖北省孝感市孝南区。", "孝感市"),
])
def test_a_state_farm_places_its_story(title: str, body: str, city: str) -> None:
    places = extract_facts(title, body).places
    assert places and places[0].city == city


# a wish is no stage reached
_WISHES = [
    # a wish for talks or a stage is none reached
    ("", "副省长在开幕式上致辞，希望参加洽谈会的台湾客商抢抓发展机遇，积极与本省企业洽谈，把更多的项目投到本省。", None),
    # (a meeting that names a work is talks all the same: 洽谈, not the wished 签约 or 开工)
    ("", "市长会见某集团一行，希望双方加快推进某某新材料项目早日签约、早日开工。", "洽谈"),
    # a school, a firm, a township of that name: no wish
    ("", "某县希望小学教学楼建成投入使用，项目总投资300万元。", "竣工"),
    ("", "新希望集团投资10亿元的饲料加工项目今天在某县开工。", "开工"),
]


# a partnership of places is no project's signing
_PARTNERSHIPS = [
    # a partnership of places or an aid pact is no project's signing
    ("闽宁两省区签订《“十四五”东西部协作框架协议》", "闽宁协作联席会议日前在福州召开，两地签订了《“十四五”东西部协作框架协议》。", None),
    ("", "11月27日，我县人民政府与某县人民政府合作共建友好城市活动举行，双方签署了友好城市框架协议。", None),
    ("", "某公司与三个村分别签订中蜂产业扶贫协议。", None),
    # a work's deal under such a pact is one
    ("", "某县与某市签订东西部协作项目投资协议，总投资5亿元，建设食品加工厂。", "签约"),
]


# a plant set to work starts no construction
_PLANTS_AT_WORK = [
    # a plant set to work runs, often a season's work again: no construction started
    ("某县：棉花喜获丰收 轧花厂开工生产", "连日来，三台轧花厂车间工人们忙着轧花、打包、码垛。", None),
    ("", "从去年下半年开始，某市电瓷进行了大扩张，十多家电瓷企业纷纷开工上生产线。", None),
    ("", "某某纺织项目今天开工，总投资3亿元。", "开工"),
]


# review55a notices and meetings
_REVIEW55A = [
    # review55a's forms: an assessment proposed for a decision, decided, a design reviewed, an energy review's opinion
    ("关于拟对某区生活垃圾转运站项目环境影响报告表作出审批意见的公示", "我局拟对该项目环境影响报告表作出审批意见。该项目总投资1850万元。", "评审"),
    ("关于某港区10万吨级码头工程环境影响报告书的审批决定", "经研究，我厅同意该工程按照报告书所列性质、规模、地点进行建设。项目总投资14.6亿元。", "核准"),
    ("某煤矿改扩建项目环评通过技术评审", "6月3日，该项目环境影响报告书技术评估会召开，专家组原则同意报告书通过技术评审。", "评审"),
    ("某县年产3万吨速冻食品项目节能报告审查意见", "某市发展和改革委员会关于某公司年产3万吨速冻食品项目节能报告的审查意见：原则同意该项目节能报告。", "核准"),
    # a meeting or a visit naming a work or the sum meant is talks; one naming none is not
    ("某县县委书记会见某光伏企业客人", "9月10日，某县县委书记会见了某光伏企业董事长一行。该企业有意在某县投资30亿元建设光伏电池片项目。", "洽谈"),
    ("某县县长赴上海对接中药材深加工项目", "7月3日，某县县长带队赴上海拜访某医药集团，就该集团中药材深加工项目落户某县进行对接。", "洽谈"),
    ("某化工企业到某县考察项目选址", "7月12日，某化工企业负责人一行到某县考察项目选址，县长陪同。", "洽谈"),
    ("", "某某新能源企业高管一行到某某台商投资区考察，拟投资5亿元建设光伏组件生产基地。", "洽谈"),
    ("某市市长会见某集团客人", "会见中，双方就深化合作交换了意见。", None),
]


def test_money_for_a_campaign_of_toilets_is_no_works() -> None:
    assert extract_facts("", "今年，某县投入4000万元实施农村“厕所革命”，改造户用卫生厕所1.2万座。").amount is None


# review55b acceptances plans and notices
_REVIEW55B = [
    # review55b: acceptances of goods or a campaign named as 工程; a plan's own day; more notices' wordings
    ("县应急管理局开展防汛物资质量验收", "县应急管理局对新采购的防汛物资进行质量验收，确保物资数量准确、质量合格。", None),
    ("全县学校食堂明厨亮灶工程验收", "县市场监管局对全县45所学校食堂“明厨亮灶”工程进行验收。", None),
    ("县城污水处理厂二期工程将于近日开工", "总投资3亿元的县城污水处理厂二期工程将于近日开工。", None),
    ("某市拟审批建设项目环评文件公示", "某市生态环境分局拟对某电缆有限公司特种电缆项目环境影响报告表作出审批，现予以公示。", "评审"),
    ("某县某兰炭综合利用项目节能审查意见", "某市行政审批服务局出具某兰炭综合利用项目节能审查意见，同意该项目节能报告。", "核准"),
    ("某县某物流园项目水土保持方案获批复", "某市水务局对某县某物流园项目水土保持方案报告书予以批复。项目总投资3.6亿元。", "核准"),
]


# (one test for every stage form above: the lists name the classes)
@pytest.mark.parametrize("title, body, stage",
                         _NOTICES + _ACCEPTANCES + _VISITS + _WISHES + _PARTNERSHIPS + _PLANTS_AT_WORK + _REVIEW55A + _REVIEW55B)
def test_the_stage_of_each_form(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage
