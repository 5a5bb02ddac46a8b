"""The daemon's liveness timings: leases, heartbeats, checks, the stop grace (one place, one way to set them).

How long a scheduler lease, a worker's heartbeat key and a shared crawl's
member key live, how often a standby looks at the lease, how often a worker
waiting for its database looks again, and how long ``newsmon run`` lets the
crawls in flight finish after SIGTERM. They are no ``config.yaml`` keys: every
process of one deployment must agree on them (a standby on another machine
judges the active scheduler's lease by them), they are not tuning a user needs,
and the crawl processes read them where no config is at hand. A process (and
every process it starts: they inherit its environment) may override one with
an environment variable ``NEWSMON_<NAME>`` in seconds, read once, on first use::

    NEWSMON_LEASE_TTL_S=5 NEWSMON_WORKER_TTL_S=4 newsmon worker --config config.yaml

The test suite sets them lower so that a ``kill -9`` is noticed in seconds,
not tens of seconds; production keeps the defaults below.

The periods that must come well before an expiry are derived from it, never set
on their own: the lease is renewed every ``lease_ttl_s / 5``, a worker's
heartbeat every ``worker_ttl_s / 4``, a crawl's membership every
``member_ttl_s / 6``. A value that is not a number, too small for the loop that
renews it, or inconsistent with another raises :class:`ConfigError` naming the
variable, the value and why, in one sentence.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass, fields
from typing import Mapping

from .errors import ConfigError

__all__ = ["Timings", "timings", "timings_from", "env_name", "ENV_PREFIX"]

ENV_PREFIX = "NEWSMON_"


@dataclass(frozen=True)
class Timings:
    """Liveness timings in seconds (the production defaults; see the module docstring)."""

    # The scheduler lease (scheduler/lease.py): a standby takes over within lease_ttl_s + standby_poll_s.
    lease_ttl_s: float = 15.0
    standby_poll_s: float = 1.0
    # A worker's heartbeat key (scheduler/crawl_queue.py): its jobs are reaped this long after it died.
    worker_ttl_s: float = 10.0
    # A shared crawl's member key (newsmon/shared_crawl.py): a helper is taken for dead this long after it died.
    member_ttl_s: float = 6.0
    # A worker whose database went away looks again this often (scheduler/queue_worker.py).
    db_check_every_s: float = 2.0
    # newsmon run lets its crawls in flight finish this long after SIGTERM, then interrupts them
    # (scheduler/daemon.py: within its 9 s stop budget, the rest is for closing the workers).
    stop_grace_s: float = 4.0

    @property
    def renew_every_s(self) -> float:
        """How often the active scheduler renews its lease (3 s of a 15 s lease)."""
        return self.lease_ttl_s / 5

    @property
    def lost_after_s(self) -> float:
        """A scheduler that could not renew for this long may have lost its lease: it stops scheduling."""
        return self.lease_ttl_s - self.renew_every_s

    @property
    def worker_beat_s(self) -> float:
        """How often a worker renews its heartbeat key."""
        return self.worker_ttl_s / 4

    @property
    def member_beat_s(self) -> float:
        """How often a crawl (and its worker) renews its membership of a shared crawl."""
        return self.member_ttl_s / 6


# The least value of each, and why: the loop that renews a key must come round well within its life.
_MINIMUM: dict[str, tuple[float, str]] = {
    # renewed every ttl / 5 by the daemon's main loop, which turns every 0.5 s
    "lease_ttl_s": (2.5, "the scheduler's loop renews the lease at most every half second"),
    "standby_poll_s": (0.1, "a standby must not poll Redis in a busy loop"),
    # renewed every ttl / 4 by the worker's loop, which may wait 0.5 s for a queued crawl in between
    "worker_ttl_s": (2.0, "the worker's loop may renew its heartbeat half a second late"),
    "member_ttl_s": (1.0, "a crawl's reactor renews its membership between downloads"),
    "db_check_every_s": (0.1, "a worker must not poll its database in a busy loop"),
    "stop_grace_s": (0.0, "a grace cannot be negative"),
}
# The most: what the daemon's 9 s stop budget (scheduler/daemon.py STOP_BUDGET_S) leaves after closing its workers.
_MAXIMUM: dict[str, tuple[float, str]] = {
    "stop_grace_s": (6.0, "newsmon run stops within 9 s and needs the rest to close its workers"),
}


def env_name(field: str) -> str:
    """The environment variable of a :class:`Timings` field (``lease_ttl_s`` -> ``NEWSMON_LEASE_TTL_S``)."""
    return ENV_PREFIX + field.upper()


def timings_from(environ: Mapping[str, str]) -> Timings:
    """The timings with the overrides ``environ`` gives (``NEWSMON_LEASE_TTL_S=5``…); ConfigError on a bad one."""
    values: dict[str, float] = {}
    for spec in fields(Timings):
        name = env_name(spec.name)
        raw = environ.get(name)
        if raw is None or not raw.strip():
            continue
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise ConfigError(f"{name}={raw!r} is not a number of seconds.")
        least, why = _MINIMUM[spec.name]
        if value < least:
            raise ConfigError(f"{name}={raw!r} is below {least:g} seconds, the least it may be ({why}).")
        most, why = _MAXIMUM.get(spec.name, (math.inf, ""))
        if value > most:
            raise ConfigError(f"{name}={raw!r} is above {most:g} seconds, the most it may be ({why}).")
        values[spec.name] = value
    result = Timings(**values)
    if result.standby_poll_s > result.lease_ttl_s:
        raise ConfigError(f"{env_name('standby_poll_s')}={result.standby_poll_s:g} is longer than the scheduler lease "
                          f"({env_name('lease_ttl_s')}={result.lease_ttl_s:g}): a standby must look at least once "
                          "per lease.")
    return result


@functools.lru_cache(maxsize=1)
def timings() -> Timings:
    """This process's timings: the defaults with its ``NEWSMON_*`` overrides, read once (ConfigError on a bad one)."""
    return timings_from(os.environ)
