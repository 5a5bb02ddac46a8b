"""The newsmon pages inside Datasette: search, story, sites, alerts, feeds.

Each view reads its arguments, calls the newsmon API on one of Datasette's
read-only connections (``context.run_read``) and renders a template from
``plugin/templates``. Nothing here writes to the database.
"""

from __future__ import annotations

import fnmatch
import io
import re
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional
from urllib.parse import quote, urlencode

import jinja2
import sqlite_utils
from datasette.utils.asgi import Request, Response
from markupsafe import Markup, escape

from newsmon.alerts import Matcher, compile_rules
from newsmon.alerts.matcher import rule_facts_filter
from newsmon.config import Config
from newsmon.clock import iso_utc
from newsmon.db import search_articles
from newsmon.db.health import site_health
from newsmon.db.facts import FactsFilter, facet_counts, has_facts_table, list_projects, pipeline
from newsmon.db.outbox import list_deliveries, outbox_counts
from newsmon.db.reader import article_detail, articles_by_ids, crawl_runs
from newsmon.db.search import HIGHLIGHT, MAX_EXAMINED, iter_matching_ids, known_sites
from newsmon.errors import NewsmonError, NotFoundError
from newsmon.facts import STAGES, check_industries, parse_amount, place_filter, place_readings, reading_note
from newsmon.output import investment_line, parse_user_date, unread_facts_note

from .chart import format_yuan, pipeline_svg
from .context import config_of, newsmon_database, run_read
from .feeds import FEED_TYPES, FeedInfo, write_feed

if TYPE_CHECKING:  # datasette.app imports the plugins (this package) while it loads: no import at run time
    from datasette.app import Datasette

__all__ = ["ROUTES", "fragment", "highlight"]

FEED_ENTRIES = 50
PAGE_SIZE = 50
MAX_RESULTS = 500  # "more results" grows the page by PAGE_SIZE up to this
FACET_WINDOW = 1000  # facets count the newest this many matches (bounded page cost at any size)
PROJECT_ROWS = 200
KINDS = {"all": ("project", "roundup"), "project": ("project",), "roundup": ("roundup",)}
_MARKED = re.compile(re.escape(HIGHLIGHT[0]) + r"([^" + re.escape(HIGHLIGHT[0] + HIGHLIGHT[1]) + r"]*)"
                     + re.escape(HIGHLIGHT[1]))


def highlight(snippet: str) -> Markup:
    """A search snippet as HTML: text escaped, matched terms (``[…]``) in ``<mark>``."""
    out, pos = [], 0
    for match in _MARKED.finditer(snippet or ""):
        out.append(str(escape(snippet[pos:match.start()])))
        out.append(f"<mark>{escape(match.group(1))}</mark>")
        pos = match.end()
    out.append(str(escape((snippet or "")[pos:])))
    return Markup("".join(out))


# Loops over many rows (results, paragraphs, runs, the delivery log) are rendered by a plain
# synchronous Jinja environment and handed to the page as Markup: Datasette's environment is
# async (enable_async), which made the 50-result loop cost ~50 ms of a page (bench/web.py).
_FRAGMENTS = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "plugin" / "templates")),
    autoescape=True, auto_reload=False,
)
_FRAGMENTS.globals["highlight"] = highlight


def fragment(name: str, **context: Any) -> Markup:
    """Render ``plugin/templates/_newsmon_<name>.html`` synchronously (see _FRAGMENTS)."""
    return Markup(_FRAGMENTS.get_template(f"_newsmon_{name}.html").render(**context))


class _BadRequest(Exception):
    pass


def _date(value: Optional[str], name: str, *, end: bool = False) -> Optional[datetime]:
    if not value:
        return None
    try:
        return parse_user_date(value, name, end_of_day=end)
    except Exception:  # click.BadParameter: the same rule as the CLI, a message for the page
        raise _BadRequest(f"{name} {value!r} is not a date like 2023-04-05 or 2023-04-05T08:00+08:00.") from None


def _search_args(request: Request) -> dict[str, Any]:
    args = request.args
    sort = args.get("sort") or "newest"
    if sort not in ("newest", "relevance"):
        raise _BadRequest(f"sort {sort!r} is not newest or relevance.")
    try:
        limit = min(max(int(args.get("limit") or PAGE_SIZE), 1), MAX_RESULTS)
    except ValueError:
        raise _BadRequest(f"limit {args.get('limit')!r} is not a number.") from None
    return {
        "limit": limit,
        "q": (args.get("q") or "").strip(),
        "site": args.get("site") or "",
        "since": args.get("since") or "",
        "until": args.get("until") or "",
        "sort": sort,
        **_facts_args(request),
    }


def _facts_args(request: Request) -> dict[str, Any]:
    """``stage``, ``place``, ``industry`` (each repeatable) and ``min_amount`` (``10亿``), as the CLI's options."""
    args = request.args
    stages = tuple(v for v in args.getlist("stage") if v)
    for stage in stages:
        if stage not in STAGES:
            raise _BadRequest(f"stage {stage!r} is not one of {', '.join(STAGES)}.")
    min_amount = (args.get("min_amount") or "").strip()
    try:
        amount = parse_amount(min_amount) if min_amount else None
    except ValueError as exc:
        raise _BadRequest(f"min_amount: {exc}.") from None
    places = tuple(v.strip() for v in args.getlist("place") if v.strip())
    try:
        chosen = place_filter(places)
        # How a name several divisions have was read (朝阳: 辽宁's city, not 北京's district), as the CLI says on stderr.
        place_notes = [note for value in places for reading in place_readings(value) if (note := reading_note(reading))]
    except ValueError as exc:
        raise _BadRequest(f"place: {exc}.") from None
    industries = tuple(v.strip() for v in args.getlist("industry") if v.strip())
    try:
        check_industries(industries)
    except ValueError as exc:
        raise _BadRequest(f"industry: {exc}.") from None
    return {"stages": stages, "places": places, "industries": industries, "min_amount": min_amount,
            "place_notes": place_notes, "facts": FactsFilter(min_amount=amount, stages=stages, places=chosen, industries=industries)}


def _facts_pairs(a: dict[str, Any]) -> list[tuple[str, str]]:
    """The facts filters of ``a`` as query-string pairs (repeated keys kept)."""
    pairs = [("stage", v) for v in a["stages"]] + [("place", v) for v in a["places"]]
    pairs += [("industry", v) for v in a["industries"]]
    return pairs + ([("min_amount", a["min_amount"])] if a["min_amount"] else [])


def _url(path: str, pairs: list[tuple[str, str]]) -> str:
    kept = [(k, v) for k, v in pairs if v]
    return path + (("?" + urlencode(kept)) if kept else "")


def _find(db: sqlite_utils.Database, a: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = search_articles(
        db, a["q"] or None, site=a["site"] or None, since=_date(a["since"], "since"),
        until=_date(a["until"], "until", end=True), limit=limit, sort=a["sort"], facts=a["facts"] or None,
    )
    return rows


def _facets(db: sqlite_utils.Database, a: dict[str, Any]) -> dict[str, list[tuple[str, int]]]:
    """Stage, city and industry counts over the newest FACET_WINDOW matches of the search."""
    if not has_facts_table(db):
        return {}
    ids = list(islice(iter_matching_ids(db, a["q"] or None, site=a["site"] or None, since=_date(a["since"], "since"),
                                        until=_date(a["until"], "until", end=True), facts=a["facts"] or None,
                                        max_examined=MAX_EXAMINED), FACET_WINDOW))
    return facet_counts(db, ids)


def _facet_links(a: dict[str, Any], counts: dict[str, list[tuple[str, int]]]) -> dict[str, Any]:
    """Each facet value with the search URL that adds it; each active filter with the URL that drops it."""
    base = [("q", a["q"]), ("site", a["site"]), ("since", a["since"]), ("until", a["until"]),
            ("sort", "" if a["sort"] == "newest" else a["sort"])]
    current = _facts_pairs(a)
    param = {"stage": "stage", "city": "place", "industry": "industry"}
    def toggle(pair: tuple[str, str]) -> str:  # an active value's link removes it, another adds it
        return _url("/search", base + ([p for p in current if p != pair] if pair in current else current + [pair]))

    facets = {
        name: [{"value": value, "count": n, "active": (param[name], value) in current,
                "href": toggle((param[name], value))} for value, n in values]
        for name, values in counts.items()
    }
    active = [{"label": f"{key} {value}", "href": _url("/search", base + [p for p in current if p != (key, value)])}
              for key, value in current]
    return {"facets": facets, "active_filters": active}


def _site_names(db: sqlite_utils.Database, datasette: Datasette) -> list[str]:
    config = config_of(datasette)
    if config is not None:
        return [s.name for s in config.sites]
    names: list[str] = known_sites(db)
    return names


def _query_string(**params: str) -> str:
    kept = {k: v for k, v in params.items() if v}
    return ("?" + urlencode(kept)) if kept else ""


async def _render(datasette: Datasette, request: Request, template: str, context: dict[str, Any], *,
                  status: int = 200) -> Response:
    html = await datasette.render_template(template, {"highlight": highlight, **context}, request=request)
    return Response.html(html, status=status)


async def _error(datasette: Datasette, request: Request, message: str, status: int) -> Response:
    return await _render(datasette, request, "newsmon_error.html", {"message": message, "title": "Error"},
                         status=status)


async def search_page(datasette: Datasette, request: Request) -> Response:
    """``/`` and ``/search``: newsmon search, newest first; no query lists the latest stories."""
    try:
        a = _search_args(request)
    except _BadRequest as exc:
        return await _error(datasette, request, str(exc), 400)

    def work(db: sqlite_utils.Database) -> dict[str, Any]:
        return {"rows": _find(db, a, a["limit"]), "sites": _site_names(db, datasette), "facets": _facets(db, a),
                "unread": unread_facts_note(db) if a["facts"] else ""}

    error = None
    try:
        found = await run_read(datasette, work)
    except (_BadRequest, NewsmonError) as exc:
        error, found = str(exc), {"rows": [], "sites": [], "facets": {}, "unread": ""}
    feed_query = _url("", [("q", a["q"]), ("site", a["site"]), *_facts_pairs(a)])
    return await _render(datasette, request, "newsmon_search.html", {
        **a, "sites": found["sites"], "rows": found["rows"], "error": error, "unread_note": found["unread"],
        **_facet_links(a, found["facets"]), "facet_window": FACET_WINDOW,
        "results_html": fragment("results", rows=found["rows"]),
        "more": (_url("/search", [("q", a["q"]), ("site", a["site"]), ("since", a["since"]), ("until", a["until"]),
                                  ("sort", a["sort"]), *_facts_pairs(a),
                                  ("limit", str(min(a["limit"] + PAGE_SIZE, MAX_RESULTS)))])
                 if len(found["rows"]) == a["limit"] < MAX_RESULTS else None),
        "title": f"{a['q']} – newsmon search" if a["q"] else "Latest stories – newsmon",
        "feed_atom": f"/feeds/search.atom{feed_query}", "feed_rss": f"/feeds/search.rss{feed_query}",
    }, status=400 if error else 200)


async def story_page(datasette: Datasette, request: Request) -> Response:
    """``/story/ID``: the clean story, every place it was seen, the alert rules it matched."""
    article_id = int(request.url_vars["id"])
    try:
        story = await run_read(datasette, lambda db: article_detail(db, article_id))
    except NotFoundError as exc:
        return await _error(datasette, request, str(exc), 404)
    story["paragraphs"] = [p for p in (story.get("body") or "").split("\n") if p.strip()]
    story["investment_line"] = investment_line(story.get("investment"))
    rules = _matched_rules(datasette, story)
    name = newsmon_database(datasette).name
    return await _render(datasette, request, "newsmon_story.html", {
        "story": story, "title": story["title"],
        "story_html": fragment("story", story=story, rules=rules, newsmon_database=name),
        "feed_atom": f"/feeds/sites/{quote(story['site'])}.atom",
        "feed_rss": f"/feeds/sites/{quote(story['site'])}.rss",
    })


def _matched_rules(datasette: Datasette, story: dict[str, Any]) -> list[dict[str, Any]]:
    """The alert rules the story matches now (config.yaml's rules, the alerts matcher) and those
    that recorded a delivery for it, each with its deliveries."""
    by_rule: dict[str, dict[str, Any]] = {}
    config = config_of(datasette)
    if config is not None:
        for match in _matcher(config).match(story["title"], story.get("body") or "", story["site"],
                                            investment=story.get("investment")):  # (fact rules need the facts)
            by_rule[match.rule.name] = {"rule": match.rule.name, "matched": list(match.matched), "deliveries": []}
    for delivery in story["alerts"]:
        entry = by_rule.setdefault(delivery["rule"], {"rule": delivery["rule"], "matched": delivery["matched"],
                                                      "deliveries": []})
        entry["deliveries"].append(delivery)
    return list(by_rule.values())


_MATCHERS: dict[int, tuple[Config, Matcher]] = {}  # compiled once per config (Config is not hashable)


def _matcher(config: Config) -> Matcher:
    cached = _MATCHERS.get(id(config))
    if cached is None or cached[0] is not config:
        cached = _MATCHERS[id(config)] = (config, Matcher(compile_rules(config.alerts)[0]))
    return cached[1]


def _health(db: sqlite_utils.Database, datasette: Datasette) -> list[dict[str, Any]]:
    config = config_of(datasette)
    if config is not None:
        from newsmon.scheduler.sites import site_statuses

        return [h.to_dict() for h in site_statuses(config)]
    names = _site_names(db, datasette)
    return [h.to_dict() for h in site_health(db, names)]


async def sites_page(datasette: Datasette, request: Request) -> Response:
    """``/sites``: each site's health and its latest crawl runs."""
    def work(db: sqlite_utils.Database) -> dict[str, Any]:
        return {"sites": _health(db, datasette), "runs": crawl_runs(db, limit=30)}

    found = await run_read(datasette, work)
    return await _render(datasette, request, "newsmon_sites.html", {
        **found, "runs_html": fragment("runs", runs=found["runs"]), "title": "Sites – newsmon"})


async def site_page(datasette: Datasette, request: Request) -> Response:
    """``/sites/NAME``: one site's health, crawl runs and latest stories."""
    name = request.url_vars["name"]

    def work(db: sqlite_utils.Database) -> dict[str, Any]:
        health = [h for h in _health(db, datasette) if h["name"] == name]
        if not health:
            health = [h.to_dict() for h in site_health(db, [name])]
        runs = crawl_runs(db, site=name, limit=30)
        if not runs and not health[0]["articles"]:
            raise NotFoundError(f"There is no site named {name!r} in the config or the database.")
        stories = search_articles(db, None, site=name, limit=10)
        return {"site": health[0], "runs": runs, "stories": stories}

    try:
        found = await run_read(datasette, work)
    except NewsmonError as exc:
        return await _error(datasette, request, str(exc), 404)
    return await _render(datasette, request, "newsmon_site.html", {
        **found, "runs_html": fragment("runs", runs=found["runs"]), "title": f"{name} – newsmon",
        "feed_atom": f"/feeds/sites/{quote(name)}.atom", "feed_rss": f"/feeds/sites/{quote(name)}.rss",
    })


async def alerts_page(datasette: Datasette, request: Request) -> Response:
    """``/alerts``: the rules from config.yaml and the delivery log (sent, waiting, failed and why)."""
    config = config_of(datasette)
    rules: list[dict[str, Any]] = []
    channels: list[dict[str, Any]] = []
    if config is not None:
        from newsmon.alerts.review import channel_table, rule_table

        rules, channels = rule_table(config), channel_table(config)
    status = request.args.get("status") or None

    def work(db: sqlite_utils.Database) -> dict[str, Any]:
        if "alert_deliveries" not in db.table_names():
            return {"log": [], "counts": {}}
        return {"log": list_deliveries(db, status=status, limit=100), "counts": outbox_counts(db)}

    found = await run_read(datasette, work)
    return await _render(datasette, request, "newsmon_alerts.html", {
        **found, "log_html": fragment("log", log=found["log"], status=status), "rules": rules, "channels": channels, "has_config": config is not None, "status": status,
        "title": "Alerts – newsmon",
    })


async def projects_page(datasette: Datasette, request: Request) -> Response:
    """``/projects``: the investment pipeline (announced yuan by place per month) and the project table."""
    try:
        a = _facts_args(request)
        since, until = request.args.get("since") or "", request.args.get("until") or ""
        since_dt, until_dt = _date(since, "since"), _date(until, "until", end=True)
        kind = request.args.get("kind") or "all"
        if kind not in KINDS:
            raise _BadRequest(f"kind {kind!r} is not one of {', '.join(KINDS)}.")
    except _BadRequest as exc:
        return await _error(datasette, request, str(exc), 400)
    since_utc = iso_utc(since_dt) if since_dt else None
    until_utc = iso_utc(until_dt) if until_dt else None

    def work(db: sqlite_utils.Database) -> dict[str, Any]:
        if not has_facts_table(db):
            raise NotFoundError("This database has no investment facts yet: `newsmon reextract --facts` computes them.")
        return {
            "pipeline": pipeline(db, a["facts"], since_utc=since_utc, until_utc=until_utc, kinds=KINDS[kind]),
            # The table follows the chart's kind (a stage-only story is no roundup).
            "projects": list_projects(db, a["facts"], since_utc=since_utc, until_utc=until_utc, limit=PROJECT_ROWS,
                                      roundups={"all": None, "project": False, "roundup": True}[kind]),
            "unread": unread_facts_note(db),
        }

    try:
        found = await run_read(datasette, work)
    except NewsmonError as exc:
        return await _error(datasette, request, str(exc), 404)
    for row in found["projects"]:
        row["amount_label"] = row["amount_text"] or ""
    total = sum(r["amount_cny"] for r in found["pipeline"])
    return await _render(datasette, request, "newsmon_projects.html", {
        **a, "since": since, "until": until, "kind": kind, "kinds": list(KINDS), "stage_choices": STAGES,
        "chart": pipeline_svg(found["pipeline"]), "pipeline": found["pipeline"], "projects": found["projects"],
        "total": format_yuan(total) if found["pipeline"] else "", "format_yuan": format_yuan,
        "row_limit": PROJECT_ROWS, "title": "Investment projects – newsmon", "unread_note": found["unread"],
    })


# -- feeds ---------------------------------------------------------------------------------


def _feed_response(datasette: Datasette, request: Request, fmt: str, info: FeedInfo, stories: list[dict[str, Any]]) -> Response:
    out = io.StringIO()
    write_feed(out, fmt, info, stories,
               story_page=lambda s: datasette.absolute_url(request, f"/story/{s['id']}"))
    return Response(out.getvalue(), content_type=f"{FEED_TYPES[fmt]}; charset=utf-8")


def _feed_info(datasette: Datasette, request: Request, title: str, feed_path: str, page_path: str) -> FeedInfo:
    return FeedInfo(
        title=title, id=f"urn:newsmon:feed:{feed_path.rsplit('.', 1)[0]}",
        self_url=datasette.absolute_url(request, request.path + (f"?{request.query_string}" if request.query_string
                                                                 else "")),
        html_url=datasette.absolute_url(request, page_path),
    )


async def _stories(datasette: Datasette, find: Callable[[sqlite_utils.Database], Iterable[dict[str, Any]]]) -> list[dict[str, Any]]:
    def work(db: sqlite_utils.Database) -> list[dict[str, Any]]:
        return list(articles_by_ids(db, [row["id"] for row in find(db)]))

    return await run_read(datasette, work)


async def search_feed(datasette: Datasette, request: Request) -> Response:
    """``/feeds/search.atom?q=…`` (or ``.rss``): the newest 50 stories of a search."""
    fmt = request.url_vars["format"]
    try:
        a = _search_args(request)
        stories = await _stories(datasette, lambda db: _find(db, {**a, "sort": "newest"}, FEED_ENTRIES))
    except (_BadRequest, NewsmonError) as exc:
        return Response.text(f"{exc}\n", status=400)
    query = _url("", [("q", a["q"]), ("site", a["site"]), *_facts_pairs(a)])
    what = " ".join(x for x in (a["q"], f"site:{a['site']}" if a["site"] else "",
                                *(f"{k}:{v}" for k, v in _facts_pairs(a))) if x) or "latest stories"
    info = _feed_info(datasette, request, f"newsmon: {what}", f"search{query}", f"/search{query}")
    return _feed_response(datasette, request, fmt, info, stories)


async def site_feed(datasette: Datasette, request: Request) -> Response:
    """``/feeds/sites/NAME.atom``: a site's newest 50 stories."""
    name, fmt = request.url_vars["name"], request.url_vars["format"]
    try:
        stories = await _stories(datasette, lambda db: search_articles(db, None, site=name, limit=FEED_ENTRIES))
    except NewsmonError as exc:
        return Response.text(f"{exc}\n", status=404)
    info = _feed_info(datasette, request, f"newsmon: {name}", f"sites/{name}", f"/sites/{quote(name)}")
    return _feed_response(datasette, request, fmt, info, stories)


async def rule_feed(datasette: Datasette, request: Request) -> Response:
    """``/feeds/rules/NAME.atom``: the newest 50 stories an alert rule matches (its query and sites)."""
    name, fmt = request.url_vars["name"], request.url_vars["format"]
    config = config_of(datasette)
    rule = config.alerts.rule(name) if config is not None else None
    if rule is None:
        return Response.text(f"There is no alert rule named {name!r} in the config.\n", status=404)

    def find(db: sqlite_utils.Database) -> list[dict[str, Any]]:
        sites = None
        if rule.sites:  # names or globs, as the alert matcher reads them
            sites = [s for s in known_sites(db) if any(fnmatch.fnmatchcase(s, p) for p in rule.sites)]
            if not sites:
                return []
        rows: list[dict[str, Any]] = search_articles(db, rule.query, site=sites, limit=FEED_ENTRIES,
                                                     facts=rule_facts_filter(rule))
        return rows

    try:
        stories = await _stories(datasette, find)
    except NewsmonError as exc:
        return Response.text(f"{exc}\n", status=400)
    info = _feed_info(datasette, request, f"newsmon alert rule {name}: {rule.query}", f"rules/{name}",
                      "/search" + _query_string(q=rule.query or ""))
    return _feed_response(datasette, request, fmt, info, stories)


_NAME = r"[^/]+?"
ROUTES = [
    (r"^/$", search_page),
    (r"^/search$", search_page),
    (r"^/story/(?P<id>\d{1,18})$", story_page),
    (r"^/sites$", sites_page),
    (rf"^/sites/(?P<name>{_NAME})$", site_page),
    (r"^/alerts$", alerts_page),
    (r"^/projects$", projects_page),
    (r"^/feeds/search\.(?P<format>atom|rss)$", search_feed),
    (rf"^/feeds/sites/(?P<name>{_NAME})\.(?P<format>atom|rss)$", site_feed),
    (rf"^/feeds/rules/(?P<name>{_NAME})\.(?P<format>atom|rss)$", rule_feed),
]
