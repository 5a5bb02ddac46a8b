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
Session 35 fine-tuned them from those weights (``--prior``: bench/model_fit.py) on the 744 seen pages of sessions 34–35
(their texts in the sessions' scratch; the file records them under ``trained_on``, the first fit under
``fine_tuned_from``); docs/facts.md "Session 35" has the figures.
Writing over them takes ``--out facts/data/stage_model.json`` said plainly, and a fit on the texts' pages (not the
paragraphs alone, unless ``--paragraphs-only``).

The model is a conditional logit over each page's candidates (its stage verbs and a no-stage answer), fitted as
bench/model_fit.py says (shared with bench/train_amount_model.py and bench/train_city_model.py).

Before it, the wording model (facts/wording.py's STAGE_WORDING: the stage the headline's and the lead's characters
suggest, one feature of the candidates) is fitted on the same texts by bench/wording_fit.py: out of fold first (5 folds
by file; each page's lifts come from a fit that never saw its file, so the stage model learns the trust a fresh page's
wording deserves), then on them all.
With ``--out`` its weights are written beside the stage model's (``stage_text_model.npz`` in the same folder). The
wording's fits take most of the run (about 50 s each on the ~3,500 texts of session 28, progress on stderr).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any, Optional

from newsmon.facts import STAGES, stage_evidence
from newsmon.facts.wording import NONE, STAGE_WORDING
from newsmon.facts.stage_model import WEIGHTS_FILE, candidate_features, no_stage_features, rules_decide, weights_problem

from model_fit import Model, Page, Text, main  # (bench/ is this script's own folder on the path)
from wording_fit import WordingFit

# The wording model (facts/wording.py's STAGE_WORDING), fitted before the stage model: its out-of-fold lifts are the
# candidates' wording feature.
_wording = WordingFit(STAGE_WORDING)


def _prepare(texts: list[Text], args: argparse.Namespace) -> None:
    # (a fine-tune keeps the prior's wording unless --tune-wording: bench/model_fit.py, bench/wording_fit.py)
    _wording.prepare(texts, args, lambda want: None if want.get("stage", "?") == "?" else want["stage"] or NONE)


def _written(args: argparse.Namespace) -> None:
    _wording.write(args.out)  # (facts/data/stage_text_model.npz beside stage_model.json)


def _page(title: str, body: str, source: str, want: dict[str, Any]) -> Optional[Page]:
    stage = want.get("stage", "?")
    if stage == "?":
        return None
    evidence = stage_evidence(title, body, source)
    if evidence is None or rules_decide(evidence[0]):
        return None  # a nation-wide figure's story (no stage whatever the weights), one whose stage the rules decide
    page, found = evidence
    # The wording's out-of-fold lifts (_prepare), not the shipped wording model's (fitted on this very page).
    page = replace(page, text=_wording.lifts.get((title, body)))
    features = [no_stage_features(page, found)] + [candidate_features(c, page) for c in found]
    return features, [None] + [STAGES[c.stage] for c in found], stage, page.rule


MODEL = Model(name="stage", weights_file=WEIGHTS_FILE, module="facts/stage_model.py", page=_page,
              problem=weights_problem, fields=("stage",), prepare=_prepare, written=_written, options=WordingFit.option,
              extra=lambda args: _wording.record())  # (the wording these weights were fitted with)


if __name__ == "__main__":
    sys.exit(main(MODEL, __doc__ or "", sys.argv[1:]))
