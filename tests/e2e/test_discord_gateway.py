"""The real client's gateway session against the loopback server: HELLO, IDENTIFY → READY and
GUILD_CREATE, heartbeats acknowledged, and a dropped connection RESUMEd without losing commands."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator

import pytest

from bot.chat.client import ParleyBot
from storage import Store
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot


@pytest.fixture
async def bot(fake: FakeDiscord, sqlite_store: Store) -> AsyncIterator[ParleyBot]:
    async with running_bot(fake, bot_settings(fake, database_url=sqlite_store.database_url), store=sqlite_store,
                           delivery=False) as running:
        yield running


async def test_identify_brings_ready_the_guild_and_acknowledged_heartbeats(fake: FakeDiscord,
                                                                           bot: ParleyBot) -> None:
    assert fake.identifies == 1
    assert bot.user is not None and str(bot.user.id) == fake.application_id
    guild = bot.get_guild(int(fake.guild_id))
    assert guild is not None and {c.name for c in guild.text_channels} == {"general", "alerts", "news"}
    assert fake.heartbeats >= 1
    assert math.isfinite(bot.latency), "the heartbeat was acknowledged"


async def test_no_privileged_intents_are_asked_for(bot: ParleyBot) -> None:
    assert not (bot.intents.members or bot.intents.presences or bot.intents.message_content)


async def test_a_dropped_connection_is_resumed_and_commands_keep_working(fake: FakeDiscord, bot: ParleyBot) -> None:
    await fake.disconnect_gateways(code=4000)  # "unknown error": resumable
    await asyncio.wait_for(fake.resumed.wait(), 10)
    assert fake.resumes == 1 and fake.identifies == 1
    reply = await fake.interact("status", session=-1)
    assert "Parley status" in reply.text
