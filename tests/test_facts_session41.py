"""Session 41, checked on made-up stories: a county's short name that jieba's dictionary mis-tags as a rare verb,
adjective or distinguishing word (安化 "v", 临高 "v", 古交 "b") is the county when a story naming no city writes it three
times over; a visit's next sentences are read across a paragraph's break.

The class comes from real pages' misses (docs/facts.md "Session 41"); the stories here are written for the tests, with
guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from facts_probe_check import first_city
from newsmon.facts import extract_facts

# A county's own story naming the county only by its short name, and its province.
_ANHUA = ("3月1日上午，安化黑茶文化广场正式破土动工，县领导参加开工仪式。\n安化黑茶文化广场占地13.5万平方米，是安化黑茶特色小镇的"
          "重要组成部分，也是第四届中国湖南·安化黑茶文化节的主要活动场地。")
_LINGAO = ("1月6日上午，海南自贸港建设项目2022年度第一批集中开工仪式临高分会场活动举行。临高此次集中开工项目3个，总投资10.25亿元。"
           "据介绍，临高将持续优化营商环境，推动项目早落地、早见效。")


@pytest.mark.parametrize("title, body, city", [
    ("安化黑茶文化广场破土动工", _ANHUA, "益阳市"),
    ("临高集中开工3个项目", _LINGAO, "临高县"),  # a province-administered county is its own prefecture-level unit
])
def test_a_mis_tagged_county_name_written_three_times_is_the_county(title: str, body: str, city: str) -> None:
    assert first_city(extract_facts(title, body)) == city


@pytest.mark.parametrize("title, body", [
    # Written twice only: the word may be the word.
    ("黑茶文化广场破土动工", "3月1日上午，安化黑茶文化广场正式破土动工。该广场是黑茶特色小镇的重要组成部分，也是安化黑茶文化节的"
                         "主要活动场地。"),
    # Three times, but in a province the story names that the county is not in.
    ("黑茶产业推介会在广州举办", "广东省茶叶协会近日在广州举办推介会，安化黑茶、安化千两茶等产品亮相，安化茶商与广东客商洽谈合作。"),
])
def test_fewer_mentions_or_another_province_leave_the_county_unread(title: str, body: str) -> None:
    assert first_city(extract_facts(title, body)) in (None, "广州市")


def test_a_city_named_wins_over_the_repeated_county_name() -> None:
    # The story names a city outright: the repeated name is not asked for (only stories naming no city are).
    body = "长沙市近日举办黑茶博览会，安化黑茶、安化千两茶、安化茯砖茶等产品集中亮相，吸引客商洽谈合作。"
    assert first_city(extract_facts("黑茶博览会在长沙开幕", body)) == "长沙市"


@pytest.mark.parametrize("title, body", [
    # A word commoner than the county's city: 安居 (遂宁's 安居区) is the word of "保障性安居工程".
    ("保障性安居工程建设有序推进", "今年以来，保障性安居工程建设有序推进，安居工程新开工任务全部完成。各地要把安居工程作为重大民生工程，"
                            "确保质量安全。"),
    # Inside a longer word the segmenter knows: a bank, not 玉林's 兴业县.
    ("兴业银行发布年报", "兴业银行近日发布年报，兴业银行全年实现营业收入2000亿元。兴业银行表示，将继续加大对实体经济的支持力度。"),
])
def test_a_common_word_or_a_longer_name_is_no_repeated_county(title: str, body: str) -> None:
    assert first_city(extract_facts(title, body)) is None



def test_a_visits_next_sentences_are_read_across_a_paragraphs_break() -> None:
    # The visit's sentence and the two after it are read for a work talked about; a paragraph's break after a full
    # stop was read as one of the two.
    from newsmon.facts.stages import STAGES, read_verbs

    text = ("14日下午，某规划设计有限公司董事长率考察组来某县考察。县委副书记、县长参加考察。\n考察组一行先后实地参观某煤炭储配"
            "基地、码头，考察某县沿江产业园项目拟选址，并详细询问企业有关负责人。")
    visit = [reason for match, index, reason in read_verbs(text, True) if STAGES[index] == "洽谈"][0]
    assert visit is None or visit == "ok"



@pytest.mark.parametrize("title, body, source, home", [
    # The two reviews' (a noun jieba knows, a word of the story three times over; a firm's name; a given name).
    ("人民路与建设路交口改造工程开工", "3月15日，人民路与建设路交口改造工程正式开工，工程总投资1500万元。该交口是城区车流量最大的路口"
     "之一。\n此次改造将拓宽交口进口道，同步更新交口信号灯和监控设施。", "", ""),
    ("中型灌区续建配套与节水改造项目开工", "4月2日，红旗中型灌区续建配套与节水改造项目开工建设，项目总投资4800万元，新建斗门45座。\n"
     "灌区现有斗门大多建于上世纪七十年代。项目完工后，新建斗门将实现精准配水。", "", ""),
    ("幸福家园安置区配套产业园开工", "6月5日，幸福家园安置区配套产业园项目开工，项目总投资2.6亿元。“搬得出、稳得住，还要能乐业。”"
     "\n项目建成后让搬迁群众在家门口乐业。当地坚持安居与乐业并重。", "", ""),
    ("王思明：扎根一线的项目“服务员”", "王思明是县重点项目服务中心的一名干部，他服务的总投资12亿元的新材料产业园项目顺利开工。思明说，"
     "项目建设没有捷径可走。\n同事们都说，思明是项目服务的“老黄牛”。", "", ""),
    ("紫金矿业新项目开工", "紫金矿业近日宣布新项目开工，紫金矿业投资20亿元，紫金矿业表示将加快建设。", "", ""),
])
def test_a_noun_a_firm_or_a_persons_name_written_three_times_is_no_county(title: str, body: str, source: str,
                                                                          home: str) -> None:
    assert extract_facts(title, body, source, home).places == ()


def test_the_source_line_and_the_sites_place_come_before_a_repeated_name() -> None:
    body = "某集团灯塔工厂项目开工。灯塔工厂总投资10亿元。灯塔工厂建成后将成为行业标杆。"
    assert first_city(extract_facts("某集团智能制造灯塔工厂项目开工", body, "衢州日报")) == "衢州市"
    body = "老城有机更新项目日前正式启动，项目总投资12亿元。老城将焕发新的活力，老城居民生活将更便利。"
    assert first_city(extract_facts("老城有机更新项目启动", body, "", "开化县")) == "衢州市"


@pytest.mark.parametrize("title, body", [
    # A name straddling two words: 搬迁/安置 holds no 迁安 (唐山), 财政/和/县属 no 政和县 (南平).
    ("某县易地扶贫搬迁安置区配套产业园开工", "近日，某县易地扶贫搬迁安置区配套产业园项目开工，总投资2亿元。"),
    ("某县新建污水处理厂", "该项目由县财政和县属国企共同出资，总投资1.5亿元。"),
])
def test_a_name_straddling_two_words_is_no_place(title: str, body: str) -> None:
    assert extract_facts(title, body).places == ()


@pytest.mark.parametrize("title, body, city", [
    # Guards: a name that starts its word stays, whatever follows it (宝应/县城) or stands before it (福建/政和县).
    ("推进宝应县城建设", "近日，扬州推进宝应县城建设，总投资2亿元。", "扬州市"),
    ("福建政和县白茶产业园开工", "福建政和县白茶产业园项目开工，总投资3亿元。", "南平市"),
    ("太仓高新区项目签约", "近日，加快建设太仓高新区重点项目签约，总投资5亿元。", "苏州市"),
    # The review's: names the segmenter misjoins on one side only, or after a function word.
    ("新材料产业园开工", "中国网岳阳3月12日讯 3月12日，总投资38亿元的新材料产业园开工建设。", "岳阳市"),
    ("光伏产业链项目集中签约 总投资260亿元", "央广网上饶3月12日消息（记者李明）3月12日，光伏产业链重点项目集中签约仪式举行，"
     "签约项目11个，总投资260亿元。", "上饶市"),
    ("2024年望城区重点项目集中开工", "3月18日，2024年望城区第一季度重点项目集中开工仪式举行，共有28个项目集中开工。", "长沙市"),
    ("3月12日常州举行一季度重大项目集中签约", "3月12日常州举行一季度重大项目集中签约活动，签约项目86个，总投资超700亿元。",
     "常州市"),
    ("总投资百亿元的新能源电池项目花落成都", "总投资百亿元的新能源电池项目花落成都，项目达产后年产值可达200亿元。", "成都市"),
    ("由岳阳城投投资建设的项目开工", "由岳阳城投投资建设的洞庭湖生态修复项目开工，总投资15亿元。", "岳阳市"),
    ("据雄安集团介绍，今年计划完成投资500亿元", "据雄安集团介绍，今年计划完成投资500亿元，重点推进片区开发。", "保定市"),
    ("格力电器牵手上城区 共建数字产业园", "日前，格力电器牵手上城区，双方计划总投资30亿元共建数字产业园。", "杭州市"),
    ("点赞成都！一季度新签约重大项目112个", "点赞成都！一季度新签约重大项目112个，总投资超2000亿元。", "成都市"),
    # The third review's: a date's 日 or 年, an outlet's 网 right before the name (jieba guesses 日常, 年岳, 网上).
    ("3月12日常州经开区举行一季度重大项目集中开工活动", "此次集中开工项目23个，总投资156亿元，涵盖智能装备等领域。", "常州市"),
    ("市委常委会召开会议", "3月12日益阳市委常委会召开会议，研究部署全市重点项目建设工作。", "益阳市"),
    ("2024年岳阳城投集团计划完成投资80亿元", "据介绍，该集团今年将重点推进城市更新、市政道路和保障性住房等项目建设。", "岳阳市"),
    ("3月12日唐山港集团与某航运公司签约", "双方将共建大宗散货物流通道，计划投资20亿元建设专业化码头。", "唐山市"),
    ("3月12日新乡农商行与某集团签约", "双方将在普惠金融等领域开展合作，计划投资10亿元建设金融服务中心。", "新乡市"),
    ("3月12日柯桥区政府与某集团签约", "双方将合作建设纺织印染产业园，总投资30亿元。", "绍兴市"),
    # A name starting inside a dropped one is still read: 苏北/海安 (no 北海, 海安), 闽东/宁德 (no 东宁, 宁德).
    ("苏北海安经济开发区项目签约", "近日，苏北海安经济开发区重点项目签约，总投资5亿元。", "南通市"),
    ("闽东宁德新能源项目开工", "闽东宁德新能源项目开工，总投资50亿元。", "宁德市"),
    ("点赞雄安城投 一季度完成投资80亿元", "一季度，某城投集团完成投资80亿元，重点推进市政基础设施建设。", "保定市"),
])
def test_a_name_with_an_edge_on_a_words_stays_a_place(title: str, body: str, city: str) -> None:
    assert first_city(extract_facts(title, body)) == city
