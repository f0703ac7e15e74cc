"""Run the real Parley bot against a `FakeDiscord`: settings that point at it, and a started bot.

Shared by the tests (tests/cogs, tests/e2e) and bench/commands.py.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import discord

from bot.chat.client import ParleyBot
from bot.config import Settings

from .server import FakeDiscord


def bot_settings(fake: FakeDiscord, *, database_url: str = "sqlite:///:memory:", guild: bool = True,
                 gateway: bool = True, **extra: Any) -> Settings:
    """Settings that point the real client at ``fake``, as an operator would for a self-hosted server."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        discord_token=fake.token,
        database_url=database_url,
        discord_api_base=fake.api_base,
        discord_gateway_url=fake.gateway_url if gateway else None,
        discord_guild_id=int(fake.guild_id) if guild else None,
        **extra,
    )


@contextlib.asynccontextmanager
async def running_bot(fake: FakeDiscord, settings: Settings, **kwargs: Any) -> AsyncIterator[ParleyBot]:
    """A `ParleyBot` logged in to ``fake`` and past READY; closed, and its task awaited, on exit.

    The scheduler is off unless asked for (tests poll by hand); everything else is as in
    production, including the delivery worker unless ``delivery=False``.
    """
    kwargs.setdefault("scheduler", False)
    kwargs.setdefault("guild_ready_timeout", 0.01)  # the fake sends its one guild at once
    bot = ParleyBot(settings, **kwargs)
    task = asyncio.create_task(bot.start(fake.token))
    ready = asyncio.create_task(bot.wait_until_ready())
    try:
        done, _ = await asyncio.wait({ready, task}, timeout=20, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()  # start() failed: raise its error here
            raise RuntimeError("the bot stopped before it was ready")
        if ready not in done:
            raise TimeoutError("the bot did not become ready")
        yield bot
    finally:
        ready.cancel()
        await bot.close()
        with contextlib.suppress(asyncio.CancelledError, discord.DiscordException, OSError):
            await asyncio.wait_for(task, 10)


async def invoke(bot: ParleyBot, payload: dict[str, Any]) -> discord.Interaction[ParleyBot]:
    """Build a real `discord.Interaction` from ``payload`` and run it through the bot's command tree.

    The same path an INTERACTION_CREATE from the gateway takes (option parsing, checks, error
    handler), minus the socket; the answer still goes over REST to the fake server.
    """
    interaction: discord.Interaction[ParleyBot] = discord.Interaction(data=payload, state=bot._connection)  # type: ignore[arg-type]
    try:  # what CommandTree._from_interaction does, awaited instead of spawned
        await bot.tree._call(interaction)
    except discord.app_commands.AppCommandError as exc:
        await bot.tree._dispatch_error(interaction, exc)
    return interaction
