"""The code reviews' made-up stories kept in bench/data/facts/reviews (bench/data/facts/README.md): each file parses,
every story has a unique address and an answer for each scored field, and the pages bench scores them; and
bench/package_at.py, which builds an earlier commit's package to read them with (a review's "old" side)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REVIEWS = sorted((ROOT / "bench" / "data" / "facts" / "reviews").glob("*.jsonl"))


def test_there_are_review_sets() -> None:
    assert REVIEWS


@pytest.mark.parametrize("path", REVIEWS, ids=lambda path: path.name)
def test_a_review_set_is_well_formed(path: Path) -> None:
    urls = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        assert story["url"].startswith("review:") and story["url"] not in urls
        urls.add(story["url"])
        assert story["body"].strip() and set(story["want"]) >= {"amount", "stage", "city"}
        assert story["want"]["amount"] in (None, "?") or story["want"]["amount"] > 0


def test_the_pages_bench_scores_the_review_sets() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "facts_pages.py"), *map(str, REVIEWS)],
                          capture_output=True, text=True, check=True)
    fields = {line.split()[0] for line in done.stdout.splitlines() if line.strip()}
    assert {"amount", "no", "stage", "city"} <= fields


def test_a_package_of_a_commit_imports_that_commits_extractor(tmp_path: Path) -> None:
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    dest = tmp_path / "pkg"
    subprocess.run([sys.executable, str(ROOT / "bench" / "package_at.py"), head, str(dest)], check=True, capture_output=True)
    committed = subprocess.run(["git", "-C", str(ROOT), "show", f"{head}:facts/__init__.py"], capture_output=True, text=True,
                               check=True).stdout
    read = subprocess.run([sys.executable, "-c", "import newsmon.facts as f; print(f.__file__); print(f.FACTS_VERSION)"],
                          cwd=tmp_path, env={"PYTHONPATH": str(dest), "PATH": ""}, capture_output=True, text=True, check=True)
    where, version = read.stdout.split()
    assert where.startswith(str(dest)) and f"FACTS_VERSION = {version}" in committed


def test_a_package_of_no_such_commit_is_one_plain_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "package_at.py"), "no-such-rev", str(tmp_path / "pkg")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "cannot read no-such-rev" in done.stderr and "Traceback" not in done.stderr
