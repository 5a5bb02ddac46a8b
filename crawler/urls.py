"""Canonical URLs: the first dedupe layer (one page, one URL).

Portals link the same article under many spellings: ``?from=timeline``,
``utm_*`` and ``spm`` tracking parameters, WeChat ``scene``/``chksm``, query
parameters in another order, ``http`` and ``https``, a trailing slash or
not. :func:`canonical_url` gives the spelling we fetch and store;
:func:`url_key` folds what is left (scheme, trailing slash) into the
identity the store compares, so one page is fetched once per crawl and
stored once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Optional
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

if TYPE_CHECKING:
    from tldextract import TLDExtract

__all__ = ["TRACKING_PARAMS", "canonical_url", "url_key", "same_site", "site_boundaries", "registrable_domain", "is_tracking_param"]

# Query parameters that say where a reader came from, never which page it is.
# Sources: Google Analytics (utm_*), Alibaba/Taobao (spm, scm), WeChat share
# links (scene, srcid, chksm, sharer_*), Toutiao/Baidu/Weibo share buttons.
TRACKING_PARAMS = frozenset(
    {
        "from", "spm", "scm", "share_token", "share_from", "share_source", "share_medium",
        "share_type", "sharetype", "shareid", "share_id", "sharesource", "isappinstalled",
        "scene", "srcid", "chksm", "clicktime", "enterid", "subscene", "sessionid",
        "wfr", "fr", "tt_from", "timestamp_share", "from_source", "fromsource",
        "gclid", "fbclid", "yclid", "msclkid", "mc_cid", "mc_eid", "igshid",
        "spm_id_from", "vd_source", "ref_src", "ref_url", "wxshare_count", "pvid",
    }
)
_TRACKING_PREFIXES = ("utm_", "sharer_", "share_", "__twitter", "hmsr", "hmpl", "hmcu", "hmkw", "hmci")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SLASHES = re.compile(r"/{2,}")


def is_tracking_param(name: str) -> bool:
    """True if the query parameter ``name`` only tracks the visit (``utm_source``, ``spm``, ``from``…)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str, *, base: Optional[str] = None) -> str:
    """The fetchable canonical spelling of ``url``.

    w3lib canonicalisation (safe percent-encoding, sorted query, no
    fragment, dot segments resolved), lower-case host without a default
    port, duplicate slashes in the path collapsed, tracking parameters
    (:data:`TRACKING_PARAMS`, ``utm_*``, ``sharer_*``) dropped. The scheme is
    kept: ``http`` and ``https`` spellings are merged by :func:`url_key`.
    ``base`` resolves a relative ``url`` (a ``<link rel=canonical>`` href).
    """
    if base is not None:
        url = urljoin(base, url.strip())
    parts = urlsplit(canonicalize_url(url.strip()))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:  # an unparsable port: leave the URL as w3lib made it
        return urlunsplit(parts)
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    # Filter the raw pairs: w3lib already percent-encoded and sorted them.
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not is_tracking_param(unquote_plus(pair.split("=")[0]))
    )
    path = _SLASHES.sub("/", parts.path) or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def url_key(url: str) -> str:
    """The identity of ``url`` for dedupe: its canonical form without scheme or trailing slash.

    ``http://a.cn/news/1/?from=x`` and ``https://A.cn/news/1`` have the same key
    (``//a.cn/news/1``).
    """
    parts = urlsplit(canonical_url(url))
    path = parts.path.rstrip("/") if parts.path != "/" else ""
    return urlunsplit(("", parts.netloc, path, parts.query, ""))


def _effective_port(scheme: str, port: Optional[int]) -> Optional[int]:
    return port if port is not None else _DEFAULT_PORTS.get(scheme)


def same_site(url: str, domains: Iterable[str]) -> bool:
    """True if ``url``'s host is one of ``domains`` or a subdomain of one.

    A domain written with a port (``127.0.0.1:8000``, ``www.x.gov.cn:8080``)
    also pins the port: the same host on another port is another site (a
    redirect to ``:9000`` leaves the site). Without a port any port matches.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    try:
        port = _effective_port(parts.scheme, parts.port)
    except ValueError:
        return False
    for domain in domains:
        name, _, pinned = domain.lower().rpartition(":") if domain.count(":") == 1 else (domain.lower(), "", "")
        if not (host == name or host.endswith("." + name)):
            continue
        if not pinned or (pinned.isdigit() and int(pinned) == port):
            return True
    return False


def registrable_domain(host: str) -> str:
    """The domain a site registered (``news.qq.com`` -> ``qq.com``, ``www.ln.gov.cn`` -> ``ln.gov.cn``).

    From the Public Suffix List snapshot bundled with tldextract (a Scrapy
    dependency; never fetched over the network). IP addresses and single-label
    hosts (``localhost``) are their own domain.
    """
    global _EXTRACT
    if _EXTRACT is None:
        import tldextract

        _EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    parts = _EXTRACT(host)
    # tldextract 5.3 renamed registered_domain (the old name warns).
    name = "top_domain_under_public_suffix" if hasattr(parts, "top_domain_under_public_suffix") else "registered_domain"
    found = getattr(parts, name)
    return str(found or host).lower()


_EXTRACT: Optional[TLDExtract] = None


def site_boundaries(start_urls: Iterable[str], allowed_domains: Optional[Iterable[str]] = None) -> list[str]:
    """The boundary a site's crawl stays in, as ``same_site`` domains.

    Without ``allowed_domains``: the registrable domain of each start URL's
    host (``news.qq.com`` -> ``qq.com``, so ``new.qq.com`` articles count),
    pinned to the start URL's port (``127.0.0.1:8000``; ``:80`` and ``:443``
    for default ports), so a redirect to ``127.0.0.1:9000`` is off-site.
    With ``allowed_domains``: those, a start URL's own host pinned to its port.
    """
    pinned: dict[str, set[int]] = {}
    for start in start_urls:
        parts = urlsplit(start)
        host = (parts.hostname or "").rstrip(".").lower()
        port = _effective_port(parts.scheme, parts.port)
        if not host or port is None:
            continue
        key = host if allowed_domains else registrable_domain(host)
        pinned.setdefault(key, set()).add(port)
        if parts.port is None:  # a default-port start URL: both schemes' defaults are the same site
            pinned[key].update(_DEFAULT_PORTS.values())
    domains = list(allowed_domains) if allowed_domains else list(pinned)
    out: list[str] = []
    for domain in domains:
        host = domain.lower()
        if host in pinned:
            out.extend(f"{host}:{port}" for port in sorted(pinned[host]))
        else:
            out.append(domain)
    return out
