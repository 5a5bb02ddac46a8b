"""Every package's public API (``__all__``) resolves, as httpx checks in its own test of this name."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = ["newsmon", "newsmon.crawler", "newsmon.db", "newsmon.facts", "newsmon.scheduler", "newsmon.alerts",
            "newsmon.query", "newsmon.web"]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_names_resolve(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__, f"{name} has no __all__"
    missing = [member for member in module.__all__ if not hasattr(module, member)]
    assert not missing, f"{name}.__all__ names {missing} that do not exist"


def test_db_does_not_import_scrapy_or_the_config_layer() -> None:
    # db/ knows nothing of Scrapy; it must also stay usable without pydantic/yaml loaded.
    code = ("import sys, newsmon.db; "
            "print(sorted(m for m in ('scrapy', 'newsmon.crawler', 'pydantic', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
