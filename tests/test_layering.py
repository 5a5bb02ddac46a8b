"""The layering rules of docs/architecture.md, checked on the source: SQL only in db/, config files read in one
module, durations parsed only by the config layer.

Reads every package module's syntax tree (no imports), so a rule broken anywhere fails here with the file and line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("newsmon", "crawler", "scheduler", "alerts", "query", "web", "facts", "db")
SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIRTUAL)"
                 r"|PRAGMA\s+\w+|sqlite_master)\b", re.S)
DB_CALLS = {"execute", "executemany", "executescript"}


def _modules(*folders: str) -> Iterator[Path]:
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "__pycache__" not in path.parts:
                yield path


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _sql_sites(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    where = path.relative_to(ROOT)
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                and SQL.search(node.value)):
            found.append(f"{where}:{node.lineno}: SQL text {node.value[:50]!r}")
        # A database call is given its statement first (Redis' pipeline.execute() takes nothing).
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in DB_CALLS
                and node.args and not isinstance(node.args[0], ast.Starred)):
            found.append(f"{where}:{node.lineno}: .{node.func.attr}() call")
    return found


def test_sql_lives_only_in_db() -> None:
    outside = [site for path in _modules(*(p for p in PACKAGES if p != "db")) for site in _sql_sites(path)]
    assert outside == [], "SQL outside db/ (move it into a db/ function):\n" + "\n".join(outside)


def test_the_check_sees_sql() -> None:
    # The rule above must be able to fail: db/ itself is full of what it looks for.
    assert len([s for path in _modules("db") for s in _sql_sites(path)]) > 50


def _names_used(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.add(str(node.module))
            names.update(f"{node.module}.{a.name}" for a in node.names)
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
    return names


@pytest.mark.parametrize("name,owners", [
    # Durations are parsed once, into timedelta fields, by the config layer.
    ("parse_duration", {"newsmon/clock.py", "newsmon/config.py", "newsmon/config_types.py",
                        "newsmon/alerts_config.py"}),
    # config.yaml is read (and rewritten with its comments) by newsmon/config_file.py alone.
    ("ruamel.yaml", {"newsmon/config_file.py"}),
    ("safe_load", {"newsmon/config_file.py"}),
])
def test_one_module_owns_it(name: str, owners: set[str]) -> None:
    users = {str(path.relative_to(ROOT)) for path in _modules(*PACKAGES) if name in _names_used(path)}
    assert users <= owners, f"{name} used outside {sorted(owners)}: {sorted(users - owners)}"
    assert users, f"{name} is not used at all: the rule checks nothing"
