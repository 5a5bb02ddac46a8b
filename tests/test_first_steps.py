"""The first five minutes: `init`, `demo --serve`, hints that work as printed, one CLI convention."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.config import load_config
from newsmon.demo import run_demo

ROOT = Path(__file__).resolve().parents[1]


def test_repository_config_is_valid_and_is_what_init_writes(tmp_path: Path) -> None:
    config = load_config(ROOT / "config.yaml")
    assert config.sites and all(site.start_urls for site in config.sites)
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "config.yaml")])
    assert result.exit_code == 0, result.output
    written = tmp_path / "config.yaml"
    assert written.read_text(encoding="utf-8") == (ROOT / "config.yaml").read_text(encoding="utf-8")
    assert [s.name for s in load_config(written).sites] == [s.name for s in config.sites]
    assert f"crawl --config {written}" in result.output


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "config.yaml"
    target.write_text("database: mine.db\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {target} already exists; edit it, or pass --force to replace it with the example."
    assert target.read_text(encoding="utf-8") == "database: mine.db\n"
    assert CliRunner().invoke(cli, ["init", str(target), "--force"]).exit_code == 0
    assert "liaoning" in target.read_text(encoding="utf-8")


def test_init_into_a_folder_writes_config_yaml_there(tmp_path: Path) -> None:
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    assert (tmp_path / "config.yaml").exists()


def test_demo_serve_keeps_the_portal_up_so_the_printed_crawl_command_works(tmp_path: Path) -> None:
    stop = threading.Event()
    errors: list[BaseException] = []

    def demo() -> None:
        try:
            run_demo(tmp_path, serve=True, stop=stop)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=demo, daemon=True)
    thread.start()
    db = tmp_path / "news.db"
    try:
        deadline = time.monotonic() + 120
        # The demo is serving once its crawl has stored stories and it waits on `stop`.
        while time.monotonic() < deadline and not errors and not (_stored(db) and _waiting(thread)):
            time.sleep(0.2)
        assert not errors, errors
        assert _stored(db) > 0
        # The printed hint, run as printed (the installed command, in a fresh process).
        result = subprocess.run(
            [sys.executable, "-m", "newsmon.cli", "crawl", "--config", str(tmp_path / "config.yaml"),
             "--format", "json"],
            capture_output=True, text=True, timeout=240,
        )
        assert result.returncode == 0, result.stderr
        reports = json.loads(result.stdout)
        # The portal answered: list pages were read again (nothing new to store).
        assert reports and all(r["list_pages"] >= 1 for r in reports if r["status"] != "failed")
        assert any(r["status"] in ("ok", "partial") for r in reports)
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive()


def _stored(db: Path) -> int:
    import sqlite3

    if not db.exists():  # connecting would create it, and the demo refuses a folder it did not make
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _waiting(thread: threading.Thread) -> bool:
    frame = sys._current_frames().get(thread.ident or -1)
    while frame is not None:
        if frame.f_code.co_name == "_wait":
            return True
        frame = frame.f_back
    return False


@pytest.mark.parametrize("command", [["crawl"], ["search", "x"], ["sites"]])
def test_data_commands_share_the_format_choices(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert "[table|json|jsonl|csv]" in result.output


def test_show_takes_text_json_jsonl_csv() -> None:
    assert "[text|json|jsonl|csv]" in CliRunner().invoke(cli, ["show", "--help"]).output
    assert "[text|json|jsonl|csv]" in CliRunner().invoke(cli, ["extract", "--help"]).output


def test_show_csv_and_jsonl_keep_field_types(tmp_path: Path) -> None:
    from newsmon.db import Store

    db = tmp_path / "news.db"
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({"database": "news.db", "sites": []}), encoding="utf-8")
    with Store(db, create=True) as store:
        added = store.add_article(site="a", url="http://127.0.0.1/1.html", title="标题", body="正文第一段。\n正文第二段。",
                                  fingerprint="f1")
    config = ["--config", str(tmp_path / "config.yaml")]
    line = CliRunner().invoke(cli, ["show", str(added.article_id), *config, "--format", "jsonl"]).output
    record = json.loads(line)
    assert record["sources_count"] == 1 and isinstance(record["sources"], list)
    out = CliRunner().invoke(cli, ["show", str(added.article_id), *config, "--format", "csv"]).output
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["title"] == "标题" and json.loads(row["sources"])[0]["url"] == "http://127.0.0.1/1.html"
    hits = json.loads(CliRunner().invoke(cli, ["search", "标题", *config, "--format", "json"]).output)
    assert hits[0]["sources_count"] == 1 and "sources" not in hits[0]
