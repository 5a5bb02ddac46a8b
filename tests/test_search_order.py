"""Search order, filters that narrow the walk, counts, and the index migration, on real SQLite files."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsmon.db import Store, count_articles, parse_query, search_articles
from newsmon.db.search import iter_matching_ids
from newsmon.db.bulk import BulkArticle, bulk_add_articles
from newsmon.db.fts import RANK_BLOCK, RANK_LEAD, rank_blocks, ranking_current

CST = timezone(timedelta(hours=8))
WORDS = ["氪氙", "稀有气体", "辽宁", "大连", "项目", "招聘", "投资", "签约"]
SITES = ["a", "b", "c", "rare"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, list[BulkArticle]]:
    rng = random.Random(3)
    start = datetime(2024, 1, 1, tzinfo=CST)
    stories: list[BulkArticle] = []
    for i in range(600):
        words = rng.sample(WORDS, 3)
        stories.append(BulkArticle(
            site="rare" if i % 50 == 0 else rng.choice(SITES[:3]), url=f"http://127.0.0.1/{i}",
            title=words[0] + "新闻", body="，".join(words[1:]) + "。", fingerprint=f"f{i}",
            published_at=None if i % 37 == 0 else start + timedelta(hours=rng.randrange(24 * 60)),
            fetched_at=(start + timedelta(days=i)).isoformat()))
    store = Store(tmp_path_factory.mktemp("order") / "o.db")
    bulk_add_articles(store.db, stories, batch=100)
    return store, stories


def _expected(stories: list[BulkArticle], word: str, sites: tuple[str, ...] = (),
              since: datetime | None = None, until: datetime | None = None) -> list[int]:
    out = []
    for i, s in enumerate(stories, start=1):
        if word not in s["title"] + s["body"]:
            continue
        if sites and s["site"] not in sites:
            continue
        if (since or until) and s["published_at"] is None:
            continue
        if since and s["published_at"] < since or until and s["published_at"] > until:  # type: ignore[operator]
            continue
        out.append(i)
    return sorted(out, reverse=True)


@pytest.mark.parametrize("word", ["氪氙", "辽宁", "签约"])
@pytest.mark.parametrize("sites", [(), ("rare",), ("a", "rare")])
@pytest.mark.parametrize("window", [None, (10, 12), (0, 60)])
def test_newest_first_with_filters_and_counts(corpus: tuple[Store, list[BulkArticle]], word: str,
                                              sites: tuple[str, ...], window: tuple[int, int] | None) -> None:
    store, stories = corpus
    since = until = None
    if window:
        since = datetime(2024, 1, 1, tzinfo=CST) + timedelta(days=window[0])
        until = datetime(2024, 1, 1, tzinfo=CST) + timedelta(days=window[1])
    expected = _expected(stories, word, sites, since, until)
    got = search_articles(store.db, word, site=sites, since=since, until=until, limit=1000)
    assert [row["id"] for row in got] == expected
    assert count_articles(store.db, word, site=sites, since=since, until=until) == len(expected)
    first = search_articles(store.db, word, site=sites, since=since, until=until, limit=5)
    assert [row["id"] for row in first] == expected[:5]
    ranked = search_articles(store.db, word, site=sites, since=since, until=until, limit=1000, sort="relevance")
    assert sorted(row["id"] for row in ranked) == sorted(expected)
    scores = [row["score"] for row in ranked]
    assert scores == sorted(scores, reverse=True)  # best first


def test_no_query_lists_the_newest(corpus: tuple[Store, list[BulkArticle]]) -> None:
    store, stories = corpus
    assert [row["id"] for row in search_articles(store.db, None, limit=3)] == [600, 599, 598]
    assert [row["id"] for row in search_articles(store.db, "", site="rare", limit=2)] == [551, 501]
    assert count_articles(store.db, None, site="rare") == 12


def test_old_index_is_rebuilt_on_open(tmp_path: Path) -> None:
    """A database indexed by the previous tokenizer (no NFKC, no prefix index) is migrated on open."""
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add_article(site="s", url="http://127.0.0.1/1", title="ＡＩ芯片", body="Café 氪氙", fingerprint="1")
        store.db.execute("DROP TABLE articles_fts")
        store.db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='',"
                         " tokenize='unicode61 remove_diacritics 2')")
        store.db.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (1, 'ＡＩ 芯片 片', 'Café 氪氙 氙')")
        store.db.execute("UPDATE newsmon_meta SET value = '1' WHERE key = 'tokenizer_version'")
        store.db.conn.commit()
    with Store(path) as store:
        assert [r["id"] for r in search_articles(store.db, "ai cafe 氪")] == [1]
        sql = store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        assert "prefix='1'" in sql


def test_a_regex_that_needs_checking_row_by_row_is_bounded_and_says_so(tmp_path: Path) -> None:
    from newsmon.db import search as search_module

    with Store(tmp_path / "r.db") as store:
        bulk_add_articles(store.db, (BulkArticle(site="s", url=f"http://127.0.0.1/{i}", title="标题", body=f"第{i}条",
                                                 fingerprint=f"f{i}", published_at=None, fetched_at="2024-01-01")
                                     for i in range(search_module.MAX_EXAMINED + 50)))
        stats: dict[str, object] = {}
        assert search_articles(store.db, "/第1条$/", stats=stats) == []  # story 1 is the oldest: out of reach
        # Stopped by MAX_EXAMINED, or earlier by CHECK_SECONDS on a slow machine.
        assert stats["complete"] is False and 0 < stats["examined"] <= search_module.MAX_EXAMINED + 1  # type: ignore[operator]
        stats = {}
        assert [r["id"] for r in search_articles(store.db, "/第20049条$/", limit=1, stats=stats)] == [20050]
        assert stats["complete"] is True


def test_site_walk_agrees_with_a_scan_whatever_is_rarer(tmp_path: Path) -> None:
    """A site search walks the site's stories beside the index's matches (db.search._filter_walk) in rounds
    that the rarer of the two decides: a rare word on a large site, a common word on a tiny site, two
    sites at once, with dates and without a query; every answer equals a scan of the stories."""
    rng = random.Random(11)
    start = datetime(2024, 1, 1, tzinfo=CST)
    stories: list[BulkArticle] = []
    for i in range(4000):
        roll = rng.random()
        site = "tiny" if roll < 0.01 else "mid" if roll < 0.11 else "big"
        words = [w for w, share in (("项目", 0.5), ("招聘", 0.1), ("氪氙", 0.01)) if rng.random() < share]
        stories.append(BulkArticle(
            site=site, url=f"http://127.0.0.1/{i}", title="新闻", body="，".join(words + ["消息"]) + "。",
            fingerprint=f"f{i}", published_at=start + timedelta(hours=rng.randrange(24 * 300)),
            fetched_at=start.isoformat()))
    with Store(tmp_path / "walk.db") as store:
        bulk_add_articles(store.db, stories, batch=500)
        indexes = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"idx_articles_site", "idx_articles_day"} <= indexes  # migration 3, made on open
        for word in ("项目", "招聘", "氪氙", None):
            for sites in (("tiny",), ("mid",), ("big",), ("tiny", "mid")):
                for since in (None, start + timedelta(days=200)):
                    expected = _expected(stories, word or "", sites, since)
                    for limit in (3, 20, 5000):
                        got = search_articles(store.db, word, site=sites, since=since, limit=limit)
                        assert [row["id"] for row in got] == expected[:limit], (word, sites, since, limit)
                    assert count_articles(store.db, word, site=sites, since=since) == len(expected)
                    assert list(iter_matching_ids(store.db, word, site=sites, since=since)) == expected


def test_date_span_is_exact_from_the_day_index(corpus: tuple[Store, list[BulkArticle]]) -> None:
    """The id span of a date range (whole days by two seeks in the day index, the end days scanned) equals
    the lowest and highest id of the stories in the range, for ranges ending inside days, open ranges and
    ranges with nothing in them; stories are stored in random date order, some without a date."""
    from newsmon.db.search import _date_span
    from newsmon.db.search_shared import utc_bound

    store, stories = corpus
    rng = random.Random(5)
    start = datetime(2024, 1, 1, tzinfo=CST)
    windows = [(start + timedelta(hours=rng.randrange(-48, 24 * 62)), timedelta(hours=rng.randrange(0, 24 * 40)))
               for _ in range(40)]
    for since, length in windows:
        for low, high in ((since, since + length), (None, since), (since, None)):
            inside = [i for i, s in enumerate(stories, start=1) if s["published_at"] is not None
                      and (low is None or s["published_at"] >= low) and (high is None or s["published_at"] <= high)]
            expected = (min(inside), max(inside)) if inside else (0, -1)
            assert _date_span(store.db, utc_bound(low, "--since"), utc_bound(high, "--until")) == expected, (low, high)


def test_a_date_range_at_the_end_of_the_calendar_is_searched_not_a_traceback(tmp_path: Path) -> None:
    """--since/--until on the calendar's last days (9999-12-31 has no day after it): the stories in the
    range, not an OverflowError from the day index's walk."""
    with Store(tmp_path / "n.db") as store:
        for i, when in enumerate((datetime(2024, 1, 1, tzinfo=timezone.utc),
                                  datetime(9999, 12, 31, 12, tzinfo=timezone.utc))):
            store.add_article(site="a", url=f"http://127.0.0.1/{i}", title="项目", body="项目建设。",
                              fingerprint=f"f{i}", published_at=when)
        end = datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
        for since, expected in ((datetime(9999, 12, 1, tzinfo=timezone.utc), [2]),
                                (datetime(9999, 12, 31, tzinfo=timezone.utc), [2]),
                                (datetime(2024, 1, 1, tzinfo=timezone.utc), [2, 1])):
            assert [r["id"] for r in search_articles(store.db, "项目", since=since, until=end)] == expected, since
            assert count_articles(store.db, "项目", since=since, until=end) == len(expected)
            assert list(iter_matching_ids(store.db, None, since=since, until=end)) == expected


def test_stage_walk_agrees_with_a_scan(tmp_path: Path) -> None:
    """A --stage filter walks article_facts(stage) beside the index's matches (db.search._filter_walk), with the
    other facts conditions and sites checked on the rows; every answer equals a scan of the stories."""
    from newsmon.db.facts import FactsFilter, ensure_facts_schema, save_facts

    rng = random.Random(12)
    stories: list[BulkArticle] = []
    facts: dict[int, tuple[str, float]] = {}
    for i in range(3000):
        words = [w for w, share in (("项目", 0.5), ("氪氙", 0.02)) if rng.random() < share]
        stories.append(BulkArticle(site=rng.choice(("a", "b")), url=f"http://127.0.0.1/{i}", title="新闻",
                                   body="，".join(words + ["消息"]) + "。", fingerprint=f"f{i}", published_at=None,
                                   fetched_at="2024-01-01T00:00:00+00:00"))
        if rng.random() < 0.2:
            facts[i + 1] = (rng.choice(("签约", "开工", "投产")), float(rng.randint(1, 100)) * 1e7)
    with Store(tmp_path / "stage.db") as store:
        bulk_add_articles(store.db, stories, batch=500)
        ensure_facts_schema(store.db)
        for article_id, (stage, amount) in facts.items():
            save_facts(store.db, article_id, {"amount": amount, "currency": "CNY", "amount_cny": amount,
                                              "stage": stage, "places": [], "industry": []}, version=0)
        for word in ("项目", "氪氙", None):
            for wanted, min_amount, sites in ((("签约",), None, ()), (("签约", "投产"), None, ()),
                                             (("开工",), 5e8, ()), (("签约",), None, ("b",))):
                expected = [i for i in range(len(stories), 0, -1)
                            if (word is None or word in stories[i - 1]["body"]) and i in facts
                            and facts[i][0] in wanted and (min_amount is None or facts[i][1] >= min_amount)
                            and (not sites or stories[i - 1]["site"] in sites)]
                chosen = FactsFilter(stages=wanted, min_amount=min_amount)
                for limit in (5, 5000):
                    got = search_articles(store.db, word, site=sites or None, facts=chosen, limit=limit)
                    assert [row["id"] for row in got] == expected[:limit], (word, wanted, min_amount, sites, limit)
                assert list(iter_matching_ids(store.db, word, site=sites or None, facts=chosen)) == expected


def _jump_ids_to(store: Store, next_id: int) -> None:
    """Make the next stored story get ``next_id``: a placeholder row just below it (ids are max(id) + 1)."""
    store.db.execute("INSERT INTO articles (id, url, site, title, body, fingerprint, fetched_at)"
                     " VALUES (?, ?, 'placeholder', '', '', '', '')", [next_id - 1, f"http://127.0.0.1/placeholder/{next_id}"])
    store.db.conn.commit()


def _story(i: int, title: str, body: str) -> BulkArticle:
    return BulkArticle(site="s", url=f"http://127.0.0.1/r{i}", title=title, body=body, fingerprint=f"r{i}",
                       published_at=datetime(2024, 2, 1, tzinfo=CST), fetched_at="2024-02-01")


def _ranking_rows(store: Store, table: str) -> set[int]:
    return {row[0] for row in store.db.execute(f"SELECT rowid FROM {table}")}


def test_relevance_ranks_across_ranking_blocks(tmp_path: Path) -> None:
    """Stories on both sides of a block boundary (db/fts.py): the lead-in ids are in both tables and ranked in
    the older, so the newest stories are ranked among as many stories as there are; a title match first; and
    a story rewritten is found by its new words only, in both of its tables."""
    with Store(tmp_path / "blocks.db") as store:
        _jump_ids_to(store, RANK_BLOCK - 3)
        bulk_add_articles(store.db, [_story(i, "新闻", "氪氙气体项目。" if i in (1, 4) else "其他消息。")
                                     for i in range(6)])
        bulk_add_articles(store.db, [_story(9, "氪氙项目签约", "签约。")])
        ids = [row[0] for row in store.db.execute("SELECT id FROM articles WHERE site = 's' ORDER BY id")]
        assert ids == list(range(RANK_BLOCK - 3, RANK_BLOCK + 4))
        assert rank_blocks(store.db.conn) == [0, 1]  # the placeholder was never indexed
        assert _ranking_rows(store, "articles_rank_0") == set(ids)  # block 0 and the lead-in of block 1
        assert _ranking_rows(store, "articles_rank_1") == set(ids[3:])
        ranked = search_articles(store.db, "氪氙", sort="relevance", limit=10)
        assert ranked[0]["id"] == RANK_BLOCK + 3  # the title match
        assert sorted(r["id"] for r in ranked) == sorted(r["id"] for r in search_articles(store.db, "氪氙", limit=10))
        assert all(r["score"] < ranked[0]["score"] for r in ranked[1:])
        # Beyond the lead-in, block 1's own table ranks: stories on both sides are still all found.
        _jump_ids_to(store, RANK_BLOCK + RANK_LEAD)
        bulk_add_articles(store.db, [_story(20, "消息", "氪氙气体。"), _story(21, "消息", "签约。")])
        assert _ranking_rows(store, "articles_rank_0") == set(ids)
        assert search_articles(store.db, "氪氙", sort="relevance", limit=10)[0]["id"] == RANK_BLOCK + 3
        assert len(search_articles(store.db, "氪氙", sort="relevance", limit=10)) == 4

        # An earlier copy of story RANK_BLOCK + 1 (same text) becomes its primary: its title is indexed anew.
        result = store.add_article(site="t", url="http://127.0.0.1/earlier", title="稀有气体专题", body="氪氙气体项目。",
                                   fingerprint="r4", published_at=datetime(2024, 1, 1, tzinfo=CST))
        assert result.article_id == RANK_BLOCK + 1
        assert [r["id"] for r in search_articles(store.db, "稀有气体", sort="relevance")] == [RANK_BLOCK + 1]
        assert RANK_BLOCK + 1 not in [r["id"] for r in search_articles(store.db, "新闻", sort="relevance")]
        for table in ("articles_rank_0", "articles_rank_1"):  # the old title is gone from both tables
            assert RANK_BLOCK + 1 not in {row[0] for row in store.db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [parse_query("新闻").index])}
            assert RANK_BLOCK + 1 in {row[0] for row in store.db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [parse_query("稀有气体").index])}


def test_relevance_stops_at_older_blocks_once_enough_are_ranked(tmp_path: Path) -> None:
    """The newest block holds RELEVANCE_ENOUGH matches: the older block's matches are not ranked (the
    bound that keeps bm25's IDF pass to a block); newest-first and the count still see every match."""
    from newsmon.db.search import RELEVANCE_ENOUGH

    with Store(tmp_path / "enough.db") as store:
        bulk_add_articles(store.db, [_story(i, "旧闻", "氪氙。") for i in range(5)])
        _jump_ids_to(store, RANK_BLOCK + RANK_LEAD)
        bulk_add_articles(store.db, (_story(10 + i, "新闻", "氪氙。") for i in range(RELEVANCE_ENOUGH)))
        ranked = {r["id"] for r in search_articles(store.db, "氪氙", sort="relevance", limit=RELEVANCE_ENOUGH + 10)}
        assert len(ranked) == RELEVANCE_ENOUGH and min(ranked) == RANK_BLOCK + RANK_LEAD
        assert count_articles(store.db, "氪氙") == RELEVANCE_ENOUGH + 5
        assert search_articles(store.db, "旧闻", sort="relevance")[0]["id"] == 5  # a word of the old block alone


def test_relevance_ranks_the_newest_window_of_matches_only(tmp_path: Path) -> None:
    """More matches than RELEVANCE_WINDOW in one block: the oldest are not ranked, even the best of them
    (a title match), so a word in half the database costs the window, not its matches."""
    from newsmon.db.search import RELEVANCE_WINDOW

    with Store(tmp_path / "window.db") as store:
        bulk_add_articles(store.db, [_story(i, "氪氙项目", "氪氙。") for i in range(3)])  # oldest, best scores
        bulk_add_articles(store.db, (_story(10 + i, "新闻", "氪氙。") for i in range(RELEVANCE_WINDOW)))
        ranked = search_articles(store.db, "氪氙", sort="relevance", limit=RELEVANCE_WINDOW + 10)
        assert len(ranked) == RELEVANCE_WINDOW and min(r["id"] for r in ranked) == 4
        assert "氪氙项目" not in {r["title"] for r in ranked}
        assert search_articles(store.db, "氪氙", limit=RELEVANCE_WINDOW + 10)[-1]["id"] == 1  # newest-first: all
        assert count_articles(store.db, "氪氙") == RELEVANCE_WINDOW + 3


def test_ranking_blocks_are_built_on_open_for_an_older_database(tmp_path: Path,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    """A database from before the ranking blocks: read-only, relevance ranks in articles_fts; opened for
    writing, the blocks are built once (a warning says so) and give the same order."""
    path = tmp_path / "legacy.db"
    with Store(path) as store:
        bulk_add_articles(store.db, [_story(i, "氪氙" if i == 3 else "新闻", "氪氙项目。" * (1 + i % 3))
                                     for i in range(30)])
        before = [(r["id"], r["score"]) for r in search_articles(store.db, "氪氙", sort="relevance", limit=50)]
        store.db.execute("DROP TABLE articles_rank_0")
        store.db.execute("DELETE FROM newsmon_meta WHERE key = 'rank_block'")
        store.db.conn.commit()
    with Store(path, readonly=True) as store:
        assert not ranking_current(store.db.conn)
        assert [r["id"] for r in search_articles(store.db, "氪氙", sort="relevance", limit=50)] == [i for i, _ in before]
    with caplog.at_level("WARNING"):
        with Store(path) as store:
            assert ranking_current(store.db.conn) and rank_blocks(store.db.conn) == [0]
            after = [(r["id"], r["score"]) for r in search_articles(store.db, "氪氙", sort="relevance", limit=50)]
    assert after == before
    assert "in blocks for relevance ranking" in caplog.text
