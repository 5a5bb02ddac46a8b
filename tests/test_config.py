"""Config loading: the contract keys, defaults, and one-sentence errors with key paths."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from newsmon.config import load_config, parse_duration
from newsmon.errors import ConfigError

MINIMAL = """
database: news.db
sites:
  - name: liaoning-invest
    start_urls: ["http://127.0.0.1:8001/news/"]
    every: 30m
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_config_and_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, MINIMAL))
    site = config.site("liaoning-invest")
    assert site.interval == timedelta(minutes=30)
    assert site.domains == ["127.0.0.1"]
    assert config.database_path == (tmp_path / "news.db").resolve()
    assert config.crawl.obey_robots_txt is True
    assert "newsmon" in config.crawl.user_agent
    assert config.max_list_pages(site) == config.crawl.max_list_pages


def test_database_relative_to_config_file_not_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = tmp_path / "conf"
    sub.mkdir()
    monkeypatch.chdir(tmp_path)
    config = load_config(write(sub, MINIMAL))
    assert config.database_path == (sub / "news.db").resolve()


@pytest.mark.parametrize("value,seconds", [("45s", 45), ("10m", 600), ("2h", 7200), ("1d", 86400), (90, 90)])
def test_durations(value: object, seconds: int) -> None:
    assert parse_duration(value).total_seconds() == seconds  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text,expected",
    [
        (MINIMAL.replace("every: 30m", "every: 30x"),
         ", line 6: sites[0].every: '30x' is not a duration like 45s, 10m, 2h or 1d."),
        (MINIMAL.replace("start_urls", "start_url"), "sites[0].start_urls: this key is required."),
        (MINIMAL + "    colour: blue\n", ", line 7: sites[0].colour: unknown key 'colour'."),
        (MINIMAL + "  - name: liaoning-invest\n    start_urls: ['http://127.0.0.1:1/']\n",
         "sites: site name 'liaoning-invest' is used twice."),
        (MINIMAL.replace("name: liaoning-invest", "name: 辽宁 招商"),
         "sites[0].name: '辽宁 招商' may contain only letters, digits, - and _."),
        (MINIMAL.replace("name: liaoning-invest", 'name: "liaoning-invest\\n"'),
         "sites[0].name: 'liaoning-invest\\n' may contain only letters, digits, - and _."),
        (MINIMAL.replace("every: 30m", 'cron: "61 * * * *"'), "sites[0].cron: '61 * * * *' is not a valid cron line"),
        (MINIMAL + "    article_url_pattern: 'show-(\\d+'\n",
         "sites[0].article_url_pattern: 'show-(\\\\d+' is not a valid regular expression"),
        ("sites: [\n", "YAML syntax error"),
        ("- just\n- a list\n", "the file must be a mapping"),
    ],
)
def test_errors_name_file_key_and_value(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message


def test_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.yaml")


def test_env_var_names_the_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, MINIMAL)
    monkeypatch.setenv("NEWSMON_CONFIG", str(path))
    assert load_config().source_path == str(path)


def test_durations_and_zones_are_typed_once_and_survive_the_trip_to_the_workers(tmp_path: Path) -> None:
    from zoneinfo import ZoneInfo

    from newsmon.config import Config

    text = MINIMAL.replace("every: 30m", "every: 90m") + """\
crawl: {download_delay: 0, timeout: 15}
daemon: {crawl_time_limit: 2h, heartbeat: 45s}
alerts:
  timezone: Europe/Berlin
  max_age: 2d
  retry_delay: 10
  channels:
    ops: {type: webhook, url: "http://127.0.0.1:9/hook", timeout: 2.5}
  rules:
    - {name: gas, query: 氪氙, digest: daily 09:00}
    - {name: hourly, query: 稀有气体, digest: 1h}
"""
    config = load_config(write(tmp_path, text))
    assert config.site("liaoning-invest").interval == timedelta(minutes=90)
    assert (config.crawl.download_delay, config.crawl.timeout) == (timedelta(0), timedelta(seconds=15))
    assert config.daemon.crawl_time_limit == timedelta(hours=2)
    assert config.daemon.heartbeat == timedelta(seconds=45)
    assert config.daemon.misfire_grace == timedelta(hours=6)  # a default is typed too
    assert config.alerts.timezone == ZoneInfo("Europe/Berlin")
    assert (config.alerts.max_age, config.alerts.retry_delay) == (timedelta(days=2), timedelta(seconds=10))
    assert config.alerts.channels["ops"].timeout == timedelta(seconds=2.5)
    gas, hourly = config.alerts.rules
    assert (str(gas.digest), gas.digest and gas.digest.daily_at) == ("daily 09:00", (9, 0))
    assert hourly.digest is not None and hourly.digest.every == timedelta(hours=1)
    # The daemon hands its crawl workers the config as JSON: durations go in the file's spelling.
    dumped = config.model_dump(mode="json")
    assert (dumped["daemon"]["crawl_time_limit"], dumped["sites"][0]["every"]) == ("2h", "90m")
    assert dumped["alerts"]["channels"]["ops"]["timeout"] == "2.5s"
    assert Config(**dumped, source_path=config.source_path) == config


@pytest.mark.parametrize(
    "text,expected",
    [
        ("crawl: {download_delay: -1}\n", "line 1: crawl.download_delay: -1 must not be negative."),
        ("crawl:\n  timeout: 0\n", "line 2: crawl.timeout: 0 must be longer than zero."),
        ("alerts:\n  timezone: Mars/Olympus\n", "line 2: alerts.timezone: 'Mars/Olympus' is not a time zone name"),
        ("alerts:\n  rules:\n    - {name: a, query: b, digest: weekly}\n",
         "line 3: alerts.rules[0].digest: 'weekly' is not a digest period like 1h, 30m or daily 09:00."),
        ("daemon:\n  misfire_grace: soon\n", "line 2: daemon.misfire_grace: 'soon' is not a duration"),
    ],
)
def test_bad_durations_fail_at_load_with_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert str(info.value).startswith(f"{tmp_path / 'config.yaml'}, {expected}")
