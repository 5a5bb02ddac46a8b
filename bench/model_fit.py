"""What the facts models' trainers share (bench/train_stage_model.py, bench/train_amount_model.py): reading the labelled
pages' texts, fitting a conditional logit, cross-validating it by file, writing the weights file.

A model is a conditional logit: each page's candidates (a null answer first, then the model's own: the stage verbs, or
keeping the rules' figure) share one softmax, and the weights maximise the probability of the labelled answer (summed
over the candidates that give it), with an L2 penalty. Hand-written with numpy (about 60 lines): a softmax over each
page's own, varying set of candidates is not what the common classifiers fit (one label per row), and numpy is already a
dependency. Deterministic: full-batch gradient descent from zero weights. Features seen on fewer than ``--min-pages``
training pages get no weight (a word written once must not decide).

``--prior WEIGHTS.json`` fine-tunes instead (session 35): the descent starts from a weights file of the same model (the
shipped one) and the L2 penalty pulls towards it, not towards zero, so a session's newly labelled pages move the weights
without the texts of the earlier fits (which are not kept: bench/data/facts/README.md). The prior's weights stand for the
pages and paragraphs it was fitted on, so the paragraphs are not read again, and a model's wording (facts/wording.py) is
the prior's own (the file of its name beside the prior, else the shipped one): kept, its weights give the pages' lifts
(the pages are new to it, so they are out-of-fold lifts, as a fit's own would be), or with ``--tune-wording`` fine-tuned
from it out of fold (bench/wording_fit.py, session 37).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import numpy as np

from newsmon.facts import FACTS_VERSION

from facts_pages import ROOT, labels  # the one reading of the labels (bench/ is the trainers' own folder on the path)

# features of each candidate (the null answer first), each candidate's answer, the label, the rules' own answer
Page = tuple[list[dict[str, float]], list[Optional[str]], Optional[str], Optional[str]]


class InputError(Exception):
    """A texts file that cannot be read (the message names the file and line)."""


def labelled_texts(paths: list[Path]) -> Iterator[tuple[Path, dict[str, Any], dict[str, Any]]]:
    """Each fitted page's text and label (``want``), with the file it came from. Of the pages labelled in
    ``bench/data/facts/pages-session*.json`` only split ``seen`` is fitted (a held-out page never is, so the held-out
    splits keep measuring fresh pages); a page of one's own, not in the repository's labels, is fitted with the
    ``"want"`` it carries (a labelled page's ``"want"`` in the texts file yields to the repository's label, which a
    later session may have corrected)."""
    known = labels()
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
            if label.get("split", "seen" if text.get("want") else None) != "seen":
                continue
            yield path, text, (label.get("want") or text.get("want") or {})  # (the repository's label: corrected ones too)


class Fit:
    """The pages as one matrix (a row per candidate), the weights fitted on them."""

    def __init__(self, pages: list[Page], min_pages: int, prior: Optional[dict[str, float]] = None) -> None:
        counts: dict[str, int] = {}
        for features, _, _, _ in pages:
            for name in {name for row in features for name in row}:
                counts[name] = counts.get(name, 0) + 1
        # (A prior's weights keep their say whether these pages show their features or not.)
        self.names = sorted({name for name, n in counts.items() if n >= min_pages} | set(prior or {}))
        self.prior = np.array([(prior or {}).get(name, 0.0) for name in self.names])
        self.in_prior = np.array([name in (prior or {}) for name in self.names], dtype=bool)
        index = {name: i for i, name in enumerate(self.names)}
        rows = [row for features, _, _, _ in pages for row in features]
        self.X = np.zeros((len(rows), len(self.names)))
        for r, row in enumerate(rows):
            for name, value in row.items():
                if name in index:
                    self.X[r, index[name]] = value
        self.starts = np.cumsum([0] + [len(features) for features, _, _, _ in pages[:-1]])
        self.gold = np.array([answer == want for _, answers, want, _ in pages for answer in answers], dtype=float)
        self.page_of = np.repeat(np.arange(len(pages)), [len(features) for features, _, _, _ in pages])
        self.reachable = np.add.reduceat(self.gold, self.starts) > 0  # the label is among the page's candidates

    def train(self, l2: float, iterations: int, rate: float, l2_new: Optional[float] = None) -> np.ndarray:
        """The weights, from the prior's (zero without one) and pulled towards them by the L2 penalty; ``l2_new`` (when
        given) pulls the features the prior has no weight for towards zero instead."""
        w = self.prior.copy()
        penalty = np.where(self.in_prior, l2, l2 if l2_new is None else l2_new)
        keep = self.reachable[self.page_of]
        n = self.reachable.sum()
        for _ in range(iterations):
            s = self.X @ w
            s = s - np.maximum.reduceat(s, self.starts)[self.page_of]
            e = np.exp(s)
            p = e / np.add.reduceat(e, self.starts)[self.page_of]
            q = p * self.gold
            q = q / np.maximum(np.add.reduceat(q, self.starts)[self.page_of], 1e-300)
            grad = self.X.T @ ((p - q) * keep) / n + penalty * (w - self.prior) / n
            w -= rate * grad
        return w


def choose(page: Page, weights: dict[str, float], null_offset: float) -> Optional[str]:
    """The page's answer under ``weights``: the best-scored candidate's (the null answer's score raised by
    ``null_offset``; ties go to the earlier candidate, the null answer first)."""
    features, answers, _, _ = page
    scores = [sum(weights.get(n, 0.0) * v for n, v in row.items()) for row in features]
    scores[0] += null_offset
    return answers[int(np.argmax(scores))]


@dataclass(frozen=True)
class Model:
    """What a trainer tells the shared fitting about its model."""

    name: str  # "stage", "amount"
    weights_file: Path
    module: str  # "facts/stage_model.py"
    page: Callable[[str, str, str, dict[str, Any]], Optional[Page]]  # (title, body, source, want) -> page or None
    problem: Callable[[Any], Optional[str]]  # the model's own check of a weights document
    fields: tuple[str, ...]  # the label's keys a dev paragraph of the repository gives the model ("stage")
    null_offset: Callable[[argparse.Namespace], float] = lambda args: 0.0  # added to the null answer's score
    extra: Callable[[argparse.Namespace], dict[str, Any]] = lambda args: {}  # more keys of the weights document
    options: Callable[[argparse.ArgumentParser], None] = lambda parser: None  # the model's own options
    # Called with every text the fit reads (the pages' and, unless --no-paragraphs, the paragraphs': file, text with
    # "title" and "body", label) before any page is read: a model that needs a fit of its own first (the stage model's
    # and the amount model's wording, facts/wording.py) makes it here.
    prepare: Optional[Callable[[list[tuple[Path, dict[str, Any], dict[str, Any]]], argparse.Namespace], None]] = None
    written: Callable[[argparse.Namespace], None] = lambda args: None  # called once the weights file is written


Text = tuple[Path, dict[str, Any], dict[str, Any]]  # the file, the text ("title", "body", "source"), the label


def read_pages(model: Model, texts: list[Text]) -> tuple[list[Page], list[str], list[str]]:
    """The fitted pages' features and labels, the file each came from (for folds) and its address (a paragraph's first
    characters)."""
    pages: list[Page] = []
    files: list[str] = []
    urls: list[str] = []
    for path, text, want in texts:
        page = model.page(text.get("title", ""), text.get("body", ""), text.get("source", ""), want)
        if page is not None:
            pages.append(page)
            files.append(str(path))
            # (A paragraph has no address: its first characters name it.)
            urls.append(str(text.get("url") or (text.get("title") or text.get("body", ""))[:40]))
    return pages, files, urls


# The labelled paragraphs stored in the repository (bench/facts.py's real-collected and real-xwlb sets): their dev
# split is fitted too, so the weights know that genre (national news paragraphs) as well as regional pages.
PARAGRAPHS = [ROOT / "bench" / "data" / "facts" / "real-collected.json",
              *sorted((ROOT / "bench" / "data" / "facts").glob("xwlb-*.json"))]


def paragraph_texts(fields: tuple[str, ...]) -> Iterator[Text]:
    """The repository's dev paragraphs as texts (``title``, ``body``) with their labels' ``fields`` (their held-out
    split is never fitted)."""
    for path in PARAGRAPHS:
        for story in json.loads(path.read_text(encoding="utf-8"))["stories"]:
            if story.get("split") != "dev" or "text" not in story:
                continue
            yield path, {"title": str(story.get("title", "")), "body": story["text"]}, \
                {key: story[key] for key in fields if key in story}


_NO_PAGES = ("no labelled page of split seen (or with its own want) in the texts: nothing to fit beside the paragraphs "
             "(--paragraphs-only fits them alone)")


def _prior(model: Model, path: Path) -> dict[str, Any]:
    """The weights document to fine-tune from; exits with a sentence when it is no usable weights file of the model."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SystemExit(f"--prior {path}: cannot be read as JSON ({getattr(error, 'strerror', None) or error})")
    problem = model.problem(doc)
    if problem is not None:
        raise SystemExit(f"--prior {path}: not a usable {model.name} model's weights ({problem})")
    return doc


def main(model: Model, doc: str, argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
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
    parser.add_argument("--misses", type=Path, help="with --cv: write each page the cross-validated model answers "
                                                    "wrongly to this JSONL file (file, url or a paragraph's first "
                                                    "characters, label, model's and rules' answers), to read what it "
                                                    "misses")
    parser.add_argument("--prior", type=Path, help="fine-tune: start from this weights file of the model (its shipped "
                                                   f"{model.weights_file.name}) and pull the fit towards it, not towards "
                                                   "zero; the paragraphs are not read again (they are in the prior) "
                                                   "and a model's wording is the prior's, kept unless --tune-wording")
    parser.add_argument("--l2-new", type=float, help="with --prior: the L2 penalty (towards zero) of the features the "
                                                     "prior has no weight for (default: --l2, towards the prior's zero)")
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights file")
    parser.add_argument("--out", type=Path, help=f"where to write the weights (the model reads {model.weights_file})")
    model.options(parser)
    args = parser.parse_args(argv)
    if args.cv and args.cv < 2 or args.cv < 0:
        parser.error("--cv needs at least 2 folds")
    if args.misses and not args.cv:
        parser.error("--misses needs --cv (the misses are the cross-validated model's)")
    if args.misses:
        try:  # (before minutes of fitting: a path that cannot be written is said at once)
            args.misses.write_text("", encoding="utf-8")
        except OSError as error:
            parser.error(f"--misses {args.misses}: cannot be written ({error.strerror or error})")
    if args.iterations < 1 or not 0 < args.rate < 10 or not 0 <= args.l2 < 1e6 or args.min_pages < 1:
        parser.error("--iterations and --min-pages are at least 1, --rate between 0 and 10, --l2 from 0")
    if args.l2_new is not None and not (args.prior and 0 <= args.l2_new < 1e6):
        parser.error("--l2-new is a penalty from 0, for a fine-tune (--prior)")
    if args.out is None and not args.dry_run:
        parser.error(f"say where the weights go: --out {model.weights_file.relative_to(ROOT)} replaces the model's, "
                     "or --dry-run")
    if args.out is not None and not args.out.parent.is_dir():
        # (checked before the fit: a minute's work then lost to a typo in the folder)
        parser.error(f"--out {args.out}: the folder {args.out.parent} does not exist")
    offset = model.null_offset(args)
    prior_doc = _prior(model, args.prior) if args.prior else None
    prior = prior_doc["weights"] if prior_doc else None
    if prior_doc is not None and args.paragraphs_only:
        parser.error("--prior fine-tunes on pages: the paragraphs are in the prior already")
    missing = [str(p) for p in args.texts if not p.is_file()]
    if missing:
        print(f"{', '.join(missing)}: no such file (the pages' texts are not in the repository)", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        page_texts = list(labelled_texts(args.texts))  # (read once: a model's prepare and its pages read the same)
    except InputError as error:
        print(error, file=sys.stderr)
        return 2
    paragraphs = [] if args.no_paragraphs or prior else list(paragraph_texts(model.fields))
    if not page_texts and not args.paragraphs_only:
        print(_NO_PAGES, file=sys.stderr)  # (before a prepare's fit on the paragraphs alone)
        return 2
    if model.prepare is not None:
        model.prepare(page_texts + paragraphs, args)
    pages, files, urls = read_pages(model, page_texts)
    if not pages and not args.paragraphs_only:
        print(_NO_PAGES, file=sys.stderr)
        return 2
    more, their_files, their_urls = read_pages(model, paragraphs)
    pages, files, urls, kinds = (pages + more, files + their_files, urls + their_urls,
                                 ["pages"] * len(pages) + ["paragraphs"] * len(more))
    if not pages:
        print("nothing to fit", file=sys.stderr)
        return 2
    print(f"{len(pages)} pages read in {time.monotonic() - started:.0f} s", file=sys.stderr)
    # Each step moves a weight by rate × l2 / pages of its distance to the prior: from 1 it overshoots the prior, above 2
    # the descent diverges (weights of 1e80, no error), so the fit is refused from 1 before it starts (a fold has fewer
    # pages still; the pages whose label no candidate gives count too, so the bound is a little loose).
    strongest = max(args.l2, args.l2_new or 0.0)
    fewest = len(pages) * (args.cv - 1) // args.cv if args.cv else len(pages)
    if args.rate * strongest >= fewest:
        print(f"--rate {args.rate} with an L2 penalty of {strongest:g} over {fewest} pages would diverge: lower --rate "
              f"below {fewest / strongest:.3g}", file=sys.stderr)
        return 2
    if args.cv:
        names = sorted(set(files))
        if len(names) < args.cv:
            print(f"--cv {args.cv}: only {len(names)} files to fold by", file=sys.stderr)
            return 2
        random.Random(1).shuffle(names)
        tally = {kind: [0, 0, 0, 0, 0] for kind in ("pages", "paragraphs")}  # model right, rules right, scored, won, lost
        misses: list[dict[str, Any]] = []
        for k in range(args.cv):
            held = set(names[k::args.cv])
            fitted = Fit([p for p, f in zip(pages, files) if f not in held], args.min_pages, prior)
            weights = dict(zip(fitted.names, fitted.train(args.l2, args.iterations, args.rate, args.l2_new)))
            for page, f, url, kind in zip(pages, files, urls, kinds):
                if f in held:
                    counts = tally[kind]
                    answer = choose(page, weights, offset)
                    model_right, rules_right = answer == page[2], page[3] == page[2]
                    if not model_right:
                        misses.append({"file": f, "url": url, "label": page[2], "model": answer, "rules": page[3]})
                    counts[0] += model_right
                    counts[1] += rules_right
                    counts[2] += 1
                    counts[3] += model_right and not rules_right
                    counts[4] += rules_right and not model_right
        for kind, (right, rules, n, won, lost) in tally.items():
            if n:
                print(f"cross-validated ({args.cv} folds by file), {n} {kind}: model {right} right "
                      f"({100 * right / n:.1f}%), the rules alone {rules} ({100 * rules / n:.1f}%); the model mends "
                      f"{won} and breaks {lost}")
        if args.misses:
            args.misses.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses), encoding="utf-8")
            print(f"wrote {args.misses} ({len(misses)} misses)", file=sys.stderr)
    if prior:
        before = sum(choose(page, prior, offset) == page[2] for page in pages)
        print(f"the prior's weights: {before} right on these pages ({100 * before / len(pages):.1f}%)")
    fit = Fit(pages, args.min_pages, prior)
    w = fit.train(args.l2, args.iterations, args.rate, args.l2_new)
    weights = dict(zip(fit.names, w))
    right = sum(choose(page, weights, offset) == page[2] for page in pages)
    print(f"fitted on {len(pages)} pages ({int(fit.reachable.sum())} with the label among their candidates): "
          f"{right} right on them ({100 * right / len(pages):.1f}%)")
    if args.dry_run:
        return 0
    doc_out = {
        "about": f"{model.module}'s weights, written by bench/train_{model.name}_model.py",
        "trained_on": {"pages": len(pages), "files": sorted({Path(f).name for f in files}),
                       "labels": "bench/data/facts/pages-session*.json (split seen) and the repository's dev "
                                 "paragraphs", "facts_version": FACTS_VERSION,
                       # (a fine-tune's pages are its own; the prior's record says what the prior was fitted on)
                       **({"fine_tuned_from": prior_doc.get("trained_on")} if prior_doc else {})},
        "fit": {"l2": args.l2, **({"l2_new": args.l2_new} if args.l2_new is not None else {}),
                "iterations": args.iterations, "rate": args.rate, "min_pages": args.min_pages,
                **({"prior_fit": prior_doc.get("fit")} if prior_doc else {})},
        **model.extra(args),
        "weights": dict(sorted((name, round(float(v), 4)) for name, v in zip(fit.names, w) if round(float(v), 4) != 0)),
    }
    problem = model.problem(doc_out)
    if problem is not None:
        print(f"not written: {problem} (try fewer --min-pages, more --iterations or a smaller --rate)", file=sys.stderr)
        return 1
    # Written whole, then moved over the old file: a process reading it meanwhile sees the old weights or the new.
    partial = args.out.with_name(args.out.name + ".partial")
    partial.write_text(json.dumps(doc_out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(partial, args.out)
    print(f"wrote {args.out} ({len(doc_out['weights'])} weights)")
    model.written(args)
    return 0
