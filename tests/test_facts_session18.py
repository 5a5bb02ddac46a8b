"""Session 18's probes of ordinary regional sentences, kept as tests.

Five probe helpers wrote about 540 items (programme money in national and provincial stories, project cities in
national stories, less common amount wordings, frontier places, whole short stories), each answer decided by
bench/data/facts/README.md's labelling rules before the extractor ran. FACTS_VERSION 21 got 413 right on every field
given; the ones FACTS_VERSION 22 gets right are kept in tests/data/facts_probes_session18.jsonl (the wrong ones are
listed in docs/facts.md "Session 18"). A field left out or "?" is not scored (tests/facts_probe_check.py).
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from facts_probe_check import wrong_fields
from newsmon.facts import extract_facts

_ITEMS = [json.loads(line) for line in
          (Path(__file__).with_name("data") / "facts_probes_session18.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("item", _ITEMS, ids=[f"{item['probe']}-{i}" for i, item in enumerate(_ITEMS)])
def test_the_probes_items(item: dict[str, Any]) -> None:
    facts = extract_facts(item["title"], item["body"])
    assert wrong_fields(facts, item["want"]) == [], (item["title"], item["body"], facts.to_dict())


def test_the_probe_check_scores_each_field() -> None:
    # The comparison must be able to fail: a wrong amount, stage and city are each told.
    facts = extract_facts("", "昨天，总投资12亿元的南通某化工项目在如东县开工。")
    assert wrong_fields(facts, {"amount": 1.2e9, "stage": "开工", "city": "南通"}) == []
    assert wrong_fields(facts, {"amount": 2e9, "stage": "签约", "city": "扬州"}) == ["amount", "stage", "city"]
    assert wrong_fields(facts, {"amount": None, "city": None}) == ["amount", "city"]


@pytest.mark.parametrize("unit", [
    "今天某市可望签约的项目2项，总投资1亿元；",  # the firm-or-person check reads back only REACH, not to the text's start
    "某公司今年拿出1亿元，新建一座车间；",
    "该项目完成投资1亿元，占计划总投资2亿元的50%；",
])  # (phases are read at most four and REACH on: "一期投资1亿元，二期…" repeated costs as much as on FACTS_VERSION 21, ~5 s
#    for 40,000 characters, every amount rejected one by one: a cost of its own, left as it was)
def test_session_18s_checks_cost_linear_time(unit: str) -> None:
    # A body at the cap (100,000 characters) without a full stop: each new check is bounded to the amount's
    # sentence (REACH). An unbounded look back made the first unit cost 13 s (2 s on FACTS_VERSION 21).
    body = (unit * (100_000 // len(unit) + 1))[:100_000]
    started = time.process_time()
    extract_facts("", body)
    assert time.process_time() - started < 6, time.process_time() - started
