"""An article written by an attacker, from its feed to Discord and the console: its link cannot end
the Markdown link it is put in, and nothing it says can format, link or rewrite a terminal."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.chat.client import ParleyBot
from bot.chat.delivery import DeliveryWorker
from bot.feeds.fetch import FetchLimits
from bot.feeds.policy import PollPolicy
from bot.feeds.polling import Poller
from storage import Store
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot
from tests.loopback_http import serve

INJECTION = ") **FAKE: Japan accepts deal** [verify here](http://evil.example/x"
ROUND_TEXT = (
    "Japan's chief tariff negotiator Ryosei Akazawa met Commerce Secretary Howard Lutnick in Washington "
    "on Friday for the fifth round of tariff talks. Japan continued to demand the removal of the tariffs."
)


def feed(*items: tuple[str, str, str]) -> bytes:
    """RSS with items of (guid, title, link); every item reports round five, in words of its own."""
    body = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><link>{link}</link>"
        f"<pubDate>Fri, 06 Jun 2025 12:00:00 GMT</pubDate>"
        f"<description>{ROUND_TEXT} Dispatch {guid[-1]}.</description></item>"
        for guid, title, link in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire \x1b[31mRED</title>'
            f"{body}</channel></rss>").encode()


@pytest.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[ParleyBot]:
    async with running_bot(fake, bot_settings(fake, database_url=store.database_url), store=store,
                           delivery=False, worker_id="bot-a") as running:
        yield running


async def test_a_hostile_link_and_title_reach_discord_and_the_console_inert(
    fake: FakeDiscord, bot: ParleyBot, store: Store
) -> None:
    channel = fake.channel_id("news")
    await store.add_subscription(guild_id=int(fake.guild_id), channel_id=int(channel))
    served = {"body": feed(("urn:1", "Calm report", "https://news.example/1"))}

    async def rss(_: web.Request) -> web.Response:
        return web.Response(body=served["body"], content_type="application/rss+xml")

    async with serve({"/rss": rss}) as base:
        feed_row = await store.add_feed(f"{base}/rss")
        limits = FetchLimits(allow_private=True, total_timeout=5)
        async with Poller(store, policy=PollPolicy(interval=300), limits=limits) as poller:
            await poller.poll_feed(await store.get_feed(feed_row.id))  # first poll: recorded, not announced
            served["body"] = feed(("urn:2", "**Bold** _claim_ @everyone \u202egnp.exe", f"https://news.example/2{INJECTION}"),
                                  ("urn:1", "Calm report", "https://news.example/1"))
            outcome = await poller.poll_feed(await store.get_feed(feed_row.id))
    assert (outcome.kind, outcome.new_entries) == ("new", 1), outcome
    await DeliveryWorker(bot, store, worker_id="bot-a").run_once()

    [message] = fake.posted(channel)
    embed = message["embeds"][0]
    sources = next(f["value"] for f in embed["fields"] if f["name"] == "Sources")
    links = re.findall(r"\]\((\S*?)\)", sources)
    assert sorted(links) == ["https://news.example/1", "https://news.example/2%29%20%2A%2AFAKE:%20Japan%20accepts"
                             "%20deal%2A%2A%20%5Bverify%20here%5D%28http://evil.example/x"]
    assert "**FAKE" not in sources and "[verify here]" not in sources
    assert "\\*\\*Bold\\*\\* \\_claim\\_" in sources  # the title shows literally, it does not format
    assert "\u202e" not in str(message) and "\x1b" not in str(message)
    assert "Wire [31mRED" not in str(message) and "Wire RED" in str(message)  # the outlet, cleaned

    from bot.answers import queries

    console = (await queries.round_(store, 5)).to_text()
    assert "\x1b" not in console and "\u202e" not in console
