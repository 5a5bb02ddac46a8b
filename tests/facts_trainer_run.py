"""What the facts models' tests share: running a trainer (bench/train_<model>_model.py) as a user would, in a process of
its own from the repository's root, and a paragraph of filler that makes a made-up story as long as a real page's."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A made-up story's later paragraph, with no place, figure or stage of its own: the real pages the models were fitted
# on are longer than a one-line story (stage_model.MIN_BODY), and a test's story is read as such a page.
STORY_TAIL = ("据了解，该项目由县城投公司负责建设，建成后将进一步完善城区功能，方便周边群众生活。施工方表示，将在确保安全和质量的前提下，"
              "合理安排工序，倒排工期，挂图作战。")


def run_trainer(model: str, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """bench/train_``model``_model.py run with ``args`` (its exit code, stdout and stderr)."""
    return subprocess.run([sys.executable, str(ROOT / "bench" / f"train_{model}_model.py"), *args], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT)
