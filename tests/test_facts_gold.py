"""The collected real paragraphs of the investment-facts gold set are well formed.

bench/facts.py scores them; this checks the file itself: every label is a value the
extractor can give (or "?" / absent), the id names the source line, the dev/held-out split
follows its rule, and ids are unique, so a hand edit that breaks the set fails here.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from newsmon.facts import CNY_RATES, STAGES

COLLECTED = Path(__file__).resolve().parent.parent / "bench" / "data" / "facts" / "real-collected.json"


def test_collected_paragraphs_are_well_formed() -> None:
    doc = json.loads(COLLECTED.read_text(encoding="utf-8"))
    stories = doc["stories"]
    assert doc["source"]["licence"].startswith("MIT")
    assert len({s["id"] for s in stories}) == len(stories)
    currencies = set(CNY_RATES) | {"CNY"}
    for s in stories:
        assert s["id"] == f"pd199801-L{s['line']}" and s["set"] == "real-collected"
        held_out = int(hashlib.sha1(s["id"].encode("utf-8")).hexdigest(), 16) % 3 == 0
        assert s["split"] == ("held-out" if held_out else "dev"), s["id"]
        assert s["text"].strip(), s["id"]
        if s["amount"] not in (None, "?"):
            assert s["amount"] >= 1e5 and s["currency"] in currencies, s["id"]
            assert s["kind"] in ("project", "roundup"), s["id"]
        assert s["stage"] in (None, "?") or s["stage"] in STAGES, s["id"]
        assert s.get("city", "?") == "?" or not s["city"].endswith("市"), s["id"]
    assert sum(1 for s in stories if s["amount"] not in (None, "?")) >= 39
