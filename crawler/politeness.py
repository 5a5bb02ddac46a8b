"""Per-host politeness shared by every ``newsmon worker`` (issue 16): a limiter in Redis.

Scrapy's politeness (``DOWNLOAD_DELAY``, ``CONCURRENT_REQUESTS_PER_DOMAIN``)
lives in each crawl's downloader, so two crawls of one host, an owner and its
helpers (``newsmon.shared_crawl``) or two sites of one portal on two workers,
would each be polite on their own and together not. This downloader
middleware, on for crawls whose frontier is in Redis, makes every download
first take a place at its host (``host[:port]``) in Redis:

* ``newsmon:host:<host>:leases`` (sorted set lease -> expiry): at most
  ``CONCURRENT_REQUESTS_PER_DOMAIN`` downloads of the host at once over all
  workers. A lease is returned when the response (or the error) comes back; a
  lease whose worker died expires ``DOWNLOAD_TIMEOUT`` + 2 s after it was taken;
* ``newsmon:host:<host>:next`` (ms): no download of the host starts before
  ``crawl.download_delay`` after the previous one started, nor before the
  delay after the previous one's response (or error) came back, over all workers
  (``NEWSMON_HOST_DELAY``; the downloader's own ``DOWNLOAD_DELAY`` is 0 then,
  ``crawler.frontier.frontier_settings``; AutoThrottle, when on, still slows
  each worker further on its own: its delay is waited here, *before* the lease,
  since the downloader slot would wait it after, when the place taken in Redis
  is long past and another worker's download may be starting).

Redis's clock decides (``TIME`` in the script), so machines' clocks need not
agree. The place is taken before the download is sent, and a busy worker may
send it well after (a starved process: 0.15 s was seen): counted from the lease
alone, the next worker's download could reach the host sooner than the delay
after this one. The delay counted again from the place's return bounds it: a
download was sent before its response came back. The delay is a strict minimum
(Scrapy's own randomises it between 0.5 and 1.5 times), so several workers
together never fetch a host faster than one worker alone may. In one process only one request per host asks Redis at
a time (the others wait their turn locally), so waiting costs one poll every
``POLL_S`` per host and process, not one per request; a place this process
returns wakes its waiting request at once.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any, Optional

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response

from newsmon.shared_crawl import host_key

__all__ = ["HostLimiter", "LEASE_META"]

log = logging.getLogger(__name__)

LEASE_META = "newsmon_host_lease"
POLL_S = 0.02
LEASE_SLACK_S = 2.0

# Redis's clock in ms, as both scripts read it.
_NOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

# KEYS: leases, next; ARGV: lease id, concurrency, lease ms, delay ms.
# Returns 0 (the lease is taken), else how many ms to wait before asking again.
_ACQUIRE = _NOW + """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
local nxt = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < nxt then return nxt - now end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
local delay = tonumber(ARGV[4])
if delay > 0 then redis.call('SET', KEYS[2], now + delay, 'PX', delay + 1000) end
return 0
"""

# KEYS: leases, next; ARGV: lease id, delay ms. The place returned; the host's next start no sooner than the delay from now.
_RELEASE = _NOW + """
redis.call('ZREM', KEYS[1], ARGV[1])
local delay = tonumber(ARGV[2])
if delay > 0 then
  local later = now + delay
  if later > tonumber(redis.call('GET', KEYS[2]) or '0') then redis.call('SET', KEYS[2], later, 'PX', delay + 1000) end
end
return 0
"""


class HostLimiter:
    """Downloader middleware: a download waits for its place at its host in Redis (module docstring)."""

    def __init__(self, server: Any, *, concurrency: int, delay_s: float, lease_s: float,
                 crawler: Optional[Crawler] = None) -> None:
        from twisted.internet.defer import DeferredLock

        self.server = server
        self.crawler = crawler
        self.concurrency = max(1, concurrency)
        self.delay_ms = int(round(delay_s * 1000))
        self.lease_ms = int(lease_s * 1000)
        self._acquire = server.register_script(_ACQUIRE)
        self._return = server.register_script(_RELEASE)
        self._turns: dict[str, DeferredLock] = {}
        self._sleeping: dict[str, tuple[Any, Any]] = {}  # host -> (Deferred, its timer): the poller's wait

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "HostLimiter":
        from scrapy_redis import connection

        settings = crawler.settings
        return cls(connection.from_settings(settings),
                   concurrency=settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 1),
                   delay_s=settings.getfloat("NEWSMON_HOST_DELAY", 0.0),  # crawl.download_delay
                   lease_s=settings.getfloat("DOWNLOAD_TIMEOUT", 30.0) + LEASE_SLACK_S, crawler=crawler)

    async def process_request(self, request: Request, spider: Spider) -> None:
        host = host_key(request.url) if request.url.startswith(("http://", "https://")) else None
        if host is None:
            return None  # data: (the spider's release request) is no download
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.defer import DeferredLock

        turn = self._turns.setdefault(host, DeferredLock())
        await maybe_deferred_to_future(turn.acquire())
        lease = uuid.uuid4().hex
        keys = [f"newsmon:host:{host}:leases", f"newsmon:host:{host}:next"]
        try:
            # The slot's own (AutoThrottle) delay, over before the lease: then the slot starts the download at once.
            while (wait_s := self._slot_wait(request)) > 0:
                await maybe_deferred_to_future(self._sleep(host, wait_s))
            while True:
                wait_ms = int(self._acquire(keys=keys, args=[lease, self.concurrency, self.lease_ms, self.delay_ms]))
                if wait_ms == 0:
                    break
                wait = POLL_S if wait_ms < 0 else max(wait_ms / 1000, 0.001)
                await maybe_deferred_to_future(self._sleep(host, wait))
        finally:
            turn.release()
        request.meta[LEASE_META] = (keys, lease, host)
        return None

    def process_response(self, request: Request, response: Response, spider: Spider) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: BaseException, spider: Spider) -> None:
        self._release(request)
        return None

    def _slot_wait(self, request: Request) -> float:
        """Seconds the downloader's slot would hold ``request`` before starting it (AutoThrottle's delay), if sent now."""
        engine = self.crawler.engine if self.crawler is not None else None
        if engine is None:
            return 0.0
        downloader = engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is None:
            return 0.0
        # The slot's clock is time.monotonic(). A pending call means it waits out the delay it had at its last
        # download, whatever AutoThrottle set since: poll until it fired.
        wait = slot.lastseen + slot.delay - time.monotonic()
        return max(wait, POLL_S) if slot.latercall is not None else wait

    def _sleep(self, host: str, seconds: float) -> Any:
        """A Deferred that fires after ``seconds``, or at once when this process returns a place at ``host``."""
        from twisted.internet import reactor
        from twisted.internet.defer import Deferred

        reactor_: Any = reactor  # twisted's module-level reactor is typed as an interface
        done: Deferred[None] = Deferred()
        self._sleeping[host] = (done, reactor_.callLater(seconds, self._wake, host))
        return done

    def _wake(self, host: str) -> None:
        done, timer = self._sleeping.pop(host, (None, None))
        if timer is not None and timer.active():
            timer.cancel()
        if done is not None and not done.called:
            done.callback(None)

    def _release(self, request: Request) -> None:
        held = request.meta.pop(LEASE_META, None)
        if held is None:
            return
        keys, lease, host = held
        try:
            self._return(keys=keys, args=[lease, self.delay_ms])
        except Exception as exc:  # noqa: BLE001 - the lease expires by itself; the crawl goes on
            log.warning("could not return a host lease (%s); it expires by itself", exc)
        self._wake(host)  # this process's next download of the host need not wait for its poll
