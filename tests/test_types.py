"""mypy --strict over the whole installed package, as httpx and Scrapy check themselves.

The repository maps folders onto the ``newsmon`` namespace (``db/`` is ``newsmon.db``), which
mypy cannot follow through the editable-install finder, so the check runs on a tree of
symbolic links laid out as installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _installed_layout(tmp: Path) -> Path:
    import tomllib

    mapping = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]
    top = tmp / "newsmon"
    top.mkdir()
    for entry in (ROOT / "newsmon").iterdir():
        if entry.name != "__pycache__":
            (top / entry.name).symlink_to(entry)
    for package, folder in mapping.items():
        if package.count(".") == 1:  # newsmon.db -> db/
            (top / package.split(".", 1)[1]).symlink_to(ROOT / folder)
    return tmp


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib")
def test_mypy_strict_over_the_package(tmp_path: Path) -> None:
    if shutil.which("mypy", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("mypy is not installed: `make test` installs it with the test extra")
    tree = _installed_layout(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir",
         str(tmp_path / ".mypy_cache"), "-p", "newsmon"],
        cwd=tree, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
