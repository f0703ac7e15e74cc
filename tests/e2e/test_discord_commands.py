"""The bot end to end through the loopback Discord: commands sync, the seeds are replayed into a
channel, /round answers from what they said, and a subscribed channel gets a new article's digest
exactly once after a poll."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.chat.client import ParleyBot
from bot.chat.delivery import DeliveryWorker
from bot.feeds.polling import poll_once
from bot.feeds.seedfeed import seed_feed_xml
from storage import Store
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
COMMANDS = {"round", "latest", "timeline", "positions", "changes", "tariffs", "why", "subscribe", "unsubscribe",
            "subscriptions", "feed", "status", "replay", "correct", "corrections", "editors"}


@pytest.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[ParleyBot]:
    async with running_bot(fake, bot_settings(fake, database_url=store.database_url), store=store,
                           delivery=False) as running:
        yield running


def number(n: int) -> list[dict[str, object]]:
    return [{"name": "number", "type": 4, "value": n}]


async def test_commands_sync_to_the_development_guild_at_once(fake: FakeDiscord, bot: ParleyBot) -> None:
    assert {c["name"] for c in fake.commands[fake.guild_id]} == COMMANDS
    assert fake.requests_to("PUT", r"^/applications/\d+/commands$") == [], "no global sync with DISCORD_GUILD_ID"


async def test_without_a_guild_commands_sync_globally_and_the_gateway_comes_from_rest(
        fake: FakeDiscord, store: Store) -> None:
    settings = bot_settings(fake, database_url=store.database_url, guild=False, gateway=False)
    async with running_bot(fake, settings, store=store, delivery=False):
        assert {c["name"] for c in fake.commands["global"]} == COMMANDS
        assert fake.requests_to("GET", r"^/gateway/bot$"), "DISCORD_GATEWAY_URL unset: ask REST for the gateway"
        assert fake.identifies == 1


async def test_synced_options_are_typed_ranged_and_permissioned(fake: FakeDiscord, bot: ParleyBot) -> None:
    synced = {c["name"]: c for c in fake.commands[fake.guild_id]}
    (round_option,) = synced["round"]["options"]
    assert round_option["type"] == 4 and round_option["min_value"] == 1 and round_option["autocomplete"] is True
    assert [c["value"] for c in synced["positions"]["options"][0]["choices"]] == ["Japan", "United States"]
    assert {o["name"] for o in synced["feed"]["options"]} == {"add", "remove", "list"}
    for managed in ("subscribe", "unsubscribe", "subscriptions", "feed", "replay", "editors"):
        assert int(synced[managed]["default_member_permissions"]) == 32, managed  # Manage Server
    assert synced["round"]["default_member_permissions"] is None
    assert all(c["description"] for c in synced.values())


async def test_round_5_after_replaying_the_seeds(fake: FakeDiscord, bot: ParleyBot) -> None:
    replayed = await fake.interact("replay", subcommand=["seeds"], channel=fake.channel_id("alerts"), wait=60)
    assert "replayed" in replayed.text
    reply = await fake.interact("round", number(5))
    assert not reply.ephemeral
    (embed,) = reply.embeds
    text = reply.text
    assert "Round 5" in embed["title"]
    for expected in ("2025-06-06", "Washington", "Ryosei Akazawa", "Scott Bessent", "Howard Lutnick", "110 min"):
        assert expected in text, expected
    assert "](https://" in text, "sources are links"


async def test_round_99_is_an_ephemeral_one_line_error(fake: FakeDiscord, bot: ParleyBot) -> None:
    await fake.interact("replay", subcommand=["seeds"], wait=60)
    reply = await fake.interact("round", number(99))
    assert reply.ephemeral and not reply.embeds
    assert reply.content.startswith("Round 99 is not recorded") and "\n" not in reply.content


async def test_round_autocompletes_the_recorded_rounds(fake: FakeDiscord, bot: ParleyBot) -> None:
    await fake.interact("replay", subcommand=["seeds"], wait=60)
    reply = await fake.interact("round", [{"name": "number", "type": 4, "value": "", "focused": True}], itype=4)
    assert reply.callback_type == 8
    assert [c["value"] for c in reply.choices] == [2, 4, 5]


async def test_replayed_digests_are_posted_to_the_channel_once(fake: FakeDiscord, bot: ParleyBot,
                                                               store: Store) -> None:
    alerts = fake.channel_id("alerts")
    await fake.interact("replay", subcommand=["seeds"], channel=alerts, wait=60)
    sink = DeliveryWorker(bot, store, worker_id="test")
    await sink.run_once()
    posted = [m["embeds"][0]["title"] for m in fake.posted(alerts)]
    assert any(t.startswith("Round 5") for t in posted)
    await fake.interact("replay", subcommand=["seeds"], channel=alerts, wait=60)
    await sink.run_once()
    assert [m["embeds"][0]["title"] for m in fake.posted(alerts)] == posted, "a second replay posts nothing new"


def _feed_with(items: int) -> str:
    """The seed feed cut to its first ``items`` articles (publication order), as a news site would grow."""
    xml = seed_feed_xml(SEEDS)
    found = re.findall(r"<item>.*?</item>", xml, flags=re.S)
    head, tail = xml.split(found[0], 1)[0], xml.rsplit(found[-1], 1)[1]
    return head + "".join(found[:items]) + tail


class NewsSite:
    """A loopback site whose feed grows as a test publishes seed articles."""

    def __init__(self) -> None:
        self.items = 0
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def __aenter__(self) -> NewsSite:
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
        return web.Response(text=_feed_with(self.items), content_type="application/rss+xml")


async def follow(fake: FakeDiscord, bot: ParleyBot, site: NewsSite, *, kind: str, channel: str) -> None:
    """/feed add the site (its first poll records without announcing), then /subscribe the channel."""
    bot.settings = bot.settings.model_copy(update={"allow_private_feeds": True})
    added = await fake.interact("feed", [{"name": "url", "type": 3, "value": site.url}], subcommand=["add"])
    assert "Feed added" in added.text
    await poll_once(bot.settings, out=io.StringIO())
    await fake.interact("subscribe", [{"name": "kind", "type": 3, "value": kind}], channel=channel)


async def test_subscribe_then_a_poll_with_a_new_article_posts_its_digest_once(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    news = fake.channel_id("news")
    sink = DeliveryWorker(bot, store, worker_id="test")
    async with NewsSite() as site:
        site.items = 4
        await follow(fake, bot, site, kind="digests", channel=news)
        await sink.run_once()
        assert fake.posted(news) == []
        site.items = 5  # the site publishes the 5th seed article
        await poll_once(bot.settings, out=io.StringIO())
        await sink.run_once()
        await poll_once(bot.settings, out=io.StringIO())  # nothing new: nothing more
        await sink.run_once()
    (post,) = fake.posted(news)
    assert post["embeds"][0]["title"].startswith("Round 5")
    assert len(fake.requests_to("POST", rf"^/channels/{news}/messages$")) == 1


async def test_a_second_source_for_a_posted_round_edits_its_digest(
        fake: FakeDiscord, bot: ParleyBot, store: Store) -> None:
    news = fake.channel_id("news")
    sink = DeliveryWorker(bot, store, worker_id="test")
    async with NewsSite() as site:
        await follow(fake, bot, site, kind="digests", channel=news)  # an empty feed at first
        site.items = 1  # seed-004: round 2 announced
        await poll_once(bot.settings, out=io.StringIO())
        await sink.run_once()
        (first,) = copy.deepcopy(fake.posted(news))
        assert first["embeds"][0]["title"].startswith("Round 2")
        site.items = 2  # seed-000: another outlet reports round 2
        await poll_once(bot.settings, out=io.StringIO())
        await sink.run_once()
    (edited,) = fake.posted(news)
    assert edited["id"] == first["id"] and edited["edited_timestamp"] is not None
    assert "Jiji Press" in str(edited["embeds"]) and "Jiji Press" not in str(first["embeds"])
    assert len(fake.requests_to("POST", rf"^/channels/{news}/messages$")) == 1
