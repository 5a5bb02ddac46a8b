"""Portal chrome: what to prune from the DOM and which text lines are not article.

Generic extractors (trafilatura, readability) know English templates well and
Chinese portal chrome less well: 热门搜索 bars, 分享到/打赏/打印/关闭窗口
widgets, "更多>>" related lists, ICP/公网安备 footers, 责任编辑 lines,
screenshot file names left as captions. This module holds that knowledge in
two forms: XPath-free element tests used before extraction, and line filters
applied to extracted text. It also renders an element to paragraph lines and
finds the densest text blocks, the fallback for short pages (government
notices) where trafilatura keeps too little.
"""

from __future__ import annotations

import re
from typing import Iterator

from lxml import etree
from lxml import html as lxml_html

__all__ = [
    "prune_chrome",
    "prune_widgets",
    "unwrap_layout_tables",
    "element_lines",
    "linked_lines",
    "densest_blocks",
    "lead_element",
    "clean_lines",
    "is_chrome_line",
    "fold_lines",
    "find_summary",
    "drop_summary",
]

# Elements that never hold readable text.
_NON_TEXT_TAGS = {
    "script", "style", "noscript", "iframe", "select", "option", "button", "input", "textarea", "svg",
    "canvas", "object", "embed", "template", "link", "meta",
}
# Page furniture the density fallback drops (never <form>: ASP.NET pages wrap everything in one).
_FURNITURE_TAGS = {"nav", "aside", "footer", "header", "label"}
# class/id fragments of chrome containers (matched on word boundaries of the attribute).
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:share|bdshare|jiathis|bshare|dashang|reward|print|hot-?search|hotword|hot-?news|"
    r"hot-?list|rank|paihang|related|relate|xgxw|xgyd|recommend|tuijian|comment|pinglun|reply|footer|"
    r"foot|copyright|banquan|breadcrumb|crumbs?|location|position|weizhi|dqwz|nav|navbar|menu|sidebar|"
    r"side|topbar|toolbar|login|search|ad|ads|advert|banner|qrcode|erweima|pagination|pager|page-?nav|"
    r"prev|next|tags?|keywords?)s?(?:$|[\s_-]|\d)",
    re.I,
)
# Containers of link lists and widgets that trafilatura's own class/id rules miss
# (Chinese pinyin names, infinite-scroll "more stories" feeds). Pruned before
# extraction unless they hold the headline or the lead (see prune_widgets).
_WIDGET_ATTR = re.compile(
    r"(?:^|[\s_-])(?:more-?stories|more-?news|more-?articles|related|recommend|tuijian|xgxw|xgwz|xgyd|"
    r"hot-?news|hot-?list|hot-?search|hotword|rebang|paihang|ranking|comment|pinglun|dashang|reward|"
    r"copyright|banquan|breadcrumb|crumbs|bdshare|jiathis|share-?bar|social-?share)",
    re.I,
)
# Widgets are boxes; a <span class="comment"> is syntax highlighting in a code block.
_WIDGET_TAGS = {"div", "section", "aside", "ul", "ol", "dl", "table", "nav", "footer", "header", "iframe"}
_BLOCK_TAGS = {
    "p", "div", "td", "th", "li", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
    "pre", "blockquote", "table", "tr", "tbody", "thead", "ul", "ol", "dl", "dd", "dt", "center",
    "figure", "figcaption", "address", "body", "html",
}
_PUNCT = re.compile(r"[，。；：！？、,.;:!?]")


def _attr_text(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def prune_chrome(
    root: lxml_html.HtmlElement, *, aggressive: bool = False, keep: etree._Element | None = None
) -> None:
    """Remove non-text elements in place; with ``aggressive``, also furniture and chrome by class/id.

    ``aggressive`` is for the density fallback, which has no other defence
    against link lists (trafilatura does its own pruning). A chrome-named box
    that holds ``keep`` (the lead under the headline) wraps the article and
    stays; without a ``keep``, one holding three or more paragraphs stays.
    """
    doomed = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _NON_TEXT_TAGS:
            if el.getparent() is not None:
                doomed.append(el)
            continue
        if not aggressive or tag in ("html", "body"):
            continue
        if tag in _FURNITURE_TAGS or _CHROME_ATTR.search(_attr_text(el)):
            if keep is not None:
                if not (el is keep or keep in el.iterdescendants()):
                    doomed.append(el)
            elif len(el.findall(".//p")) < 3:
                doomed.append(el)
    for el in doomed:
        drop_keep_tail(el)


def prune_widgets(root: lxml_html.HtmlElement, headline: etree._Element | None = None) -> int:
    """Remove related/recommended/hot/comment/share containers in place; return how many.

    Class names lie both ways ("detail-content--recommend" wrapping the story
    itself), so a container survives if it holds the ``headline``, the first
    real paragraph after it (the lead), or — with no headline known — more than
    half of the page's paragraph text.
    """
    candidates = [
        el for el in root.iter()
        if el.tag in _WIDGET_TAGS and _WIDGET_ATTR.search(_attr_text(el))
    ]
    if not candidates:
        return 0
    keep = [headline] if headline is not None else []
    lead = lead_element(headline) if headline is not None else None
    if lead is not None:
        keep.append(lead)
    total = _paragraph_chars(root) or 1
    doomed = []
    for el in candidates:
        if any(el is k or k in el.iterdescendants() for k in keep):
            continue
        if lead is None and _paragraph_chars(el) > 0.5 * total:
            continue
        doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            drop_keep_tail(el)
    return len(doomed)


def lead_element(headline: etree._Element) -> etree._Element | None:
    """Element holding the first run of prose after the headline (the lead), in document order.

    Prose means a sentence (see ``_is_sentence``) outside links: the byline,
    date and "share" rows between headline and story are not.
    """
    seen = False
    for el in headline.getroottree().iter():
        if el is headline:
            seen = True
            continue
        if not seen or not isinstance(el.tag, str) or el.tag in _NON_TEXT_TAGS or headline in el.iterancestors():
            continue
        if el.tag != "a" and _is_sentence(el.text) and not _in_link(el):
            found = el
        elif _is_sentence(el.tail) and el.getparent() is not None and not _in_link(el.getparent()):
            found = el.getparent()
        else:
            continue
        if not is_chrome_line(" ".join(found.text_content().split())[:100]):
            return found
    return None


_SENTENCE_PUNCT = re.compile(r"[，。；！？;!?]|[,.](?:\s|$)")


def _is_sentence(text: str | None) -> bool:
    """At least 20 characters with sentence punctuation: prose, not a byline or a date stamp."""
    text = " ".join((text or "").split())
    return len(text) >= 20 and bool(_SENTENCE_PUNCT.search(text))


def _in_link(el: etree._Element) -> bool:
    return any(a.tag == "a" for a in el.iterancestors())


_CELL_BLOCKS = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}


def unwrap_layout_tables(root: etree._Element) -> int:
    """Turn tables used for page layout into divs, in place; return how many.

    Government and older portal templates (TRS, DESTOON) lay the whole page
    out in ``<table>``s; extractors then render the article as one table
    row with "|" separators and paragraphs run together. A table is layout,
    not data, when its cells hold block content (paragraphs, divs, tables)
    or when nearly every row has a single cell.
    """
    count = 0
    for table in list(root.iter("table")):
        rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
        cells = [td for tr in rows for td in tr if td.tag in ("td", "th")]
        if not cells:
            continue
        single = sum(1 for tr in rows if sum(1 for c in tr if c.tag in ("td", "th")) == 1)
        has_blocks = any(d.tag in _CELL_BLOCKS for td in cells for d in td.iterdescendants())
        if not has_blocks and single < 0.8 * len(rows):
            continue
        parts = [el for el in table.iter("thead", "tbody", "tfoot", "tr", "td", "th") if _owner_table(el) is table]
        for el in [*parts, table]:  # the table last: _owner_table looks for its tag
            el.tag = "div"
        count += 1
    return count


def _owner_table(el: etree._Element) -> etree._Element | None:
    for anc in el.iterancestors():
        if anc.tag == "table":
            return anc
    return None


def _paragraph_chars(el: etree._Element) -> int:
    return sum(len(p.text_content()) for p in el.iter("p"))


def drop_keep_tail(el: etree._Element) -> None:
    """Remove ``el`` from the tree but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


_LINK_OPEN, _LINK_CLOSE = "\x01", "\x02"  # control characters never survive decoding


def element_lines(el: etree._Element, *, max_link_ratio: float = 1.0) -> list[str]:
    """Text of ``el`` as lines: block elements and ``<br>`` break lines; whitespace folded.

    Lines whose text is more than ``max_link_ratio`` link text (menu entries,
    "related" headlines) are left out.
    """
    lines = []
    for plain, linked in _split_marked(_marked_text(el, alts=True)):
        if max_link_ratio < 1.0 and linked > max_link_ratio * len(plain):
            continue
        lines.append(plain)
    return lines


_LINK_RUN = re.compile(f"{_LINK_OPEN}([^{_LINK_CLOSE}]*)")


def _split_marked(text: str) -> Iterator[tuple[str, int]]:
    for line in fold_lines(text):
        if _LINK_OPEN not in line and _LINK_CLOSE not in line:
            yield line, 0  # most lines hold no link: nothing to strip or count
            continue
        plain = line.replace(_LINK_OPEN, "").replace(_LINK_CLOSE, "").strip()
        if plain:
            linked = sum(len(m.strip()) for m in _LINK_RUN.findall(line))
            yield plain, linked


def linked_lines(el: etree._Element) -> list[tuple[str, int]]:
    """Lines of ``el`` as :func:`element_lines` renders them, each with how many of its characters are link text."""
    return list(_split_marked(_marked_text(el, alts=False)))


def _marked_text(el: etree._Element, *, alts: bool) -> str:
    """``el``'s text with a newline at each block edge and ``<br>``, links between marker characters."""
    parts: list[str] = []
    skip_depth = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        dropped = not tag or tag in _NON_TEXT_TAGS
        if event == "start":
            if dropped:
                skip_depth += 1
            if skip_depth:
                continue
            if tag in _BLOCK_TAGS or tag == "br":
                parts.append("\n")
            elif tag == "a":
                parts.append(_LINK_OPEN)
            elif alts and tag == "img" and (node.get("alt") or "").strip():
                parts.append(f"\n{node.get('alt', '').strip()}\n")
            if node.text:
                parts.append(node.text)
            continue
        if dropped:
            skip_depth -= 1
        elif not skip_depth:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            elif tag == "a":
                parts.append(_LINK_CLOSE)
        if node.tail and not skip_depth and node is not el:
            parts.append(node.tail)
    return "".join(parts)


_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000\u2002-\u200b\u202f\u205f\ufeff]+")


def fold_lines(text: str) -> list[str]:
    """Split on newlines, fold runs of (also full-width) whitespace, drop empty lines."""
    # One substitution over the whole text, not one per line (this runs on every page's full text).
    return [line for line in (part.strip() for part in _SPACES.sub(" ", text).split("\n")) if line]


def _own_units(root: etree._Element) -> Iterator[tuple[etree._Element, int, int]]:
    """(parent, non-link chars, punctuation) for each text unit: a leaf block or loose text."""
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _BLOCK_TAGS or tag in ("html", "body", "table", "tr", "tbody", "ul", "ol", "dl"):
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el.iterdescendants()):
            # Container: its loose text (text/tails of inline children) is a unit of its own.
            loose = (el.text or "") + "".join(
                (c.tail or "") + ("" if c.tag in _BLOCK_TAGS or c.tag == "a" else c.text_content())
                for c in el if isinstance(c.tag, str)
            )
            loose = loose.strip()
            if len(loose) >= 10:
                yield el, len(loose), len(_PUNCT.findall(loose))
            continue
        text = el.text_content().strip()
        if not text:
            continue
        link = sum(len(a.text_content().strip()) for a in el.iter("a"))
        if link > 0.5 * len(text):
            continue
        parent = el.getparent()
        if parent is not None:
            yield parent, len(text) - link, len(_PUNCT.findall(text))


def densest_blocks(root: etree._Element, lead: etree._Element | None = None) -> list[etree._Element]:
    """Element holding the main text block, by readability-style paragraph scoring.

    Each text unit scores its length plus a bonus for punctuation (prose has
    commas and full stops, menus do not) and gives that score to its parent
    and half of it to its grandparent; the best container, discounted by its
    link density, wins. With a ``lead`` (see :func:`lead_element`) the best
    container holding it wins, so a denser story further down a feed page
    does not replace the one under the headline. As in readability, siblings
    of the winner that score at least a fifth as well are part of the story
    too (templates that split the body into several boxes); the result is
    in document order. ``root`` should be pruned with ``aggressive=True``.
    """
    scores: dict[etree._Element, float] = {}
    for parent, chars, punct in _own_units(root):
        if chars < 5 and punct == 0:
            continue
        score = chars + 20 * punct
        scores[parent] = scores.get(parent, 0.0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + score / 2
    if not scores:
        return []
    adjusted = {el: score * (1 - _link_density(el)) for el, score in scores.items()}
    ranked = sorted(adjusted.items(), key=lambda pair: -pair[1])
    best = None
    if lead is not None:
        best = next((el for el, score in ranked if score > 0 and (el is lead or lead in el.iterdescendants())), None)
    if best is None:
        if not ranked or ranked[0][1] <= 0:
            return []
        best = ranked[0][0]
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, 0.2 * adjusted[best])
    return [el for el in parent if el is best or adjusted.get(el, 0.0) >= threshold or _is_prose_paragraph(el)]


def _is_prose_paragraph(el: etree._Element) -> bool:
    """A loose <p> beside the winning box: readability keeps long, barely linked ones."""
    if el.tag != "p":
        return False
    text = " ".join(el.text_content().split())
    return len(text) >= 80 and _link_density(el) < 0.25


def _link_density(el: etree._Element) -> float:
    total = len(el.text_content().strip()) or 1
    return min(1.0, sum(len(a.text_content().strip()) for a in el.iter("a")) / total)


# ---------------------------------------------------------------- line filters

_CHROME_LINES = [
    r"^[【\[(（]?\s*(?:责任编辑|责编|编辑|主编|审核|审校|校对|值班编辑|来源编辑|纠错)\s*[:：]",
    r"^\s*[(（【\[]\s*(?:责任编辑|责编|编辑)\s*[:：].{0,20}[)）】\]]\s*$",
    r"(?:ICP\s*备|ICP证|公网安备|网站标识码|京公网|沪公网|粤公网|增值电信业务经营许可证)",
    r"^(?:版权所有|Copyright|©|\(c\)|主办单位|主办[:：]|承办[:：]|技术支持[:：]|联系我们|网站地图|关于我们)",
    r"^(?:分享到|分享至)\s*[:：]?.{0,40}$",
    r"^(?:[【\[]?\s*(?:分享|打印|打印本页|打印此文|关闭窗口|关闭本页|关闭|打赏|收藏|加入收藏|点赞|扫一扫|返回顶部|"
    r"回到顶部|TOP|微信扫一扫|手机扫一扫|扫描二维码|我要纠错|纠错|举报|Print|Close)\s*[】\]]?\s*[|/]?\s*)+$",
    r"^[【\[]?\s*字号\s*[:：]?\s*[大中小 ]+[】\]]?",
    r"^(?:热门搜索|热搜|热门标签|热门关键词|搜索热词|热词)\s*[:：]?",
    r"^(?:更多\s*[>》]|更多同类|相关新闻|相关阅读|相关文章|相关链接|延伸阅读|推荐阅读|猜你喜欢|点击排行|热门文章|"
    r"热点推荐|精彩推荐|上一篇|下一篇|上一条|下一条|原标题[:：]?$)",
    r"^(?:微信截图|屏幕截图|QQ截图|截图)_?\d{6,}",
    r"^(?:IMG|DSC|DSCN|DCIM|P|image)[_-]?\d{3,}.*\.(?:jpe?g|png|gif|bmp|webp|heic)$",
    r"^[\w\-.]{1,60}\.(?:jpe?g|png|gif|bmp|webp|heic)$",
    r"^(?:浏览次数|阅读次数|点击次数|访问量|阅读量|浏览量)\s*[:：]",
    r"^(?:来源|发布时间|发布日期|作者|时间|日期)\s*[:：].{0,60}$",
    r"^(?:登录|注册|登录\s*[|/]\s*注册)$",
    # Login prompts ("登录后您可以享受以下权益：") and newsletter calls ("Join over 250,000 newsletter subscribers").
    r"^(?:登录|登陆)后(?:即可|您可以|可以|才能|查看).{0,30}$",
    r"^(?:Join|Sign up|Subscribe)\b.{0,60}\bnewsletters?\b.{0,30}$",
    r"^(?:本文来源|文章来源|稿件来源)\s*[:：].{0,30}$",
    # Whole-line leftovers: a bare date/byline stamp, a counter ("1/6"), a share
    # button, a domain name, a platform disclaimer.
    # (a date alone, "2023年4月3日", is kept: it signs off government notices)
    r"^(?:Updated|Published|Posted|Last updated|发布于|更新于|发表于)\s*[:：]?\s*[\d\s年月日:：/.-]{8,25}$",
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:[|｜]\s*)?(?:发布于|来自)?[:：]?\s*[\u4e00-\u9fff]{0,8})?$",
    r"^(?:发布于|来自|IP属地)\s*[:：]\s*[\u4e00-\u9fff]{2,8}$",
    r"^[\d\s/|·.:-]{1,9}$",
    # Calls to action: follow/share/subscribe (WeChat's 点击上方蓝字关注, newsletters).
    r"^(?:点击(?:上方|下方|蓝字|关注|阅读原文)|长按(?:识别)?(?:图中)?二维码|扫码关注|欢迎(?:关注|分享|转发)|"
    r"喜欢(?:就|请)?(?:点|点个)?(?:赞|在看)|点个在看|阅读原文$|往期(?:回顾|推荐|精选)|[-—－\s]*END[-—－\s]*$)",
    r"^(?:Like this (?:story|article)\?|Share (?:this|it) with|Subscribe to (?:our|the)?|Sign up for (?:our|the)|"
    r"Get the latest .{0,40} in your inbox|Follow (?:us|@\w+) on|Click here to (?:subscribe|read)|Also on \S+\.\w+ )",
    r"^(?:Share|Tweet|Email|Print|Comments?|Save|Like|Follow|Subscribe|Advertisement|AD|广告)\s*"
    r"(?:this|this article|this story|on \w+)?\s*[:：|]?$",
    r"^(?:[\w-]+\.)+(?:com|cn|net|org|gov|edu)(?:\.cn)?\s*[|｜]?$",
    # Expanders and footers in the middle of a line: 查看更多/展开全文, 制作单位：… 版权所有：…
    r"^(?:查看更多|展开全文|展开|收起|阅读全文|点击查看全文|加载更多)\s*[>》]*$",
    r"^.{0,40}(?:版权所有|制作单位)\s*[:：©].{0,60}$",
    # Self-publishing platforms' notices (头条号/快传号/搜狐号/百家号) and their like/audio buttons.
    r"(?:仅提供信息(?:存储|发布)(?:空间)?服务|不代表本(?:站|平台|网)(?:的)?(?:观点|立场))",
    r"(?:播报文章|点个赞吧|收藏文章|举报文章)$",
    # Video players' controls and errors.
    r"^(?:倍速|清晰度|全屏|画中画|\d(?:\.\d{1,2})?\s*[Xx倍])$",
    r"^(?:很抱歉[，,]?\s*)?当前视频(?:播放失败|无法播放)|^错误代码\s*[:：]|建议\s*WIFI\s*下|^时长\s*[:：]\s*\d",
]
_CHROME_RE = [re.compile(p, re.I) for p in _CHROME_LINES]
# Platform disclaimers run longer than other chrome lines.
_DISCLAIMER = re.compile(r"^[【\[]?\s*(?:免责声明|平台声明|特别声明|版权声明|风险提示)\s*[】\]]?\s*[:：]?")
_SUMMARY = re.compile(r"^[【\[]?\s*(?:核心提示|内容摘要|摘要|导读|提要|内容提要)\s*[】\]]?\s*[:：]?\s*")


def is_chrome_line(line: str) -> bool:
    """True for a short line that is portal chrome (editor credit, footer, share bar…)."""
    if _DISCLAIMER.match(line):
        return len(line) <= 400
    if len(line) > 200:
        return False
    return any(p.search(line) for p in _CHROME_RE)


def find_summary(lines: list[str], title: str = "") -> str | None:
    """The page's summary box (``核心提示：…``, ``摘要：…``, ``导读：…``) among the page's ``lines``.

    Looked for below the headline (when it is among the lines), within the
    first lines of the story; the label may stand alone on its line with the
    text on the next. A summary is prose of 10 to 500 characters.
    """
    norm_title = re.sub(r"\s+", "", title)
    start = 0
    if norm_title:
        start = next((i for i, line in enumerate(lines) if re.sub(r"\s+", "", line) == norm_title), 0)
    for i in range(start, min(len(lines), start + 40)):
        m = _SUMMARY.match(lines[i])
        if not m:
            continue
        text = lines[i][m.end():].strip()
        if not text and i + 1 < len(lines):
            text = lines[i + 1].strip()
        if 10 <= len(text) <= 500 and not is_chrome_line(text) and not _SUMMARY.match(text):
            return text
    return None


def drop_summary(lines: list[str], summary: str | None) -> list[str]:
    """Body ``lines`` without the summary box: labelled lines, and repeats of the summary after the first."""
    out = [line for line in lines if not _SUMMARY.match(line)]
    if not summary:
        return out
    key = re.sub(r"\s+", "", summary)
    seen = False
    kept = []
    for line in out:
        if re.sub(r"\s+", "", line) == key:
            if seen:
                continue  # the box printed a second time inside the story
            seen = True
        kept.append(line)
    return kept


def clean_lines(lines: list[str], title: str = "") -> list[str]:
    """Drop chrome lines, a repeated headline, and an auto-summary that repeats the lead."""
    out = [line for line in lines if not is_chrome_line(line)]
    norm_title = re.sub(r"\s+", "", title)
    if norm_title:
        # The headline repeated at the top of the body (trafilatura and the
        # density block both pick it up), possibly after a stray line.
        head = [line for line in out[:3] if re.sub(r"\s+", "", line) == norm_title]
        out = [line for line in out if line not in head]
    # A labelled summary box (核心提示/摘要/导读) is the ``summary`` field, not
    # body text (find_summary); a label alone on its line goes with it.
    out = [line for line in out if not _SUMMARY.match(line)]
    # Consecutive duplicates come from nested markup rendered twice.
    deduped: list[str] = []
    for line in out:
        if not deduped or deduped[-1] != line:
            deduped.append(line)
    return deduped
