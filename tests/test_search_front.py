"""The search front end (``db/search.py``) is one for both databases: every public function takes the same filters.

A real SQLite file and a real PostgreSQL database (``postgres_url``) hold the same stories and
investment facts; each public search function, given the same arguments, lists the same ids on
both, and the ids the streaming functions give are the ones ``search_articles`` lists.
(Before the front end, ``iter_matching_ids`` on PostgreSQL dropped the facts filter.)
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import pytest

from newsmon.db import Store, StoreAPI, count_articles, open_store, search_articles
from newsmon.db.facts import FactsFilter
from newsmon.db.search import iter_matches, iter_matching_ids, known_sites

CST = timezone(timedelta(hours=8))
STAGES = ("签约", "开工", "投产")


@pytest.fixture
def stores(tmp_path: Path, postgres_url: str) -> Iterator[tuple[StoreAPI, StoreAPI]]:
    start = datetime(2024, 3, 1, 9, tzinfo=CST)
    with Store(tmp_path / "news.db") as lite, open_store(postgres_url) as post:
        for i in range(24):
            site = ("dalian", "shenyang", "anshan")[i % 3]
            title = f"第{i}号{'氪氙' if i % 2 else '化工'}项目{STAGES[i % 3]}"
            body = f"项目总投资{i + 1}亿元，位于{site}。" + ("稀有气体提纯。" if i % 4 == 0 else "")
            for store in (lite, post):
                added = store.add_article(site=site, url=f"http://127.0.0.1/{site}/{i}.html", title=title,
                                          body=body, fingerprint=f"f{i}", published_at=start + timedelta(days=i))
                if i % 2 == 0:  # half the stories have facts: a stage and an amount
                    store.save_facts(added.article_id, {"stage": STAGES[i % 3], "amount": (i + 1) * 1e8,
                                                        "currency": "CNY", "amount_cny": (i + 1) * 1e8,
                                                        "version": 1})
        yield lite, post


@pytest.mark.parametrize("query, filters", [
    (None, {}),
    ("项目", {"facts": FactsFilter(stages=("开工",))}),
    ("项目", {"facts": FactsFilter(min_amount=1e9), "site": ["dalian", "anshan"]}),
    ("氪氙 OR 稀有气体", {"since": datetime(2024, 3, 5, tzinfo=CST), "until": datetime(2024, 3, 20, tzinfo=CST)}),
    ("/投资\\d{2}亿/", {"facts": FactsFilter(stages=("签约", "投产"))}),  # a regex: the evaluator decides
])
def test_every_function_takes_the_same_filters_on_both_databases(stores: tuple[StoreAPI, StoreAPI],
                                                                   query: str | None, filters: dict) -> None:
    lite, post = stores
    listed = {}
    for name, store in (("sqlite", lite), ("postgres", post)):
        rows = search_articles(store.db, query, limit=100, **filters)
        ids = [row["id"] for row in rows]
        assert list(iter_matching_ids(store.db, query, **filters)) == ids, name
        assert [row["id"] for row in iter_matches(store.db, query, **filters)] == ids, name
        assert count_articles(store.db, query, **filters) == len(ids), name
        assert all(set(row) == {"id", "title", "url", "site", "published_at", "source", "score", "snippet",
                                "sources_count", "file_type"} for row in rows), name
        listed[name] = [(row["id"], row["snippet"], row["sources_count"]) for row in rows]
    assert listed["sqlite"] == listed["postgres"]
    if filters.get("facts"):  # the filter narrowed the listing (a test that cannot pass by ignoring it)
        assert len(listed["sqlite"]) < len(search_articles(lite.db, query, limit=100))
    assert known_sites(lite.db) == known_sites(post.db) == ["anshan", "dalian", "shenyang"]
