"""The stage wording model (session 28): a linear classifier over the characters of a story's headline and lead, one
more feature of the stage model.

Its worth is measured on real pages (bench/train_stage_model.py's cross-validation, held-out N: docs/facts.md "Session
28"); these tests hold the mechanism: the features are the same in every process, bounded by the text read, the fit
learns what its labels say, the shipped file is usable and the stage model reads it, and a missing or broken file
leaves the stage to the stage model without the wording.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from newsmon.facts import extract_facts, stage_evidence
from newsmon.facts import stage_text
from newsmon.facts.stage_text import BUCKETS, NO_STAGE, WEIGHTS_FILE, fit, lifts, priors, scores, softmax, vector

_GROUNDBREAKING = ("某县年产10万吨新材料项目开工",
                   "3月18日上午，某县年产10万吨新材料项目开工仪式在县经济开发区举行。该项目总投资12亿元，占地200亩。\n"
                   "项目建成后，预计年产值可达20亿元，实现税收1亿元，带动就业500人。\n县委书记出席仪式并宣布项目开工。\n"
                   "该项目是今年全县招引的重点产业项目，从签约到开工仅用时3个月。")  # (long enough for the weights to decide)


def test_characters_utf_8_cannot_encode_are_read_too() -> None:
    columns, _ = vector("某项目开工", "某县某项目今天开工\ud800，总投资10亿元。")
    assert len(columns) > 10
    assert extract_facts("", "\n" * 600 + "某县某项目今天开工\ud800，总投资10亿元。").stage == "开工"


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


def test_the_shipped_model_is_usable_and_the_stage_model_reads_it() -> None:
    with np.load(WEIGHTS_FILE, allow_pickle=False) as doc:
        assert stage_text.weights_problem(doc["weights"], doc["bias"], doc["classes"], doc["prior"]) is None
        assert NO_STAGE in doc["classes"].tolist() and "开工" in doc["classes"].tolist()
        prior = dict(zip([c or None for c in doc["classes"].tolist()], doc["prior"].tolist()))
    found = lifts(*_GROUNDBREAKING) or pytest.fail("no wording model")
    # Lifts are probabilities over the classes' shares: times the shares they sum to one.
    assert abs(sum(found[c] * prior[c] for c in found) - 1) < 1e-3 and max(found, key=lambda s: found[s]) == "开工"
    page, _ = stage_evidence(*_GROUNDBREAKING) or pytest.fail("no evidence")
    assert page.text is not None and dict(page.text)["开工"] == pytest.approx(found["开工"])


@pytest.mark.parametrize("content", [b"", b"not a numpy file", "truncated", "a bare array", "wrong shape",
                                     "a class renamed", "text for numbers"])
def test_a_missing_or_broken_wording_file_leaves_the_stage_to_the_verbs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, content: object) -> None:
    weights = tmp_path / "stage_text_model.npz"
    with np.load(WEIGHTS_FILE, allow_pickle=False) as doc:
        shipped = {name: doc[name] for name in doc.files}
    if content == "wrong shape":
        np.savez_compressed(weights, weights=np.zeros((10, 3), dtype=np.float16), bias=np.zeros(3),
                            classes=np.array([NO_STAGE, "签约", "开工"]), prior=np.full(3, 1 / 3))
    elif content == "truncated":
        weights.write_bytes(WEIGHTS_FILE.read_bytes()[:50_000])
    elif content == "a bare array":
        with weights.open("wb") as handle:
            np.save(handle, shipped["weights"])
    elif content == "a class renamed":
        np.savez_compressed(weights, **{**shipped, "classes": np.array([c.replace("竣工", "完工") for c in shipped["classes"]])})
    elif content == "text for numbers":
        np.savez_compressed(weights, **{**shipped, "prior": np.array(["x"] * len(shipped["prior"]))})
    elif content:
        weights.write_bytes(content)  # type: ignore[arg-type]
    monkeypatch.setattr(stage_text, "WEIGHTS_FILE", weights)
    stage_text._model.cache_clear()
    try:
        assert lifts(*_GROUNDBREAKING) is None
        page, _ = stage_evidence(*_GROUNDBREAKING) or pytest.fail("no evidence")
        assert page.text is None and extract_facts(*_GROUNDBREAKING).stage == "开工"
        assert "stages are weighed without the wording" in caplog.text
    finally:
        stage_text._model.cache_clear()  # the next test reads the real file again
