"""Plain data shared by the fixture sites, templates and the HTTP server."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Article", "Response", "Block"]

# One rendered piece of an article body: ("p", text), ("caption", text),
# ("screenshot", "微信截图_…") or ("img", src).  Templates render blocks and
# expected() reads them, so both always agree on what the body contains.
Block = tuple[str, str]

# Kinds of list entries that are real, extractable articles.  Everything else
# (broken pages, 404/500 targets, robots-disallowed pages, off-site links) is
# deliberately excluded from FixturePortal.expected().
REAL = "article"


@dataclass
class Article:
    """One entry on a list page: a real article or a deliberately broken link."""

    path: str  # path on its own site ("/news/show-1012.html"), or an absolute URL for off-site links
    title: str
    published: str  # "YYYY-MM-DD HH:MM", Beijing time
    source: str
    paragraphs: list[str] = field(default_factory=list)
    author: str = ""
    image_caption: str = ""  # a real caption under an inline image (counts as body text)
    screenshot: str = ""  # a junk caption like 微信截图_20230404152711 (not body text)
    views: int = 0
    kind: str = REAL  # article | private | missing | error | malformed | binary | huge | slow | loop | offsite
    href: str = ""  # the link exactly as written on the list page (TRS pages use relative ./2023…)
    image: str = ""  # src of the inline image, when image_caption is set

    @property
    def date(self) -> str:
        """``YYYY-MM-DD`` part of :attr:`published`."""
        return self.published[:10]

    @property
    def link(self) -> str:
        """What the list page's ``href`` says."""
        return self.href or self.path

    def summary(self, limit: int = 60) -> str:
        """First characters of the body, as portals show under list entries."""
        text = self.paragraphs[0] if self.paragraphs else self.title
        return text if len(text) <= limit else text[:limit] + "…"

    def blocks(self) -> list[Block]:
        """The body in render order.

        The screenshot line goes after the first paragraph and the image with
        its caption after the second, which is where editors of these portals
        usually paste them.
        """
        out: list[Block] = []
        for index, text in enumerate(self.paragraphs):
            out.append(("p", text))
            if index == 0 and self.screenshot:
                out.append(("screenshot", self.screenshot))
            if index == min(1, len(self.paragraphs) - 1) and self.image_caption:
                out.append(("img", self.image))
                out.append(("caption", self.image_caption))
        return out

    def body_text(self) -> list[str]:
        """Paragraphs an ideal extractor returns: text and real captions, no screenshot junk."""
        return [text for kind, text in self.blocks() if kind in ("p", "caption")]


@dataclass
class Response:
    """What a site answers for one path; the server turns it into HTTP."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (the "slow" page)
    cacheable: bool = False  # list pages: send ETag/Last-Modified and honour conditional GET
