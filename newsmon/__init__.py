"""newsmon: scheduled news monitoring for regional portals.

The command line (``newsmon``) is a thin layer over these packages:
``newsmon.config`` (load_config), ``crawler`` (extract),
``scheduler`` (run_crawl, the daemon), ``db`` (Store, search_articles),
``alerts`` (rules, matching, delivery).
"""

from .config import Config, SiteConfig, load_config
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
