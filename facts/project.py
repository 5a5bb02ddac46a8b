"""The project's name phrase, where the story states one (``年产10万吨氢能装备项目``)."""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["find_project"]

# A name: CJK/Latin/digits and the punctuation names use, ending in 项目, at most 40 characters.
_PROJECT = re.compile(r"([\u4e00-\u9fffA-Za-z0-9（）()·\-—万吨亿兆瓦]{3,40}?项目)")
# Words that start a clause, not a name: cut the phrase after the last of them.
_LEAD = re.compile(r"^.*?(签约|开工|投产|竣工|落户|建设|推进|启动|实施|举行|引进|总投资|投资|的|与|和|及|暨)")
# Leading dates and amounts are not part of a name: "2023年重点项目", "1.2亿美元光伏项目".
_LEADING = re.compile(r"^(\d{4}年度?|[\d.]+(万亿|亿|千万|百万|万)?(美元|欧元|日元|港元|元)?|第[一二三四五六七八九十\d]+批)+")
_GENERIC = re.compile(r"^(重大|重点|产业|招商|签约|合作|一批|多个|该|本|这个|此|新|大|好)*项目$|^\d*个|个项目$|^批")


def find_project(title: str, body: str) -> Optional[str]:
    """The first specific project name in the headline, else in the lead paragraph."""
    lead = next((p for p in body.splitlines() if p.strip()), "")
    for text in (title, lead):
        for match in _PROJECT.finditer(text):
            phrase = match.group(1)
            trimmed = _LEAD.sub("", phrase)
            while trimmed != phrase:
                phrase, trimmed = trimmed, _LEAD.sub("", trimmed)
            phrase = _LEADING.sub("", phrase)
            if len(phrase) >= 5 and not _GENERIC.search(phrase):
                return phrase
    return None
