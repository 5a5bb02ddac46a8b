"""Fit the amount model's weights (facts/amount_model.py) on labelled real pages; write facts/data/amount_model.json.

Usage::

    .venv/bin/python bench/train_amount_model.py TEXTS.jsonl … --out facts/data/amount_model.json   # fit, replace the weights
    .venv/bin/python bench/train_amount_model.py TEXTS.jsonl … --cv 5 --dry-run                      # cross-validated accuracy

``TEXTS.jsonl``: pages as bench/facts_pages.py reads them (``{"url", "title", "body"}``, the texts kept outside the
repository). Of the pages labelled in ``bench/data/facts/pages-session*.json`` only split ``seen`` is fitted; a page's
own ``"want"`` is its label when it has one. Fitted: the pages where the rules find a figure and the label is either
that figure (keep it) or no amount (drop it); a page whose label is another figure is scored in cross-validation (the
amount is wrong whatever the model answers) but not fitted, nor is a ``"?"`` amount or a body the rules decide alone
(``facts.amount_model.rules_decide``). The repository's dev paragraphs are fitted too unless ``--no-paragraphs``.

The model is a logistic score of keeping the figure (a conditional logit over two answers: drop, keep), fitted as
bench/model_fit.py says (shared with bench/train_stage_model.py). ``--cut`` is the probability of a project's
investment below which the figure is dropped: cross-validation prints the figures at the cut given, so a run at a few
cuts shows what each trades (amounts lost against false amounts dropped).

Before it, the wording model (facts/wording.py's AMOUNT_WORDING: whether the headline's and the lead's characters read
as no amount, a project's investment or a roundup's total; one feature of the figure) is fitted on the same texts by
bench/wording_fit.py, out of fold first (5 folds by file), then on them all; with ``--out`` its weights are written
beside the amount model's (``amount_text_model.npz``). Its fits take most of the run (about 2 minutes).

The weights file names the texts it was fitted on (their texts live in the sessions' scratch); docs/facts.md "Session
25" to "Session 29" have the figures. Session 35 fine-tuned them from those weights (``--prior``: bench/model_fit.py) on
the 744 seen pages of sessions 34–35 (their texts in the sessions' scratch; the file records them under ``trained_on``,
the first fit under ``fine_tuned_from``); docs/facts.md "Session 35" has the figures. Session 64 tried a fine-tune again
(``--prior``) on the seen pages of sessions 63–64 and kept these weights: on 333 pages cross-validated it read 271–273
against their 272, and on fresh pages it traded right figures for dropped wrong ones; only the file's ``cut`` moved
(0.3 → 0.4, docs/facts.md "Session 64"). Writing over them takes ``--out facts/data/amount_model.json`` said plainly.
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from typing import Any, Optional

from newsmon.facts import InvestmentFacts, amount_view
from newsmon.facts.amount_model import WEIGHTS_FILE, amount_features, rules_decide, weights_problem
from newsmon.facts.wording import AMOUNT_WORDING, NONE

from model_fit import Model, Page, Text, main  # (bench/ is this script's own folder on the path)
from wording_fit import WordingFit
from facts_probe_check import wrong_fields  # (facts_pages put tests/ on the path: the one comparison of labels)

KEEP = "keep"
OTHER = "another figure"  # a label no candidate gives: scored, not fitted


# The wording model (facts/wording.py's AMOUNT_WORDING), fitted before the amount model: its out-of-fold lifts are the
# figure's wording feature.
_wording = WordingFit(AMOUNT_WORDING)


def _wording_class(want: dict[str, Any]) -> Optional[str]:
    """A label's wording class: no amount, a project's investment, a roundup's total (None: "?", not fitted)."""
    amount = want.get("amount", "?")
    return None if amount == "?" else NONE if amount is None else "roundup" if want.get("kind") == "roundup" else "project"


def _prepare(texts: list[Text], args: argparse.Namespace) -> None:
    # (a fine-tune keeps the prior's wording unless --tune-wording: bench/model_fit.py, bench/wording_fit.py)
    _wording.prepare(texts, args, _wording_class)


def _written(args: argparse.Namespace) -> None:
    _wording.write(args.out)  # (facts/data/amount_text_model.npz beside amount_model.json)


def _page(title: str, body: str, source: str, want: dict[str, Any]) -> Optional[Page]:
    amount = want.get("amount", "?")
    if amount == "?":
        return None
    view = amount_view(title, body, source)
    if view is None or rules_decide(view):
        return None  # no figure to weigh, or one the rules decide alone
    # The wording's out-of-fold lifts (_prepare), not the shipped wording model's (fitted on this very page).
    view = replace(view, text=_wording.lifts.get((title, body)))
    got = InvestmentFacts(amount=view.amount.value, currency=view.amount.currency, kind=view.amount.kind)
    right = not wrong_fields(got, {key: want[key] for key in ("amount", "currency", "kind") if key in want})
    label = KEEP if right else None if amount is None else OTHER
    return [{}, amount_features(view)], [None, KEEP], label, KEEP


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cut", type=float, default=0.3, help="drop the rules' figure when the model's probability "
                                                               "of a project's investment is below this (default: "
                                                               "%(default)s)")
    WordingFit.option(parser)


def _offset(args: argparse.Namespace) -> float:
    if not 0 < args.cut < 1:
        raise SystemExit("--cut is a probability between 0 and 1")  # (read before any page: no work lost)
    return math.log(args.cut / (1 - args.cut))


MODEL = Model(name="amount", weights_file=WEIGHTS_FILE, module="facts/amount_model.py", page=_page,
              problem=weights_problem, fields=("amount", "currency", "kind"), null_offset=_offset,
              extra=lambda args: {"cut": args.cut, **_wording.record()}, options=_options, prepare=_prepare,
              written=_written)


if __name__ == "__main__":
    sys.exit(main(MODEL, __doc__ or "", sys.argv[1:]))
