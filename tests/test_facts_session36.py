"""Session 36, checked on made-up stories and a real run of the trainer: a headline's stage due at a month's or year's
end is no stage reached; one work's sub-projects are no batch; a work on this year's list of key projects keeps its own
figure, and so does a work named as a store or for a place (储备库, 隔离点项目); the scene candidate finds a work's site told in the second paragraph; ``--l2-new`` lets a fine-tune learn the
features its prior has no weight for.

The classes come from real pages' misses (bench/data/facts/README.md "Real pages (session 36)"); the stories here are
written for the tests, with guards for the readings the changes must leave alone.
"""
from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from facts_trainer_run import STORY_TAIL as _LONG, run_trainer
from newsmon.facts import extract_facts
from newsmon.facts.amounts import ONE_WORK_NAMED
from newsmon.facts.stage_model import _site_scene
from newsmon.facts.stages import find_stage

ROOT = Path(__file__).resolve().parents[1]
STAGE_WEIGHTS = ROOT / "facts" / "data" / "stage_model.json"


@pytest.mark.parametrize("title, want", [
    ("攀枝花市救灾物资储备库月底开建", None),
    ("某县污水处理厂本月底开工", None),
    ("某光伏电站年末投产", None),
    # guards: a month's end told as past, a day's report, a year named as past
    ("某项目已于上月底开工", "开工"),
    ("某厂去年年末投产", "投产"),
    ("某项目3月18日开工", "开工"),
])
def test_a_stage_due_at_a_months_or_years_end_is_not_reached(title: str, want: str | None) -> None:
    assert find_stage(title, "") == want


@pytest.mark.parametrize("body, want", [
    # one work's sub-projects are its parts, no batch
    ("据悉，梧州临港经济区配套基础设施PPP项目总投资19.5亿元，包含进港大道、沿江大道、进港三路、给水厂、污水厂五个子项目。", 1.95e9),
    # a work on this year's list of key projects states its own figure
    ("高山反季节香菇生产基地项目由某公司承担，是今年永安市食用菌产业发展的重点项目，计划总投资500万元，分三年进行。", 5e6),
    ("该项目被列入2023年省重大项目，总投资12亿元，建设年产5万吨生产线。", 1.2e9),
    # a count the work is said to be is the list it is on, as with 之一
    ("松阳黄南水库工程属于浙江省“百项千亿”防洪排涝工程，总投资18.1亿元，是松阳最大的地方自主投资项目。", 1.81e9),
    # a page that spaces its figures ("首期投资 1600 多万元")
    ("乌石山水厂扩建工程于去年5月开工建设，首期投资 1600 多万元，扩建一座日供水3万吨的水厂。", 1.6e7),
    # guards: the year's list summed, a year's programme counted, works counted summed
    ("这20项重大建设总投资650亿元。", None),
    ("全县实施的5个项目是今年的重点工程，总投资5亿元。", None),
    ("今年我市省重点项目总投资1856亿元。", None),
    ("今年，全县计划实施重点项目30个，计划总投资50亿元。", None),
])
def test_one_works_parts_and_a_listed_work_keep_its_figure(body: str, want: float | None) -> None:
    assert extract_facts("", body + _LONG).amount == want


def test_an_untitled_tour_of_every_works_site_states_no_ones_investment() -> None:
    body = ("中秋国庆假期，在石城县各大重点项目建设现场，工人抢工期、抓进度，全力推进项目建设。\n"
            "9月30日，记者走进兴隆返迁房项目建设现场，只见塔吊林立，工人正进行混凝土浇筑、钢筋加工等作业。\n"
            "在城北仓储物流园项目施工现场，60余名工人坚守岗位。据了解，城北仓储物流园项目总投资6440万元，建成后将完善全县物流体系。")
    assert extract_facts("", body).amount is None
    # guard: one work's own site, its figure told later, stays its investment
    one = ("9月30日，记者走进城北仓储物流园项目施工现场，60余名工人坚守岗位，全力推进项目建设。\n"
           "据了解，城北仓储物流园项目总投资6440万元，建成后将完善全县物流体系。")
    assert extract_facts("", one).amount == 6.44e7


def test_a_fairs_session_states_its_own_signed_sum() -> None:
    title = "第二十七届兰洽会兰州新区分会场活动启动 专场签约260亿元"
    body = ("6日上午，第二十七届兰洽会兰州新区分会场活动在新区花卉交易中心启动。\n"
            "本届兰洽会兰州新区共引进项目152个，总投资516亿元、同比增长15%。其中，省市新区专场签约项目26个，签约金额260亿元。")
    facts = extract_facts(title, body)
    assert facts.amount == 2.6e10 and facts.kind == "roundup"
    # guard: a contract's value signed with no event stays none
    assert extract_facts("", "某公司与某集团签约1.2亿元的设备采购合同。").amount is None


def test_an_untitled_tour_counting_its_works_states_no_ones_investment() -> None:
    body = ("昨天是全市重大项目观摩会的第二天，与会人员先后在洛南、商州、商丹园区和山阳现场观摩了9个重大项目。\n"
            "某公司尾矿利用加气砌块项目是洛南县的一个尾矿资源组合利用项目，一期、二期建成7条生产线并投产，三期已启动。"
            "洛南县城过境公路长26.3公里，总投资9.85亿元，全线通车后将缓解县城交通拥堵。")
    assert extract_facts("", body).amount is None


def test_a_store_named_in_the_headline_is_the_work_in_view_and_its_start_at_the_months_end_is_due() -> None:
    facts = extract_facts("攀枝花市救灾物资储备库月底开建",
                          "日前，记者从该市规划分局获悉，该市将在市殡仪馆原址建设市救灾物资储备库，一期项目力争10月底开工建设。\n"
                          "据了解，该项目分三期建设，一期占地23亩。一期总投资1300万元，其中，中央资金588万元，市级配套资金712万元。")
    assert facts.amount == 1.3e7 and facts.stage is None


@pytest.mark.parametrize("text, named", [
    ("应急隔离点项目建设加快推进", True),
    ("专题调度温德姆至尊豪廷温泉度假酒店项目建设情况", True),
    # guards: classes ending in 点, works' building in general
    ("全市重点项目建设加快推进", False),
    ("试点项目稳步实施", False),
    ("全力推进项目建设", False),
    ("产业项目建设提速", False),
])
def test_a_work_named_for_a_place_or_its_kind_is_one_work(text: str, named: bool) -> None:
    assert bool(ONE_WORK_NAMED.search(text)) is named


def test_the_scene_may_be_told_after_a_paragraph_of_context() -> None:
    flags = _site_scene("宿迁：推进乡镇工业经济高质量发展", [
        "今年以来，宿迁市各乡镇做足“产业集聚”和“空间集约”两篇文章，全力推进乡镇工业经济高质量发展。",
        "走进新庄镇标准化厂房项目建设现场，塔吊林立，200多名工人挥汗如雨，目前一二号厂房已完成主体封顶。"])
    assert flags is not None and "lead" not in flags and {"now", "part_done"} <= set(flags)
    flags = _site_scene("冷链物流基地项目建设再提速", ["近日，在冷链物流基地项目建设现场，工人们正在浇筑混凝土。"])
    assert flags is not None and {"lead", "push_title", "title_site"} - {"title_site"} <= set(flags)
    flags = _site_scene("", ["中秋国庆假期，在石城县各大重点项目建设现场，工人抢工期、抓进度，全力推进项目建设。"])
    assert flags is not None and "each_site" in flags  # every work's site of a place: many works' progress
    assert _site_scene("某县召开经济工作会议", ["会议总结了今年的经济工作，部署了明年的任务。"]) is None


_trainer = partial(run_trainer, "stage")


def _scene_pages(path: Path) -> Path:
    """Pages of one's own, written for the test: a work's site at work told with no verb of the rules, labelled 开工."""
    pages = [{"url": f"http://127.0.0.1/own/{i}", "title": f"走进第{i}号物流园项目现场",
              "body": "近日，第{i}号物流园项目现场一派繁忙景象，工人们正在浇筑混凝土，塔吊来回作业。".format(i=i) + _LONG * 2,
              "want": {"stage": "开工"}} for i in range(10)]
    path.write_text("".join(json.dumps(page, ensure_ascii=False) + "\n" for page in pages), encoding="utf-8")
    return path


def _scene_weight(tmp_path: Path, *options: str) -> float:
    """The scene candidate's base weight after a fine-tune, under a strong pull, from a prior without scene features."""
    shipped = json.loads(STAGE_WEIGHTS.read_text(encoding="utf-8"))
    shipped["weights"] = {name: value for name, value in shipped["weights"].items() if not name.startswith("scene")}
    prior = tmp_path / "prior.json"
    prior.write_text(json.dumps(shipped, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.json"
    done = _trainer(str(_scene_pages(tmp_path / "own.jsonl")), "--prior", str(prior), "--l2", "15",
                    "--iterations", "50", *options, "--out", str(out))
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))["weights"].get("scene", 0.0)


def test_l2_new_lets_the_fine_tune_learn_what_the_prior_has_no_weight_for(tmp_path: Path) -> None:
    pulled = _scene_weight(tmp_path)
    free = _scene_weight(tmp_path, "--l2-new", "0.01")
    assert free > 0.5 and free > 3 * abs(pulled)


def test_a_penalty_too_strong_for_the_rate_is_refused_before_it_diverges(tmp_path: Path) -> None:
    done = _trainer(str(_scene_pages(tmp_path / "own.jsonl")), "--prior", str(STAGE_WEIGHTS), "--l2", "1000",
                    "--dry-run")
    assert done.returncode == 2 and "would diverge" in done.stderr and "Traceback" not in done.stderr


def test_l2_new_needs_a_prior() -> None:
    done = _trainer("--l2-new", "0.3", "--dry-run", "--paragraphs-only")
    assert done.returncode == 2 and "--l2-new" in done.stderr and "Traceback" not in done.stderr
