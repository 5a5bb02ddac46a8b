"""The project's name phrase, where the story states one (``年产10万吨氢能装备项目``).

A name is the noun phrase that ends in 项目 or in the kind of work news names a project by (工程,
电站, 水库, 机场, 基地 …: ``_HEAD``) and starts after the last word that cannot be part of a name: a verb of the event (``签约``, ``开工``, ``宣布``, ``举行``), a relative clause's ``的``
(``总投资5.5亿元的牧原集团…饲料厂建设项目``), a preposition or conjunction of the clause (``在``,
``与``, ``暨``, ``等``). What is left names a project only when something specific remains once
places, dates, counts and ranking words are read off its front: ``烟台市重点项目``,
``2024年一季度重大项目``, ``一批新能源项目`` are a category, ``超薄锂电铜箔项目`` is one. A phrase
that counts (``34个…项目``, ``一批``, ``等``) is a roundup's, no single project's name.
"""

from __future__ import annotations

import re
from typing import Optional

from .places import PROVINCE_SHORT_NAMES, division_name_at, token_edges, township_name_at, word_tokens
from .text import WORK_HEAD, story_paragraphs

# The kinds a project's name ends in: the works the extractor reads everywhere. (码头, 景区, 度假区 were tried in session
# 45: they named where an event was held more often than a project, "在千岛湖度假区…", "朝天门码头".)
_HEAD = WORK_HEAD

__all__ = ["find_project"]

# A candidate: CJK/Latin/digits and the punctuation names use, ending in a head noun, at most 40
# characters (names are rarely longer; a longer run is a clause without commas). Greedy, so a name
# whose words hold a head already ends at its own ("县造纸厂一期工程", "机场二期扩建航站区工程").
_PHRASE = re.compile(r"(?:[\u4e00-\u9fffA-Za-z0-9（）()·\-—“”\"±π]|(?<=\d)[,.×＊*](?=\d)|(?<=[吨万千])[/／](?=年)|(?<=\d[tT])[/／](?=[dDhHaA]))" + "{1,40}"
                     + _HEAD)  # (a number's comma or point, "140万吨/年乙烯", is in the name: "6.25米捣固焦化…"; so are units
                     # times their size, "2×66万千瓦燃煤发电项目", and a kiln's or boiler's rate, "5000t/d", "260t/h"; a
                     # power line cut into a substation, "热榆线π入盛京变线路工程")
_ENDS_IN_HEAD = re.compile(_HEAD + "$")
# Words that end whatever stands before a name (the last one in the phrase wins). 建设 is not one
# ("饲料厂建设项目" is a name), nor are 和/及 ("生猪养殖及饲料厂建设项目"), nor the verbs inside the nouns a name holds (session
# 67's review: 集中供热, 工业集中区, 集中式光伏, 建成区, 计划生育).
_BOUNDARY = re.compile(
    r"签约|签[订定]|签署|开工|动工|开建|投产|竣工|落户|落地|推进|启动|实施|举行|举办|召开|引进|宣布|出席|参加|包括|"
    r"涉及|涵盖|分别是|分别为|作为|成为|其中|此次|本次|这次|总投资|投资|计划(?!生育|单列)|集中(?!供[热暖气水冷]|区|式|连片|安置|处理)|还有|以及|上马|抓住机遇上|"
    r"见证|观摩|考察|调研|视察|来到|走进|聚焦|围绕|加快|推动|确保|支持|批复|核准|审批|开展|"
    r"根据(?!地)|按照|依据|昨日|今日|近日|日前|昨天|今天|前天|"
    # (session 67) a time of day after the day ("昨日下午", "上午十时", "下午3时": the code review's)
    r"(?:上午|下午|中午|凌晨|早上|晚上|傍晚)(?:[\d一二三四五六七八九十]{1,3}[时点](?:[\d一二三四五六七八九十]{1,3}分|半)?)?|"
    r"[该此这]家?(?:企业|公司|集团)|[（(]记者[^）)]{0,20}[）)]|本报讯|关于|决定|打造|周年|拟建于|建于|位于|拟|建成(?!区)|该[县市区镇省乡村]|当地|规划|"
    r"兴建|创建|兴办|一家|一座|一个|一条|一所|——+|"  # "———": an apposition follows
    r"[\d.]+(多|余)?(万亿|亿|千万|百万|万)?(美元|欧元|日元|港元|英镑|元)|"  # "投资1200万元建成…": an amount before the name
    # (session 65) …written without its 元 before the verb ("投资15.85亿建锂电铜箔项目", "1500多万开发…基地")
    r"(?<=[资入])[\d.]+(多|余)?(万亿|亿|千万|百万|万)(?=[建开投新扩])|"  # (not a count: "年产3万新能源…")
    # (session 65) a firm that wins, builds or reports the work: the name follows ("某公司中标某体育场工程", "某集团
    # 公司年产10万吨…项目", "某院总承包建设某学校项目", "某项目荣获某奖")
    # (a registered name, "…有限公司", "…集团公司", but not a firm's own project, "某机械有限公司项目", "某有限公司二期
    # 工程": the firm names it, and the phrase is read up to its head, so "$" is the head's start; a bare 公司 only before a
    # work named by its place or its size, "某供电公司贺家220kV输变电工程", "三公司龙华区中医院项目": it may own the work
    # it names otherwise, "国网宿迁供电公司电力调度大楼项目")
    r"(?:有限(?:责任)?|集团)公司(?!$|主体|二期|三期|一期)"
    r"|公司(?=[\u4e00-\u9fff]{0,3}[\d０-９]|[\u4e00-\u9fff]{1,3}(?:[省县]|(?<!城)市|(?<![厂园校院片社营景])区))|"
    r"承建|总承包|荣获|获评|丨|"  # (丨: a headline's column mark, "提水平·十快项目丨临沂…产业园")
    r"(?<!会)[主分]会场(?!建设|项目|改造|配套|场馆|体育|工程)|"  # (session 67) a ceremony's venue:
    # "荷塘区分会场湖南某…项目开工仪式"; not a games' or a fair's own venue being built ("省运会主会场建设项目": the review)
    # (session 66) a dateline's or a wire's close ("（水业中国网上海工作站8月1日讯）", "8月1日讯"), a day ("自7月21日某县…工程"),
    # a dash after a headline's event and before the name ("重大项目集中开(竣)工-某项目"; not a route's, "膏田-美沙…工程"),
    # a national builder before the work it builds ("中铁四局大保高速…工程", "中国能建葛洲坝一公司海南万宁…项目")
    r"讯[）)]|[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}[日号]|(?<=开工|竣工|签约|投产|[）)]工)-(?=[\u4e00-\u9fff])|"
    r"(?:中铁|中建|中交|中冶|中国中铁|中国铁建|中国建筑|中国交建|中国能建|中国电建|中能建|中电建|葛洲坝)"
    # (its own works keep it: "中建三局总部大厦项目"; a company under a bureau is the builder too: "中建三局一公司": the review)
    r"[\u4e00-\u9fff\d]{0,6}?(?:局(?:集团)?(?:[一二三四五六七八九十]{1,2}公司)?|公司)(?:集团)?(?!(?:集团)?(?:总部|办公|机关))|"
    r"共(?=[建同有计])|有(?!限)|[的在与对将把暨等了为是从向和到]"  # one-character clause words; 和 see _cut
)
# A firm's name as a boundary (above), read again without it where what is left names nothing: "某有限公司扩建项目" is
# the firm's own (session 65's review).
_FIRM_CUT = re.compile(r"(?:有限(?:责任)?|集团)?公司")
# Who acts on the project and what they do to it, not its name (session 45: "市长郭章新带队督办部分重点项目", "缓缓驶下
# 生产线", "用拼搏跑出项目", "随着大悟县…基地建设项目", "县委书记…赴广东海大集团就项目", "请问贵公司生产线"). These words
# stand inside names too (检查站, 截止阀, 以岭药业, 市区长征路, 就餐, 兼容型, 调度大楼: two reviews' cases), so one ends the
# words before a name only where jieba reads it as a word of its own there (_cut), and not before the kind of thing a
# name is of (调度中心, 洽谈中心, 检查站).
_ACTS = re.compile(
    # (session 65: 中标 and 并 only as words of their own, "公司/中标/某市…", "并/购置", not "初中/标准化", "并网发电")
    r"中标|并|[县市区镇乡]长|主任|局长|厅长|主席|检查(?!站)|已|截[止至]|兼|验收|介绍|取得|洽谈(?![^项]{0,2}?中心)|就(?!近|地|餐|医|业)|以[上下]|"
    r"调度(?![^项]{0,4}?(?:中心|大楼|楼))|以(?!奖|工代赈)")
# (办理, 了解, 对口 were tried in session 47 and left: "医保业务办理平台建设项目", "完成了解州关帝庙修缮工程", "对口镇污水
# 处理厂…" — jieba does not know 解州, 口镇)
# …and words no name holds, read as cuts wherever they stand (a first version read them all so: _ACTS above).
_ACTS_ANYWHERE = re.compile(
    r"书记|主持|带队|督办|督查|督导|莅临|完成|正在|目前|进行|鼓励|贯彻|落实|标志着|抓住|随着|请问|贵公司|下达|用好|跑出|"
    r"驶[下入出]|入驻|入选|迎来|结束|掀起|以下简称|简称|查看|察看|深入|抓[好实]|做好|牵头|解读|刷新|安排|接受"
    r"|前往|赶赴|秘书长|列入|纳入"
    # (session 66) "省长某某率队赴某一体化项目", "资金用于某工程", "进一步简化…", "制定…", "吸引更多…", "加速冷链项目建设",
    # "庆祝大桥通车", "某网站助力高铁"
    # (not 加速器, 助力车: names' words, the review's)
    r"|率队|率团|赴|用于|进一步|制定|吸引|加速(?!器)|庆祝|助力(?!车|器|转向|泵)")
# Ranking, category and batch words a category of projects is named with (read off a phrase's
# front, with places and dates, before asking whether anything specific is left).
_GENERIC_FRONT = re.compile(
    r"^(全国|全省|全市|全区|全县|我国|我省|我市|我区|我县|当地|国家|省级|市级|县级|省|市|县|区|"
    r"\d{4}(?![\d.万亿千百])年?度?|今年|去年|明年|全年|上半年|下半年|[一二三四]季度|第[一二三四]季度|首批|首个|首座|新一批|一批|第[一二三四五六七八九十\d]+[批期次]|"
    r"重大|重点|重要|大型|一大批|优质|产业|招商引资|招商|签约|开工|续建|新建|合作|经贸|贸易|外资|内资|民生|基础设施|"
    r"战略性?|新兴|标志性|龙头|亿元以上|亿元级?|百亿级?|十亿级?|千万元以上|支撑|示范|试点|年度|省市|"
    r"[一二两三四五六七八九十百千\d]+(个|项|大)|[\d.一二三四五六七八九十百千]+(多|余)?(万亿|亿|千万|百万|万)?元|"
    r"[\d.]+(多|余)?(万亿|亿|千万|百万|万)(?=投资)|又一|更多|超|近|约|中外|国内外|这一|该|本|此|其|这个|那个|一个|各类|多个|相关|有关|"
    r"绝大部分|部分|全部|新一轮|节后|[春夏秋冬]季|以下|最终|优秀|先进|工业企业|企业|高质量|发展|年终|年底|年初|境内|开复工|内外资)+"
)
# A phrase that counts its projects names a batch, not one project.
_COUNTS = re.compile(r"(?<![年月日])[\d一二两三四五六七八九十百千]+(多|余)?[个项宗处座条家所](?!目)|(?<![\d一二三四五六七八九十])[两三四五六七八九十百千]+大"
                     r"|一大?批|等|各|多个|若干|系列")  # 各: "各重大招商引资项目", each of many
# A headline that counts its projects ("65个项目集中签约", "三大项目入驻", "十多个项目纳入", "一批重点项目开工").
# Not one of them ranked or counted once: "全国第三大…项目", "又一个百亿项目".
# ("仅用8个月建成投产的项目", "两大央企合作项目", "亚洲三大…项目之一", "获批复的项目", "入选省十大重点项目": one project.)
_BATCH_HEADLINE = re.compile(r"(?:(?<![第\d])(?:[2-9]|\d{2,}|[二两三四五六七八九十百千]+)(?:多|余)?[个项宗](?!月)"
                             r"(?:[\u4e00-\u9fff]{0,6}?)|(?<![第入列纳选])[二两三四五六七八九十百千]+大(?:重点|重大)?|(?:一大?|首|新一)批"
                             r"(?:[\u4e00-\u9fff]{0,6}?)|多个)项目(?!之一)"
                             r"|项目(?:[2-9]|\d{2,}|[二两三四五六七八九十百千]+)(?:多|余)?[个项宗](?!月)")

# A superlative or a first describes a project, it does not name it ("我国首个超大容量变速抽水蓄能电站");
# the name is given beside it, often after a dash.
_DESCRIBED = re.compile(r"首个|首座|首条|首家|第一个|最大|最长|最高|最深|最早|最先进")
_COUNT_AFTER = re.compile(r"[\d一二两三四五六七八九十百千]+(多|余)?[个项宗](?![\u4e00-\u9fff])")
_LISTED_AFTER = re.compile(r"等|领域|行业|产业(?!园|基地|项目)")
# A builder's or an owner's office after 项目/工程 ("中交一公局集团有限公司项目部", "工程部", "项目办", "项目组"), not the
# words that go on past it (部分, 部署, 部件, 办理, 组成, 组织…): a cheap filter before jieba is asked (_an_office).
_OFFICE_AFTER = re.compile(r"部(?!分|署|件|位|长)|办(?!理|法|学|好|成)|组(?!成|织|建|合|团|装|件)")
# Heads that a proper name before them makes one work ("峡江灌区", "迪庆机场", "固军水库"), against
# heads that need words of what is built ("…研发项目", "…生产基地"): see _specific.
_NAMED_HEAD = re.compile(r"(电站|水库|枢纽|机场|大厦|铁路|高铁|高速公路|公路|大桥|灌区)$")
# One character right before the kind that makes the phrase a verb and its object or a conjunction:
# "抓项目", "上项目", "引项目", "和项目".
_NO_NAME_BEFORE_HEAD = set("和及与或抓上干谋引招扩跑争促签")
# A zone's name before a category is a place, like a division's ("金钟经济开发区重点项目"); and a run of
# months is a period ("1-10月项目").
_ZONE_FRONT = re.compile(r"[\u4e00-\u9fff]{2,10}?(经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|工业园区|产业园区|"
                         r"新区|示范区|片区)|[\d一二三四五六七八九十]{1,2}([-—–~至到][\d一二三四五六七八九十]{1,2})?月份?")
# A year or a part of one inside what is left dates a batch ("…2022年上半年招商项目"); a project's
# name does not carry the period it was signed in.
_PERIOD_IN_NAME = re.compile(r"\d{4}年|上半年|下半年|[一二三四]季度")
# A phrase that opens with a counter (the tail of a count cut off: "…12个重点项目") or points back to a work named
# before ("该工程按二级公路标准", "这一重点项目", "全线采用三级公路") names no project of its own (the firm it points back
# to is a boundary: "该企业年产5万吨饲料项目" names 年产5万吨饲料项目).
_NOT_A_NAME_FRONT = re.compile(r"[个项批座所条家宗]|该|这|此(?!次)|全线")
# A name has words: at least two CJK characters or Latin letters besides its kind.
_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# What is left names a field, not a project: "数字经济项目", "冰雪经济项目", "新兴产业项目".
_FIELD = re.compile(r"[\u4e00-\u9fff]{0,4}(经济|产业|行业|领域)")
# The words right before the head that make the phrase a class of works (no labelled name of sessions 46–47's 519 pages
# ends so): key works (重点, 重大), the newly signed or filed, foreign-funded, the government's or the
# people's livelihood works.
_CLASS_BEFORE_HEAD = re.compile(r"(?:重点|重大|新签约?|新备案|外资|招商引资|民生|公益事业|政府投资)(?:工程)?$")
# A work named before the label makes the phrase one work so labelled ("市第一人民医院迁建重点项目", "特斯拉上海超级工厂外资项目"),
# not a class. (大 was tried as a class word and left: 西工大, 中科大, 金正大 end names before 项目.) Tighter than facts.amounts'
# _WORK_NOUN on purpose: its 设施, 线, 平台 … (a work in view of an amount) read fields as works here ("交通基础设施改造提升及
# 文旅重点项目"; sharing it cost one seen page and one review case in session 47).
_A_WORK_IN = re.compile(_HEAD + r"|医院|学校|学院|中学|小学|幼儿园|馆|场|路|桥|站|港|码头|园|厂|楼|城")
# (session 65) A news outlet or a research body ends in a head (中心) and is named as who tells the news ("据五河县融媒体
# 中心消息", "来源：永春县融媒体中心", "长子县融媒体中心提供", "（中国电子商务研究中心讯）": five of the seen pages' wrong
# names): no work there (a centre built, "某县融媒体中心建成投用", "共建某新材料研究中心", is one: the review's cases).
_OUTLET_OR_INSTITUTE = re.compile(r"(?:融媒体|新闻|传媒|媒体|研究|发布)中心$")
_TELLER_BEFORE = re.compile(r"(?:来源|发布者|据|从|来自|供稿)[:：]?\s*$|[（(]\s*$")  # (the text is simplified)
_TELLER_AFTER = re.compile(r"\s*(?:讯|消息|供图|供稿|提供|记者|报道|发布|数据|将通过|[,，、]\s*记者)")
# Remains of a phrase that are a kind of project, not a name ("新能源", "化工", "文旅").
_MIN_SPECIFIC = 3  # characters left before 项目 once the generic front is read off


# The paper's own place or time in front of a name, left out of it: "我市殡仪馆项目", "今年光伏发电项目".
_OUR_FRONT = re.compile(r"^(?:我[省市县区镇乡]|全[省市县区]|今年|去年|明年)(?=[\u4e00-\u9fffA-Za-z0-9“\"]{3})")
# Where a project goes, not the project: "塔吊机械装配项目落户重化工工业园" (the name is before 落户).
# (Not "落户高新区的华为数据中心": after 的 the name is the project's.)
_DESTINATION = re.compile(r"(?:落户|落地|入驻|入园|位于|落户于|落户在)(?:(?!的)[\u4e00-\u9fffA-Za-z0-9])*?"
                          r"(?:园|园区|基地|开发区|新区|中心)$")

# A verb that opens what is left after the cut builds the project, it is not in its name:
# "共建重大石化项目" → 建 + 重大石化项目, "建设智能驾控产业创新研发项目".
_LEADING_VERB = re.compile(r"^((合作|共同|投资|联合)?(?:建设|开发(?!区|大道|大街|路|大厦|新区|园区))|新建|扩建|续建|共建|打造|谋划"
                           r"|储备|开始|新上(?!海|城|街)|建)")  # (开发大道, 开发路: streets, the review's; 新上, to start a new
                           # one, not 新上海, nor 新 before 上城区, 上街…: session 67's review)
# (session 66) …not where it opens a division's name: "建始县岩板河水库工程" opens with a county (建始县), not with 建; "新建区…"
# with 南昌's district. ("开发区…" opens with a zone: its 开发 is excluded above.)


def _quoted(phrase: str, pos: int) -> bool:
    """Whether ``pos`` is inside a “…” quotation that closes within the phrase (a quoted name's words
    are its own; a quotation of someone's words that runs on past the phrase is no name)."""
    return phrase.count("“", 0, pos) > phrase.count("”", 0, pos) and "”" in phrase[pos:]


def _cut(phrase: str, firms: bool = True) -> str:
    """The phrase after its last boundary word (the whole phrase when there is none; ``firms``: a firm's name is
    one)."""
    last = 0
    head = _ENDS_IN_HEAD.search(phrase)
    end = head.start() if head else len(phrase)
    acts = [match for match in _ACTS.finditer(phrase, 0, end) if _a_word_there(phrase, match.start(), match.end())]
    for match in sorted([*_BOUNDARY.finditer(phrase, 0, end), *_ACTS_ANYWHERE.finditer(phrase, 0, end), *acts],
                        key=lambda m: m.start()):
        word = match.group()
        if _quoted(phrase, match.start()):
            continue  # "“疆电入渝”配套电源项目": the quoted words are part of the name
        if not firms and _FIRM_CUT.fullmatch(word):
            continue
        if word == "和" and match.start() and not _ENDS_IN_HEAD.search(phrase, 0, match.start()):
            continue  # "生猪养殖和饲料加工项目": one name; "A项目和B项目": two
        if word in ("计划", "投资") and _ENDS_IN_HEAD.fullmatch(phrase, match.end()):
            continue  # "投资项目", "计划项目" are no name, the generic check says so
        plain = 2 <= len(word) <= 3 and bool(_CJK_WORD.fullmatch(word))  # (a word, not a pattern's date or builder)
        if plain and _across_words(phrase, match.start(), match.end()):
            continue  # (session 67) "辛集/中国": read across two words
        last = match.end()
        if plain:
            last = _word_end(phrase, match.start(), last)  # (session 67) "今天上午某厂": the whole word before the name
    name = phrase[last:]
    if name.count("“") > name.count("”"):
        return ""  # "牢固树立“项目为王”理念": a quotation opens, no name
    if name.count("”") > name.count("“"):  # the cut fell inside a quotation: keep it whole
        opening = phrase.rfind("“", 0, last)
        name = phrase[opening:] if opening >= 0 else name.replace("”", "", 1)
    # "国家重大外资项目扬子扬巴轻烃综合利用项目": a category then the name; the name is what follows
    # ("重大项目建设及招商引资项目": after the category, a connector and a verb that are no name either).
    inner = name.find("项目")
    while 0 <= inner < len(name) - 2 and not _specific(name[:inner + 2], ()):
        name = name[inner + 2:]
        inner = name.find("项目")
    name = name.lstrip("和及与、")
    if name.startswith("“") and name.endswith("”") and name.count("“") == 1:
        name = name[1:-1]  # (session 67) a name quoted whole: _quote_closed
    name = _unbracketed(name)
    closed = max(name.rfind(")"), name.rfind("）"))
    if closed >= 0 and name.count("(") + name.count("（") < name.count(")") + name.count("）"):
        name = name[closed + 1:]  # "（记者李某)项目…": a bracket closed that opened before the phrase
    name = _OUR_FRONT.sub("", name)  # "我市殡仪馆项目": the paper's own place is no part of the name
    for _ in range(2):  # (two: "开始建设某厂" → 某厂, the review's)
        verb = _LEADING_VERB.match(name) if len(name) > 4 else None
        if verb is None or _a_division_there(name, verb.end()):
            return name
        name = name[verb.end():].lstrip("和及与、")
    return name


_DIVISION_SUFFIX = tuple("省市县区旗州盟")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


def _quote_closed(phrase: str, text: str, at: int) -> str:
    """``phrase`` with the closing quotation mark right after it in ``text`` (at ``at``) when it opened one: the phrase
    ends at its head, so a name quoted whole ("签约“祁门红茶产业开发项目”，…") lost its closing mark and read as a quotation
    running on past it (_cut gives such a phrase no name)."""
    if phrase.count("“") > phrase.count("”") and text.startswith("”", at):
        return phrase + "”"
    return phrase


def _across_words(phrase: str, start: int, end: int) -> bool:
    """Whether jieba reads ``phrase[start:end]`` across two of its words, neither starting nor ending one
    ("辛集中国国际皮革城项目": 辛集/中国, no 集中): the characters are no word of the phrase, so no boundary."""
    return not any(token_edges(phrase, start, end))


def _word_end(phrase: str, start: int, end: int) -> int:
    """Where the word jieba reads from ``start`` ends, when it runs past ``end``: a boundary word opening a longer word
    ("今天上午", "开工典礼", "规划局", "当地人") ends the name's front with the whole word, not inside it ("上午某厂")."""
    return max([end] + [e for _, s, e in word_tokens(phrase) if s == start and e > end])


def _a_division_there(name: str, verb_end: int) -> bool:
    """Whether ``name`` opens with a division's name longer than the verb at its front: a full name ("建水县", "新建区"),
    or a short one jieba reads as a word there ("建水紫陶…", not "建/水上乐园", "建/宁波…")."""
    length = division_name_at(name)
    if length <= verb_end:
        return False
    if name[:length].endswith(_DIVISION_SUFFIX):
        return not name.startswith(("域", "块", "间"), length) or not name.endswith("区", 0, length)  # 新建/区域性…
    return not any(e == verb_end for _, _s, e in word_tokens(name))


def _a_word_there(phrase: str, start: int, end: int) -> bool:
    """Whether jieba reads ``phrase[start:end]`` as one word of its own ("县长/王某", "以/高质量", not "以岭/药业",
    "市区/长征路", "检查站", "就餐")."""
    return any(s == start and e == end for _, s, e in word_tokens(phrase))


def _unbracketed(name: str) -> str:
    """``name`` without a bracket left open in it: the name before the bracket when that is a name, else the one inside
    ("潮州市特色佛手果饮料项目(展翠项目" → the first; "仪式(阿图什市第六小学建设项目" → 阿图什市第六小学建设项目)."""
    opened = max(name.rfind("("), name.rfind("（"))
    if opened < 0 or max(name.rfind(")"), name.rfind("）")) > opened:
        return name
    before = name[:opened]
    return before if _ENDS_IN_HEAD.search(before) and _specific(before, ()) else name[opened + 1:]


def _a_class(name: str) -> bool:
    """Whether ``name`` is a class of works, whatever its front: "阿克塞县重点项目", "西宁绿色发展重点项目", "西藏重点工程项目",
    "新签外资项目", with no work named before the label (项目 only: "某路提质改造民生工程" is a work)."""
    label = _CLASS_BEFORE_HEAD.search(name, 0, len(name) - 2) if name.endswith("项目") else _CLASS_WORKS.search(name)
    return label is not None and not _A_WORK_IN.search(name, 0, label.start())


# (session 66) …and works so labelled with no work named before ("新时代重大工程", "市重点工程"): "某路提质改造民生工程" names its
# road first.
_CLASS_WORKS = re.compile(r"(?:重点|重大|民生)工程$")


def _specific(name: str, place_names: tuple[str, ...]) -> bool:
    """Whether ``name`` names one project (not a category, a batch or a bare 项目)."""
    head = _ENDS_IN_HEAD.search(name)
    if head is None:
        return False
    if _COUNTS.search(name) or _DESCRIBED.search(name) or name[head.start() - 1:head.start()] in _NO_NAME_BEFORE_HEAD:
        return False  # a batch; "采购销售和项目": "and projects"; "坚定不移抓项目": a verb and its object
    if _NOT_A_NAME_FRONT.match(name):
        return False  # "个重点项目" (a count's tail), "该工程按二级公路", "这一重点项目": a work named elsewhere, or none
    if _a_class(name):
        return False
    rest = name[:head.start()]
    last_was_place = False
    changed = True
    while changed and rest:
        changed = False
        front = _GENERIC_FRONT.match(rest) or _ZONE_FRONT.match(rest)
        if front and front.end():
            rest, changed, last_was_place = rest[front.end():], True, False
        for place in place_names:
            if rest.startswith(place):
                rest, changed, last_was_place = rest[len(place):], True, True
                break
    if _NAMED_HEAD.search(name):
        # "峡江灌区", "固军水库": a proper name (a place's included) before the kind names one work;
        # "新建大型灌区" does not.
        return len(rest) >= 2 or (not rest and last_was_place)
    if _PERIOD_IN_NAME.search(rest):
        return False  # "现代农业产业链2022年上半年招商项目": a period's batch
    return len(rest) >= _MIN_SPECIFIC and not _FIELD.fullmatch(rest) and len(_WORDS.findall(rest)) >= 2


def find_project(title: str, body: str, place_names: tuple[str, ...] = (), focus: str = "",
                 batch: bool = False) -> Optional[str]:
    """The first specific project name in the headline, else in ``focus`` (the sentence that states
    the investment: the name of the project the amount is about), else in the lead paragraph.

    ``place_names``: the names of places the story mentions (as written), read off a phrase's
    front when deciding whether it names one project (``广州2024年一季度重大项目`` does not).
    """
    lead = next(iter(story_paragraphs(body)), "")  # (a page's metadata lines above the story are no lead)
    places = tuple(sorted(set(place_names), key=len, reverse=True))
    # A batch's story (its stated total is many projects', or its headline counts them) has a project only where its
    # headline names one: the body's first name is one of many (session 45's gold names: 66 of 150 stories that name no
    # single project had one, most of them an example from a batch).
    batch = batch or bool(_BATCH_HEADLINE.search(title))
    firms_own: Optional[str] = None  # a firm's own work, named only when no other name is found (see below)
    for text in (title,) if batch else (title, focus, lead):
        for match in _PHRASE.finditer(text):
            # The phrase ends at its last head; a shorter one inside it may be the name when the
            # longer is none ("在中鑫电机研发项目现场举行项目开工仪式").
            heads = [head.end() for head in re.finditer(_HEAD, match.group())]
            class_from = len(match.group())  # where a class of works read at a longer head starts (see below)
            for end in reversed(heads):
                if end > class_from:
                    continue  # a head inside a class of works: "西藏重点工程项目" is no "西藏重点工程"
                if _COUNT_AFTER.match(text, match.start() + end) or _LISTED_AFTER.match(text, match.start() + end):
                    continue  # "签约数字经济项目9个": a batch; "人工智能和数据中心等领域": a list of fields
                if _OFFICE_AFTER.match(text, match.start() + end) and match.group().endswith(("项目", "工程"), 0, end) \
                        and _an_office(text, match.start() + end):
                    continue  # (session 65) "某集团有限公司项目部", "工程部": a builder's site office, no work
                if _OUTLET_OR_INSTITUTE.search(match.group(), 0, end) and _a_teller(text, match.start(), end):
                    continue
                if _DESTINATION.search(match.group()[:end]):
                    continue  # the zone a project goes to: the project's own name is the head before
                name = _cut(_quote_closed(match.group()[:end], text, match.start() + end))
                if firms_own is None and not _specific(name, places) and _firms_own(match.group()[:end]):
                    # "某有限公司扩建项目": the firm's own work, cut at the firm's name to nothing specific; the name only
                    # where the story names no other (on the blind pages of session 65 the other name was the label's)
                    own = _cut(match.group()[:end], firms=False)
                    firms_own = own if _specific(own, places) else None
                if _specific(name, places):
                    name += _centre_of(text, match.start() + end) if name.endswith("中心") else ""
                    return _without_place_chain(_tidied(name, places), places)
                if _a_class(name):
                    class_from = end - len(name)
    return _without_place_chain(firms_own, places) if firms_own else None


# (session 67) What a 中心 head is the centre of, right after it: "城郊镇新建中心幼儿园", "新客运中心站", "苔菉国家中心渔港" (the
# phrase ends at its last head, and these are no heads: they name where events are held as often as what is built). Not
# 医院: "急救中心医院联络点", "医疗中心医院管理团队" are the centre's and a hospital's (the review); nor "中心站前广场".
_CENTRE_OF = re.compile(r"(?:幼儿园|小学|中学|学校|站(?![在起出稳上到着了好前])|渔港|馆|大楼)")


def _centre_of(text: str, at: int) -> str:
    """The kind of place a name ending in 中心 at ``text[at]`` is the centre of, when one follows as a word of its own
    ("中心/站", not "中心/站在")."""
    more = _CENTRE_OF.match(text, at)
    if more is None:
        return ""
    window = text[at - 2:more.end() + 2]  # from the 中心 itself (the name ends in it, so at >= 2) to two characters after
    return more.group() if token_edges(window, 2, 2 + len(more.group()))[1] else ""


# (session 66) A part of the work after its whole name: "某水库除险加固工程主体工程", "某小学项目桩基工程", "某污水处理厂全工程".
_PART_AFTER = re.compile(r"(?:主体|桩基|土建|全)工程$")
# A class of works before the work's own name: "省重点工程太原邮件处理中心" ("…项目" classes: _cut's inner loop).
# (not a name's own words after it: "国家重点工程实验室", "重大工程装备…", "重点工程建设指挥部": the review's)
_CLASS_FRONT = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:重点|重大|民生)工程"
                          r"(?!实验室|技术|装备|机械|建设|研究|设计|管理|指挥|咨询|勘察|学院|大学)")


# (the review's) Words after 建设/开发 that make them a firm's, a school's or a building's name: "重庆建设工业集团", "湖北建设大厦"
_NOT_WORK_AFTER_VERB = re.compile(r"大厦|大楼|大道|大街|路|街|工业|银行|职业|集团|学院|大学|投资|控股")


def _tidied(name: str, places: tuple[str, ...]) -> str:
    """``name`` without what a reader leaves out of it (session 66's seen pages, where the name was read but its ends
    were not the label's): a part after the whole ("…工程主体工程"), a class of works before the name ("省重点工程某中心"),
    the place and the verb of building before it ("宜都建设某项目": where it is built, then the work)."""
    part = _PART_AFTER.search(name)
    if part and _ENDS_IN_HEAD.search(name, 0, part.start()) and _specific(name[:part.start()], places):
        name = name[:part.start()]
    front = _CLASS_FRONT.match(name)
    if front and _specific(name[front.end():], places):
        name = name[front.end():]
    place = next((p for p in places if len(p) >= 2 and name.startswith(p)), None)
    if place:
        verb = _LEADING_VERB.match(name[len(place):])  # (its ^ anchors at the string's start, not at pos)
        at = len(place) + verb.end() if verb else 0
        rest = name[at:] if verb and not _a_division_there(name[len(place):], verb.end()) \
            and _a_word_there(name, len(place), at) and not _NOT_WORK_AFTER_VERB.match(name, at) else ""
        if rest and _specific(rest, places):
            name = rest
    return name


def _firms_own(phrase: str) -> bool:
    """Whether the phrase ends on a firm's name and at most a few words of its own work before the head ("某有限公司扩建
    项目", "某集团有限公司总部项目", "某药业有限公司四期工程"): the firm names the work, whatever is left after it."""
    head = _ENDS_IN_HEAD.search(phrase)
    firm = None
    for firm in _FIRM_CUT.finditer(phrase, 0, head.start() if head else len(phrase)):
        pass
    return firm is not None and head is not None and head.start() - firm.end() <= _FIRMS_OWN_WORDS


_FIRMS_OWN_WORDS = 4  # characters between a firm's name and the head: 扩建, 搬迁, 技改, 总部, 四期, 新厂区


def _a_teller(text: str, start: int, end: int) -> bool:
    """Whether the outlet or research centre ending the phrase at ``text[start:start + end]`` tells the news
    (_TELLER_BEFORE its own name, _TELLER_AFTER it) rather than being built."""
    name = _cut(text[start:start + end])
    at = start + end - len(name)
    return bool(_TELLER_BEFORE.search(text, max(0, at - 6), at) or _TELLER_AFTER.match(text, start + end))


def _an_office(text: str, at: int) -> bool:
    """Whether the 部/办/组 at ``text[at]`` after 项目/工程 is an office as jieba reads it (项目部, 工程部 one word;
    项目/办/主任), not the start of another word (项目/办实事, 项目/部门, 工程/办证: session 65's review)."""
    left = max(0, at - 2)
    return any(left + end == at + 1 and left + start <= at for _, start, end in word_tokens(text[left:at + 4]))


# (session 65) A name opening on a chain of places down to its county, town or village ("四川省广安市岳池县嘉陵江水源供水
# 工程", "乳山市崖子镇北寨村晨昀粮油厂") is written by readers from the chain's last place on ("岳池县嘉陵江水源供水工程",
# "北寨村晨昀粮油厂"): the places are the story's `places`, the name what is built there. (Measured on the seen
# pages' names: 283 → 297 of 563 right, none worse; the older gold of xwlb and the collected paragraphs keeps the chain,
# one name in each: "贵州省铜仁市花滩子水库工程". A province alone before a name stays: "山东北辰新能源…", "湖南西部区域
# 肿瘤防治中心" are names so; a chain whose last place has no suffix stays too: "北京朝阳医院", "四川成都经绵阳…".)
# (session 66, session 65's review) A town is one of the township table's full names (places.township_name_at: "崖子镇",
# not the words a regex read as towns, "天水曲溪城乡"); a village, which no table of ours lists, a name ending in 村 (not
# the words ending so: 乡村, 农村, 城中村, 中心村, 村委会, 村级).
_VILLAGE_FRONT = re.compile(r"[\u4e00-\u9fff]{2,4}?(?<!农)(?<!乡)(?<!城中)(?<!中心)村(?![委级])")
_PLACE_SUFFIXES = ("市", "县", "区", "旗", "镇", "乡", "村", "街道")


def _leading_place(name: str, places: tuple[str, ...]) -> int:
    """The length of the place ``name`` opens with (one of the story's ``places``, longest first; a province; a town; a
    village), or 0."""
    for place in places:
        if len(place) >= 2 and name.startswith(place):
            return len(place)
    for province in PROVINCE_SHORT_NAMES:
        if name.startswith(province):
            return len(province) + (1 if name.startswith(("省", "市"), len(province)) else 0)
    town = township_name_at(name)
    if town:
        return town
    village = _VILLAGE_FRONT.match(name)
    return village.end() if village else 0


def _without_place_chain(name: str, places: tuple[str, ...]) -> str:
    """``name`` from the last place of the chain of two or more it opens with, when that place is written with its
    suffix and what is left still names one project; else ``name``."""
    starts: list[int] = []
    at = 0
    while at < len(name):
        step = _leading_place(name[at:], places)
        if not step:
            break
        starts.append(at)
        at += step
    if len(starts) < 2 or not name[:at].endswith(_PLACE_SUFFIXES):
        return name
    short = name[starts[-1]:]
    return short if _specific(short, places) else name
