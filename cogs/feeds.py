"""The feeds a server follows: /feed add, /feed remove, /feed list (Manage Server).

Each command acts on the feeds of the server it is used in only (`bot.chat.chatops`); the group
is guild-only, so ``interaction.guild_id`` is always set here.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat import chatops
from bot.chat.client import ParleyBot
from cogs._reply import manage_server_only, reply, store_of


@manage_server_only
class Feeds(commands.GroupCog, group_name="feed", group_description="The news feeds Parley follows"):
    """Feed management. Adding a feed records what it already holds without announcing it."""

    def __init__(self, bot: ParleyBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="add", description="Follow an RSS or Atom feed")
    @manage_server_only
    @app_commands.describe(url="the feed's http(s) address")
    async def add(self, interaction: discord.Interaction[ParleyBot], url: app_commands.Range[str, 8, 2000]) -> None:
        client = interaction.client
        await reply(interaction, await chatops.add_feed(store_of(interaction), client.settings, url,
                                                        guild_id=interaction.guild_id, user_id=interaction.user.id,
                                                        scheduler=client.scheduler))

    @app_commands.command(name="remove", description="Stop following a feed")
    @manage_server_only
    @app_commands.describe(feed="the feed (its number or address; suggestions as you type)")
    async def remove(self, interaction: discord.Interaction[ParleyBot], feed: app_commands.Range[str, 1, 2000]) -> None:
        await reply(interaction, await chatops.remove_feed(store_of(interaction), feed, guild_id=interaction.guild_id))

    @remove.autocomplete("feed")
    async def _feeds(self, interaction: discord.Interaction[ParleyBot], current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:  # the group is for servers only; Discord never asks from a DM
            return []
        pairs = await chatops.feed_choices(store_of(interaction), current, guild_id=interaction.guild_id)
        return [app_commands.Choice(name=label, value=value) for label, value in pairs]

    @app_commands.command(name="list", description="The feeds followed, their last poll and errors")
    @manage_server_only
    async def list_(self, interaction: discord.Interaction[ParleyBot]) -> None:
        await reply(interaction, await chatops.list_feeds(store_of(interaction), guild_id=interaction.guild_id),
                    ephemeral=True)


async def setup(bot: ParleyBot) -> None:
    await bot.add_cog(Feeds(bot))
