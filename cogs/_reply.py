"""Helpers shared by the cogs: send an `Answer` as the interaction's reply, in time; Manage Server only.

An answer is rendered as embeds (`bot.chat.embeds.render`) that never ping anyone. A user's
mistake is no answer: it raises `UserError`, which the command tree's error handler
(`bot.chat.client.ParleyTree.on_error`) shows only to the asker, as one line.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands

from bot.answers.answer import Answer
from bot.chat.client import ParleyBot
from bot.chat.embeds import render

if TYPE_CHECKING:
    from storage import Store

T = TypeVar("T")  # a command, or a command group's class
NO_MENTIONS = discord.AllowedMentions.none()


async def reply(interaction: discord.Interaction[ParleyBot], answer: Answer, *, ephemeral: bool = False) -> None:
    """Answer the interaction with ``answer``, as embeds."""
    await _send(interaction, embeds=render(answer), ephemeral=ephemeral)


async def _send(interaction: discord.Interaction[ParleyBot], *, ephemeral: bool, **kwargs: Any) -> None:
    if interaction.response.is_done():
        await interaction.followup.send(ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, **kwargs)
    else:
        await interaction.response.send_message(ephemeral=ephemeral, allowed_mentions=NO_MENTIONS, **kwargs)


DEFER_AFTER_SECONDS = 2.0


async def reply_in_time(interaction: discord.Interaction[ParleyBot], pending: Awaitable[Answer]) -> None:
    """Reply with the answer ``pending`` gives, deferring first if it is slow.

    Discord drops an interaction not answered within 3 seconds. Answers normally take
    milliseconds; when the database is busy, a "thinking…" deferral after 2 s buys 15 minutes,
    and the answer follows up. (After a deferral even an error answer shows in the channel:
    Discord makes the first follow-up replace the deferred message.)
    """
    task = asyncio.ensure_future(pending)
    try:
        done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER_SECONDS)
        if not done:
            await interaction.response.defer(thinking=True)
        result = await task
    finally:
        if not task.done():
            task.cancel()
    await reply(interaction, result)


def store_of(interaction: discord.Interaction[ParleyBot]) -> Store:
    return interaction.client.store


def manage_server_only(target: T) -> T:
    """Limit a command to members with Manage Server, twice over: Discord hides it from others by
    default (default member permissions), and a check refuses it anyway, because server admins
    can change who sees a command.

    On a command group (a `GroupCog` class) it sets Discord's defaults for the whole group, which
    is where Discord reads them; each of the group's commands takes it as well, for the check."""
    if isinstance(target, type):
        target = app_commands.default_permissions(manage_guild=True)(target)
        return app_commands.guild_only()(target)
    target = app_commands.checks.has_permissions(manage_guild=True)(target)
    target = app_commands.default_permissions(manage_guild=True)(target)
    return app_commands.guild_only()(target)
