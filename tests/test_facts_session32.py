"""Session 32, checked on made-up stories: a site's configured place settles the story's ambiguous names and leads when
every city the story names is its visitors' or investors' home; an official's name that spells a place ("市长包江苏") is
no place; a work's progress in more words ("结顶", "如火如荼施工", "钢柱吊装", "进度过半") tells it started; a year
heading an event's own name ("2025年…经贸活动周的重要活动之一") is no span; a headline naming one school or venue is one
work's story; and the benchmark's ``--portal`` reading of labelled pages.

Each class comes from real pages' misses (bench/data/facts/README.md "Real pages (session 32)"); the stories here are
written for the tests, with guards for the readings the changes must leave alone.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.amounts import find_investment
from newsmon.facts.places import find_places
from newsmon.facts.stages import find_stage

ROOT = Path(__file__).resolve().parent.parent

VISIT = ("2月8日,中农信投(上海)能源科技有限公司投资总监陶某一行3人来我区洽谈考察投资事宜,河东区人大常委会副主任诸葛某出席,"
         "区投促中心、光伏新能源产业招商专班相关负责同志参加活动。座谈会上,双方就投资主体优势、项目收益、设备规模、实施步骤、"
         "合作模式几个核心问题进行了深入探讨与交流。区投促中心对河东的基本区情、地域资源等进行简要介绍。")


def _city(facts) -> str:
    return next((place.city for place in facts.places if place.city), "")


def test_a_sites_place_settles_an_ambiguous_district_over_an_investors_home() -> None:
    # 河东区 is a district of 临沂 and of 天津: alone it is neither. The investor's home in its firm's name ("中农信投(上海)")
    # led until session 35, whose fit of the city model on real pages labelled "not the investor's home" reads no city.
    assert _city(extract_facts("", VISIT)) == ""
    assert _city(extract_facts("", VISIT, home="临沂市河东区")) == "临沂市"
    assert _city(extract_facts("", VISIT, home="天津市河东区")) == "天津市"


def test_a_sites_place_leads_when_every_city_named_is_the_visitors_home() -> None:
    story = ("3月5日,上海市徐汇区经贸考察团一行12人赴我县考察,先后参观了县工业园区和某新材料公司,"
             "双方就产业转移、项目合作等进行了深入交流。县委书记陪同考察并主持座谈会。")
    assert _city(extract_facts("", story, home="靖边县")) == "榆林市"
    # the story's own city named beside the visitors' home stays first, whatever the site's place
    own = story.replace("参观了县工业园区", "参观了延安市宝塔区工业园区")
    assert _city(extract_facts("", own, home="靖边县")) == "延安市"
    # no site place: the visitors' home is still all the story names
    assert _city(extract_facts("", story)) == "上海市"


@pytest.mark.parametrize("text", [
    "12日下午,市委书记陈某主持召开市委专题会议,市长包江苏、市领导齐某出席会议。",
    "副市长刘长春出席并讲话。",
    "县委书记王大同在会上强调,要抓紧工作进度。",
])
def test_an_officials_name_that_spells_a_place_is_no_place(text: str) -> None:
    assert find_places("", text) == []


@pytest.mark.parametrize("text, city", [
    ("市长赴江苏调研,考察了某产业园。", ""),  # 赴 is no surname: the trip's province stays
    ("武汉市长江大桥建成通车。", "武汉市"),
    ("副市长江某出席,某项目在大连市开工。", "大连市"),
])
def test_places_beside_an_officials_title_stay(text: str, city: str) -> None:
    places = find_places("", text)
    assert places and (places[0].city == city if city else places[0].province == "江苏省")


def test_an_officials_name_no_longer_keeps_a_county_portals_story_from_its_place() -> None:
    story = ("12日下午,市委书记陈某主持召开市委专题会议,听取某综合治理项目进展情况汇报。市长包江苏、市领导齐某出席会议。"
             "陈某强调,要鼓足干劲,攻坚克难,确保项目顺利推进。")
    assert _city(extract_facts("", story, home="福鼎市")) == "宁德市"


@pytest.mark.parametrize("body", [
    "该安置房建设工程近日已顺利完成结顶,总投资额约5.28亿元。",
    "11月13日,某安置楼工程正在如火如荼施工,目前主体均完成至28层。",
    "自今年5月25日首根钢柱吊装就位以来,厂房的轮廓已初具规模。",
    "截至目前,该项目建设进度已过半,上半年完成投资超3亿元。",
    "经过三年的施工建设,该电站首台机组将于本月底发电。",
])
def test_a_works_progress_in_more_words_tells_it_started(body: str) -> None:
    assert find_stage("", body) == "开工"


@pytest.mark.parametrize("body", [
    "该大楼将于年底结顶。",  # a plan
    "全县18个项目正在如火如荼施工。",  # many works' progress: a count
    "工人们正在进行吊装作业培训。",  # no steel raised
])
def test_progress_words_leave_plans_and_counts_alone(body: str) -> None:
    assert find_stage("", body) != "开工"


def test_a_progress_story_of_one_work_is_read_as_started() -> None:
    facts = extract_facts("某县文体中心项目有序推进", (
        "近日笔者获悉,某县文体中心体育馆项目有序推进,目前正抓紧进行体育馆钢屋构的桁架吊装拼接等工作,预计于8月底可完成主体验收。\n"
        "据悉,某县文体中心属于市级重点建设项目,规划用地501亩,总建筑面积12万平方米,总投资11.45亿元。项目分为体育中心和"
        "文化艺术中心两大部分,建成后将进一步拓展城市发展空间,完善城市配套功能。"))
    assert (facts.amount, facts.stage) == (1145000000.0, "开工")


def test_a_year_heading_an_events_name_is_no_span() -> None:
    body = ("4月1日,某省对接粤港澳大湾区经贸合作推介会在深圳举行。作为2025年某省-粤港澳大湾区经贸活动周的重要活动之一,"
            "推介会共达成招商引资签约项目83个,签约总额450.46亿元,项目涵盖新能源、高端制造、数字经济等多个领域。")
    found = find_investment("", body)
    assert found is not None and (found.value, found.kind) == (45046000000.0, "roundup")
    assert extract_facts("", body).stage == "签约"


@pytest.mark.parametrize("body", [
    "2023年全市共举办推介会12场,签约项目83个,签约总额450.46亿元。",  # the year's tally of many events
    "2024年,全县签约项目83个,签约总额450.46亿元。",
])
def test_a_years_tally_stays_a_span(body: str) -> None:
    assert find_investment("", body) is None


def test_a_headline_naming_one_school_is_one_works_story() -> None:
    body = ("某新闻网讯 1月12日下午,某市政府召开明德学校建设现场办公会,强力推进学校建设,着力完善教育资源布局。\n"
            "明德学校是市行政中心搬迁的配套工程,规划用地108亩,总投资2亿元。计划开设小学42个班级,初中60个班级。")
    facts = extract_facts("强力推进明德学校建设 着力完善教育资源布局", body)
    assert facts.amount == 200000000.0


def test_a_headline_of_schools_in_general_stays_general() -> None:
    body = ("今年以来,某市加快推进学校建设,着力完善教育资源布局。\n"
            "其中,某中学改扩建工程总投资2亿元,某小学新建工程总投资1.5亿元,某幼儿园总投资3000万元。")
    assert extract_facts("加快推进学校建设 着力完善教育资源布局", body).amount is None


def test_the_benchmark_reads_a_pages_portal_as_its_sites_place(tmp_path: Path) -> None:
    page = {"url": "http://example.invalid/a", "title": "", "body": VISIT,
            "want": {"amount": None, "currency": None, "kind": None, "stage": "洽谈", "city": "临沂",
                     "portal": "临沂市河东区"}}
    texts = tmp_path / "pages.jsonl"
    texts.write_text(json.dumps(page, ensure_ascii=False) + "\n", encoding="utf-8")

    def city_line(*flags: str) -> str:
        out = subprocess.run([sys.executable, str(ROOT / "bench" / "facts_pages.py"), str(texts), *flags],
                             capture_output=True, text=True, check=True).stdout
        return next(line for line in out.splitlines() if line.startswith("city"))

    assert "0/1" in city_line()
    assert "1/1" in city_line("--portal")


def test_a_body_repeating_its_headline_reads_the_lead_after_it() -> None:
    title = "某地农博会推出农业项目总投资94亿大单"
    lead = ("中新网11月18日电 18日,某地特色农业产业招商项目投资说明会在成都举行,集中签约了农业产业项目32个、总投资94.015亿元、"
            "引资额92.215亿元。")
    for body in (lead, title + "\n" + lead, "\n  " + title + "  \n" + lead):
        facts = extract_facts(title, body)
        assert (facts.amount, facts.kind) == (9401500000.0, "roundup"), body[:30]


def test_a_first_line_only_beginning_like_the_headline_stays() -> None:
    title = "某县项目集中开工"
    body = "某县项目集中开工仪式昨日举行,此次集中开工项目12个,总投资35亿元。"
    assert (extract_facts(title, body).amount, extract_facts(title, body).kind) == (3500000000.0, "roundup")


def test_a_county_sites_own_town_is_no_city_of_that_name() -> None:
    story = ("近日,记者从南通镇了解到,总投资达4917万元的南通新卫生院将于明年底正式投用,届时南通群众将拥有一个舒适便捷的"
             "就医环境。陈旧的设备、老旧的用房,这是南通村民对镇卫生院的老印象。")
    assert _city(extract_facts("南通新卫生院将于明年底投用", story)) == "南通市"  # no site place: the name's city
    assert _city(extract_facts("南通新卫生院将于明年底投用", story, home="闽侯县")) == "福州市"  # 闽侯县's 南通镇


def test_a_county_portals_story_speaking_as_the_county_is_the_countys() -> None:
    story = ("11月1日下午,县长李某到县经济开发区篁嘉园区调研察看重点项目建设进展情况,县经济开发区管委会主任王某陪同调研。"
             "李某先后到在建的飞翔电器电机厂房、黄山胶囊产业园、标准化厂房建设现场,进工地、看进度、问计划。")
    assert _city(extract_facts("", story)) == "黄山市"  # a firm's brand read as the city, with nothing else named
    assert _city(extract_facts("", story, home="旌德县")) == "宣城市"
    # a story naming a county of its own is left to it, whatever the site's place
    assert _city(extract_facts("", "歙县" + story, home="旌德县")) == "黄山市"
    # a city's site: "县" words speak of no county of its own
    assert _city(extract_facts("", story, home="宣城市")) == "黄山市"


def test_firms_counted_signing_together_are_a_batch() -> None:
    found = find_investment("", "会上还与7家企业代表举行了签约仪式,意向签约资金14亿余元。")
    assert found is not None and found.kind == "roundup"


def test_a_sentence_going_on_about_the_work_named_before_reports_its_start() -> None:
    body = "某县第二中学项目是县重点项目。批复总投资1.55亿元,占地面积80亩,于今年3月开工建设,建成后共设置36个教学班。"
    assert find_stage("", body) == "开工"
    # an approved figure is no approval of its own
    assert find_stage("", "某县第二中学项目是县重点项目。批复总投资1.55亿元,占地面积80亩。") is None
    # a sentence with a subject of its own still needs a work
    assert find_stage("", "某县第二中学项目是县重点项目。在营地腾出一间帐篷,建成灾区第一所少儿之家。") is None


def test_banks_signing_with_firms_are_no_batch_of_projects() -> None:
    assert find_investment("", "银企对接会上,15家银行与62家企业现场签约,签约金额达45.6亿元。") is None


def test_a_headline_figure_the_lead_restates_as_a_tally_so_far_is_none() -> None:
    title = "23个招商项目签约额109.52亿元 某新区招商引资工作实现开门红"
    body = ("6月5日,记者从新区经合局了解到,今年以来,新区以全市招商引资百日大会战为牵引,截至目前,共引进产业项目23个,"
            "签约额109.52亿元,招商引资工作实现开门红。")
    assert extract_facts(title, body).amount is None
    # the day's signing restated with its event stays the event's batch
    event = "6月5日,某市举行重大项目集中签约仪式,现场签约项目23个,签约金额109.52亿元。今年以来,全市累计签约项目80个。"
    facts = extract_facts("某市重大项目集中签约 签约金额109.52亿元", event)
    assert (facts.amount, facts.kind) == (10952000000.0, "roundup")


# The review's findings (a helper read the diff and ran hostile inputs): each reading below went wrong with the first
# version of the session's rules.
@pytest.mark.parametrize("home, body", [
    ("临沂市河东区", "某灌区工程位于黄河口,建成后改善平原地区灌溉。"),  # weak short names in the home's province
    ("临沂市河东区", "登上泰山之巅,远眺群山。"),
    ("靖边县", "某公司建设白水泥生产线。"),
    ("闽侯县", "东山再起,大田里一片丰收景象。"),
])
def test_a_sites_place_makes_no_place_of_common_words(home: str, body: str) -> None:
    assert find_places("", body, home=home) == find_places("", body)


def test_a_story_spelling_out_another_district_keeps_it() -> None:
    places = find_places("", "天津市河东区某项目开工。", home="临沂市河东区")
    assert places[0].city == "天津市"


def test_a_name_after_its_province_is_no_own_town() -> None:
    places = find_places("", "我县与江苏南通某公司签约,项目落户县经济开发区。", home="闽侯县")
    assert [place.city for place in places] == ["福州市", "南通市"]  # the investor's home kept, after the site's own
    # without its province the name is the county's own 南通镇
    assert find_places("", "我县与南通某公司签约,项目落户县经济开发区。", home="闽侯县") == []


@pytest.mark.parametrize("home, body, city", [
    ("靖边县", "县长到西安市调研某项目,该项目位于西安市高新区,已开工建设。", "西安市"),  # the story sites its work
    ("福鼎市", "宁德市召开全市重点项目推进会,全市42个项目集中开工。", "宁德市"),  # a county-level city: 全市 is the prefecture's
    ("临沂市河东区", "上海某公司在上海开工建设新厂,全区域推广。", "上海市"),  # 全区域 is no 全区
])
def test_a_county_sites_voice_leaves_a_story_that_sites_its_work_elsewhere(home: str, body: str, city: str) -> None:
    assert _city(extract_facts("", body, home=home)) == city


def test_the_site_lets_a_district_inside_it_lead() -> None:
    body = "上海某公司一行来我市考察,在兰山区会展中心举行签约仪式。"
    places = find_places("", body, home="临沂市")
    assert (places[0].city, places[0].county) == ("临沂市", "兰山区")


@pytest.mark.parametrize("body", [
    "某项目正在加速推进,力争早日开工。",
    "前期工作正在加速推进。",
    "招商工作紧锣密鼓推进。",
    "征迁工作已进入收尾阶段。",
    "机器轰鸣,生产线满负荷运转。",
    "某项目上半年时间进度过半。",
    "拆迁手续办理已完成80%的工作量。",
])
def test_plans_preparations_and_factories_are_no_work_under_way(body: str) -> None:
    assert find_stage("", body) != "开工"


def test_a_tender_being_prepared_stays_a_tender() -> None:
    assert find_stage("", "某项目开始进行施工招标。") != "开工"


@pytest.mark.parametrize("body", [
    "县发改局不同意该项目立项。",
    "会议原则同意某某项目投资协议。",
    "原则同意将某项目列入年度重点项目。",
    "原则同意某公司收购某项目的请示。",
    "原则同意某某工程质量整改方案。",
])
def test_approvals_of_no_work_or_refused_are_no_approval(body: str) -> None:
    assert find_stage("", body) != "核准"


@pytest.mark.parametrize("title", ["加快推进农村学校建设", "加快义务教育学校建设", "推进薄弱学校改造", "加快公办幼儿园建设",
                                   "推进乡镇中学建设", "加快寄宿制学校建设", "推进城区小学建设"])
def test_generic_school_headlines_stay_general(title: str) -> None:
    body = ("今年以来,某市加快推进学校建设,着力完善教育资源布局。\n"
            "其中,某中学改扩建工程总投资2亿元,某小学新建工程总投资1.5亿元,某幼儿园总投资3000万元。")
    assert extract_facts(title, body).amount is None


def test_a_years_tally_at_many_events_stays_a_span() -> None:
    assert find_investment("", "2023年全市在各类推介会上签约项目83个,签约总额450.46亿元。") is None


@pytest.mark.parametrize("body, city", [
    ("集团董事长于北京会见客商。", "北京市"),
    ("局长向上海、深圳等地客商推介。", "上海市"),
])
def test_prepositions_are_no_surnames(body: str, city: str) -> None:
    places = find_places("", body)
    assert places and (places[0].city or places[0].province) == city


def test_a_subtitle_after_a_repeated_headline_is_still_read() -> None:
    title = "看进度 比质效"
    body = title + "\n——某市重大项目集中开工侧记\n3日,某市举行重大项目集中开工活动,此次开工项目12个,总投资91亿元。"
    facts = extract_facts(title, body)
    assert (facts.amount, facts.kind, facts.stage) == (9100000000.0, "roundup", "开工")


@pytest.mark.parametrize("body, stage", [
    ("河北廊坊某县与天津市南开区13日签署协同发展框架协议,在推动产业梯度转移、探索共建产业园区等多个方面展开合作。", None),
    ("此次活动中双方签署了战略合作框架协议,促进两地在招商引资、产业转移等领域的合作。", None),
    # a firm, a work built together or money in the sentence: a project's signing still
    ("某县与某公司签署投资框架协议。", "签约"),
    ("某新区与某市某县签订共建山海协作“产业飞地”框架协议。", "签约"),
    ("某县人民政府与某市政府签署合作协议,共建产业园项目,总投资10亿元。", "签约"),
])
def test_places_agreeing_to_cooperate_sign_no_project(body: str, stage) -> None:
    assert find_stage("", body) == stage
