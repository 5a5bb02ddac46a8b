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
         "sites[0].every: '30x' is not a duration like 45s, 10m, 2h or 1d."),
        (MINIMAL.replace("start_urls", "start_url"), "sites[0].start_urls: this key is required."),
        (MINIMAL + "    colour: blue\n", "sites[0].colour: unknown key 'colour'."),
        (MINIMAL + "  - name: liaoning-invest\n    start_urls: ['http://127.0.0.1:1/']\n",
         "sites: site name 'liaoning-invest' is used twice."),
        (MINIMAL.replace("name: liaoning-invest", "name: 辽宁 招商"),
         "sites[0].name: '辽宁 招商' may contain only letters, digits, - and _."),
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
    assert message.startswith(str(path) + ": ")
    assert expected in message
    assert "\n" not in message


def test_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.yaml")


def test_env_var_names_the_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, MINIMAL)
    monkeypatch.setenv("NEWSMON_CONFIG", str(path))
    assert load_config().source_path == str(path)
