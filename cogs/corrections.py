"""Corrections from the team: /correct, /corrections, /editors.

/correct is for members with Manage Server or the guild's editors role (`/editors role:`).
Discord shows it to everyone (a role cannot be given a command by default permissions), and its
check refuses anyone else with one line. The rules (reading the value, what a correction changes) are in
`bot.answers.corrections`; this cog parses the interaction and checks who asks.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import corrections
from bot.answers.answer import Answer
from bot.answers.correction_values import FIELDS
from bot.answers.queries import MAX_ROUND
from bot.answers.questions import QuestionParser
from bot.chat.buttons import NOT_AN_EDITOR, is_editor
from bot.chat.client import ParleyBot
from cogs._reply import manage_server_only, reply, store_of

FIELD_CHOICES = [app_commands.Choice(name=f, value=f) for f in FIELDS]
async def editors_only(interaction: discord.Interaction[ParleyBot]) -> bool:
    """The check of /correct: one line for anyone else (`bot.chat.client.describe_error`)."""
    if not await is_editor(interaction):
        raise app_commands.CheckFailure(NOT_AN_EDITOR)
    return True


class Corrections(commands.Cog):
    """Mending the record when Parley misread an article."""

    def __init__(self, bot: ParleyBot) -> None:
        self.bot = bot
        self.parser = QuestionParser(bot.profile)

    @app_commands.command(name="correct", description="Correct what Parley recorded for a round (editors)")
    @app_commands.describe(number="the round", field="what to correct", value="the right value, e.g. a stance, "
                           "2025-06-06, a surname and 110 min, a sector and 15%", note="why (shown with the correction)",
                           undo="take back the correction in force for this field")
    @app_commands.rename(number="round")
    @app_commands.choices(field=FIELD_CHOICES)
    @app_commands.guild_only()
    @app_commands.check(editors_only)
    async def correct(self, interaction: discord.Interaction[ParleyBot], number: app_commands.Range[int, 1, MAX_ROUND],
                      field: app_commands.Choice[str], value: app_commands.Range[str, 0, 300] = "",
                      note: app_commands.Range[str, 0, 300] | None = None, undo: bool = False) -> None:
        answer = await self.file(interaction, number, field.value, value, note, undo)
        await reply(interaction, answer)

    async def file(self, interaction: discord.Interaction[ParleyBot], number: int, field: str, value: str,
                   note: str | None, undo: bool) -> Answer:
        """File a correction as the member of ``interaction`` (also used by the "Wrong?" form)."""
        answer = await corrections.correct(
            store_of(interaction), self.bot.profile, guild_id=interaction.guild_id, round_number=number, field=field,
            value=value, note=note, undo=undo, author_id=interaction.user.id,
            author_name=interaction.user.display_name, parser=self.parser)
        self.bot.kick_delivery()
        return answer

    @app_commands.command(name="corrections", description="Corrections the team made, newest first")
    @app_commands.describe(number="only this round")
    @app_commands.rename(number="round")
    async def corrections_(self, interaction: discord.Interaction[ParleyBot],
                           number: app_commands.Range[int, 1, MAX_ROUND] | None = None) -> None:
        await reply(interaction, await corrections.list_corrections(store_of(interaction), number))

    @app_commands.command(name="editors", description="Name the role whose members may correct the record")
    @app_commands.describe(role="the editors role (leave out to allow Manage Server only)")
    @manage_server_only
    async def editors(self, interaction: discord.Interaction[ParleyBot], role: discord.Role | None = None) -> None:
        assert interaction.guild_id is not None  # guild_only
        await store_of(interaction).set_editor_role(interaction.guild_id, role.id if role else None,
                                                    set_by=interaction.user.id)
        if role is None:
            answer = Answer(title="Editors", description="Only members with Manage Server may correct the record now.")
        else:
            answer = Answer(title="Editors", description=f"Members with <@&{role.id}> (and Manage Server) may now "
                                                         "correct the record with /correct.")
        await reply(interaction, answer, ephemeral=True)


async def setup(bot: ParleyBot) -> None:
    await bot.add_cog(Corrections(bot))
