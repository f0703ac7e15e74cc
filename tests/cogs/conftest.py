"""Fixtures of the cog tests: a loopback Discord and the real bot connected to it, on a real database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.chat.client import ParleyBot
from storage import Store
from tests.fakediscord import FakeDiscord
from tests.fakediscord.harness import bot_settings, running_bot


@pytest.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[ParleyBot]:
    """The bot on both databases, delivery left to the test (it drives `bot.chat.delivery` itself)."""
    settings = bot_settings(fake, database_url=store.database_url)
    async with running_bot(fake, settings, store=store, delivery=False) as running:
        yield running


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
async def seeded(bot: ParleyBot, store: Store) -> ParleyBot:
    """The bot after the seed feed went through the whole pipeline (as `parley replay` does)."""
    from bot.replay import replay

    assert await replay(bot.settings, SEEDS, console=False) == 0
    return bot
