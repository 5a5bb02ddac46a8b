"""Several processes opening one new SQLite file at once (two `newsmon worker`s started together) all
get a store: none fails with "database is locked" while another creates the schema."""

from __future__ import annotations

import multiprocessing
from pathlib import Path


def _open(path: str, start: "multiprocessing.synchronize.Event", errors: "multiprocessing.Queue[str]") -> None:
    from newsmon.db import open_store
    from newsmon.errors import StoreError

    start.wait(10)
    try:
        open_store(path).close()
    except StoreError as exc:
        errors.put(str(exc))


def test_processes_opening_a_new_file_together_all_get_the_store(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    for attempt in range(3):  # the race is a matter of timing: give it several chances to show
        path = str(tmp_path / f"news-{attempt}.db")
        start, errors = context.Event(), context.Queue()
        procs = [context.Process(target=_open, args=(path, start, errors)) for _ in range(6)]
        for proc in procs:
            proc.start()
        start.set()
        for proc in procs:
            proc.join(60)
        found = []
        while not errors.empty():
            found.append(errors.get())
        assert found == [], found
        assert all(proc.exitcode == 0 for proc in procs)
