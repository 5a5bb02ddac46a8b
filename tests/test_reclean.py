"""Stored stories re-cleaned when the site template learns chrome; `newsmon reclean` by hand."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.crawler.fingerprint import text_fingerprint
from newsmon.crawler.reclean import clean_stored_body, reclean_site
from newsmon.crawler.template import SiteTemplate, block_key, page_blocks
from newsmon.db import Store, search_articles
from newsmon.db.templates import record_page_blocks, record_site_headlines

FOOTER = "某某市人民政府办公室主办 某某市大数据局承办"
STORY = ["4月4日，某市与三家企业集中签约新能源项目，总投资58亿元。", "项目预计年内开工建设，新增就业岗位3000余个。"]


def _store_story(store: Store, n: int, extra: list[str]) -> int:
    body = "\n".join([STORY[0].replace("三家", f"{n + 2}家"), *STORY[1:], *extra])
    return store.add_article(site="gov", url=f"http://gov.example/{n}.html", title=f"某市签约新能源项目{n}",
                             body=body, fingerprint=text_fingerprint(body)).article_id


def test_clean_stored_body() -> None:
    template = SiteTemplate(frozenset({block_key(FOOTER)}), pages=5)  # type: ignore[arg-type]
    body = "\n".join([*STORY, "另一条新闻的标题在这里", FOOTER])
    assert clean_stored_body("标题", body, template, known={"另一条新闻的标题在这里"}) == "\n".join(STORY)
    # The template never empties a story (a template that wrong is not trusted).
    assert clean_stored_body("标题", FOOTER, template) == FOOTER


def test_reclean_updates_body_search_and_fingerprint(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        ids = [_store_story(store, n, [FOOTER]) for n in range(3)]
        assert {r["id"] for r in search_articles(store.db, "大数据局")} == set(ids)
        # The footer was on every page (as the crawler counts pages).
        page = f"<html><body><p>{FOOTER}</p></body></html>"
        for _ in range(4):
            record_page_blocks(store.db, "gov", page_blocks(page), "2026-11-30T00:00:00+00:00")
        assert reclean_site(store.db, "gov") == 3
        assert reclean_site(store.db, "gov") == 0  # nothing left to do
        article = store.get_article(ids[0])
        assert FOOTER not in article["body"] and article["body"].startswith("4月4日")
        assert search_articles(store.db, "大数据局") == []
        assert [r["id"] for r in search_articles(store.db, "新能源")]
        # The exact-duplicate layer knows the cleaned text.
        assert store.find_by_fingerprint(text_fingerprint(article["body"])) == ids[0]


def test_reclean_command(tmp_path: Path) -> None:
    db_path = tmp_path / "news.db"
    with Store(db_path) as store:
        _store_story(store, 0, ["沈阳发布2023年重点招商项目清单"])
        _store_story(store, 1, [])
        record_site_headlines(store.db, "gov", [("沈阳发布2023年重点招商项目清单", "http://gov.example/9.html", None)],
                              "2026-11-30T00:00:00+00:00")
    config = tmp_path / "config.yaml"
    config.write_text(f"database: {db_path}\nsites:\n  - name: gov\n    start_urls: [http://gov.example/]\n",
                      encoding="utf-8")
    out = CliRunner().invoke(cli, ["reclean", "--config", str(config), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert '"recleaned": 1' in out.output and '"stories": 2' in out.output
    out = CliRunner().invoke(cli, ["reclean", "nosuchsite", "--config", str(config)])
    assert out.exit_code == 1
    assert out.output.strip() == "Error: No stored stories for site 'nosuchsite'; sites in the database: gov."
