"""Classes of error the session-11 dev paragraphs showed, each with made-up sentences of the same shape:
a county written on its own by its short name (``今天的顺德，``) when the story names no city, spoken
counts of 亿 (``200个亿``), bounds written ``上千亿元``, a line's stage reported in one city of those it
runs through, and a project placed by the sentence that sets the scene before its investment's."""

from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.places import find_places


@pytest.mark.parametrize("body, city, county", [
    ("今天的顺德，一批智能制造项目集中开工，总投资56亿元。", "佛山市", "顺德区"),
    ("慈溪家电产业升级步伐加快，今年慈溪新开工项目40个，总投资120亿元。", "宁波市", "慈溪市"),  # named twice
    # Named twice beside a province that holds it, or once after a county named only by its short name.
    ("广东制造业加快升级，顺德新增技改项目300多个，顺德的家电企业投资超百亿元。", "佛山市", "顺德区"),
])
def test_a_county_named_alone_by_its_short_name_places_the_story(body: str, city: str, county: str) -> None:
    places = extract_facts("", body).places
    assert places and (places[0].city, places[0].county) == (city, county)


@pytest.mark.parametrize("body, expected", [
    # 南海 is the sea far more often than 佛山's 南海区 (jieba counts it more often than its province).
    ("南海之滨，一批海洋装备项目集中开工。", []),
    # A common word (资源 n) is no county.
    ("资源整合项目开工，总投资3亿元。", []),
    # A province the story names rules out a county outside it: the firm is from 顺德, the works are 浙江's.
    ("浙江一批项目集中开工，其中一家顺德企业投资5亿元。", [{"province": "浙江省"}]),
    # Named once inside other words: 三江源 (三江 of 三江县), 满城尽带 (满城区), 创新平台 (新平县),
    # 健康保驾 (康保县), 资金安排 (金安区).
    ("三江源生态保护项目开工，总投资5亿元。", []),
    ("满城尽带黄金甲，这部电影投资5亿元。", []),
    ("某研究院建设创新平台，项目总投资3亿元。", []),
    ("为职工健康保驾护航，某医院扩建项目总投资2亿元。", []),
    ("项目清单和资金安排已经下达，总投资8亿元。", []),
])
def test_a_bare_short_name_that_may_be_something_else_is_no_place(body: str, expected: list[dict[str, str]]) -> None:
    assert [place.to_dict() for place in find_places("", body)] == expected


def test_a_named_city_still_comes_first() -> None:
    # A city named outright is the story's place; the bare county is read only when no city is named.
    places = find_places("", "在杭州，一批数字经济项目集中签约，总投资200亿元，顺德一家企业参与其中。")
    assert places[0].city == "杭州市"


@pytest.mark.parametrize("body, amount", [
    ("今天，某市集中开工项目30个，总投资200个亿。", 2e10),
    ("某新材料产业园项目今天签约，总投资50多个亿。", 5e9),
])
def test_spoken_counts_of_yi_are_amounts(body: str, amount: float) -> None:
    # Spoken Chinese counts 亿 like a thing ("200个亿"); interviews and TV transcripts print it so.
    assert extract_facts("", body).amount == amount


def test_a_counted_yi_word_is_no_amount() -> None:
    assert extract_facts("", "这个项目带动当地出现了3个亿万富翁。").amount is None


@pytest.mark.parametrize("body, amount", [
    ("某洽谈会今天举行，共签约140多个项目，总投资额上千亿元。", 1e11),
    ("该产业园项目总投资上百亿元，今天开工。", 1e10),
])
def test_over_a_hundred_or_thousand_yi_is_a_bound_like_chao(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("body", ["该项目总投资上千万元，今天开工。", "该项目总投资数十亿元，今天开工。"])
def test_vague_sizes_stay_unread(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_line_through_several_cities_reports_its_stage_in_any_of_them() -> None:
    body = ("今天，某输变电联网工程在西藏林芝开工建设。工程总投资160亿元，起于西藏昌都市芒康县，"
            "止于山南市桑日县。")
    assert extract_facts("", body).stage == "开工"


def test_another_citys_works_still_report_no_stage_of_a_one_city_project() -> None:
    # The session-10 rule stands when the investment's sentence names one city.
    body = "今天，广州24个重点项目集中投产。在兰州高新区，一批项目集中开工，总投资超百亿元。"
    facts = extract_facts("", body)
    assert (facts.stage, facts.places[0].city) == ("开工", "兰州市")


@pytest.mark.parametrize("body, city", [
    ("在重灾区德阳市，工业产值突破千亿大关。在绵阳，重建打下了坚实基础。不久前，总投资超50亿元的某航空科技城项目开工建设。",
     "绵阳市"),
    # The sentence of the investment names its place: the scene before it does not count.
    ("在德阳，工业产值突破千亿大关。在绵阳，总投资超50亿元的某航空科技城项目开工建设。", "绵阳市"),
    ("在绵阳，某航空科技城去年开工。今年，德阳一个总投资30亿元的装备项目签约。", "德阳市"),
])
def test_the_sentence_that_sets_the_scene_places_the_investment(body: str, city: str) -> None:
    assert extract_facts("", body).places[0].city == city


def test_the_scene_is_read_within_the_paragraph_only() -> None:
    body = "在德阳，工业产值突破千亿大关。在绵阳，重建打下了坚实基础。\n不久前，总投资超50亿元的某项目开工建设，德阳市委书记出席。"
    assert extract_facts("", body).places[0].city == "德阳市"


@pytest.mark.parametrize("title, stage", [
    ("某新能源汽车工厂今天交付使用", "竣工"),
    ("某市博物馆新馆今天开馆", "投产"),
    ("某水电站全部机组投入运行", "投产"),  # (a first unit's, "首批机组投入运行", is stage null: the session-22 convention)
    ("某省首条城际铁路今天正式开通", "投产"),
    # Completed and put into operation in one event: the labels of session 11 read it as 投产; since session 55 the
    # completion, 竣工, as every reader of sessions 54–55 labels it. A plant built and run (建成投运, 建成投产) starts
    # production: 投产.
    ("某特高压工程今天竣工投产", "竣工"),
    ("某机场扩建工程竣工投运", "竣工"),
    ("某变电站建成投运", "投产"),
])
def test_more_words_of_works_put_to_use(title: str, stage: str) -> None:
    assert extract_facts(title, "").stage == stage


def test_a_hall_closing_is_no_stage() -> None:
    assert extract_facts("某展览馆闭馆维修", "").stage is None


@pytest.mark.parametrize("body, amount, kind", [
    ("某省会城市在网上对接项目，日前签约金融、商贸等领域的项目560亿元。", 5.6e10, "roundup"),
    ("今天，某市签约项目120亿元。", 1.2e10, "roundup"),
])
def test_a_signings_projects_total_is_its_batch(body: str, amount: float, kind: str) -> None:
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (amount, kind)


@pytest.mark.parametrize("body", [
    "今年以来，某市签约项目560亿元。",  # a tally over a span
    "今天，某市签约一个新能源项目50亿元。",  # one project, no investment word
])
def test_a_signings_projects_total_needs_one_events_batch(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_bare_opening_of_a_service_is_no_stage() -> None:
    # 开通 alone opens routes, accounts and services as often as works (dev labels: no stage 10 times of 16).
    assert extract_facts("", "某银行开通线上服务，方便企业办理业务。").stage is None


def test_a_spans_tally_counted_in_firms_is_no_investment() -> None:
    # "引进各类总部49家": firms counted like projects make the half-year's total a tally.
    body = "今年上半年，某商务区新增注册企业3600余家、引进各类总部49家、重大产业项目总投资额近1500亿元。"
    assert extract_facts("", body).amount is None


def test_one_event_of_a_span_keeps_its_total() -> None:
    body = "今年上半年，某市举行重大项目集中签约仪式，12家企业签约，总投资120亿元。"
    assert extract_facts("", body).amount == 1.2e10


@pytest.mark.parametrize("body, stage", [
    ("总投资113亿元的某电网建设工程日前在天津启动。", "开工"),
    ("某水利工程今天在某县正式启动，总投资20亿元。", "开工"),
    ("某水利工程将于明年在某县启动，总投资20亿元。", None),  # a plan
])
def test_a_works_launch_with_its_time_and_place_between(body: str, stage: str | None) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body, amount", [
    ("某城市群城际铁路建设规划近日获批复，总里程约700公里，计划总投资4000亿元。", None),  # the plan's total
    ("某省综合交通发展规划印发，规划期内计划总投资1.2万亿元。", None),
    # A work of the plan named before its own total keeps it; so does a project merely following a plan.
    ("该市总体规划获批，其中某枢纽工程总投资80亿元。", 8e9),
    ("按照发展规划，某产业园项目总投资50亿元，今天开工。", 5e9),
])
def test_a_planning_documents_total_is_a_programmes(body: str, amount: float | None) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("body, stage", [
    ("今年，某市要整治一条河道，投资10亿元把河道两岸建成一座公园。", None),  # what the city is to do
    ("会议强调，要加快项目建设，确保年底竣工。", None),
    # 主要, 重要, 需要 are no modal of a subject: the works' own stage stands.
    ("今天，某项目主体完工，主要建设内容今天竣工，总投资5亿元。", "竣工"),
])
def test_a_subjects_modal_yao_is_a_plan(body: str, stage: str | None) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body, stage", [
    ("在某市，一期投资80亿元的某显示器件项目从落地到开工建设仅用时45天。", "开工"),
    ("某汽车零部件项目总投资5亿元，从签约到投产只用了8个月。", "投产"),
    ("园区提供从签约到投产的全流程服务，某项目总投资5亿元。", None),  # a span of stages, no report
])
def test_the_time_a_work_took_to_reach_a_stage_reports_it(body: str, stage: str | None) -> None:
    assert extract_facts("", body).stage == stage
