"""Investment amounts in Chinese news text: ``总投资41亿元``, ``三千万元``, ``1.2亿美元``.

Numerals go through cn2an (Chinese and mixed numerals); this module only decides which
amount is the project's investment. An amount counts when an investment word stands before
it in the same clause (总投资, 计划投资, 投资额 …) and no other measure (年产值, 营业收入,
实际使用外资 …) stands between them. A story about many projects (``32个项目…总投资156亿元``)
gives the total it states, as ``kind="roundup"``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

import cn2an

__all__ = ["Amount", "CNY_RATES", "find_investment", "parse_amount"]

# Approximate yuan per unit, for comparing amounts across currencies (``--min-amount``,
# ``min_amount`` rules). Documented in docs/facts.md; exact conversion is not the point.
CNY_RATES = {"CNY": 1.0, "USD": 7.1, "EUR": 7.7, "JPY": 0.047, "HKD": 0.91, "GBP": 9.0, "KRW": 0.0051}

_CURRENCIES = {
    "元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "港元": "HKD", "港币": "HKD",
    "英镑": "GBP", "韩元": "KRW",
}
_UNITS = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
_CN_DIGITS = "零〇一二两三四五六七八九十百千"

_AMOUNT = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*|[" + _CN_DIGITS + r"]+(?:点[零〇一二三四五六七八九]+)?)"
    r"\s*(?P<unit>万亿|千亿|百亿|亿|千万|百万|万)?\s*"
    r"(?P<cur>人民币|美元|欧元|日元|港元|港币|英镑|韩元|元)?"
)
# Words that make the amount after them an investment.
_INVEST = re.compile(r"(总投资额?|投资总额|计划投资|拟投资|预计投资|项目投资|固定资产投资|投资额|总投入|投资约|投资达|"
                     r"投资超|投资逾|投资近|投资规模|投资)")
# Other measures: an amount after one of these (in the same clause) is not the investment.
_OTHER = re.compile(
    r"(年产值|产值|营业收入|营收|销售收入|销售额|主营业务收入|收入|利润|利税|税收|纳税|实际使用外资|实际利用外资|利用外资|"
    r"使用外资|到位资金|融资|贷款|授信|补贴|奖励|注册资本|中标金额|合同金额|成交额|交易额|出口额|进口额|进出口|"
    r"生产总值|增加值|GDP|市值|估值|资产总额|总资产|产能)"
)
_CLAUSE_BREAK = re.compile(r"[。；;！？!?\n]")
# Several projects: "32个重点项目", "项目23个", "一批项目", "集中签约/开工".
_ROUNDUP = re.compile(
    r"(\d+|[" + _CN_DIGITS + r"]+)\s*[个项宗]\s*[\u4e00-\u9fff]{0,6}?项目|项目\s*(\d+|[" + _CN_DIGITS + r"]+)\s*[个项宗]"
    r"|一批[\u4e00-\u9fff]{0,6}?项目|集中(签约|开工|投产|竣工|开业)"
)
_TOTAL = re.compile(r"(总投资|投资总额|总额|合计|共计|累计|总计)")
# A sentence that compares periods or sums them up reports a statistic, not a project:
# "固定资产投资完成246.79亿元，同比增长15.3%", "双向投资额累计已超过260亿美元".
_STATISTIC = re.compile(r"(同比|环比|累计)")
# How far back an investment word may stand (characters, same clause).
_WINDOW = 16
# How far a clause or sentence reaches either side of an amount (characters): longer is no sentence.
_REACH = 300


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


def _number(num: str) -> Optional[float]:
    if num[0].isdigit():
        try:
            return float(num.replace(",", ""))
        except ValueError:
            return None
    try:
        value = cn2an.cn2an(num, "smart")
    except ValueError:
        return None
    return float(value)


def _to_amount(match: re.Match[str], kind: str) -> Optional[Amount]:
    unit, currency = match.group("unit"), match.group("cur")
    if not unit and not currency:
        return None  # a bare number is not an amount
    number = _number(match.group("num"))
    if number is None or number <= 0:
        return None
    # Rounded: 156.8 * 1e8 is 15680000000.000002 in binary floating point.
    value = round(number * _UNITS.get(unit or "", 1.0), 2)
    return Amount(value=value, currency=_CURRENCIES.get(currency or "元", "CNY"), text=match.group().strip(),
                  kind=kind)


def parse_amount(text: str) -> float:
    """An amount typed by a user (``10亿``, ``5000万``, ``1e9``, ``3千万元``) in yuan.

    Raises ``ValueError`` with one sentence when it is not an amount.
    """
    cleaned = text.strip()
    try:
        return float(cleaned)
    except ValueError:
        pass
    match = _AMOUNT.fullmatch(cleaned)
    amount = _to_amount(match, "project") if match else None
    if amount is None:
        raise ValueError(f"{text!r} is not an amount like 10亿, 5000万 or 1e9")
    return amount.cny


class _Marks:
    """Where one kind of punctuation stands in a text, found once: the clause or sentence around each
    amount is then a bisection, not a scan from the start of the text per amount (that was quadratic:
    a 100,000-character story of 3,600 amounts took 1.4 s of CPU here, more than its extraction)."""

    def __init__(self, text: str, marks: re.Pattern[str]) -> None:
        self.at = [found.start() for found in marks.finditer(text)]
        self.length = len(text)

    def start_before(self, pos: int) -> int:
        """Just after the last mark before ``pos`` (0 when there is none)."""
        i = bisect.bisect_left(self.at, pos)
        return self.at[i - 1] + 1 if i else 0

    def first_from(self, pos: int) -> int:
        """The first mark at or after ``pos`` (the text's length when there is none)."""
        i = bisect.bisect_left(self.at, pos)
        return self.at[i] if i < len(self.at) else self.length


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _investment_amounts(text: str) -> list[tuple[Amount, bool]]:
    """Amounts that an investment word introduces, with whether their clause is a roundup."""
    found: list[tuple[Amount, bool]] = []
    clauses = sentences = None
    for match in _AMOUNT.finditer(text):
        if not (match.group("unit") or match.group("cur")):
            continue
        if clauses is None or sentences is None:
            clauses, sentences = _Marks(text, _CLAUSE_BREAK), _Marks(text, _SENTENCE_END)
        start = match.start()
        # Clauses and sentences are read at most _REACH characters either side of the amount: a
        # text without punctuation would otherwise make each amount's "sentence" the whole text.
        clause_start = max(clauses.start_before(start), start - _REACH)
        clause = text[clause_start:start]
        window = clause[-_WINDOW:]
        invest = None
        for invest in _INVEST.finditer(window):
            pass
        if invest is None:
            continue
        between = window[invest.end():]
        if _OTHER.search(between) or re.search(r"\d", between):
            continue  # "投资项目年产值20亿元", or another number stands between word and amount
        # A roundup: the clause counts projects and states their total.
        sentence = text[clause_start:min(clauses.first_from(match.end()), match.end() + _REACH)]
        full_sentence = text[max(sentences.start_before(start), start - _REACH):
                             min(sentences.first_from(match.end()), match.end() + _REACH)]
        if _STATISTIC.search(full_sentence):
            continue
        is_roundup = bool(_ROUNDUP.search(sentence)) and bool(_TOTAL.search(clause) or "共" in clause)
        amount = _to_amount(match, "roundup" if is_roundup else "project")
        if amount is not None and amount.cny >= 1e5:  # below 10万元 is no project investment
            found.append((amount, is_roundup))
    return found


def find_investment(title: str, body: str) -> Optional[Amount]:
    """The project's investment the story states, or None.

    The headline's amount wins over the body's; in the body the first one does (the lead
    paragraph states the project, later ones often its phases or a comparison). A roundup's
    stated total wins over its single projects.
    """
    lead = next((p for p in body.splitlines() if p.strip()), "")
    # A story whose headline or lead counts several projects reports their total.
    roundup_story = bool(_ROUNDUP.search(title) or _ROUNDUP.search(lead))
    for text in (title, body):
        amounts = _investment_amounts(text)
        roundups = [a for a, is_roundup in amounts if is_roundup]
        if roundups:
            return roundups[0]
        if amounts:
            first = amounts[0][0]
            if roundup_story and (text is title or first.text in lead):
                return Amount(first.value, first.currency, first.text, "roundup")
            return first
    return None
