"""The PostgreSQL store on a real server (``postgres_url``): the SQLite store's decisions, safe under concurrency."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any, Callable

import psycopg
import pytest

from newsmon.crawler.pipelines import _near_print as near_print
from newsmon.crawler.fingerprint import text_fingerprint
from newsmon.db import open_store
from newsmon.db.health import close_abandoned_runs, list_page_validators, save_list_page_validators
from newsmon.db.migrate import applied_versions, upgrade
from newsmon.db.handle import pg_execute
from newsmon.db.pg_store import PgStore
from newsmon.db.templates import load_block_counts, load_site_headlines, record_page_blocks, record_site_headlines
from newsmon.errors import ConfigError, StoreError
from newsmon.alerts.sender import send_due

from tests.test_alerts_support import Receiver, make_config, receiver  # noqa: F401 (fixture)

CST = dt.timezone(dt.timedelta(hours=8))
BODY = ("沈阳市浑南区今天举行重大项目集中开工仪式，共有二十八个项目开工，总投资一百二十亿元。\n"
        "项目涵盖集成电路、生物医药和新能源汽车零部件等领域，预计年底前全部建成投产。\n"
        "区长在仪式上表示，将持续优化营商环境，为项目建设提供全程服务。")


def _add(store: Any, url: str, body: str = BODY, title: str = "浑南区重大项目集中开工", **extra: Any) -> Any:
    return store.add_article(site=extra.pop("site", "a"), url=url, title=title, body=body,
                             fingerprint=text_fingerprint(body), near=near_print(body), **extra)


def test_duplicate_decisions_match_the_sqlite_store(postgres_url: str, tmp_path: Path) -> None:
    results = {}
    for name, target in (("sqlite", str(tmp_path / "news.db")), ("pg", postgres_url)):
        with open_store(target) as store:
            first = _add(store, "http://a.example/1.html", published_at=dt.datetime(2024, 5, 2, 9, tzinfo=CST),
                         url_key="a.example/1.html")
            same_text = _add(store, "http://b.example/9.html", site="b")
            same_url = _add(store, "http://a.example/1.html", body="别的内容" * 30)
            url_key = store.add_article(site="a", url="https://a.example/1.html?from=x", title="t", body="x" * 90,
                                        fingerprint="zz", url_key="a.example/1.html")
            edited = BODY.replace("二十八", "三十").replace("年底前", "十月底前") + "\n（记者 王明）"
            near = _add(store, "http://c.example/3.html", body=edited, site="c",
                        published_at=dt.datetime(2024, 5, 1, 9, tzinfo=CST))  # earlier: becomes the primary
            other = _add(store, "http://a.example/2.html", body="大连港今年一季度集装箱吞吐量同比增长百分之十二。" * 6,
                         title="大连港吞吐量增长")
            store.add_non_article(site="a", url="http://a.example/list.html", reason="list page")
            story = store.get_article(first.article_id)
            results[name] = {
                "statuses": [r.status for r in (first, same_text, same_url, near, other)],
                "same_id": same_text.article_id == first.article_id == near.article_id,
                "url_key": url_key.status,
                "primary": (story["url"], story["site"]),
                "sources": sorted(s["url"] for s in story["sources"]),
                "known": sorted(store.known_urls(["http://a.example/list.html", "http://b.example/9.html",
                                                  "http://new.example/"])),
                "counts": store.counts(),
            }
    assert results["pg"] == results["sqlite"]
    assert results["pg"]["statuses"] == ["new", "duplicate", "known_url", "duplicate", "new"]
    assert results["pg"]["primary"] == ("http://c.example/3.html", "c")
    assert results["pg"]["url_key"] == "known_url"


def test_search_column_holds_the_cjk_bigrams_with_title_weight_a(postgres_url: str) -> None:
    with PgStore(postgres_url) as store:
        _add(store, "http://a.example/1.html")
        with psycopg.connect(postgres_url) as conn:
            hit = conn.execute("SELECT count(*) FROM articles WHERE search_tsv @@ to_tsquery('simple', '浑南')"
                               ).fetchone()
            weights = conn.execute("SELECT search_tsv::text FROM articles").fetchone()
            plan = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_articles_search_tsv'"
                                ).fetchone()
    assert hit == (1,)
    assert weights is not None and "'浑南':1A" in weights[0]
    assert plan is not None and "gin" in plan[0]


def test_same_story_from_many_workers_at_once_is_stored_once(postgres_url: str) -> None:
    """Eight connections add one story (eight syndicated URLs, one text) at the same instant: one story, 8 sources."""
    workers = 8
    stores = [PgStore(postgres_url) for _ in range(workers)]
    barrier = threading.Barrier(workers)
    results: list[Any] = [None] * workers
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            barrier.wait()
            results[i] = _add(stores[i], f"http://site{i}.example/news/1.html", site=f"s{i}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert not errors, errors
        assert sorted(r.status for r in results) == ["duplicate"] * (workers - 1) + ["new"]
        assert len({r.article_id for r in results}) == 1
        counts = stores[0].counts()
        assert counts["articles"] == 1 and counts["article_sources"] == workers
    finally:
        for store in stores:
            store.close()


def test_same_url_from_two_workers_at_once_makes_one_source(postgres_url: str) -> None:
    stores = [PgStore(postgres_url) for _ in range(4)]
    barrier = threading.Barrier(4)
    out: list[str] = []

    def work(store: PgStore) -> None:
        barrier.wait()
        out.append(_add(store, "http://a.example/same.html").status)

    threads = [threading.Thread(target=work, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert sorted(out) == ["known_url"] * 3 + ["new"]
        assert stores[0].counts()["article_sources"] == 1
    finally:
        for store in stores:
            store.close()


def test_crawl_bookkeeping_tables(postgres_url: str) -> None:
    with PgStore(postgres_url) as store:
        run = store.start_run("a")
        assert not store.last_run_completed("a")
        _add(store, "http://a.example/1.html")
        closed = close_abandoned_runs(store.db, None, status="interrupted", error="killed", run_ids=[run])
        assert closed == [run] and not store.last_run_completed("a")
        assert store.runs()[0]["status"] == "interrupted" and store.runs()[0]["articles_new"] == 1
        run2 = store.start_run("a")
        store.finish_run(run2, status="ok", counts={"list_pages": 2}, errors=[], duration_s=1.0)
        assert store.last_run_completed("a")
        save_list_page_validators(store.db, "a", {"http://a.example/list": ('"e1"', None)})
        save_list_page_validators(store.db, "a", {"http://a.example/list": ('"e2"', "Mon")})
        assert list_page_validators(store.db, "http://a.example/list") == ('"e2"', "Mon")
        record_page_blocks(store.db, "a", [3, 1, 2], "2024-01-01")
        record_page_blocks(store.db, "a", [1, 2], "2024-01-02")
        assert load_block_counts(store.db, "a") == (sorted([(1, 2), (2, 2)]), 2) or \
            sorted(load_block_counts(store.db, "a")[0]) == [(1, 2), (2, 2)]
        record_site_headlines(store.db, "a", [("头条新闻标题", "http://a.example/1.html", None)], "2024-01-01")
        assert load_site_headlines(store.db, "a") == {"头条新闻标题": "http://a.example/1.html"}
        store.save_facts(1, {"amount": 1.2e10, "currency": "CNY", "amount_cny": 1.2e10, "stage": "开工",
                             "places": [{"province": "辽宁省", "city": "沈阳市"}], "industry": ["集成电路"],
                             "version": 1})
        assert store.get_article(1)["investment"]["stage"] == "开工"


def test_migrations_recorded_once_and_upgrade_is_idempotent(postgres_url: str, tmp_path: Path) -> None:
    with PgStore(postgres_url) as store:
        assert applied_versions(store.db) == {1, 2, 3, 4, 5, 6, 7, 8, 9}
        assert upgrade(store.db) == []
    with open_store(tmp_path / "news.db") as sqlite_store:
        assert [m.version for m in upgrade(sqlite_store.db)] == [1, 2, 3, 5, 6, 7, 8, 9]
        assert upgrade(sqlite_store.db) == []


def test_a_partial_crawl_is_complete_only_if_no_list_page_failed(postgres_url: str, tmp_path: Path) -> None:
    """Both stores: ``partial`` with failed article pages lets the next crawl stop at an all-known
    page; ``partial`` with a failed list page (or a row from before list failures were recorded) does not."""
    for target in (str(tmp_path / "news.db"), postgres_url):
        with open_store(target) as store:
            def crawl(site: str, status: str, failures: int, list_failures: int) -> None:
                run = store.start_run(site)
                store.finish_run(run, status=status, errors=[], duration_s=1.0,
                                 counts={"list_pages": 2, "failures": failures, "list_failures": list_failures})

            crawl("articles-failed", "partial", 2, 0)
            crawl("list-failed", "ok", 0, 0)
            crawl("list-failed", "partial", 2, 1)
            crawl("list-failed", "failed", 1, 1)  # read no list page: the one before decides
            crawl("ok-again", "partial", 1, 1)
            crawl("ok-again", "ok", 0, 0)
            assert [store.last_run_completed(s) for s in ("articles-failed", "list-failed", "ok-again")] \
                == [True, False, True], target
            assert store.runs("list-failed")[1]["list_failures"] == 1
            # A partial row written before migration 5 (no list_failures) is not trusted.
            crawl("old", "partial", 1, 0)
            forget = "UPDATE crawl_runs SET list_failures = NULL WHERE site = ?"
            if isinstance(store, PgStore):
                pg_execute(store.db, forget, ["old"])
            else:
                with store.db.conn:
                    store.db.execute(forget, ["old"])
            assert not store.last_run_completed("old"), target


def test_connection_errors_are_one_sentence(postgres_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StoreError, match=r"^Cannot connect to PostgreSQL at postgresql://newsmon@127\.0\.0\.1:\d+/"
                                         r"nope \(.*does not exist.*\)\.$"):
        open_store(postgres_server.url("nope"))
    monkeypatch.delenv("NEWSMON_TEST_PW", raising=False)
    with pytest.raises(ConfigError, match="environment variable NEWSMON_TEST_PW"):
        open_store("postgresql://u:${NEWSMON_TEST_PW}@127.0.0.1:1/x")
    monkeypatch.setenv("NEWSMON_TEST_PW", "s3cret-value")
    with pytest.raises(StoreError) as info:
        open_store("postgresql://u:${NEWSMON_TEST_PW}@127.0.0.1:1/x")
    assert "s3cret-value" not in str(info.value) and "Cannot connect" in str(info.value)


def _alert_config(tmp_path: Path, url: str, database: str) -> Any:
    return make_config(tmp_path, {
        "channels": {"ops": {"type": "webhook", "url": url + "/hook"}},
        "rules": [{"name": "projects", "query": "开工", "channels": ["ops"]}],
    }, database=database)


def test_two_senders_never_deliver_one_alert_twice(postgres_url: str, tmp_path: Path, receiver: Receiver) -> None:
    """Two senders (own connections, own threads) drain one outbox at once: every alert reaches the webhook once."""
    config = _alert_config(tmp_path, receiver.url, postgres_url)
    from newsmon.alerts import install_alert_hook

    stories = 30
    with PgStore(postgres_url) as store:
        install_alert_hook(store, config)
        for i in range(stories):
            body = f"第{i}号项目今天在沈阳开工，总投资{i + 1}亿元。" * 4 + f"\n编号{i}-{i * 7919}"
            result = store.add_article(site="a", url=f"http://a.example/{i}.html", title=f"第{i}号项目开工",
                                       body=body, fingerprint=text_fingerprint(body))
            assert result.status == "new"
    reports: list[Any] = []
    barrier = threading.Barrier(2)

    def sender() -> None:
        with PgStore(postgres_url) as own:
            barrier.wait()
            reports.append(send_due(config, own))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    delivered = [r["json"]["url"] for r in receiver.accepted]
    assert len(receiver.accepted) == stories, f"{len(receiver.accepted)} deliveries for {stories} alerts"
    assert len(set(delivered)) == stories
    assert sum(r.alerts_sent for r in reports) == stories
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT status, count(*) FROM alert_deliveries GROUP BY status").fetchall() == \
            [("sent", stories)]


def test_claims_skip_rows_another_sender_holds(postgres_url: str) -> None:
    from newsmon.db.outbox import add_deliveries, claim_deliveries

    with PgStore(postgres_url) as store:
        story = _add(store, "http://a.example/1.html")
        add_deliveries(store.db, [{"rule": "r", "article_id": story.article_id, "channel": c, "matched": ["x"],
                                   "created_at": "2024", "next_attempt_at": "2024"} for c in ("a", "b")])
        with psycopg.connect(postgres_url) as other:
            # Another sender is in the middle of claiming row 1 (its transaction holds the row lock).
            other.execute("SELECT id FROM alert_deliveries WHERE id = 1 FOR UPDATE")
            got: Callable[[], list[int]] = lambda: claim_deliveries(store.db, [1, 2], "2025")
            assert got() == [2]  # row 1 skipped at once, not waited for
            other.rollback()
        assert claim_deliveries(store.db, [1, 2], "2025") == [1]  # now free; row 2 is already 'sending'


def test_reclean_and_reextract_rewrite_stored_stories(postgres_url: str) -> None:
    from newsmon.crawler.reclean import reclean_site
    from newsmon.crawler.template import SiteTemplate, block_key
    from newsmon.facts.refresh import reextract_facts

    footer = "沈阳市人民政府办公厅主办 版权所有"
    with PgStore(postgres_url) as store:
        story = _add(store, "http://a.example/1.html", body=BODY + "\n" + footer)
        template = SiteTemplate(chrome=frozenset({block_key(footer)}))
        assert reclean_site(store.db, "a", template=template, known={}) == 1
        stored = store.get_article(story.article_id)
        assert footer not in stored["body"] and stored["body"] == BODY
        with psycopg.connect(postgres_url) as conn:
            tsv = conn.execute("SELECT search_tsv::text FROM articles").fetchone()
        assert tsv is not None and "'版权'" not in tsv[0]  # the search column follows the body
        done, failed = reextract_facts(store)
        assert (done, failed) == (1, 0)
        assert store.get_article(story.article_id)["investment"]["stage"] is not None
