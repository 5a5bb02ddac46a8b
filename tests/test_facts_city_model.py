"""The city model (session 25): which of the story's cities is the project's, weighed by learned weights.

The weights' quality is measured on real pages (bench/train_city_model.py's cross-validation, held-out J: docs/facts.md
"Session 25"); these tests hold the mechanism: what the model reorders, its no-city answer, what it leaves to the rules,
that only the places change, the weights file and the trainer.
"""

from __future__ import annotations

import json
import re
import math
import subprocess
import sys
from pathlib import Path

import pytest

from facts_probe_check import fitted_pages
from newsmon.facts import city_evidence, extract_facts, project_reading
from newsmon.facts import city_model
from newsmon.facts.city_model import MIN_BODY, WEIGHTS_FILE, candidate_features, no_city_features, rules_decide

ROOT = Path(__file__).resolve().parent.parent

# An investor's home in the headline, the work's county named throughout the body: the rules rank the headline's place
# first, the weights the county's city.
_INVESTORS_HOME = ("北京一企业投资10亿元建设数据中心",
                   "近日，中宁县与某数据科技有限公司签订数据中心项目投资协议，项目总投资10亿元，建设地点位于中宁县新材料循环经济"
                   "示范区。\n该项目由某数据科技有限公司投资建设，建成后将为中卫市及周边地区提供算力服务。中宁县相关负责人表示，将全力"
                   "做好要素保障，推动项目早日开工建设。")
_VISITORS_HOME = ("上海某集团考察团来我县洽谈合作",
                  "5月28日，上海某集团董事长一行来到汉寿县考察对接。汉寿县委书记陪同考察并座谈。\n考察团一行先后来到汉寿高新区、"
                  "汉寿县农产品加工园，详细了解园区规划、产业基础和营商环境。双方就在汉寿县投资建设农产品精深加工项目进行了深入"
                  "交流，汉寿县将为项目落地提供全方位服务。")
# A province's fair in its capital whose signed works lie across the province: no city (readers label none).
_PROVINCES_FAIR = ("第六届某省国际茶产业博览会在合肥开幕",
                   "6月18日上午，为期四天的第六届某省国际茶产业博览会在合肥滨湖国际会展中心开幕。本届茶博会共吸引国内外800余家"
                   "企业参展，集中签约茶产业项目24个，总投资56亿元。\n签约项目涵盖茶叶种植、精深加工、茶旅融合等领域，分布在六安、"
                   "黄山、宣城等地。")
_PREFIXES = ("rank=", "mentions", "pos", "home", "first", "in_title", "in_focus", "has_county", "muni", "venue_word", "capital",
             "origin_word", "not_in_lead", "outlet", "full", "NULL", "null&")
# An autonomous prefecture written by its short name ("恩施州"), an investor's home in the headline (a review's case: the
# prefecture's full name is never written, so its namings must be read through the division table's names).
_AUTONOMOUS = ("杭州企业投资12亿元在恩施州建设富硒茶产业园",
               "6月12日，杭州某茶业集团与恩施州人民政府签订投资协议，将在恩施州建设富硒茶精深加工产业园项目。项目总投资12亿元，"
               "主要建设茶叶精深加工生产线、茶文化体验中心及冷链仓储中心。恩施州是全国重要的富硒茶产区，茶园面积达到200万亩。恩施州"
               "相关负责人表示，将为项目建设提供全方位服务，推动项目早日建成投产。")
# The rules rank a place that names no city (台湾省) first; the chosen city comes before it.
_NO_CITY_FIRST = ("台湾某企业投资5亿元建设精密机械项目",
                  "近日，台湾某精密机械股份有限公司与龙岩市新罗区签订投资协议，将在龙岩高新区建设精密机械零部件生产基地。项目总投资"
                  "5亿元，主要建设厂房、研发中心及配套设施，建成后年产精密零部件500万件，新增就业岗位600个。新罗区相关负责人表示，"
                  "将全力做好项目服务保障，推动项目早日开工建设。")


def _first_city(story: tuple[str, str]) -> str:
    places = extract_facts(*story).places
    return places[0].city if places else ""


@pytest.mark.parametrize("story, rules_first, city", [(_INVESTORS_HOME, "北京市", "中卫市")])
def test_the_works_city_comes_before_an_investors_home(story: tuple[str, str], rules_first: str, city: str) -> None:
    _, body, found = city_evidence(*story)
    assert [c.city for c in found][:2] == [rules_first, city] and not rules_decide(body, found)
    assert _first_city(story) == city
    # Every place the rules found is still reported.
    assert {p.city for p in extract_facts(*story).places} == {rules_first, city}


def test_a_visiting_delegations_home_in_the_headline_ranks_after_the_works_city() -> None:
    # (Until session 31 the rules ranked the headline's 上海 first and the weights put 常德 before it; a place named only
    # as a visitor's home now ranks after the story's own places whether or not the headline names it.)
    _, _, found = city_evidence(*_VISITORS_HOME)
    assert [c.city for c in found][:2] == ["常德市", "上海市"]
    assert _first_city(_VISITORS_HOME) == "常德市"
    assert {p.city for p in extract_facts(*_VISITORS_HOME).places} == {"上海市", "常德市"}


def test_a_city_named_by_its_short_name_is_counted_so() -> None:
    _, _, found = city_evidence(*_AUTONOMOUS)
    enshi = next(c for c in found if c.city == "恩施土家族苗族自治州")
    assert enshi.mentions >= 4 and enshi.in_title
    assert _first_city(_AUTONOMOUS) == "恩施土家族苗族自治州"


def test_the_chosen_city_comes_before_a_place_that_names_none() -> None:
    places = extract_facts(*_NO_CITY_FIRST).places
    assert [(p.province, p.city) for p in places] == [("福建省", "龙岩市"), ("台湾省", "")]


def test_a_provinces_fair_in_its_capital_reports_the_province_alone() -> None:
    places = extract_facts(*_PROVINCES_FAIR).places
    assert [p.to_dict() for p in places] == [{"province": "安徽省"}]


@pytest.mark.parametrize("story", [_INVESTORS_HOME, _PROVINCES_FAIR])
def test_only_the_places_change(story: tuple[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A reorder and a no-city answer alike: the project's name is read with the rules' places (their names are no
    # part of it), the stage and the amount too.
    with_model = extract_facts(*story)
    monkeypatch.setattr(city_model, "WEIGHTS_FILE", tmp_path / "none.json")
    city_model._weights.cache_clear()
    try:
        rules = extract_facts(*story)
    finally:
        city_model._weights.cache_clear()
    assert rules.places != with_model.places
    assert (with_model.amount, with_model.stage, with_model.industry, with_model.project) == \
        (rules.amount, rules.stage, rules.industry, rules.project)


def test_a_no_city_answer_leaves_the_projects_name_as_the_rules_read_it(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # A review's case: with the provinces alone reported, the project's reading lost the city's names as place names
    # and took the headline ("2023年岳阳市重点项目") for the project. Weights that always answer no city show it.
    story = ("2023年岳阳市重点项目建设综述",
             "2023年，岳阳市坚持项目为王，全年实施重点项目386个，完成投资980亿元。其中，某石化120万吨乙烯项目总投资350亿元，"
             "已完成投资90亿元；城陵矶港三期码头项目总投资28亿元，今年已建成投用；平江抽水蓄能电站总投资85亿元，主体工程加快"
             "推进。全市新开工亿元以上项目156个，竣工投产项目98个。")
    rules = extract_facts(*story)
    weights = tmp_path / "city_model.json"
    weights.write_text(json.dumps({"weights": {"NULL": 100.0, "mentions": 0.0}}), encoding="utf-8")
    monkeypatch.setattr(city_model, "WEIGHTS_FILE", weights)
    city_model._weights.cache_clear()
    try:
        no_city = extract_facts(*story)
    finally:
        city_model._weights.cache_clear()
    assert [p.to_dict() for p in no_city.places] == [{"province": "湖南省"}]
    assert no_city.project == rules.project  # (None: a year's summary reports no stage, so no project: session 65)
    assert project_reading(*story) == "某石化120万吨乙烯项目"  # the name reader's own answer, read with the rules' places


def test_a_short_body_keeps_the_rules_order() -> None:
    title, body = _INVESTORS_HOME[0], _INVESTORS_HOME[1][:MIN_BODY - 1]
    _, read, found = city_evidence(title, body)
    assert rules_decide(read, found)
    assert _first_city((title, body)) == found[0].city


@pytest.mark.parametrize("content", ["", "{", '{"weights": {}}', '{"weights": {"NULL": 1.0}}',
                                     '{"weights": {"NULL": 1.0, "mentions": Infinity}}'])
def test_missing_or_unusable_weights_leave_the_rules_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture, content: str) -> None:
    weights = tmp_path / "city_model.json"
    if content:
        weights.write_text(content, encoding="utf-8")
    monkeypatch.setattr(city_model, "WEIGHTS_FILE", weights)
    city_model._weights.cache_clear()
    try:
        assert _first_city(_INVESTORS_HOME) == "北京市"
        assert "places come in the rules' order" in caplog.text
    finally:
        city_model._weights.cache_clear()


def test_the_weights_file_is_the_features_own() -> None:
    doc = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    weights = doc["weights"]
    assert all(math.isfinite(v) for v in weights.values()) and fitted_pages(doc["trained_on"]) > 1000
    assert [name for name in weights if not name.startswith(_PREFIXES)] == []
    title, body, found = city_evidence(*_INVESTORS_HOME)
    made = set(no_city_features(title, body, found)) | {n for c in found for n in candidate_features(c, found)}
    assert {"NULL", "mentions", "in_title", "has_county", "muni"} <= made & set(weights)


def test_the_trainer_fits_the_repositorys_paragraphs(tmp_path: Path) -> None:
    out = tmp_path / "weights.json"
    misses = tmp_path / "misses.jsonl"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "train_city_model.py"), "--iterations", "60", "--cv",
                           "2", "--paragraphs-only", "--min-pages", "2", "--out", str(out), "--misses", str(misses)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "paragraphs: model" in done.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert "NULL" in doc["weights"] and all(name.startswith(_PREFIXES) for name in doc["weights"])
    # Each cross-validated miss, as the summary line counts them: the model's answer differs from the label.
    wrong = [json.loads(line) for line in misses.read_text(encoding="utf-8").splitlines()]
    right, scored = (int(n) for n in re.search(r"(\d+) paragraphs: model (\d+) right", done.stdout).group(2, 1))
    assert len(wrong) == scored - right > 0
    assert all(m["model"] != m["label"] and m["url"] and m["file"].endswith(".json") for m in wrong)


def test_the_trainer_says_at_once_when_the_misses_cannot_be_written(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "train_city_model.py"), "--cv", "2", "--paragraphs-only",
                           "--dry-run", "--misses", str(tmp_path / "no" / "misses.jsonl")], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 2 and "cannot be written" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "train_city_model.py"), "--paragraphs-only",
                           "--dry-run", "--misses", str(tmp_path / "misses.jsonl")], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 2 and "--misses needs --cv" in done.stderr
