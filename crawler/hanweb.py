"""Hanweb (大汉) jcms jpage columns: records in an XML datastore, more pages from dataproxy.jsp.

A jcms column page does not carry its list in the markup. It holds::

    <script type="text/xml"><datastore>
      <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=…&unitid=…">]]></nextgroup>
      <recordset><record><![CDATA[<li><a href="/art/2023/4/7/art_5123_987654.html">…</a><span>2023-04-07</span></li>]]></record>…
    </recordset></datastore></script>

followed by ``$('#id').jpage({perPage: 15, totalRecord: 57, proxyUrl: "/module/web/jpage/dataproxy.jsp",
groupSize: 3, ajaxParam: {col: 1, appid: 1, webid: 1, path: '/', columnid: 5123, …}})``. The browser
script then asks ``dataproxy.jsp?startrecord=46&endrecord=90&perpage=15`` with the ajaxParam fields as
form data; the answer is ``<datastore><totalrecord>57</totalrecord><totalpage>4</totalpage><recordset>…``.

We unwrap the CDATA records as markup and build the next request as one GET
URL carrying the window and every ajaxParam field (jcms reads request
parameters from the query and the form body alike), so the crawler fetches it
like any list page: with conditional GET, ``max_list_pages`` and the
incremental stop. Variants: ``page=N`` instead of the record window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["Datastore", "find_datastore", "is_datastore_xml", "is_proxy_url", "next_proxy_url", "post_form"]

_DATASTORE = re.compile(r"<datastore\b.*?</datastore>", re.DOTALL | re.IGNORECASE)
_RECORD = re.compile(r"<record\b[^>]*>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>", re.DOTALL | re.IGNORECASE)
_NEXTGROUP = re.compile(r"<nextgroup\b[^>]*>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</nextgroup>", re.DOTALL | re.IGNORECASE)
_HREF = re.compile(r"href\s*=\s*['\"]([^'\"]+)['\"]", re.IGNORECASE)
_TOTAL_RECORD = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.IGNORECASE)
_TOTAL_PAGE = re.compile(r"<totalpage>\s*(\d+)\s*</totalpage>", re.IGNORECASE)
_JPAGE = re.compile(r"\.jpage\s*\(\s*\{", re.IGNORECASE)
_DEFAULT_PROXY = "/module/web/jpage/dataproxy.jsp"
_DEFAULT_PER_PAGE = 15
_DEFAULT_GROUP = 3


@dataclass
class Datastore:
    """What one datastore holds: record markup in order, and where the next records are."""

    records: list[str]
    total_records: Optional[int] = None
    total_pages: Optional[int] = None
    next_group: Optional[str] = None  # the <nextgroup> href, absolute
    jpage: dict[str, Any] = field(default_factory=dict)  # the jpage({...}) options, when found


def is_datastore_xml(text: str) -> bool:
    """True if ``text`` is a dataproxy.jsp answer (an XML datastore, not an HTML page)."""
    head = text.lstrip()[:300].lower()
    return head.startswith("<datastore") or (head.startswith("<?xml") and "<datastore" in head)


def _cdata(match: "re.Match[str]") -> str:
    return match.group(1) if match.group(1) is not None else (match.group(2) or "")


def _jpage_options(text: str) -> dict[str, Any]:
    match = _JPAGE.search(text)
    if not match:
        return {}
    import chompjs  # parses JavaScript object literals (unquoted keys, single quotes) without running them

    try:
        options: Any = chompjs.parse_js_object(text[match.end() - 1 : match.end() - 1 + 20000])
    except (ValueError, TypeError):
        return {}
    return options if isinstance(options, dict) else {}


def find_datastore(text: str, page_url: str) -> Optional[Datastore]:
    """The jpage datastore of a column page or dataproxy.jsp answer, or None when there is none."""
    match = _DATASTORE.search(text)
    if not match:
        return None
    block = match.group(0)
    records = [_cdata(m) for m in _RECORD.finditer(block)]
    store = Datastore(records)
    total = _TOTAL_RECORD.search(block)
    pages = _TOTAL_PAGE.search(block)
    store.total_records = int(total.group(1)) if total else None
    store.total_pages = int(pages.group(1)) if pages else None
    nextgroup = _NEXTGROUP.search(block)
    if nextgroup:
        href = _HREF.search(_cdata(nextgroup))
        if href:
            store.next_group = urljoin(page_url, href.group(1).replace("&amp;", "&"))
    store.jpage = _jpage_options(text)
    if store.total_records is None and isinstance(store.jpage.get("totalRecord"), (int, str)):
        try:
            store.total_records = int(store.jpage["totalRecord"])
        except ValueError:
            pass
    return store


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def next_proxy_url(store: Datastore, page_url: str) -> Optional[str]:
    """The dataproxy.jsp GET URL with the records after this datastore's, or None when there are no more."""
    parts = urlsplit(page_url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    got = len(store.records)
    if "startrecord" in query or "endrecord" in query:
        # A dataproxy answer for a record window: shift the window.
        start = _int(query.get("startrecord"), 1)
        end = _int(query.get("endrecord"), start + got - 1)
        size = max(end - start + 1, 1)
        if got == 0 or (store.total_records is not None and end >= store.total_records):
            return None
        query.update(startrecord=str(end + 1), endrecord=str(end + size))
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    if "page" in query and _DEFAULT_PROXY.rsplit("/", 1)[1] in parts.path:
        # The page=N variant.
        number = _int(query.get("page"), 1)
        if got == 0 or (store.total_pages is not None and number >= store.total_pages):
            return None
        if store.total_pages is None and store.total_records is not None and got and number * got >= store.total_records:
            return None
        query["page"] = str(number + 1)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    # A column page: its first group is embedded; the next group comes from the proxy.
    options = store.jpage
    if options:
        per_page = _int(options.get("perPage"), _DEFAULT_PER_PAGE)
        group = _int(options.get("groupSize"), _DEFAULT_GROUP)
        if store.total_records is not None and got >= store.total_records:
            return None
        if got == 0:
            return None
        size = max(got, per_page * group)
        proxy = urljoin(page_url, str(options.get("proxyUrl") or _DEFAULT_PROXY))
        params: dict[str, str] = {"startrecord": str(got + 1), "endrecord": str(got + size), "perpage": str(per_page)}
        ajax = options.get("ajaxParam")
        if isinstance(ajax, dict):
            params.update({str(k): str(v) for k, v in ajax.items()})
        return proxy + ("&" if "?" in proxy else "?") + urlencode(params)
    if store.next_group and (store.total_records is None or got < store.total_records):
        return store.next_group
    return None


_WINDOW = ("startrecord", "endrecord", "perpage")


def is_proxy_url(url: str) -> bool:
    """True for a jcms data proxy URL (``…/dataproxy.jsp?…``)."""
    return urlsplit(url).path.lower().endswith("/dataproxy.jsp")


def post_form(url: str, form: Optional[dict[str, str]] = None) -> tuple[str, dict[str, str]]:
    """The POST a browser's jpage sends for ``url``: the record window in the query, the rest as form data.

    For a jcms that answers GET with 405: ``form`` carries the fields of an
    earlier POST when ``url`` (a next window) holds the window only.
    """
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    window = {k: v for k, v in query.items() if k in _WINDOW}
    fields = dict(form or {})
    fields.update({k: v for k, v in query.items() if k not in _WINDOW})
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(window), "")), fields
