"""A thread per round, end to end on the loopback Discord: `/subscribe kind:all threads:true`, then a
new round-8 article on a polled feed starts a thread named with the round on its digest; a later
source posts one line there; nothing is posted twice, also across a restart; an archived thread
is unarchived, a deleted one started anew; /subscribe names the thread permissions it lacks."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from aiohttp import web

from bot.answers.thread_posts import line_payload
from bot.chat.client import ParleyBot
from bot.chat.delivery import DeliveryWorker
from bot.chat.threads import ThreadWorker
from bot.feeds.polling import poll_once
from bot.feeds.seedfeed import seed_feed_xml
from storage import Store, outbox
from storage.kinds import OutboxKind
from storage.models import utcnow
from storage.threads import source_line_key, thread_destination
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot
from tests.fakediscord.server import ALL_PERMISSIONS

ROUND8 = Path(__file__).parent / "data" / "round8"
CREATE_PUBLIC_THREADS = 1 << 35
SEND_MESSAGES_IN_THREADS = 1 << 38


class RoundEightSite:
    """A loopback news site whose feed publishes the two round-8 reports one after the other."""

    def __init__(self) -> None:
        self.items = 0
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def __aenter__(self) -> RoundEightSite:
        app = web.Application()
        app.router.add_get("/feed.xml", self._feed)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/feed.xml"  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.runner is not None
        await self.runner.cleanup()

    async def _feed(self, _request: web.Request) -> web.Response:
        xml = seed_feed_xml(ROUND8)
        found = re.findall(r"<item>.*?</item>", xml, flags=re.S)
        head, tail = xml.split(found[0], 1)[0], xml.rsplit(found[-1], 1)[1]
        return web.Response(text=head + "".join(found[: self.items]) + tail, content_type="application/rss+xml")


@pytest.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[ParleyBot]:
    settings = bot_settings(fake, database_url=store.database_url, allow_private_feeds=True)
    async with running_bot(fake, settings, store=store, delivery=False) as running:
        yield running


async def _subscribe_with_threads(fake: FakeDiscord, bot: ParleyBot, site: RoundEightSite, channel: str) -> None:
    added = await fake.interact("feed", [{"name": "url", "type": 3, "value": site.url}], subcommand=["add"])
    assert "Feed added" in added.text
    await poll_once(bot.settings, out=io.StringIO())  # the first poll records, announces nothing
    reply = await fake.interact("subscribe", [{"name": "kind", "type": 3, "value": "all"},
                                              {"name": "threads", "type": 5, "value": True}], channel=channel)
    assert "thread" in reply.text and not reply.ephemeral


async def _deliver(bot: ParleyBot, store: Store) -> None:
    await DeliveryWorker(bot, store, worker_id="test").run_once()
    await ThreadWorker(bot, store, worker_id="test").run_once()


async def test_a_new_round_starts_a_thread_on_its_digest_and_a_later_source_posts_one_line(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    news = fake.channel_id("news")
    async with RoundEightSite() as site:
        await _subscribe_with_threads(fake, bot, site, news)
        site.items = 1
        await poll_once(bot.settings, out=io.StringIO())
        await _deliver(bot, store)
        (digest,) = fake.posted(news)
        assert digest["embeds"][0]["title"].startswith("Round 8")
        assert "15%" in str(digest["embeds"])
        (thread,) = fake.threads(news)
        assert thread["id"] == digest["id"], "the thread is started on the digest's message"
        assert thread["name"].startswith("Round 8 · 2025-07-2") and "Washington" in thread["name"]
        assert fake.posted(thread["id"]) == []

        site.items = 2  # another outlet reports round 8
        await poll_once(bot.settings, out=io.StringIO())
        await _deliver(bot, store)
        await poll_once(bot.settings, out=io.StringIO())  # nothing new
        await _deliver(bot, store)
    (edited,) = fake.posted(news)
    assert edited["id"] == digest["id"] and "Second Paper" in str(edited["embeds"])
    (line,) = fake.posted(thread["id"])
    assert line["content"].startswith("new source: Second Paper — Eighth round ends with 15% car tariff")
    assert len(fake.threads(news)) == 1
    assert len(fake.requests_to("POST", r"/threads$")) == 1
    assert len(fake.requests_to("POST", rf"^/channels/{news}/messages$")) == 1


async def test_thread_lines_are_posted_once_across_a_restart(fake: FakeDiscord, store: Store) -> None:
    news = fake.channel_id("news")
    settings = bot_settings(fake, database_url=store.database_url, allow_private_feeds=True)
    async with RoundEightSite() as site:
        async with running_bot(fake, settings, store=store, delivery=False) as first:
            await _subscribe_with_threads(fake, first, site, news)
            site.items = 1
            await poll_once(settings, out=io.StringIO())
            await _deliver(first, store)
            site.items = 2
            await poll_once(settings, out=io.StringIO())
            await DeliveryWorker(first, store, worker_id="test").run_once()
            release = fake.stall("POST", r"^/channels/\d+/messages$")  # the line is made, the answer lost
            crashing = asyncio.create_task(ThreadWorker(first, store, worker_id="crashing").run_once())
            await asyncio.wait_for(fake.stalled.wait(), 10)
            crashing.cancel()  # the process dies before it records the line
            release.set()
        async with running_bot(fake, settings, store=store, delivery=False) as second:
            later = ThreadWorker(second, store, worker_id="restarted",
                                 clock=lambda: utcnow() + timedelta(minutes=5))  # the dead lease has run out
            assert [o.result for o in await later.run_once()] == ["posted"]
            assert await later.run_once() == []
    (thread,) = fake.threads(news)
    assert len(fake.posted(thread["id"])) == 1, "the line posted before the crash is not posted again"


async def test_an_archived_thread_is_unarchived_and_a_deleted_one_started_anew(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    news = fake.channel_id("news")
    async with RoundEightSite() as site:
        await _subscribe_with_threads(fake, bot, site, news)
        site.items = 1
        await poll_once(bot.settings, out=io.StringIO())
        await _deliver(bot, store)
        (thread,) = fake.threads(news)
        await fake.archive_thread(thread["id"])
        site.items = 2
        await poll_once(bot.settings, out=io.StringIO())
        await _deliver(bot, store)
        assert fake.channels[thread["id"]]["thread_metadata"]["archived"] is False
        assert len(fake.posted(thread["id"])) == 1

        await fake.delete_thread(thread["id"])
        async with store.transaction() as session:  # a third source of round 8 arrives
            await outbox.put_outbox(session, destination=thread_destination(int(news), 8), item_key=source_line_key(999),
                                kind=OutboxKind.THREAD, payload=line_payload("Third Outlet", "More on round 8", None))
        await _deliver(bot, store)
    (fresh,) = fake.threads(news)
    assert fresh["id"] != thread["id"] and fresh["name"].startswith("Round 8")
    recorded = await store.thread_of(int(news), 8)
    assert recorded is not None and recorded.thread_id == int(fresh["id"])
    (line_in_fresh,) = fake.posted(fresh["id"])
    assert "Third Outlet" in line_in_fresh["content"]


async def test_subscribe_with_threads_names_the_missing_permissions(fake: FakeDiscord, bot: ParleyBot) -> None:
    news = fake.channel_id("news")
    payload = fake.interaction_payload("subscribe", [{"name": "threads", "type": 5, "value": True}], channel=news)
    payload["app_permissions"] = str(ALL_PERMISSIONS & ~CREATE_PUBLIC_THREADS & ~SEND_MESSAGES_IN_THREADS)
    reply = await fake.send_interaction(payload)
    assert reply.ephemeral
    assert "Create Public Threads" in reply.content and "Send Messages in Threads" in reply.content
    without = await fake.interact("subscribe", channel=news)
    assert "thread" not in without.text, "threads stay off by default"


async def test_a_question_in_a_recorded_rounds_thread_is_about_that_round(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    news = fake.channel_id("news")
    async with RoundEightSite() as site:
        await _subscribe_with_threads(fake, bot, site, news)
        site.items = 1
        await poll_once(bot.settings, out=io.StringIO())
        await _deliver(bot, store)
    (thread,) = fake.threads(news)
    question = await fake.say("how long did they meet?", mention=True, channel=thread["id"])
    reply = await fake.wait_for_reply(question)
    assert isinstance(reply, dict) and "Round 8" in str(reply["embeds"]) and "70 min" in str(reply["embeds"])
