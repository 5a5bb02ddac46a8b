"""One active scheduler: a lease in Redis (``SET NX PX``, renewed by its holder).

With ``queue:`` set, any number of ``newsmon run`` processes may run (on one
or several machines); the one holding ``<prefix>:scheduler`` schedules, the
others wait as hot standbys and take the lease when its holder stops renewing
it (killed, machine gone, network cut): within the lease's life plus one poll
(``newsmon.timings``: 15 s and 1 s).
A holder that finds it lost the lease (it was paused longer than the TTL and
a standby took over) stops scheduling at once, so two schedulers never run
together for longer than one renewal period.
"""

from __future__ import annotations

from typing import Optional

import redis

from newsmon.timings import timings

__all__ = ["SchedulerLease"]

# Renew or release only a lease we still hold (compare-and-set in one step).
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class SchedulerLease:
    """The scheduler lease ``key`` as held (or wanted) by ``holder``."""

    def __init__(self, client: redis.Redis, key: str, holder: str, ttl_s: Optional[float] = None) -> None:
        """``ttl_s``: the lease's life (default: ``timings().lease_ttl_s``)."""
        self.client = client
        self.key = key
        self.holder = holder
        self.ttl_ms = int((timings().lease_ttl_s if ttl_s is None else ttl_s) * 1000)
        self._renew = client.register_script(_RENEW)
        self._release = client.register_script(_RELEASE)

    def try_acquire(self) -> bool:
        """Take the lease if nobody holds it (or we already do)."""
        if self.client.set(self.key, self.holder, nx=True, px=self.ttl_ms):
            return True
        return self.renew()

    def renew(self) -> bool:
        """Extend our lease; False when it is not ours any more."""
        return bool(self._renew(keys=[self.key], args=[self.holder, self.ttl_ms]))

    def release(self) -> None:
        """Give the lease up (a clean stop: a standby takes over at its next poll)."""
        self._release(keys=[self.key], args=[self.holder])

    def current_holder(self) -> Optional[str]:
        """Who holds the lease now (None: nobody)."""
        value = self.client.get(self.key)
        return None if value is None else str(value)
