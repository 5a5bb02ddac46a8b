"""A syndicated story's city from its other copies' sites (session 69).

The same story runs on many portals: a province's portal carries a county's news as the county wrote it ("我县…"),
naming no city, and only the county's own portal knows where "我县" is (its site's place, the ``home`` of
:func:`facts.extract_facts`). The story is stored once, from its primary copy; the other copies only add source rows
(``db.store_base.store_copy``). Without this module a story first seen on the province's portal keeps no city though
its next copy, on the county's portal, tells it, and a rule on that city never hears of it.

One rule, used wherever a story's facts meet another copy's: **a copy tells the story's place, never what the story
reports.** Its places replace the stored ones only when the stored reading names no city and the copy's names one
(within the stored reading's province, when it names one); the amount, stage, project and industry stay the primary
copy's (the texts of copies differ in chrome and headlines, and a second reading of the same figures is no more right
than the first). The first copy that tells a city wins: later copies find the city known. Used by:

* the store, when a copy arrives (``add_article(fill=fill_from_copy)``) or becomes the primary (published earlier);
* ``newsmon reextract --facts`` and the crawl's re-read, which read the primary copy's text with its site's place and,
  when that names no city, with each other copy's site's place in the order they were seen (:func:`read_with_copies`).
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from . import facts_record

__all__ = ["HOMES_READ", "fill_from_copy", "names_city", "read_with_copies"]

# The other copies' places a story is read with, at most (each is one more reading of the story, ~8 ms): a story
# carried by dozens of portals of other provinces must not cost a re-read dozens of readings. The first copies seen
# come first; a county's own portal usually carries its story early.
HOMES_READ = 8


def names_city(facts: Optional[dict[str, Any]]) -> bool:
    """True when a facts record's places name a city (a province alone, or none, does not)."""
    return facts is not None and any(isinstance(place, dict) and place.get("city") for place in facts.get("places") or ())


def fill_from_copy(stored: Optional[dict[str, Any]], copy: dict[str, Any]) -> Optional[dict[str, Any]]:
    """The stored facts with the places of another copy's reading when that copy tells a city the stored reading
    lacks; None when nothing changes. ``stored`` None (the story was stored without facts: its extraction failed) takes
    the copy's reading whole. Both are facts records (``facts_record``'s dict; ``stored`` may lack ``version``)."""
    if stored is None:
        return dict(copy)
    if names_city(stored) or not names_city(copy):
        return None
    provinces = {place.get("province") for place in stored.get("places") or () if isinstance(place, dict)} - {None, ""}
    told = next(place for place in copy["places"] if isinstance(place, dict) and place.get("city"))
    if provinces and told.get("province") not in provinces:
        return None  # a copy placing a province's story in another province's city is a reprint, not the story's site
    return {**stored, "places": list(copy["places"])}


def read_with_copies(title: str, body: str, source: str, home: str, copy_homes: Iterable[str]) -> dict[str, Any]:
    """The facts record of a stored story: its primary copy read with its site's place (``home``), its places filled
    (:func:`fill_from_copy`) from the same text read with each other copy's site's place, first seen first, until one
    tells a city. ``copy_homes`` is read lazily, only for a story whose own reading names no city."""
    record = facts_record(title, body, source, home)
    if names_city(record):
        return record
    tried = {home}
    for other in copy_homes:
        if not other or other in tried:
            continue
        if len(tried) > HOMES_READ:
            break
        tried.add(other)
        filled = fill_from_copy(record, facts_record(title, body, source, other))
        if filled is not None:
            return filled
    return record
