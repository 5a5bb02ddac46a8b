"""``bench-portal``: many generated articles for the crawl benchmark.

Articles are deterministic (``random.Random(42)``) combinations of a pool of
realistic paragraphs, so two benchmark runs crawl byte-identical pages and
numbers stay comparable.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any, Optional

from . import templates as t
from .model import Article
from .sites import Site

__all__ = ["BenchPortal", "PER_PAGE"]

PER_PAGE = 20


def generate(count: int, data: dict[str, Any]) -> list[Article]:
    """``count`` articles, newest first, with unique titles."""
    rng = random.Random(42)
    pool: list[str] = data["paragraphs"]
    seen: set[str] = set()
    newest = datetime(2023, 4, 5, 18, 0)
    out: list[Article] = []
    for n in range(count):
        title = ""
        for _ in range(20):  # a fresh combination almost always turns up quickly
            title = (rng.choice(data["cities"]) + rng.choice(data["zones"]) + rng.choice(data["industries"])
                     + rng.choice(data["actions"]))
            if title not in seen:
                break
        if title in seen:  # combinations exhausted (very large counts): number the batch
            title = f"{title}（第{n + 1}批）"
        seen.add(title)
        published = (newest - timedelta(minutes=37 * n)).strftime("%Y-%m-%d %H:%M")
        paragraphs = rng.sample(pool, rng.randint(3, 6))
        out.append(Article(f"/news/show-{count - n}.html", title, published, rng.choice(data["sources"]),
                           paragraphs, views=rng.randint(20, 5000)))
    return out


class BenchPortal(Site):
    """DESTOON-like, UTF-8, 20 links per list page at ``/list/N.html``."""

    name = "bench-portal"
    start_path = "/list/1.html"
    brand = t.Brand("东北招商资讯网", "utf-8", icp="辽ICP备87654321号", police="辽公网安备 21010202000999号",
                    list_root="/list/1.html")
    channels = ("/sell/", "/buy/", "/company/", "/invest/", "/exhibit/", "/job/", "/know/", "/news/",
                "/about/", "/sitemap/", "/spread/", "/ad/", "/guestbook/", "/comment/", "/member/", "/mobile/")

    def __init__(self, base: str, count: int, data: dict[str, Any]) -> None:
        super().__init__(base)
        articles = generate(count, data)
        self._add_pages([articles[i:i + PER_PAGE] for i in range(0, len(articles), PER_PAGE)])
        self._rank = sorted(articles, key=lambda a: -a.views)[:10]
        self._position = {a.path: i for i, a in enumerate(articles)}
        self._ordered = articles

    def site_config(self) -> dict[str, Any]:
        # Follow every list page: the benchmark wants all articles, not the default 5 pages.
        return {**super().site_config(), "max_list_pages": len(self.pages)}

    def list_hrefs(self) -> list[str]:
        return [f"/list/{n}.html" for n in range(1, len(self.pages) + 1)]

    def list_index(self, path: str, query: dict[str, list[str]]) -> Optional[int]:
        if not (path.startswith("/list/") and path.endswith(".html")):
            return None
        try:
            number = int(path[len("/list/"):-len(".html")])
        except ValueError:
            return None
        return number - 1 if 1 <= number <= len(self.pages) else None

    def render_list(self, index: int) -> str:
        return t.destoon_list(self.brand, self.entries(index), self.list_hrefs(), index, self._rank)

    def render_article(self, article: Article) -> str:
        pos = self._position.get(article.path, 0)
        arts = self._ordered
        prev = arts[pos + 1] if pos + 1 < len(arts) else None
        next_ = arts[pos - 1] if pos > 0 else None
        related = arts[max(0, pos - 3):pos] + arts[pos + 1:pos + 4]
        itemid = int(article.path.rsplit("-", 1)[1].split(".")[0])
        return t.destoon_article(self.brand, article, prev, next_, related, self._rank, itemid)

    def new_path(self, published: str) -> str:
        return f"/news/show-{len(self._ordered) + len(self.fresh) + 1}.html"

