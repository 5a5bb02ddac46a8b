"""Alert benchmarks: matching cost per article vs number of rules, and store-to-webhook latency.

    .venv/bin/python bench/alerts.py            # full run (~1 minute)
    .venv/bin/python bench/alerts.py --quick    # fewer articles and stories

1. Matching: 10, 1,000 and 10,000 rules, compiled once into one matcher, run
   over the fixture portal's articles (real Chinese news text, 1-3 KB each).
   Rules are generated deterministically from words that occur in those
   articles (so many rules hit, as in real use) and words that do not: single
   terms, OR lists, AND + NOT, phrases, title: fields, site filters and
   term-anchored regexes. Target: <= 1 ms per article at 10,000 rules.
2. Latency: a story stored through ``db.Store`` with the alert hook installed,
   an ``AlertSender`` thread polling the outbox (as the daemon runs it), a
   real webhook receiver on 127.0.0.1. Measured from just before
   ``add_article`` to the receiver reading the POST. Target: <= 1 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsmon.alerts import AlertSender, Matcher, compile_rule, install_alert_hook  # noqa: E402
from newsmon.crawler.fingerprint import text_fingerprint  # noqa: E402
from newsmon.db import Store  # noqa: E402
from newsmon.db.cjk import CJK_RUN  # noqa: E402
from newsmon.alerts_config import RuleConfig  # noqa: E402
from newsmon.config import parse_config  # noqa: E402


def load_articles() -> list[dict[str, str]]:
    data = json.loads((ROOT / "newsmon" / "portal" / "articles.json").read_text(encoding="utf-8"))
    out = []
    for site, items in data.items():
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict) and item.get("title") and item.get("paragraphs"):
                out.append({"site": site, "title": item["title"], "body": "\n".join(item["paragraphs"])})
    pool = data.get("bench", {}).get("paragraphs", []) if isinstance(data.get("bench"), dict) else []
    rng = random.Random(7)
    for n in range(200 if pool else 0):  # more articles from the benchmark paragraph pool
        body = "\n".join(rng.sample(pool, min(len(pool), 4)))
        out.append({"site": f"bench-{n % 5}", "title": pool[n % len(pool)][:24], "body": body})
    return out


def vocabulary(articles: list[dict[str, str]], rng: random.Random) -> tuple[list[str], list[str]]:
    """Words in the articles (2-4 character CJK substrings) and words that are not."""
    present: set[str] = set()
    for article in articles:
        for run in CJK_RUN.findall(article["title"] + "\n" + article["body"]):
            for size in (2, 3, 4):
                for i in range(0, max(len(run) - size + 1, 0), 3):
                    present.add(run[i : i + size])
    alphabet = [chr(c) for c in range(0x4E00, 0x9FA5)]
    absent = set()
    while len(absent) < 50_000:
        word = "".join(rng.choice(alphabet) for _ in range(rng.choice((2, 3, 4))))
        if word not in present:
            absent.add(word)
    return sorted(present), sorted(absent)


def make_rules(count: int, present: list[str], absent: list[str], rng: random.Random,
               hit_rate: float) -> list[RuleConfig]:
    """``count`` rules; a fraction ``hit_rate`` of their terms occur somewhere in the corpus."""
    def word() -> str:
        return rng.choice(present) if rng.random() < hit_rate else rng.choice(absent)

    rules = []
    for n in range(count):
        shape = n % 8
        if shape == 0:
            query = word()
        elif shape == 1:
            query = " OR ".join(word() for _ in range(rng.randint(2, 5)))
        elif shape == 2:
            query = f"({word()} OR {word()}) {word()} -{word()}"
        elif shape == 3:
            query = f'"{word()} {word()}" OR {word()}'
        elif shape == 4:
            query = f"title:{word()} {word()}"
        elif shape == 5:
            query = f"{word()} /{rng.choice(['投资', '项目', '签约'])}\\d+/"
        elif shape == 6:
            query = f"{word()} {word()} NOT {word()}"
        else:
            query = f'{word()} OR "{word()}{word()}"'
        sites = ["liaoning-*"] if n % 10 == 0 else []
        rules.append(RuleConfig(name=f"rule-{n}", query=query, sites=sites))
    return rules


def bench_matching(articles: list[dict[str, str]], counts: list[int], rounds: int,
                   hit_rate: float) -> list[dict[str, Any]]:
    rng = random.Random(42)
    present, absent = vocabulary(articles, rng)
    results = []
    for count in counts:
        rules = make_rules(count, present, absent, rng, hit_rate)
        start = time.perf_counter()
        matcher = Matcher([compile_rule(r) for r in rules])
        compile_s = time.perf_counter() - start
        timings = []
        hits = 0
        cpu0 = time.process_time()
        for _ in range(rounds):
            for article in articles:
                t0 = time.perf_counter()
                found = matcher.match(article["title"], article["body"], article["site"])
                timings.append(time.perf_counter() - t0)
                hits += len(found)
        cpu_ms = (time.process_time() - cpu0) * 1000 / (rounds * len(articles))
        timings.sort()
        results.append({
            "rules": count,
            "hit_rate": hit_rate,
            "cpu_ms": round(cpu_ms, 4),
            "compile_s": round(compile_s, 3),
            "articles": len(articles),
            "mean_ms": round(statistics.mean(timings) * 1000, 4),
            "p50_ms": round(timings[len(timings) // 2] * 1000, 4),
            "p99_ms": round(timings[int(len(timings) * 0.99)] * 1000, 4),
            "matches_per_article": round(hits / (rounds * len(articles)), 2),
        })
    return results


class _Receiver:
    def __init__(self) -> None:
        self.arrivals: dict[str, float] = {}
        self.event = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.arrivals[body["title"]] = time.perf_counter()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                outer.event.set()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()


def bench_latency(stories: int, interval: float) -> dict[str, Any]:
    receiver = _Receiver()
    folder = Path(tempfile.mkdtemp(prefix="newsmon-bench-alerts-"))
    data = {"database": str(folder / "news.db"), "alerts": {
        "channels": {"ops": {"type": "webhook", "url": receiver.url}},
        "rules": [{"name": "rare-gas", "query": "氪氙 OR 稀有气体"}],
    }}
    config = parse_config(data, str(folder / "config.yaml"))
    store = Store(config.database_path)
    install_alert_hook(store, config)
    sender = AlertSender(config, interval=interval)
    stop = threading.Event()
    thread = threading.Thread(target=sender.run, args=(stop,), daemon=True)
    thread.start()
    time.sleep(0.3)
    rng = random.Random(1)
    latencies = []
    for n in range(stories):
        title = f"大连氪氙项目第{n}期"
        body = f"第{n}期：大连氪氙气体项目签约，总投资{n + 1}亿元。"
        time.sleep(rng.uniform(0, interval))  # stories arrive at random moments of the polling cycle
        receiver.event.clear()
        t0 = time.perf_counter()
        store.add_article(site="gov-ln", url=f"http://gov-ln.example/{n}.html", title=title, body=body,
                          fingerprint=text_fingerprint(body))
        deadline = time.monotonic() + 10
        while title not in receiver.arrivals and time.monotonic() < deadline:
            receiver.event.wait(0.05)
            receiver.event.clear()
        latencies.append(receiver.arrivals.get(title, float("inf")) - t0)
    stop.set()
    thread.join(timeout=5)
    store.close()
    receiver.server.shutdown()
    latencies.sort()
    return {
        "stories": stories,
        "poll_interval_s": interval,
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1),
        "mean_ms": round(statistics.mean(latencies) * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="Fewer rounds and stories.")
    parser.add_argument("--json", action="store_true", help="Print results as JSON.")
    args = parser.parse_args()
    articles = load_articles()
    rounds = 1 if args.quick else 3
    matching = bench_matching(articles, [10, 1_000, 10_000], rounds, hit_rate=0.05)
    matching += bench_matching(articles, [10_000], rounds, hit_rate=0.2)  # stress: many rules hit each story
    latency = [bench_latency(10 if args.quick else 30, interval) for interval in (0.5, 0.1)]
    if args.json:
        print(json.dumps({"matching": matching, "latency": latency}, ensure_ascii=False, indent=2))
        return
    print(f"Matching ({matching[0]['articles']} articles, per article; terms in corpus = hit rate):")
    print("  rules  hit rate  compile   cpu ms   mean ms   p50 ms   p99 ms   matches/article")
    for r in matching:
        print(f"  {r['rules']:>6}  {r['hit_rate']:>6.0%}  {r['compile_s']:>6.2f}s  {r['cpu_ms']:>7.3f}  "
              f"{r['mean_ms']:>8.3f}  {r['p50_ms']:>7.3f}  {r['p99_ms']:>7.3f}   {r['matches_per_article']}")
    print("Story stored -> webhook received (AlertSender thread polling the outbox):")
    for r in latency:
        print(f"  poll every {r['poll_interval_s']}s, {r['stories']} stories: p50 {r['p50_ms']} ms, "
              f"mean {r['mean_ms']} ms, max {r['max_ms']} ms")


if __name__ == "__main__":
    main()
