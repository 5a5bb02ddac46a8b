"""Channels: hand one :class:`~newsmon.alerts.message.Notification` to a webhook, a mailbox or a chat robot.

Each ``send_*`` function either returns (the service accepted the message)
or raises :class:`DeliveryError` with one sentence naming the channel. The
sentence never contains a secret: ``${VAR}`` references are expanded here,
at send time, and every expanded value is scrubbed from error messages; URLs
are shown as configured, without their query string.

The chat robots are plain JSON POSTs made with httpx (rather than apprise):
one HTTP client, one timeout and error policy for every channel, and
endpoints that tests can point at a local receiver. Robots answer HTTP 200
with an error code in the body, so that code is checked too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import smtplib
import ssl
import time
import urllib.parse
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Callable, Optional

import httpx

from newsmon.alerts_config import ENV_REFERENCE, ChannelConfig

from .errors import DeliveryError
from .message import Notification

__all__ = ["deliver", "display_target", "SIGNATURE_HEADER", "sign_body"]

SIGNATURE_HEADER = "X-Newsmon-Signature-256"
USER_AGENT = "newsmon-alerts/0.1"


class _Secrets:
    """Expands ``${VAR}`` for one channel and remembers the values to scrub them from messages."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.values: list[str] = []

    def expand(self, value: Optional[str], key: str) -> str:
        if value is None:
            return ""

        def lookup(match: Any) -> str:
            var = match.group(1)
            found = os.environ.get(var)
            if found is None:
                raise DeliveryError(
                    f"Channel {self.name!r}: environment variable {var} (for {key}) is not set."
                )
            if found:
                self.values.append(found)
            return found

        return ENV_REFERENCE.sub(lookup, value)

    def scrub(self, text: str) -> str:
        for value in sorted(self.values, key=len, reverse=True):
            if len(value) >= 3:
                text = text.replace(value, "***")
                text = text.replace(urllib.parse.quote(value, safe=""), "***")
        return text


def display_target(channel: ChannelConfig) -> str:
    """Where a channel sends, safe to print: the configured URL without its query, or the mail route."""
    if channel.type == "email":
        return f"smtp://{channel.smtp_host}:{channel.port} -> {', '.join(channel.to)}"
    endpoint = channel.endpoint
    if endpoint.startswith("${"):
        return endpoint.split("?")[0]
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path if channel.type == "webhook" else ("/…" if parts.path not in ("", "/") else "")
    return f"{parts.scheme}://{parts.netloc}{path}"


def sign_body(secret: str, body: bytes) -> str:
    """The webhook signature header value: ``sha256=`` + hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def deliver(name: str, channel: ChannelConfig, note: Notification, *, client: httpx.Client) -> None:
    """Send ``note`` through ``channel``; raises DeliveryError (secret-free) if it was not accepted."""
    secrets = _Secrets(name)
    try:
        _SENDERS[channel.type](name, channel, note, client, secrets)
    except DeliveryError as exc:
        raise DeliveryError(secrets.scrub(str(exc))) from None
    except httpx.HTTPError as exc:
        reason = type(exc).__name__ + (f": {exc}" if str(exc) else "")
        raise DeliveryError(
            secrets.scrub(f"Channel {name!r}: cannot reach {display_target(channel)} ({reason}).")
        ) from None
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        raise DeliveryError(
            secrets.scrub(f"Channel {name!r}: {display_target(channel)} refused the email ({type(exc).__name__}: {exc}).")
        ) from None


def _post(name: str, channel: ChannelConfig, client: httpx.Client, url: str, body: bytes,
          headers: Optional[dict[str, str]] = None) -> httpx.Response:
    response = client.post(
        url,
        content=body,
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT, **(headers or {})},
        timeout=channel.timeout,
    )
    if response.status_code >= 300:  # redirects are not followed: a moved endpoint did not get the alert
        raise DeliveryError(
            f"Channel {name!r}: HTTP {response.status_code} from {display_target(channel)}."
        )
    return response


def _json(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def _send_webhook(name: str, channel: ChannelConfig, note: Notification, client: httpx.Client,
                  secrets: _Secrets) -> None:
    url = secrets.expand(channel.url, "url")
    body = _json(note.payload())
    headers = {k: secrets.expand(v, f"headers.{k}") for k, v in channel.headers.items()}
    headers["Idempotency-Key"] = note.idempotency_key
    if channel.secret:
        headers[SIGNATURE_HEADER] = sign_body(secrets.expand(channel.secret, "secret"), body)
    _post(name, channel, client, url, body, headers)


def _robot_error(name: str, channel: ChannelConfig, response: httpx.Response, code_keys: tuple[str, ...],
                 message_keys: tuple[str, ...]) -> None:
    """Robots answer 200 with {"errcode": 310000, "errmsg": ...}: turn a non-zero code into an error."""
    try:
        data = response.json()
    except ValueError:
        return  # not JSON: the HTTP status already said OK
    if not isinstance(data, dict):
        return
    for key in code_keys:
        if key in data and data[key] not in (0, "0", None):
            message = next((str(data[k]) for k in message_keys if data.get(k)), "no message")
            raise DeliveryError(
                f"Channel {name!r}: {channel.type} answered error {data[key]} ({message})."
            )


def _send_dingtalk(name: str, channel: ChannelConfig, note: Notification, client: httpx.Client,
                   secrets: _Secrets) -> None:
    url = secrets.expand(channel.url, "url")
    if channel.secret:
        # https://open.dingtalk.com/document/robots/customize-robot-security-settings
        secret = secrets.expand(channel.secret, "secret")
        timestamp = str(round(time.time() * 1000))
        digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
        sign = urllib.parse.quote_plus(base64.b64encode(digest))
        url += ("&" if "?" in url else "?") + f"timestamp={timestamp}&sign={sign}"
    body = {"msgtype": "markdown", "markdown": {"title": note.subject(), "text": note.markdown()}}
    response = _post(name, channel, client, url, _json(body))
    _robot_error(name, channel, response, ("errcode",), ("errmsg",))


def _send_wecom(name: str, channel: ChannelConfig, note: Notification, client: httpx.Client,
                secrets: _Secrets) -> None:
    url = secrets.expand(channel.url, "url")
    body = {"msgtype": "markdown", "markdown": {"content": note.markdown()}}
    response = _post(name, channel, client, url, _json(body))
    _robot_error(name, channel, response, ("errcode",), ("errmsg",))


def _send_feishu(name: str, channel: ChannelConfig, note: Notification, client: httpx.Client,
                 secrets: _Secrets) -> None:
    url = secrets.expand(channel.url, "url")
    body: dict[str, Any] = {"msg_type": "text", "content": {"text": note.text()}}
    if channel.secret:
        # https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot (signature check)
        secret = secrets.expand(channel.secret, "secret")
        timestamp = str(int(time.time()))
        key = f"{timestamp}\n{secret}".encode()
        body["timestamp"] = timestamp
        body["sign"] = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
    response = _post(name, channel, client, url, _json(body))
    _robot_error(name, channel, response, ("code", "StatusCode"), ("msg", "StatusMessage"))


def _send_slack(name: str, channel: ChannelConfig, note: Notification, client: httpx.Client,
                secrets: _Secrets) -> None:
    url = secrets.expand(channel.url, "url")
    _post(name, channel, client, url, _json({"text": note.text()}))


def _send_telegram(name: str, channel: ChannelConfig, note: Notification, client: httpx.Client,
                   secrets: _Secrets) -> None:
    base = secrets.expand(channel.endpoint, "url").rstrip("/")
    token = secrets.expand(channel.token, "token")
    body = {"chat_id": channel.chat_id, "text": note.text()[:4000], "disable_web_page_preview": True}
    response = _post(name, channel, client, f"{base}/bot{token}/sendMessage", _json(body))
    try:
        ok = response.json().get("ok", True)
    except (ValueError, AttributeError):
        ok = True
    if ok is False:
        raise DeliveryError(f"Channel {name!r}: telegram did not accept the message.")


def _send_email(name: str, channel: ChannelConfig, note: Notification, client: httpx.Client,
                secrets: _Secrets) -> None:
    message = EmailMessage()
    message["Subject"] = note.subject()
    message["From"] = channel.from_addr or ""
    message["To"] = ", ".join(channel.to)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(idstring=note.idempotency_key, domain="newsmon")
    message.set_content(note.text())
    username = secrets.expand(channel.username, "username")
    password = secrets.expand(channel.password, "password")
    context = ssl.create_default_context(cafile=channel.ca_file)
    host, port, timeout = channel.smtp_host or "", channel.port, channel.timeout
    smtp: smtplib.SMTP
    if channel.security == "ssl":
        smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(host, port, timeout=timeout)
    with smtp:
        if channel.security == "starttls":
            smtp.starttls(context=context)
        if username:
            smtp.login(username, password)
        smtp.send_message(message)


_SENDERS: dict[str, Callable[[str, ChannelConfig, Notification, httpx.Client, _Secrets], None]] = {
    "webhook": _send_webhook,
    "email": _send_email,
    "dingtalk": _send_dingtalk,
    "wecom": _send_wecom,
    "feishu": _send_feishu,
    "slack": _send_slack,
    "telegram": _send_telegram,
}
