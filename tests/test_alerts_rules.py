"""The alert query language and the Aho-Corasick matcher: no database, no network."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmon.alerts import Matcher, RuleError, RuleSyntaxError, compile_rule, parse_rule
from newsmon.alerts_config import AlertsConfig, RuleConfig


def matches(query: str, title: str, body: str = "", site: str = "gov-ln", sites: list[str] | None = None) -> bool:
    matcher = Matcher([compile_rule(RuleConfig(name="r", query=query, sites=sites or []))])
    return bool(matcher.match(title, body, site))


@pytest.mark.parametrize(
    "query, title, body, expected",
    [
        ("氪氙", "氪氙气体项目", "", True),  # Chinese inside text, no spaces needed
        ("氪氙", "", "大连氪氙气体", True),
        ("氪氙", "氪 氙", "", False),
        ("氪氙 OR 稀有气体", "", "稀有气体价格", True),
        ("氪氙 稀有气体", "", "氪氙上涨", False),  # juxtaposition is AND
        ("氪氙 AND 稀有气体", "氪氙", "稀有气体", True),  # title and body together
        ("稀有气体 -招聘", "", "稀有气体公司招聘", False),
        ("稀有气体 NOT 招聘", "", "稀有气体项目", True),
        ("(辽宁 OR 大连) 项目", "", "大连新项目", True),
        ("(辽宁 OR 大连) 项目", "", "沈阳新项目", False),
        ('"Air Liquide"', "", "air   liquide opens", True),  # case and runs of spaces
        ('"Air Liquide"', "", "Air Products Liquide", False),
        ("ai", "", "he said so", False),  # Latin words match whole words
        ("ai", "", "AI芯片", True),  # ... next to Chinese characters too
        ("ai", "", "the AI-chip", True),
        ("ＡＩ", "", "ai", True),  # full-width letters are NFKC-folded
        ("COVID-19", "", "covid-19 cases", True),
        ("title:项目", "", "项目", False),
        ("title:项目", "新项目", "", True),
        ("body:项目", "新项目", "", False),
        ("title:(氪氙 OR 氦)", "氦气", "", True),
        ("/投资\\d+亿元/", "", "总投资12亿元", True),
        ("/投资\\d+亿元/", "", "总投资若干亿元", False),
        ("title:/^辽宁/", "辽宁新闻", "", True),
        ("title:/^辽宁/", "新闻", "辽宁", False),
        ("/Air\\s+Liquide/ -招聘", "", "AIR LIQUIDE", True),  # regexes are case-insensitive
    ],
)
def test_query_semantics(query: str, title: str, body: str, expected: bool) -> None:
    assert matches(query, title, body) is expected


def test_site_filter_with_names_and_globs() -> None:
    assert matches("氪氙", "氪氙", site="gov-ln", sites=["gov-*"])
    assert not matches("氪氙", "氪氙", site="news-dl", sites=["gov-*"])
    assert matches("氪氙", "氪氙", site="news-dl", sites=["gov-*", "news-dl"])


def test_matched_lists_positive_terms_that_hit_in_rule_order() -> None:
    matcher = Matcher([compile_rule(RuleConfig(name="r", query="稀有气体 OR 氪氙 OR 氦 -招聘"))])
    [match] = matcher.match("氪氙与稀有气体", "")
    assert match.matched == ("稀有气体", "氪氙")


@pytest.mark.parametrize(
    "query, position, message",
    [
        ("(氪氙 OR 稀有气体", 1, "This parenthesis is opened but never closed."),
        ("氪氙 OR 稀有气体)", 11, "This closing parenthesis has no opening one."),
        ("氪氙 OR", 4, "OR needs a search term after it."),
        ("OR 氪氙", 1, "OR needs a search term before it."),
        ("/氪[/", 1, "/氪[/ is not a valid regular expression (unterminated character set)."),
        ("氪氙 /abc", 4, "The regular expression started here has no closing /."),
        ('"氪氙', 1, "The quote opened here is never closed."),
        ("", 1, "The query has no search terms."),
        ("()", 1, "These parentheses are empty."),
        ("NOT 招聘", 1, "The query matches stories that contain none of its terms; add a term that must appear."),
        ("氪氙 OR -招聘", 1, "The query matches stories that contain none of its terms; add a term that must appear."),
        ("/.*/", 1, "/.*/ matches an empty string, so it would match every story."),
    ],
)
def test_malformed_queries_name_position_and_reason(query: str, position: int, message: str) -> None:
    with pytest.raises(RuleSyntaxError) as info:
        parse_rule(query)
    assert (info.value.position, info.value.message) == (position, message)


def test_rule_error_names_the_rule_and_others_keep_working() -> None:
    config = AlertsConfig(rules=[RuleConfig(name="bad", query="(a"), RuleConfig(name="good", query="氪氙"),
                                 RuleConfig(name="off", query="氪氙", enabled=False)])
    matcher, errors = Matcher.from_config(config)
    assert [str(e) for e in errors] == [
        "Alert rule 'bad': at character 1 of '(a': This parenthesis is opened but never closed."]
    assert isinstance(errors[0], RuleError)
    assert [m.rule.name for m in matcher.match("氪氙", "")] == ["good"]


def test_regex_only_rules_are_checked_on_every_story_and_others_only_on_hits() -> None:
    rules = [compile_rule(RuleConfig(name="re", query="/\\d+亿元/")),
             compile_rule(RuleConfig(name="mixed", query="项目 /\\d+亿元/"))]
    assert [r.needs_term for r in rules] == [False, True]
    matcher = Matcher(rules)
    assert [m.rule.name for m in matcher.match("", "投资3亿元")] == ["re"]
    assert [m.rule.name for m in matcher.match("", "项目投资3亿元")] == ["re", "mixed"]


def test_many_rules_share_one_automaton() -> None:
    rules = [compile_rule(RuleConfig(name=f"r{i}", query=f"词{i:04d} OR 共同")) for i in range(2000)]
    matcher = Matcher(rules)
    assert [m.rule.name for m in matcher.match("", "今天的词0042出现了")] == ["r42"]
    assert len(matcher.match("共同", "")) == 2000


_WORDS = st.sampled_from(["氪氙", "稀有气体", "辽宁", "大连", "项目", "招聘", "air", "liquide", "neon"])


@st.composite
def _queries(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.integers(0, 4 if depth < 3 else 0))
    if kind == 0:
        word = draw(_WORDS)
        return draw(st.sampled_from([word, f'"{word}"', f"title:{word}"]))
    left, right = draw(_queries(depth + 1)), draw(_queries(depth + 1))
    if kind == 1:
        return f"{left} {right}"
    if kind == 2:
        return f"{left} OR {right}"
    if kind == 3:
        return f"({left} OR {right})"
    return f"{left} -{draw(_WORDS)}"


def _reference(query: str, title: str, body: str) -> bool:
    """A slow, obviously-correct evaluator: Python eval over substring tests."""
    def term(match: re.Match[str]) -> str:
        field, word = match.group(1), match.group(2)
        texts = [title] if field else [title, body]
        return repr(any(word in t.lower() for t in texts))

    expr = query.replace("(", " ( ").replace(")", " ) ")
    expr = re.sub(r'(title:)?"?([a-z]+|[\u4e00-\u9fff]+)"?', term, expr)
    expr = re.sub(r"-(True|False)", r"and not \1", expr)
    expr = expr.replace("OR", " or ")
    expr = re.sub(r"(True|False|\))\s+(?=True|False|\()", r"\1 and ", expr)
    return bool(eval(expr))  # noqa: S307 - our own generated expression


@settings(max_examples=200, deadline=None)
@given(_queries(), st.lists(_WORDS, max_size=4), st.lists(_WORDS, max_size=6))
def test_matcher_agrees_with_a_naive_evaluator(query: str, title_words: list[str], body_words: list[str]) -> None:
    # Words separated by Chinese punctuation, so Latin-word boundaries never differ from substring tests.
    title, body = "，".join(title_words), "。".join(body_words)
    assert matches(query, title, body) is _reference(query, title, body)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parser_never_crashes(query: str) -> None:
    try:
        parse_rule(query)
    except RuleSyntaxError as exc:
        assert 1 <= exc.position <= len(query) + 1
        assert exc.message.endswith(".")
