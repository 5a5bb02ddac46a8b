"""The liveness timings (``newsmon.timings``): production defaults, ``NEWSMON_<NAME>`` overrides, bad values.

The slow scale-out tests run their subprocesses with lower timings (``FAST_TIMINGS`` in
``test_daemon_support``); these tests prove the override reaches a real ``newsmon worker`` and
``newsmon run`` (the keys they write in Redis live as long as it says, not as long as the default),
and that a bad value stops the command with one sentence before it does anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import redis
import yaml

from newsmon.errors import ConfigError
from newsmon.portal import FixturePortal
from newsmon.timings import Timings, env_name, timings_from
from test_daemon_support import DaemonProcess, newsmon_command, wait_for, write_config


def test_defaults_are_the_production_timings_and_the_renewals_derive_from_them() -> None:
    found = timings_from({})
    assert found == Timings(lease_ttl_s=15.0, standby_poll_s=1.0, worker_ttl_s=10.0, member_ttl_s=6.0,
                            db_check_every_s=2.0, stop_grace_s=4.0)
    assert (found.renew_every_s, found.lost_after_s, found.worker_beat_s, found.member_beat_s) == (3.0, 12.0, 2.5, 1.0)


def test_an_override_sets_its_value_and_the_periods_derived_from_it() -> None:
    found = timings_from({"NEWSMON_LEASE_TTL_S": "5", "NEWSMON_MEMBER_TTL_S": " 3 ", "NEWSMON_WORKER_TTL_S": "",
                          "NEWSMON_UNRELATED": "x"})
    assert (found.lease_ttl_s, found.renew_every_s, found.member_ttl_s, found.member_beat_s) == (5.0, 1.0, 3.0, 0.5)
    assert found.worker_ttl_s == 10.0  # empty: the default
    assert env_name("db_check_every_s") == "NEWSMON_DB_CHECK_EVERY_S"


@pytest.mark.parametrize("environ, message", [
    ({"NEWSMON_WORKER_TTL_S": "ten"}, "NEWSMON_WORKER_TTL_S='ten' is not a number of seconds."),
    ({"NEWSMON_LEASE_TTL_S": "nan"}, "NEWSMON_LEASE_TTL_S='nan' is not a number of seconds."),
    ({"NEWSMON_MEMBER_TTL_S": "inf"}, "NEWSMON_MEMBER_TTL_S='inf' is not a number of seconds."),
    ({"NEWSMON_WORKER_TTL_S": "1"}, "NEWSMON_WORKER_TTL_S='1' is below 2 seconds, the least it may be (the worker's "
                                    "loop may renew its heartbeat half a second late)."),
    ({"NEWSMON_DB_CHECK_EVERY_S": "0"}, "NEWSMON_DB_CHECK_EVERY_S='0' is below 0.1 seconds, the least it may be (a "
                                        "worker must not poll its database in a busy loop)."),
    ({"NEWSMON_LEASE_TTL_S": "-15"}, "NEWSMON_LEASE_TTL_S='-15' is below 2.5 seconds, the least it may be (the "
                                     "scheduler's loop renews the lease at most every half second)."),
    ({"NEWSMON_STOP_GRACE_S": "-1"}, "NEWSMON_STOP_GRACE_S='-1' is below 0 seconds, the least it may be (a grace "
                                     "cannot be negative)."),
    ({"NEWSMON_STOP_GRACE_S": "8"}, "NEWSMON_STOP_GRACE_S='8' is above 6 seconds, the most it may be (newsmon run "
                                    "stops within 9 s and needs the rest to close its workers)."),
    ({"NEWSMON_LEASE_TTL_S": "5", "NEWSMON_STANDBY_POLL_S": "6"},
     "NEWSMON_STANDBY_POLL_S=6 is longer than the scheduler lease (NEWSMON_LEASE_TTL_S=5): a standby must look at "
     "least once per lease."),
])
def test_a_bad_value_is_one_sentence_naming_the_variable(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        timings_from(environ)
    assert str(raised.value) == message


def _queued_config(portal: FixturePortal, folder: Path, queue: str) -> Path:
    path = write_config(portal, folder, every="1h", jitter=0, workers=1)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["queue"] = queue
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("command, queued, name", [("worker", True, "NEWSMON_WORKER_TTL_S"),
                                                   ("run", True, "NEWSMON_LEASE_TTL_S"),
                                                   ("run", False, "NEWSMON_STOP_GRACE_S")])
def test_a_bad_override_stops_the_command_with_one_sentence_before_it_starts(
        tmp_path: Path, command: str, queued: bool, name: str) -> None:
    import os
    import subprocess

    with FixturePortal() as portal:
        # No Redis at this port: the timings are read first, so the bad value is what is reported.
        config = (_queued_config(portal, tmp_path, "redis://127.0.0.1:9/0") if queued
                  else write_config(portal, tmp_path))
        done = subprocess.run(newsmon_command(command, "--config", str(config)), capture_output=True, text=True,
                              timeout=60, env={**os.environ, name: "ten"})
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [f"Error: {name}='ten' is not a number of seconds."], done.stderr


def test_the_overrides_reach_a_worker_and_a_scheduler(tmp_path: Path, redis_url: str) -> None:
    """The keys a real ``newsmon worker`` and ``newsmon run`` write live as long as the overrides say (the
    defaults would give 10 s and 15 s)."""
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    with FixturePortal() as portal:
        config = _queued_config(portal, tmp_path, redis_url)
        environ = {"NEWSMON_WORKER_TTL_S": "3", "NEWSMON_LEASE_TTL_S": "4"}
        worker = DaemonProcess(config, "worker", "--concurrency", "1", env=environ)
        scheduler = DaemonProcess(config, env=environ)
        try:
            worker.wait_log(r"worker started id=", timeout=60)
            scheduler.wait_log(r"started pid=\d+ .* queue=", timeout=60)
            heartbeat = wait_for(lambda: next(iter(client.keys("newsmon:worker:*")), None), 10, "the heartbeat key")
            lives = [client.pttl(heartbeat), client.pttl("newsmon:scheduler")]
            assert worker.stop() == 0 and scheduler.stop() == 0
        finally:
            worker.kill()
            scheduler.kill()
    assert 0 < lives[0] <= 3000 and 0 < lives[1] <= 4000, lives


def test_every_timing_is_documented_with_its_default() -> None:
    """Each override a process reads is in docs/scale-out.md's table, with the default it has."""
    from dataclasses import fields

    docs = (Path(__file__).resolve().parents[1] / "docs" / "scale-out.md").read_text(encoding="utf-8")
    for spec in fields(Timings):
        assert f"| `{env_name(spec.name)}` | `{spec.default:g}` |" in docs, spec.name
