"""After a killed crawl, or one whose deeper list page failed, the next crawl walks the list as deep
as that one did not.

A real loopback site whose list is newest first, five links a page (new stories push the older
ones onto deeper pages), real worker processes (``run_crawl``) and a real SQLite file. The killed
crawl is killed for real: the pool's workers are cancelled while its second list page is still
being answered.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import yaml

from newsmon.config import Config, load_config
from newsmon.crawler.fingerprint import text_fingerprint
from newsmon.db import open_store
from newsmon.db.health import RUN_COUNTS, WALK_LIMIT
from newsmon.portal import DEFAULT_CRAWL
from newsmon.portal import templates as t
from newsmon.portal.bench import generate
from newsmon.portal.model import Article
from newsmon.portal.sites import load_data
from newsmon.scheduler.crawl import run_crawl

PER_PAGE = 5
BRAND = t.Brand("滚动资讯网", "utf-8", list_root="/list/1.html")


class RollingSite(ThreadingHTTPServer):
    """Newest first, ``PER_PAGE`` a page; ``shown`` of the newest articles are published."""

    daemon_threads = True

    def __init__(self, articles: list[Article], shown: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.articles = articles  # newest first
        self.shown = shown
        self.requests: list[str] = []
        self.failing: set[str] = set()  # paths answered `status` (a page the server cannot build right now)
        self.status = 500
        # Called with a failing path before it is answered: another crawl of the site storing that story meanwhile.
        self.before_failing: Callable[[str], None] = lambda path: None
        self.hold: str = ""  # a list page answered only once `release` is set (or after 30 s)
        self.held = threading.Event()
        self.release = threading.Event()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def visible(self) -> list[Article]:
        return self.articles[len(self.articles) - self.shown:]

    def page(self, path: str) -> tuple[int, str]:
        visible = self.visible()
        pages = [visible[i:i + PER_PAGE] for i in range(0, len(visible), PER_PAGE)]
        hrefs = [f"/list/{n}.html" for n in range(1, len(pages) + 1)]
        if path in hrefs:
            index = hrefs.index(path)
            return 200, t.destoon_list(BRAND, pages[index], hrefs, index, visible[:3])
        for pos, article in enumerate(visible):
            if article.path == path:
                return 200, t.destoon_article(BRAND, article, None, None, [], visible[:3],
                                              int(path.rsplit("-", 1)[1].split(".")[0]))
        return 404, "<html><body>not found</body></html>"


class _Handler(BaseHTTPRequestHandler):
    server: RollingSite

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        site = self.server
        site.requests.append(self.path)
        if self.path == site.hold:
            site.held.set()
            site.release.wait(30)
        if self.path in site.failing:
            site.before_failing(self.path)
        status, text = (site.status, "<html><body>server error</body></html>") if self.path in site.failing \
            else site.page(self.path)
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the killed crawl's worker hung up


@pytest.fixture
def site() -> Iterator[RollingSite]:
    server = RollingSite(generate(25, load_data()["bench"]), shown=15)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def _config(site: RollingSite, tmp_path: Path, database: str, **crawl: Any) -> Config:
    """The one-site config every test here crawls with (ten list pages at most; ``crawl`` overrides)."""
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({
        "database": database,
        "crawl": DEFAULT_CRAWL | crawl,
        "sites": [{"name": "rolling", "start_urls": [site.base + "/list/1.html"], "every": "30s",
                   "max_list_pages": 10}],
    }), encoding="utf-8")
    return load_config(tmp_path / "config.yaml")


def _stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_crawl_after_a_killed_one_walks_past_known_pages(site: RollingSite, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    config = _config(site, tmp_path, str(db))

    [first] = run_crawl(config, time_limit=60)
    assert first.status == "ok" and _stored(db) == 15

    # Ten stories appear: the five newest fill page 1, the next five page 2. The second crawl
    # stores page 1's and is killed while page 2 is on its way.
    site.shown = 25
    site.hold = "/list/2.html"
    cancel = threading.Event()
    reports: list[Any] = []
    crawl = threading.Thread(target=lambda: reports.extend(run_crawl(config, time_limit=60, cancel=cancel)))
    crawl.start()
    deadline = time.monotonic() + 60
    while not (site.held.is_set() and _stored(db) == 20) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert site.held.is_set() and _stored(db) == 20
    cancel.set()
    crawl.join(60)
    site.hold = ""
    site.release.set()
    with sqlite3.connect(db) as conn:
        assert [row[0] for row in conn.execute("SELECT status FROM crawl_runs ORDER BY id")] == ["ok", "interrupted"]

    # Page 1 is all known now; the stories the killed crawl never saw are on page 2.
    site.requests.clear()
    [third] = run_crawl(config, time_limit=60)
    missed = [a.path for a in site.articles[5:10]]
    assert set(missed) <= set(site.requests), site.requests
    assert third.status == "ok" and _stored(db) == 25

    # Once a crawl went all the way again, an unchanged list stops at its first page.
    site.requests.clear()
    [fourth] = run_crawl(config, time_limit=60)
    assert fourth.status == "ok" and [p for p in site.requests if p.startswith("/list/")] == ["/list/1.html"]



def _stories(database: str) -> int:
    with open_store(database) as store:
        return store.counts()["articles"]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_crawl_after_one_whose_second_list_page_failed_reads_that_page(
    backend: str, site: RollingSite, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A crawl that could not read list page 2 (HTTP 500) did not go to its end, though only a
    request failed (``partial``): the next crawl must not stop at page 1 because it is all known."""
    database = str(tmp_path / "news.db") if backend == "sqlite" else request.getfixturevalue("postgres_url")
    config = _config(site, tmp_path, database)
    site.shown = 10  # two list pages of five
    page_two = [a.path for a in site.visible()[PER_PAGE:]]

    site.failing = {"/list/2.html"}
    [first] = run_crawl(config, time_limit=60)
    assert first.status == "partial" and first.failures == first.list_failures == 1, first
    assert _stories(database) == PER_PAGE
    assert "/list/2.html" in site.requests and not set(page_two) & set(site.requests)
    with open_store(database) as store:
        assert store.runs("rolling")[0]["list_failures"] == 1

    # The server answers page 2 again; page 1 is all known.
    site.failing = set()
    site.requests.clear()
    [second] = run_crawl(config, time_limit=60)
    assert "/list/2.html" in site.requests, site.requests
    assert set(page_two) <= set(site.requests), site.requests
    assert second.status == "ok" and second.articles_new == PER_PAGE and _stories(database) == 2 * PER_PAGE, second

    # That crawl read every list page: an unchanged list stops at its first page again.
    site.requests.clear()
    [third] = run_crawl(config, time_limit=60)
    assert third.status == "ok" and [p for p in site.requests if p.startswith("/list/")] == ["/list/1.html"]


@pytest.mark.parametrize("status,asked_again", [(500, True), (404, False)])
def test_a_story_that_failed_on_a_deeper_list_page_is_asked_for_again(
    status: int, asked_again: bool, site: RollingSite, tmp_path: Path
) -> None:
    """A story on list page 2 whose page failed for a passing reason (HTTP 500) is still unknown, but
    the next crawl stops at page 1 when that page is all known, so it was never asked for again (lost
    for good). Such a failure now makes the crawl incomplete, like a failed list page; a story whose
    page is gone (404) is not worth a walk past the known pages."""
    database = tmp_path / "news.db"
    config = _config(site, tmp_path, str(database))
    site.shown = 10  # two list pages of five
    lost = site.visible()[PER_PAGE + 2].path  # a story of page 2

    site.failing = {lost}
    site.status = status
    [first] = run_crawl(config, time_limit=60)
    assert first.status == "partial" and first.failures == 1, first
    assert _stored(database) == 2 * PER_PAGE - 1

    site.failing = set()  # the server answers that story again; page 1 is all known
    site.requests.clear()
    [second] = run_crawl(config, time_limit=60)
    assert (lost in site.requests) is asked_again, site.requests
    assert _stored(database) == 2 * PER_PAGE - (0 if asked_again else 1)
    assert second.status == "ok", second


def test_a_failed_story_that_another_fetch_stored_leaves_the_crawl_complete(site: RollingSite, tmp_path: Path) -> None:
    """A story fetch that fails while another fetch of the site stores the story (a helper of a shared
    crawl, or the owner's walk after a helper died: found by the scale-out test, where one timed-out
    fetch made a crawl that stored every story ``partial``) is no loss: the crawl ends ``ok``, with no
    failure counted, and the next one stops at page 1 again. The control: the same failure with the
    story not stored is ``partial`` and walks on (the test above)."""
    database = tmp_path / "news.db"
    config = _config(site, tmp_path, str(database))
    site.shown = 10  # two list pages of five
    story = site.visible()[PER_PAGE + 2]  # a story of page 2: its failure would count as a list failure
    body = "\n\n".join(story.paragraphs)

    def stored_elsewhere(path: str) -> None:
        with open_store(database) as store:
            store.add_article(site="rolling", url=site.base + path, title=story.title, body=body,
                              fingerprint=text_fingerprint(body))

    site.failing = {story.path}
    site.before_failing = stored_elsewhere
    [first] = run_crawl(config, time_limit=60)
    assert story.path in site.requests
    assert first.status == "ok" and first.failures == first.list_failures == 0 and not first.errors, first
    assert _stored(database) == 2 * PER_PAGE
    with open_store(database) as store:
        run = store.runs("rolling")[0]
    assert (run["status"], run["failures"], run["list_failures"]) == ("ok", 0, 0), run

    site.failing = set()
    site.requests.clear()
    [second] = run_crawl(config, time_limit=60)
    assert second.status == "ok" and [p for p in site.requests if p.startswith("/list/")] == ["/list/1.html"]


def _http_failure(status: int) -> "Failure":
    from scrapy.http import Request, Response
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.python.failure import Failure

    response = Response("http://127.0.0.1/a.html", status=status, request=Request("http://127.0.0.1/a.html"))
    return Failure(HttpError(response, "Ignoring non-200 response"))


@pytest.mark.parametrize("status", [408, 429])
def test_a_story_refused_for_now_may_pass(status: int) -> None:
    """408 (the server gave up waiting) and 429 (too many requests) are passing like a 5xx: Scrapy
    retries both (RETRY_HTTP_CODES); a deep story refused so is lost unless the next crawl walks on."""
    from newsmon.crawler.failures import may_pass

    assert may_pass(_http_failure(status))
    assert not may_pass(_http_failure(404))


def test_a_response_too_big_does_not_pass() -> None:
    """A page over crawl.max_response_bytes is as big next time: ``may_pass`` says it is no passing
    failure (its docstring), so a deep story too big must not make every later crawl walk past known pages."""
    from twisted.internet.defer import CancelledError
    from twisted.python.failure import Failure
    from scrapy import exceptions as scrapy_exc

    from newsmon.crawler.failures import may_pass

    too_big = getattr(scrapy_exc, "DownloadCancelledError", CancelledError)
    assert not may_pass(Failure(too_big("Cancelling download: expected size (2000000) larger than max size (1000000).")))



def test_a_deeper_story_that_always_fails_is_given_up_after_a_few_walks(site: RollingSite, tmp_path: Path) -> None:
    """A story of list page 2 that the server never builds (HTTP 500 every time) made every crawl walk
    past the known list pages to ``max_list_pages``, for ever. After ``WALK_LIMIT`` crawls in a row
    that failed that way, the next one stops at page 1 again (and completes).

    The first failing crawl is real; the walks after it, which fail the same way (see the test above
    for a walk), are recorded through the store's own run API with that crawl's counts, to keep this
    test to two crawls."""
    database = tmp_path / "news.db"
    config = _config(site, tmp_path, str(database))
    site.shown = 10  # two list pages of five
    broken = site.visible()[PER_PAGE + 2].path  # a story of page 2
    site.failing = {broken}
    [first] = run_crawl(config, time_limit=60)
    assert first.status == "partial" and first.list_failures == 1, first
    with open_store(str(database)) as store:
        counts = {key: store.runs("rolling")[0][key] for key in RUN_COUNTS}
        for _ in range(WALK_LIMIT - 1):
            store.finish_run(store.start_run("rolling"), status="partial", counts=counts,
                             errors=[f"{site.base}{broken}: HTTP 500"], duration_s=1.0)
        assert store.list_failure_streak("rolling") == WALK_LIMIT

    site.requests.clear()
    [given_up] = run_crawl(config, time_limit=60)
    assert [p for p in site.requests if p.startswith("/list/")] == ["/list/1.html"], site.requests
    assert broken not in site.requests and given_up.status == "ok", given_up
    assert _stored(database) == 2 * PER_PAGE - 1


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_list_failure_streak_counts_the_latest_failing_crawls_only(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Crawls that ended with list failures (or out of time without a new story) one after another, up to
    WALK_LIMIT; a complete crawl (or a partial one without list failures, or one out of time that stored new
    stories) ends the streak; a crawl that read no list page is skipped."""
    database = str(tmp_path / "news.db") if backend == "sqlite" else request.getfixturevalue("postgres_url")
    with open_store(database) as store:
        def crawl(status: str, list_failures: int, new: int = 0) -> None:
            counts = dict.fromkeys(RUN_COUNTS, 0) | {"list_failures": list_failures, "failures": list_failures,
                                                     "articles_new": new}
            store.finish_run(store.start_run("s"), status=status, counts=counts, errors=[], duration_s=1.0)

        assert store.list_failure_streak("s") == 0
        crawl("partial", 1)
        crawl("ok", 0)
        crawl("partial", 2)
        crawl("failed", 0)  # the site was down: it asked for nothing
        assert store.list_failure_streak("s") == 1
        crawl("partial", 1)
        assert store.list_failure_streak("s") == 2
        for _ in range(WALK_LIMIT):
            crawl("partial", 1)
        assert store.list_failure_streak("s") == WALK_LIMIT
        crawl("partial", 0)  # only page-1 stories failed: the next crawl asks for them anyway
        assert store.list_failure_streak("s") == 0
        # Out of time: a crawl that stored nothing new walked for nothing; one that stored new stories was
        # getting through a backlog, and walking on is how the next one gets the rest.
        crawl("timeout", 0)
        crawl("partial", 1)
        assert store.list_failure_streak("s") == 2
        crawl("timeout", 0, new=3)
        assert store.list_failure_streak("s") == 0


def test_a_walk_that_runs_out_of_time_without_a_new_story_is_given_up_after_a_few(
    site: RollingSite, tmp_path: Path
) -> None:
    """A deeper list page that hangs made every crawl after an incomplete one walk to it and run out of
    time, for ever: a timeout is no complete crawl, so the next walked again. ``WALK_LIMIT`` timeouts in
    a row without a new story give the walk up (one that stored new stories keeps it: the streak test).

    The first crawl and one timed-out walk are real; the incomplete crawl before that walk and the other
    walks that hang the same way are recorded through the store's run API. A stopped crawl still waits
    for its pages under way: the download timeout is short here to keep the test short."""
    database = tmp_path / "news.db"
    config = _config(site, tmp_path, str(database), timeout=3)
    site.shown = 2 * PER_PAGE
    [first] = run_crawl(config, time_limit=60)
    assert first.status == "ok" and _stored(database) == 2 * PER_PAGE, first
    with open_store(str(database)) as store:  # a crawl that did not complete: the next one walks
        store.finish_run(store.start_run("rolling"), status="interrupted", counts=dict.fromkeys(RUN_COUNTS, 0),
                         errors=["killed"], duration_s=1.0)

    site.hold = "/list/2.html"  # page 1 is all known; page 2 hangs past the time limit
    [stalled] = run_crawl(config, time_limit=2)
    assert site.held.is_set() and stalled.status == "timeout" and stalled.articles_new == 0, stalled
    with open_store(str(database)) as store:
        counts = {key: store.runs("rolling")[0][key] for key in RUN_COUNTS}
        for _ in range(WALK_LIMIT - 1):
            store.finish_run(store.start_run("rolling"), status="timeout", counts=counts,
                             errors=["the crawl hit its time limit and was stopped"], duration_s=2.0)
        assert store.list_failure_streak("rolling") == WALK_LIMIT

    site.requests.clear()
    [given_up] = run_crawl(config, time_limit=20)
    assert [p for p in site.requests if p.startswith("/list/")] == ["/list/1.html"], site.requests
    assert given_up.status == "ok" and _stored(database) == 2 * PER_PAGE, given_up
