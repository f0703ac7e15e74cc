"""Questions about the negotiation: /round, /latest, /timeline, /positions, /changes, /tariffs, /why.

Each command hands its options to its own typed function of the query layer (`bot.answers.queries`),
the code `parley ask` runs too; the answer comes back as embeds, a mistake (`UserError`) as one ephemeral
line from the command tree. The choices of /positions (the sides) and /tariffs (the sectors) are
the profile's, so the cog is built for the profile the bot runs with.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import queries
from bot.answers.queries import MAX_ROUND
from bot.chat import chatops
from bot.chat.client import ParleyBot
from bot.extract.profile import Profile
from cogs._reply import reply_in_time, store_of

MAX_CHOICES = 25  # Discord's limit on an option's choices


def side_choices(profile: Profile) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=side, value=side) for side in profile.sides][:MAX_CHOICES]


def sector_choices(profile: Profile) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=profile.label(s)[:100], value=s) for s in profile.sectors][:MAX_CHOICES]


def negotiation_cog(bot: ParleyBot, profile: Profile) -> commands.Cog:
    """The cog, with the profile's sides and sectors as the commands' choices."""
    sides, sectors = side_choices(profile), sector_choices(profile)

    class Negotiation(_Negotiation):
        @app_commands.command(name="positions", description="Each side's current stance, with the sentence that says so")
        @app_commands.describe(side="only this side")
        @app_commands.choices(side=sides)
        async def positions(self, interaction: discord.Interaction[ParleyBot],
                            side: app_commands.Choice[str] | None = None) -> None:
            client = interaction.client
            await reply_in_time(interaction, queries.positions(client.store, side.value if side else None, client.profile))

        @app_commands.command(name="tariffs", description="Tariff rates reported, by sector, with sources")
        @app_commands.describe(sector="only this sector")
        @app_commands.choices(sector=sectors)
        async def tariffs(self, interaction: discord.Interaction[ParleyBot],
                          sector: app_commands.Choice[str] | None = None) -> None:
            client = interaction.client
            await reply_in_time(interaction, queries.tariffs(client.store, sector.value if sector else None, client.profile))

    return Negotiation(bot)


class _Negotiation(commands.Cog, name="Negotiation"):
    """What Parley knows about the talks, straight from the knowledge base."""

    def __init__(self, bot: ParleyBot) -> None:
        self.bot = bot

    @app_commands.command(name="round", description="What is known about one ministerial round")
    @app_commands.describe(number="the round's number (recorded rounds are suggested)")
    async def round_(self, interaction: discord.Interaction[ParleyBot], number: app_commands.Range[int, 1, MAX_ROUND]) -> None:
        await reply_in_time(interaction, chatops.round_in_chat(store_of(interaction), number, interaction.client.profile))

    @round_.autocomplete("number")
    async def _round_numbers(self, interaction: discord.Interaction[ParleyBot], current: str) -> list[app_commands.Choice[int]]:
        rounds = await chatops.round_choices(store_of(interaction), current)
        return [app_commands.Choice(name=f"Round {n}", value=n) for n in rounds]

    @app_commands.command(name="latest", description="The most recent round and what happened in it")
    async def latest(self, interaction: discord.Interaction[ParleyBot]) -> None:
        await reply_in_time(interaction, queries.latest(interaction.client.store, interaction.client.profile))

    @app_commands.command(name="timeline", description="Every round so far: dates, places, who met")
    async def timeline(self, interaction: discord.Interaction[ParleyBot]) -> None:
        await reply_in_time(interaction, queries.timeline(interaction.client.store, interaction.client.profile))

    @app_commands.command(name="changes", description="When and how a side changed its position")
    async def changes(self, interaction: discord.Interaction[ParleyBot]) -> None:
        await reply_in_time(interaction, queries.changes(interaction.client.store, interaction.client.profile))

    @app_commands.command(name="why", description="What Parley took from one article, and why")
    @app_commands.describe(article="the article's link or guid")
    async def why(self, interaction: discord.Interaction[ParleyBot], article: app_commands.Range[str, 1, 2000]) -> None:
        await reply_in_time(interaction, queries.why(interaction.client.store, article, interaction.client.profile))


async def setup(bot: ParleyBot) -> None:
    await bot.add_cog(negotiation_cog(bot, bot.profile))

