"""Optional browser rendering of list pages (``render: browser``): scrapy-playwright on the system Chromium.

Only list pages carry ``meta["playwright"] = True``; scrapy-playwright's
download handler passes every other request to Scrapy's plain HTTP handler,
so article pages stay cheap. Playwright never downloads a browser here: it
drives the Chromium the system provides (Debian's ``chromium`` package,
``/usr/bin/chromium``; ``NEWSMON_CHROMIUM`` overrides the path).
"""

from __future__ import annotations

import os
import shutil
from typing import Any

from newsmon.errors import ConfigError

__all__ = ["INSTALL_HINT", "browser_settings", "chromium_path"]

INSTALL_HINT = (
    "render: browser needs the browser extra and Chromium: "
    "pip install 'newsmon[browser]' and apt-get install chromium (or set NEWSMON_CHROMIUM to a Chromium binary)."
)


def chromium_path() -> str | None:
    """The Chromium binary to drive: ``$NEWSMON_CHROMIUM``, ``/usr/bin/chromium``, or one on PATH."""
    for candidate in (os.environ.get("NEWSMON_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_settings() -> dict[str, Any]:
    """Scrapy settings that route ``meta["playwright"]`` requests through headless Chromium.

    Raises ConfigError with :data:`INSTALL_HINT` when scrapy-playwright or Chromium is missing.
    """
    try:
        import scrapy_playwright  # noqa: F401
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    executable = chromium_path()
    if executable is None:
        raise ConfigError(INSTALL_HINT)
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    return {
        "DOWNLOAD_HANDLERS": {"http": handler, "https": handler},
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": executable,
            "headless": True,
            # Containers and CI run as root without user namespaces.
            "args": ["--no-sandbox", "--disable-dev-shm-usage"],
        },
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 4,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 20_000,
    }
