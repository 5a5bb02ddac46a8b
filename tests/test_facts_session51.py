"""Session 51, checked on made-up stories: a power station fed into the grid `正式并网发电` (not a first unit's), a work
covering several villages or towns (`河西等2个镇石山嘴等3个村土地整治项目`) as one project, investment brought in with
the noun after the sum (`引来1.2亿元投资`, `敲定超千亿元投资`) and `揽资`, and a figure that builds
one work of a stated size after a span word (`今年以来，…拟投资460万建成500吨气调库`), and a handover ceremony
(`交房仪式`, `交钥匙仪式`) as 竣工; and 湘潭县's 天易 zone (`天易经开区`, `天易示范区`; facts/data/zones.csv names the sources).

The classes come from the amount and stage misses of the real seen pages (bench/data/facts/README.md "Real pages
(session 48)"–"(session 50)"); the stories here are written for the tests, with guards for the readings the change must
leave alone.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts

from facts_probe_check import first_city  # (tests/ is on the path: the one reading of a story's city)


@pytest.mark.parametrize("body, stage", [
    ("近日,随着电业人员合上电闸,某镇首个扶贫产业项目——100千瓦光伏电站正式并网发电。该电站总投资80万元,由镇政府投资建设。", "投产"),
    ("某风电场项目日前正式并网运行,总投资8亿元,装机容量10万千瓦。", "投产"),
    ("某电厂1号机组日前正式并网发电。该电厂总投资40亿元。", None),  # a first unit's (session 18)
    ("某公司首台风机正式并网发电,该风电项目总投资6亿元。", None),
])
def test_a_station_fed_into_the_grid(body: str, stage: str) -> None:
    assert extract_facts("", body).stage == stage


def test_a_station_to_be_fed_in_is_not_producing() -> None:
    body = "某光伏项目正式并网后,年发电量可达1200万千瓦时。该项目总投资5000万元,目前正在安装组件。"
    assert extract_facts("", body).stage != "投产"  # a condition, not the news


@pytest.mark.parametrize("title, body, value", [
    ("", "某县河西等2个镇石山嘴等3个村土地整治项目涉及河西镇的石山嘴村、解家营村,总投资为1988.49万元,建设规模628公顷。", 19884900),
    ("我市赵棚等三个镇低丘岗地改造项目通过省级验收", "该项目于2008年7月立项,建设规模433.58公顷,总投资1301万元。", 13010000),
    ("", "今年,全县5个乡镇实施饮水安全工程,总投资2000万元。", None),  # a year's works in five towns: a tally, as before
])
def test_a_work_covering_several_villages_is_one_project(title: str, body: str, value: float) -> None:
    assert extract_facts(title, body).amount == value


@pytest.mark.parametrize("title, body, value", [
    ("苍翠青山引来1.2亿元投资 产业园引领小村蝶变", "", 1.2e8),
    ("40个项目揽资逾237亿元!某市投资环境说明会在苏州举行", "", 2.37e10),
    ("媒体关注:粤港企业敲定超千亿元投资", "", 1e11),
    ("某县文旅项目建成后将带来1000万元收入", "", None),  # an income brought in, no investment
    ("某景区迎来10万人次游客 带来5000万元旅游收入", "", None),
    ("某县招商引资5亿元", "", None),  # 招商引资 without a space stays the campaign's tally word
])
def test_investment_brought_in(title: str, body: str, value: float) -> None:
    assert extract_facts(title, body).amount == value


@pytest.mark.parametrize("title, body, value", [
    ("某县拟投资460万建成500吨气调库", "本报讯 今年以来,某县立足提高全县农产品流通效益,在对口帮扶下,拟投资460万建成500吨(包括库容为"
     "80余吨的气调保鲜库5个和低温冷藏库1个)气调库,目前项目建设已进入设备调试阶段,预计8月20日完工并投入使用。", 4600000),
    ("某县投资2亿元建成10万平方米标准化厂房", "今年以来,某县投资2亿元建成10万平方米标准化厂房、3条道路和5个停车场。", None),  # the year's tally
])
def test_a_span_figure_that_builds_one_work_of_a_stated_size(title: str, body: str, value: float) -> None:
    assert extract_facts(title, body).amount == value


@pytest.mark.parametrize("body, stage", [
    ("1月11日上午,某县棚户区改造安置房建设项目交房仪式在县棚改办举行。该项目总投资2.3亿元,共建成安置房1200套。", "竣工"),
    ("6月20日上午,省长率代表团参加了由我省援建的某地区学前教育师资培训中心项目交钥匙仪式。该项目总投资1.2亿元。", "竣工"),
    ("日前,某小区安置房正式交房,首批320户居民领到新房钥匙。该项目总投资3亿元。", "竣工"),
])
def test_a_handover_ceremony_is_completion(body: str, stage: str) -> None:
    assert extract_facts("", body).stage == stage


def test_a_handover_planned_is_no_completion() -> None:
    assert extract_facts("", "某安置房项目预计明年6月正式交房,总投资3亿元,目前主体已封顶。").stage != "竣工"


@pytest.mark.parametrize("text", ["7家企业签约落户天易经开区,总投资15亿元。", "某新材料项目在天易示范区开工,总投资5亿元。",
                                  "湖南天易经济开发区某产业园项目签约。"])
def test_the_tianyi_zone_is_xiangtan_county(text: str) -> None:
    places = extract_facts("", text).places
    assert (places[0].city, places[0].county) == ("湘潭市", "湘潭县")


# (session 51's review: /work/wt/review51, answers decided before running)
@pytest.mark.parametrize("title, body, field, want", [
    ("", "某光伏电站第一批方阵正式并网发电,项目总投资3亿元,其余方阵正在安装。", "stage", None),  # a first batch
    ("某抽水蓄能电站首批两台机组正式并网发电", "6月18日,某抽水蓄能电站首批两台机组正式并网发电。电站装机4台,总投资80亿元。", "stage", None),
    ("", "全县在建的6个乡镇污水管网项目总投资9000万元。", "amount", None),  # works of each town
    ("", "按照计划,今明两年全县将在10个村实施美丽乡村建设项目,总投资1亿元。", "amount", None),
    ("国庆假期某景区吸金3000万元", "国庆假期,某景区接待游客28万人次,吸金3000万元。", "amount", None),  # takings
    ("某安置小区原定本月举行的交房仪式推迟", "因配套设施尚未完善,某安置小区原定于本月举行的交房仪式推迟至明年3月。该项目总投资4亿元,"
     "目前正在进行室外配套施工。", "stage", "开工"),
    ("某小区集中交房日定在12月28日", "记者获悉,某小区集中交房日定在12月28日,项目总投资3.2亿元。", "stage", None),
    ("某小区集中交房工作方案出台", "某小区集中交房工作方案日前出台,交房将于下月启动。项目总投资3亿元。", "stage", None),
])
def test_the_reviews_near_misses(title: str, body: str, field: str, want: object) -> None:
    assert getattr(extract_facts(title, body), field) == want


@pytest.mark.parametrize("title, body", [
    ("业主盼正式交房", "某楼盘原定去年底交房,但至今仍未正式交房,项目仍在施工,总投资8亿元。"),  # awaited, not held
    ("某小区交房仪式延期举行", "原定于今日举行的某小区交房仪式延期举行,项目总投资2亿元,部分配套工程仍在施工。"),  # put off
])
def test_a_handover_awaited_or_put_off_is_no_completion(title: str, body: str) -> None:
    assert extract_facts(title, body).stage != "竣工"


@pytest.mark.parametrize("title, body, city", [
    # a town named like a city or county is the town's (the township fallback reads it where it knows it)
    ("金华镇农产品仓储保鲜冷链项目预计明年初投入使用", "", None),
    ("宁波乡村振兴示范带项目开工", "", "宁波市"),  # 乡村 is the word after the place
    ("在金华,某智能制造项目开工", "", "金华市"),
    ("金华镇江路改造项目开工", "", "金华市"),
    # a classifier after a numeral opens no name
    ("某区三年内将实施225项城市更新项目", "", None),
    ("项城市某产业园项目开工", "", "周口市"),
    # a common word before 小镇 is the town's brand
    ("崀山温泉小镇为旅游节添彩", "", None),
    ("温泉县某光伏项目开工", "", "博尔塔拉蒙古自治州"),
    # a place's department is no ministry: the story stays the district's
    ("秀丽河整治工程15日启动", "水利部门表示,可望在三年内使水体明显变清。\\n近日,某市高明区水利部门表示,将通过清淤、截污、引流等措施整治"
     "秀丽河。工程内容包括对秀丽河(上海水库到东水闸)河段进行全面清淤。", "佛山市"),
])
def test_names_that_are_no_place_here(title: str, body: str, city: object) -> None:
    assert first_city(extract_facts(title, body)) == city


# (session 51's second review, /work/wt/review51b: places named before words that start like a town or a classifier)
@pytest.mark.parametrize("title, city", [
    ("宁波乡贤回归投资项目集中签约", "宁波市"), ("东莞镇区招商引资项目集中签约", "东莞市"), ("苏州镇级工业园区改造提升项目启动", "苏州市"),
    ("重庆街道社区养老服务中心项目开工", "重庆市"), ("2024项城市重点项目集中开工", "周口市"), ("河南唯一项城市入选国家级产业园试点", "周口市"),
    ("2023个旧市重点项目观摩活动举行", "红河哈尼族彝族自治州"), ("嘉兴小镇建设推进会召开", "嘉兴市"), ("宜兴小镇客厅项目开工", "无锡市"),
    ("敦煌小镇文旅项目开工", "酒泉市"),
])
def test_places_before_town_words_and_counts_stay(title: str, city: str) -> None:
    assert first_city(extract_facts(title, "")) == city


def test_a_ministrys_portal_is_the_ministrys() -> None:
    body = "据财政部门户网站消息,近日下达2024年水利发展资金120亿元,支持湖南常德、安徽六安等地灌区改造。"
    assert not any(p.city for p in extract_facts("灌区现代化改造获资金支持", body).places)  # the country's examples


def test_an_officials_name_after_his_title_is_no_place() -> None:
    body = "2月21日上午,一场网络直播恳谈会在南昌经开区举行。南昌经开区党工委书记赵海东与同时在线的30余名企业家交流。"
    places = extract_facts("江西南昌经开区启动云招商", body).places
    assert [p.city for p in places if p.city] == ["南昌市"]  # not 海东市


def test_a_townships_short_name_read_across_words_is_no_place() -> None:
    # "共建一个园区" holds 建一 (a township's short name, 辽宁), "现代化产业园" 代化 (贵州): words, not the towns
    body = "双方以“共建一个园区、共兴一个产业”为协作思路,推进现代化产业园建设,某吉他产业园项目总投资1.7亿元。"
    assert not any(p.city for p in extract_facts("东西部协作奏响产业协奏曲", body).places)


@pytest.mark.parametrize("body", [
    "12月15日上午,县委书记周建华到某项目现场调研工程建设进度。",  # 建华 (齐齐哈尔) is his given name
    "县委书记王海东实地查看了某产业园项目建设情况。",
    "5月28日,县长李全成深入企业调研,县级领导和县直部门包保重点项目。",  # 和 + 县直部门, no 和县
])
def test_officials_names_and_county_departments_are_no_places(body: str) -> None:
    assert not any(p.city for p in extract_facts("", body).places)


@pytest.mark.parametrize("title, body, city", [
    ("", "援疆的脚步遍布天山南北的各行各业,各援疆省市累计落实援疆资金近2000亿元。", None),  # the lands, no 天山区
    ("", "3月3日,某项目区拓展工程培训会召开。县委常委、工业园管委会党工委书记欧阳明华参加会议。", None),  # no 阳明区
    ("", "该系统包括调速、调向和安全控制,某风电项目总投资8亿元。", None),  # 和 + 安全, no 和安县
    ("", "这不仅是一项重点工程,更是一项惠农惠民的实事工程,项目总投资3000万元。", None),  # no 惠农区
    ("唱响“双城记” 苏州宿迁南北合作共建", "苏宿工业园区是苏州、宿迁两市最重要的合作项目。", "宿迁市"),  # 宿迁 before 南北 stays
    ("乌鲁木齐天山区某项目开工", "", "乌鲁木齐市"),
    ("惠农区某煤化工项目开工", "", "石嘴山市"),
])
def test_phrases_and_names_that_hold_a_place_name(title: str, body: str, city: object) -> None:
    assert first_city(extract_facts(title, body)) == city


# (session 51's third review, /work/wt/review51c: places that must still be read)
@pytest.mark.parametrize("title, body, city", [
    ("包头包钢集团稀土钢板材项目开工", "", "包头市"), ("玉林玉柴新能源动力产业园项目开工", "", "玉林市"),
    ("南京南部新城某医院项目开工", "", "南京市"), ("北京北站周边改造提升工程开工", "", "北京市"),
    ("", "贯穿萧山南北的交通大动脉某快速路项目开工,总投资80亿元。", "杭州市"),
    ("", "中国移动通信集团安徽有限公司马鞍山分公司投资5000万元建设5G基站项目。", "马鞍山市"),
    ("", "今夏侯马经济开发区某项目投产,总投资3亿元。", "临汾市"),
    ("和县直播电商产业园开园", "该产业园总投资8000万元。", "马鞍山市"),
])
def test_places_next_to_the_new_exceptions_stay(title: str, body: str, city: str) -> None:
    assert first_city(extract_facts(title, body)) == city


@pytest.mark.parametrize("body, city", [
    ("某企业在丹灶投资建设氢能产业园,总投资20亿元。", "佛山市"),  # a township's short name where a work is done
    ("某项目在木渎开工,总投资5亿元。", "苏州市"),
    ("某企业扎根柳市,投资3亿元建设新厂。", "温州市"),
    ("某企业在全市投资5亿元建设新厂。", None),  # no place named
])
def test_a_townships_short_name_where_a_work_is_done(body: str, city: object) -> None:
    assert first_city(extract_facts("", body)) == city


@pytest.mark.parametrize("body, value", [
    ("日前平陆县引进了60亿元巨资,投资建设新能源产业基地。", 6e9),
    ("公司旗下子公司和孙公司合资1.47亿元在南宁构建国药物流中心。", 1.47e8),  # a joint venture's sum
    ("该项目建设资金200万元被挪用,相关责任人已被处理。", None),  # a work's funds (session 47), not its investment
    ("两家企业合资建设的某项目总投资10亿元。", 1e9),  # the total, as before
    ("双方合资成立公司,注册资本5亿元,建设新能源项目。", None),  # registered capital
    ("某县今年引进资金60亿元,同比增长20%。", None),  # a year's tally
    ("今年全市招商引资引进了60亿元的外资。", None),
    ("该工程建设资金由省级财政安排3000万元。", None),  # an allocation
])
def test_joint_ventures_funds_and_sums_brought_in(body: str, value: object) -> None:
    assert extract_facts("", body).amount == value
