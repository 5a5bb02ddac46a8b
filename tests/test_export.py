"""``newsmon export``: every format checked against the database; streaming in constant memory."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import feedparser
import pytest
from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.db import Store, search_articles
from newsmon.db.facts import get_facts
from newsmon.db.reader import articles_by_ids
from newsmon.web import export_articles

SITES = ("gov-a", "news-b")
N = 240


def build(folder: Path, n: int = N) -> Path:
    """A database of ``n`` stories written through the real store (schema, FTS, sources)."""
    start = datetime(2023, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    config = folder / "config.yaml"
    config.write_text("database: news.db\nsites:\n" + "".join(
        f"  - name: {s}\n    start_urls: ['http://127.0.0.1:1/{s}/']\n" for s in SITES), encoding="utf-8")
    with Store(folder / "news.db") as store:
        for i in range(n):
            topic = "稀有气体" if i % 3 == 0 else "营商环境"
            store.add_article(
                site=SITES[i % 2], url=f"http://127.0.0.1:1/{SITES[i % 2]}/{i}.html",
                title=f"{topic}报道第{i}篇, \"quoted\" & <b>", body=f"{topic}第{i}段。\n第二段 {i * 31 % 97}。",
                fingerprint=f"export-{i}", published_at=start + timedelta(hours=i), source="新华社",
                author="记者 王" if i % 5 == 0 else None,
            )
    return config


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("export"))


def db_ids(config: Path, query: str | None, **kwargs: Any) -> list[int]:
    with Store(config.parent / "news.db", readonly=True) as store:
        return [r["id"] for r in search_articles(store.db, query, limit=10_000, **kwargs)]


def run(config: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["export", "--config", str(config), *args])


def test_jsonl_is_every_story_newest_first_with_its_places(config: Path) -> None:
    result = run(config, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == db_ids(config, None) and len(rows) == N
    with Store(config.parent / "news.db", readonly=True) as store:
        assert rows[:5] == [row | {"investment": get_facts(store.db, row["id"])}
                            for row in articles_by_ids(store.db, [r["id"] for r in rows[:5]])]
    assert rows[0]["sources"][0]["url"] == rows[0]["url"] and rows[0]["sources_count"] == 1


def test_query_and_filters_select_what_search_selects(config: Path) -> None:
    result = run(config, "--query", "稀有气体", "--site", "gov-a", "--since", "2023-01-03", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    got = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    from newsmon.output import parse_user_date

    assert got == db_ids(config, "稀有气体", site="gov-a", since=parse_user_date("2023-01-03", "--since"))
    assert 0 < len(got) < N // 3


def test_csv_and_json(config: Path) -> None:
    result = run(config, "--format", "csv", "--query", "营商环境")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [int(r["id"]) for r in rows] == db_ids(config, "营商环境")
    assert json.loads(rows[0]["sources"])[0]["site"] == rows[0]["site"]
    assert rows[0]["title"].endswith('"quoted" & <b>')
    result = run(config, "--format", "json", "--site", "news-b")
    assert [r["id"] for r in json.loads(result.stdout)] == db_ids(config, None, site="news-b")
    assert json.loads(run(config, "--format", "json", "--query", "不存在的词").stdout) == []


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feeds_hold_every_story_not_just_50(config: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"all.{kind}"
    result = run(config, "--format", kind, "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().startswith(f"exported {N} stories to {out} in ")
    assert not (tmp_path / f"all.{kind}.partial").exists()
    feed = feedparser.parse(out.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == N
    assert [e.link for e in feed.entries[:3]] == [f"http://127.0.0.1:1/{SITES[i % 2]}/{i}.html"
                                                 for i in (N - 1, N - 2, N - 3)]


def test_errors_are_one_sentence(config: Path, tmp_path: Path) -> None:
    result = run(config, "--format", "jsonl", "--query", "(((")
    assert result.exit_code == 2 and result.stderr.startswith("Error: Cannot search for '((('")
    result = run(config, "--format", "jsonl", "--site", "nowhere")
    assert result.exit_code == 2 and "nowhere" in result.stderr
    result = run(config, "--format", "jsonl", "--output", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert result.exit_code == 1 and result.stderr.startswith("Error: Cannot write ")
    result = run(config, "--format", "xml")
    assert result.exit_code == 2


class _Sink:
    """A file that keeps nothing (so only the exporter's own memory is measured)."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


def test_memory_does_not_grow_with_the_number_of_stories(tmp_path: Path) -> None:
    peaks = {}
    for n in (400, 1600):  # both above the 200-row batches
        folder = tmp_path / str(n)
        folder.mkdir()
        build(folder, n)
        with Store(folder / "news.db", readonly=True) as store:
            for fmt in ("jsonl", "atom"):
                sink = _Sink()
                tracemalloc.start()
                count = export_articles(store.db, sink, fmt)  # type: ignore[arg-type]
                peaks[(n, fmt)] = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                assert count == n and sink.size > n * 50
    for fmt in ("jsonl", "atom"):
        # Four times the stories, the same peak (within a margin): nothing is kept per story.
        assert peaks[(1600, fmt)] < 1.25 * peaks[(400, fmt)], peaks


def test_csv_carries_the_facts_as_projects_does_and_the_fact_filters_narrow(tmp_path: Path) -> None:
    # Before session 44 the csv had no facts and export took no fact filter: a spreadsheet user had to run
    # `projects` beside it and join by id.
    from newsmon.facts import facts_record

    config = tmp_path / "config.yaml"
    config.write_text("database: news.db\nsites:\n  - name: gov-a\n    start_urls: ['http://127.0.0.1:1/gov-a/']\n",
                      encoding="utf-8")
    stories = [
        ("大连长兴岛氪氙气体提纯项目正式开工", "该项目总投资12.6亿元，每年提取高纯氪气、氙气等稀有气体。"),
        ("瓦房店市签约新能源项目", "瓦房店市与某企业签约风电装备项目，总投资3000万元。"),
        ("营商环境座谈会召开", "会议听取了企业代表的意见。"),
    ]
    with Store(tmp_path / "news.db") as store:
        for i, (title, body) in enumerate(stories):
            store.add_article(site="gov-a", url=f"http://127.0.0.1:1/gov-a/{i}.html", title=title, body=body,
                              fingerprint=f"facts-{i}", published_at=datetime(2026, 11, 20 + i, tzinfo=timezone.utc),
                              facts=facts_record(title, body))
    result = run(config, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert len(rows) == 3
    projects = CliRunner().invoke(cli, ["projects", "--config", str(config), "--format", "csv"])
    for project in csv.DictReader(io.StringIO(projects.stdout)):
        row = rows[int(project["id"])]
        assert {k: row[k] for k in ("place", "stage", "amount_text", "amount", "amount_cny", "industry", "project")} \
            == {k: project[k] for k in ("place", "stage", "amount_text", "amount", "amount_cny", "industry", "project")}
    big = next(r for r in rows.values() if r["title"].startswith("大连长兴岛"))
    assert (big["place"], big["stage"], float(big["amount"])) == ("大连市", "开工", 1.26e9)
    assert "新材料" in json.loads(big["industry"])
    meeting = next(r for r in rows.values() if r["title"].startswith("营商环境"))
    assert meeting["amount"] == "" and meeting["stage"] == ""
    narrowed = run(config, "--format", "jsonl", "--min-amount", "1亿", "--stage", "开工")
    assert narrowed.exit_code == 0, narrowed.output
    assert [json.loads(line)["id"] for line in narrowed.stdout.splitlines()] == [big and int(big["id"])]
    assert "Note:" not in narrowed.stderr  # every story has facts of this newsmon's
    feed = feedparser.parse(run(config, "--format", "atom", "--stage", "开工", "--place", "大连").stdout)
    assert feed.feed.title == "newsmon export: stage:开工 place:辽宁省大连市" and len(feed.entries) == 1
    wrong = run(config, "--format", "csv", "--place", "火星")
    assert wrong.exit_code == 2 and "火星" in wrong.output


def test_a_fact_filter_over_stories_without_facts_says_so(config: Path, tmp_path: Path) -> None:
    # The module's stories were stored without facts (as stories stored before facts existed, or read by an older
    # extractor): a fact filter finds none of them, and says why instead of a silent empty file (session 44's review).
    result = run(config, "--format", "csv", "--min-amount", "1亿", "-o", str(tmp_path / "big.csv"))
    assert result.exit_code == 0, result.output
    assert f"Note: {N} of the newest stored stories have no investment facts" in result.stderr
    assert "newsmon reextract --facts --stale" in result.stderr
    plain = run(config, "--format", "csv", "-o", str(tmp_path / "all.csv"))
    assert "Note:" not in plain.stderr  # no fact filter, no note
