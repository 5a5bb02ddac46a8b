"""Search over a real SQLite file: Chinese 1-, 2- and 3+-character terms, English, mixed, operators."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmon.db import Store, index_text, parse_query, search_articles
from newsmon.query import QuerySyntaxError

CST = timezone(timedelta(hours=8))
ARTICLES = [
    ("氪氙气体提纯项目落户大连", "大连市今日签约氪氙气体提纯项目，总投资5亿元。\n项目由Air Liquide参与建设。", datetime(2023, 4, 4, 15, 26, tzinfo=CST)),
    ("口罩生产线扩产", "沈阳某企业新增口罩生产线十条。\n招聘操作工若干。", datetime(2023, 4, 5, 10, 0, tzinfo=CST)),
    ("Tesla opens new factory", "Tesla said the Shanghai factory will double output.\n特斯拉上海工厂产量翻番。", datetime(2023, 4, 6, 9, 0, tzinfo=CST)),
    ("稀有气体产业园开工", "辽宁稀有气体产业园今天开工，项目涵盖氖气、氪气。", None),
]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "news.db")
    for i, (title, body, published) in enumerate(ARTICLES):
        s.add_article(site="demo" if i % 2 == 0 else "other", url=f"http://127.0.0.1/a/{i}.html", title=title,
                      body=body, fingerprint=f"fp{i}", published_at=published)
    return s


def ids(store: Store, query: str, **kwargs: object) -> list[int]:
    return sorted(row["id"] for row in search_articles(store.db, query, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("氪氙", [1]),  # two characters inside a longer run
        ("口罩", [2]),
        ("氙", [1]),  # one character, mid-run
        ("氪", [1, 4]),  # 氪气 in article 4
        ("罩", [2]),  # one character at a run's end
        ("稀有气体", [4]),  # longer phrase
        ("气体", [1, 4]),
        ("体提纯", [1]),  # odd length
        ("tesla", [3]),
        ("Air Liquide", [1]),
        ('"air liquide"', [1]),
        ("Tesla 特斯拉", [3]),  # mixed
        ("上海工厂", [3]),
        ("氪氙 OR 口罩", [1, 2]),
        ("气体 -氪氙", [4]),
        ("气体 NOT 氪氙", [4]),
        ("(大连 OR 辽宁) 气体", [1, 4]),
        ("不存在的词", []),
        ("气", [1, 4]),
        ("title:口罩", [2]),
        ("title:气体", [1, 4]),
        ("title:大连", [1]),
        ("title:招聘", []),  # 招聘 is in article 2's body only
        ("body:招聘", [2]),
        ("口罩 -title:扩产", []),
        ('title:"Tesla opens"', [3]),
    ],
)
def test_chinese_english_and_operators(store: Store, query: str, expected: list[int]) -> None:
    assert ids(store, query) == expected


def test_phrase_does_not_match_scattered_characters(store: Store) -> None:
    # 大 and 连 both occur in other articles, but only article 1 has 大连 together.
    assert ids(store, "大连") == [1]
    assert ids(store, "连大") == []


def test_result_fields_snippet_and_sources(store: Store) -> None:
    store.add_article(site="third", url="http://127.0.0.1/copy.html", title="x", body=ARTICLES[0][1],
                      fingerprint="fp0")
    [row] = search_articles(store.db, "氪氙")
    assert row["title"] == "氪氙气体提纯项目落户大连"
    assert row["published_at"] == "2023-04-04T15:26:00+08:00"
    assert "[氪氙]" in row["snippet"]
    assert row["sources_count"] == 2
    assert set(row) >= {"id", "title", "url", "site", "published_at", "snippet"}


def test_title_match_ranks_first(store: Store) -> None:
    store.add_article(site="demo", url="http://127.0.0.1/b.html", title="大连新闻",
                      body="本文顺带提到口罩一次。" + "其他内容。" * 30, fingerprint="fpx")
    rows = search_articles(store.db, "口罩", sort="relevance")  # newest first is the default
    assert rows[0]["title"] == "口罩生产线扩产"


def test_filters(store: Store) -> None:
    assert ids(store, "气体", site="demo") == [1]
    since = datetime(2023, 4, 5, tzinfo=CST)
    assert ids(store, "口罩 OR 气体 OR tesla", since=since) == [2, 3]
    assert ids(store, "口罩 OR 气体 OR tesla", until=since) == [1]
    assert len(search_articles(store.db, "口罩 OR 气体 OR tesla", limit=1)) == 1


@pytest.mark.parametrize("query", ["(", "a OR", "-口罩", ")", "AND 口罩", "   "])
def test_bad_queries_give_one_sentence(store: Store, query: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:  # one error type for queries (exit status 2)
        search_articles(store.db, query)
    assert str(info.value).startswith("Cannot search for")
    assert "\n" not in str(info.value)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("氪氙气体口罩大连abc 1，。"), min_size=1, max_size=30),
       data=st.data())
def test_any_substring_word_is_found(tmp_path_factory: pytest.TempPathFactory, text: str, data: st.DataObject) -> None:
    """Property: any contiguous CJK/word substring of a stored body finds that body."""
    from newsmon.db.cjk import query_phrase

    words = [w for w in text.replace("，", " ").replace("。", " ").split() if w]
    if not words:
        return
    word = data.draw(st.sampled_from(words))
    start = data.draw(st.integers(0, len(word) - 1))
    end = data.draw(st.integers(start + 1, len(word)))
    term = word[start:end]
    if query_phrase(term) is None or (term[0].isascii() and start > 0 and word[start - 1].isascii()):
        return  # Latin words match whole words only, as in any word index
    if term[-1].isascii() and end < len(word) and word[end].isascii():
        return
    s = Store(tmp_path_factory.mktemp("prop") / "p.db")
    s.add_article(site="x", url="http://127.0.0.1/p", title="t", body=text, fingerprint="p")
    assert [r["id"] for r in search_articles(s.db, f'"{term}"')] == [1], (text, term, index_text(text))
    s.close()


def test_parse_query_shapes() -> None:
    assert parse_query("氪氙").match == '"氪氙"'
    assert parse_query("氪").match == '"氪" *'
    assert parse_query("稀有气体").match == '"稀有 有气 气体"'
    assert parse_query("中国a").match == '"中国 国 a"'
