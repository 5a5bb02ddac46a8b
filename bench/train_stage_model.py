"""Fit the stage model's weights (facts/stage_model.py) on labelled real pages; write facts/data/stage_model.json.

Usage::

    .venv/bin/python bench/train_stage_model.py TEXTS.jsonl … --out facts/data/stage_model.json   # fit, replace the weights
    .venv/bin/python bench/train_stage_model.py TEXTS.jsonl … --cv 5 --dry-run                     # cross-validated accuracy

``TEXTS.jsonl``: pages as bench/facts_pages.py reads them (``{"url", "title", "body"}``, the texts kept outside the
repository). Of the pages labelled in ``bench/data/facts/pages-session*.json`` only split ``seen`` is fitted (a held-out
page never is, so the held-out splits keep measuring fresh pages); a page's ``"want"`` key is its label when it has one
(a page of one's own, not in the repository's labels, is fitted with it). The repository's dev paragraphs
(``real-collected.json``, ``xwlb-*.json``) are fitted too unless ``--no-paragraphs``. A ``"?"`` stage is not fitted; nor
is a story whose stage the rules decide alone (``facts.stage_model.rules_decide``: short bodies, tallies).

The weights in the repository were fitted on the seen pages of sessions 22–26 (2,064 pages; their texts lived in
session 26's scratch, the JSONL files the weights file names) and the dev paragraphs; docs/facts.md "Session 24" to
"Session 26" have the figures.
Writing over them takes ``--out facts/data/stage_model.json`` said plainly, and a fit on the texts' pages (not the
paragraphs alone, unless ``--paragraphs-only``).

The model is a conditional logit over each page's candidates (its stage verbs and a no-stage answer), fitted as
bench/model_fit.py says (shared with bench/train_amount_model.py and bench/train_city_model.py).

Before it, the wording model (facts/stage_text.py: the stage the headline's and the lead's characters suggest, one
feature of the candidates) is fitted on the same texts: out of fold first (5 folds by file; each page's lifts come from a
fit that never saw its file, so the stage model learns the trust a fresh page's wording deserves), then on them all.
With ``--out`` its weights are written beside the stage model's (``stage_text_model.npz`` in the same folder). The
wording's fits take most of the run (about 50 s each on the ~3,500 texts of session 28, progress on stderr).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Optional

import numpy as np

from newsmon.facts import STAGES, stage_evidence, wording_text
from newsmon.facts import stage_text
from newsmon.facts.stage_model import WEIGHTS_FILE, candidate_features, no_stage_features, rules_decide, weights_problem

from model_fit import Model, Page, main  # (bench/ is this script's own folder on the path)

# The wording model's classes: the stages and no stage (stage_text.NO_STAGE).
_CLASSES = (stage_text.NO_STAGE, *STAGES)
# Folds of the wording's own fit: each page's wording probabilities come from a fit on the other files' pages (out of
# fold), so the stage model learns to trust the wording as much as it deserves on a page it never saw.
_WORDING_FOLDS = 5
_wording: dict[tuple[str, str], tuple[tuple[Optional[str], float], ...]] = {}
_fitted: dict[str, np.ndarray] = {}


def _prepare(texts: list[tuple[Path, dict[str, Any], dict[str, Any]]], args: argparse.Namespace) -> None:
    """Fit the wording model (facts/stage_text.py) out of fold for every text (its lifts: probabilities over the fold's
    class shares), and on them all for the file."""
    started = time.monotonic()
    labelled = [(file, text, want["stage"]) for file, text, want in texts if want.get("stage", "?") != "?"]
    read = {(text.get("title", ""), text.get("body", "")): wording_text(text.get("title", ""), text.get("body", ""))
            for _, text, _ in texts}
    vectors = {key: stage_text.vector(*value) for key, value in read.items()}
    files = sorted({file for file, _, _ in texts})
    random.Random(1).shuffle(files)
    folds = min(_WORDING_FOLDS, len(files))
    if folds < 2:
        print("the texts come from one file: no out-of-fold wording to fit the stage model with (it weighs the verbs "
              "alone)", file=sys.stderr)
    for k in range(folds if folds >= 2 else 0):
        held = set(files[k::folds])
        # A text copied into two files (a syndicated page collected twice) is held out with either copy.
        held_keys = {(t.get("title", ""), t.get("body", "")) for file, t, _ in texts if file in held}
        train = [(vectors[key], _CLASSES.index(stage or stage_text.NO_STAGE))
                 for key, stage in (((t.get("title", ""), t.get("body", "")), stage) for _, t, stage in labelled)
                 if key not in held_keys]
        w, b = stage_text.fit([v for v, _ in train], (y for _, y in train), len(_CLASSES))
        prior = stage_text.priors((y for _, y in train), len(_CLASSES))
        for key in held_keys:
            p = stage_text.softmax(stage_text.scores([vectors[key]], w, b)[0]) / prior
            _wording[key] = tuple(((c or None), float(x)) for c, x in zip(_CLASSES, p))
        print(f"wording fold {k + 1}/{folds} fitted ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    labels = [_CLASSES.index(stage or stage_text.NO_STAGE) for _, _, stage in labelled]
    w, b = stage_text.fit([vectors[(t.get("title", ""), t.get("body", ""))] for _, t, _ in labelled], labels,
                          len(_CLASSES))
    _fitted.update(weights=w.astype(np.float16), bias=b, classes=np.array(_CLASSES),
                   prior=stage_text.priors(labels, len(_CLASSES)))
    print(f"wording fitted on {len(labelled)} texts in {time.monotonic() - started:.0f} s", file=sys.stderr)


def _written(args: argparse.Namespace) -> None:
    """Write the wording model beside the stage model's weights (facts/data/stage_text_model.npz beside
    stage_model.json)."""
    out = args.out.with_name(stage_text.WEIGHTS_FILE.name)
    problem = stage_text.weights_problem(_fitted["weights"], _fitted["bias"], _fitted["classes"], _fitted["prior"])
    if problem is not None:
        print(f"{out} not written: {problem}", file=sys.stderr)
        return
    # Written whole, then moved over the old file: a process reading it meanwhile sees the old one or the new one.
    partial = out.with_name(out.name + ".partial")
    with partial.open("wb") as handle:
        np.savez_compressed(handle, weights=_fitted["weights"], bias=_fitted["bias"], classes=_fitted["classes"],
                            prior=_fitted["prior"])
    os.replace(partial, out)
    print(f"wrote {out}")


def _page(title: str, body: str, source: str, want: dict[str, Any]) -> Optional[Page]:
    stage = want.get("stage", "?")
    if stage == "?":
        return None
    evidence = stage_evidence(title, body, source)
    if evidence is None or rules_decide(evidence[0]):
        return None  # a nation-wide figure's story (no stage whatever the weights), one whose stage the rules decide
    page, found = evidence
    # The wording's out-of-fold lifts (_prepare), not the shipped wording model's (fitted on this very page).
    page = replace(page, text=_wording.get((title, body)))
    features = [no_stage_features(page, found)] + [candidate_features(c, page) for c in found]
    return features, [None] + [STAGES[c.stage] for c in found], stage, page.rule


MODEL = Model(name="stage", weights_file=WEIGHTS_FILE, module="facts/stage_model.py", page=_page,
              problem=weights_problem, fields=("stage",), prepare=_prepare, written=_written)


if __name__ == "__main__":
    sys.exit(main(MODEL, __doc__ or "", sys.argv[1:]))
