"""Session 35, checked on made-up stories and a real run of the trainers: a headline telling one named work's progress
in the news's own phrases is 开工 whatever the weights say (the progress convention postdates them); a firm whose name
ends in 业 planning an investment is no sector's statistic; ``--prior`` fine-tunes a model from its shipped weights.

The classes come from real pages' misses (bench/data/facts/README.md "Real pages (session 35)"); the stories here are
written for the tests, with guards for the readings the changes must leave alone.
"""
from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from facts_trainer_run import STORY_TAIL as _LONG, run_trainer
from newsmon.facts import extract_facts
from newsmon.facts.stages import one_work_progress
from newsmon.facts.wording import STAGE_WORDING, fingerprint

ROOT = Path(__file__).resolve().parents[1]
STAGE_WEIGHTS = ROOT / "facts" / "data" / "stage_model.json"


@pytest.mark.parametrize("title, body", [
    ("城南南郊果蔬批发市场抓紧施工中", "走进城南南郊果蔬批发市场项目现场，挖掘机、运输车来回穿梭，工人们正忙着浇筑基础。" + _LONG),
    ("车阳河综合码头建设紧锣密鼓", "眼下，车阳河综合码头项目现场一派繁忙景象，工人们抢抓晴好天气作业。" + _LONG),
    ("聚隆滑雪场加速建设 冰雪经济蓬勃兴起", "在聚隆滑雪场项目现场，大型机械往来穿梭，雪道平整工作有序进行。" + _LONG),
])
def test_a_headline_telling_one_works_progress_is_a_start(title: str, body: str) -> None:
    assert one_work_progress(title, body)
    assert extract_facts(title, body).stage == "开工"


@pytest.mark.parametrize("title, body", [
    # many works' progress: no one work's stage
    ("全县12个重点项目抓紧施工", "走进各项目现场，机械轰鸣，工人们忙着作业。" + _LONG),
    ("一批重大项目建设如火如荼", "全市各项目现场一派繁忙景象。" + _LONG),
    # the work still to start: its preparations under way
    ("城东农贸市场加快建设", "城东农贸市场项目目前正在开展前期工作，计划年内开工建设。" + _LONG),
])
def test_many_works_or_a_work_still_to_start_are_no_ones_progress(title: str, body: str) -> None:
    assert not one_work_progress(title, body)


def test_a_firm_named_for_its_trade_planning_an_investment_states_its_projects_investment() -> None:
    body = ("10月25日，雪川固原马铃薯产业绿色高质量综合开发项目开工仪式在市经济开发区轻工产业园举行。"
            "雪川农业计划投资20亿元人民币，在固原建设高标准核心种薯基地4万亩，建成马铃薯综合加工园区。")
    facts = extract_facts("", body)
    assert facts.amount == 2e9 and facts.kind == "project"


@pytest.mark.parametrize("body", [
    "今年以来，全市工业完成投资20亿元，同比增长8%。",
    "前三季度，全县农业投资20亿元，较上年有所增长。",
])
def test_a_sectors_investment_is_still_a_statistic(body: str) -> None:
    assert extract_facts("", body).amount is None


_trainer = partial(run_trainer, "stage")


def _texts(path: Path) -> Path:
    """Pages of one's own (not in the repository's labels: fitted with their ``want``), written for the test."""
    pages = []
    for i in range(8):
        pages.append({"url": f"http://127.0.0.1/own/{i}", "title": f"走进第{i}号物流园项目现场",
                      "body": "项目现场一派繁忙景象，该项目总投资5亿元，今天正式开工建设。" + _LONG * 2,
                      "want": {"stage": "开工"}})
        pages.append({"url": f"http://127.0.0.1/own/s{i}", "title": f"某县与第{i}家企业签约",
                      "body": "日前，某县与某企业签订投资协议，项目总投资3亿元，将建设农产品加工基地。" + _LONG * 2,
                      "want": {"stage": "签约"}})
    path.write_text("".join(json.dumps(page, ensure_ascii=False) + "\n" for page in pages), encoding="utf-8")
    return path


def _fine_tune(tmp_path: Path, *options: str) -> tuple[dict, dict, str]:
    """The shipped stage weights, the weights a fine-tune from them on _texts writes, and what the trainer printed."""
    prior = json.loads(STAGE_WEIGHTS.read_text(encoding="utf-8"))
    out = tmp_path / "stage_model.json"
    done = _trainer(str(_texts(tmp_path / "own.jsonl")), "--prior", str(STAGE_WEIGHTS), *options, "--out", str(out))
    assert done.returncode == 0, done.stderr
    return prior, json.loads(out.read_text(encoding="utf-8")), done.stdout


def test_the_trainer_fine_tunes_from_the_shipped_weights_and_keeps_their_wording(tmp_path: Path) -> None:
    # One tiny step: the weights are where the descent starts.
    prior, doc, printed = _fine_tune(tmp_path, "--iterations", "1", "--rate", "0.000001")
    assert "the prior's weights:" in printed and "fitted on 16 pages" in printed  # (no paragraphs read again)
    assert doc["trained_on"]["pages"] == 16 and doc["trained_on"]["fine_tuned_from"] == prior["trained_on"]
    assert doc["fit"]["prior_fit"] == prior["fit"]
    # The descent starts from the prior's weights; every one is kept, none dropped for being unseen on these pages.
    assert set(prior["weights"]) <= set(doc["weights"]) | {n for n, v in prior["weights"].items() if round(v, 4) == 0}
    assert all(abs(doc["weights"].get(name, 0.0) - value) < 1e-3 for name, value in prior["weights"].items())
    # The shipped wording stands: its file copied beside the weights, named by its fingerprint.
    assert doc["wording"] == prior["wording"]
    with np.load(tmp_path / STAGE_WORDING.file.name, allow_pickle=False) as wording:
        assert doc["wording"] == fingerprint(*(wording[name] for name in ("weights", "bias", "classes", "prior")))


def test_a_weak_pull_towards_the_prior_lets_the_pages_move_the_weights(tmp_path: Path) -> None:
    prior, doc, _ = _fine_tune(tmp_path, "--iterations", "100", "--l2", "0.01")
    assert any(abs(doc["weights"].get(name, 0.0) - value) > 1e-3 for name, value in prior["weights"].items())


@pytest.mark.parametrize("content, says", [
    ("{", "cannot be read as JSON"),
    ('{"weights": {"NULL": 1.0}}', "not a usable stage model's weights"),
])
def test_the_trainer_refuses_an_unusable_prior(tmp_path: Path, content: str, says: str) -> None:
    prior = tmp_path / "prior.json"
    prior.write_text(content, encoding="utf-8")
    done = _trainer(str(_texts(tmp_path / "own.jsonl")), "--prior", str(prior), "--dry-run")
    assert done.returncode != 0 and says in done.stderr and "Traceback" not in done.stderr


def test_the_trainer_refuses_a_fine_tune_on_the_paragraphs_alone() -> None:
    done = _trainer("--prior", str(STAGE_WEIGHTS), "--paragraphs-only", "--dry-run")
    assert done.returncode == 2 and "paragraphs are in the prior" in done.stderr and "Traceback" not in done.stderr
