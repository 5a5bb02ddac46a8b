"""Session 37, checked on made-up stories: the city model reads a provincial story (a province's leaders meeting a
group in their capital) as no city, while a capital's own work keeps its city; a city named only as a firm's or a
visitor's home is not weighed; the division table tells a province's capital; the scorer reads a province-administered
autonomous county by its short name; the stage and amount trainers fine-tune their wording model (``--tune-wording``)
instead of keeping the shipped one.

The classes come from real pages' misses (bench/data/facts/README.md "Real pages (session 37)"); the stories here are
written for the tests, with guards for the readings the change must leave alone.
"""
from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from facts_probe_check import first_city, wrong_fields
from facts_trainer_run import ROOT, STORY_TAIL, run_trainer
from newsmon.facts import InvestmentFacts, city_evidence, extract_facts, wording_text
from newsmon.facts.city_model import no_city_features, only_home
from newsmon.facts.places import Place, provincial_capital
from newsmon.facts.text import GOVERNOR
from newsmon.facts.wording import STAGE_WORDING, fingerprint, fit, vector

_PROVINCIAL_MEETING = ("新甘肃客户端兰州1月10日讯(记者张某)省委书记张某,省委副书记、省长李某今天在兰州会见了某重工集团有限公司党委书记、"
                       "董事长王某一行。张某欢迎王某一行来甘考察投资。他说,甘肃工业基础雄厚,风能光热资源丰富,新能源产业发展前景广阔。"
                       "希望集团发挥企业优势,扩大在甘投资,加快项目落地投产。王某表示,集团将同甘肃在项目建设、技术创新等方面深入合作。"
                       "会见后,省政府和集团签署了战略合作框架协议。")


@pytest.mark.parametrize("city, capital", [
    ("兰州市", True), ("成都市", True), ("乌鲁木齐市", True), ("拉萨市", True), ("石家庄市", True),
    ("绵阳市", False), ("深圳市", False), ("大连市", False), ("青岛市", False), ("不是城市", False),
])
def test_the_division_table_tells_a_provinces_capital(city: str, capital: bool) -> None:
    assert provincial_capital(city) is capital


@pytest.mark.parametrize("lead", [
    "湖南省长沙市某新材料项目3月5日开工", "吉林省长春市某项目签约", "省委常委、市委书记刘某出席开工仪式", "该项目规模居全省前列",
])
def test_a_place_after_its_province_or_a_citys_secretary_is_no_provinces_body(lead: str) -> None:
    assert "null&prov_actor" not in no_city_features("", lead + "。" + STORY_TAIL, [])


def test_a_provincial_story_reads_its_province_at_the_no_city_answer() -> None:
    title, body, found = city_evidence("", _PROVINCIAL_MEETING)
    features = no_city_features(title, body, found)
    assert features["null&prov_actor"] == 1.0 and features["null&prov_named"] > 1.0
    assert [c.city for c in found if c.capital] == ["兰州市"]
    # guard: a county's story names no province's body
    county = "3月5日,某县2023年第一批重大项目集中开工,共12个项目,总投资20亿元。县委书记出席并宣布开工。"
    assert "null&prov_actor" not in no_city_features(*city_evidence("", county))


@pytest.mark.parametrize("title, body, city", [
    ("", _PROVINCIAL_MEETING, None),
    # guards: a capital's own work, a city's batch opened by a provincial leader
    ("兰州新区某新材料项目开工 总投资10亿元", "3月5日,兰州新区某新材料项目开工仪式举行。该项目总投资10亿元,占地300亩,建设年产5万吨"
     "新材料生产线,项目建成后可实现年产值20亿元。兰州新区党工委书记出席开工仪式并宣布项目开工。", "兰州"),
    ("", "3月5日,成都市某区2023年第一批重大项目集中开工,共35个项目,总投资120亿元。省委常委、市委书记出席并宣布开工。这批项目"
     "涵盖先进制造、现代服务等领域,将为成都高质量发展注入新动能。", "成都"),
    ("", "3月5日,总投资20亿元的某新材料项目在昆明开工。省委常委、市委书记刘某出席并宣布开工。该项目规模居全省前列,建成后可"
     "实现年产值30亿元,带动就业2000人,将为昆明高质量发展注入新动能。", "昆明"),
    ("", "湖南省长沙市某新材料项目3月5日开工,总投资20亿元,占地300亩,建设年产10万吨新材料生产线,项目建成后可实现年产值20亿元,"
     "带动就业1500人。长沙市领导出席开工仪式并宣布项目开工。", "长沙"),
])
def test_a_provinces_leaders_meeting_in_its_capital_names_no_city(title: str, body: str, city: str | None) -> None:
    assert wrong_fields(extract_facts(title, body), {"city": city}) == []


def test_a_city_named_only_as_a_firms_home_is_not_weighed() -> None:
    visit = ("2月8日,中农信投(上海)能源科技有限公司投资总监陶某一行3人来我区洽谈考察投资事宜,区人大常委会副主任诸葛某出席。"
             "座谈会上,双方就投资主体优势、项目收益、设备规模、实施步骤、合作模式几个核心问题进行了深入探讨与交流。"
             "区投促中心对本区的基本区情、地域资源、产业基础和营商环境等进行了简要介绍。")
    found = city_evidence("", visit)[2]
    assert [c.city for c in found if only_home(c)] == ["上海市"]
    assert first_city(extract_facts("", visit)) is None
    # guards: the same firm's city named as the site too is weighed, and so is a local firm's in the headline
    site = visit.replace("来我区洽谈考察投资事宜", "在上海市某区建设的光伏项目开工")
    assert not any(only_home(c) for c in city_evidence("", site)[2])
    local = ("3月5日,某某(兰州)新材料有限公司年产10万吨新材料项目开工仪式举行。该项目总投资10亿元,占地300亩,建设年产10万吨"
             "新材料生产线,项目建成后可实现年产值20亿元。区领导出席开工仪式并宣布项目开工。")
    assert first_city(extract_facts("某某(兰州)新材料有限公司10万吨项目开工", local)) == "兰州市"


def test_a_visitors_home_gives_the_story_no_province() -> None:
    visit = ("3月8日,深圳某科技集团有限公司董事长一行来我县考察,县委书记陪同考察了县工业园区和某新材料企业,双方就产业转移、"
             "项目合作等进行了深入交流。县委书记介绍了县情和营商环境,欢迎企业来县投资兴业。" + STORY_TAIL)
    assert [c.city for c in city_evidence("", visit)[2] if only_home(c)] == ["深圳市"]
    assert extract_facts("", visit).places == ()


@pytest.mark.parametrize("got, want, same", [
    ("琼中黎族苗族自治县", "琼中", True), ("乐东黎族自治县", "乐东", True), ("黔南布依族苗族自治州", "黔南", True),
    ("定安县", "定安", True),
    # guards: another county, a prefix too short to name one
    ("琼中黎族苗族自治县", "乐东", False), ("琼中黎族苗族自治县", "琼", False),
])
def test_the_scorer_reads_an_autonomous_county_by_its_short_name(got: str, want: str, same: bool) -> None:
    facts = InvestmentFacts(places=(Place("海南省", got, ""),))
    assert (wrong_fields(facts, {"city": want}) == []) is same


# --tune-wording: the stage and amount trainers fine-tune the shipped wording model instead of keeping it.
_STAGE_WEIGHTS = ROOT / "facts" / "data" / "stage_model.json"
_trainer = partial(run_trainer, "stage")


def _own_pages(folder: Path) -> list[Path]:
    """Pages of one's own in two files (so the wording's out-of-fold fits have folds), labelled by their ``want``."""
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for half in (0, 1):
        pages = []
        for i in range(half * 6, half * 6 + 6):
            pages.append({"url": f"http://127.0.0.1/own/{i}", "title": f"第{i}号物流园项目正式开工",
                          "body": "项目现场一派繁忙景象，该项目总投资5亿元，今天正式开工建设。" + STORY_TAIL * 2,
                          "want": {"stage": "开工"}})
            pages.append({"url": f"http://127.0.0.1/own/s{i}", "title": f"某县召开第{i}次重点项目调度会",
                          "body": "会议听取了全县重点项目推进情况汇报，研究解决项目建设中的困难和问题。" + STORY_TAIL * 2,
                          "want": {"stage": None}})
        path = folder / f"own{half}.jsonl"
        path.write_text("".join(json.dumps(page, ensure_ascii=False) + "\n" for page in pages), encoding="utf-8")
        paths.append(path)
    return paths


def _arrays(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as doc:
        return {name: doc[name] for name in ("weights", "bias", "classes", "prior")}


def test_the_trainer_fine_tunes_the_shipped_wording_from_its_weights(tmp_path: Path) -> None:
    out = tmp_path / "stage_model.json"
    done = _trainer(*map(str, _own_pages(tmp_path)), "--prior", str(_STAGE_WEIGHTS), "--tune-wording", "1e-2",
                    "--iterations", "1", "--rate", "0.000001", "--out", str(out))
    assert done.returncode == 0, done.stderr
    shipped, tuned = _arrays(STAGE_WORDING.file), _arrays(tmp_path / STAGE_WORDING.file.name)
    # The pages moved the wording (a fine-tune, not the shipped file copied), from the shipped weights: the class
    # shares and the bias (the first, larger fit's) are kept, and the buckets these pages never use are untouched.
    assert not np.array_equal(shipped["weights"], tuned["weights"])
    assert np.array_equal(shipped["bias"], tuned["bias"]) and np.array_equal(shipped["prior"], tuned["prior"])
    assert list(shipped["classes"]) == list(tuned["classes"])
    moved = set(np.flatnonzero(np.any(shipped["weights"] != tuned["weights"], axis=1)).tolist())
    used = {int(c) for path in _own_pages(tmp_path / "again") for line in path.read_text(encoding="utf-8").splitlines()
            for c in vector(*wording_text(json.loads(line)["title"], json.loads(line)["body"], ""))[0]}
    assert moved and moved <= used
    # The weights name the wording they were fitted with.
    assert json.loads(out.read_text(encoding="utf-8"))["wording"] == fingerprint(*tuned.values())


@pytest.mark.parametrize("options, says", [
    (("--tune-wording", "1e-2"), "give --prior too"),
    (("--tune-wording", "-1", "--prior", str(_STAGE_WEIGHTS)), "a penalty from 0"),
])
def test_the_trainer_refuses_a_wording_tune_it_cannot_do(tmp_path: Path, options: tuple[str, ...], says: str) -> None:
    done = _trainer(*map(str, _own_pages(tmp_path)), *options, "--dry-run")
    assert done.returncode != 0 and says in done.stderr and "Traceback" not in done.stderr


def test_a_wording_beside_the_prior_must_be_the_one_its_weights_name(tmp_path: Path) -> None:
    # A prior copied away with another fit's wording beside it (the shipped one renamed) is refused, not tuned from.
    prior = tmp_path / "prior" / "stage_model.json"
    prior.parent.mkdir()
    doc = json.loads(_STAGE_WEIGHTS.read_text(encoding="utf-8"))
    prior.write_text(json.dumps({**doc, "wording": "0" * 16}), encoding="utf-8")
    (prior.parent / STAGE_WORDING.file.name).write_bytes(STAGE_WORDING.file.read_bytes())
    done = _trainer(*map(str, _own_pages(tmp_path)), "--prior", str(prior), "--tune-wording", "1e-2", "--dry-run")
    assert done.returncode != 0 and "not the wording stage_model.json was fitted with" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_wording_fine_tune_is_pulled_towards_its_start() -> None:
    texts = [("某项目正式开工", "项目今天正式开工建设。"), ("某县召开调度会", "会议听取了重点项目推进情况汇报。")] * 4
    vectors = [vector(title, body) for title, body in texts]
    labels = [1, 0] * 4
    start_w, start_b = fit(vectors, labels, 2)
    start_w[0, :] = 0.5  # a bucket no text uses
    kept_w, kept_b = start_w.copy(), start_b.copy()
    strong, _ = fit(vectors, [0, 1] * 4, 2, l2=100.0, start=(start_w, start_b))
    weak, bias = fit(vectors, [0, 1] * 4, 2, l2=1e-6, start=(start_w, start_b))
    assert np.array_equal(start_w, kept_w) and np.array_equal(start_b, kept_b)  # (the start is read, not changed)
    used = np.flatnonzero(np.any(start_w != 0, axis=1))[1:]
    # The opposite labels move a weakly held fit far from its start, a strongly held one hardly; the start's bias and
    # its unused buckets stay as they were.
    assert np.abs(weak[used] - start_w[used]).mean() > 10 * np.abs(strong[used] - start_w[used]).mean()
    # …and a strongly held fit starts from the start (from zero it could not end near it in 150 steps)
    assert np.abs(strong[used] - start_w[used]).mean() < 0.1 * np.abs(start_w[used]).mean()
    assert np.array_equal(bias, start_b) and strong[0, 0] == weak[0, 0] == 0.5


@pytest.mark.parametrize("text, governor", [
    ("省委副书记、省长李某今天在兰州会见了", True), ("副省长王某", True), ("云南省省长", True), ("省委副书记、代省长某某", True),
    ("省长郭树清在济南会见", True),
    # guards: a place written after its province
    ("湖南省长沙市某项目", False), ("吉林省长春市", False), ("浙江省长兴县", False),
])
def test_a_governors_title_is_read_as_such_by_the_rules_and_the_city_model(text: str, governor: bool) -> None:
    # One pattern (text.GOVERNOR) for the rules' provincial meetings and the city model's provincial bodies.
    assert bool(re.search(GOVERNOR, text)) is governor
    assert ("null&prov_actor" in no_city_features("", text + "。" + STORY_TAIL, [])) is governor
