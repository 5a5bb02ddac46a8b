"""How the headline is chosen when the page's <h1>, og:title and <title> disagree."""

from __future__ import annotations

from newsmon.crawler.extract import extract

BODY = (
    "<p>The committee met on Tuesday evening and, after three hours of debate, voted seven to two "
    "in favour of the proposal that had been discussed for most of the year.</p>"
    "<p>Residents who spoke at the meeting said they welcomed the decision, although several asked "
    "for the work to be finished before the winter.</p>"
)
ZH_BODY = (
    "<p>5月10日至12日，年会在重庆举行。本次会议由专业委员会主办，多所高校承办，来自全国各地的三百余名代表参加了会议。</p>"
    "<p>与会代表围绕区域发展、城乡融合等议题进行了深入交流，会议取得了圆满成功。</p>"
)


def page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def title_of(html: str) -> str:
    return extract(html, "https://news.example.com/a/1.html").title


def test_h1_reworded_from_the_og_title_is_the_headline() -> None:
    # An editor's display headline beside a shorter SEO title: most words shared.
    html = page(
        "<title>Council OKs 2024 budget after debate - Daily Bugle</title>"
        "<meta property='og:title' content='Council OKs 2024 budget after debate'>",
        "<h1>City council approves 2024 budget after long debate</h1>" + BODY,
    )
    assert title_of(html) == "City council approves 2024 budget after long debate"


def test_h1_that_the_title_shortens_is_the_headline() -> None:
    html = page(
        "<title>Spiced Plum Chutney Recipe | Kitchen Notes</title>"
        "<meta property='og:title' content='Spiced Plum Chutney Recipe | Kitchen Notes'>",
        "<h1>Homemade Spiced Plum Chutney for the Winter</h1>" + BODY,
    )
    assert title_of(html) == "Homemade Spiced Plum Chutney for the Winter"


def test_h1_confirmed_by_og_beats_a_fragment_matching_the_title() -> None:
    # A breadcrumb-like title-classed element matches the start of the <title>; the <h1>
    # equals the og:title and is what the reader sees.
    html = page(
        "<title>How to save money, step by step: earn and invest more - Money Site</title>"
        "<meta property='og:title' content='How to save money so you can travel and relax'>",
        "<div class='crumb-title'>How to save money</div>"
        "<h1>How to save money so you can travel and relax</h1>" + BODY,
    )
    assert title_of(html) == "How to save money so you can travel and relax"


def test_site_name_or_other_story_h1_does_not_replace_the_title() -> None:
    site_h1 = page("<title>Mayor opens the new river bridge - Daily Bugle</title>",
                   "<h1>Daily Bugle</h1>" + BODY)
    assert title_of(site_h1) == "Mayor opens the new river bridge"
    # A lone <h1> sharing one word with an og:title that the page prints (here in its
    # breadcrumb) tells another story.
    other = page("<meta property='og:title' content='Simple hiking survival kit for families'>",
                 "<div class='crumbs'>Home › Outdoors › Simple hiking survival kit for families</div>"
                 "<h1>Hiking the ridge trail at dawn</h1>" + BODY)
    assert title_of(other) == "Simple hiking survival kit for families"


def test_h1_wins_over_a_title_printed_nowhere_on_the_page() -> None:
    # An SEO title, a transliteration, another post's title left in a blog's <head>: the
    # reader never sees it, and the page's own <h1> is the headline.
    seo = page("<title>Model, 53, says what she fears most about ageing: news, photos 2018 — www.example.ru</title>"
               "<meta property='og:title' content='Model, 53, says what she fears most about ageing: news, photos 2018'>",
               "<h1>Model at 53: ‘Look at the beauty who became an old woman’</h1>" + BODY)
    assert title_of(seo) == "Model at 53: ‘Look at the beauty who became an old woman’"
    stale = page("<title>Simple Hiking Survival Kit (with Kids) - The Anti-June Cleaver</title>",
                 "<h1>Hiking the Boulder Flat Irons</h1>" + BODY)
    assert title_of(stale) == "Hiking the Boulder Flat Irons"


def test_h1_linked_only_to_its_own_page_still_wins_over_an_unprinted_title() -> None:
    # A blog's "recent posts" sidebar links this very post under its headline: that is no column name
    # (tests/test_crawl_portal_quirks.py has the column <h1>s a portal's menu links elsewhere).
    stale = page("<title>Simple Hiking Survival Kit (with Kids) - The Anti-June Cleaver</title>",
                 "<h1>Hiking the Boulder Flat Irons</h1>" + BODY +
                 "<ul class='recent'><li><a href='/a/1.html#top'>Hiking the Boulder Flat Irons</a></li></ul>")
    assert title_of(stale) == "Hiking the Boulder Flat Irons"
    column = stale.replace("/a/1.html#top", "/category/hiking/")
    assert title_of(column) == "Simple Hiking Survival Kit (with Kids)"


def test_title_printed_with_other_punctuation_or_split_in_two_is_printed() -> None:
    # The page sets the kicker and the line in two elements, without the colon: the title is
    # on the page, so an unrelated <h1> (a nav item, a section) does not replace it.
    html = page("<title>Flood warning: River Avon expected to burst its banks - The Chronicle</title>",
                "<h1>Weather</h1><h2><span>Flood warning</span> <span>River Avon expected to burst "
                "its banks</span></h2>" + BODY)
    assert title_of(html) == "Flood warning: River Avon expected to burst its banks"
    # The page prints the headline in full-width digits and letters (２０２４, Ａ股), the <title> in ASCII:
    # printed all the same, so the portal's logo <h1> does not replace it.
    for head, shown in (("2024年大连长兴岛氪氙项目开工仪式举行", "２０２４年大连长兴岛氪氙项目开工仪式举行"),
                        ("A股公司在大连长兴岛投资氪氙项目", "Ａ股公司在大连长兴岛投资氪氙项目")):
        zh = page(f"<title>{head}_辽宁省人民政府</title>",
                  f"<h1>辽宁政府网</h1><div class='tit'>{shown}</div>" + ZH_BODY)
        assert title_of(zh) == head


def test_title_tags_and_site_name_h1s_do_not_make_the_title_unprinted() -> None:
    # A <title> with a tag the page's heading leaves out (（图）, [视频], 【独家】) is printed all the same:
    # a section's <h1> does not replace it.
    for tagged in ("大连长兴岛氪氙项目开工仪式举行（图）", "[视频]大连长兴岛氪氙项目开工仪式举行",
                   "【独家】大连长兴岛氪氙项目开工仪式举行"):
        html = page(f"<title>{tagged}_辽宁省人民政府</title>",
                    "<h1>本地要闻</h1><div class='head'>大连长兴岛氪氙项目开工仪式举行</div>" + ZH_BODY)
        assert title_of(html) == tagged
    # The headline is an image (its words nowhere in the text), the <h1> the portal's name, worded otherwise
    # than the <title>'s suffix: a site's name never replaces the headline.
    logo = page("<title>大连长兴岛氪氙项目开工仪式举行_辽宁省人民政府</title>",
                "<h1>辽宁政府网</h1><img src='/t.png' alt='headline'>" + ZH_BODY)
    assert title_of(logo) == "大连长兴岛氪氙项目开工仪式举行"


def test_a_badge_stuck_to_the_h1_is_not_part_of_the_headline() -> None:
    # "原创" set in the <h1> before the headline, the <title> with the site's name after it (no og:title).
    html = page("<title>大连长兴岛氪氙气体提纯项目今日开工_大连市人民政府</title>",
                "<h1><span class='tag'>原创</span> 大连长兴岛氪氙气体提纯项目今日开工</h1>" + ZH_BODY)
    assert title_of(html) == "大连长兴岛氪氙气体提纯项目今日开工"


def test_heading_above_the_byline_when_the_title_names_only_the_site() -> None:
    html = page(
        "<title>新闻动态--某某学会官网</title>",
        "<div class='bread'><h3>首页 - 新闻动态</h3></div><div class='news'>"
        "<h5>2019年某某学术年会在重庆成功举行！</h5>"
        "<div class='ly'><b>发布时间：2019-05-18</b> <i>来源：某某学会</i></div>" + ZH_BODY + "</div>",
    )
    assert title_of(html) == "2019年某某学术年会在重庆成功举行！"


def test_heading_above_the_byline_when_the_title_is_printed_nowhere() -> None:
    html = page(
        "<title>科普频道-辟谣文章</title>",
        "<div class='rumor-title'>徒手抓子弹真的存在吗？</div>"
        "<div class='rumor-info'><span>来源：某某科普</span> <span>发布时间：2023-04-03</span></div>" + ZH_BODY,
    )
    assert title_of(html) == "徒手抓子弹真的存在吗？"


def test_untitled_line_above_the_byline_or_a_shown_title_stays() -> None:
    # The line above the byline is a plain paragraph (a lead, a caption): not a headline.
    plain = page(
        "<title>科普频道-辟谣文章</title>",
        "<p>网传视频称有人能徒手抓住飞行中的子弹</p>"
        "<div class='info'>来源：某某科普 发布时间：2023-04-03</div>" + ZH_BODY,
    )
    assert title_of(plain) == "科普频道-辟谣文章"
    # The <title> is printed on the page: a subtitle heading above the byline does not replace it.
    shown = page(
        "<title>全市安全生产工作会议召开_某某市人民政府</title>",
        "<div class='big'>全市安全生产工作会议召开</div><h4>部署冬季安全生产工作</h4>"
        "<div class='info'>发布时间：2023-01-02</div>" + ZH_BODY,
    )
    assert title_of(shown) == "全市安全生产工作会议召开"
