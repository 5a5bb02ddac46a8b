"""The story's stage chosen among its stage verbs by weights learned from labelled real pages (session 24).

The rules of :mod:`facts.stages` say of each stage verb whether it reports a stage reached (or why not: a plan, a
condition, a count…), and ``find_stage`` takes the furthest stage of the first part of the story that reports one.
Twenty sessions of rules read the pages they were written on well (86% of the stages of 841 labelled pages) and fresh
pages less well (79% of 167 never read): each new rule mends a class that recurs too rarely to move fresh pages. This
module keeps every rule as evidence and lets weights decide how much each counts: every verb of the headline and the
first paragraphs is a *candidate* (its stage, where it stands, the rules' reason to skip it, whether its sentence
tells the day's event or states the investment…), beside a *no stage* candidate (what the page as a whole is: a tally,
a roundup, no verb kept…); a conditional logit (one softmax over the page's candidates) scores them and the best one is
the story's stage. The rules' own answer is one of the features, so the weights learn where to depart from it.

The weights (``data/stage_model.json``) are fitted by ``bench/train_stage_model.py`` on the labelled real pages of
``bench/data/facts/pages-session*.json`` (their texts are not stored in the repository; the file records what it was
trained on). Pure and deterministic: the same story always gets the same stage; no I/O after the first load.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from . import stages as S
from .text import CLAUSE_MARKS, EVENT, normalise, sentence_of, sentence_start, story_paragraphs

__all__ = ["MIN_BODY", "Candidate", "PageView", "candidates", "candidate_features", "no_stage_features", "choose_stage", "rules_decide", "WEIGHTS_FILE"]

WEIGHTS_FILE = Path(__file__).with_name("data") / "stage_model.json"
_PARAGRAPHS = 6  # the headline and the first paragraphs: later ones recall history or plans (find_stage reads 3)
_PARAGRAPH_READ = 3000  # as find_stage: one longer paragraph is a page without breaks, whose opening states its news
# A dateline near the top ("2016-12-20", "2016年12月20日") dates the story: a verb whose clause names a later year is due.
_DATELINE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATELINE_READ = 300
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
# The verbs weighed: the 1,103 labelled real pages have 23 at most (median 4), so 100 changes no real page's reading and
# bounds a hostile one's (each verb's features look at the others: 6 paragraphs of 开工 made 9,001 verbs and 3.9 s).
_CANDIDATES_READ = 100
# The shortest body the weights were fitted on is 124 characters (real pages' excerpts): a shorter text (a brief, a
# one-line note) lies outside what they know, and its stage is the rules' (a model is not asked to extrapolate).
MIN_BODY = 120


@dataclass(frozen=True)
class Candidate:
    """One stage verb of the story, as the rules read it."""

    stage: int  # index in STAGES
    section: str  # "title", "p0", "p1", "p2", "p3" (the fourth paragraph and later)
    reason: str  # facts.stages' reason to skip the verb, "ok" when it reports a stage reached
    verb: str
    kept: bool  # its sentence may tell the investment's project's stage (facts._same_places)
    financing: bool  # a deal of a story whose headline tells a deal that is no project's
    focus: bool  # its sentence states the story's investment
    event: bool  # its sentence tells a day's event (text.EVENT)
    done: bool  # a done word (已, 日前…) earlier in its clause
    later_year: bool  # its clause names a year after the story's dateline
    earlier_year: bool  # …a year before it


@dataclass(frozen=True)
class PageView:
    """What the page as a whole is, for the no-stage candidate."""

    rule: Optional[str]  # the rules' stage (facts._stage)
    amount: bool
    roundup: bool
    tally: bool
    general: bool
    titled: bool
    short: bool  # a body shorter than MIN_BODY: the rules decide


def candidates(title: str, body: str, focus: str, keep: Optional[Callable[[str], bool]]) -> list[Candidate]:
    """Every stage verb of the headline and the first paragraphs (title and body simplified, as extract_facts has them)."""
    dated = _DATELINE.search(title + "\n" + body[:_DATELINE_READ])
    year = int(dated.group(1)) if dated else None
    sections = [("title", title, False)] + [(f"p{min(i, 3)}", p[:_PARAGRAPH_READ], True)
                                             for i, p in enumerate(story_paragraphs(body)) if i < _PARAGRAPHS]
    no_project_deal = S._no_project_signing(title)
    found: list[Candidate] = []
    for section, raw, in_body in sections:
        text = normalise(raw)
        for match, index in S._verbs(text):
            if len(found) >= _CANDIDATES_READ:
                return found
            sentence = sentence_of(text, match.start())
            clause = sentence_start(text, match.start(), CLAUSE_MARKS)
            years = [int(y) for y in _YEAR.findall(text, clause, match.start())]
            reason = S._skip_reason(text, match, index, in_body) or "ok"
            # Whose project the sentence tells is read only for a verb that reports a stage (the only ones whose
            # features ask): finding a sentence's places is the costliest check.
            kept = reason != "ok" or not in_body or keep is None or keep(sentence)
            found.append(Candidate(
                stage=index, section=section, reason=reason, verb=match.group(), kept=kept,
                financing=no_project_deal and in_body and index in S._DEALS and not S._OWN_DEAL.search(sentence),
                focus=bool(focus.strip()) and focus.strip() in raw and sentence.strip() in focus,
                event=bool(EVENT.search(sentence)), done=bool(S._DONE.search(text, clause, match.start())),
                later_year=bool(year and years and max(years) > year),
                earlier_year=bool(year and years and max(years) < year)))
    return found


def candidate_features(candidate: Candidate, others: list[Candidate], page: PageView) -> dict[str, float]:
    """The features of one verb (named, so the weights file reads as a table)."""
    stage = S.STAGES[candidate.stage]
    body = "title" if candidate.section == "title" else "body"
    features = {f"stage={stage}": 1.0, f"sec={candidate.section}": 1.0, f"reason={candidate.reason}": 1.0,
                f"reason={candidate.reason}&sec={body}": 1.0, f"verb={candidate.verb}": 1.0}
    if candidate.reason == "ok":
        features.update({f"ok&stage={stage}": 1.0, f"ok&sec={candidate.section}": 1.0})
        for flag, name in ((not candidate.kept, "notkept"), (candidate.financing, "fin"), (candidate.focus, "focus"),
                           (candidate.event, "event"), (candidate.done, "done"), (candidate.later_year, "future"),
                           (candidate.earlier_year, "past")):
            if flag:
                features[f"ok&{name}"] = 1.0
        same_section = [c for c in others if c.section == candidate.section and c.reason == "ok"]
        if candidate.stage == max(c.stage for c in same_section):
            features["ok&max_in_sec"] = 1.0
        if same_section[0] is candidate:
            features["ok&first_in_sec"] = 1.0
        features["ok&n_same"] = math.log1p(sum(1 for c in others if c.stage == candidate.stage and c.reason == "ok"))
    if page.rule == stage:
        features["rule"] = 1.0
        features[f"rule&sec={candidate.section}"] = 1.0  # where the rules found it
    if page.general:
        features["general&cand"] = 1.0
    return features


def no_stage_features(page: PageView, found: list[Candidate]) -> dict[str, float]:
    """The features of the no-stage answer."""
    features = {"NULL": 1.0}
    for flag, name in ((page.amount, "amount"), (page.roundup, "roundup"), (page.general, "general"), (page.titled, "titled"), (page.rule is None, "rule_none")):
        if flag:
            features[f"null&{name}"] = 1.0
    features["null&n_ok"] = math.log1p(sum(1 for c in found if c.reason == "ok"))
    if not any(c.reason == "ok" and c.section in ("title", "p0") for c in found):
        features["null&none_ok_lead"] = 1.0
    return features


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    weights: dict[str, float] = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"]
    return weights


def _score(features: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def rules_decide(page: PageView) -> bool:
    """Whether the rules' stage stands without the weights: a body shorter than MIN_BODY lies outside what they were
    fitted on; a tally's stage is a labelling convention (its headline's counted stage, facts._rule_stage) that the
    fitted pages hold too few examples of to learn (1 tally headline counting a stage in 59 tally pages)."""
    return page.short or page.tally


def choose_stage(page: PageView, found: list[Candidate]) -> Optional[str]:
    """The best-scored candidate's stage, or None when no stage scores above the no-stage answer (ties: the
    earlier candidate, no stage first)."""
    if rules_decide(page):
        return page.rule
    weights = _weights()
    best, best_score = None, _score(no_stage_features(page, found), weights)
    for candidate in found:
        score = _score(candidate_features(candidate, found, page), weights)
        if score > best_score:
            best, best_score = S.STAGES[candidate.stage], score
    return best
