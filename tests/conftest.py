"""Fixtures shared by every test module.

Real services started on loopback for the tests that need them (see each module's docstring):
``postgres_server`` / ``postgres_url`` from ``tests/services/postgres.py``;
``redis_server`` / ``redis_url`` from ``tests/services/redis.py``;
``hostile_site`` (a factory of hostile loopback sites) from ``tests/services/hostile.py``.
"""

from tests.services.hostile import hostile_site
from tests.services.postgres import postgres_server, postgres_url
from tests.services.redis import redis_server, redis_url

__all__ = ["hostile_site", "postgres_server", "postgres_url", "redis_server", "redis_url"]
