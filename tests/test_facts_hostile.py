"""Hostile text costs linear time: 100,000 characters (the body cap) of one repeated unit.

Each unit here once cost tens of seconds or more: a search that scans the rest of a digit run from
every position, or a check of every found place against every other one.
"""

from __future__ import annotations

import time

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.places import find_places

_CAP = 100_000


def _repeated(unit: str) -> str:
    return (unit * (_CAP // len(unit) + 1))[:_CAP]


@pytest.fixture(scope="module", autouse=True)
def _tables_loaded() -> None:
    extract_facts("丹灶镇", "")  # the division and township tables load once, outside the timings


@pytest.mark.parametrize("unit", ["0", "一", "9" * 50])
def test_a_run_of_digits_costs_linear_time(unit: str) -> None:
    # amounts._ROUNDUP tried "\d+…个…项目" from every digit of the run: ~20 s for 20,000 digits, quadratic.
    started = time.process_time()
    extract_facts("", _repeated(unit))
    assert time.process_time() - started < 3, time.process_time() - started


@pytest.mark.parametrize("unit", ["在沪，北京", "广东丹灶", "晓天镇晓天镇，"])
def test_many_places_cost_linear_time(unit: str) -> None:
    # Each abbreviation (在沪) and each township (丹灶) was compared with every place found: ~50 s. So was each town
    # holding a weak county name (晓天镇 holds 天镇) with every name it might hold (session 64's first version: 30 s).
    started = time.process_time()
    find_places("", _repeated(unit))
    assert time.process_time() - started < 3, time.process_time() - started


def test_many_plan_words_before_verbs_cost_linear_time() -> None:
    # stages._planned looked up the clause of every plan word before every verb of its sentence
    # (~100 per verb here): 15 s (1.3 s before session 8). Now read back from the verb: one lookup.
    started = time.process_time()
    extract_facts("", _repeated("将开工"))
    # ~2 s on an idle machine (every one of the 33,000 verbs still reads its 300-character sentence).
    assert time.process_time() - started < 5, time.process_time() - started
