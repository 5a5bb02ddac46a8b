"""The stage a project has reached, from the verbs that state it.

Stages in order: 洽谈 → 签约 → 备案 → 核准 → 评审 → 招标 → 开工 → 投产 → 竣工. The headline wins
over the body, the lead paragraph over the next two; within one text the furthest stage stated as
done wins (a story about a 开工 ceremony recalls the 签约).

A stage verb reports a project's stage only when a project reached it. Each verb is checked
(``_skip_reason``, which names the reason it is not a report): a plan word earlier in its sentence
(``计划``, ``将``, ``预计`` …) governs it unless a word of a done event (``已``, ``日前``, ``今天`` …)
takes over; in the body its sentence must name a project or a work (项目, 工程, 厂, 电站, 桥 …);
a subject of many works (``一大批``, ``许多``, ``全国``, ``全村``, ``各地``) or a span summed up (``近年来``,
``以来``, ``先后``) describes a trend or background unless the sentence names one event; a verb
used as a noun whose clause says what it will do (``某港的建成有助于…``), or qualifying the class
of projects a policy applies to (``对…投产的项目，给予…``), reports nothing; a verb that counts
(``竣工面积``, ``投产821公里``, ``建成…设施2400多个``) reports a statistic; a signing of something other
than a project (``签订责任状``, ``承包合同``) is no 签约.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Optional

from .text import BOOK_TITLE, BOOK_TITLE_READ, CLAUSE_MARKS, COMMA_CLAUSE_MARKS, EVENT, INVESTING, NOT_AN_EDITION, ONE_BATCH, PERIOD, PLAN_DOCUMENT, PURCHASE, REACH, SENTENCE_MARKS, SPAN_SO_FAR, STATISTIC, WORK_HEAD, compared_after, compared_batch, day_item_start, normalise, sentence_end, sentence_of, sentence_start, story_paragraphs
from .places import names_a_country

__all__ = ["STAGES", "DONE", "THIS_WORK", "PARAGRAPH_READ", "PROMOTION_PARAGRAPHS", "deal_of_no_project", "event_notice", "find_stage",
           "no_project_signing", "promotion_story", "read_verbs", "under_way_word"]

STAGES = ("洽谈", "签约", "备案", "核准", "评审", "招标", "开工", "投产", "竣工")

# (Session 59) A work put into operation ("某产业新城项目启动运营", "某物流园正式启动运营", "某港正式运营": 投产), not a platform's,
# a system's, a firm's, a bank's or an app's opening, nor a reopening ("再次启动运营"): review59a. Checked before 正式 and
# before 启动; 正式运营 shares them (it lacked 分行, 支行, 集团, 程序, 再次 and 再度, which review59a found let through).
_NOT_A_WORKS_OPENING = (r"(?<!平台)(?<!系统)(?<!公司)(?<!网站)(?<!银行)(?<!分行)(?<!支行)(?<!集团)(?<!程序)(?<!重新)(?<!恢复)"
                        r"(?<!再次)(?<!再度)")

# (session 58) a work's share done ("项目建设进入收尾阶段", "目前已完成85%的建设任务", "已完成总投资12.85亿元，占概算总投资
# 18.13亿元的70.88%"): under way, as readers of n18–n20 and h2–h7 label it; not an area's or a programme's share
# ("全市老旧小区改造已完成95%的建设任务", "完成年度计划的26%", "完工率达35.2%": _skip_reason, _AREAS_WORKS).
_SHARE_DONE = re.compile(r"(?:建设|施工|工程)(?:已经?)?(?:全面)?进入(?:了)?(?:收尾|扫尾)阶段"
                         r"|完成(?:了)?\d+(?:\.\d+)?%的?(?:建设任务|工程量|工作量)|完成(?:建设任务|工程量|工作量)的\d+(?:\.\d+)?%"
                         r"|(?:已|累计)完成(?:总)?投资[^，。；,;]{0,14}?[，,]?占(?:概算)?总投资(?:额)?[^，。；,;]{0,14}?的?\d+(?:\.\d+)?%")
# A work under way: capped, its main structure done, holed through, being built ("主体结构顺利封顶", "隧道全线贯通。",
# "项目正在加紧施工", "建设正酣", "在某项目施工现场"): it has started, as readers label one work's progress story (session
# 27's convention). Not money capped ("上不封顶", "补贴封顶200万元"), not a road joining places ("贯通全域旅游线路": 贯通 with
# an object), not an exhortation ("要抓紧建设"); many works' progress is a count (_skip_reason, _WORKS_COUNTED).
_UNDER_WAY = (r"主体(?:结构|工程)?(?:已经?|均)?(?:顺利|全面|基本|提前)?(?:封顶|结顶|完工|完成|竣工)"
              r"|(?<!未)(?<!不)(?<!最高)(?:封顶|结顶)(?![^，。；,;]{0,4}?[\d一二三四五六七八九十百千万两](?:万|亿|元|千|百))"
              # (session 32) a work's progress in other words: "正在如火如荼施工", "钢柱吊装就位", "建设进度已过半",
              # "经过三年的施工建设，…将于本月底运行"
              r"|如火如荼(?:地)?(?:施工|建设)|(?:钢柱|钢构|钢结构|钢梁|桁架|网架|箱梁|预制梁)[^，。；,;]{0,6}?吊装"
              r"|(?:建设|施工|工程|形象)进度(?:已经?)?过半|经过[^，。；,;]{0,8}?(?:施工建设|建设施工|紧张施工)"
              # "进入平场阶段", "进入室内装修收尾阶段", "开始进行地面主体施工", "紧锣密鼓施工", "抢赶工期", "正在加速推进" (not
              # preparations or plans: "前期工作正在加速推进", "正在加速推进，力争早日开工", "谈判已进入收尾阶段", "开始进行施工招标").
              # Not "进展顺利", "正加快推进", "正积极推进", "进入设备安装阶段": earlier readers label no stage there (a funded
              # work, a campaign's works: tests/test_facts_session18.py; a headline's one named work so is read apart, by
              # _ONE_WORK_UNDER_WAY_HEADLINE). Not "机器轰鸣": a factory's as often.
              r"|进入(?:(?!规划|前期|招标|筹备|设计)[^，。；,;]){0,8}?(?:平场|装修|砌[砖筑])(?:工程)?(?:收尾)?阶段|进入(?:施工|建设|工程)收尾阶段"
              r"|开始进行[^，。；,;]{0,10}?施工(?!招标|单位|图|许可|队伍)|紧锣密鼓(?:地)?(?:施工|建设)|抢赶工期"
              r"|(?<!工作)(?<!手续)(?:正在|正)加速推进(?:中)?(?![^。；;！!？?]{0,24}?(?:前期|规划|手续|招商|审批|设计|谈判|洽谈|开工|动工|开建))"
              # a site's scene ("塔吊林立", "工地上机声隆隆", "工人热火朝天地奋战在施工一线", "施工已接近尾声", "整个工程已经完成40%的工作量")
              r"|塔吊林立|机声隆隆|热火朝天(?:地)?(?:施工|建设|奋战)|火热建设|(?:施工|建设)(?:已经?)?接近尾声"
              r"|工程[^，。；,;]{0,6}?完成[^，。；,;]{0,6}?%的?工作量"
              r"|(?<!未)贯通(?=[，。；,;！!？?\s”\"）)]|$|了|仪式|成功)"
              # (session 63) a bridge's or a dam's closure ("永安大桥正式合龙", "主桥顺利合龙"), a milestone short of completion as
              # readers label it (session 56's h8–h9); not its plan or its segment ("合龙段", "合龙计划")
              r"|(?:(?:正式|顺利|成功|全线|胜利|实现|完成)合龙|(?<=[桥坝])合龙)(?!段|前|计划|方案|准备)"
              # (session 68) 合拢, the same closure as builders of steel structures write it ("“天空之厅”正式合拢", "举行合拢仪式"),
              # only where nothing is closed after it ("合拢资源", "合拢双手")
              r"|(?:(?:正式|顺利|成功|全线|胜利|实现|完成)合拢|(?<=[桥坝])合拢)(?=$|[，。；,;！!\s”\"）)]|仪式)|举行合拢仪式"
              r"|(?:正在(?:加紧|紧张|抓紧)?|加紧|紧张)(?:推进)?(?:施工|建设)(?!的|中的|中心|中小)|(?:建设|施工)正酣|(?:建设|施工)如火如荼"
              # (session 68) the other order ("各项工程建设正在加紧推进当中"); not a work's preparations ("前期…建设正在…");
              # (session 69, the second review's gap) pushed on in order or steadily ("项目建设正在有序推进")
              r"|(?<!前期)(?<!筹备)(?:工程|项目)?(?:建设|施工)正在(?:加紧|抓紧|紧张|全力|加速|有序|稳步)推进"
              # (session 62) crews pushing a work's building on ("工人们正井然有序推进主体工程施工"); not its preparations,
              # "正加快推进二期工程施工招标/许可/图", nor an official's word, "公正推进工程施工监管" (the code review)
              r"|(?<![公真纠修])正(?:在)?[^，。；,;]{0,6}?推进[^，。；,;]{0,8}?工程施工(?!图|招标|许可|前期|前|准备|单位|队伍|合同|方案|设计|监管)"
              # (session 60) in other words: "寨门正在修建中", "取水隧洞已掘进270余米", "36台风机全部安装到位" (a plant's units
              # set up, not yet running; not any equipment, "新购CT设备已全部安装到位": review60b)
              r"|正在(?:加紧|紧张|抓紧)?(?:修建|兴建)(?!的|中的)|(?:已经?|累计)掘进[\d一二三四五六七八九十百千两]"
              r"|(?:风机|机组)[^，。；,;]{0,8}?(?:全部|全面)?(?:安装|吊装)(?:到位|完成|完毕)"
              # (session 33) a site busy, crews at work on its site ("工地上一片忙碌景象", "工人在某医院项目工程工地固定钢筋",
              # "风机正在紧张安装"; a headline's "某项目建设稳步推进": _ONE_WORK_UNDER_WAY_HEADLINE)
              r"|(?:工地|施工)(?:现场)?上?一片(?:忙碌|繁忙)|正在紧张安装"
              # ("工人正有条不紊地进行桩基础施工", "工人们正紧锣密鼓地安装", "场平工程正在加紧推进", "进入组机吊装阶段";
              # not "正积极进行施工准备", "场平工程正在推进招标工作")
              r"|正(?:在)?[^，。；,;]{0,6}?进行[^，。；,;]{0,10}?施工(?!招标|单位|图|许可|队伍|前|准备)|紧锣密鼓(?:地)?安装"
              r"|(?:场平|基础|主体|桩基)(?:工程|施工)?正在(?:加紧|抓紧)?推进(?![^，。；,;]{0,6}?(?:招标|前期|手续|准备))"
              r"|进入[^，。；,;]{0,4}?吊装阶段"
              # (session 46) a first unit hoisted ("首台风机顺利完成吊装": set up on site, not yet running; only done words
              # between: "将于本月底始发", "预计明年吊装", "尚未吊装" are none), a site busy ("热火朝天的施工景象"; not
              # "当年热火朝天的建设场面", history). Not a work back at work ("某工程全面复工"): xwlb's readers label none.
              r"|首台(?:风机|机组|盾构机)(?:已经?|顺利|成功|正式|开始|完成|实现|进行)*(?:吊装|安装|始发)(?!计划|方案|准备)"
              r"|热火朝天的?施工(?:景象|场面|场景)"
              # (session 47) a plant's equipment arriving to be installed ("生产设备陆续进场安装"): the buildings up, the work
              # under way; a done word between, at least one (not "待厂房建成后，生产设备进场安装", "若…"; a plan before it governs:
              # "预计下月设备进场"; after it too: "…进场安装计划于下月启动"). Not any equipment: a show's, a school's, an exam's ("主要设备已进场调试", "教学设备陆续进场安装").
              r"|(?:生产|工艺)设备(?:已经?|正在|陆续|开始|全面|顺利|全部)+进场(?:安装|调试)(?![^，。；,;]{0,6}?(?:计划|方案|工作|准备))"
              r"|在[^，。；,;]{0,24}?(?:项目|工程)工地(?:上)?(?:固定|浇筑|绑扎|砌筑|作业|施工)"
              r"|施工现场|进入[^，。；,;]{0,8}?施工(?:建设)?阶段|进入(?:(?!规划|前期|招标|筹备|设计)[^，。；,;]){0,4}?建设阶段|正在进行[^，。；,;]{0,10}?施工(?!招标|单位|图|许可|队伍|前)|形象进度"
              r"|" + _SHARE_DONE.pattern)
_UNDER_WAY_VERB = re.compile(_UNDER_WAY)
# One work's rank ("是全省重点项目", "作为省级重大项目"), cut out before _AREAS_WORKS is asked.
_WORKS_RANK = re.compile(r"(?:是|为|系|作为|列为|列入)[^，。；,;]{0,8}?(?:重点|重大)(?:项目|工程)")
# A count of works before a work-under-way word: many works' progress ("18个项目正在加紧施工", "全县12个在建工程项目施工现场"),
# no one work's stage.
_WORKS_COUNTED = re.compile(r"(?:\d+|[两二三四五六七八九十百]+|多|几)(?:个|项|处|座)[^，。；,;]{0,12}?(?:项目|工程|在建)|一批|各(?:个|类)?(?:项目|工程|在建)")


# One named work's progress in a headline: the work (not a class: "重点项目", "改造工程", "六大物流项目") right before the
# progress words.
# Session 35 added works named by what they are (市场, 码头, 滑雪场…) and the progress phrases of news ("抓紧施工",
# "建设紧锣密鼓", "施工正酣"), as real headlines have them ("城南果蔬批发市场抓紧施工中", "车阳河综合码头建设紧锣密鼓").
# Session 58 added "进展良好", "加快推进", "加力提速" ("陇东活畜交易市场项目进展良好": the readers of n18–n20 and h1–h11
# label each such one work's headline 开工); the last two not before an object pushed on (not "某中心加快推进“一网通办”",
# "某产业园加快推进招商", "某医院加快推进智慧医院建设"; a second phrase may follow: "某冷链物流仓储项目加快推进特优农产品走向全国").
# (The characters a class of works ends in before its work noun: "重点项目", "改造工程", "全县项目".)
_CLASS_BEFORE = "点大业个级上元类批的型和、多造县市区镇乡村省资"  # (资: "招商引资项目", "外资项目"; session 58)
_PROGRESS_WORDS = (r"(?:建设)?(?:施工)?(?:进展顺利|进展良好|进展迅速|(?:加快推进|加力提速)(?![“\"「《]|招商|前期|[^，,。！!？?\s]{0,10}?(?:建设|落地|工作|改革|申报|审批|手续|服务|办理|整改|创建|一网通办))|有序推进|稳步推进|加快建设|加紧建设|最新进展"
                   r"|有条不紊|顺利推进|快速推进|加速推进|(?:抓紧|加紧|加快|加速|全力)(?:施工|建设)|紧锣密鼓|如火如荼|正酣|热火朝天)")
# One work pointed at ("济宁高新区这一省级重大项目建设加力提速", session 58): its rank ("重大项目") is no class of works.
THIS_WORK = re.compile(r"(?:这一|这个|这座|这家)(?!(?:[县市区城镇乡村省州])(?!级))[^，。；,;\s！!？?]{0,12}?(?:项目|工程)")
_THIS_WORK_UNDER_WAY = re.compile(THIS_WORK.pattern + _PROGRESS_WORDS)
_ONE_WORK_UNDER_WAY_HEADLINE = re.compile(
    r"(?<![" + _CLASS_BEFORE + r"])(?<!民生)(?:项目|工程|产业园|工业园|物流园|科技园|中心|基地|医院|学校|大桥|水库|电站|管线|市场|码头|滑雪场"
    r"|体育场|体育馆|场馆|厂房|隧道|公路|铁路|机场|港口)" + _PROGRESS_WORDS +
    # (session 50) "某石化项目建设忙", "某项目建设得如火如荼", "某煤化一体化项目建设进入冲刺阶段", "某水利项目建设跑出“加速度”":
    # only after 建设 or 施工 (not "某医院忙救治", "某机场忙", "某电站忙发电") and a name right before the work (not
    # "某县：项目建设跑出加速度", "各地项目建设忙", "春节期间项目建设忙"); not "产业园建设提速" (a standing park's growth,
    # its firms settled long ago)
    r"|(?<=[\u4e00-\u9fffA-Za-z0-9”\"])(?<![" + _CLASS_BEFORE + r"地间])(?<!民生)"
    r"(?:项目|工程|电站|水库|隧道|大桥|公路|铁路|机场|管线|基地|产业园|工业园|物流园)(?:建设|施工)"
    r"(?:忙|得如火如荼|进入冲刺|跑出[“\"]?加速度)")
# …or pushed on by name, the headline's other order ("紧锣密鼓推进玉米深加工项目建设", "大力推进“冷链物流基地”项目建设"): a
# work named, not a class ("推进农村学校建设", "推进乡村旅游项目建设", "推进重点项目建设", "老旧小区改造项目"), and one work
# only where the lead speaks of no class of works either (_CLASS_OF_WORKS_LEAD: one_work_progress).
_ONE_WORK_PUSHED_HEADLINE = re.compile(
    r"推进(?![^，,。；;\s]{0,2}?(?:农村|乡村|城乡|民生|重点|重大|各类|各项|产业|工业|招商|基础设施|水利|交通|城建|老旧|保障"
    r"|高标准|棚户|安置))(?![^，,。；;\s]{0,24}?(?:改造|农田|小区|住房|民生)(?:项目|工程))"
    r"[“\"]?[^，,。；;\s]{2,24}?(?:项目|工程)[”\"]?建设(?![^，,。；;\s])")
# A lead speaking of a class of works ("推进重点项目建设提速增效", "调研旅游重点项目建设情况", "一批项目正在加紧建设"); not one
# work's rank ("该项目是省重点项目").
_CLASS_OF_WORKS_LEAD = re.compile(r"(?:重点|重大)(?:工程)?(?:项目)?(?:建设|进展)|一批|多个|各(?:个|类|大)?项目|(?:\d+|[两二三四五六七八九十]+)个(?:重点|重大)?项目")
_PARKS = re.compile(r"^(?:工业园|物流园|科技园)")
_MANY_IN_HEADLINE = re.compile(r"一批|多个|齐头并进|[两二三四五六七八九十\d]+[个项大座所]|重点|重大"
                               # (session 62: "县长调研部分项目建设情况"; not one work's parts, "某高速公路部分工程": the code review)
                               r"|(?:^|(?<=[县市区镇乡州旗长记\s]))部分(?:在建|民生)?(?:项目|工程)|调研部分")
# A body telling the work has not started (its start planned, its preparations or tender under way): no progress of a work.
NOT_STARTED = re.compile(r"(?:计划|预计|拟|将于?|力争|争取)[^，。；,;]{0,12}?(?:开工|动工|开建)|前期(?:工作|准备|手续)|施工准备|施工招标|环评"
                         r"|可研|用地预审|(?:正在|抓紧)办理[^，。；,;]{0,8}?(?:用地|规划|施工许可|前期|立项|环评)")
# …and, for one work's progress (one_work_progress), a design or the land still being readied (session 70's review:
# "…已完成方案设计，正在进行施工图设计和征地拆迁准备工作"), not once done ("征地拆迁工作已全部完成，路基工程完成70%": the
# second review); kept apart from NOT_STARTED, a feature the stage model's weights were fitted on.
_NOT_STARTED_WORK = re.compile(NOT_STARTED.pattern + r"|(?:方案设计|施工图设计|规划设计|征地拆迁|土地摘牌)"
                               r"(?![^，。；,;]{0,6}?(?:已|全部|基本)?(?:完成|结束))")


def under_way_word(verb: str) -> bool:
    """Whether ``verb`` (a matched stage verb) tells a work under way, not its start ("封顶", "正在加紧施工")."""
    return bool(_UNDER_WAY_VERB.fullmatch(verb))


# A visit's words (talks only when a work is named: _VISIT_TALK below) and a visit to a place ("来我县考察", "赴某地投资考察").
# (review55a) a meeting, and a visit to choose a site ("会见了某光伏企业董事长一行。该企业有意在和县投资30亿元…",
# "考察项目选址"): talks when a work or an investment meant is named, as the other visit words.
# (session 66: a named work's site visited, "考察纺织产业基地项目选址情况")
_VISIT_WORDS = r"会谈|会见|座谈|考察交流|投资考察|考察投资|(?:投资)?选址考察|考察(?:[\u4e00-\u9fff]{0,12}?项目)?选址|交换(?:了)?意见"
_VISITED = r"[\u4e00-\u9fff]{1,10}?(?:投资)?考察"

# A study's or a design's assessment meeting ("环境影响报告书技术评估会", session 67: "可行性研究报告评估会", "初设评估会"):
# a review (评审) held, and like 审查会 one that needs a work named (_NEEDS_A_WORK).
_STUDY_MEETING = r"(?:技术|可行性研究报告|可研(?:报告)?|初步设计|初设)评估会"

_VERBS = {
    # "进口商谈判" is 进口商 + 谈判; "欢迎各地客商前来考察洽谈" invites talks, none held (_INVITED).
    # An investor's visit with talks ("带队来我县考察…在随后召开的座谈会上，双方围绕…", "考察交流", "就…深入交换了意见"):
    # talks held when a work or an investment meant is named (session 30's visit words; session 34's convention:
    # _VISIT_TALK, _visit_names_a_work).
    # Talks by name also when an investment-promotion trip meets investors ("对接了某某有限公司…等台企", "拜访对接重点企业",
    # "开展…招商对接活动"); not a charge or a strategy ("加强与企业沟通对接", "积极对接龙头企业", "精准对接国家政策").
    "洽谈": r"洽谈|商谈(?!判)|对接会|考察对接|(?:拜访|走访)对接|对接了(?=[^，。；,;]{0,30}?(?:公司|企业|集团|台企|客商|外商|商会|项目(?!资金|的?技术)))|招商对接活动|达成[\u4e00-\u9fff]{0,6}?意向|" + _VISIT_WORDS
            + r"|(?<=[来到赴])" + _VISITED + r"(?=[，。；,;、\s]|$|并|期间|(?:(?!重点|重大|建设)[^，。；,;]){0,16}?(?:投资|合作)事宜"
            + r")"  # not "赴宁德考察重大项目建设" (an inspection); "来荆考察储能电池项目投资事宜" is the visit's purpose
            # "接待来涪考察的新材料项目客商": investors come to look (not "赴深圳考察的企业家代表团", our own; not "调研组一行", officials)
            + r"|(?<=来)" + _VISITED + r"(?=的[^，。；,;]{0,8}?(?:客商|企业家)(?!调研|代表团|考察团|联合会|协会|商会))"
            # "双方就投资合作达成初步共识" (not "就项目征迁补偿问题达成共识", "就…扩大有效投资等达成广泛共识")
            + r"|(?<=就)[^，。；,;]{0,12}?(?:投资|项目)(?:合作|落户|落地)(?:事宜)?达成[\u4e00-\u9fff]{0,4}?共识"
            # (review55a) talks on a named work by 对接 ("就该集团中药材深加工项目落户霍山进行对接")
            + r"|(?<=就)[^，。；,;]{0,30}?项目[^，。；,;]{0,12}?(?:进行|开展)了?(?:深入)?(?:对接|洽商|磋商)(?=[，。；,;\s]|$)",
    # 落户 (a project settles in a place, "项目落户辽宁") states where, not a stage: the gold set's readers
    # label it none, as they do 入驻 (bench/data/facts/README.md); a signing says 签约 itself.
    "签约": r"签约|签[订定]|签署|签下|项目签字|签字仪式|(?:协议|合同)(?:的)?签字|订立(?=[^，。；,;]{0,12}?(?:协议|合同))|达成[\u4e00-\u9fff]{0,4}协议|(?<=新)签(?=[\u4e00-\u9fff]{0,10}?项目)",  # "达成合作协议", "签下了906个…合同项目", "新签国内省外合作项目5118个"
    # A filing regime ("外商投资项目95%以上实行备案制", "备案管理") is the rule, no project's filing; nor is an audit's
    # result filed or a count of filings ("现将…备案结果公告如下", "共完成备案项目数562个": session 56), nor homes' sales
    # contracts filed ("新建商品房网签备案1200套", "合同备案": review56a).
    "备案": r"(?<!网签)(?<!合同)(?:完成|予以)?备案(?!制|管理|结果|项目数)",
    "核准": r"通过核准|获得核准|予以核准|核准|获批|批复(?!概算|的?(?:总投资|投资|概算|规模))|获[^，。；,;]{0,12}?批准|(?<![县市区省])通过了?[^，。；,;]{0,10}?(?:厅|局|委|部|政府)的?(?:规划|立项|项目)?审批|完成立项审批|批复立项|立项批复"
            # an approval's own words ("原则同意该项目立项", "原则同意新建某县高标准农田建设项目": session 32), not refused ("不同
            # 意该项目立项") nor of a deal, a plan or a list about a work ("原则同意某项目投资协议", "原则同意将某项目列入…")
            r"|(?<![不未没])(?:原则|基本)?同意(?:该|本|此)?项目立项"
            # (session 49) a work set up as approved ("某土地综合整治项目已立项", "该工程正式立项"; a sentence naming a work:
            # _NEEDS_A_WORK; not "课题已立项", nor the papers "立项申请", "立项手续", nor a condition "一旦正式立项", a list
            # "已立项的重点项目清单", a class "已立项但长期未开工的项目", a filing "立项备案")
            r"|(?<!一旦)(?<![果若待])(?<![未没不])(?:已经?|正式|成功|顺利)立项(?!申请|手续|审批|前|工作|备案|之前|计划|的|但)(?![^，。；,;]{0,8}?(?:清单|名单|目录))"
            # an approval's reply to the applicant (session 38: "…的请示收悉。经研究，现批复如下", "同意你单位的建设项目可行性研究
            # 报告", "同意你单位提出的项目申请"; not a study dropped or its fee refunded, "同意你单位不再编制…可行性研究报告"), and an
            # assessment's decision made ("对3个建设项目环境影响评价文件作出审批决定"; not intended or pending: "拟作出", "待作出")
            r"|现(?:将有关事项)?批复如下|(?<![不未没])同意你(?:们|单位|局|委|公司|中心)?(?:的|提出的|报送的|上报的|报来的)?"
            r"(?:(?!不|暂缓|退|撤回|终止|取消|注销|费)[^，。；,;]){0,16}?(?:可行性研究报告|初步设计|项目申请|实施方案|建设方案)(?![^，。；,;]{0,6}?费)"
            r"|(?<![拟待应需须将要缓备法])作出(?:准予)?(?:审批|批复|许可)决定"
            r"|(?<![不未没])(?:原则|基本|(?<=经研究)|(?<=经研究[，,]))同意(?:新建|建设|实施|扩建|改建)?(?:(?!将|把|列入|收购|转让|方案|协议|请示|资金|补助|申请|终止|调整|撤销|撤回|暂缓|取消|变更|停止|退出|注销)[^，。；,;]){0,30}?"
            r"(?:项目|工程)(?:立项|建议书)?(?=[，。；,;：:]|$)"
            # approved to be set up ("被国家批准立项", "获省发改委批准立项" is 获…批准's), a work's permit issued ("建设工程规划许可证由某局
            # 正式核发", "核发施工许可证")
            r"|(?:批准|准予|同意)立项|许可证[^，。；,;]{0,20}?核发|核发[^，。；,;]{0,16}?许可证"
            # an assessment's approval granted (session 39: "某项目环评审批获原则同意", "环评获同意"; not any approval, "银行贷款
            # 审批获同意")
            # (the first line's 通过…审批: "通过了山东省环保局的审批", not "某县通过并联审批")
            r"|环评(?:审批)?获(?:得)?(?:原则(?:性)?)?同意"
            # (review55a) an assessment's decision or an energy review's opinion given ("…环境影响报告书的审批决定",
            # "…项目节能报告的审查意见：原则同意"; not one proposed, "拟作出审批意见的公示": 评审's)
            r"|(?<!拟)(?:环境影响|环评)[^，。；,;拟待将]{0,24}?审批决定(?!前|的?公示)|节能(?:报告|评估报告)?[^，。；,;]{0,4}?审查意见(?!的?公示)",
    # "通过市发改委评审", "通过专家审查": a reviewing office or experts may stand between (not "通过深交所审查", "通过国家
    # 安全审查", "通过省级企业技术中心评审": a listing, a security check, a firm's own title).
    "评审": r"通过专家评审|专家组?评审|评审会|通过(?:可研|初步设计|初设|方案)?评审|通过(?:专家|技术)?审查(?!调查)"
            r"|通过[省市县区]?级?(?:发改委|发展改革委|发展和改革委员会|水利厅|水利局|交通运输厅|住建局|住建厅)(?:组织的)?(?:专家)?(?:评审|审查)"
            # A design reviewed by the sector's authority ("民航局正式出具亳州民用机场可研报告行业审查意见", "取得…审查意见").
            r"|(?:出具|取得|形成)[^，。；,;]{0,24}?审查意见|完成[^，。；,;]{0,16}?行业审查|(?<![县市区省])通过了?[^，。；,;]{0,6}?(?:技术|专家)评估(?!，?筛选)"
            # a review meeting held ("可行性研究报告审查会在郑州召开", "论证会在广州举行"), a first round passed ("通过省级初评"), an
            # appraisal passed ("可研报告通过国家发展改革委评估审查", "顺利通过了论证")
            r"|审查会|论证会|通过[^，。；,;]{0,8}?初评|评估审查|(?<![县市区省])通过了?[^，。；,;]{0,8}?论证"
            # (session 55) an impact assessment's report put out for the public's comment ("…环境影响评价公众参与第一次信息
            # 公示", "环境影响报告书（征求意见稿）公示", "报审前公示"): the assessment under review, as readers label it (7 of 8
            # such pages of sessions 54–55), and so is one received or proposed for approval ("环境影响报告书受理情况公示",
            # "拟批准的…环境影响评价文件公示"): no decision yet. Not the decision's notice ("审批决定", "批复": 核准's) nor an
            # acceptance's ("竣工环境保护验收…公示": 竣工's).
            # (session 56) A proposed decision's notice may name the decision ("拟作出的建设项目环境影响评价文件批复决定的
            # 公示", "现将拟审查审批的…环境影响评价文件基本情况予以公示"): its 拟 starts the match, so it plans nothing here.
            r"|拟(?!建|新建|扩建|改建|设立)[^，。；,;]{0,16}?(?<!验收)(?:环境影响|环评)(?:(?!验收|已批准|同意)[^，。；,;]){0,30}?公示"
            r"|(?<!验收)(?:环境影响|环评)(?:(?!验收|决定|批复|已批准|同意)[^，。；,;]){0,24}?公示"
            r"|(?:报审|送审)前公示|公众参与(?:第[一二三四]次)?(?:信息|拟报批|报批前)?公示"
            r"|拟对[^。；;]{0,60}?(?:环境影响|环评)[^。；;]{0,30}?(?:作出|进行)[^，。；,;]{0,8}?(?:审批|批复|批准|审查)"
            # an assessment received for approval ("2024年7月16日我局受理某工程环境影响评价文件", "共受理1个建设项目环境影响
            # 评价文件"), a notice citing the public-participation rules, which bind a builder before the decision ("根据《环境
            # 影响评价公众参与办法》…现将报告书全文和公众参与说明进行公示"), and the first notice's or the draft's standard items
            # ("环境影响评价的主要工作内容", "征求公众意见的主要事项")
            r"|(?<![不未])受理(?:(?!验收)[^。；;]){0,40}?(?:环境影响|环评)(?:报告|评价|文件)"
            r"|(?:环境影响评价|环评)公众参与(?:暂行|管理)?办法|环境影响评价(?:的)?(?:工作程序和)?主要工作内容|征求公众意见的主要事项"
            # (review55a) a design passing a technical review, a review's meeting held ("原则同意报告书通过技术评审",
            # "环境影响报告书技术评估会在呼和浩特召开"; session 67: a feasibility study's or a design's, "某工程可行性研究报告
            # 评估会在永泰召开", as 审查会 and 论证会 are)
            r"|通过技术评审|" + _STUDY_MEETING +
            # (session 62) a study's review done ("完成了项目可行性研究报告评审"), and a work's impact assessment put to its
            # neighbours ("现征求附近居民和单位对项目在环境保护方面的建议")
            r"|完成(?:了)?[^，。；,;]{0,14}?(?:可行性研究|可研|初步设计|初设|设计方案)[^，。；,;]{0,6}?(?:评审|审查)(?!会前|前|工作(?:计划|安排|方案))"
            r"|征求[^，。；,;]{0,20}?环境保护方面的(?:意见|建议)"
            # (session 62) a work's approval notice before the decision, told in a news story ("某引水工程项目正在进行审批
            # 公示", "某训练馆建设工程规划许可正进行批前公示"): as an impact assessment's, under review
            r"|(?:审批|批前|审批前)公示(?!结果|栏|信息)",  # (拟 is _planned's)
    # The builder chosen: a tender done. A contract won at home ("某集团成功中标赣州市赣南大道快速路项目", "收到…《中标
    # 通知书》") is the work's tender done, as readers of real regional stories label it (session 19: 9 of 294 stages;
    # not 中标候选人公示, candidates only, as session 18's review decided); one won abroad ("中国铁建…中标墨西哥城至克雷塔罗高速铁路项目") is a contractor's news,
    # no stage in the gold set's rules (bench/data/facts/README.md): see _skip_reason. (Not 开标: bids opened only.)
    "招标": r"完成招标|完成(?:了)?[^，。；,;]{0,8}?评标|完成(?:了)?[^，。；,;]{0,8}?招投标|招标(?!投标[^，。；,;]{0,4}?(?:中心|网|法|办|局|平台|条例|服务|交易)|计划)|确定(?:了)?施工单位|中标(?!候选|单位|企业|方|人|麒麟|软件|金额|价|额)",  # not "项目中标单位…董事长" (a title)
    # "开复工": started or resumed; "启动建设", "扩建工程正式启动", "某工程日前在天津启动": construction launched.
    # (session 55) A plant set to work ("轧花厂开工生产", "企业纷纷开工上生产线") runs, often a season's work again: no
    # construction started.
    # Not 开 + 工作/工业 of another verb: "召开工作会议", "召开工业经济推进会", "展开工作", "公开工程信息".
    "开工": r"(?<![召公展打离])开工建设|集中开工|开复工|开[（(]复[）)]工|(?<![召公展打离])开工(?!贸|生产|上生产线|上线)|动工|奠基|破土|开建|开始(土建)?(兴建|建设|施工)|(?:(?<=工程)|(?<=项目))集中启动(?!仪式后)|(?:正式)?复工建设|(?:全面)?恢复了?施工|(?:建设|施工)(?:正式|全面)?启动(?!仪式后|资金|经费)|(?<=[区目程园)）])建设工作(?:正式|全面)?启动(?!会|仪式后|资金|经费)|(?:(?<=正式)|(?<=已)|(?<=年)|(?<=月)|(?<=日)|(?<=于))动建|(?:正式|开始)施建|启动建设|(?:开始|正式)桩基施工|(?:建设|施工|开工)(?:(?!行动|活动|会|年|战)[^，。；,;]){0,4}?拉开(?:了)?(?:序幕|帷幕)|(?:正式|已|全面)投建|桩基[^，。；,;]{0,4}?开钻|(?<=工程)(日前|近日|今天|今日|昨天)?(在[\u4e00-\u9fff]{1,8}?)?(正式|全面)?启动(?!仪式后)"
          # (session 58) "改造建设工程已全面启动", "工程已于6月15日全面启动": only where 启动 ends its clause (not "工程已启动施工招标",
          # "已启动房屋征收") and the 工程 is no programme ("十大民生工程已全面启动")
          r"|(?<=工程)(?<!民生工程)(?<!实事工程)(?:已经?|已于[^，。；,;]{0,10}?)(?:正式|全面)?启动(?=[，。；,;！!？?\s]|$)"
          # (session 60) one work's building launched, its name between ("企业启动了二期项目建设", "于3月19日启动某隔离点二期
          # 项目建设"); not a class of works ("启动5个重点项目建设", "启动美丽乡村项目建设", "启动城区老旧小区改造项目建设"), a
          # campaign or a meeting ("启动“项目建设攻坚年”活动", "启动城市更新项目建设三年行动", "启动产业项目建设流动现场会"), the
          # preparations, a tender or the land ("…建设前期工作", "…工程建设施工招标", "…项目建设用地征收"), nor a study of it
          # ("研究启动…项目建设相关事宜": review60a)
          r"|(?<!研究)(?<!筹备)(?<!准备)(?<!谋划)(?<!尽快)(?<!适时)(?<!建议)启动(?:了)?(?:(?!重点|重大|产业项目|民生|各|一批|全[市县区省]|[\d一二三四五六七八九十两]+[个项批]"
          r"|美丽乡村|老旧小区|背街小巷|棚户区|城中村|农村|乡村|城市更新)[^，。；,;、“”\"「」《》]){1,16}?"
          # (session 63) or a section's, "的" between ("正式启动某公路改善提升工程 XXSS-1 标的建设")
          r"(?:项目|工程)(?:\s?[A-Za-z\d-]{1,12}\s?标段?)?的?建设(?![^，。；,;]{0,8}?(?:流动|现场会|会|活动|年|月|行动|计划|工作|前期|资金|招标|用地|征收|征迁|拆迁|事宜|方案|规划|手续|可行性|可研|论证|研究)|的|相关)"
            # (session 57) a work's crews on site building ("占地1850亩的农旅融合项目已进场施工"; not "计划下月进场施工": a plan,
            # _planned; not repairs, "维修人员连夜进场施工")
            r"|(?:项目|工程)(?:目前|现已|均)?(?:已经?|正式|全面|陆续|顺利|开始)?进场(?:开始)?施工(?![前时的]|准备|单位|许可|队伍|条件|方案|期间|计划|前期)"
            # (Not the builder alone on site, "招标投标，目前施工单位已进场": session 21's review reads the tender there.)
            # A work under way (_UNDER_WAY): it has started.
            r"|" + _UNDER_WAY,
    # 投用: put in use, as 投入使用 (joined to a completion, "建成投用", "竣工投产", 竣工 reads it: session 55); a power
    # plant's output fed in whole ("全容量并网", "正式并网发电"; not "首台风机并网发电", a first unit's).
    # A plant's first output ("首车下线", "一次开车成功", "实现量产"), water let into a works ("正式通水"; not "恢复").
    # A plant built and run in one phrase ("建成投产", "建成投运") produces; a
    # furnace or a plant fired up ("高炉点火开炉", "点火发电试运行") or put on trial run ("投入试运行") produces.
    # (Not "上线运行", "成功并网", "正式并网": an app, a first unit.) (Session 60) A work's connection ceremony ("某光伏发电示范
    # 项目并网发电启动仪式在某镇举行"; not a first unit's, "某电厂首台100万千瓦机组并网发电仪式": review60b) and a plant "建成且
    # 并网发电" produce too.
    "投产": r"正式投产|建成投产|点火(?:开炉|投产|发电|运行|试运行)|投入试运行|建成开馆|(?<!恢复)正式通航|建成通航|首车下线|开车成功|实现量产|(?<!恢复)正式通水|试通水(?:圆满)?成功|成功试通水|(?<!暂停)(?<!停止)(?<!未)投用|正式开园|开园运营|开园投产|(?<!重新)(?<!恢复)(?<!再次)(?:盛大|隆重)开园|(?:举行|举办)了?(?:(?!重新|恢复|再次)[^，。；,;]){0,4}?开园(?:仪式|庆典)|(?<!重新)(?<!恢复)(?<!再次)开园(?:仪式|庆典)(?:隆重|盛大|正式)?举行|(?<!重新)(?<!恢复)投入生产|(?:全容量|全部机组|全面|全部|建成且?)(?:成功)?并网(?:发电)?|(?<=[目站场厂])并网发电(?:启动)?仪式|(?:完成|通过)[^，。；,;]{0,12}?试运行(?!前|的?准备)|(?:开始|进入|正式)试运行(?!前|的?准备|阶段前)|(?<=[站港厂馆园场库])(?<!网站)(?:已|顺利|成功)?试运行(?=$|[，。；,;！!\s])|试营业|(?:开始|正式|投入)试运营|建成并?试运营|(?<=高炉)[^，。；,;]{0,12}?出铁|顺利出铁|(?<!无负荷)(?<!联动)试车(?:圆满)?成功|(?:开始|正式|顺利|成功)投料试车(?!前|的?准备|方案|计划)|移交(?:商业)?运营|(?:正式)?并网供水|建成并?投入(商业)?运营|建成并?投入商运|建成投运|投产|正式启用|全面启用|(?<=[站馆院楼厂港])(?:近日|日前|今天|今日|昨天|已|已经|顺利|于[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日)?启用(?!仪式后|[^，。；,;]{0,6}?(?:前|后|时))|投入使用|(?<!测)试生产|试产|投入(商业|试)?运营|(?<!暂停)(?<!停止)" + _NOT_A_WORKS_OPENING + r"正式运营(?![\d一二三四五六七八九十两]+(?:个月|年|周年)|以来)|(?:" + _NOT_A_WORKS_OPENING + r"正式|(?<!正式)" + _NOT_A_WORKS_OPENING + r")启动运营|投运|达产|开通运营|正式开通(?![^，。；]{0,10}?(公交|航线|专线|热线|线路|班次|频道|账号|服务))|投入运行|"
            # production begun in other words: "正式启动生产", "首台机组下线", "正式点火", "完成通水", "开港试运营"
            # ("召开港澳推介会", "召开服务业大会", "具备批量生产能力", "发动机成功点火": none of them)
            r"(?:正式|开始|启动|全面)生产(?![线基车许经要力资总安企设])|(?:实现|开始|投入)批量生产|(?:首台|首辆|首批|首架|首件|首套)[^，。；,;]{0,12}?下线"
            r"|(?:正式|成功|顺利|胜利)点火(?!仪式)|点火成功|(?:完成|实现)通水|通水试运行|并网启动|(?<![召展公离])开港(?!澳)|"
            # (session 63) a works' water or gas let in at a ceremony held ("某供水项目在某产业园举行通水仪式", "某天然气
            # 利用工程通气点火仪式隆重举行"): its use begun, as "正式通水" (not resumed, "恢复通水仪式"; a season's irrigation
            # water, "某灌区举行春灌通水仪式", is read apart: _IRRIGATION)
            r"(?:举行|举办)了?(?:(?!恢复)[^，。；,;]){0,12}?通(?:水|气)(?:点火)?(?:仪式|典礼)"
            r"|(?<!恢复)通(?:水|气)(?:点火)?(?:仪式|典礼)(?:隆重|盛大|正式)?举行|"
            # a plant's output fed in, told as done ("电站已并网发电", "某发电项目成功实现并网发电", "一次性成功并网发电"),
            # or a works put on trial run ("风电项目并网试运行", "污水处理厂进水试运行"); a first unit's is "a part"
            # (_FIRST_UNIT_BEFORE), and not the output's noun ("并网发电收益")
            r"(?:已|成功|顺利|实现|正式)(?:实现)?并网(?:发电|运行)(?!量|收益|收入)|(?:并网|进水|投料|进料|带负荷)(?:发电)?试运行(?!方案|计划|前|的?准备|工作)|"
            # (session 62) told as of late ("某农林废弃物发电项目日前并网发电"), and a plant's feed trial ("某垃圾焚烧处理
            # 项目举行进料试运行庆祝活动")
            r"(?:日前|近日)(?:已|顺利|成功)?并网(?:发电|运行)(?!量|收益|收入)|"
            # (session 65) told as a success after the verb ("某垃圾焚烧发电项目并网发电一次成功", "并网运行圆满成功")
            r"并网(?:发电|运行)(?:一次性?)?(?:圆满|顺利)?成功|"
            # (session 63) a plant's output fed into a named grid ("成功并入冀北电网发电"; not a bare "已并入电网的新能源装机" of
            # a tally, nor a local grid merged, "并入国家电网统一管理/运行": review63b, the code review)
            r"(?:已|已经|成功|顺利|正式)并入[^，。；,;]{1,6}?电网发电(?!量|收益|收入)|"
            # (session 57) a market, centre or park opened for business ("农副产品交易中心开业", "客运中心正式揭牌运营", "某产业园
            # 开业庆典…隆重举行"): its use begun, as readers label it (6 of 6 seen pages). A work's noun stands before it in its
            # clause, and the match starts there: not a shop's, a firm's, a fund's, a post's or a bank's ("某连锁超市平遥店正式
            # 开业", "某投资集团有限公司揭牌运营", "人才驿站揭牌运营", "亚投行开业仪式"), not a county's name ending in 城 ("…直营店
            # 在霍城县开业"), not planned (a plan word inside the match, where _planned does not look: "某菜市场将于下月开业"),
            # reopened, an anniversary, a date or a licence ("恢复开业", "开业一周年", "开业以来", "开业许可"): reviews 57a and 57b.
            # (Session 62) Nor the conditions for it ("各类设施设备…能够满足开业条件": a completion's acceptance, 竣工's.)
            r"(?:市场|中心|园区?|城(?!市|乡|县|区|镇|关)|综合体|酒店|广场|基地|项目|工程|馆|厂|港|(?<!驿)站|大厦|商场|景区|小镇|街区)"
            r"(?:(?!公司|集团|基金|银行|事务所|店|超市|药房|驿站|将|计划|拟|预计|准备|有望|力争|争取|预定|定于)[^，。；,;]){0,12}?"
            r"(?<![未再行])(?<!恢复)(?<!重新)(?:正式|盛大|隆重|顺利)?(?:开业|揭牌运营|揭牌投运)"
            r"(?!前|后|以来|时|率|至今|仅|已|满月|[一二三四五六七八九十\d]{1,2}周年|周年|的?筹备|的?准备|资金|补贴|登记|许可|执照|的?条件|的?要求)|"
            r"(?<!闭)(?<!正常)(?<!恢复)(?<!每天)(?<!按时)开馆|(正式|全线)?(?<!恢复)(?<!暂停)(?<!禁止)(?<!中断)(?<!临时)通车(?!里程)|投入商运",
    # 开通运营, 通车: a line, road, bridge or tunnel opened to traffic (a measure, "通车里程", is none; a bus
    # route, a flight or a hotline "正式开通" is a service, and "恢复通车" reopens a road);
    # 开馆: a museum or hall opened (not "正常开馆", "恢复开馆": opening hours); 建成投入商运 (commercial operation) is read whole, like 建成投产
    # (建成通车 is two verbs, and the completion, the furthest stage, wins).
    # (Session 59) "目前已全部完成建设" ending its clause: built (not "已完成建设任务的80%", "已完成建设用地报批").
    # "构建成链", "组建成", "共建成渝": a verb ending in 建 before 成 ("into", a name) is no completion, nor a name ending in 建
    # before 成功 ("国龙矿建成功中标");
    # "建成区" is a city's built-up area. 落成: a building's or a bridge's completion ("体育中心今天落成"); not
    # "临近落成" (not yet); "落成启用" is read whole below.
    # (session 55) a completion joined to use in one phrase ("竣工投产", "竣工投用", "已建成投入使用", "建成并正式投入使用",
    # "建成通水", "建成启用", "落成启用"): the completion, the furthest stage, as every reader of sessions 54–55 labels it
    # (before: 投产, the convention of sessions 11–19's probes). A plant "建成投产" or "建成投运" starts production: 投产.
    "竣工": r"(?:(?<=已)|(?<=已经))(?:全部|全面)?完成(?:了)?建设(?=$|[，。；,;！!\s])|(?<=工程)(?:已经?|均已|得以)(?:全面|全部|顺利)?完成(?=$|[，。；,;！!\s])|(?:竣工|落成)并?(?:正式)?(?:投产|投运|投用|投入使用|启用|通水|交付使用)|(?<![构组搭创共])建成并?(?:正式)?(?:投用|投入使用|启用|通水|交付使用)|(?:全面)?完成(?:全部)?建设任务(?![\d一二三四五六七八九十百千万的])|竣工验收|竣工(?!决算)|开[（(]竣[）)]工|完工|(?<!临近)(?<!接近)落成(?!启用|开放|投用)|(?<![构组搭创共已])建成(?!区|功(?!能))|(?<=已)建成(?!区|功(?!能)|的[^，。；,;]{0,10}?(?:最|之一|第一))|验收合格|(经|通过)[^，。；,;]{0,10}?验收|完成[^，。；,;]{0,8}?验收(?:工作)?|交付使用"
            # (session 55) a work's acceptance inspection held ("专家组…对2010年优质鱼项目进行验收", "开展某某工程项目市级
            # 验收", "检查验收2007年易地扶贫搬迁试点工程"): the work is done, as readers label it (not one due or prepared:
            # "验收前", "验收准备", "申请验收"; not a duty, "负责…验收")
            r"|(?<!负责)(?:进行|开展|组织)了?(?:[^，。；,;负]{0,6}?)验收(?!前|准备|申请|工作方案|办法|标准|条件)"
            r"|(?<=项目|工程)(?:[省市县区]级|现场|整体|专项|终期)?验收(?=[，。；,;\s]|$)|检查验收(?=[^，。；,;]{0,30}?(?:项目|工程))"
            # (session 51) a handover ceremony: the works are finished and handed over ("安置房建设项目交房仪式", "交钥匙仪式")
            # (not one put off, awaited or not yet held: "交房仪式推迟", "仍未正式交房", "业主盼正式交房", "集中交房日定在…",
            # "交房工作方案")
            r"|(?<!未)(?<!盼)(?<!待)(?:(?:交房|交钥匙)仪式|(?:正式|集中|顺利)交房(?!时间|日期|日|工作|方案|通知|手续))"
            r"(?![^，。；,;]{0,6}?(?:推迟|延期|延后|暂缓|改期))",  # 交付使用: handed over, built
}
_VERB = re.compile("|".join(f"(?P<s{i}>{pattern})" for i, pattern in enumerate(_VERBS.values())))
# A plan word governs the rest of its sentence: the stages after it are ahead, not reached
# ("计划于年底开工", "可望于今年5月第五届水晶节前完工", "定于5月18日在某馆举办洽谈会", "辽洽会将举办…活动，
# 预计签署合作项目240多个，签约金额近2700亿元", "明年要…在年内提前下达…，支持地方…先行开工"), until a
# word of a done event takes over ("该项目将分两期建设，一期已于去年竣工"). An exhortation is a plan too, and
# so are what is about to happen or could at any time ("八月上旬就要开工了", "厂房可以随时开工建设"; not
# "签约后马上开工", a pace reported, nor "可以说" or "记者可以看到").
# A deadline ("三个月内开工") and procedures still being done ("正在抓紧办理备案、环评等手续") are plans too; a
# span that reports ("两天内共集中签约…") is not.
# As planned ("按计划", "按照计划", "根据计划") states no plan: the work was done on schedule; so does
# a comparison with the plan ("比原计划提前竣工"). (A programme's name, "国家千人计划人才引进项目等9个项目成功签约", was tried as
# no plan in session 47 and left: its reviews found "国家千人计划专家团队的某项目下月开工", "列入国家火炬计划的某项目年底竣工投产",
# whose only plan word it is, as often.)
# (Session 63) A duty or a condition: "该项目为依法必招项目，必须依法招标" in an approval's reply, "项目一旦建成，将…"; not
# 应当 across words ("顺应当前…趋势", "适应当前", "应当地政府邀请": the code review), nor a rhetorical 如果说 (review63a).
_DUTY_OR_CONDITION = r"必须|务必|(?<![适顺响回相反对供感效呼])应当(?![前地今年日天月时晚场面])|一旦|(?:如果|倘若|假如)(?!说)"
_PLAN = re.compile(r"(?<![按照据])(?<!比原)计划|预计|预定|定于|将(?!近|军|领)|拟|力争|力求|争取|有望|可望|年内|明后年|明年|下一步|"
                   # (session 63) a duty or a condition, no report (its own clause only: _OWN_CLAUSE_PLAN)
                   + _DUTY_OR_CONDITION + "|"
                   # (session 55) a wish ("希望参加洽谈会的台湾客商…积极与河北企业洽谈"; not Project Hope's schools, a firm, a place:
                   # "希望小学", "新希望集团")
                   r"(?<!新)(?:希望|期望|期盼|盼望)(?!工程|小学|中学|学校|集团|乡|村|镇|之|的|田野|城|谷|广场|大道|路|街)|推动|促进(?=[^，。；,;]{0,8}?(?:开工|投产|竣工|建成|签约|落地))|加快推进|全力以赴|"
                   r"就要|快要|下个?月(?:底|初|中旬|上旬|下旬)|可以随时|随时可以|(?:正在|抓紧)办理|(?<![\d在用仅短])(?:[一二三四五六七八九十两]|\d{1,2})个?(?:月|天|日|周)内(?=(?:实现|完成|全面|正式)?(?:开工|投产|竣工|建成|签约|落地))|"
                   r"确保|(?:保障|保证(?!金|了)(?![^，。；]{0,12}?前提)|力促)(?=[^，。；、\s]{0,12}?(?:开工|开复工|投产|竣工|建成|签约|落地|达产))(?![房性])|督促|(?<=[，,：:])[\u4e00-\u9fff]{0,4}?(?<![主重需只想必紧简摘首纲机不这那高])要(?![求素点闻害是不])"  # "会议强调，要…", "今年，南昌要整治…": a modal of its clause's subject
                   # A wish for a stage ("让项目早开工、早投产", "早日建成"), not a report; "提早竣工" was done early,
                   # "最早开工的项目", "较早建成" compare works that reached it.
                   r"|(?<![提最较])早日?(?=开工|动工|投产|竣工|完工|建成|签约|落地|达产)"

                   # (session 47) a meeting's charge to a class of offices ("全市各级各部门要…主动跟踪、洽谈项目", "各县（区）务必…")
                   # (not 要 inside a word: "各县区主要负责人出席开工仪式", "各地的重要项目")
                   r"|各(?:级|地|部门|单位|县|区|乡镇|园区)[^，。；,;]{0,8}?(?:(?<![主重需只想必紧简摘首纲机不这那高])要|务必)(?![求素点闻害是不])"
                   # what a work can do ("今年可全部竣工", "不久即可投产"), not what it did (not 许可, 认可)
                   r"|(?<![许认宁])可(?=(?:全部|全面|正式|顺利|如期|基本|按期)?(?:开工|动工|投产|竣工|完工|建成|签约|落地|投用|通车))"
                   # (session 63) and a use it can be put to ("年后可投入使用"), not one begun now ("即日起可投入使用", "从今天起可
                   # 投入使用", "现已可投入使用": review63b, the code review)
                   r"|(?<![许认宁已现起])(?<!起，)(?<!起,)可(?=(?:正式|全面)?(?:投入使用|投入运营|投运))")
# What a topic opened by 就 is taken up by ("就推动某项目进行深入洽谈", "就加快推进…开展座谈").
_TOPIC_TAKEN_UP = re.compile(r"进行|开展|展开|举行|交换")
# (Session 63) A duty or a condition governs its own clause only: "按规定必须公开招标，经公开招标，某公司中标", "过去一旦遇上
# 雨天就满脚泥泞，如今…建成通车", "双方一致认为，必须进一步深化合作，此次签约的…" report what the next clause tells (review63a).
_OWN_CLAUSE_PLAN = re.compile(_DUTY_OR_CONDITION)
# (Session 63) A season's irrigation ("某灌区举行春灌通水仪式", "某县位山灌区举行2024年春季通水仪式", "某灌区年度通水仪式"):
# water let into the canals every year, no works' use begun (review63a, the code review).
_IRRIGATION = re.compile(r"灌区|灌溉|[春夏秋冬]灌|[春夏秋冬]季通水|年度通水")
# A plan word that names the investment of a work it qualifies ("计划总投资50亿元的某项目开工", "拟投资
# 3亿元的生产线投产") is part of the work's name; "今年计划投资1000亿元，新开工…" is still a plan.
_PLANNED_INVESTMENT = re.compile(r"总?投资[^，。；,;]*?的")
# A clause of its own that dates its verb ("项目一期于2022年5月18日开工") reports it, whatever an earlier clause plans ("某市
# 将实施…项目，…，项目一期于…开工"); a plan of its own clause ("计划于6月开工") still governs it (found before this is read).
# Only a full day: "项目于2026年3月开工" after "将投资…建设" is as often the plan's date (session 46's review: 16 of 17
# regressions were a month alone); the extractor has no clock to tell a past day from one ahead.
_DATED_OWN_CLAUSE = re.compile(r"\s*(?:该|本|这个)?(?:项目|工程)?(?:[一二三四五]期)?(?:工程|项目)?(?:已经?|已于|于)"
                               r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:正式|顺利|全面|如期|率先)?")
# (session 56) A space between a headline's phrases ends a statement ("这一刻将载入史册 中俄东线天然气管道投产通气"): a plan
# word before it plans its own phrase only.
_HEADLINE_PARTS = re.compile(r"(?<=[\u4e00-\u9fff”」》）)!！])[ \t\u3000]+(?=[\u4e00-\u9fff“「《（(])")
# A clause telling what is done now ("现开展…公示", "现将…予以公示", "现予以公告") reports its own act, whatever an earlier
# clause plans ("拟上报新疆生态环境厅进行审批，现开展…公众参与拟报批公示"). (现将 is the notice's "hereby", no plan word,
# where its clause makes something public, "现将…基本情况予以公示"; "现将转入试生产阶段" plans: review56a.)
_PRESENT_ACT = re.compile(r"\s*现(?:将|开展|予以|对|就|进行|启动)")
_MADE_PUBLIC = re.compile(r"予以|如下|印发|公示|公告|公布|公开|发布|通报|报送|转发")
# A purpose clause ("为推动产业升级，…", "为了加快推进…，") holds its plan word: the main clause after it
# reports ("为推动产业升级，某市32个项目今天集中开工").
_PURPOSE = re.compile(r"为了?")
# An occasion's clause ("在…即将召开之际", "…开幕前夕") holds its plan word too: it dates the main clause (session 40).
_OCCASION_CLOSES = re.compile(r"(?:之际|之时|前夕)$")
_OCCASION_PLAN = re.compile(r"(?:即将|将)[^，。；,;]{0,6}?(?:召开|举行|举办|开幕|到来|来临)")  # the occasion's own verb is due
# (Session 71: not a date's deadline, "预计在3月25日前全部完工": a day before which, no "recently".)
_DONE = re.compile(r"已|(?<![\d一二三四五六七八九十])日前|近日|今天|今日|昨天|当天|刚刚|不久前")
# A sentence for the plan's reach and the work check: a semicolon ends one too.
_SENTENCE_MARKS = CLAUSE_MARKS
# A notice of an event still to come ("关于举办2023投资贸易洽谈会的通知", "关于召开项目评审会的
# 通知") names the event in its headline: the stage words in it are the event's name.
# (session 56: an issuer may head it, "通山县关于举办…集中签约活动的通知", and the event be held, "关于举行…开工仪式的通知")
_EVENT_NOTICE = re.compile(r"^[^，。；,;\s]{0,24}?关于(举办|举行|召开|参加|组织)")
# After the verb: a condition or a time before it ("建成后", "投产以后", "竣工前").
# Another stage may stand between ("项目建成达产后，预计年产值约30亿元", "建成投运以后").
# The words that put a stage or a ceremony off (also _CEREMONY_AHEAD's).
_PUT_OFF = r"暂缓|推迟|延迟|延期|延后|改期"
# (session 54) A verb whose attempt failed or whose day was put off ("签约失败", "开工受阻", "开工日期推迟"): not reached.
_FAILED_AFTER = re.compile(r"(?:日期|时间|节点)?(?:失败|未果|受阻|遇阻|告吹|" + _PUT_OFF + ")")
# A verb negated right before it ("未获批准", "尚未竣工", "没有通过评审", "不予核准", "无签约项目"), or put off or being
# readied there ("暂缓开工", "推迟投产", "加紧筹备开工": session 54): the verb alone, not its sentence ("推迟投产的某项目本月
# 正式投产" reports the production: review54c).
_NEGATED_BEFORE = re.compile(r"(?:未|没有|没能|(?<![毫并])无|不予|不再|不得|不准|禁止)(?:能|曾)?(?:获得?|通过|完成|实现|正式|按期|如期|按时|全面|全部|整体|新)?$"
                             r"|(?:" + _PUT_OFF + r"|筹备)[^，。；,;的]{0,4}$")
_CONDITION_AFTER = re.compile(r"(?:并?(?:达产|达效|满产|投产|投运|运营|使用|通车|通水|投用|运行)){0,2}(?:后|後|时|以后|之后|前|以前|之前|之日"
                              r"|(?P<can>可以?(?!说)|将(?!近)|能够?|就能|即可))")  # what it does once done ("建成可以保障全市用水")  # "建成通车后", "建成投产满产后"
# …unless the verb is told as reached ("某项目成功签约将带动就业3000人", "正式投产将助力…"), or a headline tells the event and its
# effect ("某大桥建成通车将极大缩短两岸通行时间").
_REACHED_BEFORE = re.compile(r"(?:成功|正式|顺利|已经?|今天|今日|日前|近日)[^，。；,;]{0,4}$")
_FOR_BEFORE = re.compile(r"(?<![成作认因以])为[\u4e00-\u9fff]{0,6}$")
_READYING_AFTER = re.compile(r"[^，。；,;]{0,4}?(?:做|作)[^，。；,;]{0,10}?准备|[^，。；,;]{0,4}?(?:奠定|打下|冲刺|创造条件)")
_PROJECTS_COUNTED_BEFORE = re.compile(r"(?<![\d第])(?:[2-9]|\d{2,})(?:多|余)?个(?:重点|重大|产业)?项目(?:已经?|相继|陆续|先后|顺利|全面|正式)*(?:新)?$")
# A headline's bare year, a month with no day, or next month before its verb ("长春新会展中心2020年开工建设", "某隧道7月开工",
# "某桥2018年年底建成通车", "某温泉下月开建", "某储备库月底开建"): the time the stage is due (a report names its day: "3月18日开工"). Not a
# time told as past ("已于去年8月投用"; _PAST_BEFORE) nor a span since it ("7月投产以来").
_PAST_BEFORE = re.compile(r"已|去年|前年|上年|上月|上个月|此前|早在")
_YEAR_AHEAD_BEFORE = re.compile(r"(?:(?<!\d)\d{4}年|(?<![\d月])(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份?|下个?月|明年"
                                # (session 36) a month's or year's end with no number ("某储备库月底开建", "本月底开工")
                                r"|(?<![\d一二三四五六七八九十])(?:本|当|这个?)?[月年](?=底|末))(?:年?(?:内|底|末|初|前)前?|上旬|中旬|下旬)?(?:正式|全面|全线|建成|竣工|开工|动工)*$")
_QUOTED_NAME = re.compile(r"[“\"][^”\"，。；,;]{0,6}$")
_QUOTE_CLOSES_NAME = re.compile(r"[^”\"，。；,;]{0,6}?(?:项目|工程)[”\"]")
_LAST_CENTURY = re.compile(r"(?<!\d)(?:1[5-8]\d\d|19[0-8]\d)年")  # (before 1990: pages of the 1990s may tell their own year)
_SEASON = re.compile(r"雪季|滑雪|冰雪|花展|花节|花海|赏花|灯会|灯展|庙会|游园|开放季|旅游季|周年")
# (Session 61, review61b) …or, right before the opening or inside its words, a term's, a picking season's, a festival's, a
# season's, a kindergarten's or a shop's ("举行新学期开园仪式", "樱桃节开园仪式", "葡萄采摘园举行开园仪式", "举行春季开园仪式",
# "室内儿童乐园盛大开园", "购物中心盛大开园"); not words after it ("正式开园，将迎来春节假期客流", "集餐饮、购物…于一体").
_SEASON_BEFORE = re.compile(r"学期|开学|幼儿园|采摘|[春夏秋冬]季(?=开园)|室内|购物|商场|商城|(?<![春环季调礼])节(?![能约水点假日前后])")
_SEASON_READ = 12  # characters before the opening's words
# A verb that starts a noun of measure ("竣工面积", "开工率") or is followed by a quantity
# ("竣工8012万平方米", "投产821公里", "建成住房105万套", "建成8个基地") counts, it reports no
# project's stage. One work ("建成一座污水处理厂") is not a count.
_MEASURE_AFTER = re.compile(r"(、[\u4e00-\u9fff]{1,3})?(建筑)?(面积|率|量)")  # "新开工、竣工面积"
_COUNTERS = "个|家|座|所|套|项|处|栋|幢|间|户|艘"
_NUMBER = r"(?<![年日\d.])(?P<n>\d+(\.\d+)?|[一二两三四五六七八九十百千万]+)(多|余)?万?"
# (The works' kinds may stand between: "实际开工工业、基础设施等建设项目293个".)
_QUANTITY_AFTER = re.compile(r"了?(?:[\d.]*[亿万]元以上)?(?:[\u4e00-\u9fff]{0,4}?|[\u4e00-\u9fff、]{0,16}?项目)" + _NUMBER + f"({_COUNTERS}|平方米|公里|千米|米|亩)")
# Works counted anywhere in the clause after the verb: "全区已建成各类加工企业1196个", "在已建成投产的
# 总投资1000万美元以上的120个项目中", "“十四五”期间，某省建成城市居家社区养老服务机构和设施2400多个"
# (stock or a span's output, not one work; an area, "占地22万平方米", measures one).
_COUNTED = re.compile(_NUMBER + f"({_COUNTERS})")
# What a signing is about: an agreement that is no project's ("签订…责任状", "承包合同",
# "输出管理合同", "人均签订合同额") states no 签约; in the body the sentence must name the
# project, the investment or the cooperation it is about.
_NOT_PROJECT_DEAL = re.compile(r"选址意见书|许可证|责任书|责任状|承包|管理合同|输出管理|合同额|目标书|军令状|保证书|承诺书|公约|劳动合同"
                               r"|土地出让|出让合同|成交确认书|采购协议|采购合同|购销合同")  # land bought, goods bought
# (session 55) A partnership of places or an aid pact, though written as a framework ("签署了友好城市框架协议", "签订
# 《“十四五”东西部协作框架协议》", "签订中蜂产业扶贫协议"): no project's signing, whatever deal word it has (not
# "东西部协作项目投资协议": a work's investment under the pact).
_PARTNERSHIP_DEAL = re.compile(r"友好城市|友城|结好|(?:东西部|对口|劳务)协作|(?:对口|结对)(?:帮扶|支援)|帮扶协议|扶贫协议|友好合作关系")
_WORKS_DEAL = re.compile(r"项目(?:投资|合作)?(?:协议|合同)|投资(?:协议|合同)")
# Lenders, insurers and funds (the full names, or a bank's short name before its branch: not "加工行业", "新建行业").
_LENDERS = (r"银行|银团|农发行|国开行|农商行|信用社|金融机构|投资机构|保险机构|保险公司|政策性金融"
            r"|(?:工行|建行|中行|交行|农行)(?=[\u4e00-\u9fff]{0,6}?(?:分行|支行))")
# A signing with lenders ("与10家投资机构、10家银行机构签署了…合作协议", "与某银行签订…授信协议") is financing,
# no project's signing; so is one whose sentence names a lender, a bank–firm meeting, credit or a fund set up, and no
# investment in a work ("…与某银行战略合作协议签约仪式", "现场签约25个项目，授信金额…", "银企对接签约", "签约设立…基金").
_WITH_LENDERS = re.compile(r"与[^，。；,;]{0,24}?(" + _LENDERS + r"|基金)[^，。；,;]{0,4}$")
_FINANCING_AFTER = re.compile(r"[^，。；,;]{0,12}?(授信|融资|贷款|信贷)")
# (A lender only in the signing's own clause: "项目昨日签约，一期将通过银行贷款解决部分资金" signs the project.)
_LENDER = re.compile(_LENDERS)
_FINANCE_DEAL = re.compile(r"银农|银企|银政|政银|银担|授信|信贷|融资协议|贷款合同|借款合同"
                           r"|(?:设立|发起|组建)[^，。；,;]{0,12}?基金|基金签约")  # (not "陆港金融产业中心项目": a work's name)
_INVESTMENT_CUE = re.compile(r"投资协议|总投资|投资总额|投资建设|投资额|投资金额|落户|入驻|产业项目|项目投资")
_INVESTMENT_DEAL = re.compile(_WORKS_DEAL.pattern + r"|合作协议|框架协议")  # a work's deal, or a cooperation's
_PROJECT_DEAL = re.compile(r"项目|投资|合作|框架|合资|独资|建设|落户|仪式|引进|招商|工程|厂|基地|园区|产业"
                           r"|引资"  # (session 62) "当场签约4个，引资1亿元": capital drawn in, the deals projects'
                           # (session 66) money put in ("某集团与某县政府签约，首期计划投入人民币16亿元，打造…度假区")
                           r"|投入[^，。；,;]{0,8}?[\d一二三四五六七八九十]+(?:\.\d+)?[万亿]")

_SIGNING = ("签约", "签订", "签定", "签署", "签下", "订立")  # 签定: an older spelling of 签订
# Two places agreeing to cooperate (session 32): their governments joined by 与 before the signing, or "两地"; with no firm
# in the sentence and no money, a framework of cooperation, no project signed (readers label none).
_PLACES_AGREE = re.compile(r"(?:[县区市州省旗盟]|政府)与(?:(?!公司|集团|企业)[^，。；,;]){1,14}?(?:[县区市州省旗盟]|政府)(?:[^，。；,;]{0,8}?)"
                           r"(?:签署|签订|签约)(?:(?!项目|共建|建设|园|飞地|基地)[^，。；,;]){0,14}?(?:框架协议|合作协议|备忘录|协议书)"
                           r"|两地(?:在|的|间|之间|合作)")  # (not a work built together: "签订共建山海协作“产业飞地”框架协议")
_FIRM_PARTY = re.compile(r"公司|集团|企业|客商|商会|项目|[\d.]+(?:亿|万)")
# (session 55) An acceptance of what is no work built (review55a): goods bought, research, teaching, a campaign's or a
# title's check ("办公设备采购项目进行验收", "课题进行结题验收", "食品安全示范县创建验收", "教学质量验收").
_NOT_WORKS_ACCEPTED = re.compile(r"采购|课题|结题|科研|教学|食品|药品|货物|物资|校服|服装|器材|物品|创建|明厨亮灶"
                                 r"|示范(?:县|市|区|村|点|单位)|试点(?!工程|项目)|档案|账目|审计|考核|培训|评比")  # (not 认定, 达标: "经国家验收委员会审验，认定工程质量优良")
# An expert review that selects projects for a subsidy ("经专家评审，拟对56个项目给予支持",
# "评审…拟奖励企业名单") reviews applications for money, not a project's design.
_FUNDING_REVIEW = re.compile(r"拟[^。；]{0,20}?(支持|资助|扶持|奖励|补助|补贴|奖补)")
# What "启动建设" may launch besides works: a campaign, a programme, a mechanism.
_CAMPAIGN = re.compile(r"行动|活动|工作|机制|体系|计划")
# An approval of money (a budget, funds, bonds) approves no work.
# (Not a funding channel naming the work's kind: "关于某县中央预算内投资高标准农田建设项目建议书的批复" approves the work.)
_FUNDS_BEFORE = re.compile(r"预算(?!内投资[^，。；,;]{0,30}?(?:项目|工程))|资金|经费|债券|额度")
_STATUS_AFTER = re.compile(r"[，,]?[^，。；,;]{0,6}?(?:晋升|更名|命名|挂牌|升格|认定)")
_FUNDS_AFTER = re.compile(r"[^，。；,;]{0,12}?(?:资金|债券|额度|经费|预算|指标|贷款|授信|融资)")
# A plan (PLAN_DOCUMENT, or a policy document) or a zone approved ("《某综合试验区建设总体方案》获国务院批复",
# "山东获批新旧动能转换综合试验区"): no work's approval ("某项目…获批" is the work's).
# A work's own design ("某高速公路初步设计方案获省发改委批复": a 初步设计 or 施工图设计 is a work's) is that work's
# approval, no policy's; a city's design ("城市设计方案", "街区保护与更新设计方案") is a plan.
# (review55b: a work's soil-and-water plan, "水土保持方案报告书予以批复", is one of its assessments: an approval of the work)
_DOCUMENT = re.compile(PLAN_DOCUMENT.pattern + r"|(?<!初步设计)(?<!施工图设计)(?<!水土保持)(?<!水保)方案|纲要|意见|办法")
_ZONE_APPROVED = re.compile(r"[^，。；,;]{0,14}?(试验区|示范区|实验区|自贸区|新区|" + _DOCUMENT.pattern + ")")
# What a stage is reached by: a project or a work. A sentence of the body that names none reports
# no project's stage ("在营地腾出一间帐篷，建成灾区第一所少儿之家", "钢铁企业招标收到的外资"); the
# check is loose on purpose (any such word anywhere in the sentence), a sentence about a work
# usually names it or calls it 项目/工程: a work as names end in it (WORK_HEAD), or any of the looser
# nouns and works below (工程, 厂, 园, 中心 without WORK_HEAD's exceptions). Signings and talks have
# their own object check.
_WORK = re.compile(WORK_HEAD + r"|工程|[一二三四五]期|厂|产线|车间|装置|机组|高炉|窑|电网|核电|风电|光伏|港|码头|航道|桥|"
                   r"高速|线路|新线|地铁|轨道|隧道|航站|堤|坝|渠|管道|管网|园|大楼|楼|中心|馆|"
                   r"医院|学校|大学|中学|小学|学院|幼儿园|市场|商场|综合体|小镇|冷库|仓|站|场|设施|住房|房|小区|街区|系统|平台|集群|酒店|道路|大道|快速路|路段|"
                   # (session 57) a road by its kind or its quoted name ("一条2公里长的『双拥路』竣工", "某村道建成")
                   r"公路|村道|乡道|路(?=[”』」’\"])|"
                   r"闸|泊位|矿|油田|气田|大棚|温室|改造|扩建|新建")
_DEALS = (STAGES.index("洽谈"), STAGES.index("签约"))
_TENDERED = STAGES.index("招标")
_ABROAD_WORD = re.compile(r"海外|境外|国外|外国|某国|一带一路沿线|中东|东南亚|中亚|非洲|拉美")  # (a foreign city alone, 迪拜, is not caught)
_SUPPLIER = re.compile(r"供应商|供货|物资|设备|服务(?:项目|商)")
# A verb after 的 is a noun; when its clause says what it will do ("钱凯港的建成有助于…", "该线的建成投运
# 将…") the completion is ahead, like a plan's. What it did ("大桥的建成通车，结束了…历史") or an event
# ("项目的开工仪式") reports the stage.
_PROSPECT = re.compile(r"将|有助于|有利于|可以|能够|有望|可望")
# A clause that opens with 对/凡 and whose verb qualifies a noun ("对通过中试验证投产的项目，给予补贴",
# "凡已开工的项目") names the class of projects a policy applies to, no project's stage.
_POLICY_CLASS = re.compile(r"对于|对|凡是|凡")
_ONE_WORK = re.compile(r"这|该|此")
# A subject of many works describes a trend: an uncounted crowd ("一大批新线投入运营", "许多商家前来洽谈
# 合作") or a whole country, province, city or village ("我国已建成…高铁网", "全村建成了专业市场", "各地
# 开工的项目"; not its first or record, "全省首个…项目", which is one project) - unless the sentence
# names one event (今天, 集中开工 …) or states the investment of what it reports. In the body: a headline
# states its story's event ("全省一季度重大项目开工").
_MANY = re.compile(r"一大?批|大批|众多|许多|诸多|一([座条个批栋])\1|(全国|我国|全省|全市|全区|全县|全村|全乡|全镇|各地|各省|各市|各县)"
                   r"(?![^，。；,;]{0,12}?(首|第一|最|唯一))")
# An area's works or a programme of them before a share done: many works as _MANY and _WORKS_COUNTED read them
# ("全县农村公路建设", "一批项目") or a programme by name ("全市老旧小区改造", "十大民生工程"); not one work's rank
# ("某医院项目是全省重点项目，目前已完成85%…", _WORKS_RANK). (_MANY first: its back-reference is group 1.)
_AREAS_WORKS = re.compile("|".join((_MANY.pattern, _WORKS_COUNTED.pattern,
                                    r"全(?:州|旗)|各(?:区|乡|镇)|老旧小区|危房|棚户区|高标准农田|农村公路|民生工程|(?:重点|重大)(?:项目|工程)|十大")))
# A span summed up ("近年来", "今年以来", "五年间") or works done one after another ("先后建成") before the
# verb in its sentence: background of the period, unless the sentence names one event (今天, 日前 …).
_SUMMARY = re.compile(r"以来|年来|年间|先后|历年")
# …but a delegation's visits one after another, then its talks ("一行先后深入某药业、某科技等企业，…围绕…等项目座谈交流"):
# the day's talks (session 58).
_VISITS_IN_TURN = re.compile(r"先后(?:深入|来到|到|走进|前往|走访|拜访|考察|参观|察看|实地)")
# An investment figure stated (not amounts.find_investment: amounts asks find_stage whether a
# headline reports a stage, so stages cannot import it).
_INVESTED = re.compile(r"投资[^，。；,;]{0,6}?\d")
_STARTED = STAGES.index("开工")
_SIGNED = STAGES.index("签约")
# A signing's total named after the verb ("签约项目金额", "签约额", "签约资金"): the verb qualifies a sum.
_SIGNED_TOTAL_AFTER = re.compile(r"(项目)?(总?(投资)?金?额|资金)")
# A span of time before a verb: "去年", "一季度", "上半年", "1—10月" (PERIOD) …
_AS_OF_DATE = re.compile(r"截[至止](?:到|至)?(?:\d{4}年|今年|去年|本年)?(?:\d{1,2}|[一二三四五六七八九十]{1,2})月")
_SPAN_BEFORE = re.compile(PERIOD.pattern + r"|去年|今年|全年|上半年|下半年|前三季度|[一二三四]季度|前\d{1,2}个?月|(?<![\d年])\d{1,2}月份(?!\d)"
                          r"|(?<!\d)\d{4}年(?!\d|[一二三四五六七八九十]{1,2}月|[初底末])" + NOT_AN_EDITION)  # "2023年，", not "2023年5月"
# A service or vehicles put into use right before the verb: a bus route, a flight, a freight train, buses
# handed over. A metro or railway line is a work ("地铁1号线正式开通运营"): 线路 counts only after 公交.
_SERVICE_BEFORE = re.compile(r"(公交(线路|专线)?|公交车|客车|班车|航线|航班|班列|热线|频道|账号|车辆|飞机|客机|船舶)"
                             r"(正式|顺利|已|已经|均|全部)?$")
_COUNTING_GROUPS = (STAGES.index("投产"), STAGES.index("竣工"))
# Works counted right after a start already made ("现已开工项目59个", "已开工122个"; not a fair's "已签约项目315个", nor
# "集中开工项目32个"): a progress report's count.
_SO_FAR_DONE = re.compile(r"已经?$")
_PROJECTS_COUNTED_AFTER = re.compile(r"(?:[^，。；,;]{0,12}?项目)?\s*(?:\d+|[两二三四五六七八九十百]+)(?:多|余)?个(?!多?月)")
_INVITED = re.compile(r"(欢迎|诚邀|期待|邀请)[^，。；,;]{0,12}$")
_YEARLY = re.compile(r"每年|年均")  # "全市每年集中竣工民生项目100个以上": a rate, no event
_COMPLETED = STAGES.index("竣工")
_PRODUCING = STAGES.index("投产")
# Session 26's words that many things besides works go through (a plan's or a budget's review, a research topic's
# approval, a shop's licence, a bus route's trial run, a campaign's start, equipment's acceptance): they report a stage
# only in a sentence that names a work and none of those objects.
_NEEDS_A_WORK = re.compile(r"审查会|论证会|" + _STUDY_MEETING + r"|通过[^，。；,;]{0,8}?初评|评估审查|(?<![县市区省])通过了?[^，。；,;]{0,8}?论证|(?:批准|准予|同意)立项"
                           r"|(?:已经?|正式|成功|顺利)立项|专家组评审"
                           r"|许可证[^，。；,;]{0,20}?核发|核发[^，。；,;]{0,16}?许可证|(?:开始|进入|正式)试运行(?!前|的?准备|阶段前)|试营业"
                           r"|(?:开始|正式|投入)试运营|(?:全面)?恢复了?施工|(?:建设|施工)(?:正式|全面)?启动(?!仪式后|资金|经费)"
                           r"|完成[^，。；,;]{0,8}?验收(?:工作)?"
                           r"|(?:正式|成功|顺利|胜利)点火|点火成功|(?:正式|开始|启动|全面)生产")  # (the words as _VERBS has them: fullmatch)
_NOT_A_WORKS_OBJECT = re.compile(r"规划(?!许可证|局|委|部门|院|设计)|预算|决算|课题|科研|研发计划|自然科学基金|非遗|奖|食品|药品|经营许可|卫生许可|排污许可|公交|班车|航线|线路(?!工程)"
                                 r"|资金|海绵城市|行动|活动|设备进场|进场验收|软件|系统上线|发动机|火箭|卫星")
_MEETING_DUE_AFTER = re.compile(r"[^，。；,;]{0,6}?(?:将于|将在|将|拟|定于|计划|即将|下个?月|明天|近期)")
# A first unit before its production ("首台机组", "1号机组", "#1机组", "首批机组"): a part of the plant (its whole is "全部机组").
_WHOLE_UNITS = re.compile(r"全部|所有|全厂|全场|整体|全容量|全面")
_FIRST_UNIT_BEFORE = re.compile(r"(?:首台|首批|首个|第一台|第一批|(?<![\d#])[1１]号|一号|#1|1#)(?:\d+台|[两二三四]台)?(?:风电|光伏|水电|火电|发电)?(?:机组|风机(?:方阵)?|方阵)(?!基础)"
                                # (session 51) a first batch of panels ("首批20兆瓦光伏组件正式并网发电")
                                r"|(?:首批|第一批)[\d.]*(?:兆瓦|千瓦|MW)?(?:光伏)?组件")  # ("首台风机", "首个风机方阵"; not "首个风机基础浇筑完成")
# A part of a work named right before its completion: the work itself is not complete.
# (厂房 alone may be the work: "新建的标准化厂房已经竣工"; its structure is a part.)
_PARTS = r"主体工程|主体结构|主体建设|主体|土建(?:工程)?|(?:机电|设备)安装(?:工程)?|装修|装饰(?:工程)?|路基(?:工程)?|地基(?:工程)?|钢结构|导流洞|隧洞|桩基|基础工程|厂房结构|分部(?:工程)?"
_PART_BEFORE = re.compile(r"(" + _PARTS + r"|部分)"
                          r"(?:方面)?[已经均都正式全面部顺利基本]{0,6}$")  # "已经部分完工", "路基工程已经完工"
# …or after it: "建成1、2号冶炼车间主体工程" (the main structure of two workshops built).
_PART_AFTER = re.compile(r"[^，。；,;]{0,12}?主体(?:工程|结构)?(?=[及和、，。；,;]|$)")
# A work's progress told from its start: "自2023年4月动工建设以来", "从去年开工以来".
_SINCE_BEFORE = re.compile(r"(?:项目|工程|该|其)?(?:自(?![贸治来])|从)[^，。；,;自从]{0,12}$")  # (not 自贸区, 自治区, 自来水)
_SINCE_AFTER = re.compile(r"(?:建设)?以来")
# A completion joined to the plant's production in its clause (not a road's 通车: "建成通车" stays the completion).
_PRODUCTION_JOINED = re.compile(r"[^，。；,;]{0,6}?(?:暨|进入|即)[^，。；,;]{0,6}?(?:投产|投运|下线|试生产|试运行|投入生产|投入(?:商业)?运营|商运)"
                                # (session 68) …or in the next comma clause, at once ("一期工程建成，开始投料试车", "建成，进入试生产")
                                r"|[，,](?:并|随即|随后)?(?:已经?|正式|开始|进入)(?:投料)?(?:试车|试生产|试运行|投产|投运)")
# A part's acceptance ("通过了主体结构分部工程验收").
_PART_ACCEPTED = re.compile(_PARTS)
# A goal the verb names ("为项目按时竣工交付奠定了坚实的基础", "向全面落成交付使用迈出了坚实一步"): not reached.
_GOAL_AFTER = re.compile(r"[^，。；,;]{0,14}?(?:(?:奠定|迈出|打下|夯实)[^，。；,;]{0,6}?(?:基础|一步)|创造[^，。；,;]{0,6}?条件)")
_GOAL_BEFORE = re.compile(r"(?:为|向)[^，。；,;为向]{0,18}$")
# A stage ahead however close: "进入竣工倒计时", "国家核准该项目已进入倒计时" (any stage's), "通车在即", "投产指日可待".
_COUNTDOWN_AFTER = re.compile(r"[^，。；,;]{0,16}?倒计时|在即|指日可待")
_PREPARED_AFTER = re.compile(r"[^，。；,;]{0,8}?(?:筹备|准备工作)")  # in its clause ("已于3月开工，目前正…准备工作": reached)
# A meeting named after the stages it pushes ("重点项目开工、竣工工作推进会"): its topic, no stage reached.
# (Not "集中开工现场会", "集中开工动员会": the start held; the topic's stages are a work's: "开工、竣工工作推进会".)
_MEETING_AFTER = re.compile(r"(?:、[\u4e00-\u9fff]{1,3})?工作(?:推进会|调度会|座谈会|部署会|动员会|会议?)")
# An approval that founds an entity or passes a document ("批复成立…开发区", "批复《…实施方案》"), or that wins money
# ("中央预算内投资", "争取资金", "补助资金").
# (A document naming a work is the work's: "批复了《某县城乡供水一体化工程实施方案》".) The money is told in the verb's clause
# ("批复2023年…中央预算内投资专项…项目资金") or in the next one as won ("4个项目获批，争取资金1.93亿元"; not "获批复，总投资2.1亿元，
# 其中中央预算内投资1.2亿元": the work approved, its funding told).
_FOUNDED_OR_DOCUMENT_AFTER = re.compile(r"[了的]?(?:设立|成立|《(?![^》]{0,40}?(?:工程|项目))[^》]{0,40}?(?:方案|规划|意见|办法|纲要|计划)》)")
_FUNDS_SOUGHT = re.compile(r"[^，。；,;]{0,40}?(?:预算内(?:投资|资金)|项目资金|补助资金|专项资金|奖补资金)"
                           r"|[^，。；,;]{0,4}[，,](?:共|累计)?(?:争取|获得|下达|安排|到位)[^，。；,;]{0,6}?资金")
# Approvals of no work yet: a list of works to approve ("列入了核准计划当中"), what the approval needs ("核准所需的支持性文件",
# "核准前期工作"), a status won ("获批成为…示范城市"); not a procedure done ("已办结核准手续").
_NO_APPROVAL_YET_AFTER = re.compile(r"计划(?![于在将到今明年月投建开])|所需|前[期的]|的?(?:条件|要件)|[^，。；,;]{0,2}?成为")
# Land quotas approved ("用地指标…经省国土部门正式批复"): land for a work, not the work's approval.
_LAND_BEFORE = re.compile(r"用地(?:指标|预审|规划)|土地(?:指标|征收|征用|报批)|农用地转用")


_CLAUSE_MARKS = COMMA_CLAUSE_MARKS
# A ceremony is its work's event, though the sentence names no work ("某科技有限公司在县经济开发区举行开工仪式"); not a firm's
# first working day after the Spring Festival ("举行新春开工仪式", "开工红包").
_CEREMONY_AFTER = re.compile(r"(?:暨[^，。；,;]{0,8}?)?(?:仪式|典礼)")
_NEW_YEAR = re.compile(r"新春|春节|节后|开年|正月|开工红包|开工大吉|新年")
# How long a work took to reach a stage ("从落地到开工建设仅用时45天", "从签约到投产只用了8个月"): it reached it.
_TOOK = re.compile(r"(仅仅|仅|只|才)?(用时|用了|耗时|历时|花了)")
# A span of stages closed by the time it took ("从签约到土地摘牌仅用了58天"): its first stage was reached too.
_SPAN_TOOK = re.compile(r"到[^，。；,;]{1,10}?" + _TOOK.pattern)


def _clause_after(text: str, pos: int) -> str:
    return text[pos:sentence_end(text, pos, _CLAUSE_MARKS)]


# A ceremony of the verb's stage still to come, its plan word after it ("签约仪式将于明天举行", "开工仪式推迟举行"; a probe of
# plan and tense words around one work's stage, session 53); not the talks after a ceremony ("签约仪式后，双方将于…举行座谈").
_CEREMONY_AHEAD = re.compile(r"(?:暨[^，。；,;]{0,8}?)?(?:仪式|典礼|大会|活动)(?!后|上|中|结束|现场)[^，。；,;]{0,6}?"
                             r"(?:(?:将于?|拟于?|定于|计划于?|即将|择期|" + _PUT_OFF + r")[^，。；,;]{0,12}?(?:举行|举办|召开)"
                             # (session 54) put off or called off, its verb of holding left out ("开工仪式推迟", "签约仪式取消")
                             r"|(?:" + _PUT_OFF + r"|取消)(?![^，。；,;]{0,12}?(?:举行|举办|召开)))")


def _in_book_title(text: str, pos: int, start: int) -> bool:
    """Whether ``pos`` stands inside a 《…》 title (text.BOOK_TITLE, as facts.amounts reads them) opened since ``start``
    (its sentence's start)."""
    return any(title.start() < pos < title.end()
               for title in BOOK_TITLE.finditer(text, max(start, pos - BOOK_TITLE_READ - 1), pos + BOOK_TITLE_READ + 2))


def _planned(text: str, pos: int, headline: bool = False) -> bool:
    """Whether a plan word earlier in the sentence governs the verb at ``pos``. In a headline a space between two
    phrases ends one (``headline``)."""
    start = sentence_start(text, pos, _SENTENCE_MARKS)
    if headline:
        for part in _HEADLINE_PARTS.finditer(text, start, pos):
            start = part.end()
    clause = sentence_start(text, pos, _CLAUSE_MARKS)
    governing = None
    # The last plan word that governs wins: read from the verb back, so a sentence of many plan
    # words costs one clause lookup per verb, not one per plan word (15 s for 100,000 characters
    # of "将开工").
    # The window runs a little past the verb so that a plan word's lookahead sees it ("早开工").
    for plan in reversed([p for p in _PLAN.finditer(text, start, pos + 4) if p.start() < pos]):
        if _PLANNED_INVESTMENT.match(text, plan.end(), pos):
            continue
        if _in_book_title(text, plan.start(), start):
            continue  # (session 62) a document's name ("《某景区提升计划》顺利通过专家评审"): no plan of the verb
        if plan.group() == "将" and text.endswith(("现", "兹"), 0, plan.start()) \
                and _MADE_PUBLIC.search(text, plan.end(), sentence_end(text, plan.end(), _CLAUSE_MARKS)):
            continue  # (session 56) "现将…基本情况予以公示": a notice's "hereby", no plan ("现将转入试生产阶段" plans)
        if text.endswith("就", 0, plan.start()) and _TOPIC_TAKEN_UP.search(text, plan.end(), pos):
            continue  # (session 52) "就推动某产业园项目进行深入洽谈": the talks' topic, no plan of the talks
        own = sentence_start(text, plan.start(), _CLAUSE_MARKS)
        if own != clause and _OWN_CLAUSE_PLAN.fullmatch(plan.group()):
            continue  # (session 63) "按规定必须公开招标，经公开招标，某公司中标": a duty of its own clause, not of the next
        if own != clause and _OCCASION_PLAN.match(text, plan.start()) \
                and _OCCASION_CLOSES.search(text, own, sentence_end(text, plan.start(), _CLAUSE_MARKS)):
            continue  # "在…博览会即将召开之际，8月17日，…产业园正式开园投产": the occasion's plan word, not the main clause's
        if own != clause and _DATED_OWN_CLAUSE.fullmatch(text, clause, pos):
            break  # "…拟新增仓容2.5万吨，项目一期于2022年5月18日开工": a clause of its own telling the day it started
        if own != clause and _PRESENT_ACT.match(text, clause):
            break  # (session 56) "拟上报某厅审批，现开展环境影响评价公众参与拟报批公示": the clause's own act, done now
        if own == clause or not _PURPOSE.match(text, own):
            governing = plan
            break
    if governing is None:
        return False
    for done in _DONE.finditer(text, governing.end(), pos):
        if done.group() != "已" and text[governing.end():done.start()] in ("", "于", "在"):
            continue  # (review55b) "将于近日开工": the plan's own day, not a done event
        verb = _VERB.match(text, done.end())
        # "推动已签约项目尽快开工": a done word of a verb that qualifies a work (已签约项目, the class of
        # projects the plan is about) takes nothing over.
        if not (verb and _WORK.match(text, _past_verbs(text, verb.end()))):
            return False
    return True


def _past_verbs(text: str, pos: int) -> int:
    """Where the run of stage verbs starting at ``pos`` ends ("建成投运有助于" → before 有助于)."""
    while (verb := _VERB.match(text, pos)) and verb.end() > pos:
        pos = verb.end()
    return pos


def _as_noun(text: str, match: re.Match[str]) -> bool:
    """Whether the verb is a noun after 的 whose clause says what it will do."""
    clause = sentence_start(text, match.start(), _CLAUSE_MARKS)
    of = text.rfind("的", clause, match.start())
    if of < 0 or _past_verbs(text, of + 1) < match.start():
        return False  # 的 does not stand right before this verb or a run of verbs ending in it
    if text[clause:of].lstrip().startswith("随着"):
        return True  # "随着这些项目的建成投产，某产业集群有望…": the condition of what is hoped for
    end = _past_verbs(text, match.end())
    after = _clause_after(text, end)
    if not after.strip(" \t\u3000") and text[end + len(after):end + len(after) + 1] in ("，", ","):
        # "该酒店的建成，将成为…": the next clause says it when it opens so (not "某项目的开工，标志着我县将…": what it did)
        return bool(_PROSPECT.match(text, end + len(after) + 1))
    return bool(_PROSPECT.search(after))


# A clause opening with its purpose ("为高效高质建成3#炉，项目部…", "为确保项目年底投产，…"): the verb names the aim.
_PURPOSE_OPENS = re.compile(r"\s*(?:" + _PURPOSE.pattern + r"(?!止|期|主|此|何|人|民|着|什|庆祝|纪念|迎接|全[省市县区]|首|第一|唯一"
                            r"|[^，。；,;]{0,12}?(?:奠定|打下|提供|带来|注入))"  # (not "为庆祝某大桥建成通车", "，为全县首个建成的…")
                            r"|鼓励|引导|扶持)")  # a policy's aim (session 38: "鼓励农户屋顶光伏顺利并网发电，县财政安排补贴资金")


def _in_purpose_clause(text: str, match: re.Match[str]) -> bool:
    """Whether the verb stands in a purpose clause that opens its sentence's part and is followed by the main clause."""
    clause = sentence_start(text, match.start(), _CLAUSE_MARKS)
    if not _PURPOSE_OPENS.match(text, clause):
        return False
    end = sentence_end(text, match.start(), _CLAUSE_MARKS)
    return text[end:end + 1] in ("，", ",")


def _policy_class(text: str, match: re.Match[str]) -> bool:
    """Whether the verb qualifies the projects a policy applies to ("对…投产的项目，给予…")."""
    clause = sentence_start(text, match.start(), _CLAUSE_MARKS)
    if not _POLICY_CLASS.match(text, clause) or _ONE_WORK.search(text, clause, match.start()):
        return False  # "对这座刚刚建成的水厂": one work, reported
    return text.startswith("的", _past_verbs(text, match.end()))


def _counts(text: str, match: re.Match[str], index: int) -> bool:
    """Whether the verb counts works, area or length rather than reporting a project's stage."""
    after = _clause_after(text, match.end())
    if _MEASURE_AFTER.match(after):
        return True
    sentence = sentence_of(text, match.start())
    so_far = SPAN_SO_FAR.search(text, sentence_start(text, match.start()), match.start())  # whatever event is named
    span = _SPAN_BEFORE.search(text, sentence_start(text, match.start()), match.start())
    # A count as of a date ("截止4月23日，某镇签约项目16个") is a tally: its date is no event's day (not at a fair:
    # "截至25日，本届博览会签约项目…").
    as_of = bool(span and _AS_OF_DATE.match(text, span.start()) and not ONE_BATCH.search(sentence))
    if span and (so_far or as_of or not EVENT.search(sentence) and not ONE_BATCH.search(sentence)) \
            and _PROJECTS_COUNTED_BEFORE.search(text, max(0, match.start() - 16), match.start()):
        return True  # "一季度，…等22个项目开工建设", "2024年，…等66个项目顺利竣工或投产": the span's count told before the verb
    # (An approval's own verb is no batch's word: ONE_BATCH has 核准, 批复 for a list approved at once.)
    if index not in _COUNTING_GROUPS and span \
            and (so_far or as_of or not EVENT.search(sentence) and not _batch_word_besides(text, match)):
        # "去年开工的17处灌区", "一季度新开工建设160项", "一季度，发改委共审批核准固定资产投资项目56个": a span's count of
        # starts (or approvals, filings, tenders), not one event's batch. Projects
        # are signed at events: a span's signings counted or summed without one ("今年，某市共签约项目88个",
        # "2023年，某市签约项目金额突破1000亿元") are its tally (facts.batches.span_figure reads the sum so).
        if index == _SIGNED and _SIGNED_TOTAL_AFTER.match(text, match.end()):
            return True
        quantity = _QUANTITY_AFTER.match(after)
        # An ordinal ranks one ("今年签约的第5个百亿级项目"): no count.
        return bool(quantity and quantity.group("n") not in ("一", "1") and "第" not in quantity.group())
    if index == _STARTED and _PROJECTS_COUNTED_AFTER.match(after) and _SO_FAR_DONE.search(text, max(0, match.start() - 4), match.start()) \
            and not EVENT.search(sentence) and not ONE_BATCH.search(sentence):
        return True  # "现已开工项目59个", "124个新建项目已开工122个": a progress report's count, no day's event
    if index not in _COUNTING_GROUPS:
        return False
    if text.endswith("集中", 0, match.start()) and not _SPAN_BEFORE.search(text, sentence_start(text, match.start()), match.start()) \
            and not _YEARLY.search(text, sentence_start(text, match.start()), match.start()):
        return False  # "此次集中竣工的项目共有19个": one event's batch, as 集中开工 is
    quantity = _QUANTITY_AFTER.match(after) or _COUNTED.search(after)
    return bool(quantity and quantity.group("n") not in ("一", "1"))


def _batch_word_besides(text: str, match: re.Match[str]) -> bool:
    """Whether the verb's sentence has a word of one batch (ONE_BATCH) other than the verb itself."""
    start, end = sentence_start(text, match.start()), sentence_end(text, match.start())
    return any(found.start() != match.start() for found in ONE_BATCH.finditer(text, start, end))


# A sentence that goes on about the work the sentence before named, with no subject of its own ("某中学项目是县重点项目。
# 批复总投资1.55亿元，…，于今年3月开工建设": session 32). It opens with the work's facts, not with a new subject.
_GOES_ON = re.compile(r"[“\"]?(?:批复|总投资|计划总投资|项目总投资|占地|规划|建筑面积|于|自|从|目前|截至|截止|该|其|并|已|现)")


def _work_told_before(text: str, pos: int) -> bool:
    """Whether the verb's sentence goes on about the work the sentence right before it names (_GOES_ON)."""
    start = sentence_start(text, pos, _SENTENCE_MARKS)
    if start == 0 or not _GOES_ON.match(text, start + len(text[start:pos]) - len(text[start:pos].lstrip())):
        return False
    return bool(_WORK.search(sentence_of(text, start - 1, _SENTENCE_MARKS)))


# A visit's words (not 洽谈, 商谈, 对接, 达成意向: talks by name): talks on a work only when their sentence or the two
# after it name one or an investment meant ("就某项目进行座谈", "考察投资项目", "达成投资意向"). Readers of session 34
# labelled a visit or meeting that names neither no stage ("会见某集团一行，就深化合作交换了意见", "市长会见…投资考察团
# 一行"); sessions 19–31 labelled 洽谈.
_VISIT_TALK = re.compile(_VISIT_WORDS + "|" + _VISITED)
# A work or an investment talked about: 项目 as what the talks are on ("就某项目进行座谈", "围绕电梯项目合作进行了交流",
# "考察储能电池项目投资事宜"), not a project only mentioned ("介绍了我市重点项目建设情况", "察看了在建项目").
_WORK_TALKED = re.compile(r"意向|拟投资|拟在|投资建设|投资兴建|落户|协议|选址|协商|磋商|商洽|洽商"
                          # (session 55) the investor's sum meant ("介绍了企业相关情况，计划在禄劝投资2.4亿元")
                          r"|(?:计划|有意)(?:在[^，。；,;]{1,10}?)?投资(?=[\d.约近超一二三四五六七八九十百千])"
                          r"|(?:就|围绕|关于|考察|洽谈|对接|推进|商谈|探讨)[^，。；,;]{0,20}?项目|项目(?:合作|落地|投资|事宜|对接|洽谈|签约)"
                          # (session 57) a list of works talked on ("就某某产业园、某研究院建设发展及新能源项目等重大合作事项进行深入交流")
                          # (talks by name after it, not a report or a check: "就…产业园申报…进行汇报", "就…民生项目资金监管工作进行
                          # 交流": review57a)
                          r"|(?:就|围绕)(?:(?!资金|监管|申报|审计|检查|督导|民生)[^，。；,;]){0,40}?(?:项目|产业园)"
                          r"(?:(?!资金|监管|申报|审计|检查|督导)[^，。；,;]){0,20}?(?:进行|开展|展开)了?(?:深入|深度|广泛|充分)?的?"
                          r"(?:交流|洽谈|磋商|对接|商谈|探讨|会谈)")
_VISIT_READ = 3  # sentences read from the visit word's on ("来我县考察。县长陪同。在随后召开的座谈会上，双方围绕电梯项目合作…")


def _visit_names_a_work(text: str, pos: int) -> bool:
    """Whether the visit word's sentence or the next ones (_VISIT_READ) name a work or an investment meant (_WORK_TALKED)."""
    start = sentence_start(text, pos)
    end = pos
    for _ in range(_VISIT_READ):
        # (a paragraph's break after a full stop is no sentence of its own: "…来江陵考察。\n县长…参加考察。\n考察组…考察某
        # 产业园项目拟选址" reads three)
        stop = min(len(text), end + REACH)  # (a hostile run of blank lines is skipped no further than a sentence reaches)
        while end < stop and (text[end] in SENTENCE_MARKS or text[end].isspace()):
            end += 1
        end = sentence_end(text, end) + 1
    return bool(_WORK_TALKED.search(text, start, min(end, len(text))))


# An investment-promotion trip's words, in the sentence of a 对接 verb or just before it (the trip told first: "赴苏州开展
# 对台招商活动。…对接了某某有限公司…等台企"): the firms met are investors sought. Only 招商 or 引资 itself: the
# second review (review48b) found 投资, 落户, 外商, 台商 and 项目合作 beside service calls, job fairs, safety checks,
# aftercare of firms already there, holiday greetings and funds sought ("走访对接了30余家外商投资企业", "对接了15家新落户
# 企业，收集岗位需求").
_PROMOTION_AROUND = re.compile(r"招商|引资")
_PROMOTION_READ = 120


def _not_about_a_project(text: str, match: re.Match[str], index: int, in_body: bool) -> bool:
    """A signing of no project (``签订责任状``), an approval of no work (``此方案获法院批准``), or
    a review of subsidy applications (``经专家评审，拟对56个项目给予支持``)."""
    if match.group() == "启动建设" and _CAMPAIGN.search(_clause_after(text, match.end())):
        return True  # "启动建设…目的地行动": a campaign launched, no construction
    if match.group() in ("拜访对接", "走访对接", "对接了") and not _PROMOTION_AROUND.search(
            text, max(0, sentence_start(text, match.start()) - _PROMOTION_READ), sentence_end(text, match.start()) + 1):
        return True  # "税务局走访对接辖区重点企业", "人社局对接了20余家企业，收集岗位需求": a service call, a job fair, no investor
    if match.group() == "洽谈" and _INVITED.search(text, sentence_start(text, match.start(), _CLAUSE_MARKS), match.start()):
        return True  # "欢迎各地客商前来考察洽谈": talks invited, none held
    if index == STAGES.index("核准") and _NO_APPROVAL_YET_AFTER.match(text, match.end()):
        return True  # "列入了核准计划", "核准所需的支持性文件已具备", "获批成为…示范城市": no work approved
    if index == STAGES.index("核准") and _LAND_BEFORE.search(text, sentence_start(text, match.start(), _CLAUSE_MARKS), match.start()):
        return True  # "项目用地指标…经省国土部门正式批复": the land, not the work
    if index == STAGES.index("核准") and (_FOUNDED_OR_DOCUMENT_AFTER.match(text, match.end())
                                        or _FUNDS_SOUGHT.match(text, match.end())):
        return True  # "新批复成立三个省级开发区", "联合批复《…实施方案》", "4个项目获批，争取资金1.93亿元": no work's approval
    if index == STAGES.index("核准") and (_FUNDS_BEFORE.search(text, sentence_start(text, match.start(), _CLAUSE_MARKS), match.start())
                                        or _FUNDS_AFTER.match(text, match.end())):
        return True  # "中央部门预算已全部批复", "共获批新增地方政府专项债券资金9.6亿元": money approved, no work
    if index == STAGES.index("核准") and (
            _DOCUMENT.search(text, sentence_start(text, match.start(), _CLAUSE_MARKS), match.start())
            or match.group() == "获批" and _ZONE_APPROVED.match(text, match.end())):
        return True  # "…总体方案》获国务院批复", "获批…综合试验区": a plan or a zone, no work
    if match.group().startswith("获") and match.group().endswith("批准"):  # a work named as one ("重件码头…获省厅批准")
        sentence = sentence_of(text, match.start())
        if _STATUS_AFTER.match(text, match.end()):
            return True  # "获省卫生健康委批准，正式晋升为三级综合医院": a title or a grade, no work
        return not (_PROJECT_DEAL.search(sentence) or _WORK.search(sentence))
    if index == STAGES.index("评审"):
        return bool(_FUNDING_REVIEW.search(sentence_of(text, match.start())))
    if index == STAGES.index("竣工") and "验收" in match.group() and "竣工" not in match.group():
        sentence = sentence_of(text, match.start())
        if _NOT_WORKS_ACCEPTED.search(sentence):
            return True  # "对2024年机关办公设备采购项目进行验收", "对…课题进行结题验收": goods, research, no work built
        if match.group().startswith(("进行", "开展", "组织", "检查")) and not _WORK.search(sentence):
            return True  # "开展防汛物资质量验收", "开展校服质量验收": an acceptance held names no work (review55b)
    if index == 0 and _VISIT_TALK.fullmatch(match.group()) and not _visit_names_a_work(text, match.start()):
        return True  # "会见…一行，就深化合作交换了意见", "到我县考察": a visit naming no work nor investment (session 34's convention)
    if index == 0 and _FINANCE_DEAL.search(sentence_of(text, match.start())) and not _INVESTMENT_CUE.search(sentence_of(text, match.start())):
        return True  # "政银企战略合作洽谈暨签约仪式": talks on credit, no project's
    if match.group() not in _SIGNING and not match.group().startswith("达成") and "签字" not in match.group():
        return False
    clause_after = _clause_after(text, match.end())
    if _NOT_PROJECT_DEAL.search(clause_after) and not _INVESTMENT_DEAL.search(clause_after):
        return True  # (not "签订投资协议和国有建设用地使用权出让合同": the investment signed with the land)
    if _PARTNERSHIP_DEAL.search(clause_after) and not _WORKS_DEAL.search(clause_after):
        return True  # "签署了友好城市框架协议": places' partnership, no work's deal
    if _WITH_LENDERS.search(text, sentence_start(text, match.start(), _CLAUSE_MARKS), match.start()) \
            or _FINANCING_AFTER.match(text, match.end()):
        return True  # financing agreed with lenders, no project signed
    sentence = sentence_of(text, match.start())
    if _PLACES_AGREE.search(sentence) and not _FIRM_PARTY.search(sentence):
        return True  # "某县与天津市南开区签署协同发展框架协议", "双方签署…框架协议，促进两地在…领域的合作": places' cooperation
    if (_FINANCE_DEAL.search(sentence) or _LENDER.search(sentence_of(text, match.start(), _CLAUSE_MARKS))) \
            and not _INVESTMENT_CUE.search(sentence):
        return True  # "开封市政府与郑州银行战略合作协议签约仪式举行", "现场签约25个项目，授信金额逾20亿元", "签约设立…基金": money, no work
    if PURCHASE.search(sentence) and not INVESTING.search(sentence):
        return True
    return in_body and not _PROJECT_DEAL.search(sentence_of(text, match.start()))


def _statistic(text: str, match: re.Match[str]) -> bool:
    """Whether the verb's sentence is a statistic (STATISTIC).

    A comparison after the verb in a sentence that reports one event ("开幕当天共签订…项目86个，总投资额
    2638.7亿元，同比增长43.6%") sets the event's batch beside the last edition's: the verb still reports it
    (facts.amounts reads the total the same way, both by text.compared_batch). 累计 anywhere is a tally.
    """
    start = sentence_start(text, match.start())
    # A list item with a day's event of its own is read apart from its lead-in ("…累计开工项目300个；昨天，…").
    start = day_item_start(text, start, match.start()) or start
    sentence = text[start:sentence_end(text, match.start())]
    if not STATISTIC.search(sentence):
        return False
    return not (compared_after(sentence, start, match.end()) and compared_batch(sentence))


# An approval word naming what it qualifies, not an approval given: a list, a plan, a scope, the papers it needs.
_APPROVAL_AS_MODIFIER = re.compile(r"(?:的)?(?:投资项目)?(?:目录|计划(?![于在年今明下本将]|总?投资)|权限|事项|所需|范围|程序|要件|前置|支持性|专题|条件)")

# (session 56) An impact assessment's notice is a work's whatever its sentence names ("现将作出拟审批意见的环境影响评价文件
# 基本情况予以公示": the works are in the table below it).
_ASSESSED = re.compile(r"环境影响|环评")
# (session 56) A stage word naming the class of a list of works ("发布2021年…新开工重大基础设施项目名单", "列入全省集中开工
# 项目清单"): the list is the news, no one work's stage.
_NAMES_A_LIST = re.compile(r"(?:[^，。；,;、]{0,14}?(?:项目|工程))?(?:名单|清单|名录)")


def _skip_reason(text: str, match: re.Match[str], index: int, in_body: bool) -> Optional[str]:
    """Why the verb at ``match`` reports no project's stage (a short reason), or None when it does."""
    if _NEEDS_A_WORK.fullmatch(match.group()):
        sentence = sentence_of(text, match.start(), _SENTENCE_MARKS)
        if _NOT_A_WORKS_OBJECT.search(sentence) or not (_WORK.search(sentence) or _PROJECT_DEAL.search(sentence)):
            return "no work"  # "“十五五”规划…专家论证会", "预算草案初步审查会", "课题获…批准立项", "食品经营许可证", "公交线路开始试运营"
        if match.group().endswith("会") and _MEETING_DUE_AFTER.match(text, match.end()):
            return "plan"  # "某水库工程初设审查会下月召开": the meeting is ahead
    if match.group() in ("核准", "批复", "审批") and _APPROVAL_AS_MODIFIER.match(text, match.end()):
        return "modifier"  # "已列入国家核准目录", "批复范围合计6.7平方公里", "核准所需文件": the word names a list or a scope
    if _NAMES_A_LIST.match(text, _past_verbs(text, match.end())):
        return "list"  # "新开工重大基础设施项目名单": the class of a list's works
    if index == _STARTED and _UNDER_WAY_VERB.fullmatch(match.group()) \
            and _WORKS_COUNTED.search(text, sentence_start(text, match.start(), _SENTENCE_MARKS), match.start()):
        return "count"  # "72个省重点项目中，…18个项目正在加紧施工": many works under way, no one work's stage
    if index == _STARTED and _SHARE_DONE.fullmatch(match.group()) \
            and _AREAS_WORKS.search(_WORKS_RANK.sub("", text[sentence_start(text, match.start(), _SENTENCE_MARKS):match.start()])):
        return "count"  # "全市老旧小区改造已完成95%的建设任务": an area's or a programme's share, no one work's
    if index == _STARTED and _SINCE_BEFORE.search(text, max(0, match.start() - 16), match.start()) \
            and _SINCE_AFTER.match(text, match.end()) and not _planned(text, match.start()):
        return None  # "该项目自2023年4月动工建设以来，…": the work under way since its start, reached
    if _statistic(text, match):
        return "statistic"
    if _planned(text, match.start(), headline=not in_body):
        return "plan"
    if _CEREMONY_AHEAD.match(text, match.end()):
        return "plan"  # (session 53) "签约仪式将于明天举行", "开工仪式推迟举行": the ceremony is ahead, no stage reached
    if text[match.start() - 1:match.start()] in ("从", "到", "至") and not _TOOK.match(text, match.end()) \
            and not (text[match.start() - 1] == "从" and _SPAN_TOOK.match(text, match.end())) \
            and not match.group().endswith("考察"):  # (a visit read after its 到: "到我县进行投资考察", session 49)
        return "span of stages"  # "从签约到投产的全流程": a span of stages, not a report
    condition = _CONDITION_AFTER.match(text, match.end())
    if condition and not (condition.group("can") and (not in_body or _REACHED_BEFORE.search(text, max(0, match.start() - 8),
                                                                                         match.start()))):
        return "condition"  # "项目建成后…", "投产以后…": a condition, not a report
    if _FOR_BEFORE.search(text, max(0, match.start() - 8), match.start()) and _READYING_AFTER.match(text, match.end()):
        return "aim"  # "工人们正在为项目建成做最后的冲刺准备": what the work is readied for, not reached
    if not in_body and _YEAR_AHEAD_BEFORE.search(text, max(0, match.start() - 14), match.start()) \
            and not _PAST_BEFORE.search(text, sentence_start(text, match.start(), _CLAUSE_MARKS), match.start()) \
            and not text.startswith("以来", _past_verbs(text, match.end())):  # "某厂7月投产以来": since, not due
        return "plan"  # a headline's bare year before the verb ("长春新会展中心2020年开工建设"): the year it is due
    if _QUOTED_NAME.search(text, max(0, match.start() - 8), match.start()) and _QUOTE_CLOSES_NAME.match(text, match.end()):
        return "name"  # a programme's name in quotes ("以“十大投产项目”为抓手")
    if _LAST_CENTURY.search(text, max(sentence_start(text, match.start(), _CLAUSE_MARKS), match.start() - 10), match.start()):
        return "history"  # "唐山细棉土厂…于1891年建成投产": a recalled past, no news of a work's stage
    if "开园" in match.group() and (_SEASON.search(sentence_of(text, match.start(), _SENTENCE_MARKS))
                                  or _SEASON_BEFORE.search(text, max(sentence_start(text, match.start(), _SENTENCE_MARKS),
                                                                     match.start() - _SEASON_READ), match.end())):
        return "season"  # a park's season or show opening ("某滑雪场新雪季正式开园", "郁金香花展正式开园"), no work done
    if "通水" in match.group() and _IRRIGATION.search(sentence_of(text, match.start(), _SENTENCE_MARKS)):
        return "season"  # (session 63) a season's irrigation water let in ("某灌区举行2024年春季通水仪式"), no work done
    if _NEGATED_BEFORE.search(text, max(0, match.start() - 8), match.start()) or _FAILED_AFTER.match(text, match.end()):
        return "negated"  # "环评未获批准", "工程尚未竣工验收", "签约失败", "暂缓开工": not reached
    if in_body and index not in _DEALS and not _WORK.search(sentence_of(text, match.start(), _SENTENCE_MARKS)) \
            and not _ASSESSED.search(match.group()) \
            and not (_CEREMONY_AFTER.match(text, match.end()) and not _NEW_YEAR.search(sentence_of(text, match.start(), _SENTENCE_MARKS))) \
            and not _work_told_before(text, match.start()):
        return "no work"  # (a ceremony is a work's: "某科技有限公司在县经济开发区举行开工仪式")
    if in_body and _MANY.search(text, sentence_start(text, match.start(), _CLAUSE_MARKS), match.start()):
        sentence = sentence_of(text, match.start(), _SENTENCE_MARKS)
        if not EVENT.search(sentence) and not _INVESTED.search(sentence):
            return "trend"
    summary = _SUMMARY.search(text, sentence_start(text, match.start(), _SENTENCE_MARKS), match.start())
    if summary and not EVENT.search(sentence_of(text, match.start(), _SENTENCE_MARKS)) \
            and not (index == 0 and _VISITS_IN_TURN.match(text, summary.start())):
        return "summary"
    if _as_noun(text, match):
        return "noun"
    if _policy_class(text, match):
        return "policy"
    if _counts(text, match, index) and not _TOOK.match(text, match.end()):
        return "count"  # not the time it took: "投产只用了8个月"
    if index in _COUNTING_GROUPS and _SERVICE_BEFORE.search(text, max(0, match.start() - 10), match.start()):
        return "a service"  # "首条定制公交线路正式开通运行", "首批100辆新能源公交车交付使用": no work built
    if index == _COMPLETED and match.group() in ("建成", "完工") and _PRODUCTION_JOINED.match(text, match.end()):
        # "工厂建成暨首车下线仪式", "一期已经建成进入试生产阶段": the plant produces (not "竣工并投入生产", "竣工并网投运": the
        # completion, as session 18's probes label them)
        return "production follows"
    first_unit = _FIRST_UNIT_BEFORE.search(text, sentence_start(text, match.start()), match.start()) if index == _PRODUCING else None
    if first_unit and not _WHOLE_UNITS.search(text, first_unit.end(), match.start()):
        return "a part"  # "1号机组通过试运行，正式投产发电", "首台机组…投产": a first unit's, not the plant's (the labelling convention)
    if index == _COMPLETED and (_PART_BEFORE.search(text, max(0, match.start() - 14), match.start())
                                or _PART_AFTER.match(text, match.end()) or _PART_ACCEPTED.search(match.group())):
        return "a part"  # "主体工程已完工", "导流洞正式完工": one part of the work is done, not the work
    if _GOAL_AFTER.match(text, match.end()) and _GOAL_BEFORE.search(text, max(0, match.start() - 20), match.start()):
        return "goal"  # (not "该项目的建成投产为当地经济发展打下了坚实基础": the stage reached did it)
    if _in_purpose_clause(text, match):
        return "purpose"
    if _MEETING_AFTER.match(text, match.end()):
        return "a meeting's topic"
    if _COUNTDOWN_AFTER.match(text, match.end()):
        return "countdown"  # "进入竣工倒计时": the stage is ahead
    if _PREPARED_AFTER.match(text, match.end()):
        return "being prepared"  # "做好重点项目集中开复工仪式筹备工作": the event is ahead
    if _not_about_a_project(text, match, index, in_body):
        return "no project"
    if index == _TENDERED and match.group() == "中标":
        sentence = sentence_of(text, match.start(), _SENTENCE_MARKS)
        # The sentence up to the work won, not what it goes on to say of it ("…中标某市轨道交通1号线土建工程，该线将采用德国技术").
        won = text[sentence_start(text, match.start(), _SENTENCE_MARKS):sentence_end(text, match.start(), COMMA_CLAUSE_MARKS)]
        if names_a_country(won) or _ABROAD_WORD.search(won):
            return "abroad"  # "中标墨西哥城至克雷塔罗高速铁路项目", "在海外中标的首个…项目": a contractor's win abroad
        if PURCHASE.search(sentence) or _SUPPLIER.search(sentence):
            return "a purchase"  # "某大学实验设备采购项目中标结果公告", "确定某公司为中标供应商": goods bought, no work
    if index == 0 and (match.group().endswith("会") or text.startswith("会", match.end())):
        return "event name"  # "投资贸易洽谈会", "对接会": the event's name; the stage is what it reports (签约)
    return None


@lru_cache(maxsize=32)
def _verbs(original: str) -> list[tuple[re.Match[str], int]]:
    """Every stage verb of the text with the index of its stage (the text normalised). Remembered for the last texts:
    the rules and the stage model read the same headline and lead (the scan is a tenth of a story's cost); callers
    never change the list."""
    text = normalise(original)
    # The verb's stage is its alternative's group ("s3"): s0…s8 are the pattern's only named groups, each wrapping a
    # whole top-level alternative, so the one that matched closes last (inner groups close before it) and is lastgroup.
    return [(match, int(str(match.lastgroup)[1:])) for match in _VERB.finditer(text)]


def read_verbs(text: str, in_body: bool, limit: Optional[int] = None) -> list[tuple[re.Match[str], int, Optional[str]]]:
    """Every stage verb of ``text`` (normalised: text.normalise), or its first ``limit``, with its stage's index and why
    it reports no stage reached (_skip_reason's reason), None when it does. The one reading of the verbs that
    find_stage and the stage model (facts.stage_model) share."""
    return [(match, index, _skip_reason(text, match, index, in_body)) for match, index in _verbs(text)[:limit]]


def deal_of_no_project(index: int, sentence: str) -> bool:
    """Whether the verb (a signing or talks) in ``sentence`` is, under a headline whose deal is no project's
    (no_project_signing), that deal told again: its sentence names no investment and counts no projects."""
    return index in _DEALS and not _OWN_DEAL.search(sentence)


def _stages_in(original: str, in_body: bool, keep: Optional[Callable[[str], bool]] = None, financing: bool = False) -> list[int]:
    """The stages the text's verbs report. ``financing``: the headline told a deal that is no project's, so a signing or
    talks of the body count only where their sentence names an investment or counts projects (its own news)."""
    text = normalise(original)
    return [index for match, index, reason in read_verbs(text, in_body) if reason is None
            and (keep is None or keep(sentence_of(text, match.start())))
            and not (financing and deal_of_no_project(index, sentence_of(text, match.start())))]


_OWN_DEAL = re.compile(_INVESTMENT_CUE.pattern + r"|(?:\d+|[两二三四五六七八九十百]+)(?:多|余)?[个家][^，。；,;]{0,8}?(?:项目|企业|公司)"
                       r"|签[约订署][^，。；,;]{0,12}?项目")  # "还与某集团签约光伏发电项目", "还与3家企业签约"

# How much of a paragraph is read: one longer is a page without paragraph breaks, whose opening states its news.
PARAGRAPH_READ = 3000
DONE = _DONE  # a done word before a verb (已, 日前…): the stage model's feature


def no_project_signing(title: str) -> bool:
    """Whether the headline tells a signing that is no project's (financing, a bank's or a fund's cooperation)."""
    text = normalise(title)
    return any(index == _SIGNED and _not_about_a_project(text, match, index, False) for match, index in _verbs(text))


def event_notice(title: str) -> bool:
    """Whether the headline is a notice of an event to come ("关于召开…评审会的通知"): its verbs report nothing reached."""
    return bool(_EVENT_NOTICE.match(title.strip()))


def promotion_story(title: str, lead: str) -> bool:
    """Whether the story tells an event held to win investment, whose signings it may tell late (read up to
    PROMOTION_PARAGRAPHS paragraphs)."""
    return bool(_PROMOTION_EVENT.search(title) or _PROMOTION_EVENT.search(lead))


def one_work_progress(title: str, body: str) -> bool:
    """Whether the headline tells one named work's progress ("某长输管线项目进展顺利", "某码头建设紧锣密鼓", since session 40
    "紧锣密鼓推进某项目建设") over a body that does not say the work is still to start: 开工 by the progress convention
    (session 26)."""
    lead = body[:PARAGRAPH_READ]
    if _THIS_WORK_UNDER_WAY.search(title):
        return not _NOT_STARTED_WORK.search(title) and not _NOT_STARTED_WORK.search(lead)
    under_way = _ONE_WORK_UNDER_WAY_HEADLINE.search(title)
    # A pushed work by name, or a park (a zone of works as often as one), is one work only where the lead speaks of no
    # class of works (session 40).
    if (under_way is None and _ONE_WORK_PUSHED_HEADLINE.search(title)) or (under_way and _PARKS.search(under_way.group())):
        if _CLASS_OF_WORKS_LEAD.search(next(iter(story_paragraphs(lead)), "")):
            return False
    elif under_way is None:
        return False
    return not many_works(title) and not _NOT_STARTED_WORK.search(lead)


def many_works(text: str) -> bool:
    """Whether the text counts works or speaks of a class of them ("12个重点项目", "一批", "各项目", "重大项目"): many works,
    no one work's progress (one_work_progress; the stage model's scene candidate, facts.stage_model)."""
    return bool(_WORKS_COUNTED.search(text) or _MANY_IN_HEADLINE.search(text))


def find_stage(title: str, body: str, keep: Optional[Callable[[str], bool]] = None, focus: str = "") -> Optional[str]:
    """The stage the story reports (one of :data:`STAGES`), or None.

    ``keep`` (a sentence of the body → whether its stages count) leaves out the stages of other
    projects the body reports beside the story's own (``facts.extract_facts``: other places').
    ``focus``: the sentence stating the investment, whose stage is the story's when it opens the story with
    the day's event.
    """
    in_title = [] if event_notice(title) else _stages_in(title, in_body=False)
    if in_title:
        return STAGES[max(in_title)]
    # A headline whose signing is no project's (with a bank, a fund: "某县与某银行分行签订战略合作协议") tells what the body's
    # signings are: the same deal, told again.
    no_project_deal = no_project_signing(title)
    # The lead paragraph states what happened; later ones recall history or plans. A paragraph is read
    # up to PARAGRAPH_READ characters: one longer is a page without paragraph breaks, whose opening
    # states its news (and reading on would cost every verb's checks, thousands in such a text).
    paragraphs = [p[:PARAGRAPH_READ] for p in story_paragraphs(body)]
    # The sentence that states the investment (``focus``) reports its project's stage when it opens the story
    # and reports the day's event: "博览会今天闭幕，签约项目163个，投资金额1712亿元。期间…数据中心在宁夏建成投用"
    # is the fair's signing, not the side project's completion, though 竣工 comes later in the stages' order.
    # A sentence of background ("该项目总投资20亿元，去年3月开工建设") or one told later is not the news.
    if focus and paragraphs and paragraphs[0].lstrip().startswith(focus.strip()) and EVENT.search(focus):
        stages = _stages_in(focus, in_body=True, financing=no_project_deal)
        if stages:
            return STAGES[max(stages)]
    for text in (paragraphs[:1], paragraphs[1:3]):
        stages = _stages_in("\n".join(text), in_body=True, keep=keep, financing=no_project_deal)
        if stages:
            return STAGES[max(stages)]
    if focus and not (paragraphs and paragraphs[0].lstrip().startswith(focus.strip())):
        # The story's figure told later, with its stage in its own sentence ("…在第五段：现场签约项目24个，总投资582亿元"):
        # the stage of what the story's figure is about, when the opening states none.
        stages = _stages_in(focus, in_body=True, financing=no_project_deal)
        if stages:
            return STAGES[max(stages)]
    if one_work_progress(title, body):
        # A headline telling one named work's progress ("某长输管线项目进展顺利", "某储能产业园加快建设", "某全民健身中心建设项目
        # 最新进展") over a body that states no stage: the work is under way, 开工 by the progress convention (session 26:
        # bench/data/facts/README.md), which supersedes the older probes that read such a headline as no stage.
        return "开工"
    if promotion_story(title, paragraphs[0] if paragraphs else ""):
        # A promotion or a fair tells its speeches first and its signings late ("临沂（长三角）招商推介会在上海举行" …
        # "推介会上，共签约项目58个" in the seventh paragraph): its signing, read further on.
        signed = _stages_in("\n".join(paragraphs[3:PROMOTION_PARAGRAPHS]), in_body=True, keep=keep, financing=no_project_deal)
        if STAGES.index("签约") in signed:
            return "签约"
    return None


# An event held to win investment, whose signings the story may tell late.
_PROMOTION_EVENT = re.compile(r"推介会|招商会|洽谈会|博览会|[\u4e00-\u9fff]洽会|[\u4e00-\u9fff]博会|投资贸易|招商大会|签约大会|招商引资活动|招商活动")
PROMOTION_PARAGRAPHS = 10  # how far such a story is read for its signing (bounded: a page's long tail is no news)
