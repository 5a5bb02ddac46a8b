"""Typed config values, parsed once when config.yaml loads: durations as ``timedelta``, zones as ``ZoneInfo``.

A field declared ``Duration`` accepts what the file has always accepted
(``45s``, ``10m``, ``2h``, ``1d``, or a plain number of seconds) and holds a
``datetime.timedelta``; a bad value fails at load time, naming the key. When
the config is dumped as JSON (the daemon sends it to its crawl workers that
way) a duration is written back in the file's spelling (``600`` seconds as
``10m``), so it loads again unchanged.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, PlainSerializer

from .clock import format_duration, parse_duration

__all__ = ["Duration", "NonNegativeDuration", "TimeZone", "check_name"]


def _duration(value: Any) -> timedelta:
    if isinstance(value, timedelta):  # a default, or a Config built from another one's fields
        if value <= timedelta(0):
            raise ValueError(f"{format_duration(value)!r} must be longer than zero")
        return value
    return parse_duration(value)


def _non_negative_duration(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        if value < timedelta(0):
            raise ValueError(f"{format_duration(value)!r} must not be negative")
        return value
    if not isinstance(value, bool) and isinstance(value, (int, float)):
        if value < 0:
            raise ValueError(f"{value!r} must not be negative")
        return timedelta(seconds=value)
    if isinstance(value, str) and value.strip() in ("0", "0s"):
        return timedelta(0)
    return parse_duration(value)


def _zone(value: Any) -> ZoneInfo:
    if isinstance(value, ZoneInfo):
        return value
    try:
        return ZoneInfo(str(value))
    except (KeyError, ValueError):
        raise ValueError(f"{value!r} is not a time zone name like Asia/Shanghai") from None


#: A positive duration (``45s``, ``10m``, ``2h``, ``1d`` or seconds as a number), held as a timedelta.
Duration = Annotated[timedelta, BeforeValidator(_duration), PlainSerializer(format_duration, when_used="json")]

#: A duration that may be zero (``0`` turns a delay off).
NonNegativeDuration = Annotated[
    timedelta, BeforeValidator(_non_negative_duration), PlainSerializer(format_duration, when_used="json")
]

#: An IANA time zone name (``Asia/Shanghai``), held as a ZoneInfo.
TimeZone = Annotated[ZoneInfo, BeforeValidator(_zone), PlainSerializer(lambda zone: zone.key, when_used="json")]


_NAMES = {False: (re.compile(r"^[A-Za-z0-9_-]+$"), "letters, digits, - and _"),
          True: (re.compile(r"^[A-Za-z0-9_.-]+$"), "letters, digits, -, _ and .")}


def check_name(value: str, *, dots: bool, what: str = "") -> str:
    """``value`` if it is a name (site: letters, digits, ``-``, ``_``; rule, channel: ``.`` too), else ValueError.

    Names are keys on the command line, in URLs and in the database, so every kind is checked here.
    """
    pattern, allowed = _NAMES[dots]
    if not pattern.fullmatch(value):  # not match(): its `$` also matches before a trailing newline
        raise ValueError(f"{what}{value!r} may contain only {allowed}")
    return value
