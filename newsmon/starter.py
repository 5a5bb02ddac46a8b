"""``newsmon init``: a commented config.yaml to start from.

The example is the repository's own ``config.yaml`` (``newsmon/config_example.yaml`` links to
it, and the wheel carries a copy), so the README, the repository and ``init`` show one file.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import NewsmonError

__all__ = ["example_config", "write_config"]


def example_config() -> str:
    """The text of the commented example configuration."""
    return resources.files("newsmon").joinpath("config_example.yaml").read_text(encoding="utf-8")


def write_config(path: Path, *, force: bool = False) -> Path:
    """Write the example configuration to ``path``; never overwrite a file unless ``force``."""
    path = Path(path)
    if path.is_dir():
        path = path / "config.yaml"
    if path.exists() and not force:
        raise NewsmonError(f"{path} already exists; edit it, or pass --force to replace it with the example.")
    if not path.parent.is_dir():
        raise NewsmonError(f"{path.parent} is not a folder; create it first or choose another path.")
    try:
        path.write_text(example_config(), encoding="utf-8")
    except OSError as exc:
        raise NewsmonError(f"Could not write {path}: {exc.strerror or exc}.") from None
    return path
