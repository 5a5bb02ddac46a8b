"""Options and error handling shared by every ``newsmon`` command."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import click

from newsmon.config import Config
from newsmon.errors import ConfigError, NewsmonError, UsageError

if TYPE_CHECKING:
    from newsmon.db import StoreAPI

__all__ = ["FORMATS", "config_option", "format_option", "handle_errors", "open_store"]

F = TypeVar("F", bound=Callable[..., Any])


def config_option(func: F) -> F:
    """``--config PATH`` on every command (default ``$NEWSMON_CONFIG`` or ./config.yaml)."""
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="NEWSMON_CONFIG",
        default="config.yaml",
        show_default=True,
        help="Config file (env: NEWSMON_CONFIG).",
    )(func)


#: Output formats of every command that prints data (``text`` replaces ``table`` where a
#: table makes no sense, e.g. one article).
FORMATS = ("table", "json", "jsonl", "csv")


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format`` with the project's choices (``table|json|jsonl|csv`` unless given), first is default."""
    names = choices or FORMATS
    return click.option(
        "--format", "fmt", type=click.Choice(names), default=names[0], show_default=True,
        help="Output format: " + ", ".join(names)
        + (" (json: one array; jsonl: one object per line)." if "jsonl" in names else "."),
    )


def handle_errors(func: F) -> F:
    """Turn NewsmonError into ``Error: <sentence>`` and an exit status (2 for config and usage errors)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (ConfigError, UsageError) as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)
        except NewsmonError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def open_store(config: Config, *, create: bool = False, readonly: bool = False) -> StoreAPI:
    """The configured database (must exist unless ``create``; ``readonly`` for commands that only read).

    SQLite or PostgreSQL, as ``database:`` says (``newsmon.db.open_store``).
    """
    from newsmon.db import open_store as open_database

    return open_database(config.database_target, create=create, readonly=readonly)


