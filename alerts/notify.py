"""Channels: hand one :class:`~newsmon.alerts.message.Message` (an alert or a health notice) to a webhook, a mailbox or a chat robot.

Each ``send_*`` function either returns (the service accepted the message)
or raises :class:`DeliveryError` with one sentence naming the channel. The
sentence never contains a secret: ``${VAR}`` references are expanded here,
at send time, and every expanded value is scrubbed from error messages; URLs
are shown as configured, without their query string.

Every HTTP channel is an ``async`` httpx request, so the sender can run many
at once and *cancel* one (shutdown, ``alerts send`` time limit) without
waiting for its timeout. Email (smtplib) and Apprise (requests) are blocking
libraries: they run in a daemon thread each, awaited here.

Why the chat robots are hand-written rather than Apprise URLs: Apprise 1.9+
has dingtalk:// (with 加签), wecombot://, feishu://, slack:// and tgram://,
but (1) their endpoints are fixed (``https://oapi.dingtalk.com/...``,
``https://api.telegram.org``), so a proxy or a company gateway — our
``url:`` key — and loopback tests are impossible; (2) its Feishu plugin has
no signature (``secret``); (3) it sends with ``requests``, which cannot be
cancelled, while a stopping daemon must drop in-flight requests at once.
Robots answer HTTP 200 with an error code in the body, so that code is
checked too. Any other service goes through ``type: apprise``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import os
import smtplib
import ssl
import threading
import time
import urllib.parse
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any, Awaitable, Callable, Optional, TypeVar

import httpx

from newsmon.alerts_config import ENV_REFERENCE, ChannelConfig
from newsmon.redact import expand_env

from .errors import DeliveryError
from .message import Message

__all__ = ["deliver", "deliver_now", "display_target", "SIGNATURE_HEADER", "sign_body"]

_T = TypeVar("_T")

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

        def missing(var: str) -> DeliveryError:
            return DeliveryError(f"Channel {self.name!r}: environment variable {var} (for {key}) is not set.")

        expanded = expand_env(value, missing)
        self.values.extend(
            found for var in ENV_REFERENCE.findall(value) if (found := os.environ.get(var))
        )
        return expanded

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
    if channel.type == "apprise":  # tokens sit anywhere in an Apprise URL: show only the service
        return endpoint.split("://", 1)[0] + "://…"
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path if channel.type == "webhook" else ("/…" if parts.path not in ("", "/") else "")
    return f"{parts.scheme}://{parts.netloc}{path}"


def sign_body(secret: str, body: bytes) -> str:
    """The webhook signature header value: ``sha256=`` + hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def deliver(name: str, channel: ChannelConfig, note: Message, *, client: httpx.AsyncClient) -> None:
    """Send ``note`` through ``channel``; raises DeliveryError (secret-free) if it was not accepted.

    Cancelling the awaiting task abandons the attempt (an HTTP request is
    closed at once; an email or Apprise call finishes in its daemon thread
    unobserved, so the message may arrive although it is retried later).
    """
    secrets = _Secrets(name)
    try:
        await _SENDERS[channel.type](name, channel, note, client, secrets)
    except DeliveryError as exc:
        raise DeliveryError(secrets.scrub(str(exc))) from None
    except asyncio.TimeoutError:
        raise DeliveryError(
            secrets.scrub(f"Channel {name!r}: {display_target(channel)} did not answer within the timeout.")
        ) from None
    except httpx.HTTPError as exc:
        reason = type(exc).__name__ + (f": {exc}" if str(exc) else "")
        raise DeliveryError(
            secrets.scrub(f"Channel {name!r}: cannot reach {display_target(channel)} ({reason}).")
        ) from None
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        raise DeliveryError(
            secrets.scrub(f"Channel {name!r}: {display_target(channel)} refused the email ({type(exc).__name__}: {exc}).")
        ) from None


def deliver_now(name: str, channel: ChannelConfig, note: Message) -> None:
    """Blocking :func:`deliver` with a client of its own (for a one-off message outside the sender)."""

    async def once() -> None:
        async with httpx.AsyncClient(follow_redirects=False) as client:
            await deliver(name, channel, note, client=client)

    asyncio.run(once())


def in_thread(function: Callable[[], _T]) -> Awaitable[_T]:
    """Run a blocking ``function`` in a daemon thread; await its result.

    Not the loop's default executor: its threads are joined at interpreter
    exit, so a hung SMTP server would keep a stopping process alive.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[_T] = loop.create_future()

    def settle(result: Optional[_T], error: Optional[BaseException]) -> None:
        if future.done():
            return  # cancelled meanwhile
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def work() -> None:
        try:
            result = function()
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting task
            loop.call_soon_threadsafe(settle, None, exc)
        else:
            loop.call_soon_threadsafe(settle, result, None)

    threading.Thread(target=work, name="newsmon-alert-io", daemon=True).start()
    return future


async def _post(name: str, channel: ChannelConfig, client: httpx.AsyncClient, url: str, body: bytes,
                headers: Optional[dict[str, str]] = None) -> httpx.Response:
    response = await client.post(
        url,
        content=body,
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT, **(headers or {})},
        timeout=channel.timeout.total_seconds(),
    )
    if response.status_code >= 300:  # redirects are not followed: a moved endpoint did not get the alert
        raise DeliveryError(
            f"Channel {name!r}: HTTP {response.status_code} from {display_target(channel)}."
        )
    return response


def _json(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


async def _send_webhook(name: str, channel: ChannelConfig, note: Message, client: httpx.AsyncClient,
                  secrets: _Secrets) -> None:
    url = secrets.expand(channel.url, "url")
    body = _json(note.payload())
    headers = {k: secrets.expand(v, f"headers.{k}") for k, v in channel.headers.items()}
    headers["Idempotency-Key"] = note.idempotency_key
    if channel.secret:
        headers[SIGNATURE_HEADER] = sign_body(secrets.expand(channel.secret, "secret"), body)
    await _post(name, channel, client, url, body, headers)


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


async def _send_dingtalk(name: str, channel: ChannelConfig, note: Message, client: httpx.AsyncClient,
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
    response = await _post(name, channel, client, url, _json(body))
    _robot_error(name, channel, response, ("errcode",), ("errmsg",))


async def _send_wecom(name: str, channel: ChannelConfig, note: Message, client: httpx.AsyncClient,
                secrets: _Secrets) -> None:
    url = secrets.expand(channel.url, "url")
    body = {"msgtype": "markdown", "markdown": {"content": note.markdown()}}
    response = await _post(name, channel, client, url, _json(body))
    _robot_error(name, channel, response, ("errcode",), ("errmsg",))


async def _send_feishu(name: str, channel: ChannelConfig, note: Message, client: httpx.AsyncClient,
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
    response = await _post(name, channel, client, url, _json(body))
    _robot_error(name, channel, response, ("code", "StatusCode"), ("msg", "StatusMessage"))


async def _send_slack(name: str, channel: ChannelConfig, note: Message, client: httpx.AsyncClient,
                secrets: _Secrets) -> None:
    url = secrets.expand(channel.url, "url")
    await _post(name, channel, client, url, _json({"text": note.text()}))


async def _send_telegram(name: str, channel: ChannelConfig, note: Message, client: httpx.AsyncClient,
                   secrets: _Secrets) -> None:
    base = secrets.expand(channel.endpoint, "url").rstrip("/")
    token = secrets.expand(channel.token, "token")
    body = {"chat_id": channel.chat_id, "text": note.text()[:4000], "disable_web_page_preview": True}
    response = await _post(name, channel, client, f"{base}/bot{token}/sendMessage", _json(body))
    try:
        ok = response.json().get("ok", True)
    except (ValueError, AttributeError):
        ok = True
    if ok is False:
        raise DeliveryError(f"Channel {name!r}: telegram did not accept the message.")


async def _send_email(name: str, channel: ChannelConfig, note: Message, client: httpx.AsyncClient,
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
    host, port, timeout = channel.smtp_host or "", channel.port, channel.timeout.total_seconds()

    def send() -> None:
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

    await in_thread(send)


async def _send_apprise(name: str, channel: ChannelConfig, note: Message, client: httpx.AsyncClient,
                        secrets: _Secrets) -> None:
    # Any Apprise URL (ntfy://, bark://, schan://, pushplus://, matrix://, json://, ...): the
    # service-specific work is Apprise's; retries, exactly-once and backoff stay the outbox's.
    import apprise

    url = secrets.expand(channel.url, "url")
    service = apprise.Apprise()
    if not service.add(url):
        raise DeliveryError(f"Channel {name!r}: Apprise does not understand the URL {display_target(channel)}"
                            " (see https://github.com/caronc/apprise/wiki for the URL of each service).")

    def send() -> tuple[bool, str]:
        with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:  # type: ignore[no-untyped-call]
            ok = service.notify(title=note.subject(), body=note.markdown(),
                                body_format=apprise.NotifyFormat.MARKDOWN)
            return bool(ok), captured.getvalue() if captured is not None else ""

    # Apprise has its own socket timeouts (4 s connect/read by default); this bounds the rest.
    ok, logged = await asyncio.wait_for(in_thread(send), timeout=channel.timeout.total_seconds() * 3)
    if not ok:
        reason = " ".join(logged.split())[-300:] or "no reason given"
        raise DeliveryError(f"Channel {name!r}: Apprise could not deliver to {display_target(channel)} ({reason}).")


_SENDERS: dict[str, Callable[[str, ChannelConfig, Message, httpx.AsyncClient, _Secrets], Awaitable[None]]] = {
    "webhook": _send_webhook,
    "email": _send_email,
    "dingtalk": _send_dingtalk,
    "wecom": _send_wecom,
    "feishu": _send_feishu,
    "slack": _send_slack,
    "telegram": _send_telegram,
    "apprise": _send_apprise,
}
