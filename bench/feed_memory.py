"""Peak memory of parsing hostile feed bodies, each as large as the fetch cap allows.

    python bench/feed_memory.py [--cap-mb N]

Each body is parsed by `bot.feeds.polling._parse_new` (the poller's parse: the XML guard, then
feedparser) in a fresh child process, and the child's peak resident memory is printed beside
that of parsing a small clean feed in the same way (the baseline: the interpreter and the
libraries). The target is a peak under 300 MB for every body within the decompressed fetch cap
(`FetchLimits.max_decompressed_bytes`). Bodies:

- entity bombs (billion laughs) after 1.1 MB, 3 MB and (cap - 1 MB) of comment;
- a DOCTYPE with an external entity after (cap - 1 MB) of comment;
- a feed of as many ordinary items as fit in the cap;
- a feed of one item whose text fills the cap.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BOMB_TAIL = (b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "' + b"&lol;" * 10 + b'">'
             + b"".join(b'<!ENTITY lol%d "' % i + (b"&lol%d;" % (i - 1)) * 10 + b'">' for i in range(2, 10))
             + b']><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>')
HEAD = b'<?xml version="1.0"?>\n'


def _item(n: int, text: str) -> bytes:
    return (f"<item><guid>https://news.example/{n}</guid><title>Story {n}</title>"
            f"<link>https://news.example/{n}</link><description>{text}</description></item>").encode()


def body(kind: str, cap: int) -> bytes:
    if kind == "clean":
        return HEAD + b'<rss version="2.0"><channel><title>t</title>' + _item(1, "text") + b"</channel></rss>"
    if kind.startswith("bomb-after-"):
        pad = {"1.1MB": 1_100_000, "3MB": 3 * 1024 * 1024, "cap": cap - 1024 * 1024}[kind.removeprefix("bomb-after-")]
        return HEAD + b"<!--" + b"x" * pad + b"-->" + BOMB_TAIL
    if kind == "external-entity-after-cap":
        return (HEAD + b"<!--" + b"x" * (cap - 1024 * 1024) + b'--><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                + b'<rss version="2.0"><channel><title>&e;</title></channel></rss>')
    open_, close = HEAD + b'<rss version="2.0"><channel><title>t</title>', b"</channel></rss>"
    if kind == "many-items":
        text = "Akazawa met Bessent in Washington for the fifth round of tariff talks on Friday."
        items, size, n = [], len(open_) + len(close), 0
        while True:
            piece = _item(n, text)
            if size + len(piece) > cap:
                break
            items.append(piece)
            size += len(piece)
            n += 1
        return open_ + b"".join(items) + close
    if kind == "one-huge-item":
        filler = cap - len(open_) - len(close) - 200
        return open_ + _item(1, "word " * (filler // 5)) + close
    raise SystemExit(f"unknown body {kind}")


def child(kind: str, cap: int) -> None:
    from bot.feeds.parse import FeedError
    from bot.feeds.polling import _parse_new

    data = body(kind, cap)
    start = time.perf_counter()
    try:
        _parsed, total = _parse_new(data, (), source="bench", content_type="application/rss+xml")
        outcome = f"{total} entries"
    except FeedError as exc:
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(data) / 1e6:.1f}\t{seconds:.2f}\t{peak:.0f}\t{outcome}")


KINDS = ["clean", "bomb-after-1.1MB", "bomb-after-3MB", "bomb-after-cap", "external-entity-after-cap",
         "many-items", "one-huge-item"]


def main() -> int:
    from bot.feeds.fetch import DEFAULT_LIMITS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cap-mb", type=float, default=DEFAULT_LIMITS.max_decompressed_bytes / 1024 / 1024)
    args = parser.parse_args()
    cap = int(args.cap_mb * 1024 * 1024)
    print(f"decompressed fetch cap: {cap / 1024 / 1024:g} MB; each body parsed in a fresh process")
    print(f"{'body':28} {'MB':>6} {'s':>7} {'peak MB':>8} {'x clean':>8}  outcome")
    baseline = None
    worst = 0.0
    for kind in KINDS:
        out = subprocess.run([sys.executable, __file__, "--child", kind, str(cap)], capture_output=True, text=True,
                             check=True).stdout.strip().split("\t")
        size, seconds, peak, outcome = float(out[0]), float(out[1]), float(out[2]), out[3]
        baseline = baseline or peak
        worst = max(worst, peak)
        print(f"{kind:28} {size:6.1f} {seconds:7.2f} {peak:8.0f} {peak / baseline:8.2f}  {outcome}")
    print(f"worst peak: {worst:.0f} MB ({'under' if worst < 300 else 'OVER'} the 300 MB target)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        raise SystemExit(0)
    raise SystemExit(main())
