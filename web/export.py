"""``newsmon export``: every story matching a search, streamed as jsonl, csv, json, atom or rss.

Constant memory at any size: ids come from one cursor
(``newsmon.db.search.iter_matching_ids``), full rows are read 200 at a time, and each
story is written before the next is read.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, TextIO


from newsmon.db.facts import FACT_COLUMNS, FactsFilter, fact_columns, facts_by_ids
from newsmon.db.handle import Handle
from newsmon.db.reader import STORY_COLUMNS, articles_by_ids
from newsmon.db.search import iter_matching_ids

from .feeds import FeedInfo, write_feed

__all__ = ["EXPORT_COLUMNS", "EXPORT_FORMATS", "export_articles"]

EXPORT_FORMATS = ("jsonl", "csv", "json", "atom", "rss")
#: Fields of an exported story, in this order (``sources``: every place it was seen).
EXPORT_COLUMNS = (*STORY_COLUMNS, "sources_count", "sources")


def _with_facts(db: Handle, stories: Iterable[dict[str, Any]], batch: int = 200) -> Iterator[dict[str, Any]]:
    """``stories`` with their ``investment`` facts (as `newsmon show --format json` has them), read a batch at a time."""
    chunk: list[dict[str, Any]] = []
    for story in stories:
        chunk.append(story)
        if len(chunk) == batch:
            yield from _facts_of(db, chunk)
            chunk = []
    yield from _facts_of(db, chunk)


def _facts_of(db: Handle, chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = facts_by_ids(db, [story["id"] for story in chunk])
    return [story | {"investment": found.get(story["id"])} for story in chunk]


def _counted(stories: Iterable[dict[str, Any]], on_row: Optional[Callable[[int], None]]) -> Iterable[dict[str, Any]]:
    for n, story in enumerate(stories, 1):
        yield story
        if on_row:
            on_row(n)


def export_articles(
    db: Handle,
    out: TextIO,
    fmt: str,
    *,
    query: Optional[str] = None,
    sites: Sequence[str] = (),
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
    facts: Optional[FactsFilter] = None,
    on_row: Optional[Callable[[int], None]] = None,
) -> int:
    """Write every story matching ``query`` and the filters to ``out`` in ``fmt``; return how many.

    Newest stored first; json and jsonl rows carry the story's ``investment`` facts, csv rows their columns
    (:data:`FACT_COLUMNS`); ``facts`` narrows the stories as ``newsmon search`` does. ``on_row(n)`` is called after
    the n-th story (for progress).
    Raises newsmon's query errors for a malformed query.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {EXPORT_FORMATS}")
    ids = iter_matching_ids(db, query, site=list(sites), since=since, until=until, facts=facts)
    stories = articles_by_ids(db, ids)
    if fmt in ("atom", "rss"):
        what = " ".join(x for x in (query or "", *(f"site:{s}" for s in sites), *(facts.terms() if facts else ()))
                        if x) or "all stories"
        info = FeedInfo(title=f"newsmon export: {what}", id=f"urn:newsmon:export:{what}",
                        updated=datetime.now(timezone.utc).replace(microsecond=0).isoformat())
        return write_feed(out, fmt, info, stories, on_entry=on_row)
    count = 0
    if fmt == "csv":  # the story's columns, then its facts' as `newsmon projects` has them (all empty without facts)
        writer = csv.DictWriter(out, fieldnames=[*EXPORT_COLUMNS, *FACT_COLUMNS], extrasaction="ignore")
        writer.writeheader()
        for story in _counted(_with_facts(db, stories), on_row):
            row = story | fact_columns(story["investment"])
            for column in ("sources", "industry"):  # lists: JSON in their cells
                if row[column] is not None:
                    row[column] = json.dumps(row[column], ensure_ascii=False)
            writer.writerow(row)
            count += 1
        return count
    if fmt == "json":
        out.write("[")
    for story in _counted(_with_facts(db, stories), on_row):
        line = json.dumps({k: story.get(k) for k in (*EXPORT_COLUMNS, "investment")}, ensure_ascii=False)
        if fmt == "json":
            out.write(("\n" if count == 0 else ",\n") + line)
        else:
            out.write(line + "\n")
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count
