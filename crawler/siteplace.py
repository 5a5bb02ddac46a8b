"""A site's place read from its list pages' titles, when config.yaml sets none.

A county portal's stories say 我县 and 全县 and name no city: the facts extractor
places them by the site's place (``home``, see ``newsmon.facts.extract_facts``). The
user may set it (the site key ``place``); most never do, and ``newsmon probe``
only suggests it. The portal says it anyway, in every list page's title
("要闻动态_靖边县人民政府", "丰城新闻 – 丰城市政府网"), so the crawl reads it there:

* Only a title part written as a place's own government, department or outlet
  counts (:func:`newsmon.facts.owner_place`): "恒生前海基金" (a firm) and
  "人民网-四川频道" (only a province) name none.
* The first place read is kept for the site (``db/siteplaces.py``), so that
  ``newsmon reextract --facts`` reads the stories as the crawl did. A later list
  page whose title names another place (a regional outlet's 大连新闻 and 沈阳新闻
  columns) leaves the site with no place from then on: it is no one place's.
* The config's ``place`` always wins, and ``learn_place: false`` turns the
  reading off.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, Iterable, Optional

from newsmon.clock import utc_now
from newsmon.db.handle import Handle
from newsmon.db.siteplaces import load_site_place, save_site_place

if TYPE_CHECKING:
    from newsmon.config import SiteConfig

__all__ = ["LearnedPlace", "owner_names", "page_place", "site_home", "title_place"]

log = logging.getLogger(__name__)

# The parts of a page title: the column's, the section's and the site's names ("政务要闻_靖边县人民政府",
# "丰城新闻 – 丰城市政府网", "人民网-大连频道", "首页 | 鄂州新闻网").
_TITLE_PARTS = re.compile(r"[\s_|｜\-–—·•:：>»/\\]+")


# Who runs the site, as the page says: the SiteName meta every government site carries (政府网站发展指引), and the
# footer's 主办/主管 and 版权所有 lines ("主办：丰城市人民政府 承办：丰城市信息中心", "袁州区人民政府版权所有").
_SITE_NAME_META = "//meta[translate(@name, 'SITENAME', 'sitename') = 'sitename']/@content"
_RUN_BY = re.compile(r"(?:主办|主管)(?:单位)?\s*[：:]\s*([\u4e00-\u9fff（）()]{3,40})"
                     r"|版权所有\s*[：:]?\s*(?:©|&copy;|\(c\)|copyright)?\s*([\u4e00-\u9fff]{3,40})"
                     r"|([\u4e00-\u9fff]{3,40})\s*版权所有", re.I)
_FOOTER_CHARS = 4000  # a footer is the page's end: an event's 主办单位 in a list entry's summary is not the site's


def owner_names(doc: Any, text: Optional[str] = None) -> tuple[str, ...]:
    """Who runs the site of the parsed page ``doc`` (``text``: its text, when already read), as the page says: its
    SiteName meta and its footer's last 主办/主管 and 版权所有 names, for :func:`page_place`."""
    names = [" ".join(str(value).split())[:80] for value in doc.xpath(_SITE_NAME_META)[:1]]
    tail = (doc.text_content() if text is None else text)[-_FOOTER_CHARS:]
    found = [next(group for group in match.groups() if group) for match in _RUN_BY.finditer(tail)]
    names.extend(found[-2:])
    return tuple(dict.fromkeys(name for name in names if name))


def title_place(title: str) -> Optional[str]:
    """The one city or county a list page's title names as its owner's ("新闻动态_靖边县人民政府" → 靖边县, "鄂州新闻网"
    → 鄂州市, "北京市朝阳区人民政府" → 北京市朝阳区), written so that the config reads it back as that place; None for a
    title naming none, only a province ("人民网-四川频道"), a firm ("恒生前海基金|信息披露") or two places."""
    return page_place(title)


def page_place(title: str, owners: Iterable[str] = ()) -> Optional[str]:
    """The one city or county a list page names as its owner's, in its title's parts and in ``owners`` (who runs the
    site, :func:`owner_names`), written so that the config reads it back as that place; None when they name none or two
    cities. A county inside the one city named is the place ("瓦房店新闻_大连新闻网": a column on 瓦房店)."""
    from newsmon.facts import Place, owner_place, sole_place

    parts = [part for part in _TITLE_PARTS.split(title[:200]) if part]
    named = [owner_place(part, whole=len(parts) == 1) for part in parts]
    named += [owner_place(name[:80], whole=True) for name in owners]
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


class LearnedPlace:
    """The place one site's list page titles name, loaded once per crawl and kept as titles are read."""

    def __init__(self, db: Handle, site: str) -> None:
        self.db = db
        self.site = site
        self.loaded: Optional[str] = load_site_place(db, site)
        self.place: Optional[str] = self.loaded  # "" once two titles disagreed: no one place's

    @property
    def changed(self) -> bool:
        """Whether this crawl gave the site a place or took it away: its stored stories' facts are re-read."""
        return (self.place or "") != (self.loaded or "")

    def read_page(self, title: str, owners: Iterable[str] = ()) -> None:
        """Learn from one list page's ``title`` and ``owners`` (who runs the site, as the page says)."""
        if self.place == "" or not (title or owners):
            return
        try:
            place = page_place(title, owners)
        except Exception as exc:  # boundary: a title's reading never costs the list page its stories
            log.warning("%s: the list page's title %r was not read for a place (%s: %s)", self.site, title[:80],
                        type(exc).__name__, exc)
            return
        if place is None or place == self.place:
            return
        if self.place is None:
            save_site_place(self.db, self.site, place, title, utc_now())
            log.info("%s: reading its stories as %s's (its list page's title is %r); set `place:` for the site in"
                     " config.yaml to say otherwise", self.site, place, title)
        else:  # a second place: no one place's site (later crawls keep it so)
            save_site_place(self.db, self.site, "", title, utc_now())
            log.info("%s: its list pages' titles name %s and %s: its stories are read without a site place",
                     self.site, self.place, place)
        self.place = "" if self.place is not None else place
