"""Find a list page's next page: decorated pager links, 尾页/共N页, TRS pagers written by JavaScript.

Portals decorate their pager links in endless ways (``下一页»``, ``[下一页]``,
``下一页 >``, ``>``, ``›``, ``Next »``, an image whose ``alt`` is 下一页). We
normalise the text (entities are already decoded by lxml; NFKC folds
full-width forms; brackets, arrows and spaces go) and compare what is left
with a few words, instead of listing spellings.

TRS WCM writes its pager with JavaScript: the page only holds
``createPageHTML(N, i, "index", "html")`` (the function lives in an external
.js) or ``var countPage = N; var currentPage = i;`` followed by
``document.write``. We read the arguments, never run the script: page ``i``
(0-based) is ``index.html`` for 0, ``index_i.html`` otherwise, in the list
page's folder.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional
from urllib.parse import urljoin, urlsplit

__all__ = ["PagerLink", "normalise_pager_text", "next_page", "trs_next_page", "page_count"]

# Decorations around pager words: brackets, arrows, guillemets, dots, pipes.
_DECORATION = re.compile(r"[\s\[\]【】〔〕()（）<>＜＞«»‹›《》〈〉「」『』→←↑↓►▶◄◀·•…|/\\:：.。,，'\"“”‘’\-—_=+*#~]+")
_NEXT_WORDS = frozenset({"下一页", "下页", "后一页", "后页", "下一頁", "下頁", "next", "nextpage", "下一页面", "下一个"})
_LAST_WORDS = frozenset({"尾页", "末页", "最后一页", "最后页", "尾頁", "末頁", "last", "lastpage"})
_FIRST_WORDS = frozenset({"首页", "第一页", "首頁", "first", "firstpage"})
_PREV_WORDS = frozenset({"上一页", "上页", "前一页", "前页", "上一頁", "prev", "previous", "previouspage", "prevpage"})
# Arrow-only links: a single arrow is "next"; a double arrow is "next" unless a
# single one exists too (then the double one jumps to the last page).
_SINGLE_ARROWS = frozenset({">", "›", "→", "▶", "►", "＞", "〉"})
_DOUBLE_ARROWS = frozenset({">>", "»", "»»", "›› ", "››", ">>|", "»|", ">|"})
_TOTAL_PAGES = re.compile(r"共\s*(\d{1,5})\s*页|(?:page\s*\d+\s*of\s*|/\s*)(\d{1,5})\s*页?", re.IGNORECASE)
_TOTAL_PAGES_STRICT = re.compile(r"共\s*(\d{1,5})\s*页")
_NUMBER = re.compile(r"\d+")
# TRS: createPageHTML(10, 0, "index", "html") and the newer
# createPageHTML('page_div', 10, 0, 'index', 'html', 150).
_CREATE_PAGE = re.compile(
    r"createPageHTML\s*\(\s*(['\"][^'\"]*['\"]\s*,\s*)?(\d+)\s*,\s*(\d+)\s*,\s*['\"]([\w.-]+)['\"]\s*,\s*['\"](\w+)['\"]"
)
_COUNT_PAGE = re.compile(r"\bvar\s+countPage\s*=\s*(\d+)")
_CURRENT_PAGE = re.compile(r"\bvar\s+currentPage\s*=\s*(\d+)")
_TRS_NAME = re.compile(r"['\"]([\w-]+)_['\"]\s*\+")
_TRS_EXT = re.compile(r"\+\s*['\"]\.(s?html?)['\"]")


@dataclass(frozen=True)
class PagerLink:
    """A link as the pager logic sees it: absolute URL and its text (or image alt/title)."""

    url: str
    text: str


def normalise_pager_text(text: str) -> str:
    """Fold a pager link's text to its word: ``'[下一页]'`` / ``'下一页»'`` -> ``'下一页'``; arrows only -> the arrows."""
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    word = _DECORATION.sub("", folded)
    if word:
        return word
    return re.sub(r"\s+", "", folded)


def _kind(text: str, has_single_arrow: bool) -> Optional[str]:
    word = normalise_pager_text(text)
    if word in _NEXT_WORDS or word in _SINGLE_ARROWS:
        return "next"
    if word in _DOUBLE_ARROWS:
        return "last" if has_single_arrow else "next"
    if word in _LAST_WORDS:
        return "last"
    if word in _FIRST_WORDS or word in _PREV_WORDS:
        return "other"
    return None


def _numbers(url: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of each digit run in the URL's path and query."""
    parts = urlsplit(url)
    offset = len(url) - len(parts.path) - (len(parts.query) + 1 if parts.query else 0) - (
        len(parts.fragment) + 1 if parts.fragment else 0
    )
    tail = url[offset:]
    return [(offset + m.start(), offset + m.end(), int(m.group())) for m in _NUMBER.finditer(tail)]


def _template(url: str) -> str:
    return _NUMBER.sub("N", url)


@dataclass
class _Numbered:
    """Numbered pager links sharing one URL template: page number -> URL, and where the number sits."""

    template: str
    pages: dict[int, str]
    slot: int  # index of the digit run that carries the page number
    offset: int  # page number minus the number in the URL (TRS index_1.html is page 2: offset 1)

    def url_for(self, number: int) -> Optional[str]:
        if number in self.pages:
            return self.pages[number]
        sample = next(iter(self.pages.values()))
        runs = _numbers(sample)
        if self.slot >= len(runs):
            return None
        start, end, _ = runs[self.slot]
        return sample[:start] + str(number - self.offset) + sample[end:]

    def number_of(self, url: str) -> Optional[int]:
        if _template(url) != self.template:
            return None
        runs = _numbers(url)
        return runs[self.slot][2] + self.offset if self.slot < len(runs) else None


def _numbered(links: Iterable[PagerLink], list_re: Optional[re.Pattern[str]]) -> Optional[_Numbered]:
    """The largest group of links whose text is a page number and whose URL carries it."""
    groups: dict[tuple[str, int, int], dict[int, str]] = {}
    for link in links:
        text = normalise_pager_text(link.text)
        if not text.isdigit() or len(text) > 4:
            continue
        if list_re is not None and not list_re.search(link.url):
            continue
        number = int(text)
        for slot, (_, _, value) in enumerate(_numbers(link.url)):
            offset = number - value
            if offset in (0, 1):  # page 2 is list-2.html, ?page=2, or TRS's index_1.html
                groups.setdefault((_template(link.url), slot, offset), {}).setdefault(number, link.url)
    if not groups:
        return None
    (template, slot, offset), pages = max(groups.items(), key=lambda kv: len(kv[1]))
    if len(pages) < 2 and not any(n <= 3 for n in pages):
        return None  # one lone big number (a year, a count) is not a pager
    return _Numbered(template, pages, slot, offset)


def page_count(text: str) -> Optional[int]:
    """The ``共N页`` total a pager prints, if any."""
    match = _TOTAL_PAGES_STRICT.search(text)
    return int(match.group(1)) if match else None


def next_page(
    links: list[PagerLink],
    page_url: str,
    *,
    page_number: Optional[int] = None,
    page_text: str = "",
    list_re: Optional[re.Pattern[str]] = None,
) -> tuple[Optional[str], set[str]]:
    """The next list page after ``page_url``, and every URL that belongs to the pager.

    In order: a link whose text is a next word or arrow; the numbered link
    for the next page number; a URL built from the numbered links' template
    (or the 尾页 link's) when the pager prints only some numbers, bounded by
    尾页 and 共N页. ``page_number`` is inferred from ``page_url`` when not
    given (``list-3.html`` next to links ``list-2.html``/``list-4.html`` is page 3).
    """
    page_url = page_url.split("#")[0]
    pager_urls: set[str] = set()
    has_single = any(normalise_pager_text(link.text) in _SINGLE_ARROWS for link in links)
    next_url: Optional[str] = None
    last_url: Optional[str] = None
    for link in links:
        if list_re is not None and not list_re.search(link.url):
            continue
        kind = _kind(link.text, has_single)
        if kind is None or kind == "other":
            continue  # 首页/上一页: a home link in a nav bar says 首页 too; not pagination evidence
        pager_urls.add(link.url)
        if kind == "next" and next_url is None and link.url != page_url:
            next_url = link.url
        elif kind == "last" and last_url is None:
            last_url = link.url
    # Page numbers never leave the list's own host: numbered links elsewhere
    # (an archive calendar on post2.news.163.com) are something else.
    host = urlsplit(page_url).netloc
    numbered = _numbered([link for link in links if urlsplit(link.url).netloc == host], list_re)
    if numbered is not None:
        pager_urls.update(numbered.pages.values())
    if next_url is not None:
        return next_url, pager_urls
    current = page_number
    if current is None:
        current = (numbered.number_of(page_url) if numbered else None) or 1
    last_number: Optional[int] = page_count(page_text)
    if last_url and numbered is not None:
        last_number = numbered.number_of(last_url) or last_number
    if last_url == page_url or (last_number is not None and current >= last_number):
        return None, pager_urls
    if numbered is not None:
        if current + 1 in numbered.pages:
            return numbered.pages[current + 1], pager_urls
        # The pager shows only a window of numbers (or only 尾页): build the URL,
        # but only when something says the page exists.
        if last_number is not None and current + 1 <= last_number:
            built = numbered.url_for(current + 1)
            if built and built != page_url:
                return built, pager_urls
    return None, pager_urls


def trs_next_page(script_text: str, page_url: str) -> tuple[Optional[str], Optional[int]]:
    """The next page of a TRS pager written by JavaScript, and the page count (None, None if absent).

    ``createPageHTML(N, i, "index", "html")``: N pages, this is page i (0-based);
    page k lives at ``index_k.html`` (``index.html`` for k = 0) beside the list page.
    ``createPageHTML('page_div', N, i, 'name', 'shtml', records)`` counts i from 1;
    its page k (k >= 2) is ``name_k.shtml``.
    """
    match = _CREATE_PAGE.search(script_text)
    if match:
        count, current, name, ext = int(match.group(2)), int(match.group(3)), match.group(4), match.group(5)
        # The six-argument form (element id first) counts pages from 1 (page k
        # is name_k.ext, page 1 name.ext): the next file is name_{i+1} in both
        # forms, only the last page differs.
        last = count if match.group(1) else count - 1
    else:
        count_match = _COUNT_PAGE.search(script_text)
        if not count_match:
            return None, None
        count = int(count_match.group(1))
        current_match = _CURRENT_PAGE.search(script_text)
        current = int(current_match.group(1)) if current_match else 0
        name_match = _TRS_NAME.search(script_text)
        ext_match = _TRS_EXT.search(script_text)
        name = name_match.group(1) if name_match else "index"
        ext = ext_match.group(1) if ext_match else "html"
        last = count - 1
    if current >= last:
        return None, count
    return urljoin(page_url, f"{name}_{current + 1}.{ext}"), count
