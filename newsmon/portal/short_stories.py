"""Short-story fixture portals: DESTOON, TRS and Hanweb article pages of 150–400 characters.

The normal case in regional investment news is a story of two or three
paragraphs next to lists of the site's other stories (``更多>同类招商引资``,
相关阅读, 推荐, 点击排行), each headline with its date. On such a page the list
is longer than the story, so a density scorer prefers it and a body that
carries it makes every alert on those headlines fire on the wrong story.

:func:`short_story_pages` builds the pages deterministically from the
bundled article texts (``articles.json``, the stories' first paragraphs cut to
150–400 characters), in the markup these CMSs print (DESTOON's ``show.htm``
``head-txt``/``related`` table, TRS's ``TRS_Editor`` in layout tables,
Hanweb's ``zoom`` box and ``art_`` URLs), with the related lists written in
six ways: a two-column table, a date-first ``<ul>``, links pasted inside the
story box after the last paragraph, ``<br>``-separated lines, unlinked
headline+date lines, and bare headline links that only the site's list
pages can identify. Bodies alternate between clean ``<p>`` and
pasted-from-Word markup (``<p class=MsoNormal><span>`` mixed with ``<br>``
text in one ``<div>``). Each page comes with its gold: title, body lines,
summary, date and the other stories' headlines it shows. No network.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .sites import load_data

__all__ = ["ShortPage", "short_story_pages", "site_headlines"]

_CMS = ("destoon", "trs", "hanweb")
_PER_CMS = 6
_DATA_SITES = ("liaoning-invest", "shenyang-gov", "dongbei-news")


@dataclass(frozen=True)
class ShortPage:
    """One fixture page and what a perfect extractor returns for it."""

    cms: str
    id: str
    url: str
    html: str
    title: str
    body: str  # gold body, one paragraph per line
    published: str  # "2023-04-04 15:26" (Beijing time)
    summary: str | None
    other_headlines: tuple[str, ...] = field(default=())


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _short_paragraphs(paragraphs: list[str], limit: int) -> list[str]:
    """The story's first paragraphs, cut at a sentence end so the whole is ≤ ``limit`` characters."""
    out: list[str] = []
    total = 0
    for para in paragraphs:
        if total + len(para) <= limit:
            out.append(para)
            total += len(para)
            continue
        sentences = re.findall(r"[^。！？]+[。！？]", para)
        cut = ""
        for sentence in sentences:
            if total + len(cut) + len(sentence) > limit:
                break
            cut += sentence
        if cut and len(out) < 2:
            out.append(cut)
        break
    return out


def _stories(cms: str) -> list[dict[str, object]]:
    """The stories one portal carries: the bundled sites' stories dealt out to the three CMSs in turn."""
    data = [item for site in _DATA_SITES for item in load_data()[site]]
    stories = []
    for i, item in enumerate(data):
        limit = (180, 260, 330, 400)[i % 4]
        paras = _short_paragraphs(list(item["paragraphs"]), limit)
        text = "".join(paras)
        if 150 <= len(text) <= 400 and len(paras) >= 2:
            stories.append({**item, "paragraphs": paras, "id": item.get("id") or 5000 + i})
    return stories[_CMS.index(cms)::len(_CMS)]


def site_headlines(cms: str) -> list[tuple[str, str, str]]:
    """``(headline, url, date)`` of every story of one fixture portal, as its list pages show them."""
    return [(str(s["title"]), _url(cms, s), str(s["published"])[:10]) for s in _stories(cms)]


def _url(cms: str, story: dict[str, object]) -> str:
    y, m, d = str(story["published"])[:10].split("-")
    sid = story["id"]
    if cms == "destoon":
        return f"http://www.lnzs.example/invest/{y}/{m}{d}_{sid}.html"
    if cms == "trs":
        return f"http://www.shenyang.example.gov.cn/zwgk/{y}{m}/t{y}{m}{d}_{sid}.html"
    return f"http://www.dbnews.example.cn/art/{y}/{int(m)}/{int(d)}/art_1234_{sid}.html"


# ---------------------------------------------------------------- story bodies

def _body_html(paras: list[str], word: bool) -> str:
    if not word:
        return "\n".join(f"<p>　　{_e(p)}</p>" for p in paras)
    # Pasted from Word: the first paragraph styled, the rest loose text with <br>s.
    first = (f'<p class="MsoNormal" style="text-indent:2em"><span style="font-family:宋体;font-size:12pt">'
             f'{_e(paras[0])}</span><span lang="EN-US"><o:p></o:p></span></p>')
    rest = "".join(f"　　{_e(p)}<br/>\n<br/>\n" for p in paras[1:])
    return first + "\n" + rest


# ---------------------------------------------------------------- related lists, six ways

def _short_date(date: str) -> str:
    return date[5:]


def _related(kind: int, others: list[tuple[str, str, str]]) -> tuple[str, str]:
    """(html outside the story box, html inside it after the story) for list kind ``kind``."""
    if kind == 0:  # DESTOON show.htm: head-txt + related table, two headlines per row
        cells = [f'<td width="50%"><a href="{u}" title="{_e(t)}">{_e(t)}</a> <span class="f_gray">{_short_date(d)}</span></td>'
                 for t, u, d in others]
        rows = "".join(f"<tr>{''.join(cells[i:i + 2])}</tr>" for i in range(0, len(cells), 2))
        return (f'<div class="head-txt"><span><a href="/invest/">更多<i>&gt;</i></a></span><strong>同类招商引资</strong></div>'
                f'<div class="related"><table width="100%">{rows}</table></div>', "")
    if kind == 1:  # a box with no telling class: date first, then the headline
        items = "".join(f"<li><span>{d}</span><a href=\"{u}\">{_e(t)}</a></li>" for t, u, d in others)
        return f'<div class="box_r"><div class="tit">相关阅读</div><ul class="l2">{items}</ul></div>', ""
    if kind == 2:  # pasted by the editor inside the story box, after the last paragraph
        items = "".join(f'<p><a href="{u}">{_e(t)}</a>（{d}）</p>' for t, u, d in others)
        return "", f"<p>推荐阅读：</p>{items}"
    if kind == 3:  # <br>-separated lines in one div
        items = "".join(f'<a href="{u}">{_e(t)}</a>&nbsp;{d}<br/>' for t, u, d in others)
        return f'<div class="bk">更多&gt;同类资讯<br/>{items}</div>', ""
    if kind == 4:  # copied as text: headline + date, no links at all
        items = "".join(f"<p>{_e(t)} [{_short_date(d)}]</p>" for t, u, d in others)
        return f'<div class="col_b"><h3>推荐</h3>{items}</div>', ""
    # kind 5: bare headline links, no dates, no heading: only the list pages tell
    items = "".join(f'<div class="it"><a href="{u}">{_e(t)}</a></div>' for t, u, d in others)
    return f'<div class="mod3">{items}</div>', ""


# ---------------------------------------------------------------- page templates

def _destoon(s: dict[str, object], body: str, related: tuple[str, str], summary: str | None) -> str:
    title = _e(str(s["title"]))
    intro = f'<div class="introduce">核心提示：{_e(summary)}</div>' if summary else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"/>
<title>{title} - 招商引资 - 辽宁招商网</title>
<meta name="description" content="{_e(summary or '')}"/></head><body>
<div class="head"><div class="head_t"><a href="/">首页</a> | <a href="/member/login.php">登录</a> | <a href="/member/register.php">注册</a></div></div>
<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/news/">资讯</a></li><li><a href="/invest/">招商引资</a></li></ul></div>
<div class="m"><div class="nav">当前位置: <a href="/">首页</a> &raquo; <a href="/invest/">招商引资</a></div>
<div class="left_box"><h1 class="title" id="title">{title}</h1>
<div class="info">发布日期：{s["published"]}&nbsp;&nbsp;来源：{_e(str(s["source"]))}&nbsp;&nbsp;浏览次数：<span id="hits">{s.get("views", 88)}</span></div>
{intro}
<div id="article" class="content">
{body}
{related[1]}
</div>
<div class="np"><ul><li><strong>下一篇：</strong><a href="/invest/">没有了</a></li></ul></div>
{related[0]}
</div>
<div class="right_box"><div class="tt">点击排行</div><ol><li><a href="/invest/2023/0330_9.html">辽宁出台支持民营经济发展二十条措施</a></li>
<li><a href="/invest/2023/0329_8.html">沈阳发布2023年重点招商项目清单</a></li></ol></div></div>
<div class="foot"><p><a href="/about/">关于我们</a> | <a href="/sitemap/">网站地图</a></p>
<p>Copyright &copy; 2006-2023 辽宁招商网 All Rights Reserved 辽ICP备12345678号-1</p></div>
</body></html>"""


def _trs(s: dict[str, object], body: str, related: tuple[str, str], summary: str | None) -> str:
    title = _e(str(s["title"]))
    zy = f'<div class="zy"><b>摘要：</b>{_e(summary)}</div>' if summary else ""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title}_沈阳市人民政府</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{s["published"]}">
<meta name="ContentSource" content="{_e(str(s["source"]))}"></head><body>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td>
<div class="dqwz">当前位置：<a href="../../">首页</a> &gt; <a href="../">政务公开</a></div></td></tr>
<tr><td><table width="100%"><tr><td class="xl_title">{title}</td></tr>
<tr><td class="xl_info">发布时间：{s["published"]}　　来源：{_e(str(s["source"]))}　　【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</td></tr>
<tr><td>{zy}<div class="TRS_Editor"><div class="Custom_UnionStyle">
{body}
{related[1]}
</div></div></td></tr></table></td></tr>
<tr><td>{related[0]}</td></tr>
<tr><td class="dy">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table>
<div class="footer">主办：沈阳市人民政府办公室　承办：沈阳市大数据管理局<br>网站标识码：2101000001　辽ICP备05000000号</div>
</body></html>"""


def _hanweb(s: dict[str, object], body: str, related: tuple[str, str], summary: str | None) -> str:
    title = _e(str(s["title"]))
    dd = f'<div class="daodu">导读：{_e(summary)}</div>' if summary else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="东北新闻在线"><meta name="ColumnName" content="要闻">
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{s["published"]}">
<title>{title} 东北新闻在线</title>
<script>var hanweb_sitename = "东北新闻在线";</script></head><body>
<div class="top"><a href="/">首页</a> <a href="/col/col1/index.html">要闻</a> <a href="/col/col2/index.html">经济</a></div>
<div class="main"><div class="bt">{title}</div>
<table width="100%"><tr><td align="center"><span>发布日期：{str(s["published"])[:10]}</span>&nbsp;<span>信息来源：{_e(str(s["source"]))}</span>&nbsp;<span>浏览次数：<script>document.write(1);</script></span></td></tr></table>
{dd}
<div id="zoom">
{body}
{related[1]}
</div>
<div class="fx">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
{related[0]}
</div>
<div class="bottom"><p>东北新闻在线主办　东北新闻传媒有限公司承办</p><p>地址：沈阳市和平区三好街1号　电话：024-12345678</p></div>
</body></html>"""


_TEMPLATES = {"destoon": _destoon, "trs": _trs, "hanweb": _hanweb}


def short_story_pages() -> list[ShortPage]:
    """Every fixture page of the three portals (18 pages), with its gold."""
    pages = []
    for ci, cms in enumerate(_CMS):
        stories = _stories(cms)
        headlines = site_headlines(cms)
        for i, story in enumerate(stories[:_PER_CMS]):
            paras = [str(p) for p in story["paragraphs"]]  # type: ignore[attr-defined]
            rest = [h for h in headlines if h[0] != story["title"]]
            others = (rest[i:] + rest[:i])[:5]
            kind = (i + ci) % 6
            # Summaries on half the pages: the lead (repeated by the story) or a sentence of its own.
            summary = None
            if i % 2 == 0:
                clauses = [c for c in re.split(r"[，。]", paras[0]) if c]
                summary = paras[0] if i % 4 == 0 else "，".join(clauses[1:3] or clauses[:1]) + "。"
            html_text = _TEMPLATES[cms](story, _body_html(paras, word=i % 2 == 1), _related(kind, others), summary)
            pages.append(ShortPage(
                cms=cms, id=f"{cms}-{i}", url=_url(cms, story), html=html_text, title=str(story["title"]),
                body="\n".join(paras), published=str(story["published"]), summary=summary,
                other_headlines=tuple(t for t, _, _ in others),
            ))
    return pages
