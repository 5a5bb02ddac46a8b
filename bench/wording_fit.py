"""Fit a wording model (facts/wording.py) for the trainer of the model that reads it: out of fold for every text, then
on them all (shared by bench/train_stage_model.py and bench/train_amount_model.py).

Each text's lifts come from a fit on the other files' texts (5 folds by file; a text copied into two files, a syndicated
page collected twice, is held out with either copy), so the reading model learns the trust a fresh page's wording
deserves, not the trust of a page the wording model has learnt by heart. The fit on all the texts is the file written
beside the reading model's weights, whole and then moved over the old one.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np

from newsmon.facts import wording_text
from newsmon.facts.wording import Lifts, WordingModel, fingerprint, fit, lifts_of, priors, vector

from model_fit import Text  # (bench/ is the trainers' own folder on the path)

Key = tuple[str, str]  # a text's title and body as the texts file has them
FOLDS = 5


def key(text: dict[str, Any]) -> Key:
    return text.get("title", ""), text.get("body", "")


class WordingFit:
    """One wording model's fits: ``lifts[key]`` out of fold for every text, ``arrays`` fitted on all (to write)."""

    def __init__(self, model: WordingModel) -> None:
        self.model = model
        self.lifts: dict[Key, Lifts] = {}
        self.arrays: dict[str, np.ndarray] = {}
        self.kept = False  # the shipped weights stand (keep): nothing fitted, nothing written

    def prepare(self, texts: list[Text], args: argparse.Namespace,
                label: Callable[[dict[str, Any]], Optional[str]]) -> None:
        """The trainer's wording: fitted afresh on ``texts``; for a fine-tune (``--prior``) the shipped one kept, or with
        ``--tune-wording L2`` fine-tuned from it (session 37: the seen pages of sessions 34 on had never reached it)."""
        if args.tune_wording is not None:
            if not args.prior:
                raise SystemExit("--tune-wording fine-tunes the shipped wording beside a fine-tune: give --prior too")
            self.fit(texts, label, start=self._shipped(), l2=args.tune_wording)
        elif args.prior:
            self.keep(texts)
        else:
            self.fit(texts, label)

    def _shipped(self) -> dict[str, np.ndarray]:
        """The shipped wording's arrays; exits with a sentence when they cannot be read (a fine-tune needs them)."""
        try:
            with np.load(self.model.file, allow_pickle=False) as doc:
                return {name: doc[name] for name in ("weights", "bias", "classes", "prior")}
        except Exception as error:  # noqa: BLE001 — any unreadable file (missing, truncated) is one case
            raise SystemExit(f"{self.model.file}: the shipped wording cannot be read ({error}); a fine-tune needs it")

    def keep(self, texts: list[Text]) -> None:
        """Keep the shipped wording model (a fine-tune from a prior, bench/model_fit.py): each text's lifts are the
        shipped model's, out of fold for pages it was not fitted on (a session's new pages); exits with a sentence when
        the shipped weights are unusable (the reading model's prior was fitted with them)."""
        self.kept = True
        self.arrays = self._shipped()
        for _, text, _ in texts:
            lifts = self.model.lifts(vector(*wording_text(*key(text), text.get("source", ""))))
            if lifts is None:
                raise SystemExit(f"{self.model.file}: the shipped wording is unusable (see the log); a fine-tune needs it")
            self.lifts[key(text)] = lifts

    def fit(self, texts: list[Text], label: Callable[[dict[str, Any]], Optional[str]],
            start: Optional[dict[str, np.ndarray]] = None, l2: Optional[float] = None) -> None:
        """Fit on ``texts`` whose ``label(want)`` is one of the model's classes (None: not fitted; "" is the none
        class), progress on stderr; from ``start`` (the shipped arrays) with the penalty ``l2`` towards them for a
        fine-tune, whose class shares stay the shipped ones (they stand for the texts of its first fit too)."""
        classes = self.model.classes
        if start is not None and tuple(str(c) for c in start["classes"]) != tuple(classes):
            raise SystemExit(f"{self.model.file}: the shipped wording's classes are not the model's; fit it afresh")
        tuned = {} if start is None else {"start": (start["weights"], start["bias"]), "l2": l2}
        started = time.monotonic()
        labelled = [(file, text, classes.index(name)) for file, text, want in texts
                    if (name := label(want)) is not None and name in classes]
        vectors = {key(text): vector(*wording_text(*key(text), text.get("source", ""))) for _, text, _ in texts}
        files = sorted({file for file, _, _ in texts})
        random.Random(1).shuffle(files)
        folds = min(FOLDS, len(files))
        if folds < 2:
            print(f"the texts come from one file: no out-of-fold wording to fit with ({self.model.without})",
                  file=sys.stderr)
        for k in range(folds if folds >= 2 else 0):
            held = set(files[k::folds])
            held_keys = {key(text) for file, text, _ in texts if file in held}
            train = [(vectors[key(text)], y) for _, text, y in labelled if key(text) not in held_keys]
            w, b = fit([v for v, _ in train], (y for _, y in train), len(classes), **tuned)
            prior = priors((y for _, y in train), len(classes)) if start is None else start["prior"]
            held_list = sorted(held_keys)
            self.lifts.update(zip(held_list, lifts_of([vectors[k] for k in held_list], w, b, classes, prior)))
            print(f"{self.model.name}: fold {k + 1}/{folds} fitted ({time.monotonic() - started:.0f} s)",
                  file=sys.stderr)
        labels = [y for _, _, y in labelled]
        w, b = fit([vectors[key(text)] for _, text, _ in labelled], labels, len(classes), **tuned)
        self.arrays = {"weights": w.astype(np.float16), "bias": b, "classes": np.array(classes),
                       "prior": priors(labels, len(classes)) if start is None else start["prior"]}
        print(f"{self.model.name}: fitted on {len(labelled)} texts in {time.monotonic() - started:.0f} s",
              file=sys.stderr)

    @staticmethod
    def option(parser: argparse.ArgumentParser) -> None:
        """The trainers' option for the wording's fine-tune."""
        parser.add_argument("--tune-wording", type=float, metavar="L2", help="with --prior: fine-tune the shipped "
                            "wording model on the pages too (from its weights, pulled towards them by L2) instead of "
                            "keeping it")

    def fingerprint(self) -> str:
        """The fitted arrays' fingerprint (facts.wording.fingerprint), for the reading model's weights file."""
        return fingerprint(**self.arrays)

    def write(self, beside: Path) -> None:
        """Write the weights fitted on all the texts into ``beside``'s folder, under the model's file name; exit with a
        sentence (status 1) when they cannot be: the weights just written beside them expect them."""
        out = beside.with_name(self.model.file.name)
        if self.kept:  # (the shipped file stands; a fit written elsewhere gets its copy, so the pair stays whole)
            if out.resolve() != self.model.file.resolve():
                shutil.copyfile(self.model.file, out)
                print(f"wrote {out} (the shipped wording, kept)")
            return
        a = self.arrays
        problem = self.model.problem(a["weights"], a["bias"], a["classes"], a["prior"])
        if problem is not None:
            raise SystemExit(f"{out} not written: {problem}; {beside.name} expects it (fit again)")
        # Written whole, then moved over the old file: a process reading it meanwhile sees the old one or the new one.
        partial = out.with_name(out.name + ".partial")
        try:
            with partial.open("wb") as handle:
                np.savez_compressed(handle, weights=a["weights"], bias=a["bias"], classes=a["classes"], prior=a["prior"])
            os.replace(partial, out)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise SystemExit(f"{out} not written ({error.strerror or error}); {beside.name} expects it (fit again)")
        print(f"wrote {out}")
