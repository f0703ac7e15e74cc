"""Where Parley posts: /subscribe, /unsubscribe, /subscriptions (Manage Server)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat import chatops
from bot.chat.client import ParleyBot
from cogs._reply import manage_server_only, reply, store_of
from storage.kinds import SubscriptionKind

KINDS = [
    app_commands.Choice(name="digests: a digest of each round", value=SubscriptionKind.DIGESTS.value),
    app_commands.Choice(name="changes: alerts when a side changes position", value=SubscriptionKind.CHANGES.value),
    app_commands.Choice(name="all: digests and alerts", value=SubscriptionKind.ALL.value),
]


class Subscriptions(commands.Cog):
    """Channel subscriptions, for members with Manage Server (`manage_server_only`)."""

    def __init__(self, bot: ParleyBot) -> None:
        self.bot = bot

    @app_commands.command(name="subscribe", description="Post digests and/or position-change alerts in this channel")
    @app_commands.describe(kind="what to post here (default: all)", role="a role to ping with each post",
                           threads="start a thread for each round on its first digest (default: false)")
    @app_commands.choices(kind=KINDS)
    @manage_server_only
    async def subscribe(self, interaction: discord.Interaction[ParleyBot], kind: app_commands.Choice[str] | None = None,
                        role: discord.Role | None = None, threads: bool = False) -> None:
        answer = await chatops.subscribe(
            store_of(interaction), guild_id=interaction.guild_id, channel_id=interaction.channel_id or 0,
            kind=kind.value if kind else SubscriptionKind.ALL, role_id=role.id if role else None, user_id=interaction.user.id,
            threads=threads, bot_permissions=interaction.app_permissions)
        await reply(interaction, answer)
        self.bot.kick_delivery()

    @app_commands.command(name="unsubscribe", description="Stop posting in this channel")
    @manage_server_only
    async def unsubscribe(self, interaction: discord.Interaction[ParleyBot]) -> None:
        await reply(interaction, await chatops.unsubscribe(store_of(interaction),
                                                           channel_id=interaction.channel_id or 0))

    @app_commands.command(name="subscriptions", description="The channels of this server that get posts")
    @manage_server_only
    async def subscriptions(self, interaction: discord.Interaction[ParleyBot]) -> None:
        await reply(interaction, await chatops.list_subscriptions(store_of(interaction),
                                                                  guild_id=interaction.guild_id), ephemeral=True)


async def setup(bot: ParleyBot) -> None:
    await bot.add_cog(Subscriptions(bot))
