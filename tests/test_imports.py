"""The installed layout: everything under ``newsmon.``, and no import cycles between our modules.

Cycles used to hide behind imports inside functions (``newsmon.cli_alerts`` could not be
imported first). The check below reads every ``import`` statement of the package, at any
depth (function-level ones too, except those under ``if TYPE_CHECKING:``), and asserts the
module graph has no cycle; a subprocess then imports every module, each in a fresh
interpreter's worth of order, to prove any order works.
"""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
import subprocess
import sys
from pathlib import Path

import newsmon

GENERIC_NAMES = ("db", "crawler", "scheduler", "alerts", "query", "web")


def _all_modules() -> dict[str, Path]:
    modules: dict[str, Path] = {"newsmon": Path(newsmon.__file__)}
    for info in pkgutil.walk_packages(newsmon.__path__, "newsmon."):
        spec = importlib.util.find_spec(info.name)
        assert spec is not None and spec.origin, info.name
        modules[info.name] = Path(spec.origin)
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Our modules that ``name`` imports anywhere in its body (TYPE_CHECKING blocks excepted)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        for target in targets:
            # The longest known module the import names (``from newsmon.db import Store`` -> newsmon.db).
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                found.add(target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def test_no_import_cycles() -> None:
    modules = _all_modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    # A package's __init__ importing its own submodules is how packages expose their API;
    # a cycle is a submodule (or another package) importing back into a module that imports it.
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name)
    # Parent packages are imported implicitly by Python before their children; those edges
    # (child -> its own ancestor __init__) are not cycles we can or want to remove.
    real = [c for c in cycles if not all(b.startswith(a + ".") or a.startswith(b + ".") for a, b in zip(c, c[1:]))]
    assert not real, "import cycles: " + "; ".join(" -> ".join(c) for c in real)


def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    names = sorted(_all_modules())
    code = (
        "import importlib, subprocess, sys\n"
        "bad = []\n"
        "for name in sys.argv[1:]:\n"
        "    r = subprocess.run([sys.executable, '-c', f'import {name}'], capture_output=True, text=True)\n"
        "    if r.returncode: bad.append(name + ': ' + r.stderr.strip().splitlines()[-1])\n"
        "print('\\n'.join(bad))\n"
    )
    skip = {"newsmon.cli.__main__"}  # runs the command line when imported, by design
    out = subprocess.run([sys.executable, "-c", code, *[n for n in names if n not in skip]],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_nothing_generic_at_the_top_of_site_packages(tmp_path: Path) -> None:
    # Run outside the repository so its folders (db/, crawler/) are not on sys.path.
    code = f"import importlib.util as u; print([n for n in {GENERIC_NAMES!r} if u.find_spec(n)])"
    out = subprocess.run([sys.executable, "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
    code = "import newsmon.db, newsmon.crawler, newsmon.scheduler, newsmon.alerts, newsmon.cli; print('ok')"
    assert subprocess.run([sys.executable, "-I", "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          check=True).stdout.strip() == "ok"
