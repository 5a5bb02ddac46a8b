"""newsmon: scheduled news monitoring for regional portals.

The command line (``newsmon``) is a thin layer over these packages:
``newsmon.config`` (load_config), ``crawler`` (extract),
``scheduler`` (run_crawl, the daemon), ``db`` (Store, search_articles),
``alerts`` (rules, matching, delivery).
"""

from typing import Any

from .errors import ConfigError, ExtractError, FetchError, NewsmonError, NotFoundError, StoreError

__all__ = [
    "Config",
    "ConfigError",
    "ExtractError",
    "FetchError",
    "NewsmonError",
    "NotFoundError",
    "SiteConfig",
    "StoreError",
    "load_config",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The config layer (pydantic, yaml) loads on first use, so that `import db`
    # (which needs only newsmon.errors) stays light.
    if name in ("Config", "SiteConfig", "load_config"):
        from . import config

        return getattr(config, name)
    raise AttributeError(f"module 'newsmon' has no attribute {name!r}")
