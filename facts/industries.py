"""Industry tags from a documented taxonomy (docs/facts.md lists the tags and their words).

A tag applies when one of its words occurs in the headline, in the sentence that states the
investment, or in the list of fields a batch of projects covers (``涵盖新能源、新材料等领域``), or
at least twice in the body: a story about a hydrogen plant says 氢 more than once, a passing
mention does not make it one. Words are matched with one Aho-Corasick pass over the text.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import re

import ahocorasick

from .text import sentence_end, sentence_start

__all__ = ["INDUSTRIES", "find_industries"]

#: tag -> words that state it. Order is the order tags are reported in.
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "氢能": ("氢能", "制氢", "储氢", "加氢站", "氢燃料", "绿氢", "燃料电池"),
    "新能源": ("新能源", "光伏", "风电", "风力发电", "储能", "锂电", "动力电池", "新能源汽车", "核电", "抽水蓄能",
            "太阳能", "充电桩", "电池", "清洁能源", "绿色能源", "可再生能源", "水电站", "特高压"),
    "新材料": ("新材料", "碳纤维", "石墨烯", "稀土", "高纯", "特种气体", "电子特气", "稀有气体", "氪氙", "特种钢",
            "复合材料", "高性能材料", "先进材料", "液晶材料"),
    "石化": ("石化", "石油化工", "炼化", "化工", "乙烯", "芳烃", "炼油", "精细化工", "PX", "纯碱", "氯碱", "碱厂"),
    "装备制造": ("装备制造", "高端装备", "数控机床", "机器人", "船舶", "海工装备", "航空", "轨道交通", "工程机械",
             "汽车零部件", "整车", "发动机", "先进制造", "航空航天", "汽车配套", "汽车产业", "智能驾驶"),
    "电子信息": ("集成电路", "芯片", "半导体", "晶圆", "电子信息", "显示面板", "软件", "数据中心", "大数据", "人工智能",
             "算力", "5G", "物联网", "微电子", "计算机", "微机", "信息技术", "数字经济", "互联网", "软件园"),
    "生物医药": ("生物医药", "医药", "制药", "医疗器械", "疫苗", "生物制品", "创新药", "原料药", "中药", "药品", "生命健康",
             "医疗设备", "磁共振"),
    "现代农业": ("现代农业", "农业", "种植", "养殖", "畜牧", "农产品", "粮食", "食品加工", "海参", "水产", "蔬菜", "无土栽培", "高标准农田"),
    "食品": ("食品", "饮料", "乳制品", "肉制品", "酿酒", "咖啡", "预制菜"),
    "物流": ("物流", "仓储", "冷链", "港口", "码头", "集装箱", "供应链", "快递"),
    "文旅": ("文旅", "旅游", "景区", "酒店", "度假", "文化产业", "康养"),
    "冶金": ("钢铁", "冶金", "有色金属", "铝业", "镁", "铜业", "不锈钢"),
    "建筑地产": ("房地产", "住宅", "商业综合体", "城市更新", "棚户区", "基础设施", "写字楼", "商业设施", "机场",
             "高速公路", "交通设施", "市政设施", "居民住房", "新机场", "铁路", "公路", "隧道", "桥梁", "大桥", "高铁",
             "保障房", "保障性住房", "安居工程"),
    "环保": ("环保", "污水处理", "固废", "垃圾焚烧", "节能", "循环经济", "碳中和", "污染治理", "污染防治", "生态环境",
           "生活污水", "造林", "脱硫", "脱硝", "除尘", "减排", "治污", "水污染", "流域治理", "生态修复", "垃圾处理"),
}


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    words: dict[str, list[str]] = {}
    for tag, tag_words in INDUSTRIES.items():
        for word in tag_words:
            words.setdefault(word, []).append(tag)
    for word, tags in words.items():
        automaton.add_word(word, (word, tuple(tags)))
    automaton.make_automaton()
    return automaton


# A word read inside a longer one that means something else: "产业化工程" is no 化工.
_BROKEN_BY_NEXT = {"化工": "程"}


def _counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for end, (word, tags) in _automaton().iter(text):
        if text[end + 1:end + 2] and text[end + 1:end + 2] in _BROKEN_BY_NEXT.get(word, ""):
            continue
        counts.update(tags)
    return counts


# The fields a batch of projects covers, listed once each: "涵盖了数字经济、生命健康、新能源、新材料等
#重点产业", "涉及交通设施建设、城市更新、绿色能源等方面". Each listed field names the batch's industry.
_FIELD_LIST = re.compile(r"(涵盖|涉及|包括|聚焦|围绕|覆盖)了?([^。；！？\n]{2,80}?)等?(多个|重点|关键|战略性新兴)?"
                         r"(产业|领域|行业|方面|业态)")


# A list of fields names a batch of projects' industries only in a sentence about projects or their
# investment; "新设外资企业…涉及跨境贸易、冷链物流等领域" lists the fields of new firms.
_BATCH = re.compile(r"项目|签约|投资|开工|开复工|投产")


def find_industries(title: str, body: str, focus: str = "") -> list[str]:
    """Industry tags of the story, in taxonomy order.

    Text without a headline (a paragraph, a page whose title was not found) has its lead
    sentence stand in for it: that sentence names the project as a headline would. So do
    ``focus`` (the sentence that states the investment) and a list of the fields a batch covers.
    """
    if not title.strip():
        lead = body.lstrip()
        end = sentence_end(lead, 0)
        title, body = lead[:end], lead[end:]
    lists = [m.group(2) for m in _FIELD_LIST.finditer(body)
             if _BATCH.search(body, sentence_start(body, m.start()), m.start())]
    named = "\n".join([title, focus, *lists])
    in_title = _counts(named)
    in_body = _counts(body)
    return [tag for tag in INDUSTRIES if in_title[tag] or in_body[tag] >= 2]
