"""The summary box (核心提示/摘要/导读) is a field of its own: extracted, stored, shown, sent."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from newsmon.crawler.extract import extract
from newsmon.db import Store

PAGES = Path(__file__).parent / "pages"

_PAGE = """<html><head><title>{title}_某某市人民政府</title></head><body>
<h1>{title}</h1><div class="info">发布时间：2023-04-04 09:00 来源：某某日报</div>
<div class="zy"><b>摘要：</b></div><div class="zy-text">{summary}</div>
<div class="content">
<p>{summary}</p>
<p>会议强调，要把招商引资作为经济工作的生命线，强化项目谋划储备，提高签约项目落地率和开工率。</p>
<div class="box">摘要：{summary}</div>
<p>会议还研究了其他事项。</p>
</div></body></html>"""


def test_summary_is_its_own_field_and_not_repeated_in_body() -> None:
    summary = "4月3日，市政府召开常务会议，研究部署一季度招商引资重点工作。"
    html = _PAGE.format(title="市政府召开常务会议研究招商引资工作", summary=summary)
    a = extract(html, "http://www.example.gov.cn/art/2023/4/4/art_1_2.html")
    assert a.summary == summary
    # The lead paragraph that equals the summary is the story's own text and stays once;
    # the labelled box (label on its own line, and once inside the story) goes.
    assert a.body.split("\n") == [
        summary,
        "会议强调，要把招商引资作为经济工作的生命线，强化项目谋划储备，提高签约项目落地率和开工率。",
        "会议还研究了其他事项。",
    ]


def test_destoon_core_hint_becomes_summary() -> None:
    a = extract((PAGES / "destoon_invest.html").read_bytes(), "https://www.lnzs.example/invest/2023/0404_7.html")
    assert a.summary == "4月4日，沈抚示范区与三家企业集中签约新能源项目，总投资58亿元。"
    assert "核心提示" not in a.body


def test_page_without_summary_box() -> None:
    a = extract((PAGES / "trs_notice.html").read_bytes(), "http://www.haicheng.example.gov.cn/t20230403_4012.html")
    assert a.summary is None


def test_summary_stored_and_shown(tmp_path: Path) -> None:
    db_path = tmp_path / "news.db"
    with Store(db_path) as store:
        result = store.add_article(site="s", url="http://a.example/1", title="标题", body="正文第一段。",
                                   fingerprint="f1", summary="摘要文字在这里。")
        row = store.get_article(result.article_id)
    assert row["summary"] == "摘要文字在这里。"
    config = tmp_path / "config.yaml"
    config.write_text(f"database: {db_path}\nsites:\n  - name: s\n    start_urls: [http://a.example/]\n",
                      encoding="utf-8")
    from newsmon.cli import cli

    out = CliRunner().invoke(cli, ["show", str(result.article_id), "--config", str(config), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["summary"] == "摘要文字在这里。"


def test_old_database_gains_summary_column(tmp_path: Path) -> None:
    db_path = tmp_path / "old.db"
    with Store(db_path) as store:
        store.add_article(site="s", url="http://a.example/1", title="标题", body="正文。", fingerprint="f1")
    # An older newsmon's database: no summary column, no site_headlines table.
    conn = sqlite3.connect(db_path)
    conn.execute("ALTER TABLE articles DROP COLUMN summary")
    conn.execute("DROP TABLE site_headlines")
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        assert store.get_article(1)["summary"] is None
        assert "site_headlines" in store.db.table_names()
        assert store.get_article(1)["body"] == "正文。"
