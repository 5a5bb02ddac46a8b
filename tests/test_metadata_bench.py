"""The metadata benchmark's scoring rules and the integrity of its hand-labelled gold file."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_metadata", ROOT / "bench" / "metadata.py")
assert _spec and _spec.loader
metadata = importlib.util.module_from_spec(_spec)
sys.modules["bench_metadata"] = metadata
_spec.loader.exec_module(metadata)


def test_title_exact_only_forgives_whitespace() -> None:
    assert metadata.same("title", "姚明对周琦说了啥？ 周琦", " 姚明对周琦说了啥？\u3000周琦\n")
    assert not metadata.same("title", "姚明对周琦说了啥？", "姚明对周琦说了啥？_网易新闻")
    assert not metadata.same("title", "姚明", None)


def test_title_lenient_ignores_punctuation_and_width() -> None:
    assert metadata.norm_lenient("Apple “iPhone 11”：发布") == metadata.norm_lenient("apple iPhone11:发布")
    assert metadata.norm_lenient("苹果发布") != metadata.norm_lenient("苹果发布会")


def test_authors_compare_as_name_sets() -> None:
    assert metadata.same("author", "段彦超 廖艳", "廖艳、段彦超")
    assert not metadata.same("author", "段彦超 廖艳", "段彦超")


def test_null_gold_counts_a_value_as_false() -> None:
    report = metadata.Report()
    page = metadata.GoldPage("x/1.html", "x", "", {"title": "标题", "date": None, "source": None,
                                                   "author": "张三"}, (), None)
    metadata.score_page(report, "newsmon", page, {"title": "标题", "date": "2020-01-01",
                                                  "source": None, "author": "张三"})
    date_tally = report.tally("newsmon", "x", "date")
    assert (date_tally.null_total, date_tally.null_right) == (1, 0)
    assert report.tally("newsmon", "all", "source").null_right == 1
    assert report.tally("newsmon", "x", "title").right == 1
    assert [e["field"] for e in report.errors] == ["date"]


def test_skipped_field_is_not_scored() -> None:
    report = metadata.Report()
    page = metadata.GoldPage("x/1.html", "x", "", {"title": "t", "date": None, "source": None,
                                                   "author": None}, ("source",), None)
    metadata.score_page(report, "newsmon", page, {"title": "t", "source": "网络"})
    assert ("newsmon", "x", "source") not in report.tallies


GOLD_FILES = [metadata.GOLD, *(path for path, _ in metadata.SAMPLES.values())]


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_gold_file_is_well_formed(gold_file: Path) -> None:
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    pages = data["pages"]
    assert len({p["path"] for p in pages}) == len(pages), "a page is labelled twice"
    for page in pages:
        assert page["set"] == page["path"].split("/")[0]
        assert page["title"] or "title" in page.get("skip", ()), page["path"]
        if page["date"] is not None:
            date.fromisoformat(page["date"])
            assert page["date_shown"] in {"text", "text-yearless", "meta", "url"}, page["path"]
        assert set(page.get("skip", ())) <= set(metadata.FIELDS)
        for name in ("title", "source", "author"):
            value = page[name]
            assert value is None or (value == value.strip() and not re.search(r"^(来源|作者)[：:]", value)), page["path"]
        if page["set"] == "collected":
            assert (metadata.COLLECTED / page["path"].removeprefix("collected/")).exists(), page["path"]


def test_error_classes_name_the_cause() -> None:
    assert metadata.error_class("date", "2019-11-18", "2019-11-19") == "off by one day (time zone)"
    assert metadata.error_class("date", "2019-11-18", "2019-09-06") == "another date of the page"
    assert metadata.error_class("date", None, "2019-09-06") == "value where the page shows none"
    assert metadata.error_class("title", "标题", "标题_网易新闻") == "extra text around the right value"
    assert metadata.error_class("title", "‘A,’ b", "'A,' b") == "punctuation/width only"
    assert metadata.error_class("author", "段彦超 廖艳", "段彦超") == "part of the value"
    assert metadata.error_class("source", "新京报", None) == "missed"


def test_chinese_pages_are_also_counted_together() -> None:
    report = metadata.Report()
    page = metadata.GoldPage("zh-news-pages/a/1.html", "zh-news-pages", "",
                             {"title": "标题", "date": None, "source": None, "author": None}, (), None)
    metadata.score_page(report, "newsmon", page, {"title": "标题"})
    assert report.tally("newsmon", "chinese-sets", "title").right == 1
    other = metadata.GoldPage("article-extraction/html/x.html.gz", "article-extraction", "",
                              {"title": "T", "date": None, "source": None, "author": None}, (), None)
    metadata.score_page(report, "newsmon", other, {"title": "T"})
    assert report.tally("newsmon", "chinese-sets", "title").total == 1
    assert report.tally("newsmon", "all", "title").total == 2


def test_samples_are_disjoint_from_the_gold_set_and_each_other() -> None:
    seen: dict[str, str] = {p["path"]: "gold" for p in json.loads(metadata.GOLD.read_text("utf-8"))["pages"]}
    for name, (path, role) in metadata.SAMPLES.items():
        assert role in {"dev", "held-out"}
        for page in json.loads(path.read_text("utf-8"))["pages"]:
            assert page["path"] not in seen, (page["path"], name, seen.get(page["path"]))
            seen[page["path"]] = name


def test_sample_pages_are_their_own_table() -> None:
    report = metadata.Report()
    name = next(n for n, (_, role) in metadata.SAMPLES.items() if role == "held-out")
    page = metadata.GoldPage("article-extraction/html/x.html.gz", "article-extraction", "",
                             {"title": "T", "date": None, "source": None, "author": None}, (), None,
                             sample=name)
    metadata.score_page(report, "newsmon", page, {"title": "U"})
    assert report.tally("newsmon", name, "title").total == 1
    assert ("newsmon", "all", "title") not in report.tallies
    assert ("newsmon", "article-extraction", "title") not in report.tallies
    assert not any(("newsmon", split, "title") in report.tallies for split in metadata.SPLITS)
    assert page.held_out and report.errors[0]["held_out"]
    assert not metadata.GoldPage("zh-news-pages/a/1.html", "zh-news-pages", "", {}, (), None).sample
