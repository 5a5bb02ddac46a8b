"""How a probe item's hand-decided answer is compared with the extractor's facts (tests and the lead's scripts).

``want`` holds any of amount, currency, kind, stage, city; a field left out or given as "?" is not scored. The
amount is right within 1%; the city is the first place's prefecture-level city (or municipality), compared
without its suffix (市, 地区, 盟, and 县 or 林区 of a province-administered county: "定安县" is "定安", "神农架林区" "神农架"): "南通" and "南通市" agree,
and so do "黔南" and "黔南布依族苗族自治州", "琼中" and "琼中黎族苗族自治县"."""
from __future__ import annotations

from typing import Any


def first_city(facts: Any) -> str | None:
    return next((p.city or p.province for p in facts.places if p.city or p.province.endswith("市")), None)


def wrong_fields(facts: Any, want: dict[str, Any]) -> list[str]:
    """The fields of ``want`` that ``facts`` gets wrong."""
    wrong = []
    amount = want.get("amount", "?")
    if amount != "?":
        if amount is None:
            if facts.amount is not None:
                wrong.append("amount")
        elif facts.amount is None or abs(facts.amount - amount) > 0.01 * amount:
            wrong.append("amount")
        else:
            for key in ("currency", "kind"):
                if want.get(key, "?") not in ("?", None) and getattr(facts, key) != want[key]:
                    wrong.append(key)
    if want.get("stage", "?") != "?" and facts.stage != want["stage"]:
        wrong.append("stage")
    city = want.get("city", "?")
    if city != "?":
        got = first_city(facts)
        if (city is None) != (got is None) or (city and got and not _same_city(got, city)):
            wrong.append("city")
    return wrong


def _same_city(got: str, city: str) -> bool:
    """"南通市" is "南通"; an autonomous prefecture, or a province-administered autonomous county, goes by its first
    characters ("黔南布依族苗族自治州", "黔南" or "黔南州"; "琼中黎族苗族自治县", "琼中")."""
    def bare(name: str) -> str:
        for suffix in ("市", "地区", "盟", "县", "林区"):  # a province-administered county: "定安县" is "定安"
            name = name.removesuffix(suffix)
        return name
    if bare(got) == bare(city):
        return True
    longer, shorter = (got, city) if len(got) > len(city) else (city, got)
    if longer.endswith("自治州") and not shorter.endswith("自治州"):
        shorter = shorter.removesuffix("州")  # the everyday short form: "黔西南州", "甘孜州"
    return longer.endswith(("自治州", "自治县")) and len(shorter) >= 2 and longer.startswith(bare(shorter))


def fitted_pages(trained_on: dict) -> int:
    """The pages a weights file's fits saw in all: a fine-tune's own (bench/model_fit.py --prior) and its priors'."""
    total = 0
    while isinstance(trained_on, dict):
        total += int(trained_on.get("pages", 0))
        trained_on = trained_on.get("fine_tuned_from")
    return total
