"""The wording models (sessions 28 and 29): linear classifiers over the characters of a story's headline and lead, one
more feature of the stage model and of the amount model.

Their worth is measured on real pages (the trainers' cross-validation, held-out N and O: docs/facts.md "Session 28",
"Session 29"); these tests hold the mechanism: the features are the same in every process, bounded by the text read,
the fit learns what its labels say, the shipped files are usable and the models read them, and a missing or broken file
leaves the stage and the amount to their models without the wording.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import numpy as np
import pytest

from newsmon.facts import amount_view, extract_facts, stage_evidence, wording_text
from newsmon.facts.wording import (AMOUNT_WORDING, BUCKETS, LIFT_BOUND, NONE, STAGE_WORDING, WordingModel, fingerprint,
                                   fit, log_lift, priors, scores, softmax, vector)

_GROUNDBREAKING = ("某县年产10万吨新材料项目开工",
                   "3月18日上午，某县年产10万吨新材料项目开工仪式在县经济开发区举行。该项目总投资12亿元，占地200亩。\n"
                   "项目建成后，预计年产值可达20亿元，实现税收1亿元，带动就业500人。\n县委书记出席仪式并宣布项目开工。\n"
                   "该项目是今年全县招引的重点产业项目，从签约到开工仅用时3个月。")  # (long enough for the weights to decide)


def test_characters_utf_8_cannot_encode_are_read_too() -> None:
    columns, _ = vector("某项目开工", "某县某项目今天开工\ud800，总投资10亿元。")
    assert len(columns) > 10
    assert extract_facts("", "\n" * 600 + "某县某项目今天开工\ud800，总投资10亿元。").stage == "开工"
    # In the headline, the lead, or a story in traditional characters (which OpenCC reads as UTF-8) too.
    assert extract_facts("\ud800某项目开工", "某项目总投资12亿元，今天开工。").amount == 12e8
    assert extract_facts("某項目開工\udfff", "某縣某項目總投資12億元，今天開工。\ud800").stage == "开工"


def test_the_features_are_stable_and_bounded_by_the_text_read() -> None:
    columns, values = vector("某项目开工", "某项目今天开工。")
    assert len(columns) == len(set(columns.tolist())) and ((0 <= columns) & (columns < 2 * BUCKETS)).all()
    # Each part scaled to unit length; the same story gives the same columns (CRC-32, not the salted str hash).
    headline = columns < BUCKETS
    assert np.isclose((values[headline] ** 2).sum(), 1.0) and np.isclose((values[~headline] ** 2).sum(), 1.0)
    assert vector("某项目开工", "某项目今天开工。")[0].tolist() == columns.tolist() == sorted(columns.tolist())
    # A hostile page: only the headline's first characters and the lead are read.
    started = time.perf_counter()
    long = vector("开工" * 50_000, "签约" * 500_000)
    assert time.perf_counter() - started < 0.5 and len(long[0]) < 20


def test_the_fit_learns_what_its_labels_say() -> None:
    texts = [("某项目开工", "某县某项目今天开工建设。"), ("某项目签约", "某县与某公司今天签约。"),
             ("某工程开工", "某工程正式开工。"), ("某基地签约", "双方签订投资协议，项目签约落地。"),
             ("某县召开会议", "会议研究部署了下一步工作。")] * 4
    labels = [1, 2, 1, 2, 0] * 4
    w, b = fit([vector(*t) for t in texts], labels, 3, iterations=60)
    p = softmax(scores([vector("某厂房开工", "某厂房项目开工建设。"), vector("某项目签约", "某园区项目签约仪式举行。")], w, b))
    assert p[0].argmax() == 1 and p[1].argmax() == 2
    assert priors(labels, 3).tolist() == pytest.approx([5 / 23, 9 / 23, 9 / 23])


def _lifts(model: WordingModel, title: str, body: str) -> dict[object, float]:
    return dict(model.lifts(vector(*wording_text(title, body))) or pytest.fail("no wording model"))


def test_a_lift_is_bounded_and_an_unknown_class_has_no_say() -> None:
    lifts = (("开工", 500.0), ("签约", 0.0001), (None, 1.5))
    assert log_lift(lifts, "开工") == pytest.approx(math.log(LIFT_BOUND))
    assert log_lift(lifts, "签约") == pytest.approx(-math.log(LIFT_BOUND))
    assert log_lift(lifts, None) == pytest.approx(math.log(1.5)) and log_lift(lifts, "备案") == 0.0


@pytest.mark.parametrize("model", [STAGE_WORDING, AMOUNT_WORDING], ids=["stage", "amount"])
def test_the_shipped_models_are_usable(model: WordingModel) -> None:
    with np.load(model.file, allow_pickle=False) as doc:
        assert model.problem(doc["weights"], doc["bias"], doc["classes"], doc["prior"]) is None
        assert sorted(doc["classes"].tolist()) == sorted(model.classes)
        # The reading model's weights were fitted with this very wording (one trainer run wrote both).
        assert json.loads(model.paired.read_text(encoding="utf-8"))["wording"] == \
            fingerprint(*(doc[name] for name in ("weights", "bias", "classes", "prior")))
        prior = dict(zip([c or None for c in doc["classes"].tolist()], doc["prior"].tolist()))
    found = _lifts(model, *_GROUNDBREAKING)
    # Lifts are probabilities over the classes' shares: times the shares they sum to one.
    assert abs(sum(found[c] * prior[c] for c in found) - 1) < 1e-3


def test_the_stage_model_reads_its_wording() -> None:
    found = _lifts(STAGE_WORDING, *_GROUNDBREAKING)
    assert max(found, key=lambda s: found[s]) == "开工"
    page, _ = stage_evidence(*_GROUNDBREAKING) or pytest.fail("no evidence")
    assert page.text is not None and dict(page.text)["开工"] == pytest.approx(found["开工"])


def test_the_amount_model_reads_its_wording() -> None:
    found = _lifts(AMOUNT_WORDING, *_GROUNDBREAKING)
    assert set(found) == {None, "project", "roundup"} and found["project"] > found["roundup"]
    view = amount_view(*_GROUNDBREAKING) or pytest.fail("no figure")
    assert view.text is not None and dict(view.text)["project"] == pytest.approx(found["project"])
    # A short body is the rules' alone: its wording is not read.
    short = amount_view("某项目开工", "某项目今天开工，总投资12亿元。") or pytest.fail("no figure")
    assert short.short and short.text is None


_BROKEN = ["missing", b"not a numpy file", "truncated", "a bare array", "wrong shape", "a class renamed", "text for numbers",
           "beyond float32", "another fit"]


@pytest.mark.parametrize("model", [STAGE_WORDING, AMOUNT_WORDING], ids=["stage", "amount"])
@pytest.mark.parametrize("content", _BROKEN)
def test_a_missing_or_broken_wording_file_leaves_the_facts_to_their_models(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, content: object,
        model: WordingModel) -> None:
    weights = tmp_path / model.file.name
    with np.load(model.file, allow_pickle=False) as doc:
        shipped = {name: doc[name] for name in doc.files}
    if content == "wrong shape":
        np.savez_compressed(weights, weights=np.zeros((10, 3), dtype=np.float16), bias=np.zeros(3),
                            classes=np.array([NONE, "签约", "开工"]), prior=np.full(3, 1 / 3))
    elif content == "truncated":
        weights.write_bytes(model.file.read_bytes()[:50_000])
    elif content == "a bare array":
        with weights.open("wb") as handle:
            np.save(handle, shipped["weights"])
    elif content == "a class renamed":
        np.savez_compressed(weights, **{**shipped, "classes": np.array(
            [c.replace("竣工", "完工").replace("roundup", "total") for c in shipped["classes"]])})
    elif content == "text for numbers":
        np.savez_compressed(weights, **{**shipped, "prior": np.array(["x"] * len(shipped["prior"]))})
    elif content == "beyond float32":
        bias = np.zeros(len(shipped["bias"]), dtype=np.float64)
        bias[0] = 1e300  # finite as written, infinite as the scores read it
        np.savez_compressed(weights, **{**shipped, "bias": bias})
    elif content == "another fit":
        # Sound arrays, but not those the reading model's weights were fitted with (their "wording" names others).
        np.savez_compressed(weights, **{**shipped, "bias": shipped["bias"] + 0.5})
    elif isinstance(content, bytes):
        weights.write_bytes(content)
    monkeypatch.setattr(model, "file", weights)
    model.forget()
    try:
        assert model.lifts(vector(*_GROUNDBREAKING)) is None
        page, _ = stage_evidence(*_GROUNDBREAKING) or pytest.fail("no evidence")
        view = amount_view(*_GROUNDBREAKING) or pytest.fail("no figure")
        assert (page.text if model is STAGE_WORDING else view.text) is None
        facts = extract_facts(*_GROUNDBREAKING)
        assert facts.stage == "开工" and facts.amount == 1.2e9
        assert model.without in caplog.text and model.name in caplog.text
    finally:
        monkeypatch.undo()
        model.forget()  # the next test reads the real file again
