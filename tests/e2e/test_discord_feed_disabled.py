"""A feed that fails for good is announced once in each subscribed channel (as MonitoRSS does).

The real chain on both databases: a loopback feed server answers 410 Gone (or 500, again and
again), the poller disables the feed, the bot's ``on_outcome`` hook writes one notice per active
subscription to the outbox, and the delivery worker posts it to the loopback Discord.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiohttp import web

from bot.answers.notices import after_poll
from bot.feeds.fetch import FetchLimits
from bot.feeds.policy import PollPolicy
from bot.feeds.polling import Poller, PollOutcome
from storage import Store
from storage.models import as_utc, utcnow
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot
from tests.loopback_http import serve


@pytest.fixture
async def feeds() -> AsyncIterator[str]:
    """A loopback feed server whose feeds are gone (410) or broken (500); yields its base URL."""
    async def gone(_request: web.Request) -> web.Response:
        return web.Response(status=410, text="gone")

    async def broken(_request: web.Request) -> web.Response:
        return web.Response(status=500, text="down")

    async with serve({"/gone.xml": gone, "/broken.xml": broken}) as base:
        yield base


async def subscribe(store: Store, fake: FakeDiscord) -> tuple[list[str], str]:
    """``general`` and ``news`` subscribed; ``alerts`` subscribed but disabled (Parley lost access)."""
    active = [fake.channel_id("general"), fake.channel_id("news")]
    for cid, kind in zip(active, ("digests", "changes"), strict=True):
        await store.add_subscription(guild_id=int(fake.guild_id), channel_id=int(cid), kind=kind)
    closed = fake.channel_id("alerts")
    await store.add_subscription(guild_id=int(fake.guild_id), channel_id=int(closed))
    await store.disable_subscription(int(closed), "Missing Access to channel")
    return active, closed


async def notices(store: Store) -> list[tuple[str, str]]:
    return [(r.destination, r.item_key) for r in await store.outbox_items() if r.kind == "notice"]


async def test_a_gone_feed_is_announced_once_in_each_subscribed_channel(fake: FakeDiscord, store: Store,
                                                                        feeds: str) -> None:
    active, closed = await subscribe(store, fake)
    settings = bot_settings(fake, database_url=store.database_url, allow_private_feeds=True,
                            poll_interval_seconds=10)
    async with running_bot(fake, settings, store=store, scheduler=True) as bot:
        # as /feed add does, picked up by the scheduler's sync; the token must reach no channel
        feed = await store.add_feed(f"{feeds}/gone.xml?token=s3cret", guild_id=int(fake.guild_id))
        await store.update_feed_state(feed.id, next_poll_at=utcnow() + timedelta(seconds=1))
        await bot.scheduler.sync()
        posts = [(await fake.wait_for_posts(cid, 1, wait=30))[0] for cid in active]

        gone = await store.get_feed(feed.id)
        assert gone.disabled_at is not None and "410" in gone.disabled_reason
        key = f"notice:feed-disabled:{feed.id}:{as_utc(gone.disabled_at).isoformat()}"
        assert sorted(await notices(store)) == sorted((f"discord:{cid}", key) for cid in active)
        for post in posts:
            (embed,) = post["embeds"]
            text = (embed["title"] + embed["description"] + "".join(f["value"] for f in embed["fields"])
                    ).replace("\\", "")  # as Discord shows it, Markdown escapes read
            assert embed["title"].replace("\\", "") == f"Feed disabled: {feeds}/gone.xml?token=***"
            assert "HTTP 410 Gone" in text and f"/feed add with the address of feed #{feed.id}" in text
        assert not [r for r in fake.requests if "s3cret" in json.dumps(r.body)], "the token reached Discord"
        assert fake.posted(closed) == []

        # The same disabling reported again (a second bot, a repeated hook): nothing more is written or posted.
        await bot.on_poll_outcome(PollOutcome(url=feed.url, feed_id=feed.id, kind="disabled"))
        assert len(await notices(store)) == 2
        await bot.delivery.run_once()
        assert [len(fake.posted(cid)) for cid in active] == [1, 1]


async def test_a_feed_failing_again_and_again_is_announced_and_re_enabled_by_feed_add(
        fake: FakeDiscord, store: Store, feeds: str) -> None:
    active, _closed = await subscribe(store, fake)
    url = f"{feeds}/broken.xml"
    feed = await store.add_feed(url, guild_id=int(fake.guild_id))
    settings = bot_settings(fake, database_url=store.database_url, allow_private_feeds=True)
    policy = PollPolicy(interval=10, disable_after=2)
    async with running_bot(fake, settings, store=store, delivery=False) as bot, \
            Poller(store, policy=policy, limits=FetchLimits(allow_private=True)) as poller:

        async def poll() -> PollOutcome:  # what the scheduler does with each poll
            outcome = await poller.poll_feed(await store.get_feed(feed.id))
            await bot.on_poll_outcome(outcome)
            return outcome

        assert (await poll()).kind == "error" and await notices(store) == []  # one failure is not the end
        assert (await poll()).kind == "disabled"
        first = await notices(store)
        assert len(first) == 2
        assert await after_poll(store, PollOutcome(url=url, feed_id=feed.id, kind="disabled")) == 0

        reply = await fake.interact("feed", [{"name": "url", "type": 3, "value": url}], subcommand=["add"])
        assert "Feed re-enabled" in reply.text and "2 failures in a row" in reply.text
        again = await store.get_feed(feed.id)
        assert (again.disabled_at, again.disabled_reason, again.failures) == (None, None, 0)

        await poll()
        await poll()  # disabled once more: a new disabling, a new notice
        second = [n for n in await notices(store) if n not in first]
        assert len(second) == 2 and {d for d, _ in second} == {f"discord:{cid}" for cid in active}
