"""Money as news text writes it: ``41亿元``, ``三千万元``, ``1.2亿美元``, ``3000多万元``.

What an amount is (number, unit, currency, its value in yuan) and how a user types one; which amount
is a project's investment is ``facts.amounts``' business.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

import cn2an

__all__ = ["AMOUNT", "Amount", "CNY_RATES", "CN_DIGITS", "parse_amount", "to_amount"]

# Approximate yuan per unit, for comparing amounts across currencies (``--min-amount``,
# ``min_amount`` rules). Documented in docs/facts.md; exact conversion is not the point.
CNY_RATES = {"CNY": 1.0, "USD": 7.1, "EUR": 7.7, "JPY": 0.047, "HKD": 0.91, "GBP": 9.0, "KRW": 0.0051}

_CURRENCIES = {
    "元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "港元": "HKD", "港币": "HKD",
    "英镑": "GBP", "韩元": "KRW", "美金": "USD",  # 美金: the colloquial US dollar
}
_UNITS = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
CN_DIGITS = "零〇一二两三四五六七八九十百千"
AMOUNT = re.compile(
    # A sum written in two units ("一亿五千万元", "1亿5000万元", "三万五千元") is one number with its units inside.
    # ("1亿5千万元", "2亿零800万元", "一亿五千多万元", "6千多万元", "6千余万元": 多 and 余 are "over", read as the
    # round figure).
    r"(?P<num>(?P<compound>\d+(?:\.\d+)?亿零?\d+千?[多余]?万|\d+千[多余]万|[" + CN_DIGITS + r"]+亿[" + CN_DIGITS + r"]+多?万"
    r"|[" + CN_DIGITS + r"]+万[" + CN_DIGITS + r"]+(?=元))"
    r"|\d+(?:[.,]\d+)*|[" + CN_DIGITS + r"]+(?:点[零〇一二三四五六七八九]+)?"
    r"|(?<=[逾超近达破过])(?=万亿))"  # "总投资逾万亿元": one 万亿, its bound word before it
    # "200个亿", "200多个亿", "6个多亿": spoken Chinese counts 亿 like a thing (TV and interviews write it so)
    # (Not a class of projects counted: "签约15个亿元项目", "10个亿元以上项目" are 15 and 10 projects of over 亿元.)
    # ("1600 多万元": a page that spaces its figures, session 36)
    r"(?:\s?(?:多|余))?(?:个(?:多|余)?(?=(?:万亿|千亿|百亿|亿)(?!元(?:级|以上)?(?:重大|重点|产业|工业|招商)?项目|(?:级|以上)(?:重大|重点|产业|工业|招商)?项目)))?\s*(?P<unit>万亿|千亿|百亿|亿|千万|百万|万)?\s*(?:多|余)?"  # "3000多万元", "14亿多美元"
    r"(?P<cur>人民币|美元|美金|欧元|日元|港元|港币|英镑|韩元|元)?"
    # Not a currency the table has no rate for ("12亿元新台币", "1.2亿雷亚尔", "300亿澳门元"): no yuan.
    r"(?!元?(?:新台币|台币|澳门元|澳门币|澳元|加元|新加坡元|新元|卢布|卢比|雷亚尔|瑞士法郎|法郎|里拉|比索|泰铢|越南盾|林吉特|兰特"
    r"|迪拉姆|里亚尔|坚戈|印尼盾))"
)


@dataclass(frozen=True)
class Amount:
    """One investment amount as the story states it."""

    value: float  # in units of ``currency`` (yuan for CNY)
    currency: str  # ISO 4217
    text: str  # as written: "总投资41亿元" -> "41亿元"
    kind: str  # "project" or "roundup"

    @property
    def cny(self) -> float:
        """The amount in yuan at the approximate rates of :data:`CNY_RATES`."""
        return self.value * CNY_RATES.get(self.currency, 1.0)


_DIGIT_COMPOUND = re.compile(r"(\d+(?:\.\d+)?)亿零?(\d+)(千?)[多余]?万")
_DIGIT_THOUSANDS = re.compile(r"(\d+)千[多余]万")  # "6千多万元", "6千余万元": over 6 thousand 万, read as the round figure


def _number(num: str) -> Optional[float]:
    compound = _DIGIT_COMPOUND.fullmatch(num)
    if compound:
        ten_thousands = float(compound.group(2)) * (1000 if compound.group(3) else 1)
        return float(compound.group(1)) * 1e8 + ten_thousands * 1e4
    thousands = _DIGIT_THOUSANDS.fullmatch(num)
    if thousands:
        return float(thousands.group(1)) * 1e7
    num = num.replace("多", "")  # "一亿五千多万": cn2an reads no 多
    if num[0].isdigit():
        whole, *groups = num.split(".")[0].split(",")
        if groups and not all(len(group) == 3 for group in groups):
            # (session 50) Not thousands ("1,200.5万元" is): a comma typed for the decimal point ("项目总投资约37,7亿元"),
            # read as one where a single comma stands between digits and no point follows; anything else is no number.
            if len(groups) > 1 or "." in num:
                return None
            num = whole + "." + groups[0]
        try:
            return float(num.replace(",", ""))
        except ValueError:
            return None
    try:
        value = cn2an.cn2an(num, "smart")
    except ValueError:
        return None
    return float(value)


# (session 50) A currency written before the figure ("预计项目总投资约港币20亿元", "其中美元3000万", "港币约20亿元"): the
# figure's own 元 is that currency's, not the yuan's. Not 人民币 (the yuan: no change) nor a figure after a conversion to
# it ("1亿美元，折合人民币7亿元").
_CURRENCY_BEFORE = re.compile(r"(?:港币|港元|美元|美金|欧元|日元|英镑|韩元)\s?(?:约|计|共)?\s?$")


def to_amount(match: re.Match[str], kind: str, written: Optional[str] = None) -> Optional[Amount]:
    unit, currency = match.group("unit"), match.group("cur")
    if currency in (None, "元"):
        before = _CURRENCY_BEFORE.search(match.string, max(match.start() - 5, 0), match.start())
        if before:
            currency = before.group().strip(" 约计共")
    if not unit and not currency and not match.group("compound"):
        return None  # a bare number is not an amount
    num = match.group("num")
    over = match.group()[match.group().index(num) + 1:].lstrip()[:1] in ("余", "多") if num else False
    if num in ("百", "千") and (unit == "亿" or unit == "万" and over):
        num = "一" + num  # "超百亿元", "千亿元": one hundred, one thousand 亿 (cn2an wants 一千); "百余万元", "千多万元"
        # (session 54): over one hundred, one thousand 万, read as the round figure as "200余万元" is.
        # "近千万元", "上百万元" stay unread: customary vague sizes of small spending
    number = _number(num) if num else 1.0  # (a bare "万亿" after its bound word: AMOUNT)
    if number is None or number <= 0:
        return None
    # Rounded: 156.8 * 1e8 is 15680000000.000002 in binary floating point.
    value = round(number * _UNITS.get(unit or "", 1.0), 2)
    return Amount(value=value, currency=_CURRENCIES.get(currency or "元", "CNY"),
                  text=written if written is not None else match.group().strip(), kind=kind)


def parse_amount(text: str) -> float:
    """An amount typed by a user (``10亿``, ``5000万``, ``1e9``, ``3千万元``) in yuan.

    Raises ``ValueError`` with one sentence when it is not an amount.
    """
    cleaned = text.strip()
    try:
        number = float(cleaned)
    except ValueError:
        pass
    else:
        if not math.isfinite(number) or number < 0:  # nan matches nothing, -5 everything: neither is what was meant
            raise ValueError(f"{text!r} is not an amount: give one of at least 0, like 10亿, 5000万 or 1e9")
        return number
    from .script import simplified

    match = AMOUNT.fullmatch(cleaned) or AMOUNT.fullmatch(simplified(cleaned))  # 10億 as 10亿
    amount = to_amount(match, "project") if match else None
    if amount is None:
        raise ValueError(f"{text!r} is not an amount like 10亿, 5000万 or 1e9")
    return amount.cny
