"""The Scrapy settings a persistent worker builds once and copies per crawl (crawler/settings.py)."""

from __future__ import annotations

import copy

from scrapy.settings import BaseSettings

from newsmon.config import CrawlSettings
from newsmon.crawler.settings import ReusableSettings, reusable_settings


def _snapshot(settings: BaseSettings) -> dict[str, tuple[object, int]]:
    out: dict[str, tuple[object, int]] = {}
    for name, attribute in settings.attributes.items():
        value = attribute.value
        out[name] = (_snapshot(value) if isinstance(value, BaseSettings) else value, attribute.priority)
    return out


def test_copy_equals_deepcopy_and_shares_nothing_mutable() -> None:
    original = reusable_settings(CrawlSettings(), time_limit=60)
    fast, slow = original.copy(), copy.deepcopy(original)
    assert isinstance(fast, ReusableSettings)
    assert _snapshot(fast) == _snapshot(slow) == _snapshot(original)
    assert fast.getfloat("CLOSESPIDER_TIMEOUT") == 60.0
    # What a crawler does to its copy stays in that copy.
    fast.set("DOWNLOAD_DELAY", 9.0, "spider")
    fast["DOWNLOADER_MIDDLEWARES"].set("x.Y", 1, "spider")
    fast["DOWNLOAD_SLOTS"]["h"] = {"delay": 1}
    fast.freeze()
    assert original.getfloat("DOWNLOAD_DELAY") != 9.0
    assert "x.Y" not in original["DOWNLOADER_MIDDLEWARES"]
    assert "h" not in original["DOWNLOAD_SLOTS"]
    assert not original.frozen
    original.set("DOWNLOAD_DELAY", 3.0)  # the template stays usable
    assert original.copy().getfloat("DOWNLOAD_DELAY") == 3.0
