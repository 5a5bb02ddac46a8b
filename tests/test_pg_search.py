"""Search on PostgreSQL finds what search on SQLite finds: real servers, real files, one query language.

A real PostgreSQL (``postgres_url``, tests/services/postgres.py) and a real SQLite file hold the
same stories; every query gives the same ids on both, and the alert matcher agrees (a bounded
hypothesis run extends tests/test_query.py's property to PostgreSQL).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsmon.alerts import Matcher, compile_rule
from newsmon.alerts_config import RuleConfig
from newsmon.db import Store, StoreAPI, count_articles, open_store, search_articles
from newsmon.db.handle import pg_execute
from newsmon.db.postgres.search import compile_tsquery, parse_tsquery
from newsmon.errors import NewsmonError, UsageError
from newsmon.query import QuerySyntaxError
from newsmon.query import parse_query as parse_tree
from test_query import _CHARS, _queries

CST = timezone(timedelta(hours=8))
PORTAL = Path(__file__).resolve().parent.parent / "newsmon" / "portal" / "articles.json"

def _add_both(lite: Store, post: StoreAPI, site: str, url: str, title: str, body: str, fingerprint: str,
              published_at: datetime | None = None) -> int:
    """The same story into both stores through their own write paths; its id (the same in both)."""
    left = lite.add_article(site=site, url=url, title=title, body=body, fingerprint=fingerprint,
                            published_at=published_at)
    right = post.add_article(site=site, url=url, title=title, body=body, fingerprint=fingerprint,
                             published_at=published_at)
    assert (left.article_id, left.status) == (right.article_id, right.status)
    return left.article_id


@pytest.fixture
def pg(postgres_url: str) -> Iterator[StoreAPI]:
    with open_store(postgres_url) as store:
        yield store


# -- the compiler ----------------------------------------------------------------------------------

@pytest.mark.parametrize("query, tsquery, exact", [
    ("氪氙", "'氪氙'", True),
    ("氪", "'氪':*", True),  # one CJK character: every bigram it starts, and the run's last unigram
    ("title:氪氙气体", "'氪氙':A <-> '氙气':A <-> '气体':A", True),
    ("body:氪", "'氪':*D", True),
    # Title and body are one tsvector: a chain is asked in each field, never across the boundary.
    ('"Air Liquide"', "(('air':A <-> 'liquide':A) | ('air':D <-> 'liquide':D))", True),
    ("中国a", "(('中国':A <-> '国':A <-> 'a':A) | ('中国':D <-> '国':D <-> 'a':D))", True),
    ("氪氙 -招聘", "('氪氙' & !'招聘')", True),
    ("a (b OR -c)", "('a' & ('b' | !'c'))", True),
    ("a -title:c氪", "('a' & !('c':A <-> '氪':*A))", True),  # ! binds tighter than <->: the chain is grouped  # PostgreSQL's NOT is unary: exact where FTS5's is not
    ("/氪.{0,2}氙/", "('氪':* & '氙':*)", False),  # a regex: the literals it needs, then the evaluator
    ("title:/^氪/ OR b", "('氪':*A | 'b')", False),
    ("/ab/ -c", None, False),  # nothing the index can narrow: every story is a candidate
    ("氪氙 -/氪.氙/", "'氪氙'", False),  # NOT of an inexact atom is left to the evaluator
    ("it's", "(('it':A <-> 's':A) | ('it':D <-> 's':D))", True),
])
def test_compile(query: str, tsquery: str | None, exact: bool) -> None:
    compiled = parse_tsquery(query)
    assert (compiled.tsquery, compiled.exact) == (tsquery, exact)


def test_limits_and_errors_are_the_parsers() -> None:
    with pytest.raises(QuerySyntaxError, match="more than 2,000 distinct terms"):
        parse_tsquery(" OR ".join(f"词{i}" for i in range(2_001)))
    assert compile_tsquery(parse_tree(" OR ".join(["项目"] * 10_000))).tsquery == "'项目'"


# -- parity on a fixed set of stories and queries ---------------------------------------------------

def _fixture_stories() -> list[tuple[str, str, str, datetime]]:
    """(site, title, body, published) from the bundled portals' real Chinese stories, plus edge cases."""
    data = json.loads(PORTAL.read_text(encoding="utf-8"))
    out = []
    start = datetime(2023, 1, 1, 9, tzinfo=CST)
    for site, items in data.items():
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, dict) and item.get("title") and item.get("paragraphs"):
                paragraphs = [p for p in item["paragraphs"] if isinstance(p, str)]
                out.append((site, item["title"], "\n".join(paragraphs), start + timedelta(days=3 * len(out))))
    edge = [
        ("edge", "稀有气体", "氪氙气体提纯，Air Liquide 与液化空气。"),
        ("edge", "招聘启事 Air", "Liquide 招聘工程师"),  # "Air Liquide" only across title|body: no match
        ("edge", "ＡＩ芯片", "Café société 5G 1e5 中国a"),
        ("edge", "单字", "氪"),  # a one-character run: its unigram only
        ("edge", "it's 项目", "naïve résumé"),
    ]
    for site, title, body in edge:
        out.append((site, title, body, start + timedelta(days=3 * len(out))))
    return out


_PARITY_QUERIES = [
    "氪氙", "项目", "气体", "氪", "氙", "省", "稀有气体", '"氪氙气体"', '"项目 建设"', "项目 -招聘",
    "氪氙 OR 招商", "(大连 OR 沈阳) 项目", "NOT 招聘 项目", "title:项目", "body:项目", "title:(氪氙 OR 招商)",
    "/氪.{0,4}氙/", "/\\d+亿元/", "项目 /投资\\d+/", "title:/^沈阳/", '"Air Liquide"', "air", "ai 芯片",
    "cafe", "5g", "1e5", "中国a", "it's", "naive", "societe OR 招商", "项目 -(大连 OR 沈阳)",
]


def test_parity_on_real_stories(tmp_path: Path, pg: StoreAPI) -> None:
    stories = _fixture_stories()
    with Store(tmp_path / "news.db") as store:
        for i, (site, title, body, published) in enumerate(stories):
            _add_both(store, pg, site, f"http://127.0.0.1/{site}/{i}", title, body, f"f{i}", published)
        rules = Matcher([compile_rule(RuleConfig(name=str(i), query=q)) for i, q in enumerate(_PARITY_QUERIES)])
        expected: dict[str, set[int]] = {q: set() for q in _PARITY_QUERIES}
        for row in store.db.query("SELECT id, site, title, body FROM articles"):
            for match in rules.match(row["title"], row["body"], row["site"]):
                expected[_PARITY_QUERIES[int(match.rule.name)]].add(row["id"])
        middle = stories[len(stories) // 2][3]
        found_any = 0
        for query in _PARITY_QUERIES:
            for kwargs in ({}, {"since": middle}, {"until": middle}, {"site": "liaoning-invest"}):
                lite = search_articles(store.db, query, limit=500, **kwargs)  # type: ignore[arg-type]
                post = search_articles(pg.db, query, limit=500, **kwargs)  # type: ignore[arg-type]
                # Newest order is the same list; rows are the same but for the score.
                assert [r["id"] for r in post] == [r["id"] for r in lite], (query, kwargs)
                assert [{**r, "score": None} for r in post] == [{**r, "score": None} for r in lite]
                if not kwargs:
                    assert {r["id"] for r in lite} == expected[query], query
                    found_any += bool(lite)
                ranked = search_articles(pg.db, query, limit=500, sort="relevance", **kwargs)  # type: ignore[arg-type]
                assert {r["id"] for r in ranked} == {r["id"] for r in lite}, (query, kwargs)
                assert count_articles(pg.db, query, **kwargs) == count_articles(store.db, query, **kwargs)  # type: ignore
        assert found_any >= len(_PARITY_QUERIES) - 2  # the set is not vacuous
        air_liquide = {r["id"] for r in search_articles(pg.db, '"Air Liquide"')}
        assert len(stories) - 4 in air_liquide and len(stories) - 3 not in air_liquide  # not across title|body
        # Relevance: a title match ranks above body matches (ts_rank weights A = 10 x D).
        ranked = search_articles(pg.db, "稀有气体", sort="relevance", limit=100)
        in_title = ["稀有气体" in r["title"] for r in ranked]
        assert in_title[0] and not all(in_title) and in_title == sorted(in_title, reverse=True)
        assert ranked[0]["score"] > ranked[-1]["score"] > 0
        # No query: the newest stories, like SQLite.
        assert [r["id"] for r in search_articles(pg.db, None, limit=5)] == [r["id"] for r in
                                                                           search_articles(store.db, None, limit=5)]


def test_errors_match_sqlite(tmp_path: Path, pg: StoreAPI) -> None:
    with Store(tmp_path / "news.db") as store:
        _add_both(store, pg, "dalian", "http://127.0.0.1/1", "氪氙", "x", "1")
        with pytest.raises(UsageError, match="There are no stories from site 'nowhere'; the sites with stories"
                                             " are: dalian."):
            search_articles(pg.db, "氪氙", site="nowhere")
        with pytest.raises(QuerySyntaxError, match=r"Cannot search for '\(氪氙': at character 1: This parenthesis"):
            search_articles(pg.db, "(氪氙")
        with pytest.raises(UsageError, match="out of range"):
            count_articles(pg.db, "氪氙", since=datetime(1, 1, 1, tzinfo=CST))


# -- property: SQLite search == PostgreSQL search == the alert matcher --------------------------------

_PG_CHARS = _CHARS + "1e5国한ｶ's"


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(query=_queries(), stories=st.lists(st.tuples(st.text(_PG_CHARS, max_size=8), st.text(_PG_CHARS, max_size=20)),
                                          min_size=1, max_size=6))
def test_sqlite_postgres_and_alerts_agree(tmp_path_factory: pytest.TempPathFactory, pg: StoreAPI,
                                          query: str, stories: list[tuple[str, str]]) -> None:
    try:
        matcher = Matcher([compile_rule(RuleConfig(name="r", query=query))])
    except NewsmonError:
        assume(False)
        return
    pg_execute(pg.db, "TRUNCATE article_sources, articles RESTART IDENTITY CASCADE")  # type: ignore[arg-type]
    with Store(tmp_path_factory.mktemp("agree") / "a.db") as store:
        expected = set()
        for i, (title, body) in enumerate(stories):
            added = _add_both(store, pg, "s", f"http://127.0.0.1/{i}", title, body, f"f{i}")
            if matcher.match(title, body, "s"):
                expected.add(added)
        for sort in ("newest", "relevance"):
            lite = {r["id"] for r in search_articles(store.db, query, limit=100, sort=sort)}
            post = {r["id"] for r in search_articles(pg.db, query, limit=100, sort=sort)}
            assert lite == post == expected, (query, sort, parse_tsquery(query).tsquery)
        assert count_articles(pg.db, query) == len(expected)


# -- more stories than the walk reads: the probe, the walk and the GIN index take turns ---------------

def test_walk_then_index_on_thousands_of_stories(tmp_path: Path, pg: StoreAPI) -> None:
    """3,000 stories through both bulk loaders: terms at every frequency list the same ids in the same order."""
    from newsmon.db.bulk import BulkArticle, bulk_add_articles
    from newsmon.db.pg_schema import SEARCH_TSV
    from newsmon.db.postgres.bulk import bulk_add_articles as pg_bulk_add_articles
    from newsmon.db.postgres.search import PROBE_ROWS, WALK_ROWS

    def stories() -> Iterator[BulkArticle]:
        start = datetime(2024, 1, 1, tzinfo=CST)
        for i in range(3_000):
            words = ["项目建设"]  # every story
            if i % 7 == 0:
                words.append("氪氙气体")  # ~14%: the probe finds a few, the walk fills a page
            if i % 97 == 0:
                words.append("稀有金属")  # ~1%: the probe finds none or one: the index
            if i in (5, 1_500):
                words.append("招商大会")  # two old stories: far below the walk
            yield BulkArticle(site="s" if i % 3 else "t", url=f"http://127.0.0.1/{i}", title=f"第{i}号",
                              body="，".join(words) + "。", fingerprint=f"f{i}",
                              published_at=start + timedelta(hours=i), fetched_at="2024-01-01T00:00:00+00:00")

    assert 3_000 > WALK_ROWS > PROBE_ROWS
    with Store(tmp_path / "news.db") as store:
        assert bulk_add_articles(store.db, stories()) == 3_000
        assert pg_bulk_add_articles(pg.db, stories(), search_tsv=SEARCH_TSV, batch=1_000) == 3_000  # type: ignore
        for query in ("项目建设", "氪氙", "氪", "稀有金属", "招商大会", "稀有金属 OR 招商大会", "氪氙 -稀有",
                      "/稀有.属/", "title:/^第1\\d号$/"):
            for limit in (1, 20, 300):
                for kwargs in ({}, {"site": "t"}, {"since": datetime(2024, 3, 1, tzinfo=CST)}):
                    lite = [r["id"] for r in search_articles(store.db, query, limit=limit, **kwargs)]  # type: ignore
                    post = [r["id"] for r in search_articles(pg.db, query, limit=limit, **kwargs)]  # type: ignore
                    assert post == lite, (query, limit, kwargs)
            assert count_articles(pg.db, query) == count_articles(store.db, query), query
        assert len(search_articles(pg.db, "招商大会", limit=20)) == 2
        assert len(search_articles(pg.db, "稀有金属", limit=300)) == len(range(0, 3_000, 97))


# -- date ranges: the id span from the day index (migration 4) ------------------------------------------

def test_date_span_from_the_day_index_is_exact(tmp_path: Path, pg: StoreAPI) -> None:
    """Stories stored in random date order (some undated): the id span of a date range read from
    idx_articles_day_id (whole days by two seeks, the end days' part inside the range) equals the lowest and
    highest id of the stories in it, and date-filtered searches list the same ids as SQLite's."""
    import random

    from newsmon.db.bulk import BulkArticle, bulk_add_articles
    from newsmon.db.pg_schema import SEARCH_TSV
    from newsmon.db.postgres.bulk import bulk_add_articles as pg_bulk_add_articles
    from newsmon.db.postgres.search import _date_span
    from newsmon.db.search_shared import utc_bound

    rng = random.Random(7)
    start = datetime(2024, 1, 1, tzinfo=CST)
    stories = [BulkArticle(site="s", url=f"http://127.0.0.1/{i}", title="新闻", body="项目" if i % 3 else "招聘",
                           fingerprint=f"f{i}", fetched_at="2024-01-01T00:00:00+00:00",
                           published_at=None if i % 37 == 0 else start + timedelta(minutes=rng.randrange(60 * 24 * 60)))
               for i in range(1_500)]
    with pg.db.connection() as conn:  # type: ignore[union-attr]
        indexes = {row[0] for row in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'articles'")}
    assert "idx_articles_day_id" in indexes  # migration 4, applied on open
    with Store(tmp_path / "news.db") as store:
        bulk_add_articles(store.db, stories)
        pg_bulk_add_articles(pg.db, stories, search_tsv=SEARCH_TSV, batch=500)  # type: ignore[arg-type]
        for _ in range(40):
            since = start + timedelta(minutes=rng.randrange(-60 * 48, 60 * 24 * 62))
            length = timedelta(minutes=rng.randrange(0, 60 * 24 * 40))
            for low, high in ((since, since + length), (None, since), (since, None), (since + length, since)):
                inside = [i for i, s in enumerate(stories, start=1) if s["published_at"] is not None
                          and (low is None or s["published_at"] >= low) and (high is None or s["published_at"] <= high)]
                expected = (min(inside), max(inside)) if inside else (0, -1)
                with pg.db.connection() as conn:  # type: ignore[union-attr]
                    assert _date_span(conn, utc_bound(low, "--since"), utc_bound(high, "--until")) == expected
            for query in ("项目", "招聘", None):
                lite = [r["id"] for r in search_articles(store.db, query, since=since, until=since + length, limit=50)]
                post = [r["id"] for r in search_articles(pg.db, query, since=since, until=since + length, limit=50)]
                assert post == lite, (query, since, length)
                assert count_articles(pg.db, query, since=since) == count_articles(store.db, query, since=since)
