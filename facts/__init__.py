"""Investment facts of a story: how much, what stage, where, which industry, which project.

``extract_facts(title, body)`` is a pure function (text in, value out), run on every stored
story and again by ``newsmon reextract --facts``. See docs/facts.md for the fields, the
taxonomy and the limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, NamedTuple, Optional

from .amounts import CNY_RATES, Amount, find_investment, parse_amount, stated_at, tally_story, works_in_general_summary
from .industries import INDUSTRIES, find_industries
from .places import (OUTLETS_NAMED_AS_WORDS, Place, find_places, former_county_in_city, national_figure, national_scope,
                     outlet, place_named, places_called, province_wide_story, read_as_a_word, repeated_county, short_name,
                     written_names)
from .project import find_project
from .script import simplified, to_simplified
from .amount_model import MIN_BODY as AMOUNT_MIN_BODY, AmountView, keep_amount, read_amount
from .city_model import CityCandidate, candidates as city_candidates, choose_places
from .stage_model import MIN_BODY, Candidate, PageView, candidates, choose_stage
from .stages import STAGES, event_notice, find_stage, one_work_progress, under_way_word
from .text import joined_phrase_lines, sentence_of, sentence_start, story_paragraphs
from .wording import AMOUNT_WORDING, LEAD as WORDING_LEAD, STAGE_WORDING, Lifts, Vector, WordingModel, vector

__all__ = [
    "CNY_RATES",
    "FACTS_VERSION",
    "INDUSTRIES",
    "STAGES",
    "Amount",
    "InvestmentFacts",
    "Place",
    "extract_facts",
    "facts_record",
    "named_place",
    "not_an_owner",
    "owner_place",
    "sole_place",
    "amount_view",
    "wording_text",
    "city_evidence",
    "parse_amount",
    "PlaceReading",
    "check_industries",
    "places_called",
    "parse_place",
    "place_readings",
    "reading_note",
    "place_filter",
    "stage_evidence",
    "project_reading",
]

#: Bumped when extraction changes, so ``newsmon reextract --facts`` knows what is stale. (10 was
#: announced for session 6 in docs/benchmarks.md but never set here; 11 is session 7's, 12 session 8's,
#: 13 session 9's, 14 session 10's, 15 session 11's, 16 session 12's, 17 session 13's, 18 session 14's, 19 session 15's,
#: 20 session 16's, 21 session 17's, 22 session 18's, 23 session 19's, 24 session 20's, 25 session 21's, 26 session 22's, 27 session 23's, 28 session 24's,
#: 29 session 25's, 30 session 26's, 31 session 27's, 32 session 28's, 33 session 29's, 34 session 30's, 35 session 31's, 36 session 32's,
#: 37 session 33's, 38 session 34's, 39 session 35's, 40 session 36's, 41 session 37's, 42 session 38's,
#: 43 session 39's, 44 session 40's, 45 session 41's, 46 session 42's: outlets named after words, 新安晚报, 长城网, 长安网;
#: 47 session 43's: a site's place or a source line written as names only keeps its county where the province has two
#: of that name, 南京市鼓楼区; 48 session 44's: 重庆's 江北区 and 渝北区 are divisions, data/divisions_added.csv; a
#: site's place naming a city and a division inside it of the same name is the city, 白银; a government's account, 仙居发布;
#: 49 session 45's: former division names of GB/T 2260 2002–2013, data/former_names.csv: 户县, 郧县, 襄樊; project names;
#: industry words of transport works and pollution control; 50 session 46's: a dated clause of its own reports its
#: stage, a first unit hoisted is a work under way, an outlet named with 新闻 names its county, project names opening with
#: a count's tail or pointing back are none; 51 session 47's: mirrors' toneless pinyin readings dropped, 高标准农田 a work,
#: an offered batch's counted signing by 签订/签下, a plant's equipment arriving a work under way, a charge to a class of
#: offices a plan, 全州 the whole prefecture unless after its own province; project names: a class label before 项目 with
#: no work named before it names none; 52 session 48's: the figure of the phase a story reports over the whole's stated
#: first; an investment-promotion trip meeting investors (对接了某公司, 招商对接活动) is talks; one work's parts
#: counted (项目三个部分) are no batch; an untitled story of the province speaking of itself (我省…) and a province's
#: batch met at a venue named at length have no city; a village named like a district (西峰村、) is no place; 53 session
#: 49's: a work set up (某项目已立项) is 核准, an expert panel's review (通过省专家组评审) 评审, a headline's bare 投 before
#: its sum an investment word, the stage model's site scene reads 正在…建设/已完成投资/复工; the amount and stage models
#: refitted; 54 session 50's: a currency written before its figure (约港币20亿元) is the figure's, projects counted with
#: their total and no 的 (10个总投资201亿元项目) and 大 projects with their kind between (两大文旅项目) a roundup, a zone's
#: kind between a county and its zone word (响水沿海经济开发区) the county's, four western zones in zones.csv, a comma
#: typed for a decimal point (37,7亿元), a figure opening a quoted name (“千亿工程”) none, a sentence of a work's
#: particulars after the sentence naming it, 煤矿 a work, headlines of one work's progress as 项目建设忙/进入冲刺; 55
#: session 51's: a station 正式并网发电 投产, a work covering several villages (等3个村土地整治项目) one project, investment
#: brought in with its noun after the sum (引来1.2亿元投资, 引进了60亿元巨资), 揽资 and 合资 an investment, a span's
#: figure building one work of a stated size (拟投资460万建成500吨气调库) the work's, a handover
#: ceremony (交房仪式) 竣工, 天易经开区 湘潭县's; a
#: place's department (水利部门) no ministry, a known town named like a city (金华镇) the town, 225项城市 no 项城市, 温泉小镇
#: no 温泉县, an official's given name before 与/和/到 no place, a township's short name across words (共建一个) none,
#: 和县直部门 no 和县, 天山南北/惠农惠民/欧阳明华/和安全 no places; 56 session 52's: a county outlet on the source line
#: (清徐融媒网, 安陆政府网, 滕州日报, 宿豫融媒體中心), a county-level city by its old county name (乳山县), a zone's short forms
#: by its kind (芦台开发区), a named firm's particulars its plant's, a total after three named works of a day's batch the
#: batch's, a headline's bound the lead restates filled by the next paragraph's total of the work, a city's name ending a
#: compound word (复合肥) or after a function character inside a word (点将台北侧) none; a site word's names read on
#: (建设地点：…自治州阿克陶县); 股份 in a firm's name no stake, a named work's 基建总投资 its own, a plan word as the topic
#: of talks (就推动…进行洽谈) no plan; 57 session 53's: 去年 with a month or 底/初/末 a date like 今年's (去年7月…奠基，计划
#: 总投资6亿元: the work's), a run of months a span (从去年11月到今年9月底…总投资1350亿元: a tally) unless one work's schedule,
#: 至今年 no 至今, one named work's 计划总投资 after a span its own; a county's seldom written short name in a place's slot
#: (位于莎车的) and a county's short name opening a headline or its second part before a long work's name the county; a
#: ceremony still to come (签约仪式将于明天举行) no stage; 58 session 54's: a headline county read by its work slot yields
#: to the body's stated site in another city (东阿阿胶…基地项目开工 over 项目位于…伽师县), a county's short name before a
#: headline's colon or in its tag the county (延长：…项目开工) unless the body names another city and never it (东海：), a
#: headline's aid donor (天津援疆…) and a brand's home before its plant's site (广州本田武汉工厂) no site, a recent span
#: dating one named work (今年以来，某项目开工建设，计划总投资12亿元) its total kept, 百余万元/千多万元 amounts, a stage
#: put off, readied or failed (暂缓开工, 筹备开工, 签约失败, 开工仪式推迟, 年底前建成) not reached, a headline's count the lead
#: tallies over a span a tally (驿城区签约…项目34个 over 至目前，全区共签约…项目34个), townships several places share named
#: together their one common county (梧桐街道…凤鸣街道), a joint park's first-named helper no site (无锡淮安工业园区), a
#: county's short name before one of its own townships the county (诸城龙都街道), money put into one named work's building
#: its own (此次某加工厂的建设，预计投入180万元的资金), a 兵团 division by its regiment (第八师144团) its city, a place's goal of
#: a national rank (加快建设全国…高地) no country's story, a rights line (版权归某某日报所有) its outlet, a sum in formal
#: numerals (人民币壹亿伍仟万元) an amount, a work's 启用 right after its noun (某垃圾中转站近日启用) 投产; 59 session 55's:
#: an impact assessment's notice before its decision (公众参与公示, 征求意见稿公示, 报审前公示, 拟批准) 评审, an acceptance
#: inspection held (对…项目进行验收) 竣工, a visit naming the sum meant (计划在某县投资2.4亿元) 洽谈, a completion joined to
#: use in one phrase (竣工投产, 建成投入使用, 建成通水, 落成启用) 竣工; 60 session 56's: a proposed decision's, a received
#: assessment's and a public-participation notice (拟作出的…批复决定的公示, 受理…环境影响评价文件, 根据《环境影响评价公众参与
#: 办法》) 评审 whatever work its sentence names, 现将 no plan, an audit's filed result no 备案, a list of works named by a
#: stage (新开工…项目名单) none, a work's total after its building done (从2013年开始建设，现在已全部完成，…总投资) its own, a
#: headline's phrase its own plan's reach (这一刻将载入史册 某管道投产通气), a works' bare 试运行 (某陆地港试运行) 投产,
#: an estimate's words (工程概算, 概算总资金) and one work's spending summed (该项目共投资390万元) its investment, homes'
#: sales filed (网签备案) no 备案, a notice of an event to come headed by its issuer or holding it (某县关于举办…, 关于举行…
#: 开工仪式的通知) no stage; zones 桂林洋 (海口) and 广西-东盟经开区 (南宁); a firm's own funds put to one work (拟动用自有资金…
#: 建设) its investment, a field of cooperation in a list (…、金融合作等领域) no financing, a whole year's count (全年共签约…
#: 协议投资额…) a tally, an investment plan handed down (下达…投资计划，总投资额…) a programme's money, the 兵团's
#: divisions by their old names (农二师) their cities, 建三江 富锦 (佳木斯), a total whose parts follow (…总投资约10亿元，其中
#: 第一期开工项目主要包含…) the work's, a headline naming one township in full (盐窝镇入选…全国…) its own story, a headline
#: repeated below the dateline no lead; 61 session 57's: a total joined to a size before its work (总投资35亿元、占地3000亩的
#: 某产业园), a work made of counted projects (该园由…四个项目组成，总投资6.7亿元) and a work set up this year with its planned
#: sum (今年在某县成立第3家乳品工厂，计划投资1.5亿元) their own, a work's yearly capacity (全年可处理…) no span, a holiday's
#: signings (从大年三十到正月初五，全市共签约…) a span's tally, a list's scheme (《…重大项目方案》印发，154个重大项目入列) no
#: work's, a headline's batch event (举行元月份重大项目开工活动) the month's count its batch, a work's crews on site (项目已
#: 进场施工) 开工, talks on a list of works (就某产业园、某研究院…等重大合作事项进行深入交流) 洽谈, a festival's edition
#: (第十一届文山三七节) read for its signings; land ports (伊尔克什坦口岸 乌恰, 友谊关 凭祥 …) and 阜阳合肥现代产业园区 (阜阳);
#: 62 session 57's second: a market's or a centre's opening (开业, 揭牌运营) 投产, a road by its kind or quoted name a work, a
#: road's places counted (涉及…4个乡镇10个村的…公路) no several, funds raised for one work (筹措…资金启动…工程) and a work's
#: spending summed (项目总共将耗资) its investment, accepted works' total (此次验收的8个…项目…完成总投资) a roundup, an area's works
#: done summed (全市共完成…工程…，总投资) none, a headquarters (总部) a total's subject, a clause opening on 该项目 no plan's
#: total, a deadline year (到2030年) for one work no span, a work sized after its verb (实施493.8万元的某项目) its investment;
#: 中国X网 an outlet, a town's suffix word tagged a place (坂仔镇西坑村) no ordinary word, an island named after its town
#: (南日岛) the town; bays named like counties (莱州湾, 兴化湾, 杭州湾) the province only; 63 session 57's reviews and
#: last rules: 开业 only of a work named before it (not a shop's, a firm's, reopened, an anniversary), 进场施工 not its
#: conditions or plan, talks on works only by name (not a report, a check), no festival read for signings, an island only
#: in the story's province, no 中国南海网, an area's works done only works on no event, no category's list made of projects,
#: no programme sized after its verb or by a deadline; a five-year plan's years (“十三五”期间) and the year just past (在刚刚
#: 过去的一年时间里) spans, 近些年来 a period, a holiday's headline (春节假期签约项目14个) a tally, a programme's planned works
#: counted (计划投资37.71亿元建设项目263个) none; 开业 not planned (将于…开业) nor after a county in 城 (霍城县); 64: a work's
#: crews on site after a time word (项目目前已进场施工) 开工, zone 新海港 (海口); 65 session 58: a work's share done (进入收尾
#: 阶段, 已完成85%的建设任务, 占总投资的70.88%) 开工, 工程已全面启动 开工, a headline's 进展良好/加快推进/加力提速 of one work
#: and a work pointed at (这一…项目) one work's progress; 66: 鄱阳湖 the province only, 诺木洪农场 (都兰), a demonstration zone
#: named after its county (神池示范区), a park named for its investors' home (台湾工业园), the cities a place lies between
#: (位于南昌、长沙两个省会城市中间) and the later names of a title's list of officials (副主席李书中、肖海东) no site; 67 session
#: 58's review and amounts: a share done only of one work (not 全市老旧小区改造…), 工程已…启动 only ending its clause and no
#: programme's, 加快推进/加力提速 not before an object, 这一… no place, a title ending in a surname's character (副主任王强、刘海东),
#: 地处/处在 between two cities, a 示范区 after a site word or opening a line; a work's investors counted (由…等7家茶企投资建设，
#: 总投资…), money spent in turns on one work built after it (先后投资…，建设…基地), 投入…对市场进行全面升级改造 its investment, a
#: half year's headline count (某市半年引进重点项目27个) and a headline's signed sum (签约投资额61.7亿元) a tally; 68 review58b:
#: investors counted only where the sentence counts no works, works built in turns no programme and no sentence with its own
#: total, a class of things done up (对城区老旧小区进行全面升级改造) no work; aid money between regions (协作资金) and schools or
#: hospitals counted (16所) no one work's; 69: a delegation's visits one after another (一行先后深入…企业) before its talks on
#: projects the day's talks (洽谈), no span's summary; 70: a work's rank (是全省重点项目) no area's works before a share done;
#: 71: the area's works before a share done read by _MANY and _WORKS_COUNTED (a province's first work, "全省首个…", is one
#: work's; every labelled set reads the same); 72 (session 59): 启动运营 投产, 已全部完成建设 ending its clause 竣工, 正在紧张施工中
#: under way, a work's phase (一期投资) or a work sized in the clause before (中心占地43亩，投资…) its own figure whatever parts
#: follow, an untitled tour walking one work's site with one figure that work's, a batch pointed back at (这7个重点项目…) the
#: previous paragraph's event's, buyers' provinces (深受…消费者青睐) origins that settle no township, a keyword bar above the
#: story no paragraph, the amount model's cut 0.4 → 0.3; 73: review59a/b's traps (启动运营 of a platform, firm or bank with
#: 正式 too, a reopening; 市民/游客 no buyers; a comma-typed headline or lead with a date or a stage word no keyword bar; a
#: programme's bare phase no work's; a batch pointed at only when its count's sentence tells an event; a tour's figure only
#: after the one site walked), a headline counting works put on a list (某市三家入选) tells examples, a village named after a
#: city with one character more (黄山畈村等) no city; 74: a headline of a place's works over a story stating one figure (not a
#: past year's work recalled) keeps it, unless the headline counts works; 75: a headline's one work over the lead's batch
#: takes the work's own figure told later in a sentence naming it, a figure is found in the lead as written ("5亿元" not
#: inside "12.5亿元"), a work's 战略总投资 its total; 76: review59c's traps (the headline's work named after its place's colon,
#: a phase only when the headline names it, no supporting works' figure, a fund's strategic stake none, a story telling
#: several works keeps its examples) and the amount model's figure looked up as written; 77: 正式运营 shares 启动运营's
#: exclusions (a bank's branch, a group, an app, a reopening); 78: a river's short name before a basin's word (东河流域) no
#: district, 中原 the Central Plains, an idiom opening with a city's short name (白山松水) no city; 79: money for a campaign
#: carried out (开展…行动) a programme's, every site of a place at work told as a scene (各项目…紧张施工) no one work's
#: stage nor name, so its later figures are examples; 80: one work's building launched (启动了二期项目建设) 开工; 81: 巴彦
#: (内蒙古's "rich": 巴彦乌拉) no short name of 哈尔滨's 巴彦县; 82: a connection's ceremony (并网发电启动仪式) and 建成且并网
#: 投产; 83: an untitled delegation's study tour (…进行学习考察。首先考察了…) tells its stops' figures as examples; 84: review60a's
#: traps (a county's own banks and water, a city's or a province's name before a basin's word; a campaign, a class of
#: works, a tender, the land, a study of a work's building launched); 85: works counted with their kind in quotes
#: (15个“高精尖”项目) a roundup; 86: a work tunnelled so far (已掘进), a plant's units all set up (风机全部安装到位), a work
#: 正在修建 under way; 87: review60b's traps (a first unit's ceremony, any equipment installed, a study tour that signs,
#: a city's name before 流域, a longer river's tail before its banks) and a headline's one work's figure among the lead's
#: works' figures; 88: that last rule taken out (review60c: 18 better, 12 worse), a city's name before 流域 its own
#: again, a work's phase no second figure in the one-figure checks (review59b's D12); 89: the quoted-kind batch count
#: back to its ten-character bound (88 read "由3个投资主体合资建设光伏发电项目" as a batch); 90 (session 61): a count after
#: a work's figure counts projects only, a headline's year list put out (…项目出炉), a span describing one work (目前正在施工
#: 的一期项目), a work's share of its whole named the sentence before, a plan's spending after one named work; hamlets
#: named after a county (西柳河屯), 金山银山 and 景泰蓝 no places, a firm's seat (…公司所在地) no investor's home; 91:
#: review61a's traps (a plan's spending after one work that the next clause spends elsewhere, 为全镇12所村小配备…; a
#: province's last character no compass point, 山西平顺村级); 92: a park's opening by its ceremony or as grand (举行开园仪式,
#: 盛大开园) 投产, with review61b's traps (a reopening, a term's, a festival's or a picking season's, a mall's playground;
#: a plan's spending whose next clause builds many or other things, 布局…多个, 改造…其他); 93: review61b's probes (a
#: season's or a shop's opening, the passive 开园仪式隆重举行; a hamlet's character opening a word, 庄园, 屯垦, 堡垒; 东北 and
#: 鲁西南 as regions; 前 and 后 no compass points); 94: the final read's mend (a count of projects told by what they do,
#: 共有12个开工, makes a batch again: 90's lookahead read its verbs one character late); 95: the code review's mends (an
#: area before a span's 的 counts, 今年全市新开工的…工程; season words only around a park's opening, not after it, and
#: 恢复/再次 reopenings; the spending guard reads past 左右 and needs a building verb before many or other things, not
#: 工期18个月; one work's parts counted, 3个子项目, no batch); 96: a year inside the name of the headline's work is no
#: span (广饶县2020年…蔬菜产业项目计划总投资 under "…蔬菜产业项目开工"); 97: the spending guard reuses _MANY_BUILT's
#: counts and the text module's clause and sentence ends (a single-digit count after a building verb is no longer many);
#: 98 (session 62): a headline's counted batch over a wider event's first total (安溪47个项目 over 221个项目…1373亿元), a
#: due month in a headline no span (预计今年9月份), 日前并网发电 and 进料试运行 投产, 经研究同意建设 核准, 审批公示 and 批前公示
#: 评审, 完成…评标 招标, 正…推进…工程施工 under way, an opening's conditions (满足开业条件) no opening; 99: a community or an
#: estate named after a district (东西湖社区) no district, deals counted with the capital drawn in (签约4个，引资1亿元);
#: 100: a headline's figure before a work to be built (投资1.2亿元 某区将建…), an approval given in a listed work's
#: sentence (已通过…核准) keeps its figure; 101: a plan word inside a document's name (《…提升计划》通过专家评审) plans
#: nothing, 完成…可行性研究报告评审 and 征求…环境保护方面的建议 评审; 102: the figure of the work this event reached
#: (此次启动的…项目) over the whole project's told before it, 通过…发展改革委规划审批 核准; 103: review62a's traps (a
#: batch the event's work is one of, a phase named before the figure, 的同时/的还有; a listing approved, 批准列入; 经研究同意
#: 终止/调整; 推进工程施工招标) and a due month after 明年 or a plan word with 今年; 104: the code review's mends (a part
#: among or supporting the event's works, works counted not counties, the earlier branches' choice kept; 将 as 把 and
#: 将建立/建档; a refused or sought approval; any due word before a headline's month, _tally_word; 退出/撤回/注销 no
#: approval; 公正推进…监管 and 施工许可/图 no works under way; 审批公示结果 no review; 试运行方案 no run; 达到…后正式开业 an
#: opening again; one work's 部分工程 no many; a city's name before 社区/小区 the city's); 105: a works' water or gas let in
#: at a ceremony held (举行通水仪式, 通气点火仪式) 投产, not a season's irrigation water; a duty or a condition (必须, 应当,
#: 一旦, 如果…) plans its own clause; 启动…工程(…标)的建设 开工; a county's site before a bare 网 (秀山网讯) over a story in
#: the county's voice (我县) places it; 106: an approval's record (批复日期：…) 核准, a use a work can be put to (可投入使用)
#: none yet; 107: a bridge's closure (正式合龙, 实现合龙) under way, a plant fed into a named grid (成功并入…电网发电) 投产,
#: 106's approval record withdrawn (budgets, funds and land share its layout: review63b), 即日起可投入使用 begun; 108: the
#: code review's mends (应当 not across words, a season's irrigation 通水 read apart, 已/现可开工 a plan again, a grid fed
#: only by a plant's output, 尽快/适时/建议 启动 and 的建设可行性研究 no start, 全县 and the national outlets' list no
#: county's voice, a closing 来源 line no dateline); 109: 专案 read as 项目 in a traditional-character story, a county's
#: short name before 县城/新县城/老县城 the county; 110: the amount model's cut 0.3 → 0.4 (its weights kept), a
#: town's full name holding a weak county name (晓天镇) read, a bare county named outside provinces only named as investors'
#: homes or trips (a rare word only where no other province bounds it), a product named after the county just named
#: ("太白县太白贝母") and a weak name paired by a count ("鲤城甘州两地") no foreign word striking the county's names;
#: 111: prefectures' short forms 博州 and 版纳 (zones.csv), a two-character zone name asked whether it straddles words
#: (知识渊博州长), 并网发电一次成功 投产; 112: a headline's place opening a firm's short brand the body names in full
#: (无锡甜丰：… over 无锡甜丰食品有限公司) the investor's home, no site; 113: project names start after the firm that
#: wins, builds or reports the work (中标, 承建, 总承包, …有限公司, a bare 公司 before a place's or a size's work), after a
#: figure without 元 before its verb, after 验收/介绍/取得; 荣获/获评 end them; 并网 no conjunction; a builder's 项目部 and
#: a news outlet's 融媒体中心 no name; 114: a project's name opening on a chain of places read from its last place on
#: (四川省广安市岳池县…工程 → 岳池县…工程); 115: a story reporting neither an investment nor a stage reports no project
#: (project_reading gives the name reader's answer), the code review's mends (中标 and 并 only as words, a firm's own work
#: named where no other name is, 项目部 only as jieba's word, outlets only as who tells the news, no town of 乡村/城中村,
#: 博州/版纳 only as whole words, a zone's brand in a headline no firm's); 116: project names start after a wire's
#: dateline, a day, a national builder (中铁四局), a dash after the headline's event, 率队/赴/用于/进一步/制定/吸引/加速/
#: 庆祝/助力; an opening verb of building (开发, 开始) and a place's before it (宜都建设…) read off, not a division's first
#: characters (建始县); a part after the name (…工程主体工程) and a class of works before it (省重点工程…) left out; a
#: figure before 投资项目, 又一, 更多 and …重点工程 with no work named a category's words; 117: a town in a project name's
#: place chain is one of the township table's names (天水曲溪城乡… keeps 天水); 118: the code review's mends of 116 (a verb
#: inside a division's or a firm's, a school's or a street's name kept: 建水, 西安建筑科技大学, 开发大道; 加速器, 助力车;
#: 重点工程实验室; a builder's own works; two leading verbs); a total right after its works counted (签订3个总投资…的合作
#: 协议, 10家企业、总投资…的项目) or after a clause counting kinds listed with 等 a roundup's; 119: money put in (投入…亿)
#: makes a signing's sentence a project's deal; 考察…项目选址 a visit's talks; 120–125: a project name's front checked
#: against jieba's words (a boundary word read across two words is none, 辛集/中国; one opening a longer word cuts after
#: it, 今天上午; 集中供热, 工业集中区, 集中式, 建成区, 计划生育 nouns, no verbs), a time of day (昨日下午) a boundary, a kiln's rate (5000t/d) inside a name,
#: 新上 read off (not 新上海, 新上城区), a ceremony's venue (分会场) a boundary, what a 中心 is the centre of kept
#: (中心幼儿园, 中心站), a name quoted whole (签约“某项目”) read; 风电场 was a head in 123 and is not since 124 (the code
#: review); 126: a feasibility study's or a design's 评估会 is a review (评审), as 审查会 is (and like it needs a work
#: named, not a meeting ahead); 127: the nouns a name holds (工业集中区, 集中式, 建成区, 计划生育) end nothing; 128: a headline's column
#: mark (丨) ends a name's front, a power line's π (π入) is in its name; 129: a year's list of key works summed (全省重点
#: 建设项目总投资…) no work's, kinds of projects signed (等…项目举行了签约仪式) make their 协议金额 a batch's, 招商引资签约 a
#: signing event's sum, 累计 before a work's own output (累计发电量) no statistic, one work's total stated twice no tour
#: of works (a county's word-name before its own township's short name, 盐池高沙窝, was read as the county in 129 and
#: dropped in 131), a builder's contract price (合同造价) no investment; 130: a plant's trial feed (开始投料试车; 建成，进入试生产) production,
#: a work done with no object (工程已全面完成, 工程得以顺利完成) completion, a load driven to a port (驶往) ranks after the site, 江南产业
#: 集中区 池州's zone; 131: the code review's mends (loans', research's and builders' deals signed as 等…项目 no batch,
#: 该市级 one work, 中标造价 and 合同约定造价 a builder's price, 累计…产值 output, a total restated one work's only with the
#: headline's figure or one site visited); 132: a list's 项目投资总额 (今年全市重点项目投资总额…) no work's, as its 总投资;
#: 133: a work's building pushed on (工程建设正在加紧推进) under way; 134: a headline's plant named by what it treats
#: (污水处理厂, 水厂, 电厂) one work's, an untitled lead's batch only as a venue (在…集中开工…分会场，) no batch, one work's
#: total beside its progress so far (…工程建设进度加快; 该项目总用地…，总投资…，…累计完成投资…) its own; 135: works done
#: at many counted sites (对99个小区实施…改造) a programme, a closure written 合拢 (正式合拢, 合拢仪式) under way; 136: the
#: second code review's mends (counted plants, 三座水厂, no one work's headline; works counted at a venue stay a batch; a
#: named work at counted sites that work's); 137: a story whose primary copy names no city is read with its other
#: copies' sites' places too (facts/copies.py: a county portal's copy tells the county a province's copy left out); 138:
#: a work's building pushed on in order or steadily (项目建设正在有序推进, …稳步推进) under way; 139: figures the rules dropped
#: kept (session 70): the event's own work's beside other works' (此次开工的…项目…总投资), one work's after a batch's activity
#: as its setting (在…集中开工活动中，…分会场某项目开工仪式), a work on a year's list of any kind (…是2024年…谋划的重大招商引资
#: 项目，总投资…), one work's 共 under any work noun (某基地共投资…), a work described after a plan (…规划之一的《…初步设计》…，
#: 拟建的码头工程位于…，总投资…); 140: a story with no headline opening on one work's progress (截至目前，某港二期扩建工程建设
#: 稳步推进，…) under way, its first sentence read as the headline; 141: money raised (筹资) to build one work it names that
#: work's investment; 142: a park inside a city's zone named after a county elsewhere (西宁…经济技术开发区南川工业园区) no
#: place of that county's, Tianjin's 大港石化产业园区 in zones.csv; 143: a signed batch's 签约合同额 its total, one work's
#: phases as the subject of money spent in turn (…一至三期…，先后投入…) its sum, a headline's figure cut short past the
#: point (投资1.5亿 over 投资概算1.59亿元) the lead's, a phase named by 的 after its figure (投资近5000万元的该项目一期工程) a
#: phase's; 144: money spread over many counted counties after it (投资8.89亿元，涉及全省79个县区) a programme's; 145: the
#: code review's mends of 139–144 (the event's work only when it moved the choice; works named together at a setting's
#: event a batch; 共 under a noun other than 项目/工程 only as a bare or pointed-at subject; a plan's work only from a work's
#: own document; 筹资 not a market's or a lender's, nor beside the work's own total; an untitled opening's progress
#: words closing a clause, a design or the land still readied no start; a park in a county of another province only;
#: 签约合同额 at an investment event only; phases spent on that take in the headline's; a headline's figure written
#: in the opening no rounding; a phase's figure never another phase's; 146: the second review took out 140's untitled
#: opening read as a headline and 144's money spread over counties (both read realistic stories worse); 147: a design or
#: the land readied blocks one work's progress only while still going on (征地拆迁工作已全部完成 does not).)
FACTS_VERSION = 157

# Above this no story states one investment or a roundup's total (China's fixed-asset investment is about 50万亿 a year;
# the largest provincial roundups state a few 万亿): a figure above it is a slip of the page's or a hostile one, and
# would flatten every other place in the pipeline chart.
MAX_PLAUSIBLE_CNY = 1e14

# How much of a headline is read: one longer is no headline a reader saw (see extract_facts).
_HEADLINE_READ = 500


@dataclass(frozen=True)
class InvestmentFacts:
    """What a story says about an investment project; every field may be empty."""

    amount: Optional[float] = None  # in units of ``currency``
    currency: Optional[str] = None  # ISO 4217: CNY, USD, …
    amount_text: Optional[str] = None  # as written: "41亿元"
    kind: Optional[str] = None  # "project" or "roundup" (the stated total of many projects)
    stage: Optional[str] = None  # one of STAGES
    places: tuple[Place, ...] = field(default_factory=tuple)
    industry: tuple[str, ...] = field(default_factory=tuple)
    project: Optional[str] = None

    @property
    def amount_cny(self) -> Optional[float]:
        """The amount in yuan (approximate rates for other currencies)."""
        if self.amount is None:
            return None
        return self.amount * CNY_RATES.get(self.currency or "CNY", 1.0)

    @property
    def is_empty(self) -> bool:
        """True when the story states none of the facts."""
        return self.amount is None and self.stage is None and not self.places and not self.industry

    def to_dict(self) -> dict[str, Any]:
        """The ``investment`` object of ``show --format json`` and the webhook payload."""
        return {
            "amount": self.amount,
            "currency": self.currency,
            "amount_cny": self.amount_cny,
            "amount_text": self.amount_text,
            "kind": self.kind,
            "stage": self.stage,
            "places": [p.to_dict() for p in self.places],
            "industry": list(self.industry),
            "project": self.project,
        }


def extract_facts(title: str, body: str, source: str = "", home: str = "") -> InvestmentFacts:
    """The investment facts the story states (pure: no I/O, no clock).

    A story in traditional characters is read as simplified, and its facts (``amount_text``,
    ``project``) come in simplified characters. ``source``: the page's 来源 line ("德州市人民政府", "玉溪日报"), which
    places a story that names no city of its own (see _source_places). ``home``: the place the story's site reports on
    (its config's ``place``: "鄂州", "靖边县"), the last word for such a story, after its source.
    """
    story = _read(title, body, source, home)
    evidence = _stage_evidence(story)
    places = choose_places(story.title, story.body, story.focus, story.places, _outlet_place(source, story.body))
    amount = story.amount if story.amount is None or keep_amount(_amount_view(story, story.amount, evidence)) else None
    if amount is not None and amount.cny > MAX_PLAUSIBLE_CNY:  # a slip or a hostile page: no investment is that large
        amount = None
    stage = choose_stage(*evidence) if evidence else None
    # (session 65) A story that reports neither an investment nor a stage names no project of its own: a work it names
    # is an example, a programme or a visit's backdrop (on the 999 seen pages such names were the label's 37 times and
    # no project's 110, another's 16). Such a story is in no project list (db.facts.list_projects) either.
    project = _project(story, amount) if amount or stage else None
    if not (amount or stage) and places and places[0].city:
        # (Session 71) Nor has a province's story of no project a city: a headline or untitled lead naming only its
        # province as the subject ("贵州向脱贫“硬骨头”发起总攻", "宁夏加快病险水库除险加固") tells a province-wide programme or
        # tally where the story names several of the province's cities, or one in passing ("银川等重点城市"): they are
        # examples (see places.province_wide_story; blind n63–n65 city 115 → 119 of 135). Not one city gone to ("在河北
        # 沧州渤海新区…"), one work sited in one city, an investor's home, nor cities of another province ("福建…支援宁夏…").
        places = tuple(province_wide_story(story.title, story.body)) or places
    return InvestmentFacts(
        amount=amount.value if amount else None,
        currency=amount.currency if amount else None,
        amount_text=amount.text if amount else None,
        kind=amount.kind if amount else None,
        stage=stage,
        places=places,
        industry=tuple(find_industries(story.title, story.body, story.focus)),
        project=project,
    )


def _project(story: "_Story", amount: Optional[Amount]) -> Optional[str]:
    """The project's name the story writes (facts.project), read with the rules' places."""
    return find_project(story.title, story.body, _written_names(story.places), story.focus,
                        batch=bool(amount and amount.kind == "roundup"))


def project_reading(title: str, body: str, source: str = "") -> Optional[str]:
    """The project's name as the story writes it, whether or not the story reports an investment or a stage
    (extract_facts reports it only beside one): the name reader's own answer, for tests and probes."""
    story = _read(title, body, source)
    return _project(story, story.amount)


def stage_evidence(title: str, body: str, source: str = "") -> Optional[tuple[PageView, list[Candidate]]]:
    """What the stage model weighs for a story (facts.stage_model), None when the story reports no stage
    whatever its verbs (a nation-wide figure's): extract_facts' own reading, for bench/train_stage_model.py."""
    return _stage_evidence(_read(title, body, source))


def city_evidence(title: str, body: str, source: str = "") -> tuple[str, str, list[CityCandidate]]:
    """What the city model weighs for a story (facts.city_model): its headline and body as read (simplified) and the
    cities of the rules' places; extract_facts' own reading, for bench/train_city_model.py."""
    story = _read(title, body, source)
    return story.title, story.body, city_candidates(story.title, story.body, story.focus, story.places,
                                                    _outlet_place(source, story.body))


def _outlet_place(source: str, body: str) -> str:
    """The page's 来源 line (simplified), else the place its outlet's name names (places.outlet), or ""."""
    return _source_line(source) if source.strip() else outlet(body)


_SOURCE_LABEL = re.compile(r"^\s*来\s*源\s*[:：]\s*")


def _source_line(source: str) -> str:
    """A 来源 line or a site's place in simplified characters. One too short for ``to_simplified`` to tell its script is
    converted whole where only so it names a place ("宿豫融媒體中心": one traditional character); never otherwise, as
    converting a simplified name may change it (乾县 → 干县)."""
    line = _SOURCE_LABEL.sub("", to_simplified("", source)[1])  # ("来源：安陆政府网": the label kept by a page's markup)
    converted = simplified(line)
    if converted != line and not _places_named_as_written(line) and _places_named_as_written(converted):
        return converted
    return line


def amount_view(title: str, body: str, source: str = "") -> Optional[AmountView]:
    """What the amount model weighs for a story (facts.amount_model), None when the rules find no investment:
    extract_facts' own reading, for bench/train_amount_model.py."""
    story = _read(title, body, source)
    return None if story.amount is None else _amount_view(story, story.amount, _stage_evidence(story))


def _amount_view(story: _Story, amount: Amount, evidence: Optional[tuple[PageView, list[Candidate]]]) -> AmountView:
    page = evidence[0] if evidence else None  # (a nation-wide figure's story has no stage evidence)
    rule = page.rule if page else None
    if rule == "开工" and evidence and not any(c.reason == "ok" and STAGES[c.stage] == "开工" and not under_way_word(c.verb)
                                            for c in evidence[1]):
        # Works under way only (封顶, 正在施工): a progress story, as often many works' as one's; the amount model weighs it
        # apart from a start reported (a tour's figures are no more one project's for its cranes).
        rule = "在建"
    short = len(story.body.strip()) < AMOUNT_MIN_BODY  # (the wording read only where the weights decide)
    return read_amount(story.title, story.body, amount, rule, bool(page and page.tally), bool(page and page.general),
                       None if short else _wording(AMOUNT_WORDING, story.title, story.body))


@dataclass(frozen=True)
class _Story:
    """A story as the extractors read it: simplified, its headline settled, its investment and places found."""

    title: str
    body: str
    amount: Optional[Amount]
    focus: str  # the sentence stating the investment ("" without one)
    places: tuple[Place, ...]


def _read(title: str, body: str, source: str, home: str = "") -> _Story:
    # A headline is short: one longer is no headline a reader saw, and every headline check reads it whole (a
    # 20,000-character title of amounts cost 10 s).
    title, body = to_simplified(title[:_HEADLINE_READ], body)
    body = joined_phrase_lines(body)
    if not title.strip():
        title, body = _original_headline(body)
    else:
        title, body = _with_subtitle(title, _without_headline_line(title, body))
    amount: Optional[Amount] = find_investment(title, body)
    # The sentence stating the investment names the project's place first (find_places).
    at = stated_at(body, amount, title) if amount else -1
    focus = sentence_of(body, at) if at >= 0 else ""
    places = _source_places(tuple(find_places(title, body, focus=_scene(body, at, focus), home=home)),
                            _outlet_place(source, body), title, body, outlet=True)
    if home:  # (a county portal's "我县" is its county's, when neither the story nor its source names a city)
        places = _source_places(places, home, title, body)
    if not any(place.city for place in places):
        # Last, a county named only by a name jieba takes for a rare word, written three times ("安化黑茶文化广场").
        county = repeated_county(title, body, places)
        if county is not None:
            places = (county,) + tuple(place for place in places if place.province != county.province)
    return _Story(title, body, amount, focus, places)


def _stage_evidence(story: _Story) -> Optional[tuple[PageView, list[Candidate]]]:
    """The rules' stage and every stage verb of the story, for the stage model; None for a nation-wide figure's
    story, which reports the country's works, no project's stage."""
    title, body, amount, focus = story.title, story.body, story.amount, story.focus
    if national_figure(title, body):
        return None
    tally = amount is None and tally_story(title, body)
    general = amount is None and works_in_general_summary(title, body)
    keep = _remembered(_same_places(focus, story.places[:1]))
    short, notice = len(body.strip()) < MIN_BODY, event_notice(title)
    page = PageView(rule=_rule_stage(title, body, focus, keep, tally, general), amount=amount is not None,
                    roundup=amount is not None and amount.kind == "roundup", tally=tally, general=general,
                    titled=bool(title.strip()), short=short, notice=notice, progress=one_work_progress(title, body),
                    # (read only where the weights decide: stage_model.rules_decide)
                    text=None if short or tally or notice else _wording(STAGE_WORDING, title, body))
    return page, candidates(title, body, focus, keep)


def _wording(model: WordingModel, title: str, body: str) -> Optional[Lifts]:
    """How much likelier the story's wording makes each of a wording model's classes (facts.wording), or None without
    that model."""
    return model.lifts(_wording_vector(*_wording_read(title, body)))


@lru_cache(maxsize=4)
def _wording_vector(title: str, lead: str) -> Vector:
    """The story's wording features, read once for the stage's and the amount's wording models (keyed by the headline
    and lead read, a few thousand characters at most, never a whole body; the arrays shared, so read-only)."""
    columns, values = vector(title, lead)
    columns.flags.writeable = values.flags.writeable = False
    return columns, values


def _wording_read(title: str, body: str) -> tuple[str, str]:
    """The headline and the paragraphs the wording model reads (title and body as _read has them): the metadata lines a
    page puts above the story left out, as the stage model's candidates are."""
    return title, "\n".join(story_paragraphs(body[:3 * WORDING_LEAD]))


def wording_text(title: str, body: str, source: str = "") -> tuple[str, str]:
    """The headline and lead the wording models (facts.wording) read of a story: extract_facts' own reading, for
    the trainers' wording fits (bench/wording_fit.py)."""
    story = _read(title, body, source)
    return _wording_read(story.title, story.body)


def _remembered(keep: Optional[Callable[[str], bool]]) -> Optional[Callable[[str], bool]]:
    """``keep`` answering each sentence once: the rules and the stage model ask about the same sentences, and each
    answer reads the sentence's places (the costliest check)."""
    if keep is None:
        return None
    answers: dict[str, bool] = {}

    def remembered(sentence: str) -> bool:
        if sentence not in answers:
            answers[sentence] = keep(sentence)
        return answers[sentence]

    return remembered


def _rule_stage(title: str, body: str, focus: str, keep: Optional[Callable[[str], bool]], tally: bool,
                general: bool) -> Optional[str]:
    """The story's stage by the rules alone (the stage model's strongest feature). A span's, a campaign's or a tour's
    summary (tally_story) that tells no one work's news with its amount reports no stage, whatever stage its headline
    counts ("前三季度林州市新开工亿元以上项目53个", "二季度山东新开工重大项目593个"): its stages are counts over a span and
    its works examples, as the labelling convention settles it (bench/data/facts/README.md, session 40: readers of
    sessions 19–21 labelled 30 of 42 such pages no stage, those of sessions 34–39, told the convention, 6 of 6; until
    session 39 the headline's counted stage was reported)."""
    if tally:
        return None
    if general:
        return None  # a place's works summed up on no day of its own: its stage words are its examples' (session 23)
    return find_stage(title, body, keep, focus)


# A subtitle on the body's first line ("看进度 比质效 谋突围" over "——某市项目投资流动现场会侧记"): the headline's second half,
# which often names the story's kind that the first half leaves to the imagination. Not the first of a list of "——"
# items ("——总投资5亿元的某项目建成投产；"): an item ends with a semicolon, or another item follows it.
_SUBTITLE = re.compile(r"[ \t\u3000]*(?:——|—|--)[ \t\u3000]*(?P<line>[^\n]{2,80}?)[ \t\u3000]*\n(?![ \t\u3000]*(?:——|—|--))")


def _without_headline_line(title: str, body: str) -> str:
    """``body`` without a first line that repeats the headline (a page's text copied with its ``<h1>``): read as the
    lead, the headline's rounded figure stood for the lead's precise one ("凉山推出农业项目总投资94亿大单" over "集中签约了
    农业产业项目32个、总投资94.015亿元": session 32). A page may repeat it once more below its dateline and 原标题 lines
    (session 56: "游仙加紧水利项目建设 / 发稿时间…来源: 绵阳日报 / 原标题:… / 游仙加紧水利项目建设 / 绵阳新闻网讯 …"): read as
    the lead, it made the story's one work an example of a county's works."""
    cut = _without_first_headline_line(title, body)
    return cut if cut is body else _without_first_headline_line(title, cut)


def _without_first_headline_line(title: str, body: str) -> str:
    """``body`` without the first line that repeats the headline, up to _CHROME_BEFORE_HEADLINE short lines down."""
    # The headline line may follow a page's short chrome lines ("当前位置: 首页> 光伏> 市场快讯"): at most
    # _CHROME_BEFORE_HEADLINE of them, each shorter than a story's sentence. They stay (a breadcrumb may name the
    # county: "位置: 学校网 > 玉田县 > 正文"); the lead's reading skips them (text.story_paragraphs).
    start = 0
    first = len(body) - len(body.lstrip())  # where the page's first line starts
    for _ in range(_CHROME_BEFORE_HEADLINE + 1):
        start = len(body) - len(body[start:].lstrip())
        end = body.find("\n", start)
        end = len(body) if end < 0 else end
        line = body[start:end].strip()
        if start == end:
            return body
        if line == title.strip():
            # (cut: a subtitle line after it then opens the body, as _with_subtitle reads it, unless chrome came first)
            return body[first:start] + body[end:].lstrip("\r\n")
        if len(line) > _CHROME_LINE_LENGTH or "。" in line:
            return body
        start = end
    return body


_CHROME_BEFORE_HEADLINE = 3
_CHROME_LINE_LENGTH = 40


def _with_subtitle(title: str, body: str) -> tuple[str, str]:
    """``(title, body)`` with a subtitle line opening the body moved to the headline."""
    found = _SUBTITLE.match(body)
    if found is None or found.group("line").endswith(("；", ";")):
        return title, body
    return f"{title.rstrip()} {found.group('line')}", body[found.end():]


# A reprint's closing line naming the story's first headline ("原标题：湘阴生活垃圾焚烧发电项目开工建设").
_ORIGINAL_HEADLINE = re.compile(r"[（(]?原(?:标题|题)[:：]\s*(?P<headline>[^\n]{4,80}?)\s*[）)]?")


def _original_headline(body: str) -> tuple[str, str]:
    """``(title, body)`` of a story stored without a headline whose body names its original one on a line of its
    own: that line is the headline (it states the news; the body may tell its background first)."""
    if "原" not in body:
        return "", body
    # Only the last lines are read (a reprint's note closes it; a scan of every line costs a hostile text dearly).
    tail_start = body.rstrip().rfind("\n", 0, max(0, len(body.rstrip()) - 1)) + 1
    line = body[tail_start:].strip()
    found = _ORIGINAL_HEADLINE.fullmatch(line)
    if found is None:
        return "", body
    return found.group("headline"), body[:tail_start]


def _source_places(places: tuple[Place, ...], source: str, title: str = "", body: str = "",
                   outlet: bool = False) -> tuple[Place, ...]:
    """The story's places, led by its source's when the story names no city: a county portal's or a city paper's story
    says "我县", "我市", "全县" and leaves the name to the page's 来源 line ("来源：德州市人民政府", "玉溪日报"), which the
    crawler keeps apart from the body. Only a source that agrees with the places named (the same province, or none):
    "新华社", "人民日报" name no place; a province's paper ("湖北日报") gives the province, no city.

    Where the story names cities, a county's own outlet (``outlet``: the 来源 line or the outlet's name, "福鼎新闻网",
    "政和新资讯网讯") is one more city, last, for the city model to weigh with its outlet sign: a county's story names
    other cities in passing ("从杭州等地引进一套…设备") more often than its own county by name (session 40)."""
    if not source.strip() or national_scope(title, body):
        return places  # (a national story reprinted by a city's paper is still the country's)
    if any(place.city for place in places):
        named = named_place(source) if outlet else None
        if named is not None and named.county and named.city and all(place.city != named.city for place in places):
            return places + (named,)
        return places
    named = named_place(source)
    if named is None or not named.city:
        return places
    provinces = {place.province for place in places}
    if provinces and named.province not in provinces:
        return places
    return (named,) + tuple(place for place in places if place.province != named.province)


def sole_place(name: str) -> Optional[Place]:
    """The one city or county ``name`` names ("靖边县", "北京市朝阳区", "鄂州新闻网"), or None when it names none, only a
    province, or more than one city ("武汉 鄂州"; an ambiguous district alone, "朝阳区", names none): a site's ``place``."""
    places = [place for place in _places_named(name[:200]) if place.city]
    return places[0] if len({place.city for place in places}) == 1 else None


class PlaceReading(NamedTuple):
    """One name of a user's place value, as :func:`place_readings` reads it."""

    name: str
    places: tuple[Place, ...]  # the divisions it means: one, or several alike (鼓楼区)
    namesakes: tuple[Place, ...]  # narrower divisions of the same name, left out (朝阳: 北京's and 长春's 朝阳区)


def place_readings(written: str) -> list[PlaceReading]:
    """How a user's place value (``--place``, a rule's ``places``) reads, name by name: the division each names
    (``大连``, ``北京市朝阳区``, ``江苏``; several listed, ``大连、沈阳``: each). A name several divisions have is the widest
    of them (``河北`` the province, not 天津's 河北区; ``朝阳`` 辽宁's 朝阳市, not 北京's 朝阳区), several only where the
    widest are alike (``鼓楼区``: 南京's, 徐州's, 福州's, 开封's).

    Raises ``ValueError`` with one sentence when a name is no division's, or the value names none."""
    readings = []
    for name in _listed(written):
        found = places_called(name)
        widest = _widest(found)
        if not widest:
            shown = name if len(name) <= 40 else name[:40] + "…"
            raise ValueError(f"{shown!r} is not a province, city or county of the administrative-division tables (e.g."
                             " 大连, 瓦房店市, 江苏; a district with its city: 北京市朝阳区)")
        others = tuple(place for place in found
                       if place not in widest and not any(_within(place, wide) for wide in widest))
        readings.append(PlaceReading(name, widest, others))
    if not readings:
        raise ValueError(f"{written[:40]!r} names no place")
    return readings


def reading_note(reading: PlaceReading) -> Optional[str]:
    """How a name several divisions have was read, and how to ask for another (the CLI's stderr, the web's filter
    line), or None for a name one division has."""
    if len(reading.places) > 1:
        return (f"{reading.name}: {len(reading.places)} places have this name, all kept ("
                + ", ".join(place.full_name() for place in reading.places)
                + "); write one with its city or province for it alone.")
    if reading.namesakes:
        return (f"{reading.name}: read as {reading.places[0].full_name()}; "
                + ", ".join(place.full_name() for place in reading.namesakes)
                + " (the same name) must be written with its city.")
    former = former_county_in_city(reading.name)
    if former and reading.places[0].county == "":
        return (f"{reading.name}: {former} is a former division's name, read as the whole of {reading.places[0].full_name()}"
                " (the division tables do not say which of its counties or districts it became); name that one for it"
                " alone.")
    return None


def parse_place(written: str) -> tuple[Place, ...]:
    """Every division a user's place value means (:func:`place_readings`)."""
    return tuple(dict.fromkeys(place for reading in place_readings(written) for place in reading.places))


# Separators of several places in one value ("大连、沈阳", "大连,沈阳", "大连 沈阳"). A comma, a slash or a space may also
# join a name and its city, so a value that reads whole is read whole ("福州市 鼓楼区", "北京市，朝阳区", "辽宁省/大连市").
_LIST_MARKS = re.compile(r"[\s,，、;；|/]+")


def _listed(written: str) -> list[str]:
    names = [name for name in _LIST_MARKS.split(written) if name]
    if len(names) > 1 and any(former_county_in_city(name) == name for name in names):
        return names  # "户县、临潼区": a former county reads as its city, which would narrow to 临潼区 read as one value
    if places_called(written) or len(written) > 200:
        return [written]  # (one name; or too long to be a list of places: refused as one)
    return names


def check_industries(tags: Iterable[str]) -> None:
    """Raise ``ValueError`` with one sentence for the first of ``tags`` that is no industry tag of :data:`INDUSTRIES`
    (a user's ``--industry``, the web's ``industry=``, a rule's ``industries``)."""
    for tag in tags:
        if tag not in INDUSTRIES:
            raise ValueError(f"{tag!r} is not an industry tag; known: {', '.join(INDUSTRIES)}")


def place_filter(names: Iterable[str]) -> tuple[tuple[str, str, str], ...]:
    """``FactsFilter.places`` (``(province, city, county)``, "" for any level) for the names a user gave, each read by
    :func:`parse_place` (its ``ValueError`` for a name that is no division's)."""
    return tuple(dict.fromkeys((place.province, place.city, place.county) for name in names
                               for place in parse_place(name)))


def _within(place: Place, wider: Place) -> bool:
    return place.province == wider.province and wider.city in ("", place.city) and wider.county in ("", place.county)


def _level(place: Place) -> int:
    return 2 if place.county and place.county != place.city else 1 if place.city and place.city != place.province else 0


def _widest(found: tuple[Place, ...]) -> tuple[Place, ...]:
    top = min(map(_level, found), default=0)
    return tuple(place for place in found if _level(place) == top)


def named_place(name: str) -> Optional[Place]:
    """The place a source line or a site's ``place`` names ("德州市人民政府", "玉溪日报", "靖边县"), or None."""
    places = _places_named(name)
    return places[0] if places else None


# A site's place and a source line repeat story after story: read once each (Place is frozen, the answer shared).
@lru_cache(maxsize=512)
def _places_named(name: str) -> tuple[Place, ...]:
    return _places_named_as_written(_source_line(name))


@lru_cache(maxsize=512)
def _places_named_as_written(name: str) -> tuple[Place, ...]:
    """The places ``name``, in simplified characters, names (see named_place)."""
    called = places_called(name)
    if len(called) == 1:  # names only, of one division ("南京市鼓楼区": 南京's 鼓楼区, though 徐州 has one too)
        return called
    found = find_places("", name, limit=3)
    if found:
        return tuple(found)
    one = place_named(name)  # an outlet's name ("资兴" of 资兴新闻网) is a place's
    if one is None and (bare := _OUTLET_SUFFIX.sub("", name)) != name and bare not in OUTLETS_NAMED_AS_WORDS:
        one = place_named(bare)  # …also with the outlet's own words ("福鼎新闻网", "政和新资讯", "平和网": session 40)
        # "三峡新闻网" is 宜昌's, never 新北's 三峡区. A name with only 新闻 or 要闻 after it ("大冶新闻", "万载要闻"), or a
        # paper's (日报, 晚报: "滕州日报", never 解放日报's 解放区), is an outlet's as a page title's owner is
        # (_short_name_owns): not a district's alone (中原, 江南, 东城) nor an everyday word's (公安, 平安, 山城, 解放),
        # which session 46's review found read as places; "新闻网", "融媒" and the other outlet words are outlets' names
        # whatever the place.
        if one is not None and (one.province == "台湾省" or name.endswith(("新闻", "要闻", "日报", "晚报"))
                                and not _short_name_owns(bare, one, True)):
            one = None
    return (one,) if one is not None else ()


# What a city's or county's own government, outlet or department writes after the place's name in a page title:
# an outlet's or a government's own words ("靖边县人民政府", "丰城市政府网", "鄂州新闻网", "万载要闻", "人民网-大连频道",
# a zone's "管委会"); a department's, a township's or an office's name after a place's FULL name ("巫山县科学技术局",
# "中山市板芙镇人民政府", "中共宁波市委宣传部": a body named after a short name is a region's, "北海救助局",
# "太湖流域管理局"); a local portal on one of the public matters a government runs ("北京住房公积金网",
# "上海市人力资源社会保障网"; not a market's or a product's, "上海有色网", "安溪铁观音网").
_OWN_WORDS = re.compile(
    r"(?:(?:人民)?政府(?:门户)?(?:网站|网)?|门户(?:网站|网)?|政务(?:服务)?网?|党政网|政府信息公开|信息公开"
    r"|新闻(?:网|中心)?|要闻|动态|资讯网?|信息网|融媒体?(?:中心)?|日报|晚报|发布|广播电视台|电视台|在线|之窗|网|频道"
    r"|信息港|招商(?:网|局)?|投资促进(?:局|中心)|发改委|管委会|管理委员会|报业集团|传媒集团|广电集团|传媒中心)+")
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{0,14}?(?:局|委员会|管委会|委|办公室|办公厅|厅|部|中心|人大常委会|人大|政协|人民法院"
                         r"|人民检察院|人民政府|办事处)(?:门户网站|网站|网)?")
_MATTERS_PORTAL = re.compile(r"(?:人力资源和?社会保障|人力资源|人社|社会保障|社保|医疗保障|医保|住房公积金|公积金|住房和城乡建设|住建"
                             r"|政务服务|政务|公共资源交易|政府采购|信用|统计|税务|教育|文明|党建|纪检监察|应急管理|生态环境|环保"
                             r"|市场监管|民政|人大|政协|科技|发展和改革|商务|工业和信息化|工信|交通运输|交通|水利|农业农村|卫生健康"
                             r"|卫健|公安|消防|气象)(?:信息)?(?:网|信息港|在线)")
# A firm, a school, a hospital or an association named after its place reports on itself, not on the place; an
# organisation's official site calls itself 官网 (宁波轨道交通官网), a government's does not. Any part of a title or any
# owner a page names that is one of these makes the page no place's ("江南要闻_江南大学新闻网").
_NOT_AN_OWNER = re.compile(r"大学|学院|学校|中学|小学|幼儿园|医院|公司|集团|银行|基金|证券|保险|协会|学会|商会|联合会|官网")
_OWNER_PREFIX = re.compile(r"^(?:中国|中共|欢迎访问|欢迎来到)")
_MEDIA_GROUP = re.compile(r"(?:报业|传媒|广电|广播电视|文化传媒|新闻传媒)(?:集团|中心)")
_OWNER_SUFFIX = re.compile(r"(?:欢迎您|欢迎你)$")
_OWN_ZONE = re.compile(r"(?:[\u4e00-\u9fff]{2,10})?(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|新区|工业园区|产业园区"
                       r"|综合保税区|保税区)")
# A unit word opening the rest: the name before it is part of a longer one (石龙 of 石龙镇, 西安 of 西安区, 东城 of 东城街道).
_UNIT_FIRST = "镇乡村街区县市州旗盟岛"


def not_an_owner(name: str) -> bool:
    """Whether ``name`` (a title's part, a page's owner) is a firm's, a school's, a hospital's or an association's; a
    city's media group is its outlet ("温州日报报业集团")."""
    return bool(_NOT_AN_OWNER.search(_MEDIA_GROUP.sub("", name)))


def owner_place(name: str, whole: bool = False) -> Optional[Place]:
    """The city or county whose own government, department or outlet ``name`` is: one part of a page title, written as
    the place's name and then the owner's words ("靖边县人民政府", "丰城市政府网", "鄂州新闻网", "北京市朝阳区人民政府",
    "大连频道", "巫山县科学技术局"); None for anything else ("恒生前海基金", "光明网", "人民网", "四川频道", "大连理工大学",
    "石龙镇人民政府", "北海救助局", and a name alone: "深圳" of "深圳-汕尾合作区新闻" is half of a pair). With ``whole``
    (``name`` is the whole title), the place's name alone is its own ("北京朝阳", "中国宜春").

    A district's short name is read only with its city (江南晚报, 金山网, 中原网: district names that are words, and the
    outlets so named are a city's); Taiwan's divisions never. Stricter than :func:`sole_place`, which reads a place anywhere
    in a name: a site's place read from its pages, with no one to check it, must be the page's owner."""
    name = to_simplified("", "".join(name.split()))[1]
    # A bracket holding no Chinese (an address, "（www.jingbian.gov.cn）") is dropped; one holding a place is not
    # ("深圳（哈尔滨）产业园区" names two).
    name = _OWNER_SUFFIX.sub("", _OWNER_PREFIX.sub("", re.sub(r"[（(][^）)\u4e00-\u9fff]{0,60}[）)]", "", name)))
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,40}", name) or not_an_owner(name) or name in OUTLETS_NAMED_AS_WORDS:
        return None
    if whole and (place := _whole_place(name)) is not None and (_in_full(name, place) or _short_name_owns(name, place, True)):
        return place
    for cut in range(min(len(name) - 1, 16), 1, -1):  # the longest place name first (北京市朝阳区 before 北京市)
        bare, rest = name[:cut], name[cut:]
        if bare in OUTLETS_NAMED_AS_WORDS:
            continue
        if _OWN_WORDS.fullmatch(rest) or _MATTERS_PORTAL.fullmatch(rest):
            short_city = True
        elif _DEPARTMENT.fullmatch(rest):
            short_city = False
        else:
            continue
        place = _whole_place(bare)
        if place is None:
            continue
        full = _in_full(bare, place)
        if not full and rest[0] in _UNIT_FIRST:
            continue  # a short name opening a longer one (石龙 of 石龙镇, 西安 of 西安区, 东城 of 东城街道)
        if full or _short_name_owns(bare, place, short_city):
            return place
    return None


def _in_full(name: str, place: Place) -> bool:
    """Whether ``name`` (a place's names only) ends with the full name of ``place``'s lowest level, or an old full name
    of it (靖边县, 大连市, 北京市朝阳区, 繁昌县 of today's 繁昌区), not its short name (杭州, 靖边)."""
    lowest = place.county or place.city
    short = short_name(lowest)
    return any(name.endswith(written) and written != short and (written[-1] in "市县区旗盟" or written.endswith("自治州"))
               for written in written_names(lowest))


def _short_name_owns(name: str, place: Place, short_city: bool) -> bool:
    """Whether a title's owner may be read in ``place``'s short name ``name``: a city's or a county's before an outlet's
    or a government's own words (大连, 靖边, 北京朝阳), never a district's alone (江南, 金山, 中原: words more often than an
    outlet's name), nor one that is an everyday word (公安 of 公安要闻, 合作, 商城: jieba's common words), nor before a
    department's name (北海救助局, 太湖流域管理局: a region's bodies)."""
    return short_city and not read_as_a_word(name) and not (place.county.endswith("区") and not name.startswith(place.city[:2]))


def _whole_place(name: str) -> Optional[Place]:
    """The city or county ``name`` is, written as its names only (靖边县, 长沙县, 北京市朝阳区, 大连), or a zone of a city's
    (大连长兴岛经济技术开发区: the city); None when anything else is left, and for Taiwan's divisions."""
    place = place_named(name) or sole_place(name)
    if place is None or not place.city or place.province.startswith("台湾"):
        return None
    levels = tuple(level for level in (place.province, place.city, place.county) if level)
    if _names_only(name, levels):
        return place
    for cut in range(len(name) - 2, 1, -1):  # …or a city's name and a zone of its
        if _OWN_ZONE.fullmatch(name[cut:]) and _names_only(name[:cut], levels[:2]):
            return Place(place.province, place.city, "")
    return None


def _names_only(text: str, levels: tuple[str, ...]) -> bool:
    """Whether ``text`` is some of ``levels``' written names in their order, each level at most once ("长沙县" is the
    county's full name, not the city's short name 长沙 and a stray 县)."""
    if not text:
        return True
    for at, level in enumerate(levels):
        for written in written_names(level):
            if text.startswith(written) and _names_only(text[len(written):], levels[at + 1:]):
                return True
    return False


# A county outlet's own words ("福鼎新闻网", "某县融媒体中心", "清徐融媒网", "政和新资讯", "平和网", "安陆政府网"), and a paper's
# (日报, 晚报: a weak short name, "滕州日报", is read only so; a paper named after a city's whole name is read by find_places).
_OUTLET_SUFFIX = re.compile(r"(?:新闻网|新闻中心|新闻|要闻|融媒体中心|融媒体?网?|新资讯网?|资讯网|广播电视台|电视台|(?:人民)?政府网?"
                            r"|日报|晚报|网|发布)$")


def _scene(body: str, at: int, focus: str) -> str:
    """The investment's sentence, with the sentence before it when it names no place and that one does.

    A story that goes from place to place sets the scene first ("在绵阳，重建打下的坚实基础…。不久前，
    总投资超50亿元的某项目开工建设。"): the project lies where the sentence before puts the story, not in
    a place named earlier or more often ("在重灾区德阳市，…"). Only within its paragraph.
    """
    if not focus or find_places("", focus):
        return focus
    start = sentence_start(body, at)
    if start <= 0 or body[start - 1] == "\n":
        return focus
    before = sentence_of(body, start - 1)
    return before + "。" + focus if find_places("", before) else focus  # (kept apart: places reads the money's own sentence)


def _same_places(focus: str, story: tuple[Place, ...] = ()) -> Optional[Callable[[str], bool]]:
    """Whether a sentence may report the stage of the project whose investment ``focus`` states
    (None: any may). A paragraph that goes from place to place ("广州24个重点项目集中投试产……在兰州高新区，
    一批项目集中开工，总投资超百亿元") reports each place's own works: a sentence that names places, none of
    them the investment sentence's (the same city, or a province and a city in it), reports another's.
    The places are read only when a stage verb asks (most stories have one or two). The story's own first place
    (``story``) is the investment's too: "…在丹东临港产业园区开工。该项目由大连某集团总投资16.8亿元建设" names the investor's
    home in the investment's sentence, and the groundbreaking in 丹东 is still the project's."""
    if not focus:
        return None
    focus_places: Optional[list[Place]] = None  # read at the first sentence asked about

    def keep(sentence: str) -> bool:
        nonlocal focus_places
        if focus_places is None:
            focus_places = find_places("", focus) + list(story)
        if not focus_places:
            return True  # the investment's sentence names no place: nothing to tell others' works by
        named = find_places("", sentence)
        # A work the investment's sentence places in several cities ("工程总投资162亿元，起于昌都市芒康县，
        # 止于山南市桑日县": a line, a pipeline) lies in each of them and between: any city of their
        # provinces is its own.
        spans_cities = len({f.city for f in focus_places if f.city}) > 1
        return not named or any(p.province == f.province and (spans_cities or not p.city or not f.city or p.city == f.city)
                                for p in named for f in focus_places)
    return keep


_DIVISION_SUFFIX = re.compile(r"(省|市|县|区|自治州|自治县|地区|盟|旗)$")


def _written_names(places: tuple[Place, ...]) -> tuple[str, ...]:
    """The places' names as a story may write them: in full and without their suffix (大连市, 大连)."""
    names = {name for place in places for name in (place.province, place.city, place.county) if name}
    return tuple(names | {_DIVISION_SUFFIX.sub("", name) for name in names if len(name) > 2})


def facts_record(title: str, body: str, source: str = "", home: str = "") -> dict[str, Any]:
    """What the store keeps for a story: the ``investment`` object and the extractor ``version`` (``home``: the site's
    place, extract_facts)."""
    facts = extract_facts(title, body, source, home)
    return {**facts.to_dict(), "version": FACTS_VERSION}
