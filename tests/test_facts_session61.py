"""Session 61, checked on made-up stories: the rules read from session 60's blind pages (n27–n29, now seen) and the
seen sets h18 (money that is no one project's) and h19 (places).

* Amounts: a count after a work's figure counts projects only ("…目前学校共有10个班级" counts classes, so the school's
  total stays a project's); a headline putting out a year's list of key works ("…今年116项重大工程项目出炉") sums up a
  list, no project; a span opening a phrase that describes
  one work ("目前正在施工的一期项目计划投资8300余万元") dates that work's step, no span's sum; a work's whole told as
  what its progress is a share of ("占概算总投资18.13亿元的70.88%") is that work's, named in the sentence before; a
  plan's spending opening its clause after a sentence whose subject is one named work ("某图书馆列入…之一，计划投入
  6.1亿元") is that work's.
* Stages: a scenic area's or a park's opening told by its ceremony (举行开园仪式) or its grand opening (盛大开园) is 投产,
  as 正式开园 was; not a season's, a show's, a festival's, a school term's or a picking season's (新雪季盛大开园,
  樱桃节开园仪式, 新学期开园仪式), a reopening or a mall's indoor playground (review61b), nor a plan.
* Places: a hamlet named after a county with a compass point before it ("西柳河屯") is no county; the slogan
  "金山银山" and cloisonné ("景泰蓝") name no district or county; a place before a firm's name standing at its seat
  ("在屯昌某农场公司所在地启动") is the site, not the firm's home.

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from facts_reading import first_place_city as _city, rules_amount as _amount


@pytest.mark.parametrize("title, body, value", [
    # a count of the school's classes after its total: no batch of projects
    ("", "某中学占地51亩。据了解，某中学总投资1.22亿元，资金来源为国家基本公共服务建设项目资金2017万元，"
         "其余均申请援建资金，目前学校共有10个班级396名学生。", 1.22e8),
    # a count of projects after it still makes a batch
    ("", "今天，某县重大项目正式动工，总投资20亿元，共有12个项目。", 2e9),
    # a year's list of key works put out, or set by a province: no project's figure
    ("松江区今年116项重大工程项目出炉，总投资3569亿元",
     "近日，某区发改委梳理形成2024年某区重大工程项目，推出116项重点工程，预计总投资3569亿元。", None),
    # a span opening a phrase describing one work dates its step
    ("某茶业生态科技园一期项目施工建设",
     "据了解，目前正在施工的一期项目计划投资8300余万元，建成即可年产1000吨成品茶。", 8.3e7),
    ("", "目前开工的该厂首期工程，设计规模为5万吨/日，工程预计投资8000多万元。", 8e7),
    # a year inside the name of the work the headline names
    ("高效特色农业发展蔬菜产业项目开工",
     "近日，某县2020年高效特色农业发展蔬菜产业项目开工仪式在某家庭农场举行。某县2020年高效特色农业发展蔬菜产业项目计划总投资"
     "1300万元，占地面积101.5亩。", 1.3e7),
    # …not an area's works of that kind
    ("高效特色农业发展蔬菜产业项目开工", "2020年全县蔬菜产业项目计划总投资1300万元。", None),
    # …not the span's works in general, nor a threshold
    ("", "今年新开工的项目计划总投资120亿元。", None),
    ("", "目前在建的各类项目计划总投资86亿元。", None),
    # an area before 的 counts (the code review)
    ("", "今年全市新开工的市政道路工程计划总投资120亿元。", None),
    ("", "目前全省在建的高速公路项目计划总投资860亿元。", None),
    # the whole a work's progress is a share of, the work named in the sentence before
    ("", "某引水一期工程某支渠及配套项目建设进展顺利。目前，已完成总投资12.85亿元，占概算总投资18.13亿元的70.88%。",
     1.813e9),
    # …not an area's tally
    ("", "全市重点项目建设进展顺利。目前，已完成总投资128亿元，占计划总投资300亿元的42%。", None),
    # a plan's spending after a sentence about one named work
    ("某图书馆全面开建",
     "据悉，某图书馆将建成国内一流的大型公共图书馆。\n某图书馆列入某市为民办实事项目之一，计划投入6.1亿元，建筑面积72200平方米。",
     6.1e8),
    # …not after many works
    ("", "今年全县实施30个民生项目，计划投入5亿元，惠及群众10万人。", None),
    # …nor when the clause after it spends the money on other things (review61a)
    ("", "某中心小学教学综合楼项目已完工投用，将投入300万元，为全镇12所村小配备多媒体教学设备。", None),
    ("岚皋县城市书房深受群众欢迎", "某城市书房项目深受群众欢迎，计划投入500万元，在全县12个镇建设农家书屋。", None),
    # review61b: a plan for many other works, money for a class of other things
    ("", "某农牧集团年产30万吨饲料项目正式签约落户某县，同时，计划投入20亿元，布局省内多个生猪养殖基地。", None),
    ("", "某县人民路改造工程广受好评，预计投入1亿元，改造提升城区其他背街小巷。", None),
    # the code review: the work's own schedule is no other thing; a bound word before the comma still reads the clause
    ("某图书馆全面开建", "某图书馆列入某市为民办实事项目之一，计划投入6.1亿元，工期18个月。", 6.1e8),
    ("", "某中心小学教学综合楼项目已完工投用，将投入300万元左右，为全镇12所村小配备多媒体教学设备。", None),
])
def test_an_amount_session_61_reads(title: str, body: str, value) -> None:
    assert _amount(title, body) == value


@pytest.mark.parametrize("title, body, city", [
    # hamlets named after a county, a compass point before them
    ("", "近日，三河融媒发布消息：燕郊镇召开座谈会。与会人员观看西柳河屯、东柳河屯、大石各庄3个村的宣传片。", "廊坊市"),
    # the county itself
    ("", "某公司在柳河县建设人参加工厂。", "通化市"),
    # a province's last character is no compass point (review61a)
    ("山西平顺村级光伏电站并网发电", "当地村级光伏电站并网发电。", "长治市"),
    ("河北阜平村民种上了“致富菇”", "当地村民种上了香菇。", "保定市"),
    # a region's last character, a word the hamlet's character opens (review61b's probes)
    ("", "东北柳河庄园葡萄酒项目签约。", "通化市"),
    ("", "会后柳河屯垦戍边纪念馆开工。", "通化市"),
    ("", "鲁西南郓城堡垒户纪念馆开工。", "菏泽市"),
    # the slogan and cloisonné
    ("", "某镇践行“绿水青山就是金山银山”理念，让绿水青山变成金山银山，某生态农业项目开工。", ""),
    ("", "三河某镇某企业建设景泰蓝展示馆，打造景泰蓝文化产业园。", "廊坊市"),
    ("", "某公司在金山区建设新材料项目。", "上海市"),
    # a place before a firm's name at the firm's seat: the site
    ("海南现代农业全产业链项目启动",
     "海南省现代农业全产业链项目3月21日在屯昌海南农垦中坤农场公司所在地启动。", "屯昌县"),
])
def test_a_city_session_61_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city


@pytest.mark.parametrize("title, body, stage", [
    ("某县又多一景区！某苗寨景区开园", "7月31日，某县某村迎来重要时刻，某苗寨景区举行开园仪式。", "投产"),
    ("", "某大草原旅游景区18日在内蒙古鄂尔多斯盛大开园，喜迎四方宾朋。", "投产"),
    # a season's or a show's opening, a plan
    ("", "某滑雪场新雪季盛大开园，迎来首批游客。", None),
    ("", "某花展将于下月举行开园仪式。", None),
    # review61b: a reopening, a mall's indoor playground, a kindergarten's term, a festival's or a picking season's opening
    ("某景区闭园提升后举行重新开园仪式", "经过半年的闭园提升改造，某景区15日举行重新开园仪式。", None),
    ("", "周末，位于某万达广场三楼的室内儿童乐园盛大开园，不少家长带着孩子前来体验。", None),
    ("", "9月1日，某县实验幼儿园举行新学期开园仪式，300余名萌娃开启新学期生活。", None),
    ("", "4月20日，某县在某镇举办樱桃节开园仪式，游客可进园采摘。", None),
    ("", "7月26日，某县某家庭农场葡萄采摘园举行开园仪式，今年园内葡萄迎来丰收。", None),
    ("", "某景区举行春季开园仪式，结束冬季闭园。", None),
    ("", "某购物中心盛大开园。", None),
    ("", "某景区举行恢复开园仪式。", None),
    # words after the opening are no season's (the code review)
    ("", "某主题乐园正式开园，集餐饮、购物、娱乐于一体。", "投产"),
    ("", "某主题乐园正式开园，将迎来春节假期客流。", "投产"),
    ("", "某公园今年夏季正式开园。", "投产"),
    # the ceremony told in the passive
    ("某旅游区开园仪式隆重举行", "某旅游区开园仪式今天在景区广场隆重举行。", "投产"),
])
def test_a_stage_session_61_reads(title: str, body: str, stage) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("title, body, kind", [
    # a count of projects after the total, told by what they do, still makes a batch (the final read's mend)
    ("", "今天，某县重大项目正式动工，总投资20亿元，共有12个开工。", "roundup"),
    ("", "某中学总投资1.22亿元，资金来源为国家基本公共服务建设项目资金2017万元，目前学校共有10个班级。", "project"),
    # one work's parts counted are no batch (the code review)
    ("", "该项目共有3个子项目，总投资20亿元。", "project"),
])
def test_a_kind_session_61_reads(title: str, body: str, kind: str) -> None:
    assert extract_facts(title, body).kind == kind
