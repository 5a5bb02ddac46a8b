"""The stage a project has reached, from the verbs that state it.

Stages in order: 洽谈 → 签约 → 备案 → 核准 → 评审 → 招标 → 开工 → 投产 → 竣工. The headline wins
over the body; within one text the furthest stage stated as done wins (a story about a 开工
ceremony recalls the 签约). A verb under a plan word (``计划于年底开工``, ``将于明年投产``)
states no stage yet.
"""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["STAGES", "find_stage"]

STAGES = ("洽谈", "签约", "备案", "核准", "评审", "招标", "开工", "投产", "竣工")

_VERBS = {
    "洽谈": r"洽谈|会谈|商谈|对接会|考察对接",
    "签约": r"签约|签订|签署|正式落户|成功落户|落户",
    "备案": r"完成备案|予以备案|备案",
    "核准": r"通过核准|获得核准|予以核准|核准|获批|批复",
    "评审": r"通过专家评审|专家评审|评审会|通过评审",
    "招标": r"完成招标|招标|中标",
    "开工": r"开工建设|集中开工|开工|动工|奠基|破土|开建",
    "投产": r"正式投产|建成投产|投产|正式启用|投入使用|试生产|试产|投入运营|投运|达产",
    "竣工": r"竣工验收|竣工|完工|建成",
}
_VERB = re.compile("|".join(f"(?P<s{i}>{pattern})" for i, pattern in enumerate(_VERBS.values())))
# A plan word shortly before the verb: the stage is ahead, not reached.
_PLAN = re.compile(r"(计划|预计|将于|将在|拟于|拟|力争|争取|有望|即将|将|年内|明年|下一步)[^。；，,]{0,8}$")


# A sentence that compares or sums up periods counts projects, it reports no stage:
# "一季度新开工亿元以上项目28个，同比增长33%".
_STATISTIC = re.compile(r"同比|环比|累计")


def _sentence_of(text: str, pos: int) -> str:
    start = max(text.rfind(mark, 0, pos) for mark in "。！？!?\n") + 1
    ends = [found for found in (text.find(mark, pos) for mark in "。！？!?\n") if found >= 0]
    return text[start:min(ends) if ends else len(text)]


def _stages_in(text: str) -> list[int]:
    found = []
    for match in _VERB.finditer(text):
        if _STATISTIC.search(_sentence_of(text, match.start())):
            continue
        if _PLAN.search(text[max(0, match.start() - 12):match.start()]):
            continue
        if text[match.start() - 1:match.start()] in ("从", "到", "至"):
            continue  # "从签约到投产的全流程": a span of stages, not a report
        if text[match.end():match.end() + 1] in ("后", "时"):
            continue  # "项目建成后…", "投产时…": a condition, not a report
        index = int(next(name for name, value in match.groupdict().items() if value)[1:])
        found.append(index)
    return found


def find_stage(title: str, body: str) -> Optional[str]:
    """The stage the story reports (one of :data:`STAGES`), or None."""
    in_title = _stages_in(title)
    if in_title:
        return STAGES[max(in_title)]
    # The lead paragraph states what happened; later ones recall history or plans.
    paragraphs = [p for p in body.splitlines() if p.strip()]
    for text in (paragraphs[:1], paragraphs[1:3]):
        stages = _stages_in("\n".join(text))
        if stages:
            return STAGES[max(stages)]
    return None
