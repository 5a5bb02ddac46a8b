"""The amount model (session 25): whether the rules' investment figure is reported, weighed by learned weights.

The weights' quality is measured on real pages (bench/train_amount_model.py's cross-validation, held-out J: docs/facts.md
"Session 25"); these tests hold the mechanism: what the model may drop, what it keeps, what it leaves to the rules, that
only the reported amount changes, that the weights file is the one the features speak of, and the trainer's refusals.
"""

from __future__ import annotations

import json
import math
import time
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from facts_trainer_run import run_trainer
from facts_probe_check import fitted_pages
from newsmon.facts import amount_view, extract_facts
from newsmon.facts import amount_model
from newsmon.facts.amount_model import MIN_BODY, WEIGHTS_FILE, amount_features, keep_amount, rules_decide
from newsmon.facts.wording import AMOUNT_WORDING, fingerprint

ROOT = Path(__file__).resolve().parent.parent

# A county's event of three groups (signed, started, finished), each with its own total and none for the event; the
# rules take the first group's. Real pages' readers label such events both ways (a total, or no amount: 8 and 7 of
# the seen pages of such events and tallies a search of their wording found in session 29), and the weights put this
# one at the cut since they read the wording (session 29): it serves here as a story with a figure, not as one the
# weights must drop.
_THREE_GROUPS = ("某县举行第五期“三个一批”项目建设活动",
                 "11月20日，某县第五期“三个一批”项目建设活动在某产业园举行。县委书记出席活动并讲话。\n此次活动，签约项目9个，"
                 "总投资135亿元；开工项目8个，总投资19亿元；竣工投产项目14个，总投资34.2亿元，涵盖装备制造、新材料、农产品"
                 "加工等领域。\n县委书记指出，要以此次活动为契机，持续优化营商环境，推动项目早建成、早投产、早见效。")
# A zone's year told in figures: a span's signings and starts, each summed.
_ZONES_YEAR = ("某开发区：名企云集气象新",
               "今年以来，某开发区招商引资和项目建设捷报频传，经济发展持续向好。\n开发区新签约项目85个，投资总额151亿元；"
               "新开工项目111个，总投资181.3亿元；供应土地超2000亩。\n某电子材料、某新能源装备等一批龙头企业相继落户，产业"
               "集聚效应日益显现，开发区综合实力稳步提升。")
# One project's day and one event's batch: the rules' figure, which the weights keep.
_KEPT = [
    ("某县年产10万吨新材料项目开工",
     "3月18日上午，某县年产10万吨新材料项目开工仪式在县经济开发区举行。该项目由某新材料有限公司投资建设，总投资12亿元，"
     "占地200亩，主要建设生产车间、仓库及配套设施。\n项目建成后，预计年产值可达20亿元，实现税收1亿元，带动就业500人。\n"
     "县委书记出席仪式并宣布项目开工。", 12e8, "project"),
    ("某市与某集团签约百亿元新能源电池项目",
     "12月6日，某市人民政府与某集团有限公司举行新能源电池项目签约仪式。该项目总投资100亿元，分两期建设，主要建设年产"
     "20GWh动力电池生产线及配套设施。\n项目全部达产后，预计年产值300亿元，带动就业5000人。市委书记、市长出席签约仪式。",
     100e8, "project"),
    ("某市30个重大项目集中签约 总投资286亿元",
     "9月26日，某市2025年第三季度重大项目集中签约活动举行。活动现场共签约项目30个，总投资286亿元，涵盖新能源、新材料、"
     "高端装备等领域。\n其中，投资50亿元的某储能电池项目为本次签约最大项目。市委书记出席并讲话，要求各部门做好服务保障。",
     286e8, "roundup"),
]

# The prefixes every feature name starts with (facts.amount_model.amount_features).
_PREFIXES = ("KEEP", "kind=", "sec=", "stage=", "n_figures", "n_in_sentence", "paras_with=", "mag=", "w:", "title&",
             "bound", "total", "phase", "first", "largest", "title_", "untitled", "tally", "general", "foreign",
             "attributive", "semicolon", "enumeration", "event", "statistic", "text_lift")


def test_a_figure_of_a_spans_list_of_groups_is_no_projects_investment() -> None:
    story = _ZONES_YEAR
    view = amount_view(*story)
    assert view is not None and not rules_decide(view)  # the rules report a figure…
    assert not keep_amount(view)  # …which the weights drop
    assert extract_facts(*story).amount is None


@pytest.mark.parametrize("title, body, amount, kind", _KEPT)
def test_a_projects_or_an_events_figure_is_kept(title: str, body: str, amount: float, kind: str) -> None:
    facts = extract_facts(title, body)
    assert (facts.amount, facts.kind) == (amount, kind)


def test_only_the_reported_amount_changes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Places, stage, industry and project are read from the rules' figure either way (the stage model was fitted on it).
    with_model = extract_facts(*_ZONES_YEAR)
    monkeypatch.setattr(amount_model, "WEIGHTS_FILE", tmp_path / "none.json")
    amount_model._model.cache_clear()
    try:
        rules = extract_facts(*_ZONES_YEAR)
    finally:
        amount_model._model.cache_clear()
    assert rules.amount == 151e8 and with_model.amount is None
    assert (with_model.stage, with_model.places, with_model.industry, with_model.project) == \
        (rules.stage, rules.places, rules.industry, rules.project)


def test_a_short_body_keeps_the_rules_figure() -> None:
    # A brief shorter than any real page the weights were fitted on: the rules decide.
    title, body = _THREE_GROUPS[0], _THREE_GROUPS[1].split("\n")[1][:MIN_BODY - 1]
    view = amount_view(title, body)
    assert view is not None and rules_decide(view) and keep_amount(view)
    assert extract_facts(title, body).amount == 135e8


def test_a_story_without_a_figure_has_no_view() -> None:
    assert amount_view("某县召开项目建设推进会", "会议要求，各部门要加快推进重点项目建设。" * 10) is None


def test_the_weights_file_is_the_features_own_and_says_what_it_was_fitted_on() -> None:
    doc = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    weights = doc["weights"]
    assert len(weights) > 40 and all(math.isfinite(v) for v in weights.values())
    assert [name for name in weights if not name.startswith(_PREFIXES)] == []
    assert 0 < doc["cut"] < 1 and fitted_pages(doc["trained_on"]) > 500 and doc["trained_on"]["files"]
    # Names the features make for a real story are found among the weights (a renamed feature would weigh nothing).
    view = amount_view(*_THREE_GROUPS) or pytest.fail("no figure")
    assert {"KEEP", "semicolon", "n_in_sentence", "sec=p1"} <= set(amount_features(view)) & set(weights)


@pytest.mark.parametrize("content", ["", "{", '{"weights": {}, "cut": 0.4}', '{"weights": {"KEEP": "x"}, "cut": 0.4}',
                                     '{"weights": {"semicolon": -1.0}, "cut": 0.4}', '{"weights": {"KEEP": 1.0}}',
                                     '{"weights": {"KEEP": 1.0}, "cut": 1.5}', '{"weights": {"KEEP": 1.0}, "cut": true}',
                                     '{"weights": {"KEEP": NaN}, "cut": 0.4}'])
def test_missing_or_unusable_weights_leave_the_amount_to_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture, content: str) -> None:
    weights = tmp_path / "amount_model.json"
    if content:
        weights.write_text(content, encoding="utf-8")
    monkeypatch.setattr(amount_model, "WEIGHTS_FILE", weights)
    amount_model._model.cache_clear()
    try:
        assert extract_facts(*_ZONES_YEAR).amount == 151e8  # the rules' figure, which the weights would drop
        assert "amounts come from the rules alone" in caplog.text
    finally:
        amount_model._model.cache_clear()  # the next test reads the real file again


def test_a_long_page_of_figures_is_read_in_bounded_time() -> None:
    # The model counts figures in the body's first 500 characters and looks for the rules' figure in six paragraphs.
    body = "\n".join(["某项目今天开工建设，总投资5亿元；" * 300] * 30)
    started = time.perf_counter()
    facts = extract_facts("某项目总投资12亿元开工", body)
    assert time.perf_counter() - started < 20
    assert facts.amount in (None, 12e8)


_trainer = partial(run_trainer, "amount", timeout=600)


def test_the_trainer_fits_the_repositorys_paragraphs_and_writes_weights_the_model_reads(tmp_path: Path,
                                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "weights.json"
    done = _trainer("--iterations", "60", "--cv", "2", "--paragraphs-only", "--min-pages", "2", "--cut", "0.3",
                    "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "cross-validated (2 folds by file)" in done.stdout and "paragraphs: model" in done.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["cut"] == 0.3 and doc["trained_on"]["pages"] > 20 and "KEEP" in doc["weights"]
    assert all(name.startswith(_PREFIXES) for name in doc["weights"]) and "text_lift" in doc["weights"]
    # The wording model is written beside the weights, in the form the amount model reads.
    with np.load(tmp_path / AMOUNT_WORDING.file.name, allow_pickle=False) as wording:
        arrays = {name: wording[name] for name in ("weights", "bias", "classes", "prior")}
    assert AMOUNT_WORDING.problem(**arrays) is None
    assert doc["wording"] == fingerprint(**arrays)  # the weights name the wording they were fitted with
    monkeypatch.setattr(amount_model, "WEIGHTS_FILE", out)
    amount_model._model.cache_clear()
    try:
        assert amount_model._model() is not None  # the model reads what the trainer wrote
    finally:
        amount_model._model.cache_clear()


@pytest.mark.parametrize("args, says", [
    (["--iterations", "5"], "--out"),
    (["--cut", "1.2", "--dry-run"], "--cut is a probability"),
    (["--cv", "1", "--dry-run"], "at least 2 folds"),
    (["--out", "/nonexistent-folder/w.json"], "does not exist"),  # said before the fit, not a traceback after it
])
def test_the_trainer_refuses_what_it_cannot_do(args: list[str], says: str) -> None:
    before = WEIGHTS_FILE.read_bytes()
    done = _trainer(*args)
    assert done.returncode != 0 and says in done.stderr and "Traceback" not in done.stderr
    assert WEIGHTS_FILE.read_bytes() == before


def test_the_trainer_says_plainly_when_a_texts_file_is_missing(tmp_path: Path) -> None:
    done = _trainer(str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "w.json"))
    assert done.returncode == 2 and "no such file" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "w.json").exists()
