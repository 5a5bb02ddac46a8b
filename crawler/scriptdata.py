"""Lists held as JavaScript data: ``var itemObj = [{"title": …, "url": …}]``, ``window.__INITIAL_STATE__ = {…}``.

Some portals ship the list as a literal inside a ``<script>`` and let a
template draw it. We parse each literal with chompjs (JavaScript object
syntax — unquoted keys, single quotes, trailing commas — without running any
code) and walk it for objects that pair a URL-valued field with a
title-like field (and a date-like one when present).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterator, Optional
from urllib.parse import urljoin

from .links import date_in_text

__all__ = ["ScriptItem", "script_items"]

# Where a literal starts: an assignment or a JSON.parse/ a call's first argument.
_LITERAL_START = re.compile(r"(?:=|\(|:)\s*([\[{])")
_URL_KEY = re.compile(r"^(url|link|href|path|uri|docurl|linkurl|articleurl|detailurl|pageurl|weburl|htmlurl|shareurl|pcurl|contenturl|infourl|docpuburl)$", re.IGNORECASE)
_TITLE_KEY = re.compile(r"^(title|name|headline|subject|doctitle|articletitle|infotitle|text|label|topic|maintitle)$", re.IGNORECASE)
_DATE_KEY = re.compile(r"(date|time|pub|publish|created|ctime|releas|updated|modified)", re.IGNORECASE)
_NOT_PAGE = re.compile(r"\.(jpe?g|png|gif|webp|svg|ico|css|js|mp4|mp3|pdf|docx?|xlsx?|zip|rar)(\?|$)", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
MAX_SCRIPT_CHARS = 2_000_000  # script text looked at per page (a bound on work, not on sane pages)
_MAX_ITEMS = 2000


@dataclass(frozen=True)
class ScriptItem:
    """One list entry found in script data."""

    url: str
    title: str
    date: Optional[str]


def _looks_like_url(value: str) -> bool:
    value = value.strip()
    if not value or " " in value or len(value) > 2000 or _NOT_PAGE.search(value):
        return False
    return value.startswith(("http://", "https://", "/", "./", "../")) or bool(re.search(r"\.s?html?(\?|$)", value))


def _date_of(value: Any) -> Optional[str]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds or seconds
        if 9e8 < seconds < 4.1e9:
            from newsmon.clock import SHANGHAI

            return datetime.fromtimestamp(seconds, timezone.utc).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
        return None
    if isinstance(value, str):
        return date_in_text(value)
    return None


def _item(obj: dict[str, Any], base_url: str) -> Optional[ScriptItem]:
    url = title = None
    date: Optional[str] = None
    for key, value in obj.items():
        key = str(key)
        if url is None and isinstance(value, str) and _URL_KEY.match(key) and _looks_like_url(value):
            url = urljoin(base_url, value.strip())
        elif title is None and isinstance(value, str) and _TITLE_KEY.match(key) and value.strip():
            title = " ".join(_TAG.sub("", value).split())
        elif date is None and _DATE_KEY.search(key):
            date = _date_of(value)
    if url and title:
        return ScriptItem(url, title, date)
    return None


def _walk(value: Any, base_url: str, depth: int = 0) -> Iterator[ScriptItem]:
    if depth > 12:
        return
    if isinstance(value, dict):
        item = _item(value, base_url)
        if item is not None:
            yield item
        for child in value.values():
            if isinstance(child, (dict, list)):
                yield from _walk(child, base_url, depth + 1)
    elif isinstance(value, list):
        for child in value:
            if isinstance(child, (dict, list)):
                yield from _walk(child, base_url, depth + 1)


def script_items(scripts: list[str], base_url: str) -> list[ScriptItem]:
    """List entries held in script literals, in order, one per URL.

    Only lists count: an object is taken when at least two of its kind
    (URL + title) sit in the same literal, so a lone ``{url, title}`` of
    page metadata is not an article list.
    """
    import chompjs

    out: dict[str, ScriptItem] = {}
    budget = MAX_SCRIPT_CHARS
    for script in scripts:
        if budget <= 0:
            break
        script = script[:budget]
        budget -= len(script)
        position = 0
        while len(out) < _MAX_ITEMS:
            match = _LITERAL_START.search(script, position)
            if not match:
                break
            start = match.start(1)
            try:
                value: Any = chompjs.parse_js_object(script[start:])
            except (ValueError, TypeError, RecursionError):
                position = start + 1
                continue
            found = list(_walk(value, base_url))
            if len(found) >= 2:
                for item in found:
                    out.setdefault(item.url, item)
            # Skip past this literal (its length is unknown: move on past the next statement end).
            end = script.find(";", start)
            position = end + 1 if end > start else len(script)
    return list(out.values())
