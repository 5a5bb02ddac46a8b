"""Keep secrets out of every log line: expanded ``${VAR}`` values and token-like URL parameters.

Channel secrets live in environment variables and are expanded only when an
alert is sent, but the libraries underneath log what they do: httpx logs
every request line with its full URL (a ``?token=`` webhook, DingTalk's
``access_token`` and ``sign``, the Telegram bot token in the path), Apprise
logs its targets, Scrapy and APScheduler log URLs and job arguments.

:func:`install_redaction` wraps the logging *record factory*, so every record
of every logger, at every level, is scrubbed when it is created, before any
handler (ours, Scrapy's, pytest's) sees it:

* every value registered with :func:`register_secret` — all ``${VAR}``
  values the config refers to (:func:`secrets_of_config`) and every value
  the channel senders expand later — is replaced by ``***``, also in its
  URL-encoded forms;
* the values of known token parameters (``access_token``, ``token``,
  ``key``, ``sign``, ``secret``, ``password``, ``sendkey`` …) in any URL,
  and Telegram bot tokens in ``/bot<id>:<token>/`` paths, whatever their
  origin (a site URL with a token is masked too).

A record factory rather than a handler filter: filters on loggers do not see
their children's records, and handlers installed later (Scrapy installs its
own) would need the filter again. The cost is one regex pass per record that
is actually emitted (disabled levels never build a record).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import urllib.parse
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

if TYPE_CHECKING:
    from newsmon.config import Config

__all__ = ["MASK", "expand_env", "install_redaction", "redact", "register_secret", "secrets_of_config"]

MASK = "***"
_MIN_LENGTH = 4  # shorter values ("1", "ops") would mask ordinary words

TOKEN_PARAMETERS = ("access_token", "token", "key", "sign", "signature", "secret", "password", "passwd",
                    "api_key", "apikey", "sendkey", "auth", "webhook_key")
_PARAMETER = re.compile(
    r"(?i)([?&;](?:" + "|".join(TOKEN_PARAMETERS) + r")=)[^&#\s'\"<>]+"
)
_TELEGRAM = re.compile(r"(/bot)\d+:[A-Za-z0-9_-]+")
_USERINFO = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^/\s:@'\"<>]*:)[^@/\s'\"<>]+(@)", re.IGNORECASE)
_ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")

_lock = threading.Lock()
_values: set[str] = set()
_values_pattern: Optional[re.Pattern[str]] = None
_installed = False


def register_secret(value: Optional[str]) -> None:
    """Mask ``value`` (and its URL-encoded forms) in every log line from now on."""
    global _values_pattern
    if not value or len(value) < _MIN_LENGTH:
        return
    forms = {value, urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value),
             urllib.parse.quote(value, safe="/:")}
    # An Apprise or robot URL carries its tokens in parts: mask those parts on their own too.
    if "://" in value:
        parts = urllib.parse.urlsplit(value)
        pieces = [parts.password or "", *parts.path.split("/"),
                  *(v for _, v in urllib.parse.parse_qsl(parts.query))]
        forms.update(p for p in pieces if len(p) >= 8)
    with _lock:
        new = {f for f in forms if f and len(f) >= _MIN_LENGTH} - _values
        if not new:
            return
        _values.update(new)
        ordered = sorted(_values, key=len, reverse=True)  # longest first: a value inside another
        _values_pattern = re.compile("|".join(re.escape(v) for v in ordered))


def expand_env(value: str, missing: Callable[[str], Exception]) -> str:
    """``value`` with every ``${VAR}`` replaced by the variable's value, each value registered as a secret.

    The one expansion of secrets in config values (alert channels, a PostgreSQL
    ``database:`` URL): done late, when the value is used, so the config never
    holds the secret. An unset variable raises ``missing(name)``.
    """

    def lookup(match: "re.Match[str]") -> str:
        name = match.group(1)
        found = os.environ.get(name)
        if found is None:
            raise missing(name)
        register_secret(found)  # masked in every log line from now on
        return found

    return _ENV_REFERENCE.sub(lookup, value)


def secrets_of_config(config: "Config") -> list[str]:
    """The current values of every ``${VAR}`` the config's channels refer to (unset ones skipped)."""
    found = []
    for channel in config.alerts.channels.values():
        for value in channel.model_dump(by_alias=False).values():
            texts: Iterable[Any] = value.values() if isinstance(value, dict) else (
                value if isinstance(value, list) else [value])
            for text in texts:
                if isinstance(text, str):
                    for name in _ENV_REFERENCE.findall(text):
                        expanded = os.environ.get(name)
                        if expanded:
                            found.append(expanded)
                    if channel.type == "apprise" and "://" in text:
                        found.append(text)  # a literal Apprise URL holds its tokens in plain sight
    for name in _ENV_REFERENCE.findall(getattr(config, "queue", None) or ""):  # `queue:`'s password
        expanded = os.environ.get(name)
        if expanded:
            found.append(expanded)
    return found


def redact(text: str) -> str:
    """``text`` with registered secrets and token parameters masked."""
    pattern = _values_pattern
    if pattern is not None:
        text = pattern.sub(MASK, text)
    text = _PARAMETER.sub(r"\1" + MASK, text)
    text = _TELEGRAM.sub(r"\1" + MASK, text)
    return _USERINFO.sub(r"\1" + MASK + r"\2", text)


def _scrub(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a malformed record is logging's to report, not ours
        return
    record.msg = redact(message)
    record.args = None
    if record.exc_info and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def install_redaction(config: Optional["Config"] = None) -> None:
    """Scrub every log record of this process from now on; register the config's secrets (idempotent)."""
    global _installed
    if config is not None:
        for value in secrets_of_config(config):
            register_secret(value)
    with _lock:
        if _installed:
            return
        _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _scrub(record)
        return record

    logging.setLogRecordFactory(factory)
