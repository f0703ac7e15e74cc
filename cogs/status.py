"""/status: the server's feeds, last poll, errors, deliveries and disabled subscriptions at a glance."""

from __future__ import annotations

import math

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat import chatops
from bot.chat.client import ParleyBot
from cogs._reply import reply, store_of


class Status(commands.Cog):
    def __init__(self, bot: ParleyBot) -> None:
        self.bot = bot

    @app_commands.command(name="status", description="This server's feeds, last poll, errors and last delivery")
    @app_commands.guild_only()  # a server's own feeds and channels: in a DM there is no server to show
    async def status(self, interaction: discord.Interaction[ParleyBot]) -> None:
        latency = self.bot.latency
        info = chatops.ConnectionInfo(
            latency_ms=None if math.isnan(latency) or math.isinf(latency) else latency * 1000,
            guilds=len(self.bot.guilds),
        )
        await reply(interaction, await chatops.status(store_of(interaction), info, guild_id=interaction.guild_id),
                    ephemeral=True)


async def setup(bot: ParleyBot) -> None:
    await bot.add_cog(Status(bot))
