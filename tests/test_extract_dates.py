"""Dates: a reference time per page, labelled numeric formats, forum bylines, list-date cross-check."""

from __future__ import annotations

from datetime import date, datetime

from newsmon.crawler.extract import extract
from newsmon.crawler.metadata import SHANGHAI, check_list_date, parse_date

_STORY = "<p>4月4日，沈抚示范区与三家企业集中签约新能源项目，总投资58亿元，预计年内开工建设，新增就业岗位3000余个。</p>"


def _page(byline: str, *, extra: str = "") -> str:
    return (f"<html><head><title>沈抚示范区签约新能源项目_某某网</title></head><body>"
            f"<h1>沈抚示范区签约新能源项目</h1><div class='info'>{byline}</div>"
            f"<div class='content'>{_STORY}{_STORY.replace('4月4日', '当天')}</div>{extra}</body></html>")


def test_relative_date_resolves_against_reference_time_not_today() -> None:
    saved = datetime(2021, 6, 1, 12, 0, tzinfo=SHANGHAI)
    a = extract(_page("发布时间：3小时前"), "http://a.example/1.html", reference_time=saved)
    assert a.published_at == datetime(2021, 6, 1, 9, 0, tzinfo=SHANGHAI)
    # A year-less label takes the reference time's year, not this year's.
    a = extract(_page("发布时间：10-08 12:00"), "http://a.example/1.html", reference_time=saved)
    assert a.published_at == datetime(2020, 10, 8, 12, 0, tzinfo=SHANGHAI)


def test_us_and_european_numeric_dates_after_a_label() -> None:
    a = extract(_page("发布日期：11/3/2023 9:15:02 AM 来源：某某网"), "http://a.example/1.html")
    assert a.published_at == datetime(2023, 11, 3, 9, 15, 2, tzinfo=SHANGHAI)
    a = extract(_page("发布日期：11/3/2023 9:15:02 PM"), "http://a.example/1.html")
    assert a.published_at == datetime(2023, 11, 3, 21, 15, 2, tzinfo=SHANGHAI)
    a = extract(_page("日期：03.11.2023"), "http://a.example/1.html")
    assert a.published_at == datetime(2023, 11, 3, tzinfo=SHANGHAI)
    # Unlabelled, "3/4/2023" stays unread (a fraction or a score in running text).
    assert parse_date("比分 3/4/2023") is None


def test_forum_byline() -> None:
    a = extract(_page("本贴由 老张 于2023年4月3日15:20:11在【经济论坛】发表"), "http://bbs.example/t/1.html")
    assert a.published_at == datetime(2023, 4, 3, 15, 20, 11, tzinfo=SHANGHAI)


def test_lone_date_line_far_below_the_headline() -> None:
    filler = "".join(f"<div class='nav'><a href='/c{i}'>栏目{i}</a></div>" for i in range(80))
    html = _page("", extra=f"{filler}<div class='sign'>某某市人民政府办公室</div><div>2023年4月3日</div>")
    a = extract(html, "http://a.example/x.html")
    assert a.published_at == datetime(2023, 4, 3, tzinfo=SHANGHAI)


def test_list_date_cross_check() -> None:
    page = _page("发布时间：2019-04-03 10:00")
    # Agrees (within a few days): the page's own date and time stand.
    a = extract(page, "http://a.example/1.html", list_date=date(2019, 4, 4))
    assert a.published_at == datetime(2019, 4, 3, 10, 0, tzinfo=SHANGHAI)
    # Disagrees: the list page, the site's own index, wins.
    a = extract(page, "http://a.example/1.html", list_date=date(2023, 4, 4))
    assert a.published_at == datetime(2023, 4, 4, tzinfo=SHANGHAI) and a.extra["date_from"] == "list"
    # No date on the page: the list date is the date.
    assert check_list_date(None, None, date(2023, 4, 4)) == (datetime(2023, 4, 4, tzinfo=SHANGHAI), "list")


def test_extract_command_reads_relative_dates_against_the_file_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import os

    from click.testing import CliRunner

    from newsmon.cli import cli

    page = tmp_path / "saved.html"
    page.write_text(_page("发布时间：昨天 10:20"), encoding="utf-8")
    saved = datetime(2021, 6, 1, 12, 0, tzinfo=SHANGHAI).timestamp()
    os.utime(page, (saved, saved))
    out = CliRunner().invoke(cli, ["extract", str(page), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)[0]["published_at"] == "2021-05-31T10:20:00+08:00"
    out = CliRunner().invoke(cli, ["extract", str(page), "--now", "2023-04-05T12:00", "--format", "json"])
    assert json.loads(out.output)[0]["published_at"] == "2023-04-04T10:20:00+08:00"
    out = CliRunner().invoke(cli, ["extract", str(page), "--now", "yesterday"])
    assert out.exit_code == 2 and "is not a date" in out.output
