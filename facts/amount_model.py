"""Whether the rules' investment figure is the story's project investment, weighed by weights learned from labelled
real pages (session 25).

The rules of :mod:`facts.amounts` read each money figure with an investment word before it and drop those they know are
no project's investment (statistics, output, a year's slice, a fund…); ``find_investment`` then takes the headline's or
the first paragraphs' figure. On fresh real pages they state a figure for one in five stories whose readers label none
(79.5% of held-out I's no-amount stories right): a city's year summary naming its works' figures, a feature touring
several works, a province's list of key projects, two stations started together each with its own cost. Each such story
is a class too rare for a rule of its own (sessions 19–23 wrote them); together they share signs a reader sees: many
figures in the lead, the figure not in the headline, a headline telling no stage, a figure of a list ("投资5亿元的某项目、
投资3亿元的某项目…", a semicolon between groups).

This module keeps the rules' figure as the only candidate and weighs whether to report it: a logistic score over the
figure's reading (its words, where it stands, how many figures stand beside it, what the headline tells, the rules' stage
and their reading of the page as a tally or a summary of works in general); the figure is dropped only when the score
says it is a project's investment with a probability below the weights file's ``cut`` (a right figure dropped is a
user's missed alert, a wrong one kept a false one: 0.4 until session 58, below 0.5, where cross-validation's trade of the
two turns even; 0.3 since session 59, measured on the 1,712 labelled pages of sessions 54–59 the weights were not
fitted on: 0.4 → 0.3 keeps 9 right figures more and 5 wrong ones, 0.3 → 0.25 keeps 1 and 3; 0.5 drops 7 wrong ones
more than 0.4 and no right one, 3 pages more right in all than 0.3 but 9 more missed amounts, the target furthest off).
Since session 29 the story's wording is one more feature (facts.wording's AMOUNT_WORDING: how much likelier the
headline's and the lead's characters make the figure's own kind, a project's investment or a roundup's total, than it is
on any page): a year summary, a touring feature, a fair's programme are told by their words as much as by their figures.
Only the reported amount changes: the story's places, stage and project are read from the rules' figure as before (the
stage model was fitted on that reading).

The weights (``data/amount_model.json``) are fitted by ``bench/train_amount_model.py`` on the labelled real pages (their
texts are not stored in the repository). Pure and deterministic; no I/O after the first load.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Optional

from . import weights as W
from .amounts import investment_figures, the_figure
from .batches import ROUNDUP, SEVERAL
from .money import Amount
from .stages import find_stage
from .text import EVENT, STATISTIC, normalise, sentence_of, story_paragraphs
from .wording import Lifts, log_lift

__all__ = ["MIN_BODY", "WEIGHTS_FILE", "AmountView", "amount_features", "keep_amount", "read_amount", "weights_problem"]

WEIGHTS_FILE = Path(__file__).with_name("data") / "amount_model.json"
# As the stage model: the rules decide a body shorter than the real pages' excerpts the weights were fitted on.
MIN_BODY = 120
# Where the figure is looked for: the headline and the first paragraphs (the rules take it from there).
_PARAGRAPHS = 6
# The figures beside it are counted in the body's first characters only: the real pages the weights are fitted on are
# excerpts of 240 to 1,065 characters (median 550), a crawled story runs on; counted further, a long story would look
# like a list to weights that never saw one so long.
_LEAD = 500
_FIGURES_COUNTED = 30  # a hostile page of figures is read no further (real pages: the most in 6 paragraphs is below)

# Words of the figure's sentence that tell what it sums (named, so the weights file reads as a table). Each is a
# reader's sign: a list (分别, 其中, 、), a span's tally (今年, 上半年, 累计), a plan (计划, 将), an event (本次, 当天), an
# investor's plan (公司将投资), work in progress (在建, 正在), money that is no work's cost (产值, 基金).
_WORDS = ("总投资", "计划投资", "协议投资", "投资总额", "签约", "开工", "竣工", "投产", "建成", "在建", "正在", "产值",
          "营收", "收入", "融资", "基金", "资金", "完成投资", "累计", "共", "其中", "分别", "计划", "将", "拟", "预计",
          "个项目", "一批", "工程", "年产", "今年", "去年", "年度", "上半年", "季度", "以来", "全市", "全县", "全省",
          "全区", "各地", "重点项目", "重大项目", "等", "本次", "此次", "当天", "合同", "中标", "规模", "公司", "集团",
          "一期", "二期", "首期", "主要", "包括", "占地", "建筑面积", "目前", "已", "达产后", "项目总投资", "该项目")
_LIST_MARKS = re.compile(r"[；;]")
_ENUMERATION = re.compile(r"、")
_ATTRIBUTIVE = re.compile(r"^\s*(?:人民币)?的")  # "投资5亿元的某项目": a work named by its cost, often one of a list
_SPAN_HEADLINE = re.compile(r"(?:今年|上半年|下半年|前三季度|[一二三四]季度|\d{1,2}月份?|前\d{1,2}个?月|年度|(?<!\d)\d{4}年|以来|全年)")
_SUMMARY_HEADLINE = re.compile(r"综述|侧记|纪实|巡礼|回眸|观察|聚焦|走进|探访|看|：|:|丨|\||“|”")


@dataclass(frozen=True)
class AmountView:
    """The rules' figure and the page it stands in, as the model reads them."""

    amount: Amount
    section: str  # "title", "p0", "p1", "p2", "p3" (the fourth paragraph or a later one), "none" (not found as written)
    sentence: str  # the figure's sentence (the headline for a headline's figure)
    after: str  # the text right after the figure (its clause)
    bound: bool  # the rules read it as a bound ("超", "近", "约")
    total: bool  # its word states a total (总投资, 投资总额…)
    phase: bool  # one phase's ("一期投资")
    first: bool  # the first figure read in the headline and the first paragraphs
    largest: bool  # none of those figures is larger
    figures: int  # investment figures in the headline and the first paragraphs (distinct values)
    paragraphs_with_figures: int  # …how many of those paragraphs state one
    in_sentence: int  # other investment figures in its sentence
    title_stage: bool  # the headline reports a stage by itself
    title_count: bool  # the headline counts projects ("12个项目", "一批")
    title_span: bool  # the headline names a span ("今年", "上半年", "2021年")
    title_summary: bool  # the headline reads as a feature's ("综述", "走进…", a colon, quotation marks)
    titled: bool
    rule_stage: Optional[str]  # the rules' stage (facts._rule_stage)
    tally: bool  # the rules read a span's tally (amounts.tally_story)
    general: bool  # …a place's works in general (amounts.works_in_general_summary)
    short: bool  # a body shorter than MIN_BODY: the rules decide
    # How much likelier the story's wording makes no amount (None), a project's investment and a roundup's total than
    # they are on any page (facts.wording.AMOUNT_WORDING), or None without that model's weights (or for a short body).
    text: Optional[Lifts] = None


def read_amount(title: str, body: str, amount: Amount, rule_stage: Optional[str], tally: bool, general: bool,
                wording: Optional[Lifts] = None) -> AmountView:
    """The view of the rules' figure (title and body simplified, as extract_facts has them; ``wording``: the amount
    wording's lifts of the story, facts.wording)."""
    paragraphs = story_paragraphs(body)[:_PARAGRAPHS]
    lead = story_paragraphs(body[:_LEAD])
    per_text = [list(islice(investment_figures(text, title), _FIGURES_COUNTED)) for text in (title, *lead)]
    figures = [f for found in per_text for f in found]
    ours = next((f for f in figures if f.amount.text == amount.text), None)
    section, sentence, after = "none", "", ""
    # (The figure as written, "１２．６亿元", not inside a longer number: "5亿元" is not the lead's "12.5亿元", session 59;
    # its words read normalised, as the rules read them.)
    written = the_figure(amount.text)
    for name, text in [("title", title)] + [(f"p{min(i, 3)}", p) for i, p in enumerate(paragraphs)]:
        found = written.search(text)
        at = found.start() if found else -1
        if at >= 0:
            section = name
            sentence = normalise(sentence_of(text, at) if name != "title" else text)
            after = normalise(text[at + len(amount.text):at + len(amount.text) + 20])
            break
    values = {round(f.amount.cny, -4) for f in figures}
    in_sentence = sum(1 for f in figures if f.amount.text != amount.text and normalise(f.amount.text) in sentence)
    return AmountView(
        amount=amount, section=section, sentence=sentence, after=after,
        bound=bool(ours and ours.bound), total=bool(ours and ours.total), phase=bool(ours and ours.phase),
        first=bool(figures) and figures[0].amount.text == amount.text,
        largest=all(f.amount.cny <= amount.cny for f in figures), figures=len(values), in_sentence=in_sentence,
        paragraphs_with_figures=sum(1 for found in per_text[1:] if found),
        title_stage=bool(title.strip()) and find_stage(title, "") is not None,
        title_count=bool(ROUNDUP.search(title) or SEVERAL.search(title)), title_span=bool(_SPAN_HEADLINE.search(title)),
        title_summary=bool(_SUMMARY_HEADLINE.search(title)), titled=bool(title.strip()), rule_stage=rule_stage,
        tally=tally, general=general, short=len(body.strip()) < MIN_BODY, text=wording)


def amount_features(view: AmountView) -> dict[str, float]:
    """The features of keeping the figure (named, so the weights file reads as a table)."""
    features = {"KEEP": 1.0, f"kind={view.amount.kind}": 1.0, f"sec={view.section}": 1.0,
                f"stage={view.rule_stage}": 1.0, "n_figures": math.log1p(view.figures),
                "n_in_sentence": math.log1p(view.in_sentence),
                f"paras_with={min(view.paragraphs_with_figures, 4)}": 1.0,
                f"mag={min(12, max(6, int(math.log10(max(view.amount.cny, 1.0)))))}": 1.0}
    for flag, name in ((view.bound, "bound"), (view.total, "total"), (view.phase, "phase"), (view.first, "first"),
                       (view.largest, "largest"), (view.title_stage, "title_stage"), (view.title_count, "title_count"),
                       (view.title_span, "title_span"), (view.title_summary, "title_summary"),
                       (not view.titled, "untitled"), (view.tally, "tally"), (view.general, "general"),
                       (view.amount.currency != "CNY", "foreign"), (bool(_ATTRIBUTIVE.match(view.after)), "attributive"),
                       (bool(_LIST_MARKS.search(view.sentence)), "semicolon"),
                       (len(_ENUMERATION.findall(view.sentence)) >= 2, "enumeration"),
                       (bool(EVENT.search(view.sentence)), "event"), (bool(STATISTIC.search(view.sentence)), "statistic")):
        if flag:
            features[name] = 1.0
    for word in _WORDS:
        if word in view.sentence:
            features[f"w:{word}"] = 1.0
    if view.section == "title":
        features["title&" + view.amount.kind] = 1.0
    if view.text is not None:
        # The wording's lift of the figure's own kind: a roundup's total read on a page worded as one project's (or a
        # figure on a page worded as no investment's) is the likelier misreading.
        features["text_lift"] = log_lift(view.text, view.amount.kind)
    return features


def weights_problem(doc: Any) -> Optional[str]:
    """What makes a weights document unusable (one sentence), or None: the keep bias must be among the weights, and
    the ``cut`` a probability strictly between 0 and 1."""
    problem = W.weights_problem(doc, _REQUIRED)
    cut = doc.get("cut") if problem is None else None
    if problem is None and not (isinstance(cut, (int, float)) and not isinstance(cut, bool) and 0 < cut < 1):
        return "its cut is not a probability between 0 and 1"
    return problem


_REQUIRED = ("KEEP",)


@lru_cache(maxsize=1)
def _model() -> Optional[tuple[dict[str, float], float]]:
    """The weights and the cut as a score, or None (logged once) when the file is missing or unusable: the rules'
    figure then stands."""
    doc = W.load_weights(WEIGHTS_FILE, weights_problem, "amount model", "amounts come from the rules alone")
    if doc is None:
        return None
    cut = float(doc["cut"])
    return doc["weights"], math.log(cut / (1 - cut))


def rules_decide(view: AmountView) -> bool:
    """Whether the rules' figure stands without the weights: a short body lies outside what they were fitted on."""
    return view.short


def keep_amount(view: AmountView) -> bool:
    """Whether to report the rules' figure: True unless the weights score it at or below the cut (where the rules
    do not decide alone and the weights are usable)."""
    model = None if rules_decide(view) else _model()
    if model is None:
        return True
    weights, cut = model
    return W.score(amount_features(view), weights) > cut
