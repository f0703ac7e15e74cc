"""Extraction never runs on the event loop, never reads past the article cap, and an article that
runs over its time budget is cut off and quarantined: the poll ends, the feed's other articles
are stored, and the loop that also serves the gateway and the commands never waits for it."""

from __future__ import annotations

import functools
import threading

from aiohttp import web
from sqlmodel import col, select

from bot.extract import extract_entry
from bot.extract.facts import ArticleFacts
from bot.extract.profile import Profile
from bot.feeds.entry import FeedEntry
from bot.feeds.fetch import FetchLimits
from bot.feeds.policy import PollPolicy
from bot.feeds.polling import Poller
from bot.knowledge.ingest import ingest_feeds
from bot.knowledge.offloop import MAX_ARTICLE_CHARS
from storage import Store
from storage.models import Entry
from tests.loopback_http import serve

ROUND = ("Japan's chief tariff negotiator Ryosei Akazawa met Commerce Secretary Howard Lutnick in Washington "
         "on Friday for the fifth round of tariff talks.")
HUGE = "&lt;p&gt;" + "The talks went on. " * 280_000 + "&lt;/p&gt;"  # 5.3 MB, as in the report


class Watched:
    """The real extractor, noting which thread ran it and how much HTML it was given; the article
    named ``stall`` waits until released, as a pathological article would keep it busy."""

    def __init__(self, stall: str) -> None:
        self.stall = stall
        self.release = threading.Event()
        self.threads: set[int] = set()
        self.lengths: dict[str, int] = {}

    def __call__(self, entry: FeedEntry, profile: Profile) -> ArticleFacts:
        self.threads.add(threading.get_ident())
        self.lengths[entry.guid] = len(entry.html)
        if entry.guid == self.stall:
            self.release.wait(60)
        return extract_entry(entry, profile)


def rss(*items: tuple[str, str]) -> bytes:
    body = "".join(f"<item><guid>{guid}</guid><title>{guid}</title><link>https://news.example/{guid}</link>"
                   f"<description>{text}</description></item>" for guid, text in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'.encode()


async def test_a_huge_article_is_capped_extracted_off_the_loop_and_cut_off_at_its_budget(store: Store) -> None:
    doc = rss(("one", f"{ROUND} Report one."), ("huge", HUGE), ("two", f"{ROUND} Report two."))
    watched = Watched(stall="huge")

    async def feed(_: web.Request) -> web.Response:
        return web.Response(body=doc, content_type="application/rss+xml")

    loop_thread = threading.get_ident()
    try:
        async with serve({"/rss": feed}) as base:
            row = await store.add_feed(f"{base}/rss")
            limits = FetchLimits(allow_private=True, total_timeout=10, max_bytes=8 << 20, max_decompressed_bytes=8 << 20)
            ingest = functools.partial(ingest_feeds, extract=watched, budget=2.0)
            async with Poller(store, policy=PollPolicy(interval=300), limits=limits, ingest_many=ingest) as poller:
                outcome = await poller.poll_feed(await store.get_feed(row.id))
    finally:
        watched.release.set()
    assert (outcome.kind, outcome.error) == ("new", None)
    assert loop_thread not in watched.threads  # the loop only waited
    assert len(HUGE) > 5_000_000 and watched.lengths["huge"] <= MAX_ARTICLE_CHARS
    async with store.session() as session:
        stored = {e.guid: e for e in (await session.exec(select(Entry))).all()}
        quarantined = (await session.exec(select(Entry).where(col(Entry.quarantine).is_not(None)))).all()
    assert sorted(stored) == ["huge", "one", "two"]
    assert [q.guid for q in quarantined] == ["huge"]
    assert quarantined[0].quarantine == "extraction took longer than its budget of 2 s"
    assert stored["one"].facts_json and stored["two"].facts_json  # the articles around it were read
    assert stored["two"].round == 5


async def test_an_article_within_the_cap_is_read_whole(store: Store) -> None:
    watched = Watched(stall="none")
    text = f"<p>{ROUND}</p>" + "<p>More.</p>" * 1000
    reports = await ingest_feeds(store, [([FeedEntry("a", "A", None, text, None)], None, False)], extract=watched)
    assert reports[0].new == 1 and watched.lengths["a"] == len(text)
