"""decode_html(): bytes in, clean text out, whatever the page claims."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmon.crawler.encoding import decode_html, normalise_encoding, repair_text

ZH = "朱镕基总理视察沈阳，陶喆演唱会门票售罄。新闻中心报道。"


def html_page(charset: str, text: str = ZH) -> str:
    return f"<html><head><meta charset='{charset}'><title>测试</title></head><body><p>{text}</p></body></html>"


def test_gbk_characters_behind_gb2312_meta() -> None:
    body = html_page("gb2312").encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")  # the premise: 镕/喆 are not GB2312
    text, encoding = decode_html(body)
    assert encoding == "gb18030"
    assert ZH in text


def test_header_wins_only_when_it_decodes() -> None:
    body = html_page("utf-8").encode("gbk")  # meta lies: the bytes are GBK
    text, encoding = decode_html(body, content_type="text/html; charset=gbk")
    assert (encoding, ZH in text) == ("gb18030", True)
    text, encoding = decode_html(body)  # no header: utf-8 meta fails strictly, GB18030 fits
    assert (encoding, ZH in text) == ("gb18030", True)


def test_utf8_bytes_behind_latin1_header_and_gbk_meta() -> None:
    body = html_page("gbk").encode("utf-8")
    text, encoding = decode_html(body, content_type="text/html; charset=ISO-8859-1")
    assert encoding == "utf-8"
    assert ZH in text


def test_bom_beats_everything() -> None:
    body = codecs.BOM_UTF8 + html_page("gbk").encode("utf-8")
    text, encoding = decode_html(body, content_type="text/html; charset=gbk", declared="gbk")
    assert encoding == "utf-8"
    assert text.startswith("<html>")
    body = codecs.BOM_UTF16_LE + html_page("utf-8").encode("utf-16-le")
    assert ZH in decode_html(body)[0]


def test_declared_hint_is_used_when_it_fits() -> None:
    body = b"<html><body><p>" + "中文內容新聞".encode("big5") + b"</p></body></html>"
    text, encoding = decode_html(body, declared="big5")
    assert "中文內容新聞" in text
    assert encoding == "big5hkscs"


def test_mojibake_is_repaired() -> None:
    assert repair_text("æ\u2013°é\u2014»ä¸\u00adå¿\u0192") == "新闻中心"  # UTF-8 read as cp1252
    assert repair_text("新闻ï¿½ï¿½中心\ufffd\ufffd") == "新闻中心"
    assert repair_text("café, Ångström") == "café, Ångström"  # genuine Latin-1 stays


def test_nfc() -> None:
    assert decode_html("e\u0301".encode("utf-8"))[0] == "\u00e9"


@pytest.mark.parametrize(
    ("label", "codec"),
    [("gb2312", "gb18030"), ("GBK", "gb18030"), ("x-gbk", "gb18030"), ("utf8", "utf-8"), ("nonsense-x", None)],
)
def test_normalise_encoding(label: str, codec: str | None) -> None:
    assert normalise_encoding(label) == codec


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4000), st.sampled_from([None, "text/html", "text/html; charset=gbk",
                                                  "text/html; charset=bogus", "text/html; charset=iso-8859-1"]))
def test_never_raises_and_never_leaves_replacement_characters(body: bytes, content_type: str | None) -> None:
    text, encoding = decode_html(body, content_type=content_type)
    assert "\ufffd" not in text
    assert unicodedata.is_normalized("NFC", text)
    assert codecs.lookup(encoding)


CHINESE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=8, max_size=200)


@settings(max_examples=60, deadline=None)
@given(CHINESE, st.sampled_from(["gbk", "gb2312", "utf-8"]))
def test_round_trip_through_declared_charset(text: str, charset: str) -> None:
    # GB18030 is a superset of GBK, so any BMP hanzi survives a gbk/gb2312-labelled page.
    encoded = html_page(charset, text).encode("gb18030" if charset != "utf-8" else "utf-8")
    decoded, _ = decode_html(encoded)
    assert unicodedata.normalize("NFC", text) in decoded
