"""Investment facts per story (``article_facts``): stored, queried, listed as projects.

The facts themselves are computed outside ``db/`` (``newsmon.facts``); this module stores
the plain values it is handed and answers the queries that use them (``--min-amount``,
``--stage``, ``--place``, ``newsmon projects``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Sequence

import sqlite_utils

from newsmon.clock import utc_now

from .handle import Handle, PgDatabase, pg_execute

__all__ = ["FactsFilter", "ensure_facts_schema", "facet_counts", "facts_by_ids", "facts_record_of", "get_facts",
           "has_facts_table", "iter_articles_for_facts", "list_projects", "pipeline", "save_facts", "source_sites",
           "unread_among_newest"]

FACETS = ("stage", "city", "industry")


def ensure_facts_schema(db: sqlite_utils.Database) -> None:
    """Create ``article_facts`` and its indexes if missing."""
    if "article_facts" in db.table_names():
        return
    table = db.table("article_facts")
    # atomic, not `with db.conn:`: that commits the caller's transaction, ensure_schema's write lock (db/schema.py).
    with db.atomic():
        table.create(
            {
                "article_id": int,
                "amount": float,  # in units of currency
                "currency": str,  # ISO 4217
                "amount_cny": float,  # approximate yuan, for comparisons across currencies
                "amount_text": str,  # as written: 41亿元
                "kind": str,  # project | roundup
                "stage": str,  # 洽谈 签约 备案 核准 评审 招标 开工 投产 竣工
                "province": str,  # the first place's hierarchy, for filtering and faceting
                "city": str,
                "county": str,
                "places": str,  # JSON list of {province, city, county}
                "industry": str,  # JSON list of tags
                "project": str,
                "version": int,  # extractor version (newsmon.facts.FACTS_VERSION)
                "extracted_at": str,
            },
            pk="article_id",
            foreign_keys=[("article_id", "articles", "id")],
        )
        for column in ("amount_cny", "stage", "city", "province"):
            table.create_index([column])


_FACT_COLUMNS = ("article_id", "amount", "currency", "amount_cny", "amount_text", "kind", "stage", "province", "city",
                 "county", "places", "industry", "project", "version", "extracted_at")


def save_facts(db: Handle, article_id: int, facts: dict[str, Any], *, version: int) -> None:
    """Store (or replace) the facts of one story: the ``investment`` dict plus ``amount_cny``."""
    places = facts.get("places") or []
    first = places[0] if places else {}
    if isinstance(db, PgDatabase):
        with db.connection() as conn:
            conn.execute(
                f"INSERT INTO article_facts ({', '.join(_FACT_COLUMNS)}) VALUES ({', '.join(['%s'] * 15)})"
                " ON CONFLICT (article_id) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in _FACT_COLUMNS[1:]),
                _fact_values(article_id, facts, places, first, version))
        return
    db.execute(
        "INSERT OR REPLACE INTO article_facts (article_id, amount, currency, amount_cny, amount_text, kind, stage,"
        " province, city, county, places, industry, project, version, extracted_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _fact_values(article_id, facts, places, first, version),
    )


def _fact_values(article_id: int, facts: dict[str, Any], places: list[Any], first: dict[str, Any],
                 version: int) -> tuple[Any, ...]:
    return (article_id, facts.get("amount"), facts.get("currency"), facts.get("amount_cny"), facts.get("amount_text"),
         facts.get("kind"), facts.get("stage"), first.get("province"), first.get("city"), first.get("county"),
         json.dumps(places, ensure_ascii=False), json.dumps(facts.get("industry") or [], ensure_ascii=False),
         facts.get("project"), version, utc_now())


def _as_investment(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "amount": row["amount"],
        "currency": row["currency"],
        "amount_cny": row["amount_cny"],
        "amount_text": row["amount_text"],
        "kind": row["kind"],
        "stage": row["stage"],
        "places": json.loads(row["places"] or "[]"),
        "industry": json.loads(row["industry"] or "[]"),
        "project": row["project"],
    }


def has_facts_table(db: Handle) -> bool:
    """False for a database made before facts existed and opened read-only (not migrated)."""
    if isinstance(db, PgDatabase):
        return True  # created by the baseline migration
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_facts'").fetchone() is not None


def get_facts(db: Handle, article_id: int) -> Optional[dict[str, Any]]:
    """The story's ``investment`` object, or None when its facts were never extracted."""
    return facts_by_ids(db, [article_id]).get(article_id)


def facts_record_of(db: Handle, article_id: int, *, for_update: bool = False) -> Optional[dict[str, Any]]:
    """The story's facts as stored (``save_facts``' dict: the ``investment`` object, ``amount_cny`` and ``version``), or
    None when its facts were never extracted. ``for_update``: the row is to be written back in this transaction; on
    PostgreSQL it is locked meanwhile (a site's place marking it stale then waits, and its mark is not lost)."""
    for row in _fact_rows(db, [article_id], for_update=for_update):
        return {**_as_investment(row), "version": int(row["version"] or 0)}
    return None


def facts_by_ids(db: Handle, article_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The ``investment`` objects of the stories among ``article_ids`` whose facts were extracted, by id (one query:
    a search's or an export's batch of stories)."""
    return {int(row["article_id"]): _as_investment(row) for row in _fact_rows(db, article_ids)}


def _fact_rows(db: Handle, article_ids: Sequence[int], *, for_update: bool = False) -> list[dict[str, Any]]:
    """The ``article_facts`` rows of ``article_ids`` as dicts (none for a read-only file made before facts existed);
    ``for_update``: locked on PostgreSQL (SQLite's write transaction holds the file)."""
    if not article_ids:
        return []
    columns = ", ".join(_FACT_COLUMNS)
    if isinstance(db, PgDatabase):
        with db.connection() as conn:
            rows = conn.execute(f"SELECT {columns} FROM article_facts WHERE article_id = ANY(%s)"
                                + (" FOR UPDATE" if for_update else ""), [[int(i) for i in article_ids]]).fetchall()
    elif not has_facts_table(db):
        return []
    else:
        # One JSON parameter instead of one placeholder per id: no limit on how many ids are passed.
        rows = db.execute(f"SELECT {columns} FROM article_facts WHERE article_id IN (SELECT value FROM json_each(?))",
                          [json.dumps([int(i) for i in article_ids])]).fetchall()
    return [dict(zip(_FACT_COLUMNS, row)) for row in rows]


@dataclass(frozen=True)
class FactsFilter:
    """Conditions on a story's investment facts (``--min-amount``, ``--stage``, ``--place``, ``--industry``).

    ``places``: ``(province, city, county)`` triples (``newsmon.facts.parse_place``; "" for any), matched against the
    story's first place, where its project is (a city's triple finds the city and its counties; a story that names
    大连 only as its investors' home is not 大连's); ``industries`` match any tag; ``min_amount`` is in yuan.
    """

    min_amount: Optional[float] = None
    stages: tuple[str, ...] = ()
    places: tuple[tuple[str, str, str], ...] = ()
    industries: tuple[str, ...] = ()

    def _place_sql(self, alias: str, mark: str) -> tuple[str, list[Any]]:
        parts, params = [], []
        for province, city, county in self.places:  # (as :meth:`matches`: a level left empty is any)
            levels = [(column, value) for column, value in (("province", province), ("city", city), ("county", county))
                      if value or column == "province"]
            parts.append("(" + " AND ".join(f"{alias}.{column} = {mark}" for column, _ in levels) + ")")
            params += [value for _, value in levels]
        return "(" + " OR ".join(parts) + ")", params

    def __bool__(self) -> bool:
        return self.min_amount is not None or bool(self.stages or self.places or self.industries)

    def terms(self) -> list[str]:
        """The conditions as ``key:value`` words (a filtered feed's title and id): ``stage:签约``, ``place:辽宁省大连市``,
        ``industry:新能源``, ``min_amount:1000000000``."""
        return ([f"min_amount:{self.min_amount:.0f}"] if self.min_amount is not None else []) \
            + [f"stage:{stage}" for stage in self.stages] \
            + ["place:" + "".join(dict.fromkeys(level for level in place if level)) for place in self.places] \
            + [f"industry:{tag}" for tag in self.industries]

    def sql(self, alias: str = "f") -> tuple[str, list[Any]]:
        """A WHERE fragment over ``article_facts AS alias`` and its parameters (``"1"`` when empty)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.min_amount is not None:
            clauses.append(f"{alias}.amount_cny >= ?")
            params.append(self.min_amount)
        if self.stages:
            clauses.append(f"{alias}.stage IN ({', '.join('?' for _ in self.stages)})")
            params.extend(self.stages)
        if self.places:
            where, values = self._place_sql(alias, "?")
            clauses.append(where)
            params.extend(values)
        if self.industries:
            clauses.append(f"EXISTS (SELECT 1 FROM json_each({alias}.industry) i WHERE i.value IN "
                           f"({', '.join('?' for _ in self.industries)}))")
            params.extend(self.industries)
        return (" AND ".join(clauses) or "1"), params

    def pg_sql(self, alias: str = "f") -> tuple[str, list[Any]]:
        """:meth:`sql` in PostgreSQL's dialect (``places``/``industry`` are JSON text there too)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.min_amount is not None:
            clauses.append(f"{alias}.amount_cny >= %s")
            params.append(self.min_amount)
        if self.stages:
            clauses.append(f"{alias}.stage = ANY(%s)")
            params.append(list(self.stages))
        if self.places:
            where, values = self._place_sql(alias, "%s")
            clauses.append(where)
            params.extend(values)
        if self.industries:
            clauses.append(f"EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce({alias}.industry, '[]')::jsonb) i"
                           " WHERE i = ANY(%s))")
            params.append(list(self.industries))
        return (" AND ".join(clauses) or "true"), params

    def matches(self, investment: Optional[dict[str, Any]]) -> bool:
        """The same conditions as :meth:`sql`, on a story's ``investment`` object (alert rules)."""
        if not self:
            return True
        if investment is None:
            return False
        if self.min_amount is not None:
            cny = investment.get("amount_cny")
            if cny is None or cny < self.min_amount:
                return False
        if self.stages and investment.get("stage") not in self.stages:
            return False
        if self.places:
            first = (investment.get("places") or [{}])[0]
            at = (first.get("province", ""), first.get("city", ""), first.get("county", ""))
            if not any(at[0] == province and city in ("", at[1]) and county in ("", at[2])
                       for province, city, county in self.places):
                return False
        if self.industries and not set(self.industries) & set(investment.get("industry") or []):
            return False
        return True

    def reasons(self, investment: Optional[dict[str, Any]]) -> list[str]:
        """What of ``investment`` each condition was met by (an alert's ``matched`` for its fact keys): the stage, the
        amount as written, the place, the industries asked for (``["签约", "20亿元", "大连市瓦房店市", "新能源"]``)."""
        if not self or investment is None:
            return []
        out = []
        if self.stages and investment.get("stage"):
            out.append(str(investment["stage"]))
        if self.min_amount is not None and investment.get("amount") is not None:
            out.append(str(investment.get("amount_text") or investment["amount"]))
        if self.places and investment.get("places"):
            first = investment["places"][0]
            out.append("".join(dict.fromkeys(first.get(level, "") for level in ("province", "city", "county"))))
        out += [tag for tag in investment.get("industry") or [] if tag in self.industries]
        return out

    def exists_sql(self, article_alias: str) -> tuple[str, list[Any]]:
        """``EXISTS (…)``: the story ``article_alias.id`` has facts meeting the conditions."""
        where, params = self.sql("af")
        return (f"EXISTS (SELECT 1 FROM article_facts af WHERE af.article_id = {article_alias}.id AND {where})",
                params)


def _date_range(since_utc: Optional[str], until_utc: Optional[str], mark: str = "?") -> tuple[str, list[Any]]:
    """`` AND a.published_utc >= ? …`` for the dates given (stored UTC strings compare in time order); ``mark`` is the
    placeholder (``?`` SQLite, ``%s`` PostgreSQL)."""
    sql, params = "", []
    for op, moment in ((">=", since_utc), ("<=", until_utc)):
        if moment:
            sql += f" AND a.published_utc {op} {mark}"
            params.append(moment)
    return sql, params


def list_projects(db: Handle, facts: FactsFilter = FactsFilter(), *,
                  since_utc: Optional[str] = None, until_utc: Optional[str] = None,
                  limit: Optional[int] = 100, roundups: Optional[bool] = None) -> list[dict[str, Any]]:
    """Stories with investment facts (an amount or a stage), newest first, as project rows; ``roundups``: True for
    roundups only (``kind`` roundup), False for every other story, None for all."""
    if not has_facts_table(db):
        return []
    postgres = isinstance(db, PgDatabase)
    mark = "%s" if postgres else "?"
    where, params = facts.pg_sql("f") if postgres else facts.sql("f")
    sql = (
        "SELECT a.id AS article_id, a.published_at, a.site, a.title, a.url, f.* FROM article_facts f"
        " JOIN articles a ON a.id = f.article_id"
        f" WHERE (f.amount IS NOT NULL OR f.stage IS NOT NULL) AND {where}"
    )
    if roundups is not None:
        sql += " AND f.kind = 'roundup'" if roundups else " AND (f.kind IS NULL OR f.kind <> 'roundup')"
    dates, date_params = _date_range(since_utc, until_utc, mark)
    sql += dates
    params.extend(date_params)
    # NULLs last as in SQLite's DESC (PostgreSQL puts them first).
    sql += " ORDER BY a.published_utc DESC" + (" NULLS LAST" if postgres else "") + ", a.id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    if isinstance(db, PgDatabase):
        from psycopg.rows import dict_row  # psycopg is imported for PostgreSQL databases only

        with db.connection() as conn:
            rows: list[dict[str, Any]] = conn.cursor(row_factory=dict_row).execute(sql, params).fetchall()
    else:
        rows = list(db.query(sql, params))
    return [{"id": row["article_id"], "published_at": row["published_at"], **fact_columns(_as_investment(row)),
             "title": row["title"], "site": row["site"], "url": row["url"]} for row in rows]


#: The columns of :func:`fact_columns`, in order (``newsmon projects`` and ``newsmon export --format csv``).
FACT_COLUMNS = ("place", "stage", "amount_text", "amount", "currency", "amount_cny", "kind", "industry", "project")


def fact_columns(investment: Optional[dict[str, Any]]) -> dict[str, Any]:
    """A story's ``investment`` object as flat columns (a table's row): ``place`` is its first place, where its project
    is ("大连市 瓦房店市"), ``amount_cny`` the amount in yuan at CNY_RATES (sums of mixed currencies); all None without
    facts."""
    if investment is None:
        return dict.fromkeys(FACT_COLUMNS)
    place = investment["places"][0] if investment.get("places") else {}
    return {
        "place": " ".join(v for v in (place.get("city") or place.get("province"), place.get("county")) if v),
        **{column: investment.get(column) for column in FACT_COLUMNS[1:]},
    }


def iter_articles_for_facts(db: Handle, *, site: Optional[str] = None, stale_before: Optional[int] = None,
                            batch: int = 500, newest_first: bool = False) -> Iterator[tuple[int, str, str, str, str]]:
    """``(id, title, body, source, site)`` of stored stories, streamed in id order (for ``reextract --facts``), the
    newest first with ``newest_first``; ``site``: the stories seen at that site (stored from it, or carried by it as
    another copy: its place may tell theirs, facts/copies.py).

    ``stale_before``: only stories whose facts are missing or older than that version.
    """
    last = 2 ** 62 if newest_first else 0
    order = " DESC" if newest_first else ""
    while True:
        if site:
            # Walked on article_sources(site, article_id) (migration 9): every story has a source row for each site it
            # was seen at, its primary's included (a story seen at two URLs of one site comes twice, side by side).
            sql = ("SELECT a.id, a.title, a.body, a.source, a.site FROM article_sources s"
                   " JOIN articles a ON a.id = s.article_id LEFT JOIN article_facts f ON f.article_id = a.id"
                   f" WHERE s.site = ? AND s.article_id {'<' if newest_first else '>'} ?")
            params: list[Any] = [site, last]
        else:
            sql = ("SELECT a.id, a.title, a.body, a.source, a.site FROM articles a"
                   " LEFT JOIN article_facts f ON f.article_id = a.id"
                   f" WHERE a.id {'<' if newest_first else '>'} ?")
            params = [last]
        if stale_before is not None:
            sql += " AND (f.version IS NULL OR f.version < ?)"
            params.append(stale_before)
        sql += f" ORDER BY {'s.article_id' if site else 'a.id'}{order} LIMIT {int(batch)}"
        rows = pg_execute(db, sql, params)[1] if isinstance(db, PgDatabase) else db.execute(sql, params).fetchall()
        if not rows:
            return
        for row in rows:
            if int(row[0]) != last:
                yield int(row[0]), row[1] or "", row[2] or "", row[3] or "", row[4] or ""
            last = int(row[0])


def source_sites(db: Handle, article_id: int) -> list[str]:
    """The sites a story was seen at, first seen first, each once (its copies' sites, whose places may tell the
    story's: facts.copies)."""
    sql = "SELECT site, min(first_seen_at) AS first FROM article_sources WHERE article_id = ? GROUP BY site ORDER BY first"
    params = [int(article_id)]
    rows = pg_execute(db, sql, params)[1] if isinstance(db, PgDatabase) else db.execute(sql, params).fetchall()
    return [str(row[0]) for row in rows if row[0]]


def unread_among_newest(db: Handle, version: int, newest: int = 2000) -> int:
    """How many of the ``newest`` stored stories have no facts or facts older than ``version`` (a filter on facts cannot
    find them until ``newsmon reextract --facts --stale`` reads them). Bounded: the newest stories only, by id."""
    sql = (f"SELECT count(*) FROM (SELECT a.id FROM articles a ORDER BY a.id DESC LIMIT {int(newest)}) n"
           " LEFT JOIN article_facts f ON f.article_id = n.id WHERE f.version IS NULL OR f.version < ?")
    if isinstance(db, PgDatabase):
        return int(pg_execute(db, sql, [version])[1][0][0])
    return int(db.execute(sql, [version]).fetchone()[0])


def facet_counts(db: sqlite_utils.Database, article_ids: Sequence[int], *,
                 top: int = 12) -> dict[str, list[tuple[str, int]]]:
    """How many of the given stories fall under each stage, city and industry tag, most first.

    ``article_ids`` is a bounded list (the search page passes the newest matches); a story
    without facts, or without a value for a facet, is not counted under it.
    """
    out: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    if not article_ids or not has_facts_table(db):
        return out
    # One JSON parameter instead of one placeholder per id: no limit on how many ids are passed.
    ids = json.dumps([int(i) for i in article_ids])
    chosen = "f.article_id IN (SELECT value FROM json_each(?))"
    queries = {
        "stage": f"SELECT f.stage AS v, count(*) AS n FROM article_facts f WHERE {chosen} AND f.stage IS NOT NULL"
                 " GROUP BY f.stage",
        "city": f"SELECT coalesce(f.city, f.province) AS v, count(*) AS n FROM article_facts f WHERE {chosen}"
                " AND coalesce(f.city, f.province) IS NOT NULL GROUP BY v",
        "industry": f"SELECT i.value AS v, count(*) AS n FROM article_facts f, json_each(f.industry) i"
                    f" WHERE {chosen} GROUP BY i.value",
    }
    for name, sql in queries.items():
        rows = db.execute(sql + f" ORDER BY n DESC, v LIMIT {int(top)}", [ids]).fetchall()
        out[name] = [(str(v), int(n)) for v, n in rows]
    return out


def pipeline(db: sqlite_utils.Database, facts: FactsFilter = FactsFilter(), *,
             since_utc: Optional[str] = None, until_utc: Optional[str] = None,
             kinds: Sequence[str] = ("project", "roundup")) -> list[dict[str, Any]]:
    """Announced investment by month and place: ``{month, place, amount_cny, stories}`` rows.

    ``month`` is ``yyyy-mm`` of the story's own date as published (local time, so a story of
    1 April in Shanghai counts in April); ``place`` the first place's city, else its province.
    Stories without a date or an amount are left out. ``kinds`` chooses single projects,
    roundups (the total a story about many projects states), or both: a roundup and a story
    about one of its projects both count, so "both" can count a project twice.
    """
    if not has_facts_table(db) or not kinds:
        return []
    where, params = facts.sql("f")
    sql = (
        "SELECT substr(a.published_at, 1, 7) AS month, coalesce(f.city, f.province, '') AS place,"
        " sum(f.amount_cny) AS amount_cny, count(*) AS stories"
        " FROM article_facts f JOIN articles a ON a.id = f.article_id"
        " WHERE f.amount_cny IS NOT NULL AND a.published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
        f" AND f.kind IN ({', '.join('?' for _ in kinds)}) AND {where}"
    )
    params = [*kinds, *params]
    dates, date_params = _date_range(since_utc, until_utc)
    sql += dates
    params.extend(date_params)
    sql += " GROUP BY month, place ORDER BY month, place"
    return [dict(row) for row in db.query(sql, params)]
