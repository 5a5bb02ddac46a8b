"""How often two people labelling the same 新闻联播 paragraphs agree: the ceiling of bench/facts.py.

    python3 bench/facts_agreement.py

Some days were read twice by two helpers working apart (their ranges overlapped, session 6), and
240 paragraphs drawn at random were read again blind from their stored text (session 15,
``second/xwlb-blind15-*.json``); the second readings are kept in ``bench/data/facts/second/`` and
are never part of the gold. For every paragraph in both, this prints per field how often the labels
agree: among all shared paragraphs (a ``"?"`` on one side and a value on the other is a
disagreement), and among those both sides scored (neither said ``"?"``); then, per group, the
second reading scored the way bench/facts.py scores the extractor, with the gold as gold. An
extractor cannot be measured more finely than its labels agree.

Real pages read twice (``second/pages-session*.json``: session 49's second reading of 150 seen pages, from their
texts kept outside the repository) are compared with their first labels (``pages-session*.json``) the same way, the
first reading as gold (a city by its short name: ``黔西南州`` is ``黔西南``).

It also compares the two readings of project names (``projects.json``, gold, against
``second/projects.json``): how many alike, how many alike where neither said ``"?"``, and how
many where one said ``"?"`` and the other gave a value (a name or ``null``). Only counts are
printed, never single labels, so that running it does not show one reader the other's names.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from facts_labels import same_amount  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "facts"
FIELDS = ("amount", "kind", "stage", "city")


def _items(paths: list[Path]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for path in paths for item in json.loads(path.read_text(encoding="utf-8"))["stories"]}


def _same(field: str, a: Any, b: Any) -> bool:
    if field == "amount" and isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 0.01 * max(abs(a), abs(b))  # bench/facts.py's ±1%
    return bool(a == b)


def _projects() -> None:
    gold_path, second_path = DATA / "projects.json", DATA / "second" / "projects.json"
    if not (gold_path.exists() and second_path.exists()):
        return
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["labels"]
    second = json.loads(second_path.read_text(encoding="utf-8"))["labels"]
    shared = sorted(set(gold) & set(second))
    print(f"project names: {len(shared)} items labelled by both")
    if not shared:
        return
    alike = [i for i in shared if gold[i] == second[i]]
    scored = [i for i in shared if "?" not in (gold[i], second[i])]
    print(f"  alike {len(alike)}/{len(shared)}; where neither said '?': {sum(i in alike for i in scored)}/{len(scored)}")
    one_unsure = [i for i in shared if (gold[i] == "?") != (second[i] == "?")]
    print(f"  one said '?' and the other gave a value: {len(one_unsure)}")
    # Both gave a name but not the same one: how many are the same phrase cut at another place
    # (one contains the other), the usual way two readers differ on where a name starts or ends.
    # Roundups are "?" on both sides by rule; the README's rules quote about 40 of the other items
    # as examples (phrases in backquotes), which the second reader read: both inflate agreement.
    stories = _items([DATA / "real-collected.json", *sorted(DATA.glob("xwlb-*.json"))])
    read = [i for i in shared if stories[i].get("kind") != "roundup"]
    quoted = _quoted()
    fresh = [i for i in read if not any(q in (stories[i].get("title") or "") + stories[i]["text"] for q in quoted)]
    for label, ids in (("not roundups", read), ("not roundups, not quoted in the rules", fresh)):
        both = [i for i in ids if "?" not in (gold[i], second[i])]
        print(f"  {label}: alike {sum(i in alike for i in ids)}/{len(ids)}; "
              f"where neither said '?': {sum(i in alike for i in both)}/{len(both)}")
    names = [i for i in scored if isinstance(gold[i], str) and isinstance(second[i], str) and i not in alike]
    nested = sum(gold[i] in second[i] or second[i] in gold[i] for i in names)
    print(f"  a name on both sides but not the same: {len(names)}, one containing the other: {nested}")


def _quoted() -> list[str]:
    """The example phrases of the README's project-name rules (5+ characters, no ellipsis)."""
    text = (DATA / "README.md").read_text(encoding="utf-8")
    start = text.index("## Project names (session 8)")
    section = text[start:text.index("**Counts**", start)]
    phrases = (p.strip("“”") for p in re.findall(r"`([^`]+)`", section))
    return [p for p in phrases if len(p) >= 5 and "…" not in p]


def main() -> None:
    _reading()
    _pages()
    _projects()


def _pages() -> None:
    """Real pages read twice: the second reading scored against the first (the gold)."""
    first = {story["url"]: story["want"] for path in sorted(DATA.glob("pages-session*.json"))
             for story in json.loads(path.read_text(encoding="utf-8"))["stories"]}
    second = {reading["url"]: reading["want"] for path in sorted((DATA / "second").glob("pages-session*.json"))
              for reading in json.loads(path.read_text(encoding="utf-8"))["readings"]}
    shared = sorted(set(first) & set(second))
    print(f"{len(shared)} real pages read twice")
    if not shared:
        return

    def short(city: Any) -> Any:  # a city by its first two characters, as the labels write it long or short
        return city[:2] if isinstance(city, str) and city not in ("", "?") else city

    _as_benchmark({u: {**first[u], "city": short(first[u].get("city"))} for u in shared},
                  {u: {**second[u], "city": short(second[u].get("city"))} for u in shared}, shared)


def _as_benchmark(gold: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]], ids: list[str]) -> None:
    """The second reading scored the way bench/facts.py scores the extractor, the gold reading as gold.

    A ``"?"`` of the second reader is no value (the extractor's None): it abstains as the extractor would. The
    gold's ``"?"`` is not scored, as in bench/facts.py. The figures are the score a careful human reader
    gets on the benchmark: how far above them a target can be met is a question for the labels, not the rules.
    """
    counts = {field: [0, 0] for field in ("amount", "no amount", "stage", "city")}
    for i in ids:
        want, got = gold[i], {k: (None if v == "?" else v) for k, v in second[i].items()}
        if want.get("amount") not in (None, "?"):
            counts["amount"][1] += 1
            value = got.get("amount")
            counts["amount"][0] += same_amount(want, value if isinstance(value, (int, float)) else None,
                                               got.get("currency") or "CNY")
        elif want.get("amount", "?") is None:
            counts["no amount"][1] += 1
            counts["no amount"][0] += got.get("amount") is None
        for field in ("stage", "city"):
            if want.get(field, "?") != "?":
                counts[field][1] += 1
                counts[field][0] += got.get(field) == want[field]
    print("    scored as bench/facts.py scores the extractor: " + ", ".join(
        f"{field} {ok}/{n} ({100 * ok / n:.1f}%)" if n else f"{field} -" for field, (ok, n) in counts.items()))


def _reading() -> None:
    gold = _items(sorted(DATA.glob("xwlb-*.json")))
    _overlap(gold, _items(sorted((DATA / "second").glob("xwlb-*.json"))),
             set(_items(sorted((DATA / "second").glob("xwlb-blind*.json")))))


def _overlap(gold: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]], read_blind: set[str]) -> None:
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
    # Days read twice by helpers whose ranges overlapped (session 6), and paragraphs drawn at random and
    # read blind from their stored text by a second reader (session 15: 120 with a project amount in the
    # gold, 120 without, so both sides of the amount are measured).
    blind = [i for i in shared if i in read_blind]
    for label, ids in (("whole days read twice", [i for i in shared if i not in blind]), ("paragraphs read blind", blind)):
        if ids:
            print(f"  {label}: {len(ids)}")
            _as_benchmark(gold, second, ids)


if __name__ == "__main__":
    main()
