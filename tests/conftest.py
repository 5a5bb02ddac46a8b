"""Fixtures shared by every test module.

Real services started on loopback for the tests that need them (see each module's docstring):
``postgres_server`` / ``postgres_url`` from ``tests/services/postgres.py``;
``redis_server`` / ``redis_url`` from ``tests/services/redis.py``.
"""

from tests.services.postgres import postgres_server, postgres_url
from tests.services.redis import redis_server, redis_url

__all__ = ["postgres_server", "postgres_url", "redis_server", "redis_url"]
