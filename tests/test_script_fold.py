"""A term in simplified characters finds a story stored in traditional ones (繁體) and the other way round.

Search (both databases, through the CLI), alert rules (a real local webhook receiver), and databases
indexed before the fold (an old SQLite file, an old PostgreSQL database: rows written the old way, then
reopened) all match in ``query.text.canonical_text``, which folds each traditional character to its
simplified form, one for one.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.config import parse_config
from newsmon.crawler.fingerprint import text_fingerprint
from newsmon.db import Store, open_store
from newsmon.errors import StoreError
from newsmon.query import canonical_text
from newsmon.query.text import TOKEN, is_cjk

from tests.test_alerts_support import Receiver, receiver  # noqa: F401 (fixture)

CST = dt.timezone(dt.timedelta(hours=8))
# A big5 gateway's story (traditional) and a mainland portal's (simplified); they share no term in one script.
TRADITIONAL = ("瀋陽渾南區重大項目集中開工",
               "今天，瀋陽市渾南區舉行重大項目集中開工儀式，共有二十八個項目開工，總投資一百二十億元。\n"
               "項目涵蓋積體電路、生物醫藥和新能源汽車零部件等領域。")
SIMPLIFIED = ("大连长兴岛氪氙气体提纯项目正式开工",
              "该项目总投资12.6亿元，每年提取高纯氪气、氙气等稀有气体。\n项目建成后将填补东北地区空白。")


def _config(folder: Path, database: str, hook: str = "http://127.0.0.1:9/hook") -> Path:
    folder.mkdir(exist_ok=True)
    data: dict[str, Any] = {
        "database": database,
        "sites": [{"name": name, "start_urls": [f"http://127.0.0.1:9/{name}/"]} for name in ("hk", "dalian")],
        "alerts": {"channels": {"ops": {"type": "webhook", "url": hook}},
                   "rules": [{"name": "simplified", "query": "集中开工", "channels": ["ops"]},
                             {"name": "traditional", "query": "氣體提純", "channels": ["ops"]}]},
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _add(store: Any, site: str, n: int, title: str, body: str) -> Any:
    return store.add_article(site=site, url=f"http://127.0.0.1:9/{site}/{n}.html", title=title, body=body,
                             fingerprint=text_fingerprint(body), fetched_at=f"2026-11-30T0{n}:00:00+00:00",
                             published_at=dt.datetime(2026, 11, 20 + n, 9, 30, tzinfo=CST))


def _fill(store: Any) -> None:
    _add(store, "hk", 1, *TRADITIONAL)
    _add(store, "dalian", 2, *SIMPLIFIED)


def _search(config: Path, query: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["search", query, "--format", "json", "--config", str(config)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.output)
    return rows


def _target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return str(tmp_path / "news.db") if backend == "sqlite" else str(request.getfixturevalue("postgres_url"))


def _old_index_text(text: str) -> str:
    """``db.cjk.index_text`` as search index version 2 wrote it: canonical text without the fold, CJK runs
    as bigrams plus the run's last character (the test stories have no Latin diacritics)."""
    tokens: list[str] = []
    for token in TOKEN.findall(unicodedata.normalize("NFKC", text).lower()):
        if is_cjk(token[0]) and len(token) > 1:
            tokens += [token[i : i + 2] for i in range(len(token) - 1)] + [token[-1]]
        else:
            tokens.append(token)
    return " ".join(tokens)


def test_canonical_text_is_one_script_and_keeps_every_position() -> None:
    from newsmon.query import fold_script

    assert canonical_text("開工 項目") == canonical_text("开工 项目") == "开工 项目"
    title, body = TRADITIONAL
    assert len(fold_script(body)) == len(body)
    assert [fold_script(c) for c in body] == list(fold_script(body))  # per character: no phrase context
    assert fold_script(fold_script(body)) == fold_script(body)  # chains followed to their end (薴 → 苧 → 苎)
    assert fold_script("薴") == fold_script("苧") == "苎"
    # Simplified text is left alone but for characters that are traditional forms themselves (乾 → 干).
    assert fold_script(SIMPLIFIED[1]) == SIMPLIFIED[1]
    assert canonical_text("陕西乾县") == "陕西干县"
    assert canonical_text(title) == "沈阳浑南区重大项目集中开工"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("開工項目縣乾於後薴苧开工项目县干于后 ab"), max_size=400))
def test_dense_and_sparse_text_fold_the_same_way(chars: list[str]) -> None:
    from newsmon.query import fold_script

    text = "".join(chars)  # dense runs are translated, sparse ones substituted: one table either way
    assert fold_script(text) == "".join(fold_script(c) for c in text)


def test_the_committed_table_is_what_opencc_makes() -> None:
    import opencc

    from newsmon.query.text import _FOLD

    path = Path(__file__).parents[1] / "query" / "data" / "t2s_chars.txt"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    if f"OpenCC {opencc.__version__} " not in header:
        pytest.skip(f"table made with another OpenCC ({header}); installed {opencc.__version__}")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fold", path.with_name("make_fold.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.fold_table()
    assert {chr(k): chr(v) for k, v in _FOLD.items()} == made  # type: ignore[arg-type]
    assert len(made) > 4000 and made["開"] == "开" and made["項"] == "项"


@pytest.mark.parametrize("backend", ["sqlite", "pg"])
def test_search_finds_a_story_in_either_script(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    config = _config(tmp_path / "c", _target(backend, tmp_path, request))
    with open_store(_target(backend, tmp_path, request)) as store:
        _fill(store)
    found = _search(config, "集中开工")  # simplified query, traditional story
    assert [r["title"] for r in found] == [TRADITIONAL[0]]
    assert "重大項目[集中開工]儀式" in found[0]["snippet"]  # highlighted as stored, positions unchanged by the fold
    assert [r["title"] for r in _search(config, "氣體提純")] == [SIMPLIFIED[0]]  # the other way round
    assert [r["title"] for r in _search(config, "title:渾南区")] == [TRADITIONAL[0]]  # one term in both scripts
    # Mixed: a traditional word and a simplified one, each found in both stories.
    assert sorted(r["title"] for r in _search(config, "開工 总投资")) == sorted([TRADITIONAL[0], SIMPLIFIED[0]])
    assert _search(config, "開工 -瀋陽") == _search(config, "开工 -沈阳")
    assert [r["title"] for r in _search(config, "开工 -瀋陽")] == [SIMPLIFIED[0]]
    # A regex is not folded: it names characters (its literals still find candidates in the folded index).
    assert [r["title"] for r in _search(config, "/集中開工/")] == [TRADITIONAL[0]]
    assert _search(config, "/集中开工/") == []


@pytest.mark.parametrize("backend", ["sqlite", "pg"])
def test_an_alert_rule_in_one_script_fires_once_on_a_story_in_the_other(
        backend: str, tmp_path: Path, request: pytest.FixtureRequest, receiver: Receiver) -> None:
    from newsmon.alerts import install_alert_hook
    from newsmon.alerts.sender import send_due

    target = _target(backend, tmp_path, request)
    path = _config(tmp_path / "c", target, receiver.url + "/hook")
    config = parse_config(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    with open_store(target) as store:
        install_alert_hook(store, config)
        _fill(store)
        # The traditional story syndicated again: the same story, no second alert.
        copy = store.add_article(site="dalian", url="http://127.0.0.1:9/dalian/9.html", title=TRADITIONAL[0],
                                 body=TRADITIONAL[1], fingerprint=text_fingerprint(TRADITIONAL[1]))
        assert copy.status == "duplicate"
        send_due(config, store)
    got = sorted((r["json"]["rule"], r["json"]["title"]) for r in receiver.accepted)
    assert got == [("simplified", TRADITIONAL[0]), ("traditional", SIMPLIFIED[0])]
    by_rule = {r["json"]["rule"]: r["json"] for r in receiver.accepted}
    assert "[集中開工]" in by_rule["simplified"]["snippet"]  # the rule's term, marked in the story's script
    assert by_rule["traditional"]["matched"] == ["氣體提純"]  # found in the title: the snippet is the body's start


def test_an_old_sqlite_file_is_reindexed_and_then_found(tmp_path: Path) -> None:
    from newsmon.db.cjk import index_text
    from newsmon.db.fts import rebuild_indexes

    path = tmp_path / "news.db"
    config = _config(tmp_path / "c", str(path))
    with Store(path) as store:
        _fill(store)
        assert _old_index_text(SIMPLIFIED[1]) == index_text(SIMPLIFIED[1])  # no traditional character: both agree
        assert _old_index_text(TRADITIONAL[0]) != index_text(TRADITIONAL[0])
        # Written the old way: the index of search index version 2 (no fold), and its version number.
        rows = [(i, _old_index_text(t), _old_index_text(b))
                for i, t, b in store.db.execute("SELECT id, title, body FROM articles ORDER BY id")]
        rebuild_indexes(store.db.conn, lambda: iter(rows))
        store.db.execute("UPDATE newsmon_meta SET value = '2' WHERE key = 'tokenizer_version'")
        store.db.conn.commit()
    # A reader cannot rebuild it, and does not answer from it.
    result = CliRunner().invoke(cli, ["search", "集中开工", "--config", str(config)])
    assert (result.exit_code, result.output) == (1, (
        f"Error: {path}: the search index was built by an older newsmon (search index version 2, this newsmon 3);"
        " run `newsmon db upgrade` to rebuild it.\n"))
    upgraded = CliRunner().invoke(cli, ["db", "upgrade", "--database", str(path)], catch_exceptions=False)
    assert upgraded.exit_code == 0, upgraded.output
    assert [r["title"] for r in _search(config, "集中开工")] == [TRADITIONAL[0]]
    assert [r["title"] for r in _search(config, "氣體提純")] == [SIMPLIFIED[0]]


def _make_old_pg(url: str, stories: int = 0) -> None:
    """A PostgreSQL database as search index version 2 left it: search_tsv without the fold, no version recorded."""
    import psycopg

    from newsmon.db.pg_schema import SEARCH_TSV

    with open_store(url) as store:
        _fill(store)
        for n in range(stories):
            body = f"第{n}號項目今天在瀋陽開工，總投資{n + 1}億元。" * 4 + f"\n編號{n}-{n * 7919}"
            added = store.add_article(site="hk", url=f"http://127.0.0.1:9/hk/n{n}.html", title=f"第{n}號項目開工",
                                      body=body, fingerprint=text_fingerprint(body))
            assert added.status == "new"
    with psycopg.connect(url) as conn:
        for i, title, body in conn.execute("SELECT id, title, body FROM articles").fetchall():
            conn.execute(f"UPDATE articles SET search_tsv = {SEARCH_TSV} WHERE id = %s",
                         [_old_index_text(title), _old_index_text(body), i])
        conn.execute("DELETE FROM newsmon_meta WHERE key = 'tokenizer_version'")


def test_an_old_postgresql_database_is_reindexed_and_then_found(tmp_path: Path, postgres_url: str,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    _make_old_pg(postgres_url)
    config = _config(tmp_path / "c", postgres_url)
    result = CliRunner().invoke(cli, ["search", "集中开工", "--config", str(config)])
    assert result.exit_code == 1
    assert result.output.endswith(": the search index was built by an older newsmon (search index version unknown,"
                                  " this newsmon 3); run `newsmon db upgrade` to rebuild it.\n"), result.output
    with pytest.raises(StoreError, match="search index was built by an older newsmon"):
        open_store(postgres_url, readonly=True)
    with caplog.at_level("INFO"), open_store(postgres_url):  # a writing open re-indexes, as SQLite's does
        pass
    assert "re-indexing the search column of 2 stories for search index version 3" in caplog.text
    assert [r["title"] for r in _search(config, "集中开工")] == [TRADITIONAL[0]]
    assert [r["title"] for r in _search(config, "氣體提純")] == [SIMPLIFIED[0]]
    assert sorted(r["title"] for r in _search(config, "開工 总投资")) == sorted([TRADITIONAL[0], SIMPLIFIED[0]])


def test_db_upgrade_reindexes_postgresql_in_batches_and_two_workers_share_them(postgres_url: str, tmp_path: Path) -> None:
    from newsmon.db.handle import open_pg
    from newsmon.db.postgres.reindex import reindex_search

    _make_old_pg(postgres_url, stories=30)
    handles = [open_pg(postgres_url) for _ in range(2)]
    done: list[int] = []
    barrier = threading.Barrier(2)

    def worker(handle: Any) -> None:
        barrier.wait()
        done.append(reindex_search(handle, batch=3))

    threads = [threading.Thread(target=worker, args=(h,)) for h in handles]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for handle in handles:
        handle.close()
    assert sum(done) == 32 and len(done) == 2  # every story once, whoever did it
    result = CliRunner().invoke(cli, ["db", "upgrade", "--database", postgres_url], catch_exceptions=False)
    assert result.output == "Already up to date (schema version 9).\n"
    config = _config(tmp_path / "c", postgres_url)
    counted = CliRunner().invoke(cli, ["search", "项目开工", "--count", "--config", str(config)], catch_exceptions=False)
    assert counted.output == "31\n"  # 30 numbered stories and the first one, all traditional
