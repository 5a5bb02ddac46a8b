"""Canonical URLs (crawler/urls.py): one page, one URL."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmon.crawler.urls import canonical_url, is_tracking_param, same_site, url_key


def test_tracking_parameters_are_dropped_and_the_rest_sorted() -> None:
    url = "http://www.Example.cn:80/news/show.php?itemid=5&from=timeline&utm_source=wx&spm=a2.b&b=2#top"
    assert canonical_url(url) == "http://www.example.cn/news/show.php?b=2&itemid=5"


def test_wechat_share_parameters_go_the_identifying_ones_stay() -> None:
    url = "https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1&sn=abc&chksm=ff&scene=21&sharer_shareid=9#wechat_redirect"
    assert canonical_url(url) == "https://mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=1&sn=abc"


def test_scheme_trailing_slash_and_default_port_variants_share_a_key() -> None:
    variants = [
        "http://a.example.cn/news/2023/1/",
        "https://a.example.cn/news/2023/1",
        "https://A.EXAMPLE.CN:443/news//2023/1/?from=groupmessage",
        "http://a.example.cn:80/news/./2023/1?share_token=xyz#comments",
    ]
    assert {url_key(v) for v in variants} == {"//a.example.cn/news/2023/1"}


def test_different_pages_keep_different_keys() -> None:
    assert url_key("http://a.cn/show.php?itemid=5") != url_key("http://a.cn/show.php?itemid=6")
    assert url_key("http://a.cn/news/1") != url_key("http://b.cn/news/1")
    assert url_key("http://a.cn:8080/news/1") != url_key("http://a.cn/news/1")


def test_relative_canonical_resolves_against_the_page() -> None:
    assert canonical_url("../2023/5.html?utm_medium=x", base="http://a.cn/news/list/x.html") == "http://a.cn/news/2023/5.html"


def test_percent_encoding_is_normalised_not_decoded() -> None:
    assert canonical_url("http://a.cn/%e4%b8%ad?q=100%25&x=中") == "http://a.cn/%E4%B8%AD?q=100%25&x=%E4%B8%AD"


def test_tracking_param_names() -> None:
    assert is_tracking_param("UTM_Campaign") and is_tracking_param("from") and is_tracking_param("sharer_time")
    assert not is_tracking_param("id") and not is_tracking_param("page")


def test_same_site_accepts_subdomains_only() -> None:
    assert same_site("http://www.ln.gov.cn/a", ["ln.gov.cn"])
    assert not same_site("http://evil-ln.gov.cn/a", ["ln.gov.cn"])


_segment = st.text(alphabet=st.sampled_from("abcxyz019-_.~中文%"), min_size=0, max_size=8)
_param = st.tuples(
    st.sampled_from(["id", "page", "from", "utm_source", "spm", "q", "itemid", "share_token"]), _segment
)


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP"]))
    host = draw(st.sampled_from(["a.example.cn", "WWW.Example.CN", "127.0.0.1:8080"]))
    path = "/".join(draw(st.lists(_segment, max_size=4)))
    params = draw(st.lists(_param, max_size=4))
    query = "&".join(f"{k}={v}" for k, v in params)
    slash = draw(st.sampled_from(["", "/"]))
    return f"{scheme}://{host}/{path}{slash}" + (f"?{query}" if query else "") + draw(st.sampled_from(["", "#x"]))


@settings(max_examples=120, deadline=None)
@given(urls())
def test_canonicalisation_is_idempotent_and_drops_every_tracking_parameter(url: str) -> None:
    canonical = canonical_url(url)
    assert canonical_url(canonical) == canonical
    assert url_key(canonical) == url_key(url)
    assert "#" not in canonical
    query = canonical.partition("?")[2]
    assert not any(is_tracking_param(pair.split("=")[0]) for pair in query.split("&") if pair)


@settings(max_examples=80, deadline=None)
@given(urls(), st.sampled_from(["from", "utm_medium", "spm", "share_token"]), _segment)
def test_adding_a_tracking_parameter_never_changes_the_key(url: str, name: str, value: str) -> None:
    base = url.split("#")[0]
    tracked = base + ("&" if "?" in base else "?") + f"{name}={value}"
    assert url_key(tracked) == url_key(url)
