"""The shared crawl queue in Redis (``queue:`` in config.yaml): site crawls from the scheduler to workers.

``newsmon run`` pushes a site crawl when it comes due; ``newsmon worker``
processes on any machine take them. It is a *reliable* queue (the Redis
``BLMOVE`` pattern), so a worker killed mid-crawl loses nothing:

* ``<prefix>:pending`` (list): crawls waiting, oldest at the right end;
* ``<prefix>:sites`` (hash site -> job id): every site queued or running.
  A site already there is not queued again (``enqueue`` returns False);
* a worker moves a job atomically from ``pending`` into its own
  ``<prefix>:processing:<worker>`` list and keeps ``<prefix>:worker:<worker>``
  alive with a short expiry (its heartbeat); on finishing it removes the job
  from its list and the site from ``sites`` in one transaction;
* ``reap()`` (run by the active scheduler and by every worker) moves the jobs of
  a worker whose heartbeat expired (``kill -9``, a lost machine) back to the
  front of ``pending``, at most ``MAX_ATTEMPTS`` times per job;
* ``<prefix>:reports`` (list): each finished crawl's report, read by the
  active scheduler (log line, site health, alert sending);
* ``<prefix>:runs`` (hash job id -> crawl_runs id): so the reaper can close
  the row a dead worker left ``running``;
* ``<prefix>:helpers`` (list): **helper** jobs, offered by the worker running
  a site's crawl while its frontier is long (``newsmon.shared_crawl``): a
  worker with a free slot that runs nothing on that site's host takes one
  (``claim_helper``, into its processing list like any job) and joins the
  crawl. A helper job is never queued again (a dead helper's requests are
  asked for again by the crawl's owner) and reports nothing to the scheduler
  (the owner's report counts its work). Offers nobody took leave with the
  owner's job: its end (``withdraw_helpers``) or its worker's death (``reap``).

The requests *inside* one site's crawl live in Redis too (scrapy-redis's
scheduler, see ``newsmon.crawler.frontier``): a requeued crawl resumes them.

Every multi-key change is one Lua script, so a scheduler or worker killed
between two commands leaves no half-moved job.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Optional
from urllib.parse import urlsplit, urlunsplit

import redis

from newsmon.config import Config
from newsmon.errors import ConfigError, QueueError
from newsmon.redact import expand_env
from newsmon.timings import timings

__all__ = ["CrawlQueue", "QueueJob", "MAX_ATTEMPTS", "queue_url", "safe_url", "worker_identity"]

log = logging.getLogger("newsmon.queue")

# A worker's heartbeat key expires timings().worker_ttl_s (10 s) after its last renewal (renewed every
# worker_beat_s, 2.5 s): its jobs go back to the queue at most this long after it died (newsmon.timings).
# A job whose worker died this many times is dropped (a site that kills every worker must not loop forever).
MAX_ATTEMPTS = 3
REPORTS_KEPT = 10000

_ENQUEUE = """
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
  redis.call('LPUSH', KEYS[1], ARGV[3])
  return 1
end
return 0
"""

# KEYS: processing, sites, runs, reports; ARGV: raw job, site, job id, report (may be '')
_FINISH = """
redis.call('LREM', KEYS[1], 1, ARGV[1])
if redis.call('HGET', KEYS[2], ARGV[2]) == ARGV[3] then redis.call('HDEL', KEYS[2], ARGV[2]) end
redis.call('HDEL', KEYS[3], ARGV[3])
if ARGV[4] ~= '' then
  redis.call('LPUSH', KEYS[4], ARGV[4])
  redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[5]) - 1)
end
return 1
"""

# KEYS: processing, pending; ARGV: raw job, raw job with attempt+1
_REQUEUE = """
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 1 then
  redis.call('RPUSH', KEYS[2], ARGV[2])
  return 1
end
return 0
"""

# Move every job of a dead worker back to the front of the queue, its attempt counted; a job past
# ARGV[2] attempts is dropped (its site freed); a helper job is dropped (its owner asks again for what it held).
# KEYS: heartbeat, processing, pending, workers, sites, runs; ARGV: worker id, max attempts.
# Returns {state, raw job, crawl_runs id or ''} per job.
_REAP = """
if redis.call('EXISTS', KEYS[1]) == 1 then return {} end
local jobs = redis.call('LRANGE', KEYS[2], 0, -1)
local out = {}
for i = 1, #jobs do
  local job = cjson.decode(jobs[i])
  job['attempt'] = (tonumber(job['attempt']) or 0) + 1
  local run = redis.call('HGET', KEYS[6], job['id']) or ''
  redis.call('HDEL', KEYS[6], job['id'])
  if job['helper_of'] and job['helper_of'] ~= '' then
    table.insert(out, {'helper', jobs[i], ''})
  elseif job['attempt'] >= tonumber(ARGV[2]) then
    if redis.call('HGET', KEYS[5], job['site']) == job['id'] then redis.call('HDEL', KEYS[5], job['site']) end
    table.insert(out, {'dropped', jobs[i], run})
  else
    redis.call('RPUSH', KEYS[3], cjson.encode(job))
    table.insert(out, {'requeued', jobs[i], run})
  end
end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[4], ARGV[1])
return out
"""

# Take the oldest helper offer whose site is not in ARGV[1] (a JSON object site -> true) into the processing
# list. KEYS: helpers, processing. Returns the raw job or false.
_CLAIM_HELPER = """
local offers = redis.call('LRANGE', KEYS[1], 0, -1)
local excluded = cjson.decode(ARGV[1])
for i = #offers, 1, -1 do
  local job = cjson.decode(offers[i])
  if not excluded[job['site']] then
    redis.call('LREM', KEYS[1], 1, offers[i])
    redis.call('LPUSH', KEYS[2], offers[i])
    return offers[i]
  end
end
return false
"""

# Remove the helper offers of owner job ARGV[1] nobody took. KEYS: helpers.
_WITHDRAW = """
local offers = redis.call('LRANGE', KEYS[1], 0, -1)
local removed = 0
for i = 1, #offers do
  if cjson.decode(offers[i])['helper_of'] == ARGV[1] then
    removed = removed + redis.call('LREM', KEYS[1], 1, offers[i])
  end
end
return removed
"""


def queue_url(config: Config) -> Optional[str]:
    """``queue:`` with its ``${VAR}`` references expanded (secrets registered for redaction); None when unset."""
    if config.queue is None:
        return None
    where = config.source_path or "config"
    return expand_env(config.queue, lambda name: ConfigError(
        f"{where}: queue: environment variable {name} is not set."))


def safe_url(url: str) -> str:
    """``url`` without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def worker_identity(role: str) -> str:
    """A unique id for this process: ``<role>@<host>:<pid>:<random>``."""
    return f"{role}@{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass
class QueueJob:
    """One queued site crawl."""

    site: str
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    queued_at: float = field(default_factory=time.time)
    attempt: int = 0  # how many workers died running it
    helper_of: str = ""  # a helper job: the id of the owner job whose crawl it joins
    raw: str = ""  # the exact string in Redis (LREM needs it byte for byte)

    def dumps(self) -> str:
        """The job as stored in Redis."""
        if not self.raw:
            data = asdict(self)
            del data["raw"]
            self.raw = json.dumps(data, sort_keys=True)
        return self.raw

    @classmethod
    def loads(cls, raw: str) -> "QueueJob":
        """The job stored as ``raw``."""
        data = json.loads(raw)
        return cls(site=str(data["site"]), id=str(data["id"]), queued_at=float(data.get("queued_at", 0)),
                   attempt=int(data.get("attempt", 0)), helper_of=str(data.get("helper_of") or ""), raw=raw)


class CrawlQueue:
    """The crawl queue at ``url`` (see the module docstring). ``CrawlQueue.connect(url)`` checks it answers."""

    def __init__(self, client: redis.Redis, url: str, prefix: str = "newsmon") -> None:
        self.client = client
        self.url = url
        self.prefix = prefix
        self._enqueue = client.register_script(_ENQUEUE)
        self._finish = client.register_script(_FINISH)
        self._requeue = client.register_script(_REQUEUE)
        self._reap = client.register_script(_REAP)
        self._claim_helper = client.register_script(_CLAIM_HELPER)
        self._withdraw = client.register_script(_WITHDRAW)

    @classmethod
    def connect(cls, url: str, prefix: str = "newsmon", timeout: float = 5.0) -> "CrawlQueue":
        """Connect and ping; QueueError (one sentence) when Redis cannot be reached."""
        try:
            client = redis.Redis.from_url(
                url, decode_responses=True, socket_connect_timeout=timeout, socket_timeout=timeout + 25,
                health_check_interval=30,
            )
            client.ping()
        except (redis.RedisError, ValueError, OSError) as exc:
            raise QueueError(describe_error(url, exc)) from None
        return cls(client, url, prefix)

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    # -- the scheduler's side ------------------------------------------------------

    def enqueue(self, site: str) -> bool:
        """Queue a crawl of ``site``; False when the site is already queued or running (nothing added)."""
        job = QueueJob(site)
        added = self._enqueue(keys=[self.key("pending"), self.key("sites")], args=[site, job.id, job.dumps()])
        return bool(added)

    def pop_reports(self, limit: int = 100) -> list[dict[str, Any]]:
        """Finished crawls' reports, oldest first (each is read once)."""
        raw = self.client.rpop(self.key("reports"), limit)
        return [json.loads(str(r)) for r in (raw or [])]

    def counts(self) -> dict[str, int]:
        """``waiting`` (queued), ``active`` (queued or running), ``workers`` (alive)."""
        pipe = self.client.pipeline()
        pipe.llen(self.key("pending"))
        pipe.hlen(self.key("sites"))
        pipe.smembers(self.key("workers"))
        waiting, active, workers = pipe.execute()
        alive = sum(1 for w in workers if self.client.exists(self.key("worker", w)))
        return {"waiting": int(waiting), "active": int(active), "workers": alive}

    def queued_sites(self) -> set[str]:
        """Sites queued or running now."""
        return {str(name) for name in self.client.hkeys(self.key("sites"))}

    # -- the worker's side ------------------------------------------------------------

    def heartbeat(self, worker: str, info: dict[str, Any]) -> None:
        """Say ``worker`` is alive for the next ``timings().worker_ttl_s`` seconds."""
        pipe = self.client.pipeline()
        pipe.set(self.key("worker", worker), json.dumps(info), px=int(timings().worker_ttl_s * 1000))
        pipe.sadd(self.key("workers"), worker)
        pipe.execute()

    def claim(self, worker: str, timeout: float = 1.0) -> Optional[QueueJob]:
        """Take the oldest queued crawl into ``worker``'s processing list (waits up to ``timeout``; 0: no wait)."""
        if timeout <= 0:
            raw = self.client.lmove(self.key("pending"), self.key("processing", worker), "RIGHT", "LEFT")
        else:
            raw = self.client.blmove(self.key("pending"), self.key("processing", worker),
                                     timeout, "RIGHT", "LEFT")  # type: ignore[arg-type]  # Redis takes fractions
        return QueueJob.loads(str(raw)) if raw else None

    def claim_helper(self, worker: str, excluded: set[str]) -> Optional[QueueJob]:
        """Take the oldest helper offer for a site not in ``excluded`` into ``worker``'s processing list."""
        raw = self._claim_helper(keys=[self.key("helpers"), self.key("processing", worker)],
                                 args=[json.dumps(dict.fromkeys(sorted(excluded), True)) if excluded else "{}"])
        return QueueJob.loads(str(raw)) if raw else None

    def offer_helper(self, owner: QueueJob) -> None:
        """Offer a helper job for ``owner``'s crawl (newsmon.shared_crawl)."""
        self.client.lpush(self.key("helpers"), QueueJob(owner.site, helper_of=owner.id).dumps())

    def helper_offers(self, owner: QueueJob) -> int:
        """Helper offers of ``owner``'s crawl nobody took yet."""
        return sum(1 for raw in self.client.lrange(self.key("helpers"), 0, -1)
                   if json.loads(str(raw)).get("helper_of") == owner.id)

    def claimed_helpers(self, owner: QueueJob) -> int:
        """Helper jobs of ``owner``'s crawl that workers took: running, or still starting (not yet members)."""
        jobs = [raw for worker in self.client.smembers(self.key("workers"))
                for raw in self.client.lrange(self.key("processing", str(worker)), 0, -1)]
        return sum(1 for raw in jobs if json.loads(str(raw)).get("helper_of") == owner.id)

    def withdraw_helpers(self, owner: QueueJob) -> int:
        """``owner``'s crawl is over: remove its helper offers nobody took."""
        return int(self._withdraw(keys=[self.key("helpers")], args=[owner.id]))

    def record_run(self, job: QueueJob, run_id: int) -> bool:
        """Remember the ``crawl_runs`` row of ``job`` (so a reaper can close it if the worker dies)."""
        self.client.hset(self.key("runs"), job.id, str(run_id))
        return True

    def finish(self, worker: str, job: QueueJob, report: Optional[dict[str, Any]]) -> bool:
        """The crawl is over: drop it from ``worker``'s list, free its site, publish ``report``; True."""
        done = self._finish(
            keys=[self.key("processing", worker), self.key("sites"), self.key("runs"), self.key("reports")],
            args=[job.dumps(), job.site, job.id, json.dumps(report) if report is not None else "", REPORTS_KEPT],
        )
        return bool(done == 1)

    def requeue(self, worker: str, job: QueueJob) -> bool:
        """Give an unfinished crawl back (front of the queue): a worker stopping cleanly."""
        return bool(self._requeue(keys=[self.key("processing", worker), self.key("pending")],
                                  args=[job.dumps(), job.dumps()]))

    def leave(self, worker: str) -> None:
        """``worker`` stops: forget its heartbeat (its processing list must be empty by now)."""
        pipe = self.client.pipeline()
        pipe.delete(self.key("worker", worker))
        pipe.srem(self.key("workers"), worker)
        pipe.execute()

    # -- both ------------------------------------------------------------------------

    def reap(self) -> list[tuple[QueueJob, Optional[int]]]:
        """Requeue the crawls of workers whose heartbeat expired; returns them with their crawl_runs ids.

        A job whose workers died MAX_ATTEMPTS times is dropped with an
        ``interrupted`` report instead (logged).
        """
        reaped: list[tuple[QueueJob, Optional[int]]] = []
        for member in self.client.smembers(self.key("workers")):
            worker = str(member)
            rows = self._reap(keys=[self.key("worker", worker), self.key("processing", worker), self.key("pending"),
                                    self.key("workers"), self.key("sites"), self.key("runs")],
                              args=[worker, MAX_ATTEMPTS])
            for state, raw, run in rows or []:
                job = QueueJob.loads(raw)
                if state == "helper":
                    log.info("queue: worker %s died helping crawl site=%s; its owner asks again for what it held",
                             worker, job.site)
                    continue
                # Offers of helpers for its crawl that nobody took would outlive it (a dropped crawl's forever) and
                # send a helper to a frontier with no owner; a resumed crawl's worker offers again when it is long.
                self.withdraw_helpers(job)
                if state == "dropped":
                    log.warning("queue: gave up crawl site=%s: its worker died %d times", job.site, job.attempt + 1)
                    self._publish({"event": "site_done", "site": job.site, "status": "interrupted",
                                   "errors": [f"the crawl's worker died {job.attempt + 1} times; it was given up"]})
                else:
                    log.warning("queue: worker %s stopped renewing its heartbeat; crawl site=%s is queued again",
                                worker, job.site)
                reaped.append((job, int(run) if run else None))
        return reaped

    def _publish(self, report: dict[str, Any]) -> None:
        pipe = self.client.pipeline()
        pipe.lpush(self.key("reports"), json.dumps(report))
        pipe.ltrim(self.key("reports"), 0, REPORTS_KEPT - 1)
        pipe.execute()


def describe_error(url: str, exc: BaseException) -> str:
    """One sentence for a Redis failure at ``url``."""
    reason = str(exc).strip().rstrip(".") or type(exc).__name__
    return (f"Cannot reach the Redis queue at {safe_url(url)} ({reason}); "
            "check `queue:` in config.yaml and that redis-server is running.")
