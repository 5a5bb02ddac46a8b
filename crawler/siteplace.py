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
  and re-read, :data:`REREAD_PER_CRAWL` at each crawl's end.
* The config's ``place`` always wins, and ``learn_place: false`` turns the
  reading off.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, Iterable, Optional

from newsmon.clock import utc_now
from newsmon.db.handle import Handle
from newsmon.db.siteplaces import SitePlaceRow, change_site_place, load_site_place

if TYPE_CHECKING:
    from newsmon.config import SiteConfig

__all__ = ["CONFIRMING_CRAWLS", "LearnedPlace", "REREAD_PER_CRAWL", "crawl_verdict", "owner_names", "page_place", "site_home",
           "title_place"]

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
_REGISTRATION_REACH = 200
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
        run_by = match.group(1) is not None
        if run_by and not _REGISTRATION.search(tail, match.end(), match.end() + _REGISTRATION_REACH):
            continue  # a 主办 line with no registration after it: an event's, not the site's
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
    site, :func:`owner_names`), written so that the config reads it back as that place; None when they name none or two
    cities, and on a firm's, a school's or a hospital's page. A county inside the one city named is the place
    ("瓦房店新闻_大连新闻网": a column on 瓦房店)."""
    from newsmon.facts import Place, not_an_owner, owner_place, sole_place

    parts = [part for part in _TITLE_PARTS.split(title[:200]) if part]
    owners = [name[:80] for name in owners]
    if any(not_an_owner(name) for name in parts + owners):
        return None  # a firm's, a school's, a hospital's page ("江南要闻_江南大学新闻网", "主办：某投资控股有限公司")
    named = [owner_place(part, whole=len(parts) == 1) for part in parts]
    named += [owner_place(name, whole=True) for name in owners]
    places = {place for place in named if place is not None}
    if len({place.city for place in places}) != 1:
        return None
    counties = {place for place in places if place.county}
    [place] = counties if len(counties) == 1 else {Place(p.province, p.city, "") for p in places}
    for written in (place.county, place.city + place.county, place.city) if place.county else (place.city,):
        if written and sole_place(written) == place:
            return written
    return None


def site_home(site: "SiteConfig", learned: Optional[str]) -> str:
    """The place ``site``'s stories are read as reporting on: the config's ``place``, else the place its list pages'
    titles named (``learned``) unless ``learn_place`` is off, else ""."""
    return site.place or (learned or "" if site.learn_place else "")


# A site's kept place changes only when this many crawls in a row read the same other one: one odd page (a soft 404
# titled with the city's platform, a site name given to another portal) never flips a site for good.
CONFIRMING_CRAWLS = 2
# Stories re-read at a crawl's end when the site's place changed; the rest wait for the next crawl (their facts are
# marked stale, so a killed crawl loses nothing): about 1.5 s of a crawl's time at most.
REREAD_PER_CRAWL = 300


def crawl_verdict(readings: Iterable[Optional[str]]) -> Optional[str]:
    """The place a crawl's list pages agree on, from each page's reading (None: the page names no place): the one place
    all name, or the city all lie in ("瓦房店新闻" and "大连新闻" of one city outlet: 大连市); "" when a page names none
    or two cities differ (a provincial outlet's 成都 column beside its province's); None when no page was read."""
    from newsmon.facts import Place, sole_place
    from newsmon.facts.places import short_name

    readings = list(readings)
    if not readings:
        return None
    places = [sole_place(reading) if reading else None for reading in readings]
    if any(place is None for place in places) or len({place.city for place in places if place}) != 1:
        return ""
    if len(set(readings)) == 1:
        return readings[0]
    first = places[0]
    assert first is not None
    city = Place(first.province, first.city, "")
    return next((written for written in (first.city, short_name(first.city)) if sole_place(written) == city), "")


class LearnedPlace:
    """The place one site's list pages name: the one kept for it, and what this crawl's pages say."""

    def __init__(self, db: Handle, site: str) -> None:
        self.db = db
        self.site = site
        row = load_site_place(db, site)
        self.kept: Optional[str] = row.place if row is not None else None  # "": its pages name no one place
        self.readings: list[Optional[str]] = []  # one per list page read this crawl
        self.titles: list[str] = []
        self.used: set[str] = set()  # the homes this crawl's stories were read with

    def read_page(self, title: str, owners: Iterable[str] = ()) -> None:
        """Read one list page's ``title`` and ``owners`` (who runs the site, as the page says)."""
        owners = tuple(owners)
        if not (title or owners):
            return  # a feed, a data file: it says nothing of its site
        try:
            place = page_place(title, owners)
        except Exception as exc:  # boundary: a title's reading never costs the list page its stories
            log.warning("%s: the list page's title %r was not read for a place (%s: %s)", self.site, title[:80],
                        type(exc).__name__, exc)
            return
        self.readings.append(place)
        self.titles.append(title)

    def home(self) -> str:
        """The place a story stored now is read with: the kept one, else (the site's first crawl) what the pages read so
        far agree on."""
        home = self.kept if self.kept is not None else crawl_verdict(self.readings) or ""
        self.used.add(home)
        return home

    def settle(self) -> Optional[str]:
        """At the crawl's end, keep what its pages said (:data:`CONFIRMING_CRAWLS`); the site's place ("" for none) when
        its stored stories must be re-read with it (``reread``), else None."""
        verdict = crawl_verdict(self.readings)
        if verdict is None:
            row = load_site_place(self.db, self.site)
            return (row.place or "") if row is not None and row.reread else None
        title = self.titles[-1] if self.titles else ""
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
            return SitePlaceRow(place, title, pending, crawls, reread=bool(row is not None and row.reread) or stale)

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
