"""A Scrapy/Twisted download failure: one plain phrase for the run summary, and whether it may pass."""

from __future__ import annotations

from scrapy import exceptions as scrapy_exc
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net
from twisted.internet.defer import CancelledError
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived

__all__ = ["describe_failure", "may_pass"]

# Scrapy >= 2.13 wraps transport errors in its own classes; older ones raise Twisted's.
_TIMEOUT = tuple(
    c for c in (getattr(scrapy_exc, "DownloadTimeoutError", None), net.TimeoutError, net.TCPTimedOutError) if c
)
_TOO_BIG = tuple(c for c in (getattr(scrapy_exc, "DownloadCancelledError", None), CancelledError) if c)
_REFUSED = tuple(c for c in (getattr(scrapy_exc, "DownloadConnectionRefusedError", None), net.ConnectionRefusedError) if c)
_NO_HOST = tuple(c for c in (getattr(scrapy_exc, "CannotResolveHostError", None), net.DNSLookupError) if c)
_DATA_LOSS = tuple(c for c in (getattr(scrapy_exc, "ResponseDataLossError", None),) if c)


def describe_failure(failure: Failure) -> tuple[str, bool]:
    """(reason, counts_as_failure). robots.txt refusals are not failures, just skips."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return f"HTTP {exc.response.status}", True
    if isinstance(exc, scrapy_exc.IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text.lower():
            return "disallowed by robots.txt", False
        if "redirect" in text.lower():
            return "too many redirects (redirect loop?)", True
        if "exceeded DOWNLOAD_MAXSIZE" in text and "decompress" in text:
            # Scrapy's HttpCompressionMiddleware stopped a compressed response (a gzip bomb, or
            # just a huge page) while inflating it: say so in our words, not Scrapy's.
            return "response larger than crawl.max_response_bytes once decompressed, not read", True
        return text or "request ignored", True
    if isinstance(exc, _TIMEOUT):
        return "timed out (crawl.timeout)", True
    if isinstance(exc, _TOO_BIG):
        return "response larger than crawl.max_response_bytes, not downloaded", True
    if isinstance(exc, _NO_HOST):
        return "host name not found", True
    if isinstance(exc, _REFUSED):
        return "connection refused", True
    if _DATA_LOSS and isinstance(exc, _DATA_LOSS):
        return "the connection closed before the whole page arrived", True
    if isinstance(exc, ResponseNeverReceived):
        inner = exc.reasons[0].value if exc.reasons else exc
        return f"no response ({type(inner).__name__})", True
    if isinstance(exc, net.ConnectError):
        return f"cannot connect ({exc})", True
    return f"{type(exc).__name__}: {exc}", True


def may_pass(failure: Failure) -> bool:
    """Whether the failure may not happen on the next try: a server error (HTTP 5xx, 408, 429) or a
    transport failure (timeout, refused or dropped connection), not a refusal (any other HTTP 4xx,
    robots.txt, a redirect loop) nor a response too big (it is as big next time)."""
    exc = failure.value
    if isinstance(exc, HttpError):
        # 408 (the server gave up waiting) and 429 (too many requests) pass like a 5xx; Scrapy retries them too.
        return bool(exc.response.status >= 500 or exc.response.status in (408, 429))
    return not isinstance(exc, (scrapy_exc.IgnoreRequest, *_TOO_BIG))
