"""Channel isolation of the alert sender: a healthy channel's delivery time alone vs beside a hung one.

    .venv/bin/python bench/sender_isolation.py              # 25 and 100 alerts per channel
    .venv/bin/python bench/sender_isolation.py --quick      # 25 only

For N stories matched by one rule going to two webhook channels, one
``send_due`` pass (what ``newsmon crawl`` and ``alerts send`` run; the daemon
runs the same dispatcher continuously):

* baseline: both channels healthy (loopback receivers);
* hung: one channel's server accepts connections and never answers
  (``timeout: 3``), the other healthy.

Reports when the healthy channel's last alert arrived and how long the pass
took, and the ratio hung/baseline for the healthy channel (1.0 = fully
isolated). Before the isolating sender (one row at a time, 10 s timeout
each) the healthy channel got 4 of 25 alerts in 35 s.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsmon.alerts import install_alert_hook, send_due  # noqa: E402
from newsmon.config import parse_config  # noqa: E402
from newsmon.crawler.fingerprint import text_fingerprint  # noqa: E402
from newsmon.db import Store  # noqa: E402

HUNG_TIMEOUT_S = 3


class Receiver:
    def __init__(self) -> None:
        self.times: list[float] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.times.append(time.monotonic())
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


class Hung:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.conns.append(self.sock.accept()[0])
            except OSError:
                return


def run(n: int, hung: bool) -> tuple[float, float]:
    healthy = Receiver()
    other = Hung() if hung else Receiver()
    with tempfile.TemporaryDirectory() as folder:
        data = {"database": str(Path(folder) / "news.db"), "sites": [], "alerts": {
            "channels": {"ok": {"type": "webhook", "url": healthy.url},
                         "other": {"type": "webhook", "url": other.url, "timeout": HUNG_TIMEOUT_S}},
            "rules": [{"name": "rare-gas", "query": "氪氙"}]}}
        config = parse_config(data, str(Path(folder) / "config.yaml"))
        with Store(config.database_path) as store:
            install_alert_hook(store, config)
            for i in range(n):
                body = f"第{i}个氪氙项目在{i * 7 % 13}号地块开工，编号{i * 7919}。"
                store.add_article(site="gov", url=f"http://gov.example/{i}.html", title=f"氪氙项目{i}",
                                  body=body, fingerprint=text_fingerprint(body))
            started = time.monotonic()
            send_due(config, store)
            took = time.monotonic() - started
    assert len(healthy.times) == n, (len(healthy.times), n)
    return max(healthy.times) - started, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print("| alerts per channel | other channel | healthy channel done | pass done | ratio (healthy, hung/baseline) |")
    print("|---|---|---|---|---|")
    for n in ([25] if args.quick else [25, 100]):
        base_healthy, base_pass = run(n, hung=False)
        hung_healthy, hung_pass = run(n, hung=True)
        print(f"| {n} | healthy | {base_healthy:.2f} s | {base_pass:.2f} s | |")
        print(f"| {n} | hung (timeout {HUNG_TIMEOUT_S} s) | {hung_healthy:.2f} s | {hung_pass:.2f} s |"
              f" {hung_healthy / base_healthy:.2f} |")


if __name__ == "__main__":
    main()
