"""The list-page benchmark's scorer and its labels file (fast: no page is parsed)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Optional
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_links", ROOT / "bench" / "links.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_links"] = module
    spec.loader.exec_module(module)
    return module


links = _bench()


def _page(articles: list[str], next_page: Optional[str] = None, shape: str = "links") -> Any:
    return links.Page("p", "https://a.example/list/", shape, articles, next_page, b"")


def test_score_counts_hits_misses_and_extras_once_per_url() -> None:
    page = _page(["https://a.example/1.html", "https://a.example/2.html?b=2&a=1"], "https://a.example/list/index_1.html")
    reading = links.Reading(
        "links",
        ["https://a.example/2.html?a=1&b=2", "https://a.example/3.html", "https://a.example/3.html#top"],
        ["https://a.example/list/index_1.html"],
        1.0,
    )
    s = links.score_page(page, reading)
    assert (s.gold, s.found, s.tp) == (2, 2, 1)  # query order and fragments do not make new URLs
    assert s.missed == ["https://a.example/1.html"]
    assert s.extra == ["https://a.example/3.html"]
    assert s.precision == 0.5 and s.recall == 0.5
    assert s.next_right is True


def test_nothing_found_is_not_precise_and_next_page_counts_only_where_labelled() -> None:
    empty = links.score_page(_page(["https://a.example/1.html"]), links.Reading(None, [], ["https://a.example/x"], 0.0))
    assert empty.precision == 0.0 and empty.recall == 0.0
    assert empty.next_right is None  # no next page labelled: not in the accuracy, counted as a false next
    total = links.summarise([empty])
    assert total["with_next"] == 0 and total["next_false"] == 1 and total["next_accuracy"] is None
    wrong = links.score_page(_page([], "https://a.example/list/index_1.html"), links.Reading(None, [], [], 0.0))
    assert wrong.next_right is False and wrong.recall == 1.0


def test_summary_pools_links_micro_and_averages_pages() -> None:
    a = links.score_page(_page([f"https://a.example/{i}.html" for i in range(9)]),
                         links.Reading(None, [f"https://a.example/{i}.html" for i in range(9)], [], 0.0))
    b = links.score_page(_page(["https://a.example/x.html"]), links.Reading(None, ["https://a.example/y.html"], [], 0.0))
    total = links.summarise([a, b])
    assert total["recall"] == 0.9 and total["recall_mean"] == 0.5
    assert total["precision"] == 0.9 and total["precision_mean"] == 0.5


def test_labels_file_is_consistent() -> None:
    data = json.loads((ROOT / "bench" / "data" / "list-pages" / "labels.json").read_text(encoding="utf-8"))
    ids = [p["id"] for p in data["pages"]]
    assert len(ids) == len(set(ids))
    for page in data["pages"]:
        assert page["shape"] in links.SHAPES, page["id"]
        assert urlsplit(page["url"]).scheme in ("http", "https"), page["id"]
        for url in page["articles"] + ([page["next_page"]] if page["next_page"] else []):
            assert urlsplit(url).scheme in ("http", "https") and "#" not in url, (page["id"], url)
        assert len(page["articles"]) == len(set(page["articles"])), page["id"]
        assert page["source"] and page["licence"] and page["labelled"], page["id"]
        if not page["file"].startswith("shared:"):
            assert (ROOT / "bench" / "data" / "list-pages" / page["file"]).is_file(), page["id"]
