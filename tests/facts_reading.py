"""Readings the facts test modules share: the first place's city and the rules' investment figure of a made-up story.

(Sessions 57–59 and tests/test_former_names.py each kept a copy; the older modules keep their own readings, which differ
on purpose: a probe's city without 市, the first city among the places.)"""
from __future__ import annotations

from typing import Optional

from newsmon.facts import extract_facts
from newsmon.facts.amounts import find_investment


def first_place_city(title: str, body: str) -> str:
    """The city of the first place reported ("" when there is none or it names no city): the store's city column."""
    places = extract_facts(title, body).places
    return places[0].city if places else ""


def rules_amount(title: str, body: str) -> Optional[float]:
    """The rules' investment figure (facts.amounts.find_investment), before the amount model weighs it."""
    found = find_investment(title, body)
    return found.value if found else None
