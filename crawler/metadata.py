"""Article metadata from a parsed page: title, publication date, source, author.

Chinese portals state these in a handful of ways: CMS ``<meta>`` tags (TRS's
``ArticleTitle``/``PubDate``/``ContentSource``), Open Graph and JSON-LD, a
byline line under the headline (``发布时间：2023-04-04 15:26 来源：辽宁日报
作者：张三``) and dated URLs (``/202304/t20230405_123.html``). Each function
here tries the most explicit evidence first and returns None rather than a
guess it cannot back.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from typing import Iterable, Iterator
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from newsmon.clock import SHANGHAI

__all__ = [
    "SHANGHAI",
    "find_title",
    "find_published_at",
    "check_list_date",
    "find_source",
    "find_author",
    "find_canonical_url",
    "find_lang",
    "parse_date",
    "clean_title",
]

# A page may be a little ahead of our clock (scheduled publishing, clock skew).
FUTURE_SLACK = timedelta(hours=2)
EARLIEST_YEAR = 1990

_WS = re.compile(r"\s+")


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


# ---------------------------------------------------------------- dates

_TIME = r"(?:\s*[T -]?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\.\d+)?\s*秒?)?"
_ZONE = r"\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?"
_DATE_PATTERNS = [
    # 2023年04月04日 15:26, 2023-04-04 15:26:09, 2023/4/4, 2023.04.04, 2023-04-04T15:26:00+08:00
    re.compile(
        r"(?<!\d)((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)\s*日?" + _TIME + _ZONE
    ),
    # 20230404 152600 (compact, only with a label or in meta values)
    re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?:\s*(\d{2})(\d{2})(\d{2})?)?(?!\d)()"),
]
# English bylines: November 18, 2019 · Nov. 18, 2019 · 18 November 2019.
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MONTH_NAME_DATE = re.compile(
    r"\b(?:(" + _MONTH_WORD + r")\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(" + _MONTH_WORD + r"))"
    r",?\s+((?:19|20)\d{2})\b"
)
# Day or month first, year last: 11/3/2023 9:15:02 AM (ASP.NET's en-US default), 03.11.2023 14:05
# (European). Only with a label: in running text "3/4" is a fraction or a score.
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.])(\d{1,2})\s*([/.])\s*(\d{1,2})\s*\2\s*((?:19|20)\d{2})(?![\d/.])"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)
_RELATIVE = re.compile(r"(刚刚|(\d+)\s*(秒|分钟|小时|天|周)前|(今天|昨天|前天)\s*(?:(\d{1,2})[:：](\d{1,2}))?)")
_LABEL = re.compile(
    r"(发布时间|发布日期|发表时间|发表日期|发稿时间|发文日期|上传时间|更新时间|发布于|发表于|时间|日期|Posted on|Published|"
    # Forum bylines: 本贴由 张三 于2023年4月3日15:20:11在【经济论坛】发表
    r"(?:本贴|本帖|此贴|此帖|该贴|该帖)由\s*[^\s于]{1,20}\s*于)\s*[:：]?\s*"
)
# Labels in order of preference (publication beats update beats a bare 时间).
_LABEL_RANK = {
    "发布时间": 0, "发布日期": 0, "发表时间": 0, "发表日期": 0, "发稿时间": 0, "Published": 0,
    "Posted on": 0, "发布于": 0, "发表于": 0, "发文日期": 1, "上传时间": 1, "日期": 2, "时间": 2, "更新时间": 3,
}
_META_DATE_KEYS = [
    "article:published_time", "og:article:published_time", "og:published_time", "pubdate",
    "publishdate", "publish_date", "publish-date", "publication_date", "datepublished",
    "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "weibo:article:create_at", "apub:time", "firstpublishedtime", "releasedate", "date", "maketime",
    "article:modified_time", "lastmodifiedtime", "dateupdate", "datemodified",
]
# class/id of an element holding the date (<em id="publish_time">, <span class="pub-date">).
_DATE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:publish|pub|post|news|article|release|info)?[-_]?(?:time|date)(?:$|[\s_-])", re.I
)
# WeChat and other app-rendered pages keep the publish time as a Unix timestamp.
_SCRIPT_TIMESTAMP = re.compile(
    r"\b(?:var\s+ct|publish_time|publishTime|pubtime|create_time|createTime)\s*[=:]\s*[\"']?(1\d{9})\b"
)
_URL_DATES = [
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_"),  # TRS: /202304/t20230405_123.html
    re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})/"),  # /2023/04/04/, /2023/4/5/art_
    re.compile(r"/((?:19|20)\d{2})[/-]?(\d{2})/(\d{2})/"),  # /2023-04/04/, /202304/04/
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"),  # people.com.cn /n1/2023/0404/
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),  # /20230404/
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{2,10})?[_-]?\w*\.s?html?$"),  # /20230404123.html
    re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[A-Z]\w+$"),  # qq: /rain/a/20240518A060RN00
]


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(SHANGHAI)


def _build(
    y: str, mo: str, d: str, h: str | None = None, mi: str | None = None, s: str | None = None,
    zone: str | None = None,
) -> datetime | None:
    try:
        hour, minute, second = int(h or 0), int(mi or 0), int(s or 0)
        if hour == 24 and minute == 0:
            hour = 0
        tz: timezone = SHANGHAI
        if zone:
            if zone in ("Z", "GMT", "UTC"):
                tz = timezone.utc
            else:
                sign = 1 if zone[0] == "+" else -1
                digits = zone[1:].replace(":", "")
                zh, zm = int(digits[:2]), int(digits[2:4])
                # "00:00-23:59" is a time range, not a zone: real offsets are ≤ 14 h, in quarter hours.
                if zh <= 14 and zm % 15 == 0:
                    tz = timezone(sign * timedelta(hours=zh, minutes=zm))
        return datetime(int(y), int(mo), int(d), hour, minute, second, tzinfo=tz)
    except (ValueError, OverflowError):
        return None


def _plausible(dt: datetime | None, now: datetime) -> datetime | None:
    if dt is None or dt.year < EARLIEST_YEAR or dt > now + FUTURE_SLACK:
        return None
    return dt


def parse_date(
    text: str, *, now: datetime | None = None, compact: bool = False, relative: bool = True
) -> datetime | None:
    """First plausible date in ``text`` as an aware datetime, else None.

    Understands ``2023年04月04日 15:26``, ``2023-04-04 15:26:09``, ``2023/4/4``,
    ISO 8601 with a zone, and relative forms (``刚刚``, ``3小时前``,
    ``昨天 10:20``). Dates without a zone are Asia/Shanghai. Dates in the
    future (beyond a small slack) or before 1990 are rejected.
    ``compact=True`` also accepts ``20230404``, safe only for labelled values;
    ``relative=False`` ignores relative forms.
    """
    if not text:
        return None
    current = _now(now)
    patterns = _DATE_PATTERNS if compact else _DATE_PATTERNS[:1]
    best: tuple[int, datetime] | None = None
    for pattern in patterns:
        for m in pattern.finditer(text):
            dt = _plausible(_build(*m.groups()), current)
            if dt is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), dt)
                break
    named = _MONTH_NAME_DATE.search(text)
    if named and (best is None or named.start() < best[0]):
        dt = _plausible(_month_name_date(named), current)
        if dt is not None:
            best = (named.start(), dt)
    if compact:
        numeric = _NUMERIC_DATE.search(text)
        if numeric and (best is None or numeric.start() < best[0]):
            dt = _plausible(_numeric_date(numeric), current)
            if dt is not None:
                best = (numeric.start(), dt)
    rel = _RELATIVE.search(text) if relative else None
    if rel and (best is None or rel.start() < best[0]):
        dt = _relative(rel, current)
        if dt is not None:
            return dt
    return best[1] if best else None


def _month_name_date(m: re.Match[str]) -> datetime | None:
    """``November 18, 2019`` / ``Nov. 18, 2019`` / ``18 November 2019``."""
    name = (m.group(1) or m.group(4) or "")[:3].lower()
    day = m.group(2) or m.group(3)
    return _build(m.group(5), str(_MONTHS[name]), day)


def _numeric_date(m: re.Match[str]) -> datetime | None:
    """``m/d/yyyy`` with "/" (US, unless the first number cannot be a month), ``d.m.yyyy`` with "."."""
    a, sep, b, year, h, mi, sec, ampm = m.groups()
    month, day = (a, b) if sep == "/" and int(a) <= 12 else (b, a)
    hour = int(h) if h else None
    if hour is not None and ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return _build(year, month, day, str(hour) if hour is not None else None, mi, sec)


def _relative(m: re.Match[str], now: datetime) -> datetime | None:
    now = now.astimezone(SHANGHAI)
    if m.group(1) == "刚刚":
        return now.replace(microsecond=0)
    if m.group(2):
        n = int(m.group(2))
        unit = {"秒": "seconds", "分钟": "minutes", "小时": "hours", "天": "days", "周": "weeks"}[m.group(3)]
        try:
            return (now - timedelta(**{unit: n})).replace(microsecond=0)
        except OverflowError:
            return None
    day = now.date() - timedelta(days={"今天": 0, "昨天": 1, "前天": 2}[m.group(4)])
    hour, minute = int(m.group(5) or 0), int(m.group(6) or 0)
    if hour > 23 or minute > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


def _meta_content(tree: lxml_html.HtmlElement) -> Iterator[tuple[str, str]]:
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content:
            yield key.strip().lower(), content.strip()


def _jsonld_values(tree: lxml_html.HtmlElement, key: str) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = script.text or ""
        for m in re.finditer(r'"%s"\s*:\s*"([^"]{1,300})"' % re.escape(key), raw):
            yield m.group(1)
        if key == "author":
            try:
                data = json.loads(raw)
            except ValueError:
                continue
            for obj in data if isinstance(data, list) else [data]:
                author = obj.get("author") if isinstance(obj, dict) else None
                if isinstance(author, list) and author:
                    author = author[0]
                if isinstance(author, dict) and isinstance(author.get("name"), str):
                    yield author["name"]


_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[-/月]\s*(\d{1,2})(?!\d)\s*日?" + _TIME)


def _month_day(window: str, now: datetime) -> datetime | None:
    """``10-08 12:00`` (no year, as feeds print recent dates): the latest such date not in the future."""
    m = _MONTH_DAY.match(window)
    if not m:
        return None
    for year in (now.year, now.year - 1):
        dt = _plausible(_build(str(year), *m.groups()), now)
        if dt is not None:
            return dt
    return None


def _labelled_dates(text: str, now: datetime, *, relative: bool) -> Iterator[tuple[int, int, datetime]]:
    for m in _LABEL.finditer(text):
        window = text[m.end(): m.end() + 40]
        dt = parse_date(window, now=now, compact=True, relative=relative)
        # The date must follow the label closely, not somewhere in the window.
        if dt is not None and re.match(r"\s*[\[(（【]?\s*(?:\d|刚刚|今天|昨天|前天)", window):
            label = m.group(1)
            yield (0 if label.endswith("于") else _LABEL_RANK.get(label, 2)), m.start(), dt


def _near(headline: lxml_html.HtmlElement | None) -> Iterator[lxml_html.HtmlElement]:
    """Elements of the headline's grandparent box: where bylines sit."""
    if headline is None:
        return iter(())
    box = headline.getparent()
    if box is not None and box.getparent() is not None and box.getparent().tag != "html":
        box = box.getparent()
    return (el for el in (box if box is not None else headline).iter() if isinstance(el.tag, str))


def find_published_at(
    tree: lxml_html.HtmlElement, url: str, header_text: str, page_text: str,
    *, headline: lxml_html.HtmlElement | None = None, now: datetime | None = None,
) -> tuple[datetime | None, str | None]:
    """Publication date and where it came from (``"label"``, ``"meta"``…).

    ``header_text`` is the text around the headline (byline area), where a
    labelled date belongs to the article; ``page_text`` is the whole page,
    used for labels only when the header has none. ``headline`` is the
    element holding the title, near which date-named elements are looked for.
    """
    current = _now(now)
    # "3小时前" is trusted under the headline only, and only when no absolute
    # date stands there: elsewhere, or beside one, it dates a comment.
    relative = parse_date(header_text, now=current, relative=False) is None
    found = sorted(_labelled_dates(header_text, current, relative=relative), key=lambda t: (t[0], t[1]))
    if found:
        return found[0][2], "label"
    found_dt, found_from = _unlabelled_date(tree, url, header_text, headline, current)
    if found_dt is not None:
        return _as_shown(found_dt, parse_date(header_text, now=current, relative=False)), found_from
    # Labels elsewhere on the page (a sidebar's 时间：, a related story's 发布日期：) only
    # when the byline area and the markup say nothing.
    found = sorted(_labelled_dates(page_text, current, relative=False), key=lambda t: (t[0], t[1]))
    if found:
        return found[0][2], "label"
    dt = parse_date(header_text, now=current, relative=relative)
    if dt is not None:
        return dt, "text"
    # A year-less label ("发布时间：10-08 12:00") is kept as a last resort: any
    # source that states the year is better evidence.
    yearless = next(
        (dt for m in _LABEL.finditer(header_text) if (dt := _month_day(header_text[m.end():m.end() + 30], current))),
        None,
    )
    if yearless is not None:
        return yearless, "label"
    # Nothing near the headline or in the markup: a date standing alone on a
    # line anywhere (the 2023年4月3日 that signs a notice), then htmldate's
    # generic rules (copyright lines, scattered dates) as the last resort.
    for line in page_text.split("\n"):
        if _DATE_LINE.match(line):
            dt = parse_date(line, now=current, relative=False)
            if dt is not None:
                return dt, "text"
    return _htmldate(tree, current)


_DATE_LINE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|^\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*$")


def _htmldate(tree: lxml_html.HtmlElement, current: datetime) -> tuple[datetime | None, str | None]:
    """htmldate's guess (no extensive search: its scan of every number in the page guesses too freely)."""
    try:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d",
                          max_date=current.strftime("%Y-%m-%d"))
    except Exception:  # boundary: a third-party guess must never break extraction
        return None, None
    if not found:
        return None, None
    dt = _plausible(_build(*found.split("-")), current)
    return (dt, "htmldate") if dt is not None else (None, None)


def check_list_date(
    found: datetime | None, found_from: str | None, list_date: datetime | date | None, *, days: int = 3
) -> tuple[datetime | None, str | None]:
    """Cross-check a page's date with the date its list page printed beside the link.

    The list is the site's own index, so a page date more than ``days`` days
    away from it (a related story's date, a copyright year, a comment) loses;
    with no page date, the list date is the date. A list date without a time
    keeps the page's time when the day agrees.
    """
    if list_date is None:
        return found, found_from
    if isinstance(list_date, datetime):
        listed = list_date if list_date.tzinfo else list_date.replace(tzinfo=SHANGHAI)
    else:
        listed = datetime(list_date.year, list_date.month, list_date.day, tzinfo=SHANGHAI)
    if found is None:
        return listed, "list"
    if abs((found.astimezone(SHANGHAI).date() - listed.astimezone(SHANGHAI).date()).days) > days:
        return listed, "list"
    return found, found_from


_NOT_PUBLISHED = re.compile(r"推荐|最新|更新|修改|最后编辑|Updated|Modified", re.I)
# Offsets a page's own zone is likely to have, most common first: the Americas when the page
# shows the day before the UTC day, Asia and Europe when it shows the day after.
_WEST = (-5, -4, -6, -7, -8, -3, -10)
_EAST = (8, 9, 10, 5.5, 1, 2, 3, 7, 12)


def _as_shown(found: datetime, shown: datetime | None) -> datetime:
    """The instant ``found`` (from meta, in UTC) in the zone that gives the calendar day the page shows.

    ``2019-11-19T07:03:25Z`` in the markup of a page that prints "Nov. 18, 2019" is
    ``2019-11-18T23:03:25-08:00``: the same instant, the page's own day. A zone-less
    value (read as Beijing time) a day off gives way to the byline's date. Only for a
    one-day difference; anything else is left as found.
    """
    if shown is None:
        return found
    delta = (shown.date() - found.date()).days
    if delta not in (-1, 1):
        return found
    if found.utcoffset() != timedelta(0):
        # A zone-less markup value read as Beijing time on a page printing the day before
        # or after: the markup's zone was another; the byline's day is the page's.
        return shown
    for hours in _WEST if delta < 0 else _EAST:
        local = found.astimezone(timezone(timedelta(hours=hours)))
        if local.date() == shown.date():
            return local
    return found


def _unlabelled_date(
    tree: lxml_html.HtmlElement, url: str, header_text: str,
    headline: lxml_html.HtmlElement | None, current: datetime,
) -> tuple[datetime | None, str | None]:
    """A date from the markup: date-named elements by the headline, meta, JSON-LD, <time>, scripts, the URL."""
    relative = parse_date(header_text, now=current, relative=False) is None
    # An element named for the date is a label too (<em id="publish_time">);
    # looked for around the headline only, where it belongs to the article.
    for el in _near(headline):
        if _DATE_ATTR.search(f"{el.get('class', '')} {el.get('id', '')}"):
            text = _norm(el.text_content())[:60]
            if _NOT_PUBLISHED.search(text):
                continue  # "最新推荐文章于 …", "更新于 …": another date in a date-styled element
            # In the byline window, not in a comment further down the same box.
            dt = parse_date(text, now=current, relative=relative) if text and text in header_text else None
            if dt is not None:
                return dt, "label"
    metas = dict(_meta_content(tree))
    for key in _META_DATE_KEYS:
        if key in metas:
            dt = parse_date(metas[key], now=current, compact=True)
            if dt is not None:
                return dt, "meta"
    for value in _jsonld_values(tree, "datePublished"):
        dt = parse_date(value, now=current)
        if dt is not None:
            return dt, "json-ld"
    for el in tree.xpath("//time[@datetime]|//*[@itemprop='datePublished']"):
        dt = parse_date(el.get("datetime") or el.get("content") or el.text_content(), now=current)
        if dt is not None:
            return dt, "time"
    for script in tree.iter("script"):
        m = _SCRIPT_TIMESTAMP.search(script.text or "")
        if m:
            dt = _plausible(datetime.fromtimestamp(int(m.group(1)), SHANGHAI), current)
            if dt is not None:
                return dt, "script"
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.I).split("?")[0]
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            dt = _plausible(_build(*m.groups()), current)
            if dt is not None:
                return dt, "url"
    return None, None


# ---------------------------------------------------------------- title

_TITLE_SEP = re.compile(r"\s*(?:\s[-–—|·]\s|[_|｜]|--+|——|\s::\s)\s*")
_SITE_WORDS = re.compile(
    r"(网|站|报|台|在线|门户|政府|频道|官网|首页|新闻|中心|平台|\.com|\.cn|\.net|News|Online|Times|Post)$",
    re.I,
)


_TITLE_PREFIX = re.compile(r"^(?:正在阅读|正文|原标题|标题)\s*[:：]\s*")


def clean_title(title: str) -> str:
    """Headline from a ``<title>``: drop " - 频道 - 某某网" / "_某某网" suffixes, "正在阅读：" prefixes."""
    title = _TITLE_PREFIX.sub("", _norm(title))
    parts = [p for p in _TITLE_SEP.split(title) if p]
    if len(parts) > 1:
        title = max(parts, key=len)  # the headline is the longest part; first on ties
    # "标题-某某网": an unspaced hyphen before a site-like name.
    m = re.match(r"^(.{4,}?)\s*[-－]\s*([^-－]{2,15})$", title)
    if m and _SITE_WORDS.search(m.group(2)):
        title = m.group(1)
    # "中华人民共和国监察法-纪检", "…一块顶十块GPU-EDN 电子技术设计": a short Chinese tail (a channel,
    # a site) after the last unspaced hyphen of a Chinese headline at least twice as long.
    m = re.match(r"^(.+)[-－]([^-－]{1,15})$", title)
    if m and _CJK.search(m.group(1)) and _CJK.search(m.group(2)) and len(m.group(1)) >= 2 * len(m.group(2)):
        title = m.group(1)
    return title.strip()


# Punctuation that differs between a page's <title> and its headline (—— vs -, curly quotes).
_PUNCT_FOLD = str.maketrans({"—": "-", "–": "-", "－": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "：": ":",
                             "，": ","})


def _fold(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"\s+", "", text.translate(_PUNCT_FOLD)))


def _stuck(part: str, heading: str) -> bool:
    """``heading`` is ``part`` with a word stuck to one end, not set off by a separator ("原创…")."""
    if part == heading or not (heading.startswith(part) or heading.endswith(part)):
        return False
    rest = heading[len(part):] if heading.startswith(part) else heading[: -len(part)]
    return not re.search(r"[|｜_·:\-]", rest)


def _title_parts(title: str) -> list[str]:
    """The <title>'s segments: split on its separators and on unspaced hyphens."""
    title = _TITLE_PREFIX.sub("", _norm(title))
    # Unspaced hyphens separate only between Chinese (English has "U.S.-backed", "Self-Indicting").
    hyphen = r"(?<=[\u3400-\u9fff）》」】”])[-－]|[-－](?=[\u3400-\u9fff（《「【“])"
    return [p.strip() for part in _TITLE_SEP.split(title) for p in re.split(hyphen, part) if p.strip()]


def _similar(a: str, b: str) -> bool:
    a, b = _fold(a), _fold(b)
    return bool(a) and bool(b) and (a in b or b in a)


_H1 = etree.XPath("//h1")
# Class names in any case ("Title", "newsTitle", "ArticleTitle").
_TITLE_LIKE = etree.XPath(
    "//h1|//h2|//*[contains(translate(@class,'TITLE','title'),'title') or contains(translate(@id,'TITLE','title'),'title')]"
)
# Words too common to say two headlines tell the same story.
_STOPWORDS = frozenset("the and for with from that this your you are was how what who why when its into".split())
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> set[str]:
    """A headline's words for comparing wordings: 4-letter stems, numbers, hanzi pairs.

    Stems make "MacBook"/"MacBooks" and "самые"/"самых" one word without knowing the
    language; Chinese has no spaces, so its runs count as overlapping character pairs.
    """
    words: set[str] = set()
    for w in _WORD.findall(text.casefold()):
        if _CJK.search(w):
            words.update(w[i:i + 2] for i in range(max(1, len(w) - 1)))
        elif w.isdigit() or (len(w) >= 3 and w not in _STOPWORDS):
            words.add(w[:4])
    return words


def _same_story(heading: str, headline: str) -> bool:
    """Do two differently worded headlines tell the same story (most of their words shared)?

    The page's ``<h1>`` and its ``<title>``/og:title are often edited apart — "HS Roundup:"
    vs "High School Roundup:", an SEO title beside the displayed one — while a site name,
    a section or another story's heading shares a word or two at most.
    """
    a, b = _words(heading), _words(headline)
    shared = len(a & b)
    return len(a) >= 3 and shared >= 2 and 4 * shared >= len(a) + len(b)  # Dice coefficient ≥ 0.5


def _confirmed(h: str, ref: str, *, h1: bool) -> str | None:
    """``h`` as the headline when the reference title ``ref`` confirms it, else None."""
    cleaned = clean_title(ref)
    parts = [p for p in _title_parts(ref) if len(p) >= 2]
    fh = _fold(h)
    if parts and fh == _fold(parts[0]):
        # The title's first segment ("夜雨" of "夜雨_原文、翻译及赏析_白居易诗词_读古诗词网").
        return _TITLE_PREFIX.sub("", h)
    if parts and len(parts[0]) >= 4 and fh.startswith(_fold(parts[0])) and len(fh) - len(_fold(parts[0])) <= 4:
        return parts[0]  # the first segment with a counter stuck to it ("第二章 失乡号的船长241")
    if any(fh == _fold(p) for p in parts[1:]):
        return None  # the site's or channel's name, which the title carries after the headline
    # Similar, and neither a fragment nor a whole header box (title + byline). An <h1> may be
    # longer than the title that shortens it ("Spiced Honey Pear Jam" of "Homemade Spiced
    # Honey Pear Jam for the Holidays"): an <h1> holds a headline, not a byline.
    longest = max(1.2 * len(ref) + 4, 160.0 if h1 and _fold(cleaned) in fh else 0.0)
    if len(h) >= 4 and _similar(h, ref) and 0.3 * len(cleaned) <= len(h) <= longest:
        return _stuck_segment(h, ref) or _TITLE_PREFIX.sub("", h)
    return None


def _stuck_segment(h: str, ref: str) -> str | None:
    """The segment of the title ``ref`` that the heading ``h`` is, with a word or a counter stuck to it
    ("原创…", "…241"): that segment is the headline."""
    fh = _fold(h)
    inner = [p for p in _title_parts(ref) if len(p) >= 4 and len(p) >= 0.6 * len(h) and _stuck(_fold(p), fh)]
    return inner[0] if inner else None


# The first item of a byline box under a headline: 发布时间：…, 来源：…, 作者：….
_BYLINE_START = re.compile(r"^(?:发布时间|发布日期|发表时间|发稿时间|信息来源|来源|作者|时间|日期)\s*[:：]")
_TITLE_NAME = re.compile(r"title|headline|(?:^|[\s_-])(?:tit|bt|biaoti)(?:$|[\s_-])", re.I)
_INLINE = frozenset(("span", "b", "i", "em", "strong", "font", "a", "small", "label", "cite", "time"))
_BREADCRUMB = re.compile(r"首页|当前位置|您的位置|>|》|»")


def _heading_above_byline(tree: lxml_html.HtmlElement) -> str | None:
    """The text right above the page's first byline box (``<h5>标题</h5><div>发布时间：…</div>``).

    Portal templates often show the headline in a plain element (a ``<div
    class="rumor-title">``, an ``<h5>``) whose ``<title>`` is only the site's or channel's
    name; the line above the byline is the headline the reader sees.
    """
    body = tree.find("body")
    for count, el in enumerate(body.iter() if body is not None else ()):
        if count > 4000:
            return None
        if not isinstance(el.tag, str) or not _BYLINE_START.match(_norm(el.text)):
            continue
        box = el
        while box.tag in _INLINE and box.getparent() is not None:
            box = box.getparent()  # the byline's block (<div><b>发布时间：…</b> <i>来源：…</i></div>)
        for _ in range(3):
            prev = box.getprevious()
            while prev is not None and not _norm(prev.text_content()):
                prev = prev.getprevious()
            if prev is not None:
                text = _norm(prev.text_content())
                # Only a heading or an element named for the title: a caption, a summary or a
                # channel name can sit above a byline too.
                titled = prev.tag in ("h2", "h3", "h4", "h5", "h6") or _TITLE_NAME.search(
                    f"{prev.get('class', '')} {prev.get('id', '')}")
                if titled and 4 <= len(text) <= 100 and not _BYLINE_START.match(text) and not _BREADCRUMB.search(text):
                    return text
                return None
            box = box.getparent()
            if box is None:
                return None
        return None
    return None


# A bracketed part of a title: a tag such as "（图）", "[视频]", "【独家】".
_BRACKETED = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")


def _letters(text: str) -> str:
    """Only letters and digits, width-folded (NFKC) and casefolded: a headline split into a kicker
    and a line, set in capitals, or printed in full-width digits ("２０２４年") is still the same words."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _shown(tree: lxml_html.HtmlElement, text: str) -> bool:
    """Is ``text`` printed in the page's body (not only in its ``<title>`` or scripts)?

    Compared on letters and digits only, so that "Einsatz in Bremervörde: Polizei …" counts as
    printed where the page sets the kicker and the line in two elements.
    """
    body = tree.find("body")
    if body is None:
        return False
    parts = []
    for el in body.iter():
        if el.text and el.tag not in ("script", "style") and isinstance(el.tag, str):
            parts.append(el.text)
        if el.tail and el is not body:
            parts.append(el.tail)
    wanted = _letters(text)
    return bool(wanted) and wanted in _letters(" ".join(parts))


# Links outside the page's <h1>s: the menu, the breadcrumb, the sidebar.
_OTHER_LINKS = etree.XPath("//body//a[@href][not(ancestor::h1)]")


def _place_names(tree: lxml_html.HtmlElement, url: str) -> set[str]:
    """Folded texts of the links to other pages: the names of the site's columns and sections.

    A government portal's article template prints its column (要闻动态, 政务要闻) as an ``<h1>``
    and links it from the menu and the 当前位置 breadcrumb; a headline is a link's text only where
    the page links to itself (a blog's "recent posts"), which is not counted.
    """
    page = url.split("#")[0]
    names = set()
    for a in _OTHER_LINKS(tree)[:3000]:
        href = a.get("href", "").strip()
        if not href or href.startswith(("#", "javascript:")) or (page and urljoin(page, href).split("#")[0] == page):
            continue
        text = _fold(_norm(a.text_content()))
        if text:
            names.add(text)
    return names


def find_title(tree: lxml_html.HtmlElement, url: str = "") -> str:
    """The headline: the visible heading the ``<title>``/og:title confirms, else the cleaned title.

    Headings are tried in order — ``<h1>``s first — each against every reference, so an
    ``<h1>`` the og:title confirms wins over a breadcrumb that happens to match the start
    of the ``<title>``. An ``<h1>`` worded differently from the references but telling the
    same story (most words shared) is the headline the reader sees, and wins over them.
    ``url`` is the page's own address (a link to it is not a link to another page).
    """
    metas = dict(_meta_content(tree))
    raw_title = _norm(" ".join(tree.xpath("//title//text()")[:3]))
    og = _norm(metas.get("og:title") or metas.get("twitter:title") or metas.get("articletitle") or "")
    references = [t for t in (raw_title, og) if t]
    # <h1>s first, then the other title-like elements in page order: a site menu of
    # dozens of class="…title…" items must not push the headline out of the 40 looked at.
    h1s = [h for h in (_norm(e.text_content()) for e in _H1(tree)[:10]) if 2 <= len(h) <= 120]
    seen = set(_H1(tree)[:10])
    others = [_norm(e.text_content()) for e in _TITLE_LIKE(tree)[:40] if e not in seen][:50 - len(seen)]
    others = [h for h in others if 2 <= len(h) <= 120]
    for h in h1s:
        for ref in references:
            found = _confirmed(h, ref, h1=True)
            if found:
                return found
    for h in h1s:
        for ref in references:
            if _same_story(h, clean_title(ref)):
                return _stuck_segment(h, ref) or _TITLE_PREFIX.sub("", h)
    for h in others:
        for ref in references:
            found = _confirmed(h, ref, h1=False)
            if found:
                return found
    h1 = [h for h in h1s if len(h) >= 4]
    fallback = clean_title(og) if og else clean_title(raw_title) if raw_title else ""
    site_like = len(fallback) < 4 or fallback[:1] in "-_|" or bool(_SITE_WORDS.search(fallback))
    if h1 and site_like:
        return h1[0]  # the <title> names only the site ("-铜雀历史网"): the page's own heading
    # A tag of the <title> ("（图）", "[视频]", "【独家】") is often left out of the heading the page prints.
    printed = not site_like and _shown(tree, _BRACKETED.sub("", fallback))
    # The site's name as the <title> carries it after the headline ("… - Daily Bugle"), or as a
    # logo <h1> words it ("辽宁政府网" beside "…_辽宁省人民政府"): never the headline.
    site_names = {_fold(p) for ref in references for p in _title_parts(ref)[1:]}
    own = [h for h in h1 if _fold(h) not in site_names and not _SITE_WORDS.search(h)]
    if own and not printed:
        # A column's name (an <h1> the menu or breadcrumb links elsewhere) is no headline either:
        # the headline is a picture there (TRS/Hanweb portals), and the <title> carries its words.
        places = _place_names(tree, url)
        own = [h for h in own if _fold(h) not in places]
    if own and not printed:
        # The title is printed nowhere on the page (an SEO title, a transliteration of the
        # headline, another post's title left in a blog's <head>): the reader sees the <h1>.
        return own[0]
    if not h1 and not printed:
        # No heading confirms the title, and the title names the site or is printed nowhere
        # on the page ("科普中国-辟谣文章"): the line above the byline is the headline shown.
        above = _heading_above_byline(tree)
        if above:
            return above
    return fallback or (h1[0] if h1 else "")


# ---------------------------------------------------------------- source, author

_STOP = r"(?=\s|$|[|｜/,，;；]|作者|编辑|责任编辑|记者|发布|时间|日期|浏览|阅读|点击|字号|【|\[|\(|（)"
_SOURCE = re.compile(r"(?:来源|来自|出处|稿源|Source)\s*[:：]\s*(.{2,30}?)" + _STOP)
_AUTHOR = re.compile(
    r"(?:作者|记者|撰稿|撰文|文|通讯员|By)\s*[:：/]\s*"
    r"((?:[\u4e00-\u9fff·]{2,5}|[A-Za-z][A-Za-z .'-]{1,40}?)(?:[ 、,，]+[\u4e00-\u9fff·]{2,4}){0,3})" + _STOP
)
_AUTHOR_BARE = re.compile(r"(?:本报|本台|本网|新华社|中新社)?记者\s+([\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,3})" + _STOP)


def find_source(tree: lxml_html.HtmlElement, header_text: str) -> str | None:
    """The 来源 (originating outlet) of the article, e.g. ``"辽宁日报"``."""
    m = _SOURCE.search(header_text)
    if m:
        value = m.group(1).strip(" ：:-—·").strip()
        if value and not re.fullmatch(r"[\d\-/: .]+", value):
            return value
    metas = dict(_meta_content(tree))
    for key in ("contentsource", "source", "og:site_name", "article:publisher"):
        value = _norm(metas.get(key))
        if value and len(value) <= 30 and not value.startswith("http"):
            return value
    return None


def find_author(tree: lxml_html.HtmlElement, header_text: str) -> str | None:
    """The author or reporter named in the byline (作者/记者/文/通讯员), else None."""
    for pattern in (_AUTHOR, _AUTHOR_BARE):
        m = pattern.search(header_text)
        if m:
            return _norm(m.group(1))
    metas = dict(_meta_content(tree))
    candidates: Iterable[str] = [metas.get("author", ""), metas.get("article:author", ""), *_jsonld_values(tree, "author")]
    for value in candidates:
        value = _norm(value)
        if (
            value and len(value) <= 30 and not value.startswith("http")
            and not _SITE_WORDS.search(value) and re.search(r"[^\W\d_]", value)
        ):
            return value
    return None


# ---------------------------------------------------------------- canonical url, lang

def find_canonical_url(tree: lxml_html.HtmlElement, url: str) -> str | None:
    """Absolute ``<link rel=canonical>`` (or og:url) target, else None."""
    hrefs = [str(h) for h in tree.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")]
    hrefs += [c for k, c in _meta_content(tree) if k == "og:url"]
    for href in hrefs:
        href = href.strip()
        if href and not href.startswith(("javascript:", "#")):
            try:
                return urljoin(url or "", href)
            except ValueError:
                continue
    return None


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def find_lang(tree: lxml_html.HtmlElement, text: str) -> str | None:
    """Language of the text: ``"zh"`` when Chinese characters dominate, else the page's ``lang``."""
    sample = text[:3000]
    cjk, latin = len(_CJK.findall(sample)), len(_LATIN.findall(sample))
    if cjk and cjk * 3 >= latin:
        if re.search(r"[ぁ-んァ-ン]", sample):
            return "ja"
        return "zh"
    declared = (tree.get("lang") or tree.get("xml:lang") or "").strip().lower()
    if declared:
        return declared.split("-")[0].split("_")[0] or None
    if latin:
        return "en"
    return None

