"""Bytes to text for HTML pages: pick the charset by evidence, repair mojibake.

Chinese portals routinely lie about their charset: ``<meta charset=gb2312>``
on pages whose bytes use GBK-only characters (镕, 喆), a ``Content-Type``
header saying ``ISO-8859-1`` in front of UTF-8 bytes, a template switched to
UTF-8 while the ``<meta>`` still says GBK. A browser shrugs; we must not store
``æ\\x96°`` or runs of U+FFFD.

The rule: candidates come in the order a browser trusts them (BOM, the
caller's hint, HTTP header, ``<meta>``/XML declaration), each normalised the
way w3lib/Scrapy do (GB2312 and GBK become GB18030, Latin-1 becomes cp1252),
and the first one that decodes the bytes *strictly* wins, with one exception:
bytes that are valid UTF-8 and contain multi-byte sequences are UTF-8 whatever
a single-byte or GB declaration says, because valid UTF-8 is very unlikely to
happen by chance in any other encoding. When nothing decodes strictly, w3lib's
:func:`~w3lib.encoding.html_to_unicode` decides with replacement characters,
which :func:`repair_text` then removes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

__all__ = ["decode_html", "decode_bytes", "repair_text", "normalise_encoding"]

# Encodings where any byte sequence decodes, so "decodes strictly" is no evidence.
_PERMISSIVE = {"cp1252", "latin_1", "iso8859_1", "iso8859_15", "mac_roman", "cp437", "ascii"}
# UTF-8 multi-byte sequences (lead byte + continuation bytes).
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
# UTF-8 text decoded as cp1252/latin-1: a lead char (Â-ô) then continuation chars.
_CP1252_CONT = "\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}}")
# U+FFFD as it looks after UTF-8 -> cp1252 double decoding, and plain U+FFFD runs.
_REPLACEMENT = re.compile("(?:\u00ef\u00bf\u00bd|\ufffd)+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_GB_SUPERSET = {"gbk": "gb18030", "gb2312": "gb18030"}


def normalise_encoding(name: str | None) -> str | None:
    """Python codec name for a charset label, GBK/GB2312 mapped to GB18030.

    Returns None for labels Python does not know (``charset=foo``).
    """
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    # Labels that codecs.lookup does not know but portals use.
    name = {"x-gbk": "gbk", "gb_2312": "gb2312", "utf8mb4": "utf-8", "unicode": "utf-8"}.get(name, name)
    try:
        resolved = resolve_encoding(name)
    except Exception:  # resolve_encoding may raise on odd labels in older w3lib
        return None
    # w3lib up to 2.5 resolved gbk and gb2312 to gb18030; 2.6 follows the WHATWG label table to "gbk". The WHATWG gbk
    # decoder is gb18030's, while Python's gbk codec rejects what only gb18030 holds (four-byte sequences, 0x80 as €):
    # a portal that declares GBK and writes such a character must still decode, so the superset is asked for here.
    return _GB_SUPERSET.get(resolved, resolved) if resolved else resolved


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_utf8(body: bytes) -> bool:
    """True when the bytes are valid UTF-8 and really use multi-byte sequences."""
    return bool(_UTF8_MULTIBYTE.search(body)) and _strict(body, "utf-8") is not None


def _candidates(body: bytes, content_type: str | None, declared: str | None) -> list[str]:
    head = body[:4096]
    labels = [
        declared,
        http_content_type_encoding(content_type) if content_type else None,
        html_body_declared_encoding(head),
        "utf-8",
        "gb18030",
    ]
    out: list[str] = []
    for label in labels:
        enc = normalise_encoding(label)
        if enc and enc not in out:
            out.append(enc)
    return out


def decode_html(
    body: bytes, *, content_type: str | None = None, declared: str | None = None
) -> tuple[str, str]:
    """Decode an HTML page to text, choosing the encoding by evidence.

    ``content_type`` is the HTTP ``Content-Type`` header when known;
    ``declared`` is an encoding the caller believes in (a site setting, Scrapy's
    guess). Both are hints: a byte-order mark wins over them, and a hint that
    does not decode the bytes strictly is passed over. Returns
    ``(text, encoding)`` where ``encoding`` is a Python codec name
    (``"gb18030"`` for GBK/GB2312 pages). Never raises; the text is
    NFC-normalised with mojibake and replacement characters removed.
    """
    text, encoding = decode_bytes(body, content_type=content_type, declared=declared)
    return repair_text(text), encoding


def decode_bytes(
    body: bytes, *, content_type: str | None = None, declared: str | None = None
) -> tuple[str, str]:
    """:func:`decode_html` without the text repair, for callers that repair their output only."""
    if isinstance(body, str):  # be forgiving: callers sometimes pass text already
        return body, "utf-8"
    body = bytes(body or b"")
    bom_enc, bom = read_bom(body)
    if bom_enc and bom:
        text = _strict(body[len(bom):], bom_enc)
        if text is not None:
            return text, codecs.lookup(bom_enc).name
    utf8 = _looks_utf8(body)
    for enc in _candidates(body, content_type, declared):
        if utf8 and enc != "utf-8" and codecs.lookup(enc).name != "utf-8":
            # Valid multi-byte UTF-8 beats a declaration of any other charset.
            continue
        if enc in _PERMISSIVE and any(b > 0x7F for b in body[:65536]):
            # cp1252 decodes anything; accept it only when nothing better fits.
            if _strict(body, "gb18030") is not None and _has_cjk_pairs(body):
                continue
        text = _strict(body, enc)
        if text is not None:
            return text, codecs.lookup(enc).name
    enc, text = html_to_unicode(content_type, body, default_encoding="utf-8")
    return text, enc


def _has_cjk_pairs(body: bytes) -> bool:
    """Heuristic for GB bytes behind a Latin-1 label: mostly 2-byte high pairs."""
    high = re.findall(rb"[\x81-\xfe][\x40-\xfe]", body[:65536])
    return len(high) >= 8


def _fix_mojibake(match: re.Match[str]) -> str:
    chunk = match.group(0)
    for enc in ("cp1252", "latin-1"):
        try:
            return chunk.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return chunk


def repair_text(text: str) -> str:
    """NFC-normalise and remove mojibake: UTF-8-read-as-cp1252 runs, U+FFFD, controls.

    Only sequences that really re-decode as UTF-8 are changed, so genuine
    Latin-1 text ("café", "Ångström") is left alone.
    """
    if not text:
        return ""
    if _MOJIBAKE.search(text):
        text = _MOJIBAKE.sub(_fix_mojibake, text)
    if "\ufffd" in text or "\u00ef\u00bf\u00bd" in text:  # the regex alone is slow on big pages
        text = _REPLACEMENT.sub("", text)
    text = _CONTROL.sub("", text)
    return text if text.isascii() else unicodedata.normalize("NFC", text)
