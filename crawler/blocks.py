"""Keep the column's own list, drop sidebars and carousels that look like it.

The link classifier (:mod:`.links`) judges links by URL template and text, so a
sidebar of "hot" stories or a scrolling notice box whose links have the
column's very URL shape and headline length passes it. Where a link sits
tells them apart: a column's items are the rows of one block (a ``<ul>``, a
``<table>``, a ``<div>`` of cards), and portals repeat that block's markup when
the list is long (one table per 10 rows), while side boxes sit in other
branches of the page, are smaller, and are usually named for what they are
(``sidebar``, ``right``, ``hot``, ``rank``, ``focus``, ``marquee``…).

:func:`main_list` finds, for every article candidate, its *block*: the lowest
ancestor that holds at least two distinct candidate URLs. The block holding
the most candidates is the main list. A candidate is kept when its block is
the main one, has the same tag/class path as the main one (a long list split
into repeated tables), or is at least half its size and not in a branch named
like a side box. Pages whose largest block is small (fewer than
:data:`MIN_MAIN` URLs) are left alone: there is no list to anchor on.

No per-site rules: tag names, the first class token, and a short list of
words that front-end templates use for side boxes (Readability's
"unlikely candidates" idea). Linear in the number of candidates times the
page depth (ancestor chains are cut at :data:`MAX_DEPTH`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Sequence

from .links import Link, Rejected

__all__ = ["MIN_MAIN", "main_list"]

# A main list needs this many distinct article URLs before other blocks are judged against it.
MIN_MAIN = 5
# Ancestors looked at per anchor (real list rows sit 3-12 levels below the list's block).
MAX_DEPTH = 40
# Blocks at least this share of the main block's size count as lists of their own.
MIN_SHARE = 0.5
# Words front-end templates use for boxes beside the list (class or id tokens).
_SIDE_BOX = re.compile(
    r"(?:^|[-_\s])(?:side|sidebar|aside|right|r|rt|hot|rank|ranking|top10|recommend|rec|related|popular|"
    r"focus|slide|slider|swiper|banner|carousel|scroll|marquee|mq|ad|ads|tuijian|remen|paihang|redian|"
    r"jiaodian|gundong)(?:$|[-_\s\d])",
    re.IGNORECASE,
)


def _label(element: Any) -> str:
    classes = (element.get("class") or "").split()
    return f"{element.tag}.{classes[0]}" if classes else str(element.tag)


def _signature(chain: Sequence[Any]) -> str:
    # chain: the block and its ancestors, innermost first.
    return "/".join(_label(e) for e in reversed(chain))


def _side_named(element: Any) -> bool:
    for value in (element.get("class") or "", element.get("id") or ""):
        if value and _SIDE_BOX.search(value):
            return True
    return False


def main_list(articles: list[Link], anchors: dict[str, list[Any]]) -> tuple[list[Link], list[Rejected]]:
    """``articles`` less the candidates outside the page's main list (see the module docstring).

    ``anchors`` maps each article URL to its ``<a>`` elements (lxml) in page
    order. Returns the kept links (order unchanged) and the dropped ones as
    :class:`Rejected` with the reason.
    """
    chains: dict[str, list[Any]] = {}
    for link in articles:
        elements = anchors.get(link.url)
        if not elements:
            continue
        chain: list[Any] = []
        node = elements[0].getparent()
        while node is not None and isinstance(node.tag, str) and len(chain) < MAX_DEPTH:
            chain.append(node)
            node = node.getparent()
        chains[link.url] = chain
    if len(chains) < MIN_MAIN:
        return articles, []
    # Distinct candidate URLs under each ancestor (lxml proxies stay the same objects while
    # the chains keep a reference, so they work as dictionary keys).
    under: dict[Any, int] = defaultdict(int)
    for chain in chains.values():
        for element in chain:
            under[element] += 1
    block_of: dict[str, int] = {}  # URL -> index of its block in its chain
    size: dict[Any, int] = defaultdict(int)
    for url, chain in chains.items():
        index = next((i for i, element in enumerate(chain) if under[element] >= 2), len(chain) - 1)
        block_of[url] = index
        size[chain[index]] += 1
    main = max(size, key=lambda element: size[element])
    if size[main] < MIN_MAIN:
        return articles, []
    main_url = next(url for url, chain in chains.items() if chain[block_of[url]] is main)
    main_chain = chains[main_url][block_of[main_url]:]
    main_signature = _signature(main_chain)
    main_ancestors = set(main_chain)
    signatures: dict[Any, str] = {}
    kept: list[Link] = []
    dropped: list[Rejected] = []
    for link in articles:
        found = chains.get(link.url)
        if found is None:
            kept.append(link)
            continue
        chain = found
        block = chain[block_of[link.url]]
        if block is main:
            kept.append(link)
            continue
        if block not in signatures:
            signatures[block] = _signature(chain[block_of[link.url]:])
        if signatures[block] == main_signature:
            kept.append(link)
            continue
        # The branch between the block and the first ancestor it shares with the main list.
        branch: list[Any] = []
        for element in chain[block_of[link.url]:]:
            if element in main_ancestors:
                break
            branch.append(element)
        side = any(_side_named(element) for element in branch)
        if not side and size[block] >= MIN_SHARE * size[main]:
            kept.append(link)
        else:
            reason = "beside the list (a box named like a sidebar)" if side else "beside the list (a smaller block than the column's list)"
            dropped.append(Rejected(link.url, reason))
    return kept, dropped
