"""Build an importable ``newsmon`` package of an earlier commit, to read stories with an older extractor beside the
working tree's (a review's "old" side, a session's start code).

Usage::

    .venv/bin/python bench/package_at.py REV DEST        # e.g. 82aa442 /work/wt/pkg147
    cd /tmp && PYTHONPATH=DEST /work/main/.venv/bin/python bench/facts_pages.py …   # (not from the checkout: its
                                                                                    #  own newsmon/ would come first)

The commit's files are unpacked under ``DEST/src`` (``git archive``) and ``DEST/newsmon`` is laid out from
pyproject.toml's ``[tool.setuptools.package-dir]`` (the top-level folders become subpackages, as an install does), with
symbolic links, so nothing is copied twice. Run from outside the checkout, or put DEST first on the path.
"""
from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(rev: str, dest: Path) -> Path:
    """The package tree of ``rev`` under ``dest`` (replaced if present); returns ``dest``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
    if dest.exists():
        shutil.rmtree(dest)
    src = dest / "src"
    src.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # (Python 3.12, and 3.10.12/3.11.4 on: no link or path out of src)
            tar.extractall(src, filter="data")
        else:
            tar.extractall(src)  # our own commit's files only
    dirs = _package_dirs((src / "pyproject.toml").read_text(encoding="utf-8"))
    package = dest / "newsmon"
    shutil.copytree(src / dirs.get("newsmon", "newsmon"), package)
    for name, folder in dirs.items():
        if name.count(".") == 1 and not (package / name.split(".")[1]).exists():
            (package / name.split(".")[1]).symlink_to(src / folder, target_is_directory=True)
    return dest


def _package_dirs(pyproject: str) -> dict[str, str]:
    """pyproject.toml's ``[tool.setuptools.package-dir]`` table (read by hand: tomllib is Python 3.11 on, the project
    runs on 3.10)."""
    table = re.search(r"^\[tool\.setuptools\.package-dir\]\n(.*?)(?=^\[|\Z)", pyproject, re.M | re.S)
    return dict(re.findall(r'^"([\w.]+)"\s*=\s*"([^"]+)"', table.group(1), re.M)) if table else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="a commit, tag or branch of this repository")
    parser.add_argument("dest", type=Path, help="the folder to build the package in (replaced if present)")
    args = parser.parse_args(argv)
    try:
        dest = build(args.rev, args.dest)
    except subprocess.CalledProcessError as error:
        print(f"cannot read {args.rev} from the repository: {error.stderr.decode(errors='replace').strip()}", file=sys.stderr)
        return 2
    print(f"{dest}: PYTHONPATH={dest} imports newsmon as of {args.rev}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
