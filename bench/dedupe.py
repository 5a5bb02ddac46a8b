"""Dedupe benchmark: same-story precision/recall and near-duplicate lookup latency.

    .venv/bin/python bench/dedupe.py            # 10k, 100k and 1M stored fingerprints
    .venv/bin/python bench/dedupe.py --sizes 10000,100000 --seed 7

Quality: the Chinese gold bodies of the shared magic-html benchmark plus the
fixture portal's stories are stored once each (every "site" leaves its own
footer and 来源 line in the bodies, as an imperfect template strip would).
Then, through ``Store.add_article`` exactly as the crawler calls it:
  * three syndicated copies of every stored story, published on another
    site: one sentence dropped, two paragraphs merged, full/half-width
    punctuation swapped, 来源/责任编辑 lines inserted, 5-15% of characters
    substituted/inserted/deleted, the headline kept or tagged (【转载】…)
    or lightly edited -> must be "duplicate of that story";
  * distinct stories: the other half of the gold bodies, and articles of
    one template site (``newsmon.portal`` bench generator: one headline
    pattern, paragraphs drawn from one pool) -> must be "new".
Precision = right duplicate decisions / all duplicate decisions; recall =
right duplicate decisions / copies.

Latency: the same store grown with synthetic stories to 10k, 100k and 1M
fingerprints (signatures and bands written directly, which takes minutes,
not the hours that extracting 1M pages would), then every copy looked up
again through ``Store.find_near_duplicate``. The synthetic shingle sets mix
unique shingles with ones drawn from a Zipf vocabulary, tuned so that two
synthetic stories share as many shingles as two stories of the fixture's
single-niche investment-news corpus do (mean Jaccard ~0.01): a niche
monitor is the hard case for LSH, a mixed corpus shares ten times fewer.
Synthetic stories are the oldest rows, the real stories newer.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsmon.crawler.fingerprint import (  # noqa: E402
    NUM_PERM,
    band_key_matrix,
    near_signature,
    shingle_hashes,
    text_fingerprint,
    _PERM_A,
    _PERM_B,
    _splitmix64,
)
from newsmon.db import Store  # noqa: E402
from newsmon.db.dedupe import NearPrint  # noqa: E402

GOLD = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "magic-html" / "base.json"
PORTAL = Path(__file__).resolve().parents[1] / "newsmon" / "portal" / "articles.json"
CJK = re.compile(r"[\u4e00-\u9fff]")
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
FULL2HALF = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")", "“": '"', "”": '"'}
HALF2FULL = {v: k for k, v in FULL2HALF.items()}
SITES = [
    ("liaoning-invest", "招商热线：024-23456789 项目对接邮箱：invest@lnzs.example.cn"),
    ("shenyang-gov", "主办：沈阳市人民政府办公室 承办：沈阳市大数据管理局"),
    ("dongbei-news", "本网站所刊登的各种新闻、信息和各种专题专栏资料，均为东北新闻在线版权所有，未经协议授权禁止转载。"),
    ("wechat-account", "点击上方蓝字关注我们 | 投稿邮箱：news@example.cn"),
]
TZ = timezone(timedelta(hours=8))


# -- the syndication set -----------------------------------------------------------


def load_stories() -> list[tuple[str, str]]:
    """(headline, body) of every Chinese gold body and fixture portal story, near-identical ones once."""
    stories: list[tuple[str, str]] = []
    for page in json.loads(GOLD.read_text(encoding="utf-8")).values():
        text = page["content"].strip()
        if len(CJK.findall(text)) < 0.3 * len(text) or len(text) < 60:
            continue
        first, _, rest = text.partition("\n")
        title, body = (first.strip(), rest.strip()) if len(first) <= 40 and len(rest) >= 40 else (text[:24], text)
        stories.append((title, body))
    portal = json.loads(PORTAL.read_text(encoding="utf-8"))
    for site in ("liaoning-invest", "shenyang-gov", "dongbei-news"):
        for item in portal[site]:
            if not item.get("syndicates"):  # the fixture's own syndicated copy is a copy, not a story
                stories.append((item["title"], "\n".join(item["paragraphs"])))
    return stories


NOTICE_OPEN = "各有关单位：\n为深入贯彻落实省委省政府关于优化营商环境、扩大招商引资的决策部署，现将有关事项通知如下。"
NOTICE_CLOSE = "特此通知。\n联系人：张明 联系电话：024-22345678 传真：024-22345679\n沈阳市商务局办公室"


def template_site_stories(stories: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Different stories dressed by one government template: same headline pattern, opening and closing."""
    out = []
    for title, body in stories:
        core = "\n".join(body.split("\n")[:3])  # notices are short
        out.append((f"关于{title[:12]}有关事项的通知", f"{NOTICE_OPEN}\n{core}\n{NOTICE_CLOSE}"))
    return out


def shared_paragraph_stories(count: int) -> list[tuple[str, str]]:
    """``count`` stories of the portal's benchmark generator: each draws 3-6 paragraphs from one pool
    of 60, so two of them often share whole paragraphs verbatim (reported apart: such pairs are
    partly the same text)."""
    from newsmon.portal.bench import generate

    data = json.loads(PORTAL.read_text(encoding="utf-8"))["bench"]
    return [(a.title, "\n".join(a.paragraphs)) for a in generate(count, data)]


def on_site(body: str, site: int, source: str) -> str:
    """The body as ``site`` would leave it after an imperfect template strip."""
    return f"来源：{source}\n{body}\n{SITES[site][1]}"


def edit_headline(title: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return title
    if roll < 0.75:
        return rng.choice(["【转载】", "【辽宁】", "", "热点："]) + title + rng.choice(["", "_新闻中心", " - 东北新闻网"])
    chars = list(title)
    for _ in range(rng.randint(1, 2)):
        chars[rng.randrange(len(chars))] = rng.choice("的一是在了有和人这中大为上个国我以要")
    return "".join(chars)


def syndicate(body: str, rng: random.Random, rate: float) -> str:
    """A reposted copy of ``body``: one sentence dropped, paragraphs merged, punctuation width,
    bylines, ``rate`` of the characters edited."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    sentences = [(i, s) for i, p in enumerate(paragraphs) for s in SENTENCE_END.split(p) if s.strip()]
    if len(sentences) >= 3:
        i, sentence = rng.choice(sentences)
        paragraphs[i] = paragraphs[i].replace(sentence, "", 1)
    paragraphs = [p for p in paragraphs if p.strip()]
    if len(paragraphs) >= 2:
        j = rng.randrange(len(paragraphs) - 1)
        paragraphs[j : j + 2] = [paragraphs[j] + paragraphs[j + 1]]
    text = "\n".join(paragraphs)
    if rng.random() < 0.5:
        table = FULL2HALF if rng.random() < 0.5 else HALF2FULL
        text = "".join(table.get(c, c) for c in text)
    chars = list(text)
    pool = [c for c in text if CJK.match(c)] or list("的一是在不了有和人这中大为上个国我以要")
    for _ in range(int(round(rate * len(chars)))):
        if not chars:
            break
        pos, op = rng.randrange(len(chars)), rng.random()
        if op < 1 / 3:
            chars[pos] = rng.choice(pool)
        elif op < 2 / 3:
            chars.insert(pos, rng.choice(pool))
        else:
            del chars[pos]
    text = "".join(chars)
    if rng.random() < 0.7:
        text += "\n责任编辑：" + rng.choice(["王强", "李娜", "张伟"])
    return text


def near_print(body: str) -> NearPrint:
    signature = near_signature(body)
    return NearPrint(signature.signature, signature.shingles, signature.band_keys,
                     hashes=signature.hashes, shingler=shingle_hashes)


def add(store: Store, site: str, url: str, title: str, body: str, when: datetime) -> Any:
    return store.add_article(site=site, url=url, title=title, body=body, fingerprint=text_fingerprint(body),
                             near=near_print(body), published_at=when)


def run_quality(store: Store, seed: int) -> tuple[dict[str, Any], list[tuple[int, str, str]]]:
    """Store the stories, add copies and distinct stories; returns the figures and the copies."""
    rng = random.Random(seed)
    stories = load_stories()
    rng.shuffle(stories)
    third = len(stories) // 4
    stored, distinct, notices = stories[: 2 * third], stories[2 * third : 3 * third], stories[3 * third :]
    day = datetime(2023, 4, 1, 9, 0, tzinfo=TZ)
    ids: list[int] = []
    for n, (title, body) in enumerate(stored):
        site = n % len(SITES)
        result = add(store, SITES[site][0], f"http://s{site}.example.cn/a/{n}.html", title,
                     on_site(body, site, "辽宁日报"), day)
        ids.append(result.article_id)
    copies: list[tuple[int, str, str]] = []  # (original id, title, body)
    tp = fn = fp = wrong = 0
    for n, (title, body) in enumerate(stored):
        for k in range(3):
            site = (n + 1 + k) % len(SITES)
            copy_title = edit_headline(title, rng)
            copy_body = on_site(syndicate(body, rng, rng.uniform(0.05, 0.15)), site, "东北新闻网")
            copies.append((ids[n], copy_title, copy_body))
            result = add(store, SITES[site][0], f"http://s{site}.example.cn/c/{n}-{k}.html", copy_title,
                         copy_body, day + timedelta(hours=1))
            if result.status == "duplicate" and result.article_id == ids[n]:
                tp += 1
            elif result.status == "duplicate":
                wrong += 1
            else:
                fn += 1
    # Distinct stories: the held-out bodies on a site's chrome, then the same
    # bodies (and the stored ones) as notices of one government template site.
    kinds = {
        "other_stories": [(t, on_site(b, n % len(SITES), "沈阳日报")) for n, (t, b) in enumerate(distinct)],
        "template_site": [(t, on_site(b, 1, "沈阳市商务局")) for t, b in template_site_stories(notices)],
        "shared_paragraphs": [(t, on_site(b, 0, "辽宁日报")) for t, b in shared_paragraph_stories(200)],
    }
    fp_kinds = {kind: 0 for kind in kinds}
    n = 0
    for kind, negatives in kinds.items():
        for title, body in negatives:
            n += 1
            result = add(store, kind, f"http://{kind}.example.cn/n/{n}.html", title, body, day + timedelta(hours=2))
            if result.status == "duplicate":
                fp_kinds[kind] += 1
    # shared_paragraphs is reported, not counted: those stories are partly one text.
    fp = fp_kinds["other_stories"] + fp_kinds["template_site"]
    decided = tp + wrong + fp
    return {
        "stories": len(stored),
        "copies": len(copies),
        "distinct": {kind: len(v) for kind, v in kinds.items()},
        "true_duplicates": tp,
        "missed": fn,
        "wrong_story": wrong,
        "false_duplicates": fp_kinds,
        "precision": round(tp / decided, 4) if decided else 1.0,
        "recall": round(tp / len(copies), 4),
    }, copies


# -- synthetic fingerprints for scale ----------------------------------------------------


def synthetic_minhashes(n: int, rng: np.random.Generator, common_frac: float = 0.15) -> tuple[np.ndarray, np.ndarray]:
    """MinHash values (n x NUM_PERM uint32) and shingle counts of ``n`` synthetic stories.

    A story's shingles are ``common_frac`` Zipf-distributed common ones (hashed
    and permuted like real shingles) and unique ones shared with no other
    story; the minimum of m unique permuted values is drawn directly from its
    distribution (Beta(1, m) scaled to 32 bits), which is exact for shingles
    no other story has and spares hashing 400M of them.
    """
    sizes = np.clip(rng.lognormal(np.log(400), 0.7, size=n).astype(np.int64), 30, 6000)
    n_common = (sizes * common_frac).astype(np.int64)
    n_unique = sizes - n_common
    common = _splitmix64((rng.zipf(1.2, size=int(n_common.sum())) % 200_000).astype(np.uint64))
    offsets = np.concatenate([[0], np.cumsum(n_common)[:-1]])
    values = np.empty((n, NUM_PERM), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for p in range(NUM_PERM):
            permuted = ((_PERM_A[p] * common + _PERM_B[p]) >> np.uint64(32)).astype(np.uint32)
            common_min = np.minimum.reduceat(permuted, offsets)
            unique_min = ((1.0 - rng.random(n) ** (1.0 / n_unique)) * 2**32).astype(np.uint64)
            values[:, p] = np.minimum(common_min, np.minimum(unique_min, 2**32 - 1).astype(np.uint32))
    return values, sizes


def grow(store: Store, target: int, rng: np.random.Generator, counter: list[int]) -> float:
    """Add synthetic stories until ``target`` fingerprints are stored; seconds taken."""
    start = time.perf_counter()
    conn: sqlite3.Connection = store.db.conn
    have = conn.execute("SELECT count(*) FROM article_signatures").fetchone()[0]
    while have < target:
        n = min(200_000, target - have)
        values, sizes = synthetic_minhashes(n, rng)
        first = counter[0]
        counter[0] += n
        ids = range(first, first + n)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO articles (id, url, site, title, body, fingerprint, fetched_at) VALUES (?,?,?,?,?,?,?)",
            ((i, f"http://synthetic.example.cn/{i}", "synthetic", f"synthetic {i}", "", f"{i:040x}", "2023-01-01")
             for i in ids),
        )
        conn.executemany(
            "INSERT INTO article_signatures (article_id, shingles, signature) VALUES (?,?,?)",
            ((i, int(s), v.astype("<u4").tobytes()) for i, s, v in zip(ids, sizes, values)),
        )
        keys = band_key_matrix(values)
        conn.executemany(
            "INSERT INTO temp.staged_bands (band_key, article_id) VALUES (?,?)",
            zip(keys.ravel().tolist(), np.repeat(np.arange(first, first + n), keys.shape[1]).tolist()),
        )
        conn.execute("COMMIT")
        have += n
    # One sorted pass into the B-tree instead of millions of random inserts.
    conn.execute("BEGIN")
    conn.execute("INSERT INTO article_bands SELECT band_key, article_id FROM temp.staged_bands ORDER BY 1, 2")
    conn.execute("DELETE FROM temp.staged_bands")
    conn.execute("COMMIT")
    return time.perf_counter() - start


def run_latency(store: Store, copies: list[tuple[int, str, str]], sizes: list[int], seed: int) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    prints = [(original, title, body, near_print(body)) for original, title, body in copies]
    counter = [10_000_000]  # synthetic ids: after the real ones, so real stories are not newest
    conn = store.db.conn
    conn.execute("PRAGMA cache_size=-2000000")  # 2 GB page cache while building
    conn.execute("PRAGMA temp_store=FILE")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS staged_bands (band_key INTEGER, article_id INTEGER)")
    rows = []
    for size in sizes:
        built = grow(store, size, rng, counter)
        row: dict[str, Any] = {"fingerprints": size, "build_s": round(built, 1)}
        # "index": band lookup + signature check (NearPrint without hashes), the
        # part that grows with the store; "decision": plus the exact check of
        # the best candidates' bodies, whose cost follows document length.
        for mode in ("index", "decision"):
            for _ in range(2):  # second pass: warm cache, as in a running crawl
                times, found = [], 0
                for original, title, body, near in prints:
                    if mode == "index":
                        near = NearPrint(near.signature, near.shingles, near.band_keys)
                    t0 = time.perf_counter()
                    match = store.find_near_duplicate(near, title, body, "bench")
                    times.append((time.perf_counter() - t0) * 1000)
                    found += match is not None and match.article_id == original
            times.sort()
            row[f"{mode}_ms_median"] = round(statistics.median(times), 3)
            row[f"{mode}_ms_p95"] = round(times[int(0.95 * len(times))], 3)
            row[f"{mode}_recall"] = round(found / len(prints), 4)
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="stored fingerprint counts to time")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--keep", help="write the database here instead of a temporary folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "dedupe.db"
        with Store(path) as store:
            store.db.conn.execute("PRAGMA synchronous=OFF")
            t0 = time.perf_counter()
            quality, copies = run_quality(store, args.seed)
            quality["seconds"] = round(time.perf_counter() - t0, 1)
            print(json.dumps(quality, ensure_ascii=False), flush=True)
            run_latency(store, copies, sizes, args.seed)


if __name__ == "__main__":
    main()
