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

The weights in the repository were fitted on the seen pages of sessions 22–24 (1,080 pages; their texts lived in
session 24's scratch, the JSONL files the weights file names) and the dev paragraphs; docs/facts.md "Session 24" has the figures.
Writing over them takes ``--out facts/data/stage_model.json`` said plainly, and a fit on the texts' pages (not the
paragraphs alone, unless ``--paragraphs-only``).

The model is a conditional logit: each page's candidates (its stage verbs and a no-stage answer) share one softmax,
and the weights maximise the probability of the labelled stage (summed over the verbs that name it), with an L2
penalty. Hand-written with numpy (about 60 lines): a softmax over each page's own, varying set of candidates is not
what the common classifiers fit (one label per row), and numpy is already a dependency. Deterministic: full-batch
gradient descent from zero weights. Features seen on fewer than ``--min-pages`` training pages get no weight (a verb
written once must not decide a stage).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Optional

import numpy as np

from newsmon.facts import FACTS_VERSION, STAGES, stage_evidence
from newsmon.facts.stage_model import WEIGHTS_FILE, candidate_features, no_stage_features, rules_decide, weights_problem

from facts_pages import labels  # the one reading of the labels (bench/ is this script's own folder on the path)

ROOT = Path(__file__).resolve().parent.parent
# The labelled paragraphs stored in the repository (bench/facts.py's real-collected and real-xwlb sets): their dev
# split is fitted too, so the weights know that genre (national news paragraphs) as well as regional pages.
PARAGRAPHS = [ROOT / "bench" / "data" / "facts" / "real-collected.json",
              *sorted((ROOT / "bench" / "data" / "facts").glob("xwlb-*.json"))]

# features of each candidate (the no-stage answer first), each candidate's stage, the label, the rules' own stage
Page = tuple[list[dict[str, float]], list[Optional[str]], Optional[str], Optional[str]]


class InputError(Exception):
    """A texts file that cannot be read (the message names the file and line)."""


def read_pages(paths: list[Path]) -> tuple[list[Page], list[str]]:
    """The fitted pages' features and labels, and the file each came from (for folds)."""
    known = labels()
    pages: list[Page] = []
    files: list[str] = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: cannot be read ({error})") from error
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                text = json.loads(line)
            except ValueError as error:
                raise InputError(f"{path}:{number}: not JSON ({error})") from error
            if not isinstance(text, dict) or not all(isinstance(text.get(key, ""), str) for key in ("url", "title", "body",
                                                                                                 "source")):
                raise InputError(f"{path}:{number}: not a page (a JSON object with url, title, body as text)")
            label = known.get(text.get("url", ""), {})
            # A page labelled in the repository is fitted only when seen (held-out splits keep measuring fresh
            # pages); a page of one's own is fitted with the "want" it carries.
            if label.get("split", "seen" if text.get("want") else None) != "seen":
                continue
            want = (text.get("want") or label.get("want") or {}).get("stage", "?")
            if want == "?":
                continue
            page = _page(text.get("title", ""), text.get("body", ""), text.get("source", ""), want)
            if page is not None:
                pages.append(page)
                files.append(str(path))
    return pages, files


def read_paragraphs() -> tuple[list[Page], list[str]]:
    """The repository's dev paragraphs with a stage label, as pages (their held-out split is never fitted)."""
    pages: list[Page] = []
    files: list[str] = []
    for path in PARAGRAPHS:
        for story in json.loads(path.read_text(encoding="utf-8"))["stories"]:
            if story.get("split") != "dev" or story.get("stage", "?") == "?" or "text" not in story:
                continue
            page = _page(str(story.get("title", "")), story["text"], "", story["stage"])
            if page is not None:
                pages.append(page)
                files.append(str(path))
    return pages, files


def _page(title: str, body: str, source: str, want: Optional[str]) -> Optional[Page]:
    evidence = stage_evidence(title, body, source)
    if evidence is None or rules_decide(evidence[0]):
        return None  # a nation-wide figure's story (no stage whatever the weights), one whose stage the rules decide
    page, found = evidence
    features = [no_stage_features(page, found)] + [candidate_features(c, page) for c in found]
    return features, [None] + [STAGES[c.stage] for c in found], want, page.rule


class Fit:
    """The pages as one matrix (a row per candidate), the weights fitted on them."""

    def __init__(self, pages: list[Page], min_pages: int) -> None:
        counts: dict[str, int] = {}
        for features, _, _, _ in pages:
            for name in {name for row in features for name in row}:
                counts[name] = counts.get(name, 0) + 1
        self.names = sorted(name for name, n in counts.items() if n >= min_pages)
        index = {name: i for i, name in enumerate(self.names)}
        rows = [row for features, _, _, _ in pages for row in features]
        self.X = np.zeros((len(rows), len(self.names)))
        for r, row in enumerate(rows):
            for name, value in row.items():
                if name in index:
                    self.X[r, index[name]] = value
        self.starts = np.cumsum([0] + [len(features) for features, _, _, _ in pages[:-1]])
        self.gold = np.array([stage == want for _, stages, want, _ in pages for stage in stages], dtype=float)
        self.page_of = np.repeat(np.arange(len(pages)), [len(features) for features, _, _, _ in pages])
        self.reachable = np.add.reduceat(self.gold, self.starts) > 0  # the label is among the page's candidates

    def train(self, l2: float, iterations: int, rate: float) -> np.ndarray:
        w = np.zeros(len(self.names))
        keep = self.reachable[self.page_of]
        n = self.reachable.sum()
        for _ in range(iterations):
            s = self.X @ w
            s = s - np.maximum.reduceat(s, self.starts)[self.page_of]
            e = np.exp(s)
            p = e / np.add.reduceat(e, self.starts)[self.page_of]
            q = p * self.gold
            q = q / np.maximum(np.add.reduceat(q, self.starts)[self.page_of], 1e-300)
            grad = self.X.T @ ((p - q) * keep) / n + l2 * w / n
            w -= rate * grad
        return w

    def predict(self, w: np.ndarray, pages: list[Page]) -> list[Optional[str]]:
        s = self.X @ w
        out = []
        for page, start in enumerate(self.starts):
            stages = pages[page][1]
            out.append(stages[int(np.argmax(s[start:start + len(stages)]))])
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="*", type=Path, help="JSONL files of the pages' text (kept outside the "
                                                            "repository)")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights, divided by the number of "
                                                              "pages fitted (default: %(default)s)")
    parser.add_argument("--iterations", type=int, default=400, help="gradient steps (default: %(default)s)")
    parser.add_argument("--rate", type=float, default=0.5, help="step size (default: %(default)s)")
    parser.add_argument("--min-pages", type=int, default=5, help="a feature seen on fewer fitted pages gets no weight "
                                                                 "(default: %(default)s)")
    parser.add_argument("--cv", type=int, default=0, help="also print K-fold accuracy, K >= 2 (folds by file: pages of "
                                                          "one collection stay together, as fresh pages would come)")
    parser.add_argument("--no-paragraphs", action="store_true", help="fit the pages alone, not the repository's "
                                                                       "dev paragraphs")
    parser.add_argument("--paragraphs-only", action="store_true", help="allow a fit without pages (the repository's "
                                                                         "paragraphs alone)")
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights file")
    parser.add_argument("--out", type=Path, help=f"where to write the weights (the model reads {WEIGHTS_FILE})")
    args = parser.parse_args(argv)
    if args.cv and args.cv < 2 or args.cv < 0:
        parser.error("--cv needs at least 2 folds")
    if args.iterations < 1 or not 0 < args.rate < 10 or not 0 <= args.l2 < 1e6 or args.min_pages < 1:
        parser.error("--iterations and --min-pages are at least 1, --rate between 0 and 10, --l2 from 0")
    if args.out is None and not args.dry_run:
        parser.error(f"say where the weights go: --out {WEIGHTS_FILE.relative_to(ROOT)} replaces the model's, or "
                     "--dry-run")
    missing = [str(p) for p in args.texts if not p.is_file()]
    if missing:
        print(f"{', '.join(missing)}: no such file (the pages' texts are not in the repository)", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        pages, files = read_pages(args.texts)
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    if not pages and not args.paragraphs_only:
        print("no labelled page of split seen (or with its own want) in the texts: nothing to fit beside the "
              "paragraphs (--paragraphs-only fits them alone)", file=sys.stderr)
        return 2
    kinds = ["pages"] * len(pages)
    if not args.no_paragraphs:
        more, their_files = read_paragraphs()
        pages, files, kinds = pages + more, files + their_files, kinds + ["paragraphs"] * len(more)
    if not pages:
        print("nothing to fit", file=sys.stderr)
        return 2
    print(f"{len(pages)} pages read in {time.monotonic() - started:.0f} s", file=sys.stderr)
    if args.cv:
        names = sorted(set(files))
        if len(names) < args.cv:
            print(f"--cv {args.cv}: only {len(names)} files to fold by", file=sys.stderr)
            return 2
        random.Random(1).shuffle(names)
        tally = {kind: [0, 0, 0] for kind in ("pages", "paragraphs")}  # model right, rules right, scored
        for k in range(args.cv):
            held = set(names[k::args.cv])
            train = [p for p, f in zip(pages, files) if f not in held]
            test = [(p, kind) for p, f, kind in zip(pages, files, kinds) if f in held]
            fitted = Fit(train, args.min_pages)
            w = fitted.train(args.l2, args.iterations, args.rate)
            index = {name: i for i, name in enumerate(fitted.names)}  # the test pages scored with the fitted names
            for (features, stages, want, rule), kind in test:
                scores = [sum(w[index[n]] * v for n, v in row.items() if n in index) for row in features]
                counts = tally[kind]
                counts[0] += stages[int(np.argmax(scores))] == want
                counts[1] += rule == want
                counts[2] += 1
        for kind, (model, rules, n) in tally.items():
            if n:
                print(f"cross-validated ({args.cv} folds by file), {n} {kind}: model {model} right "
                      f"({100 * model / n:.1f}%), the rules alone {rules} ({100 * rules / n:.1f}%)")
    fit = Fit(pages, args.min_pages)
    w = fit.train(args.l2, args.iterations, args.rate)
    right = sum(got == page[2] for got, page in zip(fit.predict(w, pages), pages))
    print(f"fitted on {len(pages)} pages ({int(fit.reachable.sum())} with the label among their candidates): "
          f"{right} right on them ({100 * right / len(pages):.1f}%)")
    if args.dry_run:
        return 0
    doc = {
        "about": "facts/stage_model.py's weights, written by bench/train_stage_model.py",
        "trained_on": {"pages": len(pages), "files": sorted({Path(f).name for f in files}),
                       "labels": "bench/data/facts/pages-session*.json (split seen) and the repository's dev "
                                 "paragraphs", "facts_version": FACTS_VERSION},
        "fit": {"l2": args.l2, "iterations": args.iterations, "rate": args.rate, "min_pages": args.min_pages},
        "weights": dict(sorted((name, round(float(v), 4)) for name, v in zip(fit.names, w) if round(float(v), 4) != 0)),
    }
    problem = weights_problem(doc)
    if problem is not None:
        print(f"not written: {problem} (try fewer --min-pages, more --iterations or a smaller --rate)", file=sys.stderr)
        return 1
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(doc['weights'])} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
