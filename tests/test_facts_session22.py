"""Session 22: classes of misses read on real regional pages (search's pages corpus, not stored: no licence;
bench/data/facts/README.md "Real pages (session 22)") and the leftovers of session 21's review. Every case is made up
after one class, with guards that keep the older readings; the right answer was decided before the rule was written."""

from __future__ import annotations

from typing import Any

import pytest

from facts_probe_check import wrong_fields
from newsmon.facts import extract_facts


def _check(title: str, body: str, want: dict[str, Any]) -> None:
    facts = extract_facts(title, body)
    assert wrong_fields(facts, want) == [], facts.to_dict()


_REVISED_TOTALS = [
    # A revised total: the figure it became is the work's, the one it was is not.
    ("", "经批复，某项目总投资由12亿元调整为15亿元。", {"amount": 1.5e9}),
    ("", "经审计，某工程总投资从12亿元核减至10.5亿元。", {"amount": 1.05e9}),
    ("", "某医院项目总投资由原来的8.2亿元调增至9.6亿元。", {"amount": 9.6e8}),
    ("", "因规模扩大，某产业园项目计划投资由15亿元增至20亿元。", {"amount": 2e9}),
    # Guards: a total followed by a difference keeps the total; 由 naming who pays is no revision.
    ("", "某项目总投资12亿元，经评审核减1.5亿元。", {"amount": 1.2e9}),
    ("", "某项目总投资12亿元，由某公司全额投资建设。", {"amount": 1.2e9}),
]


@pytest.mark.parametrize("title,body,want", _REVISED_TOTALS)
def test_a_revised_total_is_the_figure_it_became(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)
