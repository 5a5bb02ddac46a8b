"""Fit the city model's weights (facts/city_model.py) on labelled real pages; write facts/data/city_model.json.

Usage::

    .venv/bin/python bench/train_city_model.py TEXTS.jsonl … --out facts/data/city_model.json   # fit, replace the weights
    .venv/bin/python bench/train_city_model.py TEXTS.jsonl … --cv 5 --dry-run                    # cross-validated accuracy

``TEXTS.jsonl``: pages as bench/facts_pages.py reads them (``{"url", "title", "body"}``, the texts kept outside the
repository). Of the pages labelled in ``bench/data/facts/pages-session*.json`` only split ``seen`` is fitted; a page's
own ``"want"`` is its label when it has one. Fitted: pages whose rules' places name a city and whose label is one of
those cities or none; a page labelled with a city the rules did not find is scored in cross-validation (the city is
wrong whatever the model answers) but not fitted, nor is a ``"?"`` city or a body the rules decide alone. A city named
only as a home (city_model.only_home) is no candidate, as choose_places does not weigh it: a label naming it is scored
as another city's. The repository's dev paragraphs with a city label (``real-collected.json``, ``xwlb-*.json``: bench/model_fit.py) are fitted
too unless ``--no-paragraphs``.

The model is a conditional logit over the story's cities and a no-city answer, fitted as bench/model_fit.py says
(shared with bench/train_stage_model.py and bench/train_amount_model.py).

The weights in the repository were fitted on the seen pages of sessions 22–26 (1,914 pages with cities; their texts lived in session 26's
scratch, the JSONL files the weights file names) and the dev paragraphs; docs/facts.md "Session 25" and "Session 26" have the figures.
Session 35 fine-tuned them from those weights (``--prior``: bench/model_fit.py) on the 744 seen pages of sessions 34–35
(their texts in the sessions' scratch; the file records them under ``trained_on``, the first fit under
``fine_tuned_from``); docs/facts.md "Session 35" has the figures.
Writing over them takes ``--out facts/data/city_model.json`` said plainly.
"""

from __future__ import annotations

import sys
from typing import Any, Optional

from newsmon.facts import InvestmentFacts, city_evidence
from newsmon.facts.city_model import (WEIGHTS_FILE, candidate_features, no_city_features, only_home, rules_decide,
                                      weights_problem)
from newsmon.facts.places import Place

from model_fit import Model, Page, main  # (bench/ is this script's own folder on the path)
from facts_probe_check import wrong_fields  # (facts_pages put tests/ on the path: the one comparison of labels)

OTHER = "another city"  # a label no candidate gives: scored, not fitted


def _page(title: str, body: str, source: str, want: dict[str, Any]) -> Optional[Page]:
    city = want.get("city", "?")
    if city == "?":
        return None
    title, body, found = city_evidence(title, body, source)
    if rules_decide(body, found):
        return None  # no city to weigh, or a body the rules decide alone
    weighed = [c for c in found if not only_home(c)]  # (as choose_places weighs them; found[0] keeps its features)
    names: list[Optional[str]] = [None] + [c.city for c in weighed]
    label: Optional[str] = None
    if city is not None:
        # The label's city among the candidates, by the comparison the scorer uses ("南通" is "南通市").
        label = next((c.city for c in weighed if not wrong_fields(InvestmentFacts(places=(Place("", c.city, ""),)),
                                                                   {"city": city})), OTHER)
    features = [no_city_features(title, body, found)] + [candidate_features(c, found) for c in weighed]
    return features, names, label, found[0].city


MODEL = Model(name="city", weights_file=WEIGHTS_FILE, module="facts/city_model.py", page=_page,
              problem=weights_problem, fields=("city",))


if __name__ == "__main__":
    sys.exit(main(MODEL, __doc__ or "", sys.argv[1:]))
