"""The project's name phrase (facts.project): who acts on a project and what they do to it are no part of its name.

Session 45 read the names the extractor gave on 2,193 labelled real pages: about one in ten was a clause, not a name
("市长…带队督办部分重点项目", "缓缓驶下生产线", "用拼搏跑出项目", "10,000吨" cut to "000吨…"). The sentences here are
made up in those shapes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.facts import extract_facts, project_reading

ROOT = Path(__file__).resolve().parents[1]


def _project(title: str, body: str = "") -> str | None:
    # The name reader's answer (extract_facts reports it only beside an investment or a stage: session 65)
    return project_reading(title, body)


@pytest.mark.parametrize("title, body", [
    ("副市长王某带队督办部分重点项目", "王某一行先后察看了多个项目现场。"),  # an official and a batch: no name
    ("", "首批车辆缓缓驶下生产线，标志着基地正式投产。"),  # a verb before the head
    ("某县用拼搏跑出项目建设加速度", ""),
    ("", "县委书记张某赴广东某集团就项目合作进行洽谈。"),
    ("", "请问贵公司生产线目前进展如何？"),
    ("节后重点项目开足马力", "全县各重点项目陆续复工。"),
    ("2023年春季重点项目集中开工", "共有项目20个。"),
    ("", "该镇目前已完成项目前期手续办理。"),
])
def test_a_clause_about_projects_names_none(title: str, body: str) -> None:
    assert _project(title, body) is None


@pytest.mark.parametrize("title, body, name", [
    ("", "市长李某督查神舟公司新厂区建设项目进展情况。", "神舟公司新厂区建设项目"),  # after the official and the verb
    ("局长一行莅临郧西PPP文体中心项目调研", "", "郧西PPP文体中心项目"),
    ("", "年产10,000吨生乳深加工项目开工建设，总投资3亿元。", "年产10,000吨生乳深加工项目"),  # a thousands comma
    ("", "签约仪式(阿图什市第六小学建设项目)举行，总投资8000万元。", "阿图什市第六小学建设项目"),  # a bracket opened before
    # 县长 inside 连江县长龙 is no title (and the chain of places opening the name is read from its last, session 65)
    ("", "福建省连江县长龙花茶总厂扩建投产。", "连江县长龙花茶总厂"),
    ("", "白茶产业配套基础设施以工代赈项目开工。", "白茶产业配套基础设施以工代赈项目"),  # 以工代赈 stays
    ("", "县就业服务中心建设项目竣工。", "县就业服务中心建设项目"),  # 就业 stays
    # a review's cases: words of names that hold a cut word
    ("", "县长途汽车客运站改造项目开工，总投资8000万元。", "县长途汽车客运站改造项目"),
    ("", "中以（常州）创新园项目签约，总投资10亿元。", "中以（常州）创新园项目"),
    ("", "县应急指挥调度中心建设项目开工，总投资3000万元。", "县应急指挥调度中心建设项目"),
    ("", "城乡统筹供水工程开工，总投资2亿元。", "城乡统筹供水工程"),
    ("", "塔吊机械装配项目落户重化工工业园，总投资5亿元。", "塔吊机械装配项目"),  # the zone is where it goes
    # a second review's: the cut words inside names (jieba reads them as part of a longer word there)
    ("", "珠海边防检查站营房建设项目开工，总投资2亿元。", "珠海边防检查站营房建设项目"),
    ("", "以岭药业连花清瘟生产基地项目开工，总投资15亿元。", "以岭药业连花清瘟生产基地项目"),
    ("", "市区长征路提升改造工程开工，总投资1.6亿元。", "市区长征路提升改造工程"),
    ("", "国网宿迁供电公司电力调度大楼项目开工，总投资1.2亿元。", "国网宿迁供电公司电力调度大楼项目"),
    ("", "老年人就餐服务中心项目建成，总投资800万元。", "老年人就餐服务中心项目"),
])
def test_the_name_after_who_acts_on_it(title: str, body: str, name: str) -> None:
    assert _project(title, body) == name


def test_the_pages_benchmark_scores_project_names_against_their_labels(tmp_path: Path) -> None:
    # bench/facts_pages.py joins a page's text to its labels by address; a made-up text under a labelled address
    labels = json.loads((ROOT / "bench" / "data" / "facts" / "pages-session45.json").read_text(encoding="utf-8"))
    named = next(label for label in labels["projects"] if label["project"] and "“" not in label["project"])
    unnamed = next(label for label in labels["projects"] if not label["project"])
    texts = tmp_path / "texts.jsonl"
    pages = [{"url": named["url"], "title": "", "body": f"近日，{named['project']}正式开工建设，总投资5亿元。", "want": {}},
             {"url": unnamed["url"], "title": "", "body": "全县召开经济工作会议，部署明年工作。", "want": {}}]
    texts.write_text("".join(json.dumps(page, ensure_ascii=False) + "\n" for page in pages), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "facts_pages.py"), str(texts)],
                         capture_output=True, text=True, check=True).stdout
    lines = {line.split()[0] + (" " + line.split()[1] if line.startswith("no project") else ""): line
             for line in out.splitlines() if line.strip()}
    assert "1/1" in lines["project"], out
    assert "1/1" in lines["no project"], out


@pytest.mark.parametrize("title", [
    "仅用8个月建成投产的项目",  # months, not projects
    "两大央企合作项目落地",  # two firms, one project
    "亚洲三大光伏玻璃项目之一开工",  # one of three
])
def test_a_headline_counting_something_else_than_projects_is_no_batch(title: str) -> None:
    body = "总投资12亿元的恒力精密模具项目正式投产。"
    assert _project(title, body) == "恒力精密模具项目"


@pytest.mark.parametrize("title, body, tag", [
    ("某铁路控制性隧道工程贯通", "该铁路总投资58亿元，全长106公里，计划年底建成通车。", "建筑地产"),
    ("", "某电厂投资6亿元的脱硫、脱硝和除尘工程已经启动，明年底完成。", "环保"),
])
def test_transport_works_and_pollution_control_have_their_industries(title: str, body: str, tag: str) -> None:
    assert tag in extract_facts(title, body).industry


def test_a_text_lines_own_project_label_is_scored(tmp_path: Path) -> None:
    # A collector's line may carry its own labels (session 46's helpers wrote `want`, `project` and `also` beside the
    # text): the line's project label is scored as a labels file's would be, its `also` forms accepted.
    texts = tmp_path / "texts.jsonl"
    pages = [{"url": "https://example.invalid/1", "title": "", "body": "近日，某某县冷链物流中心项目正式开工建设，总投资5亿元。",
              "want": {}, "project": "冷链物流中心", "also": ["某某县冷链物流中心项目"]},
             {"url": "https://example.invalid/2", "title": "", "body": "全县召开经济工作会议，部署明年工作。",
              "want": {}, "project": None},
             {"url": "https://example.invalid/3", "title": "", "body": "近日，某某县污水处理厂项目正式开工建设，总投资1亿元。",
              "want": {}, "project": "垃圾焚烧发电项目"}]
    texts.write_text("".join(json.dumps(page, ensure_ascii=False) + "\n" for page in pages), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "facts_pages.py"), str(texts)],
                         capture_output=True, text=True, check=True).stdout
    assert next(line for line in out.splitlines() if line.startswith("project ")).split()[1] == "1/2", out
    assert next(line for line in out.splitlines() if line.startswith("no project")).split()[2] == "1/1", out
