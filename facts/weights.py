"""Reading a learned model's weights file (facts/data/*_model.json), shared by the stage, amount and city models.

A weights file is JSON: ``{"about", "trained_on", "fit", "weights": {feature name: number}, …}``, written by a
``bench/train_*_model.py`` script. A model reads it once; a missing or unusable file is logged once and the model
steps aside (the rules' answer stands), so a broken file never stops a story from being stored.
"""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

__all__ = ["load_weights", "score", "weights_problem"]

log = logging.getLogger(__name__)


def weights_problem(doc: Any, required: Iterable[str]) -> Optional[str]:
    """What makes a weights document unusable (one sentence), or None: a dict of finite numbers with the ``required``
    weights among them (an empty or partial file would answer the same for every story)."""
    weights = doc.get("weights") if isinstance(doc, dict) else None
    if not isinstance(weights, dict) or not weights:
        return "it has no weights"
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in weights.values()):
        return "a weight is not a finite number"
    missing = sorted(set(required) - set(weights))
    if missing:
        return f"the weight{'s' if len(missing) > 1 else ''} {', '.join(missing)} {'are' if len(missing) > 1 else 'is'} missing"
    return None


def load_weights(path: Path, problem: Callable[[Any], Optional[str]], what: str,
                 fallback: str) -> Optional[dict[str, Any]]:
    """The weights document (its ``weights`` as floats), or None when the file is missing or ``problem`` finds it
    unusable, with one warning: ``what``'s weights, the problem, and what decides instead (``fallback``: "stages come
    from the rules alone")."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        log.warning("%s weights %s unreadable (%s): %s", what, path, error, fallback)
        return None
    found = problem(doc)
    if found is not None:
        log.warning("%s weights %s unusable (%s): %s", what, path, found, fallback)
        return None
    return {**doc, "weights": {name: float(value) for name, value in doc["weights"].items()}}


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    """The candidate's score: its features' weighted sum (a feature the weights do not name counts nothing)."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())
