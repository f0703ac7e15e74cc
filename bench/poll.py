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
   With ``--hostile`` (default 1%), a cycle where that share of all feeds serve hostile items (NUL,
   ANSI escapes and bidi overrides; a Markdown-injecting link and a sentence longer than any
   column; a 1 MB article; a billion-laughs DOCTYPE after 1.1 MB of comment) runs between two
   clean cycles that store entries, and its CPU time and peak memory are printed as ratios to
   theirs (CPU time of this process: the machine is shared, wall time moves more). Target:
   within 1.10x, under 300 MB;
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


HOSTILE_KINDS = ("control", "markdown", "huge", "bomb")
INJECTION = ") **FAKE: Japan accepts deal** [verify here](http://evil.example/x"
LONG_SENTENCE = "The two sides agreed to hold the next ministerial meeting" + ", with officials taking part" * 40 + "."
BOMB = (b'<!--' + b"x" * 1_100_000 + b'--><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "'
        + b"&lol;" * 10 + b'">' + b"".join(b'<!ENTITY lol%d "' % i + (b"&lol%d;" % (i - 1)) * 10 + b'">'
                                           for i in range(2, 10)) + b"]>")


def _hostile_item(kind: str, feed: int, n: int) -> tuple[str, str, str]:
    """(title, link, content) of one hostile item of ``kind``."""
    link = f"https://bench.example/{feed}/{n}"
    if kind == "control":  # NUL (as a character reference), ANSI escapes, bidi overrides
        return f"Story&#0; {n} \x1b[2J\x1b]0;pwned\x07 \u202egnp.exe", link, f"<p>{PARAGRAPH}&#0;\x1b[31m</p>"
    if kind == "markdown":  # Markdown injection through the link, a sentence longer than any column
        return f"**Story {n}** [x](http://evil.example)", link + INJECTION.replace("&", "&amp;"), f"<p>{LONG_SENTENCE}</p>"
    if kind == "huge":  # a 1 MB article
        return f"Story {n}", link, "<p>" + PARAGRAPH * 4_000 + "</p>"
    return f"Story {n}", link, f"<p>{PARAGRAPH}</p>"


def feed_xml(feed: int, version: int, entries: int, hostile: str | None = None) -> bytes:
    """A feed whose newest ``2 * (version - 1)`` entries appeared in later versions.

    A ``hostile`` feed's newest two entries are of that kind (see `_hostile_item`); a "bomb" feed
    carries a billion-laughs DOCTYPE after 1.1 MB of comment.
    """
    first = (version - 1) * 2
    items = []
    for n in range(first + entries - 1, first - 1, -1):
        if hostile and n >= first + entries - 2:
            title, link, content = _hostile_item(hostile, feed, n)
        else:
            title, link = f"Feed {feed} story {n}", f"https://bench.example/{feed}/{n}"
            content = f"<p>{PARAGRAPH}</p><p>{PARAGRAPH} Item {feed}-{n}.</p>"
        items.append(
            f"<item><guid>https://bench.example/{feed}/{n}</guid><title>{title}</title>"
            f"<link>{link}</link><pubDate>Fri, 06 Jun 2025 12:00:00 GMT</pubDate>"
            f"<description>{PARAGRAPH} Story {n} of feed {feed}.</description>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded>"
            "</item>"
        )
    head = b'<?xml version="1.0" encoding="utf-8"?>' + (BOMB if hostile == "bomb" else b"")
    return head + (
        '<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Bench feed {feed}</title><link>https://bench.example/{feed}</link><description>bench</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve(hosts: int, feeds: int, entries: int, ready: mp.connection.Connection) -> None:
    """The server process: every host serves every feed path; ``/bump?ids=`` gives feeds a new version."""
    from aiohttp import web

    versions = dict.fromkeys(range(feeds), 1)
    hostile: dict[tuple[int, int], str] = {}  # (feed, version) -> kind of hostility
    cache: dict[tuple[int, int], bytes] = {}

    async def handler(request: web.Request) -> web.StreamResponse:
        feed = int(request.match_info["n"])
        version = versions[feed]
        etag = f'"{feed}-{version}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = cache.get((feed, version))
        if body is None:
            body = cache[(feed, version)] = feed_xml(feed, version, entries, hostile.get((feed, version)))
        return web.Response(body=body, headers={"ETag": etag, "Content-Type": "application/rss+xml"})

    async def bump(request: web.Request) -> web.StreamResponse:
        bad = [int(p) for p in request.query.get("hostile", "").split(",") if p]
        for part in request.query.get("ids", "").split(","):
            if part:
                versions[int(part)] += 1
        for i, feed in enumerate(bad):  # each kind of hostility in turn
            hostile[(feed, versions[feed])] = HOSTILE_KINDS[i % len(HOSTILE_KINDS)]
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
        from bot.knowledge.ingest import GROUP
        from storage.models import Entry

        # skip the known guids, as the pipeline does
        known = await store.known_guids([e.guid for entries, _, _ in batches for e in entries])
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
    results: list[tuple[str, float, float, float]] = []
    bad: list[int] = []
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
        if args.hostile and "store" in modes:
            # the hostile cycle between two clean ones: its baseline is their mean
            modes = ("store", "hostile", "store", *[m for m in modes if m != "store"])
        for offset, mode in enumerate(modes):
            changed = list(range(offset, args.feeds, step))[: round(args.feeds * args.changed)]
            # the hostile cycle: 1% of all feeds (among the changed ones) serve hostile items
            if mode == "hostile":
                bad = changed[:: max(1, len(changed) // max(1, round(args.feeds * args.hostile)))][
                    : round(args.feeds * args.hostile)]
                params = {"ids": ",".join(map(str, changed)), "hostile": ",".join(map(str, bad))}
            else:  # the hostile feeds of a cycle before turn clean again (a handful more changed feeds)
                params = {"ids": ",".join(map(str, sorted({*changed, *bad}))), "hostile": ""}
                bad = []
            async with aiohttp.ClientSession() as s, s.post(bump_url, params=params):
                pass
            feeds = await store.list_feeds()
            ingest.count, ingest.keep = 0, mode in ("store", "hostile")
            base = rss_mb()
            peak_rss_reset()
            cpu = time.process_time()
            elapsed, kinds = await cycle(poller, feeds)
            cpu = time.process_time() - cpu
            peak = peak_rss_mb()
            label = "entries stored in SQLite" if ingest.keep else "ingest step a no-op"
            if mode == "store" and offset:
                label += " (again)"
            if mode == "hostile":
                label = f"entries stored in SQLite, {len(bad)} feeds ({args.hostile:.0%}) hostile"
            print(f"measured cycle ({label}): {len(feeds)} feeds, {kinds}, {ingest.count} new entries")
            print(f"  wall time {elapsed:.2f} s, CPU {cpu:.2f} s; peak RSS {peak:.0f} MB "
                  f"(process was {base:.0f} MB before the cycle)")
            results.append((label, elapsed, peak, cpu))
        await poller.close()
    naive_start = time.perf_counter()
    naive_entries = 0
    for url in urls:
        naive_entries += len(feedparser.parse(url).entries)
    naive = time.perf_counter() - naive_start
    print(f"naive loop feedparser.parse(url) x {len(urls)}: {naive:.2f} s ({naive_entries} entries parsed)")
    cleans = [r for r in results if r[0].startswith("entries stored in SQLite") and not r[0].endswith("hostile")]
    clean_s = sum(r[1] for r in cleans) / len(cleans) if cleans else float("nan")
    clean_cpu = sum(r[3] for r in cleans) / len(cleans) if cleans else float("nan")
    clean_mb = max((r[2] for r in cleans), default=float("nan"))
    for label, elapsed, peak, cpu in results:
        if label.endswith("hostile"):
            ok = cpu / clean_cpu <= 1.10 and peak < 300
            print(f"{label}: CPU {cpu:.2f} s = {cpu / clean_cpu:.2f}x the clean cycles' mean {clean_cpu:.2f} s "
                  f"(wall {elapsed:.2f} s = {elapsed / clean_s:.2f}x {clean_s:.2f} s); {peak:.0f} MB peak = "
                  f"{peak / clean_mb:.2f}x the clean cycles' {clean_mb:.0f} MB; targets (CPU <= 1.10x, < 300 MB) "
                  f"{'met' if ok else 'NOT met'}")
            continue
        ok = elapsed < 10 and peak < 300 and naive / elapsed >= 10
        print(f"{label}: {elapsed:.2f} s, {peak:.0f} MB peak, {naive / elapsed:.1f}x faster than the naive loop; "
              f"targets (< 10 s, < 300 MB, >= 10x) {'met' if ok else 'NOT met'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--changed", type=float, default=0.2, help="share of feeds with new entries (200s)")
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--hostile", type=float, default=0.01,
                        help="share of all feeds serving hostile items in an extra measured cycle (0 to skip)")
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
