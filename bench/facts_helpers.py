"""Set up a scratch folder for the page-collecting helpers of the investment-facts sets, from the repository alone.

Usage::

    python3 bench/facts_helpers.py /work/wt

The texts of labelled pages live only in a session's scratch folder (no licence to store them), which a machine reset
may take away with the helper prompts (session 63 found it gone). This writes, from ``bench/data/facts``:

* ``rules/rules.md``: the labelling rules and settled conventions (helper-prompt.md's "The rules file");
* ``common.txt``: the prompt every helper gets before its theme (helper-prompt.md's "The prompt");
* ``used_urls.txt``: every address of every ``pages-session*.json`` and ``second/*.json``, which helpers must skip.

A session then writes one theme paragraph per helper after ``common.txt`` (helper-prompt.md lists the themes used) and
starts each helper on that file. Nothing is overwritten but these three files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "facts"
_FENCE = "```"


def fenced_section(text: str, heading: str) -> str:
    """The first fenced block after the line ``heading`` of a markdown text (its lines, without the fences)."""
    lines = text.splitlines()
    try:
        start = lines.index(heading)
        opening = next(i for i in range(start + 1, len(lines)) if lines[i].strip() == _FENCE)
        closing = next(i for i in range(opening + 1, len(lines)) if lines[i].strip() == _FENCE)
    except (ValueError, StopIteration):
        raise ValueError(f"no fenced block under {heading!r}") from None
    return "\n".join(lines[opening + 1:closing]) + "\n"


def used_urls(data: Path = DATA) -> list[str]:
    """Every labelled page's address, sorted (a second reading's too)."""
    urls: set[str] = set()
    for path in sorted(data.glob("pages-session*.json")) + sorted((data / "second").glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for key in ("stories", "readings", "projects"):
            urls.update(item["url"] for item in document.get(key, []) if isinstance(item, dict) and item.get("url"))
    return sorted(urls)


def set_up(scratch: Path, data: Path = DATA) -> dict[str, int]:
    """Write the three files into ``scratch``; returns each file's line count."""
    prompt = (data / "helper-prompt.md").read_text(encoding="utf-8")
    rules = fenced_section(prompt, "## The rules file (from this folder's README, as given in session 46)")
    common = fenced_section(prompt, "## The prompt")
    urls = used_urls(data)
    (scratch / "rules").mkdir(parents=True, exist_ok=True)
    written = {"rules/rules.md": rules, "common.txt": common, "used_urls.txt": "\n".join(urls) + "\n"}
    for name, text in written.items():
        (scratch / name).write_text(text, encoding="utf-8")
    return {name: text.count("\n") for name, text in written.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scratch", type=Path, help="the scratch folder (created if absent), e.g. /work/wt")
    args = parser.parse_args(argv)
    try:
        counts = set_up(args.scratch)
    except (OSError, ValueError) as error:
        print(f"cannot set up {args.scratch}: {error}", file=sys.stderr)
        return 1
    for name, lines in counts.items():
        print(f"{args.scratch / name}: {lines} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
