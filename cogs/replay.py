"""/replay seeds: replay the seed feed into this channel, to try Parley without waiting for news."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat import chatops
from bot.chat.client import ParleyBot
from cogs._reply import manage_server_only, reply, store_of


@manage_server_only
class Replay(commands.GroupCog, group_name="replay", group_description="Replay test feeds"):
    def __init__(self, bot: ParleyBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="seeds", description="Replay the seed articles; their digests are posted here")
    @manage_server_only
    async def seeds(self, interaction: discord.Interaction[ParleyBot]) -> None:
        # Replaying runs the whole pipeline over every seed article: answer within Discord's 3 s first.
        await interaction.response.defer(thinking=True)
        answer = await chatops.replay_seeds_here(
            store_of(interaction), interaction.client.settings,
            guild_id=interaction.guild_id, channel_id=interaction.channel_id or 0, user_id=interaction.user.id)
        await reply(interaction, answer)
        self.bot.kick_delivery()


async def setup(bot: ParleyBot) -> None:
    await bot.add_cog(Replay(bot))
