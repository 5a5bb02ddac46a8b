"""Session 59, checked on made-up stories: the rules read from session 58's blind pages (n21–n23, now seen).

* Stages: a work put into operation (项目启动运营) is 投产, not a platform's or a system's; a work whose building is
  done (目前已全部完成建设, ending its clause) is 竣工, not a share or a plot (已完成建设任务的80%, 已完成建设用地报批).
* Amounts: a work's first phase (该项目一期投资3.9亿元，…分别为某农光互补项目、某渔光互补项目) and a work sized in the
  clause before its sum (中心占地43亩，投资3亿人民币，设置7条生产线) give the work's own figure, not a programme's spread over
  the works listed or fitted; a batch pointed back at opening a paragraph (这7个重点项目…总投资约16.7亿元) is the
  previous paragraph's event's batch (its roundup), not a span's tally; a headline of a place's works over a story
  stating one figure keeps it (not under a headline counting works); an untitled tour of a place's sites that goes on to one work alone
  and states one figure is that work's story.
* Places: a village named after a city with one character more (黄山畈村等2个村) is a village; the provinces a product's
  buyers live in (深受河南、山东等地消费者青睐) settle no township: the story's town
  lies where the table puts it.
* Paragraphs: a keyword bar above the story (a mirror's or a hot-search line: four short items or more, no sentence's
  end) is no paragraph of the story: the lead under it is read as the lead.

The stories here are written for the tests.
"""
from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.text import story_paragraphs
from facts_reading import first_place_city as _city, rules_amount as _amount


@pytest.mark.parametrize("title, body, stage", [
    # a work put into operation
    ("", "近日，某示范区某食品产业新城项目启动运营。该项目总投资300亿元。", "投产"),
    ("", "某物流园项目正式启动运营，首批入驻企业30家。", "投产"),
    # not a platform, a system, a firm or a bank's branch (with 正式 or without), nor a work still to run (a
    # condition), nor reopened (review59a)
    ("", "某市政务服务平台启动运营，市民可在线办理业务。", None),
    ("", "某市智慧城管综合服务平台正式启动运营。", None),
    ("", "某航空有限公司正式启动运营。", None),
    ("", "某银行某分行正式启动运营。", None),
    ("", "该市场闭市整修后再次启动运营。", None),
    # 正式运营 shares those exclusions (final read), and still reads a work's
    ("", "某银行某分行正式运营。", None),
    ("", "某港口正式运营。", "投产"),
    ("", "某公司启动运营以来，业绩稳步增长。", None),
    ("", "首衡城启动运营后，将新增经营主体4000家以上。", None),
    # a work whose building is done
    ("", "该产业园项目总投资9.5亿元，共建有5栋厂房，目前已全部完成建设。", "竣工"),
    ("", "该项目已完成建设，正在进行设备调试。", "竣工"),
    # not a share, a plot's approval, nor a place's
    ("", "该项目已完成建设任务的80%。", "开工"),
    ("", "该项目已完成建设用地报批。", None),
    ("", "全市已完成建设。", None),
])
def test_a_stage_session_59_reads(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage



@pytest.mark.parametrize("title, body, value", [
    # a work's first phase, made of the parts listed after it
    ("", "该项目由甲公司与乙公司共同投资，一期投资3.9亿元人民币，装机容量59.8兆瓦，分别为某村39.8兆瓦农光互补项目、"
         "某村20兆瓦渔光互补项目。", 3.9e8),
    ("", "项目二期工程投资2亿元，建设某镇农光互补项目。", 2e8),
    # a headline's one work over the lead's batch: the work's own figure told later, in a sentence naming it (and a
    # project's, not the batch's: "5亿元" is not the lead's "12.5亿元")
    ("某区：蒲城古陶文化产业园开工", "8月15日，某区第九期“三个一批”活动暨蒲城古陶文化产业园项目开工仪式举行。此次共集中开工4个项目，"
     "总投资12.5亿元。\n蒲城古陶是以古陶器而命名。遗址中的古陶窑证实了我市是古陶瓷器文化的故乡。\n"
     "蒲城古陶文化产业园由某公司开发建设，预计总投资5亿元，占地面积3万平方米。", 5e8),
    # …not another work's told later
    ("某区：蒲城古陶文化产业园开工", "8月15日，某区第九期“三个一批”活动暨蒲城古陶文化产业园项目开工仪式举行。此次共集中开工4个项目，"
     "总投资12.5亿元。\n蒲城古陶是以古陶器而命名。\n另一项目某物流园总投资3亿元。", 12.5e8),
    # review59c's traps: the headline's place is no work's name (岳阳经开区), a supporting work's figure is not the work's,
    # a fund's strategic stake is no investment
    ("长沙经开区：某新材料产业园开工", "8月15日，长沙经开区举行项目集中开工仪式，此次共集中开工6个项目，总投资32.7亿元。\n"
     "某新材料产业园项目占地300亩。\n长沙经开区今年将投资3亿元建设人才公寓。", 32.7e8),
    ("某县：新能源电池产业园项目开工", "8月15日，某县举行项目集中开工仪式，此次共集中开工8个项目，总投资86.5亿元。\n"
     "为保障新能源电池产业园建设，某县同步投资1.5亿元实施道路管网配套工程。", 86.5e8),
    ("", "省级基金对某锂电池项目战略投资3亿元，助力项目建设。", None),
    ("", "该产业园战略总投资50亿元，首期投资不少于10亿元。", 50e8),
    # a work's "strategic" total beside its first phase: the total (a programme's strategy is still none)
    ("", "协议商定由联合会动员会员单位投资建设石膏装饰建材产业链整体项目，项目战略总投资50亿元，首期投资不少于10亿元。", 50e8),
    ("", "该省实施乡村振兴战略总投资300亿元。", None),
    # one work sized in the clause before its sum: the work's own, whatever it is fitted with after
    ("", "1月31日，某公司在某区的研发中心正式启动，中心占地43亩，投资3亿人民币，设置7条生产线及2条辅助线。", 3e8),
    ("", "该产业园总占地面积约200亩，投资5亿元，建设标准化厂房12栋。", 5e8),
    # a programme's phase or a tally's is no work's (review59b)
    ("", "某市启动老旧小区改造三年行动，一期投入资金3亿元，改造小区86个。", None),
    ("", "全省建成通车里程3200多公里，一期总投资近20亿元。", None),
    # a programme's money spread over many works is still none
    ("", "某县水利局占地43亩，投资3000万元新建各类小型水利工程932处。", None),
    ("", "某县投资3000多万元新建各类小型水利工程932处。", None),
    # a batch pointed back at in the next paragraph: the event's batch (a roundup)
    ("", "今日，某小镇又举办了一场开工仪式，再次迎来7个重点项目同时开工。\n记者获悉，这7个重点项目包括甲项目、乙项目等，"
         "总投资约16.7亿元。", 16.7e8),
    # …not a span's tally pointed back at
    ("", "今年以来，某县新引进项目30个。\n这30个项目总投资50亿元。", None),
    ("", "今年以来，某县新引进项目30个，成效明显。\n据了解，上述项目总投资50亿元。", None),
    # …the count pointed at must be the event's, not the span's told beside it (review59b)
    ("", "今年以来累计签约项目30个。6月18日，某县举行签约仪式，8个项目现场签约。\n这30个项目总投资120亿元。", None),
    ("", "6月18日，某县举行签约仪式，8个项目现场签约。\n这8个项目总投资20亿元。", 20e8),
    # a headline counting works put on a list: the figure told later is one listed work's, an example (none); one work
    # listed keeps its own
    ("省级田园综合体创建资格名单公布 某市三家入选", "近日，省农业农村厅公布了创建资格项目名单，我市三家田园综合体成功入选。\n"
     "甲田园综合体二期重点建设特色农业种植加工等8大片区，总投资18亿元。", None),
    ("某县某产业园项目入选省重点项目", "近日，省发改委公布了2024年省重点项目名单，某县某产业园项目成功入选。\n"
     "该项目总投资18亿元，建设标准厂房20万平方米。", 18e8),
    # a headline of a place's works over a story stating one figure: that work's (not under a headline counting works,
    # nor with two works' figures)
    ("广西某县重大项目建设开启“加速度”", "今年以来，某县通过一系列创新举措加速推进重大项目建设，全力满足企业需求。\n"
     "2月18日，在某产业园六期标准厂房建设的施工现场，160多名工人正繁忙有序地开展钢筋绑扎等工作。\n"
     "该项目总投资4.8亿元，总建筑面积12.7万平方米，规划建设8栋厂房。", 4.8e8),
    ("某区累计开复工32个重点项目", "今年以来，某区通过一系列创新举措加速推进重大项目建设，全力满足企业需求。\n"
     "在某产业园六期标准厂房建设的施工现场，160多名工人正繁忙有序地开展钢筋绑扎等工作。\n该项目总投资4.8亿元。", None),
    ("广西某县重大项目建设开启“加速度”", "今年以来，某县通过一系列创新举措加速推进重大项目建设，全力满足企业需求。\n"
     "在某产业园施工现场，工人正繁忙有序地开展钢筋绑扎等工作，该项目总投资4.8亿元。\n在某物流园施工现场，该项目总投资2亿元。",
     None),
    # an untitled tour that goes on to one work alone: its figure
    ("", "眼下，某区各重点项目正如火如荼推进，全力加快建设步伐。\n走进某储备库项目施工现场，塔吊高耸入云。\n"
         "某储备库项目作为某区重点项目，占地8万平方米，总投资约3.36亿元，建成后总仓容达15万吨。", 3.36e8),
    # …not another work's figure told later than the site walked, nor one of two sites walked (review59b)
    ("", "眼下，某区各重点项目正如火如荼推进，全力加快建设步伐。\n走进某储备库项目施工现场，塔吊高耸入云。\n"
         "工人们分组作业，一派热火朝天的建设景象。\n另据了解，某医院新院区总投资3亿元，计划明年开工。", None),
    ("", "眼下，某区各重点项目正如火如荼推进。\n走进某储备库项目施工现场，塔吊高耸入云。\n"
         "在某大桥建设现场，工人们正在浇筑混凝土。该储备库项目总投资约3.36亿元。", None),
    # …but a tour of two works, each with its figure, gives none
    ("", "眼下，某区各重点项目正如火如荼推进，全力加快建设步伐。\n走进某储备库项目施工现场，塔吊高耸入云。\n"
         "某储备库项目占地8万平方米，总投资约3.36亿元。\n在某物流园项目现场，工人们正在浇筑混凝土。该项目总投资5亿元。", None),
])
def test_an_amount_session_59_reads(title: str, body: str, value: Optional[float]) -> None:
    assert _amount(title, body) == value



@pytest.mark.parametrize("title, body, city", [
    # a town the township table knows once, under a story naming only its buyers' provinces
    ("", "5月9日，三仙湖镇某农业发展有限公司生产车间内，工人正有条不紊地进行小龙虾加工作业。\n"
         "这里的产品深受河南、山东等全国各地消费者青睐。", "益阳市"),
    # a village named after a city with one character more, in a list of villages: the towns named tell the place
    ("", "集团今年对平水、漓渚、王坛等3镇6个村实施供水扩面，漓渚镇朱家坞、黄山畈村等2个村已做好施工准备。", "绍兴市"),
    ("", "黄山村等3个村的道路硬化工程开工。", ""),
    # not a word ending in 村 after the city's name
    ("", "推进丽水乡村振兴项目开工。", "丽水市"),
    # the city's own people are no buyers from elsewhere (review59a)
    ("", "新华社武汉5月1日电 某市某公园开园以来，受到襄阳市民热捧，日均接待游客2万人次。", "襄阳市"),
    # a province that is the story's own still settles its town
    ("", "近日，湖南省三仙湖镇某小龙虾加工项目正式投产。", "益阳市"),
])
def test_a_city_session_59_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city


def test_a_keyword_bar_above_the_story_is_no_paragraph() -> None:
    body = ("热门视频,日韩一区二区,精品视频,亚洲精品,免费视频\n当前正是小龙虾销售旺季。近日，记者来到某食品有限公司。\n"
            "今年5月刚建成启用的小龙虾深加工生产线派上了大用场。")
    assert story_paragraphs(body)[0].startswith("当前正是")
    # a line of the story that lists things in a sentence stays
    listed = "筛选、清洗、蒸煮、冷却、剥虾、速冻……5月9日，某公司生产车间内，工人正有条不紊地进行加工作业。\n第二段。"
    assert story_paragraphs(listed)[0].startswith("筛选")
    # an untitled page's headline or lead typed in commas stays (review59a): a stage word or a date in it
    assert story_paragraphs("喜讯，喜讯，城东大桥，正式通车啦\n全长1.2公里。")[0].startswith("喜讯")
    assert story_paragraphs("5月8日,沙洋汉江公路大桥,正式通车,群众,欢欣鼓舞\n全长1.2公里。")[0].startswith("5月8日")
