"""`newsmon probe` against real local servers (ShapesPortal, FixturePortal), through click's CliRunner."""

from __future__ import annotations

import json
import socket
from typing import Iterator

import pytest
import yaml
from click.testing import CliRunner, Result

from newsmon.cli import cli
from newsmon.crawler.listpage import NEEDS_BROWSER
from newsmon.portal.shapes import ShapesPortal


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def portal() -> Iterator[ShapesPortal]:
    with ShapesPortal() as running:
        yield running


def test_json_has_shape_articles_next_pages_and_rejected(portal: ShapesPortal) -> None:
    url = portal.start_urls("destoon-pager")[0]
    result = run("probe", url, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = portal.expected("destoon-pager")[:4]
    assert data["shape"] == "links"
    assert [a["url"] for a in data["articles"]] == [e["url"] for e in expected]
    assert [a["title"] for a in data["articles"]] == [e["title"] for e in expected]
    assert [a["date"] for a in data["articles"]] == [e["published"] for e in expected]
    assert data["next_pages"] == [portal.url("destoon-pager", "/news/list-2.html")]
    reasons = {r["url"]: r["reason"] for r in data["rejected"]}
    assert reasons[portal.url("destoon-pager", "/about/")].startswith("navigation")
    assert reasons[portal.url("destoon-pager", "/news/list-4.html")] == "pagination"
    assert reasons["https://beian.miit.gov.cn/"] == "off-site"


@pytest.mark.parametrize(
    "site,shape",
    [("trs-js", "trs_pager"), ("hanweb", "hanweb"), ("script-data", "script_data"), ("feeds", "feed")],
)
def test_each_shape_is_named(portal: ShapesPortal, site: str, shape: str) -> None:
    result = run("probe", portal.start_urls(site)[0], "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["shape"] == shape
    assert data["articles"], data
    assert all(a["date"] for a in data["articles"])


def test_table_lists_articles_and_ends_with_a_config_block(portal: ShapesPortal) -> None:
    url = portal.start_urls("trs-js")[0]
    result = run("probe", url)
    assert result.exit_code == 0, result.output
    assert "shape: trs_pager" in result.output
    first = portal.expected("trs-js")[0]
    assert first["title"] in result.output
    assert portal.url("trs-js", "/col/col5678/index_1.html") in result.output
    block = result.output.split("config.yaml block for this site:")[1]
    config = yaml.safe_load(block)
    assert config["sites"][0]["start_urls"] == [url]
    assert config["sites"][0]["name"] == "127-0-0-1"


def test_js_list_gets_the_diagnosis_and_render_browser(portal: ShapesPortal) -> None:
    result = run("probe", portal.start_urls("js-list")[0])
    assert result.exit_code == 0, result.output
    assert "shape: needs_browser" in result.output
    assert f"note: {NEEDS_BROWSER}\n" in result.output
    block = yaml.safe_load(result.output.split("config.yaml block for this site:")[1])
    assert block["sites"][0]["render"] == "browser"


def test_article_shows_the_extraction(portal: ShapesPortal) -> None:
    story = portal.expected("hanweb")[0]
    result = run("probe", story["url"], "--article")
    assert result.exit_code == 0, result.output
    assert f"title:     {story['title']}" in result.output
    assert f"published: {story['published'].replace(' ', 'T')}" in result.output
    assert story["paragraphs"][0][:40] in result.output
    data = json.loads(run("probe", story["url"], "--article", "--format", "json").stdout)
    assert data["title"] == story["title"] and data["is_article"] is True


def test_404_is_one_sentence(portal: ShapesPortal) -> None:
    url = portal.url("hanweb", "/col/col9999/index.html")
    result = CliRunner().invoke(cli, ["probe", url])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {url} answered HTTP 404 Not Found."


def test_non_html_is_one_sentence(portal: ShapesPortal) -> None:
    url = portal.url("hanweb", "/images/logo.png")
    result = CliRunner().invoke(cli, ["probe", url])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {url} is not an HTML page, feed or sitemap (Content-Type: application/octet-stream)."
    )


def test_unreachable_is_one_sentence() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news/"
    result = CliRunner().invoke(cli, ["probe", url])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: Could not reach {url} (")
    assert len(result.output.strip().splitlines()) == 1


def test_help_says_what_to_do_when_nothing_is_found() -> None:
    result = run("probe", "--help")
    assert result.exit_code == 0
    for hint in ("render: browser", "--article-pattern", "use_feed: true", "sitemap"):
        assert hint in result.output
