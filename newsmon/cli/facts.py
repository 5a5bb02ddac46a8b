"""``newsmon projects`` and ``newsmon reextract --facts``: the investment facts of stored stories."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

import click

from newsmon.config import load_config
from newsmon.db.facts import FactsFilter
from newsmon.db.handle import Handle
from newsmon.output import dates_option_help, parse_user_date, print_records, unread_facts_note

from .options import config_option, format_option, handle_errors, open_store

__all__ = ["facts_filter", "facts_filter_options", "projects", "reextract"]

STAGE_CHOICES = ("洽谈", "签约", "备案", "核准", "评审", "招标", "开工", "投产", "竣工")


def _amount(_ctx: click.Context, _param: click.Parameter, value: Optional[str]) -> Optional[float]:
    if value is None:
        return None
    from newsmon.facts import parse_amount

    try:
        return parse_amount(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc}.") from None


def _places(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    from newsmon.facts import place_readings, reading_note

    for written in value:
        try:
            readings = place_readings(written)
        except ValueError as exc:
            raise click.BadParameter(f"{exc}.") from None
        for reading in readings:  # say how a name several places have was read, and how to ask for another
            if note := reading_note(reading):
                click.echo(f"--place {note}", err=True)
    return value


def _industries(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    from newsmon.facts import check_industries

    try:
        check_industries(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc}.") from None
    return value


def facts_filter(min_amount: Optional[float], stages: tuple[str, ...], places: tuple[str, ...],
                 industries: tuple[str, ...]) -> FactsFilter:
    """The options of :func:`facts_filter_options` as the store's filter (places already checked by ``_places``)."""
    from newsmon.facts import place_filter

    return FactsFilter(min_amount=min_amount, stages=stages, places=place_filter(places), industries=industries)


def note_unread_facts(db: Handle) -> None:
    """Say on stderr when some of the newest stories have no facts of this newsmon's (:func:`unread_facts_note`)."""
    if note := unread_facts_note(db):
        click.echo("Note: " + note, err=True)


def facts_filter_options(func: click.decorators.FC) -> click.decorators.FC:
    """``--min-amount``, ``--stage`` (repeats), ``--place`` (repeats), ``--industry`` (repeats)."""
    for decorator in reversed([
        click.option("--min-amount", callback=_amount, metavar="AMOUNT",
                     help="Only projects investing at least this much, in yuan: 10亿, 5000万, 1e9 "
                          "(other currencies compared at approximate rates)."),
        click.option("--stage", "stages", multiple=True, type=click.Choice(STAGE_CHOICES),
                     help="Only projects at this stage (repeat for several)."),
        click.option("--place", "places", multiple=True, callback=_places,
                     help="Only projects in this province, city or county: 大连, 瓦房店市, 江苏; a district with its"
                          " city: 北京市朝阳区 (repeat for several)."),
        click.option("--industry", "industries", multiple=True, callback=_industries,
                     help="Only projects tagged with this industry: 新能源, 石化 … (repeat for several)."),
    ]):
        func = decorator(func)
    return func


@click.command()
@config_option
@facts_filter_options
@click.option("--since", help="Published on or after this date. " + dates_option_help)
@click.option("--until", help="Published on or before this date. " + dates_option_help)
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=100, show_default=True, help="Most rows.")
@format_option()
@handle_errors
def projects(config_path: Path, min_amount: Optional[float], stages: tuple[str, ...], places: tuple[str, ...],
             industries: tuple[str, ...], since: Optional[str], until: Optional[str], limit: int, fmt: str) -> None:
    """The investment projects in stored stories, newest first.

    \b
    One row per story that states an investment or a project stage:
    date, place, stage, amount, project name, story id. For example
      newsmon projects --place 大连 --min-amount 10亿 --stage 签约 --stage 开工
    Facts are extracted when a story is stored; `newsmon reextract --facts`
    recomputes them for stories stored before.
    """
    from newsmon.db.facts import list_projects

    config = load_config(config_path)
    since_at = parse_user_date(since, "--since")
    until_at = parse_user_date(until, "--until", end_of_day=True)
    with open_store(config, readonly=True) as store:
        rows = list_projects(store.db, facts_filter(min_amount, stages, places, industries),
                             since_utc=_utc(since_at), until_utc=_utc(until_at), limit=limit)
        note_unread_facts(store.db)
    if fmt == "table":
        for row in rows:
            row["date"] = (row["published_at"] or "")[:10]
    print_records(rows, fmt, columns=["date", "place", "stage", "amount_text", "project", "id"] if fmt == "table"
                  else ["id", "published_at", "place", "stage", "amount", "currency", "amount_cny", "amount_text", "kind",
                        "industry", "project", "title", "site", "url"])


def _utc(moment: object) -> Optional[str]:
    from datetime import datetime, timezone

    if not isinstance(moment, datetime):
        return None
    return moment.astimezone(timezone.utc).isoformat()


@click.command()
@click.argument("site", required=False)
@config_option
@click.option("--facts", "facts", is_flag=True, help="Recompute the investment facts (amount, stage, places, …).")
@click.option("--stale", is_flag=True, help="Only stories whose facts are out of date (an older extractor, or their"
              " site's place changed).")
@handle_errors
def reextract(site: Optional[str], config_path: Path, facts: bool, stale: bool) -> None:
    """Recompute derived data of stored stories (those seen at SITE, default all).

    \b
    newsmon reextract --facts           every story's investment facts
    newsmon reextract --facts --stale   only those out of date: an older extractor,
                                        or a site whose place changed
    A crawl re-reads a site's stories itself, a few seconds per crawl, after its
    place changed (its `place:` edited, or read anew from its list pages); this
    does it at once. Progress goes to stderr every few seconds.
    """
    from newsmon.clock import utc_now
    from newsmon.crawler.siteplace import site_home
    from newsmon.db.facts import iter_articles_for_facts
    from newsmon.db.siteplaces import finish_reread, load_site_place_rows, note_site_home
    from newsmon.facts import FACTS_VERSION
    from newsmon.facts.refresh import reextract_facts

    if not facts:
        raise click.UsageError("Say what to recompute: --facts.")
    config = load_config(config_path)
    if site is not None:
        config.site(site)  # one sentence listing the known sites for a typo
    last = [time.monotonic()]

    def progress(done: int) -> None:
        if time.monotonic() - last[0] >= 2:
            last[0] = time.monotonic()
            print(f"reextract: {done} stories done", file=sys.stderr, flush=True)

    with open_store(config) as store:
        rows = load_site_place_rows(store.db)  # the places list pages named (crawler/siteplace.py)
        homes = {each.name: site_home(each, row.place if (row := rows.get(each.name)) else None)
                 for each in config.sites}
        scope = [name for name in homes if site is None or name == site]
        for name in scope:  # a `place:` edited since the stories were read marks them stale (for --stale too)
            note_site_home(store.db, name, homes[name], utc_now())
        last[0] = time.monotonic()
        done, failed = reextract_facts(store, site=site, only_stale=stale, on_progress=progress,
                                       homes=homes)  # (other sites: the place their stories were read with)
        for name in scope:  # re-read with their place now, unless a crawl meanwhile changed it again
            if next(iter_articles_for_facts(store.db, site=name, stale_before=FACTS_VERSION, batch=1), None) is None:
                finish_reread(store.db, name)
    click.echo(f"Recomputed the investment facts of {done} stories" + (f"; {failed} failed (see the log)." if failed
                                                                         else "."))
