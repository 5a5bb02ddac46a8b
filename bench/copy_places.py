"""What a syndicated copy costs the store now that its site may tell the story's place (facts/copies.py, session 69).

    .venv/bin/python bench/copy_places.py                 # 1,000 and 10,000 stored stories, 200 copies each way
    .venv/bin/python bench/copy_places.py --sizes 1000 --copies 100

A store (a real SQLite file) holds N stories; 2 x ``--copies`` more are stored from a province's portal (no place):
half name their county ("瓦房店市…"), half speak in its voice ("我县…"). Each is then stored again from the county's
portal (place 瓦房店市), the copy as ``crawler/pipelines.py``'s ``store_article`` stores it (its fingerprints, then
``add_article``), once with the copies' place (``fill=CopyPlace``, what the crawl does) and once without (``fill=None``,
the store before session 69),
each on its own identical store, in the same run. Printed: ms per copy, and the ratio to the baseline, per kind of
story and store size. A copy of a story that names its city costs a facts row read (the place is known); a copy of a
story in a local voice with no city costs one more reading of its text (the place is told).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsmon.crawler.article import Article  # noqa: E402
from newsmon.crawler.fingerprint import text_fingerprint  # noqa: E402
from newsmon.crawler.pipelines import _near_print, store_article  # noqa: E402
from newsmon.crawler.urls import url_key  # noqa: E402
from newsmon.db import Store  # noqa: E402
from newsmon.facts import facts_record  # noqa: E402
from newsmon.facts.copies import CopyPlace  # noqa: E402

CST = timezone(timedelta(hours=8))
WORKS = ("新型建材", "精密铸造", "冷链物流", "光伏组件", "生物饲料", "智能装备", "汽车零部件", "电子元件")


def _filler(n: int) -> str:
    """Characters of the n-th story's own (a paragraph no other story shares: the stories must not be near duplicates
    of each other, only of their own copy)."""
    rng = random.Random(n)
    return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(120))


def story(n: int, voice: bool) -> tuple[str, str]:
    """The n-th story: a county's work started, in the county's own voice (我县) or naming it (瓦房店市)."""
    work = f"{WORKS[n % len(WORKS)]}{n}号"
    place = "我县" if voice else "瓦房店市"
    title = f"{place}{work}项目开工"
    body = (f"近日，{place}举行重点项目开工仪式，总投资{n % 9 + 2}亿元的{work}项目正式开工建设。该项目由某某{n}有限公司投资建设，"
            f"占地{100 + n % 300}亩，建成后年产值可达{n % 20 + 5}亿元。\n项目负责人表示，将加快建设进度，力争明年投产。\n{_filler(n)}")
    return title, body


def build(path: Path, size: int, copies: int) -> None:
    """A store of ``size`` background stories plus the province portal's ``2 * copies`` stories (half in a voice)."""
    with Store(path) as store:
        when = datetime(2024, 5, 1, 9, 0, tzinfo=CST)
        facts = {"amount": None, "currency": None, "amount_cny": None, "amount_text": None, "kind": None,
                 "stage": None, "places": [], "industry": [], "project": None, "version": 0}
        for n in range(size):
            body = f"背景新闻第{n}条。{_filler(10**6 + n)}"
            store.add_article(site="background", url=f"http://127.0.0.1:9/bg/{n}.html", title=f"背景新闻{n}",
                              body=body, fingerprint=text_fingerprint(body), published_at=when, facts=facts)
        for n in range(2 * copies):
            title, body = story(n, voice=n % 2 == 1)
            article = Article(url=f"http://127.0.0.1:9/ln/{n}.html", title=title, body=body, published_at=when)
            result = store_article(store, "ln-gov", article.url, article, facts_record(title, body, "", ""), home="")
            assert result.status == "new", result


def store_copies(path: Path, copies: int, fill: bool) -> dict[str, float]:
    """ms per copy stored from the county's portal, by kind of story (``named``, ``voice``)."""
    spent = {"named": 0.0, "voice": 0.0}
    with Store(path) as store:
        when = datetime(2024, 5, 2, 9, 0, tzinfo=CST)
        for n in range(2 * copies):
            voice = n % 2 == 1
            title, body = story(n, voice)
            article = Article(url=f"http://127.0.0.1:9/wfd/{n}.html", title=title, body=body, published_at=when)
            facts = facts_record(title, body, "", "瓦房店市")  # read before the store, as the pipeline does
            started = time.perf_counter()
            # store_article's own call (its fingerprints), with or without the copies' place
            result = store.add_article(site="wfd-gov", url=article.url, title=title, body=body,
                                       fingerprint=text_fingerprint(body), url_key=url_key(article.url),
                                       near=_near_print(body), published_at=when, facts=facts,
                                       fill=CopyPlace(title, body, "瓦房店市") if fill else None)
            spent["voice" if voice else "named"] += time.perf_counter() - started
            assert result.status == "duplicate", result
    return {kind: 1000 * seconds / copies for kind, seconds in spent.items()}


def placed(path: Path) -> int:
    with Store(path) as store:
        return int(store.db.execute("SELECT count(*) FROM article_facts f JOIN articles a ON a.id = f.article_id"
                                    " WHERE a.site = 'ln-gov' AND coalesce(f.city, '') != ''").fetchone()[0])


def main(argv: Any = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="stored stories before the copies (comma-separated)")
    parser.add_argument("--copies", type=int, default=200, help="copies of each kind stored each way")
    args = parser.parse_args(argv)
    print(f"{'stored':>8} {'kind':>6} {'baseline ms':>12} {'with places ms':>15} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            base = Path(tmp) / f"base{size}.db"
            build(base, size, args.copies)
            runs = {}
            for fill in (False, True):
                path = Path(tmp) / f"run{size}{fill}.db"
                shutil.copy(base, path)
                runs[fill] = (store_copies(path, args.copies, fill), placed(path))
            for kind in ("named", "voice"):
                before, after = runs[False][0][kind], runs[True][0][kind]
                print(f"{size:>8} {kind:>6} {before:>12.2f} {after:>15.2f} {after / before:>6.2f}")
            print(f"{'':>8} the province portal's stories with a city: {runs[False][1]} of {2 * args.copies} without the"
                  f" copies' places, {runs[True][1]} with them")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
