"""Stories in traditional characters (繁體: big5 gateways of mainland portals, the Hong Kong and
Taiwan press) read as simplified ones, so one set of rules and one division table serves both.

The conversion is OpenCC's (``t2s``, phrase-aware), not a hand-typed character table. It runs only
on a story written in traditional characters: converting simplified text is not a no-op
(陕西乾县 would become 干县, 著 着), so the story's script is decided first from a sample.
"""

from __future__ import annotations

import functools
import operator
import re
from typing import Optional

import opencc

__all__ = ["is_traditional", "simplified", "to_simplified", "without_glosses"]

# A pinyin reading written after a character ("鎮(zhèn)江", "項(xiàng)目", "開(kāi)工"): some mirrors of portals annotate
# the characters they converted so, splitting every name and word the rules read. A reading has a tone mark (or ü),
# which no bracketed English word or code has: "(zhèn)" goes, "(Farizon)", "(00175)" and "(Singapore)" stay.
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
# Other mirrors write the readings without tones ("投(tou)(tou)資12.5億(yi)元", "新(xin)邵縣"): a bracketed syllable of pinyin
# right after a character. One such bracket may be a word of English ("(an)", "(me)"); a mirror writes dozens, so they go
# only when a text has at least _TONELESS_SEEN of them.
_TONELESS_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])(?:[(（](?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
                             r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo"
                             r"|a|e|i|o|u|v)[)）])+")  # (written twice at times: "千(qian)(qian)瓦")
_TONELESS_SEEN = 3

# Variants OpenCC's t2s leaves as they are though big5 pages print them for the simplified character: 陜 (a variant of
# 陝, the 陕 of 陕西, 陕州区) in "河南陜州區".
_VARIANTS = str.maketrans({"陜": "陕"})
# (Session 63) Words big5 gateways write in Taiwan's usage for the mainland story they copy, read back in its own: "专案" is
# a project there ("重大招商專案…参与签约專案共8个"). Same length, so offsets hold; only for a story written in traditional
# characters (a mainland page's own 专案 is a special case, "专案组").
_MAINLAND_WORDS = {"专案": "项目"}
_TAIWAN_WORDS = re.compile("|".join(map(re.escape, _MAINLAND_WORDS)))

# Enough text to tell the script (a story does not switch scripts halfway), and little enough that
# the two conversions below cost a few hundredths of a millisecond.
_SAMPLE = 500
_SURROGATE = re.compile("[\ud800-\udfff]")


@functools.lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _changed(text: str, config: str) -> int:
    converted = _converter(config).convert(text)
    if len(converted) != len(text):  # one character for one in practice; count the length change if not
        return abs(len(converted) - len(text)) + 1
    return sum(map(operator.ne, text, converted))


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters, decided on its first ``_SAMPLE``.

    Each script has characters only the other converter changes: traditional text loses many to
    ``t2s`` (縣, 項, 開) and few to ``s2t``; simplified text the other way round, however many of
    the ambiguous characters (乾, 著, 於) a short story repeats.
    """
    sample = text[:_SAMPLE]
    traditional = _changed(sample, "t2s")
    return traditional >= 2 and traditional > _changed(sample, "s2t")


def without_glosses(text: str, toneless: Optional[bool] = None) -> str:
    """``text`` without pinyin readings written after its characters (see _GLOSS); readings without tones too when
    ``toneless`` says the page writes them (None: when ``text`` has _TONELESS_SEEN of them, see _TONELESS_GLOSS)."""
    if "(" not in text and "（" not in text:
        return text
    text = _GLOSS.sub("", text)
    if toneless is None:
        toneless = writes_toneless_glosses(text)
    return _TONELESS_GLOSS.sub("", text) if toneless else text


def writes_toneless_glosses(text: str) -> bool:
    """Whether ``text`` (its first few thousand characters: bounded) has readings without tones after its characters."""
    return len(_TONELESS_GLOSS.findall(text, 0, _SAMPLE * 4)) >= _TONELESS_SEEN


def simplified(text: str) -> str:
    """``text`` converted to simplified characters whatever script it is in: a short name a user typed (``大連``), too
    short for :func:`is_traditional` to tell."""
    converted: str = _converter("t2s").convert(_SURROGATE.sub("\ufffd", text))
    return converted.translate(_VARIANTS)


def to_simplified(title: str, body: str) -> tuple[str, str]:
    """``(title, body)`` in simplified characters when the story is written in traditional ones, else as is;
    pinyin readings after characters are dropped first (see _GLOSS)."""
    # A lone surrogate (a page decoded with surrogateescape, a broken JSON escape) has no UTF-8 form, and OpenCC encodes
    # its input: each is replaced by U+FFFD, one character for one, so the text's offsets hold.
    title, body = _SURROGATE.sub("\ufffd", title), _SURROGATE.sub("\ufffd", body)
    # (A headline has too few readings to tell on its own: the body tells for both.)
    toneless = writes_toneless_glosses(title + "\n" + body[:_SAMPLE * 4])
    title, body = without_glosses(title, toneless), without_glosses(body, toneless)
    if not is_traditional(title + "\n" + body[:_SAMPLE]):  # the sample only: no copy of a long body
        return title, body
    convert = _converter("t2s").convert
    return _mainland(convert(title).translate(_VARIANTS)), _mainland(convert(body).translate(_VARIANTS))


def _mainland(text: str) -> str:
    """A converted text with Taiwan's words for the mainland's (_MAINLAND_WORDS), each of the same length."""
    return _TAIWAN_WORDS.sub(lambda found: _MAINLAND_WORDS[found.group()], text)
