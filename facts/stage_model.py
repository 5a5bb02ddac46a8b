"""The story's stage chosen among its stage verbs by weights learned from labelled real pages (session 24).

The rules of :mod:`facts.stages` say of each stage verb whether it reports a stage reached (or why not: a plan, a
condition, a count…), and ``find_stage`` takes the furthest stage of the first part of the story that reports one.
Twenty sessions of rules read the pages they were written on well (86% of the stages of 841 labelled pages) and fresh
pages less well (79% of 167 never read): each new rule mends a class that recurs too rarely to move fresh pages. This
module keeps every rule as evidence and lets weights decide how much each counts: every verb of the headline and the
first paragraphs is a *candidate* (its stage, where it stands, the rules' reason to skip it, whether its sentence
tells the day's event or states the investment…), beside a *no stage* candidate (what the page as a whole is: a roundup,
a place's works in general, no verb kept in its lead…); a conditional logit (one softmax over the page's candidates) scores them and the best one is
the story's stage. The rules' own answer is one of the features, so the weights learn where to depart from it; so is
what the story's wording suggests of each stage (facts.wording, session 28), for what the rules have no word for.
The rules alone decide what the weights know nothing of (rules_decide: short texts, tallies, notices of events to come).

The weights (``data/stage_model.json``) are fitted by ``bench/train_stage_model.py`` on the labelled real pages of
``bench/data/facts/pages-session*.json`` (their texts are not stored in the repository; the file records what it was
trained on). Pure and deterministic: the same story always gets the same stage; no I/O after the first load.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

from . import stages as S
from . import weights as W
from .amounts import EACH_SITE, ONE_WORK_NAMED
from .wording import Lifts, log_lift
from .text import CLAUSE_MARKS, EVENT, normalise, sentence_of, sentence_start, story_paragraphs

__all__ = ["MIN_BODY", "WEIGHTS_FILE", "Candidate", "PageView", "candidate_features", "candidates", "choose_stage",
           "no_stage_features", "rules_decide", "weights_problem"]

WEIGHTS_FILE = Path(__file__).with_name("data") / "stage_model.json"
# The paragraphs read: the headline and the first six (later ones recall history or plans); a promotion's or a fair's
# story PROMOTION_PARAGRAPHS, as find_stage reads it for its late signing ("推介会上，共签约项目58个" in the seventh).
_PARAGRAPHS = 6
# A dateline near the top ("2016-12-20", "2016年12月20日") dates the story: a verb whose clause names a later year is due.
_DATELINE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATELINE_READ = 300
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
# The verbs weighed: the 1,103 labelled real pages have 23 at most (median 4), so 100 changes no real page's reading and
# bounds a hostile one's cost (6 paragraphs of 开工 are 9,001 verbs, each read by the rules).
_CANDIDATES_READ = 100
# The rules decide a shorter body: a brief or a one-line note, unlike the real pages' excerpts the weights were fitted
# on (124 characters the shortest), whose stage lies in a headline and paragraphs (a model is not asked to extrapolate).
MIN_BODY = 120


@dataclass(frozen=True)
class Candidate:
    """One stage verb of the story, as the rules read it."""

    stage: int  # index in STAGES
    section: str  # "title", "p0", "p1", "p2", "p3" (the fourth paragraph and the later ones read)
    reason: str  # facts.stages' reason to skip the verb ("notice" under a notice's headline), "ok" when it reports a stage
    verb: str
    kept: bool  # its sentence may tell the investment's project's stage (facts._same_places)
    financing: bool  # a deal of a story whose headline tells a deal that is no project's
    focus: bool  # its sentence states the story's investment
    event: bool  # its sentence tells a day's event (text.EVENT)
    done: bool  # a done word (已, 日前…) earlier in its clause
    later_year: bool  # its clause names a year after the story's dateline
    earlier_year: bool  # …a year before it
    # Among the verbs reporting a stage ("ok"): the first of its section, the furthest stage of its section, how many
    # report its stage in the story (0 for a verb the rules skip).
    first_in_section: bool = False
    furthest_in_section: bool = False
    same_stage: int = 0
    # The scene candidate's flags (section "scene": a work's site told at work, with no verb of the rules: see _scene).
    scene: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageView:
    """What the page as a whole is, for the no-stage candidate."""

    rule: Optional[str]  # the rules' stage (facts._rule_stage)
    amount: bool
    roundup: bool
    tally: bool
    general: bool
    titled: bool
    short: bool  # a body shorter than MIN_BODY: the rules decide
    # How much likelier the story's wording makes each stage (None: no stage) than it is on any page
    # (facts.wording.STAGE_WORDING), or None without that model's weights.
    text: Optional[Lifts] = None
    notice: bool = False  # the headline is a notice of an event to come (stages.event_notice)
    progress: bool = False  # the headline tells one named work's progress (stages.one_work_progress)


def candidates(title: str, body: str, focus: str, keep: Optional[Callable[[str], bool]]) -> list[Candidate]:
    """Every stage verb of the headline and the first paragraphs (title and body simplified, as extract_facts has them),
    at most _CANDIDATES_READ."""
    dated = _DATELINE.search(title + "\n" + body[:_DATELINE_READ])
    year = int(dated.group(1)) if dated else None
    paragraphs = story_paragraphs(body)
    read = S.PROMOTION_PARAGRAPHS if paragraphs and S.promotion_story(title, paragraphs[0]) else _PARAGRAPHS
    sections = [("title", title, False)] + [(f"p{min(i, 3)}", p[:S.PARAGRAPH_READ], True)
                                             for i, p in enumerate(paragraphs[:read])]
    no_project_deal = S.no_project_signing(title)
    notice = S.event_notice(title)
    # The investment's sentence as the verbs' sentences are read (text.normalise: full-width digits as ASCII).
    focus = normalise(focus).strip()
    found: list[Candidate] = []
    for section, raw, in_body in sections:
        text = normalise(raw)
        for match, index, reason in S.read_verbs(text, in_body, limit=_CANDIDATES_READ - len(found)):
            sentence = sentence_of(text, match.start())
            clause = sentence_start(text, match.start(), CLAUSE_MARKS)
            years = [int(y) for y in _YEAR.findall(text, clause, match.start())]
            why = "notice" if notice and not in_body else reason or "ok"
            # Whose project the sentence tells is read only for a verb that reports a stage (the only ones whose
            # features ask): finding a sentence's places is the costliest check.
            kept = why != "ok" or not in_body or keep is None or keep(sentence)
            found.append(Candidate(
                stage=index, section=section, reason=why, verb=match.group(), kept=kept,
                financing=no_project_deal and in_body and S.deal_of_no_project(index, sentence),
                focus=bool(focus) and focus in text and sentence.strip() in focus,
                event=bool(EVENT.search(sentence)), done=bool(S.DONE.search(text, clause, match.start())),
                later_year=bool(year and years and max(years) > year),
                earlier_year=bool(year and years and max(years) < year)))
    found = _ranked(found)
    scene = _scene(title, paragraphs)
    return found + [scene] if scene else found


# A work's site at work, in the words news use for it ("施工现场", "工人们正加紧进行钢筋绑扎", "打桩机正在安装光伏支架",
# "正在建设中的中医院新院", "正在进行管道铺设工作", "机械轰鸣、车辆穿梭", "一派热火朝天的施工景象"), and a day or the present
# to tell it is today's scene.
_SITE = re.compile(r"施工|工地|(?:建设|项目)现场|浇筑|吊装|安装|铺设|打桩|在建|正在建设|建设中|塔吊|挖掘机|工程机械|建设者|作业"
                   r"|轰鸣|穿梭|热火朝天|繁忙景象|建设热潮|钢筋|混凝土|装修|场地平整|开挖"
                   # (session 49) a work being built told with its place between ("正在江西省永修县星火工业园区建设"), money
                   # spent on it so far ("截至8月底，已完成投资2.765亿元"), its crews back at work ("全面复工")
                   # (not plans or papers: "正在研究建设抽水蓄能电站", "正在谋划建设", "正在办理建设用地审批手续")
                   r"|正在(?:(?!研究|规划|申报|谋划|筹备|论证|争取|计划|准备|考虑|洽谈|对接|办理)[^，。；,;]){2,24}?(?:建设|施工)"
                   r"(?!用地|手续|许可|规划|方案|图|单位|前期|准备)"
                   r"|(?:已|累计)完成(?:年度)?投资|复工")
_NOW = re.compile(r"正在|正[加抓紧忙]|目前|眼下|当前|现场|近日|日前|连日来|\d{1,2}日|今天")
# A headline pushing one work's building on ("大力推进冷链物流基地项目建设", "紧锣密鼓推进玉米深加工项目建设", "产业园建设
# 稳步推进", "项目建设再提速"): by the progress convention one work under way, as _ONE_WORK_UNDER_WAY_HEADLINE reads
# the narrower phrases; many works' pushing (stages.many_works) is flagged apart.
_PUSH_TITLE = re.compile(r"(?:推进|加快|加速|加紧|抓紧)[^，。；,;]{0,16}?建设|建设[^，。；,;]{0,4}?(?:推进|提速|加速)")
# How far the work has got: its main structure or a share done, a phase entered, its end near ("主体建设已基本完成",
# "完成总体工程量的百分之九十", "进入装修阶段", "即将投入生产").
_PART_DONE = re.compile(r"主体[^，。；,;]{0,6}?(?:完成|封顶|完工)|完成[^，。；,;]{0,10}?(?:工程量|%|百分之)|进入[^，。；,;]{0,10}?阶段"
                        r"|即将(?:建成|完工|投入|投用|竣工)|接近尾声|已投入[^，。；,;]{0,6}?(?:人|机械|设备)")
# The paragraphs the scene is looked for in: a story opens on its scene or comes to it after a paragraph of context
# ("今年以来，某市…全力推进…。" then "走进某项目建设现场，塔吊林立").
_SCENE_PARAGRAPHS = 3
_SCENE_READ = 600


def _site_scene(title: str, paragraphs: list[str]) -> Optional[tuple[str, ...]]:
    """How the headline and first paragraphs show a work's site at work (the scene candidate's flags), or None when they
    show none."""
    lead = normalise(title + "\n" + (paragraphs[0][:_SCENE_READ] if paragraphs else ""))
    text = normalise("\n".join([title] + [p[:_SCENE_READ] for p in paragraphs[:_SCENE_PARAGRAPHS]]))
    if not _SITE.search(text):
        return None
    head = normalise(title)
    return tuple(name for name, found in (
        ("title_site", bool(_SITE.search(head))), ("now", bool(_NOW.search(text))),
        ("one_work", bool(ONE_WORK_NAMED.search(text))), ("many", S.many_works(text)),
        ("planned", bool(S.NOT_STARTED.search(text))),
        # (session 36) where the scene is told, a headline pushing the building on, how far the work has got
        ("lead", bool(_SITE.search(lead))), ("push_title", bool(_PUSH_TITLE.search(head))),
        # (stages.many_works reads any 重点 as many, which one work's "省重点项目" is too: each_site is every work's site)
        ("many_title", S.many_works(head)), ("part_done", bool(_PART_DONE.search(text))),
        ("each_site", bool(EACH_SITE.search(lead)))) if found)


def _scene(title: str, paragraphs: list[str]) -> Optional[Candidate]:
    """A 开工 candidate for a story whose headline or first paragraphs show a work's site at work (session 35): one work
    under way is 开工 by the progress convention (bench/data/facts/README.md), and real leads tell it in site words the
    rules' verbs do not read ("工人们正加紧进行钢筋绑扎与混凝土浇筑——这里是某示范园的施工现场"). Its flags say how the
    scene is told (_site_scene); the weights (fitted from session 35 on) decide whether it is the story's stage."""
    flags = _site_scene(title, paragraphs)
    if flags is None:
        return None
    return Candidate(stage=S.STAGES.index("开工"), section="scene", reason="scene", verb="", kept=True, financing=False,
                     focus=False, event=False, done=False, later_year=False, earlier_year=False, scene=flags)


def _ranked(found: list[Candidate]) -> list[Candidate]:
    """The candidates with their standing among the verbs that report a stage (one pass: no verb reads the others)."""
    first: dict[str, int] = {}
    furthest: dict[str, int] = {}
    counts: dict[int, int] = {}
    for i, candidate in enumerate(found):
        if candidate.reason == "ok":
            first.setdefault(candidate.section, i)
            furthest[candidate.section] = max(furthest.get(candidate.section, -1), candidate.stage)
            counts[candidate.stage] = counts.get(candidate.stage, 0) + 1
    return [replace(c, first_in_section=first[c.section] == i, furthest_in_section=furthest[c.section] == c.stage,
                    same_stage=counts[c.stage]) if c.reason == "ok" else c for i, c in enumerate(found)]


def candidate_features(candidate: Candidate, page: PageView) -> dict[str, float]:
    """The features of one verb (named, so the weights file reads as a table)."""
    if candidate.section == "scene":
        return _scene_features(candidate, page)
    stage = S.STAGES[candidate.stage]
    body = "title" if candidate.section == "title" else "body"
    features = {f"stage={stage}": 1.0, f"sec={candidate.section}": 1.0, f"reason={candidate.reason}": 1.0,
                f"reason={candidate.reason}&sec={body}": 1.0, f"verb={candidate.verb}": 1.0}
    if candidate.reason == "ok":
        features.update({f"ok&stage={stage}": 1.0, f"ok&sec={candidate.section}": 1.0,
                         "ok&n_same": math.log1p(candidate.same_stage)})
        for flag, name in ((not candidate.kept, "notkept"), (candidate.financing, "fin"), (candidate.focus, "focus"),
                           (candidate.event, "event"), (candidate.done, "done"), (candidate.later_year, "future"),
                           (candidate.earlier_year, "past"), (candidate.furthest_in_section, "max_in_sec"),
                           (candidate.first_in_section, "first_in_sec")):
            if flag:
                features[f"ok&{name}"] = 1.0
    if page.rule == stage:
        features["rule"] = 1.0
        features[f"rule&sec={candidate.section}"] = 1.0  # where the rules found it
    if page.general:
        features["general&cand"] = 1.0
    if page.text is not None:
        # Trusted apart for a verb the rules read as reported and one they skip (a plan, a condition…): the wording of a
        # story about a meeting still to come is a meeting's, whatever its stage words.
        features["text_lift&" + ("ok" if candidate.reason == "ok" else "skip")] = log_lift(page.text, stage)
    return features


def _scene_features(candidate: Candidate, page: PageView) -> dict[str, float]:
    """The features of the scene candidate (_scene): its own, apart from the verbs' (a scene is no verb of the rules)."""
    features = {"scene": 1.0, **{f"scene&{flag}": 1.0 for flag in candidate.scene}}
    for flag, name in ((page.general, "general"), (page.amount, "amount"), (page.rule is None, "rule_none"),
                       (page.rule == "开工", "rule_start"), (page.titled, "titled"), (page.progress, "progress"),
                       (page.rule not in (None, "开工"), "rule_other")):
        if flag:
            features[f"scene&{name}"] = 1.0
    if page.text is not None:
        features["scene&text_lift"] = log_lift(page.text, "开工")
    return features


def no_stage_features(page: PageView, found: list[Candidate]) -> dict[str, float]:
    """The features of the no-stage answer."""
    features = {"NULL": 1.0}
    for flag, name in ((page.amount, "amount"), (page.roundup, "roundup"), (page.general, "general"),
                       (page.titled, "titled"), (page.rule is None, "rule_none")):
        if flag:
            features[f"null&{name}"] = 1.0
    features["null&n_ok"] = math.log1p(sum(1 for c in found if c.reason == "ok"))
    if page.text is not None:
        features["text_lift"] = log_lift(page.text, None)
    if not any(c.reason == "ok" and c.section in ("title", "p0") for c in found):
        features["null&none_ok_lead"] = 1.0
    return features


def weights_problem(doc: Any) -> Optional[str]:
    """What makes a weights document unusable (one sentence), or None: the no-stage answer's and the rules' weights
    must be among them (an empty or partial file would answer no stage for every story)."""
    return W.weights_problem(doc, _REQUIRED)


_REQUIRED = ("NULL", "rule")


@lru_cache(maxsize=1)
def _weights() -> Optional[dict[str, float]]:
    """The weights, or None (logged once) when the file is missing or unusable: the rules' stage then stands."""
    doc = W.load_weights(WEIGHTS_FILE, weights_problem, "stage model", "stages come from the rules alone")
    return None if doc is None else doc["weights"]


def rules_decide(page: PageView) -> bool:
    """Whether the rules' stage stands without the weights: a body shorter than MIN_BODY lies outside what they were
    fitted on; a tally's stage is a labelling convention (none since session 40, whatever its headline counts:
    facts._rule_stage) that the fitted pages hold too few examples of to learn (59 tally pages); a notice of
    an event to come ("关于召开…评审会的通知") reports nothing reached, which its wording (a review meeting's) would
    outvote; a headline telling one named work's progress is 开工 by a convention set after the weights were fitted
    (session 26: bench/data/facts/README.md), which they read as no stage ("某码头建设紧锣密鼓": session 35)."""
    return page.short or page.tally or page.notice or (page.progress and page.rule == "开工")


def choose_stage(page: PageView, found: list[Candidate]) -> Optional[str]:
    """The best-scored candidate's stage, or None when no stage scores above the no-stage answer (ties: the
    earlier candidate, no stage first). The rules' stage where they decide, or where the weights are unusable."""
    weights = None if rules_decide(page) else _weights()
    if weights is None:
        return page.rule
    best, best_score = None, W.score(no_stage_features(page, found), weights)
    for candidate in found:
        score = W.score(candidate_features(candidate, page), weights)
        if score > best_score:
            best, best_score = S.STAGES[candidate.stage], score
    return best
