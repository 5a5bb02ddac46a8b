"""Turn a Scrapy/Twisted download failure into one plain phrase for the run summary."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net
from twisted.internet.defer import CancelledError
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived

__all__ = ["describe_failure"]


def describe_failure(failure: Failure) -> tuple[str, bool]:
    """(reason, counts_as_failure). robots.txt refusals are not failures, just skips."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return f"HTTP {exc.response.status}", True
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text.lower():
            return "disallowed by robots.txt", False
        if "redirect" in text.lower():
            return "too many redirects (redirect loop?)", True
        return text or "request ignored", True
    if isinstance(exc, (net.TimeoutError, net.TCPTimedOutError)):
        return "timed out", True
    if isinstance(exc, CancelledError):
        return "download cancelled (larger than crawl.max_response_bytes?)", True
    if isinstance(exc, net.DNSLookupError):
        return "host name not found", True
    if isinstance(exc, net.ConnectionRefusedError):
        return "connection refused", True
    if isinstance(exc, ResponseNeverReceived):
        inner = exc.reasons[0].value if exc.reasons else exc
        return f"no response ({type(inner).__name__})", True
    if isinstance(exc, net.ConnectError):
        return f"cannot connect ({exc})", True
    return f"{type(exc).__name__}: {exc}", True
