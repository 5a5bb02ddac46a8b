"""Lists of other stories (相关阅读, 推荐, ``更多>同类招商引资``, 点击排行): navigation, never body.

Portals print them in every shape — a two-column table, a date-first
``<ul>``, links pasted inside the story box, ``<br>``-separated lines, even
plain text copied without links — and under any class name, so they are
recognised by what their lines *are*: a headline (5–60 characters, not a
sentence) that is a link, carries a date (``2023-04-03``, ``[04-03]``,
``（2023-04-02）``), or equals the headline of another story of the site
(``known`` headlines, learned from the site's list pages). A short story is
two or three prose paragraphs; such a list of five headlines is longer than
the story, which is why density scoring prefers it unless it is removed.

Two passes, both pure: :func:`prune_story_lists` removes such boxes from the
parsed page before the main text is chosen, and :func:`drop_story_lines`
removes what is left line by line (links an editor pasted under the last
paragraph, a list the extractor kept). A box holding the headline or the
lead is never removed, and a sentence is never a headline, so the story's
own last paragraph stays.
"""

from __future__ import annotations

import re
from typing import Collection

from lxml import etree

from .boilerplate import drop_keep_tail, is_chrome_line, linked_lines

__all__ = ["headline_like", "prune_story_lists", "drop_story_lines"]

_DATE = (r"(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
         r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_DATE_TAIL = re.compile(r"[\s\[(（【]*" + _DATE + r"\s*[\])）】]?\s*$")
_DATE_HEAD = re.compile(r"^\s*[\[(（【]?\s*" + _DATE + r"\s*[\])）】]?[\s:：|]*")
_BULLETS = " ·•>》■□◆◇●○▪▸►-—|·、"
_SENTENCE_END = re.compile(r"[。！？；!?;…]$")
# A heading over a list of other stories: 相关阅读, 推荐阅读：, 更多>同类招商引资, 推荐, 热点.
_LIST_HEADING = re.compile(
    r"^[【\[]?\s*(?:相关|推荐|延伸|热点|热门|热读|最新|更多|同类|往期|精彩|其他|猜你|点击排行|阅读排行|本周|今日)"
    r"[^\s，。]{0,10}?\s*[】\]]?\s*[:：>》]*\s*$"
)
# A notice's attachments are links too, and belong to it.
_ATTACHMENT = re.compile(r"^附件|\.(?:docx?|xlsx?|pdf|zip|rar|wps|et|ofd)\s*$", re.I)
_CONTAINERS = {"div", "ul", "ol", "dl", "table", "tbody", "section", "aside", "td", "tr", "nav", "center"}


def _headline_text(line: str) -> tuple[str, bool, bool]:
    """The line without a leading/trailing date and bullets; whether it had a date after, before."""
    rest = _DATE_TAIL.sub("", line)
    head = _DATE_HEAD.sub("", rest)
    return head.strip(_BULLETS), rest != line, head != rest


def headline_like(line: str, *, linked: bool, known: Collection[str] = ()) -> bool:
    """True when ``line`` reads as another story's headline in a list.

    A headline is 5–60 characters, not a sentence (no closing 。, at most two
    commas) and is a link (``linked``), is followed by a date (a line led by
    its date is a timeline entry, unless it is a link), or is one of the
    ``known`` headlines of the site.
    """
    text, dated_after, dated_before = _headline_text(line)
    if known and (text in known or line in known):
        return True
    if not 5 <= len(text) <= 60 or _SENTENCE_END.search(text) or _ATTACHMENT.search(text):
        return False
    if text.count("，") + text.count(",") > 2:
        return False
    # Unlinked, only "headline  date" counts: a line led by its date is a timeline entry.
    return dated_after or (linked and dated_before) or linked


def _is_heading(line: str) -> bool:
    return bool(_LIST_HEADING.match(line)) or (len(line) <= 12 and is_chrome_line(line))


def _story_list_lines(lines: list[tuple[str, int]], known: Collection[str]) -> tuple[bool, int]:
    """(Mostly headlines — two or more — the rest headings or crumbs?, how many headlines)."""
    headlines = chars = headline_chars = 0
    for text, linked in lines:
        if len(text) <= 4 or _LIST_HEADING.match(text):
            continue
        chars += len(text)
        if headline_like(text, linked=linked >= 0.6 * len(text), known=known):
            headlines += 1
            headline_chars += len(text)
    return headlines >= 2 and headline_chars >= 0.7 * chars, headlines


# A box with more text than this is not a list of headlines (and not worth rendering to find out).
_MAX_LIST_CHARS = 5000
# Compiled once; evaluated in C, so sizing a box costs no Python per descendant.
_TEXT_CHARS = etree.XPath("string-length(string(.))")


def _repeated_children(el: etree._Element) -> bool:
    """Two or more children (``<br>`` aside), most of one tag: the shape of every list (li, tr, p, a…)."""
    tags: dict[str, int] = {}
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag != "br":
            tags[tag] = tags.get(tag, 0) + 1
    total = sum(tags.values())
    return total >= 2 and max(tags.values()) >= 0.6 * total


def _links(el: etree._Element) -> tuple[int, int]:
    """(characters of link text, links long enough to be a headline)."""
    chars = long = 0
    for a in el.iter("a"):
        n = len(a.text_content().strip())
        chars += n
        long += n >= 5
    return chars, long


def prune_story_lists(
    root: etree._Element, keep: Collection[etree._Element] = (), known: Collection[str] = ()
) -> int:
    """Remove boxes that list other stories, in place; return how many.

    ``keep`` are elements (the headline, the lead) whose boxes are the
    story's own and stay. A box is judged when it has two or more children,
    links, and at least half of its text in links; unlinked lists are left
    to :func:`drop_story_lines`. The outermost list box goes.
    """
    # Elements themselves as keys, not id(): lxml proxies die and their ids are reused.
    kept = set(keep) | {a for el in keep for a in el.iterancestors()}
    # Links under each element, counted once from the anchors up (a box needs two;
    # a subtree with fewer holds no list, so the walk below never enters it).
    links: dict[etree._Element, int] = {}
    for a in root.iter("a"):
        for anc in a.iterancestors():
            links[anc] = links.get(anc, 0) + 1
    doomed: list[etree._Element] = []
    # Top-down in document order; a box removed, or judged with fewer than two
    # headlines, is settled: nothing inside it can be a list, so it is not entered.
    stack = [root]
    while stack:
        el = stack.pop()
        if el.tag in _CONTAINERS and _is_list_box(el, kept, known, doomed):
            continue
        stack.extend(reversed([c for c in el if links.get(c, 0) >= 2]))
    for el in doomed:
        drop_keep_tail(el)  # text after the box is not the box's
    return len(doomed)


def _is_list_box(
    el: etree._Element, kept: set[etree._Element], known: Collection[str], doomed: list[etree._Element]
) -> bool:
    """Judge one box (appending it to ``doomed`` if it lists other stories); True when it is settled."""
    if len(el) < 2 or el in kept or el.getparent() is None or not _repeated_children(el):
        return False
    chars = int(_TEXT_CHARS(el))
    if not 10 <= chars <= _MAX_LIST_CHARS:
        return False
    link_chars, long_links = _links(el)
    if long_links < 2 or link_chars < 0.5 * chars:
        return False
    is_list, headlines = _story_list_lines(linked_lines(el), known)
    if is_list:
        doomed.append(el)
    return is_list or headlines < 2


def drop_story_lines(
    lines: list[str], *, title: str = "", anchors: Collection[str] = (), known: Collection[str] = (),
    runs: bool = True,
) -> list[str]:
    """Body ``lines`` without other stories' headlines.

    Dropped: a line equal to a ``known`` headline other than ``title``; a
    run of two or more headline-like lines (links — texts in ``anchors`` —
    or dated); a heading (相关阅读, 推荐：) with the headlines under it.
    ``runs=False`` drops only known headlines (re-cleaning stored text, where
    the page's links are no longer known).
    """
    norm_title = re.sub(r"\s+", "", title)

    def other_story(line: str) -> bool:
        # ``known`` may be large (every headline of the site): looked up, never iterated.
        if not known or re.sub(r"\s+", "", line) == norm_title:
            return False
        return line in known or _headline_text(line)[0] in known

    def is_headline(line: str) -> bool:
        text = _headline_text(line)[0]
        return other_story(line) or (runs and headline_like(line, linked=text in anchors or line in anchors))

    flags = [is_headline(line) for line in lines]
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if other_story(line):
            i += 1
            continue
        if flags[i]:
            j = i
            while j < len(lines) and flags[j]:
                j += 1
            headed = bool(out) and _is_heading(out[-1])
            if j - i >= 2 or headed:
                if headed:
                    out.pop()
                i = j
                continue
        out.append(line)
        i += 1
    while out and _is_heading(out[-1]):
        out.pop()  # a heading left alone at the end (its list was pruned)
    return out
