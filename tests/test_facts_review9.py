"""Findings of the session-9 review of the facts code, each with the input that showed it."""

from __future__ import annotations

import time

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.places import find_places


@pytest.fixture(scope="module", autouse=True)
def _tables_loaded() -> None:
    extract_facts("丹灶镇", "")  # the division and township tables load once, outside the timings


@pytest.mark.parametrize("focus", ["1" * 20_000 + "；", "1" + " " * 3_000 + "；", "一" * 20_000 + "；"])
def test_a_long_run_in_the_focus_costs_linear_time(focus: str) -> None:
    # places._MONEY (which clauses of the investment's sentence state money) tried a digit run from
    # each of its digits, and split a run of spaces between three optional \s*: 20,000 digits took
    # 25 s, "1" and 800 spaces 2 s. find_places is public and takes any focus.
    started = time.process_time()
    find_places("", "南京", focus=focus)
    assert time.process_time() - started < 3, time.process_time() - started


def test_the_clause_that_states_money_still_ranks_first() -> None:
    # The clause with the sum, however its number is spaced, ranks its place first (e4f7bcb's rule).
    body = "某公司在常州金坛落户；南京举行的签约活动中，3个外资项目落户，总投资额37.4 亿 美元。"
    assert find_places("", body, focus=body)[0].city == "南京市"
