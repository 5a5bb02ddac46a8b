"""One query language: the parser, its limits, and search (FTS5) agreeing with alerts (Aho-Corasick)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsmon.alerts import Matcher, compile_rule
from newsmon.alerts_config import RuleConfig
from newsmon.cli import cli
from newsmon.db import Store, count_articles, parse_query, search_articles
from newsmon.errors import NewsmonError, UsageError
from newsmon.query import And, Not, Or, QuerySyntaxError, Regex, Term, canonical_text
from newsmon.query import parse_query as parse_tree


def test_one_tree_for_fields_groups_not_and_regex() -> None:
    root = parse_tree("title:(氪氙 OR 稀有气体) NOT 招聘 /氪.{0,2}氙/").root
    assert isinstance(root, And)
    group, negated, regex = root.children
    assert isinstance(group, Or) and {t.field for t in group.children} == {"title"}  # type: ignore[union-attr]
    assert isinstance(negated, Not) and isinstance(negated.child, Term) and negated.child.norm == "招聘"
    assert isinstance(regex, Regex) and regex.compiled.literals == ("氪", "氙")
    # NOT before the positive term means the same as after it.
    shapes = {frozenset(parse_tree(q).root.children)  # type: ignore[union-attr]
              for q in ("NOT 招聘 氪氙", "氪氙 -招聘", "氪氙 AND NOT 招聘")}
    assert shapes == {frozenset([Term("氪氙", "氪氙", None), Not(Term("招聘", "招聘", None))])}
    assert parse_query("NOT 招聘 氪氙").match == '("氪氙" NOT "招聘")'


def test_regex_is_a_regex_in_search_too(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.add_article(site="a", url="http://127.0.0.1/1", title="t", body="氪和氙", fingerprint="1")
        store.add_article(site="a", url="http://127.0.0.1/2", title="t", body="氪气。还有氙", fingerprint="2")
        # The old search turned the regex into the phrase "氪 0 2 氙": this story matched, 4 did not.
        store.add_article(site="a", url="http://127.0.0.1/3", title="t", body="氪 0 2 氙", fingerprint="3")
        store.add_article(site="a", url="http://127.0.0.1/4", title="t", body="氪2氙", fingerprint="4")
        assert [r["id"] for r in search_articles(store.db, "/氪.{0,2}氙/")] == [4, 1]
        assert parse_query("/氪.{0,2}氙/").match == '("氪" * AND "氙" *)'
        assert count_articles(store.db, "/氪.{0,2}氙/") == 2


def test_unknown_field_lists_the_known_ones() -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_tree("氪氙 foo:稀有气体")
    assert (info.value.position, info.value.message) == (
        4, "There is no field foo:; the known fields are title: and body:.")
    assert isinstance(info.value, UsageError) and isinstance(info.value, NewsmonError)
    parse_tree("12:30 http://example.com")  # not fields


def test_limits_give_a_clear_error_and_repeats_cost_nothing() -> None:
    start = time.perf_counter()
    query = " OR ".join(["项目"] * 10_000)
    assert parse_tree(query).root == Term("项目", "项目", None)
    assert parse_query(query).match == '"项目"'
    assert time.perf_counter() - start < 5  # was minutes (quadratic) before
    with pytest.raises(QuerySyntaxError, match="more than 2,000 distinct terms"):
        parse_tree(" OR ".join(f"词{i}" for i in range(2_001)))
    with pytest.raises(QuerySyntaxError, match="the limit is 100,000"):
        parse_tree("项目 " * 40_000)
    with pytest.raises(QuerySyntaxError, match="more than 50 deep"):
        parse_tree("(" * 60 + "a" + ")" * 60)


def test_slow_regex_is_linear_and_backreferences_are_refused() -> None:
    matcher = Matcher([compile_rule(RuleConfig(name="evil", query="/(a+)+$/")),
                       compile_rule(RuleConfig(name="evil2", query="/(.*a){20}/"))])
    start = time.perf_counter()
    assert [m.rule.name for m in matcher.match("", "a" * 34 + "!")] == ["evil2"]
    assert [m.rule.name for m in matcher.match("", "a" * 50_000 + "!")] == ["evil2"]
    assert matcher.match("", "普通的新闻文本 with one letter " * 5_000) == []  # 19 'a' short of /(.*a){20}/
    assert time.perf_counter() - start < 2  # Python's re: ~20 minutes for the first one
    with pytest.raises(QuerySyntaxError, match="backreferences and lookarounds are not supported"):
        parse_tree(r"/(a)\1/")


def test_canonical_text_is_what_the_index_sees() -> None:
    assert canonical_text("氪氙气体项目 by Air-Liquide！ＡＩ芯片 Café") == "氪氙气体项目 by air liquide ai 芯片 cafe"


# -- search and alerts agree -------------------------------------------------------------------

_CHARS = "氪氙气体ab c-，Ａé"
_WORDS = ["氪", "氙", "氪氙", "气体", "氙气", "ab", "a", "b", "AB", "ab-c", "ＡＢ", "é", "ab 氪", "c氪"]


@st.composite
def _queries(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.integers(0, 6 if depth < 3 else 1))
    if kind == 0:
        word = draw(st.sampled_from(_WORDS))
        return draw(st.sampled_from([word, f'"{word}"', f"title:{word}", f"body:{word}"]))
    if kind == 1:
        return draw(st.sampled_from(["/氪.{0,2}氙/", "/a[bc]/", "title:/^氪/", "/体$/", "/b c/"]))
    left, right = draw(_queries(depth + 1)), draw(_queries(depth + 1))
    if kind == 2:
        return f"{left} {right}"
    if kind == 3:
        return f"{left} OR {right}"
    if kind == 4:
        return f"({left} OR {right})"
    if kind == 5:
        return f"title:({left} OR {right})" if "title:" not in left + right and "body:" not in left + right \
            else f"({left} {right})"
    return f"{left} -{draw(_queries(depth + 1))}" if depth < 2 else f"NOT {right} {left}"


_STORIES = st.lists(st.tuples(st.text(_CHARS, max_size=8), st.text(_CHARS, max_size=20)), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=_queries(), stories=_STORIES)
def test_search_and_alerts_agree(tmp_path_factory: pytest.TempPathFactory, query: str,
                                 stories: list[tuple[str, str]]) -> None:
    """Property: for random queries and stories, `search` over a real SQLite file and the alert matcher agree."""
    try:
        rule = compile_rule(RuleConfig(name="r", query=query))
    except NewsmonError:
        with pytest.raises(QuerySyntaxError):  # the same parser: refused by search too
            parse_query(query)
        assume(False)
        return
    matcher = Matcher([rule])
    with Store(tmp_path_factory.mktemp("agree") / "a.db") as store:
        expected = set()
        for i, (title, body) in enumerate(stories):
            result = store.add_article(site="s", url=f"http://127.0.0.1/{i}", title=title, body=body,
                                       fingerprint=f"f{i}")
            if matcher.match(title, body, "s"):
                expected.add(result.article_id)
        for sort in ("newest", "relevance"):
            found = {row["id"] for row in search_articles(store.db, query, limit=100, sort=sort)}
            assert found == expected, (query, sort, parse_query(query).match)
        assert count_articles(store.db, query) == len(expected)


# -- the command line: exit status 2 and one sentence for every query mistake -------------------

def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text("database: news.db\nsites: []\n", encoding="utf-8")
    with Store(tmp_path / "news.db") as store:
        for i, site in enumerate(["liaoning", "dalian", "liaoning"]):
            store.add_article(site=site, url=f"http://127.0.0.1/{i}", title=f"氪氙新闻{i}", body="稀有气体。",
                              fingerprint=f"f{i}")
    return path


@pytest.mark.parametrize("args, message", [
    (["search", "foo:氪氙"], "Error: Cannot search for 'foo:氪氙': at character 1: There is no field foo:;"
                            " the known fields are title: and body:.\n"),
    (["search", "(氪氙"], "Error: Cannot search for '(氪氙': at character 1: This parenthesis is opened but never"
                         " closed.\n"),
    (["search", "氪氙", "--site", "nowhere"], "Error: There are no stories from site 'nowhere'; the sites with"
                                             " stories are: dalian, liaoning.\n"),
    (["alerts", "test", "(氪氙"], "Error: Alert rule 'query': at character 1 of '(氪氙': This parenthesis is opened"
                                 " but never closed.\n"),
    (["alerts", "add", "x", "foo:氪氙"], "Error: Alert rule 'x': at character 1 of 'foo:氪氙': There is no field"
                                       " foo:; the known fields are title: and body:.\n"),
])
def test_query_mistakes_exit_2_with_one_sentence(config_path: Path, args: list[str], message: str) -> None:
    result = _run(*args, "--config", str(config_path))
    assert (result.exit_code, result.output) == (2, message)


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31T23:00-05:00"])
def test_out_of_range_dates_are_usage_errors(config_path: Path, value: str) -> None:
    result = _run("search", "氪氙", "--since", value, "--config", str(config_path))
    assert result.exit_code == 2
    assert "is out of range" in result.output and "Traceback" not in result.output


def test_search_count_sites_and_listing(config_path: Path) -> None:
    assert _run("search", "氪氙", "--count", "--config", str(config_path)).output == "3\n"
    assert _run("search", "氪氙", "--count", "--site", "dalian", "--config", str(config_path)).output == "1\n"
    out = _run("search", "--site", "dalian", "--site", "liaoning", "--format", "jsonl", "--config",
               str(config_path)).output
    assert [line.count('"id"') for line in out.splitlines()] == [1, 1, 1]  # both sites, no query: newest stories
    out = _run("search", "氪氙", "--count", "--format", "json", "--config", str(config_path)).output
    assert out == '{"count": 3}\n'


# -- alert matching happens outside the story's write transaction ------------------------------

def test_rules_match_before_the_write_transaction_and_dateless_stories_age_from_first_sight(
        tmp_path: Path) -> None:
    import sqlite3
    from datetime import datetime, timedelta, timezone

    from newsmon.alerts import install_alert_hook
    from newsmon.db.outbox import list_deliveries
    from test_alerts_support import make_config

    config = make_config(tmp_path, {"channels": {"ops": {"type": "webhook", "url": "http://127.0.0.1:9/h"}},
                                    "rules": [{"name": "gas", "query": "氪氙"}], "max_age": "2d"})
    with Store(config.database_path) as store:
        install_alert_hook(store, config)
        assert store.new_article_hooks == [] and len(store.match_hooks) == 1
        # While the rule is matched, no write transaction is open: another connection can write.
        seen: list[bool] = []
        matcher_hook = store.match_hooks[0]

        def observing(row: dict) -> object:  # wraps the real hook to look at the database meanwhile
            other = sqlite3.connect(config.database_path, timeout=0)
            other.execute("BEGIN IMMEDIATE")  # fails at once if the store held the write lock
            other.execute("ROLLBACK")
            other.close()
            seen.append(store.db.conn.in_transaction)
            return matcher_hook(row)

        store.match_hooks[0] = observing
        long_ago = (datetime.now(timezone.utc) - timedelta(days=10)).isoformat()
        store.add_article(site="s", url="http://127.0.0.1/old", title="氪氙", body="无日期，十天前首见。",
                          fingerprint="a", fetched_at=long_ago)
        store.add_article(site="s", url="http://127.0.0.1/new", title="氪氙", body="无日期，刚刚首见。",
                          fingerprint="b")
        store.add_article(site="s", url="http://127.0.0.1/new", title="氪氙", body="无日期，刚刚首见。",
                          fingerprint="b")  # the same URL again: no second alert
        assert seen == [False, False, False]
        rows = list_deliveries(store.db)
    assert [(r["rule"], r["article_id"]) for r in rows] == [("gas", 2)]
