"""Two servers on one Parley, through the real discord.py client and the loopback Discord: each
server's feeds, subscriptions and /status are its own (issue 13, finding 7: an admin of another
server saw the first server's feed URL with its ``?token=`` and removed it).

A feed's token reaches Discord in no message at all: every request the bot sends is read.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.chat.client import ParleyBot
from bot.chat.delivery import DeliveryWorker
from bot.feeds.polling import PollOutcome, poll_once
from bot.feeds.seedfeed import seed_feed_xml
from storage import Store
from storage.models import Feed
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot
from tests.loopback_http import serve

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SECRET = "s3cret-of-server-a"


@pytest.fixture
async def site() -> AsyncIterator[str]:
    body = seed_feed_xml(SEEDS).encode()

    async def feed(_: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/rss+xml")

    async def gone(_: web.Request) -> web.Response:
        return web.Response(status=410, text="gone")

    async with serve({"/feed.xml": feed, "/gone.xml": gone}) as base:
        yield base


@pytest.fixture
async def two(fake: FakeDiscord, store: Store) -> AsyncIterator[tuple[ParleyBot, str]]:
    """The bot in two servers: the fake's own (A: general, alerts, news) and B (b-general, b-alerts)."""
    guild_b = fake.add_guild("Other desk", ["b-general", "b-alerts"])
    settings = bot_settings(fake, database_url=store.database_url, allow_private_feeds=True)
    async with running_bot(fake, settings, store=store, delivery=False) as bot:
        assert {g.id for g in bot.guilds} == {int(fake.guild_id), int(guild_b)}
        yield bot, guild_b


def option(name: str, value: object, **extra: object) -> list[dict[str, object]]:
    return [{"name": name, "type": 3, "value": value, **extra}]


def shown(text: str) -> str:
    """Text as Discord shows it: Markdown escapes read as the character."""
    return text.replace("\\", "")


def sent_to_discord(fake: FakeDiscord) -> str:
    """Everything the bot sent to Discord: every request's body (answers, posts, edits...)."""
    return "\n".join(json.dumps(r.body) for r in fake.requests if r.body is not None)


async def test_an_admin_of_another_server_can_neither_see_nor_remove_a_servers_feed(
        fake: FakeDiscord, two: tuple[ParleyBot, str], store: Store, site: str) -> None:
    _bot, _guild_b = two
    tokened = f"{site}/feed.xml?token={SECRET}"
    in_a, in_b = fake.channel_id("general"), fake.channel_id("b-general")
    added = await fake.interact("feed", option("url", tokened), subcommand=["add"], channel=in_a)
    assert "Feed added" in added.text
    (feed,) = await store.list_feeds()

    listed = await fake.interact("feed", subcommand=["list"], channel=in_b)
    assert "/feed.xml" not in listed.text and "follows no feed" in listed.text
    choices = await fake.interact("feed", option("feed", "", focused=True), subcommand=["remove"], itype=4,
                                  channel=in_b)
    assert choices.choices == []
    for ref in (str(feed.id), f"#{feed.id}", tokened):
        refused = await fake.interact("feed", option("feed", ref), subcommand=["remove"], channel=in_b)
        assert refused.ephemeral and refused.content.startswith("no feed"), refused.content
    assert [f.id for f in await store.list_feeds()] == [feed.id], "A's feed is still followed"

    mine = await fake.interact("feed", subcommand=["list"], channel=in_a)
    assert f"#{feed.id} {site}/feed.xml?token=***" in shown(mine.text)
    assert SECRET not in sent_to_discord(fake)


async def test_the_same_url_in_two_servers_is_one_feed_each_server_removing_only_its_own(
        fake: FakeDiscord, two: tuple[ParleyBot, str], store: Store, site: str) -> None:
    _bot, guild_b = two
    tokened = f"{site}/feed.xml?token={SECRET}"
    in_a, in_b = fake.channel_id("general"), fake.channel_id("b-general")
    await fake.interact("feed", option("url", tokened), subcommand=["add"], channel=in_a)
    added_b = await fake.interact("feed", option("url", tokened), subcommand=["add"], channel=in_b)
    assert "Feed added" in added_b.text  # B's own hold, on the feed A added: fetched once
    (feed,) = await store.list_feeds()
    assert await store.guilds_of(feed.id) == [int(fake.guild_id), int(guild_b)]

    removed = await fake.interact("feed", option("feed", str(feed.id)), subcommand=["remove"], channel=in_b)
    assert "Feed removed" in removed.text and "This server no longer follows it" in removed.text
    assert await store.guilds_of(feed.id) == [int(fake.guild_id)]
    assert f"#{feed.id}" in (await fake.interact("feed", subcommand=["list"], channel=in_a)).text
    assert "follows no feed" in (await fake.interact("feed", subcommand=["list"], channel=in_b)).text

    await fake.interact("feed", option("feed", str(feed.id)), subcommand=["remove"], channel=in_a)
    assert await store.list_feeds() == [], "nobody follows it: it is no longer polled"
    assert SECRET not in sent_to_discord(fake)


async def test_status_in_a_server_shows_only_its_feeds_channels_and_notices(
        fake: FakeDiscord, two: tuple[ParleyBot, str], store: Store, site: str) -> None:
    bot, _guild_b = two
    in_a, alerts_a = fake.channel_id("general"), fake.channel_id("alerts")
    in_b, alerts_b = fake.channel_id("b-general"), fake.channel_id("b-alerts")
    for channel in (alerts_a, alerts_b):
        await fake.interact("subscribe", option("kind", "all"), channel=channel)
    await fake.interact("feed", option("url", f"{site}/feed.xml?token={SECRET}"), subcommand=["add"], channel=in_a)
    await fake.interact("feed", option("url", f"{site}/gone.xml?token={SECRET}"), subcommand=["add"], channel=in_a)
    await poll_once(bot.settings, out=io.StringIO(), err=io.StringIO())  # the gone feed is disabled (410)
    gone = await store.get_feed_by_url(f"{site}/gone.xml?token={SECRET}")
    assert gone.disabled_at is not None
    await bot.on_poll_outcome(_disabled(gone))
    await DeliveryWorker(bot, store, worker_id="test").run_once()

    status_a = shown((await fake.interact("status", channel=in_a)).text)
    assert "2 followed, 0 failing, 1 disabled" in status_a
    assert f"feed #{gone.id} {site}/gone.xml?token=*** disabled: HTTP 410" in status_a
    status_b = shown((await fake.interact("status", channel=in_b)).text)
    assert "0 followed, 0 failing, 0 disabled" in status_b
    assert "gone.xml" not in status_b and "feed.xml" not in status_b
    subscriptions_b = (await fake.interact("subscriptions", channel=in_b)).text
    assert f"<#{alerts_b}>" in subscriptions_b and f"<#{alerts_a}>" not in subscriptions_b

    notices_a = [m for m in fake.posted(alerts_a) if m["embeds"][0]["title"].startswith("Feed disabled")]
    assert len(notices_a) == 1, "A follows the feed: A's channel is told"
    assert not [m for m in fake.posted(alerts_b) if m["embeds"][0]["title"].startswith("Feed disabled")], \
        "B never followed it: nothing about it reaches B"
    assert SECRET not in sent_to_discord(fake)


def _disabled(feed: Feed) -> PollOutcome:
    """The poll outcome the scheduler reports when a poll disabled ``feed``."""
    return PollOutcome(url=feed.url, feed_id=feed.id, kind="disabled")
