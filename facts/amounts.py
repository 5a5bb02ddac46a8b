"""Investment amounts in Chinese news text: ``总投资41亿元``, ``三千万元``, ``1.2亿美元``.

Money as written is read by ``facts.money`` (numerals through cn2an); this module decides which
amount is the project's investment. An amount counts when an investment word stands before
it in the same comma clause (总投资, 计划投资, 投资额 …) and no other measure (年产值, 营业收入,
实际使用外资 …) stands between them, or when it sizes a work that reaches a stage
(``某市30亿元新能源项目开工``). The checks after that ask what ties the amount to one project: the
subject is a work, not a sector, programme or area; several things summed up are one event's batch,
else a tally (``facts.batches``). A story about many projects (``32个项目…总投资156亿元``) gives the
total it states, as ``kind="roundup"``.
"""

from __future__ import annotations

import math
import re
from typing import Iterator, NamedTuple, Optional

from .batches import (COUNT_BEFORE as _COUNT_BEFORE, MANY_AREAS as _MANY_AREAS,
                      PLANNED_COUNT as _PLANNED_COUNT, PLURAL as _PLURAL, ROUNDUP as _ROUNDUP, SEVERAL as _SEVERAL,
                      SPAN as _SPAN, STANDING as _STANDING, TOTAL as _TOTAL, YEAR_PLAN as _YEAR_PLAN,
                      batch_of_one_event as _batch_of_one_event, named_work as _named_work, NAMED_WORK_NOUN as _NAMED_WORK_NOUN,
                      span_figure as _span_figure,
                      under_way_before as _under_way_before)
from .money import AMOUNT as _AMOUNT, CN_DIGITS, CNY_RATES, Amount, parse_amount, to_amount as _to_amount
from .places import find_places
from .stages import STAGES, THIS_WORK, find_stage, read_verbs, under_way_word
from .text import (BARE_TOU, BOOK_TITLE, FAIR_NAMES, FIVE_YEAR_PLAN, HOLIDAY, OUR_HOME, TODAY_EVENT, TOGETHER, story_paragraphs, AREA_WIDE, sentence_end, sentence_start as _sentence_start, CLAUSE_BREAK, INVESTING, ONE_BATCH as _ONE_BATCH, PLAN_DOCUMENT, PURCHASE, CLAUSE_MARKS, EVENT as _EVENT, PERIOD as _PERIOD,
                   REACH as _REACH, SENTENCE_MARKS, SPAN_SO_FAR as _SPAN_SO_FAR, STATISTIC, TODAY, WORK_HEAD, Marks,
                   compared_after, compared_batch, day_item_start, normalise)

__all__ = ["Amount", "CNY_RATES", "find_investment", "parse_amount", "stated_at", "tally_story", "the_figure"]

# Words that make the amount after them an investment. A work's design budget or its total budget ("施工图设计预算约11.33亿元",
# "该项目三年总体预算达到了1.2亿元") is its cost as an estimate is (概算); a department's budget is no 总预算 of a work. A bare 投资 that starts another noun
# (投资银行, 投资基金, 投资者, 投资人 …) introduces no investment. (A work's funds pointed back to, "该项目建设资金999.34万元",
# were read as its investment in session 47 and taken out again: its review found funds granted, moved, short, idle or
# frozen told the same way, "该项目建设资金200万元被挪用", "…已被冻结", far more often.)
_FINAL_ACCOUNTS = ("决算总金额", "决算总额", "竣工决算", "决算投资")
# (Session 71: "总投180多万元", 总投 right before its figure, is 总投资 cut short: _INVEST reads it, the search ending at the
# figure.)
_INVEST = re.compile(r"(总投资额?|总投(?=[约近超逾达为]?$)|总出资额?|投资总额|决算总金?额|竣工决算|决算投资|概算为|概算(?:总?金额|总投资|总资金)为?|总概算|(?<=[，,])(?:工程|项目)概算(?:为)?|设计预算|设计概算|总体?预算|总?签约(项目)?(总?(投资)?金?额|[，,]金额|合同总?金?额)|签约资金|合同(项目)?资金|合同引资额?|合同投资金?额|合同总?金额|协议总?金额|协议资金|协议投资额?|协议引资额?|(?<=[，,])引资总?额?|(?<=[，,])引进(?:资金|金额)(?!到位)|(?<=签约[，,])(?:资金|金额)(?:总额)?|(?<=[，,])涉及(?:合同)?(?:投资)?金?额|(?<=[，,])合作金额|(?:投资)?[估概]算总?金?额|(?<!投资)总金?额|(?<=[，,])共计?|计划投资|拟投资|预计投资|项目投资|固定资产投资|投资额|总投入|投资约|投资达|"
                     r"投资超|投资逾|投资近|投资规模|总耗资|耗资|斥资|出资|投入|花费|拿出|增资|签约|揽资|"
                     # (session 56) a firm's own funds put to one work ("拟动用自有资金14.85亿元，在…建设一座产业园", "拟使用
                     # 自筹资金3亿元投资建设…"): weak, it must build one work
                     r"(?:动用|使用)(?:自有|自筹)?资金|"
                     # (session 57) funds raised for one work ("南霞乡筹措91.37万元资金启动某危桥重建工程"): weak too (not 筹集: below)
                     r"(?<!争取)筹措(?:资金)?|"
                     # (session 70) the same raised as 筹资 ("合作社…筹资303.08万元新建了占地50亩的标准化养殖基地"): weak too
                     r"(?<!争取)(?<!融)筹资|"
                     # (session 51) investment brought in, the noun after the sum ("引来1.2亿元投资", "敲定超千亿元投资")
                     r"(?:引来|带来|敲定|迎来|揽下|签下|引进了)(?=[约近超逾达]?$)|"
                     # (session 51) a joint venture's sum ("合资1.47亿元在南宁构建国药物流中心"; not a work's 建设资金, funds
                     # got, short or misused: session 47)
                     r"合资|"
                     # (session 49) a headline's bare 投 before its sum (text.BARE_TOU): weak, it must build one work
                     + BARE_TOU + r"|签[订定]了?|签署了?|总?造价|"
                     r"投资(?!银行|基金|母基金|引导基金|子基金|者|人(?!民币)|环境|公司|机构|主体|方|商|热|风险|回报|收益|管理|咨询|理财|控股|集团))")
_BROUGHT_IN = re.compile(r"引来|带来|敲定|迎来|揽下|签下|引进了")  # (not a bare 引进: "台商投资区引进5亿元食品项目")
_INVESTMENT_NOUN_AFTER = re.compile(r"的?(?:投资|项目投资|产业投资|社会投资|民间投资|巨资)(?!收益|回报|环境|机会|热)")
# The total of a signed batch: a word that says so ("签约总额", "总签约金额"), or a total (总金额, 总额, 共)
# after a signing of several projects in the sentence ("签约项目315个，总金额达到4992亿元",
# "34个项目签约，共672.2亿元"); without a signing 总额 and 共 introduce no investment. "签约投资额" is
# 签约额, and so is the 金额 of the comma clause right after a signing ("69个重大项目签约，金额超663亿元").
# The funds a signed batch's contracts or agreements state ("此次集中签约项目共60个，合同资金224.9亿元",
# "合同引资额达569.35亿元的35个项目顺利签约") are its total the same way, and so is the amount of the signed
# projects ("展会…签约项目金额近80亿元"); a bare "签约金额" may be a trade's (技术交易, 采购).
_SIGNED_SUM = re.compile(r"总签约金?额|签约总金?额|签约项目总?金?额|签约项目总投资额|合同(项目)?资金|合同引资额?|协议资金|协议投资额?|协议引资额?|(?<!招商)引资总?额?|(?<=[，,])引进(?:资金|金额)(?!到位)|(?<=签约[，,])(?:资金|金额)(?:总额)?|涉及(?:合同)?(?:投资)?金?额|合作金额")  # "签约资金" is like 签约额
# A finished work's whole spending ("水库工程按照设计批复建设完工，…。完成项目批复总投资18979.75万元"): its total, not a
# statistic, when its sentence or the one before tells it finished and no span or share is counted.
# (Session 57: or accepted, told at length, "此次验收的8个土地整治项目涉及5个乡镇，…，共完成建设规模550公顷，…，完成总投资6748.291万元".)
_FINISHED_WORKS_TOTAL = re.compile(r"(?:竣工|完工|建成|投入使用|落成|验收)[^。；;]{0,120}?完成(?:项目)?(?:批复|概算)?总投资$"
                                   r"|完成(?:项目)?(?:批复|概算)总投资$")
# An area's works done summed up ("全市共完成公路建设工程340.8公里，总投资约3.25亿元", "全县累计建成…"): a tally, whatever
# the works (an event's start or signing is a batch: not these verbs).
# (Not 实施, a year's list carried out that a headline's event may start: "今年，全市共实施重点项目772项，计划总投资超5000亿元"
# under "…重点项目集中开工"; nor a clause before a semicolon: "…累计完成固定资产投资500亿元；今天开工的某大桥项目总投资30亿元".)
# Only works named after the verb (not 完成签约, 完成固定资产投资: review57b), in the amount's comma clause or the one before
# it, and no event's (a completion's batch: "举行…集中竣工投产活动，全市共建成投产项目32个，总投资186亿元").
_AREAS_WORKS_DONE = re.compile(r"全[市县区省州旗盟](?:今年|全年|年内|上半年)?[^，。；,;]{0,4}?(?:共|累计)(?:完成|建成|新建|改造|修建|新改建)"
                               r"(?!签约|投资|固定资产|招商|引资)[^，。；,;]{0,10}?(?:工程|公路|道路|桥梁|村道|管网)")
# A signing's contract sum (签约合同额) is investment only at an event of investment ("招商引资推介会上，20个项目顺利签约，签约合同额
# 达132亿元"), not builders' or service contracts won (建筑企业, 承包, 工程合作, 服务外包, 产销对接).
_AT_AN_INVESTMENT_EVENT = re.compile(r"招商|引资|投资|项目(?:集中)?签约|签约项目")
_BUILDERS_CONTRACTS = re.compile(r"建筑(?:业)?企业|建筑业|承包|工程合作|外包|产销|采购|订单")
# A part's own spending beside the whole ("其中环保投资为22万元", "其中生产设备投资6000万元").
_PART_SPEND_BEFORE = re.compile(r"(?:环保|环境保护|安全|节能|绿化|(?:生产)?设备|土建|安装)(?:设施)?(?:工程)?$")
# One named project or one agreement right before the sum ("…现场签约某新材料产业园项目，签约金额20亿元", "签署战略合作协议，
# 签约金额100亿元"): that deal's figure, not a batch (a day word between keeps the event's: "…投资项目，当日签约金额13亿元").
_ONE_DEAL_BEFORE = re.compile(r"(?<![个批些家项\d两二三四五六七八九十])(?:项目|协议|合同)[，,]\s*$")
# A signed sum forecast, not reached ("预计本届…签约金额有望突破800亿元").
_FORECAST = re.compile(r"预计|有望|将超|将达|力争|目标")
# An event's signed sum ("当日签约金额13亿元", "签约资金"): its batch's, at a promotion event (_SIGNING_EVENT).
_SIGNED_AMOUNT = re.compile(r"总?签约(?:总?金?额|资金)")
_SUMMED_AFTER = re.compile(r"(?:共计|合计|总计|累计|共)")  # "签约金额共13.5亿元": the works before summed
_SIGNED_AMOUNT_SUMMED = re.compile(_SIGNED_AMOUNT.pattern + _SUMMED_AFTER.pattern)
# A work's own figure in a list of works ("某集团投资10.5亿元的某项目、某公司投资1亿元的…项目"): not a phase's ("一期投资3亿元、
# 二期投资7.5亿元"), output or tax.
_WORK_FIGURE = re.compile(r"(?<![期])投资(?:额)?(?:约|近|超|逾|达)?[\d.]+(?:多|余)?[万亿]+(?:元|美元)?的")
# (Promotion events, not trade fairs: a 博览会's or 交易会's signed sum holds trade deals, "…装备国际博览会落幕，…签约额近百亿元".)
_SIGNING_EVENT = re.compile(r"推介会|招商会|洽谈会|投洽会|论坛|峰会|恳谈会|对接会|(?:当天|当日|现场|会上|本次|此次)签约"
                            # (session 36) a fair's own session ("兰洽会…专场签约260亿元", "分会场…签约"), "[甘兰渝]洽会"
                            r"|专场签约|分会场|[\u4e00-\u9fff]洽会"
                            r"|招商引资项目(?:集中)?签约(?:仪式|大会|活动)"  # "某县举行招商引资项目签约仪式"
                            # (session 68) a signing for investment by name ("在农高会上招商引资签约9亿元"), at a fair too
                            r"|招商引资(?:集中|现场)?签约(?![^，。；,;]{0,12}?(?:合同|订单|购销|采购))")
# A signing written right before its amount ("集中签约232.8亿元", "签约93亿元的项目"): the signed
# total of a batch, or one project's investment when the amount names the project it signs.
_BARE_SIGNED_GAP = re.compile(r"(达到?|超过?|逾|约|近)?")
# Not a contract to build or supply one ("签订了50亿元的工程承包项目", "EPC总承包项目合同"): a contractor's deal.
_PROJECT_AFTER = re.compile(r"^的?(?:(?!承包|EPC|施工|采购|设计)[^，。；,;]){0,12}?(项目|工程)(?!承包|总承包|施工|采购|设计)")
# The projects a signing names, right before their total ("签约项目560亿元", "日前签约金融、商贸等领域的项目
# 560亿元", "共签约智能化项目金额6100多亿元"): the signed projects' total, a batch's. Not one project
# ("签约一个…项目", "该项目"), which states its investment with a word of its own.
_SIGNED_PROJECTS = re.compile(r"了?(?![一该这此])[^，。；,;\d]{0,12}?项目(总?金额|总?投资额?|总额)?" + _BARE_SIGNED_GAP.pattern
                              # …or their contracts counted, the sum in the next comma clause ("签约招商引资项目合同14份，金额12.89亿元")
                              + r"|(?![一该这此])[^，。；,;\d]{0,12}?项目(?:合同|协议)\d+[份个项][，,]\s*(?:总?金额|总额)" + _BARE_SIGNED_GAP.pattern)
_TOTAL_ONLY = re.compile(r"总金额|总额|共计?")
# A signing of projects closing the comma clause right before a signed sum ("峰会还进行了重点合作项目签约，
# 签约金额440多亿元"): that sum is the signing's, the event's batch, as a counted batch's is
# ("69个重大项目签约，金额超663亿元"). Without it a bare 签约金额 may be a trade's ("…达成技术交易意向，现场签约金额…").
# … or firms counted signing together ("墨玉县与9家企业成功签约，签约金额达5.1亿元", "与7家企业代表举行了签约仪式，意向签约资金
# 14亿余元": session 32): each firm's project, one batch. Not banks' ("15家银行与62家企业现场签约": credit).
_PROJECTS_SIGNED = re.compile(r"项目(?:集中|现场|正式)?签约[，,]$"
                              r"|(?<!银行)(?<!机构)(?<!银企)与(?:\d+|[两三四五六七八九十]+)家(?:企业|公司|客商)[^，。；,;\d]{0,10}?签约(?:仪式)?[，,]$"
                              # (session 68) …or kinds of projects listed ("与某某等7家企业就电饭锅生产加工、…等招商项目举行了签约仪式，
                              # 协议金额7.34亿元")
                              # (not loans', research's or builders' deals: "就乡村振兴等融资项目", "等科研项目", "等施工项目", the
                              # code review)
                              r"|等(?:(?!融资|金融|信贷|贷款|授信|科研|研发|技术|成果|施工|承包|采购|购销|供货|设计|监理)[^，。；,;]){0,10}?项目"
                              r"(?:举行了?|进行了?)(?:集中|现场)?签约(?:仪式)?[，,]$")
# One work's signing before its signed investment ("某生物医药产业园项目今天在某市签约，签约投资额18亿元"): that
# work's investment, as 协议投资额 is.
_ONE_PROJECT = r"(?<![个批些])(项目|工程|基地|产业园)[^，。；,;\d]"  # one work, not "32个项目", "一批项目"
_ONE_PROJECT_SIGNED = re.compile(_ONE_PROJECT + r"{0,16}?签约[，,]$"
                                 # … or signed by name ("某市与某企业签约年产20GWh动力电池项目，签约投资额120亿元")
                                 r"|(签约|签[订定]|签署)了?[^，。；,;]{0,24}?(?<![个批些])(项目|工程|基地|产业园)[，,\s]$")
# ... or named right before its signing word ("某中欧班列物流园项目在某市签约，金额达15亿元"), or one work built
# after the amount ("某县与某公司签约，金额达8亿元，将建设一座农产品冷链物流园").
_ONE_PROJECT_BEFORE = re.compile(_ONE_PROJECT + r"{0,8}?$")
# A signing of research results or their transfer ("科技成果转化项目签约，签约金额5000万元") is a technology
# deal, not projects' investment.
_ANY_NUMBER = re.compile(r"[\d" + CN_DIGITS + r"]")
# The kinds of a batch listed ("其中，既有先进制造业项目，又有…项目"), not one work named ("其中，某光伏项目由某集团投资建设").
_KINDS_LISTED = re.compile(r"既有|又有|涵盖|包括|涉及|覆盖|分布")
# Three named works or more in a row, the total right after them (see _investment_amounts); not phases (一期项目、二期项目).
_WORK_ITEM = r"[^、，。；,;：:]{2,30}?(?<![一二三四五六七八九十\d]期)(?:项目|工程)"
_BATCH_OF_THE_DAY = re.compile(r"本次|此次|这次|集中|(?:签约|开工建设|开工|开复工|竣工|投产|落户)的?项目")
_PARTS_OF_A_WORK = re.compile(r"建设内容|主要建设|分为|组成|子项目|单项工程|标段|分项")
_WORKS_LISTED = re.compile(rf"(?:{_WORK_ITEM}、){{2,}}{_WORK_ITEM}等?[，,]\s*$")
_TECH_DEAL = re.compile(r"成果|转化|转让|产学研")
_SIGNED = re.compile(r"签约|签[订定]|签署|签下")  # 签定: an older spelling of 签订
_SETTLED = re.compile(r"落户|落地")  # "展会期间，有32个产业合作项目落户哈尔滨，共计71.8亿美元": settled as signed
# A sentence that sums up a whole event's batch ("全部项目总投资215亿元", "此次活动共签约项目42个", "当天全市共签约…").
_WHOLE_BATCH = re.compile(r"全部项目|所有项目|(此次|本次|当天|当日)[^，。；,;]{0,8}?共")
# Not a tally so far, a sum with something else, intents or another edition ("至此，园区落户项目共计45个", "与前两批合计").
_NOT_THE_EVENTS_WHOLE = re.compile(r"至此|累计|合计|意向|上届|去年|全省|全国")  # 全省: a city venue's story over the province's day
# Batches planned over a span ("计划分四批集中开工"): no one event.
_IN_BATCHES = re.compile(r"(计划|将|拟|今年|全年)[^，。；,;]{0,6}?分[两二三四五六七八九十\d]+批")
# An event held (not a meeting that reports a tally: "在昨天召开的全省招商引资工作会议上获悉，全省各地共签约…").
_HELD_EVENT = re.compile(r"活动|仪式|集中|推介会|洽谈会|博览会|交易会|现场|分会场|主会场")
# One day named: "今天", "活动当天", "当日", "9月8日".
_ONE_DAY = re.compile(TODAY.pattern + r"|当日|[0-9０-９一二三四五六七八九十]+月[0-9０-９一二三四五六七八九十]+日")
# One work's phases told as its subject ("某智造基地一至三期占地129.68亩，先后投入近3亿元开发建设"): 先后 spreads the money
# over its phases, not over several works (session 70).
_PHASES_OF_ONE_WORK = re.compile(r"([一二三四五六七八九\d])(?:至|到|~|-|－|—|、)([一二三四五六七八九\d])期")
_PHASE_NUMBER = {c: i for i, c in enumerate("一二三四五六七八九", 1)} | {str(i): i for i in range(1, 10)}


def _phases_spent_on(text: str, low: int, high: int, title: str) -> bool:
    """Whether text[low:high] names one work's phases (_PHASES_OF_ONE_WORK) that take in the phase the headline names, if
    it names one ("某物流园三期项目开工" over "一至二期…先后投入2亿元": the earlier phases' money, not the news's: the review)."""
    phases = _PHASES_OF_ONE_WORK.search(text, low, high)
    if phases is None:
        return False
    named = _PHASE_NAMED.search(title)
    if named is None:
        return True
    first, last = _PHASE_NUMBER[phases.group(1)], _PHASE_NUMBER[phases.group(2)]
    return first <= _PHASE_NUMBER.get(named.group(1).translate(_PHASE_DIGITS), 0) <= last


# "先后" spreads what follows over several works, unless a route passes one place after another.
_ONE_AFTER_ANOTHER = re.compile(r"先后(?!(跨越|穿越|穿过|跨过|经过|途经|横跨|连接))")
# …but spent in turns on one work built right after ("先后投资1800余万元，建设食用菌栽培基地"; session 58): a clause of
# its own naming one work, no list, no programme ("建设农村饮水安全巩固提升工程"), in a sentence counting no works and
# stating no total of its own (review58b).
_ONE_WORK_AFTER_IN_TURN = re.compile(r"[，,]?(?:用于|主要)?(?:建设|建成|新建|打造|扩建)(?:了)?"
                                     r"(?![^，。；;,]{0,16}?(?:农村|乡村|乡镇|村级|示范村|标准化|巩固提升|全县|全市|各))"
                                     r"[^，。；;,、和及与等]{2,16}(?:基地|园|厂|中心|工程|项目)(?=[，。；;,]|$)")
# A signing verb standing alone as the investment word ("签约93亿元的项目", "签订了超过52亿元的产能合作项目"):
# it governs only the amount right after it, and states an investment only for the projects it names.
_BARE_SIGNING = re.compile(r"签约|签[订定]了?|签署了?")
# Spending words that name a project's investment only when the sentence builds one work
# after the amount ("耗资4.5亿元建成的生产线", "出资1.2亿元建设") or names it right before the word
# ("水库除险加固工程投入的9800万元"): "投入大量人力", "出资设立基金" name none.
# Money set aside ("拿出") by a government is handed on to others' works ("省里拿出20亿元，用于新建…"); a firm or
# a person spends what it takes out ("某公司拿出1.2亿元，新建一座车间", "他…拿出80万元资金，把村路修建成水泥路").
# …unless it builds one work it names ("婺城区拿出2.3亿元用于新建区第二人民医院").
_NEW_WORK_NAMED = re.compile(r"^[，,]?(?:用于|专门用于)?(?:新建|兴建|修建|建设)(?![^，。；,;]{0,16}?(?:和|及|等|各|一批|多|县级|乡镇|村级|奖补|补助|补贴))"
                             r"[^，。；,;]{2,16}?(?:院|学校|小学|中学|幼儿园|" + WORK_HEAD + r"|楼|馆)")
_SPENDER = re.compile(r"公司|集团|企业|(?<![建设工理])厂(?!房)|合作社|(?<!其)[他她]们?|老板|村民|农民|夫妇|家庭")
# After a headline's bare 投 and its sum, money handed to others' works or a campaign ("投5000万元支持企业建设…",
# "投1.5亿元启动城区绿化提升行动"): no one work's investment.
_BARE_TOU_GRANT = re.compile(r"^[^，。；,;]{0,4}?(?:支持|扶持|补助|奖补|资助|奖励|启动[^，。；,;]{0,12}?行动)")
# Money raised (筹资) is one work's only when the words right after it build that work ("筹资303.08万元新建了占地50亩的标准化
# 养殖基地"), no several ("…新建和改造各类…"); else financing ("通过各类平台筹资12亿元，有力保障了重点项目建设": session 70).
# Not what capital markets or lenders raise ("定向增发筹资15亿元，用于建设…", "发行专项债券筹资", "B轮筹资", "银团…筹资"), nor
# money raised beside the work's own total told next ("多方筹资3000万元，建设了…污水处理厂，项目总投资5000万元": the total is
# the work's; the code review of session 70).
_RAISED_FOR_ONE_WORK = re.compile(r"[，,]?(?:新建|兴建|修建|建设|建成|建起|扩建)了?[^，。；;,、和及与等各]{2,20}?"
                                  r"(?:" + WORK_HEAD + r")(?=[。；;]|[，,](?!以及|和|及)|$)")
_FINANCING_BEFORE = re.compile(r"债券|增发|定增|配股|银团|贷款|融资|[A-Z天使]+轮|上市|发行|基金")
_LATER_TOTAL = re.compile(r"总投资|投资总额|计划投资|规划总投资|概算")
_WEAK_INVEST = re.compile(r"^(总?耗资|斥资|出资|投入|投|花费|拿出|增资|(?:动用|使用)(?:自有|自筹)?资金|筹措(?:资金)?|筹资)$")  # not 捐资: a donation is rarely the whole cost
# (A work as WORK_HEAD has it, and a plant's buildings too: "投入5000万元的厂房".)
# A building sized by a spending word names its work too ("耗资3.8亿元的门诊楼", "斥资8000万元的图书馆新馆"),
# and so does a thing renovated ("花费1200万元改造提升的丁玲公园"; "对12条背街小巷进行改造提升" is no one thing).
# (session 55) one object refitted ("投入100万元对行政办公区进行装修"): its own work (not a campaign's kind, "投入6000万元实施农村
# 道路改造", which names no one object after 对). (Money raised by 筹集 was tried as a weak investment word too: in the dev
# paragraphs it is a programme's, "河北省筹集了110亿元资金专门用于帮扶村建设", "多方筹集资金6亿元，相继建成两桥三路"; 筹措 for
# one work, "南霞乡筹措91.37万元资金启动某危桥重建工程", reads since session 57, as no dev paragraph moved.)
_BUILDS = re.compile(r"建成|兴建|修建|建设|建造|新建|扩建|改建|援建|创建|建起|落成|打造|启动|实施|厂|(?<![售])楼(?![市盘价])|馆|院区|校区|"
                     r"(?<=[将拟要])(?<!主要)(?<!需要)(?<!重要)建(?![成设造议言制筑档立材])|"  # (session 62) "投资1.2亿元 某区将建国家级“养老岛”"
                     # (not 将 as 把, "将建筑垃圾…", "将建档立卡户…", nor "将建立…基金": the code review)
                     r"对[^，。；,;各]{1,16}?进行(?:装修|改造|修缮|翻新|提升改造|改扩建|扩建)|"
                     # (session 58: "投入400多万元对市场进行全面升级改造"; not a class of things, "对城区老旧小区进行全面
                     # 升级改造", "对全县中小学校舍…": review58b)
                     r"对(?![^，。；,;]{0,16}?(?:全(?!面)|各|小区|校舍|小巷|街巷|辖区|城区|农村|乡村|村庄))[^，。；,;]{1,16}?进行(?:了)?"
                     r"(?:全面|整体)(?:升级|提质)?(?:装修|改造|修缮|翻新|提升改造|改扩建|扩建)|"
                     r"(?:改造|提升|修缮|翻新)(?:提升|改造)?的(?:(?![各和及多等])[\u4e00-\u9fff“”]){0,10}?(?:公园|广场|市场|街区|老街|步行街|体育场|剧院|码头)|"
                     + WORK_HEAD)
# Statistics written with 投资: FDI (直接投资, 外国投资, 在华投资额), a period's or sector's
# completed or secured total (完成投资, 完成房地产开发投资, 落实水利建设投资, 共投资), a span of years (4年投资), central funds
# (中央投资, 中央预算内投资), and a sector's or an economy's investment named by its kind rather than by a work:
# "制造业投资", "民间投资", "有效投资", "基础设施投资", "房地产开发投资", "技改投资" (not "企业投资",
# "某某实业投资", "市政府投资", a firm named by its trade: "科伦药业投资", "泉林纸业投资": one that invests in a work).
_STAT_BEFORE = re.compile(r"(直接|外国|外商|外部|境外|海外|对外|在华|双向|节省|节约|中央(财政)?|预算内|(储备|入库|在库)(项目)?)$|(完成|落实)[\u4e00-\u9fff]{0,8}$|共(计|完成)?$"
                          r"|(?P<sector>(?<![企物事实创药纸乳酒])业|民间|社会|有效|公共|城建|基建|基础设施|房地产(开发)?|技改)$"
                          r"|(?<!\d)\d{1,2}年(来|间|里|内)?$|(?<![\u4e00-\u9fff])[一二三四五六七八九十两几]+年(来|间|里|内)?$")
# An investment plan handed down to many works ("省发改委下达…补助投资计划", "下达2024年中央预算内投资计划"): its total is a
# programme's money, no work's.
_PLAN_HANDED_DOWN = re.compile(r"(?:分解|切块)?下达(?P<plan>[^，。；,;]{0,30}?)(?:投资|资金)计划")
_WORK_SUPPORTED = re.compile(r"支持|用于|项目|工程")
# A whole year's count of works signed, brought in or started ("全年共签约外资项目38个"): a tally over the year's events,
# whatever events the sentence names ("成功举办…推介会、…推介会等经贸活动，全年共签约…").
_YEAR_TALLIED = re.compile(r"全年度?(?:共|累计|共计|合计)(?:签约|签订|引进|开工|落地|新签|实施|新开工)")
# A clause whose subject is one work, right before its 共 ("该项目共投资…", "某路保护维修项目共投资…"; named_work keeps out
# an area's or a category's works, "全县重点项目共投资…").
# (Session 70: any noun naming one work, "基地共投资246万元", as batches.NAMED_WORK_NOUN reads a clause's subject.)
# A noun other than 项目/工程 only as the clause's bare subject or pointed at with at most four characters more ("该扶贫车间
# 厂房"): "县人民医院共投资…", "江西铁路共投资…", "该集团在华工厂共投资…" are an institution's, a sector's, a firm's sums (the
# code review of session 70).
_ONE_WORK_SUMMED = re.compile(r"\s*(?:(?:该|本|此|这个|这一)?[^，。；,;、和及与等]{0,20}?(?:项目|工程)"
                              r"|(?:(?:该|本|此|这个|这一)[^，。；,;、和及与等的在]{0,4}?)?(?:"
                              + _NAMED_WORK_NOUN.pattern.replace("项目|工程|", "") + r"))总?")  # (总共: session 57)
# What an institution's sum bought when it is equipment, not a work built ("该医院共投资1200万元，引进了核磁共振等一批先进
# 设备": session 70's second review): its spending, no work's investment. (Not a project's or a work's, "该项目共投资5000万元，
# 购置了先进生产设备36台套", nor one that builds too, "…购置检测设备和建设检测用房": session 71's review.)
_EQUIPMENT_BOUGHT = re.compile(r"[，,]?(?:主要)?(?:用于)?(?:购置|购买|采购|添置|更新|引进)了?[^。；;！!？?]{0,30}?(?:设备|仪器|器械)")
# The trades a batch of signings covers, listed ("涵盖海洋工程、水产加工、…水产购销…等产业": session 71): a trade named there is no
# purchase contract of the batch's.
_SECTORS_COVERED = re.compile(r"(?:涵盖|涉及|覆盖|包括|囊括)[^。；;]*?等(?:产业|领域|行业|方面|类别)")
_TECHNOLOGY_BOUGHT = re.compile(r"技术引进|引进(?:先进|国外|国际)?(?:技术|设备)")
# An investment intended or planned: after a sector's word it is a firm's (a name ending in 业, "雪川农业计划投资"), for a
# sector's statistic is what was done ("工业投资", "农业完成投资"), not planned.
_INTENDED = re.compile(r"计划|拟|预计")
# Works a sentence may name by their kind alone, beside WORK_HEAD's nouns: a station, park, bridge, port,
# line, hospital or school (a total's subject, _OWN_TOTAL; a work in view, _WORK_NOUN).
# (Session 57: a firm's headquarters set up, "韩国某公司中国总部将在高新区设立，总投资约5000万美元". 馆 was tried again, for
# "福州海峡图书馆列入…项目之一，计划投入6.1亿元": that page's figure is rejected elsewhere, and no page moved.)
_WORKS_BY_KIND = r"站|园区?|桥|港|码头|线|医院|学校|总部"
# One project's amount needs the project in view: a work named in its sentence, in the sentence its total
# sums up or in the headline (by the nouns works go by, looser than WORK_HEAD: "鸿宇中学", "养殖专业合作社",
# "景区"); one work built after the amount ("投资2000多万元，建成一座冷库"); a deal in the sentence before or in
# the investment word ("奇瑞汽车与芜湖市签署协议，投资60亿元生产新能源汽车", "协议总投资额", "签约…"); or an
# event (EVENT, ONE_BATCH: a fair, a signing). Capacity, production or equipment as the work in view
# ("投资130亿元扩大锂电池产能") was tried in session 15: no dev change, one held-out no amount lost. Without one
# the figure is money a place, a sector or a programme spends ("多方投资300多万元，全乡打成深水井3眼":
# wells, counted), not a work's investment. The noun list stays loose on purpose (城, 场, 路, 线 also read
# inside other words): a tight one, without 城/场/路/线/平台, cost 5 dev amounts.
_DEAL = re.compile(_SIGNED.pattern + r"|协议|合同")
# A work's particulars, as a sentence going on with the work named before lists them: where it is, its land, floor space
# or size (session 50).
_PARTICULARS = re.compile(r"位于|选址|占地|用地面积|建筑面积|规划面积|建设规模|建设内容|设计规模")
# (Session 70) One work described after the plan the sentence names, with its particulars ("南昌港总体规划之一的《某码头工程
# 初步设计》审查会…召开，拟建的码头工程位于…，占地544亩，总投资6.5亿"): that work's total, not the plan's.
# Only a work to be built (拟建) or one a work's own document names (《…初步设计》, 《…可行性研究报告》), not a plan's own works
# ("某港总体规划近日获省政府批复，规划的某作业区码头位于…，计划总投资280亿元": the code review).
_WORK_DESCRIBED = re.compile(r"(?:" + _NAMED_WORK_NOUN.pattern + r")(?:" + _PARTICULARS.pattern + r")")
_ONE_WORKS_DOCUMENT = re.compile(r"拟建|《[^》]{0,40}?(?:初步设计|可行性研究|可研|施工图设计)[^》]{0,10}》")
# A clause opening on the work pointed back to ("…总体规划设计进行公开招标，该项目投资约11.85亿元"): its own figure (session 57).
_THIS_WORK_OPENS = re.compile(r"\s*(?:该|这一?|此)(?:项目|工程)")
_WORK_NOUN = re.compile(WORK_HEAD + "|" + _WORKS_BY_KIND + r"|园|场|馆|路|楼|厂|城|中心|中学|小学|大学|学院|合作社|小区|管道|隧道|电网|设施|装置|平台|车间|仓|酒店|景区|卫生院|福利院|养老院|敬老院"
                        # (矿: session 50, "油房壕煤矿位于…，计划总投资46亿元"; not counted, "12座煤矿合计总投资…")
                        r"|储备库|冷库|粮库|油库|库房|(?<![座个家处])(?:煤矿|矿山|矿井)"
                        r"|高标准农田")  # (session 36: "攀枝花市救灾物资储备库月底开建" names its work; session 47: "高标准农田建设任务1.5万亩，总投资1992万元", not "灌溉农田2000亩", a tally's)
# Investment that has arrived ("项目实际到位投资总计1.85亿", "投资到位1亿元") is a tally of money received so
# far, like completed investment ("完成投资"), whatever the works are: a statistic, not a stated investment.
_ARRIVED_BEFORE = re.compile(r"到位$")
# A distributive word between the investment word and the amount ("投资均在1000万美元以上", "投资额各为",
# "投资都超过") says each of several things meets the figure: no one work's investment. Right after the word
# only, and before what states a bound or a figure: a place between them is none ("投资成都某项目", "投资都江堰…",
# "投资都匀…", "投资都昌…"). 额 may stand before it: "项目投资" is the word of "项目投资额各为…".
_EACH = re.compile(r"额?[均各都](?=在|为|是|超|达|逾|过|近|约|不|高于|低于|有)")
# Investment a programme or fund draws in ("带动总投资超过4600亿元"), a roundup's or not: none is its own.
_DRAWN_IN = re.compile(r"(带动|拉动|撬动)[\u4e00-\u9fff]{0,4}$")
# Investment a place or a platform has attracted so far ("已吸引投资超过440亿元", "累计吸引社会投资"): a tally of
# what came, no work's figure, unless the amount sizes a work named after it ("已吸引投资20亿元的某项目落户").
# A batch's ("100个项目共吸引投资约830亿元", a fair's projects) is its total.
_ATTRACTED = re.compile(r"(已经?|累计|先后)吸引[\u4e00-\u9fff]{0,2}$")
# A programme's total ("该行动计划总投资3000亿元", "实施方案…投资"): the programme is no project. (A
# project's "规划总投资", "计划投资" is its own planned total; so is a work's "战略总投资", session 59: "项目战略总投资50亿元，
# 首期投资不少于10亿元", _WORKS_STRATEGIC.)
_PROGRAMME_BEFORE = re.compile(r"(行动|方案|战略|纲要|政策)(计划)?$")
# A work's strategic total ("项目战略总投资50亿元", "该产业园战略总投资…"), not a fund's strategic stake in it ("对某项目战略
# 投资3亿元": review59c), nor a programme's.
_WORKS_STRATEGIC = re.compile("(?:" + WORK_HEAD + "|" + _WORKS_BY_KIND + ")战略$")
# A programme's spending, unless one work is built after it or the word is a total (a work's 总投资): a sector's
# construction ("长三角铁路建设投资规模超750亿元", "水利建设投资"; not "某某城际铁路建设总投资300亿元") and the years
# a programme takes ("十个全覆盖工程计划用3年时间，投资800亿元，全面改善…"; not "计划用两年时间，投资20亿元建设某园").
_SECTOR_OR_YEARS_BEFORE = re.compile(r"(铁路|交通|水利|公路|能源|电网|农村)建设$|用[一二三四五六七八九十两几\d]{1,2}年(时间|左右)?[，,]?$")
# Works turned down or sent back ("否决了…项目26个", "退回、暂缓项目", "环评未获批准的项目"): no investment made.
_REJECTED = re.compile(r"(?<!一票)否决|退回(?!补正)|暂缓(?:审批|批复|项目)|未获(?:批准|通过|核准)|不予(?:批准|核准|审批|通过)")
# A contract won ("中标", the award's money: 合同金额, 金额, 总额): its value is the contractor's; an investment word states
# the work's ("公司中标某医院综合楼工程，该项目总投资2.14亿元", "成功中标…输电项目，项目预计投资112亿元"), but construction
# and installation alone ("建安总投资") is the contract's scope.
_AWARD = re.compile(r"中标(?!候选|麒麟|软件)")
_WORK_OR_PROJECT = re.compile(r"项目|工程")
_CONTRACT_SCOPE = re.compile(r"建安$|建安工程$")
# Financing received (a venture round), not a project's investment.
# What a fund has signed or put in ("投资基金已在…落地9个项目，签约总金额…") is financing too.
# Whatever the words between: a project or company that receives money ("获意向投资额超过68亿元", "获得
#天使轮投资", "获融资") is financed, it does not invest; "获批" (approved) receives no money.
_FINANCING = re.compile(r"获(?![批准])(得|取)?了?[^，。；,;\d]{0,6}?(投资|融资)|基金(已经?|共|累计)|(?<!、)金融(招商|合作)(?![、等])")  # "金融招商合同项目" (not one field of a list: "食品加工、金融合作等领域的10个项目顺利签约")
# A work named right before its total ("某项目总投资", "码头总投资"): a work (WORK_HEAD), or one a total's
# subject may name by its kind alone (_WORKS_BY_KIND).
# (session 54: its building's, "此次黑木耳菌包加工厂的建设，预计投入180万元的资金")
# (Session 59: a phase of the work, "该项目一期投资3.9亿元，…分别为某农光互补项目、某渔光互补项目": the work's own phase,
# whatever parts follow.)
_PHASE = r"(?:[一二三四五六首]|[1-6])期(?:工程|项目)?"  # (the phases _PHASE_BEFORE reads)
_OWN_TOTAL = re.compile("(?:" + WORK_HEAD + "|" + _WORKS_BY_KIND + ")(?:" + _PHASE + ")?(?:的?建设[，,]?)?(?:总共|共)?"
                        "(?:将|计划|预计|规划|设计|拟)?$")  # (and "项目计划总投资…", "项目总共将耗资…": session 57)
# …or a phase opening its comma clause in a sentence whose subject is the work pointed at ("该项目由甲公司与乙公司共同投资，
# 一期投资3.9亿元"); not a programme's phase ("启动老旧小区改造三年行动，一期投入资金3亿元": review59b).
_BARE_PHASE = re.compile(r"(?:^|(?<=[，,\s]))" + _PHASE + r"(?:的?建设)?(?:总共|共)?(?:将|计划|预计|规划|设计|拟)?$")
_THIS_WORK_SUBJECT = re.compile(r"(?:该|此|这个|这一|本)(?:项目|工程)")
# A work's investors counted right before its total ("某产业园建设项目由某公司等7家知名茶企投资建设，总投资3.96亿元"; session 58):
# the firms of one work, no tally over many.
_INVESTORS_COUNTED = re.compile(r"由[^，。；;,]{1,40}?[\d两二三四五六七八九十]+家[^，。；;,]{0,8}?(?:共同|联合)?(?:投资|出资)"
                                r"(?:建设|兴建|打造)?[，,]?$")
# …unless the sentence counts works too ("全县建成村级光伏扶贫电站58座，由…6家企业投资建设，总投资1.16亿元": review58b).
_WORKS_COUNTED_IN = re.compile(r"(?:(?<![\d.第])\d+|(?<![第])[两二三四五六七八九十百千]+)(?:多|余)?(?:个|座|处|所|条|项|栋)")
# A clause that gives an example or a likeness ("如某公司…要投资10多亿美元", "比如…", "相当于再造一个
#投资100亿元的企业") illustrates a general statement: its figure is no investment the story reports.
# Not 如今, 如期, 如何, 如果 …
_EXAMPLE = re.compile(r"(比如|例如|譬如|相当于|好比|如(?!今|期|何|果|此|实|愿|同|下|上|火|东(?![方部北南西])|皋))")  # 如东, 如皋: counties (not 如东部…)
# A bound in front of an amount ("总投资超4000亿元", "近30亿元"): the figure is not the total itself.
_BOUND = re.compile(r"(超过|超|逾|突破|接近|将近|近|约|上)$")
# A threshold in front of an amount ("总投资不低于700万元的项目", "推介的项目总投资不低于2000亿元"): a
# condition or a programme's floor, not a stated investment.
_THRESHOLD_BEFORE = re.compile(r"(不低于|不少于|不小于|不超过|不高于|最高|最低)$")
_CLASS_BY_SIZE = re.compile(r"单体(?:投资)?(?:额)?(?:逾|超过?|过|达到?|在)$")
_SIZE_CLASS_AFTER = re.compile(r"(?:以上|的)?[^，。；,;\d]{0,10}?项目")  # …the class named after it (not "某项目单体投资超10亿元。")
# Money that buys a stake or fills a fund ("投资5亿元入股某企业", "收购…股权", "设立产业投资基金", and in the
# clauses after it, when they build nothing on the way: "出资5000万美元，投入…项目准备特别基金", "出资4亿元，联合…
# 金融机构，…共同组建了…基金"), or that pays for research ("投资3亿多元花了三年时间研发出了这项新技术", "用于研发"),
# builds no work: no project's investment. Research that makes something ("投资10亿元研发生产新型锂电池", "研发
# 及产业化基地") is a work's, and a fund set up beside a work built ("建设新材料产业园，同时设立…基金") leaves it.
# Money spent on a campaign or a kind of renovation ("投资300亿元实施城市更新行动", "投入6000万元实施农村道路硬化",
# "投入4000万元实施农村“厕所革命”": review55a; session 60: "新疆投资8.8亿元开展旅游服务设施提升行动"),
# "投资1.8亿元实施中小学校舍改造工程"): a programme's, unless one named work is its object ("实施某水库除险加固工程",
# "实施的官桥水库…工程日前竣工" is no campaign: 实施的 names the work after it).
_CAMPAIGN_AFTER = re.compile(r"^[，,]?(用于)?(?:实施|开展)了?(?!的)(?P<object>[^，。；,;]{0,14}?)(行动|改造|整治|硬化|防涝|培育|攻坚|创建|提升|革命)(?:行动)?"
                             r"(?![^，。；,;]{0,6}?项目)")  # "实施10万亩高标准农田建设改造提升项目" is a project
# A campaign's object is a class of things all over an area ("老旧小区", "农村道路", "校舍", "人居环境") or a 行动; a
# named road, river or plant is one work ("实施星沙大道提质改造", "实施烧结机超低排放改造"), and so is a firm's or a
# project's own renovation (_FIRM, _THIS_PROJECT, "项目总投资…，用于实施…").
_CLASS_OF_THINGS = re.compile(r"老旧小区|背街小巷|农村|乡村|校舍|人居环境|管网|城市|城中村|棚户区|旱厕|全域|产业集群|行动")
# A year's or an area's list of key projects summed ("今年我市省重点项目总投资1856亿元", "全县县级重点项目总投资326亿元"):
# no one project's (not "作为省重点项目，该项目总投资28亿元", "省重点项目某机场改扩建工程总投资12亿元").
# (Session 68: "2019年全省重点建设项目总投资6130亿元", "该市重点建设项目…": the list's other names.)
_LIST_TOTAL_BEFORE = re.compile(r"(今年|[我该][市县区省](?!级)|全[市县区省]|(?<!\d)\d{4}年|(?<![我该])[市县区省]级)[^，。；,;]{0,8}?(重点|重大)(?:建设)?项目(总投资|投资总额)?$")
# Works done at many counted sites ("对99个小区实施了…改造", "在12个村开展…建设"): a programme's, no one work's (not "该项目对3个
# 小区实施…", "某集中供热工程对12个小区实施…": one work's parts, _THIS_PROJECT or a work named right before).
_SITES_WORKED = re.compile(r"(?:对|在)(?:\d{2,}|[3-9]|[三四五六七八九十]|[一二三四五六七八九]?十[一二三四五六七八九]?)(?:多|余)?"
                           r"[个所处座](?:老旧)?(?:小区|社区|行政村|村|村庄|自然村|学校|中小学|乡镇|街道|城镇)"
                           r"[^，。；,;]{0,8}?(?:实施|进行|开展)")
# Equipment bought with the money, no work built with it ("花费300万元购置的CT机"; not "投资2亿元购置设备，建设生产线").
# Building told beside a purchase (a work built with what was bought: not a purchase alone).
_BUILT_TOO = re.compile(r"建设|新建|建成|扩建|生产线|厂房")
_PURCHASE_AFTER = re.compile(r"^[^，。；,;]{0,4}?(购置|购买|采购|购进)(?![^。；;]{0,20}?(" + _BUILT_TOO.pattern + "))")
# (Session 52: not 股份 in a firm's name, "拟投资50亿元建设石家庄常山纺织股份有限公司云数据中心项目"; a capital increase,
# "投资10亿元对某某港口股份有限公司进行增资扩股", is no work.)
_NO_WORK_AFTER = re.compile(r"^[^，。；,;]{0,12}?(入股|参股|收购|并购|认购|增持|股权|股份(?!有限|公司)|基金)"
                            r"|^[^，。；,;]{0,30}?(增资|扩股|注资)|^的?(项目)?资本金"
                            r"|^[，,](?:(?!建设|建成|新建|兴建|项目|工程)[^。；;]){0,40}?"
                            r"(投入|注入|用于|组建|设立|成立|发起)了?[^，。；,;]{0,20}?基金"
                            r"|^[，,]?(用于|进行|开展)研(发|究)|^[^，。；,;]{0,12}?研(发|制)出")
# A run of years between the word and the amount ("签约金额连续3年超千亿元") dates the figure; it is
# no other quantity standing between them.
_YEARS_RUNNING = re.compile(r"连续\d{1,2}年")
# Money handed out as a subsidy ("省级财政拿出5000万元给予贴息补助") is no investment.
_SUBSIDY_AFTER = re.compile(r"^[^，。；,;]{0,12}?(补助|补贴|贴息|奖励|奖补|资助)")
# Vague or threshold figures: "数十亿", "上千万", "1000万美元以上的116个项目".
_VAGUE_BEFORE = "数几上"
# "上百亿元", "上千亿元" state a bound as "超百亿元" does (over one hundred, one thousand 亿): a fair's
# or a province's totals are written so. "上千万元", "上百万元" stay vague, customary sizes of small spending.
_BOUND_OF_YI = re.compile(r"上[百千]亿")
# A class of projects set by a figure in a condition or a rule ("对投资超过1亿元的重大项目，全市实行专班服务",
# "投资额达到5000万元的新建工业项目，可享受土地出让价格优惠", "投资1亿元至5亿元的项目"): a threshold, no work's size.
_CLASS_AFTER = re.compile(r"^的?[^，。；,;\d]{0,12}?(项目|企业)")
_CONDITION_OPEN = re.compile(r"(对于?|凡是?|如果|若|只要|针对)")
_CONSEQUENCE = re.compile(r"可享受|可以?申请|均可|均实行|给予|予以|优先保障|一事一议|一企一策|挂帅|包联|(项目|企业)(有|共有|达)\d+个")
_RANGE_AFTER = re.compile(r"^(至|到|—|-|~)\d")
# A year's target or allocation ("重点项目投资目标为180亿元", "2025年度投资为6亿元", "为该铁路安排投资20亿元"): a slice
# of a plan, no work's investment.
# An estimate's or a budget's total ("投资估算总额", "概算总额", session 29) is one work's only when the figure follows it and
# no scope of many works stands before it in its comma clause ("某市城市更新项目库估算总额", "全市已批复项目概算总额",
# "某流域综合治理规划项目投资估算总额"): the same guards as a bare 总额 would drop it, which is how these were missed.
_ESTIMATE = re.compile(r"(?:投资)?[估概]算总?金?额")
_ESTIMATE_GAP = re.compile(r"(?:约|近|达|为|是|超|逾|超过|高达|共计?|合计|[：:])*")
_ESTIMATE_SCOPE = re.compile(r"全[市县区省国]|各[市县区地]|[该本我][市县区省]|项目库|批复|重[点大]项目|规划|[市县区省]级"
                             r"|一批|(?:\d+|[两二三四五六七八九十百]+)(?:多|余)?[个项]")
_YEAR_SLICE = re.compile(r"的?(目标|任务)")
_YEAR_SLICE_BEFORE = re.compile(r"(年度|安排|下达|(?<![建成投\d一二两三四五六七八九十几多])年内|(?<![\u4e00-\u9fff])今年)$")  # "某项目年内投资37亿元": this year's
# The cost of a film, a show, a games or a festival ("这部电影总投资2.5亿元", "本届旅游节总投入约800万元"): no work.
_NOT_A_WORK_SUBJECT = re.compile(r"(电影|影片|电视剧|网剧|纪录片|动画片|晚会|演出|赛事|比赛|马拉松|运动会|灯会|庙会"
                                 r"|(旅游|艺术|文化|音乐|美食|电影)节)(一期)?$")
# An area's programme worded as building it into a title ("南京计划投资300亿元建设“海绵城市”", "投资3亿元，创建国家全域
# 旅游示范区", "把某区建设成为…"), unless a firm invests (_FIRM before the word): no one work.
_AREA_TITLE_AFTER = re.compile(r"^[，,]?[^。；;]{0,16}?(打造|建设|创建|建成|争创)[^，。；,;]{0,20}?((示范|试验|先行|样板)[省市县区]|产业集群"
                               r"|(海绵|智慧|公园|韧性|数字|森林|园林|文明|卫生)城市|“数字[\u4e00-\u9fff]{2,3}”)(?=[^\u4e00-\u9fff]|$)"
                               r"|^[，,]?[^。；;]{0,16}?(打造|建设)[^，。；,;]{0,4}?国家[^，。；,;]{0,12}?基地|^[，,]?把[^，。；,;]{1,12}?(建设|打造)成为?")
# Not an area's title: the work's own description told after its figure ("总投资约20亿元，项目主要分为新农村建设示范区、
# 现代农业示范区…").
_WORK_DESCRIBED_AFTER = re.compile(r"^[，,](?:该|此|这个)?(?:项目|工程)(?:主要)?(?:分为|占地|位于|总建筑面积|建筑面积|设计|分[两三四五二]期)")
_FIRM = re.compile(r"公司|集团|企业|股份|银行|[^工]厂")
_ONE_FIRM = re.compile(r"(?<![多几数两三四五六七八九十余\d]家)(?:有限公司|股份公司)")  # one firm by its name, not a count of them
# Projects put on offer (推介, 发布招商项目) with none signed or started, and works named to a list (入选, 认定): their
# total is no batch (bench/data/facts/README.md: projects on offer).
# (A list put out at once, "发布新基建项目清单，包括20个项目，总投资近90亿元", stays a batch: ONE_BATCH.)
_OFFERED = re.compile(r"推介|招商(引资)?项目|(?:推出|抛出)了?[^，。；,;]{0,12}?项目")  # "还推出了PPP合作项目27个": on offer
# A signing of counted projects or agreements (not intents, frameworks, memoranda or a strategic deal: "签订战略合作协议2份",
# "签订项目合作意向书") in the figure's comma clause or the one before it.
_SIGNED_BEFORE = re.compile(r"签[订署下]了?(?![^，。；,;]{0,12}?(?:意向|框架|备忘录|战略|友好|银企|人才|客源|结对))"
                            r"(?:[^，。；,;]{0,8}?项目(?:\d+|[两三四五六七八九十]+)[个项]|[^，。；,;]{0,6}?合作协议(?:\d+|[两三四五六七八九十]+)[个份项]"
                            r"|(?:\d+|[两三四五六七八九十]+)[个项][^，。；,;]{0,10}?项目)")
_LISTED = re.compile(r"入选|上榜|名单|被?认定|被?评为|揭榜|列入|纳入|入列")  # 入列: "154个重大项目入列" (session 57)
# Spent so far ("该工程已投资5.2亿元，完成总工程量的六成", "项目已投入资金1.8亿元"): a figure to date, like 完成投资.
_SO_FAR_BEFORE = re.compile(r"已经?(累计)?[投花]?$")
# Marks that open a quotation and never close one (not the ASCII quotes, which do both): a figure right after one, with
# no currency and the quotation going on after it, is a name's ("打响了全市旅游投资“千亿工程”的第一枪").
_OPENING_QUOTES = "“「『‘《"
_THRESHOLD_AFTER = re.compile(r"^(以上|以下|以内)的?[^，。；,;]{0,12}?(项目|企业|工程|公司|个)")
# A 万/亿 number counting people, households or things is no money: "投资者1620万户", "签约60万锭智能纺纱项目".
# (Session 40 added only measure words that open no word a sum written without 元 is followed by: not 尾 of 尾矿, 米 of
# 米业, 箱 of 箱包, 座 of 座椅, 条 of 条码, 株 of 株洲, 罐 of 罐头, 卷 of 卷烟, 瓶 of 瓶装水, nor 支持, 用于, 处理, 部署, 片区,
# 根据, "50万块钱"; 羽 not before 绒, 毛, 球.)
_COUNTED = re.compile(r"(户|人|名|位|股|吨|台|个|只|辆|套|张|份|次|家|艘|项|头|亩|平方米|公里|千瓦|册|件"
                      r"|锭|羽(?![绒毛球])|枚|棵|盏|斤|公斤|千克|标箱|立方米|平米|颗|栋)")
# Accumulated spending (or a period's) counts for the one work it built:
# "实施…以来，累计投资2亿多元，建设了一个蔬菜批发市场".
# The contracts' sum of a signing of projects ("签约招商项目322个，合同金额1050亿元"); one contract's is no investment.
_CONTRACT_SUM = re.compile(r"(合同|协议)总?金额")
# A builder's price right before 造价 ("合同造价", "中标造价", "施工合同约定造价"; session 68 and its code review).
_CONTRACT_PRICE_BEFORE = re.compile(r"(?:合同|承包|中标)[^，。；,;]{0,2}$")
# A work's final accounts ("三峡工程，审计调整后的决算总金额为2072.76亿元", "…竣工决算为335亿元", "决算总额为41.6亿元")
# are its investment; not a budget's
# ("部门决算总额") nor several works' ("12所学校校舍改造工程决算总金额").
_ONE_WORK_ACCOUNTED = re.compile(r"工程|项目")
_WORKS_COUNTED = re.compile(r"(\d+|[两二三四五六七八九十百千]+)\s*(多|余)?[所座个处条家项批]")
# An agreement's sum is one project's investment only when an investor signs it ("签订投资协议，协议总金额12亿元，
# 建设…"): not a loan, a building contract, a land sale, a purchase, power or insurance ("签订贷款协议，协议金额30亿元，
# 用于建设某大桥").
_INVESTMENT_AGREEMENT = re.compile(r"(投资|项目|合作|入园|入驻|落户)[\u4e00-\u9fff]{0,4}?协议")
_OTHER_AGREEMENT = re.compile(r"贷款|授信|融资|承包|施工|出让|采购|购电|购销|保险|银行|征地|补偿|拆迁")
# Aid money between the word and the amount ("投入援疆资金", "投入对口支援资金", "投入扶贫资金").
_AID_BETWEEN = re.compile(r"援[疆藏青]|对口(支援|援助|帮扶)|扶贫|帮扶|救灾|协作资金|衔接资金")  # (协作: "苏陕协作资金"; session 58)
# The plain investment word, with a bound it may hold ("投资近", "投资超"): what it builds is its own, unless
# many works are built one after another ("投资近300亿元，先后建设了…一大批水利基础设施"); a plant's parts counted
# ("投资近10亿元，新建两条生产线") are one work's.
# A revised total ("总投资由12亿元调整为15亿元", "概算从8.2亿元核减至7.6亿元"): the figure it was is no longer the
# work's; the figure it became is, though the old one stands between it and the investment word.
# Only a verb with its new figure's marker (为/至/到) tells the new total: "由12亿元增加2亿元", "核减1.5亿元", "下调1亿元" give
# the difference, which is no work's total (the figure it was then stands).
_REVISE_VERB = r"(?:调整|核减|调减|核增|调增|增加|提高|追加|变更|核定|减少|压减|下调|上调)"
_REVISE = r"(?:" + _REVISE_VERB + r"(?:后为|为|至|到了?)|增至|减至|增到|减到)"
_REVISED_FROM = re.compile(r"(?:总?额)?(?:由|从)(?:原来的|原先的|原|最初的|原计划的?)?约?")
_OLD_FIGURE = r"[\d.,]+(?:万亿|亿|万)?(?:美元|欧元|港元|元)?"  # as _AMOUNT writes it ("3,000万元", "约12亿元", "1.2亿美元")
_REVISED_TO = re.compile(r"^(?:美元|欧元|港元|元)?" + _REVISE + r"(?:人民币)?约?\s*[\d一二三四五六七八九十]")
_REVISED_BETWEEN = re.compile(_REVISED_FROM.pattern + _OLD_FIGURE + _REVISE + r"(?:人民币)?约?")
_REVISED_BY = re.compile(_REVISED_FROM.pattern + _OLD_FIGURE + _REVISE_VERB + r"了?")  # the difference
# (session 66) Works counted right before their total ("3个总投资…的合作协议", "10家企业、总投资…的项目"; not one, not an
# ordinal; not 一批, which an older gold reads as one project's figure: "一批总投资130亿元的外资项目即将落地") and the
# works or agreements it sums after the figure; a clause counting kinds listed with 等 right before it.
_MANY = r"(?:(?<![\d第.])(?:[2-9]|\d{2,})|(?<![第一二三四五六七八九十两])[两二三四五六七八九十百]+)(?:多|余)?"  # two or more
_COUNTED_RIGHT_BEFORE = re.compile(_MANY + r"(?:个|项|家(?:企业|公司)?、?)\s*$")
_COUNT_REACH = 12  # characters before the total the count is looked for in
_BATCH_AFTER = re.compile(r"\s*的[^，。；,;\d]{0,12}?(?:项目|协议|工程)")
_KINDS_COUNTED = re.compile(_MANY + r"个[^，。；,;]{0,24}?等[^，。；,;]{0,8}?项目[，,]\s*$")
# The story's own work as its clause's subject ("…申建，项目计划总投资约5亿元", "该工程预计总投资…"): its total, whatever
# span the clause before tells (not "2024年，某市水利工程计划总投资80亿元": a class of works, a year's list).
_THIS_WORKS_TOTAL = re.compile(r"\s*(?:该|此|这个|这一)?(?:项目|工程)(?:计划|预计|规划|设计|拟)?总投资(?:额)?$")
# A class of works before its total ("2024年，某市重点工程计划总投资1200亿元"): a year's list, no one work.
_WORKS_CLASS_BEFORE = re.compile(r"(?:重点|重大|民生|产业|招商|建设|水利|交通|农村公路|市政|续建|新开工|新建|在建)(?:项目|工程)$")
_FIRM_CLAUSE_BEFORE = re.compile(r"(?:公司|集团|企业)[，,]$")  # the firm ends the clause before: the subject of "投资…"
# (Session 59) …or one work sized in the clause before ("研发中心正式启动，中心占地43亩，投资3亿人民币，设置7条生产线"): the
# subject of "投资…" is that work, whatever it is fitted with after.
_WORK_SIZED_BEFORE = re.compile("(?:" + WORK_HEAD + "|" + _WORKS_BY_KIND + r")(?:总)?(?:占地|用地|建筑面积|规划面积)(?:面积)?"
                                r"(?:约|近|超过?|达)?[\d.]+(?:多|余)?万?(?:亩|平方米|平米|公顷|㎡)[，,]$")
_PLAIN_INVEST = re.compile(r"投资[约达超逾近]?")
_MANY_BUILT = re.compile(r"先后|一大批|一批|各类|多个|(?:(?<![\d.])\d{2,}|[十百千]+)(?:多|余)?(?:处|座|所|个)")
# (session 61) A plan's word alone opening the spending's comma clause, after a sentence part that names one work
# ("福州海峡图书馆列入…为民办实事项目之一，计划投入6.1亿元，建筑面积72200平方米"): that work's spending.
_BARE_PLAN = re.compile(r"(?:计划|预计|拟|将)")
# …unless the clause after the figure spends it on other things (review61a: "某中心小学教学综合楼项目已完工投用，将投入300万元，
# 为全镇12所村小配备多媒体教学设备", "某城市书房项目深受群众欢迎，将投入500万元，在全县12个镇建设农家书屋") or builds an area's,
# many or other things (review61b: "布局省内多个生猪养殖基地", "改造提升城区其他背街小巷"; not the work's own size or
# schedule, "工期18个月", "设置多个阅览区", "完善周边配套设施": the final read).
_SPENT_ON = re.compile(r"\s*(?:为|用于|在|对|给|帮助|支持|扶持|补助|奖励|实施|开展)")
# (Many things as _MANY_BUILT counts them, an area's or other ones, after a building verb.)
_BUILDS_MANY = re.compile(r"(?:建设|新建|改建|扩建|改造|提升|布局|打造|配备|覆盖|惠及)[^，。；,;]{0,10}?"
                          r"(?:全[省市县区镇乡]|各[省市县区镇乡村类]|其他|其它|(?:" + _MANY_BUILT.pattern + r")(?!月))")
_AFTER_THE_FIGURE = re.compile(r"(?:左右|以上|之多|多|余)?\s*[，,]")


def _spent_elsewhere(text: str, end: int) -> bool:
    """Whether the comma clause after a figure (its bound words aside: "300万元左右，") spends it on things other than
    the work named before it."""
    opened = _AFTER_THE_FIGURE.match(text, end)
    if opened is None:
        return False
    start = opened.end()
    stop = _comma_clause_end(text, start, sentence_end(text, start))
    return bool(_SPENT_ON.match(text, start, stop) or _BUILDS_MANY.search(text, start, stop))


# The national planning commission approving one work's investment ("国家发改委核准投资128亿元建设某城际铁路",
# "国家发展改革委批复投资56亿元实施某机场改扩建工程"): that work's, not the nation's figure (AREA_WIDE).
_COMMISSION_APPROVES = re.compile(r"(国家发改委|国家发展改革委|国家发展和改革委员会)(核准|批复|批准)了?总?投资$")
# …or the works it approved, named before their total ("国家发改委批复两高铁项目 总投资达2382.62亿元"): theirs, not the nation's.
_COMMISSION_APPROVES_WORKS = re.compile(r"(国家发改委|国家发展改革委|国家发展和改革委员会)(核准|批复|批准)了?"
                                        r"[^，。；,;]{0,16}?(?:项目|工程|铁路|高铁|机场|电站)[\s，,]*(?:项目)?总?投资(?:总?额)?$")
_ONE_WORK_AFTER = re.compile(r"^[，,]?(建设|建成|兴建|建起|建造|新建)了?(?:(一|1)(个|座|套|条|所|家|处)"
                             # (session 51) …or one work of a stated size ("拟投资460万建成500吨气调库")
                             r"|[\d.]+(?:万|千)?(?:吨|兆瓦|千瓦|平方米|立方米|张床位)[^，。；,;]{0,40}?(?:库|厂|站|中心|基地|生产线|大楼|馆))")
# Other measures: an amount after one of these (in the same clause) is not the investment.
_OTHER = re.compile(
    r"(年产值|产值|营业收入|营收|销售收入|销售额|主营业务收入|收入|利润|利税|税收|纳税|实际使用外资|实际利用外资|利用外资|"
    r"使用外资|到位资金|融资|贷款|授信|补贴|奖励|注册资本|中标金额|合同金额|成交额|交易额|出口额|进口额|进出口|"
    r"生产总值|增加值|GDP|市值|估值|资产总额|总资产|产能|强度|密度|"
    # Public money handed to many works ("投入财政专项扶贫资金超97亿元", "中央预算内资金"): a programme's.
    r"财政[\u4e00-\u9fff]{0,6}资金|专项[\u4e00-\u9fff]{0,4}资金|扶贫资金|预算内)"
)
# How far back an investment word may stand (characters, same clause).
_WINDOW = 16


# An amount that sizes the work it names, with no investment word ("某市30亿元新能源项目开工", "一个
# 50亿元的芯片项目落户某区"): headlines put it so. It counts when the work reaches a stage in the
# clause (signed, started, settled …), no plan word in that clause ("还将推动超1000亿元项目签约", "…项目
# 将于年底开工") and not as
# money handed to or won by the work ("获得3000万元项目资金", "中标5亿元工程"). The currency must be
# written: "百亿级项目" names a size class, not a figure.
# Not when a verb of furthering follows the amount: "投资360多亿元加快项目建设" spends on works, names none.
# A measure may size the work first ("总投资8亿元的100兆瓦光伏电站").
# A product's Latin letters or a capacity may stand in the work's name ("30亿元PCB项目落户", "15亿元年产10万吨再生铝项目").
_NAMES_WORK = re.compile(r"(?!加快|推进|推动|用于|支持|助力|带动)的?(?:[\d.]+(?:万千瓦|兆瓦|千瓦|万吨|吨|万平方米|平方米|公里|米|亩|张床位))?"
                         r"(?:[\u4e00-\u9fff“”\"A-Za-z]|年产[\d.]+[万千百]?[\u4e00-\u9fff]{0,2}){0,12}?(" + WORK_HEAD
                         # (session 68) …or a work whose building the sentence goes on to tell ("总投资50.27亿元的某供水工程建设进度加快")
                         + r"|工程(?=建设(?:进度|现场|任务|工作|正|已|全面|顺利|有序|加快|稳步)))(?![资贷补款经])")
# Output, revenue or taxes sized so are no investment ("年产值10亿元的化纤项目落户宜春").
_OUTPUT_BEFORE = re.compile(r"(产值|收入|销售额|销售|营收|利税|税收|利润)(达|约|超|近|逾|超过|达到)?$")
_PLANNED_OR_HANDED = re.compile(r"将|拟|计划|预计|有望|力争|推动|争取|谋划|获|下达|安排|拨付|补助|奖励|支持|贷款|融资|中标|订单|合同")
# The stage the work reaches, after it in its comma clause; a condition ("建成后", "投产前") is none.
# (Not facts.stages: a whole stage reading per amount made a text of thousands of them cost seconds.)
_REACHED = re.compile(r"(签约|开工|动工|开建|开复工|投产|竣工|落地|落户|启动建设|投运|开业)(?![后前时])")
# (Session 62) An approval given in the figure's sentence ("该项目已通过国家能源局核准，该项目投资额为3.2亿元，…项目更列入
# 国家核准计划"): the work's stage reached, so the list it joined is no list of works on offer.
_APPROVAL_GIVEN = re.compile(r"(?<![未没不])(?<!争取)(?<!力争)(?<!将)(?<!有望)(?<!待)(?<!申请)(?:通过|获得?|予以)[^，。；,;]{0,12}?"
                             r"(?:核准|批复|批准)"  # (not one refused or sought, "尚未获得批复", "正在争取通过…核准")
                             # (not the listing approved itself: "获得省政府批准列入…清单", "获国家发改委批准，列入中央预算内
                             # 投资计划": review62a)
                             r"(?![，,]?[^，。；,;]{0,4}?(?:列入|纳入|计划|目录|名单|清单))")
# …or its agreement signed ("三十五亿元某项目合作投资正式协议…签定": 签定, an older spelling), for a work's size.
_SIZED_WORK_REACHED = re.compile(_REACHED.pattern + r"|签[订定署](?![后前时])")
_ZERO_WIDTH = re.compile("")
# A work sized after the verb that carries it out ("组织实施493.8万元的某农业综合开发项目": _size_of_a_work), unless the work
# named is a programme's (民生工程, 乡村振兴项目, 一批…: review57b).
_CARRIED_OUT_BEFORE = re.compile(r"(?:实施|建设|兴建|新建|建成|完成)了?$")
_PROGRAMME_WORK = re.compile(r"民生|惠民|民心|乡村|农村|城乡|城市更新|老旧小区|棚户区|城中村|农田|脱贫|扶贫|振兴|保障|各类|系列|一批|等")
# A figure per unit ("每公里造价1亿元", "每亩投资") is a rate, no work's total.
_PER_UNIT = re.compile(r"每|[人户亩]均|平均")
_PER_UNIT_AFTER = re.compile(r"^\s*(/|每)")


# An earlier work's figure ("此前在当地投资13.6亿元建成一期工厂"): no rounding of a headline's new one.
# An investor's earlier work recalled ("此前，该集团在某市建设的…材料基地已投产"): no work of the story's overview.
_RECALLED_WORK = re.compile(r"此前|之前|早在")
_EARLIER_WORK = re.compile(_RECALLED_WORK.pattern + r"|去年|前期|一期")  # (a toured work's "已进入一期生产阶段" is no recall)
# Another work told beside the story's ("此外，该集团总投资12亿元的另一项目…", "相邻的总投资4.6亿元的物流园项目").
_ANOTHER_WORK = re.compile(r"另一|另外|此外|相邻|同期|还有|还将|同日|邻县|邻近|[二三四五]期")
# A sentence recalling an earlier event, and one telling the day's work.
_RECALLED = re.compile(r"\s*(?:去年|前年|此前|早在|上年|\d{4}年\d{1,2}月(?![\d一二三四五六七八九十]{1,3}日))")  # (not a dateline)
_PAST_YEAR_OPENS = re.compile(r"\s*(?:19|20)\d{2}年[，,]?(?!以来|底前|前)")  # "2013年某乳业集团投资…": a year's work recalled
_THE_DAYS_WORK = re.compile(r"(?:此次|本次|这次|今天|当天|今日)[^，。；,;]{0,8}?(?:开工|签约|投产|竣工|启动|动工)")
# A fair's signings so far, told while it runs ("截至25日，长春市已在第十二届中国-东北亚博览会上签约合作项目15个，计划投资金额
# 111.3亿元"): the fair's batch, not a span's tally.
_FAIR_SO_FAR = re.compile(r"截[至止](?:到|至)?(?:目前|今天|昨天|发稿时?|(?:[\d一二三四五六七八九十]{1,2}月)?[\d一二三四五六七八九十]{1,3}日)")
_FAIR = re.compile(FAIR_NAMES + r"|展会|本届|会期|(?:本次|此次)(?:集中)?签约")  # (or the day's signing so far: "截止发稿时，本次签约仪式…")
# Projects counted, then the size each one has ("8个投资过5000万元的项目", "12个总投资亿元以上的项目").
_COUNT_RIGHT_BEFORE = re.compile(r"(?:\d+|[两二三四五六七八九十百]+)(?:多|余)?[个项]$")
# (Session 71: 的 may be left out, "34个投资超3000万元项目集中签约".)
_CLASS_OF_COUNTED = re.compile(r"(?:以上)?(?:的[^，。；,;]{0,10}?|[^，。；,;的]{0,4}?)(?:项目|工程|企业)")
# Investment agreements signed ("12个乡镇分别与投资企业签订了12项投资协议"): a batch reached, whatever was on offer.
_INVESTMENT_SIGNED = re.compile(r"签[订定署]了?[^，。；,;]{0,6}?(?:投资|项目)(?:合作)?(?:协议|合同)")
# The parts one work is made of ("投资235亿人民币，由10套主装置和公用系统工程组成"): no works built one by one.
_COMPOSED_OF = re.compile(r"[^，。；,;]{0,4}[，,]\s*(?:主要)?由(?![^，。；,;]{0,40}?资金)[^，。；,;]{0,40}?(?:装置|系统|工程|单元|设施|厂房|生产线|机组)[^，。；,;]{0,6}?(?:组成|构成)")  # (not "由县级配套和省级补助资金构成")


def _field_line(text: str, at: int) -> bool:
    """Whether the figure at ``at`` stands on a short line of its own: a notice's field ("总投资额:1.5亿元") or numbered item
    ("三、总投资估算3792万元"), not a sentence of a story (whose work, if any, it names itself)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    if _FIELD_SCOPE.search(text, max(at - _AROUND, 0), at + _AROUND):
        return False  # an area's, a report's or many works' figures ("一、全县固定资产投资", "涉及项目…35个")
    return (len(text) if end < 0 else end) - start <= _FIELD_LINE or bool(_ITEM_OPENS.match(text, start)) \
        or bool(_FIELD_LABEL.search(text, max(start, at - 12), at))


_FIELD_LINE = 30
_FIELD_SCOPE = re.compile(r"全[县市区省州旗]|预算|执行情况|推进情况|通报|成效|(?:\d+|[两二三四五六七八九十百]+)(?:多|余)?个|合作社|大户")
_ITEM_OPENS = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])")
_FIELD_LABEL = re.compile(r"[:：]\s*(?:约|共计?|合计)?\s*$")


def _size_of_a_work(text: str, amount: re.Match[str], clause_start: int, clause_end: int) -> Optional[re.Match[str]]:
    """A zero-width match at the amount when the amount sizes a work that reaches a stage, else None.

    It stands in for the investment word, so every later check reads the amount as it would
    read ``总投资`` right before it.
    """
    named = _NAMES_WORK.match(text, amount.end())
    if named is None:
        return None
    reached = _SIZED_WORK_REACHED.search(text, named.end(), clause_end)
    if reached and reached.group().startswith("签") and _OTHER_AGREEMENT.search(text, named.end(), reached.start()):
        return None  # "5亿元某项目征地补偿协议昨日签订": another agreement than the work's investment
    if reached is None and text.startswith("的", amount.end()) and not _PROGRAMME_WORK.search(named.group()):
        # (session 57) a work sized and carried out, the verb before its size ("组织实施493.8万元的某农业综合开发项目"; not a
        # programme's works, "实施3200万元的民生工程", "…的乡村振兴项目": review57b)
        reached = _CARRIED_OUT_BEFORE.search(text, max(clause_start, amount.start() - 6), amount.start())
    if not amount.group("cur") or not reached \
            or _OUTPUT_BEFORE.search(text, max(clause_start, amount.start() - 6), amount.start()):
        return None
    if _PLANNED_OR_HANDED.search(text, clause_start, clause_end) or _SEVERAL.search(text, clause_start, amount.start()):
        return None  # "多个超百亿元的项目开工": each of several, no one figure
    return _ZERO_WIDTH.match(text, amount.start())


def _one_project_signed(text: str, sentence_start: int, invest: re.Match[str], after: str) -> bool:
    """Whether a signed sum (``签约投资额``, ``签约，金额``) is one project's investment: the sentence counts nothing
    and signs no research results, and names the project before its signing (_ONE_PROJECT_SIGNED,
    _ONE_PROJECT_BEFORE) or builds one work after the amount."""
    word = invest.group()
    if not ("投资" in word or word.endswith("金额")):
        return False
    if _SEVERAL.search(text, sentence_start, invest.start()) or _TECH_DEAL.search(text, sentence_start, invest.start()):
        return False
    return bool(_ONE_PROJECT_SIGNED.search(text, sentence_start, invest.start())
                or word.startswith("签约") and _ONE_PROJECT_BEFORE.search(text, sentence_start, invest.start())
                or _builds_one_work(after))


# One project's agreed investment ("该项目协议投资额12亿元", "协议投资8亿元建设预制菜产业园"): no batch's.
_THIS_PROJECT = re.compile(r"(该|此|这个|这一)(项目|工程)")
# The comma clause right before an amount's, opening on the work pointed at ("该项目总用地225亩，"): the work's attributes
# go on in the amount's clause.
_THIS_WORK_CLAUSE_BEFORE = re.compile(r"(?:^|(?<=[，,。；;\s]))" + _THIS_PROJECT.pattern + r"[^，。；,;\d]{0,6}[\d.]*[^，。；,;]{0,8}[，,]$")
# A work made of counted projects ("该园由某集团、某公司…四个项目组成，总投资6.7亿元", "该项目包括3个子项目"): its
# parts, no batch (session 57).
# (Not a category's works: "某县重点工程由…等15个项目组成" is a list, review57b.)
_MADE_OF_COUNTED = re.compile(r"(?<![点大])(?:园|基地|项目|工程|中心|城)(?:共|主要)?由[^。；]{0,60}?(?:\d+|[两二三四五六七八九十])(?:个|项|大)子?(?:项目|工程)(?:组成|构成)"
                              r"|(?:包括|包含|分为)(?:\d+|[两二三四五六七八九十])(?:个|项)子(?:项目|工程)")
# One work said to be listed ("德厚水库…是云南省列入国家172项节水供水重大工程的项目"): its figure is its own, no list's.
_ONE_LISTED = re.compile(r"是[^，。；,;]{0,12}?(?:列入|入选|纳入)[^，。；,;]{0,30}?的(?:项目|工程)")
_ONE_OF_COUNTED = re.compile(r"(?:\d+|[两二三四五六七八九十百]+)(?:多|余)?[个项处大][^，。；,;]{0,16}?(?:项目|工程)[’'”\"」]?之一")  # "‘十大招商引资项目’之一" (not "5个试点城市之一")
# A count the work is said to be, as its predicate ("该项目是市十大重点工程，总投资约26亿元", "属于浙江省“百项千亿”防洪排涝
# 工程"): the list it is on, as with 之一 (session 36).
_ONE_OF_A_LIST = re.compile(r"(?:项目|工程|[院站厂库场馆园区])[^，。；,;]{0,4}?(?:是|系|属于|列为|作为)[^，。；,;\d]{0,8}?"
                            r"[“\"‘]?(?:\d+|[两二三四五六七八九十百千]+)(?:多|余)?[个项处大][^，。；,;]{0,16}?(?:项目|工程)")
# A work the plan lists ("该项目是国家抽水蓄能中长期发展规划“十四五”重点建设项目，…总投资78.01亿元", "工程已列入省水利
# 发展规划"): the figure is the work's, not the plan's.
_LISTED_IN_PLAN = re.compile(r"(?:项目|工程)[^，。；,;]{0,6}?(?:是|被?列入|被?纳入|列为|属于|作为|入选)[^，。；,;]{0,30}$")


# "该项目已累计完成投资3.6亿元，占计划总投资6亿元的60%": the total a share is taken of.
_SHARE_OF = re.compile(r"占(?:项目|工程)?(?:计划|概算)?$")
_SHARE = re.compile(r"的[\d.]+%")
_AREA_TALLY = re.compile(r"全[市县区省]|[省市县区]级|重点项目|重大项目")


def _this_works_share(text: str, own_start: int, invest: re.Match[str], end: int) -> bool:
    """Whether the amount is the whole investment of the work the sentence is about, given as what its
    progress is a share of ("该项目…完成投资3.6亿元，占计划总投资6亿元的60%"): the statistic is the progress,
    not the total."""
    low = max(own_start - _REACH, 0)  # bounded: an unbounded rfind is a scan of the whole text per amount
    stop = text.rfind("。", low, own_start)
    before = text[max(stop + 1, low):own_start]
    if not (_SHARE_OF.search(text, own_start, invest.start()) and _SHARE.match(text, end)) or _AREA_TALLY.search(before):
        return False
    if _THIS_PROJECT.search(before):
        return True
    # (session 61) …or a sentence with no subject of its own after one that names a work ("引洮一期工程定西市支渠及配套项目
    # 建设进展顺利。目前，已完成总投资12.85亿元，占概算总投资18.13亿元的70.88%")
    told = text[max(text.rfind("。", low, max(stop, low)) + 1, low):max(stop, low)]
    return stop >= low and not _NAMED_WORK_NOUN.search(before) and _named_work(told, 0, len(told)) \
        and not _AREA_TALLY.search(told)


# A lead that tells its project as a part of the day's batch ("…签约仪式举行，其中总投资50亿元的某新能源项目为本次签约最大
# 单体项目"): the batch stated later is the story's.
_PART_OF_THE_BATCH = re.compile(r"其中|最大|之一|单体")
# A headline naming one work ("…再生铝项目开工", "…产业园投产"), not a batch ("重大项目集中开工", "一批项目", "十大项目").
_ONE_WORKS_HEADLINE = re.compile(r"(?<![个批些大点生商业目])(?:项目|工程|基地|产业园|生产线|工厂|电站"
                                 # (session 68) a plant named by what it treats or makes ("陕西周至污水处理厂开建", "某水厂")
                                 r"|处理厂|水厂|电厂)")  # not 民生项目, 招商项目, 产业项目
# …those plants counted right before ("三座水厂", "3个污水处理厂"): several.
_PLANTS = ("处理厂", "水厂", "电厂")
_COUNTED_JUST_BEFORE = re.compile(r"(?:\d+|[两二三四五六七八九十几多]+)(?:个|座|家|所|处)")


def _one_works_headline(headline: str) -> bool:
    """Whether ``headline`` names one work (_ONE_WORKS_HEADLINE); a plant counted ("我县三座水厂集中开工", "3个污水处理厂") names
    several (the code review of session 68)."""
    return any(match.group() not in _PLANTS
               or not _COUNTED_JUST_BEFORE.search(headline, max(0, match.start() - 6), match.start())
               for match in _ONE_WORKS_HEADLINE.finditer(headline))


# …or its arrival or launch, which names no stage of the rules' but is the work's own news ("雄安鞋服新城项目落户定州",
# "250MW牧光互补光伏发电项目启动").
_ONE_WORK_ARRIVES = re.compile(r"(?:项目|工程|基地|产业园|生产线|工厂|电站)(?:正式|成功|顺利)?(?:落户|落地|启动|奠基)"
                               r"(?![年月周季]|活动|行动|攻坚|会)")  # (not a campaign's: "“项目落地年”活动启动")
_BATCH_HEADLINE = re.compile(r"集中|一批|第[一二三四五六七八九十\d]+批|批次|多个|系列|\d+个|[两二三四五六七八九十百]+个|项目群")


# "项目" opening a clause right before its agreed sum ("。项目协议投资10亿元", "根据协议，项目协议投资25亿元"): the project the
# story signs, named before.
_THE_PROJECT_OPENS = re.compile(r"(?:^|[，,。：:；;\s])项目$")


def _one_agreement(text: str, sentence_start: int, invest: re.Match[str], after: str) -> bool:
    """Whether ``协议投资(额)`` is one project's: the sentence names this project, an investor's agreement or one
    work built, and counts nothing; or ``签约项目总投资额`` is one project's signed sum (_one_project_signed)."""
    if invest.group().startswith("签约项目"):
        return _one_project_signed(text, sentence_start, invest, after)
    if invest.group().startswith("协议投资") and (_THE_PROJECT_OPENS.search(text, max(0, invest.start() - 8), invest.start())
                                               or _ONE_PROJECT_SIGNED.search(text, sentence_start, invest.start())) \
            and not _SEVERAL.search(text, sentence_start, invest.start()) and not _ROUNDUP.search(text, sentence_start, invest.start()):
        return True  # "…签约智能家电零部件产业园项目。项目协议投资10亿元", "签约高端铜箔项目 协议投资25亿元": the one signed
    return invest.group().startswith("协议投资") and not _SEVERAL.search(text, sentence_start, invest.start()) \
        and not _ROUNDUP.search(text, sentence_start, invest.start()) \
        and bool(_THIS_PROJECT.search(text, sentence_start, invest.start()) or _builds_one_work(after)
                 or _INVESTMENT_AGREEMENT.search(text, sentence_start, invest.start()))


def _builds_one_work(after: str) -> bool:
    """Whether the words after an amount build one work: its part of the clause names no several."""
    built = _BUILDS.search(after)
    if built is None:
        return False
    part_start = max(after.rfind(mark, 0, built.start()) for mark in "，,") + 1
    part_ends = [found for found in (after.find(mark, built.end()) for mark in "，,") if found >= 0]
    part = after[part_start:min(part_ends) if part_ends else len(after)]
    part = _PLACES_SPANNED.sub("", part)  # (session 57) "启动了涉及…4个乡镇10个村的28.3公里沿江旅游环线公路建设": one road
    if not _JOINED.search(part):  # "新建一座数据中心和三条生产线" stays several
        part = _PLANT_PARTS.sub("", part)
    return not _SEVERAL.search(part) and not _KINDS_OF_WORKS_LISTED.search(part)


# Kinds of works listed before 等项目 ("投资56亿元实施中型水库、节水配套、高标准农田及特色养殖基地建设等项目": session 71): several
# works, a programme's.
# (Carried out, 实施: one site's own buildings built, "新建教学楼、学生食堂、风雨操场等项目", are one work's: session 71's
# second review.)
_KINDS_OF_WORKS_LISTED = re.compile(r"实施[^，。；,;、]{1,30}?、[^，。；,;]{1,30}?、[^，。；,;]{1,30}?等(?:[\d一二三四五六七八九十]+个)?项目")


# A total joined by 的 to the one work it is of ("总投资16亿元的鞍山经济开发区菱镁新材料深加工项目"): no count between.
# (A size joined to the total by 、 may stand before 的: "总投资35亿元、占地3000亩的某食品产业园", session 57.)
_TOTAL_OF_NAMED = re.compile(r"(?:、(?:占地|用地|建筑面积|总建筑面积|规划面积|面积)[^，。；、,;：:的]{0,12})?的(?:(?![\d两三四五六七八九十百千]+[个项批家座]|一批|多个|等|全[市县区省]|[省市县区]级|[省市县区]重点)"
                             r"[^，。；、,;：:]){1,24}?(?:" + WORK_HEAD + r")(?![资贷补款经])")


# The places one work passes or serves, counted ("涉及护安、观塘等4个乡镇10个村的28.3公里…公路"): no several works.
_PLACES_SPANNED = re.compile(r"(?:涉及|覆盖|途经|连接|串联|贯穿|惠及)[^，,的]{0,24}?(?:\d+|[两二三四五六七八九十]+)个"
                             r"(?:乡镇|镇|乡|村|行政村|自然村|街道|社区|村组)[^，,的]{0,12}?的")
# A few parts of one plant counted by their own measure ("新建两条差别化纤维生产线", "建设3栋厂房"): one work,
# as batches.COUNT_BEFORE reads them (a dozen is a county's sum over firms: "新建生产线15条" stays several).
_JOINED = re.compile(r"[和及、]")
_PLANT_PARTS = re.compile(r"(?<![\d.十百千一二三四五六七八九两])(?:[2-9]|[两二三四五六七八九])(?:条|座|栋|幢|台|个)(?=[^，。；,;、和及]{0,10}?(?:生产线|厂房|车间|机组|仓库))")


class _Found(NamedTuple):
    amount: Amount
    is_roundup: bool
    bound: str  # "超", "近", "约" … when the amount is a bound, else ""
    whole: bool = False  # a roundup whose sentence sums up the whole event (_WHOLE_BATCH)
    phase: str = ""  # "一", "二", "首" … when the amount is one phase's ("一期投资15亿元"), else ""
    total: bool = False  # its word states a total (总投资, 投资总额 …)
    end: int = 0  # where the amount ends in its text


def _signed_batchs_total(text: str, start: int, clause_start: int) -> bool:
    """Whether the total at ``start`` is a counted signing's (_SIGNED_BEFORE in its comma clause or the one before) and its
    own comma clause offers nothing after that signing: "推介会…成功签订3个招商引资项目，总投资33.3亿元" (not "现场签订项目6个，
    推出招商项目45个总投资236亿元", the offered projects' total)."""
    own = _comma_clause_start(text, start, clause_start)
    near = _comma_clause_start(text, max(own - 1, clause_start), clause_start)
    signed = None
    for signed in _SIGNED_BEFORE.finditer(text, near, start):
        pass
    return signed is not None and not _OFFERED.search(text, max(own, signed.end()), start)


def _comma_clause_start(text: str, pos: int, low: int) -> int:
    return max(low, max(text.rfind(mark, low, pos) for mark in "，,") + 1)


def _comma_clause_end(text: str, pos: int, high: int) -> int:
    high = min(high, pos + _REACH)
    ends = [found for found in (text.find(mark, pos, high) for mark in "，,") if found >= 0]
    return min(ends) if ends else high


# Each figure reads its clause and sentence (~0.3 ms to 1.4 ms): a page of thousands ("总投资12亿元，" repeated to the
# 100,000-character cap) took 11 s. Real stories state a few dozen at most (the most of the 822 real pages scored in session 23: 75),
# so reading the first 400 changes no story's reading and bounds the cost at ~0.6 s.
_FIGURES_READ = 400
_AROUND = 150  # characters either side read for an untitled page's work


def _investment_amounts(original: str, title: str = "") -> Iterator[_Found]:
    """Amounts that an investment word introduces, with whether their clause is a roundup.

    ``title``: the story's headline, which may report the event that makes a batch one.
    """
    text = _OPENING_FIGURE.sub(r"\1，", normalise(original), count=1)  # same length: positions hold in ``original``
    clauses: Optional[Marks] = None
    sentences: Optional[Marks] = None
    batches: dict[tuple[int, int], bool] = {}
    read = 0
    for match in _AMOUNT.finditer(text):
        if not (match.group("unit") or match.group("cur") or match.group("compound")):
            continue
        read += 1
        if read > _FIGURES_READ:
            return  # a table of figures, not a story: its first ones hold the news (hostile texts: bounded)
        if clauses is None or sentences is None:
            clauses, sentences = Marks(text, CLAUSE_MARKS), Marks(text, SENTENCE_MARKS)
        start = match.start()
        # Clauses and sentences are read at most _REACH characters either side of the amount: a
        # text without punctuation would otherwise make each amount's "sentence" the whole text.
        clause_start = max(clauses.start_before(start), start - _REACH)
        clause = text[clause_start:start]
        window_start = max(clause_start, start - _WINDOW)
        invest = None
        for invest in _INVEST.finditer(text, window_start, start):
            pass
        if invest is None:
            invest = _size_of_a_work(text, match, _comma_clause_start(text, start, clause_start),
                                     _comma_clause_end(text, match.end(), clauses.first_from(match.end())))
            if invest is None:
                continue
        if _PART_SPEND_BEFORE.search(text, max(clause_start, invest.start() - 8), invest.start()) \
                and ("其中" in text[max(clause_start, invest.start() - 16):invest.start()]
                     or _AMOUNT.search(text, max(sentences.start_before(start), start - _REACH), clause_start)):
            continue  # "其中环保投资为22万元", "…总投资2.5亿元，其中生产设备投资6000万元": a part's spending beside the whole
            # (not a whole work so named: "饮水安全工程总投资1.2亿元")
        if _PER_UNIT.search(text, max(_comma_clause_start(text, invest.start(), clause_start), invest.start() - 6), invest.start()):
            continue  # "每公里造价1亿元": a rate per unit, not a total (in its comma clause: "不低于200万元每亩，投资总额约6亿元")
        between = text[invest.end():start]
        if _ESTIMATE.fullmatch(invest.group()) and (
                not _ESTIMATE_GAP.fullmatch(between)
                or _ESTIMATE_SCOPE.search(text, _comma_clause_start(text, invest.start(), clause_start), invest.start())):
            continue  # "项目库估算总额800亿元", "估算总额较原批复的8亿元增加…": many works' estimate, or another figure
        bare_signing = bool(_BARE_SIGNING.fullmatch(invest.group()))
        signed_projects = bare_signing and bool(_SIGNED_PROJECTS.fullmatch(between))
        if bare_signing and not _BARE_SIGNED_GAP.fullmatch(between) and not signed_projects:
            continue  # "签约" governs only the amount right after it ("签约超230亿元") or its projects'
            # ("签约项目560亿元")
        if _REVISED_BY.fullmatch(between):
            continue  # "由8亿元增加2亿元": the difference, no total
        if _REVISED_BETWEEN.fullmatch(between):
            between = ""  # "总投资由12亿元调整为15亿元": the revised figure is the work's
        if _OTHER.search(between) or re.search(r"\d|[，,]", _YEARS_RUNNING.sub("", between)):
            continue  # "投资项目年产值20亿元", or another number stands between word and amount
        if not match.group("cur") and _COUNTED.match(text, match.end()):
            continue  # "1620万户": a count, not money
        if not match.group("cur") and text[start - 1:start] in _OPENING_QUOTES \
                and "\u4e00" <= text[match.end():match.end() + 1] <= "\u9fff":
            continue  # (session 50) "全市旅游投资“千亿工程”": a campaign's name, no figure (not "投资“30亿”的某项目")
        if text[start - 1:start] in tuple(_VAGUE_BEFORE) and match.group("num") and not match.group("num")[0].isdigit() \
                and not _BOUND_OF_YI.match(text, start - 1):
            continue  # "数十亿": no figure stated
        after = text[match.end():min(clauses.first_from(match.end()), match.end() + _REACH)]
        if _REVISED_FROM.fullmatch(between) and _REVISED_TO.match(after):
            continue  # "总投资由12亿元调整为…": the figure it was
        if _BROUGHT_IN.fullmatch(invest.group()) and not _INVESTMENT_NOUN_AFTER.match(after):
            continue  # "带来1000万元收入": not an investment brought in
        if invest.group().startswith("引进") \
                and _TECHNOLOGY_BOUGHT.search(text, max(sentences.start_before(start), start - _REACH), start):
            continue  # (session 71's second review) "签订技术引进合同12份，引进金额1.2亿美元": technology bought, no investment
        if _PER_UNIT_AFTER.match(after):
            continue  # "400万元/亩", "300万元每亩": a rate per unit
        if "完成" in between or "到位" in between or _ARRIVED_BEFORE.search(text, window_start, invest.start()) \
                or between.startswith("总量"):
            continue  # "投资完成300亿元", "实际到位投资1.85亿", "投资总量超过2200亿元": completed, arrived or aggregate
        if _SO_FAR_BEFORE.search(text, window_start, invest.start() + 1) and "签" not in invest.group() \
                and not _ONE_WORK_AFTER.match(after):
            continue  # "项目已投入资金1.8亿元，厂房主体已经封顶": spent so far, no total
        if _YEAR_SLICE.match(between) or _YEAR_SLICE_BEFORE.search(text, window_start, invest.start()):
            continue  # "投资目标为180亿元", "为该铁路安排投资20亿元": a year's slice or target
        if _NOT_A_WORK_SUBJECT.search(text, _comma_clause_start(text, invest.start(), clause_start), invest.start()):
            continue  # "这部电影总投资2.5亿元": a film's or an event's cost
        if _AREA_TITLE_AFTER.match(after) and not _WORK_DESCRIBED_AFTER.match(after) and not _FIRM.search(text, max(sentences.start_before(start), start - _REACH),
                                                               invest.start()):
            continue  # "南京计划投资300亿元建设“海绵城市”": an area's programme, no work
        if _AID_BETWEEN.search(between):
            continue  # "投入援疆资金900多万元": aid money, a programme's (bench/data/facts/README.md)
        if _EACH.match(between):
            continue  # "投资均在1000万美元以上": a bound each of several meets, no one work's figure
        if _PROGRAMME_BEFORE.search(text, window_start, invest.start()) \
                and not (_WORKS_STRATEGIC.search(text, window_start, invest.start()) and ("总" in invest.group())):
            continue  # "该行动计划总投资3000亿元": a programme's total
        # A planning document the sentence is about ("…城际铁路建设规划近日获国家发展改革委批复，总里程约775公里，
        # 计划总投资4741亿元"): the total of all the works it plans, unless the amount's own clause names a work
        # before its word ("其中某枢纽工程总投资…").
        plan = PLAN_DOCUMENT.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
        if plan and not _OWN_TOTAL.search(text, _comma_clause_start(text, invest.start(), clause_start), invest.start()) \
                and not _THIS_WORK_OPENS.match(text, _comma_clause_start(text, invest.start(), clause_start)) \
                and not (_LISTED_IN_PLAN.search(text, _sentence_start(text, plan.start(), CLAUSE_MARKS), plan.start())
                         and "规划" not in BOOK_TITLE.sub("", text[plan.end():invest.start()])) \
                and not (_WORK_DESCRIBED.search(text, plan.end(), invest.start())
                         and _ONE_WORKS_DOCUMENT.search(text, plan.start(), invest.start())):  # (not "…列入《…建设规划》，规划总里程…，计划总投资…")
            continue  # "某铁路建设规划获批复，…计划总投资4741亿元": the plan's total
        if _CLASS_BY_SIZE.search(text, max(0, start - 8), start) and _SIZE_CLASS_AFTER.match(after):
            continue  # "单体逾100亿元制造业项目…签约", "单体投资超10亿元的项目": the class of size the work is of, no figure of its own
        if _THRESHOLD_AFTER.match(after) or (_THRESHOLD_BEFORE.search(text, invest.end(), start)
                                             and not _bound_of_one_work(text, sentences, start, invest, clause_start, after)) \
                or _RANGE_AFTER.match(after) or (_CLASS_AFTER.match(after) and (
                    _CONDITION_OPEN.match(text, _comma_clause_start(text, invest.start(), clause_start))
                    or _CONSEQUENCE.search(text, match.end(), min(sentences.first_from(match.end()), match.end() + _REACH)))):
            continue  # "不低于700万元的技术改造项目", "对投资超过1亿元的重大项目，实行…": a threshold
        if _COUNT_RIGHT_BEFORE.search(text, max(0, invest.start() - 6), invest.start()) and _CLASS_OF_COUNTED.match(after) \
                and not invest.group().startswith("总") and (re.search(r"过|超|逾|在", text[invest.start():start]) or after.startswith("以上")):
            continue  # "签约8个投资过5000万元的项目": the class each counted project is of (not "5个总投资超20亿元的项目": their total)
        campaign = _CAMPAIGN_AFTER.match(after)
        if (campaign and _CLASS_OF_THINGS.search(campaign.group()) and not _FIRM.search(text, clause_start, invest.end())
                and not _THIS_PROJECT.search(text, clause_start, invest.end()) and not text.endswith("项目", 0, invest.start())) \
                or (_LIST_TOTAL_BEFORE.search(text, clause_start, invest.start() + (2 if invest.group().startswith("项目") else 0))
                    # (the investment word may open with the list's own 项目: "今年全市重点项目投资总额…", session 68)
                    and not _NAMES_WORK.match(text, match.end())
                    and not _EVENT.search(text, max(sentences.start_before(start), start - _REACH), sentences.first_from(match.end()))):
            continue  # "市财政投资1.8亿元实施中小学校舍改造工程", "今年我市省重点项目总投资1856亿元": a programme, a list
        if _PURCHASE_AFTER.match(after):
            continue  # "花费300万元购置的CT机投入使用": equipment bought, no work built
        if _NO_WORK_AFTER.match(after):
            continue  # "投资5亿元入股某企业", "…设立产业基金", "…研发出…新技术": a stake, a fund or research
        if _SUBSIDY_AFTER.match(after):
            continue  # "总投资1000万美元以上的116个项目": a threshold
        full_sentence = text[max(sentences.start_before(start), start - _REACH):
                             min(sentences.first_from(match.end()), match.end() + _REACH)]
        if "合同" in invest.group() and "签约" in invest.group() and (
                not _AT_AN_INVESTMENT_EVENT.search(full_sentence + title) or _BUILDERS_CONTRACTS.search(full_sentence + title)):
            continue  # (session 70's review) "建筑企业与业主…签约合同额136亿元", "服务外包项目…签约合同额": contracts won, sold
        sites = _SITES_WORKED.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
        if sites and not _THIS_PROJECT.search(full_sentence) and not text.endswith(("工程", "项目"), 0, sites.start()):
            continue  # (session 68) "全市共对99个小区实施了供热二次管网改造，…总投资额达7300万元": works at many sites, a programme
        # The work's own figure ("某项目总投资120亿元", "总投资50亿元的某港口项目"): a statistic or a period
        # in another comma clause of its sentence reports something else ("…，目前累计完成投资80亿元",
        # "今年以来，…"), so only the amount's own comma clause is read for them.
        own_start = _comma_clause_start(text, invest.start(), clause_start)
        share = _this_works_share(text, own_start, invest, match.end())
        names_work = bool(_TOTAL_OF_NAMED.match(text, match.end()))
        own_work = bool(_OWN_TOTAL.search(text, own_start, invest.start()) or _NAMES_WORK.match(text, match.end())
                        or share or names_work
                        # (session 68) the work pointed at in the comma clause before ("该项目总用地225亩，总投资21亿元，…")
                        or _THIS_WORK_CLAUSE_BEFORE.search(text, max(clause_start, own_start - _REACH), own_start)) \
            and not _ROUNDUP.search(full_sentence) and not _SEVERAL.search(full_sentence)  # counts nothing
        stated_start = own_start if own_work else max(sentences.start_before(start), start - _REACH)
        # A list item reporting a day's event of its own ("今年以来，某市已累计开工…；今天又集中开工项目86个，总投资
        # 520亿元") is read apart from its lead-in's tally.
        own_day = day_item_start(text, stated_start, invest.start())
        if not own_work and own_day is not None:
            stated_start = own_day
        stated = text[own_start:_comma_clause_end(text, match.end(), clauses.first_from(match.end()))] if own_work \
            else text[stated_start:len(full_sentence) + max(sentences.start_before(start), start - _REACH)]
        # A comparison after the amount keeps it a batch's total when the sentence reports one event (asked below).
        compared = False
        if STATISTIC.search(stated) and not _ONE_WORK_AFTER.match(after):
            compared = compared_after(stated, stated_start, match.end())
            if not compared and not _events_running_total(stated):
                continue
        # A sentence that opens with a total ("…重点工程项目共30项，…。总投资519.86亿元，…") has no subject
        # of its own: it sums up what the sentence before it counted (the headline, for the body's first
        # words), as a sentence opening with 其中 continues the one before it.
        subject_start, subject = clause_start, ""
        headline = title
        # ("总投资约210亿元的山阴县抽水蓄能电站项目…" names its own subject: the work after it.)
        if invest.group() and (_TOTAL.search(invest.group()) or invest.group().startswith("签约")) \
                and not text[clause_start:invest.start()].strip() and not names_work:
            if clause_start == 0 and original != title and title:
                subject = normalise(title[:_REACH])  # a headline longer than a sentence is none
            elif clause_start > 0:
                subject_start = max(clauses.start_before(clause_start - 1), clause_start - _REACH)
                subject = text[subject_start:clause_start]
        # The works counted may stand in the comma clause before when the amount's own names nothing before
        # its word ("省级6项，概算投资140亿元", "投资农业项目200多个，投资额700多亿元"): that clause is its subject.
        count_from = own_start
        if own_start > clause_start and len(text[own_start:invest.start()].strip()) <= 2:
            count_from = _comma_clause_start(text, own_start - 1, clause_start)
        # A roundup: the clause (or the sentence the total sums up, or the comma clause before that counts
        # the projects) counts projects and states their total.
        is_roundup = bool(_ROUNDUP.search(clause + text[start:match.end()] + after)) and bool(
            _TOTAL.search(clause) or "共" in clause or _SIGNED.search(invest.group())) \
            or bool(_SIGNED_SUM.fullmatch(invest.group())) and not _one_agreement(text, max(sentences.start_before(start), start - _REACH), invest, after) \
            or bool(subject and (_ROUNDUP.search(subject) or _COUNT_BEFORE.search(subject))) or signed_projects \
            or (count_from < own_start and bool(_ROUNDUP.search(text, count_from, own_start)
                                                or (invest.group().startswith("签约") or bool(_CONTRACT_SUM.fullmatch(invest.group())))
                                                and bool(_PROJECTS_SIGNED.search(text, count_from, own_start))
                                                and not _TECH_DEAL.search(text, count_from, own_start)))
        # (session 66) The works counted right before their total, in its own clause ("签订3个总投资7亿元的合作协议", "10家企业、
        # 总投资15.5亿美元的项目"), or the clause before it counting kinds listed with 等 ("签下8个风力发电、光伏发电等新能源产业
        # 项目，总投资达70亿元"): a batch's total.
        if not is_roundup and _TOTAL.search(invest.group()) and (
                _COUNTED_RIGHT_BEFORE.search(text, max(clause_start, invest.start() - _COUNT_REACH), invest.start())
                and _BATCH_AFTER.match(text, match.end())
                or _KINDS_COUNTED.search(text, max(0, invest.start() - _REACH), invest.start())):
            is_roundup = True
        # A total after three works or more named one by one, of a day's batch ("此次开工建设项目包括德帝机电项目、骏盛发五金电器
        # 项目、鸿安创科空调设备制造项目、盛加农牧食品加工项目，总投资近四亿元"): their batch's (session 52), not one work's phases
        # ("一期项目、二期项目") or parts ("项目主要建设内容包括引水工程、水库工程…", "该项目建设门诊楼项目、住院楼项目…":
        # session 52's second review; no batch word, the work's own sentence).
        listed_from = max(sentences.start_before(start), start - _REACH)
        if not is_roundup and _TOTAL.search(invest.group()) and _WORKS_LISTED.search(text, listed_from, invest.start()) \
                and _BATCH_OF_THE_DAY.search(text, listed_from, invest.start()) \
                and not _PARTS_OF_A_WORK.search(text, listed_from, invest.start()):
            is_roundup = True
        # An event's signed sum ("…举行了富硒茶产业项目推介会，…当日签约金额13亿元", "某论坛签约金额逾32亿元"): the day's
        # signings together, whatever they count.
        # (Not research deals, loans or a forecast: "…达成技术交易意向，现场签约金额达8.9亿元", "15家银行与62家企业现场签约，
        # 签约金额达45.6亿元", "预计本届博览会…签约金额有望突破800亿元".)
        if not is_roundup and not names_work and (_SIGNED_AMOUNT.fullmatch(invest.group())
                               or text.endswith("签约", 0, invest.start()) and bool(_TOTAL.search(invest.group()))
                               # "专场签约260亿元": a signing right before its sum (session 36)
                               or invest.group() == "签约" and not text[invest.end():match.start()].strip()) and (
                _SIGNING_EVENT.search(full_sentence) or _SIGNING_EVENT.search(title)) \
                and not _TECH_DEAL.search(full_sentence) and "技术" not in full_sentence \
                and not _OTHER_AGREEMENT.search(full_sentence) and not _FORECAST.search(full_sentence) \
                and not _ONE_DEAL_BEFORE.search(text, max(sentences.start_before(start), start - _REACH), invest.start()):
            is_roundup = True
        # A signed sum after the works signed, each with its figure ("某集团投资10.5亿元的…项目、某公司投资1亿元的…项目、…投资2亿元的…
        # 项目在仪式上签约，签约金额共13.5亿元"): their total, whatever names them.
        if not is_roundup and _SIGNED_AMOUNT.fullmatch(invest.group()) and _SUMMED_AFTER.match(text, invest.end()) \
                and len(_WORK_FIGURE.findall(text, max(sentences.start_before(start), start - _REACH), invest.start())) >= 2:
            is_roundup = True
        # "…共有33个项目进行线上签约。其中，既有先进制造业项目，又有…项目，总投资达625.385亿元": a 其中 sentence that counts
        # nothing of its own before its total sums up the batch the sentence before it counted.
        if not is_roundup and not own_work and _TOTAL.search(invest.group()) and text.startswith("其中", clause_start) \
                and not _ANY_NUMBER.search(text, clause_start, invest.start()) \
                and _KINDS_LISTED.search(text, clause_start, invest.start()):
            is_roundup = bool(_ROUNDUP.search(text, max(sentences.start_before(max(clause_start - 1, 0)), clause_start - _REACH),
                                              clause_start))
        # A count the work is one of ("是阿克苏地区确定拜城县2011年实施的14个重大项目之一，…工程总投资1.33亿元", "是…列入国家172项
        # …重大工程的项目"): the list it belongs to, no batch; the figure is the one work's.
        one_of = bool(_ONE_OF_COUNTED.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
                      or _ONE_LISTED.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
                      or _ONE_OF_A_LIST.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
                      or _MADE_OF_COUNTED.search(text, max(sentences.start_before(start), start - _REACH), invest.start()))
        is_roundup = is_roundup and not one_of
        # (or a counted signing's total near the figure, _signed_batchs_total: "推介会举行 新签订投资项目3个总投资33.3亿元", not
        # "推出项目72个，总投资153亿元，签订意向协议12份", the offered projects' total before a signing of its own)
        if is_roundup and _OFFERED.search(full_sentence) and not _REACHED.search(full_sentence) \
                and not _signed_batchs_total(text, start, clause_start) \
                and not _INVESTMENT_SIGNED.search(text, max(sentences.start_before(start), start - _REACH), invest.start()):
            continue  # "会上发布招商引资项目86个，总投资620亿元": projects on offer, none signed or started
        if _LISTED.search(full_sentence) and not _REACHED.search(full_sentence) and _SEVERAL.search(full_sentence) \
                and not _APPROVAL_GIVEN.search(full_sentence) and not one_of:
            continue  # "我县2个小镇入选，规划总投资120亿元": works named to a list, no stage, no one project's
        if _CONTRACT_SUM.fullmatch(invest.group()) and not is_roundup \
                and not (invest.group().startswith("协议") and _builds_one_work(after)
                         and _INVESTMENT_AGREEMENT.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
                         and not _OTHER_AGREEMENT.search(full_sentence)):
            continue  # "签订铁路建设合同，合同金额119.7亿美元": one contract's value (a contractor's), no investment
        if invest.group().endswith("造价") and _CONTRACT_PRICE_BEFORE.search(text, max(0, invest.start() - 6), invest.start()):
            continue  # (session 68) "某标段，合同造价约7.17亿元": a builder's contract price, as readers label it, no investment
        if invest.group() in _FINAL_ACCOUNTS and (
                not _ONE_WORK_ACCOUNTED.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
                or _WORKS_COUNTED.search(text, max(sentences.start_before(start), start - _REACH), invest.start())):
            continue  # "全县12所学校校舍改造工程决算总金额3600万元": several works' accounts
        if _CONTRACT_SUM.fullmatch(invest.group()) and _TECH_DEAL.search(full_sentence):
            continue  # "签约科技成果转化项目32个，合同金额…": research deals
        if (handed := _PLAN_HANDED_DOWN.search(text, max(sentences.start_before(start), start - _REACH), invest.start())) \
                and not _WORK_SUPPORTED.search(text, handed.end(), invest.start()) \
                and not _named_work(text, handed.start("plan"), handed.end("plan")):
            # (session 56) "省发改委下达以工代赈农村公路建养补助投资计划，总投资额达10013万元": a programme's money (not a work
            # it supports, "下达…投资计划，安排2.1亿元支持某防洪工程，该工程总投资4.6亿元", nor the one work it names,
            # "下达叶城机场改扩建工程投资计划，总投资12亿元": review56b)
            continue
        if is_roundup and _YEAR_TALLIED.search(text, max(sentences.start_before(start), start - _REACH), invest.start()):
            continue  # (session 56) "成功举办…推介会…等经贸活动，全年共签约外资项目38个，协议投资额371.2亿元": the year's tally
        if is_roundup and not _batch_of_one_event(text, sentences, start, headline, batches):
            continue  # "今年，传化已经上新了10多个项目，总投资达百亿元": a tally of many, no event's batch
        if compared and not is_roundup:
            continue  # "…完成投资80亿元，同比增长12%": a statistic
        if compared and not compared_batch(full_sentence, title):
            continue  # "今天，某市召开新闻发布会，一季度全市新开工项目120个，…同比增长15%": a period's tally told today
        if (not is_roundup and not one_of and _COUNT_BEFORE.search(text, count_from, invest.start())
                and not _OWN_TOTAL.search(text, own_start, invest.start())  # "新建3艘渡轮的码头项目总投资": its own
                and not _batch_of_one_event(text, sentences, start, headline, batches)):
            continue  # "这20项重大建设总投资650亿元": a sum over several works, no event's batch
        if _TOTAL_ONLY.fullmatch(invest.group()) and (not (is_roundup and (_SIGNED.search(clause) or _SETTLED.search(clause)))
                                                     or invest.group()[0] == "共" and invest.end() != start):
            continue  # "总额503.7亿元" of projects put on offer, not signed
        stat = None if is_roundup else _STAT_BEFORE.search(text, window_start, invest.start())
        if stat and stat.group("sector") == "业" and _INTENDED.match(invest.group()):
            stat = None  # "雪川农业计划投资20亿元": a firm's name ending in 业 before its plan, no sector's statistic
        if stat and stat.group("sector") == "基建" and invest.group().startswith("总") \
                and _WORK_NOUN.search(text, max(sentences.start_before(start), start - _REACH), stat.start()) \
                and _PARTICULARS.search(text, max(sentences.start_before(start), start - _REACH), stat.start()):
            stat = None  # (session 52) "拉萨城关区第七小学占地70亩，基建总投资约1.2亿元": a named work's building budget, told
            # with its particulars (not "某大学今年基建总投资3.5亿元", a year's total: review52c)
        if stat and stat.group().startswith("共") \
                and _ONE_WORK_SUMMED.fullmatch(text, work_clause := _comma_clause_start(text, stat.start(), clause_start), stat.start()) \
                and _named_work(text, work_clause, stat.start()) \
                and not (_EQUIPMENT_BOUGHT.match(text, match.end())
                         and not _WORK_OR_PROJECT.search(text, work_clause, stat.start())
                         and not _BUILT_TOO.search(text, match.end(), sentences.first_from(match.end()))):
            stat = None  # (session 56) "文庙西路保护维修项目共投资390万元", "该项目共投资…": the one work's own spending summed
        if stat and not _FINISHED_WORKS_TOTAL.search(text, max(sentences.start_before(start), start - _REACH), invest.end()):
            continue  # "外国直接投资", "完成投资", "共投资": a statistic
        if _AREAS_WORKS_DONE.search(text, _comma_clause_start(text, max(own_start - 1, clause_start), clause_start), invest.start()) \
                and not _EVENT.search(full_sentence) and not TOGETHER.search(title):
            continue  # (session 57) "全市共完成公路建设工程340.8公里，总投资约3.25亿元": an area's works summed, no one work's
        if (not is_roundup and not invest.group().startswith("总") and not _builds_one_work(after)
                and _SECTOR_OR_YEARS_BEFORE.search(text, window_start, invest.start())):
            continue  # "长三角铁路建设投资规模超750亿元", "计划用3年时间，投资800亿元": a programme's
        many_areas = _MANY_AREAS.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
        if many_areas and not (many_areas.group(1) == "各地" and text.startswith("共", many_areas.end(1))
                               and _ONE_DAY.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
                               and _HELD_EVENT.search(full_sentence)):
            continue  # "多地重大项目集中开工，年内投资总额逾4.2万亿元": several areas' tally (not "活动当天，全省各地共签约
            # 项目425个，总投资4185亿元": one day's event held in each area, summed)
        if (AREA_WIDE.search(text, own_start if own_work else clause_start, invest.end()) and not _EVENT.search(full_sentence)
                and not (_COMMISSION_APPROVES.search(text, clause_start, invest.end()) and _builds_one_work(after))
                and not _COMMISSION_APPROVES_WORKS.search(text, max(sentences.start_before(start), start - _REACH), invest.end())):
            continue  # "全国农村公路建设总投资超过4555亿元": the nation's (or a province's …) figure
        if _EXAMPLE.match(text, _comma_clause_start(text, invest.start(), clause_start)):
            continue  # "…投入很大，如某公司开发一种新芯片要投资10多亿美元": an illustration
        if (_TOTAL.search(invest.group()) and _PLURAL.search(text, clause_start, invest.start())
                and not _OWN_TOTAL.search(text, clause_start, invest.start())
                and not (_INVESTORS_COUNTED.search(text, clause_start, invest.start())
                         and not _WORKS_COUNTED_IN.search(full_sentence))
                and not _batch_of_one_event(text, sentences, start, headline, batches)):
            continue  # "…渔轮达到1500多艘，…，总投资近20亿元": a tally over many, no event's batch
        if not is_roundup and _ONE_AFTER_ANOTHER.search(text, clause_start, invest.start()) \
                and not (_ONE_WORK_AFTER_IN_TURN.match(after) and _builds_one_work(after)
                         and not _WORKS_COUNTED_IN.search(full_sentence) and "总投资" not in full_sentence) \
                and not _phases_spent_on(text, max(sentences.start_before(start), start - _REACH), invest.start(), title):
            continue  # "先后投资6000多万元", "先后建成了污水处理厂、垃圾填埋场…，总投资2.6亿元": several works
            # (not "先后跨越淮河、长江，…，总投资186亿元": a route's)
        if invest.group() == "拿出" and not _SPENDER.search(text, max(sentences.start_before(start), start - _REACH), invest.start()) \
                and not _NEW_WORK_NAMED.match(after):
            continue  # "省里拿出20亿元，用于新建…": public money set aside, a programme's (a firm's or a person's is spent)
        if invest.group() == "投" and _BARE_TOU_GRANT.match(after):
            continue  # "市政府投5000万元支持企业建设数字化车间": a grant to others' works (a bare 投 only: session 49)
        if invest.group() == "筹资" and (not _RAISED_FOR_ONE_WORK.match(after)
                                          or _FINANCING_BEFORE.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
                                          or _LATER_TOTAL.search(text, match.end(), match.end() + 2 * _REACH)):
            continue  # "通过各类平台筹资12亿元，有力保障了重点项目建设": financing, unless the words right after it build one
            # work it names ("筹资303.08万元新建了占地50亩的标准化养殖基地"; session 70)
        if _WEAK_INVEST.match(invest.group()) and not _builds_one_work(after) and not (
                _OWN_TOTAL.search(text, clause_start, invest.start())
                and not _SEVERAL.search(text, _comma_clause_start(text, invest.start(), clause_start), invest.start())) \
                and not (_BARE_PLAN.fullmatch(text, own_start, invest.start())
                         and _named_work(text, max(sentences.start_before(start), start - _REACH), own_start)
                         and not _spent_elsewhere(text, match.end())) \
                and not (is_roundup and _events_running_total(full_sentence)):
            # (An event's batch summed: "出席…合作交流会，共签约重大招商项目23个，固定资产累计投入100.45亿元".)
            continue  # "投入大量资金", "投入资金2亿元，使8个园区建设…": no one work's investment
        if (not is_roundup and _PLAIN_INVEST.fullmatch(invest.group()) and _BUILDS.search(after)
                and not _builds_one_work(after) and not _COMPOSED_OF.match(after)
                and (invest.group() == "投资" or _MANY_BUILT.search(after) and not _ROUNDUP.search(after))
                # (A work named right before, "其中一期工程投资105.6亿元，…拟建设3座…储罐", or a firm that invests and builds
                # its plant's parts, "…成立了某食用菌有限责任公司，投资8500万元，…计划新建食用菌大棚100座": one work's.)
                and not ((_OWN_TOTAL.search(text, own_start, invest.start())
                          and not _WORKS_CLASS_BEFORE.search(text, own_start, invest.start())
                          or _BARE_PHASE.search(text, own_start, invest.start())
                          and _THIS_WORK_SUBJECT.search(text, sentences.start_before(start), own_start)
                          or (_FIRM_CLAUSE_BEFORE.search(text, max(sentences.start_before(start), start - _REACH), own_start)
                              or _WORK_SIZED_BEFORE.search(text, max(sentences.start_before(start), start - _REACH), own_start))
                          and own_start == invest.start())
                         and not _MANY_BUILT.search(after))):
            continue  # "投资3000多万元新建各类小型水利工程932处", "投资近300亿元，先后建设了…一大批水利基础设施"
        if _DRAWN_IN.search(text, window_start, invest.start()):
            continue  # "…936亿元…带动总投资超过4600亿元": what the money draws in
        if invest.group().startswith("投资") and _ATTRACTED.search(text, window_start, invest.start()) \
                and not _NAMES_WORK.match(text, match.end()):
            continue  # "已吸引投资超过440亿元": what a place attracted over time
        if ("签" in invest.group() or _CONTRACT_SUM.fullmatch(invest.group())) \
                and PURCHASE.search(_SECTORS_COVERED.sub("", full_sentence)) and not INVESTING.search(full_sentence):
            continue  # "进口采购…集中签约…总签约额近22亿元": purchase contracts
        if _SIGNED.search(invest.group()) and not is_roundup and not (bare_signing and _PROJECT_AFTER.match(after)) \
                and not _one_project_signed(text, max(sentences.start_before(start), start - _REACH), invest, after):
            continue  # "签约额": the signed total of a batch of projects, else a contract's value
        if _REJECTED.search(text, _comma_clause_start(text, max(own_start - 1, clause_start), clause_start),
                            _comma_clause_end(text, match.end(), clauses.first_from(match.end()))):
            continue  # "否决了…项目26个，项目总投资超6亿元", "环评未获批准的项目…涉及投资金额684.83亿元": works turned down
        if invest.group().endswith("预算") and not invest.group().startswith("设计") \
                and not _WORK_OR_PROJECT.search(text, own_start, invest.start()):
            continue  # "全市卫生健康系统总预算12亿元": a department's budget, no work's
        if _AWARD.search(text, max(sentences.start_before(start), start - _REACH), invest.start()) and (
                "额" in invest.group() and "投资" not in invest.group() or invest.group() in ("共", "共计")
                or _CONTRACT_SCOPE.search(text, window_start, invest.start())):
            continue  # "中标工程施工项目11个，中标合同金额约14.36亿元", "成功中标…EPC，建安总投资44.76亿元": contracts won
        if _FINANCING.search(text, clause_start, invest.end()):
            continue  # "192家企业获得投资，投资金额超过1000亿元": financing received, no project's
        # "…今年一季度，北京市将推动160项…开工建设。其中，…项目38个，总投资超2900亿元": 其中 continues it.
        # 其中 refers back to what its paragraph has said so far (a span two sentences back included).
        low = max(clause_start - _REACH, 0)
        span_start = max(text.rfind("\n", low, clause_start) + 1, low) if text.startswith("其中", clause_start) else subject_start
        # An item of a list shares its lead-in's period, unless it reports a day's event of its own ("截至目前，某市今年
        # 已签约项目150个；今天集中签约项目32个，总投资210亿元"); "半年来，…；…共集中签约项目140个" stays the period's.
        # (Not a clause opening on the work pointed at, a subject of its own: "预计连江未来三年养殖年产量将增加20万吨；该项目预计投资
        # 建设金额为200亿元", session 71.)
        if text[clause_start - 1:clause_start] in ("；", ";") and not TODAY.search(text, clause_start, invest.start()) \
                and not _THIS_PROJECT.match(text, clause_start):
            span_start = min(span_start, max(sentences.start_before(start), start - _REACH))
        if ((_period(text, own_start if own_work else span_start, invest.start()) or _PERIOD.search(subject))
                and not _ONE_WORK_AFTER.match(after) and not share and not one_of
                and not (_FAIR_SO_FAR.search(full_sentence) and _FAIR.search(full_sentence))
                and not _span_dates_one_work(text, span_start, invest)):
            continue  # "近5年来…投入50多亿元", "今年以来…总投资120亿元": a period's total
        # A total naming its work ("其中，总投资12.3亿元的城东污水处理厂三期工程…") is that work's, whatever span the
        # sentence before it sums up.
        # A firm or a person spending on one work ("一家玻璃企业今年计划投资25亿元，新建一条光伏玻璃生产线"): this
        # year's or a plan's money is that work's, not a year's programme.
        firm = bool(_SPENDER.search(text, max(sentences.start_before(start), start - _REACH), invest.start())
                    or invest.group() == "拿出" and _NEW_WORK_NAMED.match(after)) and _builds_one_work(after)
        # (A work named right before its total, "…，项目计划总投资约5亿元", is read in its own comma clause as one named after it.)
        # (Not an item that goes on with the clause before it: "今年全国铁路…投资将保持在8000亿元以上，其中国家铁路投资7200亿元".)
        named_own = own_work and (names_work or bool(_THIS_WORKS_TOTAL.match(text, own_start, invest.end())))
        if not share and not one_of and _span_figure(text, title, own_start if named_own else span_start, invest.start(), start,
                        min(clauses.first_from(match.end()), match.end() + _REACH), _builds_one_work(after),
                        firm=firm,
                        signed=bool(_SIGNED.search(invest.group())) and not _one_project_signed(
                            text, max(sentences.start_before(start), start - _REACH), invest, after)):
            continue  # "2022年，…585个重大项目…全年完成总投资超过7000亿元": the span's figure
        # A year's plan, in the comma clause of the investment word or, for a roundup, in the
        # one before it that counts the projects ("今年计划实施88个…项目，总投资超800亿元"); a
        # roundup of projects still to be carried out is a programme, not an event.
        own = _comma_clause_start(text, invest.start(), clause_start)
        previous = _comma_clause_start(text, max(own - 1, clause_start), clause_start) if is_roundup else own
        if _YEAR_PLAN.search(text, previous, start) and not (firm and not is_roundup):  # "年度投资计划超800亿元"
            continue
        if invest.group() == "计划投资" and (is_roundup or _ROUNDUP.search(after)) and not (
                _EVENT.search(full_sentence) or _ONE_BATCH.search(full_sentence) or _REACHED.search(full_sentence)):
            continue  # (session 57) "松潘县计划投资37.71亿元建设项目263个": a programme's planned works, no event's batch
        # Items of a list set apart by semicolons share its lead-in ("可望签约的外资项目2项，总投资…；内联项目
        # 38项，总投资…", "…计划的116个项目中：在建项目70个，…；新开工项目46个，总投资…"): a forecast or a
        # standing state said there holds for every item.
        if is_roundup and text[clause_start - 1:clause_start] in ("；", ";"):
            previous = min(previous, max(sentences.start_before(start), start - _REACH))
        if is_roundup and _IN_BATCHES.search(text, previous, invest.start()):
            continue  # "今年，全市计划分四批集中开工重点项目260个": several events planned, a year's programme
        if is_roundup and (_PLANNED_COUNT.search(text, previous, invest.start())
                           or _STANDING.search(text, previous, invest.start())):
            continue
        # A plan that counts its projects ("年底前，全国计划新开工建设铁路项目20余个，…投资规模达11981亿元")
        # states a programme's total, whatever word introduces it; an event's batch is no plan.
        planned = _PLANNED_COUNT.search(text, clause_start, invest.start())
        if (planned and _ROUNDUP.search(text, planned.end(), invest.start())
                and not _EVENT.search(text, clause_start, invest.start())):
            continue
        if not is_roundup and not share and not (_WORK_NOUN.search(full_sentence) or _WORK_NOUN.search(title) or _WORK_NOUN.search(subject)
                                   or _builds_one_work(after)
                                   # (session 50) a sentence of the work's particulars goes on with the work the
                                   # sentence before named ("竹山县兴坤农产品批发市场是我县重点招商引资项目。建设地点位于
                                   # 鱼岭开发区，占地118亩，…，总投资4亿元。")
                                   # (session 52) a named firm's particulars are its plant's ("台嘉成都玻纤有限公司于2011年
                                   # 8月在青白江区创立，占地面积543.6亩，总投资3.2亿美元")
                                   or _PARTICULARS.search(full_sentence) and _ONE_FIRM.search(full_sentence)
                                   or _PARTICULARS.search(full_sentence) and _WORK_NOUN.search(
                                       text, max(sentences.start_before(max(sentences.start_before(start) - 1, 0)),
                                                 start - 2 * _REACH), sentences.start_before(start))
                                   or _DEAL.search(text, max(sentences.start_before(start), start - _REACH), invest.end())
                                   or _EVENT.search(full_sentence) or _EVENT.search(title)
                                   or _ONE_BATCH.search(full_sentence) or _ONE_BATCH.search(title)
                                   # An untitled page's field line or numbered item ("总投资额：1.5亿元", "三、总投资估算…")
                                   # names its work on the lines around it, where its headline would have.
                                   or not title.strip() and _field_line(text, start)
                                   and _WORK_NOUN.search(text, max(start - _AROUND, 0), match.end() + _AROUND)):
            continue  # "经过三年苦干，多方投资300多万元，全乡打成深水井3眼": no work in view, a tally
        amount = _to_amount(match, "roundup" if is_roundup else "project",
                            original[match.start():match.end()].strip())
        if amount is not None and amount.cny >= 1e5:  # below 10万元 is no project investment
            bound = _BOUND.search(text, invest.start(), start)  # "总投资超", "投资超": the word may hold it
            # A work's size without an investment word is a round figure ("30亿元项目"): the lead's
            # precise total, where it states one, fills it in as it fills in "约30亿元".
            whole = is_roundup and not text.startswith("其中", sentences.start_before(start)) \
                and bool(_WHOLE_BATCH.search(text, max(sentences.start_before(start), start - _REACH), invest.start())) \
                and not _NOT_THE_EVENTS_WHOLE.search(full_sentence)
            phase = _PHASE_BEFORE.search(text, max(clause_start, invest.start() - 6), invest.start() if invest.group() else start) \
                or _PHASE_AFTER.match(text, match.end())
            yield _Found(amount, is_roundup, bound.group() if bound else "" if invest.group() else "约", whole,
                         phase=next((group for group in phase.groups() if group), "") if phase else "", end=match.end(),
                         total=bool(_TOTAL.search(invest.group())))


# "So far" after an event under way ("…博览会正在广西南宁举行，截至今天，已经有179个项目签约，投资总额超过3000亿元")
# counts that event's batch, not a span (batches.under_way_before, as batches.span_figure reads "目前").
_SO_FAR = re.compile(r"(截至|截止到|截止至)(今天|今日|目前|发稿时)")


_MANY_EVENTS = re.compile(r"(?:(?<!\d)\d+|(?<![两二三四五六七八九十百])[两二三四五六七八九十百]+)(?:多|余)?场")  # "举办各类招商推介活动56场": many events' tally
# A place's or a year's total so far ("全市累计签约额已达275.7亿元", "占年度任务的80%"), not the event's.
_PLACES_SO_FAR = re.compile(r"全[市县区省州旗]|已达|已经|至今|目前|截至|截止|年度")


def _events_running_total(stated: str) -> bool:
    """Whether the only statistic word of a sentence is 累计 summing the batch of the event it reports ("推介会后举行了项目
    集中签约仪式，…23个项目成功签约，累计签约额75.7亿元"): the day's total, no period's tally."""
    return (not STATISTIC.search(stated.replace("累计", "")) and bool(_EVENT.search(stated))
            and bool(_ROUNDUP.search(stated)) and not _PERIOD.search(stated) and not _SPAN.search(stated)
            and not _MANY_EVENTS.search(stated) and not _PLACES_SO_FAR.search(stated))


def investment_figures(text: str, title: str = "") -> Iterator[_Found]:
    """Every figure of ``text`` an investment word introduces, as the rules read it (roundup, bound, total, phase…),
    before find_investment chooses: the one reading the amount model (facts.amount_model) counts and weighs."""
    return _investment_amounts(text, title)


def _bound_of_one_work(text: str, sentences: Marks, start: int, invest: re.Match[str], clause_start: int, after: str) -> bool:
    """Whether a bound word before the amount ("不低于", "不少于") bounds one work's total ("项目计划分三期建成，总投资不低于20亿
    元"), not a threshold projects must meet ("引进总投资不低于1亿元的项目", "对投资不低于5000万元的，给予…"): the sentence
    names a work before it, no class of works or firms follows it, and no condition or consequence makes it a rule."""
    sentence_start = max(sentences.start_before(start), start - _REACH)
    return bool(_WORK_NAMED_BEFORE.search(text, sentence_start, invest.start())) and not _CLASS_AFTER.match(after) \
        and not _CLASS_OR_RULE.search(text, sentence_start, invest.start()) and not _period(text, sentence_start, invest.start()) \
        and not after.startswith(("的", "以上", "以下")) \
        and not _CONDITION_OPEN.match(text, _comma_clause_start(text, invest.start(), clause_start)) \
        and not _CONSEQUENCE.search(text, sentence_start, min(sentences.first_from(start), start + _REACH))


# One work named ("…产业园，项目计划分三期建成"), not a class ("推介的项目"). Narrower than _WORK_NOUN on purpose (no 路, 场,
# 中心…): a bound is read as one work's only where the sentence plainly names a project.
_WORK_NAMED_BEFORE = re.compile(r"(?<!的)(?:项目|工程|产业园|基地|工厂|生产线)")
# A year's works or a rule's wording before the bound ("今年推介的项目", "新入园项目…须…否则不予供地"): a threshold.
_CLASS_OR_RULE = re.compile(r"今年|全年|年度|明年|每年|入园|准入|门槛|标准|须|应当|原则上|否则")


_SITE_OR_AREA_BEFORE_NAME = re.compile(r"^(?:位于[^，。；,;的]{0,16}的|[\u4e00-\u9fff]{0,6}(?:镇|乡|县|区|市|开发区|园区|街道)(?=[\u4e00-\u9fff]|$))")
_RECENT_SPAN = re.compile(r"(?:今年|去年|年初|本年|入春|入夏|入秋|入冬|开春)以来$")


def _span_dates_one_work(text: str, low: int, invest: re.Match[str]) -> bool:
    """Whether a span's own clause only dates one named work's step and the total after it is the work's (session 54):
    "今年以来，华宇新材料项目开工建设，计划总投资12亿元", "今年以来，位于县经济开发区的某项目开工建设，总投资12亿元" — not a
    category's or an area's works ("今年以来，我县重点项目开工建设", "全县新开工项目23个": batches.named_work)."""
    if "总投资" not in invest.group():
        return False
    last = None
    for last in _PERIOD.finditer(text, low, invest.start()):
        pass
    # (Only a recent span: "2010年以来，某生产基地的总投资超过830亿元" sums fifteen years' spending.)
    if last is None or not text.startswith(("，", ","), last.end()) \
            or _RECENT_SPAN.search(text, max(low, last.start() - 4), last.end()) is None \
            or not _named_work(text, last.end() + 1, invest.start()) or "、" in text[last.end():invest.start()]:
        return False
    # Its name, a site before it and an area's name left out, is a firm's or a trade's ("华宇新材料"), not an area's works
    # ("城关镇项目", "县经济开发区项目": review54b; a category's, "招商引资项目", named_work leaves out).
    work = _NAMED_WORK_NOUN.search(text, last.end() + 1, invest.start())
    name = _SITE_OR_AREA_BEFORE_NAME.sub("", text[last.end() + 1:work.start()]) if work else ""
    return len(name) >= 4


def _period(text: str, low: int, high: int) -> bool:
    """Whether text[low:high] sets the amount in a period (PERIOD), not in an event's day so far."""
    return any(not (_SO_FAR.match(text, period.start()) and _under_way_before(text, period.start()))
               for period in _PERIOD.finditer(text, low, high))


_NOT_A_NAME = re.compile(r"投资|建设|项目|工程|亿元|万元|美元|[\d.]")
# A sentence that opens on the work or its investor pointing back ("该项目总投资…", "项目总投资…", "该集团昆山新厂总投资…").
_POINTS_BACK = re.compile(r"\s*(?:(?:据介绍|据了解|据悉|目前)[，,]?\s*)?(?:该|这一?|此)?(?:项目|工程|集团|公司|企业|厂)")


def _the_headlines_work(title: str, sentence: str) -> bool:
    """Whether ``sentence`` tells the headline's work: it opens pointing back to it or its investor, or writes three
    characters running of ``title`` that are no investment words nor a figure ("台湾统一集团")."""
    return bool(_POINTS_BACK.match(sentence)) or _writes_a_run_of(title, sentence, 3)


# Works built to serve another ("为保障某产业园建设…配套工程", "配套道路"): not that work's own figure.
_SUPPORTING_WORKS = re.compile(r"为保障|为确保|为服务|配套")


def _writes_a_run_of(title: str, sentence: str, length: int) -> bool:
    """Whether ``sentence`` writes ``length`` characters running of ``title`` that are no investment words nor a figure:
    the headline's work or investor named again ("台湾统一集团" with 3, "蒲城古陶文化产业园" with 4)."""
    return any(title[i:i + length] in sentence and not _NOT_A_NAME.search(title[i:i + length])
               for i in range(len(title) - length + 1))


def _precise(bound: _Found, stated: Amount) -> bool:
    """Whether ``stated`` is the figure that the headline's bound (``超4000亿元``) rounds."""
    if stated.currency != bound.amount.currency or not bound.bound:
        return False
    ratio = stated.value / bound.amount.value
    if bound.bound in ("超过", "超", "逾", "突破", "上"):
        return 1 <= ratio < 2
    if bound.bound in ("接近", "将近", "近"):
        return 0.5 < ratio <= 1
    return 0.7 <= ratio <= 1.3  # 约


def _fills_bound(bound: _Found, stated: Amount) -> bool:
    """Whether ``stated`` is the figure a bound stands for, by its last written digit: "超过730亿元" is 730 to 740亿 (not
    another batch's 861亿), "超千亿元" 1000 to 2000亿 (1090.55亿), "近200亿元" 160 to 200亿 (172.55亿)."""
    if stated.currency != bound.amount.currency or not bound.amount.value:
        return False
    mantissa, exponent = f"{bound.amount.value:.5e}".split("e")
    step = 10.0 ** (int(exponent) - (len(mantissa.replace(".", "").rstrip("0")) - 1))
    if bound.bound in ("超过", "超", "逾", "突破", "上"):
        return bound.amount.value <= stated.value < bound.amount.value + step
    if bound.bound in ("接近", "将近", "近"):
        return 0.8 * bound.amount.value <= stated.value <= bound.amount.value
    return abs(stated.value - bound.amount.value) <= step / 2  # 约


def _rounded(headline: Amount, stated: Amount) -> bool:
    """Whether the headline's figure is a round one (one significant digit: "总投资5亿元", "投资50亿元", "投资百亿")
    that ``stated``, a more precise figure of the lead within 15%, rounds ("5.3亿元", "52.6亿元", "105亿元")."""
    if stated.currency != headline.currency or not headline.value or not stated.value:
        return False
    if _digits(headline.value) == 1:
        return _digits(stated.value) > 1 and 0.85 <= stated.value / headline.value <= 1.15
    # The lead's figure cut short at the headline's last digit ("投资14亿！" over "匡算投资14.25亿元"; since session 70 past
    # the point too: "投资1.5亿上马大项目" over "投资概算1.59亿元").
    place = 10.0 ** (math.floor(math.log10(headline.value)) - _digits(headline.value) + 1)
    return _digits(stated.value) > _digits(headline.value) and headline.value <= stated.value < headline.value + place


# Kinds of works a headline and a lead name (a school by any of its words, "这所学校开建了" over "某县第三中学新校区建设项目").
_WORK_KINDS = {"学校": "学校", "中学": "学校", "小学": "学校", "校区": "学校", "幼儿园": "学校", "学院": "学校", "中专": "学校",
               "职校": "学校", "教学楼": "学校", "实训楼": "学校", "医院": "医院", "院区": "医院", "卫生院": "医院",
               "水厂": "水厂", "污水": "水厂", "供水": "水厂", "公路": "路", "道路": "路", "桥": "桥", "停车": "停车",
               "物流": "物流", "体育馆": "馆", "图书馆": "馆", "博物馆": "馆", "文化馆": "馆", "水库": "水库", "电站": "电站",
               "安置房": "住房", "小区": "住房", "酒店": "酒店"}
_WORK_KIND = re.compile("|".join(sorted(_WORK_KINDS, key=len, reverse=True)))


def _other_kinds_of_work(title: str, sentence: str) -> bool:
    """Whether the headline and the lead's sentence each name a kind of work (_WORK_KINDS) and none is the same."""
    def kinds(text: str) -> set[str]:
        return {_WORK_KINDS[found.group()] for found in _WORK_KIND.finditer(text)}
    told, stated = kinds(title), kinds(sentence)
    return bool(told and stated) and not told & stated


def _digits(value: float) -> int:
    """Significant digits: 5e8 → 1, 5.3e8 → 2."""
    return len(f"{value:.5e}".split("e")[0].replace(".", "").rstrip("0"))


def _same_figure(headline: _Found, stated: Amount) -> bool:
    """Whether ``stated`` is the headline's figure, or the one its bound rounds."""
    same = stated.currency == headline.amount.currency and abs(stated.value - headline.amount.value) <= 0.01 * stated.value
    return same or _precise(headline, stated)


def _restatement(headline: _Found, lead: str) -> Optional[tuple[str, re.Match[str]]]:
    """The lead (normalised) and its first money figure equal to the headline's, or None."""
    text = normalise(lead)
    for match in _AMOUNT.finditer(text):
        stated = _to_amount(match, "project") if match.group("unit") or match.group("cur") else None
        if stated is not None and _same_figure(headline, stated):
            return text, match
    return None


def _restated_as_statistic(headline: _Found, lead: str, lead_amounts: list[_Found]) -> bool:
    """Whether the lead restates the headline's figure, but not as an investment (a statistic).

    The headline sums up the lead: when the lead gives the same money figure and it is none of
    the lead's investments (a period's total, a completed statistic), the headline's is none either.
    Only asked of a headline that reports no stage: one that does (``…开工 总投资超2190亿元``)
    reports an event, whose works the figure is.
    """
    if any(_same_figure(headline, found.amount) for found in lead_amounts):
        return False
    return _restatement(headline, lead) is not None


def _restated_as_tally(headline: _Found, lead: str) -> bool:
    """Whether the lead restates the headline's figure as a span's tally so far, on no event's day ("23个招商项目签约额109.52
    亿元 兰州新区招商引资工作实现开门红" over "今年以来，…截至目前，共引进产业项目23个，签约额109.52亿元": session 32): the
    headline sums up the lead, whatever signing word its figure carries."""
    found = _restatement(headline, lead)
    if found is None:
        return False
    text, match = found
    # (A campaign, "百日大会战", is no day's 大会: read apart here, as the fitted weights read EVENT as it is.)
    sentence = text[_sentence_start(text, match.start()):match.end()].replace("大会战", "攻坚战")
    return bool(_PERIOD.search(sentence) or _SPAN_SO_FAR.search(sentence)) and not _EVENT.search(sentence)


# The event's own batch counted ("此次开工的67个重点项目", "本次集中启动项目45个", "当天签约项目12个").
_THIS_EVENTS_BATCH = re.compile(r"(?:此次|本次|这次|当天|当日)[^，。；,;]{0,10}?(?:\d+|[" + CN_DIGITS + r"]+)(?:多|余)?[个项]"
                                r"(?!分?会场)(?![^，。；,;]{0,8}?中(?=[，,]))")  # (not "…67个重点项目中，工业项目30个", "当天设3个分会场")
# Works talked over or promoted at an event, not signed ("共成功对接65个项目").
_TALKED_BATCH = re.compile(r"对接(?![大洽会活])|洽谈(?![大会活])|推介(?![大会活])|达成[^，。；,;]{0,4}?意向")
_SIGNED_TOTAL = re.compile(r"签约[^，。；,;]{0,6}?(?:总?金?额|总投资)")
# The count that closes a list of the event's projects ("签订总投资15亿元的某光伏项目，…等8个项目签约，总投资53.1亿元").
_LIST_CLOSED = re.compile(r"等[\d一二三四五六七八九十两几]+[个项家]")


def _chosen(text: str, title: str) -> Optional[_Found]:
    """The text's first roundup, else its first amount; a later roundup that sums up the whole event with a
    larger total wins over the first (a part of the event, or its largest project, told before its total).

    Amounts are read only as far as needed: after the first roundup (unless a whole is summed up later), or
    after the first amount when the text counts no projects anywhere (then none of its amounts can be a roundup).
    """
    may_sum_up = bool(_ROUNDUP.search(text) or _SIGNED_SUM.search(text) or _SIGNED_AMOUNT_SUMMED.search(text))
    sums_a_whole = bool(_WHOLE_BATCH.search(text) or _THIS_EVENTS_BATCH.search(text))
    first: Optional[_Found] = None
    roundup: Optional[_Found] = None
    phases: list[_Found] = []  # the first amount is a phase's: the phases and totals of its sentence
    sentence_closes = -1  # where the first roundup's clause ends (；too): a later roundup in it may close its list
    for found in _investment_amounts(text, title):
        if roundup is not None and not sums_a_whole and found.end > sentence_closes:
            break
        if found.is_roundup:
            if roundup is None:
                roundup = found
                sentence_closes = sentence_end(text, found.end - 1, CLAUSE_MARKS)
            elif (found.whole or found.end <= sentence_closes and _LIST_CLOSED.search(text, roundup.end, found.end)
                  and not _NOT_THE_EVENTS_WHOLE.search(text, roundup.end, found.end)) \
                    and found.amount.cny > roundup.amount.cny and found.amount.currency == roundup.amount.currency:
                # "主会场…总投资86亿元；…此次活动共签约项目42个，总投资242亿元": the whole event's; "签订总投资15亿元的某光伏
                # 项目，…等8个项目签约，总投资53.1亿元": the listed projects' total closing their sentence
                roundup = found
            elif (_THIS_EVENTS_BATCH.search(text, _sentence_start(text, found.end - 1), found.end)
                  and "其中" not in text[_sentence_start(text, found.end - 1):found.end]
                  and not _THIS_EVENTS_BATCH.search(text, _sentence_start(text, roundup.end - 1), roundup.end)
                  and _SPAN.search(text, _sentence_start(text, roundup.end - 1), roundup.end)
                  and not _EVENT.search(text, _sentence_start(text, roundup.end - 1), roundup.end)
                  and found.amount.currency == roundup.amount.currency):
                # "今年，全市共实施重点项目772项，计划总投资超5000亿元。…此次开工的67个重点项目，计划总投资267亿元": the year's
                # list told first (a headline of projects started together lets it pass as a batch), the day's batch after
                roundup = found
            elif found.end <= sentence_closes and found.amount.currency == roundup.amount.currency \
                    and _TALKED_BATCH.search(text, _sentence_start(text, roundup.end - 1), roundup.end) \
                    and _SIGNED_TOTAL.search(text, _comma_clause_start(text, found.end - 1, roundup.end), found.end) \
                    and "其中" not in text[roundup.end:found.end]:
                # "共成功对接65个项目，投资总额达362.5亿元，有30个项目上台签约，签约投资总额249亿元": the works signed, not
                # those talked over
                roundup = found
            continue
        if first is None:
            first = found
            if found.phase:
                phases.append(found)
        elif phases and found.end - phases[0].end <= _REACH and (
                found.phase or found.total or not CLAUSE_BREAK.search(text, phases[0].end, found.end - len(found.amount.text))):
            phases.append(found)
        if not may_sum_up and (not phases or len(phases) >= 4 or found.end - phases[0].end > _REACH):
            break
    if roundup is None and len(phases) > 1:
        return _phase_or_whole(text, phases, title)
    if roundup is None and first is not None and (not first.phase or _another_phase_named(title, first.phase)):
        # (A first figure of another phase than the headline's, "投资2亿元的一期项目已于去年投产，此次开工的是二期项目，投资3亿元"
        # under "某公司二期项目开工": the reported phase's own figure, as for a whole told first: session 70's review.)
        return _reported_phases(text, title, first) or first
    return roundup or first


# A static investment ("静态投资72.6亿元，动态总投资86.3亿元") is a part of the total like a phase: interest left out.
_PHASE_BEFORE = re.compile(r"(?:([一二三四五六首]|[1-6])期(?:工程|项目)?|(静)态)(?:总|计划|预计)?$")
_PHASE_NAMED = re.compile(r"([一二三四五六首]|[1-6])期")
# …or named by 的 after its figure ("投资近5000万元的该项目一期工程主体设备、厂房已全部建设完毕": session 70).
_PHASE_AFTER = re.compile(r"(?:人民币)?的(?:该|这个?|此)?(?:项目|工程)?([一二三四五六首]|[1-6])期")
_PHASE_DIGITS = str.maketrans("123456", "一二三四五六")  # "2期" in a headline is the body's "二期", and back


# A text (a headline or a body) that opens with its news's figure alone, as a cry ("18亿元！德清…再添重大项目",
# "投资12亿元！12月20日，…项目正式签约"): the figure belongs to the clause after it, as if a comma stood there.
_OPENING_FIGURE = re.compile(r"^(\s*(?:总投资|投资|总额|签约)?[约超近逾达]?[\d.]+(?:万亿|亿|千万|万)(?:元|美元|港元|港币|欧元|日元)(?:人民币)?)[！!]")


# The phase an untitled story reports, with its verb, before its first figure ("近日，皇家鹿苑文旅项目二期建设项目破土动工。
# …项目计划总投资11亿元，…二期…计划投资4.5亿元"); a headline needs no verb ("宏福集团制鞋二期项目奠基", _reported_phases).
_PHASE_REPORTED = re.compile(r"([一二三四五六首]|[1-6])期[^，。；,;！!？?]{0,24}?(?:签约|开工|动工|奠基|开建|破土|投产|竣工|建成|启动)")
_PHASE_CLOSES = re.compile(r"[。；;！!？?]")
_PHASE_DRAWS_IN = re.compile(r"吸引|带动|撬动|拉动|引进|配套企业")


def _reported_phases(text: str, title: str, whole: _Found) -> Optional[_Found]:
    """The figure of the phase the story reports (the one phase its headline names; untitled, the phase its opening
    reports with a verb), when the text states the whole project's total first and that phase's own figure after it
    ("项目计划总投资11亿元，分三期实施，其中，一期…；二期…计划投资4.5亿元" under a headline of the 二期's start): the news is
    the phase's, as its readers label it. None when no phase is reported, or the reported phase has no figure of its own
    within the next two paragraphs' reach."""
    # (a headline as _phase_or_whole reads it: any phase it names; untitled, every phase the opening names before the
    # whole's figure, reported or not, "一期竣工投产，二期同步开工" telling two; never an event's issue, "第一期")
    read, end = (title, len(title)) if title.strip() else (text, max(whole.end - len(whole.amount.text), 0))
    phases = {named.group(1).translate(_PHASE_DIGITS) for named in _PHASE_NAMED.finditer(read, 0, end)
              if read[max(named.start() - 1, 0):named.start()] != "第"}
    if not title.strip() and not _PHASE_REPORTED.search(text, 0, end):
        phases = set()
    if len(phases) != 1:
        return None  # none reported, or two ("一期竣工 二期开工"): the whole project's
    wanted = phases.pop()
    for found in _investment_amounts(text[:whole.end + 2 * _REACH], title):
        if found.end <= whole.end or found.is_roundup or found.bound \
                or _PHASE_DRAWS_IN.search(text, _comma_clause_start(text, found.end - len(found.amount.text), 0), found.end):
            continue  # (not what the phase draws in: "一期项目建成后，将吸引配套企业投资8亿元": review48b)
        start = found.end - len(found.amount.text)
        # The phase its part of the sentence names: the nearest "N期" since the last full stop or semicolon.
        closes = [m.end() for m in _PHASE_CLOSES.finditer(text, max(start - _REACH, whole.end), start)]
        named = list(_PHASE_NAMED.finditer(text, closes[-1] if closes else max(start - _REACH, whole.end), start))
        if named and named[-1].group(1).translate(_PHASE_DIGITS) == wanted:
            return found
    return None


def _another_phase_named(title: str, phase: str) -> bool:
    """Whether the headline names a phase other than ``phase``."""
    named = _PHASE_NAMED.search(title)
    return named is not None and named.group(1).translate(_PHASE_DIGITS) != phase.translate(_PHASE_DIGITS)


def _phase_or_whole(text: str, found: list[_Found], title: str) -> _Found:
    """Of a first phase's amount and the amounts after it: the phase the headline names ("玉环：精工阀门二期项目开工"
    over "一期总投资3.2亿元，…；二期总投资5.8亿元，今天正式开工"), else the whole project's total stated with it
    ("一期投资15亿元，二期投资25亿元，总投资40亿元", "首期投资5亿元、总投资20亿元的…项目"; a total's word: not what
    the phase draws in, "建成后将带动上下游企业投资30亿元"), else the first."""
    named = _PHASE_NAMED.search(title)
    if named:
        for one in found:
            if one.phase and one.phase.translate(_PHASE_DIGITS) == named.group(1).translate(_PHASE_DIGITS):
                return one
        # (no figure of the named phase: not another phase's, "投资2亿元的一期项目已于去年投产，此次开工的是二期项目，投资3亿元"
        # under "某公司二期项目开工": session 70's review)
        return next((one for one in found if not one.phase), found[0])
    # (No other work's total told after the phase: the park it lies in, a work beside it or an earlier one, "投资近5000万元的
    # 该项目一期工程…。项目所在的某产业园总投资20亿元", "…此外，相邻的总投资2亿元的某物流园项目": session 70's second review.)
    whole = [one for one, before in zip(found[1:], found) if not one.phase and one.total
             and one.amount.currency == found[0].amount.currency and one.amount.value > found[0].amount.value
             and not _ANOTHER_PLACES_TOTAL.search(
                 text, max(before.end, _sentence_start(text, one.end - 1),
                           _comma_clause_start(text, one.end - len(one.amount.text), 0)), one.end)]
    return whole[0] if whole else found[0]


# (Not a later phase in the whole's own clause: "二期建成后总投资达30亿元", "全部三期建成后总投资25亿元": session 71's review.)
_ANOTHER_PLACES_TOTAL = re.compile(r"所在|" + _ANOTHER_WORK.pattern.replace("|[二三四五]期", "") + "|" + _RECALLED_WORK.pattern)


def _counted_near(title: str, lead: str, amount_text: str) -> bool:
    """Whether the projects counted stand in the headline or in the amount's own sentence of the lead: a count
    in another sentence is another tally ("今年，全市计划实施交通重点项目98个。…该项目总投资12亿元"), whose own
    amount the sentence reading (_investment_amounts) has already judged."""
    if _ROUNDUP.search(title):
        return True
    found = the_figure(amount_text).search(lead)  # (as written: "5亿元" is not inside "12.5亿元")
    if found is None:
        return False
    at = found.start()
    sentences = Marks(lead, SENTENCE_MARKS)
    return bool(_ROUNDUP.search(lead, sentences.start_before(at), sentences.first_from(at)))


# (Session 62) A due word a few characters before a headline's month ("预计今年9月份可建设完成", "预计于9月份", "力争明年6月份",
# "预计2025年9月份"): the work's date, no span (the code review: fixed-width lookbehinds missed most forms).
_DUE_BEFORE = re.compile(r"(?:预计|计划|力争|争取|将|有望|可望|确保|定于)[于在到]?(?:今年|明年|年内|\d{4}年)?$")
_DUE_READ = 10


def _tally_word(headline: str) -> bool:
    """Whether the headline holds a span's or a campaign's word (_TALLY_HEADLINE), a due month not counted."""
    return any(not (found.group().endswith("月份")
                    and _DUE_BEFORE.search(headline, max(0, found.start() - _DUE_READ), found.start()))
               for found in _TALLY_HEADLINE.finditer(headline))


# A headline that sums up a span or a campaign rather than reporting a day's event: "前三季度林州市新开工亿元以上项目53个",
# "今年以来江北区新开工项目41个", "9月份桐城市备案企业投资项目17个", "福安市一季度招商“开门红”" (its 一季度), "某县2024年
# 重点项目计划出炉", "…重点项目观摩综述", "…召开项目建设半年推进会". (A drive's words, "百日攻坚", "交出亮眼答卷": _CAMPAIGN_HEADLINE.)
_TALLY_HEADLINE = re.compile(r"以来(?!最|首|第一)|累计|截至|截止|[一二三四]季度|前[两三]季度|上半年|下半年|全年|过去一年|(?<![上下前后的])半年(?=[^，。；\s]{0,8}?(?:签约|引进|落地|开工)[^，。；\s]{0,8}?\d+[个项])|(?<!\d)\d{1,2}月份|\d{1,2}\s?[—–\-~至]\s?\d{1,2}\s?月"
                             # a five-year plan's years ("“十三五”期间 某市投资1.84亿元用于…文保单位维修保护") and a holiday's
                             # ("怀化春节假期签约项目14个": session 57)
                             r"|" + FIVE_YEAR_PLAN
                             # (a holiday's count only: "春节期间某高速公路项目不停工" is one work's news, review57b)
                             + r"|" + HOLIDAY + r"[^，。；\s]{0,10}?(?:签约|引进|落地|开工)[^，。；\s]{0,8}?\d+[个项]"
                             r"|综述"
                             # last year's, or a drive's results ("去年签约项目472个…", "某州招商引资工作取得可喜成果")
                             r"|^\s*(?:去年|上年)|招商(?:引资)?工作(?:取得|成效|成果)"
                             # a year's list of key works put out ("今年首批省重点项目名单“出炉”", "湖北发布2026年省级重点项目清单")
                             # (session 61: "松江区今年116项重大工程项目出炉，总投资3569亿元")
                             r"|(?:计划|名单|清单)出炉|(?:重点|重大)(?:建设)?(?:工程)?项目(?:正式)?出炉|(?:发布|印发|下达|公布)[^，。；\s]{0,12}?(?:重点|重大)(?:建设)?项目(?:清单|名单|计划)"
                             # a tour of works, not a visit to one named work ("…与会人员观摩蟠龙新区装备制造业园项目")
                             r"|观摩(?!(?:(?!重点|重大|一批|项目建设|\d|[两二三四五六七八九十]+个)[^，。；\s、]){0,30}?(?:项目|工程|基地|产业园)\s*$)"
                             # a year's list of key works ("湖南今年铺排324个省重点建设项目", "某市2024年安排市重点项目476个")
                             r"|(?:今年|\d{4}年度?)[^，。；\s]{0,4}?(?:铺排|安排|确定|谋划)[^，。；\s]{0,8}?\d+[个项宗]"
                             # a meeting of a span or an area, not of one work ("某新能源电池项目推进会")
                             r"|(?:半年|季度|年度|全[市县区省]|项目建设|固定资产投资|招商|工作|经济)[^，。；\s]{0,14}?(?:推进会|座谈会|工作会|总结会|调度会)"
                             r"|\d+个项目入选"  # a list they joined ("沭阳8个项目入选2024年省重大项目清单")
                             # key works' investment completed ("某县重点项目完成投资13亿元"): a span's progress
                             r"|(?:重点|重大)项目[^，。；\s]{0,4}?完成(?:年度)?投资(?=[^，。；\s]{0,3}?\d)")
# A place's campaign ("兰州新区：…高质高效推进重点项目建设", "某高新区：…，项目建设“提档加速”", "重点项目冬季大会战"): its works'
# figures are examples when the story goes from work to work (_campaign_goes_on), not when it tells one work ("某县：项目建设
# 跑出“加速度”" over one 纺织产业园, "某高速公路项目打响冬季施工大会战", nor a named work's "某医院项目建设加速推进").
_CAMPAIGN_HEADLINE = re.compile(r"(?:推进|加快|加速|推动|提速)[^，。；\s]{0,6}?(?:重点|重大)项目建设"
                                # a drive's results ("百日攻坚", "开门红", "交出亮眼答卷"): a tally when the story goes on over
                                # works, not when it tells one ("答好“项目答卷”" over one 粮食储备库's 总投资)
                                r"|百日攻坚|攻势|项目建设季|开门红|答卷"
                                r"|(?:(?:重点|重大)|(?<=[：:，,\s“]))项目建设[“”\"]?(?:提档|提速|加速|跑出|驶入|按下|热潮|如火如荼|火热"
                                r"|快马加鞭|马力全开)|大会战")
# A tour of a place's key works ("区人大常委会组织代表视察重点项目建设", "市领导督导检查重大项目建设"): a summary too when it
# goes from work to work (先后, 随后, two totals), not when it visits one ("市委书记调研重点项目建设。在总投资26亿元的某项目
# 现场…": that work's news).
# A lead's span: "今年以来", "前7个月", "今年1至10月", "截至3月底", "1-8月".
_TALLY_LEAD = re.compile(r"攻坚战|取得(?:丰硕|可喜|显著|明显)成[果效]|以来|近年来|近几年|多年来|截至|截止|前[\d一二三四五六七八九十]{1,2}个?月|\d{1,2}\s?[—–\-~至到]\s?\d{1,2}\s?月|[一二三四]季度|前三季度|上半年|全年"
                         r"|^[\s。！？!?；;]*(?:今年|\d{4}年)[，,]?[^，。；,;]{0,8}?(?:安排|实施|确定|谋划|铺排|共(?:签约|上报|引进|实施|开工|新开工|落地))")  # a year's list ("2024年,我县安排重点项目91宗")
# A span's works counted, or its investment done ("今年前三季度，全市重点项目共完成投资190亿元", "一季度完成招商引资项目签约8个").
_TALLIED_WORKS = re.compile(r"项目(?:共计|共有|共|达到?|有|签约|开工|竣工|投产|落地)?\s?[\d两二三四五六七八九十百千]{1,12}\s?(?:多|余)?[个项宗]"
                            r"|(?<![\d两二三四五六七八九十百千])[\d两二三四五六七八九十百千]{1,12}\s?(?:多|余)?[个项宗][^，。；,;]{0,12}?项目"
                            r"|项目[^，。；,;]{0,4}?完成(?:了)?(?:年度)?投资")
_OFFICIALS_VISIT = r"视察|督导|督查|调研"  # (the headline's tour adds 检查, 巡查; the lead's 观摩, 现场会)
_TOUR_HEADLINE = re.compile(r"(?:" + _OFFICIALS_VISIT + r"|检查|巡查)[^，。；\s]{0,8}?(?:重点|重大)项目")
# A lead's visit to works told stop by stop ("组织专项调研活动，…实地考察项目建设进展" … "调研首站来到…", "与会人员奔赴14个点位",
# "督查组先后前往…等点位"): a tour too, its works' figures examples.
# (Officials' visits: not an investor's 考察 of a place, nor a safety 检查 of one work.)
_TOUR_LEAD = re.compile(r"(?:" + _OFFICIALS_VISIT + r"|观摩|现场会)[^。；\n]{0,30}?项目|项目[^。；\n]{0,16}?(?:" + _OFFICIALS_VISIT + r"|观摩)")
# (Session 60) A delegation's study tour of a place ("…一行12人赴某区就畜牧业发展情况进行学习考察"): its stops' figures too,
# unless the tour signs a deal ("…签约项目6个，总投资38亿元", "随后双方签订投资协议": review60b).
_STUDY_TOUR = re.compile(r"学习考察|观摩学习|参观学习|考察学习|观摩考察")
_TOUR_SIGNS = re.compile(r"签约|签订|签署")
# Stops named as such ("首站", "首先考察了某牧场项目"), or two works visited one after the other ("先后来到某项目现场、某项目
# 现场"; not "随后来到某经开区").
_STOPS = re.compile(r"首站|下一站|(?:\d+|[两二三四五六七八九十]+)个点位|等点位|首先(?:考察|参观|来到|察看|前往)"
                    r"|先后(?:来到|前往|深入|调研|察看|视察)[^。；\n]{0,40}?(?:、|和|及)"
                    # (session 36) works counted on a tour ("先后在洛南、商州…现场观摩了9个重大项目", "对…等3个项目进行观摩")
                    r"|先后在[^。；\n]{0,40}?(?:、|和|及)|观摩了?[^。；\n]{0,6}?(?:\d+|[两二三四五六七八九十]+)个"
                    r"|(?:\d+|[两二三四五六七八九十]+)个(?:重点|重大)?项目进行(?:观摩|调研|视察)")
_TOUR_READ = 2000  # the stops are told near the lead
_FROM_WORK_TO_WORK = re.compile(r"先后|随后|一行还")
_TOTAL_WORD = re.compile(r"总投资")
# (session 68) …with its figure: one work's total restated ("总投资50亿元的某项目成功落户…。…项目总投资50亿元") is one work.
_TOTAL_FIGURE = re.compile(r"总投资(?:额)?(?:为|达到?|约|近|超过?|逾)?\s*([\d.]+\s*(?:万|亿)*)")
# …and a headline that reports the day's event all the same ("我市上半年签约项目超200个 今日再签约18个", "某市一季度重大项目
# 集中开工", "…签约仪式举行").
# (Besides a stage the headline reports, read by find_stage: the stage words are its, not listed twice.)
_DAYS_EVENT = re.compile(TODAY.pattern + r"|集中|仪式|上马|落户|落地(?!有声)|揭牌|开幕|闭幕|落幕|开业")  # 落地有声: "results show", an idiom
_QUOTES = re.compile(r"[“”\"‘’]")  # "2023年自治区本级“155”重点项目计划“出炉”"
# A span's report by its name ("…项目情况", "…情况通报").
_REPORT_HEADLINE = re.compile(r"情况(?:通报|汇报)?\s*$|通报\s*$")


_DAY_OF_RELEASE = re.compile(r"(?:近日|日前)[^，。；,;]{0,6}?(?:提供|发布|公布)的?(?:数据|统计)")


def _tally_story(title: str, lead: str, body: str = "") -> bool:
    """Whether the story sums up a span or a campaign (its headline says so and reports no day's event, nor does its
    lead's first sentence): the figures such a story states are the span's tallies, a recalled event's ("4月份，全市二季度
    重大项目集中开工活动中，永城开工项目18个，总投资96亿元") or its example works' ("其中，投资12亿元的新型建材产业园项目
    已完成土地摘牌"), none of them a project's news: readers label no amount. A headline's stage verb counts as the day's
    event only outside a tally word's phrase ("寿光市“项目建设季”累计开工项目62个" is the tally's)."""
    if not title.strip():
        # No headline: a lead whose first sentence is a span's tally of works ("前7个月，丹东市开复工投资500万元以上项目733个，
        # 开复工率99.7%", "今年1至10月，大田县实施技改项目298项，完成投资100.26亿元") heads the story as such a headline would.
        first = lead[:sentence_end(lead, 0)] if lead else ""
        if (_TOUR_HEADLINE.search(first) or _TOUR_LEAD.search(first)
                or _STUDY_TOUR.search(first) and not _TOUR_SIGNS.search(body, 0, _TOUR_READ)) and _STOPS.search(body, 0, _TOUR_READ):
            # A lead that tours a place's key works ("9月24日，…代市长杨孟富调研部分重点项目建设情况。…先后来到某项目现场、
            # 某项目现场…"): its works' figures are the tour's examples, as a headline's tour (below).
            return True
        # (…nor does its next sentence report the day's event: "今年全市计划实施重点项目300个。此次集中开工项目58个")
        two = lead[:sentence_end(lead, len(first) + 1)] if lead else ""
        # (A day word of the figures' release is no event: "某市商务局近日提供的数据显示，该市一季度…签约8个", session 40.)
        if TODAY_EVENT.search(two) or _EVENT_IN_LEAD.search(two) or _EVENT.search(_DAY_OF_RELEASE.sub("", two)):
            return False
        # (…or a scene-setting first sentence before it: "三季度是传统的施工“黄金期”。10月31日，市发展改革委发布消息称，今年
        # 三季度市级重大项目共完成投资986.5亿元")
        second = two[len(first):] if not _TALLIED_WORKS.search(first) and not _INVEST.search(first) else ""
        return any(_TALLY_LEAD.search(part) and _TALLIED_WORKS.search(part) for part in (first, second) if part)
    headline = _QUOTES.sub("", title)
    if not _tally_word(headline) and not (_CAMPAIGN_HEADLINE.search(headline) and _campaign_goes_on(title, lead, body)) \
            and not (_TOUR_HEADLINE.search(title) and _tour_goes_on(title, body)):
        return _count_tallied_below(headline, body)
    first = lead[:sentence_end(lead, sentence_end(lead, 0) + 1)] if lead else ""  # its first two sentences
    opening = lead[:sentence_end(lead, 0)] if lead else ""  # the lead's first sentence
    if TODAY_EVENT.search(first) or _EVENT_IN_LEAD.search(first) or (_DAY_WORD.search(opening) and find_stage("", opening)):
        return False  # the lead reports the day's event ("近日，某县与某集团签约，项目总投资50亿元")
    if _REPORT_HEADLINE.search(title):
        return True  # "2018年1-8月份招商引资签约和跟踪在谈项目情况": the span's report, its stage words the tally's
    return not any(_DAYS_EVENT.search(part) or find_stage(part, "") for part in _TALLY_PHRASE.split(title) if part)


def _count_tallied_below(headline: str, body: str) -> bool:
    """Whether a headline's count of works at a stage with no span word ("驿城区签约5000万元以上项目34个") is the body's
    tally: its opening paragraphs give the same count over a span ("今年以来，…至目前，全区共签约5000万元以上项目34个"),
    on no day's event (session 54)."""
    phrase = _TALLY_PHRASE.search(headline)
    if phrase is None or _DAYS_EVENT.search(headline) or _EVENT_IN_LEAD.search(headline):
        return False
    count = re.search(r"(\d+)个$", phrase.group())
    if count is None:
        return False
    opening = "\n".join(story_paragraphs(body)[:2])
    for restated in re.finditer(r"项目\s*" + count.group(1) + r"个", opening):
        start = _sentence_start(opening, restated.start())
        sentence = opening[start:sentence_end(opening, restated.start())]
        if (_TALLY_LEAD.search(opening, start, restated.start()) or "至目前" in opening[start:restated.start()]) \
                and not TODAY_EVENT.search(sentence) and not _EVENT_IN_LEAD.search(sentence) and not _EVENT.search(sentence):
            return True
    return False


def _tour_goes_on(title: str, body: str) -> bool:
    """Whether a tour of key works goes from work to work (先后, 随后, two totals), not to one work."""
    return bool(_FROM_WORK_TO_WORK.search(body)) or len(_TOTAL_WORD.findall(body)) > 1 and not _one_total_restated(title, body)


# A work's site visited ("在某产业园项目现场", "来到某项目建设现场"): a tour visiting two has two works, whatever their figures.
_SITE_VISITED = re.compile(r"(?:项目|工程)(?:建设|施工)?现场")


def _one_total_restated(title: str, body: str) -> bool:
    """Whether every 总投资 of the body states one figure, the headline's too ("总投资50亿元 某县迎来招商引资“开门红”" over
    "总投资50亿元的某项目成功落户…。…项目总投资50亿元") or with one work's site visited: one work told twice, no tour of
    works (session 68; two works' sites of the same figure under a headline that states none stay a tour: the code review)."""
    figures = [re.sub(r"\s", "", figure) for figure in _TOTAL_FIGURE.findall(body)]
    return bool(figures) and len(figures) == len(_TOTAL_WORD.findall(body)) and len(set(figures)) == 1 \
        and (figures[0] in re.sub(r"\s", "", title) or len(_SITE_VISITED.findall(body)) <= 1)


def _campaign_goes_on(title: str, lead: str, body: str) -> bool:
    """Whether a campaign's story tells several works (from work to work, two totals, or works counted) or opens on the
    place's works as a whole ("某高新区坚持把项目建设作为关键抓手。", "近年来，某市一大批重大项目达产达效。"), not on one work
    ("某县某纺织产业园项目现场一片繁忙。该项目总投资18亿元…")."""
    opening = lead[:sentence_end(lead, 0)] if lead else ""
    return _tour_goes_on(title, body) or bool(_TALLIED_WORKS.search(body)) or bool(_PLACES_WORKS_OPENING.search(opening))


_PLACES_WORKS = re.compile(r"一大?批|项目建设|(?:重点|重大)项目")
# …as the place's own subject ("某高新区坚持把项目建设作为关键抓手", "一大批重大项目达产达效"), not one work's ("作为今年省重点
# 项目，某纺织产业园项目…", "某项目建设现场一派繁忙")
_PLACES_WORKS_OPENING = re.compile(r"一大?批|把(?:重点|重大)?项目建设|(?:全[市县区]|各地|(?<![该本])[市县区州旗])[^，。；,;]{0,4}?"
                                   r"(?:重点|重大)项目(?!之一)")  # "哈密市重点项目工地现场热火朝天"


def tally_story(title: str, body: str) -> bool:
    """Whether the story sums up a span, a campaign or a tour (see _tally_story): a story reporting no one work's news."""
    return _tally_story(title, next(iter(story_paragraphs(body)), ""), body)


# A tally's own phrase in a headline, cut out before looking for the day's event: "累计开工项目62个", "新开工亿元以上项目53个",
# "新签约项目27个", "核准备案能源项目215个", "审批核准备案项目56个".
_TALLY_PHRASE = re.compile(r"(?:累计|新|已|共|再)?(?:开复工|开工|签约|(?<=新)签|竣工|投产|审批|核准|备案|引进|落地)[^，。；、\s]{0,14}?项目\d+个"
                           r"|(?:累计|新|已|共)(?:开复工|开工|签约|竣工|投产|审批|核准|备案)[^，。；、\s]{0,14}?\d+个"
                           # a tally's signed sum as a noun ("签约投资额61.7亿元", "签约总额"; session 58)
                           r"|签约(?:投资)?(?:额|总额|金额)[^，。；、\s]{0,4}?\d[\d.]*(?:万|亿)")
# A day's ceremony opening the lead ("10月18日上午，某市一季度重大项目集中签约仪式举行").
_DAY_WORD = re.compile(r"日前|近日|昨日|\d{1,2}月\d{1,2}日")
_EVENT_IN_LEAD = re.compile(r"集中(?:签约|开工|开竣工|竣工|投产)|仪式|昨晚|今晚|闭幕|落幕|此次|本次")


def _one_work_reported(body: str, found: _Found) -> bool:
    """Whether an untitled tally's amount is one work its sentence tells of, listing no others ("…省重点项目完成投资198亿元。
    其中，总投资45亿元的芜湖某产业园一期已竣工投产": that work's, as session 18's probes label it; not "投资21.1亿元的风机电气
    控制装备制造、投资20.1亿元的锂电储能…等项目")."""
    if found.is_roundup:
        return False
    at = found.end
    sentence = body[_sentence_start(body, at - 1):sentence_end(body, at - 1)]
    # …and tells its own news: a stage or a step it has reached ("已竣工投产"), not the tally's ("与某公司签订的项目计划投资20亿元",
    # one of "今年前5个月，全县新签约项目共10个" that the story sums up).
    return "、" not in sentence and sentence.count("亿元") + sentence.count("万元") <= 2 and bool(_OWN_NEWS.search(sentence))


_OWN_NEWS = re.compile(r"已|正式|日前|近日|今天|昨天|顺利")  # "已完成主体建设", "已经进入设备安装阶段", "正式投产"


def _opening(body: str, paragraphs: int, sentences_only: bool = False) -> str:
    """``body`` up to the end of its first ``paragraphs`` paragraphs (a prefix: positions hold). A page's short line without
    a full stop (under _CHROME_LINE characters: a section name, a repeated headline, a photo caption) counts as none; with
    ``sentences_only``, neither does a line without a sentence's marks ("2018-05-21 09:21:08 来源: 某某日报")."""
    end = 0
    for found in _LINE.finditer(body):  # (not "[^\n]*\S[^\n]*": quadratic on a line of blanks)
        line = found.group().strip()
        if not line:
            continue
        end = found.end()
        if len(line) < _CHROME_LINE and "。" not in line or sentences_only and not _SENTENCE_MARK.search(line):
            continue  # a page's short line ("项目建设", a repeated headline, a subtitle) is no paragraph of the story
        paragraphs -= 1
        if not paragraphs:
            break
    return body[:end]


_CHROME_LINE = 24
_LINE = re.compile(r"[^\n]+")
_SENTENCE_MARK = re.compile(r"[。，,；;！!？?、]")


# (Session 62) A headline's count of its batch's works ("安溪47个项目集中开竣工", "河源源城28项目集中签约"), and the counts a
# sentence gives before its figure ("…共有221个项目参加，总投资1373亿元").
_HEADLINE_COUNT = re.compile(r"(?<![\d.])(\d+)\s*(?:个|项|宗)?(?:重点|重大|产业)?(?:项目|工程)")
_COUNT_IN_SENTENCE = re.compile(r"(?<![\d.])(\d+)\s*(?:个|项|宗)(?:重点|重大|产业|招商|在建|新开工)?(?:项目|工程)"
                                # (works counted, not places: "…12个县区…": the code review)
                                r"|(?:项目|工程)[^，。；,;\d]{0,6}?(?<![\d.])(\d+)\s*(?:个|项|宗)(?![\u4e00-\u9fff]{0,2}(?:县|区|乡|镇|村|会场))")


def _headline_batch(title: str, body: str, chosen: _Found) -> Optional[_Found]:
    """The batch the headline counts, when the body's first total is a wider batch's that counts other works: "安溪47个
    项目集中开竣工" over "此次开竣工活动共有221个项目参加，总投资1373亿元。安溪县列入本次集中开竣工重大项目47个，总投资202亿元"
    (the city's event told first, the county's share of it after). None when the headline counts nothing, the first
    total's sentence counts no works or the headline's own number (the whole told first: "50个重大项目…总投资约486亿元"
    before "50个重大项目中…12个，总投资超420亿元"), or no later total in reach counts them (not a part: 其中)."""
    counted = _HEADLINE_COUNT.search(title)
    if counted is None:
        return None

    def counts(found: _Found) -> set[str]:
        sentence = _sentence_start(body, found.end - 1)
        return {m.group(1) or m.group(2) for m in _COUNT_IN_SENTENCE.finditer(body, sentence, found.end)}

    first = counts(chosen)
    if not first or counted.group(1) in first:
        return None
    for found in _investment_amounts(body[:12 * _REACH], title):
        if found.is_roundup and found.end > chosen.end and found.amount.currency == chosen.amount.currency \
                and "其中" not in body[_sentence_start(body, found.end - 1):found.end] \
                and counted.group(1) in counts(found):
            return found
    return None


# (Session 62) A sentence about the work this event reached ("此次启动的教学团组项目，…总投资2.6亿元", "本次开工建设的综合
# 业务楼项目…"), a clause or two of context before it at most.
_THIS_EVENTS_WORK = re.compile(r"(?:[^，。；,;]{0,8}?[，,]){0,2}?(?:此次|本次)(?:集中)?(?:启动|开工|动工|签约|开建|奠基|投产|竣工)(?:建设)?的"
                               r"(?!同时|还有|时候|时|为)")  # (not "此次签约的同时，…", "本次签约的还有…": review62a)
_PART_AMONG = re.compile(r"其中|[^，。；,;]中[，,]|之一|配套")


def _this_events_work(title: str, body: str, chosen: _Found) -> Optional[_Found]:
    """A later figure of the work the story's event reached, when the first figure is another's: a phase's or a whole
    project's told first ("…二期工程建设项目…计划投资8.9亿元" before "此次启动的教学团组项目，…总投资2.6亿元"). None when the
    first figure's own sentence is the event's work, or no later figure in reach is; a phase's figure is not (the
    whole project's stands: "总投资15亿元。此次开工的项目一期投资6亿元", session 20's review)."""
    def of_this_event(found: _Found) -> bool:
        return bool(_THIS_EVENTS_WORK.match(body, _sentence_start(body, found.end - 1)))

    if of_this_event(chosen):
        return None
    return next((found for found in _investment_amounts(body[:12 * _REACH], title)
                 if found.end > chosen.end and found.amount.currency == chosen.amount.currency and not found.phase
                 and not found.is_roundup and of_this_event(found)
                 # (nor a phase named before the figure in its sentence: "此次开工的为项目一期，投资6亿元")
                 and not _PHASE_NAMED.search(body, _sentence_start(body, found.end - 1), found.end)
                 # (nor a part among the event's works or a work supporting it: "此次开工的项目中，标准化厂房投资2亿元",
                 # "此次开工的配套道路工程，投资6000万元": the code review)
                 and not _PART_AMONG.search(body, _sentence_start(body, found.end - 1), found.end)
                 and not _SUPPORTING_WORKS.search(body, _sentence_start(body, found.end - 1), found.end)
                 # (nor a batch it is one of: "此次开工的项目是某县…集中开工12个项目之一，12个项目总投资46亿元": review62a)
                 and not _COUNT_IN_SENTENCE.search(body, _sentence_start(body, found.end - 1), found.end)),
                None)


def find_investment(title: str, body: str) -> Optional[Amount]:
    """The project's investment the story states, or None.

    The headline's amount wins over the body's, unless the headline states a bound
    (``总投资超4000亿元``) that the lead's figure (``4523亿元``) fills in; in the body the first
    one does (the lead paragraph states the project, later ones often its phases or a
    comparison). A roundup's stated total wins over its single projects.
    """
    lead = next(iter(story_paragraphs(body)), "")
    tally = _tally_story(title, lead, body)
    if tally and title.strip():
        return None  # a span's or a campaign's summary: its figures are tallies, its works examples (see _tally_story)
    # A story whose headline or lead counts several projects reports their total.
    roundup_story = bool(_ROUNDUP.search(title) or _ROUNDUP.search(lead))
    for text in (title, body):
        chosen = first_pick = _chosen(text, title)
        if chosen is None:
            continue
        if text is body and chosen.is_roundup and _one_works_headline(title) and not _ROUNDUP.search(title) \
                and not _BATCH_HEADLINE.search(title) and (find_stage(title, "") is not None or _ONE_WORK_ARRIVES.search(title)):
            # A headline reporting one work's stage ("汉川市年产50万吨再生铝项目开工") over the body's batch of the day that
            # the work was part of ("全省共集中开工项目1205个，总投资5380亿元。…该项目总投资28亿元"): the work's own figure.
            # (The lead and the next paragraph: a dateline line above them is neither.)
            opening = _opening(body, 2, sentences_only=True)[:4 * _REACH]
            own = next((found for found in _investment_amounts(opening, title)
                        if not found.is_roundup
                        and not _SUPPORTING_WORKS.search(opening, _sentence_start(opening, found.end - 1), found.end)), None)
            if own is None:
                # (Session 59) …or told later, in a sentence that names the headline's work (four characters running of
                # the headline: "蒲城古陶文化产业园由某公司开发建设，预计总投资5亿元" under "…蒲城古陶文化产业园开工" over "此次共
                # 集中开工4个项目，总投资12.5亿元"); no phase's, earlier or other work's.
                # (The headline's part after its place's colon names the work: "岳阳经开区：新材料产业园项目开工", not
                # 岳阳经开; a phase only when the headline names it, "…产业园一期项目开工"; no works supporting it,
                # "为保障…产业园建设，…同步投资1.5亿元实施…配套工程": review59c.)
                later, work = body[:12 * _REACH], re.split(r"[：:]", title)[-1]
                own = next((found for found in _investment_amounts(later, title)
                            if not found.is_roundup and found.end > chosen.end
                            and (not found.phase or found.phase + "期" in work)
                            and _writes_a_run_of(work, later[_sentence_start(later, found.end - 1):found.end], 4)
                            and not _SUPPORTING_WORKS.search(later, _sentence_start(later, found.end - 1), found.end)
                            and not _EARLIER_WORK.search(later, _sentence_start(later, found.end - 1), found.end)
                            and not _ANOTHER_WORK.search(later, _sentence_start(later, found.end - 1), found.end)), None)
            if own is not None:
                chosen = own
        elif text is body and chosen.is_roundup and lead and not _ROUNDUP.search(title) \
                and chosen.end > body.find(lead) + len(lead):
            # A lead that states its one project ("…签约，标志着投资5亿元的某旅游项目正式落户") over a later paragraph's
            # batch or tally (the fair's, the city's: "本次西洽会该县已经集中签约68个，总投资101.9亿元").
            own = _chosen(lead, title)
            if own is not None and not own.is_roundup and not _PART_OF_THE_BATCH.search(lead):
                chosen = own
        if text is body and chosen.is_roundup:
            chosen = _headline_batch(title, body, chosen) or chosen
        elif text is body and chosen is first_pick:  # (not over the headline's or the lead's own work chosen above)
            chosen = _this_events_work(title, body, chosen) or chosen
        lead_amounts = list(_investment_amounts(lead, title)) if text is title and lead else []
        # (Session 71) A lead of no money at all, a subheading line ("共建设项目150余项"), leaves the restating to the next
        # paragraph ("…全年计划投资135亿元，共建设项目150余项…" under "2011年天津港建设投资135亿").
        # (Not under a headline naming one work, "某县投资3亿元建设污水处理厂": its figure restated later is the work's,
        # session 71's second review.)
        restating = lead if text is body or _ONE_WORK_NAMED.search(title) \
            or any(m.group("unit") or m.group("cur") for m in _AMOUNT.finditer(lead)) else _opening(body, 2)[:4 * _REACH]
        if text is title and (find_stage(title, "") is None
                              and _restated_as_statistic(chosen, restating, list(_investment_amounts(restating, title))
                                                         if restating is not lead else lead_amounts)
                              or _restated_as_tally(chosen, restating)):
            continue  # "前11个月我国交通固定资产投资超3万亿元" over "1—11月，我国完成…投资3.6万亿元"
        # The lead's figure the headline's bound or round figure stands for: its first, or for a bound a later one
        # that fits it when the lead tells the largest project first ("总投资突破200亿元 襄阳一批项目集中签约" over
        # "…项目投资50亿元，为本次签约最大项目。当天共签约项目24个，总投资206.8亿元").
        # (A headline's figure the opening states as written is no rounding of another: "某县投资1.2亿元建设第二中学" over "…投资
        # 1.26亿元的人民医院门诊楼项目竣工。与此同时，投资1.2亿元的某县第二中学项目开工": session 70's review.)
        restated = text is title and bool(the_figure(chosen.amount.text).search(_opening(body, 2)[:4 * _REACH]))
        filled = next((found for i, found in enumerate(lead_amounts) if _precise(chosen, found.amount)
                       or i == 0 and not restated and _rounded(chosen.amount, found.amount)
                       and not _EARLIER_WORK.search(lead, _sentence_start(lead, found.end - 1), found.end)
                       # (a figure cut short past the point is no other kind of work's: "某县投资1.5亿元建设第二中学" is not the
                       # lead's "某县人民医院门诊楼项目竣工，总投资1.56亿元": session 70's second review)
                       and (_digits(chosen.amount.value) == 1 or "." not in chosen.amount.text
                            or not _other_kinds_of_work(title, lead[_sentence_start(lead, found.end - 1):found.end]))), None) \
            if text is title else None
        if filled is None and text is title and lead and not lead_amounts:
            # A lead that tells the event without its figure ("12月13日，某县第四季度重大项目集中开工。"): the next
            # paragraph's first figure, when the headline's bound or round one stands for it by its last digit
            # ("总投资超百亿元" over "此次集中开工重大项目33个，总投资达107亿元"; not a list's "总投资1634.04亿元" for "超820亿元").
            # A batch's headline takes the paragraph's batch total only, not a part of it ("其中，投资最大的某项目总投资
            # 120亿元" under "总投资超百亿元 某县33个重大项目集中开工").
            after_lead = body[body.find(lead) + len(lead):] if lead in body else ""
            filled = next((found for i, found in enumerate(_investment_amounts(_opening(after_lead, 1)[:4 * _REACH], title))
                           if i == 0 and (_fills_bound(chosen, found.amount) if chosen.bound
                                          else not restated and _rounded(chosen.amount, found.amount))
                           and (not chosen.is_roundup or found.is_roundup
                                and "其中" not in after_lead[_sentence_start(after_lead, found.end - 1):found.end])), None)
        if filled is None and chosen.bound and (chosen.is_roundup or text is title and _ROUNDUP.search(title)):
            # A batch's bound ("投资金额近200亿元", "规划总投资超千亿元的27个…项目集中开工") that the next paragraph states
            # precisely ("共签约项目15个，总投资额172.55亿元", "此次集中开工的27个项目规划总投资额达1090.55亿元").
            near = (chosen.end if text is body else 0) + 2 * _REACH  # the next paragraph's figure is near (hostile text)
            filled = next((found for found in _investment_amounts(_opening(body, 2)[:near], title)
                           if found.is_roundup and not found.bound and (text is title or found.end > chosen.end)
                           and _fills_bound(chosen, found.amount)
                           # (not a part of the batch: "总投资近400亿元。其中，重大项目29个，总投资365亿元")
                           and "其中" not in body[_sentence_start(body, found.end - 1):found.end]), None)
        if (filled is None or filled.bound) and text is title and chosen.bound and not chosen.is_roundup and lead_amounts \
                and all(found.bound or found.is_roundup for found in lead_amounts):
            # (Session 52) A headline's bound that the lead only restates beside its batch ("台湾统一集团投资逾1亿美元在昆山建设
            # 新厂" over "…336个项目总投资达1882.6亿元。其中，台湾统一集团投资逾1亿美元…") and the next paragraph states
            # precisely ("统一集团昆山新厂总投资1.056亿美元").
            after_lead = body[body.find(lead) + len(lead):] if lead in body else ""
            # The total must be the headline's work's: no phase's, earlier work's or other work's (此前, 一期, 另一, 所在的
            # …产业园), and its sentence names what the headline names (a run of three characters, "台湾统一集团"; session
            # 52's second review).
            opening = _opening(after_lead, 1)[:4 * _REACH]
            filled = next((found for found in _investment_amounts(opening, title)
                           if not found.is_roundup and not found.bound and found.total and not found.phase
                           and _fills_bound(chosen, found.amount)
                           and not _EARLIER_WORK.search(opening, _sentence_start(opening, found.end - 1), found.end)
                           and not _ANOTHER_WORK.search(opening, _sentence_start(opening, found.end - 1), found.end)
                           and "所在" not in opening[_sentence_start(opening, found.end - 1):found.end]
                           and _the_headlines_work(title, opening[_sentence_start(opening, found.end - 1):found.end])),
                          filled)
        if filled is None and chosen.bound and text is body and not chosen.is_roundup:
            # A project's bound ("协鑫斥资逾百亿探路华东最大抽蓄电站") that a later total of its paragraph or the next
            # states precisely ("总投资140亿元的协鑫建德项目…").
            near = chosen.end + 2 * _REACH
            filled = next((found for found in _investment_amounts(_opening(body, 2)[:near], title)
                           if not found.is_roundup and not found.bound and found.total and found.end > chosen.end
                           and _precise(chosen, found.amount)
                           and not _ANOTHER_WORK.search(body, _sentence_start(body, found.end - 1), found.end)), None)
        if filled is None and text is body and not chosen.is_roundup and _RECALLED.match(body, _sentence_start(body, chosen.end - 1)):
            # A recalled event's figure ("去年10月，…投资150亿元的天辰泉港新材料产业园签约落地") before the day's work's own
            # ("此次率先开工的60万吨/年环氧丙烷项目，…总投资66亿元").
            near = chosen.end + 2 * _REACH
            filled = next((found for found in _investment_amounts(_opening(body, 3)[:near], title)
                           if not found.is_roundup and found.end > chosen.end
                           and _THE_DAYS_WORK.search(body, _sentence_start(body, found.end - 1), found.end)), None)
        if filled is not None:
            chosen = _Found(filled.amount, chosen.is_roundup or filled.is_roundup, "")
        if tally and not _one_work_reported(body, chosen):
            return None  # an untitled tally's example works (see _tally_story)
        if text is body and _split_by_currency(body, chosen, title):
            return None
        if text is body and chosen.is_roundup and _a_venues_share(body, chosen, title):
            return None
        if text is body and chosen.is_roundup:
            chosen = _our_share(body, chosen, title) or chosen
        first = chosen.amount
        # (the figure as written, not inside a longer one: "5亿元" is not the lead's "12.5亿元", session 59)
        if not chosen.is_roundup and roundup_story and (text is title or the_figure(first.text).search(lead)) \
                and _counted_near(title, lead, first.text):
            return Amount(first.value, first.currency, first.text, "roundup")
        if not chosen.is_roundup and (_batch_restated(body, first.text) or _batch_told_next(body, first.text)):
            return Amount(first.value, first.currency, first.text, "roundup")
        # (Session 70) The figure of the work the event reached ("此次开工的某牧场项目…总投资约5.4亿元", after the whole
        # programme's and another farm's): the story's, whatever other works' figures stand beside it.
        # (Only where the event's work moved the choice past an earlier figure: a first figure that is the event's work's
        # among several works' told one by one, "此次开工的某电子项目总投资3亿元。某食品项目总投资2亿元。…", stays none:
        # the code review.)
        # (Nor where other works' own totals follow it, "此次开工的某光伏项目，总投资6亿元。同日，某储能项目…总投资4亿元。某新材料
        # 项目总投资3亿元": a progress round-up, session 70's second review.)
        events_work = text is body and chosen is not first_pick \
            and bool(_THIS_EVENTS_WORK.match(body, _sentence_start(body, chosen.end - 1))) \
            and not _other_totals_follow(title, body, chosen)
        if text is body and not chosen.is_roundup and (_batch_without_total(title, lead, body, chosen)
                                                        or not events_work and _several_works_figures(title, body, chosen)
                                                        or _an_example_work(title, lead, body, chosen)):
            return None
        return first
    return None


# The day's batch that a figure is the total of, told where it is stated or again later: "本次签约的3个重点项目总投资108亿元"
# (after "…举办重点项目签约仪式，总投资108亿元"), "本次签约项目包括长安青山智能传动产业园、浪潮集团西部运营总部…等，总投资达
# 650.4亿元" (named projects listed), "与9家企业签订意向协议，总投资60亿元" (several parties signed at once).
# Not the works beside it ("当天开工的还有某物流园等3个项目") nor the work's rank ("此次签约的是该县今年第3个亿元以上项目").
_THIS_BATCH = re.compile(r"(?:本次|此次|这次|今天|当天|当日|现场)(?:集中)?(?:签约|签订|开工|开复工|竣工|投产)的?"
                         r"(?![^，。；,;]{0,4}?还有)[^，。；,;]{0,12}?"
                         r"(?:(?<![\d.第])(?:\d+|[两二三四五六七八九十][一二三四五六七八九十]*)\s*(?:[个项宗]|家(?=企业|公司|客商))"
                         r"|项目(?:包括|有|涵盖)[^。；]{0,80}?、[^。；]{0,80}?等)")
# (Not a consortium signing one project, "与3家企业联合签约的某文旅综合体项目", nor one deal's papers, "签订了3份协议，包括…".)
_PARTIES_SIGNED = re.compile(r"(?:\d+|[两三四五六七八九十百]+)(?:多|余)?家[^，。；,;]{0,10}?(?:企业|公司|单位|客商|机构)"
                             r"(?![^，。；,;]{0,4}?(?:联合|共同))[^，。；,;]{0,12}?(?:签约|签订|签署)"
                             # several deals signed at once ("签订了12项投资协议", "签署了17项谅解备忘录及商业协议")
                             r"|签[订定署]了?(?:(?<![\d.])(?:[2-9]|\d{2,})|[两三四五六七八九十百]+)(?:多|余)?[项个][^，。；,;]{0,8}?(?:协议|合同|备忘录)")


def _our_share(body: str, chosen: _Found, title: str) -> Optional[_Found]:
    """A city's or county's own batch at a fair that the story, told by that place ("我市", "我县"), gives beside the
    fair's whole total ("…40个项目，合同金额443.06亿元…。其中，我市签约项目9个，合作金额72.82亿元"; "兰洽会期间，我市…参加了…签约
    仪式…。当天，共签约各类招商引资项目63项，总投资25.11亿元"): the place's share, smaller than the whole, is its news."""
    if _OUR_SIGNINGS.search(body, _sentence_start(body, chosen.end - 1), chosen.end):
        return None
    told_by_a_place = bool(OUR_HOME.search(body, 0, 8 * _REACH))
    return next((found for found in _investment_amounts(_opening(body, 4)[:8 * _REACH], title)
                 if found.is_roundup and found.amount.value < chosen.amount.value
                 and (_OUR_SIGNINGS.search(body, _paragraph_start(body, found.end), found.end)
                      or told_by_a_place and _named_share(body, found) or _headlines_share(body, found, title))), None)


def _named_share(body: str, found: _Found) -> bool:
    """Whether the figure's sentence opens with 其中 and a place's name signing ("其中，万州签约项目12个"; not "其中，现场签约…",
    "亿元以上签约…", "省外签约…": the name must be a division's)."""
    share = _NAMED_SHARE.search(body, _sentence_start(body, found.end - 1), found.end)
    return bool(share and find_places("", share.group("name"), limit=1))


def _headlines_share(body: str, found: _Found, title: str) -> bool:
    """Whether the figure's sentence opens with 其中 and the place the headline counts projects of ("株洲123个项目集中开工"
    over "…全省687个重大项目集中开工，总投资达2167亿元。其中，株洲123个项目参与此次…活动，总投资365.4亿元"): that place's
    share of the wider event is the story's batch."""
    share = _PLACES_COUNTED_SHARE.search(body, _sentence_start(body, found.end - 1), found.end)
    if share is None:
        return False
    # The same name, suffix and count ("岳阳56个项目" is not "其中，岳阳县12个项目", the county's share of the city's batch).
    counted = re.search(re.escape(share.group("name")) + r"(?P<suffix>市|县|区|州|旗)?(?P<count>\d+|[两二三四五六七八九十百]+)个",
                        title)
    return bool(counted and (counted.group("suffix") or "") == (share.group("suffix") or "")
                and counted.group("count") == share.group("count") and find_places("", share.group("name"), limit=1))


# "其中，株洲123个项目", "其中，我省某市有68个重大项目" (the headline must count the same place's projects: _headlines_share).
_PLACES_COUNTED_SHARE = re.compile(r"其中[，,]\s*(?P<name>[\u4e00-\u9fff]{2,4}?)(?P<suffix>市|县|区|州|旗)?(?:共有|有|共)?"
                                   r"(?P<count>\d+|[两二三四五六七八九十百]+)个")


def _paragraph_start(body: str, end: int) -> int:
    """Where the paragraph of the figure ending at ``end`` starts (at most 4 × REACH before it)."""
    low = max(0, end - 4 * _REACH)
    return max(body.rfind("\n", low, end) + 1, low)


def _paragraph_end(body: str, at: int) -> int:
    """Where the paragraph holding ``at`` ends (the body's end for the last)."""
    end = body.find("\n", at)
    return len(body) if end < 0 else end


# A place telling of its own signings ("我市签约项目9个", "我市参加了…签约仪式", "活动期间，全市签约项目96个"; not "我国").
_OUR_SIGNINGS = re.compile(r"(?:我|全)(?:市|县|区|州|旗)[^，。；,;]{0,24}?(?:签约|签订|签署)")
# …or by its name, right after 其中, when the story is told by a place ("…在我区召开。…其中，万州签约项目12个").
_NAMED_SHARE = re.compile(r"其中[，,]\s*(?P<name>[\u4e00-\u9fff]{2,5}?)签约(?:项目)?(?:\d+|[两二三四五六七八九十]+)个")


def _a_venues_share(body: str, chosen: _Found, title: str) -> bool:
    """Whether a batch's figure is one venue's or one city's share of a wider event whose whole total the story never states
    ("第五批全省…重大项目集中开工活动启动仪式在杭州举行…。其中，嘉兴共有68个重大项目集中开工，总投资831亿元"): a part of the
    day's batch, not the story's (readers label none)."""
    found = the_figure(chosen.amount.text).search(body)
    if found is None:
        return False
    start = _sentence_start(body, found.start())
    if not body.startswith("其中", start) and not body[start:found.start()].lstrip().startswith("其中"):
        return False
    before = body[:start]
    if not _WIDER_EVENT.search(before) or _THE_WHOLE.search(body, start, found.start()):
        return False  # (not "其中，本次集中开工项目20个": the whole batch told after 其中)
    return not any(item.is_roundup for item in _investment_amounts(before[-8 * _REACH:], title))


# A wider event held at several venues or by a province or city as a whole ("全省…集中开工", "分会场").
_WIDER_EVENT = re.compile(r"分会场|全省[^，。；,;]{0,16}?集中|全市[^，。；,;]{0,16}?集中")
_THE_WHOLE = re.compile(r"本次|此次|当天|当日|全部|共计")


# A batch's event named as the venue of the sentence's own event ("在…集中开工雅安分会场，", a photo's caption "…集中开工
# 雅安分会场。"), not the batch's own ("…集中开工仪式在某分会场举行"); since session 70 also as its setting ("在某市…第一次
# 集中开工活动中，荷塘区分会场某项目开工仪式顺利进行": what remains must still tell a batch, "…活动中，15个项目集中开工").
# Several works started at the setting's event, named together ("某小学、某幼儿园和某社区服务中心项目同时开工", "某服装产业园和
# 某电子科技项目正式开工", "一批项目"): still the batch (the code review of session 70).
_WORKS_JOINED = re.compile(r"(?:项目|工程|园|中心|学校|小学|中学|幼儿园|医院|基地)(?:、|和|与|以及|及)[^，。；,;]{2,30}?"
                           r"(?:项目|工程|园|中心|学校|小学|幼儿园|医院|基地)|一批|同时开工|同步开工|同时签约")
# …and in the event's own sentence before its verb, works listed with a comma before their shared verb, or two works each
# ending in a work noun with 、 between ("某某物流园项目，某某农产品加工项目开工", "某某电子厂房、某某零部件车间开工": session 70's
# second review). Not one work's parts or products ("门诊楼、住院楼项目", "研发、生产基地项目", "正极材料、负极材料项目"), nor
# officials after the verb ("…项目开工，市委书记王某、某园区党工委书记李某出席": session 71's review).
_WORKS_LISTED_FOR_THE_EVENT = re.compile(
    r"(?:项目|工程|园|中心|学校|医院|基地|厂房|车间)、[^，。；,;、]{2,30}?(?:项目|工程|园|中心|学校|医院|基地|厂房|车间)"
    r"|(?:项目|工程)[，,][^，。；,;]{2,30}?(?:项目|工程)[^，。；,;]{0,4}?(?:开工|动工|开建|奠基|签约|投产|竣工)")
_THE_EVENTS_VERB = re.compile(r"开工|动工|开建|奠基|签约|投产|竣工")
_BATCHS_VENUE = re.compile(r"(?:(?<=[，,。\s])|^|在)[^，。；,;\s]{0,40}?[分主]会场[，,。]"
                           r"|在[^，。；,;\s]{0,40}?(?:活动|仪式)(?:中|上)[，,]")


def _verbs_end(lead: str) -> int:
    """Where the lead's first sentence's first event verb ends (the sentence's end without one)."""
    end = sentence_end(lead, 0)
    verb = _THE_EVENTS_VERB.search(lead, 0, end)
    return verb.end() if verb else end


def _batch_without_total(title: str, lead: str, body: str, chosen: _Found) -> bool:
    """Whether the story reports a batch (its headline counts projects or starts them together, or an untitled lead does the
    latter) and states no total of it, while the figure found is one of its works told after the lead or as "其中…" ("罗源第三季度重大项目
    集中开工" over "…该项目…拟投资3.1亿元"; "乌海市41个重点项目集中开工" over "其中，总投资207亿元的…项目"): an example work's,
    no amount of the story's (a headline naming one work keeps its figure: _ONE_WORKS_HEADLINE)."""
    # (Not any "集中", "多个", "N个" of a headline: "集中供暖", "可容纳3000个座位", "惠及多个乡镇" tell one work.)
    # (A headline's "项目" inside its count is the batch's: "麦市镇两个乡村振兴项目开工".)
    # (An untitled lead's batch only as the venue of one work's event is none: "在四川省…重点水利工程集中开工雅安分会场，天全县
    # 某水厂二期工程正式开工", session 68.)
    if title.strip():
        batch = bool(TOGETHER.search(title) or _ROUNDUP.search(title)) and not _one_works_headline(_ROUNDUP.sub("", title))
    else:
        beside_the_venue = _BATCHS_VENUE.sub("", lead)
        batch = bool(TOGETHER.search(lead)) and bool(
            TOGETHER.search(beside_the_venue) or _ROUNDUP.search(beside_the_venue) or _WORKS_JOINED.search(beside_the_venue)
            or _WORKS_LISTED_FOR_THE_EVENT.search(beside_the_venue, 0, _verbs_end(beside_the_venue)))
    if not batch:
        return False
    found = the_figure(chosen.amount.text).search(body)
    at = found.start() if found else -1
    if lead and body.find(lead) <= at < body.find(lead) + len(lead) \
            and not _PART_OF_THE_BATCH.search(body, _sentence_start(body, at), at):
        return False  # the lead's own figure ("…举行12个项目集中开工仪式，总投资50亿元")
    return not any(found.is_roundup for found in _investment_amounts(_opening(body, 4)[:6 * _REACH], title))


# (session 56) The first total's sentence naming its parts after it ("…提升工程项目总投资约10亿元，其中第一期开工项目主要包含
# 某游客服务中心和某索道项目"): the works told next with their own totals are its parts, not several works.
_PARTS_LISTED_AFTER = re.compile(r"[^。；;]*?其中[^。；;]{0,20}?(?:包含|包括|主要有|分为|由)")
# Firms or works a headline counts ("两家台资企业落户某产业园", "3个项目签约"): several, each with a figure of its own.
_SEVERAL_COUNTED = re.compile(r"(?<![\d第])(?:[2-9]|[两二三四五六七八九]|\d{2})(?:多|余)?[家个项大](?:[^，。；\s]{0,4}?)(?:企业|公司|客商|项目|台企|外企)")
# The next work's figure joined to the one before ("…项目、总投资3亿元的…", "…生产线和投资1680万美元的…"): the join right before
# its investment phrase, not a 和/及 inside a name ("研发及生产基地", "和美乡村") nor another measure ("、固定资产投资4.2亿元").
_LISTED_NEXT = re.compile(r"(?:[、和及与；;]|以及)(?:[^，。；,;、和及与]{1,12}?(?:项目|工程|基地))?(?:总|计划|拟)?投资(?:总?额)?"
                          r"[^，。；,;、和及与]{0,12}$")
_ITS_PART = re.compile(r"的?配套")  # "总投资100亿元的某石化项目和投资20亿元的配套码头": a work and its part
_PARTS_OF_TOTAL = re.compile(r"(?:总投资|投资总额)中|其中[^，。；,;]{0,12}?总投资")
_PHASES_OR_PARTS = re.compile(r"其中|[一二三四五首]期|分期|包括")


def _other_totals_follow(title: str, body: str, chosen: _Found) -> bool:
    """Whether another work's own total (总投资…, of another figure) is told after the chosen one in the opening."""
    wider = _opening(body, 4)[:8 * _REACH]
    return any(item.end > chosen.end and item.total and not item.phase and not item.is_roundup
               and item.amount.text != chosen.amount.text
               and not _PARTS_OF_TOTAL.search(wider, _sentence_start(wider, item.end - 1), item.end)
               for item in _investment_amounts(wider, title))


def _several_works_figures(title: str, body: str, chosen: _Found) -> bool:
    """Whether the figure is one of several works' own, with no total of them stated (readers label no amount): the works
    listed in one sentence each with its figure ("总投资7亿元的某孵化园项目、总投资3亿元的某汽车配件项目…集中宣布开工",
    "投资2500万美元的某生产线和投资1680万美元的某包装项目分别签约"), firms or works a headline counts told one by one
    ("两家台资企业落户某产业园" over "甲公司将投资1.5亿元…。乙公司将投资2亿美元…"), or an overview that gives three works or
    more their own figures, each in a sentence of its own (a progress round-up, a town's summary, a tour: "…该项目总投资8.7
    亿元。…总投资4.8亿元的某项目…。某项目总投资2.4亿元"). A work's phases or parts, or a sum and its share (其中), are one
    work's figures."""
    wider = _opening(body, 4)[:8 * _REACH]
    items = [item for item in _investment_amounts(wider, title) if not item.phase]
    if any(item.is_roundup for item in items):
        return False
    # Each work's own total (总投资…), not one work's parts and years ("该项目总投资中，景区建设总投资8亿元"), nor an investor's
    # earlier works recalled ("此前，该集团在某市建设的总投资10亿元的材料基地已投产").
    totals = [item for item in items if item.total
              and not _RECALLED_WORK.search(wider, _sentence_start(wider, item.end - 1), item.end)
              and not _PARTS_OF_TOTAL.search(wider, _sentence_start(wider, item.end - 1), item.end)]
    if len({(item.amount.value, item.amount.currency) for item in totals}) >= 3 \
            and len({_sentence_start(wider, item.end - 1) for item in totals}) >= 3 \
            and not _PARTS_LISTED_AFTER.match(wider, totals[0].end, sentence_end(wider, totals[0].end - 1)):
        return True
    opening = _opening(body, 2)[:6 * _REACH]
    found = list(_investment_amounts(opening, title))
    if any(item.is_roundup for item in found) or len(found) < 2:
        return False
    own = [item for item in found if not item.phase and item.amount.text == chosen.amount.text]
    if not own:
        return False
    at = own[0].end
    start, end = _sentence_start(opening, at - 1), sentence_end(opening, at - 1)
    mates = [item for item in found if start <= item.end <= end and not item.phase]
    sentence = opening[start:end]
    # (One figure written twice, "投资总额:200000万元 … 项目总投资20亿元", is one work's.)
    if len({round(item.amount.cny, -4) for item in mates}) >= 2 and not _PHASES_OR_PARTS.search(sentence) \
            and all(_LISTED_NEXT.search(opening[a.end:b.end]) and not _ITS_PART.match(opening, b.end)
                    for a, b in zip(mates, mates[1:])):
        return True  # listed in one sentence
    counted = _SEVERAL_COUNTED.search(title) and not _PHASES_OR_PARTS.search(opening)
    return bool(counted) and len({(item.amount.value, item.amount.currency) for item in found if not item.phase}) >= 2


# Several works or firms told ("一批企业", "3个项目", "多家企业", "各重点项目", "甲项目、乙医院、丙学校等"), not a work's
# parts ("两条生产线").
_SEVERAL_WORKS_TOLD = re.compile(r"一批|一大批|(?:多|(?<![\d.])[2-9]|(?<![\d.])\d{2,}|[两二三四五六七八九十]+)(?:个|家|项)[^，。；,;]{0,6}?"
                                 r"(?:项目|企业|工程)|各(?:个|类|大)?(?:重点|重大|在建)?(?:项目|工程|工地|企业)"
                                 # (works listed: "在甲项目、乙医院、丙学校等施工现场")
                                 r"|(?:项目|工程|医院|学校|园)、[^，。；,;]{1,30}?等")


# A work's site walked in a tour ("走进某返迁房项目建设现场", "在某物流园项目施工现场", "在某大桥建设现场"; not "项目现场负责人
# 介绍": review59b).
_SITE_WALKED = re.compile(r"(?:走进|来到|步入|深入|在)[^，。；,;！!？?\n]{2,24}?(?:现场|工地)")


def _an_example_work(title: str, lead: str, body: str, chosen: _Found) -> bool:
    """Whether a figure told after the lead is one work's in a story about a place's works in general: its headline and
    lead speak of key works, a campaign or a drive ("上下同心推动产业项目建设“加速跑”", "铁西区坚持把项目建设作为硬支撑…"),
    name no one work and report no work's stage in the lead's first sentence; the works told later, each with its figure
    ("…该项目总投资10亿元"), are the story's examples, and readers of real pages label no amount (of the 917 pages read in
    sessions 22–23, 6 fit with such a headline: all 6 label none; without the headline's say, 18 of session 22's pages
    fit, 16 none and 2 an amount, but 3 of 4 on 95 fresh pages were one work's story, so an untitled page is left out)."""
    if not lead or chosen.end <= body.find(lead) + len(lead):
        return False  # told in the lead: the lead's own work
    # (Session 36) An untitled page whose lead walks every work's site of a place ("中秋国庆假期，在石城县各大重点项目建设
    # 现场，工人抢工期、抓进度") tours its works: the figures told later are its examples', whatever its headline was.
    if not title.strip() and EACH_SITE.search(lead[:sentence_end(lead, sentence_end(lead, 0) + 1) + 1]):
        # (Session 59) …unless the story goes on to one work alone: one work's site walked and the only figure stated
        # ("…各重点项目正如火如荼推进。走进某储备库项目施工现场…总投资约3.36亿元"): that work's story, as its reader labelled it
        # (not two sites walked, one with a figure: session 36's tour).
        # The figure must follow the site walked, in its paragraph or the next (not another work's told later: review59b).
        rest_at = body.find(lead) + len(lead)
        walked = list(_SITE_WALKED.finditer(body, rest_at))
        if len(walked) == 1 and walked[0].end() <= chosen.end <= _paragraph_end(body, _paragraph_end(body, walked[0].end()) + 1) \
                and _figures_stated(body, title) < 2:
            return False
        return _about_works_in_general(title, lead)
    # (Session 59) A headline counting works put on a list ("省级田园综合体创建资格名单公布 临沂三家入选"): the figure told
    # after the lead is one listed work's, an example.
    if _LISTED.search(title) and _SEVERAL.search(title):
        return True
    # (The headline must say it: an untitled page's general lead is often one work's story told after a scene-setting
    # sentence, "在开展三个建设年…中，我区项目建设如火如荼。目前，…盛辉物流公路港项目已经全部竣工", as fresh pages showed.)
    if not ((_PLACES_WORKS_TALK.search(title) or _INDUSTRY_FEATURE.search(title)) and _about_works_in_general(title, lead)):
        return False
    # (Session 59) …unless the whole story states one figure and its headline counts no works ("广西钟山县重大项目建设开启
    # “加速度”" over one park's 六期厂房 and its total, "龙州加快糖业转型升级" over one firm's plant): that work's story. Over
    # h1–h15 and n9–n23, 6 such pages label the figure and 1 none; a headline counting its works ("累计开复工32个重点项目")
    # still tells examples, and so does a feature recalling a work of a past year ("2013年某乳业集团投资2.5亿元…建成").
    # Nor when the body tells of several works beside the figure's ("一批企业正在建设…", "各项目…": review59c).
    sentence = body[_sentence_start(body, chosen.end - 1):chosen.end]
    return bool(_SEVERAL.search(title)) or bool(_PAST_YEAR_OPENS.match(sentence) or _RECALLED.match(sentence)) \
        or bool(_SEVERAL_WORKS_TOLD.search(body)) or _figures_stated(body, title) >= 2


def _figures_stated(body: str, title: str) -> int:
    """How many distinct investment figures (value and currency) the body states, a phase's not counted: a work's total
    and its phase are one work's ("该产业园总投资10亿元，其中一期投资4亿元": review59b, again in session 60)."""
    return len({(item.amount.value, item.amount.currency) for item in _investment_amounts(body, title) if not item.phase})


def _about_works_in_general(title: str, lead: str) -> bool:
    """Whether the headline and the lead speak of a place's works as a whole or its drive, name no one work and report no
    work's stage in the lead's first sentence (see _an_example_work)."""
    first = lead[:sentence_end(lead, 0) + 1]
    if not (_PLACES_WORKS_TALK.search(title) or _INDUSTRY_FEATURE.search(title) or _PLACES_WORKS_TALK.search(lead)):
        return False
    # (A headline counting its works, "各地一批重大水利工程取得新进展", names none of them; not "集中力量推进某水库工程",
    # "第二批设备进场".)
    named_in_title = (bool(_ONE_WORK_NAMED.search(title)) and not (_SEVERAL.search(title) or "各地" in title)
                      or bool(THIS_WORK.search(title)))
    return not (named_in_title or _ONE_WORK_NAMED.search(first) or _a_works_stage(title, first))


def _a_works_stage(title: str, first: str) -> Optional[str]:
    """The stage the headline and the lead's first sentence report, none for every site of a place at work ("城投集团各
    项目抢抓有利时机，紧张施工", "在某开发区各重点项目施工工地，项目建设如火如荼", session 60): the scene's 开工 is all the
    works' progress (its 开工 verbs all the stage module's words of a work under way: stages.under_way_word), not one
    work's start nor a day's batch (its readers label neither an amount nor a stage)."""
    stage = find_stage(title, first)
    if stage == "开工" and EACH_SITE.search(first) and all(
            under_way_word(match.group()) for text in (title, first)
            for match, index, _ in read_verbs(normalise(text), True) if STAGES[index] == "开工"):
        return None
    return stage


def works_in_general_summary(title: str, body: str) -> bool:
    """Whether the story sums up a place's works in general on no day of its own: about its works as a whole (see
    _about_works_in_general), with no day told in the headline or the lead's first two sentences ("今年以来，…狠抓重点
    项目建设", "时过中秋，天高云淡。…", not "3月25日，我县举行…重点项目推进活动"). Its stage words are its examples' and
    its tallies', and readers of real pages label no stage (of session 22's 822 pages, 19 such stories with no amount
    had a stage read: 14 label none, 3 the stage read, 2 another)."""
    lead = next(iter(story_paragraphs(body)), "")
    first_two = lead[:sentence_end(lead, sentence_end(lead, 0) + 1) + 1]
    return bool(lead) and not _A_DAY.search(title + "\n" + first_two) and _about_works_in_general(title, lead)


_A_DAY = re.compile(_DAY_WORD.pattern + r"|\d{1,2}日(?:上午|下午|晚)|今天|今日|昨天|当天|连日来")


# A place's works spoken of as a whole, or its drive ("重点项目", "项目建设", "一大批", "加快推进", "热潮").
_PLACES_WORKS_TALK = re.compile(_PLACES_WORKS.pattern + r"|推进|加快|攻坚|如火如荼|热潮")
# …or, in a headline, a place's industry or economy as the story's subject ("某县乳业经济实现提档升级", "某县承接产业转移 鞋业
# 发展成效显著", "某区加速全域旅游扩面提质"; a lead's "推动产业转型升级" is scene-setting, its story often one work's).
_INDUSTRY_FEATURE = re.compile(r"[业济](?:发展)?(?:实现|成效|提档|升级|转型|壮大)|产业转移|支柱产业|扩面提质|提档升级")  # (a named work's "加快推进某医院建设": _ONE_WORK_NAMED)
# One work named ("某水库工程", "某搬迁项目"; not "重点项目", "产业项目", "21个项目", "项目建设", "项目签约").
# (session 36) Not a class ending in 点 ("重点项目", "试点项目"), but a work named for a place ("应急隔离点项目"); a work
# named by its kind before 项目建设 ("温德姆温泉度假酒店项目建设情况") is one work's building, not works' in general.
# (Session 71) Nor a bare 项目 opening a sentence, no name before it ("项目是经济发展的“火车头”": the works in general).
_ONE_WORK_NAMED = re.compile(r"(?<=[^\s，。；,;：:！!？?“\"「])(?<![大业个级上元类批的型和、多各抓促])(?<!重点)(?<!试点)(?<!亮点)(?<!难点)(?<!热点)(?<!堵点)"
                             r"(?<!节点)(?<!焦点)(?<!痛点)(?:项目|工程)(?!建设|工作|观摩|推进|签约|集中)"
                             r"|(?<=[店馆厂站库楼])项目(?=建设)|(?<=点)(?<![重试亮难热堵节焦痛]点)项目(?=建设)"
                             r"|[\u4e00-\u9fff](?:大桥|水库|电站|枢纽|机场|铁路|高速公路|公路|生产线|大厦|医院|院区|污水处理厂|产业园"
                             r"|[路桥厂](?:改造|建设|扩建))"  # "东海岛新跨海大桥主塔封顶", "人民医院新院区建设", "东环路改造"
                             # A school or a venue named ("强力推进明德学校建设", session 32; not "加快推进学校建设", "新建中小学校")
                             # (the generic kinds' last characters: 农村, 义务教育, 高中, 薄弱, 公办, 乡镇, 寄宿制, 城区, 公立)
                             r"|[\u4e00-\u9fff](?<![进快抓动批所类座各级新和的中小村育弱办镇制区乡城立点校])(?<!全[市县区州省])(?:学校|中学|小学|幼儿园|博物馆|图书馆"
                             r"|体育馆|体育中心|文体中心)")


ONE_WORK_NAMED = _ONE_WORK_NAMED  # (the stage model's scene candidate asks it too: facts.stage_model)
# Every work's site of a place ("在石城县各大重点项目建设现场", "各重点项目现场一派繁忙景象", "一个个重点项目火热推进"): many
# works' progress toured, no one work's (_an_example_work; the stage model's scene candidate flags it too).
EACH_SITE = re.compile(r"各(?:大|个|类)?(?:重点|重大|产业|在建)?(?:项目|工程|工地)|一个个[^，。；,;]{0,6}?(?:项目|工程)|多个(?:项目|工地)")


def _split_by_currency(body: str, chosen: _Found, title: str) -> bool:
    """Whether a batch's figure is one of its classes told in another currency than the next ("共斩获项目69个。其中外资项目60个，
    投资总额40亿美元；内资项目9个，投资总额77亿元"): no whole total is stated, and none can be summed from them (readers of real
    pages label none)."""
    found = the_figure(chosen.amount.text).search(body)
    if found is None:
        return False
    # Its whole sentence to the full stop (a class may follow after a semicolon), read after the sentence before it (which
    # a sentence opening with 其中 continues).
    start = max(body.rfind("。", 0, found.start()), found.start() - _REACH) + 1
    stop = body.find("。", found.end())
    end = min(stop + 1 if stop >= 0 else len(body), found.end() + _REACH)
    before = max(body.rfind("。", 0, max(start - 1, 0)), start - _REACH) + 1
    # The classes split a whole counted after 其中 whose total is not stated ("共124个，其中外资项目54个…"; not "共签约项目30个，计划
    # 总投资312亿元，其中外资项目总投资4.6亿美元", nor classes told side by side: "签约内资项目30个，总投资120亿元；外资项目…").
    split = body.rfind("其中", before, found.start())
    if split < 0:
        return False
    found_all = list(_investment_amounts(body[before:end], title))
    if any(item.end <= split - before for item in found_all):
        return False  # a whole total before the split
    currencies = {item.amount.currency for item in found_all if item.end > start - before}
    return len(currencies) > 1 and len(_ROUNDUP.findall(body, start, end)) > 1  # each class counts its projects (not "折合人民币…")


def _batch_restated(body: str, amount_text: str) -> bool:
    """Whether ``amount_text`` is stated (there or again) in a sentence that counts or lists the day's batch of
    projects, or signs with several parties at once (_THIS_BATCH, _PARTIES_SIGNED): their total, not one project's."""
    for seen, found in enumerate(the_figure(amount_text).finditer(body)):
        if seen == 4:
            break  # a figure stated a few times at most (hostile texts: bounded)
        sentence = body[_sentence_start(body, found.start()):found.start()]
        if _THIS_BATCH.search(sentence) or _PARTIES_SIGNED.search(sentence):
            return True
    return False


def _batch_told_next(body: str, amount_text: str) -> bool:
    """Whether the sentence after the figure's counts the day's batch it totals ("总投资64亿元的光伏发电项目合作协议签约仪式…举行。
    …这次签约的两个光伏电项目分别是…") or the figure is restated as the works it includes ("62亿元投资的合作项目包括…")."""
    found = the_figure(amount_text).search(body)
    if found is None:
        return False
    # The works it includes, themselves projects ("…合作项目包括总投资5亿元的光伏幕墻生产基地项目、…"), not one work's parts
    # ("产业园项目包括4栋标准化厂房、1栋研发楼…", "项目涵盖污水处理、管网铺设等内容") nor its prospects ("项目有望…", "有序推进").
    if re.compile(the_figure(amount_text).pattern
                  + r"[^，。；,;]{0,8}?项目(?:包括|涵盖)(?:总?投资|[^。；]{0,80}?项目[^。；、]{0,20}?、)").search(body):
        return True
    after = end = sentence_end(body, found.start())
    told = 0
    while told < 2 and after + 1 < min(len(body), end + _REACH):  # the next two sentences (the lead's guests, then the
        start, after = after + 1, max(after + 1, sentence_end(body, after + 1))  # batch: "…出席签约仪式。\n据了解，这次签约的…")
        told += bool(body[start:after + 1].strip())
    counted = _THIS_BATCH.search(body, end, min(after + 1, end + _REACH))
    return counted is not None and not re.search(r"(?<![\d.十])(?:1|一)\s*[个项宗家]", counted.group())


def stated_at(body: str, amount: Amount, title: str = "") -> int:
    """Where the body states ``amount`` (-1: nowhere): its text as written, not inside a longer number ("2亿元" is not
    the "12亿元" of "计划总投资12亿元") nor on a line repeating the headline, whose figure the body states again."""
    headline, repeated = title.strip(), -1
    for found in the_figure(amount.text).finditer(body):
        line_start = body.rfind("\n", 0, found.start()) + 1
        line_end = body.find("\n", found.end())
        if headline and body[line_start:line_end if line_end >= 0 else len(body)].strip() == headline:
            repeated = found.start() if repeated < 0 else repeated
            continue
        return found.start()
    return repeated  # (stated on the headline's line only: that line)


def the_figure(amount_text: str) -> re.Pattern[str]:
    """``amount_text`` as written, not inside a longer number ("5亿元" is not found in "15亿元", "五亿元" not in "十五亿元";
    session 59: the amount model looks its figure up so too)."""
    before = r"(?<![\d.])" if amount_text[:1].isdigit() else r"(?<![\d." + CN_DIGITS + r"])"
    return re.compile(before + re.escape(amount_text))
