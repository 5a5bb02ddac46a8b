"""HTML page -> :class:`~newsmon.crawler.article.Article`: the one extraction entry point.

``extract`` is a pure function (no network, no Scrapy) that never raises:
pages it cannot use come back with ``is_article=False`` and a ``reason``.

Pipeline: decode bytes by evidence (:mod:`newsmon.crawler.encoding`), parse once with
lxml, read metadata (:mod:`newsmon.crawler.metadata`), take the main text from
trafilatura with ``favor_precision`` and, for short pages where trafilatura
is weak (government notices, one-paragraph announcements), from the densest
text block (:func:`newsmon.crawler.boilerplate.densest_blocks`); then drop Chinese
portal chrome line by line and decide whether the page is an article at all.
"""

from __future__ import annotations

import copy
import logging
import re
from datetime import date, datetime
from typing import Any, Collection

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from newsmon.clock import SHANGHAI
from newsmon.crawler.article import Article
from newsmon.crawler.boilerplate import (
    clean_lines,
    densest_blocks,
    drop_summary,
    element_lines,
    find_summary,
    fold_lines,
    lead_element,
    prune_chrome,
    prune_widgets,
    unwrap_layout_tables,
)
from newsmon.crawler.encoding import decode_bytes, decode_html, repair_text
from newsmon.crawler.navigation import drop_story_lines, prune_story_lists
from newsmon.crawler.metadata import (
    check_list_date,
    find_author,
    find_canonical_url,
    find_lang,
    find_published_at,
    find_source,
    find_title,
)

__all__ = ["extract", "decode_html", "from_list_date"]

log = logging.getLogger(__name__)

# Below this many characters trafilatura's choice is checked against the densest block.
SHORT_PAGE = 600
# Fewer word characters (letters, digits, hanzi) than this and the page is not an article.
MIN_BODY = 40
# Per-page budget (issue 13: a 9.5 MB page took 25 s and 2.6 GB; 200k short <p> 88 s of CPU).
# Real article pages stay far below each cap (the largest of ~400 benchmark pages: 0.9 MB,
# 6,000 elements), so only hostile or broken pages are cut, and the result says so
# (``extra["truncated"]``).
#: Characters of HTML parsed; the rest of the page is dropped before parsing.
MAX_HTML_CHARS = 3_000_000
#: Elements kept after parsing, in document order; the rest of the tree is dropped.
MAX_ELEMENTS = 12_000
#: Characters of body text stored; the rest of the story is dropped.
MAX_BODY_CHARS = 100_000
#: Nesting kept: deeper wrappers are unwrapped so a deep tree keeps its text
#: (libxml2 stops at a depth of 256, or 2048 with huge_tree, and drops the rest silently).
MAX_DEPTH = 200
# Comments and processing instructions removed at parse time, as trafilatura's
# own parser does: its tree walk drops a comment together with the text after it.
# huge_tree lifts libxml2's limits on text node size and depth; safe because the
# input is capped at MAX_HTML_CHARS first.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True)
# Every element proxy lxml.html hands to Python is classed by a Python callback
# (HtmlElementClassLookup: form fields get their own classes); our walks and
# trafilatura's visit millions of them. A C-level default lookup gives every
# element the plain HtmlElement class (what trafilatura checks for) at no Python cost:
# 10% of the whole extraction's CPU on the benchmark sets, same output.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
))
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_NOT_FOUND = re.compile(
    r"(页面不存在|页面未找到|找不到(?:该|此|您要的)?页面|您(?:所)?访问的页面(?:不存在|已删除|已失效)|"
    r"文章(?:不存在|已删除|已被删除)|信息不存在|内容不存在|404\s*(?:Not Found|错误|页面)|Page Not Found|"
    r"\b404\b.{0,20}(?:not found|错误))",
    re.I,
)
_SENTENCE_END = re.compile(r"[。！？.!?；;…”」』）)]$")
_LOGIN = re.compile(r"(用户登录|会员登录|登录|登陆|注册|Log ?in|Sign ?in)", re.I)


def _not_article(url: str, reason: str, **fields: Any) -> Article:
    return Article(url=url, is_article=False, reason=reason, **fields)


def extract(
    html: bytes | str,
    url: str,
    *,
    encoding: str | None = None,
    content_type: str | None = None,
    now: datetime | None = None,
    reference_time: datetime | None = None,
    list_date: datetime | date | None = None,
    known_headlines: Collection[str] = (),
) -> Article:
    """Extract the article on one page.

    ``html`` is the raw response body (bytes, decoded by evidence from
    ``content_type`` — the HTTP header —, ``encoding`` — a caller's hint —, the
    page's ``<meta>`` and the bytes themselves) or already-decoded text.

    ``reference_time`` is when the page was current: the HTTP ``Date`` (or
    ``Last-Modified``) header in a crawl, a saved file's modification time.
    It anchors relative and year-less dates (``3小时前``, ``10-08 12:00``) and
    the future-date check; ``now`` is its older name; both default to the
    current time. ``list_date`` is the date the site's list page printed
    beside the link: a cross-check (a page date more than a few days away
    from it loses) and the date when the page states none.
    ``known_headlines`` are headlines of the site's other stories (seen on its
    list pages): a body line equal to one of them is navigation, not story.

    Never raises: a page that is not an article (list, login, 404, almost no
    text, binary) comes back with ``is_article=False`` and a ``reason``.
    """
    try:
        return _extract(
            html, url, encoding=encoding, content_type=content_type, now=reference_time or now,
            list_date=list_date, known_headlines=known_headlines,
        )
    except Exception as exc:  # boundary: a bad page must never stop a crawl
        log.warning("extraction failed for %s: %s", url, exc, exc_info=True)
        return _not_article(url, f"extraction failed: {type(exc).__name__}")


def _decode(html: bytes | str, encoding: str | None, content_type: str | None) -> tuple[str, str | None]:
    if isinstance(html, (bytes, bytearray, memoryview)):
        raw = bytes(html)
        if _binary_bytes(raw):
            raise _Binary()
        # Only the extracted fields are repaired (see _repaired): much cheaper than the page.
        return decode_bytes(raw, content_type=content_type, declared=encoding)
    return str(html), None


class _Binary(Exception):
    pass


_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf",
          b"\xd0\xcf\x11\xe0", b"RIFF", b"ID3", b"\x00\x00\x00\x18ftyp", b"\x00\x00\x00\x20ftyp", b"MZ")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _binary_bytes(raw: bytes) -> bool:
    """A file format's magic number, or many control bytes (UTF-16 with a BOM excepted)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if raw.lstrip().startswith(_MAGIC):
        return True
    head = raw[:4096]
    return len(_CONTROL_BYTES.findall(head)) > max(4, len(head) // 50)


def _repaired(value: str | None) -> str | None:
    return repair_text(value) or None if value else value


def _parse(text: str, notes: list[str] | None = None) -> lxml_html.HtmlElement | None:
    """Parse within the page budget; what was cut is appended to ``notes``."""
    notes = notes if notes is not None else []
    text = _XML_DECL.sub("", text, count=1)
    if "<" not in text[:5000] and _looks_binary(text):
        return None
    if len(text) > MAX_HTML_CHARS:
        notes.append(f"page cut at {MAX_HTML_CHARS:,} of {len(text):,} characters of HTML")
        text = text[:MAX_HTML_CHARS]
    try:
        tree = lxml_html.document_fromstring(text, parser=_PARSER)
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
            # Nested deeper than libxml2 goes: it dropped everything below. Unwrap and parse again.
            notes.append(f"markup nested deeper than {MAX_DEPTH} levels flattened")
            tree = lxml_html.document_fromstring(flatten_deep_markup(text, MAX_DEPTH), parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    if not isinstance(tree, lxml_html.HtmlElement):
        return None
    if _trim_elements(tree, MAX_ELEMENTS):
        notes.append(f"page cut at {MAX_ELEMENTS:,} elements")
    return tree


_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)\b[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}


def flatten_deep_markup(text: str, limit: int) -> str:
    """``text`` without the tags that open below ``limit`` levels of nesting (their text stays).

    One linear pass over the tags (a regex, not a parser: this runs only on
    pages the parser gave up on). A closing tag goes with its opening tag.
    """
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, dropped)
    pos = 0
    for m in _TAG.finditer(text):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        keep = True
        if closing:
            for i in range(len(stack) - 1, max(-1, len(stack) - 50), -1):
                if stack[i][0] == name:
                    keep = not stack[i][1]
                    del stack[i:]
                    break
        elif name not in _VOID and not selfclose:
            dropped = len(stack) >= limit
            stack.append((name, dropped))
            keep = not dropped
        if not keep:
            out.append(text[pos:m.start()])
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


_COUNT_ELEMENTS = etree.XPath("count(//*)")


def _trim_elements(tree: lxml_html.HtmlElement, cap: int) -> bool:
    """Drop everything after the ``cap``-th element in document order; True if anything went."""
    if _COUNT_ELEMENTS(tree) < cap:  # counted in C: the common case costs no Python per element
        return False
    last = None
    for count, el in enumerate(tree.iter(), 1):
        if count >= cap:
            last = el
            break
    if last is None:
        return False
    for node in [last, *last.iterancestors()]:
        while node.getnext() is not None:
            node.getparent().remove(node.getnext())
    for child in list(last):
        last.remove(child)
    return True


def _looks_binary(text: str) -> bool:
    sample = text[:2000]
    odd = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\r\n") or 0xE000 <= ord(c) <= 0xF8FF)
    return odd > len(sample) * 0.05


def _header_text(page_text: str, title: str) -> str:
    """The byline area: text from the headline on (or the top of the page)."""
    if title:
        key = title[: min(len(title), 12)]
        pos = page_text.find(key)
        if pos >= 0:
            return page_text[pos + len(key): pos + len(title) + 400]
    return page_text[:1500]


def _trafilatura_lines(tree: lxml_html.HtmlElement, url: str, title: str) -> list[str]:
    work = copy.deepcopy(tree)
    prune_widgets(work, _headline(work, title))
    unwrap_layout_tables(work)
    text = trafilatura.extract(
        work,
        url=url or None,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        with_metadata=False,
    )
    return [line for line in map(_plain, fold_lines(text or "")) if line]


_TABLE_RULE = re.compile(r"^:?-{3,}:?$")


def _plain(line: str) -> str:
    """Undo trafilatura's markdown in txt output: "| a | b |" rows, "|---|" rules, "- " bullets."""
    if line.startswith("|") and line.endswith("|") and len(line) > 1:
        cells = [cell.strip() for cell in line[1:-1].split("|")]
        if all(_TABLE_RULE.match(cell) or not cell for cell in cells):
            return ""
        return " ".join(cell for cell in cells if cell)
    if line.startswith(("- ", "* ")):
        return line[2:].strip()
    return line


def _headline(tree: lxml_html.HtmlElement, title: str) -> etree._Element | None:
    """The heading element that carries the title, if any."""
    if not title:
        return None
    key = re.sub(r"\s+", "", title)[:20]
    for h in tree.iter("h1", "h2", "h3"):
        if key and key in re.sub(r"\s+", "", h.text_content()):
            return h
    return None


def _prune_lists(work: lxml_html.HtmlElement, headline: etree._Element | None, known: Collection[str]) -> None:
    """Remove boxes listing other stories (crawler/navigation.py), sparing the headline's and the lead's."""
    keep = [] if headline is None else [headline]
    lead = lead_element(headline) if headline is not None else None
    if lead is not None:
        keep.append(lead)
    prune_story_lists(work, keep, known)


def _density_lines(tree: lxml_html.HtmlElement, title: str) -> list[str]:
    work = copy.deepcopy(tree)
    headline = _headline(work, title)
    lead = lead_element(headline) if headline is not None else None
    body = work.find("body")
    if body is not None:
        work = body
    if lead is not None and work not in lead.iterancestors():
        lead = None  # outside <body>
    prune_chrome(work, aggressive=True, keep=lead)
    if lead is not None and work not in lead.iterancestors():
        lead = None  # pruned away with its box
    return [line for block in densest_blocks(work, lead) for line in element_lines(block, max_link_ratio=0.5)]


_TEXT_WITH = etree.XPath("//body//text()[contains(., $s)][not(ancestor::script or ancestor::style or ancestor::noscript)]")
# Chunks of one body (the "article__chunks" of many CMSs) are siblings with the
# same tag and class, with at most this much text between them (ad slots).
_CHUNK_GAP_CHARS = 200
# A chunk is a box just above the paragraphs (not the page's column layout) ...
_CHUNK_DEPTH = 4
# ... and carries paragraphs of the story, not a one-line disclaimer.
_CHUNK_MIN_CHARS = 300


def _continued_chunks(tree: lxml_html.HtmlElement, lines: list[str]) -> list[str]:
    """Lines of the body's later chunks that the extractor left out.

    Many sites split one story into sibling containers of the same tag and
    class with ad slots between them; trafilatura keeps the first and drops
    the rest. From the element holding the result's last line, the lowest
    ancestor with a following sibling of its own tag and class is the chunk;
    the siblings of that kind that follow it — with only small blocks (ads)
    between, no heading of their own (a new story has one), and prose — are
    the rest of the story.
    """
    if not lines:
        return []
    snippet = lines[-1][:30]
    hits = _TEXT_WITH(tree, s=snippet) if len(snippet) >= 15 else []
    if len(hits) != 1:
        return []
    node = hits[0].getparent()
    chunk = None
    for depth, el in enumerate((node, *node.iterancestors())):
        if el.tag in ("body", "html") or depth > _CHUNK_DEPTH:
            break
        cls = el.get("class")
        if cls and any(s.tag == el.tag and s.get("class") == cls for s in el.itersiblings()):
            chunk = el
            break
    if chunk is None:
        return []
    kept = "\n".join(lines)
    added: list[str] = []
    for sib in chunk.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if sib.tag != chunk.tag or sib.get("class") != chunk.get("class"):
            if len(sib.text_content().strip()) > _CHUNK_GAP_CHARS:
                break  # the run of chunks ended
            continue
        if sib.find(".//h1") is not None:
            break  # the next story, with its own headline
        new = [line for line in element_lines(sib, max_link_ratio=0.5) if line not in kept]
        if _chars(new) < _CHUNK_MIN_CHARS or not _is_prose(new):
            break  # a disclaimer or a teaser, not a part of the story
        added += new
    return added


def _chars(lines: list[str]) -> int:
    return sum(len(line) for line in lines)


def _anchor_texts(tree: lxml_html.HtmlElement) -> set[str]:
    texts = set()
    for a in tree.iter("a"):
        t = re.sub(r"\s+", " ", a.text_content()).strip()
        if len(t) >= 4:
            texts.add(t)
    return texts


def _extract(
    html: bytes | str, url: str, *, encoding: str | None, content_type: str | None,
    now: datetime | None, list_date: datetime | date | None, known_headlines: Collection[str],
) -> Article:
    url = url or ""
    try:
        text, used = _decode(html, encoding, content_type)
    except _Binary:
        return _not_article(url, "binary content, not an HTML page")
    notes: list[str] = []
    tree = _parse(text, notes)
    if tree is None:
        return _not_article(url, "not an HTML page")

    title = repair_text(find_title(tree, url))
    page_lines = element_lines(tree.find("body") if tree.find("body") is not None else tree)
    page_text = "\n".join(page_lines)
    header = _header_text(page_text, title)
    published_at, date_from = check_list_date(
        *find_published_at(tree, url, header, page_text, headline=_headline(tree, title), now=now), list_date
    )
    if published_at is None and list_date is not None:
        # The page states no date: the one its list (or feed) printed beside the link is the best witness.
        published_at, date_from = from_list_date(list_date), "list"
    common: dict[str, Any] = dict(
        title=title,
        published_at=published_at,
        source=_repaired(find_source(tree, header)),
        author=_repaired(find_author(tree, header)),
        canonical_url=find_canonical_url(tree, url),
    )

    anchors = _anchor_texts(tree)
    summary = find_summary(page_lines, title)

    def clean(raw: list[str]) -> list[str]:
        # Chrome lines, the summary box, other stories' headlines (crawler/navigation.py).
        lines = drop_summary(clean_lines(raw, title), summary)
        return drop_story_lines(lines, title=title, anchors=anchors, known=known_headlines)

    # Lists of other stories go before either extractor sees the page (crawler/navigation.py).
    _prune_lists(tree, _headline(tree, title), known_headlines)
    lines = clean(_trafilatura_lines(tree, url, title))
    # The story's later chunks (sibling boxes of the same class between ad slots), if left out.
    lines += clean(_continued_chunks(tree, lines))
    method = "trafilatura"
    # trafilatura sometimes returns a "hot news" list instead of the story: mostly link texts.
    linky = _linked_share(lines, anchors) > 0.6
    if _chars(lines) < SHORT_PAGE or linky:
        dense = clean(_density_lines(tree, title))
        if _prefer_dense([] if linky else lines, dense) and _linked_share(dense, anchors) < 0.5:
            lines, method = dense, "density"
    lines = fold_lines(repair_text("\n".join(lines)))
    body = "\n".join(lines)
    if len(body) > MAX_BODY_CHARS:
        notes.append(f"body cut at {MAX_BODY_CHARS:,} of {len(body):,} characters")
        body = body[:MAX_BODY_CHARS].rsplit("\n", 1)[0] if "\n" in body[:MAX_BODY_CHARS] else body[:MAX_BODY_CHARS]
        lines = body.split("\n")
    extra: dict[str, Any] = {"extractor": method}
    if notes:
        extra["truncated"] = "; ".join(notes)
    if used:
        extra["encoding"] = used
    if date_from:
        extra["date_from"] = date_from
    common.update(body=body, summary=_repaired(summary), lang=find_lang(tree, title + "\n" + body), extra=extra)

    reason = _not_article_reason(tree, title, lines, page_text, anchors)
    if reason:
        return _not_article(url, reason, **common)
    return Article(url=url, **common)


def from_list_date(value: datetime | date) -> datetime:
    """A list page's date as a story date: a day is midnight Beijing time, a naive time is Beijing time."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
    return datetime(value.year, value.month, value.day, tzinfo=SHANGHAI)


def _prefer_dense(lines: list[str], dense: list[str]) -> bool:
    """Take the densest block over trafilatura's short text only when it extends it.

    With nothing from trafilatura, the block wins if it has text; otherwise it
    must contain (nearly) all of trafilatura's lines and add a good deal more,
    so a denser sidebar never replaces a short but correct article.
    """
    if not dense:
        return False
    if not lines:
        return True
    if _chars(lines) < SHORT_PAGE / 2 and _chars(dense) > 4 * _chars(lines) and _chars(dense) >= 20 * len(dense):
        return True  # trafilatura kept a stray notice; the block is the story
    joined = "\n".join(dense)
    covered = sum(len(line) for line in lines if line in joined)
    if covered < 0.8 * _chars(lines):
        return False
    kept = "\n".join(lines)
    added = [line for line in dense if line not in kept]
    return _chars(added) > max(0.2 * _chars(lines), 30) and _is_prose(added)


def _is_prose(lines: list[str]) -> bool:
    """Sentences rather than a menu: long lines, or lines ending like sentences, with punctuation."""
    sentences = [line for line in lines if len(line) >= 40 or _SENTENCE_END.search(line)]
    punct = sum(len(re.findall(r"[，。；！？,.;!?]", line)) for line in lines)
    return _chars(sentences) >= 0.6 * _chars(lines) and punct * 60 >= _chars(lines)


def _not_article_reason(
    tree: lxml_html.HtmlElement, title: str, lines: list[str], page_text: str, anchors: set[str]
) -> str | None:
    chars = _chars(lines)
    if _NOT_FOUND.search(title) or (chars < 300 and _NOT_FOUND.search(" ".join(lines) or page_text[:500])):
        return "page not found"
    if chars < 300 and _LOGIN.search(title) and tree.xpath("//input[@type='password']"):
        return "looks like a login page"
    if len(re.findall(r"\w", " ".join(lines))) < MIN_BODY:
        return "too little text"
    if len(lines) >= 5 and _linked_share(lines, anchors) > 0.5:
        return "looks like a list page"
    return None


def _linked_share(lines: list[str], anchors: set[str]) -> float:
    """Share of the body's characters that are link texts of the page (headlines in a list)."""
    body = "\n".join(lines)
    linked = sum(body.count(text) * len(text) for text in anchors if len(text) >= 8)
    return linked / (len(body) or 1)
