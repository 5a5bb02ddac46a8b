"""The Redis crawl queue and the scheduler lease, against a real redis-server on loopback.

(``redis_url`` starts one per test: tests/services/redis.py.)
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from newsmon.errors import QueueError
from newsmon.scheduler.crawl_queue import MAX_ATTEMPTS, CrawlQueue, safe_url
from newsmon.scheduler.lease import SchedulerLease
from newsmon.shared_crawl import SharedCrawl, crawl_key


def test_a_site_is_queued_once_until_its_crawl_finishes(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    assert queue.enqueue("a") is True
    assert queue.enqueue("a") is False  # already queued
    assert queue.enqueue("b") is True
    queue.heartbeat("w1", {})
    job = queue.claim("w1", timeout=0.1)
    assert job is not None and job.site == "a"  # first in, first out
    assert queue.enqueue("a") is False  # running
    queue.finish("w1", job, {"event": "site_done", "site": "a", "status": "ok"})
    assert queue.enqueue("a") is True  # free again
    assert [r["site"] for r in queue.pop_reports()] == ["a"]
    assert queue.counts() == {"waiting": 2, "active": 2, "workers": 1}


def test_many_due_sites_are_all_queued_in_order(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    names = [f"s{i}" for i in range(500)]
    assert all(queue.enqueue(name) for name in names)
    taken = []
    while (job := queue.claim("w", timeout=0.05)) is not None:
        taken.append(job.site)
    assert taken == names


def test_a_dead_workers_crawls_go_back_to_the_front_of_the_queue(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    for name in ("a", "b", "c"):
        queue.enqueue(name)
    queue.heartbeat("dead", {})
    first, second = queue.claim("dead", 0.1), queue.claim("dead", 0.1)
    assert first is not None and second is not None
    queue.record_run(first, 41)
    assert queue.reap() == []  # its heartbeat is still alive
    queue.client.delete(queue.key("worker", "dead"))  # what worker_ttl_s (newsmon.timings) does after a kill -9
    reaped = queue.reap()
    assert sorted((job.site, run) for job, run in reaped) == [("a", 41), ("b", None)]
    order = [job.site for job in iter(lambda: queue.claim("next", 0.05), None)]
    assert order == ["a", "b", "c"]  # the interrupted crawls first, nothing lost, nothing doubled
    assert queue.enqueue("a") is False  # still counted as queued/running


def test_a_job_that_kills_every_worker_is_given_up(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    queue.enqueue("poison")
    for attempt in range(MAX_ATTEMPTS):
        worker = f"w{attempt}"
        queue.heartbeat(worker, {})
        job = queue.claim(worker, 0.1)
        assert job is not None and job.attempt == attempt
        queue.client.delete(queue.key("worker", worker))
        queue.reap()
    assert queue.claim("last", 0.05) is None
    reports = queue.pop_reports()
    assert reports[-1]["site"] == "poison" and reports[-1]["status"] == "interrupted"
    assert queue.enqueue("poison") is True  # the next scheduled crawl may try again


def test_clean_requeue_puts_the_job_first(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    queue.enqueue("a")
    queue.enqueue("b")
    job = queue.claim("w", 0.1)
    assert job is not None and queue.requeue("w", job)
    again = queue.claim("w2", 0.1)
    assert again is not None and again.site == "a" and again.id == job.id


def test_lease_one_holder_and_takeover(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    first = SchedulerLease(queue.client, queue.key("scheduler"), "first", ttl_s=0.5)
    second = SchedulerLease(queue.client, queue.key("scheduler"), "second", ttl_s=0.5)
    assert first.try_acquire() and not second.try_acquire()
    assert first.renew() and second.current_holder() == "first"
    time.sleep(0.7)  # first stops renewing (killed)
    assert second.try_acquire()
    assert not first.renew()  # a holder that lost the lease learns it
    second.release()
    assert first.try_acquire()


def test_unreachable_redis_is_one_sentence() -> None:
    with pytest.raises(QueueError) as info:
        CrawlQueue.connect("redis://:s3cret@127.0.0.1:1/0", timeout=1)
    message = str(info.value)
    assert message.startswith("Cannot reach the Redis queue at redis://:***@127.0.0.1:1/0 (")
    assert "s3cret" not in message and "\n" not in message
    assert safe_url("redis://u:p@h:1/0") == "redis://u:***@h:1/0"


def test_queue_config_url_and_secret_from_the_environment(redis_server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsmon.config import parse_config
    from newsmon.errors import ConfigError
    from newsmon.redact import redact
    from newsmon.scheduler.crawl_queue import queue_url

    with pytest.raises(ConfigError, match=r"config.yaml: queue: 'http://x' is not a Redis URL like redis://host:6379/0\."):
        parse_config({"queue": "http://x"})
    config = parse_config({"queue": "redis://:${NEWSMON_TEST_REDIS_PW}@127.0.0.1:%d/0" % redis_server.port})
    monkeypatch.delenv("NEWSMON_TEST_REDIS_PW", raising=False)
    with pytest.raises(ConfigError, match="queue: environment variable NEWSMON_TEST_REDIS_PW is not set"):
        queue_url(config)
    monkeypatch.setenv("NEWSMON_TEST_REDIS_PW", "pw-9f8e7d")
    url = queue_url(config)
    assert url == "redis://:pw-9f8e7d@127.0.0.1:%d/0" % redis_server.port
    assert "pw-9f8e7d" not in redact(f"connecting to {url}")  # registered as a secret on expansion
    assert parse_config({}).queue is None


def test_helper_offers_go_to_a_worker_not_crawling_the_site_and_die_with_it(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    queue.enqueue("big")
    queue.heartbeat("owner", {})
    owner = queue.claim("owner", timeout=0)
    assert owner is not None and owner.site == "big"
    assert queue.claim("owner", timeout=0) is None  # no wait when asked not to
    queue.offer_helper(owner)
    queue.offer_helper(owner)
    assert queue.helper_offers(owner) == 2
    # The owner's worker (it crawls that site/host) passes over the offers; another worker takes one.
    assert queue.claim_helper("owner", {"big"}) is None
    queue.heartbeat("other", {})
    helper = queue.claim_helper("other", {"elsewhere"})
    assert helper is not None and helper.site == "big" and helper.helper_of == owner.id
    assert queue.helper_offers(owner) == 1
    # A helper's end frees nothing of the owner's and reports nothing.
    assert queue.finish("other", helper, None)
    assert queue.enqueue("big") is False and queue.pop_reports() == []
    # The owner's end withdraws the offers nobody took.
    assert queue.withdraw_helpers(owner) == 1 and queue.helper_offers(owner) == 0
    queue.finish("owner", owner, {"event": "site_done", "site": "big", "status": "ok"})
    assert queue.enqueue("big") is True


def test_a_dead_workers_helper_job_is_dropped_not_requeued(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    queue.enqueue("big")
    queue.heartbeat("owner", {})
    owner = queue.claim("owner", timeout=0)
    assert owner is not None
    queue.offer_helper(owner)
    queue.client.set("newsmon:worker:dead", "{}", px=50)
    queue.client.sadd("newsmon:workers", "dead")
    assert queue.claim_helper("dead", set()) is not None
    time.sleep(0.1)  # its heartbeat expires
    assert queue.reap() == []  # no crawl_runs row to close, nothing queued again
    assert queue.counts()["waiting"] == 0 and not queue.client.exists("newsmon:processing:dead")
    assert queue.enqueue("big") is False  # the owner's crawl still runs


def test_a_dead_owners_helper_offers_are_withdrawn(redis_url: str) -> None:
    queue = CrawlQueue.connect(redis_url)
    queue.enqueue("big")
    queue.client.set("newsmon:worker:dead", "{}", px=50)
    queue.client.sadd("newsmon:workers", "dead")
    owner = queue.claim("dead", timeout=0)
    assert owner is not None
    queue.offer_helper(owner)
    time.sleep(0.1)  # the owner's worker died (kill -9): its heartbeat expires
    assert [job.site for job, _ in queue.reap()] == ["big"]
    # No helper goes to the crawl's frontier while it has no owner; the resumed crawl offers again.
    assert queue.helper_offers(owner) == 0
    queue.heartbeat("other", {})
    assert queue.claim_helper("other", set()) is None


def test_a_member_taken_for_dead_while_slow_is_a_member_again_at_its_next_beat(redis_url: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_url)
    crawl = SharedCrawl(client, "big")
    crawl.join("owner1", "owner")
    crawl.join("helper1", "helper")
    client.delete(crawl_key("big", "alive:helper1"))  # its reactor was blocked past member_ttl_s (newsmon.timings)
    assert crawl.others("owner1") == ([], ["helper1"])
    crawl.forget(["helper1"])  # the owner walks the list pages again for what it held
    crawl.beat("helper1", "helper")  # ...but it was only slow: it beats again
    # The owner waits for it again (else it ended and flushed the frontier under a working helper).
    assert crawl.others("owner1") == (["helper1"], []) and crawl.helpers() == 1


def test_helpers_claimed_but_not_yet_joined_count_toward_max_helpers(redis_url: str, tmp_path: Path) -> None:
    """A claimed helper joins the crawl only once its spider opens (seconds on a busy machine): meanwhile
    the owner's worker, offering once a second, must count it, or a big crawl gets more than MAX_HELPERS."""
    import redis

    from newsmon.scheduler.pool import CrawlJob
    from newsmon.scheduler.queue_worker import QueueWorker
    from newsmon.shared_crawl import MAX_HELPERS

    (tmp_path / "config.yaml").write_text(
        f"database: {tmp_path / 'news.db'}\nqueue: {redis_url}\n"
        "sites:\n  - name: big\n    start_urls: ['http://127.0.0.1:9/list.html']\n", encoding="utf-8")
    owner_worker = QueueWorker(tmp_path / "config.yaml")
    queue = owner_worker.queue
    queue.enqueue("big")
    owner = queue.claim(owner_worker.id, timeout=0)
    assert owner is not None
    crawl = CrawlJob(id=1, site="big", hosts=frozenset({"127.0.0.1:9"}), time_limit=None, on_event=None)
    crawl.opened = time.monotonic()
    owner_worker._running[owner.id] = (owner, crawl, time.monotonic())
    SharedCrawl(redis.Redis.from_url(redis_url), "big").join("owner1", "owner")
    queue.client.zadd(crawl_key("big", "requests"), {f"r{i}": 0 for i in range(1000)})  # a long frontier

    claimed = []
    for second in range(MAX_HELPERS + 3):  # the offer loop's passes while the helpers start
        owner_worker._offer_helpers()
        queue.heartbeat(f"other{second}", {})
        helper = queue.claim_helper(f"other{second}", set())
        if helper is not None:
            claimed.append(helper)
    assert len(claimed) == MAX_HELPERS
