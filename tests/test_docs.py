"""Every setting and every command is documented (as Datasette's tests/test_docs.py does)."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import click
import pytest
from pydantic import BaseModel

from newsmon.cli import cli
from newsmon.config import Config

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> None:
    if model in seen:
        return
    seen.add(model)
    for field in model.model_fields.values():
        for arg in [field.annotation, *typing.get_args(field.annotation)]:
            for inner in [arg, *typing.get_args(arg)]:
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    _models(inner, seen)


def settings() -> list[tuple[str, str]]:
    seen: set[type[BaseModel]] = set()
    _models(Config, seen)
    return sorted(
        (model.__name__, name)
        for model in seen
        for name, field in model.model_fields.items()
        if not field.exclude
    )


@pytest.mark.parametrize("model,name", settings())
def test_setting_is_documented(model: str, name: str) -> None:
    assert f"`{name}`" in DOCS, f"{model}.{name} is not documented in README.md or docs/"


@pytest.mark.parametrize("model,name", settings())
def test_setting_has_help_line(model: str, name: str) -> None:
    seen: set[type[BaseModel]] = set()
    _models(Config, seen)
    [cls] = [m for m in seen if m.__name__ == model]
    assert cls.model_fields[name].description, f"{model}.{name} has no description"


def commands(group: click.Group = cli, prefix: str = "newsmon") -> list[str]:
    out = []
    for name, command in group.commands.items():
        out.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            out.extend(commands(command, f"{prefix} {name}"))
    return out


@pytest.mark.parametrize("command", commands())
def test_command_is_documented(command: str) -> None:
    assert re.search(re.escape(command) + r"\b", DOCS), f"`{command}` is not mentioned in README.md or docs/"


@pytest.mark.parametrize("table", ["articles", "article_sources", "crawl_runs"])
def test_columns_users_query_are_documented(tmp_path: Path, table: str) -> None:
    """Tables and columns are part of the user interface (README's table of tables): every column of
    the tables users query is named in that table's row."""
    import sqlite3

    from newsmon.db import Store

    Store(tmp_path / "news.db").close()
    with sqlite3.connect(tmp_path / "news.db") as conn:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith(f"| `{table}` |")]
    assert [c for c in columns if not re.search(rf"\b{c}\b", row)] == []
