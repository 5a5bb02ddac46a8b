"""What a labelled amount matches, for every script that scores facts against the gold labels.

``bench/facts.py`` scores the extractor and ``bench/facts_agreement.py`` a second human reading the same way;
both ask this one function (stdlib only, so the agreement script runs without the project installed).
"""

from __future__ import annotations

from typing import Any, Optional


def same_amount(gold: dict[str, Any], value: Optional[float], currency: Optional[str]) -> bool:
    """Whether ``value`` in ``currency`` is the gold amount: the same currency (CNY when the label names
    none) and within ±1% of the gold figure."""
    if value is None or currency != (gold.get("currency") or "CNY"):
        return False
    want = float(gold["amount"])
    return abs(value - want) <= 0.01 * want
