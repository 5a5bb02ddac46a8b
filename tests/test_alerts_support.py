"""Real receivers for the alert tests: an HTTP webhook receiver and an SMTP server (STARTTLS + AUTH) on loopback.

Imported by the other ``test_alerts_*`` modules; holds no tests itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import pytest
import yaml

from newsmon.crawler.fingerprint import text_fingerprint
from tests.services.ports import free_port
from newsmon.db import Store
from newsmon.config import Config, parse_config

__all__ = ["Receiver", "receiver", "smtp_server", "make_config", "store_with_alerts", "add_story", "wait_for"]


class Receiver:
    """A webhook receiver on 127.0.0.1:<free port>; ``status`` decides what it answers."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.status: Callable[[int], int] = lambda n: 200  # n = 1-based request number
        self.reply: bytes = b'{"errcode": 0, "errmsg": "ok"}'
        self.arrived = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server API)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = None
                number = len(outer.requests) + 1
                status = outer.status(number)
                outer.requests.append({"path": self.path, "headers": dict(self.headers), "raw": raw,
                                       "json": body, "status": status, "at": time.monotonic()})
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(outer.reply)))
                self.end_headers()
                self.wfile.write(outer.reply)
                if status < 400:
                    outer.arrived.set()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def accepted(self) -> list[dict[str, Any]]:
        """Requests answered with a 2xx status."""
        return [r for r in self.requests if r["status"] < 400]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec = Receiver()
    yield rec
    rec.close()


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (IP SAN) and its key, as PEM files."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class SMTPServer:
    """aiosmtpd on 127.0.0.1 requiring STARTTLS and AUTH (user ``alerts``, password ``s3cret-pw``)."""

    user, password = "alerts", "s3cret-pw"

    def __init__(self, folder: Path) -> None:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        self.messages: list[dict[str, Any]] = []
        self.cert, key = _self_signed(folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(self.cert), str(key))
        outer = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
                import email
                from email import policy

                message = email.message_from_bytes(envelope.original_content, policy=policy.default)
                outer.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                                       "subject": str(message["Subject"]), "body": message.get_content(),
                                       "tls": session.ssl is not None, "auth": session.authenticated})
                return "250 OK"

        def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
            ok = data.login.decode() == outer.user and data.password.decode() == outer.password
            return AuthResult(success=ok)

        self.port = free_port()
        self.controller = Controller(
            Handler(), hostname="127.0.0.1", port=self.port, tls_context=context, require_starttls=True,
            auth_required=True, auth_require_tls=True, authenticator=authenticator,
        )
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()


@pytest.fixture
def smtp_server(tmp_path: Path) -> Iterator[SMTPServer]:
    server = SMTPServer(tmp_path)
    yield server
    server.stop()


def make_config(tmp_path: Path, alerts: dict[str, Any], **extra: Any) -> Config:
    """Write config.yaml (database news.db in tmp_path) and return it parsed."""
    data = {"database": str(tmp_path / "news.db"), "sites": [], "alerts": alerts, **extra}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return parse_config(data, str(path))


def store_with_alerts(config: Config) -> Store:
    """The config's database, with the alert hook installed (as the crawl worker does)."""
    from newsmon.alerts import install_alert_hook

    store = Store(config.database_path)
    install_alert_hook(store, config)
    return store


_counter = iter(range(1, 10**9))


def add_story(store: Store, title: str, body: str, *, site: str = "gov-ln", url: Optional[str] = None) -> Any:
    """Store one story as the crawler's StorePipeline does."""
    n = next(_counter)
    url = url or f"http://{site}.example/news/{hashlib.md5(f'{title}{n}'.encode()).hexdigest()[:8]}.html"
    return store.add_article(
        site=site, url=url, title=title, body=body, fingerprint=text_fingerprint(body),
        published_at=dt.datetime(2023, 4, 4, 15, 26, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        source="辽宁日报",
    )


def wait_for(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll ``predicate`` until true or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
