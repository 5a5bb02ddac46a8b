"""Score the investment facts on real pages whose text is kept outside the repository (no licence to store it).

Usage::

    .venv/bin/python bench/facts_pages.py TEXTS.jsonl [TEXTS.jsonl …]                  # per-field totals
    .venv/bin/python bench/facts_pages.py TEXTS.jsonl --split held-out                 # one split of the labels
    .venv/bin/python bench/facts_pages.py TEXTS.jsonl --split seen --show-errors       # each miss, want vs got

``TEXTS.jsonl``: one page per line, ``{"url": …, "title": …, "body": …}`` (``"source"``, the page's 来源 line, optional),
as the session's readers copied them from the search tool's pages corpus. The labels are joined by address from
``bench/data/facts/pages-session*.json`` (or taken from a ``"want"`` key of the line itself); the labelling rules are in
``bench/data/facts/README.md`` ("Real pages (session 19)" to "(session 23)"). A ``"?"`` label is not
scored. Misses of a held-out split are printed only when asked for by ``--show-errors`` together with ``--split`` naming
it: read held-out items and the split stops being held out.

Scores: ``amount`` right within 1% (with its currency and kind) over pages that state a project's investment, ``no
amount`` none where the label is null, ``stage`` equal, ``city`` the first place's prefecture-level city (suffix-free:
tests/facts_probe_check.py, the one comparison the tests use too). Pages with a project-name label (the ``projects``
key of a labels file, session 45 on, or a ``"project"`` key of the line itself with its ``"also"``) score ``project``
too: the name given equal to the label or one of its accepted forms (compared in simplified characters, without
spaces, quotes and brackets) over pages that name one project, with how many were given partly (one contains the
other), wrongly or not at all; and ``no project``: none given where the page names no single project.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from newsmon.facts import extract_facts
from newsmon.facts.script import simplified, without_glosses

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from facts_probe_check import first_city, wrong_fields  # noqa: E402  (one comparison for tests and benchmarks)

# A later session's label of a page wins: the files in the order of their session's number (session 100 after 99).
LABELS = sorted((ROOT / "bench" / "data" / "facts").glob("pages-session*.json"),
                key=lambda path: int(re.sub(r"\D", "", path.stem) or 0))
FIELDS = ("amount", "no amount", "stage", "city")


def labels() -> dict[str, dict[str, Any]]:
    """Every labelled page by address: its split, theme and ``want`` (a later session's label of a page wins)."""
    out: dict[str, dict[str, Any]] = {}
    for path in LABELS:
        for story in json.loads(path.read_text(encoding="utf-8"))["stories"]:
            out[story["url"]] = story
    return out


def read_texts(paths: list[Path]) -> list[dict[str, Any]] | None:
    """The pages of the JSONL files, in order (a line that is no JSON, or no object, said and skipped; a null title,
    body or 来源 line read as empty); None, said, when a file is missing (the texts live outside the repository)."""
    pages = []
    for path in paths:
        if not path.exists():
            print(f"{path}: no such file (the pages' texts are not in the repository: see the docstring)", file=sys.stderr)
            return None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                page = json.loads(line)
            except ValueError as error:
                print(f"{path}:{number}: not JSON ({error}); skipped", file=sys.stderr)
                continue
            if not isinstance(page, dict):
                print(f"{path}:{number}: not a page (a JSON object); skipped", file=sys.stderr)
                continue
            for key in ("title", "body", "source"):
                page[key] = page.get(key) or ""
            pages.append(page)
    return pages


def project_labels() -> dict[str, dict[str, Any]]:
    """Every project-name label by address (a later session's wins)."""
    out: dict[str, dict[str, Any]] = {}
    for path in LABELS:
        for label in json.loads(path.read_text(encoding="utf-8")).get("projects", []):
            out[label["url"]] = label
    return out


def _name(text: str) -> str:
    return re.sub(r"[\s“”\"'（）()《》]", "", simplified(without_glosses(text)))


def score_projects(pages: list[dict[str, Any]], known: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Counts of project names given right, partly, wrongly or not at all, and of pages naming none given none."""
    tally = dict.fromkeys(("right", "partly", "wrong", "none", "named", "no project", "unnamed"), 0)
    for page in pages:
        label = page if "project" in page else known.get(page.get("url", ""))  # a line's own label wins
        if label is None:
            continue
        got = extract_facts(page.get("title", ""), page.get("body", ""), page.get("source", "")).project
        if not label["project"]:
            tally["unnamed"] += 1
            tally["no project"] += got is None
            continue
        tally["named"] += 1
        forms = {_name(form) for form in [label["project"], *label.get("also", [])]}
        if got is None:
            tally["none"] += 1
        elif _name(got) in forms:
            tally["right"] += 1
        elif any(_name(got) in form or form in _name(got) for form in forms):
            tally["partly"] += 1
        else:
            tally["wrong"] += 1
    return tally


def score(pages: list[dict[str, Any]], show_errors: bool = False, portal: bool = False) -> dict[str, tuple[int, int]]:
    """Right and scored counts per field; ``portal``: each page's labelled portal is its site's configured place."""
    tally = {field: [0, 0] for field in FIELDS}
    for page in pages:
        want = page["want"]
        home = (want.get("portal") or "") if portal else ""
        facts = extract_facts(page.get("title", ""), page.get("body", ""), page.get("source", ""), home)
        wrong = wrong_fields(facts, want)
        amount = want.get("amount", "?")
        if amount != "?":
            field = "no amount" if amount is None else "amount"
            tally[field][1] += 1
            tally[field][0] += not {"amount", "currency", "kind"} & set(wrong)
        for field in ("stage", "city"):
            if want.get(field, "?") != "?":
                tally[field][1] += 1
                tally[field][0] += field not in wrong
        if wrong and show_errors:
            got = {"amount": facts.amount, "kind": facts.kind, "stage": facts.stage, "city": first_city(facts)}
            print(f"{page['url']}: {', '.join(wrong)}: want {json.dumps(want, ensure_ascii=False)} "
                  f"got {json.dumps(got, ensure_ascii=False)}")
    return {field: (ok, n) for field, (ok, n) in tally.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="+", type=Path, help="JSONL files of the pages' text (kept outside the repository)")
    parser.add_argument("--split", help="only pages labelled with this split (seen, held-out, held-out-b … held-out-e)")
    parser.add_argument("--show-errors", action="store_true", help="print each miss (held-out splits: only with --split)")
    parser.add_argument("--portal", action="store_true",
                        help="give each page its label's `portal` (the city or county whose portal published it) as the "
                             "site's configured `place:`, as a user's config would (labels from session 32 on)")
    args = parser.parse_args(argv)
    known = labels()
    texts = read_texts(args.texts)
    if texts is None:
        return 2
    pages, unlabelled = [], 0
    for page in texts:
        label = known.get(page.get("url", ""), {})
        page.setdefault("want", label.get("want"))
        page.setdefault("split", label.get("split"))
        if page["want"] is None:
            unlabelled += 1
            continue
        if args.split is None or page["split"] == args.split:
            pages.append(page)
    held_out = {page["split"] for page in pages if (page["split"] or "").startswith("held-out")}
    show = args.show_errors and (not held_out or args.split in held_out)
    if args.show_errors and not show:
        print("held-out pages are in the set: name their split with --split to list their misses", file=sys.stderr)
    for field, (ok, n) in score(pages, show, args.portal).items():
        print(f"{field:10s} {ok:4d}/{n:<4d} {100 * ok / n if n else 0:5.1f}%")
    named = score_projects(pages, project_labels())
    if named["named"] or named["unnamed"]:
        print(f"{'project':10s} {named['right']:4d}/{named['named']:<4d} {100 * named['right'] / max(named['named'], 1):5.1f}%"
              f"  (partly {named['partly']}, wrong {named['wrong']}, none {named['none']})")
        print(f"{'no project':10s} {named['no project']:4d}/{named['unnamed']:<4d} "
              f"{100 * named['no project'] / max(named['unnamed'], 1):5.1f}%")
    if unlabelled:
        print(f"{unlabelled} pages without labels skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
