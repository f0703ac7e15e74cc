"""One full poll cycle over 1,000 feeds on loopback, beside a naive feedparser loop.

    .venv/bin/python bench/poll.py [--feeds 1000] [--hosts 50] [--changed 0.2] [--entries 20]

A server process serves ``--feeds`` RSS feeds (``--entries`` items each, ETag-validated)
from ``--hosts`` loopback addresses (127.0.0.1, 127.0.0.2, ...: the per-host connection
limit applies per address, as it would across real sites). The bench then:

1. primes a SQLite database with one untimed cycle (every feed's first poll);
2. gives a ``--changed`` share of the feeds two new entries (they answer 200, the rest 304);
3. times one full cycle of the real `bot.feeds.polling.Poller`: conditional GET, guards, parsing
   (only the new items reach feedparser), handing new entries to the ingest step, and the
   feed-state writes in SQLite. It does so twice (with a fresh ``--changed`` share each time):
   once with an ingest step that stores the entries in SQLite, grouped into transactions as
   the pipeline's group commit does, and once with a no-op ingest step, which isolates the poller's own
   cost. Neither extracts facts (the extractor and the knowledge base have their own
   benchmarks, bench/extract.py and bench/knowledge.py);
4. times the naive loop ``for url in urls: feedparser.parse(url)`` over the same feeds, in
   the same run (no validators, so every feed is downloaded and parsed).

Peak memory is the growth of this process's peak RSS during the cycle (Linux VmHWM, reset
before the cycle); the server runs in its own process and is not counted.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import contextlib

import feedparser

from bot.feeds.fetch import FetchLimits
from bot.feeds.policy import PollPolicy
from bot.feeds.polling import Poller

PARAGRAPH = (
    "Japan's chief tariff negotiator Ryosei Akazawa met U.S. Treasury Secretary Scott Bessent in Washington "
    "for another round of talks on the tariffs, officials said, as both sides sought to narrow differences "
    "over autos, agriculture and non-tariff barriers before the leaders meet. "
)


def feed_xml(feed: int, version: int, entries: int) -> bytes:
    """A feed whose newest ``2 * (version - 1)`` entries appeared in later versions."""
    first = (version - 1) * 2
    items = []
    for n in range(first + entries - 1, first - 1, -1):
        items.append(
            f"<item><guid>https://bench.example/{feed}/{n}</guid><title>Feed {feed} story {n}</title>"
            f"<link>https://bench.example/{feed}/{n}</link><pubDate>Fri, 06 Jun 2025 12:00:00 GMT</pubDate>"
            f"<description>{PARAGRAPH} Story {n} of feed {feed}.</description>"
            f"<content:encoded><![CDATA[<p>{PARAGRAPH}</p><p>{PARAGRAPH} Item {feed}-{n}.</p>]]></content:encoded>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Bench feed {feed}</title><link>https://bench.example/{feed}</link><description>bench</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve(hosts: int, feeds: int, entries: int, ready: mp.connection.Connection) -> None:
    """The server process: every host serves every feed path; ``/bump?ids=`` gives feeds a new version."""
    from aiohttp import web

    versions = dict.fromkeys(range(feeds), 1)
    cache: dict[tuple[int, int], bytes] = {}

    async def handler(request: web.Request) -> web.StreamResponse:
        feed = int(request.match_info["n"])
        version = versions[feed]
        etag = f'"{feed}-{version}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = cache.get((feed, version))
        if body is None:
            body = cache[(feed, version)] = feed_xml(feed, version, entries)
        return web.Response(body=body, headers={"ETag": etag, "Content-Type": "application/rss+xml"})

    async def bump(request: web.Request) -> web.StreamResponse:
        for part in request.query.get("ids", "").split(","):
            if part:
                versions[int(part)] += 1
        return web.Response(text="ok")

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feed/{n}.xml", handler)
        app.router.add_post("/bump", bump)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        ports = []
        for h in range(hosts):
            site = web.TCPSite(runner, f"127.0.0.{h + 1}", 0, backlog=1024)
            await site.start()
            ports.append(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
        ready.send(ports)
        await asyncio.Event().wait()

    asyncio.run(main())


def peak_rss_reset() -> None:
    with contextlib.suppress(OSError):
        Path(f"/proc/{os.getpid()}/clear_refs").write_text("5")


def peak_rss_mb() -> float:
    for line in Path(f"/proc/{os.getpid()}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    for line in Path(f"/proc/{os.getpid()}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class StoreEntries:
    """The ingest step of the bench: stores entries (so the known-guid check is real), no extraction.

    Called as the poller calls the pipeline (`bot.knowledge.ingest.ingest_feeds`): the new entries of the
    feeds that finished while the previous group was being recorded, in one call, committed
    `GROUP` entries per transaction as the pipeline does.
    """

    def __init__(self, *, keep: bool = True) -> None:
        self.count = 0
        self.keep = keep

    async def __call__(self, store, batches, *, console=False):  # type: ignore[no-untyped-def]
        if not self.keep:
            counts = [len(entries) for entries, _, _ in batches]
            self.count += sum(counts)
            return counts
        from sqlmodel import col, select

        from bot.knowledge.ingest import GROUP
        from storage.models import Entry

        async with store.session() as session:  # skip the known guids, as the pipeline does
            guids = [e.guid for entries, _, _ in batches for e in entries]
            known = set((await session.exec(select(Entry.guid).where(col(Entry.guid).in_(guids)))).all())
        todo = [(e, feed_id, n) for n, (entries, feed_id, _) in enumerate(batches) for e in entries
                if e.guid not in known]
        counts = [0] * len(batches)
        for start in range(0, len(todo), GROUP):
            async with store.transaction() as session:
                for e, feed_id, n in todo[start : start + GROUP]:
                    session.add(Entry(guid=e.guid, link=e.link, title=e.title, feed_id=feed_id,
                                      content_hash=hashlib.sha256(e.html.encode()).hexdigest()))
                    counts[n] += 1
        self.count += len(todo)
        return counts


async def cycle(poller: Poller, feeds) -> tuple[float, dict[str, int]]:  # type: ignore[no-untyped-def]
    kinds: dict[str, int] = {}
    start = time.perf_counter()
    outcomes = await poller.poll_many(feeds)
    elapsed = time.perf_counter() - start
    for o in outcomes:
        kinds[o.kind] = kinds.get(o.kind, 0) + 1
    return elapsed, kinds


async def run(args: argparse.Namespace, urls: list[str], bump_url: str, db: str) -> None:
    import aiohttp

    from storage import Store
    from storage.migrate import upgrade

    await asyncio.to_thread(upgrade, db)
    results: list[tuple[str, float, float]] = []
    async with Store(db) as store:
        feeds = [await store.add_feed(u) for u in urls]
        ingest = StoreEntries(keep=True)
        poller = Poller(store, policy=PollPolicy(interval=300), limits=FetchLimits(allow_private=True),
                        ingest_many=ingest,
                        concurrency=64)
        await poller.__aenter__()  # one poller for every cycle, as in the running bot
        prime, kinds = await cycle(poller, feeds)
        print(f"priming cycle (first poll of every feed, not measured): {prime:.2f} s, {kinds}")
        step = max(1, round(1 / args.changed))
        modes = ("store", "none") if args.ingest == "both" else (args.ingest,)
        for offset, mode in enumerate(modes):
            changed = list(range(offset, args.feeds, step))[: round(args.feeds * args.changed)]
            async with aiohttp.ClientSession() as s, s.post(bump_url, params={"ids": ",".join(map(str, changed))}):
                pass
            feeds = await store.list_feeds()
            ingest.count, ingest.keep = 0, mode == "store"
            base = rss_mb()
            peak_rss_reset()
            elapsed, kinds = await cycle(poller, feeds)
            peak = peak_rss_mb()
            label = "entries stored in SQLite" if ingest.keep else "ingest step a no-op"
            print(f"measured cycle ({label}): {len(feeds)} feeds, {kinds}, {ingest.count} new entries")
            print(f"  wall time {elapsed:.2f} s; peak RSS {peak:.0f} MB (process was {base:.0f} MB before the cycle)")
            results.append((label, elapsed, peak))
        await poller.close()
    naive_start = time.perf_counter()
    naive_entries = 0
    for url in urls:
        naive_entries += len(feedparser.parse(url).entries)
    naive = time.perf_counter() - naive_start
    print(f"naive loop feedparser.parse(url) x {len(urls)}: {naive:.2f} s ({naive_entries} entries parsed)")
    for label, elapsed, peak in results:
        ok = elapsed < 10 and peak < 300 and naive / elapsed >= 10
        print(f"{label}: {elapsed:.2f} s, {peak:.0f} MB peak, {naive / elapsed:.1f}x faster than the naive loop; "
              f"targets (< 10 s, < 300 MB, >= 10x) {'met' if ok else 'NOT met'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--changed", type=float, default=0.2, help="share of feeds with new entries (200s)")
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--ingest", choices=("both", "store", "none"), default="both",
                        help="measured cycle(s): new entries stored in SQLite, handed to a no-op, or both (default)")
    args = parser.parse_args()
    recv, send = mp.Pipe(duplex=False)
    server = mp.get_context("fork").Process(target=serve, args=(args.hosts, args.feeds, args.entries, send),
                                            daemon=True)
    server.start()
    ports = recv.recv()
    urls = [f"http://127.0.0.{n % args.hosts + 1}:{ports[n % args.hosts]}/feed/{n}.xml" for n in range(args.feeds)]
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/bench.db"
        print(f"{args.feeds} feeds of {args.entries} entries on {args.hosts} loopback hosts; "
              f"{args.changed:.0%} with new entries in the measured cycle; {os.cpu_count()} CPUs")
        asyncio.run(run(args, urls, f"http://127.0.0.1:{ports[0]}/bump", db))
    server.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
