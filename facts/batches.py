"""Many things summed up: one event's batch of projects, or a tally of a period, a plan or a sector.

A count of projects and its total (``32个项目…总投资156亿元``) is a story's roundup only when one event
reports them (a signing, a start, the edition of a fair, a list put out at once); counted over a span
of time, a plan, a standing state or several areas, the figure is a tally, no project's investment.
``facts.amounts`` asks these questions of each amount it reads.
"""

from __future__ import annotations

import re

from .money import CN_DIGITS
from .stages import find_stage
from .text import CLAUSE_BREAK, EVENT, FIVE_YEAR_PLAN, HOLIDAY, NOT_AN_EDITION, ONE_BATCH, REACH, SEVERAL, SPAN_SO_FAR, TOGETHER, Marks

__all__ = ["COUNT_BEFORE", "MANY_AREAS", "NAMED_WORK_NOUN", "PLANNED_COUNT", "PLURAL", "ROUNDUP", "SEVERAL", "SPAN", "STANDING", "TOTAL",
           "YEAR_PLAN", "batch_of_one_event", "named_work", "span_figure", "under_way_before"]


# Works counted as items or sites before a total ("这20项重大建设总投资650亿元", "其余10处估算投资为471亿元",
# a headline's "兴建16处重大水利工程"): a sum over separate works, which only one event makes a batch (else
# a programme's or a tally), however the works are named (项目 is what ROUNDUP reads). Not parts of one
# work counted by their own measure ("2条生产线", "3座厂房", "5台机组"): one plant's total.
COUNT_BEFORE = re.compile(r"(?:(?<![\d.])(?:[2-9]|\d{2,})|(?<![一二三四五六七八九十百千])[两二三四五六七八九十百千]+)"
                          r"(?:多|余)?(?:项(?!目)|处)")  # (项目 after a numeral is ROUNDUP's to read: "签约三项目", not "碳三项目")

# Projects counted by a standing state ("在建项目70个", "储备项目", "入库项目"): a tally at a date, whatever
# the sentence calls them (even "此次的…计划"); an event starts or signs, it does not hold projects.
STANDING = re.compile(r"(在建|储备|入库)[\u4e00-\u9fff]{0,4}?项目")

# Several areas summed up ("多地重大项目集中开工 年内投资总额逾4.2万亿元", "各地…总投资"): each area holds
# its own events, so their total is a tally even when the sentence names an event (集中开工). Only areas
# that hold the works (a project, a stage or investment right after them), not the places people come
# from ("来自各地的客商", "吸引各地客商200多人，现场签约…").
MANY_AREAS = re.compile(r"(?<!来自)(?<!世界)(多地|各地|多省|多个省份|多个城市|多个地区)"
                        r"(?=[^，。；,;]{0,6}?(项目|工程|开工|签约|投产|竣工|投资))")

# A plan for a year ("今年将在能源领域计划固定资产投资498亿元", "今年计划实施88个重点项目，总投资
# 超800亿元") states a programme's or a year's spending, not one project's investment.
# "当年计划投资", "年度计划投资" is the year's slice of a work's or a batch's total, no investment of its own.
YEAR_PLAN = re.compile(r"(今年|全年|年内|明年|当年|年度)(投资)?(将|要|计划|拟|预计|力争)")  # "年度投资计划超800亿元"

# A count of projects still to be carried out or signed ("计划实施50个重点项目", "将开工建设30个项目",
# "预计签署合作项目240多个"), or a list of projects designated for the year ("确定了1580个省重点项目"):
# a programme or a forecast, no event's batch ("可望签约的…项目38项": expected, not yet signed; "下半年，全市计划
# 集中开工项目180个": a half-year's plan).
PLANNED_COUNT = re.compile(r"(?<!本次)(?<!此次)(?<!这次)(?<!今天)(?<!当天)计划集中(?:开工|签约|竣工|投产)(?!的)|(计划|将|拟|要|预计|可望|有望)(实施|建设|推进|安排|谋划|开工|新开工|续建|签约|签署|签[订定]|落地)|确定了?(?=[^，。；的]{0,4}?\d)"
                           # A year's list of works started or carried out ("今年某区启动实施市级重点项目292个，总投资516亿元").
                           r"|(?:今年|全年|年内)[\u4e00-\u9fff]{0,6}?(?:启动实施|共实施|实施|安排|谋划)(?!的)(?=[^，。；]{0,16}?项目)(?![^，。；]{0,24}?集中)"
                           # a list pushed on ("襄阳市强力推进172个重点技术改造项目，总投资1314亿元")
                           # (or its kinds listed first: "加快推进防洪减灾、…、智慧水利等150项重大水利工程建设")
                           r"|推进[\d两二三四五六七八九十百]+个[^，。；]{0,6}?(?:重点|重大)"
                           # a year's list put out ("发布了2026年该省486项重点建设项目，总投资11364亿元")
                           r"|(?:发布|公布|印发|下达)了?[^，。；]{0,12}?[\d两二三四五六七八九十百]+[个项][^，。；]{0,4}?(?:重点|重大)")

# A span of time the sentence is set in ("2022年，", "一季度，", "今年前5个月，", "目前，", "未来一年，"; not a date:
# "今年3月", "2022年底"). With a count of projects, a plan or completed work after it, or right before
# the investment word, the amount is the span's figure, not one project's: "2022年，北京585个重大项目
# 实现开工建设，全年完成总投资超过7000亿元", "一季度，…审批核准…项目42个，总投资2803亿元", "今年，宁夏共谋划
# 重点建设项目101个，总投资4049亿元", "内蒙古今年投资1900多亿元".
_NOT_A_DATE = r"(?!\d|[一二三四五六七八九十]{1,2}月|[初底末])"
# Nor the year of one event ("在今年的进博会上", "在2023年的招商引资推介会上").
# Nor the year heading an event's own name (text.NOT_AN_EDITION).
_NOT_AN_EVENTS_YEAR = r"(?!的[^，。；,;]{0,16}?(?:会|节|活动|仪式)(?:上|中|期间|现场))" + NOT_AN_EDITION
# A year that dates one work's approval or listing ("某渔港项目于2003年经农业部批准建设，工程计划总投资…",
# "某公路2021年列入省重点项目，计划总投资18亿元"): no span whose figures are summed (session 29).
_A_WORKS_YEAR = r"(?![^，。；,;]{0,6}?(?:经|获批|批准|核准|立项|列入))"
SPAN = re.compile(r"(?<!\d)\d{4}年" + _NOT_A_DATE + _NOT_AN_EVENTS_YEAR + _A_WORKS_YEAR + r"|今年" + _NOT_A_DATE
                   + _NOT_AN_EVENTS_YEAR
                   # (session 53) last year with a month or a day as this year's: "去年7月，该项目首期…奠基，计划总投资6亿元"
                   # dates one event (last year's fair stays a span: "在去年的投洽会上签约的12个项目中，已有8个开工建设")
                   + r"|去年" + _NOT_A_DATE
                   # …but a run of months from a date is a span ("从去年11月到今年9月底，湖州项目落地831个")
                   + r"|(?:从|自)?(?:去年|今年|前年|(?<!\d)\d{4}年)[\d一二三四五六七八九十]{1,2}月份?(?:\d{1,2}日)?(?:到|至)"
                   r"(?=今年|去年|(?<!\d)\d{4}年|[\d一二三四五六七八九十]{1,2}月|年底|年末)"
                   # …and so is a month's tally over an area ("7月，全市共签约项目18个": no event's day; an event in the
                   # sentence still makes it a batch, span_figure)
                   + r"|(?:去年|今年|(?<!\d)\d{4}年)?(?<![\d一二三四五六七八九十])[\d一二三四五六七八九十]{1,2}月份?"
                   r"(?=[，,]?(?:(?:全[市县区省州旗盟]|我[市县区省州旗])[^，。；,;]{0,6}?(?:共|累计)"
                   r"|[^，。；,;]{0,10}?新(?:签约|开工|引进|落地)))"
                   # (not a work's yearly capacity: "全年可处理垃圾量54.75万吨，建设总投资约11.9亿元", session 57)
                   + r"|全年(?!可|能)|上半年|下半年|前三季度"
                   # a five-year plan's years and the year just past ("“十三五”期间，某市投资…", "在刚刚过去的一年时间里，某市引进了
                   # 近200个重大项目，总投资额2600多亿元"): spans (session 57)
                   r"|" + FIVE_YEAR_PLAN + r"|(?:过去|刚刚过去|刚过去)的(?:一|1|两|2|三|3|五|5)年(?:时间)?(?:里|中|内|间)?"
                   # a holiday's days ("从大年三十到正月初五，全市共签约项目14个", "春节期间…"): a span (session 57)
                   r"|" + HOLIDAY + r"|黄金周(?:期间)?"
                   r"|(?:从|自)(?:大年三十|除夕|腊月[初十二廿三]{1,2}[一二三四五六七八九十]?|正月[初十二廿三]{1,2}[一二三四五六七八九十]?)(?:到|至)"
                   r"|[一二三四]季度|(近|未来)[一两二三四五六七八九十\d]{1,2}年|前\d{1,2}个?月|前[一二三四五六七八九十]{1,2}个?月|目前")

# Between the span and the investment word: a count, a plan or completed work ("585个重大项目",
# "将", "谋划", "完成"; not an ordinal: "今年引进的第三个…项目" ranks one); after the amount only a count of projects or works ("实施“十大民生工程”"):
# a plan or a number after one project's amount ("将于年底投产", "带动300个岗位") says nothing of it.
_SPAN_WORK = re.compile(r"(?<![\d.第])\d+(?:多|余)?[个项家](?!月)|(?<![第两三四五六七八九十百千])[两三四五六七八九十百千]+(?:多|余)?[个项大家](?!月)"
                        # (session 56: not a clause that ends on 完成, a work done: "从2013年开始建设，现在已全部完成，…总投资607.9万元")
                        r"|计划|将(?!近)|拟|预计|谋划|完成(?!了?[，,。；;])")
_SPAN_COUNT_AFTER = re.compile(r"(?:(?<![\d.])\d+|[两三四五六七八九十百千]+)(?:多|余)?[个项大]"
                               r"[\u4e00-\u9fff“”\"]{0,10}?(?:项目|工程)")
# The year's list a work is on ("是今年永安市食用菌产业发展的重点项目", "被列入2023年省重大项目"): the span dates the list,
# not the work's figure (session 36).
# One work's planned total or a step of its building after a span ("今年，某某新材料项目在某县经济开发区开工建设，计划总投资
# 12亿元", "该项目去年完成主体施工，总投资8亿元"): the 计划 of 计划总投资 and a 完成 that is no money's are _SPAN_WORK's words
# of a year's plan or tally only where no named work is the clause's subject (session 53). A work is named when its noun
# has no category before it ("新开工的工业项目", "在建项目", "招商项目" are many works) and no area or plurality stands
# between the span and the word (全市, 我县, 该县, 各地, 一批, 等, 30个…; not "位于我县…", "该县引进的…": one work's).
# (A plain 计划投资 only opening its comma clause after the work's step: "今年在某县成立第3家乳品工厂，计划投资1.5亿元";
# "今年，某工程计划投资18.98亿元" is the year's slice of the work's total: session 57.)
_WORKS_OWN_WORD = re.compile(r"计划(?=总投资|投资总额)|(?<=[，,])计划(?=投资)|完成(?=[^，。；,;]{0,4}?(?:主体|施工|建设|安装|调试|封顶|验收))")
# Narrower than amounts' _WORK_NOUN (园, 场, 中心…, any work in view): a noun that names one work as a clause's subject.
# (Not a park alone: "今年上半年，甘眉园区完成工业产值50.75亿元，固定资产投资9.53亿元" is the park's statistics.)
NAMED_WORK_NOUN = re.compile(r"项目|工程|基地|产业园|生产线|工厂|厂房|电站|医院|院区|枢纽|码头|水库|公路|铁路|大桥|机场")
_CATEGORY_BEFORE = re.compile(r"(?:在建|新开工|新签约|开工建设|续建|新建|入库|招商|引资|城市更新|乡村振兴|工业|产业|民生|基础设施|社会事业|农业"
                              r"|服务业|制造业|投资|重点|重大|签约|开工|各类|这些|上述"
                              # a sector's works ("该区2024年的城建项目", "某市水利工程": session 29's and 33's tests)
                              r"|城建|市政|交通|水利|教育|卫生|医疗|文旅|旅游|能源|环保|生态|城乡|基建|住建|体育|文化)的?$")
_PLURAL_BETWEEN = re.compile(r"(?<!位于)[全我本该各][市县区省州旗盟镇乡地类](?!引进|招引|签约引进)|一批|首批"
                             r"|第[一二三四五六七八九十\d]{1,2}批|批次|多个|系列|等(?!功能|领域|方面|于一体)"
                             # (not an ordinal: "成立第3家乳品工厂" is one, session 57)
                             r"|(?<![\d.第])\d+[个家项座条](?!月)|(?<![第两三四五六七八九十])[两三四五六七八九十]+[个家项座条](?!月)"
                             # a province's or a city's programme of many sites ("江西省高标准农田建设项目", "济南市老旧
                             # 小区改造工程", "保定市民心工程": the fresh review's)
                             r"|[\u4e00-\u9fff]{2,3}省|城中村|老旧小区|棚户区|农村|农田|民心|惠民|民生|保障|乡村|入驻|企业")


def named_work(text: str, low: int, high: int) -> bool:
    """Whether text[low:high] names one work and no area or plurality (_WORKS_OWN_WORD)."""
    if text.startswith("的", low):
        return False  # "2024年的…项目": the year's works
    last = None
    for last in NAMED_WORK_NOUN.finditer(text, low, high):
        pass
    return last is not None and not _CATEGORY_BEFORE.search(text, max(last.start() - 6, low), last.start()) \
        and not _PLURAL_BETWEEN.search(text, low, high)


def _span_work(text: str, sentence_start: int, span_start: int, span_end: int, amount_start: int) -> bool:
    """Whether a count, a plan or completed work stands between a span and its amount (_SPAN_WORK), one named work's
    planned total or building step aside (_WORKS_OWN_WORD; the work may be named right before the span in its clause:
    "某某存储二期项目今年开工建设，计划总投资160亿元")."""
    clause = max(sentence_start, *(text.rfind(mark, sentence_start, span_start) + 1 for mark in "，,；;"))
    for found in _SPAN_WORK.finditer(text, span_end, amount_start):
        if not (_WORKS_OWN_WORD.match(text, found.start())
                and (named_work(text, span_end, found.start()) or named_work(text, clause, span_start)
                     and not _PLURAL_BETWEEN.search(text, span_end, found.start()))):
            return True
    return False


# A run of months (SPAN's "从去年11月到今年9月底") told of one work ("该项目于去年3月至今年5月完成主体施工"): its schedule.
_A_RUN_OF_MONTHS = re.compile(r"月份?(?:\d{1,2}日)?(?:到|至)$")
_ONE_WORKS_SCHEDULE = re.compile(r"(?:项目|工程)(?:将|已)?(?:于|从|自)?$|(?:建设期|建设工期|工期|施工期|建设周期)(?:为|是)?(?:从|自)?$")
_LISTED_AS = re.compile(r"(?:是|为|列入|纳入|列为|作为|属于)[^，。；,;]{0,6}$")
# (Session 70: any kind between the rank and the work, "2024年某乡谋划的重大招商引资项目", "今年的重点民生工程".)
_YEARS_KEY_WORK = re.compile(r"[^，。；,;]{0,16}?(?:重点|重大)[^，。；,;的]{0,4}?(?:项目|工程)(?:之一)?(?=[，,。；;])")
# One event's batch stays a roundup: "今天，北京市2023年首批50个重大项目开工" (EVENT).

# A total over a plurality that is no batch of projects: companies, vessels, vehicles, wells
# ("渔轮达到1500多艘，…，总投资近20亿元", "有29家企业进行了…备案，总投资额超过4.5亿元") or a class of
# projects set by a threshold ("500万元以上的技术改造项目"). Summed over them, the figure is a tally of a
# sector or a survey, unless the story reports them as one event's batch (a signing, a start …) or
# the total is a named work's own ("项目总投资").
PLURAL = re.compile(r"(?:(?<![\d.])(?:[2-9]|\d{2,})|[两二三四五六七八九十百千]+)(?:多|余)?(?:家(?![子村屯庄店营沟湾镇寨堡坊])|艘|辆|架|眼|口井"
                    # schools or hospitals counted ("将完成新改扩建中小学、幼儿园16所，…预计总投资2.46亿元"; session 58)
                    r"|所(?![属有长在以谓得]))"  # (not a place: "六家子村", "三家店")
                    r"|以上的?[^，。；,;]{0,12}?项目")

# Several projects: "32个重点项目", "项目23个", "一批项目", "集中签约/开工". Not "上述工程", which may be the
# parts of one work ("…取水泵站、净水厂和输水管线。上述工程总投资8亿元").
# The last characters of the words a headline counts projects after ("签约三项目", "开工五项目", "落户两项目", "引进…").
_BEFORE_A_COUNT = r"[约工户进下增中共有达等和与及动签建产引推批再又县市区镇乡村旗州日天年度这全今]"  # (a place or a day before the count: "某区五项目落地")
ROUNDUP = re.compile(
    # An ordinal ("第三个…项目") counts no projects: it ranks one.
    # Nor does one ("建立一个…农业项目示范基地").
    # (session 51) Nor villages or towns a work covers, named before their count ("河西等2个镇石山嘴等3个村土地整治项目":
    # one work; not "6个乡镇污水管网项目", "在10个村实施…项目": works of each).
    r"(?![1一]\s*[个项宗条座])((?<!\d)(?<!第)\d+|(?<![" + CN_DIGITS + r"第])[" + CN_DIGITS + r"]+)(?:多|余)?\s*(?:[个项宗座]|条(?![^，。；,;]{0,6}?生产线))\s*(?![多余]?亿(?!元?(?:及|和)?以上)|月|小时|星期|(?:(?<=等\d个)|(?<=等\d\d个)|(?<=等[两二三四五六七八九十]个))(?:(?:行政)?村(?!级)|镇(?!级)|乡(?!村|级)|街道|社区))[\u4e00-\u9fff、“”‘’「」]{0,10}?(?<!子)项目(?!之一)"  # "360多个合作项目", "86个国际、国内投资合作项目", "两条高速公路项目"
    # (session 60: a kind in quotes between, "15个“高精尖”项目落户北京": quote marks allowed; still ten characters at most,
    # "由3个投资主体合资建设光伏发电项目" being one work)
    # (not one of a list, "14个重大项目之一")
    # works counted ("160项重大工程"), not one work's parts listed ("主要有场道、…、通讯导航等7项工程") nor one of a list (之一)
    # (nor one work's sub-projects, "包含进港大道、…五个子项目": session 36)
    r"|(?<![等有])(?<!分为)(?<!涉及)(?<!包括)(?<!包含)(?![1一][项个])(?:(?<!\d)(?<!第)\d+|(?<![" + CN_DIGITS + r"第])[" + CN_DIGITS + r"]+)(?:多|余)?[项个][\u4e00-\u9fff]{0,4}?工程(?!之一)"
    # (not "总投资约60个亿的某光伏项目": spoken 亿 counts money, not projects)
    # (not one work's parts, "由新能源客车、…和零部件项目三个部分组成")
    r"|项目(?:签约|开工|开复工|投产|竣工)?(?:成果)?(?:有|共有|达到?|超过?|逾|近|约)?\s*(\d+|[" + CN_DIGITS + r"]+)(?:多|余)?\s*[个项宗](?!部分|板块|子项|标段|方面|功能区)"  # "…的项目有45个", "项目开工23个"
    # (session 50) Counted by 只, as some counties write it ("丁蜀镇5只重点项目集中奠基"), the projects right after it (not
    # "20只大熊猫的繁育基地项目", "5000只湖羊的养殖项目": animals of one work)
    r"|(?![1一]\s*只)(?:(?<![\d第])\d+|(?<![" + CN_DIGITS + r"第])[" + CN_DIGITS + r"]+)只(?:重点|重大|产业|招商)?(?:项目|工程)(?!之一)"
    # "我县签约六大项目" (not "十大项目评选", "作为全市“十大项目”之一的某医院": a title, one of a list; not the party's
    # congress, "迎接二十大献礼工程"); a two-digit count too ("12大项目签约": session 50)
    r"|(?<![第一“\"\d])(?<!二)(?:[两二三四五六七八九十]|[2-9]|[1-9]\d)大(?:重点|重大|产业|招商|重磅)?(?:项目|工程)(?![”\"]|[^，。；,;]{0,6}?(?:评选|之一))"
    # (session 50) a kind of works between ("两大文旅项目提前开工", "三大新能源项目"), from a short list: not the firms or
    # bodies whose project it is ("两大集团合作项目", "两大平台合作项目"), one work's parts ("三大主体工程", "两大子项目",
    # "三大板块工程") nor the class a project is one of ("十大民生工程的重点项目", "三大主导产业项目中的")
    r"|(?<![第一“\"\d])(?<!二)(?:[两二三四五六七八九十]|[2-9]|[1-9]\d)大"
    r"(?:文旅|旅游|文化旅游|新能源|清洁能源|能源|水利|交通|基础设施|工业|农业|物流|康养|商贸|科技|民生|标志性)"
    r"(?:项目|工程)(?![”\"]|的|中|[^，。；,;]{0,6}?(?:评选|之一))"
    # projects counted, then their total and kind ("23个计划总投资额124亿元的产业项目正式签约"; not a class each is of:
    # "8个投资过5000万元的项目", "12个总投资亿元以上的项目")
    r"|(?![1一]\s*[个项])(?:(?<![\d第])\d+|(?<![" + CN_DIGITS + r"第])[" + CN_DIGITS + r"]+)(?:多|余)?[个项](?:计划|协议)?总?投资(?:总?额)?(?![^，。；,;]{0,12}?(?:以上|过|超|逾))[^，。；,;]{0,12}?的[\u4e00-\u9fff]{0,8}?项目(?!之一)"
    # (session 50) …and as headlines write it, the total's figure right after its word and no 的 ("10个总投资201亿元项目落户…";
    # not "3个投资主体合资建设…项目", "3个总投资额最大项目之一")
    r"|(?![1一]\s*[个项])(?:(?<![\d第])\d+|(?<![" + CN_DIGITS + r"第])[" + CN_DIGITS + r"]+)(?:多|余)?[个项]"
    r"(?:计划|协议)?总投资(?:总?额)?(?:达|约|近)?\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|千万|万)(?:元|美元)?[\u4e00-\u9fff]{0,6}?项目(?!之一)"
    # projects counted without a classifier, as headlines write them ("武汉蔡甸签约三项目", "集中签约12项目")
    # (not a five-year plan's works, "十四五项目", nor a year's, "2023项目")
    # (a numeral after a verb or a word's end, not inside a name: "碳三项目", "华三项目")
    r"|(?![1一]项目|十[一二三四五]五项目)(?:(?<![\d.第])\d{1,3}|(?<![" + CN_DIGITS + r"第])(?:(?<![\u4e00-\u9fff])|(?<=" + _BEFORE_A_COUNT + r"))[" + CN_DIGITS + r"]+)(?:多|余)?项目(?!之一)"
    r"|一批[\u4e00-\u9fff]{0,6}?项目|(这些|这批|该批|上述)项目|(全部|所有)项目(?=[^，。；,;]{0,4}?(总投资|投资总额|共|合计))|集中(签约|开工|投产|竣工|开业)"
    # (session 61: what is counted must be projects, not a school's classes: "果洛中学总投资1.22亿元，资金来源为…建设项目
    # 资金2017万元，…目前学校共有10个班级")
    r"|项目[^。；]{0,30}?共有?\s*(\d+|[" + CN_DIGITS + r"]+)\s*[个项宗]"  # "重大项目正式动工，…共有319项"
    # (not one work's parts: "该项目共有3个子项目", "…共有3个单体工程")
    r"(?:(?![\u4e00-\u9fff])|(?=(?!子|单体|标段)[\u4e00-\u9fff]{0,6}?(?:项目|工程)|签约|开工|竣工|投产|落地|集中|同时|重点|重大|在建|新开工|续建))"
    # "签约项目共计158个，": a count of the projects themselves (not "项目共计3个标段": one project's parts)
    r"|项目(?:签约|开工|投产|竣工)?(?:共计|合计|总计)\s*(\d+|[" + CN_DIGITS + r"]+)(?:多|余)?\s*[个项宗](?![\u4e00-\u9fff])"
)

TOTAL = re.compile(r"(总投资|投资总额|总额|总金额|合计|共计|累计|总计)")
# A batch pointed back at at a sentence's head ("这7个重点项目", "上述项目", "这批项目"), after a reporter's lead-in at most
# ("品观网获悉，这7个重点项目…").
_POINTED_BATCH = re.compile(r"(?:[^。；;！!？?\n]{0,30}?[，,：:])?(?:这|此|上述|该批|这批)(?P<count>[\d" + CN_DIGITS + r"]+)(?:多|余)?[个项]"
                            r"[^，。；,;]{0,8}?项目")
_SPAN_COUNTED = re.compile(r"以来|累计|截至|截止|全年|上半年|下半年|前[一二三四五六七八九十\d]+个?月|季度")


def batch_of_one_event(text: str, sentences: Marks, start: int, title: str,
                       known: dict[tuple[int, int], bool]) -> bool:
    """Whether a count of projects and their total are one event's batch, not a tally of many.

    The event may be named in the sentence, the sentence before it in its paragraph, or the headline.
    ``known``: the answers given so far, per sentence (its marks): reading the stage is the costly part,
    and a text without full stops would otherwise have it read for every amount (65 s for 100,000
    characters of "某公司10亿元项目开工，"). A sentence longer than 2 × REACH is read around its first amount.
    """
    sentence_start, sentence_end = sentences.start_before(start), sentences.first_from(start)
    key = (sentence_start, sentence_end)
    if key not in known:
        low = max(start - REACH, 0)
        previous = max(sentences.start_before(max(sentence_start - 1, 0)), text.rfind("\n", low, start) + 1, low)
        pointed = _POINTED_BATCH.match(text, sentence_start, start) if previous == sentence_start else None
        if pointed:
            # (Session 59) A batch pointed back at by its count, opening a paragraph ("这7个重点项目包括…，总投资约16.7亿元"
            # under a lead "…举办了一场开工仪式，再次迎来7个重点项目…同时开工"): the event of the paragraph before, when the
            # sentence there that gives the same count tells an event, not a span's tally ("今年以来累计签约项目30个。…
            # 8个项目现场签约。\n这30个项目…": review59b).
            before = max(text.rfind("\n", low, max(previous - 1, low)) + 1, low)
            counted = re.search(r"(?<![\d" + CN_DIGITS + r"])" + re.escape(pointed.group("count")) + r"(?:多|余)?[个项]",
                                text[before:previous])
            if counted:
                at = before + counted.start()
                told = text[sentences.start_before(at):sentences.first_from(at)]
                if EVENT.search(told) and not SPAN_SO_FAR.search(told) and not _SPAN_COUNTED.search(told):
                    previous = sentences.start_before(at)
        context = text[previous:min(sentence_end, start + REACH)]
        # A stage reached, as the stage extractor reads it: "建成后" (a condition) or "将开工" (a plan) is
        # none; nor is a filing (备案), which each firm makes on its own day.
        known[key] = (any(pattern.search(part) for pattern in (EVENT, ONE_BATCH) for part in (context, title))
                      or find_stage(title, context) not in (None, "备案"))
    return known[key]


# An event under way: a fair or meeting held or open. Not any EVENT word: a dated groundbreaking ("12日，…项目
# 正式开工奠基。截至目前，园区已入驻企业60家，协议投资…") leaves "so far" the zone's tally.
_UNDER_WAY = re.compile(r"举行|举办|开幕|会期|博览会|洽谈会|交易会|大会")


def under_way_before(text: str, pos: int) -> bool:
    """Whether the paragraph before ``pos`` (at most REACH characters back) reports an event under way, so
    that "so far" at ``pos`` ("目前，已签约项目315个", "截至今天，已经有179个项目签约") counts that event's
    batch, not a span of time (span_figure, and facts.amounts' periods)."""
    low = max(pos - REACH, 0)  # bounded: an unbounded rfind is a scan of the whole text per amount
    paragraph_start = max(text.rfind("\n", low, pos) + 1, low)
    return bool(_UNDER_WAY.search(text, paragraph_start, pos))


# A headline naming a batch's event ("某市举行元月份重大项目开工活动"): the month's count in its body ("1月份市区新开工项目
# 11个，总投资36.03亿元") is the event's batch, as under TOGETHER (session 57).
_BATCHS_EVENT = re.compile(r"(?:重大|重点|产业|工业)项目[^，。；,;]{0,4}?(?:开工|签约|竣工|投产|开复工)(?:活动|仪式|大会)")


# A span opening a phrase that describes one work ("目前正在施工的一期项目", "今年开工的该厂首期工程"): no count, bound or
# threshold in it (not "今年新开工的项目", a category, nor "今年开工的亿元以上项目", "今年签约的30个项目": named_work's and these).
# (The whole phrase is named_work's to read, so an area or a plurality before 的 counts: "今年全市新开工的市政道路工程".)
_SPAN_OF_ONE_WORK = re.compile(r"[^，。；,;的\d]{1,10}?的(?P<work>(?:(?!以上|以下|\d|[" + CN_DIGITS + r"]+[个项家批])[^，。；,;的]){1,20}?"
                               r"(?:" + NAMED_WORK_NOUN.pattern + r"))")


# A work's name ending the words between a span and its investment word, before a plan's word ("…蔬菜产业项目计划").
_NAME_THEN_PLAN = re.compile(r"(?P<name>[\u4e00-\u9fff]{6,}?(?:" + NAMED_WORK_NOUN.pattern + r"))(?:的?建设)?(?:计划|预计|拟|总共|共)?$")
_NAME_RUN = 8  # characters of the name's end the headline must write


def _named_in_the_headline(title: str, between: str) -> bool:
    """Whether the words between a span and its investment word end with the name of the work the headline names (its
    last _NAME_RUN characters written in the headline), no plurality among them: the span is part of that name."""
    if not title or len(between) > REACH:
        return False
    named = _NAME_THEN_PLAN.search(between)
    if named is None:
        return False
    return named.group("name")[-_NAME_RUN:] in title and not _PLURAL_BETWEEN.search(between)


def span_figure(text: str, title: str, sentence_start: int, invest_start: int, amount_start: int,
                sentence_end: int, one_work_after: bool = False, signed: bool = False, firm: bool = False) -> bool:
    """Whether the sentence sets the investment in a span of time and sums up that span (see SPAN).

    ``sentence_start``: a sentence opening with 其中 ("among them") starts with the one before it.
    An event in the sentence, or a headline of projects started or signed together, makes the span's count its
    batch: "广东第二季度重大项目集中开工" over "二季度广东共开工重大项目1075个，…总投资9913亿元" reports the day's
    start of the quarter's projects. Any other event in the headline (a meeting "举行", a "大会") may report the
    span's tally ("某市经济运行情况新闻发布会举行" over "上半年，全市新开工项目210个，总投资1800亿元").
    ``one_work_after``: the amount builds one work ("未来三年，某集团将在某市投资150亿元，建设新能源汽车整车生产
    基地"): the coming years are then that work's, not a programme's span; so is this or last year when ``firm``
    (a firm or a person spends it: "这家印染企业去年投资3.2亿元，新建…车间"; a province's "今年投资1900多亿元，
    加快建设…等项目" stays a year's programme).
    ``signed``: the investment word is a signing's ("签约项目金额", "签约额") and not one project's (the caller asks).
    Projects are signed on a day, at an event: a signed total set in a span without one ("今年，某市签约项目金额达到
    860亿元", "2023年，某市签约项目金额突破1000亿元") sums up the span's signings, unless the edition of a fair or a
    meeting holds them (ONE_BATCH), a party signs it ("去年10月，某公司与合肥市签约，签约金额80亿元": a date, one
    deal) or it builds one work.
    """
    if SPAN_SO_FAR.search(text, sentence_start, invest_start):
        return True  # "…推进大会今天举行，截至目前，全市今年已开工项目156个，总投资720亿元": the year's so far
    if EVENT.search(text, sentence_start, sentence_end) or TOGETHER.search(title) or _BATCHS_EVENT.search(title):
        return False
    for span in SPAN.finditer(text, sentence_start, invest_start):
        if _A_RUN_OF_MONTHS.search(span.group()) and _ONE_WORKS_SCHEDULE.search(
                text, max(span.start() - 8, sentence_start), span.start()):
            continue  # "该项目从今年4月至10月进行设备安装调试，计划总投资12亿元": one work's schedule (session 53's review)
        if _LISTED_AS.search(text, max(span.start() - 8, sentence_start), span.start()) \
                and _YEARS_KEY_WORK.match(text, span.end()):
            continue  # "该项目是今年永安市食用菌产业的重点项目，计划总投资500万元": the year's list the work is on
        if _named_in_the_headline(title, text[span.end():invest_start]):
            continue  # (session 61) "广饶县2020年高效特色农业发展蔬菜产业项目计划总投资1300万元" under "高效特色农业发展蔬菜
            # 产业项目开工": the year is in the name of the headline's work
        if (described := _SPAN_OF_ONE_WORK.match(text, span.end(), invest_start)) \
                and named_work(text, described.start(), described.end("work")):
            continue  # (session 61) "目前正在施工的一期项目计划投资8300余万元", "目前开工的该厂首期工程，…预计投资8000多万元":
            # the span dates one work's step in a phrase describing it, no span's works summed
        if span.group() == "目前" and under_way_before(text, sentence_start):
            continue  # "…今天在沈阳开幕。…目前，已签约项目315个，总金额…": the event's tally so far
        if one_work_after and (span.group().startswith("未来") or firm and span.group() in ("今年", "去年", "全年")
                               or text[span.start() - 1:span.start()] in ("到", "至")
                               and not _PLURAL_BETWEEN.search(text, amount_start, sentence_end)):
            continue  # "某公司今年拿出2亿元，新建一条生产线": a firm's money this year for one work; "到2030年，巴斯夫将投资
            # 100亿欧元建设湛江一体化基地": a deadline for one work (session 57; not a programme's, "至2027年，某市将投入50亿元，
            # 实施高标准农田…等乡村振兴项目": review57b)
        if _A_RUN_OF_MONTHS.search(span.group()) and not (firm or one_work_after) \
                and not named_work(text, span.end(), invest_start):
            return True  # "2023年3月至12月，株洲市新签约产业项目总投资达380亿元": the months' tally (the fresh review's)
        if (span.end() == invest_start or _span_work(text, sentence_start, span.start(), span.end(), amount_start)
                or _SPAN_COUNT_AFTER.search(text, amount_start, sentence_end)):
            return True
        # "全年" is a whole year's sum wherever it stands before the word ("北京全年向社会资本推介项目
        # 投资超2700亿元"); 今年 or a year may only date one event ("今年3月开工", "2022年建成").
        if span.group() == "全年" and not CLAUSE_BREAK.search(text, span.end(), invest_start):
            return True
        if (signed and span.group() != "目前" and not span.group().startswith("未来") and not one_work_after
                and re.match(_NOT_A_DATE, text[span.end():span.end() + 3])
                and "与" not in text[span.end():invest_start] and not ONE_BATCH.search(text, sentence_start, sentence_end)):
            return True
    return False
