"""Printing results for people (rich tables) and for programs (json, jsonl, csv)."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any, Iterable, Optional, Protocol, Sequence

import click
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .clock import SHANGHAI


__all__ = [
    "command_name",
    "investment_line",
    "unread_facts_note",
    "console",
    "dates_option_help",
    "parse_user_date",
    "print_article",
    "print_objects",
    "print_records",
    "print_reports",
]

dates_option_help = "YYYY-MM-DD or an ISO 8601 time; without a zone it is read as Asia/Shanghai time."


def console() -> Console:
    """A rich console for stdout, sized for tables."""
    # The terminal's width, or 80 columns when piped (logs, cron mail, `| less`).
    return Console(width=None if sys.stdout.isatty() else 80)


def command_name() -> str:
    """How to type ``newsmon`` so that a printed hint works as printed.

    ``newsmon`` when the command on PATH is the one running; otherwise its full path (the
    usual case right after ``make demo``: the command lives in ``.venv/bin``).
    """
    running = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    on_path = shutil.which("newsmon")
    if running is not None and running.name == "newsmon":
        if on_path and Path(on_path).resolve() == running:
            return "newsmon"
        return str(running)
    if on_path:
        return "newsmon"
    return f"{sys.executable} -m newsmon.cli"


def parse_user_date(value: Optional[str], option: str, *, end_of_day: bool = False) -> Optional[datetime]:
    """Parse a --since/--until value; a bare date means its start (or end, for --until)."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            day = date.fromisoformat(value.strip())
            moment = datetime.combine(day, time.max if end_of_day else time.min)
        else:
            moment = datetime.fromisoformat(value.strip())
    except ValueError:
        # A usage error like any other bad option value: exit status 2.
        raise click.BadParameter(f"{value!r} is not a date like 2023-04-05 or 2023-04-05T08:00+08:00.",
                                 param_hint=option) from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=SHANGHAI)
    try:
        moment.astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01 east of UTC, 9999-12-31 west of it
        raise click.BadParameter(f"{value!r} is out of range; use a date between 0001-01-02 and 9999-12-30.",
                                 param_hint=option) from None
    return moment


# Short table headers for long field names (JSON and CSV keep the field names).
_HEADERS = {"sources_count": "seen", "published_at": "published", "amount_text": "amount"}
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):  # matched terms, channels: a list in JSON, "a, b" in a table
        return ", ".join(str(v) for v in value)
    if isinstance(value, str):
        # Stored times in a table: minutes are enough, and the short form keeps tables in 80 columns.
        match = _ISO_TIME.match(value)
        if match:
            return f"{match.group(1)} {match.group(2)}"
    return str(value)


def _highlighted(snippet: str) -> Text:
    text = Text()
    for i, part in enumerate(re.split(r"\[([^\]]*)\]", snippet)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


class Record(Protocol):
    """A value printed as one row: ``to_dict()`` gives its fields (the JSON object, the table's columns)."""

    def to_dict(self) -> dict[str, Any]: ...


def print_objects(items: Sequence[Record], fmt: str, *, empty_columns: Sequence[str]) -> None:
    """:func:`print_records` of ``items``' ``to_dict()``, their keys the columns (``empty_columns`` when none)."""
    rows = [item.to_dict() for item in items]
    print_records(rows, fmt, columns=list(rows[0]) if rows else list(empty_columns))


def print_records(rows: Sequence[dict[str, Any]], fmt: str, *, columns: Sequence[str]) -> None:
    """Print ``rows`` as a table, one JSON array, JSON lines, CSV, or article texts."""
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        # Lists and objects (an article's sources) as JSON in their cell.
        writer.writerows({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                          for k, v in row.items()} for row in rows)
    elif fmt == "text-articles":
        for row in rows:
            print_article(row, "text", header=str(row.get("input", "")))
    else:
        screen = console()
        if not rows:
            screen.print("No results.")
            return
        # expand: ratio columns (title, snippet) share the width; the others keep their own.
        table = Table(show_lines=False, expand=any(c in ("title", "snippet", "body", "project") for c in columns))
        shown = [c for c in columns if c != "url"]
        for column in shown:
            # Text columns share what is left; short columns keep their content's width.
            ratio = {"title": 2, "snippet": 3, "body": 3, "project": 2}.get(column)
            header = _HEADERS.get(column, column)
            widest = max([cell_len(header), *(cell_len(_cell(row.get(column))) for row in rows)])
            width = None if ratio else min(widest, 16 if column.endswith("_at") else 12)
            table.add_column(header, overflow="fold", ratio=ratio, min_width=8 if ratio else width, max_width=width)
        for row in rows:
            table.add_row(*(_highlighted(row[c] or "") if c == "snippet" else _cell(row.get(c)) for c in shown))
        screen.print(table)
        screen.print(f"{len(rows)} result{'s' if len(rows) != 1 else ''}. `{command_name()} show ID` prints one.")


def print_article(article: dict[str, Any], fmt: str, *, header: str = "") -> None:
    """Print one article as readable text, one JSON object, a JSON line or a CSV row."""
    if fmt == "json":
        sys.stdout.write(json.dumps(article, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt in ("jsonl", "csv"):
        print_records([article], fmt, columns=list(article))
        return
    lines = [f"== {header} ==" if header else None, article.get("title") or "(no title)"]
    if article.get("is_article") is False:
        # newsmon extract: say why the page would not be stored.
        lines.append(f"not an article: {article.get('reason') or 'unknown reason'}")
    meta = [
        f"{label}: {article[key]}"
        for label, key in (("id", "id"), ("published", "published_at"), ("source", "source"),
                           ("author", "author"), ("site", "site"), ("url", "url"))
        if article.get(key)
    ]
    if facts := investment_line(article.get("investment")):
        meta.append("investment: " + facts)
    if article.get("file_type"):
        # A file row of a list (a PDF announcement): what newsmon has is the list's title and date.
        meta.append(f"file: {article['file_type'].upper()}, listed on the site's list page, not downloaded"
                    " (open the url to read it)")
    summary = [f"summary: {article['summary']}"] if article.get("summary") else []
    lines += meta + summary + ["", article.get("body") or ""]
    sources = article.get("sources") or []
    if len(sources) > 1:
        lines += ["", f"Seen at {len(sources)} places:"]
        lines += [f"  {s['first_seen_at']}  {s['site']}  {s['url']}" for s in sources]
    sys.stdout.write("\n".join(line for line in lines if line is not None) + "\n\n")


def print_reports(reports: Iterable[Any], fmt: str) -> None:
    """Print the per-site crawl summary."""
    reports = list(reports)
    if fmt != "table":
        print_objects(reports, fmt, empty_columns=["site"])
        return
    screen = console()
    table = Table(title="Crawl summary")
    # Short headers keep the table within 80 columns; site names fold rather than lose their end.
    for column in ("site", "status", "lists", "new", "dups", "non-art", "fails", "secs"):
        table.add_column(column, justify="left" if column in ("site", "status") else "right",
                         overflow="fold" if column == "site" else "ellipsis", no_wrap=column == "status")
    for r in reports:
        style = {"ok": "green", "partial": "yellow"}.get(r.status, "red")
        table.add_row(r.site, Text(r.status, style=style), str(r.list_pages), str(r.articles_new),
                      str(r.duplicates), str(r.non_articles), str(r.failures), f"{r.duration_s:.1f}")
    screen.print(table)
    for r in reports:
        if getattr(r, "recleaned", 0):
            screen.print(f"  {r.site}: re-cleaned {r.recleaned} stored stories with the site's learned template",
                         style="dim", markup=False, highlight=False)
        if getattr(r, "facts_reread", 0):
            screen.print(f"  {r.site}: re-read the investment facts of {r.facts_reread} stored stories with the site's"
                         " place (`newsmon sites` says whether more wait)", style="dim", markup=False, highlight=False)
        for error in r.errors[:5]:
            screen.print(f"  {r.site}: {error}", style="dim", markup=False, highlight=False)
        if len(r.errors) > 5:
            screen.print(f"  {r.site}: … {len(r.errors) - 5} more in the crawl_runs table", style="dim")


def unread_facts_note(db: Any) -> str:
    """What `search` and `export` with fact filters and `projects` (stderr), and the web's search and projects pages, say
    when some of the newest stories have no facts of this newsmon's (``db.facts.unread_among_newest``); "" when none."""
    from newsmon.db.facts import has_facts_table, unread_among_newest
    from newsmon.facts import FACTS_VERSION

    if not has_facts_table(db):
        return ""  # (no table at all: the search itself says so)
    unread = unread_among_newest(db, FACTS_VERSION)
    if not unread:
        return ""
    return (f"{unread:,} of the newest stored stories have no investment facts of this newsmon's yet (stored before, or "
            "read by an older version), so fact filters and projects miss them; `newsmon reextract --facts --stale` "
            "reads them.")


def investment_line(investment: Optional[dict[str, Any]]) -> str:
    """A story's investment facts in one line (``newsmon show``, its web page): ``20亿元 · 签约 · 大连市 瓦房店市 · 新能源 ·
    某项目``; "" when it states none."""
    investment = investment or {}
    first = (investment.get("places") or [{}])[0]
    facts = [investment.get("amount_text"), investment.get("stage"),
             " ".join(filter(None, [first.get("city") or first.get("province"), first.get("county")])),
             "、".join(investment.get("industry") or []), investment.get("project")]
    return " · ".join(str(f) for f in facts if f)
