"""bench/facts_helpers.py rebuilds a labelling scratch folder from the repository alone (session 63 found it gone)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "facts"


def test_the_scratch_folder_is_rebuilt_with_the_rules_the_prompt_and_every_used_address(tmp_path: Path) -> None:
    scratch = tmp_path / "wt"
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "facts_helpers.py"), str(scratch)],
                         capture_output=True, text=True, check=True)
    assert "used_urls.txt" in out.stdout
    rules = (scratch / "rules" / "rules.md").read_text(encoding="utf-8")
    assert rules.startswith("## Labelling rules") and "## Conventions where readers split" in rules
    assert "```" not in rules  # the fences themselves are left out
    common = (scratch / "common.txt").read_text(encoding="utf-8")
    assert "used_urls.txt" in common and "rules/rules.md" in common
    used = set((scratch / "used_urls.txt").read_text(encoding="utf-8").split())
    # every labelled page of every session, and the second readings', are to be skipped
    for path in (DATA / "pages-session63.json", DATA / "pages-session19.json"):
        stories = json.loads(path.read_text(encoding="utf-8"))["stories"]
        assert {story["url"] for story in stories if story["url"]} <= used


def test_a_scratch_folder_that_cannot_be_written_is_one_sentence_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "facts_helpers.py"), str(blocker / "wt")],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.startswith("cannot set up") and "Traceback" not in out.stderr
