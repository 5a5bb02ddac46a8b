"""A site's place read from its list pages, when config.yaml sets none.

A county portal's stories say 我县 and 全县 and name no city: the facts extractor
places them by the site's place (``home``, see ``newsmon.facts.extract_facts``). The
user may set it (the site key ``place``); most never do, and ``newsmon probe``
only suggests it. The portal says it anyway on every list page: in its title
("要闻动态_靖边县人民政府"), its SiteName meta, its footer ("主办：樟树市人民政府").

* A page names a place only as its owner's: a title part written as a place's
  own government, department or outlet (:func:`newsmon.facts.owner_place`), or
  who runs the site (:func:`owner_names`). A firm's, a school's or a hospital's
  name anywhere on it makes the page no place's.
* A crawl's verdict (:func:`crawl_verdict`): the place all its list pages name
  (or the one city they all lie in); none when a page names no place or another
  city. A site whose columns are a province's and a city's is no one place's.
* The site keeps its place (``db/siteplaces.py``) so that ``newsmon reextract
  --facts`` reads the stories as the crawl did; another verdict replaces it only
  after :data:`CONFIRMING_CRAWLS` crawls in a row agree (one odd page never flips
  a site for good). When it changes, the site's stored stories are marked stale
  and re-read, the newest first, for :data:`REREAD_SECONDS` at each crawl's end.
* The config's ``place`` always wins, and ``learn_place: false`` turns the
  reading off.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, Iterable, Optional

from newsmon.clock import utc_now
from newsmon.db.handle import Handle
from newsmon.db.siteplaces import (SitePlaceRow, change_site_place, load_list_page_readings, load_site_place,
                                   save_list_page_readings)

if TYPE_CHECKING:
    from newsmon.config import SiteConfig

__all__ = ["CONFIRMING_CRAWLS", "LearnedPlace", "REREAD_SECONDS", "crawl_verdict", "owner_names", "page_place",
           "page_reading", "site_home", "title_place"]

log = logging.getLogger(__name__)

# The parts of a page title: the column's, the section's and the site's names ("政务要闻_靖边县人民政府",
# "丰城新闻 – 丰城市政府网", "人民网-大连频道", "首页 | 鄂州新闻网").
_TITLE_PARTS = re.compile(r"[\s_|｜丨\-－–—·•:：>»/\\]+")


# Who runs the site, as the page says: the SiteName meta every government site carries (政府网站发展指引), and the
# footer's 主办/主管 and 版权所有 lines ("主办：丰城市人民政府 承办：丰城市信息中心", "袁州区人民政府版权所有").
_SITE_NAME_META = "//meta[translate(@name, 'SITENAME', 'sitename') = 'sitename']/@content"
_RUN_BY = re.compile(r"(?:主办|主管)(?:单位)?\s*[：:]\s*([\u4e00-\u9fff（）()]{3,40})"
                     r"|版权所有\s*[：:]?\s*(?:©|&copy;|\(c\)|copyright)?\s*([\u4e00-\u9fff]{3,40})"
                     r"|([\u4e00-\u9fff]{3,40})\s*版权所有", re.I)
_FOOTER_CHARS = 4000  # a footer is the page's end: an event's 主办单位 in a list entry's summary is not the site's
# A site's 主办 line sits among its registration (ICP, 网站标识码, 版权, 技术支持); an event's 主办 and 承办 do not.
_REGISTRATION = re.compile(r"ICP|备案|网站标识码|标识码|版权|Copyright|©|技术支持|网站地图|网站管理", re.I)
_REGISTRATION_REACH = 80
# The one-character province names an ICP registration opens with (浙ICP备…).
_PROVINCE_LETTERS = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
_MADE_BY = re.compile(r"技术支持|设计|制作|承办|维护")
# Where a footer's name ends when no space parts it from the next field ("靖边县人民政府办公室承办：…").
_NAME_END = re.compile(r"(?:承办|协办|主办|主管|技术支持|联系|地址|电话|网站|备案|版权|邮编).*$")


def owner_names(doc: Any, text: Optional[str] = None) -> tuple[str, ...]:
    """Who runs the site of the parsed page ``doc`` (``text``: its text, when already read), as the page says: its
    SiteName meta and its footer's last 主办/主管 and 版权所有 names, for :func:`page_place`."""
    names = [" ".join(str(value).split())[:80] for value in doc.xpath(_SITE_NAME_META)[:1]]
    tail = (doc.text_content() if text is None else text)[-_FOOTER_CHARS:]
    found = []
    for match in _RUN_BY.finditer(tail):
        name = _NAME_END.sub("", next(group for group in match.groups() if group))
        after = tail[match.end():match.end() + 3].upper()
        if after.startswith("ICP") and name[-1:] in _PROVINCE_LETTERS:
            name = name[:-1]  # markup run together: 浙 of 浙ICP备… is the registration's, not the owner's
        if match.group(1) is not None and not _REGISTRATION.search(tail, match.end(), match.end() + _REGISTRATION_REACH):
            continue  # a 主办 line with no registration after it: an event's, not the site's
        if match.group(3) is not None and _MADE_BY.search(tail, max(0, match.start() - 8), match.start()):
            continue  # "技术支持：某科技有限公司 版权所有": the maker's name, not the owner's
        found.append(name)
    names.extend(found[-2:])
    return tuple(dict.fromkeys(name for name in names if len(name) >= 3))


def title_place(title: str) -> Optional[str]:
    """The one city or county a list page's title names as its owner's ("新闻动态_靖边县人民政府" → 靖边县, "鄂州新闻网"
    → 鄂州市, "北京市朝阳区人民政府" → 北京市朝阳区), written so that the config reads it back as that place; None for a
    title naming none, only a province ("人民网-四川频道"), a firm ("恒生前海基金|信息披露") or two places."""
    return page_place(title)


def page_place(title: str, owners: Iterable[str] = ()) -> Optional[str]:
    """The one city or county a list page names as its owner's, in its title's parts and in ``owners`` (who runs the
    site, :func:`owner_names`), written so that the config reads it back as that place; None otherwise (see
    :func:`page_reading`)."""
    return page_reading(title, owners) or None


# A title part naming an owner, though no city's or county's: an outlet ("网易新闻中心", "东北新闻网", "四川在线",
# "澎湃新闻", "新京报"), a government body ("国家统计局", "四川省人民政府"). A column's name names none ("要闻动态",
# "无标题文档", "视频频道", "本地新闻", "政务服务网": a generic word before the outlet's word).
_AN_OWNER = re.compile(r"[\u4e00-\u9fff]{2,12}(?:网|新闻网|新闻中心|新闻|在线|日报|晚报|都市报|报|电视台|融媒体中心|人民政府"
                       r"|政府|委员会|局|厅)")
_COLUMN_WORDS = re.compile(r"(?:新闻|视频|图片|专题|要闻|本地|国内|国际|综合|时政|社会|财经|经济|科技|教育|文化|体育|娱乐|旅游|健康"
                           r"|生活|民生|政务服务|政务|服务|信息|资讯|党建|文明|公共|便民|互动|招商|投资|县域|乡镇|部门|基层|热点"
                           r"|滚动|最新|头条|今日|每日|精彩|专栏|评论|图说|网络|手机|数字|电子)+"
                           r"(?:网|新闻网|新闻中心|新闻|在线|日报|报|频道|中心)?")


def page_reading(title: str, owners: Iterable[str] = ()) -> Optional[str]:
    """What a list page says of its owner's place: the one city or county its title's parts and ``owners`` name, written
    so that the config reads it back as that place ("瓦房店新闻_大连新闻网": 瓦房店市, a county inside the one city
    named); "" when it names an owner that is no one city's or county's (a province's outlet "四川新闻_四川在线", a
    national one "国内新闻_网易新闻中心", a firm's or a school's page, two cities); None when it names no owner at all
    ("无标题文档", "要闻动态")."""
    from newsmon.facts import Place, named_place, not_an_owner, owner_place, sole_place

    parts = [part for part in _TITLE_PARTS.split(title[:200]) if part]
    owners = [name[:80] for name in owners]
    if any(not_an_owner(name) for name in parts + owners):
        return ""  # a firm's, a school's, a hospital's page ("江南要闻_江南大学新闻网", "主办：某投资控股有限公司")
    read = [(part, owner_place(part, whole=len(parts) == 1)) for part in parts]
    read += [(name, owner_place(name, whole=True)) for name in owners]
    others = [name for name, place in read if place is None and not _COLUMN_WORDS.fullmatch(name) and (
        _AN_OWNER.fullmatch(name) or ((named := named_place(name)) is not None and not named.city))]
    places = {place for _, place in read if place is not None}
    if others:  # a wider outlet's column: a city's ("大连频道_人民网"), a county's written in full, or the site's own name
        # ("靖边新闻网"); not a county's short name that is also a trade's word ("温泉资讯_中国温泉旅游网")
        places = {place for name, place in read if place is not None
                  and (not place.county or place.county in name or _AN_OWNER.fullmatch(name))}
    if len({place.city for place in places}) > 1:
        return ""
    if not places:
        return "" if others else None  # (an owner the page names that reads as nothing, "县大数据中心", says nothing)
    counties = {place for place in places if place.county}
    [place] = counties if len(counties) == 1 else {Place(p.province, p.city, "") for p in places}
    for written in (place.county, place.city + place.county, place.city) if place.county else (place.city,):
        if written and sole_place(written) == place:
            return written
    return ""


def site_home(site: "SiteConfig", learned: Optional[str]) -> str:
    """The place ``site``'s stories are read as reporting on: the config's ``place``, else the place its list pages'
    titles named (``learned``) unless ``learn_place`` is off, else ""."""
    return site.place or (learned or "" if site.learn_place else "")


# A site's kept place changes only when this many crawls in a row read the same other one: one odd page (a soft 404
# titled with the city's platform, a site name given to another portal) never flips a site for good.
CONFIRMING_CRAWLS = 2
# How long a crawl's end re-reads the site's stories after its place changed (the newest first); the rest wait for the
# next crawls (their facts are marked stale, so a killed crawl loses nothing). A time, not a count: a long story costs
# more than a short one, and the worker's other crawls wait meanwhile.
REREAD_SECONDS = 3.0


def crawl_verdict(readings: Iterable[Optional[str]]) -> Optional[str]:
    """The place a site's first list pages agree on, from what each says (:func:`page_reading`; a page naming no owner
    counts for nothing): the one place all name, or the city all lie in ("瓦房店新闻" and "大连新闻" of one city outlet:
    大连市); "" when one names an owner that is no one city's or county's, or two cities differ (a provincial outlet's
    province column beside its 成都 column); None when no page names an owner."""
    from newsmon.facts import Place, sole_place
    from newsmon.facts.places import short_name

    said = [reading for reading in readings if reading is not None]
    if not said:
        return None
    places = [sole_place(reading) if reading else None for reading in said]
    if any(place is None for place in places) or len({place.city for place in places if place}) != 1:
        return ""
    if len(set(said)) == 1:
        return said[0]
    first = places[0]
    assert first is not None
    city = Place(first.province, first.city, "")
    return next((written for written in (first.city, short_name(first.city)) if sole_place(written) == city), "")


class LearnedPlace:
    """The place one site's list pages name: the one kept for it, and what this crawl's first list pages say."""

    def __init__(self, db: Handle, site: str) -> None:
        self.db = db
        self.site = site
        self.row = load_site_place(db, site)  # as the crawl began
        self.kept: Optional[str] = self.row.place if self.row is not None else None  # "": its pages name no one place
        self.readings: dict[str, tuple[Optional[str], str]] = {}  # first list pages read this crawl: (reading, title)
        self.pages: set[str] = set()  # every first list page this crawl asked for, read or unchanged (304)
        self.used: set[str] = set()  # the homes this crawl's stories were read with
        self.silent: set[str] = set()  # first list pages read this crawl that said nothing (a feed, no title)
        self._never_read: dict[str, bool] = {}

    def read_page(self, url: str, title: str, owners: Iterable[str] = ()) -> None:
        """Read the first list page ``url`` (a start URL, as requested): its ``title`` and ``owners`` (who runs the site,
        as the page says)."""
        owners = tuple(owners)
        self.pages.add(url)
        if not (title or owners):
            self.silent.add(url)
            return  # a feed, a data file: it says nothing of its site (what it said before, if anything, stands)
        try:
            reading = page_reading(title, owners)
        except Exception as exc:  # boundary: a title's reading never costs the list page its stories
            log.warning("%s: the list page's title %r was not read for a place (%s: %s)", self.site, title[:80],
                        type(exc).__name__, exc)
            return
        self.readings[url] = (reading, title)

    def never_read(self, url: str) -> bool:
        """Whether nothing is kept of what the first list page ``url`` says: it is then asked for in full, not answered
        304 Not Modified (a site crawled before its pages were read for a place, or with ``learn_place: false``, would
        otherwise learn only when a page changes)."""
        if url not in self._never_read:
            self._never_read[url] = not load_list_page_readings(self.db, self.site, [url])
        return self._never_read[url]

    def unchanged(self, url: str) -> None:
        """The first list page ``url`` answered 304 Not Modified (or listed nothing): what it said last time stands."""
        self.pages.add(url)

    def home(self) -> str:
        """The place a story stored now is read with: the kept one, else (the site's first crawl) what the pages read so
        far agree on."""
        home = self.kept if self.kept is not None else crawl_verdict(r for r, _ in self.readings.values()) or ""
        self.used.add(home)
        return home

    def settle(self) -> Optional[str]:
        """At the crawl's end, keep what its first list pages said (each as last read: a page answering 304 says what it
        said before), the site's place changing only as :data:`CONFIRMING_CRAWLS` says; the site's place ("" for none)
        when its stored stories must be re-read with it (``reread``), else None."""
        # A page that said nothing is kept as read (its validators are sent again), never over what it said before.
        silent = {url: (None, "") for url in self.silent - set(self.readings) if self.never_read(url)}
        save_list_page_readings(self.db, self.site, {**silent, **self.readings}, utc_now())
        said = load_list_page_readings(self.db, self.site, sorted(self.pages))
        verdict = crawl_verdict(reading for reading, _ in said.values())
        row = self.row
        if verdict is None or (row is not None and verdict == row.place and row.pending is None
                               and self.used <= {verdict}):
            # Nothing to change (the usual crawl: no write); a re-read begun before goes on.
            return (row.place or "") if row is not None and row.reread else None
        title = next((title for reading, title in said.values() if reading is not None), "")
        used = set(self.used)

        def change(row: Optional[SitePlaceRow]) -> SitePlaceRow:
            old = row.place if row is not None else None
            pending, crawls = None, 0
            if row is None or old is None or verdict == old:
                place = verdict
            else:  # another reading: kept pending until CONFIRMING_CRAWLS crawls in a row gave it
                crawls = row.pending_crawls + 1 if row.pending == verdict else 1
                place, pending = (verdict, None) if crawls >= CONFIRMING_CRAWLS else (old, verdict)
                crawls = 0 if pending is None else crawls
            # Stories stored before were read with the old place (none before the first verdict), this crawl's with
            # the homes it gave them.
            stale = place != (old or "") or any(home != place for home in used)
            # …and stories read with another place before (a config's `place:` since removed).
            stale = stale or (row is not None and row.read_with not in (None, place))
            return SitePlaceRow(place, title, pending, crawls, reread=bool(row is not None and row.reread) or stale,
                                read_with=place)

        before, after = change_site_place(self.db, self.site, change, utc_now())
        old = before.place if before is not None else None
        if after.place != old:
            if after.place:
                log.info("%s: reading its stories as %s's (its list pages: %r); set `place:` for the site in config.yaml"
                         " to say otherwise", self.site, after.place, title)
            else:
                log.info("%s: its list pages name no one place (%r): its stories are read without a site place",
                         self.site, title)
        self.kept = after.place
        return (after.place or "") if after.reread else None
