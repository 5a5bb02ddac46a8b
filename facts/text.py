"""Text helpers the fact extractors share: number normalisation, sentences, statistic markers."""

from __future__ import annotations

import bisect
import re
from typing import Optional
from functools import lru_cache

__all__ = ["AREA_WIDE", "BARE_TOU", "CLAUSE_BREAK", "CLAUSE_MARKS", "COMMA_CLAUSE_MARKS", "EVENT", "FIVE_YEAR_PLAN", "HOLIDAY", "INVESTING", "NATIONAL", "ONE_BATCH", "PERIOD", "PLAN_DOCUMENT", "PURCHASE", "REACH", "SENTENCE_MARKS", "SPAN_SO_FAR", "STATISTIC", "TODAY", "TOGETHER",
           "WHOLE", "WORK_HEAD", "Marks", "compared_after", "compared_batch", "day_item_start", "normalise", "sentence_end", "sentence_of", "sentence_start"]

# Full-width digits, letters and the percent sign to ASCII: newspapers print "２２．８亿元".
# Full-width punctuation stays: "，" and "；" separate clauses, "10，20" is not 1020.
_WIDTH = {code: code - 0xFEE0 for code in [0xFF05, *range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                           *range(0xFF41, 0xFF5B)]}
# A full-width point, middle dot or katakana dot between digits is a decimal point in print
# ("２２．８亿元", "７·６１亿元").
_DOT_POINT = re.compile(r"(?<=\d)[．·・•](?=\d)")

# A sentence that compares or sums up periods reports a statistic, not one project:
# "固定资产投资完成246.79亿元，同比增长15.3%", "双向投资额累计已超过260亿美元",
# "比上年增长13.6%", "比1996年分别增长2.72%".
# A rate or a task's share ("开工率68.3%", "完成率107.52%", "任务数18家") measures a tally against its whole or its
# target: a statistic's mark before the figure; after it, a comparison like 同比 (an event's batch may state its own rate).
_TALLY_RATE = r"(?:开工|动工|开复工|完成|转化|履约|到位|落地|投产|签约|入资)率|任务数"
# (Session 68) Not a work's own output summed since it opened ("目前已全部并网投产，累计发电量2012万千瓦时",
# "累计处理污水300万吨"): what the work made, not a span's investments or works.
_OUTPUT_SO_FAR = r"(?:已经?|共|实现|完成)*(?:发电|上网|供[水气热电]|处理|减排|节约|运送|输送|接待|生产|产出|出栏|加工|销售|运行|产值)"
STATISTIC = re.compile(r"同比|环比|累计(?!" + _OUTPUT_SO_FAR + r")|[比较](上|去|前)一?年|[比较]上(月|季度?)|比\d{2,4}年|" + _TALLY_RATE)
# 累计 is never a comparison ("…集中开工，共开工项目30个，总投资200亿元，开工率100%" keeps the day's batch), except a fair's
# own total so far (_THIS_EDITION).
_NO_COMPARISON = re.compile("累计")


def compared_after(sentence: str, sentence_start: int, pos: int) -> bool:
    """Whether every STATISTIC word of ``sentence`` (starting at ``sentence_start`` of its text) is a
    comparison at or after ``pos``: "总投资额2638.7亿元，同比增长43.6%" sets one event's figure beside the last
    edition's, which keeps it the event's when the sentence reports one (facts.amounts, facts.stages ask
    that); 累计 anywhere, or a comparison before ``pos``, makes the figure a statistic."""
    found = list(STATISTIC.finditer(sentence))
    edition = _THIS_EDITION.search(sentence)  # "本届合作周累计新签约台资项目38个": the edition's own total so far
    return bool(found) and all((not _NO_COMPARISON.fullmatch(f.group()) and sentence_start + f.start() >= pos)
                               or (edition is not None and f.group() == "累计") for f in found)

# A clause that spans a period sums it up: "近5年来", "今年以来", "一个月内", and a count as of a date
# ("截至1月30日，共举办…活动2700多场，签约项目626个，总投资额2340.54亿元").
# A run of months ("1—9月", "1-10月份") is a period whatever the day it is reported on.
# A five-year plan's span ("“十五五”时期", "十四五期间") is a programme's, however its figure is worded.
# A fair's editions summed up ("已经连续举办三届，促成…项目落地，总投资…", "历届…累计") are a span too.
# A span that ranks one work ("这是某市近年来引进的最大单体工业项目", "三年来规模最大的") sums nothing up.
# A five-year plan's years ("“十三五”期间", "十四五以来") and a holiday's days ("春节期间", "国庆假期"): spans of time, one
# pattern for PERIOD, batches.SPAN and amounts' tally headlines (session 57).
FIVE_YEAR_PLAN = r"“?十[一二三四五]五”?(?:期间|时期|以来)"
HOLIDAY = r"(?:春节|国庆)(?:期间|假期|长假)"
PERIOD = re.compile(r"(?:\d+年(来|间|里)|[一二三四五六七八九十几多半]年多?(来|间|里)|近年来|以来"
                    # (session 57) "近些年来，…投资1000万元建成了…", "“十三五”期间，某市投资1.84亿元用于…"
                    r"|近些年来?|这些年来?|" + FIVE_YEAR_PLAN
                    + r"|(?<![\d一两二三四五六七八九十几半])[\d一两二三四五六七八九十几半]{1,3}个多?月(来|间|里)"
                    # "…的方式，一个月内签下…25个投资项目"; not the time one work took ("在6个月内建成投产",
                    # "签约后仅两个月内就开工") or a deadline ("计划在18个月内建成").
                    r"|(?<![在仅只用\d一两二三四五六七八九十几半])[\d一两二三四五六七八九十几半]{1,3}个多?月内)(?![^，。；]{0,10}?(最大|最高|首个|首家|第一[个家座条]))"
                    r"|截至|截止到|截止至|截止(?=\d|[一二三四五六七八九十]{1,2}月|目前|今年|当前|发稿)|(?<![计划将要于在])到[\d一二三四五六七八九十]{1,2}月(?:底|末)前?(?=[，,])"  # "到4月底前，…开工项目45个"
                    # "今年1月至今已达成…项目90个", "年初至今": a span up to now (not "至今最大的项目": no start named)
                    # (not "至今年5月": a date, session 53)
                    r"|(?:\d{1,2}月份?|年初|\d{4}年)(?:以来)?至今(?!年)(?![^，。；]{0,10}?(最大|最高|首个|首家|第一[个家座条]))"
                    r"|历届|举办了?[\d一二三四五六七八九十]+届"
                    r"|(?<![\d.])\d{1,2}[—–\-~至到]\d{1,2}月份?"
                    r"|十[一二三四五六七八九]五[”\"]?(时期|期间|期末|末|规划)")

# A year heading an event's own name, right after it ("作为2025年江西-粤港澳大湾区经贸活动周的重要活动之一,推介会共…签约总额
# 450.46亿元", "2023年中国·某某投资贸易洽谈会上"): an edition, not a span whose figures are summed (session 32). A
# lookahead, put right after the year's pattern.
NOT_AN_EDITION = (r"(?!(?:(?!各类|各大|各种|多场|系列|全[市县区省州])[^，。；,;的]){0,24}?"  # (not "2023年全市在各类推介会上签约…")
                  r"(?:活动周|博览会|洽谈会|推介会|交易会|招商会|投资周|大会|论坛|峰会|展览会)(?:的|上|期间|中|开幕|举行|现场|之))")

# A span's tally so far, whatever event the sentence reports it at ("今天举行的全市重大项目推进会上，记者了解到，
# 今年全市已开工项目320个", "招商引资大会今天举行，截至目前，该市今年共签约项目88个"): the year's (or the half's)
# works started or signed so far, no batch of the meeting's (facts.batches.span_figure, facts.stages).
# Not a work's own ("该项目今年已开工建设，总投资50亿元", "某产业园一期去年已投产"): a work named right before the span.
_AREA = r"(?:全市|全省|全县|全区|全州|该市|该省|该县|该区|我市|我省|我县|我区)"
_SO_FAR_SPAN = r"(?:今年|去年|(?<!\d)\d{4}年|上半年|下半年|前三季度|[一二三四]季度|前\d{1,2}个?月)"
SPAN_SO_FAR = re.compile(r"(?<!项目)(?<!工程)(?<![期园厂桥站线])(?:" + _AREA + "?" + _SO_FAR_SPAN + _AREA + r"?)(?:已经?|共|累计)")

# Words of one event on one day: "今天", "日前", "21日", "首批", "仪式", "集中开工" … A date the reporter
# learnt something on ("6月16日，记者在某县采访了解到") dates the report, not an event.
# Nor is the day a figure was told ("记者今天（7月16日）从国家发展改革委了解到", "某委今天举行新闻发布会介绍"):
# a report, whose figure is often a period's tally.
_TOLD_AFTER = r"(?![，,]?[^，。；]{0,24}?(?:了解到|获悉|得知|发布会|发布消息|消息称))"
# Many projects signed, started or finished together on one day: the event that makes their count a batch.
# A story told by the place itself ("我市", "我县", "我区"): its own works, its own signings.
OUR_HOME = re.compile(r"我(?:市|县|区|州|旗|省)")
# 省长 as a province's head's title: after a clause's start or a mark, 副, 代 or the province's own 省 ("省委副书记、省长某某",
# "副省长", "云南省省长"), not read across a place written after its province ("湖南省长沙市", "吉林省长春市", "浙江省长兴县").
GOVERNOR = r"(?:(?<![\u4e00-\u9fff])|(?<=[副代省]))省长"

TOGETHER = re.compile(r"集中(签约|开工|开竣工|开[（(]竣[）)]工|开复工|投产|竣工|开业)")
EVENT = re.compile(r"(?:今天|今日|昨天|昨日|日前|近日|\d{1,2}日(?![，,]?(?:记者|从|据|获悉|讯|电)))" + _TOLD_AFTER
                   + r"|当天|首日|首批|第[一二三四五六七八九十\d]+批|仪式|现场|大会|举行(?!新闻发布会|发布会)|举办"
                   r"|" + TOGETHER.pattern)

# A planning document ("…城际铁路建设规划获批复"): the works it plans are a programme's, no one work's
# (facts.amounts reads its total so, facts.stages its approval). A work's own plan is not one ("规划总投资",
# "项目规划"). So is a year's list of key projects published ("陕西省近日发布2025年省级重点建设项目计划，共安排项目600个，
# 总投资约1.8万亿元"; not "重点项目计划投资", "计划总投资": a work's planned sum).
# "规划" before what a work's own plan measures ("项目建设规划占地面积25.7亩", "规划用地", "规划总投资") is that plan, no document.
# A document's title in book marks ("属于《…发展规划》和《…工程规划》项目之一"), at most BOOK_TITLE_READ characters inside.
BOOK_TITLE_READ = 60
BOOK_TITLE = re.compile(r"《[^》]{0,%d}》" % BOOK_TITLE_READ)

PLAN_DOCUMENT = re.compile(r"(建设|发展|总体|专项|布局)规划(?!占地|面积|总面积|用地|建筑面积|总?投资|年产)"
                           r"|(?:重点|重大)(?:建设)?项目(?:投资)?计划(?![投总])"
                           # a list's scheme and its items told after it ("《…统筹推进重大项目方案》印发，154个重大项目入列",
                           # "根据《方案》，新开工项目22个，总投资425.39亿元": session 57)
                           r"|(?:重点|重大)(?:建设)?项目(?:实施)?(?:方案|清单)》|根据《[^》]{0,30}?(?:规划|计划|方案|清单)》")

# What makes several projects one batch: the event that reports them (EVENT, a stage reached as
# facts.stages reads it: not "建成后", not "将开工") or the edition of a fair or meeting ("本届数博会", "会上", "此次") or a list put out or
# approved at once ("新一批…项目不久前推出", "…项目获批"; not a year's list "发布…重点项目清单").
# A fair by its name, long or short ("中国国际投资贸易洽谈会", "厦洽会", "西洽会", "数博会"): one pattern for every reader.
FAIR_NAMES = r"博览会|[\u4e00-\u9fff]{1,2}博会|洽谈会|[\u4e00-\u9fff]{1,2}洽会|交易会"
_THIS_EDITION = re.compile(r"本届|本次(?:大会|展会|活动|" + FAIR_NAMES + ")")  # (compared_after: a fair's 累计 so far)
ONE_BATCH = re.compile(r"本届|本次|此次|这批|该批|会上|会期|会议期间|展会|" + FAIR_NAMES + r"|峰会|论坛"
                       r"|推出|获批|批复|核准")


# A comparison keeps a figure (or a verb) an event's batch only beside a fair's or a batch's own words (ONE_BATCH,
# TOGETHER, these): "开幕当天共签订…项目86个，总投资额2638.7亿元，同比增长43.6%", "比上届增长". A meeting or a press
# conference today that compares a quarter's tally ("一季度全市新开工项目120个，…同比增长15%") reports the tally.
_FAIR_DAY = re.compile(r"开幕|闭幕|当天|首日|上届|上一届")


def compared_batch(sentence: str, title: str = "") -> bool:
    """Whether a sentence whose comparison follows its figure (compared_after) reports one event's batch."""
    return bool(ONE_BATCH.search(sentence) or TOGETHER.search(sentence) or TOGETHER.search(title)
                or _FAIR_DAY.search(sentence))


# A nation-wide figure: "全国铁路完成固定资产投资5726亿元", "我国前三季度水利建设落实投资超万亿元",
# "全国农村公路建设总投资超过4555亿元" (within one clause, no 的 between). Not a national first or
# record ("全国首个…项目", "我国目前最大的…"), a national list ("全国重点…项目") nor one work the
# country made ("我国自行设计建造的大桥总投资…"): one project somewhere. WHOLE says "the whole country or
# area, not its first or biggest": here and in facts.places (a country's story, national_scope).
WHOLE = r"(?![^，。；：！？!?,;:\n]{0,12}?(首|第一|最|唯一|单体|领先|重点))(?!性)"
NATIONAL = re.compile(r"(全国|我国)" + WHOLE + r"[^，。；：！？!?,;:\n的]{0,12}?投资")
# The same for a whole province, city, county or township ("全省共投入扶贫资金1.85亿元", "全区工业投资规模
# 扩大至3600亿元", "全乡群众自我投入已达380万元"): the area's figure sums all its works. The national
# planning commission's approvals ("国家发改委共审批核准固定资产投资项目20个") are the nation's. Not for places
# (a story about a county's figure is still that county's).
# (session 49) A headline's bare 投 right before its figure ("泸州投7.4亿建一座长江大桥", "全市投8亿元…"; not "追投", "总投"). A
# search that stops at the figure (amounts reads the words before an amount up to it) sees "$" where the figure starts.
BARE_TOU = r"(?<![总追增加再])投(?=[约近超逾]?(?:$|[\d.一二三四五六七八九十两百千]+(?:多|余)?(?:亿|万)))"
AREA_WIDE = re.compile(r"(全国|我国|国家发改委|国家发展改革委|国家发展和改革委员会|全[省市县区乡镇州盟旗](?![场域面]))" + WHOLE
                       + r"[^，。；：！？!?,;:\n的]{0,12}?(投资|投入|" + BARE_TOU + r")")

# What a work is: the nouns a project's name ends in, 项目 and the works news names by their kind (工程, 电站,
# 水库, 机场, 基地, 产业园, 生产线, 大厦 …). Not when the noun starts a longer word: 工程师, 工程机械, 厂房,
# 基地址. The one definition the extractors share: a name ends in one (facts.project), an amount sizes or
# totals one (facts.amounts), a stage verb's sentence names one (facts.stages); each adds only the looser
# nouns its own question allows (a total after "港", "码头"; a stage in a sentence about a "小区", a "系统").
WORK_HEAD = (r"(?:项目|工程(?!师|机械|车|院|局|公司|兵|学|技术|质量|款|建设)|电站|水库|枢纽|机场|基地|"
             r"(?:产业|工业|科技|软件|示范)园(?!区)|产业城|工厂|厂(?!房|区|长|家|商|址)|生产线|大厦|铁路|高铁|高速公路|公路|大桥|"
             r"灌区|中心(?!城|区|任|地))")

# Purchases signed at a fair ("进口采购今天集中签约，涉及冻牛肉、乳制品…") and the deals of a fair of services,
# imports, exports or consumer goods ("国际服务贸易交易会落幕，签约项目331个，意向签约额突破1000亿美元";
# 京交会, 服贸会, 进博会, 消博会, 广交会): trade, no project's investment or signing, unless the sentence is about
# investment or project cooperation too ("采购销售和项目合作意向签约", "服贸会…招商推介活动上…签约51个重大项目").
# Not any 交易会: a fair of projects or products (海峡项目成果交易会, 文化产业博览交易会, 农产品交易会) signs
# projects, as an investment fair (投资贸易洽谈会) does.
PURCHASE = re.compile(r"采购|订货|购销|服务贸易交易会|京交会|服贸会|广交会|进博会|消博会")
INVESTING = re.compile(r"投资|招商(?!银行|局)|项目合作|合作项目")

SENTENCE_MARKS = "。！？!?\n"
# A clause ends where a sentence does and at a semicolon; commas are read apart (a comma clause).
CLAUSE_MARKS = "。；;！？!?\n"
CLAUSE_BREAK = re.compile("[" + re.escape(CLAUSE_MARKS) + "]")
# A comma clause: a clause's marks and the comma.
COMMA_CLAUSE_MARKS = "，," + CLAUSE_MARKS
# How far a clause or sentence reaches either side of a position (characters): longer is no
# sentence. Without the bound a text without punctuation makes every match's "sentence" the
# whole text, and checking it per match is quadratic (100,000 characters of 签约: 5 s of CPU).
REACH = 300


def normalise(text: str) -> str:
    """Full-width digits and letters as ASCII, printed decimal dots as ``.``, a sum's formal numerals (壹拾伍亿元) as
    ordinary ones.

    Length-preserving (one character for one), so positions found in the result are
    positions in ``text``: callers quote the original as written.
    """
    return _FORMAL_MONEY.sub(_ordinary_digits, _DOT_POINT.sub(".", text.translate(_WIDTH)))


# (session 54) A sum in formal numerals (大写), as tender and contract notices write it ("人民币壹拾伍亿元", "壹亿伍仟万元"):
# its digits as ordinary ones, read as any (only before 元: 陆, 伍, 拾 are words and surnames elsewhere).
_FORMAL_MONEY = re.compile(r"[壹贰叁肆伍陆柒捌玖拾佰仟][壹贰叁肆伍陆柒捌玖拾佰仟零亿万]*(?=元|圆)")
_FORMAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")


def _ordinary_digits(found: re.Match[str]) -> str:
    return found.group().translate(_FORMAL)


@lru_cache(maxsize=16)
def _marks_at(text: str, marks: str) -> list[int]:
    """Where the marks stand in ``text``, in order: found once per text and set of marks, so each
    sentence bound is a bisection (the extractors ask for thousands in a long story; scanning
    for every mark at every verb cost a 100,000-character story of stage verbs ~1 s of CPU)."""
    return [found.start() for found in re.finditer("[" + re.escape(marks) + "]", text)]


def sentence_start(text: str, pos: int, marks: str = SENTENCE_MARKS) -> int:
    """Index where the sentence holding ``pos`` starts (at most REACH characters before it)."""
    low = max(0, pos - REACH)
    at = _marks_at(text, marks)
    i = bisect.bisect_left(at, pos)
    return max(low, at[i - 1] + 1) if i else low


def sentence_end(text: str, pos: int, marks: str = SENTENCE_MARKS) -> int:
    """Index of the mark that ends the sentence holding ``pos`` (else the text's end, at most REACH on)."""
    high = min(len(text), pos + REACH)
    at = _marks_at(text, marks)
    i = bisect.bisect_left(at, pos)
    return at[i] if i < len(at) and at[i] < high else high


# The day of a list item's own event (EVENT's day words without its dates: an item dated "5日" is often the
# lead-in period's).
TODAY = re.compile(r"今天|今日|当天|昨天")
# …as the day of an event, not of a report ("今天记者从徐州获悉，今年上半年…": the day a tally was told).
TODAY_EVENT = re.compile(r"(?:今天|今日|当天|昨天)" + _TOLD_AFTER)


def day_item_start(text: str, low: int, pos: int) -> Optional[int]:
    """Where the semicolon item holding ``pos`` starts (after ``low``, its sentence's start) when the item reports a
    day's event of its own before ``pos`` (TODAY): "今年以来，全市累计开工项目300个；昨天，某区又开工项目20个，总投资
    80亿元" is read apart from its lead-in's tally (facts.amounts, facts.stages). None otherwise."""
    item = max(text.rfind("；", low, pos), text.rfind(";", low, pos))
    if item < 0:
        return None
    return item + 1 if TODAY.search(text, item + 1, pos) else None


def sentence_of(text: str, pos: int, marks: str = SENTENCE_MARKS) -> str:
    """The sentence holding ``pos`` (at most REACH characters either side), ended by ``marks``."""
    return text[sentence_start(text, pos, marks):sentence_end(text, pos, marks)]


class Marks:
    """Where one kind of punctuation stands in a text, found once (``_marks_at``): the clause or sentence
    around each of many positions is then a bisection, not a scan from the start of the text per position
    (that was quadratic: a 100,000-character story of 3,600 amounts took 1.4 s of CPU in facts.amounts).
    Unlike ``sentence_start``, the bounds are not cut at REACH: callers that need the cut make it."""

    def __init__(self, text: str, marks: str) -> None:
        self.at = _marks_at(text, marks)
        self.length = len(text)

    def start_before(self, pos: int) -> int:
        """Just after the last mark before ``pos`` (0 when there is none)."""
        i = bisect.bisect_left(self.at, pos)
        return self.at[i - 1] + 1 if i else 0

    def first_from(self, pos: int) -> int:
        """The first mark at or after ``pos`` (the text's length when there is none)."""
        i = bisect.bisect_left(self.at, pos)
        return self.at[i] if i < len(self.at) else self.length


# A page's metadata line copied above the story ("来源:渭南日报 发布时间:2016-10-24", "2018-01-25", "稿件来源:本报讯", "舞动的月色",
# a byline): no sentence of the story, so no lead. A line that opens with one of these words, or has no comma or full stop.
_METADATA_LINE = re.compile(r"\s*(?:来源|信息来源|稿件来源|发布时间|发布日期|时间|日期|作者|编辑|责任编辑|记者|通讯员|文章字数|阅读|浏览|点击|字号|分享)\s*[:：]")
_SENTENCE_PUNCTUATION = re.compile(r"[，,。；;！!？?]")
# …but a line without punctuation that tells of a work is an untitled page's headline ("某县某化工项目正式投产").
_NEWS_WORDS = re.compile(r"项目|工程|投资|签约|开工|投产|竣工|建成|核准|批复|亿|万元|集中")
_METADATA_LINES_SKIPPED = 3  # at most: a story whose first lines all look so is read from its first line
# (session 55) A government portal's information-disclosure table above the story, one or a few keys to a line
# ("索 引 号  1506129692/xhcz/2024-00073  发布机构  洪雅县洪川镇  公开日期  2024-12-13", "主题分类:项目建设批准实施",
# "文  号   公开方式  主动公开  失效日期"): metadata whatever words its values hold, and not counted against the allowance
# above (such a table runs to four or five lines). Not its title's key (标题, 名称): that line names the document.
_DISCLOSURE_LINE = re.compile(r"\s*[|｜]?\s*(?:索\s*引\s*号|发布机构|发文机关|发文单位|发文字号|文\s*号|公开日期|公开方式|公开范围"
                              r"|失效日期|生效日期|废止日期|公开程序|主\s*题\s*分\s*类|体裁分类|主\s*题\s*词|成文日期|生成日期|发文日期"
                              r"|公文时效|信息分类|所属机构|有\s*效\s*性)")
_BARE_LINE = re.compile(r"[\d\s:：./年月日时分-]+|[^\W\d_]{1,6}")  # (a lone short word: no sentence, no news)
# (Session 59) A keyword bar above the story, five short items or more and no sentence's end (a hot-search bar, a
# mirror's keyword line "黄色…,日韩…,久久…,亚洲…,色…"): no paragraph of the story. Not a headline or a lead typed in
# commas ("喜讯，喜讯，城东大桥，正式通车啦", "5月8日,某大桥,正式通车,…": a date or a stage word in it; review59a).
_KEYWORD_LINE = re.compile(r"(?!.*(?:\d+月\d+日|通车|开业|启用|落成|投用|运营|开通|开园|揭牌))"
                           r"\s*[^\s,，、|｜。！？!?]{1,12}(?:\s*[,，、|｜]\s*[^\s,，、|｜。！？!?]{1,12}){4,}\s*[,，]?\s*")
_BARE_LINES_SKIPPED = 8


def story_paragraphs(body: str) -> list[str]:
    """``body``'s non-empty paragraphs, without the metadata lines a page may put above the story (_METADATA_LINE)."""
    paragraphs = [p for p in body.splitlines() if p.strip()]
    # A page's bare lines above the story (a date "2023-10-18", a view count "114", a site's name "某某新闻") are skipped
    # first, whatever their number up to _BARE_LINES_SKIPPED: they would use up the metadata lines' allowance below.
    bare = next((i for i, p in enumerate(paragraphs[:_BARE_LINES_SKIPPED])
                 if not (_BARE_LINE.fullmatch(p.strip()) or _KEYWORD_LINE.fullmatch(p)) or _NEWS_WORDS.search(p)),  # ("某厂投产": an untitled page's headline)
                _BARE_LINES_SKIPPED if len(paragraphs) > _BARE_LINES_SKIPPED else 0)
    paragraphs = paragraphs[bare:]
    counted = 0  # metadata lines skipped, of _METADATA_LINES_SKIPPED (an information-disclosure table's lines not counted)
    for skip, paragraph in enumerate(paragraphs[:_BARE_LINES_SKIPPED]):
        if _DISCLOSURE_LINE.match(paragraph):
            continue
        if counted == _METADATA_LINES_SKIPPED or not (
                _METADATA_LINE.match(paragraph)
                or not _SENTENCE_PUNCTUATION.search(paragraph) and not _NEWS_WORDS.search(paragraph)):
            return paragraphs[skip:]
        counted += 1
    return paragraphs



# A story set one phrase to a line (a phone layout copied from a WeChat post: "为根治赫章县野马川河水患 / 解决当地缺水问题 /
# … / 8月初 / 赫章县野马川水库工程正式开工建设"): each phrase is a "paragraph" to the readings that count paragraphs (the
# stage's first six, the amount's lead), which then stop a few phrases in. A run of such lines is one paragraph, its
# phrases joined by commas. A phrase line is short, has Chinese words and no sentence's end; chrome lines ("图片",
# "来源:", a date) break a run, and a run shorter than _PHRASE_RUN is a headline and its byline, left as they are.
_PHRASE_LINE = re.compile(r"[^\n。！？!?；;：:|｜]{2,26}")
_PHRASE_CHROME = re.compile(r"图片|来源|发布|字号|字体|分享|浏览|阅读|点击|编辑|作者|记者|通讯员|责编|摄|首页|新闻中心|当前位置|正文|返回"
                            r"|栏目|^\W*$|^[\d\s:：./年月日-]+$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PHRASE_RUN = 4


def joined_phrase_lines(body: str) -> str:
    """``body`` with each run of at least _PHRASE_RUN phrase lines joined into one paragraph (see _PHRASE_LINE)."""
    lines = body.splitlines()  # (the line breaks story_paragraphs splits on)
    if len(lines) < _PHRASE_RUN:
        return body
    out: list[str] = []
    run: list[str] = []  # the phrase lines of a run, with the blank lines between them
    joined: list[int] = []

    def flush() -> None:
        phrases = [line for line in run if line.strip()]
        if len(phrases) >= _PHRASE_RUN:
            out.append("，".join(line.strip().rstrip("，,、") for line in phrases) + "。")
            joined.append(len(phrases))
        else:
            out.extend(run)
        run.clear()

    for line in lines:
        text = line.strip()
        if not text and run:
            run.append(line)  # a blank line between a post's phrases
        elif (text and _PHRASE_LINE.fullmatch(text) and len(_HAN.findall(text)) >= 2
              and not _PHRASE_CHROME.search(text)):
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out) if joined else body  # (untouched, line breaks and all, where no run was joined)


# Several works at once: an amount spread over them is no project's investment (facts.batches), a headline counting them
# tells a batch (facts.places) ("先后投资", "新建小型水利设施393处", "开发扶贫项目178个").
# Not months ("两个月来", "3个月内").
COUNTED_WORKS = (r"(?<![\d.])(?:[2-9]|\d{2,})(?:多|余)?(?:个(?!多?月)|处|座|所|家|项|条|艘|台|套|件)"
                 r"|(?<![一二三四五六七八九十百千])[两二三四五六七八九十百千]+(?:多|余)?(?:个(?!多?月)|处|座|所|家|项|条|艘|台|套|件)")
SEVERAL = re.compile(r"先后|一批|一大批|分别|多个|各类|" + COUNTED_WORKS)
