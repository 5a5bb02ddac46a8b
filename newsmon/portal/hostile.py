"""Hostile pages (issue 13): the page classes that hurt a crawler, built at any size.

Shared by the fault suite (``tests/test_faults.py``, served by ``tests/services/hostile.py``)
and the worst-case cost benchmark (``bench/extract_budget.py``): a prose page of N bytes, N
short ``<p>``, N nested ``<div>``, a story of N random CJK characters, a list page of N links, a
gzip bomb, and an ordinary story page (the baseline, with the bundled portal's real-looking texts).
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import random
from pathlib import Path
from typing import Any

__all__ = [
    "PARA", "ordinary_article", "prose_page", "many_paragraphs_page", "nested_divs_page", "random_cjk_page",
    "link_list_page", "gzip_bomb",
]

PARA = "<p>第{0}段：沈抚示范区与三家企业集中签约新能源项目，总投资58亿元，预计年内开工建设，新增就业岗位{0}个。</p>"


def _head(title: str, date: str = "2023-04-05 09:30") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            f"<div class=info>发布时间：{date} 来源：本网</div>")


@functools.lru_cache(maxsize=1)
def _stories() -> list[dict[str, Any]]:
    with open(Path(__file__).with_name("articles.json"), encoding="utf-8") as f:
        data = json.load(f)
    return [a for name in ("liaoning-invest", "shenyang-gov", "dongbei-news") for a in data[name]]


def ordinary_article(title: str, paragraphs: int = 4, *, extra: str = "", story: int = 0) -> str:
    """An ordinary story page: ``title``, a date line, the paragraphs of the bundled portal's story
    number ``story`` (distinct real-looking texts, so two pages are not near-duplicates), ``extra``."""
    text = _stories()[story % len(_stories())]["paragraphs"][:paragraphs]
    body = "".join(f"<p>{p}</p>" for p in text)
    return _head(title) + f"<div class=content>{body}{extra}</div></body></html>"


def prose_page(size: int = 9_500_000, title: str = "全文实录：招商引资新闻发布会") -> bytes:
    """A story of ``size`` bytes of real-looking prose in ordinary paragraphs."""
    out, total, i = [_head(title), "<div class=content>"], 0, 0
    while total < size:
        p = PARA.format(i)
        out.append(p)
        total += len(p.encode("utf-8"))
        i += 1
    return ("".join(out) + "</div></body></html>").encode("utf-8")


def many_paragraphs_page(count: int = 200_000, title: str = "短句汇编：重点项目进展一览") -> bytes:
    """A story made of ``count`` very short ``<p>`` (the element budget's case)."""
    return (_head(title) + "<div class=content>" + "".join(PARA.format(i) for i in range(3))
            + "".join(f"<p>短句{i}。</p>" for i in range(count)) + "</div></body></html>").encode("utf-8")


def nested_divs_page(depth: int = 100_000, title: str = "深层嵌套：沈抚示范区项目签约") -> bytes:
    """A real story buried under ``depth`` nested ``<div>`` (libxml2 drops it below depth 256)."""
    story = "".join(PARA.format(i) for i in range(5))
    return (_head(title) + "<div>" * depth + story + "</div>" * depth + "</body></html>").encode("utf-8")


def random_cjk_page(chars: int = 100_000, title: str = "随机汉字：高新区项目签约实录", *, seed: int = 0,
                    alphabet: int = 6000, paragraph: int = 200) -> bytes:
    """A story of ``chars`` random CJK characters (from the first ``alphabet`` of U+4E00…) in paragraphs
    of ``paragraph`` characters: cheap to extract, but every character pair is a new search term and
    every 4-character shingle a new one, so it is the worst case of what happens after extraction
    (full-text index, near-duplicate signature, fact and alert matching). ``seed``: distinct stories."""
    rng = random.Random(seed)
    text = "".join(chr(0x4E00 + rng.randrange(alphabet)) for _ in range(chars))
    body = "".join(f"<p>{text[i:i + paragraph]}。</p>" for i in range(0, chars, paragraph))
    return (_head(title) + f"<div class=content>{body}</div></body></html>").encode("utf-8")


def link_list_page(count: int = 200_000, *, path: str = "/s/{}.html", text: str = "项目{}") -> bytes:
    """A list (栏目) page of ``count`` article links, each ``text`` with its number.

    The default short text keeps 200,000 links in 7.4 MB, under the 10 MiB response cap (the
    crawl test then needs ``article_url_pattern``: such short texts are not headlines); the
    benchmark passes a headline-length text, as a real column has.
    """
    rows = "".join(f"<a href={path.format(i)}>{text.format(i)}</a>" for i in range(count))
    return f"<html><head><meta charset=utf-8><title>招商动态</title></head><body>{rows}</body></html>".encode()


def gzip_bomb(inflated: int = 200 * 1024 * 1024) -> bytes:
    """``inflated`` bytes of zeros gzip-compressed (~1/1000 of that on the wire)."""
    buf = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz:
        for _ in range(inflated // len(chunk)):
            gz.write(chunk)
    return buf.getvalue()
