"""Bundled fixture portals: realistic fake Chinese news sites served on 127.0.0.1.

Used by ``newsmon demo``, the integration tests and the crawl benchmark::

    from newsmon.portal import FixturePortal

    with FixturePortal() as portal:
        config_text = portal.config_yaml(database="news.db")
        ...
        assert "/news/show-1012.html" in portal.requests("liaoning-invest")

Sites: ``liaoning-invest`` (DESTOON, GBK labelled gb2312), ``shenyang-gov``
(TRS government CMS, robots.txt, 404/500 links), ``dongbei-news`` (broken
pages: malformed, binary, huge, slow, redirect loop, off-site link) and, with
``bench_articles > 0``, ``bench-portal``.
"""

from .server import DEFAULT_CRAWL, FixturePortal, RequestRecord

__all__ = ["FixturePortal", "RequestRecord", "DEFAULT_CRAWL"]
