"""How often two people labelling the same 新闻联播 paragraphs agree: the ceiling of bench/facts.py.

    python3 bench/facts_agreement.py

Some days were read twice by two helpers working apart (their ranges overlapped); the
second reading is kept in ``bench/data/facts/second/`` and never scored. For every
paragraph in both, this prints per field how often the labels agree: among all shared
paragraphs (a ``"?"`` on one side and a value on the other is a disagreement), and among
those both sides scored (neither said ``"?"``). An extractor cannot be measured more
finely than its labels agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "facts"
FIELDS = ("amount", "kind", "stage", "city")


def _items(paths: list[Path]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for path in paths for item in json.loads(path.read_text(encoding="utf-8"))["stories"]}


def _same(field: str, a: Any, b: Any) -> bool:
    if field == "amount" and isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 0.01 * max(abs(a), abs(b))  # bench/facts.py's ±1%
    return bool(a == b)


def main() -> None:
    gold = _items(sorted(DATA.glob("xwlb-*.json")))
    second = _items(sorted((DATA / "second").glob("xwlb-*.json")))
    shared = sorted(set(gold) & set(second))
    print(f"{len(shared)} paragraphs read twice ({len(second) - len(shared)} of the second reading are not in the gold)")
    if not shared:
        return
    whole = sum(all(_same(f, gold[i].get(f), second[i].get(f)) for f in FIELDS) for i in shared)
    print(f"  every field alike: {whole}/{len(shared)}")
    for field in FIELDS:
        alike = [i for i in shared if _same(field, gold[i].get(field), second[i].get(field))]
        scored = [i for i in shared if "?" not in (gold[i].get(field), second[i].get(field))]
        alike_scored = [i for i in scored if i in alike]
        print(f"  {field:7s} alike {len(alike)}/{len(shared)}; where neither said '?': {len(alike_scored)}/{len(scored)}")
    amounts = [i for i in shared if isinstance(gold[i].get("amount"), (int, float))
               or isinstance(second[i].get("amount"), (int, float))]
    alike = sum(_same("amount", gold[i].get("amount"), second[i].get("amount")) for i in amounts)
    print(f"  a project amount on either side: {len(amounts)} paragraphs, the same amount on both: {alike}")


if __name__ == "__main__":
    main()
