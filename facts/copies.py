"""A syndicated story's city from its other copies' sites (session 69).

The same story runs on many portals: a province's portal carries a county's news as the county wrote it ("我县…"),
naming no city, and only the county's own portal knows where "我县" is (its site's place, the ``home`` of
:func:`facts.extract_facts`). The story is stored once, from its primary copy; the other copies only add source rows
(``db.store_base.store_copy``). Without this module a story first seen on the province's portal keeps no city though
its next copy, on the county's portal, tells it, and a rule on that city never hears of it.

One rule, wherever a story's facts meet another copy's site (:func:`told_places`): **a copy's site tells the story's
place, never what the story reports**, and only for a story that speaks as a local ("我县", "全县", "本市": the voice a
site's place exists to resolve) and names no city of its own. Its places are the story's text read with that site's
place (no 来源 line: a copy's is not stored, so a re-read could not read it again); they replace the stored places only
when they name a city within the stored reading's province (when it names one). The amount, stage, project and
industry stay the primary copy's. A province's own story ("全省…", a project abroad) speaks as no county: a county
portal reprinting it does not place it (the code review of session 69). The first copy seen that tells a city wins.

Used by:

* the store, through :class:`CopyPlace` (``add_article(fill=…)``): when a copy arrives, or becomes the primary
  (published earlier: the former primary's city stays when the new reading names none);
* ``newsmon reextract --facts`` and the crawl's re-read (:func:`read_with_copies`): the primary copy read with its
  site's place, then, when that names no city, with each other copy's site's place in the order they were seen.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Iterable, Optional

from . import facts_record
from .script import to_simplified

__all__ = ["HOMES_READ", "CopyPlace", "names_city", "read_with_copies", "speaks_locally", "told_places"]

# The other copies' places a story is read with, at most (each is one more reading of the story, ~8 ms): a story
# carried by dozens of portals must not cost a re-read dozens of readings. The first copies seen come first; a county's
# own portal usually carries its story early.
HOMES_READ = 8

log = logging.getLogger(__name__)

# A local voice: the county, city, district or banner the story is told from, left unnamed ("我县", "全县", "本市").
# Not 全区 (a province-level region's word too: 广西全区) nor 全省/我省 (a province's story); not a word ending in 本
# before a 市场 or a 市情 ("资本市场", "日本市场", "基本市情": the second code review), nor 全市场 (the whole market).
_LOCAL_VOICE = re.compile(r"我(?:县|市(?!场)|区|旗|镇|乡)"
                          r"|(?<![资日基成样根版原剧文书标账课蓝股脚副读范])本(?:县|市(?!场|值|情)|区|旗|镇|乡)"
                          r"|全(?:县|市|旗)(?!场)")
_VOICE_READ = 800  # the headline and the story's first characters: where a story says whose it is
# The characters of the story read with a copy's site's place. The reading runs inside the store's write transaction,
# and a hostile page of 100,000 characters costs the extractor up to a second: the place needs no more than the lead,
# since a story read here names no city anywhere (told_places' condition), and the stories the city is told of are
# news items whose lead tells whose they are.
_PLACE_READ = 2000


def names_city(facts: Optional[dict[str, Any]]) -> bool:
    """True when a facts record's places name a city (a province alone, or none, does not)."""
    return facts is not None and any(isinstance(place, dict) and place.get("city") for place in facts.get("places") or ())


def speaks_locally(title: str, body: str) -> bool:
    """True when the story speaks as its county's or city's own ("我县…", "全市…"), leaving the place unnamed (in
    traditional characters too: "我縣", read as the extractor reads them)."""
    title, lead = to_simplified(title, body[:_VOICE_READ])
    return _LOCAL_VOICE.search(f"{title}\n{lead}") is not None


def _provinces(facts: dict[str, Any]) -> set[str]:
    return {place.get("province") or "" for place in facts.get("places") or () if isinstance(place, dict)} - {""}


def told_places(stored: dict[str, Any], title: str, body: str, home: str) -> Optional[list[Any]]:
    """The places another copy's site (``home``) tells of a story whose stored facts name no city, or None: the
    story's text read with ``home`` when the story speaks locally, names no city of its own, and the reading names a
    city within the stored reading's province (when it names one)."""
    if not home or names_city(stored) or not speaks_locally(title, body):
        return None
    reading = facts_record(title, body[:_PLACE_READ], "", home)
    if not names_city(reading):
        return None
    told = next(place for place in reading["places"] if isinstance(place, dict) and place.get("city"))
    provinces = _provinces(stored)
    if provinces and told.get("province") not in provinces:
        return None  # a copy placing a province's story in another province's city is a reprint, not its site
    return list(reading["places"])


def read_with_copies(title: str, body: str, source: str, home: str, copy_homes: Iterable[str]) -> dict[str, Any]:
    """The facts record of a stored story: its primary copy read with its site's place (``home``), its places then
    told (:func:`told_places`) by each other copy's site's place, first seen first, until one tells a city (at most
    :data:`HOMES_READ` of them). ``copy_homes`` is read lazily, only for a story whose own reading names no city."""
    record = facts_record(title, body, source, home)
    if names_city(record) or not speaks_locally(title, body):
        return record
    tried = {home}
    for other in copy_homes:
        if not other or other in tried:
            continue
        if len(tried) > HOMES_READ:
            break
        tried.add(other)
        places = told_places(record, title, body, other)
        if places is not None:
            return {**record, "places": places}
    return record


class CopyPlace:
    """What one fetched copy tells of a stored story's place (``db.store_base.FactsFill``): the copy's text and its
    site's place, read only if the store finds the copy a duplicate of a story with no city."""

    def __init__(self, title: str, body: str, home: str) -> None:
        self.title, self.body, self.home = title, body, home

    def fill(self, stored: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
        """The stored facts with the places this copy's site tells, or None for no change (a story stored without
        facts, its extraction failed, keeps none: a re-read reads its own text)."""
        if stored is None:
            return None
        try:
            places = told_places(stored, self.title, self.body, self.home)
        except Exception as exc:  # boundary: the copy's source row is stored whatever its reading does
            log.warning("a copy's place not read (%s: %s); the stored story's facts are kept", type(exc).__name__, exc)
            return None
        return None if places is None else {**stored, "places": places}

    def as_primary(self, facts: dict[str, Any], former: Optional[dict[str, Any]]) -> dict[str, Any]:
        """The facts to store when this copy (read as ``facts``) becomes the primary of a story stored with ``former``:
        its own, keeping the former's city when its reading names none and the story speaks locally, as a re-read would
        (within its province), at the lower of the two versions (a former reading marked stale stays marked)."""
        if former is None or names_city(facts) or not names_city(former) or not speaks_locally(self.title, self.body):
            return facts  # (a story in no local voice: a re-read would not keep the former's city either)
        provinces = _provinces(facts)
        told = next(place for place in former["places"] if isinstance(place, dict) and place.get("city"))
        if provinces and told.get("province") not in provinces:
            return facts
        version = min(int(facts.get("version", 0)), int(former.get("version", 0)))
        return {**facts, "places": list(former["places"]), "version": version}
