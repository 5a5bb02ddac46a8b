"""HTML for the fixture portals: DESTOON (B2B), TRS (government) and a modern news site.

The chrome is deliberately heavy and close to the real systems, because the
point of the fixtures is to make boilerplate removal, date/source parsing and
link discovery work on something that looks like production, not on
``<p>hello</p>``.  Every link points to a path on the same server (or to
``javascript:``): no external host may ever appear, so even a buggy crawler
stays on loopback.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from .model import Article

__all__ = [
    "Brand",
    "destoon_list",
    "destoon_article",
    "trs_list",
    "trs_article",
    "news_list",
    "news_article",
    "simple_page",
    "body_html",
]


def _e(text: str) -> str:
    return escape(text, quote=True)


def cn_datetime(published: str) -> str:
    """``2023-04-05 10:00`` -> ``2023年04月05日 10:00`` (TRS info line)."""
    return f"{published[:4]}年{published[5:7]}月{published[8:10]}日 {published[11:16]}"


def body_html(article: Article, style: str = "") -> str:
    """The article body as ``<p>`` elements, including screenshot and image lines."""
    attr = f' style="{style}"' if style else ""
    parts: list[str] = []
    for kind, text in article.blocks():
        if kind == "p":
            parts.append(f"<p{attr}>{_e(text)}</p>")
        elif kind == "screenshot":
            # Pasted WeChat screenshots leave their file name as a centred line.
            parts.append(f'<p style="text-align:center"><img src="/file/upload/{text[-14:]}.png" alt="{_e(text)}"/></p>')
            parts.append(f'<p style="text-align:center">{_e(text)}</p>')
        elif kind == "img":
            parts.append(f'<p style="text-align:center"><img src="{_e(text)}" width="600" border="0"/></p>')
        elif kind == "caption":
            parts.append(f'<p style="text-align:center">{_e(text)}</p>')
    return "\n".join(parts)


# --------------------------------------------------------------------------- DESTOON


@dataclass(frozen=True)
class Brand:
    """What differs between two DESTOON installations."""

    name: str  # 辽宁招商网
    charset: str  # declared in <meta>; liaoning says gb2312 but really sends GBK
    category: str = "招商引资"
    icp: str = "辽ICP备12345678号"
    police: str = "辽公网安备 21010202000123号"
    list_root: str = "/news/"


HOT_SEARCH = ["招商引资", "产业园", "项目签约", "稀有气体", "氢能", "光伏", "新能源汽车", "口罩", "厂房出租",
              "土地出让", "开工", "外资", "自贸区", "跨境电商", "冷链", "锂电池", "化工园区", "营商环境"]
MENU = [("/", "首页"), ("/sell/", "供应"), ("/buy/", "求购"), ("/company/", "公司库"), ("/news/", "资讯"),
        ("/invest/", "招商"), ("/exhibit/", "展会"), ("/job/", "人才"), ("/know/", "知道")]


def _destoon_head(brand: Brand, title: str, description: str, keywords: str = "") -> str:
    kw = "".join(
        f'<a href="/news/search.php?kw={quote(word, encoding="gbk")}" rel="nofollow">{_e(word)}</a>&nbsp; '
        for word in HOT_SEARCH
    )
    menu = "".join(f'<li><a href="{href}"><span>{_e(text)}</span></a></li>' for href, text in MENU)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={brand.charset}"/>
<title>{_e(title)}</title>
<meta name="keywords" content="{_e(keywords or brand.name)},{_e(brand.category)}"/>
<meta name="description" content="{_e(description)}"/>
<meta name="generator" content="DESTOON B2B - www.destoon.com"/>
<link rel="stylesheet" type="text/css" href="/skin/default/style.css"/>
<script type="text/javascript">var DTPath = "/";var SKPath = "/skin/default/";var MEPath = "/mobile/";var DTExt = ".php";</script>
<script type="text/javascript" src="/file/script/config.js"></script>
<script type="text/javascript" src="/file/script/common.js"></script>
</head>
<body>
<div class="head" id="head"><div class="head_m">
<div class="head_r" id="destoon_member">您好，欢迎来到{_e(brand.name)}！ <a href="/member/login.php">请登录</a> | <a href="/member/register.php">免费注册</a></div>
<div class="head_l"><ul><li class="h_fav"><a href="javascript:SetHome();">设为首页</a></li><li class="h_fav"><a href="javascript:AddFav();">加入收藏</a></li><li class="h_mobile"><a href="/mobile/">手机版</a></li></ul></div>
</div></div>
<div class="m head_s">
<div class="logo f_l"><a href="/"><img src="/file/upload/logo.gif" alt="{_e(brand.name)}"/></a></div>
<div class="head_search"><form id="destoon_search" action="/news/search.php">
<input name="kw" id="destoon_kw" type="text" class="search_i" value="请输入关键词"/><input type="submit" value="搜 索" class="search_s"/></form>
<div class="head_search_kw f_l"><span>热门搜索：</span>{kw}</div></div>
</div>
<div class="m"><div class="menu"><ul>{menu}</ul></div></div>
"""


def _destoon_foot(brand: Brand) -> str:
    return f"""<div class="m"><div class="b10"></div><div class="foot_page">
<a href="/">网站首页</a> | <a href="/about/index.html">关于我们</a> | <a href="/about/contact.html">联系方式</a> | <a href="/about/agreement.html">使用协议</a> | <a href="/about/copyright.html">版权隐私</a> | <a href="/sitemap/">网站地图</a> | <a href="/spread/">排名推广</a> | <a href="/ad/">广告服务</a> | <a href="/guestbook/">网站留言</a> | <a href="/about/report.html">违规举报</a> | <a href="/about/icp.html" rel="nofollow">{_e(brand.icp)}</a>
</div></div>
<div class="m"><div class="foot">
<div id="copyright">&copy;2008-2023 {_e(brand.name)} 版权所有 All Rights Reserved</div>
<div><img src="/skin/default/image/gongan.png" alt=""/> {_e(brand.police)}</div>
<div id="powered"><a href="/about/powered.html">技术支持：DESTOON</a></div>
</div></div>
<div class="back2top"><a href="javascript:void(0);" title="返回顶部">&nbsp;</a></div>
<script type="text/javascript">show_task('moduleid=21&html=task');</script>
</body>
</html>
"""


def _pager(pages: list[str], current: int) -> str:
    """DESTOON / news style pager: 上一页 1 2 3 下一页; ``pages`` are hrefs, ``current`` 0-based."""
    out = [f'<span class="total">共{len(pages)}页</span>']
    if current > 0:
        out.append(f'<a href="{pages[0]}">首页</a><a href="{pages[current - 1]}">上一页</a>')
    for index, href in enumerate(pages):
        out.append(f"<strong>{index + 1}</strong>" if index == current else f'<a href="{href}">{index + 1}</a>')
    if current < len(pages) - 1:
        out.append(f'<a href="{pages[current + 1]}">下一页</a><a href="{pages[-1]}">尾页</a>')
    return '<div class="pages">' + "&nbsp;".join(out) + "</div>"


def destoon_list(brand: Brand, items: list[Article], pages: list[str], current: int, rank: list[Article]) -> str:
    """A DESTOON 资讯 list page."""
    rows = "\n".join(
        f'<li><span class="f_r px11">{a.date}</span><a href="{_e(a.link)}" target="_blank" title="{_e(a.title)}">{_e(a.title)}</a>'
        f'<div class="introduce">{_e(a.summary())}</div></li>'
        for a in items
    )
    title = f"{brand.category}" + (f"_第{current + 1}页" if current else "") + f" - 资讯 - {brand.name}"
    return (
        _destoon_head(brand, title, f"{brand.name}{brand.category}频道")
        + f"""<div class="m"><div class="nav"><div>当前位置：<a href="/">首页</a> &gt; <a href="{brand.list_root}">资讯</a> &gt; {_e(brand.category)}</div></div></div>
<div class="m m3"><div class="m3l"><div class="left_box">
<div class="head-txt"><strong>{_e(brand.category)}</strong></div>
<div class="catlist"><ul>
{rows}
</ul></div>
{_pager(pages, current)}
</div></div>
<div class="m3r">{_rank_box(rank)}</div></div>
"""
        + _destoon_foot(brand)
    )


def _rank_box(rank: list[Article]) -> str:
    rows = "".join(
        f'<li><span class="f_r">{a.views}</span><em>{n}</em><a href="{_e(a.path)}" title="{_e(a.title)}">{_e(a.title[:16])}</a></li>'
        for n, a in enumerate(rank, 1)
    )
    return f'<div class="head-sub"><strong>点击排行</strong></div><div class="list-rank"><ul>{rows}</ul></div>'


def destoon_article(
    brand: Brand, article: Article, prev: Article | None, next_: Article | None,
    related: list[Article], rank: list[Article], itemid: int,
) -> str:
    """A DESTOON 资讯 detail page: headline in <h1>, body in ``div#article.content``."""
    info = f"发布日期：{article.published}&nbsp;&nbsp;来源：{_e(article.source)}"
    if article.author:
        info += f"&nbsp;&nbsp;作者：{_e(article.author)}"
    info += f"&nbsp;&nbsp;浏览次数：<span id=\"hits\">{article.views}</span>"
    np_ = ""
    if next_:
        np_ += f'<li><strong>下一篇：</strong><a href="{_e(next_.path)}" title="{_e(next_.title)}">{_e(next_.title)}</a></li>'
    if prev:
        np_ += f'<li><strong>上一篇：</strong><a href="{_e(prev.path)}" title="{_e(prev.title)}">{_e(prev.title)}</a></li>'
    rel = "".join(
        f'<li><span class="f_r">{a.date}</span>&#8226; <a href="{_e(a.path)}" title="{_e(a.title)}">{_e(a.title)}</a></li>'
        for a in related
    )
    return (
        _destoon_head(brand, f"{article.title} - {brand.category} - {brand.name}", article.summary(120), article.title)
        + f"""<div class="m"><div class="nav"><div>当前位置：<a href="/">首页</a> &gt; <a href="{brand.list_root}">资讯</a> &gt; <a href="/news/invest/">{_e(brand.category)}</a> &gt; 正文</div></div></div>
<div class="m m3"><div class="m3l"><div class="left_box">
<h1 class="title" id="title">{_e(article.title)}</h1>
<div class="info"><span class="f_r"><img src="/skin/default/image/zoomin.gif" width="16" height="16" title="放大字体" onclick="fontZoom('+', 'article');"/>&nbsp;&nbsp;<img src="/skin/default/image/zoomout.gif" width="16" height="16" title="缩小字体" onclick="fontZoom('-', 'article');"/></span>
{info}</div>
<div class="introduce">核心提示：{_e(article.summary(80))}</div>
<div id="content"><div class="content" id="article">
{body_html(article, "text-indent:2em")}
<p style="text-indent:2em">招商热线：024-23456789　项目对接邮箱：invest@lnzs.example.cn</p>
</div></div>
<div class="award"><div onclick="Go('/member/award.php?mid=21&amp;itemid={itemid}');">打赏</div></div>
<div class="b10"></div>
<div class="share">分享到：<a href="javascript:Share('weixin');">微信</a> <a href="javascript:Share('qzone');">QQ空间</a> <a href="javascript:Share('weibo');">新浪微博</a></div>
<div class="np"><ul>{np_}</ul></div>
<div class="tool">[ <a href="/news/search.php" rel="nofollow">资讯搜索</a> ]&nbsp;[ <a href="javascript:SendFav();">加入收藏</a> ]&nbsp;[ <a href="javascript:SendPage();">告诉好友</a> ]&nbsp;[ <a href="javascript:Print();">打印本文</a> ]&nbsp;[ <a href="javascript:SendReport();">违规举报</a> ]&nbsp;[ <a href="javascript:window.close()">关闭窗口</a> ]</div>
<div class="head-txt"><span><a href="/news/invest/">更多&gt;</a></span><strong>同类资讯</strong></div>
<div class="related"><ul>{rel}</ul></div>
<div class="comment"><strong>0条</strong> [<a href="/comment/index.php?mid=21&amp;itemid={itemid}" rel="nofollow">查看全部</a>]&nbsp;&nbsp;相关评论</div>
</div></div>
<div class="m3r">{_rank_box(rank)}
<div class="head-sub"><strong>推荐图文</strong></div><div class="list-thumb"><ul><li><a href="/news/invest/"><img src="/file/upload/thumb.jpg" alt=""/><br/>招商项目推荐</a></li></ul></div>
</div></div>
"""
        + _destoon_foot(brand)
    )


# --------------------------------------------------------------------------- TRS (government)

_TRS_SCRIPT = """<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount <= 1){ return; }
  var nCurrIndex = _nCurrIndex || 0;
  if(nCurrIndex == 0) document.write("<span>首页</span>&nbsp;");
  else document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a>&nbsp;");
}
</script>"""


def _trs_head(title: str, meta: dict[str, str]) -> str:
    metas = "\n".join(f'<meta name="{k}" content="{_e(v)}">' for k, v in meta.items())
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="沈阳市人民政府">
<meta name="SiteDomain" content="www.shenyang.gov.cn">
<meta name="SiteIDCode" content="2101000001">
<meta name="ColumnName" content="投资促进">
{metas}
<title>{_e(title)}</title>
<link rel="stylesheet" href="/images/common.css">
<script src="/module/jslib/jquery/jquery.js"></script>
{_TRS_SCRIPT}
</head>
<body>
<div class="top_bar"><div class="w1200"><span>今天是：<script>document.write(new Date().toLocaleDateString());</script></span>
<a href="javascript:;">无障碍浏览</a> | <a href="javascript:;">长者模式</a> | <a href="/col/col1234/index.html">投资促进</a> | <a href="javascript:;">English</a></div></div>
<div class="header"><div class="w1200"><a href="/"><img src="/images/logo.png" alt="沈阳市人民政府"></a>
<form action="/jsearchfront/search.do" class="search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/col/col1230/">要闻动态</a></li><li><a href="/col/col1231/">政务公开</a></li><li><a href="/col/col1232/">政务服务</a></li><li><a href="/col/col1233/">互动交流</a></li><li class="on"><a href="/col/col1234/index.html">投资沈阳</a></li></ul></div>
"""


_TRS_FOOT = """<div class="footer"><div class="w1200">
<div class="f_links"><a href="/col/col1235/">网站地图</a> | <a href="/col/col1236/">联系我们</a> | <a href="/col/col1237/">使用帮助</a> | <a href="/col/col1238/">隐私声明</a></div>
<p>主办单位：沈阳市人民政府办公室&nbsp;&nbsp;承办单位：沈阳市大数据管理局</p>
<p>网站标识码2101000001&nbsp;&nbsp;<a href="/col/col1239/">辽ICP备05022236号</a>&nbsp;&nbsp;<img src="/images/ga.png" alt="">辽公网安备 21010202000456号</p>
<p>地址：沈阳市沈河区市府大路260号&nbsp;&nbsp;联系我们：024-12345&nbsp;&nbsp;建议使用1920×1080分辨率浏览</p>
<div class="jiucuo"><a href="/col/col1240/"><img src="/images/jiucuo.png" alt="政府网站找错"></a></div>
</div></div>
</body>
</html>
"""


def trs_list(items: list[Article], pages: list[str], current: int) -> str:
    """A TRS 栏目 list page; pagination by createPageHTML plus rendered links."""
    rows = "\n".join(
        f'<li><a href="{_e(a.link)}" target="_blank" title="{_e(a.title)}">{_e(a.title)}</a><span class="date">{a.date}</span></li>'
        for a in items
    )
    numbered = " ".join(
        f'<span class="current">{i + 1}</span>' if i == current else f'<a href="{href}">{i + 1}</a>'
        for i, href in enumerate(pages)
    )
    nxt = f'<a href="{pages[current + 1]}" class="next">下一页</a>' if current < len(pages) - 1 else "<span>下一页</span>"
    prv = f'<a href="{pages[current - 1]}">上一页</a>' if current > 0 else "<span>上一页</span>"
    return (
        _trs_head("投资促进_沈阳市人民政府", {"ColumnType": "投资促进"})
        + f"""<div class="w1200 main">
<div class="crumbs">您当前的位置：<a href="/">首页</a> &gt; <a href="/col/col1234/index.html">投资沈阳</a> &gt; 投资促进</div>
<div class="list_left"><ul><li class="on"><a href="/col/col1234/index.html">投资促进</a></li><li><a href="/col/col1241/">招商政策</a></li><li><a href="/col/col1242/">园区介绍</a></li></ul></div>
<div class="list_right"><div class="tit">投资促进</div>
<ul class="list_ul">
{rows}
</ul>
<div class="page" id="pagenav"><script type="text/javascript">createPageHTML({len(pages)}, {current}, "index", "html");</script>
{prv} {numbered} {nxt} <span>共{len(pages)}页</span></div>
</div></div>
"""
        + _TRS_FOOT
    )


def trs_article(article: Article, related: list[Article]) -> str:
    """A TRS detail page (``art_1234_*.html`` or ``t2023…_*.html``)."""
    rel = "".join(f'<li><a href="{_e(a.path)}">{_e(a.title)}</a></li>' for a in related)
    meta = {
        "ArticleTitle": article.title,
        "PubDate": article.published,
        "ContentSource": article.source,
        "ColumnType": "投资促进",
    }
    return (
        _trs_head(f"{article.title}_投资促进_沈阳市人民政府", meta)
        + f"""<div class="w1200 main">
<div class="crumbs">您当前的位置：<a href="/">首页</a> &gt; <a href="/col/col1234/index.html">投资沈阳</a> &gt; <a href="/col/col1234/index.html">投资促进</a></div>
<div class="article">
<div class="art_title"><h2>{_e(article.title)}</h2></div>
<div class="art_info"><span>发布时间：{cn_datetime(article.published)}</span>&nbsp;&nbsp;<span>来源：{_e(article.source)}</span>
<span class="fr">字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]&nbsp;<a href="javascript:window.print()">打印本页</a></span></div>
<div class="art_con" id="zoom"><div class="TRS_Editor"><div class="Custom_UnionStyle">
{body_html(article, "text-indent: 2em; line-height: 2em")}
</div></div></div>
<div class="art_share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a>&nbsp;&nbsp;<a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
<div class="qr">扫一扫在手机打开当前页<img src="/images/qr.png" alt=""></div>
<div class="related"><h3>相关链接</h3><ul>{rel}</ul></div>
</div></div>
"""
        + _TRS_FOOT
    )


# --------------------------------------------------------------------------- modern news site

_NEWS_NAV = [("/", "首页"), ("/liaoning/", "辽宁"), ("/economy/", "经济"), ("/invest/", "招商"), ("/photo/", "图片")]


def _news_head(title: str, extra: str = "") -> str:
    nav = "".join(f'<a href="{href}">{text}</a>' for href, text in _NEWS_NAV)
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>{extra}
<link rel="stylesheet" href="/static/css/main.css"></head>
<body><header class="site-header"><a class="logo" href="/">东北新闻在线</a><nav class="main-nav">{nav}</nav>
<div class="login"><a href="/user/login">登录</a> <a href="/user/register">注册</a></div></header>
<div class="ticker">滚动：<a href="/invest/">一季度东北三省招商引资成绩单出炉</a></div>
"""


_NEWS_FOOT = """<footer class="site-footer"><p><a href="/about/">关于我们</a> · <a href="/contact/">联系我们</a> · <a href="/ads/">广告服务</a> · <a href="/jobs/">招聘</a></p>
<p>东北新闻在线 版权所有 未经授权禁止转载 | 辽ICP备20230001号-1 | 互联网新闻信息服务许可证 21120180001</p>
<p>违法和不良信息举报电话：024-00000000</p></footer>
<script src="/static/js/analytics.js"></script></body></html>
"""


def news_list(items: list[Article], pages: list[str], current: int) -> str:
    """Home / list page of the news site: ``/`` and ``/?page=2``."""
    rows = "\n".join(
        f'<li class="news-item"><h3><a href="{_e(a.link)}">{_e(a.title)}</a></h3>'
        f'<p class="summary">{_e(a.summary())}</p><span class="time">{a.published}</span></li>'
        for a in items
    )
    return (
        _news_head("东北新闻在线 - 东北振兴 招商引资 区域经济" + (f" - 第{current + 1}页" if current else ""))
        + f"""<main class="container"><section class="headline"><h2>最新资讯</h2>
<ul class="news-list">
{rows}
</ul>
{_pager(pages, current)}
</section>
<aside class="sidebar"><h4>专题</h4><ul><li><a href="/invest/">振兴东北 招商引资专题</a></li><li><a href="/photo/">图说东北</a></li></ul></aside></main>
"""
        + _NEWS_FOOT
    )


def news_article(article: Article, related: list[Article], editor: str = "王丽") -> str:
    """A news article with <article>, <time datetime>, 责任编辑 and related news."""
    iso = f"{article.published[:10]}T{article.published[11:16]}:00+08:00"
    extra = (
        f'<meta property="og:title" content="{_e(article.title)}">'
        f'<meta property="article:published_time" content="{iso}">'
    )
    rel = "".join(f'<li><a href="{_e(a.path)}">{_e(a.title)}</a></li>' for a in related)
    by = f' 作者：<span class="author">{_e(article.author)}</span>' if article.author else ""
    return (
        _news_head(f"{article.title}_东北新闻在线", extra)
        + f"""<main class="container"><div class="breadcrumb"><a href="/">首页</a> / <a href="/invest/">招商</a> / 正文</div>
<article class="article">
<h1 class="article-title">{_e(article.title)}</h1>
<div class="meta"><time datetime="{iso}">{article.published}</time> 来源：<span class="source">{_e(article.source)}</span>{by}</div>
<div class="article-body">
{body_html(article)}
</div>
<p class="editor">【责任编辑：{_e(editor)}】</p>
<div class="share-bar">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a> <a href="javascript:;">复制链接</a></div>
</article>
<section class="related"><h3>相关新闻</h3><ul>{rel}</ul></section>
<section class="comments"><h3>网友评论</h3><p>已有0人参与评论</p></section></main>
"""
        + _NEWS_FOOT
    )


def simple_page(title: str, text: str, charset: str = "utf-8", links: list[tuple[str, str]] | None = None) -> str:
    """Channel, search and error pages: a little HTML with no article links."""
    items = "".join(f'<li><a href="{_e(h)}">{_e(t)}</a></li>' for h, t in (links or []))
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"/>'
        f"<title>{_e(title)}</title></head><body><h1>{_e(title)}</h1><p>{_e(text)}</p><ul>{items}</ul></body></html>"
    )
