"""Site health (db/health.py) on a real SQLite store: failure streaks, silence, broken extraction."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

import pytest

from newsmon.db import Store
from newsmon.db.health import HealthThresholds, close_abandoned_runs, site_health

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
TH = HealthThresholds(failures=3, silence_factor=5, min_silence=timedelta(days=1), extraction_pages=5)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "news.db")


def iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def add_run(store: Store, site: str, at: datetime, status: str = "ok", *, new: int = 0, non_articles: int = 0,
            error: Optional[str] = None, list_pages: int = 1) -> int:
    run_id = store.start_run(site)
    counts = {"list_pages": 0 if status == "failed" else list_pages, "articles_new": new,
              "non_articles": non_articles, "failures": 1 if error else 0}
    store.finish_run(run_id, status=status, counts=counts, errors=[error] if error else [], duration_s=1.0)
    with store.db.conn:
        store.db.execute("UPDATE crawl_runs SET started_at = ?, finished_at = ? WHERE id = ?",
                         [iso(at), iso(at + timedelta(seconds=1)), run_id])
    return run_id


def add_article(store: Store, site: str, at: datetime, n: int, dated: bool = True) -> None:
    store.add_article(
        site=site, url=f"http://{site}.example/a/{n}.html", title=f"标题{n}", body=f"正文第{n}篇，内容各不相同。{n * 7919}",
        fingerprint=f"fp-{site}-{n}", published_at=at if dated else None, fetched_at=iso(at),
    )


def health(store: Store, site: str = "s", now: datetime = NOW):  # type: ignore[no-untyped-def]
    return site_health(store.db, [site], thresholds=TH, now=now)[0]


def test_never_crawled_site_is_ok_with_empty_fields(store: Store) -> None:
    h = health(store)
    assert (h.status, h.last_run_at, h.last_new_article_at, h.failure_streak, h.reasons) == ("ok", None, None, 0, [])


def test_failure_streak_makes_a_site_unhealthy_and_one_good_run_heals_it(store: Store) -> None:
    add_run(store, "s", NOW - timedelta(hours=5), new=2)
    for hours in (4, 3):
        add_run(store, "s", NOW - timedelta(hours=hours), "failed", error="http://s.example/: HTTP 500")
    assert health(store).status == "ok" and health(store).failure_streak == 2
    add_run(store, "s", NOW - timedelta(hours=2), "timeout", error="the crawl hit its time limit and was stopped")
    h = health(store)
    assert h.status == "unhealthy" and h.failure_streak == 3
    assert h.reasons == ["the last 3 crawls failed (the crawl hit its time limit and was stopped)"]
    # Interrupted runs (shutdown, kill -9) say nothing about the site.
    add_run(store, "s", NOW - timedelta(minutes=90), "interrupted")
    assert health(store).failure_streak == 3
    add_run(store, "s", NOW - timedelta(hours=1), "ok")
    assert health(store).status == "ok" and health(store).failure_streak == 0


def test_silence_much_longer_than_the_sites_history_is_unhealthy(store: Store) -> None:
    start = NOW - timedelta(days=20)
    for day in range(12):  # one new article a day for 12 days
        at = start + timedelta(days=day)
        add_run(store, "s", at, new=1)
        add_article(store, "s", at, day)
    last = start + timedelta(days=11)
    for hours in range(6, 24 * 3, 6):  # then three quiet days of crawls: not yet 5x the usual gap
        add_run(store, "s", last + timedelta(hours=hours))
    assert health(store, now=last + timedelta(days=3)).status == "ok"
    for hours in range(24 * 3, 24 * 8, 6):  # eight quiet days
        add_run(store, "s", last + timedelta(hours=hours))
    h = health(store, now=last + timedelta(days=8))
    assert h.status == "unhealthy"
    assert h.reasons[0].startswith("no new article for 8.0d (")
    assert h.reasons[0].endswith("although one usually comes every 1.0d")
    assert h.last_new_article_at == iso(last)
    assert h.articles == 12 and h.articles_per_day == pytest.approx(12 / 19, abs=0.01)  # 12 over the 19 days monitored


def test_silence_without_crawls_is_not_the_sites_fault(store: Store) -> None:
    start = NOW - timedelta(days=20)
    for day in range(5):
        add_run(store, "s", start + timedelta(days=day), new=1)
        add_article(store, "s", start + timedelta(days=day), day)
    assert health(store).status == "ok"  # 16 quiet days, but nobody crawled


def test_pages_that_stop_extracting_are_unhealthy(store: Store) -> None:
    add_run(store, "s", NOW - timedelta(hours=5), new=3)
    add_article(store, "s", NOW - timedelta(hours=5), 1)
    add_run(store, "s", NOW - timedelta(hours=4), non_articles=3)
    assert health(store).status == "ok"
    add_run(store, "s", NOW - timedelta(hours=3), non_articles=2)
    h = health(store)
    assert h.status == "unhealthy"
    assert h.reasons == [
        "extraction is failing: the last 5 article pages fetched gave no article (title or text missing)"
    ]


def test_list_pages_without_article_links_are_unhealthy(store: Store) -> None:
    add_run(store, "s", NOW - timedelta(hours=5), new=3)
    for hours in (3, 2, 1):
        add_run(store, "s", NOW - timedelta(hours=hours), "partial",
                error="http://s.example/news/: no article links found on this list page")
    assert health(store).reasons == ["list pages show no article links in the last 3 crawls (a redesign?)"]


def test_dates_disappearing_from_recent_articles_is_unhealthy(store: Store) -> None:
    for n in range(20):
        add_article(store, "s", NOW - timedelta(hours=40 - n), n, dated=True)
    assert health(store).status == "ok"
    for n in range(20, 30):
        add_article(store, "s", NOW - timedelta(hours=40 - n), n, dated=False)
    assert health(store).reasons == ["dates are missing in 10 of the last 10 articles"]


def test_abandoned_running_rows_are_closed(store: Store) -> None:
    running = store.start_run("s")
    other = store.start_run("t")
    assert close_abandoned_runs(store.db, ["s"], status="interrupted", error="killed") == [running]
    row = store.db.table("crawl_runs").get(running)
    assert (row["status"], row["error"]) == ("interrupted", "killed") and row["finished_at"]
    assert store.db.table("crawl_runs").get(other)["status"] == "running"
    assert close_abandoned_runs(store.db, None, status="interrupted", error="killed") == [other]
