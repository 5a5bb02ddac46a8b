"""Which of the story's cities is the project's, weighed by weights learned from labelled real pages (session 25).

:func:`facts.places.find_places` ranks the places a story names by a fixed order of the rules' signs (the headline's
first, then the investment sentence's, a site word's, the most named…). On real pages the labelled city is among the
places found but not first on about one page in forty (an investor's home or a meeting's venue outranks the work's
county: "夏志敏率队到北京开展招商引资考察", "北京公司中标新建安庆至九江铁路…"), and a province's fair held in its
capital names the capital though its works lie across the province. This module weighs each distinct city of the
rules' places but a mere home (only_home): its rank there, how often the headline and the lead name it or its county by
any name the division table knows, whether the headline, the investment sentence or the page's outlet does, whether a
county of it is named, whether it is a municipality or its province's capital, a venue word before it, how many of its
namings are a firm's home; beside a *no city* answer (a fair's words, how many cities, a province's bodies at the
story's head and how often it names the cities' provinces: session 37), in one softmax, and reorders the reported places: the chosen city's places
first, or for no city the places' provinces alone (as find_places reports a province's fair). A story whose places
name no city is left as the rules read it.

Only the reported places change: the amount, stage, industry and project are read from the rules' places as before
(the stage model was fitted on that reading). The rules decide a body shorter than the real pages the weights were
fitted on. Weights: ``data/city_model.json``, fitted by ``bench/train_city_model.py``. Pure and deterministic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from . import weights as W
from .places import Place, provincial_capital, written_names
from .text import GOVERNOR

__all__ = ["MIN_BODY", "WEIGHTS_FILE", "CityCandidate", "candidates", "candidate_features", "choose_places",
           "no_city_features", "only_home", "rules_decide", "weights_problem"]

WEIGHTS_FILE = Path(__file__).with_name("data") / "city_model.json"
MIN_BODY = 120  # as the other models: a brief lies outside the real pages' excerpts the weights were fitted on
# Names are counted in the headline and the body's first characters: the fitted pages are excerpts of 240 to 1,065
# characters (median 550); a crawled story runs on, and its later paragraphs must not make its cities look more named.
_LEAD = 500
_MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}
_VENUE_BEFORE = re.compile(r"(?:在|赴|到|前往|来到|走进)$")
_ORIGIN_BEFORE = re.compile(r"(?:来自|与)$")
_HOME_AFTER = re.compile(r"(?:市|区|县)?(?:一家|的|某[\u4e00-\u9fff]{0,8}?)?(?:企业|公司|集团|客商|商会|籍|老板|考察团|代表团)"
                         # (session 37) a firm's registered place between brackets ("中农信投(上海)能源科技有限公司")
                         r"|[)）][\u4e00-\u9fff]{0,8}?(?:有限|股份|公司|集团)")
_FAIR = re.compile(r"博览会|交易会|洽谈会|大会|推介会|论坛|峰会")
# (session 37) A province's own people and bodies at the story's head: a provincial story ("省委书记…在兰州会见…",
# "省政府和中国一重集团签署…") names its capital as a venue, not as the works' city. Not a city's secretary sitting on
# the province's committee ("省委常委、市委书记"), nor a place written after its province ("湖南省长沙市": GOVERNOR).
_PROVINCE_ACTOR = re.compile(r"省委(?!常委)|省政府|" + GOVERNOR + r"|自治区(?:党委|人民政府|政府|主席|副主席)")


@dataclass(frozen=True)
class CityCandidate:
    """One distinct city of the rules' places, as the model reads it."""

    city: str  # the table's name ("大连市"; a municipality's own name)
    rank: int  # the first of its places in the rules' order
    in_title: bool  # the headline names it or its county
    mentions: int  # how often the headline and the lead name it or its county
    in_focus: bool  # the investment's sentence names it or its county
    county: bool  # the rules' place names a county of it
    municipality: bool
    venue_word: bool  # its first naming in the lead follows a word of going or meeting somewhere ("赴", "在")
    origin_word: bool  # …of coming from ("来自", "与")
    position: float  # where in the lead it is first named (0 the start, 1 the end or not named)
    outlet: bool  # the story's outlet or 来源 line names it or its county ("宁德网消息", "来源：滕州日报")
    home: float  # the share of its namings that are a firm's or a visitor's home ("深圳企业", "杭州某茶业集团", "上海客商")
    full: bool = False  # the lead writes it or its county in full, with its suffix ("汉寿县"), not only a short name
    # (session 37)
    province: str = ""  # its province's full name ("" for a municipality)
    capital: bool = False  # its province's capital (a provincial story's venue)


def _city_of(place: Place) -> str:
    return place.city or (place.province if place.province in _MUNICIPALITIES else "")


@lru_cache(maxsize=4096)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a city's names, longest first: "大连市" counts once, not also as "大连"."""
    return re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))


def candidates(title: str, body: str, focus: str, places: tuple[Place, ...], outlet: str = "") -> list[CityCandidate]:
    """Each distinct city of ``places`` in their order (title and body simplified, as extract_facts has them);
    ``outlet``: the place the page's 来源 line or its outlet's name names (facts._outlet), or "". A city's names are
    the division table's for it and for each of its counties the places name (places.written_names: "恩施" for
    恩施土家族苗族自治州, a zone's name for its city)."""
    lead = title + "\n" + body[:_LEAD]
    order: dict[str, int] = {}
    counties: dict[str, set[str]] = {}
    provinces: dict[str, str] = {}
    for rank, place in enumerate(places):
        city = _city_of(place)
        if city:
            order.setdefault(city, rank)
            provinces.setdefault(city, place.province if place.province not in _MUNICIPALITIES else "")
            counties.setdefault(city, set()).update([place.county] if place.county else [])
    found: list[CityCandidate] = []
    for city, rank in order.items():
        names = tuple(sorted({name for division in (city, *counties[city]) for name in written_names(division)
                              if len(name) >= 2}))
        named = list(_names_pattern(names).finditer(lead)) if names else []
        at = named[0].start() if named else -1
        as_home = sum(1 for m in named if _HOME_AFTER.match(lead, m.end()))
        found.append(CityCandidate(
            city=city, rank=rank, in_title=any(name in title for name in names), mentions=len(named),
            in_focus=bool(focus) and any(name in focus for name in names), county=bool(counties[city]),
            municipality=city in _MUNICIPALITIES,
            venue_word=at >= 0 and bool(_VENUE_BEFORE.search(lead, max(0, at - 3), at)),
            origin_word=at >= 0 and bool(_ORIGIN_BEFORE.search(lead, max(0, at - 3), at)),
            position=at / len(lead) if at >= 0 else 1.0,
            outlet=bool(outlet) and any(name in outlet or outlet in name for name in names),
            home=as_home / len(named) if named else 0.0,
            full=any(division in lead for division in (city, *counties[city]) if len(division) > 2),
            province=provinces[city], capital=city not in _MUNICIPALITIES and provincial_capital(city)))
    return found


def only_home(candidate: CityCandidate) -> bool:
    """Whether the lead names the city only as a firm's or a visitor's home ("中农信投(上海)能源科技有限公司来我区洽谈")
    and neither the headline nor the investment's sentence names it (a local firm's project, "某某(兰州)新材料有限公司
    10万吨项目开工", is the city's): by the labels no project's city (none of the 9 such cities of 1,111 labelled pages
    is the label), too rare for the weights to learn (session 37), so such a city is not weighed at all."""
    return candidate.mentions > 0 and candidate.home == 1.0 and not (candidate.in_title or candidate.in_focus)


def candidate_features(candidate: CityCandidate, found: list[CityCandidate]) -> dict[str, float]:
    """The features of one city (named, so the weights file reads as a table)."""
    features = {f"rank={min(candidate.rank, 3)}": 1.0, "mentions": math.log1p(candidate.mentions),
                "pos": candidate.position, "home": candidate.home}
    for flag, name in ((candidate is found[0], "first"), (candidate.in_title, "in_title"),
                       (candidate.in_focus, "in_focus"), (candidate.county, "has_county"),
                       (candidate.municipality, "muni"), (candidate.venue_word, "venue_word"),
                       (candidate.origin_word, "origin_word"), (candidate.mentions == 0, "not_in_lead"),
                       (candidate is found[0] and len(found) > 1, "first&several"), (candidate.outlet, "outlet"),
                       (candidate.full, "full"), (candidate.capital, "capital")):
        if flag:
            features[name] = 1.0
    return features


def no_city_features(title: str, body: str, found: list[CityCandidate]) -> dict[str, float]:
    """The features of the no-city answer."""
    features = {"NULL": 1.0, f"null&n={min(len(found), 3)}": 1.0}
    if _FAIR.search(title + "\n" + body[:100]):
        features["null&fair"] = 1.0
    lead = title + "\n" + body[:_LEAD]
    if _PROVINCE_ACTOR.search(lead):
        features["null&prov_actor"] = 1.0
    provinces = {c.province for c in found if c.province}
    if provinces:
        # How often the lead names the cities' provinces: a province-wide story names its province more than a city's
        # story does ("甘肃省今年将重点推进…287个省列重大项目"; a province's own dateline counts, "新甘肃客户端兰州…讯").
        # (A name right before 市 or 州 is a city's: "吉林市", "海南州" of Qinghai.)
        named = sum(1 for p in provinces if written_names(p) for m in _names_pattern(written_names(p)).finditer(lead)
                    if not lead.startswith(("市", "州"), m.end()))
        features["null&prov_named"] = math.log1p(named)
    return features


def weights_problem(doc: Any) -> Optional[str]:
    """What makes a weights document unusable (one sentence), or None."""
    return W.weights_problem(doc, ("NULL", "mentions"))


@lru_cache(maxsize=1)
def _weights() -> Optional[dict[str, float]]:
    """The weights, or None (logged once) when the file is missing or unusable: the rules' order then stands."""
    doc = W.load_weights(WEIGHTS_FILE, weights_problem, "city model", "places come in the rules' order")
    return None if doc is None else doc["weights"]


def rules_decide(body: str, found: list[CityCandidate]) -> bool:
    """Whether the rules' order stands without the weights: a short body, or no city to weigh."""
    return len(body.strip()) < MIN_BODY or not found


def choose_places(title: str, body: str, focus: str, places: tuple[Place, ...], outlet: str = "") -> tuple[Place, ...]:
    """``places`` with the best-scored city's first, or their provinces alone when no city scores above the no-city
    answer (ties: the rules' order); a city named only as a home is not weighed (only_home). The rules' order where they
    decide or the weights are unusable."""
    found = candidates(title, body, focus, places, outlet)
    weights = None if rules_decide(body, found) else _weights()
    if weights is None:
        return places
    best: Optional[str] = None
    best_score = W.score(no_city_features(title, body, found), weights)
    for candidate in found:
        if only_home(candidate):
            continue
        score = W.score(candidate_features(candidate, found), weights)
        if score > best_score:
            best, best_score = candidate.city, score
    if best is None:
        # (A municipality is a city: no province of its own to keep; nor is a home's province the story's.)
        homes = {c.city for c in found if only_home(c)}
        provinces = dict.fromkeys(p.province for p in places if p.province and p.province not in _MUNICIPALITIES
                                  and not (_city_of(p) and _city_of(p) in homes))
        return tuple(Place(province, "", "") for province in provinces)
    # The chosen city's places first, even before a place the rules ranked first that names no city (a province, 台湾省):
    # the first place is the story's city wherever one is reported (the store's city column).
    return tuple(p for p in places if _city_of(p) == best) + tuple(p for p in places if _city_of(p) != best)
