"""Fit a wording model (facts/wording.py) for the trainer of the model that reads it: out of fold for every text, then
on them all (shared by bench/train_stage_model.py and bench/train_amount_model.py).

Each text's lifts come from a fit on the other files' texts (5 folds by file; a text copied into two files, a syndicated
page collected twice, is held out with either copy), so the reading model learns the trust a fresh page's wording
deserves, not the trust of a page the wording model has learnt by heart. The fit on all the texts is the file written
beside the reading model's weights, whole and then moved over the old one.
"""

from __future__ import annotations

import argparse
import json
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
        self.kept = False  # the prior's wording stands (keep): nothing fitted, its file copied beside the weights
        self.start_path = model.file  # the file a fine-tune's wording comes from (_start)
        self.tuned: dict[str, Any] = {}  # a tuned wording's penalty and start (record)

    def prepare(self, texts: list[Text], args: argparse.Namespace,
                label: Callable[[dict[str, Any]], Optional[str]]) -> None:
        """The trainer's wording: fitted afresh on ``texts``; for a fine-tune (``--prior``) the prior's own kept, or with
        ``--tune-wording L2`` fine-tuned from it (session 37: the seen pages of sessions 34 on had never reached it)."""
        if args.tune_wording is not None:
            if not args.prior:
                raise SystemExit("--tune-wording fine-tunes the prior's wording beside a fine-tune: give --prior too")
            if not 0 <= args.tune_wording < 1e6:
                raise SystemExit("--tune-wording is a penalty from 0 (towards the prior's wording)")
            self.start_path, start = self._start(args.prior)
            self.tuned = {"l2": args.tune_wording, "from": fingerprint(**start)}
            self.fit(texts, label, start=start, l2=args.tune_wording)
        elif args.prior:
            self.keep(texts, args.prior)
        else:
            self.fit(texts, label)

    def _start(self, prior: Path) -> tuple[Path, dict[str, np.ndarray]]:
        """The wording a fine-tune starts from: the file of the model's name beside ``prior`` (the prior's own wording),
        else the shipped one; exits with a sentence when it cannot be read, is unusable, or is not the wording the
        prior's weights name (their ``"wording"``: a tuned wording shipped since must not pass for the prior's)."""
        beside = prior.with_name(self.model.file.name)
        path = beside if beside.is_file() else self.model.file
        try:
            with np.load(path, allow_pickle=False) as doc:
                arrays = {name: doc[name] for name in ("weights", "bias", "classes", "prior")}
        except Exception as error:  # noqa: BLE001 — any unreadable file (missing, truncated) is one case
            raise SystemExit(f"{path}: the prior's wording cannot be read ({error}); a fine-tune needs it")
        problem = self.model.problem(**arrays)
        if problem is not None:
            raise SystemExit(f"{path}: the prior's wording is unusable ({problem})")
        named = json.loads(prior.read_text(encoding="utf-8")).get("wording")  # (model_fit read it as a weights file)
        if named is not None and named != fingerprint(**arrays):
            raise SystemExit(f"{path}: not the wording {prior.name} was fitted with; put that fit's "
                             f"{self.model.file.name} beside {prior}")
        return path, arrays

    def keep(self, texts: list[Text], prior: Path) -> None:
        """Keep the prior's wording model (a fine-tune from a prior, bench/model_fit.py; _start): each text's lifts are
        its, out of fold for pages it was not fitted on (a session's new pages)."""
        self.kept = True
        self.start_path, self.arrays = self._start(prior)
        a = self.arrays
        weights, bias, prior_shares = (a["weights"].astype(np.float32), a["bias"].astype(np.float32),
                                       a["prior"].astype(np.float32))
        classes = tuple(str(c) for c in a["classes"].tolist())
        vectors = [vector(*wording_text(*key(text), text.get("source", ""))) for _, text, _ in texts]
        for (_, text, _), lifts in zip(texts, lifts_of(vectors, weights, bias, classes, prior_shares)):
            if not all(np.isfinite(x) for _, x in lifts):
                raise SystemExit(f"{self.start_path}: the prior's wording gives no finite lift; a fine-tune needs it")
            self.lifts[key(text)] = lifts

    def fit(self, texts: list[Text], label: Callable[[dict[str, Any]], Optional[str]],
            start: Optional[dict[str, np.ndarray]] = None, l2: Optional[float] = None) -> None:
        """Fit on ``texts`` whose ``label(want)`` is one of the model's classes (None: not fitted; "" is the none
        class), progress on stderr; from ``start`` (the prior's arrays, _start) with the penalty ``l2`` towards them for a
        fine-tune, whose class shares stay the prior's (they stand for the texts of its first fit too)."""
        classes = self.model.classes
        if start is not None and tuple(str(c) for c in start["classes"]) != tuple(classes):
            raise SystemExit(f"{self.start_path}: the prior's wording has the model's classes in another order; fit it "
                             "afresh")
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
        parser.add_argument("--tune-wording", type=float, metavar="L2", help="with --prior: fine-tune the prior's "
                            "wording model (the file of its name beside --prior, else the shipped one) on the pages too, "
                            "from its weights and pulled towards them by L2, instead of keeping it")

    def record(self) -> dict[str, Any]:
        """What the reading model's weights file says of its wording: the fitted arrays' fingerprint, and for a
        fine-tuned wording its penalty and the fingerprint of the wording it started from."""
        return {"wording": self.fingerprint(), **({"wording_tuned": self.tuned} if self.tuned else {})}

    def fingerprint(self) -> str:
        """The fitted arrays' fingerprint (facts.wording.fingerprint), for the reading model's weights file."""
        return fingerprint(**self.arrays)

    def write(self, beside: Path) -> None:
        """Write the weights fitted on all the texts into ``beside``'s folder, under the model's file name; exit with a
        sentence (status 1) when they cannot be: the weights just written beside them expect them."""
        out = beside.with_name(self.model.file.name)
        if self.kept:  # (the prior's file stands; a fit written elsewhere gets its copy, so the pair stays whole)
            if out.resolve() != self.start_path.resolve():
                shutil.copyfile(self.start_path, out)
                print(f"wrote {out} (the prior's wording, kept)")
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
