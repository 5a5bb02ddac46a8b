"""Parse and validate ``config.yaml`` once, into typed objects.

Everything else in newsmon receives a :class:`Config`; nobody else reads YAML
(the file itself is read, and rewritten with its comments kept, by
``newsmon.config_file``).
Errors name the file, the key path (``sites[1].every``) and the bad value in
one sentence, so the CLI can print them as they are.

Every setting has a default and a help line (``description=``); the README's
configuration reference is checked against these in ``tests/test_docs.py``.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .alerts_config import AlertsConfig
from .clock import parse_duration
from .config_file import line_of, read_config_data, rewrite_config
from .config_types import Duration, NonNegativeDuration, check_name
from .errors import ConfigError

__all__ = [
    "Config",
    "CrawlSettings",
    "DaemonSettings",
    "SiteConfig",
    "edit_config",
    "load_config",
    "parse_config",
    "parse_duration",
    "default_config_path",
    "QUEUE_SCHEMES",
]

# `queue:` URL schemes redis-py understands.
QUEUE_SCHEMES = ("redis://", "rediss://", "unix://")



class _Model(BaseModel):
    # Unknown keys are almost always typos ("start_url"); reject them.
    model_config = ConfigDict(extra="forbid", frozen=True)


class CrawlSettings(_Model):
    """Politeness and limits shared by every site (a site may override some)."""

    user_agent: str = Field(
        "newsmon/0.1 (+https://github.com/newsmon/newsmon; news monitoring bot)",
        description="User-Agent header sent with every request; names newsmon so site owners know who calls.",
    )
    obey_robots_txt: bool = Field(True, description="Obey each site's robots.txt.")
    concurrent_requests_per_domain: int = Field(
        2, ge=1, le=32, description="Requests in flight at once per domain."
    )
    download_delay: NonNegativeDuration = Field(
        timedelta(seconds=0.5), description="Pause between requests to the same domain (0.5s; a number is seconds; "
        "AutoThrottle adjusts it)."
    )
    autothrottle: bool = Field(True, description="Let Scrapy's AutoThrottle adapt the delay to server latency.")
    timeout: Duration = Field(timedelta(seconds=30), description="How long a request may take before it is given up "
                              "(30s; a number is seconds).")
    retries: int = Field(2, ge=0, le=10, description="Retries for timeouts and 5xx answers.")
    max_response_bytes: int = Field(
        10 * 1024 * 1024, gt=0, description="Responses larger than this are dropped as not articles."
    )
    max_list_pages: int = Field(
        5, ge=1, description="Default number of list pages followed per start URL (pagination depth)."
    )


class DaemonSettings(_Model):
    """How ``newsmon run`` schedules crawls and judges a site's health."""

    max_concurrent_crawls: int = Field(
        2, ge=1, le=64, description="Crawls (worker processes) running at once; others wait their turn."
    )
    workers: int = Field(
        2, ge=1, le=64,
        description="Persistent crawl worker processes (each runs many crawls, several at once); "
        "about one per CPU core.",
    )
    worker_max_crawls: int = Field(
        500, ge=1, description="A crawl worker is replaced after this many crawls (bounds slow leaks)."
    )
    worker_memory_limit_mb: int = Field(
        1024, ge=64, description="A crawl worker using more memory than this (MiB) is replaced; "
        "its running crawls are recorded interrupted and retried once.",
    )
    crawl_time_limit: Duration = Field(
        timedelta(minutes=10), description="A site's crawl is stopped and recorded as timeout after this long (45s, 10m, 2h)."
    )
    jitter: float = Field(
        0.1, ge=0, le=1,
        description="Random delay added to each scheduled crawl, as a fraction of the site's interval.",
    )
    max_jitter: Duration = Field(timedelta(minutes=5), description="Upper bound of that random delay.")
    misfire_grace: Duration = Field(
        timedelta(hours=6), description="A crawl missed (daemon busy or suspended) still runs if it is at most this late; "
        "several missed crawls run once.",
    )
    heartbeat: Duration = Field(timedelta(minutes=5), description="How often the daemon logs a heartbeat line.")
    watch_config: bool = Field(
        True, description="Reload config.yaml when the file changes (it is always reloaded on SIGHUP)."
    )
    unhealthy_after_failures: int = Field(
        3, ge=1, description="A site is unhealthy after this many failed or timed-out crawls in a row."
    )
    silence_factor: float = Field(
        5.0, gt=1,
        description="A site is unhealthy when no new article came for this many times its usual gap between new articles.",
    )
    min_silence: Duration = Field(
        timedelta(days=1), description="Never call a site silent before this long without a new article."
    )
    extraction_failure_pages: int = Field(
        5, ge=1,
        description="A site is unhealthy when this many article pages in a row were fetched but gave no article "
        "(title or text missing).",
    )


class SiteConfig(_Model):
    """One monitored portal."""

    name: str = Field(description="Unique site name (letters, digits, - and _); stored as `site` in the database.")
    start_urls: list[str] = Field(min_length=1, description="List (栏目) pages to start from.")
    every: Optional[Duration] = Field(None, description="Crawl interval for the daemon: 45s, 10m, 2h, 1d.")
    cron: Optional[str] = Field(None, description='Crawl schedule for the daemon as a cron line, e.g. "*/30 * * * *".')
    allowed_domains: list[str] = Field(
        default_factory=list, description="Domains the spider may visit; default: the start URLs' hosts."
    )
    article_url_pattern: Optional[str] = Field(
        None, description="Regex an article URL must match; default: recognised by URL shape and link text."
    )
    list_url_pattern: Optional[str] = Field(
        None, description="Regex a pagination URL must match; default: recognised by 下一页/list-2.html/index_1.html."
    )
    max_list_pages: Optional[int] = Field(
        None, ge=1, description="List pages followed per start URL; default: crawl.max_list_pages."
    )
    encoding: Optional[str] = Field(None, description="Force this encoding instead of detecting it (e.g. gb18030).")
    enabled: bool = Field(True, description="Set to false to keep a site in the file but not crawl it.")
    use_feed: bool = Field(
        False,
        description="Also read the RSS/Atom feed a list page announces (<link rel=alternate>); feed dates become the stories' date hints.",
    )
    render: Literal["http", "browser"] = Field(
        "http",
        description="browser: fetch list pages through headless Chromium (needs the `browser` extra); article pages stay plain HTTP.",
    )
    place: Optional[str] = Field(
        None,
        description="The city or county the site reports on (鄂州, 靖边县): places a story that names no city of its own "
        "(a county portal's 我县); after changing it, run `newsmon reextract --facts SITE`. Unset, the crawl reads it "
        "from the site's list pages (title 靖边县人民政府, footer 主办：…) when all name one place as their owner.",
    )
    learn_place: bool = Field(
        True,
        description="Read the site's place from its list pages (titles, SiteName, footer) when `place` is unset; false "
        "for a site whose pages name a place it does not only report on.",
    )

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        return check_name(value, dots=False)

    @field_validator("place")
    @classmethod
    def _check_place(cls, place: Optional[str]) -> Optional[str]:
        if place is None:
            return None
        # (the administrative-division tables load only for a site that names one)
        from newsmon.facts import places_called, sole_place

        if sole_place(place) is None:
            shown = place if len(place) <= 40 else place[:40] + "…"
            readings = [reading.full_name() for reading in places_called(place[:200]) if reading.city]
            if len(readings) > 1:  # a name several divisions have: say which, not "no city"
                raise ValueError(f"{shown!r} names {len(readings)} places ({', '.join(readings)}): write the one meant"
                                 " with its city or province (北京市朝阳区, 朝阳市)")
            raise ValueError(f"{shown!r} is not one city or county of the administrative-division tables (e.g. 鄂州, 靖边县; "
                             "a district with its city: 北京市朝阳区)")
        return place

    @field_validator("start_urls")
    @classmethod
    def _check_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not re.match(r"^https?://[^/\s]+", url):
                raise ValueError(f"{url!r} is not an http(s) URL")
        return urls

    @field_validator("cron")
    @classmethod
    def _check_cron(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            from apscheduler.triggers.cron import CronTrigger

            try:
                CronTrigger.from_crontab(value)
            except ValueError as exc:
                raise ValueError(f"{value!r} is not a valid cron line ({exc})") from None
        return value

    @field_validator("article_url_pattern", "list_url_pattern")
    @classmethod
    def _check_regex(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"{value!r} is not a valid regular expression ({exc})") from None
        return value

    @field_validator("encoding")
    @classmethod
    def _check_encoding(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            import codecs

            try:
                codecs.lookup(value)
            except LookupError:
                raise ValueError(f"{value!r} is not an encoding Python knows") from None
        return value

    @model_validator(mode="after")
    def _one_schedule(self) -> "SiteConfig":
        if self.every and self.cron:
            raise ValueError("give either every or cron, not both")
        return self

    @property
    def interval(self) -> timedelta:
        """The crawl interval (``every``), 30 minutes when neither every nor cron is set."""
        return self.every or timedelta(minutes=30)

    @property
    def domains(self) -> list[str]:
        """Domains the spider stays on."""
        if self.allowed_domains:
            return list(self.allowed_domains)
        from urllib.parse import urlsplit

        return sorted({urlsplit(u).hostname or "" for u in self.start_urls} - {""})


class Config(_Model):
    """The whole configuration file, validated."""

    database: str = Field(
        "news.db",
        description="SQLite file, relative to the config file's folder; or a postgresql://user@host:5432/name URL "
        "(PostgreSQL store; ${PGPASSWORD}-style references are expanded from the environment when connecting).",
    )
    crawl: CrawlSettings = Field(default_factory=CrawlSettings, description="Politeness and limits for every site.")
    sites: list[SiteConfig] = Field(default_factory=list, description="The portals to monitor.")
    alerts: AlertsConfig = Field(default_factory=AlertsConfig, description="Keyword alert rules and channels.")
    daemon: DaemonSettings = Field(
        default_factory=DaemonSettings, description="Scheduling and health checks of `newsmon run`."
    )
    queue: Optional[str] = Field(
        None,
        description="Redis URL of the shared crawl queue (redis://host:6379/0; the password may be ${ENV_VAR}): "
        "newsmon run then only schedules, `newsmon worker` processes crawl. Unset: crawls run inside newsmon run.",
    )
    # Filled in by load_config, not by the user.
    source_path: Optional[str] = Field(None, exclude=True)

    @field_validator("queue")
    @classmethod
    def _check_queue(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not value.startswith(QUEUE_SCHEMES):
            raise ValueError(f"{value!r} is not a Redis URL like redis://host:6379/0")
        return value

    @field_validator("sites")
    @classmethod
    def _unique_names(cls, sites: list[SiteConfig]) -> list[SiteConfig]:
        seen: set[str] = set()
        for site in sites:
            if site.name in seen:
                raise ValueError(f"site name {site.name!r} is used twice")
            seen.add(site.name)
        return sites

    @property
    def database_is_postgres(self) -> bool:
        """True when ``database`` is a ``postgresql://`` URL (the PostgreSQL store)."""
        return self.database.strip().lower().startswith(("postgresql://", "postgres://"))

    @property
    def database_target(self) -> Union[Path, str]:
        """What ``newsmon.db.open_store`` opens: the PostgreSQL URL as written, or the SQLite file's absolute path."""
        return self.database.strip() if self.database_is_postgres else self.database_path

    @property
    def database_shown(self) -> str:
        """The database, safe to print and log: the SQLite path, or the PostgreSQL URL without its password."""
        if not self.database_is_postgres:
            return str(self.database_path)
        from newsmon.db.handle import display_url

        return display_url(self.database)

    @property
    def database_path(self) -> Path:
        """Absolute path of the SQLite database, resolved against the config file's folder.

        Raises ConfigError for a PostgreSQL ``database`` URL: what asks for a
        file (the web UI, the writer lock, WAL housekeeping) is SQLite-only.
        """
        if self.database_is_postgres:
            raise ConfigError("This works on a SQLite database only; the config's database is a PostgreSQL URL.")
        path = Path(os.path.expanduser(self.database))
        if not path.is_absolute() and self.source_path:
            path = Path(self.source_path).resolve().parent / path
        return path.resolve()

    def site(self, name: str) -> SiteConfig:
        """The site called ``name``; raises ConfigError listing known names otherwise."""
        for site in self.sites:
            if site.name == name:
                return site
        known = ", ".join(s.name for s in self.sites) or "none"
        raise ConfigError(f"There is no site called {name!r} in the config (known: {known}).")

    def max_list_pages(self, site: SiteConfig) -> int:
        """List pages followed per start URL for ``site``."""
        return site.max_list_pages or self.crawl.max_list_pages


def default_config_path() -> Path:
    """``$NEWSMON_CONFIG`` if set, else ``./config.yaml``."""
    return Path(os.environ.get("NEWSMON_CONFIG") or "config.yaml")


def _key_path(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "(top level)"


def _lookup(data: Any, loc: tuple[Any, ...]) -> Any:
    for item in loc:
        try:
            data = data[item]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def parse_config(data: Any, source: str = "config.yaml", *, text: Optional[str] = None) -> Config:
    """Validate already-parsed YAML ``data``; ``source`` names the file in errors, ``text`` (the file's
    text, when there is one) gives them the line of the bad key."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the file must be a mapping with keys such as database and sites.")
    try:
        return Config(**data, source_path=source)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        where = _key_path(loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
        elif kind == "missing":
            message = "this key is required"
        else:
            msg = err["msg"].removeprefix("Value error, ")
            value = _lookup(data, loc)
            scalar = isinstance(value, (str, int, float, bool))
            message = f"{value!r}: {msg}" if scalar and repr(value) not in msg else msg
        line = line_of(text, loc) if text is not None else None
        at = f", line {line}" if line is not None else ""
        raise ConfigError(f"{source}{at}: {where}: {message}.") from None


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate the config file at ``path`` (default: see :func:`default_config_path`)."""
    config_path = Path(path) if path is not None else default_config_path()
    data, text = read_config_data(config_path)
    return parse_config(data, str(config_path), text=text)


def edit_config(path: str | os.PathLike[str], change: Callable[[dict[str, Any]], None]) -> Config:
    """Change the config file at ``path`` in place, keeping its comments and layout; return the new config.

    ``change`` edits the file's top-level mapping (see
    :func:`newsmon.config_file.rewrite_config`) and may raise to leave the file
    alone; a result that does not validate raises ConfigError and nothing is written.
    """
    return rewrite_config(Path(path), change, parse_config)
