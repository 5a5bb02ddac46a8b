"""Investment facts benchmark: amount, stage, city and industry against hand labels.

Usage::

    .venv/bin/python bench/facts.py                 # per-set table
    .venv/bin/python bench/facts.py --show-errors   # every mismatch, gold vs got (held-out ones: --show-held-out)
    .venv/bin/python bench/facts.py --json
    .venv/bin/python bench/facts.py --files 'xwlb-2019*' 'xwlb-2026050*'   # some collected files alone

Gold: ``bench/data/facts/gold.json`` (rules and sources in ``bench/data/facts/README.md``).
Set ``real``: pages of the shared benchmark sets (``../shared`` beside the checkout, or
``$NEWSMON_SHARED``), text taken with ``newsmon.crawler.extract``; set ``fixture``: the
fixture portal's stories (``newsmon/portal/articles.json``); set ``real-collected``: real
newspaper paragraphs stored with their labels in ``bench/data/facts/real-collected.json``
(title empty, the paragraph as body); set ``real-xwlb``: real 新闻联播 paragraphs in
``bench/data/facts/xwlb-*.json`` (a 快讯 item keeps its own headline; from two copies of the
transcripts, DuckBurnIncense/xin-wen-lian-bo and, since session 9, china-data/xwlb for 2019–2022). Both are also
scored per split (``<set>/dev`` and ``<set>/held-out``; method changes are designed on dev
errors only, so held-out mismatches are listed only with ``--show-held-out``). A label ``"?"`` is not scored; a
missing key is not labelled.

Scores, each over the stories labelled for the field:

* ``amount``: stated investment equal within ±1% (yuan-equivalent, same currency), over
  stories whose gold states one; ``no amount``: extractor gives none where gold is null.
* ``stage``: equal (null = null counts).
* ``city``: the first place's city (``places[0].city``, province-level municipalities as
  themselves) equals the gold city.
* ``project``: the project's name exactly as labelled (``bench/data/facts/projects.json``, the
  real paragraphs that report a project fact; null = null counts).
* ``industry``: micro precision / recall of tags.
"""

from __future__ import annotations

import argparse
from fnmatch import fnmatch
import json
import os
import sys
from pathlib import Path
from typing import Any, Optional

from newsmon.crawler.extract import extract
from newsmon.facts import InvestmentFacts, extract_facts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from facts_labels import same_amount  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "data" / "facts" / "gold.json"
COLLECTED = ROOT / "bench" / "data" / "facts" / "real-collected.json"
# Every xwlb-*.json: the 新闻联播 paragraphs, one file per collector's range of days (merged without conflicts).
XWLB = sorted((ROOT / "bench" / "data" / "facts").glob("xwlb-*.json"))
FIXTURE = ROOT / "newsmon" / "portal" / "articles.json"
PROJECTS = ROOT / "bench" / "data" / "facts" / "projects.json"
FIELDS = ("amount", "no amount", "stage", "city", "project")


def shared_dir() -> Path:
    """``$NEWSMON_SHARED`` or ``../shared`` beside the repository."""
    env = os.environ.get("NEWSMON_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def _fixture_texts() -> dict[str, tuple[str, str]]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    texts: dict[str, tuple[str, str]] = {}
    for site in ("liaoning-invest", "shenyang-gov", "dongbei-news"):  # the labelled sites
        for item in data[site]:
            key = item.get("id") or item.get("slug")
            name = f"fixture-{key}" if site == "liaoning-invest" else f"fixture-{site}-{key}"
            texts[name] = (str(item["title"]), "\n".join(item["paragraphs"]))
    return texts


def _real_text(path: str) -> Optional[tuple[str, str]]:
    file = shared_dir() / path
    if not file.exists():
        return None
    article = extract(file.read_bytes(), url="http://127.0.0.1/")
    return str(article.title or ""), str(article.body or "")


def _city(facts: InvestmentFacts) -> Optional[str]:
    for place in facts.places:
        if place.city:
            return place.city.removesuffix("市")
        if place.province.endswith("市"):  # 北京市, 上海市 …: the municipality is the city
            return place.province.removesuffix("市")
    return None


def _same_amount(gold: dict[str, Any], facts: InvestmentFacts) -> bool:
    return same_amount(gold, facts.amount, facts.currency)


def _text(gold: dict[str, Any], fixture: dict[str, tuple[str, str]]) -> Optional[tuple[str, str]]:
    if gold["set"] == "fixture":
        return fixture.get(gold["id"])
    if "text" in gold:  # a collected paragraph: its own headline only where it has one (a 快讯 item)
        return str(gold.get("title", "")), str(gold["text"])
    return _real_text(gold["path"])


def score(stories: list[dict[str, Any]], held_out_errors: bool = False) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Per-set (and per set/split) counters and error lines."""
    fixture = _fixture_texts()
    sets: dict[str, dict[str, Any]] = {}
    errors: list[str] = []
    for gold in stories:
        text = _text(gold, fixture)
        if text is None:
            print(f"skipped {gold['id']}: its page is not there", file=sys.stderr)
            continue
        facts = extract_facts(*text)
        names = [gold["set"]] + ([f"{gold['set']}/{gold['split']}"] if "split" in gold else [])
        counters = [sets.setdefault(name, {k: [0, 0] for k in FIELDS}
                                    | {"tags": [0, 0, 0], "stories": 0}) for name in names]
        listed = gold.get("split") != "held-out" or held_out_errors
        label = text[0][:40] or text[1][:40]
        for s in counters:
            s["stories"] += 1

        def check(field: str, ok: bool, want: Any, got: Any) -> None:
            for s in counters:
                s[field][1] += 1
                s[field][0] += ok
            if not ok and listed:
                errors.append(f"{gold['id']} {field}: gold {want!r} got {got!r}  [{label}]")

        if "amount" in gold and gold["amount"] != "?":
            if gold["amount"] is None:
                check("no amount", facts.amount is None, None, facts.amount_text)
            else:
                check("amount", _same_amount(gold, facts), gold["amount"], (facts.amount, facts.amount_text))
        if "stage" in gold and gold["stage"] != "?":
            check("stage", facts.stage == gold["stage"], gold["stage"], facts.stage)
        if "city" in gold and gold["city"] != "?":
            got = _city(facts)
            check("city", got == gold["city"], gold["city"], got)
        if "project" in gold and gold["project"] != "?":
            check("project", facts.project == gold["project"], gold["project"], facts.project)
        if "industry" in gold:
            want, got_tags = set(gold["industry"]), set(facts.industry)
            for s in counters:
                s["tags"][0] += len(want & got_tags)
                s["tags"][1] += len(got_tags)
                s["tags"][2] += len(want)
            if want != got_tags and listed:
                errors.append(f"{gold['id']} industry: gold {sorted(want)} got {sorted(got_tags)}")
    return sets, errors


def summary(sets: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Share and counts per field and set."""
    out: dict[str, dict[str, Any]] = {}
    for name, s in sets.items():
        row: dict[str, Any] = {"stories": s["stories"]}
        for field in FIELDS:
            ok, n = s[field]
            row[field] = {"ok": ok, "n": n, "share": round(ok / n, 3) if n else None}
        hit, got, want = s["tags"]
        row["industry"] = {"precision": round(hit / got, 3) if got else None,
                           "recall": round(hit / want, 3) if want else None, "tags": want}
        out[name] = row
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-errors", action="store_true", help="list every mismatch (dev only)")
    parser.add_argument("--show-held-out", action="store_true", help="also list held-out mismatches")
    parser.add_argument("--files", nargs="+", metavar="GLOB",
                        help="score only the collected files whose names match (e.g. 'xwlb-2019*'): a round of data alone")
    args = parser.parse_args()
    if args.files:
        stories = [item for path in (COLLECTED, *XWLB) if any(fnmatch(path.name, glob) for glob in args.files)
                   for item in json.loads(path.read_text(encoding="utf-8"))["stories"]]
    else:
        stories = json.loads(GOLD.read_text(encoding="utf-8"))["stories"]
        for collected in (COLLECTED, *XWLB):
            if collected.exists():
                stories += json.loads(collected.read_text(encoding="utf-8"))["stories"]
    if PROJECTS.exists():  # project names, labelled apart (session 8)
        names = json.loads(PROJECTS.read_text(encoding="utf-8"))["labels"]
        stories = [{**gold, "project": names[gold["id"]]} if gold["id"] in names else gold for gold in stories]
    sets, errors = score(stories, held_out_errors=args.show_held_out)
    result = summary(sets)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(f"{'set':23} {'stories':>7} {'amount':>12} {'no amount':>12} {'stage':>12} {'city':>12} {'project':>12}"
              f" {'ind P/R':>12}")
        for name, row in result.items():
            cells = []
            for field in FIELDS:
                c = row[field]
                cells.append(f"{c['ok']}/{c['n']}" if c["n"] else "-")
            ind = row["industry"]
            pr = f"{ind['precision']}/{ind['recall']}" if ind["tags"] else "-"
            print(f"{name:23} {row['stories']:>7} " + " ".join(f"{c:>12}" for c in cells) + f" {pr:>12}")
    if args.show_errors or args.show_held_out:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
