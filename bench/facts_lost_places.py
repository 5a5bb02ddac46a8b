"""List every full place name a page writes that the place reader drops: a probe for rules that strike too widely.

Usage::

    .venv/bin/python bench/facts_lost_places.py TEXTS.jsonl [TEXTS.jsonl …]     # each dropped name, with its context
    .venv/bin/python bench/facts_lost_places.py TEXTS.jsonl --counts            # how often each name was dropped

``TEXTS.jsonl``: pages as bench/facts_pages.py reads them (``{"url", "title", "body"}``, kept outside the repository).
A name of the reader's table with its suffix (a division's ``甘州区``, ``抚松县``; a compound or a zone's ending so; not a
weak short name) written in a headline or a body is nearly always the place; the reader (facts.places,
``_Table.spans``) still drops some, rightly where they are words (``北辰市场``, ``乡村振兴和县域``, ``高中山区``), wrongly
where a rule meant for one reading strikes the name across the whole story (session 64: ``太白县太白贝母`` struck every
``太白县`` of a 太白县 story). Pages labelled held-out, in
``bench/data/facts/pages-session*.json`` or by their line's own ``"split"``, are skipped: their text is not to be read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import ahocorasick

from newsmon.facts.places import _covered, _table  # (the reader's own table and marking: the probe asks what it drops)
from newsmon.facts.script import simplified

from facts_pages import labels, read_texts  # (bench/ is this script's own folder on the path)

_SUFFIXES = ("省", "市", "区", "县", "旗", "州", "盟")
_CONTEXT = 12


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="+", type=Path, help="JSONL files of the pages' text (kept outside the repository)")
    parser.add_argument("--counts", action="store_true", help="print how often each name was dropped, not each drop")
    args = parser.parse_args(argv)
    table = _table()
    automaton = ahocorasick.Automaton()
    for name in table.names:
        if len(name) >= 3 and name.endswith(_SUFFIXES) and name not in table.weak:
            automaton.add_word(name, name)
    automaton.make_automaton()
    known = labels()
    dropped: Counter[str] = Counter()
    pages = held_out = 0
    texts = read_texts(args.texts)
    if texts is None:
        return 2
    for page in texts:
        if (page.get("split") or known.get(page.get("url", ""), {}).get("split") or "").startswith("held-out"):
            held_out += 1
            continue
        pages += 1
        for part in (page["title"], page["body"]):
            text = simplified(part)
            read = _covered(text, table.spans(text))
            for last, name in automaton.iter(text):
                start = last - len(name) + 1
                if any(read[start:last + 1]):
                    continue  # read, or inside a longer name read
                dropped[name] += 1
                if not args.counts:
                    context = text[max(0, start - _CONTEXT):last + 1 + _CONTEXT].replace("\n", " ")
                    print(f"{page.get('url', '')}\t{name}\t{context}")
    if args.counts:
        for name, times in dropped.most_common():
            print(f"{times:5d}  {name}")
    print(f"{pages} pages read, {sum(dropped.values())} full names dropped"
          + (f", {held_out} held-out pages skipped" if held_out else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
