"""One site crawl shared by several ``newsmon worker`` processes: its Redis keys and its members (issue 16).

A site crawl queued for ``newsmon worker`` keeps its requests in Redis
(``crawler.frontier``: scrapy-redis's shared request queue and dupefilter).
The worker that took the site from the crawl queue runs its **owner** crawl;
while the frontier holds more than ``HELP_THRESHOLD`` requests per crawl on
it, that worker offers **helper** jobs (``scheduler.crawl_queue``), and other
workers run helper crawls of the same site that take requests from the same
frontier. Politeness toward the site's host holds for all of them together
(``crawler.politeness``).

Keys, ``<p>`` being ``newsmon:crawl:<site>``:

* ``<p>:requests`` (sorted set) and ``<p>:dupefilter`` (set): the frontier;
* ``<p>:members`` (hash member id -> ``owner``/``helper``): the crawls on it;
* ``<p>:alive:<member>`` (expires after ``member_ttl_s``, renewed every
  ``member_beat_s`` (``newsmon.timings``: 6 s, 1 s) by the crawl's process, with its ``members`` entry, and
  extended as often by the ``newsmon worker`` whose process runs the crawl,
  :func:`keep_alive`, for as long as that process lives): a member whose key
  expired died (``kill -9`` of its worker or of its crawl process) with
  requests in flight. The crawl's own renewal runs on its reactor, which a
  long parse, a database wait or a machine under load can hold past
  ``member_ttl_s``; the parent's does not, so such a crawl is not taken for
  dead (its owner would walk every list page again);
* ``<p>:counts`` (hash): what the helpers that left counted (list pages,
  stories...); the owner adds it to its own ``crawl_runs`` row.

This module is plain redis-py (no Scrapy): the worker's parent process reads
the same keys to decide when to offer helpers.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional
from urllib.parse import urlsplit

from .timings import timings

__all__ = ["HELP_THRESHOLD", "MAX_HELPERS", "SharedCrawl", "crawl_key",
           "drop_other_sites", "host_key", "keep_alive"]

PREFIX = "newsmon:crawl"
# A helper is offered for every this many requests waiting in a crawl's frontier...
HELP_THRESHOLD = 20
# ...up to this many helpers per crawl.
MAX_HELPERS = 3


def crawl_key(site: str, part: str) -> str:
    """The Redis key ``part`` (``requests``, ``dupefilter``, ``members``...) of ``site``'s crawl."""
    return f"{PREFIX}:{site}:{part}"


def drop_other_sites(client: Any, keep: Iterable[str]) -> list[str]:
    """Delete the crawl keys of every site not in ``keep``; the sites whose keys went, sorted.

    A crawl stopped unfinished leaves its frontier for the next crawl of the site; a site that
    left the config has no next crawl, so nothing else would ever delete them.
    """
    kept = set(keep)
    doomed: dict[str, list[Any]] = {}
    for raw in client.scan_iter(match=f"{PREFIX}:*", count=1000):
        site = _text(raw)[len(PREFIX) + 1:].split(":", 1)[0]
        if site not in kept:
            doomed.setdefault(site, []).append(raw)
    for names in doomed.values():
        client.delete(*names)
    return sorted(doomed)


def keep_alive(client: Any, members: Iterable[tuple[str, str]]) -> None:
    """Extend the lives of ``members`` ((site, member) pairs) by ``member_ttl_s``: their processes still run.

    Only a key that exists is extended (``PEXPIRE``): a member that left (its key deleted) or was already
    taken for dead is not brought back by its parent; the crawl's own renewal does that.
    """
    pipe = client.pipeline(transaction=False)
    for site, member in members:
        pipe.pexpire(crawl_key(site, f"alive:{member}"), int(timings().member_ttl_s * 1000))
    pipe.execute()


def host_key(url: str) -> Optional[str]:
    """The politeness key of ``url``: ``host[:port]`` (two servers on one machine are two hosts); None if none."""
    parts = urlsplit(url)
    if not parts.hostname:
        return None
    return parts.hostname.lower() + (f":{parts.port}" if parts.port else "")


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class SharedCrawl:
    """The members of ``site``'s crawl in Redis (``client`` may or may not decode responses)."""

    def __init__(self, client: Any, site: str) -> None:
        self.client = client
        self.site = site
        self.members_key = crawl_key(site, "members")
        self.counts_key = crawl_key(site, "counts")

    def _alive_key(self, member: str) -> str:
        return crawl_key(self.site, f"alive:{member}")

    def join(self, member: str, role: str) -> None:
        """``member`` (``owner`` or ``helper``) works on the crawl from now on."""
        pipe = self.client.pipeline()
        pipe.hset(self.members_key, member, role)
        pipe.set(self._alive_key(member), "1", px=int(timings().member_ttl_s * 1000))
        pipe.execute()

    def beat(self, member: str, role: str) -> None:
        """``member`` (``owner`` or ``helper``) is alive for the next ``member_ttl_s`` seconds.

        Its membership is written again too: a member whose process was only slow (its reactor
        blocked past ``member_ttl_s``) was taken for dead and forgotten; left out, the owner would
        end and flush the frontier while it still works, and its counts would reach the next crawl.
        """
        self.join(member, role)

    def others(self, member: str) -> tuple[list[str], list[str]]:
        """The other members: (alive, dead). A dead one stopped renewing its key without leaving."""
        alive: list[str] = []
        dead: list[str] = []
        for raw in self.client.hkeys(self.members_key):
            other = _text(raw)
            if other == member:
                continue
            (alive if self.client.exists(self._alive_key(other)) else dead).append(other)
        return alive, dead

    def forget(self, members: Iterable[str]) -> None:
        """Drop dead members (their lost requests are being asked for again)."""
        names = list(members)
        if names:
            self.client.hdel(self.members_key, *names)

    def leave(self, member: str, counts: Optional[Mapping[str, int]] = None) -> None:
        """``member`` is done; a helper hands its ``counts`` to the owner (one transaction)."""
        pipe = self.client.pipeline(transaction=True)
        for key, value in (counts or {}).items():
            if value:
                pipe.hincrby(self.counts_key, key, int(value))
        pipe.hdel(self.members_key, member)
        pipe.delete(self._alive_key(member))
        pipe.execute()

    def take_counts(self) -> dict[str, int]:
        """What the helpers that left counted (read once: the owner's row takes it)."""
        pipe = self.client.pipeline(transaction=True)
        pipe.hgetall(self.counts_key)
        pipe.delete(self.counts_key)
        raw, _ = pipe.execute()
        return {_text(k): int(v) for k, v in (raw or {}).items()}

    def waiting(self) -> int:
        """Requests waiting in the crawl's frontier."""
        return int(self.client.zcard(crawl_key(self.site, "requests")))

    def helpers(self) -> int:
        """Helper crawls on it now (alive or not yet found dead)."""
        return sum(1 for role in self.client.hvals(self.members_key) if _text(role) == "helper")
